"""Which IMAP folders hold Sent mail and Drafts.

A folder flagged \\Sent or \\Drafts (RFC 6154 SPECIAL-USE) wins, so Gmail's localized names
("[Gmail]/Entwürfe") need nothing set; a server without SPECIAL-USE is matched by a common name; the
settings `sent_folder` and `drafts_folder` override both. A missing Drafts folder is created (under the
personal namespace prefix) only when the first draft is written.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from agent.core.errors import ConfigError

log = logging.getLogger("providers.imap")

DRAFTS = b"\\Drafts"  # RFC 6154 SPECIAL-USE attributes
SENT = b"\\Sent"

# Common names, tried when no folder carries the SPECIAL-USE flag. Compared case-insensitively, with
# the server's hierarchy separator read as "/".
DRAFTS_NAMES = ("Drafts", "INBOX/Drafts", "Draft", "[Gmail]/Drafts", "[Google Mail]/Drafts",
                "[Gmail]/Entwürfe", "[Google Mail]/Entwürfe", "[Gmail]/Brouillons", "[Gmail]/Borradores",
                "Entwürfe", "Brouillons", "INBOX/Entwürfe", "INBOX/Brouillons")
SENT_NAMES = ("Sent", "Sent Items", "Sent Messages", "Sent Mail", "INBOX/Sent", "INBOX/Sent Items",
              "INBOX/Sent Messages", "[Gmail]/Sent Mail", "[Google Mail]/Sent Mail", "[Gmail]/Gesendet",
              "[Google Mail]/Gesendet", "[Gmail]/Messages envoyés", "[Gmail]/Enviados", "Gesendet",
              "Gesendete Objekte", "Gesendete Elemente", "Éléments envoyés", "Messages envoyés",
              "INBOX/Gesendet")


class FolderFinder:
    """Finds and remembers the folders of one account (`settings` from imap_config.parse_settings). The
    LIST answer is kept until `forget()` (after a reconnect or a CREATE)."""

    def __init__(self, settings: dict[str, Any]):
        self._settings = settings
        self._listing: list[tuple[tuple[bytes, ...], str, str]] | None = None  # (flags, delimiter, name)
        self._drafts: str | None = None

    def forget(self) -> None:
        self._listing = None

    def listing(self, client: IMAPClient) -> list[tuple[tuple[bytes, ...], str, str]]:
        """(flags, delimiter, name) of every folder, from one LIST per connection."""
        if self._listing is None:
            self._listing = [(tuple(flags), (delim or b"/").decode() if isinstance(delim, bytes)
                              else (delim or "/"), name) for flags, delim, name in client.list_folders()]
        return self._listing

    def _special(self, client: IMAPClient, flag: bytes, names: Sequence[str]) -> str | None:
        """The folder flagged `flag` (SPECIAL-USE), else the first folder with one of the common `names`."""
        folders = [f for f in self.listing(client) if b"\\noselect" not in {x.lower() for x in f[0]}]
        for flags, _delim, name in folders:
            if flag.lower() in {x.lower() for x in flags}:
                return name
        by_name = {name.replace(delim, "/").lower(): name for _flags, delim, name in folders}
        for candidate in names:
            if candidate.lower() in by_name:
                return by_name[candidate.lower()]
        return None

    def _configured(self, client: IMAPClient, key: str) -> str | None:
        """The folder the setting `key` names (matched exactly, else ignoring case); ConfigError when none."""
        wanted = self._settings[key]
        if not wanted:
            return None
        names = {name: name for _f, _d, name in self.listing(client)}
        names.update({name.lower(): name for _f, _d, name in self.listing(client) if name.upper() != "INBOX"})
        found = names.get(wanted) or names.get(wanted.lower())
        if found is None:
            raise ConfigError(f"{self._settings['where']}.{key} = {wanted!r}: no such folder on "
                              f"{self._settings['host']}; use the folder's name as your mail client shows it, "
                              f"or remove the key to find it automatically")
        return found

    def sent(self, client: IMAPClient) -> str | None:
        """The Sent folder: `sent_folder`, else SPECIAL-USE \\Sent, else a common name; None when none."""
        return self._configured(client, "sent_folder") or self._special(client, SENT, SENT_NAMES)

    def drafts(self, client: IMAPClient, create: bool) -> str | None:
        """The Drafts folder: `drafts_folder`, else SPECIAL-USE \\Drafts, else a common name; when there is
        none, created if `create`, else None. A name once found is kept for the provider's life."""
        if self._drafts is None:
            found = self._configured(client, "drafts_folder") or self._special(client, DRAFTS, DRAFTS_NAMES)
            if found is None and create:
                found = self._create_drafts(client)
            self._drafts = found
        return self._drafts

    def _create_drafts(self, client: IMAPClient) -> str:
        # The personal namespace prefix ("" on most servers, "INBOX." on Courier/Cyrus) decides where.
        prefix = ""
        try:
            if client.has_capability("NAMESPACE"):
                personal = client.namespace().personal
                if personal:
                    prefix = personal[0][0] or ""
                    prefix = prefix.decode() if isinstance(prefix, bytes) else prefix
        except IMAPClientError:
            prefix = ""
        name = f"{prefix}Drafts"
        client.create_folder(name)
        try:
            client.subscribe_folder(name)  # so that mail clients show it
        except IMAPClientError:
            pass
        self._listing = None
        log.warning("no Drafts folder on %s: created %r for the drafts (set %s.drafts_folder to use another)",
                    self._settings["host"], name, self._settings["where"])
        return name
