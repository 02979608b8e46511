"""`doctor` for the gmail provider: the sign-in, the mailbox and each calendar, read-only, each problem
with its fix.

Checks, in order (a failed sign-in ends the list: nothing after it can be asked):
- token file: mode 600 in a 700 folder (B22; the provider already refuses a token file others can read);
- refresh token: one refresh against the token URI, always (a still-valid access token in the file would
  not prove that the refresh token a cron run needs an hour later still works); invalid_grant -> reconnect;
- scopes: the scopes Google answered with include gmail.readonly, gmail.compose, calendar.events.readonly,
  and calendar.calendarlist.readonly when calendars other than "primary" are configured; no broader one
  is asked for, and any broader one granted is named (least privilege);
- mailbox: users.getProfile; Drafts and Sent: the DRAFT and SENT system labels (users.labels.list);
- each calendar: events.list(maxResults=1), and calendarList.get for the ones other than "primary".

B19: only reading calls (getProfile, labels.list, events.list, calendarList.get); the one write is the
refreshed token, saved by the provider as on every run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import google_auth_httplib2
from google.auth import exceptions as auth_exceptions
from googleapiclient.errors import HttpError

from agent.core.errors import AgentError
from providers import gmail_auth
from providers.base import CheckLine
from providers.gmail_transport import TRANSPORT_ERRORS, auth_error, reason_of
from providers.secret_files import private_file

if TYPE_CHECKING:
    from providers.gmail import GmailProvider

PREFIX = "https://www.googleapis.com/auth/"
BROADER = {"https://mail.google.com/", PREFIX + "gmail.modify", PREFIX + "gmail.send", PREFIX + "gmail.insert",
           PREFIX + "calendar", PREFIX + "calendar.events", PREFIX + "calendar.readonly",
           PREFIX + "calendar.calendarlist"}


def short(scope: str) -> str:
    return scope.removeprefix(PREFIX)


def reconnect(calendars: list[str]) -> str:
    extra = "".join(f" --calendar {c}" for c in calendars if c != "primary")
    return f"{gmail_auth.RECONNECT}{extra}"


def check(provider: GmailProvider) -> list[CheckLine]:
    out: list[CheckLine] = [_token_file(provider)]
    refreshed = _refresh(provider)
    out.append(refreshed)
    if not refreshed[1]:
        return out
    out.append(_scopes(provider))
    try:
        gmail = provider._service("gmail.v1")
        profile = provider.transport.call(gmail.users().getProfile(userId="me"), "gmail.users.getProfile")
    except AgentError as exc:
        return out + [("mailbox", False, str(exc))]
    address = str(profile.get("emailAddress", "?"))
    out.append(("mailbox", True, f"{address}: {profile.get('messagesTotal', '?')} message(s)"))
    try:
        labels = provider.transport.call(gmail.users().labels().list(userId="me"), "gmail.users.labels.list")
    except AgentError as exc:
        out.append(("Drafts label", False, str(exc)))
    else:
        ids = {str(label.get("id")) for label in labels.get("labels", [])}
        for label, what in (("DRAFT", "Drafts label"), ("SENT", "Sent label")):
            out.append((what, True, f"{label} found") if label in ids else
                       (what, False, (f"{address} has no {label} system label: is this a Gmail mailbox? "
                                     f"Check the account in the token file, and reconnect with: "
                                     f"{reconnect(provider.calendars)}")))
    out += [_calendar(provider, cal, address) for cal in provider.calendars]
    return out


def _token_file(provider: GmailProvider) -> CheckLine:
    return private_file(provider.token_file, "token file", f"run: {reconnect(provider.calendars)}")


def _refresh(provider: GmailProvider) -> CheckLine:
    creds = provider.creds
    try:
        creds.refresh(google_auth_httplib2.Request(provider._http))
    except auth_exceptions.RefreshError as exc:
        text = str(auth_error(exc))
        days = gmail_auth.signed_in_days(provider.token_file)
        if "invalid_grant" in str(exc) and days is not None and 6 <= days <= 10:
            # Google: an External app in "Testing" gets refresh tokens that expire in 7 days
            # (developers.google.com/identity/protocols/oauth2#expiration; gcalcli#628, sasl-xoauth2#29).
            text = (f"Google refused the saved Gmail sign-in (invalid_grant) {days:.0f} days after you signed in: "
                    f"this is the 7-day expiry of an OAuth app whose publishing status is \"Testing\". In the "
                    f"Google Cloud console open Google Auth Platform > Audience (OAuth consent screen), click "
                    f"Publish app to make it \"In production\" (no verification is needed for your own use), "
                    f"then run: {gmail_auth.RECONNECT}")
        return ("refresh token", False, text.replace(gmail_auth.RECONNECT, reconnect(provider.calendars)))
    except TRANSPORT_ERRORS as exc:
        return ("refresh token", False, (f"Google's token endpoint {creds.token_uri} could not be reached "
                                        f"({type(exc).__name__}); check your network (and account.token_uri if set)"))
    provider._ready = True  # the provider would refresh before its first call; done
    return ("refresh token", True, f"accepted by {creds.token_uri}: a new access token was issued")


def _scopes(provider: GmailProvider) -> CheckLine:
    creds = provider.creds
    granted = list(getattr(creds, "granted_scopes", None) or [])
    source = "granted by Google at the refresh"
    if not granted:
        granted, source = list(creds.scopes or []), "as recorded in the token file"
    if not granted:
        return ("scopes", True, "Google did not say which scopes were granted; the calls below test them")
    needed = gmail_auth.scopes_for(provider.calendars)
    missing = [s for s in needed if s not in granted]
    broader = sorted(s for s in granted if s in BROADER)
    extra = f"; also granted, and more than the agent needs: {', '.join(map(short, broader))}" if broader else ""
    if missing:
        return ("scopes", False, (f"the sign-in lacks {', '.join(map(short, missing))} ({source}); run: "
                                 f"{reconnect(provider.calendars)} and tick every box on the consent screen{extra}"))
    return ("scopes", True, f"{', '.join(map(short, needed))} ({source}; no broader scope is needed){extra}")


def _calendar(provider: GmailProvider, cal: str, address: str) -> CheckLine:
    what = f"calendar {cal}"
    try:
        service = provider._service("calendar.v3")
        name = cal
        if cal != "primary":
            entry = provider.transport.call(service.calendarList().get(calendarId=cal),
                                            "calendar.calendarList.get", passthrough=(404,))
            name = f"{cal} ({entry.get('summary', '')})" if entry.get("summary") else cal
        provider.transport.call(service.events().list(calendarId=cal, maxResults=1), "calendar.events.list",
                                passthrough=(404,))
    except HttpError as exc:  # 404 only: passed through
        return (what, False, (f"Google knows no calendar {cal!r} for {address} ({reason_of(exc) or 'notFound'}); "
                             f"check the id in account.calendars (Google Calendar > Settings > the calendar > "
                             f"Integrate calendar > Calendar ID), or remove it"))
    except AgentError as exc:
        return (what, False, str(exc).replace(gmail_auth.RECONNECT, reconnect(provider.calendars)))
    return (what, True, f"{name}: events readable")


def apis_enabled(provider: GmailProvider) -> None:
    """After `connect gmail`: one cheap call to each API the account uses (getProfile; events.list of one
    event per calendar). Raises ServiceDisabledError when the Gmail or Calendar API is not enabled in the
    OAuth client's Cloud project, the one setup mistake a fresh sign-in cannot reveal; anything else is left
    to `doctor`."""
    from providers.base import ServiceDisabledError

    calls = [(provider._service("gmail.v1").users().getProfile(userId="me"), "gmail.users.getProfile")]
    calendar = provider._service("calendar.v3")
    calls += [(calendar.events().list(calendarId=cal, maxResults=1), "calendar.events.list")
              for cal in provider.calendars]
    for request, method_id in calls:
        try:
            provider.transport.call(request, method_id, passthrough=(404,))
        except ServiceDisabledError:
            raise
        except (AgentError, HttpError):
            continue
