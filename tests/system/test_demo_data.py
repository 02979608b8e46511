"""The demo's sample (config/demo/) is generated: the committed files are exactly what the builder writes."""

from __future__ import annotations

from pathlib import Path

from tests.scenarios import demo as demo_build

COMMITTED = demo_build.OUT


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_committed_demo_sample_equals_the_builder_output(tmp_path: Path) -> None:
    built = _files(demo_build.build().write(tmp_path / "demo"))
    committed = _files(COMMITTED)
    assert sorted(built) == sorted(committed), "rebuild with: python -m tests.scenarios.build --demo"
    changed = [name for name in built if built[name] != committed[name]]
    assert changed == [], f"{changed} differ from the builder; rebuild with: python -m tests.scenarios.build --demo"
