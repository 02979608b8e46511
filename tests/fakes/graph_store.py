"""The mailbox behind the Graph test server: a Maildir++ tree read as Exchange would present it.

- Folders: the root is `inbox`, `.Sent` is `sentitems`, `.Drafts` is `drafts`.
- Ids: a message's immutable id derives from its Maildir unique name, so it survives a move between
  folders (a draft the user sends keeps its id in Sent Items), and a restarted server gives the same ids.
- Changes: every refresh compares the tree with what was seen (new files, moves, flag changes, files
  gone) and numbers each change; delta tokens are such numbers, so rounds report exactly what changed.
- Calendar: the invitations in inbox and Sent, parsed with agent.core.mime.parse_message and folded with
  agent.core.calendar_fold.fold (REQUEST/CANCEL/REPLY, the user's own reply included), are the events.
- conversationId: the root of the References chain (else the Message-ID), hashed.
"""

from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import os
import re
import secrets
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
from agent.core.model import Event
from tests.fakes import message_ids

FOLDER_DIRS = {"inbox": "", "sentitems": ".Sent", "drafts": ".Drafts"}
FOLDER_IDS = {name: "AQMkAD" + base64.urlsafe_b64encode(name.encode()).decode().rstrip("=") + "AAAA=="
              for name in FOLDER_DIRS}
_MSGID = re.compile(r"<[^<>\s]+>")


def immutable_id(seed: str, prefix: str = "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A") -> str:
    digest = hashlib.sha256(seed.encode()).digest()[:24]
    return prefix + base64.urlsafe_b64encode(digest).decode().rstrip("=") + "AAA="


def unique_of(name: str) -> str:
    return name.partition(":")[0]


def flags_of(name: str) -> str:
    return name.partition(":2,")[2]


@dataclass
class Item:
    id: str
    unique: str
    folder: str
    path: Path
    mtime_ns: int
    size: int
    flags: str
    seq: int  # change number of the last change
    folder_seq: int  # change number when it entered its folder
    headers: Any = None  # compat32 header-only parse
    _full: Any = None
    events: tuple | None = None  # the invitations it carries, parsed once

    @property
    def received(self) -> datetime:
        return datetime.fromtimestamp(self.mtime_ns / 1e9, UTC).replace(microsecond=0)

    def full(self) -> email.message.EmailMessage:
        if self._full is None:
            self._full = email.message_from_bytes(self.path.read_bytes(), policy=email.policy.default)
        return self._full

    def header(self, name: str) -> str:
        value = self.headers.get(name) if self.headers is not None else None
        return " ".join(str(value).split()) if value is not None else ""


@dataclass
class Store:
    root: Path
    user: str = ""  # the account's address; guessed from the mail when empty
    rewrite_on_send: bool = False  # a fault (GraphFake.rewrite_message_ids): a sent draft gets Exchange's Message-ID
    items: dict[str, Item] = field(default_factory=dict)  # unique -> item
    gone: list[tuple[int, str, str]] = field(default_factory=list)  # (seq, folder, id) removed from folder
    seq: int = 0
    events: dict[str, tuple[dict, int]] = field(default_factory=dict)  # event id -> (json, seq)
    events_gone: list[tuple[int, str]] = field(default_factory=list)
    _dir_mtimes: dict[str, int] = field(default_factory=dict)
    _events_at: int = -1
    _index: dict[str, str] = field(default_factory=dict)
    _index_at: int = -1

    # -- the tree ------------------------------------------------------------------------------------

    def folder_path(self, folder: str) -> Path:
        return self.root / FOLDER_DIRS[folder] if FOLDER_DIRS[folder] else self.root

    def ensure(self) -> None:
        for folder in FOLDER_DIRS:
            for sub in ("cur", "new", "tmp"):
                (self.folder_path(folder) / sub).mkdir(parents=True, exist_ok=True)

    def refresh(self) -> None:
        """Bring the change log in step with the tree (cheap when no directory changed)."""
        stamps = {}
        for folder in FOLDER_DIRS:
            for sub in ("cur", "new"):
                d = self.folder_path(folder) / sub
                try:
                    stamps[str(d)] = d.stat().st_mtime_ns
                except FileNotFoundError:
                    stamps[str(d)] = -1
        recent = time.time_ns() - max(stamps.values(), default=0) < 2_000_000_000
        if stamps == self._dir_mtimes and not recent:
            return
        self._dir_mtimes = stamps
        seen: dict[str, tuple[str, Path, os.stat_result, str]] = {}
        for folder in FOLDER_DIRS:
            for sub in ("new", "cur"):
                d = self.folder_path(folder) / sub
                try:
                    entries = list(os.scandir(d))
                except FileNotFoundError:
                    continue
                for entry in entries:
                    if entry.name.startswith(".") or not entry.is_file():
                        continue
                    try:
                        st = entry.stat()
                    except FileNotFoundError:
                        continue
                    seen[unique_of(entry.name)] = (folder, Path(entry.path), st, flags_of(entry.name))
        for unique, item in list(self.items.items()):
            if unique not in seen:
                self.seq += 1
                self.gone.append((self.seq, item.folder, item.id))
                del self.items[unique]
        for unique, (folder, path, st, flags) in sorted(seen.items(), key=lambda kv: kv[1][2].st_mtime_ns):
            item = self.items.get(unique)
            if item is None:
                self.seq += 1
                self.items[unique] = Item(id=immutable_id(unique), unique=unique, folder=folder, path=path,
                                          mtime_ns=st.st_mtime_ns, size=st.st_size, flags=flags, seq=self.seq,
                                          folder_seq=self.seq, headers=self._headers(path))
                continue
            changed = False
            if item.folder != folder:  # moved: removed from the old folder, created in the new one
                if self.rewrite_on_send and item.folder == "drafts" and folder == "sentitems":
                    message_ids.rewrite_file(path, message_ids.exchange_made())
                    st = path.stat()
                self.seq += 1
                changed = True
                self.gone.append((self.seq, item.folder, item.id))
                item.folder, item.folder_seq = folder, self.seq
            if (item.path, item.mtime_ns, item.size, item.flags) != (path, st.st_mtime_ns, st.st_size, flags):
                if not changed:
                    self.seq += 1
                    changed = True
                item.path, item.mtime_ns, item.size, item.flags = path, st.st_mtime_ns, st.st_size, flags
                item.headers, item._full, item.events = self._headers(path), None, None
            if changed:
                item.seq = self.seq

    @staticmethod
    def _headers(path: Path) -> Any:
        head = b""
        try:
            with open(path, "rb") as handle:
                while len(head) < 262144:
                    chunk = handle.read(8192)
                    if not chunk:
                        break
                    head += chunk
                    if b"\n\n" in head or b"\r\n\r\n" in head:
                        break
        except OSError:
            return None
        try:
            return BytesHeaderParser(policy=compat32).parsebytes(head)
        except Exception:
            return None

    def by_id(self, graph_id: str) -> Item | None:
        if self._index_at != self.seq or len(self._index) != len(self.items):
            self._index = {item.id: unique for unique, item in self.items.items()}
            self._index_at = self.seq
        unique = self._index.get(graph_id)
        return self.items.get(unique) if unique else None

    def in_folder(self, folder: str) -> list[Item]:
        return sorted((i for i in self.items.values() if i.folder == folder), key=lambda i: (i.mtime_ns, i.unique))

    # -- derived fields --------------------------------------------------------------------------------

    def conversation_id(self, item: Item) -> str:
        refs = _MSGID.findall(item.header("References")) or _MSGID.findall(item.header("In-Reply-To"))
        root = refs[0] if refs else (item.header("Message-ID") or item.unique)
        return "AAQkAD" + base64.urlsafe_b64encode(hashlib.sha256(root.encode()).digest()[:18]).decode()

    def me(self) -> str:
        if self.user:
            return self.user
        counts: Counter[str] = Counter()
        for item in self.items.values():
            if item.folder == "sentitems":
                for _n, addr in email.utils.getaddresses([item.header("From")]):
                    counts[addr.lower()] += 3
            elif item.folder == "inbox":
                for _n, addr in email.utils.getaddresses([item.header("To")]):
                    counts[addr.lower()] += 1
        found = [a for a, _c in counts.most_common() if "@" in a]
        return found[0] if found else "jordan.lee@example.net"

    # -- the calendar ----------------------------------------------------------------------------------

    def calendar(self) -> dict[str, tuple[dict, int]]:
        """Event id -> (Graph JSON, change number), recomputed when the mail changed."""
        if self._events_at == self.seq:
            return self.events
        self._events_at = self.seq
        stream: list[Event] = []
        for item in sorted(self.items.values(), key=lambda i: (i.mtime_ns, i.unique)):
            if item.folder == "drafts":
                continue
            ctype = item.header("Content-Type").lower()
            if "multipart" not in ctype and "calendar" not in ctype:
                continue
            if item.events is None:
                try:
                    item.events = mime.parse_message(item.path.read_bytes(), key=item.unique, folder="inbox",
                                                     tz=ZoneInfo("UTC"), received=item.received).events
                except Exception:
                    item.events = ()
            stream.extend(item.events)
        me = self.me()
        current = calendar_fold.fold(stream, frozenset({me}))
        fresh: dict[str, dict] = {}
        for key, event in current.items():
            event_id = immutable_id("|".join(key), prefix="AAMkAGI2TG93AAA")
            fresh[event_id] = event_json(event_id, event, me)
        for event_id, body in fresh.items():
            old = self.events.get(event_id)
            if old is None or old[0] != body:
                self.seq += 1
                self.events[event_id] = (body, self.seq)
        for event_id in [e for e in self.events if e not in fresh]:
            self.seq += 1
            self.events_gone.append((self.seq, event_id))
            del self.events[event_id]
        self._events_at = self.seq
        return self.events


RESPONSE = {"ACCEPTED": "accepted", "DECLINED": "declined", "TENTATIVE": "tentativelyAccepted",
            "NEEDS-ACTION": "none", "DELEGATED": "none"}


def graph_time(moment: datetime) -> dict:
    return {"dateTime": moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": "UTC"}


def event_json(event_id: str, event: Event, me: str) -> dict:
    """One folded event in the shape of Graph's event resource (see me-calendar-events-*.json)."""
    organizer = event.organizer
    is_organizer = bool(organizer and organizer.email == me)
    attendees, own = [], "none"
    for att in event.attendees:
        kind = ("resource" if att.cutype in ("ROOM", "RESOURCE")
                else "optional" if att.role == "OPT-PARTICIPANT" else "required")
        response = RESPONSE.get(att.partstat, "none")
        if att.person.email == me:
            own = response
        attendees.append({"type": kind, "status": {"response": response, "time": "0001-01-01T00:00:00Z"},
                          "emailAddress": {"name": att.person.name or att.person.email,
                                           "address": att.person.email}})
    stamp = (event.dtstamp or datetime(2000, 1, 1, tzinfo=UTC)).astimezone(UTC)
    change = base64.b64encode(hashlib.sha256(repr(event).encode()).digest()[:16]).decode()
    body: dict[str, Any] = {
        "@odata.etag": f'W/"{change}"', "id": event_id,
        "createdDateTime": stamp.strftime("%Y-%m-%dT%H:%M:%S.0000000Z"),
        "lastModifiedDateTime": stamp.strftime("%Y-%m-%dT%H:%M:%S.0000000Z"),
        "changeKey": change, "categories": [], "transactionId": None,
        "originalStartTimeZone": "UTC", "originalEndTimeZone": "UTC", "iCalUId": event.uid,
        "reminderMinutesBeforeStart": 15, "isReminderOn": True, "hasAttachments": False,
        "subject": event.summary, "bodyPreview": event.description[:255], "importance": "normal",
        "sensitivity": "normal", "isAllDay": event.all_day, "isCancelled": event.status == "CANCELLED",
        "isOrganizer": is_organizer, "responseRequested": True,
        "seriesMasterId": immutable_id(event.uid, prefix="AAMkAGI2TG93AAA") if event.recurrence_id else None,
        "showAs": "busy", "type": "occurrence" if event.recurrence_id else "singleInstance",
        "webLink": f"https://outlook.office365.com/owa/?itemid={event_id}&exvsurl=1&path=/calendar/item",
        "onlineMeetingUrl": None, "isOnlineMeeting": bool(event.conference_url),
        "onlineMeetingProvider": "teamsForBusiness" if event.conference_url else "unknown",
        "allowNewTimeProposals": True, "isDraft": False, "hideAttendees": False, "recurrence": None,
        "responseStatus": {"response": "organizer" if is_organizer else own, "time": "0001-01-01T00:00:00Z"},
        "body": {"contentType": "text", "content": event.description},
        "start": graph_time(event.start), "end": graph_time(event.end),
        "location": {"displayName": event.location, "locationType": "default"},
        "locations": [{"displayName": event.location, "locationType": "default"}] if event.location else [],
        "attendees": attendees,
        "organizer": {"emailAddress": {"name": organizer.name or organizer.email, "address": organizer.email}}
        if organizer else None,
        "onlineMeeting": {"joinUrl": event.conference_url} if event.conference_url else None,
    }
    if event.recurrence_id:
        rid = event.recurrence_id
        body["originalStart"] = rid if "T" in rid else rid + "T00:00:00Z"
    return body


def new_unique(host: str = "graph.fake") -> str:
    now = time.time_ns()
    return f"{now // 1_000_000_000}.M{now // 1000 % 1_000_000}P{os.getpid()}R{secrets.token_hex(6)}.{host}"
