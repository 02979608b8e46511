"""One retry policy for the providers that call web APIs (Gmail and Microsoft Graph), built on tenacity.

Glossary
- retryable failure: one the server or the network says will pass (HTTP 429, 5xx, a rate-limit 403, a
  dropped connection); each caller's `retry_if` decides which. A call is tried at most `retries + 1`
  times; then its last failure is raised as it is, and the caller maps it (usually to UnreachableError,
  exit 3, the cursor not advanced).
- wait: before retry n (from 1), the server's Retry-After when it sent one, in seconds or as an HTTP date;
  else exponential backoff with jitter, 2**n seconds times a random factor in [0.5, 1), so that clients
  throttled together do not come back together. Never more than `max_wait`.
- RetryLater: raised by work that is done in part (a batch some of whose items were throttled) to have the
  rest tried again; it carries the server's Retry-After. After the last try it reaches the caller.

The sleep function is the caller's, so that tests record the waits instead of sleeping.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import tenacity

T = TypeVar("T")


class RetryLater(Exception):
    """The work should be tried again; `retry_after` is the server's hint (seconds or an HTTP date), if any,
    and `cause` the failure behind it, for the caller's message."""

    def __init__(self, retry_after: str | float | None = None, cause: BaseException | None = None):
        super().__init__(str(cause) if cause is not None else "try again later")
        self.retry_after = retry_after
        self.cause = cause


def retry_after_seconds(value: str | float | None, *, now: Callable[[], float] = time.time) -> float | None:
    """A Retry-After value in seconds (never negative): a number of seconds, or an HTTP date measured from
    `now`. None when there is none or it cannot be read."""
    if value is None or value == "":
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        return max(parsedate_to_datetime(str(value)).timestamp() - now(), 0.0)
    except (TypeError, ValueError, IndexError):
        return None


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to wait (see the module docstring)."""

    retries: int = 5
    max_wait: float = 60.0  # seconds: a longer Retry-After is cut to this rather than hanging a cron run

    def wait(self, retry: int, retry_after: str | float | None = None) -> float:
        """Seconds to wait before retry number `retry` (from 1)."""
        hinted = retry_after_seconds(retry_after)
        if hinted is not None:
            return min(self.max_wait, hinted)
        return min(self.max_wait, 2.0 ** retry) * (0.5 + random.random() / 2)

    def run(self, work: Callable[[], T], *, retry_if: Callable[[BaseException], bool],
            sleep: Callable[[float], None], retry_after: Callable[[BaseException], Any] = lambda exc: None,
            on_retry: Callable[[float, BaseException], None] = lambda wait, exc: None) -> T:
        """`work()`, tried again after each failure for which `retry_if` is true (and after RetryLater), up
        to `retries` times. Returns what it returns; raises its last failure, or at once one not retried.
        `retry_after(failure)` reads the server's hint from a failure; `on_retry(wait, failure)` is called
        before each wait (for counting)."""

        def waiting(state: tenacity.RetryCallState) -> float:
            failure = _failure(state)
            hint = failure.retry_after if isinstance(failure, RetryLater) else retry_after(failure)
            return self.wait(state.attempt_number, hint)

        def before_sleep(state: tenacity.RetryCallState) -> None:
            on_retry(state.next_action.sleep if state.next_action else 0.0, _failure(state))

        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.retries + 1), wait=waiting, sleep=sleep, reraise=True,
            retry=tenacity.retry_if_exception(lambda exc: isinstance(exc, RetryLater) or retry_if(exc)),
            before_sleep=before_sleep)
        return retrying(work)


def _failure(state: tenacity.RetryCallState) -> BaseException:
    outcome = state.outcome
    failure = outcome.exception() if outcome is not None else None
    assert failure is not None, "tenacity waits only after a failure here"
    return failure
