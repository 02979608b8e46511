"""`interview-agent doctor` over the real providers (issue 6): IMAP on the test Dovecot, Gmail on FakeGoogle,
Outlook on the Graph fake. Per provider one working setup passes (exit 0, every line ok) and each broken
piece is reported on its account with its fix (exit 1). Doctor only reads (B19) and prints no secret (B22).
"""

from __future__ import annotations

import json
import os
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agent import cron
from providers import gmail_auth
from tests.fakes.gmail import SCOPES, FakeGoogle
from tests.fakes.graph import CLIENT_ID, GraphFake
from tests.fakes.graph_auth import GRANTED
from tests.mailboxes_imap import ImapMailbox
from tests.system.unattended_support import INVITED, USER, cli, fake_crontab, mailbox

TEAM = "team@group.calendar.google.com"


def toml_table(name: str, account: dict[str, Any]) -> str:
    lines = ["[[accounts]]", f"name = {json.dumps(name)}"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in account.items()]  # JSON scalars and lists are TOML
    return "\n".join(lines) + "\n\n"


def write_config(folder: Path, accounts: dict[str, dict[str, Any]]) -> Path:
    folder.mkdir(mode=0o700, exist_ok=True)
    config = folder / "config.toml"
    state = folder / "state"
    config.write_text(f'{USER}\n[agent]\nstate_dir = "{state}"\n\n'
                      + "".join(toml_table(n, a) for n, a in accounts.items()))
    return config


@pytest.fixture
def crontab_env(tmp_path) -> dict[str, str]:
    command, _table = fake_crontab(tmp_path)
    return {cron.CRONTAB_ENV: command}


def doctor(config: Path, env: dict[str, str]) -> tuple[int, list[str], dict[str, list[str]]]:
    """(exit code, every line, {account name: its FAIL lines})."""
    done = cli("--config", str(config), "doctor", env=env)
    lines = done.stdout.splitlines()
    failed: dict[str, list[str]] = {}
    for line in lines:
        words = line.split()
        if words and words[0] == "FAIL" and len(words) > 2 and words[1] == "account":
            failed.setdefault(words[2], []).append(line)
        elif words and words[0] == "FAIL":
            failed.setdefault(words[1], []).append(line)
    return done.returncode, lines, failed


def line_of(lines: list[str], account: str, what: str) -> str:
    found = [line for line in lines if f"account {account} " in line and f" {what}: " in line]
    assert len(found) == 1, (account, what, lines)
    return found[0]


# -- IMAP ----------------------------------------------------------------------------------------------
def imap_account(box: ImapMailbox, **overrides: Any) -> dict[str, Any]:
    return {**box.account(), "timeout": 5, **overrides}


def test_doctor_imap_passes_over_verified_tls_and_changes_nothing_b19(tmp_path, imap_server, crontab_env):
    box = ImapMailbox(imap_server, tmp_path / "pw")
    invite = (Path(__file__).resolve().parents[1] / "fixtures" / "mail" / "google_invite_interview.eml").read_bytes()
    box.deliver("inbox", invite, INVITED)
    config = write_config(tmp_path / "conf", {
        "mail": imap_account(box, security="tls", port=imap_server.tls_port, host="127.0.0.1")})
    before = {folder: box._messages(folder) for folder in ("INBOX", "Sent", "Drafts")}
    code, lines, failed = doctor(config, {**crontab_env, "SSL_CERT_FILE": str(imap_server.cert_file)})
    assert code == 0 and failed == {}, lines
    assert "certificate verified for 127.0.0.1" in line_of(lines, "mail", "server")
    assert "flagged \\Drafts (SPECIAL-USE)" in line_of(lines, "mail", "Drafts folder")
    assert "flagged \\Sent (SPECIAL-USE)" in line_of(lines, "mail", "Sent folder")
    assert "yes" in line_of(lines, "mail", "UIDPLUS") and "yes" in line_of(lines, "mail", "CONDSTORE")
    assert "all checks passed" in lines[-1]
    # B19: the mail is as it was, flags included (the invitation is still unread), and no folder was made.
    assert {folder: box._messages(folder) for folder in ("INBOX", "Sent", "Drafts")} == before
    assert "\\Seen" not in before["INBOX"][0][2]
    assert box.password not in "\n".join(lines)  # B22


def test_doctor_imap_reports_each_broken_piece_with_its_fix(tmp_path, imap_server, crontab_env):
    conf = tmp_path / "conf"
    wrong = ImapMailbox(imap_server, tmp_path / "pw")
    bad_pw = tmp_path / "pw" / "wrong.txt"
    bad_pw.write_text("not-the-password\n")
    bad_pw.chmod(0o600)
    no_drafts = ImapMailbox(imap_server, tmp_path / "pw", folders=("Sent",))
    filed = ImapMailbox(imap_server, tmp_path / "pw")
    secret = conf / "secrets" / f"imap-127.0.0.1-{filed.user}.txt"  # where `connect imap` keeps it
    secret.parent.mkdir(mode=0o700, parents=True)
    secret.write_text(filed.password + "\n")
    secret.chmod(0o644)
    unverified = ImapMailbox(imap_server, tmp_path / "pw")
    filed_account = {k: v for k, v in imap_account(filed).items() if k != "password_command"}
    config = write_config(conf, {
        "wrong": imap_account(wrong, password_command=shlex.join(["cat", str(bad_pw)])),
        "nodrafts": imap_account(no_drafts),
        "filed": filed_account,
        "selfsigned": imap_account(unverified, security="tls", port=imap_server.tls_port),
    })
    code, lines, failed = doctor(config, crontab_env)  # no SSL_CERT_FILE: the test CA is not trusted
    assert code == 1
    assert set(failed) == {"wrong", "nodrafts", "filed", "selfsigned"}, lines
    login = line_of(lines, "wrong", "login")
    assert login.startswith("FAIL") and "password_command" in login and "run the command by hand" in login
    drafts = line_of(lines, "nodrafts", "Drafts folder")
    assert drafts.startswith("FAIL") and "no folder is flagged \\Drafts (SPECIAL-USE)" in drafts
    assert "account.drafts_folder" not in drafts and 'accounts[1].drafts_folder = "NAME"' in drafts
    assert "'Sent'" in drafts  # the folders there are, to choose from
    assert not line_of(lines, "nodrafts", "Sent folder").startswith("FAIL")
    assert f"chmod 600 {secret}" in "\n".join(failed["filed"])
    tls = "\n".join(failed["selfsigned"])
    assert "could not be verified" in tls and "tls_verify" in tls
    assert not any(needle in "\n".join(lines) for needle in (wrong.password, filed.password))  # B22
    assert not (no_drafts.server.mail_dir(no_drafts.user) / ".Drafts").exists()  # B19: doctor created nothing


# -- Gmail ---------------------------------------------------------------------------------------------
@pytest.fixture
def google(tmp_path) -> Iterator[FakeGoogle]:
    fake = FakeGoogle(mailbox(tmp_path / "GMail").root, user="jordan.lee@gmail.com").start()
    fake.store.calendar.extra[TEAM] = {}
    try:
        yield fake
    finally:
        fake.stop()
    assert fake.violations == []


def gmail_account(fake: FakeGoogle, token: Path, scopes: tuple[str, ...], calendars: list[str],
                  mode: int = 0o600) -> dict[str, Any]:
    token.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    token.write_text(json.dumps(fake.token_info(scopes)))
    token.chmod(mode)
    return {"provider": "gmail", "token_file": str(token), "api_endpoint": f"{fake.url}/",
            "token_uri": f"{fake.url}/token", "calendars": calendars}


def test_doctor_gmail_passes_and_then_reports_a_revoked_sign_in(tmp_path, google, crontab_env):
    secrets = tmp_path / "conf" / "secrets"
    config = write_config(tmp_path / "conf", {"gmail": gmail_account(
        google, secrets / "gmail-token.json", (*SCOPES, gmail_auth.CALENDAR_LIST), ["primary", TEAM])})
    code, lines, failed = doctor(config, crontab_env)
    assert code == 0 and failed == {}, lines
    scopes = line_of(lines, "gmail", "scopes")
    assert "calendar.calendarlist.readonly" in scopes and "no broader scope is needed" in scopes
    assert "jordan.lee@gmail.com" in line_of(lines, "gmail", "mailbox")
    assert "DRAFT found" in line_of(lines, "gmail", "Drafts label")
    assert "events readable" in line_of(lines, "gmail", f"calendar {TEAM}")
    assert not any(call.method_id.startswith(("gmail.users.drafts", "gmail.users.messages"))
                   for call in google.api_calls())  # B19: no draft made, no mail read
    google.revoke_refresh_tokens()
    code, lines, failed = doctor(config, crontab_env)
    assert code == 1 and list(failed) == ["gmail"], lines
    refresh = line_of(lines, "gmail", "refresh token")
    assert refresh.startswith("FAIL") and "invalid_grant" in refresh
    assert f"run: interview-agent connect gmail --client-secrets FILE --calendar {TEAM}" in refresh
    token = json.loads((secrets / "gmail-token.json").read_text())
    assert token["refresh_token"] not in "\n".join(lines)  # B22


def test_doctor_gmail_reports_each_broken_piece_with_its_fix(tmp_path, google, crontab_env):
    secrets = tmp_path / "conf" / "secrets"
    mail_only = (gmail_auth.GMAIL_READONLY, gmail_auth.GMAIL_COMPOSE)
    config = write_config(tmp_path / "conf", {
        "open": gmail_account(google, secrets / "open.json", SCOPES, ["primary"], mode=0o644),
        "nocalendar": gmail_account(google, secrets / "nocal.json", mail_only, ["primary"]),
        "nosuch": gmail_account(google, secrets / "nosuch.json", (*SCOPES, gmail_auth.CALENDAR_LIST),
                                ["primary", "nosuch@group.calendar.google.com"]),
    })
    code, lines, failed = doctor(config, crontab_env)
    assert code == 1 and set(failed) == {"open", "nocalendar", "nosuch"}, lines
    assert f"chmod 600 {secrets / 'open.json'}" in "\n".join(failed["open"])
    scopes = line_of(lines, "nocalendar", "scopes")
    assert scopes.startswith("FAIL") and "lacks calendar.events.readonly" in scopes
    assert "run: interview-agent connect gmail --client-secrets FILE and tick every box" in scopes
    assert line_of(lines, "nocalendar", "calendar primary").startswith("FAIL")  # Google's 403, with its fix
    assert not line_of(lines, "nocalendar", "mailbox").startswith("FAIL")
    missing = line_of(lines, "nosuch", "calendar nosuch@group.calendar.google.com")
    assert missing.startswith("FAIL") and "account.calendars" in missing
    assert not line_of(lines, "nosuch", "calendar primary").startswith("FAIL")


# -- Outlook -------------------------------------------------------------------------------------------
@pytest.fixture
def graph_fakes(tmp_path) -> Iterator[list[GraphFake]]:
    fakes: list[GraphFake] = []
    yield fakes
    for fake in fakes:
        fake.stop()
    for fake in fakes:
        assert fake.violations == []


def test_doctor_outlook_passes_and_then_reports_a_refused_sign_in(tmp_path, graph_fakes, crontab_env):
    fake = GraphFake(tmp_path / "Exchange", workdir=tmp_path / "graph").start()
    graph_fakes.append(fake)
    config = write_config(tmp_path / "conf", {"work": fake.account()})
    code, lines, failed = doctor(config, crontab_env)
    assert code == 0 and failed == {}, lines
    scopes = line_of(lines, "work", "scopes")
    assert "Mail.ReadWrite, Calendars.Read, User.Read, and not Mail.Send" in scopes
    assert "Drafts readable" in line_of(lines, "work", "Drafts folder")
    assert "Sent Items readable" in line_of(lines, "work", "Sent Items folder")
    assert "calendarView" in line_of(lines, "work", "calendar")
    made = [(m, p) for m, p in fake.graph_requests() if m != "GET"]
    assert made == []  # B19: GET only
    fake.identity.refuse()
    code, lines, failed = doctor(config, crontab_env)
    assert code == 1 and list(failed) == ["work"], lines
    sign_in = line_of(lines, "work", "sign-in")
    assert sign_in.startswith("FAIL") and f"run: interview-agent connect outlook --client-id {CLIENT_ID}" in sign_in


def test_doctor_outlook_reports_mail_send_and_an_open_cache_with_their_fixes(tmp_path, graph_fakes, crontab_env):
    fake = GraphFake(tmp_path / "Exchange", workdir=tmp_path / "graph").start()
    graph_fakes.append(fake)
    fake.identity.granted = GRANTED + " https://graph.microsoft.com/Mail.Send"  # a too-wide app registration
    sender = fake.account()
    open_cache = tmp_path / "graph" / "secrets" / "open-cache.json"
    fake.seed_token_cache(open_cache)
    open_cache.chmod(0o644)
    config = write_config(tmp_path / "conf", {"sender": sender, "open": {**sender, "token_cache": str(open_cache)}})
    code, lines, failed = doctor(config, crontab_env)
    assert code == 1 and set(failed) == {"sender", "open"}, lines
    scopes = line_of(lines, "sender", "scopes")
    assert scopes.startswith("FAIL") and "Mail.Send" in scopes and "Remove permission" in scopes
    assert f"--client-id {CLIENT_ID}" in scopes
    assert [line for line in failed["sender"]] == [scopes]  # everything else about it works
    assert f"chmod 600 {open_cache}" in line_of(lines, "open", "token cache")
    assert oct(os.stat(open_cache).st_mode & 0o777) == oct(0o644)  # reported, not silently changed


def test_doctor_imap_checks_the_secret_file_and_its_folder_b22(tmp_path, imap_server):
    from providers import imap_check, imap_secrets
    from providers.imap import open_provider

    box = ImapMailbox(imap_server, tmp_path / "pw")
    conf = tmp_path / "conf"
    stored = imap_secrets.store_password(conf, box.server.host, box.user, box.password)
    assert stored != "keyring"  # this test needs the file (no keyring in the test environment)
    account = {k: v for k, v in imap_account(box).items() if k != "password_command"}
    provider = open_provider(account, config_dir=str(conf), state_dir=str(tmp_path / "state"))
    try:
        found = {what: (ok, detail) for what, ok, detail in imap_check.check(provider, str(conf))}
        assert found["password"] == (True, f"in {stored} (mode 600, folder 700)")
        assert found["login"][0] and found["Drafts folder"][0]
        (conf / "secrets").chmod(0o755)
        what, ok, detail = imap_check.check(provider, str(conf))[0]
        assert (what, ok) == ("password", False) and detail.endswith(f"run: chmod 700 {conf / 'secrets'}")
    finally:
        provider.close()
