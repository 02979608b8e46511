"""Timeline replay harness: plays a scenario folder (scenario.toml + mail/*.eml) against the agent's CLI
over any `Mailbox` (tests/mailboxes.py) and checks the drafts after every run.

The format is documented in tests/scenarios/README.md. The harness only talks to the agent through its
command line (`run --now`, `status --json`, `set-decision`), so the same scenarios replay over Maildir,
Dovecot IMAP and the Gmail/Graph test servers: only the Mailbox differs.

Checks made after every run, whatever the scenario says (the global invariants):
- the new drafts are exactly `expect_new` (kind told by `status --json`, recipients by the To header);
- B20: no two drafts of the same kind to the same person for one interview, at most max_follow_ups
  follow-ups, a draft the user edited keeps the user's text;
- B23: only the headers a mail client writes, no program name anywhere in them, From is the user;
- B21: no recipient is the user, no CR/LF or forbidden text in a header;
- replies carry In-Reply-To/References naming a message the mailbox holds, no stacked "Re: Re:";
  acknowledgements are replies, and so are follow-ups unless no thread with the person exists (then a new
  message whose subject starts "Following up", B17);
- expectations compare text as a reader sees it (white space folded, case kept): a company or role must be
  the written form, whole (B5);
- B10: a thank-you ends with the signature and has at most 150 words before it;
- B19: the run left the inbox and Sent exactly as they were (nothing sent, moved, changed or deleted);
- B22: no *.log file in the state dir contains the text of a delivered mail.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import re
import shlex
import subprocess
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr
from pathlib import Path
from typing import Any

from tests.scenarios import draft_linter

CASES = Path(__file__).parent / "cases"
REPO = Path(__file__).resolve().parents[2]
CLI_BIN = REPO / ".venv" / "bin" / "interview-agent"

ALLOWED_HEADERS = {"from", "to", "cc", "subject", "date", "message-id", "in-reply-to", "references",
                   "mime-version", "content-type", "content-transfer-encoding"}
ADDRESS_HEADERS = {"from", "to", "cc", "bcc", "reply-to", "sender"}
PROGRAM_MARKERS = ("interview-agent", "interview_agent", "interviewagent")
THANK_YOU_MAX_WORDS = 150
BRIEFING = "briefing"
STEP_KINDS = ("deliver", "run", "user", "set_decision")
USER_ACTIONS = ("send_draft", "delete_draft", "edit_draft")


class ScenarioError(ValueError):
    """The scenario folder itself is wrong (bad TOML, unknown key, missing file)."""


# ------------------------------------------------------------------ loading


@dataclass
class Scenario:
    name: str
    path: Path
    description: str
    rules: list[str]
    user: dict[str, Any]
    profile: dict[str, Any]
    agent: dict[str, Any]
    steps: list[dict[str, Any]]
    forbid_in_headers: list[str] = field(default_factory=list)
    briefings: bool = False  # B24: the morning briefings are checked like any draft (else left out of the counts)

    @property
    def test_id(self) -> str:
        return self.name


PENDING_LIST = Path(__file__).parent / "pending.txt"


def pending() -> set[str]:
    """Folder names of the scenarios the agent does not yet pass (tests/scenarios/pending.txt)."""
    lines = PENDING_LIST.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def discover(root: Path = CASES) -> list[Path]:
    """Every scenario folder under `root`, in name order."""
    return sorted(p for p in root.iterdir() if (p / "scenario.toml").is_file())


def _instant(value: Any, where: str) -> datetime:
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError as exc:
            raise ScenarioError(f"{where}: {value!r} is not an ISO 8601 instant") from exc
    if moment.tzinfo is None:
        raise ScenarioError(f"{where}: {value!r} needs a UTC offset")
    return moment


def load(folder: Path) -> Scenario:
    """Read and validate one scenario folder. Raises ScenarioError naming the problem."""
    try:
        data = tomllib.loads((folder / "scenario.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ScenarioError(f"{folder.name}: {exc}") from exc
    unknown = set(data) - {"description", "rules", "user", "profile", "agent", "step", "forbid_in_headers",
                           "briefings"}
    if unknown:
        raise ScenarioError(f"{folder.name}: unknown top-level keys {sorted(unknown)}")
    rules = data.get("rules", [])
    if not rules or not all(re.fullmatch(r"B\d+", r) for r in rules):
        raise ScenarioError(f"{folder.name}: rules must list rule ids like \"B8\"")
    steps = data.get("step", [])
    if not steps:
        raise ScenarioError(f"{folder.name}: no [[step]]")
    last_run: datetime | None = None
    for i, step in enumerate(steps):
        where = f"{folder.name} step {i + 1}"
        kinds = [k for k in STEP_KINDS if k in step]
        if len(kinds) != 1:
            raise ScenarioError(f"{where}: exactly one of {STEP_KINDS} is needed, got {kinds}")
        kind = kinds[0]
        if kind == "deliver":
            if not (folder / step["deliver"]).is_file():
                raise ScenarioError(f"{where}: no file {step['deliver']}")
            if step.get("folder") not in ("inbox", "sent"):
                raise ScenarioError(f"{where}: folder must be inbox or sent")
            step["at"] = _instant(step.get("at"), where)
        elif kind == "run":
            step["run"] = _instant(step["run"], where)
            if last_run and step["run"] < last_run:
                raise ScenarioError(f"{where}: runs must go forward in time")
            last_run = step["run"]
            for item in step.get("expect_new", []):
                if set(item) - {"kind", "to", "in_reply_to", "body_contains", "subject_contains", "to_name"}:
                    raise ScenarioError(f"{where}: unknown keys in expect_new item {item}")
        elif kind == "user":
            if step["user"] not in USER_ACTIONS or "kind" not in step or "to" not in step:
                raise ScenarioError(f"{where}: user = one of {USER_ACTIONS}, with kind and to")
            if ("after" in step) != ("add" in step) or ("add" in step and step["user"] != "edit_draft"):
                raise ScenarioError(f"{where}: edit_draft takes add and after together (a line added after another)")
        else:
            step["at"] = _instant(step.get("at"), where)
            if "date" not in step:
                raise ScenarioError(f"{where}: set_decision needs date")
    late = [s for s in steps if "deliver" in s and (last_run is None or s["at"] > last_run)]
    if late:
        raise ScenarioError(f"{folder.name}: {late[0]['deliver']} is delivered after the last run")
    return Scenario(name=folder.name, path=folder, description=data.get("description", ""), rules=rules,
                    user=data.get("user", {}), profile=data.get("profile", {}), agent=data.get("agent", {}),
                    steps=steps, forbid_in_headers=data.get("forbid_in_headers", []),
                    briefings=bool(data.get("briefings", False)))


# ------------------------------------------------------------------ the CLI


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def invoke_cli(args: list[str]) -> CliResult:
    """Run `interview-agent ARGS`. In-process through click's CliRunner when `agent.cli.main` is a click
    command (fast, and a traceback shows up in the failure), else as a subprocess of the installed script.
    This is the one place that chooses."""
    try:
        import click

        from agent.cli import main
    except ImportError:
        main = None
    if main is not None and isinstance(main, click.Command):
        return _invoke_in_process(main, args)
    proc = subprocess.run([str(CLI_BIN), *args], capture_output=True, text=True, cwd=REPO, timeout=300,
                          check=False)
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def _invoke_in_process(main: Any, args: list[str]) -> CliResult:
    from click.testing import CliRunner

    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(main, args, catch_exceptions=True)
    stderr = ""
    try:
        stderr = result.stderr
    except ValueError:
        pass
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        stderr += "".join(traceback.format_exception(result.exception))
        return CliResult(99, result.output, stderr)
    return CliResult(result.exit_code, result.stdout, stderr)


# ------------------------------------------------------------------ helpers


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def _words(text: str) -> str:
    """Text with its white space folded: what a reader sees, case and punctuation kept, so that a company
    written "Halcyon Travel" is not found in "Halcyontravel" (B5)."""
    return " ".join(text.split())


def _addresses(msg: EmailMessage, *names: str) -> list[str]:
    values = [str(v) for n in names for v in msg.get_all(n, [])]
    return [a.lower() for _, a in getaddresses(values) if a]


def _body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain",)) if msg.is_multipart() else msg
    if part is None:
        return ""
    try:
        return part.get_content()
    except (LookupError, ValueError):
        return part.get_payload(decode=True).decode("utf-8", "replace")


def _mid(value: Any) -> str:
    return "".join(str(value or "").split())


_SUBJECT_PREFIX = re.compile(r"^(?:\s*(?:re|fw|fwd|aw|wg|sv|vs|tr|invitation|updated\s+invitation|"
                             r"canceled\s+event|cancelled|accepted|declined)\s*:\s*)+", re.IGNORECASE)


def mail_sentences(raw: bytes) -> list[str]:
    """Distinctive text of a mail (for the B22 log check): lines of its plain text, its subject without
    "Re:"/"Invitation:" prefixes, the SUMMARY of its calendar parts, and the display names it carries
    (the caller leaves out the user's own)."""
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        text = _body(msg)
    except Exception:
        return []
    found = [line.strip() for line in text.splitlines() if len(line.strip()) >= 40 and " " in line.strip()]
    try:
        subject = _SUBJECT_PREFIX.sub("", " ".join(str(msg.get("Subject", "")).split()))
        if len(subject) >= 16 and " " in subject:
            found.append(subject)
        for part in msg.walk():
            if part.get_content_type() == "text/calendar":
                cal = re.sub(r"\r?\n[ \t]", "", part.get_content())
                found += [m.strip().replace("\\,", ",") for m in re.findall(r"^SUMMARY[^:\r\n]*:(.+)$", cal, re.MULTILINE)
                          if len(m.strip()) >= 16 and " " in m.strip()]
        names = [str(getattr(a, "display_name", "")) for h in ("From", "To", "Cc", "Reply-To")
                 for a in (getattr(msg.get(h), "addresses", ()) or ())]
        found += [n for n in names if len(n) >= 8 and " " in n]
    except Exception:
        return found
    return found


def find_interviews(status: dict[str, Any], key: str) -> list[dict]:
    """The interviews in `status --json` that a scenario's name for one picks: company, role, title or id;
    'Company @ YYYY-MM-DD' picks by start day. One hit means the name is unambiguous."""
    name, _, day = key.partition(" @ ")
    hits = [iv for iv in status.get("interviews", [])
            if _norm(name) in {_norm(iv.get("company") or ""), _norm(iv.get("role") or ""),
                               _norm(iv.get("id") or ""), _norm(f"{iv.get('company')} {iv.get('role')}")}
            or (_norm(name) and _norm(name) in _norm(iv.get("title") or ""))]
    if day:
        hits = [iv for iv in hits if str(iv.get("start", "")).startswith(day)]
    return hits


# ------------------------------------------------------------------ the replay


@dataclass
class Failure:
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


class Replay:
    """Plays one scenario over one mailbox. `failures` collects every mismatch; the replay goes on after
    a mismatch so that one report shows everything that went wrong."""

    def __init__(self, scenario: Scenario, mailbox: Any, workdir: Path,
                 cli: Callable[[list[str]], CliResult] = invoke_cli):
        self.sc = scenario
        self.mailbox = mailbox
        self.workdir = workdir
        self.cli = cli
        self.state_dir = workdir / "state"
        self.config = workdir / "config.toml"
        self.failures: list[Failure] = []
        self.known_ids: set[str] = set()  # Message-IDs of every mail in the mailbox (delivered or sent by the user)
        self.seen_drafts: set[str] = set()  # Message-IDs of every draft ever seen in Drafts
        self.draft_index: dict[tuple[str, str], str] = {}  # (kind, recipient) -> Message-ID of the agent's draft
        self.edited: dict[str, str] = {}  # Message-ID -> the body the user wrote
        self.sentences: list[str] = []
        self.status: dict[str, Any] = {"interviews": []}
        me = scenario.user
        self.my_addresses = {a.lower() for a in [me.get("email", ""), *me.get("aliases", [])] if a}
        self.signature = (scenario.profile.get("signature") or me.get("name", "")).strip()
        self.max_follow_ups = int(scenario.agent.get("max_follow_ups", 1))
        self.linted: dict[str, draft_linter.Draft] = {}  # Message-ID -> every agent draft seen, as first seen

    # -- setup ---------------------------------------------------------------------------------------

    def write_config(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        tables = {"user": self.sc.user, "profile": self.sc.profile,
                  "agent": {**self.sc.agent, "state_dir": str(self.state_dir)},
                  "account": self.mailbox.account()}
        lines: list[str] = []
        for name, table in tables.items():
            if not table:
                continue
            lines.append(f"[{name}]")
            lines += [f"{k} = {_toml(v)}" for k, v in table.items()]
            lines.append("")
        self.config.write_text("\n".join(lines), encoding="utf-8")
        os.chmod(self.config, 0o600)

    def cli_run(self, *args: str) -> CliResult:
        return self.cli(["--config", str(self.config), *args])

    # -- steps ---------------------------------------------------------------------------------------

    def play(self) -> list[Failure]:
        self.write_config()
        pending = [s for s in self.sc.steps if "deliver" in s]
        for number, step in enumerate(self.sc.steps, 1):
            where = f"step {number}"
            if "run" in step:
                self._deliver_until(pending, step["run"])
                self._run(step, f"{where} (run {step['run'].isoformat()})")
            elif "user" in step:
                self._user(step, where)
            elif "set_decision" in step:
                self._deliver_until(pending, step["at"])
                self._set_decision(step, where)
        return self.failures

    def _deliver_until(self, pending: list[dict], moment: datetime) -> None:
        due = sorted((s for s in pending if s["at"] <= moment), key=lambda s: s["at"])
        for step in due:
            raw = (self.sc.path / step["deliver"]).read_bytes()
            self.mailbox.deliver(step["folder"], raw, step["at"])
            pending.remove(step)
            own = {str(self.sc.user.get("name", ""))}
            self.sentences += [t for t in mail_sentences(raw) if t not in own]
            m = re.search(rb"^Message-I[dD]:\s*(<[^>\r\n]+>)", raw, re.MULTILINE)
            if m:
                self.known_ids.add(m.group(1).decode("ascii", "replace"))
            if step["folder"] == "sent":
                self._copy_to_inbox(raw, step["at"])

    def _copy_to_inbox(self, raw: bytes, when: datetime | None) -> None:
        """A mail the user sends to themselves alone also arrives in their inbox, as on every mail server
        (Gmail and Graph show it there too): B26 reads it once."""
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        rcpts = _addresses(msg, "To", "Cc")  # type: ignore[arg-type]
        if rcpts and set(rcpts) <= self.my_addresses:
            self.mailbox.deliver("inbox", raw, when)

    def fail(self, where: str, what: str) -> None:
        self.failures.append(Failure(where, what))

    def _run(self, step: dict, where: str) -> None:
        before = self.mailbox.snapshot() if hasattr(self.mailbox, "snapshot") else None
        result = self.cli_run("run", "--now", step["run"].isoformat())
        self._as_cron_would(result)
        expected_exit = step.get("exit", 0)
        allowed = expected_exit if isinstance(expected_exit, list) else [expected_exit]
        if result.exit_code not in allowed:
            self.fail(where, f"run exited {result.exit_code}, expected {expected_exit}\n"
                             f"stdout: {result.stdout[-1500:]}\nstderr: {result.stderr[-3000:]}")
        if before is not None and self.mailbox.snapshot() != before:
            self.fail(where, "B19: the run changed, moved, added or deleted mail in the inbox or Sent")
        self._read_status(where)
        drafts = self.mailbox.drafts()
        self._check_new(step, drafts, where)
        self._check_invariants(drafts, where)
        self._lint(drafts, where)
        self._check_expectations(step, drafts, where)
        self._check_logs(where)

    def _as_cron_would(self, result: CliResult) -> None:
        """Cron appends a run's output to the log (`cron install`): so does the replay, in its own file, so
        that the B22 check covers what `run` prints as well as what it logs."""
        if self.state_dir.exists():
            with (self.state_dir / "run-output.log").open("a", encoding="utf-8") as out:
                out.write(result.stdout + result.stderr)

    def _read_status(self, where: str) -> None:
        result = self.cli_run("status", "--json")
        try:
            self.status = json.loads(result.stdout)
        except json.JSONDecodeError:
            self.fail(where, f"status --json exited {result.exit_code} and printed no JSON: "
                             f"{result.stdout[:500]!r} {result.stderr[-1500:]}")
            self.status = {"interviews": []}

    def _records(self) -> dict[str, tuple[dict, dict]]:
        """Message-ID -> (draft record, interview) from the last status."""
        out = {}
        for iv in self.status.get("interviews", []):
            for d in iv.get("drafts", []):
                out[_mid(d.get("message_id"))] = (d, iv)
        me = sorted(self.my_addresses)[:1]
        for b in self.status.get("briefings", []):
            out[_mid(b.get("message_id"))] = ({**b, "kind": BRIEFING, "to": me}, {})
        return out

    def _counted(self, drafts: list[EmailMessage]) -> list[EmailMessage]:
        """The drafts expect_new and expect_total count: briefings only in a scenario about them."""
        if self.sc.briefings:
            return drafts
        records = self._records()
        return [d for d in drafts if records.get(_mid(d["Message-ID"]), ({"kind": ""}, {}))[0]["kind"] != BRIEFING]

    def _check_new(self, step: dict, drafts: list[EmailMessage], where: str) -> None:
        records = self._records()
        new = [d for d in self._counted(drafts) if _mid(d["Message-ID"]) not in self.seen_drafts]
        actual = []
        for d in new:
            mid = _mid(d["Message-ID"])
            self.seen_drafts.add(mid)
            kind = records.get(mid, ({"kind": "?unrecorded"}, {}))[0]["kind"]
            to = sorted(_addresses(d, "To", "Cc"))
            actual.append((kind, to, d))
            for addr in to:
                self.draft_index.setdefault((kind, addr), mid)
        expected = [(e["kind"], sorted(a.lower() for a in ([e["to"]] if isinstance(e["to"], str) else e["to"])), e)
                    for e in step.get("expect_new", [])]
        remaining = list(actual)
        missing = []
        for kind, to, spec in expected:
            match = next((a for a in remaining if a[0] == kind and a[1] == to), None)
            if match is None:
                missing.append((kind, to))
                continue
            remaining.remove(match)
            self._check_draft_spec(spec, match[2], f"{where} {kind} to {', '.join(to)}")
        if missing or remaining:
            self.fail(where, "new drafts differ from expect_new:\n"
                             f"    missing: {[(k, t) for k, t in missing]}\n"
                             f"    unexpected: {[(k, t, str(d['Subject'])) for k, t, d in remaining]}")

    def _check_draft_spec(self, spec: dict, draft: EmailMessage, where: str) -> None:
        body = _body(draft)
        for text in spec.get("body_contains", []):
            if _words(text) not in _words(body):
                self.fail(where, f"body lacks {text!r}:\n{body}")
        for text in spec.get("subject_contains", []):
            if _words(text) not in _words(str(draft["Subject"])):
                self.fail(where, f"subject {draft['Subject']!r} lacks {text!r}")
        if "to_name" in spec:  # B9: the display name written back exactly as the person wrote it
            shown = [a.display_name for a in draft["To"].addresses] if draft["To"] else []
            if shown != [spec["to_name"]]:
                self.fail(where, f"To display name {shown!r}, expected {spec['to_name']!r}")
        want = spec.get("in_reply_to")
        if want == "":  # B17: no thread with that person, so a new message
            if draft["In-Reply-To"]:
                self.fail(where, f"expected a new message, got a reply to {draft['In-Reply-To']}")
        elif want:
            if want.startswith("draft:"):
                _, kind, to = want.split(":", 2)
                want = self.draft_index.get((kind, to.lower()), f"(no {kind} draft to {to} seen)")
            got = _mid(draft["In-Reply-To"])
            if got != _mid(want):
                self.fail(where, f"In-Reply-To is {got or 'missing'}, expected {want}")

    def _check_invariants(self, drafts: list[EmailMessage], where: str) -> None:
        ids = [_mid(d["Message-ID"]) for d in drafts]
        if len(ids) != len(set(ids)):
            self.fail(where, "B20: two drafts in Drafts share a Message-ID")
        records = self._records()
        for d in drafts:
            mid = _mid(d["Message-ID"])
            label = f"{where} draft {mid} ({d['Subject']})"
            names = {k.lower() for k in d}
            extra = names - ALLOWED_HEADERS
            if extra:
                self.fail(label, f"B23: headers a mail client would not write: {sorted(extra)}")
            for k, v in d.items():
                text = str(v)
                if "\r" in text or "\n" in text:
                    self.fail(label, f"B21: CR/LF inside header {k}")
                low = f"{k}: {text}".lower()
                for marker in PROGRAM_MARKERS:
                    if marker in low:
                        self.fail(label, f"B23: header {k} names the program ({marker!r})")
                # A forbidden string may survive inside a quoted display name (escaped, harmless) but never
                # as an address or in any other header.
                checked = " ".join(a for _, a in getaddresses([text])) if k.lower() in ADDRESS_HEADERS else text
                for bad in self.sc.forbid_in_headers:
                    if bad.lower() in checked.lower():
                        self.fail(label, f"B21: header {k} carries {bad!r}: {text!r}")
            if len(d.get_all("Message-ID", [])) != 1:
                self.fail(label, "B23: a draft needs exactly one Message-ID")
            frm = parseaddr(str(d["From"] or ""))[1].lower()
            if frm not in self.my_addresses:
                self.fail(label, f"From is {frm!r}, not the user")
            rcpts = _addresses(d, "To", "Cc")
            record = records.get(mid)
            if not rcpts:
                self.fail(label, "no recipient")
            if record is not None and record[0]["kind"] == BRIEFING:
                if not set(rcpts) <= self.my_addresses:
                    self.fail(label, f"B24: a briefing goes to the user alone, not to {rcpts}")
            elif set(rcpts) & self.my_addresses:
                self.fail(label, f"B21: the user is a recipient: {rcpts}")
            if hasattr(self.mailbox, "is_flagged_draft") and not self.mailbox.is_flagged_draft(mid):
                self.fail(label, "not flagged as a draft in the mailbox")
            if record is None:
                if mid not in self.edited:
                    self.fail(label, "the agent has no record of this draft (status --json)")
                continue
            kind = record[0]["kind"]
            self._check_reply(d, kind, label)
            if kind == "thank_you" and mid not in self.edited:
                self._check_thank_you_length(d, label)
        for mid, body in self.edited.items():
            current = next((d for d in drafts if _mid(d["Message-ID"]) == mid), None)
            if current is not None and _norm(body) not in _norm(_body(current)):
                self.fail(where, f"B20: the draft the user edited ({mid}) was overwritten")
        days = [b.get("date") for b in self.status.get("briefings", [])]
        if len(days) != len(set(days)):
            self.fail(where, f"B24: more than one briefing on a day: {days}")
        for iv in self.status.get("interviews", []):
            live = [d for d in iv.get("drafts", []) if d.get("state") != "intent"]
            seen: set[tuple] = set()
            for d in live:
                key = (d["kind"], tuple(sorted(a.lower() for a in d.get("to", []))))
                if d["kind"] != "follow_up":
                    if key in seen:
                        self.fail(where, f"B20: {iv.get('company')}: a second {d['kind']} to {key[1]}")
                    seen.add(key)
            follow_ups = sum(1 for d in live if d["kind"] == "follow_up")
            if follow_ups > self.max_follow_ups:
                self.fail(where, f"B17: {iv.get('company')}: {follow_ups} follow-ups, max {self.max_follow_ups}")

    def _lint(self, drafts: list[EmailMessage], where: str) -> None:
        """The draft linter (draft_linter.py) over the agent's drafts new since the last run, and the twin
        rule over every thank-you seen in this scenario (B5, B9, B10, B17)."""
        records = self._records()
        new = []
        for d in drafts:
            mid = _mid(d["Message-ID"])
            if mid in self.linted or mid in self.edited or mid not in records:
                continue
            record, iv = records[mid]
            if record["kind"] == BRIEFING:
                continue  # a note to the user, not to a person at a company: the linter's rules do not apply
            item = draft_linter.Draft(mid, record["kind"], tuple(_addresses(d, "To", "Cc")),
                                      _words(str(d["Subject"] or "")), _body(d), iv.get("company") or "",
                                      iv.get("role") or "",
                                      tuple(str(a.display_name) for a in (d["To"].addresses if d["To"] else ())))
            self.linted[mid] = item
            new.append(item)
        profile = [self.sc.profile.get("pitch", ""), *self.sc.profile.get("strengths", [])]
        for v in draft_linter.lint(new, list(self.linted.values()), signature=self.signature,
                                   profile_sentences=profile):
            self.fail(where, str(v))

    def _check_reply(self, d: EmailMessage, kind: str, label: str) -> None:
        irt = _mid(d["In-Reply-To"])
        refs = str(d["References"] or "").split()
        # B17: a follow-up with no human thread to answer is a new message "Following up: <role> interview".
        new_follow_up = kind == "follow_up" and str(d["Subject"] or "").startswith("Following up")
        if kind in ("follow_up", "acknowledgement") and not irt and not new_follow_up:
            self.fail(label, f"B17/B18: a {kind} must be a reply (In-Reply-To missing)")
        if irt:
            if irt not in self.known_ids:
                self.fail(label, f"In-Reply-To {irt} names no message in the mailbox")
            if irt not in refs:
                self.fail(label, f"References {refs} do not end the thread with In-Reply-To {irt}")
        if re.match(r"^\s*(re|aw|sv)\s*:\s*(re|aw|sv)\s*:", str(d["Subject"] or ""), re.IGNORECASE):
            self.fail(label, f"stacked reply prefix in subject {d['Subject']!r}")

    def _check_thank_you_length(self, d: EmailMessage, label: str) -> None:
        body = _body(d)
        first_line = self.signature.splitlines()[0] if self.signature else ""
        cut = body.rfind(first_line) if first_line else -1
        if cut < 0:
            self.fail(label, f"B10: the thank-you does not end with the signature {first_line!r}")
            return
        words = len(body[:cut].split())
        if words > THANK_YOU_MAX_WORDS:
            self.fail(label, f"B10: {words} words before the signature (max {THANK_YOU_MAX_WORDS})")

    def _find(self, key: str, where: str) -> dict | None:
        """The interview a scenario names: company, role, title or id; 'Company @ YYYY-MM-DD' picks by start."""
        hits = find_interviews(self.status, key)
        if len(hits) != 1:
            summary = [(iv.get("company"), iv.get("role"), iv.get("start"), iv.get("state"))
                       for iv in self.status.get("interviews", [])]
            self.fail(where, f"{len(hits)} interviews match {key!r}; status lists {summary}")
            return None
        return hits[0]

    def _check_expectations(self, step: dict, drafts: list[EmailMessage], where: str) -> None:
        counted = self._counted(drafts)
        if "expect_total" in step and len(counted) != step["expect_total"]:
            self.fail(where, f"{len(counted)} drafts in Drafts, expected {step['expect_total']}: "
                             f"{[(str(d['To']), str(d['Subject'])) for d in counted]}")
        briefings = {b.get("date"): b.get("state") for b in self.status.get("briefings", [])}
        for day, state in step.get("expect_briefings", {}).items():
            if briefings.get(day) != state:
                self.fail(where, f"B24/B25: the briefing of {day} is {briefings.get(day)!r}, expected {state!r}; "
                                 f"briefings: {briefings}")
        if "expect_unplaced" in step:
            lines = [u.get("line") for u in self.status.get("unplaced_notes", [])]
            if len(lines) != step["expect_unplaced"]:
                self.fail(where, f"B26: {len(lines)} note line(s) reported unplaced, expected "
                                 f"{step['expect_unplaced']}: {lines}")
        if "expect_interviews" in step:
            ivs = self.status.get("interviews", [])
            if len(ivs) != step["expect_interviews"]:
                self.fail(where, f"{len(ivs)} interviews tracked, expected {step['expect_interviews']}: "
                                 f"{[(iv.get('company'), iv.get('title'), iv.get('state')) for iv in ivs]}")
        for key, state in step.get("expect_state", {}).items():
            iv = self._find(key, where)
            if iv and iv.get("state") != state:
                self.fail(where, f"{key}: state {iv.get('state')!r}, expected {state!r}")
        for key, day in step.get("expect_decision", {}).items():
            iv = self._find(key, where)
            if iv and iv.get("decision_date") != day:
                self.fail(where, f"{key}: decision date {iv.get('decision_date')} "
                                 f"({iv.get('decision_source')}), expected {day}")
        for spec in step.get("expect_interview", []):
            iv = self._find(spec["match"], where)
            if iv is None:
                continue
            for field_name in ("company", "role"):  # B5: as the company writes it, and whole
                if field_name in spec and _words(spec[field_name]) != _words(iv.get(field_name) or ""):
                    self.fail(where, f"{spec['match']}: {field_name} {iv.get(field_name)!r}, expected "
                                     f"{spec[field_name]!r}")
            if "contact" in spec and ((iv.get("contact") or {}).get("email") or "").lower() != spec["contact"]:
                self.fail(where, f"{spec['match']}: contact {iv.get('contact')}, expected {spec['contact']}")
            if "interviewers" in spec:
                got = sorted((p.get("email") or "").lower() for p in iv.get("interviewers", []))
                if got != sorted(spec["interviewers"]):
                    self.fail(where, f"{spec['match']}: interviewers {got}, expected {sorted(spec['interviewers'])}")
            if "decision_source" in spec and not str(iv.get("decision_source", "")).startswith(spec["decision_source"]):
                self.fail(where, f"{spec['match']}: decision source {iv.get('decision_source')!r}, expected "
                                 f"{spec['decision_source']!r}")
            if "start" in spec and datetime.fromisoformat(iv.get("start")) != datetime.fromisoformat(spec["start"]):
                self.fail(where, f"{spec['match']}: starts {iv.get('start')}, expected {spec['start']}")
        records = [(d, iv) for d, iv in self._records().values()]
        for spec in step.get("expect_drafts", []):
            hits = [d for d, _ in records if d["kind"] == spec["kind"] and spec["to"].lower() in
                    [a.lower() for a in d.get("to", [])]]
            states = [d.get("state") for d in hits]
            if states != [spec["state"]]:
                self.fail(where, f"status of the {spec['kind']} to {spec['to']}: {states}, expected [{spec['state']!r}]")

    def _check_logs(self, where: str) -> None:
        if not self.state_dir.exists():
            return
        for log in self.state_dir.rglob("*.log*"):
            text = log.read_text(encoding="utf-8", errors="replace")
            leaked = [s for s in self.sentences if s in text]
            if leaked:
                self.fail(where, f"B22: {log.name} contains mail text: {leaked[0]!r}")

    # -- user actions -----------------------------------------------------------------------------------

    def _target(self, step: dict, where: str) -> str | None:
        records = self._records()
        for d in self.mailbox.drafts():
            mid = _mid(d["Message-ID"])
            kind = records.get(mid, ({"kind": "?"}, {}))[0]["kind"]
            if kind == step["kind"] and step["to"].lower() in _addresses(d, "To", "Cc"):
                return mid
        self.fail(where, f"no {step['kind']} draft to {step['to']} in Drafts for the user to {step['user']}")
        return None

    def _user(self, step: dict, where: str) -> None:
        mid = self._target(step, where)
        if mid is None:
            return
        if step["user"] == "send_draft":
            draft = next(d for d in self.mailbox.drafts() if _mid(d["Message-ID"]) == mid)
            self.mailbox.send_draft(mid)
            self.known_ids.add(mid)
            self._copy_to_inbox(draft.as_bytes(), step.get("at"))
        elif step["user"] == "delete_draft":
            self.mailbox.delete_draft(mid)
        else:
            body = step.get("body") or "Edited by the user."
            if "add" in step:  # B26: a line written after another (the answer after an interview's line)
                current = _body(next(d for d in self.mailbox.drafts() if _mid(d["Message-ID"]) == mid))
                lines = current.splitlines()
                at = next((i for i, line in enumerate(lines) if step["after"] in line), None)
                if at is None:
                    self.fail(where, f"no line with {step['after']!r} in the draft to add {step['add']!r} after")
                    return
                body = "\n".join([*lines[:at + 1], step["add"], *lines[at + 1:]])
            self.mailbox.edit_draft(mid, body)
            self.edited[mid] = body
            # a client may save the edit under a new file; the Message-ID stays (Mailbox.edit_draft)
            self.seen_drafts.update(_mid(d["Message-ID"]) for d in self.mailbox.drafts())

    def _set_decision(self, step: dict, where: str) -> None:
        self._read_status(where)
        iv = self._find(step["set_decision"], where)
        if iv is None:
            return
        result = self.cli_run("set-decision", iv["id"], *shlex.split(step["date"]), "--now", step["at"].isoformat())
        if result.exit_code != 0:
            self.fail(where, f"set-decision exited {result.exit_code}: {result.stdout} {result.stderr[-1500:]}")


def _toml(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)


def replay(scenario: Scenario, mailbox: Any, workdir: Path) -> list[Failure]:
    """Play `scenario` over `mailbox` with its config and state under `workdir`; return every failure."""
    return Replay(scenario, mailbox, workdir).play()
