"""HTML reader (lxml.html): the main content only, paragraph and heading boundaries kept.

The main content is the element that holds most of the page's non-link text
(an ``<article>`` or ``<main>`` when the page has one), found whether or not a
stylesheet hides it. Everything else with text — navigation, headers,
footers, sidebars, hidden blocks, page tools (【字体：大 中 小】, 打印本页,
关闭窗口, 分享到, pagination 第1页第2页) — is removed and recorded as a
diagnostic holding the removed text. Data tables become rows, images and
``<figure>`` their captions (``SourceText.tables`` / ``figures``); layout
tables are read as text. The parser never touches the network and expands no
entities.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from gongwen.errors import InputError
from gongwen.model import Diagnostic
from gongwen.plugin import Reader, SourceText, hookimpl
from gongwen.readers.emphasis import Piece, bold_pieces
from gongwen.readers.encoding import decode, text_encoding
from gongwen.readers.tables import table_line
from gongwen.readers.text import read_bytes

MAX_BYTES = 64 * 1024 * 1024
SILENT_TAGS = ("script", "style", "noscript", "template", "svg", "object", "embed", "iframe", "select", "button",
               "link", "meta", "title")
CHROME_TAGS = {"nav", "header", "footer", "aside", "form", "menu"}
CHROME = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|sidebar|side|footer|header|breadcrumb|crumb|share|comment|ad|ads|"
                    r"advert|recommend|related|login|toolbar|copyright|banner|tools?|print|fontsize|pager|"
                    r"pagination)(?:$|[\s_-])", re.I)
BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
BLOCK_TAGS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "td", "th", "br",
              "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "center", "body", "figure",
              "figcaption", "caption", "hr"}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
DOMINANT = 0.8  # a child holding this share of its parent's text is where the content continues
MAX_CELL = 300  # a longer cell means a layout table

# Page tools inside the content: removed wherever they stand.
TOOLS = re.compile(
    r"[【\[(（]?\s*字[体号]\s*[:：]?\s*(?:[【\[]?\s*[大中小]\s*[】\]]?\s*){3}[】\])）]?"
    r"|[【\[]\s*(?:打印|关闭|收藏|打印本页|关闭窗口|返回顶部|纠错|我要纠错)\s*[】\]]"
    r"|打印本页|打印此页|关闭窗口|关闭本页|返回顶部"
    r"|(?:第\s*\d+\s*页\s*){2,}"
    r"|分享到\s*[:：]?(?:\s*(?:微信|微博|新浪微博|腾讯微博|QQ空间|QQ|朋友圈|人人网|豆瓣|qq空间|更多))*")
# A line of the page's publishing details (来源：… 发布时间：… 浏览次数：…), never the document's own words.
INFO_LABEL = re.compile(r"(?:信息)?来源|发布(?:时间|日期|机构)|作者|浏览(?:次数|量)?|点击(?:数|量|率)|访问(?:量|次数)|"
                        r"阅读(?:次数|量)|责任编辑|编辑|字号")
INFO_LINE = re.compile(rf"\s*(?:{INFO_LABEL.pattern})\s*[:：]")
PAGE_COUNTER = re.compile(r"(?:浏览|点击|访问|阅读)(?:次数|量|数)?\s*[:：]|发布(?:时间|日期)\s*[:：]")
MAX_INFO_LINE = 80
PAGINATION = re.compile(r"第\s*[2-9]\d*\s*页|下一页")
TOOL_LINE = re.compile(r"^(?:\s*(?:第\s*\d+\s*页|共\s*\d+\s*页|上一页|下一页|首页|尾页|末页|\d{1,3}|[<>«»]|"
                       r"微信|微博|QQ空间|[|｜/]|[【\[]\s*[】\]]))+\s*$")

# Declared labels that browsers decode with a superset (WHATWG Encoding Standard).
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "big5": "big5hkscs",
             "iso-8859-1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}


def _charset(data: bytes) -> str | None:
    """The charset a ``<meta charset>`` or http-equiv Content-Type declares, as browsers read it."""
    m = META_CHARSET.search(data[:4096])
    if not m:
        return None
    label = m.group(1).decode("ascii").lower()
    return SUPERSETS.get(label, label)


def _charset_problem(data: bytes, declared: str) -> str:
    """Why the declared charset cannot be trusted ("" when it can): not a text codec, or the bytes disagree."""
    codec = text_encoding(declared)
    if codec is None:
        return "is not a text encoding"
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return "does not decode the page"
    if codec != "utf-8" and not data.isascii():
        try:
            data.decode("utf-8")
            return "is contradicted by the bytes, which are UTF-8"
        except UnicodeDecodeError:
            pass
    return ""


def _tag(el: Any) -> str:
    return el.tag if isinstance(el.tag, str) else ""


def _text(el: Any) -> str:
    return " ".join(el.text_content().split())


def _describe(el: Any) -> str:
    attrs = "".join(f' {k}="{el.get(k)}"' for k in ("id", "class") if el.get(k))
    return f"<{_tag(el)}{attrs}>"


def _weights(root: Any) -> dict[Any, int]:
    """Characters of non-link text under every element."""
    weights: dict[Any, int] = {}

    def visit(el: Any) -> int:
        own = 0 if _tag(el) == "a" else len("".join((el.text or "").split()))
        total = own
        for child in el:
            total += visit(child) if _tag(child) != "a" else 0
            total += len("".join((child.tail or "").split()))
        weights[el] = total
        return total

    visit(root)
    return weights


def _has_blocks(el: Any) -> bool:
    """Whether ``el`` holds block elements (so it is a container, not one paragraph)."""
    return any(_tag(d) in BLOCK_TAGS - {"br"} for d in el.iterdescendants())


def content_root(body: Any) -> Any:
    """The element holding the main content: ``<article>``/``<main>``, else where most of the text is."""
    weights = _weights(body)
    for tag in ("article", "main"):
        found = [el for el in body.iter(tag) if weights.get(el, 0) > 200]
        if found:
            return max(found, key=lambda el: weights[el])
    node = body
    while True:
        children = [c for c in node if _tag(c)]
        best = max(children, key=lambda c: weights.get(c, 0), default=None)
        if best is None or weights.get(best, 0) < DOMINANT * max(weights[node], 1) or not _has_blocks(best):
            return node  # never down into a single paragraph: its siblings are the article too
        node = best


def _is_chrome(el: Any) -> bool:
    tag = _tag(el)
    attrs = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
    hidden = (el.get("hidden") is not None or el.get("aria-hidden") == "true"
              or bool(HIDDEN_STYLE.search(el.get("style", ""))))
    return tag in CHROME_TAGS or bool(CHROME.search(attrs)) or hidden


def page_title(body: Any, root: Any) -> Any:
    """The page's ``<h1>`` when it stands outside the main content (as article titles often do), else the
    nearest block before the content that its class or id names a title (``<div class="con_title">``), else
    None."""
    inside = set(root.iter())
    for ancestor in root.iterancestors():  # the nearest first: a site logo's <h1> is further away
        found = next((h for h in ancestor.iter("h1") if h not in inside and 0 < len(_text(h)) <= 100), None)
        if found is not None or ancestor is body:
            return found if found is not None else _titled_block(root, inside)
    return None


def _titled_block(root: Any, inside: set[Any]) -> Any:
    """A block just before the content (in its parent or grandparent) whose class or id says it holds the title."""
    for ancestor in list(root.iterancestors())[:2]:
        for el in ancestor.iter("div", "p", "h2", "h3", "td", "span"):
            if el in inside:
                break  # only what comes before the content
            named = " ".join((el.get("class") or "", el.get("id") or ""))
            if TITLE_CLASS.search(named) and 4 <= len(_text(el)) <= 150:
                return el
    return None


TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:con_?|art_?|article_?|detail_?|news_?|content_?)?(?:title|tit|biaoti|bt)"
                         r"(?:$|[\s_-]|\d)", re.IGNORECASE)  # con_title, article-title, tit, bt (标题)
TITLE_META = ("ArticleTitle", "og:title", "title")  # <meta name/property> that government sites fill with it
# Between a title and the site's name (2024年政府工作报告_某市人民政府); a dash —— opens a subtitle instead.
SITE_NAME = re.compile(r"(?:人民政府|政府网|门户网站?|网站|网|政务网|统计局|办公厅|人大|政协)$")  # a site's name
SITE_SEPARATOR = re.compile(r"\s*(?:[_|｜]+|\s[-–－]+\s|--+|－－)\s*")


def head_title(root: Any) -> str | None:
    """The article title the page's head declares (``<meta name="ArticleTitle">``, ``og:title``, else
    ``<title>`` without the site's name): the first part that names no site, as sites add their name after
    or before a separator."""
    for name in TITLE_META:
        for meta in root.iter("meta"):
            content = " ".join(meta.get("content", "").split())
            if name in (meta.get("name"), meta.get("property")) and content:
                return content if len(content) <= 100 else None
    title = root.find(".//title")
    text = " ".join((title.text_content() if title is not None else "").split())
    parts = [part for part in SITE_SEPARATOR.split(text) if re.search("[\u4e00-\u9fff]", part)]
    # the parts that name no site (政府工作报告_某某省人民政府门户网站): the first of them, else the longest part
    titles = [part for part in parts if not SITE_NAME.search(part)]
    best = titles[0] if titles else max(parts, key=len, default="")
    return best if 0 < len(best) <= 100 else None


def remove_regions(body: Any, root: Any, keep: Any = None) -> list[Diagnostic]:
    """Drop everything with text outside ``root`` (but ``keep``) and the chrome inside it; a diagnostic each."""
    diags: list[Diagnostic] = []

    def drop(el: Any, why: str) -> None:
        text = _text(el)
        if text:
            diags.append(Diagnostic("html-region-removed", f"{why} {_describe(el)} removed", None, text))
        el.drop_tree()

    path = [root, *root.iterancestors()]
    on_path = set(path)
    for ancestor in path[1:]:
        if ancestor is body.getparent():
            break
        loose = [ancestor.text or ""] + [child.tail or "" for child in ancestor]
        for child in list(ancestor):
            if child not in on_path and child is not keep and _tag(child):
                drop(child, "outside the main content:")
        text = " ".join(" ".join(loose).split())
        if text:  # text standing loose between the regions is dropped too: say so
            diags.append(Diagnostic("html-region-removed", f"outside the main content: text in {_describe(ancestor)} "
                                    "removed", None, text))
        if ancestor is body:
            break
    weights = _weights(root)
    limit = 0.5 * max(weights[root], 1)

    def visit(el: Any) -> None:
        for child in list(el):
            if not _tag(child):
                continue
            article_header = _tag(child) == "header" and child.find(".//h1") is not None
            if _is_chrome(child) and weights.get(child, 0) < limit and not article_header:
                drop(child, "site chrome:")
            else:
                visit(child)

    visit(root)
    return diags


def _cell_text(cell: Any) -> str:
    """A cell's text with ``<br>`` and block boundaries as newlines, spaces collapsed on each line."""
    pieces: list[str] = []

    def walk(el: Any) -> None:
        pieces.append(el.text or "")
        for child in el:
            tag = _tag(child)
            if tag == "br":
                pieces.append("\n")
            elif tag:
                block = tag in BLOCK_TAGS
                pieces.append("\n" if block else "")
                walk(child)
                pieces.append("\n" if block else "")
            pieces.append(child.tail or "")

    walk(cell)
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def table_rows(table: Any) -> list[list[str]] | None:
    """A data table's rows, spans filled by repetition; None for a layout table."""
    if any(True for _ in table.iterdescendants("table")):
        return None
    grid: dict[tuple[int, int], str] = {}
    rows = [tr for tr in table.iter("tr")]
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if _tag(cell) not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            text = _cell_text(cell)
            if len(text) > MAX_CELL:
                return None
            span_c = int(cell.get("colspan", "1")) if cell.get("colspan", "1").isdigit() else 1
            span_r = int(cell.get("rowspan", "1")) if cell.get("rowspan", "1").isdigit() else 1
            for dr in range(max(1, min(span_r, 100))):
                for dc in range(max(1, min(span_c, 100))):
                    grid.setdefault((r + dr, c + dc), text)
            c += max(1, min(span_c, 100))
    if not grid:
        return None
    height = len(rows)
    width = max(c for _, c in grid) + 1
    out = [[grid.get((r, c), "") for c in range(width)] for r in range(height)]
    return [row for row in out if any(row)] or None


def _caption(el: Any) -> str | None:
    """An image's caption: its alt or title text, else its file name; None for a decorative image (alt="")."""
    alt = el.get("alt")
    if alt is not None and not alt.strip():
        return None
    text = " ".join((alt or el.get("title") or "").split())
    if text:
        return text
    name = unquote((el.get("src") or "").split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1])
    return name or None


def _collapsed(raw: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``raw`` with its runs of markup whitespace one space and no space at the ends, and ``spans`` moved with
    it; ideographic spaces stay."""
    out: list[str] = []
    at = [0] * (len(raw) + 1)  # where each character of raw lands
    k = 0
    while k < len(raw):
        ch = raw[k]
        at[k] = len(out)
        if not ch.isspace() or ch == "\u3000":  # an ideographic space is the text's own, as in a text file
            out.append(ch)
            k += 1
            continue
        end = k
        while end < len(raw) and raw[end].isspace() and raw[end] != "\u3000":
            at[end] = len(out)
            end += 1
        # a line break of the source beside a Chinese character is no space of the text (800亿⏎元 is 800亿元)
        wrapped = "\n" in raw[k:end] and ((k and _wide(raw[k - 1])) or (end < len(raw) and _wide(raw[end])))
        if out and out[-1] != " " and not wrapped:
            out.append(" ")
        k = end
    at[len(raw)] = len(out)
    text = "".join(out).rstrip()
    return text, [(min(at[a], len(text)), min(at[b], len(text))) for a, b in spans]


# A heading's numbering (一、, 第三章, （二）, 1.): a heading on the article's first line without one is its title.
MARKED = re.compile(r"\s*(?:[一二三四五六七八九十百]+[、.．]|第[一二三四五六七八九十百\d]+[章节部分篇编]"
                    r"|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])")


def _wide(ch: str) -> bool:
    """A Chinese character or full-width sign (CJK blocks and up), which a source line break may separate."""
    return ord(ch) >= 0x2E80


class _Collector:
    """Lines of the reader's text with their heading levels, bold leads, tables and figures."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.levels: dict[int, int] = {}
        self.emphasis: dict[int, str] = {}
        self.tables: dict[int, list[list[str]]] = {}
        self.figures: set[int] = set()
        self.current: list[str] = []
        self.bold: list[tuple[int, int]] = []  # bold ranges of "".join(current)
        self.length = 0  # len("".join(current))

    def add(self, text: str) -> None:
        self.current.append(text)
        self.length += len(text)

    def flush(self) -> None:
        text, bold = _collapsed("".join(self.current), self.bold)
        for piece in bold_pieces(text, bold) if bold else [Piece(text)]:  # bold: a heading, a lead, a lead run in
            if piece.level is not None:
                self.levels[len(self.lines)] = piece.level
            if piece.emphasis:
                self.emphasis[len(self.lines)] = piece.emphasis
            if piece.text.strip():
                self.lines.append(piece.text.strip())
        self.current.clear()
        self.bold.clear()
        self.length = 0

    def special(self, line: str, rows: list[list[str]] | None = None) -> None:
        self.flush()
        if rows:
            self.tables[len(self.lines)] = rows
        else:
            self.figures.add(len(self.lines))
        self.lines.append(line)

    def visit(self, element: Any) -> None:
        tag = _tag(element)
        if tag == "table" and (rows := table_rows(element)):
            caption = element.find("caption")
            if caption is not None and _text(caption):
                self.flush()
                self.lines.append(_text(caption))
            self.special(table_line(rows), rows)
            return
        if tag == "img":
            caption = _caption(element) if not (element.tail or "").strip() else None
            if caption:  # (an image with text right after it stands in a sentence: a glyph or icon, no figure)
                self.special(caption)
            return
        if tag == "figure":
            cap = element.find(".//figcaption")
            img = element.find(".//img")
            text = _text(cap) if cap is not None else (_caption(img) if img is not None else None)
            if text:
                self.special(text)
                return
        block = tag in BLOCK_TAGS
        if block:
            self.flush()
        start = self.length
        if element.text:
            self.add(element.text)
        for child in element:
            self.visit(child)
            if child.tail:
                self.add(child.tail)
        if (tag in ("strong", "b") or BOLD_STYLE.search(element.get("style", ""))) and self.length > start:
            self.bold.append((start, self.length))
        if block:
            first = len(self.lines)
            self.flush()
            if tag in ("h2", "h3", "h4", "h5", "h6") and len(self.lines) > first \
                    and (first or MARKED.match(self.lines[first])):  # an unnumbered first line is the title
                self.levels[first] = int(tag[1]) - 1


def _prints(lines: list[str], title: str) -> bool:
    """Whether the article's first lines print ``title`` (spaces aside): then it needs no second copy."""
    wanted = "".join(title.split())
    return any(wanted in "".join(line.split()) for line in lines[:5])


def remove_tools(collector: _Collector) -> list[Diagnostic]:
    """Cut page tools out of the text lines (tables and figures are left alone); one diagnostic each."""
    diags: list[Diagnostic] = []
    lines, levels, emphasis, tables, figures = [], {}, {}, {}, set()
    for n, line in enumerate(collector.lines):
        if n not in collector.tables and n not in collector.figures:
            cut = [m.group(0) for m in TOOLS.finditer(line) if m.group(0).strip()]
            for piece in cut:
                diags.append(Diagnostic("page-tools-removed", "web page tools removed", None, piece.strip()))
            line = " ".join(TOOLS.sub(" ", line).split()) if cut else line
            if line and TOOL_LINE.match(line):
                diags.append(Diagnostic("page-tools-removed", "web page pagination removed", None, line))
                line = ""
            elif line and len(line) <= MAX_INFO_LINE and INFO_LINE.match(line) \
                    and (len(INFO_LABEL.findall(line)) >= 2 or PAGE_COUNTER.search(line)):
                diags.append(Diagnostic("page-tools-removed", "web page publishing details removed", None, line))
                line = ""  # 来源：某某日报 发布时间：2026-02-01 浏览次数：1234: the page's, not the document's
            if not line:
                continue
        k = len(lines)
        if n in collector.levels:
            levels[k] = collector.levels[n]
        if n in collector.emphasis and line.startswith(collector.emphasis[n]):
            emphasis[k] = collector.emphasis[n]
        if n in collector.tables:
            tables[k] = collector.tables[n]
        if n in collector.figures:
            figures.add(k)
        lines.append(line)
    collector.lines, collector.levels, collector.tables, collector.figures = lines, levels, tables, figures
    collector.emphasis = emphasis
    return diags


def pagination_warning(diags: list[Diagnostic]) -> list[Diagnostic]:
    """A warning when a removed region or tool is pagination to further pages of the article."""
    pages = [m.group(0) for d in diags if d.code in ("page-tools-removed", "html-region-removed")
             for m in [PAGINATION.search(d.text)] if m and len(d.text) < 200]
    if not pages:
        return []
    return [Diagnostic("paginated-article", f"the article continues on other pages ({pages[0]}); only this page "
                       "was read", None, "")]


def read(path: Path, options: dict[str, Any]) -> SourceText:
    """Read the main text of an HTML page."""
    import lxml.html

    data = read_bytes(path, MAX_BYTES)
    declared = _charset(data)
    why = _charset_problem(data, declared) if declared else ""
    forced = options.get("encoding") or (None if why else declared)
    text, encoding, diags = decode(data, str(path), forced)
    if why and not options.get("encoding"):
        diags.append(Diagnostic("charset-ignored", f"<meta charset={declared!r}> {why}; decoded as {encoding}",
                                None, ""))
    if not text.strip():
        raise InputError(f"{path}: empty document (no text)")
    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True,
                                  huge_tree=False)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except Exception as exc:  # noqa: BLE001 - lxml raises ParserError/XMLSyntaxError/ValueError
        raise InputError(f"{path}: not readable as HTML ({exc})") from None
    limits = [e for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]
    if limits:  # libxml2 stopped reading (elements nested too deep): the rest of the page would be lost
        raise InputError(f"{path}: refused: {limits[0].message.split(',')[0].lower()} (the rest would be lost)")
    declared = head_title(root)  # read before the head is dropped with the other silent tags
    for el in list(root.iter(*SILENT_TAGS)):
        if el.getparent() is not None:
            text = _text(el) if _tag(el) in ("button", "select", "noscript") else ""
            if text:  # visible words (打印, a fallback notice), unlike script or style
                diags.append(Diagnostic("html-region-removed", f"page control {_describe(el)} removed", None, text))
            el.drop_tree()
    body = root.find(".//body")
    body = body if body is not None else root
    main = content_root(body)
    title = page_title(body, main)
    diags += remove_regions(body, main, title)
    collector = _Collector()
    if title is not None:
        collector.visit(title)
    collector.visit(main)
    collector.flush()
    if title is None and declared and not _prints(collector.lines, declared):
        collector.lines.insert(0, declared)  # the page prints its title outside the article, or not at all
        collector.levels = {k + 1: level for k, level in collector.levels.items()}
        collector.emphasis = {k + 1: words for k, words in collector.emphasis.items()}
        collector.tables = {k + 1: rows for k, rows in collector.tables.items()}
        collector.figures = {k + 1 for k in collector.figures}
        diags.append(Diagnostic("html-title-from-head", "the article's title is taken from the page's head", None,
                                declared))
    diags += remove_tools(collector)
    diags += pagination_warning(diags)
    if not collector.lines:
        raise InputError(f"{path}: empty document (no text in the page)")
    source = SourceText("\n".join(collector.lines), "html", encoding, diags, collector.levels, collector.tables)
    source.figures = collector.figures
    source.emphasis = collector.emphasis
    return source


@hookimpl
def gongwen_readers() -> list[Reader]:
    """Contribute the HTML reader."""
    return [Reader("html", ("html", "htm", "xhtml"), "web pages (main content only, tables, figures)", read)]
