"""From stored mail and calendar events to the list of interviews the agent tracks. Pure.

Invitations are folded by UID and SEQUENCE (B2), each current event is judged (B3/B4), and interviews
known only from the user's sent mail are added where no invitation covers them (B2). A sent mail that
re-confirms or moves an interview the user already confirmed updates that interview (B7).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Sequence

from agent.core import calendar_fold, companies, detect, event_people, people, sent_interviews
from agent.core.settings import Identity
from agent.core.model import Event, Interview, Message


def derive(messages: Sequence[Message], calendar: Sequence[Event], identity: Identity) -> list[Interview]:
    ordered = sorted(messages, key=lambda m: (m.date, m.key))
    carriers: dict[str, Message] = {}
    stream: list[Event] = []
    for m in ordered:
        for e in m.events:
            stream.append(e)
            if m.folder == "inbox" and e.method in ("REQUEST", "PUBLISH"):
                carriers[e.uid] = m
    stream.extend(calendar)  # a calendar API's view is the current one: apply it last
    current = calendar_fold.fold(stream, identity.addresses)

    found: list[Interview] = []
    for event in current.values():
        interview = detect.detect_event(event, identity, carriers.get(event.uid))
        if interview is not None:
            found.append(_enrich(interview, ordered, identity))

    from_sent: list[Interview] = []
    for m in ordered:
        if m.folder != "sent":
            continue
        candidate = sent_interviews.detect_sent(m, identity)
        if candidate is None or _covered_by_invitation(candidate, found):
            continue
        earlier = _same_counterpart_pending(candidate, from_sent, m)
        if earlier is None:
            from_sent.append(candidate)
        else:  # a later mail moves or re-confirms it: same interview at the new time (B7)
            moved = replace(earlier, start=candidate.start, end=candidate.end,
                            thread_message_ids=tuple(dict.fromkeys(earlier.thread_message_ids
                                                                   + candidate.thread_message_ids)),
                            reasons=earlier.reasons + (f"moved to {candidate.start.isoformat()} by a later mail "
                                                       f"{m.message_id}",))
            from_sent[from_sent.index(earlier)] = moved
    return sorted(found + from_sent, key=lambda i: (i.start, i.id))


def _counterparts(interview: Interview) -> set[str]:
    people = {p.email for p in interview.interviewers}
    if interview.contact:
        people.add(interview.contact.email)
    return people


def _related(a: Interview, b: Interview) -> bool:
    return bool(set(a.company_domains) & set(b.company_domains)) or bool(_counterparts(a) & _counterparts(b))


def _covered_by_invitation(candidate: Interview, found: list[Interview]) -> bool:
    """B2: sent mail creates an interview only when no invitation exists for it."""
    return any(_related(candidate, iv) and abs(iv.start - candidate.start) < timedelta(days=1) for iv in found)


def _same_counterpart_pending(candidate: Interview, known: list[Interview], mail: Message) -> Interview | None:
    """An interview with the same people that had not yet taken place when this mail was sent."""
    for iv in reversed(known):
        if _related(candidate, iv) and iv.end > mail.date:
            return iv
    return None


def _enrich(iv: Interview, messages: Sequence[Message], identity: Identity) -> Interview:
    """B5/B6 from the scheduling mail around an invitation: a Calendly booking may not name the role that
    the recruiter's mail does, and an ATS invitation from recruiting@ has a person in its mail's Reply-To."""
    iv = event_people.people_from_mail(iv, messages, identity)
    needs_contact = iv.contact is None or people.is_role_address(iv.contact.email)
    if iv.role and not needs_contact:
        return iv
    threads = set(iv.thread_message_ids)
    related = [m for m in messages if m.folder == "inbox" and m.date <= iv.end and
               (m.message_id in threads or threads & set(m.references) or
                any(people.registrable_domain(p.domain) in iv.company_domains
                    for p in ((m.sender,) if m.sender else ()) + m.reply_to))]
    role, contact, reasons = iv.role, iv.contact, list(iv.reasons)
    for m in reversed(related):  # the latest first
        if not role:
            role = companies.role_from_text(m.subject, iv.company)
            if role:
                reasons.append(f"role from the subject of {m.message_id}")
        if needs_contact:
            person = next((p for p in ((m.sender,) if m.sender else ()) + m.reply_to
                           if not identity.is_me(p.email) and people.registrable_domain(p.domain) in iv.company_domains
                           and not people.is_machine_address(p.email) and not people.is_role_address(p.email)),
                          None)
            if person is not None:
                contact, needs_contact = person, False
                reasons.append(f"contact {person.email} from {m.message_id}")
    return replace(iv, role=role, contact=contact, reasons=tuple(reasons))
