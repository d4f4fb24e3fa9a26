"""The track panel of the shared provincial reports against a table checked by hand (tests/data/track_checked.tsv).

Only the reports of the provinces in the table are parsed. Skipped when ../shared is absent,
unless GONGWEN_REQUIRE_GOLD=1.
"""

from __future__ import annotations

import csv
import os
import re

import pytest

from gongwen.parsing.catalogue import load
from gongwen.track import pair, read_documents

from .conftest import ROOT, SHARED

CHECKED = ROOT / "tests" / "data" / "track_checked.tsv"
TARGETS = SHARED / "corpus" / "gwr-province-2025-docx"
RESULTS = SHARED / "corpus" / "gwr-province-2026-web"
NUMBER = re.compile(r"\d+(?:\.\d+)?")
QUALIFIER = re.compile(r"(以上|以内|以下|左右)$")


def _checked() -> list[dict[str, str]]:
    with open(CHECKED, encoding="utf-8", newline="") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


def _printed(text: str) -> tuple[list[float], str]:
    m = QUALIFIER.search(text)
    return [float(n) for n in NUMBER.findall(text)], m.group(1) if m else ""


@pytest.fixture(scope="module")
def panel():
    if not (TARGETS.is_dir() and RESULTS.is_dir()):
        if os.environ.get("GONGWEN_REQUIRE_GOLD") == "1":
            pytest.fail(f"{SHARED} is missing and GONGWEN_REQUIRE_GOLD=1")
        pytest.skip(f"{SHARED}/corpus is not here: the hand-checked track table needs the shared reports")
    provinces = {row["province"] for row in _checked()}
    files = [p for folder in (TARGETS, RESULTS) for p in sorted(folder.iterdir())
             if any(name in p.name for name in provinces)]
    rows = pair(read_documents(files), load())
    return {(r.target or r.result).region_key[0] + "/" + r.entry.key: r for r in rows if r.year == 2025}


def test_at_least_ten_provinces_are_checked():
    assert len({row["province"] for row in _checked()}) >= 10


@pytest.mark.parametrize("row", _checked(), ids=lambda r: f"{r['province']}-{r['key']}")
def test_panel_matches_the_hand_checked_table(panel, row):
    got = panel.get(f"{row['province']}/{row['key']}")
    assert got is not None, "no row for this province and key"
    assert got.target is not None and got.result is not None, got.verdict
    numbers, qualifier = _printed(row["target"])
    assert [got.target.number] + ([got.target.number_max] if got.target.number_max is not None else []) == numbers
    assert got.target.ind.qualifier == qualifier
    assert [got.result.number] == _printed(row["result"])[0]
    assert got.verdict in ("met", "missed")
