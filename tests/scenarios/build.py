"""Generate the scenario folders under tests/scenarios/cases/ from the compact definitions below.

    /work/main/.venv/bin/python -m tests.scenarios.build          # rewrite every case
    /work/main/.venv/bin/python -m tests.scenarios.build 07 12    # only the cases whose folder starts so
    /work/main/.venv/bin/python -m tests.scenarios.build --demo   # the demo's mailbox, config/demo/ (demo.py)

Each definition writes `cases/<folder>/scenario.toml` and `cases/<folder>/mail/*.eml`. The generated
files are committed: they are the scenarios (any replayer can use them); this script only keeps them
consistent and regenerable. Output is deterministic (ids and MIME boundaries come from seeds).
The format is described in tests/scenarios/README.md.
"""

from __future__ import annotations

import shutil
import sys
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tests.mailgen import Att, Ev, Mail, P, auto_reply, bounce, h, invitation, itip_reply, plain
from tests.scenarios.toml_writer import toml_key, toml_table, toml_value

CASES = Path(__file__).parent / "cases"
NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")

USER = P("Jordan Lee", "jordan.lee@gmail.com")
USER_CFG = {"name": "Jordan Lee", "email": "jordan.lee@gmail.com", "aliases": [], "timezone": "America/New_York",
            "own_domains": []}
PROFILE = {"pitch": "I have spent five years building reliable backend systems in Python and Go, and I enjoy "
                    "turning messy operational problems into simple, well-tested tools.",
           "signature": "Jordan Lee\n(555) 010-2000"}


def t(text: str, tz: ZoneInfo = NY) -> datetime:
    """'2026-11-10 14:00' in the given zone (New York by default)."""
    return datetime.fromisoformat(text).replace(tzinfo=tz)


def iso(dt: datetime) -> str:
    return dt.isoformat()


# ------------------------------------------------------------------ scenario builder


class S:
    """One scenario being defined: mail with its delivery instant, runs with expectations, user actions."""

    def __init__(self, folder: str, description: str, rules: list[str], *, user: dict | None = None,
                 profile: dict | None = None, agent: dict | None = None, forbid_in_headers: list[str] = (),
                 briefings: bool = False):
        self.folder = folder
        self.head: dict[str, Any] = {"description": description, "rules": rules}
        if briefings:
            self.head["briefings"] = True
        if forbid_in_headers:
            self.head["forbid_in_headers"] = list(forbid_in_headers)
        self.user_cfg = {**USER_CFG, **(user or {})}
        self.profile = PROFILE if profile is None else profile
        self.agent = agent or {}
        self.steps: list[dict[str, Any]] = []
        self.files: dict[str, bytes] = {}

    def mail(self, name: str, folder: str, m: Mail) -> str:
        """Deliver `m` into inbox or sent at its Date; returns its Message-ID."""
        fname = f"mail/{len(self.files) + 1:02d}_{name}.eml"
        self.files[fname] = m.raw
        assert m.date is not None
        self.steps.append({"deliver": fname, "folder": folder, "at": iso(m.date)})
        return m.message_id

    def run(self, at: datetime, new: list[tuple] = (), *, total: int | None = None, state: dict | None = None,
            decision: dict | None = None, interviews: int | None = None, interview: list[dict] = (),
            drafts: list[dict] = (), exit: int | list[int] | None = None, briefings: dict | None = None,
            unplaced: int | None = None) -> None:
        step: dict[str, Any] = {"run": iso(at)}
        items = []
        for n in new:
            kind, to, *rest = n
            item = {"kind": kind, "to": to}
            if rest:
                item.update(rest[0])
            items.append(item)
        step["expect_new"] = items
        if total is not None:
            step["expect_total"] = total
        if interviews is not None:
            step["expect_interviews"] = interviews
        if state:
            step["expect_state"] = state
        if decision:
            step["expect_decision"] = decision
        if interview:
            step["expect_interview"] = list(interview)
        if drafts:
            step["expect_drafts"] = list(drafts)
        if exit is not None:
            step["exit"] = exit
        if briefings:
            step["expect_briefings"] = briefings
        if unplaced is not None:
            step["expect_unplaced"] = unplaced
        self.steps.append(step)

    def user(self, action: str, kind: str, to: str, body: str = "", *, add: str = "", after: str = "") -> None:
        step = {"user": action, "kind": kind, "to": to}
        if body:
            step["body"] = body
        if add:
            step.update(add=add, after=after)
        self.steps.append(step)

    def set_decision(self, match: str, date: str, at: datetime) -> None:
        self.steps.append({"set_decision": match, "date": date, "at": iso(at)})

    def write(self) -> Path:
        out = CASES / self.folder
        if out.exists():
            shutil.rmtree(out)
        (out / "mail").mkdir(parents=True)
        for name, raw in self.files.items():
            (out / name).write_bytes(raw)
        parts = ["# Generated by tests/scenarios/build.py; edit the definition there, then rebuild.",
                 "\n".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in self.head.items()),
                 toml_table("user", self.user_cfg)]
        if self.profile:
            parts.append(toml_table("profile", self.profile))
        if self.agent:
            parts.append(toml_table("agent", self.agent))
        parts += [toml_table("step", s, array=True) for s in self.steps]
        (out / "scenario.toml").write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        return out


def thanks(to: str, *contains: str) -> tuple:
    return ("thank_you", to, {"body_contains": list(contains)}) if contains else ("thank_you", to)


def named(item: tuple, to_name: str) -> tuple:
    """`item` (from `thanks`) also checking the To header's display name, exactly as the person wrote it (B9)."""
    kind, to, *rest = item
    return (kind, to, {**(rest[0] if rest else {}), "to_name": to_name})


# ------------------------------------------------------------------ common mail shapes


def google(seed: str, ev: Ev, sent: datetime, subject: str = "", to: list[P] = (USER,), **kw) -> Mail:
    s = ev.start.astimezone(NY)
    subject = subject or (f"Invitation: {ev.summary} @ {s:%a %b %-d, %Y %-I%p}".replace("AM", "am")
                          .replace("PM", "pm") + f" (EST) ({to[0].email})")
    return invitation(style="google", ev=ev, date=sent, to=list(to), seed=seed, subject=subject, **kw)


def outlook(seed: str, ev: Ev, sent: datetime, tzid: str = "Eastern Standard Time", **kw) -> Mail:
    return invitation(style="outlook", ev=ev, date=sent, to=[USER] + [a.who for a in ev.attendees
                                                                      if a.who != USER and a.cutype == "INDIVIDUAL"],
                      seed=seed, tzid=tzid, **kw)


def gmeet(seed: str) -> str:
    x = h(seed, 10)
    return f"https://meet.google.com/{x[:3]}-{x[3:7]}-{x[7:10]}"


def teams(seed: str) -> str:
    return ("https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + h(seed, 40) +
            "%40thread.v2/0?context=%7b%22Tid%22%3a%22" + h(seed + "t", 8) + "%22%7d")


def uid_google(seed: str) -> str:
    return f"{h(seed, 26)}@google.com"


def uid_outlook(seed: str) -> str:
    return "040000008200E00074C5B7101A82E00800000000" + h(seed, 16).upper() + "0100000000000000001000000" + \
        h(seed + "u", 32).upper()


def att(p: P, partstat: str = "NEEDS-ACTION", **kw) -> Att:
    return Att(p, partstat, **kw)


# ------------------------------------------------------------------ the scenarios


def s01() -> S:
    s = S("01_b3_b8_b9_b10_b14_b17_google_two_interviewers",
          "Google Calendar invitation from the hiring manager with a second interviewer: nothing during the "
          "interview, one thank-you to each interviewer after it ends, no decision date stated so the default "
          "(end + 7 business days) applies and the follow-up goes to the contact the day after.",
          ["B3", "B8", "B9", "B10", "B14", "B17", "B19", "B22", "B23"])
    ana, ben = P("Ana Souza", "ana.souza@acme-robotics.com"), P("Ben Okafor", "ben.okafor@acme-robotics.com")
    ev = Ev(uid_google("s01"), t("2026-11-10 14:00"), t("2026-11-10 15:00"),
            "Backend Engineer Interview - Jordan Lee", ana,
            (att(ana, "ACCEPTED"), att(ben, "ACCEPTED"), att(USER)),
            description="Hi Jordan,\n\nThis is your technical interview for the Backend Engineer role at Acme "
                        "Robotics. You'll meet Ana Souza (Engineering Manager) and Ben Okafor (Staff Engineer). "
                        "We'll talk through a system you built and do a short design exercise.\n\nTalk soon!\nAna",
            conference=gmeet("s01"))
    s.mail("google_invitation", "inbox", google("s01", ev, t("2026-11-03 09:12")))
    s.run(t("2026-11-10 14:30"), total=0, interviews=1, state={"Acme Robotics": "upcoming"})
    s.run(t("2026-11-10 15:40"), [thanks(ana.email, "Ana", "Backend Engineer", "Acme Robotics"),
                                  thanks(ben.email, "Ben", "Backend Engineer", "Acme Robotics")], total=2,
          interview=[{"match": "Acme Robotics", "company": "Acme Robotics", "role": "Backend Engineer",
                      "interviewers": [ana.email, ben.email], "contact": ana.email}])
    s.run(t("2026-11-11 09:00"), total=2, decision={"Acme Robotics": "2026-11-19"},
          interview=[{"match": "Acme Robotics", "decision_source": "default"}])
    s.run(t("2026-11-19 17:00"), total=2)
    s.run(t("2026-11-20 08:30"), [("follow_up", ana.email)], total=3)
    s.run(t("2026-11-21 08:30"), total=3)
    return s


def s02() -> S:
    s = S("02_b3_b6_outlook_teams_invitation",
          "Outlook/Exchange invitation with a Teams link from the hiring manager, who organizes and is the "
          "only other person: he is the interviewer (B6) and gets the thank-you.",
          ["B3", "B6", "B8", "B9"])
    dan = P("Daniel Brooks", "dbrooks@northwind-analytics.com")
    ev = Ev(uid_outlook("s02"), t("2026-11-12 11:00"), t("2026-11-12 11:45"),
            "Interview: Data Analyst - Jordan Lee", dan, (att(USER),),
            description="Hi Jordan,\n\nLooking forward to our interview for the Data Analyst position on the "
                        "Northwind Analytics insights team. We'll cover SQL, experiment design and a recent "
                        "project of yours.\n\nDaniel Brooks\nAnalytics Manager, Northwind Analytics",
            location="Microsoft Teams Meeting", conference=teams("s02"))
    s.mail("outlook_teams_invitation", "inbox", outlook("s02", ev, t("2026-11-06 16:20")))
    s.run(t("2026-11-12 10:00"), total=0, interviews=1, state={"Northwind Analytics": "upcoming"})
    s.run(t("2026-11-12 12:30"), [thanks(dan.email, "Daniel", "Data Analyst")], total=1,
          interview=[{"match": "Northwind Analytics", "interviewers": [dan.email], "contact": dan.email}])
    return s


def s03() -> S:
    s = S("03_b3_b5_b6_b9_greenhouse_recruiter_reply_to",
          "Greenhouse confirmation from a no-reply greenhouse-mail.io sender with the recruiter as Reply-To and "
          "an .ics that lists only the candidate: the company comes from the recruiter's domain, not the ATS; "
          "the recruiter is the contact; with no interviewer address the thank-you goes to the contact.",
          ["B3", "B5", "B6", "B9"])
    sofia = P("Sofia Martinez", "sofia.martinez@lumenhealth.com")
    gh = P("Lumen Health", "no-reply@us.greenhouse-mail.io")
    ev = Ev("gh-interview-" + h("s03", 12) + "@greenhouse.io", t("2026-11-18 10:00"), t("2026-11-18 11:00"),
            "Interview with Lumen Health - Product Designer", P("Lumen Health Recruiting", "no-reply@greenhouse.io"),
            (att(USER),), description="Product Designer interview at Lumen Health.\nInterviewers: Marcus Webb "
                                      "(Design Lead), Hana Kim (Senior Product Designer)\nVideo: "
                                      "https://lumenhealth.zoom.us/j/83310442291",
            location="https://lumenhealth.zoom.us/j/83310442291")
    body = ("Hi Jordan,\n\nThank you for confirming your availability! Your interview for the Product Designer "
            "role at Lumen Health is scheduled:\n\nWednesday, November 18, 2026\n10:00 AM - 11:00 AM EST\n"
            "Interviewers: Marcus Webb (Design Lead), Hana Kim (Senior Product Designer)\n\nJoin by video: "
            "https://lumenhealth.zoom.us/j/83310442291\n\nA calendar invitation is attached. If you need to "
            "reschedule, just reply to this email.\n\nBest,\nSofia Martinez\nTalent Acquisition Partner, "
            "Lumen Health\n\nPowered by Greenhouse")
    s.mail("greenhouse_confirmation", "inbox", invitation(
        style="greenhouse", ev=ev, date=t("2026-11-12 14:05"), to=[USER], seed="s03", frm=gh, reply_to=sofia,
        subject="Interview Confirmation: Product Designer at Lumen Health", body=body))
    s.run(t("2026-11-18 09:00"), total=0, interviews=1)
    s.run(t("2026-11-18 11:30"), [thanks(sofia.email, "Sofia", "Product Designer", "Lumen Health")], total=1,
          interview=[{"match": "Lumen Health", "company": "Lumen Health", "role": "Product Designer",
                      "contact": sofia.email}])
    return s


def s04() -> S:
    s = S("04_b3_b8_zoom_crosses_midnight_utc",
          "Zoom invitation written in Asia/Tokyo time; the interview runs 18:30-19:30 in New York, across "
          "midnight UTC. No thank-you while it runs, one right after.",
          ["B1", "B3", "B8", "B9"])
    kenji = P("Kenji Watanabe", "kenji.watanabe@kitsune-labs.com")
    ev = Ev(f"ZOOM{int(h('s04', 10), 16)}@zoom.us", t("2026-11-13 18:30"), t("2026-11-13 19:30"),
            "Jordan Lee <> Kitsune Labs: Technical Screen (Platform Engineer)", kenji, (att(USER),),
            description="Technical screen for the Platform Engineer role at Kitsune Labs.",
            location="https://kitsune-labs.zoom.us/j/84211376620?pwd=" + h("s04z", 22),
            conference="https://kitsune-labs.zoom.us/j/84211376620?pwd=" + h("s04z", 22))
    s.mail("zoom_invitation", "inbox", invitation(style="zoom", ev=ev, date=t("2026-11-09 20:00"), to=[USER],
                                                  seed="s04", tzid="Asia/Tokyo",
                                                  subject="Invitation: Jordan Lee <> Kitsune Labs: Technical "
                                                          "Screen (Platform Engineer)"))
    s.run(t("2026-11-13 19:15"), total=0, interviews=1)
    s.run(t("2026-11-13 20:00"), [thanks(kenji.email, "Kenji", "Kitsune Labs")], total=1)
    s.run(t("2026-11-14 21:00"), total=1)
    return s


def s05() -> S:
    s = S("05_b6_lever_goodtime_panel_room_declined",
          "Lever scheduling mail (recruiter as Reply-To) and a GoodTime panel invitation from recruiting@ with "
          "a room resource, a group address and an interviewer who declined: thank-yous only to the two "
          "interviewers who attend; the recruiter from Lever's Reply-To is the contact.",
          ["B3", "B6", "B9"])
    olivia = P("Olivia Grant", "olivia.grant@corvidsecurity.com")
    liam, nora = P("Liam Foster", "liam.foster@corvidsecurity.com"), P("Nora Patel", "nora.patel@corvidsecurity.com")
    sam = P("Sam Rivera", "sam.rivera@corvidsecurity.com")
    recruiting = P("Corvid Security Recruiting", "recruiting@corvidsecurity.com")
    room = P("Harbor Room (8)", "harbor-room@resources.corvidsecurity.com")
    group = P("Security Hiring Panel", "security-hiring@corvidsecurity.com")
    s.mail("lever_scheduling", "inbox", plain(
        seed="s05a", date=t("2026-11-05 11:00"), frm=P("Olivia Grant", "no-reply@hire.lever.co"), to=[USER],
        reply_to=olivia, subject="Onsite interview at Corvid Security - Security Engineer", style="ats",
        domain="hire.lever.co",
        body="Hi Jordan,\n\nGreat news - the team would like to meet you onsite for the Security Engineer role! "
             "Our scheduling coordinator will send a calendar invitation for Monday, November 16, 1:00-3:00 PM, "
             "at our office at 200 Harbor Street, Boston.\n\nYou'll meet with Liam Foster and Nora Patel from "
             "the detection engineering team.\n\nOlivia Grant\nTechnical Recruiter, Corvid Security\n\n"
             "Sent via Lever"))
    ev = Ev(h("s05", 32) + "@goodtime.io", t("2026-11-16 13:00"), t("2026-11-16 15:00"),
            "Onsite Interview: Jordan Lee - Security Engineer", recruiting,
            (att(recruiting, "ACCEPTED", role="NON-PARTICIPANT"), att(USER), att(liam, "ACCEPTED"),
             att(nora, "ACCEPTED"), att(sam, "DECLINED"), att(room, "ACCEPTED", cutype="ROOM", role="NON-PARTICIPANT"),
             att(group, cutype="GROUP", role="OPT-PARTICIPANT")),
            description="Onsite interview for the Security Engineer position at Corvid Security.\n\n"
                        "1:00 PM Liam Foster - Detection engineering\n2:00 PM Nora Patel - Incident response\n\n"
                        "Location: 200 Harbor Street, Boston - Harbor Room (8). Please check in at the front desk.",
            location="Harbor Room (8), 200 Harbor Street, Boston")
    s.mail("goodtime_invitation", "inbox", invitation(
        style="goodtime", ev=ev, date=t("2026-11-06 09:30"), to=[USER], seed="s05",
        sender=P("GoodTime", "scheduling@goodtime.io"),
        subject="Interview Invitation: Security Engineer at Corvid Security", tzid="America/New_York",
        body="Hi Jordan,\n\nYour onsite interview for Security Engineer at Corvid Security is confirmed for "
             "Monday, November 16, 2026, 1:00 PM - 3:00 PM EST. The calendar invitation is attached.\n\n"
             "Corvid Security Recruiting\n\nScheduled with GoodTime"))
    s.run(t("2026-11-16 15:30"), [thanks(liam.email, "Liam", "Security Engineer"), thanks(nora.email, "Nora")],
          total=2, interviews=1,
          interview=[{"match": "Corvid Security", "interviewers": [liam.email, nora.email], "contact": olivia.email}])
    return s


def s06() -> S:
    s = S("06_b8_thank_you_window_missed",
          "The first run happens 30 hours after the interview ended: no thank-you is drafted and status shows "
          "the interview as missed.", ["B8"])
    tom = P("Tom Hale", "tom.hale@quarrylabs.com")
    ev = Ev(uid_google("s06"), t("2026-11-10 10:00"), t("2026-11-10 11:00"), "Quarry Labs interview: Jordan Lee",
            tom, (att(tom, "ACCEPTED"), att(USER)),
            description="Interview for the Machine Learning Engineer role at Quarry Labs.", conference=gmeet("s06"))
    s.mail("google_invitation", "inbox", google("s06", ev, t("2026-11-04 13:40")))
    s.run(t("2026-11-11 17:00"), total=0, interviews=1, state={"Quarry Labs": "missed"})
    s.run(t("2026-11-12 09:00"), total=0)
    return s


def s07() -> S:
    s = S("07_b11_already_wrote_to_interviewer",
          "After the interview the user already wrote to one interviewer: only the other one gets a thank-you.",
          ["B11", "B9"])
    ravi, elena = P("Ravi Shah", "ravi@tessellate.io"), P("Elena Novak", "elena@tessellate.io")
    ev = Ev(uid_google("s07"), t("2026-11-11 15:00"), t("2026-11-11 16:00"),
            "Tessellate - Frontend Engineer interview (Jordan Lee)", ravi,
            (att(ravi, "ACCEPTED"), att(elena, "ACCEPTED"), att(USER)),
            description="Pairing interview for the Frontend Engineer role.", conference=gmeet("s07"))
    s.mail("google_invitation", "inbox", google("s07", ev, t("2026-11-05 10:10")))
    s.mail("user_wrote_to_ravi", "sent", plain(
        seed="s07b", date=t("2026-11-11 16:30"), frm=USER, to=[ravi], subject="The scheduler repo",
        body="Hi Ravi,\n\nThanks again for the great conversation just now. Here is the link to the small "
             "open-source scheduler I mentioned: https://github.com/jordanlee/tiny-scheduler\n\nBest,\nJordan"))
    s.run(t("2026-11-11 17:00"), [thanks(elena.email, "Elena")], total=1)
    s.run(t("2026-11-12 09:00"), total=1)
    return s


def s08() -> S:
    s = S("08_b12_b17_by_friday_follow_up_in_recruiter_thread",
          "The recruiter's scheduling mail (sent Monday) says the decision comes 'by Friday': the follow-up is "
          "drafted on Saturday's run, not Friday's, to the recruiter, as a reply in her thread.",
          ["B12", "B17", "B6"])
    grace, tom = P("Grace Liu", "grace.liu@harborviewfinancial.com"), P("Tom Becker", "tom.becker@harborviewfinancial.com")
    ev = Ev(uid_outlook("s08"), t("2026-12-01 10:00"), t("2026-12-01 11:00"), "Jordan Lee - Risk Analyst Interview",
            grace, (att(USER), att(tom)),
            description="Interview for the Risk Analyst role with Tom Becker (Head of Market Risk).",
            location="Microsoft Teams Meeting", conference=teams("s08"))
    s.mail("outlook_invitation", "inbox", outlook("s08", ev, t("2026-11-24 13:00")))
    sched = s.mail("recruiter_scheduling_mail", "inbox", plain(
        seed="s08b", date=t("2026-11-30 09:05"), frm=grace, to=[USER], style="outlook",
        subject="Your interview tomorrow - Risk Analyst",
        body="Hi Jordan,\n\nJust confirming your interview tomorrow at 10am with Tom Becker. The Teams link is in "
             "the calendar invitation. After the interview the team will meet, and we'll have a decision for "
             "you by Friday.\n\nBest,\nGrace Liu\nRecruiter | Harborview Financial"))
    s.run(t("2026-12-01 11:30"), [thanks(tom.email, "Tom", "Risk Analyst")], total=1)
    s.user("send_draft", "thank_you", tom.email)
    s.run(t("2026-12-02 09:00"), total=0, decision={"Harborview Financial": "2026-12-04"})
    s.run(t("2026-12-04 17:00"), total=0)
    s.run(t("2026-12-05 10:00"), [("follow_up", grace.email, {"in_reply_to": sched})], total=1)
    return s


def s09() -> S:
    s = S("09_b12_within_two_weeks_in_description",
          "The event description says 'within two weeks'; it resolves against the invitation's date (Nov 2 -> "
          "Nov 16), which is earlier than the default would be (Nov 23).", ["B12", "B17"])
    maria = P("Maria Lopez", "maria.lopez@pinecrest.software")
    ev = Ev(uid_google("s09"), t("2026-11-12 13:00"), t("2026-11-12 14:00"),
            "Solutions Engineer interview - Jordan Lee / Pinecrest", maria, (att(maria, "ACCEPTED"), att(USER)),
            description="Hi Jordan,\n\nThanks for making time to meet the team for the Solutions Engineer role. "
                        "We aim to make a decision within two weeks.\n\nMaria Lopez\nHead of Solutions, Pinecrest",
            conference=gmeet("s09"))
    s.mail("google_invitation", "inbox", google("s09", ev, t("2026-11-02 10:00")))
    s.run(t("2026-11-12 14:30"), [thanks(maria.email, "Maria")], total=1,
          decision={"Pinecrest": "2026-11-16"}, interview=[{"match": "Pinecrest", "decision_source": "description"}])
    s.run(t("2026-11-16 20:00"), total=1)
    s.run(t("2026-11-17 08:00"), [("follow_up", maria.email)], total=2)
    return s


def s10() -> S:
    s = S("10_b12_five_to_seven_business_days_later_bound",
          "The recruiter writes the day after the interview that the team will get back 'in 5-7 business days': "
          "the later bound counts from that mail's date (Thu Nov 12 -> Mon Nov 23).", ["B12", "B16", "B17"])
    lucy, owen = P("Lucy Tran", "lucy.tran@meridianenergy.com"), P("Owen Clarke", "owen.clarke@meridianenergy.com")
    ev = Ev(uid_google("s10"), t("2026-11-11 10:00"), t("2026-11-11 11:00"),
            "Interview: Grid Software Engineer (Jordan Lee)", lucy, (att(owen, "ACCEPTED"), att(USER)),
            description="Interview with Owen Clarke for the Grid Software Engineer role at Meridian Energy.",
            conference=gmeet("s10"))
    s.mail("google_invitation", "inbox", google("s10", ev, t("2026-11-04 15:00")))
    s.run(t("2026-11-11 11:30"), [thanks(owen.email, "Owen")], total=1)
    note = s.mail("recruiter_timeline", "inbox", plain(
        seed="s10b", date=t("2026-11-12 10:00"), frm=lucy, to=[USER], subject="Thanks for interviewing with Meridian",
        body="Hi Jordan,\n\nThank you for your time with Owen yesterday. The team is wrapping up interviews this "
             "week and will get back to you in 5-7 business days.\n\nBest regards,\nLucy Tran\nTalent Acquisition, "
             "Meridian Energy"))
    s.run(t("2026-11-12 12:00"), total=1, decision={"Meridian Energy": "2026-11-23"})
    s.run(t("2026-11-21 10:00"), total=1)
    s.run(t("2026-11-24 08:00"), [("follow_up", lucy.email, {"in_reply_to": note})], total=2)
    return s


def s11() -> S:
    s = S("11_b13_later_statement_replaces_earlier",
          "The scheduling mail says 'by November 20'; after the interview the recruiter writes 'by Wednesday, "
          "November 18'. The later statement replaces the earlier one even though it is sooner.",
          ["B12", "B13", "B17"])
    nina, carlos = P("Nina Alvarez", "nina.alvarez@juniperfoods.com"), P("Carlos Mendes", "carlos.mendes@juniperfoods.com")
    first = s.mail("recruiter_scheduling", "inbox", plain(
        seed="s11a", date=t("2026-11-04 09:00"), frm=nina, to=[USER],
        subject="Interview invitation - Supply Chain Analyst",
        body="Hi Jordan,\n\nWe'd love to have you interview with Carlos Mendes, our Director of Supply Chain, on "
             "Tuesday, November 10 at 11am. I'll send a calendar invitation shortly. We expect to make a decision "
             "by November 20.\n\nBest,\nNina Alvarez\nRecruiter, Juniper Foods"))
    ev = Ev(uid_google("s11"), t("2026-11-10 11:00"), t("2026-11-10 12:00"),
            "Supply Chain Analyst interview - Jordan Lee", nina, (att(carlos, "ACCEPTED"), att(USER)),
            description="Interview with Carlos Mendes.", conference=gmeet("s11"))
    s.mail("google_invitation", "inbox", google("s11", ev, t("2026-11-04 09:30")))
    s.run(t("2026-11-05 09:00"), total=0, decision={"Juniper Foods": "2026-11-20"})
    s.run(t("2026-11-10 13:00"), [thanks(carlos.email, "Carlos")], total=1)
    upd = s.mail("recruiter_update", "inbox", plain(
        seed="s11b", date=t("2026-11-12 15:00"), frm=nina, to=[USER],
        subject="Re: Interview invitation - Supply Chain Analyst", in_reply_to=first,
        body="Hi Jordan,\n\nQuick update: things moved faster than planned. We should be able to share a decision "
             "by Wednesday, November 18.\n\nBest,\nNina"))
    s.run(t("2026-11-12 16:00"), total=1, decision={"Juniper Foods": "2026-11-18"})
    s.run(t("2026-11-18 20:00"), total=1)
    s.run(t("2026-11-19 08:00"), [("follow_up", nina.email, {"in_reply_to": upd})], total=2)
    return s


def s12() -> S:
    s = S("12_b13_set_decision_then_later_company_statement",
          "The company said 'by November 12'; the user records 'November 20' with set-decision, which overrides "
          "it (no follow-up on the 13th); a later company mail ('by Wednesday' = Nov 18) wins over set-decision.",
          ["B12", "B13", "B17"])
    zoe = P("Zoe Hart", "zoe.hart@orchidmedia.co")
    s.mail("scheduling_mail", "inbox", plain(
        seed="s12a", date=t("2026-11-03 10:00"), frm=zoe, to=[USER], subject="Video Producer interview",
        body="Hi Jordan,\n\nI've sent an invitation for Monday at 3pm. We're moving quickly and will decide by "
             "November 12.\n\nZoe Hart\nCreative Director, Orchid Media"))
    ev = Ev(uid_google("s12"), t("2026-11-09 15:00"), t("2026-11-09 16:00"), "Orchid Media - Video Producer interview",
            zoe, (att(zoe, "ACCEPTED"), att(USER)), description="Portfolio review and interview.",
            conference=gmeet("s12"))
    s.mail("google_invitation", "inbox", google("s12", ev, t("2026-11-03 10:05")))
    s.run(t("2026-11-09 16:30"), [thanks(zoe.email, "Zoe")], total=1, decision={"Orchid Media": "2026-11-12"})
    s.set_decision("Orchid Media", "November 20", t("2026-11-10 10:00"))
    s.run(t("2026-11-10 10:05"), total=1, decision={"Orchid Media": "2026-11-20"},
          interview=[{"match": "Orchid Media", "decision_source": "set-decision"}])
    s.run(t("2026-11-13 09:00"), total=1)
    s.mail("company_new_date", "inbox", plain(
        seed="s12b", date=t("2026-11-16 11:00"), frm=zoe, to=[USER], subject="Update on the Video Producer role",
        body="Hi Jordan,\n\nThanks for your patience. We're in the last round of discussions and will have news for "
             "you by Wednesday.\n\nZoe"))
    s.run(t("2026-11-16 12:00"), total=1, decision={"Orchid Media": "2026-11-18"})
    s.run(t("2026-11-19 09:00"), [("follow_up", zoe.email)], total=2)
    return s


def s13() -> S:
    s = S("13_b14_default_seven_business_days",
          "No decision date anywhere: the default is the end + 7 business days (Thu Nov 12 -> Mon Nov 23); the "
          "follow-up replies in the latest thread with the contact, the thank-you the user sent.",
          ["B14", "B17", "B20"])
    victor = P("Victor Hughes", "victor.hughes@sablerobotics.com")
    ev = Ev(uid_outlook("s13"), t("2026-11-12 10:00"), t("2026-11-12 11:00"),
            "Interview - Robotics Software Engineer", victor, (att(USER),),
            description="Interview for the Robotics Software Engineer role at Sable Robotics.",
            location="Microsoft Teams Meeting", conference=teams("s13"))
    s.mail("outlook_invitation", "inbox", outlook("s13", ev, t("2026-11-05 09:00")))
    s.run(t("2026-11-12 12:00"), [thanks(victor.email, "Victor")], total=1)
    s.user("send_draft", "thank_you", victor.email)
    s.run(t("2026-11-23 18:00"), total=0, decision={"Sable Robotics": "2026-11-23"},
          interview=[{"match": "Sable Robotics", "decision_source": "default"}])
    s.run(t("2026-11-24 08:00"), [("follow_up", victor.email, {"in_reply_to": "draft:thank_you:" + victor.email})],
          total=1)
    return s


def s14() -> S:
    s = S("14_b16_b18_rejection_before_date",
          "The recruiter announces a rejection before the decision date: an acknowledgement to her, the "
          "interview closes, and no follow-up is ever drafted.", ["B16", "B18", "B17"])
    helen, mark = P("Helen Park", "helen.park@vantagecloud.io"), P("Mark Dunn", "mark.dunn@vantagecloud.io")
    ev = Ev(uid_outlook("s14"), t("2026-11-10 13:00"), t("2026-11-10 14:00"),
            "Site Reliability Engineer interview - Jordan Lee", helen, (att(USER), att(mark)),
            description="Interview with Mark Dunn, SRE Manager.", location="Microsoft Teams Meeting",
            conference=teams("s14"))
    s.mail("outlook_invitation", "inbox", outlook("s14", ev, t("2026-11-04 12:00")))
    s.run(t("2026-11-10 15:00"), [thanks(mark.email, "Mark")], total=1)
    rej = s.mail("rejection", "inbox", plain(
        seed="s14b", date=t("2026-11-13 11:00"), frm=helen, to=[USER], style="outlook",
        subject="Your application - Site Reliability Engineer",
        body="Hi Jordan,\n\nThank you for taking the time to interview with us for the Site Reliability Engineer "
             "role. Unfortunately, we have decided to move forward with other candidates whose experience more "
             "closely matches our current needs.\n\nWe appreciate your interest in Vantage Cloud and wish you the "
             "best in your search.\n\nKind regards,\nHelen Park\nRecruiting Lead, Vantage Cloud"))
    s.run(t("2026-11-13 12:00"), [("acknowledgement", helen.email, {"in_reply_to": rej})], total=2,
          state={"Vantage Cloud": "closed"})
    s.run(t("2026-11-20 09:00"), total=2, state={"Vantage Cloud": "closed"})
    s.run(t("2026-12-01 09:00"), total=2)
    return s


def s15() -> S:
    s = S("15_b16_b18_offer_closes_without_ack",
          "The hiring manager makes an offer: the interview closes; no acknowledgement (the user answers an "
          "offer in their own words) and no follow-up.", ["B16", "B18"])
    aaron = P("Aaron Mills", "aaron.mills@kestrelgames.com")
    ev = Ev(uid_google("s15"), t("2026-11-09 11:00"), t("2026-11-09 12:00"), "Gameplay Engineer interview - Jordan Lee",
            aaron, (att(aaron, "ACCEPTED"), att(USER)), description="Final interview, Kestrel Games.",
            conference=gmeet("s15"))
    s.mail("google_invitation", "inbox", google("s15", ev, t("2026-11-02 16:00")))
    s.run(t("2026-11-09 13:00"), [thanks(aaron.email, "Aaron")], total=1)
    s.mail("offer", "inbox", plain(
        seed="s15b", date=t("2026-11-12 16:00"), frm=aaron, to=[USER], subject="Offer - Gameplay Engineer",
        body="Hi Jordan,\n\nI'm thrilled to let you know that we'd like to extend you an offer for the Gameplay "
             "Engineer position! Our recruiter will send the formal offer letter tomorrow with all the details. "
             "Congratulations - the whole team enjoyed meeting you.\n\nAaron Mills\nEngineering Director, "
             "Kestrel Games"))
    s.run(t("2026-11-12 17:00"), total=1, state={"Kestrel Games": "closed"})
    s.run(t("2026-11-19 09:00"), total=1, state={"Kestrel Games": "closed"})
    return s


def s16() -> S:
    s = S("16_b7_b16_next_round_is_new_interview",
          "After the phone screen the recruiter invites the user to another round: round 1 closes (no "
          "acknowledgement, no follow-up); round 2 is a new interview with its own thank-yous.",
          ["B7", "B16", "B18", "B9"])
    chloe = P("Chloe Martin", "chloe.martin@ironwoodsystems.com")
    peter, aisha = P("Peter Zhang", "peter.zhang@ironwoodsystems.com"), P("Aisha Bello", "aisha.bello@ironwoodsystems.com")
    ev1 = Ev(uid_google("s16a"), t("2026-11-04 10:00"), t("2026-11-04 10:30"),
             "Phone Screen: Jordan Lee / Ironwood Systems", chloe, (att(chloe, "ACCEPTED"), att(USER)),
             description="30-minute phone screen for the Backend Engineer role. Chloe will call you.")
    s.mail("round1_invitation", "inbox", google("s16a", ev1, t("2026-11-02 12:00")))
    s.run(t("2026-11-04 11:00"), [thanks(chloe.email, "Chloe")], total=1)
    s.mail("next_round_mail", "inbox", plain(
        seed="s16b", date=t("2026-11-06 10:00"), frm=chloe, to=[USER], subject="Next steps: technical interview at Ironwood",
        body="Hi Jordan,\n\nThanks again for chatting on Wednesday! We'd like to invite you to the next round: a "
             "90-minute technical interview with Peter Zhang and Aisha Bello from our platform team. You'll get "
             "a calendar invitation for Thursday, November 12 shortly.\n\nBest,\nChloe Martin\nRecruiter, "
             "Ironwood Systems"))
    ev2 = Ev(uid_google("s16c"), t("2026-11-12 14:00"), t("2026-11-12 15:30"),
             "Technical Interview: Jordan Lee - Backend Engineer", chloe,
             (att(peter, "ACCEPTED"), att(aisha, "ACCEPTED"), att(USER)),
             description="Technical interview (round 2) for the Backend Engineer role at Ironwood Systems.",
             conference=gmeet("s16c"))
    s.mail("round2_invitation", "inbox", google("s16c", ev2, t("2026-11-06 10:20")))
    s.run(t("2026-11-06 11:00"), total=1, interviews=2, state={"Ironwood Systems @ 2026-11-04": "closed"})
    s.run(t("2026-11-12 16:00"), [thanks(peter.email, "Peter"), thanks(aisha.email, "Aisha")], total=3, interviews=2)
    s.run(t("2026-11-13 09:00"), total=3, interviews=2)
    return s


def s17() -> S:
    s = S("17_b16_another_week_moves_the_date",
          "Decision promised by Friday Nov 13; on Nov 12 the recruiter writes that they need another week: no "
          "follow-up on Nov 14 or 19, one on Nov 21.", ["B16", "B17"])
    megan, jacob = P("Megan Ross", "megan.ross@halcyontravel.com"), P("Jacob Stein", "jacob.stein@halcyontravel.com")
    first = s.mail("recruiter_scheduling", "inbox", plain(
        seed="s17a", date=t("2026-11-05 14:00"), frm=megan, to=[USER],
        subject="Interview - Product Analyst at Halcyon Travel",
        body="Hi Jordan,\n\nYou're confirmed for Monday, November 9 at 2pm with Jacob Stein. We'll have a decision "
             "by Friday, November 13.\n\nThanks,\nMegan Ross\nTalent Partner, Halcyon Travel"))
    ev = Ev(uid_google("s17"), t("2026-11-09 14:00"), t("2026-11-09 15:00"), "Product Analyst interview - Jordan Lee",
            megan, (att(jacob, "ACCEPTED"), att(USER)), description="Interview with Jacob Stein.",
            conference=gmeet("s17"))
    s.mail("google_invitation", "inbox", google("s17", ev, t("2026-11-05 14:05")))
    s.run(t("2026-11-09 15:30"), [thanks(jacob.email, "Jacob")], total=1)
    s.mail("need_another_week", "inbox", plain(
        seed="s17b", date=t("2026-11-12 10:00"), frm=megan, to=[USER], in_reply_to=first,
        subject="Re: Interview - Product Analyst at Halcyon Travel",
        body="Hi Jordan,\n\nA quick update: we need another week to finish interviewing the remaining candidates. "
             "Thanks for your patience!\n\nMegan"))
    s.run(t("2026-11-12 11:00"), total=1)
    s.run(t("2026-11-14 10:00"), total=1)
    s.run(t("2026-11-19 08:00"), total=1)
    s.run(t("2026-11-21 10:00"), [("follow_up", megan.email)], total=2)
    return s


def s18() -> S:
    s = S("18_b16_logistics_reply_leaves_the_date",
          "After the thank-you the recruiter asks for references (logistics): nothing is drafted for it, the "
          "decision date stays Nov 16, and the follow-up comes on Nov 17.", ["B16", "B17", "B18"])
    laura, derek = P("Laura Kim", "laura.kim@summitanalytics.com"), P("Derek Ng", "derek.ng@summitanalytics.com")
    s.mail("recruiter_scheduling", "inbox", plain(
        seed="s18a", date=t("2026-11-06 09:00"), frm=laura, to=[USER], style="outlook",
        subject="Interview scheduled - BI Developer",
        body="Hi Jordan,\n\nYour interview with Derek Ng is set for Tuesday, November 10 at 9:30am. We'll get back "
             "to you by Monday, November 16.\n\nBest,\nLaura Kim\nRecruiting Coordinator, Summit Analytics"))
    ev = Ev(uid_outlook("s18"), t("2026-11-10 09:30"), t("2026-11-10 10:30"), "BI Developer interview - Jordan Lee",
            laura, (att(USER), att(derek)), description="Interview with Derek Ng.", location="Microsoft Teams Meeting",
            conference=teams("s18"))
    s.mail("outlook_invitation", "inbox", outlook("s18", ev, t("2026-11-06 09:10")))
    s.run(t("2026-11-10 11:00"), [thanks(derek.email, "Derek")], total=1)
    s.user("send_draft", "thank_you", derek.email)
    s.mail("references_request", "inbox", plain(
        seed="s18b", date=t("2026-11-12 14:00"), frm=laura, to=[USER], style="outlook", subject="Quick request",
        body="Hi Jordan,\n\nCould you send over the names and contact details of two professional references when "
             "you get a chance? Thanks!\n\nLaura"))
    s.run(t("2026-11-12 15:00"), total=0, decision={"Summit Analytics": "2026-11-16"})
    s.run(t("2026-11-16 18:00"), total=0)
    s.run(t("2026-11-17 08:00"), [("follow_up", laura.email)], total=1)
    return s


def s19() -> S:
    s = S("19_b15_out_of_office_is_not_hearing_back",
          "The interviewer's out-of-office auto-reply to the thank-you (which even names a date) is not hearing "
          "back: the default decision date stands and the follow-up is drafted.", ["B15", "B17"])
    hannah = P("Hannah Briggs", "hannah.briggs@bluewatermarine.com")
    ev = Ev(uid_google("s19"), t("2026-11-10 10:00"), t("2026-11-10 11:00"),
            "Marine Data Engineer interview - Jordan Lee", hannah, (att(hannah, "ACCEPTED"), att(USER)),
            description="Interview at Bluewater Marine.", conference=gmeet("s19"))
    s.mail("google_invitation", "inbox", google("s19", ev, t("2026-11-03 11:00")))
    s.run(t("2026-11-10 12:00"), [thanks(hannah.email, "Hannah")], total=1)
    s.user("send_draft", "thank_you", hannah.email)
    s.mail("out_of_office", "inbox", auto_reply(
        seed="s19b", date=t("2026-11-10 12:05"), frm=hannah, to=USER, in_reply_to="",
        subject="Thank you - Marine Data Engineer interview",
        body="Thank you for your email. I am out of the office until Monday, November 16 with limited access to "
             "email. For urgent matters please contact careers@bluewatermarine.com.\n\nHannah Briggs"))
    s.run(t("2026-11-10 13:00"), total=0, decision={"Bluewater Marine": "2026-11-19"})
    s.run(t("2026-11-17 09:00"), total=0)
    s.run(t("2026-11-20 08:00"), [("follow_up", hannah.email)], total=1)
    return s


def s20() -> S:
    s = S("20_b15_bounce_is_not_hearing_back",
          "The thank-you bounces (delivery status notification from the company's mail server): not hearing "
          "back; the follow-up to the recruiter is still drafted after the default date.", ["B15", "B17"])
    irene, paul = P("Irene Walsh", "irene.walsh@cobalt-design.com"), P("Paul Grant", "paul.grant@cobalt-design.com")
    ev = Ev(uid_outlook("s20"), t("2026-11-11 14:00"), t("2026-11-11 15:00"), "UX Engineer interview - Jordan Lee",
            irene, (att(USER), att(paul)), description="Interview with Paul Grant.", location="Microsoft Teams Meeting",
            conference=teams("s20"))
    s.mail("outlook_invitation", "inbox", outlook("s20", ev, t("2026-11-05 10:00")))
    s.run(t("2026-11-11 15:30"), [thanks(paul.email, "Paul")], total=1)
    s.user("send_draft", "thank_you", paul.email)
    s.mail("bounce", "inbox", bounce(seed="s20b", date=t("2026-11-11 15:45"), mta="mx1.cobalt-design.com", to=USER,
                                     failed=paul.email, original_subject="Thank you - UX Engineer interview"))
    s.run(t("2026-11-12 09:00"), total=0, decision={"Cobalt Design": "2026-11-20"})
    s.run(t("2026-11-21 09:00"), [("follow_up", irene.email)], total=1)
    return s


def s21() -> S:
    s = S("21_b18_follow_up_answered_ack_to_writer",
          "The user sent the follow-up; a colleague of the recruiter answers with a new date: an acknowledgement "
          "to the person who wrote, and no second follow-up (max_follow_ups = 1).", ["B17", "B18", "B16"])
    rachel, sam = P("Rachel Evans", "rachel.evans@atlasfreight.com"), P("Sam Ortiz", "sam.ortiz@atlasfreight.com")
    derek = P("Derek Hale", "derek.hale@atlasfreight.com")
    ev = Ev(uid_google("s21"), t("2026-11-10 14:00"), t("2026-11-10 15:00"), "Operations Analyst interview - Jordan Lee",
            rachel, (att(sam, "ACCEPTED"), att(USER)), description="Interview with Sam Ortiz, Atlas Freight.",
            conference=gmeet("s21"))
    s.mail("google_invitation", "inbox", google("s21", ev, t("2026-11-04 10:00")))
    s.run(t("2026-11-10 15:30"), [thanks(sam.email, "Sam")], total=1)
    s.user("send_draft", "thank_you", sam.email)
    s.run(t("2026-11-20 08:00"), [("follow_up", rachel.email)], total=1)
    s.user("send_draft", "follow_up", rachel.email)
    answer = s.mail("answer_from_colleague", "inbox", plain(
        seed="s21b", date=t("2026-11-23 10:00"), frm=derek, to=[USER], cc=[rachel],
        subject="Operations Analyst - update",
        body="Hi Jordan,\n\nRachel passed along your note - thanks for checking in. We're still finalizing our "
             "decision and expect to have an answer for you by December 1.\n\nBest,\nDerek Hale\nTalent "
             "Acquisition Lead, Atlas Freight"))
    s.run(t("2026-11-23 11:00"), [("acknowledgement", derek.email, {"in_reply_to": answer})], total=1,
          decision={"Atlas Freight": "2026-12-01"})
    s.run(t("2026-12-02 09:00"), total=1)
    return s


def s22() -> S:
    s = S("22_b18_ats_rejection_ack_to_contact",
          "Ashby scheduling mail with the recruiter as Reply-To; later a rejection from Ashby's no-reply address "
          "in the same thread: the acknowledgement goes to the recruiter (the contact).", ["B18", "B6", "B16"])
    lena, omar = P("Lena Fischer", "lena.fischer@fernwoodhealth.org"), P("Omar Haddad", "omar.haddad@fernwoodhealth.org")
    ashby = P("Fernwood Health", "no-reply@ashbyhq.com")
    ev = Ev(h("s22", 32) + "@ashbyhq.com", t("2026-11-12 13:00"), t("2026-11-12 14:00"),
            "Interview: Senior Data Engineer at Fernwood Health", ashby, (att(USER), att(omar, "ACCEPTED")),
            description="Technical interview with Omar Haddad.\nJoin: https://meet.google.com/xkq-pwbd-rte")
    sched = s.mail("ashby_scheduling", "inbox", invitation(
        style="ashby", ev=ev, date=t("2026-11-06 11:00"), to=[USER], seed="s22", frm=ashby, reply_to=lena,
        subject="Your interview with Fernwood Health is confirmed",
        body="Hi Jordan,\n\nYour interview for Senior Data Engineer at Fernwood Health is confirmed for Thursday, "
             "November 12, 1:00-2:00 PM EST with Omar Haddad. The invitation is attached.\n\nLena Fischer\n"
             "Recruiter, Fernwood Health\n\nSent with Ashby"))
    s.run(t("2026-11-12 14:30"), [thanks(omar.email, "Omar")], total=1)
    s.mail("ats_rejection", "inbox", plain(
        seed="s22b", date=t("2026-11-17 09:00"), frm=ashby, to=[USER], style="ats", domain="ashbyhq.com",
        in_reply_to=sched, subject="Update on your application: Senior Data Engineer at Fernwood Health",
        body="Hi Jordan,\n\nThank you for your interest in Fernwood Health and for the time you spent interviewing "
             "with our team. After careful consideration, we have decided not to move forward with your "
             "application at this time.\n\nWe wish you all the best.\n\nThe Fernwood Health Recruiting Team"))
    s.run(t("2026-11-17 10:00"), [("acknowledgement", lena.email)], total=2, state={"Fernwood Health": "closed"})
    s.run(t("2026-11-24 10:00"), total=2)
    return s


def s23() -> S:
    s = S("23_b17_max_follow_ups_one",
          "max_follow_ups = 1: after the one follow-up is sent and nobody answers, no second follow-up ever.",
          ["B17", "B20"], agent={"max_follow_ups": 1})
    felix = P("Felix Braun", "felix.braun@granitelabs.dev")
    ev = Ev(uid_google("s23"), t("2026-11-10 11:00"), t("2026-11-10 12:00"), "Granite Labs interview - DevOps Engineer",
            felix, (att(felix, "ACCEPTED"), att(USER)), description="Interview at Granite Labs.", conference=gmeet("s23"))
    s.mail("google_invitation", "inbox", google("s23", ev, t("2026-11-03 08:45")))
    s.run(t("2026-11-10 12:30"), [thanks(felix.email, "Felix")], total=1)
    s.user("send_draft", "thank_you", felix.email)
    s.run(t("2026-11-20 08:00"), [("follow_up", felix.email)], total=1)
    s.user("send_draft", "follow_up", felix.email)
    for day in ("2026-11-27 09:00", "2026-12-04 09:00", "2026-12-11 09:00"):
        s.run(t(day), total=0)
    return s


def s24() -> S:
    s = S("24_b20_deleted_draft_never_recreated",
          "The user deletes the thank-you draft: it is never re-created on later runs.", ["B20"])
    iris = P("Iris Cole", "iris.cole@latticebio.com")
    ev = Ev(uid_google("s24"), t("2026-11-11 09:00"), t("2026-11-11 10:00"), "Lattice Bio - Bioinformatics Engineer interview",
            iris, (att(iris, "ACCEPTED"), att(USER)), description="Interview.", conference=gmeet("s24"))
    s.mail("google_invitation", "inbox", google("s24", ev, t("2026-11-05 17:00")))
    s.run(t("2026-11-11 10:30"), [thanks(iris.email, "Iris")], total=1)
    s.user("delete_draft", "thank_you", iris.email)
    s.run(t("2026-11-11 14:00"), total=0, drafts=[{"kind": "thank_you", "to": iris.email, "state": "deleted"}])
    s.run(t("2026-11-12 08:00"), total=0)
    return s


def s25() -> S:
    s = S("25_b20_edited_draft_never_overwritten",
          "The user edits the thank-you draft: later runs neither overwrite it nor make a new one.", ["B20"])
    grant = P("Grant Howell", "grant.howell@mosaiclearning.org")
    ev = Ev(uid_outlook("s25"), t("2026-11-12 16:00"), t("2026-11-12 17:00"), "Instructional Technologist interview",
            grant, (att(USER),), description="Interview at Mosaic Learning.", location="Microsoft Teams Meeting",
            conference=teams("s25"))
    s.mail("outlook_invitation", "inbox", outlook("s25", ev, t("2026-11-06 12:00")))
    s.run(t("2026-11-12 17:30"), [thanks(grant.email, "Grant")], total=1)
    s.user("edit_draft", "thank_you", grant.email,
           body="Hi Grant,\n\nThank you so much for the conversation today - in my own words, I loved hearing how "
                "Mosaic Learning builds courses with teachers.\n\nJordan Lee\n(555) 010-2000\n")
    s.run(t("2026-11-12 20:00"), total=1, drafts=[{"kind": "thank_you", "to": grant.email, "state": "edited"}])
    s.run(t("2026-11-13 09:00"), total=1)
    return s


def s26() -> S:
    s = S("26_b20_sent_draft_no_duplicate",
          "The user sends one thank-you, then the other: each shows as sent, none is drafted again.", ["B20"])
    kevin, diana = P("Kevin Tran", "kevin.tran@polarisfintech.com"), P("Diana Wolfe", "diana.wolfe@polarisfintech.com")
    ev = Ev(uid_google("s26"), t("2026-11-16 10:00"), t("2026-11-16 11:00"), "Polaris Fintech - Payments Engineer interview",
            kevin, (att(kevin, "ACCEPTED"), att(diana, "ACCEPTED"), att(USER)), description="Interview.",
            conference=gmeet("s26"))
    s.mail("google_invitation", "inbox", google("s26", ev, t("2026-11-09 15:00")))
    s.run(t("2026-11-16 11:15"), [thanks(kevin.email, "Kevin"), thanks(diana.email, "Diana")], total=2)
    s.user("send_draft", "thank_you", kevin.email)
    s.run(t("2026-11-16 14:00"), total=1, drafts=[{"kind": "thank_you", "to": kevin.email, "state": "sent"}])
    s.user("send_draft", "thank_you", diana.email)
    s.run(t("2026-11-17 09:00"), total=0, drafts=[{"kind": "thank_you", "to": kevin.email, "state": "sent"},
                                                  {"kind": "thank_you", "to": diana.email, "state": "sent"}])
    return s


def s27() -> S:
    s = S("27_b7_rescheduled_sequence_bump",
          "The interview is moved from Tue Nov 10 to Thu Nov 12 by an updated invitation (SEQUENCE 1): one "
          "interview, at the new time; the thank-you only after the new end.", ["B7", "B2", "B8"])
    laura = P("Laura Chen", "laura.chen@redwoodbio.com")
    base = {"uid": uid_google("s27"), "summary": "Redwood Biotech - Lab Automation Engineer interview",
            "organizer": laura, "attendees": (att(laura, "ACCEPTED"), att(USER)),
            "description": "Interview with Laura Chen.", "conference": gmeet("s27")}
    ev0 = Ev(start=t("2026-11-10 14:00"), end=t("2026-11-10 15:00"), **base)
    ev1 = Ev(start=t("2026-11-12 14:00"), end=t("2026-11-12 15:00"), sequence=1, **base)
    s.mail("google_invitation", "inbox", google("s27", ev0, t("2026-11-03 10:00")))
    s.mail("google_updated_invitation", "inbox", google(
        "s27b", ev1, t("2026-11-09 08:00"),
        subject=f"Updated invitation: {ev1.summary} @ Thu Nov 12, 2026 2pm - 3pm (EST) (jordan.lee@gmail.com)"))
    s.run(t("2026-11-09 09:00"), total=0, interviews=1,
          interview=[{"match": "Redwood Biotech", "start": "2026-11-12T14:00:00-05:00"}])
    s.run(t("2026-11-10 16:00"), total=0, interviews=1)
    s.run(t("2026-11-12 15:30"), [thanks(laura.email, "Laura")], total=1, interviews=1)
    return s


def s28() -> S:
    s = S("28_b2_b3_cancelled_invitation",
          "The invitation is cancelled (METHOD:CANCEL) before the day: no interview, nothing drafted.",
          ["B2", "B3"])
    ivan = P("Ivan Petrov", "ivan.petrov@beaconretail.com")
    base = {"uid": uid_google("s28"), "start": t("2026-11-11 10:00"), "end": t("2026-11-11 11:00"),
            "summary": "Beacon Retail - Store Systems Engineer interview", "organizer": ivan,
            "attendees": (att(ivan, "ACCEPTED"), att(USER)), "description": "Interview.", "conference": gmeet("s28")}
    s.mail("google_invitation", "inbox", google("s28", Ev(**base), t("2026-11-03 10:00")))
    s.mail("google_cancellation", "inbox", google(
        "s28b", Ev(**{**base, "sequence": 1, "status": "CANCELLED"}), t("2026-11-09 16:00"), method="CANCEL",
        subject="Canceled event: Beacon Retail - Store Systems Engineer interview @ Wed Nov 11, 2026 10am - 11am "
                "(EST) (jordan.lee@gmail.com)",
        body="This event has been canceled and removed from your calendar.\n\nBeacon Retail - Store Systems "
             "Engineer interview\n\nInvitation from Google Calendar"))
    s.run(t("2026-11-11 11:30"), total=0, interviews=0)
    s.run(t("2026-11-12 09:00"), total=0, interviews=0)
    return s


def s29() -> S:
    s = S("29_b3_declined_by_reply_in_sent",
          "The user declined the invitation (their calendar's REPLY with PARTSTAT=DECLINED is in Sent): nothing.",
          ["B3"])
    olga = P("Olga Ivanova", "olga.ivanova@crescentins.com")
    ev = Ev(uid_google("s29"), t("2026-11-12 10:00"), t("2026-11-12 11:00"), "Crescent Insurance - Actuarial Analyst interview",
            olga, (att(olga, "ACCEPTED"), att(USER)), description="Interview.", conference=gmeet("s29"))
    s.mail("google_invitation", "inbox", google("s29", ev, t("2026-11-04 10:00")))
    s.mail("user_declined_reply", "sent", itip_reply(seed="s29b", date=t("2026-11-05 08:30"), user=USER, ev=ev,
                                                    partstat="DECLINED",
                                                    prodid="-//Google Inc//Google Calendar 70.9054//EN"))
    s.run(t("2026-11-12 11:30"), total=0, interviews=0)
    s.run(t("2026-11-25 09:00"), total=0, interviews=0)
    return s


def s30() -> S:
    me_work = "jordan.lee@brightpath.io"
    s = S("30_b4_things_that_are_not_interviews",
          "A dentist appointment, an internal meeting, a podcast interview, a user-research interview the user "
          "runs, a newsletter about interviewing and a job alert: no interview, nothing drafted, ever.",
          ["B4", "B3"], user={"aliases": [me_work], "own_domains": ["brightpath.io"]})
    work = P("Jordan Lee", me_work)
    dentist = P("SmileCare Dental", "appointments@smilecaredental.com")
    ev = Ev(h("s30a", 24) + "@smilecaredental.com", t("2026-11-10 08:30"), t("2026-11-10 09:30"),
            "Dental cleaning with Dr. Patel", dentist, (att(USER),),
            description="Reminder: your appointment at SmileCare Dental, 41 Park Ave. Reply C to confirm.",
            location="SmileCare Dental, 41 Park Ave, New York")
    s.mail("dentist_appointment", "inbox", invitation(
        style="calendly", ev=ev, date=t("2026-11-03 07:00"), to=[USER], seed="s30a", frm=dentist,
        prodid="-//Weave//Appointment Reminders//EN", subject="Appointment reminder: Tue Nov 10 at 8:30 AM",
        body="Hi Jordan,\n\nThis is a reminder of your dental cleaning with Dr. Patel on Tuesday, November 10 at "
             "8:30 AM.\n\nSmileCare Dental"))
    tasha, raj = P("Tasha Green", "tasha.green@brightpath.io"), P("Raj Mehta", "raj.mehta@brightpath.io")
    ev = Ev(uid_outlook("s30b"), t("2026-11-11 13:00"), t("2026-11-11 14:00"), "Q4 planning sync", tasha,
            (att(work), att(raj)), description="Agenda: roadmap, hiring plan, interview loop for the open data role.",
            location="Microsoft Teams Meeting", conference=teams("s30b"))
    s.mail("internal_meeting", "inbox", invitation(style="outlook", ev=ev, date=t("2026-11-04 09:00"), to=[work, raj],
                                                   seed="s30b", tzid="Eastern Standard Time"))
    marcus = P("Marcus Bell", "marcus@buildersandbytes.fm")
    ev = Ev(uid_google("s30c"), t("2026-11-12 16:00"), t("2026-11-12 17:00"), "Builders & Bytes podcast interview: Jordan Lee",
            marcus, (att(marcus, "ACCEPTED"), att(USER)),
            description="Recording session for episode 42 of the Builders & Bytes podcast - we'll interview you "
                        "about your open-source scheduler.", conference=gmeet("s30c"))
    s.mail("podcast_interview", "inbox", google("s30c", ev, t("2026-11-05 12:00")))
    maya = P("Maya Fox", "maya.fox@outlook.com")
    ev = Ev(h("s30d", 24) + "@calendly.com", t("2026-11-13 11:00"), t("2026-11-13 11:30"),
            "User research interview: Maya Fox", USER, (att(USER, "ACCEPTED"), att(maya, "ACCEPTED")),
            description="30 minute user interview for the tiny-scheduler research study. Invitee: Maya Fox.")
    s.mail("user_research_interview", "inbox", invitation(
        style="calendly", ev=ev, date=t("2026-11-06 18:00"), to=[USER], seed="s30d",
        frm=P("Calendly", "notifications@calendly.com"),
        subject="New Event: Maya Fox - 11:00am Fri, Nov 13, 2026 - User research interview",
        body="Hi Jordan Lee,\n\nA new event has been scheduled.\n\nEvent Type: User research interview\nInvitee: "
             "Maya Fox\nInvitee Email: maya.fox@outlook.com\n\nSent from Calendly"))
    s.mail("newsletter", "inbox", plain(
        seed="s30e", date=t("2026-11-09 07:30"), frm=P("The Muse", "newsletters@e.themuse.com"), to=[USER],
        style="ats", domain="e.themuse.com", subject="5 questions to ask at the end of every interview",
        extra=[("List-Unsubscribe", "<https://e.themuse.com/unsub?u=" + h("s30e", 20) + ">"),
               ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Precedence", "bulk")],
        body="This week: how to close a job interview strongly. Ask \"When do you expect to make a decision?\" and "
             "send a thank-you note within 24 hours. Plus: how to prepare for a phone screen, a technical "
             "interview and a final round with the hiring manager.\n\nRead more at themuse.com"))
    s.mail("job_alert", "inbox", plain(
        seed="s30f", date=t("2026-11-10 06:00"), frm=P("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com"),
        to=[USER], style="ats", domain="linkedin.com",
        subject="\"backend engineer\": Acme Robotics - Backend Engineer and 9 more jobs in New York",
        extra=[("List-Unsubscribe", "<https://www.linkedin.com/jobs/alerts/unsubscribe>")],
        body="Your job alert for backend engineer in New York\n\nBackend Engineer - Acme Robotics - New York, NY\n"
             "Easy Apply - Actively recruiting - interviews this week\n\nSee all jobs on LinkedIn"))
    for day in ("2026-11-10 12:00", "2026-11-13 14:00", "2026-11-16 09:00", "2026-11-25 09:00"):
        s.run(t(day), total=0, interviews=0)
    return s


def s31() -> S:
    me = P("Jordan Lee", "jordan.lee@northstar-ai.com")
    s = S("31_b4_user_is_the_interviewer",
          "The user works at northstar-ai.com and interviews candidates: an interview the user organizes, and a "
          "loop where every other attendee is a colleague. Nothing is drafted.", ["B4", "B1"],
          user={"email": me.email, "own_domains": ["northstar-ai.com"]})
    alex = P("Alex Morgan", "alex.morgan@gmail.com")
    ev = Ev(uid_outlook("s31a"), t("2026-11-10 15:00"), t("2026-11-10 16:00"),
            "Interview: Alex Morgan - Senior Backend Engineer", me, (att(alex),),
            description="Technical interview with candidate Alex Morgan.", location="Microsoft Teams Meeting",
            conference=teams("s31a"))
    s.mail("invitation_user_sent", "sent", invitation(style="outlook", ev=ev, date=t("2026-11-04 09:00"), to=[alex],
                                                      seed="s31a", tzid="Eastern Standard Time"))
    mei, omar = P("Mei Lin", "mei.lin@northstar-ai.com"), P("Omar Diaz", "omar.diaz@northstar-ai.com")
    ev = Ev(uid_google("s31b"), t("2026-11-12 13:00"), t("2026-11-12 14:00"),
            "Onsite loop: Priya Nair - Staff Engineer (system design interview)", mei,
            (att(mei, "ACCEPTED"), att(me), att(omar, "ACCEPTED")),
            description="You're interviewing Priya Nair (candidate) for Staff Engineer. Scorecard in Greenhouse.",
            conference=gmeet("s31b"))
    s.mail("internal_loop_invitation", "inbox", google("s31b", ev, t("2026-11-05 09:00"), to=[me]))
    for day in ("2026-11-10 17:00", "2026-11-12 15:00", "2026-11-24 09:00"):
        s.run(t(day), total=0, interviews=0)
    return s


def s32() -> S:
    s = S("32_b2_interview_known_only_from_sent_mail",
          "No invitation: the user's own mail confirms 'our phone screen on Tuesday at 2pm'. The interview is "
          "tracked from it and the recruiter gets a thank-you after it.", ["B2", "B9"])
    ella = P("Ella Park", "ella.park@quillon.io")
    ask = s.mail("recruiter_asks", "inbox", plain(
        seed="s32a", date=t("2026-11-11 10:00"), frm=ella, to=[USER], subject="Phone screen - Frontend Engineer at Quillon",
        body="Hi Jordan,\n\nThanks for applying to the Frontend Engineer role at Quillon! Would you be available "
             "for a 30-minute phone screen next Tuesday afternoon? Let me know a time that works.\n\nElla Park\n"
             "Recruiter, Quillon"))
    s.mail("user_confirms", "sent", plain(
        seed="s32b", date=t("2026-11-12 09:00"), frm=USER, to=[ella], in_reply_to=ask,
        subject="Re: Phone screen - Frontend Engineer at Quillon",
        body="Hi Ella,\n\nConfirming our phone screen on Tuesday at 2pm. I'll be at (555) 010-2000.\n\nBest,\nJordan"))
    s.run(t("2026-11-12 10:00"), total=0, interviews=1,
          interview=[{"match": "Quillon", "start": "2026-11-17T14:00:00-05:00", "contact": ella.email}])
    s.run(t("2026-11-17 13:00"), total=0)
    s.run(t("2026-11-17 16:00"), [thanks(ella.email, "Ella")], total=1)
    return s


def s33() -> S:
    s = S("33_b21_header_injection_in_invitation",
          "Names and the subject of the invitation carry CR/LF and extra addresses: the drafts have only the "
          "intended recipients and no injected header.", ["B21", "B23"], forbid_in_headers=["attacker.example"])
    nadia = P("Nadia Rahman", "nadia.rahman@zenith-apps.com")
    theo = P("Theo Grant", "theo.grant@zenith-apps.com")
    nadia_evil = P("Nadia Rahman, Bcc: leak@attacker.example", nadia.email)
    theo_evil = P('Theo Grant <theo.grant@zenith-apps.com>, leak@attacker.example', theo.email)
    ev = Ev(uid_google("s33"), t("2026-11-12 10:00"), t("2026-11-12 11:00"),
            "Mobile Engineer interview\r\nBcc: leak@attacker.example", nadia_evil,
            (att(nadia_evil, "ACCEPTED"), att(theo_evil, "ACCEPTED"), att(USER)),
            description="Interview for the Mobile Engineer role at Zenith Apps.\r\nBcc: leak@attacker.example",
            conference=gmeet("s33"))
    m = google("s33", ev, t("2026-11-05 10:00"), subject="Invitation: Mobile Engineer interview")
    evil_from = b"From: =?utf-8?q?Nadia_Rahman=0D=0ABcc=3A_leak=40attacker=2Eexample?= <nadia.rahman@zenith-apps.com>"
    evil_subject = (b"Subject: =?utf-8?q?Invitation=3A_Mobile_Engineer_interview=0D=0ABcc=3A_leak=40attacker.example"
                    b"=0D=0A=0D=0Ainjected_body?=")
    raw = m.raw.replace(b"From: Nadia Rahman <nadia.rahman@zenith-apps.com>", evil_from, 1)
    raw = raw.replace(b"Subject: Invitation: Mobile Engineer interview", evil_subject, 1)
    raw = raw.replace(b"Reply-To: Nadia Rahman <nadia.rahman@zenith-apps.com>",
                      b'Reply-To: "Nadia Rahman\\r\\nCc: leak@attacker.example" <nadia.rahman@zenith-apps.com>', 1)
    assert raw != m.raw and raw.count(b"attacker") >= 3
    s.mail("invitation_with_injection", "inbox", Mail(raw, m.message_id, m.subject, m.date))
    s.run(t("2026-11-12 11:30"), [thanks(nadia.email), thanks(theo.email)], total=2)
    return s


def s34() -> S:
    s = S("34_b21_malformed_mail_is_skipped",
          "Two malformed messages in the inbox (an invitation whose calendar is unterminated, and a file with "
          "binary junk before any header) are logged and skipped: the run exits 1 (some items skipped) and the "
          "real interview still gets its thank-you.",
          ["B21"])
    ivy = P("Ivy Chen", "ivy.chen@dunmore.ai")
    bad_ics = ("BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n"
               "METHOD:REQUEST\r\nBEGIN:VEVENT\r\nDTSTART:2026111\r\nUID:broken-" + h("s34x", 12) +
               "@google.com\r\nSUMMARY:Interview\r\nBEGIN:VEVENT\r\n").encode()
    import base64 as b64
    broken_cal = (
        "Message-ID: <" + h("s34a", 20) + "@mail.example.net>\n"
        "Date: Tue, 10 Nov 2026 08:00:00 -0500\nFrom: Scheduling <scheduling@hr-portal.example.net>\n"
        "To: jordan.lee@gmail.com\nSubject: Interview invitation\nMIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain; charset=utf-8\n\n"
        "Please see the attached invitation.\n--b1\nContent-Type: text/calendar; method=REQUEST; charset=utf-8\n"
        "Content-Transfer-Encoding: base64\n\n" + b64.encodebytes(bad_ics).decode() + "--b1--\n").encode()
    s.mail("malformed_calendar", "inbox", Mail(broken_cal, "", "", t("2026-11-10 08:00")))
    # Binary junk before any header: the whole file is body, there is no From, Date or Message-ID.
    junk = (b"\x00\x01\xff\xfe garbage before any header\n"
            b"Message-ID: <" + h("s34b", 20).encode() + b"@junk.example>\nDate: not a date at all\n"
            b"From: =?x-unknown?b?////?= <@@>\nTo: jordan.lee@gmail.com\nSubject: =?utf-8?b?invalid base64 ??==?=\n"
            b"Content-Type: multipart/alternative; boundary=\"\"\nContent-Transfer-Encoding: base64\n"
            b"this header line has no colon\n\n\x00\x01\xff\xfe--\n--\n" + bytes(range(256)) + b"\n")
    s.mail("malformed_junk", "inbox", Mail(junk, "", "", t("2026-11-10 09:00")))
    ev = Ev(uid_google("s34"), t("2026-11-12 10:00"), t("2026-11-12 11:00"), "Dunmore Analytics - Data Scientist interview",
            ivy, (att(ivy, "ACCEPTED"), att(USER)), description="Interview.", conference=gmeet("s34"))
    s.mail("google_invitation", "inbox", google("s34", ev, t("2026-11-05 10:00")))
    s.run(t("2026-11-12 11:30"), [thanks(ivy.email, "Ivy")], total=1, exit=1)
    s.run(t("2026-11-13 09:00"), total=1, exit=[0, 1])
    return s


def s35() -> S:
    s = S("35_b5_company_from_domain_role_from_subject",
          "A Calendly booking whose title names neither company nor role: the company comes from the recruiter's "
          "domain (not calendly.com), the role from the recruiter's mail subject.", ["B5", "B3"])
    ethan = P("Ethan Cole", "ethan.cole@holloway-robotics.com")
    s.mail("recruiter_mail", "inbox", plain(
        seed="s35a", date=t("2026-11-05 10:00"), frm=ethan, to=[USER], subject="Senior Firmware Engineer - next steps",
        body="Hi Jordan,\n\nThanks for your application! I'd like to set up a 30-minute recruiter call. Please pick "
             "a time here: https://calendly.com/ethan-cole-hr/30min\n\nEthan Cole\nHolloway Robotics"))
    ev = Ev(h("s35", 24) + "@calendly.com", t("2026-11-09 11:00"), t("2026-11-09 11:30"),
            "30 Minute Meeting between Ethan Cole and Jordan Lee", ethan, (att(ethan, "ACCEPTED"), att(USER, "ACCEPTED")),
            description="Event Name: 30 Minute Meeting\n\nLocation: This is a Google Meet web conference.\n\n"
                        "Please share anything that will help prepare for our meeting.: Recruiter call\n\n"
                        "Need to make changes to this event?\nCancel: https://calendly.com/cancellations/"
                        + h("s35c", 36) + "\nReschedule: https://calendly.com/reschedulings/" + h("s35c", 36) +
                        "\n\nPowered by Calendly.com", conference=gmeet("s35"))
    s.mail("calendly_invitation", "inbox", invitation(
        style="calendly", ev=ev, date=t("2026-11-05 12:30"), to=[USER], seed="s35",
        frm=P("Calendly", "notifications@calendly.com"), reply_to=ethan,
        subject="Invitation: 30 Minute Meeting between Ethan Cole and Jordan Lee @ Mon Nov 9, 2026 11am - 11:30am (EST)"))
    s.run(t("2026-11-09 12:00"), [thanks(ethan.email, "Ethan", "Holloway Robotics")], total=1, interviews=1,
          interview=[{"match": "Holloway Robotics", "company": "Holloway Robotics", "role": "Senior Firmware Engineer"}])
    return s


def s36() -> S:
    alias = P("Jordan Lee", "jordan@jordanlee.dev")
    s = S("36_b1_alias_is_the_attendee",
          "The invitation went to the user's alias: it is still the user (guest, not an interviewer), and the "
          "draft is from the user and never addressed to the alias.", ["B1", "B6"],
          user={"aliases": [alias.email]})
    sara = P("Sara Nguyen", "sara.nguyen@tidewaterlabs.com")
    ev = Ev(uid_google("s36"), t("2026-11-11 11:00"), t("2026-11-11 12:00"), "Tidewater Labs - QA Engineer interview",
            sara, (att(sara, "ACCEPTED"), att(alias)), description="Interview.", conference=gmeet("s36"))
    s.mail("google_invitation", "inbox", google("s36", ev, t("2026-11-04 10:00"), to=[alias]))
    s.run(t("2026-11-11 12:30"), [thanks(sara.email, "Sara")], total=1, interviews=1,
          interview=[{"match": "Tidewater Labs", "interviewers": [sara.email]}])
    return s


def s37() -> S:
    s = S("37_b1_europe_berlin_end_of_day",
          "User in Europe/Berlin: the decision date ('by end of day on Friday, December 11') passes at midnight "
          "Berlin time, so the follow-up appears on the run at 00:30 CET (still Dec 11 in UTC and New York) "
          "and not on the run at 23:30 CET.", ["B1", "B12", "B17"], user={"timezone": "Europe/Berlin"})
    katrin, jonas = P("Katrin Vogel", "katrin.vogel@nordlicht-software.de"), P("Jonas Weber", "jonas.weber@nordlicht-software.de")
    ev = Ev(uid_outlook("s37"), t("2026-12-03 14:00", BERLIN), t("2026-12-03 15:00", BERLIN),
            "Interview Backend Developer (m/w/d) - Jordan Lee", katrin, (att(USER), att(jonas)),
            description="Interview with Jonas Weber (Teamlead Backend), Nordlicht Software GmbH.",
            location="Microsoft Teams Meeting", conference=teams("s37"))
    s.mail("outlook_invitation", "inbox", outlook("s37", ev, t("2026-11-26 10:00", BERLIN), tzid="W. Europe Standard Time"))
    s.run(t("2026-12-03 14:30", BERLIN), total=0, interviews=1)
    s.run(t("2026-12-03 15:30", BERLIN), [thanks(jonas.email, "Jonas")], total=1)
    s.mail("timeline_mail", "inbox", plain(
        seed="s37b", date=t("2026-12-04 09:30", BERLIN), frm=katrin, to=[USER], style="outlook",
        subject="Your interview at Nordlicht Software",
        body="Hi Jordan,\n\nThank you for the interview yesterday. We will get back to you by end of day on Friday, "
             "December 11.\n\nBest regards,\nKatrin Vogel\nHR, Nordlicht Software GmbH"))
    s.run(t("2026-12-04 10:00", BERLIN), total=1, decision={"Nordlicht Software": "2026-12-11"})
    s.run(t("2026-12-11 23:30", BERLIN), total=1)
    s.run(datetime.fromisoformat("2026-12-11T23:30:00+00:00"), [("follow_up", katrin.email)], total=2)
    return s


ALL = [s01, s02, s03, s04, s05, s06, s07, s08, s09, s10, s11, s12, s13, s14, s15, s16, s17, s18, s19, s20, s21,
       s22, s23, s24, s25, s26, s27, s28, s29, s30, s31, s32, s33, s34, s35, s36, s37]


def corpus() -> list:
    """The corpus scenarios (100 and up), defined by theme in their own modules, which build on this one."""
    from tests.scenarios import (
        corpus_ats,
        corpus_briefings,
        corpus_calendars,
        corpus_drafts,
        corpus_negatives,
        corpus_replies,
    )

    return [*corpus_ats.SCENARIOS, *corpus_calendars.SCENARIOS, *corpus_replies.SCENARIOS,
            *corpus_negatives.SCENARIOS, *corpus_drafts.SCENARIOS, *corpus_briefings.SCENARIOS]


def main(argv: list[str]) -> None:
    if argv == ["--demo"]:
        from tests.scenarios import demo

        print(demo.build().write())
        return
    prefixes = argv or [""]
    for make in ALL + corpus():
        scenario = make()
        if any(scenario.folder.startswith(p) for p in prefixes):
            scenario.write()
            print(scenario.folder)


if __name__ == "__main__":
    main(sys.argv[1:])
