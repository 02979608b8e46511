"""Test mailboxes: what the user and the outside world do to a mailbox, independent of its kind.

The provider contract suite (`tests/providers/contract.py`) and the scenario replays
(`tests/scenarios/`) drive a mailbox only through `Mailbox`: mail arrives (`deliver`), the user sends,
deletes or edits a draft in their mail client, and the test reads back what is in Drafts. Each kind of
mailbox (Maildir here; IMAP, Gmail and Graph in their own files) implements it.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import os
import secrets
import shutil
import tempfile
import time
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Protocol


class Mailbox(Protocol):
    """A mailbox a test controls from the outside, as the world and the user's mail client would."""

    def account(self) -> dict[str, Any]:
        """The [account] table of the config that points a provider at this mailbox."""
        ...

    def deliver(self, folder: str, raw: bytes, when: datetime | None = None) -> None:
        """Put `raw` into "inbox" (mail received) or "sent" (mail the user sent). `when` is the time
        the mailbox received it (file mtime / INTERNALDATE); None means now."""
        ...

    def drafts(self) -> list[EmailMessage]:
        """Every message in Drafts, parsed with `email.policy.default`."""
        ...

    def send_draft(self, message_id: str) -> None:
        """The user sends this draft: it leaves Drafts and lands in Sent with the same Message-ID,
        no longer flagged as a draft."""
        ...

    def delete_draft(self, message_id: str) -> None:
        """The user deletes this draft."""
        ...

    def edit_draft(self, message_id: str, new_body: str) -> None:
        """The user edits this draft and saves it: same Message-ID and headers, new body."""
        ...

    def is_flagged_draft(self, message_id: str) -> bool:
        """True when the message with this Message-ID in Drafts carries the mailbox's draft marker
        (Maildir `D` flag, IMAP `\\Draft`, Gmail DRAFT label, Graph isDraft)."""
        ...

    def snapshot(self) -> Any:
        """An opaque, comparable picture of the inbox and Sent: every message's bytes, name and flags.
        Two equal snapshots mean nobody changed, moved, flagged or deleted a received or sent mail."""
        ...

    def close(self) -> None:
        """Release the mailbox (temp folders, servers)."""
        ...


def unique_name(file_name: str) -> str:
    """A Maildir file name without its info part (written here, not imported: this file plays the
    world outside the provider and must not share its code)."""
    return file_name.partition(":")[0]


def _mid(value: object) -> str:
    text = "".join(str(value or "").split())
    return text if text.startswith("<") else f"<{text.strip('<>')}>"


class MaildirMailbox:
    """A Maildir++ tree in a temp folder: inbox at the root, `.Sent`, `.Drafts`."""

    _counter = 0

    def __init__(self, root: Path | None = None, *, host: str = "mail.example.test"):
        self._own_tmp = root is None
        self.root = Path(tempfile.mkdtemp(prefix="maildir-")) if root is None else Path(root)
        self.host = host
        for folder in (self.root, self.root / ".Sent", self.root / ".Drafts"):
            for sub in ("cur", "new", "tmp"):
                (folder / sub).mkdir(parents=True, exist_ok=True)
        for folder in (".Sent", ".Drafts"):
            (self.root / folder / "maildirfolder").touch()

    # -- Mailbox -------------------------------------------------------------------------------------

    def account(self) -> dict[str, Any]:
        return {"provider": "maildir", "path": str(self.root)}

    def deliver(self, folder: str, raw: bytes, when: datetime | None = None) -> None:
        # As an MDA does: new mail lands in new/ without an info part; a mail client saves its own
        # sent copy straight into .Sent/cur, marked seen.
        if folder == "inbox":
            self._write(self.root, "new", self._unique(when), raw, when)
        elif folder == "sent":
            self._write(self.root / ".Sent", "cur", self._unique(when) + ":2,S", raw, when)
        else:
            raise ValueError(f"unknown folder {folder!r}: use 'inbox' or 'sent'")

    def drafts(self) -> list[EmailMessage]:
        return [self._parse(path) for path in self._draft_paths()]

    def send_draft(self, message_id: str) -> None:
        path = self._draft_path(message_id)
        # A client that sends a draft stores the sent copy in Sent and drops it from Drafts; moving the
        # file keeps its unique name and clears the D flag, as Dovecot does for an IMAP MOVE.
        flags = "".join(sorted(set(self._flags(path.name)) - {"D"} | {"S"}))
        os.rename(path, self.root / ".Sent" / "cur" / f"{unique_name(path.name)}:2,{flags}")

    def delete_draft(self, message_id: str) -> None:
        self._draft_path(message_id).unlink()

    def edit_draft(self, message_id: str, new_body: str) -> None:
        path = self._draft_path(message_id)
        msg = self._parse(path)
        msg.set_content(new_body)
        # Mail clients save an edited draft as a new message and drop the old one.
        self._write(self.root / ".Drafts", "cur", self._unique(None) + ":2,DS", msg.as_bytes(), None)
        path.unlink()

    def is_flagged_draft(self, message_id: str) -> bool:
        return "D" in self._flags(self._draft_path(message_id).name)

    def snapshot(self) -> dict[str, tuple[str, int]]:
        picture: dict[str, tuple[str, int]] = {}
        for folder in (self.root, self.root / ".Sent"):
            for sub in ("cur", "new", "tmp"):
                for path in sorted((folder / sub).iterdir()):
                    data = path.read_bytes()
                    picture[path.relative_to(self.root).as_posix()] = (
                        hashlib.sha256(data).hexdigest(), path.stat().st_mtime_ns)
        return picture

    def close(self) -> None:
        if self._own_tmp:
            shutil.rmtree(self.root, ignore_errors=True)

    # -- helpers -------------------------------------------------------------------------------------

    def _unique(self, when: datetime | None) -> str:
        MaildirMailbox._counter += 1
        seconds = int(when.timestamp()) if when else int(time.time())
        return f"{seconds}.M{MaildirMailbox._counter}P{os.getpid()}R{secrets.token_hex(4)}.{self.host}"

    def _write(self, folder: Path, sub: str, name: str, raw: bytes, when: datetime | None) -> Path:
        tmp = folder / "tmp" / unique_name(name)
        tmp.write_bytes(raw)
        if when is not None:
            os.utime(tmp, (when.timestamp(), when.timestamp()))
        final = folder / sub / name
        os.rename(tmp, final)
        return final

    @staticmethod
    def _flags(name: str) -> str:
        return name.partition(":2,")[2]

    @staticmethod
    def _parse(path: Path) -> EmailMessage:
        return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)  # type: ignore

    def _draft_paths(self) -> list[Path]:
        drafts = self.root / ".Drafts"
        return sorted(p for sub in ("cur", "new") for p in (drafts / sub).iterdir() if p.is_file())

    def _draft_path(self, message_id: str) -> Path:
        wanted = _mid(message_id)
        for path in self._draft_paths():
            if _mid(self._parse(path)["Message-ID"]) == wanted:
                return path
        raise LookupError(f"no draft with Message-ID {message_id} in {self.root / '.Drafts'}")


# -- every mailbox kind a replay can run over -----------------------------------------------------------------
PLUGGABLE = ("imap", "gmail", "graph")


def _maildir_for(request: Any, root: Path) -> Any:
    return MaildirMailbox(root)


def scenario_mailboxes() -> dict[str, Any]:
    """name -> factory(request, root) -> Mailbox: Maildir, plus each `tests/mailboxes_<name>.py` that defines
    `scenario_mailbox(request, root)` (it may ask `request.getfixturevalue` for its server)."""
    import importlib

    found: dict[str, Any] = {"maildir": _maildir_for}
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
