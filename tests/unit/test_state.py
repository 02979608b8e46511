"""The state store: permissions, migrations, refusals, round trips (B20, B22)."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime

import pytest

from agent.core.errors import StateError
from agent.core.model import Attendee, DraftRecord, Event, Message, Person
from agent.state import DB_NAME, SCHEMA_VERSION, State

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def _message(key: str = "k1") -> Message:
    ev = Event(uid="u1", start=NOW, end=NOW, organizer=Person("r@acme.com", "R"),
               attendees=(Attendee(Person("me@x.com", "Me"), "ACCEPTED"),), dtstamp=NOW)
    return Message(key=key, folder="inbox", message_id=f"<{key}@x>", date=NOW, sender=Person("r@acme.com", "R"),
                   to=(Person("me@x.com"),), subject="Hi", references=("<a@x>",), text="body",
                   headers={"list-id": "x"}, events=(ev,))


def test_b22_state_dir_0700_and_db_0600(tmp_path):
    d = tmp_path / "state"
    State.open(d).close()
    assert stat.S_IMODE(os.stat(d).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(d / DB_NAME).st_mode) == 0o600


def test_messages_and_cursor_round_trip(tmp_path):
    with State.open(tmp_path) as st:
        assert st.cursor("a") is None
        st.store_sync("a", [_message()], [], False, {"x": 1}, NOW)
        assert st.cursor("a") == {"x": 1}
        [m] = st.messages("a")
        assert m == _message()


def test_b20_intent_then_created_then_state(tmp_path):
    with State.open(tmp_path) as st:
        rec = DraftRecord(key="iv:thank_you:a@b.com", interview_id="iv", kind="thank_you", to=("a@b.com",),
                          message_id="<m1@x.com>", created_at=None, state="intent", subject="Thanks")
        st.record_intent("acct", rec, NOW)
        assert st.drafts("acct")[0].state == "intent"
        with pytest.raises(sqlite3.IntegrityError):  # the same draft key can never be recorded twice
            st.record_intent("acct", rec, NOW)
        st.record_created(rec.key, "ref1", NOW)
        [got] = st.drafts("acct")
        assert (got.state, got.provider_ref, got.created_at) == ("draft", "ref1", NOW)
        st.set_draft_states({rec.key: "deleted"}, NOW)
        assert st.drafts()[0].state == "deleted"


def test_b20_forget_intent_only_removes_intents(tmp_path):
    with State.open(tmp_path) as st:
        rec = DraftRecord(key="k", interview_id="iv", kind="thank_you", to=("a@b.com",), message_id="<m@x>",
                          created_at=None)
        st.record_intent("acct", rec, NOW)
        st.record_created("k", "ref", NOW)
        st.forget_intent("k")
        assert [d.key for d in st.drafts()] == ["k"]


def test_newer_schema_is_refused_not_rewritten(tmp_path):
    State.open(tmp_path).close()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StateError, match="newer version"):
        State.open(tmp_path)


def test_corrupt_database_is_reported(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"this is not a database" * 100)
    with pytest.raises(StateError, match="unreadable"):
        State.open(tmp_path)


def test_decision_override_round_trip(tmp_path):
    with State.open(tmp_path) as st:
        st.set_decision("iv1", datetime(2026, 12, 4).date(), "you said: Dec 4", NOW)
        o = st.decision_overrides()["iv1"]
        assert (o.day.isoformat(), o.source, o.stated_at) == ("2026-12-04", "set-decision", NOW)


def test_migration_0002_keeps_a_store_written_by_the_first_schema(tmp_path):
    """Issue 8: the plan-cache migration is appended; an existing store keeps its mail, cursor and drafts."""
    import sqlite3

    from agent.state import MIGRATIONS

    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0][1])
    conn.execute("PRAGMA user_version=1")
    conn.execute("INSERT INTO accounts (name, cursor, last_run) VALUES ('a', '{\"v\": 1}', '2026-11-17T10:00:00')")
    conn.commit()
    conn.close()
    with State.open(tmp_path) as st:
        assert st.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
        assert st.cursor("a") == {"v": 1}
        assert st.content_version("a") == 0


def test_b20_store_sync_without_a_cursor_keeps_the_old_one(tmp_path):
    """The runner stores mail first and the new cursor only after the drafts are checked."""
    with State.open(tmp_path) as st:
        st.store_sync("a", [_message("k1")], [], False, None, NOW)
        assert st.cursor("a") is None and [m.key for m in st.messages("a")] == ["k1"]
        st.save_cursor("a", {"x": 1})
        st.store_sync("a", [_message("k2")], [], False, None, NOW)
        assert st.cursor("a") == {"x": 1}
