"""Issue 8 on the Maildir provider: mail outside the look-back is read by its headers only, a run with
nothing new reads no file, and a cursor written by the previous version is still understood."""

from __future__ import annotations

import os
import time
from datetime import timedelta

from providers import maildir
from providers.maildir import open_provider
from tests.providers.contract import mail, now


def _tree(root):
    for folder in (root, root / ".Sent"):
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
    return root


def _put(root, name, raw, mtime):
    path = root / "cur" / f"{name}:2,S"
    path.write_bytes(raw)
    os.utime(path, (mtime, mtime))


def _age_dirs(root):
    past = time.time() - 60
    for d in (root / "cur", root / "new", root / ".Sent" / "cur", root / ".Sent" / "new"):
        os.utime(d, (past, past))


def test_old_mail_copied_recently_is_skipped_after_reading_its_headers_only(tmp_path):
    root = _tree(tmp_path / "Mail")
    today = now()
    copied = time.time()  # a fresh copy (mbsync, rsync): every file is new, whatever its Date says
    _put(root, "old", mail("Old news", message_id="<old@x.example>", date=today - timedelta(days=400),
                           body="x" * 50_000), copied)
    _put(root, "new", mail("Recent", message_id="<new@x.example>", date=today - timedelta(days=1)), copied)
    provider = open_provider({"path": str(root)}, config_dir=str(tmp_path), state_dir=str(tmp_path))
    batch = provider.sync(None, today - timedelta(days=60))
    assert [m.message_id for m in batch.messages] == ["<new@x.example>"]
    assert batch.stats["files_read"] == 1 and batch.stats["headers_read"] == 2
    assert batch.stats["bytes_read"] < 50_000  # the old mail's body was never read


def test_nothing_new_reads_no_file_and_lists_no_folder(tmp_path):
    root = _tree(tmp_path / "Mail")
    today = now()
    _put(root, "a", mail("A", message_id="<a@x.example>", date=today), time.time())
    _age_dirs(root)
    provider = open_provider({"path": str(root)}, config_dir=str(tmp_path), state_dir=str(tmp_path))
    first = provider.sync(None, today - timedelta(days=60))
    again = provider.sync(first.cursor, today - timedelta(days=60))
    assert again.messages == []
    assert again.stats["dirs_listed"] == again.stats["files_read"] == again.stats["headers_read"] == 0


def test_progress_is_reported_while_a_first_run_reads(tmp_path):
    root = _tree(tmp_path / "Mail")
    today = now()
    for i in range(3):
        _put(root, f"m{i}", mail(f"M{i}", message_id=f"<m{i}@x.example>", date=today), time.time())
    provider = open_provider({"path": str(root)}, config_dir=str(tmp_path), state_dir=str(tmp_path))
    seen = []
    provider.sync(None, today - timedelta(days=60), progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3, 3)


def test_a_version_1_cursor_is_still_understood(tmp_path):
    root = _tree(tmp_path / "Mail")
    today = now()
    _put(root, "a", mail("A", message_id="<a@x.example>", date=today), time.time())
    _age_dirs(root)
    provider = open_provider({"path": str(root)}, config_dir=str(tmp_path), state_dir=str(tmp_path))
    cursor = provider.sync(None, today - timedelta(days=60)).cursor
    v1 = {"v": 1, "dirs": {d: {"mtime_ns": -1, "keys": maildir._keys(e["keys"])}
                           for d, e in cursor["dirs"].items()}}
    _put(root, "b", mail("B", message_id="<b@x.example>", date=today), time.time())
    batch = provider.sync(v1, today - timedelta(days=60))
    assert [m.message_id for m in batch.messages] == ["<b@x.example>"]  # "a" known, not read again
