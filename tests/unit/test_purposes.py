"""What a meeting that says "interview" is for (agent/core/purposes.py, event_signals, sent_purpose): B3's
hiring context and B4's purposes, judged on what the event or mail IS, not on a word anywhere."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agent.config import Identity
from agent.core import purposes
from agent.core.detect import judge_event
from agent.core.model import Attendee, Event, Message, Person
from agent.core.sent_interviews import detect_sent
from agent.core.sent_purpose import judge_sent

NY = ZoneInfo("America/New_York")
ME = Identity(name="Jordan Lee", email="jordan.lee@gmail.com", aliases=("jordan.lee@brightpath.io",),
              timezone="America/New_York", own_domains=("brightpath.io",))
JORDAN = Person("jordan.lee@gmail.com", "Jordan Lee")
WORK = Person("jordan.lee@brightpath.io", "Jordan Lee")
START = datetime(2026, 12, 1, 14, 0, tzinfo=NY)


def guest(person: Person, partstat: str = "ACCEPTED") -> Attendee:
    return Attendee(person=person, partstat=partstat)


def event(summary: str, organizer: Person, *others: Person, description: str = "", me: Person = JORDAN) -> Event:
    return Event(uid="uid-1@x", start=START, end=START + timedelta(hours=1), summary=summary, organizer=organizer,
                 attendees=(guest(me, "NEEDS-ACTION"), *(guest(p) for p in others)), description=description)


def verdict(summary: str, organizer: Person, *others: Person, description: str = "", me: Person = JORDAN):
    return judge_event(event(summary, organizer, *others, description=description, me=me), ME)


# --- B4: the purpose a title states ---------------------------------------------------------------------

@pytest.mark.parametrize("title, kind", [
    ("Board Interview - Apt 7C purchase (J. Lee)", "housing"),
    ("Harborview Terrace Condominium - Prospective Owner Interview (Unit 12B)", "housing"),
    ("Co-op board interview: 145 East 74th St", "housing"),
    ("HOA interview for new residents", "housing"),
    ("Admissions Interview: Lee family (Maya, K 2027)", "admissions"),
    ("Parent interview - Kindergarten 2027", "admissions"),
    ("MBA interview with alumni", "admissions"),
    ("Prep call: H-1B consular interview (Jordan Lee / Larchmont Systems petition)", "government"),
    ("Visa Interview - U.S. Consulate General Chennai", "government"),
    ("Naturalization interview - Jordan Lee (USCIS New York Field Office)", "government"),
    ("Green card interview prep", "government"),
    ("WKNV Live Interview: holiday shopping scams segment", "media"),
    ("Podcast Recording between Priya Raman and Jordan Lee", "media"),
    ("Press interview: TechWire x Jordan Lee", "media"),
    ("Interview request: story on four-day work weeks", "media"),
    ("Research session: how teams plan on-call rotations", "research"),
    ("Paid interview opportunity ($200) - 60 min about cloud monitoring tools", "research"),
    ("Customer interview (Jordan Lee) - Loomcraft", "research"),
    ("Volunteer Enrollment Interview between Joanne Pike and Jordan Lee", "volunteer"),
    ("Mock interview: System Design", "practice"),
    ("Exit interview - final conversation", "practice"),
    ("TalentLoop demo: structured interviews & candidate scheduling", "sales"),
])
def test_b4_purpose_stated_in_a_title(title, kind):
    found = purposes.find_purpose(title)
    assert found is not None and found[0].name == kind, found


@pytest.mark.parametrize("title", [
    "User Research Manager - Final Round (Jordan Lee)",
    "Interview - Senior UX Researcher",
    "Interview: Head of User Research",
    "Phone screen: Podcast Producer",
    "Interview: Admissions Counselor - Jordan Lee",
    "Interview with the Director of Admissions",
    "Final round - Volunteer Programs Manager",
    "Interview: Immigration Paralegal (Jordan Lee)",
    "Interview - Enterprise Segment Account Executive",
    "Radio Frequency Engineer - onsite",
    "Interview: Senior Video Producer - Jordan Lee",
    "Final round - Jordan Lee / Senior Data Engineer",
])
def test_b4_a_role_title_is_not_a_purpose(title):
    assert purposes.find_purpose(title) is None


@pytest.mark.parametrize("text, labels", [
    ("Carmen Alvarez\nRecruiter, Northbeam Media Group", ()),
    ("Gabe Ross, Executive Producer at Northbeam Media", ("northbeammedia",)),
    ("Segment Producer, Good Morning | WKNV-TV", ("wknv-tv",)),
    ("Interview with Radio Flyer - Product Designer", ("radioflyer",)),
    ("Anita Desai, Senior Associate, Fairbanks Immigration LLP", ()),
])
def test_b4_a_company_name_is_never_evidence(text, labels):
    found = purposes.find_purpose(text, labels)
    assert found is None, found


def test_b4_the_same_words_outside_the_name_still_count():
    found = purposes.find_purpose("Podcast interview at Radio Flyer HQ", ("radioflyer",))
    assert found is not None and found[1] == "Podcast"
    found = purposes.find_purpose("Live interview on air: Radio Flyer", ("radioflyer",))
    assert found is not None and found[1] == "Live interview"


@pytest.mark.parametrize("text, expected", [
    ("Meeting for BrightPath", "BrightPath"),
    ("BrightPath Interviewer Calendar", "BrightPath"),
    ("Interview: Alex Kim - BrightPath Senior Backend Engineer", "BrightPath"),
    ("Interview with Bright Path", "Bright Path"),
    ("Interview at Acme Robotics", ""),
])
def test_b4_the_users_own_employer_as_written(text, expected):
    assert purposes.employer_named(text, ["brightpath.io"]) == expected


def test_b4_a_counterpart_whose_name_contains_the_employers_is_not_the_employer():
    assert purposes.employer_named("Interview: Acme Robotics - Backend Engineer", ["acme.com"], ["acmerobotics"]) == ""
    assert purposes.employer_named("Acme vendor review", ["acme.com"], ["acmerobotics"]) == "Acme"


@pytest.mark.parametrize("text, has", [
    ("for the Senior Data Engineer role", True),
    ("Tessa Morgan\nSenior Recruiter", True),
    ("your application for the Backend Engineer position", True),
    ("we'd love you to join our team", True),
    ("the board decides within 5 business days", False),
    ("Participant Recruitment, Fieldwork Panel", False),
    ("your purchase application for Apartment 7C", False),
])
def test_b3_hiring_words(text, has):
    assert bool(purposes.hiring_words(text)) is has


# --- B3/B4 on invitations -------------------------------------------------------------------------------

ALICIA = Person("amoreno@brownstonemgmt.com", "Alicia Moreno")
REPORTER = Person("hcho@metroledger.com", "Hannah Cho")
RECRUITER = Person("tessa.morgan@fernwoodhealth.com", "Tessa Morgan")
PANELIST = Person("omar.haddad@fernwoodhealth.com", "Omar Haddad")


@pytest.mark.parametrize("summary, organizer, description", [
    ("Board Interview - Apt 7C purchase", ALICIA, "The board typically decides within 5 business days."),
    ("Admissions Interview: Lee family", Person("admissions@brookfieldschool.org", "Helen Marsh"), ""),
    ("Naturalization interview - Jordan Lee", Person("rjimenez@castellanolaw.com", "Rosa Jimenez"), ""),
    ("WKNV Live Interview: holiday scams segment", Person("mreyes@wknv-tv.com", "Reyes, Marcus"), ""),
    ("Volunteer Enrollment Interview", Person("jpike@bridgesmentoring.org", "Joanne Pike"), ""),
    ("Interview", REPORTER, "For my story on four-day work weeks at the Metro Ledger."),
    ("Interview with Jordan", Person("host@devpod.fm", "Dev Pod"), "Recording for episode 42 of our podcast."),
    ("Interview", ALICIA, "Your board interview for the purchase of Apartment 7C, Owners Corp."),
])
def test_b4_non_job_interviews_are_rejected_with_a_reason(summary, organizer, description):
    v = verdict(summary, organizer, organizer, description=description)
    assert not v.is_interview
    assert v.reasons[0].startswith("rejected:") and "'" in v.reasons[0]


@pytest.mark.parametrize("summary, description", [
    ("User Research Manager - Final Round (Jordan Lee)",
     ("Research presentation + panel for the User Research Manager role. Prepare a case study of a usability "
      "study or user interview program you led.")),
    ("Final round - Jordan Lee / Senior Data Engineer",
     "You'll meet Bea Santos from our podcast team - she owns the pipelines this role would support."),
    ("Interview: Senior Video Producer - Jordan Lee",
     ("He'll ask about your podcast and television segment work and a recent media interview you produced.\n\n"
      "Carmen Alvarez\nRecruiter, Northbeam Media Group")),
    ("Interview: Admissions Counselor", "Meet the Director of Admissions about the counselor position."),
    ("Final round: product demo (Account Executive)", "A mock demo of our platform to two sales leaders."),
])
def test_b4_near_miss_real_interviews_are_kept(summary, description):
    v = verdict(summary, RECRUITER, PANELIST, description=description)
    assert v.is_interview, v.reasons
    assert any(r.startswith("hiring context:") for r in v.reasons)


def test_b4_description_words_count_only_when_nothing_speaks_of_a_job():
    text = "We'll talk about your podcast for our story."
    assert not verdict("Interview", REPORTER, REPORTER, description=text).is_interview
    assert verdict("Interview", REPORTER, REPORTER, description=text + " And the Staff Writer role.").is_interview


def test_b4_vendor_demo_for_the_users_employer_is_not_an_interview():
    ae = Person("dominic.reyes@talentloop.io", "Dominic Reyes | TalentLoop")
    v = verdict("TalentLoop demo: structured interviews & candidate scheduling for BrightPath", ae, ae, me=WORK,
                description="How TalentLoop automates interview scheduling for your recruiters. Pricing.")
    assert not v.is_interview and "own employer ('BrightPath')" in v.reasons[0]


def test_b4_interviewer_side_group_calendar_with_a_copied_candidate():
    cal = Person("c_abc123@group.calendar.google.com", "BrightPath Interviewer Calendar")
    colleague = Person("omar.diaz@brightpath.io", "Omar Diaz")
    candidate = Person("priya.nair.eng@gmail.com", "Priya Nair")
    v = verdict("Onsite: Priya Nair - Staff Engineer", cal, colleague, candidate, me=WORK,
                description="System Design - Jordan Lee\nCoding - Omar Diaz")
    assert not v.is_interview
    assert "colleague (omar.diaz@brightpath.io)" in v.reasons[0] and "interviewing side" in v.reasons[0]


@pytest.mark.parametrize("summary", [
    "Interview: Alex Kim (candidate) with Jordan Lee, Hiring Manager",
    "Technical interview - Jordan Lee (Interviewer)",
    "Interview: Candidate: Alex Kim - Backend Engineer",
])
def test_b4_the_user_named_on_the_interviewing_side(summary):
    agency = Person("kelly@summittechstaffing.com", "Kelly Nguyen")
    v = verdict(summary, agency, Person("alexkim.codes@gmail.com", "Alex Kim"))
    assert not v.is_interview
    assert "names the user as interviewer" in v.reasons[0] or "as the candidate" in v.reasons[0]


@pytest.mark.parametrize("summary", [
    "Jordan Lee - Panel Interview - Backend Engineer",
    "Jordan Lee - Hiring Manager Interview",
    "Interview: Candidate: Jordan Lee - Backend Engineer",
    "Interview: Candidate: Jordan A. Lee",
])
def test_b4_the_user_as_candidate_is_not_the_interviewing_side(summary):
    assert verdict(summary, RECRUITER, PANELIST).is_interview


def test_b4_public_event_words_inside_a_company_name_do_not_reject():
    recruiter = Person("kelly@summittechstaffing.com", "Kelly Nguyen")
    v = verdict("Interview: Backend Engineer", recruiter, PANELIST,
                description="Kelly Nguyen\nSenior Technical Recruiter, Summit Tech Staffing")
    assert v.is_interview, v.reasons


def test_b3_interview_words_with_no_hiring_context_are_not_a_job_interview():
    friend = Person("kim.tran88@gmail.com", "Kim Tran")
    v = verdict("Interview", friend, friend)
    assert not v.is_interview and "no hiring context" in v.reasons[-1]
    assert verdict("Interview: Backend Engineer", friend, friend).is_interview  # a role is a hiring context
    assert verdict("Interview", ALICIA, ALICIA).is_interview  # someone at a company is one too


# --- B2 with B3/B4: interviews from sent mail -----------------------------------------------------------

def sent(text: str, subject: str, to: Person, in_reply_to: str = "") -> Message:
    return Message(key="s1", folder="sent", message_id="<s1@gmail.com>", date=datetime(2026, 11, 9, 18, 0, tzinfo=NY),
                   sender=JORDAN, to=(to,), subject=subject, text=text, in_reply_to=in_reply_to,
                   references=(in_reply_to,) if in_reply_to else ())


def inbox(text: str, subject: str, sender: Person) -> Message:
    return Message(key="i1", folder="inbox", message_id="<i1@x>", date=datetime(2026, 11, 9, 12, 0, tzinfo=NY),
                   sender=sender, to=(JORDAN,), subject=subject, text=text)


@pytest.mark.parametrize("text, subject, to, asked", [
    ("Confirming the board interview on Tuesday, November 17 at 7:30 PM. Looking forward to meeting the board.",
     "Re: Board interview - 145 East 74th St, Unit 3B", Person("ktran@lenoxhillpm.com", "Kevin Tran"), ""),
    ("Happy to do the interview. Thursday, November 12 at 11:00 AM works for me.",
     "Re: Interview request", REPORTER, "I'm a reporter working on a story about four-day work weeks."),
    ("Thursday, November 19 at 3:00 PM ET works for the interview.",
     "Re: Paid interview opportunity ($200)", Person("recruit@fieldworkpanel.com", "Gail Porter"), ""),
    ("Good luck at your onsite on Thursday, November 19 at 10am - you'll crush the interview.",
     "Re: Fwd: How I prepared for my final round interview", Person("kim.tran88@gmail.com", "Kim Tran"), ""),
    ("Confirming my visa interview on Tuesday, November 24 at 9:15 AM.",
     "Re: Consulate appointment", Person("adesai@fairbanksimmigration.com", "Anita Desai"), ""),
    ("Our interview is on Tuesday, November 17 at 2pm.", "Re: Backend Engineer role", RECRUITER, ""),
    ("Tuesday, November 17 at 2pm works for me for the interview.", "Re: catching up",
     Person("kim.tran88@gmail.com", "Kim Tran"), ""),
])
def test_b2_b4_sent_mail_that_is_not_the_users_job_interview(text, subject, to, asked):
    context = [inbox(asked, subject.removeprefix("Re: "), to)] if asked else []
    msg = sent(text, subject, to, in_reply_to="<i1@x>" if asked else "")
    assert detect_sent(msg, ME, context) is None


def test_b2_b4_each_sent_rejection_says_why():
    kim = Person("kim.tran88@gmail.com", "Kim Tran")
    ok, why = judge_sent(sent("Good luck at your onsite Thursday at 10am!", "Re: onsite", kim),
                         "Good luck at your onsite Thursday at 10am!", ME)
    assert not ok and "someone else's interview" in why
    ok, why = judge_sent(sent("Tuesday at 2pm works for me.", "Re: Board interview - Unit 3B", ALICIA),
                         "Tuesday at 2pm works for me.", ME)
    assert not ok and "'Unit 3B'" in why
    ok, why = judge_sent(sent("Tuesday at 2pm works for me for the interview.", "Re: hi", kim),
                         "Tuesday at 2pm works for me for the interview.", ME)
    assert not ok and "nothing says job" in why


@pytest.mark.parametrize("text, subject, to", [
    ("Thursday, November 12 at 11am ET works for me - confirmed.", "Re: Payments Engineer - interview with Kwame",
     Person("marisol.vega@brightlinepay.com", "Marisol Vega")),
    ("Confirming our phone screen on Tuesday, November 17 at 2pm.", "Re: Phone screen - User Research Manager",
     RECRUITER),
    ("Looking forward to our interview at Initech on Tuesday, November 17 at 3pm.", "Re: hello",
     Person("bill.recruits@gmail.com", "Bill Lumbergh")),
    ("Thank you for your interview invitation - Tuesday, November 17 at 2pm works for me.", "Re: Next steps",
     Person("noor@podcastco.com", "Noor Haddad")),
])
def test_b2_b3_the_users_own_job_interview_from_sent_mail_is_kept_with_its_hiring_context(text, subject, to):
    iv = detect_sent(sent(text, subject, to), ME)
    assert iv is not None
    assert any(r.startswith("hiring context:") for r in iv.reasons)


@pytest.mark.parametrize("title, kept", [
    ("Board interview - CEO position", True),
    ("Visa interview - Treasurer role", True),
    ("Mock interview for the Backend Engineer role", False),
    ("Exit interview - your role at Globex", False),
    ("Customer interview: your hiring process", False),
    ("Paid interview for Engineering Managers", False),
])
def test_b4_a_job_opening_in_the_title_outweighs_its_purpose_but_never_a_practice_one(title, kept):
    assert (purposes.stated_purpose(title) is None) is kept
