"""Logging for one CLI invocation: a rotating log file in the state dir (0600) and warnings on stderr.

Only the agent's own loggers log below WARNING: libraries' debug output can carry protocol traffic (mail
bodies, tokens), so it never reaches the log, even with --verbose (B22).
"""

from __future__ import annotations

import logging
import os
import sys
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path

OUR_LOGGERS = ("agent", "providers")
LOG_NAME = "interview-agent.log"

_handlers: list[logging.Handler] = []
_levels: list[tuple[logging.Logger, int]] = []


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose every file, rotated ones included, is created 0600."""

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.fchmod(fd, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def _not_echoed(record: logging.LogRecord) -> bool:
    return not getattr(record, "echoed", False)  # already said on stderr by the command itself


def log_file(state_dir: Path) -> Path:
    """Where the log of the agent whose state is in `state_dir` is written (cron output goes there too)."""
    return state_dir / LOG_NAME


def stdout_is_log(state_dir: Path) -> bool:
    """True when stdout is this agent's log file (a cron line appends the output to it): a line logged
    there need not be printed too."""
    try:
        out, log = os.fstat(sys.stdout.fileno()), os.stat(log_file(state_dir))
    except (OSError, ValueError, AttributeError):  # no real stdout (a test's capture), or no log yet
        return False
    return (out.st_dev, out.st_ino) == (log.st_dev, log.st_ino)


def setup(state_dir: Path, verbose: bool) -> None:
    """A rotating log file in the state dir (0600) and warnings on stderr, for this invocation. A record
    logged with `extra={"echoed": True}` goes to the file only (the command has printed it already)."""
    from agent.state import _secure_dir

    if _handlers:
        return
    _secure_dir(state_dir)
    handler = _PrivateRotatingFileHandler(log_file(state_dir), maxBytes=1_000_000, backupCount=3,
                                          encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    console.addFilter(_not_echoed)
    root = logging.getLogger()
    _levels.append((root, root.level))
    for h in (handler, console):
        root.addHandler(h)
        _handlers.append(h)
    root.setLevel(logging.WARNING)
    for name in OUR_LOGGERS:
        ours = logging.getLogger(name)
        _levels.append((ours, ours.level))
        ours.setLevel(logging.DEBUG if verbose else logging.INFO)


def teardown() -> None:
    """Remove what `setup` added and restore the loggers' levels (tests run many invocations in one process)."""
    root = logging.getLogger()
    while _handlers:
        h = _handlers.pop()
        root.removeHandler(h)
        h.close()
    while _levels:
        logger, level = _levels.pop()
        logger.setLevel(level)
