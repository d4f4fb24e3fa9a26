"""The corpus indicator table: every indicator of every document of a batch, one row each."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from gongwen.errors import UsageError
from gongwen.exporters.rows import INDICATOR_COLUMNS, indicator_row, node_paths
from gongwen.model import Document
from gongwen.output import write_atomic

DOCUMENT_COLUMNS = ["file", "title", "region", "year", "doc_type"]
COLUMNS = DOCUMENT_COLUMNS + INDICATOR_COLUMNS


def document_rows(doc: Document, file: str) -> list[list[Any]]:
    """The corpus-table rows of one document."""
    m = doc.meta
    head = [file, m.title, m.region, m.year, m.doc_type]
    paths = node_paths(doc)
    return [head + indicator_row(ind, paths) for ind in doc.indicators]


def write_table(path: Path, rows: list[list[Any]]) -> Path:
    """Write the corpus table as .xlsx or .csv (by the extension of ``path``), atomically."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        def write(stream: Any) -> None:
            buf = io.StringIO(newline="")
            writer = csv.writer(buf)
            writer.writerow(COLUMNS)
            writer.writerows([["" if v is None else v for v in row] for row in rows])
            stream.write(buf.getvalue().encode("utf-8-sig"))
    elif suffix == ".xlsx":
        def write(stream: Any) -> None:
            from openpyxl import Workbook

            from gongwen.exporters.xlsx_export import add_sheet

            wb = Workbook(write_only=True)
            add_sheet(wb, "Indicators", COLUMNS, rows)
            wb.save(stream)
    else:
        raise UsageError(f"{path}: the indicator table must end in .xlsx or .csv")
    return write_atomic(path, write)
