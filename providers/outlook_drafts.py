"""Drafts in an Outlook mailbox through Microsoft Graph: writing one from the composed MIME, finding one by
Message-ID, telling whether each draft the agent wrote is "present", "edited" or "missing", and deleting
the agent's own draft (B25).

Glossary
- draft ref: `"v1|<graph id>|<internetMessageId>|<sha256 of subject, body, To, Cc as Graph returned them>"`.
  The hash (`content_hash`) tells an untouched draft from one the user edited.
- in Drafts: the item's parentFolderId is the Drafts folder's id and isDraft is true. A draft the user sent
  keeps its immutable id but moves to Sent Items with isDraft false.

Writing: the composed MIME, base64 as text/plain, in one call, which keeps every header as written (the
agent's Message-ID among them; a JSON draft would get an internetMessageId of Exchange's making). A reply
goes to `createReply` on the message being answered, so that Exchange files it in that conversation (Graph
ignores a conversationId set by hand); new mail to POST /me/messages. The original is never touched.
B19: the one DELETE (GraphClient.delete_message) is sent only for an item just read back in Drafts with
isDraft; the client refuses DELETE everywhere else.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence

from agent.core.model import DraftRecord, Message
from providers.base import DraftInspection, ProviderError, inspection_of
from providers.message_ids import is_message_id, norm_mid
from providers.outlook_http import GraphClient, quote_id

DRAFT_SELECT = "id,isDraft,parentFolderId,internetMessageId,subject,body,toRecipients,ccRecipients,createdDateTime"


def create(graph: GraphClient, raw: bytes, reply_to: Message | None) -> str:
    """Store `raw` as a draft (a reply through createReply on `reply_to`); returns the ref."""
    mime_body = base64.b64encode(raw)
    if reply_to is not None and reply_to.key:
        status, made = graph.json("POST", f"me/messages/{quote_id(reply_to.key)}/createReply",
                                  data=mime_body, headers={"Content-Type": "text/plain"})
        if status < 300 and made.get("id"):
            return _ref(made)
        # 404: the message answered is gone; new mail still threads by its own headers.
    status, made = graph.json("POST", "me/messages", data=mime_body, headers={"Content-Type": "text/plain"})
    if status >= 300 or not made.get("id"):
        raise ProviderError(f"Microsoft Graph did not create the draft ({status})")
    return _ref(made)


def find(graph: GraphClient, message_id: str) -> str | None:
    """The ref of the draft in Drafts whose internetMessageId is `message_id`, or None."""
    found = drafts_with(graph, message_id)
    return _ref(found[0]) if found else None


def find_all(graph: GraphClient, message_id: str) -> list[str]:
    """The refs of every draft in Drafts whose internetMessageId is `message_id`, oldest first
    (createdDateTime, then Graph id: the same order for every installation that asks)."""
    found = drafts_with(graph, message_id)
    return [_ref(m) for m in sorted(found, key=lambda m: (str(m.get("createdDateTime") or ""), str(m.get("id"))))]


def drafts_with(graph: GraphClient, message_id: str) -> list[dict]:
    """The drafts in the Drafts folder whose internetMessageId is `message_id`."""
    status, page = graph.json("GET", "me/mailFolders('drafts')/messages", params={
        "$filter": f"internetMessageId eq {_odata(norm_mid(message_id))}", "$select": DRAFT_SELECT,
        "$top": "10"})
    return [m for m in (page.get("value") or ()) if m.get("isDraft", True)] if status == 200 else []


def status(graph: GraphClient, drafts: Sequence[DraftRecord]) -> dict[str, str]:
    """"present", "edited" or "missing" per record: by the draft's Graph id (in Drafts, same content
    hash?), else by its Message-ID among the drafts (a client may save an edit as a new item)."""
    if not drafts:
        return {}
    items = [{"id": "drafts", "url": "me/mailFolders('drafts')?$select=id"}]
    for i, record in enumerate(drafts):
        graph_id, _mid, _digest = _split_ref(record.provider_ref)
        if graph_id:
            items.append({"id": str(i), "url": f"me/messages/{quote_id(graph_id)}?$select={DRAFT_SELECT}"})
    answers = graph.batch(items)
    code, folder = answers.get("drafts", (0, None))
    if code != 200 or not isinstance(folder, dict) or not folder.get("id"):
        raise ProviderError(f"Microsoft Graph did not tell where the Drafts folder is ({code})")
    result: dict[str, str] = {}
    for i, record in enumerate(drafts):
        _gid, kept_mid, digest = _split_ref(record.provider_ref)
        code, item = answers.get(str(i), (404, None))
        if code == 200 and isinstance(item, dict):
            if not item.get("isDraft", True) or item.get("parentFolderId") != folder["id"]:
                result[record.key] = "missing"  # sent (now in Sent Items) or moved to Deleted Items
                continue
            result[record.key] = "present" if content_hash(item) == digest else "edited"
            continue
        if code not in (200, 404):
            raise ProviderError(f"Microsoft Graph could not read a draft ({code})")
        state = "missing"
        for mid in dict.fromkeys(m for m in (record.message_id, kept_mid) if m):
            for other in drafts_with(graph, mid):
                state = "present" if content_hash(other) == digest else "edited"
                if state == "present":
                    break
            if state != "missing":
                break
        result[record.key] = state
    return result


def delete_draft(graph: GraphClient, ref_or_message_id: str) -> bool:
    """Delete the agent's own draft: the Graph id of a ref, or each draft with that internetMessageId.
    Each is read back first and deleted only when it is still in Drafts with isDraft (a sent or moved item
    is left alone). True when a draft was deleted, False when there was none."""
    if is_message_id(ref_or_message_id):
        candidates = [str(m["id"]) for m in drafts_with(graph, ref_or_message_id) if m.get("id")]
    else:
        candidates = [g for g in (_split_ref(ref_or_message_id)[0],) if g]
    if not candidates:
        return False
    code, folder = graph.json("GET", "me/mailFolders('drafts')", params={"$select": "id"})
    if code != 200 or not folder.get("id"):
        raise ProviderError(f"Microsoft Graph did not tell where the Drafts folder is ({code})")
    deleted = False
    for graph_id in candidates:
        code, item = graph.json("GET", f"me/messages/{quote_id(graph_id)}",
                                params={"$select": "id,isDraft,parentFolderId"})
        if code != 200 or item.get("isDraft") is not True or item.get("parentFolderId") != folder["id"]:
            continue  # gone, sent or moved out of Drafts: not the agent's draft to delete
        deleted = graph.delete_message(graph_id) or deleted
    return deleted


def inspect(graph: GraphClient, ref: str) -> DraftInspection | None:
    """The item a ref names: its headers from its MIME (`$value`, as Exchange renders it), isDraft and
    whether it is in Drafts; None when it is gone (404)."""
    graph_id = _split_ref(ref)[0]
    if not graph_id:
        return None
    answers = graph.batch([{"id": "drafts", "url": "me/mailFolders('drafts')?$select=id"},
                           {"id": "item", "url": f"me/messages/{quote_id(graph_id)}?$select=id,isDraft,parentFolderId"},
                           {"id": "mime", "url": f"me/messages/{quote_id(graph_id)}/$value"}])
    code, item = answers.get("item", (404, None))
    mime_code, mime = answers.get("mime", (404, None))
    if code == 404 or mime_code == 404:
        return None
    _code, folder = answers.get("drafts", (0, None))
    if code != 200 or mime_code != 200 or not isinstance(item, dict) or not isinstance(folder, dict):
        raise ProviderError(f"Microsoft Graph could not read the draft back ({code}, {mime_code})")
    raw = mime if isinstance(mime, bytes) else str(mime or "").encode()
    return inspection_of(raw, in_drafts=item.get("parentFolderId") == folder.get("id"),
                         draft_flag=item.get("isDraft") is True)


def content_hash(item: dict) -> str:
    """What the user can edit in a draft, as Graph reports it: subject, body text, To and Cc."""
    body = item.get("body") or {}
    text = str(body.get("content") or "").replace("\r\n", "\n").rstrip()
    people = [sorted(str((r.get("emailAddress") or {}).get("address", "")).lower()
                     for r in item.get(key) or ()) for key in ("toRecipients", "ccRecipients")]
    digest = hashlib.sha256()
    for part in (str(item.get("subject") or ""), text, ",".join(people[0]), ",".join(people[1])):
        digest.update(part.encode("utf-8", "replace") + b"\x00")
    return digest.hexdigest()


def _odata(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _ref(item: dict) -> str:
    return f"v1|{item.get('id', '')}|{item.get('internetMessageId', '')}|{content_hash(item)}"


def _split_ref(ref: str) -> tuple[str, str, str]:
    parts = ref.split("|")
    if len(parts) == 4 and parts[0] == "v1":
        return parts[1], parts[2], parts[3]
    return "", "", ""
