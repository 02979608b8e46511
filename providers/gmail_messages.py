"""Reading mail through the Gmail API for the gmail provider: the first listing, history since a cursor,
and fetching the messages found in batches.

- listing: users.getProfile for the starting historyId, then messages.list over the look-back window (all
  mail but drafts, spam and trash).
- history: history.list(messageAdded, labelAdded) from the stored historyId; None when it has expired (404).
- fetching: metadata first (headers only, in batches of 20: see gmail_transport); the whole message
  (format=raw) only for mail that may matter: everything the user sent and all received mail except bulk
  (Gmail's Promotions, Social
  and Forums categories, List-Id, Precedence bulk/list/junk), which the agent ignores for hearing back
  (B15) and whose invitations reach it through the Calendar API anyway. Bulk mail is kept with its headers
  only. A message is "sent" when labelled SENT, else "inbox".
"""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from googleapiclient.errors import HttpError

from agent.core import mime
from agent.core.errors import MalformedInput
from agent.core.model import Message
from providers.base import SyncBatch
from providers.gmail_transport import Transport

PAGE_SIZE = 500
BULK_LABELS = {"CATEGORY_PROMOTIONS", "CATEGORY_SOCIAL", "CATEGORY_FORUMS"}
SKIPPED_LABELS = {"DRAFT", "SPAM", "TRASH", "CHAT"}
HEADERS = ["From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID", "In-Reply-To", "References",
           *[h.title() for h in mime.HEADERS_OF_INTEREST if h not in ("content-type",)], "Content-Type"]


def listing(transport: Transport, gmail: Any, since: datetime) -> tuple[str, dict[str, str]]:
    """(historyId to continue from, {message id: thread id}) of all mail since `since`."""
    profile = transport.call(gmail.users().getProfile(userId="me"), "gmail.users.getProfile")
    query = f"after:{int(since.timestamp())} -in:drafts"
    ids: dict[str, str] = {}
    page: str | None = None
    while True:
        request = gmail.users().messages().list(userId="me", q=query, maxResults=PAGE_SIZE,
                                                **({"pageToken": page} if page else {}))
        result = transport.call(request, "gmail.users.messages.list")
        for item in result.get("messages", []):
            ids[item["id"]] = item.get("threadId", "")
        page = result.get("nextPageToken")
        if not page:
            break
    return str(profile["historyId"]), ids


def history(transport: Transport, gmail: Any, start: str) -> tuple[str | None, dict[str, str]]:
    """New or newly inbox/sent-labelled messages since `start`; (None, {}) when history expired."""
    ids: dict[str, str] = {}
    page: str | None = None
    history_id = start
    while True:
        request = gmail.users().history().list(userId="me", startHistoryId=start, maxResults=PAGE_SIZE,
                                               historyTypes=["messageAdded", "labelAdded"],
                                               **({"pageToken": page} if page else {}))
        try:
            result = transport.call(request, "gmail.users.history.list", passthrough=(404,))
        except HttpError:
            return None, {}
        for record in result.get("history", []):
            for added in record.get("messagesAdded", []):
                msg = added.get("message", {})
                if not set(msg.get("labelIds", [])) & SKIPPED_LABELS:
                    ids.setdefault(msg["id"], msg.get("threadId", ""))
            for added in record.get("labelsAdded", []):
                msg = added.get("message", {})
                if set(added.get("labelIds", [])) & {"INBOX", "SENT"} and \
                        not set(msg.get("labelIds", [])) & SKIPPED_LABELS:
                    ids.setdefault(msg["id"], msg.get("threadId", ""))
        history_id = str(result.get("historyId") or history_id)
        page = result.get("nextPageToken")
        if not page:
            return history_id, ids


def fetch(transport: Transport, gmail: Any, ids: dict[str, str], batch: SyncBatch, *, batch_uri: str,
          tz: ZoneInfo) -> None:
    """Read the messages `ids` names into `batch`: metadata for all, the raw message for mail that may
    matter (see the module docstring); malformed mail goes to `batch.skipped`."""
    if not ids:
        return
    users = gmail.users().messages()
    heads = transport.batch(
        {i: users.get(userId="me", id=i, format="metadata", metadataHeaders=HEADERS) for i in ids},
        "gmail.users.messages.get", batch_uri)
    wanted: list[str] = []
    header_only: dict[str, dict[str, Any]] = {}
    for msg_id, meta in heads.items():
        if meta is None:
            continue  # deleted since it was listed
        labels = set(meta.get("labelIds", []))
        if labels & SKIPPED_LABELS:
            continue
        if _may_matter(labels, meta):
            wanted.append(msg_id)
        else:
            header_only[msg_id] = meta
    transport.stats["metadata_fetched"] = len(heads)
    transport.stats["raw_fetched"] = len(wanted)
    full = transport.batch({i: users.get(userId="me", id=i, format="raw") for i in wanted},
                                "gmail.users.messages.get", batch_uri) if wanted else {}
    found: list[Message] = []
    for _, data in list(full.items()) + list(header_only.items()):
        if data is None:
            continue
        message = _message(data, batch, tz)
        if message is not None:
            found.append(message)
    batch.messages.extend(sorted(found, key=lambda m: (m.date, m.key)))


def _may_matter(labels: set[str], meta: dict[str, Any]) -> bool:
    if "SENT" in labels:
        return True
    headers = {h.get("name", "").lower(): str(h.get("value", ""))
               for h in meta.get("payload", {}).get("headers", [])}
    if "calendar" in headers.get("content-type", "").lower():
        return True
    if labels & BULK_LABELS or headers.get("list-id"):
        return False
    return headers.get("precedence", "").strip().lower() not in ("bulk", "list", "junk")


def _message(data: dict[str, Any], batch: SyncBatch, tz: ZoneInfo) -> Message | None:
    msg_id = str(data["id"])
    labels = set(data.get("labelIds", []))
    folder = "sent" if "SENT" in labels else "inbox"
    try:
        received = datetime.fromtimestamp(int(data.get("internalDate", "0")) / 1000, UTC).astimezone(tz)
    except (TypeError, ValueError):
        received = None
    try:
        if "raw" in data:
            raw = base64.urlsafe_b64decode(data["raw"] + "=" * (-len(data["raw"]) % 4))
        else:
            lines = [f"{h['name']}: {h['value']}" for h in data.get("payload", {}).get("headers", [])]
            raw = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8", "replace")
        message = mime.parse_message(raw, key=msg_id, folder=folder, tz=tz, received=received)
    except MalformedInput as exc:
        batch.skipped.append((msg_id, str(exc) or "malformed mail"))
        return None
    except Exception as exc:
        batch.skipped.append((msg_id, f"unreadable mail ({type(exc).__name__})"))
        return None
    return replace(message, thread_id=str(data.get("threadId", "")))
