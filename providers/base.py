"""The one interface between the agent and a mailbox.

Glossary
- provider: an adapter for one kind of mailbox (maildir, imap, gmail, outlook). It reads mail and
  calendar data and writes drafts. It has no method to send or move mail, and the one that deletes takes
  only the agent's own drafts (B19, B25). It never decides anything: it returns data and raises the
  errors below.
- cursor: a JSON-serialisable dict the provider returns from `sync` and gets back on the next call
  (Maildir: what it has listed; IMAP: UIDVALIDITY/UID/MODSEQ per folder; Gmail: historyId and the
  calendar syncToken; Graph: delta links). `None` means the first run. The state store keeps it.
- key: the provider's stable handle for one message (Maildir unique name, "folder:uidvalidity:uid", Gmail
  message id, Graph immutable id). Messages are deduplicated by it.
- draft ref: the string `create_draft`, `find_draft` and `find_drafts` return; the provider alone interprets it
  later.
  A ref never has the shape of a Message-ID ("<...>"), so `delete_draft` can take either.
- progress: an optional callback `progress(done, total)` the caller hands to `sync`, for a bar while a
  first run reads a large mailbox. A provider that cannot count ahead never calls it.
- reconnect: the arguments of `interview-agent connect` that sign this account in again, the provider's
  name first (e.g. ("gmail", "--client-secrets", "FILE")). The shell completes them with --config and
  --account into the command it prints; the provider never knows the config's path.
- check line: `(what, ok, detail)` from `check()`: what was checked ("Drafts folder"), whether it is fine,
  and what was found, or the fix when it is not.
- inspection: what the mailbox holds for one draft, read back by `inspect_draft` (`DraftInspection`), for
  `doctor --live` to see what the mailbox did to a draft it was given (Message-ID kept? headers? flag?).

Errors
- `AuthError`: the credentials were refused (exit 3); its message says which command reconnects, and its
  `reconnect` holds that command's arguments.
- `UnreachableError`: the mailbox could not be reached (exit 3).
- `ServiceDisabledError`: the provider's API is switched off for the app (Google: the Gmail or Calendar API
  not enabled in the OAuth client's Cloud project); reconnecting cannot help, the message says what to enable
  and where (exit 2, like a configuration problem).
- `ProviderError`: anything else that stops the provider; the run fails for this account.
A single malformed message is never an error: it is reported in `SyncBatch.skipped` and the sync goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agent.core.errors import EXIT_CONFIG, EXIT_FAILED, EXIT_UNREACHABLE, AgentError, ConfigError
from agent.core.model import DraftRecord, Event, Message

Progress = Callable[[int, int], None]  # progress(done, total): messages read so far, of how many
CheckLine = tuple[str, bool, str]  # (what was checked, ok, what was found or the fix)


class ProviderError(AgentError):
    exit_code = EXIT_FAILED


class AuthError(ProviderError):
    """The credentials were refused. `reconnect`: the `connect` arguments that sign the account in again
    (see the glossary); empty when the code that raised it does not know the account."""

    exit_code = EXIT_UNREACHABLE

    def __init__(self, message: str, *, reconnect: Sequence[str] = ()):
        super().__init__(message)
        self.reconnect = tuple(reconnect)


class UnreachableError(ProviderError):
    exit_code = EXIT_UNREACHABLE


class ServiceDisabledError(ProviderError):
    """The API is not enabled for the app (see the glossary): `project` and `url` say where to enable it."""

    exit_code = EXIT_CONFIG

    def __init__(self, message: str, *, project: str = "", url: str = ""):
        super().__init__(message)
        self.project = project
        self.url = url


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


@dataclass(frozen=True)
class DraftInspection:
    """One draft as the mailbox stores it (see the glossary)."""

    # "From", "To", "Subject", "Date", "Message-ID" as stored, unfolded; "" for a header the mailbox lacks
    headers: dict[str, str]
    in_drafts: bool  # in the Drafts folder (Gmail: the DRAFT label; Graph: parentFolderId is Drafts)
    # the mailbox's draft marker: \Draft (IMAP), the D flag (Maildir), isDraft (Graph), the DRAFT label
    # (Gmail API); False where the mailbox leaves it off (Gmail over IMAP does, §5 of the research notes)
    draft_flag: bool


INSPECTED_HEADERS = ("From", "To", "Subject", "Date", "Message-ID")


def inspection_of(raw: bytes, *, in_drafts: bool, draft_flag: bool) -> DraftInspection:
    """A DraftInspection from a stored message (or its header block alone): the INSPECTED_HEADERS unfolded."""
    from email.parser import BytesHeaderParser
    from email.policy import compat32

    end = raw.find(b"\r\n\r\n")
    end = raw.find(b"\n\n") if end < 0 else end
    parsed = BytesHeaderParser(policy=compat32).parsebytes(raw if end < 0 else raw[:end + 2])
    headers = {name: " ".join(str(parsed.get(name, "")).split()) for name in INSPECTED_HEADERS}
    return DraftInspection(headers=headers, in_drafts=in_drafts, draft_flag=draft_flag)


class Provider(Protocol):
    """A mailbox the agent reads and writes drafts into. No send method exists, by design."""

    name: str  # "maildir" | "imap" | "gmail" | "outlook"
    reconnect: tuple[str, ...]  # the `connect` arguments for this account (see the glossary)

    def sync(self, cursor: dict[str, Any] | None, since: datetime, progress: Progress | None = None) -> SyncBatch:
        """Return mail (inbox and sent) and calendar changes since `cursor`; on the first run
        (`cursor` None) everything dated on or after `since`. Calls `progress(done, total)` now and then
        while it reads, when it can count ahead. Raises AuthError, UnreachableError, ProviderError."""
        ...

    def create_draft(self, raw: bytes, *, message_id: str, reply_to: Message | None) -> str:
        """Store `raw` (a complete RFC 5322 message whose Message-ID is `message_id`) in Drafts,
        threaded with `reply_to` where the provider has threads. Returns the draft ref. Raises
        AuthError, UnreachableError (then the draft may or may not exist: see `find_draft`), ProviderError."""
        ...

    def find_draft(self, message_id: str) -> str | None:
        """The ref of the draft in Drafts with this Message-ID, or None. Used after a crash between
        writing a draft and recording it, so that it is never written twice (B20). Raises AuthError,
        UnreachableError, ProviderError."""
        ...

    def find_drafts(self, message_id: str) -> list[str]:
        """The refs of every draft in Drafts with exactly this Message-ID, oldest first (in the order they
        reached Drafts as far as the mailbox tells it: IMAP UID, Maildir ctime, Gmail's list order, Graph
        createdDateTime; ties by ref), the same order for every installation that asks. Two installations
        writing one draft at the same instant leave two; the agent keeps the first (agent/twins.py, B20).
        Raises AuthError, UnreachableError, ProviderError."""
        ...

    def draft_status(self, drafts: Sequence[DraftRecord]) -> dict[str, str]:
        """For each record (by `record.key`): "present" (in Drafts as written), "edited" (in Drafts,
        changed by the user) or "missing" (no longer in Drafts: sent or deleted; the agent tells
        which from the sent mail). Raises AuthError, UnreachableError, ProviderError."""
        ...

    def delete_draft(self, ref_or_message_id: str) -> bool:
        """Delete the agent's own draft (B25: a briefing replaced by a newer one), named by the ref that
        `create_draft` or `find_draft` returned, or by its Message-ID ("<...>"). Only a message that is in
        Drafts and still marked as a draft is deleted (with a Message-ID, only one carrying exactly it);
        nothing else is ever touched (B19). The caller checks first that the user has not edited it
        (`draft_status`). Returns True when a draft was deleted, False when there was none: already gone,
        sent, or not a draft, so deleting twice is harmless. Raises AuthError, UnreachableError,
        ProviderError."""
        ...

    def inspect_draft(self, ref: str) -> DraftInspection | None:
        """The draft named by `ref` (from `create_draft` or `find_draft`) as the mailbox stores it, or None
        when there is none (deleted, sent, or the ref names nothing). Reads only (B19). For `doctor --live`.
        Raises AuthError, UnreachableError, ProviderError."""
        ...

    def check(self) -> list[CheckLine]:
        """For `interview-agent doctor`: each thing an unattended run needs (credentials, folders,
        permissions), as check lines (see the glossary), e.g. ("Drafts folder", False, "/home/j/Mail/.Drafts
        is not writable: chmod u+w ..."). Reads only (B19) and puts no secret in a line (B22). May raise
        AuthError, UnreachableError, ProviderError, which doctor reports as a failed check."""
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
