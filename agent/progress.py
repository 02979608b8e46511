"""The progress bar a first run shows on a terminal while it reads the mailbox: the shell's end of the
providers' `progress(done, total)` callback (providers/base.py). rich is imported only when a bar is shown,
so that runs from cron, with nothing to draw on, never load it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def reading_bar(*, first_run: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A callback that draws a transient bar on stderr, for a first run on a terminal; else None (the
    provider then reports nothing)."""
    if not first_run or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("reading mail"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("sync", total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)
