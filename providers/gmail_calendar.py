"""Google Calendar for the gmail provider: events.list with sync tokens, resources -> `agent.core.model.Event`.

Glossary
- full sync: events.list(singleEvents, showDeleted, timeMin = the look-back start) over every page; the
  last page carries `nextSyncToken`. The batch is then the whole window (`events_complete`).
- incremental sync: events.list(syncToken) with the same other parameters (Google refuses timeMin and
  friends next to a sync token); it returns every change since, deletions included. 410 Gone means the
  token expired: every calendar is synced in full again.
- known: event id -> [uid, recurrence id, start, end, sequence, all day] of events with attendees, kept in
  the cursor, because Google only guarantees the id of a deleted event, and the agent needs its UID
  (and time) to cancel the interview the invitation mail created.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from googleapiclient.errors import HttpError

from agent.core import text
from agent.core.model import Attendee, Event, Person
from providers.gmail_transport import Transport

PAGE_SIZE = 2500
PARTSTAT = {"accepted": "ACCEPTED", "declined": "DECLINED", "tentative": "TENTATIVE", "needsAction": "NEEDS-ACTION"}
STATUS = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}


def sync_calendars(transport: Transport, service: Any, calendars: list[str], state: dict[str, Any] | None,
                   since: datetime, tz: ZoneInfo) -> tuple[list[Event], bool, dict[str, Any]]:
    """(events, complete, new calendar cursor) for `calendars`; see the module docstring."""
    state = state or {}
    full = not all(isinstance(state.get(c), dict) and state[c].get("sync_token") for c in calendars)
    if not full:
        try:
            return _sync(transport, service, calendars, state, since, tz, full=False)
        except HttpError as exc:
            if exc.resp.status != 410:
                raise
            transport.stats["calendar_full_resyncs"] = transport.stats.get("calendar_full_resyncs", 0) + 1
    return _sync(transport, service, calendars, {}, since, tz, full=True)


def _sync(transport: Transport, service: Any, calendars: list[str], state: dict[str, Any], since: datetime,
          tz: ZoneInfo, *, full: bool) -> tuple[list[Event], bool, dict[str, Any]]:
    events: list[Event] = []
    new_state: dict[str, Any] = {}
    for cal in calendars:
        known: dict[str, list[Any]] = {} if full else dict(state[cal].get("known", {}))
        params: dict[str, Any] = {"calendarId": cal, "singleEvents": True, "showDeleted": True,
                                  "maxResults": PAGE_SIZE}
        if full:
            params["timeMin"] = since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        else:
            params["syncToken"] = state[cal]["sync_token"]
        token = None
        page: str | None = None
        while True:
            request = service.events().list(**params, **({"pageToken": page} if page else {}))
            result = transport.call(request, "calendar.events.list", passthrough=(410,))
            for item in result.get("items", []):
                event = to_event(item, known, tz)
                if event is not None:
                    events.append(event)
            page = result.get("nextPageToken")
            if not page:
                token = result.get("nextSyncToken")
                break
        new_state[cal] = {"sync_token": token, "known": known}
    return events, full, new_state


def to_event(item: dict[str, Any], known: dict[str, list[Any]], tz: ZoneInfo) -> Event | None:
    """One event resource as an Event (method "", source "calendar <id>"), or None when a deleted event
    is not one we knew. Updates `known`."""
    eid = str(item.get("id", ""))
    status = STATUS.get(str(item.get("status", "confirmed")), "CONFIRMED")
    if status == "CANCELLED" and not (item.get("iCalUID") and item.get("start")):
        entry = known.pop(eid, None)
        if entry is None:
            return None
        uid, rid, start, end, sequence, all_day = entry
        return Event(uid=uid, start=datetime.fromisoformat(start), end=datetime.fromisoformat(end),
                     recurrence_id=rid, sequence=int(sequence), method="", status="CANCELLED", all_day=bool(all_day),
                     recurring=bool(rid), source=f"calendar {eid}")
    try:
        start, all_day = _when(item["start"], tz)
        end, _ = _when(item.get("end") or item["start"], tz)
    except (KeyError, ValueError, TypeError):
        return None
    uid = str(item.get("iCalUID") or f"{eid}@google.com")
    rid = _rid(item.get("originalStartTime"), tz) if item.get("recurringEventId") else ""
    organizer = _person(item.get("organizer"))
    attendees = []
    for att in item.get("attendees") or []:
        person = _person(att)
        if person is None or not person.email:
            continue
        role = "OPT-PARTICIPANT" if att.get("optional") else "CHAIR" if att.get("organizer") else "REQ-PARTICIPANT"
        attendees.append(Attendee(person=person, partstat=PARTSTAT.get(str(att.get("responseStatus")), "NEEDS-ACTION"),
                                  cutype="RESOURCE" if att.get("resource") else "INDIVIDUAL", role=role))
    if status == "CANCELLED":
        known.pop(eid, None)
    elif attendees:
        known[eid] = [uid, rid, start.isoformat(), end.isoformat(), int(item.get("sequence") or 0), all_day]
    description = str(item.get("description") or "")
    if "<" in description and ">" in description:
        description = text.html_to_text(description)
    return Event(
        uid=uid, start=start, end=end, recurrence_id=rid, sequence=int(item.get("sequence") or 0),
        dtstamp=_instant(item.get("updated")), method="", status=status,
        summary=text.clean_text(str(item.get("summary") or "")),
        description=text.clean_multiline(description).strip(),
        location=text.clean_multiline(str(item.get("location") or "")).strip(),
        all_day=all_day, organizer=organizer, attendees=tuple(attendees),
        conference_url=_conference(item), recurring=bool(item.get("recurringEventId")), source=f"calendar {eid}")


def _when(value: dict[str, Any], tz: ZoneInfo) -> tuple[datetime, bool]:
    if value.get("dateTime"):
        moment = datetime.fromisoformat(str(value["dateTime"]))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=ZoneInfo(value["timeZone"]) if value.get("timeZone") else tz)
        return moment, False
    day = date.fromisoformat(str(value["date"]))
    return datetime.combine(day, time(0), tzinfo=tz), True


def _rid(value: dict[str, Any] | None, tz: ZoneInfo) -> str:
    """originalStartTime as the key invitations use for RECURRENCE-ID: dates as YYYY-MM-DD, instants in UTC."""
    if not value:
        return ""
    if value.get("dateTime"):
        return _when(value, tz)[0].astimezone(UTC).isoformat()
    return str(value.get("date", ""))


def _instant(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)).astimezone(UTC) if value else None
    except ValueError:
        return None


def _person(value: Any) -> Person | None:
    if not isinstance(value, dict) or not value.get("email"):
        return None
    email = text.clean_text(str(value["email"])).replace(" ", "").lower()
    return Person(email=email, name=text.clean_text(str(value.get("displayName") or "")))


def _conference(item: dict[str, Any]) -> str:
    for entry in (item.get("conferenceData") or {}).get("entryPoints") or []:
        if entry.get("entryPointType") == "video" and str(entry.get("uri", "")).startswith("https://"):
            return str(entry["uri"])
    link = str(item.get("hangoutLink") or "")
    return link if link.startswith("https://") else ""
