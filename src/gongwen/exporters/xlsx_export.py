"""XLSX exporter: sheets Outline, Indicators (numeric cells, frozen header, autofilter), Meta, Diagnostics.

Each table of the document gets its own sheet after those (``Table 1``, ``Table 2`` …), its first
row a frozen header; cells keep the document's text exactly (``100.0`` stays ``100.0``).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any, BinaryIO

from gongwen.exporters.clean import clean_document
from gongwen.exporters.rows import INDICATOR_COLUMNS, indicator_row, node_paths
from gongwen.exporters.zipfix import core_properties, repack_zip
from gongwen.model import Block, Document
from gongwen.plugin import Exporter, hookimpl

FIXED_DATE = dt.datetime(2000, 1, 1)
WIDTHS = {"name": 24, "path": 40, "text": 60, "title": 40, "message": 50, "file": 30}


def _letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def prepare_sheet(wb: Any, name: str, header: list[str]) -> Any:
    """A write-only sheet with a frozen header row and sensible column widths; the header is written."""
    ws = wb.create_sheet(name)
    ws.freeze_panes = "A2"
    for i, col in enumerate(header, 1):
        ws.column_dimensions[_letter(i)].width = WIDTHS.get(col, 12)
    ws.append(header)
    return ws


def add_sheet(wb: Any, name: str, header: list[str], rows: list[list[Any]]) -> None:
    """Append a sheet holding ``rows`` under a frozen, filtered header row."""
    ws = prepare_sheet(wb, name, header)
    ws.auto_filter.ref = f"A1:{_letter(len(header))}{max(len(rows) + 1, 1)}"
    for row in rows:
        ws.append(row)


def document_tables(doc: Document) -> list[Block]:
    """Every table block of ``doc`` in document order (front, outline, back)."""
    blocks = list(doc.front) + [b for _, n in doc.walk() for b in n.body] + list(doc.back)
    return [b for b in blocks if b.rows]


def add_table_sheet(wb: Any, name: str, rows: list[list[str]]) -> None:
    """A sheet holding one document table; the first row is the frozen header."""
    ws = wb.create_sheet(name)
    ws.freeze_panes = "A2"
    cols = max(len(r) for r in rows)
    for i in range(cols):
        longest = max((max(map(len, (r[i] if i < len(r) else "").split("\n"))) for r in rows), default=0)
        ws.column_dimensions[_letter(i + 1)].width = min(max(8, 2 * longest + 2), 60)
    for row in rows:
        ws.append(list(row))


def build(doc: Document) -> bytes:
    """The XLSX bytes of ``doc``."""
    doc = clean_document(doc)
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    wb.properties.creator = "gongwen"
    wb.properties.created = wb.properties.modified = FIXED_DATE
    outline = [[n.id, depth, n.kind, n.marker, n.title] for depth, n in doc.walk()]
    add_sheet(wb, "Outline", ["id", "depth", "kind", "marker", "title"], outline)
    paths = node_paths(doc)
    add_sheet(wb, "Indicators", INDICATOR_COLUMNS, [indicator_row(i, paths) for i in doc.indicators])
    m = doc.meta
    meta = [[k, getattr(m, k)] for k in ("title", "doc_type", "region", "year", "date", "speaker", "meeting")]
    meta += [[f"source.{k}", v] for k, v in m.source.__dict__.items()]
    add_sheet(wb, "Meta", ["field", "value"], meta)
    add_sheet(wb, "Diagnostics", ["code", "message", "offset", "text"],
           [[d.code, d.message, d.offset, d.text[:500]] for d in doc.diagnostics])
    for k, block in enumerate(document_tables(doc), 1):
        add_table_sheet(wb, f"Table {k}", block.rows or [])
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl stamps the save time into docProps/core.xml: replace it so output is reproducible.
    return repack_zip(buf.getvalue(), {"docProps/core.xml": core_properties()})


def write(doc: Document, stream: BinaryIO, options: dict[str, Any]) -> None:
    """Write ``doc`` as XLSX."""
    stream.write(build(doc))


@hookimpl
def gongwen_exporters() -> list[Exporter]:
    """Contribute the XLSX exporter."""
    return [Exporter("xlsx", "xlsx", "Excel workbook: outline, typed indicator table, metadata, diagnostics", write)]
