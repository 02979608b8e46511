"""Maildir++ provider: reads the inbox (the root) and Sent, writes drafts into `.Drafts`.

Glossary
- root: the Maildir++ root (`account.path`): the inbox lives at the root (`cur/`, `new/`, `tmp/`),
  other folders are dot-directories beside it (`.Sent`, `.Drafts`).
- unique name: a Maildir file name up to its info part (`:2,<flags>`; maildir_files.py). Flags change when
  a mail client reads or answers a message, the unique name never does, so it is the message `key`.
- cursor: `{"v": 2, "dirs": {"<dir>": {"mtime_ns": int, "keys": "z:<base64 of zlib of unique\nunique...>"}}}`
  with `<dir>` relative to the root ("cur", "new", ".Sent/cur", ...). A directory whose mtime is unchanged
  has gained and lost no file, so it is not listed again (the trick notmuch uses to stay fast on large
  trees), and its names are not even unpacked: one compressed string per directory (about 6 bytes a
  message) keeps a run with nothing new flat in the mailbox's size. Version 1 (a list of names) is read.
- draft ref: `"<unique>|<sha256 hex of the bytes written>"`; the hash tells an untouched draft from one
  the user edited in place. Drafts are written, looked up and deleted by maildir_drafts.py.

Account keys: `path` (required; `~` expanded, relative to the config's folder), `sent_folder` and
`drafts_folder` (optional folder names, e.g. ".Sent Items"), and `_tz`, an IANA zone name or ZoneInfo
the runner injects from `user.timezone` (used for Date headers without a zone; default UTC).

B19: inbox and Sent are only read. Files are written, renamed and removed in the Drafts folder alone, and
only the agent's own (see maildir_drafts.py).
"""

from __future__ import annotations

import base64
import os
import stat
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from agent.core.errors import ConfigError, MalformedInput
from agent.core.model import DraftRecord, Message
from providers import base, maildir_drafts
from providers.base import CheckLine, Progress, ProviderError, SyncBatch, UnreachableError, account_zone
from providers.maildir_files import header_block, unique_name

CURSOR_VERSION = 2
SENT_CANDIDATES = (".Sent", ".Sent Items", ".Sent Messages")
DRAFTS_DEFAULT = ".Drafts"
# A directory modified this recently may change again within the same timestamp tick, so its mtime
# is not trusted as "nothing changed" (notmuch does the same with the current second).
RECENT_NS = 2_000_000_000


def open_provider(account: dict[str, Any], *, config_dir: str, state_dir: str) -> MaildirProvider:
    """Open the Maildir++ tree named by `account["path"]`; ConfigError naming the key when it is unusable."""
    where = account.get("_where", "account")
    raw_path = account.get("path")
    if not isinstance(raw_path, str) or not raw_path.strip():
        raise ConfigError(f"{where}.path is missing; set it to your Maildir++ root (the folder that holds "
                          f"cur/, new/ and .Sent), e.g. path = \"~/Mail\"")
    root = Path(raw_path).expanduser()
    if not root.is_absolute():
        root = Path(config_dir) / root
    try:
        return _open(account, root, raw_path, where)
    except PermissionError as exc:
        raise no_access(Path(exc.filename or root), root) from exc


def no_access(path: Path, root: Path) -> UnreachableError:
    """The one sentence for a Maildir the user may not read or write (exit 3): the path and the fix."""
    return UnreachableError(f"cannot read the Maildir at {path}: permission denied; give your user access to "
                            f"it, e.g. run: chmod -R u+rwX {root}")


def _open(account: dict[str, Any], root: Path, raw_path: str, where: str) -> MaildirProvider:
    if not (root / "cur").is_dir() or not (root / "new").is_dir():
        hint = ""
        for sub in ("Maildir", "Mail", "INBOX"):
            if (root / sub / "cur").is_dir():
                hint = f" ({root / sub} looks like one: did you mean path = \"{root / sub}\"?)"
                break
        raise ConfigError(f"{where}.path = {raw_path!r} is not a Maildir: {root} has no cur/ and new/ "
                          f"folders; point it at your Maildir++ root{hint}")
    tz = account_zone(account)
    sent_name = _folder_option(account, "sent_folder", where)
    drafts_name = _folder_option(account, "drafts_folder", where)
    if sent_name is not None and _resolve_folder(root, sent_name) is None:
        raise ConfigError(f"{where}.sent_folder = {sent_name!r}: no such Maildir folder in {root}; "
                          f"use the folder's name as it appears there (e.g. \".Sent\"), or remove the key")
    provider = MaildirProvider(root=root, tz=tz, sent_folder=sent_name, drafts_folder=drafts_name,
                               reconnect=("maildir", raw_path))
    provider.ensure_drafts()
    return provider


def _folder_option(account: dict[str, Any], key: str, where: str) -> str | None:
    value = account.get(key)
    if value in (None, ""):
        return None
    if not isinstance(value, str) or "/" in value.strip(".") or value.strip() in (".", ".."):
        raise ConfigError(f"{where}.{key} must be a folder name inside the Maildir root, e.g. \".Sent\"")
    return value


def _resolve_folder(root: Path, name: str) -> Path | None:
    """The folder `name` under `root`, accepting both "Sent" and the Maildir++ spelling ".Sent"."""
    for candidate in (name, "." + name.lstrip(".")):
        path = root / candidate
        if (path / "cur").is_dir() or (path / "new").is_dir():
            return path
    return None


def _pack(keys: list[str]) -> str:
    return "z:" + base64.b64encode(zlib.compress("\n".join(keys).encode("utf-8"), 6)).decode("ascii")


def _keys(value: Any) -> list[str]:
    """A directory's names as a cursor keeps them: a packed string (version 2) or a list (version 1)."""
    if isinstance(value, str):
        if value.startswith("z:"):
            try:
                value = zlib.decompress(base64.b64decode(value[2:])).decode("utf-8")
            except (ValueError, zlib.error):
                return []  # a damaged cursor: the folder is read as if new (known mail is stored once)
        return value.split("\n") if value else []
    return list(value or ())


def _on_or_after(when: datetime, since: datetime) -> bool:
    try:
        return when >= since
    except TypeError:  # a naive date slipped through: keep the mail rather than lose it silently
        return True


@dataclass
class _Counted:
    """The files a sync opens, for the caller's progress(done, total): reported every 200 and at the end."""

    progress: Progress | None
    done: int = 0
    total: int = 0

    def step(self) -> None:
        self.done += 1
        if self.progress is not None and (self.done % 200 == 0 or self.done == self.total):
            self.progress(self.done, self.total)


@dataclass
class _Listed:
    key: str
    path: Path
    mtime: float


class MaildirProvider:
    """A Maildir++ tree as the agent's mailbox (see the module docstring)."""

    name = "maildir"

    def __init__(self, root: Path, tz: ZoneInfo, sent_folder: str | None = None,
                 drafts_folder: str | None = None, reconnect: tuple[str, ...] = ()):
        self.root = root
        self.tz = tz
        self._sent_name = sent_folder
        self._drafts_name = drafts_folder
        self.reconnect = reconnect

    # -- folders -------------------------------------------------------------------------------------

    def sent_dir(self) -> Path | None:
        """The Sent folder in use: the configured one, else .Sent, .Sent Items, .Sent Messages."""
        if self._sent_name is not None:
            return _resolve_folder(self.root, self._sent_name)
        for name in SENT_CANDIDATES:
            if (self.root / name / "cur").is_dir() or (self.root / name / "new").is_dir():
                return self.root / name
        return None

    def drafts_dir(self) -> Path:
        """The Drafts folder: the configured one when it exists, else its Maildir++ spelling."""
        name = self._drafts_name or DRAFTS_DEFAULT
        return _resolve_folder(self.root, name) or self.root / ("." + name.lstrip("."))

    def ensure_drafts(self) -> None:
        """Create the Drafts folder (cur/new/tmp and the Maildir++ `maildirfolder` marker) when missing."""
        maildir_drafts.ensure(self.drafts_dir())

    # -- reading -------------------------------------------------------------------------------------

    def sync(self, cursor: dict[str, Any] | None, since: datetime, progress: Progress | None = None) -> SyncBatch:
        """New inbox and Sent mail since `cursor` (first run, or a folder never listed: only mail
        whose file mtime and Date are on/after `since`). Malformed mail goes to `skipped`. Calls
        `progress(done, total)` every 200 files opened and after the last."""
        old_dirs: dict[str, Any] = {}
        if cursor and cursor.get("v") in (1, CURSOR_VERSION) and isinstance(cursor.get("dirs"), dict):
            old_dirs = cursor["dirs"]
        batch = SyncBatch(stats={"dirs_listed": 0, "files_listed": 0, "files_read": 0, "headers_read": 0,
                                 "bytes_read": 0})
        counted = _Counted(progress)
        new_dirs: dict[str, Any] = {}
        folders: list[tuple[str, Path]] = [("inbox", self.root)]
        sent = self.sent_dir()
        if sent is not None:
            folders.append(("sent", sent))
        for folder, path in folders:
            self._sync_folder(folder, path, old_dirs, new_dirs, since, batch, counted)
        batch.cursor = {"v": CURSOR_VERSION, "dirs": new_dirs}
        return batch

    def _sync_folder(self, folder: str, path: Path, old_dirs: dict[str, Any], new_dirs: dict[str, Any],
                     since: datetime, batch: SyncBatch, counted: _Counted) -> None:
        # Keys are remembered per folder, not per directory: a client moving a message from new/ to
        # cur/ changes both directories but must not make it look new.
        first_time = not any(self._rel(path / sub) in old_dirs for sub in ("new", "cur"))
        since_ts = since.timestamp()
        candidates: dict[str, _Listed] = {}
        changed: list[tuple[Path, str, int]] = []
        for sub in ("new", "cur"):  # new/ first: a message moved meanwhile is then still found in cur/
            directory = path / sub
            rel = self._rel(directory)
            try:
                mtime_ns = directory.stat().st_mtime_ns
            except FileNotFoundError:
                continue
            except PermissionError as exc:
                raise no_access(directory, self.root) from exc
            except OSError as exc:
                raise ProviderError(f"cannot read the Maildir folder {directory}: {exc}") from exc
            previous = old_dirs.get(rel)
            if previous is not None and previous.get("mtime_ns") == mtime_ns:
                new_dirs[rel] = previous  # untouched since the last listing: nothing to do
                continue
            changed.append((directory, rel, mtime_ns))
        if not changed:
            return
        seen: set[str] = set()
        for sub in ("new", "cur"):
            seen.update(_keys(old_dirs.get(self._rel(path / sub), {}).get("keys")))
        for directory, rel, mtime_ns in changed:
            listed = self._list(directory, batch)
            keys = sorted(listed)
            # Trust this mtime next time only when a later change would surely show up as a new value.
            trusted = time.time_ns() - mtime_ns > RECENT_NS
            new_dirs[rel] = {"mtime_ns": mtime_ns if trusted else -1, "keys": _pack(keys)}
            for key, item in listed.items():
                if key in seen or key in candidates:
                    continue
                if first_time and item.mtime < since_ts:
                    continue  # older than the look-back: not even opened
                candidates[key] = item
        vanished: set[str] = set()
        counted.total += len(candidates)
        for _, item in sorted(candidates.items(), key=lambda kv: kv[1].mtime):
            counted.step()
            if first_time and self._older_by_headers(item, since, batch):
                continue  # a file copied or synced recently, but mail from before the look-back
            message = self._read(item, folder, batch, vanished)
            if message is not None and (not first_time or _on_or_after(message.date, since)):
                batch.messages.append(message)
        if vanished:
            # Moved or deleted while we read: forget them so that the next listing looks again.
            for sub in ("new", "cur"):
                entry = new_dirs.get(self._rel(path / sub))
                if entry is not None:
                    entry["keys"] = _pack([k for k in _keys(entry["keys"]) if k not in vanished])

    def _rel(self, directory: Path) -> str:
        return directory.relative_to(self.root).as_posix()

    def _list(self, directory: Path, batch: SyncBatch) -> dict[str, _Listed]:
        listed: dict[str, _Listed] = {}
        batch.stats["dirs_listed"] += 1
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    try:
                        st = entry.stat()
                    except FileNotFoundError:
                        continue
                    if not stat.S_ISREG(st.st_mode):
                        continue
                    batch.stats["files_listed"] += 1
                    key = unique_name(entry.name)
                    listed[key] = _Listed(key, Path(entry.path), st.st_mtime)
        except FileNotFoundError:
            pass
        except PermissionError as exc:
            raise no_access(directory, self.root) from exc
        except OSError as exc:
            raise ProviderError(f"cannot list the Maildir folder {directory}: {exc}") from exc
        return listed

    def _older_by_headers(self, item: _Listed, since: datetime, batch: SyncBatch) -> bool:
        """True when the mail's headers alone show it is from before `since` (not worth reading whole)."""
        head = header_block(item.path)
        if head is None:
            return False
        batch.stats["headers_read"] += 1
        batch.stats["bytes_read"] += len(head)
        received = datetime.fromtimestamp(item.mtime, UTC).astimezone(self.tz)
        from agent.core import mime  # the email package is loaded only when there is mail to read

        when = mime.header_date(head, tz=self.tz, received=received)
        return when is not None and not _on_or_after(when, since)

    def _read(self, item: _Listed, folder: str, batch: SyncBatch, vanished: set[str]) -> Message | None:
        try:
            raw = item.path.read_bytes()
        except FileNotFoundError:
            vanished.add(item.key)
            return None
        except OSError as exc:
            batch.skipped.append((item.key, f"unreadable file {item.path.name}: {exc.strerror or exc}"))
            return None
        batch.stats["files_read"] += 1
        batch.stats["bytes_read"] += len(raw)
        received = datetime.fromtimestamp(item.mtime, UTC).astimezone(self.tz)
        try:
            from agent.core import mime

            return mime.parse_message(raw, key=item.key, folder=folder, tz=self.tz, received=received)
        except MalformedInput as exc:
            batch.skipped.append((item.key, str(exc) or "malformed mail"))
        except Exception as exc:
            batch.skipped.append((item.key, f"unreadable mail ({type(exc).__name__}: {exc})"))
        return None

    # -- drafts (maildir_drafts.py) -------------------------------------------------------------------

    def create_draft(self, raw: bytes, *, message_id: str, reply_to: Message | None) -> str:
        """Write `raw` into Drafts/cur with the D flag (tmp/ then rename, fsynced, 0600); returns
        "<unique>|<sha256>". Maildir has no thread ids: threading lives in the draft's own headers."""
        return maildir_drafts.create(self.drafts_dir(), raw)

    def find_draft(self, message_id: str) -> str | None:
        """The ref of the draft in Drafts carrying `message_id` (headers only are read), or None."""
        return maildir_drafts.find(self.drafts_dir(), message_id)

    def find_drafts(self, message_id: str) -> list[str]:
        """The refs of every draft in Drafts carrying `message_id`, oldest first (by ctime, then name)."""
        return maildir_drafts.find_all(self.drafts_dir(), message_id)

    def draft_status(self, drafts: Sequence[DraftRecord]) -> dict[str, str]:
        """"present" (same bytes as written), "edited" (changed in place, or another draft file with the
        same Message-ID) or "missing", per `record.key`."""
        return maildir_drafts.status(self.drafts_dir(), drafts)

    def inspect_draft(self, ref: str) -> base.DraftInspection | None:
        """The draft file named by `ref` as stored (headers, D flag), or None when it is gone."""
        return maildir_drafts.inspect(self.drafts_dir(), ref)

    def close(self) -> None:
        """Nothing to release."""

    def delete_draft(self, ref_or_message_id: str) -> bool:
        """Remove the agent's own draft file from Drafts (flagged D; by Message-ID, only one carrying
        exactly it). True when a file was removed, False when there was none."""
        return maildir_drafts.delete_draft(self.drafts_dir(), ref_or_message_id)

    def check(self) -> list[CheckLine]:
        """For `doctor` (agent/doctor.py): the tree readable, Sent found and readable, Drafts writable.
        Reads only; returns (what, ok, detail or fix)."""
        def readable(path: Path) -> bool:
            return all(os.access(path / sub, os.R_OK | os.X_OK) for sub in ("cur", "new") if (path / sub).exists())

        out: list[CheckLine] = []
        if readable(self.root):
            out.append(("inbox", True, f"{self.root} is readable"))
        else:
            fix = f"{self.root}/cur or new cannot be read; run: chmod u+rx {self.root}/cur {self.root}/new"
            out.append(("inbox", False, fix))
        sent = self.sent_dir()
        if sent is None:
            fix = (f"no Sent folder ({', '.join(SENT_CANDIDATES)}) in {self.root}: the agent cannot see the mail "
                   f"you send; set account.sent_folder to its name")
            out.append(("Sent folder", False, fix))
        elif not readable(sent):
            out.append(("Sent folder", False, f"{sent} cannot be read; run: chmod u+rx {sent}/cur {sent}/new"))
        else:
            out.append(("Sent folder", True, f"{sent}"))
        drafts = self.drafts_dir()
        blocked = " ".join(str(drafts / sub) for sub in ("tmp", "cur")
                           if not os.access(drafts / sub, os.W_OK | os.X_OK))
        if blocked:
            out.append(("Drafts folder", False, f"{blocked} cannot be written; run: chmod u+rwx {blocked}"))
        else:
            out.append(("Drafts folder", True, f"{drafts} is writable"))
        return out
