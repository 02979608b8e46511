"""The mailbox the scenarios replay over. Other providers add themselves to MAILBOXES (or override the
`mailbox_factory` fixture in their own conftest) and every scenario runs over them unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


def _maildir(root: Path) -> Any:
    from tests.mailboxes import MaildirMailbox

    return MaildirMailbox(root)


# name -> factory(folder for the mailbox) -> Mailbox
MAILBOXES: dict[str, Callable[[Path], Any]] = {"maildir": _maildir}


@pytest.fixture(params=sorted(MAILBOXES))
def mailbox_factory(request: pytest.FixtureRequest) -> Callable[[Path], Any]:
    return MAILBOXES[request.param]
