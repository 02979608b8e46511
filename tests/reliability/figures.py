"""The reliability figures (kill points tried, faults injected, inputs fuzzed, ...) the tests count.

Each test adds to `FIGURES` with `add(section, name, n)`; at the end of the session (tests/reliability/
conftest.py) they are written as JSON to the path in INTERVIEW_AGENT_RELIABILITY_REPORT, when it is set.
scripts/reliability_report.py renders docs/RELIABILITY.md from that file.
"""

from __future__ import annotations

import json
import os
import threading
from collections import defaultdict
from pathlib import Path
from typing import Any

REPORT_ENV = "INTERVIEW_AGENT_RELIABILITY_REPORT"
LONG_ENV = "INTERVIEW_AGENT_LONG"

FIGURES: dict[str, dict[str, Any]] = defaultdict(dict)
_lock = threading.Lock()


def long_run() -> bool:
    """INTERVIEW_AGENT_LONG=1: every scenario in the crash test, long fuzzing runs."""
    return os.environ.get(LONG_ENV, "").strip() not in ("", "0", "false", "no")


def add(section: str, name: str, n: float = 1) -> None:
    with _lock:
        FIGURES[section][name] = FIGURES[section].get(name, 0) + n


def put(section: str, name: str, value: Any) -> None:
    with _lock:
        FIGURES[section][name] = value


def write() -> Path | None:
    target = os.environ.get(REPORT_ENV)
    if not target:
        return None
    path = Path(target)
    with _lock:
        data = {"long": long_run(), "figures": {k: dict(v) for k, v in sorted(FIGURES.items())}}
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path
