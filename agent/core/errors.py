"""Errors that reach the user. Each carries its exit code and says what to do next."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILED = 1  # some items failed and were skipped
EXIT_CONFIG = 2  # configuration error
EXIT_UNREACHABLE = 3  # mailbox unreachable or credentials refused
EXIT_LOCKED = 4  # another run holds the lock: nothing was done


class AgentError(Exception):
    """Root of every error the CLI reports without a traceback."""

    exit_code = EXIT_FAILED


class ConfigError(AgentError):
    """The config is wrong. `problems` lists every one found, each naming the key and the fix."""

    exit_code = EXIT_CONFIG

    def __init__(self, problems: list[str] | str, path: str = ""):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        self.path = path
        where = f" in {path}" if path else ""
        super().__init__(f"configuration problem{'s' if len(self.problems) > 1 else ''}{where}:\n"
                         + "\n".join(f"  - {p}" for p in self.problems))


class StateError(AgentError):
    """The state database is unusable (corrupt, or written by a newer version)."""

    exit_code = EXIT_FAILED


class StateMismatch(StateError):
    """The state store belongs to another account (another user address) than the config's (B20)."""

    exit_code = EXIT_CONFIG


class MalformedInput(ValueError):
    """A mail or calendar part could not be read. Callers log it and skip the item (B21)."""


def loggable(reason: str) -> str:
    """A parse failure as the log may hold it: its label without the parser's message after the first
    colon, which can quote the mail's own text (B22): "unreadable mail (ValueError: <text>)" becomes
    "unreadable mail (ValueError)"."""
    head = reason.split(":", 1)[0].strip()
    if head.count("(") > head.count(")"):
        head += ")"
    return head or "malformed mail"
