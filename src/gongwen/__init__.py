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
from gongwen.gcpause import gc_paused
from gongwen.model import Document

__version__ = "0.1.0"
__all__ = ["Document", "GongwenError", "InputError", "OutputError", "UsageError",
           "__version__", "export", "parse", "parse_text", "read"]


@gc_paused()
def parse_text(text: str, heading_levels: dict[int, int] | None = None,
               tables: dict[int, list[list[str]]] | None = None, figures: set[int] | None = None,
               emphasis: dict[int, str] | None = None, name: str | None = None) -> Document:
    """Parse a document given as text (``heading_levels``/``tables``/``figures``/``emphasis``: hints by line
    number, as :class:`gongwen.plugin.SourceText` describes them; ``name``: the file's name, for a region or
    year the text does not state)."""
    from gongwen.parsing import parse_text as _parse_text

    return _parse_text(text, heading_levels, tables, figures, emphasis, name)


def read(path: str | Path, encoding: str | None = None, registry: Any = None) -> Any:
    """The reader's text of ``path`` (a :class:`gongwen.plugin.SourceText`): what spans index."""
    from gongwen.plugins import default_registry
    from gongwen.readers.boundary import read_source
    from gongwen.textsafe import escape_name

    path = Path(path)
    name = escape_name(path)
    if path.is_dir():
        raise UsageError(f"{name}: is a directory (use `gongwen batch` for directories)")
    registry = registry or default_registry()
    reader = registry.reader_for(path.suffix) or registry.readers.get("text")
    if reader is None:
        raise UsageError(f"{name}: no reader for {path.suffix or 'files without extension'}")
    return read_source(path, reader, {"encoding": encoding} if encoding else {})


@gc_paused()
def parse(path: str | Path, encoding: str | None = None, registry: Any = None,
          sha256: str | None = None) -> Document:
    """Read and parse the document at ``path`` with the reader registered for its extension.

    ``sha256`` is the file's hash when the caller has already computed it (batch does).
    """
    from gongwen.readers.text import read_bytes
    from gongwen.textsafe import escape_name

    path = Path(path)
    source = read(path, encoding, registry)
    doc = parse_text(source.text, source.heading_levels, source.tables, source.figures, source.emphasis, path.name)
    digest = sha256 or hashlib.sha256(read_bytes(path)).hexdigest()
    src = doc.meta.source
    src.path, src.format, src.encoding = escape_name(path), source.format, source.encoding
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
