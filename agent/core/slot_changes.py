"""How interview slots are cancelled and moved, by calendar and by mail (B2, B7).

- A cancelled slot wins over every other trace of it (issue 13 class 1). A calendar cancellation
  (METHOD:CANCEL or STATUS:CANCELLED) suppresses the user's own confirmation mail of that slot; a human
  mail from the company that cancels an interview ("we need to cancel tomorrow's interview") cancels the
  slot it names, from whatever source it was known, when that source came before the mail.
- A move is one interview at its new time (class 2): a new invitation with a new UID for the same
  interview, received before the old slot took place (Greenhouse sends a new .ics and never cancels the
  old one), supersedes the old one; the user agreeing by mail to a move the company asked for moves the
  invitation's slot. A new invitation for another round (booked after the first took place, or clearly a
  different round) stays a new interview (B7).

Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from agent.core import people
from agent.core.event_people import is_external, is_human
from agent.core.model import Interview, Message
from agent.core.settings import Identity

_SLOT_WORD = r"(?:interview|call|meeting|conversation|chat|screen|session|appointment|onsite|on-site)"
_DAY_WORD = r"(?:the|your|our|this|that|today['\u2019]?s|tomorrow['\u2019]?s|tonight['\u2019]?s|\w+day['\u2019]?s)"
# What a cancelled slot is called after "cancel": "tomorrow's interview", "our call", "it", or nothing.
_CANCELLED_SLOT = (rf"(?:\s+(?:it|this|that|on\s+you)\b|\s*(?:[.,;:!\u2013\u2014-]|$)|"
                   rf"\s+{_DAY_WORD}\s+(?:[\w'\u2019-]+\s+){{0,2}}{_SLOT_WORD})")
_CANCELS = re.compile(
    rf"\b(?:need|needs|have|has|had|must|going|forced)\s+to\s+cancel{_CANCELLED_SLOT}|"
    rf"\b(?:are|am|is|'re|'m)\s+cancell?ing{_CANCELLED_SLOT}|\bcancell?ing\s+{_DAY_WORD}\s+"
    rf"(?:[\w'\u2019-]+\s+){{0,2}}{_SLOT_WORD}|"
    rf"\b{_SLOT_WORD}\s+(?:is|has\s+been|was|will\s+be|had\s+to\s+be|must\s+be|needs?\s+to\s+be)\s+"
    rf"(?:cancell?ed|called\s+off)\b|"
    rf"\b(?:cancell?ed|called\s+off)\s+{_DAY_WORD}\s+(?:[\w'\u2019-]+\s+){{0,2}}{_SLOT_WORD}", re.IGNORECASE)
# "If you need to cancel, let us know", "no need to cancel", "you'll have to cancel": not the company cancelling.
_NOT_CANCELLING = re.compile(r"\b(?:if|should\s+you|in\s+case|whenever|unless|no\s+need|not|never|don'?t|"
                             r"doesn'?t|won'?t|you(?:'ll|\s+will)?\s+(?:need|have|must))\b", re.IGNORECASE)
_CANCEL_SUBJECT = re.compile(r"^\s*(?:cancell?ed|cancell?ation)(?:\s+event)?(?:\s+with\s+note)?\s*:", re.IGNORECASE)
_MOVE = re.compile(r"\b(?:move|moving|moved|reschedul\w*|postpon\w*|push(?:ed|ing)?\s+(?:it\s+)?(?:back|out)|"
                   r"another\s+(?:time|day)|new\s+time|instead|change\s+the\s+time|a\s+conflict)\b", re.IGNORECASE)
_RESCHEDULED = re.compile(r"\b(?:reschedul\w*|(?:has|have|had)\s+(?:been\s+)?moved|moved\s+to|new\s+time|"
                          r"updated|changed)\b", re.IGNORECASE)
_TITLE_NOISE = re.compile(r"^(?:\s*(?:re|fw|fwd|updated|rescheduled|new|invitation|updated\s+invitation)\s*:)+|"
                          r"[^\w]+", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_DAY = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b", re.IGNORECASE)
_NEAR = timedelta(hours=3)


@dataclass(frozen=True)
class Cancellation:
    """A slot that was cancelled: by a calendar (start/end known) or by a company's mail (maybe a day)."""

    why: str  # for the run log: ids and addresses, never the mail's words (B22)
    at: datetime | None  # when the cancellation arrived; None: a calendar API's view, time unknown
    domains: frozenset[str]
    people: frozenset[str]
    threads: frozenset[str]  # Message-IDs of the cancelled slot's mail (or of the cancelling mail)
    start: datetime | None = None
    day: date | None = None  # the day a cancelling mail names ("tomorrow's interview")


def counterparts(iv: Interview) -> set[str]:
    found = {p.email for p in iv.interviewers}
    if iv.contact:
        found.add(iv.contact.email)
    return found


def related(a: Interview, b: Interview) -> bool:
    return bool(set(a.company_domains) & set(b.company_domains)) or bool(counterparts(a) & counterparts(b))


def thread_of(message: Message, messages: Sequence[Message]) -> list[Message]:
    """The earlier mail of a message's conversation: what it answers and references, or its provider thread."""
    ids = set(message.references) | ({message.in_reply_to} if message.in_reply_to else set())
    return [m for m in messages if m is not message and m.date <= message.date
            and (m.message_id in ids or (message.thread_id and m.thread_id == message.thread_id))]


# --- cancellations ---------------------------------------------------------------------------------------

def calendar_cancellation(would_be: Interview, at: datetime | None, carrier_ids: Sequence[str]) -> Cancellation:
    """The cancellation of an event that was an interview until it was cancelled."""
    when = f" on {at:%Y-%m-%d %H:%M}" if at else ""
    return Cancellation(why=f"the invitation {would_be.origin} for {would_be.start.isoformat()} was cancelled{when}",
                        at=at, domains=frozenset(would_be.company_domains), people=frozenset(counterparts(would_be)),
                        threads=frozenset((*would_be.thread_message_ids, *carrier_ids)), start=would_be.start)


def mail_cancellations(messages: Sequence[Message], identity: Identity) -> list[Cancellation]:
    """Mail from outside that cancels an interview: a person's "we need to cancel tomorrow's interview", an
    ATS notice "Your interview has been cancelled" with the recruiter in Reply-To, "Cancelled: <title>" sent
    by hand (a calendar's cancellation carries an event and is folded instead). It is tied to a slot by the
    people who sent it (a person, or the Reply-To of an ATS) and the thread it is in."""
    found = []
    for m in messages:
        if m.folder != "inbox" or m.events or m.sender is None or not is_external(identity, m.sender):
            continue
        sentence = _cancelling_sentence(m)
        if not sentence:
            continue
        persons = [p for p in (m.sender, *m.reply_to) if is_human(p) and is_external(identity, p)]
        threads = frozenset((m.message_id, *m.references, m.in_reply_to)) - {""}
        if not persons and not m.references and not m.in_reply_to:
            continue  # nothing ties it to an interview
        found.append(Cancellation(
            why=f"cancelled by mail {m.message_id} from {m.sender.email} on {m.date:%Y-%m-%d}", at=m.date,
            domains=frozenset(people.registrable_domain(p.domain) for p in persons
                              if not people.is_free_mail(p.domain)),
            people=frozenset(p.email for p in persons), threads=threads,
            day=named_day(sentence, m.date.astimezone(identity.tz).date())))
    return found


def _cancelling_sentence(m: Message) -> str:
    if _CANCEL_SUBJECT.match(m.subject):
        return m.subject.strip()
    for sentence in (m.subject, *re.split(r"(?<=[.!?])\s+|\n+", m.text)):
        hit = _CANCELS.search(sentence)
        if hit and not sentence.rstrip().endswith("?") \
                and not _NOT_CANCELLING.search(sentence[max(0, hit.start() - 30):hit.end()]):
            return " ".join(sentence.split())
    return ""


def named_day(sentence: str, today: date) -> date | None:
    """The day a sentence names for the slot: "tomorrow's", "today", "Wednesday's", "November 18"."""
    low = sentence.lower()
    if re.search(r"\btomorrow", low):
        return today + timedelta(days=1)
    if re.search(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))", low):
        return today
    m = _MONTH_DAY.search(sentence)
    if m:
        try:
            day = date(today.year, _MONTHS.index(m.group(1).lower()[:3]) + 1, int(m.group(2)))
        except ValueError:
            return None
        return day if day >= today - timedelta(days=180) else day.replace(year=today.year + 1)
    for i, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}", low):
            return today + timedelta(days=(i - today.weekday()) % 7)
    return None


def trace_of_cancelled(candidate: Interview, mail: Message,
                       cancellations: Sequence[Cancellation]) -> Cancellation | None:
    """The calendar cancellation whose slot the user's sent mail confirms: the same people or company and
    the same slot (the same start, or near it or in its invitation's thread when sent before it was
    cancelled)."""
    for c in cancellations:
        if c.start is None:
            continue
        threaded = bool(c.threads & set(candidate.thread_message_ids))
        tied = threaded or bool(c.domains & set(candidate.company_domains)) or bool(c.people & counterparts(candidate))
        if not tied:
            continue
        if candidate.start == c.start:
            return c
        before = c.at is None or mail.date <= c.at
        same_day = candidate.start.date() == c.start.astimezone(candidate.start.tzinfo).date()
        near = abs(candidate.start - c.start) < _NEAR or same_day or threaded
        if before and near:
            return c
    return None


def cancelled_by_mail(interviews: Sequence[Interview], known_at: dict[str, datetime | None],
                      cancellations: Sequence[Cancellation], identity: Identity) -> dict[str, Cancellation]:
    """Interview id -> the mail that cancelled it. A mail cancels the slot it names (its day), else the next
    one with that company; only a slot known before the mail and not yet begun."""
    out: dict[str, Cancellation] = {}
    for c in cancellations:
        assert c.at is not None
        open_slots = [iv for iv in interviews
                      if iv.start > c.at and (known_at.get(iv.id) is None or known_at[iv.id] <= c.at)  # type: ignore[operator]
                      and (c.domains & set(iv.company_domains) or c.people & counterparts(iv)
                           or c.threads & set(iv.thread_message_ids))]
        if c.day is not None:
            open_slots = [iv for iv in open_slots if iv.start.astimezone(identity.tz).date() == c.day]
        else:
            open_slots = sorted(open_slots, key=lambda iv: iv.start)[:1]
        for iv in open_slots:
            out.setdefault(iv.id, c)
    return out


# --- moves --------------------------------------------------------------------------------------------------

def superseded(found: Sequence[Interview], received: dict[str, datetime | None],
               texts: dict[str, str]) -> dict[str, Interview]:
    """Old interview id -> the invitation (new UID) that moved it: same company or people, received before
    the old slot began, and the same interview (the same title and people, or a new invitation that says it
    was rescheduled and names no other round)."""
    out: dict[str, Interview] = {}
    for old in found:
        for new in found:
            got_old, got_new = received.get(old.id), received.get(new.id)
            if new is old or got_old is None or got_new is None or not got_old < got_new < old.start:
                continue
            if new.start == old.start or not related(old, new):
                continue
            if _same_interview(old, new, texts.get(new.id, "")):
                out[old.id] = new
    return out


def _same_interview(old: Interview, new: Interview, new_text: str) -> bool:
    a, b = {p.email for p in old.interviewers}, {p.email for p in new.interviewers}
    other_people = bool(a and b and not a & b)
    same_title = _title_key(old.title) == _title_key(new.title)
    if same_title and not other_people:
        return True
    return bool(_RESCHEDULED.search(new_text)) and _rounds(old.title) == _rounds(new.title)


def _title_key(title: str) -> str:
    return _TITLE_NOISE.sub(" ", title.lower()).strip()


_ROUND = re.compile(r"\b(?:first|second|third|final|next|\d(?:st|nd|rd|th)|round\s*\d|on-?site|panel|technical|"
                    r"phone|screen|hiring\s+manager|case|presentation|take-?home|culture|behavioral)\b", re.IGNORECASE)


def _rounds(title: str) -> set[str]:
    return {m.group(0).lower() for m in _ROUND.finditer(title)}


def moved_by_mail(candidate: Interview, mail: Message, thread: Sequence[Message], found: Sequence[Interview],
                  received: dict[str, datetime | None]) -> Interview | None:
    """The invitation-made interview that the user's sent mail moves: the same company or people, not yet
    begun, received before the mail, and a move asked or agreed in the mail or the mail it answers."""
    asked = _MOVE.search(mail.text) or any(_MOVE.search(f"{m.subject}\n{m.text}") for m in thread
                                            if m.folder == "inbox")
    if not asked:
        return None
    for iv in sorted(found, key=lambda i: i.start):
        got = received.get(iv.id)
        if iv.start > mail.date and (got is None or got < mail.date) and iv.start != candidate.start \
                and related(candidate, iv):
            return iv
    return None


def rescheduled(iv: Interview, candidate: Interview, mail: Message) -> Interview:
    return replace(iv, start=candidate.start, end=candidate.start + (iv.end - iv.start),
                   thread_message_ids=tuple(dict.fromkeys(iv.thread_message_ids + candidate.thread_message_ids)),
                   reasons=(*iv.reasons, (f"moved from {iv.start.isoformat()} to {candidate.start.isoformat()} "
                                          f"by the user's mail {mail.message_id} agreeing to the move")))
