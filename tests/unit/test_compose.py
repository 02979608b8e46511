"""Composing drafts: wording (B9, B10, B17, B18), header safety (B21) and a person-like header set (B23)."""

from __future__ import annotations

import email
import importlib.resources
from datetime import UTC, datetime, timedelta
from email import policy as email_policy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent import templates
from agent.config import Identity, Profile
from agent.core.compose import (
    THANK_YOU_MAX_WORDS,
    ComposedDraft,
    compose,
    new_message_id,
    reply_subject,
    to_mime,
)
from agent.core.model import DraftAction, Interview, Message, Person

ME = Identity(name="Jordan Lee", email="jordan.lee@gmail.com", timezone="America/New_York")
PROFILE = Profile(pitch="I have spent six years building payment APIs in Go and Python. "
                        "I led the move of a monolith to services at Paybright.",
                  signature="Jordan Lee\n(555) 010-2000")
ANA = Person("ana.lopez@acme.com", "Ana Lopez")
# Tuesday, December 1, 2026, 2 pm in New York.
START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
DRAFT_DATE = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
BASE_HEADERS = {"from", "to", "subject", "date", "message-id", "mime-version", "content-type",
                "content-transfer-encoding"}
THREAD_HEADERS = BASE_HEADERS | {"in-reply-to", "references"}


def interview(company: str = "Acme Robotics", role: str = "Backend Engineer", iv_id: str = "iv-1") -> Interview:
    return Interview(id=iv_id, origin="event uid-1", start=START, end=START + timedelta(hours=1),
                     company=company, role=role)


def company_mail(subject: str = "Interview", message_id: str = "<m2@acme.com>",
                 references: tuple[str, ...] = ("<m1@acme.com>",)) -> Message:
    return Message(key="k1", folder="inbox", message_id=message_id, date=START + timedelta(days=3),
                   sender=ANA, to=(Person(ME.email, ME.name),), subject=subject,
                   references=references, in_reply_to=references[-1] if references else "")


TEMPLATES = templates.load()


def draft(kind: str = "thank_you", to: Person = ANA, reply_to: Message | None = None,
          iv: Interview | None = None, profile: Profile = PROFILE, templates_dir: Path | None = None,
          **kw) -> ComposedDraft:
    action = DraftAction(key=f"iv-1:{kind}:x", interview_id="iv-1", kind=kind, to=to, reply_to=reply_to)
    chosen = templates.load(templates_dir) if templates_dir is not None else TEMPLATES
    return compose(action, iv or interview(), ME, profile, templates=chosen, **kw)


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email_policy.default)


def mime(d: ComposedDraft) -> bytes:
    return to_mime(d, ME, message_id=new_message_id(ME, "3f2a9c0d1e4b"), date=DRAFT_DATE)


def header_names(msg: email.message.EmailMessage) -> set[str]:
    return {k.lower() for k in msg}


def to_addresses(msg: email.message.EmailMessage) -> list[str]:
    return [a.addr_spec for a in msg["To"].addresses]


def words_before_signature(body: str, signature: str) -> int:
    head, found, _ = body.rpartition(signature)
    assert found, "the body must end with the signature"
    return len(head.split())


# ---------------------------------------------------------------- B9 greeting

def test_b9_greets_the_interviewer_by_first_name():
    assert draft().body.startswith("Hi Ana,\n")


def test_b9_greeting_handles_last_comma_first_and_lowercase_names():
    assert draft(to=Person("ana.lopez@acme.com", "lopez, ana")).body.startswith("Hi Ana,\n")


@pytest.mark.parametrize("person", [
    Person("jsmith@acme.com", ""),
    Person("recruiting@acme.com", "   "),
    Person("jsmith@acme.com", "\u200b\u202e"),
])
def test_b9_greeting_is_hello_when_no_first_name_is_known(person):
    assert draft(to=person).body.startswith("Hello,\n")


@pytest.mark.parametrize("name", ["ana.lopez@acme.com", "<ana.lopez@acme.com>", "'ana.lopez@acme.com'"])
def test_b9_greeting_never_shows_an_address(name):
    first_line = draft(to=Person("ana.lopez@acme.com", name)).body.splitlines()[0]
    assert first_line in ("Hi Ana,", "Hello,")


# ---------------------------------------------------------------- B10 thank-you

def test_b10_thank_you_says_thanks_role_company_interest_fit_and_signature():
    body = draft().body
    lowered = body.lower()
    assert "thank" in lowered
    assert "Backend Engineer" in body and "Acme Robotics" in body
    assert "interested" in lowered and "excited" in lowered
    assert "payment APIs in Go and Python." in body
    assert body.rstrip("\n").endswith("Jordan Lee\n(555) 010-2000")
    assert words_before_signature(body, PROFILE.signature) <= THANK_YOU_MAX_WORDS


def test_b10_every_wording_keeps_the_required_content_and_limit():
    # B10: the wording varies between the notes to one company (by the note's index) and between companies
    companies = ("Acme Robotics", "Orchid Media", "Halcyon Travel", "Lumenfield", "Pinecrest Insurance")
    bodies = {(c, draft(iv=interview(company=c, iv_id=f"iv-{n}"), index=n).body) for n in range(6) for c in companies}
    assert len({b for _, b in bodies}) > 5
    for company, body in bodies:
        lowered = body.lower()
        assert "thank" in lowered and "interested" in lowered and "excited" in lowered
        assert "Backend Engineer" in body and company in body
        assert words_before_signature(body, PROFILE.signature) <= THANK_YOU_MAX_WORDS


def test_b10_stays_within_150_words_with_long_names_and_a_long_pitch():
    long_pitch = " ".join(f"In my role number {n} I built and ran a large distributed payments platform "
                          f"that served millions of customers across many regions." for n in range(8))
    iv = interview(company="The International Consolidated Advanced Robotics and Automation Holding "
                           "Company of North America",
                   role="Senior Staff Principal Distributed Systems Backend Platform Infrastructure "
                        "Reliability Engineer")
    body = draft(iv=iv, profile=Profile(pitch=long_pitch, signature="Jordan")).body
    assert words_before_signature(body, "Jordan") <= THANK_YOU_MAX_WORDS
    assert "Senior Staff Principal" in body and "International Consolidated" in body
    assert "interested" in body and "excited" in body


def test_b10_long_pitch_is_cut_to_whole_sentences():
    sentences = [f"Sentence {n} says something true about my background in robotics and testing."
                 for n in range(6)]
    body = draft(profile=Profile(pitch=" ".join(sentences), signature="Jordan")).body
    assert sentences[0] in body and sentences[1] in body  # one or two sentences on fit
    assert sentences[2] not in body
    assert "Sentence 2" not in body  # never half a sentence


def test_b10_single_overlong_pitch_sentence_is_left_out_rather_than_cut():
    pitch = "I " + " ".join(["thoroughly"] * 160) + " like robots."
    body = draft(profile=Profile(pitch=pitch, signature="Jordan")).body
    assert "thoroughly" not in body
    assert words_before_signature(body, "Jordan") <= THANK_YOU_MAX_WORDS


def test_b10_empty_pitch_is_omitted_gracefully():
    body = draft(profile=Profile(pitch="", signature="")).body
    assert "  " not in body and " ." not in body and "None" not in body
    assert "\n\n\n" not in body
    assert body.rstrip("\n").endswith("\nJordan Lee")  # signature defaults to the user's name


def test_b10_unknown_role_reads_the_position_at_the_company():
    body = draft(iv=interview(role="")).body
    assert "the position at Acme Robotics" in body
    assert " role role" not in body


def test_b10_unknown_role_and_company_still_reads_naturally():
    body = draft(iv=interview(role="", company="")).body
    assert "about the role." in body or "discuss the role." in body
    assert "  " not in body and " at ." not in body


@pytest.mark.parametrize(("company", "role", "expected"), [
    ("Acme Robotics", "Backend Engineer", "Backend Engineer"),
    ("Acme Robotics", "", "Acme Robotics"),
])
def test_b10_subject_names_the_role_or_the_company(company, role, expected):
    assert expected in draft(iv=interview(company=company, role=role)).subject


def test_b10_wording_is_deterministic_and_varies_between_interviewers():
    bob = Person("bob.stone@acme.com", "Bob Stone")
    assert draft().body == draft().body
    # the executor hands each interviewer's place among the company's notes in (`recipient_index`)
    bodies = {draft(to=Person(f"p{n}@acme.com", f"Pat{n} Kim"), index=n).body.split("\n", 1)[1] for n in range(12)}
    assert len(bodies) == 5
    assert draft(to=bob).body.startswith("Hi Bob,")


def test_b10_no_stock_cliches():
    for n in range(30):
        body = draft(iv=interview(iv_id=f"iv-{n}")).body.lower()
        assert "finds you well" not in body and "to whom it may concern" not in body


def test_b10_templates_ship_in_the_package():
    folder = importlib.resources.files("agent.defaults") / "templates"
    for kind in ("thank_you", "follow_up", "acknowledgement"):
        assert "{{ greeting }}" in (folder / f"{kind}.txt.j2").read_text(encoding="utf-8")


def test_b10_user_template_in_config_dir_replaces_the_packaged_one(tmp_path: Path):
    (tmp_path / "thank_you.txt.j2").write_text(
        "{{ greeting }}\n\nMany thanks for the chat about {{ position }}.\n\n{{ signature }}\n", encoding="utf-8")
    own = draft(templates_dir=tmp_path)
    assert own.body == "Hi Ana,\n\nMany thanks for the chat about the Backend Engineer role at Acme Robotics." \
                       "\n\nJordan Lee\n(555) 010-2000\n"
    # a kind the user did not override still comes from the package
    assert "any update" in draft("follow_up", templates_dir=tmp_path).body


# ---------------------------------------------------------------- B17 follow-up

def test_b17_follow_up_replies_in_the_thread():
    d = draft("follow_up", reply_to=company_mail())
    assert d.subject == "Re: Interview"
    assert d.in_reply_to == "<m2@acme.com>"
    assert d.references == ("<m1@acme.com>", "<m2@acme.com>")
    msg = parse(mime(d))
    assert msg["In-Reply-To"] == "<m2@acme.com>"
    assert msg["References"].split() == ["<m1@acme.com>", "<m2@acme.com>"]


def test_b17_long_real_world_message_ids_are_copied_verbatim():
    long_id = "<CAF=" + "k3Jx9Qw7Zr2" * 8 + "+Yq_w@mail.gmail.com>"
    raw = mime(draft("follow_up", reply_to=company_mail(message_id=long_id, references=("<a@acme.com>",))))
    msg = parse(raw)
    assert msg["In-Reply-To"] == long_id
    assert msg["References"].split() == ["<a@acme.com>", long_id]
    assert b"=?utf-8?" not in raw.split(b"\r\n\r\n", 1)[0]


@pytest.mark.parametrize(("original", "expected"), [
    ("Re: RE: Re: Interview", "Re: Interview"),
    ("AW: Aw: Interview", "Re: Interview"),
    ("re:Interview", "Re: Interview"),
    ("Re[2]: Interview", "Re: Interview"),
    ("Fwd: Interview", "Re: Fwd: Interview"),
    ("Interview with Acme", "Re: Interview with Acme"),
])
def test_b17_reply_subject_is_not_stacked(original, expected):
    assert reply_subject(original) == expected
    assert draft("follow_up", reply_to=company_mail(subject=original)).subject == expected


def test_b17_references_are_deduplicated_and_bounded():
    refs = tuple(f"<r{n}@acme.com>" for n in range(30)) + ("<r3@acme.com>",)
    d = draft("follow_up", reply_to=company_mail(references=refs, message_id="<last@acme.com>"))
    assert len(d.references) == 20
    assert len(set(d.references)) == 20
    assert d.references[0] == "<r0@acme.com>"
    assert d.references[-2:] == ("<r29@acme.com>", "<last@acme.com>")


def test_b17_follow_up_without_a_thread_is_a_new_mail():
    d = draft("follow_up")
    assert d.subject == "Following up: Backend Engineer interview"
    assert d.in_reply_to == "" and d.references == ()
    assert header_names(parse(mime(d))) == BASE_HEADERS


def test_b17_follow_up_asks_for_an_update_thanks_and_is_short():
    for n in range(8):
        body = draft("follow_up", iv=interview(iv_id=f"iv-{n}")).body
        lowered = body.lower()
        assert "update" in lowered and "thank you again" in lowered
        assert "December 1" in body  # the interview date, in the user's time zone
        assert len(body.split()) < 120
        assert "asap" not in lowered and "urgent" not in lowered


# ---------------------------------------------------------------- B18 acknowledgement

def test_b18_rejection_acknowledgement_is_gracious():
    d = draft("acknowledgement", reply_to=company_mail(subject="Re: Your application"), outcome="rejection")
    assert d.subject == "Re: Your application"
    assert d.in_reply_to == "<m2@acme.com>"
    assert "Thank you for letting me know" in d.body
    assert "enjoyed meeting the team" in d.body
    assert "future roles" in d.body
    assert "still very interested" not in d.body
    assert len(d.body.split()) < 80


def test_b18_timeline_acknowledgement_thanks_and_stays_interested():
    d = draft("acknowledgement", reply_to=company_mail(), outcome="timeline")
    assert "Thank you for the update" in d.body
    assert "still very interested" in d.body
    assert "future roles" not in d.body
    assert len(d.body.split()) < 80


def test_b18_other_answer_gets_a_short_thank_you():
    body = draft("acknowledgement", reply_to=company_mail(), outcome="other").body
    assert "Thank you for getting back to me" in body and "still very interested" in body


# ---------------------------------------------------------------- B21 header safety

HOSTILE_NAMES = [
    "Ana\r\nBcc: evil@x.com",
    "Ana\nX-Injected: 1",
    "Ana, <evil@x.com>",
    'Ana" <evil@x.com>, "Bob',
    "=?utf-8?q?Ana=0D=0ABcc:_evil@x.com?=",
    "\u202eAna\u200b Lopez\u2066",
    "Ana\u2028Bcc: evil@x.com",
    "A" * 1000,
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_b21_hostile_recipient_name_never_adds_a_recipient_or_header(name):
    raw = mime(draft(to=Person("ana.lopez@acme.com", name)))
    msg = parse(raw)
    assert header_names(msg) == BASE_HEADERS
    assert to_addresses(msg) == ["ana.lopez@acme.com"]
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    shown = msg["To"].addresses[0].display_name
    assert "\n" not in shown and "\r" not in shown and "<" not in shown and len(shown) <= 100


@pytest.mark.parametrize("subject", [
    "Interview\r\nBcc: evil@x.com",
    "=?utf-8?q?Interview=0D=0ABcc:_evil@x.com?=",
    "Re: =?utf-8?b?SW50ZXJ2aWV3DQpCY2M6IGV2aWxAeC5jb20=?=",
    "Interview\u200b\u202e with Acme\x00\x1b",
])
def test_b21_hostile_subject_from_mail_stays_one_subject(subject):
    msg = parse(mime(draft("follow_up", reply_to=company_mail(subject=subject))))
    assert header_names(msg) == THREAD_HEADERS
    assert to_addresses(msg) == ["ana.lopez@acme.com"]
    assert msg["Subject"].startswith("Re: ")
    assert "\n" not in msg["Subject"] and "\r" not in msg["Subject"]
    assert "\u202e" not in msg["Subject"] and "\u200b" not in msg["Subject"]


def test_b21_hostile_company_and_role_stay_out_of_headers():
    iv = interview(company="Acme\r\nBcc: evil@x.com", role="=?utf-8?q?Eng=0D=0ACc:_evil@x.com?=")
    for kind in ("thank_you", "follow_up"):
        d = draft(kind, iv=iv)
        msg = parse(mime(d))
        assert header_names(msg) == BASE_HEADERS
        assert to_addresses(msg) == ["ana.lopez@acme.com"]
        assert "\r" not in d.body.replace("\n", "") and "Bcc: evil" not in d.body.splitlines()[0]


def test_b21_hostile_message_ids_from_mail_are_not_copied():
    mail = company_mail(message_id="<m2@acme.com>\r\nBcc: evil@x.com",
                        references=("<ok@acme.com>", "<bad\r\nCc: evil@x.com>", "no-brackets@x"))
    d = draft("follow_up", reply_to=mail)
    assert d.in_reply_to == ""
    assert d.references == ("<ok@acme.com>",)
    msg = parse(mime(d))
    assert to_addresses(msg) == ["ana.lopez@acme.com"]
    assert "cc" not in header_names(msg) and "bcc" not in header_names(msg)


@pytest.mark.parametrize("address", [
    "ana@acme.com, evil@x.com",
    "Ana <ana@acme.com>",
    "ana lopez@acme.com",
    "ana@acme.com\r\nBcc: evil@x.com",
    "",
    "ana",
    "anä@acme.com",
    "=?utf-8?q?evil?=@x.com",
    "ana@acme..com",
])
def test_b21_recipient_that_is_not_one_address_is_refused(address):
    with pytest.raises(ValueError):
        draft(to=Person(address, "Ana"))
    with pytest.raises(ValueError):
        to_mime(ComposedDraft(to=(Person(address, "Ana"),), subject="Hi", body="Hi\n"), ME,
                message_id="<a1@gmail.com>", date=DRAFT_DATE)


@settings(max_examples=150, deadline=None)
@given(name=st.text(max_size=300), subject=st.text(max_size=300), company=st.text(max_size=120))
def test_b21_no_name_subject_or_company_changes_recipients_or_headers(name, subject, company):
    d = draft("follow_up", to=Person("ana.lopez@acme.com", name), reply_to=company_mail(subject=subject),
              iv=interview(company=company))
    raw = mime(d)
    msg = parse(raw)
    assert header_names(msg) == THREAD_HEADERS
    assert to_addresses(msg) == ["ana.lopez@acme.com"]
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))


# ---------------------------------------------------------------- B23 headers a person's client writes

def test_b23_exact_header_set_and_nothing_naming_the_program():
    raw = mime(draft("follow_up", reply_to=company_mail()))
    msg = parse(raw)
    assert [k.lower() for k in msg] == ["from", "to", "subject", "date", "message-id", "in-reply-to",
                                              "references", "mime-version", "content-type",
                                              "content-transfer-encoding"]
    head = raw.split(b"\r\n\r\n", 1)[0].lower()
    for marker in (b"x-", b"user-agent", b"agent", b"python", b"jinja", b"mailer"):
        assert marker not in head
    assert msg["From"].addresses[0].addr_spec == "jordan.lee@gmail.com"
    assert msg["From"].addresses[0].display_name == "Jordan Lee"


def test_b23_message_id_is_token_at_the_users_domain():
    assert new_message_id(ME, "3f2a9c0d1e4b") == "<3f2a9c0d1e4b@gmail.com>"
    assert parse(mime(draft()))["Message-ID"] == "<3f2a9c0d1e4b@gmail.com>"


def test_b23_date_is_written_in_the_users_zone_and_must_be_aware():
    assert parse(mime(draft()))["Date"] == "Wed, 02 Dec 2026 10:00:00 -0500"
    with pytest.raises(ValueError):
        to_mime(draft(), ME, message_id="<a1@gmail.com>", date=datetime(2026, 12, 2, 10, 0))


def test_b23_bytes_use_crlf_and_the_body_round_trips():
    d = draft(profile=Profile(pitch="I speak Español and write C++ — über fast = good.", signature="Jordan Lee"))
    raw = mime(d)
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 78 for line in raw.split(b"\r\n"))
    msg = parse(raw)
    assert msg["Content-Type"] == 'text/plain; charset="utf-8"'
    assert msg["Content-Transfer-Encoding"] == "quoted-printable"
    text = msg.get_content().replace("\r\n", "\n")  # the transport's CRLF line ends, read back
    assert text == d.body
    assert "Español" in text and "über fast = good." in text


def test_b23_non_ascii_names_and_subjects_round_trip():
    d = draft(to=Person("jose.nunez@acme.com", "José Núñez"), iv=interview(role="Ingeniero de Señales"))
    msg = parse(mime(d))
    assert msg["To"].addresses[0].display_name == "José Núñez"
    assert msg["Subject"] == d.subject and "Señales" in msg["Subject"]
    assert d.body.startswith("Hi José,")


def test_b21_draft_text_is_display_text_made_stricter():
    # One cleaner (agent.core.text): a draft's words lose what display text loses, and more.
    from agent.core.text import clean_text, safe_line

    s = "a\x85b \ue000c\udcff d\u0378 =?utf-8?q?x?= \u200b\r\ne"
    assert clean_text(s) == "a b \ue000c\udcff d\u0378 =?utf-8?q?x?= e"
    assert safe_line(s) == "ab c d = ?utf-8?q?x?= e"
    assert safe_line("one two three", 9) == "one two"
