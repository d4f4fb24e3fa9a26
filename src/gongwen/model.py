"""The document model of CONTRACT.md as typed classes, with lossless JSON-form conversion.

This module imports nothing else of gongwen: readers produce text, the parser
produces a :class:`Document`, and every exporter consumes one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA = "gongwen/1"


@dataclass
class Source:
    """Where a document came from and how it was read."""

    path: str = ""
    format: str = ""
    encoding: str | None = None
    script: str = "simplified"
    sha256: str = ""
    chars: int = 0


@dataclass
class Meta:
    """Document-level metadata read from the front matter."""

    title: str | None = None
    doc_type: str = "other"
    region: str | None = None
    region_short: str | None = None
    region_level: str | None = None
    year: int | None = None
    review_year: int | None = None
    date: str | None = None
    speaker: str | None = None
    meeting: str | None = None
    source: Source = field(default_factory=Source)


@dataclass
class Block:
    """A run of text: a paragraph, a table with ``rows``, a figure caption, or back matter.

    ``span`` is the ``[start, end)`` range in the reader's text it was read from (None when unknown).
    """

    type: str = "paragraph"
    text: str = ""
    rows: list[list[str]] | None = None
    span: list[int] | None = None


@dataclass
class TocEntry:
    """One line of a printed table of contents."""

    level: int
    marker: str
    title: str


@dataclass
class Node:
    """One heading of the outline and the text it governs."""

    id: str
    kind: str
    marker: str
    style: str
    ordinal: int | None
    title: str
    body: list[Block] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    span: list[int] | None = None  # the heading in the reader's text


@dataclass
class Indicator:
    """One measured quantity read from the text."""

    id: str
    node: str | None
    name: str
    value: float | None = None
    unit: str = ""
    value_base: float | None = None
    base_unit: str = ""
    change: float | None = None
    change_unit: str = ""
    qualifier: str = ""
    value_max: float | None = None
    change_max: float | None = None
    hedge: str = ""
    kind: str = "actual"
    period: int | None = None
    period_start: int | None = None
    key: str | None = None
    span: list[int] | None = None  # the figure in the reader's text
    text: str = ""


@dataclass
class Diagnostic:
    """A change normalisation made to the source, or a warning."""

    code: str
    message: str
    offset: int | None = None
    text: str = ""


@dataclass
class Document:
    """A parsed document: metadata, front matter, table of contents, outline, back matter, indicators."""

    meta: Meta = field(default_factory=Meta)
    front: list[Block] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    outline: list[Node] = field(default_factory=list)
    back: list[Block] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    schema: str = SCHEMA

    # ---- JSON form -------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of CONTRACT.md (a plain dict, keys in contract order)."""
        return {
            "schema": self.schema,
            "meta": asdict(self.meta),
            "front": [_block_dict(b) for b in self.front],
            "toc": [asdict(t) for t in self.toc],
            "outline": [_node_dict(n) for n in self.outline],
            "back": [_block_dict(b) for b in self.back],
            "indicators": [asdict(i) for i in self.indicators],
            "diagnostics": [asdict(d) for d in self.diagnostics],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Build a Document from its JSON form (the inverse of :meth:`to_dict`)."""
        meta = dict(data.get("meta") or {})
        source = Source(**_known(Source, meta.pop("source", None) or {}))
        return cls(
            schema=data.get("schema", SCHEMA),
            meta=Meta(source=source, **_known(Meta, meta)),
            front=[_block(b) for b in data.get("front") or []],
            toc=[TocEntry(**_known(TocEntry, t)) for t in data.get("toc") or []],
            outline=[_node(n) for n in data.get("outline") or []],
            back=[_block(b) for b in data.get("back") or []],
            indicators=[Indicator(**_known(Indicator, i)) for i in data.get("indicators") or []],
            diagnostics=[Diagnostic(**_known(Diagnostic, d)) for d in data.get("diagnostics") or []],
        )

    # ---- traversal -------------------------------------------------------
    def walk(self) -> Iterator[tuple[int, Node]]:
        """Yield ``(depth, node)`` for every outline node in document order (depth 1 = top)."""
        yield from walk(self.outline)

    def strings(self, source: bool = True) -> Iterator[str]:
        """Every string value of the document in document order (``meta.source`` left out unless ``source``)."""
        skip = None if source else self.meta.source
        stack: list[Any] = [self]
        while stack:
            value = stack.pop()
            if value.__class__ is str:
                yield value
            elif value.__class__ is list:
                stack.extend(reversed(value))
            elif hasattr(value, "__dict__") and value is not skip:
                stack.extend(reversed(value.__dict__.values()))


def walk(nodes: list[Node], depth: int = 1) -> Iterator[tuple[int, Node]]:
    """Yield ``(depth, node)`` for ``nodes`` and their descendants, in document order (no recursion)."""
    stack = [(depth, node) for node in reversed(nodes)]
    while stack:
        depth, node = stack.pop()
        yield depth, node
        if node.children:
            stack.extend([(depth + 1, child) for child in reversed(node.children)])


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def _block_dict(block: Block) -> dict[str, Any]:
    out: dict[str, Any] = {"type": block.type, "text": block.text}
    if block.rows is not None:
        out["rows"] = block.rows
    out["span"] = block.span
    return out


def _block(data: dict[str, Any]) -> Block:
    return Block(**_known(Block, data))


def _node_dict(node: Node) -> dict[str, Any]:
    """The JSON form of ``node`` and its subtree, built with a stack so any depth converts."""
    root: list[dict[str, Any]] = []
    stack = [(node, root)]
    while stack:
        node, siblings = stack.pop()
        children: list[dict[str, Any]] = []
        siblings.append({"id": node.id, "kind": node.kind, "marker": node.marker, "style": node.style,
                         "ordinal": node.ordinal, "title": node.title,
                         "body": [_block_dict(b) for b in node.body], "children": children, "span": node.span})
        stack.extend((child, children) for child in reversed(node.children))
    return root[0]


def _node(data: dict[str, Any]) -> Node:
    """The Node of a JSON form and its subtree, built with a stack so any depth converts."""
    root: list[Node] = []
    stack = [(data, root)]
    while stack:
        data, siblings = stack.pop()
        node = Node(id=data["id"], kind=data["kind"], marker=data.get("marker", ""), style=data.get("style", "none"),
                    ordinal=data.get("ordinal"), title=data.get("title", ""),
                    body=[_block(b) for b in data.get("body") or []], span=data.get("span"))
        siblings.append(node)
        stack.extend((child, node.children) for child in reversed(data.get("children") or []))
    return root[0]
