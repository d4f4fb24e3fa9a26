"""XML exporter: mirrors the JSON form element for element; ``gongwen schema xsd`` prints its XML Schema.

The text is what lxml's ``tostring(..., pretty_print=True)`` gives for that
tree, written from the model with templates and a stack instead of building
the tree (so it is fast and any depth writes): two spaces an element level,
up to 60 as libxml2 does; an element with text keeps what is inside it on one
line. :func:`read_xml` turns such a file back into the same Document.

Instead of cleaning the document first (``exporters.clean``, a walk over every
string), the text is made safe as it is written: the writer only escapes
``&<>"`` and tab, CR, LF, which ``safe_text`` leaves alone, so the two agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from lxml import etree

from gongwen.gcpause import gc_paused
from gongwen.model import (
    Block,
    Diagnostic,
    Document,
    Indicator,
    Meta,
    Node,
    Source,
    TocEntry,
)
from gongwen.plugin import Exporter, hookimpl
from gongwen.textsafe import safe_text

NS = "urn:gongwen:1"
META_FIELDS = ("title", "doc_type", "region", "region_short", "region_level", "year", "review_year", "date",
               "speaker", "meeting")
SOURCE_FIELDS = ("path", "format", "encoding", "script", "sha256", "chars")
INDICATOR_FIELDS = tuple(f for f in Indicator.__dataclass_fields__ if f != "text")
NUMERIC = {"value", "value_base", "change", "value_max", "change_max"}
INTEGER = {"year", "review_year", "chars", "period", "period_start", "offset", "ordinal", "level"}
_TEXT_ESCAPES = re.compile("[&<>\r]")
_TEXT_TABLE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES = re.compile('[&<>"\n\r\t]')
_ATTR_TABLE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
                             "\t": "&#9;"})
_INDENTS = ["\n" + "  " * min(level, 30) for level in range(31)]
NODE_ATTRS = ("id", "kind", "marker", "style", "ordinal", "title", "span")
LONG = 64  # lists this long are written in pieces


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _s(value: object) -> str:
    if isinstance(value, list):  # a span: "start end"
        return " ".join(str(v) for v in value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _text(value: object) -> str:
    """Element text as written (``write`` makes it safe)."""
    text = value if value.__class__ is str else _s(value)
    return text.translate(_TEXT_TABLE) if _TEXT_ESCAPES.search(text) else text


def _attributes(names: tuple[str, ...], values: tuple[object, ...]) -> str:
    """`` name="value"`` for every value that is not None."""
    out = ""
    for name, value in zip(names, values, strict=True):
        if value is None:
            continue
        cls = value.__class__
        if cls is int:
            out += f' {name}="{int.__repr__(value)}"'
            continue
        if cls is list and len(value) == 2 and value[0].__class__ is int and value[1].__class__ is int:
            out += f' {name}="{value[0]} {value[1]}"'
            continue
        text = value if cls is str else _s(value)
        out += f' {name}="{text.translate(_ATTR_TABLE) if _ATTR_ESCAPES.search(text) else text}"'
    return out


def _plain(*texts: Any) -> bool:
    """Whether every one of ``texts`` is a str that needs no escaping in an attribute."""
    return all(t.__class__ is str for t in texts) and not _ATTR_ESCAPES.search("".join(texts))


def _span(span: object) -> str | None:
    """`` span="a b"`` for a span of two ints, "" for None; None for anything else."""
    if span is None:
        return ""
    if span.__class__ is list and len(span) == 2 and span[0].__class__ is int and span[1].__class__ is int:
        return f' span="{span[0]} {span[1]}"'
    return None


def _node_attributes(node: Node) -> str:
    """The attributes of ``<node>``: one template for the usual types, else :func:`_attributes`."""
    i, k, m, s, o, t = node.id, node.kind, node.marker, node.style, node.ordinal, node.title
    span = _span(node.span)
    if span is not None and (o is None or o.__class__ is int) and _plain(i, k, m, s, t):
        ordinal = "" if o is None else f' ordinal="{o}"'
        return f' id="{i}" kind="{k}" marker="{m}" style="{s}"{ordinal} title="{t}"{span}'
    return _attributes(NODE_ATTRS, (i, k, m, s, o, t, node.span))


def _indent(level: int) -> str:
    return _INDENTS[level] if level < 30 else _INDENTS[30]


def _leaf(tag: str, attrs: str, text: object) -> str:
    return f"<{tag}{attrs}/>" if text is None else f"<{tag}{attrs}>{_text(text)}</{tag}>"


def _row(row: list[str], level: int | None) -> str:
    """A table row; ``level`` None inside an element with text (written on one line)."""
    if not row:
        return "<row/>"
    if level is None:
        return "<row>" + "".join([_leaf("cell", "", cell) for cell in row]) + "</row>"
    pad = _indent(level + 1)
    return "<row>" + "".join([pad + _leaf("cell", "", cell) for cell in row]) + _indent(level) + "</row>"


def _block(block: Block, level: int) -> str:
    span = _span(block.span)
    if span is not None and _plain(block.type):
        attrs = f' type="{block.type}"{span}'
    else:
        attrs = _attributes(("type", "span"), (block.type, block.span))
    if not block.rows:
        return _leaf("block", attrs, block.text)
    if block.text is not None:
        return f"<block{attrs}>{_text(block.text)}{''.join([_row(row, None) for row in block.rows])}</block>"
    pad = _indent(level + 1)
    return f"<block{attrs}>{''.join([pad + _row(row, level + 1) for row in block.rows])}{_indent(level)}</block>"


def _list(tag: str, items: list[Any], level: int, item: Any) -> str:
    """``<tag>`` holding one line per item, or ``<tag/>``."""
    if not items:
        return f"<{tag}/>"
    pad = _indent(level + 1)
    return f"<{tag}>" + "".join([pad + item(x, level + 1) for x in items]) + _indent(level) + f"</{tag}>"


def _items(tag: str, items: list[Any], level: int, item: Any) -> Iterator[str]:
    """What ``_list`` gives, in pieces (a long list would be one string the size of the output)."""
    if len(items) < LONG:
        yield _list(tag, items, level, item)
        return
    yield f"<{tag}>"
    pad = _indent(level + 1)
    for x in items:
        yield pad + item(x, level + 1)
    yield _indent(level) + f"</{tag}>"


def _nodes(nodes: list[Node], level: int) -> Iterator[str]:
    """``<outline>`` at ``level`` with every subtree in it, in pieces (a stack, so any depth)."""
    if not nodes:
        yield "<outline/>"
        return
    yield "<outline>"
    stack = [(iter(nodes), level + 1, _indent(level) + "</outline>")]  # per open list: nodes, level, closing
    while stack:
        frame = stack[-1]
        node = next(frame[0], None)
        if node is None:
            stack.pop()
            yield frame[2]
            continue
        level = frame[1]
        pad = _indent(level + 1)
        attrs = _node_attributes(node)
        if len(node.body) < LONG:
            head = f"{_indent(level)}<node{attrs}>{pad}{_list('body', node.body, level + 1, _block)}{pad}"
        else:
            yield f"{_indent(level)}<node{attrs}>{pad}"
            yield from _items("body", node.body, level + 1, _block)
            head = pad
        if node.children:
            yield head + "<children>"
            stack.append((iter(node.children), level + 2, f"{pad}</children>{_indent(level)}</node>"))
        else:
            yield f"{head}<children/>{_indent(level)}</node>"


def _entry(entry: TocEntry, level: int) -> str:
    return _leaf("entry", _attributes(("level", "marker", "title"), (entry.level, entry.marker, entry.title)), None)


def _indicator(ind: Indicator, level: int) -> str:
    return _leaf("indicator", _attributes(INDICATOR_FIELDS, tuple(getattr(ind, k) for k in INDICATOR_FIELDS)), ind.text)


def _diagnostic(d: Diagnostic, level: int) -> str:
    return _leaf("diagnostic", _attributes(("code", "message", "offset"), (d.code, d.message, d.offset)), d.text)


def _pieces(doc: Document) -> Iterator[str]:
    """The XML text of ``doc`` in pieces, not yet made safe."""
    pad = _indent(1)
    meta = "".join([_indent(2) + _leaf(key, "", value) for key in META_FIELDS
                    if (value := getattr(doc.meta, key)) is not None])
    source = _leaf("source", _attributes(SOURCE_FIELDS, tuple(getattr(doc.meta.source, k) for k in SOURCE_FIELDS)),
                   None)
    root = f'<document xmlns="{NS}"{_attributes(("schema",), (doc.schema,))}>'
    yield f"<?xml version='1.0' encoding='UTF-8'?>\n{root}{pad}<meta>{meta}{_indent(2)}{source}{pad}</meta>{pad}"
    yield from _items("front", doc.front, 1, _block)
    yield pad
    yield from _items("toc", doc.toc, 1, _entry)
    yield pad
    yield from _nodes(doc.outline, 1)
    yield pad
    yield from _items("back", doc.back, 1, _block)
    yield pad
    yield from _items("indicators", doc.indicators, 1, _indicator)
    yield pad
    yield from _items("diagnostics", doc.diagnostics, 1, _diagnostic)
    yield "\n</document>\n"


@gc_paused()
def write(doc: Document, stream: BinaryIO, options: dict[str, Any]) -> None:
    """Write ``doc`` as XML."""
    batch: list[str] = []
    for piece in _pieces(doc):
        batch.append(piece)
        if len(batch) >= 4096:
            stream.write(safe_text("".join(batch)).encode("utf-8"))
            batch.clear()
    stream.write(safe_text("".join(batch)).encode("utf-8"))


# ---- reading back ---------------------------------------------------------
def _value(key: str, raw: str | None) -> object:
    if raw is None:
        return None
    if key in NUMERIC:
        return float(raw)
    if key in INTEGER:
        return int(raw)
    if key == "span":
        return [int(v) for v in raw.split()]
    return raw


def _attrs(el: etree._Element, keys: tuple[str, ...]) -> dict[str, object]:
    return {k: _value(k, el.get(k)) for k in keys if el.get(k) is not None}


def _read_block(el: etree._Element) -> Block:
    rows = [[c.text or "" for c in r.iterchildren(_q("cell"))] for r in el.iterchildren(_q("row"))]
    return Block(type=el.get("type", "paragraph"), text=el.text or "", rows=rows or None,
                 span=_value("span", el.get("span")))


def _read_node(el: etree._Element) -> Node:
    """The Node of a ``<node>`` element and its subtree (a stack, so any depth reads)."""
    root: list[Node] = []
    stack = [(el, root)]
    while stack:
        el, siblings = stack.pop()
        node = Node(
            id=el.get("id"), kind=el.get("kind"), marker=el.get("marker", ""), style=el.get("style", "none"),
            ordinal=_value("ordinal", el.get("ordinal")), title=el.get("title", ""),
            span=_value("span", el.get("span")),
            body=[_read_block(b) for b in el.find(_q("body")).iterchildren(_q("block"))],
        )
        siblings.append(node)
        children = list(el.find(_q("children")).iterchildren(_q("node")))
        stack.extend((child, node.children) for child in reversed(children))
    return root[0]


def read_xml(data: bytes) -> Document:
    """Parse XML written by this exporter back into a Document (no entities, no network)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(data, parser)
    meta_el = root.find(_q("meta"))
    meta = Meta(**{k: _value(k, e.text or "") for k in META_FIELDS if (e := meta_el.find(_q(k))) is not None})
    meta.source = Source(**_attrs(meta_el.find(_q("source")), SOURCE_FIELDS))
    return Document(
        schema=root.get("schema"),
        meta=meta,
        front=[_read_block(b) for b in root.find(_q("front"))],
        toc=[TocEntry(**_attrs(e, ("level", "marker", "title"))) for e in root.find(_q("toc"))],
        outline=[_read_node(n) for n in root.find(_q("outline"))],
        back=[_read_block(b) for b in root.find(_q("back"))],
        indicators=[Indicator(text=e.text or "", **_attrs(e, INDICATOR_FIELDS)) for e in root.find(_q("indicators"))],
        diagnostics=[Diagnostic(text=e.text or "", **_attrs(e, ("code", "message", "offset")))
                     for e in root.find(_q("diagnostics"))],
    )


@hookimpl
def gongwen_exporters() -> list[Exporter]:
    """Contribute the XML exporter."""
    return [Exporter("xml", "xml", "XML mirroring the JSON form (gongwen schema xsd)", write,
                     text=True)]
