"""Microsoft Graph over HTTP for the Outlook provider: headers, throttling, paging and JSON $batch.

- Every request carries `Prefer: IdType="ImmutableId"` (ids survive moves between folders) and asks for
  plain-text bodies and UTC times (`outlook.body-content-type="text"`, `outlook.timezone="UTC"`).
- Throttling: 429 and 503/504 are retried under the providers' one policy (providers/retry.py: after
  `Retry-After`, else an exponential back-off with jitter, each wait at most MAX_WAIT), a bounded number of
  times; at most 4 requests are in flight per mailbox (Outlook's concurrency limit), batches included; a
  $batch holds at most 20 requests and its items throttled one by one are retried.
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
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import quote, urlsplit

import requests

from providers.base import AuthError, ProviderError, UnreachableError
from providers.outlook_auth import RECONNECT, TokenSource
from providers.retry import RetryLater, RetryPolicy, retry_after_seconds

MAX_CONCURRENT = 4
BATCH_LIMIT = 20
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
                _deleting_draft: bool = False) -> requests.Response:
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
                with self._gate:
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
        JSON $batch, 20 to a batch, up to 4 batches at once. Returns id -> (status, body); a body that is
        not JSON (a $value) comes back as bytes. Items throttled inside a batch are retried."""
        results: dict[str, tuple[int, Any]] = {}
        pending = list(items)

        def one_round() -> None:
            nonlocal pending
            chunks = [pending[i:i + BATCH_LIMIT] for i in range(0, len(pending), BATCH_LIMIT)]
            with ThreadPoolExecutor(max_workers=min(MAX_CONCURRENT, len(chunks))) as pool:
                answers = list(pool.map(self._one_batch, chunks))
            retry: list[dict] = []
            waits: list[float] = []
            by_id = {item["id"]: item for item in pending}
            for answer in answers:
                for resp in answer:
                    rid = str(resp.get("id"))
                    status = int(resp.get("status", 500))
                    if status in (429, 503, 504) and rid in by_id:
                        self._count("throttled")
                        retry.append(by_id[rid])
                        wait = retry_after_seconds(_retry_after(resp.get("headers") or {}))
                        if wait is not None:
                            waits.append(wait)
                        continue
                    results[rid] = (status, self._item_body(resp))
            pending = retry
            if pending:
                raise RetryLater(max(waits) if waits else None)

        if not pending:
            return results
        try:
            self.policy.run(one_round, retry_if=lambda exc: False, sleep=lambda s: self.sleep(s))
        except RetryLater:
            raise UnreachableError("Microsoft Graph kept throttling batched requests; the next run will "
                                   "try again") from None
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
