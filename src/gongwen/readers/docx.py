"""DOCX reader (python-docx): body paragraphs, tables and pictures in order, Word heading styles as hints.

A DOCX is a zip archive: archives with absurd uncompressed sizes or entry
counts (zip bombs) are refused before python-docx opens them; python-docx
parses the XML with entity resolution off. Headers and footers (and so page
numbers) are never read.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from gongwen.errors import InputError
from gongwen.plugin import Reader, SourceText, hookimpl
from gongwen.readers.emphasis import bold_pieces

MAX_ENTRIES = 5000
MAX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for entries over 1 MB
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEADING_STYLE = re.compile(r"^(?:Heading|标题)\s*(\d)$", re.IGNORECASE)
SHORT_HEADING = 40
MAX_COLUMNS = 1000  # cells in one table row, gridSpan included
MAX_CELLS = 500_000  # table cells in the whole document, gridSpan included
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RUN, HYPERLINK = W + "r", W + "hyperlink"
RUN_TEXT = tuple(W + tag for tag in ("br", "cr", "noBreakHyphen", "ptab", "t", "tab"))  # what Run.text reads


def check_archive(path: Path) -> None:
    """Refuse files that are not a sane DOCX zip (encrypted, legacy .doc, truncated, zip bomb)."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if head.startswith(OLE_MAGIC):
        raise InputError(f"{path}: password-protected DOCX or legacy .doc (OLE file); save it as .docx first")
    if not zipfile.is_zipfile(path):
        raise InputError(f"{path}: not a DOCX (not a zip archive; truncated or another format)")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES:
                raise InputError(f"{path}: refused: {len(infos)} entries in the archive (zip bomb?)")
            total = sum(i.file_size for i in infos)
            if total > MAX_UNCOMPRESSED:
                raise InputError(f"{path}: refused: {total} bytes uncompressed (zip bomb?)")
            for info in infos:
                if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise InputError(f"{path}: refused: {info.filename} expands {info.file_size} bytes (zip bomb?)")
            if "word/document.xml" not in zf.namelist():
                raise InputError(f"{path}: not a DOCX (no word/document.xml)")
            # No testzip: python-docx reads every part in full, and zipfile checks each one's CRC as it does
    except zipfile.BadZipFile as exc:
        raise InputError(f"{path}: corrupt DOCX ({exc})") from None


def _style_name(element: Any, names: dict[str, str], default: str) -> str:
    """The paragraph's style name from a table built once (python-docx looks it up in all styles each time)."""
    ppr = element.pPr
    style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    return names.get(style_id, default) if style_id else default


def _run_text(run: Any) -> str:
    return "".join(str(e) for e in run.iterchildren(*RUN_TEXT))  # python-docx elements know their text


def _runs(element: Any) -> list[tuple[Any, str]]:
    """The paragraph's runs (its own and its hyperlinks') with their text, in order."""
    return [(r, _run_text(r)) for e in element.iterchildren(RUN, HYPERLINK)
            for r in ([e] if e.tag == RUN else e.iterchildren(RUN))]


def _paragraph_text(runs: list[tuple[Any, str]]) -> str:
    """The text python-docx's ``Paragraph.text`` gives, read from the runs directly instead of by XPath."""
    return "".join(text for _, text in runs)


def _bold_spans(runs: list[tuple[Any, str]]) -> list[tuple[int, int]]:
    """The character ranges of the paragraph's text (as ``_paragraph_text`` gives it) set in bold runs."""
    spans, pos = [], 0
    for run, piece in runs:
        rpr = run.find(W + "rPr")
        bold = rpr.find(W + "b") if rpr is not None else None
        if piece and bold is not None and bold.get(W + "val", "true") not in ("0", "false", "off"):
            spans.append((pos, pos + len(piece)))
        pos += len(piece)
    return spans


def _heading_level(element: Any, name: str, text: str) -> int | None:
    """The outline level Word gives the paragraph ``element`` (``text``: its text, stripped), or None."""
    ppr = element.pPr
    lvl = ppr.find(W + "outlineLvl") if ppr is not None else None
    if lvl is not None and lvl.get(W + "val", "9").isdigit() and int(lvl.get(W + "val")) < 9:
        return int(lvl.get(W + "val")) + 1
    m = HEADING_STYLE.match(name or "")
    if m:
        return int(m.group(1))
    if ppr is not None:
        num = ppr.find(W + "numPr")
        if num is not None and len(text) <= SHORT_HEADING and "。" not in text:
            ilvl = num.find(W + "ilvl")
            value = ilvl.get(W + "val", "0") if ilvl is not None else "0"
            return min(int(value), 8) + 1 if value.isdecimal() else 1
    return None


def _figure_caption(element: Any) -> str | None:
    """The caption of a paragraph that holds only a picture: its description or title, else its name."""
    props = [el for el in element.iter() if isinstance(el.tag, str) and el.tag.endswith("}docPr")]
    if not props:
        return None
    for attr in ("descr", "title", "name"):
        text = " ".join((props[0].get(attr) or "").split())
        if text:
            return text
    return None


def check_tables(body: Any, path: Path) -> None:
    """Refuse tables too large to read (python-docx expands every gridSpan into cells)."""
    from docx.oxml.ns import qn

    span_tag, cell_tag = qn("w:gridSpan"), qn("w:tc")
    total = 0
    for row in body.iter(qn("w:tr")):
        width = 0
        for cell in row.iterchildren(cell_tag):
            span = next(cell.iter(span_tag), None)
            value = span.get(qn("w:val"), "1") if span is not None else "1"
            width += int(value) if value.isdecimal() else 1
            if width > MAX_COLUMNS:
                raise InputError(f"{path}: refused: a table row spans more than {MAX_COLUMNS} columns")
        total += width
        if total > MAX_CELLS:
            raise InputError(f"{path}: refused: tables with more than {MAX_CELLS} cells")


def read(path: Path, options: dict[str, Any]) -> SourceText:
    """Read the body of a DOCX: one line per paragraph, tables as rows of cells."""
    check_archive(path)
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types for broken parts
        raise InputError(f"{path}: corrupt DOCX ({type(exc).__name__}: {exc})") from None
    check_tables(document.element.body, path)
    lines: list[str] = []
    levels: dict[int, int] = {}
    tables: dict[int, list[list[str]]] = {}
    figures: set[int] = set()
    emphasis: dict[int, str] = {}
    style_names = {style.style_id: style.name or "" for style in document.styles}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_style = default.name if default is not None else ""
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            runs = _runs(element)
            raw = _paragraph_text(runs)
            text = raw.strip()
            caption = _figure_caption(element) if not text else None
            if caption:
                figures.add(len(lines))
                lines.append(caption)
            if not text:
                continue
            name = _style_name(element, style_names, default_style)
            level = _heading_level(element, name, text)
            if level is not None and name != "Title":
                levels[len(lines)] = level
                lines.append(text)
                continue
            for piece in bold_pieces(raw, _bold_spans(runs)):  # bold: a heading, a lead, a lead run in
                if piece.level is not None:
                    levels[len(lines)] = piece.level
                if piece.emphasis:
                    emphasis[len(lines)] = piece.emphasis
                lines.append(piece.text.strip())
        elif tag == "tbl":
            rows = [[cell.text.strip() for cell in row.cells] for row in Table(element, document).rows]
            if any(any(c for c in r) for r in rows):
                tables[len(lines)] = rows
                lines.append(" | ".join(" ".join(c.split()) for c in rows[0]))
    if not lines:
        raise InputError(f"{path}: empty document (no text)")
    source = SourceText("\n".join(lines), "docx", None, [], levels, tables)
    source.figures = figures
    source.emphasis = emphasis
    return source


@hookimpl
def gongwen_readers() -> list[Reader]:
    """Contribute the DOCX reader."""
    return [Reader("docx", ("docx",), "Word documents (headings, lists, tables, pictures)", read)]
