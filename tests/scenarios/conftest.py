"""The mailboxes the scenarios replay over: every scenario runs unchanged over each of them.

Maildir is built in. Each other provider's test module `tests/mailboxes_<name>.py` plugs in by defining
`scenario_mailbox(request, root) -> Mailbox` (see `tests.mailboxes.scenario_mailboxes`); nothing here needs
editing when one is added."""

from __future__ import annotations

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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A pending scenario (tests/scenarios/pending.txt) runs on Maildir as a strict expected failure, so that
    one the agent starts to pass fails the suite until it is taken off the list; on the other mailbox kinds it
    is left out (deselected, not skipped)."""
    from tests.scenarios.harness import pending

    waiting = pending()
    if not waiting:
        return
    kept, dropped = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        folder = callspec.params.get("folder") if callspec else None
        if item.originalname != "test_scenario" or folder is None or folder.name not in waiting:
            kept.append(item)
        elif callspec.params.get("mailbox_factory") == "maildir":
            item.add_marker(pytest.mark.xfail(strict=True, reason="pending: tests/scenarios/pending.txt"))
            kept.append(item)
        else:
            dropped.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """The draft linter's counts over the scenarios replayed in this session (tests/scenarios/draft_linter.py)."""
    from tests.scenarios.draft_linter import SUMMARY

    if SUMMARY.drafts:
        terminalreporter.write_line(SUMMARY.text())
