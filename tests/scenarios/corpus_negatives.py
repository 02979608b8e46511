"""Corpus scenarios 220-269: things that use the word interview or look like an interview but are not the
user's job interview (B3, B4), and a few near-miss positives that a too-eager negative rule would drop.

    .venv/bin/python -m tests.scenarios.corpus_negatives      # (re)write cases/220_* .. cases/269_*

Every negative has runs where a thank-you (just after the event's end) and a follow-up (the day after
end + 7 business days) would be due if it were an interview: each run expects no interview and no draft.
Each description says why the event is not the user's job interview, in B3/B4's words, and where the shape
of its mail comes from (/work/research/vendor_mail_shapes.md sections, or "hand-written").
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from tests.mailgen import Ev, Mail, P, h, invitation, itip_reply, plain, vcalendar
from tests.mailgen.ical import fold, ical_param, ical_text, utc
from tests.mailgen.mime import POLICY, calendar_part, finish, headers, html_of
from tests.scenarios.build import (
    NY,
    USER,
    S,
    att,
    gmeet,
    google,
    outlook,
    t,
    teams,
    thanks,
    uid_google,
    uid_outlook,
)

LA = ZoneInfo("America/Los_Angeles")
IST = ZoneInfo("Asia/Kolkata")

WORK = P("Jordan Lee", "jordan.lee@brightpath.io")
EMPLOYER = {"aliases": [WORK.email], "own_domains": ["brightpath.io"]}
GOOGLE_PRODID = "-//Google Inc//Google Calendar 70.9054//EN"
SHAPES = "/work/research/vendor_mail_shapes.md"


# ------------------------------------------------------------------ dates


def plus_bdays(d: date, n: int) -> date:
    """d + n business days (Mon-Fri)."""
    while n:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def at(d: date, hhmm: str = "09:00", tz: ZoneInfo = NY) -> datetime:
    return datetime.combine(d, time.fromisoformat(hhmm), tzinfo=tz)


def quiet(s: S, *when: datetime) -> None:
    """Runs that must find no interview and leave Drafts empty."""
    for w in sorted(set(when)):
        s.run(w, total=0, interviews=0)


def due_runs(s: S, end: datetime, tz: ZoneInfo = NY) -> None:
    """Runs where a thank-you (end + 40 min, next morning) and a follow-up (the day after end + 7 business
    days) would be due if the event were the user's job interview."""
    quiet(s, *due_times(end, tz))


def due_times(end: datetime, tz: ZoneInfo = NY) -> list[datetime]:
    local_end = end.astimezone(tz)
    return [end + timedelta(minutes=40), at(local_end.date() + timedelta(days=1), "09:00", tz),
            at(plus_bdays(local_end.date(), 7) + timedelta(days=1), "09:00", tz)]


# ------------------------------------------------------------------ mail shapes not in mailgen


def ics_mail(*, seed: str, ev: Ev, date: datetime, frm: P, to: list[P], subject: str, body: str, prodid: str,
             domain: str = "", method: str = "REQUEST", reply_to: P | None = None, sender: P | None = None,
             extra: list[tuple[str, str]] = (), tzid: str = "", inline: bool = False, cc: list[P] = ()) -> Mail:
    """A system's notification mail (Workday, Eventbrite, Pramp, User Interviews, a clinic's reminder ...)
    with the event as an attached .ics (or, inline=True, as a text/calendar alternative)."""
    dom = domain or frm.email.rpartition("@")[2]
    msgid = f"<{h(seed, 24)}.{h(seed + 'n', 8)}@{dom}>"
    ics = vcalendar(ev, method=method, prodid=prodid, style="other", dtstamp=date, tzid=tzid)
    msg = headers(msgid=msgid, date=date, frm=frm, to=list(to), subject=subject, cc=list(cc), reply_to=reply_to,
                sender=sender, extra=list(extra))
    msg.set_content(body, cte="quoted-printable")
    msg.add_alternative(html_of(body), subtype="html", cte="quoted-printable")
    if inline:
        msg.attach(calendar_part(ics, method))
    else:
        msg.make_mixed()
        part = EmailMessage(policy=POLICY)
        part.set_content(ics, maintype="text", subtype="calendar", cte="base64", disposition="attachment",
                         filename="invite.ics", params={"method": method, "charset": "UTF-8"})
        msg.attach(part)
    return Mail(finish(msg, seed), msgid, subject, date=date)


def outlook_to(seed: str, ev: Ev, sent: datetime, to: list[P], tzid: str = "Eastern Standard Time", **kw) -> Mail:
    """An Exchange meeting request addressed to exactly `to` (e.g. the user's work address)."""
    return invitation(style="outlook", ev=ev, date=sent, to=to, seed=seed, tzid=tzid, **kw)


def outlook_reply(*, seed: str, date: datetime, frm: P, ev: Ev, partstat: str) -> Mail:
    """The iTIP REPLY an Outlook client sends to the organizer ("Declined: <title>", "Accepted: <title>")."""
    verb = {"DECLINED": "Declined", "ACCEPTED": "Accepted", "TENTATIVE": "Tentative"}[partstat]
    lines = ["BEGIN:VCALENDAR", "METHOD:REPLY", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
             "BEGIN:VEVENT", f"ORGANIZER;CN={ical_param(ev.organizer.name)}:mailto:{ev.organizer.email}",
             f"ATTENDEE;PARTSTAT={partstat};CN={ical_param(frm.name)}:mailto:{frm.email}",
             f"UID:{ev.uid}", f"SUMMARY;LANGUAGE=en-US:{verb}: {ical_text(ev.summary)}",
             f"DTSTART:{utc(ev.start)}", f"DTEND:{utc(ev.end)}", "CLASS:PUBLIC", "PRIORITY:5",
             f"DTSTAMP:{utc(date)}", "TRANSP:OPAQUE", "STATUS:CONFIRMED", f"SEQUENCE:{ev.sequence}",
             "END:VEVENT", "END:VCALENDAR"]
    ics = ("\r\n".join(fold(x) for x in lines) + "\r\n").encode()
    tag = "SA1PR11MB" + h(seed, 4).upper()
    msgid = f"<{tag}{h(seed + 'r', 24).upper()}@{tag}.namprd11.prod.outlook.com>"
    subject = f"{verb}: {ev.summary}"
    msg = headers(msgid=msgid, date=date, frm=frm, to=[ev.organizer], subject=subject, order="outlook")
    msg.set_content(f"{verb}: {ev.summary}\n", cte="quoted-printable")
    msg.make_alternative()
    msg.attach(calendar_part(ics, "REPLY"))
    return Mail(finish(msg, seed, "outlook"), msgid, subject, date=date)


def unsubscribe(domain: str, seed: str, one_click: bool = True) -> list[tuple[str, str]]:
    out = [("List-Unsubscribe", (f"<https://{domain}/unsubscribe?u={h(seed, 24)}>, "
                                f"<mailto:unsubscribe-{h(seed, 12)}@{domain}>"))]
    if one_click:
        out.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
    return out


def calendly_body(event_type: str, host: str, questions: str, seed: str) -> str:
    return (f"Event Name: {event_type}\n\nHost: {host}\n\n{questions}\n\nNeed to make changes to this event?\n"
            f"Cancel: https://calendly.com/cancellations/{h(seed, 36)}\nReschedule: "
            f"https://calendly.com/reschedulings/{h(seed, 36)}\n\nPowered by Calendly.com")


# ================================================================== exit and stay interviews


def c220() -> S:
    s = S("220_b4_b1_exit_interview_workday",
          "The user resigned from BrightPath (own_domains = brightpath.io, work address an alias). HR writes about "
          "the resignation, then Workday notifies 'Exit Interview Scheduled' with an .ics organized by the HR "
          "Business Partner at brightpath.io. Not a job interview: the counterpart is the user's own employer, so "
          "B4 'internal meetings' (and B3's 'counterpart at an external company domain' fails); an exit interview "
          "is about leaving, not being hired. No interview, no draft, at the would-be thank-you and follow-up "
          f"times. Shape: Workday sender <tenant>@myworkday.com and 'log in to view' wording per {SHAPES} §4; "
          f"exit-interview letter wording per §17 (greatsampleresume / hrtemplates); the .ics is hand-written "
          "(Workday's interview invitation text is 'not found' there).",
          ["B4", "B1", "B3"], user=EMPLOYER)
    renee = P("Renee Ortiz", "renee.ortiz@brightpath.io")
    s.mail("hr_resignation_ack", "inbox", plain(
        seed="c220a", date=t("2026-11-03 10:15"), frm=renee, to=[WORK], style="outlook",
        subject="Your resignation - next steps",
        body="Hi Jordan,\n\nThank you for letting us know. We have recorded your resignation with a last day of "
             "Friday, November 13, 2026.\n\nI would like to schedule an exit interview with you at some point "
             "during your last week. It is confidential and voluntary, and the feedback helps us improve. You "
             "will get a Workday notification with the time.\n\nBest regards,\nRenee Ortiz\nHR Business Partner, "
             "BrightPath"))
    ev = Ev("WD-" + h("c220", 20) + "@myworkday.com", t("2026-11-11 15:00"), t("2026-11-11 15:45"),
            "Exit Interview - Jordan Lee", renee, (att(renee, "ACCEPTED"), att(WORK)),
            description="Exit interview (offboarding). Interviewer: Renee Ortiz, HR Business Partner. "
                        "Please complete the exit questionnaire in Workday beforehand.",
            location="Microsoft Teams Meeting")
    s.mail("workday_exit_interview", "inbox", ics_mail(
        seed="c220", ev=ev, date=t("2026-11-04 08:02"), frm=P("BrightPath", "brightpath@myworkday.com"), to=[WORK],
        subject="Exit Interview Scheduled", prodid="-//Workday Inc//Workday Calendar//EN", domain="myworkday.com",
        extra=[("Auto-Submitted", "auto-generated")],
        body="Jordan Lee,\n\nAn exit interview has been scheduled for you.\n\nDate: Wednesday, November 11, 2026\n"
             "Time: 3:00 PM - 3:45 PM EST\nInterviewer: Renee Ortiz\n\nTo view the details or complete your exit "
             "questionnaire, sign in to Workday and open My Tasks.\n\nThis is an automated message from Workday. "
             "Please do not reply."))
    due_runs(s, ev.end)
    return s


def c221() -> S:
    me = P("Jordan Lee", "jordan.lee@cobaltgrid.com")
    s = S("221_b4_b1_exit_interview_outlook_teams_work_address",
          "The user's configured address is the work one (cobaltgrid.com, in own_domains), time zone "
          "America/Los_Angeles; HR in New York sends an Outlook/Teams 'Exit Interview - Jordan Lee' with a "
          "'Last, First' organizer, and a plain mail after it that names a date (final pay stub by November 30). "
          "Not a job interview: organizer from the user's own employer (B4 'internal meetings'; B3 needs a "
          "counterpart at an external company). No interview, no draft, no decision date from the HR mail. Shape: "
          f"Exchange request (bare title subject, Teams block) per {SHAPES} §13 and §15; exit-interview wording "
          "per §17.",
          ["B4", "B1", "B3"],
          user={"email": me.email, "aliases": ["jordan.lee@gmail.com"], "own_domains": ["cobaltgrid.com"],
                "timezone": "America/Los_Angeles"})
    chidi = P("Okafor, Chidi", "chidi.okafor@cobaltgrid.com")
    ev = Ev(uid_outlook("c221"), t("2026-11-18 13:00"), t("2026-11-18 13:30"), "Exit Interview - Jordan Lee", chidi,
            (att(me),),
            description="Hi Jordan,\n\nAs part of your offboarding I'd like to hold a short exit interview before "
                        "your last day (November 20). Everything you share is confidential and reported only in "
                        "aggregate. A short questionnaire is attached.\n\nChidi Okafor\nPeople Partner | Cobalt Grid",
            location="Microsoft Teams Meeting", conference=teams("c221"))
    s.mail("outlook_exit_interview", "inbox", outlook_to("c221", ev, t("2026-11-12 11:20"), [me]))
    s.mail("hr_after_exit_interview", "inbox", plain(
        seed="c221b", date=t("2026-11-18 15:05"), frm=chidi, to=[me], style="outlook",
        subject="Thank you - exit interview",
        body="Hi Jordan,\n\nThank you for your candid feedback today. Your final pay stub and benefits "
             "information will reach you by November 30. We wish you every success in your next role.\n\n"
             "Chidi Okafor\nPeople Partner | Cobalt Grid"))
    due_runs(s, ev.end, LA)
    return s


def c222() -> S:
    s = S("222_b4_stay_interview_from_manager",
          "The user's manager at BrightPath (own_domains) sends a Google Calendar 'Stay interview: Jordan / Priya' "
          "to the user's work address. A stay interview is the employer asking a current employee what keeps them; "
          "the organizer is inside own_domains, so B4 'internal meetings' (and 'every other attendee is inside "
          "own_domains'). No interview, no draft. Shape: Google Calendar invitation (subject 'Invitation: ... @ "
          f"...', calendar-notification sender) per {SHAPES} §12; wording hand-written.",
          ["B4", "B3"], user=EMPLOYER)
    priya = P("Priya Raman", "priya.raman@brightpath.io")
    ev = Ev(uid_google("c222"), t("2026-11-16 11:00"), t("2026-11-16 11:45"), "Stay interview: Jordan / Priya",
            priya, (att(priya, "ACCEPTED"), att(WORK)),
            description="Hi Jordan - stay interviews are our twice-yearly conversation about what keeps you at "
                        "BrightPath, what might tempt you away and what we can change. No prep needed.",
            conference=gmeet("c222"))
    s.mail("google_stay_interview", "inbox", google("c222", ev, t("2026-11-09 17:30"), to=[WORK]))
    due_runs(s, ev.end)
    return s


def c223() -> S:
    s = S("223_b4_exit_interview_sent_to_personal_address",
          "After the user's last day the work account is closed, so BrightPath's People team (a shared "
          "people-ops@ address at brightpath.io, still in own_domains) invites the user's personal Gmail to an "
          "'Exit interview - final conversation' with an HR colleague. Organizer and every other attendee are "
          "inside own_domains: B4 'internal meetings'; not a job interview. No interview, no draft. Shape: Google "
          f"Calendar invitation per {SHAPES} §12; exit-interview wording per §17.",
          ["B4", "B3"], user={"own_domains": ["brightpath.io"]})
    people = P("BrightPath People Team", "people-ops@brightpath.io")
    dana = P("Dana Kim", "dana.kim@brightpath.io")
    ev = Ev(uid_google("c223"), t("2026-11-19 10:00"), t("2026-11-19 10:30"), "Exit interview - final conversation",
            people, (att(people, "ACCEPTED"), att(dana, "ACCEPTED"), att(USER)),
            description="Hi Jordan,\n\nSince your BrightPath account has been closed we're sending this to your "
                        "personal email. Dana from People will hold your exit interview; it covers your time here, "
                        "your reasons for leaving and your final paperwork (COBRA, 401(k) rollover).\n\n"
                        "BrightPath People Team", conference=gmeet("c223"))
    s.mail("google_exit_interview_personal", "inbox", google("c223", ev, t("2026-11-16 09:40")))
    due_runs(s, ev.end)
    return s


def c224() -> S:
    s = S("224_b4_b3_exit_interview_by_third_party_firm",
          "A third-party firm conducts exit interviews for the user's former employer (the user has not listed "
          "that employer in own_domains): a Zoom invitation 'Confidential exit interview - Harbor & Finch LLP' "
          "from a consultant at keystone-exitinsights.com, an external company domain. Still not the user's job "
          "interview: it is about the job the user left (B3 asks for signals of a job interview for the user; "
          "'exit interview' is the employer's offboarding, B4 'internal meetings' held through a vendor). No "
          f"interview, no draft. Shape: Zoom invitation text per {SHAPES} §14; exit-interview wording per §17; "
          "the vendor is hand-written.",
          ["B4", "B3"])
    marisol = P("Marisol Vega", "mvega@keystone-exitinsights.com")
    link = "https://keystone-exitinsights.zoom.us/j/81234500917?pwd=" + h("c224z", 22)
    ev = Ev(f"ZOOM{int(h('c224', 10), 16)}@zoom.us", t("2026-11-20 12:00"), t("2026-11-20 12:40"),
            "Confidential exit interview - Harbor & Finch LLP", marisol, (att(USER),),
            description="Keystone Exit Insights conducts confidential exit interviews on behalf of Harbor & Finch "
                        "LLP, your former employer. Your answers are anonymized before they are shared.\n\n"
                        "Marisol Vega\nExit Interview Consultant, Keystone Exit Insights",
            location=link, conference=link)
    s.mail("zoom_exit_interview", "inbox", invitation(
        style="zoom", ev=ev, date=t("2026-11-13 14:00"), to=[USER], seed="c224", tzid="America/New_York",
        subject="Invitation: Confidential exit interview - Harbor & Finch LLP"))
    due_runs(s, ev.end)
    return s


# ================================================================== boards, schools, governments, volunteering


def c225() -> S:
    s = S("225_b4_b3_coop_board_interview_google",
          "Issue 13 class 9: a co-op board 'Board Interview' for the purchase of an apartment. The managing agent's "
          "'Board Package Coordinator' writes (signature: name, title, management company) and sends a Google "
          "Calendar invitation from brownstonemgmt.com with the board president (free-mail) as a guest; the mail "
          "says the board decides 'within 5 business days', and after the meeting the board approves. Not a job "
          "interview: no job, no employer, the user is a buyer (B3's signals must say job interview; "
          "'Coordinator' is not a recruiter signal here; B4 'personal appointments'). No interview, no draft, "
          f"no decision date, nothing on the approval. Shape: Google invitation per {SHAPES} §12; co-op board mail "
          "hand-written (§17: 'co-op board interviews: not found').",
          ["B4", "B3"])
    alicia = P("Alicia Moreno", "amoreno@brownstonemgmt.com")
    howard = P("Howard Stein", "hstein.310w86@gmail.com")
    sig = "Alicia Moreno\nBoard Package Coordinator\nBrownstone Residential Management\n(212) 555-0148"
    s.mail("coordinator_schedules", "inbox", plain(
        seed="c225a", date=t("2026-11-05 16:40"), frm=alicia, to=[USER], style="outlook",
        subject="310 West 86th Street, Apt 7C - Board Interview",
        body="Dear Jordan,\n\nThe board of 310 West 86th Street Owners Corp. has reviewed your purchase application "
             "for Apartment 7C and would like to meet you. Your board interview is scheduled for Thursday, "
             "November 12 at 7:00 PM in the building's community room; a calendar invitation follows.\n\nPlease "
             "bring photo ID. The interview usually takes 20-30 minutes, and the board typically makes a decision "
             f"within 5 business days.\n\nBest regards,\n{sig}"))
    ev = Ev(uid_google("c225"), t("2026-11-12 19:00"), t("2026-11-12 19:30"),
            "Board Interview - Apt 7C purchase (J. Lee)", alicia,
            (att(alicia, "ACCEPTED"), att(howard, "ACCEPTED"), att(USER)),
            description=f"Board interview for the purchase of Apartment 7C, 310 West 86th Street Owners Corp.\n"
                        f"Board members attending: Howard Stein (President), Ruth Adler (Treasurer).\n\n{sig}",
            location="Community Room, 310 West 86th Street, New York, NY")
    s.mail("google_board_interview", "inbox", google("c225", ev, t("2026-11-05 16:45")))
    quiet(s, t("2026-11-12 19:45"), t("2026-11-13 09:00"))
    s.mail("board_approves", "inbox", plain(
        seed="c225c", date=t("2026-11-17 11:05"), frm=alicia, to=[USER], style="outlook",
        subject="RE: 310 West 86th Street, Apt 7C - Board Interview",
        body=f"Dear Jordan,\n\nI am pleased to let you know that the board has approved your purchase of Apartment "
             f"7C. The closing attorney will be in touch about scheduling.\n\nBest regards,\n{sig}"))
    quiet(s, t("2026-11-17 12:00"), t("2026-11-20 09:00"), t("2026-11-24 09:00"))
    return s


def c226() -> S:
    s = S("226_b4_b2_coop_board_interview_mail_only",
          "Another co-op board interview, known only from mail: the managing agent ('Kevin Tran | Lenox Hill "
          "Property Management', signature 'Board Package Coordinator') proposes the time, and the user's own reply "
          "in Sent confirms 'the board interview on Tuesday, November 17 at 7:30 PM'. B2 tracks interviews from "
          "the user's sent mail, but only job interviews: this one is for an apartment (B3 signals; B4 "
          "'personal appointments'). No interview, no draft. Shape: hand-written (co-op mail not found, "
          f"{SHAPES} §17).",
          ["B4", "B2", "B3"])
    kevin = P("Kevin Tran | Lenox Hill Property Management", "ktran@lenoxhillpm.com")
    ask = s.mail("agent_proposes", "inbox", plain(
        seed="c226a", date=t("2026-11-09 12:10"), frm=kevin, to=[USER],
        subject="Board interview - 145 East 74th St, Unit 3B",
        body="Hi Jordan,\n\nYour board package for Unit 3B is complete and the admissions committee would like to "
             "interview you. Would Tuesday, November 17 at 7:30 PM work? The interview will be in the lobby "
             "conference room.\n\nKevin Tran\nBoard Package Coordinator\nLenox Hill Property Management"))
    s.mail("user_confirms", "sent", plain(
        seed="c226b", date=t("2026-11-09 18:02"), frm=USER, to=[P("Kevin Tran", "ktran@lenoxhillpm.com")],
        in_reply_to=ask, subject="Re: Board interview - 145 East 74th St, Unit 3B",
        body="Hi Kevin,\n\nConfirming the board interview on Tuesday, November 17 at 7:30 PM. Looking forward to "
             "meeting the board.\n\nBest,\nJordan"))
    quiet(s, t("2026-11-10 09:00"))
    due_runs(s, t("2026-11-17 20:30"))
    return s


def c227() -> S:
    s = S("227_b4_condo_association_owner_interview_zoom",
          "A condominium association's admissions committee interviews a prospective owner over Zoom; the "
          "invitation comes from the association's management company (seaboardcm.com) and the title says "
          "'Prospective Owner Interview'. Not a job interview: a property purchase (B3 signals; B4 'personal "
          f"appointments'). No interview, no draft. Shape: Zoom invitation per {SHAPES} §14; HOA wording "
          "hand-written.",
          ["B4", "B3"])
    gwen = P("Gwen Holloway", "gholloway@seaboardcm.com")
    link = "https://us02web.zoom.us/j/86120077341?pwd=" + h("c227z", 22)
    ev = Ev(f"ZOOM{int(h('c227', 10), 16)}@zoom.us", t("2026-11-19 18:30"), t("2026-11-19 19:00"),
            "Harborview Terrace Condominium - Prospective Owner Interview (Unit 12B)", gwen, (att(USER),),
            description="The Harborview Terrace admissions committee will meet the prospective owners of Unit 12B. "
                        "Please have your photo ID ready.\n\nGwen Holloway\nCommunity Manager, Seaboard Community "
                        "Management, for Harborview Terrace Condominium Association",
            location=link, conference=link)
    s.mail("zoom_owner_interview", "inbox", invitation(
        style="zoom", ev=ev, date=t("2026-11-11 10:00"), to=[USER], seed="c227",
        subject="Invitation: Harborview Terrace Condominium - Prospective Owner Interview (Unit 12B)"))
    due_runs(s, ev.end)
    return s


def c228() -> S:
    s = S("228_b4_b3_school_admissions_interview_for_child",
          "A private school's admissions office invites the user (a parent) to a family admissions interview for "
          "their child, through an admissions-portal confirmation and a Google Calendar invitation from the "
          "Director of Admissions at brookfieldschool.org; decisions are 'released February 10'. Not the user's "
          "job interview: it is about the child's school place (B3 'job interview for the user'; B4 'personal "
          f"appointments'). No interview, no draft. Shape: Google invitation per {SHAPES} §12; portal mail "
          "hand-written.",
          ["B4", "B3"])
    helen = P("Helen Marsh", "admissions@brookfieldschool.org")
    s.mail("portal_confirmation", "inbox", plain(
        seed="c228a", date=t("2026-10-28 08:00"), frm=P("Brookfield School Admissions", "noreply@ravennahub.com"),
        to=[USER], style="ats", domain="ravennahub.com", reply_to=helen,
        subject="Your family interview is confirmed - Maya Lee (Kindergarten, Fall 2027)",
        body="Dear Jordan Lee,\n\nYour family interview for Maya Lee (Kindergarten, Fall 2027) is confirmed for "
             "Friday, November 6, 2026 at 9:00 AM. Maya's classroom visit will take place at the same time.\n\n"
             "Admissions decisions will be released on February 10, 2027.\n\nThe Brookfield School Office of "
             "Admissions"))
    ev = Ev(uid_google("c228"), t("2026-11-06 09:00"), t("2026-11-06 09:45"),
            "Admissions Interview: Lee family (Maya, K 2027)", helen, (att(helen, "ACCEPTED"), att(USER)),
            description="Parent interview with Helen Marsh, Director of Admissions. Please check in at the main "
                        "office, 12 Garden Place, Brooklyn.", location="The Brookfield School, 12 Garden Place")
    s.mail("google_admissions_interview", "inbox", google("c228", ev, t("2026-10-28 08:05")))
    due_runs(s, ev.end)
    return s


def c229() -> S:
    s = S("229_b4_b1_visa_consulate_interview_kolkata",
          "User in Asia/Kolkata with a US job offer: the visa appointment system confirms an 'H-1B Visa Interview' "
          "at the U.S. Consulate General in Chennai, and the employer's immigration law firm sends an Outlook "
          "'Prep call: H-1B consular interview' (external domain, the word interview, employer and petition "
          "words). Neither is a job interview: a consular visa interview is a government appointment, the prep "
          "call a lawyer's meeting (B3 signals; B4 'personal appointments'). No interview, no draft, in IST "
          f"runs. Shape: Outlook request per {SHAPES} §13 (UTC times, no VTIMEZONE); consulate mail hand-written.",
          ["B4", "B1", "B3"], user={"timezone": "Asia/Kolkata"})
    s.mail("consulate_appointment", "inbox", plain(
        seed="c229a", date=t("2026-11-10 11:30", IST), frm=P("US Visa Information Service", "no-reply@usvisa-info.com"),
        to=[USER], style="ats", domain="usvisa-info.com",
        subject="Appointment Confirmation - Visa Interview, U.S. Consulate General Chennai",
        body="Applicant: JORDAN LEE\nVisa class: H-1B\nConsular section: U.S. Consulate General Chennai\n"
             "Interview date and time: 24 November 2026, 09:15 AM (local time)\n\nPlease bring this confirmation, "
             "your passport, your DS-160 confirmation page and your I-797 petition approval notice. Arrive no "
             "earlier than 15 minutes before your appointment.\n\nThis mailbox is not monitored."))
    anita = P("Anita Desai", "adesai@fairbanksimmigration.com")
    ev = Ev(uid_outlook("c229"), t("2026-11-20 17:00", IST), t("2026-11-20 17:45", IST),
            "Prep call: H-1B consular interview (Jordan Lee / Larchmont Systems petition)", anita, (att(USER),),
            description="Hi Jordan,\n\nBefore your consular interview on November 24 we'll go through the usual "
                        "questions about your employer, your role and the petition, and check your documents.\n\n"
                        "Anita Desai\nSenior Associate, Fairbanks Immigration LLP",
            location="Microsoft Teams Meeting", conference=teams("c229"))
    s.mail("law_firm_prep_call", "inbox", outlook_to("c229", ev, t("2026-11-12 15:00", IST), [USER], tzid=""))
    quiet(s, *due_times(ev.end, IST), *due_times(t("2026-11-24 10:00", IST), IST))
    return s


def c230() -> S:
    s = S("230_b4_b3_uscis_naturalization_interview",
          "A USCIS case-status mail says an interview was scheduled for the user's Form N-400, and the user's "
          "immigration attorney sends a Google Calendar hold 'Naturalization interview - Jordan Lee (USCIS New "
          "York Field Office)' from the law firm's domain with the attorney as a guest. A citizenship interview "
          "is a government appointment, not a job interview (B3 signals; B4 'personal appointments'). No "
          "interview, no draft. Shape: USCIS case-update wording after the uscisguide / makhulu pages found by "
          "search (the notice itself comes by post); attorney's invitation per "
          f"{SHAPES} §12; both hand-written.",
          ["B4", "B3"])
    s.mail("uscis_case_update", "inbox", plain(
        seed="c230a", date=t("2026-11-02 06:12"), frm=P("USCIS", "uscis-case-updates@uscis.dhs.gov"), to=[USER],
        style="ats", domain="uscis.dhs.gov", subject="USCIS Case Status Update: IOE0912345678",
        body="On November 2, 2026, we scheduled an interview for your Form N-400, Application for Naturalization, "
             "Receipt Number IOE0912345678. We mailed you an interview notice. Please follow the instructions in "
             "the notice.\n\nThis is an automated message. Please do not reply."))
    paralegal = P("Rosa Jimenez", "rjimenez@castellanolaw.com")
    attorney = P("Miguel Castellano", "mcastellano@castellanolaw.com")
    ev = Ev(uid_google("c230"), t("2026-12-03 08:20"), t("2026-12-03 10:00"),
            "Naturalization interview - Jordan Lee (USCIS New York Field Office)", paralegal,
            (att(attorney, "ACCEPTED"), att(USER)),
            description="N-400 interview at 26 Federal Plaza, 7th floor. Miguel Castellano will attend with you. "
                        "Bring your green card, passport, interview notice and the documents on our checklist.\n\n"
                        "Rosa Jimenez\nParalegal, Castellano Immigration Law",
            location="26 Federal Plaza, New York, NY 10278")
    s.mail("attorney_calendar_hold", "inbox", google("c230", ev, t("2026-11-04 13:00")))
    due_runs(s, ev.end)
    return s


def c231() -> S:
    s = S("231_b4_b3_volunteer_mentor_interview_calendly",
          "Decision: a volunteer interview is NOT a job interview. A youth-mentoring nonprofit's 'Volunteer "
          "Enrollment Interview' is booked through Calendly (host: a Match Support Specialist at "
          "bridgesmentoring.org; the words interview, application, background check). B3 asks for a job interview "
          "for the user; an unpaid volunteer placement is not a job, there is no hiring decision to follow up on, "
          "and the interview is part of a safety screening (B4's list is not exhaustive: 'do what a job seeker "
          "would expect'). No interview, no draft. Shape: Calendly email-confirmation variant (from Calendly, Reply-"
          f"To the host) per {SHAPES} §10; nonprofit wording hand-written.",
          ["B4", "B3"])
    jo = P("Joanne Pike", "jpike@bridgesmentoring.org")
    ev = Ev(h("c231", 24) + "@calendly.com", t("2026-11-17 17:30"), t("2026-11-17 18:30"),
            "Volunteer Enrollment Interview between Joanne Pike and Jordan Lee", jo,
            (att(jo, "ACCEPTED"), att(USER, "ACCEPTED")),
            description=calendly_body("Volunteer Enrollment Interview", "Joanne Pike",
                                      "Please share anything that will help prepare for our meeting.: I submitted my "
                                      "mentor application and background check consent last week.", "c231"),
            conference=gmeet("c231"))
    s.mail("calendly_volunteer_interview", "inbox", invitation(
        style="calendly", ev=ev, date=t("2026-11-10 20:14"), to=[USER], seed="c231",
        frm=P("Calendly", "notifications@calendly.com"), reply_to=jo,
        subject="Confirmed: Volunteer Enrollment Interview with Joanne Pike on Tuesday, November 17, 2026",
        body="Hi Jordan Lee,\n\nYour Volunteer Enrollment Interview with Joanne Pike at 5:30pm (Eastern Time - US & "
             "Canada) on Tuesday, November 17, 2026 is scheduled.\n\nJoanne Pike\nMatch Support Specialist, Bridges "
             "Youth Mentoring\n\nA calendar invitation is attached. Powered by Calendly.com"))
    due_runs(s, ev.end)
    return s


# ================================================================== podcasts and media


def c232() -> S:
    s = S("232_b4_b2_journalist_interview_request_mail_only",
          "A reporter at metroledger.com asks for an interview for a story; the user's reply in Sent says 'Happy to "
          "do the interview. Thursday, November 12 at 11:00 AM works'; the reporter confirms and says the piece "
          "should run 'by Friday the 20th'. B4 'podcast or media interviews': the user is the source, not a "
          "candidate. B2's sent-mail path must not take it for a job interview. No interview, no draft. Shape: "
          f"hand-written ({SHAPES} §17: 'podcast/media interview requests: not found').",
          ["B4", "B2"])
    hannah = P("Hannah Cho", "hcho@metroledger.com")
    ask = s.mail("reporter_asks", "inbox", plain(
        seed="c232a", date=t("2026-11-09 14:22"), frm=hannah, to=[USER],
        subject="Interview request: story on four-day work weeks",
        body="Hi Jordan,\n\nI'm a reporter at the Metro Ledger working on a story about engineering teams trying "
             "four-day work weeks. A colleague pointed me to your blog post. Would you have 20 minutes for a phone "
             "interview this week?\n\nThanks,\nHannah Cho\nStaff Reporter, Metro Ledger\n(646) 555-0190"))
    s.mail("user_agrees", "sent", plain(
        seed="c232b", date=t("2026-11-09 18:40"), frm=USER, to=[hannah], in_reply_to=ask,
        subject="Re: Interview request: story on four-day work weeks",
        body="Hi Hannah,\n\nHappy to do the interview. Thursday, November 12 at 11:00 AM works for me; you can "
             "reach me at (555) 010-2000.\n\nBest,\nJordan"))
    s.mail("reporter_confirms", "inbox", plain(
        seed="c232c", date=t("2026-11-10 08:05"), frm=hannah, to=[USER], in_reply_to=ask,
        subject="Re: Interview request: story on four-day work weeks",
        body="Perfect - I'll call you Thursday at 11. The piece should run by Friday the 20th.\n\nHannah"))
    due_runs(s, t("2026-11-12 11:30"))
    return s


def c233() -> S:
    s = S("233_b4_podcast_recording_booked_via_calendly",
          "The user books a 'Podcast Recording' slot on a podcast host's Calendly: the email-confirmation mail from "
          "notifications@calendly.com with the host as Reply-To and a static .ics; the booking answers mention "
          "'interview' and the user's job history. B4 'podcast or media interviews'; Calendly alone is not a "
          "recruiting signal without recruiting words about the user's application (B3). No interview, no draft. "
          f"Shape: Calendly email-confirmation variant and 'Confirmed: <event> with <name>' subject per {SHAPES} "
          "§10.",
          ["B4", "B3"])
    priya = P("Priya Raman", "priya@shipitpodcast.fm")
    ev = Ev(h("c233", 24) + "@calendly.com", t("2026-11-18 13:00"), t("2026-11-18 14:00"),
            "Podcast Recording between Priya Raman and Jordan Lee", priya, (att(priya, "ACCEPTED"), att(USER, "ACCEPTED")),
            description=calendly_body("Podcast Recording", "Priya Raman",
                                      "What would you like to talk about on the show?: My move from support to "
                                      "engineering, and what I learned interviewing for my first developer job.\n\n"
                                      "Location: https://riverside.fm/studio/ship-it-" + h("c233r", 8), "c233"))
    s.mail("calendly_podcast", "inbox", invitation(
        style="calendly", ev=ev, date=t("2026-11-06 21:03"), to=[USER], seed="c233",
        frm=P("Calendly", "notifications@calendly.com"), reply_to=priya,
        subject="Confirmed: Podcast Recording with Priya Raman on Wednesday, November 18, 2026",
        body="Hi Jordan Lee,\n\nYour Podcast Recording with Priya Raman at 1:00pm (Eastern Time - US & Canada) on "
             "Wednesday, November 18, 2026 is scheduled.\n\nShip It Podcast - guest interview. We record on "
             "Riverside; headphones please!\n\nPowered by Calendly.com"))
    due_runs(s, ev.end)
    return s


def c234() -> S:
    s = S("234_b4_tv_segment_live_interview_outlook",
          "A TV segment producer at wknv-tv.com sends an Outlook request 'WKNV Live Interview: holiday shopping "
          "scams segment' at the studio, after a plain 'pre-interview call' mail. B4 'podcast or media "
          "interviews'. No interview, no draft. Shape: Exchange request per "
          f"{SHAPES} §13; TV wording hand-written (§17: not found).",
          ["B4", "B3"])
    marcus = P("Reyes, Marcus", "mreyes@wknv-tv.com")
    s.mail("producer_pre_interview", "inbox", plain(
        seed="c234a", date=t("2026-11-16 10:30"), frm=marcus, to=[USER], style="outlook",
        subject="Good Morning Tri-State - pre-interview call",
        body="Hi Jordan,\n\nThanks for the pre-interview call yesterday - we'd love to have you on the show. I've "
             "sent an invitation for the live segment on Friday. Please arrive at the studio 30 minutes early for "
             "hair and makeup.\n\nMarcus Reyes\nSegment Producer, Good Morning Tri-State | WKNV-TV"))
    ev = Ev(uid_outlook("c234"), t("2026-11-20 07:40"), t("2026-11-20 07:50"),
            "WKNV Live Interview: holiday shopping scams segment", marcus, (att(USER),),
            description="Live in-studio interview, Good Morning Tri-State. Call time 7:10 AM at Studio B, 500 Media "
                        "Plaza. Topic: how to spot holiday shopping scams.", location="WKNV Studio B, 500 Media Plaza")
    s.mail("outlook_live_segment", "inbox", outlook("c234", ev, t("2026-11-16 10:35")))
    due_runs(s, ev.end)
    return s


def c235() -> S:
    s = S("235_b4_press_interview_arranged_by_own_comms_team",
          "The user's own Communications team (brightpath.io, in own_domains) organizes a 'Press interview: "
          "TechWire x BrightPath' with an external reporter as a guest, sent to the user's work alias. Both B4 "
          "'podcast or media interviews' and B4 'internal meetings' (the organizer is the user's employer); the "
          "external attendee is a journalist, not an interviewer for a job. No interview, no draft. Shape: Google "
          f"invitation per {SHAPES} §12; wording hand-written.",
          ["B4", "B3"], user=EMPLOYER)
    lena = P("Lena Park (Communications)", "lena.park@brightpath.io")
    owen = P("Owen Blake", "oblake@techwire.news")
    ev = Ev(uid_google("c235"), t("2026-11-24 15:00"), t("2026-11-24 15:30"),
            "Press interview: TechWire x BrightPath (Jordan Lee)", lena,
            (att(lena, "ACCEPTED"), att(owen, "ACCEPTED"), att(WORK)),
            description="Owen from TechWire is writing about our new routing engine. Talking points doc in Drive; "
                        "please don't discuss customers by name. I'll sit in.", conference=gmeet("c235"))
    s.mail("google_press_interview", "inbox", google("c235", ev, t("2026-11-18 12:00"), to=[WORK]))
    due_runs(s, ev.end)
    return s


# ================================================================== research interviews


def c236() -> S:
    s = S("236_b4_research_session_via_user_interviews",
          "User Interviews (the research-recruiting platform) confirms the user as a participant in a moderated "
          "study with a $75 incentive; the .ics is organized by the platform's scheduler with the researcher of "
          "an external company (fathomops.com) as a guest. B4 'research \"user interviews\"': the user is a paid "
          "research participant, not a candidate (incentive / study / screener wording). No interview, no draft. "
          f"Shape: participant flow (screener, 'Approve & invite', booking, incentive) per {SHAPES} §17 "
          "(userinterviews.com support page); mail text hand-written.",
          ["B4", "B3"])
    kira = P("Kira Almeida", "kira.almeida@fathomops.com")
    sched = P("User Interviews Scheduling", "scheduling@userinterviews.com")
    s.mail("screener_approved", "inbox", plain(
        seed="c236a", date=t("2026-11-04 12:00"), frm=P("User Interviews", "notifications@userinterviews.com"),
        to=[USER], style="ats", domain="userinterviews.com", extra=unsubscribe("userinterviews.com", "c236a"),
        subject="You've been invited: How teams plan on-call rotations ($75)",
        body="Hi Jordan,\n\nGood news - based on your screener answers, the researcher has invited you to a 45-minute "
             "remote interview for the study 'How teams plan on-call rotations'.\n\nIncentive: $75 (paid via "
             "Tremendous after your session)\n\nBook your session: https://www.userinterviews.com/projects/"
             + h("c236p", 10) + "/schedule\n\nThe User Interviews team"))
    ev = Ev("ui-" + h("c236", 20) + "@userinterviews.com", t("2026-11-10 13:00"), t("2026-11-10 13:45"),
            "Research session: How teams plan on-call rotations (Fathom Ops)", sched,
            (att(kira, "ACCEPTED"), att(USER, "ACCEPTED")),
            description="Moderated research session with Kira Almeida (UX Researcher, Fathom Ops). Incentive: $75. "
                        "Join: https://fathomops.zoom.us/j/83300221100", location="https://fathomops.zoom.us/j/83300221100")
    s.mail("session_confirmed", "inbox", ics_mail(
        seed="c236", ev=ev, date=t("2026-11-04 19:31"), frm=P("User Interviews", "notifications@userinterviews.com"),
        to=[USER], subject="You're confirmed: How teams plan on-call rotations - Tue, Nov 10 at 1:00 PM EST",
        prodid="-//User Interviews//Scheduling//EN", domain="userinterviews.com",
        extra=unsubscribe("userinterviews.com", "c236"),
        body="You're confirmed!\n\nStudy: How teams plan on-call rotations\nResearcher: Kira Almeida, Fathom Ops\n"
             "When: Tuesday, November 10, 2026, 1:00 PM - 1:45 PM EST\nIncentive: $75\n\nA calendar invite is "
             "attached. Need to reschedule? Use your participant dashboard.\n\nThe User Interviews team"))
    due_runs(s, ev.end)
    return s


def c237() -> S:
    s = S("237_b4_respondent_study_then_researcher_google_invite",
          "Respondent selects the user for a paid study ('Congratulations! You have been selected to participate "
          "in the ... study'), then the researcher at nimbuscost.com sends a Google Calendar 'Research Interview - "
          "Respondent participant' with a $150 incentive. B4 'research \"user interviews\"' (the user is a "
          "participant). No interview, no draft. Shape: Respondent invitation wording per "
          f"{SHAPES} §17 (help.respondent.io) and the Respondent partner API docs (moderated studies: a booking "
          "link with the researcher); Google invitation per §12.",
          ["B4", "B3"])
    s.mail("respondent_selected", "inbox", plain(
        seed="c237a", date=t("2026-11-05 09:14"), frm=P("Respondent", "notifications@respondent.io"), to=[USER],
        style="ats", domain="respondent.io", extra=unsubscribe("respondent.io", "c237a"),
        subject="Congratulations! You have been selected to participate in the 'Cloud cost tools' study",
        body="Congratulations! You have been selected to participate in the 'Cloud cost tools' study that you "
             "recently applied to.\n\nSession: 60-minute remote research interview\nIncentive: $150\n\nThe "
             "researcher will send you a calendar invitation with the session link.\n\nRespondent"))
    omar = P("Omar Nasser", "omar@nimbuscost.com")
    ev = Ev(uid_google("c237"), t("2026-11-12 16:00"), t("2026-11-12 17:00"),
            "Research Interview - Respondent participant (Jordan Lee)", omar, (att(omar, "ACCEPTED"), att(USER)),
            description="Thanks for joining our research study on cloud cost tools! We'll ask about how your team "
                        "tracks spend. There are no right answers. Your $150 incentive is paid through Respondent "
                        "within 2 business days.\n\nOmar Nasser\nProduct Researcher, Nimbus Cost",
            conference=gmeet("c237"))
    s.mail("researcher_google_invite", "inbox", google("c237", ev, t("2026-11-05 15:20")))
    due_runs(s, ev.end)
    return s


def c238() -> S:
    s = S("238_b4_ux_researcher_customer_interview_calendly",
          "A UX researcher at a product the user uses (loomcraft.com) books a 'Customer interview' through "
          "Calendly; the invitation comes from her calendar (Calendly's 'calendar invitation' mode, so a plain "
          "Google invitation), thanking the user for being a customer and offering a $50 gift card. B4 'research "
          "\"user interviews\"'. No interview, no draft. Shape: Calendly calendar-invitation mode per "
          f"{SHAPES} §10 and research Calendly invites per §17 (appstoreresearch help page); Google shape §12.",
          ["B4", "B3"])
    bea = P("Beatriz Santos", "bea.santos@loomcraft.com")
    ev = Ev(uid_google("c238"), t("2026-11-13 10:00"), t("2026-11-13 10:30"),
            "Customer interview (Jordan Lee) - Loomcraft", bea, (att(bea, "ACCEPTED"), att(USER, "ACCEPTED")),
            description="Event Name: Customer interview\n\nThanks for agreeing to chat about how you use Loomcraft "
                        "boards for sprint planning! As a thank-you you'll get a $50 gift card after the call.\n\n"
                        "Beatriz Santos\nSenior UX Researcher, Loomcraft\n\nPowered by Calendly.com",
            conference=gmeet("c238"))
    s.mail("google_customer_interview", "inbox", google("c238", ev, t("2026-11-09 11:02")))
    due_runs(s, ev.end)
    return s


def c239() -> S:
    s = S("239_b4_user_runs_customer_interviews",
          "The user runs customer interviews for a side project: Google Calendar invitations the user sent (in "
          "Sent, organizer = the user) to two participants, one participant's 'Accepted:' reply, and her thanks "
          "after the call. B4 'the user is the interviewer (organizer)' and 'research \"user interviews\" the user "
          "runs'. No interview, no draft (and no thank-you to a participant). Shape: Google invitation and RSVP "
          f"reply per {SHAPES} §12.",
          ["B4", "B3"])
    maya, leo = P("Maya Fox", "maya.fox@outlook.com"), P("Leo Brandt", "leo.brandt@hey.com")
    end = None
    for i, (who, day) in enumerate(((maya, "2026-11-11 12:00"), (leo, "2026-11-12 16:00"))):
        start = t(day)
        ev = Ev(uid_google(f"c239{i}"), start, start + timedelta(minutes=30),
                f"Customer interview: {who.name} / tiny-scheduler", USER, (att(USER, "ACCEPTED"), att(who)),
                description="Thanks for trying tiny-scheduler! I'd love 30 minutes to hear how you use it. I'll ask "
                            "about your setup and what's annoying.", conference=gmeet(f"c239{i}"))
        s.mail(f"user_invites_{who.first.lower()}", "sent", google(f"c239{i}", ev, t("2026-11-06 09:00") +
                                                               timedelta(minutes=i), to=[who]))
        if i == 0:
            s.mail("maya_accepts", "inbox", itip_reply(seed="c239r", date=t("2026-11-06 12:30"), user=maya, ev=ev,
                                                       partstat="ACCEPTED", prodid=GOOGLE_PRODID))
        end = ev.end
    s.mail("maya_thanks", "inbox", plain(
        seed="c239t", date=t("2026-11-11 13:10"), frm=maya, to=[USER], style="outlook",
        subject="Thanks for the interview!",
        body="Hi Jordan,\n\nThanks for the interview earlier - fun to talk about scheduling pain. Happy to test the "
             "next version.\n\nMaya"))
    quiet(s, t("2026-11-11 12:45"), *due_times(end))
    return s


def c240() -> S:
    s = S("240_b4_b2_paid_research_interview_mail_only",
          "A market-research recruiter offers a 'paid interview opportunity ($200)' after a screener; the user's "
          "reply in Sent picks 'Thursday, November 19 at 3:00 PM ET' for 'the interview', and the recruiter "
          "confirms. B4 'research \"user interviews\"' (incentive, screener, study): B2's sent-mail path must not "
          "track it as a job interview. No interview, no draft. Shape: research-invite markers (incentive / "
          f"study / screener) per {SHAPES} §17; mail hand-written.",
          ["B4", "B2"])
    gail = P("Gail Porter", "recruit@fieldworkpanel.com")
    ask = s.mail("recruiter_offer", "inbox", plain(
        seed="c240a", date=t("2026-11-13 10:00"), frm=gail, to=[USER], style="ats", domain="fieldworkpanel.com",
        subject="Paid interview opportunity ($200) - 60 min about cloud monitoring tools",
        body="Hi Jordan,\n\nThank you for completing our screener. You qualify for a paid 60-minute phone interview "
             "with a research team studying cloud monitoring tools. Incentive: $200 by e-gift card.\n\nPlease reply "
             "with a time that works next Wednesday or Thursday afternoon.\n\nGail Porter\nParticipant "
             "Recruitment, Fieldwork Panel"))
    s.mail("user_picks_time", "sent", plain(
        seed="c240b", date=t("2026-11-13 12:30"), frm=USER, to=[gail], in_reply_to=ask,
        subject="Re: Paid interview opportunity ($200) - 60 min about cloud monitoring tools",
        body="Hi Gail,\n\nThursday, November 19 at 3:00 PM ET works for the interview.\n\nThanks,\nJordan"))
    s.mail("recruiter_confirms", "inbox", plain(
        seed="c240c", date=t("2026-11-13 15:02"), frm=gail, to=[USER], in_reply_to=ask, style="ats",
        domain="fieldworkpanel.com",
        subject="Re: Paid interview opportunity ($200) - 60 min about cloud monitoring tools",
        body="You're confirmed for Thursday, November 19 at 3:00 PM ET. The moderator will call (555) 010-2000.\n\n"
             "Gail"))
    due_runs(s, t("2026-11-19 16:00"))
    return s


# ================================================================== practice, workshops, webinars, fairs


def c241() -> S:
    s = S("241_b4_pramp_peer_mock_interview",
          "Pramp confirms a peer 'mock interview' session (the two peers swap interviewer and interviewee after "
          "30 minutes) with an .ics from Pramp, then asks for feedback. Mock/practice interviews are not job "
          "interviews: no employer, no hiring decision (B3 signals; issue 13 lists 'mock' among the negatives). "
          f"No interview, no draft. Shape: Pramp session facts per {SHAPES} §17 (pintojoey.com/pramp); mail and "
          ".ics hand-written.",
          ["B4", "B3"])
    pramp = P("Pramp", "team@pramp.com")
    ev = Ev("pramp-" + h("c241", 20) + "@pramp.com", t("2026-11-17 20:00"), t("2026-11-17 21:00"),
            "Pramp: Peer mock interview (Data Structures & Algorithms)", pramp, (att(USER, "ACCEPTED"),),
            description="Practice session with your peer, Alex. You'll each interview the other for 30 minutes. "
                        "Join: https://www.pramp.com/session/" + h("c241s", 12))
    s.mail("pramp_confirmed", "inbox", ics_mail(
        seed="c241", ev=ev, date=t("2026-11-15 11:00"), frm=pramp, to=[USER],
        subject="Your Pramp session is confirmed: Tue, Nov 17, 8:00 PM", prodid="-//Pramp//Sessions//EN",
        extra=unsubscribe("pramp.com", "c241"),
        body="Hi Jordan,\n\nYou're all set! Your practice interview (Data Structures & Algorithms) is on Tuesday, "
             "November 17 at 8:00 PM EST. Your peer has been matched.\n\nTip: review the question we sent you - "
             "you'll be the interviewer for the first half.\n\nThe Pramp team"))
    s.mail("pramp_feedback", "inbox", plain(
        seed="c241f", date=t("2026-11-17 21:10"), frm=pramp, to=[USER], style="ats", domain="pramp.com",
        extra=unsubscribe("pramp.com", "c241f"), subject="How did your practice interview go?",
        body="Please rate your peer and leave feedback - it only takes a minute.\n\nThe Pramp team"))
    due_runs(s, ev.end)
    return s


def c242() -> S:
    s = S("242_b4_interviewing_io_anonymous_mock_interview",
          "interviewing.io books an anonymous 'mock interview' (system design) with a senior engineer; the .ics "
          "comes from interviewing.io and names no company. Practice, not a job interview (B3 signals). No "
          "interview, no draft. Shape: hand-written (interviewing.io emails 'not found' in "
          f"{SHAPES} §17).",
          ["B4", "B3"])
    iio = P("interviewing.io", "hello@interviewing.io")
    ev = Ev("iio-" + h("c242", 20) + "@interviewing.io", t("2026-11-21 11:00"), t("2026-11-21 12:00"),
            "Mock interview: System Design (anonymous)", iio, (att(USER, "ACCEPTED"),),
            description="Anonymous mock interview with a senior engineer. Audio only; your interviewer will see "
                        "your handle, not your name. Feedback arrives after the session.\n"
                        "https://interviewing.io/mocks/" + h("c242m", 10))
    s.mail("iio_booked", "inbox", ics_mail(
        seed="c242", ev=ev, date=t("2026-11-14 19:45"), frm=iio, to=[USER],
        subject="Your mock interview is booked: System Design, Sat Nov 21 at 11:00 AM ET",
        prodid="-//interviewing.io//Mocks//EN", extra=unsubscribe("interviewing.io", "c242"),
        body="Hey Jordan,\n\nYour anonymous mock interview (System Design) is booked for Saturday, November 21 at "
             "11:00 AM ET. Your interviewer is a senior engineer at a large tech company.\n\n- the interviewing.io "
             "team"))
    due_runs(s, ev.end)
    return s


def c243() -> S:
    s = S("243_b4_friend_runs_mock_interview_google",
          "A friend who works at kestrelpay.com (an external company domain) sends a Google Calendar 'Mock "
          "interview - system design practice for Jordan' to help before a real onsite elsewhere; the description "
          "says he'll play the interviewer. Practice with a friend is not a job interview: Kestrel Pay is not "
          "hiring the user (B3 signals; 'mock', 'practice'). No interview, no draft. Shape: Google invitation per "
          f"{SHAPES} §12; wording hand-written.",
          ["B4", "B3"])
    sam = P("Sam Ortiz", "sam.ortiz@kestrelpay.com")
    ev = Ev(uid_google("c243"), t("2026-11-14 10:00"), t("2026-11-14 11:00"),
            "Mock interview - system design practice for Jordan", sam, (att(sam, "ACCEPTED"), att(USER)),
            description="Practice run before your real onsite next week. I'll play the interviewer and be mean about "
                        "capacity estimates :) Bring a whiteboard app.", conference=gmeet("c243"))
    s.mail("google_mock_interview", "inbox", google("c243", ev, t("2026-11-10 22:10")))
    due_runs(s, ev.end)
    return s


def c244() -> S:
    s = S("244_b4_interview_skills_workshop_eventbrite",
          "An Eventbrite order confirmation for a library career-services 'Interview Skills Workshop: Behavioral "
          "Questions & STAR' with an .ics (PUBLISH, no attendees). A workshop about interviewing: B4 'newsletters "
          "and articles about interviewing' in event form; the user is not a guest of a job interview (B3). No "
          "interview, no draft. Shape: hand-written (webinar/workshop invites 'not found' in "
          f"{SHAPES} §17).",
          ["B4", "B3"])
    eb = P("Eventbrite", "noreply@order.eventbrite.com")
    org = P("NYPL Career Services", "careerservices@nypl.org")
    ev = Ev("eb-" + h("c244", 20) + "@eventbrite.com", t("2026-11-18 18:00"), t("2026-11-18 19:30"),
            "Interview Skills Workshop: Behavioral Questions & STAR", org, (),
            description="Practice answering behavioral interview questions with the STAR method. Mock interviews "
                        "in pairs. Mid-Manhattan Library, 4th floor.", location="Mid-Manhattan Library, 455 Fifth Ave")
    s.mail("eventbrite_order", "inbox", ics_mail(
        seed="c244", ev=ev, date=t("2026-11-08 13:12"), frm=eb, to=[USER], method="PUBLISH", reply_to=org,
        subject="Your tickets for Interview Skills Workshop: Behavioral Questions & STAR",
        prodid="-//Eventbrite//Eventbrite Calendar//EN", domain="order.eventbrite.com",
        body="You're going to Interview Skills Workshop: Behavioral Questions & STAR\n\nOrder #" + str(int(h("c244o", 8), 16))
             + "\nWednesday, November 18, 2026 from 6:00 PM to 7:30 PM (EST)\nMid-Manhattan Library, 455 Fifth Ave\n"
             "1 x General Admission (Free)\n\nOrganized by NYPL Career Services\n\nAdd to calendar (attached)"))
    due_runs(s, ev.end)
    return s


def c245() -> S:
    s = S("245_b4_zoom_webinar_how_to_ace_your_interview",
          "A Zoom webinar registration confirmation 'How to Ace Your Interview' (from no-reply@zoom.us with the "
          "host's display name, List-Unsubscribe) with the event as text/calendar, then a reminder an hour before. "
          "A webinar about interviewing: B4 'newsletters and articles about interviewing'; not the user's "
          f"interview. No interview, no draft. Shape: Zoom invitation text per {SHAPES} §14; webinar confirmation "
          "wording hand-written (§17: 'webinar invites: not found').",
          ["B4", "B3"])
    host = P("CareerLift Academy", "no-reply@zoom.us")
    link = "https://us06web.zoom.us/w/89012233445?tk=" + h("c245t", 30)
    ev = Ev(f"ZOOMW{int(h('c245', 10), 16)}@zoom.us", t("2026-11-19 12:00"), t("2026-11-19 13:00"),
            "How to Ace Your Interview", P("CareerLift Academy", "webinars@careerlift.academy"), (),
            description=f"Webinar: How to Ace Your Interview\nJoin: {link}\nWebinar ID: 890 1223 3445",
            location=link)
    s.mail("zoom_webinar_confirmation", "inbox", ics_mail(
        seed="c245", ev=ev, date=t("2026-11-10 09:30"), frm=host, to=[USER], inline=True, method="PUBLISH",
        subject="How to Ace Your Interview Confirmation", prodid="-//zoom.us//iCalendar Event//EN",
        domain="zoom.us", extra=unsubscribe("zoom.us", "c245"),
        body="Hi Jordan,\n\nThank you for registering for \"How to Ace Your Interview\".\n\nPlease submit any "
             "questions to: webinars@careerlift.academy\n\nDate Time: Nov 19, 2026 12:00 PM Eastern Time (US and "
             f"Canada)\n\nJoin from PC, Mac, iPad, or Android: {link}\n\nWebinar ID: 890 1223 3445\n\n"
             "You can cancel your registration at any time."))
    s.mail("zoom_webinar_reminder", "inbox", plain(
        seed="c245r", date=t("2026-11-19 11:00"), frm=host, to=[USER], style="ats", domain="zoom.us",
        extra=unsubscribe("zoom.us", "c245r"), subject="Reminder: How to Ace Your Interview starts in 1 hour",
        body=f"Hi Jordan,\n\nThis is a reminder that \"How to Ace Your Interview\" will begin in 1 hour on Nov 19, "
             f"2026 12:00 PM Eastern Time (US and Canada).\n\nJoin: {link}"))
    due_runs(s, ev.end)
    return s


def c246() -> S:
    s = S("246_b4_career_fair_registration",
          "Registration for a career fair ('40+ employers hiring, on-the-spot interviews') with a PUBLISH .ics that "
          "lists no attendees, and a reminder the day before; both bulk mail with List-Unsubscribe. A career fair "
          "is an event, not a scheduled job interview with a counterpart (B3: the user is not a guest of an "
          f"invitation from an employer; B4 'job alerts'). No interview, no draft. Shape: hand-written ({SHAPES} "
          "§17: newsletters carry List-Unsubscribe).",
          ["B4", "B3"])
    expo = P("NYC Tech Career Expo", "events@techcareerexpo.com")
    ev = Ev("tce-" + h("c246", 20) + "@techcareerexpo.com", t("2026-11-12 10:00"), t("2026-11-12 15:00"),
            "NYC Tech Career Fair - Fall 2026", expo, (),
            description="Meet recruiters from 40+ companies hiring engineers, designers and PMs. Bring printed "
                        "resumes; many employers hold on-the-spot interviews.", location="Javits Center, Hall 1B")
    extra = unsubscribe("techcareerexpo.com", "c246") + [("Precedence", "bulk")]
    s.mail("fair_registration", "inbox", ics_mail(
        seed="c246", ev=ev, date=t("2026-11-02 08:00"), frm=expo, to=[USER], method="PUBLISH", extra=extra,
        subject="You're registered: NYC Tech Career Fair - Thursday, Nov 12", prodid="-//Tech Career Expo//EN",
        body="Hi Jordan,\n\nYou're registered for the NYC Tech Career Fair on Thursday, November 12, 10am-3pm at the "
             "Javits Center. 40+ employers are hiring - Acme Robotics, Lumen Health, Quarry Labs and more - with "
             "on-the-spot interviews.\n\nSee you there!\nNYC Tech Career Expo"))
    s.mail("fair_reminder", "inbox", plain(
        seed="c246r", date=t("2026-11-11 08:00"), frm=expo, to=[USER], style="ats", extra=extra,
        subject="Tomorrow: NYC Tech Career Fair - interview tips inside",
        body="Tomorrow's the day! Doors open at 10am. Five tips to stand out in an on-the-spot interview: ...\n\n"
             "NYC Tech Career Expo"))
    due_runs(s, ev.end)
    return s


# ================================================================== the user interviews others


def c247() -> S:
    me = P("Jordan Lee", "jordan.lee@brightpath.io")
    s = S("247_b4_b6_greenhouse_interviewer_invite_kit_scorecard",
          "The user (configured with the work address at brightpath.io, in own_domains) is an interviewer: the "
          "recruiting coordinator's Google Calendar event 'Interview: Alex Morgan for Senior Backend Engineer - "
          "Technical Deep Dive' carries the Greenhouse interview kit link and the scorecard request, with the "
          "Greenhouse scheduling address as a guest; Greenhouse later nags for the scorecard. B4 'the user is the "
          "interviewer (... every other attendee is inside own_domains)'; the candidate is not even a guest. No "
          f"interview, no draft. Shape: interviewer-side event with interview kit and scheduling address per "
          f"{SHAPES} §0 and §1 (support.greenhouse.io 201913110, 115002226826).",
          ["B4", "B6", "B1"], user={"email": me.email, "aliases": ["jordan.lee@gmail.com"],
                                    "own_domains": ["brightpath.io"]})
    nina = P("Nina Alvarez", "nina.alvarez@brightpath.io")
    gh = P("BrightPath Greenhouse Scheduler", "brightpath-scheduling@greenhouse.io")
    ev = Ev(uid_google("c247"), t("2026-11-12 14:00"), t("2026-11-12 15:00"),
            "Interview: Alex Morgan for Senior Backend Engineer - Technical Deep Dive", nina,
            (att(nina, "ACCEPTED"), att(me), att(gh, "ACCEPTED", cutype="RESOURCE", role="NON-PARTICIPANT")),
            description="Interviewer: Jordan Lee\nCandidate: Alex Morgan\nFocus: backend system design, data "
                        "modelling\n\nInterview kit: https://app.greenhouse.io/guides/" + h("c247k", 8) +
                        "/people/55120394?application_id=61200871\nPlease submit your scorecard within 24 hours.\n\n"
                        "(Private - do not forward to the candidate)", conference=gmeet("c247"))
    s.mail("interviewer_event", "inbox", google("c247", ev, t("2026-11-06 15:10"), to=[me]))
    s.mail("scorecard_reminder", "inbox", plain(
        seed="c247r", date=t("2026-11-13 09:00"), frm=P("Greenhouse", "no-reply@greenhouse.io"), to=[me],
        style="ats", domain="greenhouse.io", subject="Reminder: Please submit your scorecard for Alex Morgan",
        body="Hi Jordan,\n\nYour scorecard for Alex Morgan (Senior Backend Engineer - Technical Deep Dive) is due. "
             "Submit it here: https://app.greenhouse.io/scorecards/" + h("c247s", 8) + "\n\nGreenhouse"))
    due_runs(s, ev.end)
    return s


def c248() -> S:
    s = S("248_b4_b6_goodtime_interviewer_calendar_candidate_copied",
          "A GoodTime interviewer-side event from BrightPath's 'Interviewer Calendar' (a Google group calendar "
          "address, not at brightpath.io) to the user's work alias, itinerary naming the user as interviewer, with "
          "the candidate's personal address wrongly copied as a guest (an external attendee). The user is on the "
          "interviewing side: B4 'the user is the interviewer'; the role is at the user's own employer. No "
          "interview, no draft, and nothing to the candidate. Shape: GoodTime two-invite model and itinerary "
          f"variables per {SHAPES} §8; group-calendar organizer per §12; the copied candidate is the edge case "
          "named in §0.",
          ["B4", "B6"], user=EMPLOYER)
    cal = P("BrightPath Interviewer Calendar", "c_" + h("c248c", 26) + "@group.calendar.google.com")
    omar = P("Omar Diaz", "omar.diaz@brightpath.io")
    priya = P("Priya Nair", "priya.nair.eng@gmail.com")
    ev = Ev(uid_google("c248"), t("2026-11-17 11:00"), t("2026-11-17 12:30"),
            "Onsite: Priya Nair - Staff Engineer (Interviewer events)", cal,
            (att(WORK), att(omar, "ACCEPTED"), att(priya, "ACCEPTED")),
            description="Itinerary (shared with interviewers)\n11:00 AM - 11:45 AM  System Design - Jordan Lee, "
                        "Senior Engineer\n11:45 AM - 12:30 PM  Coding - Omar Diaz, Staff Engineer\n\nScorecards are "
                        "due the same day. Scheduled with GoodTime.", conference=gmeet("c248"))
    s.mail("goodtime_interviewer_event", "inbox", google("c248", ev, t("2026-11-10 10:00"), to=[WORK]))
    due_runs(s, ev.end)
    return s


def c249() -> S:
    me = P("Jordan Lee", "jordan.lee@brightpath.io")
    s = S("249_b4_debrief_hiring_committee_interviewer_training",
          "Three internal events at the user's employer (work address configured, own_domains brightpath.io): an "
          "Outlook 'Debrief: Alex Morgan - Senior Backend Engineer', a 'Hiring Committee: Staff Engineer "
          "candidates' and a Workday Learning enrollment for 'Interviewer Training: Structured Interviewing'. All "
          "B4 'internal meetings' and 'the user is the interviewer'. No interview, no draft. Shape: Exchange "
          f"requests per {SHAPES} §13; Workday sender per §4; wording hand-written.",
          ["B4", "B1"], user={"email": me.email, "own_domains": ["brightpath.io"]})
    nina, raj = P("Nina Alvarez", "nina.alvarez@brightpath.io"), P("Raj Mehta", "raj.mehta@brightpath.io")
    ev1 = Ev(uid_outlook("c249a"), t("2026-11-12 16:00"), t("2026-11-12 16:30"),
             "Debrief: Alex Morgan - Senior Backend Engineer", nina, (att(me), att(raj)),
             description="Interview debrief. Please submit scorecards before we meet.", location="Microsoft Teams Meeting",
             conference=teams("c249a"))
    s.mail("debrief", "inbox", outlook_to("c249a", ev1, t("2026-11-10 09:00"), [me, raj]))
    ev2 = Ev(uid_outlook("c249b"), t("2026-11-19 13:00"), t("2026-11-19 14:00"),
             "Hiring Committee: Staff Engineer candidates (Q4)", raj, (att(me), att(nina)),
             description="Review of the three Staff Engineer loops; hire / no-hire recommendations.",
             location="Conf Room Hudson (10)")
    s.mail("hiring_committee", "inbox", outlook_to("c249b", ev2, t("2026-11-13 11:00"), [me, nina]))
    ev3 = Ev("WD-" + h("c249c", 20) + "@myworkday.com", t("2026-11-23 10:00"), t("2026-11-23 11:30"),
             "Interviewer Training: Structured Interviewing", P("BrightPath Learning", "learning@brightpath.io"),
             (att(me),), description="Required before joining an interview loop.", location="Zoom")
    s.mail("workday_learning", "inbox", ics_mail(
        seed="c249c", ev=ev3, date=t("2026-11-14 07:00"), frm=P("BrightPath", "brightpath@myworkday.com"), to=[me],
        subject="Learning enrollment confirmed: Interviewer Training: Structured Interviewing",
        prodid="-//Workday Inc//Workday Calendar//EN", domain="myworkday.com",
        body="You have been enrolled in Interviewer Training: Structured Interviewing on Monday, November 23, 2026, "
             "10:00 AM - 11:30 AM EST. View it in Workday Learning."))
    quiet(s, *due_times(ev1.end), *due_times(ev2.end), *due_times(ev3.end))
    return s


def c250() -> S:
    s = S("250_b4_user_organizes_candidate_interview_no_own_domains",
          "A founder hiring from a personal Gmail (own_domains empty): the user's Google Calendar invitation "
          "'Interview: Alex Morgan - Founding Engineer' is in Sent, the candidate's 'Accepted:' reply and his "
          "thank-you after the interview are in the inbox. B4 'the user is the interviewer (organizer)' "
          "(B3: the user must be a guest, not the organizer). No interview, no draft. Shape: Google invitation and "
          f"RSVP reply per {SHAPES} §12.",
          ["B4", "B3"])
    alex = P("Alex Morgan", "alex.morgan.dev@gmail.com")
    ev = Ev(uid_google("c250"), t("2026-11-13 15:00"), t("2026-11-13 16:00"),
            "Interview: Alex Morgan - Founding Engineer", USER, (att(USER, "ACCEPTED"), att(alex)),
            description="Hi Alex - looking forward to it. We'll talk about your distributed systems work and do a "
                        "short pairing exercise.\n\nJordan", conference=gmeet("c250"))
    s.mail("user_invites_candidate", "sent", google("c250", ev, t("2026-11-09 10:00"), to=[alex]))
    s.mail("candidate_accepts", "inbox", itip_reply(seed="c250r", date=t("2026-11-09 11:15"), user=alex, ev=ev,
                                                    partstat="ACCEPTED", prodid=GOOGLE_PRODID))
    s.mail("candidate_thanks", "inbox", plain(
        seed="c250t", date=t("2026-11-13 17:20"), frm=alex, to=[USER],
        subject="Thank you - Founding Engineer interview",
        body="Hi Jordan,\n\nThank you for your time today. I enjoyed the pairing exercise and I'm excited about "
             "the Founding Engineer role. When do you expect to make a decision?\n\nBest,\nAlex"))
    due_runs(s, ev.end)
    return s


def c251() -> S:
    s = S("251_b4_b6_agency_schedules_user_as_hiring_manager",
          "A staffing agency recruiter (summittechstaffing.com, external) sends an Outlook request to the user's "
          "work alias and to her candidate: 'Interview: Alex Kim (candidate) with Jordan Lee, Hiring Manager - "
          "BrightPath Senior Backend Engineer'. The role is at the user's own employer (own_domains) and the user "
          "is named as the hiring manager: B4 'the user is the interviewer', even though the organizer and the "
          "other guest are outside own_domains. No interview, no draft, nothing to the agency or the candidate. "
          f"Shape: Exchange request with Teams block per {SHAPES} §13 and §15; agency wording hand-written.",
          ["B4", "B6"], user=EMPLOYER)
    kelly = P("Kelly Nguyen", "kelly.nguyen@summittechstaffing.com")
    cand = P("Alex Kim", "alexkim.codes@gmail.com")
    ev = Ev(uid_outlook("c251"), t("2026-11-18 10:00"), t("2026-11-18 11:00"),
            "Interview: Alex Kim (candidate) with Jordan Lee, Hiring Manager - BrightPath Senior Backend Engineer",
            kelly, (att(WORK), att(cand)),
            description="Hi Jordan,\n\nAs discussed, here is the first-round interview with Alex Kim for your Senior "
                        "Backend Engineer opening. His resume is attached in our portal. Please send me your "
                        "feedback after the interview so I can update him.\n\nKelly Nguyen\nSenior Technical "
                        "Recruiter, Summit Tech Staffing", location="Microsoft Teams Meeting", conference=teams("c251"))
    s.mail("agency_invite", "inbox", outlook_to("c251", ev, t("2026-11-12 14:30"), [WORK, cand]))
    due_runs(s, ev.end)
    return s


# ================================================================== newsletters, alerts, marketing


def c252() -> S:
    s = S("252_b4_linkedin_job_alert_and_interview_article",
          "LinkedIn mail over two weeks: a saved-search job alert naming companies and 'actively interviewing', a "
          "LinkedIn News article '5 questions to ask in your next interview', and 'your application was viewed'. "
          "B4 'newsletters and articles about interviewing; job alerts'; no invitation, no scheduled interview. "
          f"No interview, no draft. Shape: LinkedIn job-alert facts per {SHAPES} §17 (premium.linkedin.com FAQ); "
          "List-Unsubscribe per §17's heuristics; text hand-written.",
          ["B4", "B15"])
    for i, (day, frm, subject, body) in enumerate((
            ("2026-11-09 06:00", P("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com"),
             "\"data engineer\": Lumen Health - Senior Data Engineer and 12 more jobs in New York",
             ("Your job alert for data engineer in New York\n\nSenior Data Engineer - Lumen Health - New York, NY\n"
             "Actively recruiting - interviewing now\n\nData Engineer II - Quarry Labs - Remote\n\nSee all jobs")),
            ("2026-11-10 07:30", P("LinkedIn News", "editors-noreply@linkedin.com"),
             "5 questions to ask in your next interview",
             ("Top story: 5 questions to ask in your next interview. Ask the hiring manager 'When do you expect to "
             "make a decision?' and send a thank-you within 24 hours. Plus: how to follow up after a final round.")),
            ("2026-11-12 12:15", P("LinkedIn", "jobs-listings@linkedin.com"),
             "Jordan, your application was viewed by Lumen Health",
             ("Your application for Senior Data Engineer was viewed by Lumen Health. Prepare for your interview with "
             "LinkedIn Learning's 'Interviewing for tech roles' course.")))):
        s.mail(f"linkedin_{i}", "inbox", plain(
            seed=f"c252{i}", date=t(day), frm=frm, to=[USER], style="ats", domain="linkedin.com",
            extra=unsubscribe("linkedin.com", f"c252{i}"), subject=subject, body=body))
    quiet(s, t("2026-11-10 12:00"), t("2026-11-12 13:00"), t("2026-11-13 09:00"), t("2026-11-24 09:00"))
    return s


def c253() -> S:
    s = S("253_b4_indeed_and_glassdoor_interview_content",
          "Indeed's career-guide newsletter ('Interview tips: how to answer \"Tell me about yourself\"'), an Indeed "
          "job alert with 'Hiring event: interviews on the spot', and a Glassdoor digest 'Interview questions at "
          "Acme Robotics' that names a company, a role and an interview date (someone else's review). All B4 "
          "'newsletters and articles about interviewing; job alerts'. No interview, no draft. Shape: hand-written "
          f"({SHAPES} §17: 'Glassdoor/Indeed interview tips mail text: not found'), List-Unsubscribe per §17.",
          ["B4", "B3"])
    mails = (
        ("2026-11-11 07:00", P("Indeed Career Guide", "no-reply@indeed.com"), "indeed.com",
         "Interview tips: how to answer \"Tell me about yourself\"",
         ("This week in the Career Guide: interview tips for your phone screen, what to wear to an onsite interview, "
         "and a thank-you note template to send after your interview.")),
        ("2026-11-12 06:30", P("Indeed", "alert@indeed.com"), "indeed.com",
         "12 new backend engineer jobs in New York, NY",
         ("Backend Engineer - Acme Robotics - New York, NY - Hiring event: interviews on the spot, Tuesday Nov 17 "
         "10am-2pm\nPlatform Engineer - Kitsune Labs - Remote - Responds within 3 days")),
        ("2026-11-13 08:45", P("Glassdoor", "noreply@glassdoor.com"), "glassdoor.com",
         "Interview questions at Acme Robotics",
         ("New interview review: Backend Engineer at Acme Robotics (New York, NY). 'I interviewed on November 10. "
         "Recruiter call, then a technical interview with two engineers and a final round with the hiring "
         "manager. They told me I'd hear back within a week.'")),
    )
    for i, (day, frm, dom, subject, body) in enumerate(mails):
        s.mail(f"bulk_{i}", "inbox", plain(seed=f"c253{i}", date=t(day), frm=frm, to=[USER], style="ats", domain=dom,
                                           extra=unsubscribe(dom, f"c253{i}"), subject=subject, body=body))
    quiet(s, t("2026-11-12 09:00"), t("2026-11-13 10:00"), t("2026-11-17 15:00"), t("2026-11-20 09:00"),
          t("2026-11-26 09:00"))
    return s


def c254() -> S:
    s = S("254_b4_marketing_interview_reminder_with_publish_ics",
          "Marketing that reads like an interview reminder: 'Reminder: your FREE FAANG interview masterclass starts "
          "tomorrow' with a PUBLISH .ics (no attendees, organizer a marketing address), and 'Your mock interview is "
          "waiting - 50% off' from an AI interview-prep app; both bulk with List-Unsubscribe. B4 'newsletters ... "
          "about interviewing'; the user is not a guest of any event (B3). No interview, no draft. Shape: "
          f"hand-written; List-Unsubscribe per {SHAPES} §17.",
          ["B4", "B3"])
    lp = P("Interview Launchpad", "events@interviewlaunchpad.com")
    ev = Ev("ilp-" + h("c254", 20) + "@interviewlaunchpad.com", t("2026-11-17 20:00"), t("2026-11-17 21:30"),
            "FREE Masterclass: Crack the FAANG Interview", lp, (),
            description="Live masterclass with a former hiring manager: system design, behavioral rounds and "
                        "negotiation. Join: https://interviewlaunchpad.com/live/" + h("c254l", 8))
    s.mail("masterclass_reminder", "inbox", ics_mail(
        seed="c254", ev=ev, date=t("2026-11-16 18:00"), frm=lp, to=[USER], method="PUBLISH",
        extra=unsubscribe("interviewlaunchpad.com", "c254") + [("Precedence", "bulk")],
        subject="Reminder: your FREE FAANG interview masterclass starts tomorrow at 8 PM",
        prodid="-//Interview Launchpad//Webinars//EN",
        body="Hi Jordan,\n\nYour seat is saved! Tomorrow at 8 PM ET: Crack the FAANG Interview. Add it to your "
             "calendar (attached) so you don't miss it.\n\nTeam Interview Launchpad"))
    s.mail("ai_prep_promo", "inbox", plain(
        seed="c254b", date=t("2026-11-18 10:00"), frm=P("Final Rehearsal", "hello@finalrehearsal.ai"), to=[USER],
        style="ats", extra=unsubscribe("finalrehearsal.ai", "c254b"),
        subject="Your mock interview is waiting - 50% off this week",
        body="Jordan, your next interview could be the one. Practice with our AI interviewer tonight and get "
             "instant feedback on your answers. Offer ends Friday."))
    due_runs(s, ev.end)
    return s


def c255() -> S:
    s = S("255_b4_b2_friend_talks_about_their_own_onsite",
          "A friend forwards an article 'How I prepared for my final round interview' and says her own onsite is "
          "Thursday; the user's reply in Sent says 'Good luck at your onsite on Thursday, November 19 at 10am!'. "
          "Someone else's interview, stated with a date and time in the user's sent mail: B2 tracks only the "
          "user's own interviews (B3 'a job interview for the user'); B4 'articles about interviewing'. No "
          "interview, no draft. Shape: hand-written.",
          ["B4", "B2", "B3"])
    kim = P("Kim Tran", "kim.tran88@gmail.com")
    fwd = s.mail("friend_forwards", "inbox", plain(
        seed="c255a", date=t("2026-11-16 21:00"), frm=kim, to=[USER],
        subject="Fwd: How I prepared for my final round interview",
        body="This helped me a lot - my onsite at Orbitly is Thursday at 10am, wish me luck!!\n\n---------- "
             "Forwarded message ---------\nFrom: The Pragmatic Candidate <hello@pragmaticcandidate.com>\nSubject: "
             "How I prepared for my final round interview\n\nFive things I did the week before my final round..."))
    s.mail("user_wishes_luck", "sent", plain(
        seed="c255b", date=t("2026-11-16 21:30"), frm=USER, to=[kim], in_reply_to=fwd,
        subject="Re: Fwd: How I prepared for my final round interview",
        body="Thanks for sharing! Good luck at your onsite on Thursday, November 19 at 10am - you'll crush the "
             "interview. Call me after?\n\nJ"))
    due_runs(s, t("2026-11-19 12:00"))
    return s


# ================================================================== personal appointments and business meetings


def c256() -> S:
    s = S("256_b4_doctor_zocdoc_and_dentist_reminder",
          "A Zocdoc appointment confirmation with an .ics ('Appointment with Dr. Elena Ruiz, MD') and a dental "
          "office's plain reminder with 'Reply C to confirm'. B4 'personal appointments'. No interview, no draft. "
          "Shape: hand-written (clinic reminders are not in the research file).",
          ["B4", "B3"])
    z = P("Zocdoc", "no-reply@zocdoc.com")
    ev = Ev("zd-" + h("c256", 20) + "@zocdoc.com", t("2026-11-16 08:30"), t("2026-11-16 09:00"),
            "Appointment with Dr. Elena Ruiz, MD (Primary Care)", z, (att(USER, "ACCEPTED"),),
            description="Annual physical. Chelsea Medical Associates, 210 W 23rd St, Suite 4. Please arrive 15 "
                        "minutes early with your insurance card.", location="210 W 23rd St, Suite 4, New York, NY")
    s.mail("zocdoc_confirmation", "inbox", ics_mail(
        seed="c256", ev=ev, date=t("2026-11-02 20:00"), frm=z, to=[USER], subject="Your appointment is confirmed",
        prodid="-//Zocdoc//Appointments//EN",
        body="Your appointment is confirmed.\n\nDr. Elena Ruiz, MD - Primary Care\nMonday, November 16, 8:30 AM\n"
             "Chelsea Medical Associates\n\nAdd to calendar (attached)."))
    s.mail("dentist_reminder", "inbox", plain(
        seed="c256b", date=t("2026-11-17 07:00"), frm=P("Park Slope Family Dental", "reminders@parkslopedental.com"),
        to=[USER], style="ats", subject="Reminder: appointment Wed Nov 18 at 4:00 PM",
        body="Hi Jordan, this is a reminder of your appointment with Dr. Kaplan on Wednesday, November 18 at 4:00 PM. "
             "Reply C to confirm or call (718) 555-0122 to reschedule."))
    quiet(s, *due_times(ev.end), *due_times(t("2026-11-18 17:00")))
    return s


def c257() -> S:
    s = S("257_b4_vet_and_haircut_appointments",
          "A vet clinic's reminder for the user's dog with an .ics, and a Square Appointments booking 'Haircut "
          "with Marco' arriving as a Google Calendar invitation from the barbershop. B4 'personal appointments'. "
          f"No interview, no draft. Shape: Google invitation per {SHAPES} §12; vet mail hand-written.",
          ["B4", "B3"])
    vet = P("Riverside Animal Hospital", "no-reply@petdesk.com")
    ev = Ev("pd-" + h("c257", 20) + "@petdesk.com", t("2026-11-14 10:00"), t("2026-11-14 10:30"),
            "Biscuit - annual vaccines (Riverside Animal Hospital)", vet, (att(USER, "ACCEPTED"),),
            description="Patient: Biscuit (canine). Doctor: Dr. Amy Lin. Please bring a stool sample.",
            location="Riverside Animal Hospital, 250 W 100th St")
    s.mail("vet_reminder", "inbox", ics_mail(
        seed="c257", ev=ev, date=t("2026-11-07 09:00"), frm=vet, to=[USER], domain="petdesk.com",
        subject="Appointment reminder for Biscuit - Sat, Nov 14 at 10:00 AM", prodid="-//PetDesk//Reminders//EN",
        body="Biscuit has an appointment at Riverside Animal Hospital on Saturday, November 14 at 10:00 AM with "
             "Dr. Amy Lin. Tap to confirm."))
    marco = P("Fade Society Barbers", "bookings@fadesociety.nyc")
    ev2 = Ev(uid_google("c257b"), t("2026-11-19 18:00"), t("2026-11-19 18:45"), "Haircut with Marco", marco,
             (att(marco, "ACCEPTED"), att(USER)),
             description="Booked via Square Appointments. Cancel or reschedule up to 24 hours before.",
             location="Fade Society, 88 Orchard St")
    s.mail("haircut_booking", "inbox", google("c257b", ev2, t("2026-11-12 13:00")))
    quiet(s, *due_times(ev.end), *due_times(ev2.end))
    return s


def c258() -> S:
    s = S("258_b4_financial_advisor_meeting_and_car_service",
          "An Outlook 'Annual review meeting' from a Senior Financial Advisor at an external firm (about a 401(k) "
          "rollover after the user's job change, with a 'we'll follow up by December 4' line), and a dealership's "
          "service-appointment confirmation with an .ics. B4 'personal appointments'; the advisor's firm is an "
          "external company domain but nothing says job interview (B3). No interview, no draft. Shape: Exchange "
          f"request per {SHAPES} §13; dealership mail hand-written.",
          ["B4", "B3"])
    adv = P("Whitaker, Laura", "laura.whitaker@meridianwealth.com")
    ev = Ev(uid_outlook("c258"), t("2026-11-20 16:00"), t("2026-11-20 17:00"), "Annual review meeting - Jordan Lee",
            adv, (att(USER),),
            description="Hi Jordan,\n\nLooking forward to our annual review. We'll go over the 401(k) rollover from "
                        "your previous employer and your goals for next year; I'll follow up with the paperwork by "
                        "December 4.\n\nLaura Whitaker, CFP\nSenior Financial Advisor, Meridian Wealth Partners",
            location="Meridian Wealth Partners, 600 Lexington Ave, 12th floor")
    s.mail("advisor_meeting", "inbox", outlook("c258", ev, t("2026-11-11 10:00")))
    dealer = P("Hudson Honda Service", "service@hudsonhonda.com")
    ev2 = Ev("xt-" + h("c258b", 20) + "@xtime.com", t("2026-11-23 08:00"), t("2026-11-23 10:00"),
             "Service appointment: 2019 Honda CR-V - 30,000 mile service", dealer, (att(USER, "ACCEPTED"),),
             description="Advisor: Tony B. Shuttle available.", location="Hudson Honda, 1 Route 17, Paramus NJ")
    s.mail("car_service", "inbox", ics_mail(
        seed="c258b", ev=ev2, date=t("2026-11-16 12:00"), frm=dealer, to=[USER], domain="xtime.com",
        subject="Service appointment confirmation - Mon, Nov 23, 8:00 AM", prodid="-//Xtime//Scheduler//EN",
        body="Thank you for scheduling service with Hudson Honda. Monday, November 23, 8:00 AM. Service advisor: "
             "Tony B."))
    quiet(s, *due_times(ev.end), *due_times(ev2.end))
    return s


def c259() -> S:
    me = P("Jordan Lee", "jordan.lee@brightpath.io")
    s = S("259_b4_internal_meetings_mention_interview_loop",
          "The user's configured address is at the employer (own_domains brightpath.io): an Outlook 'Hiring sync: "
          "interview loop for the Data Engineer role' from the manager, and a Google Calendar '1:1 Jordan / Tasha' "
          "whose agenda has 'interview feedback for the candidates this week'. B4 'internal meetings' (every other "
          "attendee inside own_domains). No interview, no draft. Shape: Exchange and Google invitations per "
          f"{SHAPES} §12-13; wording hand-written.",
          ["B4", "B1"], user={"email": me.email, "own_domains": ["brightpath.io"]})
    tasha, raj = P("Tasha Green", "tasha.green@brightpath.io"), P("Raj Mehta", "raj.mehta@brightpath.io")
    ev = Ev(uid_outlook("c259a"), t("2026-11-10 11:00"), t("2026-11-10 11:30"),
            "Hiring sync: interview loop for the Data Engineer role", tasha, (att(me), att(raj)),
            description="Agenda: who takes which interview in the loop, the phone screen rubric, the final round "
                        "with the hiring manager.", location="Microsoft Teams Meeting", conference=teams("c259a"))
    s.mail("hiring_sync", "inbox", outlook_to("c259a", ev, t("2026-11-05 09:00"), [me, raj]))
    ev2 = Ev(uid_google("c259b"), t("2026-11-12 15:00"), t("2026-11-12 15:30"), "1:1 Jordan / Tasha", tasha,
             (att(tasha, "ACCEPTED"), att(me)),
             description="Agenda: Q4 goals; interview feedback for the candidates this week.", conference=gmeet("c259b"))
    s.mail("one_on_one", "inbox", google("c259b", ev2, t("2026-11-05 09:05"), to=[me]))
    quiet(s, *due_times(ev.end), *due_times(ev2.end))
    return s


def c260() -> S:
    s = S("260_b4_b3_sales_demo_and_investor_meeting",
          "Two external business meetings with company domains and follow-up wording: a vendor's account "
          "executive books a 'Quartzline product demo - BrightPath' (HubSpot Meetings style Google invitation to the "
          "user's work alias) and later 'checks in on your decision'; a venture associate sends 'Jordan Lee <> "
          "Foundry Ventures - partner meeting' and writes 'we'll get back to you within two weeks'. Neither is a "
          "job interview (B3: the signals must say job interview; the user is the buyer / the founder). No "
          f"interview, no draft. Shape: Google invitations per {SHAPES} §12; wording hand-written.",
          ["B4", "B3"], user=EMPLOYER)
    ae = P("Tyler Brooks", "tyler.brooks@quartzline.io")
    ev = Ev(uid_google("c260a"), t("2026-11-10 13:00"), t("2026-11-10 13:45"), "Quartzline product demo - BrightPath",
            ae, (att(ae, "ACCEPTED"), att(WORK)),
            description="Discovery call and live demo of Quartzline's observability suite: pricing, security review "
                        "and next steps.\n\nTyler Brooks\nAccount Executive, Quartzline", conference=gmeet("c260a"))
    s.mail("demo_invite", "inbox", google("c260a", ev, t("2026-11-04 16:00"), to=[WORK]))
    s.mail("ae_checks_in", "inbox", plain(
        seed="c260b", date=t("2026-11-18 09:30"), frm=ae, to=[WORK], subject="Following up on our demo",
        body="Hi Jordan,\n\nThanks again for your time last week. Any update on your decision? Happy to set up a "
             "trial.\n\nTyler"))
    assoc = P("Nadia Osei", "nadia@foundryventures.vc")
    ev2 = Ev(uid_google("c260c"), t("2026-11-13 10:00"), t("2026-11-13 11:00"),
             "Jordan Lee <> Foundry Ventures - partner meeting", assoc, (att(assoc, "ACCEPTED"), att(USER)),
             description="Partner meeting to hear the pitch for your routing startup. Deck and data room link "
                         "welcome.", location="Foundry Ventures, 20 W 22nd St")
    s.mail("investor_invite", "inbox", google("c260c", ev2, t("2026-11-06 12:00")))
    s.mail("investor_after", "inbox", plain(
        seed="c260d", date=t("2026-11-13 16:00"), frm=assoc, to=[USER], subject="Thanks for coming in",
        body="Hi Jordan,\n\nThanks for the pitch today - the partners enjoyed it. We'll get back to you within two "
             "weeks.\n\nNadia Osei\nAssociate, Foundry Ventures"))
    quiet(s, *due_times(ev.end), *due_times(ev2.end), t("2026-11-28 09:00"))
    return s


def c261() -> S:
    s = S("261_b4_b3_talent_platform_demo_from_hr_tech_sales",
          "An HR-tech salesperson books 'TalentLoop demo: structured interviews & candidate scheduling for "
          "BrightPath' with the user's work alias (own_domains brightpath.io): the invitation is full of recruiting "
          "words (interview, candidate, hiring, recruiter, talent), from an external company domain, and the AE "
          "follows up 'by December 4'. A vendor call, not a job interview: the user is evaluating software for "
          "their employer (B3: words about recruiting are not a job interview for the user). No interview, no "
          f"draft. Shape: Google invitation per {SHAPES} §12; wording hand-written.",
          ["B4", "B3"], user=EMPLOYER)
    ae = P("Dominic Reyes | TalentLoop", "dominic.reyes@talentloop.io")
    ev = Ev(uid_google("c261"), t("2026-11-17 14:00"), t("2026-11-17 14:45"),
            "TalentLoop demo: structured interviews & candidate scheduling for BrightPath", ae,
            (att(ae, "ACCEPTED"), att(WORK)),
            description="Agenda:\n- How TalentLoop automates interview scheduling for your recruiters\n- Candidate "
                        "experience and hiring analytics\n- Pricing for 50 hiring managers\n\nDominic Reyes\n"
                        "Account Executive, TalentLoop - the talent platform for fast-growing teams",
            conference=gmeet("c261"))
    s.mail("talentloop_demo", "inbox", google("c261", ev, t("2026-11-11 11:00"), to=[WORK]))
    s.mail("ae_follow_up", "inbox", plain(
        seed="c261b", date=t("2026-11-18 10:00"), frm=ae, to=[WORK], subject="TalentLoop - next steps for BrightPath",
        body="Hi Jordan,\n\nGreat to meet you yesterday! I'll send the proposal by December 4 so your hiring team "
             "can decide before the new year.\n\nDominic Reyes\nAccount Executive, TalentLoop"))
    due_runs(s, ev.end)
    quiet(s, t("2026-12-07 09:00"))
    return s


# ================================================================== declined, or the user organizes


def c262() -> S:
    s = S("262_b3_declined_by_outlook_reply_in_sent",
          "A real job interview invitation (Outlook/Teams from a recruiter at ferrous.io with an interviewer) that "
          "the user declined from Outlook: the 'Declined: <title>' iTIP REPLY (PARTSTAT=DECLINED) is in Sent, with "
          "the user's note that they accepted another offer. B3 'the user has not declined (... or a REPLY the "
          "user sent)'. No interview, no thank-you, no follow-up. Shape: Exchange request and 'Declined:' reply "
          f"subject prefix per {SHAPES} §13.",
          ["B3"])
    luis = P("Ortega, Luis", "luis.ortega@ferrous.io")
    mae = P("Mae Sullivan", "mae.sullivan@ferrous.io")
    ev = Ev(uid_outlook("c262"), t("2026-11-16 14:00"), t("2026-11-16 15:00"), "Interview: Platform Engineer - Jordan Lee",
            luis, (att(USER), att(mae)),
            description="Technical interview for the Platform Engineer role at Ferrous with Mae Sullivan (Staff "
                        "Engineer).\n\nLuis Ortega\nTechnical Recruiter, Ferrous", location="Microsoft Teams Meeting",
            conference=teams("c262"))
    s.mail("outlook_invitation", "inbox", outlook("c262", ev, t("2026-11-09 10:00")))
    s.mail("user_declines", "sent", outlook_reply(seed="c262r", date=t("2026-11-10 19:12"), frm=USER, ev=ev,
                                                  partstat="DECLINED"))
    s.mail("user_withdraws", "sent", plain(
        seed="c262w", date=t("2026-11-10 19:15"), frm=USER, to=[P("Luis Ortega", luis.email)],
        subject="Withdrawing - Platform Engineer",
        body="Hi Luis,\n\nThank you for the invitation. I've accepted another offer, so I'm withdrawing from the "
             "process and have declined the interview. I appreciate your time.\n\nBest,\nJordan"))
    due_runs(s, ev.end)
    return s


def c263() -> S:
    s = S("263_b3_updated_invitation_carries_users_decline",
          "A Google Calendar interview invitation, then the organizer's 'Updated invitation with note:' (same UID, "
          "SEQUENCE 1) whose ATTENDEE line for the user says PARTSTAT=DECLINED (the user declined in Google "
          "Calendar; no REPLY mail exists in this mailbox). B3 'the user has not declined (PARTSTAT ...)'; the "
          "higher SEQUENCE wins (B2). No interview, no draft. Shape: Google 'Updated invitation with note:' subject "
          f"and SEQUENCE semantics per {SHAPES} §12.",
          ["B3", "B2"])
    ivy = P("Ivy Brennan", "ivy.brennan@copperleaf.ai")
    ken = P("Ken Adeyemi", "ken.adeyemi@copperleaf.ai")
    base = {"uid": uid_google("c263"), "start": t("2026-11-18 11:00"), "end": t("2026-11-18 12:00"),
                "summary": "Copperleaf AI - ML Engineer interview (Jordan Lee)", "organizer": ivy,
                "description": "Interview for the ML Engineer role with Ken Adeyemi (ML Lead).", "conference": gmeet("c263")}
    ev0 = Ev(attendees=(att(ivy, "ACCEPTED"), att(ken, "ACCEPTED"), att(USER)), **base)
    s.mail("google_invitation", "inbox", google("c263", ev0, t("2026-11-10 09:00")))
    ev1 = Ev(attendees=(att(ivy, "ACCEPTED"), att(ken, "ACCEPTED"), att(USER, "DECLINED")), sequence=1, **base)
    s.mail("google_update_user_declined", "inbox", google(
        "c263u", ev1, t("2026-11-12 16:30"),
        subject="Updated invitation with note: Copperleaf AI - ML Engineer interview (Jordan Lee) @ Wed Nov 18, 2026 "
                "11am - 12pm (EST) (jordan.lee@gmail.com)"))
    due_runs(s, ev0.end)
    return s


def c264() -> S:
    alias = P("Jordan Lee", "jordan.lee@outlook.com")
    s = S("264_b4_b1_user_organizes_freelancer_interview_outlook",
          "The user hires a freelance designer for a side business from their Outlook.com alias: the Outlook "
          "meeting request 'Interview: Sam Patel - Product Designer (contract)' is in Sent (organizer = the alias), "
          "the designer (external domain) accepts. B4 'the user is the interviewer (organizer)'; B1 aliases are "
          f"the user. No interview, no draft. Shape: Exchange request and 'Accepted:' reply per {SHAPES} §13.",
          ["B4", "B1"], user={"aliases": [alias.email]})
    sam = P("Sam Patel", "sam@sampatel.design")
    ev = Ev(uid_outlook("c264"), t("2026-11-19 17:00"), t("2026-11-19 17:45"),
            "Interview: Sam Patel - Product Designer (contract)", alias, (att(sam),),
            description="Hi Sam, let's talk about your portfolio and the booking-flow redesign. - Jordan",
            location="Microsoft Teams Meeting", conference=teams("c264"))
    s.mail("user_request_in_sent", "sent", outlook_to("c264", ev, t("2026-11-13 08:00"), [sam]))
    s.mail("designer_accepts", "inbox", outlook_reply(seed="c264r", date=t("2026-11-13 09:30"), frm=sam, ev=ev,
                                                      partstat="ACCEPTED"))
    due_runs(s, ev.end)
    return s


# ================================================================== near-miss positives (real job interviews)


def c265() -> S:
    s = S("265_b3_b4_b6_b14_b17_user_research_manager_final_round",
          "NEAR-MISS POSITIVE. A real final round for a 'User Research Manager' role at Fernwood Health: the title "
          "says 'User Research' and the description talks about customer interviews, usability studies, "
          "participants and incentives because that is the job. B4's research rule is about research sessions "
          "the user takes part in or runs, not a job interview for a research role. The recruiter organizes "
          "without attending (B6: not an interviewer; contact), two panelists get thank-yous, the default "
          "decision date applies (Nov 19 + 7 business days = Nov 30) and the follow-up on Dec 1 replies to the "
          f"recruiter's scheduling mail (B17). Shape: recruiter mail + Google invitation per {SHAPES} §0 channel 2 "
          "and §12.",
          ["B3", "B4", "B6", "B14", "B17", "B8", "B9"])
    tessa = P("Tessa Morgan", "tessa.morgan@fernwoodhealth.com")
    omar, lucy = P("Omar Haddad", "omar.haddad@fernwoodhealth.com"), P("Lucy Chen", "lucy.chen@fernwoodhealth.com")
    sched = s.mail("recruiter_schedules", "inbox", plain(
        seed="c265a", date=t("2026-11-12 10:20"), frm=tessa, to=[USER],
        subject="Final round - User Research Manager, Fernwood Health",
        body="Hi Jordan,\n\nThe team loved your portfolio! Your final round for the User Research Manager role is "
             "on Thursday, November 19, 1:00-3:00 PM ET. You'll present a research study you led (30 minutes) to "
             "Omar Haddad (Director of Design) and Lucy Chen (Principal UX Researcher); they'll ask how you plan "
             "customer interviews, recruit participants and handle incentives.\n\nCalendar invitation to follow.\n\n"
             "Tessa Morgan\nSenior Recruiter, Fernwood Health"))
    ev = Ev(uid_google("c265"), t("2026-11-19 13:00"), t("2026-11-19 15:00"),
            "User Research Manager - Final Round (Jordan Lee)", tessa,
            (att(omar, "ACCEPTED"), att(lucy, "ACCEPTED"), att(USER)),
            description="Research presentation + panel for the User Research Manager role at Fernwood Health. "
                        "Please prepare a 20-minute case study of a usability study or user interview program you "
                        "led.", conference=gmeet("c265"))
    s.mail("google_invitation", "inbox", google("c265", ev, t("2026-11-12 10:30")))
    decision = plus_bdays(date(2026, 11, 19), 7)
    s.run(t("2026-11-19 12:30"), total=0, interviews=1)
    s.run(t("2026-11-19 15:30"), [thanks(omar.email, "Omar", "User Research Manager", "Fernwood Health"),
                                  thanks(lucy.email, "Lucy", "User Research Manager", "Fernwood Health")],
          total=2, interviews=1,
          interview=[{"match": "Fernwood Health", "company": "Fernwood Health", "role": "User Research Manager",
                      "interviewers": [lucy.email, omar.email], "contact": tessa.email}])
    s.run(t("2026-11-20 09:00"), total=2, decision={"Fernwood Health": decision.isoformat()},
          interview=[{"match": "Fernwood Health", "decision_source": "default"}])
    s.run(at(decision, "17:00"), total=2)
    s.run(at(decision + timedelta(days=1)), [("follow_up", tessa.email, {"in_reply_to": sched})], total=3)
    return s


def c266() -> S:
    s = S("266_b3_b4_b6_b12_b16_final_round_podcast_team_los_angeles",
          "NEAR-MISS POSITIVE (user in America/Los_Angeles). A Google invitation titled 'Final round - Jordan Lee / "
          "Senior Data Engineer' (no word 'interview') from the hiring manager at Larkspur Audio, whose "
          "description says the user will meet 'Bea Santos from our podcast team'. 'Final round' is a B3 signal; "
          "B4's media rule is about the user giving a podcast interview, not a company that makes podcasts. The "
          "organizer attends with no recruiter mark, so both are interviewers (B6) and he is the contact. The user "
          "sends his thank-you; his later mail says 'a decision by Friday, November 20' (B12/B16: a new timeline), "
          "so the follow-up comes on Nov 21 as a reply to that mail. Shape: Google invitation per "
          f"{SHAPES} §12.",
          ["B3", "B4", "B6", "B12", "B16", "B17", "B1", "B8", "B9"], user={"timezone": "America/Los_Angeles"})
    reza = P("Reza Karimi", "reza.karimi@larkspuraudio.com")
    bea = P("Bea Santos", "bea.santos@larkspuraudio.com")
    ev = Ev(uid_google("c266"), t("2026-11-12 10:00", LA), t("2026-11-12 11:30", LA),
            "Final round - Jordan Lee / Senior Data Engineer", reza,
            (att(reza, "ACCEPTED"), att(bea, "ACCEPTED"), att(USER)),
            description="Hi Jordan,\n\nFor the final round you'll meet me and Bea Santos from our podcast team - she "
                        "owns the listening-data pipelines this Senior Data Engineer role would support. We'll do a "
                        "pipeline design exercise and talk about your Airflow work.\n\nReza Karimi\nHead of Data "
                        "Engineering, Larkspur Audio", conference=gmeet("c266"))
    s.mail("google_invitation", "inbox", google("c266", ev, t("2026-11-05 14:00", LA)))
    s.run(t("2026-11-12 10:30", LA), total=0, interviews=1)
    s.run(t("2026-11-12 11:45", LA), [thanks(reza.email, "Reza", "Larkspur Audio"), thanks(bea.email, "Bea", "Larkspur Audio")],
          total=2, interviews=1,
          interview=[{"match": "Larkspur Audio", "company": "Larkspur Audio", "role": "Senior Data Engineer",
                      "interviewers": [bea.email, reza.email], "contact": reza.email}])
    s.user("send_draft", "thank_you", reza.email)
    nxt = s.mail("manager_timeline", "inbox", plain(
        seed="c266b", date=t("2026-11-13 10:00", LA), frm=reza, to=[USER], subject="Next steps",
        body="Hi Jordan,\n\nThanks for your note, and for the great session yesterday. The team meets on Tuesday and "
             "we'll have a decision for you by Friday, November 20.\n\nReza"))
    s.run(t("2026-11-13 11:00", LA), total=1, decision={"Larkspur Audio": "2026-11-20"})
    s.run(t("2026-11-20 17:00", LA), total=1)
    s.run(t("2026-11-21 09:00", LA), [("follow_up", reza.email, {"in_reply_to": nxt})], total=2)
    return s


def c267() -> S:
    s = S("267_b3_b4_b6_b9_b17_recruiter_calendly_at_hr_tech_company",
          "NEAR-MISS POSITIVE. A recruiter at TalentLoop (an HR-tech company that sells a 'talent platform') books "
          "a phone screen for the Mid-Market Account Executive role via Calendly: the email-confirmation mail from "
          "notifications@calendly.com with her as Reply-To, and her earlier mail says the next round is 'a mock "
          "demo of our talent platform'. Unlike a vendor demo (261) or a mock interview (241-243), this is the "
          "user's job interview: Calendly with recruiting words about the user's application (B3). Her signature "
          "says 'Talent Acquisition Partner', so she is the contact, not an interviewer (B6), and with no "
          "interviewer address the thank-you goes to her (B9). The user sends it; the default decision date is "
          "Nov 17 + 7 business days = Nov 26 and the follow-up on Nov 27 replies to the user's own thank-you, the "
          f"latest thread with her (B17). Shape: Calendly email-confirmation variant per {SHAPES} §10.",
          ["B3", "B4", "B6", "B9", "B14", "B17", "B5"])
    keisha = P("Keisha Brown", "keisha.brown@talentloop.io")
    s.mail("recruiter_reaches_out", "inbox", plain(
        seed="c267a", date=t("2026-11-10 09:40"), frm=keisha, to=[USER],
        subject="Mid-Market Account Executive at TalentLoop - next steps",
        body="Hi Jordan,\n\nThanks for applying for the Mid-Market Account Executive role at TalentLoop! I'd love "
             "to set up a 30-minute phone screen - please grab a time on my Calendly: "
             "https://calendly.com/keisha-talentloop/phone-screen\n\nIf it goes well, the next round is a mock demo "
             "of our talent platform to two of our sales leaders.\n\nKeisha Brown\nTalent Acquisition Partner, "
             "TalentLoop"))
    ev = Ev(h("c267", 24) + "@calendly.com", t("2026-11-17 11:00"), t("2026-11-17 11:30"),
            "Phone Screen between Keisha Brown and Jordan Lee", keisha,
            (att(keisha, "ACCEPTED"), att(USER, "ACCEPTED")),
            description=calendly_body("Phone Screen", "Keisha Brown",
                                      "Please share anything that will help prepare for our meeting.: Excited to "
                                      "talk about the Mid-Market Account Executive role - I've sold into HR teams "
                                      "for four years.", "c267"),
            location="Phone call: Keisha will call you at (555) 010-2000")
    s.mail("calendly_confirmation", "inbox", invitation(
        style="calendly", ev=ev, date=t("2026-11-10 12:05"), to=[USER], seed="c267",
        frm=P("Calendly", "notifications@calendly.com"), reply_to=keisha,
        subject="Confirmed: Phone Screen with Keisha Brown on Tuesday, November 17, 2026",
        body="Hi Jordan Lee,\n\nYour Phone Screen with Keisha Brown at 11:00am (Eastern Time - US & Canada) on "
             "Tuesday, November 17, 2026 is scheduled.\n\nA calendar invitation is attached.\n\nPowered by "
             "Calendly.com"))
    decision = plus_bdays(date(2026, 11, 17), 7)
    s.run(t("2026-11-17 11:45"), [thanks(keisha.email, "Keisha", "TalentLoop")], total=1, interviews=1,
          interview=[{"match": "TalentLoop", "company": "TalentLoop", "role": "Mid-Market Account Executive",
                      "interviewers": [], "contact": keisha.email}])
    s.user("send_draft", "thank_you", keisha.email)
    s.run(t("2026-11-18 09:00"), total=0, decision={"TalentLoop": decision.isoformat()})
    s.run(at(decision + timedelta(days=1)),
          [("follow_up", keisha.email, {"in_reply_to": f"draft:thank_you:{keisha.email}"})], total=1)
    return s


def c268() -> S:
    s = S("268_b3_b4_b5_b6_b12_media_company_video_producer",
          "NEAR-MISS POSITIVE. An Outlook/Teams interview for a Senior Video Producer at 'Northbeam Media Group': "
          "the company's name contains 'Media' and the description talks about television, podcasts and 'a recent "
          "media interview you produced'. B4's media rule is about the user being interviewed by the press, not a "
          "job at a media company. The recruiter ('Alvarez, Carmen') organizes without attending: contact, not "
          "interviewer; the Executive Producer gets the thank-you; her mail 'a decision by Friday, December 4' sets "
          "the date and the follow-up on Dec 5 replies to it. Shape: Exchange request with Teams block and "
          f"'Last, First' display name per {SHAPES} §13 and §15.",
          ["B3", "B4", "B5", "B6", "B12", "B17", "B8", "B9"])
    carmen = P("Alvarez, Carmen", "carmen.alvarez@northbeammedia.com")
    gabe = P("Gabe Ross", "gabe.ross@northbeammedia.com")
    ev = Ev(uid_outlook("c268"), t("2026-11-24 11:00"), t("2026-11-24 12:00"),
            "Interview: Senior Video Producer - Jordan Lee", carmen, (att(USER), att(gabe)),
            description="Hi Jordan,\n\nYou'll meet Gabe Ross (Executive Producer, Northbeam TV). He'll ask about your "
                        "podcast and television segment work and walk through a recent media interview you "
                        "produced.\n\nCarmen Alvarez\nRecruiter, Northbeam Media Group",
            location="Microsoft Teams Meeting", conference=teams("c268"))
    s.mail("outlook_invitation", "inbox", outlook("c268", ev, t("2026-11-17 15:00")))
    s.run(t("2026-11-24 12:30"), [thanks(gabe.email, "Gabe", "Senior Video Producer", "Northbeam Media Group")],
          total=1, interviews=1,
          interview=[{"match": "Northbeam Media Group", "company": "Northbeam Media Group",
                      "role": "Senior Video Producer", "interviewers": [gabe.email], "contact": carmen.email}])
    note = s.mail("recruiter_timeline", "inbox", plain(
        seed="c268b", date=t("2026-11-25 10:00"), frm=carmen, to=[USER], style="outlook",
        subject="Senior Video Producer - timing",
        body="Hi Jordan,\n\nThanks for meeting Gabe yesterday. The team is finishing interviews this week and will "
             "make a decision by Friday, December 4.\n\nBest,\nCarmen Alvarez\nRecruiter, Northbeam Media Group"))
    s.run(t("2026-11-25 11:00"), total=1, decision={"Northbeam Media Group": "2026-12-04"})
    s.run(t("2026-12-04 17:00"), total=1)
    s.run(t("2026-12-05 09:00"), [("follow_up", carmen.email, {"in_reply_to": note})], total=2)
    return s


def c269() -> S:
    s = S("269_b3_b4_b5_b6_b14_b17_workday_confirmation_with_list_unsubscribe",
          "NEAR-MISS POSITIVE. A Workday 'Interview Confirmation - Associate Pricing Actuary (R-10482)' from "
          "cedarridgebank@myworkday.com sent through a bulk mail service: List-Unsubscribe and Precedence: bulk "
          "headers, and a 'Tips to prepare for your interview' paragraph. B4's newsletter rule is about mail about "
          "interviewing, not a confirmation of the user's own interview. The recruiter wrote personally first and "
          "is the Reply-To and organizer (not an attendee): contact; the two interviewers get thank-yous; the role "
          "is whole (issue 13 class 11); default decision Dec 1 + 7 business days = Dec 10; follow-up on Dec 11 "
          f"replies to her personal mail. Shape: Workday sender pattern per {SHAPES} §4; the .ics and the "
          "bulk headers hand-written.",
          ["B3", "B4", "B5", "B6", "B14", "B17", "B8", "B9"])
    maria = P("Maria Lopez", "maria.lopez@cedarridgebank.com")
    priya, tom = P("Priya Shah", "priya.shah@cedarridgebank.com"), P("Tom Yates", "tom.yates@cedarridgebank.com")
    personal = s.mail("recruiter_personal", "inbox", plain(
        seed="c269a", date=t("2026-11-20 09:45"), frm=maria, to=[USER], style="outlook",
        subject="Interview - Associate Pricing Actuary",
        body="Hi Jordan,\n\nGreat news - the pricing team would like to interview you for the Associate Pricing "
             "Actuary role. You'll receive a Workday confirmation with the details shortly.\n\nMaria Lopez\n"
             "Talent Acquisition, Cedar Ridge Bank"))
    ev = Ev("WD-" + h("c269", 20) + "@myworkday.com", t("2026-12-01 13:00"), t("2026-12-01 14:30"),
            "Interview: Associate Pricing Actuary (R-10482) - Cedar Ridge Bank", maria,
            (att(priya, "ACCEPTED"), att(tom, "ACCEPTED"), att(USER)),
            description="Interviewers: Priya Shah (Pricing Manager), Tom Yates (Senior Actuary). Topics: GLM "
                        "pricing models and a rate-filing case.", location="Cedar Ridge Bank, 45 Water St, 9th floor")
    s.mail("workday_confirmation", "inbox", ics_mail(
        seed="c269", ev=ev, date=t("2026-11-20 10:02"), frm=P("Cedar Ridge Bank", "cedarridgebank@myworkday.com"),
        to=[USER], reply_to=maria, domain="myworkday.com", prodid="-//Workday Inc//Workday Calendar//EN",
        extra=unsubscribe("myworkday.com", "c269") + [("Precedence", "bulk")],
        subject="Interview Confirmation - Associate Pricing Actuary (R-10482)",
        body="Dear Jordan,\n\nYour interview for Associate Pricing Actuary (R-10482) with Cedar Ridge Bank has been "
             "scheduled.\n\nDate: Tuesday, December 1, 2026\nTime: 1:00 PM - 2:30 PM EST\nLocation: 45 Water St, "
             "9th floor\nInterviewers: Priya Shah (Pricing Manager), Tom Yates (Senior Actuary)\n\nTips to prepare "
             "for your interview: review the job description, prepare questions to ask, and plan to arrive 10 "
             "minutes early.\n\nQuestions? Reply to this email to reach your recruiter, Maria Lopez.\n\nCedar "
             "Ridge Bank Talent Acquisition"))
    decision = plus_bdays(date(2026, 12, 1), 7)
    s.run(t("2026-12-01 15:00"), [thanks(priya.email, "Priya", "Associate Pricing Actuary", "Cedar Ridge Bank"),
                                  thanks(tom.email, "Tom", "Associate Pricing Actuary", "Cedar Ridge Bank")],
          total=2, interviews=1,
          interview=[{"match": "Cedar Ridge Bank", "company": "Cedar Ridge Bank", "role": "Associate Pricing Actuary",
                      "interviewers": [priya.email, tom.email], "contact": maria.email}])
    s.run(t("2026-12-02 09:00"), total=2, decision={"Cedar Ridge Bank": decision.isoformat()})
    s.run(at(decision + timedelta(days=1)), [("follow_up", maria.email, {"in_reply_to": personal})], total=3)
    return s


SCENARIOS = [c220, c221, c222, c223, c224, c225, c226, c227, c228, c229, c230, c231, c232, c233, c234, c235, c236,
             c237, c238, c239, c240, c241, c242, c243, c244, c245, c246, c247, c248, c249, c250, c251, c252, c253,
             c254, c255, c256, c257, c258, c259, c260, c261, c262, c263, c264, c265, c266, c267, c268, c269]
