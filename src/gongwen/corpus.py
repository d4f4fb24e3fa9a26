"""The corpus indicator table: every indicator of every document of a batch, one row each.

Rows are streamed to the file as documents finish (CSV directly, XLSX through
openpyxl's write-only mode), so the table costs no memory per document.
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import Any

from gongwen.errors import OutputError, UsageError
from gongwen.exporters.rows import INDICATOR_COLUMNS, indicator_row, node_paths
from gongwen.model import Document

DOCUMENT_COLUMNS = ["file", "title", "region", "year", "doc_type"]
COLUMNS = DOCUMENT_COLUMNS + ["key"] + INDICATOR_COLUMNS


def document_rows(doc: Document, file: str) -> list[list[Any]]:
    """The corpus-table rows of one document."""
    m = doc.meta
    head = [file, m.title, m.region, m.year, m.doc_type]
    paths = node_paths(doc)
    return [head + [ind.key] + indicator_row(ind, paths) for ind in doc.indicators]


class CorpusTable:
    """A table of indicators written row by row to ``path`` (.csv or .xlsx), renamed into place on close."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kind = path.suffix.lower()
        if self.kind not in (".csv", ".xlsx"):
            raise UsageError(f"{path}: the indicator table must end in .xlsx or .csv")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        self.count = 0
        if self.kind == ".csv":
            self.file = os.fdopen(fd, "w", encoding="utf-8-sig", newline="")
            self.writer = csv.writer(self.file)
            self.writer.writerow(COLUMNS)
        else:
            os.close(fd)
            from openpyxl import Workbook

            from gongwen.exporters.xlsx_export import prepare_sheet

            self.workbook = Workbook(write_only=True)
            self.sheet = prepare_sheet(self.workbook, "Indicators", COLUMNS)

    def add(self, rows: list[list[Any]]) -> None:
        """Append rows."""
        for row in rows:
            if self.kind == ".csv":
                self.writer.writerow(["" if v is None else v for v in row])
            else:
                self.sheet.append(row)
        self.count += len(rows)

    def close(self) -> Path:
        """Finish the file and move it into place."""
        if self.kind == ".csv":
            self.file.close()
        else:
            self.sheet.auto_filter.ref = f"A1:{_letter(len(COLUMNS))}{self.count + 1}"
            self.workbook.save(self.tmp)
        os.chmod(self.tmp, 0o644)
        os.replace(self.tmp, self.path)
        return self.path

    def discard(self) -> None:
        """Drop the unfinished file."""
        if self.kind == ".csv":
            self.file.close()
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


def _letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)
