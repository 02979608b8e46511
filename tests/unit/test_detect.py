"""Which events are the user's job interviews, and who the people are (agent/detect.py): B3, B4, B5 (company
and role of an event), B6, B7. Sent-mail confirmations (B2) are in test_sent_interviews.py."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from agent.config import Identity
from agent.core.detect import detect_event, judge_event
from agent.core.model import Attendee, Event, Message, Person

NY = ZoneInfo("America/New_York")
ME = Identity(name="Jordan Lee", email="jordan.lee@gmail.com", aliases=("jordan@lee.dev",),
              timezone="America/New_York", own_domains=("globex.com",))
JORDAN = Person("jordan.lee@gmail.com", "Jordan Lee")
MAYA = Person("maya.chen@acme-robotics.com", "Maya Chen")
SAM = Person("sam.ortiz@acme-robotics.com", "Sam Ortiz")
START = datetime(2026, 12, 1, 14, 0, tzinfo=NY)


def guest(person: Person, partstat: str = "ACCEPTED", cutype: str = "INDIVIDUAL") -> Attendee:
    return Attendee(person=person, partstat=partstat, cutype=cutype)


def event(summary: str = "Interview: Backend Engineer", *, organizer: Person | None = MAYA,
          attendees: tuple[Attendee, ...] | None = None, **kw) -> Event:
    if attendees is None:
        attendees = (guest(JORDAN, "NEEDS-ACTION"), guest(MAYA))
    return Event(uid=kw.pop("uid", "uid-1@acme"), start=kw.pop("start", START),
                 end=kw.pop("end", START + timedelta(hours=1)), summary=summary, organizer=organizer,
                 attendees=attendees, **kw)


def mail(sender: Person | None, subject: str = "Invitation", text: str = "", **kw) -> Message:
    return Message(key=kw.pop("key", "k1"), folder=kw.pop("folder", "inbox"),
                   message_id=kw.pop("message_id", "<inv-1@mail.acme>"),
                   date=kw.pop("date", datetime(2026, 11, 26, 9, 0, tzinfo=NY)), sender=sender, subject=subject,
                   text=text, **kw)


def emails(people) -> list[str]:
    return [p.email for p in people]


# --- B3: what counts as an interview ---------------------------------------------------------------------

def test_b3_external_interview_invitation_is_an_interview():
    verdict = judge_event(event("Technical Screen"), ME)
    assert verdict.is_interview
    assert any("Technical Screen" in r for r in verdict.reasons)


def test_b3_greenhouse_organizer_makes_it_an_interview_without_interview_words():
    ev = event("Acme Robotics <> Jordan Lee", organizer=Person("no-reply@greenhouse.io", "Greenhouse"),
               attendees=(guest(JORDAN), guest(MAYA)))
    verdict = judge_event(ev, ME)
    assert verdict.is_interview
    assert any("Greenhouse" in r for r in verdict.reasons)


def test_b3_lever_carrier_makes_it_an_interview():
    ev = event("Acme Robotics & Jordan", organizer=MAYA)
    carrier = mail(Person("no-reply@hire.lever.co", "Acme Robotics via Lever"))
    assert judge_event(ev, ME, carrier).is_interview


def test_b3_ashby_sender_header_counts_as_a_signal():
    ev = event("Acme Robotics / Jordan", organizer=MAYA)
    carrier = mail(MAYA, headers={"sender": "Acme via Ashby <notifications@ashbyhq.com>"})
    verdict = judge_event(ev, ME, carrier)
    assert verdict.is_interview and any("Ashby" in r for r in verdict.reasons)


def test_b3_goodtime_prodid_makes_it_an_interview():
    ev = event("Acme Robotics | Jordan Lee", prodid="-//GoodTime.io//Scheduler//EN")
    assert judge_event(ev, ME).is_interview


def test_b3_calendly_needs_recruiting_words():
    host = Person("maya.chen@acme-robotics.com", "Maya Chen")
    plain = event("30 Minute Meeting", organizer=host, description="Booked via Calendly")
    carrier = mail(Person("notifications@calendly.com", "Calendly"), subject="New Event: 30 Minute Meeting")
    assert not judge_event(plain, ME, carrier).is_interview
    recruiting = replace(plain, description="Intro call about the Backend Engineer position")
    assert judge_event(recruiting, ME, carrier).is_interview


def test_b3_recruiter_call_is_an_interview():
    recruiter = Person("talent@acme-robotics.com", "Acme Talent")
    ev = event("Recruiter call", organizer=recruiter, attendees=(guest(JORDAN), guest(recruiter)))
    assert judge_event(ev, ME).is_interview


def test_b3_declined_invitation_is_not_an_interview():
    ev = event(attendees=(guest(JORDAN, "DECLINED"), guest(MAYA)))
    verdict = judge_event(ev, ME)
    assert not verdict.is_interview
    assert "rejected: the user declined" in verdict.reasons


def test_b3_declined_through_an_alias_is_not_an_interview():
    ev = event(attendees=(guest(Person("jordan@lee.dev", "Jordan"), "DECLINED"), guest(MAYA)))
    assert detect_event(ev, ME) is None


def test_b3_cancelled_event_is_not_an_interview():
    assert not judge_event(event(status="CANCELLED"), ME).is_interview
    assert not judge_event(event(method="CANCEL"), ME).is_interview


def test_b3_no_external_counterpart_means_no_interview():
    ev = event("Interview", organizer=None, attendees=(guest(JORDAN),))
    assert not judge_event(ev, ME).is_interview


# --- B4: never interviews ----------------------------------------------------------------------------------

def test_b4_user_is_the_organizer():
    verdict = judge_event(event("Interview with Maya", organizer=JORDAN), ME)
    assert not verdict.is_interview
    assert "rejected: the user is the organizer" in verdict.reasons


def test_b4_internal_meeting_inside_own_domains():
    boss = Person("pat@globex.com", "Pat")
    ev = event("Hiring manager sync", organizer=boss, attendees=(guest(JORDAN), guest(boss)))
    assert not judge_event(ev, ME).is_interview


def test_b4_user_interviewing_a_candidate_at_own_employer():
    coordinator = Person("recruiting@globex.com", "Globex Recruiting")
    candidate = Person("casey@gmail.com", "Casey Candidate")
    ev = event("Interview: Casey Candidate (Backend Engineer)", organizer=coordinator,
               attendees=(guest(JORDAN), guest(candidate)))
    assert detect_event(ev, ME) is None


def test_b4_user_research_interview_is_not_a_job_interview():
    participant = Person("lee@customer.io", "Lee")
    ev = event("User interview: onboarding flow", organizer=MAYA, attendees=(guest(JORDAN), guest(participant)))
    verdict = judge_event(ev, ME)
    assert not verdict.is_interview and "research" in verdict.reasons[0]


def test_b4_interview_for_a_user_researcher_role_is_still_an_interview():
    assert judge_event(event("Interview - Senior User Researcher"), ME).is_interview


def test_b4_podcast_interview_is_not_a_job_interview():
    host = Person("host@devpod.fm", "Dev Pod")
    ev = event("Interview with Jordan Lee", organizer=host, attendees=(guest(JORDAN), guest(host)),
               description="Recording for the DevPod podcast, episode 42")
    assert not judge_event(ev, ME).is_interview


def test_b4_newsletter_about_interviewing_with_bulk_headers():
    ev = event("Acing the technical interview", organizer=Person("events@careerweekly.com", "Career Weekly"),
               attendees=(), method="PUBLISH")
    carrier = mail(Person("news@careerweekly.com", "Career Weekly"), subject="This week: interviews",
                   headers={"list-unsubscribe": "<mailto:u@careerweekly.com>", "precedence": "bulk"})
    verdict = judge_event(ev, ME, carrier)
    assert not verdict.is_interview


def test_b4_bulk_headers_alone_reject_an_unaddressed_invitation():
    ev = event("Phone interview practice hour", organizer=Person("host@club.org", "Club"), attendees=())
    carrier = mail(Person("host@club.org", "Club"), headers={"list-id": "<members.club.org>"})
    assert any("bulk" in r or "not a hiring" in r for r in judge_event(ev, ME, carrier).reasons)


def test_b4_job_alert_is_not_an_interview():
    ev = event("New jobs matching Backend Engineer interview-ready roles",
               organizer=Person("alerts@jobsboard.com", "Jobs Board"), attendees=())
    assert not judge_event(ev, ME).is_interview


def test_b4_dentist_appointment_is_not_an_interview():
    dentist = Person("frontdesk@smiledental.com", "Smile Dental")
    ev = event("Dentist appointment", organizer=dentist, attendees=(guest(JORDAN), guest(dentist)),
               description="Please arrive 10 minutes early to fill in the screening form")
    assert not judge_event(ev, ME).is_interview


def test_b4_zoom_webinar_is_not_an_interview():
    host = Person("no-reply@zoom.us", "Zoom")
    ev = event("How hiring managers read your resume", organizer=host, attendees=(guest(JORDAN),),
               description="Thank you for registering for the webinar.")
    assert not judge_event(ev, ME).is_interview


def test_b4_recurring_standup_is_not_an_interview():
    ev = event("Daily standup", recurring=True, description="Sync with the hiring manager's team")
    verdict = judge_event(ev, ME)
    assert not verdict.is_interview
    assert any("recurring" in r for r in verdict.reasons)


def test_b4_recurring_event_titled_interview_still_counts():
    assert judge_event(event("Interview loop (recurring hold)", recurring=True), ME).is_interview


# --- B5: company and role ---------------------------------------------------------------------------------

def test_b5_company_from_the_counterpart_domain():
    iv = detect_event(event("Technical Screen"), ME)
    assert iv is not None
    assert iv.company == "Acme Robotics"
    assert iv.company_domains == ("acme-robotics.com",)


def test_b5_company_never_from_gmail_or_greenhouse_but_from_title():
    recruiter = Person("maya.recruits@gmail.com", "Maya Chen")
    ev = event("Interview with Initech - Backend Engineer", organizer=Person("no-reply@greenhouse.io", "Greenhouse"),
               attendees=(guest(JORDAN), guest(recruiter)))
    iv = detect_event(ev, ME)
    assert iv is not None
    assert iv.company == "Initech"
    assert iv.company_domains == ()


def test_b5_company_from_pair_title():
    ev = event("Initech <> Jordan Lee", organizer=Person("no-reply@greenhouse.io"),
               attendees=(guest(JORDAN), guest(Person("bill@gmail.com", "Bill Lumbergh"))))
    iv = detect_event(ev, ME)
    assert iv is not None and iv.company == "Initech"


def test_b5_company_from_carrier_signature():
    ev = event("Phone interview", organizer=Person("calendar@ashbyhq.com"), attendees=(guest(JORDAN),))
    carrier = mail(Person("bill.l@gmail.com", "Bill Lumbergh"), text="Hi Jordan,\nSee you then.\n\nBill Lumbergh\n"
                   "Talent Partner, Initech Systems")
    iv = detect_event(ev, ME, carrier)
    assert iv is not None and iv.company == "Initech Systems"


def test_b5_company_keeps_the_spelling_used_in_the_title():
    lead = Person("sam@openai.com", "Sam")
    ev = event("OpenAI - Research Engineer - Onsite", organizer=lead, attendees=(guest(JORDAN), guest(lead)))
    iv = detect_event(ev, ME)
    assert iv is not None and iv.company == "OpenAI" and iv.role == "Research Engineer"


def test_b5_role_from_segmented_title():
    iv = detect_event(event("Acme Robotics - Backend Engineer - Technical Screen"), ME)
    assert iv is not None and iv.role == "Backend Engineer"


def test_b5_role_from_interview_colon_title():
    iv = detect_event(event("Interview: Staff Data Scientist"), ME)
    assert iv is not None and iv.role == "Staff Data Scientist"


def test_b5_role_from_description_sentence():
    ev = event("Chat with Acme Robotics", description="A 45 minute chat with Maya Chen (Engineering Manager) "
               "for the Senior Backend Engineer role.")
    iv = detect_event(ev, ME)
    assert iv is not None and iv.role == "Senior Backend Engineer"


def test_b5_interviewer_title_is_not_the_role():
    iv = detect_event(event("Phone screen with Maya Chen (Engineering Manager)"), ME)
    assert iv is not None and iv.role == ""


def test_b5_hiring_manager_interview_does_not_make_hiring_manager_the_role():
    iv = detect_event(event("Hiring Manager Interview"), ME)
    assert iv is not None and iv.role == ""


# --- B6: interviewers and contact -------------------------------------------------------------------------

def test_b6_rooms_resources_and_groups_are_not_interviewers():
    room = Person("c_123@resource.calendar.google.com", "NYC-4-Boardroom")
    team = Person("eng-team@acme-robotics.com", "Engineering")
    ev = event(attendees=(guest(JORDAN), guest(MAYA), guest(SAM), guest(room, cutype="ROOM"),
                          guest(team, cutype="GROUP"), guest(Person("desk@acme-robotics.com"), cutype="RESOURCE")))
    iv = detect_event(ev, ME)
    assert iv is not None and emails(iv.interviewers) == [MAYA.email, SAM.email]


def test_b6_machine_and_group_calendar_addresses_are_not_interviewers():
    ev = event(organizer=Person("acme.com_abc@group.calendar.google.com", "Interviews"),
               attendees=(guest(JORDAN), guest(MAYA), guest(Person("no-reply@acme-robotics.com")),
                          guest(Person("scheduler@acme-robotics.com"))))
    iv = detect_event(ev, ME)
    assert iv is not None and emails(iv.interviewers) == [MAYA.email]


def test_b6_declined_attendees_are_not_interviewers():
    ev = event(attendees=(guest(JORDAN), guest(MAYA), guest(SAM, "DECLINED")))
    iv = detect_event(ev, ME)
    assert iv is not None and emails(iv.interviewers) == [MAYA.email]


def test_b6_organizer_not_attending_is_not_an_interviewer():
    coordinator = Person("riley@acme-robotics.com", "Riley Park")
    ev = event(organizer=coordinator, attendees=(guest(JORDAN), guest(MAYA)))
    iv = detect_event(ev, ME)
    assert iv is not None
    assert emails(iv.interviewers) == [MAYA.email]
    assert iv.contact == coordinator


def test_b6_organizer_alone_is_the_interviewer():
    ev = event(organizer=MAYA, attendees=(guest(JORDAN),))
    iv = detect_event(ev, ME)
    assert iv is not None and emails(iv.interviewers) == [MAYA.email]


def test_b6_organizer_at_recruiting_address_is_not_an_interviewer():
    recruiting = Person("recruiting@acme-robotics.com", "Acme Recruiting")
    ev = event(organizer=recruiting, attendees=(guest(JORDAN), guest(recruiting), guest(MAYA)))
    iv = detect_event(ev, ME)
    assert iv is not None and emails(iv.interviewers) == [MAYA.email]


def test_b6_organizer_titled_recruiting_coordinator_is_not_an_interviewer():
    ev = event(organizer=SAM, attendees=(guest(JORDAN), guest(SAM), guest(MAYA)),
               description="Interviewers:\nMaya Chen - Engineering Manager\n\n"
                           "Questions? Reach out to Sam Ortiz, Recruiting Coordinator")
    iv = detect_event(ev, ME)
    assert iv is not None
    assert emails(iv.interviewers) == [MAYA.email]
    assert iv.contact == SAM


def test_b6_attendee_titled_recruiter_in_signature_is_not_an_interviewer():
    ev = event(organizer=SAM, attendees=(guest(JORDAN), guest(SAM), guest(MAYA)))
    carrier = mail(SAM, text="Hi Jordan, invite attached.\n\nSam Ortiz\nSenior Technical Recruiter | Acme Robotics")
    iv = detect_event(ev, ME, carrier)
    assert iv is not None and emails(iv.interviewers) == [MAYA.email]


def test_b6_staffing_agency_recruiter_is_the_contact():
    agent = Person("dana@brightstaffing.com", "Dana Fox")
    ev = event("Interview - Backend Engineer", organizer=MAYA, attendees=(guest(JORDAN), guest(MAYA)))
    carrier = mail(agent, subject="Fwd: Interview - Backend Engineer")
    iv = detect_event(ev, ME, carrier)
    assert iv is not None
    assert iv.contact == agent
    assert iv.company == "Acme Robotics"
    assert emails(iv.interviewers) == [MAYA.email]


def test_b6_ats_reply_to_is_the_contact():
    ev = event("Acme Robotics - Onsite", organizer=Person("no-reply@greenhouse.io", "Greenhouse"),
               attendees=(guest(JORDAN), guest(MAYA)))
    carrier = mail(Person("no-reply@us.greenhouse-mail.io", "Sam Ortiz via Greenhouse"), reply_to=(SAM,))
    iv = detect_event(ev, ME, carrier)
    assert iv is not None and iv.contact == SAM
    assert emails(iv.interviewers) == [MAYA.email]


def test_b6_people_are_deduplicated_by_email():
    ev = event(attendees=(guest(JORDAN), guest(MAYA), guest(Person(MAYA.email, "Maya C."))))
    iv = detect_event(ev, ME)
    assert iv is not None and emails(iv.interviewers) == [MAYA.email]


# --- B7: identity of an interview across updates ------------------------------------------------------------

def test_b7_rescheduled_event_keeps_its_id():
    first = detect_event(event(uid="abc", sequence=0), ME)
    moved = detect_event(event(uid="abc", sequence=2, start=START + timedelta(days=2),
                               end=START + timedelta(days=2, hours=1)), ME)
    assert first is not None and moved is not None
    assert first.id == moved.id and moved.start == START + timedelta(days=2)
    assert first.id.startswith("iv-") and len(first.id) == 13


def test_b7_new_invitation_for_another_round_is_a_new_interview():
    first = detect_event(event("Phone screen", uid="round-1"), ME)
    second = detect_event(event("Final round", uid="round-2"), ME)
    assert first is not None and second is not None and first.id != second.id


def test_b7_origin_and_thread_ids_come_from_the_event_and_carrier():
    carrier = mail(MAYA, message_id="<m2@acme>", references=("<m1@acme>",))
    iv = detect_event(event(uid="u9", recurrence_id="2026-12-01T19:00:00+00:00"), ME, carrier)
    assert iv is not None
    assert iv.origin == "event u9 2026-12-01T19:00:00+00:00"
    assert iv.thread_message_ids == ("<m2@acme>", "<m1@acme>")


def test_b3_teams_join_link_is_not_a_public_meetup():
    """Regression: every Teams join URL contains '/l/meetup-join/'; links are not prose."""
    from datetime import datetime, timedelta

    from agent.config import Identity
    from agent.core.detect import judge_event
    from agent.core.model import Attendee, Event, Person

    me = Identity(name="Jordan Lee", email="jordan.lee@gmail.com")
    start = datetime(2026, 11, 18, 15, 0, tzinfo=UTC)
    event = Event(uid="n1", start=start, end=start + timedelta(minutes=45),
                  summary="Product Engineer interview - Jordan Lee",
                  description="Looking forward to our conversation about the Product Engineer role.\n"
                              "Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0",
                  organizer=Person("sam.okafor@northwind-labs.com", "Sam Okafor"),
                  attendees=(Attendee(Person("jordan.lee@gmail.com", "Jordan Lee")),))
    assert judge_event(event, me).is_interview


def _panel_event():
    from datetime import datetime, timedelta

    from agent.core.model import Attendee, Event, Person

    start = datetime(2026, 11, 16, 19, 0, tzinfo=UTC)
    return Event(uid="p1", start=start, end=start + timedelta(hours=2),
                 summary="Onsite Interview: Jordan Lee - Security Engineer",
                 organizer=Person("recruiting@corvidsecurity.com", "Corvid Security Recruiting"),
                 attendees=(Attendee(Person("recruiting@corvidsecurity.com", "Corvid Security Recruiting")),
                            Attendee(Person("jordan.lee@gmail.com", "Jordan Lee")),
                            Attendee(Person("liam.foster@corvidsecurity.com", "Liam Foster")),
                            Attendee(Person("security-hiring@corvidsecurity.com", "Security Hiring Panel"),
                                     cutype="GROUP")))


def test_b5_group_and_mailbox_names_do_not_eat_the_role():
    """Regression: "Security Hiring Panel" (a group) made "Security Engineer" read as "Engineer"."""
    from agent.config import Identity
    from agent.core.detect import detect_event

    iv = detect_event(_panel_event(), Identity(name="Jordan Lee", email="jordan.lee@gmail.com"))
    assert iv is not None and iv.role == "Security Engineer"


def test_b6_a_recruiting_mailbox_is_the_contact_only_when_no_person_is_known():
    from agent.config import Identity
    from agent.core.detect import detect_event

    iv = detect_event(_panel_event(), Identity(name="Jordan Lee", email="jordan.lee@gmail.com"))
    assert iv is not None and iv.contact.email == "recruiting@corvidsecurity.com"
    assert [p.email for p in iv.interviewers] == ["liam.foster@corvidsecurity.com"]
