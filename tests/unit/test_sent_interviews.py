"""Interviews known only from the user's sent mail (agent/sent_interviews.py): B2."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from agent.config import Identity
from agent.core.model import Message, Person
from agent.core.sent_interviews import detect_sent

NY = ZoneInfo("America/New_York")
ME = Identity(name="Jordan Lee", email="jordan.lee@gmail.com", aliases=("jordan@lee.dev",),
              timezone="America/New_York", own_domains=("globex.com",))
JORDAN = Person("jordan.lee@gmail.com", "Jordan Lee")
MAYA = Person("maya.chen@acme-robotics.com", "Maya Chen")


def mail(sender: Person | None, subject: str = "Invitation", text: str = "", **kw) -> Message:
    return Message(key=kw.pop("key", "k1"), folder=kw.pop("folder", "inbox"),
                   message_id=kw.pop("message_id", "<inv-1@mail.acme>"),
                   date=kw.pop("date", datetime(2026, 11, 26, 9, 0, tzinfo=NY)), sender=sender, subject=subject,
                   text=text, **kw)


def emails(people) -> list[str]:
    return [p.email for p in people]


# --- B2: interviews known only from sent mail ---------------------------------------------------------------

def sent(text: str, subject: str = "Re: Next steps", to=(MAYA,), **kw) -> Message:
    return mail(JORDAN, subject=subject, text=text, folder="sent", to=to, message_id="<s1@gmail.com>", **kw)


def test_b2_sent_confirmation_with_date_and_time_is_an_interview():
    iv = detect_sent(sent("Hi Maya,\nConfirming our interview on Tuesday, December 1 at 2:00 pm ET. "
                          "Thanks!\nJordan"), ME)
    assert iv is not None
    assert iv.start == datetime(2026, 12, 1, 14, 0, tzinfo=NY)
    assert iv.end - iv.start == timedelta(hours=1)
    assert iv.company == "Acme Robotics" and iv.contact == MAYA
    assert emails(iv.interviewers) == [MAYA.email]
    assert iv.origin == "sent <s1@gmail.com>" and iv.thread_message_ids[0] == "<s1@gmail.com>"


def test_b2_sent_onsite_with_weekday_and_stated_duration():
    iv = detect_sent(sent("See you Thursday at 10am for the onsite! I understand it is a 45-minute session."), ME)
    assert iv is not None
    assert iv.start == datetime(2026, 12, 3, 10, 0, tzinfo=NY)
    assert iv.end - iv.start == timedelta(minutes=45)


def test_b2_sent_availability_for_phone_screen_counts():
    iv = detect_sent(sent("I'm available for the phone screen on Dec 3 at 11:30."), ME)
    assert iv is not None and iv.start == datetime(2026, 12, 3, 11, 30, tzinfo=NY)


def test_b2_sent_confirmation_to_free_mail_recruiter_takes_company_from_text():
    recruiter = Person("bill.recruits@gmail.com", "Bill Lumbergh")
    iv = detect_sent(sent("Looking forward to our interview at Initech tomorrow at 3pm.", to=(recruiter,)), ME)
    assert iv is not None
    assert iv.company == "Initech" and iv.company_domains == ()
    assert iv.start == datetime(2026, 11, 27, 15, 0, tzinfo=NY)


def test_b2_when_are_you_free_is_not_a_confirmation():
    assert detect_sent(sent("When are you free for an interview next week? Thanks, Jordan"), ME) is None


def test_b2_several_proposed_times_are_not_a_confirmation():
    text = "For the interview, Tuesday at 2pm or Wednesday at 10am both work on my side."
    assert detect_sent(sent(text), ME) is None


def test_b2_past_dates_are_not_an_interview_to_track():
    assert detect_sent(sent("Thank you for the interview yesterday at 3pm."), ME) is None
    assert detect_sent(sent("Confirming the interview on Nov 3 at 2pm."), ME) is None


def test_b2_date_without_time_is_not_enough():
    assert detect_sent(sent("Confirming our interview on December 1."), ME) is None


def test_b2_mail_to_colleagues_is_not_an_interview():
    colleague = Person("pat@globex.com", "Pat")
    assert detect_sent(sent("Confirming the interview on Dec 3 at 11:30.", to=(colleague,)), ME) is None


def test_b2_inbox_mail_is_not_a_sent_confirmation():
    msg = replace(sent("Confirming our interview on Dec 3 at 11:30."), folder="inbox")
    assert detect_sent(msg, ME) is None


def test_b2_sent_interview_id_is_stable_per_message():
    a = detect_sent(sent("Confirming our interview on Dec 3 at 11:30."), ME)
    b = detect_sent(sent("Confirming our interview on Dec 3 at 11:30."), ME)
    assert a is not None and b is not None and a.id == b.id
