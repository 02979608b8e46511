"""One run for one account: sync, store, derive, plan, execute. The CLI calls this; so do tests."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import providers
from agent import executor, lifecycle
from agent import interviews as interview_mod
from agent.config import Config
from agent.errors import EXIT_FAILED, EXIT_OK, AgentError
from agent.lifecycle import Plan
from agent.model import Interview
from agent.state import State

log = logging.getLogger(__name__)


def account_name(account: dict[str, Any]) -> str:
    return str(account.get("name") or account.get("_where") or "account")


@dataclass
class RunReport:
    account: str
    plan: Plan
    interviews: dict[str, Interview]
    made: list = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped_mail: list[tuple[str, str]] = field(default_factory=list)
    held_back: str = ""  # set when the safety valve stopped the run
    exit_code: int = EXIT_OK


def open_provider(config: Config, account: dict[str, Any]):
    factory = providers.factory(str(account.get("provider")))
    settings = {**account, "_tz": config.identity.timezone}
    return factory(settings, config_dir=str(config.config_dir), state_dir=str(config.settings.state_dir))


def evaluate(config: Config, state: State, account: str, now: datetime) -> tuple[Plan, dict[str, Interview]]:
    """The plan from what the state store knows, without touching the mailbox (status, show)."""
    return _plan(config, state, state.messages(account), state.calendar_events(account), now)


def _plan(config: Config, state: State, messages: list, events: list, now: datetime):
    found = interview_mod.derive(messages, events, config.identity)
    drafts = [d for d in state.drafts() if d.state != "intent"]
    plan = lifecycle.plan(found, messages, drafts, state.decision_overrides(), config.identity,
                          config.settings, now)
    return plan, {iv.id: iv for iv in found}


def run_account(config: Config, account: dict[str, Any], state: State, now: datetime, *, dry_run: bool = False,
                force: bool = False) -> RunReport:
    name = account_name(account)
    provider = open_provider(config, account)
    try:
        since = now - timedelta(days=config.settings.lookback_days)
        batch = provider.sync(state.cursor(name), since)
        for key, reason in batch.skipped:
            log.warning("skipped a malformed message %s: %s", key, reason)
        if not dry_run:
            state.store_sync(name, batch.messages, batch.events, batch.events_complete, batch.cursor, now)
            executor.recover_intents(provider, state, name, now)
            sent = [m for m in state.messages(name) if m.folder == "sent"]
            executor.refresh_draft_states(provider, state, name, sent, now)
            plan, found = evaluate(config, state, name, now)
        else:
            plan, found = _evaluate_with(config, state, name, batch, now)
        report = RunReport(name, plan, found, skipped_mail=list(batch.skipped))
        if dry_run:
            return report
        limit = config.settings.max_drafts_per_run
        if len(plan.actions) > limit and not force:
            report.held_back = (f"this run would create {len(plan.actions)} drafts, more than max_drafts_per_run "
                                f"= {limit}; nothing was drafted. Check with `interview-agent run --dry-run`, "
                                f"then run with --force (or raise agent.max_drafts_per_run).")
            report.exit_code = EXIT_FAILED
            return report
        outcome = executor.execute(plan, found, provider=provider, state=state, account=name,
                                   identity=config.identity, profile=config.profile,
                                   templates_dir=config.config_dir / "templates", now=now)
        report.made, report.failed = outcome.made, outcome.failed
        if report.failed or report.skipped_mail:
            report.exit_code = EXIT_FAILED
        return report
    finally:
        provider.close()


def _evaluate_with(config: Config, state: State, account: str, batch, now: datetime):
    """--dry-run: plan over stored mail plus this sync's mail, storing nothing."""
    stored = state.messages(account)
    known = {m.key for m in stored}
    messages = stored + [m for m in batch.messages if m.key not in known]
    events = ([] if batch.events_complete else state.calendar_events(account)) + batch.events
    return _plan(config, state, messages, events, now)


__all__ = ["RunReport", "evaluate", "run_account", "account_name", "AgentError"]
