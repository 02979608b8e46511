"""A loopback Microsoft Graph + Microsoft identity test server over a Maildir++ tree.

    python -m tests.fakes.graph --maildir DIR --port N      (--port 0 picks a free port)

prints the [account] TOML table that points the Outlook provider at it (client id, authority, graph_url,
a token cache it accepts, the CA file of its TLS certificate), then one empty line, then serves until
SIGTERM. In tests, `GraphFake(root).start()` does the same in-process and exposes the faults:
`fail(status, times, retry_after, match, inner)`, `expire_delta_tokens()`, `identity.refuse()`,
`identity.granted` (the scopes every token carries, e.g. widened with Mail.Send), and what
was asked (`requests`, `violations`, `max_in_flight`).

As strict as Outlook (issue 17; sources in /work/research/provider_behaviour.md §1-2):
- `mailbox_concurrency` (on by default): every request inside a $batch counts against the mailbox's 4
  concurrent requests, as Outlook evaluates batched requests one by one (microsoft-graph-docs PR 20833).
  The requests over 4 are answered inside the 200 batch with 429 ApplicationThrottled "Application is over
  its MailboxConcurrency limit." and Retry-After 1 (the real body, terraform-provider-outlook#21); a plain
  request over 4 gets the same 429. Going over 4 is also recorded as a violation: the provider must not.
- `busy_elsewhere = n` (a fault, 0 by default): another client of the mailbox (Outlook on the desktop, a
  phone) holds n of the 4 slots, so that even a well-behaved provider gets MailboxConcurrency 429s.
- `rewrite_message_ids(on_create, on_send)` (faults, both off): a draft created from MIME, or a draft the user
  sends (its file moved from .Drafts to .Sent), gets an internetMessageId of Exchange's making, which
  [MS-OXCMAIL] allows and no document rules out (docs/research/provider_behaviour.md §10).
- `trim_occurrences` (on by default): calendarView/delta returns occurrences and exceptions of a series
  with only id, type, seriesMasterId, start and end (microsoft-graph-docs#7632, #22197); GET
  me/events/{id} returns the series master or the instance in full.

HTTPS only (MSAL refuses http:// authorities), with a certificate from a throwaway CA in a temp folder;
the provider verifies it through `account.tls_ca_file`. Mail state lives in the tree (graph_store.py);
the endpoints are in graph_api.py, the sign-in side in graph_auth.py.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import sys
import tempfile
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests.fakes.graph_api import GraphApi
from tests.fakes.graph_auth import GRANTED, Identity
from tests.fakes.graph_store import Store
from tests.fakes.graph_tls import make_certificates, server_context
from tests.loopback import Serving

CLIENT_ID = "3f1c6e8a-52b4-4d7e-9a0b-6c2d1e4f5a70"
GRAPH_SCOPES = [s for s in GRANTED.split() if s.startswith("https://")]
MAX_IN_FLIGHT = 4
CONCURRENCY_ERROR = {"error": {"code": "ApplicationThrottled",
                               "message": "Application is over its MailboxConcurrency limit."}}


def _batch_weight(body: bytes) -> int:
    """How many of the mailbox's concurrent requests a $batch takes: one per inner request, or one for a
    batch chained with dependsOn (Outlook runs it sequentially)."""
    try:
        inner = json.loads(body)["requests"]
    except (ValueError, KeyError, TypeError):
        return 1
    if not isinstance(inner, list) or not inner:
        return 1
    if all(entry.get("dependsOn") for entry in inner[1:] if isinstance(entry, dict)) and len(inner) > 1:
        return 1
    return len(inner)


@dataclass
class Fault:
    status: int
    times: int
    retry_after: str | None
    match: str
    inner: bool  # applies to requests inside a $batch rather than to HTTP requests


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # idle keep-alive connections close, so that stopping the server leaves nothing behind
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status: int, headers: dict, body: Any) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        ctype = headers.get("Content-Type") or ("application/json" if not isinstance(body, bytes) else "text/plain")
        self.send_header("Content-Type", ctype)
        for k, v in headers.items():
            if k.lower() != "content-type":
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _any(self) -> None:
        fake = self.server.fake
        body = self._body()
        url = urlsplit(self.path)
        path = unquote(url.path)
        query = {k: v[0] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        if not path.startswith("/v1.0/"):
            form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
            status, answer = fake.identity.handle(self.command, path, form)
            self._send(status, {}, answer)
            return
        fake.note(self.command, self.path)
        weight = _batch_weight(body) if path == "/v1.0/$batch" and self.command == "POST" else 1
        with fake.in_flight(weight) as refused:
            if refused and weight == 1:
                self._send(429, {"Retry-After": "1"}, CONCURRENCY_ERROR)
                return
            token = (self.headers.get("Authorization") or "").removeprefix("Bearer ").strip()
            if not fake.identity.valid(token):
                self._send(401, {"WWW-Authenticate": 'Bearer realm=""'},
                           {"error": {"code": "InvalidAuthenticationToken",
                                      "message": "Access token has expired or is not yet valid."}})
                return
            fault = fake.take_fault(path, inner=False)
            if fault is not None:
                self._send(*fault)
                return
            headers = {k.lower(): v for k, v in self.headers.items()}
            fake.api.local.refuse = refused if weight > 1 else 0
            status, hdrs, answer = fake.api.handle(self.command, path.removeprefix("/v1.0"), query, headers, body)
            self._send(status, hdrs, answer)

    do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = _any


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    fake: GraphFake


class GraphFake:
    """One mailbox (the Maildir++ tree at `root`) behind Graph and the identity endpoints."""

    def __init__(self, root: Path, *, port: int = 0, user: str = "", workdir: Path | None = None):
        self.root = Path(root)
        self.store = Store(self.root, user=user)
        self.store.ensure()
        self._own_workdir = workdir is None
        self.workdir = Path(tempfile.mkdtemp(prefix="graph-fake-")) if workdir is None else Path(workdir)
        self.ca_file, cert, key = make_certificates(self.workdir / "tls")
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.fake = self
        self._server.socket = server_context(cert, key).wrap_socket(
            self._server.socket, server_side=True, do_handshake_on_connect=False)
        self.port = self._server.server_address[1]
        self.origin = f"https://127.0.0.1:{self.port}"
        self.api = GraphApi(self.store, self.origin + "/v1.0")
        self.api.fault_hook = lambda path: self.take_fault(path, inner=True)
        self.identity = Identity(self.origin, CLIENT_ID, user or "jordan.lee@example.net")
        self.requests: list[tuple[str, str]] = []
        self.faults: list[Fault] = []
        self.max_in_flight = 0
        self._in_flight = 0
        self.mailbox_concurrency = True
        self.busy_elsewhere = 0
        self.refused = 0  # inner or plain requests answered 429 MailboxConcurrency
        self._lock = threading.Lock()
        self._serving = Serving(self._server, "graph-fake")
        self.token_cache = self.workdir / "secrets" / "outlook-token-cache.json"

    # -- lifecycle -------------------------------------------------------------------------------------

    def start(self) -> GraphFake:
        self._serving.start()
        return self

    def stop(self) -> None:
        self._serving.stop()
        if self._own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    @property
    def violations(self) -> list[str]:
        return self.api.violations

    def account(self) -> dict[str, Any]:
        """The [account] table; seeds the token cache (a device sign-in against this server) first."""
        if not self.token_cache.exists():
            self.seed_token_cache(self.token_cache)
        return {"provider": "outlook", "client_id": CLIENT_ID, "authority": f"{self.origin}/common",
                "graph_url": f"{self.origin}/v1.0", "token_cache": str(self.token_cache),
                "tls_ca_file": str(self.ca_file)}

    def seed_token_cache(self, path: Path) -> None:
        """Sign in once with MSAL's device flow against this server (approved on the second poll) and
        write the cache at 0600 in a 0700 folder, as `connect outlook` would."""
        import msal
        import requests

        ca_file = str(self.ca_file)

        class Session(requests.Session):  # REQUESTS_CA_BUNDLE must not override this CA file
            def request(self, method, url, *args, **kwargs):  # type: ignore[no-untyped-def]
                kwargs["verify"] = ca_file
                return super().request(method, url, *args, **kwargs)

        session = Session()
        try:
            cache = msal.SerializableTokenCache()
            app = msal.PublicClientApplication(CLIENT_ID, authority=f"{self.origin}/common", token_cache=cache,
                                               http_client=session, instance_discovery=False)
            flow = app.initiate_device_flow(scopes=GRAPH_SCOPES)
            result = app.acquire_token_by_device_flow(flow)
            if "access_token" not in result:
                raise RuntimeError(f"the fake could not sign itself in: {result.get('error')}")
        finally:
            session.close()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(cache.serialize(), encoding="utf-8")

    # -- faults and accounting ---------------------------------------------------------------------------
    def rewrite_message_ids(self, *, on_create: bool = False, on_send: bool = False) -> None:
        """Exchange gives drafts made from MIME (on_create) and/or sent drafts (on_send) its own Message-ID."""
        with self.api.lock:
            self.api.replace_mime_message_id = on_create
            self.store.rewrite_on_send = on_send


    def fail(self, status: int, *, times: int = 1, retry_after: str | None = None, match: str = "",
             inner: bool = False) -> None:
        """The next `times` Graph requests whose path contains `match` answer `status` (with Retry-After
        when given). `inner=True`: requests inside a $batch, answered in the batch response."""
        with self._lock:
            self.faults.append(Fault(status, times, retry_after, match, inner))

    def take_fault(self, path: str, *, inner: bool) -> tuple[int, dict, Any] | None:
        with self._lock:
            for fault in self.faults:
                if fault.inner == inner and fault.times > 0 and fault.match in path:
                    fault.times -= 1
                    headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
                    code = "TooManyRequests" if fault.status == 429 else "ServiceUnavailable"
                    return fault.status, headers, {"error": {"code": code, "message": "Please retry later."}}
        return None

    def expire_delta_tokens(self) -> None:
        """Every delta and skip token stops working (410 syncStateNotFound), as when Exchange drops its
        sync state cache."""
        with self.api.lock:
            self.api.tokens.clear()

    def note(self, method: str, path: str) -> None:
        with self._lock:
            self.requests.append((method, path))

    def in_flight(self, weight: int = 1) -> _InFlight:
        return _InFlight(self, weight)

    @property
    def trim_occurrences(self) -> bool:
        return self.api.trim_occurrences

    @trim_occurrences.setter
    def trim_occurrences(self, value: bool) -> None:
        self.api.trim_occurrences = value

    def graph_requests(self) -> list[tuple[str, str]]:
        with self._lock:
            return list(self.requests)


class _InFlight:
    """Counts the requests in flight (a $batch: `weight`, one per inner request); entering yields how many
    of them Outlook refuses with 429 MailboxConcurrency (0 when the fake is not strict)."""

    def __init__(self, fake: GraphFake, weight: int):
        self.fake = fake
        self.weight = weight

    def __enter__(self) -> int:
        fake = self.fake
        with fake._lock:
            before = fake._in_flight
            fake._in_flight += self.weight
            fake.max_in_flight = max(fake.max_in_flight, fake._in_flight)
            if fake._in_flight > MAX_IN_FLIGHT:
                fake.api.violation(f"{fake._in_flight} requests in flight, batched ones counted one by one "
                                   f"(Outlook allows 4 per mailbox)")
            if not fake.mailbox_concurrency:
                return 0
            free = max(0, MAX_IN_FLIGHT - fake.busy_elsewhere - before)
            refused = max(0, self.weight - free)
            fake.refused += refused
            return refused

    def __exit__(self, *exc: object) -> None:
        with self.fake._lock:
            self.fake._in_flight -= self.weight


def _toml_value(value: Any) -> str:
    return json.dumps(value) if isinstance(value, str) else str(value).lower()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fakes.graph", description=__doc__.splitlines()[0])
    parser.add_argument("--maildir", required=True, type=Path, help="the Maildir++ root to serve")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: a free one)")
    parser.add_argument("--user", default="", help="the account's address (default: guessed from the mail)")
    args = parser.parse_args(argv)
    fake = GraphFake(args.maildir, port=args.port, user=args.user)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    fake.start()
    try:
        table = fake.account()
        print("[account]")
        for key, value in table.items():
            print(f"{key} = {_toml_value(value)}")
        print(flush=True)
        while not stop.wait(1.0):
            pass
    finally:
        fake.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
