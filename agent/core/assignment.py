"""Tying mail to interviews: each message goes to at most one interview (the planner's first step).

How (also in README "How the agent decides"): by thread (In-Reply-To/References of the scheduling mail
or of a draft the agent made), by person (contact, interviewers), by company domain, or, for
applicant-tracking and no-reply senders, by the company's name in the mail. With several interviews at
one company, mail goes to the latest interview that had started when it was written (else the first one).
Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.core import people
from agent.core.model import DraftRecord, Interview, Message, Person
from agent.core.settings import Identity


def _counterparts(m: Message) -> tuple[Person, ...]:
    if m.folder == "sent":
        return m.to + m.cc
    return tuple(p for p in ((m.sender,) if m.sender else ()) + m.reply_to)


def threads_of(m: Message) -> set[str]:
    """The Message-IDs a mail answers (In-Reply-To and References)."""
    return set(m.references) | ({m.in_reply_to} if m.in_reply_to else set())


def is_system_address(email: str) -> bool:
    """A no-reply, notification or applicant-tracking address: a system, not a person."""
    return people.is_machine_address(email) or bool(people.ats_name(email))


def assign_messages(interviews: Sequence[Interview], messages: Sequence[Message], drafts: Sequence[DraftRecord],
                    identity: Identity) -> dict[str, list[Message]]:
    """Each message goes to at most one interview (see the module docstring for how). Linear in the
    number of messages: people, domains and thread ids are looked up in indexes built once."""
    order = list(interviews)
    threads = {iv.id: set(iv.thread_message_ids) for iv in order}
    for d in drafts:
        if d.interview_id in threads:
            threads[d.interview_id].add(d.message_id)
    owners: dict[str, set[int]] = {}  # Message-ID -> positions of the interviews whose thread holds it
    by_person: dict[str, set[int]] = {}
    by_domain: dict[str, set[int]] = {}
    for i, iv in enumerate(order):
        for mid in threads[iv.id]:
            owners.setdefault(mid, set()).add(i)
        for email in {p.email for p in iv.interviewers} | ({iv.contact.email} if iv.contact else set()):
            by_person.setdefault(email, set()).add(i)
        for domain in iv.company_domains:
            by_domain.setdefault(domain, set()).add(i)
    patterns = [(i, _company_pattern(iv.company)) for i, iv in enumerate(order)]
    named = [(i, pattern) for i, pattern in patterns if pattern is not None]
    registrable: dict[str, str] = {}
    mine = identity.addresses
    out: dict[str, list[Message]] = {iv.id: [] for iv in order}
    for m in sorted(messages, key=lambda x: (x.date, x.key)):
        hits: set[int] = set()
        for ref in threads_of(m) | {m.message_id}:
            hits |= owners.get(ref, set())
        if not hits:  # no thread ties it: people, company domains, the company's name (_matches)
            for p in _counterparts(m):
                if p.email.lower() in mine:
                    continue
                registered = registrable.get(p.domain)
                if registered is None:
                    registered = registrable[p.domain] = people.registrable_domain(p.domain)
                hits |= by_person.get(p.email, set()) | by_domain.get(registered, set())
            if named and m.folder == "inbox" and m.sender is not None and is_system_address(m.sender.email):
                hits |= {i for i, pattern in named if i not in hits and _names(m, pattern)}
        if not hits:
            continue
        candidates = [order[i] for i in sorted(hits)]
        started = [iv for iv in candidates if iv.start <= m.date]
        chosen = max(started, key=lambda i: i.start) if started else min(candidates, key=lambda i: i.start)
        out[chosen.id].append(m)
        position = order.index(chosen)
        threads[chosen.id].add(m.message_id)  # replies to this mail belong here too
        owners.setdefault(m.message_id, set()).add(position)
    return out


def _company_pattern(company: str) -> re.Pattern[str] | None:
    return re.compile(r"\b" + re.escape(company) + r"\b", re.IGNORECASE) if len(company) >= 3 else None


def _names(m: Message, pattern: re.Pattern[str]) -> bool:
    sender_name = m.sender.name if m.sender else ""
    return any(pattern.search(t) for t in (m.subject, sender_name, m.text[:5000]))


def same_company(a: Interview, b: Interview) -> bool:
    """Two interviews with the same company: a shared company domain, or the same company name."""
    if set(a.company_domains) & set(b.company_domains):
        return True
    return bool(a.company) and a.company.lower() == b.company.lower()
