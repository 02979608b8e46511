"""The sample mailbox that `interview-agent demo` replays over two weeks, no account needed.

Jordan Lee, a backend engineer employed at Bluepeak Logistics, is interviewing at three companies,
each inviting through a different system:

- Acme Robotics (Google Calendar): two interviewers, a room, a recruiter who says "we'll get back to
  you by Friday", then silence past Friday (follow-up), then "we'll have an answer by December 4"
  (acknowledgement; the decision date moves). One interviewer's out-of-office reply must not count.
- Northwind Labs (Outlook / Teams): the hiring manager alone; a rejection a week later
  (acknowledgement, closed).
- Initech (Greenhouse, .ics attached, recruiter in Reply-To): silence, so the follow-up comes after
  the default 7 business days.
- Things that must produce nothing: a dentist appointment, an internal team sync that mentions an
  interview loop, and a newsletter about interview tips.

The script is a list of steps in time order: `Delivery` (a mail lands in the tree), `SendDrafts`
(Jordan sends what the agent drafted) and `Run` (the caller runs `interview-agent run --now WHEN`).
Building the steps is pure; `perform` and `write_sample_mailbox` write only under the root the
caller passes. Mail is built with the stdlib `email` package; iCalendar text is written by hand in
the shapes Google, Exchange and Greenhouse send.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

TZ = ZoneInfo("America/New_York")
ME = "jordan.lee@gmail.com"
WORK = "jordan.lee@bluepeak-logistics.com"

DEMO_USER: dict = {
    "user": {
        "name": "Jordan Lee",
        "email": ME,
        "aliases": [WORK],
        "timezone": "America/New_York",
        "own_domains": ["bluepeak-logistics.com"],
    },
    "profile": {
        "pitch": ("I have spent five years building reliable backend services in Python and Go, most "
                  "recently cutting our order pipeline's p99 latency in half, and I enjoy mentoring "
                  "engineers as a team grows."),
        "signature": "Jordan Lee\n(555) 010-2000",
    },
}

MAILDIR_FOLDERS = ("", ".Sent", ".Drafts")  # Maildir++: inbox at the root


# ---------------------------------------------------------------- steps


@dataclass(frozen=True)
class Delivery:
    """A mail that lands in the tree at `when`: inbox mail in `new/`, sent mail in `cur/` (seen)."""

    when: datetime
    folder: str  # "" (inbox) | ".Sent"
    filename: str  # Maildir unique name, with the ":2,S" info part for sent mail
    raw: bytes
    # When set, the mail answers the latest message Jordan sent to this address: at delivery time its
    # In-Reply-To/References are pointed at it and its Subject becomes `subject_prefix` + that subject.
    answers: str = ""
    subject_prefix: str = ""

    @property
    def subdir(self) -> str:
        return "cur" if self.folder == ".Sent" else "new"


@dataclass(frozen=True)
class SendDrafts:
    """Jordan reviews the drafts waiting in `.Drafts` and sends them (each moves to `.Sent/cur`)."""

    when: datetime
    caption: str


@dataclass(frozen=True)
class Run:
    """The caller runs the agent with its clock at `when` (`interview-agent run --now`)."""

    when: datetime
    caption: str


DemoStep = Delivery | SendDrafts | Run


def _at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


# ---------------------------------------------------------------- iCalendar by hand


def _ics_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _param(value: str) -> str:
    """A parameter value, quoted when it holds a character that would end it."""
    return f'"{value}"' if any(c in value for c in ':;,') else value


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 sequence (RFC 5545 3.1)."""
    out: list[str] = []
    current, size = "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def _stamp(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(when: datetime) -> str:
    return when.astimezone(TZ).strftime("%Y%m%dT%H%M%S")


_VTIMEZONE_NY = """BEGIN:VTIMEZONE
TZID:{tzid}
{extra}BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE"""


@dataclass(frozen=True)
class _Who:
    name: str
    email: str
    partstat: str = "NEEDS-ACTION"
    cutype: str = "INDIVIDUAL"
    role: str = "REQ-PARTICIPANT"


def _calendar(*, prodid: str, method: str, uid: str, start: datetime, end: datetime, stamp: datetime,
              summary: str, description: str, location: str, organizer: _Who, attendees: list[_Who],
              tz_style: str = "olson", sequence: int = 0, extra: tuple[str, ...] = ()) -> str:
    """One VCALENDAR with one VEVENT. `tz_style`: "olson" (Google: TZID=America/New_York),
    "windows" (Exchange: TZID=Eastern Standard Time) or "utc" (ATS exports: times in Z)."""
    lines = ["BEGIN:VCALENDAR", f"PRODID:{prodid}", "VERSION:2.0", "CALSCALE:GREGORIAN",
             f"METHOD:{method}"]
    if tz_style == "olson":
        lines += _VTIMEZONE_NY.format(tzid="America/New_York", extra="X-LIC-LOCATION:America/New_York\n"
                                      ).splitlines()
        dt = [f"DTSTART;TZID=America/New_York:{_local(start)}", f"DTEND;TZID=America/New_York:{_local(end)}"]
    elif tz_style == "windows":
        lines += _VTIMEZONE_NY.format(tzid="Eastern Standard Time", extra="").splitlines()
        dt = [f"DTSTART;TZID=Eastern Standard Time:{_local(start)}",
              f"DTEND;TZID=Eastern Standard Time:{_local(end)}"]
    else:
        dt = [f"DTSTART:{_stamp(start)}", f"DTEND:{_stamp(end)}"]
    lines += ["BEGIN:VEVENT", *dt, f"DTSTAMP:{_stamp(stamp)}",
              f"ORGANIZER;CN={_param(organizer.name)}:mailto:{organizer.email}", f"UID:{uid}"]
    for a in attendees:
        rsvp = "TRUE" if a.partstat == "NEEDS-ACTION" and a.cutype == "INDIVIDUAL" else "FALSE"
        lines.append(f"ATTENDEE;CUTYPE={a.cutype};ROLE={a.role};PARTSTAT={a.partstat};RSVP={rsvp}"
                     f";CN={_param(a.name)}:mailto:{a.email}")
    lines += [f"CREATED:{_stamp(stamp)}", f"DESCRIPTION:{_ics_text(description)}",
              f"LAST-MODIFIED:{_stamp(stamp)}", f"LOCATION:{_ics_text(location)}",
              f"SEQUENCE:{sequence}", "STATUS:CONFIRMED", f"SUMMARY:{_ics_text(summary)}",
              "TRANSP:OPAQUE", *extra, "END:VEVENT", "END:VCALENDAR"]
    return "".join(_fold(line) + "\r\n" for line in lines)


# ---------------------------------------------------------------- MIME


def _mail(*, when: datetime, sender: str, to: str, subject: str, msgid: str, text: str,
          html: str | None = None, cc: str = "", headers: dict[str, str] | None = None) -> EmailMessage:
    """A plain (or plain + HTML alternative) message with the headers every client writes."""
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = sender
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = subject
    msg["Date"] = email.utils.format_datetime(when)
    msg["Message-ID"] = msgid
    for name, value in (headers or {}).items():
        msg[name] = value
    msg["MIME-Version"] = "1.0"
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return msg


def _html(text: str) -> str:
    paras = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in text.split("\n\n"))
    return f"<html><body><div dir=\"ltr\">{paras}</div></body></html>"


def _add_calendar(msg: EmailMessage, ics: str, method: str, cte: str = "base64") -> None:
    """Append a text/calendar part to the message's multipart/alternative (as Google and Exchange do)."""
    alt = msg if msg.get_content_type() == "multipart/alternative" else None
    if alt is None:
        raise ValueError("calendar part needs a multipart/alternative message")
    part = EmailMessage(policy=email.policy.SMTP)
    part.set_content(ics, subtype="calendar", charset="utf-8", cte=cte, params={"method": method})
    alt.attach(part)


def _attach_ics(msg: EmailMessage, ics: str, method: str, filename: str = "invite.ics") -> None:
    part = EmailMessage(policy=email.policy.SMTP)
    part.set_content(ics, subtype="calendar", charset="utf-8", cte="base64",
                     params={"method": method, "name": filename}, disposition="attachment",
                     filename=filename)
    msg.make_mixed()
    msg.attach(part)


def _bytes(msg: EmailMessage) -> bytes:
    # The stdlib adds MIME-Version to every part it creates; real clients write it once, at the top.
    for part in msg.walk():
        if part is not msg:
            del part["MIME-Version"]
    return msg.as_bytes(policy=email.policy.SMTP)


# ---------------------------------------------------------------- the cast

PRIYA = _Who("Priya Shah", "priya.shah@acme-robotics.com", "ACCEPTED")
DANA = _Who("Dana Whitfield", "dana.whitfield@acme-robotics.com")
MARCUS = _Who("Marcus Chen", "marcus.chen@acme-robotics.com")
ACME_ROOM = _Who("Acme HQ-4-Turing (6) [Zoom Room]",
                 "c_18846ad7cq2kehk1gsp5iodf6pb1o@resource.calendar.google.com", "ACCEPTED", "RESOURCE")
SAM = _Who("Sam Okafor", "sam.okafor@northwind-labs.com")
RACHEL = "Rachel Kim <rachel.kim@initech.io>"
TOM = _Who("Tom Becker", "tom.becker@initech.io")
LISA = _Who("Lisa Park", "lisa.park@initech.io")
JORDAN = _Who("Jordan Lee", ME)
JORDAN_ME = f"Jordan Lee <{ME}>"


def _acme() -> list[Delivery]:
    first = "<CAJ8q2VfA3c1RmXk0pN5dYt7wBqLh9sZe4uGv6oTiKy2nMx1Rbw@mail.gmail.com>"
    sched = _mail(
        when=_at(12, 10, 4), sender="Priya Shah <priya.shah@acme-robotics.com>", to=JORDAN_ME,
        subject="Next steps: Backend Engineer interview at Acme Robotics", msgid=first,
        text=("Hi Jordan,\n\nThanks for making time to chat last week! I'm happy to share that the team "
              "would like to move you forward for the Backend Engineer role.\n\nI've sent a calendar "
              "invitation for Tuesday, November 17, 2:00-3:00 pm ET at our Boston office. You'll meet "
              "Dana Whitfield (Engineering Manager) and Marcus Chen (Senior Software Engineer).\n\n"
              "Let me know if anything comes up.\n\nBest,\nPriya\n\nPriya Shah\nRecruiting Coordinator | "
              "Acme Robotics\nacme-robotics.com"))
    start, end = _at(17, 14), _at(17, 15)
    description = ("Backend Engineer interview with Dana Whitfield (Engineering Manager) and Marcus Chen "
                   "(Senior Software Engineer). Please check in at the front desk on the 4th floor.\n\n"
                   "Scheduled by Priya Shah, Recruiting Coordinator\n\n"
                   "Join with Google Meet: https://meet.google.com/xfd-pqrs-tuv\n\n"
                   "-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-\n"
                   "Please do not edit this section of the description.")
    ics = _calendar(prodid="-//Google Inc//Google Calendar 70.9054//EN", method="REQUEST",
                    uid="4q7h2cbf0m3s8v1ktn6e9rjd5a@google.com", start=start, end=end, stamp=_at(12, 10, 6),
                    summary="Interview: Jordan Lee / Backend Engineer", description=description,
                    location="Acme Robotics HQ, 500 Harbor Blvd, Boston, MA 02210",
                    organizer=PRIYA, attendees=[PRIYA, DANA, MARCUS, JORDAN, ACME_ROOM],
                    extra=("X-GOOGLE-CONFERENCE:https://meet.google.com/xfd-pqrs-tuv",))
    invite_text = ("You have been invited to the following event.\n\nInterview: Jordan Lee / Backend "
                   "Engineer\nWhen: Tuesday Nov 17, 2026 2pm - 3pm (EST)\nWhere: Acme Robotics HQ, 500 "
                   "Harbor Blvd, Boston, MA 02210\nJoining info: https://meet.google.com/xfd-pqrs-tuv\n"
                   "Calendar: jordan.lee@gmail.com\nWho:\n  * Priya Shah - organizer\n  * Dana Whitfield\n"
                   "  * Marcus Chen\n  * jordan.lee@gmail.com\n\nInvitation from Google Calendar\n"
                   "You are receiving this email because you are an attendee on the event.")
    invite = _mail(
        when=_at(12, 10, 6), sender="Priya Shah <priya.shah@acme-robotics.com>", to=ME,
        subject="Invitation: Interview: Jordan Lee / Backend Engineer @ Tue Nov 17, 2026 2pm - 3pm (EST) "
                "(jordan.lee@gmail.com)",
        msgid="<0000000000004f3a9e05c7b21d44@google.com>", text=invite_text, html=_html(invite_text),
        headers={"Sender": "Google Calendar <calendar-notification@google.com>",
                 "Reply-To": "priya.shah@acme-robotics.com"})
    _add_calendar(invite, ics, "REQUEST", cte="quoted-printable")
    _attach_ics(invite, ics, "REQUEST")
    # Jordan accepts from Gmail: an iTIP REPLY in Sent.
    reply_ics = _calendar(prodid="-//Google Inc//Google Calendar 70.9054//EN", method="REPLY",
                          uid="4q7h2cbf0m3s8v1ktn6e9rjd5a@google.com", start=start, end=end,
                          stamp=_at(12, 10, 31), summary="Interview: Jordan Lee / Backend Engineer",
                          description="", location="", organizer=PRIYA,
                          attendees=[_Who("Jordan Lee", ME, "ACCEPTED")])
    accepted_text = "Jordan Lee has accepted this invitation.\n\nInterview: Jordan Lee / Backend Engineer"
    accepted = _mail(when=_at(12, 10, 31), sender=JORDAN_ME, to="priya.shah@acme-robotics.com",
                     subject="Accepted: Interview: Jordan Lee / Backend Engineer @ Tue Nov 17, 2026 2pm - "
                             "3pm (EST) (priya.shah@acme-robotics.com)",
                     msgid="<CAHr5t3kQwE2nZp8xVb1mJc6yLd4sGf0aUo9iTe7hRk3Mw5Nq2A@mail.gmail.com>",
                     text=accepted_text, html=_html(accepted_text))
    _add_calendar(accepted, reply_ics, "REPLY")
    by_friday = _mail(
        when=_at(17, 16, 12), sender="Priya Shah <priya.shah@acme-robotics.com>", to=JORDAN_ME,
        subject="Re: Next steps: Backend Engineer interview at Acme Robotics",
        msgid="<CAJ8q2VcX7p0LmNb2kT4eRz9wQyHf5sDa1uGv3oPiKx8nMt6Rcw@mail.gmail.com>",
        headers={"In-Reply-To": first, "References": first},
        text=("Hi Jordan,\n\nThanks so much for coming in today. Dana and Marcus really enjoyed the "
              "conversation. We're wrapping up our last interviews this week, and we'll get back to "
              "you by Friday.\n\nBest,\nPriya\n\nPriya Shah\nRecruiting Coordinator | Acme Robotics"))
    out_of_office = _mail(
        when=_at(17, 20, 31), sender="Marcus Chen <marcus.chen@acme-robotics.com>", to=JORDAN_ME,
        subject="Thank you", msgid="<BY5PR11MB4025A1C39E7D0B88F1D2A6C4D8F02@BY5PR11MB4025.namprd11.prod."
                                   "outlook.com>",
        headers={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"},
        text=("I'm out of the office until Monday, November 23, with limited access to email. For "
              "anything urgent, please contact Dana Whitfield.\n\nMarcus"))
    more_time = _mail(
        when=_at(24, 11, 20), sender="Priya Shah <priya.shah@acme-robotics.com>", to=JORDAN_ME,
        subject="Re: Backend Engineer interview", msgid="<CAJ8q2VdL4k9PzQw1yRb6nHt3xMcJ0sEa7uFv2oKiTx5mNr8Rdw@"
                                                        "mail.gmail.com>",
        text=("Hi Jordan,\n\nThank you for checking in, and sorry for the wait! A couple of candidates "
              "were rescheduled, so the team needs a little more time. We'll have an answer for you by "
              "December 4.\n\nThanks for your patience,\nPriya\n\nPriya Shah\nRecruiting Coordinator | "
              "Acme Robotics"))
    return [
        Delivery(_at(12, 10, 4), "", _name(_at(12, 10, 4), 1), _bytes(sched)),
        Delivery(_at(12, 10, 6), "", _name(_at(12, 10, 6), 2), _bytes(invite)),
        Delivery(_at(12, 10, 31), ".Sent", _name(_at(12, 10, 31), 3, sent=True), _bytes(accepted)),
        Delivery(_at(17, 16, 12), "", _name(_at(17, 16, 12), 4), _bytes(by_friday)),
        Delivery(_at(17, 20, 31), "", _name(_at(17, 20, 31), 5), _bytes(out_of_office),
                 answers=MARCUS.email, subject_prefix="Automatic reply: "),
        Delivery(_at(24, 11, 20), "", _name(_at(24, 11, 20), 6), _bytes(more_time),
                 answers=PRIYA.email, subject_prefix="Re: "),
    ]


def _northwind() -> list[Delivery]:
    start, end = _at(18, 10), _at(18, 10, 45)
    teams = ("https://teams.microsoft.com/l/meetup-join/19%3ameeting_NGQ3ZTk1YzAtOWI2ZC00NTdiLWE5ZmQtMmM4"
             "ZGU0ZTI0ZDE3%40thread.v2/0?context=%7b%22Tid%22%3a%22b7c1e2d4%22%7d")
    description = ("Hi Jordan, I'm looking forward to our conversation about the Product Engineer role on "
                   "my team. We'll talk about your recent projects and how our team works.\n\n"
                   "________________________________________________________________________________\n"
                   "Microsoft Teams meeting\nJoin on your computer, mobile app or room device\n"
                   f"Click here to join the meeting<{teams}>\nMeeting ID: 245 118 392 771\nPasscode: q7Xb2N\n"
                   "________________________________________________________________________________")
    ics = _calendar(prodid="Microsoft Exchange Server 2010", method="REQUEST",
                    uid="040000008200E00074C5B7101A82E00800000000A0F3B1D2C7BFDC01000000000000000010000000"
                        "6C1E4B2A9F0D7E43B8A5C2D1E0F9A8B7",
                    start=start, end=end, stamp=_at(13, 15, 40),
                    summary="Product Engineer interview - Jordan Lee", description=description,
                    location="Microsoft Teams Meeting", organizer=SAM, attendees=[JORDAN],
                    tz_style="windows",
                    extra=("X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
                           "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE", "X-MICROSOFT-CDO-IMPORTANCE:1",
                           f"X-MICROSOFT-SKYPETEAMSMEETINGURL:{teams}", "X-MICROSOFT-DONOTFORWARDMEETING:FALSE"))
    text = description.replace(f"<{teams}>", f" <{teams}>")
    invite = _mail(when=_at(13, 15, 40), sender="Sam Okafor <sam.okafor@northwind-labs.com>",
                   to="Jordan Lee <jordan.lee@gmail.com>", subject="Product Engineer interview - Jordan Lee",
                   msgid="<MN2PR04MB6270E1F3A9C44B7D2E0B8F5AC7D12@MN2PR04MB6270.namprd04.prod.outlook.com>",
                   text=text, html=_html(text),
                   headers={"Thread-Topic": "Product Engineer interview - Jordan Lee",
                            "Thread-Index": "AdrW3kq8FQ1NnQ0mTqK7v2yL5xZc9w==",
                            "X-MS-Has-Attach": "", "X-MS-TNEF-Correlator": ""})
    _add_calendar(invite, ics, "REQUEST")
    rejection = _mail(
        when=_at(25, 9, 30), sender="Sam Okafor <sam.okafor@northwind-labs.com>", to=JORDAN_ME,
        subject="Product Engineer role",
        msgid="<MN2PR04MB6270B7D0E2F14A9C3E1F6A2BD8E45@MN2PR04MB6270.namprd04.prod.outlook.com>",
        text=("Hi Jordan,\n\nThank you again for your time last week and for your kind note. After a lot "
              "of discussion, we have decided to move forward with another candidate whose experience "
              "more closely matches what the team needs right now.\n\nIt was a pleasure talking with "
              "you, and I wish you all the best in your search.\n\nSam\n\nSam Okafor | Engineering "
              "Manager | Northwind Labs"))
    return [
        Delivery(_at(13, 15, 40), "", _name(_at(13, 15, 40), 7), _bytes(invite)),
        Delivery(_at(25, 9, 30), "", _name(_at(25, 9, 30), 8), _bytes(rejection),
                 answers=SAM.email, subject_prefix="RE: "),
    ]


def _initech() -> list[Delivery]:
    start, end = _at(19, 13), _at(19, 14, 30)
    organizer = _Who("Initech Recruiting", "no-reply@us.greenhouse-mail.io")
    ics = _calendar(prodid="-//Greenhouse Software Inc.//Interview Scheduler//EN", method="REQUEST",
                    uid="gh-interview-7781204-3@greenhouse.io", start=start, end=end, stamp=_at(16, 11, 2),
                    summary="Interview: Senior Software Engineer - Initech",
                    description=("Technical interview for the Senior Software Engineer role at Initech.\n"
                                 "Interviewers: Tom Becker (Staff Engineer), Lisa Park (Director of "
                                 "Engineering)\nZoom: https://initech.zoom.us/j/93817265501\n\n"
                                 "Questions? Reply to Rachel Kim, rachel.kim@initech.io"),
                    location="https://initech.zoom.us/j/93817265501", organizer=organizer,
                    attendees=[TOM, LISA, JORDAN], tz_style="utc")
    text = ("Hi Jordan,\n\nThank you for your interest in Initech! Your interview for the Senior Software "
            "Engineer position is confirmed.\n\nWhen: Thursday, November 19, 2026, 1:00 PM - 2:30 PM EST\n"
            "Where: https://initech.zoom.us/j/93817265501\n\nYou'll meet with:\n  Tom Becker - Staff "
            "Engineer\n  Lisa Park - Director of Engineering\n\nA calendar invitation is attached. If you "
            "need to reschedule, just reply to this email.\n\nBest,\nRachel Kim\nTechnical Recruiter, "
            "Initech")
    confirm = _mail(when=_at(16, 11, 2), sender="Rachel Kim <no-reply@us.greenhouse-mail.io>", to=JORDAN_ME,
                    subject="Interview Confirmation: Senior Software Engineer at Initech",
                    msgid="<4f1c2a7e.8d3b.4e61.9a0f.52c7b1e9d3a4@us.greenhouse-mail.io>", text=text,
                    html=_html(text), headers={"Reply-To": RACHEL})
    _attach_ics(confirm, ics, "REQUEST")
    return [Delivery(_at(16, 11, 2), "", _name(_at(16, 11, 2), 9), _bytes(confirm))]


def _not_interviews() -> list[Delivery]:
    dentist_ics = _calendar(prodid="-//Bright Smile Dental//Online Booking 4.2//EN", method="REQUEST",
                            uid="appt-55120987@brightsmiledental.com", start=_at(20, 9), end=_at(20, 10),
                            stamp=_at(16, 13, 15), summary="Dental cleaning with Dr. Alvarez",
                            description=("Your appointment: cleaning and check-up with Dr. Maria Alvarez.\n"
                                         "Please arrive 10 minutes early. To reschedule call (555) 010-4477."),
                            location="Bright Smile Dental, 12 Elm St, Somerville, MA",
                            organizer=_Who("Bright Smile Dental", "appointments@brightsmiledental.com"),
                            attendees=[JORDAN], tz_style="olson")
    text = ("Hi Jordan,\n\nThis confirms your appointment on Friday, November 20 at 9:00 AM with "
            "Dr. Alvarez. Add it to your calendar with the attached invitation.\n\nBright Smile Dental")
    dentist = _mail(when=_at(16, 13, 15), sender="Bright Smile Dental <appointments@brightsmiledental.com>",
                    to=JORDAN_ME, subject="Appointment confirmation: Fri, Nov 20 at 9:00 AM",
                    msgid="<20261116181500.55120987@brightsmiledental.com>", text=text, html=_html(text))
    _add_calendar(dentist, dentist_ics, "REQUEST")

    alex = _Who("Alex Rivera", "alex.rivera@bluepeak-logistics.com", "ACCEPTED")
    sync_ics = _calendar(prodid="-//Google Inc//Google Calendar 70.9054//EN", method="REQUEST",
                         uid="7b3k9d2m1q5r8s0t4v6w2x9yz@google.com", start=_at(23, 10), end=_at(23, 10, 30),
                         stamp=_at(16, 9, 40), summary="Platform team sync",
                         description=("Agenda: on-call handoff, Q1 roadmap, and the interview loop for the "
                                      "open SRE role (who takes the system design session?)."),
                         location="Bluepeak HQ - Harbor Room", organizer=alex,
                         attendees=[alex, _Who("Mei Tanaka", "mei.tanaka@bluepeak-logistics.com"),
                                    _Who("Jordan Lee", WORK)])
    sync_text = ("You have been invited to the following event.\n\nPlatform team sync\nWhen: Monday Nov 23, "
                 "2026 10am - 10:30am (EST)\n\nInvitation from Google Calendar")
    sync = _mail(when=_at(16, 9, 40), sender="Alex Rivera <alex.rivera@bluepeak-logistics.com>",
                 to=WORK, subject="Invitation: Platform team sync @ Mon Nov 23, 2026 10am - 10:30am (EST) "
                                  f"({WORK})",
                 msgid="<000000000000b81d2f05c7c3e9a1@google.com>", text=sync_text, html=_html(sync_text),
                 headers={"Sender": "Google Calendar <calendar-notification@google.com>"})
    _add_calendar(sync, sync_ics, "REQUEST", cte="quoted-printable")

    tips = ("THIS WEEK: ask the one question most candidates forget\n\nBefore your interview ends, ask the "
            "hiring manager: \"When do you expect to make a decision?\" Then send a thank-you note within "
            "24 hours, and if the date passes, one polite follow-up.\n\nAlso inside: how to prepare for a "
            "panel interview, and the phone screen mistakes recruiters notice first.\n\nYou are receiving "
            "this because you subscribed to Career Compass Weekly. Unsubscribe: "
            "https://careercompass.com/u/8f2c")
    newsletter = _mail(when=_at(18, 7), sender="Career Compass Weekly <newsletter@careercompass.com>",
                       to=ME, subject="The interview question that gets you a decision date",
                       msgid="<nl-2026-11-18.8f2c@mail.careercompass.com>", text=tips, html=_html(tips),
                       headers={"List-Id": "Career Compass Weekly <weekly.careercompass.com>",
                                "List-Unsubscribe": "<https://careercompass.com/u/8f2c>",
                                "Precedence": "bulk"})
    return [
        Delivery(_at(16, 9, 40), "", _name(_at(16, 9, 40), 10), _bytes(sync)),
        Delivery(_at(16, 13, 15), "", _name(_at(16, 13, 15), 11), _bytes(dentist)),
        Delivery(_at(18, 7), "", _name(_at(18, 7), 12), _bytes(newsletter)),
    ]


def _name(when: datetime, seq: int, *, sent: bool = False) -> str:
    """A Maildir unique name: time, a per-message sequence, a host part; sent mail is marked seen."""
    return f"{int(when.timestamp())}.M{seq}P2026Q{seq}.demo" + (":2,S" if sent else "")


# ---------------------------------------------------------------- the script

_CAPTIONS = {
    _at(16, 8): "Monday. Jordan has an invitation from Acme Robotics (Google Calendar) and one from "
                "Northwind Labs (Outlook/Teams).",
    _at(16, 18): "Greenhouse confirmed an Initech interview; a dentist appointment and an internal team "
                 "sync arrived too. Only real interviews are tracked.",
    _at(17, 18): "The Acme interview ended at 3 pm; Priya said \"we'll get back to you by Friday\". "
                 "Expect thank-you drafts for Dana and Marcus, not for Priya (recruiter) or the room.",
    _at(18, 8): "A newsletter about interview tips arrived and Marcus's out-of-office replied: neither "
                "counts.",
    _at(18, 18): "The Northwind interview with Sam Okafor ended at 10:45: a thank-you draft for Sam.",
    _at(19, 18): "The Initech panel ended at 2:30 pm: thank-you drafts for Tom and Lisa, none for the "
                 "Greenhouse no-reply organizer.",
    _at(21, 8): "Friday has passed without word from Acme: a follow-up draft to Priya, in her thread.",
    _at(24, 18): "Priya answered the follow-up (\"an answer by December 4\"): an acknowledgement draft, "
                 "and the decision date moves.",
    _at(25, 18): "Northwind declined: an acknowledgement draft to Sam, and the interview is closed.",
    _at(30, 18): "Initech has been silent for 7 business days; the default decision date is today.",
    _at(1, 8, month=12): "That day has passed: a follow-up draft to Rachel Kim (Initech's recruiter, from "
                         "the Greenhouse Reply-To).",
    _at(1, 18, month=12): "End of the replay: every draft is waiting in Drafts for Jordan to review.",
}

_SENDS = [
    SendDrafts(_at(17, 20, 30), "Jordan reviews the Acme thank-you drafts and sends them."),
    SendDrafts(_at(18, 19, 45), "Jordan sends the thank-you to Sam at Northwind."),
    SendDrafts(_at(19, 19, 10), "Jordan sends the thank-yous to Tom and Lisa at Initech."),
    SendDrafts(_at(23, 9, 15), "Jordan sends the follow-up to Priya on Monday morning."),
]


def demo_script() -> list[DemoStep]:
    """Every step of the demo in time order: mail deliveries, Jordan sending drafts, and the agent's
    runs (08:00 and 18:00 New York time, Monday 2026-11-16 to Tuesday 2026-12-01)."""
    runs: list[DemoStep] = []
    day = _at(16, 0)
    while day <= _at(1, 0, month=12):
        for hour in (8, 18):
            when = day.replace(hour=hour)
            runs.append(Run(when, _CAPTIONS.get(when, "Morning run." if hour == 8 else "Evening run.")))
        day = (day + timedelta(days=1)).replace(hour=0)
    steps: list[DemoStep] = [*_acme(), *_northwind(), *_initech(), *_not_interviews(), *_SENDS, *runs]
    # Stable sort: at equal instants deliveries come before runs (the list order above).
    return sorted(steps, key=lambda s: s.when)


def demo_timeline() -> list[tuple[datetime, str]]:
    """The instants of the demo's `run --now` calls, each with its caption."""
    return [(s.when, s.caption) for s in demo_script() if isinstance(s, Run)]


# ---------------------------------------------------------------- writing into the tree


def make_maildir(root: Path) -> None:
    """Create an empty Maildir++ tree: the inbox at `root`, `.Sent` and `.Drafts` beside it."""
    for folder in MAILDIR_FOLDERS:
        for sub in ("cur", "new", "tmp"):
            (root / folder / sub).mkdir(parents=True, exist_ok=True)


def _write(root: Path, folder: str, subdir: str, filename: str, raw: bytes, when: datetime) -> Path:
    """Deliver like an MTA: write into tmp/, then rename into place; mtime is the delivery time."""
    tmp = root / folder / "tmp" / filename.split(":")[0]
    tmp.write_bytes(raw)
    os.utime(tmp, (when.timestamp(), when.timestamp()))
    final = root / folder / subdir / filename
    os.replace(tmp, final)
    return final


def _latest_sent_to(root: Path, address: str) -> email.message.Message | None:
    best: tuple[datetime, email.message.Message] | None = None
    for sub in ("cur", "new"):
        for path in (root / ".Sent" / sub).glob("*"):
            msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if any(part.get_content_type() == "text/calendar" for part in msg.walk()):
                continue  # an RSVP is not a conversation anyone replies to
            rcpts = [addr.lower() for _n, addr in email.utils.getaddresses(msg.get_all("To", []) +
                                                                            msg.get_all("Cc", []))]
            if address.lower() not in rcpts:
                continue
            try:
                sent_at = email.utils.parsedate_to_datetime(str(msg["Date"]))
            except (TypeError, ValueError):
                continue
            if best is None or sent_at > best[0]:
                best = (sent_at, msg)
    return best[1] if best else None


def _threaded(root: Path, step: Delivery) -> bytes:
    """The delivery's bytes, made a reply to the latest mail Jordan sent to `step.answers` (if any)."""
    if not step.answers:
        return step.raw
    original = _latest_sent_to(root, step.answers)
    if original is None or not original["Message-ID"]:
        return step.raw
    msg = email.message_from_bytes(step.raw, policy=email.policy.SMTP)
    parent = str(original["Message-ID"]).strip()
    refs = str(original.get("References", "")).split() + [parent]
    subject = str(original.get("Subject", "")).strip()
    for name in ("In-Reply-To", "References", "Subject"):
        del msg[name]
    msg["In-Reply-To"] = parent
    msg["References"] = " ".join(refs[-10:])
    lower = subject.lower()
    msg["Subject"] = subject if lower.startswith(step.subject_prefix.lower()) else step.subject_prefix + subject
    return msg.as_bytes(policy=email.policy.SMTP)


def send_drafts(root: Path, when: datetime) -> list[Path]:
    """Act as Jordan's mail client sending every draft in `.Drafts`: each file moves unchanged to
    `.Sent/cur` with the Seen flag. Returns the new paths."""
    moved: list[Path] = []
    for sub in ("cur", "new"):
        for path in sorted((root / ".Drafts" / sub).glob("*")):
            if not path.is_file():
                continue
            unique = path.name.split(":")[0]
            target = root / ".Sent" / "cur" / f"{unique}:2,S"
            os.replace(path, target)
            os.utime(target, (when.timestamp(), when.timestamp()))
            moved.append(target)
    return moved


def perform(root: Path, step: Delivery | SendDrafts) -> None:
    """Apply one non-run step to the tree at `root` (created if needed)."""
    make_maildir(root)
    if isinstance(step, Delivery):
        _write(root, step.folder, step.subdir, step.filename, _threaded(root, step), step.when)
    elif isinstance(step, SendDrafts):
        send_drafts(root, step.when)
    else:
        raise TypeError(f"perform() takes a Delivery or SendDrafts step, not {type(step).__name__}")


def write_sample_mailbox(root: Path, until: datetime | None = None) -> None:
    """Create the Maildir++ tree at `root` and deliver every sample mail dated up to `until`
    (default: all of them). Runs and draft sending are not performed."""
    make_maildir(root)
    for step in demo_script():
        if isinstance(step, Delivery) and (until is None or step.when <= until):
            perform(root, step)


# ---------------------------------------------------------------- the replay (`interview-agent demo`)


def demo_config(root: Path) -> str:
    """The TOML config the replay uses: Jordan's [user]/[profile], the sample tree under `root/Mail`,
    state under `root/state`."""
    import tomlkit

    doc = tomlkit.document()
    doc["user"] = DEMO_USER["user"]
    doc["profile"] = DEMO_USER["profile"]
    doc["account"] = {"provider": "maildir", "path": str(root / "Mail")}
    doc["agent"] = {"state_dir": str(root / "state")}
    return tomlkit.dumps(doc)


def _invoke(cli, args: list[str], capture: bool = True) -> tuple[int, str]:
    """Run the click group in-process, capturing what it prints unless `capture` is False (rich then
    sees the real terminal and uses its width). Returns (exit code, output)."""
    import contextlib
    import io

    out = io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out) if capture else contextlib.nullcontext():
        try:
            result = cli.main(args, prog_name="interview-agent", standalone_mode=False)
            code = result if isinstance(result, int) else 0
        except SystemExit as exc:  # `run` ends with sys.exit(code)
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return code, out.getvalue()


def run_demo(directory: Path | None, cli, echo=print) -> int:
    """Replay the demo: build the tree and a config in `directory` (default: a new temporary folder),
    deliver each mail when its time comes, run `cli` (the `interview-agent` click group) with
    `run --now` at each step, then print the status table and every draft the agent wrote.
    Returns 0, or the worst exit code of the runs."""
    import tempfile

    root = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="interview-agent-demo-"))
    root.mkdir(parents=True, exist_ok=True)
    mail = root / "Mail"
    config_path = root / "config.toml"
    config_path.write_text(demo_config(root), encoding="utf-8")
    make_maildir(mail)
    base = ["--config", str(config_path)]
    echo(f"Sample mailbox: {mail}\nConfig: {config_path}\n"
         "Jordan Lee is interviewing at Acme Robotics, Northwind Labs and Initech. The agent runs twice a "
         "day; it only ever writes drafts.\n")
    worst = 0
    sent: list[Path] = []
    for step in demo_script():
        if isinstance(step, Run):
            code, output = _invoke(cli, [*base, "run", "--now", step.when.isoformat()])
            worst = max(worst, code)
            generic = step.caption in ("Morning run.", "Evening run.")
            if output.strip() or not generic or code:
                echo(f"== {step.when:%a %b %d %H:%M} == {step.caption}")
                for line in output.strip().splitlines():
                    echo(f"   {line}")
                if code:
                    echo(f"   (run exited with {code})")
        elif isinstance(step, SendDrafts):
            moved = send_drafts(mail, step.when)
            sent += moved
            if moved:
                echo(f"-- {step.when:%a %b %d %H:%M} -- {step.caption} ({len(moved)} sent)")
        else:
            perform(mail, step)
    last = demo_timeline()[-1][0]
    echo("")
    _invoke(cli, [*base, "status", "--now", last.isoformat()], capture=False)
    echo("\nThe drafts (Jordan sent the ones marked sent; the rest wait in Drafts):")
    waiting = sorted(p for sub in ("cur", "new") for p in (mail / ".Drafts" / sub).glob("*") if p.is_file())
    for path, label in [*((p, "sent") for p in sent), *((p, "waiting in Drafts") for p in waiting)]:
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",))
        echo(f"\n---- {label} ----")
        for header in ("From", "To", "Cc", "Subject", "In-Reply-To"):
            if msg[header]:
                echo(f"{header}: {msg[header]}")
        echo("")
        echo(body.get_content().rstrip() if body is not None else "(no text part)")
    echo(f"\nEverything is in {root}; try: interview-agent --config {config_path} show ID")
    return worst
