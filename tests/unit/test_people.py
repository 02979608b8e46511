"""Address and name judgments (agent/people.py) behind B5 (company) and B6 (interviewers, contact, greeting)."""

from __future__ import annotations

import pytest

from agent.core import people
from agent.core.model import Person


@pytest.mark.parametrize("domain", ["gmail.com", "googlemail.com", "hotmail.co.uk", "yahoo.fr", "icloud.com",
                                    "proton.me", "gmx.de", "outlook.com"])
def test_b5_free_mail_domains_are_recognised(domain):
    assert people.is_free_mail(domain)


@pytest.mark.parametrize("domain", ["acme.com", "acme-robotics.com", "initech.io", "mail.acme.co.uk"])
def test_b5_company_domains_are_not_free_mail(domain):
    assert not people.is_free_mail(domain)


@pytest.mark.parametrize("address,name", [
    ("no-reply@greenhouse.io", "Greenhouse"), ("maya@us.greenhouse-mail.io", "Greenhouse"),
    ("no-reply@hire.lever.co", "Lever"), ("notifications@ashbyhq.com", "Ashby"),
    ("acme@myworkday.com", "Workday"), ("scheduling@goodtime.io", "GoodTime"), ("calendly.com", "Calendly"),
])
def test_b3_applicant_tracking_systems_are_named_by_domain(address, name):
    assert people.ats_name(address) == name


def test_b3_ordinary_company_domain_is_no_tracking_system():
    assert people.ats_name("maya@acme.com") == ""
    assert people.ats_name("gem@acmegems.com") == ""  # a substring is not a match


def test_b3_tracking_system_is_named_in_prodid():
    assert people.ats_in_prodid("-//GoodTime.io//Scheduler 2.0//EN") == "GoodTime"
    assert people.ats_in_prodid("-//Google Inc//Google Calendar 70.9054//EN") == ""


@pytest.mark.parametrize("domain,expected", [
    ("mail.acme.com", "acme.com"), ("acme.co.uk", "acme.co.uk"), ("hr.acme.co.uk", "acme.co.uk"),
    ("jobs.acme.com.au", "acme.com.au"), ("acme.de", "acme.de"), ("ACME.COM", "acme.com"),
])
def test_b5_registrable_domain_keeps_two_level_suffixes(domain, expected):
    assert people.registrable_domain(domain) == expected


@pytest.mark.parametrize("domain,company", [
    ("acme-robotics.com", "Acme Robotics"), ("initech.io", "Initech"), ("careers.globex.co.uk", "Globex"),
])
def test_b5_company_name_from_domain(domain, company):
    assert people.company_from_domain(domain) == company


@pytest.mark.parametrize("domain", ["gmail.com", "greenhouse.io", "us.greenhouse-mail.io", "yahoo.co.jp",
                                    "group.calendar.google.com"])
def test_b5_no_company_from_free_mail_ats_or_calendar_domains(domain):
    assert people.company_from_domain(domain) == ""


@pytest.mark.parametrize("address", [
    "noreply@acme.com", "no-reply+x1@greenhouse.io", "do-not-reply@acme.com", "donotreply@acme.com",
    "notifications@acme.com", "calendar-notification@google.com", "mailer-daemon@acme.com", "bounces+123@acme.com",
    "calendar@acme.com", "scheduler@acme.com", "acme.com_1234abcd@group.calendar.google.com",
    "c_188abc@resource.calendar.google.com",
])
def test_b6_machine_addresses_are_recognised(address):
    assert people.is_machine_address(address)


@pytest.mark.parametrize("address", ["maya.chen@acme.com", "recruiting@acme.com", "noah@calendarly.io"])
def test_b6_people_and_role_mailboxes_are_not_machines(address):
    assert not people.is_machine_address(address)


@pytest.mark.parametrize("address", ["recruiting@acme.com", "talent@acme.com", "careers@acme.com", "jobs@acme.com",
                                     "talent-acquisition@acme.com", "hr@acme.com", "people@acme.com"])
def test_b6_role_addresses_mark_recruiting_mailboxes(address):
    assert people.is_role_address(address)


def test_b6_a_named_person_is_not_a_role_address():
    assert not people.is_role_address("maya.chen@acme.com")


@pytest.mark.parametrize("name,email,first", [
    ("Ana María López", "", "Ana"), ("López, Ana", "", "Ana"), ("Dr. Priya Shah", "", "Priya"),
    ('"Priya Shah (Acme)"', "priya@acme.com", "Priya"), ("Maya Chen via Greenhouse", "", "Maya"),
    ("", "ana.lopez@acme.com", "Ana"), ("Maya Chen <maya@acme.com>", "", "Maya"),
])
def test_b9_first_name_for_the_greeting(name, email, first):
    assert people.first_name(Person(email, name)) == first


@pytest.mark.parametrize("name,email", [("", "jdoe@acme.com"), ("Acme Recruiting Team", "recruiting@acme.com"),
                                        ("", "no-reply@greenhouse.io")])
def test_b9_no_first_name_when_none_is_known(name, email):
    assert people.first_name(Person(email, name)) == ""


def test_b6_display_name_is_cleaned():
    assert people.display_name(Person("ana@acme.com", "'López, Ana'")) == "Ana López"
    assert people.display_name(Person("ana.lopez@acme.com", "")) == "Ana Lopez"
