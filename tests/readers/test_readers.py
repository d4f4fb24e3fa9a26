"""Readers: encodings, DOCX, HTML, Markdown and PDF inputs parse to the same outline as the text."""

from __future__ import annotations

import html

import pytest

import gongwen
from gongwen.normalize.pinyin import PINYIN_ANNOTATION

from ..conftest import SEEDS


def outline(doc):
    return [(d, n.kind, n.marker, n.title) for d, n in doc.walk()]


def figures(doc):
    return [(i.value, i.unit, i.change, i.kind) for i in doc.indicators]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_gb18030_file_parses_like_the_utf8_original(seed, tmp_path, seed_docs):
    path = tmp_path / seed.name
    path.write_bytes(seed.read_text(encoding="utf-8").encode("gb18030"))
    doc = gongwen.parse(path)
    original = seed_docs[seed.stem]
    assert doc.meta.source.encoding == "gb18030"
    assert outline(doc) == outline(original)
    assert [(i.name, *f) for i, f in zip(doc.indicators, figures(doc), strict=True)] == \
        [(i.name, *f) for i, f in zip(original.indicators, figures(original), strict=True)]


def test_big5_file_parses_like_the_utf8_original(tmp_path, seed_docs):
    seed = SEEDS[4]
    # Big5 has no pinyin tone letters: the annotations are dropped and a few garbled
    # fragments of the source become '?'.
    text = PINYIN_ANNOTATION.sub("", seed.read_text(encoding="utf-8"))
    path = tmp_path / "004.txt"
    path.write_bytes(text.encode("big5", errors="replace"))
    doc = gongwen.parse(path)
    assert doc.meta.source.encoding == "big5" and doc.meta.source.script == "traditional"
    assert outline(doc) == outline(seed_docs[seed.stem])
    assert figures(doc) == figures(seed_docs[seed.stem])


@pytest.mark.parametrize(("data", "encoding"), [
    ("\ufeff一、总体要求\n正文。".encode(), "utf-8-sig"),
    ("一、总体要求\n正文。".encode("utf-16"), "utf-16"),
    ("一、总体要求\r\n坚持稳中求进。\r\n".encode("gbk"), "gb18030"),
])
def test_encodings_and_line_endings(tmp_path, data, encoding):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    doc = gongwen.parse(path)
    assert doc.meta.source.encoding == encoding
    assert outline(doc) == [(1, "section", "一、", "总体要求")]


def test_encoding_option_overrides_detection(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("一、总体要求\n正文。".encode("gbk"))
    doc = gongwen.parse(path, encoding="latin-1")
    assert doc.meta.source.encoding == "latin-1"


def test_undecodable_bytes_become_a_diagnostic_not_a_crash(tmp_path):
    path = tmp_path / "x.txt"
    body = "坚持稳中求进工作总基调，推动经济社会高质量发展。" * 20
    path.write_bytes(f"一、总体要求\n{body}\n".encode() + b"\xff\xfe" + f"{body}\n二、重点工作\n".encode())
    doc = gongwen.parse(path)
    assert doc.meta.source.encoding == "utf-8"
    assert [n.title for _, n in doc.walk()] == ["总体要求", "重点工作"]
    assert [d.code for d in doc.diagnostics if d.code == "undecodable-bytes"] == ["undecodable-bytes"]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_exported_docx_reads_back_to_the_same_outline(seed, tmp_path, seed_docs):
    original = seed_docs[seed.stem]
    path = gongwen.export(original, "docx", tmp_path / "x.docx")
    assert outline(gongwen.parse(path)) == outline(original)


def test_docx_with_headings_typed_in_normal_paragraphs_and_a_table(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("某县2023年政府工作报告")
    d.add_paragraph("各位代表:")
    for line in ["一、2022年工作回顾", "（一）聚力稳增长。实现地区生产总值320.5亿元,增长6%。",
                 "（二）聚力惠民生。新增就业10875人。", "二、2023年工作目标", "（一）推进工业攀登。",
                 "1.建设产业平台。建成标准厂房40万平方米。", "2.打造产业集群。"]:
        d.add_paragraph(line)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "目标"
    table.cell(1, 0).text, table.cell(1, 1).text = "地区生产总值", "增长6.5%以上"
    d.sections[0].footer.paragraphs[0].text = "第 1 页"
    path = tmp_path / "plain.docx"
    d.save(str(path))
    doc = gongwen.parse(path)
    assert outline(doc) == [
        (1, "section", "一、", "2022年工作回顾"), (2, "section", "（一）", "聚力稳增长"),
        (2, "section", "（二）", "聚力惠民生"), (1, "section", "二、", "2023年工作目标"),
        (2, "section", "（一）", "推进工业攀登"), (3, "section", "1.", "建设产业平台"),
        (3, "section", "2.", "打造产业集群"),
    ]
    last = list(doc.walk())[-1][1]
    assert last.body[-1].type == "table" and last.body[-1].rows == [["指标", "目标"], ["地区生产总值", "增长6.5%以上"]]
    assert "第 1 页" not in gongwen.export(doc, "json", tmp_path / "x.json").read_text(encoding="utf-8")
    assert [i.value for i in doc.indicators if i.value] == [320.5, 10875.0, 40.0]


def test_docx_bold_leads_end_where_the_bold_ends(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("一、今后工作")
    for lead, rest in (("推进治污降碳，", "加强生态环境保护，空气质量持续改善。"), ("坚持以文化为魂，", "繁荣文化事业，办好文化惠民工程。"),
                       ("筑牢安全底线，", "完善应急体系，提升防灾减灾能力。")):
        p = d.add_paragraph()
        p.add_run(lead).bold = True
        p.add_run(rest)
    d.save(tmp_path / "b.docx")
    assert len(gongwen.read(tmp_path / "b.docx").emphasis) == 3
    doc = gongwen.parse(tmp_path / "b.docx")
    assert [n.title for _, n in doc.walk() if n.kind == "topic"] == ["推进治污降碳", "坚持以文化为魂", "筑牢安全底线"]


RUN_IN = [("一是固本夯基促“四稳”。", False), ("就业收入平稳增长。", True), ("城镇新增就业30万人。", False),
          ("经营主体高速增长。", True), ("新设企业10万户。", False)]


def test_bold_in_word_and_web_pages_gives_the_hints_markdown_gives(tmp_path):
    # a paragraph all in bold: a heading of unknown level; a bold lead after a sentence: a paragraph of its own
    import docx

    d = docx.Document()
    d.add_paragraph().add_run("2024年工作回顾").bold = True
    p = d.add_paragraph()
    for text, bold in RUN_IN:
        p.add_run(text).bold = bold
    d.save(tmp_path / "b.docx")
    html = "".join(f"<b>{t}</b>" if b else t for t, b in RUN_IN)
    (tmp_path / "b.html").write_text("<html><body><div><p><strong>2024年工作回顾</strong></p>"
                                     f"<p>{html}</p></div></body></html>", encoding="utf-8")
    (tmp_path / "b.md").write_text("**2024年工作回顾**\n\n" + "".join(f"**{t}**" if b else t for t, b in RUN_IN) + "\n",
                                   encoding="utf-8")
    sources = [gongwen.read(tmp_path / name) for name in ("b.md", "b.docx", "b.html")]
    for source in sources:
        assert source.text.split("\n") == ["2024年工作回顾", "一是固本夯基促“四稳”。", "就业收入平稳增长。城镇新增就业30万人。",
                                            "经营主体高速增长。新设企业10万户。"]
        assert source.heading_levels.get(0) == 0
        assert source.emphasis[2] == "就业收入平稳增长。" and source.emphasis[3] == "经营主体高速增长。"


def test_docx_heading_styles_give_levels_to_unnumbered_headings(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("总体要求", level=1)
    d.add_paragraph("坚持稳中求进。")
    d.add_heading("稳增长", level=2)
    d.add_paragraph("正文。")
    d.add_heading("重点工作", level=1)
    path = tmp_path / "h.docx"
    d.save(str(path))
    got = [(dep, n.marker, n.title) for dep, n in gongwen.parse(path).walk()]
    assert got == [(1, "", "总体要求"), (2, "", "稳增长"), (1, "", "重点工作")]


def _page(paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="gb2312"><title>报告</title>
<style>p {{ margin: 0 }}</style><script>var x = "一、不是正文";</script></head>
<body><header><a href="/">首页</a> 一、网站首页</header>
<nav><ul><li>1. 新闻</li><li>2. 下载</li></ul></nav>
<div class="sidebar"><a href="#">（一）热门文档</a><a href="#">（二）相关推荐</a></div>
<div id="content">{body}</div>
<footer>版权所有 © 2023 经营许可证:蜀ICP备13022795号</footer></body></html>"""


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_html_rendering_parses_like_the_text(seed, tmp_path, seed_docs):
    lines = [line for line in seed.read_text(encoding="utf-8").split("\n") if line.strip()]
    path = tmp_path / "page.html"
    path.write_bytes(_page(lines).encode("gb18030"))
    doc = gongwen.parse(path)
    assert outline(doc) == outline(seed_docs[seed.stem])


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_exported_markdown_reads_back_to_the_same_outline(seed, tmp_path, seed_docs):
    original = seed_docs[seed.stem]
    doc = gongwen.parse(gongwen.export(original, "markdown", tmp_path / "x.md"))
    assert [(d, n.kind, n.marker, n.title) for d, n in doc.walk()] == outline(original)
    assert doc.meta.title == original.meta.title


def test_markdown_headings_and_front_matter_title(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: 某县政府工作报告\n---\n\n各位代表：\n\n## 总体要求\n\n坚持稳中求进。\n\n"
                    "### （一）稳增长\n\n**增强责任意识。**正文。\n\n## 重点工作\n", encoding="utf-8")
    doc = gongwen.parse(path)
    assert doc.meta.title == "某县政府工作报告"
    assert [(d, n.marker, n.title) for d, n in doc.walk()] == [
        (1, "", "总体要求"), (2, "（一）", "稳增长"), (1, "", "重点工作")]


def test_markdown_footnotes_are_note_calls_and_endnotes(tmp_path):
    body = "".join(f"## {n}、第{n}部分\n\n这一部分的正文写得很长，讲了很多工作。\n\n" for n in "一二三")
    path = tmp_path / "f.md"
    path.write_text(body + "## 四、投资\n\n合作社营[^1]工业的投资为二八·四亿元[^2]。\n\n"
                    "[^1]: 指供销合作社经营的工业。\n\n[^2]: 是这样计算出来的：\n\n（一）扣除木材工业投资八亿元；\n\n"
                    "（二）加上各部的投资二·二亿元。\n", encoding="utf-8")
    doc = gongwen.parse(path)
    assert [n.marker for _, n in doc.walk()] == ["一、", "二、", "三、", "四、"]  # a footnote's list is no heading
    assert [b.text for b in doc.back][:2] == ["[1] 指供销合作社经营的工业。", "[2] 是这样计算出来的："]
    assert {b.type for b in doc.back} == {"note"}
    assert [(i.name, i.value) for i in doc.indicators] == [("合作社营工业的投资", 28.4)]


def test_a_front_matter_title_the_body_prints_again_is_read_once(tmp_path):
    path = tmp_path / "p.md"
    path.write_text("---\ntitle: 某省国民经济和社会发展第六个五年计划摘要\n---\n\n"
                    "**某省国民经济和社会发展第六个五年计划摘要**\n\n> （1982 年 12 月 10 日通过）\n\n"
                    "## 第一章 基本任务\n\n到1985年，粮食产量达到3600亿斤。\n", encoding="utf-8")
    doc = gongwen.parse(path)
    assert (doc.meta.title, doc.meta.doc_type) == ("某省国民经济和社会发展第六个五年计划摘要", "plan")
    assert sum(b.text.count("第六个五年计划摘要") for b in doc.front) == 1


def test_a_bold_lead_ends_where_the_bold_ends(tmp_path):
    # **A，B。** is one lead whatever its commas; **A，**B。 ends at the comma (its title without it).
    path = tmp_path / "b.md"
    path.write_text("各位代表：\n\n## 一、过去五年工作回顾\n\n"
                    "**这五年，是经济实力跨越的五年。**地区生产总值增长5%。\n\n"
                    "**这五年，是改革开放突破的五年。**我们推进改革。\n\n"
                    "**这五年，是民生持续改善的五年。**我们办好实事。\n\n"
                    "## 二、今后工作\n\n**推进治污降碳，**加强生态环境保护。\n\n**坚持以文化为魂**，繁荣文化事业。\n",
                    encoding="utf-8")
    doc = gongwen.parse(path)
    assert [n.title for _, n in doc.walk() if n.kind == "topic"] == [
        "这五年，是经济实力跨越的五年", "这五年，是改革开放突破的五年", "这五年，是民生持续改善的五年",
        "推进治污降碳", "坚持以文化为魂"]
    assert len(gongwen.read(path).emphasis) == 5


def _pdf(path, lines: list[str], header: str = "某县人民政府文件", per_page: int = 40) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    for start in range(0, len(lines), per_page):
        c.setFont("STSong-Light", 10)
        c.drawString(72, 810, header)
        for k, line in enumerate(lines[start:start + per_page]):
            c.drawString(72, 780 - 18 * k, line)
        c.drawString(290, 30, f"- {start // per_page + 1} -")
        c.showPage()
    c.save()


def test_pdf_with_running_header_and_page_numbers_parses_like_the_text(tmp_path, seed_docs):
    seed = SEEDS[2]
    width = 38
    lines: list[str] = []
    for para in seed.read_text(encoding="utf-8").split("\n"):
        para = para.strip()
        lines += [para[i:i + width] for i in range(0, len(para), width)] if para else []
    path = tmp_path / "r.pdf"
    _pdf(path, lines)
    doc = gongwen.parse(path)
    assert outline(doc) == outline(seed_docs[seed.stem])
    codes = [d.code for d in doc.diagnostics]
    assert "running-header-removed" in codes and "page-marker-removed" in codes
    assert "某县人民政府文件" not in gongwen.export(doc, "markdown", tmp_path / "r.md").read_text(encoding="utf-8")


def test_a_pdf_that_writes_each_character_on_its_own_has_its_lines_rebuilt(tmp_path, seed_docs):
    from reportlab.pdfbase import pdfmetrics

    seed = SEEDS[2]
    lines: list[str] = []
    for para in seed.read_text(encoding="utf-8").split("\n"):
        para = para.strip()
        lines += [para[i:i + 38] for i in range(0, len(para), 38)] if para else []
    path = tmp_path / "glyphs.pdf"
    _pdf(path, lines)  # registers the font
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(path), pagesize=A4)
    for start in range(0, len(lines), 40):
        for k, line in enumerate(lines[start:start + 40]):
            x = 72.0
            for ch in line:  # one text object per character, as some producers write
                c.setFont("STSong-Light", 10)
                c.drawString(x, 780 - 18 * k, ch)
                x += pdfmetrics.stringWidth(ch, "STSong-Light", 10)
        c.showPage()
    c.save()
    doc = gongwen.parse(path)
    assert outline(doc) == outline(seed_docs[seed.stem])
    assert "pdf-lines-rebuilt" in [d.code for d in doc.diagnostics]


def test_pdf_dot_leader_contents_lines_lose_their_page_numbers(tmp_path):
    path = tmp_path / "toc.pdf"
    _pdf(path, ["目录", "一、工作回顾……………………3", "二、工作计划……………………9", "", "一、工作回顾", "正文。",
                "二、工作计划", "正文。"], per_page=60)
    doc = gongwen.parse(path)
    assert [(e.marker, e.title) for e in doc.toc] == [("一、", "工作回顾"), ("二、", "工作计划")]
    assert [n.title for _, n in doc.walk()] == ["工作回顾", "工作计划"]


def test_scanned_pdf_without_text_layer_is_a_clear_error(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 200, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(gongwen.InputError, match="no text layer"):
        gongwen.parse(path)


def test_markdown_comments_are_left_out_with_a_diagnostic(tmp_path):
    path = tmp_path / "c.md"
    path.write_text("# 某市政府工作报告\n\n<!-- 市长作报告（记者 摄） -->\n\n各位代表：\n\n<!-- 一段\n两行的注释 -->\n一、工作回顾\n\n增长5%。\n",
                    encoding="utf-8")
    source = gongwen.read(path)
    assert "<!--" not in source.text and "-->" not in source.text and "记者" not in source.text
    assert [d.text for d in source.diagnostics if d.code == "html-comment-removed"] == [
        "<!-- 市长作报告（记者 摄） -->", "<!-- 一段\n两行的注释 -->"]
    assert [n.marker for _, n in gongwen.parse(path).walk()] == ["一、"]
