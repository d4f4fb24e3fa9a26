"""PDF reader (text layer, via pypdf — the optional extra ``gongwen[pdf]``).

Running headers and footers repeated on most pages and page numbers (also
when glued to the end of a page's last line) are removed, each with a
diagnostic. Dot-leader page references of a printed table of contents and
lines wrapped at the page width are handled later, by normalisation.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any

from gongwen.errors import InputError
from gongwen.model import Diagnostic
from gongwen.plugin import Reader, SourceText, hookimpl
from gongwen.readers.text import read_bytes

PAGE_NUMBER = re.compile(r"^[\s\-—–·]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*\d{1,4})?[\s\-—–·]*$")
MAX_PAGES = 5000
MAX_BYTES = 256 * 1024 * 1024
EDGE = 2  # lines at the top and bottom of a page checked for running headers/footers


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _pages(path: Path) -> list[list[str]]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise InputError(f"{path}: reading PDF needs pypdf: pip install 'gongwen[pdf]'") from None
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its warnings are not ours to print; errors raise
    data = read_bytes(path, MAX_BYTES)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path}: password-protected PDF")
        pages_root = reader.trailer["/Root"]["/Pages"]
        count = pages_root.get("/Count", 0)
        if not isinstance(count, int) or count > MAX_PAGES:
            raise InputError(f"{path}: refused: the PDF declares {count} pages (limit {MAX_PAGES})")
        pages = []
        for page in reader.pages:
            if len(pages) >= MAX_PAGES:
                raise InputError(f"{path}: refused: more than {MAX_PAGES} pages")
            pages.append((page.extract_text() or "").split("\n"))
        return pages
    except InputError:
        raise
    except (PdfReadError, PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError,
            RecursionError) as exc:
        raise InputError(f"{path}: corrupt PDF ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})") from None


def clean_pages(pages: list[list[str]]) -> tuple[list[str], list[Diagnostic]]:
    """Drop running headers/footers, page numbers and TOC leaders; return the lines and diagnostics."""
    diags: list[Diagnostic] = []
    pages = [[line.rstrip() for line in page if line.strip()] for page in pages]
    edges: Counter[str] = Counter()
    for page in pages:
        edges.update({_key(line) for line in page[:EDGE] + page[-EDGE:]})
    running = {k for k, n in edges.items() if len(pages) >= 2 and n >= max(2, len(pages) * 0.5)}
    lines: list[str] = []
    for number, page in enumerate(pages, 1):
        for k, line in enumerate(page):
            at_edge = k < EDGE or k >= len(page) - EDGE
            if at_edge and (_key(line) in running or PAGE_NUMBER.match(line)):
                code = "page-marker-removed" if PAGE_NUMBER.match(line) else "running-header-removed"
                diags.append(Diagnostic(code, f"page {number}: repeated page furniture", None, line))
                continue
            if k == len(page) - 1 and line.endswith(str(number)) and not line[:-len(str(number))][-1:].isdigit():
                stripped = line[:-len(str(number))]
                if stripped and stripped[-1] not in "第年月日":
                    diags.append(Diagnostic("page-marker-removed", f"page number {number} glued to the last line",
                                            None, str(number)))
                    line = stripped
            lines.append(line)
    return lines, diags


def read(path: Path, options: dict[str, Any]) -> SourceText:
    """Read the text layer of a PDF."""
    pages = _pages(path)
    if not any(line.strip() for page in pages for line in page):
        raise InputError(f"{path}: no text layer (a scanned PDF?); run OCR first, e.g. ocrmypdf")
    lines, diags = clean_pages(pages)
    return SourceText("\n".join(lines), "pdf", None, diags)


@hookimpl
def gongwen_readers() -> list[Reader]:
    """Contribute the PDF reader."""
    return [Reader("pdf", ("pdf",), "PDF text layer (needs the extra gongwen[pdf])", read)]
