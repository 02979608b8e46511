"""The people around a calendar event (B6): who is the user, who is external, who is a human, a
recruiter, an interviewer, and the user's contact for the interview.

Used by `event_signals` (is it an interview?), `detect` (company and role) and `sent_interviews`. Pure:
no I/O, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.utils import parseaddr

from agent.core import people
from agent.core.companies import RECRUITER_TITLE, signature_lines
from agent.core.model import Attendee, Event, Message, Person
from agent.core.settings import Identity

SKIP_CUTYPES = frozenset({"ROOM", "RESOURCE", "GROUP"})  # attendees that are never people


# --- who is who ----------------------------------------------------------------------------------------

def is_own_domain(identity: Identity, domain: str) -> bool:
    """True when `domain` belongs to the user's employer (own_domains, subdomains included)."""
    domain = domain.lower()
    for own in identity.own_domains:
        own = own.lower().lstrip("@")
        if own and (domain == own or domain.endswith("." + own)
                    or people.registrable_domain(domain) == people.registrable_domain(own)):
            return True
    return False


def _header_person(value: str) -> Person | None:
    name, addr = parseaddr(value or "")
    return Person(addr.lower(), name) if "@" in addr else None


def carrier_senders(carrier: Message | None) -> list[Person]:
    """From, Sender and Reply-To of the mail that delivered the invitation."""
    if carrier is None:
        return []
    found = [carrier.sender] if carrier.sender else []
    sender_header = _header_person(carrier.headers.get("sender", ""))
    found += [sender_header] if sender_header else []
    return found + list(carrier.reply_to)


def is_human(person: Person | None) -> bool:
    """A person's address: not a machine's (no-reply, calendar) and not an applicant-tracking system's."""
    return bool(person and person.email and "@" in person.email and not people.is_machine_address(person.email)
                and not people.ats_name(person.email))


def is_individual(person: Person | None) -> bool:
    """A human with a mailbox of their own: not a system, and not a shared recruiting@ or jobs@ box."""
    return is_human(person) and not people.is_role_address(person.email)  # type: ignore[union-attr]


def is_external(identity: Identity, person: Person | None) -> bool:
    """Someone other than the user, outside the user's own employer's domains."""
    return bool(person and person.email and not identity.is_me(person.email)
                and not is_own_domain(identity, person.domain))


def my_attendee(event: Event, identity: Identity) -> Attendee | None:
    """The user among the event's attendees, if invited."""
    return next((a for a in event.attendees if identity.is_me(a.person.email)), None)


def others_in(event: Event, identity: Identity) -> list[Person]:
    """Organizer and attendees other than the user, rooms and resources left out."""
    found = [a.person for a in event.attendees
             if a.cutype.upper() not in SKIP_CUTYPES and not identity.is_me(a.person.email)]
    if event.organizer and not identity.is_me(event.organizer.email):
        found.append(event.organizer)
    return [p for p in found if p.email]


def event_texts(event: Event, carrier: Message | None) -> str:
    """The words of an event and of the mail that carried it: title, description, subject, body."""
    return "\n".join(t for t in (event.summary, event.description, carrier.subject if carrier else "",
                                 carrier.text if carrier else "") if t)


def dedupe(persons: Iterable[Person]) -> tuple[Person, ...]:
    """Each address once, in first-seen order; people without an address dropped."""
    seen: dict[str, Person] = {}
    for p in persons:
        if p.email and p.email not in seen:
            seen[p.email] = p
    return tuple(seen.values())


# --- B6 interviewers and contact ----------------------------------------------------------------------

def is_recruiter(person: Person, texts: str, carrier: Message | None) -> bool:
    """A role address, or a recruiter/coordinator title next to the person's name in the invitation text,
    in their display name, or in the signature of the mail they sent."""
    if people.is_role_address(person.email):
        return True
    if RECRUITER_TITLE.search(re.sub(r"\b(?:via|from)\s.*$", "", person.name)):
        return True
    sent_it = bool(carrier and carrier.sender and carrier.sender.email == person.email)
    if sent_it and any(RECRUITER_TITLE.search(ln) for ln in signature_lines(carrier.text)):  # type: ignore[union-attr]
        return True
    name = people.display_name(person)
    return bool(name) and any(_titled_recruiter(texts, m.start(), m.end())
                              for m in re.finditer(re.escape(name), texts, re.IGNORECASE))


def _titled_recruiter(texts: str, start: int, end: int) -> bool:
    """Is the name at texts[start:end] labelled recruiter/coordinator? "Sam Ortiz, Recruiting Coordinator",
    "Sam Ortiz (Recruiter)", "Sam Ortiz | Talent Partner", a signature's next line, or "Recruiter: Sam Ortiz"."""
    after = texts[end:end + 80]
    if re.match(r"[ \t]*\n", after):  # the name alone on its line: the title is the next line
        next_line = after.lstrip(" \t\n").split("\n", 1)[0]
        return bool(RECRUITER_TITLE.match(next_line))
    # Only the phrase attached to this name, up to the next comma/semicolon/bracket: not the next person's.
    attached = re.match(r"[ \t]*(?:[,(|–—-]|is\b)?[ \t]*(?P<t>[^,;()\n]*)", after)
    if attached and RECRUITER_TITLE.search(attached.group("t")):
        return True
    before = texts[max(0, start - 40):start].rpartition("\n")[2]
    return bool(re.search(rf"(?:{RECRUITER_TITLE.pattern})\s*[:,–-]?\s*(?:is\s+)?$", before, re.IGNORECASE))


def choose_interviewers(event: Event, identity: Identity, carrier: Message | None) -> tuple[Person, ...]:
    """B6: attendees minus the user, rooms, resources, machines, decliners and recruiters; the organizer
    counts only when attending, or when nobody else does."""
    texts = event_texts(event, carrier)

    def usable(p: Person) -> bool:
        return is_human(p) and is_external(identity, p)

    agency = agency_domain(event, identity, carrier)
    attendees = [a.person for a in event.attendees
                 if a.cutype.upper() not in SKIP_CUTYPES and a.partstat.upper() != "DECLINED"
                 and usable(a.person) and people.registrable_domain(a.person.domain) != agency]
    chosen = [p for p in attendees if not is_recruiter(p, texts, carrier)]
    org = event.organizer
    attending = {a.person.email for a in event.attendees}
    if org and usable(org) and org.email not in attending and not chosen and not attendees:
        chosen = [org]
    return dedupe(chosen)


def agency_domain(event: Event, identity: Identity, carrier: Message | None) -> str:
    """B5/B6, a staffing agency: the registrable domain of the person who sent the client's invitation on
    (a forwarded invitation), when it is not the client's (the organizer's). Agency people arrange the
    interview: they are the user's contact, neither interviewers nor the company. "" when none."""
    org, sender = event.organizer, carrier.sender if carrier else None
    if not (org and sender and is_individual(org) and is_individual(sender) and is_external(identity, org)
            and is_external(identity, sender)) or people.is_free_mail(sender.domain):
        return ""
    agency = people.registrable_domain(sender.domain)
    return agency if agency != people.registrable_domain(org.domain) else ""


def choose_contact(event: Event, identity: Identity, carrier: Message | None,
             interviewers: tuple[Person, ...]) -> Person | None:
    """B6: the staffing-agency recruiter who sent it, the human organizer, the human sender, the Reply-To of
    an ATS mail, else a recruiter among the attendees; a shared recruiting@ mailbox only when no person is
    known."""
    def pick(p: Person | None, check) -> Person | None:
        return p if check(p) and is_external(identity, p) else None

    for check in (is_individual, is_human):
        org = pick(event.organizer, check)
        sender = pick(carrier.sender if carrier else None, check)
        if sender and org and people.registrable_domain(sender.domain) != people.registrable_domain(org.domain) \
                and all(people.registrable_domain(sender.domain) != people.registrable_domain(p.domain)
                        for p in interviewers):
            return sender  # an agency recruiter forwarded the client's invitation: they are the user's contact
        found = org or sender or next((p for p in (carrier.reply_to if carrier else ()) if pick(p, check)), None)
        if found:
            return found
        texts = event_texts(event, carrier)
        for a in event.attendees:
            if pick(a.person, check) and is_recruiter(a.person, texts, carrier):
                return a.person
    return None


def person_words(persons: Iterable[Person], identity: Identity) -> set[str]:
    """Words of real people's names (not of a "Security Hiring Panel" group or a "Recruiting" mailbox),
    so that a title's "Jordan / Ana" is not read as a company or role."""
    words = {w.lower() for w in identity.name.split()}
    for p in persons:
        if is_individual(p):
            words |= {w.lower() for w in people.display_name(p).split()}
    return words
