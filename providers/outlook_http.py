"""Microsoft Graph over HTTP for the Outlook provider: headers, throttling, paging and JSON $batch.

- Every request carries `Prefer: IdType="ImmutableId"` (ids survive moves between folders) and asks for
  plain-text bodies and UTC times (`outlook.body-content-type="text"`, `outlook.timezone="UTC"`).
- Throttling: 429 and 503/504 are retried after `Retry-After` (else an exponential back-off), a bounded
  number of times; at most 4 requests are in flight per mailbox (Outlook's concurrency limit), batches
  included; a $batch holds at most 20 requests and its items throttled one by one are retried.
- Links (`@odata.nextLink`, `@odata.deltaLink`) are followed verbatim, and only on the configured host.
- B19: paths that send, reply, forward, move or copy, and the DELETE method, are refused here before
  any byte leaves the machine. The scopes (no Mail.Send) make Microsoft refuse a send as well.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import requests

from providers.base import AuthError, ProviderError, UnreachableError
from providers.outlook_auth import RECONNECT, TokenSource

MAX_CONCURRENT = 4
BATCH_LIMIT = 20
MAX_ATTEMPTS = 6
MAX_WAIT = 120.0  # seconds: a longer Retry-After fails the run rather than hanging cron
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


def _retry_after(headers: Any, attempt: int) -> float:
    value = (headers or {}).get("Retry-After") or (headers or {}).get("retry-after")
    if value:
        try:
            return min(max(float(value), 0.0), MAX_WAIT)
        except ValueError:
            try:
                return min(max(parsedate_to_datetime(value).timestamp() - time.time(), 0.0), MAX_WAIT)
            except (TypeError, ValueError):
                pass
    return min(0.5 * 2 ** attempt, MAX_WAIT)


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


class GraphClient:
    """One mailbox's Graph endpoint. Thread-safe: each worker thread has its own HTTP session."""

    def __init__(self, base_url: str, tokens: TokenSource, *, verify: bool | str = True,
                 sleep: Callable[[float], None] = time.sleep):
        self.base = base_url.rstrip("/")
        self._origin = urlsplit(self.base)
        self.tokens = tokens
        self.verify = verify
        self.sleep = sleep
        self.stats = {"requests": 0, "batches": 0, "batched": 0, "throttled": 0}
        self._local = threading.local()
        self._gate = threading.BoundedSemaphore(MAX_CONCURRENT)
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

    def _check(self, method: str, url: str) -> None:
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != (self._origin.scheme, self._origin.netloc):
            raise ProviderError(f"refusing a Graph link to another host: {parts.scheme}://{parts.netloc}")
        last = parts.path.rstrip("/").rsplit("/", 1)[-1].lower()
        if method.upper() == "DELETE" or last in FORBIDDEN_ACTIONS:
            raise ProviderError(f"refusing {method} {parts.path}: this agent never sends, moves or deletes mail")

    def request(self, method: str, path: str, *, params: dict | None = None, body: Any = None,
                data: bytes | None = None, headers: dict | None = None) -> requests.Response:
        """One Graph call with auth, Prefer, retries on throttling and one token refresh on 401.
        Returns the response for 2xx and 404/410 (the callers decide); raises otherwise."""
        url = self.url(path)
        self._check(method, url)
        refreshed = False
        for attempt in range(MAX_ATTEMPTS):
            hdrs = {"Authorization": f"Bearer {self.tokens.token()}", "Prefer": PREFER,
                    "Accept": "application/json", **(headers or {})}
            if body is not None:
                hdrs["Content-Type"] = "application/json"
            try:
                with self._gate:
                    self._count("requests")
                    resp = self._session().request(method, url, params=params, timeout=TIMEOUT,
                                                   data=json.dumps(body) if body is not None else data,
                                                   headers=hdrs)
            except requests.RequestException as exc:
                # A POST that creates (a draft) may have been carried out with only its answer lost: sending it
                # again would make a second draft (B20). It fails the run instead; the next run finds the draft
                # by its Message-ID. A $batch (reads only) and a connection never made are safe to repeat.
                unsafe = (method.upper() == "POST" and not url.endswith("$batch")
                          and not isinstance(exc, requests.exceptions.ConnectTimeout))
                if attempt + 1 >= MAX_ATTEMPTS or unsafe or isinstance(exc, requests.exceptions.SSLError):
                    raise UnreachableError(f"cannot reach Microsoft Graph at {self.base}: "
                                           f"{type(exc).__name__}") from exc
                self.sleep(_retry_after({}, attempt))
                continue
            if resp.status_code in (429, 503, 504):
                self._count("throttled")
                if attempt + 1 < MAX_ATTEMPTS:
                    self.sleep(_retry_after(resp.headers, attempt))
                    continue
                raise UnreachableError(f"Microsoft Graph kept answering {resp.status_code} (throttled or "
                                       f"unavailable); the next run will try again")
            if resp.status_code == 401:
                if not refreshed:
                    refreshed = True
                    self.tokens.refresh()
                    continue
                raise AuthError(f"Microsoft Graph refused the Outlook token; {RECONNECT}")
            if resp.status_code == 403:
                raise AuthError(f"Microsoft Graph denied access ({self._code(resp)}): the app needs the "
                                f"delegated permissions Mail.ReadWrite, Calendars.Read and User.Read; {RECONNECT}")
            if resp.status_code < 300 or resp.status_code in (404, 410):
                return resp
            raise GraphError(resp.status_code, self._code(resp), self._message(resp))
        raise UnreachableError("Microsoft Graph did not answer")  # not reached: the loop returns or raises

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
        JSON $batch, 20 to a batch, up to 4 batches at once. Returns id -> (status, body); a body that is
        not JSON (a $value) comes back as bytes. Items throttled inside a batch are retried."""
        results: dict[str, tuple[int, Any]] = {}
        pending = list(items)
        for attempt in range(MAX_ATTEMPTS):
            if not pending:
                break
            chunks = [pending[i:i + BATCH_LIMIT] for i in range(0, len(pending), BATCH_LIMIT)]
            with ThreadPoolExecutor(max_workers=min(MAX_CONCURRENT, len(chunks))) as pool:
                answers = list(pool.map(self._one_batch, chunks))
            retry: list[dict] = []
            wait = 0.0
            by_id = {item["id"]: item for item in pending}
            for answer in answers:
                for resp in answer:
                    rid = str(resp.get("id"))
                    status = int(resp.get("status", 500))
                    if status in (429, 503, 504) and rid in by_id:
                        self._count("throttled")
                        retry.append(by_id[rid])
                        wait = max(wait, _retry_after(resp.get("headers") or {}, attempt))
                        continue
                    results[rid] = (status, self._item_body(resp))
            pending = retry
            if pending and attempt + 1 < MAX_ATTEMPTS:
                self.sleep(wait)
        if pending:
            raise UnreachableError("Microsoft Graph kept throttling batched requests; the next run will try again")
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
        _status, body = self.json("POST", "$batch", body={"requests": requests_})
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
