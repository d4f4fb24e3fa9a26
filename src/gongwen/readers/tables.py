"""Tables and figures in lightweight markup: GFM pipe tables, ``![caption](src)`` images.

Shared by the readers that meet them (Markdown, and text with pipe tables).
A table becomes one placeholder line of the reader's text plus its rows in
``SourceText.tables``; an image becomes one caption line listed in
``SourceText.figures``.
"""

from __future__ import annotations

import re

BR = re.compile(r"<br\s*/?>", re.I)
DELIMITER_CELL = re.compile(r"^\s*:?-{1,}:?\s*$")
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
IMAGE_LINE = re.compile(r"^[\s*_]*(?:!\[[^\]]*\]\([^)]*\)[\s*_]*)+$")
EMPHASIS = re.compile(r"\*\*|__")


def split_row(line: str) -> list[str]:
    """The cells of one pipe-table row: outer pipes dropped, ``\\|`` kept, ``<br>`` made a newline."""
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells = re.split(r"(?<!\\)\|", line)
    return [_cell(EMPHASIS.sub("", BR.sub("\n", c.replace("\\|", "|")))) for c in cells]


def _cell(text: str) -> str:
    """A cell's lines without padding; a leading ideographic-space indent (a sub-item: 　　其中：城镇) stays."""
    lines = (line.lstrip(" \t").rstrip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line.strip())


def is_delimiter(line: str) -> bool:
    """Whether ``line`` is a table's alignment row (``|---|:---:|``)."""
    if "-" not in line or "|" not in line:
        return False
    cells = split_row(line)
    return bool(cells) and all(DELIMITER_CELL.match(c) for c in cells)


def table_at(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """The pipe table whose header is ``lines[i]`` and the index after it, or None."""
    if "|" not in lines[i] or i + 1 >= len(lines) or not is_delimiter(lines[i + 1]):
        return None
    header = split_row(lines[i])
    width = max(len(header), len(split_row(lines[i + 1])))  # a delimiter row wider than its header is tolerated
    rows = [header]
    j = i + 2
    while j < len(lines) and "|" in lines[j] and lines[j].strip():
        rows.append(split_row(lines[j]))
        j += 1
    width = max(width, *(len(r) for r in rows))
    rows = [r + [""] * (width - len(r)) for r in rows]
    while width > 1 and not any(r[width - 1] for r in rows):  # an empty trailing column is the layout's, not data
        width -= 1
        rows = [r[:width] for r in rows]
    return rows, j


def table_line(rows: list[list[str]]) -> str:
    """The placeholder line a table stands as in the reader's text: its first non-empty row."""
    for row in rows:
        cells = [" ".join(c.split()) for c in row if c.strip()]
        if cells:
            return " | ".join(cells)
    return "table"


def image_captions(line: str) -> list[str] | None:
    """The captions of a line made only of images (alt text, else the file name), or None."""
    if "![" not in line or not IMAGE_LINE.match(line):
        return None
    return [alt.strip() or src.rsplit("/", 1)[-1] or "image" for alt, src in IMAGE.findall(line)]


def inline_images(line: str) -> str:
    """``line`` with inline images replaced by their alt text."""
    return IMAGE.sub(lambda m: m.group(1), line) if "![" in line else line
