"""Replays every scenario under tests/scenarios/cases/ against the CLI (see README.md there).

Test ids are the folder names, which start with the rule ids each scenario checks
(e.g. `test_scenario[07_b11_already_wrote_to_interviewer-maildir]`).
"""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

import icalendar
import pytest

from tests.scenarios import harness

FOLDERS = harness.discover()
ALL_RULES = {f"B{i}" for i in range(1, 24)}


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_scenario(folder: Path, mailbox_factory, tmp_path: Path) -> None:
    scenario = harness.load(folder)
    mailbox = mailbox_factory(tmp_path / "mail")
    try:
        failures = harness.replay(scenario, mailbox, tmp_path / "agent")
    finally:
        mailbox.close()
    assert not failures, f"{scenario.name}: {scenario.description}\n" + "\n".join(f"- {f}" for f in failures)


def test_b1_to_b23_every_rule_is_exercised_by_some_scenario() -> None:
    covered = {rule for folder in FOLDERS for rule in harness.load(folder).rules}
    assert len(FOLDERS) >= 32
    assert ALL_RULES - covered == set()


def test_scenario_folder_names_start_with_their_rule_ids() -> None:
    for folder in FOLDERS:
        rules = harness.load(folder).rules
        match = re.match(r"\d{2,3}_((?:b\d+_)+)", folder.name)
        assert match, folder.name
        named = {f"B{n}" for n in re.findall(r"b(\d+)", match.group(1))}
        assert named <= set(rules), f"{folder.name} names rules its rules list lacks"


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_b2_scenario_mail_parses_and_invitations_are_valid_icalendar(folder: Path) -> None:
    """Every .eml (except the ones a scenario marks malformed) reads without MIME defects, and every
    calendar part is iCalendar with timezone-aware DTSTART/DTEND."""
    for path in sorted((folder / "mail").glob("*.eml")):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if "malformed" in path.name:
            continue
        assert not [d for part in msg.walk() for d in part.defects], path.name
        assert msg["Message-ID"] and msg["Date"] and msg["From"], path.name
        for part in msg.walk():
            if part.get_content_type() in ("text/calendar", "application/ics"):
                cal = icalendar.Calendar.from_ical(part.get_payload(decode=True))
                events = list(cal.walk("VEVENT"))
                assert events, path.name
                for ev in events:
                    assert not ev.errors, (path.name, ev.errors)
                    assert ev.decoded("DTSTART").tzinfo is not None, path.name
                    assert ev.decoded("DTEND") > ev.decoded("DTSTART"), path.name


def test_every_pending_scenario_exists() -> None:
    names = {f.name for f in FOLDERS}
    assert harness.pending() <= names, harness.pending() - names
