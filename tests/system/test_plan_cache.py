"""Issue 8: a run that finds nothing changed reuses the last plan, and never at the cost of a due draft."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from agent import plan_cache
from agent import state as state_mod
from agent.cli import main
from tests.system.maildir_setup import mailbox_and_config

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mail"
BEFORE_END = "2026-11-17T14:00:00-05:00"  # the fixture interview runs until 15:00 New York time
LATER_BEFORE_END = "2026-11-17T14:30:00-05:00"
AFTER_END = "2026-11-17T17:00:00-05:00"


@pytest.fixture
def setup(tmp_path):
    box, config = mailbox_and_config(tmp_path)
    yield box, config
    box.close()


def cli(config: Path, *args: str):
    return CliRunner().invoke(main, ["--config", str(config), *args], catch_exceptions=False)


def test_b8_nothing_changed_but_the_interview_ended_so_thank_yous_are_drafted(setup):
    box, config = setup
    assert cli(config, "run", "--now", BEFORE_END).exit_code == 0
    assert cli(config, "run", "--now", LATER_BEFORE_END).exit_code == 0
    assert box.drafts() == []
    assert cli(config, "run", "--now", AFTER_END).exit_code == 0  # same mail; only the clock moved on
    assert len(box.drafts()) == 2


def test_nothing_changed_run_does_not_read_the_stored_mail(setup, monkeypatch):
    box, config = setup
    assert cli(config, "run", "--now", BEFORE_END).exit_code == 0
    read = []
    original = state_mod.State.messages
    monkeypatch.setattr(state_mod.State, "messages", lambda self, *a, **k: read.append(a) or original(self, *a, **k))
    assert cli(config, "run", "--now", LATER_BEFORE_END).exit_code == 0
    assert read == []
    box.deliver("inbox", (FIXTURES / "google_invite_interview.eml").read_bytes().replace(
        b"Message-ID: <", b"Message-ID: <again-"))
    assert cli(config, "run", "--now", LATER_BEFORE_END).exit_code == 0
    assert read  # new mail: the plan is made afresh from the store


def test_status_after_a_cached_run_matches_a_fresh_evaluation(setup, tmp_path):
    _box, config = setup
    cli(config, "run", "--now", BEFORE_END)
    cli(config, "run", "--now", LATER_BEFORE_END)
    cached = cli(config, "status", "--json", "--now", LATER_BEFORE_END).output
    with state_mod.State.open(tmp_path / "state") as st:
        st.conn.execute("DELETE FROM plan_cache")
    assert cli(config, "status", "--json", "--now", LATER_BEFORE_END).output == cached


class _Boom:
    def __reduce__(self):
        return (print, ("pickled code ran",))


def test_a_tampered_plan_cache_is_ignored_not_run():
    assert plan_cache.load(pickle.dumps((_Boom(), {}))) is None
    assert plan_cache.load(b"not a pickle") is None


def test_plan_validity_ends_at_the_next_instant_the_planner_compares_the_clock_with(setup, tmp_path):
    _box, config = setup
    cli(config, "run", "--now", BEFORE_END)
    with state_mod.State.open(tmp_path / "state") as st:
        (data,) = st.conn.execute("SELECT data FROM plan_cache").fetchone()
    plan, found = plan_cache.load(data)
    (interview,) = found.values()
    assert plan.valid_until == interview.end  # the thank-yous fall due then (B8)
    assert plan.valid_from is None  # nothing the plan depends on lies before it
    assert plan.valid_at(interview.end.replace(minute=0) - (interview.end - interview.start))
    assert not plan.valid_at(interview.end)
