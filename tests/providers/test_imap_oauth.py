"""IMAP with XOAUTH2 end to end: real sign-in libraries (MSAL, google-auth, google-auth-oauthlib) against fake
identity providers, and a real Dovecot that checks each bearer token itself (its oauth2 passdb asks the
test's RFC 7662 introspection endpoint, tests/oauth_introspection.py, which asks the fake identity provider
whether it issued that token and still honours it).

- Outlook.com / Microsoft 365: MSAL driven offline through its injectable `http_client`, answered by the
  same Identity the Graph fake uses (tests/fakes/graph_auth.py), echoing the IMAP scope as Entra does.
- Gmail: FakeGoogle's authorization and token endpoints (tests/fakes/gmail.py) on loopback.
"""

from __future__ import annotations

import base64
import json
import logging
import stat
import time
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from agent.core.errors import EXIT_CONFIG, EXIT_UNREACHABLE, ConfigError
from providers.base import AuthError
from providers.imap import connect_imap, open_provider
from providers.imap_config import parse_settings
from providers.imap_oauth import GOOGLE_IMAP_SCOPE, OUTLOOK_IMAP_SCOPE
from tests.fakes.gmail import FakeGoogle
from tests.fakes.graph_auth import Identity
from tests.mailboxes_imap import ImapMailbox
from tests.providers.contract import draft, mail, now

CLIENT_ID = "5f0c1c2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f"
AUTHORITY = "https://login.microsoftonline.com/common"
IMAP_GRANTED = f"{OUTLOOK_IMAP_SCOPE} openid profile offline_access"


# -- fakes --------------------------------------------------------------------------------------------


class _Resp:
    def __init__(self, status: int, body: dict):
        self.status_code = status
        self.text = json.dumps(body)
        self.headers = {"Content-Type": "application/json"}

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise requests.HTTPError(str(self.status_code))


class MicrosoftLogin:
    """login.microsoftonline.com answered in-process for MSAL; tokens are granted for the IMAP resource."""

    def __init__(self, user: str):
        self.identity = Identity("https://login.microsoftonline.com", CLIENT_ID, user)
        self.calls: list[tuple[str, str]] = []
        self.scopes_asked: list[str] = []  # the scope parameter of every POST that carried one
        self.issued: list[str] = []  # every access and refresh token handed out (for the B22 checks)

    def get(self, url: str, params: Any = None, headers: Any = None, **kw: Any) -> _Resp:
        return self._answer("GET", url, {})

    def post(self, url: str, params: Any = None, data: Any = None, headers: Any = None, **kw: Any) -> _Resp:
        form = data if isinstance(data, dict) else {k: v[0] for k, v in parse_qs(str(data or "")).items()}
        return self._answer("POST", url, {k: str(v) for k, v in form.items()})

    def _answer(self, method: str, url: str, form: dict[str, str]) -> _Resp:
        parts = urlsplit(url)
        assert parts.scheme == "https" and parts.hostname == "login.microsoftonline.com", url
        self.calls.append((method, parts.path))
        if "scope" in form:
            self.scopes_asked.append(form["scope"])
        status, body = self.identity.handle(method, parts.path, form)
        if status == 200 and "access_token" in body:
            body["scope"] = IMAP_GRANTED
            self.issued += [body["access_token"], body["refresh_token"]]
        return _Resp(status, body)

    def token_posts(self) -> int:
        return sum(1 for m, p in self.calls if m == "POST" and p.endswith("/token"))


# -- fixtures -----------------------------------------------------------------------------------------


@pytest.fixture
def mailbox(imap_server, tmp_path):
    box = ImapMailbox(imap_server, tmp_path / "world")
    yield box
    imap_server.introspection.forget(box.user)
    box.close()


@pytest.fixture
def config_dir(tmp_path):
    path = tmp_path / "config"
    path.mkdir()
    return path


@pytest.fixture
def microsoft(mailbox, imap_server):
    login = MicrosoftLogin(mailbox.user)
    imap_server.introspection.accept(mailbox.user, login.identity.valid)  # Dovecot honours what Entra honours
    return login


@pytest.fixture
def google(mailbox, imap_server, tmp_path):
    fake = FakeGoogle(tmp_path / "google-store", user=mailbox.user).start()
    imap_server.introspection.accept(mailbox.user, lambda token: fake.access_tokens.get(token, 0) > time.time())
    yield fake
    fake.stop()
    assert fake.violations == []


@pytest.fixture
def opened():
    providers: list[Any] = []
    yield providers
    for provider in providers:
        provider.close()


def _connect_outlook(mailbox, config_dir, login: MicrosoftLogin, echo=lambda _m: None) -> dict[str, Any]:
    return connect_imap(mailbox.server.host, mailbox.server.port, mailbox.user, "", "none",
                        config_dir=str(config_dir), oauth="outlook", client_id=CLIENT_ID, echo=echo,
                        prompt=lambda _t: pytest.fail("the device flow asks nothing"), http_client=login)


def _open(table: dict[str, Any], config_dir: Path, opened: list, http_client: Any = None):
    """open_provider on `table`; `http_client` is MSAL's, pointed at the fake (`_http_client`, a test seam)."""
    account = {**table, "_http_client": http_client} if http_client is not None else table
    provider = open_provider(account, config_dir=str(config_dir), state_dir=str(config_dir))
    opened.append(provider)
    return provider


def _consent(url: str) -> str:
    """The user opens the sign-in address and clicks Allow; the browser lands on the redirect address."""
    with requests.Session() as session:
        answer = session.get(url, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


def _connect_google(mailbox, config_dir, google: FakeGoogle, tmp_path) -> dict[str, Any]:
    printed: list[str] = []

    def prompt(_text: str) -> str:
        return _consent(next(line for line in printed if line.startswith(google.url + "/o/oauth2/auth?")))

    return connect_imap(mailbox.server.host, mailbox.server.port, mailbox.user, "", "none",
                        config_dir=str(config_dir), oauth="google",
                        client_secrets=google.client_secrets(tmp_path / "client.json"), no_browser=True,
                        prompt=prompt, echo=printed.append)


def _xoauth2_logins(imap_server, user: str, before: int) -> list[str]:
    return [line for line in imap_server.log()[before:].splitlines()
            if "Login:" in line and f"user=<{user}>" in line and "method=XOAUTH2" in line]


def _logins_once_logged(imap_server, user: str, at_least: int, timeout: float = 20.0) -> int:
    """How many XOAUTH2 logins of `user` the server's log holds, once it holds at least `at_least` (or the
    timeout passed). Dovecot's log process writes a login's line a moment after the login succeeded: under
    load, after the client has moved on, so reading the log at once can miss it (or, measured from an
    offset taken too early, count an earlier login as a later one)."""
    deadline = time.monotonic() + timeout
    while True:
        count = len(_xoauth2_logins(imap_server, user, 0))
        if count >= at_least or time.monotonic() > deadline:
            return count
        time.sleep(0.02)


def _sync_and_draft(provider, mailbox) -> None:
    t = now()
    mailbox.deliver("inbox", mail("Interview on Tuesday", message_id="<iv@acme-robotics.example>", date=t), when=t)
    assert [m.message_id for m in provider.sync(None, t - timedelta(days=1)).messages] == \
        ["<iv@acme-robotics.example>"]
    provider.create_draft(draft("<d1@agent.example>"), message_id="<d1@agent.example>", reply_to=None)
    assert [d["Message-ID"] for d in mailbox.drafts()] == ["<d1@agent.example>"]


# -- Outlook.com / Microsoft 365 ----------------------------------------------------------------------


def test_b22_connect_outlook_asks_for_the_imap_scope_alone_keeps_the_cache_0600_and_checks_the_login(
        mailbox, config_dir, microsoft, imap_server):
    said: list[str] = []
    before = _logins_once_logged(imap_server, mailbox.user, 0, timeout=0)
    table = _connect_outlook(mailbox, config_dir, microsoft, echo=said.append)
    cache = config_dir / "secrets" / "imap-outlook-token-cache.json"
    assert table == {"provider": "imap", "host": mailbox.server.host, "port": mailbox.server.port,
                     "username": mailbox.user, "security": "none", "auth": "xoauth2", "oauth": "outlook",
                     "client_id": CLIENT_ID, "token_cache": str(cache)}
    assert "enter the code" in said[0]
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600 and stat.S_IMODE(cache.parent.stat().st_mode) == 0o700
    assert _logins_once_logged(imap_server, mailbox.user, before + 1) == before + 1  # the login was checked
    # One token per resource: the IMAP scope, never a Graph one (MSAL adds only its reserved scopes).
    assert microsoft.scopes_asked and all(
        set(s.split()) <= {OUTLOOK_IMAP_SCOPE, "openid", "profile", "offline_access"} for s in microsoft.scopes_asked)
    assert not any("graph.microsoft.com" in s for s in microsoft.scopes_asked)
    assert not (config_dir / "secrets" / f"imap-{mailbox.server.host}-{mailbox.user}.txt").exists()
    assert tomllib.loads("\n".join(f"{k} = {json.dumps(v)}" for k, v in table.items()))  # TOML-safe


def test_outlook_token_syncs_and_appends_a_draft_from_the_cache_without_a_refresh(
        mailbox, config_dir, microsoft, imap_server, opened):
    table = _connect_outlook(mailbox, config_dir, microsoft)
    posts = microsoft.token_posts()
    before = _logins_once_logged(imap_server, mailbox.user, 1)  # connect's own login, once it is logged
    provider = _open(table, config_dir, opened, http_client=microsoft)
    _sync_and_draft(provider, mailbox)
    assert microsoft.token_posts() == posts  # the cached access token was still good: no network
    assert _logins_once_logged(imap_server, mailbox.user, before + 1) == before + 1  # one login, from the cache


def test_expired_outlook_access_token_is_refreshed_silently_and_the_cache_saved_0600(
        mailbox, config_dir, microsoft, imap_server, opened):
    table = _connect_outlook(mailbox, config_dir, microsoft)
    cache = Path(table["token_cache"])
    data = json.loads(cache.read_text())
    for entry in data["AccessToken"].values():  # an hour later: the access token has expired
        entry["expires_on"] = entry["refresh_on"] = str(int(time.time()) - 60)
    cache.write_text(json.dumps(data))
    before = cache.read_text()
    posts = microsoft.token_posts()
    seen = len(imap_server.introspection.seen)
    provider = _open(table, config_dir, opened, http_client=microsoft)
    _sync_and_draft(provider, mailbox)
    assert microsoft.token_posts() == posts + 1  # one refresh_token grant
    assert imap_server.introspection.seen[seen:] == [microsoft.issued[-2]]  # refreshed before the login
    assert cache.read_text() != before and stat.S_IMODE(cache.stat().st_mode) == 0o600


def test_token_the_server_refuses_is_refreshed_once_and_the_login_retried(
        mailbox, config_dir, microsoft, imap_server, opened):
    table = _connect_outlook(mailbox, config_dir, microsoft)
    microsoft.identity.access.clear()  # Entra stops honouring the cached access token; the refresh token works
    posts = microsoft.token_posts()
    provider = _open(table, config_dir, opened, http_client=microsoft)
    assert provider.sync(None, now()).messages == []
    assert microsoft.token_posts() == posts + 1


def test_revoked_outlook_sign_in_is_an_auth_error_naming_the_reconnect_command(
        mailbox, config_dir, microsoft, opened):
    table = _connect_outlook(mailbox, config_dir, microsoft)
    microsoft.identity.refuse()  # consent withdrawn: access and refresh tokens are dead
    provider = _open(table, config_dir, opened, http_client=microsoft)
    with pytest.raises(AuthError) as err:
        provider.sync(None, now())
    command = (f"interview-agent connect imap --host {mailbox.server.host} --port {mailbox.server.port} "
               f"--username {mailbox.user} --security none --oauth outlook --client-id {CLIENT_ID}")
    assert command in str(err.value) and "invalid_grant" in str(err.value)
    assert err.value.exit_code == EXIT_UNREACHABLE


def test_token_refused_again_after_the_refresh_is_an_auth_error(mailbox, config_dir, microsoft, imap_server,
                                                                 opened):
    table = _connect_outlook(mailbox, config_dir, microsoft)
    imap_server.introspection.accept(mailbox.user, lambda _token: False)  # e.g. IMAP turned off for the mailbox
    posts = microsoft.token_posts()
    seen = len(imap_server.introspection.seen)
    provider = _open(table, config_dir, opened, http_client=microsoft)
    with pytest.raises(AuthError, match=r"refused the access token .*run: interview-agent connect imap"):
        provider.sync(None, now())
    assert microsoft.token_posts() == posts + 1  # exactly one forced refresh
    assert len(imap_server.introspection.seen) - seen == 2  # two logins, each with its own token, no more


def test_missing_outlook_sign_in_is_an_auth_error_before_any_request(mailbox, config_dir, microsoft, opened):
    table = {**mailbox.account(), "password_command": "", "oauth": "outlook", "client_id": CLIENT_ID}
    provider = _open(table, config_dir, opened, http_client=microsoft)
    with pytest.raises(AuthError, match=r"imap-outlook-token-cache\.json.*connect imap .*--oauth outlook"):
        provider.sync(None, now())
    assert microsoft.calls == []


def test_b22_no_token_reaches_the_log_the_table_or_the_server_log(mailbox, config_dir, microsoft, imap_server,
                                                                   opened, caplog):
    caplog.set_level(logging.DEBUG)  # imapclient and MSAL log their traffic at DEBUG
    table = _connect_outlook(mailbox, config_dir, microsoft)
    microsoft.identity.access.clear()  # and a refused token, a refresh and a second login
    provider = _open(table, config_dir, opened, http_client=microsoft)
    _sync_and_draft(provider, mailbox)
    assert "AUTHENTICATE" in caplog.text  # the login was logged, redacted
    secrets = microsoft.issued
    assert len(secrets) >= 4
    sent = [base64.b64encode(f"user={mailbox.user}\1auth=Bearer {t}\1\1".encode()).decode() for t in secrets]
    for text in (caplog.text, json.dumps(table), imap_server.log()):
        assert not any(s in text for s in secrets + sent)


def test_cli_connect_imap_oauth_outlook_asks_no_password_and_writes_the_account(
        mailbox, tmp_path, microsoft, monkeypatch):
    from click.testing import CliRunner

    from agent.cli import main
    from providers import imap_oauth, outlook_auth

    original = outlook_auth.build_app
    offline = lambda cid, auth, cache, _http: original(cid, auth, cache, microsoft)  # noqa: E731
    for module in (imap_oauth, outlook_auth):  # the sign-in (outlook_auth), then the IMAP login's token
        monkeypatch.setattr(module, "build_app", offline)
    config = tmp_path / "home" / "config.toml"
    config.parent.mkdir()
    result = CliRunner().invoke(main, ["--config", str(config), "connect", "imap", "--host", mailbox.server.host,
                                       "--port", str(mailbox.server.port), "--username", mailbox.user,
                                       "--security", "none", "--oauth", "outlook", "--client-id", CLIENT_ID],
                                input="")  # nothing to type: no password prompt
    assert result.exit_code == 0, result.output
    assert "enter the code" in result.output and "Password" not in result.output
    account = tomllib.loads(config.read_text())["account"]
    assert account["auth"] == "xoauth2" and account["oauth"] == "outlook" and account["client_id"] == CLIENT_ID
    assert Path(account["token_cache"]) == config.parent / "secrets" / "imap-outlook-token-cache.json"


# -- Gmail --------------------------------------------------------------------------------------------


def test_b22_connect_google_asks_for_mail_google_com_keeps_the_token_0600_then_syncs_and_drafts(
        mailbox, config_dir, google, tmp_path, opened):
    table = _connect_google(mailbox, config_dir, google, tmp_path)
    token_file = config_dir / "secrets" / "imap-google-token.json"
    assert table == {"provider": "imap", "host": mailbox.server.host, "port": mailbox.server.port,
                     "username": mailbox.user, "security": "none", "auth": "xoauth2", "oauth": "google",
                     "token_file": str(token_file)}
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(token_file.parent.stat().st_mode) == 0o700
    assert json.loads(token_file.read_text())["scopes"] == [GOOGLE_IMAP_SCOPE]
    _sync_and_draft(_open(table, config_dir, opened), mailbox)


def test_expired_google_access_token_is_refreshed_and_saved_back_0600(mailbox, config_dir, google, tmp_path,
                                                                      imap_server, opened):
    table = _connect_google(mailbox, config_dir, google, tmp_path)
    token_file = Path(table["token_file"])
    saved = json.loads(token_file.read_text())
    saved["expiry"] = "2020-01-01T00:00:00Z"  # long expired
    token_file.write_text(json.dumps(saved))
    google.expire_access_tokens()
    grants = len(google.token_requests)
    seen = len(imap_server.introspection.seen)
    _sync_and_draft(_open(table, config_dir, opened), mailbox)
    assert [r["grant_type"] for r in google.token_requests[grants:]] == ["refresh_token"]
    again = json.loads(token_file.read_text())
    assert imap_server.introspection.seen[seen:] == [again["token"]]  # refreshed before the login
    assert again["token"] != saved["token"] and again["expiry"] > saved["expiry"]
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600


def test_revoked_google_sign_in_is_an_auth_error_naming_the_reconnect_command(mailbox, config_dir, google,
                                                                              tmp_path, opened):
    table = _connect_google(mailbox, config_dir, google, tmp_path)
    google.revoke_refresh_tokens()
    with pytest.raises(AuthError) as err:
        _open(table, config_dir, opened).sync(None, now())
    assert "invalid_grant" in str(err.value)
    assert (f"run: interview-agent connect imap --host {mailbox.server.host} --port {mailbox.server.port} "
            f"--username {mailbox.user} --security none --oauth google --client-secrets FILE") in str(err.value)


def test_gmail_api_token_is_refused_for_imap_with_the_reconnect_command(mailbox, config_dir, google, opened):
    token_file = google.write_token_file(config_dir / "secrets" / "gmail-token.json")  # `connect gmail`'s
    table = {**mailbox.account(), "password_command": "", "oauth": "google", "token_file": str(token_file)}
    with pytest.raises(AuthError, match=r"not granted https://mail\.google\.com/.*--oauth google"):
        _open(table, config_dir, opened).sync(None, now())
    assert google.token_requests == []


def test_b22_google_token_file_readable_by_others_is_refused_with_the_chmod_fix(mailbox, config_dir, google,
                                                                               opened):
    token_file = google.write_token_file(config_dir / "secrets" / "imap-google-token.json")
    token_file.chmod(0o644)
    table = {**mailbox.account(), "password_command": "", "oauth": "google"}
    with pytest.raises(ConfigError, match=rf"run `chmod 600 {token_file}`"):
        _open(table, config_dir, opened).sync(None, now())
    assert google.token_requests == []


# -- configuration ------------------------------------------------------------------------------------


def test_oauth_config_problems_name_each_key_and_the_fix(config_dir):
    base = {"provider": "imap", "host": "outlook.office365.com", "username": "jordan@outlook.com"}
    with pytest.raises(ConfigError) as err:
        parse_settings({**base, "oauth": "yahoo"}, config_dir)
    assert "account.oauth = 'yahoo' is not known" in str(err.value) and err.value.exit_code == EXIT_CONFIG
    with pytest.raises(ConfigError) as err:
        parse_settings({**base, "oauth": "outlook", "client_id": "my-app", "authority": "http://login.example/x",
                        "token_file": "t.json"}, config_dir)
    text = str(err.value)
    assert "account.client_id must be the application (client) ID" in text
    assert "account.authority = 'http://login.example/x' must be an https:// URL" in text
    assert "account.token_file is not used with oauth = \"outlook\"" in text
    with pytest.raises(ConfigError, match=r"account\.oauth = \"google\" signs in with a token, but account\.auth"):
        parse_settings({**base, "oauth": "google", "auth": "password"}, config_dir)


def test_oauth_defaults_keep_tokens_in_the_config_folders_secrets(config_dir):
    outlook = parse_settings({"provider": "imap", "host": "outlook.office365.com", "username": "j@outlook.com",
                              "oauth": "outlook", "client_id": CLIENT_ID}, config_dir)
    assert (outlook["auth"], outlook["authority"]) == ("xoauth2", AUTHORITY)
    assert outlook["token_path"] == str(config_dir / "secrets" / "imap-outlook-token-cache.json")
    gmail = parse_settings({"provider": "imap", "host": "imap.gmail.com", "username": "j@gmail.com",
                            "oauth": "google", "token_file": "tokens/g.json"}, config_dir)
    assert gmail["token_path"] == str(config_dir / "tokens" / "g.json")
