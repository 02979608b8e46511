"""`interview-agent run` end to end on a Maildir: crash safety, dry runs, the safety valve, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from agent import state as state_mod
from agent.cli import main
from providers import maildir
from tests.corpus import EXTERNAL
from tests.system.maildir_setup import mailbox_and_config

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mail"
AFTER_END = "2026-11-17T17:00:00-05:00"  # the fixture interview ends at 15:00 New York time


@pytest.fixture
def setup(tmp_path):
    box, config = mailbox_and_config(tmp_path)
    yield box, config
    box.close()


class Killed(BaseException):
    """Stands for the process dying at that point: nothing after it runs."""


def cli(config: Path, *args: str):
    return CliRunner().invoke(main, ["--config", str(config), *args], catch_exceptions=False)


def thank_yous(box) -> list[str]:
    return sorted(str(m["To"]) for m in box.drafts())


def test_b8_b9_run_drafts_one_thank_you_per_interviewer(setup):
    box, config = setup
    result = cli(config, "run", "--now", AFTER_END)
    assert result.exit_code == 0, result.output
    # B6: Priya Shah organizes and attends, and nothing marks her as a recruiter; the room is no one
    assert thank_yous(box) == ["Priya Shah <priya.shah@acmerobotics.com>", "Sam Ortiz <sam.ortiz@acmerobotics.com>"]
    assert cli(config, "run", "--now", AFTER_END).exit_code == 0
    assert len(box.drafts()) == 2  # B20: a second run makes nothing new


def test_dry_run_changes_nothing(setup, tmp_path):
    box, config = setup
    result = cli(config, "run", "--dry-run", "--now", AFTER_END)
    assert result.exit_code == 0 and "thank_you" in result.output
    assert box.drafts() == []
    with state_mod.State.open(tmp_path / "state") as st:
        assert st.drafts() == [] and st.messages("account") == []


def test_b20_crash_after_writing_the_draft_before_recording_it(setup, monkeypatch):
    box, config = setup

    def crash(*_a, **_k):
        raise Killed("between the write and the record")

    monkeypatch.setattr(state_mod.State, "record_created", crash)
    with pytest.raises(Killed):
        cli(config, "run", "--now", AFTER_END)
    assert len(box.drafts()) == 1  # the first draft reached Drafts, its record did not
    monkeypatch.undo()
    assert cli(config, "run", "--now", AFTER_END).exit_code == 0
    assert len(box.drafts()) == 2  # recovered by its Message-ID, not written again; the second made now
    assert len({str(m["To"]) for m in box.drafts()}) == 2


def test_b20_crash_after_the_intent_before_the_write(setup, monkeypatch):
    box, config = setup

    def crash(*_a, **_k):
        raise Killed("before the write")

    monkeypatch.setattr(maildir.MaildirProvider, "create_draft", crash)
    with pytest.raises(Killed):
        cli(config, "run", "--now", AFTER_END)
    assert box.drafts() == []
    monkeypatch.undo()
    assert cli(config, "run", "--now", AFTER_END).exit_code == 0
    assert len(box.drafts()) == 2


def test_b20_deleted_draft_is_never_recreated_and_status_says_deleted(setup):
    box, config = setup
    cli(config, "run", "--now", AFTER_END)
    for draft in box.drafts():
        box.delete_draft(draft["Message-ID"])
    cli(config, "run", "--now", "2026-11-17T20:00:00-05:00")
    assert box.drafts() == []
    status = cli(config, "status", "--json")
    assert '"state": "deleted"' in status.output


def test_safety_valve_holds_back_an_unusual_number_of_drafts(setup):
    box, config = setup
    config.write_text(config.read_text().replace("[agent]\n", "[agent]\nmax_drafts_per_run = 1\n"))
    box.deliver("inbox", (FIXTURES / "greenhouse_invite.eml").read_bytes())  # two interviewers
    after = "2026-11-20T18:00:00-05:00"  # the panel ended at 17:30 New York time
    held = cli(config, "run", "--now", after)
    assert held.exit_code == 1 and "max_drafts_per_run" in held.output
    assert box.drafts() == []
    forced = cli(config, "run", "--now", after, "--force")
    assert forced.exit_code == 0 and len(box.drafts()) == 2


def test_bad_config_exits_2_and_names_the_key(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[user]\nname = "J"\nemail = "not-an-address"\ntimezone = "Mars/Base"\n')
    result = CliRunner().invoke(main, ["--config", str(config), "run"])
    assert result.exit_code == 2
    assert "user.email" in result.output and "user.timezone" in result.output and "[account]" in result.output


def test_missing_maildir_exits_2_with_the_fix(setup, tmp_path):
    _, config = setup
    config.write_text(config.read_text().replace(str(tmp_path / "Mail"), str(tmp_path / "nowhere")))
    result = CliRunner().invoke(main, ["--config", str(config), "run"])
    assert result.exit_code == 2 and "account.path" in result.output


def test_show_explains_the_decisions(setup):
    _box, config = setup
    cli(config, "run", "--now", AFTER_END)
    status = cli(config, "status", "--json").output
    import json

    [iv] = json.loads(status)["interviews"]
    out = cli(config, "show", iv["id"]).output
    assert "decision" in out and "why:" in out and "thank_you" in out


def test_b21_b22_malformed_mail_is_skipped_with_a_log_line_and_the_run_goes_on(setup, tmp_path):
    box, config = setup
    corpus = EXTERNAL
    bad = (corpus / "msgraph-graph-mocks" / "extracted-from-graph-v1_0-proxy-mocks" / "me-messages-id-value.eml")
    box.deliver("inbox", b"\x00\x01 not a mail at all \xff\xfe")
    if bad.exists():
        box.deliver("inbox", bad.read_bytes())
    result = cli(config, "run", "--now", AFTER_END)
    assert result.exit_code == 1  # "some items failed and were skipped (logged)"
    assert len(box.drafts()) == 2
    log = (tmp_path / "state" / "interview-agent.log").read_text()
    assert "skipped a malformed message" in log
    assert "not a mail at all" not in log  # B22: the log names the file, never its content
