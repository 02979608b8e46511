"""Calendar events -> interviews: whether an event is the user's job interview (`event_signals`, B3/B4),
and if so its company, role, contact and interviewers (B2/B5/B6/B7).

The people rules are in `event_people`, the company and role text rules in `companies` (B5); interviews
known only from sent mail are in `sent_interviews`. Pure: no I/O, no clock; dates come from the inputs.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from agent.core import company_names, people
from agent.core.companies import (
    choose_role,
    company_from_signature,
    company_from_text,
    phrase_role,
    stated_role,
)
from agent.core.event_people import (
    SKIP_CUTYPES,
    agency_domain,
    carrier_senders,
    choose_contact,
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
    agency = agency_domain(event, identity, carrier)  # the client is the company, not the agency (B5)
    domains = [people.registrable_domain(p.domain) for p in ordered
               if is_human(p) and is_external(identity, p) and not people.is_free_mail(p.domain)]
    return [d for d in dict.fromkeys(domains) if d != agency]


def name_sources(event: Event, carrier: Message | None) -> list[str]:
    """Where a company writes its name around an invitation: title, description, the carrying mail's subject
    and body, and the display names of organizer, attendees and senders ("Megan Ross | Halcyon Travel")."""
    persons = [a.person for a in event.attendees] + ([event.organizer] if event.organizer else [])
    persons += carrier_senders(carrier)
    return [event.summary, event.description, carrier.subject if carrier else "", carrier.text if carrier else "",
            *(p.name for p in persons if p.name)]


def company_for_domain(domain: str, sources: list[str]) -> tuple[str, str]:
    """B5: the name the company writes for its domain, else the name made from the domain (last resort);
    with the reason for `show`."""
    written = company_names.written_name(domain, sources)
    if written:
        return written, f"company '{written}' as the mail writes it for {domain}"
    made = people.company_from_domain(domain)
    return made, f"company '{made}' made from the domain {domain}: the mail never writes the name"


def _company(event: Event, identity: Identity, carrier: Message | None,
             interviewers: tuple[Person, ...], domains: list[str]) -> tuple[str, str]:
    counted = Counter(people.registrable_domain(p.domain) for p in interviewers
                      if people.registrable_domain(p.domain) in domains)
    best = counted.most_common(1)[0][0] if counted else (domains[0] if domains else "")
    if best:
        return company_for_domain(best, name_sources(event, carrier))
    words = person_words([*(a.person for a in event.attendees if a.cutype.upper() not in SKIP_CUTYPES),
                          *([event.organizer] if event.organizer else []),
                          *carrier_senders(carrier)], identity)
    for text in (event.summary, carrier.subject if carrier else ""):
        name = company_from_text(text, words)
        if name:
            return name, f"company '{name}' from the title"
    name = company_from_signature(carrier, words)
    return name, (f"company '{name}' from the signature" if name else "no company named")


def _role(event: Event, identity: Identity, carrier: Message | None, company: str) -> tuple[str, str]:
    """B5: the whole role, with the reason for `show`. A role stated outright ("for the X role") anywhere
    comes first, then the title's and subject's; a fuller writing of it elsewhere ("Site Reliability
    Engineer" for "SRE") wins."""
    words = person_words([a.person for a in event.attendees if a.cutype.upper() not in SKIP_CUTYPES], identity)
    titles = (event.summary, carrier.subject if carrier else "")
    bodies = (event.description, carrier.text if carrier else "")
    role = choose_role([*(stated_role(t) for t in (*titles, *bodies)),
                        *(phrase_role(t, company, words) for t in titles)])
    return role, (f"role '{role}' as the invitation and its mail write it" if role else "no role stated")


# --- B2/B7: events to interviews -----------------------------------------------------------------------

def detect_event(event: Event, identity: Identity, carrier: Message | None = None) -> Interview | None:
    """The Interview an event describes, or None when `judge_event` says it is not one. The id depends
    only on UID and RECURRENCE-ID, so a reschedule keeps it (B7)."""
    verdict = judge_event(event, identity, carrier)
    if not verdict.is_interview:
        return None
    interviewers, people_reasons = judge_people(event, identity, carrier)
    domains = _company_domains(event, identity, carrier)
    company, company_reason = _company(event, identity, carrier, interviewers, domains)
    if not company and (owner := group_calendar_owner(event)):
        company, company_reason = owner, f"company '{owner}' from the name of its candidate calendar"
    role, role_reason = _role(event, identity, carrier, company)
    origin = f"event {event.uid}" + (f" {event.recurrence_id}" if event.recurrence_id else "")
    thread = (carrier.message_id, *carrier.references) if carrier else ()
    return Interview(
        id=stable_id("event", event.uid, event.recurrence_id), origin=origin, start=event.start, end=event.end,
        company=company, company_domains=tuple(domains), role=role,
        contact=choose_contact(event, identity, carrier, interviewers), interviewers=interviewers,
        title=event.summary, description=event.description, location=event.location,
        conference_url=event.conference_url,
        thread_message_ids=tuple(dict.fromkeys(m for m in thread if m)),
        reasons=(*verdict.reasons, *people_reasons, company_reason, role_reason,
                 *_agency_reason(event, identity, carrier)))


def _agency_reason(event: Event, identity: Identity, carrier: Message | None) -> tuple[str, ...]:
    agency = agency_domain(event, identity, carrier)
    if not agency or carrier is None or carrier.sender is None:
        return ()
    return ((f"sent on by {carrier.sender.email} of {agency}, a staffing agency: the contact, not an interviewer; "
             f"the company is the client"),)
