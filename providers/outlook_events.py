"""Graph calendar events (JSON, as calendarView/delta returns them) -> `agent.core.model.Event`.

The Graph shapes: `start`/`end` are {"dateTime": "2021-09-14T08:00:00.0000000", "timeZone": "UTC"} (UTC
because the client asks for it with `Prefer: outlook.timezone="UTC"`), attendees carry `type`
(required / optional / resource) and `status.response` (none, organizer, tentativelyAccepted, accepted,
declined, notResponded), the user's own answer is `responseStatus`. Graph has no SEQUENCE: an event read
from the calendar has sequence 0 and its lastModifiedDateTime as DTSTAMP. Names and text are untrusted
and cleaned like mail (B21).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agent.core.model import Attendee, Event, Person
from agent.core.text import clean_multiline, clean_text, html_to_text

RESPONSES = {"accepted": "ACCEPTED", "organizer": "ACCEPTED", "declined": "DECLINED",
             "tentativelyaccepted": "TENTATIVE", "none": "NEEDS-ACTION", "notresponded": "NEEDS-ACTION"}
ROLES = {"required": "REQ-PARTICIPANT", "optional": "OPT-PARTICIPANT", "resource": "NON-PARTICIPANT"}
_FRACTION = re.compile(r"(\.\d{6})\d+")
MAX_TEXT = 20_000


def parse_instant(value: str) -> datetime:
    """A Graph timestamp ("2017-12-27T21:54:55Z", seven fraction digits allowed) as an aware datetime."""
    text = _FRACTION.sub(r"\1", value.strip()).replace("Z", "+00:00")
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _zone(name: str) -> ZoneInfo | Any:
    if not name or name.upper() in ("UTC", "COORDINATED UNIVERSAL TIME", "Z"):
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC  # a Windows zone name: the client asked for UTC, so this is a server's oddity


def _when(value: Any, tz: ZoneInfo, all_day: bool) -> datetime:
    if not isinstance(value, dict) or not value.get("dateTime"):
        raise ValueError("an event without a start or end")
    moment = datetime.fromisoformat(_FRACTION.sub(r"\1", str(value["dateTime"])).replace("Z", ""))
    if all_day:  # all-day: the date, placed in the user's zone like invitations do
        return datetime.combine(moment.date(), time(0), tzinfo=tz)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_zone(str(value.get("timeZone", ""))))
    return moment


def _person(value: Any) -> Person | None:
    address = (value or {}).get("emailAddress") if isinstance(value, dict) else None
    if not isinstance(address, dict):
        return None
    email = clean_text(str(address.get("address") or "")).replace(" ", "").lower()
    name = clean_text(str(address.get("name") or ""))
    if name.lower() == email:
        name = ""
    return Person(email=email, name=name) if "@" in email else None


def _text(body: Any) -> str:
    if not isinstance(body, dict):
        return ""
    content = str(body.get("content") or "")[: MAX_TEXT * 5]
    if str(body.get("contentType", "")).lower() == "html":
        content = html_to_text(content)
    return clean_multiline(content).strip()[:MAX_TEXT]


def to_event(item: dict, *, tz: ZoneInfo, me: tuple[str, ...] = ()) -> Event:
    """One Graph event as an Event (method "", source "calendar <id>"). Raises ValueError when the
    item lacks what an event needs (an id, a start, an end)."""
    event_id = str(item.get("id") or "")
    if not event_id:
        raise ValueError("an event without an id")
    all_day = bool(item.get("isAllDay"))
    start = _when(item.get("start"), tz, all_day)
    end = _when(item.get("end"), tz, all_day)
    kind = str(item.get("type") or "singleInstance")
    rid = ""
    if kind in ("occurrence", "exception") and item.get("originalStart"):
        rid = parse_instant(str(item["originalStart"])).astimezone(UTC).isoformat()
    attendees: list[Attendee] = []
    for entry in item.get("attendees") or ():
        person = _person(entry)
        if person is None:
            continue
        kind_of = str(entry.get("type") or "required").lower()
        response = str(((entry.get("status") or {}).get("response")) or "none").lower()
        attendees.append(Attendee(person=person, partstat=RESPONSES.get(response, "NEEDS-ACTION"),
                                  cutype="RESOURCE" if kind_of == "resource" else "INDIVIDUAL",
                                  role=ROLES.get(kind_of, "REQ-PARTICIPANT")))
    own = str(((item.get("responseStatus") or {}).get("response")) or "").lower()
    if me and own and own != "organizer" and not item.get("isOrganizer"):
        # The user's own answer lives in responseStatus; the attendee list may lag behind or omit them.
        partstat = RESPONSES.get(own, "NEEDS-ACTION")
        mine = [i for i, a in enumerate(attendees) if a.person.email in me]
        for i in mine:
            attendees[i] = Attendee(person=attendees[i].person, partstat=partstat, cutype=attendees[i].cutype,
                                    role=attendees[i].role)
        if not mine:
            attendees.append(Attendee(person=Person(email=me[0]), partstat=partstat))
    online = item.get("onlineMeeting") or {}
    location = item.get("location") or {}
    modified = item.get("lastModifiedDateTime")
    return Event(
        uid=clean_text(str(item.get("iCalUId") or event_id)),
        start=start,
        end=end,
        recurrence_id=rid,
        sequence=0,
        dtstamp=parse_instant(str(modified)) if modified else None,
        method="",
        status="CANCELLED" if item.get("isCancelled") else "CONFIRMED",
        summary=clean_text(str(item.get("subject") or "")),
        description=_text(item.get("body")),
        location=clean_text(str(location.get("displayName") or "")) if isinstance(location, dict) else "",
        all_day=all_day,
        organizer=_person(item.get("organizer")),
        attendees=tuple(attendees),
        conference_url=clean_text(str((online.get("joinUrl") if isinstance(online, dict) else "")
                                      or item.get("onlineMeetingUrl") or "")),
        recurring=kind != "singleInstance",
        source=f"calendar {event_id}",
    )


def removed_event(known: list[Any] | None, event_id: str) -> Event | None:
    """A cancelled Event for an id the calendar delta reported as removed, from what the cursor kept
    about it ([uid, recurrence_id, start, end]); None when it was never seen."""
    if known is None:
        return None
    try:
        uid, rid, start, end = known
        return Event(uid=uid, recurrence_id=rid, start=parse_instant(start), end=parse_instant(end),
                     method="", status="CANCELLED", source=f"calendar {event_id}")
    except (TypeError, ValueError):
        return None
