"""PDF reader (text layer, via pypdf — the optional extra ``gongwen[pdf]``).

Running headers and footers repeated on most pages and page numbers (also
when glued to the end of a page's last line) are removed, each with a
diagnostic. Dot-leader page references of a printed table of contents and
lines wrapped at the page width are handled later, by normalisation. A
table whose layout is clear in the text layer (a 表N caption, a header line,
rows of a name and numbers) becomes rows (``text_table``); a 图N caption line
stands for its chart (a figure).
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
from gongwen.readers.tables import table_line
from gongwen.readers.text import read_bytes

TABLE_CAPTION = re.compile(r"^\s*(?:续?表\s*\d+\s*[:：．.、]?|续表)")
NUMERIC = re.compile(r"^(?:[-+−]?\d[\d,]*(?:\.\d+)?%?|[—–-]{1,2}|…+|×)$")
YEAR_UNIT = re.compile(r"^(?:年|月|年末|年底)(?:[（(][^）)]*[）)])?$")
FIGURE_CAPTION = re.compile(r"^\s*图\s*\d+\s*[:：．.、]\s*\S.{0,60}$")
MIN_ROWS = 2
MIN_GLYPH_LINES, GLYPH_SHARE = 10, 0.6  # a page of this many lines, this share of them a single character
LAYOUT_GAP = re.compile(r" {2,}")  # positional extraction pads with spaces where glyphs stood apart
REBUILT = "\x00rebuilt"  # marks a page whose lines were rebuilt (no text holds a NUL: sanitised away)
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
            lines = (page.extract_text() or "").split("\n")
            if _glyph_per_line(lines):  # the producer wrote each character on its own: lines from positions
                lines = [LAYOUT_GAP.sub(" ", line) for line in (page.extract_text(extraction_mode="layout")
                                                                 or "").split("\n")]
                lines.append(REBUILT)
            pages.append(lines)
        return pages
    except InputError:
        raise
    except (PdfReadError, PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError,
            RecursionError) as exc:
        raise InputError(f"{path}: corrupt PDF ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})") from None


def _glyph_per_line(lines: list[str]) -> bool:
    """Most lines of the page hold a single character: the text objects were glyphs, not lines."""
    filled = [line for line in lines if line.strip()]
    glyphs = sum(len(line.strip()) == 1 for line in filled)
    return len(filled) >= MIN_GLYPH_LINES and glyphs >= GLYPH_SHARE * len(filled)


def clean_pages(pages: list[list[str]]) -> tuple[list[str], list[Diagnostic]]:
    """Drop running headers/footers, page numbers and TOC leaders; return the lines and diagnostics."""
    diags: list[Diagnostic] = []
    rebuilt = [number for number, page in enumerate(pages, 1) if page and page[-1] == REBUILT]
    if rebuilt:
        diags.append(Diagnostic("pdf-lines-rebuilt", f"{len(rebuilt)} pages hold one character per text object: "
                                f"their lines rebuilt from the characters' positions (pages {rebuilt[:10]})", None, ""))
    pages = [[line.rstrip() for line in page if line.strip() and line != REBUILT] for page in pages]
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


def _numbers(tokens: list[str]) -> int:
    """How many tokens at the end of ``tokens`` are numbers (or the — of a missing value)."""
    n = 0
    while n < len(tokens) and NUMERIC.match(tokens[-1 - n]):
        n += 1
    return n


def _header(line: str) -> list[str]:
    tokens: list[str] = []
    for token in line.split():
        if tokens and YEAR_UNIT.match(token) and tokens[-1].isdigit():
            tokens[-1] += f" {token}"
        else:
            tokens.append(token)
    return tokens


def _row_cells(tokens: list[str], prefix: int, numbers: int) -> list[str]:
    n = _numbers(tokens)
    head, tail = tokens[:len(tokens) - n], tokens[len(tokens) - n:]
    if len(head) > prefix:
        head = [" ".join(head[:len(head) - prefix + 1])] + head[len(head) - prefix + 1:]
    return head + [""] * (prefix - len(head)) + [""] * (numbers - len(tail)) + tail[-numbers:]


def text_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """The table after a caption line (表1：…) at ``start - 1``: a header line, then rows ending in numbers.

    Only a clear layout counts: at least two rows, each a name (and maybe a unit) followed by
    numbers, the header as many columns as the rows. Returns the rows and the index after them.
    """
    if start + 1 >= len(lines):
        return None
    header = _header(lines[start])
    body: list[list[str]] = []
    j = start + 1
    while j < len(lines):
        tokens = lines[j].split()
        if not tokens or not _numbers(tokens) or _numbers(tokens) == len(tokens) or lines[j].rstrip()[-1:] in "。；":
            break
        body.append(tokens)
        j += 1
    if len(body) < MIN_ROWS:
        return None
    numbers = Counter(_numbers(t) for t in body).most_common(1)[0][0]
    prefix = Counter(len(t) - _numbers(t) for t in body).most_common(1)[0][0]
    if len(header) != prefix + numbers or _numbers(header) == len(header):
        return None
    return [header] + [_row_cells(t, prefix, numbers) for t in body], j


def find_tables(lines: list[str]) -> tuple[list[str], dict[int, list[list[str]]]]:
    """Replace each clear text table (after a 表N caption) by one line; its rows keyed by that line."""
    out: list[str] = []
    tables: dict[int, list[list[str]]] = {}
    i = 0
    while i < len(lines):
        out.append(lines[i])
        found = text_table(lines, i + 1) if TABLE_CAPTION.match(lines[i]) else None
        if found:
            rows, end = found
            out.append("")  # blank lines around it: joining hard-wrapped lines never takes the table in
            tables[len(out)] = rows
            out += [table_line(rows), ""]
            i = end
            continue
        i += 1
    return out, tables


def read(path: Path, options: dict[str, Any]) -> SourceText:
    """Read the text layer of a PDF."""
    pages = _pages(path)
    if not any(line.strip() for page in pages for line in page):
        raise InputError(f"{path}: no text layer (a scanned PDF?); run OCR first, e.g. ocrmypdf")
    lines, diags = clean_pages(pages)
    lines, tables = find_tables(lines)
    source = SourceText("\n".join(lines), "pdf", None, diags, {}, tables)
    source.figures = {n for n, line in enumerate(lines) if FIGURE_CAPTION.match(line) and n not in tables}
    return source


@hookimpl
def gongwen_readers() -> list[Reader]:
    """Contribute the PDF reader."""
    return [Reader("pdf", ("pdf",), "PDF text layer (needs the extra gongwen[pdf])", read)]
