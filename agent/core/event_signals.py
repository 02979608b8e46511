"""Is this calendar event a job interview for the user? B4 rejections, then B3 signals, then a
counterpart outside the user's own domains (B3).

B4 judges what the event is (`purposes`): a purpose its title states, or one its description states when
nothing there speaks of a job; who the user is in it (a colleague beside them and a private address across,
their own employer named, the user named as interviewer). B3 then wants a hiring context with the
interview words: a role, a recruiter, an applicant-tracking system, or someone at a company.

Each rule is a small named check that returns a human sentence, so `interview-agent show` can say why
an event was or was not taken for an interview. Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from agent.core import people, purposes
from agent.core.companies import INTERVIEW, TITLE_ONLY, role_from_text
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

_TEXT_PURPOSES = tuple(p.name for p in purposes.PURPOSES if p.name != "sales")  # a demo may be a stage

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

# B4: things that are never the user's job interview (purposes: `purposes`).
_EVENT = re.compile(r"\b(?:webinar|web\s+seminar|info(?:rmation(?:al)?)?\s+session|career\s+fair|job\s+fair|"
                    r"masterclass|meetup|hackathon|bootcamp|open\s+house|summit)\b", re.IGNORECASE)
_INTERVIEWER_SIDE = re.compile(r"\b(?:scorecards?|interview\s+kit|interviewer\s+(?:training|sync|calibration|"
                               r"events?|calendar)|(?:shared|share)\s+with\s+(?:the\s+)?interviewers|"
                               r"(?:interview|candidate)\s+debrief|hiring\s+committee)\b", re.IGNORECASE)
# The user named on the interviewing side ("Jordan Lee, Hiring Manager"), or someone else as the candidate.
_PANEL_ROLE = (r"(?:hiring\s+manager|interviewer|panelist|interview\s+host)\b"
               r"(?!\s*(?:interview|screen|round|chat|call|conversation|meeting))")
_CANDIDATE_LABEL = re.compile(r"(?P<n>\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*\([Cc]andidate\)|"
                              r"\b[Cc]andidate:\s*(?P<n2>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
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
    colleagues = [p for p in others if is_own_domain(identity, p.domain)]
    if colleagues and all(is_own_domain(identity, p.domain) or people.is_free_mail(p.domain) for p in others):
        return (f"rejected: a colleague ({colleagues[0].email}) attends and everyone else writes from a private "
                "address (a candidate): the user is on the interviewing side")
    employer = _for_own_employer(event, identity)
    if employer:
        return (f"rejected: the event is at or for the user's own employer ('{employer}'): the user attends for "
                "their employer (interviewing, buying, internal), not as a candidate")
    return ""


def _for_own_employer(event: Event, identity: Identity) -> str:
    """The user's own employer as the title or the organizer's name writes it ("for BrightPath",
    "BrightPath Interviewer Calendar"), else ""."""
    organizer = event.organizer.name if event.organizer else ""
    return purposes.employer_named(f"{event.summary}\n{organizer}", identity.own_domains,
                                   _company_labels(event, identity, None))


def _reject_interviewer_side(event: Event, identity: Identity, carrier: Message | None) -> str:
    organizer = event.organizer.name if event.organizer else ""
    text = f"{event.summary}\n{event.description}\n{organizer}"
    m = _INTERVIEWER_SIDE.search(text)
    if m:
        return f"rejected: '{m.group(0)}' means the user is on the interviewing side"
    if identity.name.strip():
        m = re.search(rf"\b{re.escape(identity.name.strip())}\s*(?:,|\(|\bas\b)\s*(?:the\s+)?{_PANEL_ROLE}", text,
                      re.IGNORECASE)
        if m:
            return f"rejected: the event names the user as interviewer ('{m.group(0)}')"
    mine = {w.lower() for w in identity.name.split() if len(w) > 1}
    for m in _CANDIDATE_LABEL.finditer(text):
        if not mine & {w.lower() for w in (m.group("n") or m.group("n2")).split()}:
            return f"rejected: '{m.group(0)}' names someone else as the candidate: the user is on the interviewing side"
    return ""


def _company_labels(event: Event, identity: Identity, carrier: Message | None) -> list[str]:
    """The names the counterparts' company domains spell ("northbeammedia" for northbeammedia.com)."""
    persons = [*others_in(event, identity), *carrier_senders(carrier)]
    return list(dict.fromkeys(people.registrable_domain(p.domain).split(".")[0] for p in persons
                              if p.domain and not people.is_free_mail(p.domain) and not people.ats_name(p.email)))


def _title(event: Event, carrier: Message | None) -> str:
    return f"{event.summary}\n{carrier.subject}" if carrier else event.summary


def _reject_stated_purpose(event: Event, identity: Identity, carrier: Message | None) -> str:
    """B4: the title says what the meeting is for (a board, a school, a consulate, the press, research, a
    volunteer post, a vendor), and says nothing of a job."""
    title = _title(event, carrier)
    labels = _company_labels(event, identity, carrier)
    found = purposes.stated_purpose(title, labels)
    if found is None:
        return ""
    purpose, words = found
    if purpose.name == "sales" and (INTERVIEW.search(title.replace(words, " ")) or TITLE_ONLY.search(title)) \
            and not _for_own_employer(event, identity):
        return ""  # "Final round: product demo" is a stage of a sales candidate's interview
    return f"rejected: the title says '{words}': {purpose.what}"


def _reject_purpose_in_text(event: Event, identity: Identity, carrier: Message | None) -> str:
    """B4: the description (or the invitation's mail) says what the meeting is for, and nothing in the event
    speaks of a job; a real interview may mention "our podcast team" or "usability studies"."""
    labels = _company_labels(event, identity, carrier)
    text = f"{event.description}\n{carrier.text if carrier else ''}"
    found = purposes.find_purpose(text, labels, kinds=_TEXT_PURPOSES)
    if found is None or _hiring_context(event, identity, carrier):
        return ""
    purpose, words = found
    return f"rejected: the description says '{words}': {purpose.what}, and nothing speaks of a job"


def _reject_public_event(event: Event, identity: Identity, carrier: Message | None) -> str:
    text = f"{event.summary}\n{event.description}"
    names = purposes.name_spans(text, _company_labels(event, identity, carrier))  # "Summit Tech Staffing"
    m = next((m for m in _EVENT.finditer(text) if not any(a <= m.start() and m.end() <= b for a, b in names)), None)
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
    _reject_stated_purpose, _reject_purpose_in_text, _reject_public_event, _reject_bulletin,
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


def _hiring_context(event: Event, identity: Identity, carrier: Message | None) -> str:
    """B3: what says the interview is about a job for the user: a role or hiring words in the event or
    its mail, an applicant-tracking system, a recruiter; "" when nothing does."""
    labels = _company_labels(event, identity, carrier)
    words = purposes.hiring_words(event_texts(event, carrier), labels)
    if words:
        return f"hiring context: the text says '{words}'"
    role = role_from_text(event.summary)
    if role:
        return f"hiring context: the title names the role '{role}'"
    found = [s for s in _system_signals(event, identity, carrier) if "applicant-tracking" in s]
    found += _recruiter_signals(event, identity, carrier)
    return f"hiring context: {found[0]}" if found else ""


def _employer_counterpart(event: Event, identity: Identity, carrier: Message | None) -> str:
    """B3: someone at a company (not a free-mail address) on the other side."""
    for p in [*others_in(event, identity), *carrier_senders(carrier)]:
        if is_external(identity, p) and (people.ats_name(p.email)
                                         or (is_human(p) and not people.is_free_mail(p.domain))):
            return f"hiring context: {p.email} writes from a company domain"
    return ""


_NO_SIGNAL = "rejected: nothing says job interview (no interview words, no recruiting system, no recruiter)"
_NO_CONTEXT = ("rejected: the interview words come with no hiring context (no role, recruiter or applicant-tracking "
               "system, nobody at a company)")


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
    context = _hiring_context(event, identity, carrier) or _employer_counterpart(event, identity, carrier)
    if not context:
        return Verdict(False, (*signals, _NO_CONTEXT))
    return Verdict(True, ("the user is a guest, not the organizer", *signals, counterpart, context))
