#!/usr/bin/env python3
"""Run the reliability tests and write docs/RELIABILITY.md from the figures they count.

    scripts/reliability_report.py            # the bounded run CI makes (about 8 minutes on 2 cores)
    scripts/reliability_report.py --long     # every scenario under every kill point, fuzzing at volume

It runs `scripts/test tests/reliability` with INTERVIEW_AGENT_RELIABILITY_REPORT pointing at a temporary
JSON file (tests/reliability/figures.py writes the counters there at the end of the session) and, when the
tests pass, renders the document from it. Exit code: the tests'.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "RELIABILITY.md"
COMMAND = "scripts/reliability_report.py"

# (promise, rule, where it is checked, the figure keys that measure it)
PROMISES = [
    ("A run killed (SIGKILL) at any step boundary, then run again, leaves exactly the drafts of an undisturbed "
     "run: never a duplicate, never a lost one", "B20", "tests/reliability/test_crash.py",
     [("crash", "kill_points", "kill points tried"), ("crash", "replays", "scenario replays"),
      ("crash", "runs", "runs killed at every boundary")]),
    ("The state store lost (deleted), emptied (0 bytes), replaced by an old backup, or a second installation "
     "with its own state on the same mailbox, before a run or right after each draft is made (the run killed "
     "there), never yields a duplicate or a lost draft on any provider: drafts are recognised in Drafts and "
     "Sent by their derived Message-IDs (the morning briefing aside: an installation's first run makes none, "
     "so that morning's may be skipped, never made twice)", "B20, B24", "tests/reliability/test_state_loss.py",
     [("state_loss", "cases", "state-loss cases"), ("state_loss", "duplicates", "duplicates found"),
      ("state_loss", "lost", "drafts lost"), ("state_loss", "briefings_skipped", "briefings skipped"),
      ("state_loss", "replays", "scenario replays")]),
    ("Two installations (own state dirs, one config user) running at the same instant on one mailbox, forced "
     "into the worst interleavings (both look a draft up before either writes; both write, then both check; or "
     "one writes and checks before the other writes), then each run once more, leave every draft in Drafts "
     "exactly once, both states record the same drafts, and the only drafts deleted are the agent's own (twins "
     "carrying its derived Message-ID, earlier morning briefings)", "B20, B19, B25",
     "tests/reliability/test_concurrent.py",
     [("concurrent", "trials", "concurrent trials"), ("concurrent", "duplicates", "duplicates found"),
      ("concurrent", "twins_deleted", "twins deleted"), ("concurrent", "replays", "scenario replays")]),
    ("At 20% provider faults (IMAP connections refused or cut, commands or answers lost; Graph and Gmail "
     "429/500/503, Graph connections dropped before or after the request), runs repeated until they succeed "
     "converge to the drafts of a clean run", "B20", "tests/reliability/test_faults.py",
     [("faults", "faults_injected", "faults injected"), ("faults", "failed_runs_retried", "failed runs retried"),
      ("faults", "replays", "faulty replays"), ("faults", "answer_lost_cases", "lost-answer cases")]),
    ("Nothing is ever sent, replied, forwarded, moved or flagged, and nothing deleted but the agent's own "
     "drafts, twins and earlier morning briefings (a draft in Drafts carrying a Message-ID the agent derived, "
     "checked before the delete reaches the server): every request to the test servers is "
     "on an allow-list, no source line can send, the Graph scopes never include Mail.Send", "B19",
     "tests/reliability/test_never_send.py (and the recorders in the crash and fault tests)",
     [("never_send", "requests_checked", "requests and IMAP commands checked"),
      ("never_send", "source_files_scanned", "source files scanned"), ("never_send", "replays", "replays")]),
    ("Hostile input (CR/LF, extra addresses, very long names, encoded words, RTL and zero-width characters) "
     "never changes a draft's recipients or headers; the MIME, iCalendar, date and address parsers return data "
     "or say the input is malformed; huge and deeply nested mail is bounded in time and memory", "B21",
     "tests/reliability/test_hostile_input.py",
     [("hostile_input", "examples", "inputs fuzzed"), ("hostile_input", "pipeline_drafts_checked",
                                                       "drafts composed from hostile invitations")]),
    ("Secrets live in 0600 files in 0700 folders, files others can read are refused with the fix, and no "
     "password or token reaches a log, the state, an error or `status --json`", "B22",
     "tests/reliability/test_secrets.py",
     [("secrets", "refusals_checked", "providers refusing a readable secret"),
      ("secrets", "secrets_searched", "secrets searched for"), ("secrets", "places_searched", "places searched")]),
    ("A damaged or too-new state database is refused with a clear message and left byte for byte as it was; "
     "migrations work from every earlier schema", "B20", "tests/reliability/test_state_integrity.py",
     [("state", "damaged_databases_refused", "damaged databases refused"),
      ("state", "migrations_tested", "earlier schemas migrated"), ("state", "schema_version", "current schema")]),
]

FOUND_AND_FIXED = [
    ("Outlook: a 500 from Graph while exporting one message was taken for a malformed mail and skipped for good "
     "(the mail was lost; a follow-up later lost its thread)", "test_faults (Graph, 20%)",
     "providers/outlook.py: a 5xx fails the run; the next run reads the mail again"),
    ("Outlook: when the answer to the POST that creates a draft was lost, the POST was sent again: a duplicate "
     "draft (B20)", "test_b20_graph_answer_to_create_draft_lost_makes_no_duplicate",
     "providers/outlook_http.py: a creating POST is not repeated after a transport error; the next run finds "
     "the draft by its Message-ID"),
    ("Gmail: when the answer to drafts.create was lost (a timeout after Google made the draft), httplib2 resent "
     "the POST: a duplicate draft (B20)", "test_b20_gmail_answer_to_drafts_create_lost_makes_no_duplicate",
     "providers/gmail.py (commit 530a596): drafts.create is sent once; a lost answer is settled by looking the "
     "draft up by Message-ID"),
    ("Drafts: a long display name holding , ; : or @ lost its quotes when Python folded the To header, turning "
     "\"Lopez, Ana; Bcc: x@attacker\" into extra recipients (B21)",
     "test_b21_hostile_names_subjects_and_ids_never_change_recipients_or_headers",
     "agent/compose.py: RFC 5322 specials are dropped from display names"),
    ("Drafts: a Message-ID holding an encoded word (\"<=?utf-8?q?x=0D=0ABcc:...?=@x>\") was copied into "
     "In-Reply-To/References, where a reader decodes it to CR/LF and a Bcc line (B21)",
     "test_b21_hostile_names_subjects_and_ids_never_change_recipients_or_headers (long run)",
     "agent/compose.py: ids with \"=?\" are not threaded"),
    ("Mail parsing: a From like \"Bcc: leak@attacker.example[,\" gave a person whose address held \",[]\" "
     "(drafting to it was refused later, but it was kept as a person)",
     "test_b21_mime_parser_returns_clean_data_or_malformed_input (long run)",
     "agent/mime.py: only one plain address per entry becomes a person"),
    ("State: a database with a damaged page or a missing table opened, then failed mid-run with a traceback",
     "test_b20_a_damaged_state_database_is_refused_untouched_and_nothing_is_redrafted",
     "agent/state.py: quick check and table check at open, refused with a clear message"),
    ("State: after the state file was emptied (0 bytes) doctor said \"integrity ok\" and the next run made the "
     "same thank-yous again; the same with the state deleted, an old backup restored, or a second installation "
     "on one mailbox (B20, issue 15)", "tests/reliability/test_state_loss.py, tests/system/test_state_record.py",
     "agent/core/compose.py, agent/executor.py, agent/core/own_drafts.py: a Message-ID derived from the user's "
     "address and the draft key, looked up in Sent and Drafts before a draft is written; agent/state.py, "
     "agent/doctor.py: a state of another account or from the future refused, a 0-byte one reported"),
    ("Two installations on one mailbox whose runs reached the same draft at the same instant both passed the "
     "Drafts lookup and both wrote it: a duplicate (B20, issue 15)", "tests/reliability/test_concurrent.py",
     "agent/twins.py, agent/executor.py: after writing, the drafts carrying the derived Message-ID are listed "
     "(Provider.find_drafts, oldest first) and all but the first deleted, the same one kept by both; intent "
     "recovery and the lookup before a write settle twins too, and a recorded draft gone from Drafts adopts the "
     "survivor"),
    ("Gmail: a token file others could read was silently chmod-ed; Outlook: the token cache's mode was not "
     "checked (B22)", "test_b22_a_secret_file_others_can_read_is_refused_with_the_fix_then_works",
     "providers/gmail_auth.py, providers/outlook_auth.py: refused with `chmod 600 FILE`"),
]

FOUND_OPEN = [
    ("IMAP (commit 9666170): Drafts' STATUS is saved in the sync cursor by store_sync, before the draft check "
     "runs; a run killed (or failing) between the two leaves a sent or deleted draft recorded as present, and "
     "every later run skips the check while Drafts stays unchanged: a deleted draft is not known as deleted, "
     "and an acknowledgement that was due is never drafted (B20, B18)",
     "test_b20_kill_at_every_step_boundary_then_rerun_gives_the_undisturbed_drafts[imap-21/24/25...]",
     "proposed: take the shortcut only against a mark saved after a completed draft check (e.g. the runner "
     "saves the cursor after the draft check, or the mark goes to state with set_draft_states)"),
]


def run_tests(long: bool, extra: list[str]) -> tuple[int, dict, float]:
    with tempfile.TemporaryDirectory(prefix="reliability-") as tmp:
        report = Path(tmp) / "figures.json"
        # one pytest process: the figures are counted in it (scripts/test runs workers otherwise)
        env = {**os.environ, "INTERVIEW_AGENT_RELIABILITY_REPORT": str(report), "INTERVIEW_AGENT_WORKERS": "0"}
        if long:
            env["INTERVIEW_AGENT_LONG"] = "1"
        started = time.monotonic()
        code = subprocess.call([str(ROOT / "scripts" / "test"), "tests/reliability", "-q", *extra], cwd=ROOT, env=env)
        elapsed = time.monotonic() - started
        data = json.loads(report.read_text()) if report.exists() else {}
    return code, data, elapsed


def fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def result_line(session: dict) -> str:
    failed = session.get("failed", [])
    counts = f"{session.get('passed', 0)} passed, {session.get('xfailed', 0)} known bug(s) marked xfail"
    if not failed:
        return f"**Result: every test passed** ({counts})."
    return (f"**Result: {len(failed)} test(s) FAILED** ({counts}); the promises they check do not hold "
            f"at this commit:\n\n" + "\n".join(f"- `{n}`" for n in failed))


def render(data: dict, elapsed: float, long: bool) -> str:
    fig = data.get("figures", {})

    def get(section: str, key: str) -> object:
        return fig.get(section, {}).get(key, 0)

    lines = [
        "# Reliability and security proof",
        "",
        "<!-- Generated by scripts/reliability_report.py from the figures the tests count; do not edit by hand. -->",
        "",
        f"Reproduce: `{COMMAND}` (the bounded run CI makes) or `{COMMAND} --long` (every scenario at every kill",
        "point, fuzzing at volume). Both run `scripts/test tests/reliability` and rewrite this file from its figures.",
        "",
        f"This run: {'long' if long else 'bounded (CI)'}, {datetime.now(UTC):%Y-%m-%d}, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPU(s), {elapsed:.0f} s for the tests.",
        "",
        result_line(fig.get("session", {})),
        "",
        "| Promise | Rule | Checked by | Figures |",
        "|---|---|---|---|",
    ]
    for promise, rule, test, keys in PROMISES:
        figures_text = "; ".join(f"{fmt(get(s, k))} {label}" for s, k, label in keys)
        lines.append(f"| {promise} | {rule} | `{test}` | {figures_text} |")
    lines += ["", "## Figures in detail", ""]
    for section in sorted(fig):
        if section == "session":
            continue
        lines.append(f"### {section}")
        lines.append("")
        for key, value in sorted(fig[section].items()):
            lines.append(f"- {key}: {fmt(value)}")
        lines.append("")
    lines += ["## Found and fixed", "",
              "| Problem found | Found by | Fix |", "|---|---|---|"]
    lines += [f"| {p} | `{t}` | {f} |" for p, t, f in FOUND_AND_FIXED]
    lines += ["", "## Found, still open", "", "| Problem found | Found by | Fix |", "|---|---|---|"]
    lines += [f"| {p} | `{t}` | {f} |" for p, t, f in FOUND_OPEN]
    lines += ["", "## How each check works", "",
              "- **Kill points** (agent/killpoints.py): with `INTERVIEW_AGENT_KILL_AT=N` the runner wraps the provider "
              "and the state store; the N-th step boundary (after sync, create_draft, find_draft, draft_status, "
              "store_sync, record_intent, record_created, forget_intent, set_draft_states, set_decision) sends "
              "SIGKILL to the process. Unset, nothing is wrapped. The crash test saves the mailbox storage and the "
              "state dir before each run, counts the run's boundaries, and for every k restores, kills at k in a "
              "forked child, runs again and compares drafts (kind, interview, recipients) and state records.",
              "- **Faults**: IMAP through a loopback proxy in front of Dovecot (tests/reliability/recorders.py): 20% "
              "of connections are refused, or cut before a command reaches the server or after it ran and before "
              "its answer; IMAP opens one connection a run, so each step is run three more times after it "
              "succeeded. Graph and Gmail: 20% of requests fail through their fakes' fault hooks (seeded). Each "
              "run is repeated at the same clock until it succeeds (at most 30 times); the drafts are compared "
              "with a clean replay of the scenario. Retry waits are capped at 10 ms. Three targeted tests lose "
              "the answer to the request that creates a draft (IMAP APPEND, Graph POST, Gmail drafts.create).",
              "- **State loss** (tests/reliability/test_state_loss.py): at each run step the world is saved and "
              "the run made undisturbed (its Drafts, by Message-ID, are the reference) in a child that traces its "
              "step boundaries; then before the run and after each `record_created` boundary (the run killed "
              "there), for each of: state dir deleted, database cut to 0 bytes, state dir replaced by the one from "
              "before the previous run step, a second installation (own config, empty state) run first, the run "
              "is made again and Drafts compared with the reference. A draft the user had deleted may come back "
              "(nothing in a mailbox records a deletion); those are counted apart (deleted_made_again).",
              "- **Two installations at once** (tests/reliability/test_concurrent.py): at each run step of a replay "
              "the world is saved and, per interleaving, two forked children run at once with their own state "
              "dirs; a provider wrapper (through killpoints.wrap_provider) makes them meet, per draft Message-ID, "
              "after both lookups (together: and again before and after both writes; staggered: the second "
              "writes only after the first has checked); `--long` adds 8 trials a step with random 0-30 ms "
              "sleeps instead, and three scenarios. Then each installation runs once more and Drafts, both states "
              "and every delete are checked. Graph's 4 requests in flight are per mailbox: the pair exceeding "
              "them gets Outlook's 429s (retried), not a violation of one agent.",
              "- **Never-send**: the same layers record every request ($batch items included) and check it against "
              "an allow-list; the source of agent/ and providers/ is scanned as Python syntax trees.",
              "- **Hostile input**: Hypothesis, derandomized and bounded in CI (200 examples a property), "
              "5,000 a property with random seeds under `--long`.",
              "",
              "Known limits: with the state lost, a draft the user had deleted can be made again (a mailbox keeps "
              "no trace of a deletion); two installations writing one draft at the same instant leave two copies "
              "for the moment until each has checked Drafts (a user looking then sees both); an installation killed "
              "between writing a twin and checking, whose state is then lost and which never plans that draft "
              "again, leaves the twin; where Drafts cannot order two copies (Graph's createdDateTime in whole "
              "seconds, a Maildir ctime tie) one installation may keep the other's copy and its record point at "
              "the deleted one until its next run finds the survivor by Message-ID (Gmail: adopted; Maildir: "
              "reported edited); Gmail's random "
              "faults are HTTP statuses only (a lost "
              "answer is tested once, on drafts.create); a kill inside a provider call is covered by the boundary "
              "after it (the call's effect is there or not, as on either side of the boundary).",
              ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long", action="store_true", help="the long run (INTERVIEW_AGENT_LONG=1)")
    parser.add_argument("--no-write", action="store_true", help="run and print the figures; leave the doc alone")
    args, extra = parser.parse_known_args()
    code, data, elapsed = run_tests(args.long, extra)
    if not data:
        print("reliability_report: the tests wrote no figures", file=sys.stderr)
        return code or 1
    text = render(data, elapsed, args.long)
    if args.no_write:
        print(text)
    else:  # written either way: a failing run says so at the top, next to the figures it did measure
        DOC.write_text(text, encoding="utf-8")
        print(f"wrote {DOC.relative_to(ROOT)}" + ("" if code == 0 else f" (the tests FAILED: exit {code})"))
    return code


if __name__ == "__main__":
    sys.exit(main())
