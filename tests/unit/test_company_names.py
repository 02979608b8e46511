"""B5: the company as the company writes its name, tied to its domain (agent/core/company_names.py), the
whole role (agent/core/companies.py), and both carried into interviews from the mail around them."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agent.config import Identity
from agent.core.companies import choose_role, phrase_role, role_from_text, stated_role
from agent.core.company_names import written_name
from agent.core.detect import detect_event
from agent.core.interviews import derive
from agent.core.model import Attendee, Event, Message, Person

NY = ZoneInfo("America/New_York")
ME = Identity(name="Jordan Lee", email="jordan.lee@gmail.com", aliases=(), timezone="America/New_York",
              own_domains=())
JORDAN = Person("jordan.lee@gmail.com", "Jordan Lee")
START = datetime(2026, 12, 1, 14, 0, tzinfo=NY)


# --- B5 company: the written name that spells the domain ---------------------------------------------------

@pytest.mark.parametrize(("domain", "texts", "expected"), [
    ("halcyontravel.com", ["Megan Ross | Halcyon Travel"], "Halcyon Travel"),
    ("lumenhealth.com", ["Lumen Health Recruiting"], "Lumen Health"),
    ("ridgewaylogistics.com", ["Ridgeway Logistics via SmartRecruiters"], "Ridgeway Logistics"),
    ("hartwellfinch.com", ["Best wishes,\nthe team at Hartwell & Finch"], "Hartwell & Finch"),
    ("pebbleandpine.com", ["Thank you for applying to Pebble & Pine!"], "Pebble & Pine"),
    ("cedarpointmed.org", ["Welcome to Cedar Point Medical Center! Your onsite schedule:"],
     "Cedar Point Medical Center"),
    ("lowtide.coffee", ["Conversation about the E-commerce Manager role at Lowtide Coffee Co."],
     "Lowtide Coffee Co."),
    ("pinecrestins.com", ["Interview Confirmation - Associate Pricing Actuary - Pinecrest Insurance"],
     "Pinecrest Insurance"),
    ("stonebridgehp.com", ["Kofi Mensah | Talent Acquisition | Stonebridge Health Partners"],
     "Stonebridge Health Partners"),
    ("falkenberg-mb.de", ["Anna Schulz\nHR Recruiting\nFalkenberg Maschinenbau GmbH"], "Falkenberg Maschinenbau"),
    ("northgate-ai.com", ["Executive Assistant to Daniel Kim, CTO, Northgate AI"], "Northgate AI"),
    ("fernhill.health", ["Fernhill Interviews", "Fernhill Health - Senior Analytics Engineer - Interview"],
     "Fernhill Health"),
    ("ibm.com", ["International Business Machines"], "International Business Machines"),
    ("bankofamerica.com", ["Your interview at Bank of America is confirmed"], "Bank of America"),
])
def test_b5_written_name_spells_the_domain(domain, texts, expected):
    assert written_name(domain, texts) == expected


def test_b5_written_name_runs_on_to_the_end_of_the_name():
    texts = ["Here is your technical interview for the Backend Engineer role at Granite Peak Software: coding.",
             "Priya Natarajan\nTechnical Recruiter\nGranite Peak Software"]
    assert written_name("granitepeak.io", texts) == "Granite Peak Software"


def test_b5_written_name_stops_before_a_role_a_team_word_or_a_day():
    assert written_name("granitepeak.io", ["Granite Peak Software Engineer interview"]) == "Granite Peak"
    assert written_name("meridianrail.com", ["Meridian Rail Recruiting"]) == "Meridian Rail"
    assert written_name("acme.com", ["The Acme Team"]) == "Acme"
    assert written_name("acme.com", ["Acme Monday"]) == "Acme"
    assert written_name("acme-robotics.com", ["Where: Acme Robotics HQ, 500 Harbor Blvd"]) == "Acme Robotics"


def test_b5_the_plainly_written_full_name_wins_over_a_short_mention():
    texts = ["Hope to see you join Meridian Law soon.", "Recruiting Manager | Meridian Law Group",
             "Meridian Law Group"]
    assert written_name("meridianlaw.com", texts) == "Meridian Law Group"


def test_b5_legal_forms_are_left_off_and_co_only_when_also_written_without():
    assert written_name("acme-robotics.com", ["Acme Robotics, Inc."]) == "Acme Robotics"
    assert written_name("hartwellfinch.co.uk", ["PA to Imogen Hartwell | Hartwell & Finch LLP"]) == "Hartwell & Finch"
    assert written_name("lowtide.coffee", ["Lowtide Coffee Co.", "Thanks from Lowtide Coffee"]) == "Lowtide Coffee"


def test_b5_no_written_name_when_the_mail_never_writes_it():
    assert written_name("acme-robotics.com", ["Hi Jordan, see you Tuesday at 2pm."]) == ""
    assert written_name("meta.com", ["Meeting Tuesday Agenda"]) == ""
    assert written_name("", ["Acme"]) == ""


# --- B5 role: the whole title ------------------------------------------------------------------------------

PEOPLE = {"jordan", "lee", "maya", "chen", "marcus", "hale", "nadia", "karim"}


@pytest.mark.parametrize(("title", "expected"), [
    ("Interview: Associate Pricing Actuary (R-10482) - Cedar Ridge Bank", "Associate Pricing Actuary"),
    ("Northgate AI - Head of Platform Engineering - conversation with Daniel Kim", "Head of Platform Engineering"),
    ("Jordan Lee <> Marcus Hale (Orbital Freight) - Director of Engineering interview", "Director of Engineering"),
    ("Interview: Software Engineer, Developer Platform at Oakhurst Software", "Software Engineer, Developer Platform"),
    ("Copperleaf - Backend Engineer (Billing) interview with Jordan Lee", "Backend Engineer (Billing)"),
    ("Re: Kranich Mobility - second interview (Senior Backend Engineer, Routing)", "Senior Backend Engineer, Routing"),
    ("Hartwell & Finch - Associate, Corporate Finance - interview", "Associate, Corporate Finance"),
    ("Interview Embedded Software Engineer (m/w/d) - Jordan Lee", "Embedded Software Engineer"),
    ("Bramble Games - Technical Artist Interview", "Technical Artist"),
    ("Invitation: Saltmarsh: Technical Screen - iOS Engineer (Jordan Lee)", "iOS Engineer"),
    ("Interview: Legal Operations Analyst (Jordan Lee)", "Legal Operations Analyst"),
    ("Backend Engineer, Maya Chen", "Backend Engineer"),
])
def test_b5_role_is_the_whole_title(title, expected):
    assert role_from_text(title, "", PEOPLE) == expected


def test_b5_role_is_never_the_kind_of_meeting():
    assert phrase_role("Recruiter Phone Screen between Nadia Karim and Jordan Lee", "", PEOPLE) == ""
    assert phrase_role("HR call with Maya Chen", "", PEOPLE) == ""
    assert phrase_role("Interview with Maya Chen (Engineering Manager)", "", PEOPLE) == ""


def test_b5_stated_role_drops_trailing_lower_case_words():
    assert stated_role("Thanks for your interest in the Warehouse Systems Analyst contract-to-hire role.") == \
        "Warehouse Systems Analyst"
    assert stated_role("Applying for the Audience Growth Manager role at Foxglove Media.") == "Audience Growth Manager"


def test_b5_choose_role_takes_a_fuller_writing():
    assert choose_role(["SRE", "Site Reliability Engineer"]) == "Site Reliability Engineer"
    assert choose_role(["Backend Engineer", "Backend Engineer (Billing)"]) == "Backend Engineer (Billing)"
    assert choose_role(["Audience Growth Manager", "Recruiter"]) == "Audience Growth Manager"
    assert choose_role(["", "Data Analyst"]) == "Data Analyst"
    assert choose_role([]) == ""


# --- B5 in interviews -----------------------------------------------------------------------------------

def _event(summary: str, description: str, organizer: Person, *others: Person) -> Event:
    attendees = (Attendee(JORDAN, "NEEDS-ACTION"), *(Attendee(p, "ACCEPTED") for p in others))
    return Event(uid="uid-1@x", start=START, end=START + timedelta(hours=1), summary=summary,
                 description=description, organizer=organizer, attendees=attendees)


def _mail(sender: Person, subject: str, text: str, *, folder: str = "inbox", to=(JORDAN,), mid: str = "<m1@x>",
          day: int = 20, **kw) -> Message:
    return Message(key=mid, folder=folder, message_id=mid, date=datetime(2026, 11, day, 9, 0, tzinfo=NY),
                   sender=sender, to=tuple(to), subject=subject, text=text, **kw)


def test_b5_event_company_from_the_signature_not_the_domain():
    priya = Person("priya@granitepeak.io", "Priya Natarajan")
    luis = Person("luis@granitepeak.io", "Luis Ortega")
    ev = _event("Technical Interview - Backend Engineer - Jordan Lee",
                "Interview for the Backend Engineer role.\n\n"
                "Priya Natarajan\nTechnical Recruiter\nGranite Peak Software",
                priya, priya, luis)
    iv = detect_event(ev, ME)
    assert iv is not None and iv.company == "Granite Peak Software" and iv.role == "Backend Engineer"
    assert any("as the mail writes it" in r for r in iv.reasons)


def test_b5_event_company_made_from_the_domain_only_as_a_last_resort():
    maya = Person("maya@acme-robotics.com", "Maya Chen")
    iv = detect_event(_event("Interview", "Technical conversation.", maya, maya), ME)
    assert iv is not None and iv.company == "Acme Robotics"
    assert any("made from the domain" in r for r in iv.reasons)


def test_b5_event_role_stated_in_the_description_beats_the_title_abbreviation():
    lucia = Person("lucia@altamirasystems.com", "Lucía Ortega")
    jose = Person("jose@altamirasystems.com", "José García-Márquez")
    iv = detect_event(_event("Altamira Systems - SRE Interview - Jordan Lee",
                             "Interview for the Site Reliability Engineer role with José.", lucia, jose), ME)
    assert iv is not None and iv.role == "Site Reliability Engineer" and iv.company == "Altamira Systems"


def test_b5_sent_mail_interview_takes_the_company_from_the_mail_it_answers():
    marta = Person("marta@ridgewaylogistics.com", "Marta Kowalski")
    invite = _mail(Person("noreply@smartrecruiters.com", "Marta Kowalski via SmartRecruiters"),
                   "Invitation to Job Interview - Fleet Systems Analyst",
                   "Thank you for applying to the Fleet Systems Analyst position at Ridgeway Logistics. "
                   "I would like to invite you for an interview.", reply_to=(marta,), mid="<inv@sr>")
    reply = _mail(JORDAN, "Re: Invitation to Job Interview - Fleet Systems Analyst",
                  "Thursday, November 26 at 11:00 AM works for me, and I look forward to the interview.",
                  folder="sent", to=(marta,), mid="<re@me>", day=21, in_reply_to="<inv@sr>", references=("<inv@sr>",))
    [iv] = derive([invite, reply], [], ME)
    assert iv.company == "Ridgeway Logistics" and iv.role == "Fleet Systems Analyst"
    assert any("writes it" in r for r in iv.reasons)
