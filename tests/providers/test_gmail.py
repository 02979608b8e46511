"""The Gmail provider against the loopback fake: the shared contract plus what only Gmail shows.

The fake (tests/fakes/gmail.py) checks every request against the discovery documents shipped with
google-api-python-client; the `mailbox` fixture fails a test whose provider made a request the real API
would refuse.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import tomllib
import webbrowser
from datetime import UTC, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest
import requests
from googleapiclient.errors import HttpError

from agent.core.errors import EXIT_UNREACHABLE, ConfigError
from providers import factory
from providers.base import AuthError, UnreachableError
from providers.gmail import GmailProvider, connect, open_provider
from providers.gmail_transport import Pacer
from tests.corpus import EXTERNAL
from tests.fakes.gmail import FakeGoogle
from tests.fakes.gmail_discovery import DiscoveryValidator, Violation, load_document
from tests.mailboxes_gmail import GmailMailbox
from tests.providers.contract import RECRUITER, USER, ProviderContract, by_mid, draft, mail, now, record

REPO = Path(__file__).resolve().parents[2]
CORPUS = EXTERNAL / "nango-integration-templates"
RECONNECT = "interview-agent connect gmail --client-secrets FILE"


@pytest.fixture
def mailbox(tmp_path):
    box = GmailMailbox(tmp_path / "Mail", user=USER)
    yield box
    box.close()


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def make_provider(mailbox, tmp_path, sleeps):
    opened: list[GmailProvider] = []

    def make(**extra) -> GmailProvider:
        provider = open_provider({**mailbox.account(), "_tz": "America/New_York", **extra},
                                 config_dir=str(tmp_path), state_dir=str(tmp_path / "state"))
        provider.transport.sleep = sleeps.append  # backoff and pacing are recorded, not slept
        opened.append(provider)
        return provider

    yield make
    for provider in opened:
        provider.close()


class TestGmail(ProviderContract):
    pass


def invitation(uid: str, *, start, method: str = "REQUEST", sequence: int = 0, user_partstat: str = "NEEDS-ACTION",
               message_id: str, date) -> bytes:
    stamp = "%Y%m%dT%H%M%SZ"
    ics = "\r\n".join([
        "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0", f"METHOD:{method}",
        "BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{date.strftime(stamp)}",
        f"DTSTART:{start.strftime(stamp)}", f"DTEND:{(start + timedelta(hours=1)).strftime(stamp)}",
        "SUMMARY:Interview: Backend Engineer (Acme Robotics)", f"SEQUENCE:{sequence}",
        "STATUS:CANCELLED" if method == "CANCEL" else "STATUS:CONFIRMED",
        "DESCRIPTION:Join with Google Meet: https://meet.google.com/abc-defg-hij\\nWe decide within two weeks.",
        f"ORGANIZER;CN=Ana Ruiz:mailto:{RECRUITER}",
        f"ATTENDEE;CN=Jordan Lee;PARTSTAT={user_partstat};RSVP=TRUE:mailto:{USER}",
        f"ATTENDEE;CN=Ana Ruiz;PARTSTAT=ACCEPTED:mailto:{RECRUITER}",
        "ATTENDEE;CUTYPE=ROOM;CN=Room 4;PARTSTAT=ACCEPTED:mailto:room4@resource.calendar.google.com",
        "END:VEVENT", "END:VCALENDAR", ""])
    msg = EmailMessage()
    msg["From"] = f"Ana Ruiz <{RECRUITER}>"
    msg["To"] = USER
    msg["Subject"] = ("Canceled: " if method == "CANCEL" else "Invitation: ") + "Interview: Backend Engineer"
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = message_id
    msg.set_content("Interview invitation.\n")
    msg.add_alternative(ics, subtype="calendar", params={"method": method})
    return msg.as_bytes()


def reply_draft(parent_mid: str, subject: str, message_id: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Jordan Lee <{USER}>"
    msg["To"] = RECRUITER
    msg["Subject"] = f"Re: {subject}"
    msg["Date"] = format_datetime(now())
    msg["Message-ID"] = message_id
    msg["In-Reply-To"] = parent_mid
    msg["References"] = parent_mid
    msg.set_content("Hi Ana,\n\nIs there any update?\n\nJordan\n")
    return msg.as_bytes()


def calls(mailbox: GmailMailbox) -> list[str]:
    return [r.method_id for r in mailbox.fake.api_calls()]


# -- B19: drafts only ------------------------------------------------------------------------------------


def test_b19_no_request_ever_sends_and_the_only_write_is_drafts_create(mailbox, make_provider):
    t = now()
    mailbox.deliver("inbox", mail("Interview", message_id="<p@acme-robotics.example>", date=t), when=t)
    provider = make_provider()
    batch = provider.sync(None, t - timedelta(days=30))
    ref = provider.create_draft(reply_draft("<p@acme-robotics.example>", "Interview", "<d@example.net>"),
                                message_id="<d@example.net>", reply_to=batch.messages[0])
    provider.find_draft("<d@example.net>")
    provider.draft_status([record("<d@example.net>", ref)])
    provider.sync(batch.cursor, t - timedelta(days=30))
    logged = mailbox.fake.requests
    assert logged and not [r.path for r in logged if r.path.rstrip("/").endswith("/send")]
    writes = {r.method_id for r in logged if r.method in ("POST", "PUT", "PATCH", "DELETE") and r.method_id != "batch"}
    assert writes == {"gmail.users.drafts.create"}


# -- threads and keys --------------------------------------------------------------------------------------


def test_b17_reply_draft_joins_the_gmail_thread_of_the_message_it_answers(mailbox, make_provider):
    t = now()
    mailbox.deliver("inbox", mail("Next steps", message_id="<p@acme-robotics.example>", date=t), when=t)
    provider = make_provider()
    parent = by_mid(provider.sync(None, t - timedelta(days=30)))["<p@acme-robotics.example>"]
    fake_parent = mailbox.message("<p@acme-robotics.example>")
    assert parent.key == fake_parent.id and parent.thread_id == fake_parent.thread_id
    ref = provider.create_draft(reply_draft(parent.message_id, "Next steps", "<d@example.net>"),
                                message_id="<d@example.net>", reply_to=parent)
    written = mailbox.message("<d@example.net>")
    assert written.thread_id == parent.thread_id
    assert ref == f"{next(d for d, m in mailbox.fake.store.drafts.items() if m == written.id)}|{written.id}"
    # A draft that is not a reply starts its own thread.
    provider.create_draft(draft("<d2@example.net>"), message_id="<d2@example.net>", reply_to=None)
    assert mailbox.message("<d2@example.net>").thread_id != parent.thread_id


# -- cost of a run -------------------------------------------------------------------------------------------


def test_no_change_run_costs_one_history_list_and_one_events_list(mailbox, make_provider):
    t = now()
    for i in range(3):
        mailbox.deliver("inbox", mail(f"m{i}", message_id=f"<m{i}@acme-robotics.example>", date=t), when=t)
    first = make_provider().sync(None, t - timedelta(days=30))
    mailbox.fake.reset_log()
    second = make_provider().sync(json.loads(json.dumps(first.cursor)), t - timedelta(days=30))
    assert calls(mailbox) == ["gmail.users.history.list", "calendar.events.list"]
    assert second.messages == [] and second.events == []
    assert second.stats["quota_units"] == 2 == sum(mailbox.fake.units.values())


def test_first_run_fetches_in_batches_of_20_at_the_configured_endpoint(mailbox, make_provider, caplog):
    t = now()
    for i in range(120):
        mailbox.deliver("inbox", mail(f"m{i}", message_id=f"<m{i}@acme-robotics.example>", date=t), when=t)
    caplog.set_level("INFO", logger="providers.gmail")
    batch = make_provider().sync(None, t - timedelta(days=30))
    assert len(batch.messages) == 120
    envelopes = [r for r in mailbox.fake.requests if r.method_id == "batch"]
    assert {r.path for r in envelopes} == {"/batch/gmail/v1"}
    assert len(envelopes) == 12  # 6 x 20 metadata, 6 x 20 raw
    assert mailbox.fake.throttled == 0  # real Gmail refuses part of a batch of 50, not of 20 (the fake too)
    inner = [r for r in mailbox.fake.requests if r.in_batch]
    assert len(inner) == 240 and {r.method_id for r in inner} == {"gmail.users.messages.get"}
    assert batch.stats["quota_units"] == sum(mailbox.fake.units.values()) == 1 + 5 + 240 * 5
    assert any("quota units" in r.getMessage() for r in caplog.records)


def test_bulk_mail_is_kept_with_its_headers_only(mailbox, make_provider):
    t = now()
    news = EmailMessage()
    news["From"] = "The Muse <newsletters@e.themuse.example>"
    news["To"] = USER
    news["Subject"] = "5 questions to ask at the end of every interview"
    news["Date"] = format_datetime(t)
    news["Message-ID"] = "<news@e.themuse.example>"
    news["List-Id"] = "<weekly.themuse.example>"
    news["Precedence"] = "bulk"
    news.set_content("Ask when they expect to decide.\n")
    mailbox.deliver("inbox", news.as_bytes(), when=t)
    mailbox.deliver("inbox", mail("Interview", message_id="<p@acme-robotics.example>", date=t), when=t)
    batch = make_provider().sync(None, t - timedelta(days=30))
    found = by_mid(batch)
    assert found["<news@e.themuse.example>"].text == ""
    assert found["<news@e.themuse.example>"].headers["precedence"] == "bulk"
    assert found["<p@acme-robotics.example>"].text.startswith("Hello")
    assert batch.stats["metadata_fetched"] == 2 and batch.stats["raw_fetched"] == 1


# -- calendar -----------------------------------------------------------------------------------------------


def test_b2_calendar_events_come_back_with_attendees_status_description_and_conference(mailbox, make_provider):
    t = now()
    start = (t + timedelta(days=2)).replace(minute=0, second=0)
    mailbox.deliver("inbox", invitation("cal-1@acme-robotics.example", start=start, message_id="<i1@acme.example>",
                                        date=t), when=t)
    mailbox.deliver("sent", invitation("cal-1@acme-robotics.example", start=start, method="REPLY",
                                       user_partstat="ACCEPTED", message_id="<r1@example.net>", date=t), when=t)
    batch = make_provider().sync(None, t - timedelta(days=30))
    assert batch.events_complete
    (event,) = [e for e in batch.events if e.uid == "cal-1@acme-robotics.example"]
    assert event.method == "" and event.source.startswith("calendar ") and event.status == "CONFIRMED"
    assert event.start == start and event.end == start + timedelta(hours=1)
    people = {a.person.email: a for a in event.attendees}
    assert people[USER].partstat == "ACCEPTED"  # the user's own REPLY, as Google records it
    assert people["room4@resource.calendar.google.com"].cutype == "RESOURCE"
    assert event.organizer is not None and event.organizer.email == RECRUITER
    assert "two weeks" in event.description and event.conference_url == "https://meet.google.com/abc-defg-hij"


def test_b2_cancelled_event_arrives_by_sync_token_with_its_uid(mailbox, make_provider):
    t = now()
    start = t + timedelta(days=2)
    mailbox.deliver("inbox", invitation("cal-2@acme-robotics.example", start=start, message_id="<i2@acme.example>",
                                        date=t), when=t)
    first = make_provider().sync(None, t - timedelta(days=30))
    mailbox.deliver("inbox", invitation("cal-2@acme-robotics.example", start=start, method="CANCEL", sequence=1,
                                        message_id="<c2@acme.example>", date=t + timedelta(seconds=1)), when=t)
    mailbox.fake.reset_log()
    second = make_provider().sync(json.loads(json.dumps(first.cursor)), t - timedelta(days=30))
    assert not second.events_complete
    (event,) = [e for e in second.events if e.uid == "cal-2@acme-robotics.example"]
    assert event.status == "CANCELLED" and event.start == start
    listed = [r for r in mailbox.fake.api_calls() if r.method_id == "calendar.events.list"]
    assert len(listed) == 1 and "syncToken=" in listed[0].query and "timeMin" not in listed[0].query


def test_expired_sync_token_410_gives_a_full_calendar_resync(mailbox, make_provider):
    t = now()
    mailbox.deliver("inbox", invitation("cal-3@acme-robotics.example", start=t + timedelta(days=1),
                                        message_id="<i3@acme.example>", date=t), when=t)
    first = make_provider().sync(None, t - timedelta(days=30))
    mailbox.fake.expire_sync_tokens()
    second = make_provider().sync(first.cursor, t - timedelta(days=30))
    assert second.events_complete and second.stats["calendar_full_resyncs"] == 1
    assert [e.uid for e in second.events] == ["cal-3@acme-robotics.example"]
    assert make_provider().sync(second.cursor, t - timedelta(days=30)).events == []


def test_other_configured_calendars_are_read_too(mailbox, make_provider):
    mailbox.fake.store.calendar.extra["team@group.calendar.google.com"] = {}
    t = now()
    batch = make_provider(calendars=["primary", "team@group.calendar.google.com"]).sync(None, t - timedelta(days=3))
    assert set(batch.cursor["calendars"]) == {"primary", "team@group.calendar.google.com"}
    assert calls(mailbox).count("calendar.events.list") == 2


# -- history ------------------------------------------------------------------------------------------------


def test_expired_history_404_gives_a_full_listing_bounded_by_the_lookback(mailbox, make_provider):
    t = now()
    since = t - timedelta(days=30)
    mailbox.deliver("inbox", mail("Old", message_id="<old@acme.example>", date=t - timedelta(days=90)),
                    when=t - timedelta(days=90))
    mailbox.deliver("inbox", mail("Seen", message_id="<seen@acme.example>", date=t), when=t)
    first = make_provider().sync(None, since)
    mailbox.deliver("inbox", mail("New", message_id="<new@acme.example>", date=t), when=t)
    mailbox.fake.expire_history()
    second = make_provider().sync(first.cursor, since)
    assert second.stats["history_expired"] == 1
    assert set(by_mid(second)) == {"<seen@acme.example>", "<new@acme.example>"}
    assert make_provider().sync(second.cursor, since).messages == []


def test_archived_mail_and_mail_moved_back_to_the_inbox_are_read(mailbox, make_provider):
    t = now()
    since = t - timedelta(days=30)
    first = make_provider().sync(None, since)
    archive = mailbox.root / ".Archive"
    for sub in ("cur", "new", "tmp"):
        (archive / sub).mkdir(parents=True)
    (archive / "cur" / "1.M1P1.host:2,S").write_bytes(mail("Filed", message_id="<f@acme.example>", date=t))
    found = by_mid(make_provider().sync(first.cursor, since))
    assert found["<f@acme.example>"].folder == "inbox"


# -- faults and retries ---------------------------------------------------------------------------------------


def test_429_storm_inside_batches_is_retried_with_backoff(mailbox, make_provider, sleeps):
    t = now()
    for i in range(60):
        mailbox.deliver("inbox", mail(f"m{i}", message_id=f"<m{i}@acme.example>", date=t), when=t)
    mailbox.fake.fail("gmail.users.messages.get", 429, times=80)
    mailbox.fake.fail("batch", 503, times=1)
    batch = make_provider().sync(None, t - timedelta(days=30))
    assert len(batch.messages) == 60
    assert batch.stats["retries"] >= 2 and sleeps and all(0 < s <= 60 for s in sleeps)
    assert sleeps == sorted(sleeps) or max(sleeps) >= 2  # the delay grows


def test_the_fake_answers_calls_past_25_in_a_batch_with_inner_429_too_many_concurrent_requests(
        mailbox, make_provider, sleeps, monkeypatch):
    """As real Gmail does to a batch of 50 (google-api-dotnet-client#1982, amd/gaia#2720); the provider sends
    only the refused calls again."""
    from providers import gmail_transport

    monkeypatch.setattr(gmail_transport, "BATCH_SIZE", 40)
    t = now()
    for i in range(40):
        mailbox.deliver("inbox", mail(f"m{i}", message_id=f"<w{i}@acme.example>", date=t), when=t)
    batch = make_provider().sync(None, t - timedelta(days=30))
    assert len(batch.messages) == 40
    assert mailbox.fake.throttled == 2 * 15  # metadata and raw: the last 15 of 40, each once
    retried = [r for r in mailbox.fake.requests if r.in_batch and r.method_id == "gmail.users.messages.get"]
    assert len(retried) == 2 * 25 + 2 * 15


def test_a_share_of_every_batch_throttled_converges_by_per_item_retries(mailbox, make_provider, sleeps):
    t = now()
    for i in range(45):
        mailbox.deliver("inbox", mail(f"m{i}", message_id=f"<s{i}@acme.example>", date=t), when=t)
    mailbox.fake.throttle_share = 0.3
    batch = make_provider().sync(None, t - timedelta(days=30))
    assert len(batch.messages) == 45 and mailbox.fake.throttled > 0 and batch.stats["retries"] >= 1


@pytest.mark.parametrize("api", ["gmail", "calendar"])
def test_a_disabled_api_says_enable_it_in_project_n_not_reconnect(mailbox, make_provider, api, tmp_path):
    """403 accessNotConfigured / SERVICE_DISABLED (python-samples#23, GHunt#382): exit 2 with the project and
    the activation URL of the ErrorInfo, in run (sync), doctor (check) and connect (check_apis)."""
    from providers import gmail as gmail_module
    from providers.base import ServiceDisabledError

    mailbox.fake.disable_api(api, "861228239640")
    title = "Gmail API" if api == "gmail" else "Google Calendar API"
    service = "gmail.googleapis.com" if api == "gmail" else "calendar-json.googleapis.com"
    with pytest.raises(ServiceDisabledError) as info:
        make_provider().sync(None, now() - timedelta(days=30))
    text = str(info.value)
    assert info.value.exit_code == 2 and info.value.project == "861228239640"
    assert f"the {title} is not enabled in Google Cloud project 861228239640: enable it at " in text
    assert f"https://console.developers.google.com/apis/api/{service}/overview?project=861228239640" in text
    assert "connect gmail" not in text
    lines = make_provider().check()
    bad = [line for line in lines if not line[1]]
    assert bad and all(f"{title} is not enabled" in line[2] and "connect gmail" not in line[2] for line in bad)
    with pytest.raises(ServiceDisabledError, match=f"{title} is not enabled in Google Cloud project 861228239640"):
        gmail_module.check_apis(mailbox.account(), config_dir=tmp_path)
    mailbox.fake.disable_api(api, "")
    gmail_module.check_apis(mailbox.account(), config_dir=tmp_path)


def test_rate_limit_403_and_500s_on_single_calls_are_retried_honouring_retry_after(mailbox, make_provider, sleeps):
    t = now()
    mailbox.fake.fail("gmail.users.getProfile", 403, times=1, reason="userRateLimitExceeded", retry_after=7)
    mailbox.fake.fail("gmail.users.messages.list", 500, times=2)
    batch = make_provider().sync(None, t - timedelta(days=30))
    assert batch.stats["retries"] == 3 and 7.0 in sleeps


def test_lasting_server_errors_give_unreachable_exit_3(mailbox, make_provider):
    t = now()
    mailbox.fake.fail("gmail.users.history.list", 500, times=1000)
    provider = make_provider(max_retries=3)
    cursor = provider.sync(None, t - timedelta(days=30)).cursor
    with pytest.raises(UnreachableError) as info:
        provider.sync(cursor, t - timedelta(days=30))
    assert info.value.exit_code == EXIT_UNREACHABLE
    assert provider.stats["retries"] == 3


def test_pacer_keeps_a_minute_under_the_unit_budget():
    clock = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    pacer = Pacer(1000, sleep, lambda: clock[0])
    for _ in range(8):
        pacer.spend(250)  # batches of 50 messages.get
    assert len(slept) == 1 and 59 < slept[0] <= 61  # the fifth batch waits for the first minute to pass
    assert pacer.total <= 1000


# -- tokens ---------------------------------------------------------------------------------------------------


def test_b22_token_is_refreshed_once_and_saved_back_0600(mailbox, make_provider):
    path = Path(mailbox.account()["token_file"])
    make_provider().sync(None, now() - timedelta(days=3))
    saved = json.loads(path.read_text())
    assert saved["token"].startswith("ya29.") and saved["refresh_token"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    refreshes = len(mailbox.fake.token_requests)
    make_provider().sync(None, now() - timedelta(days=3))  # a later cron run uses the saved access token
    assert len(mailbox.fake.token_requests) == refreshes == 1


def test_access_token_refused_mid_run_is_refreshed_silently(mailbox, make_provider):
    provider = make_provider()
    cursor = provider.sync(None, now() - timedelta(days=3)).cursor
    mailbox.fake.expire_access_tokens()
    provider.sync(cursor, now() - timedelta(days=3))
    assert len(mailbox.fake.token_requests) == 2
    provider.close()
    assert json.loads(Path(mailbox.account()["token_file"]).read_text())["token"] in mailbox.fake.access_tokens


def test_expired_refresh_token_gives_auth_error_exit_3_with_the_reconnect_command(mailbox, make_provider):
    mailbox.fake.revoke_refresh_tokens()
    with pytest.raises(AuthError) as info:
        make_provider().sync(None, now() - timedelta(days=3))
    assert info.value.exit_code == EXIT_UNREACHABLE
    assert "invalid_grant" in str(info.value) and RECONNECT in str(info.value)
    assert "1//0fake" not in str(info.value)  # B22: no secret in the message


@pytest.mark.parametrize("days, named", [(7.1, True), (2, False), (30, False)])
def test_doctor_names_the_7_day_expiry_of_a_testing_app_a_week_after_connect(mailbox, make_provider, days, named):
    """Google expires refresh tokens of an External app in "Testing" after 7 days (oauth2#expiration, quoted
    in gcalcli#628); publishing it "In production" avoids it (sasl-xoauth2#29)."""
    import json as json_module
    from datetime import datetime

    provider = make_provider()
    info = json_module.loads(provider.token_file.read_text())
    info["signed_in_at"] = (datetime.now(UTC) - timedelta(days=days)).isoformat()
    provider.token_file.write_text(json_module.dumps(info))
    mailbox.fake.revoke_refresh_tokens()
    line = next(line for line in make_provider().check() if line[0] == "refresh token")
    assert not line[1] and "invalid_grant" in line[2] and RECONNECT in line[2]
    assert ("7-day expiry" in line[2] and "Publish app" in line[2] and "In production" in line[2]) == named


def test_the_sign_in_time_is_kept_across_token_refreshes(tmp_path):
    from google.oauth2.credentials import Credentials

    from providers import gmail_auth

    path = tmp_path / "t.json"
    creds = Credentials(token="a", refresh_token="r1", client_id="c", client_secret="s",
                        token_uri="https://oauth2.googleapis.com/token")
    gmail_auth.save_credentials(creds, path, signed_in=True)
    stamp = json.loads(path.read_text())["signed_in_at"]
    creds.token = "b"
    gmail_auth.save_credentials(creds, path)
    assert json.loads(path.read_text())["signed_in_at"] == stamp
    assert 0 <= gmail_auth.signed_in_days(path) < 0.01
    gmail_auth.save_credentials(Credentials(token="c", refresh_token="r2", client_id="c", client_secret="s",
                                            token_uri="https://oauth2.googleapis.com/token"), path)
    assert "signed_in_at" not in json.loads(path.read_text())  # another refresh token: its time is unknown


# -- configuration ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key, value", [
    ("calendars", "primary"), ("calendars", []), ("api_endpoint", "http://gmail.example.com/"),
    ("token_uri", "ftp://127.0.0.1/token"), ("quota_units_per_minute", 0), ("max_retries", "3"),
    ("token_file", "no/such/token.json")])
def test_config_errors_name_the_key_and_the_fix(mailbox, tmp_path, key, value):
    with pytest.raises(ConfigError) as info:
        factory("gmail")({**mailbox.account(), key: value}, config_dir=str(tmp_path), state_dir=str(tmp_path))
    assert f"account.{key}" in str(info.value)


def test_default_token_file_is_under_the_config_secrets(tmp_path):
    with pytest.raises(ConfigError) as info:
        open_provider({"provider": "gmail"}, config_dir=str(tmp_path), state_dir=str(tmp_path))
    assert str(tmp_path / "secrets" / "gmail-token.json") in str(info.value) and RECONNECT in str(info.value)


# -- connect ----------------------------------------------------------------------------------------------------


@pytest.fixture
def google(tmp_path):
    fake = FakeGoogle(tmp_path / "connect-mail", user=USER).start()
    yield fake
    fake.stop()
    assert fake.violations == []


def _consent(url: str) -> str:
    """The user opens the sign-in address and clicks Allow; the browser lands on the redirect address."""
    with requests.Session() as session:
        answer = session.get(url, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


def test_b22_connect_without_a_browser_takes_the_pasted_redirect_and_stores_the_token_0600(google, tmp_path):
    printed: list[str] = []

    def prompt(text: str) -> str:
        url = next(line for line in printed if line.startswith(google.url + "/o/oauth2/auth?"))
        return _consent(url)

    config_dir = tmp_path / "config"
    account = connect(google.client_secrets(tmp_path / "client.json"), config_dir=config_dir, no_browser=True,
                      port=0, calendars=[], prompt=prompt, echo=printed.append)
    token_file = config_dir / "secrets" / "gmail-token.json"
    assert account == {"provider": "gmail", "token_file": str(token_file)}
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(token_file.parent.stat().st_mode) == 0o700
    saved = json.loads(token_file.read_text())
    assert saved["refresh_token"] in google.refresh_tokens
    assert set(saved["scopes"]) == {"https://www.googleapis.com/auth/gmail.readonly",
                                    "https://www.googleapis.com/auth/gmail.compose",
                                    "https://www.googleapis.com/auth/calendar.events.readonly"}
    # The stored sign-in works for a run.
    provider = open_provider({**account, "api_endpoint": google.url + "/", "token_uri": google.url + "/token"},
                             config_dir=str(config_dir), state_dir=str(tmp_path))
    try:
        assert provider.sync(None, now() - timedelta(days=3)).messages == []
    finally:
        provider.close()


def test_connect_with_a_browser_uses_the_loopback_redirect(google, tmp_path, monkeypatch):
    opened: list[threading.Thread] = []

    class Browser:
        def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
            def visit() -> None:
                with requests.Session() as session:
                    session.get(url, timeout=10)  # follows the redirect to the local server
            thread = threading.Thread(target=visit)
            thread.start()
            opened.append(thread)
            return True

    monkeypatch.setattr(webbrowser, "get", lambda using=None: Browser())
    account = connect(google.client_secrets(tmp_path / "client.json"), config_dir=tmp_path / "config",
                      no_browser=False, port=0, calendars=["team@group.calendar.google.com"],
                      prompt=lambda text: pytest.fail("no prompt with a browser"), echo=lambda text: None)
    for thread in opened:
        thread.join(timeout=10)
    assert account["calendars"] == ["primary", "team@group.calendar.google.com"]
    scopes = json.loads(Path(account["token_file"]).read_text())["scopes"]
    assert "https://www.googleapis.com/auth/calendar.calendarlist.readonly" in scopes


def test_connect_refuses_a_web_client_and_a_wrong_paste(google, tmp_path):
    web = tmp_path / "web.json"
    web.write_text(json.dumps({"web": json.loads(google.client_secrets(tmp_path / "c.json").read_text())["installed"]}))
    with pytest.raises(ConfigError, match="Desktop app"):
        connect(web, config_dir=tmp_path, no_browser=True, port=0, calendars=[], prompt=lambda t: "",
                echo=lambda t: None)
    with pytest.raises(AuthError, match="connect gmail"):
        connect(tmp_path / "c.json", config_dir=tmp_path, no_browser=True, port=0, calendars=[],
                prompt=lambda t: "https://example.com/", echo=lambda t: None)
    assert not (tmp_path / "secrets" / "gmail-token.json").exists()


# -- the fake itself -------------------------------------------------------------------------------------------


def test_fake_rejects_unknown_parameters_wrong_types_and_sync_token_clashes():
    gmail = DiscoveryValidator(load_document("gmail.v1"))
    calendar = DiscoveryValidator(load_document("calendar.v3"))
    ok = gmail.check("GET", "/gmail/v1/users/me/messages/abc", "format=metadata&metadataHeaders=From"
                     "&metadataHeaders=To", None)
    assert ok.method_id == "gmail.users.messages.get" and ok.path_params == {"userId": "me", "id": "abc"}
    delete = gmail.check("DELETE", "/gmail/v1/users/me/drafts/r123", "", None)
    assert delete.method_id == "gmail.users.drafts.delete" and delete.path_params == {"userId": "me", "id": "r123"}
    for method, path, query, body in [
            ("GET", "/gmail/v1/users/me/messages", "labelId=INBOX", None),         # unknown parameter
            ("GET", "/gmail/v1/users/me/messages", "maxResults=ten", None),        # wrong type
            ("GET", "/gmail/v1/users/me/messages/a", "format=html", None),         # not in the enum
            ("GET", "/gmail/v1/users/me/messages/a", "format=raw&format=full", None),  # not repeated
            ("POST", "/gmail/v1/users/me/drafts", "", b'{"message": {"rawx": "QQ"}}'),  # unknown field
            ("DELETE", "/gmail/v1/users/me/drafts/r123", "format=raw", None),     # drafts.delete takes none
            ("GET", "/calendar/v3/calendars/primary/events", "singleEvents=yes", None),
            ("GET", "/calendar/v3/calendars/primary/events", "timeMin=2026-11-01", None)]:
        checker = calendar if path.startswith("/calendar") else gmail
        with pytest.raises(Violation):
            checker.check(method, path, query, body)


def test_b19_the_fake_deletes_nothing_but_drafts(mailbox, make_provider):
    t = now()
    mailbox.deliver("inbox", mail("Interview", message_id="<p@acme-robotics.example>", date=t), when=t)
    provider = make_provider()
    (received,) = provider.sync(None, t - timedelta(days=30)).messages
    before = mailbox.snapshot()
    gmail = provider._service("gmail.v1")
    with pytest.raises(AuthError):  # messages.delete: the agent's scopes do not allow it (403), as at Google
        provider.transport.call(gmail.users().messages().delete(userId="me", id=received.key),
                                "gmail.users.messages.delete")
    with pytest.raises(HttpError):  # a message id is not a draft id
        provider.transport.call(gmail.users().drafts().delete(userId="me", id=received.key),
                                "gmail.users.drafts.delete", passthrough=(404,))
    assert mailbox.snapshot() == before


def test_fake_payload_shapes_match_the_real_api_corpus(mailbox, make_provider):
    """Keys of the fake's answers are keys the real API returned (nango's recorded payloads)."""
    real_get = json.loads((CORPUS / "gmail" / "users.messages.get" / "1926aae406722332" / "emails.json").read_text())
    real_events = json.loads((CORPUS / "google-calendar" / "events.list" / "events.json").read_text())
    real_draft = json.loads((CORPUS / "gmail" / "users.drafts.create" / "create-draft.test.json").read_text())
    t = now()
    mailbox.deliver("inbox", invitation("shape@acme.example", start=t + timedelta(days=1), message_id="<s@a.example>",
                                        date=t), when=t)
    provider = make_provider()
    provider.sync(None, t - timedelta(days=3))
    gmail = provider._service("gmail.v1")
    msg_id = mailbox.message("<s@a.example>").id
    got = gmail.users().messages().get(userId="me", id=msg_id, format="full").execute()
    assert set(real_get) - {"historyId", "internalDate", "sizeEstimate"} <= set(got)
    assert set(real_get["payload"]) <= set(got["payload"])
    events = provider._service("calendar.v3").events().list(calendarId="primary", singleEvents=True).execute()
    assert {"kind", "etag", "id", "status", "htmlLink", "created", "updated", "summary", "organizer", "start",
            "end", "iCalUID", "sequence"} <= set(events["items"][0]) <= set(real_events["items"][1]) | {
            "description", "attendees", "conferenceData", "hangoutLink", "location"}
    created = gmail.users().drafts().create(userId="me", body={"message": {"raw": "RnJvbTogYUBiLmM"}}).execute()
    assert set(created) == set(real_draft["api"]["post"]["/gmail/v1/users/me/drafts"]["response"])


def _read_table(stream, lines: list[str]) -> None:
    """The lines up to the first empty one (the [account] table)."""
    for line in stream:
        if line == "\n":
            return
        lines.append(line)


def test_fake_standalone_prints_the_account_table_then_serves_until_sigterm(tmp_path):
    root = tmp_path / "Mail"
    (root / "new").mkdir(parents=True)
    (root / "cur").mkdir()
    (root / "new" / "1.M1P1.host").write_bytes(mail("Hello", message_id="<h@acme.example>", date=now()))
    proc = subprocess.Popen([sys.executable, "-m", "tests.fakes.gmail", "--maildir", str(root), "--port", "0"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines: list[str] = []
        reader = threading.Thread(target=_read_table, args=(proc.stdout, lines), daemon=True)
        reader.start()
        reader.join(timeout=30)
        table = tomllib.loads("".join(lines))["account"]
        assert table["provider"] == "gmail" and table["api_endpoint"].startswith("http://127.0.0.1:")
        provider = open_provider({**table, "_tz": "UTC"}, config_dir=str(tmp_path), state_dir=str(tmp_path))
        try:
            assert [m.subject for m in provider.sync(None, now() - timedelta(days=3)).messages] == ["Hello"]
        finally:
            provider.close()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
        assert "violation" not in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()
    assert not os.path.exists(table["token_file"])  # its secrets are gone with it


def test_bench_small_run_meets_the_no_change_goal(tmp_path):
    from scripts.bench_gmail import run_bench

    result = run_bench(200, tmp_path)
    assert result["first"]["messages"] == 200
    assert result["no_change"]["calls"] == {"gmail.users.history.list": 1, "calendar.events.list": 1}
    assert result["no_change"]["quota_units"] == 2


def test_b22_a_token_file_pointing_at_another_token_uri_keeps_its_expiry(tmp_path):
    """Regression: google-auth's with_token_uri() drops expiry, making an expired token look valid."""
    import json

    from providers import gmail_auth

    path = tmp_path / "token.json"
    path.write_text(json.dumps({"token": "old", "refresh_token": "r", "client_id": "c", "client_secret": "s",
                                "token_uri": "http://127.0.0.1:9/token", "expiry": "2020-01-01T00:00:00Z"}))
    path.chmod(0o600)
    info = json.loads(path.read_text())
    creds = gmail_auth.with_token_uri(gmail_auth.Credentials.from_authorized_user_info(info), info["token_uri"])
    assert creds.token_uri == "http://127.0.0.1:9/token"
    assert creds.expired and not creds.valid
