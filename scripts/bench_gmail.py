"""Requests, Gmail quota units and wall time of a first run and of a no-change run over the Gmail fake.

Run from the repo root:  .venv/bin/python scripts/bench_gmail.py [N]      (default N = 10,000 messages)

It writes an N-message Maildir++ tree (10% the user's sent mail, 30% newsletters with List-Id, 2% interview
invitations, the rest person-to-person mail of about 1.5 KB), serves it with tests/fakes/gmail.py on
127.0.0.1, and syncs with the gmail provider: a first run over a 60-day look-back, then a run with no
change. Calls and units are counted by the fake (what Google would see) and by the provider (what it
logs); they must agree. Pacing is lifted (quota_units_per_minute very high) so that wall time measures
the work; the time the same first run takes under Google's 15,000 units/minute per user is printed too.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from providers.gmail import open_provider
from tests.fakes.gmail import FakeGoogle
from tests.providers.contract import RECRUITER, USER, invitation, mail, now

GOOGLE_UNITS_PER_MINUTE = 15_000


def fill(root: Path, total: int) -> None:
    t = now()
    for folder in ("", ".Sent", ".Drafts"):
        for sub in ("cur", "new", "tmp"):
            (root / folder / sub).mkdir(parents=True, exist_ok=True)
    body = "Hello,\n\n" + "Some text about the role and the team. " * 30 + "\n\nAna\n"
    for i in range(total):
        when = t - timedelta(minutes=5 * (total - i))
        folder, name = "", f"new/{int(when.timestamp())}.M{i}P1.bench"
        if i % 10 == 9:
            raw = mail(f"Re: thread {i}", message_id=f"<s{i}@example.net>", date=when, sender=USER, to=RECRUITER)
            folder, name = ".Sent", f"cur/{int(when.timestamp())}.M{i}P1.bench:2,S"
        elif i % 50 == 7:
            raw = invitation(uid=f"bench-{i}@acme.example", start=t + timedelta(days=2),
                             message_id=f"<i{i}@acme.example>", date=when)
        elif i % 10 in (1, 3, 5):
            raw = b"List-Id: <weekly.news.example>\r\nPrecedence: bulk\r\n" + mail(
                f"Newsletter {i}", message_id=f"<n{i}@news.example>", date=when, sender="news@news.example",
                body=body)
        else:
            raw = mail(f"Message {i}", message_id=f"<m{i}@acme.example>", date=when, body=body)
        path = root / folder / name
        path.write_bytes(raw)
        os.utime(path, (when.timestamp(), when.timestamp()))


def _measure(fake: FakeGoogle, provider: Any, cursor: Any, since: Any) -> tuple[Any, dict[str, Any]]:
    fake.reset_log()
    start = time.perf_counter()
    batch = provider.sync(cursor, since)
    wall = time.perf_counter() - start
    calls = Counter(r.method_id for r in fake.api_calls())
    return batch, {"messages": len(batch.messages), "events": len(batch.events), "calls": dict(calls),
                   "http_requests": len(fake.requests) - sum(1 for r in fake.requests if r.in_batch),
                   "quota_units": sum(fake.units.values()), "provider_quota_units": batch.stats.get("quota_units", 0),
                   "wall_s": round(wall, 2)}


def run_bench(total: int, workdir: Path) -> dict[str, Any]:
    """Fill, serve, run twice; return the figures of both runs."""
    root = workdir / "Mail"
    fill(root, total)
    started = time.perf_counter()
    fake = FakeGoogle(root, user=USER).start()
    scan = time.perf_counter() - started
    try:
        account = {**fake.account(workdir / "secrets" / "gmail-token.json"), "_tz": "America/New_York",
                   "quota_units_per_minute": 10_000_000}
        since = now() - timedelta(days=60)
        provider = open_provider(account, config_dir=str(workdir), state_dir=str(workdir / "state"))
        try:
            first_batch, first = _measure(fake, provider, None, since)
            cursor = json.loads(json.dumps(first_batch.cursor))
        finally:
            provider.close()
        provider = open_provider(account, config_dir=str(workdir), state_dir=str(workdir / "state"))
        try:
            _, again = _measure(fake, provider, cursor, since)
        finally:
            provider.close()
        assert not fake.violations, fake.violations
    finally:
        fake.stop()
    first["minutes_at_google_quota"] = round(first["quota_units"] / GOOGLE_UNITS_PER_MINUTE, 1)
    return {"messages": total, "fake_scan_s": round(scan, 2), "first": first, "no_change": again}


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    workdir = Path(tempfile.mkdtemp(prefix="bench-gmail-"))
    try:
        result = run_bench(total, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
