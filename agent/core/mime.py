"""Raw RFC 5322 bytes -> `agent.core.model.Message`: headers of interest, the mail's own plain text
(HTML converted, quoted earlier mail removed) and the calendar events it carries.

Mail is untrusted (B21): every string that may later reach a header or a draft is cleaned of control,
zero-width and bidi characters, and the work done per message is bounded. Pure logic: no I/O. The text
functions (`clean_text`, `clean_multiline`, `html_to_text`) live in `agent.core.text`; the providers
reach them through this module too.
"""

from __future__ import annotations

import email
import email.header
import email.policy
import email.utils
import hashlib
import logging
import re
from collections.abc import Iterator
from datetime import datetime
from email.message import Message as EmailMessage
from typing import cast
from zoneinfo import ZoneInfo

from agent.core.errors import MalformedInput
from agent.core.model import Event, Message, Person
from agent.core.text import clean_multiline, clean_text, html_to_text, strip_quoted

log = logging.getLogger(__name__)

MAX_PART_BYTES = 5 * 1024 * 1024  # a part larger than this is not decoded
MAX_PARTS = 200  # parts walked per message
MAX_TEXT = 20_000  # characters of text kept
MAX_HEADER = 300  # characters kept per header of interest
HEADERS_OF_INTEREST = (
    "auto-submitted", "precedence", "x-autoreply", "x-autorespond", "x-auto-response-suppress",
    "list-id", "list-unsubscribe", "return-path", "x-failed-recipients", "content-type", "sender",
)
_MSGID_RE = re.compile(r"<([^<>\s]+)>")
_ICS_TYPES = {"text/calendar", "application/ics", "text/x-vcalendar"}


# ---------------------------------------------------------------- entry point


def parse_message(raw: bytes, *, key: str, folder: str, tz: ZoneInfo,
                  received: datetime | None = None) -> Message:
    """Reduce one raw mail to a Message. Raises MalformedInput when the bytes have no usable header
    block (no From, Date or Message-ID), no date can be found, or parsing fails unexpectedly."""
    try:
        return _parse(raw, key=key, folder=folder, tz=tz, received=received)
    except MalformedInput:
        raise
    except Exception as exc:  # any stdlib surprise on hostile input becomes a skip, never a crash
        raise MalformedInput(f"unreadable message {key!r}: {type(exc).__name__}: {exc}"[:200]) from exc


_DATE_LINE = re.compile(rb"^date:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)


def header_date(head: bytes, *, tz: ZoneInfo, received: datetime | None = None) -> datetime | None:
    """The date parse_message would give a mail, from its header block alone (the bytes before the first
    empty line), or None when that cannot be told without the whole mail. Lets a provider skip mail
    older than the look-back by reading its headers only."""
    match = _DATE_LINE.search(head)
    value = ""
    if match:
        value = match.group(1).decode("utf-8", "replace")
        value = re.sub(r"\r?\n(?=[ \t])", "", value).strip()
    try:
        return _date(value, tz, received)
    except Exception:
        return None


def _parse(raw: bytes, *, key: str, folder: str, tz: ZoneInfo, received: datetime | None) -> Message:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    names = {name.lower() for name, _value in msg.raw_items()}
    if not names & {"from", "date", "message-id"}:
        raise MalformedInput("no header block (no From, Date or Message-ID)")
    message_id = _message_id(_raw(msg, "message-id"), key)
    parts = list(_walk(msg))
    return Message(
        key=key,
        folder=folder,
        message_id=message_id,
        date=_date(_raw(msg, "date"), tz, received),
        sender=next(iter(_people(_raw_all(msg, "from"))), None),
        to=_people(_raw_all(msg, "to")),
        cc=_people(_raw_all(msg, "cc")),
        reply_to=_people(_raw_all(msg, "reply-to")),
        subject=clean_text(_decode_words(_raw(msg, "subject"))),
        in_reply_to=next(iter(_msgids(_raw(msg, "in-reply-to"))), ""),
        references=_msgids(_raw(msg, "references")),
        text=_body_text(parts),
        headers=_headers(msg),
        events=_events(parts, tz=tz, source=f"mail {message_id}"),
    )


# ---------------------------------------------------------------- headers


def _raw_all(msg: EmailMessage, name: str) -> list[str]:
    """Every raw value of a header, unfolded, 8-bit bytes read as UTF-8. Raw values never raise,
    unlike the default policy's parsed headers on malformed input."""
    values = []
    for n, value in msg.raw_items():
        if n.lower() == name:
            if not isinstance(value, str):  # a policy may hand back a Header object
                value = str(value)
            value = value.encode("ascii", "surrogateescape").decode("utf-8", "replace")
            values.append(re.sub(r"\r?\n(?=[ \t])", "", value).strip())
    return values


def _raw(msg: EmailMessage, name: str) -> str:
    values = _raw_all(msg, name)
    return values[0] if values else ""


def _decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words; an unknown charset falls back to UTF-8 with replacement."""
    try:
        chunks = email.header.decode_header(value)
    except Exception:
        return value
    out = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            out.append(chunk)
            continue
        try:
            out.append(chunk.decode(charset or "ascii"))
        except (LookupError, UnicodeDecodeError):
            out.append(chunk.decode("utf-8", "replace"))
    return "".join(out)


def _people(values: list[str]) -> tuple[Person, ...]:
    people = []
    for name, addr in email.utils.getaddresses(values):
        addr = clean_text(addr).replace(" ", "").lower()
        if addr.count("@") != 1 or any(c in addr for c in '<>,;:"()[]\\'):
            continue  # not one plain address (e.g. "Bcc: x@y[," read as "x@y[,]"): never a person (B21)
        people.append(Person(email=addr, name=clean_text(_decode_words(name))))
    return tuple(people)


def _msgids(value: str) -> tuple[str, ...]:
    # Some mailers fold a long Message-ID into RFC 2047 encoded words: the thread must still be found.
    value = _decode_words(value) if "=?" in value else value
    return tuple(f"<{m}>" for m in _MSGID_RE.findall(clean_text(value)))


def _message_id(value: str, key: str) -> str:
    found = _msgids(value)
    if found:
        return found[0]
    bare = clean_text(value).strip("<>")
    if "@" in bare and not re.search(r"[\s<>]", bare):
        return f"<{bare}>"
    return "<" + hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()[:20] + "@missing-id.invalid>"


def _date(value: str, tz: ZoneInfo, received: datetime | None) -> datetime:
    parsed: datetime | None = None
    if value.strip():
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            parsed = None
    parsed = parsed or received
    if parsed is None:
        raise MalformedInput("no usable Date header and no received time")
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz)


def _headers(msg: EmailMessage) -> dict[str, str]:
    found = {}
    for name in HEADERS_OF_INTEREST:
        values = _raw_all(msg, name)
        if values:
            found[name] = clean_text(_decode_words(values[0]))[:MAX_HEADER]
    return found


# ---------------------------------------------------------------- parts


def _walk(msg: EmailMessage) -> Iterator[EmailMessage]:
    """Parts in document order, at most MAX_PARTS; an attached message (message/rfc822: a bounce's
    original, a forwarded mail) is not entered, so its text and invitations are not taken as ours."""
    stack = [msg]
    seen = 0
    while stack and seen < MAX_PARTS:
        part = stack.pop()
        seen += 1
        yield part
        if part.is_multipart() and (part is msg or not _ctype(part).startswith("message/")):
            children = part.get_payload()
            if isinstance(children, list):
                # A multipart's payload is the list of its parts, each a message.
                stack.extend(reversed(cast(list[EmailMessage], children)))


def _ctype(part: EmailMessage) -> str:
    try:
        return part.get_content_type()
    except Exception:
        return "application/octet-stream"


def _is_attachment(part: EmailMessage) -> bool:
    try:
        return part.get_content_disposition() == "attachment"
    except Exception:
        return False


def _filename(part: EmailMessage) -> str:
    try:
        return (part.get_filename() or "").lower()
    except Exception:
        return ""


def _payload(part: EmailMessage) -> bytes | None:
    """The decoded bytes of a leaf part, or None when it is too large to decode."""
    body = part.get_payload()
    if not isinstance(body, str | bytes) or len(body) > MAX_PART_BYTES:
        return None
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else None


def _part_text(part: EmailMessage) -> str | None:
    data = _payload(part)
    if data is None:
        return None
    try:
        charset = part.get_content_charset() or "utf-8"
    except Exception:
        charset = "utf-8"
    try:
        text = data.decode(charset, errors="replace")
    except LookupError:  # an unknown or made-up charset name
        return data.decode("utf-8", errors="replace")
    if "\ufffd" in text:
        # Mislabelled mail (UTF-8 bytes declared as GB2312 or Latin-1) is common; trust valid UTF-8.
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return text


def _events(parts: list[EmailMessage], *, tz: ZoneInfo, source: str) -> tuple[Event, ...]:
    from agent.core import invitations  # late: icalendar takes 0.2 s to load, and most mail has no calendar

    calendars: list[tuple[bool, int, str, EmailMessage]] = []
    for part in parts:
        ctype = _ctype(part)
        if part.is_multipart() or not (ctype in _ICS_TYPES or _filename(part).endswith(".ics")):
            continue
        try:
            method = clean_text(str(part.get_param("method", "", header="content-type"))).upper()
        except Exception:
            method = ""
        calendars.append((not method, len(calendars), method, part))
    events: dict[tuple[str, str, int], Event] = {}
    for _rank, _index, method, part in sorted(calendars, key=lambda c: c[:2]):
        text = _part_text(part)
        if text is None:
            continue
        try:
            # The part's method= stands in when the VCALENDAR omits METHOD (Lotus Notes does).
            parsed = invitations.parse_calendar(text, tz=tz, source=source,
                                                default_method=method or "PUBLISH")
        except Exception as exc:  # a broken calendar part is skipped; the mail still counts (B21)
            log.warning("ignored an unreadable calendar part in %s: %s", source, type(exc).__name__)
            continue
        for event in parsed:
            events.setdefault((event.uid, event.recurrence_id, event.sequence), event)
    return tuple(events.values())


# ---------------------------------------------------------------- body text


def _body_text(parts: list[EmailMessage]) -> str:
    html = None
    for part in parts:
        if part.is_multipart() or _is_attachment(part):
            continue
        ctype = _ctype(part)
        if ctype == "text/plain":
            text = _part_text(part)
            if text and text.strip():
                return _finish(text)
        elif ctype == "text/html" and html is None:
            html = _part_text(part)
    return _finish(html_to_text(html)) if html else ""


def _finish(text: str) -> str:
    return strip_quoted(clean_multiline(text)).strip()[:MAX_TEXT]
