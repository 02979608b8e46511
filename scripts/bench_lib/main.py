"""scripts/bench: the agent's first run and its no-change runs over generated mailboxes of 1k, 10k and 100k
messages, on Maildir, IMAP (a throwaway Dovecot), Outlook (the Graph test server) and Gmail (the Gmail test
server), next to the peers on the same data: `notmuch new` on the Maildir, `mbsync` on the Dovecot mailbox.
Writes a table to docs/PERFORMANCE.md (between <!-- bench:start --> and <!-- bench:end -->).

Every measured command is a separate process: wall time, CPU (user + system), peak RSS, bytes read (rchar:
files, pipes and sockets) come from the kernel; requests from the test servers' own logs (Dovecot logs each
IMAP command it finishes). No-change figures are the median of --runs runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from bench_lib.mailbox import USER, generate  # noqa: E402
from bench_lib.measure import Row, run, table  # noqa: E402

CLI = REPO / ".venv" / "bin" / "interview-agent"
DOC = REPO / "docs" / "PERFORMANCE.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
PROVIDERS = ("maildir", "imap", "outlook", "gmail")


def say(text: str) -> None:
    print(f"bench: {text}", file=sys.stderr, flush=True)


# -- the agent -------------------------------------------------------------------------------------
def write_config(path: Path, account: dict, state_dir: Path, lookback: int) -> Path:
    lines = ["[user]", 'name = "Jordan Lee"', f'email = "{USER}"', 'timezone = "America/New_York"', "",
             "[agent]", f'state_dir = "{state_dir}"', f"lookback_days = {lookback}", "max_drafts_per_run = 1000",
             "", "[account]"]
    for key, value in account.items():
        lines.append(f"{key} = {json.dumps(value)}")
    path.write_text("\n".join(lines) + "\n")
    path.chmod(0o600)
    return path


AGENT = [str(CLI)]  # --agent-src replaces it with the same Python running another source tree


def agent(config: Path, env: dict[str, str] | None = None) -> list[str]:
    return [*AGENT, "--config", str(config), "run"]


def agent_rows(provider: str, size: int, config: Path, runs: int, counter, env=None) -> tuple[Row, Row]:
    """The first run and `runs` no-change runs; `counter()` gives (requests, detail) since its last call."""
    first = Row(provider, size, "agent, first run")
    again = Row(provider, size, "agent, nothing changed")
    counter()
    say(f"{provider} {size:,}: agent first run")
    s = run(agent(config), env=env)
    s.requests, s.detail = counter()
    first.samples.append(s)
    again.baseline = Row(provider, size, "start-up")
    for _ in range(runs):  # each next to a start-up, so that both see the same machine load
        again.baseline.samples.append(run([str(CLI), "--version"]))
        s = run(agent(config), env=env)
        s.requests, s.detail = counter()
        again.samples.append(s)
    return first, again


def no_counter() -> tuple[int | None, str]:
    return None, ""


# -- Maildir and notmuch ---------------------------------------------------------------------------
def copy_tree(tree: Path, dest: Path) -> None:
    """A hard-linked copy of the generated tree, its folders dated a minute back: a mailbox nothing wrote to
    in the last seconds (the Maildir provider does not trust a directory modified within 2 s)."""
    subprocess.run(["cp", "-al", str(tree), str(dest)], check=True)
    past = time.time() - 60
    for directory in [dest, *(p for p in dest.rglob("*") if p.is_dir())]:
        os.utime(directory, (past, past))


def maildir_stats(root: Path, cursor: dict | None, lookback: int) -> str:
    """The provider's own counters for one sync (in this process): what it listed and read."""
    from datetime import timedelta

    from providers.maildir import open_provider

    provider = open_provider({"path": str(root), "_tz": "UTC"}, config_dir=str(root), state_dir=str(root))
    batch = provider.sync(cursor, datetime.now(UTC) - timedelta(days=lookback))
    st = batch.stats
    return (f"dirs listed {st['dirs_listed']}, files read {st['files_read']}, headers read "
            f"{st.get('headers_read', 0)}")


def bench_maildir(tree: Path, work: Path, size: int, lookback: int, runs: int, peers: bool) -> list[Row]:
    root = work / "maildir"
    copy_tree(tree, root)
    config = write_config(work / "maildir.toml", {"provider": "maildir", "path": str(root)}, work / "state-maildir",
                          lookback)
    first, again = agent_rows("maildir", size, config, runs, no_counter)
    from agent.state import State  # the cursor the agent stored, for the provider's own counters

    with State.open(work / "state-maildir") as state:
        cursor = state.cursor("account")
    again.note = maildir_stats(root, cursor, lookback)
    rows = [first, again]
    if peers:
        if shutil.which("notmuch") is None:
            rows.append(Row("maildir", size, "notmuch new", note="not measured: notmuch is not installed "
                            "(apt-get install -y notmuch)"))
        else:
            nm_config = work / "notmuch-config"
            nm_config.write_text(f"[database]\npath={work / 'notmuch-db'}\nmail_root={root}\n[new]\ntags=new\n"
                                 f"[user]\nname=Jordan Lee\nprimary_email={USER}\n[maildir]\nsynchronize_flags=false\n")
            (work / "notmuch-db").mkdir()
            env = {**os.environ, "NOTMUCH_CONFIG": str(nm_config)}
            nm_first = Row("maildir", size, "notmuch new, first")
            say(f"maildir {size:,}: notmuch new, first (indexes every message)")
            nm_first.samples.append(run(["notmuch", "new", "--quiet"], env=env))
            nm_again = Row("maildir", size, "notmuch new, nothing changed")
            nm_again.samples += [run(["notmuch", "new", "--quiet"], env=env) for _ in range(runs)]
            again.peer = nm_again
            rows += [nm_first, nm_again]
    return rows


# -- IMAP and mbsync -------------------------------------------------------------------------------
class DovecotCounter:
    """IMAP commands Dovecot logged for one user since the last call (and logins)."""

    def __init__(self, server, user: str):
        self.server, self.user = server, user
        self.offset = len(server.log())

    def __call__(self) -> tuple[int, str]:
        deadline = time.monotonic() + 10  # Dovecot's log process writes a moment after the logout
        while True:
            text = self.server.log()[self.offset:]
            logins = len(re.findall(rf"Login: user=<{self.user}>", text))
            ended = len(re.findall(rf"imap\({self.user}\).*Disconnected", text))
            if ended >= logins or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        self.offset += len(text)
        commands: Counter[str] = Counter()
        for m in re.finditer(rf"imap\({self.user}\).*Command finished: (\S+)(?: (\S+))?", text):
            name = m.group(1).upper()
            if name == "UID" and m.group(2):
                name = f"UID {m.group(2).upper()}"
            commands[name] += 1
        detail = ", ".join(f"{n} {k}" for k, n in sorted(commands.items(), key=lambda kv: (-kv[1], kv[0])))
        return sum(commands.values()), f"{logins} login; {detail}" if detail else f"{logins} login"


def bench_imap(tree: Path, work: Path, size: int, lookback: int, runs: int, peers: bool) -> list[Row]:
    from tests.imap_server import DovecotServer
    from tests.mailboxes_imap import ImapMailbox

    server = DovecotServer(log_commands=True).start()
    try:
        box = ImapMailbox(server, work / "imap-secrets")
        mail = server.mail_dir(box.user)
        nobody = pwd.getpwnam("nobody")
        for src, dst in ((tree / "cur", mail / "cur"), (tree / ".Sent" / "cur", mail / ".Sent" / "cur")):
            dst.mkdir(parents=True, exist_ok=True)
            for entry in os.scandir(src):
                os.link(entry.path, dst / entry.name)
        subprocess.run(["chown", "-R", f"{nobody.pw_uid}:{nobody.pw_gid}", str(mail)], check=True)
        with box.connection() as imap:  # Dovecot indexes the new files now, not during a measured run
            for folder in ("INBOX", "Sent"):
                imap.select(folder, readonly=True)
        account = {**box.account(), "port": server.tls_port, "security": "tls", "host": "localhost"}
        env = {**os.environ, "SSL_CERT_FILE": str(server.cert_file)}
        config = write_config(work / "imap.toml", account, work / "state-imap", lookback)
        counter = DovecotCounter(server, box.user)
        first, again = agent_rows("imap", size, config, runs, counter, env=env)
        rows = [first, again]
        if peers:
            if shutil.which("mbsync") is None:
                rows.append(Row("imap", size, "mbsync", note="not measured: mbsync is not installed "
                                "(apt-get install -y isync)"))
            else:
                rc = work / "mbsyncrc"
                near = work / "mbsync-maildir"
                near.mkdir()
                rc.write_text(f"IMAPAccount bench\nHost localhost\nPort {server.tls_port}\nUser {box.user}\n"
                              f"PassCmd \"cat {box.secret_path}\"\nSSLType IMAPS\n"
                              f"CertificateFile {server.cert_file}\n\n"
                              f"IMAPStore far\nAccount bench\n\nMaildirStore near\nPath {near}/\nInbox {near}/INBOX\n"
                              f"SubFolders Verbatim\n\nChannel bench\nFar :far:\nNear :near:\nPatterns INBOX Sent\n"
                              f"Create Near\nSync Pull\nExpunge None\nSyncState *\n")
                cmd = ["mbsync", "-c", str(rc), "-q", "bench"]
                mb_first = Row("imap", size, "mbsync, first")
                say(f"imap {size:,}: mbsync, first (downloads every message)")
                counter()
                s = run(cmd)
                s.requests, s.detail = counter()
                mb_first.samples.append(s)
                mb_again = Row("imap", size, "mbsync, nothing changed")
                for _ in range(runs):
                    s = run(cmd)
                    s.requests, s.detail = counter()
                    mb_again.samples.append(s)
                again.peer = mb_again
                rows += [mb_first, mb_again]
        return rows
    finally:
        server.stop()


# -- Outlook (Graph) and Gmail test servers ---------------------------------------------------------
def request_counter(requests, kind) -> callable:
    state = {"n": len(requests())}

    def counter() -> tuple[int, str]:
        done = requests()
        new = done[state["n"]:]
        state["n"] = len(done)
        kinds = Counter(kind(r) for r in new)
        return len(new), ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    return counter


def _graph_kind(request: tuple[str, str]) -> str:
    path = request[1].split("?")[0]
    if path.endswith("$batch"):
        return "$batch"
    if "calendarView" in path:
        return "calendar delta"
    if path.endswith("/delta"):
        return "mail delta"
    return path.rsplit("/", 1)[-1]


def bench_outlook(tree: Path, work: Path, size: int, lookback: int, runs: int, peers: bool) -> list[Row]:
    from tests.fakes.graph import GraphFake

    root = work / "graph-tree"
    copy_tree(tree, root)
    fake = GraphFake(root, user=USER, workdir=work / "graph-work").start()
    try:
        config = write_config(work / "outlook.toml", fake.account(), work / "state-outlook", lookback)
        counter = request_counter(fake.graph_requests, _graph_kind)
        first, again = agent_rows("outlook", size, config, runs, counter)
        if fake.violations:
            again.note = f"{len(fake.violations)} request(s) Graph would refuse"
        return [first, again]
    finally:
        fake.stop()


def bench_gmail(tree: Path, work: Path, size: int, lookback: int, runs: int, peers: bool) -> list[Row]:
    try:
        from tests.fakes.gmail import FakeGoogle
    except ImportError as exc:
        return [Row("gmail", size, "agent", note=f"not measured: the Gmail test server is missing ({exc})")]
    root = work / "gmail-tree"
    copy_tree(tree, root)
    fake = FakeGoogle(root, user=USER).start()
    try:
        secrets = work / "gmail-secrets"
        secrets.mkdir(mode=0o700)
        config = write_config(work / "gmail.toml", fake.account(secrets / "token.json"), work / "state-gmail",
                              lookback)
        counter = request_counter(lambda: list(fake.requests),
                                  lambda r: r.method_id or r.path.split("?")[0].rsplit("/", 1)[-1])
        first, again = agent_rows("gmail", size, config, runs, counter)
        if fake.violations:
            again.note = f"{len(fake.violations)} request(s) the API would refuse"
        return [first, again]
    finally:
        fake.stop()


BENCHES = {"maildir": bench_maildir, "imap": bench_imap, "outlook": bench_outlook, "gmail": bench_gmail}


# -- the report ------------------------------------------------------------------------------------
def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = ""
    try:
        kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))
        mem = f", {kb / 2**20:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    versions = []
    for cmd in (["notmuch", "--version"], ["mbsync", "--version"], ["dovecot", "--version"]):
        if shutil.which(cmd[0]):
            out = subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
            versions.append(out.splitlines()[0] if out else cmd[0])
    return (f"{os.cpu_count()} CPUs, {cpu}{mem}; Linux {platform.release()}; Python {platform.python_version()}; "
            + "; ".join(versions))


def verdicts(rows: list[Row], startup: Row) -> list[str]:
    out = []
    base = startup.wall

    def find(provider: str, size: int, what: str) -> Row | None:
        return next((r for r in rows if r.provider == provider and r.size == size and r.what == what and r.samples),
                    None)

    for r in rows:
        if r.what == "agent, nothing changed" and r.samples:
            local = r.baseline.wall if r.baseline and r.baseline.samples else base
            ratio = r.wall / local
            out.append(f"- {r.provider} {r.size:,}, nothing changed: {r.wall * 1000:,.0f} ms = {ratio:.1f}x the "
                       f"start-up time measured between its runs ({local * 1000:,.0f} ms) "
                       f"({'met' if ratio <= 1.5 else 'not met'}: target 1.5x)")
    out.append(f"- start-up, `interview-agent --version`: {base * 1000:,.0f} ms "
               f"({'met' if base < 0.3 else 'not met'}: target under 300 ms)")
    big = max((r.size for r in rows if r.provider == "maildir"), default=0)
    first = find("maildir", big, "agent, first run")
    if first is not None:
        s = first.median_sample()
        out.append(f"- Maildir first run over {big:,} messages: {first.wall:,.1f} s "
                   f"({'met' if first.wall < 30 else 'not met'}: under 30 s), peak RSS {s.rss_kb / 1024:,.0f} MB "
                   f"({'met' if s.rss_kb < 150 * 1024 else 'not met'}: under 150 MB)")
    for r in rows:
        if r.peer is not None and r.samples and r.peer.samples:
            faster = r.wall < r.peer.wall
            out.append(f"- {r.provider} {r.size:,}: agent nothing changed / {r.peer.what}: {r.wall / r.peer.wall:.2f}"
                       + (f" ({'met' if faster else 'not met'}: faster than mbsync)" if r.provider == "imap" else ""))
    return out


def write_doc(text: str) -> None:
    doc = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    block = f"{START}\n{text.rstrip()}\n{END}"
    if START in doc and END in doc:
        doc = doc[:doc.index(START)] + block + doc[doc.index(END) + len(END):]
    else:
        title, _, rest = doc.partition("\n")
        doc = f"{title}\n\n{block}\n{rest}"
    DOC.write_text(doc, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="1k messages everywhere and 10k on Maildir, 3 no-change runs (a few minutes)")
    parser.add_argument("--sizes", default="", help="comma-separated mailbox sizes (default 1000,10000,100000)")
    parser.add_argument("--providers", default=",".join(PROVIDERS), help=f"subset of {','.join(PROVIDERS)}")
    parser.add_argument("--runs", type=int, default=0, help="no-change runs per client (default 5, quick 3)")
    parser.add_argument("--no-peers", action="store_true", help="leave out notmuch and mbsync")
    parser.add_argument("--no-write", action="store_true", help="print the table; leave docs/PERFORMANCE.md alone")
    parser.add_argument("--agent-src", type=Path, default=None,
                        help="run the agent from this source tree (e.g. `git archive` of an older commit), "
                             "for before/after figures; implies --no-write")
    args = parser.parse_args(argv)
    if args.agent_src:
        src = args.agent_src.resolve()
        # -P: not the cwd first on sys.path
        AGENT[:] = ["env", f"PYTHONPATH={src}", str(REPO / ".venv" / "bin" / "python"), "-P", "-m", "agent.cli"]
        args.no_write = True
    if not CLI.exists():
        raise SystemExit(f"{CLI} is missing: run scripts/test once (it creates .venv and installs the project)")
    runs = args.runs or (3 if args.quick else 5)
    sizes = [int(s) for s in args.sizes.split(",") if s] or ([1000, 10_000] if args.quick else [1000, 10_000, 100_000])
    providers = [p for p in args.providers.split(",") if p]
    if os.geteuid() != 0 and "imap" in providers:
        say("not root: the IMAP rows are left out (the throwaway Dovecot needs root)")
        providers.remove("imap")
    started = time.perf_counter()
    startup = Row("-", 0, "`interview-agent --version`")
    startup.samples = [run([str(CLI), "--version"]) for _ in range(max(runs, 5))]
    rows: list[Row] = [startup]
    work_root = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        for size in sizes:
            tree = work_root / f"tree-{size}"
            t0 = time.perf_counter()
            gen = generate(tree, size)
            say(f"generated {size:,} messages ({gen.bytes / 1e6:,.0f} MB, {gen.sent:,} sent, {gen.interviews} "
                f"interviews) in {time.perf_counter() - t0:.0f} s")
            for provider in providers:
                if args.quick and size > 1000 and provider != "maildir":
                    continue
                work = work_root / f"{provider}-{size}"
                work.mkdir()
                try:
                    rows += BENCHES[provider](tree, work, size, gen.lookback_days, runs, not args.no_peers)
                except Exception as exc:  # one broken setup leaves a row saying so; the others still run
                    rows.append(Row(provider, size, "agent", note=f"not measured: {type(exc).__name__}: {exc}"[:200]))
                finally:
                    shutil.rmtree(work, ignore_errors=True)
            shutil.rmtree(tree, ignore_errors=True)
    finally:
        shutil.rmtree(work_root, ignore_errors=True)
    when = datetime.now(UTC).strftime("%Y-%m-%d")
    mode = "--quick" if args.quick else "full"
    text = "\n".join([
        "## Summary: scripts/bench", "",
        f"`scripts/bench{' --quick' if args.quick else ''}` ({mode}), {when}, {time.perf_counter() - started:,.0f} s; "
        f"{machine()}.", "",
        "Mailboxes generated by scripts/bench_lib/mailbox.py: per 1,000 messages about 550 newsletters, 150 "
        "notifications, 190 human threads, 90 of the user's replies, 15 meeting invitations and 2-3 interviews "
        "(recruiter mail, invitation, reply), spread over 600 days; `lookback_days = 60` covers a tenth. Each "
        "command is a separate process; no-change rows are medians; ratio is to the peer in the same invocation. "
        "Bytes read: the process's rchar (files, pipes and sockets; Python's own modules included).", "",
        table(rows), "", "Targets (issue 8), as measured in this invocation:", "", *verdicts(rows, startup)])
    notes = Path(__file__).with_name("notes.md")
    if notes.exists():  # what the figures do not say: what changed, why a target is not met
        text += "\n\n" + notes.read_text(encoding="utf-8").strip()
    print(text)
    if not args.no_write:
        write_doc(text)
        say(f"wrote the table to {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
