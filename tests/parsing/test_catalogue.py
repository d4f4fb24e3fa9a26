"""The indicator catalogue: whole-synonym keys, user extensions, validation naming the line."""

from __future__ import annotations

import pytest

from gongwen import parse_text
from gongwen.parsing import catalogue
from gongwen.parsing.catalogue import CatalogueError, load, parse_lines

REPORT = ("2025年某某省政府工作报告\n各位代表：\n一、2024年工作回顾\n"
          "全省地区生产总值增长5.1%，海洋生产总值增长6%，城镇调查失业率5.2%，居民消费价格上涨0.2%。\n"
          "二、2025年工作安排\n主要预期目标是：地区生产总值增长5%左右，城镇新增就业60万人以上，数字经济增加值增长8%。\n")


def keys(doc):
    return [(i.name, i.key) for i in doc.indicators]


def test_whole_synonyms_get_keys_and_others_keep_none():
    got = keys(parse_text(REPORT))
    assert ("地区生产总值", "gdp_growth") in got  # 全省 names the place, not the measure
    assert ("海洋生产总值", None) in got
    assert ("城镇调查失业率", "unemployment_surveyed") in got
    assert ("居民消费价格", "cpi") in got
    assert ("城镇新增就业", "urban_jobs") in got
    assert ("数字经济增加值", None) in got


def test_a_user_file_extends_the_catalogue(tmp_path, monkeypatch):
    extra = tmp_path / "mine.tsv"
    extra.write_text("# mine\ndigital_growth\tchange\thigher\tDigital economy\t数字经济增加值\n"
                     "gdp_growth\tchange\thigher\tGDP growth\t海洋生产总值\n", encoding="utf-8")
    monkeypatch.setenv(catalogue.ENV, str(extra))
    got = keys(parse_text(REPORT))
    assert ("数字经济增加值", "digital_growth") in got
    assert ("海洋生产总值", "gdp_growth") in got
    assert load().entry("digital_growth").direction == "higher"


@pytest.mark.parametrize(("line", "words"), [
    ("gdp\tchange\thigher\tGDP", "5 tab-separated columns"),
    ("GDP\tchange\thigher\tGDP\t地区生产总值", "key 'GDP'"),
    ("gdp\tlevel\thigher\tGDP\t地区生产总值", "measure 'level'"),
    ("gdp\tchange\tup\tGDP\t地区生产总值", "direction 'up'"),
    ("gdp\tchange\thigher\tGDP\t地区生产总值||GDP", "non-empty"),
    ("gdp\tchange\thigher\tGDP\t全省地区生产总值", "must not start"),
])
def test_a_bad_line_is_named(line, words):
    with pytest.raises(CatalogueError) as err:
        parse_lines(["# header", "", line], "mine.tsv")
    assert "mine.tsv:3:" in str(err.value) and words in str(err.value)


def test_a_bad_user_file_fails_when_loaded(tmp_path, monkeypatch):
    bad = tmp_path / "bad.tsv"
    bad.write_text("ok_key\tchange\thigher\tOK\t某指标\nbroken line\n", encoding="utf-8")
    monkeypatch.setenv(catalogue.ENV, str(bad))
    with pytest.raises(CatalogueError, match=r"bad.tsv:2: expected 5"):
        load()
