"""gongwen track: targets of one report paired with results of the next, on crafted report pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongwen.cli import main
from gongwen.parsing.catalogue import load
from gongwen.track import input_files, pair, read_documents

HEAD = "{year}年某某省政府工作报告\n——{year}年1月15日在某某省第十四届人民代表大会第三次会议上\n各位代表：\n"
TARGETS = HEAD.format(year=2025) + (
    "一、2024年工作回顾\n过去一年，全省地区生产总值增长5.2%。\n"
    "二、2025年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业60万人以上，"
    "城镇调查失业率5.5%以内，居民消费价格涨幅2%左右，一般公共预算收入增长3%，固定资产投资增长5%—6%，"
    "社会消费品零售总额增长6%以上，单位地区生产总值能耗降低3%以上，粮食产量600万吨以上。\n")
RESULTS = HEAD.format(year=2026) + (
    "一、2025年工作回顾\n过去一年，全省地区生产总值增长4.6%，城镇新增就业58万人，城镇调查失业率5.1%，"
    "居民消费价格上涨0.2%，一般公共预算收入增长3.5%，固定资产投资增长5.5%，社会消费品零售总额增长4%，"
    "单位地区生产总值能耗下降2.5%。\n"
    "“十四五”时期是极不平凡的五年。全省城镇新增就业300万人，地区生产总值年均增长5.5%。\n"
    "二、2026年工作安排\n主要预期目标是：地区生产总值增长5%左右。\n")


def panel(tmp_path: Path, *texts: str) -> dict[tuple[str, int], list]:
    for k, text in enumerate(texts):
        (tmp_path / f"doc{k}.txt").write_text(text, encoding="utf-8")
    docs = read_documents(input_files([tmp_path], {"txt"}))
    rows: dict[tuple[str, int], list] = {}
    for row in pair(docs, load()):
        rows.setdefault((row.entry.key, row.year), []).append(row)
    return rows


def verdict(rows, key, year=2025):
    return [r.verdict for r in rows[(key, year)]]


def test_every_qualifier_and_direction(tmp_path):
    rows = panel(tmp_path, TARGETS, RESULTS)
    assert verdict(rows, "gdp_growth") == ["met"]                 # 5%左右 vs 4.6: within 0.5 point
    assert rows[("gdp_growth", 2025)][0].difference == pytest.approx(-0.4)
    assert verdict(rows, "urban_jobs") == ["missed"]              # 60万人以上 vs 58万人; the five-year 300万 is left out
    assert verdict(rows, "unemployment_surveyed") == ["met"]      # 5.5%以内 vs 5.1%
    assert verdict(rows, "cpi") == ["missed"]                     # band 2%左右 vs 0.2%
    assert verdict(rows, "budget_revenue_growth") == ["met"]      # 3% (no qualifier) vs 3.5%
    assert verdict(rows, "fixed_investment_growth") == ["met"]    # range 5%—6%: its lower bound
    assert verdict(rows, "retail_sales_growth") == ["missed"]     # 6%以上 vs 4%
    assert verdict(rows, "energy_intensity") == ["missed"]        # 降低3%以上 vs 下降2.5%
    assert verdict(rows, "grain_output") == ["no result"]
    assert verdict(rows, "gdp_growth", 2024) == ["no target"]
    assert verdict(rows, "gdp_growth", 2026) == ["no result"]
    jobs = rows[("urban_jobs", 2025)][0]
    assert (jobs.target.ind.value, jobs.result.ind.value, jobs.target.source.endswith("doc0.txt")) == (60, 58, True)


def test_tolerances_bands_and_caps(tmp_path):
    targets = TARGETS.replace("城镇新增就业60万人以上", "城镇新增就业60万人左右").replace(
        "城镇调查失业率5.5%以内", "城镇调查失业率5%以下")
    results = RESULTS.replace("居民消费价格上涨0.2%", "居民消费价格上涨1.6%").replace(
        "城镇新增就业58万人", "城镇新增就业57.5万人").replace("地区生产总值增长4.6%", "地区生产总值增长4.4%")
    rows = panel(tmp_path, targets, results)
    assert verdict(rows, "urban_jobs") == ["met"]                 # 60万人左右: 5% below still met
    assert verdict(rows, "unemployment_surveyed") == ["missed"]   # 5%以下 vs 5.1%
    assert verdict(rows, "cpi") == ["met"]                        # 2%左右 vs 1.6%
    assert verdict(rows, "gdp_growth") == ["missed"]              # 5%左右 vs 4.4%: more than 0.5 below


def test_range_target_counts_from_its_bounds(tmp_path):
    targets = TARGETS.replace("地区生产总值增长5%左右", "地区生产总值增长5%—5.5%")
    rows = panel(tmp_path, targets, RESULTS)
    row = rows[("gdp_growth", 2025)][0]
    assert (row.target.number, row.target.number_max, row.verdict) == (5, 5.5, "missed")
    rows = panel(tmp_path, targets, RESULTS.replace("增长4.6%", "增长5.1%"))
    assert verdict(rows, "gdp_growth") == ["met"]


def test_missing_result_report(tmp_path):
    rows = panel(tmp_path, TARGETS)
    assert verdict(rows, "gdp_growth") == ["no result"]
    assert all(r.result is None for r in rows[("urban_jobs", 2025)])


def test_two_different_results_are_ambiguous_and_both_listed(tmp_path):
    results = RESULTS.replace("单位地区生产总值能耗下降2.5%。\n",
                              "单位地区生产总值能耗下降2.5%。\n经济运行稳中向好，地区生产总值增长4.8%。\n")
    rows = panel(tmp_path, TARGETS, results)
    got = rows[("gdp_growth", 2025)]
    assert [r.verdict for r in got] == ["ambiguous", "ambiguous"]
    assert sorted(r.result.number for r in got) == [4.6, 4.8]
    same = RESULTS.replace("单位地区生产总值能耗下降2.5%。\n",
                           "单位地区生产总值能耗下降2.5%。\n经济运行稳中向好，地区生产总值增长4.6%。\n")
    assert verdict(panel(tmp_path, TARGETS, same), "gdp_growth") == ["met"]   # the same figure twice is one


def test_traditional_script_pair(tmp_path):
    import opencc

    to_trad = opencc.OpenCC("s2t")
    rows = panel(tmp_path, to_trad.convert(TARGETS), to_trad.convert(RESULTS))
    assert verdict(rows, "gdp_growth") == ["met"]
    assert verdict(rows, "urban_jobs") == ["missed"]
    assert rows[("gdp_growth", 2025)][0].region == "某某省"


def test_cli_writes_json_csv_and_xlsx_with_the_same_rows(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(RESULTS, encoding="utf-8")
    runner = CliRunner()
    for name in ("panel.json", "panel.csv", "panel.xlsx"):
        result = runner.invoke(main, ["track", str(tmp_path / "in"), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "panel.json").read_text(encoding="utf-8"))
    gdp = next(r for r in data["rows"] if r["key"] == "gdp_growth" and r["year"] == 2025)
    assert {"region", "key", "year", "target", "result", "verdict"} <= gdp.keys()
    assert {"value", "change", "unit", "qualifier", "source", "span"} <= gdp["target"].keys()
    assert (gdp["target"]["change"], gdp["target"]["qualifier"], gdp["result"]["change"], gdp["verdict"]) == (
        5, "左右", 4.6, "met")
    import csv

    with open(tmp_path / "panel.csv", encoding="utf-8-sig", newline="") as f:
        table = list(csv.DictReader(f))
    assert len(table) == len(data["rows"])
    assert [(r["key"], r["year"], r["verdict"]) for r in table] == [
        (r["key"], str(r["year"]), r["verdict"]) for r in data["rows"]]
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "panel.xlsx")
    sheet = wb["Panel"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(data["rows"])
    row = next(r for r in rows if r[header.index("key")] == "gdp_growth" and r[header.index("year")] == 2025)
    assert row[header.index("target_change")] == 5 and isinstance(row[header.index("result_change")], float)
    cell = sheet.cell(row=2 + rows.index(row), column=header.index("verdict") + 1)
    assert cell.fill.start_color.rgb.endswith("C6EFCE")


def test_cli_rejects_an_unknown_panel_format(tmp_path):
    (tmp_path / "a.txt").write_text(TARGETS, encoding="utf-8")
    result = CliRunner().invoke(main, ["track", str(tmp_path / "a.txt"), "-o", str(tmp_path / "panel.pdf")])
    assert result.exit_code == 2 and "must end in .json, .csv or .xlsx" in result.output


def test_batch_indicator_table_has_key_region_and_year(tmp_path):
    import csv

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TARGETS, encoding="utf-8")
    table = tmp_path / "indicators.csv"
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-t", "json",
                                       "--indicators", str(table)])
    assert result.exit_code == 0, result.output
    with open(table, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    gdp = [r for r in rows if r["key"] == "gdp_growth"]
    assert [(r["region"], r["year"], r["change"]) for r in gdp] == [("某某省", "2025", "5.2"), ("某某省", "2025", "5.0")]
    assert {r["key"] for r in rows} >= {"urban_jobs", "cpi", "grain_output"}


def test_review_text_the_outline_took_for_a_plan_is_a_result(tmp_path):
    targets = HEAD.format(year=2025) + (
        "一、稳住经济大盘\n全省城镇新增就业62万人。\n二、扎实做好民生工作\n全省城镇调查失业率5.1%。\n"
        "三、守牢安全发展底线\n今年发展主要预期目标是：城镇调查失业率5.5%左右。\n")
    rows = panel(tmp_path, targets, RESULTS)
    assert verdict(rows, "unemployment_surveyed") == ["met"]
    assert rows[("unemployment_surveyed", 2025)][0].target.number == 5.5
    assert [r.result.number for r in rows[("unemployment_surveyed", 2024)]] == [5.1]


def test_cli_catalogue_option_extends_and_a_bad_file_is_named(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TARGETS.replace("粮食产量", "数字经济增加值增长9%，粮食产量"),
                                           encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(RESULTS.replace("过去一年，", "过去一年，数字经济增加值增长10%，"),
                                           encoding="utf-8")
    mine = tmp_path / "mine.tsv"
    mine.write_text("digital_growth\tchange\thigher\tDigital economy\t数字经济增加值\n", encoding="utf-8")
    out = tmp_path / "panel.json"
    result = CliRunner().invoke(main, ["track", str(tmp_path / "in"), "-o", str(out), "--catalogue", str(mine)])
    assert result.exit_code == 0, result.output
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    assert [(r["year"], r["verdict"]) for r in rows if r["key"] == "digital_growth"] == [(2025, "met")]
    mine.write_text("digital_growth\tchange\tup\tDigital economy\t数字经济增加值\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["track", str(tmp_path / "in"), "-o", str(out), "--catalogue", str(mine)])
    assert result.exit_code == 2 and "mine.tsv:1: direction 'up'" in result.output


def test_a_paragraph_that_turns_to_five_years_opens_a_stretch(tmp_path):
    results = RESULTS.replace("“十四五”时期是极不平凡的五年。", "各位代表！2025年是“十四五”收官之年。五年来，我们砥砺奋进。\n"
                              "——人民生活水平实现新跃升。居民人均可支配收入增长34.3%。\n")
    rows = panel(tmp_path, TARGETS, results)
    assert ("income_growth", 2025) not in rows
    assert verdict(rows, "urban_jobs") == ["missed"]   # the 300万 of the stretch is still left out


def test_a_communique_gives_the_result_for_its_own_year(tmp_path):
    bulletin = ("某某省2025年国民经济和社会发展统计公报\n一、综合\n初步核算，全年全省地区生产总值增长5.3%。"
                "全年城镇新增就业61万人。\n")
    rows = panel(tmp_path, TARGETS, bulletin)
    assert verdict(rows, "gdp_growth") == ["met"] and rows[("gdp_growth", 2025)][0].result.number == 5.3
    assert verdict(rows, "urban_jobs") == ["met"]
