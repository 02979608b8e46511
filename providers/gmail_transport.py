"""Calling Google's APIs for the gmail provider: quota accounting, pacing, retries and batches.

Glossary
- units: Gmail's per-user quota cost of a call (messages.get 5, history.list 2, drafts.create 10, ...).
  Every call made (retries included) is counted in `stats["quota_units"]`; `Pacer` keeps the units spent
  in any 60 s under `units_per_minute` (Google's per-user limit is 15,000) by sleeping before a call.
- retryable: HTTP 429, 5xx, and 403 with reason rateLimitExceeded / userRateLimitExceeded, plus transport
  errors. They are retried under the providers' one policy (providers/retry.py: the server's Retry-After,
  else exponential backoff with jitter, each wait at most 60 s), at most `max_retries` times; then the run
  fails with UnreachableError (exit 3) and the cursor is not advanced.
- batch: up to 20 calls in one multipart/mixed POST to `<api_endpoint>batch/gmail/v1`. Google allows 100
  and advises no more than 50 (developers.google.com/gmail/api/guides/batch), but real Gmail answers part of
  a batch of 50 or more with inner 429 "Too many concurrent requests for user" (rateLimitExceeded), while
  batches of 10-25 go through (google-api-dotnet-client#1982, amd/gaia#2716 and #2720 measured on a live
  mailbox). googleapiclient's own `new_batch_http_request` ignores the configured endpoint and has no retry,
  so batches are built here and only the calls that failed inside a batch (429, 5xx, a rate-limit 403) are
  sent again, in later batches, after a back-off.
- a disabled API: 403 accessNotConfigured / google.rpc.ErrorInfo SERVICE_DISABLED (the Gmail or Calendar API
  is not enabled in the OAuth client's Cloud project) becomes ServiceDisabledError naming the project and
  the activation URL from the ErrorInfo metadata, not a reconnect (python-samples#23, GHunt#382,
  google_workspace_mcp#126).
"""

from __future__ import annotations

import json
import logging
import socket
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import httplib2
from google.auth import exceptions as auth_exceptions
from googleapiclient.errors import HttpError
from googleapiclient.http import BatchHttpRequest, HttpRequest

from providers.base import AuthError, ProviderError, ServiceDisabledError, UnreachableError
from providers.gmail_auth import RECONNECT
from providers.retry import RetryLater, RetryPolicy

log = logging.getLogger(__name__)

UNITS = {"gmail.users.getProfile": 1, "gmail.users.labels.list": 1, "gmail.users.messages.list": 5,
         "gmail.users.messages.get": 5, "gmail.users.history.list": 2, "gmail.users.drafts.create": 10,
         "gmail.users.drafts.get": 5, "gmail.users.drafts.list": 5, "gmail.users.drafts.delete": 10,
         "gmail.users.threads.get": 10}
BATCH_SIZE = 20  # see the module docstring: 50 and more draw inner 429s from real Gmail
RETRY_STATUS = {429, 500, 502, 503, 504}
RATE_REASONS = {"rateLimitExceeded", "userRateLimitExceeded"}
MAX_DELAY = 60.0  # seconds: the longest wait between two tries
TRANSPORT_ERRORS = (httplib2.HttpLib2Error, OSError, socket.timeout, auth_exceptions.TransportError)
T = TypeVar("T")


class AnswerLost(UnreachableError):
    """A request that must not be sent twice went out, and its answer did not come back: the server may
    have carried it out. The caller finds out (drafts.create: look the draft up by Message-ID)."""


class _OneShot:
    """A connection that refuses a second `request` within one `_conn_request` call."""

    def __init__(self, conn: Any):
        self._conn = conn
        self._sent = False

    def request(self, *args: Any, **kwargs: Any) -> Any:
        if self._sent:
            self._conn.close()  # httplib2 reconnected to resend: drop that connection unused
            raise AnswerLost("the answer to a request that must not be sent twice was lost")
        self._sent = True
        return self._conn.request(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


class SendOnceHttp(httplib2.Http):
    """httplib2 sends a request again when its answer is lost (its "stale connection" retry), POST
    included. For drafts.create that would make a second draft (B20), so this Http sends each POST once
    and raises AnswerLost instead of resending."""

    def _conn_request(self, conn: Any, request_uri: str, method: str, body: Any, headers: Any) -> Any:
        if method == "POST":
            conn = _OneShot(conn)
        # _conn_request is private to httplib2, so its stubs leave it out.
        return super()._conn_request(conn, request_uri, method, body, headers)  # type: ignore[misc]


def reason_of(error: HttpError) -> str:
    try:
        data = json.loads(error.content.decode("utf-8", "replace"))
        details = data.get("error", {})
        if isinstance(details, dict):
            errors = details.get("errors") or [{}]
            return str(errors[0].get("reason") or details.get("status") or "")
        return str(details)
    except (ValueError, AttributeError, IndexError, TypeError):
        return ""


SERVICES = {"gmail": ("gmail.googleapis.com", "Gmail API"),
            "calendar": ("calendar-json.googleapis.com", "Google Calendar API")}


def service_disabled(error: HttpError, method_id: str = "") -> ServiceDisabledError | None:
    """The error for a 403 accessNotConfigured / SERVICE_DISABLED, read from the structured details
    (google.rpc.ErrorInfo metadata: consumer "projects/N", activationUrl; google.rpc.Help links), never from
    the message text; None for any other error."""
    if error.resp.status != 403:
        return None
    try:
        details = json.loads(error.content.decode("utf-8", "replace")).get("error", {})
    except (ValueError, AttributeError):
        return None
    if not isinstance(details, dict):
        return None
    extra = [d for d in details.get("details") or () if isinstance(d, dict)]
    info = next((d for d in extra if str(d.get("@type", "")).endswith("google.rpc.ErrorInfo")
                 and d.get("reason") == "SERVICE_DISABLED"), None)
    reasons = {str(e.get("reason")) for e in details.get("errors") or () if isinstance(e, dict)}
    if info is None and "accessNotConfigured" not in reasons:
        return None
    meta = info.get("metadata") or {} if info else {}
    api = "calendar" if method_id.startswith("calendar") or "calendar" in str(meta.get("service", "")) else "gmail"
    service, title = SERVICES[api]
    title = str(meta.get("serviceTitle") or title)
    project = str(meta.get("consumer") or "").removeprefix("projects/") or str(meta.get("containerInfo") or "")
    links = [str(link.get("url")) for d in extra if str(d.get("@type", "")).endswith("google.rpc.Help")
             for link in d.get("links") or () if isinstance(link, dict) and link.get("url")]
    url = str(meta.get("activationUrl") or (links[0] if links else "")) or \
        f"https://console.cloud.google.com/apis/library/{service}"
    where = f"in Google Cloud project {project}" if project else "in the Google Cloud project of your OAuth client"
    return ServiceDisabledError(f"the {title} is not enabled {where}: enable it at {url} , wait a few minutes "
                                f"and run again (reconnecting does not help)", project=project, url=url)


def is_retryable(error: Exception) -> bool:
    if isinstance(error, HttpError):
        status = error.resp.status
        return status in RETRY_STATUS or (status == 403 and reason_of(error) in RATE_REASONS)
    return isinstance(error, TRANSPORT_ERRORS)


def _retry_after(error: BaseException | None) -> str | None:
    """The Retry-After header of an HTTP error, None for other failures."""
    return error.resp.get("retry-after") if isinstance(error, HttpError) else None


def auth_error(error: Exception, reconnect: Sequence[str] = ()) -> AuthError:
    """A refused refresh token or access: the message says how to reconnect (B22: no secret in it), and
    `reconnect` (the account's `connect` arguments) goes with it."""
    text = str(error)
    if "invalid_grant" in text:
        why = ("Google refused the saved Gmail sign-in (invalid_grant: the refresh token expired or was "
               "revoked; tokens of an OAuth app left in \"Testing\" expire after 7 days)")
    elif "invalid_client" in text or "unauthorized_client" in text:
        why = "Google refused the OAuth client of the saved Gmail sign-in (invalid_client)"
    else:
        why = f"Google refused the saved Gmail sign-in ({text.splitlines()[0][:160] if text else 'no reason given'})"
    return AuthError(f"{why}; run: {RECONNECT}", reconnect=reconnect)


class Pacer:
    """Keeps the Gmail units spent in any 60 seconds under the limit, by sleeping before a call."""

    def __init__(self, units_per_minute: int, sleep: Callable[[float], None], clock: Callable[[], float]):
        self.limit = units_per_minute
        self.sleep = sleep
        self.clock = clock
        self.spent: deque[tuple[float, int]] = deque()
        self.total = 0
        self.waited = 0.0

    def spend(self, units: int) -> None:
        if units <= 0:
            return
        while True:
            now = self.clock()
            while self.spent and now - self.spent[0][0] >= 60:
                self.total -= self.spent.popleft()[1]
            if self.total + units <= self.limit or not self.spent:
                break
            pause = 60 - (now - self.spent[0][0]) + 0.01
            self.waited += pause
            self.sleep(pause)
        self.spent.append((self.clock(), units))
        self.total += units


class Transport:
    """Executes googleapiclient requests with pacing, retries and counting; see the module docstring."""

    def __init__(self, http: Any, *, units_per_minute: int, max_retries: int, stats: dict[str, int],
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 reconnect: Sequence[str] = ()):
        self.http = http
        self.reconnect = tuple(reconnect)  # the account's `connect` arguments, for AuthError
        self.policy = RetryPolicy(retries=max_retries, max_wait=MAX_DELAY)
        self.stats = stats
        self.sleep = sleep
        self.pacer = Pacer(units_per_minute, lambda s: self.sleep(s), clock)

    def _count(self, method_id: str, calls: int = 1) -> None:
        units = UNITS.get(method_id, 0) * calls
        self.pacer.spend(units)
        self.stats["quota_units"] = self.stats.get("quota_units", 0) + units
        key = "calendar_calls" if method_id.startswith("calendar.") else "gmail_calls"
        self.stats[key] = self.stats.get(key, 0) + calls
        name = method_id.rsplit(".", 2)
        short = f"calls.{name[-2]}.{name[-1]}" if len(name) >= 2 else f"calls.{method_id}"
        self.stats[short] = self.stats.get(short, 0) + calls

    def retrying(self, work: Callable[[], T], retry_if: Callable[[BaseException], bool]) -> T:
        """`work()` under the retry policy (providers/retry.py), each retry and its wait counted in `stats`."""
        return self.policy.run(work, retry_if=retry_if, sleep=lambda s: self.sleep(s), retry_after=_retry_after,
                               on_retry=self._count_retry)

    def _count_retry(self, wait: float, failure: BaseException) -> None:
        self.stats["retries"] = self.stats.get("retries", 0) + 1
        self.stats["backoff_ms"] = self.stats.get("backoff_ms", 0) + int(wait * 1000)

    def call(self, request: HttpRequest, method_id: str, *, passthrough: tuple[int, ...] = (),
             http: Any = None, resend: bool = True) -> dict[str, Any]:
        """Execute one request. HttpErrors whose status is in `passthrough` are raised as they are (the
        caller handles 404 of history.list, 410 of a sync token); others are retried or mapped. With
        `resend=False` a request whose answer may have been lost is not sent again: AnswerLost."""
        def once() -> dict[str, Any]:
            self._count(method_id)
            try:
                return request.execute(http=http, num_retries=0)
            except TRANSPORT_ERRORS as exc:
                if not resend and not isinstance(exc, (ConnectionRefusedError, socket.gaierror)):
                    raise AnswerLost(f"no answer from Google ({type(exc).__name__})") from exc
                raise

        def retryable(exc: BaseException) -> bool:
            if isinstance(exc, HttpError):
                return exc.resp.status not in passthrough and is_retryable(exc)
            return isinstance(exc, TRANSPORT_ERRORS)

        try:
            return self.retrying(once, retryable)
        except HttpError as exc:
            if exc.resp.status in passthrough:
                raise
            raise self.map_error(exc, method_id) from exc
        except auth_exceptions.RefreshError as exc:
            raise auth_error(exc, self.reconnect) from exc
        except TRANSPORT_ERRORS as exc:
            raise UnreachableError(f"Google's API could not be reached ({type(exc).__name__}: {exc})") from exc

    def batch(self, requests: dict[str, HttpRequest], method_id: str,
              batch_uri: str) -> dict[str, dict[str, Any] | None]:
        """Execute many calls of one method in batches of BATCH_SIZE; failed calls are retried in later
        batches. Returns key -> response, or None where the item is gone (404)."""
        results: dict[str, dict[str, Any] | None] = {}
        pending = list(requests)
        rounds = 0

        def one_round() -> None:
            nonlocal pending, rounds
            failed, last_error = self._batch_round(pending, requests, method_id, batch_uri, results)
            if not failed:
                return
            rounds += 1
            pending = failed
            if rounds <= self.policy.retries:
                log.info("retrying %d of %d %s calls after %s", len(failed), len(requests), method_id,
                         getattr(getattr(last_error, "resp", None), "status", type(last_error).__name__))
            raise RetryLater(_retry_after(last_error), last_error)

        try:
            self.retrying(one_round, lambda exc: False)
        except RetryLater as exc:
            raise UnreachableError(f"Gmail kept refusing {len(pending)} of the {method_id.rsplit('.', 1)[-1]} "
                                   f"calls after {self.policy.retries} retries ({exc.cause})") from exc.cause
        return results

    def _batch_round(self, pending: list[str], requests: dict[str, HttpRequest], method_id: str, batch_uri: str,
                     results: dict[str, dict[str, Any] | None]) -> tuple[list[str], BaseException | None]:
        """One pass over `pending` in batches, answers put in `results`; returns (keys to try again, the
        last retryable failure). A failure that is not retryable is raised, mapped."""
        failed: list[str] = []
        last_error: BaseException | None = None
        for start in range(0, len(pending), BATCH_SIZE):
            chunk = pending[start:start + BATCH_SIZE]
            fatal: list[Exception] = []

            def done(key: str, response: Any, exception: Exception | None, fatal: list[Exception] = fatal) -> None:
                nonlocal last_error
                if exception is None:
                    results[key] = response
                elif isinstance(exception, HttpError) and exception.resp.status == 404:
                    results[key] = None
                elif is_retryable(exception):
                    failed.append(key)
                    last_error = exception
                else:
                    fatal.append(exception)

            batch = BatchHttpRequest(callback=done, batch_uri=batch_uri)
            for key in chunk:
                batch.add(requests[key], request_id=key)
            self._count(method_id, len(chunk))
            self.stats["batches"] = self.stats.get("batches", 0) + 1
            try:
                batch.execute(http=self.http)
            except HttpError as exc:
                if not is_retryable(exc):
                    raise self.map_error(exc, "batch") from exc
                failed.extend(k for k in chunk if k not in results and k not in failed)
                last_error = exc
            except auth_exceptions.RefreshError as exc:
                raise auth_error(exc, self.reconnect) from exc
            except TRANSPORT_ERRORS as exc:
                failed.extend(k for k in chunk if k not in results and k not in failed)
                last_error = exc
            if fatal:
                first = fatal[0]
                raise (self.map_error(first, method_id) if isinstance(first, HttpError)
                       else ProviderError(f"{method_id} failed: {first}")) from first
        return failed, last_error

    def map_error(self, error: HttpError, method_id: str) -> ProviderError:
        status = error.resp.status
        reason = reason_of(error)
        disabled = service_disabled(error, method_id)
        if disabled is not None:
            return disabled
        if status == 401:
            return AuthError(f"Google refused the Gmail access token (401); run: {RECONNECT}",
                             reconnect=self.reconnect)
        if status == 403 and reason not in RATE_REASONS:
            return AuthError(f"Google refused {method_id} ({reason or 'forbidden'}): the saved sign-in lacks a "
                             f"permission it needs; run: {RECONNECT}", reconnect=self.reconnect)
        if is_retryable(error):
            return UnreachableError(f"Gmail kept answering {status} ({reason}) to {method_id}; try again later")
        return ProviderError(f"{method_id} failed with HTTP {status} ({reason})")
