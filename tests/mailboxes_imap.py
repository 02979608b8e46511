"""`ImapMailbox`: the test `Mailbox` adapter for an IMAP account on the test Dovecot.

It plays the outside world and the user's mail client with Python's own imaplib, a second client that
shares no code with the provider (which uses imapclient). Each mailbox is a fresh Dovecot user, so tests
never share mail. Every operation opens its own short connection: a test that kills the user's server
sessions kills only the provider's.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import imaplib
import re
import shlex
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from tests.imap_server import DovecotServer

FOLDERS = {"inbox": "INBOX", "sent": "Sent", "drafts": "Drafts"}
_UID = re.compile(rb"UID (\d+)")
_FLAGS = re.compile(rb"FLAGS \(([^)]*)\)")


def _mid(value: object) -> str:
    text = "".join(str(value or "").split())
    return text if text.startswith("<") else f"<{text.strip('<>')}>"


class ImapMailbox:
    """One Dovecot user with INBOX, Sent (\\Sent) and Drafts (\\Drafts)."""

    def __init__(self, server: DovecotServer, secrets_dir: Path, *, folders: tuple[str, ...] = ("Sent", "Drafts"),
                 draft_flag: bool = True):
        self.server = server
        # False: as Gmail over IMAP, which shows no \Draft on drafts (jakartaee/mail-api#345): the user's
        # client saves drafts without it, and a draft counts as one by being in Drafts (Gmail's DRAFT label).
        # The provider's own APPENDs lose the flag through recorders.ImapProxy(strip_draft=True).
        self.draft_flag = draft_flag
        self.user, self.password = server.add_user()
        # The provider reads the password through password_command, from a 0600 file: self-contained,
        # so any test (or scenario replay) can use `account()` as it is.
        secrets_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.secret_path = secrets_dir / f"{self.user}.txt"
        self.secret_path.write_text(self.password + "\n")
        self.secret_path.chmod(0o600)
        with self.connection() as imap:
            for folder in folders:
                self._ok(imap.create(self._q(folder)))
                self._ok(imap.subscribe(self._q(folder)))

    # -- Mailbox -------------------------------------------------------------------------------------

    def account(self) -> dict[str, Any]:
        return {"provider": "imap", "host": self.server.host, "port": self.server.port,
                "username": self.user, "security": "none",
                "password_command": shlex.join(["cat", str(self.secret_path)])}

    def deliver(self, folder: str, raw: bytes, when: datetime | None = None) -> None:
        if folder not in ("inbox", "sent"):
            raise ValueError(f"unknown folder {folder!r}: use 'inbox' or 'sent'")
        # New mail arrives unread; a mail client files its own sent copy as read.
        flags = "(\\Seen)" if folder == "sent" else None
        self.append(FOLDERS[folder], raw, flags=flags, when=when)

    def drafts(self) -> list[EmailMessage]:
        return [self._parse(raw) for _uid, raw, _flags in self._messages("Drafts")]

    def send_draft(self, message_id: str) -> None:
        # As a mail client does: the sent copy is appended to Sent (read, not a draft) and the draft
        # is expunged from Drafts.
        uid, raw, _flags = self._find_draft(message_id)
        self.append("Sent", raw, flags="(\\Seen)", when=datetime.now(UTC))
        self._expunge("Drafts", uid)

    def delete_draft(self, message_id: str) -> None:
        uid, _raw, _flags = self._find_draft(message_id)
        self._expunge("Drafts", uid)

    def edit_draft(self, message_id: str, new_body: str) -> None:
        # Clients save an edited draft as a new message (same Message-ID) and expunge the old one.
        uid, raw, _flags = self._find_draft(message_id)
        msg = self._parse(raw)
        msg.set_content(new_body)
        flags = "(\\Draft \\Seen)" if self.draft_flag else "(\\Seen)"
        self.append("Drafts", msg.as_bytes(), flags=flags, when=datetime.now(UTC))
        self._expunge("Drafts", uid)

    def is_flagged_draft(self, message_id: str) -> bool:
        _uid, _raw, flags = self._find_draft(message_id)
        return "\\Draft" in flags or not self.draft_flag

    def snapshot(self) -> dict[str, tuple[str, str, str]]:
        """Every inbox and Sent message by folder and UID: sha256 of its bytes, its flags and INTERNALDATE
        (\\Recent is session state, not a stored flag, so it is left out)."""
        picture: dict[str, tuple[str, str, str]] = {}
        with self.connection() as imap:
            for folder in ("INBOX", "Sent"):
                self._ok(imap.select(self._q(folder), readonly=True))
                _typ, data = imap.uid("FETCH", "1:*", "(FLAGS INTERNALDATE BODY.PEEK[])")
                for item in data or ():
                    if not isinstance(item, tuple):
                        continue
                    meta, body = item
                    uid = _UID.search(meta).group(1).decode()
                    flags = " ".join(sorted(f for f in _FLAGS.search(meta).group(1).decode().split()
                                            if f != "\\Recent"))
                    date = re.search(rb'INTERNALDATE "([^"]+)"', meta).group(1).decode()
                    picture[f"{folder}/{uid}"] = (hashlib.sha256(body).hexdigest(), flags, date)
        return picture

    def close(self) -> None:
        """Nothing held open: every operation used its own connection."""

    # -- more than the Mailbox protocol, for IMAP-only tests -------------------------------------------

    @contextmanager
    def connection(self) -> Iterator[imaplib.IMAP4]:
        imap = imaplib.IMAP4(self.server.host, self.server.port, timeout=30)
        try:
            self._ok(imap.login(self.user, self.password))
            yield imap
        finally:
            try:
                imap.logout()
            except (imaplib.IMAP4.error, OSError):
                pass

    def append(self, folder: str, raw: bytes, *, flags: str | None = None, when: datetime | None = None) -> None:
        # INTERNALDATE: `when`, else now (as the Mailbox protocol says).
        stamp = imaplib.Time2Internaldate(when or time.time())
        with self.connection() as imap:
            self._ok(imap.append(self._q(folder), flags, stamp, raw))

    def messages(self, folder: str) -> list[tuple[int, bytes, str]]:
        """(uid, bytes, flags) of every message in `folder`, read with BODY.PEEK in a read-only EXAMINE."""
        return self._messages(folder)

    def flags(self, folder: str) -> dict[str, str]:
        """Message-ID -> flags (space separated) in `folder`."""
        return {_mid(self._parse(raw)["Message-ID"]): flags for _uid, raw, flags in self._messages(folder)}

    def internaldates(self, folder: str) -> dict[int, datetime]:
        with self.connection() as imap:
            self._ok(imap.select(self._q(folder), readonly=True))
            _typ, data = imap.uid("FETCH", "1:*", "(INTERNALDATE)")
            out = {}
            for line in data or ():
                if isinstance(line, bytes) and b"INTERNALDATE" in line:
                    uid = int(_UID.search(line).group(1))
                    # Internaldate2tuple gives local time; mktime turns it back into an instant.
                    out[uid] = datetime.fromtimestamp(time.mktime(imaplib.Internaldate2tuple(line)), UTC)
            return out

    def recreate_folder(self, folder: str) -> None:
        """Delete `folder` and create it again with the same messages: the server gives it a new
        UIDVALIDITY, as after a server migration or a restored backup."""
        with self.connection() as imap:
            self._ok(imap.select(self._q(folder), readonly=True))
            _typ, data = imap.uid("FETCH", "1:*", "(FLAGS INTERNALDATE BODY.PEEK[])")
            saved = []
            for item in data or ():
                if isinstance(item, tuple):
                    meta, body = item
                    flags = " ".join(f for f in _FLAGS.search(meta).group(1).decode().split() if f != "\\Recent")
                    date = re.search(rb'INTERNALDATE "([^"]+)"', meta).group(1).decode()
                    saved.append((flags, date, body))
            self._ok(imap.close())
            self._ok(imap.delete(self._q(folder)))
            self._ok(imap.create(self._q(folder)))
            for flags, date, body in saved:
                self._ok(imap.append(self._q(folder), f"({flags})", f'"{date}"', body))

    def delete_folder(self, folder: str) -> None:
        with self.connection() as imap:
            self._ok(imap.delete(self._q(folder)))

    def create_folder(self, folder: str) -> None:
        with self.connection() as imap:
            self._ok(imap.create(self._q(folder)))

    def uidvalidity(self, folder: str) -> int:
        with self.connection() as imap:
            typ, data = imap.status(self._q(folder), "(UIDVALIDITY)")
            self._ok((typ, data))
            return int(re.search(rb"UIDVALIDITY (\d+)", data[0]).group(1))

    # -- helpers -------------------------------------------------------------------------------------

    @staticmethod
    def _q(folder: str) -> str:
        return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'

    @staticmethod
    def _ok(result: tuple[str, Any]) -> Any:
        typ, data = result
        if typ != "OK":
            raise AssertionError(f"IMAP command failed: {typ} {data!r}")
        return data

    @staticmethod
    def _parse(raw: bytes) -> EmailMessage:
        # IMAP hands out CRLF line ends; a mail client shows text with plain newlines.
        return email.message_from_bytes(raw.replace(b"\r\n", b"\n"),  # type: ignore[return-value]
                                        policy=email.policy.default)

    def _messages(self, folder: str) -> list[tuple[int, bytes, str]]:
        out = []
        with self.connection() as imap:
            self._ok(imap.select(self._q(folder), readonly=True))
            typ, data = imap.uid("FETCH", "1:*", "(FLAGS BODY.PEEK[])")
            self._ok((typ, data))
            for item in data or ():
                if isinstance(item, tuple):
                    meta, body = item
                    flags = " ".join(f for f in _FLAGS.search(meta).group(1).decode().split() if f != "\\Recent")
                    out.append((int(_UID.search(meta).group(1)), body, flags))
        return sorted(out)

    def _find_draft(self, message_id: str) -> tuple[int, bytes, str]:
        wanted = _mid(message_id)
        for uid, raw, flags in self._messages("Drafts"):
            if _mid(self._parse(raw)["Message-ID"]) == wanted:
                return uid, raw, flags
        raise LookupError(f"no draft with Message-ID {message_id} in Drafts of {self.user}")

    def _expunge(self, folder: str, uid: int) -> None:
        with self.connection() as imap:
            self._ok(imap.select(self._q(folder)))
            self._ok(imap.uid("STORE", str(uid), "+FLAGS.SILENT", "(\\Deleted)"))
            self._ok(imap.expunge())


def scenario_mailbox(request: Any, root: Path) -> ImapMailbox:
    """The scenario replays' IMAP mailbox (tests/scenarios/conftest.py): a fresh Dovecot user of the
    session's server, its password in a 0600 file under `root`."""
    return ImapMailbox(request.getfixturevalue("imap_server"), root / "secrets")
