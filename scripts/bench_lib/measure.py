"""Running one command and what it cost: wall time, CPU, peak RSS, bytes read; and the medians of several."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds
    rss_kb: int  # peak resident set size of the process (ru_maxrss)
    rchar: int  # bytes the process read through read() and friends (files, pipes, sockets)
    exit: int
    requests: int | None = None  # HTTP requests or IMAP commands the server saw, when it counts them
    detail: str = ""
    output: str = ""


TIME = "/usr/bin/time"  # GNU time: the peak RSS of the command itself, not of the forking parent


def run(cmd: list[str], *, env: dict[str, str] | None = None, timeout: float = 3600) -> Sample:
    """Run `cmd` to its end; read its /proc io counters before it is reaped, its rusage when it is.
    A child's ru_maxrss counts the memory of the (large) benchmark process it was forked from, so the peak
    RSS comes from GNU time when it is installed."""
    rss_file = None
    if os.path.exists(TIME):
        fd, rss_file = tempfile.mkstemp(prefix="bench-rss-")
        os.close(fd)
        cmd = [TIME, "-q", "-f", "%M", "-o", rss_file, *cmd]
    start = time.perf_counter()
    with open(os.devnull, "rb") as stdin:
        proc = subprocess.Popen(cmd, env=env, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    out = b""
    assert proc.stdout is not None
    out = proc.stdout.read()  # until the child closes it: at its exit
    rchar = 0
    while time.monotonic() < deadline:
        info = os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT | os.WNOHANG)
        if info is not None:
            break
        time.sleep(0.002)
    wall = time.perf_counter() - start
    try:  # an exited, not yet reaped process still has its counters
        for line in Path(f"/proc/{proc.pid}/io").read_text().splitlines():
            if line.startswith("rchar:"):
                rchar = int(line.split()[1])
    except OSError:
        pass
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    rss_kb = usage.ru_maxrss
    if rss_file is not None:
        try:
            rss_kb = int(Path(rss_file).read_text().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
        os.unlink(rss_file)
    return Sample(wall=wall, cpu=usage.ru_utime + usage.ru_stime, rss_kb=rss_kb, rchar=rchar,
                  exit=proc.returncode, output=out.decode("utf-8", "replace"))


@dataclass
class Row:
    provider: str
    size: int
    what: str
    samples: list[Sample] = field(default_factory=list)
    note: str = ""
    peer: Row | None = None  # the row this one is compared with
    baseline: Row | None = None  # `interview-agent --version` runs interleaved with this row's runs

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    def median_sample(self) -> Sample:
        m = self.wall
        return min(self.samples, key=lambda s: abs(s.wall - m))

    def cells(self) -> list[str]:
        if not self.samples:
            return [self.provider, f"{self.size:,}" if self.size else "-", self.what, "not measured", "", "", "",
                    "", self.note]
        s = self.median_sample()
        runs = f" (median of {len(self.samples)})" if len(self.samples) > 1 else ""
        ratios = []
        if self.baseline and self.baseline.samples:
            ratios.append(f"{self.wall / self.baseline.wall:.1f}x start-up")
        if self.peer and self.peer.samples:
            ratios.append(f"{self.wall / self.peer.wall:.1f}x {self.peer.what.split(',')[0]}")
        ratio = "; ".join(ratios)
        requests = "-" if s.requests is None else f"{s.requests:,}"
        if s.detail:
            requests += f" ({s.detail})"
        return [self.provider, f"{self.size:,}" if self.size else "-", self.what, f"{self.wall * 1000:,.0f} ms{runs}",
                f"{s.cpu * 1000:,.0f} ms", f"{s.rss_kb / 1024:,.0f} MB", requests, _bytes(s.rchar), ratio,
                self.note + (f" exit {s.exit}" if s.exit else "")]


def _bytes(n: int) -> str:
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= size:
            return f"{n / size:,.1f} {unit}"
    return f"{n} B"


HEADER = ["provider", "messages", "run", "wall", "CPU", "peak RSS", "requests / IMAP commands", "bytes read",
          "ratio", "note"]


def table(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    return "\n".join(lines)
