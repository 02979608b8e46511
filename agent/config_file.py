"""Writing the config file: the example that `init` writes, and the account tables `connect` writes.

Edits go through tomlkit so the user's comments, order and formatting survive; every write is 0600
because the file names the mailbox (and, with `password_command`, how to reach the password).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from agent import config as config_mod
from agent.core.errors import ConfigError


def example_text() -> str:
    """The packaged commented example (`config/example.toml`, generated from `agent.config_spec`)."""
    return (resources.files("agent.defaults") / "example.toml").read_text(encoding="utf-8")


def _write_private(path: Path, text: str) -> None:
    from providers.secret_files import write_private

    write_private(path, text.encode("utf-8"))


def write_example(path: Path) -> None:
    """Write the example config to `path`. Raises ConfigError when a file is already there."""
    if path.exists():
        raise ConfigError(f"{path} already exists; edit it, or pass --config NEW_PATH")
    _write_private(path, example_text())


def set_account(path: Path, account: dict[str, Any], name: str | None = None) -> str:
    """Write `account` into the config and return the account's name there.

    No account yet: it becomes `[account]`. One `[account]`: replaced, unless `name` differs from its
    name, in which case both become `[[accounts]]` (the first keeping its name, so its state stays).
    `[[accounts]]`: the entry with this name (given, or derived from the mailbox) is replaced, else the
    account is added. No config file yet: the account goes into a copy of the example."""
    import tomlkit  # only `init` and `connect` need it

    doc = tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else tomlkit.parse(example_text())

    def table(values: dict[str, Any], keep_name: str | None) -> Any:
        t = tomlkit.table()
        if keep_name:
            t["name"] = keep_name
        for key, value in values.items():
            if key != "name":
                t[key] = value
        return t

    def update(t: Any, values: dict[str, Any], keep_name: str | None) -> None:
        """`t` holding `values` (and `keep_name`), edited in place: its comments and position stay."""
        wanted = {**({"name": keep_name} if keep_name else {}), **{k: v for k, v in values.items() if k != "name"}}
        for key in [k for k in t if k not in wanted]:
            del t[key]
        for key, value in wanted.items():
            if t.get(key) != value:
                t[key] = value

    if "accounts" in doc:
        entries = doc["accounts"]
        wanted = name or config_mod.default_account_name(account, single=False)
        for entry in entries:
            current = entry.get("name") or config_mod.default_account_name(dict(entry), single=False)
            if current == wanted:
                update(entry, account, entry.get("name") or name)
                break
        else:
            entries.append(table(account, name))
        final = wanted
    elif "account" in doc and name and name != (doc["account"].get("name") or "account"):
        old = doc["account"]
        aot = tomlkit.aot()
        aot.append(table(dict(old), old.get("name") or "account"))  # keeps the name its state is filed under
        aot.append(table(account, name))
        del doc["account"]
        doc["accounts"] = aot
        final = name
    else:
        keep = name or (doc["account"].get("name") if "account" in doc else None)
        if "account" in doc:  # in place: the table's comments (help for the other providers) and place stay
            update(doc["account"], account, keep)
        else:
            doc["account"] = table(account, keep)
        final = keep or "account"
    _write_private(path, tomlkit.dumps(doc))
    return final
