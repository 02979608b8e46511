"""Editing parsed mail for the variation tests (tests/scenarios/variations.py): who is a person, text and
calendar parts read and replaced in place, display names and CN parameters renamed, plain text as HTML."""

from __future__ import annotations

import email.policy
import html
import re
import unicodedata
from email.headerregistry import Address
from email.message import EmailMessage
from typing import Any

import icalendar

ADDRESS_HEADERS = ("From", "To", "Cc", "Reply-To", "Sender")
CALENDAR_TYPES = ("text/calendar", "application/ics")
NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*$")
NOT_NAMES = {"calendar", "team", "teams", "recruiting", "recruitment", "talent", "careers", "career", "jobs",
             "hiring", "notifications", "notification", "support", "people", "scheduling", "scheduler", "admin",
             "office", "services", "group", "news", "newsletter", "digest", "alerts", "updates", "noreply",
             "reply", "mail", "system", "coordinator", "bot", "assistant", "via", "candidate", "events"}
POLICY = email.policy.default
OUT_POLICY = POLICY.clone(refold_source="none")  # headers a variation leaves are written as they came


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isalnum()).lower()


def person_name(display: str, address: str) -> tuple[str, str] | None:
    """(first, last) when a display name is a person's: two or three capitalised words and an address whose
    local part carries the first or the last name (ana.souza@, asouza@, ana@)."""
    words = display.split()
    if not 2 <= len(words) <= 3 or not all(NAME_WORD.match(w) and w.lower() not in NOT_NAMES for w in words):
        return None
    local = fold(address.partition("@")[0])
    first, last = words[0], words[-1]
    return (first, last) if fold(first) in local or fold(last) in local else None


# ------------------------------------------------------------------ mail plumbing


def set_text(part: EmailMessage, text: str, subtype: str | None = None) -> None:
    """Replace a text or calendar part's content, keeping its type parameters and disposition."""
    maintype, sub = part.get_content_type().split("/")
    params = {k: v for k, v in (part.get_params() or [])[1:] if k.lower() != "charset"}
    disposition, filename = part.get_content_disposition(), part.get_filename()
    kw: dict[str, Any] = {"params": params, "disposition": disposition, "filename": filename}
    if maintype == "text":
        part.set_content(text, subtype=subtype or sub, charset="utf-8", **kw)
    else:
        part.set_content(text.encode("utf-8"), maintype=maintype, subtype=sub, cte="base64", **kw)


def text_of(part: EmailMessage) -> str:
    try:
        return part.get_content()
    except (LookupError, ValueError):
        return (part.get_payload(decode=True) or b"").decode("utf-8", "replace")


def bodies(msg: EmailMessage, subtype: str) -> list[EmailMessage]:
    return [p for p in msg.walk() if p.get_content_type() == f"text/{subtype}"
            and p.get_content_disposition() != "attachment"]


def calendars(msg: EmailMessage) -> list[EmailMessage]:
    return [p for p in msg.walk() if p.get_content_type() in CALENDAR_TYPES]


def edit_calendars(msg: EmailMessage, edit) -> bool:
    """Apply edit(calendar) -> changed to every calendar part; rewrite the parts it changed."""
    changed = False
    for part in calendars(msg):
        try:
            cal = icalendar.Calendar.from_ical(part.get_payload(decode=True))
        except ValueError:
            continue
        if edit(cal):
            set_text(part, cal.to_ical().decode("utf-8"))
            changed = True
    return changed


def people_params(cal: icalendar.Calendar):
    for ev in cal.walk("VEVENT"):
        for name in ("ORGANIZER", "ATTENDEE"):
            values = ev.get(name)
            yield from (values if isinstance(values, list) else [values] if values is not None else [])


def rename_addresses(msg: EmailMessage, rename) -> list[str]:
    """rename(display, address) -> new display or None (unchanged), over the address headers."""
    notes = []
    for header in ADDRESS_HEADERS:
        if header not in msg:
            continue
        try:
            addresses = msg[header].addresses
        except AttributeError:
            continue
        out, touched = [], False
        for a in addresses:
            new = rename(a.display_name, a.addr_spec)
            if new is not None and new != a.display_name:
                touched = True
                notes.append(f"{header} {a.display_name!r} -> {new!r}")
                a = Address(display_name=new, addr_spec=a.addr_spec)
            out.append(a)
        if touched:
            msg.replace_header(header, ", ".join(str(a) for a in out))
    return notes


def rename_cn(msg: EmailMessage, rename) -> list[str]:
    notes: list[str] = []

    def edit(cal: icalendar.Calendar) -> bool:
        changed = False
        for prop in people_params(cal):
            cn = str(prop.params.get("CN", ""))
            new = rename(cn, str(prop).removeprefix("mailto:").removeprefix("MAILTO:"))
            if new is not None and new != cn:
                notes.append(f"calendar CN {cn!r} -> {new!r}")
                if new:
                    prop.params["CN"] = new
                else:
                    del prop.params["CN"]
                changed = True
        return changed

    edit_calendars(msg, edit)
    return notes


def render_html(text: str) -> str:
    """Plain text as a mail client's HTML: paragraphs, line breaks, quoted lines in a blockquote."""
    blocks = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = para.splitlines()
        if lines and all(line.startswith(">") for line in lines):
            inner = "<br>".join(html.escape(line.lstrip("> ")) for line in lines)
            blocks.append(f'<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc">{inner}</blockquote>')
        else:
            blocks.append("<p>" + "<br>\n".join(html.escape(line) for line in lines) + "</p>")
    return '<html><head><meta charset="utf-8"></head><body><div dir="ltr">\n' + "\n".join(blocks) + \
        "\n</div></body></html>\n"


def sender(msg: EmailMessage) -> str:
    addresses = getattr(msg["From"], "addresses", ()) if msg["From"] else ()
    return addresses[0].addr_spec.lower() if addresses else ""


def sender_name(msg: EmailMessage) -> str:
    addresses = getattr(msg["From"], "addresses", ()) if msg["From"] else ()
    return addresses[0].display_name if addresses else ""


def all_people(mails) -> list[tuple[str, str]]:
    """(display name, address) of everyone in the address headers and the invitations' CN parameters."""
    out = []
    for m in mails:
        for header in ADDRESS_HEADERS:
            out += [(a.display_name, a.addr_spec) for a in (getattr(m[header], "addresses", ()) if m[header] else ())]
        for part in calendars(m):
            try:
                cal = icalendar.Calendar.from_ical(part.get_payload(decode=True))
            except ValueError:
                continue
            out += [(str(p.params.get("CN", "")), str(p)[7:]) for p in people_params(cal)]
    return out


def first_address(head: Any) -> tuple[str, str] | None:
    addresses = getattr(head["From"], "addresses", ()) if head["From"] else ()
    return (addresses[0].display_name, addresses[0].addr_spec) if addresses else None
