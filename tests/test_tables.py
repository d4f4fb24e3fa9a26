"""Tables and figures end to end: Markdown pipe tables and images in, every format's real tables out."""

from __future__ import annotations

import json

import pytest
from lxml import etree

import gongwen

COMMUNIQUE = """\
# 某市2023年国民经济和社会发展统计公报

## 一、综合

全年地区生产总值320.5亿元，比上年增长6.1%。

**表1 2023年主要指标**

| 指  标 | 2022年 | 2023年 |
| :--- | ---: | :---: |
| 地区生产总值（亿元） | 302.1 | 320.5 |
| 人均生产总值<br>（元） | 61203 | 64855 |

![图1 2019-2023年地区生产总值](chart1.png)

## 二、农业

全年粮食产量9.8万吨。

|  | 产量 | 产量 |
|---|---|---|
| 品种 | 万吨 | 比上年增长% |
| 粮食 | 9.8 | 1.2 |
| 其中：稻谷 | 6.1 | -0.4 |

![](./W0202302.png)

## 三、工业

| 产品名称 | 单 位 | 产 量 | 增长（%） |
|---|---|---|---|
| 发电量 | 亿千瓦小时 | 12.3 | 5.9 |
| 钢材 \\| 型材 | 万吨 | 0.8 | |
"""

EXPECTED = [
    [["指  标", "2022年", "2023年"], ["地区生产总值（亿元）", "302.1", "320.5"],
     ["人均生产总值\n（元）", "61203", "64855"]],
    [["", "产量", "产量"], ["品种", "万吨", "比上年增长%"], ["粮食", "9.8", "1.2"], ["其中：稻谷", "6.1", "-0.4"]],
    [["产品名称", "单 位", "产 量", "增长（%）"], ["发电量", "亿千瓦小时", "12.3", "5.9"],
     ["钢材 | 型材", "万吨", "0.8", ""]],
]
FIGURES = ["图1 2019-2023年地区生产总值", "W0202302.png"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tables")
    src = tmp / "communique.md"
    src.write_text(COMMUNIQUE, encoding="utf-8")
    doc = gongwen.parse(src)
    out = tmp / "out"
    return doc, {fmt: gongwen.export(doc, fmt, out / f"communique.{ext}")
                 for fmt, ext in [("json", "json"), ("xml", "xml"), ("markdown", "md"), ("docx", "docx"),
                                  ("xlsx", "xlsx")]}


def _blocks(doc: gongwen.Document, kind: str):
    return [b for _, n in doc.walk() for b in n.body if b.type == kind]


def test_markdown_reader_makes_table_and_figure_blocks(exported):
    doc, _ = exported
    assert [b.rows for b in _blocks(doc, "table")] == EXPECTED
    assert [b.text for b in _blocks(doc, "figure")] == FIGURES
    text = "\n".join(b.text for _, n in doc.walk() for b in n.body)
    assert "<br>" not in text and "![" not in text and "---" not in text


def test_json_rows_equal_the_input_cells(exported):
    _, paths = exported
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    blocks = [b for node in data["outline"] for b in node["body"]]
    assert [b["rows"] for b in blocks if b["type"] == "table"] == EXPECTED
    assert [b["text"] for b in blocks if b["type"] == "figure"] == FIGURES


def test_xml_rows_equal_the_input_cells(exported):
    _, paths = exported
    ns = {"g": "urn:gongwen:1"}
    root = etree.parse(str(paths["xml"])).getroot()
    tables = root.findall(".//g:block[@type='table']", ns)
    got = [[[c.text or "" for c in row.findall("g:cell", ns)] for row in t.findall("g:row", ns)] for t in tables]
    assert got == EXPECTED
    assert [f.text for f in root.findall(".//g:block[@type='figure']", ns)] == FIGURES


def test_markdown_pipe_tables_read_back_to_the_same_cells(exported):
    _, paths = exported
    text = paths["markdown"].read_text(encoding="utf-8")
    assert "| 人均生产总值<br>（元） | 61203 | 64855 |" in text
    assert "![图1 2019-2023年地区生产总值]()" in text
    again = gongwen.parse(paths["markdown"])
    assert [b.rows for b in _blocks(again, "table")] == EXPECTED
    assert [b.text for b in _blocks(again, "figure")] == FIGURES


def test_docx_tables_have_a_header_row_and_the_input_cells(exported):
    import docx
    from docx.oxml.ns import qn

    _, paths = exported
    word = docx.Document(str(paths["docx"]))
    tables = word.tables[:3]
    assert [[[c.text for c in row.cells] for row in t.rows] for t in tables] == EXPECTED
    for t in tables:
        first = t.rows[0]._tr
        assert first.trPr.find(qn("w:tblHeader")) is not None
        widths = [int(g.get(qn("w:w"))) for g in t._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(widths) == 8844 and min(widths) > 600
    spans = [tc for tc in tables[1].rows[0]._tr.tc_lst if tc.tcPr.find(qn("w:gridSpan")) is not None]
    assert [(tc.tcPr.find(qn("w:gridSpan")).get(qn("w:val")), "".join(t.text for t in tc.iter(qn("w:t")))) for tc in spans] == [("2", "产量")]
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert [c for c in captions if c.startswith("［图］")] == [f"［图］{f}" for f in FIGURES]
    assert "表1 2023年主要指标" in captions


def test_xlsx_has_a_sheet_per_table_with_the_input_cells(exported):
    import openpyxl

    _, paths = exported
    wb = openpyxl.load_workbook(paths["xlsx"])
    assert "Indicators" in wb.sheetnames
    sheets = [wb[f"Table {k}"] for k in (1, 2, 3)]
    got = [[["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)] for ws in sheets]
    assert got == EXPECTED
    assert "Table 4" not in wb.sheetnames


def test_the_dev_communique_keeps_its_fifteen_tables():
    from .conftest import SHARED

    path = SHARED / "dev" / "docs" / "statistical-communique--2017.md"
    if not path.exists():
        pytest.skip("../shared is not beside the clone")
    doc = gongwen.parse(path)
    tables = _blocks(doc, "table")
    assert len(tables) == 15
    assert tables[0].rows[1][:3] == ["全国总人口", "139008", "100.0"]
    assert not any("<br>" in b.text or b.text.startswith("|") for _, n in doc.walk() for b in n.body)


def test_a_delimiter_row_wider_than_its_header_and_html_wrappers(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text("## 一、工业\n\n<details>\n<summary>目录</summary>\n\n</details>\n\n"
                    "| 产品 | 1952年 |\n| --- | --- | --- |\n| 钢 | 135万吨 |\n| 生铁 | 190万吨 | 注 |\n", encoding="utf-8")
    doc = gongwen.parse(path)
    assert [b.rows for b in _blocks(doc, "table")] == [[["产品", "1952年", ""], ["钢", "135万吨", ""],
                                                        ["生铁", "190万吨", "注"]]]
    text = " ".join(b.text for b in doc.front) + " ".join(b.text for _, n in doc.walk() for b in n.body)
    assert "<details>" not in text and "<summary>" not in text


def test_tables_and_figures_before_the_first_heading_stay_in_the_front(tmp_path):
    path = tmp_path / "front.md"
    path.write_text("# 某市统计公报\n\n![图1 总量](a.png)\n\n| 指标 | 数值 |\n|---|---|\n| 地区生产总值 | 320.5 |\n\n"
                    "## 一、综合\n\n正文。\n", encoding="utf-8")
    doc = gongwen.parse(path)
    assert [(b.type, b.rows) for b in doc.front if b.type != "paragraph"] == [
        ("figure", None), ("table", [["指标", "数值"], ["地区生产总值", "320.5"]])]
    md = gongwen.export(doc, "markdown", tmp_path / "out.md").read_text(encoding="utf-8")
    assert "| 地区生产总值 | 320.5 |" in md and "![图1 总量]()" in md


def test_a_cells_ideographic_indent_is_kept_and_its_padding_is_not(tmp_path):
    path = tmp_path / "indent.md"
    path.write_text("## 一、人口\n\n| 指  标 | 年末数 |\n|---|---|\n| <br>全国总人口   | <br>139008 |\n"
                    "| <br>　　其中：城镇   | <br>81347  |\n", encoding="utf-8")
    doc = gongwen.parse(path)
    assert _blocks(doc, "table")[0].rows == [["指  标", "年末数"], ["全国总人口", "139008"], ["\u3000\u3000其中：城镇", "81347"]]
    again = gongwen.parse(gongwen.export(doc, "markdown", tmp_path / "out.md"))
    assert _blocks(again, "table")[0].rows == _blocks(doc, "table")[0].rows


def test_hints_follow_their_lines_when_normalisation_joins_wrapped_lines_before_them():
    wrapped = "全年地区生产总值增长百分之六点一经济运行总体平稳发展质量稳步提升各项事业"
    lines = ["一、总体要求"] + [wrapped] * 10 + ["年末。", "指标 | 数值", "二、重点工作", "正文。"]
    doc = gongwen.parse_text("\n".join(lines), tables={12: [["指标", "数值"], ["GDP", "1"]]})
    assert "wrapped-lines-joined" in {d.code for d in doc.diagnostics}
    assert [b.rows for b in _blocks(doc, "table")] == [[["指标", "数值"], ["GDP", "1"]]]
