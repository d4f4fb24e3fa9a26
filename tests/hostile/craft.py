"""Crafted DOCX packages for the hostile tests: built with python-docx, then edited part by part."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable


def docx_bytes(*paragraphs: str) -> bytes:
    """A DOCX holding ``paragraphs`` (one by default)."""
    import docx

    d = docx.Document()
    for p in paragraphs or ("一、总体要求",):
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def with_document_xml(data: bytes, transform: Callable[[str], str]) -> bytes:
    """The package ``data`` with ``word/document.xml`` rewritten by ``transform``."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "word/document.xml":
                body = transform(body.decode("utf-8")).encode("utf-8")
            dst.writestr(info.filename, body)
    return out.getvalue()
