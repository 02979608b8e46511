"""Folding invitations into the calendar as it stands (B2, B3).

`fold` replays the events of many mails (parsed by `invitations`, or read from a calendar API) in the
order they were received and returns the current calendar: REQUEST/PUBLISH create or update by
(UID, RECURRENCE-ID) and SEQUENCE, CANCEL marks events CANCELLED, REPLY updates an attendee's PARTSTAT.

Pure logic: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime

from agent.core.model import Event

UPDATE_METHODS = {"REQUEST", "PUBLISH", "", "ADD"}  # iTIP methods that create or update an event


def fold(events: Iterable[Event], my_addresses: frozenset[str]) -> dict[tuple[str, str], Event]:
    """Replay events in the order their mails were received; return the calendar keyed by
    (uid, recurrence_id) (B2).

    REQUEST/PUBLISH/"" create or replace when their (SEQUENCE, DTSTAMP) is not older; CANCEL or
    STATUS:CANCELLED marks the event (every instance when it names none) CANCELLED and keeps it, so
    only a higher SEQUENCE revives it; REPLY sets the replying attendee's PARTSTAT, also when the
    REPLY arrived before its REQUEST (B3: a REPLY the user sent declining). A calendar API's event
    (method "") is the server's current view and replaces or cancels whatever its SEQUENCE.
    """
    folder = _Folder(frozenset(a.lower() for a in my_addresses))
    for event in events:
        folder.add(event)
    return folder.current


class _Folder:
    def __init__(self, mine: frozenset[str]):
        self.mine = mine
        self.current: dict[tuple[str, str], Event] = {}
        self.replies: dict[str, list[Event]] = {}  # uid -> REPLYs seen, re-applied to later updates
        self.series_cancel: dict[str, Event] = {}  # uid -> the CANCEL that named no instance

    def add(self, event: Event) -> None:
        method = event.method.upper()
        if method == "REPLY":
            self.replies.setdefault(event.uid, []).append(event)
            self._apply_reply(event)
        elif method == "CANCEL" or event.status == "CANCELLED":
            self._cancel(event)
        elif method in UPDATE_METHODS:
            self._update(event)
        # COUNTER, REFRESH, DECLINECOUNTER change nothing the user has agreed to.

    def _update(self, event: Event) -> None:
        stored = self.current.get(event.key)
        # A calendar API's event ("" method) is the server's current view, applied after the mail:
        # it wins whatever its SEQUENCE (Graph has none; Google's may lag the mail's).
        api = event.method == ""
        if stored is not None and not api:
            if stored.status == "CANCELLED" and event.sequence <= stored.sequence:
                return  # a cancelled event is revived only by a higher SEQUENCE
            if _rank(event) < _rank(stored):
                return
        if stored is not None and event.method == "" and stored.method != "":
            event = _keep_ical_details(event, stored)
        series = self.series_cancel.get(event.uid)
        if series is not None and not api and event.sequence <= series.sequence:
            event = replace(event, status="CANCELLED")
        for reply in self.replies.get(event.uid, ()):
            if reply.sequence >= event.sequence and (not reply.recurrence_id
                                                     or reply.recurrence_id == event.recurrence_id):
                event = _with_reply(event, reply, self.mine)
        self.current[event.key] = event

    def _cancel(self, event: Event) -> None:
        if event.recurrence_id:
            targets = [event.key]
        else:
            self.series_cancel[event.uid] = event
            targets = [k for k in self.current if k[0] == event.uid] or [event.key]
        for key in targets:
            stored = self.current.get(key)
            if stored is None:
                self.current[key] = replace(event, status="CANCELLED")
            elif event.sequence >= stored.sequence or event.method == "":
                self.current[key] = replace(stored, status="CANCELLED", sequence=event.sequence,
                                            dtstamp=event.dtstamp or stored.dtstamp)

    def _apply_reply(self, reply: Event) -> None:
        # Applied whatever its SEQUENCE: some clients always send 0, and a decline the user sent
        # must never be lost (a thank-you for a declined interview would embarrass them).
        for key, stored in list(self.current.items()):
            if key[0] == reply.uid and (not reply.recurrence_id or reply.recurrence_id == key[1]):
                self.current[key] = _with_reply(stored, reply, self.mine)


def _keep_ical_details(api: Event, mail: Event) -> Event:
    """A calendar API's copy of an invitation the mail also carried: the API knows no CUTYPE GROUP/ROOM,
    no ROLE NON-PARTICIPANT and no PRODID (Google marks rooms only), so keep what the invitation said."""
    said = {a.person.email: a for a in mail.attendees}
    attendees = tuple(replace(a, cutype=a.cutype if a.cutype != "INDIVIDUAL" else said[a.person.email].cutype,
                              role=said[a.person.email].role) if a.person.email in said else a
                      for a in api.attendees)
    return replace(api, attendees=attendees, prodid=api.prodid or mail.prodid)


def _rank(event: Event) -> tuple[int, datetime]:
    return (event.sequence, event.dtstamp or datetime.min.replace(tzinfo=UTC))


def _with_reply(event: Event, reply: Event, mine: frozenset[str]) -> Event:
    attendees = list(event.attendees)
    for answer in reply.attendees:
        email = answer.person.email
        for i, att in enumerate(attendees):
            if att.person.email == email:
                attendees[i] = replace(att, partstat=answer.partstat)
                break
        else:
            # The user may answer from an alias the organizer did not invite; other strangers'
            # replies (forwarded invitations) are not ours to add.
            if email in mine:
                attendees.append(answer)
    return replace(event, attendees=tuple(attendees))
