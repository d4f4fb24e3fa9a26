"""An example third-party gongwen plugin: writes the indicator table as CSV (UTF-8 with BOM for Excel)."""

from __future__ import annotations

import csv
import io
from typing import Any, BinaryIO

from gongwen.exporters.rows import INDICATOR_COLUMNS, indicator_row, node_paths
from gongwen.model import Document
from gongwen.plugin import Exporter, hookimpl
from gongwen.textsafe import safe_text


def write(doc: Document, stream: BinaryIO, options: dict[str, Any]) -> None:
    """Write one row per indicator, with a header row."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(INDICATOR_COLUMNS)
    paths = node_paths(doc)
    for ind in doc.indicators:
        writer.writerow(["" if v is None else safe_text(v) if isinstance(v, str) else v
                         for v in indicator_row(ind, paths)])
    stream.write(buf.getvalue().encode("utf-8-sig"))


@hookimpl
def gongwen_exporters() -> list[Exporter]:
    """Contribute the ``csv`` exporter."""
    return [Exporter("csv", "csv", "indicator table as CSV (one row per indicator)", write, text=True)]
