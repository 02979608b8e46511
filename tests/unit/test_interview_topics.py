"""B10: what the invitation and the scheduling mail say the interview covers, its format and each
interviewer's title or team (agent.core.interview_topics), and how the thank-yous use them (compose)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from agent import templates
from agent.config import Identity, Profile
from agent.core import interview_topics as it
from agent.core.compose import compose, recipient_index
from agent.core.model import DraftAction, Interview, Message, Person

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
ME = Identity(name="Jordan Lee", email="jordan.lee@gmail.com", timezone="America/New_York")
ANA, BEN = Person("ana@acme.com", "Ana Souza"), Person("ben@acme.com", "Ben Okafor")


@pytest.mark.parametrize("text,expected", [
    ("The interview will cover system design and data modelling.", "system design and data modelling"),
    ("We'll cover SQL, experiment design and a recent project of yours.",
     "SQL, experiment design and a recent project of mine"),
    ("Agenda: SQL, experiment design and a recent project", "SQL, experiment design and a recent project"),
    ("This technical interview with Lena Fischer (Senior Platform Engineer) will focus on API design and reliability.",
     "API design and reliability"),
    ("We will discuss your work with Python and Go with Ana on Zoom.", "my work with Python and Go"),
    ("Topics: caching, queues", "caching, queues"),
    ("Join Zoom meeting https://zoom.us/j/123", ""),
    ("Please check in at the front desk.", ""),
    ("We'll cover how you would design a rate limiter.", ""),  # a question, not a topic a note can name
])
def test_b10_topics_as_the_invitation_writes_them(text, expected):
    assert it.topics([text]) == expected


@pytest.mark.parametrize("text,expected", [
    ("We'll talk through a system you built and do a short design exercise.",
     "talking through a system I built and doing a short design exercise"),
    ("You'll pair with an engineer on a small feature.", "pairing with an engineer on a small feature"),
    ("We'll send you a link.", ""),
    ("The interview will cover system design.", ""),
])
def test_b10_activities_in_the_users_voice(text, expected):
    assert it.activities([text]) == expected


@pytest.mark.parametrize("texts,expected", [
    (["Phone Screen - Jordan Lee / Acme"], "phone screen"),
    (["Recruiter call with Sam"], "recruiter call"),
    (["Final round: Senior Data Analyst"], "final-round interview"),
    (["Panel interview: Backend Engineer"], "panel interview"),
    (["Onsite Backend Engineer interview"], "onsite interview"),
    (["Interview", "This is your technical interview for the role."], "technical interview"),
    (["Backend Engineer Interview - Jordan Lee"], ""),
    (["Final round", "a quick phone screen first"], "final-round interview"),  # the title first
])
def test_b10_interview_format(texts, expected):
    assert it.interview_format(texts) == expected


@pytest.mark.parametrize("title,expected", [
    ("Engineering Manager", ("Engineering Manager", "")),
    ("Analytics Lead", ("Analytics Lead", "")),
    ("Data Platform", ("", "Data Platform")),
    ("Platform team", ("", "Platform")),
    ("Senior Technical Recruiter, Sierra Vista Games", ("Senior Technical Recruiter", "")),
    ("call me at 555 0100", ("", "")),
    ("", ("", "")),
])
def test_b10_title_or_team(title, expected):
    assert it.title_or_team(title) == expected


def _iv(**kw) -> Interview:
    base = dict(id="iv-1", origin="event u1", start=START, end=START + timedelta(hours=1), company="Acme Robotics",
                company_domains=("acme.com",), role="Backend Engineer", interviewers=(ANA, BEN))
    return Interview(**{**base, **kw})


def test_b10_describe_reads_invitation_and_scheduling_mail_and_says_why():
    mail = Message(key="k", folder="inbox", message_id="<m1@acme.com>", date=START - timedelta(days=3),
                   sender=ANA, subject="Your panel interview", text="We'll cover system design and data modelling.")
    iv = it.describe(_iv(description="Interviewers: Ana Souza (Engineering Manager), Ben Okafor (Data Platform)",
                         thread_message_ids=("<m1@acme.com>",)), [mail])
    assert iv.topics == "system design and data modelling" and iv.interview_format == "panel interview"
    assert dict(iv.person_titles) == {"ana@acme.com": "Engineering Manager", "ben@acme.com": "Data Platform"}
    assert any("covers 'system design" in r for r in iv.reasons)


def test_b10_describe_invents_nothing_when_nothing_is_said():
    iv = _iv(description="Join with Google Meet.")
    assert it.describe(iv, []) == iv


PITCH_ONLY = Profile(pitch="I build APIs. I like tests.")


def _note(iv: Interview, to: Person, profile: Profile = PITCH_ONLY, index=None):
    action = DraftAction(f"{iv.id}:thank_you:{to.email}", iv.id, "thank_you", to)
    n = recipient_index(action, iv, [iv]) if index is None else index
    return compose(action, iv, ME, profile, templates=templates.load(), index=n).body


def test_b10_notes_refer_to_topics_format_and_title():
    iv = _iv(topics="system design and data modelling", interview_format="panel interview",
             person_titles=(("ana@acme.com", "Engineering Manager"), ("ben@acme.com", "Data Platform")))
    ana, ben = _note(iv, ANA), _note(iv, BEN)
    assert "system design and data modelling" in ana and "panel interview" in ana and "Engineering Manager" in ana
    assert "Data Platform team" in ben and "Engineering Manager" not in ben


def test_b10_two_interviewers_of_a_panel_share_no_sentence_but_the_pitch():
    import re
    people = [Person(f"p{n}@acme.com", f"Pat{n} Kim") for n in range(5)]
    iv = _iv(interviewers=tuple(people), topics="SQL")
    split = [set(re.split(r"(?<=[.!?])\s+", " ".join(_note(iv, p).split()[2:-4]))) for p in people]
    for i in range(5):
        for j in range(i + 1, 5):
            assert split[i] & split[j] <= {"I build APIs.", "I like tests."}


def test_b10_recipient_index_runs_over_the_rounds_of_a_loop():
    first = _iv(id="iv-a", interviewers=(ANA,))
    second = _iv(id="iv-b", start=START + timedelta(days=3), end=START + timedelta(days=3, hours=1),
                 interviewers=(ANA, BEN))
    other = _iv(id="iv-c", company="Orchid Media", company_domains=("orchid.com",), interviewers=(BEN,))
    every = [second, other, first]

    def index(iv: Interview, p: Person) -> int:
        return recipient_index(DraftAction(f"{iv.id}:thank_you:{p.email}", iv.id, "thank_you", p), iv, every)

    assert [index(first, ANA), index(second, ANA), index(second, BEN), index(other, BEN)] == [0, 1, 2, 0]


def test_b10_strengths_differ_per_note_and_are_never_invented():
    profile = Profile(pitch="I build APIs. I like tests.", strengths=("I led a migration.", "I mentor engineers."))
    iv = _iv()
    ana, ben = _note(iv, ANA, profile), _note(iv, BEN, profile)
    assert "I build APIs. I led a migration." in ana and "I mentor engineers." not in ana
    assert "I build APIs. I mentor engineers." in ben and "I like tests." not in ben
