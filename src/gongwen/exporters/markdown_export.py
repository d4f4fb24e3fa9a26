"""Markdown exporter: YAML front matter, ATX headings by depth, items/topics as bold lead text."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from gongwen.exporters.clean import clean_document
from gongwen.exporters.rows import display_value
from gongwen.model import Document, Node, walk
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


def render(doc: Document) -> str:
    """The Markdown text of ``doc``."""
    doc = clean_document(doc)
    m = doc.meta
    out = ["---"]
    for key in ("title", "doc_type", "region", "year", "date", "speaker", "meeting"):
        out.append(f"{key}: {_yaml_scalar(getattr(m, key))}")
    out.append(f"source: {_yaml_scalar(m.source.path)}")
    out += ["---", ""]
    if m.title:
        out += [f"# {m.title}", ""]
    for block in doc.front:
        out += [block.text, ""]
    for depth, node in walk(doc.outline):
        out += _node(depth, node)
    if doc.indicators:
        out += [INDICATORS_MARK, "", "## 指标 Indicators", "", "| " + " | ".join(TABLE_COLUMNS) + " |",
                "|" + "---|" * len(TABLE_COLUMNS)]
        for ind in doc.indicators:
            out.append("| " + " | ".join(_cell(getattr(ind, c)) for c in TABLE_COLUMNS) + " |")
        out.append("")
    return "\n".join(out)


def _node(depth: int, node: Node) -> list[str]:
    body = [b.text for b in node.body]
    if node.kind == "section":
        lines = [f"{'#' * min(depth + 1, 6)} {node.marker}{node.title}", ""]
        return lines + [line for text in body for line in (text, "")]
    lead = f"**{node.marker}{node.title}。**"
    first = f"{lead}{body[0]}" if body else lead
    return [first, ""] + [line for text in body[1:] for line in (text, "")]


def write(doc: Document, stream: BinaryIO, options: dict[str, Any]) -> None:
    """Write ``doc`` as Markdown."""
    stream.write(render(doc).encode("utf-8"))


@hookimpl
def gongwen_exporters() -> list[Exporter]:
    """Contribute the Markdown exporter."""
    return [Exporter("markdown", "md", "Markdown with YAML front matter and an indicator table", write, text=True)]
