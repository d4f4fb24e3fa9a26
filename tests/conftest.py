"""Shared fixtures: the seed documents and their parses."""

from __future__ import annotations

import os
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


def require_shared(*parts: str) -> Path:
    """``../shared/<parts>``; skips (naming it) when absent, fails instead under GONGWEN_REQUIRE_GOLD=1."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("GONGWEN_REQUIRE_GOLD") == "1":
            pytest.fail(f"{path} is missing and GONGWEN_REQUIRE_GOLD=1")
        pytest.skip(f"{path} is not beside the clone (the gold and development documents live in ../shared)")
    return path
