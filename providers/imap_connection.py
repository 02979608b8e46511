"""The IMAP connection: TLS or STARTTLS (verified), login, and a count of the commands sent.

Every failure to connect or log in becomes an error of providers/base.py whose message names the
`[account]` key to check. `DROPPED` lists the exceptions that mean the connection is gone (the provider
reconnects once on them).
"""

from __future__ import annotations

import imaplib
import logging
import socket
import ssl
from collections import Counter
from collections.abc import Callable
from typing import Any

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import CapabilityError, IMAPClientAbortError, IMAPClientError, LoginError
from imapclient.tls import IMAP4_TLS, wrap_socket

from providers.base import AuthError, ProviderError, UnreachableError

log = logging.getLogger("providers.imap")

DROPPED = (IMAPClientAbortError, imaplib.IMAP4.abort, OSError)  # the connection is gone: reconnect once


class CommandCounter:
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

        imap._new_tag = counting_new_tag  # type: ignore[attr-defined]  # private, so not in the stdlib stubs
        imap.send = counting_send  # type: ignore[method-assign]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class _TLS(IMAP4_TLS):
    """imapclient's implicit-TLS transport, closing the socket when the handshake fails (a long-running
    daemon must not leak one file descriptor per failed attempt)."""

    def _create_socket(self, timeout: float | None = None) -> socket.socket:
        sock = socket.create_connection((self.host, self.port), timeout if timeout is not None else self._timeout)
        try:
            return wrap_socket(sock, self.ssl_context, self.host)
        except BaseException:
            sock.close()
            raise


class _Client(IMAPClient):
    def _create_IMAP4(self):  # imapclient's documented factory method
        if self.ssl and not self.stream:
            return _TLS(self.host, self.port, self.ssl_context, getattr(self._timeout, "connect", None))
        return super()._create_IMAP4()


def open_connection(s: dict[str, Any], secret: Callable[[], str], counter: CommandCounter,
                    refresh: Callable[[], str] | None = None) -> IMAPClient:
    """A logged-in connection for the settings `s` (imap_config.parse_settings), its commands counted by
    `counter`. Raises UnreachableError (no server, no TLS, a certificate that fails), AuthError (login
    refused) or ProviderError, each naming the key to check; other errors of `secret` pass through.

    XOAUTH2: `secret` gives the access token. When the server refuses it and `refresh` is given, a new
    token is fetched with `refresh` (forced) and the login is tried once more on a fresh connection; a
    second refusal is an AuthError naming the reconnect command."""
    try:
        return _open_connection(s, secret, counter)
    except _TokenRefused:
        if refresh is None:
            raise _token_refused(s) from None
    log.info("the IMAP server %s refused the access token for %s; getting a new one and trying once more",
             s["host"], s["username"])
    try:
        return _open_connection(s, refresh, counter)
    except _TokenRefused:
        raise _token_refused(s) from None


class _TokenRefused(Exception):
    """The server answered AUTHENTICATE XOAUTH2 with a refusal (the connection is closed already)."""


def _token_refused(s: dict[str, Any]) -> AuthError:
    how = f"run: {s['reconnect']}" if s.get("reconnect") else "connect the account again to renew it"
    return AuthError(f"the IMAP server {s['host']} refused the access token for {s['username']}; {how}",
                     reconnect=s.get("reconnect_args", ()))


def _open_connection(s: dict[str, Any], secret: Callable[[], str], counter: CommandCounter) -> IMAPClient:
    host, port = s["host"], s["port"]
    context = None
    if s["security"] != "none":
        context = ssl.create_default_context()
        if not s["tls_verify"]:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
    try:
        client = _open_client(s, context, counter)
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
    except (ConnectionRefusedError, TimeoutError) as exc:
        raise UnreachableError(f"cannot connect to the IMAP server {host}:{port} "
                               f"({type(exc).__name__}); check {s['where']}.host and .port, and that the "
                               f"server is up") from None
    except (OSError, IMAPClientError) as exc:
        raise UnreachableError(f"cannot connect to the IMAP server {host}:{port}: {exc}; check "
                               f"{s['where']}.host, .port and .security") from None
    try:
        password = secret()
        if s["auth"] == "xoauth2":
            client.oauth2_login(s["username"], password)
        else:
            client.login(s["username"], password)
        # Servers list their capabilities in the login answer; keep them now, before the next SELECT
        # flushes them and imapclient has to ask with a CAPABILITY command.
        client.capabilities()
    except LoginError:
        discard(client)
        if s["auth"] == "xoauth2":
            raise _TokenRefused() from None
        raise AuthError(f"the IMAP server {host} refused the login for {s['username']}: check the password "
                        f"(or app password, if your provider uses 2-step verification) and run "
                        f"`interview-agent connect imap` again", reconnect=s.get("reconnect_args", ())) from None
    except DROPPED as exc:
        discard(client)
        raise UnreachableError(f"the IMAP server {host}:{port} closed the connection during login "
                               f"({type(exc).__name__})") from None
    except IMAPClientError as exc:
        discard(client)
        raise ProviderError(f"the IMAP server {host} answered the login with an error: {exc}") from None
    except BaseException:  # e.g. the token getter failed: close the socket, let its error through
        discard(client)
        raise
    return client

def _open_client(s: dict[str, Any], context: ssl.SSLContext | None, counter: CommandCounter) -> IMAPClient:
    client = _Client(s["host"], s["port"], ssl=s["security"] == "tls", ssl_context=context,
                     timeout=SocketTimeout(s["timeout"], s["timeout"]))
    try:
        counter.install(client._imap)
        client.normalise_times = False  # aware INTERNALDATEs, not naive local times
        if s["security"] == "starttls":
            client.starttls(context)
    except BaseException:
        discard(client)
        raise
    return client


def discard(client: IMAPClient) -> None:
    """Close a connection without a LOGOUT (it is broken or unwanted)."""
    try:
        client.shutdown()
    except Exception as exc:
        log.debug("closing a dead IMAP connection: %s", type(exc).__name__)
