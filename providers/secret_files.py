"""Secret files (tokens, token caches, passwords, the config): written private, and checked for `doctor`
that they still are (B22)."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from providers.base import CheckLine


def write_private(path: Path, data: bytes) -> None:
    """Replace `path` atomically with `data`: created 0600 (mkstemp), its folder created 0700 when missing.
    A crash leaves the old file or the new one, never half of either. Raises OSError."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise

def private_file(path: Path, what: str, unreadable_fix: str) -> CheckLine:
    """B22 for a secret file: mode 600 (else the chmod); its folder not writable by others (they could swap
    the file), and 700 when it is the `secrets` folder `connect` made."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        folder = stat.S_IMODE(path.parent.stat().st_mode)
    except FileNotFoundError:
        return (what, False, f"{path} does not exist; {unreadable_fix}")
    except OSError as exc:
        return (what, False, f"{path} cannot be read ({exc.strerror or exc}); {unreadable_fix}")
    if mode & 0o077:
        return (what, False, f"{path} is mode {mode:o}, readable by other users (B22); run: chmod 600 {path}")
    if folder & 0o022 or (folder & 0o077 and path.parent.name == "secrets"):
        return (what, False, (f"the folder {path.parent} is mode {folder:o}, open to other users (B22); "
                             f"run: chmod 700 {path.parent}"))
    return (what, True, f"{path} (mode 600, folder {folder:o})")
