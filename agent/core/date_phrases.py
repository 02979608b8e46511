"""Reading the days a phrase names: own regexes for relative phrases ("next Friday", "within two weeks",
"early next week"), dateparser for explicit dates ("December 11", "12/11", "Dec 11th"). `dates` decides
which sentences to read and which of the days they name is the decision date (B12).

Each phrase resolves against a base day to the *end* of what it names, so that a follow-up never comes
early:
- bare weekday ("Friday", "by EOD Thursday") -> the next such day strictly after the message's day;
  "this Friday" may be today; "next Friday" -> that weekday in the following Monday-based week.
- "next week" / "the following week" -> Friday of next week; "early next week" -> Tuesday;
  "beginning of next week" -> Monday; "mid next week" -> Wednesday; "late/end of next week" -> Friday.
- "end of (the|this) week" -> Friday (said on a weekend: the next Friday).
- "in a couple of days" -> 2 days; "in a few days" -> 3 days; "another week" -> 7 days.
- "in 5-7 business days", "a week or two" -> the later bound.
- "early December" -> Dec 10; "mid December" -> Dec 15; "late/end of December" -> Dec 31.
- "next month" -> its last day; "end of the month" -> last day of the message's month.
- A day of the month: "the 14th", "by the 9th" -> the next such day on or after the message's day.
- A weekday with a day: "Monday the 14th", "Friday, December 11", "Mon 14 Dec" -> that day. The day is
  the statement; the weekday only checks it: when they disagree the day wins, and when the weekday fits
  the day's last occurrence instead (already past), the phrase names that past day (no decision day).
- Holidays (`holidays`): "after Thanksgiving", "after the holidays", "in the new year"
  -> the Friday of the first full business week after the holiday; "before/by Thanksgiving" -> the last
  business day before it; "after the holiday" (no name) -> the next holiday within three weeks.
- Skipped as too vague: bare months ("in December"), "soon", "shortly", "in the coming days",
  "several days/weeks".
- Past references ("last Friday", "yesterday", "two days ago") claim their words and name no day.

Pure functions; the caller passes the base day in.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from agent.core.business_days import business_days_after
from agent.core.holidays import holiday_hits

# --------------------------------------------------------------------------------------------------
# vocabulary

_WEEKDAY_NAMES = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
# Abbreviations only when capitalised: "Wed" is a weekday, "sat"/"sun"/"we" are ordinary words.
_WEEKDAY_ABBR = {"Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3, "Fri": 4}
MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "couple": 2, "few": 3,
}

WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WEEKDAY_ABBR = r"(?-i:Mon|Tues?|Wed|Thu(?:rs?)?|Fri)\.?"
MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
         r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)")
_NUM = (r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|"
        r"(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few)")
_UNIT = r"(?P<biz>(?:business|working)\s+)?(?P<unit>day|week|month)s?\b"


@dataclass(frozen=True)
class Hit:
    """A phrase read at sentence[start:end], naming `day` (None: a past or out-of-range day, which still
    claims its words so that nothing else reads them)."""

    start: int
    end: int
    day: date | None
    explicit: bool = False


def _number(token: str) -> int:
    token = re.sub(r"\s+of$", "", token.strip().lower())
    token = re.sub(r"^a\s+(?=couple|few)", "", token)
    return int(token) if token.isdigit() else _NUMBER_WORDS[token]


def _add(base: date, n: int, unit: str, business: bool) -> date:
    if unit == "day":
        return business_days_after(base, n) if business else base + timedelta(days=n)
    if unit == "week":
        return base + timedelta(weeks=n)
    return base + relativedelta(months=n)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _weekday(base: date, wd: int, modifier: str) -> date | None:
    modifier = " ".join(modifier.lower().split())
    if modifier == "last":
        return None  # a past reference ("last Friday")
    if modifier in ("next", "following"):
        return _monday(base) + timedelta(days=7 + wd)
    if modifier == "this":
        return base + timedelta(days=(wd - base.weekday()) % 7)
    # bare, "coming", "this coming": the next one, never today
    return base + timedelta(days=(wd - base.weekday()) % 7 or 7)


# --------------------------------------------------------------------------------------------------
# own extractors: (pattern, resolver(match, base) -> day | None)

_Resolver = Callable[[re.Match[str], date], date | None]


def _r_range(m: re.Match[str], base: date) -> date | None:
    high = max(_number(m["a"]), _number(m["b"]))
    return _add(base, high, m["unit"].lower(), bool(m["biz"]))


def _r_or_two(m: re.Match[str], base: date) -> date | None:
    # "a week or two", "the next week or two", "a week or so"
    low = _number(m["a"]) if m["a"] else 1
    high = _number(m["b"]) if m["b"] else low
    return _add(base, max(low, high), m["unit"].lower(), bool(m["biz"]))


def _r_single(m: re.Match[str], base: date) -> date | None:
    n = _number(m["n"]) if m["n"] else 1
    return _add(base, n, m["unit"].lower(), bool(m["biz"]))


def _r_eod(m: re.Match[str] | _EodMatch, base: date) -> date | None:
    when = (m["when"] or "today").lower()
    if when == "today":
        return base
    if when == "tomorrow":
        return base + timedelta(days=1)
    return _weekday(base, _WEEKDAY_NAMES[when], m["mod"] or "")


_WEEK_PART_OFFSET = {"early": 1, "earlier": 1, "beginning": 0, "start": 0, "mid": 2, "middle": 2,
                     "late": 4, "later": 4, "end": 4, "": 4}


def _r_week(m: re.Match[str], base: date) -> date | None:
    part = (m["part"] or "").lower().split()[-1] if m["part"] else ""
    part = re.sub(r"\W", "", part)
    which = (m["which"] or "this").lower().split()[-1]
    start = _monday(base)
    if which in ("next", "following", "coming") or (which in ("this", "the") and base.weekday() >= 5):
        start += timedelta(days=7)  # said on a weekend, "this week" is the coming one
    return start + timedelta(days=_WEEK_PART_OFFSET.get(part, 4))


def _month_part_day(part: str, year: int, month: int) -> date:
    part = re.sub(r"\W", "", part.lower().split()[0]) if part else ""
    if part in ("early", "beginning", "start", "first"):
        return date(year, month, 10)
    if part in ("mid", "middle"):
        return date(year, month, 15)
    return _month_end(year, month)


def _r_rel_month(m: re.Match[str], base: date) -> date | None:
    which = (m["which"] or "this").lower()
    target = base + relativedelta(months=1) if which in ("next", "following", "coming") else base
    return _month_part_day(m["part"] or "", target.year, target.month)


def _r_named_month(m: re.Match[str], base: date) -> date | None:
    month = MONTH_NUMBERS[m["month"].lower().rstrip(".")]
    year = int(m["year"]) if m["year"] else (base.year if month >= base.month else base.year + 1)
    return _month_part_day(m["part"], year, month)


def _r_day_word(m: re.Match[str], base: date) -> date | None:
    word = " ".join(m[0].lower().split())
    if "after tomorrow" in word:
        return base + timedelta(days=2)
    if "tomorrow" in word:
        return base + timedelta(days=1)
    return base  # today, tonight


def _r_past(m: re.Match[str], base: date) -> date | None:
    return None  # consumes "last Friday", "yesterday", "two days ago" so nothing else reads them


def _r_weekday(m: re.Match[str], base: date) -> date | None:
    name = m["wd"].rstrip(".")
    wd = _WEEKDAY_NAMES.get(name.lower(), _WEEKDAY_ABBR.get(name))
    if wd is None:
        return None
    return _weekday(base, wd, m["mod"] or "")


def _next_day_of_month(base: date, day: int) -> date | None:
    """The next day numbered `day` on or after `base` (skipping months too short to have it)."""
    if not 1 <= day <= 31:
        return None
    for months_ahead in range(3):
        first = date(base.year, base.month, 1) + relativedelta(months=months_ahead)
        if day <= calendar.monthrange(first.year, first.month)[1]:
            candidate = first.replace(day=day)
            if candidate >= base:
                return candidate
    return None


def _previous_day_of_month(base: date, day: int) -> date | None:
    """The last day numbered `day` before `base`, within two months."""
    for months_back in range(3):
        first = date(base.year, base.month, 1) - relativedelta(months=months_back)
        if day <= calendar.monthrange(first.year, first.month)[1] and first.replace(day=day) < base:
            return first.replace(day=day)
    return None


def _r_ordinal(m: re.Match[str], base: date) -> date | None:
    return _next_day_of_month(base, int(m["d"]))


def _weekday_number(name: str) -> int | None:
    name = name.rstrip(".")
    return _WEEKDAY_NAMES.get(name.lower(), _WEEKDAY_ABBR.get(name))


def _r_weekday_ordinal(m: re.Match[str], base: date) -> date | None:
    """"Monday the 14th": the day, checked by the weekday (the module docstring says how)."""
    day = int(m["d"] or m["d2"])
    ahead = _next_day_of_month(base, day)
    wd = _weekday_number(m["wd"])
    if ahead is not None and ahead.weekday() != wd:
        past = _previous_day_of_month(base, day)
        if past is not None and past.weekday() == wd and (base - past).days <= 31:
            return None  # "since we spoke Monday the 30th": that Monday is behind us
    return ahead


def _r_weekday_month_day(m: re.Match[str], base: date) -> date | None:
    """"Friday, December 11", "Mon 14 Dec 2026": the date; a weekday that fits this year's already past
    date makes it a past reference."""
    month = MONTH_NUMBERS[(m["m"] or m["m2"]).lower().rstrip(".")]
    day = int(m["d"] or m["d2"])
    wd = _weekday_number(m["wd"])
    years = [int(m["year"])] if m["year"] else [base.year, base.year + 1]
    for year in years:
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if m["year"] or candidate >= base:
            return candidate if base.year - 1 <= candidate.year <= base.year + 2 else None
        if candidate.weekday() == wd or (base - candidate).days <= 60:
            return None  # a past day: "we met on Monday, November 23"
    return None


def _r_week_of(m: re.Match[str], base: date) -> date | None:
    """"the week of December 14", "the week of the 14th": the Friday of that week."""
    day = int(m["d"] or m["d2"] or m["d3"])
    if m["m"] or m["m2"]:
        month = MONTH_NUMBERS[(m["m"] or m["m2"]).lower().rstrip(".")]
        year = base.year if (month, day) >= (base.month, base.day) or base.month - month < 2 else base.year + 1
        try:
            start = date(year, month, day)
        except ValueError:
            return None
    else:
        start = _next_day_of_month(base, day)  # type: ignore[assignment]
        if start is None:
            return None
    return start + timedelta(days=4 - start.weekday()) if start.weekday() < 5 else start


# What may follow "the 14th" when it is not a day: "the 2nd round", "the 3rd floor", "the 14th of December"
# (dateparser reads that one).
_NOT_A_DAY_AFTER = (r"(?!\s*(?::|am\b|pm\b|a\.m|p\.m)|\s+(?:of\s+)?(?:{MONTH})\b|\s+(?:round|interview\w*|stage|"
                    r"step|time|floor|candidate|person|place|position|choice|option|priority|attempt|version|"
                    r"draft|year|grade|edition|quarter|week|day|percentile|anniversary|one|century|annual|"
                    r"panel\w*|conversation|call|meeting|reference|applicant|hire|member|half|party|stage))").replace(
    "{MONTH}", MONTH)

_MOD = r"(?:(?P<mod>next|this\s+coming|this|coming|following|last)\s+)?"


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("".join(parts), re.IGNORECASE)


_OWN: list[tuple[re.Pattern[str], _Resolver]] = [
    (_rx(rf"\b(?:between\s+)?(?P<a>{_NUM})\s*(?:-|–|—|to|or|and)\s*(?P<b>{_NUM})\s+{_UNIT}"), _r_range),
    (_rx(rf"\b(?:(?:in|within|over)\s+)?(?:(?P<a>{_NUM})|(?:the\s+)?next)\s+{_UNIT}",
         rf"\s+or\s+(?:so\b|(?P<b>{_NUM})\b)"), _r_or_two),
    (_rx(r"\b(?:in|within|over|after|takes?|taking)\s+(?:the\s+)?(?:next\s+|coming\s+)?",
         rf"(?P<n>{_NUM})\s+(?:more\s+)?{_UNIT}"), _r_single),
    (_rx(rf"\b(?:in|within|over)\s+the\s+(?:next|coming)\s+(?P<n>){_UNIT}"), _r_single),
    (_rx(rf"\b(?P<n>{_NUM})\s+{_UNIT}\s+from\s+(?:now|today)\b"), _r_single),
    (_rx(rf"\b(?:another|an\s+additional|one\s+more|a\s+further)\s+(?:(?P<n>{_NUM})\s+)?{_UNIT}"), _r_single),
    (_rx(r"\b(?:eod|cob|end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+(?:business|play|day)|",
         r"end\s+of\s+business)\b",
         rf"(?:,?\s*(?:on\s+)?(?:{_MOD}(?P<when>{WEEKDAY})|(?P<when2>today|tomorrow)))?"),
     lambda m, b: _r_eod(_EodMatch(m), b)),
    (_rx(r"\b(?:(?P<part>early|earlier|beginning|start|mid-?|middle|late|later|(?:the\s+)?end)",
         r"(?:\s+(?:part\s+)?of)?(?:\s+the)?\s*)?",
         r"(?P<which>next|this|the\s+following|the\s+coming|following|coming)\s+week\b"), _r_week),
    (_rx(r"\b(?P<part>(?:the\s+)?end)\s+of\s+(?P<which>the|this)\s+week\b"), _r_week),
    (_rx(r"\b(?:(?P<part>early|beginning|start|mid-?|middle|late|(?:the\s+)?end)(?:\s+of)?\s*(?:the\s+)?)?",
         r"(?P<which>next|this|the\s+following|following|coming)\s+month\b"), _r_rel_month),
    (_rx(r"\b(?P<part>(?:the\s+)?end)\s+of\s+(?:the\s+)?(?P<which>)month\b"), _r_rel_month),
    (_rx(r"\b(?P<part>early|beginning\s+of|start\s+of|first\s+week\s+of|mid-?|middle\s+of|late|",
         r"(?:the\s+)?end\s+of)\s*(?:the\s+month\s+of\s+)?",
         rf"(?P<month>{MONTH})\b\.?(?:,?\s+(?P<year>20\d\d))?"), _r_named_month),
    (_rx(r"\b(?:the\s+day\s+after\s+tomorrow|tomorrow|today|tonight)\b"), _r_day_word),
    (_rx(rf"\b(?:yesterday|(?:\d+|{_NUM})\s+(?:day|week|month)s?\s+ago|earlier\s+this\s+week)\b"), _r_past),
    (_rx(rf"\b{_MOD}(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR})(?=\W|$)"), _r_weekday),
    (_rx(r"\b(?:(?:on|by|before|until|till|no\s+later\s+than|around|about)\s+(?:the\s+)?|the\s+)",
         r"(?P<d>\d{1,2})(?:st|nd|rd|th)\b", _NOT_A_DAY_AFTER), _r_ordinal),
]
# Dates written with their weekday: claimed as a whole (explicit), so the weekday is not read on its own.
_DATED: list[tuple[re.Pattern[str], _Resolver]] = [
    (_rx(rf"\b(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR}),?\s+(?:the\s+)?(?:(?P<m>{MONTH})\.?\s+(?P<d>\d{{1,2}})",
         rf"(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH})\b\.?)",
         r"(?!\d|\s*(?::|am\b|pm\b|a\.m|p\.m))(?:,?\s+(?P<year>20\d\d)\b)?"), _r_weekday_month_day),
    (_rx(rf"\b(?:the\s+)?week\s+of\s+(?:the\s+)?(?:(?P<m>{MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?|",
         rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH})\b\.?|(?P<d3>\d{{1,2}})(?:st|nd|rd|th))",
         r"(?!\d|\s*(?::|am\b|pm\b|a\.m|p\.m))"), _r_week_of),
    (_rx(rf"\b(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR}),?\s+(?:the\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?|",
         r"(?P<d2>\d{1,2})(?:st|nd|rd|th))\b", _NOT_A_DAY_AFTER), _r_weekday_ordinal),
]


class _EodMatch:
    """Adapter so `_r_eod` sees one `when` group for both alternatives of the EOD pattern."""

    def __init__(self, m: re.Match[str]):
        self._m = m

    def __getitem__(self, key: str) -> str | None:
        if key == "when":
            return self._m["when"] or self._m["when2"]
        return self._m[key]


# --------------------------------------------------------------------------------------------------
# dateparser, configured in one place and used only for explicit dates

_EXPLICIT = re.compile(
    rf"(?:\b{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?::|am|pm|a\.m|p\.m))|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b|"
    r"(?<![\d/-])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/-])|"
    r"(?<![\d-])\d{4}-\d{1,2}-\d{1,2}(?![\d-])|(?<![\d-])\d{1,2}-\d{1,2}-\d{4}(?![\d-]))",
    re.IGNORECASE,
)
# "May I ask", "we will march on": month words that are ordinary words must be capitalised to count.
_WORDY_MONTHS = re.compile(r"\b(may|march)\b")
_ABBR_DOT = re.compile(rf"\b({MONTH})\.(?=\s)", re.IGNORECASE)


def _dateparser_settings(base: datetime, date_order: str) -> dict[str, Any]:
    return {
        "RELATIVE_BASE": base,  # the message's time in the user's zone: reprocessing gives the same answer
        "PREFER_DATES_FROM": "future",
        "REQUIRE_PARTS": ["day", "month"],  # no bare "December", no bare "2"
        "DATE_ORDER": date_order,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["absolute-time", "custom-formats"],
    }


def explicit_hits(sentence: str, base: datetime, date_order: str) -> list[Hit]:
    """Every explicit date dateparser finds in `sentence` ("December 11", "12/11" read in `date_order`)."""
    from dateparser.search import search_dates  # imported lazily: 0.2 s, and only cue sentences need it

    prepared = _ABBR_DOT.sub(lambda m: m[1] + " ", sentence)  # "Dec. 11" -> "Dec  11", same offsets
    found = search_dates(prepared, languages=["en"], settings=_dateparser_settings(base, date_order)) or []
    hits: list[Hit] = []
    cursor = 0
    for text, value in found:
        # dateparser folds whitespace in what it returns, so look the text up whitespace-insensitively
        located = re.compile(r"\s+".join(map(re.escape, text.split()))).search(prepared, cursor)
        if not located:
            continue
        start, cursor = located.span()
        explicit = _EXPLICIT.search(text)
        if not explicit or _WORDY_MONTHS.fullmatch(explicit[0].split()[0]):
            continue
        # An out-of-range year still claims its span, so "Thu, 29 Apr 2015" is not read as next Thursday.
        in_range = base.year - 1 <= value.year <= base.year + 2
        hits.append(Hit(start, cursor, value.date() if in_range else None, explicit=True))
    return hits


# --------------------------------------------------------------------------------------------------
# reading one sentence


def own_hits(sentence: str, base: date) -> list[Hit]:
    """Every relative phrase the own regexes find in `sentence`, resolved against `base` (overlaps kept)."""
    hits = []
    for pattern, resolve in _OWN:
        for m in pattern.finditer(sentence):
            hits.append(Hit(m.start(), m.end(), resolve(m, base)))
    for pattern, resolve in _DATED:
        for m in pattern.finditer(sentence):
            hits.append(Hit(m.start(), m.end(), resolve(m, base), explicit=True))
    hits += [Hit(start, end, day, explicit=True) for start, end, day in holiday_hits(sentence, base)]
    return hits


def select_hits(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits: explicit dates first (so "Friday, December 11" is read as the date), then the
    longest own matches ("in the next week or two" over "in the next week")."""
    chosen: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (not h.explicit, -(h.end - h.start), h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)
