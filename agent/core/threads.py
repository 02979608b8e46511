"""The thread a follow-up answers (B17) and the subject a person would give it.

A follow-up to a person goes into the latest thread about this interview that holds a human message from
them, or the user's own mail to them (the thank-you, the reply confirming the slot). Never:
- a calendar notification: a mail carrying an invitation, update, cancellation or response ("Invitation:",
  "Updated invitation:", "Canceled event:", "Accepted:", an Outlook meeting request whose body is the
  event's description);
- an auto-reply or a bounce;
- mail from an applicant-tracking or no-reply address (no person reads the answer);
- a thread about something else with that person ("Quick request" about another opening, written after the
  interview): a mail belongs to this interview when it is in the interview's thread (the scheduling mail,
  the invitation, a draft the agent made, or a reply to any of them), was written by the interview's day
  (the run-up: scheduling, logistics), carries the company's word on the application (a decision or a
  date, `word`), or speaks of it (the word interview, the role, the invitation's title, an interviewer's
  name).
When no such mail exists the follow-up is a new message ("Following up: <role> interview").

Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from zoneinfo import ZoneInfo

from agent.core import people
from agent.core.assignment import is_system_address, threads_of
from agent.core.model import Interview, Message

_CALENDAR_SUBJECT = re.compile(
    r"^\s*(?:(?:updated\s+|new\s+|canceled\s+|cancelled\s+)?invitation(?:\s+from\s+an\s+unknown\s+sender)?|"
    r"calendar\s+invitation|(?:new|updated|canceled|cancelled)\s+event(?:\s+with\s+note)?|"
    r"event\s+(?:canceled|cancelled|updated)|canceled|cancelled|accepted|declined|tentative(?:ly\s+accepted)?|"
    r"new\s+time\s+proposed|meeting\s+(?:request|canceled|cancelled|update[d]?)|"
    r"einladung|aktualisierte\s+einladung|abgesagt|zugesagt|abgelehnt|invitation\s+mise\s+à\s+jour|annulé|"
    r"accepté|refusé|invitación|cancelado|aceptado)\s*:",
    re.IGNORECASE)
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|aw|sv|antw|rv|vs)(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_ANY_PREFIX = re.compile(r"^\s*(?:(?:re|aw|sv|fw|fwd|wg|tr|antw|rv|vs)(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
# Google Calendar's tail: " @ Tue Nov 10, 2026 2pm - 3pm (EST) (jordan.lee@gmail.com)"
_CALENDAR_TAIL = re.compile(r"\s+@\s+\w{3}\s+\w{3}\s+\d{1,2},?\s+\d{4}\b.*$")
_INTERVIEW_WORDS = re.compile(
    r"\b(?:interview\w*|entrevista\w*|entretien\w*|vorstellungsgespräch\w*|gespräch\w*|colloquio|colloqui|"
    r"sollicitatiegesprek\w*|intervista\w*)\b", re.IGNORECASE)


def is_calendar_notification(m: Message) -> bool:
    """A mail whose main content is a calendar object or that a calendar sent about one (see above)."""
    if m.events:
        return True
    return bool(_CALENDAR_SUBJECT.match(_ANY_PREFIX.sub("", m.subject)) and not _ANY_PREFIX.match(m.subject))


def bare_subject(subject: str) -> str:
    """A subject without its reply and forward prefixes ("Re: Fwd: Today: ..." -> "Today: ...")."""
    return _ANY_PREFIX.sub("", subject or "").strip()


def human_subject(subject: str) -> str:
    """A thread's subject as a person would write it: without reply prefixes, a calendar's "Invitation:"
    and its " @ <when> (<address>)" tail. "" when nothing human is left."""
    bare = _REPLY_PREFIX.sub("", subject or "").strip()
    calendar = _CALENDAR_SUBJECT.match(bare)
    if calendar:
        bare = bare[calendar.end():].strip()
        bare = _CALENDAR_TAIL.sub("", bare).strip()
    return bare


def follow_up_thread(iv: Interview, email: str, assigned: Sequence[Message], everything: Sequence[Message],
                     own_ids: Iterable[str], is_auto: Callable[[Message], bool], word: Callable[[Message], bool],
                     tz: ZoneInfo) -> Message | None:
    """The mail a follow-up to `email` answers (see the module docstring), or None for a new message.
    `assigned`: the mail tied to this interview; `own_ids`: Message-IDs of the drafts made for it;
    `is_auto(m)`: True for auto-replies and bounces; `word(m)`: True when it carries the company's word."""
    email = email.lower()
    last_day = iv.end.astimezone(tz).date()
    thread = set(iv.thread_message_ids) | set(own_ids)
    by_id = {m.message_id: m for m in assigned}
    by_id.update({m.message_id: m for m in everything if m.message_id in thread})
    best: Message | None = None
    for m in sorted(by_id.values(), key=lambda x: (x.date, x.key)):
        linked = m.message_id in thread or bool(threads_of(m) & thread)
        run_up = m.date.astimezone(tz).date() <= last_day
        if not (linked or run_up or _speaks_of(m, iv) or word(m)):
            continue
        thread.add(m.message_id)  # replies to it belong here too
        if _human_with(m, email, is_auto):
            best = m
    return best


def _human_with(m: Message, email: str, is_auto: Callable[[Message], bool]) -> bool:
    if is_calendar_notification(m):
        return False
    if m.folder == "sent":
        return email in {p.email.lower() for p in m.recipients}
    sender = m.sender.email.lower() if m.sender else ""
    return sender == email and not is_system_address(sender) and not is_auto(m)


def _speaks_of(m: Message, iv: Interview) -> bool:
    text = f"{m.subject}\n{m.text[:4000]}"
    if _INTERVIEW_WORDS.search(text):
        return True
    lowered = " ".join(text.lower().split())
    # The company by its written name or, as people shorten it ("How was Marlow?"), its first word.
    short = iv.company.split()[0] if iv.company.split() else ""
    names = [iv.role, human_subject(iv.title), iv.company, short if len(short) >= 4 else ""] + [
        people.display_name(p) for p in iv.interviewers] + [people.first_name(p) for p in iv.interviewers]
    return any(len(n) >= 3 and re.search(r"\b" + re.escape(" ".join(n.lower().split())) + r"\b", lowered)
               for n in names if n)
