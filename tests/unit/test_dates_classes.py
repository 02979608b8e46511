"""Decision dates by class (B12), each class over many phrasings and several message days: a weekday with
a day of the month, a bare day of the month, the week of a date, holidays, the clause that carries the
decision, time zones and DST weeks, and statements in quoted history (which are not new statements)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest

from agent.core.dates import clauses, find_decision_statements
from agent.core.holidays import first_full_week_end_after, holiday_span, last_business_day_before
from agent.core.mime import parse_message
from agent.core.text import html_to_text, strip_quoted

NY = ZoneInfo("America/New_York")
LA = ZoneInfo("America/Los_Angeles")
BERLIN = ZoneInfo("Europe/Berlin")
WED = datetime(2026, 12, 2, 11, 0, tzinfo=NY)  # Wednesday; Dec 14 is a Monday
THANKSGIVING_WEEK = datetime(2026, 11, 23, 13, 0, tzinfo=NY)  # Monday; Thanksgiving is Thu Nov 26
MONTH_END_SAT = datetime(2026, 10, 31, 10, 0, tzinfo=NY)  # Saturday, last day of October
YEAR_END = datetime(2026, 12, 30, 9, 0, tzinfo=NY)  # Wednesday before New Year's Day (a Friday)
FEB_1 = datetime(2027, 2, 1, 9, 0, tzinfo=NY)  # Monday; February 2027 has 28 days


def days(text: str, at: datetime, tz: ZoneInfo = NY) -> list[date]:
    return [s.day for s in find_decision_statements(text, stated_at=at, tz=tz, source="mail <m@x>")]


# --------------------------------------------------------------------------------------------------
# a weekday with a day, a bare day of the month, the week of a date

DAY_OF_MONTH = [
    ("weekday_the_ordinal", WED, "We'll get back to you by Monday the 14th.", date(2026, 12, 14)),
    ("weekday_comma_the_ordinal", WED, "You'll hear from us Monday, the 14th.", date(2026, 12, 14)),
    ("abbreviated_weekday_ordinal", WED, "Decision expected Mon 14th.", date(2026, 12, 14)),
    ("weekday_disagrees_day_wins", WED, "We'll decide by Tuesday the 14th.", date(2026, 12, 14)),
    ("friday_the_4th_this_week", WED, "We'll let you know by Friday the 4th.", date(2026, 12, 4)),
    ("tomorrow_by_weekday_and_day", WED, "You will have our answer by Thursday the 3rd.", date(2026, 12, 3)),
    ("weekday_month_day", WED, "We'll have an answer by Monday, December 14.", date(2026, 12, 14)),
    ("weekday_day_month", WED, "We'll decide Monday 14 December.", date(2026, 12, 14)),
    ("weekday_month_day_year", WED, "We'll decide by Friday, December 11, 2026.", date(2026, 12, 11)),
    ("weekday_the_day_of_month", WED, "Expect our decision by Monday the 14th of December.", date(2026, 12, 14)),
    ("weekday_and_date_disagree", WED, "We'll decide by Friday, December 14.", date(2026, 12, 14)),
    ("by_the_ordinal", WED, "We'll decide by the 14th.", date(2026, 12, 14)),
    ("bare_the_ordinal", WED, "We'll make our decision the 14th.", date(2026, 12, 14)),
    ("no_later_than_the_9th", WED, "Expect our decision no later than the 9th.", date(2026, 12, 9)),
    ("around_the_10th", WED, "We'll get back to you around the 10th.", date(2026, 12, 10)),
    ("ordinal_today", WED, "We'll let you know by the 2nd.", date(2026, 12, 2)),
    ("ordinal_next_month_next_year", WED, "We'll get back to you by the 1st.", date(2027, 1, 1)),
    ("week_of_a_date", WED, "We'll decide the week of December 14.", date(2026, 12, 18)),
    ("week_of_the_ordinal", WED, "We'll be in touch during the week of the 14th.", date(2026, 12, 18)),
    ("week_of_this_week", WED, "Feedback should come by the week of Nov 30.", date(2026, 12, 4)),
    # said on a Saturday, the last day of October
    ("monthend_weekday_ordinal_next_month", MONTH_END_SAT, "We'll get back to you by Monday the 2nd.",
     date(2026, 11, 2)),
    ("monthend_ordinal_today", MONTH_END_SAT, "We'll decide by the 31st.", date(2026, 10, 31)),
    ("monthend_on_the_30th", MONTH_END_SAT, "We'll let you know on the 30th.", date(2026, 11, 30)),
    ("monthend_friday_the_6th", MONTH_END_SAT, "We'll decide by Friday the 6th.", date(2026, 11, 6)),
    # said at the end of the year: the day falls in January
    ("yearend_monday_the_4th", YEAR_END, "We'll get back to you by Monday the 4th.", date(2027, 1, 4)),
    ("yearend_weekday_january", YEAR_END, "We'll decide by Friday, January 8.", date(2027, 1, 8)),
    ("yearend_the_2nd", YEAR_END, "We'll be in touch on the 2nd.", date(2027, 1, 2)),
    # a short month is skipped for a day it does not have
    ("february_has_no_31st", FEB_1, "We'll decide by the 31st.", date(2027, 3, 31)),
    ("february_the_28th", FEB_1, "We'll decide by Sunday the 28th.", date(2027, 2, 28)),
]


@pytest.mark.parametrize("base,sentence,expected", [c[1:] for c in DAY_OF_MONTH], ids=[c[0] for c in DAY_OF_MONTH])
def test_b12_weekday_and_day_of_month_name_that_day(base: datetime, sentence: str, expected: date) -> None:
    assert days(sentence, base) == [expected]


@pytest.mark.parametrize("sentence", [
    "Thank you for interviewing with us on Tuesday the 1st.",
    "You're through to the 2nd round, and we'll decide soon.",
    "We'll let you know after the 3rd interview.",
    "We'll get back to you about your 2nd conversation.",
    "We'll decide on the 2nd candidate first.",
], ids=["meeting_day", "2nd_round", "3rd_interview", "2nd_conversation", "2nd_candidate"])
def test_b12_an_ordinal_that_is_not_a_day_names_no_decision(sentence: str) -> None:
    assert days(sentence, WED) == []


def test_b12_a_weekday_that_fits_a_past_day_is_a_past_reference() -> None:
    # Monday Nov 30 has passed; the coming 30th (Dec 30) is a Wednesday: the writer meant the past Monday
    assert days("Since we met on Monday the 30th, we'll decide by Friday.", WED) == [date(2026, 12, 4)]
    assert days("Following our chat on Monday, November 30, we'll decide by the 11th.", WED) == [date(2026, 12, 11)]


# --------------------------------------------------------------------------------------------------
# holidays

HOLIDAYS = [
    ("partners_out_so_after_thanksgiving", THANKSGIVING_WEEK,
     ("Several of our partners are out this week for the holiday, so we'll be in touch after Thanksgiving "
      "with next steps."), date(2026, 12, 4)),
    ("after_thanksgiving", THANKSGIVING_WEEK, "We'll be in touch after Thanksgiving.", date(2026, 12, 4)),
    ("following_the_break", THANKSGIVING_WEEK, "We'll have an update following the Thanksgiving break.",
     date(2026, 12, 4)),
    ("after_the_holiday_unnamed", THANKSGIVING_WEEK, "We'll get back to you after the holiday.", date(2026, 12, 4)),
    ("back_from_the_holiday_weekend", THANKSGIVING_WEEK,
     "We'll reach out once we're back from the holiday weekend.", date(2026, 12, 4)),
    ("before_thanksgiving", THANKSGIVING_WEEK, "We hope to have a decision before Thanksgiving.",
     date(2026, 11, 25)),
    ("by_thanksgiving", THANKSGIVING_WEEK, "We'll decide by Thanksgiving.", date(2026, 11, 25)),
    ("after_christmas_skips_new_years_week", THANKSGIVING_WEEK, "We'll circle back after Christmas.",
     date(2027, 1, 8)),
    ("before_the_holidays", THANKSGIVING_WEEK, "We'll make a decision before the holidays.", date(2026, 12, 23)),
    ("before_christmas", WED, "We'll get back to you before Christmas.", date(2026, 12, 23)),
    ("after_the_holidays", WED, "We'll get back to you after the holidays.", date(2027, 1, 8)),
    ("yearend_in_the_new_year", YEAR_END, "We'll be in touch in the new year.", date(2027, 1, 8)),
    ("yearend_after_new_years", YEAR_END, "We'll have feedback after New Year's.", date(2027, 1, 8)),
    ("yearend_after_the_holidays", YEAR_END, "We'll decide after the holidays.", date(2027, 1, 8)),
    ("after_labor_day", datetime(2026, 8, 31, 9, tzinfo=NY), "We'll get back to you after Labor Day.",
     date(2026, 9, 18)),
    ("after_memorial_day", datetime(2026, 5, 20, 9, tzinfo=NY), "We'll decide after Memorial Day.",
     date(2026, 6, 5)),
    ("after_the_fourth_of_july", datetime(2026, 6, 29, 9, tzinfo=NY),
     "We'll follow up after the Fourth of July.", date(2026, 7, 10)),
    ("after_easter", datetime(2027, 3, 22, 9, tzinfo=NY), "We'll decide after Easter.", date(2027, 4, 9)),
]


@pytest.mark.parametrize("base,sentence,expected", [c[1:] for c in HOLIDAYS], ids=[c[0] for c in HOLIDAYS])
def test_b12_after_a_holiday_is_the_end_of_the_first_full_business_week(base: datetime, sentence: str,
                                                                        expected: date) -> None:
    assert days(sentence, base) == [expected]


@pytest.mark.parametrize("sentence", [
    "Several of our partners are out this week for the holiday.",
    "The office is closed Thursday and Friday for Thanksgiving.",
    "Happy Thanksgiving to you and your family!",
    "I hope you have a relaxing holiday weekend.",
], ids=["partners_out", "office_closed", "greeting", "wishes"])
def test_b12_people_away_for_a_holiday_is_not_a_decision_date(sentence: str) -> None:
    assert days(sentence, THANKSGIVING_WEEK) == []


def test_b12_holiday_calendar() -> None:
    assert holiday_span("thanksgiving", date(2026, 11, 1)) == (date(2026, 11, 26), date(2026, 11, 27))
    assert holiday_span("thanksgiving", date(2027, 11, 1)) == (date(2027, 11, 25), date(2027, 11, 26))
    assert holiday_span("thanksgiving", date(2026, 11, 30)) == (date(2026, 11, 26), date(2026, 11, 27))
    assert holiday_span("memorial day", date(2026, 5, 1)) == (date(2026, 5, 25), date(2026, 5, 25))
    assert holiday_span("holiday", date(2026, 8, 1)) is None  # no holiday within four weeks
    # a week holding New Year's Day is not a full business week
    assert first_full_week_end_after(date(2026, 12, 26)) == date(2027, 1, 8)
    assert first_full_week_end_after(date(2026, 11, 27)) == date(2026, 12, 4)
    assert last_business_day_before(date(2026, 12, 24)) == date(2026, 12, 23)
    assert last_business_day_before(date(2027, 11, 29)) == date(2027, 11, 24)  # skips the weekend and Black Friday


# --------------------------------------------------------------------------------------------------
# the clause that carries the decision

CLAUSES = [
    ("panel_next_week_decision_by_monday_the_14th", WED,
     "Our panel meets next week, and we'll get back to you by Monday the 14th.", date(2026, 12, 14)),
    ("other_clause_later_than_the_decision", WED,
     "You'll hear from us by Friday; the onsite rounds for other roles run through next week.", date(2026, 12, 4)),
    ("absence_then_decision", WED, "Our partners are out next week, but we'll let you know by Monday the 7th.",
     date(2026, 12, 7)),
    ("dash_joined", WED, "Most of the team is away until the 14th — we'll update you on Wednesday.",
     date(2026, 12, 9)),
    ("comma_splice", WED, "The committee sits on the 10th, we expect to decide by the 11th.", date(2026, 12, 11)),
    ("no_day_in_the_decision_clause_reads_the_sentence", WED,
     "The committee meets on Thursday, and we'll be in touch after that.", date(2026, 12, 3)),
    ("one_clause_two_days_latest", WED, "We'll decide by Friday or Monday at the latest.", date(2026, 12, 7)),
]


@pytest.mark.parametrize("base,sentence,expected", [c[1:] for c in CLAUSES], ids=[c[0] for c in CLAUSES])
def test_b12_only_the_decision_clause_gives_the_day(base: datetime, sentence: str, expected: date) -> None:
    assert days(sentence, base) == [expected]


def test_b12_clauses_split_where_a_new_statement_begins() -> None:
    assert clauses("Our panel meets next week, and we'll get back to you by Monday the 14th.") == [
        "Our panel meets next week", "and we'll get back to you by Monday the 14th."]
    assert clauses("We'll decide by Friday, December 11.") == ["We'll decide by Friday, December 11."]
    assert clauses("We'll review and decide by Friday.") == ["We'll review and decide by Friday."]


# --------------------------------------------------------------------------------------------------
# time zones and DST weeks: the message's day is its day in the user's zone

def test_b12_dst_end_week_resolves_on_the_local_day() -> None:
    sunday_night = datetime(2026, 11, 1, 23, 30, tzinfo=NY)  # the day clocks went back; Monday in UTC
    for at in (sunday_night, sunday_night.astimezone(UTC)):
        assert days("We'll decide by Friday.", at) == [date(2026, 11, 6)]
        assert days("We'll get back to you next week.", at) == [date(2026, 11, 6)]
        assert days("We'll decide by Monday the 9th.", at) == [date(2026, 11, 9)]


def test_b12_dst_start_week_business_days() -> None:
    friday = datetime(2027, 3, 12, 17, 0, tzinfo=NY)  # clocks go forward on Sunday Mar 14
    assert days("You'll hear back in 5-7 business days.", friday) == [date(2027, 3, 23)]
    assert days("We'll decide by Tuesday the 16th.", friday) == [date(2027, 3, 16)]


def test_b12_far_zone_evening_is_still_the_local_day() -> None:
    friday_evening = datetime(2026, 12, 4, 21, 30, tzinfo=LA)  # already Saturday in UTC
    assert days("We'll let you know tomorrow.", friday_evening, LA) == [date(2026, 12, 5)]
    assert days("We'll let you know tomorrow.", friday_evening, ZoneInfo("UTC")) == [date(2026, 12, 6)]
    assert days("We'll get back to you by Monday the 14th.", friday_evening, LA) == [date(2026, 12, 14)]


def test_b12_europe_dst_weekend_end_of_the_week() -> None:
    saturday_night = datetime(2026, 10, 24, 23, 30, tzinfo=BERLIN)  # clocks go back the next morning
    assert days("We'll decide by the end of the week.", saturday_night, BERLIN) == [date(2026, 10, 30)]
    assert days("Wir melden uns. We'll decide by Friday the 30th.", saturday_night, BERLIN) == [date(2026, 10, 30)]


# --------------------------------------------------------------------------------------------------
# quoted history: an earlier date quoted below a reply is not a new statement

QUOTED = [
    ("gmail_bottom_quote", ("Thanks, Jordan!\n\nOn Mon, Nov 30, 2026 at 9:00 AM Aisha Rahman <a@x.org> wrote:\n"
     "> We'll get back to you by Friday the 4th.\n")),
    ("gmail_wrapped_attribution", ("Sounds good.\n\nOn Mon, Nov 30, 2026 at 9:00 AM Aisha Rahman <\n"
     "aisha.rahman@x.org> wrote:\n\n> We'll decide by Friday, December 4.\n")),
    ("apple_mail", ("Great, talk soon.\n\nSent from my iPhone\n\nOn Nov 30, 2026, at 9:00 AM, Aisha Rahman "
     "<a@x.org> wrote:\n\n> We will decide by the 4th.\n")),
    ("outlook_header_block", ("Thank you.\n\nFrom: Aisha Rahman <a@x.org>\nSent: Monday, November 30, 2026 9:00 AM\n"
     "To: Jordan Lee <j@gmail.com>\nSubject: Timeline\n\nWe'll decide by December 4.\n")),
    ("outlook_underscores", ("Noted, thanks.\n\n________________________________\nFrom: Aisha Rahman <a@x.org>\n"
     "Sent: Monday, November 30, 2026 9:00 AM\n\nYou'll hear from us by Friday.\n")),
    ("original_message", "Thanks!\n\n-----Original Message-----\nFrom: a@x.org\n\nWe'll decide next week.\n"),
    ("german_outlook", ("Danke!\n\nVon: Aisha Rahman <a@x.org>\nGesendet: Montag, 30. November 2026 09:00\n"
     "An: Jordan Lee\nBetreff: Zeitplan\n\nWe'll decide by December 4.\n")),
    ("spanish_outlook", ("Gracias.\n\nDe: Aisha Rahman <a@x.org>\nEnviado el: lunes, 30 de noviembre de 2026\n"
     "Para: Jordan Lee\nAsunto: Plazo\n\nWe'll decide by December 4.\n")),
    ("italian_outlook", ("Grazie.\n\nDa: Aisha Rahman <a@x.org>\nInviato: lunedì 30 novembre 2026\n"
     "A: Jordan Lee\nOggetto: Tempi\n\nWe'll decide by December 4.\n")),
    ("dutch_outlook", ("Bedankt.\n\nVan: Aisha Rahman <a@x.org>\nVerzonden: maandag 30 november 2026\n"
     "Aan: Jordan Lee\nOnderwerp: Planning\n\nWe'll decide by December 4.\n")),
    ("apple_forward", ("See below.\n\nBegin forwarded message:\n\nFrom: Aisha Rahman <a@x.org>\n"
     "Subject: Timeline\n\nWe'll decide by December 4.\n")),
    ("french_attribution", ("Merci !\n\nLe lun. 30 nov. 2026 à 09:00, Aisha Rahman <a@x.org> a écrit :\n"
     "> We'll decide by December 4.\n")),
]


@pytest.mark.parametrize("text", [q[1] for q in QUOTED], ids=[q[0] for q in QUOTED])
def test_b12_a_date_in_quoted_history_is_not_a_new_statement(text: str) -> None:
    assert days(strip_quoted(text), WED) == []


def test_b12_a_new_date_above_the_quote_is_read_and_the_quoted_one_is_not() -> None:
    text = ("Update: we now expect to decide by Friday, December 11.\n\n"
            "On Mon, Nov 30, 2026 at 9:00 AM Aisha Rahman <a@x.org> wrote:\n> We'll decide by December 4.\n")
    assert days(strip_quoted(text), WED) == [date(2026, 12, 11)]
    interleaved = "> We'll decide by the 4th.\nActually, we'll decide by the 11th.\n"
    assert days(strip_quoted(interleaved), WED) == [date(2026, 12, 11)]


def test_b12_html_quoted_history_is_not_read() -> None:
    html = ("<div>Thanks, Jordan!</div><div class=\"gmail_quote\"><div>On Mon, Aisha wrote:</div>"
            "<blockquote>We'll get back to you by Friday the 4th.</blockquote></div>")
    assert days(strip_quoted(html_to_text(html)), WED) == []


def test_b12_a_parsed_reply_carries_only_its_own_statement() -> None:
    msg = EmailMessage()
    msg["From"] = "Aisha Rahman <aisha.rahman@northgatetransit.org>"
    msg["To"] = "Jordan Lee <jordan.lee@gmail.com>"
    msg["Subject"] = "Re: Transit Scheduling Analyst - timeline"
    msg["Date"] = "Wed, 02 Dec 2026 11:00:00 -0500"
    msg["Message-ID"] = "<reply-2@northgatetransit.org>"
    msg.set_content("Hi Jordan,\n\nQuick update: the panel moved, so we'll get back to you by Friday the 18th.\n\n"
                    "On Mon, Nov 30, 2026 at 9:00 AM Aisha Rahman <aisha.rahman@northgatetransit.org> wrote:\n"
                    "> We'll get back to you by Monday the 14th.\n> \n> Regards,\n> Aisha\n")
    parsed = parse_message(msg.as_bytes(), key="k", folder="inbox", tz=NY)
    assert days(parsed.text, parsed.date) == [date(2026, 12, 18)]


@pytest.mark.parametrize("sentence,expected", [
    ("We'll decide between Dec 4 - Dec 11.", date(2026, 12, 11)),
    ("We'll let you know Monday - Wednesday next week.", date(2026, 12, 11)),  # "next week": its Friday
    ("You'll hear from us in 5 - 7 business days.", date(2026, 12, 11)),
    ("We'll get back to you by the 14th, not in the 1st half of the month.", date(2026, 12, 14)),
], ids=["date_range", "weekday_range", "number_range", "ordinal_half"])
def test_b12_a_dash_inside_a_range_does_not_split_the_clause(sentence: str, expected: date) -> None:
    assert max(days(sentence, WED)) == expected
