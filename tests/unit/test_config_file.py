"""Writing the config: `init`'s example and `connect`'s account tables keep the user's text and stay 0600."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

import pytest

from agent import config, config_file, config_spec
from agent.core.errors import ConfigError

MAILDIR = {"provider": "maildir", "path": "/home/jordan/Mail"}
IMAP = {"provider": "imap", "host": "imap.example.com", "port": 993, "username": "jordan@example.com"}


def _read(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_the_packaged_example_is_the_specs():
    assert config_file.example_text() == config_spec.example_toml()


def test_write_example_writes_0600_and_refuses_to_overwrite(tmp_path):
    path = tmp_path / "config.toml"
    config_file.write_example(path)
    assert path.read_text(encoding="utf-8") == config_spec.example_toml()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with pytest.raises(ConfigError, match="already exists; edit it, or pass --config NEW_PATH"):
        config_file.write_example(path)


def test_without_a_file_the_account_goes_into_the_example(tmp_path):
    path = tmp_path / "config.toml"
    assert config_file.set_account(path, MAILDIR) == "account"
    assert _read(path)["account"] == MAILDIR
    assert "# The address you apply for jobs with" in path.read_text(encoding="utf-8")  # the example's help stays
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_the_single_account_is_replaced_and_the_users_comments_kept(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('# mine\n[user]\nname = "J"  # me\n\n[account]\nprovider = "maildir"\npath = "/old"\n')
    assert config_file.set_account(path, MAILDIR) == "account"
    text = path.read_text(encoding="utf-8")
    assert "# mine" in text and "# me" in text and "/old" not in text
    assert _read(path)["account"] == MAILDIR


def test_a_new_name_turns_the_account_into_accounts_keeping_the_first_ones_name(tmp_path):
    path = tmp_path / "config.toml"
    config_file.set_account(path, MAILDIR)
    assert config_file.set_account(path, IMAP, "work") == "work"
    data = _read(path)
    assert "account" not in data
    assert data["accounts"] == [{"name": "account", **MAILDIR}, {"name": "work", **IMAP}]


def test_in_accounts_the_named_entry_is_replaced_else_added(tmp_path):
    path = tmp_path / "config.toml"
    config_file.set_account(path, MAILDIR)
    config_file.set_account(path, IMAP, "work")
    assert config_file.set_account(path, {**IMAP, "port": 1993}, "work") == "work"
    assert [a.get("port") for a in _read(path)["accounts"]] == [None, 1993]
    other = {**MAILDIR, "path": "/srv/Mail"}
    assert config_file.set_account(path, other) == config.default_account_name(other, single=False)
    assert len(_read(path)["accounts"]) == 3
