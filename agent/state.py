"""The state store: one SQLite file (0600, in a 0700 folder) per state dir.

It keeps, per account, the provider's sync cursor, the messages read (reduced to `Message`), the
events a calendar API reported, and, across accounts, every draft the agent intended or made, and the
decision dates the user set. Each step is one transaction. The schema carries a version; migrations are
ordered and named, and a database written by a newer version is refused rather than rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

from agent import codec
from agent.core.errors import StateError, StateMismatch
from agent.core.model import DecisionStatement, DraftRecord, Event, Message

DB_NAME = "state.sqlite3"

# Ordered, named migrations. Never edit one that has shipped; append a new one.
MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", """
        CREATE TABLE accounts (
            name TEXT PRIMARY KEY,
            cursor TEXT,
            last_run TEXT
        );
        CREATE TABLE messages (
            account TEXT NOT NULL,
            key TEXT NOT NULL,
            message_id TEXT NOT NULL,
            folder TEXT NOT NULL,
            date TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (account, key)
        );
        CREATE INDEX messages_mid ON messages (message_id);
        CREATE TABLE calendar (
            account TEXT NOT NULL,
            uid TEXT NOT NULL,
            recurrence_id TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (account, uid, recurrence_id)
        );
        CREATE TABLE drafts (
            key TEXT PRIMARY KEY,
            account TEXT NOT NULL,
            interview_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            recipients TEXT NOT NULL,
            message_id TEXT NOT NULL UNIQUE,
            subject TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL,
            provider_ref TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            intent_at TEXT NOT NULL,
            created_at TEXT,
            updated_at TEXT
        );
        CREATE INDEX drafts_interview ON drafts (interview_id);
        CREATE TABLE decisions (
            interview_id TEXT PRIMARY KEY,
            day TEXT NOT NULL,
            text TEXT NOT NULL,
            set_at TEXT NOT NULL
        );
    """),
    # A counter per account that store_sync raises whenever the stored mail or calendar changes, and the
    # last plan made from it (runner: a run that finds nothing changed reuses it instead of re-deriving).
    ("0002_plan_cache", """
        ALTER TABLE accounts ADD COLUMN content_version INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE plan_cache (
            account TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            data BLOB NOT NULL
        );
        CREATE INDEX messages_folder ON messages (account, folder);
    """),
    # Facts about the store itself: whose mailbox it is a cache of ("user": the user's address, B20).
    ("0003_meta", """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
    """),
]
SCHEMA_VERSION = len(MIGRATIONS)
FUTURE_SLACK = timedelta(days=1)  # a last run later than now by more than this: a state from the future


def _secure_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)


class State:
    """Open with `State.open(state_dir)`; close with `.close()` or use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    # -- opening and migrations -------------------------------------------------------------------
    @classmethod
    def open(cls, state_dir: Path) -> State:
        state_dir = Path(state_dir).expanduser()
        _secure_dir(state_dir)
        path = state_dir / DB_NAME
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        os.chmod(path, 0o600)
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            state = cls(conn, path)
            state._migrate()
            state._check_tables()
            return state
        except sqlite3.DatabaseError as exc:
            raise StateError(f"the state database {path} is unreadable ({exc}). Nothing was changed. "
                             f"Move it aside to start afresh; the agent will then not know which drafts "
                             f"it already made, so check your Drafts folder afterwards.") from exc

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StateError(f"the state database {self.path} was written by a newer version of "
                             f"interview-agent (schema {version}, this one knows {SCHEMA_VERSION}); "
                             f"upgrade interview-agent rather than let it rewrite the state.")
        for number, (_name, sql) in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                for statement in filter(str.strip, sql.split(";")):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={number}")

    def _check_tables(self) -> None:
        """The file passes SQLite's quick check and every table the migrations made is there: a damaged
        database is refused, never patched up or rebuilt (that would draft everything again, B20)."""
        damage = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]  # ~10 ms for 25 MB of state
        if damage != "ok":
            self.conn.close()
            raise sqlite3.DatabaseError(f"damaged: {damage}")
        wanted = {m for _name, sql in MIGRATIONS for m in re.findall(r"CREATE TABLE (\w+)", sql)}
        found = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if wanted - found:
            self.conn.close()
            raise StateError(f"the state database {self.path} lacks the table(s) {', '.join(sorted(wanted - found))} "
                             f"its schema version {SCHEMA_VERSION} should have: it was damaged or edited. Nothing "
                             f"was changed. Restore it from a backup, or move it aside to start afresh (the agent "
                             f"will then not know which drafts it already made: check your Drafts folder).")

    # -- whose cache this is (B20: the mailbox is the record, the state a cache of it) ---------------------
    def owner(self) -> str | None:
        """The user's address this state was written for, or None (a new store, or one from before 0003)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key='user'").fetchone()
        return row[0] if row else None

    # -- how the agent recognises its own drafts on an account (doctor --live, B20) --------------------------
    def recognition(self, account: str) -> str | None:
        """What `doctor --live` found the account's mailbox keeps of a draft: "message-id" (the agent finds
        its drafts by the Message-ID it wrote) or "draft-id" (the mailbox gave the draft a Message-ID of
        its own: the agent goes by the provider's draft id and records the Message-ID the mailbox gave);
        None when no live check ran (the agent assumes "message-id")."""
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (f"recognition:{account}",)).fetchone()
        return row[0] if row else None

    def set_recognition(self, account: str, method: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (f"recognition:{account}", method))

    def latest_run(self) -> datetime | None:
        """The latest run over every account the store knows, or None when none ran yet."""
        runs = [datetime.fromisoformat(r[0]) for r in self.conn.execute("SELECT last_run FROM accounts")
                if r[0]]
        return max(runs, default=None)

    def trust_problem(self, user: str, now: datetime) -> StateError | None:
        """Why this store must not be trusted as the cache of `user`'s mailbox at `now`, or None: it was
        written for another address, or its last run is more than a day after `now` (a state from another
        machine with a clock ahead, or this machine's clock is wrong). Never trusted silently: the caller
        refuses to run (doctor reports it)."""
        owner, where = self.owner(), self.path.parent
        if owner is not None and owner != user.strip().lower():
            return StateMismatch(
                f"the state in {where} was written for {owner}, but this config's user.email is {user}. "
                f"Nothing was changed. If {where} belongs to another account, give this config a state "
                f"folder of its own (agent.state_dir); if you changed your address, move {where} aside "
                f"(mv {where} {where}.old): the next run rebuilds it from the mailbox, recognising the drafts "
                f"made under {user} in Drafts or Sent (check Drafts for those made under {owner}).")
        latest = self.latest_run()
        if latest is not None and latest > now + FUTURE_SLACK:
            return StateError(
                f"the state in {where} records a run at {latest.isoformat(timespec='minutes')}, later than now "
                f"({now.isoformat(timespec='minutes')}): this machine's clock is wrong, or the state came from "
                f"a machine whose clock was ahead. Nothing was changed. Set the clock right; if it is right, "
                f"move {where} aside (mv {where} {where}.old): the next run rebuilds it from the mailbox, "
                f"recognising the drafts already in Drafts or Sent by their Message-IDs.")
        return None

    def claim(self, user: str) -> None:
        """Record whose mailbox this store caches (the first run; a store from before 0003 on its next)."""
        with self.transaction() as c:
            c.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('user', ?)", (user.strip().lower(),))

    def is_blank(self) -> bool:
        """No run, no draft and no decision recorded: a new store, or one lost, emptied or deleted."""
        return not any(self.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
                       for table in ("accounts", "drafts", "decisions"))

    def check_integrity(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> State:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- sync data --------------------------------------------------------------------------------
    def cursor(self, account: str) -> dict | None:
        row = self.conn.execute("SELECT cursor FROM accounts WHERE name=?", (account,)).fetchone()
        return json.loads(row[0]) if row and row[0] else None

    def store_sync(self, account: str, messages: Iterable[Message], events: Iterable[Event],
                   events_complete: bool, cursor: dict | None, now: datetime) -> None:
        """Messages, calendar changes and (unless `cursor` is None) the new cursor, in one transaction: a
        crash keeps the old cursor, so the same mail is read again, never lost. Any change to the stored
        mail or calendar raises the account's content version (see `content_version`)."""
        with self.transaction() as c:
            before = c.total_changes
            c.executemany(
                "INSERT OR REPLACE INTO messages (account, key, message_id, folder, date, data) "
                "VALUES (?,?,?,?,?,?)",
                ((account, m.key, m.message_id, m.folder, m.date.isoformat(), codec.message_to(m))
                 for m in messages))
            changed = c.total_changes != before
            rows = [(account, e.uid, e.recurrence_id, json.dumps(codec.event_to(e))) for e in events]
            if events_complete:
                old = c.execute("SELECT uid, recurrence_id, data FROM calendar WHERE account=? "
                                "ORDER BY uid, recurrence_id", (account,)).fetchall()
                changed = changed or old != sorted((r[1], r[2], r[3]) for r in rows)
                c.execute("DELETE FROM calendar WHERE account=?", (account,))
            else:
                changed = changed or bool(rows)
            c.executemany(
                "INSERT OR REPLACE INTO calendar (account, uid, recurrence_id, data) VALUES (?,?,?,?)", rows)
            c.execute("INSERT INTO accounts (name, cursor, last_run) VALUES (?,NULL,?) "
                      "ON CONFLICT(name) DO UPDATE SET last_run=excluded.last_run", (account, now.isoformat()))
            if cursor is not None:
                self._write_cursor(c, account, cursor)
            if changed:
                c.execute("UPDATE accounts SET content_version = content_version + 1 WHERE name=?", (account,))

    def save_cursor(self, account: str, cursor: dict) -> None:
        """The provider's new cursor, once everything it vouches for is done (the runner saves it after the
        drafts are checked: a cursor that says "Drafts unchanged" must not outlive an unfinished check)."""
        with self.transaction() as c:
            self._write_cursor(c, account, cursor)

    @staticmethod
    def _write_cursor(c: sqlite3.Connection, account: str, cursor: dict) -> None:
        text = json.dumps(cursor)
        # A cursor can be large (a Maildir's file names): rewritten only when it changed.
        c.execute("UPDATE accounts SET cursor=? WHERE name=? AND cursor IS NOT ?", (text, account, text))

    def content_version(self, account: str) -> int:
        """Raised by every store_sync that changed the account's stored mail or calendar."""
        row = self.conn.execute("SELECT content_version FROM accounts WHERE name=?", (account,)).fetchone()
        return row[0] if row else 0

    def messages(self, account: str, folder: str | None = None) -> list[Message]:
        """The account's stored mail, oldest first; only one folder's ("inbox", "sent") when given."""
        if folder is None:
            rows = self.conn.execute("SELECT data FROM messages WHERE account=? ORDER BY date, key", (account,))
        else:
            rows = self.conn.execute("SELECT data FROM messages WHERE account=? AND folder=? ORDER BY date, key",
                                     (account, folder))
        return [codec.message_from(r[0]) for r in rows]

    def calendar_events(self, account: str) -> list[Event]:
        rows = self.conn.execute("SELECT data FROM calendar WHERE account=?", (account,))
        return [codec.event_from(json.loads(r[0])) for r in rows]

    def last_run(self, account: str) -> str | None:
        row = self.conn.execute("SELECT last_run FROM accounts WHERE name=?", (account,)).fetchone()
        return row[0] if row else None

    def completed_run(self, account: str) -> datetime | None:
        """When the account's last run that got to its end ran (B24: the briefing comes at the first run of
        the morning; a run that crashed does not count, so the next one is still the first)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (f"completed_run {account}",)).fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def record_completed_run(self, account: str, now: datetime) -> None:
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?,?)",
                      (f"completed_run {account}", now.isoformat()))

    # -- drafts -----------------------------------------------------------------------------------
    def drafts(self, account: str | None = None) -> list[DraftRecord]:
        sql = "SELECT key, interview_id, kind, recipients, message_id, created_at, state, provider_ref, " \
              "subject, reason FROM drafts"
        rows = self.conn.execute(sql + (" WHERE account=?" if account else "") + " ORDER BY intent_at, key",
                                 (account,) if account else ())
        return [DraftRecord(key=r[0], interview_id=r[1], kind=r[2], to=tuple(json.loads(r[3])), message_id=r[4],
                            created_at=datetime.fromisoformat(r[5]) if r[5] else None, state=r[6],
                            provider_ref=r[7], subject=r[8], reason=r[9]) for r in rows]

    def record_intent(self, account: str, rec: DraftRecord, now: datetime) -> None:
        """Before the draft is written: the key and Message-ID it will carry (B20)."""
        with self.transaction() as c:
            c.execute("INSERT INTO drafts (key, account, interview_id, kind, recipients, message_id, subject, "
                      "state, reason, intent_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                      (rec.key, account, rec.interview_id, rec.kind, json.dumps(list(rec.to)),
                       rec.message_id, rec.subject, "intent", rec.reason, now.isoformat()))

    def record_found(self, account: str, records: Iterable[DraftRecord], now: datetime) -> None:
        """Drafts the agent made that the mailbox shows and the store did not record (B20: the store was
        lost or replaced, or another installation made them), with the state they were found in."""
        with self.transaction() as c:
            c.executemany("INSERT OR IGNORE INTO drafts (key, account, interview_id, kind, recipients, message_id, "
                          "subject, state, provider_ref, reason, intent_at, created_at, updated_at) "
                          "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                          [(r.key, account, r.interview_id, r.kind, json.dumps(list(r.to)), r.message_id, r.subject,
                            r.state, r.provider_ref, r.reason, now.isoformat(),
                            (r.created_at or now).isoformat(), now.isoformat()) for r in records])

    def record_created(self, key: str, provider_ref: str, now: datetime, *, message_id: str = "") -> None:
        """The draft is in the mailbox under `provider_ref`; `message_id`: the one the mailbox gave it, when
        that is not the one it was written with (recognition "draft-id"). A draft recorded before (a twin's
        copy adopted) keeps the time it was made (B24 counts the drafts made since the last briefing)."""
        with self.transaction() as c:
            c.execute("UPDATE drafts SET state='draft', provider_ref=?, created_at=COALESCE(created_at, ?), "
                      "updated_at=?, "
                      "message_id=COALESCE(NULLIF(?, ''), message_id) WHERE key=?",
                      (provider_ref, now.isoformat(), now.isoformat(), message_id, key))

    def forget_intent(self, key: str) -> None:
        """An intent whose draft never reached the mailbox (crash before the write)."""
        with self.transaction() as c:
            c.execute("DELETE FROM drafts WHERE key=? AND state='intent'", (key,))

    def set_draft_states(self, changes: dict[str, str], now: datetime) -> None:
        if not changes:
            return
        with self.transaction() as c:
            c.executemany("UPDATE drafts SET state=?, updated_at=? WHERE key=?",
                          [(state, now.isoformat(), key) for key, state in changes.items()])

    # -- decision dates the user set --------------------------------------------------------------
    def set_decision(self, interview_id: str, day: date, text: str, now: datetime) -> None:
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO decisions (interview_id, day, text, set_at) VALUES (?,?,?,?)",
                      (interview_id, day.isoformat(), text, now.isoformat()))

    def decision_overrides(self) -> dict[str, DecisionStatement]:
        rows = self.conn.execute("SELECT interview_id, day, text, set_at FROM decisions")
        return {r[0]: DecisionStatement(day=date.fromisoformat(r[1]), sentence=r[2], source="set-decision",
                                        stated_at=datetime.fromisoformat(r[3])) for r in rows}

    # -- the last plan, for runs that find nothing changed ----------------------------------------
    def plan_inputs_digest(self) -> str:
        """A digest of what a plan reads from the store besides mail and calendar: the drafts (every
        account's: the planner sees them all) and the decision dates the user set."""
        digest = hashlib.sha256()
        for table, order in (("drafts", "key"), ("decisions", "interview_id")):
            for row in self.conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                digest.update(json.dumps(row, default=str).encode())
            digest.update(b"|")
        return digest.hexdigest()

    def cached_plan(self, account: str, fingerprint: str) -> bytes | None:
        row = self.conn.execute("SELECT data FROM plan_cache WHERE account=? AND fingerprint=?",
                                (account, fingerprint)).fetchone()
        return row[0] if row else None

    def store_plan(self, account: str, fingerprint: str, data: bytes) -> None:
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO plan_cache (account, fingerprint, data) VALUES (?,?,?)",
                      (account, fingerprint, data))
