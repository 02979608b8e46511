"""agent.core.invitations and calendar_fold: iCalendar parsing and folding REQUEST/CANCEL/REPLY (B2, B3, B6, B21)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agent.core.calendar_fold import fold
from agent.core.errors import MalformedInput
from agent.core.invitations import parse_calendar
from tests.corpus import EXTERNAL

TZ = ZoneInfo("America/New_York")
ME = frozenset({"jordan.lee@gmail.com", "jordan@lee.dev"})
CORPUS = EXTERNAL


def cal(*vevents: str, method: str | None = "REQUEST", extra: str = "") -> str:
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Fixture//EN\r\n"
    if method:
        head += f"METHOD:{method}\r\n"
    return head + extra + "".join(vevents) + "END:VCALENDAR\r\n"


def vevent(uid: str = "iv-1@acme.test", *, seq: int = 0, start: str = "DTSTART:20261117T190000Z",
           end: str = "DTEND:20261117T200000Z", stamp: str = "20261110T120000Z", extra: str = "",
           me: str = "NEEDS-ACTION") -> str:
    lines = [
        "BEGIN:VEVENT", f"UID:{uid}", f"SEQUENCE:{seq}", f"DTSTAMP:{stamp}", start, end,
        "SUMMARY:Interview: Backend Engineer", "ORGANIZER;CN=Priya Shah:mailto:priya.shah@acme.test",
        "ATTENDEE;CN=Sam Ortiz;PARTSTAT=ACCEPTED:mailto:sam.ortiz@acme.test",
        f"ATTENDEE;CN=Jordan Lee;PARTSTAT={me}:mailto:Jordan.Lee@gmail.com",
    ]
    lines = [line for line in lines if line]
    return "\r\n".join(lines) + "\r\n" + extra + "END:VEVENT\r\n"


def reply(uid: str = "iv-1@acme.test", partstat: str = "DECLINED", who: str = "jordan.lee@gmail.com",
          seq: int = 0, extra: str = "") -> str:
    return ("BEGIN:VEVENT\r\n"
            f"UID:{uid}\r\nSEQUENCE:{seq}\r\nDTSTAMP:20261111T090000Z\r\nDTSTART:20261117T190000Z\r\n"
            f"ORGANIZER:mailto:priya.shah@acme.test\r\nATTENDEE;PARTSTAT={partstat}:mailto:{who}\r\n"
            f"{extra}END:VEVENT\r\n")


def parse(text: str | bytes) -> list:
    return parse_calendar(text, tz=TZ, source="test")


def my_partstat(event) -> str:
    return next(a.partstat for a in event.attendees if a.person.email == "jordan.lee@gmail.com")


# ---------------------------------------------------------------- parsing


def test_b2_request_is_read_into_an_event_with_people_and_times():
    (event,) = parse(cal(vevent(extra="X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij\r\n")))
    assert event.method == "REQUEST" and event.prodid == "-//Test//Fixture//EN"
    assert event.start == datetime(2026, 11, 17, 19, 0, tzinfo=UTC)
    assert event.end - event.start == timedelta(hours=1)
    assert event.organizer.email == "priya.shah@acme.test" and event.organizer.name == "Priya Shah"
    assert [a.person.email for a in event.attendees] == ["sam.ortiz@acme.test", "jordan.lee@gmail.com"]
    assert event.conference_url == "https://meet.google.com/abc-defg-hij"
    assert event.status == "CONFIRMED" and event.recurrence_id == "" and not event.recurring


def test_b2_calendar_without_method_is_publish_and_bom_and_lf_are_accepted():
    data = ("\ufeff" + cal(vevent(), method=None)).replace("\r\n", "\n").encode("utf-8")
    (event,) = parse(data)
    assert event.method == "PUBLISH"


def test_b2_floating_time_is_placed_in_the_users_zone():
    (event,) = parse(cal(vevent(start="DTSTART:20261117T140000", end="DTEND:20261117T150000")))
    assert event.start == datetime(2026, 11, 17, 14, 0, tzinfo=TZ)
    assert event.start.utcoffset() == timedelta(hours=-5)


def test_b2_all_day_event_spans_the_day_in_the_users_zone():
    (event,) = parse(cal(vevent(start="DTSTART;VALUE=DATE:20261117", end="")))
    assert event.all_day
    assert event.start == datetime(2026, 11, 17, tzinfo=TZ)
    assert event.end == datetime(2026, 11, 18, tzinfo=TZ)


def test_b2_missing_dtend_uses_duration():
    (event,) = parse(cal(vevent(end="DURATION:PT45M")))
    assert event.end - event.start == timedelta(minutes=45)


def test_b2_event_without_uid_or_dtstart_is_dropped_not_fatal():
    no_uid = vevent().replace("UID:iv-1@acme.test\r\n", "")
    no_start = vevent(uid="iv-2@acme.test", start="")
    events = parse(cal(no_uid, no_start, vevent(uid="iv-3@acme.test")))
    assert [e.uid for e in events] == ["iv-3@acme.test"]


def test_b21_unparseable_calendar_raises_malformed_input():
    with pytest.raises(MalformedInput):
        parse(b"this is not a calendar")
    with pytest.raises(MalformedInput):
        parse("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n")  # no END:VCALENDAR


def test_b21_control_and_bidi_characters_are_removed_from_summary_and_names():
    event_text = vevent().replace("SUMMARY:Interview: Backend Engineer",
                                  "SUMMARY:Interview\u202e: Backend\\nBcc: evil@x.test Engineer\u200b")
    event_text = event_text.replace("CN=Sam Ortiz", 'CN="Sam\u200b Ortiz\u2066"')
    (event,) = parse(cal(event_text))
    assert event.summary == "Interview: Backend Bcc: evil@x.test Engineer"
    assert event.attendees[0].person.name == "Sam Ortiz"


def test_b6_rooms_and_resources_keep_their_cutype():
    extra = ("ATTENDEE;CUTYPE=ROOM;CN=Room 4B:mailto:room4b@acme.test\r\n"
             "ATTENDEE;CUTYPE=resource;ROLE=non-participant:mailto:projector@acme.test\r\n")
    (event,) = parse(cal(vevent(extra=extra)))
    kinds = {a.person.email: (a.cutype, a.role) for a in event.attendees}
    assert kinds["room4b@acme.test"] == ("ROOM", "REQ-PARTICIPANT")
    assert kinds["projector@acme.test"] == ("RESOURCE", "NON-PARTICIPANT")
    assert kinds["sam.ortiz@acme.test"] == ("INDIVIDUAL", "REQ-PARTICIPANT")


def test_b6_a_single_attendee_is_read_like_several():
    lone = vevent().replace("ATTENDEE;CN=Sam Ortiz;PARTSTAT=ACCEPTED:mailto:sam.ortiz@acme.test\r\n", "")
    (event,) = parse(cal(lone))
    assert [(a.person.email, a.partstat) for a in event.attendees] == [
        ("jordan.lee@gmail.com", "NEEDS-ACTION")]


def test_b2_recurring_series_is_expanded_to_at_most_20_instances():
    (first, *rest) = events = parse(cal(vevent(extra="RRULE:FREQ=DAILY\r\n")))
    assert len(events) == 20
    assert all(e.recurring for e in events)
    assert first.recurrence_id == "2026-11-17T19:00:00+00:00"
    assert rest[0].start - first.start == timedelta(days=1)


def test_b2_series_is_bounded_to_a_year_and_overrides_replace_their_instance():
    master = vevent(extra="RRULE:FREQ=YEARLY;COUNT=5\r\n")
    moved = vevent(seq=1, start="DTSTART:20271118T150000Z", end="DTEND:20271118T160000Z",
                   extra="RECURRENCE-ID:20271117T190000Z\r\n")
    events = parse(cal(master, moved))
    assert [e.recurrence_id for e in events] == ["2026-11-17T19:00:00+00:00", "2027-11-17T19:00:00+00:00"]
    assert events[1].start == datetime(2027, 11, 18, 15, 0, tzinfo=UTC)


def test_b2_windows_tzid_from_outlook_is_resolved():
    path = CORPUS / "tine20" / "outlook_invitation.ics"
    if not path.exists():
        pytest.fail(f"corpus file missing: {path}")
    (event,) = parse(path.read_bytes())
    # TZID "W. Europe Standard Time" with its VTIMEZONE: 11:00 in Berlin summer time.
    assert event.start.utcoffset() == timedelta(hours=2)
    assert event.start.astimezone(UTC).hour == 9


# ---------------------------------------------------------------- folding


def events_of(*calendars: str) -> list:
    return [e for c in calendars for e in parse(c)]


MOVED = {"start": "DTSTART:20261118T160000Z", "end": "DTEND:20261118T170000Z"}


def test_b2_higher_sequence_wins():
    current = fold(events_of(cal(vevent(seq=0)),
                             cal(vevent(seq=1, **MOVED))), ME)
    assert current[("iv-1@acme.test", "")].start.day == 18


def test_b2_lower_sequence_arriving_late_is_ignored():
    current = fold(events_of(cal(vevent(seq=2, **MOVED)),
                             cal(vevent(seq=1))), ME)
    assert current[("iv-1@acme.test", "")].start.day == 18


def test_b2_equal_sequence_newer_dtstamp_replaces():
    current = fold(events_of(cal(vevent()),
                             cal(vevent(stamp="20261112T120000Z", extra="LOCATION:Room 9\r\n"))), ME)
    assert current[("iv-1@acme.test", "")].location == "Room 9"


def test_b2_cancel_marks_cancelled_and_an_equal_sequence_request_does_not_revive_it():
    current = fold(events_of(cal(vevent(seq=0)), cal(vevent(seq=1), method="CANCEL"),
                             cal(vevent(seq=1, stamp="20261120T000000Z"))), ME)
    assert current[("iv-1@acme.test", "")].status == "CANCELLED"
    revived = fold(events_of(cal(vevent(seq=0)), cal(vevent(seq=1), method="CANCEL"), cal(vevent(seq=2))), ME)
    assert revived[("iv-1@acme.test", "")].status == "CONFIRMED"


def test_b2_status_cancelled_in_a_request_cancels():
    current = fold(events_of(cal(vevent()), cal(vevent(seq=1, extra="STATUS:CANCELLED\r\n"))), ME)
    assert current[("iv-1@acme.test", "")].status == "CANCELLED"


def test_b2_stale_cancel_does_not_remove_a_newer_event():
    current = fold(events_of(cal(vevent(seq=3)), cal(vevent(seq=1), method="CANCEL")), ME)
    assert current[("iv-1@acme.test", "")].status == "CONFIRMED"


def test_b2_cancel_of_one_instance_leaves_the_others():
    series = cal(vevent(extra="RRULE:FREQ=WEEKLY;COUNT=3\r\n"))
    one = cal(vevent(seq=1, extra="RECURRENCE-ID:20261124T190000Z\r\nSTATUS:CANCELLED\r\n"), method="CANCEL")
    current = fold(events_of(series, one), ME)
    statuses = {rid: e.status for (_uid, rid), e in current.items()}
    assert statuses == {"2026-11-17T19:00:00+00:00": "CONFIRMED", "2026-11-24T19:00:00+00:00": "CANCELLED",
                        "2026-12-01T19:00:00+00:00": "CONFIRMED"}


def test_b2_cancel_without_recurrence_id_cancels_every_instance():
    series = cal(vevent(extra="RRULE:FREQ=WEEKLY;COUNT=3\r\n"))
    whole = cal(vevent(seq=1, extra="RRULE:FREQ=WEEKLY;COUNT=3\r\n"), method="CANCEL")
    current = fold(events_of(series, whole), ME)
    assert len(current) == 3 and {e.status for e in current.values()} == {"CANCELLED"}


def test_b3_reply_the_user_sent_declining_is_recorded():
    current = fold(events_of(cal(vevent()), cal(reply(), method="REPLY")), ME)
    assert my_partstat(current[("iv-1@acme.test", "")]) == "DECLINED"


def test_b3_reply_arriving_before_the_request_is_applied_when_it_comes():
    current = fold(events_of(cal(reply(), method="REPLY"), cal(vevent())), ME)
    event = current[("iv-1@acme.test", "")]
    assert event.method == "REQUEST" and my_partstat(event) == "DECLINED"


def test_b3_decline_survives_an_update_with_the_same_sequence():
    # Google re-sends the invitation (same SEQUENCE, newer DTSTAMP) before it has seen the decline.
    current = fold(events_of(cal(vevent()), cal(reply(), method="REPLY"),
                             cal(vevent(stamp="20261112T000000Z"))), ME)
    assert my_partstat(current[("iv-1@acme.test", "")]) == "DECLINED"


def test_b3_reply_from_a_stranger_is_not_added_as_attendee():
    current = fold(events_of(cal(vevent()), cal(reply(who="someone@else.test"), method="REPLY")), ME)
    emails = [a.person.email for a in current[("iv-1@acme.test", "")].attendees]
    assert "someone@else.test" not in emails


def test_b3_reply_from_the_users_alias_is_added():
    current = fold(events_of(cal(vevent()), cal(reply(who="jordan@lee.dev"), method="REPLY")), ME)
    attendees = {a.person.email: a.partstat for a in current[("iv-1@acme.test", "")].attendees}
    assert attendees["jordan@lee.dev"] == "DECLINED"


def test_b3_reply_to_a_series_updates_every_instance():
    series = cal(vevent(extra="RRULE:FREQ=WEEKLY;COUNT=2\r\n"))
    current = fold(events_of(series, cal(reply(partstat="ACCEPTED"), method="REPLY")), ME)
    assert [my_partstat(e) for e in current.values()] == ["ACCEPTED", "ACCEPTED"]


def test_b2_calendar_api_view_wins_over_a_mail_with_a_higher_sequence():
    """Graph events carry no SEQUENCE: the calendar's current view must still replace or cancel."""
    from datetime import datetime, timedelta

    from agent.core.calendar_fold import fold
    from agent.core.model import Event

    start = datetime(2026, 11, 17, 19, 0, tzinfo=UTC)
    mail = Event(uid="u", start=start, end=start + timedelta(hours=1), sequence=3, method="REQUEST")
    moved = Event(uid="u", start=start + timedelta(days=1), end=start + timedelta(days=1, hours=1), method="")
    assert fold([mail, moved], frozenset())[("u", "")].start == moved.start
    gone = Event(uid="u", start=start, end=start, method="", status="CANCELLED")
    assert fold([mail, gone], frozenset())[("u", "")].status == "CANCELLED"
