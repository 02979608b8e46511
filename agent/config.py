"""The TOML config, read once into frozen dataclasses and validated with every problem reported at once.

The `[account]` table (or `[[accounts]]` tables) stays a plain dict: each provider validates its own keys.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

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


_KNOWN = {
    "user": {"name", "email", "aliases", "timezone", "own_domains"},
    "profile": {"pitch", "signature"},
    "agent": {"state_dir", "thank_you_window_hours", "default_decision_business_days", "max_follow_ups",
              "lookback_days", "max_drafts_per_run"},
}


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


def parse(data: dict[str, Any], path: Path) -> Config:
    problems: list[str] = []
    warnings: list[str] = []

    def table(name: str) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            problems.append(f"[{name}] must be a table")
            return {}
        for key in value:
            if name in _KNOWN and key not in _KNOWN[name]:
                warnings.append(f"{name}.{key} is not a known key and is ignored")
        return value

    def text(tbl: dict, section: str, key: str, default: str | None = None) -> str:
        value = tbl.get(key, default)
        if value is None:
            problems.append(f"{section}.{key} is missing; set it, e.g. {key} = \"...\"")
            return ""
        if not isinstance(value, str):
            problems.append(f"{section}.{key} must be a string")
            return ""
        return value

    def strings(tbl: dict, section: str, key: str) -> tuple[str, ...]:
        value = tbl.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"{section}.{key} must be a list of strings, e.g. {key} = [\"a@example.com\"]")
            return ()
        return tuple(v.strip().lower() for v in value if v.strip())

    def integer(tbl: dict, key: str, default: int, low: int, high: int) -> int:
        value = tbl.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            problems.append(f"agent.{key} must be a whole number from {low} to {high} (default {default})")
            return default
        return value

    user = table("user")
    name = text(user, "user", "name").strip()
    email = text(user, "user", "email").strip().lower()
    if email and ("@" not in email or any(c.isspace() for c in email)):
        problems.append(f"user.email = {email!r} is not an email address")
    tz = text(user, "user", "timezone", "UTC")
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(f"user.timezone = {tz!r} is not an IANA time zone; use a name like \"America/New_York\"")
        tz = "UTC"
    identity = Identity(name=name, email=email, aliases=strings(user, "user", "aliases"), timezone=tz,
                        own_domains=strings(user, "user", "own_domains"))

    prof = table("profile")
    profile = Profile(pitch=text(prof, "profile", "pitch", "").strip(),
                      signature=text(prof, "profile", "signature", "").strip())

    ag = table("agent")
    state_dir = _expand(text(ag, "agent", "state_dir", ""), path.parent) if ag.get("state_dir") else \
        default_state_dir()
    settings = Settings(
        state_dir=state_dir,
        thank_you_window_hours=integer(ag, "thank_you_window_hours", 24, 1, 24 * 14),
        default_decision_business_days=integer(ag, "default_decision_business_days", 7, 1, 90),
        max_follow_ups=integer(ag, "max_follow_ups", 1, 0, 5),
        lookback_days=integer(ag, "lookback_days", 60, 1, 3650),
        max_drafts_per_run=integer(ag, "max_drafts_per_run", 10, 1, 10000),
    )

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
        provider = acc.get("provider")
        if not isinstance(provider, str) or not provider:
            problems.append(f"{where}.provider is missing; set it to maildir, imap, gmail or outlook")
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
        if key not in {"user", "profile", "agent", "account", "accounts"}:
            warnings.append(f"[{key}] is not a known table and is ignored")
    if problems:
        raise ConfigError(problems, str(path))
    return Config(path=path, identity=identity, profile=profile, settings=settings, accounts=tuple(accounts),
                  warnings=tuple(warnings))
