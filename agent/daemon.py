"""`interview-agent daemon`: a run now, then one every interval, until SIGTERM or SIGINT.

For people who prefer a long-running process to cron (containers, tmux). The schedule lives in a
`schedule.Scheduler`; the loop sleeps in slices of at most `SLICE` seconds and looks at the stop flag
between them and between runs, so a signal stops it within a slice when it is idle, and after the
current run (each step of which is its own transaction) when it is busy. Nothing else happens in a
signal handler: it only sets the flag.

Each cycle (`daemon_cycle`) reads the config again, takes the run lock and runs every account; a cycle
that fails is logged and the loop goes on.

The sleep is injected, and `schedule` reads the wall clock through its module's `datetime`, so tests
drive whole days of cycles in milliseconds with a fake clock.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import FrameType

import schedule

from agent import config as config_mod
from agent import lock
from agent.core.errors import AgentError, ConfigError

SLICE = 0.5  # seconds: the longest the loop sleeps before looking at the stop flag again

log = logging.getLogger(__name__)
run_log = logging.getLogger("agent")  # a cycle's messages keep the name they have always had in the log


def serve(cycle: Callable[[], object], every_seconds: int, *, stop: threading.Event,
          sleep: Callable[[float], object] = time.sleep, scheduler: schedule.Scheduler | None = None,
          max_cycles: int = 0) -> int:
    """Run `cycle` now and then every `every_seconds` until `stop` is set (or `max_cycles` runs, when not
    0). `cycle` must not raise for a failed run (it logs); an exception it lets through ends the loop.
    Returns the number of cycles run."""
    scheduler = scheduler or schedule.Scheduler()
    count = 0

    def job() -> None:
        nonlocal count
        count += 1
        cycle()
        if max_cycles and count >= max_cycles:
            stop.set()

    scheduler.every(every_seconds).seconds.do(job)
    if not stop.is_set():
        scheduler.run_all()  # the first run at once, and the next one an interval later
    while not stop.is_set():
        scheduler.run_pending()
        if stop.is_set():
            break
        idle = scheduler.idle_seconds
        sleep(min(SLICE, max(0.0, idle if idle is not None else SLICE)))
    scheduler.clear()
    return count


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM and SIGINT set `stop` for the duration of the block (then the old handlers come back)."""

    def handler(signum: int, _frame: FrameType | None) -> None:
        if not stop.is_set():
            log.info("%s received: stopping after the current step", signal.Signals(signum).name)
        stop.set()

    old = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, previous in old.items():
            signal.signal(sig, previous)


def daemon_cycle(config_path: Path, *, stop: threading.Event | None = None,
                 clock: Callable[[], datetime] | None = None) -> Callable[[], None]:
    """One daemon run: the config read again, the lock taken, every account run, failures logged.
    Never raises an AgentError (the loop goes on); `clock()` gives the run's instant (default: now)."""
    from agent import usecases, views

    def cycle() -> None:
        try:
            cfg = config_mod.load(config_path)
        except ConfigError as exc:
            run_log.error("this run is skipped: %s", exc)
            return
        now = clock() if clock else datetime.now(cfg.identity.tz)
        try:
            with lock.hold(cfg.settings.state_dir, "daemon"):
                outcome = usecases.run(cfg, now, dry_run=False, force=False,
                                       stopping=(stop.is_set if stop is not None else lambda: False))
                views.report_run(outcome, dry_run=False, echo_summary=True)
        except lock.Locked as exc:
            run_log.info("this run is skipped: %s", exc)
        except AgentError as exc:
            run_log.error("the run failed: %s", exc)
        except Exception:  # the daemon outlives one bad run; the traceback goes to the log
            run_log.exception("the run failed unexpectedly")

    return cycle
