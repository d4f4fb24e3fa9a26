"""PDF text tables where the layout is clear (a 表N caption, a header, rows of a name and numbers); 图N captions."""

from __future__ import annotations

import gongwen
from gongwen.readers.pdf import find_tables

from .test_readers import _pdf

LINES = ["一、综合", "全年地区生产总值19917.0亿元，比上年增长8.6%。",
         "表 1：2021 年地区生产总值及其增长速度",
         "指标 2021 年（亿元） 比上年增长（%）",
         "地区生产总值 19917.0 8.6",
         "第一产业 582.8 4.8",
         "第二产业 6114.3 —",
         "图 1：2017―2021 年地区生产总值及其增长速度",
         "二、农业", "全年粮食产量238.0万吨。",
         "表 2：2021 年房地产开发主要指标",
         "指标 单位 2021 年 比上年增长（%）",
         "房地产开发投资 亿元 — 10.4",
         "#住宅 投资 亿元 897.5 6.2",
         "表 3：说明", "本表数据为初步统计。"]


def test_clear_text_tables_become_rows_and_prose_after_a_caption_does_not():
    lines, tables = find_tables(LINES)
    assert list(tables.values()) == [
        [["指标", "2021 年（亿元）", "比上年增长（%）"], ["地区生产总值", "19917.0", "8.6"], ["第一产业", "582.8", "4.8"],
         ["第二产业", "6114.3", "—"]],
        [["指标", "单位", "2021 年", "比上年增长（%）"], ["房地产开发投资", "亿元", "—", "10.4"],
         ["#住宅 投资", "亿元", "897.5", "6.2"]]]
    assert lines[-1] == "本表数据为初步统计。" and all(lines[k] == " | ".join(r[0]) for k, r in tables.items())
    assert all(lines[k - 1] == lines[k + 1] == "" for k in tables)  # wrapped-line joining cannot reach them


def test_a_pdf_with_tables_and_a_chart_caption(tmp_path):
    path = tmp_path / "gb.pdf"
    _pdf(path, LINES, header="成都市统计局")
    doc = gongwen.parse(path)
    blocks = [b for _, n in doc.walk() for b in n.body]
    tables = [b.rows for b in blocks if b.type == "table"]
    assert [t[1] for t in tables] == [["地区生产总值", "19917.0", "8.6"], ["房地产开发投资", "亿元", "—", "10.4"]]
    assert [b.text for b in blocks if b.type == "figure"] == ["图 1：2017―2021 年地区生产总值及其增长速度"]
