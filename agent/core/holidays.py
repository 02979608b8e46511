"""Holidays a company names in mail ("after Thanksgiving", "before the holidays") and the days they give (B12).

A holiday is a span of days offices are closed or thin (US calendar, computed per year). B14's default
counts Monday to Friday only; holidays matter only when a message names one:
- "after <holiday>" (also "following", "over", "once we're back from", "in the new year") -> the Friday
  of the first full business week after the span (no closure day in it), so that a follow-up never comes
  while the team is still catching up: "after Thanksgiving" said Mon Nov 23, 2026 -> Fri Dec 4.
- "before/by/until <holiday>" -> the last business day before the span.
- "after the holiday" (no name) -> the holiday that comes next within four weeks, else one that ended in
  the past week.
A sentence saying only that people are away for a holiday names no decision day (`dates` reads it only
when it carries a decision cue, and then only the cue's clause when that names a day).

Pure functions; the caller passes the base day in.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

# --------------------------------------------------------------------------------------------------
# the calendar


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The `n`th `weekday` (0 = Monday) of the month; n = -1 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


@lru_cache(maxsize=8)
def _spans(year: int) -> dict[str, tuple[date, date]]:
    """The holidays of `year` by name, each as (first day, last day) of the closure."""
    from dateutil.easter import easter

    thanksgiving = _nth_weekday(year, 11, 3, 4)
    sunday = easter(year)
    return {
        "new year": (date(year, 1, 1), date(year, 1, 1)),
        "mlk day": (_nth_weekday(year, 1, 0, 3),) * 2,
        "presidents day": (_nth_weekday(year, 2, 0, 3),) * 2,
        "easter": (sunday - timedelta(days=2), sunday + timedelta(days=1)),
        "memorial day": (_nth_weekday(year, 5, 0, -1),) * 2,
        "juneteenth": (date(year, 6, 19),) * 2,
        "independence day": (date(year, 7, 4),) * 2,
        "labor day": (_nth_weekday(year, 9, 0, 1),) * 2,
        "columbus day": (_nth_weekday(year, 10, 0, 2),) * 2,
        "veterans day": (date(year, 11, 11),) * 2,
        "thanksgiving": (thanksgiving, thanksgiving + timedelta(days=1)),
        "christmas": (date(year, 12, 24), date(year, 12, 26)),
        # the end-of-year holidays run into the next year's first day
        "holidays": (date(year, 12, 24), date(year + 1, 1, 1)),
    }


# Days most offices are closed: a business week holding one of them is not a full one.
_CLOSURES = ("new year", "memorial day", "independence day", "labor day", "thanksgiving", "christmas")


def _closed(day: date) -> bool:
    spans = _spans(day.year)
    return any(spans[name][0] <= day <= spans[name][1] for name in _CLOSURES)


def holiday_span(name: str, base: date) -> tuple[date, date] | None:
    """The named holiday's next span: the first one that ends no more than a week before `base` (said the
    Monday after Thanksgiving, "after Thanksgiving" is still this year's). Name "holiday" (singular, no
    name) is the holiday that comes next within four weeks, else one that ended in the past week; None
    when there is neither."""
    candidates = [_spans(base.year - 1), _spans(base.year), _spans(base.year + 1)]
    if name == "holiday":
        named = [span for spans in candidates for key, span in spans.items() if key != "holidays"]
        coming = [s for s in named if s[1] >= base and s[0] <= base + timedelta(days=28)]
        recent = [s for s in named if base - timedelta(days=7) <= s[1] < base]
        return min(coming, default=None) or max(recent, default=None)
    spans = [s[name] for s in candidates if name in s]
    return min((s for s in spans if s[1] >= base - timedelta(days=7)), default=None)


def first_full_week_end_after(day: date) -> date:
    """The Friday of the first Monday-to-Friday week after `day` in which no office is closed."""
    monday = day + timedelta(days=7 - day.weekday())
    while any(_closed(monday + timedelta(days=i)) for i in range(5)):
        monday += timedelta(days=7)
    return monday + timedelta(days=4)


def last_business_day_before(day: date) -> date:
    """The last Monday-to-Friday day before `day` on which offices are open."""
    current = day - timedelta(days=1)
    while current.weekday() >= 5 or _closed(current):
        current -= timedelta(days=1)
    return current


# --------------------------------------------------------------------------------------------------
# the phrases

_HOLIDAY_NAMES = [
    (r"thanksgiving", "thanksgiving"),
    (r"christmas|xmas", "christmas"),
    (r"new\s+year['’]?s?(?:\s+(?:day|eve))?|the\s+new\s+year|the\s+turn\s+of\s+the\s+year", "new year"),
    ((r"(?:the\s+)?(?:holidays|holiday\s+season|winter\s+(?:break|holidays?)|end[\s-]of[\s-]year\s+"
      r"(?:break|holidays?)|festive\s+(?:season|period|break))"), "holidays"),
    (r"easter", "easter"),
    (r"labou?r\s+day", "labor day"),
    (r"memorial\s+day", "memorial day"),
    (r"independence\s+day|(?:the\s+)?(?:4th|fourth)\s+of\s+july|july\s+(?:4th|4|fourth)", "independence day"),
    (r"juneteenth", "juneteenth"),
    (r"presidents['’]?\s+day", "presidents day"),
    (r"mlk\s+day|martin\s+luther\s+king(?:\s+jr\.?)?\s+day", "mlk day"),
    (r"veterans['’]?\s+day", "veterans day"),
    (r"columbus\s+day|indigenous\s+peoples['’]?\s+day", "columbus day"),
    (r"the\s+holiday", "holiday"),
]
_HOLIDAY = "|".join(f"(?P<h{i}>{rx})" for i, (rx, _) in enumerate(_HOLIDAY_NAMES))


def _r_holiday(m: re.Match[str], base: date) -> date | None:
    name = next(key for i, (_, key) in enumerate(_HOLIDAY_NAMES) if m[f"h{i}"])
    span = holiday_span(name, base)
    if span is None:
        return None
    when = " ".join(m["rel"].lower().split())
    if when in ("before", "by", "until", "till", "ahead of", "prior to", "in time for"):
        day = last_business_day_before(span[0])
        return day if day >= base else None
    return first_full_week_end_after(span[1])


_PHRASE = re.compile(
    r"\b(?P<rel>after|following|post|over|during|before|by|until|till|ahead\s+of|prior\s+to|in\s+time\s+for|"
    r"in|(?:once|when)\s+(?:we(?:['’]re|\s+are|\s+get)|everyone(?:['’]s|\s+is)|the\s+team\s+is)\s+back\s+from|"
    r"back\s+from)\s+(?:the\s+)?"
    rf"(?:{_HOLIDAY})(?:\s+(?:break|holidays?|weekend|day|period|season))?\b",
    re.IGNORECASE,
)


def holiday_hits(sentence: str, base: date) -> list[tuple[int, int, date | None]]:
    """(start, end, day) of every holiday phrase in `sentence`, resolved against `base` (None: no day)."""
    return [(m.start(), m.end(), _r_holiday(m, base)) for m in _PHRASE.finditer(sentence)]
