"""B22: what the agent logs about mail is ids, counts and labels, never the mail's own words."""

from __future__ import annotations

import pytest

from agent.core.errors import loggable
from tests.scenarios.harness import mail_sentences


@pytest.mark.parametrize("reason,logged", [
    ("unreadable mail (ValueError: We'll decide by Friday, Priya)", "unreadable mail (ValueError)"),
    ("unreadable iCalendar data: SUMMARY:Onsite: Priya Nair - Staff Engineer", "unreadable iCalendar data"),
    ("unreadable message 'cur/123.eml': HeaderParseError: Subject: secret", "unreadable message 'cur/123.eml'"),
    ("no header block (no From, Date or Message-ID)", "no header block (no From, Date or Message-ID)"),
    ("Microsoft Graph could not export this message (404)", "Microsoft Graph could not export this message (404)"),
    ("", "malformed mail"),
], ids=["exception_text", "ical_line", "header_text", "label_only", "status", "empty"])
def test_b22_a_skip_reason_is_logged_without_the_parsers_quote(reason: str, logged: str) -> None:
    assert loggable(reason) == logged


def test_b22_the_harness_looks_for_subject_title_and_names_not_only_body_lines() -> None:
    raw = (b"From: Priya Nair <priya@brightpath.io>\r\nTo: Jordan Lee <jordan.lee@gmail.com>\r\n"
           b"Subject: Invitation: Onsite: Priya Nair - Staff Engineer\r\nDate: Tue, 10 Nov 2026 10:00:00 -0500\r\n"
           b"Message-ID: <a@b>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n"
           b"--x\r\nContent-Type: text/plain\r\n\r\nShort body.\r\n"
           b"--x\r\nContent-Type: text/calendar; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"
           b"SUMMARY:Onsite loop for the Staff Engineer\\, platform\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n--x--\r\n")
    found = mail_sentences(raw)
    assert "Onsite: Priya Nair - Staff Engineer" in found  # the subject, without "Invitation:"
    assert "Onsite loop for the Staff Engineer, platform" in found  # the event title
    assert "Priya Nair" in found and "Jordan Lee" in found  # display names (the replay leaves out the user's)
