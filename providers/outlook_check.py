"""`doctor` for the Outlook provider: the sign-in, the mailbox and the calendar, read-only, each problem
with its fix.

Checks, in order (a failed sign-in ends the list: nothing after it can be asked):
- token cache: present, mode 600 in a 700 folder (B22), with an account in it;
- sign-in: a silent token with force_refresh, so that the refresh token a cron run needs is proven, not
  just an access token still valid for the hour; interaction_required / invalid_grant -> reconnect;
- scopes: what the identity platform granted includes Mail.ReadWrite, Calendars.Read and User.Read, and
  NOT Mail.Send (the agent must not be able to send: remove it from the app registration);
- /me; the Drafts and Sent Items folders and one message of each ($top=1, id only); the calendar
  (calendarView over the next 30 days, $top=1, id only).

B19: GET requests only; the one write is the token cache, saved by MSAL's refresh as on every run.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import msal

from agent.core.errors import AgentError
from providers.base import CheckLine
from providers.outlook_auth import GRAPH_SCOPES, RECONNECT, RESERVED_SCOPES, load_cache
from providers.secret_files import private_file

if TYPE_CHECKING:
    from providers.outlook import OutlookProvider

NEEDED = tuple(s.rsplit("/", 1)[-1] for s in GRAPH_SCOPES)  # Mail.ReadWrite, Calendars.Read, User.Read
FORBIDDEN = ("mail.send", "mail.send.shared")
FOLDERS = (("drafts", "Drafts folder"), ("sentitems", "Sent Items folder"))


def reconnect(provider: OutlookProvider) -> str:
    tokens = provider.graph.tokens
    return RECONNECT.replace("--client-id ID", f"--client-id {tokens.client_id}")


def check(provider: OutlookProvider) -> list[CheckLine]:
    cache_line = _cache_file(provider)
    out: list[CheckLine] = [cache_line]
    if not cache_line[1]:
        return out
    account = _account(provider)
    out.append(account)
    if not account[1]:
        return out
    signed_in = _sign_in(provider)
    out.append(signed_in)
    if not signed_in[1]:
        return out
    out.append(_scopes(provider))
    try:
        _status, me = provider.graph.json("GET", "me", params={"$select": "mail,userPrincipalName"})
    except AgentError as exc:
        return out + [("mailbox", False, _fix(provider, exc))]
    out.append(("mailbox", True, f"/me answers: {me.get('mail') or me.get('userPrincipalName') or '?'}"))
    out += [_folder(provider, folder, what) for folder, what in FOLDERS]
    out.append(_calendar(provider))
    return out


def _fix(provider: OutlookProvider, exc: AgentError) -> str:
    return str(exc).replace(RECONNECT, reconnect(provider))


def _cache_file(provider: OutlookProvider) -> CheckLine:
    path = provider.graph.tokens.cache_path
    return private_file(path, "token cache", f"Outlook is not connected; {reconnect(provider)}")


def _account(provider: OutlookProvider) -> CheckLine:
    tokens = provider.graph.tokens
    try:
        cache = load_cache(tokens.cache_path, reconnect_args=tokens.reconnect)
    except AgentError as exc:
        return ("account", False, _fix(provider, exc))
    accounts = list(cache.search(msal.TokenCache.CredentialType.ACCOUNT))
    has_refresh = any(True for _ in cache.search(msal.TokenCache.CredentialType.REFRESH_TOKEN,
                                                 query={"client_id": tokens.client_id}))
    if not accounts or not has_refresh:
        return ("account", False, (f"no signed-in account for the app {tokens.client_id} in {tokens.cache_path}; "
                                  f"{reconnect(provider)}"))
    return ("account", True, str(accounts[0].get("username") or "signed in"))


def _sign_in(provider: OutlookProvider) -> CheckLine:
    tokens = provider.graph.tokens
    try:
        tokens.refresh()  # acquire_token_silent with force_refresh: the refresh token itself is tried
    except AgentError as exc:
        return ("sign-in", False, _fix(provider, exc))
    return ("sign-in", True, f"a silent token refresh works ({tokens.authority})")


def _granted(provider: OutlookProvider) -> list[str]:
    """The scopes of the newest access token in the cache (what the identity platform granted)."""
    tokens = provider.graph.tokens
    cache = tokens._cache or load_cache(tokens.cache_path, reconnect_args=tokens.reconnect)
    entries: list[dict[str, Any]] = list(cache.search(msal.TokenCache.CredentialType.ACCESS_TOKEN,
                                                      query={"client_id": tokens.client_id}))
    if not entries:
        return []
    newest = max(entries, key=lambda e: int(e.get("cached_at") or 0))
    return [s for s in str(newest.get("target", "")).split() if s.lower() not in RESERVED_SCOPES]


def _scopes(provider: OutlookProvider) -> CheckLine:
    granted = _granted(provider)
    names = {s.rsplit("/", 1)[-1].lower(): s.rsplit("/", 1)[-1] for s in granted}
    if not names:
        return ("scopes", True, "the sign-in did not say which permissions it carries; the calls below test them")
    sending = [names[n] for n in FORBIDDEN if n in names]
    missing = [n for n in NEEDED if n.lower() not in names]
    problems = []
    if sending:
        problems.append(f"the sign-in holds {', '.join(sending)}, which lets the app send mail as you, and this agent "
                        f"must not be able to: remove it from the app registration (Microsoft Entra admin center > "
                        f"App registrations > the app > API permissions > Microsoft Graph > {sending[0]} > Remove "
                        f"permission; revoke the consent already given at https://myapps.microsoft.com or "
                        f"https://account.live.com/consent/Manage), then {reconnect(provider)}")
    if missing:
        problems.append(f"the sign-in lacks {', '.join(missing)}: add the delegated Microsoft Graph permission(s) to "
                        f"the app registration, then {reconnect(provider)}")
    if problems:
        return ("scopes", False, "; ".join(problems))
    extra = sorted(v for k, v in names.items() if k not in {n.lower() for n in NEEDED})
    more = f"; also granted: {', '.join(extra)} (not needed)" if extra else ""
    return ("scopes", True, f"{', '.join(NEEDED)}, and not Mail.Send{more}")


def _folder(provider: OutlookProvider, folder: str, what: str) -> CheckLine:
    try:
        status, body = provider.graph.json("GET", f"me/mailFolders('{folder}')",
                                           params={"$select": "id,displayName,totalItemCount"})
        if status == 200:
            status, _page = provider.graph.json("GET", f"me/mailFolders('{folder}')/messages",
                                                params={"$top": "1", "$select": "id"})
    except AgentError as exc:
        return (what, False, _fix(provider, exc))
    if status != 200:
        return (what, False, (f"Microsoft Graph found no {what} in this mailbox ({status}); sign in to Outlook on "
                             f"the web once so that Exchange creates its default folders, then run doctor again"))
    count = body.get("totalItemCount")
    items = f", {count} item(s)" if count is not None else ""
    return (what, True, f"{body.get('displayName') or folder} readable{items}")


def _calendar(provider: OutlookProvider) -> CheckLine:
    now = datetime.now(UTC).replace(microsecond=0)
    params = {"startDateTime": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
              "endDateTime": (now + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
              "$top": "1", "$select": "id"}
    try:
        status, _page = provider.graph.json("GET", "me/calendarView", params=params)
    except AgentError as exc:
        return ("calendar", False, _fix(provider, exc))
    if status != 200:
        return ("calendar", False, (f"Microsoft Graph found no calendar for this mailbox ({status}); open Outlook "
                                   f"on the web once so that Exchange creates it, then run doctor again"))
    return ("calendar", True, "the default calendar is readable (calendarView)")
