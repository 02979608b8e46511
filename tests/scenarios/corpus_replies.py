"""Corpus scenarios 180-219: after the interview (B11-B18).

Hearing back by every route (the contact in the scheduling thread or a new thread, another person at the
company, an applicant-tracking no-reply sender with the recruiter in Reply-To or only in the signature),
what must not count (surveys, reminders, job alerts, out-of-office replies, bounces), decisions (rejection,
offer, next round) and timelines, decision-date phrases (B12) and their replacement (B13), the thread a
follow-up belongs in (B17) and acknowledgements (B18). Four negatives at the end.

    .venv/bin/python -m tests.scenarios.corpus_replies      # writes cases/180_* .. cases/219_*

Shapes come from /work/research/vendor_mail_shapes.md (cited per scenario as "shape: ..."); where the
research found nothing the mail is hand-written and says so.
"""

from __future__ import annotations

import email
from datetime import datetime
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from tests.mailgen import Ev, Mail, P, auto_reply, bounce, h, invitation, plain
from tests.mailgen.mime import POLICY
from tests.scenarios.build import (
    BERLIN,
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

KOLKATA = ZoneInfo("Asia/Kolkata")
LA = ZoneInfo("America/Los_Angeles")

AUTO = [("Auto-Submitted", "auto-generated")]
BULK = [("Auto-Submitted", "auto-generated"), ("Precedence", "bulk")]


# ------------------------------------------------------------------ mail shapes used here


def ats(seed: str, date: datetime, frm: P, subject: str, body: str, *, reply_to: P | None = None,
        in_reply_to: str = "", references: list[str] = (), extra: list[tuple[str, str]] = (),
        to: list[P] = (USER,)) -> Mail:
    """A notification from an applicant-tracking system's own address (Greenhouse, Lever, Ashby, Workday)."""
    dom = frm.email.rpartition("@")[2]
    return plain(seed=seed, date=date, frm=frm, to=list(to), subject=subject, body=body, reply_to=reply_to,
                 in_reply_to=in_reply_to, references=list(references), extra=list(extra), style="ats", domain=dom)


def html_only(html: str, **kw) -> Mail:
    """A person's mail whose only body is text/html (no text/plain alternative), as some clients send."""
    m = plain(body="(replaced)", with_html=False, **kw)
    parsed = email.message_from_bytes(m.raw, policy=POLICY)
    msg = EmailMessage(policy=POLICY)
    for k, v in parsed.items():
        if k.lower() not in ("content-type", "content-transfer-encoding", "mime-version"):
            msg[k] = str(v)
    msg.set_content(html, subtype="html", cte="quoted-printable")
    return Mail(msg.as_bytes(policy=POLICY), m.message_id, m.subject, date=m.date)


def gmail_quote(text: str, when: datetime, who: P) -> str:
    """Quoted history below a Gmail reply."""
    head = f"On {when:%a, %b %-d, %Y at %-I:%M %p} {who.name} <{who.email}> wrote:"
    return "\n\n" + head + "\n" + "\n".join(("> " + line) if line else ">" for line in text.splitlines())


def outlook_quote(text: str, when: datetime, frm: P, to: P, subject: str, german: bool = False) -> str:
    """Quoted history below an Outlook reply (the header block Outlook writes, English or German)."""
    if german:
        days = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
        months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                  "November", "Dezember"]
        sent = f"{days[when.weekday()]}, {when.day}. {months[when.month - 1]} {when.year} {when:%H:%M}"
        labels = ("Von", "Gesendet", "An", "Betreff")
    else:
        sent = f"{when:%A, %B %-d, %Y %-I:%M %p}"
        labels = ("From", "Sent", "To", "Subject")
    return (f"\n\n________________________________\n{labels[0]}: {frm.name} <{frm.email}>\n{labels[1]}: {sent}\n"
            f"{labels[2]}: {to.name} <{to.email}>\n{labels[3]}: {subject}\n\n{text}")


def arrive(s: S, name: str, folder: str, m: Mail, at: datetime) -> str:
    """Deliver `m` at `at`, later than its Date header says (mail arriving late or out of order)."""
    return s.mail(name, folder, Mail(m.raw, m.message_id, m.subject, date=at))


def iv(company: str, role: str, interviewers: list[P], contact: P, match: str = "") -> dict:
    """expect_interview item; `match` (default the company) names the interview: the role where the company
    may rightly be written with or without a legal suffix ("GmbH", "LLP"), as the harness matches names whole."""
    return {"match": match or company, "company": company, "role": role,
            "interviewers": sorted(p.email for p in interviewers), "contact": contact.email}


def fu(to: P, in_reply_to: str = "", subject: str = "") -> tuple:
    spec: dict = {}
    if in_reply_to:
        spec["in_reply_to"] = in_reply_to
    if subject:
        spec["subject_contains"] = [subject]
    return ("follow_up", to.email, spec) if spec else ("follow_up", to.email)


def ack(to: P, in_reply_to: str = "") -> tuple:
    return ("acknowledgement", to.email, {"in_reply_to": in_reply_to}) if in_reply_to else ("acknowledgement", to.email)


# ------------------------------------------------------------------ hearing back: decisions


def c180() -> S:
    s = S("180_b15_b16_b18_rejection_reply_in_scheduling_thread",
          "The recruiter (organizer, not an attendee, display name 'Raman, Priya') answers in her own "
          "scheduling thread ('RE:' from Outlook, with Outlook's quoted header block below): a rejection. "
          "An acknowledgement to her as a reply to the rejection, the interview closes, and no follow-up after "
          "the default date (Nov 19). shape: Outlook/Exchange invitation with Teams block (vendor_mail_shapes "
          "§13, §15), 'RE:' reply with the From/Sent/To/Subject quote header (§13 fixtures); rejection wording "
          "from §16 ('move forward with other candidates').",
          ["B15", "B16", "B18", "B17", "B6"])
    priya = P("Raman, Priya", "priya.raman@ridgelinelogistics.com")
    marcus = P("Marcus Hale", "marcus.hale@ridgelinelogistics.com")
    sched_body = ("Hi Jordan,\n\nThanks for speaking with me last week. I've sent a Teams invitation for Tuesday, "
                  "November 10 at 1:00 PM ET with Marcus Hale, our Director of Fleet Analytics. He'll go through "
                  "a recent analysis of yours and a short SQL exercise.\n\nBest regards,\nPriya Raman\n"
                  "Senior Recruiter | Ridgeline Logistics")
    sched = s.mail("recruiter_scheduling", "inbox", plain(
        seed="c180a", date=t("2026-11-05 09:40"), frm=priya, to=[USER], style="outlook",
        subject="Interview - Fleet Data Analyst", body=sched_body))
    ev = Ev(uid_outlook("c180"), t("2026-11-10 13:00"), t("2026-11-10 14:00"),
            "Fleet Data Analyst Interview - Jordan Lee", priya, (att(USER), att(marcus)),
            description="Interview for the Fleet Data Analyst role with Marcus Hale (Director of Fleet Analytics), "
                        "Ridgeline Logistics.", location="Microsoft Teams Meeting", conference=teams("c180"))
    s.mail("outlook_invitation", "inbox", outlook("c180", ev, t("2026-11-05 09:45")))
    s.run(t("2026-11-10 14:20"), [thanks(marcus.email, "Marcus", "Ridgeline Logistics")], total=1, interviews=1,
          interview=[iv("Ridgeline Logistics", "Fleet Data Analyst", [marcus], priya)])
    s.user("send_draft", "thank_you", marcus.email)
    rej = s.mail("rejection_in_thread", "inbox", plain(
        seed="c180b", date=t("2026-11-13 10:15"), frm=priya, to=[USER], style="outlook", in_reply_to=sched,
        subject="RE: Interview - Fleet Data Analyst",
        body="Hi Jordan,\n\nThank you again for interviewing with Marcus on Tuesday. After a lot of discussion, the "
             "team has decided to move forward with another candidate whose experience is closer to what we need "
             "right now. This was a close call, and we'd be glad to hear from you about future openings.\n\n"
             "Kind regards,\nPriya" + outlook_quote(sched_body, t("2026-11-05 09:40"), priya, USER,
                                                    "Interview - Fleet Data Analyst")))
    s.run(t("2026-11-13 11:00"), [ack(priya, rej)], total=1, state={"Ridgeline Logistics": "closed"})
    s.run(t("2026-11-20 09:00"), total=1, state={"Ridgeline Logistics": "closed"})
    return s


def c181() -> S:
    s = S("181_b15_b18_rejection_new_thread_html_only",
          "The recruiter who organized the Google invitation writes a rejection in a new thread whose only body "
          "is HTML (no text/plain part). Acknowledgement to her; closed; nothing after the default date "
          "(Nov 20). The interviewer's display name is accented (Élise). shape: Google Calendar invitation "
          "(§12); the HTML-only rejection is hand-written.",
          ["B15", "B18", "B16", "B9"])
    tanya = P("Tanya Brooks", "tanya@copperleafstudios.com")
    elise = P("Élise Moreau", "elise.moreau@copperleafstudios.com")
    ev = Ev(uid_google("c181"), t("2026-11-11 11:00"), t("2026-11-11 12:00"),
            "Copperleaf Studios - Technical Artist interview", tanya, (att(elise, "ACCEPTED"), att(USER)),
            description="Hi Jordan,\n\nYou'll meet Élise Moreau (Art Director) for a portfolio walkthrough and a "
                        "conversation about our real-time rendering pipeline for the Technical Artist role.\n\n"
                        "Tanya Brooks\nRecruiting Coordinator, Copperleaf Studios", conference=gmeet("c181"))
    s.mail("google_invitation", "inbox", google("c181", ev, t("2026-11-04 10:00")))
    s.run(t("2026-11-11 12:30"), [thanks(elise.email, "Élise", "Copperleaf Studios")], total=1, interviews=1,
          interview=[iv("Copperleaf Studios", "Technical Artist", [elise], tanya)])
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>'
            '<div dir="ltr"><div style="font-family:arial,sans-serif">Hi Jordan,</div><div><br></div>'
            '<div>Thank you so much for the time you spent with Élise last week and for sharing your shader '
            'work. We were impressed, but we have decided to move forward with a candidate whose experience '
            'more closely matches what the team needs right now.</div><div><br></div>'
            '<div>I hope our paths cross again, and I wish you the very best in your search.</div><div><br></div>'
            '<div>Warmly,</div><table cellpadding="0" cellspacing="0"><tr><td><b>Tanya Brooks</b><br>'
            'Recruiting Coordinator<br><span style="color:#b87333">Copperleaf Studios</span></td></tr></table>'
            '</div></body></html>')
    rej = s.mail("rejection_html_only", "inbox", html_only(
        html, seed="c181b", date=t("2026-11-18 16:05"), frm=tanya, to=[USER],
        subject="Your application to Copperleaf Studios"))
    s.run(t("2026-11-18 17:00"), [ack(tanya, rej)], total=2, state={"Copperleaf Studios": "closed"})
    s.run(t("2026-11-21 09:00"), total=2, state={"Copperleaf Studios": "closed"})
    return s


def c182() -> S:
    s = S("182_b15_b16_b17_b18_hiring_manager_new_thread_next_round",
          "Issue 13 class 3. The hiring manager (same company domain, neither the contact nor an interviewer) "
          "writes in a new thread to invite the user to the final round. That is hearing back with a decision: "
          "the interview closes; no acknowledgement (a next round is answered in the user's own words) and no "
          "follow-up to the recruiter after the default date (Nov 23), ever. shape: Google Calendar invitation "
          "(§12) from the recruiter; the hiring manager's mail is hand-written.",
          ["B15", "B16", "B17", "B18"])
    hannah = P("Hannah Kim", "hannah.kim@saltmarshcapital.com")
    rob = P("Robert Chen", "rob.chen@saltmarshcapital.com")
    dana = P("Dana Whitfield", "dana.whitfield@saltmarshcapital.com")
    s.mail("recruiter_scheduling", "inbox", plain(
        seed="c182a", date=t("2026-11-06 10:00"), frm=hannah, to=[USER],
        subject="Saltmarsh Capital - technical interview",
        body="Hi Jordan,\n\nGreat speaking with you! Next is a one-hour technical interview with Rob Chen, a Senior "
             "Quantitative Developer on our execution team. I've sent an invitation for Thursday, November 12 at "
             "10am.\n\nBest,\nHannah Kim\nTalent Acquisition, Saltmarsh Capital"))
    ev = Ev(uid_google("c182"), t("2026-11-12 10:00"), t("2026-11-12 11:00"),
            "Quantitative Developer - Technical Interview (Jordan Lee)", hannah, (att(rob, "ACCEPTED"), att(USER)),
            description="Technical interview for the Quantitative Developer role at Saltmarsh Capital with Rob Chen "
                        "(Senior Quantitative Developer). Expect questions on order-book data structures and "
                        "Python performance.", conference=gmeet("c182"))
    s.mail("google_invitation", "inbox", google("c182", ev, t("2026-11-06 10:05")))
    s.run(t("2026-11-12 11:30"), [thanks(rob.email, "Robert", "Saltmarsh Capital")], total=1, interviews=1,
          interview=[iv("Saltmarsh Capital", "Quantitative Developer", [rob], hannah)])
    s.user("send_draft", "thank_you", rob.email)
    s.mail("hiring_manager_next_round", "inbox", plain(
        seed="c182b", date=t("2026-11-18 09:10"), frm=dana, to=[USER], subject="Final round at Saltmarsh Capital",
        body="Hi Jordan,\n\nI'm Dana Whitfield, the hiring manager for the Quantitative Developer role. Rob shared "
             "great feedback from your interview last week, and I'd like to invite you to our final round: a "
             "half-day onsite with me and two of our partners. Hannah will be in touch to find a date that "
             "works.\n\nLooking forward to meeting you,\nDana Whitfield\nHead of Quantitative Engineering, "
             "Saltmarsh Capital"))
    s.run(t("2026-11-18 10:00"), total=0, interviews=1, state={"Saltmarsh Capital": "closed"})
    s.run(t("2026-11-24 09:00"), total=0, state={"Saltmarsh Capital": "closed"})
    s.run(t("2026-12-02 09:00"), total=0)
    return s


def c183() -> S:
    s = S("183_b11_b15_b16_interviewer_answers_users_own_note_next_round",
          "The user wrote their own thank-you to the hiring manager (organizer and interviewer) half an hour "
          "after the interview, so only the second panelist gets a drafted thank-you (B11). The hiring manager "
          "answers that note from his phone ('Re: Thank you!', quoted history, 'Sent from my iPhone') inviting "
          "the user to the onsite round: closed, no acknowledgement, no follow-up after the default date "
          "(Nov 19). shape: Google Calendar invitation (§12); replies hand-written.",
          ["B11", "B15", "B16", "B18", "B17"])
    amir = P("Amir Haddad", "amir@quaysiderobotics.com")
    yuki = P("Yuki Tanaka", "yuki.tanaka@quaysiderobotics.com")
    ev = Ev(uid_google("c183"), t("2026-11-10 14:00"), t("2026-11-10 15:00"),
            "Quayside Robotics: Perception Engineer interview", amir,
            (att(amir, "ACCEPTED"), att(yuki, "ACCEPTED"), att(USER)),
            description="Panel interview for the Perception Engineer role with Amir Haddad (Engineering Manager) "
                        "and Yuki Tanaka (Senior Perception Engineer). We'll discuss sensor fusion and walk "
                        "through a past project of yours.", conference=gmeet("c183"))
    s.mail("google_invitation", "inbox", google("c183", ev, t("2026-11-03 09:30")))
    note_body = ("Hi Amir,\n\nThank you for the conversation this afternoon. I really enjoyed digging into how "
                 "Quayside fuses lidar and radar on the dock cranes, and I'm even more excited about the "
                 "Perception Engineer role now.\n\nBest,\nJordan")
    note = s.mail("user_own_thank_you", "sent", plain(
        seed="c183b", date=t("2026-11-10 15:25"), frm=USER, to=[amir], subject="Thank you!", body=note_body))
    s.run(t("2026-11-10 16:00"), [thanks(yuki.email, "Yuki", "Quayside Robotics")], total=1, interviews=1,
          interview=[iv("Quayside Robotics", "Perception Engineer", [amir, yuki], amir)])
    s.mail("hiring_manager_answers", "inbox", plain(
        seed="c183c", date=t("2026-11-16 08:47"), frm=amir, to=[USER], in_reply_to=note, style="apple",
        subject="Re: Thank you!",
        body="Hi Jordan,\n\nThanks for the kind note, and sorry for the slow reply. Good news: we'd like to bring "
             "you in for the onsite round. Carla from our recruiting team will reach out with dates this week.\n\n"
             "Amir\n\nSent from my iPhone" + gmail_quote(note_body, t("2026-11-10 15:25"), USER), with_html=False))
    s.run(t("2026-11-16 09:00"), total=1, state={"Quayside Robotics": "closed"})
    s.run(t("2026-11-20 09:00"), total=1, state={"Quayside Robotics": "closed"})
    return s


def c184() -> S:
    s = S("184_b15_b18_greenhouse_noreply_rejection_reply_to_recruiter",
          "Greenhouse's no-reply sender (display 'Fablehouse Recruiting', Auto-Submitted: auto-generated) with "
          "the recruiter in Reply-To carries a rejection in a new thread. It counts as the recruiter's word "
          "(B15); the acknowledgement replies to it and goes to the recruiter in Reply-To, never to the no-reply "
          "address. shape: Greenhouse connected-calendar Google invitation 'Invitation from an unknown sender: "
          "Interview with ...' (§1, §12); rejection From no-reply@us.greenhouse-mail.io with the subject and "
          "'won't be moving forward with your candidacy' wording of §1 and §16 fixtures.",
          ["B15", "B18", "B16", "B6"])
    carmen = P("Carmen Díaz", "carmen.diaz@fablehouse.io")
    noah = P("Noah Petersen", "noah.petersen@fablehouse.io")
    zoom = "https://fablehouse.zoom.us/j/86120554713"
    ev = Ev(uid_google("c184"), t("2026-11-16 15:00"), t("2026-11-16 16:00"),
            "Interview with Fablehouse - Platform Engineer", carmen, (att(noah, "ACCEPTED"), att(USER)),
            description=f"Platform Engineer interview with Noah Petersen (Engineering Manager, Platform).\n\n"
                        f"Join Zoom Meeting\n{zoom}", location=zoom)
    s.mail("greenhouse_calendar_invitation", "inbox", google(
        "c184", ev, t("2026-11-10 12:00"),
        subject="Invitation from an unknown sender: Interview with Fablehouse - Platform Engineer @ Mon Nov 16, "
                "2026 3pm - 4pm (EST) (jordan.lee@gmail.com)"))
    s.run(t("2026-11-16 16:20"), [thanks(noah.email, "Noah", "Fablehouse")], total=1, interviews=1,
          interview=[iv("Fablehouse", "Platform Engineer", [noah], carmen)])
    rej = s.mail("greenhouse_rejection", "inbox", ats(
        "c184b", t("2026-11-20 11:02"), P("Fablehouse Recruiting", "no-reply@us.greenhouse-mail.io"),
        "Thank you for your interest in our Platform Engineer opening at Fablehouse", reply_to=carmen, extra=AUTO,
        body="Hi Jordan,\n\nThank you for taking the time to interview for the Platform Engineer role at Fablehouse. "
             "We enjoyed getting to know you. Unfortunately, we won't be moving forward with your candidacy for "
             "this position.\n\nWe appreciate your interest and wish you the best of luck in your job search.\n\n"
             "Best,\nCarmen Díaz\nRecruiting at Fablehouse"))
    s.run(t("2026-11-20 12:00"), [ack(carmen, rej)], total=2, state={"Fablehouse": "closed"})
    s.run(t("2026-11-26 09:00"), total=2, state={"Fablehouse": "closed"})
    return s


def c185() -> S:
    s = S("185_b15_b18_lever_noreply_rejection_signature_only",
          "A rejection from Lever's no-reply address with no Reply-To; only the signature names the recruiter, "
          "who is the contact (she scheduled by mail, display name 'Sofia Reyes | Marigold Health'). The "
          "acknowledgement goes to her, the interview closes, no follow-up after the default date (Nov 16). "
          "shape: Lever email-sync scheduling mail From the recruiter's own address, subject 'Interview with "
          "<Company>' (§2 fixtures); rejection From 'Marigold Health <no-reply@hire.lever.co>' (§2).",
          ["B15", "B18", "B16", "B9"])
    sofia = P("Sofia Reyes | Marigold Health", "sofia.reyes@marigoldhealth.com")
    ken = P("Ken Ito", "ken.ito@marigoldhealth.com")
    s.mail("lever_scheduling", "inbox", plain(
        seed="c185a", date=t("2026-11-02 11:20"), frm=sofia, to=[USER], subject="Interview with Marigold Health",
        body="Hi Jordan,\n\nThanks for applying to the Clinical Data Analyst role! We'd like to schedule a 45-minute "
             "video interview with Ken Ito, our Clinical Data Manager. I've sent a calendar invitation for "
             "Thursday, November 5 at 1:00 PM ET.\n\nSofia Reyes\nTalent Acquisition, Marigold Health"))
    ev = Ev(uid_google("c185"), t("2026-11-05 13:00"), t("2026-11-05 13:45"),
            "Clinical Data Analyst interview - Marigold Health", sofia, (att(ken, "ACCEPTED"), att(USER)),
            description="Video interview with Ken Ito (Clinical Data Manager).", conference=gmeet("c185"))
    s.mail("google_invitation", "inbox", google("c185", ev, t("2026-11-02 11:25")))
    s.run(t("2026-11-05 14:00"), [thanks(ken.email, "Ken", "Marigold Health")], total=1, interviews=1,
          interview=[iv("Marigold Health", "Clinical Data Analyst", [ken], sofia)])
    s.user("send_draft", "thank_you", ken.email)
    s.mail("lever_rejection", "inbox", ats(
        "c185b", t("2026-11-11 17:30"), P("Marigold Health", "no-reply@hire.lever.co"),
        "Your application to Marigold Health",
        body="Hi Jordan,\n\nThank you for your interest in the Clinical Data Analyst position and for the time you "
             "spent with our team. We've decided to pursue other candidates whose background more closely aligns "
             "with the needs of the role.\n\nWe'll keep your information on file and hope you'll consider us in "
             "the future.\n\nSofia Reyes\nTalent Acquisition, Marigold Health"))
    s.run(t("2026-11-12 08:00"), [ack(sofia)], total=1, state={"Marigold Health": "closed"})
    s.run(t("2026-11-17 09:00"), total=1, state={"Marigold Health": "closed"})
    return s


def c186() -> S:
    s = S("186_b15_b18_workday_tenant_rejection_ack_to_contact",
          "A Workday rejection from the company's tenant address (lakeshorebank@myworkday.com, 'do not reply', "
          "signed only by the team). The acknowledgement goes to the contact, the recruiter who organized the "
          "Teams interview (display 'Greg Novak (Talent Acquisition)'); closed; no follow-up after the default "
          "date (Nov 27). shape: Outlook/Teams invitation (§13, §15); Workday sender pattern "
          "<tenant>@myworkday.com and the 'won't be moving forward with your candidacy' / 'Candidate Home' "
          "wording (§4 fixtures).",
          ["B15", "B18", "B16", "B6"])
    greg = P("Greg Novak (Talent Acquisition)", "gnovak@lakeshorebank.com")
    priyanka = P("Priyanka Iyer", "priyanka.iyer@lakeshorebank.com")
    ev = Ev(uid_outlook("c186"), t("2026-11-18 10:00"), t("2026-11-18 11:00"),
            "Interview: Credit Risk Modeler - Jordan Lee", greg, (att(USER), att(priyanka)),
            description="Hello Jordan,\n\nThis is your interview for the Credit Risk Modeler position (Req R-10442) "
                        "with Priyanka Iyer, VP Credit Risk Analytics. We will discuss PD/LGD model development "
                        "and model validation.\n\nGreg Novak\nTalent Acquisition Partner\nLakeshore Bank",
            location="Microsoft Teams Meeting", conference=teams("c186"))
    s.mail("outlook_invitation", "inbox", outlook("c186", ev, t("2026-11-12 15:30")))
    s.run(t("2026-11-18 11:30"), [thanks(priyanka.email, "Priyanka", "Lakeshore Bank")], total=1, interviews=1,
          interview=[iv("Lakeshore Bank", "Credit Risk Modeler", [priyanka], greg)])
    s.mail("workday_rejection", "inbox", ats(
        "c186b", t("2026-11-24 06:12"), P("Lakeshore Bank Careers", "lakeshorebank@myworkday.com"),
        "Thank you for your interest in Lakeshore Bank", extra=AUTO,
        body="Dear Jordan,\n\nThank you for your interest in the Credit Risk Modeler (R-10442) position at Lakeshore "
             "Bank and for the time you invested in our interview process. After careful review, the team is "
             "considering other candidates whose background more closely aligns with the requirements of this "
             "role, so we won't be moving forward with your candidacy for this position.\n\nYou can view the "
             "status of your application at any time on your Candidate Home.\n\nSincerely,\nLakeshore Bank "
             "Talent Acquisition\n\nThis email was sent from an unmonitored mailbox. Please do not reply."))
    s.run(t("2026-11-24 08:00"), [ack(greg)], total=2, state={"Lakeshore Bank": "closed"})
    s.run(t("2026-12-01 09:00"), total=2, state={"Lakeshore Bank": "closed"})
    return s


def c187() -> S:
    s = S("187_b15_b18_ashby_rejection_threaded_in_application_receipt",
          "Ashby's no-reply address sends the rejection as a reply in the old 'Thank you for applying' thread, "
          "with the recruiter in Reply-To and signature (Auto-Submitted: auto-generated). It counts wherever it "
          "is threaded; the acknowledgement goes to the recruiter who wrote it (Reply-To), not to the hiring "
          "manager who is the contact. Company written with an ampersand: 'Pebble & Pine'. shape: Ashby "
          "'<Company> <no-reply@ashbyhq.com>' application receipt (§3 fixtures), Google Calendar invitation "
          "(§12); rejection text hand-written.",
          ["B15", "B18", "B16", "B5"])
    owen = P("Owen Gallagher", "owen@pebbleandpine.com")
    mia = P("Mia Thompson", "mia.thompson@pebbleandpine.com")
    ashby = P("Pebble & Pine", "no-reply@ashbyhq.com")
    receipt = s.mail("ashby_application_receipt", "inbox", ats(
        "c187a", t("2026-10-28 19:02"), ashby, "Thank you for applying to Pebble & Pine!", extra=AUTO,
        body="Hi Jordan,\n\nThanks for applying for the E-commerce Engineer role at Pebble & Pine! Our team will "
             "review your application and reach out if there's a fit.\n\nThe Pebble & Pine Team\n\nSent with Ashby"))
    ev = Ev(uid_google("c187"), t("2026-11-09 16:00"), t("2026-11-09 17:00"),
            "E-commerce Engineer interview: Jordan Lee <> Pebble & Pine", owen, (att(owen, "ACCEPTED"), att(USER)),
            description="Hi Jordan, looking forward to chatting about our storefront and checkout work for the "
                        "E-commerce Engineer role.\n\nOwen Gallagher\nHead of Engineering, Pebble & Pine",
            conference=gmeet("c187"))
    s.mail("google_invitation", "inbox", google("c187", ev, t("2026-11-04 13:00")))
    s.run(t("2026-11-09 17:15"), [thanks(owen.email, "Owen", "Pebble & Pine")], total=1, interviews=1,
          interview=[iv("Pebble & Pine", "E-commerce Engineer", [owen], owen)])
    s.user("send_draft", "thank_you", owen.email)
    rej = s.mail("ashby_rejection_in_receipt_thread", "inbox", ats(
        "c187b", t("2026-11-13 12:00"), ashby, "Re: Thank you for applying to Pebble & Pine!", reply_to=mia,
        in_reply_to=receipt, extra=AUTO,
        body="Hi Jordan,\n\nThank you for interviewing with Owen for the E-commerce Engineer role. After a lot of "
             "thought we've decided not to move forward with your application. We really appreciated the care you "
             "put into the conversation.\n\nAll the best,\nMia Thompson\nRecruiting, Pebble & Pine\n\n"
             "Sent with Ashby"))
    s.run(t("2026-11-13 13:00"), [ack(mia, rej)], total=1, state={"Pebble & Pine": "closed"})
    s.run(t("2026-11-19 09:00"), total=1, state={"Pebble & Pine": "closed"})
    return s


# ------------------------------------------------------------------ hearing back: what must not count


def c188() -> S:
    s = S("188_b15_b17_ats_survey_reminder_alert_bounce_do_not_count",
          "After the interview the company's Greenhouse no-reply sender (recruiter in Reply-To, Auto-Submitted) "
          "sends a 'How did we do?' candidate-experience survey, a reminder to complete the voluntary "
          "self-identification form 'by November 20', and a job alert; the thank-you to the interviewer "
          "bounces. None of them is hearing back: the default date (Nov 20) stands and the follow-up goes to "
          "the recruiter as a reply to her scheduling mail, never to the survey or the bounce. shape: Greenhouse "
          "senders and the 'EEOC Data Request' template name (§1), Google Calendar invitation (§12), Postfix "
          "DSN; survey and alert text hand-written.",
          ["B15", "B17", "B16"])
    leah = P("Leah Goldberg", "leah.goldberg@larkspur-insurance.com")
    victor = P("Victor Osei", "victor.osei@larkspur-insurance.com")
    gh = P("Larkspur Insurance Recruiting", "no-reply@us.greenhouse-mail.io")
    sched = s.mail("recruiter_scheduling", "inbox", plain(
        seed="c188a", date=t("2026-11-04 14:00"), frm=leah, to=[USER], subject="Next steps - Claims Data Engineer",
        body="Hi Jordan,\n\nThe team would like you to meet Victor Osei, who leads claims data engineering, for a "
             "one-hour technical interview. I've sent an invitation for Wednesday, November 11 at 1pm.\n\nBest,\n"
             "Leah Goldberg\nRecruiter, Larkspur Insurance"))
    ev = Ev(uid_google("c188"), t("2026-11-11 13:00"), t("2026-11-11 14:00"),
            "Claims Data Engineer interview - Jordan Lee", leah, (att(victor, "ACCEPTED"), att(USER)),
            description="Technical interview for the Claims Data Engineer role at Larkspur Insurance with Victor "
                        "Osei (Claims Data Engineering Lead).", conference=gmeet("c188"))
    s.mail("google_invitation", "inbox", google("c188", ev, t("2026-11-04 14:05")))
    s.run(t("2026-11-11 14:30"), [thanks(victor.email, "Victor", "Larkspur Insurance")], total=1, interviews=1,
          interview=[iv("Larkspur Insurance", "Claims Data Engineer", [victor], leah)])
    s.user("send_draft", "thank_you", victor.email)
    s.mail("bounce", "inbox", bounce(seed="c188b", date=t("2026-11-11 14:36"), mta="mx2.larkspur-insurance.com",
                                     to=USER, failed=victor.email,
                                     original_subject="Thank you - Claims Data Engineer interview"))
    s.mail("greenhouse_survey", "inbox", ats(
        "c188c", t("2026-11-12 10:00"), gh, "How did we do? Tell us about your interview experience",
        reply_to=leah, extra=AUTO,
        body="Hi Jordan,\n\nThank you for interviewing with Larkspur Insurance. We're always looking to improve the "
             "candidate experience and would love your feedback. This 2-minute survey is anonymous:\n\n"
             f"https://survey.greenhouse.io/s/{h('c188c', 20)}\n\nThank you!\nLarkspur Insurance Recruiting"))
    s.mail("greenhouse_eeoc_reminder", "inbox", ats(
        "c188d", t("2026-11-13 09:00"), gh, "Reminder: voluntary self-identification for Larkspur Insurance",
        reply_to=leah, extra=AUTO,
        body="Hi Jordan,\n\nAs a reminder, Larkspur Insurance invites applicants to complete a voluntary "
             "self-identification survey. Please complete it by November 20 if you wish to participate:\n\n"
             f"https://app.greenhouse.io/eeoc/{h('c188d', 16)}\n\nYour answers are kept confidential and never "
             "affect your application.\n\nLarkspur Insurance Recruiting"))
    s.mail("greenhouse_job_alert", "inbox", ats(
        "c188e", t("2026-11-17 07:30"), P("Larkspur Insurance", "no-reply@us.greenhouse-mail.io"),
        "New jobs at Larkspur Insurance that match your profile",
        extra=BULK + [("List-Unsubscribe", f"<https://boards.greenhouse.io/unsubscribe/{h('c188e', 12)}>")],
        body="Hi Jordan,\n\nNew openings at Larkspur Insurance:\n\nData Platform Engineer - Remote\nAnalytics "
             "Engineer - Hartford, CT\nSenior Claims Data Engineer - Remote\n\nView all jobs: "
             "https://boards.greenhouse.io/larkspurinsurance\n\nUnsubscribe from job alerts"))
    s.run(t("2026-11-17 08:00"), total=0, decision={"Larkspur Insurance": "2026-11-20"})
    s.run(t("2026-11-20 17:00"), total=0)
    s.run(t("2026-11-21 09:00"), [fu(leah, sched, "Next steps - Claims Data Engineer")], total=1)
    return s


def c189() -> S:
    s = S("189_b15_b17_out_of_office_thread_not_followed_up_in",
          "The hiring manager (organizer and sole interviewer) answers the user's sent thank-you with an Exchange "
          "'Automatic reply:' (Auto-Submitted: auto-replied) that names November 30 as her return. Not hearing "
          "back, not a date: the default (Nov 25) stands, and the follow-up goes into the user's own thank-you "
          "thread, never 'Re: Automatic reply: ...' nor the invitation. shape: Google Calendar invitation "
          "(§12), Exchange out-of-office (mailgen auto_reply).",
          ["B15", "B17", "B12"])
    nadia = P("Nadia Karimi", "nadia.karimi@bramblewoodmedia.com")
    ev = Ev(uid_google("c189"), t("2026-11-16 14:00"), t("2026-11-16 15:00"),
            "Bramblewood Media - Audience Growth Editor interview", nadia, (att(nadia, "ACCEPTED"), att(USER)),
            description="Interview for the Audience Growth Editor role with Nadia Karimi (Managing Editor). We'll "
                        "talk newsletters, SEO and a growth experiment you ran.", conference=gmeet("c189"))
    s.mail("google_invitation", "inbox", google("c189", ev, t("2026-11-09 12:00")))
    s.run(t("2026-11-16 15:10"), [thanks(nadia.email, "Nadia", "Bramblewood Media")], total=1, interviews=1,
          interview=[iv("Bramblewood Media", "Audience Growth Editor", [nadia], nadia)])
    s.user("send_draft", "thank_you", nadia.email)
    s.mail("out_of_office", "inbox", auto_reply(
        seed="c189b", date=t("2026-11-16 15:12"), frm=nadia, to=USER, in_reply_to="",
        subject="Thank you - Audience Growth Editor interview",
        body="Thank you for your message. I'm out of the office from November 16 to November 30 and will respond "
             "when I return. For anything urgent, please contact editorial@bramblewoodmedia.com.\n\nNadia"))
    s.run(t("2026-11-16 16:00"), total=0, decision={"Bramblewood Media": "2026-11-25"})
    s.run(t("2026-11-25 18:00"), total=0)
    s.run(t("2026-11-26 09:00"), [fu(nadia, "draft:thank_you:" + nadia.email)], total=1)
    return s


def c190() -> S:
    anna = P("Schulz, Anna", "anna.schulz@falkenberg-mb.de")
    s = S("190_b1_b12_b15_b17_german_aw_thread_and_automatische_antwort",
          "User in Europe/Berlin. The recruiter's German Outlook answers with 'AW:' and a German quote header; "
          "her mail says 'by Friday, November 20'. The interviewer's out-of-office comes as 'Automatische "
          "Antwort:' (Auto-Submitted: auto-replied) and does not count. The follow-up (Nov 21, Berlin) goes to "
          "the recruiter as a reply to her 'AW:' mail with a subject a person would write: 'Re: Interview – "
          "Embedded Software Engineer', never 'Re: AW: ...'. shape: Outlook/Exchange with W. Europe Standard "
          "Time (§13, localised prefixes), Teams block (§15); German out-of-office hand-written.",
          ["B1", "B12", "B15", "B17"], user={"timezone": "Europe/Berlin"})
    lukas = P("Lukas Brandt", "lukas.brandt@falkenberg-mb.de")
    subject = "Interview – Embedded Software Engineer"
    sched_body = ("Dear Jordan,\n\nThank you for your application as Embedded Software Engineer at Falkenberg "
                  "Maschinenbau. We would like to invite you to a video interview with Lukas Brandt (Team Lead "
                  "Embedded Systems). Would Tuesday, November 10 at 10:00 CET work for you?\n\nKind regards\n"
                  "Anna Schulz\nHR Recruiting\nFalkenberg Maschinenbau GmbH")
    sched = s.mail("recruiter_invites", "inbox", plain(
        seed="c190a", date=t("2026-11-02 09:15", BERLIN), frm=anna, to=[USER], style="outlook", subject=subject,
        body=sched_body))
    reply_body = ("Dear Anna,\n\nThank you! Tuesday, November 10 at 10:00 CET works well for me.\n\nBest regards,\n"
                  "Jordan Lee")
    mine = s.mail("user_confirms", "sent", plain(
        seed="c190b", date=t("2026-11-02 12:00", BERLIN), frm=USER, to=[anna], in_reply_to=sched,
        subject="Re: " + subject, body=reply_body))
    aw = s.mail("recruiter_aw_reply", "inbox", plain(
        seed="c190c", date=t("2026-11-03 08:30", BERLIN), frm=anna, to=[USER], style="outlook", in_reply_to=mine,
        references=[sched, mine], subject="AW: " + subject,
        body="Dear Jordan,\n\nperfect, I have sent you the Teams invitation. After the interview we will let you "
             "know by Friday, November 20.\n\nKind regards\nAnna Schulz" +
             outlook_quote(reply_body, t("2026-11-02 12:00", BERLIN), USER, anna, "Re: " + subject, german=True)))
    ev = Ev(uid_outlook("c190"), t("2026-11-10 10:00", BERLIN), t("2026-11-10 11:00", BERLIN),
            "Interview Embedded Software Engineer (m/w/d) - Jordan Lee", anna, (att(USER), att(lukas)),
            description="Video interview for the Embedded Software Engineer position with Lukas Brandt (Team Lead "
                        "Embedded Systems), Falkenberg Maschinenbau GmbH.", location="Microsoft Teams Meeting",
            conference=teams("c190"))
    s.mail("outlook_invitation", "inbox", outlook("c190", ev, t("2026-11-03 08:35", BERLIN),
                                                  tzid="W. Europe Standard Time"))
    s.run(t("2026-11-10 11:30", BERLIN), [thanks(lukas.email, "Lukas", "Falkenberg Maschinenbau")], total=1,
          interviews=1, decision={"Embedded Software Engineer": "2026-11-20"},
          interview=[iv("Falkenberg Maschinenbau", "Embedded Software Engineer", [lukas], anna,
                        match="Embedded Software Engineer")])
    s.user("send_draft", "thank_you", lukas.email)
    s.mail("automatische_antwort", "inbox", plain(
        seed="c190d", date=t("2026-11-10 11:42", BERLIN), frm=lukas, to=[USER], style="outlook",
        subject="Automatische Antwort: Thank you - Embedded Software Engineer interview",
        extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
        body="Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 16.11.2026 nicht im Büro und habe nur "
             "eingeschränkt Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an "
             "bewerbung@falkenberg-mb.de.\n\nThank you for your message. I am out of the office until November 16 "
             "with limited access to email.\n\nLukas Brandt"))
    s.run(t("2026-11-10 12:00", BERLIN), total=0, decision={"Embedded Software Engineer": "2026-11-20"})
    s.run(t("2026-11-20 23:00", BERLIN), total=0)
    s.run(t("2026-11-21 09:00", BERLIN), [fu(anna, aw, subject)], total=1)
    return s


def c191() -> S:
    s = S("191_b16_b18_offer_in_recruiter_thread_closes",
          "The recruiter answers in her scheduling thread ('RE:', Outlook quote below) with an offer: the "
          "interview closes, no acknowledgement (the user answers an offer in their own words), no follow-up "
          "after the default date (Nov 23). The interviewer's name is accented (Tomás). shape: Outlook/Teams "
          "invitation (§13, §15); offer hand-written.",
          ["B16", "B18", "B15", "B17"])
    ruth = P("Ruth Okonkwo", "ruth.okonkwo@alderfinch.com")
    tomas = P("Tomás Ferreira", "tomas.ferreira@alderfinch.com")
    sched_body = ("Hi Jordan,\n\nYou're confirmed for your final interview for the Senior Product Manager role: "
                  "Thursday, November 12 at 3:00 PM ET with Tomás Ferreira, our VP of Product. The Teams link is in "
                  "the invitation.\n\nBest,\nRuth Okonkwo\nRecruiting Manager, Alder & Finch")
    sched = s.mail("recruiter_scheduling", "inbox", plain(
        seed="c191a", date=t("2026-11-06 16:00"), frm=ruth, to=[USER], style="outlook",
        subject="Senior Product Manager - final interview", body=sched_body))
    ev = Ev(uid_outlook("c191"), t("2026-11-12 15:00"), t("2026-11-12 16:00"),
            "Final interview: Senior Product Manager - Jordan Lee", ruth, (att(USER), att(tomas)),
            description="Final interview for the Senior Product Manager role at Alder & Finch with Tomás Ferreira "
                        "(VP of Product): product strategy and a roadmap case.", location="Microsoft Teams Meeting",
            conference=teams("c191"))
    s.mail("outlook_invitation", "inbox", outlook("c191", ev, t("2026-11-06 16:05")))
    s.run(t("2026-11-12 16:15"), [thanks(tomas.email, "Tomás", "Alder & Finch")], total=1, interviews=1,
          interview=[iv("Alder & Finch", "Senior Product Manager", [tomas], ruth)])
    s.user("send_draft", "thank_you", tomas.email)
    s.mail("offer_in_thread", "inbox", plain(
        seed="c191b", date=t("2026-11-17 18:20"), frm=ruth, to=[USER], style="outlook", in_reply_to=sched,
        subject="RE: Senior Product Manager - final interview",
        body="Hi Jordan,\n\nI'm delighted to tell you that the team would like to offer you the Senior Product "
             "Manager position! I'd love to walk you through the details - are you free for a call tomorrow "
             "afternoon? The written offer will follow after we speak.\n\nCongratulations!\nRuth" +
             outlook_quote(sched_body, t("2026-11-06 16:00"), ruth, USER, "Senior Product Manager - final interview")))
    s.run(t("2026-11-17 19:00"), total=0, state={"Alder & Finch": "closed"})
    s.run(t("2026-11-24 09:00"), total=0, state={"Alder & Finch": "closed"})
    return s


def c192() -> S:
    s = S("192_b15_b16_b18_offer_via_greenhouse_noreply",
          "The offer arrives from Greenhouse's no-reply sender with the recruiter in Reply-To (Auto-Submitted): "
          "it counts and closes the interview; no acknowledgement for an offer; the signing deadline in it "
          "('sign by December 4') is the user's deadline, not a decision date, and no follow-up ever comes. "
          "shape: Greenhouse no-reply sender (§1); Google Calendar invitation (§12); offer text hand-written.",
          ["B15", "B16", "B18", "B17"])
    jess = P("Jess Whitaker", "jess.whitaker@lindenwoodgames.com")
    mateo = P("Mateo Ruiz", "mateo.ruiz@lindenwoodgames.com")
    ev = Ev(uid_google("c192"), t("2026-11-06 11:00"), t("2026-11-06 12:00"),
            "Lindenwood Games - Gameplay Programmer interview", jess, (att(mateo, "ACCEPTED"), att(USER)),
            description="Interview for the Gameplay Programmer role with Mateo Ruiz (Lead Gameplay Programmer): "
                        "a code review of a small combat system and a chat about our engine.",
            conference=gmeet("c192"))
    s.mail("google_invitation", "inbox", google("c192", ev, t("2026-11-02 10:00")))
    s.run(t("2026-11-06 12:30"), [thanks(mateo.email, "Mateo", "Lindenwood Games")], total=1, interviews=1,
          interview=[iv("Lindenwood Games", "Gameplay Programmer", [mateo], jess)])
    s.mail("greenhouse_offer", "inbox", ats(
        "c192b", t("2026-11-13 09:00"), P("Lindenwood Games", "no-reply@us.greenhouse-mail.io"),
        "Your offer from Lindenwood Games", reply_to=jess, extra=AUTO,
        body="Hi Jordan,\n\nCongratulations! We're excited to offer you the position of Gameplay Programmer at "
             "Lindenwood Games. Your offer letter is ready for review here:\n\n"
             f"https://app.greenhouse.io/offers/{h('c192b', 24)}\n\nPlease review and sign by December 4. If you "
             "have any questions, just reply to this email and Jess will get back to you.\n\nJess Whitaker\n"
             "Recruiter, Lindenwood Games"))
    s.run(t("2026-11-13 10:00"), total=1, state={"Lindenwood Games": "closed"})
    s.run(t("2026-12-05 09:00"), total=1, state={"Lindenwood Games": "closed"})
    return s


# ------------------------------------------------------------------ hearing back: timelines


def c193() -> S:
    s = S("193_b13_b16_b17_need_another_week_on_the_decision_day",
          "The scheduling mail promised a decision 'by Friday, December 4'. On that Friday the recruiter writes "
          "'we need another week': the date moves to Dec 11 (one week after Dec 4, which is also the message's "
          "day, so both readings agree) and the watch goes on; the follow-up comes on Dec 12 as a reply to that "
          "update. shape: Google Calendar invitation (§12); mail hand-written.",
          ["B13", "B16", "B17", "B12"])
    marta = P("Marta Kowalski", "marta.kowalski@cinderpeak.io")
    jun = P("Jun Park", "jun.park@cinderpeak.io")
    sched = s.mail("recruiter_scheduling", "inbox", plain(
        seed="c193a", date=t("2026-11-25 10:00"), frm=marta, to=[USER], subject="Interview confirmed: Developer Advocate",
        body="Hi Jordan,\n\nYou're all set for Monday, November 30 at 10:00 AM ET with Jun Park, who leads our "
             "developer relations team. We'll have a decision for you by Friday, December 4.\n\nHappy "
             "Thanksgiving!\nMarta Kowalski\nRecruiter, Cinderpeak Software"))
    ev = Ev(uid_google("c193"), t("2026-11-30 10:00"), t("2026-11-30 11:00"),
            "Cinderpeak Software: Developer Advocate interview", marta, (att(jun, "ACCEPTED"), att(USER)),
            description="Interview for the Developer Advocate role with Jun Park (Head of Developer Relations). "
                        "Please prepare a 10-minute demo of a tool you like.", conference=gmeet("c193"))
    s.mail("google_invitation", "inbox", google("c193", ev, t("2026-11-25 10:05")))
    s.run(t("2026-11-30 11:30"), [thanks(jun.email, "Jun", "Cinderpeak Software")], total=1, interviews=1,
          decision={"Cinderpeak Software": "2026-12-04"},
          interview=[iv("Cinderpeak Software", "Developer Advocate", [jun], marta)])
    s.user("send_draft", "thank_you", jun.email)
    upd = s.mail("need_another_week", "inbox", plain(
        seed="c193b", date=t("2026-12-04 09:30"), frm=marta, to=[USER], in_reply_to=sched,
        subject="Re: Interview confirmed: Developer Advocate",
        body="Hi Jordan,\n\nI'm sorry for the delay - we need another week to finish the last two interviews. "
             "Thanks for your patience!\n\nMarta"))
    s.run(t("2026-12-04 10:00"), total=0, decision={"Cinderpeak Software": "2026-12-11"})
    s.run(t("2026-12-05 10:00"), total=0)
    s.run(t("2026-12-11 18:00"), total=0)
    s.run(t("2026-12-12 09:00"), [fu(marta, upd, "Interview confirmed: Developer Advocate")], total=1)
    return s


def c194() -> S:
    s = S("194_b12_b15_b16_b18_ats_timeline_by_dec_18",
          "Ashby's no-reply sender (Auto-Submitted: auto-generated) with the recruiter in Reply-To writes that "
          "the team 'expects to share a decision by Dec 18'. It counts as the recruiter's word (B15) and moves "
          "the date from the default (Dec 14) to Dec 18; no acknowledgement (not a rejection, not an answer to "
          "a follow-up); the follow-up to the recruiter comes on Dec 19. shape: Ashby '<Company> "
          "<no-reply@ashbyhq.com>' sender (§3); Google Calendar invitation (§12); text hand-written.",
          ["B12", "B15", "B16", "B18", "B17"])
    ravi = P("Ravi Menon", "ravi.menon@tidepoolsystems.com")
    claire = P("Claire Dubois", "claire.dubois@tidepoolsystems.com")
    ev = Ev(uid_google("c194"), t("2026-12-03 13:00"), t("2026-12-03 14:00"),
            "Site Reliability Engineer interview - Tidepool Systems", ravi, (att(claire, "ACCEPTED"), att(USER)),
            description="Interview for the Site Reliability Engineer role with Claire Dubois (SRE Manager): an "
                        "incident walkthrough and on-call practices.", conference=gmeet("c194"))
    s.mail("google_invitation", "inbox", google("c194", ev, t("2026-11-27 11:00")))
    s.run(t("2026-12-03 14:30"), [thanks(claire.email, "Claire", "Tidepool Systems")], total=1, interviews=1,
          interview=[iv("Tidepool Systems", "Site Reliability Engineer", [claire], ravi)])
    s.user("send_draft", "thank_you", claire.email)
    s.run(t("2026-12-04 09:00"), total=0, decision={"Tidepool Systems": "2026-12-14"})
    s.mail("ashby_timeline", "inbox", ats(
        "c194b", t("2026-12-08 16:40"), P("Tidepool Systems", "no-reply@ashbyhq.com"),
        "An update on your application to Tidepool Systems", reply_to=ravi, extra=AUTO,
        body="Hi Jordan,\n\nA quick update on your application for Site Reliability Engineer: the hiring team is "
             "finishing interviews and expects to share a decision by Dec 18. Thank you for your patience!\n\n"
             "Ravi Menon\nRecruiting, Tidepool Systems\n\nSent with Ashby"))
    s.run(t("2026-12-08 17:00"), total=0, decision={"Tidepool Systems": "2026-12-18"})
    s.run(t("2026-12-15 09:00"), total=0)
    s.run(t("2026-12-18 20:00"), total=0)
    s.run(t("2026-12-19 09:00"), [fu(ravi)], total=1)
    return s


def c195() -> S:
    s = S("195_b11_b15_b16_b17_thanks_for_your_note_changes_nothing",
          "The user wrote their own thank-you right after the interview (so no drafted thank-you, B11); the "
          "hiring manager answers 'Thanks for your note ... We'll be in touch.' That changes nothing: the "
          "default date (Nov 26) stands and the follow-up on Nov 27 replies to her answer, the latest thread "
          "holding a human message from her. shape: Google Calendar invitation (§12); mail hand-written.",
          ["B11", "B15", "B16", "B17"])
    irene = P("Irene Castillo", "irene.castillo@oakhurstlearning.org")
    ev = Ev(uid_google("c195"), t("2026-11-17 10:00"), t("2026-11-17 11:00"),
            "Oakhurst Learning - Learning Experience Designer interview", irene,
            (att(irene, "ACCEPTED"), att(USER)),
            description="Interview for the Learning Experience Designer role with Irene Castillo (Director of "
                        "Curriculum). Bring one course you designed.", conference=gmeet("c195"))
    s.mail("google_invitation", "inbox", google("c195", ev, t("2026-11-10 09:00")))
    note_body = ("Hi Irene,\n\nThank you for this morning's conversation. I loved hearing how Oakhurst co-designs "
                 "courses with classroom teachers, and I'd be excited to bring that approach to the Learning "
                 "Experience Designer role.\n\nBest,\nJordan Lee")
    note = s.mail("user_own_thank_you", "sent", plain(
        seed="c195b", date=t("2026-11-17 12:10"), frm=USER, to=[irene], subject="Thank you for this morning",
        body=note_body))
    s.run(t("2026-11-17 13:00"), total=0, interviews=1,
          interview=[iv("Oakhurst Learning", "Learning Experience Designer", [irene], irene)])
    answer = s.mail("thanks_for_your_note", "inbox", plain(
        seed="c195c", date=t("2026-11-18 09:05"), frm=irene, to=[USER], in_reply_to=note,
        subject="Re: Thank you for this morning",
        body="Hi Jordan,\n\nThanks for your note - I enjoyed our conversation too. We'll be in touch.\n\nIrene" +
             gmail_quote(note_body, t("2026-11-17 12:10"), USER)))
    s.run(t("2026-11-18 10:00"), total=0, decision={"Oakhurst Learning": "2026-11-26"})
    s.run(t("2026-11-26 18:00"), total=0)
    s.run(t("2026-11-27 08:00"), [fu(irene, answer, "Thank you for this morning")], total=1)
    return s


# ------------------------------------------------------------------ decision-date phrases (B12, B13)


def c196() -> S:
    s = S("196_b12_b13_by_friday_reply_above_quoted_earlier_date",
          "The scheduling mail (Tue Nov 3) says 'by Monday, November 30'. On Tue Nov 17 the recruiter answers in "
          "that thread ('RE:') 'we'll have an answer for you by Friday' above Outlook's quoted copy of his "
          "earlier mail. 'by Friday' resolves against Nov 17 to Nov 20 and replaces Nov 30 (B13); the quoted "
          "'November 30' is history, not a new statement. Follow-up on Nov 21 in that thread. shape: Outlook "
          "'RE:' with the From/Sent/To/Subject quote block (§13); Outlook/Teams invitation (§15).",
          ["B12", "B13", "B17"])
    sam = P("Sam Adeyemi", "sadeyemi@westbrookpartners.com")
    lena = P("Lena Hoffmann", "lena.hoffmann@westbrookpartners.com")
    subject = "Interview - Strategy & Operations Associate"
    sched_body = ("Hi Jordan,\n\nThank you for your interest in Westbrook Partners. You're scheduled for Thursday, "
                  "November 12 at 2:00 PM with Lena Hoffmann, Principal. We're meeting several candidates and "
                  "expect to make a decision by Monday, November 30.\n\nBest,\nSam Adeyemi\nTalent Acquisition, "
                  "Westbrook Partners")
    sched = s.mail("recruiter_scheduling", "inbox", plain(
        seed="c196a", date=t("2026-11-03 11:00"), frm=sam, to=[USER], style="outlook", subject=subject,
        body=sched_body))
    ev = Ev(uid_outlook("c196"), t("2026-11-12 14:00"), t("2026-11-12 15:00"),
            "Strategy & Operations Associate - Jordan Lee", sam, (att(USER), att(lena)),
            description="Case interview for the Strategy & Operations Associate role with Lena Hoffmann "
                        "(Principal), Westbrook Partners.", location="Microsoft Teams Meeting",
            conference=teams("c196"))
    s.mail("outlook_invitation", "inbox", outlook("c196", ev, t("2026-11-03 11:05")))
    s.run(t("2026-11-12 15:20"), [thanks(lena.email, "Lena", "Westbrook Partners")], total=1, interviews=1,
          decision={"Westbrook Partners": "2026-11-30"},
          interview=[iv("Westbrook Partners", "Strategy & Operations Associate", [lena], sam)])
    s.user("send_draft", "thank_you", lena.email)
    upd = s.mail("recruiter_by_friday", "inbox", plain(
        seed="c196b", date=t("2026-11-17 09:30"), frm=sam, to=[USER], style="outlook", in_reply_to=sched,
        subject="RE: " + subject,
        body="Hi Jordan,\n\nGood news on timing: Lena and the partners meet on Thursday, and we'll have an answer "
             "for you by Friday.\n\nBest,\nSam" + outlook_quote(sched_body, t("2026-11-03 11:00"), sam, USER, subject)))
    s.run(t("2026-11-17 10:00"), total=0, decision={"Westbrook Partners": "2026-11-20"})
    s.run(t("2026-11-20 18:00"), total=0)
    s.run(t("2026-11-21 09:00"), [fu(sam, upd, subject)], total=1)
    return s


def c197() -> S:
    s = S("197_b1_b12_within_two_weeks_far_time_zone",
          "User in Asia/Kolkata interviewing with a Los Angeles company at 10 PM local time. The hiring manager "
          "writes Friday Nov 13 17:30 PT, which is Saturday Nov 14 07:00 in Kolkata: 'within two weeks' resolves "
          "against the message's day in the user's time zone (B1: every day is in `timezone`), Nov 14 -> Nov 28, "
          "replacing the default (Nov 23). No follow-up on the evening of Nov 28 (Kolkata); one on Nov 29. "
          "shape: Zoom invitation text (§14); mail hand-written.",
          ["B1", "B12", "B17"], user={"timezone": "Asia/Kolkata"})
    kyle = P("Kyle Bennett", "kyle.bennett@suncrestsolar.com")
    zoom = "https://suncrestsolar.zoom.us/j/84419023317?pwd=" + h("c197z", 22)
    ev = Ev(f"ZOOM{int(h('c197', 10), 16)}@zoom.us", t("2026-11-12 08:30", LA), t("2026-11-12 09:30", LA),
            "Suncrest Solar: Solar Forecasting Data Scientist interview (Jordan Lee)", kyle, (att(USER),),
            description="Interview for the Solar Forecasting Data Scientist role with Kyle Bennett (Head of "
                        "Forecasting). We'll discuss irradiance nowcasting and a model you shipped.",
            location=zoom, conference=zoom)
    s.mail("zoom_invitation", "inbox", invitation(
        style="zoom", ev=ev, date=t("2026-11-05 10:00", LA), to=[USER], seed="c197",
        subject="Invitation: Suncrest Solar: Solar Forecasting Data Scientist interview (Jordan Lee)"))
    s.run(t("2026-11-12 23:30", KOLKATA), [thanks(kyle.email, "Kyle", "Suncrest Solar")], total=1, interviews=1,
          interview=[iv("Suncrest Solar", "Solar Forecasting Data Scientist", [kyle], kyle)])
    s.user("send_draft", "thank_you", kyle.email)
    s.run(t("2026-11-13 09:00", KOLKATA), total=0, decision={"Suncrest Solar": "2026-11-23"})
    note = s.mail("hiring_manager_timeline", "inbox", plain(
        seed="c197b", date=t("2026-11-13 17:30", LA), frm=kyle, to=[USER], subject="Thanks from Suncrest Solar",
        body="Hi Jordan,\n\nThanks again for staying up late for our call! We're talking to two more candidates and "
             "will make a decision within two weeks.\n\nKyle"))
    s.run(t("2026-11-14 08:00", KOLKATA), total=0, decision={"Suncrest Solar": "2026-11-28"})
    s.run(t("2026-11-24 09:00", KOLKATA), total=0)
    s.run(t("2026-11-28 20:00", KOLKATA), total=0)
    s.run(t("2026-11-29 09:00", KOLKATA), [fu(kyle, note)], total=1)
    return s


def c198() -> S:
    s = S("198_b12_early_next_week",
          "Thu Nov 19 the recruiter writes 'we'll have an update for you early next week': the week of Nov 23, "
          "read as its Tuesday (Nov 24; the convention written in agent/core/dates.py, late enough that a "
          "follow-up never comes early), which replaces the default (Nov 26). Follow-up on Nov 25. shape: "
          "Outlook/Teams invitation (§13, §15); mail hand-written.",
          ["B12", "B17"])
    nora = P("Nora Lindqvist", "nora@glasswingsec.com")
    ben = P("Benjamin Cho", "ben.cho@glasswingsec.com")
    ev = Ev(uid_outlook("c198"), t("2026-11-17 13:00"), t("2026-11-17 14:00"),
            "Glasswing Security - Detection Engineer interview", nora, (att(USER), att(ben)),
            description="Interview for the Detection Engineer role with Benjamin Cho (Detection & Response Lead). "
                        "We'll work through a detection for a credential-stuffing attack.",
            location="Microsoft Teams Meeting", conference=teams("c198"))
    s.mail("outlook_invitation", "inbox", outlook("c198", ev, t("2026-11-11 10:00")))
    s.run(t("2026-11-17 14:30"), [thanks(ben.email, "Benjamin", "Glasswing Security")], total=1, interviews=1,
          interview=[iv("Glasswing Security", "Detection Engineer", [ben], nora)])
    s.user("send_draft", "thank_you", ben.email)
    note = s.mail("recruiter_timeline", "inbox", plain(
        seed="c198b", date=t("2026-11-19 15:00"), frm=nora, to=[USER], style="outlook",
        subject="Glasswing Security - next steps",
        body="Hi Jordan,\n\nThank you for meeting Ben on Tuesday. The hiring team is reviewing feedback, and we'll "
             "have an update for you early next week.\n\nBest,\nNora Lindqvist\nTalent Partner, Glasswing Security"))
    s.run(t("2026-11-19 16:00"), total=0, decision={"Glasswing Security": "2026-11-24"})
    s.run(t("2026-11-24 18:00"), total=0)
    s.run(t("2026-11-25 08:00"), [fu(nora, note, "Glasswing Security - next steps")], total=1)
    return s


def c199() -> S:
    s = S("199_b12_five_to_seven_business_days_from_a_friday",
          "Fri Dec 4 the recruiter writes 'in 5-7 business days': the later bound, counted in business days "
          "from Friday, is Tue Dec 15 (not Dec 11, not calendar days), replacing the default (Dec 14). No "
          "follow-up on Dec 15, one on Dec 16. shape: Google Calendar invitation (§12); mail hand-written.",
          ["B12", "B17", "B14"])
    ola = P("Ola Nilsen", "ola.nilsen@kelpiedata.com")
    rahul = P("Rahul Verma", "rahul.verma@kelpiedata.com")
    ev = Ev(uid_google("c199"), t("2026-12-03 15:00"), t("2026-12-03 16:00"),
            "Kelpie Data - Analytics Engineer interview (Jordan Lee)", ola, (att(rahul, "ACCEPTED"), att(USER)),
            description="Interview for the Analytics Engineer role with Rahul Verma (Data Platform Lead): dbt "
                        "modelling and a SQL exercise.", conference=gmeet("c199"))
    s.mail("google_invitation", "inbox", google("c199", ev, t("2026-11-30 12:00")))
    s.run(t("2026-12-03 16:20"), [thanks(rahul.email, "Rahul", "Kelpie Data")], total=1, interviews=1,
          decision={"Kelpie Data": "2026-12-14"}, interview=[iv("Kelpie Data", "Analytics Engineer", [rahul], ola)])
    s.user("send_draft", "thank_you", rahul.email)
    note = s.mail("recruiter_timeline", "inbox", plain(
        seed="c199b", date=t("2026-12-04 10:00"), frm=ola, to=[USER], subject="Thanks for interviewing with Kelpie Data",
        body="Hi Jordan,\n\nThanks for your time with Rahul yesterday - he enjoyed the modelling discussion. You "
             "should hear from us in 5-7 business days.\n\nBest,\nOla Nilsen\nPeople Team, Kelpie Data"))
    s.run(t("2026-12-04 11:00"), total=0, decision={"Kelpie Data": "2026-12-15"})
    s.run(t("2026-12-15 18:00"), total=0)
    s.run(t("2026-12-16 08:00"), [fu(ola, note)], total=1)
    return s


def c200() -> S:
    s = S("200_b12_by_the_end_of_the_month",
          "The hiring manager (organizer and interviewer, 'Grace O'Neill') writes Thu Nov 12 that they aim to "
          "decide 'by the end of the month': Nov 30, replacing the default (Nov 19). No follow-up on Nov 20 or "
          "the evening of Nov 30; one on Dec 1 as a reply to that mail. shape: Google Calendar invitation (§12); "
          "mail hand-written.",
          ["B12", "B17"])
    grace = P("Grace O'Neill", "grace@mapleandrye.com")
    ev = Ev(uid_google("c200"), t("2026-11-10 09:00"), t("2026-11-10 10:00"),
            "Maple & Rye - Bakery Operations Manager interview", grace, (att(grace, "ACCEPTED"), att(USER)),
            description="Interview for the Bakery Operations Manager role with Grace O'Neill (Director of "
                        "Operations): production scheduling across our four bakeries.", conference=gmeet("c200"))
    s.mail("google_invitation", "inbox", google("c200", ev, t("2026-11-05 08:00")))
    s.run(t("2026-11-10 10:30"), [thanks(grace.email, "Grace", "Maple & Rye")], total=1, interviews=1,
          interview=[iv("Maple & Rye", "Bakery Operations Manager", [grace], grace)])
    s.user("send_draft", "thank_you", grace.email)
    note = s.mail("timeline_mail", "inbox", plain(
        seed="c200b", date=t("2026-11-12 14:00"), frm=grace, to=[USER], style="apple",
        subject="Update from Maple & Rye",
        body="Hi Jordan,\n\nThanks again for Tuesday. We have a few more conversations lined up and are aiming to "
             "make a decision by the end of the month.\n\nGrace O'Neill\nDirector of Operations, Maple & Rye"))
    s.run(t("2026-11-12 15:00"), total=0, decision={"Maple & Rye": "2026-11-30"})
    s.run(t("2026-11-20 09:00"), total=0)
    s.run(t("2026-11-30 20:00"), total=0)
    s.run(t("2026-12-01 08:00"), [fu(grace, note, "Update from Maple & Rye")], total=1)
    return s


def c201() -> S:
    s = S("201_b12_december_11_in_the_event_description",
          "The Outlook invitation's description says 'we plan to make a final decision by December 11': that "
          "is the decision date (source: the description), later than the default (Dec 10). No follow-up on "
          "Dec 11; one on Dec 12 to the recruiter, as a reply to his scheduling mail (the invitation is a "
          "calendar notification, never the thread). shape: Outlook/Teams invitation with the description as "
          "the body (§13, §15); mail hand-written.",
          ["B12", "B17"])
    kofi = P("Kofi Mensah", "kofi.mensah@stonebridgehp.com")
    helene = P("Hélène Girard", "helene.girard@stonebridgehp.com")
    sched = s.mail("recruiter_scheduling", "inbox", plain(
        seed="c201a", date=t("2026-11-23 09:00"), frm=kofi, to=[USER], style="outlook",
        subject="Interview scheduled: Healthcare Data Analyst",
        body="Hi Jordan,\n\nYour interview with Hélène Girard is booked for Tuesday, December 1 at 11:00 AM ET. "
             "You'll receive a Teams invitation shortly.\n\nKofi Mensah\nTalent Acquisition, Stonebridge Health "
             "Partners"))
    ev = Ev(uid_outlook("c201"), t("2026-12-01 11:00"), t("2026-12-01 12:00"),
            "Interview - Healthcare Data Analyst - Jordan Lee", kofi, (att(USER), att(helene)),
            description="Interview for the Healthcare Data Analyst role with Hélène Girard (Manager, Clinical "
                        "Analytics).\n\nTimeline: we plan to make a final decision by December 11.\n\nKofi Mensah | "
                        "Talent Acquisition | Stonebridge Health Partners", location="Microsoft Teams Meeting",
            conference=teams("c201"))
    s.mail("outlook_invitation", "inbox", outlook("c201", ev, t("2026-11-23 09:10")))
    s.run(t("2026-12-01 12:30"), [thanks(helene.email, "Hélène", "Stonebridge Health Partners")], total=1,
          interviews=1, decision={"Stonebridge Health Partners": "2026-12-11"},
          interview=[{**iv("Stonebridge Health Partners", "Healthcare Data Analyst", [helene], kofi),
                      "decision_source": "description"}])
    s.user("send_draft", "thank_you", helene.email)
    s.run(t("2026-12-11 09:00"), total=0)
    s.run(t("2026-12-11 17:00"), total=0)
    s.run(t("2026-12-12 09:00"), [fu(kofi, sched, "Interview scheduled: Healthcare Data Analyst")], total=1)
    return s


def c202() -> S:
    s = S("202_b12_by_monday_the_14th",
          "Issue 13 class 10. Wed Dec 2 the recruiter writes 'we'll get back to you by Monday the 14th': the "
          "Monday that is the 14th, 2026-12-14, not the coming Monday (Dec 7) and not the default (Dec 10). No "
          "follow-up on Dec 8, Dec 11 or the evening of Dec 14; one on Dec 15. shape: Google Calendar "
          "invitation (§12); mail hand-written.",
          ["B12", "B17"])
    aisha = P("Aisha Rahman", "aisha.rahman@northgatetransit.org")
    paul = P("Paul Lindgren", "paul.lindgren@northgatetransit.org")
    ev = Ev(uid_google("c202"), t("2026-12-01 14:00"), t("2026-12-01 15:00"),
            "Northgate Transit Authority - Transit Scheduling Analyst interview", aisha,
            (att(paul, "ACCEPTED"), att(USER)),
            description="Interview for the Transit Scheduling Analyst role with Paul Lindgren (Service Planning "
                        "Manager): GTFS data and a timetable exercise.", conference=gmeet("c202"))
    s.mail("google_invitation", "inbox", google("c202", ev, t("2026-11-24 10:00")))
    s.run(t("2026-12-01 15:30"), [thanks(paul.email, "Paul", "Northgate Transit Authority")], total=1, interviews=1,
          interview=[iv("Northgate Transit Authority", "Transit Scheduling Analyst", [paul], aisha)])
    s.user("send_draft", "thank_you", paul.email)
    note = s.mail("recruiter_timeline", "inbox", plain(
        seed="c202b", date=t("2026-12-02 11:00"), frm=aisha, to=[USER], subject="Transit Scheduling Analyst - timeline",
        body="Hi Jordan,\n\nThank you for interviewing with Paul yesterday. Our panel meets next week, and we'll get "
             "back to you by Monday the 14th.\n\nRegards,\nAisha Rahman\nHuman Resources, Northgate Transit "
             "Authority"))
    s.run(t("2026-12-02 12:00"), total=0, decision={"Northgate Transit Authority": "2026-12-14"})
    s.run(t("2026-12-08 09:00"), total=0)
    s.run(t("2026-12-11 09:00"), total=0)
    s.run(t("2026-12-14 20:00"), total=0)
    s.run(t("2026-12-15 08:00"), [fu(aisha, note, "Transit Scheduling Analyst - timeline")], total=1)
    return s


def c203() -> S:
    s = S("203_b12_end_of_next_week",
          "Tue Nov 17 the recruiter writes 'expect to hear from us by the end of next week': Friday of the week "
          "of Nov 23, i.e. Nov 27 (a business day although it follows Thanksgiving), replacing the default "
          "(Nov 25). No follow-up on Nov 26 or the evening of Nov 27; one on Nov 28. shape: Outlook/Teams "
          "invitation (§13, §15); mail hand-written.",
          ["B12", "B17"])
    callum = P("Callum Reid", "callum.reid@ironbarkfoods.com")
    sipho = P("Sipho Dlamini", "sipho.dlamini@ironbarkfoods.com")
    ev = Ev(uid_outlook("c203"), t("2026-11-16 10:00"), t("2026-11-16 11:00"),
            "Food Safety & Quality Manager interview - Jordan Lee", callum, (att(USER), att(sipho)),
            description="Interview for the Food Safety & Quality Manager role at Ironbark Foods with Sipho Dlamini "
                        "(Plant Director): HACCP plans and supplier audits.", location="Microsoft Teams Meeting",
            conference=teams("c203"))
    s.mail("outlook_invitation", "inbox", outlook("c203", ev, t("2026-11-09 13:00")))
    s.run(t("2026-11-16 11:30"), [thanks(sipho.email, "Sipho", "Ironbark Foods")], total=1, interviews=1,
          interview=[iv("Ironbark Foods", "Food Safety & Quality Manager", [sipho], callum)])
    s.user("send_draft", "thank_you", sipho.email)
    note = s.mail("recruiter_timeline", "inbox", plain(
        seed="c203b", date=t("2026-11-17 09:00"), frm=callum, to=[USER], style="outlook",
        subject="Ironbark Foods - Food Safety & Quality Manager",
        body="Hi Jordan,\n\nThanks for meeting Sipho yesterday. The team wants to finish the remaining interviews "
             "first, so expect to hear from us by the end of next week.\n\nCheers,\nCallum Reid\nRecruitment "
             "Partner, Ironbark Foods"))
    s.run(t("2026-11-17 10:00"), total=0, decision={"Ironbark Foods": "2026-11-27"})
    s.run(t("2026-11-26 09:00"), total=0)
    s.run(t("2026-11-27 20:00"), total=0)
    s.run(t("2026-11-28 09:00"), [fu(callum, note, "Ironbark Foods - Food Safety & Quality Manager")], total=1)
    return s


def c204() -> S:
    s = S("204_b12_no_later_than_the_9th",
          "Wed Nov 25 the recruiter ('Zoë Hartmann') writes 'you'll have our decision no later than the 9th': "
          "the next 9th after the message, Wed Dec 9, replacing the default (Dec 3). No follow-up on Dec 4 or "
          "the evening of Dec 9; one on Dec 10. shape: Google Calendar invitation (§12); mail hand-written.",
          ["B12", "B17"])
    zoe = P("Zoë Hartmann", "zoe.hartmann@bluefinpay.com")
    marco = P("Marco Bianchi", "marco.bianchi@bluefinpay.com")
    ev = Ev(uid_google("c204"), t("2026-11-24 10:00"), t("2026-11-24 11:00"),
            "Bluefin Payments | Payments Risk Analyst interview", zoe, (att(marco, "ACCEPTED"), att(USER)),
            description="Interview for the Payments Risk Analyst role with Marco Bianchi (Head of Fraud "
                        "Strategy): chargeback analytics and rule tuning.", conference=gmeet("c204"))
    s.mail("google_invitation", "inbox", google("c204", ev, t("2026-11-18 10:00")))
    s.run(t("2026-11-24 11:30"), [thanks(marco.email, "Marco", "Bluefin Payments")], total=1, interviews=1,
          interview=[iv("Bluefin Payments", "Payments Risk Analyst", [marco], zoe)])
    s.user("send_draft", "thank_you", marco.email)
    note = s.mail("recruiter_timeline", "inbox", plain(
        seed="c204b", date=t("2026-11-25 12:00"), frm=zoe, to=[USER], subject="Bluefin Payments - Payments Risk Analyst",
        body="Hi Jordan,\n\nThanks for meeting Marco yesterday. With the holiday this week we'll be a little "
             "slower, but you'll have our decision no later than the 9th.\n\nZoë Hartmann\nTalent Acquisition, "
             "Bluefin Payments"))
    s.run(t("2026-11-25 13:00"), total=0, decision={"Bluefin Payments": "2026-12-09"})
    s.run(t("2026-12-04 09:00"), total=0)
    s.run(t("2026-12-09 20:00"), total=0)
    s.run(t("2026-12-10 08:00"), [fu(zoe, note, "Bluefin Payments - Payments Risk Analyst")], total=1)
    return s


def c205() -> S:
    s = S("205_b12_in_the_next_10_days",
          "Thu Nov 12 the hiring manager (organizer and interviewer) writes 'we will make a decision in the next "
          "10 days': calendar days, Nov 22 (a Sunday), replacing the default (Nov 20). No follow-up on Nov 21 or "
          "the evening of Nov 22; one on Nov 23, as a reply to that mail (later than the user's thank-you). "
          "shape: Google Calendar invitation (§12); mail hand-written.",
          ["B12", "B17"])
    tariq = P("Tariq Aziz", "tariq@vireolabs.ai")
    ev = Ev(uid_google("c205"), t("2026-11-11 16:00"), t("2026-11-11 17:00"),
            "Vireo Labs - Computer Vision Engineer interview", tariq, (att(tariq, "ACCEPTED"), att(USER)),
            description="Interview for the Computer Vision Engineer role with Tariq Aziz (CTO): a deep dive on a "
                        "detection model you trained.", conference=gmeet("c205"))
    s.mail("google_invitation", "inbox", google("c205", ev, t("2026-11-06 09:00")))
    s.run(t("2026-11-11 17:30"), [thanks(tariq.email, "Tariq", "Vireo Labs")], total=1, interviews=1,
          interview=[iv("Vireo Labs", "Computer Vision Engineer", [tariq], tariq)])
    s.user("send_draft", "thank_you", tariq.email)
    note = s.mail("timeline_mail", "inbox", plain(
        seed="c205b", date=t("2026-11-12 09:15"), frm=tariq, to=[USER], subject="Following up on yesterday",
        body="Jordan - thanks again for yesterday. We're meeting the last candidates this week and will make a "
             "decision in the next 10 days.\n\nTariq\nCTO, Vireo Labs"))
    s.run(t("2026-11-12 10:00"), total=0, decision={"Vireo Labs": "2026-11-22"})
    s.run(t("2026-11-21 09:00"), total=0)
    s.run(t("2026-11-22 20:00"), total=0)
    s.run(t("2026-11-23 08:00"), [fu(tariq, note, "Following up on yesterday")], total=1)
    return s


def c206() -> S:
    s = S("206_b12_after_thanksgiving",
          "Mon Nov 23 the recruiter writes 'we'll be in touch after Thanksgiving with next steps'. Chosen "
          "reading (documented here because B12 does not name it): the end of the first business week after "
          "Thanksgiving (Nov 26), Friday Dec 4, so a follow-up never comes early; it replaces the default "
          "(Dec 1). No follow-up on Dec 2 or the evening of Dec 4; one on Dec 5. shape: Outlook/Teams "
          "invitation (§13, §15); mail hand-written.",
          ["B12", "B17"])
    meredith = P("Meredith Cole", "mcole@holliscrane.com")
    james = P("James Whitford", "jwhitford@holliscrane.com")
    ev = Ev(uid_outlook("c206"), t("2026-11-20 10:00"), t("2026-11-20 11:00"),
            "Hollis & Crane LLP - Legal Operations Analyst interview", meredith, (att(USER), att(james)),
            description="Interview for the Legal Operations Analyst role with James Whitford (Partner, Legal "
                        "Operations): matter budgeting and e-billing.", location="Hollis & Crane, 12th floor",
            conference=teams("c206"))
    s.mail("outlook_invitation", "inbox", outlook("c206", ev, t("2026-11-13 10:00")))
    s.run(t("2026-11-20 11:30"), [thanks(james.email, "James", "Hollis & Crane")], total=1, interviews=1,
          interview=[iv("Hollis & Crane", "Legal Operations Analyst", [james], meredith,
                        match="Legal Operations Analyst")])
    s.user("send_draft", "thank_you", james.email)
    note = s.mail("recruiter_timeline", "inbox", plain(
        seed="c206b", date=t("2026-11-23 13:00"), frm=meredith, to=[USER], style="outlook",
        subject="Legal Operations Analyst - Hollis & Crane",
        body="Hi Jordan,\n\nThank you for coming in on Friday. Several of our partners are out this week for the "
             "holiday, so we'll be in touch after Thanksgiving with next steps.\n\nWarm regards,\nMeredith Cole\n"
             "Recruiting Manager, Hollis & Crane LLP"))
    s.run(t("2026-11-23 14:00"), total=0, decision={"Legal Operations Analyst": "2026-12-04"})
    s.run(t("2026-12-02 09:00"), total=0)
    s.run(t("2026-12-04 18:00"), total=0)
    s.run(t("2026-12-05 09:00"), [fu(meredith, note, "Legal Operations Analyst - Hollis & Crane")], total=1)
    return s


def c207() -> S:
    s = S("207_b12_b13_out_of_order_later_statement_wins",
          "Two recruiter mails arrive out of order: 'by December 11' written Fri Dec 4 is delayed and arrives "
          "Dec 9, after 'we now expect to decide by December 18' written Tue Dec 8 (a reply to it). The later "
          "statement is the one written later (Date), not the one that arrived later: Dec 18 holds from Dec 8 on "
          "and the late Dec 11 changes nothing; no follow-up on Dec 12; one on Dec 19 as a reply to the Dec 8 "
          "mail. shape: Google Calendar invitation (§12); mail hand-written.",
          ["B12", "B13", "B17"])
    ingrid = P("Ingrid Solberg", "ingrid.solberg@aurorafreight.com")
    dmitri = P("Dmitri Volkov", "dmitri.volkov@aurorafreight.com")
    ev = Ev(uid_google("c207"), t("2026-12-03 10:00"), t("2026-12-03 11:00"),
            "Aurora Freightworks - Logistics Software Engineer interview", ingrid,
            (att(dmitri, "ACCEPTED"), att(USER)),
            description="Interview for the Logistics Software Engineer role with Dmitri Volkov (Engineering "
                        "Lead, Routing): route optimisation and a code review.", conference=gmeet("c207"))
    s.mail("google_invitation", "inbox", google("c207", ev, t("2026-11-26 10:00")))
    s.run(t("2026-12-03 11:30"), [thanks(dmitri.email, "Dmitri", "Aurora Freightworks")], total=1, interviews=1,
          interview=[iv("Aurora Freightworks", "Logistics Software Engineer", [dmitri], ingrid)])
    s.user("send_draft", "thank_you", dmitri.email)
    first_subject = "Timeline - Logistics Software Engineer"
    first = plain(seed="c207b", date=t("2026-12-04 09:00"), frm=ingrid, to=[USER], subject=first_subject,
                  body="Hi Jordan,\n\nThanks for your time with Dmitri yesterday. We'll have a decision by December "
                       "11.\n\nBest,\nIngrid Solberg\nRecruiter, Aurora Freightworks")
    s.run(t("2026-12-04 10:00"), total=0, decision={"Aurora Freightworks": "2026-12-14"})
    later = s.mail("recruiter_new_date", "inbox", plain(
        seed="c207c", date=t("2026-12-08 15:00"), frm=ingrid, to=[USER], in_reply_to=first.message_id,
        subject="Re: " + first_subject,
        body="Hi Jordan,\n\nSmall update: one of our panelists is travelling, so we now expect to decide by December "
             "18. Sorry for the wait!\n\nIngrid"))
    s.run(t("2026-12-08 16:00"), total=0, decision={"Aurora Freightworks": "2026-12-18"})
    arrive(s, "recruiter_first_date_arrives_late", "inbox", first, t("2026-12-09 10:00"))
    s.run(t("2026-12-09 11:00"), total=0, decision={"Aurora Freightworks": "2026-12-18"})
    s.run(t("2026-12-12 09:00"), total=0)
    s.run(t("2026-12-19 09:00"), [fu(ingrid, later, first_subject)], total=1)
    return s


def c208() -> S:
    s = S("208_b13_b15_set_decision_then_ats_timeline",
          "The scheduling mail says 'by November 13'; the user records November 24 with set-decision on Nov 12, "
          "which overrides it (no follow-up on Nov 14). On Nov 18 Greenhouse's no-reply sender, the recruiter in "
          "Reply-To, writes 'we will be in touch by Friday, November 20': a later company statement, which wins "
          "over set-decision (B13) even though it comes from an ATS address (B15). Follow-up on Nov 21. shape: "
          "Greenhouse no-reply sender (§1), Outlook/Teams invitation (§13, §15); mail hand-written.",
          ["B13", "B15", "B12", "B17"])
    wei = P("Wei Zhang", "wei.zhang@silverlinetelecom.com")
    patrick = P("Patrick Doyle", "patrick.doyle@silverlinetelecom.com")
    s.mail("recruiter_scheduling", "inbox", plain(
        seed="c208a", date=t("2026-11-03 10:00"), frm=wei, to=[USER], style="outlook",
        subject="Network Automation Engineer interview",
        body="Hi Jordan,\n\nYou're booked for Monday, November 9 at 1pm with Patrick Doyle. We're moving quickly "
             "on this role and will make a decision by November 13.\n\nThanks,\nWei Zhang\nRecruiter, Silverline "
             "Telecom"))
    ev = Ev(uid_outlook("c208"), t("2026-11-09 13:00"), t("2026-11-09 14:00"),
            "Network Automation Engineer - Interview (Jordan Lee)", wei, (att(USER), att(patrick)),
            description="Interview with Patrick Doyle (Network Engineering Manager), Silverline Telecom: Ansible, "
                        "NETCONF and a troubleshooting scenario.", location="Microsoft Teams Meeting",
            conference=teams("c208"))
    s.mail("outlook_invitation", "inbox", outlook("c208", ev, t("2026-11-03 10:05")))
    s.run(t("2026-11-09 14:30"), [thanks(patrick.email, "Patrick", "Silverline Telecom")], total=1, interviews=1,
          decision={"Silverline Telecom": "2026-11-13"},
          interview=[iv("Silverline Telecom", "Network Automation Engineer", [patrick], wei)])
    s.user("send_draft", "thank_you", patrick.email)
    s.set_decision("Silverline Telecom", "November 24", t("2026-11-12 09:00"))
    s.run(t("2026-11-12 09:05"), total=0, decision={"Silverline Telecom": "2026-11-24"},
          interview=[{"match": "Silverline Telecom", "decision_source": "set-decision"}])
    s.run(t("2026-11-14 09:00"), total=0)
    s.mail("greenhouse_timeline", "inbox", ats(
        "c208b", t("2026-11-18 10:00"), P("Silverline Telecom Recruiting", "no-reply@us.greenhouse-mail.io"),
        "Update on your Network Automation Engineer application", reply_to=wei, extra=AUTO,
        body="Hi Jordan,\n\nAn update on the Network Automation Engineer role: we are finalizing decisions and will "
             "be in touch by Friday, November 20.\n\nWei Zhang\nRecruiter, Silverline Telecom"))
    s.run(t("2026-11-18 11:00"), total=0, decision={"Silverline Telecom": "2026-11-20"})
    s.run(t("2026-11-21 09:00"), [fu(wei)], total=1)
    return s


# ------------------------------------------------------------------ follow-up threads, B11, acknowledgements


def c209() -> S:
    s = S("209_b7_b17_follow_up_not_in_invitation_or_cancel_thread",
          "The first slot is cancelled by Google Calendar ('Canceled event with note:', METHOD:CANCEL) and a new "
          "invitation with a new UID follows; between them the recruiter writes a human mail 'Rescheduling your "
          "interview with Dev'. One interview, at the new time; the thank-you after the new end only; the "
          "follow-up (default Nov 23 -> Nov 24) replies to the recruiter's human mail, never 'Re: Invitation: "
          "...' nor 'Re: Canceled event with note: ...' (issue 14). shape: Google Calendar invitation and "
          "cancellation subjects and bodies (§12 real mail).",
          ["B7", "B17", "B2"])
    rosa = P("Rosa Delgado", "rosa.delgado@tamarackbio.com")
    dev = P("Dev Patel", "dev.patel@tamarackbio.com")
    base = {"summary": "Tamarack Biosciences - Computational Biologist interview", "organizer": rosa,
            "attendees": (att(dev, "ACCEPTED"), att(USER)),
            "description": "Interview for the Computational Biologist role with Dev Patel (Principal Scientist, "
                           "Genomics): single-cell pipelines and a paper of yours."}
    ev0 = Ev(uid_google("c209a"), t("2026-11-10 10:00"), t("2026-11-10 11:00"), conference=gmeet("c209a"), **base)
    s.mail("google_invitation", "inbox", google("c209a", ev0, t("2026-11-03 10:00")))
    s.mail("google_cancellation", "inbox", google(
        "c209b", Ev(**{**ev0.__dict__, "sequence": 1, "status": "CANCELLED"}), t("2026-11-09 08:00"),
        method="CANCEL",
        subject="Canceled event with note: Tamarack Biosciences - Computational Biologist interview @ Tue Nov 10, "
                "2026 10am - 11am (EST) (jordan.lee@gmail.com)",
        body="This event has been canceled with a note:\n\"Dev is out sick - rescheduling, sorry!\"\n\nTamarack "
             "Biosciences - Computational Biologist interview\nTuesday Nov 10, 2026 - 10am - 11am\nEastern Time - "
             "New York\n\nInvitation from Google Calendar"))
    human = s.mail("recruiter_reschedules", "inbox", plain(
        seed="c209c", date=t("2026-11-09 08:10"), frm=rosa, to=[USER], subject="Rescheduling your interview with Dev",
        body="Hi Jordan,\n\nApologies for the late change - Dev is out sick today and tomorrow. I've sent a new "
             "invitation for Thursday, November 12 at 10:00 AM. Same link, same agenda.\n\nThanks for your "
             "flexibility,\nRosa Delgado\nRecruiting Coordinator, Tamarack Biosciences"))
    ev1 = Ev(uid_google("c209d"), t("2026-11-12 10:00"), t("2026-11-12 11:00"), conference=gmeet("c209d"), **base)
    s.mail("google_new_invitation", "inbox", google("c209d", ev1, t("2026-11-09 08:15")))
    s.run(t("2026-11-10 11:30"), total=0, interviews=1)
    s.run(t("2026-11-12 11:15"), [thanks(dev.email, "Dev", "Tamarack Biosciences")], total=1, interviews=1,
          interview=[{**iv("Tamarack Biosciences", "Computational Biologist", [dev], rosa),
                      "start": "2026-11-12T10:00:00-05:00"}])
    s.user("send_draft", "thank_you", dev.email)
    s.run(t("2026-11-23 18:00"), total=0, decision={"Tamarack Biosciences": "2026-11-23"})
    s.run(t("2026-11-24 08:00"), [fu(rosa, human, "Rescheduling your interview with Dev")], total=1)
    return s


def c210() -> S:
    s = S("210_b16_b17_follow_up_skips_unrelated_quick_request",
          "After the interview the recruiter sends 'Quick request' about something else (could the user pass "
          "her details to a former colleague for another opening). It is a human message, but not about this "
          "interview: the date (default Nov 19) stays, and the follow-up on Nov 20 replies in the interview's "
          "own thread (her scheduling mail), never 'Re: Quick request' (issue 14). shape: Outlook/Teams "
          "invitation (§13, §15); mail hand-written.",
          ["B16", "B17"])
    bianca = P("Bianca Russo", "bianca.russo@keystonepayroll.com")
    hugo = P("Hugo Martin", "hugo.martin@keystonepayroll.com")
    sched = s.mail("recruiter_scheduling", "inbox", plain(
        seed="c210a", date=t("2026-11-03 15:00"), frm=bianca, to=[USER], style="outlook",
        subject="Interview scheduled - Payroll Systems Engineer",
        body="Hi Jordan,\n\nYour interview with Hugo Martin, our Payroll Platform Lead, is set for Tuesday, "
             "November 10 at 11:00 AM. The Teams invitation is on its way.\n\nBest,\nBianca Russo\nRecruiter, "
             "Keystone Payroll"))
    ev = Ev(uid_outlook("c210"), t("2026-11-10 11:00"), t("2026-11-10 12:00"),
            "Payroll Systems Engineer interview - Jordan Lee", bianca, (att(USER), att(hugo)),
            description="Interview with Hugo Martin (Payroll Platform Lead), Keystone Payroll: tax-table "
                        "pipelines and a design exercise.", location="Microsoft Teams Meeting",
            conference=teams("c210"))
    s.mail("outlook_invitation", "inbox", outlook("c210", ev, t("2026-11-03 15:05")))
    s.run(t("2026-11-10 12:30"), [thanks(hugo.email, "Hugo", "Keystone Payroll")], total=1, interviews=1,
          interview=[iv("Keystone Payroll", "Payroll Systems Engineer", [hugo], bianca)])
    s.user("send_draft", "thank_you", hugo.email)
    s.mail("unrelated_quick_request", "inbox", plain(
        seed="c210b", date=t("2026-11-16 10:00"), frm=bianca, to=[USER], style="outlook", subject="Quick request",
        body="Hi Jordan,\n\nRandom one - are you still in touch with Mateo from your Globex days? We have a Data "
             "Engineer opening on another team and I think he'd be great. Would you mind passing my details "
             "along?\n\nThanks!\nBianca"))
    s.run(t("2026-11-16 11:00"), total=0, decision={"Keystone Payroll": "2026-11-19"})
    s.run(t("2026-11-19 18:00"), total=0)
    s.run(t("2026-11-20 08:00"), [fu(bianca, sched, "Interview scheduled - Payroll Systems Engineer")], total=1)
    return s


def c211() -> S:
    s = S("211_b17_follow_up_without_a_human_thread",
          "The only mail from the hiring manager (organizer and interviewer) is the Google Calendar invitation, "
          "and the user deleted the thank-you draft instead of sending it. No thread holds a human message from "
          "her or the user's thank-you, so the follow-up (default Nov 27 -> Nov 28) is a new message with the "
          "plain subject 'Following up: Staff Data Scientist interview' (B17), not 'Re: Invitation: ...'. Note: "
          "the harness today requires every follow-up to carry In-Reply-To, which B17 does not in this case. "
          "shape: Google Calendar invitation (§12).",
          ["B17", "B20"])
    naomi = P("Naomi Fischer", "naomi@driftwoodanalytics.com")
    ev = Ev(uid_google("c211"), t("2026-11-18 14:00"), t("2026-11-18 15:00"),
            "Driftwood Analytics - Staff Data Scientist interview", naomi, (att(naomi, "ACCEPTED"), att(USER)),
            description="Interview for the Staff Data Scientist role with Naomi Fischer (VP Data Science): "
                        "experimentation at scale and a causal-inference case.", conference=gmeet("c211"))
    s.mail("google_invitation", "inbox", google("c211", ev, t("2026-11-11 09:00")))
    s.run(t("2026-11-18 15:30"), [thanks(naomi.email, "Naomi", "Driftwood Analytics")], total=1, interviews=1,
          interview=[iv("Driftwood Analytics", "Staff Data Scientist", [naomi], naomi)])
    s.user("delete_draft", "thank_you", naomi.email)
    s.run(t("2026-11-19 09:00"), total=0, decision={"Driftwood Analytics": "2026-11-27"})
    s.run(t("2026-11-27 18:00"), total=0)
    s.run(t("2026-11-28 09:00"), [fu(naomi, subject="Following up: Staff Data Scientist interview")], total=1)
    return s


def c212() -> S:
    s = S("212_b11_wrote_before_does_not_count_wrote_after_does",
          "Two interviewers. The user wrote to Felipe the day BEFORE the interview ('looking forward to "
          "tomorrow'): that is not writing after the interview, so he still gets a thank-you. The user wrote to "
          "Hanna an hour AFTER it ended (a link they discussed, with thanks): no drafted thank-you to her (B11). "
          "shape: Google Calendar invitation (§12); mail hand-written.",
          ["B11", "B9"])
    kavya = P("Kavya Reddy", "kavya@bellhaven.dev")
    felipe = P("Felipe Santos", "felipe@bellhaven.dev")
    hanna = P("Hanna Berg", "hanna@bellhaven.dev")
    ev = Ev(uid_google("c212"), t("2026-11-11 13:00"), t("2026-11-11 14:30"),
            "Bellhaven Software - Rust Engineer interview (Jordan Lee)", kavya,
            (att(felipe, "ACCEPTED"), att(hanna, "ACCEPTED"), att(USER)),
            description="Pairing interview for the Rust Engineer role with Felipe Santos and Hanna Berg from the "
                        "storage team.\n\nKavya Reddy\nRecruiter, Bellhaven Software", conference=gmeet("c212"))
    s.mail("google_invitation", "inbox", google("c212", ev, t("2026-11-05 10:00")))
    s.mail("user_wrote_before", "sent", plain(
        seed="c212b", date=t("2026-11-10 17:00"), frm=USER, to=[felipe], subject="Tomorrow's pairing session",
        body="Hi Felipe,\n\nLooking forward to tomorrow! Should I set up anything locally beforehand, or will we use "
             "a shared editor?\n\nBest,\nJordan"))
    s.mail("user_wrote_after", "sent", plain(
        seed="c212c", date=t("2026-11-11 15:30"), frm=USER, to=[hanna], subject="That borrow-checker article",
        body="Hi Hanna,\n\nThanks for the great session today! Here's the article on two-phase borrows I "
             "mentioned: https://example.org/two-phase-borrows\n\nBest,\nJordan"))
    s.run(t("2026-11-11 16:00"), [thanks(felipe.email, "Felipe", "Bellhaven Software")], total=1, interviews=1,
          interview=[iv("Bellhaven Software", "Rust Engineer", [felipe, hanna], kavya)])
    s.run(t("2026-11-12 09:00"), total=1)
    return s


def c213() -> S:
    s = S("213_b16_b17_b18_follow_up_answered_with_a_new_date",
          "The follow-up (default Nov 26 -> Nov 27) replies to the recruiter's scheduling mail; the user sends "
          "it; she answers in a new thread with 'a decision by Wednesday, December 9'. An acknowledgement to her "
          "(B18, the company answered the follow-up), the date moves to Dec 9 (B16), and with max_follow_ups = 1 "
          "no second follow-up on Dec 10. The recruiter's name is accented (Tessa Grünewald). shape: Google "
          "Calendar invitation (§12); mail hand-written.",
          ["B16", "B17", "B18", "B12"])
    tessa = P("Tessa Grünewald", "tessa.gruenewald@cobblestoneretail.com")
    arjun = P("Arjun Mehta", "arjun.mehta@cobblestoneretail.com")
    sched = s.mail("recruiter_scheduling", "inbox", plain(
        seed="c213a", date=t("2026-11-10 10:00"), frm=tessa, to=[USER],
        subject="Merchandising Analyst interview at Cobblestone Retail",
        body="Hi Jordan,\n\nI've scheduled your interview with Arjun Mehta, our Merchandising Planning Manager, for "
             "Tuesday, November 17 at 11:00 AM. The invitation has the video link.\n\nBest,\nTessa Grünewald\n"
             "Talent Acquisition, Cobblestone Retail"))
    ev = Ev(uid_google("c213"), t("2026-11-17 11:00"), t("2026-11-17 12:00"),
            "Merchandising Analyst interview - Cobblestone Retail", tessa, (att(arjun, "ACCEPTED"), att(USER)),
            description="Interview with Arjun Mehta (Merchandising Planning Manager): assortment planning and an "
                        "Excel case.", conference=gmeet("c213"))
    s.mail("google_invitation", "inbox", google("c213", ev, t("2026-11-10 10:05")))
    s.run(t("2026-11-17 12:30"), [thanks(arjun.email, "Arjun", "Cobblestone Retail")], total=1, interviews=1,
          interview=[iv("Cobblestone Retail", "Merchandising Analyst", [arjun], tessa)])
    s.user("send_draft", "thank_you", arjun.email)
    s.run(t("2026-11-26 18:00"), total=0, decision={"Cobblestone Retail": "2026-11-26"})
    s.run(t("2026-11-27 08:00"), [fu(tessa, sched, "Merchandising Analyst interview at Cobblestone Retail")],
          total=1)
    s.user("send_draft", "follow_up", tessa.email)
    answer = s.mail("recruiter_answers_follow_up", "inbox", plain(
        seed="c213b", date=t("2026-12-01 10:00"), frm=tessa, to=[USER], subject="Merchandising Analyst - update",
        body="Hi Jordan,\n\nThanks for checking in, and sorry for the silence - the holiday slowed us down. We're "
             "finishing references for our finalists and will have a decision by Wednesday, December 9.\n\nBest,\n"
             "Tessa"))
    s.run(t("2026-12-01 11:00"), [ack(tessa, answer)], total=1, decision={"Cobblestone Retail": "2026-12-09"})
    s.run(t("2026-12-10 09:00"), total=1)
    return s


def c214() -> S:
    s = S("214_b16_b17_b18_long_gap_rejection_while_away",
          "Long gap: after the October 20 interview (EDT, before the US DST change) no run happens until Monday "
          "Nov 9 (EST). The default date (Oct 29) passed long ago, but a rejection arrived on Nov 5: at the "
          "first run the interview is closed, the acknowledgement is drafted, and no follow-up is ever made. "
          "shape: Google Calendar invitation (§12); mail hand-written.",
          ["B16", "B17", "B18", "B1"])
    renee = P("Renée Dubois", "renee.dubois@meadowlarkenergy.com")
    ev = Ev(uid_google("c214"), t("2026-10-20 15:00"), t("2026-10-20 16:00"),
            "Meadowlark Energy - Energy Markets Analyst interview", renee, (att(renee, "ACCEPTED"), att(USER)),
            description="Interview for the Energy Markets Analyst role with Renée Dubois (Director, Market "
                        "Analytics): PJM capacity markets and a forecasting case.", conference=gmeet("c214"))
    s.mail("google_invitation", "inbox", google(
        "c214", ev, t("2026-10-13 11:00"),
        subject="Invitation: Meadowlark Energy - Energy Markets Analyst interview @ Tue Oct 20, 2026 3pm - 4pm "
                "(EDT) (jordan.lee@gmail.com)"))
    s.run(t("2026-10-20 16:30"), [thanks(renee.email, "Renée", "Meadowlark Energy")], total=1, interviews=1,
          interview=[iv("Meadowlark Energy", "Energy Markets Analyst", [renee], renee)])
    s.user("send_draft", "thank_you", renee.email)
    rej = s.mail("rejection_while_away", "inbox", plain(
        seed="c214b", date=t("2026-11-05 11:00"), frm=renee, to=[USER], subject="Energy Markets Analyst - update",
        body="Hi Jordan,\n\nThank you for your patience and for the thoughtful conversation last month. We've "
             "decided to offer the role to another candidate whose trading-desk experience was a closer match. "
             "I'd be glad to stay in touch for future openings.\n\nBest wishes,\nRenée Dubois\nDirector, Market "
             "Analytics, Meadowlark Energy"))
    s.run(t("2026-11-09 09:00"), [ack(renee, rej)], total=1, state={"Meadowlark Energy": "closed"})
    s.run(t("2026-11-16 09:00"), total=1, state={"Meadowlark Energy": "closed"})
    return s


def c215() -> S:
    s = S("215_b15_b16_b18_next_round_from_ats_noreply",
          "Ashby's no-reply sender (Auto-Submitted: auto-generated, recruiter in Reply-To) invites the user to "
          "the final round with a self-scheduling link and asks for availability 'by Friday, November 20'. It "
          "counts (B15) and it is a decision (another round): closed, no acknowledgement, no follow-up after the "
          "default date (Nov 23); the availability deadline is the user's, not a decision date. shape: Ashby "
          "sender and 'Candidate Availability' link (§3); Google Calendar invitation (§12).",
          ["B15", "B16", "B18", "B17"])
    jonah = P("Jonah Pierce", "jonah.pierce@fernhillrobotics.com")
    lucia = P("Lucía Herrera", "lucia.herrera@fernhillrobotics.com")
    ev = Ev(uid_google("c215"), t("2026-11-12 09:00"), t("2026-11-12 10:00"),
            "Fernhill Robotics - Controls Engineer technical screen", jonah, (att(lucia, "ACCEPTED"), att(USER)),
            description="Technical screen for the Controls Engineer role with Lucía Herrera (Controls Lead): "
                        "MPC basics and a PID tuning exercise.", conference=gmeet("c215"))
    s.mail("google_invitation", "inbox", google("c215", ev, t("2026-11-06 12:00")))
    s.run(t("2026-11-12 10:30"), [thanks(lucia.email, "Lucía", "Fernhill Robotics")], total=1, interviews=1,
          interview=[iv("Fernhill Robotics", "Controls Engineer", [lucia], jonah)])
    s.user("send_draft", "thank_you", lucia.email)
    s.mail("ashby_next_round", "inbox", ats(
        "c215b", t("2026-11-17 14:00"), P("Fernhill Robotics", "no-reply@ashbyhq.com"),
        "Next steps with Fernhill Robotics: schedule your final interviews", reply_to=jonah, extra=AUTO,
        body="Hi Jordan,\n\nGreat news - the team would like to move you forward to the final round for the "
             "Controls Engineer role! Please choose times for your virtual onsite using the link below:\n\n"
             f"https://app.ashbyhq.com/candidate-availability/{h('c215b', 32)}\n\nPlease submit your "
             "availability by Friday, November 20.\n\nJonah Pierce\nRecruiting, Fernhill Robotics\n\n"
             "Sent with Ashby"))
    s.run(t("2026-11-17 15:00"), total=0, state={"Fernhill Robotics": "closed"})
    s.run(t("2026-11-24 09:00"), total=0, state={"Fernhill Robotics": "closed"})
    s.run(t("2026-12-01 09:00"), total=0)
    return s


# ------------------------------------------------------------------ negatives


def c216() -> S:
    s = S("216_b4_b15_b18_application_stage_mail_without_an_interview",
          "Negative. Application-stage mail with no interview behind it: a Workday receipt and a Workday "
          "rejection, a SmartRecruiters mail titled 'Invitation to Job Interview' whose body is a rejection, and "
          "a Greenhouse 'How was your application experience?' survey that mentions interviews. No interview is "
          "tracked and nothing is drafted (no acknowledgement without an interview). shape: Workday "
          "<tenant>@myworkday.com and rejection wording (§4), SmartRecruiters 'Invitation to Job Interview "
          "(friendly)' template whose stored text is a rejection (§6); survey hand-written.",
          ["B4", "B15", "B18"])
    wd = P("Redstone Logistics Careers", "redstonelogistics@myworkday.com")
    s.mail("workday_receipt", "inbox", ats(
        "c216a", t("2026-10-30 21:14"), wd, "Thank you for applying to Redstone Logistics", extra=AUTO,
        body="Dear Jordan,\n\nThank you for applying to the Transportation Analyst position. We will review your "
             "application and contact you if your qualifications match our needs, for example to schedule an "
             "interview.\n\nRedstone Logistics Talent Acquisition"))
    s.mail("workday_rejection", "inbox", ats(
        "c216b", t("2026-11-10 06:02"), wd, "Your application to Redstone Logistics", extra=AUTO,
        body="Dear Jordan,\n\nWe recently filled the role you originally applied to, so we won't be moving forward "
             "with your candidacy for this position.\n\nRedstone Logistics Talent Acquisition"))
    s.mail("smartrecruiters_invitation_titled_rejection", "inbox", ats(
        "c216c", t("2026-11-11 13:00"), P("Cedar Grove Hotels", "noreply@smartrecruiters.com"),
        "Invitation to Job Interview - Guest Experience Manager", reply_to=P("Olivia Brandt", "obrandt@cedargrovehotels.com"),
        body="Dear Jordan,\n\nThank you for your interest in the Guest Experience Manager position at Cedar Grove "
             "Hotels. Unfortunately, we are unable to offer you a role at this time. I'm sorry it didn't work out "
             "for now, but please stay in touch with us, as we are constantly hiring.\n\nI wish you the best of "
             "luck in your job search.\n\nBest regards,\n\nOlivia Brandt"))
    s.mail("greenhouse_application_survey", "inbox", ats(
        "c216d", t("2026-11-12 09:00"), P("Tern Aviation Recruiting", "no-reply@us.greenhouse-mail.io"),
        "How was your application experience with Tern Aviation?", extra=BULK,
        body="Hi Jordan,\n\nThanks for applying to Tern Aviation. Whether or not you reached the interview stage, "
             "we'd love to hear how the process felt. Did you hear back quickly? Were interviews well organised? "
             f"Tell us in 2 minutes: https://survey.greenhouse.io/s/{h('c216d', 20)}\n\nTern Aviation Recruiting"))
    for day in ("2026-11-10 12:00", "2026-11-11 15:00", "2026-11-12 12:00", "2026-11-20 09:00"):
        s.run(t(day), total=0, interviews=0)
    return s


def c217() -> S:
    me = P("Jordan Lee", "jordan.lee@lumenworks.io")
    s = S("217_b4_b15_user_on_the_hiring_side",
          "Negative. The user works at lumenworks.io and interviews a candidate: the user's own invitation is in "
          "Sent, Greenhouse reminds the user to submit a scorecard, the candidate writes a thank-you and later "
          "asks for an update, and the user's rejection to the candidate is in Sent. The user is the "
          "interviewer (B4): nothing is tracked and nothing drafted, however much it reads like hearing back. "
          "shape: Google Calendar invitation (§12); Greenhouse scorecard reminder hand-written (interviewer-side "
          "mail per §0).",
          ["B4", "B15"], user={"email": me.email, "own_domains": ["lumenworks.io"]})
    sam = P("Sam Park", "sam.park.dev@gmail.com")
    ev = Ev(uid_google("c217"), t("2026-11-10 14:00"), t("2026-11-10 15:00"),
            "Interview: Sam Park - Backend Engineer", me, (att(me, "ACCEPTED"), att(sam, "ACCEPTED")),
            description="Technical interview with candidate Sam Park for the Backend Engineer role. Scorecard in "
                        "Greenhouse.", conference=gmeet("c217"))
    s.mail("invitation_user_sent", "sent", google("c217", ev, t("2026-11-04 09:00"), to=[sam],
                                                   subject="Invitation: Interview: Sam Park - Backend Engineer"))
    s.mail("scorecard_reminder", "inbox", ats(
        "c217b", t("2026-11-10 16:00"), P("Greenhouse", "no-reply@greenhouse.io"),
        "Reminder: submit your scorecard for Sam Park (Backend Engineer)", to=[me], extra=AUTO,
        body="Hi Jordan,\n\nYou interviewed Sam Park for Backend Engineer today. Please submit your scorecard so the "
             "hiring team can make a decision by Friday.\n\nGreenhouse"))
    thanks_mail = s.mail("candidate_thank_you", "inbox", plain(
        seed="c217c", date=t("2026-11-10 16:30"), frm=sam, to=[me], subject="Thank you for the interview!",
        body="Hi Jordan,\n\nThank you for taking the time to interview me today for the Backend Engineer role. I "
             "enjoyed the design discussion and I'm very excited about Lumenworks.\n\nBest,\nSam"))
    s.mail("candidate_asks_update", "inbox", plain(
        seed="c217d", date=t("2026-11-16 09:00"), frm=sam, to=[me], subject="Re: Thank you for the interview!",
        in_reply_to=thanks_mail,
        body="Hi Jordan,\n\nI hope you're well! I wanted to follow up and ask whether there's any update on the "
             "Backend Engineer role.\n\nBest,\nSam"))
    s.mail("user_rejects_candidate", "sent", plain(
        seed="c217e", date=t("2026-11-17 10:00"), frm=me, to=[sam], subject="Your Backend Engineer application",
        body="Hi Sam,\n\nThank you for interviewing with us. Unfortunately we've decided not to move forward with "
             "your application at this time. We wish you the best in your search.\n\nJordan Lee\nEngineering "
             "Manager, Lumenworks"))
    for day in ("2026-11-10 15:30", "2026-11-16 10:00", "2026-11-17 12:00", "2026-11-24 09:00"):
        s.run(t(day), total=0, interviews=0)
    return s


def c218() -> S:
    s = S("218_b4_follow_up_advice_alerts_and_recruiter_check_ins",
          "Negative. Mail about hearing back and following up that belongs to no interview: a newsletter 'How "
          "to follow up after an interview' ('if you haven't heard back by Friday ...'), a LinkedIn 'your "
          "application was viewed', an agency recruiter's check-in offering to 'set up an interview next week' "
          "(no time), and an out-of-office reply to a cold email. Nothing is tracked or drafted. shape: "
          "newsletter with List-Unsubscribe (§17), LinkedIn job-alert sender (§17); the rest hand-written.",
          ["B4", "B15"])
    s.mail("newsletter_follow_up_advice", "inbox", ats(
        "c218a", t("2026-11-09 07:00"), P("The Career Letter", "hello@news.thecareerletter.com"),
        "How to follow up after an interview (and what to say)",
        extra=BULK + [("List-Unsubscribe", f"<https://news.thecareerletter.com/u/{h('c218a', 16)}>")],
        body="This week: the follow-up. Ask at the end of every interview when they expect to make a decision. If "
             "you haven't heard back by Friday, send a short, friendly follow-up to your recruiter. Thank each "
             "interviewer within 24 hours.\n\nRead more at thecareerletter.com"))
    s.mail("linkedin_application_viewed", "inbox", ats(
        "c218b", t("2026-11-10 12:00"), P("LinkedIn", "jobs-noreply@linkedin.com"),
        "Your application was viewed by Harbor & Co", extra=BULK,
        body="Jordan, your application for Data Engineer at Harbor & Co was viewed by the hiring team.\n\nSee "
             "similar jobs on LinkedIn"))
    agency = P("Brett Sullivan", "brett.sullivan@apexstaffing.com")
    cold = s.mail("user_cold_email", "sent", plain(
        seed="c218c", date=t("2026-11-10 18:00"), frm=USER, to=[P("Marta Gil", "marta.gil@opalfintech.com")],
        subject="Data Engineer openings at Opal Fintech",
        body="Hi Marta,\n\nI came across Opal Fintech's data team and would love to learn whether you're hiring "
             "data engineers.\n\nBest,\nJordan Lee"))
    s.mail("cold_email_out_of_office", "inbox", auto_reply(
        seed="c218d", date=t("2026-11-10 18:01"), frm=P("Marta Gil", "marta.gil@opalfintech.com"), to=USER,
        subject="Data Engineer openings at Opal Fintech", in_reply_to=cold,
        body="I'm out of the office until November 16 and will get back to you after that."))
    s.mail("agency_check_in", "inbox", plain(
        seed="c218e", date=t("2026-11-12 11:00"), frm=agency, to=[USER], subject="Checking in",
        body="Hi Jordan,\n\nChecking in - are you still open to new roles? I'm working on a Data Engineer search for "
             "a fintech client and could set up an interview next week if you're interested.\n\nBrett Sullivan\n"
             "Senior Recruiter, Apex Staffing"))
    for day in ("2026-11-10 19:00", "2026-11-12 12:00", "2026-11-17 09:00", "2026-11-24 09:00"):
        s.run(t(day), total=0, interviews=0)
    return s


def c219() -> S:
    s = S("219_b4_mock_interview_and_practice_feedback",
          "Negative. A peer mock interview booked on a practice platform (an .ics whose title says 'Mock "
          "interview'), then 'your practice interview feedback is ready - your peer will rate you within 24 "
          "hours'. Practice, not a job interview: no thank-you, no follow-up. shape: hand-written from the "
          "Pramp description in §17 (peer mock interviews, roles swapped after 30 minutes, feedback form).",
          ["B4", "B3"])
    platform = P("PeerPrep", "sessions@peerprep.io")
    ev = Ev(h("c219", 24) + "@peerprep.io", t("2026-11-12 20:00"), t("2026-11-12 21:00"),
            "Mock interview: Data Structures & Algorithms (peer practice session)", platform, (att(USER),),
            description="Your peer practice session. You'll interview your peer for 30 minutes, then swap roles. "
                        "Join: https://peerprep.io/session/" + h("c219s", 12) + "\n\nThis is a practice mock "
                        "interview, not a job interview.")
    s.mail("mock_interview_booked", "inbox", invitation(
        style="calendly", ev=ev, date=t("2026-11-09 18:00"), to=[USER], seed="c219", frm=platform,
        prodid="-//PeerPrep//Sessions//EN", subject="Your peer mock interview is confirmed: Thu Nov 12, 8:00 PM",
        body="Hi Jordan,\n\nYour peer mock interview is confirmed for Thursday, November 12 at 8:00 PM ET. You'll "
             "be matched with a peer at your level.\n\nHappy practicing!\nThe PeerPrep team"))
    s.mail("practice_feedback", "inbox", ats(
        "c219b", t("2026-11-12 21:30"), platform, "Your practice interview feedback is ready", extra=BULK,
        body="Hi Jordan,\n\nNice work in today's mock interview! Your peer will rate you within 24 hours, and you "
             "can already read the written feedback in your dashboard.\n\nThe PeerPrep team"))
    for day in ("2026-11-12 21:15", "2026-11-13 09:00", "2026-11-24 09:00"):
        s.run(t(day), total=0, interviews=0)
    return s


SCENARIOS = [c180, c181, c182, c183, c184, c185, c186, c187, c188, c189, c190, c191, c192, c193, c194, c195, c196,
             c197, c198, c199, c200, c201, c202, c203, c204, c205, c206, c207, c208, c209, c210, c211, c212, c213,
             c214, c215, c216, c217, c218, c219]
