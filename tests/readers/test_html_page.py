"""Web pages: the article alone (even in a hidden wrapper), every removed region a diagnostic, tables, figures."""

from __future__ import annotations

import gongwen
from gongwen.readers.html import read

ARTICLE = ["一、2023年工作回顾", "全年地区生产总值320.5亿元，比上年增长6.1%。一般公共预算收入21.3亿元，增长8.2%。",
           "二、2024年主要目标", "地区生产总值增长6%左右。城镇新增就业1.2万人以上，居民收入与经济增长同步。"]

PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县2024年政府工作报告</title>
<script>var a = "一、脚本";</script></head>
<body>
<div class="top-bar"><a href="/">首页</a> <a href="/zw">政务公开</a> 一、网站导航</div>
<div id="menu"><ul><li><a href="#">1. 新闻中心</a></li><li><a href="#">2. 政策文件</a></li></ul></div>
<div class="wrap" style="display:none">
  <div class="detail">
    <h1>某县2024年政府工作报告</h1>
    <div class="info">发布时间：2024-01-20 【字体：大 中 小】 打印本页 关闭窗口</div>
    <div class="content">
      <p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p>
      <table><caption>表1 主要指标</caption><tr><th>指标</th><th colspan="2">2023年</th></tr>
        <tr><td rowspan="2">地区生产总值<br>（亿元）</td><td>320.5</td><td>6.1</td></tr>
        <tr><td>—</td><td>—</td></tr></table>
      <figure><img src="chart.png" alt="图"><figcaption>图1 地区生产总值</figcaption></figure>
      <p><img src="/images/%E5%9B%BE2.png"></p>
      <p><img src="spacer.gif" alt=""></p>
      <p>{ARTICLE[2]}</p><p>{ARTICLE[3]}</p>
      <div class="share">分享到：微信 微博 QQ空间</div>
      <div class="pages">第1页第2页 下一页</div><button>纠错</button>
    </div>
  </div>
</div>
友情提示：本站已适老化改造
<div class="links">相关链接：<a href="#">国务院</a> <a href="#">省政府</a></div>
<div class="foot">版权所有 © 2024 某县人民政府 ICP备12345678号</div>
</body></html>"""

CHROME = ["首页", "政务公开", "新闻中心", "相关链接", "版权所有", "友情提示", "纠错", "字体", "打印本页", "关闭窗口", "分享到",
          "第1页", "一、脚本", "一、网站导航"]


def test_a_hidden_wrapper_keeps_the_article_and_drops_the_chrome(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    source = read(path, {})
    lines = source.text.split("\n")
    assert lines[0] == "某县2024年政府工作报告"
    for line in ARTICLE:
        assert line in lines
    for word in CHROME:
        assert word not in source.text, word
    removed = " ".join(d.text for d in source.diagnostics if d.code in ("html-region-removed", "page-tools-removed"))
    for word in (w for w in CHROME if w != "一、脚本"):  # a script is not page text
        assert word in removed, word
    assert [d.code for d in source.diagnostics].count("paginated-article") == 1  # a warning: page 2 is not read
    regions = [d for d in source.diagnostics if d.code == "html-region-removed"]
    assert all(d.text for d in regions) and len(regions) >= 3


def test_page_tables_and_figures_become_blocks(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = gongwen.parse(path)
    assert doc.meta.title == "某县2024年政府工作报告"
    assert [n.title for _, n in doc.walk() if n.kind == "section"] == ["2023年工作回顾", "2024年主要目标"]
    blocks = [b for _, n in doc.walk() for b in n.body]
    tables = [b.rows for b in blocks if b.type == "table"]
    assert tables == [[["指标", "2023年", "2023年"], ["地区生产总值\n（亿元）", "320.5", "6.1"],
                       ["地区生产总值\n（亿元）", "—", "—"]]]
    assert [b.text for b in blocks if b.type == "figure"] == ["图1 地区生产总值", "图2.png"]
    caption = next(k for k, b in enumerate(blocks) if b.text == "表1 主要指标")
    assert blocks[caption + 1].type == "table"


def test_a_layout_table_is_read_as_text(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    path = tmp_path / "layout.html"
    path.write_text(f"<html><body><table><tr><td><a href='/'>首页</a></td></tr><tr><td>"
                    f"<table><tr><td>{body}</td></tr></table></td></tr></table></body></html>", encoding="utf-8")
    doc = gongwen.parse(path)
    assert [n.title for _, n in doc.walk() if n.kind == "section"] == ["2023年工作回顾", "2024年主要目标"]
    assert not [b for _, n in doc.walk() for b in n.body if b.type == "table"]


def test_one_long_paragraph_does_not_push_out_its_siblings(tmp_path):
    long = "全年地区生产总值320.5亿元，比上年增长6.1%。" * 40
    path = tmp_path / "oneline.html"
    path.write_text(f"<html><body><div class='c'><p>某县2024年政府工作报告</p><p>各位代表：</p><p>{long}</p></div>"
                    "</body></html>", encoding="utf-8")
    lines = read(path, {}).text.split("\n")
    assert lines[:2] == ["某县2024年政府工作报告", "各位代表："] and len(lines) == 3


def test_an_articles_own_header_keeps_its_title(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    path = tmp_path / "html5.html"
    path.write_text(f"<html><body><header><a href='/'>首页</a></header><article><header><h1>某县2024年政府工作报告</h1>"
                    f"</header>{body}<footer>责任编辑：张三</footer></article></body></html>", encoding="utf-8")
    source = read(path, {})
    assert source.text.split("\n")[0] == "某县2024年政府工作报告"
    assert "责任编辑" not in source.text and "首页" not in source.text


def test_heading_tags_count_from_the_shallowest_the_page_uses(tmp_path):
    body = "".join(f"<h3>{ARTICLE[0]}</h3><p>{ARTICLE[1]}</p><h4>（一）经济</h4><p>增长。</p>"
                   f"<h3>{ARTICLE[2]}</h3><p>{ARTICLE[3]}</p>" for _ in range(1))
    path = tmp_path / "h3.html"
    path.write_text(f"<html><body><h1>某县2024年政府工作报告</h1><div class='c'>{body}</div></body></html>",
                    encoding="utf-8")
    doc = gongwen.parse(path)
    assert [(d, n.marker) for d, n in doc.walk()] == [(1, "一、"), (2, "（一）"), (1, "二、")]  # not 二、 under 一、


def test_a_title_printed_outside_the_article_comes_from_the_pages_head(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    layout = ("<html><head><title>某县2024年政府工作报告_某县人民政府</title></head><body><table>"
              "<tr><td class='biaoti'><b>某县2024年政府工作报告</b></td></tr>"
              f"<tr><td><div class='c'>{body}</div></td></tr></table></body></html>")
    path = tmp_path / "old.html"
    path.write_text(layout, encoding="utf-8")
    doc = gongwen.parse(path)
    assert doc.meta.title == "某县2024年政府工作报告" and doc.meta.doc_type == "work_report"
    assert [d.text for d in doc.diagnostics if d.code == "html-title-from-head"] == ["某县2024年政府工作报告"]
    assert [n.marker for _, n in doc.walk()] == ["一、", "二、"]
    printed = layout.replace("<div class='c'>", "<div class='c'><p>某县2024年政府工作报告</p>")
    path.write_text(printed, encoding="utf-8")  # the article prints it: no second copy
    assert read(path, {}).text.split("\n")[:2] == ["某县2024年政府工作报告", ARTICLE[0]]


def test_the_heads_title_loses_the_sites_name_but_keeps_its_subtitle():
    import lxml.html

    from gongwen.readers.html import head_title
    page = "<html><head><title>{}</title></head><body></body></html>"
    assert head_title(lxml.html.document_fromstring(page.format("2024年政府工作报告_某市人民政府"))) == "2024年政府工作报告"
    assert head_title(lxml.html.document_fromstring(page.format("某省人民政府 - 政府工作报告（全文）"))) == "政府工作报告（全文）"
    # a title shorter than the site's name is still the title
    assert head_title(lxml.html.document_fromstring(page.format("政府工作报告_某某省人民政府门户网站"))) == "政府工作报告"
    with_subtitle = "2000年政府工作报告——2000年3月5日在第九届全国人民代表大会第三次会议上"
    assert head_title(lxml.html.document_fromstring(page.format(with_subtitle))) == with_subtitle
    meta = '<html><head><meta name="ArticleTitle" content="某县2024年政府工作报告"><title>首页</title></head></html>'
    assert head_title(lxml.html.document_fromstring(meta)) == "某县2024年政府工作报告"


def test_an_ideographic_space_inside_a_line_stays_as_a_text_file_keeps_it(tmp_path):
    path = tmp_path / "s.html"
    path.write_text("<html><body><div><p>新增加的发电能力将为该区一\u3000九五二年原有发电能力的264%。</p></div></body></html>",
                    encoding="utf-8")
    assert "一\u3000九五二年" in read(path, {}).text


def _page(tmp_path, html: str):
    """An HTML file holding ``html``."""
    page = tmp_path / "a.html"
    page.write_text(html, encoding="utf-8")
    return page


def test_a_line_break_in_the_page_source_beside_chinese_text_is_no_space(tmp_path):
    page = _page(tmp_path, "<html><body><div class='article'><p>一般公共预算收入800亿\n元，增长3.0%。全年粮食产量\n"
                           "200万吨。</p><p>Annual report\nof the city.</p></div></body></html>")
    lines = read(page, {}).text.split("\n")
    assert lines[0] == "一般公共预算收入800亿元，增长3.0%。全年粮食产量200万吨。"
    assert lines[1] == "Annual report of the city."  # between Latin words it stays a space
    assert [(i.value, i.unit) for i in gongwen.parse(page).indicators][:1] == [(800.0, "亿元")]


def test_an_unnumbered_heading_opening_the_article_is_its_title_not_a_section(tmp_path):
    page = _page(tmp_path, "<html><body><div class='article'><h2>2026年某某省政府工作报告</h2>"
                           "<p>——2026年1月27日在某某省第十四届人民代表大会第四次会议上</p><h2>一、2025年工作回顾</h2>"
                           "<p>全年地区生产总值增长5.5%。</p><h3>（一）经济增长迈出坚实步伐</h3><p>工业增加值增长6.1%。</p>"
                           "</div></body></html>")
    doc = gongwen.parse(page)
    assert doc.meta.title == "2026年某某省政府工作报告" and doc.meta.doc_type == "work_report"
    assert [(d, n.marker) for d, n in doc.walk()] == [(1, "一、"), (2, "（一）")]


def test_a_title_block_before_the_content_is_the_title(tmp_path):
    page = _page(tmp_path, "<html><head><title>某某省人民政府</title></head><body><div class='main'>"
                           "<div class='con_title'>2026年某某省政府工作报告<br>——2026年1月27日在某某省第十四届人民代表大会"
                           "第四次会议上</div><div class='con_text'><div class='TRS_Editor'>"
                           + "".join(f"<p>{line}</p>" for line in ARTICLE * 3) + "</div></div></div></body></html>")
    doc = gongwen.parse(page)
    assert (doc.meta.title, doc.meta.doc_type, str(doc.meta.date)) == ("2026年某某省政府工作报告", "work_report",
                                                                        "2026-01-27")


def test_publishing_details_and_inline_images_are_no_text_of_the_document(tmp_path):
    page = _page(tmp_path, "<html><body><div class='article'><h1>2026年某某省政府工作报告</h1>"
                           "<div class='meta'>来源：某某日报 发布时间：2026-02-01 浏览次数：1234</div>"
                           "<p>全年地区生产总值<img src='arrow.png'>增长5.5%，达到10000亿元。</p>"
                           "<p>资料来源：省统计局。</p></div></body></html>")
    source = read(page, {})
    assert source.text.split("\n") == ["2026年某某省政府工作报告", "全年地区生产总值增长5.5%，达到10000亿元。",
                                       "资料来源：省统计局。"]
    assert any("publishing details" in d.message for d in source.diagnostics)
