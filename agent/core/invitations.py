"""iCalendar invitations -> `Event`s (B2, B3).

`parse_calendar` reads one iCalendar object (as a mail's text/calendar part or an .ics file carries it)
into flat `Event`s: one per VEVENT, recurring series expanded into a bounded number of instances.
Folding the events of many mails into the calendar as it stands is `calendar_fold`'s.

Pure logic: no I/O, no clock.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

from agent.core.calendar_fold import UPDATE_METHODS
from agent.core.errors import MalformedInput
from agent.core.model import Attendee, Event, Person
from agent.core.text import clean_multiline, clean_text

MAX_INSTANCES = 20  # instances of one recurring series kept (an interview series is short)
EXPANSION_WINDOW = timedelta(days=366)
# Properties whose parse errors make an event's time unknowable: such an event is dropped.
_TIME_PROPS = {"DTSTART", "DTEND", "DURATION", "RECURRENCE-ID"}
_RECURRENCE_PROPS = {"RRULE", "RDATE", "EXDATE"}
_CONFERENCE_PROPS = ("X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "CONFERENCE")
_URL_RE = re.compile(r"https://[^\s<>\"'\\]+", re.IGNORECASE)
_MEETING_HOST_RE = re.compile(
    r"https://([\w-]+\.)*(teams\.microsoft\.com|teams\.live\.com|zoom\.us|meet\.google\.com|webex\.com|"
    r"whereby\.com|gotomeeting\.com|chime\.aws)/", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[^\s<>\"'@:;,]+@[^\s<>\"'@:;,]+")
_DTSTART_OPTIONAL = {"CANCEL", "REPLY"}


# ---------------------------------------------------------------- parsing


def parse_calendar(data: bytes | str, *, tz: ZoneInfo, source: str,
                   default_method: str = "PUBLISH") -> list[Event]:
    """Parse an iCalendar object (one or more VCALENDARs) into Events, expanding recurring series.

    Floating and all-day times are placed in `tz`. A VEVENT without UID or a readable DTSTART is
    dropped. `default_method` is used when a VCALENDAR has no METHOD (mime passes the MIME part's
    method= parameter). Raises MalformedInput when the data holds no readable VCALENDAR at all.
    """
    text = _decode(data)
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError... on bad input
        raise MalformedInput(f"unreadable iCalendar data: {_short(exc)}") from exc
    if not calendars:
        raise MalformedInput("no complete VCALENDAR (missing BEGIN/END:VCALENDAR)")
    events: list[Event] = []
    for cal in calendars:
        events.extend(_calendar_events(cal, tz=tz, source=source, default_method=default_method))
    return events


def _decode(data: bytes | str) -> str:
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # Old Outlook and Lotus exports are often Windows-1252; never fail on the charset.
            text = data.decode("cp1252", errors="replace")
    else:
        text = data
    return text.lstrip("\ufeff")


def _short(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0][:120]


def _calendar_events(cal: icalendar.Calendar, *, tz: ZoneInfo, source: str,
                     default_method: str) -> list[Event]:
    method = _text(cal.get("METHOD")).upper() or default_method.upper()
    prodid = _text(cal.get("PRODID"))
    common = {"method": method, "prodid": prodid, "source": source}
    out: list[Event] = []
    vevents = [c for c in cal.walk("VEVENT") if _usable(c, method)]
    # Overrides (RECURRENCE-ID) of a series are folded into the expansion of their master; an
    # override whose master is absent (one instance sent alone) stands on its own.
    masters = {_text(c.get("UID")) for c in vevents if _is_master(c)}
    for comp in vevents:
        uid = _text(comp.get("UID"))
        expand = method in UPDATE_METHODS
        if _is_master(comp) and expand:
            out.extend(_expand(cal, comp, uid, tz=tz, common=common))
        elif comp.get("RECURRENCE-ID") is not None and uid in masters and expand:
            continue  # emitted by the master's expansion
        else:
            event = _event(comp, tz=tz, common=common)
            if event is not None:
                out.append(event)
    return out


def _usable(comp: icalendar.cal.Component, method: str) -> bool:
    # iTIP (RFC 5546 3.2.3, 3.2.5) lets a REPLY or CANCEL omit DTSTART; dropping a CANCEL would
    # leave a cancelled interview alive, so only those two may go without it.
    if not _text(comp.get("UID")):
        return False
    if comp.get("DTSTART") is None and method not in _DTSTART_OPTIONAL:
        return False
    broken = {name for name, _msg in getattr(comp, "errors", []) if name}
    return not broken & _TIME_PROPS


def _is_master(comp: icalendar.cal.Component) -> bool:
    return comp.get("RECURRENCE-ID") is None and (comp.get("RRULE") is not None
                                                   or comp.get("RDATE") is not None)


def _expand(cal: icalendar.Calendar, master: icalendar.cal.Component, uid: str, *, tz: ZoneInfo,
            common: dict[str, Any]) -> list[Event]:
    """At most MAX_INSTANCES instances of the series within a year of its DTSTART."""
    broken = {name for name, _msg in getattr(master, "errors", []) if name}
    try:
        first = master.decoded("DTSTART")
    except Exception:
        return []
    instances: list[Event] = []
    if not broken & _RECURRENCE_PROPS:
        # Only this UID's components, so another series in the same VCALENDAR cannot interfere.
        sub = icalendar.Calendar()
        for comp in cal.walk("VEVENT"):
            if _text(comp.get("UID")) == uid and _usable(comp, common["method"]):
                sub.add_component(comp)
        for tzc in cal.walk("VTIMEZONE"):
            sub.add_component(tzc)
        try:
            for occ in _occurrences(sub, first):
                event = _event(occ, tz=tz, common=common, recurring=True)
                if event is not None:
                    instances.append(event)
        except Exception:
            instances = []  # a rule recurring_ical_events cannot expand: keep the first instance
    if not instances:
        event = _event(master, tz=tz, common=common, recurring=True)
        if event is not None:
            instances.append(replace(event, recurrence_id=_rid_iso(master.decoded("DTSTART"), tz)))
    return instances


def _occurrences(sub: icalendar.Calendar, first: date | datetime) -> Iterator[icalendar.cal.Component]:
    limit = _aware(first, ZoneInfo("UTC")) + EXPANSION_WINDOW
    query = recurring_ical_events.of(sub, skip_bad_series=True)
    # `after` is lazy: a hostile RRULE (FREQ=SECONDLY) costs at most MAX_INSTANCES steps.
    for occ in itertools.islice(query.after(first), MAX_INSTANCES):
        if _aware(occ.decoded("DTSTART"), ZoneInfo("UTC")) > limit:
            break
        yield occ


def _event(comp: icalendar.cal.Component, *, tz: ZoneInfo, common: dict[str, Any],
           recurring: bool = False) -> Event | None:
    try:
        raw_start = comp.decoded("DTSTART") if comp.get("DTSTART") is not None else None
    except Exception:
        return None
    if raw_start is None:  # a CANCEL or REPLY without DTSTART: the time is not what it says
        raw_start = _dtstamp(comp) or datetime(1970, 1, 1, tzinfo=UTC)
    all_day = not isinstance(raw_start, datetime)
    start = _aware(raw_start, tz)
    end = _end(comp, start, all_day, tz)
    rid_value = comp.get("RECURRENCE-ID")
    recurrence_id = _rid_iso(rid_value.dt, tz) if rid_value is not None else ""
    return Event(
        uid=_text(comp.get("UID")),
        start=start,
        end=end,
        recurrence_id=recurrence_id,
        sequence=_int(comp.get("SEQUENCE")),
        dtstamp=_dtstamp(comp),
        status=_text(comp.get("STATUS")).upper() or "CONFIRMED",
        summary=clean_text(_text(comp.get("SUMMARY"))),
        description=_multiline(_text(comp.get("DESCRIPTION"))),
        location=_multiline(_text(comp.get("LOCATION"))),
        all_day=all_day,
        organizer=_organizer(comp.get("ORGANIZER")),
        attendees=tuple(a for a in map(_attendee, _as_list(comp.get("ATTENDEE"))) if a),
        conference_url=_conference_url(comp),
        recurring=recurring or bool(recurrence_id),
        **common,
    )


def _end(comp: icalendar.cal.Component, start: datetime, all_day: bool, tz: ZoneInfo) -> datetime:
    end: datetime | None = None
    try:
        if comp.get("DTEND") is not None:
            end = _aware(comp.decoded("DTEND"), tz)
        elif comp.get("DURATION") is not None:
            end = start + comp.decoded("DURATION")
    except Exception:
        end = None
    if end is None or end < start:
        end = _add_days(start, 1) if all_day else start
    return end


def _add_days(start: datetime, days: int) -> datetime:
    # Calendar days, not 24 h: an all-day event on a DST change day still ends at midnight.
    return datetime.combine(start.date() + timedelta(days=days), start.timetz())


def _aware(value: date | datetime, tz: ZoneInfo) -> datetime:
    if not isinstance(value, datetime):
        return datetime.combine(value, time(0), tzinfo=tz)
    return value if value.tzinfo is not None else value.replace(tzinfo=tz)


def _rid_iso(value: date | datetime, tz: ZoneInfo) -> str:
    """RECURRENCE-ID as a stable key: dates as YYYY-MM-DD, instants in UTC, so that an override
    written in UTC and an instance expanded in the organizer's zone get the same key."""
    if not isinstance(value, datetime):
        return value.isoformat()
    return _aware(value, tz).astimezone(UTC).isoformat()


def _dtstamp(comp: icalendar.cal.Component) -> datetime | None:
    try:
        value = comp.decoded("DTSTAMP") if comp.get("DTSTAMP") is not None else None
    except Exception:
        return None
    if not isinstance(value, datetime):
        return None
    return _aware(value, ZoneInfo("UTC")).astimezone(UTC)


def _int(value: Any) -> int:
    try:
        return int(str(_first(value)).strip())
    except (TypeError, ValueError):
        return 0


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _as_list(value: Any) -> list[Any]:
    # icalendar returns a lone object for one ATTENDEE and a list for several.
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(value: Any) -> str:
    value = _first(value)  # a duplicated property (Meetup's two SUMMARYs) comes as a list
    if value is None or isinstance(value, list):
        return ""
    return str(value).strip()


def _multiline(s: str) -> str:
    return clean_multiline(s).strip()


def _address(value: Any) -> Person | None:
    raw = str(value).strip()
    params = getattr(value, "params", {})
    email = re.sub(r"^mailto:", "", raw, flags=re.IGNORECASE).strip()
    if "@" not in email:
        email = str(params.get("EMAIL", "")).strip()
    found = _EMAIL_RE.search(email.replace(" ", "")) if "@" in email else None
    name = clean_text(str(_first(params.get("CN", ""))).strip().strip("\"'"))
    if found is None:
        return Person(email="", name=name) if name else None
    return Person(email=found.group(0).lower(), name=name)


def _organizer(value: Any) -> Person | None:
    value = _first(value)
    return _address(value) if value is not None else None


def _attendee(value: Any) -> Attendee | None:
    person = _address(value)
    if person is None or not person.email:
        return None
    params = getattr(value, "params", {})

    def param(name: str, default: str) -> str:
        return str(_first(params.get(name, "")) or "").strip().upper() or default

    return Attendee(person=person, partstat=param("PARTSTAT", "NEEDS-ACTION"),
                    cutype=param("CUTYPE", "INDIVIDUAL"), role=param("ROLE", "REQ-PARTICIPANT"))


def _conference_url(comp: icalendar.cal.Component) -> str:
    for name in _CONFERENCE_PROPS:
        for value in _as_list(comp.get(name)):
            found = _URL_RE.search(str(value))
            if found:
                return found.group(0)
    found = _URL_RE.search(_text(comp.get("LOCATION")))
    if found:
        return found.group(0)
    # Teams and Zoom invitations written by hand or by older clients carry the link only in the text.
    urls: list[str] = _URL_RE.findall(_text(comp.get("DESCRIPTION")))
    for url in urls:
        if _MEETING_HOST_RE.match(url):
            return url
    return ""
