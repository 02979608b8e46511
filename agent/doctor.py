"""`interview-agent doctor`: every piece an unattended run needs, checked at once, each with its fix.

Checks: the config (every problem, with its key), each account (its provider opens: keys and credential
files; then the provider's own `check()`, read-only, see providers/base.py), the state store
(permissions, integrity, schema), the run lock, and the cron entry. Nothing is written to the mailbox or
the state. A check line that names `interview-agent connect` gets the exact command for this config and
account; so does a refused sign-in.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
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
    checks += _state(cfg.settings.state_dir, cfg.identity.email)
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
    except ConfigError as exc:  # one line per problem, each naming its key: a list, not one flattened line
        return [Check(area, "opens", False, problem) for problem in exc.problems]
    except AgentError as exc:
        return [Check(area, "opens", False, _with_reconnect(cfg, account, exc))]
    except Exception as exc:
        return [Check(area, "opens", False, f"unexpected {type(exc).__name__}: {exc}")]
    out = [Check(area, "opens", True, f"provider {provider.name}: keys and credential files found")]
    try:
        out += [Check(area, str(what), bool(ok), _exact_fix(cfg, account, str(detail), bool(ok), provider.reconnect))
                for what, ok, detail in provider.check()]
    except AgentError as exc:
        out.append(Check(area, "reachable", False, _with_reconnect(cfg, account, exc, provider.reconnect)))
    except Exception as exc:
        out.append(Check(area, "reachable", False, f"unexpected {type(exc).__name__}: {exc}"))
    finally:
        try:
            provider.close()
        except Exception as exc:
            log.debug("closing the provider failed: %s", type(exc).__name__)
    return out


def _exact_fix(cfg: config_mod.Config, account: dict[str, Any], detail: str, ok: bool,
               reconnect: Sequence[str]) -> str:
    """A provider knows the short reconnect command; the user needs this config's and account's."""
    from agent import runner

    if ok or "interview-agent connect" not in detail:
        return detail
    return f"{detail} (exactly: {runner.reconnect_command(cfg, account, reconnect)})"


def _with_reconnect(cfg: config_mod.Config, account: dict[str, Any], exc: AgentError,
                    reconnect: Sequence[str] = ()) -> str:
    """The error on one line; for a refused sign-in, the command that reconnects (the error's `connect`
    arguments, else the provider's `reconnect`)."""
    from agent import runner
    from providers.base import AuthError

    text = str(exc).replace("\n", " ")
    if isinstance(exc, AuthError):
        text += f"; to reconnect: {runner.reconnect_command(cfg, account, exc.reconnect or reconnect)}"
    return text


# -- state store -------------------------------------------------------------------------------------
def _private(path: Path, want: int) -> str | None:
    """None when `path` is readable by its owner alone, else the fix."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        return f"{path} is mode {mode:o}, open to other users; run: chmod {want:o} {path}"
    return None


def _state(state_dir: Path, user: str = "") -> list[Check]:
    from datetime import UTC, datetime

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
    if (state_dir / DB_NAME).stat().st_size == 0:  # SQLite would take it for a new store: never trusted silently
        return out + [Check("state", "database", False,
                            f"{state_dir / DB_NAME} is empty (0 bytes): the record of the drafts made was lost "
                            f"(a full disk, a sync tool or a restore?). Nothing in the mailbox is lost: run "
                            f"`interview-agent run` to rebuild it; the drafts still in Drafts or already sent "
                            f"are recognised by their Message-IDs and recorded, not made again (a draft you "
                            f"deleted may come back: look over Drafts afterwards). Or restore it from a backup.")]
    try:
        with State.open(state_dir) as state:
            verdict = state.check_integrity()
            distrust = state.trust_problem(user, datetime.now(UTC)) if user else None
            blank = state.is_blank()
    except StateError as exc:
        return out + [Check("state", "database", False, str(exc))]
    if distrust is not None:
        return out + [Check("state", "database", False, str(distrust))]
    if verdict != "ok":
        return out + [Check("state", "database", False,
                            f"the integrity check of {state_dir / DB_NAME} failed ({verdict}); move it aside "
                            f"to start afresh, then check your Drafts folder")]
    if blank:
        return out + [Check("state", "database", True,
                            f"{state_dir / DB_NAME}: integrity ok, no run recorded yet: the next run builds it "
                            f"from the mailbox (drafts already in Drafts or Sent are recognised, not made again)")]
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
