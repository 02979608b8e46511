"""Drafts in a Maildir++ Drafts folder (`.Drafts` unless configured): writing one, finding one by
Message-ID, telling whether each draft the agent wrote is still there untouched ("present"), changed by
the user ("edited") or gone ("missing"), and deleting the agent's own draft (B25).

A draft ref is `"<unique>|<sha256 hex of the bytes written>"`; the hash tells an untouched draft from one
the user edited in place. A file flagged T (trashed) counts as gone.

B19: every function here works inside the Drafts folder alone. The only files removed are the agent's own:
its half-written temporary file (maildir_files.write_new) and a draft `delete_draft` is asked for, which must be
flagged D and, when named by its Message-ID, carry exactly that Message-ID.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from agent.core.model import DraftRecord
from providers.base import DraftInspection, ProviderError, inspection_of
from providers.maildir_files import first_bytes, flags, fsync_dir, new_unique, unique_name, write_new
from providers.message_ids import header_message_id, is_message_id, norm_mid

DRAFT_FLAGS = "DS"  # Draft + Seen, in the ASCII order the Maildir spec asks for


def ensure(drafts: Path) -> None:
    """Create the Drafts folder (cur/new/tmp and the Maildir++ `maildirfolder` marker) when missing."""
    try:
        for sub in ("cur", "new", "tmp"):
            (drafts / sub).mkdir(mode=0o700, parents=True, exist_ok=True)
        marker = drafts / "maildirfolder"
        if not marker.exists():
            marker.touch(mode=0o600)
    except OSError as exc:
        raise ProviderError(f"cannot create the Drafts folder {drafts}: {exc}") from exc


def create(drafts: Path, raw: bytes) -> str:
    """Write `raw` into Drafts/cur flagged DS (tmp/ then rename, fsynced, 0600); returns the ref."""
    ensure(drafts)
    unique = new_unique()
    try:
        write_new(raw, drafts / "tmp" / unique, drafts / "cur" / f"{unique}:2,{DRAFT_FLAGS}")
    except OSError as exc:
        raise ProviderError(f"cannot write the draft into {drafts}: {exc}") from exc
    return _ref(unique, raw)


def find(drafts: Path, message_id: str) -> str | None:
    """The ref of the draft carrying `message_id` (headers only are read), or None."""
    wanted = norm_mid(message_id)
    for unique, path in draft_files(drafts).items():
        if _message_id_of(path) == wanted:
            data = _read_or_none(path)
            if data is not None:
                return _ref(unique, data)
    return None


def find_all(drafts: Path, message_id: str) -> list[str]:
    """The refs of every draft carrying `message_id`, oldest first: by ctime, which the rename into cur/
    sets (the moment the draft became visible, unlike the time in its unique name, taken before the write),
    then by unique name."""
    wanted = norm_mid(message_id)
    found: list[tuple[int, str, str]] = []
    for unique, path in draft_files(drafts).items():
        if _message_id_of(path) != wanted:
            continue
        try:
            changed = path.stat().st_ctime_ns
        except FileNotFoundError:
            continue  # removed meanwhile
        data = _read_or_none(path)
        if data is not None:
            found.append((changed, unique, _ref(unique, data)))
    return [ref for _changed, _unique, ref in sorted(found)]


def status(drafts: Path, records: Sequence[DraftRecord]) -> dict[str, str]:
    """"present" (same bytes as written), "edited" (changed in place, or another draft file with the
    same Message-ID) or "missing", per `record.key`."""
    files = draft_files(drafts)
    by_mid: dict[str, list[Path]] | None = None
    result: dict[str, str] = {}
    for record in records:
        unique, digest = _split_ref(record.provider_ref)
        path = files.get(unique) if unique else None
        if path is not None:
            data = _read_or_none(path)
            if data is not None:
                same = not digest or hashlib.sha256(data).hexdigest() == digest
                result[record.key] = "present" if same else "edited"
                continue
        if by_mid is None:  # read headers only when some draft is not where it was written
            by_mid = {}
            for other in files.values():
                by_mid.setdefault(_message_id_of(other), []).append(other)
        state = "missing"
        for other in by_mid.get(norm_mid(record.message_id), []) if record.message_id else []:
            data = _read_or_none(other)
            if data is None:
                continue
            if not digest or hashlib.sha256(data).hexdigest() == digest:
                state = "present"  # the same bytes under another name (re-saved unchanged)
                break
            state = "edited"
        result[record.key] = state
    return result


def delete_draft(drafts: Path, ref_or_message_id: str) -> bool:
    """Remove the agent's own draft: named by its ref, the file with that unique name; named by its
    Message-ID ("<...>"), every draft file carrying exactly it. Only files in Drafts flagged D are removed.
    True when a file was removed, False when there was none (already gone: deleting twice is harmless)."""
    files = draft_files(drafts)
    if is_message_id(ref_or_message_id):
        wanted = norm_mid(ref_or_message_id)
        targets = [p for p in files.values() if "D" in flags(p.name) and _message_id_of(p) == wanted]
    else:
        path = files.get(_split_ref(ref_or_message_id)[0])
        targets = [path] if path is not None and "D" in flags(path.name) else []
    removed = False
    for path in targets:
        try:
            os.unlink(path)
        except FileNotFoundError:
            continue  # removed meanwhile (the user, or another run): nothing left to do
        except OSError as exc:
            raise ProviderError(f"cannot delete the draft {path}: {exc}") from exc
        fsync_dir(path.parent)
        removed = True
    return removed


def inspect(drafts: Path, ref: str) -> DraftInspection | None:
    """The draft file named by `ref` as stored (its headers, the D flag), or None when it is gone."""
    unique = _split_ref(ref)[0]
    path = draft_files(drafts).get(unique) if unique else None
    data = _read_or_none(path) if path is not None else None
    if path is None or data is None:
        return None
    return inspection_of(data, in_drafts=True, draft_flag="D" in flags(path.name))


def draft_files(drafts: Path) -> dict[str, Path]:
    """unique name -> path of every live draft (files flagged T, trashed, count as gone)."""
    found: dict[str, Path] = {}
    for sub in ("new", "cur"):
        try:
            with os.scandir(drafts / sub) as entries:
                for entry in entries:
                    if entry.name.startswith(".") or "T" in flags(entry.name):
                        continue
                    if entry.is_file():
                        found[unique_name(entry.name)] = Path(entry.path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise ProviderError(f"cannot list the Drafts folder {drafts / sub}: {exc}") from exc
    return found


def _ref(unique: str, data: bytes) -> str:
    return f"{unique}|{hashlib.sha256(data).hexdigest()}"


def _split_ref(ref: str) -> tuple[str, str]:
    unique, _, digest = ref.partition("|")
    return unique, digest


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ProviderError(f"cannot read the draft {path}: {exc}") from exc


def _message_id_of(path: Path) -> str:
    """The Message-ID of a mail file, reading only its header block."""
    try:
        head = first_bytes(path)
    except FileNotFoundError:
        return ""
    except OSError as exc:
        raise ProviderError(f"cannot read the draft {path}: {exc}") from exc
    return header_message_id(head)
