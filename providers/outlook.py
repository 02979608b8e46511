"""Outlook / Microsoft 365 provider: Microsoft Graph v1.0 for mail, calendar and drafts, MSAL for sign-in.

Glossary
- key: the message's Graph immutable id (`Prefer: IdType="ImmutableId"` on every request), which survives
  moves between folders: a draft the user sends keeps its id in Sent Items.
- thread_id: the Graph conversationId.
- cursor: `{"v": 1, "me": [addresses], "mail": {"inbox": deltaLink, "sentitems": deltaLink},
  "calendar": {"link": deltaLink, "start": ISO, "end": ISO, "known": {event id: [uid, rid, start, end]}}}`.
  Delta links are stored verbatim. An expired one (410, syncStateNotFound) starts a full round.
- draft ref: `"v1|<graph id>|<internetMessageId>|<content hash>"` (outlook_drafts.py).

Mail: per folder, a delta round with a minimal `$select` (created messages only), then the MIME of each new
message (`/$value`, 4 to a JSON $batch: see outlook_http) parsed with `agent.core.mime.parse_message`, so
headers such as
Auto-Submitted and the invitations' calendar parts are read exactly as for Maildir and IMAP.
Calendar: calendarView/delta over [since, now + 400 days]; renewed (a full round) when fewer than 200 days
remain ahead.

Drafts: written as the composed MIME, read back and deleted by outlook_drafts.py. The original message is
never touched (its read state stays). Nothing here can send: no such path exists, and `outlook_http`
refuses send/reply/forward/move and any DELETE but that of a draft just read back in Drafts.

Account keys: `client_id` (required), `authority` (default common), `token_cache` (default
<config_dir>/secrets/outlook-token-cache.json), `graph_url` (default https://graph.microsoft.com/v1.0),
`tls_ca_file` (optional PEM of the authorities to trust instead of the system's: a TLS-inspecting proxy,
or the test server). Injected by code, never from TOML: `_tz`, `_http_client` (MSAL's), `_sleep`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, overload
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from agent.core import mime
from agent.core.errors import ConfigError, MalformedInput
from agent.core.model import DraftRecord, Message
from providers import base, outlook_drafts
from providers.base import CheckLine, Progress, ProviderError, SyncBatch, UnreachableError, account_zone
from providers.outlook_auth import DEFAULT_AUTHORITY, TokenSource, device_flow
from providers.outlook_events import parse_instant, removed_event, to_event
from providers.outlook_http import GraphClient, GraphError, TlsSession, quote_id

CURSOR_VERSION = 1
DEFAULT_GRAPH = "https://graph.microsoft.com/v1.0"
CACHE_NAME = "outlook-token-cache.json"
FOLDERS = (("inbox", "inbox"), ("sent", "sentitems"))
MAIL_SELECT = "id,receivedDateTime,conversationId,isDraft"
CAL_AHEAD = timedelta(days=400)
CAL_RENEW = timedelta(days=200)
EXPIRED_CODES = {"syncstatenotfound", "syncstateinvalid", "resyncrequired", "erroritemnotfound"}
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


# -- configuration ------------------------------------------------------------------------------------


def _https_url(account: dict[str, Any], key: str, default: str, where: str, example: str) -> str:
    value = account.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}.{key} must be a URL such as \"{example}\", or left out for the default")
    parts = urlsplit(value.strip())
    if parts.scheme != "https" or not parts.hostname or parts.path.strip("/") == "":
        raise ConfigError(f"{where}.{key} = {value!r} must be an https:// URL with a path, e.g. \"{example}\"")
    return value.strip().rstrip("/")


@overload
def _path(account: dict[str, Any], key: str, default: Path, where: str, config_dir: str) -> Path: ...
@overload
def _path(account: dict[str, Any], key: str, default: None, where: str, config_dir: str) -> Path | None: ...
def _path(account: dict[str, Any], key: str, default: Path | None, where: str, config_dir: str) -> Path | None:
    value = account.get(key)
    if value in (None, ""):
        return default
    if not isinstance(value, str):
        raise ConfigError(f"{where}.{key} must be a file path (a string)")
    path = Path(value).expanduser()
    return path if path.is_absolute() else Path(config_dir) / path


def reconnect_args(account: dict[str, Any]) -> tuple[str, ...]:
    """The `connect` arguments that sign this account in again (base.py's glossary)."""
    args = ("outlook", "--client-id", str(account.get("client_id") or "CLIENT_ID"))
    return args + (("--authority", str(account["authority"])) if account.get("authority") else ())


def open_provider(account: dict[str, Any], *, config_dir: str, state_dir: str) -> OutlookProvider:
    """The Outlook mailbox the [account] table names. ConfigError naming the key when a setting is
    unusable. No network here: sign-in happens on the first Graph call."""
    where = account.get("_where", "account")
    client_id = account.get("client_id")
    if not isinstance(client_id, str) or not _GUID.match(client_id.strip()):
        raise ConfigError(f"{where}.client_id is missing or not an application (client) ID like "
                          f"\"00000000-0000-0000-0000-000000000000\": register an app in Microsoft Entra "
                          f"(see the README) and run: interview-agent connect outlook --client-id ID")
    authority = _https_url(account, "authority", DEFAULT_AUTHORITY, where, DEFAULT_AUTHORITY)
    graph_url = _https_url(account, "graph_url", DEFAULT_GRAPH, where, DEFAULT_GRAPH)
    cache_path = _path(account, "token_cache", Path(config_dir) / "secrets" / CACHE_NAME, where, config_dir)
    ca_file = _path(account, "tls_ca_file", None, where, config_dir)
    if ca_file is not None and not ca_file.is_file():
        raise ConfigError(f"{where}.tls_ca_file = {str(ca_file)!r} is not a file; point it at a PEM file of "
                          f"certificate authorities, or remove the key to use the system's")
    tz = account_zone(account)
    verify: bool | str = str(ca_file) if ca_file else True
    http_client = account.get("_http_client")
    if http_client is None:
        http_client = TlsSession(verify)
    tokens = TokenSource(client_id.strip(), authority, cache_path, http_client, reconnect=reconnect_args(account))
    sleep = account.get("_sleep")
    graph = GraphClient(graph_url, tokens, verify=verify, **({"sleep": sleep} if sleep else {}))
    return OutlookProvider(graph, tz, owned_http=None if "_http_client" in account else http_client)


def connect(client_id: str, *, authority: str, config_dir: Path, echo: Callable[[str], None],
            http_client: Any = None, tls_ca_file: str | None = None) -> dict:
    """`interview-agent connect outlook`: the device-code sign-in (the message with the code and URL
    goes to `echo`), tokens saved 0600 in <config_dir>/secrets/ (0700). Returns the [account] table."""
    client_id = (client_id or "").strip()
    if not _GUID.match(client_id):
        raise ConfigError("--client-id must be the application (client) ID of your app registration, "
                          "like \"00000000-0000-0000-0000-000000000000\" (see the README)")
    authority = _https_url({"authority": authority or DEFAULT_AUTHORITY}, "authority", DEFAULT_AUTHORITY,
                           "account", DEFAULT_AUTHORITY)
    secrets = Path(config_dir) / "secrets"
    secrets.mkdir(mode=0o700, parents=True, exist_ok=True)
    secrets.chmod(0o700)
    cache_path = secrets / CACHE_NAME
    if http_client is None:
        http_client = TlsSession(tls_ca_file or True)
    device_flow(client_id, authority, cache_path, http_client, echo)
    table: dict[str, Any] = {"provider": "outlook", "client_id": client_id}
    if authority != DEFAULT_AUTHORITY:
        table["authority"] = authority
    table["token_cache"] = str(cache_path)
    if tls_ca_file:
        table["tls_ca_file"] = str(tls_ca_file)
    return table


# -- helpers --------------------------------------------------------------------------------------------


def _expired(exc: GraphError) -> bool:
    return exc.status in (404, 410) or exc.code.lower() in EXPIRED_CODES


# -- the provider ---------------------------------------------------------------------------------------


class OutlookProvider:
    """An Outlook mailbox through Microsoft Graph (see the module docstring)."""

    name = "outlook"

    def __init__(self, graph: GraphClient, tz: ZoneInfo, owned_http: Any = None):
        self.graph = graph
        self.reconnect = graph.tokens.reconnect
        self.tz = tz
        self._owned_http = owned_http

    # -- reading -----------------------------------------------------------------------------------

    def sync(self, cursor: dict[str, Any] | None, since: datetime, progress: Progress | None = None) -> SyncBatch:
        """New inbox and Sent mail and calendar changes since `cursor` (see the module docstring). Delta
        rounds do not say how much is coming, so `progress` is not called."""
        old = cursor if cursor and cursor.get("v") == CURSOR_VERSION else {}
        start_requests = self.graph.stats.get("requests", 0)
        batch = SyncBatch(stats={"delta_pages": 0, "mime_fetched": 0, "full_rounds": 0})
        me = old.get("me") or self._me()
        new_cursor: dict[str, Any] = {"v": CURSOR_VERSION, "me": me, "mail": {}}
        since_utc = since.astimezone(UTC).replace(microsecond=0)
        for folder, graph_folder in FOLDERS:
            link = (old.get("mail") or {}).get(graph_folder)
            found, new_cursor["mail"][graph_folder] = self._mail_delta(graph_folder, link, since_utc, batch)
            self._read_mime(found, folder, since, batch)
        new_cursor["calendar"] = self._calendar(old.get("calendar"), since_utc, tuple(me), batch)
        batch.cursor = new_cursor
        batch.stats["requests"] = self.graph.stats.get("requests", 0) - start_requests
        return batch

    def _me(self) -> list[str]:
        _status, me = self.graph.json("GET", "me", params={"$select": "mail,userPrincipalName"})
        found = [str(me.get(k) or "").strip().lower() for k in ("mail", "userPrincipalName")]
        return list(dict.fromkeys(a for a in found if "@" in a))

    def _mail_delta(self, folder: str, link: str | None, since: datetime,
                    batch: SyncBatch) -> tuple[list[dict], str]:
        first = {"$select": MAIL_SELECT, "changeType": "created",
                 "$filter": f"receivedDateTime ge {since.strftime('%Y-%m-%dT%H:%M:%SZ')}"}
        path = f"me/mailFolders('{folder}')/messages/delta"
        for attempt in range(2):
            items: list[dict] = []
            try:
                for page in self.graph.pages(link or path, None if link else first):
                    batch.stats["delta_pages"] += 1
                    items.extend(page.get("value") or ())
                    delta = page.get("@odata.deltaLink")
                    if delta:
                        return [i for i in items if "@removed" not in i and not i.get("isDraft")], delta
            except GraphError as exc:
                if link and _expired(exc) and attempt == 0:
                    link = None  # the delta link expired: a full round over the look-back window
                    batch.stats["full_rounds"] += 1
                    continue
                raise
            raise ProviderError(f"Microsoft Graph ended the {folder} delta round without a deltaLink")
        raise ProviderError(f"the {folder} delta round could not be restarted")

    def _read_mime(self, items: list[dict], folder: str, since: datetime, batch: SyncBatch) -> None:
        wanted: dict[str, tuple[dict[str, Any], datetime | None]] = {}
        for item in items:
            received = None
            try:
                received = parse_instant(str(item.get("receivedDateTime")))
            except ValueError:
                pass
            if item.get("id"):
                wanted[str(len(wanted))] = (item, received)
        if not wanted:
            return
        answers = self.graph.batch([{"id": rid, "url": f"me/messages/{quote_id(str(item['id']))}/$value"}
                                    for rid, (item, _r) in wanted.items()])
        for rid, (item, received) in wanted.items():
            status, body = answers.get(rid, (0, None))
            key = str(item["id"])
            if status == 404:
                continue  # gone since the delta round (deleted or moved away): nothing to read
            if status >= 500 or status == 0:  # a server failure, not a bad message: read it again next run
                raise UnreachableError(f"Microsoft Graph answered {status} while exporting a message; the next "
                                       f"run reads it again")
            if status != 200 or not isinstance(body, bytes):
                batch.skipped.append((key, f"Microsoft Graph could not export this message ({status})"))
                continue
            batch.stats["mime_fetched"] += 1
            try:
                message = mime.parse_message(body, key=key, folder=folder, tz=self.tz,
                                             received=received.astimezone(self.tz) if received else None)
            except MalformedInput as exc:
                batch.skipped.append((key, str(exc) or "malformed mail"))
                continue
            batch.messages.append(replace(message, thread_id=str(item.get("conversationId") or "")))

    def _calendar(self, old: dict | None, since: datetime, me: tuple[str, ...], batch: SyncBatch) -> dict:
        wall = datetime.now(UTC).replace(microsecond=0)
        horizon = max(wall, since)
        old = old or {}
        known: dict[str, list[Any]] = dict(old.get("known") or {})
        link = old.get("link")
        start, end = since, horizon + CAL_AHEAD
        if link:
            try:
                kept_start = parse_instant(old["start"])
                kept_end = parse_instant(old["end"])
            except (KeyError, TypeError, ValueError):
                link = None
            else:
                if kept_end < horizon + CAL_RENEW or kept_start > since:
                    link = None
                else:
                    start, end = kept_start, kept_end
        if link:
            try:
                return self._calendar_round(link, None, start, end, known, me, batch, full=False)
            except GraphError as exc:
                if not _expired(exc):
                    raise
                batch.stats["full_rounds"] += 1
        params = {"startDateTime": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "endDateTime": end.strftime("%Y-%m-%dT%H:%M:%SZ")}
        return self._calendar_round("me/calendarView/delta", params, start, end, {}, me, batch, full=True)

    def _calendar_round(self, url: str, params: dict | None, start: datetime, end: datetime,
                        known: dict[str, list[Any]], me: tuple[str, ...], batch: SyncBatch, *, full: bool) -> dict:
        found: list[tuple[str, Any]] = []  # ("gone", Event) or ("item", Graph event), in delta order
        for page in self.graph.pages(url, params, page_size=100):
            batch.stats["delta_pages"] += 1
            for item in page.get("value") or ():
                event_id = str(item.get("id") or "")
                if "@removed" in item:
                    gone = removed_event(known.pop(event_id, None), event_id)
                    if gone is not None and not full:
                        found.append(("gone", gone))
                    continue
                found.append(("item", item))
            delta = page.get("@odata.deltaLink")
            if delta:
                full_items = self._resolve_instances([v for k, v in found if k == "item"], batch)
                events = []
                for kind, value in found:
                    if kind == "gone":
                        events.append(value)
                        continue
                    event_id = str(value.get("id") or "")
                    item = full_items.get(event_id)
                    if item is None:
                        continue  # an instance of a series that is gone
                    try:
                        event = to_event(item, tz=self.tz, me=me)
                    except (ValueError, TypeError, KeyError) as exc:
                        batch.skipped.append((f"calendar {event_id}", f"unreadable event: {exc}"[:200]))
                        continue
                    known[event_id] = [event.uid, event.recurrence_id, event.start.isoformat(),
                                       event.end.isoformat()]
                    events.append(event)
                batch.events.extend(events)
                batch.events_complete = full
                return {"link": delta, "start": start.isoformat(), "end": end.isoformat(), "known": known}
        raise ProviderError("Microsoft Graph ended the calendar delta round without a deltaLink")

    def _resolve_instances(self, items: list[dict], batch: SyncBatch) -> dict[str, dict]:
        """Event id -> the full Graph event. calendarView/delta sends the instances of a recurring series
        trimmed to id, type, seriesMasterId, start and end: no iCalUId, subject, attendees or organizer
        (microsoft-graph-docs#7632, #22197; keeper.sh PR 409 does the same). An occurrence takes the series
        master's metadata (GET me/events/{seriesMasterId}, one per series) and its own times, its start
        being its original start; an exception (moved or changed) is read itself (GET me/events/{id}),
        which carries originalStart. Both through $batch. An instance whose series is gone (404) is left out."""
        out: dict[str, dict] = {}
        targets: dict[str, str] = {}  # event id to GET -> its request id in the batch
        for item in items:
            event_id = str(item.get("id") or "")
            kind = str(item.get("type") or "")
            if kind in ("occurrence", "exception") and not item.get("iCalUId") and item.get("seriesMasterId"):
                target = str(item["seriesMasterId"]) if kind == "occurrence" else event_id
                targets.setdefault(target, f"e{len(targets)}")
            else:
                out[event_id] = item
        if not targets:
            return out
        answers = self.graph.batch([{"id": rid, "url": f"me/events/{quote_id(target)}"}
                                    for target, rid in targets.items()])
        by_target = {target: answers.get(rid, (404, None)) for target, rid in targets.items()}
        batch.stats["series_resolved"] = batch.stats.get("series_resolved", 0) + len(targets)
        for item in items:
            event_id = str(item.get("id") or "")
            if event_id in out:
                continue
            kind = str(item.get("type") or "")
            target = str(item["seriesMasterId"]) if kind == "occurrence" else event_id
            status, body = by_target.get(target, (404, None))
            if status >= 300 or not isinstance(body, dict):
                if status not in (404, 410):
                    batch.skipped.append((f"calendar {event_id}", f"Microsoft Graph could not read its series "
                                                                  f"({status})"))
                continue
            if kind == "exception":
                out[event_id] = {**body, "id": event_id}
                continue
            first = item.get("start") or {}
            original = parse_instant(str(first.get("dateTime", "")) + ("Z" if str(first.get("timeZone", "UTC"))
                                                                        .upper() == "UTC" else ""))
            out[event_id] = {**body, "id": event_id, "type": "occurrence", "seriesMasterId": item["seriesMasterId"],
                             "start": item.get("start"), "end": item.get("end"),
                             "originalStart": original.astimezone(UTC).isoformat()}
        return out

    # -- drafts (outlook_drafts.py) ------------------------------------------------------------------

    def create_draft(self, raw: bytes, *, message_id: str, reply_to: Message | None) -> str:
        """Store the composed MIME as a draft, every header as written (Message-ID, Date, In-Reply-To,
        References). A reply goes through createReply on `reply_to`, so Exchange files it in that
        conversation; new mail (or a reply whose original is gone) through POST /me/messages."""
        return outlook_drafts.create(self.graph, raw, reply_to)

    def find_draft(self, message_id: str) -> str | None:
        """The ref of the draft in Drafts whose internetMessageId is `message_id`, or None."""
        return outlook_drafts.find(self.graph, message_id)

    def find_drafts(self, message_id: str) -> list[str]:
        """The refs of every draft in Drafts whose internetMessageId is `message_id`, oldest first
        (createdDateTime, then Graph id)."""
        return outlook_drafts.find_all(self.graph, message_id)

    def draft_status(self, drafts: Sequence[DraftRecord]) -> dict[str, str]:
        """"present", "edited" or "missing" per record: by the draft's Graph id (in Drafts, same content
        hash?), else by its Message-ID among the drafts (a client may save an edit as a new item)."""
        return outlook_drafts.status(self.graph, drafts)

    def delete_draft(self, ref_or_message_id: str) -> bool:
        """DELETE of the agent's own draft, each candidate first read back: only an item still in Drafts with
        isDraft is deleted (B19, B25). True when a draft was deleted."""
        return outlook_drafts.delete_draft(self.graph, ref_or_message_id)

    def inspect_draft(self, ref: str) -> base.DraftInspection | None:
        """The ref's item as stored: MIME headers, isDraft, in Drafts; None when gone (outlook_drafts.inspect)."""
        return outlook_drafts.inspect(self.graph, ref)

    def check(self) -> list[CheckLine]:
        """For `doctor`: token cache, account, a silent refresh, scopes (no Mail.Send), /me, Drafts and Sent
        Items, the calendar; read-only, each problem with its fix (providers/outlook_check.py)."""
        from providers.outlook_check import check
        return check(self)

    def close(self) -> None:
        """Close the HTTP sessions. Safe to call twice."""
        self.graph.close()
        if self._owned_http is not None:
            self._owned_http.close()
            self._owned_http = None
