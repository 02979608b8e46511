"""One run for one account: sync, store, derive, plan, execute. The CLI calls this; so do tests."""

from __future__ import annotations

import hashlib
import logging
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

import providers
from agent import killpoints, plan_cache, progress
from agent.config import Config
from agent.core import lifecycle
from agent.core.errors import EXIT_CONFIG, EXIT_FAILED, EXIT_OK, EXIT_UNREACHABLE, AgentError, loggable
from agent.core.lifecycle import Plan
from agent.core.model import Interview, Message
from agent.state import State

if TYPE_CHECKING:
    from providers.base import AuthError

log = logging.getLogger(__name__)


def account_name(account: dict[str, Any]) -> str:
    """The account's name in the state store and in messages (see config.default_account_name)."""
    return str(account.get("_name") or account.get("name") or account.get("_where") or "account")


@dataclass
class RunReport:
    account: str
    plan: Plan
    interviews: dict[str, Interview]
    made: list = field(default_factory=list)
    found: list = field(default_factory=list)  # already in Drafts or Sent (state lost, another installation)
    failed: list[str] = field(default_factory=list)
    skipped_mail: list[tuple[str, str]] = field(default_factory=list)
    held_back: str = ""  # set when the safety valve stopped the run
    exit_code: int = EXIT_OK


def open_provider(config: Config, account: dict[str, Any]):
    factory = providers.factory(str(account.get("provider")))
    settings = {**account, "_tz": config.identity.timezone}
    return factory(settings, config_dir=str(config.config_dir), state_dir=str(config.settings.state_dir))


def evaluate(config: Config, state: State, account: str, now: datetime, *,
             record: bool = False) -> tuple[Plan, dict[str, Interview]]:
    """The plan from what the state store knows, without touching the mailbox (status, show). `record`
    (a run): drafts of the agent's recognised in the stored Sent mail but not recorded are recorded."""
    return _plan(config, state, account, state.messages(account), state.calendar_events(account), now,
                 record=record)


def _plan(config: Config, state: State, account: str, messages: list, events: list, now: datetime, *,
          record: bool = False):
    from agent.core import interviews as interview_mod  # imported when a plan is made, not on every run
    from agent.core import own_drafts, self_notes

    # B26: mail the user sent to themselves is read for decision dates alone, never as mail to anyone
    messages, notes = self_notes.split(messages, config.identity)
    found = interview_mod.derive(messages, events, config.identity)
    drafts = [d for d in state.drafts() if d.state != "intent"]
    # B20: the agent's drafts the user sent, recognised in Sent by their derived Message-IDs when the state
    # has no record of them (lost, emptied, replaced, or another installation made them)
    recognised = own_drafts.recognise_sent(found, messages, state.drafts(), config.identity)
    if recognised:
        log.info("recognised %d draft(s) of the agent's in Sent that the state had no record of",
                 len(recognised))
        if record:
            state.record_found(account, recognised, now)
        drafts += recognised
    reading = self_notes.read(notes, found, config.identity)
    overrides = state.decision_overrides()
    for iv_id, statement in reading.statements.items():  # B13: the later of set-decision and a note
        if iv_id not in overrides or statement.stated_at > overrides[iv_id].stated_at:
            overrides[iv_id] = statement
    plan = lifecycle.plan(found, messages, drafts, overrides, config.identity, config.settings, now)
    plan = lifecycle.with_briefing(plan, drafts, config.identity, config.settings, now, state.completed_run(account))
    plan.unplaced_notes = reading.unplaced
    return plan, {iv.id: iv for iv in found}


def run_account(config: Config, account: dict[str, Any], state: State, now: datetime, *, dry_run: bool = False,
                force: bool = False) -> RunReport:
    name = account_name(account)
    provider = killpoints.wrap_provider(open_provider(config, account))
    state = killpoints.wrap_state(state)  # both unchanged unless a crash test set INTERVIEW_AGENT_KILL_AT
    try:
        since = now - timedelta(days=config.settings.lookback_days)
        cursor = state.cursor(name)
        with progress.reading_bar(first_run=cursor is None) as on_progress:
            batch = provider.sync(cursor, since, progress=on_progress)
        for key, reason in batch.skipped:
            log.warning("skipped a malformed message %s: %s", key, loggable(reason))
        if not dry_run:
            # The mail first, under the old cursor; the new one only once the drafts are checked, so that a
            # run killed in between reads the same changes again (a cursor may vouch for Drafts: IMAP).
            state.store_sync(name, batch.messages, batch.events, batch.events_complete, None, now)
            batch.messages.clear()  # stored: the plan reads them back from the store (memory on a first run)
            _check_drafts(provider, state, name, now)
            state.save_cursor(name, batch.cursor)
            plan, found = _evaluate_cached(config, state, name, now)
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
        from agent import executor

        for _ in range(REBUILD_PASSES):
            outcome = executor.execute(plan, found, provider=provider, state=state, account=name,
                                       identity=config.identity, profile=config.profile,
                                       templates_dir=config.config_dir / "templates", now=now)
            report.made += outcome.made
            report.found += outcome.found
            report.failed += outcome.failed
            if not outcome.found:
                break
            # Drafts found in the mailbox (the state was lost, or another installation made them) change
            # the plan: what follows them (a follow-up after a sent one, ...) is planned now, not next run.
            plan, found = evaluate(config, state, name, now, record=True)
            if len(report.made) + len(plan.actions) > limit and not force:
                break
        state.record_completed_run(name, now)
        if report.failed or report.skipped_mail:
            report.exit_code = EXIT_FAILED
        return report
    finally:
        provider.close()


REBUILD_PASSES = 4  # plans made in one run while drafts keep turning up in the mailbox (a lost state)


def _check_drafts(provider, state: State, name: str, now: datetime) -> None:
    """Interrupted drafts recovered, and what became of the drafts made (executor); the executor and the
    stored Sent mail are loaded only when there is a draft to look at."""
    states = {d.state for d in state.drafts(name)}
    if not states & {"intent", "draft", "edited"}:
        return
    from agent import executor

    if "intent" in states:
        executor.recover_intents(provider, state, name, now)
    executor.refresh_draft_states(provider, state, name, _LazyList(lambda: state.messages(name, "sent")), now)


class _LazyList(Sequence[Message]):
    """A list read from the store on first use (the Sent mail, needed only when a draft went missing)."""

    def __init__(self, load: Callable[[], list[Message]]):
        self._load = load
        self._items: list[Message] | None = None

    def _all(self) -> list[Message]:
        if self._items is None:
            self._items = self._load()
        return self._items

    def __getitem__(self, index):
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())


PLAN_CACHE_FORMAT = "1"


def _code_signature() -> str:
    """Which code made a cached plan: the agent's modules as installed (path, size, mtime)."""
    here = Path(__file__).parent
    return ";".join(f"{p.relative_to(here)}:{st.st_size}:{st.st_mtime_ns}" for p in sorted(here.rglob("*.py"))
                    for st in (p.stat(),))


def _plan_fingerprint(config: Config, state: State, account: str) -> str:
    """Everything a plan is made from except the clock: the account's stored mail and calendar (by their
    version), drafts, decision dates, the user's identity and settings, and the code."""
    parts = (PLAN_CACHE_FORMAT, _code_signature(), account, state.content_version(account),
             state.plan_inputs_digest(), repr(config.identity), repr(config.settings))
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _evaluate_cached(config: Config, state: State, account: str, now: datetime):
    """evaluate(), or the last plan when nothing it is made from has changed and the clock has crossed
    none of the instants it depends on (lifecycle.Plan.valid_at): a run with nothing new does not
    re-read the stored mail. A plan with drafts still to make is always made afresh."""
    fingerprint = _plan_fingerprint(config, state, account)
    data = state.cached_plan(account, fingerprint)
    cached = plan_cache.load(data) if data is not None else None
    if cached is not None and cached[0].valid_at(now) and not cached[0].actions:
        log.debug("nothing changed since the last plan: reusing it")
        return cached
    plan, found = evaluate(config, state, account, now, record=True)
    if not plan.actions:
        state.store_plan(account, fingerprint, plan_cache.dump(plan, found))
    return plan, found


def _evaluate_with(config: Config, state: State, account: str, batch, now: datetime):
    """--dry-run: plan over stored mail plus this sync's mail, storing nothing."""
    stored = state.messages(account)
    known = {m.key for m in stored}
    messages = stored + [m for m in batch.messages if m.key not in known]
    events = ([] if batch.events_complete else state.calendar_events(account)) + batch.events
    return _plan(config, state, account, messages, events, now)


# -- every account, one run -------------------------------------------------------------------------
@dataclass
class AccountResult:
    """What one run did for one account: a report, or the error that stopped it."""

    name: str
    report: RunReport | None = None
    error: BaseException | None = None
    reconnect: str = ""  # the command that reconnects, when the credentials were refused

    @property
    def exit_code(self) -> int:
        if self.report is not None:
            return self.report.exit_code
        return getattr(self.error, "exit_code", EXIT_FAILED)


def run_all(config: Config, state: State, now: datetime, *, dry_run: bool = False, force: bool = False,
            stopping: Callable[[], bool] = lambda: False) -> list[AccountResult]:
    """One run over every account. An account that fails is reported in its result (the caller logs it) and
    the others still run; an interruption (BaseException) goes through, and with a single account so does
    an unexpected error (a bug shows its traceback)."""
    trust(config, state, now, claim=not dry_run)
    results: list[AccountResult] = []
    for account in config.accounts:
        if stopping():
            log.info("stopping before account %s", account_name(account))
            break
        name = account_name(account)
        try:
            report = run_account(config, account, state, now, dry_run=dry_run, force=force)
        except AgentError as exc:
            hint = reconnect_command(config, account, exc.reconnect) if _is_auth(exc) else ""
            results.append(AccountResult(name, error=exc, reconnect=hint))
            continue
        except Exception as exc:  # one broken account must not stop the others
            if len(config.accounts) == 1:
                raise
            results.append(AccountResult(name, error=exc))
            continue
        results.append(AccountResult(name, report=report))
    return results


def trust(config: Config, state: State, now: datetime, *, claim: bool) -> None:
    """The state store is a cache of the mailbox (B20), trusted only when it is this user's and not from the
    future: otherwise StateError with the fix (nothing is read or written). A blank store (new, or lost,
    emptied or deleted) is rebuilt from the mailbox as the run goes: each draft the plan calls for is looked
    up in Sent and Drafts by its derived Message-ID before it is written (executor)."""
    problem = state.trust_problem(config.identity.email, now)
    if problem is not None:
        raise problem
    if state.is_blank():
        log.info("the state holds no record yet (new, or lost): the drafts already in Drafts or Sent are "
                 "recognised by their Message-IDs and recorded, not made again")
    if claim:
        state.claim(config.identity.email)


def _is_auth(exc: BaseException) -> TypeGuard[AuthError]:
    from providers.base import AuthError

    return isinstance(exc, AuthError)


def exit_code(results: list[AccountResult]) -> int:
    """0 all done; with one account, its own code; with several, 1 when some failed and others ran, and
    the highest failure code (2 config, 3 unreachable) only when every account failed."""
    codes = [r.exit_code for r in results]
    if not codes:
        return EXIT_OK
    failed = [c for c in codes if c != EXIT_OK]
    if len(codes) > 1 and len(failed) < len(codes):
        return EXIT_FAILED if failed else EXIT_OK
    return max(codes)


def reconnect_command(config: Config, account: dict[str, Any], args: Sequence[str] = ()) -> str:
    """The exact command that connects this account again (after its credentials were refused): the
    provider's `connect` arguments (an AuthError's or the provider's `reconnect`; the provider's name alone
    when there are none) completed with this config and, when it has a name, the account."""
    parts = ["interview-agent", "--config", str(config.path.resolve()), "connect"]
    if len(config.accounts) > 1 or account.get("name"):
        parts += ["--account", account_name(account)]
    return " ".join(shlex.quote(part) for part in [*parts, *(args or (str(account.get("provider")),))])


# -- the summary line ------------------------------------------------------------------------------
def next_due(plan: Plan, now: datetime) -> tuple[datetime, str] | None:
    """The soonest step still to come over the plan's interviews: (when, "interview-id: step")."""
    best: tuple[datetime, str] | None = None
    for view in plan.views:
        iv = view.interview
        if view.state == "upcoming":
            when = iv.end
        elif view.state in ("awaiting_thank_you", "follow_up_due"):
            when = now
        elif view.state in ("thanked", "missed", "awaiting_decision") and "follow-up after" in view.next_step:
            tz = iv.end.tzinfo or now.tzinfo
            when = datetime.combine(view.decision.day + timedelta(days=1), time(0), tzinfo=tz)
        else:
            continue
        label = f"{iv.id}: {view.next_step}"  # the id, never mail text: this line goes to the log (B22)
        if best is None or when < best[0]:
            best = (when, label)
    return best


def summary(results: list[AccountResult], now: datetime, after: dict[str, Plan] | None = None) -> str:
    """One line for the log: interviews seen, drafts made, the next due step, accounts that failed.
    `after`: each account's plan re-evaluated once the run's drafts exist, for the next step (the
    report's plan still shows the drafts this run has just made as due)."""
    seen = made = skipped = 0
    soonest: tuple[datetime, str] | None = None
    failed: list[str] = []
    for r in results:
        if r.report is None:
            failed.append(f"{r.name} (exit {r.exit_code})")
            continue
        rep = r.report
        seen += len(rep.plan.views)
        made += len(rep.made)
        skipped += len(rep.failed) + len(rep.skipped_mail)
        if rep.held_back:
            failed.append(f"{r.name} (held back: over max_drafts_per_run)")
        due = next_due((after or {}).get(r.name, rep.plan), now)
        if due is not None and (soonest is None or due[0] < soonest[0]):
            soonest = due
    line = (f"run at {now.isoformat(timespec='minutes')}: {seen} interview(s) seen, {made} draft(s) made, "
            f"{skipped} item(s) skipped; next: {soonest[1] if soonest else 'nothing due'}")
    if failed:
        line += f"; failed: {', '.join(failed)}"
    return line


__all__ = ["EXIT_CONFIG", "EXIT_UNREACHABLE", "AccountResult", "AgentError", "RunReport", "account_name", "evaluate",
           "exit_code", "next_due", "reconnect_command", "run_account", "run_all", "summary"]
