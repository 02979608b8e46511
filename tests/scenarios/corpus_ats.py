"""Corpus k1 (issue 13/14): positive interviews sent through applicant-tracking and scheduling systems, and
the people around them (coordinators, recruiters as organizer and attendee, panels, rooms, shared mailboxes,
assistants sending on behalf, ATS no-reply senders with the company's name).

    .venv/bin/python -m tests.scenarios.corpus_ats        # writes cases/100_* .. cases/137_*

Shapes follow /work/research/vendor_mail_shapes.md (section numbers cited in each description); where the
research found nothing the mail is hand-written and the description says so. Expectations state the truth
the rules (docs/spec/behaviour.md) demand, not what the agent does today.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from tests.mailgen import Ev, Mail, P, default_invite_text, h, hu, invitation, plain, vcalendar
from tests.mailgen.ical import fold
from tests.mailgen.mime import POLICY, calendar_part, finish, headers, html_of
from tests.scenarios.build import (
    NY,
    USER,
    S,
    att,
    gmeet,
    google,
    named,
    outlook,
    t,
    teams,
    thanks,
    uid_google,
    uid_outlook,
)

LA = ZoneInfo("America/Los_Angeles")
LONDON = ZoneInfo("Europe/London")
KOLKATA = ZoneInfo("Asia/Kolkata")
SYDNEY = ZoneInfo("Australia/Sydney")

# ------------------------------------------------------------------ helpers


def decision_default(end: datetime, tz: ZoneInfo = NY, n: int = 7) -> str:
    """B14: the interview's end + n business days (Mon-Fri), in the user's zone."""
    d = end.astimezone(tz).date()
    while n:
        d += timedelta(days=1)
        n -= d.weekday() < 5
    return d.isoformat()


def iv(match: str, **fields) -> dict:
    return {"match": match, **fields}


VENDORS = {  # vendor: (PRODID, Message-ID domain)
    "greenhouse": ("-//Greenhouse Software Inc//Greenhouse Scheduler//EN", "us.greenhouse-mail.io"),
    "lever": ("-//Lever//Lever Interview Scheduling//EN", "hire.lever.co"),
    "ashby": ("-//Ashby//Ashby Scheduling 1.0//EN", "ashbyhq.com"),
    "workday": ("-//Workday//Workday Recruiting//EN", "myworkday.com"),
    "icims": ("-//iCIMS//iCIMS Interview Scheduling//EN", "icims.com"),
    "smartrecruiters": ("-//SmartRecruiters//SmartRecruiters Calendar//EN", "smartrecruiters.com"),
    "jobvite": ("-//Jobvite//Jobvite Interview Scheduler//EN", "jobvite.com"),
    "gem": ("-//Gem//Gem Scheduling//EN", "gem.com"),
    "goodtime": ("-//GoodTime.io//GoodTime Hire//EN", "goodtime.io"),
    "calendly": ("-//Calendly//Calendly//EN", "calendly.com"),
}


def edit_ics(ics: bytes, prefix: str, new_line: str) -> bytes:
    """Replace the content line starting with `prefix` (unfolded) and fold again (e.g. to add SENT-BY)."""
    lines = ics.decode().replace("\r\n ", "").split("\r\n")
    return "\r\n".join(fold(new_line) if x.startswith(prefix) else (fold(x) if x else x) for x in lines).encode()


def ats_mail(vendor: str, *, ev: Ev, date: datetime, seed: str, frm: P, subject: str, body: str,
             to: tuple[P, ...] = (USER,), reply_to: P | None = None, sender: P | None = None,
             extra_headers: list[tuple[str, str]] = (), tzid: str = "", method: str = "REQUEST",
             html_only: bool = False, ics_edit=None, msgid_domain: str = "", in_reply_to: str = "",
             filename: str = "invite.ics") -> Mail:
    """An applicant-tracking system's mail: the text (or HTML only) with the interview as an attached .ics,
    as Greenhouse, Ashby, Workday, iCIMS, SmartRecruiters, Jobvite and Gem notifications arrive (§0 channel 3)."""
    prodid, dom = VENDORS[vendor]
    ics = vcalendar(ev, method=method, prodid=prodid, style="other", dtstamp=date, tzid=tzid)
    if ics_edit:
        ics = ics_edit(ics)
    msgid = f"<{h(seed, 24)}.{h(seed + 'n', 8)}@{msgid_domain or dom}>"
    msg = headers(msgid=msgid, date=date, frm=frm, to=list(to), subject=subject, reply_to=reply_to, sender=sender,
                in_reply_to=in_reply_to, extra=list(extra_headers))
    if html_only:
        msg.set_content(html_of(body), subtype="html", cte="quoted-printable")
    else:
        msg.set_content(body, cte="quoted-printable")
        msg.add_alternative(html_of(body), subtype="html", cte="quoted-printable")
    msg.make_mixed()
    part = EmailMessage(policy=POLICY)
    part.set_content(ics, maintype="text", subtype="calendar", cte="base64", disposition="attachment",
                     filename=filename, params={"method": method, "charset": "UTF-8"})
    msg.attach(part)
    return Mail(finish(msg, seed), msgid, subject, date=date)


def html_mail(*, seed: str, date: datetime, frm: P, to: list[P], subject: str, body: str, domain: str = "",
              reply_to: P | None = None, sender: P | None = None, in_reply_to: str = "") -> Mail:
    """A notification with an HTML part only (no text/plain alternative)."""
    msgid = f"<{h(seed, 24)}@{domain or frm.email.rpartition('@')[2]}>"
    msg = headers(msgid=msgid, date=date, frm=frm, to=to, subject=subject, reply_to=reply_to, sender=sender,
                in_reply_to=in_reply_to)
    msg.set_content(html_of(body), subtype="html", cte="quoted-printable")
    return Mail(finish(msg, seed), msgid, subject, date=date)


def exchange_invite(*, ev: Ev, date: datetime, seed: str, frm: P, to: list[P], subject: str = "",
                    sender: P | None = None, tzid: str = "Eastern Standard Time", ics_edit=None,
                    body: str = "") -> Mail:
    """An Outlook/Exchange meeting request (§13) with an optional Sender header (a delegate sending on behalf)."""
    ics = vcalendar(ev, method="REQUEST", prodid="Microsoft Exchange Server 2010", style="outlook", dtstamp=date,
                    tzid=tzid)
    if ics_edit:
        ics = ics_edit(ics)
    tag = "SA1PR11MB" + hu(seed, 4)
    msgid = f"<{tag}{hu(seed + 'm', 24)}@{tag}.namprd11.prod.outlook.com>"
    extra = [("Sender", sender.header())] if sender else []
    msg = headers(msgid=msgid, date=date, frm=frm, to=to, subject=subject or ev.summary, order="outlook", extra=extra)
    text = body or default_invite_text(ev, "outlook")
    msg.set_content(text, cte="quoted-printable")
    msg.add_alternative(html_of(text), subtype="html", cte="quoted-printable")
    msg.attach(calendar_part(ics, "REQUEST"))
    return Mail(finish(msg, seed, "outlook"), msgid, subject or ev.summary, date=date)


def group_cal(name: str, seed: str) -> P:
    """A Google group (shared) calendar as ORGANIZER: GoodTime's Candidate Calendar, Ashby's and Gem's shared
    recruiting calendars (§8, §3, §9, §12)."""
    return P(name, f"c_{h(seed, 26)}@group.calendar.google.com")


def late(m: Mail, arrives: datetime) -> Mail:
    """The same message, delivered later than its Date header says."""
    return Mail(m.raw, m.message_id, m.subject, date=arrives)


def greenhouse_relayed(seed: str, company_domain: str) -> dict:
    """Greenhouse sends the recruiter's own From through Mailgun on the gh-mail subdomain (§1)."""
    return {"msgid_domain": f"gh-mail.{company_domain}",
            "extra_headers": [("Return-Path", f"<bounces+{h(seed, 10)}@gh-mail.{company_domain}>")]}


# ------------------------------------------------------------------ Greenhouse


def c100() -> S:
    s = S("100_b3_b5_b6_b9_greenhouse_confirmation_ics_reply_to",
          "Greenhouse 'Candidate Interview Confirmation' from an ATS no-reply sender whose display name is the "
          "company, with the recruiter as Reply-To and the interview as an attached .ics naming both interviewers. "
          "The company is written 'Harbor View Financial' (domain harborviewfinancial.com): the notes use the "
          "written name (issue 14). The recruiter organizes but does not attend: not an interviewer, the contact. "
          "Shape: Greenhouse confirmation + .ics per support.greenhouse.io 360015975112; sender "
          "no-reply@us.greenhouse-mail.io with '<Company>' display name per fixtures (research §1).",
          ["B3", "B5", "B6", "B9", "B10"])
    grace = P("Grace Liu", "grace.liu@harborviewfinancial.com")
    tom, aisha = P("Tom Becker", "tom.becker@harborviewfinancial.com"), P("Aisha Rahman", "aisha.rahman@harborviewfinancial.com")
    body = ("Hi Jordan,\n\nThank you for confirming your availability! Your interview for the Credit Risk Analyst role "
            "at Harbor View Financial is scheduled for:\n\nTuesday, November 17, 2026\n10:00 AM - 11:00 AM EST\n\n"
            "You will meet with:\nTom Becker - Head of Credit Risk\nAisha Rahman - Senior Risk Analyst\n\nWe'll talk "
            "about your experience with credit models and walk through a short case study.\n\nZoom: "
            "https://harborviewfinancial.zoom.us/j/81234567890\n\nA calendar file is attached. If anything changes, "
            "just reply to this email.\n\nBest,\nGrace Liu\nRecruiter, Harbor View Financial")
    ev = Ev(f"gh-{h('c100', 20)}@greenhouse.io", t("2026-11-17 10:00"), t("2026-11-17 11:00"),
            "Interview: Credit Risk Analyst - Harbor View Financial", grace,
            (att(USER), att(tom, "ACCEPTED"), att(aisha, "ACCEPTED")), description=body,
            location="https://harborviewfinancial.zoom.us/j/81234567890")
    s.mail("greenhouse_confirmation", "inbox", ats_mail(
        "greenhouse", ev=ev, date=t("2026-11-11 15:20"), seed="c100",
        frm=P("Harbor View Financial", "no-reply@us.greenhouse-mail.io"), reply_to=grace,
        subject="Interview Confirmation: Credit Risk Analyst at Harbor View Financial", body=body))
    s.run(t("2026-11-17 10:30"), total=0, interviews=1)
    s.run(t("2026-11-17 11:20"), [thanks(tom.email, "Tom", "Harbor View Financial", "Credit Risk Analyst"),
                                  thanks(aisha.email, "Aisha", "Harbor View Financial", "Credit Risk Analyst")],
          total=2, interviews=1,
          interview=[iv("Harbor View Financial", company="Harbor View Financial", role="Credit Risk Analyst",
                        interviewers=[tom.email, aisha.email], contact=grace.email)])
    return s


def c101() -> S:
    s = S("101_b3_b6_b9_b10_greenhouse_merged_onsite_ics",
          "Greenhouse confirmation for a back-to-back virtual onsite: Greenhouse merges the three sessions into one "
          ".ics from the first start to the last end, and the email body (the itinerary) is repeated in the "
          "calendar file. Sent from the coordinator's own address through Greenhouse's Mailgun relay (gh-mail "
          "Return-Path). Three interviewers, one interview, one thank-you each; the coordinator (organizer, not "
          "an attendee) is the contact. Shape: merged .ics and body-in-calendar per support.greenhouse.io "
          "360015975112/207929276; relayed From per 115005435843 and gh-mail per 201111684 (research §1, §18.1).",
          ["B3", "B6", "B9", "B10"])
    tess = P("Tess Romero", "tess.romero@northbeamlabs.com")
    ida, raj, ken = (P("Ida Lindgren", "ida.lindgren@northbeamlabs.com"), P("Raj Patel", "raj.patel@northbeamlabs.com"),
                     P("Kenneth Osei", "kenneth.osei@northbeamlabs.com"))
    body = ("Hi Jordan,\n\nWe're excited to host you for your virtual onsite for the Senior Data Engineer position at "
            "Northbeam Labs on Thursday, November 19, 2026. Here is your schedule (Eastern Time):\n\n"
            "10:00 AM - 11:00 AM  Data modelling - Ida Lindgren, Staff Data Engineer\n"
            "11:00 AM - 12:00 PM  Pipeline design - Raj Patel, Senior Data Engineer\n"
            "12:00 PM - 1:00 PM  Hiring manager conversation - Kenneth Osei, Director of Data Platform\n\n"
            "All sessions use this Zoom link: https://northbeamlabs.zoom.us/j/86612093411\n\nPlease let me know if "
            "you have any questions.\n\nThanks,\nTess Romero\nRecruiting Coordinator | Northbeam Labs")
    ev = Ev(f"gh-{h('c101', 20)}@greenhouse.io", t("2026-11-19 10:00"), t("2026-11-19 13:00"),
            "Northbeam Labs - Virtual Onsite (Senior Data Engineer)", tess,
            (att(USER), att(ida, "ACCEPTED"), att(raj, "ACCEPTED"), att(ken, "ACCEPTED")), description=body,
            location="https://northbeamlabs.zoom.us/j/86612093411")
    s.mail("greenhouse_onsite_confirmation", "inbox", ats_mail(
        "greenhouse", ev=ev, date=t("2026-11-13 12:10"), seed="c101", frm=tess,
        subject="Your virtual onsite with Northbeam Labs - Thursday, November 19", body=body,
        filename="Northbeam_Labs_Virtual_Onsite.ics", **greenhouse_relayed("c101", "northbeamlabs.com")))
    s.run(t("2026-11-19 12:30"), total=0, interviews=1)
    s.run(t("2026-11-19 13:30"), [thanks(ida.email, "Ida", "Northbeam Labs", "Senior Data Engineer"),
                                  thanks(raj.email, "Raj", "Northbeam Labs"), thanks(ken.email, "Kenneth", "Northbeam Labs")],
          total=3, interviews=1,
          interview=[iv("Northbeam Labs", company="Northbeam Labs", role="Senior Data Engineer",
                        interviewers=[ida.email, raj.email, ken.email], contact=tess.email,
                        start="2026-11-19T10:00:00-05:00")])
    return s


def c102() -> S:
    s = S("102_b5_b9_b10_greenhouse_role_only_in_body",
          "Issue 13 class 11: a Greenhouse confirmation whose subject and calendar title name only the company "
          "('Interview with Tern Autonomy') while the body says '... for the Motion Planning Engineer role'. The "
          "role is the whole title from the body, and the thank-you names it. Shape: Greenhouse confirmation "
          "(research §1), subject hand-written.", ["B5", "B9", "B10", "B3"])
    sam = P("Samira Haddad", "samira.haddad@ternautonomy.com")
    leo = P("Leo Brandt", "leo.brandt@ternautonomy.com")
    body = ("Hi Jordan,\n\nThanks for making time to speak with us for the Motion Planning Engineer role! Your "
            "interview is confirmed:\n\nWednesday, November 18, 2026, 2:00 PM - 3:00 PM Eastern\nInterviewer: Leo "
            "Brandt, Autonomy Tech Lead\nFormat: a technical conversation about trajectory optimisation and a "
            "planning problem you have worked on.\n\nGoogle Meet: https://meet.google.com/tqa-mrvk-pzd\n\n"
            "Best,\nSamira Haddad\nTalent Acquisition, Tern Autonomy")
    ev = Ev(f"gh-{h('c102', 20)}@greenhouse.io", t("2026-11-18 14:00"), t("2026-11-18 15:00"),
            "Interview with Tern Autonomy", sam, (att(USER), att(leo, "ACCEPTED")), description=body,
            location="https://meet.google.com/tqa-mrvk-pzd")
    s.mail("greenhouse_confirmation", "inbox", ats_mail(
        "greenhouse", ev=ev, date=t("2026-11-12 10:45"), seed="c102",
        frm=P("Tern Autonomy Recruiting", "no-reply@us.greenhouse-mail.io"), reply_to=sam,
        subject="Interview Confirmation - Tern Autonomy", body=body))
    s.run(t("2026-11-18 15:30"), [thanks(leo.email, "Leo", "Motion Planning Engineer", "Tern Autonomy")], total=1,
          interviews=1, interview=[iv("Tern Autonomy", company="Tern Autonomy", role="Motion Planning Engineer",
                                      interviewers=[leo.email], contact=sam.email)])
    return s


def c103() -> S:
    end = t("2026-11-10 14:00")
    day = decision_default(end)  # 2026-11-19
    s = S("103_b2_b14_b16_b17_greenhouse_availability_then_confirmation",
          "Greenhouse 'Candidate Availability Request' (a link to submit availability, no time yet: not an "
          "interview), then the 'Candidate Interview Confirmation' with .ics once the recruiter picks a slot. "
          "After the interview the recruiter writes a logistics note (hearing back that leaves the date): no "
          "date was ever stated, so the default (end + 7 business days) holds and the follow-up goes to the "
          "recruiter as a reply to her note. Shape: availability request + {{AVAILABILITY_SUBMISSION_LINK}} per "
          "support.greenhouse.io 13301025470875, confirmation per 360015975112, relayed From (research §1).",
          ["B2", "B3", "B6", "B14", "B16", "B17"])
    renee = P("Renee Adams", "renee.adams@larkspurhealth.com")
    dev = P("Dev Malhotra", "dev.malhotra@larkspurhealth.com")
    relay = greenhouse_relayed("c103", "larkspurhealth.com")
    s.mail("greenhouse_availability_request", "inbox", plain(
        seed="c103a", date=t("2026-11-02 10:00"), frm=renee, to=[USER], style="ats",
        domain="gh-mail.larkspurhealth.com", extra=relay["extra_headers"],
        subject="Larkspur Health - Availability Request for Clinical Data Analyst",
        body="Hi Jordan,\n\nThanks for your interest in the Clinical Data Analyst role at Larkspur Health! We'd like "
             "to set up a 60-minute interview with Dev Malhotra, our Analytics Manager. Please let us know when "
             "you're available over the next two weeks using the link below:\n\n"
             f"https://app.greenhouse.io/availability/{h('c103l', 32)}\n\nBest,\nRenee Adams\nRecruiter, "
             "Larkspur Health"))
    s.run(t("2026-11-03 09:00"), total=0, interviews=0)
    body = ("Hi Jordan,\n\nThank you for submitting your availability! Your interview for the Clinical Data Analyst "
            "role at Larkspur Health is confirmed:\n\nTuesday, November 10, 2026\n1:00 PM - 2:00 PM EST\n"
            "Interviewer: Dev Malhotra, Analytics Manager\n\nZoom: https://larkspurhealth.zoom.us/j/89912044510\n\n"
            "Best,\nRenee Adams\nRecruiter, Larkspur Health")
    ev = Ev(f"gh-{h('c103', 20)}@greenhouse.io", t("2026-11-10 13:00"), end,
            "Clinical Data Analyst Interview - Larkspur Health", renee, (att(USER), att(dev, "ACCEPTED")),
            description=body, location="https://larkspurhealth.zoom.us/j/89912044510")
    s.mail("greenhouse_confirmation", "inbox", ats_mail(
        "greenhouse", ev=ev, date=t("2026-11-04 16:00"), seed="c103", frm=renee,
        subject="Interview Confirmation: Clinical Data Analyst at Larkspur Health", body=body, **relay))
    s.run(t("2026-11-10 14:20"), [thanks(dev.email, "Dev", "Larkspur Health", "Clinical Data Analyst")], total=1,
          interviews=1, interview=[iv("Larkspur Health", company="Larkspur Health", role="Clinical Data Analyst",
                                      interviewers=[dev.email], contact=renee.email)])
    s.user("send_draft", "thank_you", dev.email)
    note = s.mail("recruiter_logistics_note", "inbox", plain(
        seed="c103b", date=t("2026-11-10 17:30"), frm=renee, to=[USER], style="outlook",
        subject="Thanks for today",
        body="Hi Jordan,\n\nThanks for meeting with Dev this afternoon. Could you send me the writing sample you "
             "mentioned? I'll pass it along to him.\n\nBest,\nRenee"))
    s.run(t("2026-11-10 18:00"), total=0, decision={"Larkspur Health": day},
          interview=[iv("Larkspur Health", decision_source="default")])
    s.run(t("2026-11-19 18:00"), total=0)
    s.run(t("2026-11-20 08:30"), [("follow_up", renee.email, {"in_reply_to": note,
                                                              "body_contains": ["Renee", "Larkspur Health"]})],
          total=1)
    return s


# ------------------------------------------------------------------ Lever


def c104() -> S:
    s = S("104_b6_b9_lever_recruiter_line_in_invite",
          "Issue 13 class 4: a Lever scheduling mail from the recruiter's own mailbox (Lever sends through the "
          "user's Gmail, 'Sent via Lever'), then a Google Calendar invitation she organizes and attends whose "
          "description says 'Recruiter: Hannah Brooks' and names the two interviewers. Hannah is the contact, "
          "not an interviewer; both real interviewers get a thank-you. Shape: Lever email sync per "
          "help.lever.co 20087311596957 (research §2); Google invitation per §12.", ["B6", "B9", "B3", "B10"])
    hannah = P("Hannah Brooks", "hannah.brooks@cobaltridgeenergy.com")
    marco, priya = P("Marco Silva", "marco.silva@cobaltridgeenergy.com"), P("Priya Desai", "priya.desai@cobaltridgeenergy.com")
    s.mail("lever_scheduling_mail", "inbox", plain(
        seed="c104a", date=t("2026-11-06 09:40"), frm=hannah, to=[USER],
        subject="Platform Engineer interview - Cobalt Ridge Energy",
        body="Hi Jordan,\n\nThe team would love to move forward! I've sent a calendar invite for Thursday, November "
             "12 from 3:00 to 4:00 PM ET with Marco Silva (Engineering Manager) and Priya Desai (Senior Software "
             "Engineer). Expect questions on Kubernetes operations and an incident you handled.\n\nBest,\nHannah "
             "Brooks\nCobalt Ridge Energy\n\nSent via Lever"))
    ev = Ev(uid_google("c104"), t("2026-11-12 15:00"), t("2026-11-12 16:00"),
            "Cobalt Ridge Energy: Platform Engineer Interview - Jordan Lee", hannah,
            (att(hannah, "ACCEPTED"), att(marco, "ACCEPTED"), att(priya, "ACCEPTED"), att(USER)),
            description="Role: Platform Engineer\nRecruiter: Hannah Brooks\nInterviewers: Marco Silva (Engineering "
                        "Manager), Priya Desai (Senior Software Engineer)\n\nAgenda: Kubernetes operations, on-call "
                        "and an incident deep-dive.", conference=gmeet("c104"))
    s.mail("google_invitation", "inbox", google("c104", ev, t("2026-11-06 09:45")))
    s.run(t("2026-11-12 16:15"), [thanks(marco.email, "Marco", "Platform Engineer", "Cobalt Ridge Energy"),
                                  thanks(priya.email, "Priya", "Platform Engineer", "Cobalt Ridge Energy")], total=2,
          interviews=1, interview=[iv("Cobalt Ridge Energy", company="Cobalt Ridge Energy", role="Platform Engineer",
                                      interviewers=[marco.email, priya.email], contact=hannah.email)])
    return s


def c105() -> S:
    end = t("2026-11-05 13:45")
    day = decision_default(end)  # 2026-11-16
    s = S("105_b6_b14_b17_lever_no_reply_then_technical_recruiter",
          "Lever 'Interview with <Company>' availability request from '<Company> <no-reply@hire.lever.co>' with the "
          "recruiter as Reply-To; the user answers with times; the recruiter replies and sends an Outlook "
          "invitation she organizes and attends, her title 'Technical Recruiter' on the line after her name. "
          "Only the hiring manager is an interviewer (issue 13 class 4). No date stated: the follow-up goes to "
          "the recruiter after the default date, in reply to her last personal mail. Shape: Lever no-reply "
          "'Interview with Stripe ... share your availability' fixture (research §2), Outlook request §13.",
          ["B6", "B9", "B14", "B17", "B3"])
    dana = P("Dana Whitfield", "dana.whitfield@orchardlane.com")
    sam = P("Samuel Okoro", "samuel.okoro@orchardlane.com")
    req = s.mail("lever_availability_request", "inbox", plain(
        seed="c105a", date=t("2026-11-02 12:00"), frm=P("Orchard Lane", "no-reply@hire.lever.co"), to=[USER],
        reply_to=dana, style="ats", domain="hire.lever.co", subject="Interview with Orchard Lane",
        body="Hi Jordan,\n\nThanks for applying for the Senior Backend Engineer role. We'd like to schedule a call "
             "with our Engineering Manager. Please share your availability for this week.\n\nDana Whitfield\n"
             "Orchard Lane"))
    answer = s.mail("user_shares_availability", "sent", plain(
        seed="c105b", date=t("2026-11-02 13:10"), frm=USER, to=[dana], in_reply_to=req,
        subject="Re: Interview with Orchard Lane",
        body="Hi Dana,\n\nThank you! I'm free Wednesday after 2pm or Thursday 11am-3pm ET.\n\nBest,\nJordan"))
    reply = s.mail("recruiter_reply", "inbox", plain(
        seed="c105c", date=t("2026-11-03 09:30"), frm=dana, to=[USER], in_reply_to=answer, references=[req, answer],
        style="outlook", subject="RE: Interview with Orchard Lane",
        body="Hi Jordan,\n\nThursday at 1pm works. I've sent an invite for a 45-minute conversation with Samuel "
             "Okoro, our Engineering Manager for the payments team.\n\nDana Whitfield\nTechnical Recruiter\n"
             "Orchard Lane"))
    ev = Ev(uid_outlook("c105"), t("2026-11-05 13:00"), end, "Orchard Lane | Senior Backend Engineer | Jordan Lee",
            dana, (att(dana, "ACCEPTED"), att(sam), att(USER)),
            description="Hi Jordan,\n\nThis is your interview with Samuel Okoro (Engineering Manager, Payments) for "
                        "the Senior Backend Engineer role.\n\nDana Whitfield\nTechnical Recruiter\nOrchard Lane",
            location="Microsoft Teams Meeting", conference=teams("c105"))
    s.mail("outlook_invitation", "inbox", outlook("c105", ev, t("2026-11-03 09:35")))
    s.run(t("2026-11-05 14:30"), [thanks(sam.email, "Samuel", "Senior Backend Engineer", "Orchard Lane")], total=1,
          interviews=1, interview=[iv("Orchard Lane", company="Orchard Lane", role="Senior Backend Engineer",
                                      interviewers=[sam.email], contact=dana.email)])
    s.user("send_draft", "thank_you", sam.email)
    s.run(t("2026-11-16 17:00"), total=0, decision={"Orchard Lane": day})
    s.run(t("2026-11-17 08:30"), [("follow_up", dana.email, {"in_reply_to": reply, "body_contains": ["Dana"]})],
          total=1)
    return s


# ------------------------------------------------------------------ Ashby


def c106() -> S:
    s = S("106_b5_b6_b9_ashby_shared_calendar_organizer",
          "Ashby schedules from a shared Google calendar: the invitation's ORGANIZER is the group calendar "
          "'Vantage Cloud Interviews <c_...@group.calendar.google.com>' (not a person, not an interviewer); "
          "Ashby's confirmation comes from '<Company> <no-reply@ashbyhq.com>' with the recruiter as Reply-To, "
          "who is the contact. The company writes 'Vantage Cloud' (domain vantagecloud.io): the notes say so. "
          "Shape: Ashby shared/group calendar per ashbyhq.notion.site shared-calendar page (research §3), group "
          "ORGANIZER per §12.", ["B5", "B6", "B9", "B3"])
    ines = P("Ines Duarte", "ines.duarte@vantagecloud.io")
    cal = group_cal("Vantage Cloud Interviews", "c106g")
    noah, mei = P("Noah Fischer", "noah.fischer@vantagecloud.io"), P("Mei Tanaka", "mei.tanaka@vantagecloud.io")
    s.mail("ashby_confirmation", "inbox", plain(
        seed="c106a", date=t("2026-11-10 11:00"), frm=P("Vantage Cloud", "no-reply@ashbyhq.com"), to=[USER],
        reply_to=ines, style="ats", domain="ashbyhq.com",
        subject="Your interview with Vantage Cloud is confirmed",
        body="Hi Jordan,\n\nYour Cloud Security Engineer interview at Vantage Cloud is confirmed for Monday, November "
             "16, 11:00 AM - 12:00 PM EST with Noah Fischer and Mei Tanaka. You'll receive a calendar invitation "
             "separately.\n\nIf you have any questions, reply to this email.\n\nInes Duarte\nRecruiting, "
             "Vantage Cloud\n\nSent with Ashby"))
    ev = Ev(uid_google("c106"), t("2026-11-16 11:00"), t("2026-11-16 12:00"),
            "Jordan Lee <> Vantage Cloud - Cloud Security Engineer Interview", cal,
            (att(USER), att(noah, "ACCEPTED"), att(mei, "ACCEPTED")),
            description="Cloud Security Engineer interview at Vantage Cloud.\n\nNoah Fischer - Security Engineering "
                        "Manager\nMei Tanaka - Staff Security Engineer\n\nWe'll cover threat modelling and IAM design.",
            conference=gmeet("c106"))
    s.mail("google_invitation_from_shared_calendar", "inbox", google("c106", ev, t("2026-11-10 11:01")))
    s.run(t("2026-11-16 12:30"), [thanks(noah.email, "Noah", "Vantage Cloud"), thanks(mei.email, "Mei", "Vantage Cloud")],
          total=2, interviews=1,
          interview=[iv("Vantage Cloud", company="Vantage Cloud", role="Cloud Security Engineer",
                        interviewers=[noah.email, mei.email], contact=ines.email)])
    return s


def c107() -> S:
    s = S("107_b3_b5_b6_ashby_direct_booking",
          "Ashby Direct Booking: the candidate books a slot from Ashby's link, then gets '<Company> "
          "<no-reply@ashbyhq.com>' confirmation with the .ics; the organizer (the recruiter, Ashby's Organizer "
          "setting) does not attend, the hiring manager does. The company writes 'Juniper Foods' (domain "
          "juniperfoods.com). Shape: Direct Booking per docs.ashbyhq.com direct-booking-and-candidate-"
          "availability-links and Organizer setting per help.endorsed.ai 9518677 (research §3).",
          ["B3", "B5", "B6", "B9"])
    rosa = P("Rosa Delgado", "rosa.delgado@juniperfoods.com")
    ethan = P("Ethan Brooks", "ethan.brooks@juniperfoods.com")
    ashby = P("Juniper Foods", "no-reply@ashbyhq.com")
    s.mail("ashby_direct_booking_link", "inbox", plain(
        seed="c107a", date=t("2026-11-04 14:00"), frm=ashby, to=[USER], reply_to=rosa, style="ats",
        domain="ashbyhq.com", subject="Schedule your interview with Juniper Foods",
        body="Hi Jordan,\n\nWe'd love to set up your hiring manager interview for the Demand Planning Analyst role. "
             f"Please pick a time that works for you:\n\nhttps://jobs.ashbyhq.com/juniperfoods/booking/{h('c107l', 24)}"
             "\n\nRosa Delgado\nJuniper Foods"))
    ev = Ev(f"{h('c107', 32)}@ashbyhq.com", t("2026-11-11 09:30"), t("2026-11-11 10:15"),
            "Juniper Foods - Hiring Manager Interview (Demand Planning Analyst)", rosa,
            (att(USER, "ACCEPTED"), att(ethan, "ACCEPTED")),
            description="Hiring manager interview with Ethan Brooks, Demand Planning Manager.\nVideo: "
                        "https://meet.google.com/xbd-qwer-tyu")
    s.mail("ashby_confirmation", "inbox", ats_mail(
        "ashby", ev=ev, date=t("2026-11-04 14:22"), seed="c107", frm=ashby, reply_to=rosa,
        subject="Interview confirmed: Demand Planning Analyst at Juniper Foods",
        body="Hi Jordan,\n\nYou're booked! Your interview for Demand Planning Analyst at Juniper Foods is on "
             "Wednesday, November 11, 9:30 - 10:15 AM EST with Ethan Brooks. The calendar invitation is attached."
             "\n\nRosa Delgado\nRecruiter, Juniper Foods\n\nSent with Ashby"))
    s.run(t("2026-11-11 10:45"), [thanks(ethan.email, "Ethan", "Juniper Foods", "Demand Planning Analyst")], total=1,
          interviews=1, interview=[iv("Juniper Foods", company="Juniper Foods", role="Demand Planning Analyst",
                                      interviewers=[ethan.email], contact=rosa.email)])
    return s


# ------------------------------------------------------------------ Workday, iCIMS, SmartRecruiters, Jobvite


def c108() -> S:
    s = S("108_b3_b5_b6_workday_myworkday_sender",
          "Workday interview notification from '<company>@myworkday.com' whose display name is 'Goldfinch Health "
          "Careers', with an .ics organized by the recruiter (not attending) and two interviewers. The company "
          "comes from the written name, not 'Myworkday' or 'Goldfinchhealth'. Shape: sender pattern from "
          "fixtures (research §4); the notification text is hand-written (Workday's interview templates were "
          "not found), with the 'Candidate Home' wording of UW's job aids.", ["B3", "B5", "B6", "B9"])
    talia = P("Talia Brooks", "talia.brooks@goldfinchhealth.com")
    omar, june = P("Omar Siddiqui", "omar.siddiqui@goldfinchhealth.com"), P("June Park", "june.park@goldfinchhealth.com")
    body = ("Dear Jordan,\n\nYou have been scheduled for an interview for Revenue Cycle Analyst (R-20418) at Goldfinch "
            "Health.\n\nDate: Friday, November 13, 2026\nTime: 1:00 PM - 2:00 PM Eastern Time\nInterviewers: "
            "Omar Siddiqui, June Park\nLocation: Microsoft Teams (link in the attached invitation)\n\nTo view or "
            "manage your interview, sign in to Candidate Home.\n\nRegards,\nGoldfinch Health Talent Acquisition")
    ev = Ev(f"WD-{h('c108', 24)}@myworkday.com", t("2026-11-13 13:00"), t("2026-11-13 14:00"),
            "Interview: Revenue Cycle Analyst - Goldfinch Health", talia,
            (att(USER), att(omar, "ACCEPTED"), att(june, "ACCEPTED")), description=body,
            location="Microsoft Teams Meeting")
    s.mail("workday_interview_scheduled", "inbox", ats_mail(
        "workday", ev=ev, date=t("2026-11-09 08:05"), seed="c108",
        frm=P("Goldfinch Health Careers", "goldfinchhealth@myworkday.com"),
        subject="Interview Scheduled: Revenue Cycle Analyst", body=body, filename="Interview.ics"))
    s.run(t("2026-11-13 14:20"), [thanks(omar.email, "Omar", "Goldfinch Health"), thanks(june.email, "June", "Goldfinch Health")],
          total=2, interviews=1,
          interview=[iv("Goldfinch Health", company="Goldfinch Health", role="Revenue Cycle Analyst",
                        interviewers=[omar.email, june.email], contact=talia.email)])
    return s


def c109() -> S:
    s = S("109_b5_b6_b9_icims_associate_pricing_actuary",
          "Issue 13 class 11 / issue 14: an iCIMS interview confirmation for the 'Associate Pricing Actuary' role "
          "at 'Pinecrest Insurance' (domain pinecrestins.com). The recruiter organizes and attends, her title "
          "'Talent Acquisition Partner' on the line after her name: not an interviewer. The whole role and the "
          "written company appear in both notes, never 'Associate' or 'Pinecrest Ins'. Shape: hand-written (iCIMS "
          "templates not found; research §5 names 'Schedule Interview - [Candidate Name]' and calendar sync).",
          ["B5", "B6", "B9", "B10"])
    lauren = P("Lauren Mills", "lauren.mills@pinecrestins.com")
    robert, anita = P("Robert Chen", "robert.chen@pinecrestins.com"), P("Anita Rao", "anita.rao@pinecrestins.com")
    desc = ("Interview for the Associate Pricing Actuary position.\n\nInterviewers:\nRobert Chen, FSA - Pricing "
            "Actuary, Personal Lines\nAnita Rao, FCAS - Chief Actuary\n\nWe'll discuss rate indications, GLMs and "
            "your exam progress.\n\nLauren Mills\nTalent Acquisition Partner\nPinecrest Insurance")
    ev = Ev(f"icims-{h('c109', 20)}@icims.com", t("2026-11-10 10:00"), t("2026-11-10 11:30"),
            "Interview - Associate Pricing Actuary", lauren,
            (att(lauren, "ACCEPTED"), att(robert, "ACCEPTED"), att(anita, "ACCEPTED"), att(USER)), description=desc,
            location="Pinecrest Insurance, 400 Market Street, Hartford, CT - Conference Room 3B")
    s.mail("icims_confirmation", "inbox", ats_mail(
        "icims", ev=ev, date=t("2026-11-03 11:15"), seed="c109",
        frm=P("Pinecrest Insurance", "pinecrestins@talent.icims.com"), reply_to=lauren,
        subject="Interview Confirmation - Associate Pricing Actuary - Pinecrest Insurance",
        body="Dear Jordan,\n\nThank you for your interest in Pinecrest Insurance. We are pleased to confirm your "
             "interview for the Associate Pricing Actuary position on Tuesday, November 10, 2026 from 10:00 AM to "
             "11:30 AM ET at our Hartford office.\n\n" + desc))
    s.run(t("2026-11-10 12:00"), [thanks(robert.email, "Robert", "Associate Pricing Actuary", "Pinecrest Insurance"),
                                  thanks(anita.email, "Anita", "Associate Pricing Actuary", "Pinecrest Insurance")],
          total=2, interviews=1,
          interview=[iv("Pinecrest Insurance", company="Pinecrest Insurance", role="Associate Pricing Actuary",
                        interviewers=[robert.email, anita.email], contact=lauren.email)])
    return s


def c110() -> S:
    s = S("110_b1_b5_b6_smartrecruiters_formal_template_london",
          "SmartRecruiters' default 'Invitation to Job Interview (formal)' with its [m_...] placeholders filled "
          "in, sent 'via SmartRecruiters' with the employee as Reply-To and an .ics: the sender organizes, the "
          "engineering lead attends. User in Europe/London. The company writes 'Mercia Pay' (domain "
          "merciapay.co.uk). Shape: template text verbatim from help.smartrecruiters.com Email_Template_Types "
          "(research §6); sender address hand-written (not found).", ["B1", "B5", "B6", "B9", "B3"],
          user={"timezone": "Europe/London"})
    priya = P("Priya Shah", "priya.shah@merciapay.co.uk")
    oliver = P("Oliver Hughes", "oliver.hughes@merciapay.co.uk")
    body = ("Dear Jordan,\n\nThank you for applying to the Payments Platform Engineer position at Mercia Pay. I would "
            "like to invite you for an interview on Tue, 17 Nov 2026, 10:00 GMT at our office.\n\nIf you need to "
            "reschedule to a different time and/or date, please respond to this message so we can accommodate "
            "you. Let me know if you have any additional questions. We look forward to meeting with you.\n\n"
            "Best regards,\n\nPriya Shah")
    ev = Ev(f"sr-{h('c110', 24)}@smartrecruiters.com", t("2026-11-17 10:00", LONDON), t("2026-11-17 11:00", LONDON),
            "Interview: Payments Platform Engineer - Mercia Pay", priya, (att(USER), att(oliver, "ACCEPTED")),
            description="Interview with Oliver Hughes, Engineering Lead.",
            location="Mercia Pay, 1 Colmore Row, Birmingham B3 2BJ")
    s.mail("smartrecruiters_invitation", "inbox", ats_mail(
        "smartrecruiters", ev=ev, date=t("2026-11-09 15:00", LONDON), seed="c110",
        frm=P("Priya Shah via SmartRecruiters", "noreply@smartrecruiters.com"), reply_to=priya,
        subject="Invitation to Job Interview - Payments Platform Engineer", body=body))
    s.run(t("2026-11-17 10:30", LONDON), total=0, interviews=1)
    s.run(t("2026-11-17 11:30", LONDON), [thanks(oliver.email, "Oliver", "Mercia Pay", "Payments Platform Engineer")],
          total=1, interviews=1,
          interview=[iv("Mercia Pay", company="Mercia Pay", role="Payments Platform Engineer",
                        interviewers=[oliver.email], contact=priya.email, start="2026-11-17T10:00:00+00:00")])
    return s


def c111() -> S:
    s = S("111_b2_b9_smartrecruiters_no_ics_user_confirms",
          "SmartRecruiters formal invitation without a calendar file; the user confirms the stated time by "
          "replying (to the Reply-To). No invitation exists, so the interview comes from the user's sent "
          "mail (B2); the employee who invited is the contact and, with no other interviewer known, gets the "
          "thank-you. Shape: SmartRecruiters template verbatim (research §6), reply hand-written.",
          ["B2", "B3", "B9"])
    marta = P("Marta Kowalski", "marta.kowalski@ridgewaylogistics.com")
    inv = s.mail("smartrecruiters_invitation", "inbox", plain(
        seed="c111a", date=t("2026-11-12 09:20"), frm=P("Marta Kowalski via SmartRecruiters", "noreply@smartrecruiters.com"),
        to=[USER], reply_to=marta, style="ats", domain="smartrecruiters.com",
        subject="Invitation to Job Interview - Fleet Systems Analyst",
        body="Dear Jordan,\n\nThank you for applying to the Fleet Systems Analyst position at Ridgeway Logistics. I "
             "would like to invite you for an interview on Thursday, November 19, 2026 11:00 AM EST at our office."
             "\n\nIf you need to reschedule to a different time and/or date, please respond to this message so we "
             "can accommodate you. Let me know if you have any additional questions. We look forward to meeting "
             "with you.\n\nBest regards,\n\nMarta Kowalski"))
    s.mail("user_confirms", "sent", plain(
        seed="c111b", date=t("2026-11-12 12:05"), frm=USER, to=[marta], in_reply_to=inv,
        subject="Re: Invitation to Job Interview - Fleet Systems Analyst",
        body="Dear Marta,\n\nThank you for the invitation. Thursday, November 19 at 11:00 AM works for me, and I "
             "look forward to meeting you at the office.\n\nBest regards,\nJordan Lee"))
    s.run(t("2026-11-12 13:00"), total=0, interviews=1,
          interview=[iv("Ridgeway Logistics", company="Ridgeway Logistics", role="Fleet Systems Analyst",
                        contact=marta.email, start="2026-11-19T11:00:00-05:00")])
    s.run(t("2026-11-19 10:00"), total=0)
    s.run(t("2026-11-19 13:30"), [thanks(marta.email, "Marta", "Ridgeway Logistics", "Fleet Systems Analyst")], total=1)
    return s


def c112() -> S:
    end = t("2026-11-10 11:30")
    day = decision_default(end)  # 2026-11-19
    s = S("112_b5_b14_b17_jobvite_beacon_harbor_follow_up",
          "Jobvite notification from '<Company> <notification@jobvite.com>' (company named in the subject) with "
          "the recruiter as Reply-To and an .ics with two interviewers. The recruiter also writes personally the "
          "day before. The company writes 'Beacon Harbor' (domain beaconharbor.com): thank-yous and the "
          "follow-up say 'Beacon Harbor'. No date stated: the follow-up to the recruiter comes the day after the "
          "default date, in reply to her personal mail. Shape: Jobvite sender per fixtures (research §7); text "
          "hand-written (templates not found).", ["B5", "B6", "B14", "B17", "B3"])
    claire = P("Claire Donnelly", "claire.donnelly@beaconharbor.com")
    amir, lena = P("Amir Haddad", "amir.haddad@beaconharbor.com"), P("Lena Ortiz", "lena.ortiz@beaconharbor.com")
    ev = Ev(f"jv-{h('c112', 24)}@jobvite.com", t("2026-11-10 10:00"), end,
            "Beacon Harbor Interview: Marketing Operations Manager", claire,
            (att(USER), att(amir, "ACCEPTED"), att(lena, "ACCEPTED")),
            description="Interview for Marketing Operations Manager with Amir Haddad (VP Marketing) and Lena Ortiz "
                        "(Marketing Analytics Lead).", location="Beacon Harbor, 88 Wharf Street, Portland, ME")
    s.mail("jobvite_interview_scheduled", "inbox", ats_mail(
        "jobvite", ev=ev, date=t("2026-11-04 10:30"), seed="c112",
        frm=P("Beacon Harbor", "notification@jobvite.com"), reply_to=claire,
        subject="Beacon Harbor: Interview Scheduled - Marketing Operations Manager",
        body="Hello Jordan,\n\nYour interview for Marketing Operations Manager at Beacon Harbor has been scheduled "
             "for Tuesday, November 10, 2026, 10:00 AM - 11:30 AM ET at 88 Wharf Street, Portland, ME. You will "
             "meet Amir Haddad and Lena Ortiz.\n\nPlease find the calendar invitation attached.\n\nClaire Donnelly\n"
             "Beacon Harbor Talent Team\n\nPowered by Jobvite"))
    note = s.mail("recruiter_personal_note", "inbox", plain(
        seed="c112b", date=t("2026-11-09 16:00"), frm=claire, to=[USER], style="outlook",
        subject="Tomorrow at Beacon Harbor",
        body="Hi Jordan,\n\nLooking forward to tomorrow! Visitor parking is behind the building; check in at the "
             "front desk and ask for me.\n\nClaire Donnelly\nTalent Acquisition Manager, Beacon Harbor"))
    s.run(t("2026-11-10 12:00"), [thanks(amir.email, "Amir", "Beacon Harbor", "Marketing Operations Manager"),
                                  thanks(lena.email, "Lena", "Beacon Harbor")], total=2, interviews=1,
          interview=[iv("Beacon Harbor", company="Beacon Harbor", role="Marketing Operations Manager",
                        interviewers=[amir.email, lena.email], contact=claire.email)])
    s.user("send_draft", "thank_you", amir.email)
    s.user("send_draft", "thank_you", lena.email)
    s.run(t("2026-11-11 09:00"), total=0, decision={"Beacon Harbor": day})
    s.run(t("2026-11-19 17:00"), total=0)
    s.run(t("2026-11-20 08:30"), [("follow_up", claire.email, {"in_reply_to": note,
                                                               "body_contains": ["Claire", "Beacon Harbor"]})],
          total=1)
    return s


# ------------------------------------------------------------------ GoodTime


def c113() -> S:
    s = S("113_b6_b9_goodtime_candidate_calendar_names_only",
          "Issue 13 class 6: a GoodTime onsite whose invitation comes from the company's 'Candidate Calendar' "
          "group and lists the interviewers in the itinerary by name and title only (no addresses; the "
          "interviewers' own event is separate). The thank-you goes to the human recruiter who sent GoodTime's "
          "'Confirmation' mail, naming the role and company; nobody is thanked at a made-up address. Shape: "
          "Candidate Calendar and itinerary variables ($Event.Interviewers.NamesAndTitles) per "
          "support.goodtime.io 1500008656502 / 3602470060 (research §8, §18.4).", ["B6", "B9", "B3"])
    alana = P("Alana Reyes", "alana.reyes@brightwaterbank.com")
    cal = group_cal("Brightwater Bank Candidate Calendar", "c113g")
    s.mail("goodtime_confirmation_from_recruiter", "inbox", plain(
        seed="c113a", date=t("2026-11-06 10:00"), frm=alana, to=[USER], style="ats", domain="brightwaterbank.com",
        subject="Confirmed: your Virtual Onsite with Brightwater Bank",
        body="Hi Jordan,\n\nYour Virtual Onsite for the Fraud Data Scientist role is confirmed for Thursday, November "
             "12, 1:00 - 3:00 PM ET. You'll receive a calendar invitation from our Candidate Calendar with the "
             "itinerary and the video link.\n\nBest,\nAlana Reyes\nRecruiter, Brightwater Bank"))
    itinerary = ("Brightwater Bank - Virtual Onsite\n\nYour itinerary (Eastern Time):\n"
                 "1:00 PM - 1:45 PM  Fraud modelling - Gabriel Moreau, Principal Data Scientist\n"
                 "1:45 PM - 2:30 PM  SQL and experimentation - Hye-jin Park, Senior Data Scientist\n"
                 "2:30 PM - 3:00 PM  Hiring manager - Daniel Okafor, Head of Fraud Analytics\n\n"
                 "Join: https://brightwaterbank.zoom.us/j/87722310945")
    ev = Ev(uid_google("c113"), t("2026-11-12 13:00"), t("2026-11-12 15:00"),
            "Virtual Onsite: Jordan Lee - Fraud Data Scientist", cal, (att(USER),), description=itinerary,
            location="https://brightwaterbank.zoom.us/j/87722310945")
    s.mail("goodtime_candidate_calendar_invitation", "inbox", google("c113", ev, t("2026-11-06 10:02")))
    s.run(t("2026-11-12 15:30"), [thanks(alana.email, "Alana", "Fraud Data Scientist", "Brightwater Bank")], total=1,
          interviews=1, interview=[iv("Brightwater Bank", company="Brightwater Bank", role="Fraud Data Scientist",
                                      contact=alana.email)])
    return s


def c114() -> S:
    s = S("114_b6_b9_goodtime_o365_itinerary_room",
          "GoodTime on Office 365 sends the candidate invitation from the scheduler's personal calendar (an "
          "Outlook request): the coordinator organizes (not an attendee), three interviewers attend with "
          "addresses, a conference room is a ROOM attendee, and the itinerary lists names and titles. Three "
          "thank-yous; the room and the coordinator get none; the coordinator is the contact. Shape: GoodTime "
          "O365 variant and itinerary per support.goodtime.io 1500008656502 / 3602470060 (research §8); "
          "Outlook request per §13.", ["B6", "B9", "B3"])
    maya = P("Maya Chen", "maya.chen@fathomanalytics.com")
    a, b, c = (P("Isabel Ferreira", "isabel.ferreira@fathomanalytics.com"), P("Tobias Meyer", "tobias.meyer@fathomanalytics.com"),
               P("Grace Adeyemi", "grace.adeyemi@fathomanalytics.com"))
    room = P("NYC-12-Hudson (10) Polycom", "nyc12hudson@fathomanalytics.com")
    ev = Ev(uid_outlook("c114"), t("2026-11-16 09:00"), t("2026-11-16 12:00"),
            "Onsite Interview - Jordan Lee - Analytics Engineer", maya,
            (att(USER), att(a), att(b), att(c), att(room, "ACCEPTED", cutype="ROOM", role="NON-PARTICIPANT")),
            description="Hi Jordan,\n\nWelcome to Fathom Analytics! Your onsite itinerary:\n\n9:00 AM - 10:00 AM  dbt "
                        "and modelling - Isabel Ferreira, Analytics Engineering Lead\n10:00 AM - 11:00 AM  Stakeholder "
                        "case - Tobias Meyer, Product Analytics Manager\n11:00 AM - 12:00 PM  Values and career - Grace "
                        "Adeyemi, VP Data\n\nRoom: NYC-12-Hudson, 12th floor, 55 Water Street.\n\nMaya Chen\n"
                        "Recruiting Coordinator, Fathom Analytics\n\nScheduled with GoodTime",
            location="NYC-12-Hudson (10) Polycom")
    s.mail("goodtime_outlook_invitation", "inbox", outlook("c114", ev, t("2026-11-10 15:40")))
    s.run(t("2026-11-16 12:20"), [thanks(a.email, "Isabel", "Fathom Analytics"), thanks(b.email, "Tobias", "Fathom Analytics"),
                                  thanks(c.email, "Grace", "Fathom Analytics")], total=3, interviews=1,
          interview=[iv("Fathom Analytics", company="Fathom Analytics", role="Analytics Engineer",
                        interviewers=[a.email, b.email, c.email], contact=maya.email)])
    return s


def c115() -> S:
    s = S("115_b6_b7_b9_panel_update_one_declined",
          "Issue 13 class 5: a panel invitation (Greenhouse's connected-calendar Google invite), then an "
          "'Updated invitation with note' (same UID, SEQUENCE 1) in which one panelist has DECLINED and a "
          "replacement was added; a room is a resource. Thank-yous go to the two who attend, not to the one who "
          "declined nor the room; the recruiter organizes and is the contact. Shape: Greenhouse 'Send candidate "
          "calendar events via connected calendar' per support.greenhouse.io 28907201832731 (research §1), "
          "Google 'Updated invitation with note' subject per §12.", ["B6", "B7", "B9", "B3"])
    ruth = P("Ruth Okafor", "ruth.okafor@tidepoolbio.com")
    ana, ben, chidi = (P("Ana Lima", "ana.lima@tidepoolbio.com"), P("Ben Carter", "ben.carter@tidepoolbio.com"),
                       P("Chidi Eze", "chidi.eze@tidepoolbio.com"))
    room = P("SSF-2-Kelp (8)", "c_188abc2kelp@resource.calendar.google.com")
    base = {"uid": uid_google("c115"), "start": t("2026-11-18 14:00"), "end": t("2026-11-18 15:30"),
            "summary": "Panel Interview: Jordan Lee - Computational Biologist", "organizer": ruth,
            "conference": gmeet("c115"),
            "description": "Panel interview for the Computational Biologist role at Tidepool Bio. We'll discuss "
                           "your single-cell analysis work and a short data exercise."}
    ev0 = Ev(attendees=(att(USER), att(ana, "ACCEPTED"), att(ben, "ACCEPTED"),
                        att(room, "ACCEPTED", cutype="RESOURCE", role="NON-PARTICIPANT")), **base)
    ev1 = Ev(attendees=(att(USER, "ACCEPTED"), att(ana, "ACCEPTED"), att(ben, "DECLINED"), att(chidi, "ACCEPTED"),
                        att(room, "ACCEPTED", cutype="RESOURCE", role="NON-PARTICIPANT")), sequence=1, **base)
    s.mail("google_panel_invitation", "inbox", google("c115", ev0, t("2026-11-10 09:00")))
    s.mail("google_panel_updated_with_note", "inbox", google(
        "c115b", ev1, t("2026-11-16 17:20"),
        subject="Updated invitation with note: Panel Interview: Jordan Lee - Computational Biologist @ Wed Nov 18, "
                "2026 2pm - 3:30pm (EST) (jordan.lee@gmail.com)",
        body="Ruth Okafor has updated this event with a note:\n\"Ben is out that day; Chidi Eze (Senior Scientist) "
             "will join the panel instead.\"\n\nPanel Interview: Jordan Lee - Computational Biologist\n\n"
             "Invitation from Google Calendar"))
    s.run(t("2026-11-18 16:00"), [thanks(ana.email, "Ana", "Tidepool Bio"), thanks(chidi.email, "Chidi", "Tidepool Bio")],
          total=2, interviews=1,
          interview=[iv("Tidepool Bio", company="Tidepool Bio", role="Computational Biologist",
                        interviewers=[ana.email, chidi.email], contact=ruth.email)])
    return s


# ------------------------------------------------------------------ Gem, Calendly, Bookings


def c116() -> S:
    s = S("116_b6_b9_gem_bare_address_named_in_text",
          "Issue 14: a Gem-scheduled Google invitation from a shared recruiting calendar. One interviewer has no "
          "display name (CN is k.tanaka@lumenfield.io) but the description calls him 'Kenji (Analytics Lead)': "
          "the note greets 'Hi Kenji,', never 'Hi K.tanaka,'. The recruiter who sent Gem's scheduling mail is "
          "the contact. Shape: Gem on shared Google calendars per support.gem.com 30520392904087 (research §9), "
          "texts hand-written (Gem templates not found).", ["B6", "B9", "B3"])
    owen = P("Owen Park", "owen.park@lumenfield.io")
    kenji, sofia = P("", "k.tanaka@lumenfield.io"), P("Sofia Reyes", "sofia.reyes@lumenfield.io")
    cal = group_cal("Lumenfield Recruiting", "c116g")
    s.mail("gem_scheduling_mail", "inbox", plain(
        seed="c116a", date=t("2026-11-09 13:00"), frm=owen, to=[USER],
        subject="Next step with Lumenfield: Analytics Engineer interview",
        body="Hi Jordan,\n\nYou're all set for Tuesday, November 17 at 4pm ET. You'll meet Kenji (Analytics Lead) "
             "and Sofia Reyes (Data Scientist); a calendar invite is on its way.\n\nCheers,\nOwen Park\nRecruiting, "
             "Lumenfield"))
    ev = Ev(uid_google("c116"), t("2026-11-17 16:00"), t("2026-11-17 17:00"),
            "Lumenfield | Analytics Engineer Interview | Jordan Lee", cal,
            (att(USER), att(kenji, "ACCEPTED"), att(sofia, "ACCEPTED")),
            description="Analytics Engineer interview at Lumenfield.\n\nYou'll meet:\n- Kenji (Analytics Lead)\n- "
                        "Sofia Reyes (Data Scientist)\n\nWe'll go through a metrics design question together.",
            conference=gmeet("c116"))
    s.mail("google_invitation_shared_calendar", "inbox", google("c116", ev, t("2026-11-09 13:05")))
    s.run(t("2026-11-17 17:30"), [named(thanks(kenji.email, "Hi Kenji,", "Lumenfield"), "Kenji"),
                                  named(thanks(sofia.email, "Sofia", "Lumenfield"), "Sofia Reyes")],
          total=2, interviews=1,
          interview=[iv("Lumenfield", company="Lumenfield", role="Analytics Engineer",
                        interviewers=[kenji.email, sofia.email], contact=owen.email)])
    return s


def c117() -> S:
    s = S("117_b6_b9_gem_reminder_last_first_accented",
          "Gem's automated reminder to share availability, the user's reply with times, then an Outlook "
          "invitation from the recruiter (organizer, not attending) to one interviewer whose directory display "
          "name is 'García-Márquez, José': the note greets 'Hi José,'. Shape: Gem 'Request Availability & "
          "Schedule' with automated follow-ups per help.gem.com configure-scheduling-defaults (research §9); "
          "Outlook request §13; wording hand-written.", ["B6", "B9", "B3"])
    lucia = P("Lucía Ortega", "lucia.ortega@altamirasystems.com")
    jose = P("García-Márquez, José", "jose.garcia-marquez@altamirasystems.com")
    rem = s.mail("gem_availability_reminder", "inbox", plain(
        seed="c117a", date=t("2026-11-11 09:00"), frm=lucia, to=[USER], style="ats", domain="altamirasystems.com",
        subject="Reminder: share your availability - Altamira Systems",
        body="Hi Jordan,\n\nJust a friendly reminder to share your availability for your Site Reliability Engineer "
             f"interview: https://scheduling.gem.com/availability/{h('c117l', 24)}\n\nThanks!\nLucía Ortega\n"
             "Talent Partner, Altamira Systems"))
    s.mail("user_availability", "sent", plain(
        seed="c117b", date=t("2026-11-11 10:30"), frm=USER, to=[lucia], in_reply_to=rem,
        subject="Re: Reminder: share your availability - Altamira Systems",
        body="Hi Lucía,\n\nSorry for the delay. I've added my availability; Thursday morning next week is best.\n\n"
             "Best,\nJordan"))
    ev = Ev(uid_outlook("c117"), t("2026-11-19 10:00"), t("2026-11-19 11:00"),
            "Altamira Systems - SRE Interview - Jordan Lee", lucia, (att(jose), att(USER)),
            description="Interview for the Site Reliability Engineer role with José García-Márquez, Director of "
                        "Infrastructure. Topics: capacity planning and incident response.",
            location="Microsoft Teams Meeting", conference=teams("c117"))
    s.mail("outlook_invitation", "inbox", outlook("c117", ev, t("2026-11-12 14:00")))
    s.run(t("2026-11-19 11:30"), [named(thanks(jose.email, "Hi José,", "Altamira Systems"), "García-Márquez, José")],
          total=1, interviews=1,
          interview=[iv("Altamira Systems", company="Altamira Systems", role="Site Reliability Engineer",
                        interviewers=[jose.email], contact=lucia.email)])
    return s


def c118() -> S:
    s = S("118_b3_b9_calendly_recruiter_phone_screen",
          "Calendly with recruiting words: the candidate books the recruiter's 'Recruiter Phone Screen' event; "
          "the invitation comes from the host's connected Google calendar (Calendly's default 'calendar "
          "invitation' mode). The recruiter is the only other person: she gets the thank-you. Shape: Calendly "
          "invitee notifications per help.calendly.com 14078580813335 (research §10), Google invitation §12.",
          ["B3", "B9"])
    nadia = P("Nadia Karim", "nadia.karim@foxglovemedia.com")
    ev = Ev(uid_google("c118"), t("2026-11-09 11:00"), t("2026-11-09 11:30"),
            "Recruiter Phone Screen between Nadia Karim and Jordan Lee", nadia,
            (att(nadia, "ACCEPTED"), att(USER, "ACCEPTED")),
            description="Event Name: Recruiter Phone Screen\n\nLocation: Nadia will call you at (555) 010-2000.\n\n"
                        "Please share anything that will help prepare for our meeting.: Applying for the Audience "
                        "Growth Manager role at Foxglove Media.\n\nNeed to make changes to this event?\nCancel: "
                        f"https://calendly.com/cancellations/{h('c118c', 36)}\nReschedule: "
                        f"https://calendly.com/reschedulings/{h('c118c', 36)}\n\nPowered by Calendly.com")
    s.mail("calendly_host_calendar_invitation", "inbox", google("c118", ev, t("2026-11-05 17:10")))
    s.run(t("2026-11-09 12:00"), [thanks(nadia.email, "Nadia", "Foxglove Media", "Audience Growth Manager")], total=1,
          interviews=1, interview=[iv("Foxglove Media", company="Foxglove Media", role="Audience Growth Manager",
                                      contact=nadia.email)])
    return s


def c119() -> S:
    s = S("119_b3_b5_b6_calendly_email_confirmation_hiring_manager",
          "Calendly's 'email confirmation' mode: 'Confirmed: <event> with <host>' from Calendly's address with "
          "the host as Reply-To and a static .ics; the event type is a hiring-manager interview. The host (the "
          "hiring manager) is the interviewer and contact; the company comes from her domain and signature, "
          "never 'Calendly'. Shape: research §10 (email-confirmation variant, 'Confirmed:' subject seen in "
          "parsers).", ["B3", "B5", "B6", "B9"])
    freya = P("Freya Lindqvist", "freya.lindqvist@saffronlabs.com")
    ev = Ev(f"{h('c119', 24)}@calendly.com", t("2026-11-20 14:00"), t("2026-11-20 14:45"),
            "Hiring Manager Interview - Senior Product Designer", freya, (att(freya, "ACCEPTED"), att(USER, "ACCEPTED")),
            description="Event Name: Hiring Manager Interview - Senior Product Designer\n\nLocation: This is a "
                        "Google Meet web conference.\n\nPowered by Calendly.com", conference=gmeet("c119"))
    s.mail("calendly_email_confirmation", "inbox", invitation(
        style="calendly", ev=ev, date=t("2026-11-16 10:05"), to=[USER], seed="c119",
        frm=P("Calendly", "notifications@calendly.com"), reply_to=freya,
        subject="Confirmed: Hiring Manager Interview - Senior Product Designer with Freya Lindqvist",
        body="Hi Jordan Lee,\n\nYour Hiring Manager Interview - Senior Product Designer with Freya Lindqvist at "
             "02:00pm (Eastern Time - US & Canada) on Friday, November 20, 2026 is scheduled.\n\nEvent Type: Hiring "
             "Manager Interview - Senior Product Designer\n\nQuestions:\nAnything you'd like us to know? Portfolio: "
             "jordanlee.design\n\nFreya Lindqvist\nHead of Design, Saffron Labs\n\nSent from Calendly"))
    s.run(t("2026-11-20 15:15"), [thanks(freya.email, "Freya", "Saffron Labs", "Senior Product Designer")], total=1,
          interviews=1, interview=[iv("Saffron Labs", company="Saffron Labs", role="Senior Product Designer",
                                      interviewers=[freya.email], contact=freya.email)])
    return s


def c120() -> S:
    s = S("120_b3_b5_b6_microsoft_bookings_staff_member",
          "Microsoft Bookings: the invitation is organized by the booking page's mailbox ('Kestrel Bank Careers', "
          "a scheduler address on the tenant's onmicrosoft.com domain) and attended by the staff member who "
          "interviews, with a Teams link. The staff member gets the thank-you; the booking mailbox never does. "
          "Shape: hand-written (Bookings subjects and bodies not found; research §11 describes notification "
          "emails and Teams appointments).", ["B3", "B5", "B6", "B9"])
    book = P("Kestrel Bank Careers", "KestrelBankCareers@kestrelbank.onmicrosoft.com")
    hiro = P("Hiroshi Sato", "hiroshi.sato@kestrelbank.com")
    ev = Ev(uid_outlook("c120"), t("2026-11-24 10:00"), t("2026-11-24 10:45"),
            "Graduate Analyst Interview with Kestrel Bank", book, (att(USER), att(hiro, "ACCEPTED")),
            description="Your booking is confirmed.\n\nService: Graduate Analyst Interview (45 minutes)\nStaff: "
                        "Hiroshi Sato, Associate Director, Markets\n\nKestrel Bank Careers\ncareers@kestrelbank.com",
            location="Microsoft Teams Meeting", conference=teams("c120"))
    s.mail("bookings_invitation", "inbox", outlook(
        "c120", ev, t("2026-11-18 19:30"), subject="Graduate Analyst Interview with Kestrel Bank - booking confirmed"))
    s.run(t("2026-11-24 11:15"), [thanks(hiro.email, "Hiroshi", "Kestrel Bank", "Graduate Analyst")], total=1,
          interviews=1, interview=[iv("Kestrel Bank", company="Kestrel Bank", role="Graduate Analyst",
                                      interviewers=[hiro.email])])
    return s


# ------------------------------------------------------------------ people around the interview


def c121() -> S:
    s = S("121_b6_b9_technical_recruiter_next_line",
          "Issue 13 class 4: an Outlook invitation the recruiter organizes and attends, signed 'Priya Natarajan' "
          "with 'Technical Recruiter' on the next line; one engineer attends. Only the engineer is thanked; the "
          "recruiter is the contact. Shape: Outlook request per research §13; signature hand-written.",
          ["B6", "B9"])
    priya = P("Priya Natarajan", "priya.natarajan@granitepeak.io")
    luis = P("Luis Ortega", "luis.ortega@granitepeak.io")
    ev = Ev(uid_outlook("c121"), t("2026-11-11 15:00"), t("2026-11-11 16:00"),
            "Technical Interview - Backend Engineer - Jordan Lee", priya, (att(priya, "ACCEPTED"), att(luis), att(USER)),
            description="Hi Jordan,\n\nHere is your technical interview with Luis Ortega (Staff Engineer) for the "
                        "Backend Engineer role at Granite Peak Software: live coding in Go and an API design "
                        "discussion.\n\nPriya Natarajan\nTechnical Recruiter\nGranite Peak Software",
            location="Microsoft Teams Meeting", conference=teams("c121"))
    s.mail("outlook_invitation", "inbox", outlook("c121", ev, t("2026-11-05 11:00")))
    s.run(t("2026-11-11 16:30"), [thanks(luis.email, "Luis", "Granite Peak Software", "Backend Engineer")], total=1,
          interviews=1, interview=[iv("Granite Peak Software", company="Granite Peak Software", role="Backend Engineer",
                                      interviewers=[luis.email], contact=priya.email)])
    return s


def c122() -> S:
    s = S("122_b6_b9_senior_technical_recruiter_company_line",
          "Issue 13 class 4: a Google invitation organized and attended by the recruiter whose description ends "
          "'Rowan Ellis' / 'Senior Technical Recruiter, Sierra Vista Games' on the line after the name; two "
          "engineers attend. Both engineers are thanked, Rowan is not (Rowan is the contact). Shape: Google "
          "invitation per research §12; signature hand-written.", ["B6", "B9", "B5"])
    rowan = P("Rowan Ellis", "rowan.ellis@sierravistagames.com")
    kai, zoe = P("Kai Nakamura", "kai.nakamura@sierravistagames.com"), P("Zoe Adler", "zoe.adler@sierravistagames.com")
    ev = Ev(uid_google("c122"), t("2026-11-13 12:00"), t("2026-11-13 13:30"),
            "Gameplay Programmer Interview - Jordan Lee", rowan,
            (att(rowan, "ACCEPTED"), att(kai, "ACCEPTED"), att(zoe, "ACCEPTED"), att(USER)),
            description="Hi Jordan,\n\nYou'll meet Kai Nakamura (Lead Gameplay Programmer) and Zoe Adler (Senior "
                        "Engine Programmer) for a C++ and game-systems conversation.\n\nRowan Ellis\nSenior "
                        "Technical Recruiter, Sierra Vista Games", conference=gmeet("c122"))
    s.mail("google_invitation", "inbox", google("c122", ev, t("2026-11-06 16:00")))
    s.run(t("2026-11-13 14:00"), [thanks(kai.email, "Kai", "Sierra Vista Games", "Gameplay Programmer"),
                                  thanks(zoe.email, "Zoe", "Sierra Vista Games")], total=2, interviews=1,
          interview=[iv("Sierra Vista Games", company="Sierra Vista Games", role="Gameplay Programmer",
                        interviewers=[kai.email, zoe.email], contact=rowan.email)])
    return s


def c123() -> S:
    s = S("123_b6_b9_shared_recruiting_mailbox_rooms",
          "A panel organized from the shared 'recruiting@' mailbox, which is also on the attendee list, with a "
          "room and an AV resource; a human coordinator sent the scheduling mail before. Three interviewers are "
          "thanked; recruiting@, the room and the resource are not; the coordinator is the contact. Shape: "
          "Greenhouse-style global 'recruiting@company' addresses per support.greenhouse.io 205759545 "
          "(research §1); Outlook request §13.", ["B6", "B9", "B3"])
    grace = P("Grace Okafor", "grace.okafor@meridianrail.com")
    shared = P("Meridian Rail Recruiting", "recruiting@meridianrail.com")
    a, b, c = (P("Henrik Dahl", "henrik.dahl@meridianrail.com"), P("Fatima Noor", "fatima.noor@meridianrail.com"),
               P("Paul Mensah", "paul.mensah@meridianrail.com"))
    room = P("CHI-7 Union Station Room (14)", "chi7.unionstation@meridianrail.com")
    av = P("CHI-7 Video Kit", "chi7.videokit@meridianrail.com")
    s.mail("coordinator_scheduling_mail", "inbox", plain(
        seed="c123a", date=t("2026-11-16 10:00"), frm=grace, to=[USER], style="outlook",
        subject="Panel interview - Rail Operations Data Analyst",
        body="Hi Jordan,\n\nYou're confirmed for the panel interview for the Rail Operations Data Analyst role on "
             "Monday, November 23, 9:30 AM - 12:00 PM at our Chicago office (222 W Adams St, 7th floor). The "
             "invitation comes from our recruiting mailbox.\n\nGrace Okafor\nRecruiting Coordinator, Meridian Rail"))
    ev = Ev(uid_outlook("c123"), t("2026-11-23 09:30"), t("2026-11-23 12:00"),
            "Panel Interview: Rail Operations Data Analyst - Jordan Lee", shared,
            (att(shared, "ACCEPTED", role="NON-PARTICIPANT"), att(USER), att(a), att(b), att(c),
             att(room, "ACCEPTED", cutype="ROOM", role="NON-PARTICIPANT"),
             att(av, "ACCEPTED", cutype="RESOURCE", role="NON-PARTICIPANT")),
            description="Panel: Henrik Dahl (Director, Network Planning), Fatima Noor (Senior Data Analyst), Paul "
                        "Mensah (Operations Research Manager).\nRoom: CHI-7 Union Station Room.",
            location="CHI-7 Union Station Room (14); CHI-7 Video Kit")
    s.mail("outlook_invitation_from_shared_mailbox", "inbox", outlook("c123", ev, t("2026-11-16 10:05")))
    s.run(t("2026-11-23 12:30"), [thanks(a.email, "Henrik", "Meridian Rail"), thanks(b.email, "Fatima", "Meridian Rail"),
                                  thanks(c.email, "Paul", "Meridian Rail")], total=3, interviews=1,
          interview=[iv("Meridian Rail", company="Meridian Rail", role="Rail Operations Data Analyst",
                        interviewers=[a.email, b.email, c.email], contact=grace.email)])
    return s


def c124() -> S:
    s = S("124_b6_b9_exchange_assistant_on_behalf",
          "An executive assistant sends the VP's meeting request on his behalf: From is the VP, the Sender header "
          "is the assistant, ORGANIZER carries SENT-BY the assistant; only the candidate is an attendee. The VP "
          "(organizer, nobody else attends) is the interviewer and contact; the assistant is never thanked. "
          "Shape: Exchange delegate 'on behalf of' (From vs Sender, SENT-BY per RFC 5545 3.2.18); hand-written.",
          ["B6", "B9", "B5"])
    daniel = P("Daniel Kim", "daniel.kim@northgate-ai.com")
    erin = P("Erin Walsh", "erin.walsh@northgate-ai.com")
    ev = Ev(uid_outlook("c124"), t("2026-12-01 16:00"), t("2026-12-01 16:45"),
            "Northgate AI - Head of Platform Engineering - conversation with Daniel Kim", daniel, (att(USER),),
            description="Hi Jordan,\n\nDaniel would like to meet you for a conversation about the Head of Platform "
                        "Engineering role at Northgate AI.\n\nBest regards,\nErin Walsh\nExecutive Assistant to "
                        "Daniel Kim, CTO, Northgate AI", location="Microsoft Teams Meeting", conference=teams("c124"))
    s.mail("exchange_request_on_behalf", "inbox", exchange_invite(
        ev=ev, date=t("2026-11-24 12:00"), seed="c124", frm=daniel, to=[USER], sender=erin,
        ics_edit=lambda ics: edit_ics(ics, "ORGANIZER", f'ORGANIZER;CN=Daniel Kim;SENT-BY="mailto:{erin.email}":'
                                                          f"mailto:{daniel.email}")))
    s.run(t("2026-12-01 17:15"), [thanks(daniel.email, "Daniel", "Northgate AI", "Head of Platform Engineering")],
          total=1, interviews=1,
          interview=[iv("Northgate AI", company="Northgate AI", role="Head of Platform Engineering",
                        interviewers=[daniel.email], contact=daniel.email)])
    return s


def c125() -> S:
    s = S("125_b6_b9_gmail_delegate_scheduling",
          "The CTO's scheduling mail is sent by her executive assistant through Gmail delegation (From: the CTO, "
          "Sender: the assistant); the assistant then sends the Google invitation from her own calendar with the "
          "CTO as the only other attendee. The CTO is the interviewer and gets the thank-you; the assistant, "
          "organizer but not attending, does not. Shape: hand-written (delegate headers), Google invitation "
          "per research §12.", ["B6", "B9"])
    vic = P("Victoria Hale", "victoria.hale@ambergrid.com")
    sam = P("Sam Ortiz", "sam.ortiz@ambergrid.com")
    m = plain(seed="c125a", date=t("2026-11-25 09:00"), frm=vic, to=[USER],
              subject="Meeting about the Staff Engineer, Grid Forecasting role",
              body="Hi Jordan,\n\nVictoria would like to meet you next Wednesday, December 2 at 11am ET for a 45-minute "
                   "interview about the Staff Engineer, Grid Forecasting role. I'll send a calendar invitation.\n\n"
                   "Best,\nSam Ortiz on behalf of Victoria Hale\nExecutive Assistant to the CTO, Amber Grid",
              extra=[("Sender", sam.header())])
    s.mail("delegate_scheduling_mail", "inbox", m)
    ev = Ev(uid_google("c125"), t("2026-12-02 11:00"), t("2026-12-02 11:45"),
            "Interview: Jordan Lee / Victoria Hale (Amber Grid)", sam, (att(vic, "ACCEPTED"), att(USER)),
            description="Staff Engineer, Grid Forecasting interview with Victoria Hale, CTO.", conference=gmeet("c125"))
    s.mail("google_invitation_from_assistant", "inbox", google("c125", ev, t("2026-11-25 09:10")))
    s.run(t("2026-12-02 12:10"), [thanks(vic.email, "Victoria", "Amber Grid")], total=1, interviews=1,
          interview=[iv("Amber Grid", company="Amber Grid", role="Staff Engineer, Grid Forecasting",
                        interviewers=[vic.email])])
    return s


def c126() -> S:
    s = S("126_b5_b6_ats_no_reply_company_display_name",
          "A Greenhouse no-reply confirmation with only the company's display name ('Wrenfield Partners "
          "<no-reply@us.greenhouse-mail.io>', no Reply-To) and an .ics organized by Greenhouse's no-reply "
          "address: the company is 'Wrenfield Partners' (never 'Greenhouse'), the two attendees are the "
          "interviewers, the no-reply organizer is nobody. Shape: research §1 sender fixtures ('<Company> "
          "<no-reply@...greenhouse...>').", ["B5", "B6", "B9", "B3"])
    a, b = P("Miriam Cole", "miriam.cole@wrenfieldpartners.com"), P("Jonah Weiss", "jonah.weiss@wrenfieldpartners.com")
    body = ("Hi Jordan,\n\nYour interview for the Investment Data Engineer role at Wrenfield Partners is confirmed for "
            "Thursday, December 3, 2026 at 10:00 AM ET with Miriam Cole and Jonah Weiss.\n\nZoom: "
            "https://wrenfield.zoom.us/j/84410293388\n\nPlease do not reply to this automated message.\n\n"
            "Wrenfield Partners Recruiting")
    ev = Ev(f"gh-{h('c126', 20)}@greenhouse.io", t("2026-12-03 10:00"), t("2026-12-03 11:00"),
            "Interview: Investment Data Engineer - Wrenfield Partners",
            P("Wrenfield Partners Recruiting", "no-reply@greenhouse.io"),
            (att(USER), att(a, "ACCEPTED"), att(b, "ACCEPTED")), description=body,
            location="https://wrenfield.zoom.us/j/84410293388")
    s.mail("greenhouse_no_reply_confirmation", "inbox", ats_mail(
        "greenhouse", ev=ev, date=t("2026-11-27 09:00"), seed="c126",
        frm=P("Wrenfield Partners", "no-reply@us.greenhouse-mail.io"),
        subject="Interview Confirmation: Investment Data Engineer", body=body))
    s.run(t("2026-12-03 11:20"), [thanks(a.email, "Miriam", "Wrenfield Partners"), thanks(b.email, "Jonah", "Wrenfield Partners")],
          total=2, interviews=1,
          interview=[iv("Wrenfield Partners", company="Wrenfield Partners", role="Investment Data Engineer",
                        interviewers=[a.email, b.email])])
    return s


# ------------------------------------------------------------------ far zones, DST, formats


def c127() -> S:
    s = S("127_b1_b8_greenhouse_html_only_kolkata",
          "User in Asia/Kolkata; a Greenhouse confirmation with an HTML body only and an .ics in UTC: the "
          "interview is 21:30-22:30 IST (16:00-17:00 UTC, 08:00 PT at the company). No thank-you while it "
          "runs, two right after, none again the next morning. The company writes 'Bluefin Payments' (domain "
          "bluefinpay.com). Shape: Greenhouse confirmation + .ics (research §1); HTML-only is a "
          "variation from issue 13.", ["B1", "B8", "B5", "B9"], user={"timezone": "Asia/Kolkata"})
    noor = P("Noor Hassan", "noor.hassan@bluefinpay.com")
    a, b = P("Ethan Wu", "ethan.wu@bluefinpay.com"), P("Carla Mendes", "carla.mendes@bluefinpay.com")
    start = t("2026-11-17 21:30", KOLKATA)
    body = ("Hi Jordan,\n\nYour interview for the Risk Platform Engineer role at Bluefin Payments is confirmed for "
            "Tuesday, November 17, 2026, 8:00 AM - 9:00 AM Pacific Time (9:30 PM - 10:30 PM India Standard Time) "
            "with Ethan Wu and Carla Mendes.\n\nGoogle Meet: https://meet.google.com/bfp-risk-int\n\nBest,\nNoor "
            "Hassan\nRecruiter, Bluefin Payments")
    ev = Ev(f"gh-{h('c127', 20)}@greenhouse.io", start, start + timedelta(hours=1),
            "Interview: Risk Platform Engineer - Bluefin Payments", noor,
            (att(USER), att(a, "ACCEPTED"), att(b, "ACCEPTED")), description=body,
            location="https://meet.google.com/bfp-risk-int")
    s.mail("greenhouse_html_only_confirmation", "inbox", ats_mail(
        "greenhouse", ev=ev, date=t("2026-11-11 22:00", KOLKATA), seed="c127",
        frm=P("Bluefin Payments", "no-reply@us.greenhouse-mail.io"), reply_to=noor, html_only=True,
        subject="Interview Confirmation: Risk Platform Engineer at Bluefin Payments", body=body))
    s.run(t("2026-11-17 22:00", KOLKATA), total=0, interviews=1)
    s.run(t("2026-11-17 22:50", KOLKATA), [thanks(a.email, "Ethan", "Bluefin Payments"),
                                          thanks(b.email, "Carla", "Bluefin Payments")], total=2,
          interview=[iv("Bluefin Payments", company="Bluefin Payments", role="Risk Platform Engineer",
                        interviewers=[a.email, b.email], contact=noor.email, start="2026-11-17T21:30:00+05:30")])
    s.run(t("2026-11-18 09:00", KOLKATA), total=2)
    return s


def c128() -> S:
    s = S("128_b1_b8_lever_sydney_user",
          "User in Australia/Sydney interviews with a San Francisco company: Lever scheduling mail 'Sent via "
          "Lever' from the recruiter, Google invitation for Tue Nov 17 14:00 PST = Wed Nov 18 09:00 AEDT. "
          "Nothing on the Wednesday-morning run during the interview, thank-yous just after. Shape: Lever email "
          "sync (research §2); Google invitation §12.", ["B1", "B8", "B9", "B6"], user={"timezone": "Australia/Sydney"})
    jess = P("Jess Moreno", "jess.moreno@tallgrassdata.com")
    a, b = P("Arjun Mehta", "arjun.mehta@tallgrassdata.com"), P("Claire Dubois", "claire.dubois@tallgrassdata.com")
    s.mail("lever_scheduling_mail", "inbox", plain(
        seed="c128a", date=t("2026-11-11 10:00", LA), frm=jess, to=[USER],
        subject="Tallgrass Data - Data Infrastructure Engineer interview",
        body="Hi Jordan,\n\nThanks for your flexibility with the time difference! You're booked for Tuesday, "
             "November 17 at 2pm Pacific (Wednesday 9am in Sydney) with Arjun Mehta and Claire Dubois. We'll dig "
             "into streaming pipelines and data quality.\n\nJess Moreno\nRecruiter, Tallgrass Data\n\nSent via Lever"))
    ev = Ev(uid_google("c128"), t("2026-11-17 14:00", LA), t("2026-11-17 15:00", LA),
            "Tallgrass Data - Data Infrastructure Engineer Interview (Jordan Lee)", jess,
            (att(a, "ACCEPTED"), att(b, "ACCEPTED"), att(USER)),
            description="Interview with Arjun Mehta (Engineering Manager) and Claire Dubois (Staff Engineer).",
            conference=gmeet("c128"))
    s.mail("google_invitation", "inbox", google("c128", ev, t("2026-11-11 10:05", LA)))
    s.run(t("2026-11-18 09:30", SYDNEY), total=0, interviews=1)
    s.run(t("2026-11-18 10:20", SYDNEY), [thanks(a.email, "Arjun", "Tallgrass Data"), thanks(b.email, "Claire", "Tallgrass Data")],
          total=2, interview=[iv("Tallgrass Data", company="Tallgrass Data", role="Data Infrastructure Engineer",
                                 interviewers=[a.email, b.email], contact=jess.email)])
    return s


def c129() -> S:
    end = t("2026-11-02 11:00", LA)
    day = decision_default(end, LA)  # 2026-11-11
    s = S("129_b1_b8_b14_b17_dst_week_los_angeles_follow_up",
          "User in America/Los_Angeles; the interview is on Monday, November 2, the day after US DST ends "
          "(10:00-11:00 PST = 18:00-19:00 UTC, an hour later in UTC than the week before). A Greenhouse "
          "connected-calendar Google invitation from the hiring manager, who alone interviews. The user sends the "
          "thank-you; no date is stated, so the follow-up comes the day after end + 7 business days (Wed Nov 11), "
          "replying to the user's thank-you. Shape: research §1 (connected calendar) and §12.",
          ["B1", "B8", "B14", "B17"], user={"timezone": "America/Los_Angeles"})
    mark = P("Mark Villanueva", "mark.villanueva@sequoialedger.com")
    ev = Ev(uid_google("c129"), t("2026-11-02 10:00", LA), end, "Sequoia Ledger - Ledger Services Engineer Interview",
            mark, (att(mark, "ACCEPTED"), att(USER)),
            description="Interview for the Ledger Services Engineer role at Sequoia Ledger with Mark Villanueva, "
                        "Engineering Manager: double-entry data models and idempotent APIs.", conference=gmeet("c129"))
    s.mail("google_invitation", "inbox", google("c129", ev, t("2026-10-27 14:00", LA)))
    s.run(t("2026-11-02 10:30", LA), total=0, interviews=1)
    s.run(t("2026-11-02 11:15", LA), [thanks(mark.email, "Mark", "Sequoia Ledger", "Ledger Services Engineer")],
          total=1, interview=[iv("Sequoia Ledger", interviewers=[mark.email], contact=mark.email,
                                 start="2026-11-02T10:00:00-08:00")])
    s.user("send_draft", "thank_you", mark.email)
    s.run(t("2026-11-11 20:00", LA), total=0, decision={"Sequoia Ledger": day})
    s.run(t("2026-11-12 08:00", LA), [("follow_up", mark.email, {"in_reply_to": "draft:thank_you:" + mark.email})],
          total=1)
    return s


def c130() -> S:
    end = t("2026-10-26 11:00", LONDON)
    day = decision_default(end, LONDON)  # 2026-11-04
    s = S("130_b1_b14_b17_workday_eu_dst_london_follow_up",
          "User in Europe/London; a Workday interview notification ('<company>@myworkday.com', display name "
          "'Severn Analytics Careers') for Monday, October 26, the day after EU summer time ends (10:00 GMT). "
          "The recruiter also writes personally. The default decision date is end + 7 business days (Wed Nov 4): "
          "the follow-up goes to the recruiter on Nov 5, replying to her mail. Shape: Workday sender per research "
          "§4 fixtures; text hand-written.", ["B1", "B5", "B14", "B17"], user={"timezone": "Europe/London"})
    harriet = P("Harriet Shaw", "harriet.shaw@severnanalytics.co.uk")
    tom = P("Tomasz Nowak", "tomasz.nowak@severnanalytics.co.uk")
    body = ("Dear Jordan,\n\nYour interview for Senior Analytics Engineer at Severn Analytics has been scheduled.\n\n"
            "Date: Monday, 26 October 2026\nTime: 10:00 - 11:00 (UK time)\nInterviewer: Tomasz Nowak\n\nSign in to "
            "Candidate Home to view the details.\n\nSevern Analytics Talent Acquisition")
    ev = Ev(f"WD-{h('c130', 24)}@myworkday.com", t("2026-10-26 10:00", LONDON), end,
            "Interview: Senior Analytics Engineer - Severn Analytics", harriet, (att(USER), att(tom, "ACCEPTED")),
            description=body, location="Microsoft Teams Meeting")
    s.mail("workday_interview_scheduled", "inbox", ats_mail(
        "workday", ev=ev, date=t("2026-10-19 08:00", LONDON), seed="c130",
        frm=P("Severn Analytics Careers", "severnanalytics@myworkday.com"),
        subject="Interview Scheduled: Senior Analytics Engineer", body=body, filename="Interview.ics"))
    note = s.mail("recruiter_personal_mail", "inbox", plain(
        seed="c130b", date=t("2026-10-20 09:15", LONDON), frm=harriet, to=[USER], style="outlook",
        subject="Your interview with Severn Analytics on Monday 26th",
        body="Hi Jordan,\n\nJust a reminder that the clocks go back on Sunday: your interview with Tomasz on "
             "Monday is at 10:00 UK time (GMT). Any questions, let me know.\n\nHarriet Shaw\nTalent Partner, "
             "Severn Analytics"))
    s.run(t("2026-10-26 10:30", LONDON), total=0, interviews=1)
    s.run(t("2026-10-26 11:20", LONDON), [thanks(tom.email, "Tomasz", "Severn Analytics")], total=1,
          interview=[iv("Severn Analytics", company="Severn Analytics", role="Senior Analytics Engineer",
                        interviewers=[tom.email], contact=harriet.email, start="2026-10-26T10:00:00+00:00")])
    s.user("send_draft", "thank_you", tom.email)
    s.run(t("2026-11-04 18:00", LONDON), total=0, decision={"Severn Analytics": day})
    s.run(t("2026-11-05 08:00", LONDON), [("follow_up", harriet.email, {"in_reply_to": note,
                                                                        "body_contains": ["Severn Analytics"]})],
          total=1)
    return s


def c131() -> S:
    s = S("131_b6_b9_icims_title_colon_name",
          "An iCIMS confirmation writes people as 'Title: Name' ('Interviewer: Dr. Amara Okonkwo', 'Recruiter: "
          "Jess Lam'); the .ics has the two interviewers as attendees. Greet 'Amara' (not 'Dr.') and 'Felix'; "
          "the recruiter (Reply-To) is the contact and gets no thank-you. Shape: hand-written (iCIMS templates "
          "not found, research §5).", ["B6", "B9", "B3"])
    jess = P("Jess Lam", "jess.lam@northwindoutdoor.com")
    amara, felix = P("Dr. Amara Okonkwo", "amara.okonkwo@northwindoutdoor.com"), P("Felix Wagner", "felix.wagner@northwindoutdoor.com")
    body = ("Dear Jordan,\n\nThis confirms your interview for the E-commerce Product Manager position.\n\nDate: "
            "Monday, November 30, 2026\nTime: 1:00 PM - 2:30 PM Eastern\nInterviewer: Dr. Amara Okonkwo\n"
            "Interviewer: Felix Wagner\nRecruiter: Jess Lam\nLocation: Zoom (https://northwindoutdoor.zoom.us/j/"
            "81200934457)\n\nNorthwind Outdoor Talent Acquisition")
    ev = Ev(f"icims-{h('c131', 20)}@icims.com", t("2026-11-30 13:00"), t("2026-11-30 14:30"),
            "Interview - E-commerce Product Manager - Northwind Outdoor", jess,
            (att(USER), att(amara, "ACCEPTED"), att(felix, "ACCEPTED")), description=body,
            location="https://northwindoutdoor.zoom.us/j/81200934457")
    s.mail("icims_confirmation", "inbox", ats_mail(
        "icims", ev=ev, date=t("2026-11-20 09:30"), seed="c131",
        frm=P("Northwind Outdoor", "northwindoutdoor@talent.icims.com"), reply_to=jess,
        subject="Interview Confirmation: E-commerce Product Manager", body=body))
    s.run(t("2026-11-30 15:00"), [thanks(amara.email, "Amara", "Northwind Outdoor"), thanks(felix.email, "Felix", "Northwind Outdoor")],
          total=2, interviews=1,
          interview=[iv("Northwind Outdoor", company="Northwind Outdoor", role="E-commerce Product Manager",
                        interviewers=[amara.email, felix.email], contact=jess.email)])
    return s


def c132() -> S:
    end = t("2026-11-12 15:00")
    day = decision_default(end)  # 2026-11-23
    s = S("132_b5_b9_b14_b17_name_pipe_company_halcyon_travel",
          "Issue 14: the recruiter's display name is 'Megan Ross | Halcyon Travel' (domain halcyontravel.com); she "
          "sends the Greenhouse-relayed scheduling mail and the interviewer's invitation follows from Greenhouse. "
          "The company is 'Halcyon Travel' in the thank-you and the follow-up (subject and body), never "
          "'Halcyontravel'. Default decision date (Nov 23); the follow-up replies to Megan's mail on Nov 24. "
          "Shape: B5's example display name; Greenhouse relayed From (research §1).",
          ["B5", "B9", "B14", "B17", "B6"])
    megan = P("Megan Ross | Halcyon Travel", "megan.ross@halcyontravel.com")
    jacob = P("Jacob Stein", "jacob.stein@halcyontravel.com")
    relay = greenhouse_relayed("c132", "halcyontravel.com")
    sched = s.mail("recruiter_scheduling_mail", "inbox", plain(
        seed="c132a", date=t("2026-11-06 11:00"), frm=megan, to=[USER], style="ats",
        domain="gh-mail.halcyontravel.com", extra=relay["extra_headers"],
        subject="Interview confirmed - Pricing Analyst",
        body="Hi Jordan,\n\nGreat news! Jacob Stein, our Director of Pricing, would like to interview you for the "
             "Pricing Analyst role on Thursday, November 12 at 2pm ET. A calendar file follows.\n\nMegan Ross\n"
             "Talent Partner"))
    ev = Ev(f"gh-{h('c132', 20)}@greenhouse.io", t("2026-11-12 14:00"), end, "Pricing Analyst Interview - Jordan Lee",
            megan, (att(USER), att(jacob, "ACCEPTED")),
            description="Interview with Jacob Stein (Director of Pricing): fare elasticity and a pricing case.",
            location="https://halcyontravel.zoom.us/j/87790012233")
    s.mail("greenhouse_ics", "inbox", ats_mail(
        "greenhouse", ev=ev, date=t("2026-11-06 11:02"), seed="c132", frm=megan,
        subject="Calendar invitation: Pricing Analyst Interview", body=ev.description + "\n\nMegan Ross\nTalent Partner",
        **relay))
    s.run(t("2026-11-12 15:30"), [thanks(jacob.email, "Jacob", "Halcyon Travel", "Pricing Analyst")], total=1,
          interviews=1, interview=[iv("Halcyon Travel", company="Halcyon Travel", role="Pricing Analyst",
                                      interviewers=[jacob.email], contact=megan.email)])
    s.user("send_draft", "thank_you", jacob.email)
    s.run(t("2026-11-23 17:00"), total=0, decision={"Halcyon Travel": day})
    s.run(t("2026-11-24 08:30"), [("follow_up", megan.email, {"in_reply_to": sched,
                                                              "body_contains": ["Megan", "Halcyon Travel"]})],
          total=1)
    return s


def c133() -> S:
    s = S("133_b6_b9_ashby_name_with_team_in_parentheses",
          "An Ashby invitation whose attendees are written 'Priya Raman (Platform)' and 'Wei Ng (Data)': the "
          "notes greet 'Hi Priya,' and 'Hi Wei,'; the recruiter (Reply-To of Ashby's mail, organizer, not "
          "attending) is the contact. Shape: Ashby confirmation (research §3); display names per issue 13 "
          "variation list.", ["B6", "B9"])
    kim = P("Kimberly Tran", "kimberly.tran@oakhurst.dev")
    priya, wei = P("Priya Raman (Platform)", "priya.raman@oakhurst.dev"), P("Wei Ng (Data)", "wei.ng@oakhurst.dev")
    ashby = P("Oakhurst Software", "no-reply@ashbyhq.com")
    ev = Ev(f"{h('c133', 32)}@ashbyhq.com", t("2026-11-18 11:00"), t("2026-11-18 12:00"),
            "Interview: Software Engineer, Developer Platform at Oakhurst Software", kim,
            (att(USER), att(priya, "ACCEPTED"), att(wei, "ACCEPTED")),
            description="Pair programming and a design discussion with Priya Raman and Wei Ng.\nJoin: "
                        "https://meet.google.com/oak-hrst-dev")
    s.mail("ashby_confirmation", "inbox", ats_mail(
        "ashby", ev=ev, date=t("2026-11-12 16:00"), seed="c133", frm=ashby, reply_to=kim,
        subject="Your interview with Oakhurst Software is confirmed",
        body="Hi Jordan,\n\nYour interview for Software Engineer, Developer Platform at Oakhurst Software is confirmed "
             "for Wednesday, November 18, 11:00 AM - 12:00 PM EST.\n\nKimberly Tran\nRecruiter, Oakhurst Software"
             "\n\nSent with Ashby"))
    s.run(t("2026-11-18 12:30"), [named(thanks(priya.email, "Hi Priya,", "Oakhurst Software"), "Priya Raman (Platform)"),
                                  named(thanks(wei.email, "Hi Wei,", "Oakhurst Software"), "Wei Ng (Data)")], total=2, interviews=1,
          interview=[iv("Oakhurst Software", company="Oakhurst Software", role="Software Engineer, Developer Platform",
                        interviewers=[priya.email, wei.email], contact=kim.email)])
    return s


def c134() -> S:
    s = S("134_b2_b6_b9_quoted_history_reply_thread",
          "The recruiter's confirmation is a reply whose quoted history holds an earlier proposed slot (Thursday "
          "3pm) the user could not take; the Outlook invitation is for Friday at 3pm. One interview at the "
          "invitation's time; the engineering manager is thanked after it, the recruiter (organizer, not "
          "attending) is the contact. Shape: hand-written thread with Gmail/Outlook quoting; Outlook request §13.",
          ["B2", "B6", "B9", "B7"])
    nora = P("Nora Quinn", "nora.quinn@bramblerobotics.com")
    eli = P("Eli Navarro", "eli.navarro@bramblerobotics.com")
    first = s.mail("recruiter_proposes", "inbox", plain(
        seed="c134a", date=t("2026-11-16 09:00"), frm=nora, to=[USER], style="outlook",
        subject="Controls Engineer interview - Bramble Robotics",
        body="Hi Jordan,\n\nCould you do Thursday, November 19 at 3pm ET for a one-hour interview with Eli Navarro, "
             "our Controls Engineering Manager?\n\nNora Quinn\nRecruiter, Bramble Robotics"))
    mine = s.mail("user_counter", "sent", plain(
        seed="c134b", date=t("2026-11-16 10:00"), frm=USER, to=[nora], in_reply_to=first,
        subject="RE: Controls Engineer interview - Bramble Robotics",
        body="Hi Nora,\n\nThursday doesn't work for me, unfortunately. Would Friday afternoon be possible?\n\n"
             "Best,\nJordan"))
    s.mail("recruiter_confirms_with_quote", "inbox", plain(
        seed="c134c", date=t("2026-11-16 11:30"), frm=nora, to=[USER], style="outlook", in_reply_to=mine,
        references=[first, mine], subject="RE: Controls Engineer interview - Bramble Robotics",
        body="Hi Jordan,\n\nNo problem - Friday, November 20 at 3pm ET it is. Invite on its way.\n\nNora\n\n"
             "-----Original Message-----\nFrom: Jordan Lee <jordan.lee@gmail.com>\nSent: Monday, November 16, 2026 "
             "10:00 AM\nTo: Nora Quinn <nora.quinn@bramblerobotics.com>\nSubject: RE: Controls Engineer interview - "
             "Bramble Robotics\n\nHi Nora,\n\nThursday doesn't work for me, unfortunately. Would Friday afternoon be "
             "possible?\n\n-----Original Message-----\nFrom: Nora Quinn\nSent: Monday, November 16, 2026 9:00 AM\n\n"
             "Could you do Thursday, November 19 at 3pm ET for a one-hour interview with Eli Navarro?"))
    ev = Ev(uid_outlook("c134"), t("2026-11-20 15:00"), t("2026-11-20 16:00"),
            "Bramble Robotics - Controls Engineer Interview", nora, (att(eli), att(USER)),
            description="Interview with Eli Navarro, Controls Engineering Manager: feedback control and embedded "
                        "testing.", location="Microsoft Teams Meeting", conference=teams("c134"))
    s.mail("outlook_invitation", "inbox", outlook("c134", ev, t("2026-11-16 11:35")))
    s.run(t("2026-11-19 16:30"), total=0, interviews=1,
          interview=[iv("Bramble Robotics", start="2026-11-20T15:00:00-05:00")])
    s.run(t("2026-11-20 16:30"), [thanks(eli.email, "Eli", "Bramble Robotics", "Controls Engineer")], total=1,
          interviews=1, interview=[iv("Bramble Robotics", company="Bramble Robotics", role="Controls Engineer",
                                      interviewers=[eli.email], contact=nora.email)])
    return s


def c135() -> S:
    s = S("135_b2_b6_b7_update_arrives_before_original",
          "Mail arriving out of order: the updated Google invitation (SEQUENCE 1, a second interviewer added) is "
          "delivered before the original (SEQUENCE 0), which arrives a day late. The higher SEQUENCE wins: both "
          "interviewers are thanked, once each. Shape: Google invitation/update per research §12 (same UID, "
          "higher SEQUENCE).", ["B2", "B6", "B7", "B9"])
    ivy = P("Ivy Marsh", "ivy.marsh@harrowfinch.com")
    a, b = P("Oscar Bell", "oscar.bell@harrowfinch.com"), P("Lila Grant", "lila.grant@harrowfinch.com")
    base = {"uid": uid_google("c135"), "start": t("2026-12-01 10:00"), "end": t("2026-12-01 11:00"),
            "summary": "Harrow & Finch - Brand Strategist Interview", "organizer": ivy, "conference": gmeet("c135"),
            "description": "Interview for the Brand Strategist role at Harrow & Finch: portfolio walkthrough."}
    ev0 = Ev(attendees=(att(a, "ACCEPTED"), att(USER)), **base)
    ev1 = Ev(attendees=(att(a, "ACCEPTED"), att(b, "ACCEPTED"), att(USER)), sequence=1, **base)
    s.mail("google_updated_invitation", "inbox", google(
        "c135b", ev1, t("2026-11-25 15:00"),
        subject="Updated invitation: Harrow & Finch - Brand Strategist Interview @ Tue Dec 1, 2026 10am - 11am (EST) "
                "(jordan.lee@gmail.com)"))
    s.mail("google_original_invitation_late", "inbox", late(google("c135", ev0, t("2026-11-24 10:00")),
                                                           t("2026-11-26 09:00")))
    s.run(t("2026-11-26 10:00"), total=0, interviews=1)
    s.run(t("2026-12-01 11:30"), [thanks(a.email, "Oscar", "Harrow & Finch"), thanks(b.email, "Lila", "Harrow & Finch")],
          total=2, interviews=1,
          interview=[iv("Harrow & Finch", company="Harrow & Finch", role="Brand Strategist",
                        interviewers=[a.email, b.email], contact=ivy.email)])
    return s


def c136() -> S:
    s = S("136_b3_b5_b9_greenhouse_calendly_request_technical",
          "Greenhouse's 'Calendly Request' template sent by the recruiter asks the candidate to book the "
          "engineer's 'Technical Interview' Calendly event; the booking arrives as a Google invitation from the "
          "engineer's calendar with Calendly's description. The engineer is thanked; the company is 'Pelican "
          "Freight', never 'Calendly' or 'Greenhouse'. Shape: Greenhouse 'Calendly Request' per token glossary "
          "360007039771 (research §1, §10); Calendly invitation §10.", ["B3", "B5", "B9", "B6"])
    june = P("June Alvarez", "june.alvarez@pelicanfreight.com")
    raf = P("Rafael Costa", "rafael.costa@pelicanfreight.com")
    relay = greenhouse_relayed("c136", "pelicanfreight.com")
    s.mail("greenhouse_calendly_request", "inbox", plain(
        seed="c136a", date=t("2026-11-23 10:00"), frm=june, to=[USER], style="ats", domain="gh-mail.pelicanfreight.com",
        extra=relay["extra_headers"], subject="Next step: technical interview for Logistics Software Engineer",
        body="Hi Jordan,\n\nThe team would like to move you forward to a technical interview for the Logistics "
             "Software Engineer role at Pelican Freight. Please book a 45-minute slot with Rafael Costa here: "
             "https://calendly.com/rafael-costa-pf/technical-interview\n\nThanks,\nJune Alvarez\nRecruiter, Pelican "
             "Freight"))
    ev = Ev(uid_google("c136"), t("2026-11-30 14:00"), t("2026-11-30 14:45"),
            "Technical Interview between Rafael Costa and Jordan Lee", raf, (att(raf, "ACCEPTED"), att(USER, "ACCEPTED")),
            description="Event Name: Technical Interview\n\nLocation: This is a Google Meet web conference.\n\n"
                        "Please share anything that will help prepare for our meeting.: Logistics Software Engineer "
                        "candidate (via Greenhouse)\n\nPowered by Calendly.com", conference=gmeet("c136"))
    s.mail("calendly_booking_google_invitation", "inbox", google("c136", ev, t("2026-11-23 13:40")))
    s.run(t("2026-11-30 15:10"), [thanks(raf.email, "Rafael", "Pelican Freight", "Logistics Software Engineer")],
          total=1, interviews=1,
          interview=[iv("Pelican Freight", company="Pelican Freight", role="Logistics Software Engineer",
                        interviewers=[raf.email])])
    return s


def c137() -> S:
    s = S("137_b2_b3_ats_mail_before_any_interview",
          "ATS mail that precedes an interview but holds none: a Workday application receipt ('Thank you for "
          "applying'), a Lever 'Interview with <Company>' availability request and a Gem availability reminder, "
          "none with a date and time and no invitation ever follows. No interview is tracked and nothing is "
          "drafted. Shape: Workday and Lever fixtures (research §4, §2, §17 'application receipts'); Gem "
          "reminder hand-written.", ["B2", "B3"])
    s.mail("workday_receipt", "inbox", plain(
        seed="c137a", date=t("2026-11-02 08:00"), frm=P("Copperline Careers", "copperline@myworkday.com"), to=[USER],
        style="ats", domain="myworkday.com", subject="Thank you for applying to Copperline",
        body="Dear Jordan,\n\nThank you for applying to the Cloud Engineer (R-3391) position at Copperline. Our "
             "recruiting team will review your application; if your qualifications match, a recruiter will "
             "contact you about next steps, which may include an interview.\n\nTo view your application, sign in "
             "to Candidate Home.\n\nCopperline Talent Acquisition"))
    s.mail("lever_availability_request", "inbox", plain(
        seed="c137b", date=t("2026-11-04 12:00"), frm=P("Maple & Oak", "no-reply@hire.lever.co"), to=[USER],
        reply_to=P("Tara Singh", "tara.singh@mapleandoak.com"), style="ats", domain="hire.lever.co",
        subject="Interview with Maple & Oak",
        body="Hi Jordan,\n\nWe'd like to schedule a call. Please share your availability for next week.\n\nTara Singh"
             "\nMaple & Oak"))
    s.mail("gem_reminder", "inbox", plain(
        seed="c137c", date=t("2026-11-09 09:00"), frm=P("Ravi Iyer", "ravi.iyer@quantaforge.com"), to=[USER],
        style="ats", domain="quantaforge.com", subject="Reminder: pick a time for your interview with QuantaForge",
        body=f"Hi Jordan,\n\nFriendly reminder to pick a time: https://scheduling.gem.com/self/{h('c137l', 24)}\n\n"
             "Ravi Iyer\nRecruiting, QuantaForge"))
    for day in ("2026-11-05 09:00", "2026-11-10 17:00", "2026-11-20 09:00"):
        s.run(t(day), total=0, interviews=0)
    return s


SCENARIOS = [c100, c101, c102, c103, c104, c105, c106, c107, c108, c109, c110, c111, c112, c113, c114, c115, c116,
             c117, c118, c119, c120, c121, c122, c123, c124, c125, c126, c127, c128, c129, c130, c131, c132, c133,
             c134, c135, c136, c137]
