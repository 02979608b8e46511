"""What a company's mail says: an auto-reply (B15), or a rejection, offer, next round or new timeline (B16).

Pure functions over `agent.core.model.Message`; `msg.text` is already stripped of quoted earlier mail.

Order of checks in `classify_reply`, and why:
1. rejection: rejection mail borrows the others' words ("we extended an offer to another candidate",
   "we won't be inviting you to the next round", "we'll reach out if anything opens in the next 6 months"),
   so it must be ruled in or out first;
2. offer: before next round because offer mail often talks about meeting the team or next steps; the offer
   patterns refuse an "offer" of an interview, a call or a new time ("we can offer you another slot");
3. next round;
4. timeline: a new decision day (via `agent.core.dates`), or a delay without a day ("we need a bit more time",
   "we're still interviewing"), which gives kind "timeline" with `statement=None`: the caller keeps the
   current date;
5. other.
In 1-3 a match is ignored when a hedge precedes it in the same sentence ("if we decide not to proceed",
"we haven't decided whether to move forward with other candidates").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from agent.core.dates import find_decision_statements, latest_statement, split_sentences
from agent.core.model import DecisionStatement, Message

# --------------------------------------------------------------------------------------------------
# B15 auto-replies and delivery failures

def _any(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of `alternatives`."""
    return re.compile("|".join(f"(?:{alt})" for alt in alternatives), re.IGNORECASE)


_AUTO_SUBJECT = _any(
    r"^\s*(?:automatic\s+reply|auto(?:matic)?[\s-]?(?:reply|response|respons)|auto:|autoreply|autoresponse)",
    r"^\s*(?:out\s+of\s+(?:the\s+)?office|ooo\b|away\s+from\s+(?:the\s+)?office)",
    r"^\s*(?:on\s+vacation|vacation\s+reply)",
    r"^\s*(?:abwesenheitsnotiz|r[ée]ponse\s+automatique|respuesta\s+autom[áa]tica|risposta\s+automatica|"
    r"automatisch\s+antwoord)",
)
_BOUNCE_SUBJECT = _any(
    r"^\s*(?:undeliverable|undelivered\s+mail|delivery\s+status\s+notification)",
    r"^\s*(?:returned\s+mail|failure\s+notice)",
    r"^\s*(?:mail\s+delivery\s+(?:failed|failure|system)|delivery\s+(?:failure|has\s+failed|notification))",
    r"^\s*(?:non-?delivery|message\s+not\s+delivered|mail\s+system\s+error)",
)
# First-person, present-tense absence only: a human who writes "I was out of office last week, but we have
# decided..." is hearing back.
_OOO_TEXT = _any(
    r"\b(?:i\s+am|i'm|i\s+will\s+be|i'll\s+be)\s+(?:currently\s+|now\s+)?(?:out\s+of\s+(?:the\s+)?office|"
    r"away\s+(?:from|until|on|returning)|"
    r"on\s+(?:annual\s+|parental\s+|maternity\s+|paternity\s+)?(?:vacation|leave|holiday|pto))",
    r"\blimited\s+access\s+to\s+(?:my\s+)?e-?mail",
    r"\b(?:i\s+will|i'll)\s+be\s+back\s+(?:on|in|at)\b",
    r"\b(?:respond|reply|get\s+back\s+to\s+you)\s+(?:to\s+you\s+)?(?:upon|on|after)\s+my\s+return",
)
_OOO_MAX_CHARS = 1200  # out-of-office notes are short; a long human reply that mentions an absence is not one


def is_auto_reply(msg: Message) -> bool:
    """B15: True for mail no human wrote in answer: auto-replies, out-of-office notes, bulk/list mail and
    delivery failures. Such mail never counts as hearing back."""
    headers = {k.lower(): (v or "").strip().lower() for k, v in msg.headers.items()}
    auto_submitted = headers.get("auto-submitted")
    if auto_submitted and auto_submitted != "no":
        return True
    if "x-autoreply" in headers or "x-autorespond" in headers or "x-failed-recipients" in headers:
        return True
    if headers.get("precedence") in ("auto_reply", "bulk", "junk", "list"):
        return True
    if headers.get("content-type", "").startswith("multipart/report"):
        return True  # delivery status and read receipts
    if headers.get("return-path") == "<>":
        return True  # null envelope sender: only bounces and auto-replies use it (RFC 3834 §3.3)
    sender = msg.sender.email if msg.sender else ""
    local = sender.partition("@")[0]
    if local in ("mailer-daemon", "postmaster"):
        return True
    if _AUTO_SUBJECT.search(msg.subject) or _BOUNCE_SUBJECT.search(msg.subject):
        return True
    return len(msg.text) <= _OOO_MAX_CHARS and bool(_OOO_TEXT.search(msg.text))


# --------------------------------------------------------------------------------------------------
# B16 what the reply says


@dataclass(frozen=True)
class ReplyVerdict:
    kind: str  # "rejection" | "offer" | "next_round" | "timeline" | "other"
    phrase: str  # the sentence that decided it ("" for other)
    statement: DecisionStatement | None = None  # for "timeline"; None when a delay names no day


_CANDIDATES = (r"(?:other|another|a\s+different|different|more\s+suitable|stronger)\s+"
               r"(?:candidate|applicant|profile)s?")
_REJECTION = _any(
    r"\b(?:decided|chosen|opted|elected)\s+to\s+(?:move|go)\s+(?:forward|ahead)\s+with\s+(?:an?\s+)?"
    + _CANDIDATES,
    r"\b(?:not|n't|no\s+longer)\s+(?:be\s+)?(?:moving|move|going\s+to\s+move|go)\s+(?:forward|ahead)\b",
    r"\b(?:not|n't)\s+(?:be\s+)?(?:moving|advancing|advance|progressing|progress|inviting|invite)\s+"
    r"(?:you\s+|your\s+(?:application|candidacy)\s+)?(?:forward|ahead|to|on|into|further)\b",
    r"\b(?:won't|will\s+not|are\s+not|aren't|not)\s+(?:be\s+)?progress(?:ing)?\s+(?:with\s+)?your\b",
    r"\bdecided\s+(?:not\s+to|to\s+not)\s+(?:proceed|move|progress|pursue|continue|advance)",
    r"\b(?:position|role|job|vacancy|opening)\s+(?:has|have)\s+(?:now\s+)?(?:been\s+)?filled\b",
    r"\bfilled\s+the\s+(?:position|role|vacancy|opening)\b",
    r"\b(?:have|has|were|was|are|is)\s+not\s+(?:been\s+)?(?:selected|chosen|shortlisted|successful)\b",
    r"\b(?:your\s+application|you)\s+(?:was|were|has\s+been|have\s+been)\s+unsuccessful\b",
    rf"\bpursue\s+(?:an?\s+)?{_CANDIDATES}",
    r"\bregret\s+to\s+(?:inform|let\s+you\s+know|tell\s+you|say|advise)",
    r"\boffer\s+(?:to|with)\s+(?:another|a\s+different|an?\s+other|someone|a)\s+"
    r"(?:candidate|applicant|person|individual|else)",
    r"\b(?:candidate|applicant)s?\s+whose\s+(?:experience|background|skills|qualifications|profile)",
    r"\bnot\s+(?:be\s+)?(?:a|the)\s+(?:right\s+|best\s+|strong\s+)?(?:fit|match)\b",
    r"\bgo(?:ing)?\s+(?:in\s+)?a\s+different\s+direction\b",
    r"\b(?:won't|will\s+not)\s+be\s+(?:inviting|extending|offering|scheduling)\b",
    r"\b(?:unable|not\s+able|not\s+in\s+a\s+position)\s+to\s+(?:offer|extend|move|proceed|progress)",
    r"\bclos(?:e|ed|ing)\s+(?:out\s+)?your\s+(?:application|candidacy)\b",
)
_OFFER = _any(
    r"\b(?:pleased|happy|delighted|thrilled|excited|glad|like|love)\s+to\s+"
    r"(?:formally\s+)?(?:offer|extend)\b",
    r"\bextend(?:ing|ed)?\s+(?:you\s+)?(?:an?\s+)?(?:formal\s+|official\s+|verbal\s+|written\s+)?offer\b",
    r"\boffer\s+letter\b|\b(?:job|employment)\s+offer\b|\boffer\s+of\s+employment\b",
    r"\b(?:we'd|we\s+would)\s+like\s+to\s+offer\s+you\b",
    r"\boffer\s+you\s+(?:the|this)\s+(?:position|role|job)\b",
)
# What follows an "offer" that is not a job offer: an interview, a new time, a call.
_NOT_A_JOB_OFFER = _any(
    r"\b(?:interview\w*|round|reschedul\w*|slots?|times?|call|meeting|chat|availability)\b",
    r"\b(?:alternative|dates?)\b",
    r"\bopportunity\s+to\s+(?:interview|meet|speak|talk)\b",
    r"\b(?:another\s+candidate|other\s+candidate|someone\s+else)\b",
    r"\bto\s+(?:a|another|an)\s+(?:candidate|applicant)\b",
)
_NEXT_ROUND = _any(
    r"\binvit\w*\s+you\s+(?:back\s+)?(?:to|for)\s+(?:an?\s+|the\s+|our\s+)?"
    r"(?:next|second|third|final|follow-?up|further|on-?site|panel|technical|in-person|last)",
    r"\b(?:move|moving|advance|advancing|progress|progressing|take|taking)\s+you\s+"
    r"(?:forward\s+)?(?:to|into)\s+"
    r"(?:the\s+|our\s+)?(?:next|final|second|third|on-?site|last)",
    r"\bschedul\w*\s+(?:you\s+for\s+)?(?:a|an|the|your)\s+"
    r"(?:second|third|final|next|follow-?up|on-?site|panel|technical|in-person)(?:[\s-]round)?\s+"
    r"(?:interview|round|conversation|call|chat|meeting)",
    r"\b(?:to|into|for)\s+the\s+(?:next|final)\s+"
    r"(?:stage|round|step\s+of\s+(?:the|our)\s+(?:interview|process))\b",
    r"\bnext\s+(?:stage|round)\s+of\s+(?:the\s+|our\s+)?(?:interview|process|hiring)",
    r"\b(?:like|love|want)\s+(?:you\s+)?to\s+(?:meet|speak\s+with|talk\s+(?:with|to))\s+"
    r"(?:the|our|some|more|a\s+few|other|a\s+couple)\b",
    r"\b(?:move|moving|proceed|proceeding)\s+forward\s+with\s+(?:you\b|your\s+(?:application|candidacy))",
    r"\bbring\s+you\s+(?:in|on-?site|onsite|back)\b",
    r"\byou(?:'ve|\s+have)\s+(?:passed|cleared)\b",
    r"\b(?:offer|give)\s+you\s+(?:the\s+|an\s+)?opportunity\s+to\s+(?:interview|meet|speak|talk)\b",
    r"\b(?:like|love|want)\s+(?:you\s+)?to\s+"
    r"(?:interview\s+(?:you\s+)?(?:again|with)|have\s+you\s+(?:back|interview|meet))",
)
_DELAY = _any(
    r"\b(?:need|needs|take|taking|require)\s+(?:a\s+(?:bit|little)\s+|some\s+|slightly\s+)?"
    r"(?:more|longer|extra)\s+(?:time|days|than)",
    r"\btaking\s+longer\b|\bdelay\w*\b|\bpush\w*\s+back\b|\bpostpone\w*\b",
    r"\bstill\s+(?:interviewing|reviewing|evaluating|deciding|considering|meeting|finali[sz]ing|"
    r"in\s+the\s+process|waiting)\b",
    r"\b(?:not\s+yet|haven't|have\s+not|hasn't|has\s+not)\s+(?:yet\s+)?"
    r"(?:made|reached|been\s+made|finali[sz]ed|decided)\b",
    r"\bno\s+decision\s+(?:has\s+been\s+made\s+)?yet\b",
)
# A hedge before a decision phrase in the same sentence undoes it.
_HEDGE = _any(
    r"\b(?:if|whether|once|unless|in\s+case|should\s+(?:you|we)|not\s+yet|yet\s+to|no\s+decision)\b",
    r"\b(?:haven't|have\s+not|hasn't|has\s+not)\s+(?:yet\s+)?"
    r"(?:made|reached|decided|finali[sz]ed|been\s+made)\b",
    r"\bnot\s+(?:yet\s+)?(?:made|reached)\s+a\s+(?:final\s+)?decision\b",
    r"\bstill\s+(?:interviewing|reviewing|evaluating|deciding|considering|meeting|talking)\b",
)

def _fold(sentence: str) -> str:
    flat = " ".join(sentence.split())
    return flat if len(flat) <= 300 else flat[:299].rstrip() + "…"


def _straight(text: str) -> str:
    return re.sub(r"[’‘]", "'", text)  # curly apostrophes: "won’t", "we’d"


def _first(pattern: re.Pattern[str], sentences: list[str], *, offer: bool = False) -> str:
    """The first sentence (as written) where `pattern` matches without a hedge before it."""
    for sentence in sentences:
        plain = _straight(sentence)
        for m in pattern.finditer(plain):
            if _HEDGE.search(plain[:m.start()]):
                continue
            if offer and _NOT_A_JOB_OFFER.search(plain[m.end():m.end() + 50]):
                continue
            return sentence
    return ""


def classify_reply(msg: Message, tz: ZoneInfo) -> ReplyVerdict:
    """B16: what a human reply from the company decides (see the module docstring for the order)."""
    sentences = ([msg.subject] if msg.subject.strip() else []) + split_sentences(msg.text)
    for kind, pattern in (("rejection", _REJECTION), ("offer", _OFFER), ("next_round", _NEXT_ROUND)):
        phrase = _first(pattern, sentences, offer=kind == "offer")
        if phrase:
            return ReplyVerdict(kind, _fold(phrase))
    statement = latest_statement(find_decision_statements(
        _straight(msg.text), stated_at=msg.date, tz=tz, source=f"mail {msg.message_id}"))
    if statement:
        return ReplyVerdict("timeline", statement.sentence, statement)
    for sentence in sentences:
        if _DELAY.search(_straight(sentence)):
            return ReplyVerdict("timeline", _fold(sentence), None)
    return ReplyVerdict("other", "")
