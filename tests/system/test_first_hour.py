"""A newcomer's first hour (issue 15, part 2): what a new user meets following the README, end to end."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import tempfile
import traceback
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from agent.cli import main
from tests.mailboxes import MaildirMailbox
from tests.system.unattended_support import AFTER_END, FIXTURES, INVITED, mailbox, maildir_account, write_config

NOBODY = 65534


def cli(config: Path, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["--config", str(config), *args], env=env)


@pytest.fixture
def box(tmp_path):
    b = mailbox(tmp_path / "Mail")
    yield b
    b.close()


@pytest.fixture
def config(tmp_path, box):
    return write_config(tmp_path / "config.toml", tmp_path / "state", maildir_account(box))


def _initialised(tmp_path: Path, box: MaildirMailbox) -> Path:
    """`init`, then `connect maildir`: the example config with only the mailbox filled in."""
    path = tmp_path / "fresh.toml"
    assert cli(path, "init").exit_code == 0
    assert cli(path, "connect", "maildir", str(box.root)).exit_code == 0
    return path


# -- B1: placeholders and empty identity ---------------------------------------------------------------
def test_b1_init_placeholders_are_configuration_errors_naming_the_keys(tmp_path, box):
    path = _initialised(tmp_path, box)
    result = cli(path, "run", "--now", AFTER_END)
    assert result.exit_code == 2, result.output
    assert "user.name = 'Your Name' is still the example's placeholder" in result.output
    assert "user.email = 'you@example.com' is still the example's placeholder" in result.output
    assert box.drafts() == []
    doctor = cli(path, "doctor")
    assert doctor.exit_code == 1
    assert re.search(r"FAIL\s+config\s+valid: user\.name = 'Your Name'", doctor.output)
    assert re.search(r"FAIL\s+config\s+valid: user\.email = 'you@example\.com'", doctor.output)


@pytest.mark.parametrize("key", ["name", "email"])
def test_b1_an_empty_name_or_email_is_a_configuration_error(tmp_path, config, key):
    text = config.read_text()
    config.write_text(re.sub(rf'^{key} = ".*"$', f'{key} = ""', text, count=1, flags=re.M))
    result = cli(config, "run", "--now", AFTER_END)
    assert result.exit_code == 2 and f"user.{key} is empty; set it" in result.output
    assert re.search(rf"FAIL\s+config\s+valid: user\.{key} is empty", cli(config, "doctor").output)


# -- every table's problems at once, with "did you mean" ------------------------------------------------
def test_problems_in_every_table_are_reported_at_once_with_did_you_mean(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[user]\nname = "Jordan Lee"\nemial = "jordan@example.org"\ntimezone = "Mars/Base"\n\n'
                    '[agent]\nlookback_days = 0\nmax_folow_ups = 2\n\n'
                    '[account]\nprovider = "imap"\nport = 993\n\n[profil]\npitch = "x"\n')
    result = cli(path, "run")
    assert result.exit_code == 2
    for expected in ("user.email is missing", "user.timezone = 'Mars/Base'", "agent.lookback_days must be",
                     "account.host is missing", "account.username is missing",
                     "user.emial is not a known key and is ignored; did you mean email?",
                     "agent.max_folow_ups is not a known key and is ignored; did you mean max_follow_ups?",
                     "[profil] is not a known table and is ignored; did you mean profile?"):
        assert expected in result.output, (expected, result.output)
    doctor = cli(path, "doctor").output
    fails = [line for line in doctor.splitlines() if line.startswith("FAIL")]
    assert len(fails) == 8, doctor  # one line each: a list, nothing flattened
    assert "8 problem(s) found" in doctor


def test_an_unknown_provider_is_reported_with_the_other_problems(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[user]\nname = "Jordan Lee"\nemail = ""\n\n[account]\nprovider = "maildri"\npath = "x"\n')
    out = cli(path, "run").output
    assert "user.email is empty" in out and "account.provider = 'maildri' is not known; did you mean maildir?" in out


# -- an unreadable Maildir ------------------------------------------------------------------------------
def _as_another_user(base: Path, keep_out: Path, commands: list[list[str]]) -> list[tuple[int, str, str]]:
    """Run each CLI command in a forked child that cannot read `keep_out` (chmod 000): as the user itself,
    or, when the tests run as root (CI), as `nobody`, whom chmod does stop. Returns (exit code, output,
    the exception, with its traceback unless it is SystemExit) per command."""
    # imported before dropping privileges: `nobody` may not read the source tree
    import agent.doctor
    import agent.runner
    import agent.usecases
    import providers.maildir

    del agent, providers

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.close(read)
            keep_out.chmod(0)
            if os.geteuid() == 0:
                for folder, _dirs, files in os.walk(base):
                    if Path(folder) != keep_out:
                        os.chown(folder, NOBODY, NOBODY)
                        for name in files:
                            os.chown(Path(folder) / name, NOBODY, NOBODY)
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            out = []
            for args in commands:
                r = CliRunner().invoke(main, args)
                out.append((r.exit_code, r.output, "".join(traceback.format_exception(*r.exc_info))
                            if r.exc_info and not isinstance(r.exception, SystemExit) else repr(r.exception)))
            os.write(write, json.dumps(out).encode())
            code = 0
        except BaseException:
            os.write(write, traceback.format_exc().encode())
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert status == 0 and data, f"the child failed: {data.decode(errors='replace')}"
    return [tuple(item) for item in json.loads(data)]


def test_a_maildir_the_user_cannot_read_exits_3_with_the_path_and_the_fix():
    base = Path(tempfile.mkdtemp(prefix="ia-unreadable-", dir="/tmp" if Path("/tmp").is_dir() else None))
    try:
        base.chmod(0o755)
        box = mailbox(base / "Mail")
        config = write_config(base / "config.toml", base / "state", maildir_account(box))
        config.chmod(0o644)
        (run, doctor) = _as_another_user(base, box.root, [["--config", str(config), "run", "--now", AFTER_END],
                                                          ["--config", str(config), "doctor"]])
        code, output, exc = run
        assert code == 3, output
        assert exc.startswith("SystemExit") and "Traceback" not in output  # a sentence, no traceback
        assert f"cannot read the Maildir at {box.root}" in output and f"chmod -R u+rwX {box.root}" in output
        code, output, exc = doctor
        assert code == 1 and "unexpected" not in output, (output, exc)
        assert re.search(rf"FAIL\s+account account\s+opens: cannot read the Maildir at {re.escape(str(box.root))}",
                         output), (output, exc)
    finally:
        subprocess.run(["chmod", "-R", "u+rwX", str(base)], check=False)
        subprocess.run(["rm", "-rf", str(base)], check=False)


# -- status ids that `show` takes -------------------------------------------------------------------------
def test_status_ids_fit_a_narrow_terminal_and_show_takes_them_prefixes_and_company_names(tmp_path, box, config):
    box.deliver("inbox", (FIXTURES / "zoom_invite_interview.eml").read_bytes(), INVITED)
    box.deliver("inbox", (FIXTURES / "greenhouse_invite.eml").read_bytes(), INVITED)
    assert cli(config, "run", "--now", AFTER_END).exit_code == 0
    table = cli(config, "status", env={"COLUMNS": "80"}).output
    ids = re.findall(r"^│ (iv-\S+)", table, flags=re.M)
    assert len(ids) == 3 and not any("…" in i for i in ids), table
    full = {iv["company"]: iv["id"] for iv in json.loads(cli(config, "status", "--json").output)["interviews"]}
    for short in ids:  # "try: show ID" can be followed with what status printed
        shown = cli(config, "show", short)
        assert shown.exit_code == 0 and shown.output.split()[0] in full.values()
    acme = full["Acme Robotics"]
    assert cli(config, "show", acme).output.startswith(acme)  # the whole id
    assert cli(config, "show", acme[:8]).output.startswith(acme) or "matches" in cli(config, "show", acme[:8]).output
    assert cli(config, "show", "acme robotics").output.startswith(acme)  # a company name
    assert cli(config, "show", "Acme").output.startswith(acme)  # part of one
    ambiguous = cli(config, "show", "iv-")
    assert ambiguous.exit_code == 1 and "'iv-' matches 3 interviews" in ambiguous.output
    assert all(i in ambiguous.output for i in ids)  # the ids to choose from
    missing = cli(config, "show", "globex")
    assert missing.exit_code == 1 and "no interview 'globex'" in missing.output


# -- the demo's last hint ---------------------------------------------------------------------------------
def test_the_demo_ends_with_a_show_command_that_works(tmp_path):
    from agent import demo as demo_mod

    said: list[str] = []
    demo_mod.run_demo(tmp_path / "demo", main, echo=said.append)
    hint = said[-1]
    assert "try: " in hint
    command = shlex.split(hint.split("try: ", 1)[1])
    assert command[-2] == "show" and command[-1] != "ID"
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False,
                            env={**os.environ, "PATH": "/usr/bin:/bin"})  # not on PATH, as after scripts/demo
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(command[-1])


# -- run's output -------------------------------------------------------------------------------------------
def test_dry_run_with_nothing_to_do_says_so_and_run_always_prints_its_summary(config, box):
    first = cli(config, "run", "--now", AFTER_END)
    assert first.exit_code == 0 and "2 draft(s) made" in first.output
    dry = cli(config, "run", "--dry-run", "--now", AFTER_END)
    assert "would draft nothing" in dry.output and not re.search(r"would draft \d+:\s*$", dry.output, re.M)
    again = cli(config, "run", "--now", AFTER_END)
    assert again.exit_code == 0 and "0 draft(s) made" in again.output and "interview(s) seen" in again.output


# -- connect keeps the config's comments and order -------------------------------------------------------------
def test_connect_maildir_keeps_the_help_for_the_other_providers_and_the_order(tmp_path, box):
    path = tmp_path / "fresh.toml"
    assert cli(path, "init").exit_code == 0
    before = path.read_text()
    assert cli(path, "connect", "maildir", str(box.root)).exit_code == 0
    after = path.read_text()
    for line in before.splitlines():
        if line.startswith("#"):
            assert line in after, line
    tables = re.findall(r"^\[(\w+)\]", after, flags=re.M)
    assert tables == re.findall(r"^\[(\w+)\]", before, flags=re.M) == ["user", "profile", "account", "agent"]
    assert f'path = "{box.root}"' in after and 'path = "~/Mail"' not in after
    assert cli(path, "connect", "maildir", str(box.root)).exit_code == 0  # again: unchanged
    assert path.read_text() == after


# -- B17/B19: a follow-up made moot by their answer -------------------------------------------------------
def _reply(sender: str, when: datetime, text: str) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"] = sender, "Jordan Lee <jordan.lee@gmail.com>"
    msg["Subject"], msg["Date"] = "Re: Backend Engineer interview", format_datetime(when)
    msg["Message-ID"] = "<answer-1@acmerobotics.com>"
    msg.set_content(text)
    return msg.as_bytes()


def test_b17_b19_an_unsent_follow_up_is_called_moot_once_they_answered_and_is_left_alone(config, box):
    assert cli(config, "run", "--now", AFTER_END).exit_code == 0  # the thank-yous
    assert cli(config, "run", "--now", "2026-12-01T09:00:00-05:00").exit_code == 0  # the follow-up
    follow_ups = [d for d in box.drafts() if "update" in d.get_body(preferencelist=("plain",)).get_content()]
    assert len(follow_ups) == 1
    when = datetime.fromisoformat("2026-12-01T14:00:00-05:00")
    box.deliver("inbox", _reply("Priya Shah <priya.shah@acmerobotics.com>", when,
                                "Hi Jordan,\n\nThanks for your patience. The team is still meeting the other "
                                "candidates; I will get back to you soon.\n\nPriya"), when)
    assert cli(config, "run", "--now", "2026-12-01T16:00:00-05:00").exit_code == 0
    status = json.loads(cli(config, "status", "--json").output)["interviews"][0]
    assert "the follow-up draft in Drafts is no longer needed; delete it" in status["next_step"]
    assert "waiting for their answer" not in status["next_step"]
    shown = cli(config, "show", status["id"]).output
    assert "no longer needed; delete it" in shown and "is still unsent and they answered on 2026-12-01" in shown
    assert follow_ups[0]["Message-ID"] in [d["Message-ID"] for d in box.drafts()]  # B19: never deleted by the agent
