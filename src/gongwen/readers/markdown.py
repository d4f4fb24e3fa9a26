"""Markdown reader (.md): ATX headings and a YAML front-matter title as hints, pipe tables, images."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from gongwen.exporters.markdown_export import INDICATORS_MARK
from gongwen.model import Diagnostic
from gongwen.plugin import Reader, SourceText, hookimpl
from gongwen.readers.tables import image_captions, inline_images, table_at, table_line
from gongwen.readers.text import decode_text, read_bytes

ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FRONT_TITLE = re.compile(r"^title:\s*[\"']?(.*?)[\"']?\s*$")
EMPHASIS = re.compile(r"\*\*|__")
WHOLE_LINE_EMPHASIS = re.compile(r"^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*$")  # **2024年工作回顾**: level unknown (0)
# A bold run-in lead after a sentence, its stop inside or right after the bold (**X。**, **X**，, **X，**).
RUN_IN_LEAD = re.compile(r"(?<=[。；！？])(?=\*\*[^*\n]{2,30}?(?:[。！，]\*\*|\*\*[。，]))")
EMPHASISED_START = re.compile(r"^\s*\*\*[^*\n]{2,30}?(?:[。！，]\*\*|\*\*[。，])")
LIST_BULLET = re.compile(r"^\s*[-*+]\s+")  # the bullet, not the item's own numbering
HTML_TAG = re.compile(r"</?(?:details|summary|div|span|p|font|b|i|u|strong|em|center|sup|sub|a)\b[^>]*>|<br\s*/?>",
                      re.I)


def plain(line: str) -> str:
    """A Markdown text line as plain text: no emphasis, inline HTML tags (``<details>``, ``<br>``) or image markup.

    Quote markers stay; the reader drops list bullets (the item's own numbering stays).
    """
    if "<" in line:
        line = HTML_TAG.sub(lambda m: " " if m.group(0).lower().startswith("<br") else "", line)
    line = inline_images(line)
    return EMPHASIS.sub("", line) if "**" in line or "__" in line else line


def read(path: Path, options: dict[str, Any]) -> SourceText:
    """Read Markdown: front matter gives the title line, ``#`` headings give levels."""
    source = decode_text(read_bytes(path), str(path), options, "markdown")
    text, _, generated = source.text.partition(INDICATORS_MARK)  # gongwen's own table is not document text
    if generated:
        source.diagnostics.append(Diagnostic("generated-table-skipped", "indicator table written by gongwen",
                                             len(text), ""))
    lines = text.split("\n")
    out: list[str] = []
    levels: dict[int, int] = {}
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
        for line in lines[1:end]:
            m = FRONT_TITLE.match(line)
            if m and m.group(1) and m.group(1) != "null":
                out.append(m.group(1))
        lines = lines[end + 1:]
    first = next((line for line in lines if line.strip()), "")
    if out and plain(ATX.sub(r"\2", first.strip())).strip() == out[0].strip():
        out = []  # the body prints the title itself: the front matter's copy would run into it
    headings = [ATX.match(line) for line in lines]
    top = [m for m in headings if m and len(m.group(1)) == 1]
    # A single '#' heading is the document title; the shallowest other level is level 1.
    depths = [len(m.group(1)) for m in headings if m and not (len(top) == 1 and m is top[0])]
    shift = min(depths, default=1) - 1
    tables: dict[int, list[list[str]]] = {}
    figures: set[int] = set()
    emphasis: dict[int, str] = {}
    i = 0
    while i < len(lines):
        line, m = lines[i], headings[i]
        if not line or line.isspace():
            i += 1
            continue  # a blank line: nothing below makes anything of it
        found = None if m else table_at(lines, i)
        captions = None if m or found else image_captions(line)
        if m:
            level = len(m.group(1)) - shift
            if level >= 1 and not (len(top) == 1 and m is top[0]):
                levels[len(out)] = level
            out.append(m.group(2))
        elif found:
            rows, end = found
            tables[len(out)] = rows
            out.append(table_line(rows))
            out.extend("" for _ in range(i + 1, end))  # keep line numbers: spans stay near the source
            i = end
            continue
        elif captions:
            for caption in captions:
                figures.add(len(out))
                out.append(" ".join(caption.split()))
        else:
            if WHOLE_LINE_EMPHASIS.match(line):
                levels[len(out)] = 0  # a line that is all emphasis: a heading of unknown level, maybe
            # A run-in lead set in bold after a sentence (…两个维护”。**在政治上忠诚。**牢固…) opens a
            # paragraph of its own, as it would on the printed page.
            for piece in RUN_IN_LEAD.split(line) if "**" in line else (line,):
                if piece.strip():
                    if (bold := EMPHASISED_START.match(piece)) and len(out) not in levels:
                        levels[len(out)] = 0  # a paragraph opened by a bold lead
                        emphasis[len(out)] = plain(bold.group())  # where the lead ends
                    piece = plain(piece)
                    bullet = LIST_BULLET.match(piece)  # anchored at the start: at most one to drop
                    out.append(piece[bullet.end():] if bullet else piece)
        i += 1
    source.text = "\n".join(out)
    source.heading_levels = levels
    source.emphasis = emphasis
    source.tables = tables
    source.figures = figures
    return source


@hookimpl
def gongwen_readers() -> list[Reader]:
    """Contribute the Markdown reader."""
    return [Reader("markdown", ("md", "markdown"), "Markdown (headings, front matter, pipe tables, images)", read)]
