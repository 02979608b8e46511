"""The IMAP account's settings: the `[account]` keys of `provider = "imap"` checked and given defaults.

Keys: `host`, `username` (required); `port` (993 for tls, else 143); `security` ("tls" | "starttls" | "none",
the last for loopback hosts only); `tls_verify` (default true); `auth` ("password" | "xoauth2");
`password_command`; `drafts_folder`, `sent_folder`; `timeout` (seconds, default 30).

XOAUTH2 (`auth = "xoauth2"`, the default once `oauth` is set): `oauth = "outlook"` with `client_id` (the
Entra app registration), `authority` (default https://login.microsoftonline.com/common) and `token_cache`
(default <config_dir>/secrets/imap-outlook-token-cache.json); or `oauth = "google"` with `token_file`
(default <config_dir>/secrets/imap-google-token.json). imap_oauth.py turns them into access tokens.

Keys starting with "_" are injected: `_tz` (the user's zone), `_where` and `_name` (the config path and
name of the table, for messages), `_token_getter` (a callable giving an XOAUTH2 token, for code that has
its own; it wins over `oauth`; its `refresh` attribute, when there is one, is called after a refusal),
`_http_client` (MSAL's HTTP client or Google's requests session, for tests).
"""

from __future__ import annotations

import ipaddress
import logging
import re
import shlex
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from agent.core.errors import ConfigError

log = logging.getLogger("providers.imap")  # one logger name for the whole IMAP provider

DEFAULT_TIMEOUT = 30.0
SECURITY = ("tls", "starttls", "none")
AUTH = ("password", "xoauth2")
OAUTH = ("outlook", "google")
DEFAULT_AUTHORITY = "https://login.microsoftonline.com/common"
OUTLOOK_CACHE_NAME = "imap-outlook-token-cache.json"
GOOGLE_TOKEN_NAME = "imap-google-token.json"
KNOWN_KEYS = {"provider", "host", "port", "username", "security", "tls_verify", "auth", "password_command",
              "drafts_folder", "sent_folder", "timeout", "name", "oauth", "client_id", "authority", "token_cache",
              "token_file"}
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def parse_settings(account: dict[str, Any], config_dir: str | Path | None = None) -> dict[str, Any]:
    """The checked settings: `where`, `host`, `port`, `username`, `security`, `tls_verify`, `auth`,
    `password_command`, `timeout`, `drafts_folder`, `sent_folder`, and for XOAUTH2 `oauth` ("" when the
    token comes from `_token_getter`), `client_id`, `authority`, `token_path` (the token cache or file;
    relative paths and the defaults are resolved against `config_dir`, "" without one), `reconnect`
    (the command that renews the sign-in, for messages) and `reconnect_args` (the `connect` arguments
    for this account, base.py's glossary, which AuthError carries). Every problem is reported at once in
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
    oauth = account.get("oauth", "")
    auth = account.get("auth", "xoauth2" if oauth else "password")
    if auth not in AUTH:
        problems.append(f"{where}.auth = {auth!r} is not known; use \"password\" (also for app passwords) "
                        f"or \"xoauth2\"")
        auth = "password"
    has_getter = callable(account.get("_token_getter"))
    if oauth not in ("", *OAUTH):
        problems.append(f"{where}.oauth = {oauth!r} is not known; use \"outlook\" (Outlook.com, Microsoft 365) "
                        f"or \"google\" (Gmail)")
        oauth = ""
    if oauth and auth != "xoauth2":
        problems.append(f"{where}.oauth = \"{oauth}\" signs in with a token, but {where}.auth = \"{auth}\"; "
                        f"set auth = \"xoauth2\" (or remove auth), or remove oauth to log in with a password")
    if auth == "xoauth2" and not oauth and not has_getter:
        problems.append(f"{where}.auth = \"xoauth2\" needs an access token, and none is available for this "
                        f"account: set {where}.oauth = \"outlook\" or \"google\" and sign in with "
                        f"`interview-agent connect imap --oauth outlook --client-id ID` or "
                        f"`... --oauth google --client-secrets FILE`, or use auth = \"password\" with an "
                        f"app password")
    oauth_keys = _oauth_settings(account, oauth if auth == "xoauth2" and not has_getter else "", where,
                                 config_dir, problems)
    if auth == "xoauth2" and account.get("password_command"):
        log.warning("%s.password_command is ignored with auth = \"xoauth2\" (the login uses an access token)",
                    where)
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
    settings = {"where": where, "host": host, "port": port, "username": username, "security": security,
                "tls_verify": tls_verify, "auth": auth, "password_command": password_command,
                "timeout": float(timeout), **folders, **oauth_keys}
    settings["reconnect"] = reconnect_command(settings, account) if settings["oauth"] else ""
    settings["reconnect_args"] = reconnect_args(account)
    return settings


def reconnect_args(account: dict[str, Any]) -> tuple[str, ...]:
    """The `connect` arguments that sign this account in again (base.py's glossary): the keys as the
    config spells them; the password is asked for, never on the line."""
    args = ["imap"]
    for key in ("host", "port", "username", "security"):
        if account.get(key) not in (None, ""):
            args += [f"--{key}", str(account[key])]
    if account.get("password_command"):
        args += ["--password-command", str(account["password_command"])]
    return tuple(args)


def _oauth_settings(account: dict[str, Any], oauth: str, where: str, config_dir: str | Path | None,
                    problems: list[str]) -> dict[str, Any]:
    """`oauth`, `client_id`, `authority`, `token_path` for `oauth` ("" when XOAUTH2 is not configured)."""
    out: dict[str, Any] = {"oauth": oauth, "client_id": "", "authority": "", "token_path": ""}
    if not oauth:
        return out
    unused = "token_file" if oauth == "outlook" else "token_cache"
    for key in ("client_id", "authority", unused) if oauth == "google" else (unused,):
        if account.get(key) not in (None, ""):
            problems.append(f"{where}.{key} is not used with oauth = \"{oauth}\"; remove it")
    if oauth == "outlook":
        client_id = account.get("client_id", "")
        if not isinstance(client_id, str) or not _GUID.match(client_id.strip()):
            problems.append(f"{where}.client_id must be the application (client) ID of your Entra app "
                            f"registration, like \"00000000-0000-0000-0000-000000000000\"; run `interview-agent "
                            f"connect imap --oauth outlook --client-id ID` (see the README)")
            client_id = ""
        out["client_id"] = client_id.strip()
        authority = account.get("authority", DEFAULT_AUTHORITY)
        parts = urlsplit(authority.strip()) if isinstance(authority, str) else None
        if parts is None or parts.scheme != "https" or not parts.hostname or not parts.path.strip("/"):
            problems.append(f"{where}.authority = {authority!r} must be an https:// URL with a path, e.g. "
                            f"\"{DEFAULT_AUTHORITY}\" (or left out for that default)")
            authority = DEFAULT_AUTHORITY
        out["authority"] = authority.strip().rstrip("/")
    key, default = ("token_cache", OUTLOOK_CACHE_NAME) if oauth == "outlook" else ("token_file", GOOGLE_TOKEN_NAME)
    value = account.get(key, "")
    if not isinstance(value, str):
        problems.append(f"{where}.{key} must be a file path (a string), or left out for "
                        f"<config folder>/secrets/{default}")
        value = ""
    if value.strip():
        path = Path(value.strip()).expanduser()
        if not path.is_absolute() and config_dir is not None:
            path = Path(config_dir) / path
        out["token_path"] = str(path)
    elif config_dir is not None:
        out["token_path"] = str(Path(config_dir) / "secrets" / default)
    return out


def reconnect_command(settings: dict[str, Any], account: dict[str, Any]) -> str:
    """The `interview-agent connect imap --oauth ...` command that signs this account in again."""
    where = settings["where"]
    name = account.get("_name") or account.get("name")
    words = ["interview-agent", "connect"]
    if name and where != "account":
        words += ["--account", str(name)]
    words += ["imap", "--host", settings["host"], "--port", str(settings["port"]), "--username",
              settings["username"], "--security", settings["security"], "--oauth", settings["oauth"]]
    if settings["oauth"] == "outlook":
        words += ["--client-id", settings["client_id"] or "ID"]
        if settings["authority"] != DEFAULT_AUTHORITY:
            words += ["--authority", settings["authority"]]
    else:
        words += ["--client-secrets", "FILE"]
    return shlex.join(words)


def is_loopback(host: str) -> bool:
    """True for a name or address of this machine, the only hosts `security = "none"` may be used with."""
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
