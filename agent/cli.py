"""The command line: thin click commands over the runner and the state store; rich for people,
`--json` for programs. One handler turns AgentError into a message and its exit code."""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

import click

from agent import config as config_mod
from agent import config_file, lock
from agent.core.errors import EXIT_FAILED, EXIT_LOCKED, EXIT_OK, EXIT_UNREACHABLE, AgentError, ConfigError

log = logging.getLogger("agent")
run_log = logging.getLogger("agent.run")


# -- plumbing ----------------------------------------------------------------------------------------
class Ctx:
    def __init__(self, config_path: Path | None, verbose: bool):
        self.config_path = config_path
        self.verbose = verbose
        self.account: str | None = None  # `connect --account NAME`

    @property
    def path(self) -> Path:
        return self.config_path or config_mod.default_config_path()

    def load(self) -> config_mod.Config:
        cfg = config_mod.load(self.path)
        for warning in cfg.warnings:
            click.echo(f"warning: {warning}", err=True)
        _setup_logging(cfg.settings.state_dir, self.verbose)
        return cfg


_handlers: list[logging.Handler] = []
_levels: list[tuple[logging.Logger, int]] = []
OUR_LOGGERS = ("agent", "providers")  # only these log below WARNING: libraries' debug output can carry
# protocol traffic (mail bodies, tokens), so it never reaches the log, even with --verbose (B22)
LOG_NAME = "interview-agent.log"


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose every file, rotated ones included, is created 0600."""

    def _open(self):  # type: ignore[override]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.fchmod(fd, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def _not_echoed(record: logging.LogRecord) -> bool:
    return not getattr(record, "echoed", False)  # already said on stderr by the command itself


def _setup_logging(state_dir: Path, verbose: bool) -> None:
    """A rotating log file in the state dir (0600) and warnings on stderr, for this invocation."""
    from agent.state import _secure_dir

    if _handlers:
        return
    _secure_dir(state_dir)
    handler = _PrivateRotatingFileHandler(state_dir / LOG_NAME, maxBytes=1_000_000, backupCount=3,
                                          encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    console.addFilter(_not_echoed)
    root = logging.getLogger()
    _levels.append((root, root.level))
    for h in (handler, console):
        root.addHandler(h)
        _handlers.append(h)
    root.setLevel(logging.WARNING)
    for name in OUR_LOGGERS:
        ours = logging.getLogger(name)
        _levels.append((ours, ours.level))
        ours.setLevel(logging.DEBUG if verbose else logging.INFO)


def _teardown_logging() -> None:
    root = logging.getLogger()
    while _handlers:
        h = _handlers.pop()
        root.removeHandler(h)
        h.close()
    while _levels:
        logger, level = _levels.pop()
        logger.setLevel(level)


def _parse_now(value: str | None, cfg: config_mod.Config) -> datetime:
    if not value:
        return datetime.now(cfg.identity.tz)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"--now {value!r} is not an ISO 8601 instant, e.g. 2026-11-17T18:00:00-05:00") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=cfg.identity.tz)


class Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AgentError as exc:
            verbose = bool(ctx.obj and ctx.obj.verbose)
            if verbose:
                log.exception("failed")
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        finally:
            _teardown_logging()


@click.group(cls=Group, epilog="Exit codes (run): 0 all done; 1 some items or accounts failed (logged); 2 "
                              "configuration error; 3 mailbox unreachable or credentials refused; 4 another run "
                              "was in progress.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
              help="Config file (default: the user config dir's config.toml).")
@click.option("-v", "--verbose", is_flag=True, help="Log details to stderr.")
@click.version_option(package_name="interview-agent", prog_name="interview-agent")
@click.pass_context
def main(ctx: click.Context, config_path: Path | None, verbose: bool) -> None:
    """Drafts the emails that follow a job interview, in your own mailbox. Never sends."""
    ctx.obj = Ctx(config_path, verbose)


# -- init / connect ----------------------------------------------------------------------------------
@main.command()
@click.pass_obj
def init(obj: Ctx) -> None:
    """Write a commented example config (refuses to overwrite)."""
    path = obj.path
    config_file.write_example(path)
    click.echo(f"wrote {path}\nnext: set [user] name, email and timezone, then connect a mailbox, e.g.\n"
               f"  interview-agent --config {path} connect maildir ~/Mail")


@main.group()
@click.option("--account", "account_name", default=None,
              help="With several accounts: the name of the one to connect (a new name adds an account).")
@click.pass_obj
def connect(obj: Ctx, account_name: str | None) -> None:
    """Connect a mailbox once: writes the account into the config, secrets into the token store."""
    obj.account = account_name


@connect.command("maildir")
@click.argument("path", type=click.Path(path_type=Path))
@click.pass_obj
def connect_maildir(obj: Ctx, path: Path) -> None:
    """A local Maildir++ tree (inbox at the root, .Sent, .Drafts)."""
    root = path.expanduser().resolve()
    if not ((root / "cur").is_dir() and (root / "new").is_dir()):
        raise ConfigError(f"{root} is not a Maildir: it needs cur/ and new/ folders (the inbox) at its root")
    config_file.set_account(obj.path, {"provider": "maildir", "path": str(root)}, obj.account)
    click.echo(f"connected maildir {root} in {obj.path}")


@connect.command("imap")
@click.option("--host", prompt=True)
@click.option("--port", type=int, default=993, prompt=True)
@click.option("--username", prompt=True)
@click.option("--security", type=click.Choice(["tls", "starttls", "none"]), default="tls", prompt=True)
@click.option("--password-command", default="", help="A command that prints the password (like mbsync's PassCmd).")
@click.option("--oauth", type=click.Choice(["outlook", "google"]), default=None,
              help="Sign in with OAuth (XOAUTH2) instead of a password: outlook (Outlook.com, Microsoft 365) "
                   "or google (Gmail).")
@click.option("--client-id", default="", help="--oauth outlook: the application (client) id of your app registration.")
@click.option("--authority", default="https://login.microsoftonline.com/common", show_default=True,
              help="--oauth outlook: common, consumers, organizations, or a tenant's authority URL.")
@click.option("--client-secrets", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help='--oauth google: your OAuth client file (type "Desktop app") from the Google Cloud console.')
@click.option("--no-browser", is_flag=True,
              help="--oauth google: print the sign-in URL and accept the pasted redirect URL.")
@click.pass_obj
def connect_imap(obj: Ctx, host: str, port: int, username: str, security: str, password_command: str,
                 oauth: str | None, client_id: str, authority: str, client_secrets: Path | None,
                 no_browser: bool) -> None:
    """Any IMAP server: password or app password, kept in the keyring or a 0600 file; or an OAuth sign-in
    (--oauth outlook / google) whose token is kept 0600."""
    imap = _provider_module("imap")
    if oauth:
        account = imap.connect_imap(host, port, username, "", security, config_dir=str(obj.path.parent),
                                    password_command=password_command, oauth=oauth, client_id=client_id,
                                    authority=authority, client_secrets=client_secrets, no_browser=no_browser,
                                    echo=click.echo, prompt=click.prompt)
    else:
        password = "" if password_command else click.prompt("Password (or app password)", hide_input=True)
        account = imap.connect_imap(host, port, username, password, security, config_dir=str(obj.path.parent),
                                    password_command=password_command)
    config_file.set_account(obj.path, account, obj.account)
    click.echo(f"connected imap {username}@{host} in {obj.path}")


def _provider_module(name: str):
    import importlib

    try:
        return importlib.import_module(f"providers.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"providers.{name}":
            raise ConfigError(f"the {name} provider is not available in this version") from exc
        raise


@connect.command("gmail")
@click.option("--client-secrets", type=click.Path(path_type=Path, exists=True, dir_okay=False), required=True,
              help='Your OAuth client file (type "Desktop app") from the Google Cloud console.')
@click.option("--no-browser", is_flag=True, help="Print the sign-in URL and accept the pasted redirect URL.")
@click.option("--port", type=int, default=0, help="Loopback port for the sign-in redirect (default: any free).")
@click.option("--calendar", "calendars", multiple=True, help="Another calendar id to read (repeatable).")
@click.pass_obj
def connect_gmail(obj: Ctx, client_secrets: Path, no_browser: bool, port: int, calendars: tuple[str, ...]) -> None:
    """Gmail API + Google Calendar: sign in once in a browser; the token is kept 0600."""
    gmail = _provider_module("gmail")
    account = gmail.connect(client_secrets, config_dir=obj.path.parent, no_browser=no_browser, port=port,
                            calendars=list(calendars), prompt=click.prompt, echo=click.echo)
    config_file.set_account(obj.path, account, obj.account)
    click.echo(f"connected gmail in {obj.path}")


@connect.command("outlook")
@click.option("--client-id", required=True, help="The application (client) id of your app registration.")
@click.option("--authority", default="https://login.microsoftonline.com/common", show_default=True,
              help="common (work and personal), consumers, organizations, or a tenant's authority URL.")
@click.option("--tls-ca-file", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="PEM of the certificate authorities to trust instead of the system's (a TLS-inspecting proxy).")
@click.pass_obj
def connect_outlook(obj: Ctx, client_id: str, authority: str, tls_ca_file: Path | None) -> None:
    """Outlook.com / Microsoft 365 via Microsoft Graph: device-code sign-in; the token cache is kept 0600."""
    outlook = _provider_module("outlook")
    account = outlook.connect(client_id, authority=authority, config_dir=obj.path.parent, echo=click.echo,
                              tls_ca_file=str(tls_ca_file) if tls_ca_file else None)
    config_file.set_account(obj.path, account, obj.account)
    click.echo(f"connected outlook in {obj.path}")


# -- run ---------------------------------------------------------------------------------------------
EXIT_CODES_HELP = ("Exit codes: 0 all done; 1 some items or accounts failed and were skipped (logged); "
                   "2 configuration error; 3 the mailbox could not be reached or the credentials were refused; "
                   f"{EXIT_LOCKED} another run was already in progress (nothing done).")


@main.command(epilog=EXIT_CODES_HELP)
@click.option("--now", "now_text", default=None, help="Make the agent's clock read this ISO 8601 instant.")
@click.option("--dry-run", is_flag=True, help="Print what would be drafted; change nothing.")
@click.option("--force", is_flag=True, help="Proceed even past max_drafts_per_run.")
@click.pass_obj
def run(obj: Ctx, now_text: str | None, dry_run: bool, force: bool) -> None:
    """One pass: sync, detect, draft, follow up, over every account. What cron calls.

    One run at a time per state dir: a run that finds another one going exits at once with code 4."""
    cfg = obj.load()
    now = _parse_now(now_text, cfg)
    if dry_run:  # reads only: no lock needed, and a dry run never stops a real one
        sys.exit(_run_once(cfg, now, dry_run=True, force=force))
    with lock.hold(cfg.settings.state_dir, "run"):
        code = _run_once(cfg, now, dry_run=False, force=force)
    sys.exit(code)


def _run_once(cfg: config_mod.Config, now: datetime, *, dry_run: bool, force: bool,
              stopping=lambda: False, echo_summary: bool = False) -> int:
    """One run over every account; prints what it did, logs the summary line; returns the exit code."""
    from agent import runner
    from agent.state import State

    with State.open(cfg.settings.state_dir) as state:
        results = runner.run_all(cfg, state, now, dry_run=dry_run, force=force, stopping=stopping)
        after = {} if dry_run else {r.name: runner.evaluate(cfg, state, r.name, now)[0]
                                    for r in results if r.report is not None and r.report.made}
    several = len(cfg.accounts) > 1
    for result in results:
        if result.report is not None:
            _print_run(result.report, dry_run, several)
            continue
        exc = result.error
        prefix = f"{result.name}: " if several else ""
        if isinstance(exc, AgentError):
            message = f"{prefix}{exc}"
            run_log.error("%s", message, extra={"echoed": True})
        else:
            message = f"{prefix}the run failed unexpectedly ({type(exc).__name__}: {exc}); details in the log"
            run_log.error("%s", message, exc_info=exc, extra={"echoed": True})
        click.echo(f"error: {message}", err=True)
        if result.reconnect:
            click.echo(f"  to reconnect {result.name}, run: {result.reconnect}", err=True)
            run_log.error("to reconnect %s, run: %s", result.name, result.reconnect, extra={"echoed": True})
    if not dry_run:
        line = runner.summary(results, now, after)
        run_log.info("%s", line)
        if echo_summary:
            click.echo(line)
    return runner.exit_code(results)


def _print_run(report, dry_run: bool, several: bool) -> None:
    views = report.plan.views
    tag = f"{report.account}: " if several else ""
    if dry_run:
        click.echo(f"{report.account}: {len(views)} interview(s); would draft {len(report.plan.actions)}:")
        for a in report.plan.actions:
            click.echo(f"  {a.kind:<15} to {a.to.email:<35} {a.reason}")
        return
    if report.held_back:
        click.echo(f"{report.account}: {report.held_back}", err=True)
        run_log.warning("%s: %s", report.account, report.held_back, extra={"echoed": True})
    for rec in report.made:
        click.echo(f"{tag}drafted {rec.kind} to {', '.join(rec.to)}: {rec.subject}")
    due = [v for v in views if v.state != "closed"]
    run_log.debug("%s: %d interview(s) tracked, %d open, %d draft(s) made, %d skipped", report.account,
                  len(views), len(due), len(report.made), len(report.failed) + len(report.skipped_mail))


# -- unattended: cron, daemon, doctor ------------------------------------------------------------------
@main.group()
def cron() -> None:
    """Run `interview-agent run` from your crontab (one marked line per config; other lines kept)."""


def _log_path(cfg: config_mod.Config) -> Path:
    return cfg.settings.state_dir / LOG_NAME


@cron.command("install")
@click.option("--every", "every_text", default="15m", show_default=True,
              help="How often: minutes dividing an hour (5m, 15m, 30m) or hours dividing a day (1h, 2h).")
@click.pass_obj
def cron_install(obj: Ctx, every_text: str) -> None:
    """Add (or replace) this config's line: the installed executable, --config ABSOLUTE, output >> the log."""
    from agent import cron as cron_mod

    seconds = cron_mod.parse_every(every_text)
    cron_mod.schedule_for(seconds)  # refuse an interval cron cannot keep before touching anything
    cfg = obj.load()  # a config that does not load would fail every 15 minutes: say so now
    line, old = cron_mod.install(seconds, cfg.path, _log_path(cfg))
    click.echo(("replaced" if old else "installed") + f" the cron line for {cfg.path.absolute()}:\n  {line}")
    click.echo(f"output goes to {_log_path(cfg)}; `interview-agent cron remove` takes the line out again")


@cron.command("show")
@click.pass_obj
def cron_show(obj: Ctx) -> None:
    """Print this config's cron line (and any for other configs). Exit 1 when there is none."""
    from agent import cron as cron_mod

    path = obj.path
    lines = cron_mod.read()
    line = cron_mod.find(path, lines)
    for other in cron_mod.others(path, lines):
        click.echo(f"(another config) {other}")
    if line is None:
        click.echo(f"no cron line for {path.absolute()}; add one with `interview-agent cron install`")
        sys.exit(EXIT_FAILED)
    click.echo(line)


@cron.command("remove")
@click.pass_obj
def cron_remove(obj: Ctx) -> None:
    """Take this config's line out of the crontab (every other line kept)."""
    from agent import cron as cron_mod

    old = cron_mod.remove(obj.path)
    click.echo(f"removed: {old}" if old else f"there was no cron line for {obj.path.absolute()}")


@main.command()
@click.option("--every", "every_text", default="15m", show_default=True,
              help="How often to run, e.g. 15m, 1h, 30s.")
@click.option("--cycles", type=int, default=0, hidden=True, help="Stop after this many runs (0: never).")
@click.pass_obj
def daemon(obj: Ctx, every_text: str, cycles: int) -> None:
    """Run now, then every interval, until SIGTERM or Ctrl-C (for containers and tmux; cron is the other way).

    A signal stops it at once when idle, or after the current run when busy. Each run takes the run lock;
    one that finds another run going is skipped. The config is read again before each run."""
    from agent import cron as cron_mod
    from agent import daemon as daemon_mod

    every = cron_mod.parse_every(every_text)
    cfg = obj.load()  # a broken config stops the daemon before it starts (exit 2)
    stop = threading.Event()
    log.info("daemon started (pid %d): a run every %s", os.getpid(), every_text)
    click.echo(f"interview-agent daemon (pid {os.getpid()}): a run every {every_text} for {cfg.path}; "
               f"stop with Ctrl-C or SIGTERM", err=True)
    with daemon_mod.stop_on_signals(stop):
        count = daemon_mod.serve(daemon_cycle(obj.path, stop=stop), every, stop=stop, max_cycles=cycles)
    log.info("daemon stopped after %d run(s)", count)
    click.echo(f"stopped after {count} run(s)", err=True)


def daemon_cycle(config_path: Path, *, stop: threading.Event | None = None, clock=None):
    """One daemon run: the config read again, the lock taken, every account run, failures logged.
    Never raises an AgentError (the loop goes on); `clock()` gives the run's instant (default: now)."""

    def cycle() -> None:
        try:
            cfg = config_mod.load(config_path)
        except ConfigError as exc:
            log.error("this run is skipped: %s", exc)
            return
        now = clock() if clock else datetime.now(cfg.identity.tz)
        try:
            with lock.hold(cfg.settings.state_dir, "daemon"):
                _run_once(cfg, now, dry_run=False, force=False, echo_summary=True,
                          stopping=(stop.is_set if stop is not None else lambda: False))
        except lock.Locked as exc:
            log.info("this run is skipped: %s", exc)
        except AgentError as exc:
            log.error("the run failed: %s", exc)
        except Exception:  # the daemon outlives one bad run; the traceback goes to the log
            log.exception("the run failed unexpectedly")

    return cycle


@main.command()
@click.pass_obj
def doctor(obj: Ctx) -> None:
    """Check everything an unattended run needs: config, credentials, mailbox, state, lock, cron.

    Each problem is printed with its fix. Exit 1 when any check fails."""
    from agent import doctor as doctor_mod

    checks = doctor_mod.run_checks(obj.path)
    width = max((len(c.area) for c in checks), default=0)
    for c in checks:
        click.echo(f"{'ok  ' if c.ok else 'FAIL'}  {c.area:<{width}}  {c.what}: {c.detail}")
    failed = sum(not c.ok for c in checks)
    click.echo(f"{failed} problem(s) found" if failed else "all checks passed")
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


# -- status / show / set-decision --------------------------------------------------------------------
def _evaluate_all(cfg, state, now_text: str | None):
    from agent import runner

    out = []
    for account in cfg.accounts:
        name = runner.account_name(account)
        if now_text:
            now = _parse_now(now_text, cfg)
        else:  # as of the last run: what the agent knew then, at that run's clock
            last = state.last_run(name)
            now = datetime.fromisoformat(last) if last else datetime.now(cfg.identity.tz)
        plan, _ = runner.evaluate(cfg, state, name, now)
        out.append((name, now, plan))
    return out


def _interview_json(view, tz) -> dict[str, Any]:
    iv = view.interview
    return {
        "id": iv.id, "company": iv.company, "role": iv.role, "title": iv.title,
        "start": iv.start.astimezone(tz).isoformat(), "end": iv.end.astimezone(tz).isoformat(),
        "state": view.state, "decision_date": view.decision.day.isoformat(),
        "decision_source": view.decision.source, "decision_sentence": view.decision.sentence,
        "next_step": view.next_step,
        "contact": iv.contact.to_json() if iv.contact else None,
        "interviewers": [p.to_json() for p in iv.interviewers],
        "drafts": [{"kind": d.kind, "to": list(d.to), "message_id": d.message_id,
                    "created_at": d.created_at.isoformat() if d.created_at else None, "state": d.state,
                    "subject": d.subject} for d in view.drafts if d.state != "intent"],
    }


def _views(obj: Ctx, now_text: str | None):
    """The config, each account's (name, clock, plan), and every interview's view, from the state store."""
    from agent.state import State

    cfg = obj.load()
    with State.open(cfg.settings.state_dir) as state:
        results = _evaluate_all(cfg, state, now_text)
    return cfg, results, [v for _, _, plan in results for v in plan.views]


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output (stable).")
@click.option("--now", "now_text", default=None, help="Evaluate at this instant (default: the last run's).")
@click.pass_obj
def status(obj: Ctx, as_json: bool, now_text: str | None) -> None:
    """The interviews tracked, their state and next due step, and every draft made."""
    cfg, results, views = _views(obj, now_text)
    tz = cfg.identity.tz
    if as_json:
        click.echo(json.dumps({"interviews": [_interview_json(v, tz) for v in views]}, indent=2,
                              ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Interviews (as of {results[0][1].astimezone(tz):%Y-%m-%d %H:%M})" if results else None)
    for col in ("id", "company", "role", "when", "state", "decision", "next", "drafts"):
        table.add_column(col)
    for v in views:
        iv = v.interview
        drafts = ", ".join(f"{d.kind}:{d.state}" for d in v.drafts if d.state != "intent") or "-"
        table.add_row(iv.id, iv.company or "?", iv.role or "-", f"{iv.start.astimezone(tz):%a %b %d %H:%M}",
                      v.state, f"{v.decision.day:%b %d} ({v.decision.source.split(' ')[0]})", v.next_step, drafts)
    Console().print(table if views else "No interviews tracked yet.")


@main.command()
@click.argument("interview_id")
@click.option("--now", "now_text", default=None, help="Evaluate at this instant (default: the last run's).")
@click.pass_obj
def show(obj: Ctx, interview_id: str, now_text: str | None) -> None:
    """One interview in full: sources, people, dates, drafts, and the reasons behind each decision."""
    cfg, _, views = _views(obj, now_text)
    tz = cfg.identity.tz
    view = next((v for v in views if v.interview.id == interview_id), None)
    if view is None:
        raise AgentError(f"no interview {interview_id!r}; `interview-agent status` lists them")
    iv = view.interview
    lines = [
        f"{iv.id}  {iv.company or '?'} - {iv.role or 'role not stated'}",
        f"  title:        {iv.title}",
        f"  when:         {iv.start.astimezone(tz):%a %Y-%m-%d %H:%M} - {iv.end.astimezone(tz):%H:%M} "
        f"({cfg.identity.timezone})",
        f"  source:       {iv.origin}",
        f"  state:        {view.state}; next: {view.next_step}",
        f"  contact:      {_person(iv.contact)}",
        f"  interviewers: {', '.join(_person(p) for p in iv.interviewers) or '-'}",
        f"  decision:     {view.decision.day.isoformat()} from {view.decision.source}",
        f"                \"{view.decision.sentence}\"",
        "  drafts:",
        *([f"    {d.kind} to {', '.join(d.to)}: {d.state} (made {d.created_at:%Y-%m-%d %H:%M}; {d.reason})"
           for d in view.drafts if d.created_at] or ["    none yet"]),
        "  why:",
        *(f"    - {line}" for line in view.log),
    ]
    click.echo("\n".join(lines))


def _person(p) -> str:
    if p is None:
        return "-"
    return f"{p.name} <{p.email}>" if p.name else p.email


@main.command("set-decision")
@click.argument("interview_id")
@click.argument("when", nargs=-1, required=True)
@click.option("--now", "now_text", default=None, help="The instant the user says it (default: now).")
@click.pass_obj
def set_decision(obj: Ctx, interview_id: str, when: tuple[str, ...], now_text: str | None) -> None:
    """Record the decision date you were told ("next Friday", "Dec 11", 2026-12-11)."""
    from agent.core import dates
    from agent.state import State

    cfg = obj.load()
    now = _parse_now(now_text, cfg)
    text = " ".join(when)
    try:
        day = dates.parse_user_date(text, now=now, tz=cfg.identity.tz)
    except ValueError as exc:
        raise AgentError(f"cannot read {text!r} as a date: {exc}") from exc
    with State.open(cfg.settings.state_dir) as state:
        ids = {v.interview.id for _, _, plan in _evaluate_all(cfg, state, now_text) for v in plan.views}
        if interview_id not in ids:
            raise AgentError(f"no interview {interview_id!r}; `interview-agent status` lists them")
        from agent import killpoints

        killpoints.wrap_state(state).set_decision(interview_id, day, f"you said: {text}", now)
    click.echo(f"decision date for {interview_id}: {day.isoformat()}")


# -- demo ----------------------------------------------------------------------------------------------
@main.command()
@click.option("--dir", "directory", type=click.Path(path_type=Path), default=None,
              help="Where to build the sample mailbox (default: a new temporary folder).")
def demo(directory: Path | None) -> None:
    """The sample mailbox replayed over two weeks, no account needed."""
    from agent import demo as demo_mod

    demo_mod.run_demo(directory, main)


if __name__ == "__main__":  # pragma: no cover
    main()

__all__ = ["EXIT_FAILED", "EXIT_LOCKED", "EXIT_UNREACHABLE", "daemon_cycle", "main"]
