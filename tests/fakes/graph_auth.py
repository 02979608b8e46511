"""The Microsoft identity platform side of the Graph test server: OIDC metadata, the device-code flow
and the token endpoint, in the shapes Entra ID answers (an unsigned id_token and a client_info, which is
all MSAL reads). Tokens are random strings the server remembers; `refuse()` revokes them all, as when
the user withdraws consent or an admin blocks the app.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from typing import Any

GRANTED = ("https://graph.microsoft.com/Calendars.Read https://graph.microsoft.com/Mail.ReadWrite "
           "https://graph.microsoft.com/User.Read openid profile offline_access")
TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad"  # the personal-accounts tenant id, as Entra reports it
USER_OID = "00000000-0000-0000-66f3-3332eca7ea81"


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


class Identity:
    """Accepts one client id; approves device codes on their second poll (the first says pending)."""

    def __init__(self, base: str, client_id: str, user: str):
        self.base = base  # https://127.0.0.1:PORT
        self.client_id = client_id
        self.user = user
        self.access: dict[str, float] = {}  # token -> expiry
        self.refresh: set[str] = set()
        self.devices: dict[str, int] = {}  # device_code -> polls so far
        self.refused = False
        self.granted = GRANTED  # the scopes every token answer carries; a test may widen them (Mail.Send)
        self.requests: list[tuple[str, str]] = []  # (method, path) of every identity request
        self._lock = threading.Lock()

    def refuse(self) -> None:
        with self._lock:
            self.refused = True
            self.access.clear()
            self.refresh.clear()

    def valid(self, token: str) -> bool:
        with self._lock:
            return self.access.get(token, 0) > time.time()

    def issue_refresh_token(self) -> str:
        token = "rt-" + secrets.token_urlsafe(24)
        with self._lock:
            self.refresh.add(token)
        return token

    # -- endpoints: (status, json body) ------------------------------------------------------------

    def handle(self, method: str, path: str, form: dict[str, str]) -> tuple[int, dict]:
        self.requests.append((method, path))
        parts = path.strip("/").split("/")
        tenant = parts[0] if parts else "common"
        rest = "/".join(parts[1:])
        if method == "GET" and rest == "v2.0/.well-known/openid-configuration":
            root = f"{self.base}/{tenant}"
            return 200, {"issuer": f"{self.base}/{TENANT}/v2.0",
                         "authorization_endpoint": f"{root}/oauth2/v2.0/authorize",
                         "token_endpoint": f"{root}/oauth2/v2.0/token",
                         "device_authorization_endpoint": f"{root}/oauth2/v2.0/devicecode",
                         "response_types_supported": ["code", "id_token", "code id_token"],
                         "scopes_supported": ["openid", "profile", "email", "offline_access"],
                         "tenant_region_scope": None}
        if method == "GET" and rest == "discovery/instance":  # MSAL's alias lookup for Microsoft hosts
            host = self.base.split("//", 1)[1]
            return 200, {"tenant_discovery_endpoint": f"{self.base}/{tenant}/v2.0/.well-known/openid-configuration",
                         "api-version": "1.1",
                         "metadata": [{"preferred_network": host, "preferred_cache": host, "aliases": [host]}]}
        if method == "POST" and rest == "oauth2/v2.0/devicecode":
            if form.get("client_id") != self.client_id:
                return 400, {"error": "unauthorized_client",
                             "error_description": "AADSTS700016: Application not found in the directory."}
            code = secrets.token_hex(4).upper()
            device = secrets.token_urlsafe(16)
            with self._lock:
                self.devices[device] = 0
            return 200, {"user_code": code, "device_code": device,
                         "verification_uri": "https://microsoft.com/devicelogin", "expires_in": 900,
                         "interval": 0,
                         "message": f"To sign in, use a web browser to open the page "
                                    f"https://microsoft.com/devicelogin and enter the code {code} to authenticate."}
        if method == "POST" and rest == "oauth2/v2.0/token":
            return self._token(form)
        return 404, {"error": "not_found"}

    def _token(self, form: dict[str, str]) -> tuple[int, dict]:
        if form.get("client_id") != self.client_id:
            return 400, {"error": "unauthorized_client", "error_description": "AADSTS700016: unknown client"}
        grant = form.get("grant_type", "")
        with self._lock:
            if grant.endswith("device_code"):
                polls = self.devices.get(form.get("device_code", ""))
                if polls is None:
                    return 400, {"error": "expired_token", "error_description": "AADSTS70020: expired"}
                self.devices[form["device_code"]] = polls + 1
                if polls == 0:
                    return 400, {"error": "authorization_pending",
                                 "error_description": "AADSTS70016: OAuth 2.0 device flow error."}
                del self.devices[form["device_code"]]
            elif grant == "refresh_token":
                if self.refused or form.get("refresh_token") not in self.refresh:
                    return 400, {"error": "invalid_grant", "suberror": "consent_required",
                                 "error_description": "AADSTS70008: The provided authorization code or "
                                                      "refresh token has expired or been revoked."}
                self.refresh.discard(form["refresh_token"])
            else:
                return 400, {"error": "unsupported_grant_type"}
            self.refused = False
        return 200, self._tokens()

    def _tokens(self) -> dict[str, Any]:
        access = "at-" + secrets.token_urlsafe(24)
        with self._lock:
            self.access[access] = time.time() + 3600
        now = int(time.time())
        claims = {"aud": self.client_id, "iss": f"{self.base}/{TENANT}/v2.0", "iat": now, "nbf": now,
                  "exp": now + 3600, "name": "Jordan Lee", "oid": USER_OID, "preferred_username": self.user,
                  "sub": "sub-" + USER_OID, "tid": TENANT, "ver": "2.0"}
        id_token = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."
        return {"token_type": "Bearer", "scope": self.granted, "expires_in": 3599, "ext_expires_in": 3599,
                "access_token": access, "refresh_token": self.issue_refresh_token(), "id_token": id_token,
                "client_info": _b64({"uid": USER_OID, "utid": TENANT})}
