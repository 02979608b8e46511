"""The Outlook provider (Microsoft Graph + MSAL) against the loopback Graph test server: the shared
contract, then what only Outlook shows (throttling, delta expiry, refused tokens, drafts by createReply,
calendar shapes) and MSAL driven end to end through its injectable HTTP client, without network.

Every GraphMailbox fails its test at teardown when the provider made a request Graph would reject or
that the agent must never make (unknown $select, conversationId on create, a send, a PATCH of received
mail, a $batch over 20, no ImmutableId preference, more than 4 requests in flight).
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
import tomllib
from datetime import UTC, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import msal
import pytest
import requests

from agent.core.errors import EXIT_UNREACHABLE, ConfigError
from providers import factory
from providers.base import AuthError, ProviderError
from providers.outlook import OutlookProvider, connect, open_provider
from providers.outlook_auth import GRAPH_SCOPES, TokenSource, granted_scopes, load_cache
from providers.outlook_events import to_event
from tests.corpus import EXTERNAL
from tests.fakes.graph import CLIENT_ID
from tests.fakes.graph_auth import Identity
from tests.mailboxes_graph import GraphMailbox
from tests.providers.contract import RECRUITER, USER, ProviderContract, by_mid, draft, invitation, mail, now

REPO = Path(__file__).resolve().parents[2]
CORPUS = EXTERNAL
MOCKS = CORPUS / "msgraph-graph-mocks" / "extracted-from-graph-v1_0-proxy-mocks"
TZ = "America/New_York"


@pytest.fixture
def mailbox(tmp_path):
    box = GraphMailbox(tmp_path / "mail", user=USER)
    yield box
    box.close()  # asserts the fake saw no forbidden or rejected request


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def make_provider(mailbox, tmp_path, sleeps):
    opened: list[OutlookProvider] = []

    def make(**overrides: Any) -> OutlookProvider:
        account = {**mailbox.account(), "_tz": TZ, "_sleep": sleeps.append, **overrides}
        provider = open_provider(account, config_dir=str(tmp_path / "config"), state_dir=str(tmp_path / "state"))
        opened.append(provider)
        return provider

    yield make
    for provider in opened:
        provider.close()


class TestOutlook(ProviderContract):
    pass


def _since():
    return now() - timedelta(days=30)


def _graph_paths(mailbox: GraphMailbox, start: int = 0) -> list[str]:
    return [urlsplit(p).path for _m, p in mailbox.fake.graph_requests()[start:]]


# -- reading --------------------------------------------------------------------------------------------


def test_no_change_run_costs_one_delta_call_per_folder_and_one_for_the_calendar(mailbox, make_provider):
    t = now()
    for i in range(30):
        mailbox.deliver("inbox", mail(f"Note {i}", message_id=f"<n{i}@acme-robotics.example>", date=t), when=t)
    provider = make_provider()
    first = provider.sync(None, _since())
    assert len(first.messages) == 30 and first.events_complete
    before = len(mailbox.fake.graph_requests())
    second = make_provider().sync(json.loads(json.dumps(first.cursor)), _since())
    assert second.messages == [] and second.events == []
    paths = _graph_paths(mailbox, before)
    assert sorted(paths) == sorted(["/v1.0/me/mailFolders('inbox')/messages/delta",
                                    "/v1.0/me/mailFolders('sentitems')/messages/delta",
                                    "/v1.0/me/calendarView/delta"])
    assert second.stats["requests"] == 3


def test_messages_carry_conversation_id_and_immutable_id_that_survives_sending(mailbox, make_provider):
    t = now()
    mailbox.deliver("inbox", mail("Interview", message_id="<in-1@acme-robotics.example>", date=t), when=t)
    provider = make_provider()
    first = provider.sync(None, _since())
    original = by_mid(first)["<in-1@acme-robotics.example>"]
    assert original.thread_id.startswith("AAQk") and original.key
    ref = provider.create_draft(draft("<d-1@example.net>", subject="Re: Interview"), message_id="<d-1@example.net>",
                                reply_to=original)
    mailbox.send_draft("<d-1@example.net>")
    sent = by_mid(make_provider().sync(first.cursor, _since()))["<d-1@example.net>"]
    assert sent.folder == "sent"
    assert sent.key == ref.split("|")[1]  # the draft's immutable id, now in Sent Items
    assert sent.thread_id == original.thread_id


def test_b15_auto_submitted_header_reaches_the_message(mailbox, make_provider):
    t = now()
    msg = EmailMessage()
    msg["From"] = RECRUITER
    msg["To"] = USER
    msg["Subject"] = "Automatic reply: Thank you"
    msg["Date"] = format_datetime(t)
    msg["Message-ID"] = "<ooo@acme-robotics.example>"
    msg["Auto-Submitted"] = "auto-replied"
    msg.set_content("I am out of the office until Monday.\n")
    mailbox.deliver("inbox", msg.as_bytes(), when=t)
    found = by_mid(make_provider().sync(None, _since()))["<ooo@acme-robotics.example>"]
    assert found.headers.get("auto-submitted") == "auto-replied"


def test_b3_calendar_events_come_with_attendees_and_the_users_decline(mailbox, make_provider):
    t = now()
    start = t + timedelta(days=2)
    mailbox.deliver("inbox", invitation(uid="cal-1@acme-robotics.example", start=start,
                                        message_id="<inv@acme-robotics.example>", date=t), when=t)
    provider = make_provider()
    first = provider.sync(None, _since())
    events = [e for e in first.events if e.uid == "cal-1@acme-robotics.example"]
    assert len(events) == 1 and events[0].method == "" and events[0].source.startswith("calendar ")
    assert events[0].start == start and events[0].organizer.email == RECRUITER
    # The user declines from their client: the REPLY lands in Sent; the calendar shows the decline.
    reply = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:REPLY", "PRODID:-//x//y//EN", "BEGIN:VEVENT",
                         "UID:cal-1@acme-robotics.example", f"DTSTAMP:{t.strftime('%Y%m%dT%H%M%SZ')}",
                         f"DTSTART:{start.strftime('%Y%m%dT%H%M%SZ')}", "SEQUENCE:0",
                         f"ATTENDEE;PARTSTAT=DECLINED:mailto:{USER}", f"ORGANIZER:mailto:{RECRUITER}",
                         "END:VEVENT", "END:VCALENDAR", ""])
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = USER, RECRUITER, "Declined: Interview"
    msg["Date"], msg["Message-ID"] = format_datetime(t), "<decline@example.net>"
    msg.set_content("Declined.\n")
    msg.add_alternative(reply, subtype="calendar", params={"method": "REPLY"})
    mailbox.deliver("sent", msg.as_bytes(), when=t)
    second = make_provider().sync(first.cursor, _since())
    changed = [e for e in second.events if e.uid == "cal-1@acme-robotics.example"]
    assert not second.events_complete and len(changed) == 1
    mine = [a for a in changed[0].attendees if a.person.email == USER]
    assert [a.partstat for a in mine] == ["DECLINED"]


def test_graph_event_samples_become_events_with_types_and_online_meeting():
    sample = json.loads((MOCKS / "me-calendar-events-filter-startswith.json").read_text())["value"][0]
    sample["attendees"] += [{"type": "optional", "status": {"response": "tentativelyAccepted"},
                             "emailAddress": {"name": "Ana", "address": "ana@contoso.com"}},
                            {"type": "resource", "status": {"response": "accepted"},
                             "emailAddress": {"name": "Room 1", "address": "room1@contoso.com"}}]
    event = to_event(sample, tz=__import__("zoneinfo").ZoneInfo(TZ), me=("admin@contoso.com",))
    assert event.uid == sample["iCalUId"] and event.method == "" and event.source == f"calendar {sample['id']}"
    assert event.start.isoformat() == "2021-09-14T08:00:00+00:00"
    assert event.organizer.email == "samanthab@contoso.com"
    assert event.conference_url.startswith("https://teams.microsoft.com/")
    kinds = {a.person.email: (a.role, a.cutype, a.partstat) for a in event.attendees}
    assert kinds["ana@contoso.com"] == ("OPT-PARTICIPANT", "INDIVIDUAL", "TENTATIVE")
    assert kinds["room1@contoso.com"][1] == "RESOURCE"
    cancelled = to_event({**sample, "isCancelled": True}, tz=__import__("zoneinfo").ZoneInfo(TZ))
    assert cancelled.status == "CANCELLED"


# -- faults ---------------------------------------------------------------------------------------------


def test_429_with_retry_after_is_honoured(mailbox, make_provider, sleeps):
    t = now()
    mailbox.deliver("inbox", mail("Hello", message_id="<a@acme-robotics.example>", date=t), when=t)
    mailbox.fake.fail(429, times=2, retry_after="7", match="/messages/delta")
    batch = make_provider().sync(None, _since())
    assert [m.message_id for m in batch.messages] == ["<a@acme-robotics.example>"]
    assert sleeps.count(7.0) == 2


def test_503_and_throttled_batch_items_are_retried(mailbox, make_provider, sleeps):
    t = now()
    for i in range(5):
        mailbox.deliver("inbox", mail(f"M{i}", message_id=f"<m{i}@acme-robotics.example>", date=t), when=t)
    mailbox.fake.fail(503, times=1, match="calendarView")
    mailbox.fake.fail(429, times=3, retry_after="3", match="$value", inner=True)
    batch = make_provider().sync(None, _since())
    assert len(batch.messages) == 5 and batch.skipped == []
    assert 3.0 in sleeps and len(sleeps) >= 2


def test_expired_delta_link_starts_a_full_round(mailbox, make_provider):
    t = now()
    mailbox.deliver("inbox", mail("One", message_id="<1@acme-robotics.example>", date=t), when=t)
    first = make_provider().sync(None, _since())
    mailbox.deliver("inbox", mail("Two", message_id="<2@acme-robotics.example>", date=t), when=t)
    mailbox.fake.expire_delta_tokens()
    second = make_provider().sync(first.cursor, _since())
    assert "<2@acme-robotics.example>" in by_mid(second)
    assert second.events_complete and second.stats["full_rounds"] == 3
    third = make_provider().sync(second.cursor, _since())
    assert third.messages == [] and third.stats["full_rounds"] == 0


def test_refused_token_is_an_auth_error_that_names_the_reconnect_command(mailbox, make_provider):
    make_provider().sync(None, _since())
    mailbox.fake.identity.refuse()
    with pytest.raises(AuthError) as caught:
        make_provider().sync(None, _since())
    assert caught.value.exit_code == EXIT_UNREACHABLE == 3
    assert "interview-agent connect outlook --client-id ID" in str(caught.value)


def test_at_most_four_requests_in_flight_counting_the_requests_inside_batches(mailbox, make_provider, sleeps):
    """Outlook counts each request inside a $batch against the mailbox's 4 (microsoft-graph-docs PR 20833): the
    fake refuses the excess with 429 MailboxConcurrency, so a provider that sent 4 batches of 20 at once would
    see most of them throttled. Batches of 4, one at a time, are never refused."""
    t = now()
    for i in range(130):
        mailbox.deliver("inbox", mail(f"M{i}", message_id=f"<b{i}@acme-robotics.example>", date=t), when=t)
    batch = make_provider().sync(None, _since())
    assert len(batch.messages) == 130
    paths = _graph_paths(mailbox)
    assert paths.count("/v1.0/$batch") == 33  # ceil(130 / 4): one $value per message, 4 to a batch
    assert mailbox.fake.max_in_flight == 4 and mailbox.fake.refused == 0 and sleeps == []


def test_a_batch_over_the_mailbox_concurrency_gets_inner_429s_as_outlook_answers(mailbox):
    """The fake as strict as Outlook: 6 unchained requests in one batch, 2 over the limit."""
    import requests as http

    fake = mailbox.fake
    mailbox.account()
    token = json.loads(fake.token_cache.read_text())["AccessToken"]
    access = next(iter(token.values()))["secret"]
    batch = {"requests": [{"id": str(i), "method": "GET", "url": "/me"} for i in range(6)]}
    answer = http.post(f"{fake.origin}/v1.0/$batch", json=batch, verify=str(fake.ca_file), timeout=10,
                       headers={"Authorization": f"Bearer {access}", "Prefer": 'IdType="ImmutableId"'}).json()
    refused = [r for r in answer["responses"] if r["status"] == 429]
    assert len(refused) == 2 and all(r["headers"]["Retry-After"] == "1" for r in refused)
    assert refused[0]["body"]["error"] == {"code": "ApplicationThrottled",
                                           "message": "Application is over its MailboxConcurrency limit."}
    fake.api.violations.clear()  # the 6 in flight, on purpose


def test_mailbox_slots_held_by_another_client_shrink_the_batches_and_only_throttled_items_go_again(
        mailbox, make_provider, sleeps):
    t = now()
    for i in range(30):
        mailbox.deliver("inbox", mail(f"M{i}", message_id=f"<c{i}@acme-robotics.example>", date=t), when=t)
    mailbox.fake.busy_elsewhere = 2  # Outlook on the desktop holds 2 of the 4
    start = len(mailbox.fake.graph_requests())
    batch = make_provider().sync(None, _since())
    assert len(batch.messages) == 30 and batch.skipped == []
    assert mailbox.fake.refused == 2  # the first batch of 4: 2 refused, sent again; then batches of 2
    assert sleeps == [1.0]  # the inner Retry-After
    assert _graph_paths(mailbox, start).count("/v1.0/$batch") == 1 + 14  # 4 (2 through), then 28 by 2


# -- drafts ---------------------------------------------------------------------------------------------


def test_b17_reply_draft_is_made_by_create_reply_in_the_thread_and_leaves_the_original_unread(
        mailbox, make_provider):
    t = now()
    mailbox.deliver("inbox", mail("Next steps", message_id="<ns@acme-robotics.example>", date=t), when=t)
    provider = make_provider()
    original = by_mid(provider.sync(None, _since()))["<ns@acme-robotics.example>"]
    before = mailbox.snapshot()
    raw = draft("<fu@example.net>", subject="Re: Next steps", body="Hi Ana,\n\nAny update?\n\nJordan\n")
    start = len(mailbox.fake.graph_requests())
    ref = provider.create_draft(raw, message_id="<fu@example.net>", reply_to=original)
    assert _graph_paths(mailbox, start) == [f"/v1.0/me/messages/{original.key}/createReply"]
    assert mailbox.snapshot() == before  # the original's file, flags (read state) and time untouched
    (made,) = [d for d in mailbox.drafts() if d["Message-ID"] == "<fu@example.net>"]
    assert made["In-Reply-To"] == "<ns@acme-robotics.example>"
    assert made["Subject"] == "Re: Next steps" and made.get_content() == "Hi Ana,\n\nAny update?\n\nJordan\n"
    assert made["To"] == f"Ana Ruiz <{RECRUITER}>"
    assert provider.find_draft("<fu@example.net>") == ref


def test_b19_the_fake_fails_requests_graph_rejects_or_the_agent_must_never_make(mailbox):
    account = mailbox.account()
    token = TokenSource(CLIENT_ID, account["authority"], Path(account["token_cache"]),
                        _session(account["tls_ca_file"])).token()
    base = account["graph_url"]
    http = _session(account["tls_ca_file"])
    headers = {"Authorization": f"Bearer {token}", "Prefer": 'IdType="ImmutableId"'}
    bad_select = http.get(f"{base}/me/mailFolders('inbox')/messages/delta", params={"$select": "id,threadId"},
                          headers=headers)
    on_create = http.post(f"{base}/me/messages", json={"subject": "x", "conversationId": "AAQk1"}, headers=headers)
    send = http.post(f"{base}/me/sendMail", json={"message": {}}, headers=headers)
    t = now()
    mailbox.deliver("inbox", mail("Hello", message_id="<in@acme-robotics.example>", date=t), when=t)
    before = mailbox.snapshot()
    (received,) = http.get(f"{base}/me/mailFolders('inbox')/messages", params={"$select": "id"},
                           headers=headers).json()["value"]
    delete_mail = http.delete(f"{base}/me/messages/{received['id']}", headers=headers)
    delete_folder = http.delete(f"{base}/me/mailFolders('drafts')", headers=headers)
    http.close()
    assert (bad_select.status_code, on_create.status_code, send.status_code) == (400, 400, 403)
    assert (delete_mail.status_code, delete_folder.status_code) == (403, 403)  # DELETE: drafts in Drafts alone
    assert len(mailbox.fake.violations) == 5
    mailbox.fake.violations.clear()  # seen: the teardown check would otherwise fail this test
    assert mailbox.snapshot() == before


def test_b19_the_graph_client_refuses_every_delete_but_that_of_one_message(make_provider):
    graph = make_provider().graph
    for path in ("me/mailFolders('drafts')", "me/messages/AAk=/attachments/1", "me/messages?$filter=x"):
        with pytest.raises(ProviderError, match="never sends, moves or deletes"):
            graph.request("DELETE", path)
    with pytest.raises(ProviderError, match="never sends, moves or deletes"):
        graph.request("DELETE", "me/messages/AAk=")  # only delete_message may, for a draft read back first
    with pytest.raises(ProviderError, match="never sends, moves or deletes"):
        graph.batch([{"id": "1", "method": "DELETE", "url": "me/messages/AAk="}])


def _session(ca_file: str) -> requests.Session:
    from providers.outlook_http import TlsSession

    return TlsSession(ca_file)


# -- configuration and the CLI --------------------------------------------------------------------------


@pytest.mark.parametrize("key,value,named", [
    ("client_id", "", "account.client_id"),
    ("authority", "http://login.microsoftonline.com/common", "account.authority"),
    ("graph_url", "http://127.0.0.1:1/v1.0", "account.graph_url"),
    ("tls_ca_file", "/nonexistent/ca.pem", "account.tls_ca_file"),
])
def test_bad_account_keys_are_config_errors_naming_the_key(tmp_path, key, value, named):
    account = {"provider": "outlook", "client_id": CLIENT_ID, key: value}
    with pytest.raises(ConfigError) as caught:
        factory("outlook")(account, config_dir=str(tmp_path), state_dir=str(tmp_path))
    assert named in str(caught.value)


def test_cli_run_over_graph_then_exit_3_when_the_token_is_refused(mailbox, tmp_path):
    from tests.scenarios.harness import invoke_cli

    t = now()
    mailbox.deliver("inbox", mail("Hello", message_id="<h@acme-robotics.example>", date=t), when=t)
    config = tmp_path / "config.toml"
    lines = ["[user]", 'name = "Jordan Lee"', f'email = "{USER}"', f'timezone = "{TZ}"', "",
             "[agent]", f'state_dir = "{tmp_path / "state"}"', "", "[account]"]
    lines += [f"{k} = {json.dumps(v)}" for k, v in mailbox.account().items()]
    config.write_text("\n".join(lines) + "\n")
    assert invoke_cli(["--config", str(config), "run"]).exit_code == 0
    mailbox.fake.identity.refuse()
    refused = invoke_cli(["--config", str(config), "run"])
    assert refused.exit_code == 3
    assert "connect outlook" in refused.stdout + refused.stderr


def test_standalone_server_prints_the_account_table_and_stops_on_sigterm(tmp_path):
    root = tmp_path / "mail"
    box = GraphMailbox.__new__(GraphMailbox)  # only the tree: the server runs in its own process
    from tests.mailboxes import MaildirMailbox

    box.tree = MaildirMailbox(root)
    t = now()
    box.tree.deliver("inbox", mail("Hi", message_id="<s@acme-robotics.example>", date=t), when=t)
    proc = subprocess.Popen([sys.executable, "-m", "tests.fakes.graph", "--maildir", str(root), "--port", "0"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if line in ("", "\n"):
                break
            lines.append(line)
        table = tomllib.loads("".join(lines))["account"]
        assert table["provider"] == "outlook" and table["graph_url"].startswith("https://127.0.0.1:")
        provider = open_provider({**table, "_tz": TZ}, config_dir=str(tmp_path), state_dir=str(tmp_path))
        try:
            assert [m.message_id for m in provider.sync(None, _since()).messages] == ["<s@acme-robotics.example>"]
        finally:
            provider.close()
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        proc.stdout.close()
        proc.stderr.close()


# -- MSAL without network, through its injectable http_client ---------------------------------------------


class _Resp:
    def __init__(self, status: int, body: dict):
        self.status_code = status
        self.text = json.dumps(body)
        self.headers = {"Content-Type": "application/json"}

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise requests.HTTPError(f"{self.status_code}")


class FakeLogin:
    """login.microsoftonline.com answered in-process (the same Identity the test server uses)."""

    def __init__(self, granted: str | None = None):
        self.identity = Identity("https://login.microsoftonline.com", CLIENT_ID, USER)
        self.calls: list[tuple[str, str]] = []
        self.granted = granted

    def get(self, url: str, params: Any = None, headers: Any = None, **kw: Any) -> _Resp:
        return self._answer("GET", url, {})

    def post(self, url: str, params: Any = None, data: Any = None, headers: Any = None, **kw: Any) -> _Resp:
        return self._answer("POST", url, dict(data or {}))

    def _answer(self, method: str, url: str, form: dict) -> _Resp:
        parts = urlsplit(url)
        assert parts.scheme == "https" and parts.hostname == "login.microsoftonline.com", url
        self.calls.append((method, parts.path))
        status, body = self.identity.handle(method, parts.path, {k: str(v) for k, v in form.items()})
        if status == 200 and self.granted and "access_token" in body:
            body["scope"] = self.granted
        return _Resp(status, body)

    def token_posts(self) -> int:
        return sum(1 for m, p in self.calls if m == "POST" and p.endswith("/token"))


def test_b22_connect_runs_the_device_flow_and_keeps_the_cache_0600_in_a_0700_folder(tmp_path):
    login = FakeLogin()
    said: list[str] = []
    table = connect(CLIENT_ID, authority="https://login.microsoftonline.com/common", config_dir=tmp_path,
                    echo=said.append, http_client=login)
    assert "enter the code" in said[0]
    assert table == {"provider": "outlook", "client_id": CLIENT_ID,
                     "token_cache": str(tmp_path / "secrets" / "outlook-token-cache.json")}
    cache_file = Path(table["token_cache"])
    assert stat.S_IMODE(cache_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache_file.parent.stat().st_mode) == 0o700
    assert login.token_posts() == 2  # authorization_pending, then the tokens
    # Never the reserved scopes from us, never Mail.Send.
    sent_scopes = " ".join(f for f in map(str, said))
    assert "Mail.Send" not in sent_scopes and "Mail.Send" not in " ".join(GRAPH_SCOPES)
    assert tomllib.loads("\n".join(f"{k} = {json.dumps(v)}" for k, v in table.items()))  # TOML-safe


def test_silent_tokens_come_from_the_cache_with_the_scope_strings_the_server_granted(tmp_path):
    login = FakeLogin(granted="Mail.ReadWrite Calendars.Read User.Read openid profile offline_access")
    table = connect(CLIENT_ID, authority="https://login.microsoftonline.com/common", config_dir=tmp_path,
                    echo=lambda _m: None, http_client=login)
    cache_path = Path(table["token_cache"])
    assert set(granted_scopes(load_cache(cache_path), CLIENT_ID)) == {"Mail.ReadWrite", "Calendars.Read", "User.Read"}
    posts = login.token_posts()
    source = TokenSource(CLIENT_ID, "https://login.microsoftonline.com/common", cache_path, login)
    assert source.token() and source.last_source == "cache"
    assert login.token_posts() == posts  # no network for a token still valid
    mtime = cache_path.stat().st_mtime_ns
    refreshed = source.refresh()  # as after a 401: a refresh_token grant, and the rotated cache is saved
    assert refreshed and source.last_source == "identity_provider" and login.token_posts() == posts + 1
    assert cache_path.stat().st_mtime_ns != mtime and stat.S_IMODE(cache_path.stat().st_mode) == 0o600


def test_refused_refresh_token_gives_auth_error_and_keeps_the_cache(tmp_path):
    login = FakeLogin()
    table = connect(CLIENT_ID, authority="https://login.microsoftonline.com/common", config_dir=tmp_path,
                    echo=lambda _m: None, http_client=login)
    login.identity.refuse()
    source = TokenSource(CLIENT_ID, "https://login.microsoftonline.com/common", Path(table["token_cache"]), login)
    with pytest.raises(AuthError) as caught:
        source.refresh()
    assert "invalid_grant" in str(caught.value) and "connect outlook --client-id ID" in str(caught.value)
    assert msal.SerializableTokenCache  # the library in use, never a hand-made token


def test_no_token_cache_is_an_auth_error_before_any_request(tmp_path):
    login = FakeLogin()
    source = TokenSource(CLIENT_ID, "https://login.microsoftonline.com/common", tmp_path / "none.json", login)
    with pytest.raises(AuthError, match="connect outlook"):
        source.token()
    assert login.calls == []


def test_http_authority_is_refused_by_msal_itself():
    with pytest.raises(ValueError):
        msal.PublicClientApplication(CLIENT_ID, authority="http://127.0.0.1:1/common", http_client=FakeLogin())


def test_cli_connect_outlook_against_the_test_server(mailbox, tmp_path, monkeypatch):
    from tests.scenarios.harness import invoke_cli

    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(mailbox.fake.ca_file))  # trust the fake's CA, as a proxy CA
    config = tmp_path / "cfg" / "config.toml"
    config.parent.mkdir()
    result = invoke_cli(["--config", str(config), "connect", "outlook", "--client-id", CLIENT_ID,
                         "--authority", f"{mailbox.fake.origin}/common"])
    assert result.exit_code == 0, result.stderr
    assert "enter the code" in result.stdout
    written = tomllib.loads(config.read_text())["account"]
    assert written["provider"] == "outlook" and written["authority"] == f"{mailbox.fake.origin}/common"
    cache = Path(written["token_cache"])
    assert cache.parent == config.parent / "secrets" and stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert os.path.getsize(cache) > 0


def test_b22_tokens_never_reach_the_account_table_or_stdout(mailbox, tmp_path):
    table = mailbox.account()
    cache = json.loads(Path(table["token_cache"]).read_text())
    secrets = [v["secret"] for section in ("AccessToken", "RefreshToken") for v in cache[section].values()]
    assert secrets and not any(s in json.dumps(table) for s in secrets)
    assert UTC  # times in the cache are the library's; nothing else to check here


# -- recurring events: calendarView/delta trims the instances of a series ---------------------------------------
def _weekly_invitation(uid: str, start, *, moved_to=None) -> bytes:
    """A series of 3 weekly interviews; `moved_to`: the second one moved (an override with RECURRENCE-ID)."""
    stamp = "20260101T000000Z"

    def fmt(moment):
        return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    people = (f"ORGANIZER;CN=Ana Ruiz:mailto:{RECRUITER}\r\n"
              f"ATTENDEE;CN=Jordan Lee;PARTSTAT=NEEDS-ACTION:mailto:{USER}\r\n"
              f"ATTENDEE;CN=Ana Ruiz;PARTSTAT=ACCEPTED:mailto:{RECRUITER}\r\n")
    master = (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:{stamp}\r\nDTSTART:{fmt(start)}\r\n"
              f"DTEND:{fmt(start + timedelta(hours=1))}\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nSEQUENCE:0\r\n"
              f"SUMMARY:Interview series: Backend Engineer (Acme Robotics)\r\n{people}END:VEVENT\r\n")
    override = ""
    if moved_to is not None:
        second = start + timedelta(days=7)
        override = (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:{stamp}\r\nRECURRENCE-ID:{fmt(second)}\r\n"
                    f"DTSTART:{fmt(moved_to)}\r\nDTEND:{fmt(moved_to + timedelta(hours=1))}\r\nSEQUENCE:1\r\n"
                    f"SUMMARY:Interview series: Backend Engineer (Acme Robotics)\r\n{people}END:VEVENT\r\n")
    ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\n" + master + override
           + "END:VCALENDAR\r\n")
    msg = EmailMessage()
    msg["From"] = f"Ana Ruiz <{RECRUITER}>"
    msg["To"] = USER
    msg["Subject"] = "Invitation: Interview series"
    msg["Message-ID"] = f"<inv-{uid}>"
    msg["Date"] = format_datetime(now())
    msg.set_content("You have been invited.\n")
    msg.add_alternative(ics, subtype="calendar", params={"method": "REQUEST"})
    return msg.as_bytes()


def test_trimmed_occurrences_are_resolved_from_their_series_master(mailbox, make_provider):
    """Real delta sends occurrences as id, type, seriesMasterId, start, end only (microsoft-graph-docs#7632,
    #22197): the provider reads the master (an occurrence) or the instance (an exception) in a $batch, and
    the events come out the same as from full items."""
    t = now()
    start = (t + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    mailbox.deliver("inbox", _weekly_invitation("series-1@acme-robotics.example", start,
                                                moved_to=start + timedelta(days=8)), when=t)
    mailbox.fake.trim_occurrences = False
    full = make_provider().sync(None, _since())
    mailbox.fake.trim_occurrences = True
    start_at = len(mailbox.fake.graph_requests())
    trimmed = make_provider().sync(None, _since())
    series = sorted((e for e in trimmed.events if e.uid == "series-1@acme-robotics.example"), key=lambda e: e.start)
    assert len(series) == 3 and trimmed.stats["series_resolved"] == 2  # the master once, the moved one
    assert all(e.summary.startswith("Interview series") and e.organizer.email == RECRUITER
               and {a.person.email for a in e.attendees} == {USER, RECRUITER} for e in series)
    assert sorted(map(repr, trimmed.events)) == sorted(map(repr, full.events))
    delta = next(r for r in _graph_paths(mailbox, start_at) if "calendarView/delta" in r)
    assert delta and not trimmed.skipped


def test_an_occurrence_whose_series_is_gone_is_left_out(mailbox, make_provider):
    provider = make_provider()
    from providers.base import SyncBatch

    out = provider._resolve_instances([{"id": "occ-1", "type": "occurrence", "seriesMasterId": "nope",
                                        "start": {"dateTime": "2026-11-17T15:00:00.0000000", "timeZone": "UTC"},
                                        "end": {"dateTime": "2026-11-17T16:00:00.0000000", "timeZone": "UTC"}}],
                                      SyncBatch())
    assert out == {}
