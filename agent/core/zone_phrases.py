"""Times of day as people write them in mail: time-zone words and bare hours (B1, B2).

dateparser knows some abbreviations (ET, PT, CET) but not others ("CT", "Pacific", "London time"), and
reads an ambiguous one (IST, CST, BST) one fixed way (IST as Israel time). Here every zone word written
after a time is taken out of the sentence before dateparser reads it, and put back by this module:

- an unambiguous word names one zone ("PT", "Eastern", "CET", "London time");
- an ambiguous abbreviation is read as the meaning that agrees with another time written in the same
  sentence ("9:00 PM IST (7:30 AM PT for you)"), else as the user's own zone when one of its meanings has
  the user's UTC offset at that time (IST for a user in Kolkata is India, for a user in Dublin Irish
  summer time), else as its most common meaning in hiring mail;
- a time with no zone word floats in the user's zone.

A bare hour after "at" ("Friday at 11") is read as a working-hours time: 7-11 in the morning, 12-6 in
the afternoon. Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

_US = {"Pacific": "America/Los_Angeles", "Mountain": "America/Denver", "Central": "America/Chicago",
       "Eastern": "America/New_York"}
# Abbreviations, upper case as written. Ambiguous ones list their meanings, the most common first.
_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    **{a: ("America/Los_Angeles",) for a in ("PT", "PST", "PDT")},
    **{a: ("America/Denver",) for a in ("MT", "MST", "MDT")},
    **{a: ("America/Chicago",) for a in ("CT", "CDT")},
    **{a: ("America/New_York",) for a in ("ET", "EST", "EDT")},
    "HST": ("Pacific/Honolulu",), "AKST": ("America/Anchorage",), "AKDT": ("America/Anchorage",),
    "GMT": ("UTC",), "UTC": ("UTC",),
    **{a: ("Europe/Paris",) for a in ("CET", "CEST")},
    **{a: ("Europe/Athens",) for a in ("EET", "EEST")},
    **{a: ("Europe/Lisbon",) for a in ("WET", "WEST")},
    **{a: ("Australia/Sydney",) for a in ("AEST", "AEDT", "AET")},
    **{a: ("Australia/Adelaide",) for a in ("ACST", "ACDT")},
    "AWST": ("Australia/Perth",),
    **{a: ("Pacific/Auckland",) for a in ("NZST", "NZDT", "NZT")},
    "JST": ("Asia/Tokyo",), "KST": ("Asia/Seoul",), "SGT": ("Asia/Singapore",), "HKT": ("Asia/Hong_Kong",),
    "IST": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
    "CST": ("America/Chicago", "Asia/Shanghai"),
    "BST": ("Europe/London", "Asia/Dhaka"),
}
# "<place> time": the places people name when they write a time for someone elsewhere.
_PLACES = {
    "london": "Europe/London", "uk": "Europe/London", "dublin": "Europe/Dublin", "irish": "Europe/Dublin",
    "paris": "Europe/Paris", "berlin": "Europe/Berlin", "amsterdam": "Europe/Amsterdam",
    "madrid": "Europe/Madrid", "zurich": "Europe/Zurich", "stockholm": "Europe/Stockholm",
    "warsaw": "Europe/Warsaw", "lisbon": "Europe/Lisbon", "new york": "America/New_York",
    "toronto": "America/Toronto", "chicago": "America/Chicago", "denver": "America/Denver",
    "los angeles": "America/Los_Angeles", "san francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles", "vancouver": "America/Vancouver", "sydney": "Australia/Sydney",
    "melbourne": "Australia/Melbourne", "auckland": "Pacific/Auckland", "tokyo": "Asia/Tokyo",
    "singapore": "Asia/Singapore", "hong kong": "Asia/Hong_Kong", "india": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata", "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata", "israel": "Asia/Jerusalem", "tel aviv": "Asia/Jerusalem", "dubai": "Asia/Dubai",
    **{k.lower(): v for k, v in _US.items()},
}
_TIME = r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?i:[ap]\.?\s?m\b\.?)?|\d{1,2}[:.]\d{2}|(?i:noon))"
_ABBR = "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True))
_PLACE = "|".join(sorted((re.escape(p) for p in _PLACES), key=len, reverse=True))
_ZONE_AFTER_TIME = re.compile(
    rf"\b{_TIME}(?P<gap>\s*\(?\s*)(?P<z>(?:{_ABBR})\b(?![+-]\d)|"
    rf"(?i:(?:{'|'.join(_US)})(?:\s+(?:standard|daylight))?(?:\s+time)?\b|(?:{_PLACE})\s+time\b))")
_BARE_HOUR = re.compile(r"\b(?P<at>at|@)\s+(?P<h>\d{1,2})(?P<m>[:.]\d{2})?"
                        r"(?![\d:.]|\s*(?:[ap]\.?\s?m\b|o'?clock|%|st\b|nd\b|rd\b|th\b|/|-\s*\d|noon))", re.IGNORECASE)


@dataclass(frozen=True)
class ZoneMark:
    """A zone word the sentence wrote after a time: where it was, and the zones it may mean."""

    start: int  # position in the sentence as returned by `take_zones` (the same as the input's)
    word: str
    zones: tuple[str, ...]


def with_bare_hours(sentence: str) -> str:
    """"Friday at 11" -> "Friday at 11am", "at 2" -> "at 2pm": a bare hour is a working-hours time."""
    def fix(m: re.Match[str]) -> str:
        hour = int(m.group("h"))
        if not 1 <= hour <= 12:
            return m.group(0)
        half = "am" if 7 <= hour <= 11 else "pm"
        return f"{m.group('at')} {hour}{m.group('m') or ''}{half}"
    return _BARE_HOUR.sub(fix, sentence)


def take_zones(sentence: str) -> tuple[str, list[ZoneMark]]:
    """The sentence with each zone word written after a time blanked out (same length, so positions hold),
    and the marks of what was taken."""
    marks: list[ZoneMark] = []
    out = sentence
    for m in _ZONE_AFTER_TIME.finditer(sentence):
        word = m.group("z")
        zones = _zones_of(word)
        if not zones:
            continue
        end = m.end("z")
        if m.group("gap").count("(") and sentence[end:end + 1] == ")":
            end += 1  # "10:30 AM (PT)"
        marks.append(ZoneMark(m.start("z"), word, zones))
        out = out[:m.start("z")] + " " * (end - m.start("z")) + out[end:]
    for group in re.finditer(r"\([^()]*\)", out):
        # "2pm CST (3pm ET)": dateparser reads a bracketed time as part of the one before; a clause of its own
        if any(group.start() < mk.start < group.end() for mk in marks):
            out = out[:group.start()] + ";" + out[group.start() + 1:group.end() - 1] + ";" + out[group.end():]
    return out, marks


def _zones_of(word: str) -> tuple[str, ...]:
    if word in _ABBREVIATIONS:
        return _ABBREVIATIONS[word]
    key = re.sub(r"\s+", " ", word.lower())
    key = re.sub(r"\s+(?:standard|daylight)", "", key)
    key = re.sub(r"\s+time$", "", key)
    return (_PLACES[key],) if key in _PLACES else ()


def place_in_zones(found: list[tuple[str, datetime]], text: str, marks: list[ZoneMark],
                   user_zone: str) -> list[tuple[str, datetime, str]]:
    """dateparser's (phrase, wall time read in the user's zone) from `text` (the blanked sentence), each
    moved to the zone written after it: (phrase, aware instant, how the zone was read)."""
    owned: list[tuple[str, datetime, ZoneMark | None]] = []
    cursor = 0
    for phrase, dt in found:
        at = text.find(phrase, cursor)
        if at < 0:
            at = text.find(phrase)
        end = at + len(phrase) if at >= 0 else -1
        cursor = max(cursor, end)
        mark = next((mk for mk in marks if at >= 0 and at <= mk.start <= end + 3), None)
        owned.append((phrase, dt.replace(tzinfo=None), mark))
    user = ZoneInfo(user_zone)
    plain = [(_aware(wall, mark.zones[0])) for _, wall, mark in owned if mark and len(mark.zones) == 1]
    out: list[tuple[str, datetime, str]] = []
    for phrase, wall, mark in owned:
        if mark is None:
            out.append((phrase, wall.replace(tzinfo=user), "no zone written: the user's zone"))
            continue
        zone, how = _choose(wall, mark, user, plain)
        out.append((phrase, _aware(wall, zone), how))
    return out


def _choose(wall: datetime, mark: ZoneMark, user: ZoneInfo, others: list[datetime]) -> tuple[str, str]:
    if len(mark.zones) == 1:
        return mark.zones[0], f"{mark.word} = {mark.zones[0]}"
    for zone in mark.zones:
        instant = _aware(wall, zone)
        if any(_same_time_of_day(instant, o) for o in others):
            return zone, f"{mark.word} read as {zone}: it agrees with another time in the same sentence"
    for zone in mark.zones:
        if ZoneInfo(zone).utcoffset(wall) == user.utcoffset(wall):
            return zone, f"{mark.word} read as {zone}: the user's own offset"
    return mark.zones[0], f"{mark.word} read as {mark.zones[0]}, its most common meaning"


def _aware(wall: datetime, zone: str) -> datetime:
    return wall.replace(tzinfo=ZoneInfo(zone))


def _same_time_of_day(a: datetime, b: datetime) -> bool:
    """The same instant give or take whole days: "(7:30 AM PT for you)" names no day of its own."""
    gap = (a.astimezone(UTC) - b.astimezone(UTC)) % timedelta(days=1)
    return gap == timedelta(0)
