"""Kill points for the crash-safety tests (B20): the process dies with SIGKILL at a chosen step boundary.

A step boundary is the moment right after a provider call (sync, create_draft, find_draft(s), draft_status,
delete_draft) or a state write (store_sync, save_cursor, record_intent, record_created, forget_intent,
set_draft_states, set_decision) returned. With `INTERVIEW_AGENT_KILL_AT=N` the N-th boundary of the process kills it, as
a power cut or the OOM killer would: no cleanup, no `finally`, no flush. With
`INTERVIEW_AGENT_KILL_COUNT_FILE=PATH` the number of boundaries passed so far is written to PATH at each
one, so a test learns how many points a run has (tests/reliability/test_crash.py); with
`INTERVIEW_AGENT_KILL_TRACE_FILE=PATH` each boundary's name is appended to PATH, one a line, so a test can
pick the points that follow a given step (tests/reliability/test_state_loss.py: after each draft made).

When neither variable is set, `wrap` returns its argument unchanged: no proxy, no cost, no change.
"""

from __future__ import annotations

import os
import signal
from typing import Any

KILL_AT_ENV = "INTERVIEW_AGENT_KILL_AT"
COUNT_FILE_ENV = "INTERVIEW_AGENT_KILL_COUNT_FILE"
TRACE_FILE_ENV = "INTERVIEW_AGENT_KILL_TRACE_FILE"

PROVIDER_CALLS = frozenset({"sync", "create_draft", "find_draft", "find_drafts", "draft_status", "delete_draft"})
STATE_WRITES = frozenset({"store_sync", "save_cursor", "record_intent", "record_created", "record_found",
                          "forget_intent", "set_draft_states", "set_decision"})

_passed = 0  # boundaries passed in this process


def active() -> bool:
    return bool(os.environ.get(KILL_AT_ENV) or os.environ.get(COUNT_FILE_ENV) or os.environ.get(TRACE_FILE_ENV))


def boundary(name: str) -> None:
    """One step boundary has passed: count it, record the count, die here when it is the chosen one."""
    global _passed
    _passed += 1
    count_file = os.environ.get(COUNT_FILE_ENV)
    if count_file:
        with open(count_file, "w", encoding="ascii") as fh:
            fh.write(f"{_passed}\n")
    trace_file = os.environ.get(TRACE_FILE_ENV)
    if trace_file:
        with open(trace_file, "a", encoding="ascii") as fh:
            fh.write(f"{name}\n")
    target = os.environ.get(KILL_AT_ENV, "")
    if target.isdigit() and int(target) == _passed:
        os.kill(os.getpid(), signal.SIGKILL)


def passed() -> int:
    return _passed


class _Proxy:
    """Forwards every attribute to `inner`; the listed methods call `boundary` after they return."""

    def __init__(self, inner: Any, names: frozenset[str], prefix: str):
        self._inner = inner
        self._names = names
        self._prefix = prefix

    def __getattr__(self, attr: str) -> Any:
        value = getattr(self._inner, attr)
        if attr not in self._names or not callable(value):
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            result = value(*args, **kwargs)
            boundary(f"{self._prefix}.{attr}")
            return result

        return call


def wrap_provider(provider: Any) -> Any:
    """The provider itself, or (kill points on) a proxy with a boundary after each call it makes."""
    return _Proxy(provider, PROVIDER_CALLS, "provider") if active() else provider


def wrap_state(state: Any) -> Any:
    """The state store itself, or (kill points on) a proxy with a boundary after each write."""
    return _Proxy(state, STATE_WRITES, "state") if active() else state


__all__ = ["COUNT_FILE_ENV", "KILL_AT_ENV", "TRACE_FILE_ENV", "active", "boundary", "passed", "wrap_provider",
           "wrap_state"]
