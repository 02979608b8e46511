"""IMAP provider on imapclient: reads INBOX and Sent, writes drafts into Drafts by APPEND.

Glossary
- role: "inbox" or "sent", the agent's name for a folder; the IMAP folder behind it is INBOX and the
  folder flagged \\Sent (RFC 6154 SPECIAL-USE), else a common name, else `account.sent_folder`.
- cursor: `{"v": 1, "folders": {role: {"name", "uidvalidity", "uidnext", "last_uid", "highestmodseq",
  "high_water", "high_water_ids"}}}`. `high_water` is the latest INTERNALDATE seen in the folder and
  `high_water_ids` the Message-IDs seen at exactly that instant: after a UIDVALIDITY reset only mail
  that arrived after it is returned again (a bounded resync), so old mail is never re-processed.
- key: `"<folder>:<uidvalidity>:<uid>"`.
- draft ref: `"<folder>|<uidvalidity>|<uid>|<sha256>"`, the sha256 of the draft's bytes with line ends
  normalised, which tells an untouched draft from one the user edited.

Account keys: `host`, `username` (required); `port` (993 for tls, else 143); `security` ("tls" | "starttls"
| "none", the last for loopback hosts only); `tls_verify` (default true); `auth` ("password" |
"xoauth2"); `password_command`; `drafts_folder`, `sent_folder`; `timeout` (seconds, default 30).
Injected by the runner: `_tz` (the user's zone), `_token_getter` (XOAUTH2), `_where` (for messages).

Secrets (B22): `password_command` (run without a shell), else the system keyring
(service "interview-agent", user "imap:<username>@<host>"), else `<config_dir>/secrets/imap-<host>-<user>.txt`
readable by the user alone. The password is never logged nor written into the config.

B19: mail is only ever read with BODY.PEEK in folders opened read-only (EXAMINE), so no \\Seen flag is set
on the user's messages; the only write is APPEND into Drafts (and CREATE of a missing Drafts folder).
"""

from __future__ import annotations

import email.utils
import hashlib
import imaplib
import ipaddress
import logging
import os
import re
import shlex
import socket
import ssl
import stat
import subprocess
from collections import Counter
from datetime import datetime, timedelta, timezone
from email.parser import BytesHeaderParser
from email.policy import compat32
from pathlib import Path
from typing import Any, Callable, Sequence, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import CapabilityError, IMAPClientAbortError, IMAPClientError, LoginError

from agent import mime
from agent.errors import ConfigError, MalformedInput
from agent.model import DraftRecord, Message
from providers.base import AuthError, ProviderError, SyncBatch, UnreachableError

log = logging.getLogger(__name__)

CURSOR_VERSION = 1
KEYRING_SERVICE = "interview-agent"
DEFAULT_TIMEOUT = 30.0
PASSWORD_COMMAND_TIMEOUT = 30
MAX_BODY_BYTES = 10 * 1024 * 1024  # a bigger message is read by its headers alone
HEADER_CHUNK = 500  # UIDs per header FETCH
BODY_CHUNK_BYTES = 20 * 1024 * 1024  # bytes per body FETCH (bounded memory per round trip)
BODY_CHUNK_COUNT = 100
DRAFT_FLAGS = (b"\\Draft", b"\\Seen")
DRAFTS = b"\\Drafts"  # RFC 6154 SPECIAL-USE attributes
SENT = b"\\Sent"
SECURITY = ("tls", "starttls", "none")
AUTH = ("password", "xoauth2")
_KNOWN_KEYS = {"provider", "host", "port", "username", "security", "tls_verify", "auth", "password_command",
               "drafts_folder", "sent_folder", "timeout", "name"}

# Common names, tried when no folder carries the SPECIAL-USE flag. Compared case-insensitively, with
# the server's hierarchy separator read as "/".
DRAFTS_NAMES = ("Drafts", "INBOX/Drafts", "Draft", "[Gmail]/Drafts", "[Google Mail]/Drafts",
                "[Gmail]/Entwürfe", "[Google Mail]/Entwürfe", "[Gmail]/Brouillons", "[Gmail]/Borradores",
                "Entwürfe", "Brouillons", "INBOX/Entwürfe", "INBOX/Brouillons")
SENT_NAMES = ("Sent", "Sent Items", "Sent Messages", "Sent Mail", "INBOX/Sent", "INBOX/Sent Items",
              "INBOX/Sent Messages", "[Gmail]/Sent Mail", "[Google Mail]/Sent Mail", "[Gmail]/Gesendet",
              "[Google Mail]/Gesendet", "[Gmail]/Messages envoyés", "[Gmail]/Enviados", "Gesendet",
              "Gesendete Objekte", "Gesendete Elemente", "Éléments envoyés", "Messages envoyés",
              "INBOX/Gesendet")

_APPENDUID = re.compile(rb"APPENDUID (\d+) (\d+)", re.I)
_BULK_PRECEDENCE = {"bulk", "list", "junk"}
_CALENDAR_TYPES = {("text", "calendar"), ("application", "ics"), ("text", "x-vcalendar")}
_DROPPED = (IMAPClientAbortError, imaplib.IMAP4.abort, OSError)  # the connection is gone: reconnect once
T = TypeVar("T")


# ------------------------------------------------------------------------------------------------ config


def open_provider(account: dict[str, Any], *, config_dir: str, state_dir: str) -> "ImapProvider":
    """The IMAP mailbox `account` describes. ConfigError naming `account.<key>` and the fix when a key is
    wrong or no password can be found. The connection itself is opened on first use."""
    settings = _settings(account)
    if settings["auth"] == "xoauth2":
        getter = account.get("_token_getter")
        secret: Callable[[], str] = getter  # type: ignore[assignment]
    else:
        password = _find_password(settings, config_dir)
        secret = lambda: password  # noqa: E731 - kept in a closure, never in an attribute that gets printed
    return ImapProvider(settings, secret, tz=_tz(account))


def _settings(account: dict[str, Any]) -> dict[str, Any]:
    """Validate the account keys; every problem is reported at once, each naming its key and the fix."""
    where = account.get("_where", "account")
    problems: list[str] = []
    for key in sorted(k for k in account if not k.startswith("_") and k not in _KNOWN_KEYS):
        log.warning("%s.%s is not a known key for provider imap and is ignored", where, key)

    def text(key: str, required: bool = False) -> str:
        value = account.get(key, "")
        if not isinstance(value, str):
            problems.append(f"{where}.{key} must be a string")
            return ""
        if required and not value.strip():
            example = {"host": "imap.fastmail.com", "username": "jordan@fastmail.com"}.get(key, "...")
            problems.append(f"{where}.{key} is missing; set it, e.g. {key} = \"{example}\"")
        return value.strip()

    host = text("host", required=True)
    username = text("username", required=True)
    security = account.get("security", "tls")
    if security not in SECURITY:
        problems.append(f"{where}.security = {security!r} is not known; use \"tls\" (port 993), \"starttls\" "
                        f"(port 143) or, for a server on this machine only, \"none\"")
        security = "tls"
    if security == "none" and host and not _is_loopback(host):
        problems.append(f"{where}.security = \"none\" would send your password unencrypted to {host}; it is "
                        f"accepted only for a server on this machine (localhost, 127.0.0.1, ::1). "
                        f"Use security = \"tls\" or \"starttls\"")
    port = account.get("port", 993 if security == "tls" else 143)
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        problems.append(f"{where}.port must be a whole number from 1 to 65535, e.g. port = 993")
        port = 993
    tls_verify = account.get("tls_verify", True)
    if not isinstance(tls_verify, bool):
        problems.append(f"{where}.tls_verify must be true or false (default true)")
        tls_verify = True
    auth = account.get("auth", "password")
    if auth not in AUTH:
        problems.append(f"{where}.auth = {auth!r} is not known; use \"password\" (also for app passwords) "
                        f"or \"xoauth2\"")
        auth = "password"
    if auth == "xoauth2" and not callable(account.get("_token_getter")):
        problems.append(f"{where}.auth = \"xoauth2\" needs an access token, and none is available for this "
                        f"account; run `interview-agent connect` for it, or use auth = \"password\" with an "
                        f"app password")
    timeout = account.get("timeout", DEFAULT_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= 600:
        problems.append(f"{where}.timeout must be a number of seconds from 1 to 600 (default 30)")
        timeout = DEFAULT_TIMEOUT
    password_command = text("password_command")
    if password_command:
        try:
            if not shlex.split(password_command):
                problems.append(f"{where}.password_command is empty; set it to a command that prints the "
                                f"password, e.g. password_command = \"pass show mail/imap\"")
        except ValueError as exc:
            problems.append(f"{where}.password_command cannot be split into words ({exc}); check its quotes")
    folders = {key: text(key) for key in ("drafts_folder", "sent_folder")}
    if problems:
        raise ConfigError(problems)
    if not tls_verify and security != "none":
        log.warning("TLS CERTIFICATE CHECKS ARE OFF for %s (%s.tls_verify = false): anyone on the network "
                    "path can read your password and mail. Use this only with a self-signed test server.",
                    host, where)
    return {"where": where, "host": host, "port": port, "username": username, "security": security,
            "tls_verify": tls_verify, "auth": auth, "password_command": password_command,
            "timeout": float(timeout), **folders}


def _tz(account: dict[str, Any]) -> ZoneInfo:
    value = account.get("_tz", "UTC")
    try:
        return value if isinstance(value, ZoneInfo) else ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"user.timezone = {value!r} is not an IANA time zone; use a name like "
                          f"\"America/New_York\"") from exc


def _is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# ------------------------------------------------------------------------------------------------ secrets


def secret_file(config_dir: str | os.PathLike[str], host: str, username: str) -> Path:
    """Where the password lives when no keyring is available: <config_dir>/secrets/imap-<host>-<user>.txt."""
    def safe(part: str) -> str:
        return re.sub(r"[^A-Za-z0-9@._+-]", "_", part) or "_"
    return Path(config_dir) / "secrets" / f"imap-{safe(host)}-{safe(username)}.txt"


def _keyring_user(host: str, username: str) -> str:
    return f"imap:{username}@{host}"


def _usable_keyring():
    """The keyring backend, or None when only the fail/null backend is there (servers, containers, cron)."""
    try:
        import keyring
        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - a broken keyring install must not stop a run
        log.debug("no keyring: %s", type(exc).__name__)
        return None
    if type(backend).__module__ in ("keyring.backends.fail", "keyring.backends.null"):
        return None
    return backend


def _find_password(settings: dict[str, Any], config_dir: str) -> str:
    """password_command, else the keyring, else the 0600 secret file; ConfigError saying how to set one."""
    where, host, user = settings["where"], settings["host"], settings["username"]
    if settings["password_command"]:
        return _run_password_command(settings["password_command"], where)
    backend = _usable_keyring()
    if backend is not None:
        try:
            value = backend.get_password(KEYRING_SERVICE, _keyring_user(host, user))
        except Exception as exc:  # noqa: BLE001 - locked or unreachable keyring: try the file next
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


def _run_password_command(command: str, where: str) -> str:
    """Run `command` without a shell (like mbsync's PassCmd) and return the first line it prints."""
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
    backend = _usable_keyring()
    if backend is not None:
        user = _keyring_user(host, username)
        try:
            backend.set_password(KEYRING_SERVICE, user, password)
            if backend.get_password(KEYRING_SERVICE, user) == password:  # some backends drop it silently
                stale = secret_file(config_dir, host, username)
                if stale.exists():
                    stale.unlink()  # one place only, so a later change of password is not shadowed
                return "keyring"
        except Exception as exc:  # noqa: BLE001 - fall back to the file, as documented
            log.info("the system keyring refused the password (%s); using a 0600 file", type(exc).__name__)
    path = secret_file(config_dir, host, username)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # an older file may have had looser bits
        os.write(fd, password.encode("utf-8") + b"\n")
    finally:
        os.close(fd)
    return str(path)


def connect_imap(host: str, port: int, username: str, password: str, security: str, *, config_dir: str,
                 tls_verify: bool = True, timeout: float = DEFAULT_TIMEOUT) -> dict[str, Any]:
    """Check that the server accepts this login, store the password (keyring, else a 0600 file) and
    return the `[account]` table to write into the config (it holds no password). AuthError when the login
    is refused, UnreachableError when the server cannot be reached, ConfigError for bad values."""
    account: dict[str, Any] = {"provider": "imap", "host": host, "port": port, "username": username,
                               "security": security}
    if not tls_verify:
        account["tls_verify"] = False
    if timeout != DEFAULT_TIMEOUT:
        account["timeout"] = timeout
    settings = _settings(account)
    provider = ImapProvider(settings, lambda: password, tz=ZoneInfo("UTC"))
    try:
        provider.check_login()
    finally:
        provider.close()
    where = store_password(config_dir, host, username, password)
    log.info("IMAP login to %s as %s works; password stored in %s", host, username, where)
    return account


# ------------------------------------------------------------------------------------------------ connection


class _CommandCounter:
    """Counts the IMAP commands a connection sends, by name, by wrapping imaplib's tag and send calls:
    every command starts with a new tag, and the first bytes sent after it name the command."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def install(self, imap: imaplib.IMAP4) -> None:
        new_tag, send = imap._new_tag, imap.send
        pending = [False]

        def counting_new_tag():
            pending[0] = True
            return new_tag()

        def counting_send(data):
            if pending[0]:
                pending[0] = False
                words = bytes(data).split(None, 3)
                name = words[1] if len(words) > 1 else b"?"
                if name.upper() == b"UID" and len(words) > 2:
                    name = words[2]
                self.counts[name.decode("ascii", "replace").upper()] += 1
            return send(data)

        imap._new_tag = counting_new_tag  # type: ignore[method-assign]
        imap.send = counting_send  # type: ignore[method-assign]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class ImapProvider:
    """One IMAP account as the agent's mailbox (see the module docstring)."""

    name = "imap"

    def __init__(self, settings: dict[str, Any], secret: Callable[[], str], *, tz: ZoneInfo):
        self.settings = settings
        self._secret = secret
        self.tz = tz
        self.counter = _CommandCounter()
        self.reconnects = 0
        self._client: IMAPClient | None = None
        self._folders: list[tuple[tuple[bytes, ...], str, str]] | None = None  # (flags, delimiter, name)
        self._drafts_name: str | None = None

    # -- connection ----------------------------------------------------------------------------------

    def check_login(self) -> None:
        """Connect and log in (AuthError / UnreachableError otherwise)."""
        self._connection()

    def _connection(self) -> IMAPClient:
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> IMAPClient:
        s = self.settings
        host, port = s["host"], s["port"]
        context = None
        if s["security"] != "none":
            context = ssl.create_default_context()
            if not s["tls_verify"]:
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
        try:
            client = IMAPClient(host, port, ssl=s["security"] == "tls", ssl_context=context,
                                timeout=SocketTimeout(s["timeout"], s["timeout"]))
            self.counter.install(client._imap)
            client.normalise_times = False  # aware INTERNALDATEs, not naive local times
            if s["security"] == "starttls":
                client.starttls(context)
        except socket.gaierror as exc:
            raise UnreachableError(f"cannot find the IMAP server {host!r} ({exc.strerror or exc}); check "
                                   f"{s['where']}.host and your network") from None
        except ssl.SSLCertVerificationError as exc:
            raise UnreachableError(f"the TLS certificate of {host} could not be verified "
                                   f"({exc.verify_message}); check {s['where']}.host (use the name the "
                                   f"certificate is issued for). Only for a self-signed test server: set "
                                   f"{s['where']}.tls_verify = false") from None
        except CapabilityError:
            raise UnreachableError(f"{host}:{port} does not offer STARTTLS; use {s['where']}.security = "
                                   f"\"tls\" with port = 993") from None
        except (ConnectionRefusedError, TimeoutError, socket.timeout) as exc:
            raise UnreachableError(f"cannot connect to the IMAP server {host}:{port} "
                                   f"({type(exc).__name__}); check {s['where']}.host and .port, and that the "
                                   f"server is up") from None
        except (OSError, IMAPClientError) as exc:
            raise UnreachableError(f"cannot connect to the IMAP server {host}:{port}: {exc}; check "
                                   f"{s['where']}.host, .port and .security") from None
        try:
            secret = self._secret()
            if s["auth"] == "xoauth2":
                client.oauth2_login(s["username"], secret)
            else:
                client.login(s["username"], secret)
        except LoginError:
            self._discard(client)
            if s["auth"] == "xoauth2":
                raise AuthError(f"the IMAP server {host} refused the access token for {s['username']}; "
                                f"connect the account again to renew it") from None
            raise AuthError(f"the IMAP server {host} refused the login for {s['username']}: check the password "
                            f"(or app password, if your provider uses 2-step verification) and run "
                            f"`interview-agent connect imap` again") from None
        except _DROPPED as exc:
            self._discard(client)
            raise UnreachableError(f"the IMAP server {host}:{port} closed the connection during login "
                                   f"({type(exc).__name__})") from None
        return client

    @staticmethod
    def _discard(client: IMAPClient) -> None:
        try:
            client.shutdown()
        except Exception:  # noqa: BLE001 - already gone
            pass

    def _op(self, what: str, operation: Callable[[IMAPClient], T],
            before_retry: Callable[[IMAPClient], T | None] | None = None) -> T:
        """Run `operation` on the connection; when the connection drops, reconnect once and run it again
        (after `before_retry`, which may return a result that makes the retry unnecessary)."""
        for attempt in (1, 2):
            client = self._connection()
            try:
                if attempt == 2 and before_retry is not None:
                    done = before_retry(client)
                    if done is not None:
                        return done
                return operation(client)
            except _DROPPED as exc:
                self._discard(client)
                self._client = None
                self._folders = None
                if attempt == 2:
                    raise UnreachableError(f"the connection to the IMAP server {self.settings['host']} dropped "
                                           f"twice while {what} ({type(exc).__name__}); try again later")
                self.reconnects += 1
                log.warning("the connection to %s dropped while %s (%s); reconnecting once",
                            self.settings["host"], what, type(exc).__name__)
            except IMAPClientError as exc:
                raise ProviderError(f"the IMAP server {self.settings['host']} refused a command while {what}: "
                                    f"{exc}") from None
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Log out. Safe to call twice."""
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # noqa: BLE001 - the server may have gone already
            self._discard(client)

    # -- folders -------------------------------------------------------------------------------------

    def _list(self, client: IMAPClient) -> list[tuple[tuple[bytes, ...], str, str]]:
        if self._folders is None:
            self._folders = [(tuple(flags), (delim or b"/").decode() if isinstance(delim, bytes)
                              else (delim or "/"), name) for flags, delim, name in client.list_folders()]
        return self._folders

    def _find_folder(self, client: IMAPClient, flag: bytes, names: Sequence[str]) -> str | None:
        """The folder flagged `flag` (SPECIAL-USE), else the first folder with one of the common `names`."""
        folders = [f for f in self._list(client) if b"\\noselect" not in {x.lower() for x in f[0]}]
        for flags, _delim, name in folders:
            if flag.lower() in {x.lower() for x in flags}:
                return name
        by_name = {name.replace(delim, "/").lower(): name for _flags, delim, name in folders}
        for candidate in names:
            if candidate.lower() in by_name:
                return by_name[candidate.lower()]
        return None

    def _configured(self, client: IMAPClient, key: str) -> str | None:
        wanted = self.settings[key]
        if not wanted:
            return None
        names = {name: name for _f, _d, name in self._list(client)}
        names.update({name.lower(): name for _f, _d, name in self._list(client) if name.upper() != "INBOX"})
        found = names.get(wanted) or names.get(wanted.lower())
        if found is None:
            raise ConfigError(f"{self.settings['where']}.{key} = {wanted!r}: no such folder on "
                              f"{self.settings['host']}; use the folder's name as your mail client shows it, "
                              f"or remove the key to find it automatically")
        return found

    def _sent_folder(self, client: IMAPClient) -> str | None:
        return self._configured(client, "sent_folder") or self._find_folder(client, SENT, SENT_NAMES)

    def _drafts_folder(self, client: IMAPClient, create: bool) -> str | None:
        if self._drafts_name is None:
            found = self._configured(client, "drafts_folder") or self._find_folder(client, DRAFTS, DRAFTS_NAMES)
            if found is None and create:
                found = self._create_drafts(client)
            self._drafts_name = found
        return self._drafts_name

    def _create_drafts(self, client: IMAPClient) -> str:
        # The personal namespace prefix ("" on most servers, "INBOX." on Courier/Cyrus) decides where.
        prefix = ""
        try:
            if client.has_capability("NAMESPACE"):
                personal = client.namespace().personal
                if personal:
                    prefix = personal[0][0] or ""
                    prefix = prefix.decode() if isinstance(prefix, bytes) else prefix
        except IMAPClientError:
            prefix = ""
        name = f"{prefix}Drafts"
        client.create_folder(name)
        try:
            client.subscribe_folder(name)  # so that mail clients show it
        except IMAPClientError:
            pass
        self._folders = None
        log.warning("no Drafts folder on %s: created %r for the drafts (set %s.drafts_folder to use another)",
                    self.settings["host"], name, self.settings["where"])
        return name

    # -- reading -------------------------------------------------------------------------------------

    def sync(self, cursor: dict[str, Any] | None, since: datetime) -> SyncBatch:
        """New INBOX and Sent mail since `cursor`; on the first run (or a folder never seen) mail that
        arrived on or after `since`. A folder whose UIDNEXT/UIDVALIDITY did not change costs one STATUS and
        no FETCH. Malformed mail goes to `skipped`. Raises AuthError, UnreachableError, ProviderError."""
        since = since if since.tzinfo else since.replace(tzinfo=timezone.utc)
        start = self.counter.total
        start_fetch = self.counter.counts["FETCH"]
        old: dict[str, Any] = {}
        if cursor and cursor.get("v") == CURSOR_VERSION and isinstance(cursor.get("folders"), dict):
            old = cursor["folders"]
        batch = SyncBatch(stats={"headers_fetched": 0, "bodies_fetched": 0, "header_only": 0, "too_large": 0,
                                 "resyncs": 0})
        reconnects_before = self.reconnects
        folders: dict[str, Any] = {}
        for role in ("inbox", "sent"):
            entry, messages, skipped = self._op(f"reading {role}",
                                                lambda c, r=role: self._sync_role(c, r, old.get(r), since, batch))
            if entry is not None:
                folders[role] = entry
            batch.messages.extend(messages)
            batch.skipped.extend(skipped)
        batch.cursor = {"v": CURSOR_VERSION, "folders": folders}
        batch.stats["imap_commands"] = self.counter.total - start
        batch.stats["imap_fetch_commands"] = self.counter.counts["FETCH"] - start_fetch
        batch.stats["reconnects"] = self.reconnects - reconnects_before
        batch.stats["messages"] = len(batch.messages)
        log.info("imap %s: %d IMAP commands (%d FETCH), %d new messages, %d bodies read, %d skipped",
                 self.settings["host"], batch.stats["imap_commands"], batch.stats["imap_fetch_commands"],
                 len(batch.messages), batch.stats["bodies_fetched"], len(batch.skipped))
        return batch

    def _sync_role(self, client: IMAPClient, role: str, old: dict[str, Any] | None, since: datetime,
                   batch: SyncBatch) -> tuple[dict[str, Any] | None, list[Message], list[tuple[str, str]]]:
        # Work on local lists and return them: a retry after a dropped connection starts the folder afresh.
        old = old if isinstance(old, dict) else None
        name = old.get("name") if old else None
        if name:
            status = self._status(client, name)  # the remembered folder: no LIST needed
            if status is not None and old.get("uidvalidity") == status["uidvalidity"] \
                    and old.get("uidnext") == status["uidnext"]:
                return {**old, "highestmodseq": status.get("highestmodseq", 0)}, [], []  # nothing new
            if status is None:
                name = None  # renamed or deleted: look for the folder again
        if not name:
            name = "INBOX" if role == "inbox" else self._sent_folder(client)
            if name is None:
                log.warning("no Sent folder found on %s; sent mail is not read (set %s.sent_folder)",
                            self.settings["host"], self.settings["where"])
                return None, [], []

        try:
            selected = client.select_folder(name, readonly=True)  # EXAMINE: nothing we do can set \Seen
        except IMAPClientAbortError:
            raise
        except IMAPClientError as exc:
            raise ProviderError(f"the folder {name!r} on {self.settings['host']} cannot be opened: {exc}") from None
        uidvalidity = int(selected[b"UIDVALIDITY"])
        uidnext = int(selected.get(b"UIDNEXT", 0))
        same = bool(old) and old.get("name") == name and old.get("uidvalidity") == uidvalidity
        floor, floor_ids = since, set()
        if same:
            last = int(old.get("last_uid", 0))
            uids = [u for u in client.search(["UID", f"{last + 1}:*"]) if u > last]
        else:
            last = 0
            if old and old.get("high_water"):  # renumbered (or renamed): a bounded resync
                batch.stats["resyncs"] += 1
                high_water = datetime.fromisoformat(old["high_water"])
                if high_water > floor:
                    floor, floor_ids = high_water, set(old.get("high_water_ids", ()))
                log.warning("%s was renumbered (UIDVALIDITY changed) or replaced: reading again only mail that "
                            "arrived after %s", name, floor.isoformat())
            # SINCE compares dates only, in the server's idea of the day: ask a day early, filter here.
            uids = client.search(["SINCE", (floor.astimezone(timezone.utc) - timedelta(days=1)).date()])
        entry = {"name": name, "uidvalidity": uidvalidity, "uidnext": max(uidnext, max(uids, default=0) + 1),
                 "last_uid": max([last, *uids]), "highestmodseq": int(selected.get(b"HIGHESTMODSEQ", 0)),
                 "high_water": old.get("high_water", "") if same else "",
                 "high_water_ids": list(old.get("high_water_ids", ())) if same else []}
        messages, skipped = self._read(client, name, role, uidvalidity, sorted(uids), floor, floor_ids, entry,
                                       batch)
        return entry, messages, skipped

    def _status(self, client: IMAPClient, name: str) -> dict[str, int] | None:
        items = ["UIDVALIDITY", "UIDNEXT"]
        if client.has_capability("CONDSTORE"):
            items.append("HIGHESTMODSEQ")
        try:
            raw = client.folder_status(name, items)
        except IMAPClientAbortError:
            raise
        except IMAPClientError:
            return None  # no such folder (renamed or deleted)
        return {key.decode().lower(): int(value) for key, value in raw.items()}

    def _read(self, client: IMAPClient, folder: str, role: str, uidvalidity: int, uids: list[int],
              floor: datetime, floor_ids: set[str], entry: dict[str, Any],
              batch: SyncBatch) -> tuple[list[Message], list[tuple[str, str]]]:
        heads: dict[int, dict[bytes, Any]] = {}
        for i in range(0, len(uids), HEADER_CHUNK):
            chunk = uids[i:i + HEADER_CHUNK]
            heads.update(client.fetch(chunk, ["BODY.PEEK[HEADER]", "BODYSTRUCTURE", "RFC822.SIZE",
                                              "INTERNALDATE"]))
        batch.stats["headers_fetched"] += len(heads)
        wanted: list[tuple[int, bytes, datetime | None, bool]] = []  # uid, header, received, full body?
        high_water = datetime.fromisoformat(entry["high_water"]) if entry["high_water"] else None
        high_ids = set(entry["high_water_ids"])
        for uid in sorted(heads):
            data = heads[uid]
            header = bytes(data.get(b"BODY[HEADER]") or b"")
            received = _aware(data.get(b"INTERNALDATE"))
            mid = _header_message_id(header)
            if received is not None:
                if high_water is None or received > high_water:
                    high_water, high_ids = received, {mid}
                elif received == high_water:
                    high_ids.add(mid)
                if received < floor or (received == floor and mid in floor_ids):
                    continue  # before the look-back, or already returned before a UIDVALIDITY reset
            size = int(data.get(b"RFC822.SIZE") or 0)
            full = role == "sent" or _has_calendar(data.get(b"BODYSTRUCTURE")) or not _is_bulk(header)
            if full and size > MAX_BODY_BYTES:
                log.info("%s UID %d is %.1f MB, over the %d MB limit: reading its headers only", folder, uid,
                         size / 1048576, MAX_BODY_BYTES // 1048576)
                batch.stats["too_large"] += 1
                full = False
            wanted.append((uid, header, received, full))
        if high_water is not None:
            entry["high_water"], entry["high_water_ids"] = high_water.isoformat(), sorted(high_ids)

        bodies: dict[int, bytes] = {}
        full_uids = [(uid, int(heads[uid].get(b"RFC822.SIZE") or 0)) for uid, _h, _r, full in wanted if full]
        for chunk in _size_chunks(full_uids):
            for uid, data in client.fetch(chunk, ["BODY.PEEK[]"]).items():
                body = data.get(b"BODY[]")
                if body is not None:
                    bodies[uid] = bytes(body)
        batch.stats["bodies_fetched"] += len(bodies)

        messages: list[Message] = []
        skipped: list[tuple[str, str]] = []
        for uid, header, received, full in sorted(wanted, key=lambda w: (w[2] or floor, w[0])):
            key = f"{folder}:{uidvalidity}:{uid}"
            raw = bodies.get(uid) if full else None
            if raw is None:
                batch.stats["header_only"] += 1
                raw = _header_only(header)
            try:
                message = mime.parse_message(raw, key=key, folder=role, tz=self.tz, received=received)
            except MalformedInput as exc:
                skipped.append((key, str(exc) or "malformed mail"))
                log.info("skipped %s: %s", key, exc)
                continue
            except Exception as exc:  # noqa: BLE001 - B21: one bad mail never stops a run
                skipped.append((key, f"unreadable mail ({type(exc).__name__}: {exc})"[:300]))
                continue
            messages.append(message)
        return messages, skipped

    # -- drafts --------------------------------------------------------------------------------------

    def create_draft(self, raw: bytes, *, message_id: str, reply_to: Message | None) -> str:
        """APPEND `raw` to Drafts with \\Draft and \\Seen, dated by its Date header; returns
        "folder|uidvalidity|uid|sha256". IMAP has no thread ids: threading lives in the draft's headers.
        After a dropped connection the draft is looked up before it is appended again (B20)."""
        data = _crlf(raw)
        when = _date_header(data)
        digest = _sha(data)

        def append(client: IMAPClient) -> str:
            folder = self._drafts_folder(client, create=True)
            assert folder is not None
            response = client.append(folder, data, flags=DRAFT_FLAGS, msg_time=when)
            match = _APPENDUID.search(bytes(response or b""))
            if match:
                return f"{folder}|{int(match.group(1))}|{int(match.group(2))}|{digest}"
            ref = self._lookup(client, folder, message_id)  # no UIDPLUS: find what we just appended
            if ref is None:
                raise ProviderError(f"the draft {message_id} was appended to {folder} but cannot be found there")
            return ref

        def already_there(client: IMAPClient) -> str | None:
            folder = self._drafts_folder(client, create=True)
            return self._lookup(client, folder, message_id) if folder else None

        return self._op("writing a draft", append, before_retry=already_there)

    def find_draft(self, message_id: str) -> str | None:
        """The ref of the draft in Drafts with this Message-ID (SEARCH HEADER Message-ID), or None."""
        def find(client: IMAPClient) -> str | None:
            folder = self._drafts_folder(client, create=False)
            return self._lookup(client, folder, message_id) if folder else None
        return self._op("looking for a draft", find)

    def _lookup(self, client: IMAPClient, folder: str, message_id: str) -> str | None:
        wanted = _norm_mid(message_id)
        selected = client.select_folder(folder, readonly=True)
        uidvalidity = int(selected[b"UIDVALIDITY"])
        uids = client.search(["NOT", "DELETED", "HEADER", "Message-ID", wanted])
        if not uids:
            return None
        # SEARCH HEADER matches substrings: check the exact Message-ID, newest first.
        fetched = client.fetch(sorted(uids), ["BODY.PEEK[]"])
        for uid in sorted(fetched, reverse=True):
            body = bytes(fetched[uid].get(b"BODY[]") or b"")
            if _header_message_id(body) == wanted:
                return f"{folder}|{uidvalidity}|{uid}|{_sha(body)}"
        return None

    def draft_status(self, drafts: Sequence[DraftRecord]) -> dict[str, str]:
        """Per `record.key`: "present" (the same UID with \\Draft and the same content), "edited" (changed
        content, or another message in Drafts with that Message-ID) or "missing"."""
        if not drafts:
            return {}
        return self._op("checking drafts", lambda c: self._draft_status(c, drafts))

    def _draft_status(self, client: IMAPClient, drafts: Sequence[DraftRecord]) -> dict[str, str]:
        refs = {r.key: _parse_ref(r.provider_ref) for r in drafts}
        folders = {ref[0] for ref in refs.values() if ref}
        current = self._drafts_folder(client, create=False)
        if current:
            folders.add(current)
        # For each folder: uidvalidity, and uid -> (message-id, flags); bodies fetched on demand.
        seen: dict[str, tuple[int, dict[int, tuple[str, tuple[bytes, ...]]]]] = {}
        for folder in sorted(folders):
            try:
                selected = client.select_folder(folder, readonly=True)
            except IMAPClientAbortError:
                raise
            except IMAPClientError:
                continue  # the folder is gone: its drafts are missing
            uids = client.search(["NOT", "DELETED"])
            listing: dict[int, tuple[str, tuple[bytes, ...]]] = {}
            if uids:
                for uid, data in client.fetch(uids, ["FLAGS", "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]).items():
                    head = next((bytes(v) for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"")
                    listing[uid] = (_header_message_id(head), tuple(data.get(b"FLAGS", ())))
            seen[folder] = (int(selected[b"UIDVALIDITY"]), listing)

        result: dict[str, str] = {}
        need_body: dict[str, set[int]] = {}
        plans: dict[str, tuple[str, list[int], str]] = {}  # key -> (folder, candidate uids, digest)
        for record in drafts:
            ref = refs[record.key]
            mid = _norm_mid(record.message_id) if record.message_id else ""
            folder = ref[0] if ref else current
            if folder not in seen:
                result[record.key] = "missing"
                continue
            uidvalidity, listing = seen[folder]
            if ref and ref[1] == uidvalidity and ref[2] in listing:
                uid = ref[2]
                its_mid, flags = listing[uid]
                if (not mid or its_mid == mid) and b"\\draft" in {f.lower() for f in flags}:
                    plans[record.key] = (folder, [uid], ref[3])
                    need_body.setdefault(folder, set()).add(uid)
                    continue
                if its_mid == mid:
                    result[record.key] = "edited"  # the user cleared \Draft: no longer ours to touch
                    continue
            others = [uid for uid, (m, _f) in listing.items() if mid and m == mid]
            if not others:
                result[record.key] = "missing"
            elif ref and ref[1] == uidvalidity:
                result[record.key] = "edited"  # saved again under a new UID
            else:
                # No ref, or the folder was renumbered: the same content means the same draft.
                plans[record.key] = (folder, others, ref[3] if ref else "")
                need_body.setdefault(folder, set()).update(others)

        bodies: dict[tuple[str, int], str] = {}
        for folder, uids in need_body.items():
            client.select_folder(folder, readonly=True)
            for uid, data in client.fetch(sorted(uids), ["BODY.PEEK[]"]).items():
                bodies[(folder, uid)] = _sha(bytes(data.get(b"BODY[]") or b""))
        for key, (folder, uids, digest) in plans.items():
            shas = [bodies.get((folder, uid)) for uid in uids]
            if not digest:
                result[key] = "present" if any(shas) else "missing"
            else:
                result[key] = "present" if digest in shas else "edited"
        return result


# ------------------------------------------------------------------------------------------------ helpers


def _parse_ref(ref: str) -> tuple[str, int, int, str] | None:
    parts = (ref or "").rsplit("|", 3)
    if len(parts) != 4:
        return None
    try:
        return parts[0], int(parts[1]), int(parts[2]), parts[3]
    except ValueError:
        return None


def _norm_mid(value: str) -> str:
    value = "".join(value.split())
    return value if value.startswith("<") else f"<{value.strip('<>')}>"


def _header_message_id(raw: bytes) -> str:
    end = raw.find(b"\r\n\r\n")
    end = raw.find(b"\n\n") if end < 0 else end
    head = raw if end < 0 else raw[:end + 2]
    value = BytesHeaderParser(policy=compat32).parsebytes(head).get("Message-ID")
    return _norm_mid(str(value)) if value else ""


def _crlf(raw: bytes) -> bytes:
    """IMAP wants CRLF line ends; the composer may hand over bare LFs."""
    return re.sub(rb"\r?\n", b"\r\n", raw)


def _sha(raw: bytes) -> str:
    # Line ends and trailing blank lines are normalised: servers may store either form.
    return hashlib.sha256(raw.replace(b"\r\n", b"\n").rstrip(b"\n")).hexdigest()


def _date_header(raw: bytes) -> datetime | None:
    value = BytesHeaderParser(policy=compat32).parsebytes(raw).get("Date")
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def _aware(value: Any) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _is_bulk(header: bytes) -> bool:
    """Newsletters and mailing lists (List-Id, List-Unsubscribe, Precedence: bulk/list/junk)."""
    parsed = BytesHeaderParser(policy=compat32).parsebytes(header)
    if parsed.get("List-Id") or parsed.get("List-Unsubscribe"):
        return True
    return str(parsed.get("Precedence", "")).strip().lower() in _BULK_PRECEDENCE


def _has_calendar(structure: Any) -> bool:
    """True when BODYSTRUCTURE shows a text/calendar part or an .ics file; also when it cannot be read
    (then the body is fetched rather than an invitation missed)."""
    try:
        return _walk_calendar(structure, depth=0)
    except (TypeError, ValueError, IndexError, AttributeError, UnicodeError):
        return True


def _walk_calendar(part: Any, depth: int) -> bool:
    if part is None or depth > 20:
        return depth > 20
    if isinstance(part[0], (list, tuple)):  # multipart: (parts..., subtype, ...) as imapclient gives it
        children = part[0] if getattr(part, "is_multipart", False) else [p for p in part
                                                                          if isinstance(p, (list, tuple))]
        return any(_walk_calendar(child, depth + 1) for child in children)
    kind = (_text(part[0]).lower(), _text(part[1]).lower())
    if kind in _CALENDAR_TYPES:
        return True
    words = [_text(x).lower() for x in _flatten(part[2:])]
    return any(w.endswith(".ics") or w.endswith(".vcs") for w in words)


def _flatten(items: Any) -> list[Any]:
    out: list[Any] = []
    for item in items or ():
        if isinstance(item, (list, tuple)):
            out.extend(_flatten(item))
        elif item is not None:
            out.append(item)
    return out


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


_MIME_HEADERS = re.compile(rb"^(content-type|content-transfer-encoding|mime-version)\s*:", re.I)


def _header_only(header: bytes) -> bytes:
    """The header block alone, without its MIME headers, so a multipart newsletter whose body was not
    read does not look like a broken multipart message to the parser."""
    out: list[bytes] = []
    dropping = False
    for line in header.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):
            if not dropping:
                out.append(line)
            continue
        dropping = bool(_MIME_HEADERS.match(line))
        if not dropping:
            out.append(line)
    body = b"".join(out).rstrip(b"\r\n")
    return body + b"\r\n\r\n"


def _size_chunks(items: list[tuple[int, int]]) -> list[list[int]]:
    chunks: list[list[int]] = []
    current: list[int] = []
    total = 0
    for uid, size in items:
        if current and (total + size > BODY_CHUNK_BYTES or len(current) >= BODY_CHUNK_COUNT):
            chunks.append(current)
            current, total = [], 0
        current.append(uid)
        total += size
    if current:
        chunks.append(current)
    return chunks
