"""B22: the log (and the run output cron appends to it) holds ids and counts, never mail text: no subject,
event title, person's name or sentence of a delivered mail. `show` (the user's own terminal) keeps them."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

from click.testing import CliRunner

from agent.cli import main
from tests.scenarios.harness import mail_sentences
from tests.system.maildir_setup import INVITE, mailbox_and_config

TIMELINE = "Our steering panel convenes on Thursday, and we will get back to you by Monday the 30th."


def _reply() -> bytes:
    msg = EmailMessage()
    msg["From"] = "Priya Shah <priya.shah@acmerobotics.com>"
    msg["To"] = "Jordan Lee <jordan.lee@gmail.com>"
    msg["Subject"] = "Backend Engineer timeline from the Acme hiring desk"
    msg["Date"] = "Wed, 18 Nov 2026 10:00:00 -0500"
    msg["Message-ID"] = "<timeline-1@acmerobotics.com>"
    msg.set_content(f"Hi Jordan,\n\n{TIMELINE}\n\nBest,\nPriya Shah\nTalent Partner, Acme Robotics\n")
    return msg.as_bytes()


def _cli(config: Path, *args: str):
    return CliRunner().invoke(main, ["--config", str(config), *args], catch_exceptions=False)


def test_b22_runs_leave_no_mail_text_in_any_log(tmp_path: Path) -> None:
    box, config = mailbox_and_config(tmp_path)
    invite = INVITE.read_bytes()
    state = tmp_path / "state"
    outputs = []
    try:
        outputs.append(_cli(config, "run", "--now", "2026-11-17T17:00:00-05:00"))
        box.deliver("inbox", _reply())
        outputs.append(_cli(config, "run", "--now", "2026-11-18T11:00:00-05:00"))
        outputs.append(_cli(config, "run", "--now", "2026-12-01T09:00:00-05:00"))  # the follow-up
        [iv] = json.loads(_cli(config, "status", "--json").output)["interviews"]
        shown = _cli(config, "show", iv["id"]).output
    finally:
        box.close()
    # what cron would append to the log: the runs' own output
    (state / "cron-output.log").write_text("".join(r.output for r in outputs), encoding="utf-8")
    secret = [t for t in mail_sentences(invite) + mail_sentences(_reply()) if t != "Jordan Lee"]
    assert "Backend Engineer timeline from the Acme hiring desk" in secret and TIMELINE in secret
    assert any(t == "Priya Shah" for t in secret)
    logs = list(state.rglob("*.log*"))
    assert len(logs) >= 2
    for log in logs:
        text = log.read_text(encoding="utf-8", errors="replace")
        assert "draft" in text  # the log does say what happened, by id and count
        leaked = [t for t in secret if t in text]
        assert not leaked, f"{log.name} holds mail text: {leaked}"
    assert iv["id"] in (state / "interview-agent.log").read_text()
    # the user's own terminal keeps the words: `show` quotes the decision sentence
    assert "Monday the 30th" in shown and "2026-11-30" in shown
