"""B20 crash safety: the run is SIGKILLed at every step boundary in turn, then run again to completion; the
drafts must equal those of an undisturbed run, never a duplicate and never a lost one.

Each scenario replays (tests/scenarios/harness.py, every check it makes included) over each provider's
test mailbox. At each `run` step the world (mailbox storage and state dir) is saved, the run is made once
undisturbed in a forked child that counts its step boundaries (agent/killpoints.py) and gives the
reference drafts; then for k = 1..K the world is put back, a child run is killed at boundary k
(INTERVIEW_AGENT_KILL_AT=k, SIGKILL), the run is made again without a kill, and its drafts (kind,
interview, recipients, and the state's records) must equal the reference. The replay goes on from there.

CI runs a representative subset of scenarios (every draft kind, every user action on a draft, a malformed
mail; fewer over the slower HTTP fakes); INTERVIEW_AGENT_LONG=1 runs all 37 over every provider.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from agent import killpoints
from agent.core.errors import EXIT_FAILED, EXIT_OK
from tests.reliability import figures
from tests.reliability.recorders import attach
from tests.reliability.recorders import seen as seen_count
from tests.reliability.world import MAILBOXES, World, describe, forked_cli, own_ids, signature
from tests.scenarios import harness

REPRESENTATIVE = (
    "01_b3_b8_b9_b10_b14_b17_google_two_interviewers",  # two thank-yous, a follow-up
    "21_b18_follow_up_answered_ack_to_writer",  # thank-you, follow-up, then an acknowledgement
    "24_b20_deleted_draft_never_recreated",
    "25_b20_edited_draft_never_overwritten",
    "26_b20_sent_draft_no_duplicate",
    "34_b21_malformed_mail_is_skipped",  # a run that exits 1 (items skipped)
)
# The HTTP fakes cost ~0.3 s a run; in CI they replay the three that cover every draft kind and every user
# action on a draft the agent must then respect (edited, deleted; sent is covered over Maildir and IMAP).
REPRESENTATIVE_HTTP = ("21_b18_follow_up_answered_ack_to_writer", "24_b20_deleted_draft_never_recreated",
                       "25_b20_edited_draft_never_overwritten")
ALL = harness.discover()
CASES = [(f, kind) for kind in sorted(MAILBOXES) for f in ALL
         if figures.long_run() or f.name in (REPRESENTATIVE_HTTP if kind in ("graph", "gmail") else REPRESENTATIVE)]


class CrashingCli:
    """The replay's CLI: every real `run` goes through the kill-at-every-boundary protocol."""

    def __init__(self, mailbox, state_dir: Path, scratch: Path):
        self.mailbox = mailbox
        self.state_dir = state_dir
        self.scratch = scratch
        self.problems: list[str] = []
        self.kill_points = 0
        self.runs = 0

    def __call__(self, args: list[str]) -> harness.CliResult:
        if "run" not in args or "--dry-run" in args:
            return harness.invoke_cli(args)
        return self.crash_run(args)

    def crash_run(self, args: list[str]) -> harness.CliResult:
        self.runs += 1
        where = f"run {self.runs} ({' '.join(args[args.index('run'):])})"
        world = World(self.mailbox, self.state_dir)
        try:
            world.save()
            count_file = self.scratch / f"count-{self.runs}"
            code = forked_cli(args, {killpoints.COUNT_FILE_ENV: str(count_file)})
            total = int(count_file.read_text()) if count_file.exists() else 0
            reference = signature(self.mailbox, self.state_dir)
            if total == 0:
                self.problems.append(f"{where}: the run passed no step boundary (exit {code})")
                return harness.CliResult(code, "", "")
            result = harness.CliResult(code, "", "")
            for k in range(1, total + 1):
                world.restore()
                died = forked_cli(args, {killpoints.KILL_AT_ENV: str(k)})
                if died != -9:
                    self.problems.append(f"{where}: the run to be killed at boundary {k} of {total} ended "
                                         f"with {died} instead")
                result = harness.invoke_cli(args)
                self.kill_points += 1
                after = signature(self.mailbox, self.state_dir)
                if after != reference:
                    self.problems.append(f"{where}: killed at boundary {k} of {total}, then run again: drafts "
                                         f"differ from the undisturbed run\n  undisturbed: {describe(reference)}"
                                         f"\n  after kill:  {describe(after)}")
                # A malformed mail the killed run had already stored is logged once, by that run; the run
                # after it has nothing left to skip, so 1 (items skipped) may become 0. Nothing else may differ.
                if result.exit_code != code and not (code == EXIT_FAILED and result.exit_code == EXIT_OK):
                    self.problems.append(f"{where}: killed at boundary {k}, the next run exited "
                                         f"{result.exit_code}, the undisturbed one {code}\n{result.stderr[-2000:]}")
            # The replay's own checks (expect_new, invariants) then apply to the world the last kill left.
            return harness.CliResult(code, result.stdout, result.stderr)
        finally:
            world.discard()


@pytest.mark.parametrize(("folder", "kind"), CASES, ids=[f"{kind}-{f.name}" for f, kind in CASES])
def test_b20_kill_at_every_step_boundary_then_rerun_gives_the_undisturbed_drafts(
        folder: Path, kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    scenario = harness.load(folder)
    mailbox = MAILBOXES[kind](request, tmp_path / "mail")
    seen, layer, stop = attach(kind, mailbox, own=own_ids(tmp_path))  # B19 holds in crashed runs too
    workdir = tmp_path / "agent"
    cli = CrashingCli(seen, workdir / "state", tmp_path)
    try:
        failures = harness.Replay(scenario, seen, workdir, cli=cli).play()
        forbidden = layer.forbidden()
    finally:
        stop()
        mailbox.close()
    figures.add("never_send", "requests_checked", seen_count(layer))
    figures.add("crash", "kill_points", cli.kill_points)
    figures.add("crash", f"kill_points.{kind}", cli.kill_points)
    figures.add("crash", "replays")
    figures.add("crash", "runs", cli.runs)
    assert cli.kill_points > 0
    assert not cli.problems, f"{scenario.name} over {kind}:\n" + "\n".join(f"- {p}" for p in cli.problems)
    assert not failures, f"{scenario.name} over {kind}:\n" + "\n".join(f"- {f}" for f in failures)
    assert not forbidden, f"B19: {forbidden}"


def test_b20_kill_points_cost_nothing_when_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the variables, the runner gets the provider and the state themselves, not proxies."""
    monkeypatch.delenv(killpoints.KILL_AT_ENV, raising=False)
    monkeypatch.delenv(killpoints.COUNT_FILE_ENV, raising=False)
    provider, state = object(), object()
    assert killpoints.wrap_provider(provider) is provider
    assert killpoints.wrap_state(state) is state


def test_b20_a_real_subprocess_is_killed_at_the_boundary_it_was_told(tmp_path: Path) -> None:
    """The same switch on the installed command (a new interpreter, not a fork): SIGKILL at boundary 2."""
    import signal
    import subprocess
    import sys

    from tests.mailboxes import MaildirMailbox

    box = MaildirMailbox(tmp_path / "Mail")
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "mail" / "google_invite_interview.eml"
    box.deliver("inbox", fixture.read_bytes())
    config = tmp_path / "config.toml"
    config.write_text(f'[user]\nname = "Jordan Lee"\nemail = "jordan.lee@gmail.com"\ntimezone = "America/New_York"\n'
                      f'[account]\nprovider = "maildir"\npath = "{box.root}"\n'
                      f'[agent]\nstate_dir = "{tmp_path / "state"}"\n')
    env = {**os.environ, killpoints.KILL_AT_ENV: "2", killpoints.COUNT_FILE_ENV: str(tmp_path / "count")}
    done = subprocess.run([sys.executable, "-m", "agent", "--config", str(config), "run", "--now",
                           "2026-11-17T17:00:00-05:00"], env=env, capture_output=True, timeout=120, check=False)
    assert done.returncode == -signal.SIGKILL
    assert (tmp_path / "count").read_text().strip() == "2"
    assert box.drafts() == []  # killed after the sync was stored, before any draft
