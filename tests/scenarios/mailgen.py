"""Builders for realistic scenario mail: calendar invitations in the shapes real systems send
(Google Calendar, Outlook/Exchange with Teams, Zoom, Greenhouse, Lever, Ashby, GoodTime, Calendly),
plain person-to-person mail, auto-replies and bounces.

Used only by `build.py`; the scenarios themselves are the generated .eml files, so a replay in another
language needs none of this. Every builder returns a `Mail` (raw bytes and its Message-ID); identifiers
are derived from a seed so that regenerating gives byte-identical files.
"""

from __future__ import annotations

import base64
import hashlib
import html
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import format_datetime, formataddr
from zoneinfo import ZoneInfo

POLICY = default_policy.clone(linesep="\n", max_line_length=78)


@dataclass(frozen=True)
class P:
    """A person: display name and address."""

    name: str
    email: str

    def header(self) -> str:
        return formataddr((self.name, self.email)) if self.name else self.email

    @property
    def first(self) -> str:
        return self.name.split()[0] if self.name else ""


@dataclass(frozen=True)
class Mail:
    raw: bytes
    message_id: str
    subject: str
    date: datetime | None = None


@dataclass(frozen=True)
class Att:
    """An ATTENDEE line."""

    who: P
    partstat: str = "NEEDS-ACTION"
    role: str = "REQ-PARTICIPANT"
    cutype: str = "INDIVIDUAL"
    rsvp: bool = True


def h(seed: str, n: int = 16) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()[:n]


def hu(seed: str, n: int = 16) -> str:
    return h(seed, n).upper()


# ------------------------------------------------------------------ iCalendar


def ical_text(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def ical_param(value: str) -> str:
    value = value.replace('"', "'")
    return f'"{value}"' if any(c in value for c in ":;,") else value


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1) without splitting a UTF-8 sequence."""
    out, cur, size = [], "", 0
    for ch in line:
        n = len(ch.encode())
        if size + n > (75 if not out else 74):
            out.append(cur)
            cur, size = "", 0
        cur += ch
        size += n
    out.append(cur)
    return "\r\n ".join(out)


def utc(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def local(dt: datetime, tz: str) -> str:
    return dt.astimezone(ZoneInfo(tz)).strftime("%Y%m%dT%H%M%S")


# Windows zone names Exchange writes, with the IANA zone they stand for.
WINDOWS_TZ = {"Eastern Standard Time": "America/New_York", "W. Europe Standard Time": "Europe/Berlin",
              "Pacific Standard Time": "America/Los_Angeles"}

VTIMEZONES = {
    "Eastern Standard Time": """BEGIN:VTIMEZONE
TZID:Eastern Standard Time
BEGIN:STANDARD
DTSTART:16010101T020000
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE""",
    "W. Europe Standard Time": """BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE""",
    "America/New_York": """BEGIN:VTIMEZONE
TZID:America/New_York
LAST-MODIFIED:20201011T015911Z
X-LIC-LOCATION:America/New_York
BEGIN:DAYLIGHT
TZNAME:EDT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZNAME:EST
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE""",
    "Asia/Tokyo": """BEGIN:VTIMEZONE
TZID:Asia/Tokyo
LAST-MODIFIED:20201011T015911Z
X-LIC-LOCATION:Asia/Tokyo
BEGIN:STANDARD
TZNAME:JST
TZOFFSETFROM:+0900
TZOFFSETTO:+0900
DTSTART:19700101T000000
END:STANDARD
END:VTIMEZONE""",
    "Europe/Berlin": """BEGIN:VTIMEZONE
TZID:Europe/Berlin
LAST-MODIFIED:20201011T015911Z
X-LIC-LOCATION:Europe/Berlin
BEGIN:DAYLIGHT
TZNAME:CEST
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZNAME:CET
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE""",
}


@dataclass(frozen=True)
class Ev:
    """One VEVENT as an invitation describes it."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    organizer: P
    attendees: tuple[Att, ...]
    description: str = ""
    location: str = ""
    sequence: int = 0
    status: str = "CONFIRMED"
    conference: str = ""


def attendee_line(a: Att, style: str) -> str:
    params = [f"CUTYPE={a.cutype}", f"ROLE={a.role}", f"PARTSTAT={a.partstat}"]
    if a.rsvp and a.cutype == "INDIVIDUAL":
        params.append("RSVP=TRUE")
    params.append(f"CN={ical_param(a.who.name or a.who.email)}")
    if style == "google":
        params.append("X-NUM-GUESTS=0")
    if style == "outlook":  # Exchange omits CUTYPE for people
        params = [p for p in params if not p.startswith("CUTYPE=INDIVIDUAL")]
    return f"ATTENDEE;{';'.join(params)}:mailto:{a.who.email}"


def vcalendar(ev: Ev, *, method: str, prodid: str, style: str, dtstamp: datetime,
              tzid: str = "", extra: tuple[str, ...] = ()) -> bytes:
    """Serialize one event as the named system writes it. tzid "" writes UTC times."""
    lines = ["BEGIN:VCALENDAR"]
    if style == "outlook":
        lines += [f"METHOD:{method}", f"PRODID:{prodid}", "VERSION:2.0"]
    else:
        lines += [f"PRODID:{prodid}", "VERSION:2.0", "CALSCALE:GREGORIAN", f"METHOD:{method}"]
    if tzid:
        lines += VTIMEZONES[tzid].splitlines()
    iana = WINDOWS_TZ.get(tzid, tzid)

    def when(name: str, dt: datetime) -> str:
        return f"{name};TZID={tzid}:{local(dt, iana)}" if tzid else f"{name}:{utc(dt)}"

    lang = ";LANGUAGE=en-US" if style == "outlook" else ""
    lines.append("BEGIN:VEVENT")
    if style == "outlook":
        lines += [f"ORGANIZER;CN={ical_param(ev.organizer.name)}:mailto:{ev.organizer.email}"]
        lines += [attendee_line(a, style) for a in ev.attendees]
        lines += [f"DESCRIPTION{lang}:{ical_text(ev.description)}", f"UID:{ev.uid}",
                  f"SUMMARY{lang}:{ical_text(ev.summary)}", when("DTSTART", ev.start), when("DTEND", ev.end),
                  "CLASS:PUBLIC", "PRIORITY:5", f"DTSTAMP:{utc(dtstamp)}", "TRANSP:OPAQUE",
                  f"STATUS:{ev.status}", f"SEQUENCE:{ev.sequence}", f"LOCATION{lang}:{ical_text(ev.location)}",
                  f"X-MICROSOFT-CDO-APPT-SEQUENCE:{ev.sequence}",
                  f"X-MICROSOFT-CDO-OWNERAPPTID:{int(h(ev.uid, 8), 16) % 2**31}",
                  "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
                  "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE", "X-MICROSOFT-CDO-IMPORTANCE:1",
                  "X-MICROSOFT-CDO-INSTTYPE:0"]
        if ev.conference:
            lines.append(f"X-MICROSOFT-SKYPETEAMSMEETINGURL:{ev.conference}")
        lines += ["X-MICROSOFT-DONOTFORWARDMEETING:FALSE", "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
                  "X-MICROSOFT-LOCATIONS:[]", *extra]
        if method == "REQUEST":
            lines += ["BEGIN:VALARM", "DESCRIPTION:REMINDER", "TRIGGER;RELATED=START:-PT15M", "ACTION:DISPLAY",
                      "END:VALARM"]
    else:
        lines += [when("DTSTART", ev.start), when("DTEND", ev.end), f"DTSTAMP:{utc(dtstamp)}",
                  (f"ORGANIZER;CN={ical_param(ev.organizer.name or ev.organizer.email)}:mailto:"
                   f"{ev.organizer.email}"), f"UID:{ev.uid}"]
        lines += [attendee_line(a, style) for a in ev.attendees]
        if ev.conference and style == "google":
            lines.append(f"X-GOOGLE-CONFERENCE:{ev.conference}")
        lines += [f"CREATED:{utc(dtstamp - timedelta(minutes=3))}", f"DESCRIPTION:{ical_text(ev.description)}",
                  f"LAST-MODIFIED:{utc(dtstamp)}", f"LOCATION:{ical_text(ev.location)}",
                  f"SEQUENCE:{ev.sequence}", f"STATUS:{ev.status}", f"SUMMARY:{ical_text(ev.summary)}",
                  "TRANSP:OPAQUE", *extra]
        if style == "google" and method == "REQUEST":
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:This is an event reminder",
                      "TRIGGER:-P0DT0H10M0S", "END:VALARM"]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode()


# ------------------------------------------------------------------ messages


def _base(*, msgid: str, date: datetime, frm: P, to: list[P], subject: str, cc: list[P] = (),
          reply_to: P | None = None, sender: P | None = None, in_reply_to: str = "",
          references: list[str] = (), extra: list[tuple[str, str]] = (), order: str = "plain") -> EmailMessage:
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


def _finish(msg: EmailMessage, seed: str, style: str = "") -> bytes:
    """Deterministic boundaries, no MIME-Version inside parts; then the bytes."""
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


def _html_of(text: str) -> str:
    paras = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in text.split("\n\n"))
    return f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>' \
           f'<body><div dir="ltr">{paras}</div></body></html>'


def plain(*, seed: str, date: datetime, frm: P, to: list[P], subject: str, body: str, cc: list[P] = (),
          reply_to: P | None = None, in_reply_to: str = "", references: list[str] = (),
          extra: list[tuple[str, str]] = (), domain: str = "", style: str = "gmail",
          with_html: bool = True) -> Mail:
    """A person's mail. style picks the Message-ID and layout: gmail, outlook, apple, ats."""
    dom = domain or frm.email.rpartition("@")[2]
    if style == "gmail":
        msgid = f"<CA+{h(seed, 24)}{h(seed + 'x', 12)}@mail.gmail.com>"
    elif style == "outlook":
        tag = "BN7PR11MB" + hu(seed, 4)
        msgid = f"<{tag}{hu(seed + 'o', 24)}@{tag}.namprd11.prod.outlook.com>"
    elif style == "apple":
        msgid = f"<{hu(seed, 8)}-{hu(seed + 'a', 4)}-{hu(seed + 'b', 4)}-{hu(seed + 'c', 12)}@{dom}>"
    else:
        msgid = f"<{h(seed, 24)}@{dom}>"
    msg = _base(msgid=msgid, date=date, frm=frm, to=list(to), subject=subject, cc=list(cc), reply_to=reply_to,
                in_reply_to=in_reply_to, references=list(references), extra=list(extra),
                order="outlook" if style == "outlook" else "plain")
    msg.set_content(body, cte="quoted-printable")
    if with_html:
        msg.add_alternative(_html_of(body), subtype="html", cte="quoted-printable")
    return Mail(_finish(msg, seed, style), msgid, subject, date=date)


def _calendar_part(ics: bytes, method: str) -> EmailMessage:
    part = EmailMessage(policy=POLICY)
    part.set_content(ics, maintype="text", subtype="calendar", cte="base64",
                     params={"charset": "UTF-8", "method": method})
    # set_content(bytes) puts params after the type; charset belongs there for text parts.
    return part


def invitation(*, style: str, ev: Ev, date: datetime, to: list[P], seed: str, frm: P | None = None,
               subject: str = "", body: str = "", method: str = "REQUEST", reply_to: P | None = None,
               sender: P | None = None, extra_headers: list[tuple[str, str]] = (), tzid: str = "",
               in_reply_to: str = "", prodid: str = "") -> Mail:
    """A calendar invitation (or update / cancellation) as the named system sends it.

    styles: google (Google Calendar), outlook (Exchange / Teams), zoom, greenhouse, lever, ashby,
    goodtime, calendly.
    """
    frm = frm or ev.organizer
    dom = frm.email.rpartition("@")[2]
    prodids = {
        "google": "-//Google Inc//Google Calendar 70.9054//EN",
        "outlook": "Microsoft Exchange Server 2010",
        "zoom": "-//zoom.us//iCalendar Event//EN",
        "greenhouse": "-//Greenhouse Software Inc//Greenhouse Scheduler//EN",
        "lever": "-//Lever//Lever Interview Scheduling//EN",
        "ashby": "-//Ashby//Ashby Scheduling 1.0//EN",
        "goodtime": "-//GoodTime.io//GoodTime Hire//EN",
        "calendly": "-//Calendly//Calendly//EN",
    }
    ics = vcalendar(ev, method=method, prodid=prodid or prodids[style], style="outlook" if style == "outlook"
                    else ("google" if style == "google" else "other"), dtstamp=date, tzid=tzid)
    text = body or default_invite_text(ev, style)
    if style == "google":
        msgid = f"<{h(seed, 20)}0{h(seed + 'g', 7)}@google.com>"
        msg = _base(msgid=msgid, date=date, frm=frm, to=to, subject=subject or ev.summary, reply_to=reply_to or frm,
                    sender=sender or P("Google Calendar", "calendar-notification@google.com"),
                    in_reply_to=in_reply_to, extra=list(extra_headers))
        alt = EmailMessage(policy=POLICY)
        alt.set_content(text, cte="quoted-printable")
        alt.add_alternative(_html_of(text), subtype="html", cte="quoted-printable")
        alt.attach(_calendar_part(ics, method))
        msg.make_mixed()
        msg.attach(alt)
        att = EmailMessage(policy=POLICY)
        att.set_content(ics, maintype="application", subtype="ics", cte="base64", disposition="attachment",
                        filename="invite.ics")
        msg.attach(att)
        return Mail(_finish(msg, seed, "google"), msgid, str(msg["Subject"]), date=date)
    if style == "outlook":
        tag = "SA1PR11MB" + hu(seed, 4)
        msgid = f"<{tag}{hu(seed + 'm', 24)}@{tag}.namprd11.prod.outlook.com>"
        msg = _base(msgid=msgid, date=date, frm=frm, to=to, subject=subject or ev.summary, order="outlook",
                    in_reply_to=in_reply_to, extra=list(extra_headers))
    else:
        domain = {"zoom": "zoom.us", "greenhouse": "us.greenhouse-mail.io", "lever": "hire.lever.co",
                  "ashby": "ashbyhq.com", "goodtime": "goodtime.io", "calendly": "calendly.com"}[style]
        msgid = f"<{h(seed, 24)}.{h(seed + 'n', 8)}@{domain if style != 'zoom' else dom}>"
        msg = _base(msgid=msgid, date=date, frm=frm, to=to, subject=subject or ev.summary, reply_to=reply_to,
                    sender=sender, in_reply_to=in_reply_to, extra=list(extra_headers))
    msg.set_content(text, cte="quoted-printable")
    msg.add_alternative(_html_of(text), subtype="html", cte="quoted-printable")
    if style in ("outlook", "zoom"):
        # multipart/alternative with the calendar as the third alternative, as Exchange and Zoom send it
        msg.attach(_calendar_part(ics, method))
    else:
        # ATS mail: the body is the message, the invitation an attached .ics
        msg.make_mixed()
        att = EmailMessage(policy=POLICY)
        att.set_content(ics, maintype="text", subtype="calendar", cte="base64", disposition="attachment",
                        filename="invite.ics", params={"method": method, "charset": "UTF-8"})
        msg.attach(att)
    return Mail(_finish(msg, seed, style), msgid, str(msg["Subject"]), date=date)


def default_invite_text(ev: Ev, style: str) -> str:
    tz = ZoneInfo("America/New_York")
    s, e = ev.start.astimezone(tz), ev.end.astimezone(tz)
    when = f"{s:%A %b %-d, %Y} {s:%-I:%M%p} - {e:%-I:%M%p} (Eastern Time - New York)"
    who = "\n".join(f"* {a.who.name or a.who.email} - {a.who.email}" for a in ev.attendees)
    if style == "google":
        join = f"Join with Google Meet\n{ev.conference}\n\n" if ev.conference else ""
        return (f"You have been invited to the following event.\n\n{ev.summary}\n\n{ev.description}\n\n"
                f"When\n{when}\n\n{join}Guests\n* {ev.organizer.name} - organizer\n{who}\n\n"
                f"View all guest info https://calendar.google.com/calendar/event?action=VIEW&eid={h(ev.uid, 40)}\n\n"
                "Reply for this event\nYes / No / Maybe\n\nInvitation from Google Calendar\n\n"
                "You are receiving this email because you are an attendee on the event. To stop receiving "
                "future updates for this event, decline this event.")
    if style == "outlook":
        teams = ""
        if ev.conference:
            teams = ("\n\n" + "_" * 80 + "\nMicrosoft Teams meeting\nJoin on your computer, mobile app or room "
                     f"device\nClick here to join the meeting<{ev.conference}>\nMeeting ID: 231 774 905 118\n"
                     "Passcode: kM3vQ7\nLearn More<https://aka.ms/JoinTeamsMeeting> | Meeting options\n" + "_" * 80)
        return f"{ev.description}{teams}"
    if style == "zoom":
        return (f"{ev.organizer.name} is inviting you to a scheduled Zoom meeting.\n\n{ev.description}\n\n"
                f"Join Zoom Meeting\n{ev.conference}\n\nMeeting ID: 842 1137 6620\nPasscode: 519203\n\n"
                "One tap mobile\n+16465588656,,84211376620# US (New York)")
    return ev.description


def itip_reply(*, seed: str, date: datetime, user: P, ev: Ev, partstat: str, prodid: str) -> Mail:
    """The REPLY the user's calendar sent to the organizer (found in Sent)."""
    verb = {"DECLINED": "Declined", "ACCEPTED": "Accepted", "TENTATIVE": "Tentatively Accepted"}[partstat]
    lines = ["BEGIN:VCALENDAR", f"PRODID:{prodid}", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:REPLY",
             "BEGIN:VEVENT", f"DTSTART:{utc(ev.start)}", f"DTEND:{utc(ev.end)}", f"DTSTAMP:{utc(date)}",
             f"ORGANIZER;CN={ical_param(ev.organizer.name)}:mailto:{ev.organizer.email}", f"UID:{ev.uid}",
             (f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={partstat};CN={ical_param(user.name)}"
              f":mailto:{user.email}"),
             f"SEQUENCE:{ev.sequence}", "STATUS:CONFIRMED", f"SUMMARY:{ical_text(ev.summary)}", "TRANSP:OPAQUE",
             "END:VEVENT", "END:VCALENDAR"]
    ics = ("\r\n".join(fold(x) for x in lines) + "\r\n").encode()
    msgid = f"<{h(seed, 20)}0{h(seed + 'r', 7)}@google.com>"
    subject = f"{verb}: {ev.summary}"
    msg = _base(msgid=msgid, date=date, frm=user, to=[ev.organizer], subject=subject,
                reply_to=user, sender=P("Google Calendar", "calendar-notification@google.com"))
    text = f"{user.name} has {verb.lower()} this invitation.\n\n{ev.summary}\n\nInvitation from Google Calendar"
    msg.set_content(text)
    msg.add_alternative(_html_of(text), subtype="html")
    msg.attach(_calendar_part(ics, "REPLY"))
    return Mail(_finish(msg, seed, "google"), msgid, subject, date=date)


def auto_reply(*, seed: str, date: datetime, frm: P, to: P, subject: str, body: str, in_reply_to: str) -> Mail:
    """An Exchange out-of-office reply."""
    return plain(seed=seed, date=date, frm=frm, to=[to], subject=f"Automatic reply: {subject}", body=body,
                 in_reply_to=in_reply_to, style="outlook", with_html=True,
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


def addr(a: str) -> Address:
    name, _, email = a.rpartition(" <")
    return Address(display_name=name, addr_spec=email.rstrip(">"))
