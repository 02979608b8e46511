"""Calendar events -> interviews: whether an event is the user's job interview (`event_signals`, B3/B4),
and if so its company, role, contact and interviewers (B2/B5/B6/B7).

The people rules are in `event_people`, the company and role text rules in `companies` (B5); interviews
known only from sent mail are in `sent_interviews`. Pure: no I/O, no clock; dates come from the inputs.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from agent.core import people
from agent.core.companies import ROLE_STATED, cased, company_from_signature, company_from_text, role_from_text
from agent.core.event_people import (
    SKIP_CUTYPES,
    carrier_senders,
    choose_contact,
    event_texts,
    group_calendar_owner,
    is_external,
    is_human,
    judge_people,
    person_words,
)
from agent.core.event_signals import Verdict, judge_event
from agent.core.model import Event, Interview, Message, Person
from agent.core.settings import Identity

__all__ = ["Verdict", "detect_event", "judge_event", "stable_id"]


def stable_id(*parts: str) -> str:
    """An interview's id: the same parts (an event's UID and RECURRENCE-ID, ...) always give the same id."""
    return "iv-" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


# --- B5 company and role of an event (the text rules are in `companies`) -------------------------------

def _company_domains(event: Event, identity: Identity, carrier: Message | None) -> list[str]:
    """Registrable domains of the external, non-ATS, non-free-mail humans, interviewers' first."""
    ordered = [a.person for a in event.attendees if a.partstat.upper() != "DECLINED"
               and a.cutype.upper() not in SKIP_CUTYPES]
    ordered += [event.organizer] if event.organizer else []
    ordered += carrier_senders(carrier)
    domains = [people.registrable_domain(p.domain) for p in ordered
               if is_human(p) and is_external(identity, p) and not people.is_free_mail(p.domain)]
    return list(dict.fromkeys(domains))


def _company(event: Event, identity: Identity, carrier: Message | None,
             interviewers: tuple[Person, ...], domains: list[str]) -> str:
    texts = event_texts(event, carrier)
    counted = Counter(people.registrable_domain(p.domain) for p in interviewers
                      if people.registrable_domain(p.domain) in domains)
    best = counted.most_common(1)[0][0] if counted else (domains[0] if domains else "")
    if best:
        return cased(people.company_from_domain(best), texts)
    words = person_words([*(a.person for a in event.attendees if a.cutype.upper() not in SKIP_CUTYPES),
                          *([event.organizer] if event.organizer else []),
                          *carrier_senders(carrier)], identity)
    for text in (event.summary, carrier.subject if carrier else ""):
        name = company_from_text(text, words)
        if name:
            return name
    return company_from_signature(carrier, words)


def _role(event: Event, identity: Identity, carrier: Message | None, company: str) -> str:
    words = person_words([a.person for a in event.attendees if a.cutype.upper() not in SKIP_CUTYPES], identity)
    for text in (event.summary, carrier.subject if carrier else ""):
        role = role_from_text(text, company, words)
        if role:
            return role
    for text in (event.description, carrier.text if carrier else ""):
        m = ROLE_STATED.search(text)
        if m:
            return role_from_text(m.group(0), company, words)
    return ""


# --- B2/B7: events to interviews -----------------------------------------------------------------------

def detect_event(event: Event, identity: Identity, carrier: Message | None = None) -> Interview | None:
    """The Interview an event describes, or None when `judge_event` says it is not one. The id depends
    only on UID and RECURRENCE-ID, so a reschedule keeps it (B7)."""
    verdict = judge_event(event, identity, carrier)
    if not verdict.is_interview:
        return None
    interviewers, people_reasons = judge_people(event, identity, carrier)
    domains = _company_domains(event, identity, carrier)
    company = _company(event, identity, carrier, interviewers, domains) or group_calendar_owner(event)
    origin = f"event {event.uid}" + (f" {event.recurrence_id}" if event.recurrence_id else "")
    thread = (carrier.message_id, *carrier.references) if carrier else ()
    return Interview(
        id=stable_id("event", event.uid, event.recurrence_id), origin=origin, start=event.start, end=event.end,
        company=company, company_domains=tuple(domains), role=_role(event, identity, carrier, company),
        contact=choose_contact(event, identity, carrier, interviewers), interviewers=interviewers,
        title=event.summary, description=event.description,
        thread_message_ids=tuple(dict.fromkeys(m for m in thread if m)),
        reasons=verdict.reasons + people_reasons)
