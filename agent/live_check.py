"""`interview-agent doctor --live`: what each account's mailbox does to a draft it is given (issue 17, B20).

Run only with the user's consent (`--live`, and a prompt unless `--yes`). For each account, one draft From
and To the user is written exactly as the agent writes its drafts (compose.to_mime: ordinary headers only,
a Message-ID from compose.draft_message_id with a check key, B23), read back (`Provider.inspect_draft`),
compared with what was written (Message-ID, From, To, Subject, Date, the Drafts folder and the draft
marker), then deleted with the provider's `delete_draft` (never sent, B19) and looked for again. Every
finding is a doctor check line. The state records how the agent recognises its own drafts on the account
(`State.set_recognition`): "message-id" where the mailbox kept the Message-ID, "draft-id" where it gave one
of its own (the executor then follows drafts by the provider's ref and records the stored Message-ID).
"""

from __future__ import annotations

import email.utils
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from agent import config as config_mod
from agent.core.errors import AgentError
from agent.doctor import Check
from agent.state import State

log = logging.getLogger(__name__)

SUBJECT = "interview-agent self-check"
BODY = ("This draft was written by `interview-agent doctor --live` to see what your mailbox does to a draft.\n"
        "It is deleted again at once and is never sent. If you can read it, delete it.\n")
HOW = {"message-id": "the Message-ID it writes", "draft-id": "the draft id the mailbox returns"}


def run(config: config_mod.Config, now: datetime) -> list[Check]:
    """The live check of every account, in order; the recognition each one showed is recorded in the state."""
    checks: list[Check] = []
    with State.open(config.settings.state_dir) as state:
        for account in config.accounts:
            checks += check_account(config, account, state, now)
    return checks


def check_account(config: config_mod.Config, account: dict[str, Any], state: State, now: datetime) -> list[Check]:
    from agent import runner

    name = runner.account_name(account)
    area = f"account {name}"
    try:
        provider = runner.open_provider(config, account)
    except AgentError as exc:
        return [Check(area, "opens", False, str(exc).replace("\n", " "))]
    out: list[Check] = []
    try:
        _probe(config, provider, name, state, now, lambda what, ok, detail: out.append(Check(area, what, ok, detail)))
    except AgentError as exc:
        out.append(Check(area, "reachable", False, str(exc).replace("\n", " ")))
    finally:
        provider.close()
    return out


def _probe(config: config_mod.Config, provider: Any, name: str, state: State, now: datetime,
           report: Callable[[str, bool, str], None]) -> None:
    from agent.core import compose
    from agent.core.model import Person
    from providers.base import inspection_of
    from providers.message_ids import norm_mid

    me = config.identity
    message_id = compose.draft_message_id(me, f"self-check:{name}:{now.isoformat()}")
    draft = compose.ComposedDraft(to=(Person(me.email.lower(), me.name),), subject=SUBJECT, body=BODY)
    raw = compose.to_mime(draft, me, message_id=message_id, date=now)
    written = inspection_of(raw, in_drafts=True, draft_flag=True).headers
    ref = provider.create_draft(raw, message_id=message_id, reply_to=None)
    report("draft created", True, f"one draft from and to {me.email}, subject {SUBJECT!r}")
    try:
        seen = provider.inspect_draft(ref)
        if seen is None:
            report("read back", False, "the draft just created could not be read back from the mailbox")
            return
        stored = norm_mid(seen.headers.get("Message-ID")) if seen.headers.get("Message-ID") else ""
        kept = stored == message_id
        report("Message-ID", True, f"kept ({message_id})" if kept else
               f"replaced by the mailbox: written {message_id}, stored {stored or 'none'}")
        for header in ("From", "To", "Subject", "Date"):
            same = _same(header, written[header], seen.headers.get(header, ""))
            report(f"{header} header", same, "kept" if same else
                   f"changed: written {written[header]!r}, stored {seen.headers.get(header, '')!r}")
        report("in Drafts", seen.in_drafts, "yes" if seen.in_drafts else "the draft is not in the Drafts folder")
        report("draft flag", seen.draft_flag or provider.name == "imap", _flag(provider.name, seen.draft_flag))
        method = "message-id" if kept else "draft-id"
        state.set_recognition(name, method)
        report("recognition", True, f"recorded {method!r}: the agent recognises its drafts here by {HOW[method]}")
    finally:
        deleted = provider.delete_draft(ref)
        gone = provider.inspect_draft(ref) is None
        report("deleted", deleted and gone, "the draft was deleted, never sent, and is gone from Drafts"
               if deleted and gone else f"the self-check draft is still there: delete {SUBJECT!r} from Drafts by hand")


def _same(header: str, written: str, stored: str) -> bool:
    """Whether the mailbox kept a header: addresses compared as addresses, the Date as an instant."""
    if header in ("From", "To"):
        def addresses(value: str) -> list[str]:
            return sorted(a.lower() for _n, a in email.utils.getaddresses([value]) if a)
        return addresses(written) == addresses(stored)
    if header == "Date":
        try:
            return email.utils.parsedate_to_datetime(written) == email.utils.parsedate_to_datetime(stored)
        except (TypeError, ValueError, IndexError):
            return False
    return " ".join(written.split()) == " ".join(stored.split())


def _flag(provider: str, flagged: bool) -> str:
    if flagged:
        return {"imap": "\\Draft set", "maildir": "D flag set", "gmail": "DRAFT label set",
                "outlook": "isDraft true"}.get(provider, "set")
    if provider == "imap":  # Gmail over IMAP sets no \Draft (research notes §5): the folder tells drafts apart
        return "\\Draft not set (as Gmail over IMAP does); the agent tells drafts by the Drafts folder"
    return "the mailbox does not mark it as a draft"
