"""B22 secrets: token and password files are created 0600 in a 0700 folder (whatever the umask), refused
with the fix (`chmod 600 ...`) when others can read them, the state dir is 0700; and no secret (password,
access or refresh token, client secret) appears in the logs, the state database, an error message or
`status --json`, even with --verbose and when the credentials are refused.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from agent.cli import main
from tests.reliability import figures
from tests.reliability.world import MAILBOXES

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "mail" / "google_invite_interview.eml"
AFTER_END = "2026-11-17T17:00:00-05:00"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def write_config(where: Path, account: dict) -> Path:
    from tests.scenarios.harness import _toml

    config = where / "config.toml"
    lines = ['[user]', 'name = "Jordan Lee"', 'email = "jordan.lee@gmail.com"', 'timezone = "America/New_York"',
             '[account]', *[f"{k} = {_toml(v)}" for k, v in account.items()],
             '[agent]', f'state_dir = "{where / "state"}"']
    config.write_text("\n".join(lines) + "\n")
    config.chmod(0o600)
    return config


def cli(config: Path, *args: str):
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(main, ["--config", str(config), *args], catch_exceptions=False)
    try:
        err = result.stderr
    except ValueError:
        err = ""
    return result.exit_code, result.stdout + err


class Account:
    """One provider's test account: its mailbox, config, the secret file and every secret to look for."""

    def __init__(self, kind: str, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
        self.kind = kind
        self.box = MAILBOXES[kind](request, tmp_path / "mail")
        self.box.deliver("inbox", FIXTURE.read_bytes())
        account = self.box.account() if kind != "imap" else self._imap(tmp_path, monkeypatch)
        self.config = write_config(tmp_path, account)
        self.state = tmp_path / "state"
        self.secret_file = {"gmail": lambda: Path(account["token_file"]),
                            "graph": lambda: Path(account["token_cache"]),
                            "imap": lambda: self.imap_file}.get(kind, lambda: None)()

    def _imap(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
        """`connect imap`'s way: the password in a 0600 file under the config dir (no keyring here)."""
        from providers import imap_secrets

        monkeypatch.setattr(imap_secrets, "usable_keyring", lambda: None)
        server, user = self.box.server, self.box.user
        self.imap_file = Path(imap_secrets.store_password(str(tmp_path), server.host, user, self.box.password))
        return {"provider": "imap", "host": server.host, "port": server.port, "username": user, "security": "none"}

    def secrets(self) -> list[str]:
        found: list[str] = []
        if self.kind == "imap":
            found.append(self.box.password)
        elif self.kind == "gmail":
            data = json.loads(self.secret_file.read_text())
            found += [data.get(k) for k in ("token", "refresh_token", "client_secret")]
            found += list(self.box.fake.access_tokens) + list(self.box.fake.refresh_tokens)
        elif self.kind == "graph":
            cache = json.loads(self.secret_file.read_text())
            found += [entry["secret"] for section in cache.values() if isinstance(section, dict)
                      for entry in section.values() if isinstance(entry, dict) and entry.get("secret")]
        return [s for s in found if s and len(s) >= 8]

    def refuse_credentials(self) -> None:
        if self.kind == "imap":
            self.imap_file.write_text("not-the-password\n")
        elif self.kind == "gmail":
            self.box.fake.revoke_refresh_tokens()
        elif self.kind == "graph":
            self.box.fake.identity.refuse()
            self.box.fake.identity.valid = lambda token: False  # the access token in the cache too

    def close(self) -> None:
        self.box.close()


SECRET_KINDS = sorted(k for k in MAILBOXES if k in ("imap", "gmail", "graph"))


@pytest.fixture
def account(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    acct = Account(request.param, tmp_path, request, monkeypatch)
    yield acct
    acct.close()


@pytest.mark.parametrize("account", SECRET_KINDS, indirect=True)
def test_b22_a_secret_file_others_can_read_is_refused_with_the_fix_then_works(account: Account) -> None:
    secret = account.secret_file
    assert mode(secret) == 0o600
    secret.chmod(0o644)
    code, output = cli(account.config, "run", "--now", AFTER_END)
    assert code == 2, output
    assert f"chmod 600 {secret}" in output
    assert mode(secret) == 0o644  # refused, not silently changed: the user learns it was exposed
    assert account.box.drafts() == []
    secret.chmod(0o600)
    code, output = cli(account.config, "run", "--now", AFTER_END)
    assert code == 0, output
    assert len(account.box.drafts()) == 2
    figures.add("secrets", "refusals_checked")


@pytest.mark.parametrize("account", SECRET_KINDS, indirect=True)
def test_b22_no_secret_in_logs_state_errors_or_status_even_verbose_and_refused(account: Account) -> None:
    outputs = []
    code, out = cli(account.config, "-v", "run", "--now", AFTER_END)
    assert code == 0, out
    outputs.append(out)
    outputs.append(cli(account.config, "status", "--json")[1])
    outputs.append(cli(account.config, "-v", "doctor")[1])
    secrets = account.secrets()  # read after the run: the access tokens it was given are in the files now
    account.refuse_credentials()
    code, out = cli(account.config, "-v", "run", "--now", "2026-11-17T18:00:00-05:00")
    assert code == 3, out  # the credentials were refused: exit 3 with the reconnect command
    outputs.append(out)
    assert secrets, "no secret found to look for: the test would prove nothing"
    places = {f"output {i}": text for i, text in enumerate(outputs)}
    for path in account.state.rglob("*"):
        if path.is_file():
            places[path.name] = path.read_bytes().decode("utf-8", "replace")
    leaks = [(where, s[:6] + "...") for where, text in places.items() for s in secrets if s in text]
    figures.add("secrets", "secrets_searched", len(secrets))
    figures.add("secrets", "places_searched", len(places))
    assert not leaks, f"B22: secrets found in {leaks}"


def test_b22_secret_files_are_made_0600_in_a_0700_folder_whatever_the_umask(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import msal
    from google.oauth2.credentials import Credentials

    from providers import gmail_auth, imap_secrets, outlook_auth

    monkeypatch.setattr(imap_secrets, "usable_keyring", lambda: None)
    with umask(0):
        imap_file = Path(imap_secrets.store_password(str(tmp_path / "imap"), "mail.example.com", "jordan", "pw-123"))
        gmail_file = tmp_path / "gmail" / "secrets" / "gmail-token.json"
        gmail_auth.save_credentials(Credentials(token="at", refresh_token="rt", client_id="c", client_secret="s",
                                                token_uri="https://oauth2.googleapis.com/token"), gmail_file)
        outlook_file = tmp_path / "outlook" / "secrets" / "outlook-token-cache.json"
        outlook_auth.save_cache(msal.SerializableTokenCache(), outlook_file, force=True)
        config = tmp_path / "cfg" / "config.toml"
        assert CliRunner().invoke(main, ["--config", str(config), "init"]).exit_code == 0
    for path in (imap_file, gmail_file, outlook_file):
        assert (oct(mode(path)), oct(mode(path.parent))) == (oct(0o600), oct(0o700)), path
    assert mode(config) == 0o600  # the config names where the secrets are; it is kept private too
    figures.add("secrets", "files_checked", 4)


def test_b22_state_dir_is_0700_and_its_files_0600(tmp_path: Path) -> None:
    from tests.mailboxes import MaildirMailbox

    box = MaildirMailbox(tmp_path / "Mail")
    box.deliver("inbox", FIXTURE.read_bytes())
    config = write_config(tmp_path, box.account())
    with umask(0):
        assert cli(config, "run", "--now", AFTER_END)[0] == 0
    state = tmp_path / "state"
    assert mode(state) == 0o700
    files = [p for p in state.iterdir() if p.is_file()]
    assert {p.name for p in files} >= {"state.sqlite3", "interview-agent.log"}
    assert {p.name: oct(mode(p)) for p in files if p.suffix != ".lock"} == {
        p.name: oct(0o600) for p in files if p.suffix != ".lock"}
