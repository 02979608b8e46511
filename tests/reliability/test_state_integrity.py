"""State integrity (B20): a corrupted or too-new state database is detected with a clear message and left
byte for byte as it was, never silently rebuilt (a rebuilt state would draft everything again); schema
migrations are tested from every earlier version, including versions added after this file was written.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from agent import state as state_mod
from agent.cli import main
from agent.core.errors import EXIT_FAILED, StateError
from agent.core.model import DraftRecord, Message, Person
from tests.mailboxes import MaildirMailbox
from tests.reliability import figures

NOW = datetime(2026, 11, 17, 22, 0, tzinfo=UTC)
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "mail" / "google_invite_interview.eml"


def _apply(conn: sqlite3.Connection, upto: int) -> None:
    """The first `upto` migrations, as the versions that shipped them would have left the database."""
    for number, (_name, sql) in enumerate(state_mod.MIGRATIONS[:upto], start=1):
        for statement in filter(str.strip, sql.split(";")):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version={number}")
    conn.commit()


def _seed_v1(conn: sqlite3.Connection) -> None:
    """Rows every schema since 0001 can hold: an account, a message, a draft, a decision."""
    msg = Message(key="k1", folder="inbox", message_id="<m1@acme.com>", date=NOW, sender=Person("ana@acme.com", "Ana"),
                  subject="Interview")
    from agent import codec

    conn.execute("INSERT INTO accounts (name, cursor, last_run) VALUES (?,?,?)", ("account", json.dumps({"c": 7}),
                                                                                 NOW.isoformat()))
    conn.execute("INSERT INTO messages (account, key, message_id, folder, date, data) VALUES (?,?,?,?,?,?)",
                 ("account", msg.key, msg.message_id, msg.folder, msg.date.isoformat(), codec.message_to(msg)))
    conn.execute("INSERT INTO drafts (key, account, interview_id, kind, recipients, message_id, subject, state, "
                 "provider_ref, reason, intent_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                 ("iv-1:thank_you:ana@acme.com", "account", "iv-1", "thank_you", json.dumps(["ana@acme.com"]),
                  "<d1@gmail.com>", "Thank you", "draft", "ref-1", "after the interview", NOW.isoformat(),
                  NOW.isoformat(), NOW.isoformat()))
    conn.execute("INSERT INTO decisions (interview_id, day, text, set_at) VALUES (?,?,?,?)",
                 ("iv-1", "2026-12-11", "you said: Dec 11", NOW.isoformat()))
    conn.commit()


@pytest.mark.parametrize("version", range(1, state_mod.SCHEMA_VERSION))
def test_b20_migration_from_every_earlier_schema_keeps_the_data(version: int, tmp_path: Path) -> None:
    """A database at each earlier schema version (built by applying the first k migrations) opens at the
    current version with its cursor, mail, drafts and decisions intact. New migrations are picked up here
    automatically."""
    folder = tmp_path / "state"
    folder.mkdir(mode=0o700)
    conn = sqlite3.connect(folder / state_mod.DB_NAME)
    _apply(conn, version)
    _seed_v1(conn)
    conn.close()
    with state_mod.State.open(folder) as st:
        assert st.conn.execute("PRAGMA user_version").fetchone()[0] == state_mod.SCHEMA_VERSION
        assert st.cursor("account") == {"c": 7}
        assert [m.message_id for m in st.messages("account")] == ["<m1@acme.com>"]
        [draft] = st.drafts()
        assert (draft.kind, draft.to, draft.state, draft.message_id) == ("thank_you", ("ana@acme.com",), "draft",
                                                                         "<d1@gmail.com>")
        assert st.decision_overrides()["iv-1"].day == date(2026, 12, 11)
        # the migrated database takes new writes like a fresh one
        st.record_intent("account", DraftRecord(key="iv-1:follow_up:1", interview_id="iv-1", kind="follow_up",
                                                to=("ana@acme.com",), message_id="<d2@gmail.com>", created_at=None,
                                                state="intent"), NOW)
        assert len(st.drafts()) == 2
    figures.add("state", "migrations_tested")


def test_b20_every_schema_version_is_covered() -> None:
    """Version 0 is the empty file (a first run, below); versions 1..N-1 are the migration test's cases; N
    is current. Migrations are append-only: ordered names, none reused."""
    assert state_mod.SCHEMA_VERSION == len(state_mod.MIGRATIONS) >= 1
    names = [name for name, _sql in state_mod.MIGRATIONS]
    assert names == sorted(names) and len(set(names)) == len(names)  # ordered, never renamed or reused
    figures.put("state", "schema_version", state_mod.SCHEMA_VERSION)


def test_b20_a_first_run_builds_the_current_schema_from_nothing(tmp_path: Path) -> None:
    with state_mod.State.open(tmp_path / "state") as st:
        assert st.conn.execute("PRAGMA user_version").fetchone()[0] == state_mod.SCHEMA_VERSION
    assert oct((tmp_path / "state").stat().st_mode & 0o777) == oct(0o700)  # B22
    assert oct((tmp_path / "state" / state_mod.DB_NAME).stat().st_mode & 0o777) == oct(0o600)


# -- damaged databases: refused with a clear message, left as they were ----------------------------------------
def _good_database(tmp_path: Path) -> bytes:
    """A real state after a run that drafted two thank-yous (through the CLI, on a Maildir)."""
    box, config = _setup(tmp_path / "good")
    result = CliRunner().invoke(main, ["--config", str(config), "run", "--now", "2026-11-17T17:00:00-05:00"])
    assert result.exit_code == 0 and len(box.drafts()) == 2, result.output
    db = tmp_path / "good" / "state" / state_mod.DB_NAME
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file
    conn.close()
    return db.read_bytes()


def _setup(where: Path) -> tuple[MaildirMailbox, Path]:
    box = MaildirMailbox(where / "Mail")
    box.deliver("inbox", FIXTURE.read_bytes())
    config = where / "config.toml"
    config.write_text(f'[user]\nname = "Jordan Lee"\nemail = "jordan.lee@gmail.com"\ntimezone = "America/New_York"\n'
                      f'[account]\nprovider = "maildir"\npath = "{box.root}"\n'
                      f'[agent]\nstate_dir = "{where / "state"}"\n')
    return box, config


def _drop_table(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE drafts")
    conn.commit()
    conn.close()


def _too_new(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version={state_mod.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


DAMAGE = {
    "random bytes": (lambda good: os.urandom(len(good)), None, "unreadable"),
    "truncated to half": (lambda good: good[: len(good) // 2], None, "unreadable"),
    "truncated to one page": (lambda good: good[:4096], None, "unreadable"),
    "one page overwritten": (lambda good: good[:4096] + os.urandom(4096) + good[8192:], None, "unreadable"),
    "a table missing": (lambda good: good, _drop_table, "lacks the table"),
    "written by a newer version": (lambda good: good, _too_new, "newer version"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_b20_a_damaged_state_database_is_refused_untouched_and_nothing_is_redrafted(damage: str,
                                                                                     tmp_path: Path) -> None:
    good = _good_database(tmp_path)
    make, after, words = DAMAGE[damage]
    box, config = _setup(tmp_path / "case")
    db = tmp_path / "case" / "state" / state_mod.DB_NAME
    db.parent.mkdir(mode=0o700)
    db.write_bytes(make(good))
    if after is not None:
        after(db)
    before = db.read_bytes()
    with pytest.raises(StateError) as err:
        state_mod.State.open(db.parent)
    assert words in str(err.value) and str(db) in str(err.value)
    for command in (["run", "--now", "2026-11-17T17:00:00-05:00"], ["status", "--json"]):
        result = CliRunner().invoke(main, ["--config", str(config), *command])
        assert result.exit_code == EXIT_FAILED, (command, result.output)
        assert "error: the state database" in result.output and "Traceback" not in result.output
    assert db.read_bytes() == before  # byte for byte: never rebuilt, never "repaired"
    assert box.drafts() == []  # nothing drafted again from a state that lost its records
    figures.add("state", "damaged_databases_refused")
