"""Is this calendar event a job interview for the user? B4 rejections, then B3 signals, then a
counterpart outside the user's own domains (B3).

Each rule is a small named check that returns a human sentence, so `interview-agent show` can say why
an event was or was not taken for an interview. Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from agent.core import people
from agent.core.companies import INTERVIEW, TITLE_ONLY
from agent.core.event_people import (
    carrier_senders,
    event_texts,
    group_calendar_owner,
    is_external,
    is_human,
    is_own_domain,
    is_recruiter,
    my_attendee,
    others_in,
)
from agent.core.model import Event, Message
from agent.core.settings import Identity

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


@dataclass(frozen=True)
class Verdict:
    """Whether an event is the user's job interview, and the reasons in short human sentences."""

    is_interview: bool
    reasons: tuple[str, ...]


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
    mine = my_attendee(event, identity)
    if mine and mine.partstat.upper() == "DECLINED":
        return "rejected: the user declined"
    return ""


def _reject_own_employer(event: Event, identity: Identity, carrier: Message | None) -> str:
    organizer = event.organizer
    if organizer and not identity.is_me(organizer.email) and is_own_domain(identity, organizer.domain):
        return "rejected: organized from the user's own employer (internal, or the user is interviewing)"
    others = [p for p in others_in(event, identity) if not people.is_machine_address(p.email)]
    if others and all(is_own_domain(identity, p.domain) for p in others):
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
    if carrier is not None and my_attendee(event, identity) is None:
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
    recruiting = _RECRUITING_WORDS.search(event_texts(event, carrier))
    candidates: list[tuple[str, str]] = []
    if event.organizer:
        candidates.append(("organizer", people.ats_name(event.organizer.email)))
    candidates += [("an attendee", people.ats_name(a.person.email)) for a in event.attendees]
    candidates += [("the invitation's sender", people.ats_name(p.email)) for p in carrier_senders(carrier)]
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
    texts = event_texts(event, carrier)
    return [f"{people.display_name(p) or p.email} is a recruiter" for p in others_in(event, identity)
            if is_external(identity, p) and is_recruiter(p, texts, carrier)][:1]


def _counterpart(event: Event, identity: Identity, carrier: Message | None) -> str:
    for p in others_in(event, identity):
        if is_external(identity, p) and (is_human(p) or people.ats_name(p.email)):
            return f"counterpart outside the user's domains: {p.email}"
    for p in carrier_senders(carrier):
        if people.ats_name(p.email) or (is_human(p) and is_external(identity, p)):
            return f"counterpart outside the user's domains: {p.email} sent the invitation"
    owner = group_calendar_owner(event)
    if owner:  # a GoodTime/Gem "Candidate Calendar": the company's own shared calendar invites the user
        return f"counterpart: the company's shared calendar '{owner}' organizes it"
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
