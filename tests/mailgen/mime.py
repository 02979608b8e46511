"""Messages: the headers each kind of client writes, deterministic MIME boundaries, person-to-person mail
and bulk mail. Everything is built with the standard `email` package and serialized with LF line ends."""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from datetime import datetime
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import format_datetime

from tests.mailgen.model import Mail, P, h, hu

POLICY = default_policy.clone(linesep="\n", max_line_length=78)


def headers(*, msgid: str, date: datetime, frm: P, to: Sequence[P], subject: str, cc: Sequence[P] = (),
            reply_to: P | None = None, sender: P | None = None, in_reply_to: str = "",
            references: Sequence[str] = (), extra: Sequence[tuple[str, str]] = (),
            order: str = "plain") -> EmailMessage:
    """An empty message with its headers in the order the client writes them: "outlook" (Exchange, with
    Thread-Topic/Thread-Index) or "plain" (Gmail and most others)."""
    msg = EmailMessage(policy=POLICY)
    if order == "outlook":
        msg["From"] = frm.header()
        msg["To"] = ", ".join(p.header() for p in to)
        if cc:
            msg["CC"] = ", ".join(p.header() for p in cc)
        msg["Subject"] = subject
        msg["Thread-Topic"] = subject.removeprefix("RE: ").removeprefix("Re: ")
        msg["Thread-Index"] = base64.b64encode(bytes.fromhex(h(msgid, 44))).decode()
        msg["Date"] = format_datetime(date)
        msg["Message-ID"] = msgid
        if in_reply_to:
            msg["References"] = " ".join(references or [in_reply_to])
            msg["In-Reply-To"] = in_reply_to
        msg["Accept-Language"] = "en-US"
        msg["X-MS-Has-Attach"] = ""
        msg["X-MS-TNEF-Correlator"] = ""
    else:
        if sender:
            msg["Sender"] = sender.header()
        msg["Message-ID"] = msgid
        msg["Date"] = format_datetime(date)
        msg["Subject"] = subject
        msg["From"] = frm.header()
        if reply_to:
            msg["Reply-To"] = reply_to.header()
        msg["To"] = ", ".join(p.header() for p in to)
        if cc:
            msg["Cc"] = ", ".join(p.header() for p in cc)
        if in_reply_to:
            msg["In-Reply-To"] = in_reply_to
            msg["References"] = " ".join(references or [in_reply_to])
    for k, v in extra:
        msg[k] = v
    return msg


def finish(msg: EmailMessage, seed: str, style: str = "") -> bytes:
    """Deterministic boundaries in the style of the sending system, no MIME-Version inside parts; then the
    bytes."""
    for i, part in enumerate(msg.walk()):
        if part is not msg and "MIME-Version" in part:
            del part["MIME-Version"]
        if part.is_multipart():
            if style == "outlook":
                part.set_boundary(f"_00{i}_{hu(seed, 30)}_")
            elif style == "google":
                part.set_boundary(f"000000000000{h(seed + str(i), 16)}")
            else:
                part.set_boundary(f"----=_Part_{i}_{int(h(seed, 8), 16)}.{int(h(seed + 'b', 10), 16)}")
    return msg.as_bytes(policy=POLICY)


def html_of(text: str) -> str:
    """The HTML alternative a mail client writes for `text`: one <p> per paragraph."""
    paras = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in text.split("\n\n"))
    return f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>' \
           f'<body><div dir="ltr">{paras}</div></body></html>'


def message_id(seed: str, style: str, domain: str) -> str:
    """A Message-ID shaped like the named client's: gmail, outlook, apple, or any other at `domain`."""
    if style == "gmail":
        return f"<CA+{h(seed, 24)}{h(seed + 'x', 12)}@mail.gmail.com>"
    if style == "outlook":
        tag = "BN7PR11MB" + hu(seed, 4)
        return f"<{tag}{hu(seed + 'o', 24)}@{tag}.namprd11.prod.outlook.com>"
    if style == "apple":
        return f"<{hu(seed, 8)}-{hu(seed + 'a', 4)}-{hu(seed + 'b', 4)}-{hu(seed + 'c', 12)}@{domain}>"
    return f"<{h(seed, 24)}@{domain}>"


def plain(*, seed: str, date: datetime, frm: P, to: Sequence[P], subject: str, body: str, cc: Sequence[P] = (),
          reply_to: P | None = None, in_reply_to: str = "", references: Sequence[str] = (),
          extra: Sequence[tuple[str, str]] = (), domain: str = "", style: str = "gmail",
          with_html: bool = True, msgid: str = "") -> Mail:
    """A person's mail: text (and, unless `with_html` is False, an HTML alternative).

    `style` picks the Message-ID and header layout: gmail, outlook, apple, or ats (an id at `domain`, by
    default the sender's). `msgid` replaces the generated Message-ID; `extra` adds headers as given."""
    msgid = msgid or message_id(seed, style, domain or frm.email.rpartition("@")[2])
    msg = headers(msgid=msgid, date=date, frm=frm, to=to, subject=subject, cc=cc, reply_to=reply_to,
                  in_reply_to=in_reply_to, references=references, extra=extra,
                  order="outlook" if style == "outlook" else "plain")
    msg.set_content(body, cte="quoted-printable")
    if with_html:
        msg.add_alternative(html_of(body), subtype="html", cte="quoted-printable")
    return Mail(finish(msg, seed, style), msgid, subject, date=date)


def newsletter(*, seed: str, date: datetime, frm: P, to: P, subject: str, body: str, list_id: str,
               unsubscribe: str, msgid: str = "", html_body: str = "") -> Mail:
    """Bulk mail from a mailing list: List-Id, List-Unsubscribe and Precedence: bulk, text and HTML (or
    HTML only when `body` is empty and `html_body` is given)."""
    msgid = msgid or message_id(seed, "ats", frm.email.rpartition("@")[2])
    msg = headers(msgid=msgid, date=date, frm=frm, to=[to], subject=subject,
                  extra=[("List-Id", list_id), ("List-Unsubscribe", unsubscribe), ("Precedence", "bulk")])
    if body:
        msg.set_content(body, cte="quoted-printable")
        msg.add_alternative(html_body or html_of(body), subtype="html", cte="quoted-printable")
    else:
        msg.set_content(html_body, subtype="html", cte="quoted-printable")
    return Mail(finish(msg, seed), msgid, subject, date=date)


def calendar_part(ics: bytes, method: str) -> EmailMessage:
    """An inline text/calendar part with its iTIP method, base64 as Google and Exchange send it."""
    part = EmailMessage(policy=POLICY)
    part.set_content(ics, maintype="text", subtype="calendar", cte="base64",
                     params={"charset": "UTF-8", "method": method})
    return part
