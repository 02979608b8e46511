"""Signing in to Google for the gmail provider: `connect gmail` once, then silent refreshes from cron.

- connect: the installed-app ("Desktop app") OAuth flow with PKCE. With a browser, google-auth-oauthlib's
  `run_local_server` listens on a loopback port for the redirect. Without one (`--no-browser`), the
  authorization URL is printed, the user opens it on any machine, and pastes back the address of the
  page the browser then fails to load (http://localhost:PORT/?code=...): its code is exchanged with
  `fetch_token`. The out-of-band flow is gone (blocked by Google since 2023) and the device flow refuses
  Gmail scopes, so these are the two ways left.
- token file: `Credentials.to_json()` (refresh token, client id/secret, token URI, scopes, access token,
  expiry), 0600 in a 0700 folder (B22), written atomically (temp file + rename) and saved again whenever
  a refresh changed the access token.
- scopes, least privilege: gmail.readonly (mail, history), gmail.compose (drafts; Google has no scope
  that allows drafts without sending, so "never send" lives in the code), calendar.events.readonly
  (events of the calendars named), plus calendar.calendarlist.readonly only when other calendars than
  the primary one are configured.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from google.oauth2.credentials import Credentials

from agent.core.errors import ConfigError
from providers.base import AuthError
from providers.secret_files import write_private

GMAIL_READONLY = "https://www.googleapis.com/auth/gmail.readonly"
GMAIL_COMPOSE = "https://www.googleapis.com/auth/gmail.compose"
CALENDAR_EVENTS = "https://www.googleapis.com/auth/calendar.events.readonly"
CALENDAR_LIST = "https://www.googleapis.com/auth/calendar.calendarlist.readonly"
RECONNECT = "interview-agent connect gmail --client-secrets FILE"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
DEFAULT_NO_BROWSER_PORT = 8080


def scopes_for(calendars: list[str]) -> list[str]:
    scopes = [GMAIL_READONLY, GMAIL_COMPOSE, CALENDAR_EVENTS]
    if any(c != "primary" for c in calendars):
        scopes.append(CALENDAR_LIST)
    return scopes


def is_loopback(url: str) -> bool:
    return urllib.parse.urlsplit(url).hostname in LOOPBACK


# -- the token file ---------------------------------------------------------------------------------


def load_credentials(path: Path, *, token_uri: str | None, where: str) -> Credentials:
    """The saved sign-in. ConfigError naming `account.token_file` when there is none or it is unreadable."""
    if not path.is_file():
        raise ConfigError(f"{where}.token_file: {path} does not exist; sign in first with: {RECONNECT}")
    if path.stat().st_mode & 0o077:  # B22: a token others could read is refused, with the fix
        raise ConfigError(f"{where}.token_file: {path} can be read by other users; run `chmod 600 {path}` "
                          f"(B22: secrets are kept readable by you alone)")
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{where}.token_file: {path} is unreadable ({type(exc).__name__}); "
                          f"sign in again with: {RECONNECT}") from exc
    if not isinstance(info, dict) or not info.get("refresh_token"):
        raise ConfigError(f"{where}.token_file: {path} holds no refresh token; sign in again with: {RECONNECT}")
    try:
        return with_token_uri(Credentials.from_authorized_user_info(info), token_uri)
    except ValueError as exc:
        raise ConfigError(f"{where}.token_file: {path} is not a Google token file ({exc}); "
                          f"sign in again with: {RECONNECT}") from exc


def with_token_uri(creds: Credentials, token_uri: str | None) -> Credentials:
    """`from_authorized_user_info` always uses Google's token endpoint; the config may point elsewhere.
    google-auth's `with_token_uri` copy drops `expiry`, and a token without one counts as valid forever,
    so it is carried over."""
    if not token_uri:
        return creds
    copy = creds.with_token_uri(token_uri)
    copy.expiry = creds.expiry
    return copy


def save_credentials(creds: Credentials, path: Path, *, signed_in: bool = False) -> None:
    """Write the token JSON atomically, 0600, creating a 0700 folder when missing (B22). `signed_in_at` (UTC,
    ISO) records when this refresh token was obtained: now after a sign-in, else kept from the file while
    the refresh token is the same; `doctor` reads it to name Google's 7-day expiry of "Testing" apps."""
    data = json.loads(creds.to_json())
    stamp = datetime.now(UTC).replace(microsecond=0).isoformat() if signed_in else ""
    if not stamp:
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(old, dict) and old.get("refresh_token") == data.get("refresh_token"):
                stamp = str(old.get("signed_in_at") or "")
        except (OSError, ValueError):
            pass
    if stamp:
        data["signed_in_at"] = stamp
    write_private(path, json.dumps(data).encode("utf-8"))


def signed_in_days(path: Path, now: datetime | None = None) -> float | None:
    """Days since the saved refresh token was obtained (`signed_in_at`), None when unknown."""
    try:
        stamp = datetime.fromisoformat(str(json.loads(path.read_text(encoding="utf-8"))["signed_in_at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return ((now or datetime.now(UTC)) - stamp).total_seconds() / 86400


def fingerprint(creds: Credentials) -> tuple[Any, ...]:
    return (creds.token, creds.refresh_token, creds.expiry)


# -- connect ----------------------------------------------------------------------------------------


@contextmanager
def _oauthlib_settings(client_config: dict[str, Any]) -> Iterator[None]:
    """oauthlib refuses plain http; allow it only when every endpoint is on this machine (tests, a local
    fake), and accept a consent that granted fewer scopes (checked below with a clear message)."""
    saved = {k: os.environ.get(k) for k in ("OAUTHLIB_INSECURE_TRANSPORT", "OAUTHLIB_RELAX_TOKEN_SCOPE")}
    os.environ["OAUTHLIB_RELAX_TOKEN_SCOPE"] = "1"
    if all(is_loopback(client_config.get(k, "")) for k in ("auth_uri", "token_uri")):
        os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def sign_in(client_secrets: Path, scopes: list[str], *, no_browser: bool, port: int,
            prompt: Callable[[str], str], echo: Callable[[str], None], reconnect: str) -> Credentials:
    """The installed-app flow with PKCE: a loopback redirect, or with `no_browser` the printed address and
    the pasted redirect (providers.md §1). Returns credentials holding a refresh token and every scope asked
    for; AuthError (naming `reconnect`) or ConfigError (a bad client file) otherwise."""
    from google_auth_oauthlib.flow import InstalledAppFlow
    from oauthlib.oauth2.rfc6749.errors import OAuth2Error

    try:
        flow = InstalledAppFlow.from_client_secrets_file(str(client_secrets), scopes=scopes)
    except (ValueError, KeyError, OSError) as exc:
        raise ConfigError(f"--client-secrets {client_secrets}: not an OAuth client file from the Google Cloud "
                          f"console ({type(exc).__name__}: {exc}); download the JSON of a \"Desktop app\" "
                          f"client (APIs & Services > Credentials)") from exc
    if flow.client_type != "installed":
        raise ConfigError(f"--client-secrets {client_secrets} is a \"{flow.client_type}\" client; create an "
                          f"OAuth client of type \"Desktop app\" and download its JSON")
    try:
        with _oauthlib_settings(flow.client_config):
            if no_browser:
                flow.redirect_uri = f"http://localhost:{port or DEFAULT_NO_BROWSER_PORT}/"
                url, _state = flow.authorization_url(access_type="offline", prompt="consent")
                echo("Open this address in a browser (on any machine), sign in and allow access:")
                echo("")
                echo(url)
                echo("")
                echo(f"The browser then tries to open {flow.redirect_uri} and shows an error page. "
                     "Copy that page's full address from the address bar and paste it here.")
                pasted = prompt("Address of the page that did not load").strip()
                if not pasted.startswith(flow.redirect_uri.rstrip("/")) or "code=" not in pasted:
                    raise AuthError(f"that is not the address the sign-in led to (it starts with "
                                    f"{flow.redirect_uri} and holds code=...); run: {reconnect} --no-browser")
                # The flow only accepts https addresses: the same rewrite run_local_server does.
                flow.fetch_token(authorization_response=pasted.replace("http:", "https:", 1))
            else:
                flow.run_local_server(open_browser=True, port=port, access_type="offline", prompt="consent",
                                      authorization_prompt_message="If no browser opened, visit this address:\n{url}",
                                      success_message="Signed in. You can close this tab and return to the terminal.")
    except OAuth2Error as exc:
        raise AuthError(f"Google refused the sign-in ({exc.error}: {exc.description or ''}); run: {reconnect}") from exc
    creds = flow.credentials
    if not creds.refresh_token:
        raise AuthError(f"Google returned no refresh token, so the agent could not run unattended; "
                        f"remove the app's access at https://myaccount.google.com/permissions and run: {reconnect}")
    granted = set(getattr(creds, "granted_scopes", None) or creds.scopes or [])
    missing = [s for s in scopes if s not in granted]
    if granted and missing:
        raise AuthError("the sign-in did not allow " + ", ".join(s.rsplit("/", 1)[-1] for s in missing)
                        + f"; run {reconnect} again and tick every box on the consent screen")
    return creds


def connect(client_secrets: Path, *, config_dir: Path, no_browser: bool, port: int, calendars: list[str],
            prompt: Callable[[str], str], echo: Callable[[str], None]) -> dict[str, Any]:
    """Sign in once and store the token 0600 in <config_dir>/secrets/; return the [account] table."""
    wanted = ["primary", *[c for c in calendars if c and c != "primary"]]
    creds = sign_in(client_secrets, scopes_for(wanted), no_browser=no_browser, port=port, prompt=prompt,
                    echo=echo, reconnect=RECONNECT)
    secrets_dir = Path(config_dir) / "secrets"
    secrets_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    secrets_dir.chmod(0o700)
    token_file = secrets_dir / "gmail-token.json"
    save_credentials(creds, token_file, signed_in=True)
    account: dict[str, Any] = {"provider": "gmail", "token_file": str(token_file)}
    if wanted != ["primary"]:
        account["calendars"] = wanted
    return account
