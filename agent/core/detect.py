"""Is this calendar event a job interview for the user? And if so: company, role, contact and
interviewers (B2/B7 events to interviews, B3 signals, B4 rejections, B6 people).

Each rule is a small named check that returns a human sentence, so `interview-agent show` can say why
an event was or was not taken for an interview. Company and role come from `companies` (B5); interviews
known only from sent mail are in `sent_interviews`. Pure: no I/O, no clock; dates come from the inputs.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from email.utils import parseaddr

from agent.core import people
from agent.core.companies import (
    INTERVIEW,
    RECRUITER_TITLE,
    ROLE_STATED,
    TITLE_ONLY,
    cased,
    company_from_signature,
    company_from_text,
    role_from_text,
    signature_lines,
)
from agent.core.settings import Identity
from agent.core.model import Attendee, Event, Interview, Message, Person

# --- vocabulary ----------------------------------------------------------------------------------------

# "Chat with Acme about the Backend Engineer role".
_ROLE_TALK = re.compile(r"\b(?:chat|call|conversation|meeting|meet|intro(?:duction)?|connect|talk)\b.*"
                        r"\b(?:role|position|opening|opportunity|candidacy|application)\b", re.IGNORECASE)
# "for the Senior Backend Engineer role" in a description (not "opportunity": sales decks say that).
_ROLE_MENTION = re.compile(r"\b(?:for|about|regarding|discuss)\s+(?:the|our|a|an|your)\s+(?:open\s+)?"
                           r"[\w+#/.&, -]{2,60}?\s+(?:role|position|opening)\b", re.IGNORECASE)
# Words that make a generic scheduler (Calendly, ...) count as recruiting.
_RECRUITING_WORDS = re.compile(r"\b(?:recruit\w*|talent|hiring|candidate|role|position|job|careers?|"
                               r"application|opportunity|interview\w*|screen)\b", re.IGNORECASE)

_URL = re.compile(r"(?:https?://|www\.)\S+|<[a-z]+:[^>\s]+>", re.IGNORECASE)

# B4: things that are never the user's job interview.
_RESEARCH = re.compile(
    r"\b(?:(?:user|customer|usability|research|participant|discovery|client|stakeholder)\s+interviews?|"
    r"usability\s+(?:test|testing|study|session)s?|user\s+research|research\s+(?:session|study|call)|"
    r"(?:user|customer)\s+(?:study|studies|session|feedback\s+session)s?)\b", re.IGNORECASE)
_MEDIA = re.compile(r"\b(?:podcast|radio|television|tv\s+interview|press\s+interview|media\s+interview|"
                    r"journalist|livestream|live\s+stream|on\s+air|fireside\s+chat|panel\s+discussion|"
                    r"ama)\b", re.IGNORECASE)
_EVENT = re.compile(r"\b(?:webinar|web\s+seminar|info(?:rmation(?:al)?)?\s+session|career\s+fair|job\s+fair|"
                    r"masterclass|meetup|hackathon|bootcamp|open\s+house|summit)\b", re.IGNORECASE)
_NOT_HIRING = re.compile(r"\b(?:mock|practice|exit|stay)\s+interviews?\b|"
                         r"\binterview(?:ing)?\s+(?:practice|skills\s+(?:class|course|workshop))\b", re.IGNORECASE)
_INTERVIEWER_SIDE = re.compile(r"\b(?:scorecard|interview\s+kit|interviewer\s+(?:training|sync|calibration)|"
                               r"(?:interview|candidate)\s+debrief|hiring\s+committee)\b", re.IGNORECASE)
_BULLETIN = re.compile(r"\b(?:job\s+alerts?|jobs?\s+you\s+may\s+(?:like|be\s+interested\s+in)|"
                       r"new\s+jobs?\s+(?:matching|for\s+you)|jobs?\s+for\s+you|recommended\s+jobs?|"
                       r"jobs?\s+matching|newsletter|digest|tips|how\s+to|ace\s+(?:your|the)|"
                       r"guide\s+to|questions\s+to\s+ask|mistakes)\b", re.IGNORECASE)
_PERSONAL = re.compile(r"\b(?:dentist|dental|doctor|dr\.?\s+appt|physio\w*|therapy|therapist|haircut|"
                       r"hair\s+cut|barber|salon|vet|veterinarian|birthday|anniversary|dinner|brunch|"
                       r"massage|yoga|gym|workout|pediatrician|optometrist|orthodontist|check-?up|"
                       r"wedding|date\s+night|school\s+pickup|daycare)\b", re.IGNORECASE)

_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})
_SKIP_CUTYPES = frozenset({"ROOM", "RESOURCE", "GROUP"})


@dataclass(frozen=True)
class Verdict:
    """Whether an event is the user's job interview, and the reasons in short human sentences."""

    is_interview: bool
    reasons: tuple[str, ...]


# --- small helpers -------------------------------------------------------------------------------------

def stable_id(*parts: str) -> str:
    return "iv-" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def _is_own(identity: Identity, domain: str) -> bool:
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


def _carrier_senders(carrier: Message | None) -> list[Person]:
    """From, Sender and Reply-To of the mail that delivered the invitation."""
    if carrier is None:
        return []
    found = [carrier.sender] if carrier.sender else []
    sender_header = _header_person(carrier.headers.get("sender", ""))
    found += [sender_header] if sender_header else []
    return found + list(carrier.reply_to)


def is_human(person: Person | None) -> bool:
    return bool(person and person.email and "@" in person.email and not people.is_machine_address(person.email)
                and not people.ats_name(person.email))


def _is_individual(person: Person | None) -> bool:
    """A human with a mailbox of their own: not a system, and not a shared recruiting@ or jobs@ box."""
    return is_human(person) and not people.is_role_address(person.email)  # type: ignore[union-attr]


def is_external(identity: Identity, person: Person | None) -> bool:
    return bool(person and person.email and not identity.is_me(person.email)
                and not _is_own(identity, person.domain))


def _my_attendee(event: Event, identity: Identity) -> Attendee | None:
    return next((a for a in event.attendees if identity.is_me(a.person.email)), None)


def _others(event: Event, identity: Identity) -> list[Person]:
    """Organizer and attendees other than the user, rooms and resources left out."""
    found = [a.person for a in event.attendees
             if a.cutype.upper() not in _SKIP_CUTYPES and not identity.is_me(a.person.email)]
    if event.organizer and not identity.is_me(event.organizer.email):
        found.append(event.organizer)
    return [p for p in found if p.email]


def _texts(event: Event, carrier: Message | None) -> str:
    return "\n".join(t for t in (event.summary, event.description, carrier.subject if carrier else "",
                                 carrier.text if carrier else "") if t)


def dedupe(persons: Iterable[Person]) -> tuple[Person, ...]:
    seen: dict[str, Person] = {}
    for p in persons:
        if p.email and p.email not in seen:
            seen[p.email] = p
    return tuple(seen.values())


# --- B4 rejections: each returns a reason when it rejects, else "" -------------------------------------

def _reject_cancelled(event: Event, identity: Identity, carrier: Message | None) -> str:
    if event.status.upper() == "CANCELLED" or event.method.upper() == "CANCEL":
        return "rejected: the event is cancelled"
    return ""


def _reject_user_organizer(event: Event, identity: Identity, carrier: Message | None) -> str:
    if event.organizer and identity.is_me(event.organizer.email):
        return "rejected: the user is the organizer"
    return ""


def _reject_declined(event: Event, identity: Identity, carrier: Message | None) -> str:
    mine = _my_attendee(event, identity)
    if mine and mine.partstat.upper() == "DECLINED":
        return "rejected: the user declined"
    return ""


def _reject_own_employer(event: Event, identity: Identity, carrier: Message | None) -> str:
    if event.organizer and not identity.is_me(event.organizer.email) and _is_own(identity, event.organizer.domain):
        return "rejected: organized from the user's own employer (internal, or the user is interviewing)"
    others = [p for p in _others(event, identity) if not people.is_machine_address(p.email)]
    if others and all(_is_own(identity, p.domain) for p in others):
        return "rejected: everyone else is inside the user's own domains (internal meeting)"
    return ""


def _reject_interviewer_side(event: Event, identity: Identity, carrier: Message | None) -> str:
    m = _INTERVIEWER_SIDE.search(f"{event.summary}\n{event.description}")
    return f"rejected: '{m.group(0)}' means the user is on the interviewing side" if m else ""


def _reject_research(event: Event, identity: Identity, carrier: Message | None) -> str:
    # Description only counts when the title is silent: a real interview may mention user research.
    text = event.summary if INTERVIEW.search(event.summary) else f"{event.summary}\n{event.description}"
    m = _RESEARCH.search(text)
    return f"rejected: '{m.group(0)}' is a research session, not a job interview" if m else ""


def _reject_media(event: Event, identity: Identity, carrier: Message | None) -> str:
    m = _MEDIA.search(f"{event.summary}\n{event.description}")
    return f"rejected: '{m.group(0)}' is a media interview" if m else ""


def _reject_not_hiring(event: Event, identity: Identity, carrier: Message | None) -> str:
    m = _NOT_HIRING.search(event.summary)
    return f"rejected: '{m.group(0)}' is not a hiring interview" if m else ""


def _reject_public_event(event: Event, identity: Identity, carrier: Message | None) -> str:
    m = _EVENT.search(f"{event.summary}\n{event.description}")
    return f"rejected: '{m.group(0)}' is a public event, not an interview" if m else ""


def _reject_bulletin(event: Event, identity: Identity, carrier: Message | None) -> str:
    subject = carrier.subject if carrier else ""
    m = _BULLETIN.search(f"{event.summary}\n{subject}")
    if m:
        return f"rejected: '{m.group(0)}' is a newsletter, article or job alert"
    if carrier is not None and _my_attendee(event, identity) is None:
        h = carrier.headers
        if h.get("list-id") or h.get("list-unsubscribe") or h.get("precedence", "").strip().lower() in \
                _BULK_PRECEDENCE:
            return "rejected: it came in bulk mail (newsletter or mailing list)"
    return ""


def _reject_personal(event: Event, identity: Identity, carrier: Message | None) -> str:
    if INTERVIEW.search(event.summary):
        return ""
    m = _PERSONAL.search(event.summary)
    return f"rejected: '{m.group(0)}' is a personal appointment" if m else ""


def _reject_recurring(event: Event, identity: Identity, carrier: Message | None) -> str:
    if event.recurring and not INTERVIEW.search(event.summary):
        return "rejected: a recurring meeting whose title does not say interview"
    return ""


_REJECTIONS: tuple[Callable[[Event, Identity, Message | None], str], ...] = (
    _reject_cancelled, _reject_user_organizer, _reject_declined, _reject_own_employer, _reject_interviewer_side,
    _reject_research, _reject_media, _reject_not_hiring, _reject_public_event, _reject_bulletin,
    _reject_personal, _reject_recurring,
)


# --- B3 signals ----------------------------------------------------------------------------------------

def _word_signals(event: Event, carrier: Message | None) -> list[str]:
    found = []
    for label, text in (("title", event.summary), ("description", event.description),
                        ("invitation subject", carrier.subject if carrier else "")):
        m = INTERVIEW.search(text)
        if m:
            found.append(f"{label} says '{m.group(0)}'")
    m = TITLE_ONLY.search(event.summary) or _ROLE_TALK.search(event.summary)
    if m and not found:
        found.append(f"title says '{m.group(0)}'")
    m = _ROLE_MENTION.search(event.description)
    if m and not found:
        found.append(f"description says '{m.group(0)}'")
    return found


def _system_signals(event: Event, identity: Identity, carrier: Message | None) -> list[str]:
    """Applicant-tracking or scheduling systems among organizer, attendees, carrier senders, PRODID."""
    recruiting = _RECRUITING_WORDS.search(_texts(event, carrier))
    candidates: list[tuple[str, str]] = []
    if event.organizer:
        candidates.append(("organizer", people.ats_name(event.organizer.email)))
    candidates += [("an attendee", people.ats_name(a.person.email)) for a in event.attendees]
    candidates += [("the invitation's sender", people.ats_name(p.email)) for p in _carrier_senders(carrier)]
    candidates.append(("the calendar software (PRODID)", people.ats_in_prodid(event.prodid)))
    found = []
    for who, name in candidates:
        if not name:
            continue
        if not people.is_generic_scheduler(name):
            found.append(f"{who} is {name} (applicant-tracking system)")
        elif recruiting:
            found.append(f"{who} is {name} (scheduling system) and the text says '{recruiting.group(0)}'")
    return list(dict.fromkeys(found))


def _recruiter_signals(event: Event, identity: Identity, carrier: Message | None) -> list[str]:
    texts = _texts(event, carrier)
    return [f"{people.display_name(p) or p.email} is a recruiter" for p in _others(event, identity)
            if is_external(identity, p) and _is_recruiter(p, texts, carrier)][:1]


def _counterpart(event: Event, identity: Identity, carrier: Message | None) -> str:
    for p in _others(event, identity):
        if is_external(identity, p) and (is_human(p) or people.ats_name(p.email)):
            return f"counterpart outside the user's domains: {p.email}"
    for p in _carrier_senders(carrier):
        if people.ats_name(p.email) or (is_human(p) and is_external(identity, p)):
            return f"counterpart outside the user's domains: {p.email} sent the invitation"
    return ""


_NO_SIGNAL = "rejected: nothing says job interview (no interview words, no recruiting system, no recruiter)"


def judge_event(event: Event, identity: Identity, carrier: Message | None = None) -> Verdict:
    """Decide whether `event` is a job interview for the user (B3/B4), with the reasons why (not)."""
    # Word rules read prose, not links: a Teams join URL contains "meetup-join", a Zoom one "webinar".
    prose = replace(event, summary=_URL.sub(" ", event.summary), description=_URL.sub(" ", event.description))
    rejections = [r for r in (check(prose, identity, carrier) for check in _REJECTIONS) if r]
    if rejections:
        return Verdict(False, tuple(rejections))
    signals = (_word_signals(event, carrier) + _system_signals(event, identity, carrier)
               + _recruiter_signals(event, identity, carrier))
    if not signals:
        return Verdict(False, (_NO_SIGNAL,))
    counterpart = _counterpart(event, identity, carrier)
    if not counterpart:
        return Verdict(False, (*signals, "rejected: no counterpart outside the user's own domains"))
    return Verdict(True, ("the user is a guest, not the organizer", *signals, counterpart))


# --- B6 people -----------------------------------------------------------------------------------------

def _is_recruiter(person: Person, texts: str, carrier: Message | None) -> bool:
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


def _interviewers(event: Event, identity: Identity, carrier: Message | None) -> tuple[Person, ...]:
    """B6: attendees minus the user, rooms, resources, machines, decliners and recruiters; the organizer
    counts only when attending, or when nobody else does."""
    texts = _texts(event, carrier)

    def usable(p: Person) -> bool:
        return is_human(p) and is_external(identity, p)

    attendees = [a.person for a in event.attendees
                 if a.cutype.upper() not in _SKIP_CUTYPES and a.partstat.upper() != "DECLINED"
                 and usable(a.person)]
    chosen = [p for p in attendees if not _is_recruiter(p, texts, carrier)]
    org = event.organizer
    attending = {a.person.email for a in event.attendees}
    if org and usable(org) and org.email not in attending and not chosen and not attendees:
        chosen = [org]
    return dedupe(chosen)


def _contact(event: Event, identity: Identity, carrier: Message | None,
             interviewers: tuple[Person, ...]) -> Person | None:
    """B6: the staffing-agency recruiter who sent it, the human organizer, the human sender, the Reply-To of
    an ATS mail, else a recruiter among the attendees; a shared recruiting@ mailbox only when no person is
    known."""
    def pick(p: Person | None, check) -> Person | None:
        return p if check(p) and is_external(identity, p) else None

    for check in (_is_individual, is_human):
        org = pick(event.organizer, check)
        sender = pick(carrier.sender if carrier else None, check)
        if sender and org and people.registrable_domain(sender.domain) != people.registrable_domain(org.domain) \
                and all(people.registrable_domain(sender.domain) != people.registrable_domain(p.domain)
                        for p in interviewers):
            return sender  # an agency recruiter forwarded the client's invitation: they are the user's contact
        found = org or sender or next((p for p in (carrier.reply_to if carrier else ()) if pick(p, check)), None)
        if found:
            return found
        texts = _texts(event, carrier)
        for a in event.attendees:
            if pick(a.person, check) and _is_recruiter(a.person, texts, carrier):
                return a.person
    return None


# --- B5 company and role of an event (the text rules are in `companies`) -------------------------------

def person_words(persons: Iterable[Person], identity: Identity) -> set[str]:
    """Words of real people's names (not of a "Security Hiring Panel" group or a "Recruiting" mailbox),
    so that a title's "Jordan / Ana" is not read as a company or role."""
    words = {w.lower() for w in identity.name.split()}
    for p in persons:
        if _is_individual(p):
            words |= {w.lower() for w in people.display_name(p).split()}
    return words


def _company_domains(event: Event, identity: Identity, carrier: Message | None) -> list[str]:
    """Registrable domains of the external, non-ATS, non-free-mail humans, interviewers' first."""
    ordered = [a.person for a in event.attendees if a.partstat.upper() != "DECLINED"
               and a.cutype.upper() not in _SKIP_CUTYPES]
    ordered += [event.organizer] if event.organizer else []
    ordered += _carrier_senders(carrier)
    domains = [people.registrable_domain(p.domain) for p in ordered
               if is_human(p) and is_external(identity, p) and not people.is_free_mail(p.domain)]
    return list(dict.fromkeys(domains))


def _company(event: Event, identity: Identity, carrier: Message | None,
             interviewers: tuple[Person, ...], domains: list[str]) -> str:
    texts = _texts(event, carrier)
    counted = Counter(people.registrable_domain(p.domain) for p in interviewers
                      if people.registrable_domain(p.domain) in domains)
    best = counted.most_common(1)[0][0] if counted else (domains[0] if domains else "")
    if best:
        return cased(people.company_from_domain(best), texts)
    words = person_words([*(a.person for a in event.attendees if a.cutype.upper() not in _SKIP_CUTYPES),
                          *([event.organizer] if event.organizer else []),
                          *_carrier_senders(carrier)], identity)
    for text in (event.summary, carrier.subject if carrier else ""):
        name = company_from_text(text, words)
        if name:
            return name
    return company_from_signature(carrier, words)


def _role(event: Event, identity: Identity, carrier: Message | None, company: str) -> str:
    words = person_words([a.person for a in event.attendees if a.cutype.upper() not in _SKIP_CUTYPES], identity)
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
    interviewers = _interviewers(event, identity, carrier)
    domains = _company_domains(event, identity, carrier)
    company = _company(event, identity, carrier, interviewers, domains)
    origin = f"event {event.uid}" + (f" {event.recurrence_id}" if event.recurrence_id else "")
    thread = (carrier.message_id, *carrier.references) if carrier else ()
    return Interview(
        id=stable_id("event", event.uid, event.recurrence_id), origin=origin, start=event.start, end=event.end,
        company=company, company_domains=tuple(domains), role=_role(event, identity, carrier, company),
        contact=_contact(event, identity, carrier, interviewers), interviewers=interviewers,
        title=event.summary, description=event.description,
        thread_message_ids=tuple(dict.fromkeys(m for m in thread if m)), reasons=verdict.reasons)
