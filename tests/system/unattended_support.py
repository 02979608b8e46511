"""Shared by the unattended-operation tests: a Maildir account with one interview, the installed CLI as a
subprocess, a crontab kept in a plain file, and a loopback IMAP server that refuses every login."""

from __future__ import annotations

import os
import socketserver
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Self

from tests.loopback import Serving
from tests.mailboxes import MaildirMailbox

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "mail"
CLI = Path(sys.executable).parent / "interview-agent"  # the console script of the installation under test
INVITED = datetime.fromisoformat("2026-11-10T10:30:00-05:00")  # when the invitation reached the inbox
AFTER_END = "2026-11-17T17:00:00-05:00"  # the fixture interview (two interviewers) ends at 15:00 New York

USER = """[user]
name = "Jordan Lee"
email = "jordan.lee@gmail.com"
timezone = "America/New_York"

[profile]
pitch = "I build reliable backend services."
"""


def mailbox(root: Path) -> MaildirMailbox:
    box = MaildirMailbox(root)
    box.deliver("inbox", (FIXTURES / "google_invite_interview.eml").read_bytes(), INVITED)
    return box


def write_config(path: Path, state_dir: Path, accounts: str) -> Path:
    path.write_text(f'{USER}\n[agent]\nstate_dir = "{state_dir}"\nbriefing = false\n\n{accounts}')  # B24: own tests
    return path


def maildir_account(box: MaildirMailbox, table: str = "[account]", name: str | None = None) -> str:
    named = f'name = "{name}"\n' if name else ""
    return f'{table}\n{named}provider = "maildir"\npath = "{box.root}"\n\n'


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, timeout=timeout, check=False,
                          env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


def start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([str(CLI), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


def wait_for(condition: Callable[[], object], timeout: float = 20.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def fake_crontab(folder: Path) -> tuple[str, Path]:
    """A `crontab` stand-in over a plain file: `-l` prints it (or "no crontab for ..."), `-` replaces it
    with stdin. Returns (the command for INTERVIEW_AGENT_CRONTAB, the file)."""
    table = folder / "crontab.txt"
    script = folder / "crontab"
    script.write_text(f"""#!/bin/sh
case "$1" in
  -l) if [ -f '{table}' ]; then exec cat '{table}'; fi; echo "no crontab for $(id -un)" >&2; exit 1;;
  -) exec cat > '{table}';;
  *) echo "usage: crontab -l | crontab -" >&2; exit 1;;
esac
""")
    script.chmod(0o755)
    return str(script), table


class _RefusingImap(socketserver.StreamRequestHandler):
    """Just enough IMAP for a client to connect and be refused: it records the LOGIN lines it got."""

    def handle(self) -> None:
        self.wfile.write(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] test server ready\r\n")
        for _ in range(50):  # bounded: a client sends a handful of commands
            line = self.rfile.readline(65536)
            if not line:
                return
            tag, _, rest = line.decode("utf-8", "replace").rstrip("\r\n").partition(" ")
            command = rest.split(" ", 1)[0].upper()
            if command == "CAPABILITY":
                self.wfile.write(f"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK done\r\n".encode())
            elif command == "LOGIN":
                self.server.logins.append(rest)  # type: ignore[attr-defined]
                self.wfile.write(f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials\r\n".encode())
            elif command == "LOGOUT":
                self.wfile.write(f"* BYE bye\r\n{tag} OK done\r\n".encode())
                return
            else:
                self.wfile.write(f"{tag} BAD not here\r\n".encode())


class RefusingImapServer:
    """A loopback IMAP server that refuses every login; a context manager that stops it."""

    def __init__(self) -> None:
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _RefusingImap)
        self.server.daemon_threads = True
        self.server.logins = []  # type: ignore[attr-defined]
        self.port = self.server.server_address[1]
        self._serving = Serving(self.server, "refusing-imap")

    @property
    def logins(self) -> list[str]:
        return self.server.logins  # type: ignore[attr-defined]

    def __enter__(self) -> Self:
        self._serving.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._serving.stop()
