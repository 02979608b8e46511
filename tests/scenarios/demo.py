"""The demo's sample mailbox, defined with the one generator and written as data into config/demo/ (which
installs as `agent.defaults/demo`); `interview-agent demo` (agent/demo.py) only replays it.

    .venv/bin/python -m tests.scenarios.build --demo

Jordan Lee, a backend engineer employed at Bluepeak Logistics, is interviewing at three companies, each
inviting through a different system:

- Acme Robotics (Google Calendar): two interviewers, a room, a recruiter who says "we'll get back to you by
  Friday", then silence past Friday (follow-up), then "we'll have an answer by December 4" (acknowledgement;
  the decision date moves). One interviewer's out-of-office reply must not count.
- Northwind Labs (Outlook / Teams): the hiring manager alone; a rejection a week later (acknowledgement,
  closed).
- Initech (Greenhouse, .ics attached, recruiter in Reply-To): Jordan asks "When do you expect to make a
  decision?" (the morning briefing reminded him) and mails himself the answer, "Initech: by next Wednesday";
  silence past that day, so the follow-up comes the day after.
- Things that must produce nothing: a dentist appointment, an internal team sync that mentions an interview
  loop, and a newsletter about interview tips.

`demo.toml` holds the user's config tables and the timeline as `[[step]]`s in time order (the scenario
format of tests/scenarios/README.md, plus captions): `deliver` (a mail lands in the tree; `answers` makes
it, at delivery time, a reply to the latest mail Jordan sent that address), `user = "send_drafts"` (Jordan
sends what the agent drafted) and `run` (the agent runs with its clock at that instant).
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tests.mailgen import Att, Ev, Mail, P, auto_reply, invitation, itip_reply, newsletter, plain
from tests.scenarios.toml_writer import toml_key, toml_table, toml_value

OUT = Path(__file__).resolve().parents[2] / "config" / "demo"
TZ = ZoneInfo("America/New_York")
ME = "jordan.lee@gmail.com"
WORK = "jordan.lee@bluepeak-logistics.com"
GOOGLE = "-//Google Inc//Google Calendar 70.9054//EN"

USER = {"name": "Jordan Lee", "email": ME, "aliases": [WORK], "timezone": "America/New_York",
        "own_domains": ["bluepeak-logistics.com"]}
PROFILE = {"pitch": ("I have spent five years building reliable backend services in Python and Go, most "
                     "recently cutting our order pipeline's p99 latency in half, and I enjoy mentoring "
                     "engineers as a team grows."),
           "signature": "Jordan Lee\n(555) 010-2000"}
INTRO = ("Jordan Lee is interviewing at Acme Robotics, Northwind Labs and Initech. The agent runs twice a day; "
         "it only ever writes drafts.")

PRIYA = P("Priya Shah", "priya.shah@acme-robotics.com")
DANA = P("Dana Whitfield", "dana.whitfield@acme-robotics.com")
MARCUS = P("Marcus Chen", "marcus.chen@acme-robotics.com")
ACME_ROOM = P("Acme HQ-4-Turing (6) [Zoom Room]", "c_18846ad7cq2kehk1gsp5iodf6pb1o@resource.calendar.google.com")
SAM = P("Sam Okafor", "sam.okafor@northwind-labs.com")
RACHEL = P("Rachel Kim", "rachel.kim@initech.io")
TOM = P("Tom Becker", "tom.becker@initech.io")
LISA = P("Lisa Park", "lisa.park@initech.io")
JORDAN = P("Jordan Lee", ME)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


class Demo:
    """The mail files and the timeline being defined. Mail is numbered in definition order; the player
    names each Maildir file after its number."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.steps: list[tuple[datetime, dict[str, Any]]] = []

    def deliver(self, name: str, m: Mail, folder: str = "inbox", *, answers: str = "", prefix: str = "") -> str:
        fname = f"mail/{len(self.files) + 1:02d}_{name}.eml"
        self.files[fname] = m.raw
        assert m.date is not None
        step: dict[str, Any] = {"deliver": fname, "folder": folder, "at": m.date.isoformat()}
        if answers:
            step.update(answers=answers, subject_prefix=prefix)
        self.steps.append((m.date, step))
        return m.message_id

    def send_drafts(self, when: datetime, caption: str) -> None:
        self.steps.append((when, {"user": "send_drafts", "at": when.isoformat(), "caption": caption}))

    def run(self, when: datetime, caption: str) -> None:
        self.steps.append((when, {"run": when.isoformat(), "caption": caption}))

    def write(self, out: Path = OUT) -> Path:
        """Replace `out` with demo.toml and mail/*.eml."""
        if out.exists():
            shutil.rmtree(out)
        (out / "mail").mkdir(parents=True)
        for name, raw in self.files.items():
            (out / name).write_bytes(raw)
        # Stable sort: at equal instants deliveries come before Jordan's sending and the runs (definition order).
        steps = [s for _when, s in sorted(self.steps, key=lambda s: s[0])]
        parts = [("# Generated by tests/scenarios/demo.py; edit the definition there, then rebuild "
                  "(python -m tests.scenarios.build --demo)."),
                 f"{toml_key('intro')} = {toml_value(INTRO)}", toml_table("user", USER),
                 toml_table("profile", PROFILE), *(toml_table("step", s, array=True) for s in steps)]
        (out / "demo.toml").write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        return out


# ---------------------------------------------------------------- the mail


def acme(d: Demo) -> None:
    first = d.deliver("acme_next_steps", plain(
        seed="demo-acme-1", date=at(12, 10, 4), frm=PRIYA, to=[JORDAN], with_html=False,
        subject="Next steps: Backend Engineer interview at Acme Robotics",
        msgid="<CAJ8q2VfA3c1RmXk0pN5dYt7wBqLh9sZe4uGv6oTiKy2nMx1Rbw@mail.gmail.com>",
        body=("Hi Jordan,\n\nThanks for making time to chat last week! I'm happy to share that the team "
              "would like to move you forward for the Backend Engineer role.\n\nI've sent a calendar "
              "invitation for Tuesday, November 17, 2:00-3:00 pm ET at our Boston office. You'll meet "
              "Dana Whitfield (Engineering Manager) and Marcus Chen (Senior Software Engineer).\n\n"
              "Let me know if anything comes up.\n\nBest,\nPriya\n\nPriya Shah\nRecruiting Coordinator | "
              "Acme Robotics\nacme-robotics.com")))
    ev = Ev(uid="4q7h2cbf0m3s8v1ktn6e9rjd5a@google.com", start=at(17, 14), end=at(17, 15),
            summary="Interview: Jordan Lee / Backend Engineer", organizer=PRIYA,
            attendees=(Att(PRIYA, "ACCEPTED"), Att(DANA), Att(MARCUS), Att(JORDAN),
                       Att(ACME_ROOM, "ACCEPTED", cutype="RESOURCE")),
            description=("Onsite Backend Engineer interview with Dana Whitfield (Engineering Manager) and Marcus "
                         "Chen (Senior Software Engineer). We'll cover system design and data modelling. Please "
                         "check in at the front desk on the 4th floor.\n\n"
                         "Scheduled by Priya Shah, Recruiting Coordinator\n\n"
                         "Join with Google Meet: https://meet.google.com/xfd-pqrs-tuv\n\n"
                         "-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-\n"
                         "Please do not edit this section of the description."),
            location="Acme Robotics HQ, 500 Harbor Blvd, Boston, MA 02210",
            conference="https://meet.google.com/xfd-pqrs-tuv")
    d.deliver("acme_google_invitation", invitation(
        style="google", ev=ev, date=at(12, 10, 6), to=[P("", ME)], seed="demo-acme-2", tzid="America/New_York",
        reply_to=P("", PRIYA.email), msgid="<0000000000004f3a9e05c7b21d44@google.com>",
        subject="Invitation: Interview: Jordan Lee / Backend Engineer @ Tue Nov 17, 2026 2pm - 3pm (EST) "
                "(jordan.lee@gmail.com)",
        body=("You have been invited to the following event.\n\nInterview: Jordan Lee / Backend "
              "Engineer\nWhen: Tuesday Nov 17, 2026 2pm - 3pm (EST)\nWhere: Acme Robotics HQ, 500 "
              "Harbor Blvd, Boston, MA 02210\nJoining info: https://meet.google.com/xfd-pqrs-tuv\n"
              "Calendar: jordan.lee@gmail.com\nWho:\n  * Priya Shah - organizer\n  * Dana Whitfield\n"
              "  * Marcus Chen\n  * jordan.lee@gmail.com\n\nInvitation from Google Calendar\n"
              "You are receiving this email because you are an attendee on the event.")))
    # Jordan accepts from Gmail: an iTIP REPLY in Sent.
    d.deliver("acme_accepted", itip_reply(
        seed="demo-acme-3", date=at(12, 10, 31), user=JORDAN, ev=ev, partstat="ACCEPTED", prodid=GOOGLE,
        subject="Accepted: Interview: Jordan Lee / Backend Engineer @ Tue Nov 17, 2026 2pm - 3pm (EST) "
                "(priya.shah@acme-robotics.com)",
        msgid="<CAHr5t3kQwE2nZp8xVb1mJc6yLd4sGf0aUo9iTe7hRk3Mw5Nq2A@mail.gmail.com>"), "sent")
    d.deliver("acme_by_friday", plain(
        seed="demo-acme-4", date=at(17, 16, 12), frm=PRIYA, to=[JORDAN], with_html=False, in_reply_to=first,
        subject="Re: Next steps: Backend Engineer interview at Acme Robotics",
        msgid="<CAJ8q2VcX7p0LmNb2kT4eRz9wQyHf5sDa1uGv3oPiKx8nMt6Rcw@mail.gmail.com>",
        body=("Hi Jordan,\n\nThanks so much for coming in today. Dana and Marcus really enjoyed the "
              "conversation. We're wrapping up our last interviews this week, and we'll get back to "
              "you by Friday.\n\nBest,\nPriya\n\nPriya Shah\nRecruiting Coordinator | Acme Robotics")))
    d.deliver("acme_out_of_office", auto_reply(
        seed="demo-acme-5", date=at(17, 20, 31), frm=MARCUS, to=JORDAN, subject="Thank you", in_reply_to="",
        with_html=False, msgid="<BY5PR11MB4025A1C39E7D0B88F1D2A6C4D8F02@BY5PR11MB4025.namprd11.prod.outlook.com>",
        body=("I'm out of the office until Monday, November 23, with limited access to email. For "
              "anything urgent, please contact Dana Whitfield.\n\nMarcus")),
        answers=MARCUS.email, prefix="Automatic reply: ")
    d.deliver("acme_more_time", plain(
        seed="demo-acme-6", date=at(24, 11, 20), frm=PRIYA, to=[JORDAN], with_html=False,
        subject="Re: Backend Engineer interview",
        msgid="<CAJ8q2VdL4k9PzQw1yRb6nHt3xMcJ0sEa7uFv2oKiTx5mNr8Rdw@mail.gmail.com>",
        body=("Hi Jordan,\n\nThank you for checking in, and sorry for the wait! A couple of candidates "
              "were rescheduled, so the team needs a little more time. We'll have an answer for you by "
              "December 4.\n\nThanks for your patience,\nPriya\n\nPriya Shah\nRecruiting Coordinator | "
              "Acme Robotics")), answers=PRIYA.email, prefix="Re: ")


def northwind(d: Demo) -> None:
    teams = ("https://teams.microsoft.com/l/meetup-join/19%3ameeting_NGQ3ZTk1YzAtOWI2ZC00NTdiLWE5ZmQtMmM4"
             "ZGU0ZTI0ZDE3%40thread.v2/0?context=%7b%22Tid%22%3a%22b7c1e2d4%22%7d")
    description = ("Hi Jordan, I'm looking forward to our conversation about the Product Engineer role on "
                   "my team. We'll talk about your recent projects and how our team works.\n\n"
                   "________________________________________________________________________________\n"
                   "Microsoft Teams meeting\nJoin on your computer, mobile app or room device\n"
                   f"Click here to join the meeting<{teams}>\nMeeting ID: 245 118 392 771\nPasscode: q7Xb2N\n"
                   "________________________________________________________________________________")
    ev = Ev(uid=("040000008200E00074C5B7101A82E00800000000A0F3B1D2C7BFDC01000000000000000010000000"
                 "6C1E4B2A9F0D7E43B8A5C2D1E0F9A8B7"),
            start=at(18, 10), end=at(18, 10, 45), summary="Product Engineer interview - Jordan Lee",
            organizer=SAM, attendees=(Att(JORDAN),), description=description, location="Microsoft Teams Meeting",
            conference=teams)
    d.deliver("northwind_teams_invitation", invitation(
        style="outlook", ev=ev, date=at(13, 15, 40), to=[JORDAN], seed="demo-northwind-1",
        tzid="Eastern Standard Time", body=description.replace(f"<{teams}>", f" <{teams}>"),
        msgid="<MN2PR04MB6270E1F3A9C44B7D2E0B8F5AC7D12@MN2PR04MB6270.namprd04.prod.outlook.com>"))
    d.deliver("northwind_rejection", plain(
        seed="demo-northwind-2", date=at(25, 9, 30), frm=SAM, to=[JORDAN], style="outlook", with_html=False,
        subject="Product Engineer role",
        msgid="<MN2PR04MB6270B7D0E2F14A9C3E1F6A2BD8E45@MN2PR04MB6270.namprd04.prod.outlook.com>",
        body=("Hi Jordan,\n\nThank you again for your time last week and for your kind note. After a lot "
              "of discussion, we have decided to move forward with another candidate whose experience "
              "more closely matches what the team needs right now.\n\nIt was a pleasure talking with "
              "you, and I wish you all the best in your search.\n\nSam\n\nSam Okafor | Engineering "
              "Manager | Northwind Labs")), answers=SAM.email, prefix="RE: ")


def initech(d: Demo) -> None:
    ev = Ev(uid="gh-interview-7781204-3@greenhouse.io", start=at(19, 13), end=at(19, 14, 30),
            summary="Interview: Senior Software Engineer - Initech",
            organizer=P("Initech Recruiting", "no-reply@us.greenhouse-mail.io"),
            attendees=(Att(TOM), Att(LISA), Att(JORDAN)),
            description=("Technical interview for the Senior Software Engineer role at Initech.\n"
                         "Interviewers: Tom Becker (Staff Engineer), Lisa Park (Director of "
                         "Engineering)\nZoom: https://initech.zoom.us/j/93817265501\n\n"
                         "Questions? Reply to Rachel Kim, rachel.kim@initech.io"),
            location="https://initech.zoom.us/j/93817265501")
    d.deliver("initech_greenhouse_confirmation", invitation(
        style="greenhouse", ev=ev, date=at(16, 11, 2), to=[JORDAN], seed="demo-initech-1",
        frm=P("Rachel Kim", "no-reply@us.greenhouse-mail.io"), reply_to=RACHEL,
        prodid="-//Greenhouse Software Inc.//Interview Scheduler//EN",
        subject="Interview Confirmation: Senior Software Engineer at Initech",
        msgid="<4f1c2a7e.8d3b.4e61.9a0f.52c7b1e9d3a4@us.greenhouse-mail.io>",
        body=("Hi Jordan,\n\nThank you for your interest in Initech! Your interview for the Senior Software "
              "Engineer position is confirmed.\n\nWhen: Thursday, November 19, 2026, 1:00 PM - 2:30 PM EST\n"
              "Where: https://initech.zoom.us/j/93817265501\n\nYou'll meet with:\n  Tom Becker - Staff "
              "Engineer\n  Lisa Park - Director of Engineering\n\nA calendar invitation is attached. If you "
              "need to reschedule, just reply to this email.\n\nBest,\nRachel Kim\nTechnical Recruiter, "
              "Initech")))
    # B26: Jordan asked Tom when they expect to decide and mailed the answer to himself from the lobby
    d.deliver("note_to_self", plain(
        seed="demo-note", date=at(19, 14, 41), frm=JORDAN, to=[JORDAN], subject="Initech", with_html=False,
        msgid="<5D1F0C2A-7B3E-4E8F-9C61-2A4B8D0E7F13@gmail.com>",
        body="Initech: by next Wednesday\n\nSent from my iPhone"), folder="sent")


def not_interviews(d: Demo) -> None:
    alex = P("Alex Rivera", "alex.rivera@bluepeak-logistics.com")
    d.deliver("team_sync", invitation(
        style="google", seed="demo-sync", date=at(16, 9, 40), to=[P("", WORK)], tzid="America/New_York",
        ev=Ev(uid="7b3k9d2m1q5r8s0t4v6w2x9yz@google.com", start=at(23, 10), end=at(23, 10, 30),
              summary="Platform team sync", organizer=alex,
              attendees=(Att(alex, "ACCEPTED"), Att(P("Mei Tanaka", "mei.tanaka@bluepeak-logistics.com")),
                         Att(P("Jordan Lee", WORK))),
              description=("Agenda: on-call handoff, Q1 roadmap, and the interview loop for the "
                           "open SRE role (who takes the system design session?)."),
              location="Bluepeak HQ - Harbor Room"),
        subject=f"Invitation: Platform team sync @ Mon Nov 23, 2026 10am - 10:30am (EST) ({WORK})",
        msgid="<000000000000b81d2f05c7c3e9a1@google.com>",
        body=("You have been invited to the following event.\n\nPlatform team sync\nWhen: Monday Nov 23, "
              "2026 10am - 10:30am (EST)\n\nInvitation from Google Calendar")))
    dentist = P("Bright Smile Dental", "appointments@brightsmiledental.com")
    d.deliver("dentist_appointment", invitation(
        style="booking", seed="demo-dentist", date=at(16, 13, 15), to=[JORDAN], tzid="America/New_York",
        prodid="-//Bright Smile Dental//Online Booking 4.2//EN",
        ev=Ev(uid="appt-55120987@brightsmiledental.com", start=at(20, 9), end=at(20, 10),
              summary="Dental cleaning with Dr. Alvarez", organizer=dentist, attendees=(Att(JORDAN),),
              description=("Your appointment: cleaning and check-up with Dr. Maria Alvarez.\n"
                           "Please arrive 10 minutes early. To reschedule call (555) 010-4477."),
              location="Bright Smile Dental, 12 Elm St, Somerville, MA"),
        subject="Appointment confirmation: Fri, Nov 20 at 9:00 AM",
        msgid="<20261116181500.55120987@brightsmiledental.com>",
        body=("Hi Jordan,\n\nThis confirms your appointment on Friday, November 20 at 9:00 AM with "
              "Dr. Alvarez. Add it to your calendar with the attached invitation.\n\nBright Smile Dental")))
    d.deliver("newsletter", newsletter(
        seed="demo-newsletter", date=at(18, 7), frm=P("Career Compass Weekly", "newsletter@careercompass.com"),
        to=P("", ME), subject="The interview question that gets you a decision date",
        msgid="<nl-2026-11-18.8f2c@mail.careercompass.com>",
        list_id="Career Compass Weekly <weekly.careercompass.com>",
        unsubscribe="<https://careercompass.com/u/8f2c>",
        body=("THIS WEEK: ask the one question most candidates forget\n\nBefore your interview ends, ask the "
              "hiring manager: \"When do you expect to make a decision?\" Then send a thank-you note within "
              "24 hours, and if the date passes, one polite follow-up.\n\nAlso inside: how to prepare for a "
              "panel interview, and the phone screen mistakes recruiters notice first.\n\nYou are receiving "
              "this because you subscribed to Career Compass Weekly. Unsubscribe: "
              "https://careercompass.com/u/8f2c")))


# ---------------------------------------------------------------- the timeline

CAPTIONS = {
    at(16, 8): "Monday. Jordan has an invitation from Acme Robotics (Google Calendar) and one from "
               "Northwind Labs (Outlook/Teams).",
    at(16, 18): "Greenhouse confirmed an Initech interview; a dentist appointment and an internal team "
                "sync arrived too. Only real interviews are tracked.",
    at(17, 8): "Interview day: the morning briefing, a draft to Jordan alone, lists the 2 pm Acme interview, "
               "whom he meets and the question to ask before it ends.",
    at(17, 18): "The Acme interview ended at 3 pm; Priya said \"we'll get back to you by Friday\". "
                "Expect thank-you drafts for Dana and Marcus, not for Priya (recruiter) or the room.",
    at(18, 8): "A newsletter about interview tips arrived and Marcus's out-of-office replied: neither "
               "counts.",
    at(18, 18): "The Northwind interview with Sam Okafor ended at 10:45: a thank-you draft for Sam.",
    at(19, 18): "The Initech panel ended at 2:30 pm: thank-you drafts for Tom and Lisa, none for the "
                "Greenhouse no-reply organizer. Jordan asked when they expect to decide and mailed himself "
                "\"Initech: by next Wednesday\": that is Initech's decision date now.",
    at(21, 8): "Friday has passed without word from Acme: a follow-up draft to Priya, in her thread.",
    at(24, 18): "Priya answered the follow-up (\"an answer by December 4\"): an acknowledgement draft, "
                "and the decision date moves.",
    at(25, 18): "Northwind declined: an acknowledgement draft to Sam, and the interview is closed.",
    at(26, 8): "Wednesday, the date Jordan noted for Initech, passed in silence: a follow-up draft to Rachel "
               "Kim (Initech's recruiter, from the Greenhouse Reply-To).",
    at(1, 18, month=12): "End of the replay: every draft is waiting in Drafts for Jordan to review.",
}


def build() -> Demo:
    """The whole demo: mail, Jordan sending drafts, and the agent's runs at 08:00 and 18:00 New York time
    from Monday 2026-11-16 to Tuesday 2026-12-01."""
    d = Demo()
    for part in (acme, northwind, initech, not_interviews):
        part(d)
    d.send_drafts(at(17, 20, 30), "Jordan reviews the Acme thank-you drafts and sends them.")
    d.send_drafts(at(18, 19, 45), "Jordan sends the thank-you to Sam at Northwind.")
    d.send_drafts(at(19, 19, 10), "Jordan sends the thank-yous to Tom and Lisa at Initech.")
    d.send_drafts(at(23, 9, 15), "Jordan sends the follow-up to Priya on Monday morning.")
    day = at(16, 0)
    while day <= at(1, 0, month=12):
        for hour in (8, 18):
            when = day.replace(hour=hour)
            d.run(when, CAPTIONS.get(when, "Morning run." if hour == 8 else "Evening run."))
        day = (day + timedelta(days=1)).replace(hour=0)
    return d
