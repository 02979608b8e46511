"""Unattended operation end to end: the crontab line, one run at a time, the daemon, the systemd units.

Runs go through the installed `interview-agent` script as real processes where the behaviour is about
processes (locks, signals, cron's command line); the daemon's schedule is driven by a fake clock."""

from __future__ import annotations

import configparser
import datetime as dt
import json
import os
import shlex
import signal
import subprocess
import threading
import time
import types
from pathlib import Path

import pytest
import schedule

from agent import cron, daemon, lock
from agent.state import State
from tests.system.unattended_support import (
    AFTER_END,
    CLI,
    REPO,
    cli,
    fake_crontab,
    mailbox,
    maildir_account,
    start,
    wait_for,
    write_config,
)


@pytest.fixture
def setup(tmp_path):
    box = mailbox(tmp_path / "Mail")
    config = write_config(tmp_path / "config.toml", tmp_path / "state", maildir_account(box))
    yield box, config, tmp_path / "state"
    box.close()


@pytest.fixture
def crontab(tmp_path, monkeypatch):
    command, table = fake_crontab(tmp_path)
    monkeypatch.setenv(cron.CRONTAB_ENV, command)
    return table


# -- cron ------------------------------------------------------------------------------------------
OTHER_LINES = [
    "# m h dom mon dow command",
    "MAILTO=jordan@example.com",
    "0 3 * * * /usr/bin/backup --all >/dev/null 2>&1",
    "*/5 * * * * /opt/old/interview-agent --config /elsewhere/config.toml run # interview-agent:/elsewhere/config.toml",
    "",
    "@reboot /usr/bin/true",
]


def test_cron_install_keeps_every_other_line_and_runs_the_installed_executable(setup, crontab):
    _, config, state_dir = setup
    crontab.write_text("\n".join(OTHER_LINES) + "\n")
    done = cli("--config", str(config), "cron", "install", "--every", "15m")
    assert done.returncode == 0, done.stderr
    lines = crontab.read_text().splitlines()
    ours = [line for line in lines if line not in OTHER_LINES]
    assert [line for line in lines if line in OTHER_LINES] == OTHER_LINES  # untouched, in their order
    assert len(ours) == 1
    line = ours[0]
    assert line.startswith("*/15 * * * * ")
    assert cron.command_of(line) == [str(CLI), "--config", str(config), "run"]  # absolute paths
    assert Path(cron.command_of(line)[0]).is_absolute() and os.access(cron.command_of(line)[0], os.X_OK)
    assert f">> {state_dir / 'interview-agent.log'} 2>&1" in line

    # What cron would do: the command field through /bin/sh, with cron's bare environment.
    command = line.split(None, 5)[5].replace("\\%", "%")
    ran = subprocess.run(["/bin/sh", "-c", command], env={"PATH": "/usr/bin:/bin", "HOME": os.environ["HOME"]},
                         capture_output=True, text=True, timeout=60, check=False)
    assert ran.returncode == 0, (ran.stdout, ran.stderr)
    log_path = state_dir / "interview-agent.log"
    assert "interview(s) seen" in log_path.read_text()  # the run's summary line landed in the log
    assert oct(log_path.stat().st_mode & 0o777) == oct(0o600)

    again = cli("--config", str(config), "cron", "install", "--every", "1h")
    assert again.returncode == 0 and "replaced" in again.stdout
    lines = crontab.read_text().splitlines()
    ours = [line for line in lines if line not in OTHER_LINES]
    assert len(ours) == 1 and ours[0].startswith("0 * * * * ")

    shown = cli("--config", str(config), "cron", "show")
    assert shown.returncode == 0 and ours[0] in shown.stdout and "/elsewhere/config.toml" in shown.stdout

    removed = cli("--config", str(config), "cron", "remove")
    assert removed.returncode == 0 and "removed" in removed.stdout
    assert crontab.read_text().splitlines() == OTHER_LINES
    assert cli("--config", str(config), "cron", "show").returncode == 1


def test_cron_install_into_an_empty_crontab_and_remove_it_again(setup, crontab):
    _, config, _ = setup
    assert not crontab.exists()
    assert cli("--config", str(config), "cron", "install").returncode == 0
    assert len(crontab.read_text().splitlines()) == 1
    assert cli("--config", str(config), "cron", "remove").returncode == 0
    assert crontab.read_text().strip() == ""


@pytest.mark.parametrize("every", ["7m", "30s", "5h", "soon"])
def test_cron_refuses_an_interval_it_cannot_keep_and_changes_nothing(setup, crontab, every):
    _, config, _ = setup
    crontab.write_text("0 3 * * * /usr/bin/backup\n")
    done = cli("--config", str(config), "cron", "install", "--every", every)
    assert done.returncode == 2
    assert every in done.stderr or "cron" in done.stderr
    assert " use " in done.stderr  # and says what to write instead
    assert crontab.read_text() == "0 3 * * * /usr/bin/backup\n"


def test_cron_without_a_crontab_command_points_to_the_alternatives(setup, monkeypatch, tmp_path):
    _, config, _ = setup
    monkeypatch.setenv(cron.CRONTAB_ENV, str(tmp_path / "no-such-crontab"))
    done = cli("--config", str(config), "cron", "install")
    assert done.returncode == 1
    assert "systemd" in done.stderr and "daemon" in done.stderr


def test_cron_schedule_fields():
    assert [cron.schedule_for(cron.parse_every(t)) for t in ("1m", "15m", "30 min", "1h", "6h", "24h")] == [
        "* * * * *", "*/15 * * * *", "*/30 * * * *", "0 * * * *", "0 */6 * * *", "0 0 * * *"]


# -- one run at a time -----------------------------------------------------------------------------
def _lock_holder(state_dir: Path) -> int | None:
    try:
        text = (state_dir / lock.LOCK_NAME).read_text()
    except FileNotFoundError:
        return None
    return json.loads(text)["pid"] if text.strip() else None


def test_two_concurrent_runs_exactly_one_works_the_other_exits_4(setup):
    box, config, state_dir = setup
    first = start("--config", str(config), "run", "--now", AFTER_END, env={lock.TEST_HOLD_ENV: "3"})
    try:
        wait_for(lambda: _lock_holder(state_dir) == first.pid, what="the first run to take the lock")
        began = time.monotonic()
        second = cli("--config", str(config), "run", "--now", AFTER_END)
        waited = time.monotonic() - began
        assert second.returncode == lock.EXIT_LOCKED, second.stderr
        assert f"pid {first.pid}" in second.stderr and "another interview-agent run" in second.stderr
        assert waited < 2.5  # at once, not after the first one finished
        assert box.drafts() == []  # the second one did nothing
        _, err = first.communicate(timeout=30)
    finally:
        first.kill()
        first.wait()
    assert first.returncode == 0, err
    assert len(box.drafts()) == 2  # the first one drafted both thank-yous, once
    assert (state_dir / lock.LOCK_NAME).read_text() == ""  # released cleanly


def test_a_run_killed_with_sigkill_leaves_a_lock_the_next_run_takes_over(setup):
    box, config, state_dir = setup
    victim = start("--config", str(config), "run", "--now", AFTER_END, env={lock.TEST_HOLD_ENV: "30"})
    try:
        wait_for(lambda: _lock_holder(state_dir) == victim.pid, what="the run to take the lock")
    finally:
        victim.send_signal(signal.SIGKILL)
        victim.communicate(timeout=10)
    assert victim.returncode == -signal.SIGKILL
    assert _lock_holder(state_dir) == victim.pid  # the file still names the dead run
    nxt = cli("--config", str(config), "run", "--now", AFTER_END)
    assert nxt.returncode == 0, nxt.stderr
    assert "took over the run lock" in nxt.stderr and f"pid {victim.pid}" in nxt.stderr
    assert len(box.drafts()) == 2


def test_dry_run_needs_no_lock(setup):
    _, config, state_dir = setup
    with lock.hold(state_dir):
        done = cli("--config", str(config), "run", "--dry-run", "--now", AFTER_END)
        held = cli("--config", str(config), "run", "--now", AFTER_END)
    assert done.returncode == 0 and "thank_you" in done.stdout
    assert held.returncode == lock.EXIT_LOCKED and f"pid {os.getpid()}" in held.stderr


# -- daemon ------------------------------------------------------------------------------------------
class FakeClock:
    """One clock for both the agent (`now`) and `schedule` (which reads `datetime.datetime.now()`)."""

    def __init__(self, start: dt.datetime):
        self.moment = start
        self.slept = 0.0

    def now(self) -> dt.datetime:
        return self.moment

    def sleep(self, seconds: float) -> None:
        assert 0 <= seconds <= daemon.SLICE
        self.moment += dt.timedelta(seconds=seconds)
        self.slept += seconds

    def install(self, monkeypatch) -> None:
        clock = self

        class FakeDatetime(dt.datetime):
            @classmethod
            def now(cls, tz=None):
                return clock.moment.astimezone(tz).replace(tzinfo=None) if tz is None else clock.moment.astimezone(tz)

        monkeypatch.setattr(schedule, "datetime", types.SimpleNamespace(
            datetime=FakeDatetime, timedelta=dt.timedelta, time=dt.time, date=dt.date))


def test_daemon_runs_a_cycle_now_and_the_next_one_an_interval_later(setup, monkeypatch):
    box, config, state_dir = setup
    clock = FakeClock(dt.datetime.fromisoformat("2026-11-17T14:50:00-05:00"))  # ten minutes before the end
    clock.install(monkeypatch)
    instants: list[dt.datetime] = []
    run_cycle = daemon.daemon_cycle(config, clock=clock.now)

    def cycle() -> None:
        instants.append(clock.now())
        run_cycle()
        instants.append(clock.now())

    stop = threading.Event()
    count = daemon.serve(cycle, 15 * 60, stop=stop, sleep=clock.sleep, max_cycles=2)
    assert count == 2
    assert instants[0] == dt.datetime.fromisoformat("2026-11-17T14:50:00-05:00")
    assert instants[2] - instants[1] == dt.timedelta(minutes=15)  # the schedule, not the wall clock
    assert clock.slept == pytest.approx(15 * 60)
    # The first cycle found the interview still going; the second, after its end, drafted the thank-yous.
    assert len(box.drafts()) == 2
    with State.open(state_dir) as st:
        assert st.last_run("account") == "2026-11-17T15:05:00-05:00"


def test_daemon_cycle_skips_while_another_run_holds_the_lock_and_goes_on(setup, monkeypatch):
    box, config, state_dir = setup
    clock = FakeClock(dt.datetime.fromisoformat("2026-11-17T17:00:00-05:00"))
    clock.install(monkeypatch)
    run_cycle = daemon.daemon_cycle(config, clock=clock.now)
    with lock.hold(state_dir):
        run_cycle()  # must neither raise nor draft
    assert box.drafts() == []
    run_cycle()
    assert len(box.drafts()) == 2


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_daemon_stops_on_a_signal_within_a_second_with_state_intact(setup, sig):
    _, config, state_dir = setup
    proc = start("--config", str(config), "daemon", "--every", "1h")
    log_path = state_dir / "interview-agent.log"
    try:
        wait_for(lambda: log_path.exists() and "interview(s) seen" in log_path.read_text(),
                 what="the daemon's first run")
        began = time.monotonic()
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=10)
        took = time.monotonic() - began
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 0, err
    assert took < 1.0, f"the daemon took {took:.2f} s to stop"
    assert "stopped after 1 run(s)" in err and "interview(s) seen" in out
    assert f"{signal.Signals(sig).name} received" in log_path.read_text()
    with State.open(state_dir) as st:
        assert st.check_integrity() == "ok" and st.last_run("account") is not None
        assert len(st.messages("account")) == 1
    assert (state_dir / lock.LOCK_NAME).read_text() == ""


def test_daemon_with_a_broken_config_exits_2_at_once(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[user]\nname = "J"\nemail = "j@example.com"\ntimezone = "Mars/Base"\n')
    done = cli("--config", str(config), "daemon", "--every", "1h", timeout=20)
    assert done.returncode == 2 and "user.timezone" in done.stderr


# -- systemd units -----------------------------------------------------------------------------------
def _unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string((REPO / "scripts" / name).read_text())
    return parser


def test_systemd_user_units_run_one_pass_every_15_minutes():
    service, timer = _unit("interview-agent.service"), _unit("interview-agent.timer")
    exec_start = shlex.split(service["Service"]["ExecStart"])
    assert service["Service"]["Type"] == "oneshot"
    assert exec_start[0].endswith("/interview-agent") and exec_start[-1] == "run"
    assert "4" in service["Service"]["SuccessExitStatus"].split()  # another run going on is no failure
    assert timer["Timer"]["OnCalendar"] == "*:0/15" and timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"
