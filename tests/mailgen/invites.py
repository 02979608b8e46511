"""Calendar invitations, updates and cancellations as each system mails them, and the user's RSVP.

| style        | MIME layout                                                   | Message-ID                  |
|--------------|---------------------------------------------------------------|-----------------------------|
| `google`     | mixed: alternative (text, HTML, text/calendar) + invite.ics   | `...@google.com`            |
| `outlook`    | alternative: text, HTML, text/calendar (Exchange / Teams)     | `...prod.outlook.com`       |
| `zoom`       | alternative: text, HTML, text/calendar                        | at the sender's domain      |
| `booking`    | alternative: text, HTML, text/calendar (a shop's or clinic's) | at the sender's domain      |
| `greenhouse` | mixed: alternative (text, HTML) + invite.ics                  | at the system's mail domain |

`lever`, `ashby`, `goodtime` and `calendly` are laid out as `greenhouse` is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from tests.mailgen.ical import reply_calendar, vcalendar
from tests.mailgen.mime import POLICY, calendar_part, finish, headers, html_of
from tests.mailgen.model import Ev, Mail, P, h, hu

GOOGLE_CALENDAR = P("Google Calendar", "calendar-notification@google.com")

PRODIDS = {
    "google": "-//Google Inc//Google Calendar 70.9054//EN",
    "outlook": "Microsoft Exchange Server 2010",
    "zoom": "-//zoom.us//iCalendar Event//EN",
    "booking": "-//Online Booking//EN",
    "greenhouse": "-//Greenhouse Software Inc//Greenhouse Scheduler//EN",
    "lever": "-//Lever//Lever Interview Scheduling//EN",
    "ashby": "-//Ashby//Ashby Scheduling 1.0//EN",
    "goodtime": "-//GoodTime.io//GoodTime Hire//EN",
    "calendly": "-//Calendly//Calendly//EN",
}
# The domain an ATS's own mail (and so its Message-IDs) comes from; zoom and booking use the sender's.
MAIL_DOMAINS = {"greenhouse": "us.greenhouse-mail.io", "lever": "hire.lever.co", "ashby": "ashbyhq.com",
                "goodtime": "goodtime.io", "calendly": "calendly.com"}


def invitation(*, style: str, ev: Ev, date: datetime, to: Sequence[P], seed: str, frm: P | None = None,
               subject: str = "", body: str = "", method: str = "REQUEST", reply_to: P | None = None,
               sender: P | None = None, extra_headers: Sequence[tuple[str, str]] = (), tzid: str = "",
               in_reply_to: str = "", prodid: str = "", msgid: str = "") -> Mail:
    """A calendar invitation (METHOD:REQUEST), update (a higher `ev.sequence`) or cancellation
    (method="CANCEL", `ev.status` "CANCELLED") as the system named by `style` sends it (table above).

    `frm` defaults to the organizer; `body` to the system's own invitation text (`default_invite_text`);
    `tzid` "" writes times in UTC, otherwise a TZID with its VTIMEZONE (IANA or Exchange's Windows names);
    `prodid` and `msgid` replace the system's PRODID and the seeded Message-ID. Google's mail carries
    Sender: Google Calendar and Reply-To: the organizer unless given."""
    if style not in PRODIDS:
        raise ValueError(f"unknown invitation style {style!r}; one of {', '.join(PRODIDS)}")
    frm = frm or ev.organizer
    ics = vcalendar(ev, method=method, prodid=prodid or PRODIDS[style], style="outlook" if style == "outlook"
                    else ("google" if style == "google" else "other"), dtstamp=date, tzid=tzid)
    text = body or default_invite_text(ev, style)
    if style == "google":
        msgid = msgid or f"<{h(seed, 20)}0{h(seed + 'g', 7)}@google.com>"
        msg = headers(msgid=msgid, date=date, frm=frm, to=to, subject=subject or ev.summary,
                      reply_to=reply_to or frm, sender=sender or GOOGLE_CALENDAR, in_reply_to=in_reply_to,
                      extra=extra_headers)
        alt = EmailMessage(policy=POLICY)
        alt.set_content(text, cte="quoted-printable")
        alt.add_alternative(html_of(text), subtype="html", cte="quoted-printable")
        alt.attach(calendar_part(ics, method))
        msg.make_mixed()
        msg.attach(alt)
        att = EmailMessage(policy=POLICY)
        att.set_content(ics, maintype="application", subtype="ics", cte="base64", disposition="attachment",
                        filename="invite.ics")
        msg.attach(att)
        return Mail(finish(msg, seed, "google"), msgid, str(msg["Subject"]), date=date)
    if style == "outlook":
        tag = "SA1PR11MB" + hu(seed, 4)
        msgid = msgid or f"<{tag}{hu(seed + 'm', 24)}@{tag}.namprd11.prod.outlook.com>"
        msg = headers(msgid=msgid, date=date, frm=frm, to=to, subject=subject or ev.summary, order="outlook",
                      in_reply_to=in_reply_to, extra=extra_headers)
    else:
        domain = MAIL_DOMAINS.get(style) or frm.email.rpartition("@")[2]
        msgid = msgid or f"<{h(seed, 24)}.{h(seed + 'n', 8)}@{domain}>"
        msg = headers(msgid=msgid, date=date, frm=frm, to=to, subject=subject or ev.summary, reply_to=reply_to,
                      sender=sender, in_reply_to=in_reply_to, extra=extra_headers)
    msg.set_content(text, cte="quoted-printable")
    msg.add_alternative(html_of(text), subtype="html", cte="quoted-printable")
    if style in ("outlook", "zoom", "booking"):
        # multipart/alternative with the calendar as the third alternative, as Exchange and Zoom send it
        msg.attach(calendar_part(ics, method))
    else:
        # ATS mail: the body is the message, the invitation an attached .ics
        msg.make_mixed()
        att = EmailMessage(policy=POLICY)
        att.set_content(ics, maintype="text", subtype="calendar", cte="base64", disposition="attachment",
                        filename="invite.ics", params={"method": method, "charset": "UTF-8"})
        msg.attach(att)
    return Mail(finish(msg, seed, style), msgid, str(msg["Subject"]), date=date)


def default_invite_text(ev: Ev, style: str) -> str:
    """The text body the system writes around its invitation (times shown in New York time)."""
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


def itip_reply(*, seed: str, date: datetime, user: P, ev: Ev, partstat: str, prodid: str, subject: str = "",
               msgid: str = "") -> Mail:
    """The REPLY the user's Google Calendar sent to the organizer (found in Sent): ACCEPTED, DECLINED or
    TENTATIVE. `subject` replaces "Accepted: <summary>"; `msgid` the seeded Message-ID."""
    verb = {"DECLINED": "Declined", "ACCEPTED": "Accepted", "TENTATIVE": "Tentatively Accepted"}[partstat]
    ics = reply_calendar(ev, user=user, partstat=partstat, prodid=prodid, dtstamp=date)
    msgid = msgid or f"<{h(seed, 20)}0{h(seed + 'r', 7)}@google.com>"
    subject = subject or f"{verb}: {ev.summary}"
    msg = headers(msgid=msgid, date=date, frm=user, to=[ev.organizer], subject=subject,
                  reply_to=user, sender=GOOGLE_CALENDAR)
    text = f"{user.name} has {verb.lower()} this invitation.\n\n{ev.summary}\n\nInvitation from Google Calendar"
    msg.set_content(text)
    msg.add_alternative(html_of(text), subtype="html")
    msg.attach(calendar_part(ics, "REPLY"))
    return Mail(finish(msg, seed, "google"), msgid, subject, date=date)
