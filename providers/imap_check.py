"""`doctor` for the IMAP provider: each piece an unattended run needs, read-only, each problem with its fix.

Checks, in order (a failure that makes the rest meaningless ends the list):
- password: where it comes from (password_command, the system keyring, or the 0600 secret file `connect
  imap` writes, whose folder must be 0700) - never its value (B22);
- server: reachable, over TLS with the certificate verified (or plain, for a server on this machine);
- login: accepted;
- Drafts folder, Sent folder: found, and how (`account.drafts_folder` / `sent_folder`, the RFC 6154
  SPECIAL-USE flag, or a usual name), and readable (EXAMINE, so nothing is changed);
- UIDPLUS, CONDSTORE: informational (what the provider does with or without them);
- calendar: informational (IMAP has none; invitations come in the mail).

B19: only LIST, EXAMINE and CAPABILITY are sent after LOGIN; no folder is created, nothing is appended.
"""

from __future__ import annotations

import shlex
import ssl
from pathlib import Path
from typing import TYPE_CHECKING, Any

from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from agent.core.errors import AgentError, ConfigError
from providers.base import AuthError, CheckLine, UnreachableError
from providers.imap_config import is_loopback
from providers.imap_folders import DRAFTS, DRAFTS_NAMES, SENT, SENT_NAMES
from providers.secret_files import private_file

if TYPE_CHECKING:
    from imapclient import IMAPClient

    from providers.imap import ImapProvider

MAX_LISTED = 12  # folder names shown in a "which one?" fix


def reconnect_command(s: dict[str, Any]) -> str:
    """The `connect imap` command for these settings (the password is asked for, never on the line)."""
    parts = ["interview-agent", "connect", "imap", "--host", s["host"], "--port", str(s["port"]),
             "--username", s["username"], "--security", s["security"]]
    if s.get("password_command"):
        parts += ["--password-command", s["password_command"]]
    return shlex.join(parts)


def check(provider: ImapProvider, config_dir: str | None = None) -> list[CheckLine]:
    """The doctor lines for `provider` (see the module docstring)."""
    s = provider.settings
    out: list[CheckLine] = [_password(s, config_dir)]
    try:
        client = provider._connection()
    except UnreachableError as exc:
        return out + [("server", False, str(exc))]
    except AuthError as exc:
        return out + [("server", True, _transport(s, None)), ("login", False, _refused(s, exc))]
    except ConfigError as exc:  # the password command or the token getter failed at login time
        return out + [("login", False, str(exc))]
    out.append(("server", _tls_ok(s), _transport(s, client)))
    out.append(("login", True, f"{s['username']} accepted ({'XOAUTH2' if s['auth'] == 'xoauth2' else 'password'})"))
    try:
        listing = provider.folders.listing(client)
        out.append(_folder(provider, client, listing, "drafts"))
        out.append(_folder(provider, client, listing, "sent"))
        caps = {bytes(c).upper() for c in client.capabilities()}
    except (IMAPClientAbortError, OSError) as exc:
        return out + [("server", False, (f"the connection to {s['host']} dropped during the checks "
                                        f"({type(exc).__name__}); run doctor again"))]
    except IMAPClientError as exc:
        return out + [("folders", False, f"{s['host']} refused to list the folders: {exc}")]
    out.append(("UIDPLUS", True, "yes: APPEND returns each draft's UID" if b"UIDPLUS" in caps
                else "no: after each APPEND the draft is found again with one SEARCH (works, one command more)"))
    out.append(("CONDSTORE", True, "yes: HIGHESTMODSEQ is kept with the cursor" if b"CONDSTORE" in caps
                else "no: a run with no new mail still costs one STATUS per folder (works)"))
    out.append(("calendar", True, "IMAP has no calendar API: invitations are read from the mail itself"))
    return out


# -- the password -------------------------------------------------------------------------------------
def _password(s: dict[str, Any], config_dir: str | None) -> CheckLine:
    from providers import imap_secrets

    where = s["where"]
    if s["auth"] == "xoauth2":
        if s.get("oauth") and s.get("token_path"):  # the sign-in `connect imap --oauth` stored (B22)
            what, ok, detail = private_file(Path(s["token_path"]), "sign-in token",
                                            f"run: {s.get('reconnect') or reconnect_command(s)}")
            return (what, ok, f"XOAUTH2 ({s['oauth']}), token in {detail}" if ok else detail)
        return ("password", True, "none needed: XOAUTH2 with the account's access token (tested at login)")
    if s["password_command"]:
        return ("password", True, (f"{where}.password_command ran and printed one (run without a shell; "
                                  f"only its first line is used)"))
    backend = imap_secrets.usable_keyring()
    if backend is not None:
        try:
            found = backend.get_password(imap_secrets.KEYRING_SERVICE,
                                         imap_secrets.keyring_user(s["host"], s["username"]))
        except Exception:
            found = None
        if found:
            return ("password", True, (f"in the system keyring ({type(backend).__name__}, service "
                                      f"{imap_secrets.KEYRING_SERVICE!r}, user "
                                      f"{imap_secrets.keyring_user(s['host'], s['username'])!r})"))
    if config_dir is None:
        return ("password", True, "found when the account was opened")
    path = imap_secrets.secret_file(config_dir, s["host"], s["username"])
    what, ok, detail = private_file(path, "password", f"run: {reconnect_command(s)}")
    return (what, ok, f"in {detail}" if ok else detail)


# -- the connection ----------------------------------------------------------------------------------
def _tls_ok(s: dict[str, Any]) -> bool:
    return s["security"] == "none" or s["tls_verify"] or is_loopback(s["host"])


def _transport(s: dict[str, Any], client: IMAPClient | None) -> str:
    where, host, port = s["where"], s["host"], s["port"]
    if s["security"] == "none":
        return f"{host}:{port} reached without TLS ({where}.security = \"none\", allowed for this machine only)"
    how = "implicit TLS" if s["security"] == "tls" else "STARTTLS"
    sock = getattr(getattr(client, "_imap", None), "sock", None)
    version = f", {sock.version()}" if isinstance(sock, ssl.SSLSocket) and sock.version() else ""
    if not s["tls_verify"]:
        text = (f"{host}:{port} reached over {how}{version}, but certificate checks are OFF "
                f"({where}.tls_verify = false)")
        if is_loopback(host):
            return text + "; accepted for a server on this machine"
        return text + f": anyone on the network path can read your password and mail; remove {where}.tls_verify " \
                      f"once the server has a valid certificate"
    return f"{host}:{port} reached over {how}{version}, certificate verified for {host}"


def _refused(s: dict[str, Any], exc: AgentError) -> str:
    if s["auth"] == "xoauth2":
        text, again = str(exc), s.get("reconnect") or ""
        return text if not again or again in text else f"{text}; run: {again}"
    if s["password_command"]:
        return (f"{s['host']} refused the password that {s['where']}.password_command printed for "
                f"{s['username']}: run the command by hand and correct what it prints (e.g. the entry in your "
                f"password store; an app password if your provider uses 2-step verification)")
    return (f"{s['host']} refused the stored password for {s['username']} (or app password, if your provider "
            f"uses 2-step verification); store the right one with: {reconnect_command(s)}")


# -- folders -------------------------------------------------------------------------------------------
def _folder(provider: ImapProvider, client: IMAPClient, listing: list[tuple[tuple[bytes, ...], str, str]],
            role: str) -> CheckLine:
    s = provider.settings
    what, key, flag, names = (("Drafts folder", "drafts_folder", DRAFTS, DRAFTS_NAMES) if role == "drafts"
                              else ("Sent folder", "sent_folder", SENT, SENT_NAMES))
    try:
        name = provider.folders.drafts(client, create=False) if role == "drafts" else provider.folders.sent(client)
    except ConfigError as exc:  # the configured name is not on the server
        return (what, False, f"{exc}; folders on the server: {_names(listing)}")
    if name is None:
        usual = ", ".join(names[:3])
        if role == "drafts":
            return (what, False, (f"none on {s['host']}: no folder is flagged {flag.decode()} (SPECIAL-USE) and none "
                                 f"has a usual name ({usual}, ...); set {s['where']}.{key} = \"NAME\" to the folder "
                                 f"your mail client keeps drafts in (folders on the server: {_names(listing)}); "
                                 f"without it the first draft creates a folder \"Drafts\""))
        return (what, False, (f"none on {s['host']}: no folder is flagged {flag.decode()} (SPECIAL-USE) and none has a "
                             f"usual name ({usual}, ...), so the agent cannot see the mail you send; set "
                             f"{s['where']}.{key} = \"NAME\" (folders on the server: {_names(listing)})"))
    flags = next((f for f, _d, n in listing if n == name), ())
    if s[key]:
        how = f"named by {s['where']}.{key}"
    elif flag.lower() in {bytes(f).lower() for f in flags}:
        how = f"flagged {flag.decode()} (SPECIAL-USE)"
    else:
        how = f"found by its name (no folder is flagged {flag.decode()}); set {s['where']}.{key} to choose another"
    try:
        selected = client.select_folder(name, readonly=True)  # EXAMINE: read-only, sets no flag
    except (IMAPClientAbortError, OSError):
        raise
    except IMAPClientError as exc:
        return (what, False, (f"{name!r} ({how}) cannot be opened: {exc}; set {s['where']}.{key} to a folder you "
                             f"can open"))
    count = int(selected.get(b"EXISTS", 0))
    return (what, True, f"{name!r}, {how}; {count} message(s)")


def _names(listing: list[tuple[tuple[bytes, ...], str, str]]) -> str:
    names = [n for f, _d, n in listing if b"\\noselect" not in {bytes(x).lower() for x in f}]
    shown = ", ".join(repr(n) for n in names[:MAX_LISTED])
    return shown + (f" and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED else "") if names else "none"
