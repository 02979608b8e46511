"""What the agent asked of each test server, and a fault layer in front of them.

- `ImapProxy`: a loopback TCP proxy in front of the test Dovecot. It records every IMAP command the
  client sends (literals elided, LOGIN arguments redacted) and, at `fault_rate`, makes a connection
  faulty: refused at once, cut just before a command reaches the server (the command is lost), or cut
  after the server executed a command but before its answer reached the client (the answer is lost).
  Threads are bounded (`max_connections`) and `stop()` closes every socket and joins every thread.
- `ImapBox`: a test mailbox whose `account()` points the provider at the proxy; all else is the mailbox's.
- `GraphRecorder` / `GmailRecorder`: the requests the Graph and Gmail fakes served (inside $batch
  included), and faults at a rate: 429 (Retry-After 0), 500, 503, and a connection dropped without an
  answer (what a client sees on a timeout).
- `forbidden_*`: the requests among those that send, reply, forward, move, copy, delete or change a
  message the agent did not make (B19). Each list is an allow-list: a new kind of request fails the test
  until someone looks at it.
- own drafts: each layer takes `own`, a callable giving the Message-IDs the agent derived (its draft
  records). Deleting a draft is allowed only when, at the moment the delete reaches the server, the message
  is in Drafts, marked as a draft and carries one of them (two installations' twin drafts, agent/twins.py);
  any other delete is forbidden, as is every delete when `own` is not given.
"""

from __future__ import annotations

import random
import re
import socket
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

# -- IMAP ---------------------------------------------------------------------------------------------------
_LITERAL = re.compile(rb"\{(\d+)\+?\}$")
Own = Callable[[], set[str]]  # the Message-IDs the agent derived, "<...>"


def _norm(mid: object) -> str:
    text = "".join(str(mid or "").split())
    return text if text.startswith("<") else f"<{text.strip('<>')}>"


class _Lines:
    """Splits an IMAP byte stream into protocol lines, skipping literal contents. `feed(chunk)` returns
    (end offset in chunk, line text) for each line that ends in the chunk, a literal's placeholder in it."""

    def __init__(self) -> None:
        self.pending = b""  # the unfinished line so far
        self.literal = 0  # literal bytes still to skip
        self.parts: list[bytes] = []

    def feed(self, chunk: bytes) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        i = 0
        while i < len(chunk):
            if self.literal:
                take = min(self.literal, len(chunk) - i)
                self.literal -= take
                i += take
                continue
            j = chunk.find(b"\r\n", i)
            if j < 0:
                self.pending += chunk[i:]
                if len(self.pending) > 1_000_000:  # a runaway line: keep memory bounded
                    self.pending = self.pending[-1000:]
                break
            line = self.pending + chunk[i:j]
            self.pending = b""
            i = j + 2
            m = _LITERAL.search(line)
            if m:
                self.parts.append(line)
                self.literal = int(m.group(1))
                continue
            self.parts.append(line)
            text = b" ".join(self.parts).decode("latin-1")
            self.parts = []
            out.append((i, text))
        return out


_TAGGED = re.compile(r"^(\S+) (\S+)(?: (.*))?$", re.DOTALL)


def _redact(text: str) -> str:
    m = _TAGGED.match(text)
    if m and m.group(2).upper() in ("LOGIN", "AUTHENTICATE"):
        return f"{m.group(1)} {m.group(2)} [redacted]"
    return text[:300]


class ImapProxy:
    def __init__(self, target: tuple[str, int], *, fault_rate: float = 0.0, seed: int = 0,
                 max_connections: int = 32, lose_answer_to: str = "", strip_draft: bool = False,
                 own_drafts: Callable[[str, list[int]], bool] | None = None):
        self.target = target
        # own_drafts(folder, uids): every uid there is the agent's own draft (see the module docstring).
        self.own_drafts = own_drafts
        self.allowed: set[int] = set()  # indexes in `commands` of deletes checked to touch own drafts alone
        # As Gmail over IMAP (jakartaee/mail-api#345): the \Draft flag of an APPEND is dropped on the way in,
        # so drafts sit in Drafts without it.
        self.strip_draft = strip_draft
        self.lose_answer_to = lose_answer_to.upper()  # the first command with this verb: answer lost
        self.fault_rate = fault_rate
        self.rng = random.Random(seed)
        self.max_connections = max_connections
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.host, self.port = "127.0.0.1", self.listener.getsockname()[1]
        self.commands: list[str] = []
        self.faults: Counter[str] = Counter()
        self.connections = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []
        self._accepter: threading.Thread | None = None

    def start(self) -> ImapProxy:
        self._accepter = threading.Thread(target=self._accept, name="imap-proxy", daemon=True)
        self._accepter.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._accepter is not None:
            self._accepter.join(timeout=5)
        self.listener.close()
        with self._lock:
            sockets, threads = list(self._sockets), list(self._threads)
        for s in sockets:
            _close(s)
        for t in threads:
            t.join(timeout=5)
        assert not any(t.is_alive() for t in threads), "the IMAP proxy left a thread running"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _addr = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                live = sum(t.is_alive() for t in self._threads)
                self._threads = [t for t in self._threads if t.is_alive()]
                self.connections += 1
                plan = self._plan()
            if live >= 2 * self.max_connections or plan[0] == "refuse":
                if plan[0] == "refuse":
                    self.faults["connection refused"] += 1
                _close(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=10)
            except OSError:
                _close(client)
                continue
            client.settimeout(None)
            upstream.settimeout(None)
            conn = _Conn(self, client, upstream, plan)
            with self._lock:
                self._sockets += [client, upstream]
                for fn, name in ((conn.client_to_server, "c2s"), (conn.server_to_client, "s2c")):
                    t = threading.Thread(target=fn, name=f"imap-proxy-{name}", daemon=True)
                    self._threads.append(t)
                    t.start()

    def _plan(self) -> tuple[str, int]:
        """("pass", 0) | ("refuse", 0) | ("cut-before", n) | ("cut-after", n): n counts the client's commands
        on this connection from 1, so LOGIN, EXAMINE, FETCH and APPEND are all hit in turn."""
        if self.rng.random() >= self.fault_rate:
            return "pass", 0
        kind = self.rng.choice(("refuse", "cut-before", "cut-after"))
        return kind, self.rng.randint(1, 24)

    def forbidden(self, drafts_folder: str = "Drafts") -> list[str]:
        with self._lock:
            return forbidden_imap(list(self.commands), drafts_folder, self.allowed)

    def record(self, text: str) -> int:
        with self._lock:
            self.commands.append(_redact(text))
            return len(self.commands) - 1

    def allow(self, index: int) -> None:
        with self._lock:
            self.allowed.add(index)


class _Conn:
    def __init__(self, proxy: ImapProxy, client: socket.socket, upstream: socket.socket, plan: tuple[str, int]):
        self.proxy = proxy
        self.client = client
        self.upstream = upstream
        self.mode, self.at = plan
        self.count = 0
        self.drop_tag: str | None = None
        self.cut = threading.Event()
        self.folder = ""  # selected on this connection
        self.own_uids: set[int] = set()  # flagged \Deleted here after the check that they are own drafts

    def check_delete(self, index: int, text: str) -> None:
        """A UID STORE +FLAGS \\Deleted or UID EXPUNGE on this connection: allowed (recorded as such) only
        when every uid is the agent's own draft in Drafts, checked before the server executes it."""
        m = _TAGGED.match(text)
        if not m:
            return
        verb, rest = m.group(2).upper(), (m.group(3) or "")
        if verb in ("SELECT", "EXAMINE"):
            self.folder = rest.strip().strip('"')
            return
        words = rest.split()
        if verb != "UID" or len(words) < 2 or self.proxy.own_drafts is None:
            return
        uids = _uid_set(words[1])
        if not uids:
            return
        sub = words[0].upper()
        if sub == "STORE" and words[2:3] and words[2].upper().startswith("+FLAGS") and "\\DELETED" in rest.upper():
            if self.proxy.own_drafts(self.folder, uids):
                self.own_uids |= set(uids)
                self.proxy.allow(index)
        elif sub == "EXPUNGE" and set(uids) <= self.own_uids:
            self.proxy.allow(index)

    def _cut(self, what: str) -> None:
        if not self.cut.is_set():
            self.cut.set()
            with self.proxy._lock:
                self.proxy.faults[what] += 1
        _close(self.client)
        _close(self.upstream)

    def client_to_server(self) -> None:
        lines = _Lines()
        try:
            while not self.cut.is_set():
                chunk = self.client.recv(65536)
                if not chunk:
                    break
                send_upto = len(chunk)
                for end, text in lines.feed(chunk):
                    self.check_delete(self.proxy.record(text), text)
                    self.count += 1
                    if self.count == self.at and self.mode == "cut-before":
                        self.upstream.sendall(chunk[:end - 2])  # the command without its CRLF: never executed
                        self._cut("command lost before the server")
                        return
                    if self.count == self.at and self.mode == "cut-after":
                        self.drop_tag = text.split(" ", 1)[0]
                    verb = text.split(" ", 2)[1].upper() if text.count(" ") >= 1 else ""
                    if self.proxy.lose_answer_to and verb == self.proxy.lose_answer_to:
                        with self.proxy._lock:
                            self.proxy.lose_answer_to = ""
                        self.drop_tag = text.split(" ", 1)[0]
                out = chunk[:send_upto]
                if self.proxy.strip_draft:
                    out = out.replace(b" (\\Draft \\Seen) ", b" (\\Seen) ").replace(b" (\\Draft) ", b" () ")
                self.upstream.sendall(out)
        except OSError:
            pass
        finally:
            _shutdown(self.upstream)

    def server_to_client(self) -> None:
        lines = _Lines()
        try:
            while not self.cut.is_set():
                chunk = self.upstream.recv(65536)
                if not chunk:
                    break
                start = 0
                for end, text in lines.feed(chunk):
                    if self.drop_tag and text.startswith(self.drop_tag + " "):
                        line_start = max(start, end - len(text) - 2) if "{" not in text else start
                        self.client.sendall(chunk[:line_start])
                        self._cut("answer lost after the server executed the command")
                        return
                    start = end
                self.client.sendall(chunk)
        except OSError:
            pass
        finally:
            _shutdown(self.client)


def _uid_set(text: str) -> list[int]:
    """The uids of an IMAP sequence set such as "5,7:9" (empty for "*" or anything unparsable)."""
    out: list[int] = []
    for part in text.split(","):
        low, _, high = part.partition(":")
        if not low.isdigit() or (high and not high.isdigit()):
            return []
        out += range(int(low), int(high or low) + 1)
    return out


def _shutdown(s: socket.socket) -> None:
    try:
        s.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def _close(s: socket.socket) -> None:
    try:
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    s.close()


class ImapBox:
    """`mailbox` with its provider pointed at `proxy` (the test's own reads and writes go straight to
    Dovecot, as the user's mail client would)."""

    def __init__(self, mailbox: Any, proxy: ImapProxy):
        self._mailbox = mailbox
        self.proxy = proxy

    def account(self) -> dict[str, Any]:
        return {**self._mailbox.account(), "host": self.proxy.host, "port": self.proxy.port}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._mailbox, name)


IMAP_ALLOWED = {"CAPABILITY", "LOGIN", "AUTHENTICATE", "ID", "ENABLE", "NAMESPACE", "LIST", "LSUB", "XLIST",
                "STATUS", "EXAMINE", "SEARCH", "FETCH", "UID", "NOOP", "LOGOUT", "APPEND", "CLOSE", "UNSELECT",
                "STARTTLS", "IDLE", "DONE", "COMPRESS", "CHECK"}
IMAP_UID_ALLOWED = {"SEARCH", "FETCH"}


def forbidden_imap(commands: list[str], drafts_folder: str = "Drafts", allowed: set[int] | None = None) -> list[str]:
    """IMAP commands that could send, move, flag, expunge or delete mail, or touch a folder but Drafts; the
    commands at `allowed` indexes (deletes of own drafts, checked when they were sent) excepted. SELECT (the
    read-write open a delete needs) is allowed for Drafts alone."""
    bad = []
    for index, text in enumerate(commands):
        if allowed and index in allowed:
            continue
        m = _TAGGED.match(text)
        if not m:
            continue
        tag, verb, rest = m.group(1), m.group(2).upper(), (m.group(3) or "")
        if tag in ("+", "*") or verb == "[REDACTED]":
            continue
        if verb == "SELECT":
            if rest.strip().strip('"') != drafts_folder:
                bad.append(text)
        elif verb not in IMAP_ALLOWED or (verb == "UID" and rest.split(" ", 1)[0].upper() not in IMAP_UID_ALLOWED):
            bad.append(text)
        elif verb == "APPEND":
            folder = rest.split(" ", 1)[0].strip('"')
            if folder != drafts_folder or "\\Draft" not in rest:
                bad.append(text)
        elif verb in ("FETCH", "UID") and re.search(r"\b(BODY\[|RFC822(?![.](SIZE|HEADER)))", rest.upper()):
            bad.append(text)  # a FETCH that is not a PEEK would set \Seen
    return bad


# -- Graph --------------------------------------------------------------------------------------------------
GRAPH_FORBIDDEN_ACTIONS = {"send", "sendmail", "reply", "replyall", "forward", "createforward", "move", "copy",
                           "permanentdelete", "createreplyall"}


class GraphRecorder:
    """Every request the GraphFake handled ((method, path), $batch items included), the scopes asked of its
    identity endpoint, and faults at `rate`."""

    def __init__(self, fake: Any, *, rate: float = 0.0, seed: int = 0, own: Own | None = None):
        self.fake = fake
        self.requests: list[tuple[str, str]] = []
        self.own_deletes: set[int] = set()  # indexes in `requests` of DELETEs of own drafts (checked before)
        self.scopes: list[str] = []
        self.rate = rate
        self.rng = random.Random(seed)
        self.faults: Counter[str] = Counter()
        self._lock = threading.Lock()
        handle = fake.api.handle
        self._local = threading.local()

        def recording(method: str, path: str, *args: Any, **kwargs: Any):
            mine = method.upper() == "DELETE" and own is not None and self._own_draft(path, own())
            with self._lock:
                self.requests.append((method.upper(), path))
                if mine:
                    self.own_deletes.add(len(self.requests) - 1)
            depth = getattr(self._local, "depth", 0)
            self._local.depth = depth + 1
            try:
                answer = handle(method, path, *args, **kwargs)
            finally:
                self._local.depth = depth
            if depth == 0 and getattr(self._local, "lose_answer", False):
                self._local.lose_answer = False
                raise _DropConnection()  # done on the server, the answer lost on the way back
            return answer

        fake.api.handle = recording
        ident = fake.identity.handle

        def identity(method: str, path: str, form: dict[str, str]):
            if form.get("scope"):
                with self._lock:
                    self.scopes.append(form["scope"])
            return ident(method, path, form)

        fake.identity.handle = identity
        take = fake.take_fault
        self.lose_once: list[str] = []  # path fragments whose next answer is lost after the request was done

        def take_fault(path: str, *, inner: bool):
            with self._lock:
                hit = next((m for m in self.lose_once if not inner and m in path), None)
                if hit is not None:
                    self.lose_once.remove(hit)
                    self.faults["answer lost after the request"] += 1
            if hit is not None:
                self._local.lose_answer = True
                return None
            planned = take(path, inner=inner)
            if planned is not None or self.rate <= 0:
                return planned
            with self._lock:
                if self.rng.random() >= self.rate:
                    return None
                status = self.rng.choice((429, 500, 503) if inner else (429, 500, 503, 0, -1))
                self.faults[{0: "connection dropped before the request", -1: "answer lost after the request"}
                            .get(status, f"HTTP {status}")] += 1
            if status == 0:
                raise _DropConnection()
            if status == -1:
                self._local.lose_answer = True
                return None
            headers = {"Retry-After": "0"} if status in (429, 503) else {}
            code = {429: "TooManyRequests", 500: "InternalServerError", 503: "ServiceUnavailable"}[status]
            return status, headers, {"error": {"code": code, "message": "injected by the reliability tests"}}

        fake.take_fault = take_fault
        fake._server.handle_error = lambda request, address: None  # a dropped connection is not an error here

    def _own_draft(self, path: str, own: set[str]) -> bool:
        """The item a DELETE names is in Drafts, a draft, and carries an own Message-ID; or it is gone (the other
        installation deleted that twin first: the DELETE touches nothing)."""
        from urllib.parse import unquote

        clean = path.split("?", 1)[0].rstrip("/")
        if not re.search(r"(^|/)me/messages/[^/]+$", clean):
            return False
        store = self.fake.store
        with self.fake.api.lock:
            store.refresh()
            item = store.by_id(unquote(clean.rsplit("/", 1)[-1]))
            return item is None or (item.folder == "drafts" and "D" in item.flags
                                    and _norm(item.header("Message-ID")) in own)

    def forbidden(self) -> list[str]:
        bad = []
        for index, (method, path) in enumerate(self.requests):
            if index in getattr(self, "own_deletes", ()):
                continue
            clean = path.split("?", 1)[0].rstrip("/")
            last = clean.rsplit("/", 1)[-1].lower()
            allowed_post = clean.endswith("$batch") or clean.endswith("me/messages") or last == "createreply"
            if (method == "DELETE" or last in GRAPH_FORBIDDEN_ACTIONS or (method == "POST" and not allowed_post)
                    or method not in ("GET", "POST", "PATCH")):
                bad.append(f"{method} {path}")
        return bad + [f"violation: {v}" for v in self.fake.violations]


class _DropConnection(Exception):
    """Raised inside the fake's handler: the connection closes without an answer (socketserver closes it)."""


# -- Gmail --------------------------------------------------------------------------------------------------
GMAIL_ALLOWED = {"gmail.users.getProfile", "gmail.users.messages.list", "gmail.users.messages.get",
                 "gmail.users.history.list", "gmail.users.drafts.create", "gmail.users.drafts.list",
                 "gmail.users.drafts.get", "gmail.users.labels.list", "gmail.users.labels.get",
                 "gmail.users.threads.get", "gmail.users.threads.list", "calendar.events.list",
                 "calendar.events.get", "calendar.calendarList.list", "calendar.calendarList.get", "batch"}


class GmailRecorder:
    """The Gmail fake logs every call itself (`requests`, batch items included); this adds faults at `rate`."""

    def __init__(self, fake: Any, *, rate: float = 0.0, seed: int = 0, own: Own | None = None):
        self.fake = fake
        self.rate = rate
        self.rng = random.Random(seed)
        self.faults: Counter[str] = Counter()
        self.requests = fake.requests
        self._lock = threading.Lock()
        self.own_draft_ids: set[str] = set()  # draft ids checked, before drafts.delete ran, to be own drafts
        delete = fake.api.handlers["gmail.users.drafts.delete"]

        def checked_delete(req: Any) -> Any:
            store = fake.store
            message = store.messages.get(store.drafts.get(req.path_params.get("id", ""), ""))
            # Gone (the other installation deleted that twin first): the delete touches nothing.
            if own is not None and (message is None or _norm(message.message_id) in own()):
                with self._lock:
                    self.own_draft_ids.add(req.path_params["id"])
            return delete(req)

        fake.api.handlers["gmail.users.drafts.delete"] = checked_delete
        planned = fake._fault

        def fault(target: str):
            hit = planned(target)
            if hit is not None or self.rate <= 0 or target == "token":
                return hit
            from tests.fakes.gmail import Fault

            with self._lock:
                if self.rng.random() >= self.rate:
                    return None
                status = self.rng.choice((429, 500, 503))
                self.faults[f"HTTP {status}"] += 1
            return Fault(target, status, 0, retry_after=0)

        fake._fault = fault

    def forbidden(self) -> list[str]:
        bad = []
        for r in list(self.fake.requests):
            method_id = r.method_id or "?"
            if method_id == "gmail.users.drafts.delete" and r.path.rstrip("/").rsplit("/", 1)[-1] in self.own_draft_ids:
                continue  # the agent's own draft (its twin), checked before it was deleted
            if r.path.rstrip("/").endswith(("/send", "/trash", "/untrash", "/modify", "/batchModify", "/batchDelete",
                                             "/import")) or r.method == "DELETE":
                bad.append(f"{r.method} {r.path}")
            elif method_id not in GMAIL_ALLOWED and r.status < 400:
                bad.append(f"{r.method} {r.path} ({method_id})")
        return bad + [f"violation: {v}" for v in self.fake.violations]


# -- one call for every provider ------------------------------------------------------------------------------
class NoLayer:
    """Maildir has no server: the harness's snapshot of the inbox and Sent after every run is its check."""

    requests: ClassVar[list[tuple[str, str]]] = []
    faults: ClassVar[Counter[str]] = Counter()

    def forbidden(self) -> list[str]:
        return []


class MaildirLayer(NoLayer):
    """Maildir has no server to record: the drafts in Drafts are listed (file name -> Message-ID) when it is
    made and at each `mark()`; a file gone from Drafts since then whose Message-ID is not one of `own()` is
    a forbidden delete (the harness's snapshot checks the inbox and Sent)."""

    def __init__(self, mailbox: Any, own: Own):
        self.drafts_dir = Path(mailbox.root) / ".Drafts"
        self.own = own
        self.gone: list[str] = []
        self.listed = self._list()

    def _list(self) -> dict[str, str]:
        from email.parser import BytesHeaderParser

        out = {}
        for sub in ("cur", "new"):
            for path in sorted((self.drafts_dir / sub).glob("*")):
                try:
                    head = BytesHeaderParser().parsebytes(path.read_bytes())
                except FileNotFoundError:
                    continue
                out[path.name.partition(":")[0]] = _norm(head.get("Message-ID"))
        return out

    def mark(self) -> None:
        now = self._list()
        own = self.own()
        self.gone += [f"unlink of draft {name} ({mid})" for name, mid in self.listed.items()
                      if name not in now and mid not in own]
        self.listed = now

    def forbidden(self) -> list[str]:
        self.mark()
        return list(self.gone)


def attach(kind: str, mailbox: Any, *, rate: float = 0.0, seed: int = 0, own: Own | None = None
           ) -> tuple[Any, Any, Any]:
    """(the mailbox the provider is pointed at, the recording/fault layer, stop()) for a test mailbox. With
    `own` (the agent's derived Message-IDs), deleting a draft carrying one of them is allowed (twins, B20);
    without it, every delete is forbidden."""
    if kind == "imap":
        def own_drafts(folder: str, uids: list[int]) -> bool:
            if own is None or folder != "Drafts":
                return False
            ids = own()
            listed = {uid: (raw, flags) for uid, raw, flags in mailbox._messages("Drafts")}
            # A uid no longer there (the other installation deleted that twin first) is a no-op.
            return all(uid not in listed or ("\\Draft" in listed[uid][1].split()
                                             and _norm(mailbox._parse(listed[uid][0])["Message-ID"]) in ids)
                       for uid in uids)

        proxy = ImapProxy((mailbox.server.host, mailbox.server.port), fault_rate=rate, seed=seed,
                          own_drafts=own_drafts).start()
        return ImapBox(mailbox, proxy), proxy, proxy.stop
    if kind == "graph":
        return mailbox, GraphRecorder(mailbox.fake, rate=rate, seed=seed, own=own), lambda: None
    if kind == "gmail":
        return mailbox, GmailRecorder(mailbox.fake, rate=rate, seed=seed, own=own), lambda: None
    return mailbox, (MaildirLayer(mailbox, own) if own is not None else NoLayer()), lambda: None


def seen(layer: Any) -> int:
    """How many requests (IMAP commands) the layer saw."""
    return len(getattr(layer, "commands", None) or getattr(layer, "requests", None) or [])
