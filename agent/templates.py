"""The draft templates: the packaged ones (`config/templates/`, shipped as `agent.defaults`), each
replaced by the user's own file of the same name in `<config_dir>/templates/` when there is one."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from agent.core.compose import Templates


def load(user_dir: Path | None = None) -> Templates:
    """Read the packaged templates and the user's overrides in `user_dir` (a missing folder is fine)."""
    # importlib.resources works for wheels, zips and editable installs alike.
    packaged = importlib.resources.files("agent.defaults") / "templates"
    sources = {item.name: item.read_text(encoding="utf-8") for item in packaged.iterdir()
               if item.name.endswith(".j2") and item.is_file()}
    if user_dir is not None and user_dir.is_dir():
        sources.update({path.name: path.read_text(encoding="utf-8") for path in sorted(user_dir.glob("*.j2"))
                        if path.is_file()})
    return Templates.of(sources)
