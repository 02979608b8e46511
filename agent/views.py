"""What the CLI prints: a run's lines, `status` as a rich table or stable JSON, `show` as text.

The use cases (`usecases`) return data; these functions turn it into output. A run's messages also go to
the log file, marked as already said on stderr (`logs`).
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import click

from agent.core.briefing import KEY_PREFIX, QUESTION
from agent.core.errors import AgentError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from agent.core.lifecycle import InterviewView
    from agent.core.model import DraftRecord, Person
    from agent.core.settings import Identity
    from agent.doctor import Check
    from agent.runner import RunReport
    from agent.usecases import Plans, RunOutcome

run_log = logging.getLogger("agent.run")


# -- run ---------------------------------------------------------------------------------------------
def report_run(outcome: RunOutcome, *, dry_run: bool, echo_summary: bool = False) -> None:
    """Print what the run did for each account, and each failure with its reconnect command; log the
    failures and the summary line (printed too when `echo_summary`: `run` and the daemon)."""
    several = outcome.several
    for result in outcome.results:
        if result.report is not None:
            _print_report(result.report, dry_run, several)
            continue
        exc = result.error
        prefix = f"{result.name}: " if several else ""
        if isinstance(exc, AgentError):
            message = f"{prefix}{exc}"
            run_log.error("%s", message, extra={"echoed": True})
        else:
            message = f"{prefix}the run failed unexpectedly ({type(exc).__name__}: {exc}); details in the log"
            run_log.error("%s", message, exc_info=exc, extra={"echoed": True})
        click.echo(f"error: {message}", err=True)
        if result.reconnect:
            click.echo(f"  to reconnect {result.name}, run: {result.reconnect}", err=True)
            run_log.error("to reconnect %s, run: %s", result.name, result.reconnect, extra={"echoed": True})
    if outcome.summary is not None:
        run_log.info("%s", outcome.summary)
        if echo_summary:
            click.echo(outcome.summary)


def _print_report(report: RunReport, dry_run: bool, several: bool) -> None:
    views = report.plan.views
    tag = f"{report.account}: " if several else ""
    if dry_run:
        count = len(report.plan.actions)
        click.echo(f"{report.account}: {len(views)} interview(s); would draft "
                   + (f"{count}:" if count else "nothing"))
        for a in report.plan.actions:
            click.echo(f"  {a.kind:<15} to {a.to.email:<35} {a.reason}")
        return
    if report.held_back:
        click.echo(f"{report.account}: {report.held_back}", err=True)
        run_log.warning("%s: %s", report.account, report.held_back, extra={"echoed": True})
    # On a terminal the subject says which draft it is; anywhere else (cron appends this output to the log)
    # the interview id does, and no mail text reaches a file (B22).
    terminal = sys.stdout.isatty()
    for rec in report.made:
        if not rec.interview_id:  # B24: to the user alone, about no one interview
            click.echo(f"{tag}drafted the morning briefing (to you)" + (f": {rec.subject}" if terminal else ""))
            continue
        what = rec.subject if terminal else f"interview {rec.interview_id}"
        click.echo(f"{tag}drafted {rec.kind} to {', '.join(rec.to)}: {what}")
    due = [v for v in views if v.state != "closed"]
    run_log.debug("%s: %d interview(s) tracked, %d open, %d draft(s) made, %d skipped", report.account,
                  len(views), len(due), len(report.made), len(report.failed) + len(report.skipped_mail))


# -- status ------------------------------------------------------------------------------------------
def print_checks(checks: Sequence[Check]) -> int:
    """doctor's report: one line per check ("ok" or "FAIL", the area, what, the finding or the fix), then a
    closing line; returns how many failed."""
    width = max((len(c.area) for c in checks), default=0)
    for c in checks:
        click.echo(f"{'ok  ' if c.ok else 'FAIL'}  {c.area:<{width}}  {c.what}: {c.detail}")
    failed = sum(not c.ok for c in checks)
    click.echo(f"{failed} problem(s) found" if failed else "all checks passed")
    return failed


def interview_json(view: InterviewView, tz: ZoneInfo) -> dict[str, Any]:
    """One interview as `status --json` gives it (a stable format: programs read it)."""
    iv = view.interview
    return {
        "id": iv.id, "company": iv.company, "role": iv.role, "title": iv.title,
        "start": iv.start.astimezone(tz).isoformat(), "end": iv.end.astimezone(tz).isoformat(),
        "state": view.state, "decision_date": view.decision.day.isoformat(),
        "decision_source": view.decision.source, "decision_sentence": view.decision.sentence,
        "next_step": view.next_step,
        "contact": iv.contact.to_json() if iv.contact else None,
        "interviewers": [p.to_json() for p in iv.interviewers],
        "drafts": [{"kind": d.kind, "to": list(d.to), "message_id": d.message_id,
                    "created_at": d.created_at.isoformat() if d.created_at else None, "state": d.state,
                    "subject": d.subject} for d in view.drafts if d.state != "intent"],
    }


def _briefing_json(d: DraftRecord) -> dict[str, Any]:
    return {"date": d.key.removeprefix(KEY_PREFIX), "message_id": d.message_id,
            "created_at": d.created_at.isoformat() if d.created_at else None, "state": d.state}


def status_json(plans: Plans, tz: ZoneInfo) -> str:
    """`status --json` (interface spec): the interviews, and beside them the briefings (B24) and the note
    lines that could not be placed (B26)."""
    return json.dumps({"interviews": [interview_json(v, tz) for v in plans.views],
                       "briefings": [_briefing_json(d) for d in plans.briefings],
                       "unplaced_notes": [{"message_id": u.message_id, "date": u.at.astimezone(tz).isoformat(),
                                           "line": u.line, "why": u.why} for u in plans.unplaced]},
                      indent=2, ensure_ascii=False)


def print_status(plans: Plans, identity: Identity) -> None:
    """`status` for people: the interviews' table, the question to ask at those to come (B24), and the note
    lines that could not be placed (B26)."""
    tz = identity.tz
    print_status_table(plans.views, plans.accounts[0][1] if plans.accounts else None, tz)
    for v in plans.views:
        if v.state == "upcoming":
            click.echo(f"Before {v.interview.company or 'the'} interview ends "
                       f"({v.interview.start.astimezone(tz):%a %b %d %H:%M}), ask: \"{QUESTION}\"")
    for u in plans.unplaced:
        click.echo(f"Could not place your note of {u.at.astimezone(tz):%Y-%m-%d} ({u.message_id}): "
                   f"\"{u.line}\": {u.why}; nothing was changed")


def print_status_table(views: list[InterviewView], as_of: datetime | None, tz: ZoneInfo) -> None:
    """`status` for people: a rich table of the interviews (titled with the clock they were evaluated at)."""
    from rich.console import Console
    from rich.table import Table

    from agent.usecases import short_ids

    table = Table(title=f"Interviews (as of {as_of.astimezone(tz):%Y-%m-%d %H:%M})" if as_of else None)
    short = short_ids([v.interview.id for v in views])
    # the id column is never cut: `show ID` takes what it prints (the other columns wrap instead)
    table.add_column("id", no_wrap=True, min_width=max((len(s) for s in short.values()), default=2))
    for col in ("company", "role", "when", "state", "decision", "next", "drafts"):
        table.add_column(col)
    for v in views:
        iv = v.interview
        drafts = ", ".join(f"{d.kind}:{d.state}" for d in v.drafts if d.state != "intent") or "-"
        table.add_row(short[iv.id], iv.company or "?", iv.role or "-", f"{iv.start.astimezone(tz):%a %b %d %H:%M}",
                      v.state, f"{v.decision.day:%b %d} ({v.decision.source.split(' ')[0]})", v.next_step, drafts)
    Console().print(table if views else "No interviews tracked yet.")


# -- show --------------------------------------------------------------------------------------------
def show_text(view: InterviewView, identity: Identity) -> str:
    """`show`: one interview in full, with the reasons behind each decision."""
    tz = identity.tz
    iv = view.interview
    lines = [
        f"{iv.id}  {iv.company or '?'} - {iv.role or 'role not stated'}",
        f"  title:        {iv.title}",
        f"  when:         {iv.start.astimezone(tz):%a %Y-%m-%d %H:%M} - {iv.end.astimezone(tz):%H:%M} "
        f"({identity.timezone})",
        f"  source:       {iv.origin}",
        f"  state:        {view.state}; next: {view.next_step}",
        f"  contact:      {_person(iv.contact)}",
        f"  interviewers: {', '.join(_person(p) for p in iv.interviewers) or '-'}",
        f"  decision:     {view.decision.day.isoformat()} from {view.decision.source}",
        f"                \"{view.decision.sentence}\"",
        *([f"  ask:          before it ends, \"{QUESTION}\""] if view.state == "upcoming" else []),
        "  drafts:",
        *([f"    {d.kind} to {', '.join(d.to)}: {d.state} (made {d.created_at:%Y-%m-%d %H:%M}; {d.reason})"
           for d in view.drafts if d.created_at] or ["    none yet"]),
        "  why:",
        *(f"    - {line}" for line in view.log),
    ]
    return "\n".join(lines)


def _person(p: Person | None) -> str:
    if p is None:
        return "-"
    return f"{p.name} <{p.email}>" if p.name else p.email
