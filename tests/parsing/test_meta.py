"""Where and when a document speaks for: region, level, year and review year from the text."""

from __future__ import annotations

import pytest

import gongwen
from gongwen import parse_text
from gongwen.parsing.meta import region_parts


def test_title_with_a_provinces_short_name_gives_its_full_name():
    m = parse_text("2025年宁夏政府工作报告\n各位代表：\n一、2024年工作回顾\n正文。\n").meta
    assert (m.region, m.region_short, m.region_level, m.year, m.review_year) == (
        "宁夏回族自治区", "宁夏", "province", 2025, 2024)


def test_region_from_the_venue_line_when_the_title_has_none():
    text = ("政府工作报告\n——2026年1月26日在广东省第十四届\n人民代表大会第五次会议上\n广东省省长 某某\n"
            "各位代表：\n一、2025年和“十四五”时期工作回顾\n正文。\n")
    m = parse_text(text).meta
    assert (m.region, m.region_short, m.region_level, m.year, m.review_year) == (
        "广东省", "广东", "province", 2026, 2025)


def test_region_from_the_issuer_line_and_year_from_a_date_in_chinese_numerals():
    text = "政府工作报告\n——二〇二六年一月二十七日\n凤山县人民政府县长 某某某\n各位代表：\n一、工作回顾\n正文。\n"
    m = parse_text(text).meta
    assert (m.region, m.region_short, m.region_level, m.year, m.date, m.review_year) == (
        "凤山县", "凤山", "county", 2026, "2026-01-27", 2025)


def test_traditional_script_title_and_venue():
    text = ("鳳橋鎮政府工作報告\n——2023年2月28日在鳳橋鎮第十八屆人民代表大會第三次會議上\n"
            "各位代表：\n一、2022年工作回顧\n正文。\n")
    m = parse_text(text).meta
    assert (m.region, m.region_short, m.region_level, m.year, m.review_year) == ("凤桥镇", "凤桥", "township", 2023, 2022)


def test_national_report_from_the_venue():
    m = parse_text("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n各位代表：\n正文。\n").meta
    assert (m.region, m.region_level, m.year, m.review_year) == ("全国", "national", 2024, 2023)


@pytest.mark.parametrize(("name", "short", "level"), [
    ("红河哈尼族彝族自治州", "红河", "prefecture"), ("新疆维吾尔自治区", "新疆", "province"),
    ("北京市", "北京", "province"), ("郴州市", "郴州", "prefecture"), ("南湖区", "南湖", "district"),
    ("武义县", "武义", "county"), ("广西", "广西", "province")])
def test_region_parts(name, short, level):
    assert region_parts(name)[1:] == (short, level)


def test_file_name_is_a_fallback_with_a_diagnostic(tmp_path):
    path = tmp_path / "宁波市-2015.txt"
    path.write_text("政府工作报告\n各位代表：\n一、工作回顾\n正文。\n", encoding="utf-8")
    doc = gongwen.parse(path)
    assert (doc.meta.region, doc.meta.region_level, doc.meta.year) == ("宁波市", "prefecture", 2015)
    assert sorted(d.message.split()[0] for d in doc.diagnostics if d.code == "meta-from-filename") == [
        "region", "year"]
    stated = tmp_path / "宁波市-2015b.txt"
    stated.write_text("2016年杭州市政府工作报告\n各位代表：\n正文。\n", encoding="utf-8")
    doc = gongwen.parse(stated)
    assert (doc.meta.region, doc.meta.year) == ("杭州市", 2016)
    assert not [d for d in doc.diagnostics if d.code == "meta-from-filename"]


def test_a_title_run_into_its_dateline_ends_at_the_dash():
    doc = gongwen.parse_text("1975年国务院政府工作报告——1975年1月13日在第四届全国人民代表大会第一次会议上\n"
                             "国务院总理周恩来各位代表！\n")
    assert (doc.meta.title, doc.meta.doc_type, doc.meta.year) == ("1975年国务院政府工作报告", "work_report", 1975)
    # a dash inside a title that is no dateline stays
    doc = gongwen.parse_text("坚定信心——2023年政府工作报告\n各位代表：\n")
    assert doc.meta.title == "坚定信心——2023年政府工作报告"


@pytest.mark.parametrize(("title", "year"), [
    ("中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要", 2021),  # a horizon, not the year
    ("1976—1985年发展国民经济十年规划纲要", 1976),  # a span: from its first year
])
def test_the_year_of_a_plans_title(title, year):
    text = f"{title}\n（2021年3月11日通过）\n第一章 基本任务\n到2025年，粮食产量达到6.5亿吨。\n"
    assert parse_text(text).meta.year == year


def test_a_sentence_naming_the_report_is_the_title_only_when_no_line_is():
    text = "1983年政府工作报告\n我代表国务院，向大会作政府工作报告，请予审议。\n一、回顾\n正文。\n"
    assert parse_text(text).meta.title == "1983年政府工作报告"
    text = "我代表国务院向大会作政府工作报告，请予审议。\n一、回顾\n正文。\n"
    assert parse_text(text).meta.doc_type == "work_report"


def test_the_speaker_signs_below_the_title_not_a_page_word_above_it():
    text = ("打印\n全屏\n2026年某省政府工作报告\n——2026年2月5日在某省第十四届人民代表大会第四次会议上\n省长　王清宪\n"
            "各位代表：\n一、工作回顾\n增长5%。\n")
    assert parse_text(text).meta.speaker == "王清宪"


def test_the_year_a_file_name_gives_dates_the_figures(tmp_path):
    path = tmp_path / "2008.txt"  # a scraped copy with no title nor date: the file name is the only year
    path.write_text("各位代表：\n现在，我代表国务院，向大会报告过去五年的工作。\n一、过去五年工作回顾\n"
                    "粮食产量5亿吨，比上年增长5%。\n二、今年的主要任务\n粮食产量要达到5.1亿吨。\n", encoding="utf-8")
    doc = gongwen.parse(path)
    assert (doc.meta.doc_type, doc.meta.year, doc.meta.review_year) == ("work_report", 2008, 2007)
    assert [(i.kind, i.period) for i in doc.indicators] == [("actual", 2007), ("target", 2008)]
    assert [d.message.split()[0] for d in doc.diagnostics if d.code == "meta-from-filename"] == ["year"]


@pytest.mark.parametrize("opening", ["现在，我代表国务院，向大会报告政府工作，请予审议。",
                                     "现在，我代表市人民政府，向大会报告工作，请予审议。"])
def test_a_report_without_a_title_is_known_by_its_opening(opening):
    assert gongwen.parse_text(f"各位代表：\n{opening}\n一、回顾\n正文。\n").meta.doc_type == "work_report"
    # the same words deep in the body say nothing of the kind of document
    body = "各位代表：\n会议开始。\n" + "".join(f"{n}、第{n}部分\n正文。\n" for n in "一二三四五六七八") + opening + "\n"
    assert gongwen.parse_text(body).meta.doc_type == "other"


def test_a_letter_spaced_title_and_a_dateline_in_full_width_digits():
    doc = gongwen.parse_text("2006\n2006年政 府 工 作 报 告\n——2006年3月5日在第十届全国人民代表大会第四次会议上\n"
                             "各位代表：\n正文。\n")
    assert (doc.meta.title, doc.meta.doc_type, doc.meta.review_year) == ("2006年政府工作报告", "work_report", 2005)
    doc = gongwen.parse_text("1996年政府工作报告——１９９６年３月５日在第八届全国人民代表大会第四次会议上\n各位代表：\n正文。\n")
    assert (doc.meta.title, doc.meta.doc_type) == ("1996年政府工作报告", "work_report")


@pytest.mark.parametrize(("head", "title", "year"), [
    ("中华人民共和国国家统计局关于一九七九年国民经济计划执行结果的公报\n（1980年4月30日）\n国民经济主要部门计划执行情况如下：\n",
     "中华人民共和国国家统计局关于一九七九年国民经济计划执行结果的公报", 1979),
    ("2021 年成都市国民经济和社会发展统计公报\n成都市统计局\n2022 年 3 月 25 日\n",
     "2021年成都市国民经济和社会发展统计公报", 2021)])
def test_a_communique_title_with_its_year_in_words_or_spaced(head, title, year):
    m = gongwen.parse_text(head + "一、农业\n粮食产量3亿吨。\n").meta
    assert (m.title, m.doc_type, m.year) == (title, "bulletin", year)  # a lead-in ending in ： names nothing


def test_a_contents_header_is_no_speaker():
    doc = gongwen.parse_text("中华人民共和国国民经济和社会发展第十一个五年规划纲要\n目录\n第一篇 指导方针\n第二篇 新农村\n"
                             "第一篇 指导方针\n正文。\n第二篇 新农村\n正文。\n")
    assert doc.meta.speaker is None and doc.meta.doc_type == "plan"


def test_a_budget_report_opening_is_no_work_report():
    text = "各位代表：\n现在，我代表市人民政府，向大会报告2023年预算执行情况和2024年预算草案，请予审议。\n一、收入\n正文。\n"
    assert gongwen.parse_text(text).meta.doc_type == "other"
