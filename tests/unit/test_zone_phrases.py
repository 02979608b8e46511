"""Times of day as people write them (agent/core/zone_phrases.py) and the sent-mail interviews that need
them and their thread (agent/core/sent_interviews.py): B1, B2, B6 (issue 13 class 8)."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count
from zoneinfo import ZoneInfo

import pytest

from agent.config import Identity
from agent.core import zone_phrases
from agent.core.model import Message, Person
from agent.core.sent_interviews import detect_sent, find_datetimes

NY = ZoneInfo("America/New_York")
LA = ZoneInfo("America/Los_Angeles")
KOLKATA = ZoneInfo("Asia/Kolkata")
SYDNEY = ZoneInfo("Australia/Sydney")
_ids = count()


def me(zone: str) -> Identity:
    return Identity(name="Jordan Lee", email="jordan.lee@gmail.com", aliases=(), timezone=zone, own_domains=())


def read(sentence: str, base: datetime, zone: str) -> list[datetime]:
    text, marks = zone_phrases.take_zones(zone_phrases.with_bare_hours(sentence))
    found = find_datetimes(text, base, zone)
    return [dt for _, dt, _ in zone_phrases.place_in_zones(found, text, marks, zone)]


# --- B1: zones written after a time ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,zone,expected", [
    ("Tuesday, December 8 at 10:30 AM PT works", "America/New_York", datetime(2026, 12, 8, 10, 30, tzinfo=LA)),
    ("Thursday, December 3 at 2 pm Central works", "America/New_York",
     datetime(2026, 12, 3, 14, 0, tzinfo=ZoneInfo("America/Chicago"))),
    ("Thursday, December 3 at 2pm Eastern Time", "America/Los_Angeles", datetime(2026, 12, 3, 14, 0, tzinfo=NY)),
    ("Thursday, December 3 at 2pm London time", "America/New_York",
     datetime(2026, 12, 3, 14, 0, tzinfo=ZoneInfo("Europe/London"))),
    ("Monday, December 7 at 16:00 CET", "America/New_York",
     datetime(2026, 12, 7, 16, 0, tzinfo=ZoneInfo("Europe/Paris"))),
    ("Thursday, December 3 at 10am (PT)", "America/New_York", datetime(2026, 12, 3, 10, 0, tzinfo=LA)),
    ("Thursday, December 3 at 9am AEDT", "America/New_York", datetime(2026, 12, 3, 9, 0, tzinfo=SYDNEY)),
])
def test_b1_zone_word_after_a_time_places_it(sentence, zone, expected):
    assert read(sentence, datetime(2026, 12, 1, 9, 0, tzinfo=NY), zone)[0] == expected


@pytest.mark.parametrize("sentence,user_zone,expected_zone", [
    ("Wednesday, December 2 at 9:00 PM IST works", "Asia/Kolkata", "Asia/Kolkata"),
    ("Wednesday, December 2 at 9:00 PM IST works", "America/New_York", "Asia/Kolkata"),  # the common meaning
    ("Wednesday, December 2 at 9:00 PM IST works", "Asia/Jerusalem", "Asia/Jerusalem"),
    ("Thursday, December 3 at 2pm CST", "Asia/Shanghai", "Asia/Shanghai"),
    ("Thursday, December 3 at 2pm CST", "America/Chicago", "America/Chicago"),
    ("Thursday, December 3 at 2pm CST", "Europe/Berlin", "America/Chicago"),
    ("Thursday, June 4 at 2pm BST", "Europe/London", "Europe/London"),
    ("Thursday, June 4 at 2pm BST", "Asia/Dhaka", "Asia/Dhaka"),
])
def test_b1_ambiguous_abbreviation_is_read_by_the_users_zone(sentence, user_zone, expected_zone):
    wall = read(sentence, datetime(2026, 6 if "June" in sentence else 12, 1, 9, 0, tzinfo=NY), user_zone)[0]
    assert wall.utcoffset() == wall.replace(tzinfo=ZoneInfo(expected_zone)).utcoffset()
    assert wall.tzinfo == ZoneInfo(expected_zone)


@pytest.mark.parametrize("sentence,user_zone,expected_zone", [
    ("Wednesday, December 2 at 9:00 PM IST works for me (7:30 AM PT for you)", "America/New_York", "Asia/Kolkata"),
    ("Wednesday, December 2 at 9:00 PM IST works for me (2:00 PM ET for you)", "Asia/Kolkata", "Asia/Jerusalem"),
    ("Thursday, December 3 at 2pm CST (3pm ET)", "Asia/Shanghai", "America/Chicago"),
])
def test_b1_ambiguous_abbreviation_agrees_with_a_cross_check_in_the_same_sentence(sentence, user_zone,
                                                                                   expected_zone):
    wall = read(sentence, datetime(2026, 12, 1, 9, 0, tzinfo=NY), user_zone)[0]
    assert wall.tzinfo == ZoneInfo(expected_zone)


@pytest.mark.parametrize("sentence,expected", [
    ("Friday at 11 works", "Friday at 11am works"),
    ("Friday at 2 works", "Friday at 2pm works"),
    ("Friday at 12 works", "Friday at 12pm works"),
    ("Friday at 9:30 works", "Friday at 9:30am works"),
    ("Friday at 3pm works", "Friday at 3pm works"),
    ("Friday at 10 AM works", "Friday at 10 AM works"),
    ("Friday at 4 o'clock", "Friday at 4 o'clock"),
    ("at 25 Main Street", "at 25 Main Street"),
])
def test_b1_bare_hour_after_at_is_a_working_hours_time(sentence, expected):
    assert zone_phrases.with_bare_hours(sentence) == expected


def test_b1_time_without_a_zone_floats_in_the_users_zone():
    [dt] = read("Friday at 11 works for me.", datetime(2026, 11, 24, 12, 40, tzinfo=SYDNEY), "Australia/Sydney")
    assert dt == datetime(2026, 11, 27, 11, 0, tzinfo=SYDNEY)


# --- B2: the sent line needs the hiring context of its thread -----------------------------------------------

VAL = Person("valeria@lumora.ai", "Valeria Quintero")
TOMAS = Person("tomas.ortega@lumora.ai", "Tomás Ortega")
JORDAN = Person("jordan.lee@gmail.com", "Jordan Lee")


def msg(when: datetime, *, folder: str, sender: Person, to: tuple[Person, ...], subject: str, text: str,
        cc: tuple[Person, ...] = (), reply_to_id: str = "") -> Message:
    n = next(_ids)
    return Message(key=f"k{n}", folder=folder, message_id=f"<z{n}@test>", date=when, sender=sender, to=to, cc=cc,
                   subject=subject, text=text, in_reply_to=reply_to_id,
                   references=(reply_to_id,) if reply_to_id else ())


def ask_and_reply(ask_text: str, reply_text: str, *, subject: str = "Next steps with Lumora", zone: ZoneInfo = NY,
                  sender: Person = VAL, cc: tuple[Person, ...] = (TOMAS,)):
    ask = msg(datetime(2026, 12, 1, 9, 14, tzinfo=LA), folder="inbox", sender=sender, to=(JORDAN,), cc=cc,
              subject=subject, text=ask_text)
    reply = msg(datetime(2026, 12, 1, 13, 2, tzinfo=zone), folder="sent", sender=JORDAN, to=(sender,), cc=cc,
                subject=f"Re: {subject}", text=reply_text, reply_to_id=ask.message_id)
    return ask, reply


def test_b2_confirmation_without_interview_words_counts_in_a_thread_about_a_role():
    ask, reply = ask_and_reply(
        "Tomás Ortega, our Head of Data (cc'd), would love to continue the conversation about the Senior Data "
        "Engineer role. Would Tuesday, December 8 at 10:30 AM PT work for a 45-minute video call?",
        "Hi Valeria,\n\nTuesday, December 8 at 10:30 AM PT works for me. Looking forward to the interview with "
        "Tomás.\n\nBest,\nJordan")
    iv = detect_sent(reply, me("America/New_York"), [ask])
    assert iv is not None
    assert iv.start == datetime(2026, 12, 8, 13, 30, tzinfo=NY)
    assert [p.email for p in iv.interviewers] == [TOMAS.email]  # named past the greeting: the one to meet
    assert iv.contact == VAL and iv.role == "Senior Data Engineer"
    assert any("PT = America/Los_Angeles" in r for r in iv.reasons)


@pytest.mark.parametrize("ask_text", [
    "I lead the embedded team and your background caught my eye for our Firmware Lead opening.",
    "Thanks for applying to the Staff Mobile Engineer role! Could we talk this week?",
    "We'd love to talk about the open position on our data team - it's for the Analytics Lead role.",
])
def test_b2_hiring_context_from_the_companys_mail(ask_text):
    ask, reply = ask_and_reply(ask_text, "Confirming our call on Thursday at 2pm ET.", subject="Hello", cc=())
    assert detect_sent(reply, me("America/Los_Angeles"), [ask]) is not None


@pytest.mark.parametrize("ask_text", [
    "The next step is a 30-minute call - a quick interview-style fact find about income and savings.",
    "Thanks for your mortgage application. When suits you this week?",
    "Want to grab coffee on Thursday? It's been ages.",
])
def test_b2_no_hiring_context_no_interview(ask_text):
    ask, reply = ask_and_reply(ask_text, "Confirming our call on Thursday at 2pm ET.", subject="Next steps", cc=())
    assert detect_sent(reply, me("America/Los_Angeles"), [ask]) is None


def test_b2_without_the_thread_a_plain_confirmation_is_not_an_interview():
    _, reply = ask_and_reply("About the Senior Data Engineer role.", "Tuesday at 10:30 AM PT works for me.")
    assert detect_sent(reply, me("America/New_York")) is None


def test_b2_floating_time_in_the_users_zone_and_the_named_recipient_is_the_interviewer():
    zara = Person("zara@saltbush.com.au", "Zara Whitlam")
    mia = Person("mia.kovac@saltbush.com.au", "Mia Kovac")
    ask = msg(datetime(2026, 11, 24, 9, 0, tzinfo=SYDNEY), folder="inbox", sender=zara, to=(JORDAN,), cc=(mia,),
              subject="Saltbush - Senior Product Designer interview", text="Any time between 10 and 12 on Friday.")
    reply = msg(datetime(2026, 11, 24, 12, 40, tzinfo=SYDNEY), folder="sent", sender=JORDAN, to=(zara,), cc=(mia,),
                subject="Re: Saltbush - Senior Product Designer interview",
                text="Hi Zara,\n\nFriday at 11 works for me. Looking forward to meeting Mia!\n\nCheers,\nJordan",
                reply_to_id=ask.message_id)
    iv = detect_sent(reply, me("Australia/Sydney"), [ask])
    assert iv is not None and iv.start == datetime(2026, 11, 27, 11, 0, tzinfo=SYDNEY)
    assert iv.end - iv.start == timedelta(hours=1)
    assert [p.email for p in iv.interviewers] == [mia.email] and iv.contact == zara


def test_b2_nobody_named_past_the_greeting_means_the_addressee_is_the_interviewer():
    ask, reply = ask_and_reply("About the Firmware Lead opening.", "Hi Valeria,\n\nConfirming our call on "
                               "Thursday at 2pm ET.\n\nJordan", cc=())
    iv = detect_sent(reply, me("America/New_York"), [ask])
    assert iv is not None and [p.email for p in iv.interviewers] == [VAL.email]


def test_b2_ist_with_a_pacific_cross_check_for_a_user_in_kolkata():
    carly = Person("carly@pinyonpay.com", "Carly Benson")
    ask, reply = ask_and_reply("Thanks for applying to the Staff Mobile Engineer role at Pinyon Pay!",
                               "Wednesday, December 2 at 9:00 PM IST works for me (7:30 AM PT for you).",
                               subject="Phone screen - Staff Mobile Engineer", zone=KOLKATA, sender=carly, cc=())
    iv = detect_sent(reply, me("Asia/Kolkata"), [ask])
    assert iv is not None and iv.start == datetime(2026, 12, 2, 21, 0, tzinfo=KOLKATA)
