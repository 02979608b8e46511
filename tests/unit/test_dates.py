"""Decision dates read from company mail (B12), ordered (B13), defaulted (B14), and typed by the user."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agent.core.dates import (
    business_days_after,
    default_decision,
    find_decision_statements,
    latest_statement,
    parse_user_date,
    split_sentences,
)
from agent.core.model import DecisionStatement

NY = ZoneInfo("America/New_York")
THU = datetime(2026, 11, 26, 10, 0, tzinfo=NY)  # Thursday (Thanksgiving), mid-morning
FRI = datetime(2026, 11, 27, 16, 0, tzinfo=NY)  # Friday afternoon
MONTH_END = datetime(2026, 11, 30, 9, 0, tzinfo=NY)  # Monday, last day of the month
YEAR_END = datetime(2026, 12, 31, 9, 0, tzinfo=NY)  # Thursday, last day of the year


def days(text: str, at: datetime = THU, tz: ZoneInfo = NY) -> list[date]:
    return [s.day for s in find_decision_statements(text, stated_at=at, tz=tz, source="mail <m@x>")]


# (id, base, sentence, expected day)
PHRASES = [
    # weekdays and short horizons, said on Thursday 2026-11-26
    ("by_friday", THU, "We will make a decision by Friday.", date(2026, 11, 27)),
    ("by_eod_friday", THU, "We'll make a decision by end of day Friday.", date(2026, 11, 27)),
    ("by_eod_thursday_is_next_week", THU, "You'll hear from us by EOD Thursday.", date(2026, 12, 3)),
    ("cob_today", THU, "I'll get back to you by COB today.", date(2026, 11, 26)),
    ("bare_monday", THU, "We'll let you know Monday.", date(2026, 11, 30)),
    ("next_monday", THU, "We'll let you know next Monday.", date(2026, 11, 30)),
    ("next_friday_is_next_weeks", THU, "We'll decide next Friday.", date(2026, 12, 4)),
    ("this_coming_tuesday", THU, "Expect to hear back this coming Tuesday.", date(2026, 12, 1)),
    ("abbreviated_weekday", THU, "Feedback by Wed. at the latest.", date(2026, 12, 2)),
    ("tomorrow", THU, "We'll let you know tomorrow.", date(2026, 11, 27)),
    ("day_after_tomorrow", THU, "We'll get back to you the day after tomorrow.", date(2026, 11, 28)),
    ("couple_of_days", THU, "We'll be in touch in a couple of days.", date(2026, 11, 28)),
    ("few_days", THU, "We'll be in touch in a few days.", date(2026, 11, 29)),
    ("within_two_weeks", THU, "We'll get back to you within two weeks.", date(2026, 12, 10)),
    ("in_2_weeks", THU, "We expect to have feedback in 2 weeks.", date(2026, 12, 10)),
    ("two_weeks_from_today", THU, "Decision two weeks from today.", date(2026, 12, 10)),
    ("within_10_business_days", THU, "We'll get back to you within 10 business days.", date(2026, 12, 10)),
    ("in_5_7_business_days", THU, "You will hear back in 5-7 business days.", date(2026, 12, 7)),
    ("en_dash_range_working_days", THU, "Expect feedback in 3–5 working days.", date(2026, 12, 3)),
    ("range_in_weeks", THU, "Decisions typically take 2-3 weeks.", date(2026, 12, 17)),
    ("one_to_two_weeks", THU, "You'll hear back within one to two weeks.", date(2026, 12, 10)),
    ("next_week_or_two", THU, "We'll be in touch in the next week or two.", date(2026, 12, 10)),
    ("a_week_or_so", THU, "We'll have a decision in a week or so.", date(2026, 12, 3)),
    ("another_week", THU, "We need another week.", date(2026, 12, 3)),
    ("another_couple_of_weeks", THU, "The decision will take another couple of weeks.", date(2026, 12, 10)),
    ("within_a_month", THU, "We'll make our decision within a month.", date(2026, 12, 26)),
    ("next_week", THU, "We'll get back to you next week.", date(2026, 12, 4)),
    ("early_next_week", THU, "We'll have a decision early next week.", date(2026, 12, 1)),
    ("beginning_of_next_week", THU, "We'll decide at the beginning of next week.", date(2026, 11, 30)),
    ("mid_next_week", THU, "We'll have a decision mid next week.", date(2026, 12, 2)),
    ("end_of_next_week", THU, "Expect to hear back by the end of next week.", date(2026, 12, 4)),
    ("end_of_the_week", THU, "We'll decide by the end of the week.", date(2026, 11, 27)),
    ("end_of_this_week", THU, "We'll decide by the end of this week.", date(2026, 11, 27)),
    ("end_of_the_month", THU, "We'll decide by the end of the month.", date(2026, 11, 30)),
    ("end_of_next_month", THU, "A final decision is expected by the end of next month.", date(2026, 12, 31)),
    ("december_11", THU, "We expect to decide by December 11.", date(2026, 12, 11)),
    ("dec_11th", THU, "We'll get back to you by Dec 11th.", date(2026, 12, 11)),
    ("dec_dot_11", THU, "We'll decide by Dec. 11.", date(2026, 12, 11)),
    ("11_december", THU, "Decision by 11 December.", date(2026, 12, 11)),
    ("slash_mdy", THU, "We'll get back to you by 12/11.", date(2026, 12, 11)),
    ("iso_date", THU, "Our decision deadline is 2026-12-11.", date(2026, 12, 11)),
    ("weekday_with_date", THU, "We'll let you know on Wednesday, December 2nd.", date(2026, 12, 2)),
    ("friday_and_date_disagree_date_wins", THU, "We'll decide by Friday, December 11.", date(2026, 12, 11)),
    ("on_the_11th", THU, "We'll let you know on the 11th.", date(2026, 12, 11)),
    ("early_december", THU, "We'll decide in early December.", date(2026, 12, 10)),
    ("mid_december", THU, "We'll update you mid-December.", date(2026, 12, 15)),
    ("end_of_december", THU, "We hope to finalize by the end of December.", date(2026, 12, 31)),
    ("january_next_year", THU, "We will decide by January 8.", date(2027, 1, 8)),
    ("delayed_until_next_friday", THU, "Our decision is delayed until next Friday.", date(2026, 12, 4)),
    ("weekday_the_ordinal_is_that_day", THU, "We'll get back to you by Monday the 14th.", date(2026, 12, 14)),
    ("after_thanksgiving_said_on_the_day", THU, "We'll be in touch after Thanksgiving.", date(2026, 12, 4)),
    ("week_of_a_date_is_its_friday", THU, "We'll decide the week of December 7.", date(2026, 12, 11)),
    # said on Friday afternoon 2026-11-27
    ("fri_by_friday_is_next_friday", FRI, "We will decide by Friday.", date(2026, 12, 4)),
    ("fri_end_of_week_is_today", FRI, "We'll decide by the end of the week.", date(2026, 11, 27)),
    ("fri_5_7_business_days", FRI, "You'll hear back in 5-7 business days.", date(2026, 12, 8)),
    ("fri_10_business_days", FRI, "We'll decide within 10 business days.", date(2026, 12, 11)),
    ("fri_monday", FRI, "We'll let you know Monday.", date(2026, 11, 30)),
    ("fri_early_next_week", FRI, "We'll decide early next week.", date(2026, 12, 1)),
    # said on the last day of the month, Monday 2026-11-30
    ("monthend_end_of_month_is_today", MONTH_END, "We'll decide by the end of the month.",
     date(2026, 11, 30)),
    ("monthend_end_of_week", MONTH_END, "We'll decide by the end of the week.", date(2026, 12, 4)),
    ("monthend_monday_is_next_monday", MONTH_END, "We'll let you know Monday.", date(2026, 12, 7)),
    ("monthend_next_week", MONTH_END, "We'll get back to you next week.", date(2026, 12, 11)),
    ("monthend_on_the_30th", MONTH_END, "We'll let you know on the 30th.", date(2026, 11, 30)),
    ("monthend_on_the_11th", MONTH_END, "We'll let you know on the 11th.", date(2026, 12, 11)),
    # said on the last day of the year
    ("yearend_slash_date_next_year", YEAR_END, "We'll decide by 1/8.", date(2027, 1, 8)),
    ("yearend_on_the_11th", YEAR_END, "We'll let you know on the 11th.", date(2027, 1, 11)),
    ("yearend_end_of_next_month", YEAR_END, "We'll decide by the end of next month.", date(2027, 1, 31)),
    ("yearend_mid_january", YEAR_END, "We'll make a decision by mid-January.", date(2027, 1, 15)),
]


@pytest.mark.parametrize("base,sentence,expected", [p[1:] for p in PHRASES], ids=[p[0] for p in PHRASES])
def test_b12_phrase_resolves_against_message_date(base: datetime, sentence: str, expected: date) -> None:
    assert days(sentence, base) == [expected]


def test_b12_relative_phrase_resolves_in_user_timezone() -> None:
    # 03:00 UTC on Friday is still Thursday evening in New York: "by Friday" is the next morning.
    utc_friday_early = datetime(2026, 11, 27, 3, 0, tzinfo=ZoneInfo("UTC"))
    assert days("We will decide by Friday.", utc_friday_early, NY) == [date(2026, 11, 27)]
    berlin = ZoneInfo("Europe/Berlin")  # already Friday there: "by Friday" is the next one
    assert days("We will decide by Friday.", utc_friday_early, berlin) == [date(2026, 12, 4)]


def test_b12_day_month_order_can_be_european() -> None:
    statements = find_decision_statements("We'll decide by 12/03.", stated_at=THU, tz=NY, source="x",
                                          date_order="DMY")
    assert [s.day for s in statements] == [date(2027, 3, 12)]
    assert days("We'll decide by 12/03.") == [date(2026, 12, 3)]


FALSE_POSITIVES = [
    ("we_is_not_wednesday", "We need to check with the team."),
    ("may_is_not_a_month", "May I ask when you will decide?"),
    ("march_is_a_verb", "We will march on and let you know."),
    ("phone_number", "Call me at (555) 010-1234 and I'll update you."),
    ("minutes_are_not_a_day", "The call is 30 and 10 minutes, we'll let you know."),
    ("bare_number", "We'll let you know about the 2 of us."),
    ("no_date_at_all", "We'll be in touch soon about next steps."),
    ("past_weekday", "We met last Friday and will get back to you."),
    ("past_explicit_date", "We expected to decide by November 20, 2026."),
    ("year_out_of_range", "We'll decide by December 11, 1999."),
    ("soon_is_too_vague", "We'll make a decision shortly."),
    ("bare_month_is_too_vague", "We'll decide in December."),
    ("round_is_not_a_date", "Feedback from the 2nd round is still pending."),
]


@pytest.mark.parametrize("text", [f[1] for f in FALSE_POSITIVES], ids=[f[0] for f in FALSE_POSITIVES])
def test_b12_false_positives_yield_nothing(text: str) -> None:
    assert days(text) == []


SCHEDULING = [
    ("interview_time", "The interview is on Tuesday at 2pm."),
    ("onsite_scheduled", "Your onsite is scheduled for Dec 3."),
    ("confirm_availability", "Please confirm your availability for Friday."),
    ("confirm_availability_by", "Please confirm your availability by Friday."),
    ("send_references_by", "Please send us your references by Monday."),
    ("next_steps_after_onsite", "We'll let you know about next steps after your onsite on Dec 3."),
    ("update_after_the_call", "We'll update you after the call on Friday."),
]


@pytest.mark.parametrize("text", [s[1] for s in SCHEDULING], ids=[s[0] for s in SCHEDULING])
def test_b12_scheduling_sentences_are_not_decision_dates(text: str) -> None:
    assert days(text) == []


def test_b12_meeting_date_and_decision_date_in_one_sentence() -> None:
    text = "Thank you for interviewing with us on Monday; we will get back to you by Friday."
    assert days(text) == [date(2026, 11, 27)]


def test_b12_statements_come_in_text_order_with_their_sentence() -> None:
    text = ("Hi Ana,\n\nThanks again for coming in. We'll get back to you\nwithin two weeks.\n\n"
            "Your onsite is scheduled for Dec 3. If anything changes, we will let you know by Friday.\n\n"
            "Best,\nMia")
    statements = find_decision_statements(text, stated_at=THU, tz=NY, source="mail <m@x>")
    assert [(s.day, s.sentence) for s in statements] == [
        (date(2026, 12, 10), "We'll get back to you within two weeks."),
        (date(2026, 11, 27), "If anything changes, we will let you know by Friday."),
    ]
    assert all(s.source == "mail <m@x>" and s.stated_at == THU for s in statements)


def test_b12_sentence_is_folded_and_capped() -> None:
    text = "We will decide by Friday " + "and " * 120 + "then."
    (statement,) = find_decision_statements(text, stated_at=THU, tz=NY, source="x")
    assert len(statement.sentence) <= 300
    assert "  " not in statement.sentence


def test_b12_sentence_split_keeps_abbreviations_together() -> None:
    text = "Thanks for your time on Dec. 3. We'll\nget back to you by Fri. Dec 11!\n- one"
    assert split_sentences(text) == [
        "Thanks for your time on Dec. 3.", "We'll get back to you by Fri. Dec 11!", "one"]


def statement(day: date, at: datetime, source: str = "mail <m@x>") -> DecisionStatement:
    return DecisionStatement(day=day, sentence="", source=source, stated_at=at)


def test_b13_later_statement_replaces_earlier_even_with_an_earlier_day() -> None:
    first = statement(date(2026, 12, 11), THU)
    second = statement(date(2026, 12, 4), THU + timedelta(days=2))
    assert latest_statement([second, first]) == second


def test_b13_user_set_decision_wins_until_a_later_company_statement() -> None:
    company = statement(date(2026, 12, 4), THU)
    user = statement(date(2026, 12, 18), THU + timedelta(days=1), source="set-decision")
    assert latest_statement([company, user]) == user
    newer_company = statement(date(2026, 12, 22), THU + timedelta(days=3))
    assert latest_statement([company, user, newer_company]) == newer_company


def test_b13_same_message_two_days_takes_the_later_day() -> None:
    a = statement(date(2026, 12, 4), THU)
    b = statement(date(2026, 12, 11), THU)
    assert latest_statement([b, a]) == b


def test_b13_default_only_when_nothing_was_stated() -> None:
    stated = statement(date(2026, 12, 1), THU)
    fallback = default_decision(THU + timedelta(days=1), NY, 7)
    assert latest_statement([stated, fallback]) == stated
    assert latest_statement([fallback]) == fallback
    assert latest_statement([]) is None


def test_b14_default_is_seven_business_days_after_the_end() -> None:
    end = datetime(2026, 11, 26, 15, 0, tzinfo=NY)  # Thursday
    result = default_decision(end, NY, 7)
    assert result.day == date(2026, 12, 7)  # Fri, Mon..Fri, Mon: weekends skipped
    assert result.source == "default"
    assert result.stated_at == end
    assert "7 business days" in result.sentence


def test_b14_business_days_skip_weekends() -> None:
    assert business_days_after(date(2026, 11, 27), 1) == date(2026, 11, 30)  # Friday -> Monday
    assert business_days_after(date(2026, 11, 28), 1) == date(2026, 11, 30)  # Saturday -> Monday
    assert business_days_after(date(2026, 11, 30), 4) == date(2026, 12, 4)  # Monday -> Friday
    assert business_days_after(date(2026, 11, 27), 5) == date(2026, 12, 4)  # Friday -> Friday
    assert business_days_after(date(2026, 11, 27), 0) == date(2026, 11, 27)


def test_b14_default_uses_the_end_day_in_the_user_zone() -> None:
    # Friday 23:30 in New York is already Saturday in UTC; the count starts from Friday.
    end = datetime(2026, 11, 28, 4, 30, tzinfo=ZoneInfo("UTC"))
    assert default_decision(end, NY, 1).day == date(2026, 11, 30)
    assert default_decision(end, NY, 5).day == date(2026, 12, 4)


USER_DATES = [
    ("iso", "2026-12-11", date(2026, 12, 11)),
    ("next_friday", "next Friday", date(2026, 12, 4)),
    ("month_day", "Dec 11", date(2026, 12, 11)),
    ("in_two_weeks", "in two weeks", date(2026, 12, 10)),
    ("tomorrow", "tomorrow", date(2026, 11, 27)),
    ("today_is_allowed", "today", date(2026, 11, 26)),
    ("slash", "12/11", date(2026, 12, 11)),
    ("with_year", "January 8, 2027", date(2027, 1, 8)),
]


@pytest.mark.parametrize("text,expected", [u[1:] for u in USER_DATES], ids=[u[0] for u in USER_DATES])
def test_b13_set_decision_reads_user_dates(text: str, expected: date) -> None:
    assert parse_user_date(text, now=THU, tz=NY) == expected


@pytest.mark.parametrize("text,needle", [
    ("whenever", "YYYY-MM-DD"),
    ("", "YYYY-MM-DD"),
    ("2026-11-01", "in the past"),
    ("2026-02-30", "not a real date"),
    ("Nov 20", "has passed"),
], ids=["unreadable", "empty", "past_iso", "impossible_day", "month_day_already_past"])
def test_b13_set_decision_explains_unusable_dates(text: str, needle: str) -> None:
    with pytest.raises(ValueError, match=needle):
        parse_user_date(text, now=THU, tz=NY)


def test_b12_weekday_of_a_past_explicit_date_is_not_read_as_next_weekday() -> None:
    assert days("We'll get back to you; we met on Monday, November 23.") == []
    assert days("Update: sent Thu, 29 Apr 2015 23:34:45 +0000 by the server.") == []
