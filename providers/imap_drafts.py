"""Drafts in an IMAP folder: finding one by Message-ID, telling whether each draft the agent wrote is
still there untouched ("present"), changed by the user ("edited") or gone ("missing"), and deleting the
agent's own draft (B25).

A draft ref is `"<folder>|<uidvalidity>|<uid>|<sha256>"`, the sha256 of the draft's bytes with line ends
normalised (imap_messages.sha), which tells an untouched draft from one the user edited. Folders are
opened read-only (EXAMINE) and read with BODY.PEEK; `delete_draft` alone opens Drafts read-write, to flag
\\Deleted and UID EXPUNGE the agent's own drafts and nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence

from imapclient import DELETED, DRAFT, IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from agent.core.model import DraftRecord
from providers.base import DraftInspection, inspection_of
from providers.imap_messages import sha
from providers.message_ids import header_message_id, is_message_id, norm_mid


def parse_ref(ref: str) -> tuple[str, int, int, str] | None:
    """(folder, uidvalidity, uid, sha256) of a draft ref, None when it is not one."""
    parts = (ref or "").rsplit("|", 3)
    if len(parts) != 4:
        return None
    try:
        return parts[0], int(parts[1]), int(parts[2]), parts[3]
    except ValueError:
        return None


def lookup(client: IMAPClient, folder: str, message_id: str) -> str | None:
    """The ref of the newest message in `folder` with exactly this Message-ID, or None."""
    refs = lookup_all(client, folder, message_id)
    return refs[-1] if refs else None


def lookup_all(client: IMAPClient, folder: str, message_id: str) -> list[str]:
    """The refs of every message in `folder` with exactly this Message-ID (SEARCH HEADER, then the header
    checked), oldest first: by UID, which the server gives in the order messages arrive."""
    wanted = norm_mid(message_id)
    selected = client.select_folder(folder, readonly=True)
    uidvalidity = int(selected[b"UIDVALIDITY"])
    uids = client.search(["NOT", "DELETED", "HEADER", "Message-ID", wanted])
    if not uids:
        return []
    # SEARCH HEADER matches substrings: check the exact Message-ID.
    fetched = client.fetch(sorted(uids), ["BODY.PEEK[]"])
    refs = []
    for uid in sorted(fetched):
        body = bytes(fetched[uid].get(b"BODY[]") or b"")
        if header_message_id(body) == wanted:
            refs.append(f"{folder}|{uidvalidity}|{uid}|{sha(body)}")
    return refs


def inspect(client: IMAPClient, folder: str | None, ref: str) -> DraftInspection | None:
    """The message a ref names, as stored (headers, \\Draft), read with BODY.PEEK from an EXAMINEd folder;
    None when the folder, UIDVALIDITY or UID no longer match (gone)."""
    parsed = parse_ref(ref)
    if parsed is None or folder is None or parsed[0] != folder:
        return None
    selected = client.select_folder(folder, readonly=True)
    if int(selected[b"UIDVALIDITY"]) != parsed[1]:
        return None
    data = client.fetch([parsed[2]], ["FLAGS", "BODY.PEEK[HEADER]"]).get(parsed[2])
    if not data:
        return None
    flags = {bytes(f).lower() for f in data.get(b"FLAGS", ())}
    if DELETED.lower() in flags:
        return None
    head = next((bytes(v) for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"")
    return inspection_of(head, in_drafts=True, draft_flag=DRAFT.lower() in flags)


def _is_gmail(client: IMAPClient) -> bool:
    try:
        return bool(client.has_capability("X-GM-EXT-1"))
    except Exception:  # a client without the capability list at hand: decide by the folder alone
        return False


def draft_status(client: IMAPClient, drafts: Sequence[DraftRecord], current: str | None) -> dict[str, str]:
    """Per `record.key`: "present", "edited" or "missing" (see ImapProvider.draft_status); `current` is
    the Drafts folder now, looked in when a ref names a folder that is gone."""
    refs = {r.key: parse_ref(r.provider_ref) for r in drafts}
    folders = {ref[0] for ref in refs.values() if ref}
    if current:
        folders.add(current)
    # For each folder: uidvalidity, and uid -> (message-id, flags); bodies fetched on demand.
    seen: dict[str, tuple[int, dict[int, tuple[str, tuple[bytes, ...]]]]] = {}
    for name in sorted(folders):
        try:
            selected = client.select_folder(name, readonly=True)
        except IMAPClientAbortError:
            raise
        except IMAPClientError:
            continue  # the folder is gone: its drafts are missing
        uids = client.search(["NOT", "DELETED"])
        listing: dict[int, tuple[str, tuple[bytes, ...]]] = {}
        if uids:
            for uid, data in client.fetch(uids, ["FLAGS", "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]).items():
                head = next((bytes(v) for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"")
                listing[uid] = (header_message_id(head), tuple(data.get(b"FLAGS", ())))
        seen[name] = (int(selected[b"UIDVALIDITY"]), listing)

    # Gmail shows no \Draft on the messages of [Gmail]/Drafts (jakartaee/mail-api#345, djcb/mu#1939,
    # MailCore/mailcore2#786): there, and in any Drafts folder where no message carries \Draft, the flag
    # says nothing and the agent's draft is recognised by Message-ID and content fingerprint alone. Where
    # other drafts carry it, a draft of the agent's without it is one the user cleared (edited).
    gmail = _is_gmail(client)
    keeps_flag = {folder: not gmail and any(b"\\draft" in {f.lower() for f in flags} for _m, flags in listing.values())
                  for folder, (_v, listing) in seen.items()}
    result: dict[str, str] = {}
    need_body: dict[str, set[int]] = {}
    plans: dict[str, tuple[str, list[int], str]] = {}  # key -> (folder, candidate uids, digest)
    for record in drafts:
        ref = refs[record.key]
        mid = norm_mid(record.message_id) if record.message_id else ""
        # A ref into a folder that is gone (renamed, or another Drafts configured): look in the current one.
        folder = ref[0] if ref and ref[0] in seen else current
        if folder not in seen:
            result[record.key] = "missing"
            continue
        uidvalidity, listing = seen[folder]
        same_uids = ref is not None and ref[0] == folder and ref[1] == uidvalidity
        if ref is not None and same_uids and ref[2] in listing:
            uid = ref[2]
            its_mid, flags = listing[uid]
            flagged = b"\\draft" in {f.lower() for f in flags}
            if (not mid or its_mid == mid) and (flagged or (its_mid == mid and not keeps_flag[folder])):
                # Flagged \Draft, or on a server that does not keep \Draft (Gmail): the same Message-ID at
                # the same UID, and the content fingerprint below tells untouched from edited.
                plans[record.key] = (folder, [uid], ref[3])
                need_body.setdefault(folder, set()).add(uid)
                continue
            if its_mid == mid:
                result[record.key] = "edited"  # the user cleared \Draft: no longer ours to touch
                continue
        others = [uid for uid, (m, _f) in listing.items() if mid and m == mid]
        if not others:
            result[record.key] = "missing"
        elif same_uids:
            result[record.key] = "edited"  # saved again under a new UID
        else:
            # No ref, or the folder was renumbered or renamed: the same content means the same draft.
            plans[record.key] = (folder, others, ref[3] if ref else "")
            need_body.setdefault(folder, set()).update(others)

    bodies: dict[tuple[str, int], str] = {}
    for folder, uids in need_body.items():
        client.select_folder(folder, readonly=True)
        for uid, data in client.fetch(sorted(uids), ["BODY.PEEK[]"]).items():
            bodies[(folder, uid)] = sha(bytes(data.get(b"BODY[]") or b""))
    for key, (folder, uids, digest) in plans.items():
        shas = [bodies.get((folder, uid)) for uid in uids]
        if not digest:
            result[key] = "present" if any(shas) else "missing"
        else:
            result[key] = "present" if digest in shas else "edited"
    return result


def delete_draft(client: IMAPClient, folder: str, ref_or_message_id: str) -> bool:
    """Delete the agent's own draft from `folder`, the Drafts folder: named by its ref, that UID (when the
    folder and UIDVALIDITY still match); named by its Message-ID ("<...>"), each message carrying exactly
    it. Only messages flagged \\Draft are taken; on Gmail, or a server where no message in Drafts shows the
    flag, any message in Drafts with the wanted Message-ID or the UID the agent's own write returned. They
    are flagged \\Deleted and removed with UID EXPUNGE of their UIDs alone; a server without UIDPLUS has no
    such command, and a plain EXPUNGE would also remove what the user flagged \\Deleted there, so the drafts
    stay flagged \\Deleted (hidden by mail clients, removed by the user's next expunge, and "missing" to
    draft_status). True when a draft was deleted, False when there was none (already gone: deleting twice is
    harmless)."""
    wanted = norm_mid(ref_or_message_id) if is_message_id(ref_or_message_id) else ""
    ref = None if wanted else parse_ref(ref_or_message_id)
    if not wanted and (ref is None or ref[0] != folder):
        return False
    selected = client.select_folder(folder)  # SELECT: the one read-write open, of Drafts alone
    try:
        if ref is not None:
            uids = [ref[2]] if int(selected[b"UIDVALIDITY"]) == ref[1] else []
        else:
            uids = client.search(["NOT", "DELETED", "HEADER", "Message-ID", wanted])
        if not uids:
            return False
        # Gmail (and any server that drops the flag: no message in Drafts has it) shows no \Draft on drafts:
        # there the Message-ID the agent derived, or the UID its own write returned, is what makes a message the
        # agent's draft (B19).
        flagless = _is_gmail(client) or not client.search(["DRAFT"])
        mine = []
        for uid, data in client.fetch(sorted(uids), ["FLAGS", "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]).items():
            flags = {bytes(f).lower() for f in data.get(b"FLAGS", ())}
            head = next((bytes(v) for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"")
            if (DRAFT.lower() in flags or flagless) and DELETED.lower() not in flags and \
                    (not wanted or header_message_id(head) == wanted):
                mine.append(uid)
        if not mine:
            return False
        client.add_flags(mine, [DELETED], silent=True)
        if client.has_capability("UIDPLUS"):
            client.uid_expunge(mine)
        return True
    finally:
        client.select_folder(folder, readonly=True)  # leave by EXAMINE: unlike CLOSE, it expunges nothing
