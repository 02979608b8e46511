"""The people around a calendar event (B6): who is the user, who is external, who is a human, a
recruiter, an interviewer, and the user's contact for the interview.

Used by `event_signals` (is it an interview?), `detect` (company and role) and `sent_interviews`. Pure:
no I/O, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from email.utils import parseaddr
from typing import TypeGuard

from agent.core import people
from agent.core.companies import RECRUITER_TITLE, signature_lines
from agent.core.mentions import ASSISTANT_TITLE, Mention, clean_name, fold, mentions_in, ties
from agent.core.model import Attendee, Event, Interview, Message, Person
from agent.core.settings import Identity
from agent.core.text import safe_line

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


def is_human(person: Person | None) -> TypeGuard[Person]:
    """A person's address: not a machine's (no-reply, calendar) and not an applicant-tracking system's."""
    return bool(person and person.email and "@" in person.email and not people.is_machine_address(person.email)
                and not people.ats_name(person.email))


def is_individual(person: Person | None) -> TypeGuard[Person]:
    """A human with a mailbox of their own: not a system, and not a shared recruiting@ or jobs@ box."""
    return is_human(person) and not people.is_role_address(person.email)


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


# A shared calendar's address (Google group calendars) and the words that name the calendar, not its owner.
_GROUP_CALENDAR = re.compile(r"@group\.calendar\.google\.com$", re.IGNORECASE)
_CALENDAR_WORDS = re.compile(r"\b(?:candidate|candidates|interviews?|interviewing|recruiting|recruitment|talent|"
                             r"hiring|scheduling|calendars?|team|events?)\b", re.IGNORECASE)


def group_calendar_owner(event: Event) -> str:
    """The name a shared group calendar organizing the event gives its owner: "Brightwater Bank Candidate
    Calendar" -> "Brightwater Bank", "" when the organizer is not a named group calendar (class 6)."""
    org = event.organizer
    if not org or not _GROUP_CALENDAR.search(org.email):
        return ""
    return " ".join(_CALENDAR_WORDS.sub(" ", org.name).split()).strip(" -|,")


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

def text_mentions(texts: str) -> list[Mention]:
    """The people the invitation and its mail name, with the title or label that belongs to each."""
    return mentions_in(texts)


def about(person: Person, mentions: Sequence[Mention], persons: Sequence[Person]) -> list[Mention]:
    """The mentions that are about `person`: by the address written beside the name, else by name (or, for
    an address without a display name, a name its local part agrees with); a name that fits several of
    `persons` is nobody's."""
    shown = people.display_name(person)
    mine = [m for m in mentions if ties(m, person.email, shown)]
    others = [p for p in persons if p.email and p.email != person.email]
    return [m for m in mine if m.email or not any(ties(m, o.email, people.display_name(o)) for o in others)]


def _who(person: Person) -> str:
    return people.display_name(person) or person.email


def coordinator_reason(person: Person, mentions: Sequence[Mention], persons: Sequence[Person],
                       carrier: Message | None = None) -> str:
    """Why `person` is a recruiter, coordinator or assistant (B6), or "" when nothing says so: a shared
    recruiting mailbox, a title in their display name, a title the invitation or a signature gives *their*
    name (a label on the next person's line is not theirs), or, for the sender of the mail, a recruiting
    title in its signature that names nobody else. Named "Interviewer:" outright, they are an interviewer."""
    if people.is_role_address(person.email):
        return f"{person.email} is a shared recruiting mailbox"
    shown = re.sub(r"\b(?:via|from)\s.*$", "", person.name)
    if RECRUITER_TITLE.search(shown) or ASSISTANT_TITLE.search(shown):
        return f"{_who(person)}'s display name gives a recruiting or coordinator title"
    mine = about(person, mentions, persons)
    if any(m.is_interviewer for m in mine):
        return ""
    for m in mine:
        if m.is_coordinator:
            return (f"{_who(person)} is titled '{safe_line(m.title or m.label, 60)}' "
                    "(recruiter, coordinator or assistant)")
    if carrier and carrier.sender and carrier.sender.email == person.email:
        named = {m.line for m in mentions_in(carrier.text) if not ties(m, person.email, people.display_name(person))}
        for line in signature_lines(carrier.text):
            if RECRUITER_TITLE.search(line) and not any(line in n for n in named) and not clean_name(line) \
                    and len(line.split()) <= 8 and not line.endswith((".", "?", "!")):
                return f"{_who(person)} signs the invitation's mail with a recruiting title"
    return ""


def is_recruiter(person: Person, texts: str, carrier: Message | None) -> bool:
    """A role address, or a recruiter/coordinator/assistant title that belongs to this person's name in the
    invitation text, in their display name, or in the signature of the mail they sent."""
    return bool(coordinator_reason(person, text_mentions(texts), [person], carrier))


def named(person: Person, mentions: Sequence[Mention], persons: Sequence[Person]) -> Person:
    """`person` with the name the invitation or a signature gives them when their display name is missing or
    is not a person's ("k.tanaka@lumenfield.io" named "Kenji (Analytics Lead)" -> "Kenji") (B9)."""
    if people.display_name(person):
        return person
    names = list(dict.fromkeys(m.name for m in about(person, mentions, persons)))
    best = max(names, key=lambda n: len(n.split()), default="")
    return Person(person.email, best) if best else person


def judge_people(event: Event, identity: Identity, carrier: Message | None,
                 extra_texts: Sequence[str] = ()) -> tuple[tuple[Person, ...], tuple[str, ...]]:
    """B6: the interviewers (attendees minus the user, rooms, resources, machines, decliners and recruiters,
    coordinators or assistants; the organizer counts only when attending, or when nobody else does), each
    with the name the text gives a bare address (B9), and the reasons for `show`."""
    texts = "\n".join([event_texts(event, carrier), *extra_texts])
    mentions = text_mentions(texts)
    reasons: list[str] = []

    def usable(p: Person) -> bool:
        return is_human(p) and is_external(identity, p)

    agency = agency_domain(event, identity, carrier)
    candidates = [a for a in event.attendees if a.cutype.upper() not in SKIP_CUTYPES
                  and not identity.is_me(a.person.email) and usable(a.person)]
    persons = [a.person for a in candidates] + ([event.organizer] if event.organizer else [])
    attendees, chosen = [], []
    for a in candidates:
        if a.partstat.upper() == "DECLINED":
            reasons.append(f"{_who(a.person)} declined: not an interviewer")
            continue
        if agency and people.registrable_domain(a.person.domain) == agency:
            reasons.append(f"{_who(a.person)} is with the staffing agency {agency}: the contact side, not an "
                           "interviewer")
            continue
        attendees.append(a.person)
        why = coordinator_reason(a.person, mentions, persons, carrier)
        if why:
            reasons.append(f"{why}: the contact side, not an interviewer")
        else:
            chosen.append(named(a.person, mentions, persons))
    org = event.organizer
    attending = {a.person.email for a in event.attendees}
    if org and usable(org) and org.email not in attending and not chosen and not attendees:
        chosen = [named(org, mentions, persons)]
        reasons.append(f"{_who(org)} organizes and nobody else attends: the interviewer")
    bare = {a.person.email for a in candidates if not people.display_name(a.person)}
    for p in chosen:
        reasons.append(f"{_who(p)} attends and nothing gives them a recruiting or coordinator title: thanked as an "
                       "interviewer")
        if p.email in bare and p.name:
            reasons.append(f"{p.email} has no display name; the invitation names them '{p.name}' (greeting)")
    if not chosen:
        reasons.append("no interviewer address is known: the thank-you goes to the contact")
    return dedupe(chosen), tuple(reasons)


def choose_interviewers(event: Event, identity: Identity, carrier: Message | None) -> tuple[Person, ...]:
    """B6 interviewers (see `judge_people`)."""
    return judge_people(event, identity, carrier)[0]


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
    def pick(p: Person | None, check: Callable[[Person | None], bool]) -> Person | None:
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


def people_from_mail(iv: Interview, messages: Sequence[Message], identity: Identity) -> Interview:
    """B6/B9 from the company's mail around an invitation (before the interview ends): a coordinator or
    recruiter titled only in a signature of their own mail is the contact, not an interviewer; a bare
    address named there gets that name. An invitation from the company's shared calendar with no company
    address (class 6) takes the domain of the human who wrote from the company the calendar names."""
    domains, reasons = iv.company_domains, list(iv.reasons)
    if not domains and iv.company:
        key = fold(iv.company).replace(" ", "")
        for m in messages:
            s = m.sender
            if m.folder == "inbox" and m.date <= iv.end and is_individual(s) and is_external(identity, s) \
                    and not people.is_free_mail(s.domain) and key and \
                    people.registrable_domain(s.domain).split(".")[0] == key:
                domains = (people.registrable_domain(s.domain),)
                reasons.append(f"company domain {domains[0]}: {s.email} wrote from {iv.company}")
                break
    threads = set(iv.thread_message_ids)
    related = [m for m in messages if m.folder == "inbox" and m.date <= iv.end and m.sender
               and not identity.is_me(m.sender.email)
               and (m.message_id in threads or threads & set(m.references)
                    or people.registrable_domain(m.sender.domain) in domains)]
    mentions = mentions_in("\n".join([iv.title, iv.description, *(m.text for m in related)]))
    persons = [*iv.interviewers, *([iv.contact] if iv.contact else [])]
    kept, contact = [], iv.contact
    for p in iv.interviewers:
        why = coordinator_reason(p, mentions, persons) if related else ""
        if why:
            reasons.append(f"{why} in the company's mail: the contact side, not thanked as an interviewer")
            contact = contact or p
        else:
            kept.append(named(p, mentions, persons))
            if kept[-1].name != p.name:
                reasons.append(f"{p.email} has no display name; the company's mail names them '{kept[-1].name}'")
    if iv.interviewers and not kept:
        reasons.append("no interviewer address is known: the thank-you goes to the contact")
    return replace(iv, company_domains=domains, interviewers=tuple(kept), contact=contact, reasons=tuple(reasons))


def person_words(persons: Iterable[Person], identity: Identity) -> set[str]:
    """Words of real people's names (not of a "Security Hiring Panel" group or a "Recruiting" mailbox),
    so that a title's "Jordan / Ana" is not read as a company or role."""
    words = {w.lower() for w in identity.name.split()}
    for p in persons:
        if is_individual(p):
            words |= {w.lower() for w in people.display_name(p).split()}
    return words
