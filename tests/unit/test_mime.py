"""agent.core.mime: raw mail -> Message (B2, B15, B21)."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.core.errors import MalformedInput
from agent.core.mime import clean_text, parse_message
from tests.corpus import EXTERNAL

TZ = ZoneInfo("America/New_York")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mail"
CORPUS = EXTERNAL


def fixture(name: str, folder: str = "inbox"):
    return parse_message((FIXTURES / name).read_bytes(), key=name, folder=folder, tz=TZ)


def corpus(rel: str):
    path = CORPUS / rel
    if not path.exists():
        pytest.fail(f"corpus file missing: {path}")
    return parse_message(path.read_bytes(), key=rel, folder="inbox", tz=TZ,
                         received=datetime(2026, 1, 1, tzinfo=UTC))


MULTIPART = "From: a@b.test\nDate: Tue, 10 Nov 2026 10:00:00 +0000\nContent-Type: multipart/{}; boundary=b"


def raw(headers: str, body: str = "Hello\n") -> bytes:
    return (headers.strip("\n") + "\n\n" + body).encode("utf-8")


# ---------------------------------------------------------------- invitations


def test_b2_google_invitation_yields_one_event_not_two():
    msg = fixture("google_invite_interview.eml")
    (event,) = msg.events  # text/calendar part and invite.ics attachment carry the same VEVENT
    assert event.method == "REQUEST"
    assert event.summary == "Interview: Backend Engineer — Acme Robotics"
    assert event.start == datetime(2026, 11, 17, 14, 0, tzinfo=TZ)
    assert event.conference_url == "https://meet.google.com/xyz-abcd-efg"
    assert event.source == f"mail {msg.message_id}"
    assert msg.subject.startswith("Invitation: Interview: Backend Engineer — Acme Robotics @ Tue Nov 17")
    assert msg.reply_to[0].email == "priya.shah@acmerobotics.com"
    assert msg.headers["sender"] == "Google Calendar <calendar-notification@google.com>"


def test_b2_outlook_teams_invitation_has_teams_link_and_room_resource():
    msg = fixture("outlook_teams_invite_interview.eml")
    (event,) = msg.events
    assert event.conference_url.startswith("https://teams.microsoft.com/l/meetup-join/")
    assert event.start.isoformat() == "2026-11-19T10:00:00-05:00"
    room = next(a for a in event.attendees if a.person.email == "confroom4b@globex.com")
    assert room.cutype == "RESOURCE"
    assert [p.email for p in msg.cc] == ["taylor.brooks@globex.com"]
    assert msg.message_id == ("<SA1PR12MB67894A1C2B3D4E5F60718293A4B5C"
                              "@SA1PR12MB6789.namprd12.prod.outlook.com>")


def test_b2_greenhouse_ics_attachment_without_method_parameter_is_read():
    msg = fixture("greenhouse_invite.eml")
    (event,) = msg.events
    assert event.prodid.startswith("-//Greenhouse")
    assert event.conference_url.startswith("https://northwind.zoom.us/j/")
    assert msg.sender.email == "no-reply@us.greenhouse-mail.io"
    assert msg.reply_to[0].email == "dana.whitfield@northwind.io"


def test_b2_zoom_invitation_with_html_only_body():
    msg = fixture("zoom_invite_interview.eml")
    (event,) = msg.events
    assert event.start == datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("America/Chicago"))
    assert "portfolio review for the Product Designer role" in msg.text
    assert "<" not in msg.text.replace("<https", "")  # no markup left


def test_b3_the_users_reply_carries_the_decline():
    msg = fixture("google_reply_declined_by_user.eml", folder="sent")
    (event,) = msg.events
    assert event.method == "REPLY"
    assert [(a.person.email, a.partstat) for a in event.attendees] == [("jordan.lee@gmail.com", "DECLINED")]


def test_b21_broken_calendar_part_is_ignored_and_the_mail_still_parses():
    body = ("--b\nContent-Type: text/plain\n\nSee invite\n"
            "--b\nContent-Type: text/calendar; method=REQUEST\n\n"
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026111\nEND:VCALENDAR\n--b--\n")
    msg = parse_message(raw(MULTIPART.format("mixed"), body), key="k", folder="inbox", tz=TZ)
    assert msg.events == () and msg.text == "See invite"


# ---------------------------------------------------------------- text and quoting


def test_b15_html_only_outlook_reply_loses_the_quoted_mail():
    msg = fixture("recruiter_reply_outlook_html_only.eml")
    assert msg.text.startswith("Hi Jordan,")
    assert "move forward with other candidates" in msg.text
    assert "Sent:" not in msg.text and "very excited" not in msg.text


def test_b15_gmail_reply_with_wrapped_attribution_keeps_only_the_new_text():
    msg = fixture("recruiter_reply_gmail_quoted.eml")
    assert msg.text.endswith("Best,\nPriya")
    assert "wrote:" not in msg.text and "Thank you for your time yesterday" not in msg.text
    assert msg.in_reply_to == "<a1b2c3d4e5f6.jordan@gmail.com>"
    assert msg.references == ("<calendar-3b0f6c2e-8d5a-4e1b-9f0a-7c2d4e6f8a10@google.com>",
                              "<a1b2c3d4e5f6.jordan@gmail.com>")


@pytest.mark.parametrize("rel", ["mailgun-talon/gmail.eml", "mailgun-talon/outlook.eml",
                                 "mailgun-talon/apple_mail_2.eml", "mailgun-talon/thunderbird.eml"])
def test_b15_real_replies_reduce_to_their_own_text(rel):
    # Gmail and Outlook top-post, Apple quotes with ">", Thunderbird bottom-posts below the quote.
    assert corpus(rel).text == "Hello"


def test_b21_rfc2047_name_with_encoded_comma_stays_one_person():
    msg = corpus("spamscope-mail-parser/mail_test_18")
    assert msg.sender.email == "comma.name@example.com"
    assert msg.sender.name == "LastßlName, FirstName"


def test_b21_cr_lf_zero_width_and_bidi_characters_are_removed_from_names_and_subjects():
    name = base64.b64encode("Eve\r\nBcc: victim@x.test\u200b \u202eCorp".encode()).decode()
    subject = base64.b64encode("Re:\u2066 Interview\r\nX-Injected: 1\u200d".encode()).decode()
    msg = parse_message(raw(f"From: =?utf-8?b?{name}?= <eve@x.test>\n"
                            f"Subject: =?utf-8?b?{subject}?=\nDate: Tue, 10 Nov 2026 10:00:00 +0000"),
                        key="k", folder="inbox", tz=TZ)
    assert msg.sender == msg.sender.__class__(email="eve@x.test", name="Eve Bcc: victim@x.test Corp")
    assert msg.subject == "Re: Interview X-Injected: 1"
    assert "\n" not in msg.subject and "\r" not in msg.sender.name


def test_b21_clean_text_folds_to_one_safe_line():
    assert clean_text(" a\r\n\tb\u200b\u202ec\x00 \u2028d ") == "a bc d"


def test_b21_missing_message_id_is_synthesized_from_the_key():
    one = parse_message(raw("From: a@b.test\nDate: Tue, 10 Nov 2026 10:00:00 +0000"), key="cur/1",
                        folder="inbox", tz=TZ)
    again = parse_message(raw("From: a@b.test\nDate: Tue, 10 Nov 2026 10:00:00 +0000"), key="cur/1",
                          folder="inbox", tz=TZ)
    other = parse_message(raw("From: a@b.test\nDate: Tue, 10 Nov 2026 10:00:00 +0000"), key="cur/2",
                          folder="inbox", tz=TZ)
    assert one.message_id == again.message_id != other.message_id
    assert one.message_id.startswith("<") and one.message_id.endswith("@missing-id.invalid>")


def test_b21_missing_date_falls_back_to_received_else_is_malformed():
    received = datetime(2026, 11, 20, 8, 30)
    msg = parse_message(raw("From: a@b.test\nMessage-ID: <x@b.test>"), key="k", folder="inbox", tz=TZ,
                        received=received)
    assert msg.date == datetime(2026, 11, 20, 8, 30, tzinfo=TZ)
    with pytest.raises(MalformedInput):
        parse_message(raw("From: a@b.test\nMessage-ID: <x@b.test>"), key="k", folder="inbox", tz=TZ)


def test_b21_bytes_without_a_header_block_are_malformed():
    with pytest.raises(MalformedInput):
        parse_message(b"just some text\nwith no headers\n", key="k", folder="inbox", tz=TZ)


def test_b21_unknown_charset_falls_back_to_utf8():
    msg = corpus("mozilla-releases-comm-central/bad-charset.eml")
    assert "Despite the bad charset we can find the search term" in msg.text


def test_b21_huge_part_is_not_decoded():
    big = base64.b64encode(b"x" * (6 * 1024 * 1024)).decode()
    body = (f"--b\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n{big}\n"
            "--b\nContent-Type: text/html\n\n<p>Small part</p>\n--b--\n")
    msg = parse_message(raw(MULTIPART.format("alternative"), body), key="k", folder="inbox", tz=TZ)
    assert msg.text == "Small part"


def test_b21_part_walk_is_bounded():
    parts = "".join(f"--b\nContent-Type: text/plain\n\npart {i}\n" for i in range(500))
    calendar = ("--b\nContent-Type: text/calendar; method=REQUEST\n\n"
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:late\n"
                "DTSTART:20261117T190000Z\nEND:VEVENT\nEND:VCALENDAR\n")
    msg = parse_message(raw("From: a@b.test\nDate: Tue, 10 Nov 2026 10:00:00 +0000\n"
                            "Content-Type: multipart/mixed; boundary=b", parts + calendar + "--b--\n"),
                        key="k", folder="inbox", tz=TZ)
    assert msg.text == "part 0"
    assert msg.events == ()  # part 501 is past the walk limit


def test_b15_headers_of_interest_are_kept_for_auto_reply_detection():
    msg = corpus("sisimai-set-of-emails/rfc3834-01.eml")
    assert msg.headers["auto-submitted"] == "auto-replied"
    assert "subject" not in msg.headers and "received" not in msg.headers


def _reference_drop(c: str) -> bool:
    import unicodedata

    return unicodedata.category(c) in ("Cc", "Cf")


@given(st.text(alphabet=st.characters(), max_size=60)
       | st.text(alphabet="ab \t\r\n\x85\x00\x1b\x7f\x9f\xa0\xad\u200b\u202e\u2028\u2029\u2066\ufeffé",
                 max_size=60))
def test_b21_fast_cleaning_drops_exactly_the_control_and_format_characters(s):
    """Issue 8 made clean_text/clean_multiline faster; they still remove what B21 says, no more."""
    from agent.core.mime import clean_multiline, clean_text

    kept = "".join(" " if c in "\t\r\n\x85" else c for c in s if c in "\t\r\n\x85" or not _reference_drop(c))
    assert clean_text(s) == " ".join(kept.split())
    body = s.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    body = body.replace("\xa0", " ")
    assert clean_multiline(s) == "".join(c for c in body if c in "\n\t" or not _reference_drop(c))
