"""The morning briefing (B24, B25) and decision dates given in notes to self (B26), on plain data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from agent.core import briefing, self_notes
from agent.core.compose import briefing_draft, draft_message_id, to_mime
from agent.core.lifecycle import plan, with_briefing
from agent.core.model import DraftRecord, Message, Person
from tests.unit.test_lifecycle import ANA, BEN, END, ME, SETTINGS, START, TZ, interview

MORNING = datetime(2026, 11, 17, 7, 30, tzinfo=TZ)  # the interview day (START is 14:00)
MYSELF = Person(ME.email, ME.name)


EVENING = datetime(2026, 11, 16, 18, 0, tzinfo=TZ)  # the run before


def brief(now, *, last_run=EVENING, drafts=(), ivs=None, settings=SETTINGS, msgs=()):
    p = plan(ivs or [interview()], list(msgs), list(drafts), {}, ME, settings, now)
    return with_briefing(p, list(drafts), ME, settings, now, last_run)


def briefing_actions(p):
    return [a for a in p.actions if a.kind == briefing.KIND]


def made(key, kind="thank_you", created=None, state="draft", iv="iv-1", to=ANA.email):
    return DraftRecord(key=key, interview_id=iv, kind=kind, to=(to,), message_id=f"<{key}@gmail.com>",
                       created_at=created, state=state, subject="s")


# -- B24: when -------------------------------------------------------------------------------------
def test_b24_interview_day_first_run_after_the_hour_before_the_interview():
    p = brief(MORNING)
    [action] = briefing_actions(p)
    assert action.key == "briefing:2026-11-17" and action.to == MYSELF and action.interview_id == ""
    assert p.briefing is not None and p.briefing.interviews[0].company == "Acme Robotics"


@pytest.mark.parametrize("hour", [0, 5, 6])
def test_b24_not_before_briefing_hour(hour):
    assert briefing_actions(brief(MORNING.replace(hour=hour, minute=59))) == []


def test_b24_briefing_hour_is_configurable():
    late = replace(SETTINGS, briefing_hour=9)
    assert briefing_actions(brief(MORNING, settings=late)) == []
    assert briefing_actions(brief(MORNING.replace(hour=9, minute=0), settings=late))


def test_b24_only_the_first_run_after_the_hour():
    assert briefing_actions(brief(MORNING.replace(hour=8), last_run=MORNING)) == []
    assert briefing_actions(brief(MORNING.replace(hour=8), last_run=MORNING.replace(hour=6)))


def test_b20_b24_an_installations_first_run_makes_none():
    # a new or lost state cannot tell whether this morning's briefing was made already
    assert briefing_actions(brief(MORNING, last_run=None)) == []


def test_b24_not_once_the_first_interview_started():
    assert briefing_actions(brief(START + timedelta(minutes=1), last_run=MORNING.replace(hour=6))) == []


def test_b24_once_the_first_of_two_started_only_drafts_made_bring_one_and_it_lists_the_second():
    early = interview(id="iv-0", start=MORNING.replace(hour=8), end=MORNING.replace(hour=9), company="Globex",
                      company_domains=("globex.com",))
    at = MORNING.replace(hour=8, minute=30)
    assert briefing_actions(brief(at, ivs=[early, interview()])) == []
    waiting = made("iv-9:follow_up:1", kind="follow_up", created=MORNING - timedelta(hours=2), iv="iv-9")
    p = brief(at, ivs=[early, interview()], drafts=[waiting])
    assert briefing_actions(p) and [iv.company for iv in p.briefing.interviews] == ["Acme Robotics"]


def test_b24_at_most_one_a_day_even_when_the_state_saw_it_deleted():
    today = made("briefing:2026-11-17", kind="briefing", created=MORNING, state="deleted", iv="", to=ME.email)
    assert briefing_actions(brief(MORNING.replace(hour=9), drafts=[today])) == []


def test_b24_off_when_briefing_is_false():
    assert briefing_actions(brief(MORNING, settings=replace(SETTINGS, briefing=False))) == []


def test_b24_a_day_without_an_interview_needs_a_draft_made_since_the_last_briefing():
    next_day = MORNING + timedelta(days=1)
    last = made("briefing:2026-11-17", kind="briefing", created=MORNING, iv="", to=ME.email)
    thanks = [made(f"iv-1:thank_you:{p.email}", created=END + timedelta(hours=1), to=p.email) for p in (ANA, BEN)]
    before = [replace(t, created_at=MORNING - timedelta(hours=1)) for t in thanks]
    assert briefing_actions(brief(next_day, drafts=[last, *before], last_run=MORNING)) == []
    [action] = briefing_actions(brief(next_day, drafts=[last, *thanks], last_run=MORNING))
    assert action.key == "briefing:2026-11-18"
    # drafts made since but already sent leave nothing to list: no briefing
    sent = [replace(t, state="sent") for t in thanks]
    assert briefing_actions(brief(next_day, drafts=[last, *sent], last_run=MORNING)) == []


def test_b24_drafts_made_this_run_count_and_are_listed():
    # the run after the interview makes thank-yous; the next morning's first run lists them
    p = brief(END + timedelta(hours=17), last_run=END + timedelta(hours=1))
    assert {a.kind for a in p.actions} == {"thank_you", "briefing"}
    assert p.briefing is not None and {w.to for w in p.briefing.waiting} == {ANA.name, BEN.name}


def test_b24_the_users_zone_decides_the_day():
    # 07:30 in New York is 13:30 in Paris: the day and the hour are the user's
    paris = replace(ME, timezone="Europe/Paris")
    iv = interview(start=datetime(2026, 11, 17, 16, 0, tzinfo=TZ), end=datetime(2026, 11, 17, 17, 0, tzinfo=TZ))
    at = datetime(2026, 11, 17, 6, 30, tzinfo=TZ)  # 12:30 in Paris, before the 22:00 interview
    p = plan([iv], [], [], {}, paris, SETTINGS, at)
    p = with_briefing(p, [], paris, SETTINGS, at, EVENING)
    assert briefing_actions(p) and briefing.subject(p.briefing, paris) == "Today: Acme Robotics at 10:00 pm"


def test_b24_plan_validity_ends_at_the_briefing_hour():
    p = brief(MORNING.replace(hour=6))
    assert p.valid_until is not None and p.valid_until <= MORNING.replace(hour=7, minute=0)


# -- B24: what -------------------------------------------------------------------------------------
def test_b24_the_text_names_time_company_role_people_link_and_the_question():
    iv = interview(conference_url="https://meet.google.com/abc-defg-hij",
                   person_titles=((ANA.email, "Engineering Manager"),))
    p = brief(MORNING, ivs=[iv])
    draft = briefing_draft(p.briefing, ME)
    assert draft.subject == "Today: Acme Robotics at 2:00 pm"
    assert draft.to == (MYSELF,)
    body = draft.body
    for text in ("2:00 pm to 3:00 pm: Acme Robotics, Backend Engineer", "Ana Lopez (Engineering Manager)",
                 "Ben Kim", "https://meet.google.com/abc-defg-hij", briefing.QUESTION, briefing.ANSWER_LABEL):
        assert text in body


def test_b23_the_briefing_carries_only_ordinary_headers():
    p = brief(MORNING)
    raw = to_mime(briefing_draft(p.briefing, ME), ME, message_id=draft_message_id(ME, "briefing:2026-11-17"),
                  date=MORNING).decode()
    headers = {line.split(":", 1)[0].lower() for line in raw.split("\r\n\r\n", 1)[0].splitlines()
               if line and not line[0].isspace()}
    assert headers == {"from", "to", "subject", "date", "message-id", "mime-version", "content-type",
                       "content-transfer-encoding"}
    assert "interview-agent" not in raw.lower()


def test_b24_every_line_the_agent_writes_is_known_as_its_own():
    iv = interview(location="Building 4, 2nd floor, " * 6, person_titles=((ANA.email, "Engineering Manager " * 5),))
    heard = [made("iv-1:follow_up:1", kind="follow_up", created=MORNING - timedelta(days=1))]
    p = brief(MORNING, ivs=[iv], drafts=heard)
    body = briefing.text(p.briefing, ME)
    assert all(briefing.is_agent_line(line) for line in body.splitlines() if line.strip())
    # short enough that no mail client wraps them into lines of another shape (a join link aside)
    assert all(len(line) <= 76 for line in body.splitlines() if "://" not in line)


# -- B26: notes to self ----------------------------------------------------------------------------
def note(text: str, when: datetime, subject: str = "note", mid: str = "n1", folder: str = "sent",
         to=(MYSELF,)) -> Message:
    return Message(key=f"{mid}-{folder}", folder=folder, message_id=f"<{mid}@gmail.com>", date=when, sender=MYSELF,
                   to=tuple(to), subject=subject, text=text)


AFTER = END + timedelta(minutes=30)  # Tue Nov 17, 15:30


def read(*notes, ivs=None):
    return self_notes.read(list(notes), ivs or [interview()], ME)


@pytest.mark.parametrize("line, day", [
    ("Acme Robotics: by next Friday", date(2026, 11, 27)),
    ("acme robotics - December 4", date(2026, 12, 4)),
    ("Acme: within two weeks", date(2026, 12, 1)),
    ("ACME ROBOTICS said end of the month", date(2026, 11, 30)),
])
def test_b26_a_note_naming_the_company_and_a_date_sets_it(line, day):
    r = read(note(line, AFTER))
    assert r.statements["iv-1"].day == day and r.statements["iv-1"].source == "note <n1@gmail.com>"
    assert r.unplaced == []


def test_b26_a_note_in_the_subject_alone_counts():
    assert read(note("", AFTER, subject="Acme Robotics: Dec 4")).statements["iv-1"].day == date(2026, 12, 4)


def test_b26_the_phrase_resolves_against_the_notes_date():
    later = AFTER + timedelta(days=7)
    assert read(note("Acme Robotics: by Friday", later)).statements["iv-1"].day == date(2026, 11, 27)
    assert read(note("Acme Robotics: by Friday", AFTER)).statements["iv-1"].day == date(2026, 11, 20)


def test_b26_a_line_naming_two_interviews_changes_nothing_and_is_reported():
    other = interview(id="iv-2", company="Globex", company_domains=("globex.com",))
    r = read(note("Acme Robotics and Globex: both by Friday", AFTER), ivs=[interview(), other])
    assert r.statements == {} and len(r.unplaced) == 1 and "matches" in r.unplaced[0].why


def test_b26_two_rounds_at_one_company_on_other_days_are_ambiguous():
    second = interview(id="iv-2", start=START - timedelta(days=7), end=END - timedelta(days=7))
    r = read(note("Acme Robotics: by Friday", AFTER + timedelta(days=1)), ivs=[interview(), second])
    assert r.statements == {} and len(r.unplaced) == 1
    # on the day of one of them, that one is meant
    assert set(read(note("Acme Robotics: by Friday", AFTER), ivs=[interview(), second]).statements) == {"iv-1"}


def test_b26_a_line_naming_no_interview_is_reported():
    r = read(note("Initech: by next Friday", AFTER))
    assert r.statements == {} and [u.line for u in r.unplaced] == ["Initech: by next Friday"]


def test_b26_lines_without_a_date_are_not_statements():
    r = read(note("Acme Robotics: went well, they liked the demo\nbuy milk", AFTER))
    assert r.statements == {} and r.unplaced == []


def test_b26_a_past_date_is_not_placed():
    r = read(note("Acme Robotics: 2026-11-02", AFTER))
    assert r.statements == {} and "past" in r.unplaced[0].why


def test_b26_the_later_note_wins():
    r = read(note("Acme Robotics: by Friday", AFTER), note("Acme Robotics: December 11", AFTER + timedelta(days=1),
                                                            mid="n2"))
    assert r.statements["iv-1"].day == date(2026, 12, 11)


def test_b26_a_mail_to_anyone_else_is_no_note():
    cc = (MYSELF, Person("friend@example.com"))
    msgs = [note("Acme Robotics: by Friday", AFTER, to=cc)]
    rest, notes = self_notes.split(msgs, ME)
    assert notes == [] and rest == msgs


def test_b26_the_inbox_copy_of_a_note_is_read_once():
    sent = note("Acme Robotics: by Friday", AFTER)
    inbox = replace(sent, key="n1-inbox", folder="inbox")
    rest, notes = self_notes.split([inbox, sent], ME)
    assert rest == [] and notes == [sent]


def test_b26_an_alias_counts_as_the_user():
    alias = Person("jordan@work.example")
    rest, notes = self_notes.split([note("Acme Robotics: by Friday", AFTER, to=(alias,))], ME)
    assert len(notes) == 1 and rest == []


def test_b26_a_briefing_sent_back_is_read_for_the_users_lines_only():
    p = brief(MORNING, drafts=[made("iv-9:follow_up:1", kind="follow_up", created=MORNING - timedelta(days=1),
                                    iv="iv-9")])
    body = briefing.text(p.briefing, ME)
    lines = body.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith(briefing.ANSWER_LABEL))
    # nothing the agent wrote is read as a statement
    untouched = note(body, AFTER, subject=briefing.subject(p.briefing, ME))
    assert read(untouched).statements == {} and read(untouched).unplaced == []
    # a line written after the interview's lines names the date for that interview
    added = "\n".join([*lines[:at + 1], "by next Friday", *lines[at + 1:]])
    assert read(note(added, AFTER, subject=briefing.subject(p.briefing, ME))).statements["iv-1"].day == \
        date(2026, 11, 27)
    # or written on the answer line itself
    filled = "\n".join([*lines[:at], f"  {briefing.ANSWER_LABEL} December 4", *lines[at + 1:]])
    assert read(note(filled, AFTER)).statements["iv-1"].day == date(2026, 12, 4)


def test_b26_a_reply_to_the_briefing_takes_the_interview_from_its_subject():
    r = read(note("by next Friday", AFTER, subject="Re: Today: Acme Robotics at 2:00 pm"))
    assert r.statements["iv-1"].day == date(2026, 11, 27)
