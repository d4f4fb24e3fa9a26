"""Shared fixtures: the seed documents and their parses."""

from __future__ import annotations

from pathlib import Path

import pytest

import gongwen

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SCHEMAS = Path(gongwen.__file__).parent / "schemas"  # shipped in the package
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_docs() -> dict[str, gongwen.Document]:
    """Every seed parsed once per test session, by stem."""
    return {p.stem: gongwen.parse(p) for p in SEEDS}
