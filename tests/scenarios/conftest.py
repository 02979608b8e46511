"""The mailboxes the scenarios replay over: every scenario runs unchanged over each of them.

Maildir is built in. Each other provider's test module `tests/mailboxes_<name>.py` plugs in by defining
`scenario_mailbox(request, root) -> Mailbox` (see `tests.mailboxes.scenario_mailboxes`); nothing here needs
editing when one is added."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.mailboxes import scenario_mailboxes

# name -> factory(request, folder for the mailbox) -> Mailbox
MAILBOXES = scenario_mailboxes()


@pytest.fixture(params=sorted(MAILBOXES))
def mailbox_factory(request: pytest.FixtureRequest) -> Callable[[Path], Any]:
    make = MAILBOXES[request.param]
    return lambda root: make(request, root)


# Over the two HTTP test servers, the default run replays the original scenarios (01-99) and every fourth
# corpus scenario (100 and up, by number); INTERVIEW_AGENT_LONG=1 (or --long) replays all of them there too.
# Maildir and the real Dovecot replay every scenario in every run, and the briefing scenarios (290-299: they
# write, delete and read back mail to oneself, which each provider does its own way) run everywhere always.
SAMPLED_KINDS = frozenset({"gmail", "graph"})
SAMPLE_EVERY = 4
ALWAYS = range(290, 300)


def _sampled_out(kind: str, folder: Path) -> bool:
    if kind not in SAMPLED_KINDS or os.environ.get("INTERVIEW_AGENT_LONG", "") not in ("", "0"):
        return False
    number = int(folder.name.split("_", 1)[0])
    return number >= 100 and number % SAMPLE_EVERY != 0 and number not in ALWAYS


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Which replays run (deselected ones are left out, not skipped):
    - a pending scenario (tests/scenarios/pending.txt) runs on Maildir as a strict expected failure, so that
      one the agent starts to pass fails the suite until it is taken off the list, and nowhere else;
    - over the Gmail and Graph test servers, the corpus is sampled unless the long run is asked for (above)."""
    from tests.scenarios.harness import pending

    waiting = pending()
    kept, dropped = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        folder = callspec.params.get("folder") if callspec else None
        kind = callspec.params.get("mailbox_factory") if callspec else None
        if item.originalname != "test_scenario" or folder is None:
            kept.append(item)
        elif folder.name in waiting:
            if kind == "maildir":
                item.add_marker(pytest.mark.xfail(strict=True, reason="pending: tests/scenarios/pending.txt"))
                kept.append(item)
            else:
                dropped.append(item)
        elif _sampled_out(str(kind), folder):
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """The draft linter's counts over the scenarios replayed in this session (tests/scenarios/draft_linter.py)."""
    from tests.scenarios.draft_linter import SUMMARY

    if SUMMARY.drafts:
        terminalreporter.write_line(SUMMARY.text())
