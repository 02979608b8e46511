"""Reliability tests: crashes, provider faults, never-send, hostile input, secrets, state integrity.

`INTERVIEW_AGENT_LONG=1` turns on the long runs (every scenario under every kill point, fuzzing at
volume); without it a bounded representative run is made (what CI runs). The figures each test counts
are written at the end of the session to INTERVIEW_AGENT_RELIABILITY_REPORT when it is set
(scripts/reliability_report.py does that and renders docs/RELIABILITY.md).
"""

from __future__ import annotations

import time

import pytest

from tests.reliability import figures


@pytest.fixture(scope="session", autouse=True)
def reliability_figures():
    started = time.perf_counter()
    yield figures
    figures.put("session", "seconds", round(time.perf_counter() - started, 1))
    figures.write()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Pass/fail counts for the report (scripts/reliability_report.py says plainly when something failed)."""
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        if report.failed:
            figures.FIGURES["session"].setdefault("failed", []).append(report.nodeid)
        elif report.passed and report.when == "call":
            figures.add("session", "xfailed" if hasattr(report, "wasxfail") else "passed")
        elif report.skipped and hasattr(report, "wasxfail"):
            figures.add("session", "xfailed")
