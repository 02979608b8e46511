"""Decision dates: find "we'll decide by Friday" in text and resolve it to a day (B12-B14).

Pure functions; the caller passes every instant in. How a phrase is read:

- A sentence is considered only when it carries a decision or timeline cue (decide, hear back, next steps,
  within, by <day>, another week, ...). A sentence without a decision word that asks the candidate to do
  something ("please confirm your availability by Friday") is a deadline for the user, not a decision.
- A sentence that joins a decision to another event ("Our panel meets next week, and we'll get back to you
  by Monday the 14th") is read clause by clause: when a clause with a cue names a day, the other clauses'
  days are not the decision's.
- Inside a cue sentence, a date that sits right after an interview/scheduling word ("your onsite on Dec 3",
  "thank you for interviewing on Monday") names the meeting, not the decision, and is dropped.
- `date_phrases` reads the days a sentence names (own regexes for relative phrases, dateparser for
  explicit dates; how each vague phrase resolves is listed there). When a sentence names several days the
  latest wins: following up too late is harmless, following up early is not.
- Explicit dates more than 180 days ahead are dropped (a misread year, or a past date pushed a year on).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from agent.core.business_days import business_days_after
from agent.core.date_phrases import (
    MONTH,
    MONTH_NUMBERS,
    WEEKDAY,
    WEEKDAY_ABBR,
    Hit,
    explicit_hits,
    own_hits,
    select_hits,
)
from agent.core.model import DecisionStatement

MAX_SENTENCE = 300
MAX_DAYS_AHEAD = 180

# --------------------------------------------------------------------------------------------------
# the decision date when none or several were stated


def default_decision(end: datetime, tz: ZoneInfo, business_days: int) -> DecisionStatement:
    """B14: no date was stated, so the decision is due `business_days` business days after the end."""
    end_day = end.astimezone(tz).date()
    return DecisionStatement(
        day=business_days_after(end_day, business_days),
        sentence=f"no date was given: {business_days} business days after the interview",
        source="default",
        stated_at=end,
    )


def latest_statement(statements: Iterable[DecisionStatement]) -> DecisionStatement | None:
    """B13: the statement said last wins; among statements said at the same instant (one mail), the latest
    day. Default statements count only when nothing was stated."""
    stated = list(statements)
    real = [s for s in stated if s.source != "default"]
    pool = real or stated
    if not pool:
        return None
    return max(pool, key=lambda s: (s.stated_at, s.day))


# --------------------------------------------------------------------------------------------------
# sentences and cues

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "e.g", "i.e", "eg", "ie", "etc", "vs",
                  "approx", "no", "inc", "ltd", "co", "a.m", "p.m", "am", "pm", "mon", "tue", "tues", "wed",
                  "thu", "thur", "thurs", "fri", "sat", "sun", *[k for k in MONTH_NUMBERS if len(k) <= 4]}
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_BULLET = re.compile(r"\n\s*(?:[-*•]|\d+[.)])\s+")


def split_sentences(text: str) -> list[str]:
    """Split mail text into sentences, whitespace folded. Paragraphs and bullets always split; hard-wrapped
    lines inside a paragraph are joined."""
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", _BULLET.sub("\n\n", "\n" + text)):
        flat = " ".join(paragraph.split())
        start = 0
        for m in _BOUNDARY.finditer(flat):
            word = re.search(r"([\w.]+)$", flat[start:m.start()])
            if word and word[1].lower() in _ABBREVIATIONS:
                continue  # "Dec. 11", "Dr. Smith", "5 p.m. Eastern"
            sentences.append(flat[start:m.end()].strip())
            start = m.end()
        if flat[start:].strip():
            sentences.append(flat[start:].strip())
    return [s for s in sentences if s]


_DECISION = re.compile(
    r"\b(?:decid\w*|decision\w*|get\s+back|got\s+back|hear\s+back|hear\s+from|update\s+you|an\s+update|"
    r"updates?\s+(?:on|by|from)|let\s+you\s+know|next\s+steps?|feedback|timeline|time\s*frame|"
    r"be\s+in\s+touch|get\s+in\s+touch|reach\s+out|circle\s+back|follow\s+up|touch\s+base|"
    r"outcome|results?|news|"
    r"more\s+time|another\s+(?:week|day|couple|few)|an\s+additional|delay\w*|push\w*\s+back|postpone\w*|"
    r"finali[sz]\w*|wrap\w*\s+up|conclude\w*|respond\s+to\s+you)\b",
    re.IGNORECASE,
)
_DEADLINE = re.compile(
    rf"\b(?:within|no\s+later\s+than|by\s+(?:the\s+)?(?:end|eod|cob|close|early|mid|late|next|this|tomorrow|"
    rf"today|{WEEKDAY}|{WEEKDAY_ABBR}|{MONTH}|\d))",
    re.IGNORECASE,
)
# A sentence without a decision word that asks the candidate to act sets the user's deadline, not theirs.
_REQUEST = re.compile(r"\b(?:please|kindly|could\s+you|can\s+you|let\s+us\s+know|confirm|send\s+(?:us|me|over)|"
                      r"submit|complete|sign|fill|reply|respond|return)\b", re.IGNORECASE)
# Words that name the meeting itself, or a past meeting: a date right after one of them is that meeting's.
_MEETING = re.compile(
    r"\b(?:interview\w*|on-?\s?site|screen\w*|call|calls|meeting|chat|availability|available|schedul\w*|"
    r"slots?|invit\w*|calendar|zoom|teams|meet|met|spoke|speaking|talk\w*|session|visit|"
    r"thank(?:s|\s+you)\s+for|conversation|appointment|starts?|start\s+date|join\w*)\b",
    re.IGNORECASE,
)
_MARKED = re.compile(r"(?:\b(?:by|within|in|no\s+later\s+than|before|until|till)\s+(?:the\s+)?"
                     r"(?:end\s+of\s+)?)$", re.IGNORECASE)


def _is_cue_sentence(sentence: str) -> bool:
    if _DECISION.search(sentence):
        return True
    return bool(_DEADLINE.search(sentence)) and not _REQUEST.search(sentence)


def _names_the_meeting(sentence: str, hit: Hit) -> bool:
    """True when the nearest cue before the date is an interview/scheduling word, not a decision word."""
    prefix = sentence[:hit.start]
    marker = _DEADLINE.match(sentence, hit.start) or _MARKED.search(prefix)
    if marker:
        return False  # "by Friday", "within a week": a deadline, whatever came before
    last_meeting = max((m.end() for m in _MEETING.finditer(prefix)), default=-1)
    last_decision = max((m.end() for m in _DECISION.finditer(prefix)), default=-1)
    return last_meeting > last_decision


# --------------------------------------------------------------------------------------------------
# the public readers


def _days_in(sentence: str, base: datetime, date_order: str, *, require_context: bool) -> list[date]:
    day0 = base.date()
    hits = select_hits(own_hits(sentence, day0) + explicit_hits(sentence, base, date_order))
    days = []
    for hit in hits:
        if hit.day is None or hit.day < day0 or hit.day > day0 + timedelta(days=MAX_DAYS_AHEAD):
            continue
        if require_context and _names_the_meeting(sentence, hit):
            continue
        days.append(hit.day)
    return days


# Where one sentence joins two statements: "Our panel meets next week, and we'll get back to you by Monday
# the 14th"; "Our partners are out this week for the holiday, so we'll be in touch after Thanksgiving".
_CLAUSE_BREAK = re.compile(
    r"\s*;\s*|(?:\s+[-–—]+\s+|\s*—\s*)(?=(?:we|I|you|they|he|she|our|someone|somebody|everyone|the\s+team)\b)|"
    r",\s+(?=(?:and|so|but|while|whereas|though|although|because|as|since|then|which\s+means)\b)|"
    r"\s+(?=(?:and|so|but)\s+(?:we|I|you|they|he|she|our|someone|somebody|the\s+team)\b)|"
    r",\s+(?=(?:we|I|you|they|he|she)(?:['’](?:ll|d|re)|\s+(?:will|would|should|shall|can|expect|hope|plan|aim|"
    r"intend|anticipate|are|may|might|need))\b)",
    re.IGNORECASE,
)


def clauses(sentence: str) -> list[str]:
    """The sentence's clauses (the whole sentence when it joins none)."""
    return [c for c in _CLAUSE_BREAK.split(sentence) if c and c.strip()]


def _decision_days(sentence: str, base: datetime, date_order: str) -> list[date]:
    """The days a cue sentence gives for the decision. When a clause carrying a decision or deadline cue
    names a day, only such clauses count: the days of the other clauses belong to another event (a
    meeting, a panel, someone's absence). Otherwise every day of the sentence counts."""
    parts = clauses(sentence)
    if len(parts) > 1:
        cued = [d for part in parts if _DECISION.search(part) or _DEADLINE.search(part)
                for d in _days_in(part, base, date_order, require_context=True)]
        if cued:
            return cued
    return _days_in(sentence, base, date_order, require_context=True)


def _fold(sentence: str) -> str:
    flat = " ".join(sentence.split())
    return flat if len(flat) <= MAX_SENTENCE else flat[:MAX_SENTENCE - 1].rstrip() + "…"


def find_decision_statements(text: str, *, stated_at: datetime, tz: ZoneInfo, source: str,
                             date_order: str = "MDY") -> list[DecisionStatement]:
    """B12: every sentence of `text` that says when the company will decide, with the day it resolves to.

    Relative phrases resolve against `stated_at` in `tz`. One statement per sentence (its latest day), in
    text order; days before `stated_at`'s day are dropped. `date_order` ("MDY" or "DMY") reads "12/11".
    """
    base = stated_at.astimezone(tz).replace(tzinfo=None)
    statements = []
    for sentence in split_sentences(text):
        if not _is_cue_sentence(sentence):
            continue
        days = _decision_days(sentence, base, date_order)
        if days:
            statements.append(DecisionStatement(day=max(days), sentence=_fold(sentence), source=source,
                                                stated_at=stated_at))
    return statements


_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")


def user_day(text: str, *, now: datetime, tz: ZoneInfo) -> date | None:
    """The day one date the user wrote names ("2026-12-11", "next Friday", "Dec 11", "in two weeks"),
    resolved against `now` in `tz`; None when it names none. No cue is needed and the 180-day limit does not
    apply: the user wrote it about this interview. ValueError for an ISO date that does not exist."""
    base = now.astimezone(tz).replace(tzinfo=None)
    iso = _ISO.fullmatch(text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError as exc:
            raise ValueError(f"{text.strip()!r} is not a real date ({exc})") from None
    hits = [h for h in select_hits(own_hits(text, base.date()) + explicit_hits(text, base, "MDY"))
            if h.day is not None]
    return max((h.day for h in hits if h.day is not None), default=None)


def parse_user_date(text: str, *, now: datetime, tz: ZoneInfo) -> date:
    """Read the DATE of `set-decision ID DATE`: "2026-12-11", "next Friday", "Dec 11", "in two weeks",
    "tomorrow". Raises ValueError saying how to write it when it cannot be read or lies in the past."""
    today = now.astimezone(tz).date()
    hint = ("write the date as YYYY-MM-DD (e.g. 2026-12-11) or as a phrase like \"next Friday\", "
            "\"Dec 11\" or \"in two weeks\"")
    try:
        day = user_day(text, now=now, tz=tz)
    except ValueError as exc:
        raise ValueError(f"{exc}; {hint}") from None
    if day is None:
        raise ValueError(f"could not read {text.strip()!r} as a date; {hint}")
    if day > today + timedelta(days=MAX_DAYS_AHEAD) and not re.search(r"\b(?:19|20)\d\d\b", text):
        # "Nov 20" typed on Nov 26 reads as next year's; far more likely the user meant a past day
        raise ValueError(f"{text.strip()!r} reads as {day.isoformat()}, more than six months ahead; "
                         f"if you meant this year's, it has passed. Add the year to be sure, e.g. "
                         f"{day.isoformat()}")
    if day < today:
        raise ValueError(f"{text.strip()!r} is {day.isoformat()}, which is in the past (today is "
                         f"{today.isoformat()}); give the day the company said it would decide")
    return day

