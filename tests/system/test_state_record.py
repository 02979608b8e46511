"""B20 end to end on a Maildir: the mailbox is the record, the state store a cache of it. The issue's case
(the state emptied after the thank-yous were drafted: doctor said "integrity ok" and the next run drafted
them again), a deleted state, a second installation, and states that must not be trusted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from agent import doctor
from agent.cli import main
from tests.mailboxes import MaildirMailbox

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mail"
AFTER_END = "2026-11-17T17:00:00-05:00"
CONFIG = """
[user]
name = "Jordan Lee"
email = "{email}"
timezone = "America/New_York"

[profile]
pitch = "I build reliable backend services."

[account]
provider = "maildir"
path = "{path}"

[agent]
state_dir = "{state}"
briefing = false  # the briefing (B24) has its own tests: tests/unit/test_briefing.py, scenarios 290-298
"""


@pytest.fixture
def box(tmp_path):
    mailbox = MaildirMailbox(tmp_path / "Mail")
    mailbox.deliver("inbox", (FIXTURES / "google_invite_interview.eml").read_bytes())
    yield mailbox
    mailbox.close()


def config(tmp_path: Path, box, state: str = "state", email: str = "jordan.lee@gmail.com") -> Path:
    path = tmp_path / f"{state}.toml"
    path.write_text(CONFIG.format(email=email, path=box.account()["path"], state=tmp_path / state))
    return path


def run(cfg: Path, now: str = AFTER_END):
    return CliRunner().invoke(main, ["--config", str(cfg), "run", "--now", now], catch_exceptions=False)


def ids(box) -> list[str]:
    return sorted(str(m["Message-ID"]) for m in box.drafts())


def state_checks(cfg: Path) -> list[doctor.Check]:
    return [c for c in doctor.run_checks(cfg) if c.area == "state" and c.what == "database"]


@pytest.mark.parametrize("loss", ["emptied", "deleted", "wal_gone"])
def test_b20_state_emptied_or_deleted_after_the_thank_yous_makes_none_again(tmp_path, box, loss):
    cfg = config(tmp_path, box)
    assert run(cfg).exit_code == 0
    made = ids(box)
    assert len(made) >= 1
    db = tmp_path / "state" / "state.sqlite3"
    if loss == "emptied":
        db.write_bytes(b"")
        for extra in ("-wal", "-shm"):
            Path(f"{db}{extra}").unlink(missing_ok=True)
        [check] = state_checks(cfg)
        assert not check.ok and "empty (0 bytes)" in check.detail and "interview-agent run" in check.detail
    elif loss == "deleted":
        for f in (tmp_path / "state").iterdir():
            f.unlink()
    else:
        db.unlink()
    result = run(cfg)
    assert result.exit_code == 0, result.output
    assert ids(box) == made  # recognised in Drafts by their Message-IDs, not made again
    with sqlite3.connect(db) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT message_id FROM drafts WHERE state='draft'")) == made
    [check] = state_checks(cfg)
    assert check.ok and "integrity ok" in check.detail
    assert run(cfg, "2026-11-18T09:00:00-05:00").exit_code == 0 and ids(box) == made


def test_b20_a_second_installation_on_the_same_mailbox_makes_no_duplicate(tmp_path, box):
    first, second = config(tmp_path, box, "state"), config(tmp_path, box, "state2")
    assert run(first).exit_code == 0
    made = ids(box)
    assert run(second).exit_code == 0 and ids(box) == made
    assert run(first, "2026-11-18T09:00:00-05:00").exit_code == 0
    assert run(second, "2026-11-18T09:00:00-05:00").exit_code == 0
    assert ids(box) == made


def test_b20_a_sent_draft_is_recognised_with_the_state_lost(tmp_path, box):
    cfg = config(tmp_path, box)
    assert run(cfg).exit_code == 0
    made = ids(box)
    for mid in made:
        box.send_draft(mid)
    for f in (tmp_path / "state").iterdir():
        f.unlink()
    assert run(cfg, "2026-11-18T09:00:00-05:00").exit_code == 0
    assert ids(box) == []
    with sqlite3.connect(tmp_path / "state" / "state.sqlite3") as conn:
        assert {r[0] for r in conn.execute("SELECT state FROM drafts")} == {"sent"}


def test_b20_a_state_of_another_account_is_refused_exit_2_and_doctor_says_so(tmp_path, box):
    assert run(config(tmp_path, box)).exit_code == 0
    other_cfg = tmp_path / "other.toml"
    other_cfg.write_text(CONFIG.format(email="ana.ruiz@fastmail.com", path=box.account()["path"],
                                       state=tmp_path / "state"))
    before = ids(box)
    result = CliRunner().invoke(main, ["--config", str(other_cfg), "run", "--now", AFTER_END])
    assert result.exit_code == 2
    assert "written for jordan.lee@gmail.com" in result.output + str(result.stderr_bytes or b"", "utf-8")
    assert ids(box) == before
    [check] = state_checks(other_cfg)
    assert not check.ok and "agent.state_dir" in check.detail


def test_b20_a_state_from_the_future_is_refused_with_the_fix(tmp_path, box):
    cfg = config(tmp_path, box)
    assert run(cfg, "2027-03-01T09:00:00-05:00").exit_code == 0
    before = ids(box)
    result = CliRunner().invoke(main, ["--config", str(cfg), "run", "--now", AFTER_END])
    assert result.exit_code == 1
    assert "clock" in result.output + str(result.stderr_bytes or b"", "utf-8")
    assert ids(box) == before
