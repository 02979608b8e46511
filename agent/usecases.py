"""What the CLI's commands do, as functions that return data: a run over every account, every account's
plan as of an instant, a decision date the user sets. The CLI prints what they return (`views`); the
daemon calls the same run.

The runner, the state store and the core's date reader are imported where they are used, so that
`interview-agent --help` stays quick.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from agent import config as config_mod
from agent.core.errors import AgentError, ConfigError

if TYPE_CHECKING:
    from agent.core.lifecycle import InterviewView, Plan
    from agent.core.model import DraftRecord
    from agent.core.self_notes import Unplaced
    from agent.runner import AccountResult
    from agent.state import State


def parse_now(value: str | None, cfg: config_mod.Config) -> datetime:
    """The instant `--now` names (in the user's zone when it names none), or the present."""
    if not value:
        return datetime.now(cfg.identity.tz)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"--now {value!r} is not an ISO 8601 instant, e.g. 2026-11-17T18:00:00-05:00") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=cfg.identity.tz)


# -- run ---------------------------------------------------------------------------------------------
@dataclass
class RunOutcome:
    """One run over every account: each account's result, the exit code, and (not on a dry run) the
    summary line for the log."""

    results: list[AccountResult]
    several: bool  # more than one account: messages name the account
    exit_code: int
    summary: str | None = None


def run(cfg: config_mod.Config, now: datetime, *, dry_run: bool, force: bool,
        stopping: Callable[[], bool] = lambda: False) -> RunOutcome:
    """One run over every account (the caller holds the run lock unless `dry_run`)."""
    from agent import runner
    from agent.state import State

    with State.open(cfg.settings.state_dir) as state:
        results = runner.run_all(cfg, state, now, dry_run=dry_run, force=force, stopping=stopping)
        # each plan again once the run's drafts exist, for the summary's next step
        after = {} if dry_run else {r.name: runner.evaluate(cfg, state, r.name, now)[0]
                                    for r in results if r.report is not None and r.report.made}
    return RunOutcome(results, several=len(cfg.accounts) > 1, exit_code=runner.exit_code(results),
                      summary=None if dry_run else runner.summary(results, now, after))


# -- status / show / set-decision --------------------------------------------------------------------
@dataclass
class Plans:
    """Every account's plan as of an instant: (account, clock, plan) and all their interviews' views."""

    accounts: list[tuple[str, datetime, Plan]]
    views: list[InterviewView] = field(default_factory=list)
    briefings: list[DraftRecord] = field(default_factory=list)  # B24, every account's, oldest first
    unplaced: list[Unplaced] = field(default_factory=list)  # B26: note lines tied to no one interview


def evaluate_all(cfg: config_mod.Config, state: State, now_text: str | None) -> Plans:
    """Each account's plan at `now_text`, or, when none is given, as of that account's last run: what the
    agent knew then, at that run's clock."""
    from agent import runner

    out = []
    for account in cfg.accounts:
        name = runner.account_name(account)
        if now_text:
            now = parse_now(now_text, cfg)
        else:
            last = state.last_run(name)
            now = datetime.fromisoformat(last) if last else datetime.now(cfg.identity.tz)
        plan, _ = runner.evaluate(cfg, state, name, now)
        out.append((name, now, plan))
    from agent.core import briefing

    return Plans(out, [v for _, _, plan in out for v in plan.views],
                 [d for d in state.drafts() if briefing.is_briefing(d) and d.state != "intent"],
                 [u for _, _, plan in out for u in plan.unplaced_notes])


def plans(cfg: config_mod.Config, now_text: str | None) -> Plans:
    """`evaluate_all` over the state store (for status and show)."""
    from agent.state import State

    with State.open(cfg.settings.state_dir) as state:
        return evaluate_all(cfg, state, now_text)


SHORT_ID = 9  # "iv-" and six hex digits: what `status` shows, longer only where two ids share it


def short_ids(ids: list[str]) -> dict[str, str]:
    """Each id's shortest prefix of at least SHORT_ID characters that no other id starts with (what
    `status` shows and `show` accepts)."""
    out = {}
    for iv_id in ids:
        size = min(SHORT_ID, len(iv_id))
        while size < len(iv_id) and any(o != iv_id and o.startswith(iv_id[:size]) for o in ids):
            size += 1
        out[iv_id] = iv_id[:size]
    return out


def find_interview(views: list[InterviewView], wanted: str, tz=None) -> InterviewView:
    """The one interview `wanted` names: its whole id, a unique prefix of it, or a company name that
    matches one interview (interface spec). AgentError, listing the candidates, when it names none or
    several."""
    text = wanted.strip()
    exact = [v for v in views if v.interview.id == text]
    if exact:
        return exact[0]
    key = text.casefold()
    for how, match in (("id prefix", lambda v: bool(key) and v.interview.id.casefold().startswith(key)),
                       ("company", lambda v: (v.interview.company or "").casefold() == key),
                       ("company", lambda v: bool(key) and key in (v.interview.company or "").casefold())):
        found = [v for v in views if match(v)]
        if len(found) == 1:
            return found[0]
        if found:
            short = short_ids([v.interview.id for v in views])
            listed = "; ".join(f"{short[v.interview.id]} ({v.interview.company or '?'}, "
                               f"{v.interview.start.astimezone(tz):%a %b %d %H:%M})" for v in found)
            raise AgentError(f"{wanted!r} matches {len(found)} interviews by {how}: {listed}; "
                             f"give one of these ids")
    raise AgentError(f"no interview {wanted!r}; `interview-agent status` lists them")


def set_decision(cfg: config_mod.Config, interview_id: str, text: str, now_text: str | None) -> date:
    """Record the decision date the user was told (`text`: "next Friday", "Dec 11", 2026-12-11) for an
    interview, and return it. Raises AgentError when the date cannot be read or there is no such interview."""
    from agent.core import dates
    from agent.state import State

    now = parse_now(now_text, cfg)
    try:
        day = dates.parse_user_date(text, now=now, tz=cfg.identity.tz)
    except ValueError as exc:
        raise AgentError(f"cannot read {text!r} as a date: {exc}") from exc
    with State.open(cfg.settings.state_dir) as state:
        view = find_interview(evaluate_all(cfg, state, now_text).views, interview_id, cfg.identity.tz)
        from agent import killpoints

        killpoints.wrap_state(state).set_decision(view.interview.id, day, f"you said: {text}", now)
    return day
