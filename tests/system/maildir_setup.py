"""The Maildir mailbox and config most system tests start from: the fixture Google invitation in the inbox
and a config pointing at it, with the state under the test's own folder."""

from __future__ import annotations

from pathlib import Path

from tests.mailboxes import MaildirMailbox

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mail"
INVITE = FIXTURES / "google_invite_interview.eml"


def mailbox_and_config(tmp_path: Path) -> tuple[MaildirMailbox, Path]:
    """(the mailbox holding the invitation, the config file); the caller closes the mailbox."""
    box = MaildirMailbox(tmp_path / "Mail")
    box.deliver("inbox", INVITE.read_bytes())
    config = tmp_path / "config.toml"
    config.write_text(f"""
[user]
name = "Jordan Lee"
email = "jordan.lee@gmail.com"
timezone = "America/New_York"

[profile]
pitch = "I build reliable backend services."

[account]
provider = "maildir"
path = "{box.account()['path']}"

[agent]
state_dir = "{tmp_path / 'state'}"
briefing = false  # the briefing (B24) has its own tests: tests/unit/test_briefing.py, scenarios 290-298
""")
    return box, config
