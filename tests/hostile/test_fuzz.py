"""Property-based fuzz of parse_text and every exporter (fixed seed: derandomised, reproducible)."""

from __future__ import annotations

import io
import json
import zipfile

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import gongwen
from gongwen.errors import GongwenError
from gongwen.losses import lost_characters
from gongwen.plugins import load_registry

from ..conftest import SCHEMAS

REGISTRY = load_registry()
JSON_SCHEMA = json.loads((SCHEMAS / "gongwen.schema.json").read_text(encoding="utf-8"))
XSD = etree.XMLSchema(etree.parse(str(SCHEMAS / "gongwen.xsd")))
TOKENS = ["一、", "二、", "三、", "（一）", "（二）", "(1)", "1.", "2.", "1、", "2、", "①", "②", "第一，", "第二，", "一是", "二是",
          "首先，", "其次，", "“1”即", "第一部分", "总体要求", "主要任务", "坚持稳中求进", "全年增长5%", "地区生产总值320.5亿元",
          "增长12.3%", "完成投资1.2万亿元", "。", "，", "；", "：", "！", "？", "……", "——", "、", "（", "）", "“", "”",
          "\n", "\n\n", " ", "\u3000", "\t", "\x0c", "\x0b", "\x00", "\x1b", "\x7f", "\ud800", "\udcff", "\ufffe",
          "\uffff", "\ufeff", "\r", "\r\n", "\u2028", "- 3 -", "第3页 共9页", "…………12", "區(qū)", "經濟發展", "ＡＢＣ１２３",
          "下载文档", "展开阅读全文", "目录", "附件", "2023年", "工作稳中有为。", "<&>\"'", "]]>", "\\", "%FF"]
TEXT = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=40).map("".join)


def _export(doc: gongwen.Document, fmt: str) -> bytes:
    buf = io.BytesIO()
    REGISTRY.exporter(fmt).write(doc, buf, {})
    return buf.getvalue()


@settings(max_examples=500, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(TEXT)
def test_parse_and_export_anything(text):
    try:
        doc = gongwen.parse_text(text)
    except GongwenError:
        return
    assert not lost_characters(text, doc), lost_characters(text, doc)
    data = json.loads(_export(doc, "json"))
    jsonschema.validate(data, JSON_SCHEMA)
    tree = etree.fromstring(_export(doc, "xml"))
    assert XSD.validate(tree), XSD.error_log
    _export(doc, "markdown").decode("utf-8")
    import docx
    import openpyxl

    docx.Document(io.BytesIO(_export(doc, "docx")))
    openpyxl.load_workbook(io.BytesIO(_export(doc, "xlsx")), read_only=True).close()
    assert zipfile.ZipFile(io.BytesIO(_export(doc, "xlsx"))).testzip() is None
