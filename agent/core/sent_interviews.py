"""Interviews known only from the user's sent mail (B2).

A sent mail to an outside person that confirms one interview at one stated date and time ("Confirming
our interview on Tuesday at 2pm") becomes an Interview; `find_datetimes` is the one place dateparser is
configured. Used when no invitation exists; the caller decides that. Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from agent.core import company_names, people, zone_phrases
from agent.core.companies import (
    COMPANY_AT,
    COMPANY_WITH,
    INTERVIEW,
    ROLE_STATED,
    TITLE_ONLY,
    choose_role,
    company_from_text,
    cut_role,
    is_person_name,
    phrase_role,
    stated_role,
    strip_company,
)
from agent.core.detect import stable_id
from agent.core.event_people import dedupe, is_external, is_human, person_words
from agent.core.model import Interview, Message, Person
from agent.core.sent_purpose import judge_sent
from agent.core.settings import Identity
from agent.core.text import without_accents

_SENT_CUE = re.compile(rf"{INTERVIEW.pattern}|{TITLE_ONLY.pattern}", re.IGNORECASE)
_CONFIRM = re.compile(r"\b(?:confirm(?:ed|ing)?|see\s+you|looking\s+forward|look\s+forward|talk\s+(?:to\s+you|then)|"
                      r"speak\s+(?:with\s+you|to\s+you|then)|works\s+(?:for\s+me|great|well|perfectly)|"
                      r"i'?ll\s+be\s+there|booked|scheduled|accept(?:ed|ing)?|i'?m\s+available|"
                      r"i\s+am\s+available|happy\s+to\s+meet)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not\s+available|unavailable|can'?t\s+make|cannot\s+make|unable\s+to|"
                      r"won'?t\s+be\s+able|(?:need|have)\s+to\s+reschedule|cancel\w*|instead\s+of)\b", re.IGNORECASE)
_HAS_TIME = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|\b\d{1,2}:\d{2}\b|\bnoon\b", re.IGNORECASE)
_HAS_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|"
    r"sun)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|"
    r"oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|"
    r"\b\d{1,2}/\d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b|\btomorrow\b|\btoday\b|\btonight\b", re.IGNORECASE)
_DURATION_MIN = re.compile(r"\b(\d{2,3})\s*-?\s*(?:minutes?|mins?)\b", re.IGNORECASE)
_DURATION_HOUR = re.compile(r"\b(an?|one|two|\d(?:\.\d)?|1\.5)\s*-?\s*(?:hours?|hrs?)\b", re.IGNORECASE)
_SENT_WINDOW = timedelta(days=60)
_EXPLICIT_DATE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
                            r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
                            r"sept|oct|nov|dec)|\b\d{1,2}/\d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:the\s+)?"
                            r"\d{1,2}(?:st|nd|rd|th)\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b", re.IGNORECASE)
# A job, not a mortgage "application" or an "interview-style fact find": what the company's mail must be about.
_HIRING = re.compile(r"\b(?:role|opening|vacancy|candidacy|job\s+(?:application|opening|offer)|applied\s+(?:for|to)|"
                     r"applying\s+(?:for|to)|your\s+application\s+(?:for|to)|hiring\s+(?:manager|process|team))\b",
                     re.IGNORECASE)
_GREETING = re.compile(r"^(?:(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\b[^\n]*|[^\n,]{1,40},)\n",
                       re.IGNORECASE)


def find_datetimes(text: str, base: datetime, timezone: str) -> list[tuple[str, datetime]]:
    """Date/time phrases in `text` as dateparser reads them, relative to `base` (aware) in `timezone`.

    The one place dateparser is configured: English only (language detection costs seconds per call),
    relative phrases against the message's own date so reprocessing is stable, ambiguous days in the future.
    """
    from dateparser.search import search_dates  # imported here: it costs ~0.2 s to load

    local_base = base.astimezone(ZoneInfo(timezone)).replace(tzinfo=None)
    settings = {"RELATIVE_BASE": local_base, "PREFER_DATES_FROM": "future", "RETURN_AS_TIMEZONE_AWARE": True,
                "TIMEZONE": timezone}
    return list(search_dates(text, languages=["en"], settings=settings) or [])


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def _when_in(sentence: str, message: Message, identity: Identity,
             days: Sequence[date] = ()) -> list[tuple[datetime, str]]:
    """Instants in one sentence that have both a day and a time of day, combining "Thursday (Dec 3)" and
    "at 10am" when dateparser returns them apart, each with how its zone was read (`zone_phrases`). A bare
    weekday ("Tuesday at 2pm") in a thread whose invitation or mail names a date on that weekday is that
    date (`days`), not the coming one."""
    text, marks = zone_phrases.take_zones(zone_phrases.with_bare_hours(sentence))
    found = zone_phrases.place_in_zones(find_datetimes(text, message.date, identity.timezone), text, marks,
                                        identity.timezone)
    whole = [(dt, how, s) for s, dt, how in found if _HAS_TIME.search(s) and _HAS_DAY.search(s)]
    day_only = [dt for s, dt, _ in found if _HAS_DAY.search(s) and not _HAS_TIME.search(s)]
    times = [(dt, how) for s, dt, how in found if _HAS_TIME.search(s) and not _HAS_DAY.search(s)]
    if not whole and len(day_only) == 1 and len(times) == 1:
        dt, how = times[0]
        whole = [(datetime.combine(day_only[0].date(), dt.timetz()), how, "")]
    placed = [(_on_thread_day(dt, phrase, message, days), how) for dt, how, phrase in whole]
    lo, hi = message.date, message.date + _SENT_WINDOW
    return [(dt.astimezone(identity.tz), how) for dt, how in placed if lo < dt <= hi]


def _on_thread_day(dt: datetime, phrase: str, message: Message, days: Sequence[date]) -> datetime:
    if not phrase or _EXPLICIT_DATE.search(phrase) or not _WEEKDAY.search(phrase):
        return dt
    sent_day = message.date.astimezone(dt.tzinfo).date()
    same = sorted(d for d in days if d.weekday() == dt.weekday() and d >= sent_day)
    return datetime.combine(same[0], dt.timetz()) if same and same[0] != dt.date() else dt


def _stated_duration(text: str) -> timedelta | None:
    """"30-minute", "45 min", "1 hour", "an hour" -> the length; None when not stated."""
    m = _DURATION_MIN.search(text)
    if m and 10 <= int(m.group(1)) <= 480:
        return timedelta(minutes=int(m.group(1)))
    m = _DURATION_HOUR.search(text)
    if m:
        word = m.group(1).lower()
        hours = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0}.get(word) or float(word)
        if 0 < hours <= 8:
            return timedelta(hours=hours)
    return None


def _confirmed_time(message: Message, identity: Identity,
                    thread: Sequence[Message] = ()) -> tuple[datetime, str, str] | None:
    """The one interview time the mail confirms, with the sentence that says it and how its zone was read.
    A sentence without an interview word counts when it confirms and the hiring context is known: the
    subject names an interview, or the company's mail in the thread is about an interview or a role."""
    context = bool(_SENT_CUE.search(message.subject)) or _hiring_context(thread, identity)
    days = [e.start.astimezone(identity.tz).date() for m in thread for e in m.events]
    hits: list[tuple[datetime, str, bool, str]] = []
    for sentence in _sentences(message.text):
        confirm = bool(_CONFIRM.search(sentence))
        cue = _SENT_CUE.search(sentence) or (context and confirm)
        if not cue or _NEGATED.search(sentence) or (sentence.endswith("?") and not confirm):
            continue
        hits += [(dt, sentence, confirm, how) for dt, how in _when_in(sentence, message, identity, days)]
    distinct = {h[0] for h in hits}
    if len(distinct) > 1:  # several options: only a sentence that confirms one of them settles it
        hits = [h for h in hits if h[2]]
        distinct = {h[0] for h in hits}
    if len(distinct) != 1:
        return None
    return hits[0][0], hits[0][1], hits[0][3]


def _hiring_context(thread: Sequence[Message], identity: Identity) -> bool:
    """The mail the user answers is a company's about an interview or a role (B2): what makes "Friday at
    11 works for me" an interview and not a dinner."""
    return any(m.folder == "inbox" and m.sender is not None and is_external(identity, m.sender)
               and (_SENT_CUE.search(m.subject) or _HIRING.search(f"{m.subject}\n{m.text}")
                    or ROLE_STATED.search(m.text))
               for m in thread)


def detect_sent(message: Message, identity: Identity, thread: Sequence[Message] = ()) -> Interview | None:
    """An interview the user confirmed or scheduled in a sent mail at one stated date and time (B2), or None.
    Only the user's own job interview counts (B3/B4, `sent_purpose`). `thread` holds the earlier mail of its
    conversation (the company's mail it answers). Used when no invitation exists; the caller decides that."""
    if message.folder != "sent":
        return None
    external = [p for p in message.recipients if is_external(identity, p) and not people.is_machine_address(p.email)]
    if not external:
        return None
    found = _confirmed_time(message, identity, thread)
    if found is None:
        return None
    start, sentence, zone_read = found
    interviewers = _interviewers(message, identity)
    domains = list(dict.fromkeys(people.registrable_domain(p.domain) for p in external
                                 if is_human(p) and not people.is_free_mail(p.domain)))
    words = person_words(message.recipients, identity)
    written = company_names.written_name(domains[0], [message.subject, message.text,
                                                      *(p.name for p in message.recipients)]) if domains else ""
    company = (written or people.company_from_domain(domains[0]) if domains
               else company_from_text(message.subject, words)
               or next((c for s in _sentences(message.text) if (c := _company_in_sentence(s, words))), ""))
    mine, why = judge_sent(message, sentence, identity, thread, company=company if not domains else "")
    if not mine:
        return None
    answered = [m.text for m in reversed(thread) if m.folder == "inbox"]  # the company's mail it answers
    role = choose_role([stated_role(message.subject), stated_role(message.text), *map(stated_role, answered),
                        phrase_role(message.subject, company, words)])
    contact = next((p for p in message.to if is_external(identity, p) and not people.is_machine_address(p.email)),
                   None)
    return Interview(
        id=stable_id("sent", message.message_id), origin=f"sent {message.message_id}", start=start,
        end=start + (_stated_duration(sentence) or _stated_duration(message.text) or timedelta(minutes=60)),
        company=company, company_domains=tuple(domains), role=role, contact=contact, interviewers=interviewers,
        title=message.subject, description="",
        thread_message_ids=tuple(dict.fromkeys((message.message_id, *message.references))),
        reasons=(f"the user's sent mail confirms an interview: \"{sentence}\"",
                 f"at {start.isoformat()} ({identity.timezone}; {zone_read})", why,
                 f"company '{company}' as the mail writes it" if written else
                 f"company '{company}' made from the domain {domains[0]}" if domains else f"company '{company}'"))


def _interviewers(message: Message, identity: Identity) -> tuple[Person, ...]:
    """The outside people the user writes to; when the mail names some of them past its greeting ("Looking
    forward to meeting Mia"), those are the ones the user will meet and the others arranged it."""
    outside = dedupe(p for p in message.recipients if is_human(p) and is_external(identity, p)
                     and not people.is_role_address(p.email))
    body = _GREETING.sub("", message.text.strip(), count=1)
    named = tuple(p for p in outside if _names(body, p))
    return named or tuple(p for p in outside if p in message.to)


def _names(text: str, person: Person) -> bool:
    name = people.display_name(person)
    first = name.split()[0] if name else ""
    folded = _fold(text)
    return bool(first) and len(first) > 1 and re.search(rf"\b{re.escape(_fold(first))}\b", folded) is not None


def _fold(text: str) -> str:
    return without_accents(text.lower())


def _company_in_sentence(sentence: str, person_words: Collection[str]) -> str:
    """"... our interview at Acme Robotics ..." inside a body sentence."""
    for rx in (COMPANY_WITH, COMPANY_AT):
        m = rx.search(sentence)
        if m:
            name = strip_company(cut_role(m.group("c")))
            if name and not is_person_name(name, person_words) and not _HAS_DAY.search(name) \
                    and not INTERVIEW.search(name):
                return name
    return ""
