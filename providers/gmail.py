"""Gmail provider: mail through the Gmail API, events through Google Calendar, drafts with drafts.create.

Glossary
- key: the Gmail message id; `Message.thread_id` is the Gmail threadId, which a reply draft joins
  (drafts.create with threadId, In-Reply-To/References and the thread's subject, as the composer writes).
- cursor: `{"v": 1, "history_id": "...", "calendars": {<id>: {"sync_token": "...", "known": {...}}}}`.
  First run: a listing of the look-back window; later runs: history.list from the stored historyId; 404
  (history expired) -> the same listing as a first run, bounded by the look-back window. A run with no
  change costs one history.list and one events.list per calendar. Mail is read by gmail_messages.py
  (metadata first, the whole message only for mail that may matter), events by gmail_calendar.py.
- draft ref: "<draft id>|<message id>". Gmail gives an edited draft a new message id under the same
  draft id, so a changed message id means "edited", a draft id gone from drafts.list means "missing".

Account keys: token_file (default <config_dir>/secrets/gmail-token.json), calendars (default
["primary"]), api_endpoint (default Google's; a test server serves Gmail at <endpoint>gmail/v1/, Calendar
at <endpoint>calendar/v3/ and batches at <endpoint>batch/gmail/v1), token_uri (overrides the token
file's), quota_units_per_minute (default 12000, under Google's 15,000 per user), max_retries (default 5).

B19: nothing here sends, moves or relabels mail: the writing calls are drafts.create and drafts.delete of
the agent's own draft (B25; a draft id names a draft and nothing else), and no request path ends in /send
(a test asserts it).
"""

from __future__ import annotations

import base64
import json
import logging
import time
import urllib.parse
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import google_auth_httplib2
import httplib2
from google.auth import exceptions as auth_exceptions
from googleapiclient.discovery import build_from_document
from googleapiclient.errors import HttpError

from agent.core.errors import ConfigError
from agent.core.model import DraftRecord, Message
from providers import base, gmail_auth
from providers.base import CheckLine, Progress, SyncBatch, UnreachableError, account_zone
from providers.gmail_auth import connect  # noqa: F401 - the CLI calls providers.gmail.connect
from providers.gmail_calendar import sync_calendars
from providers.gmail_messages import PAGE_SIZE, fetch, history, listing
from providers.gmail_transport import TRANSPORT_ERRORS, AnswerLost, SendOnceHttp, Transport, auth_error
from providers.message_ids import bare_mid, is_message_id

log = logging.getLogger(__name__)

CURSOR_VERSION = 1
GOOGLE_GMAIL = "https://gmail.googleapis.com/"
GOOGLE_CALENDAR = "https://www.googleapis.com/calendar/v3/"
DEFAULT_UNITS_PER_MINUTE = 12_000


@lru_cache(maxsize=2)
def _document(name: str) -> dict[str, Any]:
    """A discovery document shipped inside google-api-python-client (no network, parsed once)."""
    from googleapiclient.discovery_cache import get_static_doc

    text = get_static_doc(*name.split("."))
    if text is None:
        raise ConfigError(f"google-api-python-client lacks the {name} discovery document; reinstall it")
    return json.loads(text)


def _endpoint(account: dict[str, Any], key: str, where: str) -> str | None:
    value = account.get(key)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ConfigError(f"{where}.{key} must be a URL string, e.g. \"https://gmail.googleapis.com/\"")
    parts = urllib.parse.urlsplit(value)
    if parts.scheme != "https" and not (parts.scheme == "http" and gmail_auth.is_loopback(value)):
        raise ConfigError(f"{where}.{key} = {value!r}: use an https:// URL (plain http only for 127.0.0.1 or "
                          f"localhost test servers), or remove the key")
    return value


def reconnect_args(account: dict[str, Any]) -> tuple[str, ...]:
    """The `connect` arguments that sign this account in again (base.py's glossary)."""
    secrets = next((account[k] for k in ("client_secrets", "client_secrets_file", "client_file") if account.get(k)),
                   "CLIENT_SECRETS.json")
    return ("gmail", "--client-secrets", str(secrets))


def check_apis(account: dict[str, Any], *, config_dir: Path | str) -> None:
    """`connect gmail`'s last step: ServiceDisabledError (exit 2, "enable the Gmail API in project N: URL")
    when the OAuth client's Cloud project has the Gmail or Calendar API switched off (gmail_check)."""
    from providers import gmail_check

    provider = open_provider({**account, "max_retries": 0}, config_dir=str(config_dir), state_dir=str(config_dir))
    try:
        gmail_check.apis_enabled(provider)  # no retries: a network problem is doctor's to report, not connect's
    finally:
        provider.close()


def open_provider(account: dict[str, Any], *, config_dir: str, state_dir: str) -> GmailProvider:
    """Validate the account keys (ConfigError naming `account.<key>` and the fix); no network yet."""
    where = account.get("_where", "account")
    raw_token = account.get("token_file") or str(Path(config_dir) / "secrets" / "gmail-token.json")
    if not isinstance(raw_token, str):
        raise ConfigError(f"{where}.token_file must be a path, e.g. \"secrets/gmail-token.json\"")
    token_file = Path(raw_token).expanduser()
    if not token_file.is_absolute():
        token_file = Path(config_dir) / token_file
    calendars = account.get("calendars", ["primary"])
    if not isinstance(calendars, list) or not calendars or not all(isinstance(c, str) and c.strip() for c in calendars):
        raise ConfigError(f"{where}.calendars must be a list of calendar ids, e.g. [\"primary\", "
                          f"\"team@group.calendar.google.com\"]")
    api = _endpoint(account, "api_endpoint", where)
    token_uri = _endpoint(account, "token_uri", where)
    numbers = {}
    for key, default, low, high in (("quota_units_per_minute", DEFAULT_UNITS_PER_MINUTE, 100, 10_000_000),
                                    ("max_retries", 5, 0, 10)):
        value = account.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ConfigError(f"{where}.{key} must be a whole number from {low} to {high} (default {default})")
        numbers[key] = value
    tz = account_zone(account)
    creds = gmail_auth.load_credentials(token_file, token_uri=token_uri, where=where)
    base = api.rstrip("/") + "/" if api else None
    return GmailProvider(creds=creds, token_file=token_file, tz=tz, calendars=[c.strip() for c in calendars],
                         gmail_endpoint=base or GOOGLE_GMAIL,
                         calendar_endpoint=f"{base}calendar/v3/" if base else GOOGLE_CALENDAR,
                         units_per_minute=numbers["quota_units_per_minute"], max_retries=numbers["max_retries"],
                         reconnect=reconnect_args(account))


class GmailProvider:
    """A Gmail account and its Google calendars as the agent's mailbox (see the module docstring)."""

    name = "gmail"

    def __init__(self, *, creds: Any, token_file: Path, tz: ZoneInfo, calendars: list[str], gmail_endpoint: str,
                 calendar_endpoint: str, units_per_minute: int, max_retries: int, reconnect: tuple[str, ...] = ()):
        self.creds = creds
        self.reconnect = reconnect
        self.token_file = token_file
        self.tz = tz
        self.calendars = calendars
        self.batch_uri = f"{gmail_endpoint}batch/gmail/v1"
        self.stats: dict[str, int] = {}
        self._http = httplib2.Http(timeout=60)
        self._authed = google_auth_httplib2.AuthorizedHttp(creds, http=self._http)
        # drafts.create goes through an Http that never sends it twice (B20): see gmail_transport.SendOnceHttp
        self._once = google_auth_httplib2.AuthorizedHttp(creds, http=SendOnceHttp(timeout=60))
        self.transport = Transport(self._authed, units_per_minute=units_per_minute, max_retries=max_retries,
                                   stats=self.stats, reconnect=reconnect)
        self._saved = gmail_auth.fingerprint(creds)
        self._gmail_endpoint, self._calendar_endpoint = gmail_endpoint, calendar_endpoint
        self._services: dict[str, Any] = {}
        self._ready = False

    # -- plumbing ------------------------------------------------------------------------------------

    def _service(self, name: str) -> Any:
        if not self._ready:
            self._refresh()
        if name not in self._services:
            endpoint = self._gmail_endpoint if name == "gmail.v1" else self._calendar_endpoint
            self._services[name] = build_from_document(_document(name), http=self._authed,
                                                       client_options={"api_endpoint": endpoint})
        return self._services[name]

    def _refresh(self) -> None:
        """Get an access token before the first call, so that a refused refresh token stops the run at
        once with the reconnect command, and save the refreshed token (the cron run's only write)."""
        def refresh() -> None:
            self.stats["token_refreshes"] = self.stats.get("token_refreshes", 0) + 1
            self.creds.refresh(google_auth_httplib2.Request(self._http))

        while not self.creds.valid:
            try:
                self.transport.retrying(refresh, lambda exc: isinstance(exc, TRANSPORT_ERRORS))
            except auth_exceptions.RefreshError as exc:
                raise auth_error(exc, self.reconnect) from exc
            except TRANSPORT_ERRORS as exc:
                raise UnreachableError(f"Google's sign-in service could not be reached ({exc})") from exc
        self._ready = True
        self._save_token()

    def _save_token(self) -> None:
        now = gmail_auth.fingerprint(self.creds)
        if now != self._saved:
            gmail_auth.save_credentials(self.creds, self.token_file)
            self._saved = now

    # -- reading -------------------------------------------------------------------------------------

    def sync(self, cursor: dict[str, Any] | None, since: datetime, progress: Progress | None = None) -> SyncBatch:
        """New mail since the cursor's historyId (first run: since `since`) and calendar changes. Mail is
        fetched in batches whose count is not known ahead, so `progress` is not called."""
        started = time.monotonic()
        self.stats.clear()
        batch = SyncBatch(stats=self.stats)
        gmail = self._service("gmail.v1")
        valid = isinstance(cursor, dict) and cursor.get("v") == CURSOR_VERSION and cursor.get("history_id")
        if valid:
            assert cursor is not None
            history_id, ids = history(self.transport, gmail, str(cursor["history_id"]))
            if history_id is None:
                log.warning("Gmail history %s has expired; reading the last %s again", cursor["history_id"],
                            since.date().isoformat())
                self.stats["history_expired"] = 1
                history_id, ids = listing(self.transport, gmail, since)
        else:
            history_id, ids = listing(self.transport, gmail, since)
        fetch(self.transport, gmail, ids, batch, batch_uri=self.batch_uri, tz=self.tz)
        calendar = self._service("calendar.v3")
        events, complete, cal_state = sync_calendars(
            self.transport, calendar, self.calendars, cursor.get("calendars") if valid and cursor else None,
            since, self.tz)
        batch.events, batch.events_complete = events, complete
        batch.cursor = {"v": CURSOR_VERSION, "history_id": history_id, "calendars": cal_state}
        self.stats["messages"] = len(batch.messages)
        self.stats["events"] = len(events)
        self.stats["wall_ms"] = int((time.monotonic() - started) * 1000)
        log.info("gmail sync: %d messages, %d events, %d quota units in %d Gmail calls (%d batches), "
                 "%d calendar calls, %d retries", len(batch.messages), len(events),
                 self.stats.get("quota_units", 0), self.stats.get("gmail_calls", 0), self.stats.get("batches", 0),
                 self.stats.get("calendar_calls", 0), self.stats.get("retries", 0))
        self._save_token()
        return batch

    # -- drafts --------------------------------------------------------------------------------------

    def create_draft(self, raw: bytes, *, message_id: str, reply_to: Message | None) -> str:
        """drafts.create with the raw message; a reply joins `reply_to.thread_id`. Ref "<draft>|<message>"."""
        message: dict[str, Any] = {"raw": base64.urlsafe_b64encode(raw).decode("ascii")}
        if reply_to is not None and reply_to.thread_id:
            message["threadId"] = reply_to.thread_id
        gmail = self._service("gmail.v1")
        try:
            result = self.transport.call(gmail.users().drafts().create(userId="me", body={"message": message}),
                                         "gmail.users.drafts.create", http=self._once, resend=False)
        except AnswerLost as exc:
            # Gmail may have made the draft: never post it again blindly (B20). If it is not found yet,
            # the run stops here with the intent recorded; the next run looks for it again first.
            ref = self.find_draft(message_id)
            if ref is not None:
                return ref
            raise UnreachableError(f"{exc}; the next run checks whether the draft arrived before making it "
                                   f"again") from exc
        self._save_token()
        return f"{result['id']}|{result.get('message', {}).get('id', '')}"

    def find_draft(self, message_id: str) -> str | None:
        """The ref of the draft whose Message-ID is `message_id` (a Gmail search), or None."""
        wanted = bare_mid(message_id)
        if not wanted or '"' in wanted:
            return None
        gmail = self._service("gmail.v1")
        result = self.transport.call(gmail.users().drafts().list(userId="me", q=f"rfc822msgid:{wanted}"),
                                     "gmail.users.drafts.list")
        for item in result.get("drafts", []):
            return f"{item['id']}|{item.get('message', {}).get('id', '')}"
        return None

    def find_drafts(self, message_id: str) -> list[str]:
        """The refs of every draft whose Message-ID is `message_id` (a Gmail search), oldest first: Gmail
        lists drafts newest first, so its order reversed (the same for every installation that asks)."""
        wanted = bare_mid(message_id)
        if not wanted or '"' in wanted:
            return []
        gmail = self._service("gmail.v1")
        result = self.transport.call(gmail.users().drafts().list(userId="me", q=f"rfc822msgid:{wanted}"),
                                     "gmail.users.drafts.list")
        return [f"{item['id']}|{item.get('message', {}).get('id', '')}" for item in reversed(result.get("drafts", []))]

    def draft_status(self, drafts: Sequence[DraftRecord]) -> dict[str, str]:
        """One drafts.list (paged): same message id -> "present", new message id -> "edited", gone -> "missing"."""
        if not drafts:
            return {}
        gmail = self._service("gmail.v1")
        live: dict[str, str] = {}
        page: str | None = None
        while True:
            request = gmail.users().drafts().list(userId="me", maxResults=PAGE_SIZE,
                                                  **({"pageToken": page} if page else {}))
            result = self.transport.call(request, "gmail.users.drafts.list")
            for item in result.get("drafts", []):
                live[str(item["id"])] = str(item.get("message", {}).get("id", ""))
            page = result.get("nextPageToken")
            if not page:
                break
        out: dict[str, str] = {}
        for record in drafts:
            draft_id, _, msg_id = record.provider_ref.partition("|")
            if not draft_id:
                out[record.key] = "present" if record.message_id and self.find_draft(record.message_id) else "missing"
            elif draft_id not in live:
                out[record.key] = "missing"
            else:
                out[record.key] = "present" if not msg_id or live[draft_id] == msg_id else "edited"
        return out

    def delete_draft(self, ref_or_message_id: str) -> bool:
        """drafts.delete of the agent's own draft: the draft id of a ref, or each draft that the search
        rfc822msgid: finds for a Message-ID. A draft id names a draft alone, so no other mail can be deleted;
        one already gone or sent (404) is not an error. True when a draft was deleted."""
        gmail = self._service("gmail.v1")
        if is_message_id(ref_or_message_id):
            wanted = bare_mid(ref_or_message_id)
            if not wanted or '"' in wanted:
                return False
            found = self.transport.call(gmail.users().drafts().list(userId="me", q=f"rfc822msgid:{wanted}"),
                                        "gmail.users.drafts.list")
            draft_ids = [str(item["id"]) for item in found.get("drafts", [])]
        else:
            draft_ids = [d for d in (ref_or_message_id.partition("|")[0],) if d]
        deleted = False
        for draft_id in draft_ids:
            try:
                self.transport.call(gmail.users().drafts().delete(userId="me", id=draft_id),
                                    "gmail.users.drafts.delete", passthrough=(404,))
            except HttpError:
                continue  # 404: already gone (deleted by the user, or sent)
            deleted = True
        self._save_token()
        return deleted

    def inspect_draft(self, ref: str) -> base.DraftInspection | None:
        """drafts.get (format=raw) of the ref's draft id: its headers as Gmail stores them, and the DRAFT label
        (Gmail's draft marker); None when the draft is gone (404: deleted or sent)."""
        draft_id = ref.partition("|")[0]
        if not draft_id or is_message_id(ref):
            return None
        gmail = self._service("gmail.v1")
        try:
            draft = self.transport.call(gmail.users().drafts().get(userId="me", id=draft_id, format="raw"),
                                        "gmail.users.drafts.get", passthrough=(404,))
        except HttpError:
            return None  # 404: gone
        message = draft.get("message") or {}
        raw = base64.urlsafe_b64decode(str(message.get("raw", "")) + "=" * (-len(str(message.get("raw", ""))) % 4))
        labels = set(message.get("labelIds") or ())
        return base.inspection_of(raw, in_drafts="DRAFT" in labels, draft_flag="DRAFT" in labels)

    def check(self) -> list[CheckLine]:
        """For `doctor`: token file, a refresh, scopes, profile, Drafts/Sent labels, each calendar; read-only,
        each problem with its fix (providers/gmail_check.py)."""
        from providers.gmail_check import check
        return check(self)

    def close(self) -> None:
        """Save a changed token and drop the connections. Safe to call twice."""
        try:
            self._save_token()
        except OSError as exc:
            log.warning("could not save the refreshed Gmail token to %s: %s", self.token_file, exc.strerror or exc)
        for http in (self._http, self._once.http):
            for conn in list(getattr(http, "connections", {}).values()):
                try:
                    conn.close()
                except OSError:
                    pass
            http.connections = {}
        self._services.clear()
