"""`interview-agent connect imap`: check that the server accepts a login (a password, a password command,
or an OAuth sign-in run here) and return the `[account]` table to write into the config. No password is
ever put in the table: it goes to the keyring or a 0600 file (imap_secrets.py), or stays with the command.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from agent.core.errors import ConfigError
from providers.imap_config import DEFAULT_AUTHORITY, DEFAULT_TIMEOUT, parse_settings
from providers.imap_secrets import run_password_command, store_password

log = logging.getLogger(__name__)


def connect_imap(host: str, port: int, username: str, password: str, security: str, *, config_dir: str,
                 tls_verify: bool = True, timeout: float = DEFAULT_TIMEOUT,
                 password_command: str = "", oauth: str = "", client_id: str = "",
                 authority: str = DEFAULT_AUTHORITY, client_secrets: Path | None = None, no_browser: bool = False,
                 echo: Callable[[str], None] | None = None, prompt: Callable[[str], str] | None = None,
                 http_client: Any = None, exit_condition: Callable[[dict], bool] | None = None) -> dict[str, Any]:
    """Check that the server accepts this login and return the `[account]` table to write into the config
    (it never holds a password).

    With `oauth` ("outlook" or "google") `password` is ignored: the sign-in runs first (Outlook: the
    device-code flow for `client_id` at `authority`, its message through `echo`; Google: the installed-app
    flow for the `client_secrets` file, in a browser or, with `no_browser`, by pasting back the address
    through `prompt`), the token is kept 0600 in <config_dir>/secrets/, the login is checked over IMAP with
    XOAUTH2, and the table carries `auth = "xoauth2"`, `oauth` and where the token is. `http_client` (MSAL's
    HTTP client, or a requests session for Google) and `exit_condition` (MSAL's device-flow poll) are for
    tests.

    Without `password_command` the password is stored (keyring, else a 0600 file). With it, `password` is
    ignored: the command is run (without a shell) for the login check, nothing is stored, and the table
    carries `password_command` so that every run asks the command again. AuthError when the login is
    refused, UnreachableError when the server cannot be reached, ConfigError for bad values or a command
    that fails."""
    account: dict[str, Any] = {"provider": "imap", "host": host, "port": port, "username": username,
                               "security": security}
    if not tls_verify:
        account["tls_verify"] = False
    if timeout != DEFAULT_TIMEOUT:
        account["timeout"] = timeout
    if oauth:
        if password_command:
            raise ConfigError("--password-command is not used with --oauth (the login uses an access token); "
                              "leave one of them out")
        if echo is None or prompt is None:
            raise TypeError("connect_imap(oauth=...) needs echo and prompt: the sign-in talks to the user")
        return _connect_oauth(account, config_dir, oauth=oauth, client_id=client_id, authority=authority,
                              client_secrets=client_secrets, no_browser=no_browser, echo=echo, prompt=prompt,
                              http_client=http_client, exit_condition=exit_condition)
    if password_command:
        account["password_command"] = password_command
    settings = parse_settings(account)
    if settings["password_command"]:
        password = run_password_command(settings["password_command"], settings["where"])
    _check_login(settings, lambda: password)
    if settings["password_command"]:
        log.info("IMAP login to %s as %s works; the password comes from password_command", host, username)
        return account
    where = store_password(config_dir, host, username, password)
    log.info("IMAP login to %s as %s works; password stored in %s", host, username, where)
    return account


def _connect_oauth(account: dict[str, Any], config_dir: str, *, oauth: str, client_id: str, authority: str,
                   client_secrets: Path | None, no_browser: bool, echo: Callable[[str], None],
                   prompt: Callable[[str], str], http_client: Any,
                   exit_condition: Callable[[dict], bool] | None) -> dict[str, Any]:
    """`connect imap --oauth ...`: sign in, check the XOAUTH2 login, return the table (see connect_imap)."""
    from providers.imap_oauth import google_installed_flow, outlook_device_flow, token_source

    account.update({"auth": "xoauth2", "oauth": oauth})
    if oauth == "outlook":
        account["client_id"] = (client_id or "").strip()
        if authority and authority.rstrip("/") != DEFAULT_AUTHORITY:
            account["authority"] = authority
    elif oauth == "google" and client_secrets is None:
        raise ConfigError("--oauth google needs --client-secrets FILE: the OAuth client (type \"Desktop app\") "
                          "you downloaded from the Google Cloud console (see the README)")
    settings = parse_settings(account, config_dir)
    token_path = Path(settings["token_path"])
    secrets_dir = token_path.parent
    secrets_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    secrets_dir.chmod(0o700)
    if oauth == "outlook":
        outlook_device_flow(settings["client_id"], settings["authority"], token_path, echo=echo,
                            reconnect=settings["reconnect"], http_client=http_client, exit_condition=exit_condition)
    else:
        assert client_secrets is not None
        google_installed_flow(Path(client_secrets), token_path, no_browser=no_browser, prompt=prompt, echo=echo,
                              reconnect=settings["reconnect"])
    source = token_source(settings, http_client=http_client)
    _check_login(settings, source.token, source.refresh)
    log.info("IMAP login to %s as %s with an OAuth token works; the token is kept in %s", account["host"],
             account["username"], token_path)
    account["token_cache" if oauth == "outlook" else "token_file"] = str(token_path)
    return account


def _check_login(settings: dict[str, Any], secret: Callable[[], str], refresh: Callable[[], str] | None = None) -> None:
    """Log in once and out again: AuthError when the server refuses, UnreachableError when it cannot be
    reached."""
    from providers.imap import ImapProvider  # imap.py re-exports connect_imap: imported here, when used

    provider = ImapProvider(settings, secret, tz=ZoneInfo("UTC"), refresh=refresh)
    try:
        provider.check_login()
    finally:
        provider.close()
