"""One run at a time per state dir: an exclusive `flock` on `<state_dir>/run.lock`.

The kernel drops a flock when the process holding it dies, however it dies, so a lock left by a run that
was killed (SIGKILL, power loss) is stale by construction: the next run simply takes it. The file's
content (pid, start time, command) is only there to tell the user who holds it; it is rewritten by each
holder and emptied on a clean exit, so content found at take-over means the previous run ended without
releasing it.

`INTERVIEW_AGENT_TEST_HOLD_LOCK=SECONDS` makes the holder sleep that long inside the lock. It exists for
the concurrency tests alone (two real processes on one config); nothing else reads it.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from agent.core.errors import EXIT_LOCKED, AgentError

LOCK_NAME = "run.lock"
TEST_HOLD_ENV = "INTERVIEW_AGENT_TEST_HOLD_LOCK"

log = logging.getLogger(__name__)


class Locked(AgentError):
    """Another run is using this state dir."""

    exit_code = EXIT_LOCKED

    def __init__(self, path: Path, holder: dict[str, Any] | None):
        self.path = path
        self.holder = holder or {}
        who = describe(self.holder)
        super().__init__(f"another interview-agent run is in progress ({who}); this one did nothing and "
                         f"stops (exit {EXIT_LOCKED}). It holds {path}, and its lock goes when it ends, "
                         f"even if it is killed.")


def describe(holder: dict[str, Any]) -> str:
    if not holder:
        return "process unknown"
    parts = [f"pid {holder.get('pid', '?')}"]
    if holder.get("started"):
        parts.append(f"started {holder['started']}")
    if holder.get("command"):
        parts.append(f"`{holder['command']}`")
    return ", ".join(parts)


def lock_path(state_dir: Path) -> Path:
    return Path(state_dir) / LOCK_NAME


def _read(fd: int) -> dict[str, Any] | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, 4096)
    except OSError:
        return None
    if not raw.strip():
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return {"pid": "?"}
    return value if isinstance(value, dict) else {"pid": "?"}


def _open(state_dir: Path) -> tuple[Path, int]:
    from agent.state import _secure_dir

    _secure_dir(Path(state_dir))
    path = lock_path(state_dir)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.fchmod(fd, 0o600)
    return path, fd


@contextmanager
def hold(state_dir: Path, command: str = "run") -> Iterator[dict[str, Any] | None]:
    """Hold the run lock of `state_dir` for the block; `Locked` at once when another process holds it.
    Yields what the previous holder left in the file when it ended without releasing it (else None)."""
    path, fd = _open(state_dir)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Locked(path, _read(fd)) from None
        stale = _read(fd)
        if stale is not None:
            log.warning("took over the run lock from an earlier run (%s) that ended without releasing it "
                        "(killed?); carrying on", describe(stale))
        me = {"pid": os.getpid(), "started": datetime.now().astimezone().isoformat(timespec="seconds"),
              "command": command}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(me).encode(), 0)
        _test_hold()
        try:
            yield stale
        finally:
            os.ftruncate(fd, 0)  # a clean end leaves an empty file: content means a killed holder
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _test_hold() -> None:
    seconds = os.environ.get(TEST_HOLD_ENV)
    if seconds:
        print(f"holding the run lock for {seconds} s ({TEST_HOLD_ENV})", file=sys.stderr, flush=True)
        time.sleep(float(seconds))


def status(state_dir: Path) -> tuple[bool, dict[str, Any] | None]:
    """(a run seems to hold it, what the file says), for `doctor`. It never touches the lock itself, so
    that checking can never make a starting run think it is not alone: the recorded pid tells."""
    path = lock_path(state_dir)
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False, None
    try:
        info = _read(fd)
    finally:
        os.close(fd)
    if not info:
        return False, None
    try:
        pid = int(info.get("pid", 0))
    except (ValueError, TypeError):
        return False, info
    if pid <= 0:
        return False, info
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False, info
    except PermissionError:
        return True, info
    return True, info
