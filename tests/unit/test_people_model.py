"""The people model (B6, B9): person mentions read line by line, a title belonging to its own name only,
recruiters, coordinators and assistants as the contact, names for bare addresses, the company's shared
calendar (issue 13 class 6), and display names written back as the person wrote them."""

from __future__ import annotations

import email
from dataclasses import replace
from datetime import datetime, timedelta
from email import policy as email_policy
from zoneinfo import ZoneInfo

import pytest

from agent import templates
from agent.config import Identity, Profile
from agent.core.compose import ComposedDraft, compose, to_mime
from agent.core.detect import detect_event, judge_event
from agent.core.event_people import coordinator_reason, group_calendar_owner, people_from_mail
from agent.core.mentions import clean_name, local_part_agrees, mentions_in
from agent.core.model import Attendee, DraftAction, Event, Interview, Message, Person

NY = ZoneInfo("America/New_York")
ME = Identity(name="Jordan Lee", email="jordan.lee@gmail.com", timezone="America/New_York")
JORDAN = Person("jordan.lee@gmail.com", "Jordan Lee")
START = datetime(2026, 12, 1, 14, 0, tzinfo=NY)


def guest(person: Person, partstat: str = "ACCEPTED") -> Attendee:
    return Attendee(person=person, partstat=partstat)


def event(organizer: Person | None, *people: Person, description: str = "", summary: str = "Interview: Backend "
          "Engineer", declined: tuple[Person, ...] = ()) -> Event:
    attendees = (guest(JORDAN, "NEEDS-ACTION"), *(guest(p) for p in people),
                 *(guest(p, "DECLINED") for p in declined))
    return Event(uid="u1", start=START, end=START + timedelta(hours=1), summary=summary, description=description,
                 organizer=organizer, attendees=attendees)


def mail(sender: Person, text: str = "", *, date: datetime | None = None, mid: str = "<m1@acme>",
         subject: str = "Interview") -> Message:
    return Message(key=mid, folder="inbox", message_id=mid, date=date or START - timedelta(days=3), sender=sender,
                   subject=subject, text=text)


def people_of(text: str) -> dict[str, tuple[str, str]]:
    return {m.name: (m.title, m.label) for m in mentions_in(text)}


# --- mentions: each label belongs to its own name --------------------------------------------------------------

@pytest.mark.parametrize("text, name, title, label", [
    ("Recruiter: Hannah Brooks", "Hannah Brooks", "", "Recruiter"),
    ("Interviewer: Dr. Amara Okonkwo", "Amara Okonkwo", "", "Interviewer"),
    ("Interviewers: Marcus Webb (Design Lead), Hana Kim (Senior Product Designer)", "Hana Kim",
     "Senior Product Designer", "Interviewers"),
    ("Interviewers: Marcus Webb (Design Lead), Hana Kim (Senior Product Designer)", "Marcus Webb", "Design Lead",
     "Interviewers"),
    ("Hannah Brooks\nTechnical Recruiter", "Hannah Brooks", "Technical Recruiter", ""),
    ("Rowan Ellis\nSenior Technical Recruiter, Sierra Vista Games", "Rowan Ellis",
     "Senior Technical Recruiter, Sierra Vista Games", ""),
    ("You'll meet:\n- Kenji (Analytics Lead)\n- Sofia Reyes (Data Scientist)", "Kenji", "Analytics Lead",
     "You'll meet"),
    ("1:00 PM Kofi Osei (Data Platform) - dbt and modelling", "Kofi Osei", "Data Platform", ""),
    ("1:00 PM - 1:45 PM  Fraud modelling - Gabriel Moreau, Principal Data Scientist", "Gabriel Moreau",
     "Principal Data Scientist", ""),
    ("Questions? Reply to Bea Okafor, Recruiting Coordinator.", "Bea Okafor", "Recruiting Coordinator", ""),
    ("Renee Caldwell\nExecutive Assistant to Marcus Hale, VP Engineering", "Renee Caldwell",
     "Executive Assistant to Marcus Hale, VP Engineering", ""),
    ("I've sent an invite with Marco Silva (Engineering Manager) and Priya Desai (Senior Software Engineer).",
     "Marco Silva", "Engineering Manager", ""),
    ("Interviewers:\nMaya Chen - Engineering Manager", "Maya Chen", "Engineering Manager", "Interviewers"),
    ("Sam Ortiz | Talent Partner", "Sam Ortiz", "Talent Partner", ""),
    ("Cheers,\nOwen Park\nRecruiting, Lumenfield", "Owen Park", "Recruiting, Lumenfield", ""),
    ("Host: Keisha Brown", "Keisha Brown", "", "Host"),
])
def test_b6_mention_gives_each_name_its_own_title_or_label(text, name, title, label):
    assert people_of(text)[name] == (title, label)


def test_b6_a_label_on_the_next_line_is_not_the_name_above():
    """Class 4's flip side: 'Recruiter: Jess Lam' under 'Interviewer: Felix Wagner' is Jess's, not Felix's."""
    found = people_of("Interviewer: Dr. Amara Okonkwo\nInterviewer: Felix Wagner\nRecruiter: Jess Lam\n"
                      "Location: Zoom")
    assert found == {"Amara Okonkwo": ("", "Interviewer"), "Felix Wagner": ("", "Interviewer"),
                     "Jess Lam": ("", "Recruiter")}


@pytest.mark.parametrize("text", [
    "Role: Platform Engineer", "Agenda: Kubernetes operations, on-call", "Location: Zoom (https://x.zoom.us/j/1)",
    "Thanks,\nThe Team", "Best,\nCobalt Ridge Energy\nSent via Lever", "Time: 1:00 PM - 2:30 PM Eastern",
])
def test_b6_lines_that_name_nobody_give_no_mention(text):
    assert mentions_in(text) == [] or all(m.email for m in mentions_in(text))


@pytest.mark.parametrize("text, expected", [
    ("Dr. Amara Okonkwo", "Amara Okonkwo"), ("José García-Márquez", "José García-Márquez"),
    ("Ludwig van Beethoven", "Ludwig van Beethoven"), ("Engineering Manager", ""), ("The Team", ""),
    ("Google Meet", ""), ("k.tanaka@lumenfield.io", ""), ("Room 4B", ""), ("Thursday", ""),
])
def test_b9_clean_name_tells_names_from_other_words(text, expected):
    assert clean_name(text, single=True) == expected


@pytest.mark.parametrize("email, name, agrees", [
    ("k.tanaka@lumenfield.io", "Kenji", True), ("k.osei@fernhill.health", "Kofi Osei", True),
    ("kofiosei@fernhill.health", "Kofi Osei", True), ("kosei@fernhill.health", "Kofi Osei", True),
    ("osei.kofi@fernhill.health", "Kofi Osei", True), ("s.reyes@lumenfield.io", "Kenji", False),
    ("k.tanaka@lumenfield.io", "Sofia Reyes", False), ("jsmith@acme.com", "Kenji", False),
])
def test_b9_local_part_only_ties_a_written_name_to_its_address(email, name, agrees):
    assert local_part_agrees(email, name) is agrees


# --- B6: who is thanked --------------------------------------------------------------------------------------

HANNAH = Person("hannah.brooks@cobaltridge.com", "Hannah Brooks")
MARCO = Person("marco.silva@cobaltridge.com", "Marco Silva")
PRIYA = Person("priya.desai@cobaltridge.com", "Priya Desai")


@pytest.mark.parametrize("description", [
    "Recruiter: Hannah Brooks\nInterviewers: Marco Silva (Engineering Manager), Priya Desai (Senior Engineer)",
    "You'll meet Marco Silva and Priya Desai.\n\nHannah Brooks\nTechnical Recruiter",
    "Hi Jordan,\nSee you soon.\nHannah Brooks\nSenior Technical Recruiter, Cobalt Ridge Energy",
    "Questions? Reach out to Hannah Brooks, Talent Acquisition Partner.",
    "Hannah Brooks\nExecutive Assistant to Marco Silva",
    "Hannah Brooks is our recruiting coordinator.",
])
def test_b6_organizer_titled_recruiter_coordinator_or_assistant_is_the_contact(description):
    iv = detect_event(event(HANNAH, HANNAH, MARCO, PRIYA, description=description), ME)
    assert iv is not None
    assert [p.email for p in iv.interviewers] == [MARCO.email, PRIYA.email]
    assert iv.contact == HANNAH
    assert any("Hannah Brooks is titled" in r for r in iv.reasons)


def test_b6_interviewer_above_a_recruiter_line_is_still_thanked():
    felix = Person("felix.wagner@northwind.com", "Felix Wagner")
    jess = Person("jess.lam@northwind.com", "Jess Lam")
    iv = detect_event(event(jess, felix, MARCO, description="Interviewer: Marco Silva\nInterviewer: Felix Wagner\n"
                                                            "Recruiter: Jess Lam"), ME)
    assert iv is not None and [p.email for p in iv.interviewers] == [felix.email, MARCO.email]


def test_b6_named_interviewer_outright_is_thanked_whatever_else_is_said():
    sam = Person("sam.ortiz@cobaltridge.com", "Sam Ortiz")
    desc = "Interviewer: Sam Ortiz (Talent Partner)"
    iv = detect_event(event(HANNAH, sam, description=desc), ME)
    assert iv is not None and [p.email for p in iv.interviewers] == [sam.email]


def test_b6_declined_attendee_is_out_and_said_so():
    iv = detect_event(event(HANNAH, MARCO, PRIYA, declined=(Person("li.wu@cobaltridge.com", "Li Wu"),)), ME)
    assert iv is not None and [p.email for p in iv.interviewers] == [MARCO.email, PRIYA.email]
    assert "Li Wu declined: not an interviewer" in iv.reasons


def test_b6_a_name_shared_by_two_attendees_marks_neither():
    twin = Person("priya.desai2@cobaltridge.com", "Priya Desai")
    iv = detect_event(event(HANNAH, PRIYA, twin, description="Priya Desai\nTechnical Recruiter"), ME)
    assert iv is not None and len(iv.interviewers) == 2


def test_b6_coordinator_titled_only_in_the_signature_of_their_own_scheduling_mail():
    paul = Person("paul.whitford@tidepool.com", "Paul Whitford")
    ines = Person("ines.duarte@tidepool.com", "Inês Duarte")
    iv = detect_event(event(paul, paul, ines, description="Interview with Inês Duarte (Head of Analytics)"), ME)
    assert iv is not None and len(iv.interviewers) == 2
    later = mail(paul, "Could we move it?\n\nThanks,\nPaul Whitford\nRecruiting Coordinator, Tidepool Analytics")
    fixed = people_from_mail(iv, [later], ME)
    assert [p.email for p in fixed.interviewers] == [ines.email] and fixed.contact == paul
    assert any("in the company's mail" in r for r in fixed.reasons)


def test_b6_mail_after_the_interview_or_from_elsewhere_changes_nobody():
    paul = Person("paul.whitford@tidepool.com", "Paul Whitford")
    iv = detect_event(event(paul, paul), ME)
    assert iv is not None
    sig = "Paul Whitford\nRecruiting Coordinator"
    late = mail(paul, sig, date=START + timedelta(days=2))
    elsewhere = mail(Person("paul.whitford@othercorp.com", "Paul Whitford"), sig, mid="<m9@other>")
    assert people_from_mail(iv, [late, elsewhere], ME).interviewers == iv.interviewers


def test_b6_only_a_recruiter_attends_so_the_thank_you_goes_to_the_contact():
    keisha = Person("keisha.brown@talentloop.io", "Keisha Brown")
    iv = detect_event(event(keisha, keisha, summary="Phone Screen", description="Host: Keisha Brown"), ME)
    assert iv is not None
    earlier = mail(keisha, "Hi Jordan,\n\nKeisha Brown\nTalent Acquisition Partner, TalentLoop")
    fixed = people_from_mail(replace(iv, company_domains=("talentloop.io",)), [earlier], ME)
    assert fixed.interviewers == () and fixed.contact == keisha


def test_b6_sender_signature_title_counts_only_when_it_names_nobody_else():
    text = "Hi Jordan,\nYou'll meet our recruiter.\n\nMaya Chen\nEngineering Manager\n\ncc Sam Ortiz, Recruiter"
    maya = Person("maya.chen@acme.com", "Maya Chen")
    assert coordinator_reason(maya, mentions_in(text), [maya], mail(maya, text)) == ""


# --- B9: names for bare addresses ---------------------------------------------------------------------------

def test_b9_bare_address_takes_the_name_the_invitation_gives():
    kenji = Person("k.tanaka@lumenfield.io", "k.tanaka@lumenfield.io")
    sofia = Person("sofia.reyes@lumenfield.io", "Sofia Reyes")
    desc = "You'll meet:\n- Kenji (Analytics Lead)\n- Sofia Reyes (Data Scientist)"
    iv = detect_event(event(sofia, kenji, sofia, description=desc), ME)
    assert iv is not None
    assert [(p.email, p.name) for p in iv.interviewers] == [(kenji.email, "Kenji"), (sofia.email, "Sofia Reyes")]


def test_b9_bare_address_with_no_agreeing_name_stays_nameless():
    bare = Person("jsmith@lumenfield.io", "")
    iv = detect_event(event(bare, bare, description="You'll meet Kenji (Analytics Lead)"), ME)
    assert iv is not None and iv.interviewers[0].name == ""


# --- class 6: the company's shared candidate calendar -----------------------------------------------------------

CALENDAR = Person("c_5c78e9961a5d147ce5021a4a7a@group.calendar.google.com", "Brightwater Bank Candidate Calendar")


@pytest.mark.parametrize("name, owner", [
    ("Brightwater Bank Candidate Calendar", "Brightwater Bank"), ("Fernhill Interviews", "Fernhill"),
    ("Lumenfield Recruiting", "Lumenfield"), ("", ""),
])
def test_b6_group_calendar_owner_is_the_company_it_names(name, owner):
    ev = event(Person("c_1@group.calendar.google.com", name))
    assert group_calendar_owner(ev) == owner


def test_b6_candidate_calendar_with_names_only_is_an_interview_thanked_through_the_recruiter():
    desc = ("Your itinerary (Eastern Time):\n1:00 PM - 1:45 PM  Fraud modelling - Gabriel Moreau, Principal Data "
            "Scientist\n1:45 PM - 2:30 PM  Hiring manager - Daniel Okafor, Head of Fraud Analytics")
    ev = event(CALENDAR, description=desc, summary="Virtual Onsite: Jordan Lee - Fraud Data Scientist")
    assert judge_event(ev, ME).is_interview
    iv = detect_event(ev, ME)
    assert iv is not None and iv.interviewers == () and iv.company == "Brightwater Bank"
    alana = Person("alana.reyes@brightwaterbank.com", "Alana Reyes")
    found = people_from_mail(iv, [mail(alana, "Alana Reyes\nRecruiter, Brightwater Bank")], ME)
    assert found.company_domains == ("brightwaterbank.com",)


def test_b4_candidate_calendar_without_interview_signals_is_not_an_interview():
    ev = event(Person("c_1@group.calendar.google.com", "Family"), summary="Dinner at Grandma's")
    assert not judge_event(ev, ME).is_interview


# --- B9: the To header as the person wrote it -----------------------------------------------------------------

def _to(name: str) -> tuple[str, str]:
    d = ComposedDraft(to=(Person("a.b@acme.com", name),), subject="Hi", body="Hi\n")
    raw = to_mime(d, ME, message_id="<a1@gmail.com>", date=START)
    addr = email.message_from_bytes(raw, policy=email_policy.default)["To"].addresses
    assert len(addr) == 1 and addr[0].addr_spec == "a.b@acme.com"
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    return addr[0].display_name, raw.decode("ascii")


@pytest.mark.parametrize("name", ["García-Márquez, José", "Priya Raman (Platform)", "Wei Ng (Data)",
                                  "O'Neil, Sean", "Dr. Ana B. Lopez", "Kenji", "Søren Kierkegaard",
                                  "Ana Lopez | Acme Robotics", "李 小龍"])
def test_b9_display_name_is_written_back_as_the_person_wrote_it(name):
    assert _to(name)[0] == name


def test_b9_non_ascii_display_name_is_an_encoded_word_and_specials_are_quoted():
    assert "=?utf-8?q?Garc=C3=ADa-M=C3=A1rquez=2C_Jos=C3=A9?= <a.b@acme.com>" in _to("García-Márquez, José")[1]
    assert '"Priya Raman (Platform)" <a.b@acme.com>' in _to("Priya Raman (Platform)")[1]
    assert "To: a.b@acme.com\r\n" in _to("")[1]


@pytest.mark.parametrize("person, greeting", [
    (Person("jose@acme.com", "García-Márquez, José"), "Hi José,"),
    (Person("priya@acme.com", "Priya Raman (Platform)"), "Hi Priya,"),
    (Person("k.tanaka@lumenfield.io", "k.tanaka@lumenfield.io"), "Hello,"),
    (Person("k.tanaka@lumenfield.io", "Kenji"), "Hi Kenji,"),
    (Person("talent@lumenhealth.com", "Lumen Health Recruiting"), "Hello,"),
    (Person("jobs@vantage.cloud", "Vantage Cloud Interviews"), "Hello,"),
    (Person("sofia@lumenhealth.com", "Sofia Martinez"), "Hi Sofia,"),
])
def test_b9_greeting_from_the_name_never_from_an_address_or_a_team(person, greeting):
    iv = Interview(id="iv-1", origin="event u1", start=START, end=START + timedelta(hours=1), company="Acme",
                   role="Backend Engineer")
    action = DraftAction(key="k", interview_id="iv-1", kind="thank_you", to=person)
    profile = Profile(pitch="I build things.", signature="Jordan")
    body = compose(action, iv, ME, profile, templates=templates.load()).body
    assert body.splitlines()[0] == greeting
