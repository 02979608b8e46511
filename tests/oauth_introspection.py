"""An OAuth 2.0 token introspection endpoint (RFC 7662) on 127.0.0.1, for the test Dovecot's oauth2 passdb.

Dovecot (tests/imap_server.py) checks every XOAUTH2 / OAUTHBEARER login by POSTing `token=<bearer>` here
(`introspection_mode = post`) and lets the user in when the answer says `"active": true` with
`"username"` equal to the login name. Which tokens are active is decided by the test: `grant(token, user)`
for a fixed token, or `accept(user, is_valid)` to ask a fake identity provider (the MSAL or Google fake)
whether a token it issued is still valid, so revoking or expiring tokens there is seen by the IMAP server
too. Everything else is answered `{"active": false}`. `seen` records each token asked about (tests check
that a refused token was really presented to the server).
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.loopback import Serving

PATH = "/introspect"


class IntrospectionServer:
    """`start()`, `url`, `grant()`, `accept()`, `forget()`, `seen`, `stop()`."""

    host = "127.0.0.1"

    def __init__(self) -> None:
        self.port = 0
        self.seen: list[str] = []
        self._tokens: dict[str, str] = {}
        self._checks: dict[str, Callable[[str], bool]] = {}  # username -> is this token valid for them?
        self._lock = threading.Lock()
        self._serving: Serving | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}{PATH}"

    def start(self) -> IntrospectionServer:
        server = ThreadingHTTPServer((self.host, 0), _Handler)
        server.daemon_threads = True
        server.block_on_close = False
        server.owner = self  # type: ignore[attr-defined]
        self._serving = Serving(server, "oauth-introspection")
        self.port = self._serving.port
        self._serving.start()
        return self

    def stop(self) -> None:
        if self._serving is not None:
            self._serving.stop()
            self._serving = None

    # -- what is active ------------------------------------------------------------------------------

    def grant(self, token: str, username: str) -> None:
        """`token` is active for `username` until `forget(username)`."""
        with self._lock:
            self._tokens[token] = username

    def accept(self, username: str, is_valid: Callable[[str], bool]) -> None:
        """Tokens for which `is_valid(token)` is true are active for `username` (a fake IdP's own check)."""
        with self._lock:
            self._checks[username] = is_valid

    def forget(self, username: str) -> None:
        with self._lock:
            self._checks.pop(username, None)
            for token in [t for t, u in self._tokens.items() if u == username]:
                del self._tokens[token]

    def answer(self, token: str) -> dict[str, Any]:
        with self._lock:
            self.seen.append(token)
            user = self._tokens.get(token)
            checks = list(self._checks.items())
        if user is None:
            user = next((name for name, is_valid in checks if token and is_valid(token)), None)
        if user is None:
            return {"active": False}
        return {"active": True, "username": user, "scope": "mail", "token_type": "Bearer"}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        form = {k: v[0] for k, v in urllib.parse.parse_qs(body).items()}
        owner: IntrospectionServer = self.server.owner  # type: ignore[attr-defined]
        if urllib.parse.urlsplit(self.path).path != PATH:
            self._reply(404, {"error": "not_found"})
            return
        self._reply(200, owner.answer(form.get("token", "")))

    def _reply(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tokens must not reach the test log
        return
