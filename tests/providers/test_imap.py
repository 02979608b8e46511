"""The IMAP provider against a real Dovecot: the shared contract plus what only IMAP can show.

The mailbox side (`ImapMailbox`) uses Python's imaplib, an independent second client; the provider uses
imapclient. Each test has its own Dovecot user.
"""

from __future__ import annotations

import json
import logging
import os
import shlex
import stat
import time
from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime

import pytest
from imapclient import IMAPClient

from agent.core.errors import EXIT_CONFIG, EXIT_UNREACHABLE, ConfigError
from providers import factory
from providers.base import AuthError, UnreachableError
from providers.imap import ImapProvider, connect_imap, open_provider, secret_file
from tests.imap_server import free_port
from tests.mailboxes_imap import ImapMailbox
from tests.providers.contract import RECRUITER, USER, ProviderContract, by_mid, draft, mail, now, record


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


# -- helpers ------------------------------------------------------------------------------------------


def _newsletter(message_id: str, date, *, with_invite: bool = False) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Job Digest <digest@jobs.example>"
    msg["To"] = USER
    msg["Subject"] = "50 new jobs for you"
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = message_id
    msg["List-Unsubscribe"] = "<mailto:unsubscribe@jobs.example>"
    msg["List-Id"] = "Job digest <digest.jobs.example>"
    msg.set_content("Lots of jobs.\n" * 20)
    if with_invite:
        ics = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:REQUEST", "PRODID:-//x//y//EN",
                           "BEGIN:VEVENT", "UID:list-invite@jobs.example", "DTSTAMP:20261101T100000Z",
                           "DTSTART:20261201T150000Z", "DTEND:20261201T160000Z", "SUMMARY:Career fair",
                           "ORGANIZER:mailto:digest@jobs.example", f"ATTENDEE:mailto:{USER}",
                           "END:VEVENT", "END:VCALENDAR", ""])
        msg.add_attachment(ics.encode(), maintype="text", subtype="calendar", filename="invite.ics")
    return msg.as_bytes()


def json_round_trip(value):
    return json.loads(json.dumps(value))


def _session_lines(imap_server, user: str, log_before: int) -> list[str]:
    """The Dovecot log's "Disconnected" lines of `user`'s sessions written after offset `log_before`."""
    deadline = time.monotonic() + 5  # Dovecot's log process writes the line a moment after the logout
    while True:
        text = imap_server.log()[log_before:]
        lines = [line for line in text.splitlines() if f"imap({user})" in line and "Disconnected" in line]
        if lines or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


@pytest.fixture
def memory_keyring():
    """A keyring backend held in memory, installed for one test (never picked by keyring on its own)."""
    import keyring
    from jaraco.classes import properties
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        @properties.classproperty
        def priority(cls):  # not viable for automatic selection: only this test installs it
            raise RuntimeError("test-only keyring")

        def __init__(self):
            super().__init__()
            self.items: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.items.get((service, username))

        def set_password(self, service, username, password):
            self.items[(service, username)] = password

        def delete_password(self, service, username):
            self.items.pop((service, username), None)

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    """keyring's fail backend, as on a server or in cron without a desktop session."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


# -- drafts as another client sees them ----------------------------------------------------------------


def test_b23_draft_carries_draft_and_seen_flags_and_its_date_through_imaplib(mailbox, make_provider):
    raw = draft("<d-1@example.net>")
    ref = make_provider().create_draft(raw, message_id="<d-1@example.net>", reply_to=None)
    [(uid, body, flags)] = mailbox.messages("Drafts")
    assert set(flags.split()) == {"\\Draft", "\\Seen"}
    folder, uidvalidity, ref_uid, _digest = ref.rsplit("|", 3)
    assert (folder, int(uidvalidity), int(ref_uid)) == ("Drafts", mailbox.uidvalidity("Drafts"), uid)
    sent_headers = mailbox._parse(raw)
    got = mailbox._parse(body)
    for name in ("From", "To", "Subject", "Date", "Message-ID"):
        assert got[name] == sent_headers[name]
    # INTERNALDATE is the draft's own Date, so clients sort it where the user expects.
    assert mailbox.internaldates("Drafts")[uid] == got["Date"].datetime


def test_b20_draft_deleted_in_another_client_is_missing_and_not_found(mailbox, make_provider):
    provider = make_provider()
    ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
    mailbox.delete_draft("<d-1@example.net>")
    again = make_provider()
    rec = record("<d-1@example.net>", ref)
    assert again.draft_status([rec]) == {rec.key: "missing"}
    assert again.find_draft("<d-1@example.net>") is None
    assert mailbox.drafts() == []


def test_b20_draft_with_cleared_draft_flag_counts_as_edited(mailbox, make_provider):
    """On a server that keeps \\Draft (another draft there carries it), a draft of the agent's without it is
    one the user cleared. (Where no draft carries it, as on Gmail, the fingerprint decides: below.)"""
    provider = make_provider()
    ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
    mailbox.append("Drafts", draft("<user-own@example.net>"), flags="(\\Draft \\Seen)")
    with mailbox.connection() as imap:
        imap.select('"Drafts"')
        imap.uid("STORE", ref.rsplit("|", 3)[2], "-FLAGS", "(\\Draft)")
    rec = record("<d-1@example.net>", ref)
    assert make_provider().draft_status([rec]) == {rec.key: "edited"}


def test_b25_delete_draft_takes_only_messages_flagged_draft(mailbox, make_provider):
    # On a server that keeps \\Draft (the user's own draft shows it), a message without it is no draft
    provider = make_provider()
    ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
    mailbox.append("Drafts", draft("<user-own@example.net>"), flags="(\\Draft \\Seen)")
    with mailbox.connection() as imap:  # another client made it a plain message in Drafts
        imap.select('"Drafts"')
        imap.uid("STORE", ref.rsplit("|", 3)[2], "-FLAGS", "(\\Draft)")
    again = make_provider()
    assert again.delete_draft("<d-1@example.net>") is False and again.delete_draft(ref) is False
    assert sorted(d["Message-ID"] for d in mailbox.drafts()) == ["<d-1@example.net>", "<user-own@example.net>"]


def test_b25_a_server_that_drops_the_draft_flag_still_lets_the_agent_delete_its_own(gmail_like, config_dir,
                                                                                    tmp_path):
    box, account = gmail_like
    first = open_provider(account, config_dir=str(config_dir), state_dir=str(tmp_path / "state"))
    ref = first.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
    first.create_draft(draft("<d-2@example.net>"), message_id="<d-2@example.net>", reply_to=None)
    first.close()
    again = open_provider(account, config_dir=str(config_dir), state_dir=str(tmp_path / "state"))
    assert again.delete_draft(ref) is True
    again.close()
    assert [d["Message-ID"] for d in box.drafts()] == ["<d-2@example.net>"]


def test_b25_without_uidplus_the_draft_is_flagged_deleted_and_nothing_is_expunged(mailbox, make_provider,
                                                                                  monkeypatch):
    # A plain EXPUNGE would also remove what the user flagged \Deleted in Drafts: it is never sent.
    provider = make_provider()
    mine = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
    theirs = provider.create_draft(draft("<d-2@example.net>"), message_id="<d-2@example.net>", reply_to=None)
    with mailbox.connection() as imap:  # the user deleted d-2 in a client that expunges later
        imap.select('"Drafts"')
        imap.uid("STORE", theirs.rsplit("|", 3)[2], "+FLAGS", "(\\Deleted)")
    has = IMAPClient.has_capability
    monkeypatch.setattr(IMAPClient, "has_capability", lambda self, cap: cap.upper() != "UIDPLUS" and has(self, cap))
    again = make_provider()
    assert again.delete_draft(mine) is True
    flags = mailbox.flags("Drafts")
    assert set(flags) == {"<d-1@example.net>", "<d-2@example.net>"}  # neither expunged
    assert "\\Deleted" in flags["<d-1@example.net>"] and "\\Deleted" in flags["<d-2@example.net>"]
    assert again.find_draft("<d-1@example.net>") is None
    rec = record("<d-1@example.net>", mine)
    assert again.draft_status([rec]) == {rec.key: "missing"}
    assert again.delete_draft(mine) is False


def test_b25_a_draft_deleted_in_the_same_run_is_missing_though_drafts_looked_unchanged(mailbox, make_provider):
    t = now()
    first = make_provider()
    batch = first.sync(None, t - timedelta(days=30))
    ref = first.create_draft(draft("<d1@example.net>"), message_id="<d1@example.net>", reply_to=None)
    first.close()
    second = make_provider()
    batch = second.sync(batch.cursor, t - timedelta(days=30))
    second.close()
    third = make_provider()
    third.sync(batch.cursor, t - timedelta(days=30))  # Drafts unchanged since the last full check
    assert third.delete_draft(ref) is True
    rec = record("<d1@example.net>", ref, key="k1")
    assert third.draft_status([rec]) == {"k1": "missing"}


def test_b20_renumbered_drafts_folder_keeps_the_draft_present(mailbox, make_provider):
    # A server migration gives Drafts a new UIDVALIDITY: the untouched draft must still count as present
    # (same Message-ID, same bytes), or the agent would write it a second time.
    provider = make_provider()
    ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
    before = mailbox.uidvalidity("Drafts")
    mailbox.recreate_folder("Drafts")
    assert mailbox.uidvalidity("Drafts") != before
    again = make_provider()
    rec = record("<d-1@example.net>", ref)
    assert again.draft_status([rec]) == {rec.key: "present"}
    new_ref = again.find_draft("<d-1@example.net>")
    assert new_ref and new_ref != ref and new_ref.rsplit("|", 1)[1] == ref.rsplit("|", 1)[1]
    assert len(mailbox.drafts()) == 1


def test_b20_draft_is_not_appended_twice_when_the_connection_drops_after_append(
        mailbox, make_provider, imap_server, monkeypatch):
    provider = make_provider()
    provider.check_login()
    original = IMAPClient.append

    def append_then_drop(self, *args, **kwargs):
        original(self, *args, **kwargs)
        imap_server.kill_sessions(mailbox.user)  # the server stored it, the answer is lost
        raise IMAPClient.AbortError("socket error: EOF")

    monkeypatch.setattr(IMAPClient, "append", append_then_drop)
    ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
    assert len(mailbox.drafts()) == 1
    assert make_provider().draft_status([record("<d-1@example.net>", ref)]) == {"iv-1:thank_you:ana": "present"}


# -- reading without side effects, and only what changed ----------------------------------------------


def test_b19_sync_sets_no_seen_flag_on_unread_mail(mailbox, make_provider):
    t = now()
    mailbox.deliver("inbox", mail("Unread", message_id="<u-1@acme-robotics.example>", date=t), when=t)
    mailbox.deliver("inbox", _newsletter("<n-1@jobs.example>", t), when=t)
    batch = make_provider().sync(None, t - timedelta(days=30))
    assert len(batch.messages) == 2 and batch.stats["bodies_fetched"] == 1
    flags = mailbox.flags("INBOX")
    assert flags == {"<u-1@acme-robotics.example>": "", "<n-1@jobs.example>": ""}


def test_unchanged_mailbox_costs_one_status_per_folder_and_no_fetch(mailbox, make_provider, imap_server, caplog):
    t = now()
    for i in range(3):
        mailbox.deliver("inbox", mail(f"m{i}", message_id=f"<m{i}@acme-robotics.example>", date=t), when=t)
    mailbox.deliver("sent", mail("s", message_id="<s@example.net>", date=t, sender=USER, to=RECRUITER), when=t)
    first = make_provider().sync(None, t - timedelta(days=30))
    assert first.stats["imap_fetch_commands"] >= 1
    log_before = len(imap_server.log())
    provider = make_provider()
    with caplog.at_level(logging.INFO, logger="providers.imap"):
        second = provider.sync(first.cursor, t - timedelta(days=30))
    provider.close()
    assert "4 IMAP commands (0 FETCH)" in caplog.text  # LOGIN, then one STATUS each: INBOX, Sent, Drafts
    assert second.messages == []
    assert second.stats["imap_fetch_commands"] == 0
    assert dict(provider.counter.counts) == {"LOGIN": 1, "STATUS": 3, "LOGOUT": 1}  # INBOX, Sent, Drafts
    # Dovecot's own count agrees: that session fetched no header and no body.
    [line] = _session_lines(imap_server, mailbox.user, log_before)
    assert "hdr_count=0 " in line and "body_count=0 " in line


def test_b2_first_sync_keeps_the_exact_lookback_instant_not_the_whole_day(mailbox, make_provider):
    # SEARCH SINCE works on whole days; the provider must still cut at the instant.
    since = now() - timedelta(days=10)
    mailbox.deliver("inbox", mail("Before", message_id="<before@acme-robotics.example>",
                                  date=since - timedelta(hours=1)), when=since - timedelta(hours=1))
    mailbox.deliver("inbox", mail("After", message_id="<after@acme-robotics.example>",
                                  date=since + timedelta(hours=1)), when=since + timedelta(hours=1))
    batch = make_provider().sync(None, since)
    assert [m.message_id for m in batch.messages] == ["<after@acme-robotics.example>"]


def test_renumbered_sent_folder_resyncs_only_mail_after_the_high_water_mark(mailbox, make_provider):
    t = now()
    since = t - timedelta(days=30)
    for i in range(2):
        mailbox.deliver("sent", mail(f"old {i}", message_id=f"<old-{i}@example.net>", date=t - timedelta(hours=2),
                                     sender=USER, to=RECRUITER), when=t - timedelta(hours=2 - i))
    first = make_provider().sync(None, since)
    assert {m.message_id for m in first.messages} == {"<old-0@example.net>", "<old-1@example.net>"}
    before = mailbox.uidvalidity("Sent")
    mailbox.recreate_folder("Sent")
    assert mailbox.uidvalidity("Sent") != before
    mailbox.deliver("sent", mail("new", message_id="<new@example.net>", date=t, sender=USER, to=RECRUITER),
                    when=t)
    second = make_provider().sync(json_round_trip(first.cursor), since)
    assert [m.message_id for m in second.messages] == ["<new@example.net>"]
    assert second.stats["resyncs"] == 1
    assert make_provider().sync(second.cursor, since).messages == []


def test_newsletters_are_read_by_headers_only_but_invitations_and_sent_mail_in_full(mailbox, make_provider):
    t = now()
    mailbox.deliver("inbox", _newsletter("<n-1@jobs.example>", t), when=t)
    mailbox.deliver("inbox", _newsletter("<n-2@jobs.example>", t, with_invite=True), when=t)
    mailbox.deliver("inbox", mail("Hello", message_id="<h@acme-robotics.example>", date=t), when=t)
    mailbox.deliver("sent", _newsletter("<n-3@example.net>", t), when=t)  # even a list mail the user sent
    batch = make_provider().sync(None, t - timedelta(days=30))
    found = by_mid(batch)
    assert set(found) == {"<n-1@jobs.example>", "<n-2@jobs.example>", "<h@acme-robotics.example>",
                          "<n-3@example.net>"}
    assert batch.stats["bodies_fetched"] == 3 and batch.stats["header_only"] == 1
    assert found["<n-1@jobs.example>"].subject == "50 new jobs for you"
    assert found["<n-1@jobs.example>"].text == ""
    assert [e.uid for e in found["<n-2@jobs.example>"].events] == ["list-invite@jobs.example"]
    assert "Lots of jobs." in found["<n-3@example.net>"].text


def test_message_over_10_mb_is_read_by_its_headers_only(mailbox, make_provider, caplog):
    t = now()
    msg = EmailMessage()
    msg["From"] = f"Ana Ruiz <{RECRUITER}>"
    msg["To"] = USER
    msg["Subject"] = "Our office tour video"
    msg["Date"] = format_datetime(t)
    msg["Message-ID"] = "<big@acme-robotics.example>"
    msg.set_content("See the attachment.\n")
    msg.add_attachment(os.urandom(8 * 1024 * 1024), maintype="video", subtype="mp4", filename="tour.mp4")
    raw = msg.as_bytes()
    assert len(raw) > 10 * 1024 * 1024
    mailbox.deliver("inbox", raw, when=t)
    mailbox.deliver("inbox", mail("Small", message_id="<small@acme-robotics.example>", date=t), when=t)
    caplog.set_level(logging.INFO, logger="providers.imap")
    batch = make_provider().sync(None, t - timedelta(days=30))
    found = by_mid(batch)
    assert found["<big@acme-robotics.example>"].subject == "Our office tour video"
    assert batch.stats["too_large"] == 1 and batch.stats["bodies_fetched"] == 1
    assert "headers only" in caplog.text


# Header continuation lines that lost their indentation (as in a Graph docs sample): the header block
# ends after the first line, so the mail has no From, Date or Message-ID.
BROKEN_FOLDING = (b"Received: from contoso.com (10.194.241.197) by\r\n"
                  b"contoso.com (10.194.241.197) with Microsoft SMTP Server; Mon, 4 Sep 2017 03:00:08 -0700\r\n"
                  b"Subject: Lunch\r\nFrom: Megan Bowen <megan@contoso.com>\r\n"
                  b"Message-ID: <broken@contoso.com>\r\n\r\nSee you at noon.\r\n")
# A multipart without its closing boundary (as Thunderbird's test data has it): messy, but readable.
NO_CLOSE_BOUNDARY = (b"From: Ana Ruiz <ana.ruiz@acme-robotics.example>\r\nTo: jordan.lee@example.net\r\n"
                     b"Subject: Test message with missing close boundary\r\n"
                     b"Date: Thu, 26 Nov 2026 10:00:00 +0000\r\nMessage-ID: <messy@acme-robotics.example>\r\n"
                     b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n"
                     b"--XYZ\r\nContent-Type: text/plain\r\n\r\nThe part is never closed.\r\n")


def test_b21_broken_mime_is_skipped_with_a_reason_and_the_rest_is_read(mailbox, make_provider):
    t = now()
    mailbox.deliver("inbox", BROKEN_FOLDING, when=t)
    mailbox.deliver("inbox", NO_CLOSE_BOUNDARY, when=t)
    batch = make_provider().sync(None, t - timedelta(days=30))
    assert [m.subject for m in batch.messages] == ["Test message with missing close boundary"]
    [(key, reason)] = batch.skipped
    assert key.startswith("INBOX:") and "header" in reason


# -- folders ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sent_name", ["Sent Items", "[Gmail]/Gesendet", "[Gmail]/Messages envoy&AOk-s",
                                       "INBOX/Sent"])
def test_b2_sent_folder_without_special_use_is_found_by_its_common_name(imap_server, tmp_path, config_dir,
                                                                        sent_name):
    box = ImapMailbox(imap_server, tmp_path / "world", folders=(sent_name, "Drafts"))
    t = now()
    box.append(sent_name, mail("Mine", message_id="<m@example.net>", date=t, sender=USER, to=RECRUITER),
               flags="(\\Seen)", when=t)
    provider = open_provider(box.account(), config_dir=str(config_dir), state_dir=str(tmp_path))
    try:
        batch = provider.sync(None, t - timedelta(days=30))
    finally:
        provider.close()
    assert [(m.message_id, m.folder) for m in batch.messages] == [("<m@example.net>", "sent")]


def test_localized_gmail_drafts_folder_receives_the_drafts(imap_server, tmp_path, config_dir):
    box = ImapMailbox(imap_server, tmp_path / "world", folders=("Sent", "[Gmail]/Entw&APw-rfe"))
    provider = open_provider(box.account(), config_dir=str(config_dir), state_dir=str(tmp_path))
    try:
        ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
    finally:
        provider.close()
    assert ref.startswith("[Gmail]/Entwürfe|")
    assert len(box.messages("[Gmail]/Entw&APw-rfe")) == 1


def test_missing_drafts_folder_is_created_on_first_draft_and_not_before(imap_server, tmp_path, config_dir):
    box = ImapMailbox(imap_server, tmp_path / "world", folders=("Sent",))
    provider = open_provider(box.account(), config_dir=str(config_dir), state_dir=str(tmp_path))
    try:
        assert provider.find_draft("<d-1@example.net>") is None  # looking creates nothing
        with box.connection() as imap:
            assert not any(b'"Drafts"' in line or line.endswith(b" Drafts") for line in imap.list()[1])
        ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
    finally:
        provider.close()
    assert ref.startswith("Drafts|")
    with box.connection() as imap:
        assert any(b"\\Drafts" in line and line.endswith(b"Drafts") for line in imap.list()[1])
    assert box.is_flagged_draft("<d-1@example.net>")


def test_folder_overrides_are_used_and_a_wrong_one_is_named(mailbox, make_provider):
    mailbox.create_folder("Outbox copies")
    mailbox.create_folder("Work drafts")
    t = now()
    mailbox.append("Outbox copies", mail("Mine", message_id="<m@example.net>", date=t, sender=USER,
                                         to=RECRUITER), flags="(\\Seen)", when=t)
    provider = make_provider(sent_folder="Outbox copies", drafts_folder="Work drafts")
    assert [m.folder for m in provider.sync(None, t - timedelta(days=30)).messages] == ["sent"]
    assert provider.create_draft(draft("<d@example.net>"), message_id="<d@example.net>",
                                 reply_to=None).startswith("Work drafts|")
    with pytest.raises(ConfigError, match=r"account\.sent_folder = 'Sent Mail'"):
        make_provider(sent_folder="Sent Mail").sync(None, t - timedelta(days=30))


# -- connections ----------------------------------------------------------------------------------------


def test_connection_killed_mid_sync_is_reopened_once(mailbox, make_provider, imap_server, monkeypatch):
    t = now()
    mailbox.deliver("inbox", mail("Hello", message_id="<h@acme-robotics.example>", date=t), when=t)
    original = IMAPClient.fetch
    kills = []

    def fetch_after_a_kill(self, *args, **kwargs):
        if not kills:
            kills.append(imap_server.kill_sessions(mailbox.user))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(IMAPClient, "fetch", fetch_after_a_kill)
    batch = make_provider().sync(None, t - timedelta(days=30))
    assert kills == [1]
    assert [m.message_id for m in batch.messages] == ["<h@acme-robotics.example>"]
    assert batch.stats["reconnects"] == 1


def test_connection_dropped_between_runs_is_reopened(mailbox, make_provider, imap_server):
    t = now()
    provider = make_provider()
    cursor = provider.sync(None, t - timedelta(days=30)).cursor
    mailbox.deliver("inbox", mail("Later", message_id="<l@acme-robotics.example>", date=t), when=t)
    assert imap_server.kill_sessions(mailbox.user) >= 1  # the provider's idle connection (and any lingering)
    batch = provider.sync(cursor, t - timedelta(days=30))
    assert [m.message_id for m in batch.messages] == ["<l@acme-robotics.example>"]


def test_connection_killed_again_after_reconnecting_is_unreachable(mailbox, make_provider, imap_server,
                                                                  monkeypatch):
    t = now()
    mailbox.deliver("inbox", mail("Hello", message_id="<h@acme-robotics.example>", date=t), when=t)
    original = IMAPClient.fetch

    def fetch_after_a_kill(self, *args, **kwargs):
        imap_server.kill_sessions(mailbox.user)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(IMAPClient, "fetch", fetch_after_a_kill)
    with pytest.raises(UnreachableError, match="dropped twice") as err:
        make_provider().sync(None, t - timedelta(days=30))
    assert err.value.exit_code == EXIT_UNREACHABLE


def test_server_not_listening_is_unreachable(mailbox, make_provider):
    with pytest.raises(UnreachableError, match=r"cannot connect to the IMAP server 127\.0\.0\.1") as err:
        make_provider(port=free_port(), timeout=5).sync(None, now())
    assert err.value.exit_code == EXIT_UNREACHABLE


def test_unknown_host_is_unreachable_naming_the_key(config_dir):
    # .invalid never resolves (RFC 6761).
    provider = open_provider({"provider": "imap", "host": "imap.no-such-host.invalid", "username": "jordan",
                              "password_command": "echo secret"}, config_dir=str(config_dir),
                             state_dir=str(config_dir))
    with pytest.raises(UnreachableError, match=r"cannot find the IMAP server .*account\.host"):
        provider.sync(None, now())


def test_refused_login_is_an_auth_error_naming_the_fix(mailbox, make_provider, tmp_path):
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not-the-password\n")
    with pytest.raises(AuthError) as err:
        make_provider(password_command=shlex.join(["cat", str(wrong)])).sync(None, now())
    assert "interview-agent connect imap" in str(err.value) and "app password" in str(err.value)
    assert err.value.exit_code == EXIT_UNREACHABLE


def test_refused_xoauth2_token_is_an_auth_error(mailbox, make_provider):
    # This Dovecot offers no XOAUTH2, so the server refuses the token as a provider with a stale one would.
    with pytest.raises(AuthError, match="access token"):
        make_provider(auth="xoauth2", _token_getter=lambda: "stale-token").sync(None, now())


def test_implicit_tls_against_a_plaintext_port_is_unreachable(mailbox, make_provider):
    with pytest.raises(UnreachableError, match="security"):
        make_provider(security="tls", timeout=5).sync(None, now())


def test_self_signed_certificate_is_refused_with_the_fix_named(mailbox, make_provider, imap_server):
    for security, port in (("tls", imap_server.tls_port), ("starttls", imap_server.port)):
        with pytest.raises(UnreachableError, match=r"certificate .* could not be verified.*tls_verify = false"):
            make_provider(security=security, port=port).sync(None, now())


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_trusted_certificate_gives_an_encrypted_session(mailbox, make_provider, imap_server, monkeypatch,
                                                        security):
    monkeypatch.setenv("SSL_CERT_FILE", str(imap_server.cert_file))  # trust the test CA, as a system CA
    port = imap_server.tls_port if security == "tls" else imap_server.port
    t = now()
    mailbox.deliver("inbox", mail("Hello", message_id="<h@acme-robotics.example>", date=t), when=t)
    log_before = len(imap_server.log())
    provider = make_provider(security=security, port=port)
    assert [m.message_id for m in provider.sync(None, t - timedelta(days=1)).messages] == \
        ["<h@acme-robotics.example>"]
    login = [line for line in imap_server.log()[log_before:].splitlines()
             if f"user=<{mailbox.user}>" in line and "Login:" in line]
    assert login and ", TLS," in login[-1]


def test_tls_verify_false_reaches_a_self_signed_server_and_says_so_loudly(mailbox, make_provider,
                                                                         imap_server, caplog):
    caplog.set_level(logging.WARNING, logger="providers.imap")
    provider = make_provider(security="tls", port=imap_server.tls_port, tls_verify=False)
    assert provider.sync(None, now()).messages == []
    assert "TLS CERTIFICATE CHECKS ARE OFF" in caplog.text


# -- configuration and secrets (B22) ------------------------------------------------------------------


def test_factory_opens_the_imap_provider(mailbox, config_dir, tmp_path):
    provider = factory("imap")(mailbox.account(), config_dir=str(config_dir), state_dir=str(tmp_path))
    try:
        assert provider.name == "imap"
        assert provider.sync(None, now()).messages == []
    finally:
        provider.close()


def test_config_problems_are_reported_together_with_their_keys(config_dir):
    with pytest.raises(ConfigError) as err:
        open_provider({"provider": "imap", "port": 0, "security": "ssl"}, config_dir=str(config_dir),
                      state_dir=str(config_dir))
    text = str(err.value)
    for key in ("account.host", "account.username", "account.port", "account.security"):
        assert key in text
    assert err.value.exit_code == EXIT_CONFIG


def test_b22_unencrypted_imap_is_refused_for_a_remote_host(config_dir):
    with pytest.raises(ConfigError, match=r"account\.security = \"none\".*unencrypted"):
        open_provider({"provider": "imap", "host": "imap.fastmail.com", "username": "jordan",
                       "security": "none", "password_command": "true"},
                      config_dir=str(config_dir), state_dir=str(config_dir))


def test_xoauth2_without_a_token_is_a_config_error(config_dir):
    with pytest.raises(ConfigError, match=r"account\.auth = \"xoauth2\" needs an access token"):
        open_provider({"provider": "imap", "host": "imap.gmail.com", "username": "jordan@gmail.com",
                       "auth": "xoauth2"}, config_dir=str(config_dir), state_dir=str(config_dir))


def test_b22_password_command_supplies_the_password_and_never_reaches_the_log(mailbox, make_provider, caplog):
    caplog.set_level(logging.DEBUG)  # imapclient logs every command it sends at DEBUG
    provider = make_provider()
    t = now()
    mailbox.deliver("inbox", mail("Hello", message_id="<h@acme-robotics.example>", date=t), when=t)
    assert len(provider.sync(None, t - timedelta(days=1)).messages) == 1
    assert "LOGIN" in caplog.text and mailbox.password not in caplog.text


def test_failing_password_command_is_a_config_error_naming_the_key(mailbox, make_provider):
    with pytest.raises(ConfigError, match=r"account\.password_command exited with status 1"):
        make_provider(password_command="false")
    with pytest.raises(ConfigError, match=r"account\.password_command: the program .* was not found"):
        make_provider(password_command="no-such-password-program --show")


def test_b22_secret_file_readable_by_others_is_refused_until_chmod_600(mailbox, config_dir, tmp_path,
                                                                       no_keyring):
    account = {k: v for k, v in mailbox.account().items() if k != "password_command"}
    path = secret_file(config_dir, account["host"], account["username"])
    path.parent.mkdir(mode=0o700)
    path.write_text(mailbox.password + "\n")
    path.chmod(0o644)
    with pytest.raises(ConfigError) as err:
        open_provider(account, config_dir=str(config_dir), state_dir=str(tmp_path))
    assert f"chmod 600 {path}" in str(err.value)
    path.chmod(0o600)
    provider = open_provider(account, config_dir=str(config_dir), state_dir=str(tmp_path))
    try:
        assert provider.sync(None, now()).messages == []
    finally:
        provider.close()


def test_b22_connect_without_a_keyring_keeps_the_password_in_a_0600_file(mailbox, config_dir, tmp_path,
                                                                        no_keyring, caplog):
    caplog.set_level(logging.DEBUG)
    table = connect_imap(mailbox.server.host, mailbox.server.port, mailbox.user, mailbox.password, "none",
                         config_dir=str(config_dir))
    assert table == {"provider": "imap", "host": mailbox.server.host, "port": mailbox.server.port,
                     "username": mailbox.user, "security": "none"}
    path = secret_file(config_dir, mailbox.server.host, mailbox.user)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert mailbox.password not in caplog.text
    provider = open_provider(table, config_dir=str(config_dir), state_dir=str(tmp_path))
    try:
        assert provider.sync(None, now()).messages == []
    finally:
        provider.close()


def test_b22_connect_uses_a_working_keyring_and_writes_no_file(mailbox, config_dir, tmp_path, memory_keyring):
    table = connect_imap(mailbox.server.host, mailbox.server.port, mailbox.user, mailbox.password, "none",
                         config_dir=str(config_dir))
    key = ("interview-agent", f"imap:{mailbox.user}@{mailbox.server.host}")
    assert memory_keyring.items == {key: mailbox.password}
    assert not secret_file(config_dir, mailbox.server.host, mailbox.user).exists()
    provider = open_provider(table, config_dir=str(config_dir), state_dir=str(tmp_path))
    try:
        assert provider.sync(None, now()).messages == []
    finally:
        provider.close()


def test_connect_with_a_wrong_password_stores_nothing(mailbox, config_dir, no_keyring):
    with pytest.raises(AuthError):
        connect_imap(mailbox.server.host, mailbox.server.port, mailbox.user, "wrong", "none",
                     config_dir=str(config_dir))
    assert not (config_dir / "secrets").exists()


def test_b22_connect_with_password_command_stores_no_password_and_keeps_the_command(
        mailbox, config_dir, tmp_path, memory_keyring):
    command = mailbox.account()["password_command"]
    table = connect_imap(mailbox.server.host, mailbox.server.port, mailbox.user, "", "none",
                         config_dir=str(config_dir), password_command=command)
    assert table == {"provider": "imap", "host": mailbox.server.host, "port": mailbox.server.port,
                     "username": mailbox.user, "security": "none", "password_command": command}
    assert memory_keyring.items == {}
    assert not (config_dir / "secrets").exists()
    provider = open_provider(table, config_dir=str(config_dir), state_dir=str(tmp_path))
    try:
        assert provider.sync(None, now()).messages == []
    finally:
        provider.close()


def test_connect_with_a_password_command_checks_the_login_it_gives(mailbox, config_dir, tmp_path, no_keyring):
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not-the-password\n")
    with pytest.raises(AuthError):
        connect_imap(mailbox.server.host, mailbox.server.port, mailbox.user, "", "none",
                     config_dir=str(config_dir), password_command=shlex.join(["cat", str(wrong)]))
    with pytest.raises(ConfigError, match=r"password_command exited with status 1"):
        connect_imap(mailbox.server.host, mailbox.server.port, mailbox.user, "", "none",
                     config_dir=str(config_dir), password_command="false")
    assert not (config_dir / "secrets").exists()


def test_cli_connect_imap_with_password_command_writes_the_account_without_a_password(mailbox, tmp_path,
                                                                                     no_keyring):
    from click.testing import CliRunner

    from agent.cli import main

    config = tmp_path / "home" / "config.toml"
    config.parent.mkdir()
    command = mailbox.account()["password_command"]
    result = CliRunner().invoke(main, ["--config", str(config), "connect", "imap", "--host", mailbox.server.host,
                                       "--port", str(mailbox.server.port), "--username", mailbox.user,
                                       "--security", "none", "--password-command", command])
    assert result.exit_code == 0, result.output
    text = config.read_text()
    assert f"password_command = {json.dumps(command)}" in text
    assert mailbox.password not in text
    assert not (config.parent / "secrets").exists()


def test_b20_unchanged_drafts_are_checked_by_one_status_not_a_fetch(mailbox, make_provider):
    """With drafts to watch, a run where nothing changed still costs one STATUS per folder (issue 8)."""
    t = now()
    mailbox.deliver("inbox", mail("m", message_id="<m@acme-robotics.example>", date=t), when=t)
    first = make_provider()
    batch = first.sync(None, t - timedelta(days=30))
    ref = first.create_draft(draft("<d1@example.net>"), message_id="<d1@example.net>", reply_to=None)
    rec = record("<d1@example.net>", ref, key="k1")
    assert first.draft_status([rec]) == {"k1": "present"}  # the run that made it checks in full
    first.close()
    second = make_provider()
    batch = second.sync(batch.cursor, t - timedelta(days=30))  # Drafts changed since: a full check
    assert second.draft_status([rec]) == {"k1": "present"}
    second.close()
    third = make_provider()
    third.sync(batch.cursor, t - timedelta(days=30))
    before = dict(third.counter.counts)
    assert third.draft_status([rec]) == {"k1": "present"}
    assert dict(third.counter.counts) == before  # no EXAMINE, no FETCH
    third.close()
    mailbox.delete_draft("<d1@example.net>")
    fourth = make_provider()
    fourth.sync(batch.cursor, t - timedelta(days=30))
    assert fourth.draft_status([rec]) == {"k1": "missing"}  # the deletion shows in STATUS: full check
    fourth.close()


# -- Gmail over IMAP shows no \Draft on drafts ------------------------------------------------------------------
@pytest.fixture
def gmail_like(imap_server, tmp_path):
    """A Dovecot user whose drafts carry no \\Draft, as Gmail shows them (jakartaee/mail-api#345, djcb/mu#1939):
    the provider's APPEND goes through a proxy that drops the flag, the user's client saves without it."""
    from tests.reliability.recorders import ImapProxy

    box = ImapMailbox(imap_server, tmp_path / "world-gmail", draft_flag=False)
    proxy = ImapProxy((box.server.host, box.server.port), strip_draft=True).start()
    yield box, {**box.account(), "host": proxy.host, "port": proxy.port, "_tz": "America/New_York"}
    proxy.stop()
    box.close()


def test_b20_without_draft_flags_an_untouched_draft_is_present_and_an_edited_one_edited(gmail_like, config_dir,
                                                                                        tmp_path):
    box, account = gmail_like

    def provider() -> ImapProvider:
        return open_provider(account, config_dir=str(config_dir), state_dir=str(tmp_path / "state"))

    first = provider()
    ref1 = first.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
    ref2 = first.create_draft(draft("<d-2@example.net>"), message_id="<d-2@example.net>", reply_to=None)
    first.close()
    assert all("\\Draft" not in flags for _uid, _raw, flags in box.messages("Drafts"))
    rec1, rec2 = record("<d-1@example.net>", ref1, key="k1"), record("<d-2@example.net>", ref2, key="k2")
    again = provider()
    assert again.draft_status([rec1, rec2]) == {"k1": "present", "k2": "present"}
    again.close()
    box.edit_draft("<d-2@example.net>", "Hi Ana,\n\nMy own words now.\n\nJordan\n")
    third = provider()
    assert third.draft_status([rec1, rec2]) == {"k1": "present", "k2": "edited"}
    assert third.find_draft("<d-1@example.net>") is not None
    third.close()
    box.delete_draft("<d-1@example.net>")
    fourth = provider()
    assert fourth.draft_status([rec1, rec2]) == {"k1": "missing", "k2": "edited"}
    fourth.close()


def test_b20_on_gmail_the_flag_is_never_relied_on(mailbox, make_provider, monkeypatch):
    """Gmail is recognised by its X-GM-EXT-1 capability: a draft without \\Draft is judged by its fingerprint
    even where other drafts carry the flag."""
    from providers import imap_drafts

    provider = make_provider()
    ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
    mailbox.append("Drafts", draft("<user-own@example.net>"), flags="(\\Draft \\Seen)")
    with mailbox.connection() as imap:
        imap.select('"Drafts"')
        imap.uid("STORE", ref.rsplit("|", 3)[2], "-FLAGS", "(\\Draft)")
    monkeypatch.setattr(imap_drafts, "_is_gmail", lambda client: True)
    rec = record("<d-1@example.net>", ref)
    assert make_provider().draft_status([rec]) == {rec.key: "present"}


def test_b19_b25_on_gmail_the_agent_deletes_its_own_draft_without_the_flag_and_nothing_else(mailbox, make_provider,
                                                                                           monkeypatch):
    """Gmail shows no \\Draft: the agent's earlier briefing (B25), a twin (B20) or the doctor --live check draft is
    still deleted, named by its ref or its Message-ID; a message of the user's in Drafts is never touched (B19)."""
    from providers import imap_drafts

    provider = make_provider()
    by_ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
    provider.create_draft(draft("<d-2@example.net>"), message_id="<d-2@example.net>", reply_to=None)
    mailbox.append("Drafts", draft("<user-own@example.net>"), flags="(\\Seen)")
    with mailbox.connection() as imap:
        imap.select('"Drafts"')
        imap.uid("STORE", "1:*", "-FLAGS", "(\\Draft)")
    monkeypatch.setattr(imap_drafts, "_is_gmail", lambda client: True)
    assert make_provider().delete_draft(by_ref) is True
    assert make_provider().delete_draft("<d-2@example.net>") is True
    assert [d["Message-ID"] for d in mailbox.drafts()] == ["<user-own@example.net>"]
