"""The planner on plain data: when each draft is due, to whom, and what closes an interview."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from agent.config import Identity, Settings
from agent.core.lifecycle import plan, resolve_missing
from agent.core.model import DecisionStatement, DraftRecord, Interview, Message, Person

TZ = ZoneInfo("America/New_York")
ME = Identity(name="Jordan Lee", email="jordan.lee@gmail.com", aliases=("jordan@work.example",),
              timezone="America/New_York")
SETTINGS = Settings(state_dir=__import__("pathlib").Path("/nonexistent"))
ANA = Person("ana.lopez@acme-robotics.com", "Ana Lopez")
BEN = Person("ben.kim@acme-robotics.com", "Ben Kim")
RITA = Person("rita@acme-robotics.com", "Rita Recruiter")
START = datetime(2026, 11, 17, 14, 0, tzinfo=TZ)  # a Tuesday
END = START + timedelta(hours=1)


def interview(**kw) -> Interview:
    base = dict(id="iv-1", origin="event u1", start=START, end=END, company="Acme Robotics",
                company_domains=("acme-robotics.com",), role="Backend Engineer", contact=RITA,
                interviewers=(ANA, BEN), title="Interview: Backend Engineer", thread_message_ids=("<sched@acme>",))
    base.update(kw)
    return Interview(**base)


def mail(mid: str, when: datetime, sender: Person, text: str = "", folder: str = "inbox", to=(),
         subject: str = "Re: Interview", irt: str = "", headers=None) -> Message:
    return Message(key=mid, folder=folder, message_id=f"<{mid}>", date=when, sender=sender,
                   to=tuple(to) or ((Person(ME.email, ME.name),) if folder == "inbox" else ()),
                   subject=subject, in_reply_to=irt, references=(irt,) if irt else (), text=text,
                   headers=headers or {})


def record(key: str, kind: str, to: str, state: str = "draft", created: datetime | None = None,
           mid: str = "") -> DraftRecord:
    return DraftRecord(key=key, interview_id="iv-1", kind=kind, to=(to,), message_id=mid or f"<{key}@gmail.com>",
                       created_at=created or END + timedelta(hours=1), state=state, subject="s")


def run(now, msgs=(), drafts=(), overrides=None, iv=None, settings=SETTINGS, extra=()):
    p = plan([iv or interview(), *extra], list(msgs), list(drafts), overrides or {}, ME, settings, now)
    return p, p.views[0]


def kinds(p):
    return sorted((a.kind, a.to.email) for a in p.actions)


def test_b8_no_thank_you_before_the_end():
    p, view = run(END - timedelta(minutes=1))
    assert p.actions == [] and view.state == "upcoming"


def test_b8_b9_one_thank_you_per_interviewer_after_the_end():
    p, view = run(END + timedelta(hours=2))
    assert kinds(p) == [("thank_you", ANA.email), ("thank_you", BEN.email)]
    assert view.state == "awaiting_thank_you"


def test_b8_past_the_window_is_missed():
    p, view = run(END + timedelta(hours=25))
    assert p.actions == [] and view.state == "missed"


def test_b9_contact_gets_the_thank_you_when_no_interviewer_is_known():
    p, _ = run(END + timedelta(hours=1), iv=interview(interviewers=()))
    assert kinds(p) == [("thank_you", RITA.email)]


def test_b11_no_thank_you_to_someone_the_user_already_wrote_to():
    wrote = mail("w1", END + timedelta(minutes=30), Person(ME.email), folder="sent", to=(ANA,),
                 subject="Thanks!")
    p, view = run(END + timedelta(hours=2), [wrote])
    assert kinds(p) == [("thank_you", BEN.email)]
    assert any("you wrote to them" in line for line in view.log)


def test_b20_a_recorded_draft_is_never_planned_again_even_when_deleted():
    drafts = [record(f"iv-1:thank_you:{ANA.email}", "thank_you", ANA.email, state="deleted"),
              record(f"iv-1:thank_you:{BEN.email}", "thank_you", BEN.email, state="draft")]
    p, view = run(END + timedelta(hours=3), drafts=drafts)
    assert p.actions == [] and view.state == "thanked"


def test_b14_default_decision_is_seven_business_days():
    _, view = run(END + timedelta(hours=2))
    assert view.decision.source == "default"
    assert view.decision.day == date(2026, 11, 26)  # Tue 17th + 7 business days


def test_b12_b17_stated_date_then_follow_up_the_day_after_in_the_latest_thread():
    sched = mail("sched@acme", START - timedelta(days=3), RITA,
                 "Thanks for your time. We'll get back to you by Friday with a decision.")
    drafts = [record(f"iv-1:thank_you:{ANA.email}", "thank_you", ANA.email, state="sent")]
    friday = datetime(2026, 11, 20, 18, 0, tzinfo=TZ)
    p, view = run(friday, [sched], drafts)
    assert view.decision.day == date(2026, 11, 20) and view.decision.source == "mail <sched@acme>"
    assert p.actions == []
    p, view = run(friday + timedelta(hours=16), [sched], drafts)
    [fu] = p.actions
    assert (fu.kind, fu.to, fu.reply_to.message_id) == ("follow_up", RITA, "<sched@acme>")
    assert view.state == "follow_up_due"


def test_b13_set_decision_overrides_until_a_later_company_statement():
    sched = mail("sched@acme", START - timedelta(days=3), RITA, "We'll get back to you by Friday.")
    override = DecisionStatement(date(2026, 12, 1), "you said: Dec 1", "set-decision",
                                 datetime(2026, 11, 18, 9, 0, tzinfo=TZ))
    _, view = run(END + timedelta(days=1), [sched], overrides={"iv-1": override})
    assert view.decision.day == date(2026, 12, 1) and view.decision.source == "set-decision"
    later = mail("later@acme", datetime(2026, 11, 19, 9, 0, tzinfo=TZ), RITA,
                 "Quick update: we will have a decision by December 4.")
    _, view = run(END + timedelta(days=3), [sched, later], overrides={"iv-1": override})
    assert view.decision.day == date(2026, 12, 4)


def test_b15_auto_reply_is_not_hearing_back():
    ooo = mail("ooo", END + timedelta(days=3), RITA, "I am out of the office until Monday.",
               subject="Automatic reply: Thank you", headers={"auto-submitted": "auto-replied"})
    p, _view = run(datetime(2026, 11, 27, 9, 0, tzinfo=TZ), [ooo])
    assert [a.kind for a in p.actions] == ["follow_up"]


def test_b16_rejection_closes_and_b18_acknowledges_it():
    no = mail("no", END + timedelta(days=2), RITA,
              "Thank you for your time. Unfortunately we have decided to move forward with other candidates.")
    p, view = run(END + timedelta(days=2, hours=2), [no])
    assert view.state == "closed"
    assert [(a.kind, a.to, a.reply_to.message_id) for a in p.actions] == [("acknowledgement", RITA, "<no>")]
    assert p.outcomes[p.actions[0].key] == "rejection"


def test_b16_rejection_before_the_run_means_no_thank_you():
    no = mail("no", END + timedelta(hours=1), RITA, "Unfortunately we will not be moving forward.")
    p, _ = run(END + timedelta(hours=3), [no])
    assert kinds(p) == [("acknowledgement", RITA.email)]


def test_b18_offer_closes_without_acknowledgement():
    offer = mail("yes", END + timedelta(days=2), RITA, "We are pleased to offer you the position!")
    drafts = [record(f"iv-1:thank_you:{p.email}", "thank_you", p.email, "sent") for p in (ANA, BEN)]
    p, view = run(END + timedelta(days=2, hours=1), [offer], drafts)
    assert p.actions == [] and view.state == "closed"


def test_b18_rejection_from_no_reply_is_acknowledged_to_the_contact():
    bot = Person("no-reply@greenhouse.io", "Acme Robotics")
    no = mail("gh", END + timedelta(days=2), bot,
              "Dear Jordan, thank you for interviewing with Acme Robotics. Unfortunately we have decided "
              "not to proceed with your application.", subject="Your application to Acme Robotics")
    p, _ = run(END + timedelta(days=2, hours=1), [no])
    assert [(a.kind, a.to) for a in p.actions] == [("acknowledgement", RITA)]


def test_b16_b17_new_timeline_moves_the_date_and_the_watch_goes_on():
    sched = mail("sched@acme", START - timedelta(days=3), RITA, "We'll get back to you by Friday.")
    delay = mail("delay", datetime(2026, 11, 20, 10, 0, tzinfo=TZ), RITA,
                 "Sorry for the wait, we need another week to finish the other interviews.")
    p, view = run(datetime(2026, 11, 23, 9, 0, tzinfo=TZ), [sched, delay])
    assert view.decision.day == date(2026, 11, 27) and p.actions == []


def test_b17_at_most_max_follow_ups():
    drafts = [record("iv-1:follow_up:1", "follow_up", RITA.email, "sent",
                     created=datetime(2026, 11, 27, 9, 0, tzinfo=TZ))]
    p, view = run(datetime(2026, 12, 4, 9, 0, tzinfo=TZ), drafts=drafts)
    assert p.actions == [] and view.state == "followed_up"


def test_b18_answer_to_a_sent_follow_up_is_acknowledged_to_whoever_wrote():
    fu_sent = datetime(2026, 11, 27, 9, 0, tzinfo=TZ)
    drafts = [record("iv-1:follow_up:1", "follow_up", RITA.email, "sent", created=fu_sent, mid="<fu@gmail.com>")]
    sent_copy = mail("fu@gmail.com", fu_sent, Person(ME.email), folder="sent", to=(RITA,))
    answer = mail("ans", fu_sent + timedelta(days=1), ANA, "Thanks for checking in! We'll be in touch soon.",
                  irt="<fu@gmail.com>")
    p, view = run(fu_sent + timedelta(days=1, hours=2), [sent_copy, answer], drafts)
    assert [(a.kind, a.to) for a in p.actions] == [("acknowledgement", ANA)]
    assert view.state == "heard_back"


def test_b2_later_round_scheduled_after_the_first_closes_it():
    invite2 = mail("round2", END + timedelta(days=2), RITA, "We'd like to invite you to the final round.")
    round2 = interview(id="iv-2", origin="event u2", start=END + timedelta(days=7),
                       end=END + timedelta(days=7, hours=3), thread_message_ids=("<round2>",))
    _p, view = run(END + timedelta(days=9), [invite2], extra=[round2])
    assert view.state == "closed"


def test_b20_missing_draft_is_sent_when_in_sent_else_deleted():
    rec = record("k", "thank_you", ANA.email, mid="<d1@gmail.com>")
    copy = mail("d1@gmail.com", END + timedelta(hours=3), Person(ME.email), folder="sent", to=(ANA,))
    assert resolve_missing(rec, [copy]) == "sent"
    assert resolve_missing(rec, []) == "deleted"
