"""`doctor`, several accounts in one config, refused credentials, and B22 over the log with --verbose."""

from __future__ import annotations

import os
import shlex
import socket
import tomllib
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from agent import config as config_mod
from agent import cron
from agent.cli import main
from agent.state import State
from tests.system.unattended_support import (
    AFTER_END,
    INVITED,
    RefusingImapServer,
    cli,
    fake_crontab,
    mailbox,
    maildir_account,
    write_config,
)

PASSWORD = "Gl4cier-Otter-Passphrase-91"  # read by password_command
FILE_PASSWORD = "Walnut-Harbor-Secret-27"  # kept in the 0600 secret file `connect imap` writes
BODY = "Quokka-Lighthouse-5318 is the phrase only this mail's body contains"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nobody listens once the socket is closed


def imap_account(name: str, port: int, *, username: str = "jordan", password_file: Path | None = None) -> str:
    command = f'password_command = "{shlex.join(["cat", str(password_file)])}"\n' if password_file else ""
    return (f'[[accounts]]\nname = "{name}"\nprovider = "imap"\nhost = "127.0.0.1"\nport = {port}\n'
            f'username = "{username}"\nsecurity = "none"\ntimeout = 5\n{command}\n')


def secret(path: Path, text: str) -> Path:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_text(text + "\n")
    path.chmod(0o600)
    return path


@pytest.fixture
def crontab(tmp_path, monkeypatch):
    command, table = fake_crontab(tmp_path)
    monkeypatch.setenv(cron.CRONTAB_ENV, command)
    return table


# -- account names -----------------------------------------------------------------------------------
def _names(text: str) -> list[str]:
    from agent import runner

    cfg = config_mod.parse(tomllib.loads(text), Path("/tmp/config.toml"))
    return [runner.account_name(a) for a in cfg.accounts]


USER = '[user]\nname = "J L"\nemail = "j@example.com"\n'


def test_single_account_keeps_the_name_its_state_is_filed_under():
    assert _names(USER + '[account]\nprovider = "maildir"\npath = "~/Mail"\n') == ["account"]


def test_several_accounts_are_named_by_mailbox_not_by_position():
    a = '[[accounts]]\nprovider = "maildir"\npath = "~/Mail/"\n'
    b = '[[accounts]]\nprovider = "imap"\nhost = "imap.fastmail.com"\nusername = "jordan@fastmail.com"\n'
    c = '[[accounts]]\nname = "work"\nprovider = "imap"\nhost = "mail.corp.example"\nusername = "jlee"\n'
    assert _names(USER + a + b + c) == ["maildir:~/Mail", "imap:jordan@fastmail.com", "work"]
    assert _names(USER + c + b + a) == ["work", "imap:jordan@fastmail.com", "maildir:~/Mail"]


def test_duplicate_account_names_are_a_config_error_naming_both():
    a = '[[accounts]]\nprovider = "maildir"\npath = "~/Mail"\n'
    named = '[[accounts]]\nname = "Mail"\nprovider = "maildir"\npath = "~/Other"\n'
    with pytest.raises(config_mod.ConfigError) as err:
        _names(USER + a + a + named + named.replace("~/Other", "~/Third"))
    text = str(err.value)
    assert "accounts[0] and accounts[1] are both named 'maildir:~/Mail'" in text
    assert "accounts[2] and accounts[3]" in text and "name =" in text


# -- several accounts in one run -----------------------------------------------------------------------
def test_one_failing_account_does_not_stop_the_others_and_the_reconnect_command_is_given_once(tmp_path):
    box = mailbox(tmp_path / "Mail")
    other = mailbox(tmp_path / "Other")
    pw = secret(tmp_path / "secrets" / "pw.txt", PASSWORD)
    with RefusingImapServer() as server:
        config = write_config(tmp_path / "config.toml", tmp_path / "state",
                              maildir_account(box, "[[accounts]]", "home")
                              + imap_account("work", server.port, password_file=pw)
                              + maildir_account(other, "[[accounts]]", "spare"))
        done = cli("--config", str(config), "run", "--now", AFTER_END)
    assert done.returncode == 1, done.stderr  # some accounts failed, others ran
    assert len(box.drafts()) == 2
    assert done.stderr.count("to reconnect") == 1
    reconnect = next(line for line in done.stderr.splitlines() if "to reconnect" in line).split("run: ", 1)[1]
    assert shlex.split(reconnect)[:8] == ["interview-agent", "--config", str(config), "connect", "--account", "work",
                                          "imap", "--host"]
    assert "error: work: " in done.stderr and "refused the login" in done.stderr
    log = (tmp_path / "state" / "interview-agent.log").read_text()
    assert "failed: work (exit 3)" in log and "2 draft(s) made" in log  # the one summary line
    with State.open(tmp_path / "state") as st:
        names = {r[0] for r in st.conn.execute("SELECT name FROM accounts")}
        assert len(st.messages("spare")) == 1  # the account after the failing one ran too
    assert names == {"home", "spare"}


def test_every_account_unreachable_exits_3(tmp_path):
    config = write_config(tmp_path / "config.toml", tmp_path / "state",
                          imap_account("a", closed_port(), password_file=secret(tmp_path / "s" / "p", "x"))
                          + imap_account("b", closed_port(), username="other",
                                         password_file=secret(tmp_path / "s" / "p", "x")))
    done = cli("--config", str(config), "run")
    assert done.returncode == 3 and "error: a: " in done.stderr and "error: b: " in done.stderr


def test_reordering_accounts_keeps_each_ones_progress(tmp_path):
    one, two = mailbox(tmp_path / "One"), mailbox(tmp_path / "Two")
    config = tmp_path / "config.toml"
    first, second = maildir_account(one, "[[accounts]]"), maildir_account(two, "[[accounts]]")
    write_config(config, tmp_path / "state", first + second)
    assert cli("--config", str(config), "run", "--now", AFTER_END).returncode == 0
    write_config(config, tmp_path / "state", second + first)
    assert cli("--config", str(config), "run", "--now", "2026-11-17T18:00:00-05:00").returncode == 0
    with State.open(tmp_path / "state") as st:
        rows = dict(st.conn.execute("SELECT name, last_run FROM accounts").fetchall())
    assert rows == {f"maildir:{one.root}": "2026-11-17T18:00:00-05:00",
                    f"maildir:{two.root}": "2026-11-17T18:00:00-05:00"}
    # The same invitation in both mailboxes is one interview: its thank-yous are made once (B20).
    assert len(one.drafts()) + len(two.drafts()) == 2


def test_connect_with_a_new_account_name_adds_an_account_and_keeps_the_first(tmp_path):
    first, second = mailbox(tmp_path / "A"), mailbox(tmp_path / "B")
    config = write_config(tmp_path / "config.toml", tmp_path / "state", maildir_account(first))
    runner = CliRunner()
    assert runner.invoke(main, ["--config", str(config), "run", "--now", AFTER_END]).exit_code == 0
    done = runner.invoke(main, ["--config", str(config), "connect", "--account", "side", "maildir",
                                str(second.root)])
    assert done.exit_code == 0, done.output
    cfg = config_mod.load(config)
    assert [(a["_name"], a["path"]) for a in cfg.accounts] == [("account", str(first.root)),
                                                                ("side", str(second.root))]
    again = runner.invoke(main, ["--config", str(config), "connect", "--account", "side", "maildir",
                                 str(first.root)])
    assert again.exit_code == 0 and len(config_mod.load(config).accounts) == 2  # replaced, not added
    assert oct(config.stat().st_mode & 0o777) == oct(0o600)


# -- doctor ------------------------------------------------------------------------------------------
def _doctor(config: Path):
    done = cli("--config", str(config), "doctor")
    lines = done.stdout.splitlines()
    return done.returncode, [line for line in lines if line.startswith("FAIL")], lines


def test_doctor_passes_on_a_working_setup(tmp_path, crontab):
    box = mailbox(tmp_path / "Mail")
    config = write_config(tmp_path / "config.toml", tmp_path / "state", maildir_account(box))
    assert cli("--config", str(config), "run", "--now", AFTER_END).returncode == 0
    assert cli("--config", str(config), "cron", "install").returncode == 0
    code, failed, lines = _doctor(config)
    assert code == 0 and failed == [], lines
    text = "\n".join(lines)
    for what in ("Drafts folder", "Sent folder", "integrity ok", "run lock", f"--config {config}"):
        assert what in text
    assert "all checks passed" in text


def test_doctor_reports_every_config_problem_with_its_key_and_fix(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[user]\nname = "J"\nemail = "not-an-address"\ntimezone = "Mars/Base"\n'
                      '[agent]\nmax_follow_ups = 9\n')
    code, failed, _ = _doctor(config)
    assert code == 1
    text = "\n".join(failed)
    assert "user.email" in text and "user.timezone" in text and "America/New_York" in text
    assert "agent.max_follow_ups" in text and "[account]" in text and "connect maildir" in text


def test_doctor_reports_each_broken_piece_with_its_fix(tmp_path, crontab):
    box = mailbox(tmp_path / "Mail")
    state_dir = tmp_path / "state"
    pw = secret(tmp_path / "secrets" / "pw.txt", PASSWORD)
    config = write_config(tmp_path / "config.toml", state_dir,
                          maildir_account(box, "[[accounts]]", "home")
                          + imap_account("nopassword", closed_port(), username="nobody")
                          + imap_account("down", closed_port(), password_file=pw))
    cli("--config", str(config), "run", "--now", AFTER_END)
    (state_dir / "state.sqlite3").chmod(0o644)  # wrong permissions
    crontab.write_text(f"*/15 * * * * /gone/bin/interview-agent --config {config} run "
                       f"{cron.marker(config)}\n")  # an entry whose executable has gone
    code, failed, lines = _doctor(config)
    assert code == 1
    by_area = {line.split()[2]: line for line in failed}
    assert "connect imap" in by_area["nopassword"] and "password_command" in by_area["nopassword"]
    assert "cannot connect" in by_area["down"] and ".port" in by_area["down"]
    assert f"chmod 600 {state_dir / 'state.sqlite3'}" in "\n".join(failed)
    assert "cron install" in "\n".join(failed)
    assert not any("home" in line for line in failed)  # the working account passes
    assert PASSWORD not in "\n".join(lines)


# -- B22: no secret and no mail text in the log, even with --verbose ------------------------------------
def test_b22_verbose_runs_log_no_password_token_or_mail_body(tmp_path):
    box = mailbox(tmp_path / "Mail")
    msg = EmailMessage()
    msg["From"], msg["To"] = "Priya Shah <priya.shah@acmerobotics.com>", "jordan.lee@gmail.com"
    msg["Subject"], msg["Date"] = "Re: next steps", "Wed, 18 Nov 2026 10:00:00 -0500"
    msg["Message-ID"] = "<next-steps-1@acmerobotics.com>"
    msg.set_content(f"Hi Jordan,\n\n{BODY}. We will decide by December 4.\n\nPriya")
    box.deliver("inbox", msg.as_bytes(), INVITED)
    config_dir = tmp_path / "conf"
    config_dir.mkdir()
    pw = secret(tmp_path / "pw" / "pw.txt", PASSWORD)
    secret(config_dir / "secrets" / "imap-127.0.0.1-filed.txt", FILE_PASSWORD)  # where `connect imap` keeps it
    with RefusingImapServer() as server:
        config = write_config(config_dir / "config.toml", tmp_path / "state",
                              maildir_account(box, "[[accounts]]", "home")
                              + imap_account("cmd", server.port, password_file=pw)
                              + imap_account("filed", server.port, username="filed"))
        runs = [cli("--verbose", "--config", str(config), "run", "--now", AFTER_END),
                cli("--verbose", "--config", str(config), "run", "--now", "2026-12-08T09:00:00-05:00"),
                cli("--verbose", "--config", str(config), "doctor"),
                cli("--verbose", "--config", str(config), "status")]
        logins = list(server.logins)
    assert any(PASSWORD in login for login in logins) and any(FILE_PASSWORD in login for login in logins)
    assert len(box.drafts()) >= 3  # two thank-yous and the follow-up: the body was read and used
    logs = {p.name: p.read_text(errors="replace") for p in (tmp_path / "state").glob("*.log*")}
    assert "interview(s) seen" in logs["interview-agent.log"]  # the log is not empty
    seen = [("log " + name, text) for name, text in logs.items()]
    seen += [(f"run {i} {stream}", getattr(r, stream)) for i, r in enumerate(runs) for stream in ("stdout", "stderr")]
    assert any("DEBUG" in text for _, text in seen)  # --verbose did log details
    for where, text in seen:
        for needle in (PASSWORD, FILE_PASSWORD, "Quokka-Lighthouse-5318"):
            assert needle not in text, f"{needle!r} leaked into {where}"
    for name in logs:
        assert oct((tmp_path / "state" / name).stat().st_mode & 0o777) == oct(0o600)
    assert os.stat(tmp_path / "state").st_mode & 0o077 == 0
