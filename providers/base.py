"""The one interface between the agent and a mailbox.

Glossary
- provider: an adapter for one kind of mailbox (maildir, imap, gmail, outlook). It reads mail and
  calendar data and writes drafts. It has no method to send, move or delete the user's mail (B19),
  and it never decides anything: it returns data and raises the errors below.
- cursor: a JSON-serialisable dict the provider returns from `sync` and gets back on the next call
  (Maildir: what it has listed; IMAP: UIDVALIDITY/UID/MODSEQ per folder; Gmail: historyId and the
  calendar syncToken; Graph: delta links). `None` means the first run. The state store keeps it.
- key: the provider's stable handle for one message (Maildir unique name, "uidvalidity:uid", Gmail
  message id, Graph immutable id). Messages are deduplicated by it.
- draft ref: the string `create_draft` returns; the provider alone interprets it later.

Errors
- `AuthError`: the credentials were refused; the message says which command reconnects (exit 3).
- `UnreachableError`: the mailbox could not be reached (exit 3).
- `ProviderError`: anything else that stops the provider; the run fails for this account.
A single malformed message is never an error: it is reported in `SyncBatch.skipped` and the sync goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agent.core.errors import EXIT_FAILED, EXIT_UNREACHABLE, AgentError, ConfigError
from agent.core.model import DraftRecord, Event, Message


class ProviderError(AgentError):
    exit_code = EXIT_FAILED


class AuthError(ProviderError):
    exit_code = EXIT_UNREACHABLE


class UnreachableError(ProviderError):
    exit_code = EXIT_UNREACHABLE


@dataclass
class SyncBatch:
    """What one `sync` call found since the cursor it was given."""

    messages: list[Message] = field(default_factory=list)  # new mail in inbox and sent
    # Calendar API events changed since the cursor (cancelled ones with status CANCELLED). Empty for
    # Maildir and IMAP, whose events travel inside `messages`.
    events: list[Event] = field(default_factory=list)
    events_complete: bool = False  # True: `events` is the whole calendar window (a full resync)
    cursor: dict[str, Any] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (key, reason) of malformed mail
    stats: dict[str, int] = field(default_factory=dict)  # counters for logs and benchmarks


class Provider(Protocol):
    """A mailbox the agent reads and writes drafts into. No send method exists, by design."""

    name: str  # "maildir" | "imap" | "gmail" | "outlook"

    def sync(self, cursor: dict[str, Any] | None, since: datetime) -> SyncBatch:
        """Return mail (inbox and sent) and calendar changes since `cursor`; on the first run
        (`cursor` None) everything dated on or after `since`. Raises AuthError, UnreachableError."""
        ...

    def create_draft(self, raw: bytes, *, message_id: str, reply_to: Message | None) -> str:
        """Store `raw` (a complete RFC 5322 message whose Message-ID is `message_id`) in Drafts,
        threaded with `reply_to` where the provider has threads. Returns the draft ref."""
        ...

    def find_draft(self, message_id: str) -> str | None:
        """The ref of the draft in Drafts with this Message-ID, or None. Used after a crash between
        writing a draft and recording it, so that it is never written twice (B20)."""
        ...

    def draft_status(self, drafts: Sequence[DraftRecord]) -> dict[str, str]:
        """For each record (by `record.key`): "present" (in Drafts as written), "edited" (in Drafts,
        changed by the user) or "missing" (no longer in Drafts: sent or deleted; the agent tells
        which from the sent mail)."""
        ...

    def close(self) -> None:
        """Release connections. Safe to call twice."""
        ...


def account_zone(account: dict[str, Any]) -> ZoneInfo:
    """The user's zone, which the runner injects into the account as `_tz` (UTC when absent): providers
    need it for naive Date headers and floating times. ConfigError when it is not a zone."""
    value = account.get("_tz", "UTC")
    try:
        return value if isinstance(value, ZoneInfo) else ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"user.timezone = {value!r} is not an IANA time zone; use a name like "
                          f"\"America/New_York\"") from exc


class ProviderFactory(Protocol):
    def __call__(self, account: dict[str, Any], *, config_dir: str, state_dir: str) -> Provider: ...
