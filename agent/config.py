"""The TOML config, read once into frozen dataclasses and validated with every problem reported at once.

What each key is (type, default, bounds) comes from `agent.config_spec`; this module reads the file against
it. The `[account]` table (or `[[accounts]]` tables) stays a plain dict: each provider validates its own keys.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from agent import config_spec
from agent.core.errors import ConfigError
from agent.core.settings import Identity, Profile
from agent.core.settings import Settings as CoreSettings

APP = "interview-agent"


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP)) / "config.toml"


def default_state_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP))


@dataclass(frozen=True)
class Settings(CoreSettings):
    """The planner's settings plus where the state lives."""

    state_dir: Path = field(default_factory=default_state_dir)


@dataclass(frozen=True)
class Config:
    path: Path
    identity: Identity
    profile: Profile
    settings: Settings
    accounts: tuple[dict[str, Any], ...]
    warnings: tuple[str, ...] = ()

    @property
    def config_dir(self) -> Path:
        return self.path.parent

    @property
    def signature(self) -> str:
        return self.profile.signature or self.identity.name


def default_account_name(account: dict[str, Any], *, single: bool) -> str:
    """The name an account has when its table sets no `name`. The state store keeps sync cursors and
    mail per account name, so it must not change when the config is edited: the single `[account]` form is
    always "account"; an `[[accounts]]` entry is named by its provider and mailbox ("maildir:~/Mail",
    "imap:jordan@fastmail.com"), never by its position in the list."""
    if single:
        return "account"
    provider = str(account.get("provider") or "account")
    if provider == "maildir":
        ident = str(account.get("path") or "").rstrip("/")
    elif provider == "imap":
        user, host = str(account.get("username") or ""), str(account.get("host") or "")
        ident = user if "@" in user or not host else f"{user}@{host}"
    else:  # gmail, outlook: whatever names the mailbox or its token
        ident = next((str(account[k]) for k in ("email", "username", "user", "login_hint", "token_file",
                                                 "token_path", "client_id") if account.get(k)), "")
    return f"{provider}:{ident}" if ident else provider


def _expand(path: str, base: Path) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else (base / p)


def load(path: Path | str | None = None) -> Config:
    """Read and validate the config. Raises ConfigError listing every problem with its key and fix."""
    path = Path(path) if path else default_config_path()
    if not path.exists():
        raise ConfigError(f"no config file at {path}; create one with `interview-agent init` "
                          f"(or pass --config PATH)")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"the file is not valid TOML: {exc}", str(path)) from exc
    return parse(data, path)


_EXAMPLES = {"name": "Jordan Lee", "email": "jordan.lee@gmail.com", "provider": "maildir"}


def did_you_mean(key: str, known: Any) -> str:
    """"; did you mean X?" when `key` looks like a misspelt known key, else ""."""
    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""


def _account_problems(acc: dict[str, Any], where: str, base: Path) -> list[str]:
    """What is wrong in one account table that can be told without opening the mailbox, so that it is
    reported with the other tables' problems instead of at the next try."""
    import providers  # the registry only: no provider module is imported here

    provider = acc.get("provider")
    if not isinstance(provider, str) or not provider:
        return [f"{where}.provider is missing; set it to maildir, imap, gmail or outlook"]
    if provider not in providers.NAMES:
        return [f"{where}.provider = {provider!r} is not known{did_you_mean(provider, providers.NAMES)} "
                f"(use one of: {', '.join(providers.NAMES)})"]
    if provider == "maildir":
        path = acc.get("path")
        if not isinstance(path, str) or not path.strip():
            return [f"{where}.path is missing; set it to your Maildir++ root (the folder that holds cur/, new/ "
                    f"and .Sent), e.g. path = \"~/Mail\""]
    elif provider == "imap":
        from providers.imap_config import parse_settings  # keys only: no connection, no password lookup

        try:
            parse_settings({**acc, "_where": where}, base)
        except ConfigError as exc:
            return list(exc.problems)
    return []


class _Reader:
    """Reads the spec's tables out of the parsed TOML, collecting every problem and warning (in the order
    the tables and their keys come) instead of stopping at the first."""

    def __init__(self, data: dict[str, Any], base: Path):
        self.data = data
        self.base = base  # the config's folder: relative paths are from it
        self.problems: list[str] = []
        self.warnings: list[str] = []

    def table(self, spec: config_spec.Table) -> dict[str, Any]:
        """Each of the table's keys, read and checked, or its default (a fallback when it is wrong)."""
        value = self.data.get(spec.name, {})
        if not isinstance(value, dict):
            self.problems.append(f"[{spec.name}] must be a table")
            value = {}
        for key in value:
            if key not in spec.names:
                self.warnings.append(f"{spec.name}.{key} is not a known key and is ignored"
                                     f"{did_you_mean(key, spec.names)}")
        return {key.name: self.key(value, spec.name, key) for key in spec.keys}

    def key(self, tbl: dict[str, Any], section: str, key: config_spec.Key) -> Any:
        if key.kind == "text":
            return self.text(tbl, section, key).strip()
        if key.kind == "email":
            email = self.text(tbl, section, key).strip().lower()
            if email and ("@" not in email or any(c.isspace() for c in email)):
                self.problems.append(f"{section}.{key.name} = {email!r} is not an email address")
            return email
        if key.kind == "timezone":
            tz = self.text(tbl, section, key)
            try:
                ZoneInfo(tz)
            except (ZoneInfoNotFoundError, ValueError):
                self.problems.append(f"{section}.{key.name} = {tz!r} is not an IANA time zone; use a name like "
                                     f"\"America/New_York\"")
                return key.default
            return tz
        if key.kind == "strings":
            return self.strings(tbl, section, key.name)
        if key.kind == "sentences":
            return self.sentences(tbl, section, key.name)
        if key.kind == "path":  # an empty value means the default too
            return _expand(self.text(tbl, section, key), self.base) if tbl.get(key.name) else default_state_dir()
        if key.kind == "boolean":
            value = tbl.get(key.name, key.default)
            if not isinstance(value, bool):
                self.problems.append(f"{section}.{key.name} must be true or false (default "
                                     f"{str(key.default).lower()})")
                return key.default
            return value
        return self.integer(tbl, section, key)

    def text(self, tbl: dict[str, Any], section: str, key: config_spec.Key) -> str:
        value = tbl.get(key.name, "" if key.default is None else key.default)
        if value is config_spec.REQUIRED:
            self.problems.append(f"{section}.{key.name} is missing; set it, e.g. {key.name} = \"...\"")
            return ""
        if not isinstance(value, str):
            self.problems.append(f"{section}.{key.name} must be a string")
            return ""
        if key.default is config_spec.REQUIRED:  # B1: a required key must hold the user's own value
            if not value.strip():
                self.problems.append(f"{section}.{key.name} is empty; set it, e.g. {key.name} = "
                                     f"\"{_EXAMPLES.get(key.name, '...')}\"")
            elif isinstance(key.example, str) and value.strip().casefold() == key.example.casefold():
                self.problems.append(f"{section}.{key.name} = {value.strip()!r} is still the example's placeholder; "
                                     f"set your own, e.g. {key.name} = \"{_EXAMPLES.get(key.name, '...')}\"")
        return value

    def strings(self, tbl: dict[str, Any], section: str, key: str) -> tuple[str, ...]:
        value = tbl.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problems.append(f"{section}.{key} must be a list of strings, e.g. {key} = [\"a@example.com\"]")
            return ()
        return tuple(v.strip().lower() for v in value if v.strip())

    def sentences(self, tbl: dict[str, Any], section: str, key: str) -> tuple[str, ...]:
        value = tbl.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problems.append(f"{section}.{key} must be a list of strings, e.g. {key} = [\"I ship reliable "
                                 f"services.\", \"I enjoy mentoring.\"]")
            return ()
        return tuple(" ".join(v.split()) for v in value if v.strip())

    def integer(self, tbl: dict[str, Any], section: str, key: config_spec.Key) -> int:
        value = tbl.get(key.name, key.default)
        if isinstance(value, bool) or not isinstance(value, int) or not key.low <= value <= key.high:
            self.problems.append(f"{section}.{key.name} must be a whole number from {key.low} to {key.high} "
                                 f"(default {key.default})")
            return int(key.default)
        return value


def parse(data: dict[str, Any], path: Path) -> Config:
    """Validate parsed TOML against the spec (`agent.config_spec`). Raises ConfigError listing every problem."""
    reader = _Reader(data, path.parent)
    identity = Identity(**reader.table(config_spec.USER))
    profile = Profile(**reader.table(config_spec.PROFILE))
    settings = Settings(**reader.table(config_spec.AGENT))
    problems, warnings = reader.problems, reader.warnings

    accounts: list[dict[str, Any]] = []
    if "account" in data and "accounts" in data:
        problems.append("use either [account] or [[accounts]], not both")
    raw_accounts = data.get("accounts", [data["account"]] if "account" in data else [])
    if not isinstance(raw_accounts, list) or not all(isinstance(a, dict) for a in raw_accounts):
        problems.append("[account] must be a table (or [[accounts]] a list of tables)")
        raw_accounts = []
    if not raw_accounts:
        problems.append("no [account] table; add one, e.g. with `interview-agent connect maildir PATH`")
    single = "account" in data
    named: dict[str, str] = {}  # casefolded name -> where
    for i, acc in enumerate(raw_accounts):
        where = "account" if single else f"accounts[{i}]"
        problems += _account_problems(acc, where, path.parent)
        explicit = acc.get("name")
        if explicit is not None and (not isinstance(explicit, str) or not explicit.strip()
                                     or len(explicit) > 100 or not explicit.isprintable()):
            problems.append(f"{where}.name must be a short one-line text, e.g. name = \"work\"")
            explicit = None
        account_name = explicit.strip() if explicit else default_account_name(acc, single=single)
        other = named.get(account_name.casefold())
        if other is not None:
            problems.append(f"{other} and {where} are both named {account_name!r}; the state store keeps each "
                            f"account's progress under its name, so give each a different name = \"...\"")
        named[account_name.casefold()] = where
        accounts.append({**acc, "_where": where, "_name": account_name})

    for key in data:
        if key not in config_spec.TOP_LEVEL:
            warnings.append(f"[{key}] is not a known table and is ignored{did_you_mean(key, config_spec.TOP_LEVEL)}")
    if problems:  # every table's problems at once, with the unknown keys (often the cause: a misspelt key)
        raise ConfigError(problems + warnings, str(path))
    return Config(path=path, identity=identity, profile=profile, settings=settings, accounts=tuple(accounts),
                  warnings=tuple(warnings))
