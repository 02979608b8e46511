"""JSON round-trip for the model's dataclasses, for the state store. Pure."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from agent.core.model import Attendee, Event, Message, Person


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def person_to(p: Person | None) -> list[str] | None:
    return None if p is None else [p.email, p.name]


def person_from(v: list[str] | None) -> Person | None:
    return None if v is None else Person(email=v[0], name=v[1])


def event_to(e: Event) -> dict[str, Any]:
    return {
        "uid": e.uid, "start": e.start.isoformat(), "end": e.end.isoformat(), "rid": e.recurrence_id,
        "seq": e.sequence, "dtstamp": e.dtstamp.isoformat() if e.dtstamp else None, "method": e.method,
        "status": e.status, "summary": e.summary, "description": e.description, "location": e.location,
        "all_day": e.all_day, "organizer": person_to(e.organizer),
        "attendees": [[a.person.email, a.person.name, a.partstat, a.cutype, a.role] for a in e.attendees],
        "conf": e.conference_url, "prodid": e.prodid, "recurring": e.recurring, "source": e.source,
    }


def event_from(d: dict[str, Any]) -> Event:
    return Event(
        uid=d["uid"], start=datetime.fromisoformat(d["start"]), end=datetime.fromisoformat(d["end"]),
        recurrence_id=d["rid"], sequence=d["seq"], dtstamp=_dt(d["dtstamp"]), method=d["method"],
        status=d["status"], summary=d["summary"], description=d["description"], location=d["location"],
        all_day=d["all_day"], organizer=person_from(d["organizer"]),
        attendees=tuple(Attendee(Person(a[0], a[1]), a[2], a[3], a[4]) for a in d["attendees"]),
        conference_url=d["conf"], prodid=d["prodid"], recurring=d["recurring"], source=d["source"],
    )


def message_to(m: Message) -> str:
    return json.dumps({
        "key": m.key, "folder": m.folder, "mid": m.message_id, "date": m.date.isoformat(),
        "from": person_to(m.sender), "to": [person_to(p) for p in m.to], "cc": [person_to(p) for p in m.cc],
        "reply_to": [person_to(p) for p in m.reply_to], "subject": m.subject, "irt": m.in_reply_to,
        "refs": list(m.references), "text": m.text, "headers": m.headers,
        "events": [event_to(e) for e in m.events], "thread": m.thread_id,
    }, ensure_ascii=False)


def message_from(s: str) -> Message:
    d = json.loads(s)
    return Message(
        key=d["key"], folder=d["folder"], message_id=d["mid"], date=datetime.fromisoformat(d["date"]),
        sender=person_from(d["from"]), to=tuple(person_from(p) for p in d["to"]),  # type: ignore[misc]
        cc=tuple(person_from(p) for p in d["cc"]), reply_to=tuple(person_from(p) for p in d["reply_to"]),  # type: ignore[misc]
        subject=d["subject"], in_reply_to=d["irt"], references=tuple(d["refs"]), text=d["text"],
        headers=d["headers"], events=tuple(event_from(e) for e in d["events"]), thread_id=d["thread"],
    )
