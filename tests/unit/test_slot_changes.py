"""How interviews come, move and go (agent/core/slot_changes.py, agent/core/interviews.py): B2, B3, B6, B7.

A cancelled slot wins over every trace of it (issue 13 class 1); a move is one interview at its new time,
another round is a new interview (class 2); a staffing agency's recruiter is the contact, the client the
company (class 7)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import count
from zoneinfo import ZoneInfo

import pytest

from agent.config import Identity
from agent.core import slot_changes
from agent.core.interviews import derive
from agent.core.model import Attendee, Event, Message, Person

NY = ZoneInfo("America/New_York")
ME = Identity(name="Jordan Lee", email="jordan.lee@gmail.com", aliases=(), timezone="America/New_York",
              own_domains=())
JORDAN = Person("jordan.lee@gmail.com", "Jordan Lee")
RITA = Person("rita.k@quayside.com", "Rita Kowalczyk")
BEN = Person("ben.maier@quayside.com", "Benedikt Maier")
OTHER = Person("olga@northwind.com", "Olga Petrova")
_ids = count()


def at(day: int, hour: int = 9, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=NY)


def ev(start: datetime, *, uid: str = "uid-1@quayside", method: str = "REQUEST", status: str = "CONFIRMED",
       summary: str = "Quayside - Analytics Engineer interview", sequence: int = 0, organizer: Person = RITA,
       attendees: tuple[Person, ...] = (BEN,), minutes: int = 60, description: str = "") -> Event:
    return Event(uid=uid, start=start, end=start + timedelta(minutes=minutes), method=method, status=status,
                 summary=summary, sequence=sequence, organizer=organizer, description=description,
                 attendees=tuple(Attendee(p) for p in (JORDAN, *attendees)))


def mail(when: datetime, *, sender: Person = RITA, to: tuple[Person, ...] = (JORDAN,), subject: str = "Interview",
         text: str = "", folder: str = "inbox", events: tuple[Event, ...] = (), reply_to_id: str = "",
         cc: tuple[Person, ...] = ()) -> Message:
    n = next(_ids)
    return Message(key=f"k{n}", folder=folder, message_id=f"<m{n}@test>", date=when, sender=sender, to=to, cc=cc,
                   subject=subject, text=text, events=events, in_reply_to=reply_to_id,
                   references=(reply_to_id,) if reply_to_id else ())


def sent(when: datetime, text: str, *, to: tuple[Person, ...] = (RITA,), subject: str = "Re: Interview",
         reply_to_id: str = "", cc: tuple[Person, ...] = ()) -> Message:
    return mail(when, sender=JORDAN, to=to, cc=cc, subject=subject, text=text, folder="sent",
                reply_to_id=reply_to_id)


def starts(found) -> list[datetime]:
    return [iv.start for iv in found]


# --- B2/B3: a calendar cancellation wins over the user's own confirmation -------------------------------------

def test_b2_calendar_cancel_suppresses_the_users_confirmation_of_that_slot():
    invite = mail(at(5, 12), events=(ev(at(12, 11)),))
    confirm = sent(at(5, 13), "Thursday, November 12 at 11am works for me - confirmed.", reply_to_id=invite.message_id)
    cancel = mail(at(11, 15), subject="Canceled event", events=(ev(at(12, 11), method="CANCEL", sequence=1),))
    assert derive([invite, confirm, cancel], [], ME) == []


def test_b2_confirmation_sent_before_the_invitation_is_suppressed_by_its_cancel():
    confirm = sent(at(5, 12), "Thursday, November 12 at 11am ET works for me. See you then.",
                   subject="Re: Analytics Engineer interview")
    invite = mail(at(5, 13), events=(ev(at(12, 11)),))
    cancel = mail(at(11, 15), events=(ev(at(12, 11), status="CANCELLED", sequence=1),))
    assert derive([confirm, invite, cancel], [], ME) == []


def test_b2_calendar_api_cancellation_suppresses_the_confirmation_too():
    confirm = sent(at(5, 12), "Thursday, November 12 at 11am works for me - confirmed.",
                   subject="Re: Analytics Engineer interview")
    api = ev(at(12, 11), method="", status="CANCELLED")
    assert derive([confirm], [api], ME) == []


def test_b2_weekday_in_a_reply_to_the_invitation_is_the_invitations_day_and_dies_with_it():
    invite = mail(at(16, 10), events=(ev(at(24, 14)),))  # Tuesday Nov 24; the coming Tuesday is Nov 17
    confirm = sent(at(16, 12), "Thank you - Tuesday at 2pm is confirmed, see you then.",
                   reply_to_id=invite.message_id)
    assert starts(derive([invite, confirm], [], ME)) == [at(24, 14)]
    cancel = mail(at(23, 17), subject="Cancelled: Quayside", events=(ev(at(24, 14), method="CANCEL", sequence=1),))
    assert derive([invite, confirm, cancel], [], ME) == []


def test_b2_a_new_slot_confirmed_by_mail_after_the_cancel_survives():
    invite = mail(at(5, 12), events=(ev(at(12, 11)),))
    cancel = mail(at(10, 15), events=(ev(at(12, 11), method="CANCEL", sequence=1),))
    rebook = sent(at(10, 16), "Monday, November 16 at 3pm works for me. Looking forward to the interview.",
                  reply_to_id=invite.message_id)
    assert starts(derive([invite, cancel, rebook], [], ME)) == [at(16, 15)]


def test_b2_cancel_of_another_companys_slot_does_not_touch_this_one():
    confirm = sent(at(5, 12), "Thursday, November 12 at 11am works for me - confirmed.",
                   subject="Re: Analytics Engineer interview")
    cancel = mail(at(11, 15), sender=OTHER, events=(ev(at(12, 11), uid="x@northwind", method="CANCEL",
                                                        organizer=OTHER, attendees=()),))
    assert starts(derive([confirm, cancel], [], ME)) == [at(12, 11)]


# --- B2/B3: a cancellation by mail only ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "I'm very sorry, but we need to cancel tomorrow's interview with Benedikt.",
    "Unfortunately Benedikt has to cancel tomorrow's meeting. We will be in touch.",
    "We are cancelling tomorrow's call; I'll reach out once we know more.",
    "Your interview has been cancelled. Apologies for the inconvenience.",
    "We've called off tomorrow's onsite interview, sorry for the short notice.",
])
def test_b2_mail_from_the_company_cancelling_the_slot_removes_the_invitation(text):
    invite = mail(at(11, 14), events=(ev(at(18, 10)),))
    cancel = mail(at(17, 16), subject="Tomorrow", text=text)
    assert derive([invite, cancel], [], ME) == []


@pytest.mark.parametrize("text", [
    "If you need to cancel or reschedule, just reply to this mail.",
    "No need to cancel - Benedikt will join ten minutes late.",
    "Do we need to cancel tomorrow's interview?",
    "We need to cancel the background check request, it was sent twice.",
    "Should you need to cancel, please let us know 24 hours ahead.",
])
def test_b2_mail_that_does_not_cancel_leaves_the_slot(text):
    invite = mail(at(11, 14), events=(ev(at(18, 10)),))
    note = mail(at(17, 16), subject="Tomorrow", text=text)
    assert starts(derive([invite, note], [], ME)) == [at(18, 10)]


def test_b2_mail_cancel_names_its_day_and_leaves_the_other_round():
    one = mail(at(9, 14), events=(ev(at(18, 10)),))
    two = mail(at(9, 15), events=(ev(at(20, 10), uid="uid-2@quayside", summary="Quayside - final round"),))
    cancel = mail(at(17, 16), text="We need to cancel Friday's interview, sorry.")
    assert starts(derive([one, two, cancel], [], ME)) == [at(18, 10)]


def test_b2_mail_cancel_without_a_day_cancels_the_next_slot_only():
    one = mail(at(9, 14), events=(ev(at(18, 10)),))
    two = mail(at(9, 15), events=(ev(at(25, 10), uid="uid-2@quayside", summary="Quayside - final round"),))
    cancel = mail(at(17, 16), text="Unfortunately we have to cancel.")
    assert starts(derive([one, two, cancel], [], ME)) == [at(25, 10)]


def test_b2_reinvitation_after_a_cancel_mail_stands():
    invite = mail(at(11, 14), events=(ev(at(18, 10)),))
    cancel = mail(at(16, 16), text="We need to cancel Wednesday's interview.")
    again = mail(at(17, 9), events=(ev(at(18, 10), sequence=2),))
    assert starts(derive([invite, cancel, again], [], ME)) == [at(18, 10)]


def test_b2_mail_cancel_from_an_unrelated_sender_changes_nothing():
    invite = mail(at(11, 14), events=(ev(at(18, 10)),))
    cancel = mail(at(17, 16), sender=OTHER, text="We need to cancel tomorrow's interview.")
    assert starts(derive([invite, cancel], [], ME)) == [at(18, 10)]


def test_b2_slot_that_already_took_place_is_not_cancelled_by_a_later_mail():
    invite = mail(at(11, 14), events=(ev(at(18, 10)),))
    cancel = mail(at(19, 9), text="We need to cancel the interview.")
    assert starts(derive([invite, cancel], [], ME)) == [at(18, 10)]


@pytest.mark.parametrize("sentence,today,expected", [
    ("we need to cancel tomorrow's interview", date(2026, 11, 17), date(2026, 11, 18)),
    ("we have to cancel today's call", date(2026, 11, 17), date(2026, 11, 17)),
    ("we need to cancel Friday's interview", date(2026, 11, 17), date(2026, 11, 20)),
    ("the interview on November 24 is cancelled", date(2026, 11, 17), date(2026, 11, 24)),
    ("the interview on Jan 5 is cancelled", date(2026, 12, 17), date(2027, 1, 5)),
    ("we need to cancel", date(2026, 11, 17), None),
])
def test_b2_the_day_a_cancelling_mail_names(sentence, today, expected):
    assert slot_changes.named_day(sentence, today) == expected


# --- B7: reschedules -----------------------------------------------------------------------------------------

def greenhouse(start: datetime, uid: str, received: datetime, subject: str, description: str = "",
               summary: str = "Interview with Aldergrove Bank - Fraud Analyst") -> Message:
    robot = Person("no-reply@greenhouse.io", "Aldergrove Bank Recruiting")
    jess = Person("jess.price@aldergrovebank.com", "Jess Price")
    event = Event(uid=uid, start=start, end=start + timedelta(hours=1), summary=summary, organizer=robot,
                  attendees=(Attendee(JORDAN),), description=description)
    n = next(_ids)
    return Message(key=f"k{n}", folder="inbox", message_id=f"<gh{n}@test>", date=received,
                   sender=Person("no-reply@us.greenhouse-mail.io", "Aldergrove Bank"), reply_to=(jess,),
                   to=(JORDAN,), subject=subject, text="Your interview with Aldergrove Bank.", events=(event,))


def test_b7_new_ics_with_a_new_uid_before_the_old_slot_supersedes_it():
    old = greenhouse(at(16, 11), "gh-a", at(9, 14), "Interview Confirmation: Fraud Analyst")
    new = greenhouse(at(18, 15), "gh-b", at(12, 16), "Updated Interview Confirmation: Fraud Analyst")
    found = derive([old, new], [], ME)
    assert starts(found) == [at(18, 15)]
    assert any("replaces" in r for r in found[0].reasons)


def test_b7_new_ics_saying_rescheduled_supersedes_even_with_another_title():
    old = greenhouse(at(16, 11), "gh-a", at(9, 14), "Interview Confirmation")
    new = greenhouse(at(18, 15), "gh-b", at(12, 16), "Your interview was rescheduled",
                     summary="Aldergrove Bank interview (rescheduled)")
    assert starts(derive([old, new], [], ME)) == [at(18, 15)]


def test_b7_invitation_booked_after_the_first_slot_is_another_round():
    old = greenhouse(at(16, 11), "gh-a", at(9, 14), "Interview Confirmation: Fraud Analyst")
    new = greenhouse(at(20, 15), "gh-b", at(17, 9), "Interview Confirmation: Fraud Analyst")
    assert starts(derive([old, new], [], ME)) == [at(16, 11), at(20, 15)]


def test_b7_two_rounds_booked_ahead_stay_two_interviews():
    one = mail(at(9, 14), events=(ev(at(16, 10), summary="Quayside - hiring manager interview"),))
    two = mail(at(10, 9), events=(ev(at(19, 10), uid="uid-2@quayside", summary="Quayside - final round",
                                     attendees=(Person("vp@quayside.com", "Vera Pike"),)),))
    assert starts(derive([one, two], [], ME)) == [at(16, 10), at(19, 10)]


def test_b7_same_title_but_other_interviewers_is_another_session():
    one = mail(at(9, 14), events=(ev(at(16, 10)),))
    two = mail(at(10, 9), events=(ev(at(16, 14), uid="uid-2@quayside",
                                     attendees=(Person("ann@quayside.com", "Ann Lee"),)),))
    assert starts(derive([one, two], [], ME)) == [at(16, 10), at(16, 14)]


def test_b7_users_agreement_to_a_move_by_mail_moves_the_invitation():
    invite = mail(at(5, 10), events=(ev(at(12, 14)),))
    ask = mail(at(11, 10), subject="Moving tomorrow's interview?",
               text="Benedikt has a conflict tomorrow. Could we move your interview to Friday, November 13 at the "
                    "same time (2pm ET)?")
    agree = sent(at(11, 11), "No problem at all - Friday at 2pm works for me.", cc=(BEN,),
                 subject="Re: Moving tomorrow's interview?", reply_to_id=ask.message_id)
    found = derive([invite, ask, agree], [], ME)
    assert starts(found) == [at(13, 14)]
    assert found[0].origin.startswith("event") and any("moved from" in r for r in found[0].reasons)


def test_b7_a_same_day_move_by_mail_moves_it_too():
    invite = mail(at(5, 10), events=(ev(at(12, 10)),))
    ask = mail(at(11, 10), text="Could we push it back to 3pm on Thursday instead?", subject="Your interview")
    agree = sent(at(11, 11), "Thursday at 3pm works for me.", subject="Re: Your interview",
                 reply_to_id=ask.message_id)
    assert starts(derive([invite, ask, agree], [], ME)) == [at(12, 15)]


def test_b7_reconfirming_the_invitations_time_changes_nothing():
    invite = mail(at(5, 10), events=(ev(at(12, 14)),))
    agree = sent(at(6, 11), "Thursday, November 12 at 2pm works for me. See you then!",
                 reply_to_id=invite.message_id)
    found = derive([invite, agree], [], ME)
    assert starts(found) == [at(12, 14)] and found[0].origin.startswith("event")


# --- B5/B6: staffing agencies ----------------------------------------------------------------------------------

DOM = Person("dominic.reyes@apexsearch.com", "Dominic Reyes")
CARLA = Person("carla.mendes@ridgelinebuilders.com", "Mendes, Carla")


def test_b6_agency_forwarding_the_clients_invitation_is_the_contact_not_an_interviewer():
    event = ev(at(19, 14), uid="fw@ridgeline", organizer=CARLA, attendees=(DOM,),
               summary="Interview: Senior Project Accountant - Jordan Lee",
               description="Interview for the Senior Project Accountant position at Ridgeline Builders.")
    fw = mail(at(13, 9), sender=DOM, subject=f"FW: {event.summary}", events=(event,),
              text="Jordan - forwarding Carla's invite for Thursday.\n\nDominic Reyes\nSenior Recruiter, Apex Search")
    [iv] = derive([fw], [], ME)
    assert [p.email for p in iv.interviewers] == [CARLA.email]
    assert iv.contact == DOM
    assert iv.company == "Ridgeline Builders" and iv.company_domains == ("ridgelinebuilders.com",)


GRACE = Person("grace.whitman@keystonetalent.com", "Whitman, Grace")
TESSA = Person("tessa.byrne@marlowbank.com", "Tessa Byrne")
VICTOR = Person("victor.chen@marlowbank.com", "Victor Chen")


def marlow_invite(received: datetime) -> Message:
    event = ev(at(11, 10), uid="g@marlow", organizer=TESSA, attendees=(TESSA, VICTOR),
               summary="Marlow Bank | Treasury Analyst Interview",
               description="Interview with Victor Chen.\n\nTessa Byrne\nRecruiting Coordinator, Marlow Bank")
    return mail(received, sender=TESSA, subject="Invitation: Marlow Bank", events=(event,))


@pytest.mark.parametrize("text", [
    ("Marlow Bank would like to interview you on Wednesday, November 11 at 10am. Their coordinator will send "
     "you the calendar invitation directly."),
    "Good news: Marlow Bank wants to interview you! Expect an invitation from their team shortly.",
    "Marlow Bank would love to interview you on Nov 11 for the Treasury Analyst role.",
])
def test_b6_agency_that_arranged_the_clients_interview_by_mail_is_the_contact(text):
    heads_up = mail(at(4, 11), sender=GRACE, subject="Marlow Bank interview", text=text)
    [iv] = derive([heads_up, marlow_invite(at(5, 9))], [], ME)
    assert iv.contact == GRACE
    assert iv.company == "Marlow Bank" and [p.email for p in iv.interviewers] == [VICTOR.email]
    assert any("staffing agency" in r for r in iv.reasons)


@pytest.mark.parametrize("text", [
    "Heard you are talking to Marlow Bank - good luck!",  # no interview, no day, no invitation
    "Our interview on Wednesday is confirmed.",  # does not name the client
])
def test_b6_other_outside_mail_does_not_make_an_agency_contact(text):
    note = mail(at(4, 11), sender=GRACE, subject="Hello", text=text)
    [iv] = derive([note, marlow_invite(at(5, 9))], [], ME)
    assert iv.contact == TESSA
