"""MSAL for the Outlook provider: the device-code connect, the token cache file and silent tokens from cron.

Glossary
- authority: the Microsoft identity endpoint (`https://login.microsoftonline.com/common` by default: work
  and personal accounts). MSAL reads its OIDC metadata when the app object is built, so building it
  already needs the network (or the injected `http_client` of the tests).
- token cache: MSAL's `SerializableTokenCache`, kept as JSON in one file at 0600 inside a 0700 folder
  (B22). It holds the refresh token: a secret. It is written only when MSAL says it changed.
- granted scopes: the scope strings the server echoed when it issued the tokens. Silent calls ask for
  exactly those, else MSAL misses its cache and refreshes over the network on every run.

Scopes are the fully-qualified Graph ones, least privilege: Mail.ReadWrite (read mail, write drafts; it
cannot send), Calendars.Read, User.Read. Never Mail.Send, so Microsoft itself refuses any send. MSAL adds
openid/profile/offline_access by itself and raises when they are passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import msal
import requests

from agent.core.errors import ConfigError
from providers.base import AuthError, ProviderError, UnreachableError
from providers.secret_files import write_private

GRAPH_RESOURCE = "https://graph.microsoft.com/"
GRAPH_SCOPES = tuple(GRAPH_RESOURCE + name for name in ("Mail.ReadWrite", "Calendars.Read", "User.Read"))
RESERVED_SCOPES = {"openid", "profile", "offline_access", "email"}
DEFAULT_AUTHORITY = "https://login.microsoftonline.com/common"
RECONNECT = "run: interview-agent connect outlook --client-id ID"
REFUSED_ERRORS = {"invalid_grant", "interaction_required", "invalid_client", "unauthorized_client",
                  "consent_required", "login_required", "unsupported_grant_type"}


# -- the cache file ---------------------------------------------------------------------------------


def load_cache(path: Path, *, reconnect_args: Sequence[str] = ()) -> msal.SerializableTokenCache:
    """The token cache stored at `path` (an empty one when the file does not exist). AuthError (carrying
    `reconnect_args`) when it is damaged."""
    cache = msal.SerializableTokenCache()
    try:
        if path.stat().st_mode & 0o077:  # B22: a token cache others could read is refused, with the fix
            raise ConfigError(f"the Outlook token cache {path} can be read by other users; run `chmod 600 {path}` "
                              f"(B22: secrets are kept readable by you alone)")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return cache
    except OSError as exc:
        raise ProviderError(f"cannot read the Outlook token cache {path}: {exc.strerror or exc}") from exc
    try:
        cache.deserialize(text)
    except ValueError as exc:
        raise AuthError(f"the Outlook token cache {path} is damaged; {RECONNECT}", reconnect=reconnect_args) from exc
    return cache


def save_cache(cache: msal.SerializableTokenCache, path: Path, *, force: bool = False) -> None:
    """Write the cache atomically at 0600 in a 0700 folder, only when MSAL changed it (or `force`)."""
    if not (force or cache.has_state_changed):
        return
    try:
        write_private(path, cache.serialize().encode("utf-8"))
    except OSError as exc:
        raise ProviderError(f"cannot write the Outlook token cache {path}: {exc.strerror or exc}") from exc
    cache.has_state_changed = False


def granted_scopes(cache: msal.SerializableTokenCache, client_id: str) -> list[str]:
    """The Graph scope strings the server granted (from the cached access token), else the defaults."""
    for entry in cache.search(msal.TokenCache.CredentialType.ACCESS_TOKEN, query={"client_id": client_id}):
        target = [s for s in str(entry.get("target", "")).split() if s.lower() not in RESERVED_SCOPES]
        names = {s.rsplit("/", 1)[-1].lower() for s in target}
        if names >= {s.rsplit("/", 1)[-1].lower() for s in GRAPH_SCOPES}:
            return target
    return list(GRAPH_SCOPES)


# -- the MSAL app -----------------------------------------------------------------------------------


def build_app(client_id: str, authority: str, cache: msal.SerializableTokenCache,
              http_client: Any) -> msal.PublicClientApplication:
    """A public client app. Instance discovery is MSAL's own for Microsoft hosts; a configured
    authority on another host is trusted as given (national clouds, tests)."""
    host = (urlsplit(authority).hostname or "").lower()
    known = host in getattr(msal.authority, "WELL_KNOWN_AUTHORITY_HOSTS", ())
    try:
        return msal.PublicClientApplication(client_id, authority=authority, token_cache=cache,
                                            http_client=http_client,
                                            instance_discovery=None if known else False)
    except requests.RequestException as exc:
        raise UnreachableError(f"cannot reach the Microsoft sign-in service at {authority}: "
                               f"{type(exc).__name__}") from exc
    except ValueError as exc:
        raise ProviderError(f"the Microsoft sign-in authority {authority} did not answer as expected "
                            f"({str(exc)[:160]}); check account.authority") from exc


class TokenSource:
    """Access tokens for Graph, from the cache file, refreshed silently; never interactive."""

    def __init__(self, client_id: str, authority: str, cache_path: Path, http_client: Any, *,
                 reconnect: Sequence[str] = ()):
        self.client_id = client_id
        self.reconnect = tuple(reconnect)  # the account's `connect` arguments, for AuthError
        self.authority = authority
        self.cache_path = cache_path
        self.http_client = http_client
        self._cache: msal.SerializableTokenCache | None = None
        self._app: msal.PublicClientApplication | None = None
        self._token: str | None = None
        self.last_source = ""  # "cache" | "identity_provider": how the last token was obtained

    def token(self) -> str:
        if self._token is None:
            self._token = self._acquire(force_refresh=False)
        return self._token

    def refresh(self) -> str:
        """A new token after Graph answered 401 to the current one."""
        self._token = self._acquire(force_refresh=True)
        return self._token

    def _acquire(self, *, force_refresh: bool) -> str:
        if self._cache is None:
            self._cache = load_cache(self.cache_path, reconnect_args=self.reconnect)
            if not any(True for _ in self._cache.search(msal.TokenCache.CredentialType.REFRESH_TOKEN)):
                raise AuthError(f"Outlook is not connected (no token in {self.cache_path}); {RECONNECT}",
                                reconnect=self.reconnect)
        if self._app is None:
            self._app = build_app(self.client_id, self.authority, self._cache, self.http_client)
        accounts = self._app.get_accounts()
        if not accounts:
            raise AuthError(f"Outlook is not connected (no account in {self.cache_path}); {RECONNECT}",
                            reconnect=self.reconnect)
        result = silent_token(self._app, self._cache, self.cache_path, granted_scopes(self._cache, self.client_id),
                              accounts[0], force_refresh=force_refresh, what="Outlook sign-in", reconnect=RECONNECT,
                              reconnect_args=self.reconnect)
        self.last_source = str(result.get("token_source", ""))
        return str(result["access_token"])


def silent_token(app: msal.PublicClientApplication, cache: msal.SerializableTokenCache, cache_path: Path,
                 scopes: Sequence[str], account: dict, *, force_refresh: bool, what: str, reconnect: str,
                 reconnect_args: Sequence[str] = ()) -> dict:
    """MSAL's silent token for `account` (never interactive), the cache saved whatever happens. Returns the
    result holding an access token; AuthError naming `reconnect` (and carrying `reconnect_args`, the
    `connect` arguments) when the sign-in expired or was refused,
    UnreachableError, or ProviderError. `what` names the sign-in in the messages ("Outlook sign-in")."""
    try:
        result = app.acquire_token_silent_with_error(list(scopes), account=account, force_refresh=force_refresh)
    except requests.RequestException as exc:
        raise UnreachableError(f"cannot reach the Microsoft sign-in service: {type(exc).__name__}") from exc
    finally:
        save_cache(cache, cache_path)
    if not result:
        raise AuthError(f"the {what} has expired; {reconnect}", reconnect=reconnect_args)
    if "access_token" not in result:
        code = str(result.get("error", "unknown_error"))
        if code in REFUSED_ERRORS:
            raise AuthError(f"Microsoft refused the stored {what} ({code}); {reconnect}", reconnect=reconnect_args)
        raise ProviderError(f"Microsoft sign-in failed ({code}); try again later or {reconnect}")
    return result


def device_flow(client_id: str, authority: str, cache_path: Path, http_client: Any,
                echo: Callable[[str], None], *, exit_condition: Callable[[dict], bool] | None = None,
                scopes: Sequence[str] = GRAPH_SCOPES, permissions: str = "", reconnect: str = "") -> dict:
    """Run the device-code flow for `scopes` (prints Microsoft's "go to ... and enter CODE" message through
    `echo`), store the tokens in the cache file (0600, 0700 folder) and return MSAL's result without the
    tokens' values. `permissions` names what the app registration needs beyond public client flows."""
    cache = load_cache(cache_path)
    app = build_app(client_id, authority, cache, http_client)
    try:
        flow = app.initiate_device_flow(scopes=list(scopes))
        if "user_code" not in flow:
            raise AuthError(f"Microsoft did not start the device sign-in ({flow.get('error', 'no user_code')}: "
                            f"{str(flow.get('error_description', ''))[:200]}); check that the app registration "
                            f"has \"Allow public client flows\" = Yes{permissions}")
        echo(str(flow.get("message") or f"Go to {flow.get('verification_uri')} and enter {flow['user_code']}"))
        kwargs = {"exit_condition": exit_condition} if exit_condition else {}
        result = app.acquire_token_by_device_flow(flow, **kwargs)
    except requests.RequestException as exc:
        raise UnreachableError(f"cannot reach the Microsoft sign-in service: {type(exc).__name__}") from exc
    if "access_token" not in result:
        again = f"; run: {reconnect}" if reconnect else ""
        raise AuthError(f"the Microsoft sign-in did not complete ({result.get('error', 'unknown_error')}: "
                        f"{str(result.get('error_description', ''))[:200]}){again}")
    save_cache(cache, cache_path, force=True)
    return {k: v for k, v in result.items() if k not in ("access_token", "refresh_token", "id_token")}


