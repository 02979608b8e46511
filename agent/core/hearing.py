"""Hearing back (B15, B16, B18): whether a mail from the company counts, and as whose word.

- A delivery failure or an out-of-office / automatic reply never counts, whatever it says.
- Mail a person wrote counts, whatever it says; `agent.core.replies` says what it changes (B16).
- Machine mail (an applicant-tracking, no-reply or notification address, or mail marked Auto-Submitted or
  bulk) counts only when it carries the company's word on this application: a decision (a rejection, an
  offer, another round) or a new decision date. Surveys, newsletters, job alerts and reminders never do.
  Such mail counts as from the person its Reply-To names, else the company person its signature names,
  wherever it is threaded; the acknowledgement (B18) goes to that person, else to the contact.

Pure: no I/O, no clock. `agent.core.replies` (many patterns) is imported where a mail is judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from agent.core import people
from agent.core.assignment import is_system_address
from agent.core.model import Interview, Message, Person

if TYPE_CHECKING:
    from agent.core.replies import ReplyVerdict

_SIGNATURE_CHARS = 600  # the tail of a mail where a signature names its writer


@dataclass(frozen=True)
class Hearing:
    counts: bool  # hearing back (B15), or mail that never is
    verdict: ReplyVerdict
    person: Person | None  # whose word it is; None when a machine mail names nobody (the contact stands in)
    why: str  # one line for `show`


def judge(m: Message, iv: Interview, mine: frozenset[str], tz: ZoneInfo) -> Hearing:
    """B15: whether `m` (inbox mail, not from the user) counts as hearing back on `iv`, and from whom."""
    from agent.core import replies

    verdict = replies.classify_reply(m, tz)
    sender = m.sender.email if m.sender else ""
    if replies.is_bounce(m) or replies.is_out_of_office(m):
        return Hearing(False, verdict, None, "an automatic reply or bounce")
    machine = is_system_address(sender) or replies.is_auto_reply(m)
    if not machine:
        return Hearing(True, verdict, m.sender, f"from {sender}")
    if replies.is_notice(m):
        return Hearing(False, verdict, None, "a survey, newsletter, job alert or reminder")
    word = verdict.kind in ("rejection", "offer", "next_round") or (
        verdict.kind == "timeline" and verdict.statement is not None)
    if not word:
        return Hearing(False, verdict, None, "a system notice without the company's word on the application")
    person = speaker(m, iv, mine)
    who = person.email if person else "the contact"
    return Hearing(True, verdict, person, f"from {sender}, counted as {who}'s word")


def speaker(m: Message, iv: Interview, mine: frozenset[str]) -> Person | None:
    """The person a machine mail speaks for: its Reply-To (a person, not the user), else a company person
    (contact or interviewer) its signature names, else None."""
    for p in m.reply_to:
        if p.email and p.email.lower() not in mine and not is_system_address(p.email):
            return p
    tail = _words(m.text[-_SIGNATURE_CHARS:])
    known = ([iv.contact] if iv.contact else []) + list(iv.interviewers)
    for p in known:
        name = _words(people.display_name(p))
        if len(name.split()) >= 2 and f" {name} " in f" {tail} ":
            return p
    return None


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
