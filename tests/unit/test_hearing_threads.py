"""Hearing back through an applicant-tracking system (B15, B18 with B13) and the thread a follow-up
answers (B17): the rules of agent.core.hearing and agent.core.threads, and the planner using them."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agent.config import Identity, Settings
from agent.core import hearing, threads
from agent.core.lifecycle import plan
from agent.core.model import DecisionStatement, DraftRecord, Event, Interview, Message, Person
from agent.core.replies import is_auto_reply

TZ = ZoneInfo("America/New_York")
ME = Identity(name="Jordan Lee", email="jordan.lee@gmail.com", timezone="America/New_York")
USER = Person(ME.email, ME.name)
SETTINGS = Settings(state_dir=__import__("pathlib").Path("/nonexistent"))
ANA = Person("ana.lopez@acme-robotics.com", "Ana Lopez")
RITA = Person("rita.moss@acme-robotics.com", "Rita Moss")
GREENHOUSE = Person("no-reply@us.greenhouse-mail.io", "Acme Robotics Recruiting")
ASHBY = Person("no-reply@ashbyhq.com", "Acme Robotics")
START = datetime(2026, 11, 17, 14, 0, tzinfo=TZ)  # a Tuesday
END = START + timedelta(hours=1)
AUTO = {"auto-submitted": "auto-generated"}


def interview(**kw) -> Interview:
    base = {"id": "iv-1", "origin": "event u1", "start": START, "end": END, "company": "Acme Robotics",
            "company_domains": ("acme-robotics.com",), "role": "Backend Engineer", "contact": RITA,
            "interviewers": (ANA,), "title": "Invitation: Backend Engineer interview",
            "thread_message_ids": ("<inv@google.com>",)}
    base.update(kw)
    return Interview(**base)


def mail(mid: str, when: datetime, sender: Person, text: str = "", *, subject: str = "Hello", folder: str = "inbox",
         to=(), reply_to=(), irt: str = "", headers=None, events=()) -> Message:
    return Message(key=mid, folder=folder, message_id=f"<{mid}>", date=when, sender=sender,
                   to=tuple(to) or ((USER,) if folder == "inbox" else ()), reply_to=tuple(reply_to),
                   subject=subject, in_reply_to=irt, references=(irt,) if irt else (), text=text,
                   headers=headers or {}, events=tuple(events))


def ats(mid: str, when: datetime, text: str, subject: str = "Your application to Acme Robotics", *,
        sender: Person = GREENHOUSE, reply_to=(RITA,), headers=AUTO) -> Message:
    return mail(mid, when, sender, text, subject=subject, reply_to=reply_to, headers=headers)


def judge(m: Message) -> hearing.Hearing:
    return hearing.judge(m, interview(), ME.addresses, TZ)


# ------------------------------------------------------------------------------------------ B15 / B18


@pytest.mark.parametrize("text,kind", [
    ("Unfortunately, we won't be moving forward with your candidacy for this position.", "rejection"),
    ("We've decided to offer the role to another candidate.", "rejection"),
    ("Congratulations! We're excited to offer you the position of Backend Engineer.", "offer"),
    ("Great news - the team would like to move you forward to the final round!", "next_round"),
    ("We are finalizing decisions and will be in touch by Friday, November 20.", "timeline"),
    ("The team expects to share a decision by Dec 18.", "timeline"),
])
@pytest.mark.parametrize("sender", [GREENHOUSE, ASHBY, Person("careers@acme-robotics.com", "Acme Careers")])
def test_b15_ats_mail_with_the_companys_word_counts_as_the_reply_to_person(text, kind, sender):
    heard = judge(ats("a1", END + timedelta(days=1), f"Hi Jordan,\n\n{text}\n\nRita Moss", sender=sender))
    assert heard.counts and heard.verdict.kind == kind
    assert heard.person == RITA
    assert "rita.moss@acme-robotics.com" in heard.why


def test_b15_ats_mail_without_reply_to_counts_as_the_person_its_signature_names():
    text = "Hi Jordan,\n\nUnfortunately, we will not be moving forward.\n\nBest,\nRita Moss\nRecruiting, Acme Robotics"
    heard = judge(ats("a1", END + timedelta(days=3), text, reply_to=()))
    assert heard.counts and heard.person == RITA


def test_b15_ats_mail_naming_nobody_counts_and_the_contact_stands_in():
    heard = judge(ats("a1", END + timedelta(days=3), "We have decided not to proceed.", reply_to=()))
    assert heard.counts and heard.person is None


def test_b15_ats_mail_is_heard_wherever_it_is_threaded_and_without_auto_submitted():
    m = ats("a1", END + timedelta(days=3), "We regret to inform you that the position has been filled.",
            subject="Re: Thank you for applying to Acme Robotics!", headers={})
    m = Message(**{**m.__dict__, "in_reply_to": "<receipt@ashbyhq.com>", "references": ("<receipt@ashbyhq.com>",)})
    heard = judge(m)
    assert heard.counts and heard.verdict.kind == "rejection"


@pytest.mark.parametrize("subject,text,headers", [
    ("How did we do? Tell us about your interview experience",
     "Thank you for interviewing with Acme Robotics. This 2-minute survey is anonymous.", AUTO),
    ("Reminder: voluntary self-identification for Acme Robotics",
     "Please complete it by November 20 if you wish to participate.", AUTO),
    ("New jobs at Acme Robotics that match your profile", "New openings: Data Platform Engineer.",
     {**AUTO, "precedence": "bulk", "list-unsubscribe": "<https://x.example/u>"}),
    ("Acme Robotics newsletter", "We'd like you to meet our new CTO at our open house.", AUTO),
    ("Your application", "Thanks for applying! Our team will review your application.", AUTO),
    ("Interview reminder", "Your interview is tomorrow at 2pm.", {}),
])
def test_b15_surveys_reminders_alerts_and_receipts_never_count(subject, text, headers):
    heard = judge(ats("a1", END + timedelta(days=2), text, subject=subject, headers=headers))
    assert not heard.counts


@pytest.mark.parametrize("m", [
    mail("o1", END + timedelta(hours=1), RITA, "I'm out of the office until November 30.",
         subject="Automatic reply: Thank you", headers={"auto-submitted": "auto-replied"}),
    mail("o2", END + timedelta(hours=1), RITA, "Ich bin bis zum 30. November nicht im Büro.",
         subject="Automatische Antwort: Danke"),
    mail("b1", END + timedelta(hours=1), Person("mailer-daemon@mx.acme-robotics.com"),
         "Delivery failed. We will not be moving forward.", subject="Undeliverable: Thank you"),
    mail("b2", END + timedelta(hours=1), Person("postmaster@acme-robotics.com"), "Could not deliver.",
         headers={"content-type": "multipart/report; report-type=delivery-status"}),
])
def test_b15_out_of_office_and_bounces_never_count_even_with_decision_words(m):
    assert not judge(m).counts


def test_b15_a_persons_mail_counts_whatever_it_says():
    heard = judge(mail("h1", END + timedelta(days=1), RITA, "Could you send me the writing sample?"))
    assert heard.counts and heard.verdict.kind == "other" and heard.person == RITA


def run(now, msgs, drafts=(), overrides=None, iv=None):
    p = plan([iv or interview()], list(msgs), list(drafts), overrides or {}, ME, SETTINGS, now)
    return p, p.views[0]


def test_b15_b18_ats_rejection_closes_and_is_acknowledged_to_the_reply_to_person():
    rej = ats("r1", END + timedelta(days=3), "Unfortunately, we won't be moving forward with your application.",
              reply_to=(Person("mia.chen@acme-robotics.com", "Mia Chen"),))
    p, view = run(END + timedelta(days=3, hours=1), [rej])
    assert view.state == "closed"
    assert [(a.kind, a.to.email, a.reply_to.message_id) for a in p.actions] == [
        ("acknowledgement", "mia.chen@acme-robotics.com", "<r1>")]


@pytest.mark.parametrize("text,kind", [
    ("We're pleased to offer you the position. Please sign by December 4.", "offer"),
    ("We'd like to invite you to the final round. Please share your availability by Friday, November 20.",
     "next_round"),
])
def test_b15_b16_ats_offer_or_next_round_closes_without_acknowledgement_or_follow_up(text, kind):
    m = ats("o1", END + timedelta(days=2), text, sender=ASHBY)
    p, view = run(END + timedelta(days=30), [m])
    assert view.state == "closed" and p.actions == []
    assert any(f"({kind})" in line for line in view.log)


def test_b13_b15_a_later_ats_timeline_replaces_set_decision():
    override = DecisionStatement(date(2026, 11, 30), "set by you", "set-decision", END + timedelta(days=1))
    later = ats("t1", END + timedelta(days=2), "We will be in touch by Friday, November 20.")
    _, view = run(END + timedelta(days=2, hours=1), [later], overrides={"iv-1": override})
    assert view.decision.day == date(2026, 11, 20)
    _, view = run(END + timedelta(days=2, hours=1), [], overrides={"iv-1": override})
    assert view.decision.day == date(2026, 11, 30)


def test_b15_a_survey_with_a_date_moves_nothing():
    survey = ats("s1", END + timedelta(days=1), "Please complete the survey by November 20. We will decide by "
                                                "November 19.", subject="How did we do?")
    _, view = run(END + timedelta(days=2), [survey])
    assert view.decision.source == "default"
    assert any("survey" in line for line in view.log)


# ------------------------------------------------------------------------------------------ B17 threads

def event() -> Event:
    return Event(uid="u1", start=START, end=END, summary="Backend Engineer interview")


def pick(msgs, email=RITA.email, iv=None, own=()):
    iv = iv or interview()
    return threads.follow_up_thread(iv, email, msgs, msgs, own, is_auto_reply,
                                    lambda m: False, TZ)


SCHED = mail("sched", START - timedelta(days=5), RITA, "Your interview with Ana is on Tuesday.",
             subject="Next steps - Backend Engineer")
INVITE = mail("inv@google.com", START - timedelta(days=5), RITA, "Invitation from Google Calendar",
              subject="Invitation: Backend Engineer interview @ Tue Nov 17, 2026 2pm (EST) (jordan.lee@gmail.com)",
              events=(event(),))


def test_b17_never_a_calendar_notification():
    assert pick([SCHED, INVITE]) is SCHED
    assert pick([INVITE]) is None


@pytest.mark.parametrize("subject", [
    "Updated invitation: Backend Engineer interview @ Tue Nov 17, 2026 2pm (EST) (jordan.lee@gmail.com)",
    "Invitation from an unknown sender: Interview with Acme Robotics @ Tue Nov 17, 2026 2pm (EST)",
    "Canceled event with note: Backend Engineer interview @ Tue Nov 17, 2026",
    "Canceled event: Backend Engineer interview",
    "Cancelled: Backend Engineer interview",
    "Accepted: Backend Engineer interview",
    "Declined: Backend Engineer interview",
])
def test_b17_calendar_subjects_are_notifications_even_without_a_calendar_part(subject):
    m = mail("c1", START + timedelta(days=1), RITA, "This event has been changed.", subject=subject)
    assert threads.is_calendar_notification(m)
    assert pick([SCHED, m]) is SCHED


def test_b17_an_outlook_meeting_request_is_a_notification():
    m = mail("c1", START - timedelta(days=4), RITA, "Interview with Ana Lopez: system design.",
             subject="Backend Engineer | Jordan Lee", events=(event(),))
    assert pick([SCHED, m]) is SCHED


def test_b17_never_an_auto_reply_or_a_bounce():
    thanks = mail("ty", END + timedelta(hours=1), USER, "Thank you for the interview!", folder="sent", to=(RITA,),
                  subject="Thank you - Backend Engineer interview")
    ooo = mail("ooo", END + timedelta(hours=2), RITA, "I'm out of the office until November 30.",
               subject="Automatic reply: Thank you - Backend Engineer interview", irt="<ty>",
               headers={"auto-submitted": "auto-replied"})
    assert pick([SCHED, thanks, ooo]) is thanks


def test_b17_a_human_reply_in_a_calendar_thread_counts_and_its_subject_is_cleaned():
    reply = mail("r1", START - timedelta(days=4), RITA, "Looking forward to it!",
                 subject="Re: " + INVITE.subject, irt=INVITE.message_id)
    assert pick([INVITE, reply]) is reply
    assert threads.human_subject(reply.subject) == "Backend Engineer interview"


def test_b17_never_a_thread_about_something_else():
    quick = mail("q1", END + timedelta(days=6), RITA, "Are you still in touch with Mateo? We have a Data Engineer "
                 "opening on another team.", subject="Quick request")
    assert pick([SCHED, quick]) is SCHED


@pytest.mark.parametrize("text,subject", [
    ("How did the conversation with Ana go?", "Checking in"),  # an interviewer's first name
    ("Any questions about the Backend Engineer role?", "Checking in"),  # the role
    ("Thanks for your interview today.", "Today"),  # the word
    ("Hope it went well with Acme Robotics!", "Checking in"),  # the company as written
    ("I'll let you know as soon as I hear back from Acme.", "How was Acme?"),  # as people shorten it
])
def test_b17_a_later_mail_that_speaks_of_the_interview_belongs(text, subject):
    later = mail("l1", END + timedelta(days=2), RITA, text, subject=subject)
    assert pick([SCHED, later]) is later


def test_b17_a_later_mail_with_the_companys_word_belongs():
    later = mail("l1", END + timedelta(days=2), RITA, "We'll decide within two weeks.", subject="Thanks")
    found = threads.follow_up_thread(interview(), RITA.email, [SCHED, later], [SCHED, later], (), is_auto_reply,
                                     lambda m: m is later, TZ)
    assert found is later


def test_b17_the_run_up_belongs_and_replies_to_a_thread_stay_in_it():
    logistics = mail("l1", START - timedelta(days=1), RITA, "Parking is behind the building.", subject="Tomorrow")
    reply = mail("l2", END + timedelta(days=5), RITA, "One more thing about parking.", subject="Re: Tomorrow",
                 irt="<l1>")
    assert pick([logistics]) is logistics
    assert pick([logistics, reply]) is reply


def test_b17_the_users_own_mail_to_them_counts():
    thanks = mail("ty", END + timedelta(hours=1), USER, "Thanks!", folder="sent", to=(RITA,), subject="Thanks")
    assert pick([SCHED, thanks], own=["<ty>"]) is thanks


def test_b17_no_reply_mail_is_no_thread():
    m = ats("a1", END + timedelta(days=1), "Your interview feedback is in.", sender=GREENHOUSE)
    assert pick([m]) is None


@pytest.mark.parametrize("original,expected", [
    ("Invitation: Backend Engineer Interview - Jordan Lee @ Tue Nov 10, 2026 2pm (EST) (jordan.lee@gmail.com)",
     "Backend Engineer Interview - Jordan Lee"),
    ("Re: Updated invitation: Interview @ Mon Nov 23, 2026 1pm - 2pm (PST) (jordan.lee@gmail.com)", "Interview"),
    ("AW: Interview – Embedded Software Engineer", "Interview – Embedded Software Engineer"),
    ("RE: Re: Next steps", "Next steps"),
    ("Accepted: Backend Engineer interview", "Backend Engineer interview"),
    ("Invitation:", ""),
])
def test_b17_human_subject(original, expected):
    assert threads.human_subject(original) == expected


def test_b17_planner_follow_up_without_a_human_thread_is_a_new_message():
    p, view = run(datetime(2026, 11, 27, 9, 0, tzinfo=TZ), [INVITE], iv=interview(contact=ANA))
    [action] = p.actions
    assert action.kind == "follow_up" and action.reply_to is None
    assert any("new message" in line for line in view.log)


def test_b17_planner_follows_up_in_the_scheduling_thread_not_the_invitation():
    thank_you = DraftRecord("iv-1:thank_you:ana", "iv-1", "thank_you", (ANA.email,), "<ty@gmail.com>",
                            END + timedelta(hours=1), state="sent")
    p, view = run(datetime(2026, 11, 27, 9, 0, tzinfo=TZ), [SCHED, INVITE], drafts=[thank_you])
    [action] = p.actions
    assert action.reply_to is SCHED
    assert any("follow-up in the thread of <sched>" in line for line in view.log)
