"""Corpus scenarios 270-289: drafts a recruiter would believe a careful person wrote (issue 14, B10).

    .venv/bin/python -m tests.scenarios.build 27    # writes cases/270_... to cases/273_...

A panel of two and one of three whose invitation says what the interview covers and who the interviewers
are, a loop of two interviews at one company, and a profile with strengths: each note refers to the
interview, and notes to two people at one company share at most one sentence besides the pitch and the
sign-off (checked for every scenario by the draft linter, tests/scenarios/draft_linter.py).
Definitions only: the generated folders are the scenarios.
"""

from __future__ import annotations

from tests.mailgen import Ev, P
from tests.scenarios.build import (
    PROFILE,
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


def c270() -> S:
    s = S("270_b10_panel_of_two_with_topics",
          "A Google invitation for a panel of two whose description says the interview will cover system design "
          "and data modelling: each thank-you refers to that and to the interviewer's title, and the two notes "
          "differ in more than the greeting (B10).", ["B8", "B9", "B10"])
    ana, ben = P("Ana Souza", "ana.souza@quarrylane.io"), P("Ben Okafor", "ben.okafor@quarrylane.io")
    ev = Ev(uid_google("c270"), t("2026-11-10 14:00"), t("2026-11-10 15:00"),
            "Panel interview: Backend Engineer - Jordan Lee", ana,
            (att(ana, "ACCEPTED"), att(ben, "ACCEPTED"), att(USER)),
            description="Hi Jordan,\n\nThanks for making time for the panel for the Backend Engineer role at "
                        "Quarry Lane. The interview will cover system design and data modelling.\n\n"
                        "Interviewers: Ana Souza (Engineering Manager), Ben Okafor (Staff Engineer)\n\nAna",
            conference=gmeet("c270"))
    s.mail("google_invitation", "inbox", google("c270", ev, t("2026-11-03 09:12")))
    s.run(t("2026-11-10 15:40"), [thanks(ana.email, "Hi Ana,", "system design and data modelling", "Engineering Manager",
                                         "panel interview", "Backend Engineer", "Quarry Lane"),
                                  thanks(ben.email, "Hi Ben,", "system design and data modelling", "Staff Engineer",
                                         "panel interview", "Backend Engineer", "Quarry Lane")],
          total=2, interview=[{"match": "Quarry Lane", "company": "Quarry Lane", "role": "Backend Engineer",
                               "interviewers": [ana.email, ben.email]}])
    return s


def c271() -> S:
    s = S("271_b9_b10_panel_of_three_agenda_and_teams",
          "An Outlook invitation for a final-round panel of three with an agenda line and each interviewer's team "
          "or title in the description; one attendee has no display name and the description calls him "
          "\"Kenji (Analytics Lead)\": he is greeted \"Hi Kenji,\", never from his address, and all three notes "
          "differ pairwise in all but at most one sentence (B9, B10).", ["B8", "B9", "B10"])
    maya, kenji = P("Maya Chen", "maya.chen@lumenfield.io"), P("", "k.tanaka@lumenfield.io")
    sofia = P("Sofia Reyes", "sofia.reyes@lumenfield.io")
    ev = Ev(uid_outlook("c271"), t("2026-11-12 10:00"), t("2026-11-12 11:30"),
            "Final round: Senior Data Analyst - Jordan Lee", maya,
            (att(maya, "ACCEPTED"), att(USER), att(kenji), att(sofia)),
            description="Hi Jordan,\n\nHere are the details of your final round for the Senior Data Analyst role "
                        "at Lumenfield.\n\nAgenda: SQL, experiment design and a recent project\n\n"
                        "You'll meet:\nMaya Chen - Product Director\nKenji (Analytics Lead)\nSofia Reyes (Data Platform)"
                        "\n\nBest,\nMaya",
            location="Microsoft Teams Meeting", conference=teams("c271"))
    s.mail("outlook_invitation", "inbox", outlook("c271", ev, t("2026-11-05 11:00")))
    common = ("SQL, experiment design and a recent project", "final-round interview", "Senior Data Analyst", "Lumenfield")
    s.run(t("2026-11-12 12:00"), [thanks(maya.email, "Hi Maya,", "Product Director", *common),
                                  thanks(kenji.email, "Hi Kenji,", "Analytics Lead", *common),
                                  thanks(sofia.email, "Hi Sofia,", "Data Platform team", *common)],
          total=3, interview=[{"match": "Lumenfield", "interviewers": [maya.email, kenji.email, sofia.email]}])
    return s


def c272() -> S:
    s = S("272_b10_loop_of_two_interviews_one_company",
          "A loop at one company: a phone screen with the hiring manager on Monday, then a technical interview "
          "with an engineer on Thursday that says it will focus on API design. Each note names its own round; "
          "the two notes share no sentence besides the pitch and the sign-off (B10).", ["B8", "B10"])
    omar, lena = P("Omar Haddad", "omar.haddad@tallowbridge.com"), P("Lena Fischer", "lena.fischer@tallowbridge.com")
    ev1 = Ev(uid_google("c272a"), t("2026-11-09 11:00"), t("2026-11-09 11:30"),
             "Phone screen: Platform Engineer (Tallow Bridge)", omar, (att(omar, "ACCEPTED"), att(USER)),
             description="Hi Jordan, a 30-minute phone screen for the Platform Engineer role.\n\nOmar Haddad\n"
                         "Engineering Manager, Tallow Bridge", conference=gmeet("c272a"))
    s.mail("google_invitation_screen", "inbox", google("c272a", ev1, t("2026-11-04 09:00")))
    s.run(t("2026-11-09 12:00"), [thanks(omar.email, "Hi Omar,", "phone screen", "Platform Engineer", "Tallow Bridge")],
          total=1)
    ev2 = Ev(uid_google("c272b"), t("2026-11-12 15:00"), t("2026-11-12 16:00"),
             "Technical interview: Platform Engineer (Tallow Bridge)", omar,
             (att(omar, "ACCEPTED"), att(lena, "ACCEPTED"), att(USER)),
             description="Hi Jordan, thanks for moving forward! This technical interview with Lena Fischer (Senior "
                         "Platform Engineer) will focus on API design and reliability.\n\nOmar",
             conference=gmeet("c272b"))
    s.mail("google_invitation_technical", "inbox", google("c272b", ev2, t("2026-11-10 10:00")))
    s.run(t("2026-11-12 16:30"), [thanks(omar.email, "technical interview", "API design and reliability"),
                                  thanks(lena.email, "Hi Lena,", "technical interview", "API design and reliability",
                                         "Senior Platform Engineer", "Platform Engineer", "Tallow Bridge")],
          total=3, interviews=2)
    return s


STRENGTHS = ["I led the move of our payments platform to event sourcing with no downtime.",
             "I mentor new engineers and run our team's design reviews.",
             "I care about observability and cut our incident response time by half."]


def c273() -> S:
    s = S("273_b10_profile_strengths_differ_per_interviewer",
          "A profile with a pitch and three strengths; a panel of two with nothing said about topics: each "
          "thank-you carries the pitch's first sentence and a different strength, no invented claim, and a "
          "neutral line where the invitation says nothing about the interview (B10).", ["B8", "B10"],
          profile={**PROFILE, "strengths": STRENGTHS})
    ivy, raj = P("Ivy Marsh", "ivy.marsh@copperfinch.com"), P("Raj Patel", "raj.patel@copperfinch.com")
    ev = Ev(uid_google("c273"), t("2026-11-17 13:00"), t("2026-11-17 14:00"),
            "Interview: Site Reliability Engineer - Jordan Lee", ivy,
            (att(ivy, "ACCEPTED"), att(raj, "ACCEPTED"), att(USER)),
            description="Interview for the Site Reliability Engineer role at Copperfinch.", conference=gmeet("c273"))
    s.mail("google_invitation", "inbox", google("c273", ev, t("2026-11-11 09:00")))
    pitch = PROFILE["pitch"].split(", and")[0]
    s.run(t("2026-11-17 14:30"), [thanks(ivy.email, "Hi Ivy,", pitch, STRENGTHS[0], "Site Reliability Engineer", "Copperfinch"),
                                  thanks(raj.email, "Hi Raj,", pitch, STRENGTHS[1], "Site Reliability Engineer", "Copperfinch")],
          total=2)
    return s


SCENARIOS = [c270, c271, c272, c273]
