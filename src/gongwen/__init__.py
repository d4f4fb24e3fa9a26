"""gongwen: Chinese official documents (work reports, speeches, plans) to a typed outline tree.

Public API::

    doc = gongwen.parse("report.txt")        # -> gongwen.model.Document
    gongwen.export(doc, "docx", "report.docx")
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from gongwen.errors import GongwenError, InputError, OutputError, UsageError
from gongwen.model import Document

__version__ = "0.1.0"
__all__ = ["Document", "GongwenError", "InputError", "OutputError", "UsageError",
           "__version__", "export", "parse", "parse_text"]


def parse_text(text: str, heading_levels: dict[int, int] | None = None,
               tables: dict[int, list[list[str]]] | None = None) -> Document:
    """Parse a document given as text (``heading_levels``/``tables``: optional hints by line number)."""
    from gongwen.parsing import parse_text as _parse_text

    return _parse_text(text, heading_levels, tables)


def parse(path: str | Path, encoding: str | None = None, registry: Any = None,
          sha256: str | None = None) -> Document:
    """Read and parse the document at ``path`` with the reader registered for its extension.

    ``sha256`` is the file's hash when the caller has already computed it (batch does).
    """
    from gongwen.plugins import default_registry
    from gongwen.readers.boundary import read_source
    from gongwen.readers.text import read_bytes
    from gongwen.textsafe import escape_name

    path = Path(path)
    name = escape_name(path)
    if path.is_dir():
        raise UsageError(f"{name}: is a directory (use `gongwen batch` for directories)")
    registry = registry or default_registry()
    reader = registry.reader_for(path.suffix) or registry.readers.get("text")
    if reader is None:
        raise UsageError(f"{name}: no reader for {path.suffix or 'files without extension'}")
    source = read_source(path, reader, {"encoding": encoding} if encoding else {})
    doc = parse_text(source.text, source.heading_levels, source.tables)
    digest = sha256 or hashlib.sha256(read_bytes(path)).hexdigest()
    src = doc.meta.source
    src.path, src.format, src.encoding = name, source.format, source.encoding
    src.sha256, src.chars = digest, len(source.text)
    doc.diagnostics = source.diagnostics + doc.diagnostics
    return doc


def export(doc: Document, fmt: str, path: str | Path, options: dict[str, Any] | None = None,
           registry: Any = None) -> Path:
    """Write ``doc`` in format ``fmt`` to ``path`` atomically; return the path written."""
    from gongwen.output import write_atomic
    from gongwen.plugins import default_registry

    exporter = (registry or default_registry()).exporter(fmt)

    def write(stream: Any) -> None:
        try:
            exporter.write(doc, stream, options or {})
        except RecursionError:  # a hand-built tree; parse() caps the outline depth
            raise OutputError(f"{path}: the outline is nested too deep to write as {fmt}") from None

    return write_atomic(Path(path), write)
