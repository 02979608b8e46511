"""Corpus scenarios 290-299: the morning briefing and the answer given back from any mail client (issue 16,
B24-B26).

    .venv/bin/python -m tests.scenarios.build 29    # writes cases/290_... to cases/299_...

The briefing's timing around `briefing_hour` and the day's first interview, two interview days in a row (the
second briefing replaces the first), an edited briefing (kept), the decision date given by a note to self and by
the briefing sent back with the date written after the interview's line, a note matching two interviews,
`briefing = false`, days without an interview, and a user far from the company's zone. Every scenario here counts
briefings like any draft (`briefings = true`). Definitions only: the generated folders are the scenarios.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from tests.mailgen import Ev, P, plain
from tests.scenarios.build import NY, USER, S, att, gmeet, google, t, thanks, uid_google

ME = USER.email
QUESTION = "When do you expect to make a decision?"


def brief(*contains: str, subject: str = "") -> tuple:
    spec: dict = {"body_contains": list(contains)}
    if subject:
        spec["subject_contains"] = [subject]
    return ("briefing", ME, spec)


def _interview(s: S, seed: str, company: str, role: str, start: str, end: str, who: P, sent: str, *,
               title: str = "Recruiter", tz: ZoneInfo = NY) -> Ev:
    ev = Ev(uid_google(seed), t(start, tz), t(end, tz), f"Interview: {role} ({company})", who,
            (att(who, "ACCEPTED"), att(USER)),
            description=f"Interview for the {role} role at {company}.\n\n{who.name}\n{title}, {company}",
            conference=gmeet(seed))
    s.mail(f"invitation_{seed}", "inbox", google(seed, ev, t(sent)))
    return ev


def note(s: S, seed: str, at: str, body: str, subject: str = "note") -> None:
    s.mail(f"note_{seed}", "sent", plain(seed=seed, date=t(at), frm=USER, to=[USER], subject=subject, body=body,
                                        with_html=False))


def c290() -> S:
    s = S("290_b24_briefing_timing_around_the_hour_and_the_interview",
          "An interview at 2:00 pm. No briefing at 6:30 (before briefing_hour 7); the 7:10 run makes one, to the user "
          "alone, naming the time, company, role, the interviewer with her title, the join link and the question; "
          "the 9:00 run makes none (one a day, only the first run after the hour); the 3:30 pm run makes the "
          "thank-you and no briefing; the next morning's briefing lists the thank-you and replaces the first, "
          "which the agent deletes (B24, B25).", ["B24", "B25"], briefings=True)
    ana = P("Ana Souza", "ana.souza@quarrylane.io")
    _interview(s, "c290", "Quarry Lane", "Backend Engineer", "2026-11-17 14:00", "2026-11-17 15:00",
               ana, "2026-11-10 09:00", title="Engineering Manager")
    s.run(t("2026-11-17 06:30"), [], total=0)
    s.run(t("2026-11-17 07:10"), [brief("2:00 pm to 3:00 pm: Quarry Lane, Backend Engineer", "Ana Souza",
                                        "https://meet.google.com/", QUESTION, subject="Today: Quarry Lane at 2:00 pm")],
          total=1, briefings={"2026-11-17": "draft"})
    s.run(t("2026-11-17 09:00"), [], total=1)
    s.run(t("2026-11-17 15:30"), [thanks(ana.email, "Quarry Lane")], total=2)
    s.run(t("2026-11-18 07:05"), [brief("Waiting for you in Drafts", "thank-you to Ana Souza, Quarry Lane",
                                        subject="Waiting for you: 1 draft to review")],
          total=2, briefings={"2026-11-17": "replaced", "2026-11-18": "draft"})
    return s


def c291() -> S:
    s = S("291_b24_b25_two_interview_days_in_a_row",
          "Interviews on Tuesday (Quarry Lane) and Wednesday (Tallow Bridge): each morning a briefing names that "
          "day's interview only, and Wednesday's replaces Tuesday's; a run on Thursday, with nothing made since, "
          "makes none: the drafts made since were sent already (B24, B25).", ["B24", "B25"], briefings=True)
    ana, omar = P("Ana Souza", "ana.souza@quarrylane.io"), P("Omar Haddad", "omar.haddad@tallowbridge.com")
    _interview(s, "c291a", "Quarry Lane", "Backend Engineer", "2026-11-17 11:00", "2026-11-17 12:00",
               ana, "2026-11-10 09:00")
    _interview(s, "c291b", "Tallow Bridge", "Platform Engineer", "2026-11-18 10:00",
               "2026-11-18 10:45", omar, "2026-11-11 09:00")
    s.run(t("2026-11-16 18:00"), [], total=0)  # the agent has run before (a first run ever makes no briefing)
    s.run(t("2026-11-17 07:30"), [brief("Quarry Lane", QUESTION, subject="Today: Quarry Lane at 11:00 am")], total=1,
          briefings={"2026-11-17": "draft"})
    s.run(t("2026-11-17 13:00"), [thanks(ana.email)], total=2)
    s.user("send_draft", "thank_you", ana.email)
    s.run(t("2026-11-18 07:30"), [brief("Tallow Bridge", "10:00 am to 10:45 am", QUESTION,
                                        subject="Today: Tallow Bridge at 10:00 am")], total=1,
          briefings={"2026-11-17": "replaced", "2026-11-18": "draft"})
    s.run(t("2026-11-18 11:30"), [thanks(omar.email)], total=2)
    s.user("send_draft", "thank_you", omar.email)
    s.run(t("2026-11-19 07:30"), [], total=1, briefings={"2026-11-17": "replaced", "2026-11-18": "draft"})
    return s


def c292() -> S:
    s = S("292_b25_an_edited_briefing_is_kept",
          "The user edits Tuesday's briefing (notes for the interview) and leaves it in Drafts: Wednesday's briefing "
          "is made, and Tuesday's stays, with the user's text, never deleted (B25, B19, B20).", ["B25", "B20"],
          briefings=True)
    ana = P("Ana Souza", "ana.souza@quarrylane.io")
    _interview(s, "c292", "Quarry Lane", "Backend Engineer", "2026-11-17 14:00", "2026-11-17 15:00",
               ana, "2026-11-10 09:00")
    s.run(t("2026-11-16 18:00"), [], total=0)
    s.run(t("2026-11-17 07:10"), [brief("Quarry Lane", QUESTION)], total=1)
    s.user("edit_draft", "briefing", ME, "My notes: ask about the on-call rotation and the team's roadmap.")
    s.run(t("2026-11-17 15:30"), [thanks(ana.email)], total=2)
    s.run(t("2026-11-18 07:10"), [brief("thank-you to Ana Souza")], total=3,
          briefings={"2026-11-17": "edited", "2026-11-18": "draft"})
    return s


def c293() -> S:
    s = S("293_b26_decision_date_by_note_to_self",
          "After the interview the user sends themselves \"Quarry Lane: by next Friday\" from their phone: the "
          "decision date is that Friday, read against the note's date (not the default of 7 business days), and "
          "the follow-up comes the day after it. The note is never taken for the user writing to the company "
          "(the thank-yous still come, B11) (B26, B13).", ["B26", "B13", "B17"], briefings=True,
          agent={"briefing": False})
    ana = P("Ana Souza", "ana.souza@quarrylane.io")
    _interview(s, "c293", "Quarry Lane", "Backend Engineer", "2026-11-17 14:00", "2026-11-17 15:00",
               ana, "2026-11-10 09:00")
    note(s, "c293n", "2026-11-17 15:20", "Quarry Lane: by next Friday\n\nSent from my phone")
    s.run(t("2026-11-17 16:00"), [thanks(ana.email)], total=1, decision={"Quarry Lane": "2026-11-27"},
          interview=[{"match": "Quarry Lane", "decision_source": "note"}])
    s.user("send_draft", "thank_you", ana.email)
    s.run(t("2026-11-27 18:00"), [], total=0)
    s.run(t("2026-11-28 08:00"), [("follow_up", ana.email)], total=1)
    return s


def c294() -> S:
    s = S("294_b26_answer_by_sending_the_briefing_back",
          "The user writes \"by December 4\" after the interview's answer line in the day's briefing and sends it to "
          "themselves: the decision date is December 4; the agent's own lines (a follow-up date, the question) are "
          "not statements; the briefing is recorded as sent (B26, B25).", ["B26", "B25"], briefings=True)
    ana = P("Ana Souza", "ana.souza@quarrylane.io")
    _interview(s, "c294", "Quarry Lane", "Backend Engineer", "2026-11-17 14:00", "2026-11-17 15:00",
               ana, "2026-11-10 09:00")
    s.run(t("2026-11-16 18:00"), [], total=0)
    s.run(t("2026-11-17 07:10"), [brief("Their answer:")], total=1)
    s.user("edit_draft", "briefing", ME, add="by December 4", after="Their answer:")
    s.user("send_draft", "briefing", ME)
    s.run(t("2026-11-17 15:30"), [thanks(ana.email)], total=1, decision={"Quarry Lane": "2026-12-04"},
          interview=[{"match": "Quarry Lane", "decision_source": "note"}], briefings={"2026-11-17": "sent"})
    return s


def c295() -> S:
    s = S("295_b26_a_note_matching_two_interviews_changes_nothing",
          "Two interviews on one day (Quarry Lane, Tallow Bridge); the user's note \"Quarry Lane and Tallow Bridge: "
          "by Friday\" names both: it changes neither decision date and status reports the line it could not place; "
          "a later note naming one sets that one (B26).", ["B26"], briefings=True, agent={"briefing": False})
    ana, omar = P("Ana Souza", "ana.souza@quarrylane.io"), P("Omar Haddad", "omar.haddad@tallowbridge.com")
    _interview(s, "c295a", "Quarry Lane", "Backend Engineer", "2026-11-17 10:00", "2026-11-17 11:00",
               ana, "2026-11-10 09:00")
    _interview(s, "c295b", "Tallow Bridge", "Platform Engineer", "2026-11-17 14:00",
               "2026-11-17 15:00", omar, "2026-11-11 09:00")
    note(s, "c295n", "2026-11-17 16:00", "Quarry Lane and Tallow Bridge: by Friday")
    s.run(t("2026-11-17 17:00"), [thanks(ana.email), thanks(omar.email)], total=2,
          decision={"Quarry Lane": "2026-11-26", "Tallow Bridge": "2026-11-26"}, unplaced=1)
    note(s, "c295m", "2026-11-18 09:00", "Tallow Bridge: December 2")
    s.run(t("2026-11-18 10:00"), [], total=2, decision={"Quarry Lane": "2026-11-26", "Tallow Bridge": "2026-12-02"},
          unplaced=1)
    return s


def c296() -> S:
    s = S("296_b24_briefing_false_turns_it_off",
          "briefing = false: an interview day and the days after bring the thank-you and the follow-up, never a "
          "briefing (B24).", ["B24"], briefings=True, agent={"briefing": False})
    ana = P("Ana Souza", "ana.souza@quarrylane.io")
    _interview(s, "c296", "Quarry Lane", "Backend Engineer", "2026-11-17 14:00", "2026-11-17 15:00",
               ana, "2026-11-10 09:00")
    s.run(t("2026-11-17 07:10"), [], total=0)
    s.run(t("2026-11-17 15:30"), [thanks(ana.email)], total=1)
    s.run(t("2026-11-18 07:10"), [], total=1)
    return s


def c297() -> S:
    s = S("297_b24_days_without_an_interview",
          "After a Monday interview: Tuesday's first run after 7 makes a briefing because the thank-you made since "
          "Monday's waits in Drafts; Wednesday and Thursday bring none (nothing new); the morning after the follow-up is "
          "made a briefing lists it; runs later that day make none (B24).", ["B24"], briefings=True)
    ana = P("Ana Souza", "ana.souza@quarrylane.io")
    _interview(s, "c297", "Quarry Lane", "Backend Engineer", "2026-11-16 10:00", "2026-11-16 11:00",
               ana, "2026-11-09 09:00")
    s.run(t("2026-11-15 18:00"), [], total=0)
    s.run(t("2026-11-16 08:00"), [brief("Quarry Lane", QUESTION)], total=1)
    s.run(t("2026-11-16 12:00"), [thanks(ana.email)], total=2)
    s.run(t("2026-11-17 08:00"), [brief("thank-you to Ana Souza")], total=2,
          briefings={"2026-11-16": "replaced", "2026-11-17": "draft"})
    s.user("send_draft", "thank_you", ana.email)
    s.run(t("2026-11-18 08:00"), [], total=1)
    s.run(t("2026-11-19 08:00"), [], total=1)
    s.run(t("2026-11-26 06:00"), [("follow_up", ana.email)], total=2)
    s.run(t("2026-11-26 08:00"), [brief("follow-up to Ana Souza, Quarry Lane")], total=2,
          briefings={"2026-11-17": "replaced", "2026-11-26": "draft"})
    s.run(t("2026-11-26 12:00"), [], total=2)
    return s


def c298() -> S:
    berlin = ZoneInfo("Europe/Berlin")
    s = S("298_b24_users_zone_far_from_the_company",
          "The user lives in Berlin; the company in San Francisco books 10:00 am Pacific, which is 7:00 pm in "
          "Berlin. The briefing comes at the first run after 7 am Berlin time and gives 7:00 pm; a run at 1 am "
          "Berlin (still the evening before in California) makes none (B24).", ["B24"], briefings=True,
          user={"timezone": "Europe/Berlin"})
    ana = P("Ana Souza", "ana.souza@quarrylane.io")
    pacific = ZoneInfo("America/Los_Angeles")
    _interview(s, "c298", "Quarry Lane", "Backend Engineer", "2026-11-17 10:00", "2026-11-17 11:00",
               ana, "2026-11-10 09:00", tz=pacific)
    s.run(t("2026-11-17 01:00", berlin), [], total=0)
    s.run(t("2026-11-17 07:20", berlin), [brief("7:00 pm to 8:00 pm: Quarry Lane", QUESTION,
                                                subject="Today: Quarry Lane at 7:00 pm")], total=1)
    s.run(t("2026-11-17 20:30", berlin), [thanks(ana.email)], total=2)
    return s


def c299() -> S:
    s = S("299_b24_first_run_after_the_interview_started",
          "An early interview (7:30 to 8:30 am) and cron paused overnight: the first run after 7 comes at 9:00, after "
          "the interview started. No interview-day briefing; the thank-you is made, and since a draft was made the "
          "briefing comes with it and lists it; later runs make none (B24).", ["B24", "B8"], briefings=True)
    ana = P("Ana Souza", "ana.souza@quarrylane.io")
    _interview(s, "c299", "Quarry Lane", "Backend Engineer", "2026-11-17 07:30", "2026-11-17 08:30", ana,
               "2026-11-10 09:00")
    s.run(t("2026-11-16 18:00"), [], total=0)
    s.run(t("2026-11-17 09:00"), [thanks(ana.email), brief("thank-you to Ana Souza, Quarry Lane",
                                                         subject="Waiting for you: 1 draft to review")], total=2)
    s.run(t("2026-11-17 12:00"), [], total=2)
    return s


SCENARIOS = [c290, c291, c292, c293, c294, c295, c296, c297, c298, c299]
