"""Where the IMAP password comes from and where `connect imap` keeps it (B22).

Lookup order: `password_command` (run without a shell, like mbsync's PassCmd; its first output line is
the password), else the system keyring (service "interview-agent", user "imap:<username>@<host>"), else
`<config_dir>/secrets/imap-<host>-<user>.txt`, a 0600 file in a 0700 folder. The password is never
logged nor written into the config.
"""

from __future__ import annotations

import logging
import os
import re
import shlex
import stat
import subprocess
from pathlib import Path
from typing import Any

from agent.core.errors import ConfigError
from providers.secret_files import write_private

log = logging.getLogger("providers.imap")

KEYRING_SERVICE = "interview-agent"
PASSWORD_COMMAND_TIMEOUT = 30


def secret_file(config_dir: str | os.PathLike[str], host: str, username: str) -> Path:
    """Where the password lives when no keyring is available: <config_dir>/secrets/imap-<host>-<user>.txt."""
    def safe(part: str) -> str:
        return re.sub(r"[^A-Za-z0-9@._+-]", "_", part) or "_"
    return Path(config_dir) / "secrets" / f"imap-{safe(host)}-{safe(username)}.txt"


def keyring_user(host: str, username: str) -> str:
    """The keyring's user name for this account (the service is KEYRING_SERVICE)."""
    return f"imap:{username}@{host}"


def usable_keyring():
    """The keyring backend, or None when only the fail/null backend is there (servers, containers, cron)."""
    try:
        import keyring
        backend = keyring.get_keyring()
    except Exception as exc:
        log.debug("no keyring: %s", type(exc).__name__)
        return None
    if type(backend).__module__ in ("keyring.backends.fail", "keyring.backends.null"):
        return None
    return backend


def find_password(settings: dict[str, Any], config_dir: str) -> str:
    """password_command, else the keyring, else the 0600 secret file; ConfigError saying how to set one."""
    where, host, user = settings["where"], settings["host"], settings["username"]
    if settings["password_command"]:
        return run_password_command(settings["password_command"], where)
    backend = usable_keyring()
    if backend is not None:
        try:
            value = backend.get_password(KEYRING_SERVICE, keyring_user(host, user))
        except Exception as exc:
            log.info("the system keyring could not be read (%s); trying the secret file", type(exc).__name__)
            value = None
        if value:
            return value
    path = secret_file(config_dir, host, user)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ConfigError(f"no password for the IMAP account {user} at {host}: run `interview-agent connect "
                          f"imap` to store one, or set {where}.password_command to a command that prints it "
                          f"(e.g. password_command = \"pass show mail/imap\")") from None
    if st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigError(f"the password file {path} can be read by other users; run `chmod 600 {path}` "
                          f"(B22: secrets are kept readable by you alone)")
    value = path.read_text(encoding="utf-8").splitlines()
    if not value or not value[0]:
        raise ConfigError(f"the password file {path} is empty; run `interview-agent connect imap` again")
    return value[0]


def run_password_command(command: str, where: str) -> str:
    """Run `command` without a shell (like mbsync's PassCmd) and return the first line it prints.
    ConfigError naming `<where>.password_command` when it cannot be run, fails or prints nothing."""
    args = shlex.split(command)
    try:
        done = subprocess.run(args, capture_output=True, timeout=PASSWORD_COMMAND_TIMEOUT, check=False,
                              shell=False)
    except FileNotFoundError:
        raise ConfigError(f"{where}.password_command: the program {args[0]!r} was not found; check the "
                          f"command (it is run without a shell, so no pipes or $VARIABLES)") from None
    except subprocess.TimeoutExpired:
        raise ConfigError(f"{where}.password_command did not finish within {PASSWORD_COMMAND_TIMEOUT} s; "
                          f"check that it runs without asking for input (e.g. an unlocked gpg-agent)") from None
    except OSError as exc:
        raise ConfigError(f"{where}.password_command could not be run: {exc.strerror or exc}") from None
    if done.returncode != 0:
        # Only the first line of stderr: it says what went wrong and never holds the password.
        detail = (done.stderr.decode("utf-8", "replace").strip().splitlines() or [""])[0][:200]
        raise ConfigError(f"{where}.password_command exited with status {done.returncode}"
                          f"{': ' + detail if detail else ''}; run it by hand to check it prints the password")
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    if not lines or not lines[0]:
        raise ConfigError(f"{where}.password_command printed nothing; it must print the password on its "
                          f"first line")
    return lines[0]


def store_password(config_dir: str | os.PathLike[str], host: str, username: str, password: str) -> str:
    """Keep the password in the system keyring when one works, else in a 0600 file inside a 0700
    `secrets` folder. Returns where it went ("keyring" or the file path), for the user."""
    backend = usable_keyring()
    if backend is not None:
        user = keyring_user(host, username)
        try:
            backend.set_password(KEYRING_SERVICE, user, password)
            if backend.get_password(KEYRING_SERVICE, user) == password:  # some backends drop it silently
                stale = secret_file(config_dir, host, username)
                if stale.exists():
                    stale.unlink()  # one place only, so a later change of password is not shadowed
                return "keyring"
        except Exception as exc:
            log.info("the system keyring refused the password (%s); using a 0600 file", type(exc).__name__)
    path = secret_file(config_dir, host, username)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    write_private(path, password.encode("utf-8") + b"\n")  # a new file: an older one's looser bits go too
    return str(path)
