"""The IMAP account's settings: the `[account]` keys of `provider = "imap"` checked and given defaults.

Keys: `host`, `username` (required); `port` (993 for tls, else 143); `security` ("tls" | "starttls" | "none",
the last for loopback hosts only); `tls_verify` (default true); `auth` ("password" | "xoauth2");
`password_command`; `drafts_folder`, `sent_folder`; `timeout` (seconds, default 30). Keys starting with
"_" are injected by the runner: `_tz` (the user's zone), `_token_getter` (XOAUTH2), `_where` (the config
path of the table, for messages).
"""

from __future__ import annotations

import ipaddress
import logging
import shlex
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agent.errors import ConfigError

log = logging.getLogger("providers.imap")  # one logger name for the whole IMAP provider

DEFAULT_TIMEOUT = 30.0
SECURITY = ("tls", "starttls", "none")
AUTH = ("password", "xoauth2")
KNOWN_KEYS = {"provider", "host", "port", "username", "security", "tls_verify", "auth", "password_command",
              "drafts_folder", "sent_folder", "timeout", "name"}


def parse_settings(account: dict[str, Any]) -> dict[str, Any]:
    """The checked settings: `where`, `host`, `port`, `username`, `security`, `tls_verify`, `auth`,
    `password_command`, `timeout`, `drafts_folder`, `sent_folder`. Every problem is reported at once in
    one ConfigError, each naming its key and the fix."""
    where = account.get("_where", "account")
    problems: list[str] = []
    for key in sorted(k for k in account if not k.startswith("_") and k not in KNOWN_KEYS):
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
    if security == "none" and host and not is_loopback(host):
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


def account_zone(account: dict[str, Any]) -> ZoneInfo:
    """The user's zone the runner injected as `_tz` (UTC when absent); ConfigError when it is not one."""
    value = account.get("_tz", "UTC")
    try:
        return value if isinstance(value, ZoneInfo) else ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"user.timezone = {value!r} is not an IANA time zone; use a name like "
                          f"\"America/New_York\"") from exc


def is_loopback(host: str) -> bool:
    """True for a name or address of this machine, the only hosts `security = "none"` may be used with."""
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
