"""Access tokens for IMAP's XOAUTH2 login: Outlook.com / Microsoft 365 through MSAL, Gmail through google-auth.

Glossary
- token source: an object with `token()` (a usable access token, refreshed silently when it has expired)
  and `refresh()` (a new one, asked for after the IMAP server refused the current one).
- Outlook: scope `https://outlook.office.com/IMAP.AccessAsUser.All`, asked for in its own MSAL calls (one
  token per resource: never mixed with Graph scopes). MSAL's token cache is a JSON file, 0600 in a 0700
  folder (B22), written only when MSAL changed it (outlook_auth.save_cache). The device-code flow signs in.
- Google: scope `https://mail.google.com/`, the only Gmail scope IMAP accepts (restricted, full access to
  the mailbox: `provider = "gmail"` is the least-privilege way to reach Gmail). The token file is
  `Credentials.to_json()`, 0600 in a 0700 folder, saved again whenever a refresh changed it. The
  installed-app flow (browser, or paste-back with `no_browser`) signs in, as in gmail_auth.py.

A refresh the identity provider refuses is an AuthError naming the exact `connect imap` command that signs
in again (settings["reconnect"], built by imap_config). Tokens are never logged nor put in messages.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import msal
import requests

from agent.core.errors import ConfigError
from providers import gmail_auth, outlook_auth
from providers.base import AuthError, UnreachableError
from providers.outlook_auth import RESERVED_SCOPES, build_app, load_cache

log = logging.getLogger("providers.imap")

OUTLOOK_IMAP_SCOPE = "https://outlook.office.com/IMAP.AccessAsUser.All"
GOOGLE_IMAP_SCOPE = "https://mail.google.com/"
GOOGLE_REFUSED = ("invalid_grant", "invalid_client", "unauthorized_client", "invalid_scope")


def token_source(settings: dict[str, Any], *, http_client: Any = None) -> OutlookTokens | GoogleTokens:
    """The token source for the checked settings of an `oauth = "outlook" | "google"` account.
    `http_client`: MSAL's injectable HTTP client (Outlook) or a requests session (Google), for tests."""
    path = Path(settings["token_path"])
    if settings["oauth"] == "outlook":
        return OutlookTokens(settings["client_id"], settings["authority"], path, username=settings["username"],
                             reconnect=settings["reconnect"], http_client=http_client,
                             reconnect_args=settings["reconnect_args"])
    return GoogleTokens(path, reconnect=settings["reconnect"], session=http_client,
                        reconnect_args=settings["reconnect_args"])


# -- Outlook.com / Microsoft 365 ----------------------------------------------------------------------


def imap_scopes(cache: msal.SerializableTokenCache, client_id: str) -> list[str]:
    """The IMAP scope strings as the server granted them (silent calls must ask for exactly those, else
    MSAL misses its cache), else the default."""
    for entry in cache.search(msal.TokenCache.CredentialType.ACCESS_TOKEN, query={"client_id": client_id}):
        target = [s for s in str(entry.get("target", "")).split() if s.lower() not in RESERVED_SCOPES]
        if any(s.lower().endswith("imap.accessasuser.all") for s in target):
            return target
    return [OUTLOOK_IMAP_SCOPE]


class OutlookTokens:
    """IMAP access tokens from the MSAL cache file, refreshed silently; never interactive."""

    def __init__(self, client_id: str, authority: str, cache_path: Path, *, username: str, reconnect: str,
                 http_client: Any = None, reconnect_args: Sequence[str] = ()):
        self.client_id = client_id
        self.authority = authority
        self.cache_path = cache_path
        self.username = username
        self.reconnect = reconnect
        self.reconnect_args = tuple(reconnect_args)  # the account's `connect` arguments, for AuthError
        self.http_client = http_client
        self.last_source = ""  # "cache" | "identity_provider": how the last token was obtained
        self._cache: msal.SerializableTokenCache | None = None
        self._app: msal.PublicClientApplication | None = None

    def token(self) -> str:
        return self._acquire(force_refresh=False)

    def refresh(self) -> str:
        return self._acquire(force_refresh=True)

    def _acquire(self, *, force_refresh: bool) -> str:
        if self._cache is None:
            cache = load_cache(self.cache_path, reconnect_args=self.reconnect_args)
            if not any(True for _ in cache.search(msal.TokenCache.CredentialType.REFRESH_TOKEN)):
                raise AuthError(f"the IMAP sign-in for {self.username} is missing (no token in "
                                f"{self.cache_path}); run: {self.reconnect}", reconnect=self.reconnect_args)
            self._cache = cache
        if self._app is None:
            self._app = build_app(self.client_id, self.authority, self._cache, self.http_client)
        accounts = self._app.get_accounts(username=self.username) or self._app.get_accounts()
        if len(accounts) != 1:
            raise AuthError(f"the IMAP sign-in for {self.username} is missing from {self.cache_path} "
                            f"({len(accounts)} other accounts there); run: {self.reconnect}",
                            reconnect=self.reconnect_args)
        result = outlook_auth.silent_token(self._app, self._cache, self.cache_path,
                                           imap_scopes(self._cache, self.client_id), accounts[0],
                                           force_refresh=force_refresh, what=f"IMAP sign-in for {self.username}",
                                           reconnect=f"run: {self.reconnect}", reconnect_args=self.reconnect_args)
        self.last_source = str(result.get("token_source", ""))
        log.debug("IMAP access token for %s from %s", self.username, self.last_source)
        return str(result["access_token"])


def outlook_device_flow(client_id: str, authority: str, cache_path: Path, *, echo: Callable[[str], None],
                        reconnect: str, http_client: Any = None,
                        exit_condition: Callable[[dict], bool] | None = None) -> None:
    """Sign in with the device code for the IMAP scope alone (its own MSAL call: one token per resource)."""
    outlook_auth.device_flow(client_id, authority, cache_path, http_client, echo, exit_condition=exit_condition,
                             scopes=[OUTLOOK_IMAP_SCOPE], reconnect=reconnect,
                             permissions=" and the delegated permission IMAP.AccessAsUser.All")


# -- Gmail --------------------------------------------------------------------------------------------


class GoogleTokens:
    """IMAP access tokens from the Google token file, refreshed (and saved back) when expired."""

    def __init__(self, token_file: Path, *, reconnect: str, session: requests.Session | None = None,
                 reconnect_args: Sequence[str] = ()):
        self.token_file = token_file
        self.reconnect = reconnect
        self.reconnect_args = tuple(reconnect_args)  # the account's `connect` arguments, for AuthError
        self.session = session
        self.refreshes = 0
        self._creds: Any = None
        self._saved: tuple[Any, ...] = ()

    def token(self) -> str:
        creds = self._load()
        if not creds.valid:
            self._refresh(creds)
        return str(creds.token)

    def refresh(self) -> str:
        creds = self._load()
        self._refresh(creds)
        return str(creds.token)

    def _load(self) -> Any:
        if self._creds is not None:
            return self._creds
        from google.oauth2.credentials import Credentials

        path = self.token_file
        try:
            if path.stat().st_mode & 0o077:  # B22: a token others could read is refused, with the fix
                raise ConfigError(f"the Gmail IMAP token file {path} can be read by other users; run "
                                  f"`chmod 600 {path}` (B22: secrets are kept readable by you alone)")
            info = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise AuthError(f"the Gmail IMAP sign-in is missing (no {path}); run: {self.reconnect}",
                            reconnect=self.reconnect_args) from None
        except (OSError, ValueError) as exc:
            raise AuthError(f"the Gmail IMAP token file {path} is unreadable ({type(exc).__name__}); "
                            f"run: {self.reconnect}", reconnect=self.reconnect_args) from None
        if not isinstance(info, dict) or not info.get("refresh_token"):
            raise AuthError(f"the Gmail IMAP token file {path} holds no refresh token; run: {self.reconnect}",
                            reconnect=self.reconnect_args)
        scopes = info.get("scopes") or []
        if GOOGLE_IMAP_SCOPE not in (scopes.split() if isinstance(scopes, str) else scopes):
            raise AuthError(f"the token in {path} was not granted {GOOGLE_IMAP_SCOPE}, the only scope Gmail's "
                            f"IMAP accepts (a token of `connect gmail` cannot be used); run: {self.reconnect}",
                            reconnect=self.reconnect_args)
        try:
            creds = Credentials.from_authorized_user_info(info)
        except ValueError as exc:
            raise AuthError(f"{path} is not a Google token file ({exc}); run: {self.reconnect}",
                            reconnect=self.reconnect_args) from None
        creds = gmail_auth.with_token_uri(creds, str(info.get("token_uri") or ""))
        self._creds, self._saved = creds, gmail_auth.fingerprint(creds)
        return creds

    def _refresh(self, creds: Any) -> None:
        from google.auth import exceptions as auth_exceptions
        from google.auth.transport.requests import Request

        self.refreshes += 1
        try:
            creds.refresh(Request(self.session) if self.session is not None else Request())
        except auth_exceptions.RefreshError as exc:
            text = str(exc)
            code = next((c for c in GOOGLE_REFUSED if c in text), "")
            if code or not getattr(exc, "retryable", False):
                why = code or (text.splitlines()[0][:160] if text else "no reason given")
                hint = (" (tokens of an OAuth app left in \"Testing\" expire after 7 days)"
                        if code == "invalid_grant" else "")
                raise AuthError(f"Google refused the saved Gmail IMAP sign-in ({why}){hint}; "
                                f"run: {self.reconnect}", reconnect=self.reconnect_args) from None
            raise UnreachableError(f"Google's sign-in service failed ({text[:160]}); try again later") from None
        except auth_exceptions.TransportError as exc:
            raise UnreachableError(f"cannot reach Google's sign-in service ({type(exc).__name__})") from None
        now = gmail_auth.fingerprint(creds)
        if now != self._saved:
            gmail_auth.save_credentials(creds, self.token_file)
            self._saved = now


def google_installed_flow(client_secrets: Path, token_file: Path, *, no_browser: bool,
                          prompt: Callable[[str], str], echo: Callable[[str], None], reconnect: str,
                          port: int = 0) -> None:
    """Sign in once (the installed-app flow of gmail_auth) for the IMAP scope alone and store the token
    file 0600 in a 0700 folder."""
    creds = gmail_auth.sign_in(client_secrets, [GOOGLE_IMAP_SCOPE], no_browser=no_browser, port=port,
                               prompt=prompt, echo=echo, reconnect=reconnect)
    token_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    token_file.parent.chmod(0o700)
    gmail_auth.save_credentials(creds, token_file)
