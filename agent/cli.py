"""The command line: thin click commands over the use cases (`usecases`), which return data, and the
views (`views`) that print it: rich for people, `--json` for programs. One handler turns AgentError into
a message and its exit code."""

from __future__ import annotations

import logging
import os
import sys
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from agent import config as config_mod
from agent import config_file, lock, logs, usecases, views
from agent.core.errors import EXIT_FAILED, EXIT_LOCKED, EXIT_OK, EXIT_UNREACHABLE, AgentError, ConfigError

log = logging.getLogger("agent")


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
        logs.setup(cfg.settings.state_dir, self.verbose)
        return cfg


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
            logs.teardown()


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
@click.option("--host", prompt=True, help="The IMAP server's name, e.g. imap.fastmail.com, imap.gmail.com, "
                                          "outlook.office365.com (asked for when left out).")
@click.option("--port", type=int, default=993, prompt=True,
              help="993 for --security tls (the usual), 143 for starttls or none.")
@click.option("--username", prompt=True, help="The login name, usually your full address.")
@click.option("--security", type=click.Choice(["tls", "starttls", "none"]), default="tls", prompt=True,
              help="tls: TLS from the first byte (port 993); starttls: plain, then STARTTLS (port 143); none: "
                   "no encryption, for a server on this machine only.")
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
    gmail.check_apis(account, config_dir=obj.path.parent)  # a disabled Gmail or Calendar API: say so now


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
    now = usecases.parse_now(now_text, cfg)
    if dry_run:  # reads only: no lock needed, and a dry run never stops a real one
        sys.exit(_run_and_report(cfg, now, dry_run=True, force=force))
    with lock.hold(cfg.settings.state_dir, "run"):
        code = _run_and_report(cfg, now, dry_run=False, force=force)
    sys.exit(code)


def _run_and_report(cfg: config_mod.Config, now: datetime, *, dry_run: bool, force: bool) -> int:
    outcome = usecases.run(cfg, now, dry_run=dry_run, force=force)
    # the summary line on stdout too (a run that drafted nothing still says what it saw and what is next),
    # except when stdout is the log itself (cron), where the logged line already lands
    views.report_run(outcome, dry_run=dry_run, echo_summary=not logs.stdout_is_log(cfg.settings.state_dir))
    return outcome.exit_code


# -- unattended: cron, daemon, doctor ------------------------------------------------------------------
@main.group()
def cron() -> None:
    """Run `interview-agent run` from your crontab (one marked line per config; other lines kept)."""


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
    log_file = logs.log_file(cfg.settings.state_dir)
    line, old = cron_mod.install(seconds, cfg.path, log_file)
    click.echo(("replaced" if old else "installed") + f" the cron line for {cfg.path.absolute()}:\n  {line}")
    click.echo(f"output goes to {log_file}; `interview-agent cron remove` takes the line out again")


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
        count = daemon_mod.serve(daemon_mod.daemon_cycle(obj.path, stop=stop), every, stop=stop, max_cycles=cycles)
    log.info("daemon stopped after %d run(s)", count)
    click.echo(f"stopped after {count} run(s)", err=True)


@main.command()
@click.option("--live", is_flag=True, help="Instead: on each account, create one draft from and to you, read it "
                                           "back, check what the mailbox kept (Message-ID, headers, draft flag), "
                                           "then delete it. Never sends. Records how the agent finds its drafts.")
@click.option("--yes", is_flag=True, help="With --live: do not ask first.")
@click.pass_obj
def doctor(obj: Ctx, live: bool, yes: bool) -> None:
    """Check everything an unattended run needs: config, credentials, mailbox, state, lock, cron.

    Each problem is printed with its fix. Exit 1 when any check fails. With --live: exit 0 when every
    check passed, 2 on a configuration error, 3 when an account could not be reached or a check failed."""
    from agent import doctor as doctor_mod

    if live:
        _doctor_live(obj, yes)
    failed = views.print_checks(doctor_mod.run_checks(obj.path))
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


def _doctor_live(obj: Ctx, yes: bool) -> None:
    from agent import live_check

    cfg = obj.load()  # a config that does not load: exit 2, before anything is written
    click.echo(f"doctor --live creates one draft from and to {cfg.identity.email} in the Drafts folder of each of "
               f"the {len(cfg.accounts)} account(s), reads it back and deletes it. It never sends anything.")
    if not yes and not click.confirm("Go ahead?", default=False):
        click.echo("nothing was done")
        sys.exit(EXIT_FAILED)
    failed = views.print_checks(live_check.run(cfg, datetime.now(cfg.identity.tz).replace(microsecond=0)))
    sys.exit(EXIT_UNREACHABLE if failed else EXIT_OK)


# -- status / show / set-decision --------------------------------------------------------------------
def _plans(obj: Ctx, now_text: str | None) -> tuple[config_mod.Config, usecases.Plans]:
    cfg = obj.load()
    return cfg, usecases.plans(cfg, now_text)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output (stable).")
@click.option("--now", "now_text", default=None, help="Evaluate at this instant (default: the last run's).")
@click.pass_obj
def status(obj: Ctx, as_json: bool, now_text: str | None) -> None:
    """The interviews tracked, their state and next due step, and every draft made."""
    cfg, plans = _plans(obj, now_text)
    tz = cfg.identity.tz
    if as_json:
        click.echo(views.status_json(plans, tz))
        return
    views.print_status(plans, cfg.identity)


@main.command()
@click.argument("interview_id", metavar="ID")
@click.option("--now", "now_text", default=None, help="Evaluate at this instant (default: the last run's).")
@click.pass_obj
def show(obj: Ctx, interview_id: str, now_text: str | None) -> None:
    """One interview in full: sources, people, dates, drafts, and the reasons behind each decision.

    ID is the interview's id as `status` shows it, any unique prefix of it, or a company name."""
    cfg, plans = _plans(obj, now_text)
    view = usecases.find_interview(plans.views, interview_id, cfg.identity.tz)
    click.echo(views.show_text(view, cfg.identity))


@main.command("set-decision")
@click.argument("interview_id")
@click.argument("when", nargs=-1, required=True)
@click.option("--now", "now_text", default=None, help="The instant the user says it (default: now).")
@click.pass_obj
def set_decision(obj: Ctx, interview_id: str, when: tuple[str, ...], now_text: str | None) -> None:
    """Record the decision date you were told ("next Friday", "Dec 11", 2026-12-11)."""
    day = usecases.set_decision(obj.load(), interview_id, " ".join(when), now_text)
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

__all__ = ["EXIT_FAILED", "EXIT_LOCKED", "EXIT_UNREACHABLE", "main"]
