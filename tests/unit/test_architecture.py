"""The direction of imports that keeps the judgment pure (style: side effects at the edges).

- `agent/core` (the judgment: detection, people, dates, the lifecycle, composing drafts) imports only
  itself, the standard library's pure parts and the parsing and templating libraries below: no file,
  socket, process, clock or database module, and nothing of the shell or the providers.
- `providers/` reach the agent through `agent.core` alone (its model, errors and MIME parsing), never
  through the shell (cli, runner, state, config loading).
- Nothing but `agent/__main__.py` imports the CLI.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

CORE_ALLOWED = {
    # standard library, pure parts
    "__future__", "calendar", "collections", "dataclasses", "datetime", "email", "enum", "functools",
    "hashlib", "html", "itertools", "json", "logging", "math", "re", "string", "textwrap", "typing",
    "unicodedata", "warnings", "zoneinfo",
    # third-party parsing and templating, no I/O of their own in the calls the core makes
    "bs4", "dateparser", "dateutil", "icalendar", "jinja2", "recurring_ical_events",
}


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in the file, at any depth (lazy imports count)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: relative import"
            module = node.module or ""
            # `from agent import x` imports the module agent.x
            found += [(node.lineno, f"{module}.{a.name}") for a in node.names] if module in {"agent", "agent.core"} \
                else [(node.lineno, module)]
    return found


def _sources(folder: str) -> list[Path]:
    return sorted((REPO / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _sources("agent/core"), ids=lambda p: p.name)
def test_core_imports_no_io_module_and_nothing_of_the_shell(path: Path):
    bad = [f"{path.name}:{line}: {mod}" for line, mod in _imports(path)
           if not (mod.startswith("agent.core.") or mod.split(".")[0] in CORE_ALLOWED)]
    assert not bad, "the pure core imports outside itself:\n" + "\n".join(bad)


@pytest.mark.parametrize("path", _sources("providers"), ids=lambda p: p.name)
def test_providers_reach_the_agent_only_through_the_core(path: Path):
    bad = [f"{path.name}:{line}: {mod}" for line, mod in _imports(path)
           if mod.split(".")[0] == "agent" and not mod.startswith("agent.core.")]
    assert not bad, "a provider imports the shell:\n" + "\n".join(bad)


def test_only_main_imports_the_cli():
    users = [f"{p.relative_to(REPO)}:{line}" for folder in ("agent", "providers") for p in _sources(folder)
             for line, mod in _imports(p) if mod == "agent.cli" and p.name != "__main__.py"]
    assert not users


def test_the_checks_see_every_core_module():
    # a guard on the guard: the core is a real package with the judgment in it
    names = {p.stem for p in _sources("agent/core")}
    assert {"detect", "dates", "lifecycle", "compose", "model"} <= names
