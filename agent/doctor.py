"""`interview-agent doctor`: every piece an unattended run needs, checked at once, each with its fix.

Checks: the config (every problem, with its key), each account (its provider opens: keys and credential
files; then the provider's own checks, or a login / read-only probe), the state store (permissions,
integrity, schema), the run lock, and the cron entry. Nothing is written to the mailbox or the state.

Provider extension (optional): a provider may define

    def check(self) -> list[tuple[str, bool, str]]

returning (what was checked, ok, detail: what was found, or the fix when not ok), e.g.
("Drafts folder", False, "/home/j/Mail/.Drafts is not writable: chmod u+w ..."). It may raise AuthError /
UnreachableError / ProviderError (reported as a failed check). It must only read (B19), and must not put
secrets in its details (B22). Without `check`, doctor logs in (`check_login()`) when the provider has it,
else runs one read-only `sync` from the stored cursor and discards the result.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from agent import config as config_mod
from agent import cron, lock
from agent.core.errors import AgentError, ConfigError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Check:
    area: str  # "config", "account NAME", "state", "lock", "cron"
    what: str
    ok: bool
    detail: str


def run_checks(config_path: Path) -> list[Check]:
    """Every check, in order. Never raises for a failed check."""
    try:
        cfg = config_mod.load(config_path)
    except ConfigError as exc:
        return [Check("config", "valid", False, problem) for problem in exc.problems] + _cron(config_path)
    checks = [Check("config", "valid", True, f"{cfg.path}: {len(cfg.accounts)} account(s)")]
    checks += [Check("config", "warning", True, w) for w in cfg.warnings]
    checks += _state(cfg.settings.state_dir)
    for account in cfg.accounts:
        checks += _account(cfg, account)
    checks += _lock(cfg.settings.state_dir)
    checks += _cron(cfg.path)
    return checks


# -- accounts ----------------------------------------------------------------------------------------
def _account(cfg: config_mod.Config, account: dict[str, Any]) -> list[Check]:
    from agent import runner

    name = runner.account_name(account)
    area = f"account {name}"
    try:
        provider = runner.open_provider(cfg, account)
    except AgentError as exc:
        return [Check(area, "opens", False, _with_reconnect(cfg, account, exc))]
    except Exception as exc:  # noqa: BLE001 - a provider bug is a failed check, not a crash
        return [Check(area, "opens", False, f"unexpected {type(exc).__name__}: {exc}")]
    out = [Check(area, "opens", True, f"provider {provider.name}: keys and credential files found")]
    try:
        custom = getattr(provider, "check", None)
        if callable(custom):
            out += [Check(area, str(what), bool(ok), _exact_fix(cfg, account, str(detail), bool(ok)))
                    for what, ok, detail in custom()]
        elif callable(getattr(provider, "check_login", None)):
            provider.check_login()
            out.append(Check(area, "login", True, "the server accepted the credentials"))
        else:
            out.append(_probe(cfg, provider, name))
    except AgentError as exc:
        out.append(Check(area, "reachable", False, _with_reconnect(cfg, account, exc)))
    except Exception as exc:  # noqa: BLE001
        out.append(Check(area, "reachable", False, f"unexpected {type(exc).__name__}: {exc}"))
    finally:
        try:
            provider.close()
        except Exception as exc:  # noqa: BLE001 - closing is best effort here
            log.debug("closing the provider failed: %s", type(exc).__name__)
    return out


def _probe(cfg: config_mod.Config, provider: Any, name: str) -> Check:
    """A read-only sync from the stored cursor (nothing stored): proves reachability and credentials."""
    from agent.state import DB_NAME, State

    cursor = None
    if (cfg.settings.state_dir / DB_NAME).exists():
        with State.open(cfg.settings.state_dir) as state:
            cursor = state.cursor(name)
    batch = provider.sync(cursor, datetime.now(cfg.identity.tz) - timedelta(days=1))
    return Check(f"account {name}", "reachable", True,
                 f"read the mailbox: {len(batch.messages)} new message(s) since the last run")


def _exact_fix(cfg: config_mod.Config, account: dict[str, Any], detail: str, ok: bool) -> str:
    """A provider knows the short reconnect command; the user needs this config's and account's."""
    from agent import runner

    if ok or "interview-agent connect" not in detail:
        return detail
    return f"{detail} (exactly: {runner.reconnect_command(cfg, account)})"


def _with_reconnect(cfg: config_mod.Config, account: dict[str, Any], exc: AgentError) -> str:
    from agent import runner
    from providers.base import AuthError

    text = str(exc).replace("\n", " ")
    if isinstance(exc, AuthError):
        text += f"; to reconnect: {runner.reconnect_command(cfg, account)}"
    return text


# -- state store -------------------------------------------------------------------------------------
def _private(path: Path, want: int) -> str | None:
    """None when `path` is readable by its owner alone, else the fix."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        return f"{path} is mode {mode:o}, open to other users; run: chmod {want:o} {path}"
    return None


def _state(state_dir: Path) -> list[Check]:
    from agent.core.errors import StateError
    from agent.state import DB_NAME, State

    if not state_dir.exists():
        return [Check("state", "folder", True, f"{state_dir} does not exist yet; the first run creates it")]
    out: list[Check] = []
    problems = [p for p in (_private(state_dir, 0o700),) if p]
    for path in [state_dir / DB_NAME, *sorted(state_dir.glob("*.log*")), lock.lock_path(state_dir)]:
        if path.exists():
            problem = _private(path, 0o600)
            if problem:
                problems.append(problem)
    out += [Check("state", "permissions", False, p) for p in problems] or \
        [Check("state", "permissions", True, f"{state_dir} and its files are private to you")]
    if not (state_dir / DB_NAME).exists():
        return out + [Check("state", "database", True, "none yet; the first run creates it")]
    if problems:
        return out  # opening would quietly fix the database's mode; let the user see and fix it first
    try:
        with State.open(state_dir) as state:
            verdict = state.check_integrity()
    except StateError as exc:
        return out + [Check("state", "database", False, str(exc))]
    if verdict != "ok":
        return out + [Check("state", "database", False,
                            f"the integrity check of {state_dir / DB_NAME} failed ({verdict}); move it aside "
                            f"to start afresh, then check your Drafts folder")]
    return out + [Check("state", "database", True, f"{state_dir / DB_NAME}: integrity ok")]


# -- lock ------------------------------------------------------------------------------------------
def _lock(state_dir: Path) -> list[Check]:
    held, info = lock.status(state_dir)
    if held:
        detail = f"a run is in progress now ({lock.describe(info or {})}); a run started meanwhile exits " \
                 f"{lock.EXIT_LOCKED}"
    elif info:
        detail = f"free; the last holder ({lock.describe(info)}) was killed, the next run takes its lock over"
    else:
        detail = "free"
    return [Check("lock", "run lock", True, detail)]


# -- cron --------------------------------------------------------------------------------------------
def _cron(config_path: Path) -> list[Check]:
    try:
        lines = cron.read()
    except cron.CronUnavailable:
        return [Check("cron", "entry", True, "no crontab command here (fine with the systemd timer or "
                                             "`interview-agent daemon`)")]
    except AgentError as exc:
        return [Check("cron", "entry", False, str(exc))]
    line = cron.find(config_path, lines)
    if line is None:
        return [Check("cron", "entry", True, "none for this config; `interview-agent cron install` adds one "
                                             "(or use the systemd timer or the daemon)")]
    argv = cron.command_of(line)
    if not argv or not (os.path.isfile(argv[0]) and os.access(argv[0], os.X_OK)):
        return [Check("cron", "entry", False, f"the cron line runs {argv[0] if argv else '?'!r}, which is not an "
                                              f"executable any more (reinstalled?); run `interview-agent cron "
                                              f"install` again")]
    return [Check("cron", "entry", True, line)]
