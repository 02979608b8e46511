"""Every real third-party file in tests/corpus/external goes through the parsers (B2, B21).

No exception other than MalformedInput may escape; the files PROVENANCE.md lists as malformed
either raise MalformedInput or yield only events whose times are sound.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from agent.core.calendar_fold import fold
from agent.core.errors import MalformedInput
from agent.core.invitations import parse_calendar
from agent.core.mime import parse_message
from tests.corpus import EXTERNAL

REPO = Path(__file__).resolve().parents[2]
CORPUS = EXTERNAL
TZ = ZoneInfo("America/New_York")
RECEIVED = datetime(2026, 1, 1, tzinfo=UTC)

ALL_FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file())
MAIL_FILES = [p for p in ALL_FILES if p.suffix in {".eml", ".txt", ""} or p.name == "m"]
ICS_FILES = [p for p in ALL_FILES if p.suffix == ".ics"]


def rel(path: Path) -> str:
    return path.relative_to(CORPUS).as_posix()


def mail(name: str):
    return parse_message((CORPUS / name).read_bytes(), key=name, folder="inbox", tz=TZ, received=RECEIVED)


def calendar(name: str):
    return parse_calendar((CORPUS / name).read_bytes(), tz=TZ, source=f"file {name}")


def test_b21_corpus_holds_the_files_provenance_lists():
    assert len(MAIL_FILES) == 49 and len(ICS_FILES) == 51


@pytest.mark.parametrize("path", MAIL_FILES, ids=rel)
def test_b21_every_mail_parses_or_is_reported_malformed(path):
    try:
        msg = parse_message(path.read_bytes(), key=rel(path), folder="inbox", tz=TZ, received=RECEIVED)
    except MalformedInput:
        assert rel(path) in MALFORMED_MAIL, f"{rel(path)} was refused but is well-formed"
        return
    assert rel(path) not in MALFORMED_MAIL
    assert msg.date.tzinfo is not None and msg.message_id.startswith("<")
    assert len(msg.text) <= 20_000
    for event in msg.events:
        assert event.start.tzinfo is not None and event.end >= event.start


@pytest.mark.parametrize("path", ICS_FILES, ids=rel)
def test_b21_every_calendar_parses_or_is_reported_malformed(path):
    try:
        events = parse_calendar(path.read_bytes(), tz=TZ, source="corpus")
    except MalformedInput as exc:
        assert rel(path) in MALFORMED_ICS_RAISE, f"{rel(path)} was refused: {exc}"
        assert str(exc)  # the log line says why
        return
    assert rel(path) not in MALFORMED_ICS_RAISE
    for event in events:
        assert event.uid and event.start.tzinfo is not None and event.end >= event.start


# The malformed files of PROVENANCE.md, and exactly what becomes of each.
MALFORMED_MAIL = {"msgraph-graph-mocks/extracted-from-graph-v1_0-proxy-mocks/me-messages-id-value.eml"}
MALFORMED_ICS_RAISE = {
    "collective-icalendar/big_bad_calendar.ics",  # no END:VCALENDAR
    "ical4j/blankTzid.ics",  # empty TZID
    "ical4j/boeing.ics",  # DTSTART 2006717T080000Z
    "khal/invalid_tzoffset.ics",  # TZOFFSET +5328
}


def test_b21_graph_docs_sample_with_broken_folding_is_refused():
    with pytest.raises(MalformedInput, match="no header block"):
        mail("msgraph-graph-mocks/extracted-from-graph-v1_0-proxy-mocks/me-messages-id-value.eml")


@pytest.mark.parametrize("name", sorted(MALFORMED_ICS_RAISE))
def test_b21_unreadable_calendars_raise_with_a_reason(name):
    with pytest.raises(MalformedInput, match=r"^(unreadable iCalendar data: \S|no complete VCALENDAR)"):
        calendar(name)


def test_b21_event_with_broken_rrule_and_no_uid_is_dropped():
    assert calendar("collective-icalendar/issue_165_missing_event.ics") == []


def test_b21_broken_folding_keeps_the_event_but_not_the_unreadable_attendee():
    (event,) = calendar("tine20/outlook_external_invitation.ics")
    assert event.start == datetime(2012, 3, 16, 17, 0, tzinfo=UTC)
    assert event.attendees == ()
    assert event.organizer is not None


def test_b21_broken_rdate_leaves_the_series_unexpanded():
    events = calendar("ical.js/google_birthday.ics")
    broken = [e for e in events if e.uid.startswith("2014_BIRTHDAY")]
    assert [(e.recurrence_id, e.all_day) for e in broken] == [("2014-12-10", True)]
    assert len(events) == 4


# ---------------------------------------------------------------- known facts


def test_b2_teams_invitation_has_its_conference_url():
    (event,) = mail("mozilla-releases-comm-central/teams-meeting-invite.eml").events
    assert event.conference_url.startswith("https://teams.microsoft.com/l/meetup-join/")


def test_b2_zoom_url_in_location_is_the_conference_url():
    (event,) = mail("tine20/zoom_invite.eml").events
    assert event.conference_url.startswith("https://us05web.zoom.us/j/")


def test_b3_google_reply_carries_tentative():
    (event,) = calendar("nylas-sync-engine/invite_w_rsvps2.ics")
    assert event.method == "REPLY"
    assert [a.partstat for a in event.attendees] == ["TENTATIVE"]


def test_b2_google_cancel_folds_to_cancelled():
    events = [*calendar("nylas-sync-engine/google_cancelled1.ics"),
              *calendar("nylas-sync-engine/google_cancelled2.ics")]
    (event,) = fold(events, frozenset()).values()
    assert event.status == "CANCELLED"


def test_b2_thunderbird_update_then_cancel_of_a_single_event():
    events = [e for name in ("single-event.eml", "update-major.eml", "cancel-single-event.eml")
              for e in mail(f"mozilla-releases-comm-central/{name}").events]
    assert [e.sequence for e in events] == [0, 2, 1]
    (event,) = fold(events[:2], frozenset()).values()
    assert event.status == "CONFIRMED" and event.sequence == 2
    # The CANCEL carries SEQUENCE 1, lower than the update's 2: a stale cancel changes nothing.
    (after,) = fold(events, frozenset()).values()
    assert after.status == "CONFIRMED"


def test_b2_cancel_of_a_whole_series_without_dtstart_cancels_every_instance():
    request = mail("mozilla-releases-comm-central/repeat-event.eml").events
    cancel = mail("mozilla-releases-comm-central/cancel-repeat-event.eml").events
    assert len(request) == 3 and [e.method for e in cancel] == ["CANCEL"]
    current = fold(request + cancel, frozenset())
    assert len(current) == 3 and {e.status for e in current.values()} == {"CANCELLED"}


def test_b2_exception_moves_one_instance_of_a_series():
    request = mail("mozilla-releases-comm-central/repeat-event.eml").events
    (moved,) = mail("mozilla-releases-comm-central/exception-major.eml").events
    current = fold(request + (moved,), frozenset())
    assert len(current) == 3
    assert current[moved.key].start == moved.start and moved.recurring


def test_b2_outlook_reschedule_replaces_the_original_time():
    events = calendar("tine20/outlook_invitation.ics") + calendar("tine20/outlook_reschedule.ics")
    (event,) = fold(events, frozenset()).values()
    assert event.sequence == 4
    assert event.start.date() == datetime(2017, 8, 16).date()


def test_b2_two_vcalendars_in_one_file_are_both_read_with_room_attendee():
    events = calendar("ical4j/classify.ics")
    assert len(events) == 2
    assert {a.cutype for a in events[0].attendees} == {"INDIVIDUAL", "ROOM"}


def test_b2_google_meet_invitation_mail_yields_one_event():
    (event,) = mail("mozilla-releases-comm-central/meet-meeting-invite.eml").events
    assert event.conference_url == "https://meet.google.com/pyb-ndcu-hhc"


def test_b2_lotus_calendar_without_method_takes_the_parts_method():
    (event,) = mail("mozilla-releases-comm-central/invite.eml").events
    assert event.method == "REQUEST"


def test_b2_windows_timezone_names_resolve_to_the_right_offset():
    # The file's VTIMEZONE (not the Windows name) defines the zone: it says +01:00 for that date.
    (nz,) = calendar("khal/tz_windows_format.ics")
    assert nz.start.utcoffset() == timedelta(hours=1)
    (paris,) = calendar("nylas-sync-engine/windows_event.ics")
    assert paris.start.utcoffset() == timedelta(hours=1)  # Romance Standard Time in February
