"""Microsoft Graph over HTTP for the Outlook provider: headers, throttling, paging and JSON $batch.

- Every request carries `Prefer: IdType="ImmutableId"` (ids survive moves between folders) and asks for
  plain-text bodies and UTC times (`outlook.body-content-type="text"`, `outlook.timezone="UTC"`).
- Throttling: 429 and 503/504 are retried under the providers' one policy (providers/retry.py: after
  `Retry-After`, else an exponential back-off with jitter, each wait at most MAX_WAIT), a bounded number of
  times. At most 4 requests are in flight per mailbox, counting each request INSIDE a $batch: Outlook
  evaluates batched requests one by one against its limit of 4 concurrent requests per app and mailbox and
  answers the excess 429 ApplicationThrottled "...over its MailboxConcurrency limit" inside a 200 batch
  (microsoft-graph-docs PR 20833, "Outlook service batching"; json-batching.md; Glen Scales, "The
  MailboxConcurrency limit and using Batching"). So a $batch holds at most 4 requests and takes all 4
  slots: one batch at a time, no plain request beside it. Only the inner requests answered 429/503/504 are
  sent again, after the largest inner Retry-After; after a MailboxConcurrency 429 (another client of the
  mailbox holds slots: its Retry-After is not a time but "wait for a call to finish", MS Q&A 2143058) the
  following batches shrink to what went through.
- Links (`@odata.nextLink`, `@odata.deltaLink`) are followed verbatim, and only on the configured host.
- B19: paths that send, reply, forward, move or copy, and the DELETE method, are refused here before
  any byte leaves the machine; `delete_message` alone sends a DELETE, of me/messages/{id}, for a draft
  outlook_drafts.delete_draft has just read back in Drafts. The scopes (no Mail.Send) make Microsoft refuse a
  send as well.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote, urlsplit

import requests

from providers.base import AuthError, ProviderError, UnreachableError
from providers.outlook_auth import RECONNECT, TokenSource
from providers.retry import RetryLater, RetryPolicy, retry_after_seconds

MAX_CONCURRENT = 4  # Outlook: 4 concurrent requests per app and mailbox, batched ones counted one by one
BATCH_LIMIT = MAX_CONCURRENT  # Graph takes 20 to a $batch; more than 4 unchained would exceed the 4 above
RETRIES = 5
MAX_WAIT = 120.0  # seconds: the longest wait between two tries (a longer Retry-After is cut to it)
TIMEOUT = (10, 60)
PREFER = 'IdType="ImmutableId", outlook.body-content-type="text", outlook.timezone="UTC"'
FORBIDDEN_ACTIONS = {"send", "sendmail", "reply", "replyall", "forward", "move", "copy", "permanentdelete"}


class TlsSession(requests.Session):
    """A requests session whose `verify` (a CA file) wins over REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE, which
    plain requests lets override a session's own setting."""

    def __init__(self, verify: bool | str = True):
        super().__init__()
        self.verify = verify

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> requests.Response:
        if isinstance(self.verify, str) and kwargs.get("verify") is None:
            kwargs["verify"] = self.verify
        return super().request(method, url, *args, **kwargs)


def quote_id(graph_id: str) -> str:
    """A Graph id as one path segment."""
    return quote(graph_id, safe="=-_")


def _retry_after(headers: Any) -> str | None:
    return (headers or {}).get("Retry-After") or (headers or {}).get("retry-after")


class _Throttled(RetryLater):
    """Graph answered 429, 503 or 504: try again after its Retry-After."""

    def __init__(self, status: int, retry_after: str | None):
        super().__init__(retry_after)
        self.status = status


def error_code(body: Any) -> str:
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return str(body["error"].get("code", ""))
    return ""


class GraphError(ProviderError):
    """Graph answered with an error status that is not throttling or auth."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(f"Microsoft Graph answered {status} {code}: {message}"[:300])
        self.status = status
        self.code = code


class _Slots:
    """A counting semaphore whose holders take several slots at once (a $batch: one per inner request)."""

    def __init__(self, size: int):
        self.size = size
        self._free = size
        self._cond = threading.Condition()

    def hold(self, n: int) -> _Held:
        return _Held(self, max(1, min(n, self.size)))


class _Held:
    def __init__(self, slots: _Slots, n: int):
        self.slots, self.n = slots, n

    def __enter__(self) -> None:
        with self.slots._cond:
            self.slots._cond.wait_for(lambda: self.slots._free >= self.n)
            self.slots._free -= self.n

    def __exit__(self, *exc: object) -> None:
        with self.slots._cond:
            self.slots._free += self.n
            self.slots._cond.notify_all()


def _concurrency_limited(resp: dict) -> bool:
    """An inner 429 for the mailbox's concurrency limit (ApplicationThrottled, "...MailboxConcurrency...")."""
    body = resp.get("body")
    error = body.get("error") if isinstance(body, dict) else None
    return isinstance(error, dict) and "concurrency" in str(error.get("message", "")).lower()


class GraphClient:
    """One mailbox's Graph endpoint. Thread-safe: each worker thread has its own HTTP session."""

    def __init__(self, base_url: str, tokens: TokenSource, *, verify: bool | str = True,
                 sleep: Callable[[float], None] = time.sleep):
        self.base = base_url.rstrip("/")
        self._origin = urlsplit(self.base)
        self.tokens = tokens
        self.verify = verify
        self.sleep = sleep
        self.policy = RetryPolicy(retries=RETRIES, max_wait=MAX_WAIT)
        self.stats = {"requests": 0, "batches": 0, "batched": 0, "throttled": 0}
        self._local = threading.local()
        self._gate = _Slots(MAX_CONCURRENT)
        self._lock = threading.Lock()
        self._sessions: list[requests.Session] = []

    # -- plumbing -----------------------------------------------------------------------------------

    def _count(self, name: str, n: int = 1) -> None:
        with self._lock:
            self.stats[name] = self.stats.get(name, 0) + n

    def url(self, path: str) -> str:
        return path if path.startswith(("https://", "http://")) else f"{self.base}/{path.lstrip('/')}"

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = TlsSession(self.verify)
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    def _check(self, method: str, url: str, *, deleting_draft: bool = False) -> None:
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != (self._origin.scheme, self._origin.netloc):
            raise ProviderError(f"refusing a Graph link to another host: {parts.scheme}://{parts.netloc}")
        last = parts.path.rstrip("/").rsplit("/", 1)[-1].lower()
        one_message = re.fullmatch(re.escape(self._origin.path.rstrip("/")) + r"/me/messages/[^/]+", parts.path)
        if (method.upper() == "DELETE" and not (deleting_draft and one_message and not parts.query)) \
                or last in FORBIDDEN_ACTIONS:
            raise ProviderError(f"refusing {method} {parts.path}: this agent never sends, moves or deletes mail")

    def request(self, method: str, path: str, *, params: dict | None = None, body: Any = None,
                data: bytes | None = None, headers: dict | None = None,
                _deleting_draft: bool = False, _slots: int = 1) -> requests.Response:
        """One Graph call with auth, Prefer, retries on throttling and one token refresh on 401.
        Returns the response for 2xx and 404/410 (the callers decide); raises otherwise."""
        url = self.url(path)
        self._check(method, url, deleting_draft=_deleting_draft)
        refreshed = False

        def once() -> requests.Response:
            nonlocal refreshed
            while True:
                hdrs = {"Authorization": f"Bearer {self.tokens.token()}", "Prefer": PREFER,
                        "Accept": "application/json", **(headers or {})}
                if body is not None:
                    hdrs["Content-Type"] = "application/json"
                with self._gate.hold(_slots):
                    self._count("requests")
                    resp = self._session().request(method, url, params=params, timeout=TIMEOUT,
                                                   data=json.dumps(body) if body is not None else data,
                                                   headers=hdrs)
                if resp.status_code != 401 or refreshed:
                    break
                refreshed = True  # one new token after a 401, then the answer stands
                self.tokens.refresh()
            if resp.status_code in (429, 503, 504):
                self._count("throttled")
                raise _Throttled(resp.status_code, _retry_after(resp.headers))
            return resp

        def retryable(exc: BaseException) -> bool:
            # A POST that creates (a draft) may have been carried out with only its answer lost: sending it
            # again would make a second draft (B20). It fails the run instead; the next run finds the draft
            # by its Message-ID. A $batch (reads only) and a connection never made are safe to repeat.
            if not isinstance(exc, requests.RequestException) or isinstance(exc, requests.exceptions.SSLError):
                return False
            return (method.upper() != "POST" or url.endswith("$batch")
                    or isinstance(exc, requests.exceptions.ConnectTimeout))

        try:
            resp = self.policy.run(once, retry_if=retryable, sleep=lambda s: self.sleep(s))
        except _Throttled as exc:
            raise UnreachableError(f"Microsoft Graph kept answering {exc.status} (throttled or "
                                   f"unavailable); the next run will try again") from None
        except requests.RequestException as exc:
            raise UnreachableError(f"cannot reach Microsoft Graph at {self.base}: "
                                   f"{type(exc).__name__}") from exc
        if resp.status_code == 401:
            raise AuthError(f"Microsoft Graph refused the Outlook token; {RECONNECT}", reconnect=self.tokens.reconnect)
        if resp.status_code == 403:
            raise AuthError(f"Microsoft Graph denied access ({self._code(resp)}): the app needs the "
                            f"delegated permissions Mail.ReadWrite, Calendars.Read and User.Read; {RECONNECT}",
                            reconnect=self.tokens.reconnect)
        if resp.status_code < 300 or resp.status_code in (404, 410):
            return resp
        raise GraphError(resp.status_code, self._code(resp), self._message(resp))

    @staticmethod
    def _code(resp: requests.Response) -> str:
        try:
            return error_code(resp.json())
        except ValueError:
            return ""

    @staticmethod
    def _message(resp: requests.Response) -> str:
        try:
            return str(resp.json()["error"].get("message", ""))[:200]
        except (ValueError, KeyError, TypeError, AttributeError):
            return resp.text[:200]

    def json(self, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        resp = self.request(method, path, **kwargs)
        try:
            return resp.status_code, resp.json() if resp.content else {}
        except ValueError as exc:
            raise ProviderError(f"Microsoft Graph sent a response that is not JSON for {path}") from exc

    def delete_message(self, graph_id: str) -> bool:
        """DELETE me/messages/{id}, the one DELETE this client sends: for the agent's own draft, which the
        caller (outlook_drafts.delete_draft) has just read back in Drafts. True when deleted, False when gone."""
        resp = self.request("DELETE", f"me/messages/{quote_id(graph_id)}", _deleting_draft=True)
        return resp.status_code < 300

    # -- paging -------------------------------------------------------------------------------------

    def pages(self, path: str, params: dict | None = None, *, page_size: int = 200) -> Iterator[dict]:
        """Each page of a collection or delta round, following @odata.nextLink verbatim. A 404/410 or
        an expired sync state raises GraphError with the status, so that delta callers can start over."""
        url, query = path, params
        for _ in range(100_000):  # bounded: a mailbox of 20 million messages at 200 a page
            status, page = self.json("GET", url, params=query,
                                     headers={"Prefer": f"{PREFER}, odata.maxpagesize={page_size}"})
            if status in (404, 410):
                raise GraphError(status, error_code(page), "the sync state is gone")
            yield page
            url, query = page.get("@odata.nextLink"), None
            if not url:
                return
        raise ProviderError("Microsoft Graph kept sending more pages; giving up")

    # -- $batch -------------------------------------------------------------------------------------

    def batch(self, items: list[dict]) -> dict[str, tuple[int, Any]]:
        """Run requests ({"id", "method", "url", optional "body"}, urls relative to the base) through
        JSON $batch, at most 4 to a batch and one batch at a time (see the module docstring). Returns
        id -> (status, body); a body that is not JSON (a $value) comes back as bytes. Only the items throttled
        inside a batch are sent again, after their Retry-After; the run gives up (UnreachableError) after
        RETRIES batches in a row that made no progress."""
        results: dict[str, tuple[int, Any]] = {}
        queue = deque(items)
        size = BATCH_LIMIT
        strikes = 0
        while queue:
            chunk = [queue.popleft() for _ in range(min(size, len(queue)))]
            by_id = {str(item["id"]): item for item in chunk}
            throttled: list[dict] = []
            waits: list[float] = []
            crowded = False
            for resp in self._one_batch(chunk):
                rid = str(resp.get("id"))
                status = int(resp.get("status", 500))
                if status in (429, 503, 504) and rid in by_id:
                    throttled.append(by_id[rid])
                    crowded = crowded or (status == 429 and _concurrency_limited(resp))
                    wait = retry_after_seconds(_retry_after(resp.get("headers") or {}))
                    if wait is not None:
                        waits.append(wait)
                    continue
                results[rid] = (status, self._item_body(resp))
            if not throttled:
                strikes = 0
                continue
            self._count("throttled", len(throttled))
            strikes = strikes + 1 if len(throttled) == len(chunk) else 1
            if strikes > RETRIES:
                raise UnreachableError("Microsoft Graph kept throttling batched requests; the next run will "
                                       "try again")
            if crowded:  # other clients hold some of the mailbox's 4 slots: send no more than went through
                size = max(1, len(chunk) - len(throttled))
            queue.extendleft(reversed(throttled))
            self.sleep(self.policy.wait(strikes, max(waits) if waits else None))
        return results

    def _one_batch(self, chunk: list[dict]) -> list[dict]:
        requests_ = []
        for item in chunk:
            entry = {"id": item["id"], "method": item.get("method", "GET"), "url": item["url"],
                     "headers": {"Prefer": PREFER}}
            self._check(entry["method"], self.url(entry["url"]))
            if "body" in item:
                entry["body"] = item["body"]
                entry["headers"]["Content-Type"] = "application/json"
            requests_.append(entry)
        self._count("batches")
        self._count("batched", len(chunk))
        _status, body = self.json("POST", "$batch", body={"requests": requests_}, _slots=len(requests_))
        responses = body.get("responses") if isinstance(body, dict) else None
        if not isinstance(responses, list):
            raise ProviderError("Microsoft Graph sent a $batch answer without responses")
        return responses

    @staticmethod
    def _item_body(resp: dict) -> Any:
        body = resp.get("body")
        headers = {str(k).lower(): str(v) for k, v in (resp.get("headers") or {}).items()}
        if isinstance(body, str) and "json" not in headers.get("content-type", ""):
            try:
                return base64.b64decode(body, validate=False)
            except (ValueError, TypeError):
                return body.encode("utf-8", "replace")
        return body

    def close(self) -> None:
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()
