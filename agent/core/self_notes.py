"""B26: decision dates the user gives from any mail client, in a mail to themselves. Pure.

A note to self is a mail from the user to the user's own address(es) alone: a note ("Acme Robotics: by next
Friday") or a briefing sent back with the answer written after an interview's line. Such mail is never the
user writing to anyone (B11, B15) and never company mail: `split` takes it out of what the rest of the
judgment reads, once (Gmail and Graph also show a mail to oneself in the inbox).

Each line of a note that names a date is read like `set-decision` (the phrase resolved against the note's
date); the interview is the one whose company the line names, else, in a briefing sent back, the one whose
line it follows. A line naming several interviews, or none, changes nothing and is reported. In a briefing
sent back only what the user added is read (`briefing.is_agent_line`).

Choices where the rules are silent:
- A company is named by its name as the agent knows it, that name without a legal form ("Inc."), or its
  first word when that word has four letters or more ("Acme: by Friday").
- Among several interviews at the named company, the ones held on the note's day are meant, else the ones
  held before it; two or more left is "several".
- A line whose date is before the note's day is not placed (a date past when it was written is no decision
  date); a line with no date is not a statement and is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from agent.core import briefing
from agent.core.company_names import without_legal_form
from agent.core.model import DecisionStatement, Interview, Message
from agent.core.settings import Identity
from agent.core.text import without_accents
from agent.core.threads import bare_subject

_QUOTE = re.compile(r"^(?:\s*>)+\s?")
_MAX_SENTENCE = 200


@dataclass(frozen=True)
class Unplaced:
    """A line of a note that gave a date but could not be tied to exactly one interview."""

    message_id: str
    at: datetime
    line: str
    why: str


@dataclass
class Reading:
    statements: dict[str, DecisionStatement] = field(default_factory=dict)  # interview id -> the latest
    unplaced: list[Unplaced] = field(default_factory=list)


def is_to_self(m: Message, identity: Identity) -> bool:
    """From the user, to the user's own address(es) alone."""
    return (m.sender is not None and identity.is_me(m.sender.email) and bool(m.recipients)
            and all(identity.is_me(p.email) for p in m.recipients))


def split(messages: Iterable[Message], identity: Identity) -> tuple[list[Message], list[Message]]:
    """(the mail the judgment reads, the notes to self): each note once, its Sent copy preferred to the
    inbox copy Gmail and Graph also show."""
    rest: list[Message] = []
    notes: dict[str, Message] = {}
    for m in messages:
        if not is_to_self(m, identity):
            rest.append(m)
        elif m.message_id not in notes or m.folder == "sent":
            notes[m.message_id] = m
    return rest, sorted(notes.values(), key=lambda m: (m.date, m.message_id))


def read(notes: Sequence[Message], interviews: Sequence[Interview], identity: Identity) -> Reading:
    """Every decision date the notes give (the latest per interview, B13) and the lines left unplaced."""
    reading = Reading()
    tz = identity.tz
    for note in notes:
        context: list[Interview] = _subject_context(note, interviews, tz)
        lines = note.text.splitlines()
        if not briefing.is_agent_subject(bare_subject(note.subject)):
            lines = [note.subject, *lines]  # a note written in the subject line alone
        for raw in lines:
            line = _QUOTE.sub("", raw).strip()
            if not line:
                continue
            if briefing.is_agent_line(line):
                context = _interview_line(line, interviews, tz) if line.startswith(briefing.BULLET) \
                    else context if not line.startswith(briefing.HEADINGS) else []
                line = briefing.answer_written(line)
                if not line:
                    continue
            _read_line(line, note, context, interviews, tz, reading)
    return reading


def _read_line(line: str, note: Message, context: list[Interview], interviews: Sequence[Interview], tz: ZoneInfo,
               reading: Reading) -> None:
    from agent.core import dates

    named = [iv for iv in interviews if _names(line, iv.company)]
    rest = line
    for iv in named:
        for form in _forms(iv.company):
            rest = re.sub(_pattern(form), " ", without_accents(rest), flags=re.IGNORECASE)
    rest = rest.strip(" \t:;,.-–—")  # "Acme Robotics: Dec 4" -> "Dec 4" (dateparser reads no leading colon)
    try:
        day = dates.user_day(rest, now=note.date, tz=tz)
    except ValueError:
        day = None
    if day is None:
        return
    sentence = " ".join(line.split())[:_MAX_SENTENCE]

    def unplaced(why: str) -> None:
        reading.unplaced.append(Unplaced(note.message_id, note.date, sentence, why))

    candidates = _narrow(named or context, note.date, tz)
    if not candidates:
        unplaced("it names no interview you have")
        return
    if len(candidates) > 1:
        unplaced("it matches " + ", ".join(sorted({f"{iv.company or iv.title} "
                                                   f"({iv.start.astimezone(tz):%b %d})" for iv in candidates})))
        return
    if day < note.date.astimezone(tz).date():
        unplaced(f"{day.isoformat()} was already past when you wrote it")
        return
    iv = candidates[0]
    statement = DecisionStatement(day, sentence, f"note {note.message_id}", note.date)
    held = reading.statements.get(iv.id)
    if held is None or (statement.stated_at, statement.day) >= (held.stated_at, held.day):
        reading.statements[iv.id] = statement


def _narrow(found: Sequence[Interview], at: datetime, tz: ZoneInfo) -> list[Interview]:
    day = at.astimezone(tz).date()
    unique = list({iv.id: iv for iv in found}.values())
    return ([iv for iv in unique if iv.start.astimezone(tz).date() == day]
            or [iv for iv in unique if iv.start <= at] or unique)


def _forms(company: str) -> list[str]:
    name = " ".join(company.split())
    if not name:
        return []
    bare = without_legal_form(name)
    forms = [name, bare]
    first = bare.split()[0] if bare.split() else ""
    if len(re.sub(r"\W", "", first)) >= 4:
        forms.append(first)
    return [without_accents(f) for f in dict.fromkeys(forms) if f]


def _pattern(form: str) -> str:
    return r"(?<!\w)" + r"\s+".join(map(re.escape, form.split())) + r"(?!\w)"


def _names(line: str, company: str) -> bool:
    folded = without_accents(line)
    return any(re.search(_pattern(form), folded, re.IGNORECASE) for form in _forms(company))


def _interview_line(line: str, interviews: Sequence[Interview], tz: ZoneInfo) -> list[Interview]:
    """The interview a briefing's interview line ("• 2:00 pm to 3:00 pm: Acme Robotics, ...") is about; []
    for the briefing's other bullet lines."""
    return [iv for iv in interviews if _names(line, iv.company)
            and line.startswith(f"{briefing.BULLET} {briefing.clock(iv.start.astimezone(tz))} to ")]


def _subject_context(note: Message, interviews: Sequence[Interview], tz: ZoneInfo) -> list[Interview]:
    """A reply to (or forward of) a briefing, its lines quoted away: the interviews its subject names."""
    subject = bare_subject(note.subject)
    if not subject.startswith(briefing.TODAY):
        return []
    return [iv for iv in interviews if _names(subject, iv.company)
            and f"{briefing.clock(iv.start.astimezone(tz))}" in subject]

