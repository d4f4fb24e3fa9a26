"""JSON exporter: the CONTRACT form, UTF-8, stable key order, byte-identical for the same input."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from gongwen.exporters.clean import clean_document
from gongwen.model import Document
from gongwen.plugin import Exporter, hookimpl


def dumps(doc: Document) -> str:
    """The JSON form of ``doc`` as text."""
    doc = clean_document(doc)
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=1) + "\n"


def write(doc: Document, stream: BinaryIO, options: dict[str, Any]) -> None:
    """Write ``doc`` as JSON."""
    stream.write(dumps(doc).encode("utf-8"))


@hookimpl
def gongwen_exporters() -> list[Exporter]:
    """Contribute the JSON exporter."""
    return [Exporter("json", "json", "the document model as JSON (CONTRACT form)", write, text=True)]
