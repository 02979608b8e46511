"""`GraphMailbox`: the test `Mailbox` adapter for an Outlook account on the Graph test server.

The world (mail arriving, the user sending, deleting or editing a draft in their client) acts on the
Maildir++ tree the server serves, exactly as `MaildirMailbox` does; the server reflects those changes to
the provider between runs. Closing the mailbox stops the server and fails the test when the provider
made a request Graph would reject or that the agent must never make (`GraphFake.violations`).
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from tests.fakes.graph import GraphFake
from tests.fakes.graph_api import DEFAULT_FIELDS
from tests.mailboxes import MaildirMailbox, _mid


class GraphMailbox:
    """A Maildir++ tree (a temp folder unless `root` is given) behind a started GraphFake."""

    def __init__(self, root: Path | None = None, *, user: str = ""):
        self.tree = MaildirMailbox(root)
        self.root = self.tree.root
        self.fake = GraphFake(self.root, user=user).start()
        self._closed = False

    # -- Mailbox -------------------------------------------------------------------------------------

    def account(self) -> dict[str, Any]:
        return self.fake.account()

    def deliver(self, folder: str, raw: bytes, when: datetime | None = None) -> None:
        self.tree.deliver(folder, raw, when)

    def drafts(self) -> list[EmailMessage]:
        return self.tree.drafts()

    def send_draft(self, message_id: str) -> None:
        self.tree.send_draft(message_id)

    def delete_draft(self, message_id: str) -> None:
        self.tree.delete_draft(message_id)

    def edit_draft(self, message_id: str, new_body: str) -> None:
        self.tree.edit_draft(message_id, new_body)

    def is_flagged_draft(self, message_id: str) -> bool:
        """The D flag in the tree and isDraft as Graph reports it, in Drafts."""
        if not self.tree.is_flagged_draft(message_id):
            return False
        with self.fake.api.lock:
            self.fake.store.refresh()
            for item in self.fake.store.in_folder("drafts"):
                if _mid(item.header("Message-ID")) == _mid(message_id):
                    return bool(self.fake.api.message_json(item, DEFAULT_FIELDS, "")["isDraft"])
        return False

    def snapshot(self) -> Any:
        return self.tree.snapshot()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        violations = list(self.fake.violations)
        self.fake.stop()
        self.tree.close()
        assert not violations, "requests Graph would reject or the agent must never make:\n" + "\n".join(violations)


def scenario_mailbox(request: pytest.FixtureRequest, root: Path) -> GraphMailbox:
    """Every scenario replays over an Outlook account too (tests/scenarios/conftest.py finds this)."""
    return GraphMailbox(root)
