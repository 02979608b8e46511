"""The generator's vocabulary: people, attendees, events, the finished mail, and seeded identifiers."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.utils import formataddr


@dataclass(frozen=True)
class P:
    """A person: display name (may be empty) and address."""

    name: str
    email: str

    @classmethod
    def parse(cls, text: str) -> P:
        """`"Ana Ruiz <ana@acme.example>"` or a bare `"ana@acme.example"` as a person."""
        if "<" not in text:
            return cls("", text.strip())
        address = Address(addr_spec=text.rpartition("<")[2].rstrip("> "))
        return cls(text.rpartition("<")[0].strip().strip('"'), address.addr_spec)

    def header(self) -> str:
        """The person as a From/To header value: `Name <address>`, or the bare address without a name."""
        return formataddr((self.name, self.email)) if self.name else self.email

    @property
    def first(self) -> str:
        return self.name.split()[0] if self.name else ""


@dataclass(frozen=True)
class Att:
    """An ATTENDEE line: the person, their answer, their role and kind (INDIVIDUAL, ROOM, RESOURCE, GROUP)."""

    who: P
    partstat: str = "NEEDS-ACTION"
    role: str = "REQ-PARTICIPANT"
    cutype: str = "INDIVIDUAL"
    rsvp: bool = True


@dataclass(frozen=True)
class Ev:
    """One VEVENT as an invitation describes it. `conference` is a Meet/Teams/Zoom link the system writes
    into its own property (X-GOOGLE-CONFERENCE, X-MICROSOFT-SKYPETEAMSMEETINGURL)."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    organizer: P
    attendees: tuple[Att, ...]
    description: str = ""
    location: str = ""
    sequence: int = 0
    status: str = "CONFIRMED"
    conference: str = ""


@dataclass(frozen=True)
class Mail:
    """A finished message: its bytes, Message-ID, Subject and Date (the instant a scenario delivers it)."""

    raw: bytes
    message_id: str
    subject: str
    date: datetime | None = None


def h(seed: str, n: int = 16) -> str:
    """`n` lowercase hex digits derived from `seed`: ids and boundaries that are the same on every build."""
    return hashlib.sha256(seed.encode()).hexdigest()[:n]


def hu(seed: str, n: int = 16) -> str:
    """`h` in upper case (Exchange writes its ids so)."""
    return h(seed, n).upper()
