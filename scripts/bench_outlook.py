#!/usr/bin/env python3
"""Requests and wall time of the Outlook provider's first run and of a no-change run, over a mailbox of
N messages (default 10,000: 9,000 received, 1,000 sent, 50 invitations among them) served by the loopback
Graph test server. All mail lies inside the 60-day look-back, the worst case for a first run.

    .venv/bin/python scripts/bench_outlook.py [--messages 10000]

Prints one line per run; the figures go to docs/PERFORMANCE.md (outlook section).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from providers.outlook import open_provider
from tests.fakes.graph import GraphFake
from tests.providers.contract import invitation, mail


def build(root: Path, count: int) -> None:
    for folder in (root, root / ".Sent", root / ".Drafts"):
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC).replace(microsecond=0)
    for i in range(count):
        when = now - timedelta(minutes=7 * (count - i))  # ~49 days for 10,000
        sent = i % 10 == 9
        if i % 200 == 0:
            raw = invitation(uid=f"bench-{i}@acme-robotics.example", start=now + timedelta(days=3 + i % 20),
                             message_id=f"<inv-{i}@acme-robotics.example>", date=when)
        elif sent:
            raw = mail(f"Re: thread {i // 10}", message_id=f"<s-{i}@example.net>", date=when,
                       sender="jordan.lee@example.net", to="ana.ruiz@acme-robotics.example")
        else:
            raw = mail(f"Newsletter {i}", message_id=f"<m-{i}@news.example>", date=when,
                       body="Hello,\n\n" + "Some words about jobs and interviews. " * 20 + "\n")
        folder = root / ".Sent" / "cur" if sent else root / "cur"
        name = f"{int(when.timestamp())}.M{i}P1.bench" + (":2,S" if sent else ":2,")
        path = folder / name
        path.write_bytes(raw)
        os.utime(path, (when.timestamp(), when.timestamp()))


def run(label: str, fake: GraphFake, account: dict, cursor: dict | None, since: datetime) -> dict:
    start = len(fake.graph_requests())
    t0 = time.perf_counter()
    provider = open_provider({**account, "_tz": "UTC"}, config_dir=str(fake.workdir), state_dir=str(fake.workdir))
    try:
        batch = provider.sync(cursor, since)
    finally:
        provider.close()
    elapsed = time.perf_counter() - t0
    kinds = Counter()
    for _m, path in fake.graph_requests()[start:]:
        p = urlsplit(path).path
        kinds["$batch" if p.endswith("$batch") else "calendar delta" if "calendarView" in p
              else "mail delta" if p.endswith("/delta") else p.rsplit("/", 1)[-1]] += 1
    print(f"{label}: {len(fake.graph_requests()) - start} HTTP requests ({dict(kinds)}), "
          f"{len(batch.messages)} messages, {len(batch.events)} events, {elapsed:.2f} s")
    return batch.cursor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-outlook-") as tmp:
        root = Path(tmp) / "mail"
        t0 = time.perf_counter()
        build(root, args.messages)
        print(f"built {args.messages} messages in {time.perf_counter() - t0:.1f} s")
        fake = GraphFake(root, user="jordan.lee@example.net").start()
        try:
            account = fake.account()
            since = datetime.now(UTC) - timedelta(days=60)
            cursor = run("first run", fake, account, None, since)
            run("no-change run", fake, account, cursor, since)
            assert not fake.violations, fake.violations
            print(f"max requests in flight: {fake.max_in_flight}")
        finally:
            fake.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
