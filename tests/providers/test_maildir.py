"""The Maildir provider: the shared contract plus what only a Maildir tree can show."""

from __future__ import annotations

import os
import re
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from agent.core.errors import ConfigError
from providers import factory
from providers.maildir import MaildirProvider, open_provider
from tests.mailboxes import MaildirMailbox
from tests.providers.contract import ProviderContract, draft, mail, now, record


@pytest.fixture
def mailbox(tmp_path):
    box = MaildirMailbox(tmp_path / "Mail")
    yield box
    box.close()


@pytest.fixture
def make_provider(mailbox, tmp_path):
    opened: list[MaildirProvider] = []

    def make() -> MaildirProvider:
        provider = open_provider({**mailbox.account(), "_tz": "America/New_York"},
                                 config_dir=str(tmp_path), state_dir=str(tmp_path / "state"))
        opened.append(provider)
        return provider

    yield make
    for provider in opened:
        provider.close()


class TestMaildir(ProviderContract):
    pass


def _age_dirs(root: Path, seconds: int = 3600) -> None:
    """Date every folder's directories back, as after a quiet hour (fresh mtimes are never trusted)."""
    past = now().timestamp() - seconds
    for folder in (root, root / ".Sent", root / ".Drafts"):
        for sub in ("cur", "new", "tmp"):
            os.utime(folder / sub, (past, past))


# -- reading only what changed ------------------------------------------------------------------------


def test_unchanged_tree_is_not_listed_or_read_again(mailbox, make_provider, monkeypatch):
    t = now()
    for i in range(3):
        mailbox.deliver("inbox", mail(f"m{i}", message_id=f"<m{i}@acme.example>", date=t), when=t)
    mailbox.deliver("sent", mail("s", message_id="<s@example.net>", date=t), when=t)
    _age_dirs(mailbox.root)
    first = make_provider().sync(None, t - timedelta(days=30))
    assert first.stats["files_read"] == 4

    def no_listing(*args, **kwargs):
        raise AssertionError("an unchanged directory was listed")

    monkeypatch.setattr(os, "scandir", no_listing)
    second = make_provider().sync(first.cursor, t - timedelta(days=30))
    assert second.messages == []
    assert second.stats["files_listed"] == 0 and second.stats["files_read"] == 0
    assert second.stats["bytes_read"] == 0


def test_changed_directory_reads_only_the_unseen_files(mailbox, make_provider):
    t = now()
    for i in range(3):
        mailbox.deliver("inbox", mail(f"m{i}", message_id=f"<m{i}@acme.example>", date=t), when=t)
    _age_dirs(mailbox.root)
    cursor = make_provider().sync(None, t - timedelta(days=30)).cursor
    mailbox.deliver("inbox", mail("new", message_id="<new@acme.example>", date=t), when=t)
    batch = make_provider().sync(cursor, t - timedelta(days=30))
    assert [m.message_id for m in batch.messages] == ["<new@acme.example>"]
    assert batch.stats["files_listed"] == 4 and batch.stats["files_read"] == 1


def test_message_a_client_read_is_not_new_again(mailbox, make_provider):
    # A mail client moves new/X to cur/X:2,S when the user reads it: same unique name, same key.
    t = now()
    mailbox.deliver("inbox", mail("m", message_id="<m@acme.example>", date=t), when=t)
    first = make_provider().sync(None, t - timedelta(days=30))
    [name] = os.listdir(mailbox.root / "new")
    os.rename(mailbox.root / "new" / name, mailbox.root / "cur" / f"{name}:2,S")
    second = make_provider().sync(first.cursor, t - timedelta(days=30))
    assert second.messages == [] and second.stats["files_read"] == 0
    assert first.messages[0].key == name


def test_delivery_within_the_same_mtime_tick_is_not_missed(mailbox, make_provider):
    # A directory listed right after it changed may change again without a new mtime value: such a
    # fresh mtime is not trusted, so the next sync lists the directory again.
    t = now()
    mailbox.deliver("inbox", mail("m1", message_id="<m1@acme.example>", date=t), when=t)
    new_dir = mailbox.root / "new"
    tick = new_dir.stat().st_mtime_ns
    cursor = make_provider().sync(None, t - timedelta(days=30)).cursor
    mailbox.deliver("inbox", mail("m2", message_id="<m2@acme.example>", date=t), when=t)
    os.utime(new_dir, ns=(tick, tick))  # the second delivery landed in the same timestamp tick
    batch = make_provider().sync(cursor, t - timedelta(days=30))
    assert [m.message_id for m in batch.messages] == ["<m2@acme.example>"]


def test_first_run_does_not_open_files_older_than_since(mailbox, make_provider):
    t = now()
    for i in range(5):
        day = t - timedelta(days=100 + i)
        mailbox.deliver("inbox", mail(f"old{i}", message_id=f"<old{i}@acme.example>", date=day), when=day)
    mailbox.deliver("inbox", mail("recent", message_id="<recent@acme.example>", date=t), when=t)
    batch = make_provider().sync(None, t - timedelta(days=60))
    assert [m.message_id for m in batch.messages] == ["<recent@acme.example>"]
    assert batch.stats["files_listed"] == 6 and batch.stats["files_read"] == 1


def test_first_run_skips_freshly_copied_old_mail_by_its_date(mailbox, make_provider):
    # A tool that just downloaded the whole mailbox gives every file a fresh mtime; the Date decides.
    t = now()
    mailbox.deliver("inbox", mail("2019", message_id="<y2019@acme.example>", date=t - timedelta(days=2000)),
                    when=t)
    mailbox.deliver("inbox", mail("today", message_id="<today@acme.example>", date=t), when=t)
    batch = make_provider().sync(None, t - timedelta(days=60))
    assert [m.message_id for m in batch.messages] == ["<today@acme.example>"]


def test_naive_date_header_is_read_in_the_user_timezone(mailbox, make_provider):
    raw = mail("x", message_id="<naive@acme.example>", date=now())
    raw = re.sub(rb"Date: [^\r\n]+", b"Date: Thu, 26 Nov 2026 10:00:00 -0000", raw)
    mailbox.deliver("inbox", raw, when=now())
    batch = make_provider().sync(None, now() - timedelta(days=60))
    message = batch.messages[0]
    # "-0000" means "zone unknown": the user's zone (America/New_York, injected as _tz) applies.
    assert message.date.utcoffset() == timedelta(hours=-5)
    assert (message.date.hour, message.date.minute) == (10, 0)


def test_sent_items_folder_is_used_when_there_is_no_sent(tmp_path):
    root = tmp_path / "Mail"
    box = MaildirMailbox(root)
    t = now()
    box.deliver("sent", mail("mine", message_id="<mine@example.net>", date=t), when=t)
    os.rename(root / ".Sent", root / ".Sent Items")
    provider = open_provider({"provider": "maildir", "path": str(root)}, config_dir=str(tmp_path),
                             state_dir=str(tmp_path))
    batch = provider.sync(None, t - timedelta(days=30))
    assert [(m.message_id, m.folder) for m in batch.messages] == [("<mine@example.net>", "sent")]


def test_sent_and_drafts_folder_overrides(tmp_path):
    root = tmp_path / "Mail"
    box = MaildirMailbox(root)
    t = now()
    box.deliver("sent", mail("mine", message_id="<mine@example.net>", date=t), when=t)
    os.rename(root / ".Sent", root / ".Outbox Copies")
    box = MaildirMailbox(root)  # a fresh, default .Sent that the override must win over
    box.deliver("sent", mail("other", message_id="<other@example.net>", date=t), when=t)
    provider = open_provider({"provider": "maildir", "path": str(root), "sent_folder": "Outbox Copies",
                              "drafts_folder": ".Brouillons"}, config_dir=str(tmp_path), state_dir="")
    batch = provider.sync(None, t - timedelta(days=30))
    assert [(m.message_id, m.folder) for m in batch.messages] == [("<mine@example.net>", "sent")]
    provider.create_draft(draft("<d@example.net>"), message_id="<d@example.net>", reply_to=None)
    assert len(os.listdir(root / ".Brouillons" / "cur")) == 1
    assert os.listdir(root / ".Drafts" / "cur") == []


# -- writing drafts ------------------------------------------------------------------------------------


def test_b20_draft_is_written_atomically_with_the_draft_flag_and_0600(mailbox, make_provider):
    raw = draft("<d-1@example.net>")
    ref = make_provider().create_draft(raw, message_id="<d-1@example.net>", reply_to=None)
    drafts = mailbox.root / ".Drafts"
    assert os.listdir(drafts / "tmp") == [] and os.listdir(drafts / "new") == []
    [name] = os.listdir(drafts / "cur")
    assert name.endswith(":2,DS")
    assert ref.split("|")[0] == name[: -len(":2,DS")]
    path = drafts / "cur" / name
    assert path.read_bytes() == raw
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_b23_draft_file_name_looks_like_any_mail_client(mailbox, make_provider):
    provider = make_provider()
    for i in range(2):
        provider.create_draft(draft(f"<d-{i}@example.net>"), message_id=f"<d-{i}@example.net>", reply_to=None)
    names = os.listdir(mailbox.root / ".Drafts" / "cur")
    assert len(set(names)) == 2
    for name in names:
        assert re.fullmatch(r"\d{10}\.M\d+P\d+R[0-9a-f]+\.[^/:]+:2,DS", name), name
        assert "agent" not in name.lower() and "interview" not in name.lower()


def test_b20_draft_edited_in_place_is_edited_and_trashed_draft_is_missing(mailbox, make_provider):
    provider = make_provider()
    ref1 = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
    ref2 = provider.create_draft(draft("<d-2@example.net>"), message_id="<d-2@example.net>", reply_to=None)
    cur = mailbox.root / ".Drafts" / "cur"
    one = next(p for p in cur.iterdir() if p.name.startswith(ref1.split("|")[0]))
    one.write_bytes(draft("<d-1@example.net>", body="Rewritten in place by an editor.\n"))
    two = next(p for p in cur.iterdir() if p.name.startswith(ref2.split("|")[0]))
    os.rename(two, cur / (two.name + "T"))  # flagged Trashed: deleted as far as the user knows
    records = [record("<d-1@example.net>", ref1, key="one"), record("<d-2@example.net>", ref2, key="two")]
    assert provider.draft_status(records) == {"one": "edited", "two": "missing"}


def test_drafts_folder_is_created_when_missing(tmp_path):
    root = tmp_path / "Mail"
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True)
    provider = open_provider({"provider": "maildir", "path": str(root)}, config_dir=str(tmp_path),
                             state_dir=str(tmp_path))
    for sub in ("cur", "new", "tmp"):
        assert (root / ".Drafts" / sub).is_dir()
    assert provider.sync(None, now() - timedelta(days=1)).messages == []


# -- configuration -------------------------------------------------------------------------------------


def test_config_error_names_account_path_and_the_fix(tmp_path):
    plain = tmp_path / "not-a-maildir"
    plain.mkdir()
    for account in ({"provider": "maildir"}, {"provider": "maildir", "path": str(tmp_path / "nowhere")},
                    {"provider": "maildir", "path": str(plain)}):
        with pytest.raises(ConfigError) as err:
            open_provider(account, config_dir=str(tmp_path), state_dir=str(tmp_path))
        assert "account.path" in str(err.value)
        assert "Maildir" in str(err.value)
        assert err.value.exit_code == 2


def test_config_error_suggests_the_maildir_inside_the_given_folder(tmp_path):
    MaildirMailbox(tmp_path / "home" / "Maildir")
    with pytest.raises(ConfigError) as err:
        open_provider({"provider": "maildir", "path": str(tmp_path / "home")}, config_dir="/", state_dir="")
    assert str(tmp_path / "home" / "Maildir") in str(err.value)


def test_relative_and_home_paths(tmp_path, monkeypatch):
    MaildirMailbox(tmp_path / "cfg" / "Mail")
    provider = factory("maildir")({"provider": "maildir", "path": "Mail"}, config_dir=str(tmp_path / "cfg"),
                                  state_dir="")
    assert provider.root == tmp_path / "cfg" / "Mail"
    monkeypatch.setenv("HOME", str(tmp_path / "cfg"))
    provider = open_provider({"provider": "maildir", "path": "~/Mail"}, config_dir="/elsewhere", state_dir="")
    assert provider.root == tmp_path / "cfg" / "Mail"


def test_unknown_timezone_is_a_config_error(mailbox, tmp_path):
    with pytest.raises(ConfigError) as err:
        open_provider({**mailbox.account(), "_tz": "Mars/Olympus"}, config_dir=str(tmp_path), state_dir="")
    assert "user.timezone" in str(err.value)


def test_b25_delete_draft_leaves_files_in_drafts_that_are_not_flagged_draft(mailbox, make_provider):
    provider = make_provider()
    ref = provider.create_draft(draft("<d-1@example.net>"), message_id="<d-1@example.net>", reply_to=None)
    drafts = mailbox.root / ".Drafts" / "cur"
    [path] = list(drafts.iterdir())
    plain = path.with_name(path.name.replace(":2,DS", ":2,S"))  # a client cleared the D flag
    path.rename(plain)
    assert provider.delete_draft("<d-1@example.net>") is False and provider.delete_draft(ref) is False
    assert plain.exists()
    other = drafts / "1700000000.M1P1R1.client:2,DS"  # another draft, with another Message-ID
    other.write_bytes(draft("<d-2@example.net>"))
    assert provider.delete_draft("<d-1@example.net>") is False and other.exists()
    assert provider.delete_draft("<d-2@example.net>") is True and not other.exists() and plain.exists()
