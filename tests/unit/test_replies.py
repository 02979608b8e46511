"""Company replies: auto-replies never count as hearing back (B15); what a human reply decides (B16, B18)."""

from __future__ import annotations

import email
import email.policy
from datetime import date, datetime
from email.utils import getaddresses
from zoneinfo import ZoneInfo

import pytest

from agent.core.model import Message, Person
from agent.core.replies import classify_reply, is_auto_reply
from tests.corpus import EXTERNAL

NY = ZoneInfo("America/New_York")
TUE = datetime(2026, 12, 1, 10, 0, tzinfo=NY)  # a Tuesday, after the interview
CORPUS = EXTERNAL
RECRUITER = Person("mia@acme.com", "Mia Chen")
_HEADERS = ("auto-submitted", "precedence", "x-autoreply", "x-autorespond", "x-auto-response-suppress",
            "list-id", "list-unsubscribe", "return-path", "x-failed-recipients", "content-type", "sender")


def reply(text: str, subject: str = "Re: Thank you", headers: dict[str, str] | None = None,
          sender: Person = RECRUITER) -> Message:
    return Message(key="k1", folder="inbox", message_id="<r1@acme.com>", date=TUE, sender=sender,
                   to=(Person("ana@example.org", "Ana"),), subject=subject, text=text, headers=headers or {})


def corpus_message(rel: str) -> Message:
    """A corpus file as a Message, read with the stdlib only (the project's parser is tested elsewhere)."""
    path = CORPUS / rel
    if not path.exists():
        pytest.fail(f"corpus file missing: {path}")
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
    body = next((part for part in parsed.walk() if part.get_content_type() == "text/plain"), None)
    payload = body.get_payload(decode=True) if body is not None else b""
    text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    decoded_subject = str(email.header.make_header(email.header.decode_header(parsed.get("subject", ""))))
    senders = getaddresses([parsed.get("from", "")])
    return Message(
        key=rel, folder="inbox", message_id=parsed.get("message-id", f"<{rel}>"), date=TUE,
        sender=Person(senders[0][1].lower(), senders[0][0]) if senders else None,
        subject=decoded_subject, text=text,
        headers={name: str(parsed[name]) for name in _HEADERS if parsed[name] is not None},
    )


# ------------------------------------------------------------------------------------------ B15


@pytest.mark.parametrize("rel", [
    "sisimai-set-of-emails/rfc3834-01.eml",  # Auto-Submitted: auto-replied, "Away until May 5"
    "sisimai-set-of-emails/rfc3834-02.eml",  # Exchange "Automatic reply:"
    "sisimai-set-of-emails/rfc3834-03.eml",  # Apple vacation "Auto reply:", no special header
    "sisimai-set-of-emails/rfc3834-04.eml",  # Exchange "Automatic reply:"
    "sisimai-set-of-emails/rfc3834-06.eml",  # encoded subject, Auto-Submitted, Precedence bulk
    "sisimai-set-of-emails/lhost-office365-01.eml",  # Office 365 bounce, "Undeliverable:"
    "spamscope-mail-parser/mail_malformed_2",  # MailSite bounce from postmaster, multipart/report
])
def test_b15_corpus_auto_replies_and_bounces_never_count(rel: str) -> None:
    assert is_auto_reply(corpus_message(rel))


def test_b15_apple_vacation_reply_is_caught_by_subject_alone() -> None:
    msg = corpus_message("sisimai-set-of-emails/rfc3834-03.eml")
    assert msg.headers.keys() <= {"content-type", "return-path"}
    assert msg.headers["return-path"] != "<>"
    assert is_auto_reply(msg)


@pytest.mark.parametrize("headers", [
    {"auto-submitted": "auto-replied"},
    {"auto-submitted": "auto-generated"},
    {"x-autoreply": "yes"},
    {"x-autorespond": "vacation"},
    {"precedence": "auto_reply"},
    {"precedence": "bulk"},
    {"x-failed-recipients": "mia@acme.com"},
    {"content-type": "multipart/report; report-type=delivery-status; boundary=x"},
    {"return-path": "<>"},
], ids=["auto_replied", "auto_generated", "x_autoreply", "x_autorespond", "precedence_auto_reply",
        "precedence_bulk", "failed_recipients", "multipart_report", "null_return_path"])
def test_b15_auto_reply_headers(headers: dict[str, str]) -> None:
    assert is_auto_reply(reply("Thanks, we'll be in touch next week.", headers=headers))


@pytest.mark.parametrize("subject", [
    "Automatic reply: Thank you", "Auto: Thank you", "Autoreply: Thank you", "Auto-Reply: Thank you",
    "Out of Office: Thank you", "OOO until Monday", "Abwesenheitsnotiz: Danke",
    "Réponse automatique : Merci", "Undeliverable: Thank you", "Delivery Status Notification (Failure)",
    "Mail delivery failed: returning message",
    "Returned mail: see transcript for details",
])
def test_b15_auto_reply_subjects(subject: str) -> None:
    assert is_auto_reply(reply("See below.", subject=subject))


@pytest.mark.parametrize("text", [
    "I am out of the office until December 7 with no access to email.",
    "I'm currently out of office and will respond upon my return.",
    "Thanks for your email. I have limited access to email this week.",
    "I will be back on Monday, December 7.",
])
def test_b15_out_of_office_text(text: str) -> None:
    assert is_auto_reply(reply(text))


def test_b15_mailer_daemon_sender() -> None:
    assert is_auto_reply(reply("Your message could not be delivered.", subject="Failure",
                               sender=Person("mailer-daemon@mx.acme.com")))


def test_b15_human_reply_counts_as_hearing_back() -> None:
    msg = reply("Hi Ana, thanks for your note! We'll be in touch next week.",
                headers={"auto-submitted": "no", "content-type": "text/plain; charset=utf-8",
                         "return-path": "<mia@acme.com>"})
    assert not is_auto_reply(msg)


def test_b15_human_who_mentions_past_absence_is_not_out_of_office() -> None:
    msg = reply("Sorry for the slow reply, I was out of office last week. We'd like to invite you to the "
                "final round.")
    assert not is_auto_reply(msg)


# ------------------------------------------------------------------------------------------ B16


REJECTIONS = [
    "After careful consideration, we have decided to move forward with other candidates.",
    "Unfortunately, we will not be moving forward with your application.",
    "We have decided not to proceed with your candidacy at this time.",
    "I wanted to let you know that the position has been filled.",
    "Unfortunately, you were not selected for this role.",
    "We've chosen to pursue other candidates whose experience more closely matches our needs.",
    "We won’t be progressing your application further.",
    "We regret to inform you that we will not be offering you the role.",
    "We have extended an offer to another candidate.",
]


@pytest.mark.parametrize("text", REJECTIONS)
def test_b16_rejection_closes_the_interview(text: str) -> None:
    verdict = classify_reply(reply(f"Hi Ana,\n\nThank you for your time. {text}\n\nBest,\nMia"), NY)
    assert verdict.kind == "rejection"
    assert verdict.phrase == text
    assert verdict.statement is None


@pytest.mark.parametrize("text", [
    "We are pleased to offer you the position of Senior Engineer!",
    "We'd like to extend an offer. Details to follow.",
    "Please find your offer letter attached.",
    "We'd like to offer you the role.",
])
def test_b16_offer_closes_the_interview(text: str) -> None:
    assert classify_reply(reply(text), NY).kind == "offer"


@pytest.mark.parametrize("text", [
    "We'd like to invite you to the next round of interviews.",
    "We'd like to move you forward to the final round onsite.",
    "Could we schedule a second interview next week?",
    "The team is excited to move you to the next stage of the process.",
    "We would like you to meet the team on Thursday.",
    "We'd like to offer you the opportunity to interview with our CTO.",
])
def test_b16_invitation_to_another_round(text: str) -> None:
    assert classify_reply(reply(text), NY).kind == "next_round"


@pytest.mark.parametrize("text,expected", [
    ("Thanks for your patience. We need another week to make a decision.", date(2026, 12, 8)),
    ("We'll have an update by Dec 18.", date(2026, 12, 18)),
    ("Our decision is delayed until next Friday.", date(2026, 12, 11)),
    ("We're still interviewing other candidates and expect to decide by the end of the month.",
     date(2026, 12, 31)),
])
def test_b16_new_timeline_moves_the_decision_date(text: str, expected: date) -> None:
    verdict = classify_reply(reply(text), NY)
    assert verdict.kind == "timeline"
    assert verdict.statement is not None
    assert verdict.statement.day == expected
    assert verdict.statement.source == "mail <r1@acme.com>"
    assert verdict.statement.stated_at == TUE


@pytest.mark.parametrize("text", [
    "We have not made a decision yet.",
    "We're still interviewing other candidates.",
    "Unfortunately we need a bit more time.",
    "We haven't decided whether to move forward with other candidates.",
])
def test_b16_hedged_or_delayed_is_not_a_rejection(text: str) -> None:
    verdict = classify_reply(reply(text), NY)
    assert verdict.kind == "timeline"
    assert verdict.statement is None  # no day named: the current decision date stays


@pytest.mark.parametrize("text", [
    "Thanks for your note!",
    "The parking entrance is on 5th Street; see you around.",
    "Happy to offer to reschedule if Tuesday doesn't work.",
    "We can offer you another time slot on Monday.",
    "If we decide not to proceed, we'll let you know.",
])
def test_b16_anything_else_leaves_the_date(text: str) -> None:
    verdict = classify_reply(reply(text), NY)
    assert verdict.kind == "other"
    assert verdict.phrase == ""


def test_b16_subject_alone_can_decide() -> None:
    assert classify_reply(reply("See attached.", subject="Your offer letter from Acme"), NY).kind == "offer"


def test_b16_rejection_outranks_later_reassurance_and_dates() -> None:
    text = ("Unfortunately, we will not be moving forward. We'd love to stay in touch and may reach out "
            "within the next 6 months if a role opens up.")
    assert classify_reply(reply(text), NY).kind == "rejection"


def test_b18_no_reply_rejection_is_still_a_rejection() -> None:
    text = "Thank you for applying. Unfortunately, we have decided to move forward with other candidates."
    system = Person("no-reply@greenhouse.io", "Acme Recruiting")
    msg = reply(text, subject="Your application to Acme", sender=system)
    assert not is_auto_reply(msg)
    assert classify_reply(msg, NY).kind == "rejection"


# ------------------------------------------------------------------------------------------ B16 as classes

REJECTION_CLASS = [
    # a negated step forward
    "Unfortunately, we won't be moving forward with your candidacy for this position.",
    "We will not be proceeding with your application.",
    "We're not able to move forward at this time.",
    "The team has decided they won't be taking your application further.",
    "We are no longer moving forward with your candidacy.",
    "We will not be continuing with your application.",
    # someone else chosen
    "We've decided to offer the role to another candidate whose experience was a closer match.",
    "We have offered the position to someone else.",
    "We are moving forward with other candidates.",
    "The team will move ahead with a candidate whose background is a closer fit.",
    "We decided to go with another candidate.",
    "We've selected a different candidate for this role.",
    "After much thought we hired an internal candidate.",
    "Another candidate was selected for the position.",
    "We have decided to pursue other applicants.",
    # the opening gone
    "The position has now been filled.",
    "We have filled the role.",
    # stock phrases
    "Your application is no longer under consideration.",
    "We regret to let you know that we won’t be extending an offer.",
]


@pytest.mark.parametrize("text", REJECTION_CLASS)
def test_b16_rejection_wordings_as_a_class(text: str) -> None:
    verdict = classify_reply(reply(f"Hi Ana,\n\nThanks for your patience. {text}\n\nBest,\nMia"), NY)
    assert verdict.kind == "rejection", text
    assert verdict.phrase == text


@pytest.mark.parametrize("text", [
    "We won't be moving forward with your candidacy.",  # "moving forward with your candidacy" is a next round
    "We are not going to move you to the next stage.",
    "Unfortunately we will not be inviting you to the final round.",
    "We're not able to extend an offer at this time.",
])
def test_b16_a_negated_step_is_never_an_offer_or_a_next_round(text: str) -> None:
    assert classify_reply(reply(text), NY).kind == "rejection"


@pytest.mark.parametrize("text", [
    "Congratulations! We're excited to offer you the position of Gameplay Programmer.",
    "We'd love to make you an offer.",
    "Your offer letter is ready for review here.",
])
def test_b16_offer_wordings(text: str) -> None:
    assert classify_reply(reply(text), NY).kind == "offer"


def test_b16_offer_in_the_subject_only() -> None:
    assert classify_reply(reply("Please review it here.", subject="Your offer from Lindenwood Games"),
                          NY).kind == "offer"


@pytest.mark.parametrize("text", [
    "Great news - the team would like to move you forward to the final round!",
    "You've been selected for the next round of interviews.",
    "The next step is a technical interview with our CTO.",
    "We'd like to continue the process with you.",
    "We'd love for you to come in for an onsite.",
    "We'd like to progress your application to the next stage.",
])
def test_b16_next_round_wordings(text: str) -> None:
    assert classify_reply(reply(text), NY).kind == "next_round"


@pytest.mark.parametrize("text", [
    "Could you pass my details to a former colleague for another opening?",
    "Several of our partners are out this week for the holiday.",
    "We'd love your feedback on the process.",
])
def test_b16_other_mail_is_no_decision(text: str) -> None:
    assert classify_reply(reply(text), NY).kind in ("other", "timeline")
    assert classify_reply(reply(text), NY).kind not in ("rejection", "offer", "next_round")
