"""The harness itself must catch what it promises to catch: a wrong expectation, a draft that breaks a
global invariant (B10, B19, B20, B21, B23), a scenario file that is wrong."""

from __future__ import annotations

import shutil
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.scenarios import harness

CASE = harness.CASES / "02_b3_b6_outlook_teams_invitation"


def _copy_with(tmp_path: Path, old: str, new: str) -> harness.Scenario:
    folder = tmp_path / CASE.name
    shutil.copytree(CASE, folder)
    toml = folder / "scenario.toml"
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new), encoding="utf-8")
    return harness.load(folder)


def test_b9_harness_reports_a_missing_and_an_unexpected_draft(mailbox_factory, tmp_path: Path) -> None:
    scenario = _copy_with(tmp_path, 'to = "dbrooks@northwind-analytics.com"', 'to = "someone@northwind-analytics.com"')
    mailbox = mailbox_factory(tmp_path / "mail")
    try:
        failures = harness.replay(scenario, mailbox, tmp_path / "agent")
    finally:
        mailbox.close()
    text = "\n".join(map(str, failures))
    assert "someone@northwind-analytics.com" in text and "dbrooks@northwind-analytics.com" in text


def test_b8_harness_reports_a_wrong_draft_count(mailbox_factory, tmp_path: Path) -> None:
    scenario = _copy_with(tmp_path, "expect_total = 1", "expect_total = 2")
    mailbox = mailbox_factory(tmp_path / "mail")
    try:
        failures = harness.replay(scenario, mailbox, tmp_path / "agent")
    finally:
        mailbox.close()
    assert any("1 drafts in Drafts, expected 2" in str(f) for f in failures)


class _StaticMailbox:
    def __init__(self, drafts: list[EmailMessage]):
        self._drafts = drafts

    def drafts(self) -> list[EmailMessage]:
        return self._drafts


def _draft(**headers: str) -> EmailMessage:
    msg = EmailMessage()
    given = {name.replace("_", "-"): value for name, value in headers.items()}
    for name, value in {"From": "Jordan Lee <jordan.lee@gmail.com>", "To": "ana@acme.com",
                        "Subject": "Thank you", "Message-ID": "<a1@gmail.com>", **given}.items():
        msg[name] = value
    msg.set_content("Hi Ana,\n\nThank you.\n\nJordan Lee\n(555) 010-2000\n")
    return msg


def _replay_with(drafts: list[EmailMessage], kind: str = "thank_you") -> harness.Replay:
    scenario = harness.load(CASE)
    replay = harness.Replay(scenario, _StaticMailbox(drafts), Path("/nonexistent"))
    replay.status = {"interviews": [{"company": "Acme", "drafts": [
        {"kind": kind, "to": [str(d["To"])], "message_id": str(d["Message-ID"]), "state": "draft"}
        for d in drafts]}]}
    return replay


@pytest.mark.parametrize("headers, expected", [
    ({"X_Mailer": "interview-agent 0.1"}, "B23"),
    ({"Message-ID": "<interview-agent.1@gmail.com>"}, "B23"),
    ({"From": "someone@else.com"}, "not the user"),
    ({"To": "jordan.lee@gmail.com"}, "the user is a recipient"),
    ({"Subject": "Re: Re: Interview"}, "stacked reply prefix"),
    ({"In_Reply_To": "<unknown@x>", "References": "<unknown@x>"}, "names no message"),
])
def test_b21_b23_harness_flags_a_bad_draft(headers: dict, expected: str) -> None:
    replay = _replay_with([_draft(**headers)])
    replay._check_invariants(replay.mailbox.drafts(), "t")
    assert any(expected in str(f) for f in replay.failures), replay.failures


def test_b10_harness_flags_a_long_thank_you() -> None:
    draft = _draft()
    draft.set_content("Hi Ana,\n\n" + "word " * 151 + "\n\nJordan Lee\n")
    replay = _replay_with([draft])
    replay._check_invariants([draft], "t")
    assert any("B10" in str(f) for f in replay.failures)


def test_b17_harness_flags_a_follow_up_that_is_not_a_reply() -> None:
    replay = _replay_with([_draft()], kind="follow_up")
    replay._check_invariants(replay.mailbox.drafts(), "t")
    assert any("must be a reply" in str(f) for f in replay.failures)


def test_b20_harness_flags_a_second_thank_you_to_the_same_person() -> None:
    drafts = [_draft(), _draft(Message_ID="<a2@gmail.com>")]
    replay = _replay_with(drafts)
    replay._check_invariants(drafts, "t")
    assert any("a second thank_you" in str(f) for f in replay.failures)


def test_harness_rejects_a_scenario_delivering_mail_after_its_last_run(tmp_path: Path) -> None:
    folder = tmp_path / CASE.name
    shutil.copytree(CASE, folder)
    toml = folder / "scenario.toml"
    toml.write_text(toml.read_text().replace('at = "2026-11-06T16:20:00-05:00"', 'at = "2027-01-01T00:00:00-05:00"'))
    with pytest.raises(harness.ScenarioError, match="after the last run"):
        harness.load(folder)
