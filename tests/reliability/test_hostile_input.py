"""Hostile and broken input (B21): property tests and a fuzzer (Hypothesis at volume) for the MIME,
iCalendar, date-phrase and address parsers, header injection end to end, and huge or deeply nested mail.

CI runs a bounded, derandomized number of examples per property (`EXAMPLES`); INTERVIEW_AGENT_LONG=1 runs
`LONG_EXAMPLES` with random seeds. Every example run is counted in the reliability figures.
"""

from __future__ import annotations

import base64
import email
import email.policy
import os
import time
import warnings
from datetime import UTC, date, datetime, timedelta
from email.utils import getaddresses
from zoneinfo import ZoneInfo

import icalendar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent import templates
from agent.config import Identity, Profile, Settings
from agent.core import compose, dates, interviews, invitations, lifecycle, mime
from agent.core.errors import MalformedInput
from agent.core.model import DraftAction, Interview, Message, Person
from tests.reliability import figures

TEMPLATES = templates.load()

LONG = figures.long_run()
EXAMPLES = 200
LONG_EXAMPLES = 5000
FUZZ = settings(max_examples=LONG_EXAMPLES if LONG else EXAMPLES, deadline=None, derandomize=not LONG,
                database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PIPELINE = settings(FUZZ, max_examples=LONG_EXAMPLES // 5 if LONG else EXAMPLES // 2)

TZ = ZoneInfo("America/New_York")
ME = Identity(name="Jordan Lee", email="jordan.lee@gmail.com", timezone="America/New_York")
PROFILE = Profile(pitch="I build reliable backend services.", signature="Jordan Lee")
ALLOWED_HEADERS = {"from", "to", "subject", "date", "message-id", "in-reply-to", "references", "mime-version",
                   "content-type", "content-transfer-encoding"}
ATTACKER = "attacker.example"


def counted(name: str):
    figures.add("hostile_input", f"examples.{name}")
    figures.add("hostile_input", "examples")


# -- strategies ------------------------------------------------------------------------------------------------
NASTY = ["\r", "\n", "\r\n", "\t", "\x00", "\x0b", "\x1b", "\u202e", "\u202d", "\u200b", "\u200f", "\u2028",
         "\ufeff", "\u00a0", ",", ";", ":", "<", ">", "@", '"', "'", "\\", "(", ")", "[", "]", "=?", "?=", "é", "名",
         "ש", "Bcc: leak@attacker.example", "\r\nBcc: leak@attacker.example", "leak@attacker.example",
         "=?utf-8?q?x=0D=0ABcc:_leak=40attacker.example?=", "=?utf-8?b?DQpCY2M6IGxlYWtAYXR0YWNrZXIuZXhhbXBsZQ==?=",
         "\r\n\r\ninjected body", "Subject: injected", "To: leak@attacker.example", "%0d%0a"]
hostile = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=6)), max_size=12).map("".join)
long_name = st.text(min_size=300, max_size=3000)
hostile_or_long = st.one_of(hostile, hostile, hostile, long_name)
message_ids = st.one_of(st.just("<ok.1@zenith-apps.com>"), hostile.map(lambda s: f"<{s}@x.com>"), hostile,
                        st.just("<a@b>\r\nBcc: leak@attacker.example"), st.just("<a b@c>"),
                        st.just("<=?utf-8?q?x=0D=0ABcc:_leak=40attacker.example?=@x.com>"))  # found by --long


def encoded_word(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode("utf-8", "surrogatepass")).decode() + "?="


def _recipients_and_headers(raw: bytes) -> tuple[list[str], email.message.EmailMessage]:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    addrs = [a.lower() for _, a in getaddresses([str(v) for n in ("To", "Cc", "Bcc") for v in msg.get_all(n, [])])]
    return addrs, msg


def assert_draft_is_safe(raw: bytes, expected_to: list[str], *, attacker_is_recipient: bool = False) -> None:
    """B21/B23 on the bytes of one draft: exactly the intended recipients, only the allowed headers, each once,
    no CR/LF inside a header, From is the user, nothing of the attacker's in an address header."""
    head = raw.split(b"\r\n\r\n", 1)[0]
    for line in head.split(b"\r\n"):
        assert b"\n" not in line and b"\r" not in line
    to, msg = _recipients_and_headers(raw)
    assert to == expected_to, (to, expected_to)
    names = [k.lower() for k in msg]
    assert set(names) <= ALLOWED_HEADERS, names
    assert len(names) == len(set(names)), names
    for k, v in msg.items():
        assert "\r" not in str(v) and "\n" not in str(v), (k, v)
    assert [a.lower() for _, a in getaddresses([str(msg["From"])])] == [ME.email]
    for k in ("From", "To") if not attacker_is_recipient else ("From",):
        assert ATTACKER not in " ".join(a for _, a in getaddresses([str(msg[k])]))


# -- compose: hostile interview data never reaches a header unescaped (B21) -------------------------------------
@FUZZ
@given(name=hostile_or_long, company=hostile_or_long, role=hostile_or_long, subject=hostile_or_long,
       reply_id=message_ids, refs=st.lists(message_ids, max_size=4), kind=st.sampled_from(compose.KINDS))
def test_b21_hostile_names_subjects_and_ids_never_change_recipients_or_headers(name, company, role, subject,
                                                                               reply_id, refs, kind) -> None:
    counted("compose")
    start = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
    iv = Interview(id="iv-1", origin="event uid-1", start=start, end=start + timedelta(hours=1), company=company,
                   role=role, title=subject)
    to = Person("ana.lopez@zenith-apps.com", name)
    reply = Message(key="k1", folder="inbox", message_id=reply_id, date=start + timedelta(days=3), sender=to,
                    subject=subject, references=tuple(refs), in_reply_to=refs[-1] if refs else "")
    action = DraftAction(key=f"iv-1:{kind}:x", interview_id="iv-1", kind=kind, to=to,
                         reply_to=reply if kind != "thank_you" else None)
    draft = compose.compose(action, iv, ME, PROFILE, templates=TEMPLATES, outcome="rejection")
    raw = compose.to_mime(draft, ME, message_id="<abc123@gmail.com>", date=start + timedelta(days=4))
    assert_draft_is_safe(raw, ["ana.lopez@zenith-apps.com"])


@FUZZ
@given(address=st.one_of(hostile, hostile.map(lambda s: f"ana{s}@zenith-apps.com"),
                         hostile.map(lambda s: f"ana@zenith-apps.com{s}")))
def test_b21_a_recipient_that_is_not_one_plain_address_is_refused_never_written(address: str) -> None:
    counted("address")
    iv = Interview(id="iv-1", origin="event uid-1", start=datetime(2026, 12, 1, 19, tzinfo=UTC),
                   end=datetime(2026, 12, 1, 20, tzinfo=UTC), company="Zenith")
    action = DraftAction(key="iv-1:thank_you:x", interview_id="iv-1", kind="thank_you", to=Person(address, "Ana"))
    try:
        draft = compose.compose(action, iv, ME, PROFILE, templates=TEMPLATES)
        raw = compose.to_mime(draft, ME, message_id="<abc123@gmail.com>", date=datetime(2026, 12, 2, tzinfo=UTC))
    except ValueError:
        return  # the executor logs and skips it (B21)
    assert_draft_is_safe(raw, [address.lower()], attacker_is_recipient=True)
    assert address == address.strip() and not any(c.isspace() for c in address)


# -- the whole pipeline: a hostile invitation mail, parsed, judged, planned, drafted ----------------------------
def invitation_mail(*, organizer_cn: str, attendee_cns: tuple[str, str], summary: str, description: str,
                    location: str, from_name: str, subject: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Google Inc//Google Calendar 70.9054//EN")
    cal.add("version", "2.0")
    cal.add("method", "REQUEST")
    ev = icalendar.Event()
    ev.add("uid", "hostile-1@google.com")
    ev.add("dtstart", datetime(2026, 11, 12, 15, 0, tzinfo=UTC))
    ev.add("dtend", datetime(2026, 11, 12, 16, 0, tzinfo=UTC))
    ev.add("dtstamp", datetime(2026, 11, 5, 15, 0, tzinfo=UTC))
    ev.add("summary", f"Interview: Mobile Engineer {summary}")
    ev.add("description", f"Interview for the Mobile Engineer role at Zenith Apps. {description}")
    ev.add("location", location)
    ev.add("organizer", "mailto:nadia.rahman@zenith-apps.com", parameters={"CN": organizer_cn})
    for cn, addr in zip(attendee_cns, ("nadia.rahman@zenith-apps.com", "theo.grant@zenith-apps.com"), strict=True):
        ev.add("attendee", f"mailto:{addr}", parameters={"CN": cn, "PARTSTAT": "ACCEPTED", "ROLE": "REQ-PARTICIPANT"})
    ev.add("attendee", f"mailto:{ME.email}", parameters={"CN": "Jordan Lee", "PARTSTAT": "ACCEPTED"})
    cal.add_component(ev)
    ics = base64.encodebytes(cal.to_ical()).decode()
    return (f"Message-ID: <hostile-1@google.com>\r\nDate: Thu, 05 Nov 2026 10:00:00 -0500\r\n"
            f"From: {encoded_word(from_name)} <nadia.rahman@zenith-apps.com>\r\n"
            f"Reply-To: {encoded_word(from_name)} <nadia.rahman@zenith-apps.com>\r\n"
            f"To: Jordan Lee <{ME.email}>\r\nSubject: {encoded_word(subject)}\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\nYou have been invited. {description}\r\n--b1\r\n"
            f"Content-Type: text/calendar; charset=utf-8; method=REQUEST\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            f"{ics}\r\n--b1--\r\n").encode("utf-8", "surrogatepass")


@PIPELINE
@given(organizer_cn=hostile_or_long, cn1=hostile_or_long, cn2=hostile_or_long, summary=hostile, description=hostile,
       location=hostile, from_name=hostile_or_long, subject=hostile_or_long)
def test_b21_hostile_invitation_end_to_end_drafts_only_the_attendees(organizer_cn, cn1, cn2, summary, description,
                                                                    location, from_name, subject) -> None:
    counted("pipeline")
    raw = invitation_mail(organizer_cn=organizer_cn, attendee_cns=(cn1, cn2), summary=summary,
                          description=description, location=location, from_name=from_name, subject=subject)
    try:
        message = mime.parse_message(raw, key="k1", folder="inbox", tz=TZ)
    except MalformedInput:
        return
    found = interviews.derive([message], [], ME)
    now = datetime(2026, 11, 12, 18, 0, tzinfo=UTC)  # after the end, inside the thank-you window
    plan = lifecycle.plan(found, [message], [], {}, ME, Settings(), now)
    by_id = {iv.id: iv for iv in found}
    made = []
    for action in plan.actions:
        draft = compose.compose(action, by_id[action.interview_id], ME, PROFILE, templates=TEMPLATES)
        raw_draft = compose.to_mime(draft, ME, message_id="<abc123@gmail.com>", date=now)
        assert action.to.email in ("nadia.rahman@zenith-apps.com", "theo.grant@zenith-apps.com")
        assert_draft_is_safe(raw_draft, [action.to.email])
        made.append(action.to.email)
    assert len(made) == len(set(made))
    if made:
        figures.add("hostile_input", "pipeline_drafts_checked", len(made))


# -- parsers never crash: they return data or say MalformedInput -------------------------------------------------
header_names = st.sampled_from(["From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID", "In-Reply-To",
                                "References", "Content-Type", "Content-Transfer-Encoding", "MIME-Version",
                                "Auto-Submitted", "X-Whatever"])
header_values = st.one_of(hostile, st.builds(encoded_word, hostile), st.just("multipart/mixed; boundary=\"b\""),
                          st.just("text/calendar; method=REQUEST"), st.just("base64"), st.just("quoted-printable"),
                          st.just("Thu, 05 Nov 2026 10:00:00 -0500"), st.just("Mon, 99 Foo 20260 99:99:99 +9999"),
                          st.just("\"Nadia, Bcc: leak@attacker.example\" <nadia@zenith-apps.com>"),
                          st.just("Bcc: leak@attacker.example[,"))  # found by --long


@st.composite
def mails(draw) -> bytes:
    headers = draw(st.lists(st.tuples(header_names, header_values), max_size=12))
    head = "".join(f"{k}: {v}\r\n" for k, v in headers)
    body = draw(st.one_of(st.binary(max_size=400), hostile.map(lambda s: s.encode("utf-8", "surrogatepass")),
                          nested_parts(draw(st.integers(0, 6)))))
    return head.encode("utf-8", "surrogatepass") + b"\r\n" + body


def nested_parts(depth: int) -> st.SearchStrategy[bytes]:
    leaf = st.one_of(st.just(b"Content-Type: text/plain\r\n\r\nhello\r\n"),
                     st.just(b"Content-Type: text/calendar; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"),
                     st.binary(max_size=80).map(lambda b: b"Content-Type: application/octet-stream\r\n\r\n" + b))
    if depth == 0:
        return leaf
    return nested_parts(depth - 1).map(
        lambda inner: (b"Content-Type: multipart/mixed; boundary=\"x%d\"\r\n\r\n--x%d\r\n" % (depth, depth) + inner
                       + b"\r\n--x%d--\r\n" % depth))


def _clean_person(p: Person | None) -> None:
    if p is None:
        return
    assert p.email == "" or not any(c.isspace() or c in "\r\n<>,;\"" for c in p.email), p.email
    assert "\r" not in p.name and "\n" not in p.name


@FUZZ
@given(raw=st.one_of(mails(), st.binary(max_size=2000)))
def test_b21_mime_parser_returns_clean_data_or_malformed_input(raw: bytes) -> None:
    counted("mime")
    try:
        m = mime.parse_message(raw, key="k1", folder="inbox", tz=TZ,
                               received=datetime(2026, 11, 5, 15, tzinfo=UTC))
    except MalformedInput:
        figures.add("hostile_input", "mime_malformed")
        return
    assert m.date.tzinfo is not None and m.message_id.startswith("<")
    for p in (m.sender, *m.to, *m.cc, *m.reply_to):
        _clean_person(p)
    assert "\r" not in m.subject and "\n" not in m.subject
    for e in m.events:
        assert e.start.tzinfo is not None and e.end.tzinfo is not None


ics_lines = st.sampled_from(["BEGIN:VCALENDAR", "END:VCALENDAR", "BEGIN:VEVENT", "END:VEVENT", "METHOD:REQUEST",
                             "METHOD:CANCEL", "UID:u1", "SEQUENCE:99999999999999999999", "DTSTART:20261112T150000Z",
                             "DTEND:20261112T160000Z", "DTSTART;TZID=Mars/Base:20261112T150000",
                             "DTSTART;VALUE=DATE:20261112", "DTSTART:garbage", "RRULE:FREQ=MINUTELY;COUNT=100000",
                             "RRULE:FREQ=DAILY", "RRULE:FREQ=YEARLY;BYMONTH=13", "EXDATE:nonsense",
                             "ORGANIZER;CN=\"a\r\nBcc: x\":mailto:x@y.z", "ATTENDEE;CN=x:mailto:",
                             "ATTENDEE:mailto:a b@c",
                             "SUMMARY:Interview", "BEGIN:VTIMEZONE", "END:VTIMEZONE", "BEGIN:VALARM", " folded",
                             "STATUS:CANCELLED", "RECURRENCE-ID:20261112T150000Z", "DURATION:P9999999D",
                             "DURATION:-PT1H", "X-;;;:::"])
ics_texts = st.lists(st.one_of(ics_lines, hostile), max_size=40).map("\r\n".join)


@FUZZ
@given(text=ics_texts)
def test_b2_b21_icalendar_parser_returns_events_or_malformed_input(text: str) -> None:
    counted("icalendar")
    started = time.process_time()
    try:
        events = invitations.parse_calendar(text, tz=TZ, source="mail <m@x>")
    except MalformedInput:
        return
    assert time.process_time() - started < 10  # an endless RRULE is cut off, not expanded forever
    for e in events:
        assert e.start.tzinfo is not None and e.end.tzinfo is not None
        _clean_person(e.organizer)
        for a in e.attendees:
            _clean_person(a.person)


phrases = st.lists(st.one_of(
    st.sampled_from(["We expect to make a decision", "You will hear from us", "by Friday", "within two weeks",
                     "early next week", "in 5-7 business days", "by the end of the month", "December 11", "12/11",
                     "31/02", "by Feb 30", "in 99999999 days", "next next Friday", "yesterday", "last week",
                     "by 1900-01-01", "by 9999-12-31", "in -3 days", "by the 32nd", ".", "!", "\n", "decision",
                     "by end of day", "EOD", "in a fortnight", "by Q1", "0 business days", "∞ weeks"]),
    hostile), max_size=25).map(" ".join)


@FUZZ
@given(text=phrases, offset=st.integers(-10_000, 10_000))
def test_b12_decision_phrases_never_raise_and_never_resolve_before_the_message(text: str, offset: int) -> None:
    counted("dates")
    stated = datetime(2026, 11, 12, 15, tzinfo=UTC) + timedelta(days=offset)
    found = dates.find_decision_statements(text, stated_at=stated, tz=TZ, source="mail <m@x>")
    for s in found:
        assert isinstance(s.day, date) and s.day >= stated.astimezone(TZ).date(), (text, s)
        assert "\r" not in s.sentence


@FUZZ
@given(text=phrases)
def test_b12_set_decision_dates_are_a_day_or_a_plain_valueerror(text: str) -> None:
    counted("dates")
    try:
        day = dates.parse_user_date(text, now=datetime(2026, 11, 12, 15, tzinfo=UTC), tz=TZ)
    except ValueError:
        return
    assert day >= date(2026, 11, 12)


# -- huge and deep ------------------------------------------------------------------------------------------------
TIME_LIMIT = 5.0  # CPU seconds of this process: other load on the machine does not count against it
MEMORY_LIMIT = 200 * 1024 * 1024


def _rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _bounded_parse(raw: bytes, name: str) -> tuple[float, int]:
    """(seconds, bytes): the time of a parse here, and the peak memory it took, measured in a forked child
    (its peak resident size less what it inherited)."""

    def parse() -> None:
        try:
            mime.parse_message(raw, key=name, folder="inbox", tz=TZ)
        except MalformedInput:
            figures.put("hostile_input", f"{name}.outcome", "skipped as malformed")

    started = time.process_time()
    parse()
    elapsed = time.process_time() - started
    base = _rss()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:
        try:
            parse()
        finally:
            os._exit(0)
    _pid, status, usage = os.wait4(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    peak = max(usage.ru_maxrss * 1024 - base, 0)
    figures.put("hostile_input", f"{name}.seconds", round(elapsed, 2))
    figures.put("hostile_input", f"{name}.peak_mb", round(peak / 2**20, 1))
    return elapsed, peak


HEAD = (b"From: Nadia <nadia@zenith-apps.com>\r\nTo: jordan.lee@gmail.com\r\nSubject: big\r\n"
        b"Date: Thu, 05 Nov 2026 10:00:00 -0500\r\nMessage-ID: <big@zenith-apps.com>\r\n")


def test_b21_a_20_mb_message_is_read_in_bounded_time_and_memory() -> None:
    body = base64.encodebytes(b"\x89PNG" + bytes(range(256)) * (15 * 2**20 // 256))
    raw = (HEAD + b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
           b"Content-Type: text/plain\r\n\r\n" + b"Thanks for your time today. " * 40_000 + b"\r\n--b\r\n"
           b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n" + body + b"\r\n--b--\r\n")
    assert len(raw) > 20 * 10**6
    elapsed, peak = _bounded_parse(raw, "huge_20mb")
    assert elapsed < TIME_LIMIT and peak < MEMORY_LIMIT, (elapsed, peak)
    assert peak > 20 * 2**20  # the measurement sees the mail itself: it is not vacuous


def test_b21_a_1000_level_nested_multipart_is_read_in_bounded_time_and_memory() -> None:
    depth = 1000
    opening = b"".join(b"Content-Type: multipart/mixed; boundary=\"n%d\"\r\n\r\n--n%d\r\n" % (i, i)
                       for i in range(depth))
    closing = b"".join(b"\r\n--n%d--\r\n" % i for i in reversed(range(depth)))
    raw = HEAD + b"MIME-Version: 1.0\r\n" + opening + b"Content-Type: text/plain\r\n\r\ndeep\r\n" + closing
    elapsed, peak = _bounded_parse(raw, "nested_1000")
    assert elapsed < TIME_LIMIT and peak < MEMORY_LIMIT, (elapsed, peak)


def test_b21_a_calendar_with_5k_events_and_an_endless_rule_is_bounded() -> None:
    events = "".join(f"BEGIN:VEVENT\r\nUID:u{i}\r\nDTSTART:20261112T150000Z\r\nDTEND:20261112T160000Z\r\n"
                     f"SUMMARY:x\r\nEND:VEVENT\r\n" for i in range(5_000))
    text = ("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n" + events + "BEGIN:VEVENT\r\nUID:endless\r\n"
            "DTSTART:20261112T150000Z\r\nDTEND:20261112T160000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    started = time.process_time()
    try:
        invitations.parse_calendar(text, tz=TZ, source="mail <m@x>")
    except MalformedInput:
        pass
    elapsed = time.process_time() - started
    figures.put("hostile_input", "calendar_5k_events.seconds", round(elapsed, 2))
    assert elapsed < 4 * TIME_LIMIT, elapsed

