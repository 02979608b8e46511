"""`interview-agent doctor --live` (issue 17): on each account one draft from and to the user is created, read
back, compared and deleted, never sent (B19); the report has one line per check, and the state records how
the agent recognises its own drafts there (B20). Over Maildir, Dovecot, the Gmail and the Graph test servers,
and with the mailbox replacing the draft's Message-ID (a fault of the test servers): the report says so, the
state records "draft-id", and the runs that follow make each draft once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fakes.gmail import FakeGoogle
from tests.fakes.graph import GraphFake
from tests.mailboxes_imap import ImapMailbox
from tests.system.test_doctor_providers import gmail_account, write_config
from tests.system.unattended_support import AFTER_END, cli, mailbox

GMAIL_USER = "jordan.lee@gmail.com"


def live(config: Path, *extra: str) -> tuple[int, list[str]]:
    done = cli("--config", str(config), "doctor", "--live", *extra)
    return done.returncode, (done.stdout + done.stderr).splitlines()


def line(lines: list[str], what: str) -> str:
    found = [x for x in lines if f" {what}: " in x]
    assert len(found) == 1, (what, lines)
    return found[0]


def recognition(config: Path, account: str) -> str | None:
    with sqlite3.connect(config.parent / "state" / "state.sqlite3") as db:
        row = db.execute("SELECT value FROM meta WHERE key=?", (f"recognition:{account}",)).fetchone()
    return row[0] if row else None


@pytest.fixture
def servers() -> Iterator[list[Any]]:
    started: list[Any] = []
    yield started
    for server in started:
        server.stop()
    for server in started:
        assert server.violations == []  # B19: no send, no request the provider should not make


def account_for(kind: str, tmp_path: Path, servers: list[Any], request: pytest.FixtureRequest) -> dict[str, Any]:
    if kind == "maildir":
        return {"provider": "maildir", "path": str(mailbox(tmp_path / "Mail").root)}
    if kind == "imap":
        box = ImapMailbox(request.getfixturevalue("imap_server"), tmp_path / "pw")
        return {**box.account(), "timeout": 5}
    if kind == "gmail":
        google = FakeGoogle(mailbox(tmp_path / "GMail").root, user=GMAIL_USER).start()
        servers.append(google)
        return gmail_account(google, tmp_path / "conf" / "secrets" / "gmail.json",
                             ("https://www.googleapis.com/auth/gmail.readonly",
                              "https://www.googleapis.com/auth/gmail.compose",
                              "https://www.googleapis.com/auth/calendar.events.readonly"), ["primary"])
    graph = GraphFake(mailbox(tmp_path / "Exchange").root, user=GMAIL_USER, workdir=tmp_path / "graph").start()
    servers.append(graph)
    return graph.account()


@pytest.mark.parametrize("kind", ["maildir", "imap", "gmail", "outlook"])
def test_live_check_creates_reads_back_and_deletes_one_draft_b19_b20(kind, tmp_path, servers, request):
    config = write_config(tmp_path / "conf", {"mail": account_for(kind, tmp_path, servers, request)})
    code, lines = live(config, "--yes")
    assert code == 0, lines
    assert "never sends" in lines[0]
    assert "kept (<" in line(lines, "Message-ID")
    for header in ("From header", "To header", "Subject header", "Date header", "in Drafts", "draft flag"):
        assert line(lines, header).startswith("ok"), lines
    assert "by the Message-ID it writes" in line(lines, "recognition")
    assert "never sent, and is gone from Drafts" in line(lines, "deleted")
    assert recognition(config, "mail") == "message-id"
    assert "all checks passed" in lines[-1]
    for server in servers:  # B19: nothing left behind, nothing sent
        paths = [p for _m, p in server.graph_requests()] if isinstance(server, GraphFake) else \
            [c.method_id for c in server.api_calls()]
        assert not any("send" in p.lower() for p in paths)


def test_live_check_asks_first_and_does_nothing_without_consent(tmp_path):
    config = write_config(tmp_path / "conf", {"mail": {"provider": "maildir",
                                                       "path": str(mailbox(tmp_path / "Mail").root)}})
    code, lines = live(config)  # no --yes, and no one at the terminal to say yes
    assert code == 1 and not any(" draft created: " in x for x in lines), lines
    assert not list((tmp_path / "Mail" / ".Drafts").glob("*/*"))


@pytest.mark.parametrize("kind", ["gmail", "outlook"])
def test_b20_message_id_replaced_by_the_mailbox_is_reported_recorded_and_nothing_duplicates(kind, tmp_path, servers,
                                                                                         request):
    config = write_config(tmp_path / "conf", {"mail": account_for(kind, tmp_path, servers, request)})
    servers[0].rewrite_message_ids(on_create=True)
    code, lines = live(config, "--yes")
    assert code == 0, lines
    assert "replaced by the mailbox: written <" in line(lines, "Message-ID")
    assert "by the draft id the mailbox returns" in line(lines, "recognition")
    assert recognition(config, "mail") == "draft-id"
    for _ in range(2):  # B20: the second run finds the drafts of the first by their ids, and makes none
        done = cli("--config", str(config), "run", "--now", AFTER_END)
        assert done.returncode == 0, done.stderr
    root = tmp_path / ("GMail" if kind == "gmail" else "Exchange")
    drafts = [p.read_bytes() for p in (root / ".Drafts").glob("*/*") if p.is_file()]
    assert len(drafts) == 2, drafts  # one thank-you per interviewer, each made once
    with sqlite3.connect(tmp_path / "conf" / "state" / "state.sqlite3") as db:
        recorded = {r[0] for r in db.execute("SELECT message_id FROM drafts WHERE state='draft'")}
    stored = {m for raw in drafts for m in [raw.split(b"Message-ID: ", 1)[1].split(b"\n", 1)[0].strip().decode()]}
    assert recorded == stored  # the record holds the Message-ID the mailbox gave, for the replies to match
