"""A loopback fake of Gmail + Google Calendar + Google's OAuth endpoints, serving a Maildir++ tree.

    python -m tests.fakes.gmail --maildir DIR --port N [--user ADDRESS]

prints the `[account]` TOML table that points the gmail provider at it (with a token file holding a
refresh token it accepts), then one empty line, and serves until SIGTERM. `--port 0` picks a free port.

In tests, `FakeGoogle(maildir).start()` does the same in-process; `stop()` ends it. What it checks:
every request's method, path, query parameters and JSON body against the discovery documents that ship
inside google-api-python-client (unknown parameter, wrong type, wrong enum value -> 400 and a recorded
violation); the bearer token on every API call; PKCE on the authorization code grant; at most 50 calls
per batch (Google's hard limit is 100). `violations` lists what went wrong; `requests` logs every call
(batch inner calls included);
`units` counts Gmail quota units; an access token whose scopes are none of those the discovery document
lists for the method gets 403 insufficientPermissions, as Google answers. Faults on demand:
`fail(target, status, times)`, `expire_history()`, `expire_sync_tokens()`, `revoke_refresh_tokens()`,
`expire_access_tokens()`.

As strict as Google (issue 17; sources in /work/research/provider_behaviour.md §3-4):
- `concurrent_per_user` (25 by default; 0 turns it off): in a batch, the calls past that many are answered
  with an inner 429 "Too many concurrent requests for user." (reason rateLimitExceeded, status
  RESOURCE_EXHAUSTED), as real Gmail does to batches of 50 and more while 10-25 go through
  (googleapis/google-api-dotnet-client#1982, amd/gaia#2716 and #2720).
- `throttle_share` (a fault, 0.0 by default): that share of the calls in every batch gets the same 429.
- `rewrite_message_ids(on_create, on_send)` (faults, both off): a draft made with drafts.create, or a draft the
  user sends (its file moved from .Drafts to .Sent), gets a Message-ID of Gmail's making, as Gmail may do
  (undocumented either way: docs/research/provider_behaviour.md §10, tests/fakes/message_ids.py).
- `disable_api("gmail" | "calendar", project)` (a fault): every call to that API gets 403
  accessNotConfigured / SERVICE_DISABLED with the google.rpc.ErrorInfo and Help details Google sends when
  the API is not enabled in the OAuth client's Cloud project (python-samples#23, GHunt#382,
  google_workspace_mcp#126 for the Calendar service name).

The mailbox and calendar state lives in `gmail_store.MailStore`, the methods in `gmail_api.GmailApi`.
"""

from __future__ import annotations

import argparse
import base64
import email.parser
import email.policy
import hashlib
import json
import os
import secrets
import shutil
import signal
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.fakes.gmail_api import UNITS, ApiError, GmailApi
from tests.fakes.gmail_discovery import DiscoveryValidator, Violation, load_document
from tests.fakes.gmail_store import MailStore
from tests.loopback import Serving

CLIENT_ID = "000000000000-fakeclient.apps.googleusercontent.com"
CLIENT_SECRET = "fake-client-secret"
SCOPES = ("https://www.googleapis.com/auth/gmail.readonly", "https://www.googleapis.com/auth/gmail.compose",
          "https://www.googleapis.com/auth/calendar.events.readonly")
MAX_BATCH = 50  # what the provider may send: Google advises no more than 50 (and refuses over 100)
CONCURRENT_PER_USER = 25
TOO_MANY = "Too many concurrent requests for user."
SERVICES = {"gmail": ("gmail.googleapis.com", "Gmail API"), "calendar": ("calendar-json.googleapis.com",
                                                                           "Google Calendar API")}


def disabled_body(api: str, project: str) -> bytes:
    """Google's 403 for an API that is not enabled in the project (the shape of current responses)."""
    service, title = SERVICES[api]
    url = f"https://console.developers.google.com/apis/api/{service}/overview?project={project}"
    message = (f"{title} has not been used in project {project} before or it is disabled. Enable it by visiting "
               f"{url} then retry. If you enabled this API recently, wait a few minutes for the action to "
               f"propagate to our systems and retry.")
    return json.dumps({"error": {"code": 403, "message": message, "status": "PERMISSION_DENIED",
                                 "errors": [{"message": message, "domain": "usageLimits",
                                             "reason": "accessNotConfigured",
                                             "extendedHelp": "https://console.developers.google.com"}],
                                 "details": [
                                     {"@type": "type.googleapis.com/google.rpc.Help",
                                      "links": [{"description": "Google developers console API activation",
                                                 "url": url}]},
                                     {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "SERVICE_DISABLED",
                                      "domain": "googleapis.com",
                                      "metadata": {"serviceTitle": title, "consumer": f"projects/{project}",
                                                   "containerInfo": project, "service": service,
                                                   "activationUrl": url}}]}}).encode()
_DOCS: dict[str, DiscoveryValidator] = {}
_DOCS_LOCK = threading.Lock()


def validator(name: str) -> DiscoveryValidator:
    with _DOCS_LOCK:
        if name not in _DOCS:
            _DOCS[name] = DiscoveryValidator(load_document(name))
        return _DOCS[name]


@dataclass
class Logged:
    method: str
    path: str
    query: str
    method_id: str = ""
    status: int = 0
    in_batch: bool = False


@dataclass
class Fault:
    target: str  # a method id ("gmail.users.history.list"), "batch", "token", or "*" for any API call
    status: int
    times: int
    reason: str = ""
    retry_after: int | None = None


class FakeGoogle:
    def __init__(self, maildir: Path | str, *, user: str | None = None, host: str = "127.0.0.1", port: int = 0,
                 token_lifetime: int = 3600):
        self.store = MailStore(Path(maildir), user=user)
        self.api = GmailApi(self.store)
        self.gmail = validator("gmail.v1")
        self.calendar = validator("calendar.v3")
        self.host, self.port = host, port
        self.token_lifetime = token_lifetime
        self.requests: list[Logged] = []
        self.violations: list[str] = []
        self.units: Counter[str] = Counter()
        self.faults: list[Fault] = []
        self.refresh_tokens: dict[str, tuple[str, ...]] = {}
        self.access_tokens: dict[str, float] = {}
        self.access_scopes: dict[str, tuple[str, ...]] = {}  # access token -> the scopes it was issued for
        self.codes: dict[str, dict[str, Any]] = {}
        self.token_requests: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self._serving: Serving | None = None
        self.concurrent_per_user = CONCURRENT_PER_USER
        self.throttle_share = 0.0
        self.throttled = 0  # inner calls answered 429 for concurrency
        self.disabled: dict[str, str] = {}  # "gmail" / "calendar" -> the project number it is disabled in
        self._rng = __import__("random").Random(17)

    # -- lifecycle -----------------------------------------------------------------------------------

    def start(self) -> FakeGoogle:
        server = ThreadingHTTPServer((self.host, self.port), _Handler)
        server.daemon_threads = True
        server.block_on_close = False
        server.fake = self  # type: ignore[attr-defined]
        self._serving = Serving(server, "fake-gmail")
        self.port = self._serving.port
        self._serving.start()
        return self

    def stop(self) -> None:
        if self._serving is not None:
            self._serving.stop()
            self._serving = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # -- credentials ---------------------------------------------------------------------------------

    def issue_refresh_token(self, scopes: tuple[str, ...] = SCOPES) -> str:
        token = "1//0fake-" + secrets.token_urlsafe(24)
        with self._lock:
            self.refresh_tokens[token] = scopes
        return token

    def token_info(self, scopes: tuple[str, ...] = SCOPES) -> dict[str, Any]:
        """What `Credentials.to_json()` would hold after `connect gmail` (no access token yet)."""
        return {"refresh_token": self.issue_refresh_token(scopes), "token_uri": f"{self.url}/token",
                "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "scopes": list(scopes),
                "type": "authorized_user"}

    def write_token_file(self, path: Path) -> Path:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            json.dump(self.token_info(), handle)
        return path

    def account(self, token_file: Path) -> dict[str, Any]:
        """The [account] table that points the gmail provider at this fake (writes `token_file`)."""
        self.write_token_file(token_file)
        return {"provider": "gmail", "token_file": str(token_file), "api_endpoint": f"{self.url}/",
                "token_uri": f"{self.url}/token"}

    def client_secrets(self, path: Path) -> Path:
        """A "Desktop app" client file as the Google Cloud console downloads it, pointing here."""
        path.write_text(json.dumps({"installed": {
            "client_id": CLIENT_ID, "project_id": "fake-project", "auth_uri": f"{self.url}/o/oauth2/auth",
            "token_uri": f"{self.url}/token", "client_secret": CLIENT_SECRET,
            "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
            "redirect_uris": ["http://localhost"]}}))
        return path

    # -- faults --------------------------------------------------------------------------------------

    def fail(self, target: str, status: int, times: int = 1, reason: str = "", retry_after: int | None = None) -> None:
        with self._lock:
            self.faults.append(Fault(target, status, times, reason, retry_after))

    def rewrite_message_ids(self, *, on_create: bool = False, on_send: bool = False) -> None:
        """Gmail gives drafts a Message-ID of its own making when they are created and/or sent (a fault)."""
        with self.store.lock:
            self.store.rewrite_message_id = {w for w, on in (("create", on_create), ("send", on_send)) if on}

    def disable_api(self, api: str, project: str = "861228239640") -> None:
        """Every call to `api` ("gmail" or "calendar") answers 403 SERVICE_DISABLED, as when the API is not
        enabled in the Cloud project of the OAuth client; `disable_api(api, "")` enables it again."""
        with self._lock:
            if project:
                self.disabled[api] = project
            else:
                self.disabled.pop(api, None)

    def expire_history(self) -> None:
        with self.store.lock:
            self.store.history_floor = self.store.history_id + 1

    def expire_sync_tokens(self) -> None:
        with self.store.lock:
            self.store.calendar_events()
            self.store.calendar.version += 1  # tokens issued from now on are valid again
            self.store.calendar.floor = self.store.calendar.version

    def revoke_refresh_tokens(self) -> None:
        with self._lock:
            self.refresh_tokens.clear()
            self.access_tokens.clear()

    def expire_access_tokens(self) -> None:
        with self._lock:
            self.access_tokens.clear()

    def _fault(self, target: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.times > 0 and fault.target in (target, "*" if target not in ("batch", "token") else ""):
                    fault.times -= 1
                    return fault
        return None

    def violation(self, text: str) -> None:
        with self._lock:
            self.violations.append(text)

    # -- dispatch ------------------------------------------------------------------------------------

    def dispatch(self, method: str, target: str, headers: dict[str, str],
                 body: bytes) -> tuple[int, dict[str, str], bytes]:
        parts = urllib.parse.urlsplit(target)
        if parts.path == "/token" and method == "POST":
            return self._token(body, headers)
        if parts.path == "/o/oauth2/auth" and method == "GET":
            return self._authorize(parts.query)
        if parts.path.startswith("/batch"):
            return self._batch(method, parts.path, headers, body)
        return self._api(method, parts.path, parts.query, headers, body, in_batch=False)

    def _api(self, method: str, path: str, query: str, headers: dict[str, str], body: bytes,
             *, in_batch: bool) -> tuple[int, dict[str, str], bytes]:
        entry = Logged(method, path, query, in_batch=in_batch)
        with self._lock:
            self.requests.append(entry)
        status, extra, payload = self._api_inner(entry, method, path, query, headers, body)
        entry.status = status
        return status, {"Content-Type": "application/json; charset=UTF-8", **extra}, payload

    def _api_inner(self, entry: Logged, method: str, path: str, query: str, headers: dict[str, str],
                   body: bytes) -> tuple[int, dict[str, str], bytes]:
        if path.rstrip("/").endswith("/send"):
            self.violation(f"B19: a request to send: {method} {path}")
            return 403, {}, ApiError(403, "sending is refused by the fake").body()
        if path.startswith("/gmail/v1/"):
            checker = self.gmail
        elif path.startswith("/calendar/v3/"):
            checker = self.calendar
        else:
            self.violation(f"unknown endpoint {method} {path}")
            return 404, {}, ApiError(404, "Not Found").body()
        auth = _header(headers, "authorization")
        token = auth[7:] if auth.lower().startswith("bearer ") else ""
        with self._lock:
            off = self.disabled.get("gmail" if path.startswith("/gmail/") else "calendar")
        if off:
            return 403, {}, disabled_body("gmail" if path.startswith("/gmail/") else "calendar", off)
        with self._lock:
            expiry = self.access_tokens.get(token)
        if expiry is None or expiry < time.time():
            return 401, {"WWW-Authenticate": 'Bearer realm="https://accounts.google.com/"'}, ApiError(
                401, "Request had invalid authentication credentials.").body()
        try:
            checked = checker.check(method, path, query, body or None)
        except Violation as exc:
            self.violation(str(exc))
            return 400, {}, ApiError(400, str(exc), "invalidArgument").body()
        entry.method_id = checked.method_id
        allowed = set(checker.scopes.get(checked.method_id, ()))
        with self._lock:
            held = set(self.access_scopes.get(token, ()))
        if allowed and not allowed & held:
            return 403, {}, ApiError(403, "Request had insufficient authentication scopes.",
                                     "insufficientPermissions").body()
        fault = self._fault(checked.method_id)
        if fault is not None:
            return self._fault_response(fault)
        with self._lock:
            self.units[checked.method_id] += UNITS.get(checked.method_id, 0)
        try:
            result = self.api.handle(checked)
        except ApiError as exc:
            if exc.violation:
                self.violation(exc.message)
            return exc.status, exc.headers, exc.body()
        if result is None:
            return 204, {}, b""
        return 200, {}, json.dumps(result).encode()

    @staticmethod
    def _fault_response(fault: Fault) -> tuple[int, dict[str, str], bytes]:
        headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
        reason = fault.reason or ("rateLimitExceeded" if fault.status in (403, 429) else "")
        return fault.status, headers, ApiError(fault.status, f"injected {fault.status}", reason).body()

    # -- batch ---------------------------------------------------------------------------------------

    def _batch(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        entry = Logged(method, path, "", "batch")
        with self._lock:
            self.requests.append(entry)
        ctype = _header(headers, "content-type")
        if method != "POST" or path.rstrip("/") not in ("/batch/gmail/v1", "/batch/calendar/v3", "/batch"):
            self.violation(f"unknown batch endpoint {method} {path}")
            entry.status = 404
            return 404, {}, ApiError(404, "Not Found").body()
        if not ctype.lower().startswith("multipart/mixed"):
            self.violation(f"batch body is {ctype!r}, not multipart/mixed")
            entry.status = 400
            return 400, {}, ApiError(400, "batch needs multipart/mixed").body()
        fault = self._fault("batch")
        if fault is not None:
            entry.status = fault.status
            return self._fault_response(fault)
        outer = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(
            b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + body)
        parts = outer.get_payload() if outer.is_multipart() else []
        if not parts or len(parts) > MAX_BATCH:
            self.violation(f"a batch of {len(parts)} calls (1 to {MAX_BATCH} allowed)")
            entry.status = 400
            return 400, {}, ApiError(400, f"batch of {len(parts)} calls").body()
        boundary = "batch_" + secrets.token_hex(12)
        out = []
        for index, part in enumerate(parts):
            if part.get_content_type() != "application/http":
                self.violation(f"batch part of type {part.get_content_type()}")
                continue
            inner = part.get_payload()
            if isinstance(inner, list):
                inner = inner[0].as_string()
            if self._too_many(index):
                status, hdrs, payload = 429, {"Content-Type": "application/json; charset=UTF-8"}, \
                    ApiError(429, TOO_MANY, "rateLimitExceeded").body()
            else:
                status, hdrs, payload = self._inner(inner, headers)
            cid = (part.get("Content-ID") or "").strip()
            reply = (f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}\r\n"
                     + "".join(f"{k}: {v}\r\n" for k, v in hdrs.items())
                     + f"Content-Length: {len(payload)}\r\n\r\n")
            out.append(f"--{boundary}\r\nContent-Type: application/http\r\n"
                       f"Content-ID: <response-{cid.strip('<>')}>\r\n\r\n".encode()
                       + reply.encode() + payload + b"\r\n")
        out.append(f"--{boundary}--\r\n".encode())
        entry.status = 200
        return 200, {"Content-Type": f"multipart/mixed; boundary={boundary}"}, b"".join(out)

    def _too_many(self, index: int) -> bool:
        """Whether the call at `index` of a batch gets 429 "Too many concurrent requests for user"."""
        with self._lock:
            hit = (0 < self.concurrent_per_user <= index) or \
                (self.throttle_share > 0 and self._rng.random() < self.throttle_share)
            self.throttled += hit
        return hit

    def _inner(self, text: str, outer_headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        text = text.replace("\r\n", "\n")
        head, _, body = text.partition("\n\n")
        lines = head.split("\n")
        try:
            method, target, _version = lines[0].split(" ", 2)
        except ValueError:
            self.violation(f"batch part without a request line: {lines[0]!r}")
            return 400, {}, ApiError(400, "bad request line").body()
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip()] = value.strip()
        if not _header(headers, "authorization"):
            headers["Authorization"] = _header(outer_headers, "authorization")
        parts = urllib.parse.urlsplit(target)
        return self._api(method, parts.path, parts.query, headers, body.encode() if body.strip() else b"",
                         in_batch=True)

    # -- OAuth ---------------------------------------------------------------------------------------

    def _authorize(self, query: str) -> tuple[int, dict[str, str], bytes]:
        """The consent page, answered at once as a user who clicks Allow."""
        q = {k: v[0] for k, v in urllib.parse.parse_qs(query).items()}
        problems = []
        if q.get("client_id") != CLIENT_ID:
            problems.append("unknown client_id")
        if q.get("response_type") != "code":
            problems.append("response_type must be code")
        redirect = q.get("redirect_uri", "")
        host = urllib.parse.urlsplit(redirect).hostname
        if not redirect.startswith("http://") or host not in ("localhost", "127.0.0.1", "::1"):
            problems.append(f"redirect_uri {redirect!r} is not a loopback address")
        if not q.get("code_challenge") or q.get("code_challenge_method") != "S256":
            problems.append("PKCE (code_challenge with S256) missing")
        if q.get("access_type") != "offline":
            problems.append("access_type=offline missing: no refresh token would be issued")
        scopes = tuple(q.get("scope", "").split())
        if not scopes:
            problems.append("no scope")
        if problems:
            self.violation("authorization request: " + "; ".join(problems))
            return 400, {"Content-Type": "text/plain"}, ("; ".join(problems)).encode()
        code = "4/0fake-" + secrets.token_urlsafe(16)
        with self._lock:
            self.codes[code] = {"challenge": q["code_challenge"], "redirect_uri": redirect, "scopes": scopes}
        params = {"state": q.get("state", ""), "code": code, "scope": " ".join(scopes)}
        location = redirect + ("&" if "?" in redirect else "?") + urllib.parse.urlencode(params)
        return 302, {"Location": location, "Content-Type": "text/html"}, b"<html>Redirecting</html>"

    def _token(self, body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        form = {k: v[0] for k, v in urllib.parse.parse_qs(body.decode("utf-8", "replace")).items()}
        basic = _header(headers, "authorization")
        if basic.lower().startswith("basic "):  # client_secret_basic, as requests-oauthlib sends it
            try:
                user, _, password = base64.b64decode(basic[6:]).decode().partition(":")
            except ValueError:
                user, password = "", ""
            form.setdefault("client_id", urllib.parse.unquote_plus(user))
            form.setdefault("client_secret", urllib.parse.unquote_plus(password))
        with self._lock:
            self.token_requests.append({k: v for k, v in form.items() if k == "grant_type"})
        json_type = {"Content-Type": "application/json; charset=utf-8"}

        def error(status: int, code: str, text: str) -> tuple[int, dict[str, str], bytes]:
            return status, json_type, json.dumps({"error": code, "error_description": text}).encode()

        fault = self._fault("token")
        if fault is not None:
            return error(fault.status, fault.reason or "temporarily_unavailable", "injected")
        if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
            return error(401, "invalid_client", "The OAuth client was not found.")
        grant = form.get("grant_type")
        if grant == "authorization_code":
            with self._lock:
                issued = self.codes.pop(form.get("code", ""), None)
            if issued is None:
                return error(400, "invalid_grant", "Malformed auth code.")
            verifier = form.get("code_verifier", "")
            challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
            if challenge != issued["challenge"]:
                self.violation("token request: code_verifier does not match the PKCE challenge")
                return error(400, "invalid_grant", "Invalid code verifier.")
            if form.get("redirect_uri") != issued["redirect_uri"]:
                return error(400, "redirect_uri_mismatch", "Bad Request")
            scopes = issued["scopes"]
            refresh = self.issue_refresh_token(scopes)
        elif grant == "refresh_token":
            refresh = form.get("refresh_token", "")
            with self._lock:
                scopes = self.refresh_tokens.get(refresh)  # type: ignore[assignment]
            if scopes is None:
                return error(400, "invalid_grant", "Token has been expired or revoked.")
        else:
            return error(400, "unsupported_grant_type", f"Invalid grant_type: {grant}")
        access = "ya29.fake-" + secrets.token_urlsafe(24)
        with self._lock:
            self.access_tokens[access] = time.time() + self.token_lifetime
            self.access_scopes[access] = tuple(scopes)
        reply: dict[str, Any] = {"access_token": access, "expires_in": self.token_lifetime,
                                 "scope": " ".join(scopes), "token_type": "Bearer"}
        if grant == "authorization_code":
            reply["refresh_token"] = refresh
        return 200, json_type, json.dumps(reply).encode()

    # -- for tests -----------------------------------------------------------------------------------

    def api_calls(self) -> list[Logged]:
        """Every API call (batch envelopes excluded), in order."""
        with self._lock:
            return [r for r in self.requests if r.method_id != "batch"]

    def reset_log(self) -> None:
        with self._lock:
            self.requests.clear()
            self.units.clear()


_REASONS = {200: "OK", 302: "Found", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            410: "Gone", 413: "Payload Too Large", 429: "Too Many Requests", 500: "Internal Server Error",
            501: "Not Implemented", 503: "Service Unavailable"}


def _header(headers: dict[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return ""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        fake: FakeGoogle = self.server.fake  # type: ignore[attr-defined]
        try:
            status, headers, payload = fake.dispatch(self.command, self.path, dict(self.headers.items()), body)
        except Exception as exc:
            fake.violation(f"the fake crashed on {self.command} {self.path}: {type(exc).__name__}: {exc}")
            status, headers, payload = 500, {"Content-Type": "application/json"}, ApiError(500, str(exc)).body()
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _toml(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fakes.gmail", description=__doc__.splitlines()[0])
    parser.add_argument("--maildir", required=True, type=Path, help="the Maildir++ tree to serve")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--user", default=None, help="the account's address (default: guessed from the mail)")
    args = parser.parse_args(argv)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    secrets_dir = Path(tempfile.mkdtemp(prefix="fake-gmail-"))
    fake = FakeGoogle(args.maildir, user=args.user, port=args.port).start()
    try:
        table = fake.account(secrets_dir / "gmail-token.json")
        print("[account]")
        for key, value in table.items():
            print(f"{key} = {_toml(value)}")
        print()
        sys.stdout.flush()
        while not stop.wait(0.5):
            pass
    finally:
        fake.stop()
        shutil.rmtree(secrets_dir, ignore_errors=True)
        for text in fake.violations:
            print(f"violation: {text}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
