"""The Gmail and Calendar methods of the fake: request parameters in, JSON resources out.

Each handler gets the validated request (`Checked`) and answers as the real API documents it, shapes
seeded from real payloads (tests/corpus/external/nango-integration-templates: messages.list,
messages.get, history.list, drafts.create, events.list; drafts.delete answers 204 with no body, as
Google documents it). Errors are `ApiError`s with Google's error body. Only what a read-mostly,
drafts-only client needs is implemented; any other method of the API
answers 501 and is recorded as a violation, and anything that sends answers 403 and is recorded too.
"""

from __future__ import annotations

import base64
import binascii
import email
import email.policy
import hashlib
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from tests.fakes.gmail_discovery import Checked
from tests.fakes.gmail_store import HIDDEN, MailStore, Msg, NotFound, b64url

# Quota units per method (https://developers.google.com/workspace/gmail/api/reference/quota).
UNITS = {"gmail.users.getProfile": 1, "gmail.users.labels.list": 1, "gmail.users.messages.list": 5,
         "gmail.users.messages.get": 5, "gmail.users.history.list": 2, "gmail.users.drafts.create": 10,
         "gmail.users.drafts.update": 15, "gmail.users.drafts.get": 5, "gmail.users.drafts.list": 5,
         "gmail.users.drafts.delete": 10,
         "gmail.users.threads.get": 10, "gmail.users.messages.send": 100, "gmail.users.drafts.send": 100}
SYNC_FORBIDDEN = ("iCalUID", "orderBy", "privateExtendedProperty", "q", "sharedExtendedProperty", "timeMin",
                  "timeMax", "updatedMin")


class ApiError(Exception):
    def __init__(self, status: int, message: str, reason: str = "", *, violation: bool = False,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.reason = reason or {400: "badRequest", 401: "authError", 403: "forbidden", 404: "notFound",
                                 410: "fullSyncRequired", 429: "rateLimitExceeded", 500: "backendError",
                                 501: "notImplemented", 503: "backendError"}.get(status, "error")
        self.violation = violation
        self.headers = headers or {}

    def body(self) -> bytes:
        status = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND",
                  410: "FAILED_PRECONDITION", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 501: "UNIMPLEMENTED",
                  503: "UNAVAILABLE"}.get(self.status, "UNKNOWN")
        return json.dumps({"error": {"code": self.status, "message": self.message, "status": status,
                                     "errors": [{"message": self.message, "domain": "global",
                                                 "reason": self.reason}]}}).encode()


def _one(req: Checked, name: str, default: str | None = None) -> str | None:
    values = req.query.get(name)
    return values[0] if values else default


def _int(req: Checked, name: str, default: int, maximum: int) -> int:
    return max(1, min(int(_one(req, name, str(default)) or default), maximum))


def _page(items: list[Any], req: Checked, default: int, maximum: int) -> tuple[list[Any], str | None]:
    start = int(_one(req, "pageToken", "0") or 0)
    size = _int(req, "maxResults", default, maximum)
    chunk = items[start:start + size]
    return chunk, (str(start + size) if start + size < len(items) else None)


class GmailApi:
    def __init__(self, store: MailStore):
        self.store = store
        self.handlers: dict[str, Callable[[Checked], dict[str, Any] | None]] = {
            "gmail.users.getProfile": self.get_profile,
            "gmail.users.labels.list": self.labels_list,
            "gmail.users.messages.list": self.messages_list,
            "gmail.users.messages.get": self.messages_get,
            "gmail.users.history.list": self.history_list,
            "gmail.users.threads.get": self.threads_get,
            "gmail.users.drafts.create": self.drafts_create,
            "gmail.users.drafts.list": self.drafts_list,
            "gmail.users.drafts.get": self.drafts_get,
            "gmail.users.drafts.delete": self.drafts_delete,
            "calendar.events.list": self.events_list,
            "calendar.events.get": self.events_get,
            "calendar.calendarList.get": self.calendar_list_get,
        }

    def handle(self, req: Checked) -> dict[str, Any] | None:
        """The method's answer; None for one that answers 204 No Content (drafts.delete)."""
        if req.method_id.endswith(".send"):
            raise ApiError(403, f"{req.method_id}: this fake refuses to send mail", violation=True)
        handler = self.handlers.get(req.method_id)
        if handler is None:
            raise ApiError(501, f"{req.method_id} is not implemented by the fake", violation=True)
        user = req.path_params.get("userId")
        if user is not None and user not in ("me", self.store.address()):
            raise ApiError(403, f"Delegation denied for {user}")
        with self.store.lock:
            self.store.rescan()
            try:
                return handler(req)
            except NotFound as exc:
                raise ApiError(404, str(exc) or "Requested entity was not found.") from exc

    # -- gmail ---------------------------------------------------------------------------------------

    def get_profile(self, req: Checked) -> dict[str, Any]:
        msgs = self.store.messages.values()
        return {"emailAddress": self.store.address(), "messagesTotal": len(msgs),
                "threadsTotal": len({m.thread_id for m in msgs}), "historyId": str(self.store.history_id)}

    def labels_list(self, req: Checked) -> dict[str, Any]:
        system = sorted({"INBOX", "SENT", "DRAFT", "TRASH", "SPAM", "UNREAD", "STARRED", "IMPORTANT"})
        labels = [{"id": i, "name": i, "type": "system"} for i in system]
        labels += [{"id": lid, "name": folder.lstrip("."), "type": "user"} for folder, lid in self.store.labels.items()]
        return {"labels": labels}

    def messages_list(self, req: Checked) -> dict[str, Any]:
        include = _one(req, "includeSpamTrash", "false") == "true"
        msgs = [m for m in self.store.visible(include) if _matches(m, _one(req, "q", "") or "")]
        wanted = set(req.query.get("labelIds", []))
        msgs = [m for m in msgs if wanted <= m.labels]
        page, token = _page(msgs, req, 100, 500)
        out: dict[str, Any] = {"resultSizeEstimate": len(msgs)}
        if page:
            out["messages"] = [m.stub() for m in page]
        if token:
            out["nextPageToken"] = token
        return out

    def messages_get(self, req: Checked) -> dict[str, Any]:
        msg = self.store.by_message_id(req.path_params["id"])
        return render(msg, _one(req, "format", "full") or "full", req.query.get("metadataHeaders", []))

    def threads_get(self, req: Checked) -> dict[str, Any]:
        msgs = [m for m in self.store.visible(False) if m.thread_id == req.path_params["id"]]
        if not msgs:
            raise NotFound(f"thread {req.path_params['id']} not found")
        fmt = _one(req, "format", "full") or "full"
        msgs.sort(key=lambda m: m.internal_ms)
        return {"id": req.path_params["id"], "historyId": str(max(m.history_id for m in msgs)),
                "messages": [render(m, fmt, req.query.get("metadataHeaders", [])) for m in msgs]}

    def history_list(self, req: Checked) -> dict[str, Any]:
        if not _one(req, "startHistoryId"):
            raise ApiError(400, "Missing required field: startHistoryId", "invalidArgument", violation=True)
        start = int(_one(req, "startHistoryId") or 0)
        if start < self.store.history_floor:
            raise ApiError(404, "Requested entity was not found.")
        types = set(req.query.get("historyTypes", [])) or {"messageAdded", "messageDeleted", "labelAdded",
                                                          "labelRemoved"}
        keys = {"messageAdded": "messagesAdded", "messageDeleted": "messagesDeleted", "labelAdded": "labelsAdded",
                "labelRemoved": "labelsRemoved"}
        wanted = {keys[t] for t in types}
        label = _one(req, "labelId")
        records = []
        for rec in self.store.history:
            if int(rec["id"]) <= start:
                continue
            kept = {k: v for k, v in rec.items() if k in wanted}
            if not kept:
                continue
            if label and not any(label in e["message"]["labelIds"] for v in kept.values() for e in v):
                continue
            records.append({"id": rec["id"], "messages": rec["messages"], **kept})
        page, token = _page(records, req, 100, 500)
        out: dict[str, Any] = {"historyId": str(self.store.history_id)}
        if page:
            out["history"] = page
        if token:
            out["nextPageToken"] = token
        return out

    def drafts_create(self, req: Checked) -> dict[str, Any]:
        message = (req.body or {}).get("message") or {}
        raw_b64 = message.get("raw")
        if not raw_b64:
            raise ApiError(400, "Missing draft message", "invalidArgument")
        try:
            raw = base64.urlsafe_b64decode(raw_b64 + "=" * (-len(raw_b64) % 4))
        except (binascii.Error, ValueError) as exc:
            raise ApiError(400, "Invalid value for ByteString", "invalidArgument") from exc
        if len(raw) > 36_700_160:
            raise ApiError(413, "Request payload size exceeds the limit")
        draft, msg = self.store.create_draft(raw, message.get("threadId"))
        return {"id": draft, "message": msg.with_labels()}

    def _draft_list(self, req: Checked) -> list[tuple[str, Msg]]:
        q = _one(req, "q", "") or ""
        out = []
        for draft, mid in self.store.drafts.items():
            msg = self.store.messages.get(mid)
            if msg is not None and _matches(msg, q):
                out.append((draft, msg))
        return sorted(out, key=lambda d: (-d[1].internal_ms, d[0]))

    def drafts_list(self, req: Checked) -> dict[str, Any]:
        drafts = self._draft_list(req)
        page, token = _page(drafts, req, 100, 500)
        out: dict[str, Any] = {"resultSizeEstimate": len(drafts)}
        if page:
            out["drafts"] = [{"id": d, "message": m.stub()} for d, m in page]
        if token:
            out["nextPageToken"] = token
        return out

    def drafts_get(self, req: Checked) -> dict[str, Any]:
        mid = self.store.drafts.get(req.path_params["id"])
        if mid is None:
            raise NotFound("Requested entity was not found.")
        msg = self.store.by_message_id(mid)
        return {"id": req.path_params["id"],
                "message": render(msg, _one(req, "format", "full") or "full", [])}

    def drafts_delete(self, req: Checked) -> None:
        """Gmail answers 204 with no body; the draft's file leaves the Maildir tree."""
        self.store.delete_draft(req.path_params["id"])

    # -- calendar ------------------------------------------------------------------------------------

    def _calendar(self, req: Checked) -> dict[str, dict[str, Any]]:
        cal = req.path_params["calendarId"]
        if cal in ("primary", self.store.address()):
            return self.store.calendar_events()
        extra = self.store.calendar.extra.get(cal)
        if extra is None:
            raise NotFound("Not Found")
        return extra

    def calendar_list_get(self, req: Checked) -> dict[str, Any]:
        """The calendarListEntry of the primary calendar or of one in `calendar.extra` (read-only fields
        as in the CalendarList reference); 404 for any other id."""
        cal = req.path_params["calendarId"]
        me = self.store.address()
        primary = cal in ("primary", me)
        if not primary and cal not in self.store.calendar.extra:
            raise NotFound("Not Found")
        return {"kind": "calendar#calendarListEntry", "etag": f'"{self.store.calendar.version}"',
                "id": me if primary else cal, "summary": me if primary else cal.split("@", 1)[0],
                "timeZone": "UTC", "accessRole": "owner" if primary else "reader",
                "defaultReminders": [], "primary": primary, "selected": True}

    def events_get(self, req: Checked) -> dict[str, Any]:
        event = self._calendar(req).get(req.path_params["eventId"])
        if event is None:
            raise NotFound("Not Found")
        return _public(event)

    def events_list(self, req: Checked) -> dict[str, Any]:
        events = self._calendar(req)
        cal = self.store.calendar
        signature = _signature(req)
        token = _one(req, "syncToken")
        if token is not None:
            clash = [p for p in SYNC_FORBIDDEN if p in req.query]
            if clash:
                raise ApiError(400, f"syncToken cannot be combined with {clash}", "invalid", violation=True)
            try:
                version, sig = base64.urlsafe_b64decode(token.encode()).decode().split(":", 1)
            except (ValueError, binascii.Error) as exc:
                raise ApiError(400, "Invalid sync token value.", "invalid", violation=True) from exc
            if sig != signature:
                raise ApiError(400, "The parameters of a sync request must match the initial request",
                               "invalid", violation=True)
            if int(version) < cal.floor:
                raise ApiError(410, "Sync token is no longer valid, a full sync is required.", "fullSyncRequired")
            items = [e for e in events.values() if e["_version"] > int(version)]
        else:
            show_deleted = _one(req, "showDeleted", "false") == "true"
            tmin, tmax = _one(req, "timeMin"), _one(req, "timeMax")
            items = []
            for e in events.values():
                if e["status"] == "cancelled" and not show_deleted:
                    continue
                if e["status"] != "cancelled":
                    if tmin and _instant(e["end"]) <= _parse(tmin):
                        continue
                    if tmax and _instant(e["start"]) >= _parse(tmax):
                        continue
                items.append(e)
        items.sort(key=lambda e: (e["_version"], e["id"]))
        page, next_token = _page(items, req, 250, 2500)
        out: dict[str, Any] = {"kind": "calendar#events", "etag": f'"p{cal.version}"',
                               "summary": self.store.address(), "updated": _now(), "timeZone": "UTC",
                               "accessRole": "owner", "defaultReminders": [],
                               "items": [_public(e) for e in page]}
        if next_token:
            out["nextPageToken"] = next_token
        else:
            out["nextSyncToken"] = base64.urlsafe_b64encode(f"{cal.version}:{signature}".encode()).decode()
        return out


def _signature(req: Checked) -> str:
    kept = {k: sorted(v) for k, v in req.query.items()
            if k not in SYNC_FORBIDDEN and k not in ("syncToken", "pageToken", "maxResults", "fields",
                                                     "prettyPrint", "alt", "quotaUser")}
    kept["calendarId"] = [req.path_params["calendarId"]]
    return hashlib.sha1(json.dumps(kept, sort_keys=True).encode()).hexdigest()[:12]


def _public(event: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in event.items() if not k.startswith("_")}


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _instant(when: dict[str, str]) -> datetime:
    if "dateTime" in when:
        return _parse(when["dateTime"])
    return datetime.fromisoformat(when["date"]).replace(tzinfo=UTC)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


# -- search -----------------------------------------------------------------------------------------

_TOKEN = re.compile(r'(-?)(\w+):("[^"]*"|\S+)|(\S+)')


def _matches(msg: Msg, q: str) -> bool:
    """The subset of Gmail search the fake understands; any other operator is a violation."""
    for m in _TOKEN.finditer(q or ""):
        neg, op, value, bare = m.group(1), m.group(2), (m.group(3) or "").strip('"'), m.group(4)
        if bare:
            raise ApiError(400, f"free-text search {bare!r} is not supported by the fake", violation=True)
        op = op.lower()
        if op == "after" or op == "before":
            if not value.isdigit():
                raise ApiError(400, f"{op}: use epoch seconds (a date means midnight PST)", violation=True)
            ok = msg.internal_ms >= int(value) * 1000 if op == "after" else msg.internal_ms < int(value) * 1000
        elif op == "in":
            label = {"inbox": "INBOX", "sent": "SENT", "drafts": "DRAFT", "draft": "DRAFT", "trash": "TRASH",
                     "spam": "SPAM", "anywhere": None}.get(value.lower(), "?")
            if label == "?":
                raise ApiError(400, f"in:{value} is not supported by the fake", violation=True)
            ok = label is None or label in msg.labels
        elif op == "label":
            ok = value.upper() in msg.labels or value in msg.labels
        elif op == "rfc822msgid":
            ok = msg.message_id.strip("<>") == value.strip("<>")
        elif op == "is":
            ok = {"unread": "UNREAD", "starred": "STARRED"}.get(value.lower(), "?") in msg.labels
        else:
            raise ApiError(400, f"search operator {op}: is not supported by the fake", violation=True)
        if ok == bool(neg):
            return False
    return True


# -- rendering messages -----------------------------------------------------------------------------


def render(msg: Msg, fmt: str, metadata_headers: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": msg.id, "threadId": msg.thread_id, "labelIds": sorted(msg.labels)}
    if fmt != "minimal":
        out["snippet"] = _snippet(msg) if fmt in ("full", "raw") else ""
    out.update({"historyId": str(msg.history_id), "internalDate": str(msg.internal_ms), "sizeEstimate": msg.size})
    if fmt == "metadata":
        wanted = {h.lower() for h in metadata_headers}
        headers = [{"name": k, "value": v} for k, v in msg.headers if not wanted or k.lower() in wanted]
        out["payload"] = {"partId": "", "mimeType": _top_type(msg), "filename": "", "headers": headers,
                          "body": {"size": 0}}
    elif fmt == "raw":
        out["raw"] = b64url(msg.raw())
    elif fmt == "full":
        parsed = email.message_from_bytes(msg.raw(), policy=email.policy.compat32)
        out["payload"] = _part(parsed, "")
    return out


def _top_type(msg: Msg) -> str:
    ctype = msg.header("Content-Type").split(";", 1)[0].strip().lower()
    return ctype or "text/plain"


def _snippet(msg: Msg) -> str:
    try:
        parsed = email.message_from_bytes(msg.raw(), policy=email.policy.default)
        body = parsed.get_body(preferencelist=("plain",)) if parsed.is_multipart() else parsed
        text = body.get_content() if body is not None else ""
    except Exception:
        return ""
    return " ".join(str(text).split())[:200]


def _part(part: email.message.Message, part_id: str) -> dict[str, Any]:
    headers = [{"name": k, "value": str(v)} for k, v in part.items()]
    out: dict[str, Any] = {"partId": part_id, "mimeType": part.get_content_type(),
                           "filename": part.get_filename() or "", "headers": headers}
    if part.is_multipart():
        out["body"] = {"size": 0}
        children = part.get_payload()
        out["parts"] = [_part(p, f"{part_id}.{i}" if part_id else str(i)) for i, p in enumerate(children)]
    else:
        data = part.get_payload(decode=True) or b""
        out["body"] = {"size": len(data), "data": b64url(data)}
    return out


__all__ = ["HIDDEN", "UNITS", "ApiError", "GmailApi"]
