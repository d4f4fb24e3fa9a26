"""DocBook-like XML input: sections as headings (three levels), paragraphs, lists, tables, figures; safe parsing."""

from __future__ import annotations

import pytest

import gongwen
from gongwen.errors import InputError

BODY = """
  <{info}><title>某市2023年政府工作报告</title></{info}>
  <para>各位代表：</para>
  <section><title>2022年工作回顾</title>
    <para>全年地区生产总值<emphasis>320.5亿元</emphasis>，增长6.1%。</para>
    <section><title>经济运行稳中向好</title>
      <para>工业增加值增长7%。</para>
      <orderedlist><listitem><para>抓项目促投资。</para></listitem><listitem><para>抓消费稳增长。</para></listitem></orderedlist>
      <section><title>工业经济</title><para>规上工业增加值增长8%。</para>
        <informaltable><tgroup cols="2"><thead><row><entry>指标</entry><entry>数值</entry></row></thead>
          <tbody><row><entry>地区生产总值</entry><entry>320.5</entry></row></tbody></tgroup></informaltable>
        <figure><title>图1 增长情况</title><mediaobject><imageobject><imagedata fileref="f.png"/></imageobject></mediaobject></figure>
      </section>
    </section>
  </section>
  <section><title>2023年工作安排</title><para>坚持稳中求进。</para></section>
"""
VARIANTS = {
    "docbook5": f'<article xmlns="http://docbook.org/ns/docbook" version="5.0">{BODY.format(info="info")}</article>',
    "docbook4": f"<article>{BODY.format(info='articleinfo')}</article>",
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_sections_become_headings_three_levels_deep(variant, tmp_path):
    path = tmp_path / "report.xml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + VARIANTS[variant], encoding="utf-8")
    doc = gongwen.parse(path)
    assert doc.meta.title == "某市2023年政府工作报告"
    assert [(d, n.kind, n.title) for d, n in doc.walk()] == [
        (1, "section", "2022年工作回顾"), (2, "section", "经济运行稳中向好"), (3, "section", "工业经济"),
        (1, "section", "2023年工作安排")]
    nodes = dict((n.title, n) for _, n in doc.walk())
    assert [b.text for b in nodes["经济运行稳中向好"].body] == ["工业增加值增长7%。", "抓项目促投资。", "抓消费稳增长。"]
    blocks = nodes["工业经济"].body
    assert [b.type for b in blocks] == ["paragraph", "table", "figure"]
    assert blocks[1].rows == [["指标", "数值"], ["地区生产总值", "320.5"]] and blocks[2].text == "图1 增长情况"
    assert any(i.value == 320.5 for i in doc.indicators)


def test_entities_are_never_expanded_nor_fetched(tmp_path):
    path = tmp_path / "evil.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE article [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
                    '<!ENTITY lol "LOLLOLLOL">]><article><title>报告</title><section><title>总体要求</title>'
                    "<para>正文&lol;&xxe;。</para></section></article>", encoding="utf-8")
    doc = gongwen.parse(path)
    text = " ".join(b.text for _, n in doc.walk() for b in n.body)
    assert "LOL" not in text and "root:" not in text and "正文" in text
    assert "entity-not-expanded" in {d.code for d in doc.diagnostics}


def test_malformed_xml_and_gongwen_exports_are_refused(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<article><para>未闭合</article>", encoding="utf-8")
    with pytest.raises(InputError, match="not well-formed XML"):
        gongwen.parse(bad)
    doc = gongwen.parse_text("一、总体要求\n正文。\n")
    export = gongwen.export(doc, "xml", tmp_path / "out.xml")
    with pytest.raises(InputError, match="a gongwen XML export"):
        gongwen.parse(export)
