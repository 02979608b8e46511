"""The draft linter itself (draft_linter.py): each check finds what it is for and passes what reads right."""

from __future__ import annotations

import pytest

from tests.scenarios import draft_linter as lint
from tests.scenarios.draft_linter import Draft

SIG = "Jordan Lee\n(555) 010-2000"
PITCH = "I have built payment APIs for six years."


def note(to: str, body: str, *, kind: str = "thank_you", subject: str = "Thank you — Risk Analyst interview",
         company: str = "Halcyon Travel", role: str = "Risk Analyst", names: tuple[str, ...] = ()) -> Draft:
    return Draft(f"<{to}>", kind, (to,), subject, body, company, role, names)


def body(first: str, *sentences: str) -> str:
    return f"{first}\n\n" + " ".join(sentences) + f"\n\nBest,\n{SIG}\n"


GOOD = body("Hi Ana,", "Thank you for meeting with me about the Risk Analyst role at Halcyon Travel.", PITCH)


def checks(d: Draft) -> set[str]:
    return {v.check for v in lint.check_one(d, SIG)}


def test_b10_linter_passes_a_note_that_reads_right():
    assert checks(note("ana@halcyontravel.com", GOOD, names=("Ana Souza",))) == set()


@pytest.mark.parametrize("text", ["at Halcyontravel.", "at halcyontravel on December 1."])
def test_b5_linter_finds_a_glued_company_name(text):
    bad = GOOD.replace("at Halcyon Travel.", f"at Halcyon Travel. We met {text}")
    assert "company" in checks(note("ana@halcyontravel.com", bad))


def test_b5_linter_finds_a_missing_company_and_a_cut_role():
    assert "company" in checks(note("a@x.com", GOOD.replace("Halcyon Travel", "the team")))
    assert "role" in checks(note("a@x.com", GOOD, role="Risk Analyst II"))
    assert "role" not in checks(note("a@x.com", body("Hi Ana,", "Thank you."), kind="acknowledgement",
                                     role="Associate Pricing Actuary", company=""))
    assert "role" in checks(note("a@x.com", body("Hi Ana,", "I'm still interested in the Associate role."),
                                 kind="acknowledgement", role="Associate Pricing Actuary", company=""))


@pytest.mark.parametrize("greeting,to,names,bad", [
    ("Hi K.tanaka,", "k.tanaka@lumenfield.io", (), True),
    ("Hi Jsmith2,", "jsmith2@acme.com", (), True),
    ("Hi Kenji,", "k.tanaka@lumenfield.io", ("Kenji",), False),
    ("Hi Grace,", "grace@x.com", ("Grace Liu",), False),
    ("Hi Grace,", "grace@x.com", (), True),
    ("Hello,", "grace@x.com", (), False),
])
def test_b9_linter_finds_greetings_made_from_addresses(greeting, to, names, bad):
    assert ("greeting" in checks(note(to, GOOD.replace("Hi Ana,", greeting), names=names))) is bad


@pytest.mark.parametrize("subject", ["Re: Invitation: Risk Analyst @ Tue", "Re: Canceled event with note: x",
                                     "Re: Automatic reply: Thank you", "Re: Accepted: Interview",
                                     "Re: Updated invitation: Interview"])
def test_b17_linter_finds_system_subjects(subject):
    assert "subject" in checks(note("a@x.com", GOOD, kind="follow_up", subject=subject))


def test_b10_linter_counts_words_before_the_signature():
    long = body("Hi Ana,", "Thank you for the Risk Analyst role at Halcyon Travel.", "word " * 150)
    assert "words" in checks(note("a@x.com", long))


def test_b10_linter_finds_twin_notes_and_spares_the_pitch_and_sign_off():
    a = note("ana@h.com", body("Hi Ana,", "Thank you for the Risk Analyst role at Halcyon Travel.",
                               "I enjoyed the talk.", PITCH, "Thanks again."))
    b = note("ben@h.com", body("Hi Ben,", "Thank you for the Risk Analyst role at Halcyon Travel.",
                               "I enjoyed the talk.", PITCH, "Thanks again."))
    found = lint.check_twins([a, b], SIG, [PITCH])
    assert [v.check for v in found] == ["twins"] and "3 sentences" in found[0].what
    c = note("cy@h.com", body("Hi Cy,", "Thanks so much for the Risk Analyst chat at Halcyon Travel.",
                              "I enjoyed the talk.", PITCH, "I look forward to hearing from you."))
    assert lint.check_twins([a, c], SIG, [PITCH]) == []  # one sentence shared besides the pitch: allowed
    other = note("dee@o.com", a.body, company="Orchid Media")
    assert lint.check_twins([a, other], SIG, [PITCH]) == []  # another company
