"""The state behind the fake Gmail: a Maildir++ tree seen as a Gmail account.

Glossary
- folder: a Maildir++ folder relative to the root ("" is the inbox, ".Sent", ".Drafts", ".Archive").
  Folders map to labels: "" -> INBOX, .Sent -> SENT, .Drafts -> DRAFT, .Trash -> TRASH, .Spam/.Junk -> SPAM,
  any other folder -> a user label ("Label_1" named after it). No `S` flag -> UNREAD (outside Sent and
  Drafts), `F` -> STARRED.
- unique: a Maildir file name up to ":2,". It survives moves between folders, so a file that leaves
  .Drafts for .Sent is the same Gmail message whose DRAFT label became SENT (the user sent the draft).
- rescan: before every request the tree is compared with what the store knows; the differences become
  history records (messagesAdded, messagesDeleted, labelsAdded, labelsRemoved), as Gmail would log what
  another client did. A draft file replaced by another with the same Message-ID (a mail client saving an
  edit) keeps its draft id and gets a new message id, as a draft edited in the Gmail web UI does.
- calendar: the invitations in the mail (REQUEST/CANCEL/REPLY, the user's own replies in Sent included)
  are folded with the agent's own `agent.core.calendar_fold.fold` into Google Calendar event resources; each
  change bumps a version that sync tokens count in.
"""

from __future__ import annotations

import base64
import email
import email.policy
import email.utils
import hashlib
import os
import re
import secrets
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from agent.core import calendar_fold, mime
from agent.core.errors import MalformedInput
from agent.core.model import Event
from tests.fakes import message_ids

SYSTEM_FOLDERS = {"": "INBOX", ".Sent": "SENT", ".Sent Items": "SENT", ".Sent Messages": "SENT",
                  ".Drafts": "DRAFT", ".Trash": "TRASH", ".Spam": "SPAM", ".Junk": "SPAM"}
HIDDEN = {"DRAFT", "TRASH", "SPAM"}
_INFO = re.compile(r"[:!]2,")
_RE_PREFIX = re.compile(r"^\s*((re|aw|sv|fwd?|antw)(\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_MSGID = re.compile(r"<[^<>\s]+>")
RECENT_NS = 2_000_000_000


def unique_of(name: str) -> str:
    m = _INFO.search(name)
    return name[: m.start()] if m else name


def flags_of(name: str) -> str:
    m = _INFO.search(name)
    return name[m.end():] if m else ""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def norm_subject(subject: str) -> str:
    return " ".join(_RE_PREFIX.sub("", subject or "").split()).lower()


@dataclass
class Msg:
    id: str
    thread_id: str
    unique: str
    folder: str
    name: str
    path: Path
    internal_ms: int
    size: int
    mtime_ns: int
    message_id: str
    headers: list[tuple[str, str]]
    labels: set[str] = field(default_factory=set)
    history_id: int = 0
    has_calendar: bool = False

    def stub(self) -> dict[str, Any]:
        return {"id": self.id, "threadId": self.thread_id}

    def with_labels(self) -> dict[str, Any]:
        return {**self.stub(), "labelIds": sorted(self.labels)}

    def header(self, name: str) -> str:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return ""

    def raw(self) -> bytes:
        return self.path.read_bytes()


class NotFound(LookupError):
    pass


class MailStore:
    """A Maildir++ tree as one Gmail account plus its primary Google Calendar. Thread-safe via `lock`."""

    def __init__(self, root: Path, *, user: str | None = None):
        self.root = Path(root)
        self.lock = threading.RLock()
        self.user = user.lower() if user else None
        # faults (FakeGoogle.rewrite_message_ids): Gmail gives a draft a Message-ID of its own making when it
        # is created ("create") or when the user sends it ("send"); both off, the client's is kept
        self.rewrite_message_id: set[str] = set()
        self.messages: dict[str, Msg] = {}
        self.by_unique: dict[str, str] = {}
        self.thread_of_mid: dict[str, str] = {}
        self.msg_of_mid: dict[str, str] = {}  # Message-ID -> the latest message id carrying it
        self.drafts: dict[str, str] = {}  # draft id -> message id
        self.labels: dict[str, str] = {}  # folder -> user label id
        self.history: list[dict[str, Any]] = []
        self.history_id = 4000
        self.history_floor = 0  # startHistoryId below this -> 404 (history expired)
        self._next_id = 0x19A0000000000000
        self._next_draft = 7_000_000_000_000_000_000
        self._dirs: dict[str, tuple[int, dict[str, tuple[str, str]]]] = {}
        self._combined: dict[str, tuple[str, str]] | None = None
        self.calendar = CalendarStore(self)
        self._calendar_dirty = True
        self._address: str | None = None
        self._last_listing: dict[str, tuple[str, str]] = {}
        self._draft_uniques: list[str] = []
        for folder in ("", ".Sent", ".Drafts"):
            for sub in ("cur", "new", "tmp"):
                (self.root / folder / sub).mkdir(parents=True, exist_ok=True)
        self.rescan()

    # -- the account ---------------------------------------------------------------------------------

    def address(self) -> str:
        """The account's address: the one given, else the sender of most mail in Sent, else the most
        frequent recipient of received mail."""
        if self.user:
            return self.user
        if self._address is None:
            self._address = self._guess_address()
        return self._address

    def _guess_address(self) -> str:
        sent = Counter(self._addr(m.header("From")) for m in self.messages.values() if "SENT" in m.labels)
        sent.pop("", None)
        if sent:
            return sent.most_common(1)[0][0]
        rcpt: Counter[str] = Counter()
        for m in self.messages.values():
            if "INBOX" in m.labels:
                for _, a in email.utils.getaddresses([m.header("To"), m.header("Cc")]):
                    if a:
                        rcpt[a.lower()] += 1
        return rcpt.most_common(1)[0][0] if rcpt else "user@example.test"

    def my_addresses(self) -> frozenset[str]:
        mine = {self.address()}
        mine |= {self._addr(m.header("From")) for m in self.messages.values() if "SENT" in m.labels}
        return frozenset(a for a in mine if a)

    @staticmethod
    def _addr(value: str) -> str:
        return email.utils.parseaddr(value)[1].lower()

    # -- scanning the tree ---------------------------------------------------------------------------

    def folders(self) -> list[str]:
        found = [""]
        for entry in sorted(os.scandir(self.root), key=lambda e: e.name):
            if entry.name.startswith(".") and entry.is_dir() and (Path(entry.path) / "cur").is_dir():
                found.append(entry.name)
        return found

    def _listing(self) -> dict[str, tuple[str, str]]:
        """unique -> (folder, file name) for every message file in the tree. A directory whose mtime is
        unchanged (and not recent) is not listed again; when none changed, the last result is returned."""
        parts: list[dict[str, tuple[str, str]]] = []
        changed = False
        now = time.time_ns()
        seen: set[str] = set()
        for folder in self.folders():
            for sub in ("new", "cur"):
                directory = self.root / folder / sub
                rel = f"{folder}/{sub}"
                try:
                    mtime = directory.stat().st_mtime_ns
                except FileNotFoundError:
                    continue
                seen.add(rel)
                cached = self._dirs.get(rel)
                if cached is None or cached[0] != mtime or now - mtime <= RECENT_NS or folder == ".Drafts":
                    names = [e.name for e in os.scandir(directory) if not e.name.startswith(".") and e.is_file()]
                    entries = {unique_of(n): (folder, f"{sub}/{n}") for n in names}
                    if cached is None or cached[1] != entries:
                        changed = True
                    cached = (mtime, entries)
                    self._dirs[rel] = cached
                parts.append(cached[1])
        if set(self._dirs) - seen:
            changed = True
            for rel in set(self._dirs) - seen:
                del self._dirs[rel]
        if not changed and self._combined is not None:
            return self._combined
        out: dict[str, tuple[str, str]] = {}
        for part in parts:
            out.update(part)
        self._combined = out
        return out

    def rescan(self) -> None:
        with self.lock:
            listing = self._listing()
            if listing is self._last_listing:
                self._check_drafts_in_place()
                return
            self._last_listing = listing
            self._draft_uniques = [u for u, (folder, _n) in listing.items() if folder == ".Drafts"]
            self._address = None
            gone = [u for u in self.by_unique if u not in listing]
            fresh = [u for u in listing if u not in self.by_unique]
            fresh_msgs: list[tuple[int, str, str, str, os.stat_result]] = []
            for u in fresh:
                folder, name = listing[u]
                try:
                    st = (self.root / folder / name).stat()
                except FileNotFoundError:
                    continue
                fresh_msgs.append((st.st_mtime_ns, u, folder, name, st))
            fresh_msgs.sort()
            # Drafts changed in place (same file, new bytes) are a client's edit.
            edited_in_place: list[str] = []
            for u in list(self.by_unique):
                if u not in listing:
                    continue
                msg = self.messages[self.by_unique[u]]
                folder, name = listing[u]
                if folder != msg.folder or name != msg.name:
                    self._moved(msg, folder, name)
                elif folder == ".Drafts":
                    try:
                        st = msg.path.stat()
                    except FileNotFoundError:
                        continue
                    if st.st_size != msg.size or st.st_mtime_ns != msg.mtime_ns:
                        edited_in_place.append(u)
            vanished_drafts: dict[str, str] = {}  # Message-ID -> draft id of drafts whose file went away
            for u in gone + edited_in_place:
                msg = self.messages[self.by_unique[u]]
                draft = self._draft_of(msg.id)
                if draft is not None:
                    vanished_drafts[msg.message_id] = draft
                    del self.drafts[draft]
                self._forget(msg)
            for u in edited_in_place:
                folder, name = listing[u]
                st = (self.root / folder / name).stat()
                fresh_msgs.append((st.st_mtime_ns, u, folder, name, st))
            for _mtime, u, folder, name, st in fresh_msgs:
                msg = self._load(u, folder, name, st)
                if msg is None:
                    continue
                if folder == ".Drafts":
                    draft = vanished_drafts.pop(msg.message_id, None) or self._new_draft_id()
                    self.drafts[draft] = msg.id

    def _check_drafts_in_place(self) -> None:
        for u in self._draft_uniques:
            msg = self.messages.get(self.by_unique.get(u, ""))
            if msg is None:
                continue
            try:
                st = msg.path.stat()
            except FileNotFoundError:
                continue
            if st.st_size != msg.size or st.st_mtime_ns != msg.mtime_ns:
                self._last_listing = {}
                self._combined = None
                self.rescan()
                return

    def _load(self, unique: str, folder: str, name: str, st: os.stat_result,
              thread_hint: str | None = None) -> Msg | None:
        path = self.root / folder / name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        head = raw.split(b"\r\n\r\n", 1)[0] if b"\r\n\r\n" in raw[:65536] else raw.split(b"\n\n", 1)[0]
        parsed = BytesHeaderParser(policy=compat32).parsebytes(head + b"\n\n")
        headers = []
        for key, value in parsed.items():
            text = str(value).encode("ascii", "surrogateescape").decode("utf-8", "replace")
            headers.append((key, re.sub(r"\r?\n[ \t]+", " ", text).strip()))
        mid_match = _MSGID.search(parsed.get("Message-ID", "") or "")
        msg_id = self._new_message_id()
        lower = raw.lower()
        msg = Msg(id=msg_id, thread_id="", unique=unique, folder=folder, name=name, path=path,
                  internal_ms=st.st_mtime_ns // 1_000_000, size=len(raw), mtime_ns=st.st_mtime_ns,
                  message_id=mid_match.group(0) if mid_match else "", headers=headers,
                  labels=self._labels_for(folder, name),
                  has_calendar=b"text/calendar" in lower or b"application/ics" in lower or b"begin:vcalendar" in lower)
        msg.thread_id = self._thread_for(msg, thread_hint)
        self.messages[msg.id] = msg
        self.by_unique[unique] = msg.id
        if msg.message_id:
            self.thread_of_mid.setdefault(msg.message_id, msg.thread_id)
            self.msg_of_mid[msg.message_id] = msg.id
        self._record(msg, "messagesAdded")
        if msg.has_calendar:
            self._calendar_dirty = True
        return msg

    def _thread_for(self, msg: Msg, hint: str | None) -> str:
        refs = _MSGID.findall(msg.header("References")) + _MSGID.findall(msg.header("In-Reply-To"))
        for ref in reversed(refs):
            thread = self.thread_of_mid.get(ref)
            if thread is None or (hint is not None and thread != hint):
                continue
            parent = self.messages.get(self.msg_of_mid.get(ref, ""))
            # Gmail threads a message with its parent only when the subjects agree.
            if parent is None or norm_subject(parent.header("Subject")) == norm_subject(msg.header("Subject")):
                return thread
        return msg.id

    def _labels_for(self, folder: str, name: str) -> set[str]:
        flags = flags_of(name)
        system = SYSTEM_FOLDERS.get(folder)
        if system is None:
            system = self.labels.setdefault(folder, f"Label_{len(self.labels) + 1}")
        labels = {system}
        if "S" not in flags and system not in ("SENT", "DRAFT"):
            labels.add("UNREAD")
        if "F" in flags:
            labels.add("STARRED")
        return labels

    def _moved(self, msg: Msg, folder: str, name: str) -> None:
        before = set(msg.labels)
        was_draft = msg.folder == ".Drafts"
        msg.folder, msg.name, msg.path = folder, name, self.root / folder / name
        msg.labels = self._labels_for(folder, name)
        if was_draft and folder != ".Drafts":
            draft = self._draft_of(msg.id)
            if draft is not None:
                del self.drafts[draft]  # sent (moved to Sent) or trashed: no longer a draft
            if folder == ".Sent" and "send" in self.rewrite_message_id:
                self._give_message_id(msg, message_ids.gmail_made())
        added, removed = msg.labels - before, before - msg.labels
        if removed:
            self._record(msg, "labelsRemoved", sorted(removed))
        if added:
            self._record(msg, "labelsAdded", sorted(added))
        if msg.has_calendar:
            self._calendar_dirty = True

    def _give_message_id(self, msg: Msg, new: str) -> None:
        """The file rewritten with Message-ID `new`, and what the store knows of it with it."""
        data = message_ids.rewrite_file(msg.path, new)
        st = msg.path.stat()
        msg.size, msg.mtime_ns = len(data), st.st_mtime_ns
        msg.headers = [(k, new if k.lower() == "message-id" else v) for k, v in msg.headers]
        msg.message_id = new
        self.msg_of_mid[new] = msg.id

    def _forget(self, msg: Msg) -> None:
        self._record(msg, "messagesDeleted")
        del self.messages[msg.id]
        del self.by_unique[msg.unique]
        if msg.has_calendar:
            self._calendar_dirty = True

    def _record(self, msg: Msg, kind: str, label_ids: list[str] | None = None) -> None:
        self.history_id += 1 + secrets.randbelow(3)  # ids grow with gaps, as Gmail's do
        entry: dict[str, Any] = {"message": msg.with_labels()}
        if label_ids is not None:
            entry["labelIds"] = label_ids
        self.history.append({"id": str(self.history_id), "messages": [msg.stub()], kind: [entry]})
        msg.history_id = self.history_id

    def _draft_of(self, message_id: str) -> str | None:
        return next((d for d, m in self.drafts.items() if m == message_id), None)

    def _new_message_id(self) -> str:
        self._next_id += 1 + secrets.randbelow(4096)
        return f"{self._next_id:016x}"

    def _new_draft_id(self) -> str:
        self._next_draft += 1 + secrets.randbelow(1_000_000)
        return f"r{self._next_draft}"

    # -- drafts written through the API --------------------------------------------------------------

    def create_draft(self, raw: bytes, thread_id: str | None) -> tuple[str, Msg]:
        with self.lock:
            self.rescan()
            if thread_id is not None and not any(m.thread_id == thread_id for m in self.messages.values()):
                raise NotFound(f"thread {thread_id} not found")
            drafts = self.root / ".Drafts"
            now_ns = time.time_ns()
            unique = (f"{now_ns // 1_000_000_000}.M{now_ns // 1000 % 1_000_000}P{os.getpid()}"
                      f"R{secrets.token_hex(6)}.gmail")
            name = f"cur/{unique}:2,DS"
            tmp = drafts / "tmp" / unique
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, raw)
            finally:
                os.close(fd)
            os.rename(tmp, drafts / name)
            if "create" in self.rewrite_message_id:
                message_ids.rewrite_file(drafts / name, message_ids.gmail_made())
            msg = self._load(unique, ".Drafts", name, (drafts / name).stat(), thread_hint=thread_id)
            assert msg is not None
            draft = self._new_draft_id()
            self.drafts[draft] = msg.id
            self._listing()  # remember the directory as it is now, so the write is not seen as a change
            return draft, msg

    def delete_draft(self, draft_id: str) -> None:
        """drafts.delete: the draft's file leaves the tree, as the test servers keep the Maildir in step, and
        the next rescan records it gone (messagesDeleted). NotFound when there is no such draft."""
        with self.lock:
            self.rescan()
            msg_id = self.drafts.get(draft_id)
            if msg_id is None:
                raise NotFound("Requested entity was not found.")
            self.messages[msg_id].path.unlink(missing_ok=True)
            self.rescan()

    # -- queries -------------------------------------------------------------------------------------

    def visible(self, include_spam_trash: bool) -> list[Msg]:
        out = [m for m in self.messages.values() if include_spam_trash or not m.labels & {"SPAM", "TRASH"}]
        return sorted(out, key=lambda m: (-m.internal_ms, m.id))

    def by_message_id(self, msg_id: str) -> Msg:
        msg = self.messages.get(msg_id)
        if msg is None:
            raise NotFound(f"message {msg_id} not found")
        return msg

    def calendar_events(self) -> dict[str, dict[str, Any]]:
        with self.lock:
            if self._calendar_dirty:
                self._calendar_dirty = False
                self.calendar.recompute()
            return self.calendar.events


class CalendarStore:
    """The primary calendar, derived from the invitations in the mailbox."""

    def __init__(self, store: MailStore):
        self.store = store
        self.version = 100
        self.floor = 0  # sync tokens below this version -> 410 Gone
        self.events: dict[str, dict[str, Any]] = {}  # event id -> resource (with "_version")
        self.extra: dict[str, dict[str, dict[str, Any]]] = {}  # other calendar ids -> their events

    def recompute(self) -> None:
        stream: list[Event] = []
        carriers = [m for m in self.store.messages.values()
                    if m.has_calendar and not m.labels & {"DRAFT", "TRASH", "SPAM"}]
        for m in sorted(carriers, key=lambda m: (m.internal_ms, m.unique)):
            try:
                parsed = mime.parse_message(m.raw(), key=m.id, folder="sent" if "SENT" in m.labels else "inbox",
                                            tz=ZoneInfo("UTC"))
            except (MalformedInput, FileNotFoundError):
                continue
            stream.extend(parsed.events)
        me = self.store.address()
        current = calendar_fold.fold(stream, self.store.my_addresses())
        for event in current.values():
            resource = event_resource(event, me)
            old = self.events.get(resource["id"])
            if old is not None and {k: v for k, v in old.items() if k != "_version"} == resource:
                continue
            self.version += 1
            resource["etag"] = f'"{3_400_000_000_000_000 + self.version}"'
            self.events[resource["id"]] = {**resource, "_version": self.version}


def event_id(uid: str, recurrence_id: str) -> str:
    digest = base64.b32hexencode(hashlib.sha1(uid.encode("utf-8")).digest()).decode("ascii").lower()
    base = digest[:26]
    if not recurrence_id:
        return base
    return base + "_" + re.sub(r"[^0-9TZ]", "", recurrence_id.replace("+00:00", "Z"))


def event_resource(event: Event, me: str) -> dict[str, Any]:
    eid = event_id(event.uid, event.recurrence_id)
    stamp = rfc3339(event.dtstamp) if event.dtstamp else rfc3339(event.start)

    def when(moment: datetime) -> dict[str, str]:
        if event.all_day:
            return {"date": moment.date().isoformat()}
        return {"dateTime": moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "timeZone": "UTC"}

    resource: dict[str, Any] = {
        "kind": "calendar#event", "etag": "", "id": eid,
        "status": {"CANCELLED": "cancelled", "TENTATIVE": "tentative"}.get(event.status, "confirmed"),
        "htmlLink": f"https://www.google.com/calendar/event?eid={eid}",
        "created": stamp, "updated": stamp,
    }
    if event.recurrence_id:
        resource["recurringEventId"] = eid.split("_", 1)[0]
        rid = event.recurrence_id
        resource["originalStartTime"] = ({"date": rid} if len(rid) == 10 else
                                         {"dateTime": datetime.fromisoformat(rid).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                          "timeZone": "UTC"})
    if event.status == "CANCELLED":
        return resource  # Google guarantees no more than this for a deleted event
    if event.summary:
        resource["summary"] = event.summary
    if event.description:
        resource["description"] = event.description
    if event.location:
        resource["location"] = event.location
    if event.organizer is not None:
        org = {"email": event.organizer.email}
        if event.organizer.name:
            org["displayName"] = event.organizer.name
        if event.organizer.email == me:
            org["self"] = True
        resource["organizer"] = org
        resource["creator"] = dict(org)
    resource["start"] = when(event.start)
    resource["end"] = when(event.end)
    resource["iCalUID"] = event.uid
    resource["sequence"] = event.sequence
    attendees = []
    for att in event.attendees:
        item: dict[str, Any] = {"email": att.person.email}
        if att.person.name:
            item["displayName"] = att.person.name
        if event.organizer is not None and att.person.email == event.organizer.email:
            item["organizer"] = True
        if att.person.email == me:
            item["self"] = True
        if att.cutype in ("ROOM", "RESOURCE"):
            item["resource"] = True
        if att.role == "OPT-PARTICIPANT":
            item["optional"] = True
        item["responseStatus"] = {"ACCEPTED": "accepted", "DECLINED": "declined",
                                  "TENTATIVE": "tentative"}.get(att.partstat, "needsAction")
        attendees.append(item)
    if attendees:
        resource["attendees"] = attendees
    if event.conference_url:
        meet = "meet.google.com" in event.conference_url
        resource["conferenceData"] = {
            "entryPoints": [{"entryPointType": "video", "uri": event.conference_url,
                             "label": event.conference_url.split("://", 1)[-1]}],
            "conferenceSolution": {"key": {"type": "hangoutsMeet" if meet else "addOn"},
                                   "name": "Google Meet" if meet else "Video call"},
            "conferenceId": hashlib.sha1(event.conference_url.encode()).hexdigest()[:10]}
        if meet:
            resource["hangoutLink"] = event.conference_url
    resource["reminders"] = {"useDefault": True}
    resource["eventType"] = "default"
    return resource
