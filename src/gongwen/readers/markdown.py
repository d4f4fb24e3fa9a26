"""Markdown reader (.md): ATX headings and a YAML front-matter title as strong hints."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from gongwen.exporters.markdown_export import INDICATORS_MARK
from gongwen.model import Diagnostic
from gongwen.plugin import Reader, SourceText, hookimpl
from gongwen.readers.text import decode_text, read_bytes

ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FRONT_TITLE = re.compile(r"^title:\s*[\"']?(.*?)[\"']?\s*$")
EMPHASIS = re.compile(r"\*\*|__")
WHOLE_LINE_EMPHASIS = re.compile(r"^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*$")  # **2024年工作回顾**: level unknown (0)
LIST_BULLET = re.compile(r"^\s*[-*+]\s+")  # the bullet, not the item's own numbering
# Collapsible blocks (<details><summary>目录</summary> …): the tags go, the summary stays a line.
HTML_BLOCK_TAG = re.compile(r"^\s*</?(?:details|summary)>\s*|\s*</?(?:details|summary)>\s*$")


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
    headings = [ATX.match(line) for line in lines]
    top = [m for m in headings if m and len(m.group(1)) == 1]
    # A single '#' heading is the document title; the shallowest other level is level 1.
    depths = [len(m.group(1)) for m in headings if m and not (len(top) == 1 and m is top[0])]
    shift = min(depths, default=1) - 1
    for line, m in zip(lines, headings, strict=True):
        if m:
            level = len(m.group(1)) - shift
            if level >= 1 and not (len(top) == 1 and m is top[0]):
                levels[len(out)] = level
            out.append(m.group(2))
        else:
            if WHOLE_LINE_EMPHASIS.match(line):
                levels[len(out)] = 0
            out.append(LIST_BULLET.sub("", HTML_BLOCK_TAG.sub("", EMPHASIS.sub("", line))))
    source.text = "\n".join(out)
    source.heading_levels = levels
    return source


@hookimpl
def gongwen_readers() -> list[Reader]:
    """Contribute the Markdown reader."""
    return [Reader("markdown", ("md", "markdown"), "Markdown (ATX headings, YAML front matter)", read)]
