"""Markdown exporter: YAML front matter, ATX headings by depth, items/topics as bold lead text.

Tables are GFM pipe tables (the first row is the header; a newline in a cell is
written ``<br>``), figures ``![caption]()``; the Markdown reader reads both back.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from gongwen.exporters.clean import UnsafeText, checked, clean_document
from gongwen.exporters.rows import display_value
from gongwen.gcpause import gc_paused
from gongwen.model import Block, Document, Node, walk
from gongwen.plugin import Exporter, hookimpl

TABLE_COLUMNS = ["name", "value", "unit", "change", "qualifier", "kind", "period"]
# Marks where the document ends and the generated indicator table begins (the Markdown reader stops here).
INDICATORS_MARK = "<!-- gongwen:indicators -->"


def _yaml_scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def _cell(value: object) -> str:
    return display_value(value).replace("|", "\\|").replace("\n", " ")


def _table_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def pipe_table(rows: list[list[str]]) -> list[str]:
    """``rows`` as the lines of a GFM pipe table, every row padded to the widest."""
    cols = max((len(r) for r in rows), default=0)
    if not cols:
        return []
    lines = ["| " + " | ".join(_table_cell(c) for c in row + [""] * (cols - len(row))) + " |" for row in rows]
    lines.insert(1, "|" + " --- |" * cols)
    return lines


def _block(block: Block) -> list[str]:
    if block.rows:
        return pipe_table(block.rows) + [""]
    if block.type == "figure":
        return [f"![{block.text.replace(']', '')}]()", ""]
    return [block.text, ""]


def render(doc: Document) -> str:
    """The Markdown text of ``doc``."""
    try:
        return "".join(checked([_render(doc)]))
    except UnsafeText:
        return _render(clean_document(doc))


def _render(doc: Document) -> str:
    """The Markdown text of ``doc``'s strings as they are (every one used is written or compared with constants)."""
    m = doc.meta
    out = ["---"]
    for key in ("title", "doc_type", "region", "year", "date", "speaker", "meeting"):
        out.append(f"{key}: {_yaml_scalar(getattr(m, key))}")
    out.append(f"source: {_yaml_scalar(m.source.path)}")
    out += ["---", ""]
    if m.title:
        out += [f"# {m.title}", ""]
    for block in doc.front:
        out += _block(block)
    for depth, node in walk(doc.outline):
        out += _node(depth, node)
    for block in doc.back:
        out += _block(block)
    if doc.indicators:
        out += [INDICATORS_MARK, "", "## 指标 Indicators", "", "| " + " | ".join(TABLE_COLUMNS) + " |",
                "|" + "---|" * len(TABLE_COLUMNS)]
        for ind in doc.indicators:
            out.append("| " + " | ".join(_cell(getattr(ind, c)) for c in TABLE_COLUMNS) + " |")
        out.append("")
    return "\n".join(out)


def _node(depth: int, node: Node) -> list[str]:
    body = [line for block in node.body for line in _block(block)]
    if node.kind == "section":
        if not node.marker and not node.title:
            return body  # the body of a document without headings: no empty heading line
        return [f"{'#' * min(depth + 1, 6)} {node.marker}{node.title}", ""] + body
    lead = f"**{node.marker}{node.title}。**"
    if node.body and node.body[0].type == "paragraph" and not node.body[0].rows:
        return [f"{lead}{node.body[0].text}", ""] + body[2:]
    return [lead, ""] + body


@gc_paused()
def write(doc: Document, stream: BinaryIO, options: dict[str, Any]) -> None:
    """Write ``doc`` as Markdown."""
    stream.write(render(doc).encode("utf-8"))


@hookimpl
def gongwen_exporters() -> list[Exporter]:
    """Contribute the Markdown exporter."""
    return [Exporter("markdown", "md", "Markdown with YAML front matter and an indicator table", write, text=True)]
