"""Shared machinery of the reliability tests: the mailboxes of every provider, a forked CLI run that may be
killed, a snapshot of the whole world (mailbox + state dir) that can be put back, and the drafts' signature.

- `MAILBOXES`: provider name -> factory(request, root) -> Mailbox, the same ones the scenario replays use
  (tests/mailboxes*.py), so every provider is covered as soon as its test mailbox exists.
- `forked_cli(args, env)`: runs `interview-agent ARGS` in a forked child (the CLI in-process there, so no
  interpreter start-up per run) and returns its exit code, or -9 when it was SIGKILLed.
- `World`: copies (cp -a, owners kept: Dovecot's mail belongs to `nobody`) of the folders that hold the
  mailbox and the agent's state; `restore()` puts them back as they were.
- `signature(mailbox, state_dir)`: what a crash must never change: each draft in Drafts by (kind,
  interview, recipients) as the state records it (an unrecorded draft shows as kind "?"), and each record.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import warnings
from collections.abc import Callable
from email.utils import getaddresses
from pathlib import Path
from typing import Any

from tests.mailboxes import scenario_mailboxes

MAILBOXES = scenario_mailboxes()


# -- a CLI run in a child that may die ---------------------------------------------------------------------
def forked_cli(args: list[str], env: dict[str, str], *, timeout: float = 180.0) -> int:
    """`interview-agent ARGS` in a forked child with `env` added: its exit code, or -N for signal N."""
    with warnings.catch_warnings():  # Python >= 3.12 warns about fork() with threads (the fakes serve in threads)
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 70
        try:
            os.environ.update(env)
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.dup2(null, 2)
            from agent.cli import main

            try:
                main.main(args=args, prog_name="interview-agent", standalone_mode=True)
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:
            code = 71
        finally:
            os._exit(code)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise AssertionError(f"interview-agent {' '.join(args)} took more than {timeout} s")
        time.sleep(0.005)
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


# -- the world, saved and put back ---------------------------------------------------------------------------
def world_dirs(mailbox: Any, state_dir: Path) -> list[Path]:
    """The folders that hold everything a run can change: the mailbox's storage and the state dir."""
    server = getattr(mailbox, "server", None)
    if server is not None and hasattr(server, "mail_dir"):  # Dovecot: the user's home (Maildir + indexes)
        return [server.mail_dir(mailbox.user).parent, state_dir]
    return [Path(mailbox.root), state_dir]


def quiesce(mailbox: Any, timeout: float = 10.0) -> None:
    """Wait until no server process still serves this mailbox (a killed client's IMAP session ends on EOF)."""
    server = getattr(mailbox, "server", None)
    if server is None or not hasattr(server, "session_pids"):
        return
    deadline = time.monotonic() + timeout
    while server.session_pids(mailbox.user):
        if time.monotonic() > deadline:
            server.kill_sessions(mailbox.user)
            return
        time.sleep(0.01)


class World:
    def __init__(self, mailbox: Any, state_dir: Path):
        self.mailbox = mailbox
        self.dirs = world_dirs(mailbox, state_dir)
        self.saved = Path(tempfile.mkdtemp(prefix="world-"))

    def save(self) -> None:
        quiesce(self.mailbox)
        for i, d in enumerate(self.dirs):
            target = self.saved / str(i)
            if target.exists():
                shutil.rmtree(target)
            if d.exists():
                subprocess.run(["cp", "-a", str(d), str(target)], check=True)

    def restore(self) -> None:
        quiesce(self.mailbox)
        for i, d in enumerate(self.dirs):
            source = self.saved / str(i)
            if d.exists():
                shutil.rmtree(d)
            if source.exists():
                subprocess.run(["cp", "-a", str(source), str(d)], check=True)

    def discard(self) -> None:
        shutil.rmtree(self.saved, ignore_errors=True)


# -- what must come out the same ------------------------------------------------------------------------------
def _mid(value: object) -> str:
    text = "".join(str(value or "").split())
    return text if text.startswith("<") else f"<{text.strip('<>')}>"


def own_ids(root: Path) -> Callable[[], set[str]]:
    """The recorders' `own`: the Message-IDs the agent derived, as every state database under `root` records
    them when asked (a delete of one of its drafts is allowed: an earlier briefing B25, a twin B20)."""
    return lambda: {mid for db in root.rglob("state.sqlite3") for mid in records(db.parent)}


def recorded_refs(state_dir: Path) -> set[str]:
    """The provider refs of every draft the state database records (the drafts the agent made or found)."""
    path = state_dir / "state.sqlite3"
    if not path.exists():
        return set()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT provider_ref FROM drafts WHERE provider_ref != ''")}
    finally:
        conn.close()


def records(state_dir: Path) -> dict[str, tuple[str, str, str]]:
    """Message-ID -> (kind, interview id, state) of every draft record in the state database."""
    path = state_dir / "state.sqlite3"
    if not path.exists():
        return {}
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT message_id, kind, interview_id, state FROM drafts").fetchall()
    finally:
        conn.close()
    return {_mid(r[0]): (r[1], r[2], r[3]) for r in rows}


def signature(mailbox: Any, state_dir: Path) -> dict[str, list]:
    recs = records(state_dir)
    drafts = []
    for d in mailbox.drafts():
        kind, interview, _state = recs.get(_mid(d["Message-ID"]), ("?", "?", "?"))
        to = sorted(a.lower() for _, a in getaddresses([str(v) for n in ("To", "Cc") for v in d.get_all(n, [])]))
        drafts.append([kind, interview, to])
    recorded = [[kind, interview, state] for kind, interview, state in recs.values()]
    return {"drafts": sorted(drafts), "records": sorted(recorded)}


def describe(sig: dict[str, list]) -> str:
    return json.dumps(sig, indent=None)[:2000]
