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
    r"^\s*(?:abwesenheitsnotiz|automatische\s+antwort|r[ée]ponse\s+automatique|respuesta\s+autom[áa]tica|"
    r"risposta\s+automatica|automatisch\s+antwoord|automatiskt\s+svar|automatisk\s+svar|"
    r"resposta\s+autom[áa]tica|odpowied[źz]\s+automatyczna)",
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


def _headers(msg: Message) -> dict[str, str]:
    return {k.lower(): (v or "").strip().lower() for k, v in msg.headers.items()}


def is_bounce(msg: Message) -> bool:
    """A delivery failure (DSN, "Undeliverable:", mailer-daemon): never hearing back (B15)."""
    headers = _headers(msg)
    if "x-failed-recipients" in headers or headers.get("content-type", "").startswith("multipart/report"):
        return True  # delivery status and read receipts
    local = (msg.sender.email if msg.sender else "").partition("@")[0]
    return local in ("mailer-daemon", "postmaster") or bool(_BOUNCE_SUBJECT.search(msg.subject))


def is_out_of_office(msg: Message) -> bool:
    """An answer no person wrote: out-of-office notes and automatic replies (RFC 3834 "auto-replied",
    "Automatic reply:", a short first-person absence note). Never hearing back, whatever it says (B15)."""
    headers = _headers(msg)
    if headers.get("auto-submitted", "").startswith("auto-replied"):
        return True
    if "x-autoreply" in headers or "x-autorespond" in headers or headers.get("precedence") == "auto_reply":
        return True
    if _AUTO_SUBJECT.search(msg.subject):
        return True
    return len(msg.text) <= _OOO_MAX_CHARS and bool(_OOO_TEXT.search(msg.text))


def is_auto_reply(msg: Message) -> bool:
    """B15: True for mail no human wrote in answer: auto-replies, out-of-office notes, bulk/list mail and
    delivery failures. Such mail is not hearing back, except the company's word on the application that
    an applicant-tracking system sends marked auto-generated (`agent.core.hearing`)."""
    headers = _headers(msg)
    auto_submitted = headers.get("auto-submitted")
    if auto_submitted and auto_submitted != "no":
        return True
    if headers.get("precedence") in ("auto_reply", "bulk", "junk", "list"):
        return True
    if headers.get("return-path") == "<>":
        return True  # null envelope sender: only bounces and auto-replies use it (RFC 3834 §3.3)
    return is_bounce(msg) or is_out_of_office(msg)


# Mail sent to many, or that asks the user for something: surveys, newsletters, job alerts, reminders.
# Never the company's word on the application, whoever sends it (B15).
_NOTICE_SUBJECT = _any(
    r"^\s*(?:\[[^\]]*\]\s*)?(?:friendly\s+)?reminder\b",
    r"\b(?:survey|questionnaire|feedback\s+(?:request|form)|how\s+did\s+we\s+do|rate\s+your|tell\s+us\s+about)\b",
    r"\b(?:job\s+alerts?|new\s+jobs?|jobs?\s+(?:for\s+you|you\s+(?:may|might)|that\s+match)|newsletter|digest|"
    r"talent\s+community|webinar|unsubscribe)\b",
    r"\b(?:self-?identification|eeo(?:c)?|voluntary\s+disclosure|diversity\s+(?:survey|data))\b",
)
_NOTICE_TEXT = _any(
    r"\b(?:this|our|a|the)\s+(?:short\s+|quick\s+|brief\s+|\d+-minute\s+|anonymous\s+)*"
    r"(?:survey|questionnaire)\b",
    r"\bmanage\s+(?:your\s+)?(?:job\s+)?(?:alerts|subscriptions?)\b",
    r"\bvoluntary\s+self-?identification\b",
)


def is_notice(msg: Message) -> bool:
    """A survey, newsletter, job alert or reminder (list headers, or what its subject or text asks):
    not the company's word on the application, even from the recruiter's address."""
    headers = _headers(msg)
    if headers.get("list-unsubscribe") or headers.get("list-id"):
        return True
    return bool(_NOTICE_SUBJECT.search(msg.subject) or _NOTICE_TEXT.search(msg.text[:4000]))


# --------------------------------------------------------------------------------------------------
# B16 what the reply says


@dataclass(frozen=True)
class ReplyVerdict:
    kind: str  # "rejection" | "offer" | "next_round" | "timeline" | "other"
    phrase: str  # the sentence that decided it ("" for other)
    statement: DecisionStatement | None = None  # for "timeline"; None when a delay names no day


# Rejections as a class: a negated step forward ("won't be moving forward", "not be progressing your
# application"), the choice of someone else ("decided to offer the role to another candidate", "moving forward
# with other candidates", "hired someone else"), the opening gone ("the position has been filled"), and the
# stock phrases of rejection letters ("regret to inform", "unsuccessful", "not a fit").
_NEG = r"(?:\bnot|n't|\bno\s+longer)"
_CANDIDATES = (r"(?:(?:an?|the)\s+)?(?:other|another|a\s+different|different|more\s+suitable|stronger|more\s+"
               r"(?:experienced|qualified)|better[\s-]suited|(?:an?\s+)?internal|one\s+of\s+(?:the\s+|our\s+)?other)\s+"
               r"(?:candidate|applicant|profile|individual|person|finalist)s?|someone\s+else|somebody\s+else")
_STEP = (r"(?:mov(?:e|ing)|go(?:ing)?|proceed(?:ing)?|progress(?:ing)?|advanc(?:e|ing)|continu(?:e|ing)|"
         r"pursu(?:e|ing)|tak(?:e|ing))")
_YOURS = r"(?:you\b|your\s+(?:application|candidacy|candidature|profile|cv|resume|résumé))"
_REJECTION = _any(
    # a step forward, negated: "won't be moving forward", "not be progressing your application"
    _NEG + r"\s+(?:be\s+)?(?:able\s+to\s+)?" + _STEP + r"\s+(?:forward|ahead|further)\b",
    _NEG + r"\s+(?:be\s+)?(?:able\s+to\s+)?" + _STEP + r"\s+(?:forward\s+|ahead\s+|further\s+)?(?:with\s+)?"
    + _YOURS,
    _NEG + r"\s+(?:be\s+)?(?:advancing|advance|progressing|progress|inviting|invite)\s+"
    r"(?:you\s+|your\s+(?:application|candidacy)\s+)?(?:forward|ahead|to|on|into|further)\b",
    _NEG + r"\s+(?:be\s+)?(?:going\s+to\s+|able\s+to\s+)?(?:mov|tak|advanc|progress|invit|bring)\w*\s+"
    r"(?:you|your\s+(?:application|candidacy))\s+(?:forward|ahead|to|on|into|further|back)\b",
    r"\bdecided\s+(?:not\s+to|to\s+not)\s+(?:proceed|move|progress|pursue|continue|advance|take)",
    # someone else chosen: "move forward with other candidates", "offer the role to another candidate"
    r"\b" + _STEP + r"\s+(?:forward\s+|ahead\s+)?with\s+" + _CANDIDATES,
    r"\b(?:select(?:ed|ing)?|cho(?:se|sen|osing)|hir(?:ed|ing)|went\s+with|gone\s+with|going\s+with|"
    r"identified|offer(?:ed|ing)?\s+(?:the\s+|this\s+)?(?:role|position|job|opportunity)\s+to|"
    r"extended\s+(?:an?\s+|the\s+)?offer\s+to|offer\s+(?:to|with))\s+" + _CANDIDATES,
    r"\bpursu(?:e|ing)\s+" + _CANDIDATES,
    r"\b(?:candidate|applicant|individual)s?\s+whose\s+(?:experience|background|skills|qualifications|profile)",
    r"\b(?:another|a\s+different|other)\s+(?:candidate|applicant)s?\s+(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:selected|chosen|hired|offered)",
    # the opening gone
    r"\b(?:position|role|job|vacancy|opening)\s+(?:has|have|was|is)\s+(?:now\s+)?(?:been\s+)?filled\b",
    r"\bfilled\s+the\s+(?:position|role|vacancy|opening)\b",
    # stock phrases
    r"\b(?:have|has|were|was|are|is)\s+not\s+(?:been\s+)?(?:selected|chosen|shortlisted|successful)\b",
    r"\b(?:your\s+application|you)\s+(?:was|were|has\s+been|have\s+been)\s+unsuccessful\b",
    r"\bno\s+longer\s+(?:be\s+)?(?:under|in)\s+consideration\b|\bno\s+longer\s+(?:being\s+)?considered\b",
    r"\bregret\s+to\s+(?:inform|let\s+you\s+know|tell\s+you|say|advise)",
    r"\bnot\s+(?:be\s+)?(?:a|the)\s+(?:right\s+|best\s+|strong\s+)?(?:fit|match)\b",
    r"\bgo(?:ing)?\s+(?:in\s+)?a\s+different\s+direction\b",
    r"(?:\bwon't|\bwill\s+not)\s+be\s+(?:inviting|extending|offering|scheduling)\b",
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
    r"\bmake\s+you\s+an?\s+(?:formal\s+|official\s+|verbal\s+|written\s+)?offer\b",
    r"\byour\s+(?:formal\s+|official\s+|verbal\s+|written\s+)?offer\b",
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
    r"\b(?:move|moving|advance|advancing|progress|progressing|take|taking)\s+"
    r"(?:you|your\s+(?:application|candidacy))\s+"
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
    r"\byou(?:'ve|\s+have)\s+been\s+(?:selected|shortlisted|chosen|invited|moved|advanced)\s+(?:forward\s+)?"
    r"(?:for|to|into)\s+(?:an?\s+|the\s+|our\s+)?"
    r"(?:next|second|third|final|follow-?up|further|on-?site|panel|technical|in-person|last)",
    r"\bnext\s+steps?\s+(?:is|are|will\s+be|would\s+be)\s+(?:an?|the|to)\s+[^.;!?]{0,40}?"
    r"\b(?:interview|round|on-?site|panel|meet)",
    r"\b(?:like|love|want)\s+to\s+(?:continue|proceed)\s+(?:with\s+)?(?:the\s+|your\s+)?"
    r"(?:process|interviews?|conversations?|next\s+steps?)\b",
    r"\bcome\s+(?:back\s+)?(?:in|on-?site|to\s+(?:our|the)\s+office)\s+(?:for|to)\b",
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
# A negation just before an offer or next-round phrase in the same clause undoes it ("we will not be
# moving forward with your application" is no invitation).
_NEGATED = re.compile(_NEG + r"[^,;:.!?]{0,40}$", re.IGNORECASE)
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


def _first(pattern: re.Pattern[str], sentences: list[str], *, offer: bool = False,
           positive: bool = False) -> str:
    """The first sentence (as written) where `pattern` matches without a hedge before it (nor, for a
    `positive` step such as an offer or another round, a negation just before it)."""
    for sentence in sentences:
        plain = _straight(sentence)
        for m in pattern.finditer(plain):
            if _HEDGE.search(plain[:m.start()]):
                continue
            if positive and _NEGATED.search(plain[:m.start()]):
                continue
            if offer and _NOT_A_JOB_OFFER.search(plain[m.end():m.end() + 50]):
                continue
            return sentence
    return ""


def classify_reply(msg: Message, tz: ZoneInfo) -> ReplyVerdict:
    """B16: what a human reply from the company decides (see the module docstring for the order)."""
    sentences = ([msg.subject] if msg.subject.strip() else []) + split_sentences(msg.text)
    for kind, pattern in (("rejection", _REJECTION), ("offer", _OFFER), ("next_round", _NEXT_ROUND)):
        phrase = _first(pattern, sentences, offer=kind == "offer", positive=kind != "rejection")
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
