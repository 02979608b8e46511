"""Corpus scenarios 140-177: invitations from Google Calendar, Outlook/Exchange (with Teams), Zoom and
Workday, and how interviews move and end (issue 13 classes 1, 2, 7 and 8).

    .venv/bin/python -m tests.scenarios.corpus_calendars      # writes cases/140_... to cases/177_...

Covers cancellations by every route (METHOD:CANCEL, STATUS:CANCELLED in a REQUEST, mail only, cancel plus a new
booking, out-of-order delivery), reschedules (same UID with a higher SEQUENCE, new UID with the old one cancelled
or never cancelled, mail only, a stale update arriving late), interviews known only from the user's sent mail
(and sent mail that is not an interview), staffing agencies, far time zones and DST weeks, an all-day
"interview day", the thank-you window's edges, shared recruiting mailboxes, assistants and delegates.

Shapes come from /work/research/vendor_mail_shapes.md; each scenario's description names its source.
Definitions only: the generated folders are the scenarios.
"""

from __future__ import annotations

import base64
import email
import email.message
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tests.mailgen import Ev, Mail, P, h, hu, invitation, itip_reply, plain, vcalendar
from tests.mailgen.ical import VTIMEZONES, WINDOWS_TZ, fold
from tests.mailgen.mime import POLICY, finish, headers, html_of
from tests.scenarios.build import (
    BERLIN,
    NY,
    USER,
    S,
    att,
    gmeet,
    named,
    outlook,
    teams,
    thanks,
    uid_google,
    uid_outlook,
)
from tests.scenarios.build import t as _t

LA = ZoneInfo("America/Los_Angeles")
KOLKATA = ZoneInfo("Asia/Kolkata")
SYDNEY = ZoneInfo("Australia/Sydney")
LONDON = ZoneInfo("Europe/London")

# Zones these scenarios need that mailgen does not define (added here, not in mailgen.py): the VTIMEZONE
# blocks Exchange writes for Pacific and UK time, and the Olson block Zoom writes for Los Angeles.
VTIMEZONES.setdefault("Pacific Standard Time", """BEGIN:VTIMEZONE
TZID:Pacific Standard Time
BEGIN:STANDARD
DTSTART:16010101T020000
TZOFFSETFROM:-0700
TZOFFSETTO:-0800
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:-0800
TZOFFSETTO:-0700
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE""")
VTIMEZONES.setdefault("GMT Standard Time", """BEGIN:VTIMEZONE
TZID:GMT Standard Time
BEGIN:STANDARD
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T010000
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE""")
VTIMEZONES.setdefault("America/Los_Angeles", """BEGIN:VTIMEZONE
TZID:America/Los_Angeles
LAST-MODIFIED:20201011T015911Z
X-LIC-LOCATION:America/Los_Angeles
BEGIN:DAYLIGHT
TZNAME:PDT
TZOFFSETFROM:-0800
TZOFFSETTO:-0700
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZNAME:PST
TZOFFSETFROM:-0700
TZOFFSETTO:-0800
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE""")
WINDOWS_TZ.setdefault("GMT Standard Time", "Europe/London")


def t(text: str, tz: ZoneInfo = NY) -> datetime:
    return _t(text, tz)


# ------------------------------------------------------------------ date arithmetic (B14, B17)


def add_business_days(day: date, n: int) -> date:
    while n:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def default_decision(end: datetime, tz: ZoneInfo = NY) -> str:
    """B14: the interview's end (as a day in the user's zone) + 7 business days."""
    return add_business_days(end.astimezone(tz).date(), 7).isoformat()


def check(expected: str, computed: str) -> str:
    assert expected == computed, (expected, computed)
    return expected


# ------------------------------------------------------------------ mail shapes built on mailgen


def _hm(dt: datetime) -> str:
    return (f"{dt:%-I}{dt:%p}" if dt.minute == 0 else f"{dt:%-I:%M%p}").lower()


def gwhen(ev: Ev, tz: ZoneInfo = NY) -> str:
    """Google Calendar's subject time: 'Thu Nov 12, 2026 11am - 12pm (EST)'."""
    s, e = ev.start.astimezone(tz), ev.end.astimezone(tz)
    return f"{s:%a %b %-d, %Y} {_hm(s)} - {_hm(e)} ({s:%Z})"


def gsubject(prefix: str, ev: Ev, to: P = USER, tz: ZoneInfo = NY) -> str:
    return f"{prefix}: {ev.summary} @ {gwhen(ev, tz)} ({to.email})"


def gbody_when(ev: Ev, tz: ZoneInfo, zone_label: str) -> str:
    s, e = ev.start.astimezone(tz), ev.end.astimezone(tz)
    return f"{s:%A %b %-d, %Y} \u22c5 {_hm(s)} \u2013 {_hm(e)} ({zone_label})"


def ginvite(seed: str, ev: Ev, sent: datetime, *, prefix: str = "Invitation", to: P = USER, tz: ZoneInfo = NY,
            **kw) -> Mail:
    """A Google Calendar invitation / update (vendor_mail_shapes §12: subject forms, From = organizer)."""
    return invitation(style="google", ev=ev, date=sent, to=[to], seed=seed,
                      subject=kw.pop("subject", None) or gsubject(prefix, ev, to, tz), **kw)


def gcancel(seed: str, ev: Ev, sent: datetime, note: str = "", *, to: P = USER, tz: ZoneInfo = NY,
            zone_label: str = "Eastern Time - New York", frm: P | None = None) -> Mail:
    """Google's cancellation: METHOD:CANCEL, STATUS:CANCELLED, same UID, SEQUENCE bumped; 'Canceled event with
    note:' subject and body, Auto-Submitted: auto-generated (§12, the archived qemu-devel cancellation)."""
    head = (f'This event has been canceled with a note:\n"{note}"' if note
            else "This event has been canceled and removed from your calendar.")
    guests = "\n".join([f"{ev.organizer.name or ev.organizer.email} - organizer"] +
                       [a.who.name or a.who.email for a in ev.attendees if a.who != ev.organizer])
    body = (f"{head}\n\n{ev.summary}\n{gbody_when(ev, tz, zone_label)}\n\nGuests\n{guests}\n\n"
            "Invitation from Google Calendar: https://calendar.google.com/calendar/\n\nYou are receiving this email "
            "because you are an attendee on the event.")
    prefix = "Canceled event with note" if note else "Canceled event"
    return invitation(style="google", ev=ev, date=sent, to=[to], seed=seed, method="CANCEL", frm=frm,
                      subject=gsubject(prefix, ev, to, tz), body=body,
                      extra_headers=[("Auto-Submitted", "auto-generated")])


def ocancel(seed: str, ev: Ev, sent: datetime, note: str, *, tzid: str = "Eastern Standard Time",
            prefix: str = "Canceled") -> Mail:
    """Exchange's meeting cancellation: 'Canceled: <title>' (en-GB 'Cancelled:'), METHOD:CANCEL, same UID,
    higher SEQUENCE, busy status Free (§13, MS-OXOCAL 3.1.4.9.1)."""
    m = outlook(seed, ev, sent, tzid=tzid, method="CANCEL", subject=f"{prefix}: {ev.summary}", body=note)
    return patch_ics(m, lambda lines: [x.replace("BUSYSTATUS:TENTATIVE", "BUSYSTATUS:FREE") for x in lines])


def workday(seed: str, ev: Ev, sent: datetime, *, tenant: str, company: str, subject: str, body: str,
            method: str = "REQUEST") -> Mail:
    """A Workday Recruiting notification: From '<Company> Careers <tenant@myworkday.com>', sent through Amazon
    SES, with an attached .ics (sender pattern: §4 fixtures; the invitation text itself is hand-written, §4
    says Workday's scheduling text was not found)."""
    frm = P(f"{company} Careers", f"{tenant}@myworkday.com")
    msgid = (f"<0100{h(seed, 12)}-{h(seed + 'a', 8)}-{h(seed + 'b', 4)}-{h(seed + 'c', 4)}-{h(seed + 'd', 4)}-"
             f"{h(seed + 'e', 12)}-000000@email.amazonses.com>")
    ics = vcalendar(ev, method=method, prodid="-//Workday Inc//Workday Recruiting//EN", style="other", dtstamp=sent,
                    tzid="America/New_York")
    msg = headers(msgid=msgid, date=sent, frm=frm, to=[USER], subject=subject,
                extra=[("X-SES-Outgoing", "2026.11.04-54.240.8.97")])
    msg.set_content(body, cte="quoted-printable")
    msg.add_alternative(html_of(body), subtype="html", cte="quoted-printable")
    msg.make_mixed()
    part = email.message.EmailMessage(policy=POLICY)
    part.set_content(ics, maintype="text", subtype="calendar", cte="base64", disposition="attachment",
                     filename="Interview.ics", params={"method": method, "charset": "UTF-8"})
    msg.attach(part)
    return Mail(finish(msg, seed), msgid, subject, date=sent)


def html_mail(*, seed: str, date: datetime, frm: P, to: list[P], subject: str, html_body: str, cc: list[P] = (),
              in_reply_to: str = "") -> Mail:
    """Mail with an HTML body only (no text/plain part), as Outlook on the web often sends it."""
    tag = "PH0PR11MB" + hu(seed, 4)
    msgid = f"<{tag}{hu(seed + 'o', 24)}@{tag}.namprd11.prod.outlook.com>"
    msg = headers(msgid=msgid, date=date, frm=frm, to=list(to), cc=list(cc), subject=subject, order="outlook",
                in_reply_to=in_reply_to)
    msg.set_content(html_body, subtype="html", cte="quoted-printable")
    return Mail(finish(msg, seed, "outlook"), msgid, subject, date=date)


def quoted(text: str, who: P, when: datetime) -> str:
    """Gmail's quoted history under a reply."""
    lines = "\n".join("> " + x if x else ">" for x in text.splitlines())
    return f"\n\nOn {when:%a, %b %-d, %Y at %-I:%M %p} {who.name} <{who.email}> wrote:\n{lines}"


def patch_ics(m: Mail, edit) -> Mail:
    """Rewrite the calendar parts of `m`: `edit` gets and returns the unfolded content lines."""
    msg = email.message_from_bytes(m.raw, policy=POLICY)
    for part in msg.walk():
        if part.get_content_type() in ("text/calendar", "application/ics"):
            text = part.get_payload(decode=True).decode().replace("\r\n ", "")
            lines = edit([x for x in text.split("\r\n") if x])
            new = ("\r\n".join(fold(x) for x in lines) + "\r\n").encode()
            part.set_payload(base64.encodebytes(new).decode())
    return Mail(msg.as_bytes(policy=POLICY), m.message_id, m.subject, m.date)


def add_header(m: Mail, name: str, value: str) -> Mail:
    msg = email.message_from_bytes(m.raw, policy=POLICY)
    msg[name] = value
    return Mail(msg.as_bytes(policy=POLICY), m.message_id, m.subject, m.date)


def delivered_at(m: Mail, when: datetime) -> Mail:
    """The same message, reaching the mailbox at `when` (later than its Date: delayed or out of order)."""
    return Mail(m.raw, m.message_id, m.subject, when)


def iv(company: str, role: str, interviewers: list[str], contact: str, **more) -> dict:
    return {"match": company, "company": company, "role": role, "interviewers": interviewers, "contact": contact,
            **more}


# ================================================================== class 1: cancellations


def c140() -> S:
    s = S("140_b2_b3_b17_google_canceled_with_note_after_user_confirmed",
          "The recruiter proposes Thursday 11am by mail, the user confirms the slot in a reply, the Google Calendar "
          "invitation follows; the day before, 'Canceled event with note: ...' (METHOD:CANCEL, same UID, SEQUENCE 1, "
          "STATUS:CANCELLED) arrives. The cancellation wins over every trace of that slot, the user's own "
          "confirmation included: no interview, no thank-you after the would-be end, no follow-up after the "
          "would-be default date (and never one threaded on the cancellation). Issue 13 class 1. Shape: Google "
          "Calendar 'Invitation from an unknown sender:' subject and 'Canceled event with note:' subject/body per "
          "vendor_mail_shapes §12 (archived qemu-devel cancellation).",
          ["B2", "B3", "B17"])
    marisol = P("Marisol Vega", "marisol.vega@brightlinepay.com")
    kwame = P("Kwame Mensah", "kwame.mensah@brightlinepay.com")
    ask = s.mail("recruiter_proposes", "inbox", plain(
        seed="c140a", date=t("2026-11-05 09:00"), frm=marisol, to=[USER],
        subject="Payments Platform Engineer - interview with Kwame",
        body="Hi Jordan,\n\nThanks for the great chat on Monday! Kwame Mensah, our Engineering Manager for "
             "Payments Platform, would like to meet you. Does Thursday, November 12 at 11am ET work? It's a "
             "one-hour technical conversation over Google Meet.\n\nBest,\nMarisol Vega\nTechnical Recruiter, "
             "Brightline Payments"))
    s.mail("user_confirms_slot", "sent", plain(
        seed="c140b", date=t("2026-11-05 12:02"), frm=USER, to=[marisol], in_reply_to=ask,
        subject="Re: Payments Platform Engineer - interview with Kwame",
        body="Hi Marisol,\n\nThursday, November 12 at 11am ET works for me - confirmed. Looking forward to meeting "
             "Kwame.\n\nBest,\nJordan" + quoted("Does Thursday, November 12 at 11am ET work?", marisol,
                                                 t("2026-11-05 09:00"))))
    base = {"uid": uid_google("c140"), "start": t("2026-11-12 11:00"), "end": t("2026-11-12 12:00"),
                "summary": "Payments Platform Engineer Interview - Jordan Lee", "organizer": marisol,
                "attendees": (att(marisol, "ACCEPTED"), att(kwame, "ACCEPTED"), att(USER, "ACCEPTED")),
                "description": "Technical interview with Kwame Mensah (Engineering Manager, Payments Platform) for "
                            "the Payments Platform Engineer role at Brightline Payments.",
                "conference": gmeet("c140")}
    s.mail("google_invitation_unknown_sender", "inbox",
           ginvite("c140", Ev(**base), t("2026-11-05 12:30"), prefix="Invitation from an unknown sender"))
    s.mail("google_canceled_with_note", "inbox", gcancel(
        "c140c", Ev(**{**base, "sequence": 1, "status": "CANCELLED"}), t("2026-11-11 15:10"),
        "So sorry, Jordan - Kwame is out sick this week. I'll be in touch about next steps."))
    s.run(t("2026-11-11 16:00"), total=0, interviews=0)
    s.run(t("2026-11-12 12:30"), total=0, interviews=0)
    s.run(t("2026-11-13 09:00"), total=0, interviews=0)
    s.run(t("2026-11-24 09:00"), total=0, interviews=0)
    s.run(t("2026-12-02 09:00"), total=0, interviews=0)
    return s


def c141() -> S:
    s = S("141_b2_b3_outlook_canceled_teams_after_accept",
          "An Outlook/Exchange Teams invitation from the hiring manager ('Okonkwo, Adaeze'), which the user "
          "accepted (the calendar's ACCEPTED reply is in Sent), is withdrawn with 'Canceled: <title>' "
          "(METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE 1, busy status Free). Nothing, ever. Issue 13 class 1. "
          "Shape: Exchange request/cancellation per vendor_mail_shapes §13 (MS-OXOCAL), Teams block §15.",
          ["B2", "B3"])
    ada = P("Okonkwo, Adaeze", "adaeze.okonkwo@castellanmutual.com")
    felipe = P("Felipe Arango", "felipe.arango@castellanmutual.com")
    base = {"uid": uid_outlook("c141"), "start": t("2026-11-17 14:00"), "end": t("2026-11-17 15:00"),
                "summary": "Interview - Claims Data Scientist - Jordan Lee", "organizer": ada,
                "attendees": (att(USER), att(felipe)),
                "description": "Hi Jordan,\n\nLooking forward to talking about the Claims Data Scientist role. Felipe "
                            "Arango from our pricing team will join me.\n\nAdaeze Okonkwo\nDirector, Claims "
                            "Analytics | Castellan Mutual",
                "location": "Microsoft Teams Meeting", "conference": teams("c141")}
    ev0 = Ev(**base)
    s.mail("outlook_invitation", "inbox", outlook("c141", ev0, t("2026-11-09 10:15")))
    s.mail("user_accepted", "sent", itip_reply(seed="c141r", date=t("2026-11-09 11:00"), user=USER, ev=ev0,
                                               partstat="ACCEPTED",
                                               prodid="-//Google Inc//Google Calendar 70.9054//EN"))
    s.mail("outlook_canceled", "inbox", ocancel(
        "c141c", Ev(**{**base, "sequence": 1, "status": "CANCELLED"}), t("2026-11-16 17:45"),
        "Hi Jordan, I have to cancel this meeting - apologies for the short notice. Our recruiting team will "
        "reach out.\n\nAdaeze"))
    s.run(t("2026-11-17 15:30"), total=0, interviews=0)
    s.run(t("2026-11-18 09:00"), total=0, interviews=0)
    s.run(t("2026-11-30 09:00"), total=0, interviews=0)
    return s


def c142() -> S:
    s = S("142_b2_b3_b17_canceled_event_after_confirmation_thread",
          "User in Los Angeles. A coordinator's Google invitation (Zoom link in the description) for Monday; the "
          "user and the recruiter confirm it by mail in both directions ('Confirmed for Monday at 1pm PT' / "
          "'Great, see you Monday!'); the Friday before, 'Canceled event:' (no note; METHOD:CANCEL, SEQUENCE 2 "
          "after an earlier description update at SEQUENCE 1). No thank-you after the would-be end and no "
          "follow-up later, neither in the recruiter's thread nor on the cancellation. Issue 13 class 1. Shape: "
          "Google 'Updated invitation:' / 'Canceled event:' subjects (§12), Zoom-in-Google body lines (§14).",
          ["B2", "B3", "B17"], user={"timezone": "America/Los_Angeles"})
    dev = P("Devika Rao", "devika.rao@sunmesa.energy")
    hank = P("Hank Sorensen", "hank.sorensen@sunmesa.energy")
    zoom = "https://sunmesa.zoom.us/j/81233094471?pwd=" + h("c142z", 22)
    base = {"uid": uid_google("c142"), "start": t("2026-11-23 13:00", LA), "end": t("2026-11-23 14:00", LA),
                "summary": "Sun Mesa Energy | Interview: Jordan Lee (Solar Forecasting Analyst)", "organizer": dev,
                "attendees": (att(dev, "ACCEPTED"), att(hank, "ACCEPTED"), att(USER, "ACCEPTED")),
                "description": f"Join Zoom Meeting\n{zoom}\n\nInterview with Hank Sorensen, Forecasting Lead.",
                "location": zoom}
    s.mail("google_invitation", "inbox", ginvite("c142", Ev(**base), t("2026-11-16 10:00", LA), tz=LA))
    s.mail("google_updated_invitation", "inbox", ginvite(
        "c142u", Ev(**{**base, "sequence": 1, "description": base["description"] + "\nPlease have your portfolio "
                                                                                    "ready to share."}),
        t("2026-11-17 09:00", LA), prefix="Updated invitation", tz=LA))
    mine = s.mail("user_confirms", "sent", plain(
        seed="c142a", date=t("2026-11-17 11:00", LA), frm=USER, to=[dev], subject="Monday's interview",
        body="Hi Devika,\n\nConfirmed for Monday at 1pm PT with Hank. Thanks for setting it up!\n\nJordan"))
    s.mail("recruiter_see_you", "inbox", plain(
        seed="c142b", date=t("2026-11-17 12:30", LA), frm=dev, to=[USER], subject="Re: Monday's interview",
        in_reply_to=mine,
        body="Great, see you Monday!\n\nDevika Rao\nRecruiting Coordinator, Sun Mesa Energy"))
    s.mail("google_canceled", "inbox", gcancel(
        "c142c", Ev(**{**base, "sequence": 2, "status": "CANCELLED"}), t("2026-11-20 16:20", LA), tz=LA,
        zone_label="Pacific Time - Los Angeles"))
    s.run(t("2026-11-23 14:30", LA), total=0, interviews=0)
    s.run(t("2026-11-24 08:00", LA), total=0, interviews=0)
    s.run(t("2026-12-04 08:00", LA), total=0, interviews=0)
    return s


def c143() -> S:
    s = S("143_b2_b3_cancelled_by_mail_only",
          "An Outlook/Teams invitation for Wednesday; on Tuesday afternoon the recruiter writes 'we need to cancel "
          "tomorrow's interview' and no CANCEL ever comes (the organizer just never removed the event). The mail "
          "cancels the slot: no thank-you after the would-be end, no follow-up later. Issue 13 class 1 (cancel by "
          "mail only). Shape: Exchange request (§13) and a hand-written recruiter mail.",
          ["B2", "B3"])
    rita = P("Rita Kowalczyk", "rita.kowalczyk@quayside-analytics.com")
    ben = P("Benedikt Maier", "benedikt.maier@quayside-analytics.com")
    ev = Ev(uid_outlook("c143"), t("2026-11-18 10:00"), t("2026-11-18 11:00"),
            "Jordan Lee / Quayside Analytics - Analytics Engineer interview", rita, (att(USER), att(ben)),
            description="Interview with Benedikt Maier (Head of Data Platform).", location="Microsoft Teams Meeting",
            conference=teams("c143"))
    s.mail("outlook_invitation", "inbox", outlook("c143", ev, t("2026-11-11 14:00")))
    s.mail("recruiter_cancels_by_mail", "inbox", plain(
        seed="c143b", date=t("2026-11-17 16:05"), frm=rita, to=[USER], cc=[ben], style="outlook",
        subject="Tomorrow's interview",
        body="Hi Jordan,\n\nI'm very sorry, but we need to cancel tomorrow's interview with Benedikt - he has had a "
             "family emergency and will be out for a while. Please disregard the calendar invitation; I'll reach "
             "out once we know more about his return.\n\nApologies again,\nRita Kowalczyk\nTalent Partner, "
             "Quayside Analytics"))
    s.run(t("2026-11-18 11:30"), total=0, interviews=0)
    s.run(t("2026-11-19 09:00"), total=0, interviews=0)
    s.run(t("2026-12-01 09:00"), total=0, interviews=0)
    return s


def c144() -> S:
    s = S("144_b2_b7_google_cancel_plus_new_booking_new_uid",
          "A Google invitation for Tuesday is cancelled with a note ('moving to Thursday, new invite coming') and a "
          "new invitation with a NEW UID books Thursday. One interview, at the new time; one set of thank-yous "
          "(two interviewers) after Thursday's end, nothing after Tuesday's. Issue 13 class 1 (cancel + new "
          "booking). Shape: Google 'Canceled event with note:' and 'Invitation:' (§12).",
          ["B2", "B7", "B8", "B9"])
    yuki = P("Yuki Tanabe", "yuki.tanabe@copperleaf.dev")
    omar = P("Omar Siddiqui", "omar.siddiqui@copperleaf.dev")
    common = {"summary": "Copperleaf - Backend Engineer (Billing) interview with Jordan Lee", "organizer": yuki,
                  "attendees": (att(yuki, "ACCEPTED"), att(omar, "ACCEPTED"), att(USER)),
                  "description": "Interview for the Backend Engineer (Billing) role at Copperleaf: a walk through a "
                              "system you built, then a billing-domain design exercise with Omar Siddiqui."}
    old = Ev(uid=uid_google("c144a"), start=t("2026-11-10 15:00"), end=t("2026-11-10 16:00"),
             conference=gmeet("c144a"), **common)
    new = Ev(uid=uid_google("c144b"), start=t("2026-11-12 15:00"), end=t("2026-11-12 16:00"),
             conference=gmeet("c144b"), **common)
    s.mail("google_invitation_tuesday", "inbox", ginvite("c144a", old, t("2026-11-03 10:00")))
    s.mail("google_canceled_with_note", "inbox", gcancel(
        "c144c", replace(old, sequence=1, status="CANCELLED"), t("2026-11-09 09:30"),
        "Moving this to Thursday at the same time - a new invite is on its way. Sorry for the shuffle!"))
    s.mail("google_invitation_thursday", "inbox", ginvite("c144b", new, t("2026-11-09 09:32")))
    s.run(t("2026-11-09 10:00"), total=0, interviews=1,
          interview=[{"match": "Copperleaf", "start": "2026-11-12T15:00:00-05:00"}])
    s.run(t("2026-11-10 16:30"), total=0, interviews=1)
    s.run(t("2026-11-12 16:15"), [thanks(yuki.email, "Yuki", "Copperleaf"), thanks(omar.email, "Omar", "Copperleaf")],
          total=2, interviews=1,
          interview=[iv("Copperleaf", "Backend Engineer (Billing)", [yuki.email, omar.email], yuki.email)])
    s.run(t("2026-11-13 09:00"), total=2, interviews=1)
    return s


def c145() -> S:
    s = S("145_b2_b7_zoom_rebooked_then_old_meeting_deleted",
          "Zoom: the host schedules a new meeting (new UID) for Friday, and five minutes later deletes the old "
          "Wednesday meeting (Zoom's cancellation .ics: METHOD:CANCEL, same UID). The new booking arrives before "
          "the cancellation. One interview on Friday; the thank-you once, after Friday's end. Issue 13 class 1. "
          "Shape: Zoom invitation text per vendor_mail_shapes §14; Zoom's cancellation mail is hand-written.",
          ["B2", "B7", "B8"])
    grace = P("Grace Adeyemi", "grace.adeyemi@lanternhealth.org")
    zoom_old = "https://lanternhealth.zoom.us/j/86610022781?pwd=" + h("c145o", 22)
    zoom_new = "https://lanternhealth.zoom.us/j/86610099312?pwd=" + h("c145n", 22)
    common = {"summary": "Lantern Health: Clinical Data Analyst interview (Jordan Lee)", "organizer": grace,
                  "attendees": (att(USER),)}
    old = Ev(uid=f"ZOOM{int(h('c145o', 10), 16)}@zoom.us", start=t("2026-11-18 13:00"), end=t("2026-11-18 13:45"),
             description="Interview for the Clinical Data Analyst role at Lantern Health.", location=zoom_old,
             conference=zoom_old, **common)
    new = Ev(uid=f"ZOOM{int(h('c145n', 10), 16)}@zoom.us", start=t("2026-11-20 13:00"), end=t("2026-11-20 13:45"),
             description="Interview for the Clinical Data Analyst role at Lantern Health (moved from Wednesday).",
             location=zoom_new, conference=zoom_new, **common)
    s.mail("zoom_invitation_wednesday", "inbox", invitation(
        style="zoom", ev=old, date=t("2026-11-11 09:00"), to=[USER], seed="c145o", tzid="America/New_York",
        subject="Invitation: Lantern Health: Clinical Data Analyst interview (Jordan Lee)"))
    s.mail("zoom_invitation_friday", "inbox", invitation(
        style="zoom", ev=new, date=t("2026-11-16 10:00"), to=[USER], seed="c145n", tzid="America/New_York",
        subject="Invitation: Lantern Health: Clinical Data Analyst interview (Jordan Lee)"))
    s.mail("zoom_cancellation_wednesday", "inbox", invitation(
        style="zoom", ev=replace(old, sequence=1, status="CANCELLED"), date=t("2026-11-16 10:05"),
        to=[USER], seed="c145c", tzid="America/New_York", method="CANCEL",
        subject="Canceled: Lantern Health: Clinical Data Analyst interview (Jordan Lee)",
        body=f"{grace.name} has canceled the following Zoom meeting.\n\nTopic: {old.summary}\nTime: Nov 18, 2026 "
             "01:00 PM Eastern Time (US and Canada)\n\nMeeting ID: 866 1002 2781"))
    s.run(t("2026-11-16 11:00"), total=0, interviews=1,
          interview=[{"match": "Lantern Health", "start": "2026-11-20T13:00:00-05:00"}])
    s.run(t("2026-11-18 14:30"), total=0, interviews=1)
    s.run(t("2026-11-20 14:15"), [thanks(grace.email, "Grace", "Lantern Health")], total=1, interviews=1,
          interview=[iv("Lantern Health", "Clinical Data Analyst", [grace.email], grace.email)])
    s.run(t("2026-11-21 09:00"), total=1, interviews=1)
    return s


def c146() -> S:
    s = S("146_b2_b3_cancel_wins_over_stale_update_delivered_late",
          "Three versions of one Google event: the invitation (SEQUENCE 0, Thursday), an update moving it to "
          "Friday (SEQUENCE 1, dated Nov 16 but delivered late, on Nov 17 at noon) and the cancellation "
          "(SEQUENCE 2, delivered Nov 17 at 9am, before the late update). The highest SEQUENCE wins whatever the "
          "order of arrival: the interview is cancelled; nothing on Thursday or Friday. Issue 13 class 1, mail out "
          "of order. Shape: Google 'Updated invitation:' / 'Canceled event with note:' (§12).",
          ["B2", "B3"])
    ike = P("Ike Nwosu", "ike.nwosu@foxglove.studio")
    base = {"uid": uid_google("c146"), "summary": "Foxglove Studio - Product Designer Interview", "organizer": ike,
                "attendees": (att(ike, "ACCEPTED"), att(USER)),
                "description": "Portfolio review for the Product Designer role at Foxglove Studio.",
                "conference": gmeet("c146")}
    ev0 = Ev(start=t("2026-11-19 10:00"), end=t("2026-11-19 11:00"), **base)
    ev1 = Ev(start=t("2026-11-20 10:00"), end=t("2026-11-20 11:00"), sequence=1, **base)
    ev2 = Ev(start=t("2026-11-20 10:00"), end=t("2026-11-20 11:00"), sequence=2, status="CANCELLED", **base)
    s.mail("google_invitation", "inbox", ginvite("c146", ev0, t("2026-11-12 09:00")))
    s.mail("google_canceled_with_note", "inbox", gcancel(
        "c146c", ev2, t("2026-11-17 09:00"), "We've decided to pause this search - I'm sorry, Jordan."))
    s.mail("google_update_delivered_late", "inbox", delivered_at(
        ginvite("c146u", ev1, t("2026-11-16 08:30"), prefix="Updated invitation"), t("2026-11-17 12:00")))
    s.run(t("2026-11-17 13:00"), total=0, interviews=0)
    s.run(t("2026-11-19 11:30"), total=0, interviews=0)
    s.run(t("2026-11-20 11:30"), total=0, interviews=0)
    s.run(t("2026-12-02 09:00"), total=0, interviews=0)
    return s


def c147() -> S:
    s = S("147_b2_b3_ashby_request_with_status_cancelled",
          "An Ashby-scheduled interview is called off by an updated .ics that keeps METHOD:REQUEST but carries "
          "STATUS:CANCELLED and SEQUENCE 1 ('Interview cancelled: ...' from the no-reply address, the recruiter as "
          "Reply-To). STATUS:CANCELLED removes the event (B2): nothing is drafted. Issue 13 class 1. Shape: "
          "Ashby sender no-reply@ashbyhq.com (§3 fixtures) and the schedule status value 'Cancelled' (§3 API "
          "schema); the mail text is hand-written.",
          ["B2", "B3"])
    ashby = P("Tern Robotics", "no-reply@ashbyhq.com")
    noa = P("Noa Friedman", "noa.friedman@ternrobotics.com")
    luis = P("Luis Ortega", "luis.ortega@ternrobotics.com")
    base = {"uid": h("c147", 32) + "@ashbyhq.com", "start": t("2026-11-24 11:00"), "end": t("2026-11-24 12:00"),
                "summary": "Interview: Perception Engineer at Tern Robotics", "organizer": ashby,
                "attendees": (att(USER), att(luis, "ACCEPTED")),
                "description": "Technical interview with Luis Ortega.\nJoin: " + gmeet("c147")}
    s.mail("ashby_confirmation", "inbox", invitation(
        style="ashby", ev=Ev(**base), date=t("2026-11-16 15:00"), to=[USER], seed="c147", frm=ashby,
        reply_to=noa, subject="Your interview with Tern Robotics is confirmed",
        body="Hi Jordan,\n\nYour interview for Perception Engineer at Tern Robotics is confirmed for Tuesday, "
             "November 24, 11:00 AM-12:00 PM EST with Luis Ortega.\n\nNoa Friedman\nRecruiter, Tern Robotics\n\n"
             "Sent with Ashby"))
    s.mail("ashby_cancelled", "inbox", invitation(
        style="ashby", ev=Ev(**{**base, "sequence": 1, "status": "CANCELLED"}), date=t("2026-11-20 10:00"),
        to=[USER], seed="c147c", frm=ashby, reply_to=noa,
        subject="Interview cancelled: Perception Engineer at Tern Robotics",
        body="Hi Jordan,\n\nYour interview for Perception Engineer at Tern Robotics on Tuesday, November 24 has "
             "been cancelled. Your recruiter will follow up with you directly.\n\nSent with Ashby"))
    s.run(t("2026-11-24 12:30"), total=0, interviews=0)
    s.run(t("2026-12-07 09:00"), total=0, interviews=0)
    return s


# ================================================================== class 2: reschedules


def c148() -> S:
    end_new = t("2026-11-12 14:00")
    decision = check("2026-11-23", default_decision(end_new))
    s = S("148_b7_b8_b14_b17_workday_rescheduled_before_original_end",
          "Workday interview for Tuesday 10-11am; at 10:20 on Tuesday (before the original end) Workday sends the "
          "rescheduled invitation: same UID, SEQUENCE 1, Thursday 1-2pm. No thank-you after Tuesday's end; one "
          "per interviewer after Thursday's end, never a second set; the default decision date counts from the "
          "new end (Nov 12 -> Nov 23) and the follow-up goes to the recruiter in her own thread, not on a Workday "
          "notification. Issue 13 class 2. Shape: Workday sender '<Company> Careers <tenant@myworkday.com>' via "
          "Amazon SES (vendor_mail_shapes §4 fixtures); the notification text is hand-written (not found).",
          ["B7", "B8", "B14", "B17", "B9"])
    lauren = P("Lauren Pike", "lauren.pike@solsticeenergy.com")
    rahul = P("Rahul Iyer", "rahul.iyer@solsticeenergy.com")
    beth = P("Beth Ames", "beth.ames@solsticeenergy.com")
    intro = s.mail("recruiter_next_steps", "inbox", plain(
        seed="c148a", date=t("2026-11-03 11:00"), frm=lauren, to=[USER], style="outlook",
        subject="Next steps - Grid Analytics Engineer",
        body="Hi Jordan,\n\nGreat news: the team would like to interview you for the Grid Analytics Engineer role. "
             "You'll receive the invitation from our Workday system shortly; it's a one-hour interview with Rahul "
             "Iyer (Analytics Manager) and Beth Ames (Senior Data Engineer).\n\nBest,\nLauren Pike\nTalent "
             "Acquisition | Solstice Energy"))
    base = {"uid": "WD-INT-" + h("c148", 20) + "@myworkday.com", "summary": "Interview: Grid Analytics Engineer - "
                "Jordan Lee", "organizer": lauren,
            "attendees": (att(USER), att(rahul, "ACCEPTED"), att(beth, "ACCEPTED")),
                "description": "Interview for Grid Analytics Engineer (R-10442) at Solstice Energy.\nInterviewers: "
                            "Rahul Iyer, Beth Ames\nMicrosoft Teams: " + teams("c148")}
    ev0 = Ev(start=t("2026-11-10 10:00"), end=t("2026-11-10 11:00"), **base)
    ev1 = Ev(start=t("2026-11-12 13:00"), end=end_new, sequence=1, **base)
    s.mail("workday_interview_scheduled", "inbox", workday(
        "c148", ev0, t("2026-11-04 09:00"), tenant="solsticeenergy", company="Solstice Energy",
        subject="Interview Scheduled: Grid Analytics Engineer",
        body="Hello Jordan,\n\nYour interview for Grid Analytics Engineer (R-10442) has been scheduled.\n\nDate: "
             "Tuesday, November 10, 2026\nTime: 10:00 AM - 11:00 AM Eastern Time\nInterviewers: Rahul Iyer, Beth "
             "Ames\n\nPlease sign in to your Candidate Home to view details. This mailbox is not monitored.\n\n"
             "Solstice Energy Talent Acquisition"))
    s.mail("workday_interview_rescheduled", "inbox", workday(
        "c148r", ev1, t("2026-11-10 10:20"), tenant="solsticeenergy", company="Solstice Energy",
        subject="Interview Rescheduled: Grid Analytics Engineer",
        body="Hello Jordan,\n\nYour interview for Grid Analytics Engineer (R-10442) has been rescheduled.\n\nNew "
             "date: Thursday, November 12, 2026\nNew time: 1:00 PM - 2:00 PM Eastern Time\nInterviewers: Rahul "
             "Iyer, Beth Ames\n\nAn updated calendar file is attached. This mailbox is not monitored.\n\nSolstice "
             "Energy Talent Acquisition"))
    s.run(t("2026-11-10 11:30"), total=0, interviews=1,
          interview=[{"match": "Solstice Energy", "start": "2026-11-12T13:00:00-05:00"}])
    s.run(t("2026-11-11 09:00"), total=0, interviews=1)
    s.run(t("2026-11-12 14:30"), [thanks(rahul.email, "Rahul", "Solstice Energy"),
                                  thanks(beth.email, "Beth", "Solstice Energy")], total=2, interviews=1,
          interview=[iv("Solstice Energy", "Grid Analytics Engineer", [beth.email, rahul.email], lauren.email)])
    s.user("send_draft", "thank_you", rahul.email)
    s.user("send_draft", "thank_you", beth.email)
    s.run(t("2026-11-13 09:00"), total=0, decision={"Solstice Energy": decision})
    s.run(t("2026-11-23 18:00"), total=0)
    s.run(t("2026-11-24 08:00"), [("follow_up", lauren.email, {"in_reply_to": intro,
                                                               "subject_contains": ["Grid Analytics Engineer"]})],
          total=1)
    return s


def c149() -> S:
    s = S("149_b7_b8_google_updated_with_note_moved_earlier",
          "'Updated invitation with note:' moves a Wednesday interview EARLIER, to Monday (same UID, SEQUENCE 1). "
          "The thank-you comes after Monday's end; nothing more after Wednesday's old slot. Issue 13 class 2. "
          "Shape: Google 'Updated invitation with note:' subject and 'Changed:' body marker (§12).",
          ["B7", "B8"])
    mira = P("Mira Castellanos", "mira@lowtide.coffee")
    base = {"uid": uid_google("c149"), "summary": "Lowtide Coffee Co. - E-commerce Manager interview",
                "organizer": mira, "attendees": (att(mira, "ACCEPTED"), att(USER)),
                "description": "Conversation about the E-commerce Manager role at Lowtide Coffee Co.",
                "conference": gmeet("c149")}
    ev0 = Ev(start=t("2026-11-18 16:00"), end=t("2026-11-18 17:00"), **base)
    ev1 = Ev(start=t("2026-11-16 16:00"), end=t("2026-11-16 17:00"), sequence=1, **base)
    s.mail("google_invitation", "inbox", ginvite("c149", ev0, t("2026-11-10 12:00")))
    s.mail("google_updated_with_note", "inbox", ginvite(
        "c149u", ev1, t("2026-11-13 08:45"), prefix="Updated invitation with note",
        body="Mira Castellanos has updated this event with a note:\n\"I'm travelling Wednesday - could we do "
             "Monday instead? Same time.\"\n\nLowtide Coffee Co. - E-commerce Manager interview\nChanged: Monday "
             "Nov 16, 2026 \u22c5 4pm \u2013 5pm (Eastern Time - New York)\n\nInvitation from Google Calendar"))
    s.run(t("2026-11-13 09:00"), total=0, interviews=1,
          interview=[{"match": "Lowtide Coffee", "start": "2026-11-16T16:00:00-05:00"}])
    s.run(t("2026-11-16 17:20"), [thanks(mira.email, "Mira", "Lowtide Coffee")], total=1, interviews=1,
          interview=[iv("Lowtide Coffee Co.", "E-commerce Manager", [mira.email], mira.email)])
    s.run(t("2026-11-18 17:30"), total=1, interviews=1)
    return s


def c150() -> S:
    s = S("150_b7_outlook_new_uid_first_then_old_canceled",
          "Outlook reschedule done as a new meeting: the new request (new UID, Tuesday) arrives first, the "
          "'Canceled: <title>' for Monday's meeting (old UID, METHOD:CANCEL) two minutes later. One interview, "
          "Tuesday; the thank-yous only after Tuesday's end. Issue 13 class 2 (new UID, old cancelled). Shape: "
          "Exchange request and cancellation (§13), Teams block (§15).",
          ["B7", "B2", "B8"])
    rosa = P("Rosa Delgado", "rosa.delgado@meridianlaw.com")
    kai = P("Kai Andersen", "kai.andersen@meridianlaw.com")
    common = {"summary": "Interview: Legal Operations Analyst (Jordan Lee)", "organizer": rosa,
                  "attendees": (att(USER), att(kai)),
                  "description": "Interview for the Legal Operations Analyst position with Kai Andersen (Director of "
                              "Legal Operations).\n\nRosa Delgado\nRecruiting Manager | Meridian Law Group",
                  "location": "Microsoft Teams Meeting"}
    old = Ev(uid=uid_outlook("c150a"), start=t("2026-11-23 11:00"), end=t("2026-11-23 12:00"),
             conference=teams("c150a"), **common)
    new = Ev(uid=uid_outlook("c150b"), start=t("2026-11-24 11:00"), end=t("2026-11-24 12:00"),
             conference=teams("c150b"), **common)
    s.mail("outlook_invitation_monday", "inbox", outlook("c150a", old, t("2026-11-16 13:00")))
    s.mail("outlook_invitation_tuesday", "inbox", outlook("c150b", new, t("2026-11-19 09:00")))
    s.mail("outlook_canceled_monday", "inbox", ocancel(
        "c150c", replace(old, sequence=1, status="CANCELLED"), t("2026-11-19 09:02"),
        "Moved to Tuesday - see the new invitation."))
    s.run(t("2026-11-19 10:00"), total=0, interviews=1,
          interview=[{"match": "Meridian Law Group", "start": "2026-11-24T11:00:00-05:00"}])
    s.run(t("2026-11-23 12:30"), total=0, interviews=1)
    s.run(t("2026-11-24 12:15"), [thanks(kai.email, "Kai", "Meridian Law Group")], total=1, interviews=1,
          interview=[iv("Meridian Law Group", "Legal Operations Analyst", [kai.email], rosa.email)])
    return s


def c151() -> S:
    s = S("151_b7_b8_rescheduled_by_mail_only",
          "A Google invitation for Thursday 2pm; the day before, the recruiter asks by mail to move it to 'Friday, "
          "November 13 at the same time' and the user replies 'Friday at 2pm works'. No new invitation ever "
          "comes. The interview is on Friday: nothing after Thursday's slot, the thank-you after Friday's. Issue "
          "13 class 2 (reschedule by mail only). Shape: Google invitation (§12); mail hand-written, Gmail quoting.",
          ["B7", "B8", "B2"])
    ines = P("Inês Duarte", "ines.duarte@tidepool-analytics.com")
    paul = P("Paul Whitford", "paul.whitford@tidepool-analytics.com")
    ev = Ev(uid_google("c151"), t("2026-11-12 14:00"), t("2026-11-12 15:00"),
            "Tidepool Analytics: Marketing Data Analyst interview", paul,
            (att(paul, "ACCEPTED"), att(ines, "ACCEPTED"), att(USER)),
            description="Interview with Inês Duarte (Head of Marketing Analytics) for the Marketing Data Analyst "
                        "role.", conference=gmeet("c151"))
    s.mail("google_invitation", "inbox", ginvite("c151", ev, t("2026-11-05 10:00")))
    ask_body = ("Hi Jordan,\n\nInês has a conflict come up tomorrow. Could we move your interview to Friday, November "
                "13 at the same time (2pm ET)? Same Meet link.\n\nThanks,\nPaul Whitford\nRecruiting Coordinator, "
                "Tidepool Analytics")
    ask = s.mail("coordinator_asks_to_move", "inbox", plain(
        seed="c151a", date=t("2026-11-11 10:30"), frm=paul, to=[USER], cc=[ines],
        subject="Moving tomorrow's interview?", body=ask_body))
    s.mail("user_agrees", "sent", plain(
        seed="c151b", date=t("2026-11-11 11:05"), frm=USER, to=[paul], cc=[ines], in_reply_to=ask,
        subject="Re: Moving tomorrow's interview?",
        body="Hi Paul,\n\nNo problem at all - Friday at 2pm works for me.\n\nBest,\nJordan" +
             quoted(ask_body, paul, t("2026-11-11 10:30"))))
    s.run(t("2026-11-11 12:00"), total=0, interviews=1,
          interview=[{"match": "Tidepool Analytics", "start": "2026-11-13T14:00:00-05:00"}])
    s.run(t("2026-11-12 15:30"), total=0, interviews=1)
    s.run(t("2026-11-13 15:30"), [thanks(ines.email, "Inês", "Tidepool Analytics")], total=1, interviews=1,
          interview=[iv("Tidepool Analytics", "Marketing Data Analyst", [ines.email], paul.email)])
    return s


def c152() -> S:
    s = S("152_b7_greenhouse_reschedule_new_ics_old_never_cancelled",
          "Greenhouse confirmation with a static .ics (Monday 11am), then an updated confirmation with a NEW .ics "
          "(new UID, Wednesday 3pm). Greenhouse .ics files are not linked to the scheduled interview, so the old "
          "one is never cancelled. One interview, on Wednesday; with no interviewer address, one thank-you to the "
          "recruiter (Reply-To) after Wednesday's end, none after Monday's. Issue 13 class 2. Shape: Greenhouse "
          "per vendor_mail_shapes §1 ('not linked ... manually send the candidate an updated calendar file'; "
          "no-reply@us.greenhouse-mail.io with recruiter Reply-To) and §18 item 2.",
          ["B7", "B6", "B9"])
    gh = P("Aldergrove Bank", "no-reply@us.greenhouse-mail.io")
    jess = P("Jessamyn Price", "jessamyn.price@aldergrovebank.com")
    common = {"summary": "Interview with Aldergrove Bank - Fraud Strategy Analyst",
                  "organizer": P("Aldergrove Bank Recruiting", "no-reply@greenhouse.io"), "attendees": (att(USER),)}
    old = Ev(uid="gh-interview-" + h("c152a", 12) + "@greenhouse.io", start=t("2026-11-16 11:00"),
             end=t("2026-11-16 12:00"), description="Fraud Strategy Analyst interview at Aldergrove Bank with Wen "
                                                    "Zhao (Fraud Strategy Lead).", **common)
    new = Ev(uid="gh-interview-" + h("c152b", 12) + "@greenhouse.io", start=t("2026-11-18 15:00"),
             end=t("2026-11-18 16:00"), description="Fraud Strategy Analyst interview at Aldergrove Bank with Wen "
                                                    "Zhao (Fraud Strategy Lead). Rescheduled.", **common)
    s.mail("greenhouse_confirmation", "inbox", invitation(
        style="greenhouse", ev=old, date=t("2026-11-09 14:00"), to=[USER], seed="c152a", frm=gh, reply_to=jess,
        subject="Interview Confirmation: Fraud Strategy Analyst at Aldergrove Bank",
        body="Hi Jordan,\n\nYour interview for the Fraud Strategy Analyst role at Aldergrove Bank is scheduled:\n\n"
             "Monday, November 16, 2026\n11:00 AM - 12:00 PM EST\nInterviewer: Wen Zhao (Fraud Strategy Lead)\n\n"
             "Join by video: https://aldergrovebank.zoom.us/j/83020011555\n\nA calendar file is attached.\n\nBest,"
             "\nJessamyn Price\nRecruiter, Aldergrove Bank"))
    s.mail("greenhouse_updated_confirmation", "inbox", invitation(
        style="greenhouse", ev=new, date=t("2026-11-12 16:00"), to=[USER], seed="c152b", frm=gh, reply_to=jess,
        subject="Updated Interview Confirmation: Fraud Strategy Analyst at Aldergrove Bank",
        body="Hi Jordan,\n\nAs discussed, your interview has moved. The new time is:\n\nWednesday, November 18, "
             "2026\n3:00 PM - 4:00 PM EST\nInterviewer: Wen Zhao (Fraud Strategy Lead)\n\nJoin by video: "
             "https://aldergrovebank.zoom.us/j/83020011555\n\nPlease use the attached calendar file and delete the "
             "earlier one.\n\nBest,\nJessamyn Price\nRecruiter, Aldergrove Bank"))
    s.run(t("2026-11-13 09:00"), total=0, interviews=1,
          interview=[{"match": "Aldergrove Bank", "start": "2026-11-18T15:00:00-05:00"}])
    s.run(t("2026-11-16 12:30"), total=0, interviews=1)
    s.run(t("2026-11-18 16:30"), [thanks(jess.email, "Jessamyn", "Aldergrove Bank")], total=1, interviews=1,
          interview=[{"match": "Aldergrove Bank", "company": "Aldergrove Bank", "role": "Fraud Strategy Analyst",
                      "contact": jess.email}])
    return s


def c153() -> S:
    s = S("153_b7_b16_outlook_new_invitation_for_final_round",
          "Round 1 (Outlook/Teams, the hiring manager alone) is thanked; two days later the hiring manager writes "
          "that they'd like the user back for a final round and sends a NEW invitation (new UID) with the VP. "
          "Two interviews: round 1 closes (an invitation to another round; no acknowledgement, no follow-up), "
          "round 2 gets its own thank-you, to the VP (the organizer, not an attendee, is not an interviewer of "
          "round 2: B6). Issue 13 / B7 (another round is a new "
          "interview). Shape: Exchange requests (§13), Teams block (§15).",
          ["B7", "B16", "B18", "B6", "B9"])
    dana = P("Dana Whitcombe", "dana.whitcombe@harborlight.ai")
    raj = P("Rajesh Kulkarni", "rajesh.kulkarni@harborlight.ai")
    ev1 = Ev(uid_outlook("c153a"), t("2026-11-09 10:00"), t("2026-11-09 10:45"),
             "Harborlight AI - ML Platform Engineer - hiring manager interview", dana, (att(USER),),
             description="First conversation with Dana Whitcombe (Engineering Manager, ML Platform).",
             location="Microsoft Teams Meeting", conference=teams("c153a"))
    s.mail("round1_invitation", "inbox", outlook("c153a", ev1, t("2026-11-03 15:00")))
    s.run(t("2026-11-09 11:15"), [thanks(dana.email, "Dana", "Harborlight AI")], total=1, interviews=1)
    s.user("send_draft", "thank_you", dana.email)
    s.mail("final_round_mail", "inbox", plain(
        seed="c153b", date=t("2026-11-11 09:20"), frm=dana, to=[USER], style="outlook",
        subject="Final round - ML Platform Engineer",
        body="Hi Jordan,\n\nThanks for your note, and for a great conversation on Monday. We'd love to have you "
             "back for a final round with Rajesh Kulkarni, our VP of Engineering. I've sent an invitation for "
             "Tuesday, November 17 at 1pm.\n\nDana"))
    ev2 = Ev(uid_outlook("c153c"), t("2026-11-17 13:00"), t("2026-11-17 14:00"),
             "Harborlight AI - ML Platform Engineer - final round", dana, (att(USER), att(raj)),
             description="Final round interview with Rajesh Kulkarni (VP of Engineering).",
             location="Microsoft Teams Meeting", conference=teams("c153c"))
    s.mail("round2_invitation", "inbox", outlook("c153c", ev2, t("2026-11-11 09:25")))
    s.run(t("2026-11-11 10:00"), total=0, interviews=2, state={"Harborlight AI @ 2026-11-09": "closed"})
    s.run(t("2026-11-17 14:30"), [thanks(raj.email, "Rajesh", "Harborlight AI")], total=1, interviews=2,
          interview=[{"match": "Harborlight AI @ 2026-11-17", "interviewers": [raj.email], "contact": dana.email}])
    s.run(t("2026-11-20 09:00"), total=1, interviews=2)
    return s


def c154() -> S:
    s = S("154_b7_b8_zoom_same_day_moved_later",
          "A Zoom interview at 9:00-9:45 is moved the evening before to 13:00-13:45 the same day (same UID, "
          "SEQUENCE 1, Zoom's 'Updated' mail). No thank-you at 10:30; one after 13:45. Issue 13 class 2. Shape: "
          "Zoom invitation text per vendor_mail_shapes §14; the update wording is hand-written.",
          ["B7", "B8"])
    arjun = P("Arjun Bhatt", "arjun.bhatt@saltmarsh.io")
    zoom = "https://saltmarsh.zoom.us/j/84429981120?pwd=" + h("c154z", 22)
    base = {"uid": f"ZOOM{int(h('c154', 10), 16)}@zoom.us", "summary": "Saltmarsh: Technical Screen - iOS Engineer "
                "(Jordan Lee)", "organizer": arjun, "attendees": (att(USER),),
                "description": "Technical screen for the iOS Engineer role at Saltmarsh.", "location": zoom,
            "conference": zoom}
    ev0 = Ev(start=t("2026-11-19 09:00"), end=t("2026-11-19 09:45"), **base)
    ev1 = Ev(start=t("2026-11-19 13:00"), end=t("2026-11-19 13:45"), sequence=1, **base)
    s.mail("zoom_invitation", "inbox", invitation(style="zoom", ev=ev0, date=t("2026-11-13 12:00"), to=[USER],
                                                  seed="c154", tzid="America/New_York",
                                                  subject=f"Invitation: {ev0.summary}"))
    s.mail("zoom_updated", "inbox", invitation(
        style="zoom", ev=ev1, date=t("2026-11-18 18:40"), to=[USER], seed="c154u", tzid="America/New_York",
        subject=f"Updated: {ev1.summary}",
        body=f"{arjun.name} has updated a scheduled Zoom meeting.\n\nTopic: {ev1.summary}\nTime: Nov 19, 2026 01:00 "
             f"PM Eastern Time (US and Canada)\n\nJoin Zoom Meeting\n{zoom}\n\nMeeting ID: 844 2998 1120\nPasscode: "
             "771204"))
    s.run(t("2026-11-19 10:30"), total=0, interviews=1,
          interview=[{"match": "Saltmarsh", "start": "2026-11-19T13:00:00-05:00"}])
    s.run(t("2026-11-19 14:00"), [thanks(arjun.email, "Arjun", "Saltmarsh")], total=1, interviews=1,
          interview=[iv("Saltmarsh", "iOS Engineer", [arjun.email], arjun.email)])
    return s


def c155() -> S:
    s = S("155_b7_b2_stale_update_delivered_after_final",
          "Google event moved twice: SEQUENCE 2 (final: Wednesday 10am) arrives on Nov 19; SEQUENCE 1 (Tuesday "
          "10am, sent Nov 18) is delayed and only reaches the mailbox on Nov 20. The stale update must not win: "
          "the interview is Wednesday; nothing after Monday's or Tuesday's slots; one thank-you after Wednesday. "
          "Issue 13 class 2, mail out of order. Shape: Google 'Updated invitation:' (§12).",
          ["B7", "B2", "B8"])
    theo = P("Théo Marchand", "theo.marchand@bramblegames.com")
    base = {"uid": uid_google("c155"), "summary": "Bramble Games - Technical Artist Interview", "organizer": theo,
                "attendees": (att(theo, "ACCEPTED"), att(USER)),
                "description": "Technical Artist interview: a walk through your reel, then shaders and pipeline "
                            "questions.", "conference": gmeet("c155")}
    ev0 = Ev(start=t("2026-11-23 10:00"), end=t("2026-11-23 11:00"), **base)
    ev1 = Ev(start=t("2026-11-24 10:00"), end=t("2026-11-24 11:00"), sequence=1, **base)
    ev2 = Ev(start=t("2026-11-25 10:00"), end=t("2026-11-25 11:00"), sequence=2, **base)
    s.mail("google_invitation", "inbox", ginvite("c155", ev0, t("2026-11-16 09:00")))
    s.mail("google_update_final", "inbox", ginvite("c155b", ev2, t("2026-11-19 12:00"), prefix="Updated invitation"))
    s.mail("google_update_stale_late", "inbox", delivered_at(
        ginvite("c155a", ev1, t("2026-11-18 15:00"), prefix="Updated invitation"), t("2026-11-20 07:30")))
    s.run(t("2026-11-20 08:00"), total=0, interviews=1,
          interview=[{"match": "Bramble Games", "start": "2026-11-25T10:00:00-05:00"}])
    s.run(t("2026-11-23 11:30"), total=0, interviews=1)
    s.run(t("2026-11-24 11:30"), total=0, interviews=1)
    s.run(t("2026-11-25 11:30"), [thanks(theo.email, "Théo", "Bramble Games")], total=1, interviews=1,
          interview=[iv("Bramble Games", "Technical Artist", [theo.email], theo.email)])
    return s


# ================================================================== class 8: interviews known from sent mail


def c156() -> S:
    end = t("2026-12-08 14:15")
    decision = check("2026-12-17", default_decision(end))
    s = S("156_b2_b14_b17_sent_mail_works_for_me_pt_tomas",
          "Issue 13 class 8 as reported: no invitation; the recruiter (in Los Angeles, cc'ing the hiring manager) "
          "asks about 'Tuesday, December 8 at 10:30 AM PT' for 45 minutes, under a subject without the word "
          "interview; the user replies 'Tuesday, December 8 at 10:30 AM PT works for me. Looking forward to the "
          "interview with Tomás.' The user is in New York: the interview is 13:30-14:15 ET. Thank-you to Tomás "
          "(his address is in Cc), the recruiter is the contact; default decision Dec 17, follow-up on Dec 18 in "
          "the recruiter's latest human message. Shape: hand-written Gmail thread with quoted history.",
          ["B2", "B9", "B14", "B17"])
    val = P("Valeria Quintero", "valeria@lumora.ai")
    tomas = P("Tomás Ortega", "tomas.ortega@lumora.ai")
    ask_body = ("Hi Jordan,\n\nThanks again for your time last week! Tomás Ortega, our Head of Data (cc'd), would "
                "love to continue the conversation about the Senior Data Engineer role. Would Tuesday, December 8 at "
                "10:30 AM PT work for a 45-minute video call? He'll send a Zoom link.\n\nBest,\nValeria Quintero\n"
                "Talent, Lumora")
    ask = s.mail("recruiter_proposes", "inbox", plain(
        seed="c156a", date=t("2026-12-01 09:14", LA), frm=val, to=[USER], cc=[tomas],
        subject="Next steps with Lumora", body=ask_body))
    mine = s.mail("user_confirms", "sent", plain(
        seed="c156b", date=t("2026-12-01 13:02"), frm=USER, to=[val], cc=[tomas], in_reply_to=ask,
        subject="Re: Next steps with Lumora",
        body="Hi Valeria,\n\nTuesday, December 8 at 10:30 AM PT works for me. Looking forward to the interview with "
             "Tomás.\n\nBest,\nJordan" + quoted(ask_body, val, t("2026-12-01 09:14", LA))))
    ack = s.mail("recruiter_perfect", "inbox", plain(
        seed="c156c", date=t("2026-12-01 10:40", LA), frm=val, to=[USER], cc=[tomas], in_reply_to=mine,
        references=[ask, mine], subject="Re: Next steps with Lumora",
        body="Perfect - you're all set. Tomás will send the Zoom link the morning of.\n\nValeria"))
    s.run(t("2026-12-02 09:00"), total=0, interviews=1,
          interview=[{"match": "Lumora", "start": "2026-12-08T13:30:00-05:00"}])
    s.run(t("2026-12-08 13:50"), total=0, interviews=1)
    s.run(t("2026-12-08 15:00"), [thanks(tomas.email, "Tomás", "Lumora")], total=1, interviews=1,
          interview=[iv("Lumora", "Senior Data Engineer", [tomas.email], val.email)])
    s.user("send_draft", "thank_you", tomas.email)
    s.run(t("2026-12-09 09:00"), total=0, decision={"Lumora": decision})
    s.run(t("2026-12-17 18:00"), total=0)
    s.run(t("2026-12-18 08:00"), [("follow_up", val.email, {"in_reply_to": ack,
                                                            "subject_contains": ["Re: Next steps with Lumora"]})],
          total=1)
    return s


def c157() -> S:
    s = S("157_b1_b2_sent_mail_confirming_call_et_user_in_la",
          "User in Los Angeles. The hiring manager's HTML-only mail (no text part) asks for 'a 30-minute call this "
          "week' about the Firmware Lead opening; the user answers 'Confirming our call on Thursday at 2pm ET' "
          "(Thursday = Nov 19, 11:00 PT). That is an interview: no thank-you before it ends, one to the hiring "
          "manager after. Issue 13 class 8. Shape: hand-written; Outlook on the web HTML-only body.",
          ["B1", "B2", "B9"], user={"timezone": "America/Los_Angeles"})
    noor = P("Noor Haddad", "noor.haddad@arclight-robotics.com")
    ask = s.mail("hiring_manager_html_only", "inbox", html_mail(
        seed="c157a", date=t("2026-11-16 08:30"), frm=noor, to=[USER], subject="Firmware Lead opening",
        html_body="<html><body><div style=\"font-family:Calibri\"><p>Hi Jordan,</p><p>I lead the embedded team at "
                  "Arclight Robotics and your background caught my eye for our <b>Firmware Lead</b> opening. Would "
                  "you have time for a 30-minute call this week to talk about the role and your work on motor "
                  "control?</p><p>Best,<br>Noor Haddad<br>Director of Embedded Systems | Arclight Robotics</p>"
                  "</div></body></html>"))
    s.mail("user_confirms_call", "sent", plain(
        seed="c157b", date=t("2026-11-16 10:15", LA), frm=USER, to=[noor], in_reply_to=ask,
        subject="Re: Firmware Lead opening",
        body="Hi Noor,\n\nThanks for reaching out! Confirming our call on Thursday at 2pm ET. I'll be at (555) "
             "010-2000.\n\nBest,\nJordan"))
    s.run(t("2026-11-16 12:00", LA), total=0, interviews=1,
          interview=[{"match": "Arclight Robotics", "start": "2026-11-19T11:00:00-08:00"}])
    s.run(t("2026-11-19 10:45", LA), total=0)
    s.run(t("2026-11-19 12:30", LA), [thanks(noor.email, "Noor", "Arclight Robotics")], total=1,
          interview=[iv("Arclight Robotics", "Firmware Lead", [noor.email], noor.email)])
    return s


def c158() -> S:
    s = S("158_b2_sent_mail_cet_slot_user_in_new_york",
          "A Berlin company (mail in English) offers a one-hour 'second interview' with its Head of Engineering; "
          "the New York user answers 'Monday, November 23 at 16:00 CET works well for me' = 10:00-11:00 ET. No "
          "invitation ever comes. The thank-you goes to her after 11:00 ET, not at 10:30. Issue 13 class 8 with a "
          "time in another zone. Shape: hand-written (Outlook-style company mail, Gmail reply).",
          ["B2", "B9", "B1"])
    lena = P("Jürgens, Lena", "l.juergens@kranich-mobility.de")
    ask = s.mail("company_offers_slots", "inbox", plain(
        seed="c158a", date=t("2026-11-17 15:20", BERLIN), frm=lena, to=[USER], style="outlook",
        subject="Kranich Mobility - second interview (Senior Backend Engineer, Routing)",
        body="Dear Jordan,\n\nThank you for the first conversation. I would like to invite you to a second "
             "interview of one hour with me, focused on routing algorithms and our service architecture. Could "
             "you do Monday, November 23 at 16:00 CET, or Tuesday at 15:00 CET?\n\nKind regards\nLena Jürgens\n"
             "Head of Engineering\nKranich Mobility GmbH"))
    s.mail("user_picks_monday", "sent", plain(
        seed="c158b", date=t("2026-11-17 11:00"), frm=USER, to=[lena], in_reply_to=ask,
        subject="Re: Kranich Mobility - second interview (Senior Backend Engineer, Routing)",
        body="Dear Lena,\n\nThank you! Monday, November 23 at 16:00 CET works well for me.\n\nBest regards,\n"
             "Jordan"))
    s.run(t("2026-11-18 09:00"), total=0, interviews=1,
          interview=[{"match": "Kranich Mobility", "start": "2026-11-23T10:00:00-05:00"}])
    s.run(t("2026-11-23 10:30"), total=0)
    s.run(t("2026-11-23 11:30"), [thanks(lena.email, "Lena", "Kranich Mobility")], total=1,
          interview=[iv("Kranich Mobility", "Senior Backend Engineer, Routing", [lena.email], lena.email)])
    return s


def c159() -> S:
    s = S("159_b1_b2_sent_mail_ist_user_in_kolkata",
          "User in Asia/Kolkata; a Los Angeles recruiter asks for a 45-minute phone screen and the user replies "
          "'Wednesday, December 2 at 9:00 PM IST works for me (7:30 AM PT for you)'. The interview runs 21:00-"
          "21:45 IST: nothing at 21:30, a thank-you to the recruiter at 22:30 IST. Her signature's 'Senior "
          "Recruiter' makes her the contact, not an interviewer (B6, as in 267); with no interviewer the "
          "thank-you goes to her (B9). Issue 13 class 8 in a far zone. Shape: hand-written.",
          ["B1", "B2", "B9"], user={"timezone": "Asia/Kolkata"})
    carly = P("Carly Benson", "carly.benson@pinyonpay.com")
    ask = s.mail("recruiter_asks", "inbox", plain(
        seed="c159a", date=t("2026-11-30 10:00", LA), frm=carly, to=[USER],
        subject="Phone screen - Staff Mobile Engineer at Pinyon Pay",
        body="Hi Jordan,\n\nThanks for applying to the Staff Mobile Engineer role at Pinyon Pay! I'd love to set up "
             "a 45-minute phone screen with me this week. I know you're in Bengaluru - early mornings Pacific work "
             "best on my side.\n\nCarly Benson\nSenior Recruiter, Pinyon Pay"))
    s.mail("user_confirms_ist", "sent", plain(
        seed="c159b", date=t("2026-12-01 08:30", KOLKATA), frm=USER, to=[carly], in_reply_to=ask,
        subject="Re: Phone screen - Staff Mobile Engineer at Pinyon Pay",
        body="Hi Carly,\n\nWednesday, December 2 at 9:00 PM IST works for me (7:30 AM PT for you). My number is "
             "+91 98450 12345.\n\nThanks,\nJordan"))
    s.run(t("2026-12-01 09:00", KOLKATA), total=0, interviews=1,
          interview=[{"match": "Pinyon Pay", "start": "2026-12-02T21:00:00+05:30"}])
    s.run(t("2026-12-02 21:30", KOLKATA), total=0)
    s.run(t("2026-12-02 22:30", KOLKATA), [thanks(carly.email, "Carly", "Pinyon Pay")], total=1,
          interview=[iv("Pinyon Pay", "Staff Mobile Engineer", [], carly.email)])
    return s


def c160() -> S:
    s = S("160_b2_sent_mail_floating_time_user_in_sydney",
          "User in Australia/Sydney; a Sydney company asks for a video interview 'any time 10-12 on Friday' with "
          "its Design Lead (cc'd); the user answers 'Friday at 11 works for me' with no zone: the time floats in "
          "the user's zone (11:00 AEDT, Nov 27). Thank-you to the Design Lead after the hour. Issue 13 class 8, "
          "floating time. Shape: hand-written.",
          ["B2", "B1", "B9"], user={"timezone": "Australia/Sydney"})
    zara = P("Zara Whitlam", "zara@saltbush.com.au")
    mia = P("Mia Kovac", "mia.kovac@saltbush.com.au")
    ask = s.mail("company_asks", "inbox", plain(
        seed="c160a", date=t("2026-11-24 09:00", SYDNEY), frm=zara, to=[USER], cc=[mia],
        subject="Saltbush - Senior Product Designer interview",
        body="Hi Jordan,\n\nThanks for sending through your portfolio. Mia Kovac, our Design Lead (cc'd), would "
             "like to do a one-hour video interview. Any time between 10 and 12 on Friday suits her.\n\nCheers,\n"
             "Zara Whitlam\nPeople & Culture, Saltbush"))
    s.mail("user_picks_eleven", "sent", plain(
        seed="c160b", date=t("2026-11-24 12:40", SYDNEY), frm=USER, to=[zara], cc=[mia], in_reply_to=ask,
        subject="Re: Saltbush - Senior Product Designer interview",
        body="Hi Zara,\n\nFriday at 11 works for me. Looking forward to meeting Mia!\n\nCheers,\nJordan"))
    s.run(t("2026-11-24 13:00", SYDNEY), total=0, interviews=1,
          interview=[{"match": "Saltbush", "start": "2026-11-27T11:00:00+11:00"}])
    s.run(t("2026-11-27 11:30", SYDNEY), total=0)
    s.run(t("2026-11-27 12:30", SYDNEY), [thanks(mia.email, "Mia", "Saltbush")], total=1,
          interview=[iv("Saltbush", "Senior Product Designer", [mia.email], zara.email)])
    return s


def c161() -> S:
    s = S("161_b4_sent_mail_tuesday_works_for_dinner",
          "Not an interview: a friend who works at a company domain writes 'heard you've been interviewing - "
          "dinner next week?' and the user answers 'Tuesday works for dinner! 7pm at Lucia's?'. A stated day and "
          "time in sent mail, the word interview in the thread, a company address: still nothing, ever. Issue 13 "
          "class 8 (negative). Shape: hand-written.",
          ["B4", "B2"])
    sam = P("Sam Okoye", "sam.okoye@fernbrookcapital.com")
    ask = s.mail("friend_asks", "inbox", plain(
        seed="c161a", date=t("2026-11-12 18:30"), frm=sam, to=[USER], subject="catching up",
        body="Hey Jordan!\n\nHeard you've been interviewing around - how's it going? Want to grab dinner next week "
             "and swap stories? I'm free most evenings.\n\nSam"))
    s.mail("user_dinner", "sent", plain(
        seed="c161b", date=t("2026-11-12 20:05"), frm=USER, to=[sam], in_reply_to=ask, subject="Re: catching up",
        body="Tuesday works for dinner! 7pm at Lucia's? Happy to tell you all about the interview circus.\n\nJ"))
    for day in ("2026-11-17 21:30", "2026-11-18 09:00", "2026-11-30 09:00"):
        s.run(t(day), total=0, interviews=0)
    return s


def c162() -> S:
    s = S("162_b4_sent_mail_confirming_call_with_mortgage_broker",
          "Not an interview: 'Confirming our call on Thursday at 2pm ET' sent to a mortgage broker about a "
          "pre-approval (the broker's mail talks about 'a quick interview-style fact find'). Nothing, ever. Issue "
          "13 class 8 (negative). Shape: hand-written.",
          ["B4", "B2"])
    brett = P("Brett Halloran | Keystone Home Loans", "brett.halloran@keystonehomeloans.com")
    ask = s.mail("broker_asks", "inbox", plain(
        seed="c162a", date=t("2026-11-16 10:00"), frm=brett, to=[USER], style="outlook",
        subject="Your pre-approval - next steps",
        body="Hi Jordan,\n\nThanks for starting your pre-approval. The next step is a 30-minute call - a quick "
             "interview-style fact find about income, savings and the kind of home you're after. When suits you "
             "this week?\n\nBrett Halloran\nSenior Loan Officer, Keystone Home Loans\nNMLS #1184202"))
    s.mail("user_confirms_call", "sent", plain(
        seed="c162b", date=t("2026-11-16 12:00"), frm=USER, to=[brett], in_reply_to=ask,
        subject="RE: Your pre-approval - next steps",
        body="Hi Brett,\n\nConfirming our call on Thursday at 2pm ET. I'll have my pay stubs handy.\n\nJordan"))
    for day in ("2026-11-19 15:30", "2026-11-20 09:00", "2026-12-02 09:00"):
        s.run(t(day), total=0, interviews=0)
    return s


# ================================================================== class 7: staffing agencies


def c163() -> S:
    s = S("163_b5_b6_b12_b17_agency_teams_decision_by_friday",
          "Issue 13 class 7 as reported: the agency recruiter ('Priya Raman | Talentbridge Staffing') organizes a "
          "Teams interview with the client's manager, then relays 'they'll make a decision by Friday, December 4' "
          "in a new thread. The company is the client (Halvorsen Logistics), the interviewer the client's "
          "manager (thank-you to him), the contact the agency recruiter (follow-up to her on Saturday Dec 5, in "
          "her relay thread). Shape: Exchange request with Teams block (§13, §15); agency mail hand-written.",
          ["B5", "B6", "B12", "B17", "B9"])
    priya = P("Priya Raman | Talentbridge Staffing", "priya.raman@talentbridgestaffing.com")
    erik = P("Erik Lund", "erik.lund@halvorsenlogistics.com")
    s.mail("agency_intro", "inbox", plain(
        seed="c163a", date=t("2026-11-23 10:00"), frm=priya, to=[USER], style="outlook",
        subject="Interview with Halvorsen Logistics",
        body="Hi Jordan,\n\nGreat news - my client Halvorsen Logistics would like to interview you for the "
             "Warehouse Systems Analyst contract-to-hire role. Erik Lund, their Director of Warehouse Systems, "
             "will meet you on Teams on Monday, November 30 at 11am ET. I'm sending the invite now.\n\nPriya Raman"
             "\nSenior Recruiter | Talentbridge Staffing"))
    ev = Ev(uid_outlook("c163"), t("2026-11-30 11:00"), t("2026-11-30 12:00"),
            "Halvorsen Logistics - Warehouse Systems Analyst interview (Jordan Lee)", priya, (att(USER), att(erik)),
            description="Hi Jordan and Erik,\n\nSetting up your conversation about the Warehouse Systems Analyst "
                        "role at Halvorsen Logistics.\n\nPriya Raman\nSenior Recruiter | Talentbridge Staffing",
            location="Microsoft Teams Meeting", conference=teams("c163"))
    s.mail("agency_teams_invitation", "inbox", outlook("c163", ev, t("2026-11-23 10:05")))
    s.run(t("2026-11-30 12:30"), [thanks(erik.email, "Erik", "Halvorsen Logistics")], total=1, interviews=1,
          interview=[iv("Halvorsen Logistics", "Warehouse Systems Analyst", [erik.email], priya.email)])
    s.user("send_draft", "thank_you", erik.email)
    relay = s.mail("agency_relays_decision_date", "inbox", plain(
        seed="c163b", date=t("2026-12-01 15:00"), frm=priya, to=[USER], style="outlook",
        subject="Halvorsen feedback",
        body="Hi Jordan,\n\nI just spoke with Erik - he enjoyed meeting you and they're finishing the last two "
             "interviews this week. They'll make a decision by Friday, December 4, and I'll call you as soon as I "
             "hear.\n\nPriya"))
    s.run(t("2026-12-01 16:00"), total=0, decision={"Halvorsen Logistics": "2026-12-04"})
    s.run(t("2026-12-04 17:00"), total=0)
    s.run(t("2026-12-05 10:00"), [("follow_up", priya.email, {"in_reply_to": relay})], total=1)
    return s


def c164() -> S:
    end = t("2026-11-19 15:00")
    decision = check("2026-11-30", default_decision(end))
    s = S("164_b5_b6_b17_agency_forwards_client_invitation",
          "The agency recruiter forwards the client's Outlook invitation ('FW: <title>', her note above "
          "Outlook's '-----Original Appointment-----' block). In the .ics the client's hiring manager is the "
          "ORGANIZER and the attendees are the agency recruiter (the original invitee) and the user. The agency "
          "recruiter is not an interviewer; with her out, nobody else attends, so the organizer is the "
          "interviewer (B6). Thank-you to the client's manager; contact the agency recruiter; default decision "
          "Nov 30; follow-up Dec 1 to the agency recruiter in her latest human mail. Issue 13 class 7. Shape: "
          "Outlook 'FW:' forwarded invite (§13), Teams block (§15).",
          ["B5", "B6", "B14", "B17", "B9"])
    dom = P("Dominic Reyes", "dominic.reyes@apexsearchpartners.com")
    carla = P("Mendes, Carla", "carla.mendes@ridgelinebuilders.com")
    s.mail("agency_note", "inbox", plain(
        seed="c164a", date=t("2026-11-12 16:00"), frm=dom, to=[USER], style="outlook",
        subject="Ridgeline Builders - Senior Project Accountant",
        body="Hi Jordan,\n\nRidgeline Builders would like to meet you for the Senior Project Accountant role. Their "
             "Controller, Carla Mendes, sent me an invite for Thursday at 2pm - I'll forward it to you.\n\nDominic "
             "Reyes\nSenior Recruiter, Apex Search Partners"))
    ev = Ev(uid_outlook("c164"), t("2026-11-19 14:00"), end, "Interview: Senior Project Accountant - Jordan Lee",
            carla, (att(dom), att(USER)),
            description="Interview for the Senior Project Accountant position at Ridgeline Builders.\n\nCarla "
                        "Mendes\nController, Ridgeline Builders", location="Microsoft Teams Meeting",
            conference=teams("c164"))
    note = ("Jordan - forwarding Carla's invite for Thursday. Any questions, call me.\n\nDominic Reyes\nSenior "
            "Recruiter, Apex Search Partners\n\n-----Original Appointment-----\nFrom: Mendes, Carla "
            "<carla.mendes@ridgelinebuilders.com>\nSent: Thursday, November 12, 2026 3:41 PM\nTo: Dominic Reyes\n"
            "Subject: Interview: Senior Project Accountant - Jordan Lee\nWhen: Thursday, November 19, 2026 2:00 PM-"
            "3:00 PM (UTC-05:00) Eastern Time (US & Canada).\nWhere: Microsoft Teams Meeting\n\n" + ev.description)
    s.mail("agency_forwards_invitation", "inbox", invitation(
        style="outlook", ev=ev, date=t("2026-11-13 09:00"), to=[USER], seed="c164", frm=dom,
        tzid="Eastern Standard Time", subject=f"FW: {ev.summary}", body=note))
    s.run(t("2026-11-19 15:30"), [thanks(carla.email, "Carla", "Ridgeline Builders")], total=1, interviews=1,
          interview=[iv("Ridgeline Builders", "Senior Project Accountant", [carla.email], dom.email)])
    s.user("send_draft", "thank_you", carla.email)
    later = s.mail("agency_checks_in", "inbox", plain(
        seed="c164b", date=t("2026-11-20 10:00"), frm=dom, to=[USER], style="outlook",
        subject="How did it go with Carla?",
        body="Hi Jordan,\n\nCarla said she'll circle back to me once she has seen the other finalists. I'll keep "
             "you posted.\n\nDominic"))
    s.run(t("2026-11-20 11:00"), total=0, decision={"Ridgeline Builders": decision})
    s.run(t("2026-11-30 18:00"), total=0)
    s.run(t("2026-12-01 08:00"), [("follow_up", dom.email, {"in_reply_to": later})], total=1)
    return s


def c165() -> S:
    end = t("2026-11-11 11:30")
    decision = check("2026-11-20", default_decision(end))
    s = S("165_b5_b6_b17_agency_candidate_client_invite_sent_directly",
          "The agency recruiter ('Whitman, Grace') tells the user the client's coordinator will send the "
          "invitation directly; the client's Google invitation comes from that coordinator (organizer and "
          "attendee, 'Recruiting Coordinator' in the description) with two interviewers. Thank-yous to the two "
          "interviewers only; the agency recruiter is the contact (B6); default decision Nov 20; follow-up on "
          "Nov 21 to the agency recruiter, in her latest mail. Issue 13 class 7. Shape: Google invitation (§12); "
          "agency mail hand-written.",
          ["B5", "B6", "B14", "B17", "B9"])
    grace = P("Whitman, Grace", "grace.whitman@keystonetalent.com")
    tessa = P("Tessa Byrne", "tessa.byrne@marlowbank.com")
    victor = P("Victor Chen", "victor.chen@marlowbank.com")
    amara = P("Amara Obi", "amara.obi@marlowbank.com")
    s.mail("agency_heads_up", "inbox", plain(
        seed="c165a", date=t("2026-11-04 11:00"), frm=grace, to=[USER], style="outlook",
        subject="Marlow Bank interview - Treasury Analyst",
        body="Hi Jordan,\n\nMarlow Bank would like to interview you for the Treasury Analyst role on Wednesday, "
             "November 11 at 10am. Their recruiting coordinator will send you the calendar invitation directly.\n\n"
             "Grace Whitman\nAccount Manager, Keystone Talent"))
    ev = Ev(uid_google("c165"), t("2026-11-11 10:00"), end, "Marlow Bank | Treasury Analyst Interview | Jordan Lee",
            tessa, (att(tessa, "ACCEPTED"), att(victor, "ACCEPTED"), att(amara, "ACCEPTED"), att(USER)),
            description="Interview for the Treasury Analyst role with Victor Chen (Head of Treasury) and Amara Obi "
                        "(Senior Treasury Analyst): liquidity forecasting and a case discussion.\n\nTessa Byrne\n"
                        "Recruiting Coordinator, Marlow Bank", conference=gmeet("c165"))
    s.mail("client_google_invitation", "inbox", ginvite("c165", ev, t("2026-11-05 09:30"),
                                                        prefix="Invitation from an unknown sender"))
    s.run(t("2026-11-11 12:00"), [thanks(victor.email, "Victor", "Marlow Bank"),
                                  thanks(amara.email, "Amara", "Marlow Bank")], total=2, interviews=1,
          interview=[iv("Marlow Bank", "Treasury Analyst", [amara.email, victor.email], grace.email)])
    s.user("send_draft", "thank_you", victor.email)
    s.user("send_draft", "thank_you", amara.email)
    later = s.mail("agency_checks_in", "inbox", plain(
        seed="c165b", date=t("2026-11-12 09:30"), frm=grace, to=[USER], style="outlook",
        subject="How was Marlow?",
        body="Hi Jordan,\n\nHope yesterday went well! I'll let you know as soon as I hear back from Marlow.\n\n"
             "Grace"))
    s.run(t("2026-11-12 10:00"), total=0, decision={"Marlow Bank": decision})
    s.run(t("2026-11-20 18:00"), total=0)
    s.run(t("2026-11-21 09:00"), [("follow_up", grace.email, {"in_reply_to": later})], total=1)
    return s


# ================================================================== time zones and the thank-you window


def c166() -> S:
    s = S("166_b1_b8_user_in_kolkata_company_la_google",
          "User in Asia/Kolkata; a Los Angeles company's Google invitation (UTC times) for Tuesday 9:00-10:00 PST "
          "= 22:30-23:30 IST. Nothing at 23:00 IST, the thank-you at 23:45 IST, nothing more the next morning. "
          "Shape: Google invitation with times in Z (§12), subject written in the organizer's zone.",
          ["B1", "B8", "B9"], user={"timezone": "Asia/Kolkata"})
    luca = P("Luca Moretti", "luca.moretti@redwoodpixel.com")
    ev = Ev(uid_google("c166"), t("2026-11-17 09:00", LA), t("2026-11-17 10:00", LA),
            "Redwood Pixel - Rendering Engineer interview", luca, (att(luca, "ACCEPTED"), att(USER)),
            description="Interview for the Rendering Engineer role at Redwood Pixel with Luca Moretti (Graphics "
                        "Lead): GPU pipelines and a past project.", conference=gmeet("c166"))
    s.mail("google_invitation", "inbox", ginvite("c166", ev, t("2026-11-10 14:00", LA), tz=LA))
    s.run(t("2026-11-17 23:00", KOLKATA), total=0, interviews=1,
          interview=[{"match": "Redwood Pixel", "start": "2026-11-17T22:30:00+05:30"}])
    s.run(t("2026-11-17 23:45", KOLKATA), [thanks(luca.email, "Luca", "Redwood Pixel")], total=1,
          interview=[iv("Redwood Pixel", "Rendering Engineer", [luca.email], luca.email)])
    s.run(t("2026-11-18 10:00", KOLKATA), total=1)
    return s


def c167() -> S:
    end = t("2026-11-12 15:45", LA)
    decision = check("2026-11-24", default_decision(end, SYDNEY))
    s = S("167_b1_b8_b14_b17_user_in_sydney_company_la_zoom",
          "User in Australia/Sydney; a Los Angeles hiring manager's Zoom invitation (TZID America/Los_Angeles) for "
          "Thursday Nov 12 15:00-15:45 PST = Friday Nov 13 10:00-10:45 AEDT. Thank-you after 10:45 AEDT. Every "
          "day is the user's (B1): default decision = Fri Nov 13 + 7 business days = Tue Nov 24 (not Nov 23, the "
          "LA count); the follow-up is due on the Sydney Wednesday and replies in the user's sent thank-you. "
          "Shape: Zoom invitation text per vendor_mail_shapes §14.",
          ["B1", "B8", "B14", "B17"], user={"timezone": "Australia/Sydney"})
    bea = P("Beatriz Antunes", "beatriz.antunes@palisadegames.com")
    zoom = "https://palisadegames.zoom.us/j/82217700431?pwd=" + h("c167z", 22)
    ev = Ev(f"ZOOM{int(h('c167', 10), 16)}@zoom.us", t("2026-11-12 15:00", LA), end,
            "Palisade Games - Senior Gameplay Programmer interview (Jordan Lee)", bea, (att(USER),),
            description="Interview for the Senior Gameplay Programmer role at Palisade Games with Beatriz Antunes "
                        "(Engineering Director).", location=zoom, conference=zoom)
    s.mail("zoom_invitation", "inbox", invitation(style="zoom", ev=ev, date=t("2026-11-06 16:00", LA), to=[USER],
                                                  seed="c167", tzid="America/Los_Angeles",
                                                  subject=f"Invitation: {ev.summary}"))
    s.run(t("2026-11-13 10:20", SYDNEY), total=0, interviews=1,
          interview=[{"match": "Palisade Games", "start": "2026-11-13T10:00:00+11:00"}])
    s.run(t("2026-11-13 11:00", SYDNEY), [thanks(bea.email, "Beatriz", "Palisade Games")], total=1,
          interview=[iv("Palisade Games", "Senior Gameplay Programmer", [bea.email], bea.email)])
    s.user("send_draft", "thank_you", bea.email)
    s.run(t("2026-11-14 09:00", SYDNEY), total=0, decision={"Palisade Games": decision})
    s.run(t("2026-11-24 21:00", SYDNEY), total=0)
    s.run(t("2026-11-25 08:00", SYDNEY), [("follow_up", bea.email, {"in_reply_to": "draft:thank_you:" + bea.email})],
          total=1)
    return s


def c168() -> S:
    s = S("168_b1_b8_dst_new_york_nov_2_user_in_berlin",
          "User in Europe/Berlin. Outlook invitation (TZID 'Eastern Standard Time' with its VTIMEZONE), sent on "
          "Oct 27 while New York is still on EDT and Berlin already on CET, for Monday Nov 2 10:00-11:00 in New "
          "York, the day after the US change: 16:00-17:00 CET. Nothing at 16:40, the thank-you at 17:10. Shape: "
          "Exchange request (§13) with its Windows VTIMEZONE.",
          ["B1", "B8"], user={"timezone": "Europe/Berlin"})
    owen = P("Owen McCarthy", "owen.mccarthy@lindenwharf.com")
    ev = Ev(uid_outlook("c168"), t("2026-11-02 10:00"), t("2026-11-02 11:00"),
            "Linden Wharf Capital - Quant Developer interview", owen, (att(USER),),
            description="Interview for the Quant Developer role at Linden Wharf Capital.\n\nOwen McCarthy\nHead of "
                        "Quant Technology", location="Microsoft Teams Meeting", conference=teams("c168"))
    s.mail("outlook_invitation", "inbox", outlook("c168", ev, t("2026-10-27 09:00")))
    s.run(t("2026-11-02 16:40", BERLIN), total=0, interviews=1,
          interview=[{"match": "Linden Wharf Capital", "start": "2026-11-02T16:00:00+01:00"}])
    s.run(t("2026-11-02 17:10", BERLIN), [thanks(owen.email, "Owen", "Linden Wharf Capital")], total=1,
          interview=[iv("Linden Wharf Capital", "Quant Developer", [owen.email], owen.email)])
    return s


def c169() -> S:
    s = S("169_b1_b8_dst_gap_week_interview_oct_29_user_in_berlin",
          "User in Europe/Berlin; Google invitation written with TZID America/New_York for Thursday Oct 29 "
          "11:00-12:00 EDT, in the week when Europe has left summer time (Oct 25) and New York has not (Nov 1): "
          "the offset is 5 hours, so the interview is 16:00-17:00 CET. Nothing at 16:45, the thank-you at 17:15. "
          "Shape: Google invitation with VTIMEZONE (§12).",
          ["B1", "B8"], user={"timezone": "Europe/Berlin"})
    eva = P("Eva Lindqvist", "eva.lindqvist@hudsonloom.com")
    ev = Ev(uid_google("c169"), t("2026-10-29 11:00"), t("2026-10-29 12:00"),
            "Hudson Loom - Data Engineer Interview", eva, (att(eva, "ACCEPTED"), att(USER)),
            description="Interview for the Data Engineer role at Hudson Loom.", conference=gmeet("c169"))
    s.mail("google_invitation", "inbox", ginvite("c169", ev, t("2026-10-22 10:00"), tzid="America/New_York"))
    s.run(t("2026-10-29 16:45", BERLIN), total=0, interviews=1,
          interview=[{"match": "Hudson Loom", "start": "2026-10-29T16:00:00+01:00"}])
    s.run(t("2026-10-29 17:15", BERLIN), [thanks(eva.email, "Eva", "Hudson Loom")], total=1,
          interview=[iv("Hudson Loom", "Data Engineer", [eva.email], eva.email)])
    return s


def c170() -> S:
    s = S("170_b3_b8_outlook_all_day_interview_day",
          "An Outlook all-day 'Onsite Interview Day' event (midnight to midnight in Eastern time, "
          "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE) whose description holds the day's itinerary with three "
          "interviewers, all attendees. Nothing at noon on the day; the thank-yous (three) at the first run the "
          "next morning, inside 24 hours of the day's end. Shape: Exchange request (§13); the all-day form with "
          "TZID midnights is hand-written (the structural test needs timezone-aware DTSTART, so VALUE=DATE could "
          "not be used).",
          ["B3", "B8", "B9"])
    coord = P("Hollis, Jada", "jada.hollis@cedarpointmed.com")
    a = P("Dr. Samuel Osei", "samuel.osei@cedarpointmed.com")
    b = P("Karen Liu", "karen.liu@cedarpointmed.com")
    c = P("Miguel Ferreira", "miguel.ferreira@cedarpointmed.com")
    ev = Ev(uid_outlook("c170"), t("2026-11-20 00:00"), t("2026-11-21 00:00"),
            "Onsite Interview Day - Jordan Lee - Clinical Informatics Specialist", coord,
            (att(USER), att(a), att(b), att(c)),
            description="Welcome to Cedar Point Medical Center! Your onsite schedule for the Clinical Informatics "
                        "Specialist role:\n\n9:30 AM  Dr. Samuel Osei, CMIO\n10:30 AM  Karen Liu, Nurse "
                        "Informaticist\n11:30 AM  Lunch with the team\n1:00 PM  Miguel Ferreira, EHR Analyst Lead\n"
                        "2:30 PM  Wrap-up with Jada\n\nJada Hollis\nRecruiting Coordinator, Cedar Point Medical "
                        "Center", location="Cedar Point Medical Center, 400 Elm St, Building C, Room 210")
    m = outlook("c170", ev, t("2026-11-13 14:00"))
    m = patch_ics(m, lambda lines: [x.replace("ALLDAYEVENT:FALSE", "ALLDAYEVENT:TRUE").replace(
        "BUSYSTATUS:TENTATIVE", "BUSYSTATUS:FREE") for x in lines])
    s.mail("outlook_all_day_invitation", "inbox", m)
    s.run(t("2026-11-20 12:00"), total=0, interviews=1)
    s.run(t("2026-11-21 08:00"), [thanks(a.email, "Samuel", "Cedar Point Medical Center"),
                                  thanks(b.email, "Karen", "Cedar Point Medical Center"),
                                  thanks(c.email, "Miguel", "Cedar Point Medical Center")], total=3,
          interview=[iv("Cedar Point Medical Center", "Clinical Informatics Specialist",
                        [a.email, b.email, c.email], coord.email)])
    return s


def c171() -> S:
    s = S("171_b8_window_edges_one_minute_before_end_and_23h_after",
          "B8 edges: a run one minute before the end drafts nothing; the next run, 23 hours after the end, still "
          "inside the 24-hour window, drafts the thank-you. Shape: Google invitation (§12).",
          ["B8"])
    june = P("June Park", "june.park@greyfinch.io")
    ev = Ev(uid_google("c171"), t("2026-11-16 15:00"), t("2026-11-16 16:00"), "Greyfinch - Security Analyst interview",
            june, (att(june, "ACCEPTED"), att(USER)),
            description="Interview for the Security Analyst role at Greyfinch.", conference=gmeet("c171"))
    s.mail("google_invitation", "inbox", ginvite("c171", ev, t("2026-11-09 10:00")))
    s.run(t("2026-11-16 15:59"), total=0, interviews=1, state={"Greyfinch": "upcoming"})
    s.run(t("2026-11-17 15:00"), [thanks(june.email, "June", "Greyfinch")], total=1,
          interview=[iv("Greyfinch", "Security Analyst", [june.email], june.email)])
    return s


def c172() -> S:
    s = S("172_b8_window_25h_after_end_missed",
          "B8 edge: the first run after the interview is 25 hours after its end: no thank-you, status shows the "
          "interview as missed, and nothing later. Shape: Exchange request with Teams (§13, §15).",
          ["B8"])
    nate = P("Nate Osterberg", "nate.osterberg@quarrystone.com")
    ev = Ev(uid_outlook("c172"), t("2026-11-17 11:00"), t("2026-11-17 12:00"), "Quarrystone - Site Engineer interview",
            nate, (att(USER),), description="Interview for the Site Engineer role at Quarrystone.",
            location="Microsoft Teams Meeting", conference=teams("c172"))
    s.mail("outlook_invitation", "inbox", outlook("c172", ev, t("2026-11-10 09:00")))
    s.run(t("2026-11-18 13:00"), total=0, interviews=1, state={"Quarrystone": "missed"})
    s.run(t("2026-11-19 09:00"), total=0)
    return s


# ================================================================== shared mailboxes, assistants, delegates


def c173() -> S:
    end = t("2026-11-18 14:30")
    decision = check("2026-11-27", default_decision(end))
    s = S("173_b6_b14_b17_shared_careers_mailbox_organizer",
          "The Outlook invitation is organized by a shared mailbox ('Verdant Grid Careers' <careers@...>) with the "
          "hiring manager and an engineer as attendees; the recruiter wrote the scheduling mail from her own "
          "address. Interviewers: the two attendees; the shared mailbox is nobody's; contact: the recruiter. "
          "Default decision Nov 27 (Thanksgiving week: business days are Mon-Fri); follow-up Nov 28 in the "
          "recruiter's thread. Shape: Exchange request (§13); shared-mailbox organizer as in §0 (shared/candidate "
          "calendars).",
          ["B6", "B14", "B17", "B9"])
    careers = P("Verdant Grid Careers", "careers@verdantgrid.com")
    simone = P("Simone Laurent", "simone.laurent@verdantgrid.com")
    pieter = P("Pieter de Vries", "pieter.devries@verdantgrid.com")
    hana = P("Hana Sato", "hana.sato@verdantgrid.com")
    sched = s.mail("recruiter_scheduling", "inbox", plain(
        seed="c173a", date=t("2026-11-10 09:30"), frm=simone, to=[USER], style="outlook",
        subject="Interview schedule - Grid Operations Engineer",
        body="Hi Jordan,\n\nYou're confirmed for Wednesday, November 18, 1:00-2:30 PM with Pieter de Vries "
             "(Engineering Manager) and Hana Sato (Senior Grid Engineer). The invitation will come from our "
             "careers mailbox.\n\nBest,\nSimone Laurent\nRecruiter, Verdant Grid"))
    ev = Ev(uid_outlook("c173"), t("2026-11-18 13:00"), end, "Grid Operations Engineer - Interview - Jordan Lee",
            careers, (att(USER), att(pieter), att(hana)),
            description="Interview for the Grid Operations Engineer role: SCADA integration and an incident "
                        "walkthrough.", location="Microsoft Teams Meeting", conference=teams("c173"))
    s.mail("careers_mailbox_invitation", "inbox", outlook("c173", ev, t("2026-11-10 09:40")))
    s.run(t("2026-11-18 15:00"), [thanks(pieter.email, "Pieter", "Verdant Grid"),
                                  thanks(hana.email, "Hana", "Verdant Grid")], total=2, interviews=1,
          interview=[iv("Verdant Grid", "Grid Operations Engineer", [hana.email, pieter.email], simone.email)])
    s.user("send_draft", "thank_you", pieter.email)
    s.user("send_draft", "thank_you", hana.email)
    s.run(t("2026-11-19 09:00"), total=0, decision={"Verdant Grid": decision})
    s.run(t("2026-11-27 18:00"), total=0)
    s.run(t("2026-11-28 09:00"), [("follow_up", simone.email, {"in_reply_to": sched})], total=1)
    return s


def c174() -> S:
    s = S("174_b6_b9_assistant_organizes_for_vp",
          "An executive assistant organizes a Google invitation for the VP she supports; Google lists her, the "
          "organizer, as an attendee too. Her title ('Executive Assistant to Marcus Hale') marks her as a "
          "coordinator: the VP is the only interviewer and gets the only thank-you; the assistant is the "
          "contact. Shape: Google invitation (§12); hand-written description.",
          ["B6", "B9"])
    renee = P("Renee Caldwell", "renee.caldwell@orbitalfreight.com")
    marcus = P("Marcus Hale", "marcus.hale@orbitalfreight.com")
    ev = Ev(uid_google("c174"), t("2026-11-13 15:00"), t("2026-11-13 15:45"),
            "Jordan Lee <> Marcus Hale (Orbital Freight) - Director of Engineering interview", renee,
            (att(renee, "ACCEPTED"), att(marcus, "ACCEPTED"), att(USER)),
            description="Hi Jordan,\n\nI'm scheduling on Marcus's behalf for your Director of Engineering interview. "
                        "Please use the Meet link below.\n\nRenee Caldwell\nExecutive Assistant to Marcus Hale, VP "
                        "Engineering | Orbital Freight", conference=gmeet("c174"))
    s.mail("google_invitation", "inbox", ginvite("c174", ev, t("2026-11-06 11:00")))
    s.run(t("2026-11-13 16:15"), [thanks(marcus.email, "Marcus", "Orbital Freight")], total=1, interviews=1,
          interview=[iv("Orbital Freight", "Director of Engineering", [marcus.email], renee.email)])
    s.run(t("2026-11-14 09:00"), total=1)
    return s


def c175() -> S:
    s = S("175_b6_b9_outlook_sent_on_behalf_of_delegate",
          "Outlook delegate: the invitation is 'From: Arjun Mehta' with 'Sender: Lisa Tran' (Exchange's 'Lisa Tran "
          "on behalf of Arjun Mehta') and ORGANIZER;SENT-BY=mailto:lisa.tran@... in the .ics; only the user is "
          "invited. The hiring manager (organizer) is the interviewer and the contact; the delegate is neither. "
          "Shape: Exchange request (§13), Sender/SENT-BY for delegates (RFC 5545 SENT-BY; hand-written note).",
          ["B6", "B9"])
    arjun = P("Arjun Mehta", "arjun.mehta@cobaltridge.com")
    lisa = P("Lisa Tran", "lisa.tran@cobaltridge.com")
    ev = Ev(uid_outlook("c175"), t("2026-11-24 09:30"), t("2026-11-24 10:30"),
            "Cobalt Ridge - Principal Cloud Architect - Jordan Lee", arjun, (att(USER),),
            description="Hi Jordan,\n\nI'm sending this on Arjun's behalf. He looks forward to your interview "
                        "for the Principal Cloud Architect role.\n\nLisa Tran\nExecutive Assistant to the CTO, "
                        "Cobalt Ridge", location="Microsoft Teams Meeting", conference=teams("c175"))
    m = outlook("c175", ev, t("2026-11-17 08:15"))
    m = patch_ics(m, lambda lines: [x.replace("ORGANIZER;CN=Arjun Mehta:", "ORGANIZER;CN=Arjun Mehta;SENT-BY="
                                              "\"mailto:lisa.tran@cobaltridge.com\":") for x in lines])
    m = add_header(m, "Sender", lisa.header())
    s.mail("outlook_invitation_on_behalf", "inbox", m)
    s.run(t("2026-11-24 11:00"), [thanks(arjun.email, "Arjun", "Cobalt Ridge")], total=1, interviews=1,
          interview=[iv("Cobalt Ridge", "Principal Cloud Architect", [arjun.email], arjun.email)])
    return s


def c176() -> S:
    s = S("176_b3_b6_b9_google_group_calendar_organizer",
          "A Google invitation whose ORGANIZER is a group calendar ('Fernhill Interviews' <c_...@group.calendar."
          "google.com>) while the mail is From the coordinator ('Bea Okafor (Recruiting)'). One interviewer has "
          "no display name (k.osei@...) and is named in the description ('Kofi Osei (Data Platform)'). "
          "Thank-yous to both interviewers (greeting Kofi, never 'K.osei'); the coordinator is the contact. "
          "Shape: group-calendar organizer per vendor_mail_shapes §12 (qemu cancellation) and §8/§9 "
          "(GoodTime/Gem shared calendars).",
          ["B3", "B6", "B9"])
    group = P("Fernhill Interviews", "c_" + h("c176g", 26) + "@group.calendar.google.com")
    bea = P("Bea Okafor (Recruiting)", "bea.okafor@fernhill.health")
    kofi = P("", "k.osei@fernhill.health")
    lara = P("Lara Whitfield", "lara.whitfield@fernhill.health")
    ev = Ev(uid_google("c176"), t("2026-11-19 13:00"), t("2026-11-19 14:30"),
            "Fernhill Health - Senior Analytics Engineer - Interview (Jordan Lee)", group,
            (att(kofi, "ACCEPTED"), att(lara, "ACCEPTED"), att(USER)),
            description="Your interview for the Senior Analytics Engineer role:\n1:00 PM Kofi Osei (Data Platform) - "
                        "dbt and modelling\n1:45 PM Lara Whitfield (Analytics Director) - stakeholder case\n\n"
                        "Questions? Reply to Bea Okafor, Recruiting Coordinator.", conference=gmeet("c176"))
    s.mail("google_group_calendar_invitation", "inbox", ginvite("c176", ev, t("2026-11-12 10:00"), frm=bea,
                                                                reply_to=bea))
    s.run(t("2026-11-19 15:00"), [named(thanks(kofi.email, "Hi Kofi,", "Fernhill Health"), "Kofi Osei"),
                                  thanks(lara.email, "Lara", "Fernhill Health")], total=2, interviews=1,
          interview=[iv("Fernhill Health", "Senior Analytics Engineer", [kofi.email, lara.email], bea.email)])
    return s


def c177() -> S:
    s = S("177_b2_b3_b17_outlook_cancelled_en_gb_by_delegate_after_confirmation",
          "User in Europe/London. A London firm's Outlook invitation (TZID 'GMT Standard Time'); the user "
          "confirms by mail ('Tuesday at 2pm is confirmed, see you then'); the partner's assistant then sends "
          "'Cancelled: <title>' (en-GB spelling, METHOD:CANCEL, SEQUENCE 1) on the partner's behalf. Nothing, "
          "ever: no thank-you, no follow-up (not on the cancellation, not on the user's confirmation thread). "
          "Issue 13 class 1. Shape: Exchange cancellation with the en-GB prefix (§13).",
          ["B2", "B3", "B17"], user={"timezone": "Europe/London"})
    partner = P("Imogen Hartwell", "imogen.hartwell@hartwellfinch.co.uk")
    pa = P("Tom Ashby", "tom.ashby@hartwellfinch.co.uk")
    base = {"uid": uid_outlook("c177"), "start": t("2026-11-24 14:00", LONDON), "end": t("2026-11-24 15:00", LONDON),
                "summary": "Hartwell & Finch - Associate, Corporate Finance - interview", "organizer": partner,
                "attendees": (att(USER),),
                "description": "Interview for the Associate, Corporate Finance role with Imogen Hartwell (Partner).\n\n"
                            "Tom Ashby\nPA to Imogen Hartwell | Hartwell & Finch LLP",
                "location": "Hartwell & Finch, 12 Ropemaker Street, London"}
    inv = s.mail("outlook_invitation", "inbox", add_header(
        outlook("c177", Ev(**base), t("2026-11-16 10:00", LONDON), tzid="GMT Standard Time"), "Sender", pa.header()))
    s.mail("user_confirms", "sent", plain(
        seed="c177a", date=t("2026-11-16 12:00", LONDON), frm=USER, to=[pa], in_reply_to=inv,
        subject="Re: Hartwell & Finch - Associate, Corporate Finance - interview",
        body="Dear Tom,\n\nThank you - Tuesday at 2pm is confirmed, see you then.\n\nKind regards,\nJordan"))
    s.mail("outlook_cancelled_en_gb", "inbox", add_header(ocancel(
        "c177c", Ev(**{**base, "sequence": 1, "status": "CANCELLED"}), t("2026-11-23 17:30", LONDON),
        "Dear Jordan, unfortunately Imogen has to cancel tomorrow's meeting. We will be in touch.\n\nTom Ashby",
        tzid="GMT Standard Time", prefix="Cancelled"), "Sender", pa.header()))
    s.run(t("2026-11-24 15:30", LONDON), total=0, interviews=0)
    s.run(t("2026-11-25 09:00", LONDON), total=0, interviews=0)
    s.run(t("2026-12-07 09:00", LONDON), total=0, interviews=0)
    return s


SCENARIOS = [c140, c141, c142, c143, c144, c145, c146, c147, c148, c149, c150, c151, c152, c153, c154, c155, c156,
             c157, c158, c159, c160, c161, c162, c163, c164, c165, c166, c167, c168, c169, c170, c171, c172, c173,
             c174, c175, c176, c177]
