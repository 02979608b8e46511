"""Raw RFC 5322 bytes -> `agent.core.model.Message`: headers of interest, the mail's own plain text
(HTML converted, quoted earlier mail removed) and the calendar events it carries.

Mail is untrusted (B21): every string that may later reach a header or a draft is cleaned of control,
zero-width and bidi characters, and the work done per message is bounded. Pure logic: no I/O.
"""

from __future__ import annotations

import email
import email.header
import email.policy
import email.utils
import hashlib
import logging
import re
import unicodedata
import warnings
from collections.abc import Iterator
from datetime import datetime
from email.message import Message as EmailMessage
from zoneinfo import ZoneInfo

from agent.core.errors import MalformedInput
from agent.core.model import Event, Message, Person

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


# ---------------------------------------------------------------- text cleaning


def _drop_char(c: str) -> bool:
    # Cc: C0/C1 controls (CR, LF, ESC...); Cf: zero-width, bidi overrides/isolates, BOM, soft hyphen.
    return unicodedata.category(c) in ("Cc", "Cf")


_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # Cc below 128 except tab and line feed
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LINE_BREAKS = re.compile(r"[\t\r\n\x85]")


def _drop_non_ascii(match: re.Match[str]) -> str:
    c = match.group()
    return "" if _drop_char(c) else c


def _drop_controls(s: str) -> str:
    """`s` without Cc and Cf characters, tab and line feed excepted. Per character only beyond ASCII."""
    s = _ASCII_CONTROLS.sub("", s)
    return s if s.isascii() else _NON_ASCII.sub(_drop_non_ascii, s)


def clean_text(s: str) -> str:
    """One line of display text (a name, a subject): control, zero-width and bidi-control characters
    removed, line breaks and runs of whitespace folded to single spaces, ends trimmed (B21)."""
    # Line breaks become spaces first, so that "a\r\nb" stays two words once controls are dropped.
    return " ".join(_drop_controls(_LINE_BREAKS.sub(" ", s)).split())


def clean_multiline(s: str) -> str:
    """Body text: line breaks normalised to \\n, tabs kept, other control, zero-width and bidi-control
    characters removed, non-breaking spaces made plain."""
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    s = s.replace("\xa0", " ")
    return _drop_controls(s)


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
    except Exception:  # noqa: BLE001 - undecidable here: the caller reads the whole mail
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
                stack.extend(reversed(children))


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
    from agent.core import invitations  # late: invitations uses clean_text from this module

    calendars = []
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


_BLOCK_TAGS = ("p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
               "blockquote", "pre", "hr")
_PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote", "pre"}
_QUOTE_SELECTORS = ("blockquote", "div.gmail_quote", "div.yahoo_quoted", "div#divRplyFwdMsg",
                    "div#appendonsend")


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML body: scripts, styles and quoted blocks removed, one line per
    block element and <br>."""
    from bs4 import BeautifulSoup

    with warnings.catch_warnings():
        # bs4 warns when markup looks like a file name or XML; mail is often both. Not our concern.
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(html, "html.parser")
        for tag in soup(["script", "style", "head", "title", "noscript"]):
            tag.decompose()
        for selector in _QUOTE_SELECTORS:
            for tag in soup.select(selector):
                if selector == "div#appendonsend":  # Outlook: the quoted mail follows this marker
                    for sibling in list(tag.find_next_siblings()):
                        sibling.decompose()
                tag.decompose()
        for br in soup.find_all("br"):
            br.replace_with("\n")
        for tag in soup.find_all(_BLOCK_TAGS):
            tag.insert_after("\n\n" if tag.name in _PARAGRAPH_TAGS else "\n")
        text = soup.get_text()
    lines = [" ".join(line.split()) for line in text.replace("\xa0", " ").splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# ---------------------------------------------------------------- quoted mail

_WROTE_END = re.compile(r"(wrote|schrieb|a écrit|escribió|ha scritto|schreef|skrev)\s*:\s*$", re.IGNORECASE)
_WROTE_START = re.compile(r"^\s*(on|am|le|el|il|op|den|em)\s", re.IGNORECASE)
_ORIGINAL = re.compile(r"^\s*-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|"
                       r"forwarded message)\s*-{2,}\s*$", re.IGNORECASE)
_HEADER_FROM = re.compile(r"^\s*\**(from|von|de)\s*:\**\s", re.IGNORECASE)
_HEADER_NEXT = re.compile(r"^\s*\**(sent|date|gesendet|envoyé|to|subject)\s*:", re.IGNORECASE)
_UNDERSCORES = re.compile(r"^\s*_{20,}\s*$")


def strip_quoted(text: str) -> str:
    """The mail's own text: lines quoted with ">" removed, and everything from an attribution
    ("On ... wrote:", "-----Original Message-----", an Outlook From:/Sent: block) onward cut off.
    An "On ... wrote:" followed by ">" lines only loses those lines (bottom-posted replies)."""
    lines = text.split("\n")
    cut = _cut_index(lines)
    if cut is not None:
        start, width = cut
        after = lines[start + width:]
        if _is_wrote(lines, start) and _next_is_quoted(after):
            lines = lines[:start] + after  # the ">" lines go below; text after them is new
        else:
            lines = lines[:start]
    kept = [line for line in lines if not line.lstrip().startswith(">")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _cut_index(lines: list[str]) -> tuple[int, int] | None:
    """(index, number of lines) of the first attribution, if any."""
    for i, line in enumerate(lines):
        if line.lstrip().startswith(">"):
            continue
        if _is_wrote(lines, i):
            return (i, 1 if _WROTE_END.search(line) else 2)
        if _ORIGINAL.match(line):
            return (i, 1)
        if _HEADER_FROM.match(line) and any(_HEADER_NEXT.match(n) for n in lines[i + 1:i + 4]):
            return (i, 1)
        if _UNDERSCORES.match(line) and any(_HEADER_FROM.match(n) for n in lines[i + 1:i + 3]):
            return (i, 1)
    return None


def _is_wrote(lines: list[str], i: int) -> bool:
    line = lines[i]
    if not _WROTE_START.match(line):
        return False
    if _WROTE_END.search(line):
        return True
    # Gmail wraps long attributions: "On Mon, ... Megan One <\nxxx@gmail.com> wrote:"
    return i + 1 < len(lines) and bool(_WROTE_END.search(lines[i + 1])) and len(line) < 200


def _next_is_quoted(after: list[str]) -> bool:
    for line in after:
        if line.strip():
            return line.lstrip().startswith(">")
    return False
