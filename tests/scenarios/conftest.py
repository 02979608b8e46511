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
