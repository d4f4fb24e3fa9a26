"""Bounded resources: outline depth, DOCX tables, PDF pages, BOM-less UTF-16/32, pathological shapes."""

from __future__ import annotations

import io
import zipfile

import pytest

import gongwen
from gongwen.errors import InputError
from gongwen.exporters.xml_export import read_xml
from gongwen.parsing.outline import MAX_DEPTH

DOC = "一、总体要求\n坚持稳中求进，全年增长5%。\n二、主要任务\n抓好落实。\n"


def test_outline_depth_is_capped_and_every_exporter_copes(tmp_path):
    doc = gongwen.parse_text("一、总体\n" + "一是甲：一要乙：" * 600)  # one level deeper per marker before the cap
    assert max(depth for depth, _ in doc.walk()) <= MAX_DEPTH + 1  # a topic may sit under the deepest heading
    assert any(d.code == "outline-too-deep" for d in doc.diagnostics)
    assert sum(1 for _ in doc.walk()) >= 1200  # the markers are kept, as siblings
    for fmt in ("json", "xml", "markdown", "docx", "xlsx"):
        gongwen.export(doc, fmt, tmp_path / f"deep.{fmt}")
    assert read_xml((tmp_path / "deep.xml").read_bytes()) == gongwen.Document.from_dict(doc.to_dict())


def _docx_with_table(tc_props: str = "", rows: int = 1) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("一、总体要求")
    table = d.add_table(rows=rows, cols=2)
    table.cell(0, 0).text = "指标"
    buf = io.BytesIO()
    d.save(buf)
    if not tc_props:
        return buf.getvalue()
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "word/document.xml":
                body = body.decode().replace("<w:tcPr>", f"<w:tcPr>{tc_props}", 1).encode()
            dst.writestr(info.filename, body)
    return out.getvalue()


def test_docx_grid_span_bomb_is_refused(tmp_path):
    path = tmp_path / "span.docx"
    path.write_bytes(_docx_with_table('<w:gridSpan w:val="1000000"/>'))
    with pytest.raises(InputError, match="spans more than"):
        gongwen.parse(path)
    ok = tmp_path / "ok.docx"
    ok.write_bytes(_docx_with_table('<w:gridSpan w:val="2"/>'))
    assert gongwen.parse(ok).outline[0].title == "总体要求"


def test_docx_with_too_many_cells_is_refused(tmp_path, monkeypatch):
    from gongwen.readers import docx as docx_reader

    monkeypatch.setattr(docx_reader, "MAX_CELLS", 50)
    path = tmp_path / "cells.docx"
    path.write_bytes(_docx_with_table(rows=40))
    with pytest.raises(InputError, match="more than 50 cells"):
        gongwen.parse(path)


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF with a correct xref from numbered object bodies (object k+1 is objects[k])."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_with_50000_page_references_is_refused(tmp_path):
    pytest.importorskip("pypdf")
    kids = b" ".join([b"3 0 R"] * 50_000)
    path = tmp_path / "pages.pdf"
    path.write_bytes(_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                           b"<< /Type /Pages /Kids [" + kids + b"] /Count 50000 >>",
                           b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"]))
    with pytest.raises(InputError, match="pages"):
        gongwen.parse(path)


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\nxref\n0 99999999\ntrailer<</Size 99999999/Root 1 0 R>>"
    b"\nstartxref\n9\n%%EOF",
    b"%PDF-1.4\n1 0 obj<</Length 5/Filter/FlateDecode>>stream\nxxxxx\nendstream endobj\ntrailer<</Root 1 0 R>>%%EOF",
    b"%PDF-1.4\n" + b"[" * 100_000,
])
def test_garbage_pdfs_are_input_errors(tmp_path, data):
    pytest.importorskip("pypdf")
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match="bad.pdf"):
        gongwen.parse(path)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom_are_read_when_mostly_chinese(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(DOC.encode(encoding))
    doc = gongwen.parse(path)
    assert doc.meta.source.encoding == encoding
    assert [n.title for _, n in doc.walk()] == ["总体要求", "主要任务"]


def test_binary_with_nul_bytes_is_still_refused(tmp_path):
    path = tmp_path / "b.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError, match="binary"):
        gongwen.parse(path)


@pytest.mark.parametrize("unit", [".", "——", " ", "。", "\u3000", "\t", "\n", "第1页 共2页\n", "一、工作…………3\n", "1元",
                                  "- 1 -\n", "\x0c"])
def test_pathological_shapes_parse_and_keep_their_meaning(unit):
    # Growth is measured by benchmarks/linearity.py; here the shapes only have to parse sensibly.
    doc = gongwen.parse_text("一、总体要求\n" + unit * 2000 + "\n二、主要任务\n抓好落实。\n")
    assert [n.title for _, n in doc.walk()][-1] == "主要任务"


def test_a_hand_built_tree_20000_deep_writes_in_every_format(tmp_path):
    import xml.parsers.expat

    from gongwen.model import Node

    doc = gongwen.parse_text(DOC)
    node = doc.outline[0]
    for k in range(20_000):
        child = Node(id=f"d{k}", kind="section", marker="", style="none", ordinal=None, title="深")
        node.children = [child]
        node = child
    for fmt in ("json", "xml", "markdown", "docx", "xlsx"):
        gongwen.export(doc, fmt, tmp_path / f"deep.{fmt}")
    text = (tmp_path / "deep.json").read_text(encoding="utf-8")
    assert text.count('"title": "深"') == 20_000 and text.endswith("\n}\n")
    assert max(len(line) - len(line.lstrip(" ")) for line in text.splitlines()) == 60  # indentation stops growing
    titles = []  # expat, which has no depth limit, checks the XML is well-formed
    parser = xml.parsers.expat.ParserCreate()
    parser.StartElementHandler = lambda name, attrs: titles.append(attrs.get("title"))
    with (tmp_path / "deep.xml").open("rb") as f:
        parser.ParseFile(f)
    assert titles.count("深") == 20_000
    # read_xml reads what libxml2 parses (256 levels at most without XML_PARSE_HUGE)
    shallow = gongwen.Document.from_dict(doc.to_dict())
    shallow.outline[0].children[0].children[0].children = []
    assert read_xml(gongwen.export(shallow, "xml", tmp_path / "shallow.xml").read_bytes()) == shallow


def test_inline_site_labels_are_found_without_a_backtracking_regex():
    from gongwen.normalize.chrome import _inline_chrome

    assert _inline_chrome("报告VIP免费 —全文") == [(2, 7), (7, 11)]
    assert _inline_chrome("报告" + " " * 5000 + "x") == []
    assert _inline_chrome("  全文") == [(0, 4)]
    doc = gongwen.parse_text("政府工作报告 —全文\n" + DOC)
    assert any(d.code == "boilerplate-removed" and "全文" in d.text for d in doc.diagnostics)


def test_traditional_text_is_converted_in_chunks_with_the_same_result():
    from gongwen.normalize import script

    text = "經濟發展穩中有進，區域協調發展。" * 600 + "經濟發展" * 3000  # long, and a long run without punctuation
    converted, kind, _ = script.to_simplified(text)
    assert kind == "traditional" and converted == script.t2s()(text)
    assert "经济发展稳中有进，区域协调发展。" in converted and "發" not in converted
