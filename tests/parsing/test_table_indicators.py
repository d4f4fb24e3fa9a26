"""Table cells become indicators, named by their row, with units and periods from the headers — per reader."""

from __future__ import annotations

import gongwen

MARKDOWN = """# 某市2023年国民经济和社会发展统计公报

## 一、综合

全年地区生产总值增长5%。

| 指标 | 2023年（亿元） | 比上年增长（%） |
| --- | --- | --- |
| 地区生产总值 | 320.5 | 6.1 |
| 其中：第一产业 | 20.4 | 3.2 |

| 产品名称 | 单位 | 产量 |
| --- | --- | --- |
| 粮食 | 万吨 | 52.6 |
"""

HTML = """<html><head><title>公报</title></head><body><article><h1>某市2023年统计公报</h1>
<h2>一、综合</h2><p>全年地区生产总值增长5%，经济运行总体平稳。</p>
<table><tr><th>指标</th><th>2023年（亿元）</th><th>比上年增长（%）</th></tr>
<tr><td>地区生产总值</td><td>320.5</td><td>6.1</td></tr></table></article></body></html>"""


def _cells(doc):
    """The indicators read from table rows (their text is the row, cells between pipes)."""
    return [(i.name, i.value, i.unit, i.change, i.period) for i in doc.indicators if " | " in i.text]


def test_markdown_table_cells_are_indicators(tmp_path):
    path = tmp_path / "gb.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    cells = _cells(gongwen.parse(path))
    # a growth column changes the level in the column before it: one row, as in prose (320.5亿元，增长6.1%)
    assert ("地区生产总值", 320.5, "亿元", 6.1, 2023) in cells
    assert ("第一产业", 20.4, "亿元", 3.2, 2023) in cells
    assert ("粮食", 52.6, "万吨", None, 2023) in cells
    assert len(cells) == 3


def test_html_table_cells_are_indicators(tmp_path):
    path = tmp_path / "gb.html"
    path.write_text(HTML, encoding="utf-8")
    cells = _cells(gongwen.parse(path))
    assert cells == [("地区生产总值", 320.5, "亿元", 6.1, 2023)]


def test_docx_table_cells_are_indicators(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("某市2023年统计公报")
    d.add_paragraph("一、综合")
    d.add_paragraph("全年地区生产总值增长5%，经济运行总体平稳。")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["指标", "2023年（万人）", "比上年增长（%）"], ["年末常住人口", "4527.98", "0.2"],
                             ["城镇常住人口", "2810.52", "1.5"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "gb.docx"
    d.save(path)
    cells = _cells(gongwen.parse(path))
    assert cells == [("年末常住人口", 4527.98, "万人", 0.2, 2023), ("城镇常住人口", 2810.52, "万人", 1.5, 2023)]


def test_a_table_of_two_column_pairs_names_each_figure_from_its_own_pair():
    from gongwen.parsing.tables import table_indicators

    rows = [["行 业", "比上年增长（%）", "行 业", "比上年增长（%）"], ["总计", "5.9", "金融业", "-13.1"],
            ["采矿业", "4.1", "租赁和商务服务业", "14.2"], ["房地产业[46]", "8.3", "", ""]]
    got = [(i.name, i.change) for i in table_indicators(rows, None, "actual", 2018)]
    assert got == [("总计", 5.9), ("金融业", -13.1), ("采矿业", 4.1), ("租赁和商务服务业", 14.2), ("房地产业", 8.3)]


def test_a_growth_column_changes_the_level_before_it_but_a_share_or_points_column_is_a_row(tmp_path):
    path = tmp_path / "gb.md"
    path.write_text("# 某市2023年统计公报\n\n## 一、综合\n\n全年地区生产总值增长5%。\n\n"
                    "| 国家和地区 | 出口额<br>（亿元） | 比上年增长<br>（%） | 占全部出口<br>比重（%） |\n| --- | --- | --- | --- |\n"
                    "| 东盟 | 18902 | 11.9 | 12.3 |\n\n"
                    "| 指标 | 单位 | 产量 | 比上年增长（%） | 比上年提高（百分点） |\n| --- | --- | --- | --- | --- |\n"
                    "| 粗 钢 | 万吨 | 83172.8 | 3.0 | 0.5 |\n", encoding="utf-8")
    cells = _cells(gongwen.parse(path))
    assert cells[:2] == [("东盟出口额", 18902.0, "亿元", 11.9, 2023), ("东盟占全部出口比重", 12.3, "%", None, 2023)]
    assert cells[2:] == [("粗钢", 83172.8, "万吨", 3.0, 2023), ("粗钢", None, "", 0.5, 2023)]


def test_a_growth_column_after_a_share_column_changes_the_amount_before_both(tmp_path):
    path = tmp_path / "gb.md"
    path.write_text("# 某市2023年统计公报\n\n## 一、综合\n\n全年地区生产总值增长5%。\n\n"
                    "| 行业 | 增加值(亿元) | 占比(%) | 增长(%) |\n| --- | --- | --- | --- |\n| 农业 | 100 | 10.0 | 3.0 |\n",
                    encoding="utf-8")
    assert _cells(gongwen.parse(path)) == [("农业增加值", 100.0, "亿元", 3.0, 2023), ("农业占比", 10.0, "%", None, 2023)]
