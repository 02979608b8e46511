"""`cron install|show|remove`: one marked line per config in the user's crontab, every other line kept.

The line runs the installed executable by its absolute path (cron's PATH is minimal) with the config's
absolute path, under `umask 077` (the log stays private), and appends its output to the log in the
state dir (one line in the crontab, wrapped here):

    */15 * * * * umask 077; /home/j/.local/bin/interview-agent --config /home/j/.config/interview-agent/config.toml
        run >> /home/j/.local/share/interview-agent/interview-agent.log 2>&1
        # interview-agent:/home/j/.config/interview-agent/config.toml

The crontab is read with `crontab -l` and written with `crontab -`. The command is `$INTERVIEW_AGENT_CRONTAB`
when set (tests point it at a script over a plain file), else `crontab`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from agent.core.errors import AgentError, ConfigError

CRONTAB_ENV = "INTERVIEW_AGENT_CRONTAB"
MARK = "# interview-agent:"
_EVERY = re.compile(r"^\s*(\d+)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?)?\s*$", re.IGNORECASE)


def parse_every(text: str) -> int:
    """"15m", "1h", "30s", "90" (minutes) -> seconds; ConfigError with an example otherwise."""
    match = _EVERY.match(text or "")
    if not match or int(match.group(1)) == 0:
        raise ConfigError(f"--every {text!r} is not an interval; use e.g. 15m, 1h or 30s")
    number, unit = int(match.group(1)), (match.group(2) or "m").lower()
    return number * (1 if unit.startswith("s") else 3600 if unit.startswith("h") else 60)


def schedule_for(seconds: int) -> str:
    """The five cron time fields for a run every `seconds`: minutes dividing 60, or hours dividing 24."""
    minutes, rest = divmod(seconds, 60)
    if rest or minutes == 0:
        raise ConfigError("cron counts in whole minutes; use e.g. --every 15m (or `interview-agent daemon "
                          "--every 30s` for shorter intervals)")
    if minutes < 60 and 60 % minutes == 0:
        return "* * * * *" if minutes == 1 else f"*/{minutes} * * * *"
    hours, rest = divmod(minutes, 60)
    if not rest and 24 % hours == 0:
        return {1: "0 * * * *", 24: "0 0 * * *"}.get(hours, f"0 */{hours} * * *")
    raise ConfigError(f"cron cannot run something evenly every {minutes} minutes; use a number of minutes "
                      f"that divides an hour (5m, 10m, 15m, 20m, 30m) or of hours that divides a day (1h, 2h, "
                      f"3h, 4h, 6h, 12h, 24h)")


def executable() -> list[str]:
    """The installed `interview-agent` that is running now, as an absolute path: the script this process
    was started as, else the one beside this Python (the same installation: venv, pipx), else the one on
    PATH, else `python -m agent`."""
    argv0 = sys.argv[0] if sys.argv else ""
    if Path(argv0).name.startswith("interview-agent"):
        found = argv0 if os.sep in argv0 else shutil.which(argv0)
        if found and os.access(found, os.X_OK):
            return [os.path.abspath(found)]
    beside = Path(sys.executable).parent / "interview-agent"
    if beside.is_file() and os.access(beside, os.X_OK):
        return [os.path.abspath(beside)]
    found = shutil.which("interview-agent")
    if found:
        return [os.path.abspath(found)]
    return [os.path.abspath(sys.executable), "-m", "agent"]


def _cron_escape(text: str) -> str:
    return text.replace("%", "\\%")  # cron turns an unescaped % into a newline


def marker(config_path: Path) -> str:
    return _cron_escape(f"{MARK}{Path(config_path).absolute()}")


def entry(seconds: int, config_path: Path, log_path: Path) -> str:
    """The crontab line for this config."""
    q = shlex.quote
    command = " ".join([*(q(p) for p in executable()), "--config", q(str(Path(config_path).absolute())), "run",
                        ">>", q(str(Path(log_path).absolute())), "2>&1"])
    return f"{schedule_for(seconds)} umask 077; {_cron_escape(command)} {marker(config_path)}"


def _command() -> list[str]:
    return shlex.split(os.environ.get(CRONTAB_ENV) or "crontab")


def _call(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    command = _command()
    try:
        return subprocess.run([*command, *args], input=stdin, capture_output=True, text=True, timeout=30,
                              check=False)
    except FileNotFoundError:
        raise CronUnavailable(f"`{command[0]}` was not found, so there is no crontab to edit here; install "
                              f"cron (Debian/Ubuntu: apt-get install cron), or use the systemd user timer in "
                              f"scripts/ or `interview-agent daemon` instead (see the README)") from None
    except PermissionError:
        raise AgentError(f"`{command[0]}` may not be run by this user (permission denied); use the systemd user "
                         f"timer in scripts/ or `interview-agent daemon` instead (see the README)") from None
    except subprocess.TimeoutExpired:
        raise AgentError(f"`{' '.join(command)} {' '.join(args)}` did not finish within 30 s") from None


class CronUnavailable(AgentError):
    """No crontab command on this machine."""


def read() -> list[str]:
    """The user's crontab, line by line ([] when there is none yet)."""
    done = _call(["-l"])
    if done.returncode != 0:
        if "no crontab" in done.stderr.lower():
            return []
        raise AgentError(f"could not read the crontab: {done.stderr.strip() or f'exit {done.returncode}'}")
    return done.stdout.splitlines()


def write(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n" if lines else ""
    done = _call(["-"], stdin=text)
    if done.returncode != 0:
        raise AgentError(f"could not write the crontab: {done.stderr.strip() or f'exit {done.returncode}'}")


def _ours(line: str, config_path: Path) -> bool:
    return line.rstrip().endswith(marker(config_path))


def find(config_path: Path, lines: list[str] | None = None) -> str | None:
    """This config's line in the crontab, or None."""
    for line in read() if lines is None else lines:
        if _ours(line, config_path):
            return line
    return None


def others(config_path: Path, lines: list[str]) -> list[str]:
    """interview-agent lines for other configs (shown, never touched)."""
    return [line for line in lines if MARK in line and not _ours(line, config_path)]


def install(seconds: int, config_path: Path, log_path: Path) -> tuple[str, str | None]:
    """Add or replace this config's line, keeping every other line as it was. Returns (new line, the line
    it replaced or None)."""
    line = entry(seconds, config_path, log_path)
    lines = read()
    old = find(config_path, lines)
    kept = [existing for existing in lines if not _ours(existing, config_path)]
    write([*kept, line])
    return line, old


def remove(config_path: Path) -> str | None:
    """Remove this config's line (every other line kept). Returns the line removed, or None."""
    lines = read()
    old = find(config_path, lines)
    if old is not None:
        write([existing for existing in lines if not _ours(existing, config_path)])
    return old


def command_of(line: str) -> list[str]:
    """The argv of the executable an installed line runs (for `doctor`)."""
    fields = line.split(None, 5)
    if len(fields) < 6:
        return []
    command = fields[5].replace("\\%", "%")
    command = command.removeprefix("umask 077;")
    try:
        words = shlex.split(command, comments=True)
    except ValueError:
        return []
    return words[: words.index(">>")] if ">>" in words else words
