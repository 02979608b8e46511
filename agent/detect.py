"""Is this calendar event (or this sent mail) a job interview for the user? And if so: company, role,
contact and interviewers (B2-B7).

Each rule is a small named check that returns a human sentence, so `interview-agent show` can say why
an event was or was not taken for an interview. Pure: no I/O, no clock; dates come from the inputs.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from agent import people
from agent.config import Identity
from agent.model import Attendee, Event, Interview, Message, Person

# --- vocabulary ---------------------------------------------------------------------------------------

# Phrases that say "job interview" wherever they appear (title, description, subject).
_INTERVIEW = re.compile(
    r"\b(?:interview(?:s|ing)?|phone[- ]screen(?:ing)?|technical[- ]screen(?:ing)?|tech[- ]screen|"
    r"screening[- ]call|recruiter[- ](?:call|screen|chat|conversation)|hiring[- ]manager|"
    r"final[- ]round|(?:first|second|third|next|1st|2nd|3rd)[- ]round|virtual[- ]on-?site|"
    r"on-?site[- ]interview|(?:interview|on-?site|final|virtual)[- ]loop|"
    r"coding[- ](?:interview|challenge|exercise|session)|pair[- ]programming|system[- ]design|"
    r"take[- ]home[- ](?:review|debrief|presentation|discussion)|case[- ]study[- ](?:interview|presentation)|"
    r"panel[- ]interview|culture[- ](?:fit|add)|portfolio[- ](?:review|presentation))\b", re.IGNORECASE)
# Words that say interview only in a short title ("Acme onsite", "Panel with the team").
_TITLE_ONLY = re.compile(r"\b(?:on-?site|panel(?![- ]discussion))\b", re.IGNORECASE)
# "Chat with Acme about the Backend Engineer role".
_ROLE_TALK = re.compile(r"\b(?:chat|call|conversation|meeting|meet|intro(?:duction)?|connect|talk)\b.*"
                        r"\b(?:role|position|opening|opportunity|candidacy|application)\b", re.IGNORECASE)
# "for the Senior Backend Engineer role" in a description (not "opportunity": sales decks say that).
_ROLE_MENTION = re.compile(r"\b(?:for|about|regarding|discuss)\s+(?:the|our|a|an|your)\s+(?:open\s+)?"
                           r"[\w+#/.&, -]{2,60}?\s+(?:role|position|opening)\b", re.IGNORECASE)
# Words that make a generic scheduler (Calendly, ...) count as recruiting.
_RECRUITING_WORDS = re.compile(r"\b(?:recruit\w*|talent|hiring|candidate|role|position|job|careers?|"
                               r"application|opportunity|interview\w*|screen)\b", re.IGNORECASE)
# A person's title that marks them as recruiter or coordinator, not interviewer (B6).
_RECRUITER_TITLE = re.compile(
    r"\b(?:recruit(?:er|ing|ment)(?:\s+(?:coordinator|partner|lead|manager|specialist|team))?|"
    r"talent\s+(?:acquisition|partner|sourcer|specialist|lead|manager|coordinator|team)|sourcer|"
    r"(?:interview|recruiting|candidate|scheduling)\s+coordinator|coordinator|people\s+partner|"
    r"hr\s+(?:manager|partner|generalist|business\s+partner)|human\s+resources)\b", re.IGNORECASE)

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

_ROLE_NOUNS = (r"Engineer|Developer|Designer|Scientist|Analyst|Manager|Architect|Researcher|Lead|Director|"
               r"Specialist|Consultant|Administrator|Intern|SRE|Writer|Marketer|Strategist|Accountant|"
               r"Associate|Representative|Officer|Producer|Editor|Programmer|Technician|Advocate|Owner|"
               r"Counsel|Attorney|Recruiter|Coordinator|Partner|Executive|Assistant|Head of [A-Z][\w&-]*|"
               r"VP of [A-Z][\w&-]*|Generalist|Economist|Statistician")
_ROLE_WORD = r"(?:[A-Z][\w+#/.&-]*|[A-Z]{2,}|of|and|&|I{1,3}|IV)"
_ROLE_PHRASE = re.compile(rf"\b(?:{_ROLE_WORD}\s+){{0,5}}(?:{_ROLE_NOUNS})s?\b(?:\s+(?:I{{1,3}}|IV|V)\b)?")
_ROLE_STATED = re.compile(
    r"\b(?:for|about|regarding|discuss|re:?)\s+(?:the|our|a|an|your)\s+(?:open\s+)?"
    r"(?P<r>[A-Za-z][\w+#/.&, -]{1,60}?)\s+(?:role|position|opening|opportunity|job|req(?:uisition)?)\b", re.IGNORECASE)
_NOT_ROLES = frozenset({"hiring manager", "interview", "manager"})

_NAME = r"[A-Z0-9][\w&.'’-]*(?:\s+(?:[A-Z0-9&][\w&.'’-]*|of|and|de|the|for))*"
_COMPANY_WITH = re.compile(rf"\b(?i:interview(?:ing)?|chat|call|conversation|screen|meeting|onsite|loop|"
                           rf"round|intro)\s+(?i:with|at)\s+(?P<c>{_NAME})")
_COMPANY_AT = re.compile(rf"(?:{_ROLE_NOUNS})s?\s+(?:at|@)\s+(?P<c>{_NAME})")
_COMPANY_PAIR = re.compile(rf"^\s*(?P<a>{_NAME})\s*(?:<>|<->|\s[xX]\s|\s\+\s|\s/\s)\s*(?P<b>{_NAME})\s*$")
_SEGMENT_SPLIT = re.compile(r"\s+[-–—|]\s+|:\s+|\s*\|\s*")
_SIGNATURE_COMPANY = re.compile(rf"(?:\s(?:at|@)\s|\s*[|,–—-]\s*)(?P<c>{_NAME})\s*$")

_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})
_SKIP_CUTYPES = frozenset({"ROOM", "RESOURCE", "GROUP"})


@dataclass(frozen=True)
class Verdict:
    """Whether an event is the user's job interview, and the reasons in short human sentences."""

    is_interview: bool
    reasons: tuple[str, ...]


# --- small helpers --------------------------------------------------------------------------------------

def _stable_id(*parts: str) -> str:
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


def _is_human(person: Person | None) -> bool:
    return bool(person and person.email and "@" in person.email and not people.is_machine_address(person.email)
                and not people.ats_name(person.email))


def _is_individual(person: Person | None) -> bool:
    """A human with a mailbox of their own: not a system, and not a shared recruiting@ or jobs@ box."""
    return _is_human(person) and not people.is_role_address(person.email)  # type: ignore[union-attr]


def _is_external(identity: Identity, person: Person | None) -> bool:
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


def _dedupe(persons: Iterable[Person]) -> tuple[Person, ...]:
    seen: dict[str, Person] = {}
    for p in persons:
        if p.email and p.email not in seen:
            seen[p.email] = p
    return tuple(seen.values())


# --- B4 rejections: each returns a reason when it rejects, else "" --------------------------------------

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
    text = event.summary if _INTERVIEW.search(event.summary) else f"{event.summary}\n{event.description}"
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
    if _INTERVIEW.search(event.summary):
        return ""
    m = _PERSONAL.search(event.summary)
    return f"rejected: '{m.group(0)}' is a personal appointment" if m else ""


def _reject_recurring(event: Event, identity: Identity, carrier: Message | None) -> str:
    if event.recurring and not _INTERVIEW.search(event.summary):
        return "rejected: a recurring meeting whose title does not say interview"
    return ""


_REJECTIONS: tuple[Callable[[Event, Identity, Message | None], str], ...] = (
    _reject_cancelled, _reject_user_organizer, _reject_declined, _reject_own_employer, _reject_interviewer_side,
    _reject_research, _reject_media, _reject_not_hiring, _reject_public_event, _reject_bulletin,
    _reject_personal, _reject_recurring,
)


# --- B3 signals -----------------------------------------------------------------------------------------

def _word_signals(event: Event, carrier: Message | None) -> list[str]:
    found = []
    for label, text in (("title", event.summary), ("description", event.description),
                        ("invitation subject", carrier.subject if carrier else "")):
        m = _INTERVIEW.search(text)
        if m:
            found.append(f"{label} says '{m.group(0)}'")
    m = _TITLE_ONLY.search(event.summary) or _ROLE_TALK.search(event.summary)
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
            if _is_external(identity, p) and _is_recruiter(p, texts, carrier)][:1]


def _counterpart(event: Event, identity: Identity, carrier: Message | None) -> str:
    for p in _others(event, identity):
        if _is_external(identity, p) and (_is_human(p) or people.ats_name(p.email)):
            return f"counterpart outside the user's domains: {p.email}"
    for p in _carrier_senders(carrier):
        if people.ats_name(p.email) or (_is_human(p) and _is_external(identity, p)):
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


# --- B6 people --------------------------------------------------------------------------------------------

def _signature_lines(text: str) -> list[str]:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return lines[-8:]


def _is_recruiter(person: Person, texts: str, carrier: Message | None) -> bool:
    """A role address, or a recruiter/coordinator title next to the person's name in the invitation text,
    in their display name, or in the signature of the mail they sent."""
    if people.is_role_address(person.email):
        return True
    if _RECRUITER_TITLE.search(re.sub(r"\b(?:via|from)\s.*$", "", person.name)):
        return True
    sent_it = bool(carrier and carrier.sender and carrier.sender.email == person.email)
    if sent_it and any(_RECRUITER_TITLE.search(ln) for ln in _signature_lines(carrier.text)):  # type: ignore[union-attr]
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
        return bool(_RECRUITER_TITLE.match(next_line))
    # Only the phrase attached to this name, up to the next comma/semicolon/bracket: not the next person's.
    attached = re.match(r"[ \t]*(?:[,(|–—-]|is\b)?[ \t]*(?P<t>[^,;()\n]*)", after)
    if attached and _RECRUITER_TITLE.search(attached.group("t")):
        return True
    before = texts[max(0, start - 40):start].rpartition("\n")[2]
    return bool(re.search(rf"(?:{_RECRUITER_TITLE.pattern})\s*[:,–-]?\s*(?:is\s+)?$", before, re.IGNORECASE))


def _interviewers(event: Event, identity: Identity, carrier: Message | None) -> tuple[Person, ...]:
    """B6: attendees minus the user, rooms, resources, machines, decliners and recruiters; the organizer
    counts only when attending, or when nobody else does."""
    texts = _texts(event, carrier)

    def usable(p: Person) -> bool:
        return _is_human(p) and _is_external(identity, p)

    attendees = [a.person for a in event.attendees
                 if a.cutype.upper() not in _SKIP_CUTYPES and a.partstat.upper() != "DECLINED"
                 and usable(a.person)]
    chosen = [p for p in attendees if not _is_recruiter(p, texts, carrier)]
    org = event.organizer
    attending = {a.person.email for a in event.attendees}
    if org and usable(org) and org.email not in attending and not chosen and not attendees:
        chosen = [org]
    return _dedupe(chosen)


def _contact(event: Event, identity: Identity, carrier: Message | None,
             interviewers: tuple[Person, ...]) -> Person | None:
    """B6: the staffing-agency recruiter who sent it, the human organizer, the human sender, the Reply-To of
    an ATS mail, else a recruiter among the attendees; a shared recruiting@ mailbox only when no person is
    known."""
    def pick(p: Person | None, check) -> Person | None:
        return p if check(p) and _is_external(identity, p) else None

    for check in (_is_individual, _is_human):
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


# --- B5 company and role ------------------------------------------------------------------------------------

def _person_words(persons: Iterable[Person], identity: Identity) -> set[str]:
    """Words of real people's names (not of a "Security Hiring Panel" group or a "Recruiting" mailbox),
    so that a title's "Jordan / Ana" is not read as a company or role."""
    words = {w.lower() for w in identity.name.split()}
    for p in persons:
        if _is_individual(p):
            words |= {w.lower() for w in people.display_name(p).split()}
    return words


def _is_person_name(text: str, person_words: Collection[str]) -> bool:
    words = text.lower().split()
    return bool(words) and words[0] in person_words


def _strip_company(text: str) -> str:
    words = text.split()
    while words and words[-1].lower() in {"the", "and", "of", "for", "de"}:
        words.pop()
    return " ".join(words).strip(" .,'’-")


def company_from_text(text: str, person_words: Collection[str] = frozenset()) -> str:
    """A company named in a title or subject: "Interview with Acme Robotics", "Acme Robotics <> Jordan",
    "Acme Robotics - Backend Engineer - Technical Screen", "Backend Engineer at Acme Robotics"; else ""."""
    text = re.sub(r"^\s*(?:(?:re|fwd?|aw|invitation|updated invitation|invite)\s*:\s*)+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*@\s*\w{3}\s+\w{3}\s+\d.*$", "", text)  # Google's " @ Tue Dec 1, 2pm - 3pm (EST) (...)"
    for rx in (_COMPANY_WITH, _COMPANY_AT):
        for m in rx.finditer(text):
            name = _strip_company(_cut_role(m.group("c")))
            if name and not _is_person_name(name, person_words) and not _INTERVIEW.search(name):
                return name
    m = _COMPANY_PAIR.match(text)
    if m:
        for side in (m.group("a"), m.group("b")):
            if not _is_person_name(side, person_words) and not _INTERVIEW.search(side):
                return _strip_company(side)
    segments = [s.strip() for s in _SEGMENT_SPLIT.split(text) if s.strip()]
    if len(segments) >= 2:
        for seg in segments:
            if (re.fullmatch(_NAME, seg) and not _INTERVIEW.search(seg) and not _TITLE_ONLY.search(seg)
                    and not _ROLE_PHRASE.search(seg) and not _is_person_name(seg, person_words)
                    and len(seg.split()) <= 4):
                return _strip_company(seg)
    return ""


def _cut_role(name: str) -> str:
    """"Acme Robotics for the Backend Engineer" -> "Acme Robotics"."""
    return re.split(r"\s+(?:for|about|regarding|re)\b", name)[0]


def _company_from_signature(carrier: Message | None, person_words: Collection[str]) -> str:
    if carrier is None:
        return ""
    for line in _signature_lines(carrier.text):
        if _RECRUITER_TITLE.search(line) or _ROLE_PHRASE.search(line):
            m = _SIGNATURE_COMPANY.search(line)
            if m and not _RECRUITER_TITLE.search(m.group("c")) and not _ROLE_PHRASE.search(m.group("c")) \
                    and not _is_person_name(m.group("c"), person_words):
                return _strip_company(m.group("c"))
    return ""


def _cased(company: str, texts: str) -> str:
    """Prefer the spelling the text uses: domain "openai.com" gives "Openai", the title says "OpenAI"."""
    key = re.sub(r"[^a-z0-9]", "", company.lower())
    for m in re.finditer(r"[A-Z0-9][\w&]*(?:[ -][A-Z0-9][\w&]*){0,3}", texts):
        words = m.group(0).replace("-", " ").split()
        for n in range(len(words), 0, -1):
            if re.sub(r"[^a-z0-9]", "", "".join(words[:n]).lower()) == key:
                return " ".join(words[:n])
    return company


def _company_domains(event: Event, identity: Identity, carrier: Message | None) -> list[str]:
    """Registrable domains of the external, non-ATS, non-free-mail humans, interviewers' first."""
    ordered = [a.person for a in event.attendees if a.partstat.upper() != "DECLINED"
               and a.cutype.upper() not in _SKIP_CUTYPES]
    ordered += [event.organizer] if event.organizer else []
    ordered += _carrier_senders(carrier)
    domains = [people.registrable_domain(p.domain) for p in ordered
               if _is_human(p) and _is_external(identity, p) and not people.is_free_mail(p.domain)]
    return list(dict.fromkeys(domains))


def _company(event: Event, identity: Identity, carrier: Message | None,
             interviewers: tuple[Person, ...], domains: list[str]) -> str:
    texts = _texts(event, carrier)
    counted = Counter(people.registrable_domain(p.domain) for p in interviewers
                      if people.registrable_domain(p.domain) in domains)
    best = counted.most_common(1)[0][0] if counted else (domains[0] if domains else "")
    if best:
        return _cased(people.company_from_domain(best), texts)
    words = _person_words([*(a.person for a in event.attendees if a.cutype.upper() not in _SKIP_CUTYPES),
                           *([event.organizer] if event.organizer else []),
                           *_carrier_senders(carrier)], identity)
    for text in (event.summary, carrier.subject if carrier else ""):
        name = company_from_text(text, words)
        if name:
            return name
    return _company_from_signature(carrier, words)


def role_from_text(text: str, company: str = "", person_words: Collection[str] = frozenset()) -> str:
    """The role a title, subject or description states ("for the Senior Backend Engineer role",
    "Backend Engineer Interview", "Interview: Staff Data Scientist"), else ""."""
    m = _ROLE_STATED.search(text)
    if m:
        # "for the interview for the Backend Engineer role": keep what follows the last article
        role = re.split(r"\b(?:for|about|regarding|the|our|a|an|your)\s+", m.group("r"), flags=re.IGNORECASE)[-1]
        role = re.split(r"\s+(?:at|with)\s+", role)[0].strip(" ,-")
        if role and role.lower() not in _NOT_ROLES and not _INTERVIEW.fullmatch(role):
            return role
    cleaned = text
    if company:
        cleaned = re.sub(re.escape(company), " | ", cleaned, flags=re.IGNORECASE)
    cleaned = re.sub(r"\([^)]*\)", " | ", cleaned)  # "(Engineering Manager)" is usually an interviewer's title
    cleaned = _INTERVIEW.sub(" | ", cleaned)
    cleaned = re.sub(rf"\b(?:with|and)\s+{_NAME}", " | ", cleaned)  # "with Maya Chen, Engineering Manager"
    for m in _ROLE_PHRASE.finditer(cleaned):
        role = m.group(0).strip()
        words = role.split()
        while words and (words[0].lower() in person_words or words[0] in {"of", "and", "&"}):
            words = words[1:]
        role = " ".join(words)
        if role and role.lower() not in _NOT_ROLES and _ROLE_PHRASE.fullmatch(role):
            return role
    return ""


def _role(event: Event, identity: Identity, carrier: Message | None, company: str) -> str:
    words = _person_words([a.person for a in event.attendees if a.cutype.upper() not in _SKIP_CUTYPES], identity)
    for text in (event.summary, carrier.subject if carrier else ""):
        role = role_from_text(text, company, words)
        if role:
            return role
    for text in (event.description, carrier.text if carrier else ""):
        m = _ROLE_STATED.search(text)
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
        id=_stable_id("event", event.uid, event.recurrence_id), origin=origin, start=event.start, end=event.end,
        company=company, company_domains=tuple(domains), role=_role(event, identity, carrier, company),
        contact=_contact(event, identity, carrier, interviewers), interviewers=interviewers,
        title=event.summary, description=event.description,
        thread_message_ids=tuple(dict.fromkeys(m for m in thread if m)), reasons=verdict.reasons)


# --- B2: interviews known only from the user's sent mail ------------------------------------------------

_SENT_CUE = re.compile(rf"{_INTERVIEW.pattern}|{_TITLE_ONLY.pattern}", re.IGNORECASE)
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


def find_datetimes(text: str, base: datetime, timezone: str) -> list[tuple[str, datetime]]:
    """Date/time phrases in `text` as dateparser reads them, relative to `base` (aware) in `timezone`.

    The one place dateparser is configured: English only (language detection costs seconds per call),
    relative phrases against the message's own date so reprocessing is stable, ambiguous days in the future.
    """
    from dateparser.search import search_dates  # imported here: it costs ~0.2 s to load

    local_base = base.astimezone(ZoneInfo(timezone)).replace(tzinfo=None)
    settings = {"RELATIVE_BASE": local_base, "PREFER_DATES_FROM": "future", "RETURN_AS_TIMEZONE_AWARE": True,
                "TIMEZONE": timezone}
    return list(search_dates(text, languages=["en"], settings=settings) or [])  # type: ignore[arg-type]



def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def _when_in(sentence: str, message: Message, identity: Identity) -> list[datetime]:
    """Instants in one sentence that have both a day and a time of day, combining "Thursday (Dec 3)" and
    "at 10am" when dateparser returns them apart."""
    found = find_datetimes(sentence, message.date, identity.timezone)
    whole = [dt for s, dt in found if _HAS_TIME.search(s) and _HAS_DAY.search(s)]
    days = [dt for s, dt in found if _HAS_DAY.search(s) and not _HAS_TIME.search(s)]
    times = [dt for s, dt in found if _HAS_TIME.search(s) and not _HAS_DAY.search(s)]
    if not whole and len(days) == 1 and len(times) == 1:
        whole = [datetime.combine(days[0].date(), times[0].time(), tzinfo=identity.tz)]
    lo, hi = message.date, message.date + _SENT_WINDOW
    return [dt.astimezone(identity.tz) for dt in whole if lo < dt <= hi]


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


def _confirmed_time(message: Message, identity: Identity) -> tuple[datetime, str] | None:
    """The one interview time the mail confirms, with the sentence that says it."""
    subject_cue = bool(_SENT_CUE.search(message.subject))
    hits: list[tuple[datetime, str, bool]] = []
    for sentence in _sentences(message.text):
        confirm = bool(_CONFIRM.search(sentence))
        cue = _SENT_CUE.search(sentence) or (subject_cue and confirm)
        if not cue or _NEGATED.search(sentence) or (sentence.endswith("?") and not confirm):
            continue
        hits += [(dt, sentence, confirm) for dt in _when_in(sentence, message, identity)]
    distinct = {dt for dt, _, _ in hits}
    if len(distinct) > 1:  # several options: only a sentence that confirms one of them settles it
        hits = [h for h in hits if h[2]]
        distinct = {dt for dt, _, _ in hits}
    if len(distinct) != 1:
        return None
    return hits[0][0], hits[0][1]


def detect_sent(message: Message, identity: Identity) -> Interview | None:
    """An interview the user confirmed or scheduled in a sent mail at one stated date and time (B2), or None.
    Used when no invitation exists; the caller decides that."""
    if message.folder != "sent":
        return None
    external = [p for p in message.recipients if _is_external(identity, p) and not people.is_machine_address(p.email)]
    if not external:
        return None
    found = _confirmed_time(message, identity)
    if found is None:
        return None
    start, sentence = found
    interviewers = _dedupe(p for p in message.to if _is_human(p) and _is_external(identity, p)
                           and not people.is_role_address(p.email))
    domains = list(dict.fromkeys(people.registrable_domain(p.domain) for p in external
                                 if _is_human(p) and not people.is_free_mail(p.domain)))
    words = _person_words(message.recipients, identity)
    company = (_cased(people.company_from_domain(domains[0]), f"{message.subject}\n{message.text}") if domains
               else company_from_text(message.subject, words)
               or next((c for s in _sentences(message.text) if (c := _company_in_sentence(s, words))), ""))
    role = role_from_text(message.subject, company, words)
    if not role:
        m = _ROLE_STATED.search(message.text)
        role = role_from_text(m.group(0), company, words) if m else ""
    contact = next((p for p in message.to if _is_external(identity, p) and not people.is_machine_address(p.email)),
                   None)
    return Interview(
        id=_stable_id("sent", message.message_id), origin=f"sent {message.message_id}", start=start,
        end=start + (_stated_duration(sentence) or _stated_duration(message.text) or timedelta(minutes=60)),
        company=company, company_domains=tuple(domains), role=role, contact=contact, interviewers=interviewers,
        title=message.subject, description="",
        thread_message_ids=tuple(dict.fromkeys((message.message_id, *message.references))),
        reasons=(f"the user's sent mail confirms an interview: \"{sentence}\"",
                 f"at {start.isoformat()} ({identity.timezone})"))


def _company_in_sentence(sentence: str, person_words: Collection[str]) -> str:
    """"... our interview at Acme Robotics ..." inside a body sentence."""
    for rx in (_COMPANY_WITH, _COMPANY_AT):
        m = rx.search(sentence)
        if m:
            name = _strip_company(_cut_role(m.group("c")))
            if name and not _is_person_name(name, person_words) and not _HAS_DAY.search(name) \
                    and not _INTERVIEW.search(name):
                return name
    return ""
