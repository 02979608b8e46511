"""`interview-agent demo`: replays the bundled sample mailbox over two weeks, no account needed.

The sample is data shipped with the package (`agent.defaults/demo`, config/demo/ in the source tree):
`demo.toml` holds Jordan Lee's [user] and [profile] tables and the timeline as `[[step]]`s in time order,
and `mail/NN_*.eml` the mail. tests/scenarios/demo.py generates both (the story is told there); this
module only plays them: `Delivery` (a mail lands in the tree), `SendDrafts` (Jordan sends what the agent
drafted) and `Run` (the caller runs `interview-agent run --now WHEN`). `perform` and `write_sample_mailbox`
write only under the root the caller passes.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import functools
import os
import shlex
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

MAILDIR_FOLDERS = ("", ".Sent", ".Drafts")  # Maildir++: inbox at the root
_FOLDERS = {"inbox": "", "sent": ".Sent"}  # demo.toml's folder names -> Maildir++ folders
_GENERIC = ("Morning run.", "Evening run.")  # captions of runs that are shown only when they print something


def _sample() -> Traversable:
    return resources.files("agent.defaults") / "demo"


@functools.cache
def _spec() -> dict[str, Any]:
    return tomllib.loads((_sample() / "demo.toml").read_text(encoding="utf-8"))


TZ = ZoneInfo(_spec()["user"]["timezone"])  # the sample user's zone; every instant of the script is in it


# ---------------------------------------------------------------- steps


@dataclass(frozen=True)
class Delivery:
    """A mail that lands in the tree at `when`: inbox mail in `new/`, sent mail in `cur/` (seen)."""

    when: datetime
    folder: str  # "" (inbox) | ".Sent"
    filename: str  # Maildir unique name, with the ":2,S" info part for sent mail
    raw: bytes
    # When set, the mail answers the latest message Jordan sent to this address: at delivery time its
    # In-Reply-To/References are pointed at it and its Subject becomes `subject_prefix` + that subject.
    answers: str = ""
    subject_prefix: str = ""

    @property
    def subdir(self) -> str:
        return "cur" if self.folder == ".Sent" else "new"


@dataclass(frozen=True)
class SendDrafts:
    """Jordan reviews the drafts waiting in `.Drafts` and sends them (each moves to `.Sent/cur`)."""

    when: datetime
    caption: str


@dataclass(frozen=True)
class Run:
    """The caller runs the agent with its clock at `when` (`interview-agent run --now`)."""

    when: datetime
    caption: str


DemoStep = Delivery | SendDrafts | Run


def _name(when: datetime, seq: int, *, sent: bool = False) -> str:
    """A Maildir unique name: time, a per-message sequence, a host part; sent mail is marked seen."""
    return f"{int(when.timestamp())}.M{seq}P2026Q{seq}.demo" + (":2,S" if sent else "")


def _step(entry: dict[str, Any]) -> DemoStep:
    """One `[[step]]` of demo.toml. A mail file `mail/NN_name.eml` gets Maildir sequence number NN."""
    when = datetime.fromisoformat(entry.get("run") or entry["at"]).astimezone(TZ)
    if "run" in entry:
        return Run(when, entry["caption"])
    if entry.get("user") == "send_drafts":
        return SendDrafts(when, entry["caption"])
    folder = _FOLDERS[entry["folder"]]
    seq = int(Path(entry["deliver"]).name.split("_", 1)[0])
    raw = (_sample() / entry["deliver"]).read_bytes()
    return Delivery(when, folder, _name(when, seq, sent=folder == ".Sent"), raw,
                    answers=entry.get("answers", ""), subject_prefix=entry.get("subject_prefix", ""))


def demo_script() -> list[DemoStep]:
    """Every step of the demo in time order: mail deliveries, Jordan sending drafts, and the agent's
    runs (08:00 and 18:00 New York time, Monday 2026-11-16 to Tuesday 2026-12-01)."""
    return [_step(entry) for entry in _spec()["step"]]


def demo_timeline() -> list[tuple[datetime, str]]:
    """The instants of the demo's `run --now` calls, each with its caption."""
    return [(s.when, s.caption) for s in demo_script() if isinstance(s, Run)]


# ---------------------------------------------------------------- writing into the tree


def make_maildir(root: Path) -> None:
    """Create an empty Maildir++ tree: the inbox at `root`, `.Sent` and `.Drafts` beside it."""
    for folder in MAILDIR_FOLDERS:
        for sub in ("cur", "new", "tmp"):
            (root / folder / sub).mkdir(parents=True, exist_ok=True)


def _write(root: Path, folder: str, subdir: str, filename: str, raw: bytes, when: datetime) -> Path:
    """Deliver like an MTA: write into tmp/, then rename into place; mtime is the delivery time."""
    tmp = root / folder / "tmp" / filename.split(":")[0]
    tmp.write_bytes(raw)
    os.utime(tmp, (when.timestamp(), when.timestamp()))
    final = root / folder / subdir / filename
    os.replace(tmp, final)
    return final


def _latest_sent_to(root: Path, address: str) -> email.message.Message | None:
    best: tuple[datetime, email.message.Message] | None = None
    for sub in ("cur", "new"):
        for path in (root / ".Sent" / sub).glob("*"):
            msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if any(part.get_content_type() == "text/calendar" for part in msg.walk()):
                continue  # an RSVP is not a conversation anyone replies to
            rcpts = [addr.lower() for _n, addr in email.utils.getaddresses(msg.get_all("To", []) +
                                                                            msg.get_all("Cc", []))]
            if address.lower() not in rcpts:
                continue
            try:
                sent_at = email.utils.parsedate_to_datetime(str(msg["Date"]))
            except (TypeError, ValueError):
                continue
            if best is None or sent_at > best[0]:
                best = (sent_at, msg)
    return best[1] if best else None


def _threaded(root: Path, step: Delivery) -> bytes:
    """The delivery's bytes, made a reply to the latest mail Jordan sent to `step.answers` (if any)."""
    if not step.answers:
        return step.raw
    original = _latest_sent_to(root, step.answers)
    if original is None or not original["Message-ID"]:
        return step.raw
    msg = email.message_from_bytes(step.raw, policy=email.policy.SMTP)
    parent = str(original["Message-ID"]).strip()
    refs = str(original.get("References", "")).split() + [parent]
    subject = str(original.get("Subject", "")).strip()
    for name in ("In-Reply-To", "References", "Subject"):
        del msg[name]
    msg["In-Reply-To"] = parent
    msg["References"] = " ".join(refs[-10:])
    lower = subject.lower()
    msg["Subject"] = subject if lower.startswith(step.subject_prefix.lower()) else step.subject_prefix + subject
    return msg.as_bytes(policy=email.policy.SMTP)


def send_drafts(root: Path, when: datetime) -> list[Path]:
    """Act as Jordan's mail client sending every draft in `.Drafts` but his morning briefing (a draft to
    himself, B24, which he reads and leaves): each file moves unchanged to `.Sent/cur` with the Seen flag.
    Returns the new paths."""
    moved: list[Path] = []
    for sub in ("cur", "new"):
        for path in sorted((root / ".Drafts" / sub).glob("*")):
            if not path.is_file() or _to_oneself(path):
                continue
            unique = path.name.split(":")[0]
            target = root / ".Sent" / "cur" / f"{unique}:2,S"
            os.replace(path, target)
            os.utime(target, (when.timestamp(), when.timestamp()))
            moved.append(target)
    return moved


def _to_oneself(path: Path) -> bool:
    from email.parser import BytesHeaderParser
    from email.utils import getaddresses

    with path.open("rb") as f:
        headers = BytesHeaderParser().parse(f)
    senders = {a.lower() for _, a in getaddresses(headers.get_all("From", []))}
    return {a.lower() for _, a in getaddresses(headers.get_all("To", []))} <= senders


def perform(root: Path, step: Delivery | SendDrafts) -> None:
    """Apply one non-run step to the tree at `root` (created if needed)."""
    make_maildir(root)
    if isinstance(step, Delivery):
        _write(root, step.folder, step.subdir, step.filename, _threaded(root, step), step.when)
    elif isinstance(step, SendDrafts):
        send_drafts(root, step.when)
    else:
        raise TypeError(f"perform() takes a Delivery or SendDrafts step, not {type(step).__name__}")


def write_sample_mailbox(root: Path, until: datetime | None = None) -> None:
    """Create the Maildir++ tree at `root` and deliver every sample mail dated up to `until`
    (default: all of them). Runs and draft sending are not performed."""
    make_maildir(root)
    for step in demo_script():
        if isinstance(step, Delivery) and (until is None or step.when <= until):
            perform(root, step)


# ---------------------------------------------------------------- the replay (`interview-agent demo`)


def demo_config(root: Path) -> str:
    """The TOML config the replay uses: Jordan's [user]/[profile], the sample tree under `root/Mail`,
    state under `root/state`."""
    import tomlkit

    doc = tomlkit.document()
    doc["user"] = _spec()["user"]
    doc["profile"] = _spec()["profile"]
    doc["account"] = {"provider": "maildir", "path": str(root / "Mail")}
    doc["agent"] = {"state_dir": str(root / "state")}
    return tomlkit.dumps(doc)


def _invoke(cli: Any, args: list[str], capture: bool = True) -> tuple[int, str]:
    """Run the click group in-process, capturing what it prints unless `capture` is False (rich then
    sees the real terminal and uses its width). Returns (exit code, output)."""
    import contextlib
    import io

    out = io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out) if capture else contextlib.nullcontext():
        try:
            result = cli.main(args, prog_name="interview-agent", standalone_mode=False)
            code = result if isinstance(result, int) else 0
        except SystemExit as exc:  # `run` ends with sys.exit(code)
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return code, out.getvalue()


def run_demo(directory: Path | None, cli: Any, echo: Callable[[str], object] = print) -> int:
    """Replay the demo: build the tree and a config in `directory` (default: a new temporary folder),
    deliver each mail when its time comes, run `cli` (the `interview-agent` click group) with
    `run --now` at each step, then print the status table and every draft the agent wrote.
    Returns 0, or the worst exit code of the runs."""
    import tempfile

    root = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="interview-agent-demo-"))
    root.mkdir(parents=True, exist_ok=True)
    mail = root / "Mail"
    config_path = root / "config.toml"
    config_path.write_text(demo_config(root), encoding="utf-8")
    make_maildir(mail)
    base = ["--config", str(config_path)]
    echo(f"Sample mailbox: {mail}\nConfig: {config_path}\n{_spec()['intro']}\n")
    worst = 0
    sent: list[Path] = []
    briefed = False  # the first interview-day briefing is shown as Jordan finds it (B24)
    for step in demo_script():
        if isinstance(step, Run):
            code, output = _invoke(cli, [*base, "run", "--now", step.when.isoformat()])
            worst = max(worst, code)
            generic = step.caption in _GENERIC
            if output.strip() or not generic or code:
                echo(f"== {step.when:%a %b %d %H:%M} == {step.caption}")
                for line in output.strip().splitlines():
                    echo(f"   {line}")
                if code:
                    echo(f"   (run exited with {code})")
            briefing = None if briefed else next((p for p in _drafts(mail) if _to_oneself(p) and str(
                _message(p)["Subject"]).startswith("Today: ")), None)
            if briefing is not None:
                briefed = True
                _echo_mail(briefing, "the briefing in Drafts", echo, indent="   ")
        elif isinstance(step, SendDrafts):
            moved = send_drafts(mail, step.when)
            sent += moved
            if moved:
                echo(f"-- {step.when:%a %b %d %H:%M} -- {step.caption} ({len(moved)} sent)")
        else:
            perform(mail, step)
    last = demo_timeline()[-1][0]
    echo("")
    _invoke(cli, [*base, "status", "--now", last.isoformat()], capture=False)
    echo("\nThe drafts (Jordan sent the ones marked sent; the rest wait in Drafts):")
    for path, label in [*((p, "sent") for p in sent), *((p, "waiting in Drafts") for p in _drafts(mail))]:
        _echo_mail(path, label, echo)
    example = _an_interview_id(config_path, last) or "ID"
    echo(f"\nEverything is in {root}; try: {agent_command()} --config {shlex.quote(str(config_path))} show {example}")
    return worst


def _drafts(mail: Path) -> list[Path]:
    return sorted(p for sub in ("cur", "new") for p in (mail / ".Drafts" / sub).glob("*") if p.is_file())


def _message(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def _echo_mail(path: Path, label: str, echo: Callable[[str], object], indent: str = "") -> None:
    """One mail as the demo shows it: a few headers and the plain text."""
    msg = _message(path)
    body = msg.get_body(preferencelist=("plain",))
    lines = [f"\n---- {label} ----"]
    lines += [f"{header}: {msg[header]}" for header in ("From", "To", "Cc", "Subject", "In-Reply-To") if msg[header]]
    lines += ["", body.get_content().rstrip() if body is not None else "(no text part)"]
    for line in "\n".join(lines).splitlines():
        echo(f"{indent}{line}" if line else line)


def agent_command() -> str:
    """The command that runs this installation of the agent from the user's shell: `interview-agent` when
    that is on PATH and is this one, else the console script's full path (scripts/demo's .venv is not on
    PATH), else `python -m agent`."""
    import shutil
    import sys

    mine = Path(sys.executable).parent / "interview-agent"
    found = shutil.which("interview-agent")
    if found and mine.exists() and Path(found).resolve() == mine.resolve():
        return "interview-agent"
    if mine.exists():
        return shlex.quote(str(mine))
    return f"{shlex.quote(sys.executable)} -m agent"


def _an_interview_id(config_path: Path, when: datetime) -> str | None:
    """The short id (as `status` shows it) of the first interview the replay tracked."""
    from agent import config as config_mod
    from agent import usecases

    try:
        views = usecases.plans(config_mod.load(config_path), when.isoformat()).views
    except Exception:  # only an example for the hint
        return None
    return usecases.short_ids([v.interview.id for v in views])[views[0].interview.id] if views else None
