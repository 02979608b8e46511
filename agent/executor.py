"""Carries out the planner's actions through a provider, recording each draft's intent (with the
Message-ID it will carry) before writing it and its ref after (B20). The only module that writes drafts.

The mailbox is the record, the state store a cache of it (B20): a draft's Message-ID is derived from the
user's address and the draft's key (compose.draft_message_id), so before writing one the executor looks
for it in the Sent mail it has read and in Drafts (`find_drafts`). A draft found there (made by a run whose
state was since lost, emptied or replaced, or by a second installation on the same mailbox) is recorded,
never made again. Two installations writing the same draft at the same instant leave twins, which `twins.settle`
reduces to one after the write (and at every later lookup), the same one for both.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from agent.core import briefing
from agent.core.lifecycle import Plan, resolve_missing
from agent.core.model import DraftRecord, Interview, Message
from agent.core.settings import Identity, Profile
from agent.state import State
from agent.twins import settle
from providers.base import Provider

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    made: list[DraftRecord] = field(default_factory=list)
    found: list[DraftRecord] = field(default_factory=list)  # already in Drafts or Sent: recorded, not made
    failed: list[str] = field(default_factory=list)  # action keys skipped, with the reason logged


def recover_intents(provider: Provider, state: State, account: str, now: datetime) -> None:
    """A crash between recording an intent and recording the draft leaves an intent row. If the draft
    reached Drafts, record it; otherwise forget the intent so the planner drafts it again."""
    for rec in state.drafts(account):
        if rec.state != "intent":
            continue
        ref = settle(provider, rec.message_id)  # twins of another installation's settled too (B20)
        if ref is not None:
            state.record_created(rec.key, ref, now)
            log.info("recovered draft %s after an interrupted run", rec.key)
        else:
            state.forget_intent(rec.key)
            log.info("an interrupted run had not written draft %s; it will be drafted again", rec.key)


def refresh_draft_states(provider: Provider, state: State, account: str, sent: Sequence[Message],
                         now: datetime) -> None:
    """What became of the drafts the agent made: still there, edited, sent or deleted (B20)."""
    records = state.drafts(account)
    watched = [d for d in records if d.state in ("draft", "edited")]
    if not watched:
        return
    seen = provider.draft_status(watched)
    changes: dict[str, str] = {}
    newest_briefing = max((d.key for d in records if d.kind == briefing.KIND), default="")
    for rec in watched:
        status = seen.get(rec.key, "present")
        new = {"present": "draft", "edited": "edited"}.get(status) or resolve_missing(rec, sent)
        if new == "deleted" and (ref := settle(provider, rec.message_id)):  # another installation kept its twin
            state.record_created(rec.key, ref, now)
            new = "draft"
        if new == "deleted" and rec.kind == briefing.KIND and rec.key < newest_briefing:
            new = "replaced"  # gone once a newer one was made: replaced (by this or another installation, B25)
        if new != rec.state:
            changes[rec.key] = new
            log.info("draft %s is now %s", rec.key, new)
    state.set_draft_states(changes, now)


def _stored_message_id(provider: Provider, state: State, account: str, ref: str, message_id: str) -> str:
    """On an account where `doctor --live` found the mailbox gives drafts a Message-ID of its own (recognition
    "draft-id", B20): the one it gave this draft, read back, so that the record matches the draft, its sent
    copy and the replies to it; the draft itself is followed by its ref. "" elsewhere (no extra call)."""
    if state.recognition(account) != "draft-id":
        return ""
    seen = provider.inspect_draft(ref)
    stored = seen.headers.get("Message-ID", "") if seen is not None else ""
    return stored if stored and stored != message_id else ""


def execute(plan: Plan, interviews: dict[str, Interview], *, provider: Provider, state: State, account: str,
            identity: Identity, profile: Profile, templates_dir: Path | None, now: datetime) -> Outcome:
    outcome = Outcome()
    if plan.actions:
        from agent import templates as templates_mod  # Jinja2 and the email package: only when drafting
        from agent.core import compose

        templates = templates_mod.load(templates_dir)
        sent_ids = {m.message_id for m in state.messages(account, "sent")}
    for action in plan.actions:
        try:
            if action.kind == briefing.KIND and plan.briefing is not None:
                draft = compose.briefing_draft(plan.briefing, identity)
            else:
                interview = interviews[action.interview_id]
                draft = compose.compose(action, interview, identity, profile, templates=templates,
                                        outcome=plan.outcomes.get(action.key, ""),
                                        index=compose.recipient_index(action, interview, list(interviews.values())))
            message_id = compose.draft_message_id(identity, action.key)
            raw = compose.to_mime(draft, identity, message_id=message_id, date=now)
        except ValueError as exc:  # e.g. a recipient address that is not one valid address (B21)
            log.warning("skipped draft %s: %s", action.key, exc)
            outcome.failed.append(action.key)
            continue
        record = DraftRecord(key=action.key, interview_id=action.interview_id, kind=action.kind,
                             to=tuple(p.email for p in draft.to), message_id=message_id, created_at=None,
                             state="intent", subject=draft.subject, reason=action.reason)
        state.record_intent(account, record, now)
        if message_id in sent_ids:  # made before this state was (lost state, another installation), and sent
            state.record_created(action.key, "", now)
            state.set_draft_states({action.key: "sent"}, now)
            record.state, record.created_at = "sent", now
            outcome.found.append(record)
            log.info("draft %s was already sent (made by an earlier run or another installation): recorded, "
                     "not made again", action.key)
            continue
        ref = settle(provider, message_id)
        if ref is not None:  # in Drafts already: recorded, not made again (B20)
            state.record_created(action.key, ref, now)
            record.state, record.provider_ref, record.created_at = "draft", ref, now
            outcome.found.append(record)
            log.info("draft %s was already in Drafts (made by an earlier run or another installation): "
                     "recorded, not made again", action.key)
            continue
        ref = provider.create_draft(raw, message_id=message_id, reply_to=action.reply_to)
        ref = settle(provider, message_id) or ref  # another installation wrote it at the same instant (B20)
        stored = _stored_message_id(provider, state, account, ref, message_id)
        state.record_created(action.key, ref, now, message_id=stored)
        record.message_id = stored or message_id
        record.state, record.provider_ref, record.created_at = "draft", ref, now
        outcome.made.append(record)
        # ids and counts only: the log never holds mail text or whom it was written to (B22)
        log.info("drafted %s for interview %s (%d recipient(s))", action.kind, action.interview_id or "-",
                 len(record.to))
    # B25, also after a run killed between writing a briefing and replacing the earlier one
    replace_briefings(provider, state, account, now)
    return outcome


def replace_briefings(provider: Provider, state: State, account: str, now: datetime) -> None:
    """B25: once a briefing is in the mailbox (made, or found made by another installation), the agent's
    earlier briefings are replaced: one still as it wrote it is deleted (checked unedited right before:
    B19), one already gone is recorded as replaced too (another installation deleted it, so both states
    agree), one the user edited or sent is left alone."""
    briefings = [d for d in state.drafts(account) if d.kind == briefing.KIND and d.state != "intent"]
    newest = max((d.key for d in briefings), default="")
    older = [d for d in briefings if d.key < newest and d.state in ("draft", "deleted")]
    if not older:
        return
    seen = provider.draft_status([d for d in older if d.state == "draft"])
    replaced = {}
    for rec in older:
        status = seen.get(rec.key, "present") if rec.state == "draft" else "missing"
        if status == "edited":
            continue
        if status == "present":
            if not provider.delete_draft(rec.provider_ref or rec.message_id):
                continue  # not deleted (the mailbox would not take it as the agent's draft): left as it is
            log.info("deleted the earlier briefing %s: a newer one replaces it", rec.key)
        replaced[rec.key] = "replaced"
    state.set_draft_states(replaced, now)
