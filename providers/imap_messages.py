"""Pure helpers on message bytes and BODYSTRUCTURE answers, for the IMAP provider: dates,
line ends, the draft fingerprint, which mail is a newsletter (read by its headers only) and which carries
an invitation (always read in full). No network here.
"""

from __future__ import annotations

import email.utils
import hashlib
import re
from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from typing import Any

BODY_CHUNK_BYTES = 20 * 1024 * 1024  # bytes per body FETCH (bounded memory per round trip)
BODY_CHUNK_COUNT = 200
BULK_PRECEDENCE = {"bulk", "list", "junk"}
CALENDAR_TYPES = {("text", "calendar"), ("application", "ics"), ("text", "x-vcalendar")}


def crlf(raw: bytes) -> bytes:
    """IMAP wants CRLF line ends; the composer may hand over bare LFs."""
    return re.sub(rb"\r?\n", b"\r\n", raw)


def sha(raw: bytes) -> str:
    """The draft fingerprint kept in its ref: sha256 of the bytes, line ends normalised."""
    # Line ends and trailing blank lines are normalised: servers may store either form.
    return hashlib.sha256(raw.replace(b"\r\n", b"\n").rstrip(b"\n")).hexdigest()


def date_header(raw: bytes) -> datetime | None:
    """The Date header as an aware datetime (UTC when it has no zone), None when absent or unreadable."""
    value = BytesHeaderParser(policy=compat32).parsebytes(raw).get("Date")
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def aware(value: Any) -> datetime | None:
    """An INTERNALDATE as an aware datetime (naive ones are UTC), None when it is not a datetime."""
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def is_bulk(header: bytes) -> bool:
    """Newsletters and mailing lists (List-Id, List-Unsubscribe, Precedence: bulk/list/junk)."""
    parsed = BytesHeaderParser(policy=compat32).parsebytes(header)
    if parsed.get("List-Id") or parsed.get("List-Unsubscribe"):
        return True
    return str(parsed.get("Precedence", "")).strip().lower() in BULK_PRECEDENCE


def has_calendar(structure: Any) -> bool:
    """True when BODYSTRUCTURE shows a text/calendar part or an .ics file; also when it cannot be read
    (then the body is fetched rather than an invitation missed)."""
    try:
        return _walk_calendar(structure, depth=0)
    except (TypeError, ValueError, IndexError, AttributeError, UnicodeError):
        return True


def _walk_calendar(part: Any, depth: int) -> bool:
    if part is None or depth > 20:
        return depth > 20
    if isinstance(part[0], (list, tuple)):  # multipart: (parts..., subtype, ...) as imapclient gives it
        children = part[0] if getattr(part, "is_multipart", False) else [p for p in part
                                                                          if isinstance(p, (list, tuple))]
        return any(_walk_calendar(child, depth + 1) for child in children)
    kind = (_text(part[0]).lower(), _text(part[1]).lower())
    if kind in CALENDAR_TYPES:
        return True
    words = [_text(x).lower() for x in _flatten(part[2:])]
    return any(w.endswith((".ics", ".vcs")) for w in words)


def _flatten(items: Any) -> list[Any]:
    out: list[Any] = []
    for item in items or ():
        if isinstance(item, (list, tuple)):
            out.extend(_flatten(item))
        elif item is not None:
            out.append(item)
    return out


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


_MIME_HEADERS = re.compile(rb"^(content-type|content-transfer-encoding|mime-version)\s*:", re.IGNORECASE)


def header_only(header: bytes) -> bytes:
    """The header block alone, without its MIME headers, so a multipart newsletter whose body was not
    read does not look like a broken multipart message to the parser."""
    out: list[bytes] = []
    dropping = False
    for line in header.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):
            if not dropping:
                out.append(line)
            continue
        dropping = bool(_MIME_HEADERS.match(line))
        if not dropping:
            out.append(line)
    body = b"".join(out).rstrip(b"\r\n")
    return body + b"\r\n\r\n"


def size_chunks(items: list[tuple[int, int]]) -> list[list[int]]:
    """(uid, size) pairs cut into UID lists of at most BODY_CHUNK_COUNT UIDs and BODY_CHUNK_BYTES bytes
    (a single larger message gets a list of its own)."""
    chunks: list[list[int]] = []
    current: list[int] = []
    total = 0
    for uid, size in items:
        if current and (total + size > BODY_CHUNK_BYTES or len(current) >= BODY_CHUNK_COUNT):
            chunks.append(current)
            current, total = [], 0
        current.append(uid)
        total += size
    if current:
        chunks.append(current)
    return chunks
