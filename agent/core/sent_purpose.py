"""Is the interview a sent mail confirms the user's own job interview (B2 with B3/B4)?

A sent mail that states a date and time next to the word interview is not always the user's job interview:
the user may confirm a co-op board interview, a reporter's interview, a paid research "interview", or wish a
friend luck at her onsite. The same purpose judgment as for invitations (`purposes`) reads the mail's
subject, its text and the mail it answers; then the user must speak as the candidate ("works for me", "I
confirm", "looking forward to"), and something must say job (a role, a recruiter, someone at a company).
Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.core import people, purposes
from agent.core.companies import INTERVIEW, TITLE_ONLY, role_from_text
from agent.core.event_people import is_external, is_human
from agent.core.model import Message, Person
from agent.core.settings import Identity

_TEXT_PURPOSES = tuple(p.name for p in purposes.PURPOSES if p.name != "sales")
_STAGE = rf"(?:{INTERVIEW.pattern}|{TITLE_ONLY.pattern})"
# Someone else's interview: "good luck at your onsite", "hope her interview went well".
_WISH = re.compile(r"\b(?:good\s+luck|best\s+of\s+luck|break\s+a\s+leg|fingers\s+crossed|rooting\s+for\s+you|"
                   r"wish(?:ing)?\s+you|you'?ll\s+(?:crush|nail|ace|do\s+great)|knock\s+(?:it|them)\s+dead)\b",
                   re.IGNORECASE)
_THEIRS = re.compile(rf"\b(?:your|his|her|their)\s+(?:[\w-]+\s+){{0,2}}{_STAGE}", re.IGNORECASE)
# The user commits to the slot, in the first person.
_MINE = re.compile(r"\b(?:confirm(?:ed|ing)?|works\s+(?:well\s+)?(?:for\s+(?:me|us|the|our)|great|well|perfectly)|"
                   r"looking\s+forward|look\s+forward|see\s+you|talk\s+(?:to\s+you|then)|"
                   r"speak\s+(?:with\s+you|to\s+you|then)|i'?ll\s+be\s+there|i'?m\s+available|i\s+am\s+available|"
                   r"(?:happy|glad)\s+to|accept(?:ed|ing)?|booked|scheduled|i\s+can\s+(?:do|make)|count\s+me\s+in|"
                   r"sounds\s+(?:good|great|perfect)|let'?s\s+(?:do|go\s+with|say)|i'?ll\s+(?:call|join|dial|see)|"
                   r"i\s+will\s+(?:call|join|be))\b",
                   re.IGNORECASE)
_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|wg|sv|tr)\s*:\s*)+", re.IGNORECASE)


def _answered(message: Message, context: Sequence[Message]) -> list[Message]:
    """The mails this one answers (its thread's earlier mail), oldest first."""
    ids = {message.in_reply_to, *message.references} - {""}
    return [m for m in context if m.message_id in ids and m.message_id != message.message_id]


def _labels(persons: Sequence[Person]) -> list[str]:
    return list(dict.fromkeys(people.registrable_domain(p.domain).split(".")[0] for p in persons
                              if p.domain and not people.is_free_mail(p.domain) and not people.ats_name(p.email)))


def judge_sent(message: Message, sentence: str, identity: Identity, context: Sequence[Message] = (),
               company: str = "") -> tuple[bool, str]:
    """(True, the hiring context) when the interview that `sentence` of the user's sent `message` confirms is
    the user's own job interview, else (False, the reason it is not). `context`: other mail, of which the
    mails this one answers are read too; `company`: an employer the user's own words name ("our interview
    at Initech")."""
    earlier = _answered(message, context)
    subjects = "\n".join(_PREFIX.sub("", m.subject) for m in (message, *earlier))
    texts = "\n".join(m.text for m in (message, *earlier))
    people_around = [*message.recipients, *(m.sender for m in earlier if m.sender)]
    labels = _labels([p for p in people_around if is_external(identity, p)])

    if _WISH.search(sentence) or (_THEIRS.search(sentence) and not _MINE.search(sentence)):
        return False, "rejected: the sent mail speaks of someone else's interview (the user is not the candidate)"
    if not _MINE.search(message.text):
        return False, "rejected: the sent mail does not commit the user to the slot ('works for me', 'I confirm')"
    found = purposes.stated_purpose(subjects, labels)
    if found:
        purpose, words = found
        if not (purpose.name == "sales" and INTERVIEW.search(subjects.replace(words, " "))):
            return False, f"rejected: the subject says '{words}': {purpose.what}"
    words = purposes.hiring_words(f"{subjects}\n{texts}", labels)
    role = role_from_text(_PREFIX.sub("", message.subject))
    context_reason = (f"hiring context: the mail says '{words}'" if words
                      else f"hiring context: the subject names the role '{role}'" if role else "")
    found = purposes.find_purpose(texts, labels, kinds=_TEXT_PURPOSES)
    if found and not context_reason:
        purpose, words = found
        return False, f"rejected: the thread says '{words}': {purpose.what}, and nothing speaks of a job"
    if not context_reason and company:
        context_reason = f"hiring context: the mail names the employer '{company}'"
    if not context_reason:
        at_company = next((p for p in message.recipients if is_external(identity, p) and is_human(p)
                           and not people.is_free_mail(p.domain)), None)
        if at_company is None:
            return False, ("rejected: nothing says job (no role, no recruiter, nobody at a company): not the user's "
                           "job interview")
        context_reason = f"hiring context: {at_company.email} writes from a company domain"
    return True, context_reason
