"""What an installed copy ships, and the demo's sample mailbox.

Building the wheel takes about 20 seconds (pip builds in an isolated environment); it is done once
per session.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import json
import subprocess
import sys
import tomllib
import zipfile
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path

import icalendar
import pytest

from agent import config, config_spec, demo
from agent.core.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q",
                    "--disable-pip-version-check", "-w", str(out)],
                   check=True, cwd=out, stdin=subprocess.DEVNULL, timeout=600)
    wheels = list(out.glob("interview_agent-*.whl"))
    assert len(wheels) == 1, wheels
    with zipfile.ZipFile(wheels[0]) as zf:
        return set(zf.namelist())


def test_b10_wheel_ships_default_templates_example_config_and_providers(wheel_names: set[str]) -> None:
    # A non-editable `pip install .` / `pipx install .` must have what `init` and the composer load.
    for name in ("agent/defaults/example.toml", "agent/defaults/templates/thank_you.txt.j2",
                 "agent/defaults/templates/follow_up.txt.j2",
                 "agent/defaults/templates/acknowledgement.txt.j2", "providers/base.py",
                 "agent/demo.py", "agent/cli.py"):
        assert name in wheel_names, f"{name} missing from the wheel"
    assert not any(n.startswith("tests/") for n in wheel_names), "tests must not be installed"


def test_wheel_ships_the_demo_sample(wheel_names: set[str]) -> None:
    # `interview-agent demo` replays data: demo.toml and every mail file it names must be installed.
    sample = REPO / "config" / "demo"
    steps = tomllib.loads((sample / "demo.toml").read_text(encoding="utf-8"))["step"]
    files = {"demo.toml", *(s["deliver"] for s in steps if "deliver" in s)}
    assert files == {str(p.relative_to(sample)) for p in sample.rglob("*") if p.is_file()}
    for name in sorted(files):
        assert f"agent/defaults/demo/{name}" in wheel_names, f"{name} missing from the wheel"


def _example_text() -> str:
    return (resources.files("agent.defaults") / "example.toml").read_text(encoding="utf-8")


def test_b1_example_config_is_accepted_after_editing_name_and_email(tmp_path: Path) -> None:
    text = _example_text()
    text = text.replace('name = "Your Name"', 'name = "Ana Souza"', 1)
    text = text.replace('email = "you@example.com"', 'email = "ana.souza@fastmail.com"', 1)
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    cfg = config.load(path)
    assert cfg.identity.name == "Ana Souza"
    assert cfg.identity.email == "ana.souza@fastmail.com"
    assert cfg.identity.timezone == "America/New_York"
    assert cfg.accounts[0]["provider"] == "maildir"
    assert cfg.settings.thank_you_window_hours == 24
    assert cfg.settings.default_decision_business_days == 7
    assert cfg.settings.max_follow_ups == 1
    assert cfg.warnings == (), "the example must not use unknown keys"


def test_b1_example_config_documents_every_key() -> None:
    text = _example_text()
    data = tomllib.loads(text)
    with pytest.raises(ConfigError) as err:  # B1: as shipped, only the two placeholders are wrong
        config.parse(data, Path("config.toml"))
    assert [p.split(" = ")[0] for p in err.value.problems] == ["user.name", "user.email"]
    keys = {key.name for table in config_spec.TABLES if table.validated for key in table.keys}
    keys |= {"provider", "path", "host", "port", "username", "security", "tls_verify", "password_command",
             "drafts_folder", "sent_folder"}
    for key in sorted(keys):
        assert f"{key} =" in text, f"example.toml does not mention {key}"


# ---------------------------------------------------------------- the demo's sample mailbox


def _parsed(root: Path) -> list[tuple[Path, email.message.EmailMessage]]:
    out = []
    for path in sorted(root.rglob("*")):
        if path.is_file():
            out.append((path, email.message_from_bytes(path.read_bytes(), policy=email.policy.default)))
    return out


def test_b2_sample_mailbox_is_parseable_mail_with_calendar_invitations(tmp_path: Path) -> None:
    demo.write_sample_mailbox(tmp_path)
    for folder in ("", ".Sent", ".Drafts"):
        for sub in ("cur", "new", "tmp"):
            assert (tmp_path / folder / sub).is_dir()
    messages = _parsed(tmp_path)
    assert len(messages) >= 10
    invitations = set()
    for path, msg in messages:
        assert not msg.defects, (path, msg.defects)
        for header in ("From", "To", "Subject", "Date", "Message-ID"):
            assert msg[header], (path, header)
        assert email.utils.parsedate_to_datetime(msg["Date"]).tzinfo is not None
        for part in msg.walk():
            if part.get_content_type() != "text/calendar" or part.get_param("method") != "REQUEST":
                continue
            cal = icalendar.Calendar.from_ical(part.get_content())
            assert str(cal["METHOD"]) == "REQUEST"
            for event in cal.walk("VEVENT"):
                attendees = event.get("ATTENDEE")
                attendees = attendees if isinstance(attendees, list) else [attendees]
                assert any(str(a).lower().endswith(("jordan.lee@gmail.com", "@bluepeak-logistics.com"))
                           for a in attendees)
                assert event.decoded("DTSTART").tzinfo is not None
                invitations.add((str(event["UID"]), event.decoded("DTSTART")))
    assert len(invitations) >= 3
    # Exchange's Windows zone name resolves through the VTIMEZONE it carries: 10:00 New York time.
    starts = {start.astimezone(demo.TZ) for _uid, start in invitations}
    assert datetime(2026, 11, 18, 10, 0, tzinfo=demo.TZ) in starts
    assert datetime(2026, 11, 19, 13, 0, tzinfo=demo.TZ) in starts  # Greenhouse, written in UTC


def test_b8_demo_runs_twice_a_day_and_mail_arrives_between_runs() -> None:
    steps = demo.demo_script()
    assert [s.when for s in steps] == sorted(s.when for s in steps)
    runs = [s for s in steps if isinstance(s, demo.Run)]
    assert runs[0].when == datetime(2026, 11, 16, 8, 0, tzinfo=demo.TZ)
    assert (runs[-1].when - runs[0].when).days >= 14
    assert all(r.caption for r in runs)
    assert demo.demo_timeline() == [(r.when, r.caption) for r in runs]
    deliveries = [s for s in steps if isinstance(s, demo.Delivery)]
    later = [d for d in deliveries if d.when > runs[0].when]
    assert len(later) >= 5, "mail must keep arriving during the replay, not all at once"
    # Every interview has ended before some run within its 24-hour thank-you window.
    for end in (datetime(2026, 11, 17, 15, 0, tzinfo=demo.TZ), datetime(2026, 11, 18, 10, 45, tzinfo=demo.TZ),
                datetime(2026, 11, 19, 14, 30, tzinfo=demo.TZ)):
        assert any(end < r.when <= end.replace(hour=23) for r in runs)


def test_b15_sample_replies_thread_onto_what_jordan_sent(tmp_path: Path) -> None:
    # Replay the tree up to Jordan sending the Acme thank-yous, with one draft standing in for the agent's.
    steps = demo.demo_script()
    send = next(s for s in steps if isinstance(s, demo.SendDrafts))
    for step in steps:
        if isinstance(step, demo.Delivery) and step.when < send.when:
            demo.perform(tmp_path, step)
    draft = email.message.EmailMessage()
    draft["From"] = "Jordan Lee <jordan.lee@gmail.com>"
    draft["To"] = "Marcus Chen <marcus.chen@acme-robotics.com>"
    draft["Subject"] = "Thank you - Backend Engineer at Acme Robotics"
    draft["Date"] = email.utils.format_datetime(send.when)
    draft["Message-ID"] = "<draft-1@gmail.com>"
    draft.set_content("Hi Marcus,\n\nThank you for your time today.\n")
    (tmp_path / ".Drafts" / "cur" / "1.draft:2,D").write_bytes(draft.as_bytes())
    demo.perform(tmp_path, send)
    assert not list((tmp_path / ".Drafts" / "cur").iterdir())
    assert [p.name for p in (tmp_path / ".Sent" / "cur").iterdir() if p.name.startswith("1.draft")] == \
        ["1.draft:2,S"]
    auto = next(s for s in steps if isinstance(s, demo.Delivery) and s.answers == "marcus.chen@acme-robotics.com")
    before = set((tmp_path / "new").iterdir())
    demo.perform(tmp_path, auto)
    (path,) = set((tmp_path / "new").iterdir()) - before
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert msg["In-Reply-To"] == "<draft-1@gmail.com>"
    assert msg["Subject"] == "Automatic reply: Thank you - Backend Engineer at Acme Robotics"
    assert msg["Auto-Submitted"] == "auto-replied"


# ---------------------------------------------------------------- the replay, end to end


@dataclass
class Replay:
    code: int  # worst exit code of the runs
    drafts: list[email.message.EmailMessage]  # every message in the tree that the sample did not deliver
    status: dict  # `status --json` at the end


@pytest.fixture(scope="module")
def replay(tmp_path_factory: pytest.TempPathFactory) -> Replay:
    """`interview-agent demo --dir DIR` in-process, then `status --json`."""
    from agent.cli import main

    root = tmp_path_factory.mktemp("demo")
    code = demo.run_demo(root, main, echo=lambda *_a: None)
    last = demo.demo_timeline()[-1][0]
    status_code, out = demo._invoke(main, ["--config", str(root / "config.toml"), "status", "--json",
                                           "--now", last.isoformat()])
    assert status_code == 0, out
    sample_ids = {str(email.message_from_bytes(s.raw, policy=email.policy.default)["Message-ID"]).strip()
                  for s in demo.demo_script() if isinstance(s, demo.Delivery)}
    drafts = []
    for folder in (".Drafts", ".Sent"):
        for path in sorted((root / "Mail" / folder).glob("*/*")):
            msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if str(msg["Message-ID"]).strip() not in sample_ids:
                drafts.append(msg)
    return Replay(code, drafts, json.loads(out))


def _made(replay: Replay, kind: str) -> list[str]:
    """Recipients of the drafts of `kind` that status lists, sorted."""
    return sorted(to.lower() for iv in replay.status["interviews"] for d in iv["drafts"] if d["kind"] == kind
                  for to in d["to"])


def test_b19_demo_writes_drafts_only_to_the_interview_people(replay: Replay) -> None:
    assert replay.code == 0
    allowed = {"priya.shah@acme-robotics.com", "dana.whitfield@acme-robotics.com", "marcus.chen@acme-robotics.com",
               "sam.okafor@northwind-labs.com", "rachel.kim@initech.io", "tom.becker@initech.io",
               "lisa.park@initech.io"}
    assert replay.drafts, "the replay made no drafts"
    briefings = {b["message_id"] for b in replay.status["briefings"]}
    for d in replay.drafts:  # no dentist, colleague, newsletter or no-reply address; always from Jordan
        # B24: the morning briefing goes to Jordan alone
        to = {"jordan.lee@gmail.com"} if str(d["Message-ID"]).strip() in briefings else allowed
        assert {a.addr_spec.lower() for a in d["To"].addresses} <= to, d["To"]
        assert d["Cc"] is None
        assert d["From"].addresses[0].addr_spec == "jordan.lee@gmail.com"
    listed = {d["message_id"] for iv in replay.status["interviews"] for d in iv["drafts"]}
    assert {str(d["Message-ID"]).strip() for d in replay.drafts} == listed | (briefings & {
        str(d["Message-ID"]).strip() for d in replay.drafts})
    assert briefings, "B24: the demo shows a briefing on its interview days"


def test_b9_demo_thanks_each_interviewer_once(replay: Replay) -> None:
    assert _made(replay, "thank_you") == sorted([
        "dana.whitfield@acme-robotics.com", "marcus.chen@acme-robotics.com",  # not Priya: the recruiter (B6)
        "sam.okafor@northwind-labs.com",  # the Outlook/Teams invitation
        "lisa.park@initech.io", "tom.becker@initech.io",  # Greenhouse: not its no-reply organizer
    ])


def test_b17_demo_follows_up_with_the_contacts_after_the_decision_dates(replay: Replay) -> None:
    assert _made(replay, "follow_up") == ["priya.shah@acme-robotics.com", "rachel.kim@initech.io"]
    follow_ups = {str(d["To"].addresses[0].addr_spec): d for d in replay.drafts
                  if str(d["Message-ID"]) in {x["message_id"] for iv in replay.status["interviews"]
                                              for x in iv["drafts"] if x["kind"] == "follow_up"}}
    assert follow_ups["priya.shah@acme-robotics.com"]["In-Reply-To"], "it must answer the thread with Priya"
    states = {iv["company"]: iv for iv in replay.status["interviews"]}
    # B26: Jordan's note to himself, "Initech: by next Wednesday", sent on Thursday Nov 19
    assert states["Initech"]["decision_source"].startswith("note <")
    assert states["Initech"]["decision_date"] == "2026-11-25"
    assert states["Acme Robotics"]["decision_date"] == "2026-12-04"  # moved by Priya's answer (B16)


def test_b24_demo_briefs_jordan_on_each_interview_day(replay: Replay) -> None:
    days = {b["date"]: b["state"] for b in replay.status["briefings"]}
    assert {"2026-11-17", "2026-11-18", "2026-11-19"} <= set(days)  # Acme, Northwind, Initech
    assert list(days.values()).count("draft") == 1 and set(days.values()) <= {"draft", "replaced"}  # B25


def test_b18_demo_acknowledges_the_answer_and_the_rejection(replay: Replay) -> None:
    assert _made(replay, "acknowledgement") == ["priya.shah@acme-robotics.com", "sam.okafor@northwind-labs.com"]
    states = {iv["company"]: iv["state"] for iv in replay.status["interviews"]}
    assert states.get("Northwind Labs") == "closed"


def test_b5_b9_b10_b17_the_demos_drafts_pass_the_draft_linter(replay: Replay) -> None:
    """Issue 14's linter (tests/scenarios/draft_linter.py) over every draft the demo wrote: the company as
    written, the whole role, greetings not made from addresses, no system subject, no twin thank-yous at one
    company, at most 150 words."""
    from tests.scenarios import draft_linter
    from tests.scenarios.harness import _body

    records = {d["message_id"]: (d, iv) for iv in replay.status["interviews"] for d in iv["drafts"]}
    drafts = []
    for msg in replay.drafts:
        if str(msg["Message-ID"]).strip() not in records:
            continue  # the briefing (B24): a note to Jordan, not to someone at a company
        record, iv = records[str(msg["Message-ID"]).strip()]
        drafts.append(draft_linter.Draft(
            str(msg["Message-ID"]).strip(), record["kind"], tuple(a.addr_spec.lower() for a in msg["To"].addresses),
            " ".join(str(msg["Subject"]).split()), _body(msg), iv["company"], iv["role"],
            tuple(str(a.display_name) for a in msg["To"].addresses)))
    profile = demo._spec()["profile"]
    found = draft_linter.lint(drafts, drafts, signature=profile.get("signature", "").strip(),
                              profile_sentences=[profile.get("pitch", ""), *profile.get("strengths", [])])
    assert len(drafts) >= 8 and not found, "\n".join(str(v) for v in found)
