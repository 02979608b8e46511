"""Variation tests: a scenario varied in what must not matter keeps its decisions.

Each test takes a scenario the agent passes (positives and negatives; not the ones in pending.txt, not the
ones built on malformed or hostile headers), varies it with one kind from tests/scenarios/variations.py
(display-name formats, accents, HTML-only bodies, quoted history, reply vs new thread, the invitation's zone,
the arrival order, how a title is written), replays it over Maildir through the CLI and checks that the
decisions stay the scenario's expectations: interview or not, interviewers, contact, decision date, hearing
back, and the drafts they lead to (kind and recipients at each run), as judged by tests/scenarios/judgment.py.
The drafts' wording and threading are not compared: a variation may change them (a name written with an
accent is greeted with it; a mail moved to a new thread is answered there).

    .venv/bin/pytest tests/scenarios/test_variations.py                            # bounded: 2 kinds x 40 scenarios
    INTERVIEW_AGENT_LONG=1 .venv/bin/pytest tests/scenarios/test_variations.py     # every kind x every scenario

The bounded run picks its scenarios and kinds with a fixed seed (`INTERVIEW_AGENT_VARIATION_SEED=n` picks
another sample). KNOWN_FRAGILE lists the variations today's judgment fails: they are reported as skipped
(with the reason) in the bounded run and run as strict expected failures in the long run, so one that starts
to pass must be taken off the list.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from tests.mailboxes import MaildirMailbox
from tests.scenarios import harness, judgment, variations

LONG = os.environ.get("INTERVIEW_AGENT_LONG", "") not in ("", "0")
SEED = int(os.environ.get("INTERVIEW_AGENT_VARIATION_SEED", "13"))
SCENARIOS, KINDS_EACH = 40, 2
# the decisions, and the drafts they lead to (kind and recipients per run; not their wording or threading)
DECISIONS = ("detection", "interviewers", "contact", "decision date", "hearing back", "drafts")

# (kind, scenario folder or "*") -> why today's judgment fails it. Keep the reason specific; take an entry off
# when the judgment is fixed (the long run fails on a fragile variation that passes). Empty on 2026-12-06: the
# long run (744 variants of the 117 eligible scenarios, every kind) kept every decision and draft.
KNOWN_FRAGILE: dict[tuple[str, str], str] = {}


def fragile(kind: str, name: str) -> str | None:
    return KNOWN_FRAGILE.get((kind, name)) or KNOWN_FRAGILE.get((kind, "*"))


def eligible() -> list[Path]:
    waiting = harness.pending()
    out = []
    for folder in harness.discover():
        sc = harness.load(folder)
        if folder.name in waiting or sc.forbid_in_headers:
            continue
        if any("malformed" in s["deliver"] for s in sc.steps if "deliver" in s):
            continue
        out.append(folder)
    return out


def _negative(folder: Path) -> bool:
    want = judgment.truth(harness.load(folder)).interviews
    return want is not None and want[1] == 0


def plan() -> list:
    """(folder, kind) pairs: all of them in the long run; else KINDS_EACH robust kinds for SCENARIOS scenarios
    (negatives in their share), the kinds spread evenly, plus every fragile pair as a visible skip."""
    folders = eligible()
    rng = random.Random(SEED)
    if not LONG:
        neg = [f for f in folders if _negative(f)]
        pos = [f for f in folders if f not in neg]
        k = round(SCENARIOS * len(neg) / len(folders))
        folders = sorted(rng.sample(neg, min(k, len(neg))) + rng.sample(pos, min(SCENARIOS - k, len(pos))))
    used: Counter[str] = Counter()
    params = []
    for folder in folders:
        kinds = variations.applicable(folder)
        for kind in kinds:
            reason = fragile(kind, folder.name)
            if reason:
                mark = pytest.mark.xfail(strict=True, reason=f"KNOWN_FRAGILE: {reason}") if LONG else \
                    pytest.mark.skip(reason=f"KNOWN_FRAGILE ({kind}, {folder.name}): {reason}")
                params.append(pytest.param(folder, kind, marks=mark, id=f"{kind}-{folder.name}"))
        robust = [k for k in kinds if not fragile(k, folder.name)]
        if not LONG:
            robust = sorted(robust, key=lambda k: (used[k], rng.random()))[:KINDS_EACH]
        for kind in robust:
            used[kind] += 1
            params.append(pytest.param(folder, kind, id=f"{kind}-{folder.name}"))
    return params


PLAN = plan()


@pytest.mark.parametrize(("folder", "kind"), PLAN)
def test_variation_keeps_the_decisions(folder: Path, kind: str, tmp_path: Path) -> None:
    variant = variations.make_variant(folder, kind, tmp_path / "case", seed=SEED)
    if variant is None:
        pytest.skip(f"{kind} changes nothing in {folder.name}")
    result = judgment.replay_one(variant.scenario, MaildirMailbox, tmp_path / "run")
    wrong = [c for c in result.cases if c.decision in DECISIONS and not c.ok]
    broken = [f for f in result.failures if " exited " in f or "printed no JSON" in f]
    if wrong or broken:
        lines = [f"{kind} on {folder.name} changed a decision.", "What the variation changed:"]
        lines += [f"  - {c}" for c in variant.changes[:15]]
        lines += [f"  ... and {len(variant.changes) - 15} more"] if len(variant.changes) > 15 else []
        lines += ["Decisions now wrong:"] + [f"  - {c.decision} [{c.key}]: expected {c.expected}, got {c.got}"
                                              for c in wrong]
        lines += [f"  - {f.splitlines()[0]}" for f in broken]
        pytest.fail("\n".join(lines))


def test_the_bounded_plan_covers_every_kind_and_both_kinds_of_scenario() -> None:
    run = [p for p in PLAN if not p.marks]
    kinds = {p.values[1] for p in run}
    robust = {k for k in variations.KINDS if (k, "*") not in KNOWN_FRAGILE}
    assert robust <= kinds, robust - kinds
    assert any(_negative(p.values[0]) for p in run) and any(not _negative(p.values[0]) for p in run)
    if not LONG:
        assert len(run) <= SCENARIOS * KINDS_EACH


def test_a_change_that_matters_is_caught(tmp_path: Path) -> None:
    """The check is not blind: the same replay with the interview moved two days later (a change that does
    matter) gets the decision date wrong."""
    def two_days_later(msg, ctx) -> list[str]:
        def edit(cal) -> bool:
            for ev in cal.walk("VEVENT"):
                for key in ("DTSTART", "DTEND"):
                    value = ev.decoded(key)
                    del ev[key]
                    ev.add(key, value + timedelta(days=2))
            return True
        return ["moved two days later"] if variations.edit_calendars(msg, edit) else []

    folder = next(f for f in harness.discover() if f.name.startswith("01_"))
    variant = variations.make_variant(folder, two_days_later, tmp_path / "case")
    result = judgment.replay_one(variant.scenario, MaildirMailbox, tmp_path / "run")
    wrong = {c.decision for c in result.cases if not c.ok}
    assert "decision date" in wrong, [(c.decision, c.expected, c.got) for c in result.cases]


def test_person_names_are_told_from_organisations() -> None:
    assert variations.person_name("Ana Souza", "ana.souza@acme-robotics.com") == ("Ana", "Souza")
    assert variations.person_name("Ken Tanaka", "k.tanaka@lumenfield.io") == ("Ken", "Tanaka")
    assert variations.person_name("Google Calendar", "calendar-notification@google.com") is None
    assert variations.person_name("Acme Recruiting", "recruiting@acme.com") is None
    assert variations.person_name("Talent Team", "talent@x.com") is None
    assert variations.person_name("Souza, Ana", "ana.souza@acme-robotics.com") is None
