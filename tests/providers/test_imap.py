"""The IMAP provider against a real Dovecot: the shared contract plus what only IMAP can show.

The mailbox side (`ImapMailbox`) uses Python's imaplib, an independent second client; the provider uses
imapclient. Each test has its own Dovecot user.
"""

from __future__ import annotations

import logging
import os
import re
import shlex
import stat
import sys
from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest
from imapclient import IMAPClient

from agent.errors import EXIT_CONFIG, EXIT_UNREACHABLE, ConfigError
from providers import factory
from providers import imap as imap_provider
from providers.base import AuthError, UnreachableError
from providers.imap import ImapProvider, connect_imap, open_provider, secret_file
from tests.imap_server import free_port
from tests.mailboxes_imap import ImapMailbox
from tests.providers.contract import RECRUITER, USER, ProviderContract, by_mid, draft, mail, now, record

CORPUS = Path("/work/shared/corpus/external")


@pytest.fixture
def mailbox(imap_server, tmp_path):
    box = ImapMailbox(imap_server, tmp_path / "world")
    yield box
    box.close()


@pytest.fixture
def config_dir(tmp_path):
    path = tmp_path / "config"
    path.mkdir()
    return path


@pytest.fixture
def make_provider(mailbox, config_dir, tmp_path):
    opened: list[ImapProvider] = []

    def make(**overrides) -> ImapProvider:
        account = {**mailbox.account(), "_tz": "America/New_York", **overrides}
        provider = open_provider(account, config_dir=str(config_dir), state_dir=str(tmp_path / "state"))
        opened.append(provider)
        return provider

    yield make
    for provider in opened:
        provider.close()


class TestImap(ProviderContract):
    pass
