"""A Message-ID of the mailbox's own making in place of the client's: the faults of the test servers for what
docs/research/provider_behaviour.md §10 leaves unverified (issue 17 point 7). Gmail's SMTP side is reported
to overwrite a client's Message-ID when it sends (FlowCrypt/flowcrypt-browser#4273); Exchange MAY overwrite
PidTagInternetMessageId before submitting to SMTP ([MS-OXCMAIL] 2.1.3.2.11). Whether either happens to a
draft created from MIME, or sent from the web UI, is not documented: the servers keep it by default and can
be told not to, so that the agent's recognition of its own drafts (B20) is tested both ways.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

_MESSAGE_ID_FIELD = re.compile(rb"^message-id[ \t]*:.*(?:\r?\n[ \t].*)*\r?\n", re.IGNORECASE | re.MULTILINE)


def gmail_made() -> str:
    """A Message-ID shaped as Gmail's own ("<CA...@mail.gmail.com>")."""
    return f"<CA{secrets.token_urlsafe(30).replace('-', '+').replace('_', '=')}@mail.gmail.com>"


def exchange_made() -> str:
    """A Message-ID shaped as Exchange Online's own."""
    return f"<{secrets.token_hex(16).upper()}@GRAPHFAKE01.prod.outlook.com>"


def replace_message_id(raw: bytes, new: str) -> bytes:
    """`raw` with its Message-ID field (every one, folded lines included) replaced by one carrying `new`."""
    newline = b"\r\n" if b"\r\n\r\n" in raw else b"\n"
    cut = raw.find(newline * 2)
    head, body = (raw, b"") if cut < 0 else (raw[:cut + len(newline)], raw[cut + len(newline):])
    if not head.endswith(b"\n"):
        head += newline
    return b"Message-ID: " + new.encode("ascii") + newline + _MESSAGE_ID_FIELD.sub(b"", head) + body


def rewrite_file(path: Path, new: str) -> bytes:
    """Give the mail file at `path` the Message-ID `new` (written aside, then renamed over it); its bytes."""
    data = replace_message_id(path.read_bytes(), new)
    tmp = path.with_name(f".rewrite-{secrets.token_hex(4)}")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return data
