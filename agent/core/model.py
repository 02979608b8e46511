"""Plain data the judgment code works on. No I/O here.

Glossary
- Person: an email address (lower-cased addr-spec) and a display name.
- Event: one calendar event (or one instance of a recurring one), as an iCalendar part of a mail
  or a provider's calendar API describes it. `method` is the iTIP method of the mail that carried it
  (REQUEST, PUBLISH, CANCEL, REPLY) or "" for an event read from a calendar API.
- Message: one mail in the user's mailbox (folder "inbox" or "sent"), reduced to what the agent reads:
  headers of interest, the new (unquoted) plain text and the calendar events it carries.
- Interview: a job interview the agent tracks, derived from events or sent mail.
- DraftAction: a draft the planner wants made; the executor composes and writes it.
- DraftRecord: a draft the agent made (or intends to make), as the state store keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Person:
    email: str  # lower-cased addr-spec, "" when unknown
    name: str = ""

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "email": self.email}


@dataclass(frozen=True)
class Attendee:
    person: Person
    partstat: str = "NEEDS-ACTION"  # NEEDS-ACTION | ACCEPTED | DECLINED | TENTATIVE | DELEGATED
    cutype: str = "INDIVIDUAL"  # INDIVIDUAL | GROUP | RESOURCE | ROOM | UNKNOWN
    role: str = "REQ-PARTICIPANT"  # CHAIR | REQ-PARTICIPANT | OPT-PARTICIPANT | NON-PARTICIPANT


@dataclass(frozen=True)
class Event:
    uid: str
    start: datetime  # timezone-aware (floating and all-day times are placed in the user's zone)
    end: datetime  # timezone-aware
    recurrence_id: str = ""  # ISO instant of RECURRENCE-ID for one instance of a series, else ""
    sequence: int = 0
    dtstamp: datetime | None = None
    method: str = "REQUEST"  # REQUEST | PUBLISH | CANCEL | REPLY | "" (calendar API)
    status: str = "CONFIRMED"  # CONFIRMED | TENTATIVE | CANCELLED
    summary: str = ""
    description: str = ""  # plain text
    location: str = ""
    all_day: bool = False
    organizer: Person | None = None
    attendees: tuple[Attendee, ...] = ()
    conference_url: str = ""
    prodid: str = ""  # PRODID of the VCALENDAR ("-//Google Inc//Google Calendar 70.9054//EN")
    recurring: bool = False  # part of a series (RRULE/RDATE or recurringEventId)
    source: str = ""  # "mail <message-id>" or "calendar <provider id>"

    @property
    def key(self) -> tuple[str, str]:
        return (self.uid, self.recurrence_id)


@dataclass(frozen=True)
class Message:
    key: str  # the provider's stable handle for this message
    folder: str  # "inbox" | "sent"
    message_id: str  # "<...>" with angle brackets; synthesized from `key` when the mail has none
    date: datetime  # timezone-aware: the Date header, else when the provider received it
    sender: Person | None = None  # From
    to: tuple[Person, ...] = ()
    cc: tuple[Person, ...] = ()
    reply_to: tuple[Person, ...] = ()
    subject: str = ""
    in_reply_to: str = ""  # "<...>" or ""
    references: tuple[str, ...] = ()  # "<...>" each, oldest first
    text: str = ""  # the message's own plain text: HTML converted, quoted earlier mail removed
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names of interest only
    events: tuple[Event, ...] = ()  # iCalendar events the mail carries
    thread_id: str = ""  # provider thread id (Gmail threadId, Graph conversationId), else ""

    @property
    def recipients(self) -> tuple[Person, ...]:
        return self.to + self.cc


@dataclass(frozen=True)
class DecisionStatement:
    """A sentence that says when the company will decide, and the day it resolves to."""

    day: date
    sentence: str  # the sentence as written (whitespace folded), for `show`
    source: str  # "mail <message-id>" | "description" | "set-decision" | "default"
    stated_at: datetime  # when it was said (message date); orders later-replaces-earlier (B13)


@dataclass(frozen=True)
class Interview:
    id: str  # stable across runs and reschedules (B7)
    origin: str  # "event <uid>[ <recurrence-id>]" | "sent <message-id>"
    start: datetime
    end: datetime
    company: str = ""
    company_domains: tuple[str, ...] = ()
    role: str = ""
    contact: Person | None = None
    interviewers: tuple[Person, ...] = ()
    title: str = ""  # event summary or the scheduling mail's subject
    description: str = ""  # event description (decision dates may be stated there)
    thread_message_ids: tuple[str, ...] = ()  # Message-IDs of the scheduling mail(s)
    reasons: tuple[str, ...] = ()  # why this was judged an interview, for `show`
    # B10, what the invitation and its mail say about the interview (`interview_topics`), "" when nothing:
    topics: str = ""  # "system design and data modelling"
    activities: str = ""  # "talking through a system I built and doing a short design exercise"
    interview_format: str = ""  # "phone screen" | "panel interview" | "final-round interview" | ...
    person_titles: tuple[tuple[str, str], ...] = ()  # (email, title or team as written) per interviewer
    location: str = ""  # where it takes place, as the invitation says (B24: the briefing names it)
    conference_url: str = ""  # the join link of a video call, "" when none


@dataclass(frozen=True)
class DraftAction:
    """A draft the planner wants made. `key` is unique per intended draft: the same key is never
    drafted twice (B20)."""

    key: str  # e.g. "iv-3f2a:thank_you:ana@acme.com", "iv-3f2a:follow_up:1", "iv-3f2a:acknowledgement:<mid>"
    interview_id: str
    kind: str  # thank_you | follow_up | acknowledgement
    to: Person
    reply_to: Message | None = None  # the message this draft answers (threading), if any
    reason: str = ""  # one line for `show` and --dry-run


@dataclass
class DraftRecord:
    key: str
    interview_id: str
    kind: str
    to: tuple[str, ...]
    message_id: str
    created_at: datetime | None  # None while only the intent is recorded
    state: str = "draft"  # intent | draft | sent | deleted | edited
    provider_ref: str = ""  # the provider's id of the draft (file name, UID, draft id)
    subject: str = ""
    reason: str = ""  # why it was drafted, for `show`
