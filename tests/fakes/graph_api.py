"""The Microsoft Graph v1.0 endpoints of the test server, over the Maildir-backed `Store`.

Shapes follow Microsoft's documented samples (tests/corpus/external/msgraph-graph-mocks). A request real
Graph would reject, or one this agent must never make, answers with Graph's error shape AND is recorded in
`violations`, which the tests assert empty: an unknown `$select` field (message, mailFolder, event),
`$select` on calendarView/delta, calendarView without startDateTime/endDateTime,
conversationId (or another read-only property) on create, comment and message.body together on
createReply, a PATCH or DELETE of a message that is not a draft in Drafts, a $batch of more than 20, a
request without `Prefer: IdType="ImmutableId"`, more than 4 requests in flight, any send/reply/forward/
move/copy, and a DELETE of anything but one message (me/messages/{id}). A draft deleted leaves the Maildir
tree (the interface spec: the test servers keep `.Drafts` in step).
"""

from __future__ import annotations

import base64
import email
import email.header
import email.policy
import email.utils
import json
import os
import re
import secrets
import threading
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from agent.core.mime import clean_multiline, html_to_text
from tests.fakes import message_ids
from tests.fakes.graph_store import FOLDER_IDS, Item, Store, new_unique

MESSAGE_FIELDS = {
    "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime",
    "sentDateTime", "hasAttachments", "internetMessageId", "subject", "bodyPreview", "importance",
    "parentFolderId", "conversationId", "conversationIndex", "isDeliveryReceiptRequested",
    "isReadReceiptRequested", "isRead", "isDraft", "webLink", "inferenceClassification", "body", "uniqueBody",
    "sender", "from", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "flag",
    "internetMessageHeaders"}
DEFAULT_FIELDS = MESSAGE_FIELDS - {"uniqueBody", "internetMessageHeaders"}
WRITABLE = {"subject", "body", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "importance",
            "internetMessageId", "internetMessageHeaders", "from", "sender", "isReadReceiptRequested",
            "isDeliveryReceiptRequested", "categories", "flag"}
FOLDER_FIELDS = {"id", "displayName", "parentFolderId", "childFolderCount", "unreadItemCount", "totalItemCount",
                 "sizeInBytes", "isHidden"}
EVENT_FIELDS = {  # the event properties of Graph v1.0 (those graph_store.event_body fills, and the rest)
    "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "transactionId",
    "originalStartTimeZone", "originalEndTimeZone", "iCalUId", "uid", "reminderMinutesBeforeStart", "isReminderOn",
    "hasAttachments", "subject", "bodyPreview", "importance", "sensitivity", "isAllDay", "isCancelled",
    "isOrganizer", "responseRequested", "seriesMasterId", "showAs", "type", "webLink", "onlineMeetingUrl",
    "isOnlineMeeting", "onlineMeetingProvider", "allowNewTimeProposals", "isDraft", "hideAttendees", "recurrence",
    "responseStatus", "body", "start", "end", "location", "locations", "attendees", "organizer", "onlineMeeting",
    "originalStart", "cancelledOccurrences", "occurrenceId"}
FOLDER_ALIASES = {"inbox": "inbox", "sentitems": "sentitems", "drafts": "drafts"}
FORBIDDEN = {"send", "sendmail", "reply", "replyall", "forward", "move", "copy", "permanentdelete"}
_FOLDER = r"mailFolders(?:\('(?P<f>[^']+)'\)|/(?P<g>[^/]+))"


def _err(status: int, code: str, message: str) -> tuple[int, dict, Any]:
    return status, {"Content-Type": "application/json"}, {"error": {"code": code, "message": message}}


def _instant(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(re.sub(r"(\.\d{6})\d+", r"\1", value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _people(values: list[str]) -> list[dict]:
    return [{"emailAddress": {"name": name or addr, "address": addr}}
            for name, addr in email.utils.getaddresses(values) if "@" in addr]


def _addresses(recipients: Any) -> list[str]:
    out = []
    for r in recipients or ():
        addr = (r.get("emailAddress") or {}) if isinstance(r, dict) else {}
        if addr.get("address"):
            out.append(email.utils.formataddr((addr.get("name") or "", addr["address"])))
    return out


class GraphApi:
    """Dispatches one Graph request: (method, path under /v1.0, query, headers, body) -> response."""

    def __init__(self, store: Store, base: str):
        self.store = store
        self.base = base  # https://127.0.0.1:PORT/v1.0
        self.violations: list[str] = []
        self.tokens: dict[str, dict] = {}
        self.lock = threading.RLock()
        self.page_default = 10
        self.fault_hook: Any = None  # path -> (status, headers, body) | None, for requests inside a $batch
        self.local = threading.local()  # .refuse: how many of this thread's $batch requests get 429 (graph.py)
        self.trim_occurrences = True
        self.replace_mime_message_id = False  # a fault (GraphFake.rewrite_message_ids)

    def violation(self, what: str) -> None:
        self.violations.append(what)

    # -- dispatch --------------------------------------------------------------------------------------

    def handle(self, method: str, path: str, query: dict[str, str], headers: dict[str, str],
               body: bytes) -> tuple[int, dict, Any]:
        prefer = headers.get("prefer", "")
        if 'idtype="immutableid"' not in prefer.lower().replace(" ", ""):
            self.violation(f"{method} {path}: no Prefer: IdType=\"ImmutableId\"")
        last = path.rstrip("/").rsplit("/", 1)[-1].lower()
        one_message = re.fullmatch(r"me/messages/[^/]+", path.strip("/")) is not None
        if (method == "DELETE" and not one_message) or last in FORBIDDEN:
            self.violation(f"{method} {path}: the agent must never send, move or delete mail")
            return _err(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
        with self.lock:
            self.store.refresh()
            return self._route(method, path.strip("/"), query, prefer, headers, body)

    def _route(self, method: str, path: str, query: dict[str, str], prefer: str, headers: dict[str, str],
               body: bytes) -> tuple[int, dict, Any]:
        if method == "POST" and path == "$batch":
            return self._batch(body, headers)
        if method == "GET" and path == "me":
            me = self.store.me()
            return 200, {}, {"@odata.context": f"{self.base}/$metadata#users/$entity", "id": "fake-user",
                             "displayName": "Jordan Lee", "mail": me, "userPrincipalName": me}
        m = re.fullmatch(r"me/" + _FOLDER + r"/messages/delta", path)
        if m and method == "GET":
            return self._mail_delta(FOLDER_ALIASES.get((m["f"] or m["g"]).lower(), ""), query, prefer)
        m = re.fullmatch(r"me/" + _FOLDER, path)
        if m and method == "GET":
            folder = FOLDER_ALIASES.get((m["f"] or m["g"]).lower())
            if folder is None:
                return _err(404, "ErrorInvalidIdMalformed", "Id is malformed.")
            return self._folder(folder, query)
        m = re.fullmatch(r"me/" + _FOLDER + r"/messages", path)
        if m and method == "GET":
            return self._list(FOLDER_ALIASES.get((m["f"] or m["g"]).lower(), ""), query, prefer)
        if path == "me/messages" and method == "POST":
            return self._create(body, headers.get("content-type", ""), None)
        m = re.fullmatch(r"me/messages/([^/]+)/createReply", path)
        if m and method == "POST":
            return self._create_reply(unquote(m[1]), body, headers.get("content-type", ""))
        m = re.fullmatch(r"me/messages/([^/]+)/\$value", path)
        if m and method == "GET":
            item = self.store.by_id(unquote(m[1]))
            if item is None:
                return _err(404, "ErrorItemNotFound", "The specified object was not found in the store.")
            return 200, {"Content-Type": "text/plain"}, item.path.read_bytes()
        m = re.fullmatch(r"me/messages/([^/]+)", path)
        if m and method == "GET":
            item = self.store.by_id(unquote(m[1]))
            if item is None:
                return _err(404, "ErrorItemNotFound", "The specified object was not found in the store.")
            fields = self._select(query, DEFAULT_FIELDS)
            if fields is None:
                return _err(400, "RequestBroker--ParseUri", "Could not find a property named in $select.")
            return 200, {}, self.message_json(item, fields, prefer)
        if m and method == "PATCH":
            return self._patch(unquote(m[1]), body)
        if m and method == "DELETE":
            return self._delete(unquote(m[1]))
        m = re.fullmatch(r"me/events/([^/]+)", path)
        if m and method == "GET":
            return self._event(unquote(m[1]), query)
        if path == "me/calendarView/delta" and method == "GET":
            return self._calendar_delta(query, prefer)
        if path == "me/calendarView" and method == "GET":
            return self._calendar_view(query)
        self.violation(f"{method} {path}: not an endpoint the provider should call")
        return _err(400, "BadRequest", f"Resource not found for the segment '{path}'.")

    # -- rendering -------------------------------------------------------------------------------------

    def _select(self, query: dict[str, str], default: set[str]) -> set[str] | None:
        if "$select" not in query:
            return set(default)
        fields = {f.strip() for f in query["$select"].split(",") if f.strip()}
        unknown = fields - MESSAGE_FIELDS
        if unknown:
            self.violation(f"$select names unknown message properties {sorted(unknown)}")
            return None
        return fields | {"id"}

    def message_json(self, item: Item, fields: set[str], prefer: str) -> dict:
        html = 'outlook.body-content-type="html"' in prefer.replace(" ", "")
        out: dict[str, Any] = {"@odata.type": "#microsoft.graph.message",
                               "@odata.etag": f'W/"CQAAABYAAAA{item.seq:08d}"'}
        stamp = iso(item.received)
        for name in sorted(fields):
            if name == "id":
                out["id"] = item.id
            elif name in ("createdDateTime", "lastModifiedDateTime", "receivedDateTime"):
                out[name] = stamp
            elif name == "sentDateTime":
                try:
                    out[name] = iso(email.utils.parsedate_to_datetime(item.header("Date")))
                except (TypeError, ValueError, IndexError):
                    out[name] = stamp
            elif name == "changeKey":
                out[name] = f"CQAAABYAAAA{item.seq:08d}"
            elif name == "categories":
                out[name] = []
            elif name == "hasAttachments":
                out[name] = "multipart/mixed" in item.header("Content-Type").lower()
            elif name == "internetMessageId":
                out[name] = item.header("Message-ID")
            elif name == "subject":
                out[name] = str(email.header.make_header(email.header.decode_header(item.header("Subject"))))
            elif name in ("body", "uniqueBody", "bodyPreview"):
                text, kind = self._body(item, html)
                out[name] = text[:255] if name == "bodyPreview" else {"contentType": kind, "content": text}
            elif name == "importance":
                out[name] = "normal"
            elif name == "parentFolderId":
                out[name] = FOLDER_IDS[item.folder]
            elif name == "conversationId":
                out[name] = self.store.conversation_id(item)
            elif name == "conversationIndex":
                out[name] = base64.b64encode(item.id.encode()[:22]).decode()
            elif name == "isRead":
                out[name] = "S" in item.flags
            elif name == "isDraft":
                out[name] = item.folder == "drafts" and "D" in item.flags
            elif name == "webLink":
                out[name] = f"https://outlook.office365.com/owa/?ItemID={quote(item.id)}&exvsurl=1"
            elif name == "inferenceClassification":
                out[name] = "focused"
            elif name in ("sender", "from"):
                people = _people([item.header("Sender") or item.header("From")] if name == "sender"
                                 else [item.header("From")])
                out[name] = people[0] if people else None
            elif name in ("toRecipients", "ccRecipients", "bccRecipients", "replyTo"):
                header = {"toRecipients": "To", "ccRecipients": "Cc", "bccRecipients": "Bcc",
                          "replyTo": "Reply-To"}[name]
                out[name] = _people([item.header(header)]) if item.header(header) else []
            elif name == "flag":
                out[name] = {"flagStatus": "notFlagged"}
            elif name == "internetMessageHeaders":
                out[name] = [{"name": k, "value": " ".join(str(v).split())}
                             for k, v in (item.headers.items() if item.headers is not None else [])]
            else:
                out[name] = None
        return out

    @staticmethod
    def _body(item: Item, html: bool) -> tuple[str, str]:
        try:
            msg = item.full()
            part = msg.get_body(preferencelist=("html", "plain") if html else ("plain", "html"))
            if part is None:
                return "", "text"
            content = part.get_content()
            if part.get_content_subtype() == "html":
                return (content, "html") if html else (html_to_text(content), "text")
            return clean_multiline(content), "text"
        except Exception:
            return "", "text"

    # -- delta -------------------------------------------------------------------------------------------

    def _page_size(self, prefer: str) -> int:
        m = re.search(r"odata\.maxpagesize=(\d+)", prefer)
        return max(1, int(m[1])) if m else self.page_default

    def _paged(self, kind: str, path: str, items: list[dict], state: dict, prefer: str) -> tuple[int, dict, Any]:
        size = self._page_size(prefer)
        page, rest = items[:size], items[size:]
        body: dict[str, Any] = {"@odata.context": f"{self.base}/$metadata#Collection({kind})", "value": page}
        if rest:
            token = secrets.token_urlsafe(12)
            self.tokens[token] = {"skip": rest, "state": state}
            body["@odata.nextLink"] = f"{self.base}/{path}?$skiptoken={token}"
        else:
            token = secrets.token_urlsafe(12)
            self.tokens[token] = {**state, "seq": self.store.seq}
            body["@odata.deltaLink"] = f"{self.base}/{path}?$deltatoken={token}"
        return 200, {}, body

    def _token(self, query: dict[str, str]) -> tuple[str, dict | None]:
        for name in ("$skiptoken", "$deltatoken"):
            if name in query:
                return name, self.tokens.get(query[name])
        return "", None

    def _mail_delta(self, folder: str, query: dict[str, str], prefer: str) -> tuple[int, dict, Any]:
        if not folder:
            return _err(404, "ErrorInvalidIdMalformed", "Id is malformed.")
        path = f"me/mailFolders('{folder}')/messages/delta"
        kind, state = self._token(query)
        if kind and state is None:
            return _err(410, "syncStateNotFound", "The sync state generation is not found: start a new round.")
        if kind == "$skiptoken":
            return self._paged("message", path, state["skip"], state["state"], prefer)
        if kind == "$deltatoken":
            fields, since, change, seq = state["fields"], state["since"], state["change"], state["seq"]
        else:
            extra = set(query) - {"$select", "$filter", "changeType", "$top", "$expand"}
            if extra:
                self.violation(f"message delta does not take {sorted(extra)}")
                return _err(400, "BadRequest", f"Unsupported query option {sorted(extra)}")
            fields = self._select(query, DEFAULT_FIELDS)
            if fields is None:
                return _err(400, "RequestBroker--ParseUri", "Could not find a property in $select.")
            since = None
            if "$filter" in query:
                m = re.fullmatch(r"receivedDateTime (ge|gt) (\S+)", query["$filter"].strip())
                if not m:
                    self.violation(f"message delta $filter {query['$filter']!r}: only receivedDateTime ge|gt")
                    return _err(400, "ErrorInvalidUrlQueryFilter", "The query filter is not supported.")
                since = m[2]
            change = query.get("changeType")
            if change not in (None, "created", "updated", "deleted"):
                return _err(400, "BadRequest", "changeType must be created, updated or deleted")
            seq = -1
        floor = datetime.fromisoformat(since) if since else None
        values = []
        for item in self.store.in_folder(folder):
            if floor is not None and item.received < floor:
                continue
            created = item.folder_seq > seq
            if (created and change in (None, "created")) or (not created and item.seq > seq
                                                               and change in (None, "updated")):
                values.append(self.message_json(item, fields, prefer))
        if seq >= 0 and change in (None, "deleted"):
            here = {i.id for i in self.store.in_folder(folder)}
            for gone_seq, gone_folder, gone_id in self.store.gone:
                if gone_seq > seq and gone_folder == folder and gone_id not in here:
                    values.append({"@odata.type": "#microsoft.graph.message", "id": gone_id,
                                   "@removed": {"reason": "deleted"}})
        state = {"fields": fields, "since": since, "change": change}
        return self._paged("message", path, values, state, prefer)

    def _calendar_delta(self, query: dict[str, str], prefer: str) -> tuple[int, dict, Any]:
        path = "me/calendarView/delta"
        kind, state = self._token(query)
        if kind and state is None:
            return _err(410, "syncStateNotFound", "The sync state generation is not found: start a new round.")
        if kind == "$skiptoken":
            return self._paged("event", path, state["skip"], state["state"], prefer)
        if kind == "$deltatoken":
            start, end, seq = state["start"], state["end"], state["seq"]
        else:
            bad = set(query) - {"startDateTime", "endDateTime"}
            if bad:
                self.violation(f"calendarView/delta does not support {sorted(bad)}")
                return _err(400, "ErrorInvalidParameter", f"{sorted(bad)} is not supported for delta.")
            if "startDateTime" not in query or "endDateTime" not in query:
                return _err(400, "ErrorInvalidParameter", "startDateTime and endDateTime are required.")
            start, end, seq = query["startDateTime"], query["endDateTime"], -1
        lo = datetime.fromisoformat(start)
        hi = datetime.fromisoformat(end)
        values = []
        for _, (body, changed) in sorted(self.store.calendar().items()):
            if changed <= seq:
                continue
            s = datetime.fromisoformat(body["start"]["dateTime"][:19]).replace(tzinfo=UTC)
            e = datetime.fromisoformat(body["end"]["dateTime"][:19]).replace(tzinfo=UTC)
            if s < hi and e > lo:
                values.append(self._delta_item(body))
        if seq >= 0:
            for gone_seq, gone_id in self.store.events_gone:
                if gone_seq > seq and gone_id not in self.store.events:
                    values.append({"id": gone_id, "@removed": {"reason": "deleted"}})
        return self._paged("event", path, values, {"start": start, "end": end}, prefer)

    # -- recurring series: trimmed occurrences in delta, masters and instances by id --------------------

    _SERIES_FIELDS = ("iCalUId", "subject", "body", "bodyPreview", "attendees", "organizer", "location",
                      "locations", "isCancelled", "isAllDay", "onlineMeeting", "isOnlineMeeting", "responseStatus",
                      "lastModifiedDateTime", "isOrganizer")

    def _masters(self) -> dict[str, dict]:
        """seriesMasterId -> the series master: the series' own event (no RECURRENCE-ID) when the calendar
        holds it, else its earliest instance, as type seriesMaster."""
        events = [body for body, _seq in self.store.calendar().values()]
        masters: dict[str, dict] = {}
        for body in sorted(events, key=lambda b: (bool(b.get("seriesMasterId")), b["start"]["dateTime"])):
            master_id = body.get("seriesMasterId")
            if master_id and master_id not in masters:
                base = next((b for b in events if not b.get("seriesMasterId") and b.get("iCalUId") == body["iCalUId"]),
                            body)
                master = {k: v for k, v in base.items() if k != "originalStart"}
                master.update({"id": master_id, "type": "seriesMaster", "seriesMasterId": None})
                masters[master_id] = master
        return masters

    def _instance_type(self, body: dict, master: dict | None) -> str:
        """occurrence (as the series says) or exception (moved, or changed in anything the master holds)."""
        if master is None:
            return "exception"
        moved = _instant(body["start"]["dateTime"]) != _instant(str(body.get("originalStart") or ""))
        changed = any(body.get(k) != master.get(k) for k in self._SERIES_FIELDS)
        return "exception" if moved or changed else "occurrence"

    def _delta_item(self, body: dict) -> dict:
        """A calendarView/delta item: instances of a series trimmed as Outlook sends them (graph.py)."""
        master_id = body.get("seriesMasterId")
        if not master_id or not self.trim_occurrences:
            return dict(body)
        kind = self._instance_type(body, self._masters().get(master_id))
        return {"@odata.type": "#microsoft.graph.event", "@odata.etag": body.get("@odata.etag"), "id": body["id"],
                "seriesMasterId": master_id, "type": kind, "start": body["start"], "end": body["end"]}

    def _event(self, event_id: str, query: dict[str, str]) -> tuple[int, dict, Any]:
        """GET me/events/{id}: a series master, or one event or instance in full."""
        fields = {f.strip() for f in query.get("$select", "").split(",") if f.strip()}
        if fields - EVENT_FIELDS:
            self.violation(f"$select names unknown event properties {sorted(fields - EVENT_FIELDS)}")
            return _err(400, "RequestBroker--ParseUri", "Could not find a property named in $select.")
        masters = self._masters()
        found = masters.get(event_id)
        if found is None and event_id in self.store.calendar():
            found = dict(self.store.calendar()[event_id][0])
            if found.get("seriesMasterId"):
                found["type"] = self._instance_type(found, masters.get(found["seriesMasterId"]))
        if found is None:
            return _err(404, "ErrorItemNotFound", "The specified object was not found in the store.")
        return 200, {}, {k: v for k, v in found.items() if not fields or k in fields | {"id"}}

    def _calendar_view(self, query: dict[str, str]) -> tuple[int, dict, Any]:
        """GET /me/calendarView: startDateTime and endDateTime required; $top, $select (event properties),
        $orderby, $skip allowed; the events overlapping the window, in start order."""
        bad = set(query) - {"startDateTime", "endDateTime", "$top", "$select", "$orderby", "$skip"}
        if bad:
            self.violation(f"calendarView does not take {sorted(bad)}")
            return _err(400, "BadRequest", f"Unsupported query option {sorted(bad)}")
        if "startDateTime" not in query or "endDateTime" not in query:
            self.violation("calendarView without startDateTime and endDateTime")
            return _err(400, "ErrorInvalidParameter", "This request requires a time window specified by the query "
                                                      "string parameters StartDateTime and EndDateTime.")
        fields = {f.strip() for f in query.get("$select", "").split(",") if f.strip()}
        if fields - EVENT_FIELDS:
            self.violation(f"$select names unknown event properties {sorted(fields - EVENT_FIELDS)}")
            return _err(400, "RequestBroker--ParseUri", "Could not find a property named in $select.")
        try:
            lo, hi = datetime.fromisoformat(query["startDateTime"]), datetime.fromisoformat(query["endDateTime"])
            top, skip = int(query.get("$top", "10")), int(query.get("$skip", "0"))
        except ValueError:
            return _err(400, "ErrorInvalidParameter", "A query parameter is not valid.")
        found = []
        for _event_id, (body, _changed) in sorted(self.store.calendar().items()):
            s = datetime.fromisoformat(body["start"]["dateTime"][:19]).replace(tzinfo=UTC)
            e = datetime.fromisoformat(body["end"]["dateTime"][:19]).replace(tzinfo=UTC)
            if s < hi and e > lo:
                found.append((s, {k: v for k, v in body.items() if not fields or k in fields | {"id"}}))
        found.sort(key=lambda pair: pair[0])
        values = [item for _s, item in found[skip:skip + top]]
        return 200, {}, {"@odata.context": f"{self.base}/$metadata#users('fake-user')/calendarView", "value": values}

    def _folder(self, folder: str, query: dict[str, str]) -> tuple[int, dict, Any]:
        """GET /me/mailFolders('name'): the mailFolder resource, $select checked against its properties."""
        fields = {f.strip() for f in query.get("$select", "").split(",") if f.strip()} or set(FOLDER_FIELDS)
        if fields - FOLDER_FIELDS:
            self.violation(f"$select names unknown mailFolder properties {sorted(fields - FOLDER_FIELDS)}")
            return _err(400, "RequestBroker--ParseUri", "Could not find a property named in $select.")
        items = list(self.store.in_folder(folder))
        full = {"id": FOLDER_IDS[folder], "displayName": {"sentitems": "Sent Items"}.get(folder, folder.capitalize()),
                "parentFolderId": "AQMkAGFrootAAA=", "childFolderCount": 0,
                "unreadItemCount": sum(1 for i in items if "S" not in i.flags), "totalItemCount": len(items),
                "sizeInBytes": sum(i.path.stat().st_size for i in items if i.path.exists()), "isHidden": False}
        return 200, {}, {"@odata.context": f"{self.base}/$metadata#users('fake-user')/mailFolders/$entity",
                         **{k: v for k, v in full.items() if k in fields | {"id"}}}

    # -- lists -------------------------------------------------------------------------------------------

    def _list(self, folder: str, query: dict[str, str], prefer: str) -> tuple[int, dict, Any]:
        if not folder:
            return _err(404, "ErrorInvalidIdMalformed", "Id is malformed.")
        fields = self._select(query, DEFAULT_FIELDS)
        if fields is None:
            return _err(400, "RequestBroker--ParseUri", "Could not find a property in $select.")
        wanted = None
        if "$filter" in query:
            m = re.fullmatch(r"internetMessageId eq '((?:[^']|'')*)'", query["$filter"].strip())
            if not m:
                self.violation(f"list $filter {query['$filter']!r} is not one the fake knows")
                return _err(400, "ErrorInvalidUrlQueryFilter", "The query filter is not supported.")
            wanted = m[1].replace("''", "'")
        top = int(query.get("$top", "10"))
        values = [self.message_json(i, fields, prefer) for i in self.store.in_folder(folder)
                  if wanted is None or i.header("Message-ID") == wanted][:top]
        return 200, {}, {"@odata.context": f"{self.base}/$metadata#users('fake-user')/messages", "value": values}

    # -- drafts ------------------------------------------------------------------------------------------

    def _check_fields(self, fields: dict, where: str) -> tuple[int, dict, Any] | None:
        bad = set(fields) - WRITABLE
        if bad:
            self.violation(f"{where}: read-only or unknown properties {sorted(bad)} (Graph ignores or rejects them)")
            return _err(400, "ErrorInvalidProperty", f"The property '{min(bad)}' is read-only or unknown.")
        return None

    def _write_draft(self, msg: EmailMessage | bytes, unique: str | None = None) -> Item:
        raw = msg if isinstance(msg, bytes) else msg.as_bytes()
        drafts = self.store.folder_path("drafts")
        unique = unique or new_unique()
        tmp = drafts / "tmp" / unique
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        old = [p for sub in ("cur", "new") for p in (drafts / sub).glob(unique + "*")]
        target = old[0] if old else drafts / "cur" / f"{unique}:2,DS"
        os.replace(tmp, target)
        self.store.refresh()
        item = self.store.items.get(unique)
        assert item is not None, "the draft just written is not in the store"
        return item

    def _compose(self, fields: dict, *, reply_to: Item | None = None) -> EmailMessage:
        msg = EmailMessage()
        sender = _addresses([fields["from"]]) if isinstance(fields.get("from"), dict) else []
        msg["From"] = sender[0] if sender else self.store.me()
        to = _addresses(fields.get("toRecipients"))
        cc = _addresses(fields.get("ccRecipients"))
        if to:
            msg["To"] = ", ".join(to)
        if cc:
            msg["Cc"] = ", ".join(cc)
        msg["Subject"] = str(fields.get("subject", ""))
        msg["Date"] = email.utils.format_datetime(datetime.now(UTC))
        msg["Message-ID"] = fields.get("internetMessageId") or \
            f"<{secrets.token_hex(12).upper()}@GRAPHFAKE01.prod.outlook.com>"
        if reply_to is not None:
            parent = reply_to.header("Message-ID")
            if parent:
                msg["In-Reply-To"] = parent
                msg["References"] = " ".join(re.findall(r"<[^<>\s]+>", reply_to.header("References")) + [parent])
        body = fields.get("body") or {}
        content = str(body.get("content") or "")
        if str(body.get("contentType", "text")).lower() == "html":
            msg.set_content(content, subtype="html")
        else:
            msg.set_content(content)
        return msg

    def _create(self, body: bytes, content_type: str, reply_to: Item | None) -> tuple[int, dict, Any]:
        if content_type.startswith("text/plain"):
            try:
                raw = base64.b64decode(body, validate=True)
            except ValueError:
                return _err(400, "ErrorMimeContentInvalidBase64String", "Invalid base64 string for MIME content.")
            parsed = email.message_from_bytes(raw, policy=email.policy.default)
            if not parsed.keys():
                return _err(400, "ErrorMimeContentConversionFailed", "The MIME content is not a message.")
            if parsed.get("Message-ID") is None or self.replace_mime_message_id:
                raw = message_ids.replace_message_id(raw, message_ids.exchange_made())
            if reply_to is not None and parsed.get("In-Reply-To") is None and reply_to.header("Message-ID"):
                raw = f"In-Reply-To: {reply_to.header('Message-ID')}\r\n".encode() + raw
            item = self._write_draft(raw)
            return 201, {}, self.message_json(item, DEFAULT_FIELDS, "")
        try:
            fields = json.loads(body or b"{}")
        except ValueError:
            return _err(400, "BadRequest", "Unable to read JSON request payload.")
        problem = self._check_fields(fields, "POST /me/messages")
        if problem:
            return problem
        item = self._write_draft(self._compose(fields, reply_to=reply_to))
        return 201, {}, self.message_json(item, DEFAULT_FIELDS, "")

    def _create_reply(self, graph_id: str, body: bytes, content_type: str) -> tuple[int, dict, Any]:
        original = self.store.by_id(graph_id)
        if original is None:
            return _err(404, "ErrorItemNotFound", "The specified object was not found in the store.")
        if content_type.startswith("text/plain"):  # MIME: kept as written; threaded to the original
            return self._create(body, content_type, original)
        try:
            request = json.loads(body) if body else {}
        except ValueError:
            return _err(400, "BadRequest", "Unable to read JSON request payload.")
        given = request.get("message") or {}
        if "comment" in request and "body" in given:
            self.violation("createReply with both comment and message.body")
            return _err(400, "ErrorInvalidRequest", "comment and message.body cannot both be set.")
        problem = self._check_fields(given, "createReply message")
        if problem:
            return problem
        sender = original.header("Reply-To") or original.header("From")
        if original.folder == "sentitems":
            sender = original.header("To")
        subject = str(email.header.make_header(email.header.decode_header(original.header("Subject"))))
        quoted, _kind = self._body(original, False)
        fields: dict[str, Any] = {
            "toRecipients": _people([sender]),
            "subject": "RE: " + re.sub(r"^(re|aw|sv):\s*", "", subject, flags=re.IGNORECASE),
            "body": {"contentType": "text", "content": (str(request.get("comment", "")) + "\n\n"
                                                         + f"From: {original.header('From')}\n" + quoted)}}
        fields.update(given)
        item = self._write_draft(self._compose(fields, reply_to=original))
        return 201, {}, self.message_json(item, DEFAULT_FIELDS, "")

    def _draft(self, graph_id: str, verb: str, refusal: tuple[int, dict, Any]) -> Item | tuple[int, dict, Any]:
        """The draft in Drafts a PATCH or DELETE names, else the answer: 404 when there is no such item,
        `refusal` (and a violation, B19) when it is not a draft."""
        item = self.store.by_id(graph_id)
        if item is None:
            return _err(404, "ErrorItemNotFound", "The specified object was not found in the store.")
        if item.folder != "drafts" or "D" not in item.flags:
            self.violation(f"{verb} of {item.folder} message {item.header('Message-ID')}: not a draft (B19)")
            return refusal
        return item

    def _patch(self, graph_id: str, body: bytes) -> tuple[int, dict, Any]:
        item = self._draft(graph_id, "PATCH", _err(400, "ErrorInvalidRequest",
                                                   "Only drafts may be changed by this test server."))
        if not isinstance(item, Item):
            return item
        try:
            fields = json.loads(body or b"{}")
        except ValueError:
            return _err(400, "BadRequest", "Unable to read JSON request payload.")
        problem = self._check_fields(fields, "PATCH message")
        if problem:
            return problem
        current = self.message_json(item, DEFAULT_FIELDS, "")
        merged = {"subject": current.get("subject"), "toRecipients": current.get("toRecipients"),
                  "ccRecipients": current.get("ccRecipients"), "body": current.get("body"),
                  "internetMessageId": current.get("internetMessageId")}
        merged.update(fields)
        msg = self._compose(merged)
        for name in ("From", "Date", "In-Reply-To", "References"):
            if item.header(name):
                del msg[name]
                msg[name] = item.header(name)
        item = self._write_draft(msg, unique=item.unique)
        return 200, {}, self.message_json(item, DEFAULT_FIELDS, "")

    def _delete(self, graph_id: str) -> tuple[int, dict, Any]:
        """DELETE of a draft: its file leaves `.Drafts`. Anything else is refused and recorded (B19)."""
        item = self._draft(graph_id, "DELETE", _err(403, "ErrorAccessDenied",
                                                    "Only drafts may be deleted by this test server."))
        if not isinstance(item, Item):
            return item
        item.path.unlink(missing_ok=True)
        self.store.refresh()
        return 204, {}, b""

    # -- $batch ------------------------------------------------------------------------------------------

    def _batch(self, body: bytes, headers: dict[str, str]) -> tuple[int, dict, Any]:
        try:
            requests_ = json.loads(body)["requests"]
        except (ValueError, KeyError, TypeError):
            return _err(400, "BadRequest", "Invalid batch payload.")
        if len(requests_) > 20:
            self.violation(f"$batch of {len(requests_)} requests (at most 20)")
            return _err(400, "BadRequest", "Number of batch request steps exceeds the maximum value of 20.")
        refuse = getattr(self.local, "refuse", 0)
        self.local.refuse = 0
        served = len(requests_) - refuse
        responses = []
        for index, entry in enumerate(requests_):
            if index >= served:  # over the mailbox's 4 concurrent requests (graph.py, mailbox_concurrency)
                responses.append({"id": entry.get("id"), "status": 429,
                                  "headers": {"Retry-After": "1", "Content-Type": "application/json"},
                                  "body": {"error": {"code": "ApplicationThrottled",
                                                     "message": "Application is over its MailboxConcurrency limit."}}})
                continue
            url = urlsplit("/" + str(entry.get("url", "")).lstrip("/"))
            query = {k: v[0] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
            inner = {str(k).lower(): str(v) for k, v in (entry.get("headers") or {}).items()}
            hit = self.fault_hook(url.path) if self.fault_hook else None
            if hit is not None:
                responses.append({"id": entry.get("id"), "status": hit[0], "headers": hit[1], "body": hit[2]})
                continue
            payload = entry.get("body")
            raw = json.dumps(payload).encode() if isinstance(payload, (dict, list)) else (payload or "").encode()
            status, hdrs, answer = self.handle(str(entry.get("method", "GET")).upper(), url.path, query,
                                               inner, raw)
            if isinstance(answer, bytes):
                answer = base64.b64encode(answer).decode()
                hdrs = {"Content-Type": hdrs.get("Content-Type", "application/octet-stream")}
            else:
                hdrs = {"Content-Type": "application/json", **hdrs}
            responses.append({"id": entry.get("id"), "status": status, "headers": hdrs, "body": answer})
        responses.reverse()  # Graph answers in any order
        return 200, {}, {"responses": responses}

