"""The first run's progress bar (agent/progress.py): drawn only on a terminal, and rich loaded only then."""

from __future__ import annotations

import subprocess
import sys

from agent import progress

_OFF_A_TERMINAL = """
import sys
from agent import progress
with progress.reading_bar(first_run=True) as report:
    assert report is None
assert not [m for m in sys.modules if m == "rich" or m.startswith("rich.")], "rich was imported"
"""


def test_no_bar_and_no_rich_when_stderr_is_not_a_terminal():
    done = subprocess.run([sys.executable, "-c", _OFF_A_TERMINAL], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_no_bar_after_the_first_run_even_on_a_terminal(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with progress.reading_bar(first_run=False) as report:
        assert report is None


def test_a_first_run_on_a_terminal_gets_a_callback(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with progress.reading_bar(first_run=True) as report:
        assert report is not None
        report(1, 3)
        report(3, 3)
