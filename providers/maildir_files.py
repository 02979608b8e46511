"""Maildir files as the Maildir provider reads and writes them: names, flags, header blocks, and the
durable tmp/-then-rename write (maildir.py reads mail with these, maildir_drafts.py writes drafts).

Glossary
- unique name: a Maildir file name up to its info part (`:2,<flags>`, or `!2,` where ":" is not allowed).
  Flags change when a mail client reads or answers a message; the unique name never does.
- flags: the letters after the info part, in ASCII order (D draft, S seen, T trashed, ...).
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import time
from pathlib import Path

HEADER_CHUNK = 8192
MAX_HEADER_BYTES = 256 * 1024
_INFO = re.compile(r"[:!]2,")  # "!" is the info separator some tools use where ":" is not allowed


def unique_name(file_name: str) -> str:
    """The Maildir unique name of a file name: everything before its info part (":2,FLAGS")."""
    match = _INFO.search(file_name)
    return file_name[: match.start()] if match else file_name


def flags(file_name: str) -> str:
    """The flags of a file name ("" when it has no info part)."""
    match = _INFO.search(file_name)
    return file_name[match.end():] if match else ""


def first_bytes(path: Path) -> bytes:
    """The start of a mail file, up to the end of its header block or MAX_HEADER_BYTES (OSError)."""
    head = b""
    with open(path, "rb") as handle:
        while len(head) < MAX_HEADER_BYTES:
            chunk = handle.read(HEADER_CHUNK)
            if not chunk:
                break
            head += chunk
            if b"\n\n" in head or b"\r\n\r\n" in head:
                break
    return head


def header_block(path: Path) -> bytes | None:
    """The header block of a mail file, or None (unreadable, or no end of headers in reach)."""
    try:
        head = first_bytes(path)
    except OSError:
        return None
    for sep in (b"\r\n\r\n", b"\n\n"):
        end = head.find(sep)
        if end >= 0:
            return head[:end + len(sep)]
    return None


def new_unique() -> str:
    """A fresh unique name in the conventional shape "<sec>.M<usec>P<pid>R<random>.<host>", as mail
    clients write it: nothing in the name says a program made the file (B23)."""
    now_ns = time.time_ns()
    host = socket.gethostname() or "localhost"
    host = host.replace("/", "\\057").replace(":", "\\072").replace("!", "\\041")
    host = "".join(c for c in host if c.isprintable() and not c.isspace()) or "localhost"
    return (f"{now_ns // 1_000_000_000}.M{now_ns // 1000 % 1_000_000}P{os.getpid()}"
            f"R{secrets.token_hex(8)}.{host}")


def write_new(raw: bytes, tmp_path: Path, final_path: Path) -> None:
    """Write `raw` to `tmp_path` (0600, fsynced), then rename it to `final_path` and sync the folder, as
    Maildir delivery asks: a reader never sees half a file, and a crash leaves it whole or absent (B20).
    OSError when it fails; the half-written temporary file is then removed."""
    try:
        fd = os.open(tmp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(raw)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.rename(tmp_path, final_path)
        fsync_dir(final_path.parent)
    except OSError:
        _discard_tmp(tmp_path)
        raise


def fsync_dir(directory: Path) -> None:
    """Make a rename or removal in `directory` durable (best effort: some file systems refuse)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _discard_tmp(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass  # a stray file in tmp/ is harmless: mail tools clean tmp/ after 36 hours
