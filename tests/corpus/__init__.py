"""Real third-party calendar and mail files, copied byte for byte with their provenance and licences
(`external/PROVENANCE.md`). Test inputs only: the installed package does not ship them."""

from pathlib import Path

EXTERNAL = Path(__file__).resolve().parent / "external"
