"""Every built-in exporter on every seed: schema-valid, reproducible, readable back."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest
from lxml import etree

import gongwen
from gongwen.exporters.xml_export import read_xml
from gongwen.plugins import load_registry

from .conftest import SCHEMAS

REGISTRY = load_registry()


def _bytes(doc, fmt: str) -> bytes:
    buf = io.BytesIO()
    REGISTRY.exporter(fmt).write(doc, buf, {})
    return buf.getvalue()


def test_every_json_output_validates_against_the_json_schema(seed_docs):
    schema = json.loads((SCHEMAS / "gongwen.schema.json").read_text(encoding="utf-8"))
    for doc in seed_docs.values():
        jsonschema.validate(json.loads(_bytes(doc, "json")), schema)


def test_every_xml_output_validates_and_reads_back_equal(seed_docs):
    xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / "gongwen.xsd")))
    for doc in seed_docs.values():
        data = _bytes(doc, "xml")
        tree = etree.fromstring(data)
        assert xsd.validate(tree), xsd.error_log
        assert read_xml(data) == doc


@pytest.mark.parametrize("fmt", ["json", "xml", "markdown", "docx", "xlsx"])
def test_outputs_are_byte_identical_for_the_same_input(seed_docs, fmt):
    doc = seed_docs["001_eacabc2e24b6d2f8"]
    assert _bytes(doc, fmt) == _bytes(doc, fmt)


def test_docx_heading_paragraphs_equal_the_sections(seed_docs, tmp_path):
    import docx
    from docx.oxml.ns import qn

    for stem, doc in seed_docs.items():
        path = gongwen.export(doc, "docx", tmp_path / f"{stem}.docx")
        word = docx.Document(str(path))
        headings = [p for p in word.paragraphs if p.style.name.startswith("Heading")]
        sections = [(min(d, 4), f"{n.marker}{n.title}") for d, n in doc.walk() if n.kind == "section"]
        assert [(int(p.style.name.split()[-1]), p.text) for p in headings] == sections
        for p in headings:
            assert p._p.pPr.find(qn("w:outlineLvl")) is not None
        assert word.core_properties.title == (doc.meta.title or "")
        fonts = word.styles["Normal"].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
        assert word.styles["Heading 1"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"


def test_xlsx_has_the_four_sheets_and_numeric_indicator_cells(seed_docs, tmp_path):
    import openpyxl

    doc = seed_docs["002_a38de3bc3ee81032"]
    path = gongwen.export(doc, "xlsx", tmp_path / "002.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Outline", "Indicators", "Meta", "Diagnostics"]
    ws = wb["Indicators"]
    header = [c.value for c in ws[1]]
    values = [row[header.index("value")] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert len(values) == len(doc.indicators)
    assert any(isinstance(v, float) for v in values)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    outline = list(wb["Outline"].iter_rows(min_row=2, values_only=True))
    assert [r[4] for r in outline] == [n.title for _, n in doc.walk()]


def test_markdown_has_front_matter_headings_and_indicator_table(seed_docs):
    text = _bytes(seed_docs["004_2bd030c6d8315c75"], "markdown").decode("utf-8")
    assert text.startswith("---\ntitle: \"凤桥镇政府工作报告\"")
    assert "\n## 一、2022年工作回顾\n" in text
    assert "\n### (一)对标看齐、狠抓落实,综合实力显著增强\n" in text
    assert "**工业经济稳中有为。**" in text
    assert "| name | value | unit |" in text


def test_export_leaves_no_partial_file_when_the_exporter_fails(seed_docs, tmp_path):
    from gongwen.output import write_atomic

    target = tmp_path / "out.json"

    def broken(stream):
        stream.write(b"half")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_atomic(target, broken)
    assert list(tmp_path.iterdir()) == []


def test_table_values_never_use_exponent_notation():
    from gongwen.exporters.rows import display_value

    assert [display_value(v) for v in (None, 1234567.0, 32050000000.0, 320.5, -6.16, 2023, "亿元")] == [
        "", "1234567", "32050000000", "320.5", "-6.16", "2023", "亿元"]


def test_the_body_of_a_document_without_headings_has_no_empty_heading(tmp_path):
    import docx

    body = "过去一年，粮食产量增长5%，工业生产稳步发展，人民生活得到改善，各项事业取得了新的进步。"
    doc = gongwen.parse_text("1975年政府工作报告\n各位代表！\n" + body + "\n")
    assert doc.outline[0].title == ""
    text = _bytes(doc, "markdown").decode("utf-8")
    assert not [line for line in text.split("\n") if line.startswith("#") and not line.strip("# ")]
    assert f"\n{body}\n" in text
    word = docx.Document(str(gongwen.export(doc, "docx", tmp_path / "a.docx")))
    assert not [p for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert body in [p.text for p in word.paragraphs]


def test_a_table_block_without_cells_and_text_with_lone_surrogates_export(tmp_path):
    from gongwen.model import Block

    doc = gongwen.parse_text("一、总体\n全年增长5%。\n")
    doc.outline[0].body.append(Block("table", "空表", [[], []]))
    doc.indicators[0].name = "增长\ud800"
    for fmt in ("docx", "csv"):
        assert _bytes(doc, fmt)
