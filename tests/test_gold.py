"""The parser against the hand-written gold of ../shared/gold, scored by ../shared/tools/score.py."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import gongwen

from .conftest import SEEDS, SHARED

SCORER = SHARED / "tools" / "score.py"
pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared (gold and scorer) is not beside the clone")


def _score(tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    for seed in SEEDS:
        gongwen.export(gongwen.parse(seed), "json", tmp_path / f"{seed.stem}.json")
    return subprocess.run([sys.executable, str(SCORER), str(SHARED / "gold"), str(tmp_path), *args],
                          capture_output=True, text=True)


def test_outline_f1_is_at_least_095_on_every_seed(tmp_path):
    result = _score(tmp_path, "--min-outline", "0.95")
    assert result.returncode == 0, result.stdout
    for line in result.stdout.splitlines():
        if "outline P=" in line and not line.startswith("TOTAL"):
            f1 = float(line.split("F1=")[1].split()[0])
            depth = float(line.split("depth=")[1].split()[0])
            assert f1 >= 0.95 and depth >= 0.95, line


def test_indicator_f1_and_name_agreement_meet_the_targets(tmp_path):
    result = _score(tmp_path, "--min-indicators", "0.90")
    assert result.returncode == 0, result.stdout
    for line in result.stdout.splitlines():
        if "indicators P=" in line and not line.startswith("TOTAL"):
            f1 = float(line.split("indicators P=")[1].split("F1=")[1].split()[0])
            assert f1 >= 0.85, line
    total = result.stdout.splitlines()[-1]
    assert float(re.search(r"name=([\d.]+)", total).group(1)) >= 0.85, total
