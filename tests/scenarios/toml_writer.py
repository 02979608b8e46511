"""The small TOML writer behind the generated scenario.toml and demo.toml files: one line per key, inline
tables, output that is stable from build to build (tomllib only reads)."""

from __future__ import annotations

import json
from typing import Any


def toml_value(v: Any) -> str:
    """One TOML value on one line (inline tables and arrays)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(type(v))


def toml_key(k: str) -> str:
    """A bare key when TOML allows one, else a quoted key."""
    return k if k.replace("_", "").replace("-", "").isalnum() and k.isascii() else json.dumps(k)


def toml_table(name: str, table: dict[str, Any], array: bool = False) -> str:
    """`[name]` (or `[[name]]`) and its keys; a list of tables is written one inline table a line."""
    head = f"[[{name}]]" if array else f"[{name}]"
    lines = [head]
    for k, v in table.items():
        if isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            lines.append(f"{toml_key(k)} = [")
            lines += [f"  {toml_value(x)}," for x in v]
            lines.append("]")
        else:
            lines.append(f"{toml_key(k)} = {toml_value(v)}")
    return "\n".join(lines)
