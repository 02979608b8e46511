"""No real third-party invitation in tests/corpus/external is a job interview (B3, B4), whoever
among its attendees is the user."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.config import Identity
from agent.core import detect
from agent.core.errors import MalformedInput
from agent.core.invitations import parse_calendar
from agent.core.mime import parse_message
from tests.unit.test_corpus import ICS_FILES, MAIL_FILES, RECEIVED, TZ, rel


def _events(path: Path):
    """(event, carrier mail or None) for every event the file holds; malformed files hold none."""
    try:
        if path.suffix == ".ics":
            return [(e, None) for e in parse_calendar(path.read_bytes(), tz=TZ, source=f"file {rel(path)}")]
        msg = parse_message(path.read_bytes(), key=rel(path), folder="inbox", tz=TZ, received=RECEIVED)
        return [(e, msg) for e in msg.events]
    except MalformedInput:
        return []


@pytest.mark.parametrize("path", MAIL_FILES + ICS_FILES, ids=rel)
def test_b3_b4_no_corpus_invitation_is_an_interview_for_any_attendee(path):
    for event, carrier in _events(path):
        seats = {a.person.email for a in event.attendees if a.person.email}
        if carrier is not None:
            seats |= {p.email for p in carrier.to if p.email}
        for email in sorted(seats) or ["someone@example.org"]:
            me = Identity(name="Test User", email=email, timezone="America/New_York")
            verdict = detect.judge_event(event, me, carrier)
            assert not verdict.is_interview, f"{event.summary!r} judged an interview for {email}: {verdict.reasons}"


def test_b3_the_corpus_holds_invitations_to_judge():
    judged = sum(len(_events(p)) for p in MAIL_FILES + ICS_FILES)
    assert judged > 100
