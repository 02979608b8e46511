"""B20, the mailbox is the record: derived Message-IDs, drafts recognised in Sent, a state store that is not
this user's or is from the future refused (B23: the ids look like any client's)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from agent.core.compose import draft_message_id
from agent.core.errors import EXIT_CONFIG, StateError, StateMismatch
from agent.core.model import DraftRecord, Interview, Message, Person
from agent.core.own_drafts import recognise_sent
from agent.core.settings import Identity
from agent.state import State

ME = Identity(name="Jordan Lee", email="jordan.lee@gmail.com", timezone="America/New_York")
OTHER = Identity(name="Ana Ruiz", email="ana.ruiz@fastmail.com")
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
KEYS = ["iv-3f2a0b1c2d:thank_you:ana@acme.com", "iv-3f2a0b1c2d:thank_you:bo@acme.com",
        "iv-3f2a0b1c2d:follow_up:1", "iv-3f2a0b1c2d:follow_up:2",
        "iv-9e8d7c6b5a:acknowledgement:<CA+xyz@mail.gmail.com>"]


@pytest.mark.parametrize("key", KEYS)
def test_b20_b23_derived_message_id_is_stable_and_looks_like_a_clients(key):
    mid = draft_message_id(ME, key)
    assert mid == draft_message_id(ME, key)  # every run, every installation
    assert re.fullmatch(r"<[0-9a-f]{32}@gmail\.com>", mid)
    assert "agent" not in mid and "interview" not in mid and "iv-" not in mid  # B23: no program, no key


def test_b20_derived_ids_differ_per_key_and_per_account():
    ids = {draft_message_id(who, key) for who in (ME, OTHER) for key in KEYS}
    assert len(ids) == 2 * len(KEYS)
    assert all(i.endswith("@fastmail.com>") for i in (draft_message_id(OTHER, k) for k in KEYS))


def test_b20_derived_id_ignores_the_case_of_the_users_address():
    upper = Identity(name="Jordan Lee", email="Jordan.Lee@Gmail.com")
    assert draft_message_id(upper, KEYS[0]) == draft_message_id(ME, KEYS[0])


def test_b20_derived_id_needs_a_key():
    with pytest.raises(ValueError):
        draft_message_id(ME, "")


IV = Interview(id="iv-3f2a0b1c2d", origin="event u1", start=NOW - timedelta(days=3), end=NOW - timedelta(days=3),
               company="Acme", interviewers=(Person("ana@acme.com", "Ana"),))


def sent(mid: str, to: str = "ana@acme.com", in_reply_to: str = "") -> Message:
    return Message(key=mid, folder="sent", message_id=mid, date=NOW - timedelta(days=1), sender=Person(ME.email),
                   to=(Person(to),), subject="Thank you", in_reply_to=in_reply_to)


@pytest.mark.parametrize(("key", "kind", "to", "reply"), [
    ("iv-3f2a0b1c2d:thank_you:ana@acme.com", "thank_you", "ana@acme.com", ""),
    ("iv-3f2a0b1c2d:follow_up:1", "follow_up", "hr@acme.com", ""),
    ("iv-3f2a0b1c2d:follow_up:3", "follow_up", "hr@acme.com", ""),
    ("iv-3f2a0b1c2d:acknowledgement:<r1@acme.com>", "acknowledgement", "hr@acme.com", "<r1@acme.com>"),
])
def test_b20_a_sent_draft_of_the_agents_is_recognised_without_any_record(key, kind, to, reply):
    found = recognise_sent([IV], [sent(draft_message_id(ME, key), to, reply)], [], ME)
    assert [(r.key, r.kind, r.state, r.interview_id) for r in found] == [(key, kind, "sent", IV.id)]


def test_b20_mail_the_user_wrote_or_already_recorded_is_not_recognised():
    mine = draft_message_id(ME, "iv-3f2a0b1c2d:thank_you:ana@acme.com")
    recorded = DraftRecord(key="iv-3f2a0b1c2d:thank_you:ana@acme.com", interview_id=IV.id, kind="thank_you",
                           to=("ana@acme.com",), message_id=mine, created_at=NOW, state="sent")
    mail = [sent("<CAhandwritten123@mail.gmail.com>"), sent("<0123456789abcdef0123456789abcdef@gmail.com>"),
            sent(draft_message_id(OTHER, "iv-3f2a0b1c2d:follow_up:1")), sent(mine)]
    assert recognise_sent([IV], mail, [recorded], ME) == []
    inbox = Message(key="i", folder="inbox", message_id=mine, date=NOW, to=(Person("ana@acme.com"),))
    assert recognise_sent([IV], [inbox], [], ME) == []


# -- the state store: whose it is, and when ----------------------------------------------------------------
def test_b20_a_state_of_another_account_is_refused_with_the_fix(tmp_path):
    with State.open(tmp_path) as state:
        assert state.trust_problem(ME.email, NOW) is None and state.is_blank()
        state.claim(ME.email)
        assert state.owner() == "jordan.lee@gmail.com"
        assert state.trust_problem("Jordan.Lee@gmail.com", NOW) is None
        problem = state.trust_problem(OTHER.email, NOW)
    assert isinstance(problem, StateMismatch) and problem.exit_code == EXIT_CONFIG
    assert "jordan.lee@gmail.com" in str(problem) and "state_dir" in str(problem) and "mv " in str(problem)


@pytest.mark.parametrize(("ahead", "refused"), [(timedelta(hours=23), False), (timedelta(days=1, minutes=1), True),
                                                (timedelta(days=400), True), (-timedelta(days=30), False)])
def test_b20_a_state_from_the_future_is_refused(tmp_path, ahead, refused):
    with State.open(tmp_path) as state:
        state.store_sync("acct", [], [], False, None, NOW + ahead)
        assert not state.is_blank()
        problem = state.trust_problem(ME.email, NOW)
    assert (problem is not None) == refused
    if refused:
        assert isinstance(problem, StateError) and "clock" in str(problem)


def test_b20_found_drafts_are_recorded_with_their_state(tmp_path):
    rec = DraftRecord(key="iv-1:follow_up:1", interview_id="iv-1", kind="follow_up", to=("hr@acme.com",),
                      message_id=draft_message_id(ME, "iv-1:follow_up:1"), created_at=NOW, state="sent")
    with State.open(tmp_path) as state:
        state.record_found("acct", [rec, rec], NOW)
        assert [(d.key, d.state) for d in state.drafts("acct")] == [("iv-1:follow_up:1", "sent")]
