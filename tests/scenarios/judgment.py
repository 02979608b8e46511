"""The judgment report: replays the scenario corpus through the CLI and measures each decision against what
the scenarios themselves expect (`scripts/judgment` runs it and writes docs/JUDGMENT.md).

    .venv/bin/python -m tests.scenarios.judgment                  # every scenario, Maildir, docs/JUDGMENT.md
    .venv/bin/python -m tests.scenarios.judgment --cases 15 --out /tmp/j.md --provider imap

The truth is the scenario's own expectations (`truth`): per interview, the LAST value a scenario states for
each field (expect_interview company/role/contact/interviewers, expect_decision, expect_state), compared with
`status --json` read after the run that states it; the last `expect_interviews`; every `expect_new` draft.
The replay is the harness's (`Recording` only remembers each run's status and new drafts), so a case fails
here exactly when `tests/scenarios/test_scenarios.py` fails it.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tests.scenarios import harness

DOC = harness.REPO / "docs" / "JUDGMENT.md"
HEARD = {"heard_back", "closed"}  # the states that mean the company answered
SAMPLE_SEED = 13
FIELDS = ("company", "role", "contact", "interviewers")
# (name in the report, what one case is, precision's definition, recall's definition)
DECISIONS = [
    ("detection", "a scenario that states how many interviews it holds (`expect_interviews`, negatives state 0)",
     "true interviews found / interviews found", "true interviews found / interviews expected"),
    ("interviewers", "one interviewer expected or reported for one interview (per person, all scenarios)",
     "right people reported / people reported", "right people reported / people expected"),
    ("contact", "an interview whose contact a scenario states", "right contacts / contacts given",
     "right contacts / contacts expected"),
    ("decision date", "an interview whose decision date a scenario states (`expect_decision`)",
     "right dates / dates given", "right dates / dates expected"),
    ("hearing back", ("an interview's stated state (heard back = `heard_back` or `closed`), an expected "
     "acknowledgement (heard back) or an expected follow-up (not heard back), at that run"),
     "right 'heard back' / 'heard back' said", "right 'heard back' / 'heard back' expected"),
    ("company", "an interview whose company a scenario states, as written (B5)", "right / given",
     "right / expected"),
    ("role", "an interview whose role a scenario states, as written (B5)", "right / given", "right / expected"),
    ("drafts", "a draft expected (`expect_new`) or made, by run, kind and recipients",
     "expected drafts made / drafts made", "expected drafts made / drafts expected"),
]
DECISION_NAMES = [d[0] for d in DECISIONS]


# ------------------------------------------------------------------ what the scenario expects


@dataclass
class Truth:
    """What a scenario states, each with the index of the step (a run) that states it."""
    interviews: tuple[int, int] | None = None  # (step, expected count), the last stated
    fields: dict[tuple[str, str], tuple[int, Any]] = field(default_factory=dict)  # (field, interview) -> (step, value)
    drafts: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)  # (step, kind, recipients)


def truth(scenario: harness.Scenario) -> Truth:
    """The scenario's expectations: the last stated value per interview and field, every expected draft."""
    out = Truth()
    for i, step in enumerate(scenario.steps):
        if "run" not in step:
            continue
        if "expect_interviews" in step:
            out.interviews = (i, int(step["expect_interviews"]))
        for key, state in step.get("expect_state", {}).items():
            out.fields[("state", key)] = (i, state)
        for key, day in step.get("expect_decision", {}).items():
            out.fields[("decision date", key)] = (i, day)
        for spec in step.get("expect_interview", []):
            for name in FIELDS:
                if name in spec:
                    out.fields[(name, spec["match"])] = (i, spec[name])
        for item in step.get("expect_new", []):
            to = [item["to"]] if isinstance(item["to"], str) else item["to"]
            out.drafts.append((i, item["kind"], tuple(sorted(a.lower() for a in to))))
    return out


# ------------------------------------------------------------------ what the agent did


class Recording(harness.Replay):
    """The harness's replay, remembering `status --json` and the new drafts (kind, recipients) of each run."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.statuses: dict[int, dict] = {}
        self.new: dict[int, list[tuple[str, tuple[str, ...]]]] = {}
        self._index = {id(step): i for i, step in enumerate(self.sc.steps)}

    def _run(self, step: dict, where: str) -> None:
        seen = set(self.seen_drafts)
        super()._run(step, where)
        i = self._index[id(step)]
        self.statuses[i] = self.status
        records = self._records()
        self.new[i] = [(records.get(harness._mid(d["Message-ID"]), ({"kind": "?"}, {}))[0]["kind"],
                        tuple(sorted(harness._addresses(d, "To", "Cc"))))
                       for d in self._counted(self.mailbox.drafts()) if harness._mid(d["Message-ID"]) not in seen]


@dataclass
class Case:
    decision: str
    scenario: str
    key: str
    expected: Any
    got: Any
    tp: int
    fp: int
    fn: int
    wrong: bool = False  # an error that is neither an fp nor an fn (no interview where "not heard back" was due)

    @property
    def ok(self) -> bool:
        return self.fp == 0 and self.fn == 0 and not self.wrong


def _one(status: dict, key: str, only_key: bool) -> dict | None:
    """The interview a scenario's name picks; when the scenario names a single interview and the agent tracks a
    single one under another name (a company misread), that one, so that its other fields are still judged."""
    hits = harness.find_interviews(status, key)
    if not hits and only_key and len(status.get("interviews", [])) == 1:
        return status["interviews"][0]
    return hits[0] if len(hits) == 1 else None


def _value(name: str, iv: dict | None) -> Any:
    if iv is None:
        return None
    if name == "contact":
        return ((iv.get("contact") or {}).get("email") or "").lower() or None
    if name == "decision date":
        return iv.get("decision_date")
    if name == "interviewers":
        return sorted((p.get("email") or "").lower() for p in iv.get("interviewers", []))
    if name == "state":
        return iv.get("state")
    return harness._words(iv.get(name) or "") or None


def _for_draft(status: dict, kind: str, to: tuple[str, ...]) -> dict | None:
    """The interview an expected draft belongs to: the one holding that draft, else the one whose contact it
    is addressed to, else the only one."""
    ivs = status.get("interviews", [])
    for iv in ivs:
        if any(d.get("kind") == kind and sorted(a.lower() for a in d.get("to", [])) == list(to)
               for d in iv.get("drafts", [])):
            return iv
    by_contact = [iv for iv in ivs if _value("contact", iv) in to]
    if len(by_contact) == 1:
        return by_contact[0]
    return ivs[0] if len(ivs) == 1 else None


def judge(name: str, want: Truth, rec: Recording) -> list[Case]:
    """Every case of every decision in one replayed scenario."""
    cases: list[Case] = []
    if want.interviews is not None:
        i, n = want.interviews
        got = len(rec.statuses.get(i, {}).get("interviews", []))
        cases.append(Case("detection", name, "interviews", n, got, min(n, got), max(got - n, 0), max(n - got, 0)))
    only_key = len({key for _, key in want.fields}) == 1
    for (fname, key), (i, value) in want.fields.items():
        iv = _one(rec.statuses.get(i, {}), key, only_key)
        got = _value(fname, iv)
        if fname == "interviewers":
            exp, have = set(value), set(got or [])
            cases.append(Case(fname, name, key, sorted(exp), got, len(exp & have), len(have - exp), len(exp - have)))
        elif fname == "state":
            truth_heard, said = value in HEARD, (got in HEARD) if got else None
            cases.append(_hearing(name, f"{key} (state {value})", truth_heard, said, got))
        else:
            exp = value.lower() if fname == "contact" else harness._words(value) if fname in ("company", "role") \
                else value
            right = got == exp
            cases.append(Case(fname, name, key, exp, got, int(right), int(got is not None and not right),
                              int(not right)))
    for i, kind, to in want.drafts:
        if kind in ("acknowledgement", "follow_up"):
            iv = _for_draft(rec.statuses.get(i, {}), kind, to)
            said = (iv.get("state") in HEARD) if iv else None
            cases.append(_hearing(name, f"{kind} to {', '.join(to)} at step {i + 1}", kind == "acknowledgement",
                                  said, iv.get("state") if iv else None))
    for i in sorted({i for i, _, _ in want.drafts} | set(rec.new)):
        expected = Counter((k, to) for j, k, to in want.drafts if j == i)
        made = Counter(rec.new.get(i, []))
        right = expected & made
        for (kind, to) in (expected | made):
            tp = right[(kind, to)]
            cases.append(Case("drafts", name, f"step {i + 1}: {kind} to {', '.join(to)}", expected[(kind, to)],
                              made[(kind, to)], tp, made[(kind, to)] - tp, expected[(kind, to)] - tp))
    return cases


def _hearing(name: str, key: str, truth_heard: bool, said: bool | None, state: Any) -> Case:
    exp = "heard back" if truth_heard else "not heard back"
    got = "no interview" if said is None else f"{'heard back' if said else 'not heard back'} ({state})"
    return Case("hearing back", name, key, exp, got, int(truth_heard and bool(said)),
                int(bool(said) and not truth_heard), int(truth_heard and not said), wrong=said is None)


# ------------------------------------------------------------------ running the corpus


@dataclass
class Result:
    scenario: str
    pending: bool
    failures: list[str]
    cases: list[Case]


def mailbox_factory(provider: str) -> tuple[Callable[[Path], Any], Callable[[], None]]:
    """(make a mailbox in a folder, stop what was started) for one provider kind."""
    if provider == "maildir":
        from tests.mailboxes import MaildirMailbox
        return MaildirMailbox, lambda: None
    if provider == "gmail":
        from tests.mailboxes_gmail import GmailMailbox
        return GmailMailbox, lambda: None
    if provider == "graph":
        from tests.mailboxes_graph import GraphMailbox
        return GraphMailbox, lambda: None
    if provider == "imap":
        from tests.imap_server import DovecotServer
        from tests.mailboxes_imap import ImapMailbox
        server = DovecotServer().start()
        return (lambda root: ImapMailbox(server, root / "secrets")), server.stop
    raise ValueError(f"unknown provider {provider!r}")


def replay_one(scenario: harness.Scenario, make_mailbox: Callable[[Path], Any], workdir: Path,
               pending: bool = False) -> Result:
    """Replay one scenario (a loaded, possibly varied one) and judge its decisions."""
    mailbox = make_mailbox(workdir / "mail")
    try:
        rec = Recording(scenario, mailbox, workdir / "agent")
        failures = [str(f) for f in rec.play()]
    finally:
        mailbox.close()
    return Result(scenario.name, pending, failures, judge(scenario.name, truth(scenario), rec))


def sample(folders: list[Path], n: int | None, waiting: set[str]) -> list[Path]:
    """All folders, or a deterministic sample of n with pending and passing scenarios in their proportion
    (at least one of each when both exist)."""
    if n is None or n >= len(folders):
        return folders
    late = [f for f in folders if f.name in waiting]
    good = [f for f in folders if f.name not in waiting]
    k = min(len(late), max(1 if late else 0, round(n * len(late) / len(folders))))
    k = min(k, n - 1) if good and n > 1 else k
    rng = random.Random(SAMPLE_SEED)
    picked = rng.sample(late, k) + rng.sample(good, min(len(good), n - k))
    return sorted(picked, key=lambda f: f.name)


def run(folders: Iterable[Path], provider: str = "maildir", progress: Callable[[str], None] = lambda s: None
        ) -> list[Result]:
    waiting = harness.pending()
    make, stop = mailbox_factory(provider)
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="judgment-") as tmp:
            for n, folder in enumerate(folders):
                progress(folder.name)
                results.append(replay_one(harness.load(folder), make, Path(tmp) / str(n), folder.name in waiting))
    finally:
        stop()
    return results


# ------------------------------------------------------------------ the report


def figures(results: list[Result]) -> dict[str, dict[str, Any]]:
    """Per decision: cases, errors, tp/fp/fn, precision and recall (None when undefined)."""
    out = {}
    for name in DECISION_NAMES:
        cases = [c for r in results for c in r.cases if c.decision == name]
        tp, fp, fn = (sum(getattr(c, a) for c in cases) for a in ("tp", "fp", "fn"))
        out[name] = {"cases": len(cases), "errors": sum(not c.ok for c in cases), "tp": tp, "fp": fp, "fn": fn,
                     "precision": tp / (tp + fp) if tp + fp else None, "recall": tp / (tp + fn) if tp + fn else None}
    return out


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def _short(failure: str, limit: int = 300) -> str:
    text = " ".join(failure.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(results: list[Result], provider: str, command: str) -> str:
    figs = figures(results)
    failing = [r for r in results if r.failures]
    negatives = [c for r in results for c in r.cases if c.decision == "detection" and c.expected == 0]
    lines = [
        "# Judgment report", "",
        (f"Generated by `{command}` on {date.today().isoformat()}: {len(results)} scenarios of "
        f"`tests/scenarios/cases` ({sum(r.pending for r in results)} of them listed in "
        f"`tests/scenarios/pending.txt`) replayed through the CLI over {provider}. Regenerate it with "
        "`scripts/judgment` after a change to the judgment."), "",
        ("The truth is each scenario's own expectations: for every interview a scenario names, the last value it "
        "states for a field, compared with `status --json` after the run that states it (the only interview tracked "
        "stands for the only one a scenario names when its company was misread); the last "
        "`expect_interviews`; every draft in `expect_new`. A case counts as right (tp), as said but wrong (fp) "
        "and as missed (fn); a wrong single value is both an fp and an fn. "
        "Precision = tp / (tp + fp), what the agent says that is right; recall = tp / (tp + fn), what the "
        "scenarios expect that the agent gets."), "",
        "| decision | cases | errors | precision | recall | one case | precision is | recall is |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- | --- |",
    ]
    for name, what, prec, rec in DECISIONS:
        f = figs[name]
        lines.append(f"| {name} | {f['cases']} | {f['errors']} | {_pct(f['precision'])} | {_pct(f['recall'])} | "
                     f"{what} | {prec} | {rec} |")
    lines += ["", (f"Negatives (scenarios expecting no interview): {len(negatives)}, of which "
              f"{sum(not c.ok for c in negatives)} tracked an interview."), "",
              f"## Failing scenarios ({len(failing)} of {len(results)})", "",
              ("Every scenario whose replay fails any check of the harness, with its first failure. "
              "`pending` ones are listed in tests/scenarios/pending.txt; any other is a regression."), ""]
    lines += [f"- `{r.scenario}`{' (pending)' if r.pending else ' **REGRESSION**'}: "
              f"{_cell(_short(r.failures[0]))}" for r in failing] or ["None."]
    wrong = [c for r in results for c in r.cases if not c.ok]
    lines += ["", f"## Decision errors ({len(wrong)})", ""]
    if wrong:
        lines += ["| scenario | decision | which | expected | got |", "| --- | --- | --- | --- | --- |"]
        lines += [f"| `{c.scenario}` | {c.decision} | {_cell(c.key)} | {_cell(c.expected)} | {_cell(c.got)} |"
                  for c in sorted(wrong, key=lambda c: (c.scenario, DECISION_NAMES.index(c.decision)))]
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/judgment", description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, help="a deterministic sample of N scenarios (pending ones included)")
    parser.add_argument("--out", type=Path, default=DOC, help=f"where to write the report (default {DOC})")
    parser.add_argument("--provider", choices=("maildir", "imap", "gmail", "graph"), default="maildir")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    folders = sample(harness.discover(), args.cases, harness.pending())
    say = (lambda s: None) if args.quiet else (lambda s: print(f"  {s}", file=sys.stderr))
    results = run(folders, args.provider, say)
    command = "scripts/judgment" + (f" --cases {args.cases}" if args.cases else "") + \
        (f" --provider {args.provider}" if args.provider != "maildir" else "")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(results, args.provider, command), encoding="utf-8")
    figs = figures(results)
    print(f"{len(results)} scenarios, {sum(bool(r.failures) for r in results)} failing; wrote {args.out}")
    for name in DECISION_NAMES:
        f = figs[name]
        print(f"  {name:14} {f['cases']:5} cases {f['errors']:4} errors  precision {_pct(f['precision']):>6}  "
              f"recall {_pct(f['recall']):>6}")
    regressions = [r.scenario for r in results if r.failures and not r.pending]
    if regressions:
        print(f"regressions (failing, not pending): {', '.join(regressions)}", file=sys.stderr)
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
