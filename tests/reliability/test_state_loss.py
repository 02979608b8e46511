"""B20, the mailbox is the record: the state store lost, emptied or replaced, or a second installation on the
same mailbox, at every point where a draft was just made, never yields a duplicate on any provider.

Each scenario replays (tests/scenarios/harness.py, every check it makes included) over each provider's test
mailbox. At each `run` step the world (mailbox storage and state dir) is saved and the run is made once
undisturbed in a forked child that traces its step boundaries (agent/killpoints.py): its Drafts are the
reference. The points are "before the run" and, for each draft the run makes, the boundary right after the
draft was recorded. At each point and for each way of losing the state:

- deleted: the state dir is removed;
- emptied: the database is cut to 0 bytes (its WAL and shared-memory files removed);
- backup: the state dir is replaced by an old backup (the one from before the previous run step; none on
  the first, i.e. deleted);
- second: a second installation (its own config and an empty state dir) runs on the same mailbox;

the world is put back, a child run is SIGKILLed at the point (none at point 0), the state is lost, and the
run is made again to completion (for "second": the second installation's run, then the first one's). The
Drafts must then hold exactly the reference's drafts by Message-ID: one draft more is a duplicate, one less
a lost draft. The one allowed difference: a draft the user had deleted may come back, since nothing in a
mailbox records a deletion (B20 recognises drafts "still in Drafts or sent"); those are counted apart.
After the cases the world is put back and the run made undisturbed, and the replay goes on from there.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from agent import killpoints
from agent.core.errors import EXIT_FAILED, EXIT_OK
from tests.reliability import figures
from tests.reliability.recorders import attach
from tests.reliability.world import MAILBOXES, World, forked_cli, own_ids, records
from tests.scenarios import harness

MODES = ("deleted", "emptied", "backup", "second")
# The bounded run: three scenarios over Maildir and Dovecot, the richest one over the two HTTP test servers;
# INTERVIEW_AGENT_LONG=1 runs all four over every provider.
SCENARIOS = ("01_b3_b8_b9_b10_b14_b17_google_two_interviewers",  # two thank-yous, then a follow-up
             "21_b18_follow_up_answered_ack_to_writer",  # thank-you, follow-up, then an acknowledgement
             "25_b20_edited_draft_never_overwritten",
             "26_b20_sent_draft_no_duplicate")
BOUNDED = ("01_b3_b8_b9_b10_b14_b17_google_two_interviewers", "21_b18_follow_up_answered_ack_to_writer",
           "26_b20_sent_draft_no_duplicate")
HTTP_SCENARIOS = ("21_b18_follow_up_answered_ack_to_writer",)
ALL = harness.discover()
CASES = [(f, kind) for kind in sorted(MAILBOXES) for f in ALL
         if f.name in (SCENARIOS if figures.long_run() else HTTP_SCENARIOS if kind in ("graph", "gmail")
                       else BOUNDED)]
AFTER_A_DRAFT = "state.record_created"


def _mid(value: object) -> str:
    text = "".join(str(value or "").split())
    return text if text.startswith("<") else f"<{text.strip('<>')}>"


def draft_ids(mailbox) -> Counter[str]:
    return Counter(_mid(d["Message-ID"]) for d in mailbox.drafts())


def _copy(source: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    if source.exists():
        subprocess.run(["cp", "-a", str(source), str(target)], check=True)


class StateLosingCli:
    """The replay's CLI: every real `run` goes through the state-loss protocol above."""

    def __init__(self, mailbox, workdir: Path, scratch: Path):
        self.mailbox = mailbox
        self.state_dir = workdir / "state"
        self.config = workdir / "config.toml"
        self.scratch = scratch
        self.problems: list[str] = []
        self.cases: Counter[str] = Counter()
        self.duplicates = 0
        self.lost = 0
        self.briefings_skipped = 0
        self.deleted_back = 0  # drafts the user had deleted, made again (not recognisable: see the docstring)
        self.runs = 0
        self.backups: list[Path] = []  # the state dir as it was before each run step

    def __call__(self, args: list[str]) -> harness.CliResult:
        if "run" not in args or "--dry-run" in args:
            return harness.invoke_cli(args)
        return self.losing_run(args)

    def second_config(self, state_dir: Path) -> Path:
        text = self.config.read_text(encoding="utf-8").replace(str(self.state_dir), str(state_dir))
        path = self.scratch / "second.toml"
        path.write_text(text, encoding="utf-8")
        path.chmod(0o600)
        return path

    def lose(self, mode: str) -> None:
        if mode in ("deleted", "second"):
            if mode == "deleted":
                shutil.rmtree(self.state_dir, ignore_errors=True)
            return
        if mode == "emptied":
            db = self.state_dir / "state.sqlite3"
            for extra in ("-wal", "-shm"):
                Path(f"{db}{extra}").unlink(missing_ok=True)
            if db.exists():
                db.write_bytes(b"")
            return
        old = self.backups[-2] if len(self.backups) >= 2 else None
        if old is None or not old.exists():
            shutil.rmtree(self.state_dir, ignore_errors=True)
        else:
            _copy(old, self.state_dir)

    def losing_run(self, args: list[str]) -> harness.CliResult:
        self.runs += 1
        where = f"run {self.runs} ({' '.join(args[args.index('run'):])})"
        backup = self.scratch / f"backup-{self.runs}"
        _copy(self.state_dir, backup)
        self.backups.append(backup)
        world = World(self.mailbox, self.state_dir)
        try:
            world.save()
            trace = self.scratch / f"trace-{self.runs}"
            code = forked_cli(args, {killpoints.TRACE_FILE_ENV: str(trace)})
            names = trace.read_text().split() if trace.exists() else []
            reference = draft_ids(self.mailbox)
            deleted = {mid for source in (backup, self.state_dir)
                       for mid, (_k, _i, state) in records(source).items() if state == "deleted"}
            briefings = {mid for source in (backup, self.state_dir)
                         for mid, (kind, _i, _s) in records(source).items() if kind == "briefing"}
            points = [0] + [i + 1 for i, name in enumerate(names) if name == AFTER_A_DRAFT]
            for point in points:
                for mode in MODES:
                    self.one_case(args, world, point, mode, code, reference, deleted, briefings, where)
            world.restore()
            return harness.invoke_cli(args)
        finally:
            world.discard()

    def one_case(self, args: list[str], world: World, point: int, mode: str, code: int,
                 reference: Counter[str], deleted: set[str], briefings: set[str], where: str) -> None:
        label = f"{where}: state {mode} {'before the run' if not point else f'after boundary {point}'}"
        world.restore()
        if point:
            died = forked_cli(args, {killpoints.KILL_AT_ENV: str(point)})
            if died != -9:
                self.problems.append(f"{label}: the run to be killed ended with {died} instead")
        self.lose(mode)
        results = []
        second_state = self.scratch / "second-state"
        if mode == "second":
            shutil.rmtree(second_state, ignore_errors=True)
            second = ["--config", str(self.second_config(second_state)), *args[2:]]
            results.append(harness.invoke_cli(second))
        results.append(harness.invoke_cli(args))
        shutil.rmtree(second_state, ignore_errors=True)
        self.cases[mode] += 1
        for result in results:
            if result.exit_code != code and not (code == EXIT_FAILED and result.exit_code == EXIT_OK):
                self.problems.append(f"{label}: a run exited {result.exit_code}, the undisturbed one {code}\n"
                                     f"{result.stdout[-800:]}{result.stderr[-1500:]}")
        after = draft_ids(self.mailbox)
        extra = after - reference
        came_back = sum(n for mid, n in extra.items() if mid in deleted and after[mid] == 1)
        self.deleted_back += came_back
        # B24: an installation's first run (its state new or lost) makes no briefing and so replaces none: that
        # morning's briefing is skipped, or the earlier one stays; a state restored from an old backup knows no
        # later briefing and may brief that morning. Never is one briefing made twice (that is a duplicate).
        briefings = briefings | {mid for mid, (kind, _i, _s) in records(self.state_dir).items() if kind == "briefing"}
        kept = sum(n for mid, n in extra.items() if mid in briefings and after[mid] == 1)
        skipped = sum(n for mid, n in (reference - after).items() if mid in briefings)
        self.briefings_skipped += skipped
        duplicates = sum(extra.values()) - came_back - kept
        lost = sum((reference - after).values()) - skipped
        self.duplicates += duplicates
        self.lost += lost
        if duplicates or lost:
            self.problems.append(f"{label}: {duplicates} duplicate(s), {lost} lost draft(s)\n"
                                 f"  undisturbed: {sorted(reference.items())}\n  after: {sorted(after.items())}")


@pytest.mark.parametrize(("folder", "kind"), CASES, ids=[f"{kind}-{f.name}" for f, kind in CASES])
def test_b20_state_lost_emptied_replaced_or_second_install_never_duplicates_a_draft(
        folder: Path, kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    scenario = harness.load(folder)
    mailbox = MAILBOXES[kind](request, tmp_path / "mail")
    seen, layer, stop = attach(kind, mailbox, own=own_ids(tmp_path))  # B19 holds with the state lost too
    workdir = tmp_path / "agent"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    cli = StateLosingCli(seen, workdir, scratch)
    try:
        failures = harness.Replay(scenario, seen, workdir, cli=cli).play()
        forbidden = layer.forbidden()
    finally:
        stop()
        mailbox.close()
    total = sum(cli.cases.values())
    figures.add("state_loss", "cases", total)
    figures.add("state_loss", f"cases.{kind}", total)
    for mode, n in cli.cases.items():
        figures.add("state_loss", f"mode.{mode}", n)
    figures.add("state_loss", "duplicates", cli.duplicates)
    figures.add("state_loss", "lost", cli.lost)
    figures.add("state_loss", "briefings_skipped", cli.briefings_skipped)
    figures.add("state_loss", "deleted_made_again", cli.deleted_back)
    figures.add("state_loss", "replays")
    assert total > 0
    assert not cli.problems, f"{scenario.name} over {kind}:\n" + "\n".join(f"- {p}" for p in cli.problems)
    assert not failures, f"{scenario.name} over {kind}:\n" + "\n".join(f"- {f}" for f in failures)
    assert not forbidden, f"B19: {forbidden}"
