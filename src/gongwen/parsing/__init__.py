"""Parsing: normalised text → front matter, table of contents, outline, indicators, metadata."""

from __future__ import annotations

import re
from pathlib import PurePath

from gongwen.model import Block, Diagnostic, Document, Node
from gongwen.normalize import normalize
from gongwen.parsing.catalogue import assign_keys
from gongwen.parsing.indicators import extract_indicators
from gongwen.parsing.meta import meta_from_filename, read_meta, read_review_year
from gongwen.parsing.outline import BNode, build_outline, lift_headingless
from gongwen.parsing.paragraphs import Para, split_paragraphs
from gongwen.parsing.spans import attach_spans
from gongwen.parsing.toc import SPACES, check_toc, extract_toc
from gongwen.parsing.topics import add_topics
from gongwen.parsing.zones import split_back


def _block(text: str, rows: list[list[str]] | None) -> Block:
    """A paragraph, a table (rows), or a figure caption (rows ``[]``, see ``split_paragraphs``)."""
    if rows is None:
        return Block("paragraph", text)
    return Block("table", text, rows) if rows else Block("figure", text)


def _to_nodes(built: list[BNode], prefix: str = "") -> list[Node]:
    nodes = []
    for k, b in enumerate(built, 1):
        b.parent = None  # the built tree goes once converted: without the cycle it is freed at once, not by GC
        node_id = f"{prefix}{k}"
        nodes.append(Node(
            id=node_id, kind=b.kind, marker=b.marker, style=b.style, ordinal=b.ordinal,
            title=b.title, body=[_block(p.text, p.rows) for p in b.parts],
            children=_to_nodes(b.children, node_id + "."),
        ))
    return nodes


def _rekey(source_lines: list[int], *hints: dict) -> tuple[dict, ...]:
    """Re-key line-number hints from the reader's lines to the normalised text's lines.

    A hint survives only on the normalised line that starts where its source line starts.
    """
    out: list[dict] = [{} for _ in hints]
    seen: set[int] = set()
    for line, src in enumerate(source_lines):
        if src in seen:
            continue  # a later piece of a source line that was split
        seen.add(src)
        for k, hint in enumerate(hints):
            if src in hint:
                out[k][line] = hint[src]
    return tuple(out)


def relative_levels(levels: dict[int, int]) -> dict[int, int]:
    """Heading levels counted from the shallowest the document uses: a page whose parts are ``<h3>`` or a
    Word file that starts at Heading 2 has its parts at level 1. Level 0 (emphasis only) stays 0."""
    top = min((level for level in levels.values() if level > 0), default=1)
    return levels if top == 1 else {k: level - top + 1 if level > 0 else level for k, level in levels.items()}


def _front_blocks(lines: list[str], paras: list[Para]) -> list[Block]:
    """Front matter as blocks: its tables and figures (the first of the document's, in order) keep their type."""
    special = [p for p in paras if p.rows is not None]
    blocks, k = [], 0
    for text in lines:
        if k < len(special) and special[k].text == text:
            blocks.append(_block(text, special[k].rows))
            k += 1
        else:
            blocks.append(Block("paragraph", text))
    return blocks


RUN_ON_LINES = 3
INDENT = re.compile("\u3000\u3000|\t")


def _run_on(text: str) -> bool:
    """Text flattened to a line or two without paragraph indents: paragraphs cannot be told apart."""
    lines = sum(1 for line in text.split("\n") if line.strip())
    return lines <= RUN_ON_LINES and not INDENT.search(text)


def parse_text(text: str, heading_levels: dict[int, int] | None = None,
               tables: dict[int, list[list[str]]] | None = None, figures: set[int] | None = None,
               emphasis: dict[int, str] | None = None, name: str | None = None) -> Document:
    """Parse a document's text (any script, any noise) into a Document without source metadata.

    ``heading_levels``, ``tables``, ``figures`` and ``emphasis`` are a reader's hints, keyed by line number.
    ``name``, the file's name, gives a region or year the text does not state (with a diagnostic), before the
    figures are dated by them.
    """
    norm = normalize(text)
    if heading_levels or tables or figures or emphasis:  # hints are keyed by the reader's lines: key them by today's
        heading_levels, tables, figure_lines, emphasis = _rekey(
            norm.source_lines(text.replace("\r\n", "\n").replace("\r", "\n")),
            heading_levels or {}, tables or {}, dict.fromkeys(figures or (), True), emphasis or {})
        figures = set(figure_lines)
        heading_levels = relative_levels(heading_levels)
    paras, back = split_back(split_paragraphs(norm.text, heading_levels, tables, figures, emphasis))
    before_toc, body, toc = extract_toc(paras)
    built = build_outline(body, frozenset(SPACES.sub("", e.title) for e in toc if not e.marker))
    add_topics(built.roots, run_on=_run_on(norm.text))
    lift_headingless(built)
    front_lines = [p.text for p in before_toc] + built.front
    doc = Document(meta=read_meta(front_lines), front=_front_blocks(front_lines, paras), toc=toc,
                   outline=_to_nodes(built.roots), back=back)
    doc.meta.source.script = norm.script
    doc.diagnostics = norm.diagnostics + built.diagnostics
    doc.diagnostics += check_toc(toc, [n.title for _, n in doc.walk()])
    if name and (doc.meta.region is None or doc.meta.year is None):
        for field_name in meta_from_filename(doc.meta, PurePath(name).stem):
            doc.diagnostics.append(Diagnostic("meta-from-filename", f"{field_name} {getattr(doc.meta, field_name)} "
                                              f"taken from the file name (the text does not state it)", None, name))
    read_review_year(doc)
    doc.indicators = extract_indicators(doc)
    assign_keys(doc)
    attach_spans(doc, norm.text, norm.offsets.to_source)
    return doc
