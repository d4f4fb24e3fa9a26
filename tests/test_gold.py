"""The parser against the hand-written gold of ../shared, scored by ../shared/tools/score.py.

Seeds (../shared/gold) and the development set of real documents (../shared/dev).
The tests skip with a message naming ../shared when it is absent, and fail then
when GONGWEN_REQUIRE_GOLD=1 (CI sets it).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import gongwen

from .conftest import SEEDS, require_shared


def _score(gold: Path, out: Path, *args: str) -> tuple[dict[str, str], str]:
    scorer = require_shared("tools", "score.py")
    result = subprocess.run([sys.executable, str(scorer), str(gold), str(out), *args],
                            capture_output=True, text=True, check=False)
    lines = result.stdout.splitlines()
    docs = {line.split(":")[0]: line for line in lines if ": outline P=" in line}
    total = next(line for line in lines if line.startswith("TOTAL"))
    return docs, total


def _value(line: str, field: str, after: str = "") -> float:
    return float(re.search(re.escape(after) + r".*?\b" + field + r"=([\d.]+)", line).group(1))


@pytest.fixture(scope="module")
def seed_scores(tmp_path_factory) -> tuple[dict[str, str], str]:
    gold = require_shared("gold")
    out = tmp_path_factory.mktemp("seeds")
    for seed in SEEDS:
        gongwen.export(gongwen.parse(seed), "json", out / f"{seed.stem}.json")
    return _score(gold, out)


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory) -> tuple[dict[str, str], str]:
    dev = require_shared("dev")
    out = tmp_path_factory.mktemp("dev")
    for doc in sorted((dev / "docs").iterdir()):
        stem = doc.name.rsplit(".", 1)[0]
        gongwen.export(gongwen.parse(doc), "json", out / f"{stem}.json")
    return _score(dev / "gold", out, "--text-dir", str(dev / "text"))


def test_seed_outlines_score_at_least_095_with_depth_on_every_seed(seed_scores):
    docs, _ = seed_scores
    assert len(docs) == len(SEEDS)
    for line in docs.values():
        assert _value(line, "F1") >= 0.95 and _value(line, "depth") >= 0.95, line


def test_seed_indicators_meet_the_targets(seed_scores):
    docs, total = seed_scores
    assert _value(total, "F1", "indicators") >= 0.90, total
    assert _value(total, "name", "indicators") >= 0.85, total
    for line in docs.values():
        assert _value(line, "F1", "indicators") >= 0.85, line


def test_dev_outlines_score_095_overall_090_each_and_depth_095(dev_scores):
    docs, total = dev_scores
    assert len(docs) >= 13
    assert _value(total, "F1") >= 0.95 and _value(total, "depth") >= 0.95, total
    for line in docs.values():
        assert _value(line, "F1") >= 0.90, line


def test_dev_indicators_score_090_overall_085_each_with_kind_095(dev_scores):
    docs, total = dev_scores
    assert _value(total, "F1", "indicators") >= 0.90, total
    assert _value(total, "kind", "indicators") >= 0.95, total
    for line in docs.values():
        assert _value(line, "F1", "indicators") >= 0.85, line


def test_dev_indicator_names_agree_090_and_kinds_090_on_every_work_report(dev_scores):
    docs, total = dev_scores
    assert _value(total, "name", "indicators") >= 0.90, total
    reports = {stem: line for stem, line in docs.items() if stem.startswith("gwr-")}
    assert len(reports) >= 8
    for line in reports.values():
        assert _value(line, "kind", "indicators") >= 0.90, line
