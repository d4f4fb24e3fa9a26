"""DOCX exporter: Word heading styles for the outline, GB/T 9704 typography, an indicator table.

Sections use the built-in Heading 1–4 styles (deeper levels reuse Heading 4)
and every heading paragraph carries ``w:outlineLvl``, so Word's navigation
pane and a Word TOC show the outline whatever the style names. Fonts are set
for East-Asian text through ``w:rFonts/@w:eastAsia``.

python-docx builds the container once per process (the package, its styles
with the fonts set); each document then only needs its body XML and core
properties, written straight into the package with the static parts
compressed once (see ``zipfix``). This keeps DOCX about as cheap as XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from gongwen.exporters.clean import clean_document
from gongwen.exporters.rows import display_value
from gongwen.exporters.zipfix import Part, compress, core_properties, write_zip
from gongwen.model import Document, walk
from gongwen.plugin import Exporter, hookimpl

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
LEVEL_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: BODY_FONT, 4: BODY_FONT}
SIZE_PT = 16  # 三号
TITLE_PT = 22  # 二号
TABLE_COLUMNS = [("name", "指标"), ("value", "数值"), ("unit", "单位"), ("change", "增减%"),
                 ("qualifier", "限定"), ("kind", "类型"), ("period", "年份")]
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DYNAMIC = ("word/document.xml", "docProps/core.xml")

def _set_font(style: Any, name: str, size: int, bold: bool | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.name = name
    style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        rfonts.set(qn(attr), name)


@lru_cache(maxsize=1)
def _template() -> tuple[list[Part | str], str, str, dict[str, str]]:
    """The package built once with python-docx: static parts (compressed), body head and tail, style ids."""
    import docx

    out = docx.Document()
    styles = out.styles
    _set_font(styles["Normal"], BODY_FONT, SIZE_PT)
    _set_font(styles["Title"], TITLE_FONT, TITLE_PT, bold=False)
    for level in range(1, 5):
        style = styles[f"Heading {level}"]
        _set_font(style, LEVEL_FONTS[level], SIZE_PT, bold=level <= 2)
        style.font.color.rgb = None
    ids = {name: styles[name].style_id for name in ("Title", "Caption", "Table Grid")}
    ids.update({f"h{n}": styles[f"Heading {n}"].style_id for n in range(1, 5)})
    buf = io.BytesIO()
    out.save(buf)
    parts: list[Part | str] = []
    with zipfile.ZipFile(buf) as z:
        document = z.read("word/document.xml").decode("utf-8")
        for name in z.namelist():
            parts.append(name if name in DYNAMIC else compress(name, z.read(name)))
    head = document[:document.index("<w:body>") + len("<w:body>")]
    sect = re.search(r"<w:sectPr.*?</w:sectPr>", document, re.S)
    tail = (sect.group(0) if sect else "") + "</w:body></w:document>"
    return parts, head, tail, ids


def _t(text: str) -> str:
    return escape(ILLEGAL_XML.sub("\ufffd", text))


def _run(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_t(text)}</w:t></w:r>'


def _para(runs: str, style: str | None = None, outline: int | None = None) -> str:
    ppr = ""
    if style or outline is not None:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "")
        ppr += f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{runs}</w:p>"


def _table(rows: list[list[str]], style: str) -> str:
    cols = max(len(r) for r in rows)
    width = 8300 // max(cols, 1)
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(cols))
    body = "".join(
        "<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{_para(_run(c))}</w:tc>'
                           for c in row + [""] * (cols - len(row))) + "</w:tr>"
        for row in rows)
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")


def body_xml(doc: Document, ids: dict[str, str]) -> str:
    """The paragraphs and tables of ``doc`` as WordprocessingML."""
    out: list[str] = []
    if doc.meta.title:
        out.append(_para(_run(doc.meta.title), ids["Title"]))
    for block in doc.front:
        if block.text != doc.meta.title:
            out.append(_para(_run(block.text)))
    for depth, node in walk(doc.outline):
        if node.kind == "section":
            out.append(_para(_run(f"{node.marker}{node.title}"), ids[f"h{min(depth, 4)}"], min(depth, 9) - 1))
            blocks = node.body
        else:
            first = node.body[0].text if node.body and node.body[0].rows is None else ""
            out.append(_para(_run(f"{node.marker}{node.title}。", bold=True) + (_run(first) if first else "")))
            blocks = node.body[1:] if first else node.body
        for block in blocks:
            out.append(_table(block.rows, ids["Table Grid"]) if block.rows else _para(_run(block.text)))
    if doc.indicators:
        out.append(_para(_run("指标表"), ids["Caption"]))  # not a heading: the outline stays the document's
        rows = [[label for _, label in TABLE_COLUMNS]]
        rows += [[display_value(getattr(ind, key)) for key, _ in TABLE_COLUMNS] for ind in doc.indicators]
        out.append(_table(rows, ids["Table Grid"]))
    return "".join(out)


def build(doc: Document) -> bytes:
    """The DOCX bytes of ``doc``."""
    doc = clean_document(doc)
    parts, head, tail, ids = _template()
    document = (head + body_xml(doc, ids) + tail).encode("utf-8")
    core = core_properties(_t(doc.meta.title or ""), _t(doc.meta.speaker or "gongwen"))
    dynamic = {"word/document.xml": document, "docProps/core.xml": core}
    return write_zip([compress(p, dynamic[p]) if isinstance(p, str) else p for p in parts])


def write(doc: Document, stream: BinaryIO, options: dict[str, Any]) -> None:
    """Write ``doc`` as DOCX."""
    stream.write(build(doc))


@hookimpl
def gongwen_exporters() -> list[Exporter]:
    """Contribute the DOCX exporter."""
    return [Exporter("docx", "docx", "Word document: Heading 1-4 outline, GB/T 9704 typography", write)]
