"""The IMAP provider on a big mailbox, next to mbsync on the same mailbox: wall time and IMAP commands.

    .venv/bin/python scripts/bench_imap.py            # 10,000 messages (about 4 minutes on 2 cores)
    .venv/bin/python scripts/bench_imap.py --quick    # 1,000 messages

Run from the repo root, as root (the throwaway Dovecot of tests/imap_server.py switches its mail processes
to `nobody`), with Dovecot (`apt-get install -y dovecot-imapd`) and mbsync (`apt-get install -y isync`).
It fills one Dovecot user's INBOX and Sent through imaplib (10% sent mail, 10% of the inbox newsletters,
one message in 500 an interview invitation, one a minute over the last days), then measures over
implicit TLS on 127.0.0.1:

- the provider's `sync` alone (in this process): the first sync, then a sync with nothing changed
  (a new provider each time: connect, login, sync, logout, as one run does);
- a whole `interview-agent run` (a subprocess, Python start-up included): the first run, then runs with
  nothing changed;
- `mbsync` pulling INBOX and Sent into a local Maildir: the first sync, then syncs with nothing changed.

IMAP commands are counted by Dovecot itself (it logs every command it finishes), so both clients are
counted the same way; the login (served by imap-login) is counted apart. It prints a Markdown table for
docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import imaplib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from providers.imap import open_provider
from tests.imap_server import DovecotServer, dovecot_version
from tests.mailboxes_imap import ImapMailbox
from tests.providers.contract import RECRUITER, USER, invitation, mail

REPO = Path(__file__).resolve().parent.parent

MBSYNC_MISSING = ("mbsync is not installed; it is the reference this benchmark compares with. Install it with "
                  "`apt-get install -y isync` (Debian/Ubuntu; Fedora: `dnf install isync`, macOS: "
                  "`brew install isync`), or run with --no-mbsync")
CLI = REPO / ".venv" / "bin" / "interview-agent"


@dataclass
class Sample:
    seconds: float
    commands: Counter[str] = field(default_factory=Counter)  # after login, as Dovecot logged them
    logins: int = 0
    bytes_in: int = 0  # what the client sent, as Dovecot counted it
    bytes_out: int = 0  # what the server sent
    note: str = ""


def fill(box: ImapMailbox, total: int, end: datetime, invite_every: int = 500) -> int:
    """`total` messages one minute apart up to `end`, one in `invite_every` an interview invitation;
    returns their size in bytes."""
    size = 0
    with box.connection() as imap:
        for i in range(total):
            when = end - timedelta(minutes=total - i)
            stamp = imaplib.Time2Internaldate(when.timestamp())
            if i % 10 == 9:  # the user's own sent mail
                raw = mail(f"Re: thread {i}", message_id=f"<s{i}@example.net>", date=when, sender=USER,
                           to=RECRUITER)
                box._ok(imap.append('"Sent"', "(\\Seen)", stamp, raw))
                size += len(raw)
                continue
            if i % invite_every == 7:
                raw = invitation(uid=f"bench-{i}@acme.example", start=end + timedelta(days=2 + i % 7),
                                 message_id=f"<i{i}@acme.example>", date=when)
            else:
                raw = mail(f"Message {i}", message_id=f"<m{i}@acme.example>", date=when,
                           body="Hello,\n\n" + "Some text about the role. " * 40 + "\n")
                if i % 10 == 3:  # a newsletter: read by its headers only
                    raw = b"List-Unsubscribe: <mailto:u@news.example>\r\n" + raw
            box._ok(imap.append('"INBOX"', None, stamp, raw))
            size += len(raw)
    return size


class Meter:
    """Times one client action and reads what Dovecot logged for the user's sessions meanwhile."""

    def __init__(self, server: DovecotServer, user: str):
        self.server, self.user = server, user

    def measure(self, action: Callable[[], str | None]) -> Sample:
        offset = len(self.server.log())
        start = time.perf_counter()
        note = action() or ""
        sample = Sample(time.perf_counter() - start, note=note)
        deadline = time.monotonic() + 10  # the log process writes a moment after the logout
        while True:
            text = self.server.log()[offset:]
            logins = len(re.findall(rf"Login: user=<{self.user}>", text))
            ended = re.findall(rf"imap\({self.user}\).*Disconnected:.* in=(\d+) out=(\d+)", text)
            if len(ended) >= logins or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        sample.logins = logins
        sample.bytes_in = sum(int(a) for a, _b in ended)
        sample.bytes_out = sum(int(b) for _a, b in ended)
        for match in re.finditer(rf"imap\({self.user}\).*Command finished: (\S+)(?: (\S+))?", text):
            name = match.group(1).upper()
            if name == "UID" and match.group(2):
                name = f"UID {match.group(2).upper()}"
            sample.commands[name] += 1
        return sample


def provider_sync(account: dict, config_dir: str, state: dict, since: datetime) -> Callable[[], str]:
    def action() -> str:
        provider = open_provider(account, config_dir=config_dir, state_dir=config_dir)
        try:
            batch = provider.sync(state.get("cursor"), since)
        finally:
            provider.close()
        state["cursor"] = batch.cursor
        return (f"{len(batch.messages)} messages, {batch.stats['bodies_fetched']} bodies, "
                f"{batch.stats['header_only']} header-only")
    return action


def agent_run(config: Path, env: dict[str, str]) -> Callable[[], str]:
    def action() -> str:
        done = subprocess.run([str(CLI), "--config", str(config), "run"], capture_output=True, text=True,
                              env=env, timeout=3600, check=False)
        if done.returncode != 0:
            return f"exit {done.returncode}: {(done.stderr or done.stdout).strip().splitlines()[-1:]}"
        return "exit 0"
    return action


def mbsync(config: Path) -> Callable[[], str]:
    def action() -> str:
        done = subprocess.run(["mbsync", "-c", str(config), "-q", "bench"], capture_output=True, text=True,
                              timeout=3600, check=False)
        if done.returncode != 0:
            raise SystemExit(f"mbsync failed ({done.returncode}): {done.stderr.strip()}")
        return ""
    return action


def write_agent_config(path: Path, account: dict, state_dir: Path) -> None:
    lines = ["[user]", 'name = "Jordan Lee"', f'email = "{USER}"', 'timezone = "America/New_York"', "",
             "[agent]", f'state_dir = "{state_dir}"', "lookback_days = 60", "", "[account]"]
    for key, value in account.items():
        lines.append(f"{key} = {value}" if isinstance(value, int) else f'{key} = "{value}"')
    path.write_text("\n".join(lines) + "\n")
    path.chmod(0o600)


def write_mbsync_config(path: Path, server: DovecotServer, box: ImapMailbox, maildir: Path) -> None:
    maildir.mkdir(parents=True, exist_ok=True)
    path.write_text(f"""IMAPAccount bench
Host localhost
Port {server.tls_port}
User {box.user}
PassCmd "cat {box.secret_path}"
SSLType IMAPS
CertificateFile {server.cert_file}

IMAPStore bench-far
Account bench

MaildirStore bench-near
Path {maildir}/
Inbox {maildir}/INBOX
SubFolders Verbatim

Channel bench
Far :bench-far:
Near :bench-near:
Patterns INBOX Sent
Create Near
Sync Pull
Expunge None
SyncState *
""")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mbsync_version = ""
    if shutil.which("mbsync"):
        mbsync_version = subprocess.run(["mbsync", "--version"], capture_output=True, text=True,
                                        check=False).stdout.strip()
    return (f"{os.cpu_count()} CPUs (nproc), {cpu}; Linux {platform.release()}; Python "
            f"{platform.python_version()}; Dovecot {dovecot_version()}; {mbsync_version or 'no mbsync'}")


def row(label: str, samples: list[Sample]) -> str:
    median = statistics.median(s.seconds for s in samples)
    one = min(samples, key=lambda s: abs(s.seconds - median))  # the run whose time is the median
    commands = ", ".join(f"{n} {k}" for k, n in sorted(one.commands.items(), key=lambda kv: (-kv[1], kv[0])))
    runs = f"median of {len(samples)}" if len(samples) > 1 else "1 run"
    fetches = sum(n for k, n in one.commands.items() if k.endswith("FETCH"))
    return (f"| {label} | {median * 1000:,.0f} ms ({runs}) | {sum(one.commands.values())} + {one.logins} login: "
            f"{commands or 'none'} | {fetches} | {one.bytes_in:,} / {one.bytes_out:,} | {one.note} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 messages instead of 10,000")
    parser.add_argument("--messages", type=int, help="how many messages (overrides --quick)")
    parser.add_argument("--runs", type=int, default=5, help="no-change runs per client (default 5)")
    parser.add_argument("--invite-every", type=int, default=500,
                        help="one message in this many is an interview invitation (default 500: 20 interviews "
                             "in 10,000 messages)")
    parser.add_argument("--no-mbsync", action="store_true", help="leave out the mbsync reference")
    args = parser.parse_args()
    total = args.messages or (1000 if args.quick else 10_000)
    if not args.no_mbsync and shutil.which("mbsync") is None:
        raise SystemExit(MBSYNC_MISSING)
    if not CLI.exists():
        raise SystemExit(f"{CLI} is missing: install the project into .venv first (pip install -e .)")

    server = DovecotServer(log_commands=True).start()
    work = Path(tempfile.mkdtemp(prefix="bench-imap-"))
    try:
        box = ImapMailbox(server, work / "secrets")
        end = datetime.now(UTC).replace(microsecond=0)
        started = time.perf_counter()
        size = fill(box, total, end, args.invite_every)
        print(f"filled {total:,} messages ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)
        account = {**box.account(), "port": server.tls_port, "security": "tls"}
        os.environ["SSL_CERT_FILE"] = str(server.cert_file)  # trust the throwaway CA, as a system CA
        meter = Meter(server, box.user)
        since = end - timedelta(days=60)
        rows = []

        state: dict = {}
        first = meter.measure(provider_sync(account, str(work), state, since))
        again = [meter.measure(provider_sync(account, str(work), dict(state), since)) for _ in range(args.runs)]
        rows += [row("provider sync, first", [first]), row("provider sync, nothing changed", again)]

        config = work / "config.toml"
        write_agent_config(config, account, work / "state")
        env = {**os.environ, "SSL_CERT_FILE": str(server.cert_file)}
        first_run = meter.measure(agent_run(config, env))
        runs = [meter.measure(agent_run(config, env)) for _ in range(args.runs)]
        rows += [row("`interview-agent run`, first", [first_run]),
                 row("`interview-agent run`, nothing changed", runs)]

        ratios = []
        if not args.no_mbsync:
            mbsync_config = work / "mbsyncrc"
            write_mbsync_config(mbsync_config, server, box, work / "maildir")
            mb_first = meter.measure(mbsync(mbsync_config))
            mb_again = [meter.measure(mbsync(mbsync_config)) for _ in range(args.runs)]
            rows += [row("mbsync, first", [mb_first]), row("mbsync, nothing changed", mb_again)]
            reference = statistics.median(s.seconds for s in mb_again)
            for label, samples in (("provider sync", again), ("whole run", runs)):
                ratios.append(f"{label} / mbsync, nothing changed: "
                              f"{statistics.median(s.seconds for s in samples) / reference:.2f}")

        invitations = sum(1 for i in range(total) if i % 10 != 9 and i % args.invite_every == 7)
        print(f"\n{total:,} messages ({total // 10:,} in Sent, {invitations} invitations, {size / 1e6:.1f} MB), "
              f"IMAPS on 127.0.0.1; "
              f"{machine()}\n")
        print("| what | wall time | IMAP commands (Dovecot's count) | FETCH | bytes in / out | result |")
        print("|---|---|---|---|---|---|")
        print("\n".join(rows))
        if ratios:
            print("\n" + "; ".join(ratios))
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
