"""DOCX exporter: Word heading styles for the outline, GB/T 9704 typography, an indicator table.

Sections use the built-in Heading 1–4 styles (deeper levels reuse Heading 4)
and every heading paragraph carries ``w:outlineLvl``, so Word's navigation
pane and a Word TOC show the outline whatever the style names. Fonts are set
for East-Asian text through ``w:rFonts/@w:eastAsia``.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any, BinaryIO

from gongwen.exporters.zipfix import reproducible_zip
from gongwen.model import Document, walk
from gongwen.plugin import Exporter, hookimpl

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
LEVEL_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: BODY_FONT, 4: BODY_FONT}
SIZE_PT = 16  # 三号
TITLE_PT = 22  # 二号
FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
TABLE_COLUMNS = [("name", "指标"), ("value", "数值"), ("unit", "单位"), ("change", "增减%"),
                 ("qualifier", "限定"), ("kind", "类型"), ("period", "年份")]


def _set_font(style_or_run: Any, name: str, size: int | None = None, bold: bool | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font = style_or_run.font
    font.name = name
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = style_or_run.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        rfonts.set(qn(attr), name)


def _outline_level(paragraph: Any, level: int) -> None:
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    el = ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): str(level - 1)})
    ppr.append(el)


def build(doc: Document) -> bytes:
    """The DOCX bytes of ``doc``."""
    import docx

    out = docx.Document()
    styles = out.styles
    _set_font(styles["Normal"], BODY_FONT, SIZE_PT)
    _set_font(styles["Title"], TITLE_FONT, TITLE_PT, bold=False)
    for level in range(1, 5):
        style = styles[f"Heading {level}"]
        _set_font(style, LEVEL_FONTS[level], SIZE_PT, bold=level <= 2)
        style.font.color.rgb = None
    props = out.core_properties
    props.title = doc.meta.title or ""
    props.author = doc.meta.speaker or "gongwen"
    props.last_modified_by = "gongwen"
    props.created = props.modified = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1

    if doc.meta.title:
        out.add_paragraph(doc.meta.title, style="Title")
    for block in doc.front:
        if block.text != doc.meta.title:
            out.add_paragraph(block.text)
    for depth, node in walk(doc.outline):
        if node.kind == "section":
            level = min(depth, 4)
            p = out.add_paragraph(f"{node.marker}{node.title}", style=f"Heading {level}")
            _outline_level(p, depth)
            for block in node.body:
                out.add_paragraph(block.text)
        else:
            p = out.add_paragraph()
            p.add_run(f"{node.marker}{node.title}。").bold = True
            body = [b.text for b in node.body]
            if body:
                p.add_run(body[0])
            for text in body[1:]:
                out.add_paragraph(text)
    if doc.indicators:
        out.add_paragraph("指标表", style="Caption")  # not a heading: the outline stays the document's
        table = out.add_table(rows=1, cols=len(TABLE_COLUMNS))
        table.style = "Table Grid"
        for cell, (_, label) in zip(table.rows[0].cells, TABLE_COLUMNS, strict=True):
            cell.text = label
        for ind in doc.indicators:
            cells = table.add_row().cells
            for cell, (key, _) in zip(cells, TABLE_COLUMNS, strict=True):
                value = getattr(ind, key)
                cell.text = "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
    buf = io.BytesIO()
    out.save(buf)
    return reproducible_zip(buf.getvalue())


def write(doc: Document, stream: BinaryIO, options: dict[str, Any]) -> None:
    """Write ``doc`` as DOCX."""
    stream.write(build(doc))


@hookimpl
def gongwen_exporters() -> list[Exporter]:
    """Contribute the DOCX exporter."""
    return [Exporter("docx", "docx", "Word document: Heading 1-4 outline, GB/T 9704 typography", write)]
