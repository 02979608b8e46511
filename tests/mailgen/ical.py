"""iCalendar text (RFC 5545) as the calendar systems write it: escaping, folding, time zones, one VEVENT.

`vcalendar` serializes an `Ev` in one of three layouts: "google" (Google Calendar: X-NUM-GUESTS, a reminder),
"outlook" (Exchange: METHOD first, X-MICROSOFT-* properties, no CUTYPE for people) and "other" (the ATS and
scheduling tools). `reply_calendar` is the iTIP REPLY a user's calendar sends back.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from tests.mailgen.model import Att, Ev, P, h


def ical_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def ical_param(value: str) -> str:
    """A parameter value, quoted when it holds a character that would end it."""
    value = value.replace('"', "'")
    return f'"{value}"' if any(c in value for c in ":;,") else value


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1) without splitting a UTF-8 sequence."""
    out, cur, size = [], "", 0
    for ch in line:
        n = len(ch.encode())
        if size + n > (75 if not out else 74):
            out.append(cur)
            cur, size = "", 0
        cur += ch
        size += n
    out.append(cur)
    return "\r\n ".join(out)


def utc(dt: datetime) -> str:
    """A DATE-TIME in UTC form (`20261110T190000Z`)."""
    return dt.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def local(dt: datetime, tz: str) -> str:
    """A floating DATE-TIME as the wall clock in IANA zone `tz` shows it (for TZID=...)."""
    return dt.astimezone(ZoneInfo(tz)).strftime("%Y%m%dT%H%M%S")


# Windows zone names Exchange writes, with the IANA zone they stand for.
WINDOWS_TZ = {"Eastern Standard Time": "America/New_York", "W. Europe Standard Time": "Europe/Berlin",
              "Pacific Standard Time": "America/Los_Angeles"}

VTIMEZONES = {
    "Eastern Standard Time": """BEGIN:VTIMEZONE
TZID:Eastern Standard Time
BEGIN:STANDARD
DTSTART:16010101T020000
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE""",
    "W. Europe Standard Time": """BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE""",
    "America/New_York": """BEGIN:VTIMEZONE
TZID:America/New_York
LAST-MODIFIED:20201011T015911Z
X-LIC-LOCATION:America/New_York
BEGIN:DAYLIGHT
TZNAME:EDT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZNAME:EST
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE""",
    "Asia/Tokyo": """BEGIN:VTIMEZONE
TZID:Asia/Tokyo
LAST-MODIFIED:20201011T015911Z
X-LIC-LOCATION:Asia/Tokyo
BEGIN:STANDARD
TZNAME:JST
TZOFFSETFROM:+0900
TZOFFSETTO:+0900
DTSTART:19700101T000000
END:STANDARD
END:VTIMEZONE""",
    "Europe/Berlin": """BEGIN:VTIMEZONE
TZID:Europe/Berlin
LAST-MODIFIED:20201011T015911Z
X-LIC-LOCATION:Europe/Berlin
BEGIN:DAYLIGHT
TZNAME:CEST
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZNAME:CET
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE""",
}


def attendee_line(a: Att, style: str) -> str:
    """One ATTENDEE property in the layout of `style` ("google", "outlook" or "other")."""
    params = [f"CUTYPE={a.cutype}", f"ROLE={a.role}", f"PARTSTAT={a.partstat}"]
    if a.rsvp and a.cutype == "INDIVIDUAL":
        params.append("RSVP=TRUE")
    params.append(f"CN={ical_param(a.who.name or a.who.email)}")
    if style == "google":
        params.append("X-NUM-GUESTS=0")
    if style == "outlook":  # Exchange omits CUTYPE for people
        params = [p for p in params if not p.startswith("CUTYPE=INDIVIDUAL")]
    return f"ATTENDEE;{';'.join(params)}:mailto:{a.who.email}"


def vcalendar(ev: Ev, *, method: str, prodid: str, style: str, dtstamp: datetime,
              tzid: str = "", extra: tuple[str, ...] = ()) -> bytes:
    """Serialize one event as the named system writes it. tzid "" writes UTC times."""
    lines = ["BEGIN:VCALENDAR"]
    if style == "outlook":
        lines += [f"METHOD:{method}", f"PRODID:{prodid}", "VERSION:2.0"]
    else:
        lines += [f"PRODID:{prodid}", "VERSION:2.0", "CALSCALE:GREGORIAN", f"METHOD:{method}"]
    if tzid:
        lines += VTIMEZONES[tzid].splitlines()
    iana = WINDOWS_TZ.get(tzid, tzid)

    def when(name: str, dt: datetime) -> str:
        return f"{name};TZID={tzid}:{local(dt, iana)}" if tzid else f"{name}:{utc(dt)}"

    lang = ";LANGUAGE=en-US" if style == "outlook" else ""
    lines.append("BEGIN:VEVENT")
    if style == "outlook":
        lines += [f"ORGANIZER;CN={ical_param(ev.organizer.name)}:mailto:{ev.organizer.email}"]
        lines += [attendee_line(a, style) for a in ev.attendees]
        lines += [f"DESCRIPTION{lang}:{ical_text(ev.description)}", f"UID:{ev.uid}",
                  f"SUMMARY{lang}:{ical_text(ev.summary)}", when("DTSTART", ev.start), when("DTEND", ev.end),
                  "CLASS:PUBLIC", "PRIORITY:5", f"DTSTAMP:{utc(dtstamp)}", "TRANSP:OPAQUE",
                  f"STATUS:{ev.status}", f"SEQUENCE:{ev.sequence}", f"LOCATION{lang}:{ical_text(ev.location)}",
                  f"X-MICROSOFT-CDO-APPT-SEQUENCE:{ev.sequence}",
                  f"X-MICROSOFT-CDO-OWNERAPPTID:{int(h(ev.uid, 8), 16) % 2**31}",
                  "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
                  "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE", "X-MICROSOFT-CDO-IMPORTANCE:1",
                  "X-MICROSOFT-CDO-INSTTYPE:0"]
        if ev.conference:
            lines.append(f"X-MICROSOFT-SKYPETEAMSMEETINGURL:{ev.conference}")
        lines += ["X-MICROSOFT-DONOTFORWARDMEETING:FALSE", "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
                  "X-MICROSOFT-LOCATIONS:[]", *extra]
        if method == "REQUEST":
            lines += ["BEGIN:VALARM", "DESCRIPTION:REMINDER", "TRIGGER;RELATED=START:-PT15M", "ACTION:DISPLAY",
                      "END:VALARM"]
    else:
        lines += [when("DTSTART", ev.start), when("DTEND", ev.end), f"DTSTAMP:{utc(dtstamp)}",
                  (f"ORGANIZER;CN={ical_param(ev.organizer.name or ev.organizer.email)}:mailto:"
                   f"{ev.organizer.email}"), f"UID:{ev.uid}"]
        lines += [attendee_line(a, style) for a in ev.attendees]
        if ev.conference and style == "google":
            lines.append(f"X-GOOGLE-CONFERENCE:{ev.conference}")
        lines += [f"CREATED:{utc(dtstamp - timedelta(minutes=3))}", f"DESCRIPTION:{ical_text(ev.description)}",
                  f"LAST-MODIFIED:{utc(dtstamp)}", f"LOCATION:{ical_text(ev.location)}",
                  f"SEQUENCE:{ev.sequence}", f"STATUS:{ev.status}", f"SUMMARY:{ical_text(ev.summary)}",
                  "TRANSP:OPAQUE", *extra]
        if style == "google" and method == "REQUEST":
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:This is an event reminder",
                      "TRIGGER:-P0DT0H10M0S", "END:VALARM"]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode()


def reply_calendar(ev: Ev, *, user: P, partstat: str, prodid: str, dtstamp: datetime) -> bytes:
    """The iTIP REPLY (times in UTC) in which `user` answers `ev` with `partstat`."""
    lines = ["BEGIN:VCALENDAR", f"PRODID:{prodid}", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:REPLY",
             "BEGIN:VEVENT", f"DTSTART:{utc(ev.start)}", f"DTEND:{utc(ev.end)}", f"DTSTAMP:{utc(dtstamp)}",
             f"ORGANIZER;CN={ical_param(ev.organizer.name)}:mailto:{ev.organizer.email}", f"UID:{ev.uid}",
             (f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={partstat};CN={ical_param(user.name)}"
              f":mailto:{user.email}"),
             f"SEQUENCE:{ev.sequence}", "STATUS:CONFIRMED", f"SUMMARY:{ical_text(ev.summary)}", "TRANSP:OPAQUE",
             "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(fold(x) for x in lines) + "\r\n").encode()
