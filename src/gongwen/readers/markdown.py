"""Markdown reader (.md): ATX headings and a YAML front-matter title as hints, pipe tables, images."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from gongwen.exporters.markdown_export import INDICATORS_MARK
from gongwen.model import Diagnostic
from gongwen.plugin import Reader, SourceText, hookimpl
from gongwen.readers.emphasis import Piece, bold_pieces
from gongwen.readers.tables import image_captions, inline_images, table_at, table_line
from gongwen.readers.text import decode_text, read_bytes

ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FRONT_TITLE = re.compile(r"^title:\s*[\"']?(.*?)[\"']?\s*$")
EMPHASIS = re.compile(r"\*\*|__")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
FOOTNOTE = re.compile(r"\[\^(\d{1,3})\]")  # a numbered footnote's reference
FOOTNOTE_LABEL = re.compile(r"^\s*\[\^(\d{1,3})\]:\s*")  # and the label that opens its text
LIST_BULLET = re.compile(r"^\s*[-*+]\s+")  # the bullet, not the item's own numbering
HTML_TAG = re.compile(r"</?(?:details|summary|div|span|p|font|b|i|u|strong|em|center|sup|sub|a)\b[^>]*>|<br\s*/?>",
                      re.I)


def plain_markup(line: str) -> str:
    """A Markdown text line without inline HTML tags (``<details>``, ``<br>``) or image markup; emphasis stays.

    A footnote reference or definition (``[^2]``, ``[^2]: …``) is written as plain text writes a note (``[2]``),
    which the parser knows as a note call, and a run of which at the end as endnotes.
    """
    if "[^" in line:
        line = FOOTNOTE.sub(r"[\1]", FOOTNOTE_LABEL.sub(r"[\1] ", line))
    if "<" in line:
        line = HTML_TAG.sub(lambda m: " " if m.group(0).lower().startswith("<br") else "", line)
    return inline_images(line)


def plain(line: str) -> str:
    """A Markdown text line as plain text: no emphasis, inline HTML tags or image markup.

    Quote markers stay; the reader drops list bullets (the item's own numbering stays).
    """
    line = plain_markup(line)
    return EMPHASIS.sub("", line) if "**" in line or "__" in line else line


def _removed(comment: re.Match[str], source: SourceText) -> str:
    """Record an HTML comment left out of the text; the newlines it held stay."""
    source.diagnostics.append(Diagnostic("html-comment-removed", "a comment, not shown in the document", None,
                                         comment.group()))
    return "\n" * comment.group().count("\n")


def _bold_spans(line: str) -> tuple[str, list[tuple[int, int]]]:
    """``line`` without its emphasis markers, and the ranges they set in bold (markers pair in order)."""
    if "**" not in line and "__" not in line:
        return line, []
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    pos, length, opened = 0, 0, None
    for m in EMPHASIS.finditer(line):
        text.append(line[pos:m.start()])
        length += m.start() - pos
        pos = m.end()
        if opened is None:
            opened = length
        else:
            spans.append((opened, length))
            opened = None
    text.append(line[pos:])
    return "".join(text), spans


def read(path: Path, options: dict[str, Any]) -> SourceText:
    """Read Markdown: front matter gives the title line, ``#`` headings give levels."""
    source = decode_text(read_bytes(path), str(path), options, "markdown")
    text, _, generated = source.text.partition(INDICATORS_MARK)  # gongwen's own table is not document text
    if generated:
        source.diagnostics.append(Diagnostic("generated-table-skipped", "indicator table written by gongwen",
                                             len(text), ""))
    if "<!--" in text:  # comments are not shown: left out, their lines kept empty (spans stay near the source)
        text = HTML_COMMENT.sub(lambda m: _removed(m, source), text)
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
            text, bold = _bold_spans(plain_markup(line))
            for piece in bold_pieces(text, bold) if bold else [Piece(text)]:  # a heading, a lead, a lead run in
                bullet = LIST_BULLET.match(piece.text)  # anchored at the start: at most one to drop
                if piece.level is not None:
                    levels[len(out)] = piece.level
                if piece.emphasis:
                    emphasis[len(out)] = piece.emphasis
                out.append(piece.text[bullet.end():] if bullet else piece.text)
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
