"""DOCX exporter: a Chinese official document after GB/T 9704-2012, with the outline as Word headings.

Page: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (type area
156 × 225 mm), page numbers ``— 1 —`` (a PAGE field, 宋体 4号) centred at the
foot. Type: title 方正小标宋简体 2号 centred; level-1 headings 黑体, level 2
楷体_GB2312, levels 3–4 and body 仿宋_GB2312 3号, fixed 28.95 pt lines, a
two-character first-line indent. Fonts are named in ``w:ascii``/``w:hAnsi``/
``w:eastAsia``; where they are missing Word falls back to ``w:altName`` in the
font table and LibreOffice to fontconfig's CJK fonts (``FALLBACKS``).

Sections use the built-in Heading 1–4 styles (deeper levels reuse Heading 4)
and every heading paragraph carries ``w:outlineLvl``, so Word's navigation
pane and a Word TOC show the outline whatever the style names. Tables have a
bold header row repeated on each page and fixed column widths that share the
type area by content; figures are centred captions.

python-docx builds the container once per process (the package, its styles
with the fonts set); each document then only needs its body XML and core
properties, written straight into the package with the static parts
compressed once (see ``zipfix``). This keeps DOCX about as cheap as XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from gongwen.exporters.clean import clean_document
from gongwen.exporters.rows import display_value
from gongwen.exporters.zipfix import Part, compress, compress_text, core_properties, write_zip
from gongwen.gcpause import gc_paused
from gongwen.model import Block, Document, Indicator, walk
from gongwen.plugin import Exporter, hookimpl

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
PAGE_FONT = "宋体"
LEVEL_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: BODY_FONT, 4: BODY_FONT}
# The fonts GB/T 9704 names, the name Word tries when one is missing (w:altName in the font table), and what
# LibreOffice on Linux substitutes through fontconfig (fonts-noto-cjk): the render test checks the last.
FALLBACKS = {
    TITLE_FONT: ("宋体", ("SimSun", "NotoSerifCJK", "NotoSansCJK", "SourceHan")),
    "黑体": ("SimHei", ("SimHei", "NotoSansCJK", "NotoSerifCJK", "SourceHan")),
    "楷体_GB2312": ("楷体", ("KaiTi", "NotoSerifCJK", "NotoSansCJK", "SourceHan")),
    BODY_FONT: ("仿宋", ("FangSong", "NotoSerifCJK", "NotoSansCJK", "SourceHan")),
    PAGE_FONT: ("SimSun", ("SimSun", "NotoSerifCJK", "NotoSansCJK", "SourceHan")),
}
LATIN_FALLBACKS = ("DejaVu", "Liberation", "TimesNewRoman", "Arial", "OpenSymbol")  # digits and Latin letters
SIZE_PT = 16  # 三号
TITLE_PT = 22  # 二号
TABLE_PT = 12  # 小四
PAGE_PT = 14  # 四号
LINE_TWIPS = 579  # fixed 28.95 pt: 22 lines on the 225 mm type area
INDENT_TWIPS = 2 * SIZE_PT * 20  # two characters
PAGE_MM = (210, 297)  # A4
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TEXT_TWIPS = round((PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]) * 1440 / 25.4)  # 156 mm
KINDS = {"actual": "实际", "target": "目标"}
CAPTION = re.compile(r"^\s*(?:续?表|图)\s*\d+[^。！？]{0,60}$")
FRONT_SHORT = 40  # front-matter lines up to this long (speaker, date, meeting) are centred
TABLE_COLUMNS = [("name", "指标", 30), ("value", "数值", 13), ("unit", "单位", 10), ("change", "增减", 13),
                 ("qualifier", "限定", 10), ("kind", "类型", 10), ("period", "年份", 10)]  # widths in %
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DYNAMIC = ("word/document.xml", "docProps/core.xml")
RUN_CACHE = 10_000  # texts of table cells whose runs are kept for reuse
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _rpr_xml(font: str, size: int, bold: bool = False) -> str:
    b = "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    return (f'<w:rPr {W_NS}><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}" '
            f'w:hint="eastAsia"/>{b}<w:color w:val="000000"/><w:sz w:val="{size * 2}"/>'
            f'<w:szCs w:val="{size * 2}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>')


def _ppr_xml(jc: str = "both", indent: bool = True, outline: int | None = None, after: int = 0,
             line: int = LINE_TWIPS) -> str:
    ind = f'w:firstLineChars="200" w:firstLine="{INDENT_TWIPS}"' if indent else 'w:firstLineChars="0" w:firstLine="0"'
    keep = "<w:keepNext/><w:keepLines/>" if outline is not None else ""
    lvl = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    return (f'<w:pPr {W_NS}>{keep}<w:spacing w:before="0" w:after="{after}" w:line="{line}" w:lineRule="exact"/>'
            f'<w:ind w:left="0" {ind}/><w:jc w:val="{jc}"/>{lvl}</w:pPr>')


def _restyle(style: Any, ppr: str, rpr: str) -> None:
    """Replace a style's paragraph and run properties (theme fonts, colours, borders of the template go)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    el = style.element
    for tag in ("w:pPr", "w:rPr"):
        for old in el.findall(qn(tag)):
            el.remove(old)
    el.append(parse_xml(ppr))
    el.append(parse_xml(rpr))


def _font_table() -> bytes:
    """``word/fontTable.xml`` naming every font used, with the alternative Word falls back to."""
    fonts = "".join(f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
                    f'<w:family w:val="{"swiss" if name == "黑体" else "roman"}"/><w:pitch w:val="variable"/></w:font>'
                    for name, (alt, _) in FALLBACKS.items())
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts {W_NS}>{fonts}'
            f'<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/></w:font>'
            f"</w:fonts>").encode()


def _page_setup(section: Any) -> None:
    """A4, the GB/T 9704 margins, a 22-line grid and the page number ``— 1 —`` centred in the footer."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Mm

    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    for side, mm in MARGINS_MM.items():
        setattr(section, f"{side}_margin", Mm(mm))
    section.header_distance, section.footer_distance = Mm(15), Mm(21)  # number ~7 mm below the type area
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is not None:
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(LINE_TWIPS))
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]._p
    rpr = _rpr_xml(PAGE_FONT, PAGE_PT).replace(f"<w:rPr {W_NS}>", "<w:rPr>")
    runs = (f'<w:r>{rpr}<w:t xml:space="preserve">— </w:t></w:r><w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{rpr}<w:t>1</w:t></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r><w:r>{rpr}<w:t xml:space="preserve"> —</w:t></w:r>')
    new = parse_xml(f"<w:p {W_NS}>{_ppr_xml('center', False, line=240).replace(f'<w:pPr {W_NS}>', '<w:pPr>')}"
                    f"{runs}</w:p>")
    p.getparent().replace(p, new)


@lru_cache(maxsize=1)
def _template() -> tuple[list[Part | str], str, str, dict[str, str]]:
    """The package built once with python-docx: static parts (compressed), body head and tail, style ids."""
    import docx

    out = docx.Document()
    styles = out.styles
    _restyle(styles["Normal"], _ppr_xml(), _rpr_xml(BODY_FONT, SIZE_PT))
    _restyle(styles["Title"], _ppr_xml("center", False, after=LINE_TWIPS), _rpr_xml(TITLE_FONT, TITLE_PT))
    _restyle(styles["Caption"], _ppr_xml("center", False), _rpr_xml(BODY_FONT, TABLE_PT + 2, bold=True))
    for level in range(1, 5):
        _restyle(styles[f"Heading {level}"], _ppr_xml(outline=level - 1),
                 _rpr_xml(LEVEL_FONTS[level], SIZE_PT, bold=level == 3))
    ids = {name: styles[name].style_id for name in ("Title", "Caption", "Table Grid")}
    ids.update({f"h{n}": styles[f"Heading {n}"].style_id for n in range(1, 5)})
    _page_setup(out.sections[0])
    buf = io.BytesIO()
    out.save(buf)
    parts: list[Part | str] = []
    with zipfile.ZipFile(buf) as z:
        document = z.read("word/document.xml").decode("utf-8")
        for name in z.namelist():
            data = _font_table() if name == "word/fontTable.xml" else z.read(name)
            parts.append(name if name in DYNAMIC else compress(name, data))
    head = document[:document.index("<w:body>") + len("<w:body>")]
    sect = re.search(r"<w:sectPr.*?</w:sectPr>", document, re.S)
    tail = (sect.group(0) if sect else "") + "</w:body></w:document>"
    return parts, head, tail, ids


def _t(text: str) -> str:
    return escape(ILLEGAL_XML.sub("\ufffd", text))


def _run(text: str, bold: bool = False, size: int | None = None) -> str:
    props = ("<w:b/><w:bCs/>" if bold else "") + (f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
                                                   if size else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    if "\n" not in text:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{_t(text)}</w:t></w:r>'
    lines = text.split("\n")
    return "".join(f'<w:r>{rpr}{"<w:br/>" if k else ""}<w:t xml:space="preserve">{_t(line)}</w:t></w:r>'
                   for k, line in enumerate(lines))


def _para(runs: str, style: str | None = None, outline: int | None = None) -> str:
    ppr = ""
    if style or outline is not None:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "")
        ppr += f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{runs}</w:p>"


CELL_PPR = ('<w:pPr><w:spacing w:before="0" w:after="0" w:line="300" w:lineRule="auto"/>'
            '<w:ind w:left="0" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="{jc}"/></w:pPr>')


def _width(text: str) -> int:
    """Display width in half-width characters (CJK counts two)."""
    return sum(2 if ord(ch) > 0x2e7f else 1 for ch in text)


def column_widths(rows: list[list[str]], cols: int, total: int = TEXT_TWIPS) -> list[int]:
    """Column widths in twips summing to ``total``, by each column's longest line (capped, with a floor)."""
    need = []
    for i in range(cols):
        longest = max((_width(line) for r in rows if i < len(r) for line in r[i].split("\n")), default=0)
        need.append(min(max(longest, 4), 40) + 2)
    scale = total / sum(need)
    widths = [int(n * scale) for n in need]
    widths[0] += total - sum(widths)
    return widths


def _runs(row: list[str], merge: bool) -> list[tuple[str, int]]:
    """``(text, columns)`` per cell; with ``merge``, equal neighbours (a spanning header cell) become one."""
    out: list[tuple[str, int]] = []
    for cell in row:
        if merge and out and cell and out[-1][0] == cell:
            out[-1] = (cell, out[-1][1] + 1)
        else:
            out.append((cell, 1))
    return out


def _cell(width: int, span: int, header: bool, runs: str) -> str:
    merged = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{merged}<w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p>{CELL_PPR.format(jc="center" if header else "left")}{runs}</w:p></w:tc>')


def _table(rows: list[list[str]], style: str, widths: list[int] | None = None) -> Iterator[str]:
    """A table whose first row is a bold header repeated on every page, with fixed column widths, in pieces.

    A header cell repeated across neighbouring columns (how a spanning cell reads in the model) is one
    merged cell (``w:gridSpan``). Body cells are a column's template around the cell's runs, which are
    made once per text (up to ``RUN_CACHE`` texts): a 90,000-row indicator table repeats most of them.
    """
    cols = max(len(r) for r in rows)
    widths = widths or column_widths(rows, cols)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    yield (f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
           f'<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>')
    cells, col = [], 0
    for text, span in _runs(rows[0] + [""] * (cols - len(rows[0])), merge=True):
        cells.append(_cell(sum(widths[col:col + span]), span, True, _run(text, bold=True, size=TABLE_PT)))
        col += span
    yield f"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>"
    heads = [_cell(sum(widths[c:c + 1]), 1, False, "\0").split("\0") for c in range(cols)]  # around the runs
    runs: dict[str, str] = {}
    for row in rows[1:]:
        cells = []
        for (head, foot), text in zip(heads, row + [""] * (cols - len(row)), strict=True):
            run = runs.get(text)
            if run is None:
                run = _run(text, size=TABLE_PT)
                if len(runs) < RUN_CACHE:
                    runs[text] = run
            cells.append(head + run + foot)
        yield f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>"
    yield "</w:tbl>"


def _block(block: Block, ids: dict[str, str]) -> str:
    if block.rows and any(block.rows):  # rows without cells have no column to lay out: the text stays
        return "".join(_table(block.rows, ids["Table Grid"])) + _para("")
    if block.type == "figure":
        return _para(_run(f"［图］{block.text}"), ids["Caption"])
    if CAPTION.match(block.text):  # 表1 …, 图2 …: a caption, centred above its table or below its chart
        return _para(_run(block.text), ids["Caption"])
    return _para(_run(block.text))


def _front(block: Block, ids: dict[str, str]) -> str:
    """Front matter: the salutation (各位代表：) flush left, short lines (speaker, date, meeting) centred in 楷体."""
    text = block.text.strip()
    if block.rows or block.type != "paragraph" or not text:
        return _block(block, ids)
    if text.endswith(("：", ":")):
        return f'<w:p><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr>{_run(text)}</w:p>'
    if len(text) <= FRONT_SHORT and not any(ch in text for ch in "。，,；;！？!?"):
        font = LEVEL_FONTS[2]
        rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/></w:rPr>'
        return (f'<w:p><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
                f'<w:r>{rpr}<w:t xml:space="preserve">{_t(text)}</w:t></w:r></w:p>')
    return _block(block, ids)


def _change(ind: Indicator) -> str:
    return f"{display_value(ind.change)}{ind.change_unit}" if ind.change is not None else ""


def indicator_rows(doc: Document) -> list[list[str]]:
    """The indicator table in Chinese: 指标, 数值, 单位, 增减, 限定, 类型 (实际/目标), 年份."""
    rows = [[label for _, label, _ in TABLE_COLUMNS]]
    for ind in doc.indicators:
        values = {"change": _change(ind), "kind": KINDS.get(ind.kind, ind.kind)}
        rows.append([values.get(key, display_value(getattr(ind, key))) for key, _, _ in TABLE_COLUMNS])
    return rows


def body_xml(doc: Document, ids: dict[str, str]) -> Iterator[str]:
    """The paragraphs and tables of ``doc`` as WordprocessingML, in pieces."""
    if doc.meta.title:
        yield _para(_run(doc.meta.title), ids["Title"])
    for block in doc.front:
        if block.text != doc.meta.title:
            yield _front(block, ids)
    for depth, node in walk(doc.outline):
        if node.kind == "section":
            if node.marker or node.title:  # the body of a document without headings has no heading line
                yield _para(_run(f"{node.marker}{node.title}"), ids[f"h{min(depth, 4)}"], min(depth, 9) - 1)
            blocks = node.body
        else:
            first = node.body[0].text if node.body and node.body[0].type == "paragraph" else ""
            yield _para(_run(f"{node.marker}{node.title}。", bold=True) + (_run(first) if first else ""))
            blocks = node.body[1:] if first else node.body
        for block in blocks:
            yield _block(block, ids)
    for block in doc.back:
        yield _block(block, ids)
    if doc.indicators:
        yield _para(_run("指标表"), ids["Caption"])  # not a heading: the outline stays the document's
        widths = [TEXT_TWIPS * pct // 100 for _, _, pct in TABLE_COLUMNS]
        widths[0] += TEXT_TWIPS - sum(widths)
        yield from _table(indicator_rows(doc), ids["Table Grid"], widths)


def build(doc: Document) -> bytes:
    """The DOCX bytes of ``doc``."""
    doc = clean_document(doc)
    parts, head, tail, ids = _template()
    core = core_properties(_t(doc.meta.title or ""), _t(doc.meta.speaker or "gongwen"))
    dynamic = {"word/document.xml": compress_text("word/document.xml", chain([head], body_xml(doc, ids), [tail])),
               "docProps/core.xml": compress("docProps/core.xml", core)}
    return write_zip([dynamic[p] if isinstance(p, str) else p for p in parts])


@gc_paused()
def write(doc: Document, stream: BinaryIO, options: dict[str, Any]) -> None:
    """Write ``doc`` as DOCX."""
    stream.write(build(doc))


@hookimpl
def gongwen_exporters() -> list[Exporter]:
    """Contribute the DOCX exporter."""
    return [Exporter("docx", "docx", "Word: GB/T 9704 official document (A4, headings, page numbers)", write)]
