"""XLSX exporter: sheets Outline, Indicators (numeric cells, frozen header, autofilter), Meta, Diagnostics.

Each table of the document gets its own sheet after those (``Table 1``, ``Table 2`` …), its first
row a frozen header; cells keep the document's text exactly (``100.0`` stays ``100.0``).

openpyxl writes the package with every sheet's settings and no rows; the rows
are then written into each sheet's ``<sheetData>`` from templates
(``sheet_rows``) and compressed as they are written.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from itertools import chain
from typing import Any, BinaryIO

from gongwen.exporters.clean import UnsafeText, checked, clean_document
from gongwen.exporters.rows import INDICATOR_COLUMNS, indicator_row, node_paths
from gongwen.exporters.sheet_rows import rows_xml
from gongwen.exporters.zipfix import Part, compress_text, core_properties, repack_zip
from gongwen.gcpause import gc_paused
from gongwen.model import Block, Document
from gongwen.plugin import Exporter, hookimpl

FIXED_DATE = dt.datetime(2000, 1, 1)
WIDTHS = {"name": 24, "path": 40, "text": 60, "title": 40, "message": 50, "file": 30}
_EMPTY_SHEET_DATA = re.compile(r"<sheetData\s*/>|<sheetData>\s*</sheetData>")


def _letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def _new_sheet(wb: Any, name: str, header: list[str]) -> Any:
    ws = wb.create_sheet(name)
    ws.freeze_panes = "A2"
    for i, col in enumerate(header, 1):
        ws.column_dimensions[_letter(i)].width = WIDTHS.get(col, 12)
    return ws


def prepare_sheet(wb: Any, name: str, header: list[str]) -> Any:
    """A write-only sheet with a frozen header row and sensible column widths; the header is written."""
    ws = _new_sheet(wb, name, header)
    ws.append(header)
    return ws


def add_sheet(wb: Any, name: str, header: list[str], rows: list[list[Any]]) -> list[list[Any]]:
    """Add a sheet with a frozen, filtered header row; return its rows, header first, to be written."""
    ws = _new_sheet(wb, name, header)
    ws.auto_filter.ref = f"A1:{_letter(len(header))}{max(len(rows) + 1, 1)}"
    return [header, *rows]


def document_tables(doc: Document) -> list[Block]:
    """Every table block of ``doc`` in document order (front, outline, back)."""
    blocks = list(doc.front) + [b for _, n in doc.walk() for b in n.body] + list(doc.back)
    return [b for b in blocks if b.rows]


def add_table_sheet(wb: Any, name: str, rows: list[list[str]]) -> list[list[str]]:
    """Add a sheet for one document table (the first row a frozen header); return its rows to be written."""
    ws = wb.create_sheet(name)
    ws.freeze_panes = "A2"
    cols = max(len(r) for r in rows)
    for i in range(cols):
        longest = max((max(map(len, (r[i] if i < len(r) else "").split("\n"))) for r in rows), default=0)
        ws.column_dimensions[_letter(i + 1)].width = min(max(8, 2 * longest + 2), 60)
    return [list(row) for row in rows]


def _filled(name: str, sheet: bytes, rows: list[list[Any]], check: Callable[[Iterator[str]], Iterator[str]]) -> Part:
    """The part ``name``: openpyxl's empty sheet with ``rows`` in its sheetData, compressed."""
    head, tail = _EMPTY_SHEET_DATA.split(sheet.decode("utf-8"))
    return compress_text(name, chain([head, "<sheetData>"], check(rows_xml(rows)), ["</sheetData>", tail]))


def build(doc: Document) -> bytes:
    """The XLSX bytes of ``doc``."""
    try:
        return _build(doc, checked)
    except UnsafeText:
        return _build(clean_document(doc), iter)


def _build(doc: Document, check: Callable[[Iterator[str]], Iterator[str]]) -> bytes:
    """The XLSX bytes of ``doc``; ``check`` passes the rows written (every string used is written)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    wb.properties.creator = "gongwen"
    wb.properties.created = wb.properties.modified = FIXED_DATE
    sheets = []
    outline = [[n.id, depth, n.kind, n.marker, n.title] for depth, n in doc.walk()]
    sheets.append(add_sheet(wb, "Outline", ["id", "depth", "kind", "marker", "title"], outline))
    paths = node_paths(doc)
    sheets.append(add_sheet(wb, "Indicators", INDICATOR_COLUMNS, [indicator_row(i, paths) for i in doc.indicators]))
    m = doc.meta
    meta = [[k, getattr(m, k)] for k in ("title", "doc_type", "region", "year", "date", "speaker", "meeting")]
    meta += [[f"source.{k}", v] for k, v in m.source.__dict__.items()]
    sheets.append(add_sheet(wb, "Meta", ["field", "value"], meta))
    sheets.append(add_sheet(wb, "Diagnostics", ["code", "message", "offset", "text"],
                            [[d.code, d.message, d.offset, d.text[:500]] for d in doc.diagnostics]))
    for k, block in enumerate(document_tables(doc), 1):
        sheets.append(add_table_sheet(wb, f"Table {k}", block.rows or []))
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl stamps the save time into docProps/core.xml: replace it so output is reproducible.
    replace: dict[str, bytes | Part] = {"docProps/core.xml": core_properties()}
    with zipfile.ZipFile(buf) as package:
        for k, rows in enumerate(sheets, 1):
            name = f"xl/worksheets/sheet{k}.xml"
            replace[name] = _filled(name, package.read(name), rows, check)
    return repack_zip(buf.getvalue(), replace)


@gc_paused()
def write(doc: Document, stream: BinaryIO, options: dict[str, Any]) -> None:
    """Write ``doc`` as XLSX."""
    stream.write(build(doc))


@hookimpl
def gongwen_exporters() -> list[Exporter]:
    """Contribute the XLSX exporter."""
    return [Exporter("xlsx", "xlsx", "Excel workbook: outline, typed indicator table, metadata, diagnostics", write)]
