"""The mailboxes the scenarios replay over: every scenario runs unchanged over each of them.

Maildir is built in. Each other provider's test module `tests/mailboxes_<name>.py` plugs in by defining
`scenario_mailbox(request, root) -> Mailbox` (it may ask `request.getfixturevalue` for its server);
nothing here needs editing when one is added."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

PLUGGABLE = ("imap", "gmail", "graph")


def _maildir(request: pytest.FixtureRequest, root: Path) -> Any:
    from tests.mailboxes import MaildirMailbox

    return MaildirMailbox(root)


def _discover() -> dict[str, Callable[[pytest.FixtureRequest, Path], Any]]:
    found: dict[str, Callable[[pytest.FixtureRequest, Path], Any]] = {"maildir": _maildir}
    for name in PLUGGABLE:
        try:
            module = importlib.import_module(f"tests.mailboxes_{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"tests.mailboxes_{name}":
                raise
            continue
        if hasattr(module, "scenario_mailbox"):
            found[name] = module.scenario_mailbox
    return found


# name -> factory(request, folder for the mailbox) -> Mailbox
MAILBOXES = _discover()


@pytest.fixture(params=sorted(MAILBOXES))
def mailbox_factory(request: pytest.FixtureRequest) -> Callable[[Path], Any]:
    make = MAILBOXES[request.param]
    return lambda root: make(request, root)
