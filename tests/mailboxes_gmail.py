"""`GmailMailbox`: the test `Mailbox` adapter for a Gmail account served by the loopback fake.

The fake (`tests/fakes/gmail.py`) serves a Maildir++ tree as the Gmail account. The outside world and
the user's mail client act on that tree (through `MaildirMailbox`), exactly as another program would;
the fake reflects it (new mail, a draft sent = moved to .Sent, deleted, or replaced by an edited copy).
What only Gmail knows (the DRAFT label, labels of received mail) is read from the fake's state.

`scenario_mailbox(request, root)` makes every scenario in tests/scenarios replay over Gmail too.
`close()` stops the fake and fails when the provider made a request the real API would have refused.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from tests.fakes.gmail import FakeGoogle
from tests.mailboxes import MaildirMailbox, _mid


class GmailMailbox:
    def __init__(self, root: Path | None = None, *, user: str | None = None):
        self.maildir = MaildirMailbox(root)
        self.root = self.maildir.root
        self.fake = FakeGoogle(self.root, user=user).start()
        self.secrets = Path(tempfile.mkdtemp(prefix="gmail-secrets-"))
        self._account = self.fake.account(self.secrets / "gmail-token.json")
        self._closed = False

    # -- Mailbox -------------------------------------------------------------------------------------

    def account(self) -> dict[str, Any]:
        return dict(self._account)

    def deliver(self, folder: str, raw: bytes, when: datetime | None = None) -> None:
        self.maildir.deliver(folder, raw, when)

    def drafts(self) -> list[EmailMessage]:
        return self.maildir.drafts()

    def send_draft(self, message_id: str) -> None:
        self.maildir.send_draft(message_id)

    def delete_draft(self, message_id: str) -> None:
        self.maildir.delete_draft(message_id)

    def edit_draft(self, message_id: str, new_body: str) -> None:
        self.maildir.edit_draft(message_id, new_body)

    def is_flagged_draft(self, message_id: str) -> bool:
        store = self.fake.store
        wanted = _mid(message_id)
        with store.lock:
            store.rescan()
            live = set(store.drafts.values())
            return any(m.id in live and "DRAFT" in m.labels for m in store.messages.values()
                       if m.message_id == wanted)

    def snapshot(self) -> Any:
        store = self.fake.store
        with store.lock:
            store.rescan()
            labels = {m.unique: tuple(sorted(m.labels)) for m in store.messages.values() if "DRAFT" not in m.labels}
        return self.maildir.snapshot(), labels

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.fake.stop()
        self.maildir.close()
        shutil.rmtree(self.secrets, ignore_errors=True)
        if self.fake.violations:
            raise AssertionError("requests the real Gmail/Calendar API would refuse:\n"
                                 + "\n".join(f"- {v}" for v in self.fake.violations))

    # -- Gmail only ----------------------------------------------------------------------------------

    def message(self, message_id: str) -> Any:
        """The fake's record (id, threadId, labels) of the message with this Message-ID."""
        store = self.fake.store
        with store.lock:
            store.rescan()
            return next(m for m in store.messages.values() if m.message_id == _mid(message_id))


def scenario_mailbox(request: Any, root: Path) -> GmailMailbox:
    return GmailMailbox(root)
