"""IMAP provider on imapclient: reads INBOX and Sent, writes drafts into Drafts by APPEND.

Glossary
- role: "inbox" or "sent", the agent's name for a folder; the IMAP folder behind it is INBOX, and for
  Sent `account.sent_folder` when set, else the folder flagged \\Sent (RFC 6154 SPECIAL-USE), else a
  common name (imap_folders.py).
- cursor: `{"v": 1, "folders": {role: {"name", "uidvalidity", "uidnext", "last_uid", "highestmodseq",
  "high_water", "high_water_ids"}}}`. `high_water` is the latest INTERNALDATE seen in the folder and
  `high_water_ids` the Message-IDs seen at exactly that instant: after a UIDVALIDITY reset only mail
  that arrived after it is returned again (a bounded resync), so old mail is never re-processed.
- key: `"<folder>:<uidvalidity>:<uid>"`.
- draft ref: `"<folder>|<uidvalidity>|<uid>|<sha256>"` (imap_drafts.py).

The provider is split by what each part holds: imap_config.py (the `[account]` keys), imap_secrets.py
(password_command, keyring, 0600 file; B22), imap_connection.py (TLS, login, command count),
imap_folders.py (SPECIAL-USE discovery and fallbacks), imap_drafts.py (draft lookup, status and
deletion), imap_messages.py (pure helpers on message bytes), imap_connect.py (`connect imap`); this
module holds the provider and its sync.

B19: mail is only ever read with BODY.PEEK in folders opened read-only (EXAMINE), so no \\Seen flag is set
on the user's messages; the writes are APPEND into Drafts (and CREATE of a missing Drafts folder), and the
deletion of the agent's own draft there (imap_drafts.delete_draft).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from agent.core import mime
from agent.core.errors import MalformedInput, loggable
from agent.core.model import DraftRecord, Message
from providers import base, imap_drafts
from providers.base import CheckLine, Progress, ProviderError, SyncBatch, UnreachableError, account_zone
from providers.imap_config import parse_settings
from providers.imap_connect import connect_imap
from providers.imap_connection import DROPPED, CommandCounter, discard, open_connection
from providers.imap_drafts import draft_status, lookup, lookup_all
from providers.imap_folders import FolderFinder
from providers.imap_messages import aware, crlf, date_header, has_calendar, header_only, is_bulk, sha, size_chunks
from providers.imap_secrets import find_password, secret_file, store_password
from providers.message_ids import header_message_id

__all__ = ["ImapProvider", "connect_imap", "open_provider", "secret_file", "store_password"]  # the CLI's names

log = logging.getLogger(__name__)

CURSOR_VERSION = 1
MAX_BODY_BYTES = 10 * 1024 * 1024  # a bigger message is read by its headers alone
HEADER_CHUNK = 500  # UIDs per header FETCH
DRAFT_FLAGS = (b"\\Draft", b"\\Seen")
_APPENDUID = re.compile(rb"APPENDUID (\d+) (\d+)", re.IGNORECASE)
T = TypeVar("T")


def open_provider(account: dict[str, Any], *, config_dir: str, state_dir: str) -> ImapProvider:
    """The IMAP mailbox `account` describes. ConfigError naming `account.<key>` and the fix when a key is
    wrong or no password can be found. The connection itself is opened on first use."""
    settings = parse_settings(account, config_dir)
    refresh: Callable[[], str] | None = None
    if settings["auth"] == "xoauth2":
        getter = account.get("_token_getter")
        if callable(getter):
            secret: Callable[[], str] = getter
            refresh = getattr(getter, "refresh", None)
        else:  # oauth = "outlook" | "google": MSAL's cache or Google's token file (imap_oauth.py)
            from providers.imap_oauth import token_source  # msal and google-auth load only when used

            source = token_source(settings, http_client=account.get("_http_client"))
            secret, refresh = source.token, source.refresh
    else:
        password = find_password(settings, config_dir)

        def secret() -> str:
            return password
    return ImapProvider(settings, secret, tz=account_zone(account), refresh=refresh, config_dir=config_dir)


class ImapProvider:
    """One IMAP account as the agent's mailbox (see the module docstring)."""

    name = "imap"

    def __init__(self, settings: dict[str, Any], secret: Callable[[], str], *, tz: ZoneInfo,
                 refresh: Callable[[], str] | None = None, config_dir: str | None = None):
        self.settings = settings
        self.reconnect: tuple[str, ...] = tuple(settings.get("reconnect_args", ()))
        self.config_dir = config_dir  # where a stored password file lives, for `doctor`
        self._secret = secret
        self._refresh = refresh  # XOAUTH2: a new token after the server refused one
        self.tz = tz
        self.counter = CommandCounter()
        self.reconnects = 0
        self._client: IMAPClient | None = None
        self.folders = FolderFinder(settings)
        self._drafts_unchanged = False  # set by sync from Drafts' STATUS

    # -- connection ----------------------------------------------------------------------------------

    def check_login(self) -> None:
        """Connect and log in (AuthError / UnreachableError otherwise)."""
        self._connection()

    def check(self) -> list[CheckLine]:
        """For `doctor`: password source, server and TLS, login, Drafts and Sent, capabilities; read-only,
        each problem with its fix (providers/imap_check.py)."""
        from providers.imap_check import check
        return check(self, self.config_dir)

    def _connection(self) -> IMAPClient:
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> IMAPClient:
        return open_connection(self.settings, self._secret, self.counter, self._refresh)

    def _op(self, what: str, operation: Callable[[IMAPClient], T],
            before_retry: Callable[[IMAPClient], T | None] | None = None) -> T:
        """Run `operation` on the connection; when the connection drops, reconnect once and run it again
        (after `before_retry`, which may return a result that makes the retry unnecessary)."""
        for attempt in (1, 2):
            client = self._connection()
            try:
                if attempt == 2 and before_retry is not None:
                    done = before_retry(client)
                    if done is not None:
                        return done
                return operation(client)
            except DROPPED as exc:
                discard(client)
                self._client = None
                self.folders.forget()
                if attempt == 2:
                    raise UnreachableError(f"the connection to the IMAP server {self.settings['host']} dropped "
                                           f"twice while {what} ({type(exc).__name__}); try again later") from exc
                self.reconnects += 1
                log.warning("the connection to %s dropped while %s (%s); reconnecting once",
                            self.settings["host"], what, type(exc).__name__)
            except IMAPClientError as exc:
                raise ProviderError(f"the IMAP server {self.settings['host']} refused a command while {what}: "
                                    f"{exc}") from None
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Log out. Safe to call twice."""
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:
            discard(client)

    # -- reading -------------------------------------------------------------------------------------

    def sync(self, cursor: dict[str, Any] | None, since: datetime, progress: Progress | None = None) -> SyncBatch:
        """New INBOX and Sent mail since `cursor`; on the first run (or a folder never seen) mail that
        arrived on or after `since`. A folder whose UIDNEXT/UIDVALIDITY did not change costs one STATUS and
        no FETCH. Malformed mail goes to `skipped`. `progress` is not called (bodies are fetched in chunks
        whose number is not known ahead). Raises AuthError, UnreachableError, ProviderError."""
        since = since if since.tzinfo else since.replace(tzinfo=UTC)
        start = self.counter.total
        start_fetch = self.counter.counts["FETCH"]
        old: dict[str, Any] = {}
        if cursor and cursor.get("v") == CURSOR_VERSION and isinstance(cursor.get("folders"), dict):
            old = cursor["folders"]
        batch = SyncBatch(stats={"headers_fetched": 0, "bodies_fetched": 0, "header_only": 0, "too_large": 0,
                                 "resyncs": 0})
        reconnects_before = self.reconnects
        folders: dict[str, Any] = {}
        for role in ("inbox", "sent"):
            read = partial(self._sync_role, role=role, old=old.get(role), since=since, batch=batch)
            entry, messages, skipped = self._op(f"reading {role}", read)
            if entry is not None:
                folders[role] = entry
            batch.messages.extend(messages)
            batch.skipped.extend(skipped)
        batch.cursor = {"v": CURSOR_VERSION, "folders": folders}
        drafts_mark = self._op("reading the Drafts status",
                               lambda c: self._drafts_mark(c, (cursor or {}).get("drafts")))
        if drafts_mark is not None:
            batch.cursor["drafts"] = drafts_mark
        batch.stats["imap_commands"] = self.counter.total - start
        batch.stats["imap_fetch_commands"] = self.counter.counts["FETCH"] - start_fetch
        batch.stats["reconnects"] = self.reconnects - reconnects_before
        batch.stats["messages"] = len(batch.messages)
        log.info("imap %s: %d IMAP commands (%d FETCH), %d new messages, %d bodies read, %d skipped",
                 self.settings["host"], batch.stats["imap_commands"], batch.stats["imap_fetch_commands"],
                 len(batch.messages), batch.stats["bodies_fetched"], len(batch.skipped))
        return batch

    def _sync_role(self, client: IMAPClient, role: str, old: dict[str, Any] | None, since: datetime,
                   batch: SyncBatch) -> tuple[dict[str, Any] | None, list[Message], list[tuple[str, str]]]:
        # Work on local lists and return them: a retry after a dropped connection starts the folder afresh.
        old = old if isinstance(old, dict) else {}  # no entry, or not one we wrote: start afresh
        name = old.get("name") if old else None
        if name:
            status = self._status(client, name)  # the remembered folder: no LIST needed
            if status is not None and old.get("uidvalidity") == status["uidvalidity"] \
                    and old.get("uidnext") == status["uidnext"]:
                return {**old, "highestmodseq": status.get("highestmodseq", 0)}, [], []  # nothing new
            if status is None:
                name = None  # renamed or deleted: look for the folder again
        if not name:
            name = "INBOX" if role == "inbox" else self.folders.sent(client)
            if name is None:
                log.warning("no Sent folder found on %s; sent mail is not read (set %s.sent_folder)",
                            self.settings["host"], self.settings["where"])
                return None, [], []

        try:
            selected = client.select_folder(name, readonly=True)  # EXAMINE: nothing we do can set \Seen
        except IMAPClientAbortError:
            raise
        except IMAPClientError as exc:
            raise ProviderError(f"the folder {name!r} on {self.settings['host']} cannot be opened: {exc}") from None
        uidvalidity = int(selected[b"UIDVALIDITY"])
        uidnext = int(selected.get(b"UIDNEXT", 0))
        same = bool(old) and old.get("name") == name and old.get("uidvalidity") == uidvalidity
        floor, floor_ids = since, set()
        if same:
            last = int(old.get("last_uid", 0))
            uids = [u for u in client.search(["UID", f"{last + 1}:*"]) if u > last]
        else:
            last = 0
            if old and old.get("high_water"):  # renumbered (or renamed): a bounded resync
                batch.stats["resyncs"] += 1
                high_water = datetime.fromisoformat(old["high_water"])
                if high_water > floor:
                    floor, floor_ids = high_water, set(old.get("high_water_ids", ()))
                log.warning("%s was renumbered (UIDVALIDITY changed) or replaced: reading again only mail that "
                            "arrived after %s", name, floor.isoformat())
            # SINCE compares dates only, in the server's idea of the day: ask a day early, filter here.
            uids = client.search(["SINCE", (floor.astimezone(UTC) - timedelta(days=1)).date()])
        entry = {"name": name, "uidvalidity": uidvalidity, "uidnext": max(uidnext, max(uids, default=0) + 1),
                 "last_uid": max([last, *uids]), "highestmodseq": int(selected.get(b"HIGHESTMODSEQ", 0)),
                 "high_water": old.get("high_water", "") if same else "",
                 "high_water_ids": list(old.get("high_water_ids", ())) if same else []}
        messages, skipped = self._read(client, name, role, uidvalidity, sorted(uids), floor, floor_ids, entry,
                                       batch)
        return entry, messages, skipped

    def _drafts_mark(self, client: IMAPClient, old: Any) -> dict[str, Any] | None:
        """Drafts' STATUS, kept in the cursor: when it is what the last run saw (and the server reports
        flag changes through HIGHESTMODSEQ), `draft_status` needs no EXAMINE or FETCH."""
        name = old.get("name") if isinstance(old, dict) else None
        status = self._status(client, name, extra=("MESSAGES",)) if name else None
        if status is None:
            name = self.folders.drafts(client, create=False)
            status = self._status(client, name, extra=("MESSAGES",)) if name else None
        if status is None:
            self._drafts_unchanged = False
            return None
        mark = {"name": name, **status}
        self._drafts_unchanged = "highestmodseq" in status and mark == old
        return mark

    def _status(self, client: IMAPClient, name: str, extra: tuple[str, ...] = ()) -> dict[str, int] | None:
        items = ["UIDVALIDITY", "UIDNEXT", *extra]
        if client.has_capability("CONDSTORE"):
            items.append("HIGHESTMODSEQ")
        try:
            raw = client.folder_status(name, items)
        except IMAPClientAbortError:
            raise
        except IMAPClientError:
            return None  # no such folder (renamed or deleted)
        return {key.decode().lower(): int(value) for key, value in raw.items()}

    def _read(self, client: IMAPClient, folder: str, role: str, uidvalidity: int, uids: list[int],
              floor: datetime, floor_ids: set[str], entry: dict[str, Any],
              batch: SyncBatch) -> tuple[list[Message], list[tuple[str, str]]]:
        heads: dict[int, dict[bytes, Any]] = {}
        for i in range(0, len(uids), HEADER_CHUNK):
            chunk = uids[i:i + HEADER_CHUNK]
            heads.update(client.fetch(chunk, ["BODY.PEEK[HEADER]", "BODYSTRUCTURE", "RFC822.SIZE",
                                              "INTERNALDATE"]))
        batch.stats["headers_fetched"] += len(heads)
        wanted: list[tuple[int, bytes, datetime | None, bool]] = []  # uid, header, received, full body?
        high_water = datetime.fromisoformat(entry["high_water"]) if entry["high_water"] else None
        high_ids = set(entry["high_water_ids"])
        for uid in sorted(heads):
            data = heads[uid]
            header = bytes(data.get(b"BODY[HEADER]") or b"")
            received = aware(data.get(b"INTERNALDATE"))
            mid = header_message_id(header)
            if received is not None:
                if high_water is None or received > high_water:
                    high_water, high_ids = received, {mid}
                elif received == high_water:
                    high_ids.add(mid)
                if received < floor or (received == floor and mid in floor_ids):
                    continue  # before the look-back, or already returned before a UIDVALIDITY reset
            size = int(data.get(b"RFC822.SIZE") or 0)
            full = role == "sent" or has_calendar(data.get(b"BODYSTRUCTURE")) or not is_bulk(header)
            if full and size > MAX_BODY_BYTES:
                log.info("%s UID %d is %.1f MB, over the %d MB limit: reading its headers only", folder, uid,
                         size / 1048576, MAX_BODY_BYTES // 1048576)
                batch.stats["too_large"] += 1
                full = False
            wanted.append((uid, header, received, full))
        if high_water is not None:
            entry["high_water"], entry["high_water_ids"] = high_water.isoformat(), sorted(high_ids)

        bodies: dict[int, bytes] = {}
        full_uids = [(uid, int(heads[uid].get(b"RFC822.SIZE") or 0)) for uid, _h, _r, full in wanted if full]
        for chunk in size_chunks(full_uids):
            for uid, data in client.fetch(chunk, ["BODY.PEEK[]"]).items():
                body = data.get(b"BODY[]")
                if body is not None:
                    bodies[uid] = bytes(body)
        batch.stats["bodies_fetched"] += len(bodies)

        messages: list[Message] = []
        skipped: list[tuple[str, str]] = []
        for uid, header, received, full in sorted(wanted, key=lambda w: (w[2] or floor, w[0])):
            key = f"{folder}:{uidvalidity}:{uid}"
            raw = bodies.get(uid) if full else None
            if raw is None:
                batch.stats["header_only"] += 1
                raw = header_only(header)
            try:
                message = mime.parse_message(raw, key=key, folder=role, tz=self.tz, received=received)
            except MalformedInput as exc:
                skipped.append((key, str(exc) or "malformed mail"))
                log.info("skipped %s: %s", key, loggable(str(exc)))
                continue
            except Exception as exc:
                skipped.append((key, f"unreadable mail ({type(exc).__name__}: {exc})"[:300]))
                continue
            messages.append(message)
        return messages, skipped

    # -- drafts --------------------------------------------------------------------------------------

    def create_draft(self, raw: bytes, *, message_id: str, reply_to: Message | None) -> str:
        """APPEND `raw` to Drafts with \\Draft and \\Seen, dated by its Date header; returns
        "folder|uidvalidity|uid|sha256". IMAP has no thread ids: threading lives in the draft's headers.
        After a dropped connection the draft is looked up before it is appended again (B20)."""
        data = crlf(raw)
        when = date_header(data)
        digest = sha(data)

        def append(client: IMAPClient) -> str:
            folder = self.folders.drafts(client, create=True)
            assert folder is not None
            response = client.append(folder, data, flags=DRAFT_FLAGS, msg_time=when)
            match = _APPENDUID.search(bytes(response or b""))
            if match:
                return f"{folder}|{int(match.group(1))}|{int(match.group(2))}|{digest}"
            ref = lookup(client, folder, message_id)  # no UIDPLUS: find what we just appended
            if ref is None:
                raise ProviderError(f"the draft {message_id} was appended to {folder} but cannot be found there")
            return ref

        def already_there(client: IMAPClient) -> str | None:
            folder = self.folders.drafts(client, create=True)
            return lookup(client, folder, message_id) if folder else None

        return self._op("writing a draft", append, before_retry=already_there)

    def find_draft(self, message_id: str) -> str | None:
        """The ref of the draft in Drafts with this Message-ID (SEARCH HEADER Message-ID), or None."""
        def find(client: IMAPClient) -> str | None:
            folder = self.folders.drafts(client, create=False)
            return lookup(client, folder, message_id) if folder else None
        return self._op("looking for a draft", find)

    def find_drafts(self, message_id: str) -> list[str]:
        """The refs of every draft in Drafts with this Message-ID, oldest (lowest UID) first."""
        def find(client: IMAPClient) -> list[str]:
            folder = self.folders.drafts(client, create=False)
            return lookup_all(client, folder, message_id) if folder else []
        return self._op("looking for drafts", find)

    def draft_status(self, drafts: Sequence[DraftRecord]) -> dict[str, str]:
        """Per `record.key`: "present" (the same UID with \\Draft and the same content), "edited" (changed
        content, or another message in Drafts with that Message-ID) or "missing"."""
        if not drafts:
            return {}
        if self._drafts_unchanged:  # nothing in Drafts changed since the last run's full check
            return {d.key: "edited" if d.state == "edited" else "present" for d in drafts}
        return self._op("checking drafts",
                        lambda c: draft_status(c, drafts, self.folders.drafts(c, create=False)))

    def inspect_draft(self, ref: str) -> base.DraftInspection | None:
        """The draft a ref names as stored (headers, \\Draft), or None when it is gone (imap_drafts.inspect)."""
        def inspect(client: IMAPClient) -> base.DraftInspection | None:
            return imap_drafts.inspect(client, self.folders.drafts(client, create=False), ref)
        return self._op("reading a draft", inspect)

    def delete_draft(self, ref_or_message_id: str) -> bool:
        """Delete the agent's own draft from Drafts (imap_drafts.delete_draft: \\Draft only, UID EXPUNGE of its
        UID alone). True when a draft was deleted, False when there was none."""
        def delete(client: IMAPClient) -> bool:
            folder = self.folders.drafts(client, create=False)
            return imap_drafts.delete_draft(client, folder, ref_or_message_id) if folder else False

        self._drafts_unchanged = False  # Drafts changes now: draft_status must look again
        return self._op("deleting a draft", delete)
