"""The config spec and its validation (B1): every key's default, accepted and refused values and bounds;
the result types' defaults, `config/example.toml` and the README's tables agree with the spec."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from agent import config, config_spec
from agent.config_spec import REQUIRED
from agent.core import settings as core_settings
from agent.core.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]
PATH = Path("/home/jordan/.config/interview-agent/config.toml")
MINIMAL: dict[str, Any] = {"user": {"name": "Jordan Lee", "email": "jordan@example.com"},
                           "account": {"provider": "maildir", "path": "~/Mail"}}
VALIDATED = [t for t in config_spec.TABLES if t.validated]
RESULT_TYPES = {"user": core_settings.Identity, "profile": core_settings.Profile, "agent": config.Settings}


def _with(table: str, key: str, value: Any) -> dict[str, Any]:
    return {**MINIMAL, table: {**MINIMAL.get(table, {}), key: value}}


def _without(table: str, key: str) -> dict[str, Any]:
    return {**MINIMAL, table: {k: v for k, v in MINIMAL.get(table, {}).items() if k != key}}


def _value(cfg: config.Config, table: str, key: str) -> Any:
    return getattr({"user": cfg.identity, "profile": cfg.profile, "agent": cfg.settings}[table], key)


def _problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        config.parse(data, PATH)
    return caught.value.problems


# -- the spec and what is made from it ------------------------------------------------------------------
def test_the_committed_example_is_the_generated_one():
    committed = (REPO / "config" / "example.toml").read_text(encoding="utf-8")
    assert committed == config_spec.example_toml(), \
        "regenerate it: python -m agent.config_spec --example > config/example.toml"


def test_the_readme_tables_are_the_generated_ones():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert config_spec.README_START in readme and config_spec.README_END in readme
    assert readme == config_spec.with_readme_tables(readme), \
        "regenerate them: python -m agent.config_spec --readme README.md"


def test_the_generator_command_prints_the_example(capsys):
    assert config_spec.main(["--example"]) == 0
    assert capsys.readouterr().out == config_spec.example_toml()


def test_the_generator_command_rewrites_only_the_readme_tables(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\n{config_spec.README_START}\nstale rows\n{config_spec.README_END}\n\nmore\n")
    assert config_spec.main(["--readme", str(readme)]) == 0
    text = readme.read_text()
    assert text.startswith("# Title\n\n") and text.endswith("\n\nmore\n") and "stale rows" not in text
    assert "| `thank_you_window_hours` | `24` |" in text
    with pytest.raises(ValueError, match="markers"):
        config_spec.with_readme_tables("no markers here")


def test_the_example_parses_with_every_validated_key_and_no_warning():
    import tomllib

    data = tomllib.loads(config_spec.example_toml())
    with pytest.raises(ConfigError) as err:  # B1: the placeholders are the only problems
        config.parse(data, PATH)
    assert [p.split(" = ")[0] for p in err.value.problems] == ["user.name", "user.email"]
    data["user"].update(name="Ana Souza", email="ana.souza@fastmail.com")
    cfg = config.parse(data, PATH)
    assert cfg.warnings == ()
    for table in VALIDATED:
        for key in table.keys:
            shown = f"# {key.name} = " if key.commented else f"{key.name} = "
            assert shown in config_spec.example_toml(), key.name


@pytest.mark.parametrize("table", VALIDATED, ids=lambda t: t.name)
def test_the_result_types_defaults_are_the_specs(table: config_spec.Table):
    fields = {f.name: f for f in dataclasses.fields(RESULT_TYPES[table.name])}
    assert set(fields) == table.names, "every field of the result type is a key of the spec, and back"
    for key in table.keys:
        field = fields[key.name]
        if key.default is REQUIRED:
            assert field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
        elif key.default is None:  # computed: the platform's folder
            assert field.default_factory is config.default_state_dir
        else:
            assert field.default == key.default, key.name


@pytest.mark.parametrize("table", VALIDATED, ids=lambda t: t.name)
def test_a_left_out_key_takes_the_specs_default(table: config_spec.Table):
    cfg = config.parse(MINIMAL, PATH)
    for key in table.keys:
        if key.default is REQUIRED:
            assert key.name in MINIMAL[table.name]
        elif key.default is None:
            assert _value(cfg, table.name, key.name) == config.default_state_dir()
        else:
            assert _value(cfg, table.name, key.name) == key.default, key.name


@pytest.mark.parametrize("key", [k for t in VALIDATED for k in t.keys if k.default is REQUIRED],
                         ids=lambda k: k.name)
def test_a_required_key_left_out_is_a_problem_naming_it(key: config_spec.Key):
    assert _problems(_without("user", key.name)) == [f'user.{key.name} is missing; set it, e.g. {key.name} = "..."']


def test_the_spec_covers_every_key_these_tests_check():
    checked = {(t, k) for t, k, *_ in ACCEPTED} | {(t, k) for t, k, *_ in REFUSED}
    assert checked == {(t.name, k.name) for t in VALIDATED for k in t.keys}


# -- each key: accepted values (as read) and refused ones (with the message naming the key) -------------
ACCEPTED = [
    ("user", "name", "  Jordan Lee ", "Jordan Lee"),
    ("user", "email", " Jordan.Lee@Example.COM ", "jordan.lee@example.com"),
    ("user", "aliases", [" J@Work.com ", "", "me@home.net"], ("j@work.com", "me@home.net")),
    ("user", "aliases", [], ()),
    ("user", "timezone", "America/New_York", "America/New_York"),
    ("user", "timezone", "Europe/Lisbon", "Europe/Lisbon"),
    ("user", "own_domains", ["BluePeak-Logistics.com"], ("bluepeak-logistics.com",)),
    ("profile", "pitch", " I build things. ", "I build things."),
    ("profile", "signature", "Jordan\\n555", "Jordan\\n555"),
    ("profile", "strengths", ["  I ship reliable  services. ", "", "I enjoy Mentoring."],
     ("I ship reliable services.", "I enjoy Mentoring.")),  # case kept, blanks dropped, spaces folded
    ("profile", "strengths", [], ()),
    ("agent", "state_dir", "state", PATH.parent / "state"),
    ("agent", "state_dir", "/var/lib/agent", Path("/var/lib/agent")),
    ("agent", "state_dir", "~/agent-state", Path("~/agent-state").expanduser()),
    ("agent", "state_dir", "", None),  # empty: the default
    ("agent", "thank_you_window_hours", 48, 48),
    ("agent", "default_decision_business_days", 10, 10),
    ("agent", "max_follow_ups", 0, 0),
    ("agent", "lookback_days", 365, 365),
    ("agent", "max_drafts_per_run", 25, 25),
    ("agent", "briefing", False, False),  # B24: briefings off
    ("agent", "briefing_hour", 6, 6),
]

STRENGTHS_REFUSED = ('profile.strengths must be a list of strings, e.g. strengths = ["I ship reliable services.", '
                     '"I enjoy mentoring."]')
REFUSED = [
    ("user", "name", 5, "user.name must be a string"),
    ("user", "email", "not-an-address", "user.email = 'not-an-address' is not an email address"),
    ("user", "email", "jo rdan@example.com", "user.email = 'jo rdan@example.com' is not an email address"),
    ("user", "email", ["a@b.c"], "user.email must be a string"),
    ("user", "aliases", "a@b.c", 'user.aliases must be a list of strings, e.g. aliases = ["a@example.com"]'),
    ("user", "aliases", ["a@b.c", 5], 'user.aliases must be a list of strings, e.g. aliases = ["a@example.com"]'),
    ("user", "timezone", "Mars/Base",
     "user.timezone = 'Mars/Base' is not an IANA time zone; use a name like \"America/New_York\""),
    ("user", "own_domains", "acme.com",
     'user.own_domains must be a list of strings, e.g. own_domains = ["a@example.com"]'),
    ("profile", "pitch", ["x"], "profile.pitch must be a string"),
    ("profile", "signature", 1, "profile.signature must be a string"),
    ("profile", "strengths", "I ship.", STRENGTHS_REFUSED),
    ("profile", "strengths", ["I ship.", 3], STRENGTHS_REFUSED),
    ("agent", "state_dir", 5, "agent.state_dir must be a string"),
    ("agent", "thank_you_window_hours", "24",
     "agent.thank_you_window_hours must be a whole number from 1 to 336 (default 24)"),
    ("agent", "default_decision_business_days", 7.5,
     "agent.default_decision_business_days must be a whole number from 1 to 90 (default 7)"),
    ("agent", "max_follow_ups", True, "agent.max_follow_ups must be a whole number from 0 to 5 (default 1)"),
    ("agent", "lookback_days", -1, "agent.lookback_days must be a whole number from 1 to 3650 (default 60)"),
    ("agent", "max_drafts_per_run", 0,
     "agent.max_drafts_per_run must be a whole number from 1 to 10000 (default 10)"),
    ("agent", "briefing", "no", "agent.briefing must be true or false (default true)"),
    ("agent", "briefing_hour", 24, "agent.briefing_hour must be a whole number from 0 to 23 (default 7)"),
]


@pytest.mark.parametrize(("table", "key", "value", "read"), ACCEPTED, ids=lambda v: repr(v)[:30])
def test_an_accepted_value_is_read(table: str, key: str, value: Any, read: Any):
    cfg = config.parse(_with(table, key, value), PATH)
    assert _value(cfg, table, key) == (config.default_state_dir() if read is None else read)
    assert cfg.warnings == ()


@pytest.mark.parametrize(("table", "key", "value", "message"), REFUSED, ids=lambda v: repr(v)[:30])
def test_a_refused_value_is_a_problem_naming_the_key(table: str, key: str, value: Any, message: str):
    assert _problems(_with(table, key, value)) == [message]


def test_a_timezone_that_is_not_text_is_two_problems():
    assert _problems(_with("user", "timezone", 5)) == [
        "user.timezone must be a string",
        "user.timezone = '' is not an IANA time zone; use a name like \"America/New_York\""]


@pytest.mark.parametrize("key", [k for k in config_spec.AGENT.keys if k.kind == "integer"], ids=lambda k: k.name)
def test_an_integer_key_takes_its_bounds_and_refuses_past_them(key: config_spec.Key):
    for inside in (key.low, key.high):
        assert _value(config.parse(_with("agent", key.name, inside), PATH), "agent", key.name) == inside
    message = f"agent.{key.name} must be a whole number from {key.low} to {key.high} (default {key.default})"
    for outside in (key.low - 1, key.high + 1):
        assert _problems(_with("agent", key.name, outside)) == [message]


def test_the_integer_bounds():
    bounds = {k.name: (k.low, k.high, k.default) for k in config_spec.AGENT.keys if k.kind == "integer"}
    assert bounds == {"thank_you_window_hours": (1, 336, 24), "default_decision_business_days": (1, 90, 7),
                      "max_follow_ups": (0, 5, 1), "lookback_days": (1, 3650, 60),
                      "max_drafts_per_run": (1, 10000, 10), "briefing_hour": (0, 23, 7)}


# -- tables, unknown keys, the file ----------------------------------------------------------------------
def test_every_problem_is_reported_at_once():
    data = {"user": {"email": "x", "timezone": "Nowhere/Land"}, "agent": {"max_follow_ups": 9}}
    assert _problems(data) == [
        'user.name is missing; set it, e.g. name = "..."',
        "user.email = 'x' is not an email address",
        "user.timezone = 'Nowhere/Land' is not an IANA time zone; use a name like \"America/New_York\"",
        "agent.max_follow_ups must be a whole number from 0 to 5 (default 1)",
        "no [account] table; add one, e.g. with `interview-agent connect maildir PATH`"]


@pytest.mark.parametrize("table", ["user", "profile", "agent"])
def test_a_table_that_is_not_a_table_is_a_problem(table: str):
    assert f"[{table}] must be a table" in _problems({**MINIMAL, table: "x"})


def test_unknown_keys_and_tables_are_warned_about_and_ignored():
    data = {**MINIMAL, "profile": {"pitch": "p", "pich": "typo"}, "agent": {"lookback": 5}, "extra": {"a": 1}}
    cfg = config.parse(data, PATH)
    assert cfg.warnings == ("profile.pich is not a known key and is ignored; did you mean pitch?",
                            "agent.lookback is not a known key and is ignored; did you mean lookback_days?",
                            "[extra] is not a known table and is ignored")  # nothing close: no guess
    assert cfg.settings.lookback_days == 60


def test_account_keys_are_left_to_the_provider():
    cfg = config.parse(_with("account", "anything", 1), PATH)
    assert cfg.warnings == () and cfg.accounts[0]["anything"] == 1 and cfg.accounts[0]["_name"] == "account"


@pytest.mark.parametrize(("data", "message"), [
    ({"user": MINIMAL["user"]}, "no [account] table; add one, e.g. with `interview-agent connect maildir PATH`"),
    (_without("account", "provider"), "account.provider is missing; set it to maildir, imap, gmail or outlook"),
    (_with("account", "name", ""), 'account.name must be a short one-line text, e.g. name = "work"'),
    (_with("account", "name", "a\nb"), 'account.name must be a short one-line text, e.g. name = "work"'),
    ({**MINIMAL, "accounts": [{"provider": "maildir"}]}, "use either [account] or [[accounts]], not both"),
    ({"user": MINIMAL["user"], "account": ["x"]}, "[account] must be a table (or [[accounts]] a list of tables)"),
    ({"user": MINIMAL["user"], "accounts": [{"provider": "maildir", "name": "A"}, {"provider": "imap", "name": "a"}]},
     ("accounts[0] and accounts[1] are both named 'a'; the state store keeps each account's progress under its "
      'name, so give each a different name = "..."')),
])
def test_account_problems(data: dict[str, Any], message: str):
    assert message in _problems(data)


def test_load_reports_a_missing_file_and_bad_toml(tmp_path):
    with pytest.raises(ConfigError, match=r"no config file at .*interview-agent init"):
        config.load(tmp_path / "config.toml")
    (tmp_path / "config.toml").write_text("[user\n")
    with pytest.raises(ConfigError, match="not valid TOML") as caught:
        config.load(tmp_path / "config.toml")
    assert caught.value.path == str(tmp_path / "config.toml") and caught.value.exit_code == 2


@pytest.mark.parametrize(("user", "problem"), [
    ({"name": "Your Name"}, "user.name = 'Your Name' is still the example's placeholder"),
    ({"name": "  your name "}, "user.name = 'your name' is still the example's placeholder"),
    ({"email": "YOU@example.com"}, "user.email = 'YOU@example.com' is still the example's placeholder"),
    ({"name": ""}, "user.name is empty; set it"),
    ({"name": "   "}, "user.name is empty; set it"),
    ({"email": ""}, "user.email is empty; set it"),
])
def test_b1_placeholders_and_empty_identity_are_problems(user, problem):
    data = {**MINIMAL, "user": {**MINIMAL["user"], **user}}
    assert any(p.startswith(problem) for p in _problems(data)), _problems(data)


def test_problems_of_every_table_and_the_account_come_together():
    data = {"user": {"name": "Your Name", "email": "x@y.org", "timezone": "Nowhere/Land", "emial": "a@b.c"},
            "agent": {"max_follow_ups": 9}, "account": {"provider": "imap"}}
    problems = _problems(data)
    for part in ("user.name", "user.timezone", "agent.max_follow_ups", "account.host is missing",
                 "account.username is missing", "user.emial is not a known key and is ignored; did you mean email?"):
        assert any(part in p for p in problems), (part, problems)


@pytest.mark.parametrize(("account", "problem"), [
    ({}, "account.provider is missing"),
    ({"provider": "gmial"}, "account.provider = 'gmial' is not known; did you mean gmail?"),
    ({"provider": "maildir"}, "account.path is missing"),
])
def test_account_problems_that_need_no_mailbox_are_config_problems(account, problem):
    assert any(p.startswith(problem) for p in _problems({**MINIMAL, "account": account}))
