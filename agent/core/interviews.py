"""From stored mail and calendar events to the list of interviews the agent tracks. Pure.

Invitations are folded by UID and SEQUENCE (B2), each current event is judged (B3/B4), and interviews
known only from the user's sent mail are added where no invitation covers them (B2). A sent mail that
re-confirms or moves an interview the user already confirmed updates that interview (B7). Cancellations
and moves by calendar and by mail are `slot_changes`'s: a cancelled slot wins over its other traces.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from agent.core import (
    calendar_fold,
    companies,
    company_names,
    detect,
    event_people,
    interview_topics,
    people,
    sent_interviews,
    slot_changes,
)
from agent.core.model import Event, Interview, Message
from agent.core.settings import Identity

log = logging.getLogger(__name__)
_AGENCY_LEAD = timedelta(days=45)  # how long before an interview an agency's mail about it may come


def derive(messages: Sequence[Message], calendar: Sequence[Event], identity: Identity) -> list[Interview]:
    ordered = sorted(messages, key=lambda m: (m.date, m.key))
    carriers: dict[str, Message] = {}
    carried: dict[str, list[str]] = {}  # uid -> Message-IDs of every mail that carried it
    cancelled_at: dict[str, datetime] = {}  # uid -> when the mail that cancelled it arrived
    stream: list[Event] = []
    for m in ordered:
        for e in m.events:
            stream.append(e)
            carried.setdefault(e.uid, []).append(m.message_id)
            if m.folder == "inbox" and e.method in ("REQUEST", "PUBLISH") and e.status != "CANCELLED":
                carriers[e.uid] = m
            elif m.folder == "inbox" and (e.method == "CANCEL" or e.status == "CANCELLED"):
                cancelled_at[e.uid] = m.date
    stream.extend(calendar)  # a calendar API's view is the current one: apply it last
    current = calendar_fold.fold(stream, identity.addresses)

    found: list[Interview] = []
    received: dict[str, datetime | None] = {}  # interview id -> when the mail that made it arrived
    texts: dict[str, str] = {}
    cancelled: list[slot_changes.Cancellation] = []
    for event in current.values():
        carrier = carriers.get(event.uid)
        if event.status == "CANCELLED":  # B2/B3: a cancelled interview still silences its other traces
            would_be = detect.detect_event(replace(event, status="CONFIRMED", method="REQUEST"), identity, carrier)
            if would_be is not None:
                cancelled.append(slot_changes.calendar_cancellation(would_be, cancelled_at.get(event.uid),
                                                                    carried.get(event.uid, ())))
            continue
        interview = detect.detect_event(event, identity, carrier)
        if interview is not None:
            found.append(_agency_contact(_enrich(interview, ordered, identity), ordered, identity))
            received[interview.id] = carrier.date if carrier else None
            texts[interview.id] = "\n".join((carrier.subject, carrier.text) if carrier else ()) + event.description
    moved_on = slot_changes.superseded(found, received, texts)  # B7: a new .ics for the same interview
    for old_id, new in moved_on.items():
        log.info("no interview %s: a later invitation (%s) moved it", old_id, new.origin)
    found = [_superseding(iv, moved_on) for iv in found if iv.id not in moved_on]

    from_sent: list[Interview] = []
    for m in ordered:
        if m.folder != "sent":
            continue
        thread = slot_changes.thread_of(m, ordered)
        candidate = sent_interviews.detect_sent(m, identity, thread)
        if candidate is None:
            continue
        target = slot_changes.moved_by_mail(candidate, m, thread, found, received)
        if target is not None:  # B7: the user agreed to the company's move; no new invitation came
            found[found.index(target)] = slot_changes.rescheduled(target, candidate, m)
            received[target.id] = m.date
            continue
        if _covered_by_invitation(candidate, found):
            continue
        gone = slot_changes.trace_of_cancelled(candidate, m, cancelled)
        if gone is not None:  # B2/B3: the user's confirmation of a slot that was then cancelled
            log.info("no interview from sent mail %s: %s", m.message_id, gone.why)
            continue
        earlier = _same_counterpart_pending(candidate, from_sent, m)
        if earlier is None:
            from_sent.append(candidate)
            received[candidate.id] = m.date
        else:  # a later mail moves or re-confirms it: same interview at the new time (B7)
            moved = replace(earlier, start=candidate.start, end=candidate.end,
                            thread_message_ids=tuple(dict.fromkeys(earlier.thread_message_ids
                                                                   + candidate.thread_message_ids)),
                            reasons=earlier.reasons + (f"moved to {candidate.start.isoformat()} by a later mail "
                                                       f"{m.message_id}",))
            from_sent[from_sent.index(earlier)] = moved
            received[earlier.id] = m.date
    from_sent = [_enrich(iv, ordered, identity) for iv in from_sent]
    everything = found + from_sent
    by_mail = slot_changes.cancelled_by_mail(everything, received,
                                             slot_changes.mail_cancellations(ordered, identity), identity)
    for iv_id, gone in by_mail.items():
        log.info("no interview %s: %s", iv_id, gone.why)
    return sorted((interview_topics.describe(iv, ordered) for iv in everything if iv.id not in by_mail),
                  key=lambda i: (i.start, i.id))


def _superseding(iv: Interview, moved_on: dict[str, Interview]) -> Interview:
    old = [o for o, new in moved_on.items() if new.id == iv.id]
    return replace(iv, reasons=iv.reasons + tuple(f"a new invitation for the same interview: replaces {o}, "
                                                  f"which was never cancelled" for o in old)) if old else iv


def _covered_by_invitation(candidate: Interview, found: list[Interview]) -> bool:
    """B2: sent mail creates an interview only when no invitation exists for it."""
    return any(slot_changes.related(candidate, iv) and abs(iv.start - candidate.start) < timedelta(days=1)
               for iv in found)


def _same_counterpart_pending(candidate: Interview, known: list[Interview], mail: Message) -> Interview | None:
    """An interview with the same people that had not yet taken place when this mail was sent."""
    for iv in reversed(known):
        if slot_changes.related(candidate, iv) and iv.end > mail.date:
            return iv
    return None


def _related_mail(iv: Interview, messages: Sequence[Message]) -> list[Message]:
    """Inbox mail around an interview until its end: its threads, and mail from or answered to the
    company's domains (an ATS's mail with the recruiter in Reply-To)."""
    threads = set(iv.thread_message_ids)
    return [m for m in messages if m.folder == "inbox" and m.date <= iv.end and
            (m.message_id in threads or threads & set(m.references) or
             any(people.registrable_domain(p.domain) in iv.company_domains
                 for p in ((m.sender,) if m.sender else ()) + m.reply_to))]


def _enrich(iv: Interview, messages: Sequence[Message], identity: Identity) -> Interview:
    """B5/B6 from the mail around an interview: the company's name as its mail writes it (an invitation
    may not write it, the recruiter's signature does), the whole role a Calendly booking or the user's own
    reply may not name, and for an ATS invitation from recruiting@ the person in its mail's Reply-To; and the
    recruiters and coordinators whose titles only the company's mail gives (`event_people.people_from_mail`)."""
    iv = event_people.people_from_mail(iv, messages, identity)
    related = _related_mail(iv, messages)
    reasons = list(iv.reasons)
    company = iv.company
    made = {company_names.fold(people.company_from_domain(d)): d for d in iv.company_domains}
    domain = made.get(company_names.fold(company), "") if company else next(iter(iv.company_domains), "")
    if domain:  # the name was made from the domain: look for the one the company writes
        sources = [iv.title, iv.description]
        for m in related:
            sources += [m.subject, m.text, *(p.name for p in ((m.sender,) if m.sender else ()) + m.reply_to)]
        written = company_names.written_name(domain, sources)
        if written and written != company:
            company = written
            reasons.append(f"company '{written}' as the mail around the interview writes it for {domain}")
    words = {w.lower() for w in identity.name.split()}
    for m in related:
        words |= {w.lower() for p in ((m.sender,) if m.sender else ()) + m.recipients + m.reply_to
                  if event_people.is_individual(p) for w in people.display_name(p).split()}
    role = companies.choose_role([iv.role, *(companies.role_from_text(m.subject, company, words)
                                             for m in reversed(related)),
                                  *(companies.stated_role(m.text) for m in reversed(related))])
    if role != iv.role:
        reasons.append(f"role '{role}' from the mail around the interview")
    contact = iv.contact
    if contact is None or people.is_role_address(contact.email):
        for m in reversed(related):  # the latest first
            person = next((p for p in ((m.sender,) if m.sender else ()) + m.reply_to
                           if not identity.is_me(p.email) and people.registrable_domain(p.domain) in iv.company_domains
                           and not people.is_machine_address(p.email) and not people.is_role_address(p.email)),
                          None)
            if person is not None:
                contact = person
                reasons.append(f"contact {person.email} from {m.message_id}")
                break
    return replace(iv, company=company, role=role, contact=contact, reasons=tuple(reasons))


def _agency_contact(iv: Interview, messages: Sequence[Message], identity: Identity) -> Interview:
    """B6, a staffing agency that arranged the client's interview by mail ("Marlow Bank would like to
    interview you ... on Wednesday, November 11 at 10am; their coordinator will send the invitation"): the
    agency recruiter is the user's contact, whoever sent the invitation. The mail is a person's from another
    organisation than the client's, before the interview, and names the client, an interview and the
    interview's day or its invitation."""
    if not iv.company or (iv.contact and people.registrable_domain(iv.contact.domain) not in iv.company_domains):
        return iv  # no client name to look for, or the contact is already from outside the company
    local = iv.start.astimezone(identity.tz)
    day = re.compile(rf"\b(?:{local:%A}|{local:%B}\s+{local.day}|{local:%b}\.?\s+{local.day})\b|\binvit",
                     re.IGNORECASE)
    client = re.compile(rf"\b{re.escape(iv.company)}\b", re.IGNORECASE)
    for m in sorted(messages, key=lambda m: m.date, reverse=True):
        sender = m.sender
        if m.folder != "inbox" or sender is None or not iv.start - _AGENCY_LEAD < m.date < iv.start \
                or not event_people.is_individual(sender) or not event_people.is_external(identity, sender) \
                or people.is_free_mail(sender.domain) or people.registrable_domain(sender.domain) in iv.company_domains:
            continue
        said = f"{m.subject}\n{m.text}"
        if client.search(said) and companies.INTERVIEW.search(said) and day.search(said):
            return replace(iv, contact=sender, reasons=iv.reasons + (
                f"contact {sender.email}: the staffing agency recruiter who arranged it ({m.message_id})",))
    return iv
