"""The judgment report (tests/scenarios/judgment.py, `scripts/judgment`) in its bounded form: a sample of the
corpus, pending scenarios included, replayed into a temporary report whose structure and figures are checked
against tests/scenarios/pending.txt."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from tests.scenarios import harness, judgment

SAMPLE = 15


def _table(text: str) -> dict[str, list[str]]:
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and cells[0] in judgment.DECISION_NAMES:
            rows[cells[0]] = cells
    return rows


def test_bounded_report_matches_pending_list(tmp_path: Path, capsys) -> None:
    out = tmp_path / "JUDGMENT.md"
    waiting = harness.pending()
    picked = judgment.sample(harness.discover(), SAMPLE, waiting)
    assert len(picked) == SAMPLE
    assert any(f.name not in waiting for f in picked)
    assert any(f.name in waiting for f in picked) or not waiting  # the sample holds pending ones while any are left

    assert judgment.main(["--cases", str(SAMPLE), "--out", str(out), "-q"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "`scripts/judgment --cases 15`" in text
    assert f"{SAMPLE} scenarios of `tests/scenarios/cases`" in text

    rows = _table(text)
    assert list(rows) == judgment.DECISION_NAMES
    for name, cells in rows.items():
        cases, errors = int(cells[1]), int(cells[2])
        assert 0 <= errors <= cases, name
        for pct in cells[3:5]:
            assert pct == "n/a" or 0 <= float(pct.rstrip("%")) <= 100, (name, pct)
    assert int(rows["detection"][1]) >= sum(1 for f in picked if "expect_interviews" in (f / "scenario.toml").read_text())

    failing = re.findall(r"^- `([^`]+)` \((pending)\)|^- `([^`]+)` \*\*REGRESSION\*\*", text, re.MULTILINE)
    assert not [m[2] for m in failing if m[2]], "a scenario not in pending.txt fails"
    assert {m[0] for m in failing} == {f.name for f in picked if f.name in waiting}
    assert f"## Failing scenarios ({len(failing)} of {SAMPLE})" in text

    errors = re.findall(r"^\| `([^`]+)` \| ([a-z ]+) \|", text, re.MULTILINE)
    assert {scenario for scenario, _ in errors} <= waiting, "a decision error outside pending.txt"
    assert len(errors) == sum(int(cells[2]) for cells in rows.values())


def _recording(statuses: dict[int, dict], new: dict[int, list]) -> SimpleNamespace:
    return SimpleNamespace(statuses=statuses, new=new)


def test_figures_count_each_kind_of_error() -> None:
    scenario = harness.load(next(f for f in harness.discover() if f.name.startswith("01_")))
    want = judgment.truth(scenario)
    assert want.interviews == (1, 1)  # the first run states one interview
    assert want.fields[("interviewers", "Acme Robotics")] == (2, ["ana.souza@acme-robotics.com",
                                                                  "ben.okafor@acme-robotics.com"])
    assert want.fields[("decision date", "Acme Robotics")] == (3, "2026-11-19")
    iv = {"company": "Acme Robotics", "role": "Backend", "state": "thanked", "decision_date": "2026-11-20",
          "contact": {"email": "ana.souza@acme-robotics.com"},
          "interviewers": [{"email": "ana.souza@acme-robotics.com"}, {"email": "rita@acme-robotics.com"}]}
    extra = {"company": "Newsletter Co", "interviewers": []}
    status = {"interviews": [iv]}
    rec = _recording({1: {"interviews": [iv, extra]}, 2: status, 3: status, 4: status, 5: status, 6: status},
                     {2: [("thank_you", ("ana.souza@acme-robotics.com",))], 5: []})
    figs = judgment.figures([judgment.Result("01", False, [], judgment.judge("01", want, rec))])
    assert figs["detection"] == {"cases": 1, "errors": 1, "tp": 1, "fp": 1, "fn": 0, "precision": 0.5, "recall": 1.0}
    assert (figs["interviewers"]["tp"], figs["interviewers"]["fp"], figs["interviewers"]["fn"]) == (1, 1, 1)
    assert figs["contact"]["errors"] == 0 and figs["company"]["errors"] == 0
    assert figs["role"] == {"cases": 1, "errors": 1, "tp": 0, "fp": 1, "fn": 1, "precision": 0.0, "recall": 0.0}
    assert figs["decision date"]["errors"] == 1
    # the stated "upcoming" and the follow-up expected at step 6 (found by its contact): not heard back, right
    assert figs["hearing back"]["errors"] == 0 and figs["hearing back"]["cases"] == 2
    # expected: two thank-yous at step 3, a follow-up at step 6; made: one thank-you
    assert (figs["drafts"]["tp"], figs["drafts"]["fp"], figs["drafts"]["fn"]) == (1, 0, 2)
