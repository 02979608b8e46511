"""Mail that machines send back: out-of-office replies and delivery failures (bounces)."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

from tests.mailgen.mime import plain
from tests.mailgen.model import Mail, P, h, hu


def auto_reply(*, seed: str, date: datetime, frm: P, to: P, subject: str, body: str, in_reply_to: str,
               msgid: str = "", with_html: bool = True) -> Mail:
    """An Exchange out-of-office reply to the mail `in_reply_to` ("" for none) whose subject was `subject`."""
    return plain(seed=seed, date=date, frm=frm, to=[to], subject=f"Automatic reply: {subject}", body=body,
                 in_reply_to=in_reply_to, style="outlook", with_html=with_html, msgid=msgid,
                 extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All"),
                        ("X-MS-Exchange-Inbox-Rules-Loop", frm.email)])


def bounce(*, seed: str, date: datetime, mta: str, to: P, failed: str, original_subject: str,
           original_msgid: str = "") -> Mail:
    """A Postfix delivery status notification (RFC 3464) for a message the user sent."""
    msgid = f"<{h(seed, 20)}@{mta}>"
    b = f"{hu(seed, 10)}.{int(h(seed, 8), 16)}/{mta}"
    mid_line = f"Message-ID: {original_msgid}\n" if original_msgid else ""
    raw = f"""Return-Path: <>
Date: {format_datetime(date)}
From: MAILER-DAEMON@{mta} (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: {to.email}
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
 boundary="{b}"
Content-Transfer-Encoding: 8bit
Message-Id: {msgid}

This is a MIME-encapsulated message.

--{b}
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host {mta}.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<{failed}>: host {mta}[203.0.113.25] said: 550 5.1.1
    <{failed}>: Recipient address rejected: User unknown in virtual mailbox
    table (in reply to RCPT TO command)

--{b}
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; {mta}
X-Postfix-Queue-ID: {hu(seed, 10)}
X-Postfix-Sender: rfc822; {to.email}
Arrival-Date: {format_datetime(date)}

Final-Recipient: rfc822; {failed}
Original-Recipient: rfc822;{failed}
Action: failed
Status: 5.1.1
Remote-MTA: dns; {mta}
Diagnostic-Code: smtp; 550 5.1.1 <{failed}>: Recipient address rejected: User
    unknown in virtual mailbox table

--{b}
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

{mid_line}From: {to.header()}
To: {failed}
Subject: {original_subject}

--{b}--
"""
    return Mail(raw.encode(), msgid, "Undelivered Mail Returned to Sender", date=date)
