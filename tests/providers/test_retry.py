"""The one retry policy of the web-API providers (providers/retry.py): waits, caps, Retry-After forms."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

import pytest

from providers.retry import RetryLater, RetryPolicy, retry_after_seconds


def test_retry_after_in_seconds_and_as_an_http_date():
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("1.5") == 1.5
    assert retry_after_seconds("-3") == 0.0
    now = datetime(2026, 11, 17, 12, 0, tzinfo=UTC).timestamp()
    assert retry_after_seconds("Tue, 17 Nov 2026 12:00:30 GMT", now=lambda: now) == 30.0
    assert retry_after_seconds(format_datetime(datetime(2026, 11, 17, 11, 0, tzinfo=UTC), usegmt=True),
                               now=lambda: now) == 0.0  # a date gone by: at once
    assert retry_after_seconds(None) is None and retry_after_seconds("") is None
    assert retry_after_seconds("soon") is None


def test_waits_grow_with_jitter_and_stay_under_the_cap():
    policy = RetryPolicy(retries=8, max_wait=60)
    for retry in range(1, 9):
        full = min(60, 2 ** retry)
        assert full / 2 <= policy.wait(retry) < full
    assert policy.wait(3, "7") == 7.0  # the server's hint wins
    assert policy.wait(1, "3600") == 60  # but never past the cap
    assert RetryPolicy(max_wait=120).wait(1, "300") == 120


def test_run_retries_what_retry_if_allows_then_raises_the_last_failure():
    slept: list[float] = []
    counted: list[float] = []
    calls: list[int] = []

    def flaky() -> str:
        calls.append(1)
        raise ConnectionError(f"try {len(calls)}")

    with pytest.raises(ConnectionError, match="try 4"):
        RetryPolicy(retries=3).run(flaky, retry_if=lambda e: isinstance(e, ConnectionError), sleep=slept.append,
                                   on_retry=lambda wait, exc: counted.append(wait))
    assert len(calls) == 4 and len(slept) == 3 and slept == counted


def test_run_stops_at_once_on_a_failure_not_retried_and_returns_a_success():
    calls: list[int] = []

    def refused() -> None:
        calls.append(1)
        raise PermissionError("no")

    with pytest.raises(PermissionError):
        RetryPolicy().run(refused, retry_if=lambda e: isinstance(e, ConnectionError), sleep=lambda s: None)
    assert len(calls) == 1
    answers = iter([RetryLater("2"), RetryLater(None), "done"])

    def partly() -> str:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    slept: list[float] = []
    assert RetryPolicy().run(partly, retry_if=lambda e: False, sleep=slept.append) == "done"
    assert slept[0] == 2.0 and 2 <= slept[1] < 4  # RetryLater's hint, then the backoff of retry 2
