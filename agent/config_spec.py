"""The config's one spec: every table and key with its type, default, bounds and help (style: khal's spec).

From this one list come the validation and the defaults (`agent.config`), the commented example that
`init` writes (`config/example.toml`) and the README's config tables. Regenerate the two files after
editing the spec (tests fail until the committed copies match):

    python -m agent.config_spec --example > config/example.toml
    python -m agent.config_spec --readme README.md

The `[account]` table is documented here but validated by each provider (`providers/*`), so its keys
are not listed as known keys and never warned about.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Kind = Literal["text", "email", "timezone", "strings", "sentences", "path", "integer", "boolean"]
"""How a key's value is read (`agent.config`): `text` a string, trimmed; `email` trimmed, lower case, an
address; `timezone` an IANA name; `strings` a list of strings, trimmed and lower case; `sentences` a list
of strings, trimmed, case kept, empty ones dropped; `path` a folder,
`~` expanded and relative to the config's folder; `integer` a whole number within [low, high]; `boolean` true
or false."""


class _Required:
    """The default of a key that has none: leaving it out is a problem."""

    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()
SAME_AS_DEFAULT: Any = object()  # a key's example value when it is the default


@dataclass(frozen=True)
class Key:
    """One config key.

    `default` is what a left-out key means: REQUIRED when it must be set, None when the program computes
    it (`default_doc` then says what it is). `help` is the comment above the key in the example file and
    `meaning` its cell in the README's table. `example` is the value the example file shows (a
    placeholder the user replaces, like "Your Name"); `commented` writes that line as a comment."""

    name: str
    kind: Kind
    default: Any
    meaning: str
    help: str
    example: Any = SAME_AS_DEFAULT
    commented: bool = False
    note: str = ""  # a comment after the example value, on the same line
    default_doc: str = ""  # the README's default cell when the default is not a plain value
    low: int = 0  # bounds of an integer
    high: int = 0

    @property
    def example_value(self) -> Any:
        return self.default if self.example is SAME_AS_DEFAULT else self.example


@dataclass(frozen=True)
class Table:
    """One `[table]` of the config. `validated` is False for a table its provider validates
    (`[account]`): its keys are documented only. `example_tail` is comment text the example file shows
    after the keys; `readme_rows` (key, meaning) are rows the README adds after the keys' rows (documented
    only), and `readme_note` a paragraph after the table."""

    name: str
    keys: tuple[Key, ...]
    validated: bool = True
    example_tail: str = ""
    readme_rows: tuple[tuple[str, str], ...] = ()
    readme_note: str = ""

    def key(self, name: str) -> Key:
        return next(k for k in self.keys if k.name == name)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(k.name for k in self.keys)


EXAMPLE_HEADER = """\
interview-agent configuration.

The agent reads your mailbox, recognises job interviews and writes thank-you, follow-up and
acknowledgement emails as DRAFTS in your Drafts folder. It never sends anything: you review and send.

Edit [user] and [profile] below, then connect a mailbox, e.g.:
    interview-agent connect maildir ~/Mail
and try a dry run:
    interview-agent run --dry-run"""

USER = Table("user", (
    Key("name", "text", REQUIRED, example="Your Name",
        meaning="your name, for the From header and the signature",
        help="Your name as it should appear in the drafts' From header and greeting."),
    Key("email", "email", REQUIRED, example="you@example.com",
        meaning="the address you apply with; drafts are written from it",
        help="The address you apply for jobs with; drafts are written from it."),
    Key("aliases", "strings", (),
        meaning="your other addresses, so mail from them counts as yours",
        help="Other addresses of yours, so that mail you sent from them counts as yours."),
    Key("timezone", "timezone", "UTC", example="America/New_York",
        meaning="IANA name (`\"America/New_York\"`); every day, business day and end of day is counted in it",
        help="IANA time zone name. Every \"day\", \"business day\" and \"end of day\" the agent counts is in "
             "this zone."),
    Key("own_domains", "strings", (),
        meaning="your employer's domains: meetings where everyone else is inside them are internal, or "
                "interviews you give",
        help="Your current employer's domains, e.g. [\"bluepeak-logistics.com\"]: meetings where everyone else "
             "is\ninside these domains are internal meetings (or interviews you give), never interviews you "
             "attend."),
))

PROFILE = Table("profile", (
    Key("pitch", "text", "",
        example="I have five years of experience building reliable backend services and I enjoy working "
                "closely with product teams.",
        meaning="one or two sentences on why you fit; thank-you notes use them (fewer when the note would "
                "pass 150 words)",
        help="One or two sentences on why you fit; the thank-you notes use them. Keep it short and specific."),
    Key("strengths", "sentences", (),
        example=["I cut our main API's response time in half.", "I enjoy mentoring new engineers."],
        commented=True,
        meaning="optional short sentences on why you fit; each thank-you adds one of them to the pitch's "
                "first sentence, a different one for each person at one company",
        help="Optional: short sentences on why you fit, one per list item. Each thank-you note adds one of them "
             "to\nthe pitch's first sentence, a different one for each interviewer at one company, so that "
             "notes to\ntwo people on one panel do not read alike. Never more than what you write here."),
    Key("signature", "text", "", example="Your Name\n(555) 010-2000", commented=True, default_doc="your name",
        meaning="the end of every draft; `\"\\n\"` starts a new line",
        help="The signature at the end of every draft; \"\\n\" starts a new line. Default: your name."),
))

ACCOUNT = Table("account", (
    Key("provider", "text", REQUIRED, example="maildir", note="maildir | imap | gmail | outlook",
        meaning="`maildir`, `imap`, `gmail` or `outlook`",
        help="Which mailbox to read and write drafts into. `interview-agent connect ...` writes this table "
             "for you."),
), validated=False, example_tail="""\
# maildir: the Maildir++ root (the inbox at the root, sent mail in ".Sent", drafts in ".Drafts").
path = "~/Mail"

# provider = "imap": `interview-agent connect imap` writes these keys (the password goes to the keyring
# or a 0600 file, never here)
# host = "imap.fastmail.com"
# port = 993
# username = "you@fastmail.com"
# security = "tls"            # tls (implicit) | starttls | none (accepted for loopback hosts only)
# tls_verify = true
# password_command = "pass show mail/fastmail"   # else the keyring / token store written by `connect imap`
# drafts_folder = ""          # overrides SPECIAL-USE discovery of the Drafts folder
# sent_folder = ""            # likewise for the Sent folder
#
# provider = "gmail": `interview-agent connect gmail --client-secrets FILE` writes
# token_file = "secrets/gmail-token.json"        # relative to this file's folder; kept 0600
# calendars = ["primary"]
#
# provider = "outlook": `interview-agent connect outlook --client-id ID` writes
# client_id = "00000000-0000-0000-0000-000000000000"
# authority = "https://login.microsoftonline.com/common"
# token_cache = "secrets/outlook-token-cache.json"
#
# Several mailboxes: use [[accounts]] tables instead of [account], each with a `name`.""", readme_rows=(
    ("`name`", "optional; names the account in logs and `status` (needed to tell several apart)"),
    ("`path`", "maildir: the Maildir++ root (`~` is expanded)"),
    ("`host`, `port`, `username`, `security`, `tls_verify`, `password_command`, `drafts_folder`, `sent_folder`",
     "imap: see [Any IMAP mailbox](#any-imap-mailbox-connect-imap)"),
    ("`token_file`, `calendars`, `api_endpoint`, `token_uri`",
     "gmail: see [Gmail and Google Calendar](#gmail-and-google-calendar)"),
    ("`client_id`, `authority`, `token_cache`, `graph_url`, `tls_ca_file`",
     "outlook: see [Outlook.com and Microsoft 365](#outlookcom-and-microsoft-365)"),
), readme_note="""\
`interview-agent connect maildir|imap|gmail|outlook` writes this table for you. Secrets never go in
the config: they live in the keyring or in 0600 files under `<config dir>/secrets/`.""")

AGENT = Table("agent", (
    Key("state_dir", "path", None, example="~/.local/share/interview-agent", commented=True,
        default_doc="user data folder",
        meaning="where the state database and the log live (relative paths are from the config's folder)",
        help="Where the agent keeps its state (SQLite) and logs. Default: your user data folder."),
    Key("thank_you_window_hours", "integer", 24, low=1, high=24 * 14,
        meaning="thank-you drafts are made at the first run after the end and before end + this",
        help="A thank-you draft is made at the first run after an interview ends, within this many hours."),
    Key("default_decision_business_days", "integer", 7, low=1, high=90,
        meaning="when nobody said when they decide: the end + this many business days",
        help="When nobody said when they will decide, the decision date is the interview's end plus this many"
             "\nbusiness days; a follow-up draft is due the day after."),
    Key("max_follow_ups", "integer", 1, low=0, high=5,
        meaning="follow-ups per interview (0 turns them off)",
        help="At most this many follow-ups per interview (0 turns follow-ups off)."),
    Key("lookback_days", "integer", 60, low=1, high=3650,
        meaning="how far back the first run reads",
        help="How many days back the first run reads."),
    Key("max_drafts_per_run", "integer", 10, low=1, high=10000,
        meaning="a safety valve: a run that would make more drafts stops and asks for `run --force`",
        help="A run that would make more drafts than this stops and asks for --force (a safety valve)."),
    Key("briefing", "boolean", True,
        meaning="the morning briefing draft to yourself (B24-B26; README \"The morning briefing\")",
        help="The morning briefing: a draft to yourself on interview days (and when drafts wait for you)."),
    Key("briefing_hour", "integer", 7, low=0, high=23,
        meaning="local hour from which the day's briefing may be made",
        help="The local hour (0-23) from which the day's briefing may be made."),
))

TABLES: tuple[Table, ...] = (USER, PROFILE, ACCOUNT, AGENT)
ACCOUNTS_LIST = "accounts"  # `[[accounts]]`: several `[account]` tables, each with a name
TOP_LEVEL = frozenset({t.name for t in TABLES} | {ACCOUNTS_LIST})


# -- the example file ---------------------------------------------------------------------------------
NOTE_COLUMN = 28  # where a same-line comment starts, so a column of them lines up


def _comment(text: str) -> list[str]:
    return [f"# {line}" if line.strip() else "#" for line in text.splitlines()]


def _toml(value: Any) -> str:
    """A TOML literal for the spec's value types: JSON's strings, numbers, booleans and arrays are TOML's."""
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)


def example_toml() -> str:
    """The commented example config: what `init` writes and `config/example.toml` holds."""
    lines = _comment(EXAMPLE_HEADER)
    for table in TABLES:
        lines += ["", f"[{table.name}]"]
        for key in table.keys:
            line = f"{'# ' if key.commented else ''}{key.name} = {_toml(key.example_value)}"
            if key.note:
                line = f"{line:<{NOTE_COLUMN}}# {key.note}"
            lines += [*_comment(key.help), line]
        if table.example_tail:
            lines += table.example_tail.splitlines()
    return "\n".join(lines) + "\n"


# -- the README's tables --------------------------------------------------------------------------------
README_START = "<!-- config-table:start (generated by `python -m agent.config_spec --readme README.md`) -->"
README_END = "<!-- config-table:end -->"


def _default_cell(key: Key) -> str:
    if key.default_doc:
        return key.default_doc
    return "required" if key.default is REQUIRED else f"`{_toml(key.default)}`"


def readme_tables() -> str:
    """The README's config tables in Markdown, one section per table."""
    parts = []
    for table in TABLES:
        if table.validated:
            rows = ["| key | default | meaning |", "| --- | --- | --- |"]
            rows += [f"| `{k.name}` | {_default_cell(k)} | {k.meaning} |" for k in table.keys]
        else:
            rows = ["| key | meaning |", "| --- | --- |"]
            rows += [f"| `{k.name}` | {k.meaning} |" for k in table.keys]
        rows += [f"| {names} | {meaning} |" for names, meaning in table.readme_rows]
        parts.append("\n".join([f"### `[{table.name}]`", "", *rows]))
        if table.readme_note:
            parts.append(table.readme_note)
    return "\n\n".join(parts) + "\n"


def with_readme_tables(readme: str) -> str:
    """`readme` with the text between the config-table markers replaced by the generated tables."""
    head, start, rest = readme.partition(README_START)
    _, end, tail = rest.partition(README_END)
    if not start or not end:
        raise ValueError(f"the README has no {README_START} ... {README_END} markers")
    return f"{head}{start}\n\n{readme_tables()}\n{end}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m agent.config_spec",
                                     description=(__doc__ or "").split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--example", action="store_true", help="print the example config")
    group.add_argument("--readme", type=Path, metavar="README", help="rewrite this file's config tables")
    args = parser.parse_args(argv)
    if args.example:
        sys.stdout.write(example_toml())
    else:
        args.readme.write_text(with_readme_tables(args.readme.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
