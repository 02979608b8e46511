"""Shared pytest fixtures."""

from __future__ import annotations

import os

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--long", action="store_true",
                     help="the long reliability runs: every scenario at every kill point, fuzzing at volume "
                          "(same as INTERVIEW_AGENT_LONG=1)")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--long"):
        os.environ["INTERVIEW_AGENT_LONG"] = "1"


@pytest.fixture(scope="session")
def imap_server():
    """A throwaway Dovecot on 127.0.0.1 for the whole session (tests/imap_server.py), stopped at the end.
    Without Dovecot or root the IMAP tests are skipped with the way to enable them; under CI=true that
    is a failure instead, so CI never passes without running them."""
    from tests.imap_server import DovecotServer, DovecotUnavailable

    try:
        server = DovecotServer().start()
    except DovecotUnavailable as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {exc}")
        pytest.skip(str(exc))
    try:
        yield server
    finally:
        server.stop()
