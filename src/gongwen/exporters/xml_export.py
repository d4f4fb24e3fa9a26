"""XML exporter: mirrors the JSON form element for element; ``gongwen schema xsd`` prints its XML Schema.

:func:`read_xml` turns such a file back into the same Document.
"""

from __future__ import annotations

import re
from typing import Any, BinaryIO

from lxml import etree

from gongwen.exporters.clean import clean_document
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

NS = "urn:gongwen:1"
META_FIELDS = ("title", "doc_type", "region", "region_short", "region_level", "year", "review_year", "date",
               "speaker", "meeting")
SOURCE_FIELDS = ("path", "format", "encoding", "script", "sha256", "chars")
INDICATOR_FIELDS = tuple(f for f in Indicator.__dataclass_fields__ if f != "text")
NUMERIC = {"value", "value_base", "change", "value_max", "change_max"}
INTEGER = {"year", "review_year", "chars", "period", "period_start", "offset", "ordinal", "level"}
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _s(value: object) -> str:
    if isinstance(value, list):  # a span: "start end"
        return " ".join(str(v) for v in value)
    if isinstance(value, float):
        return repr(value)
    return _ILLEGAL.sub("\ufffd", str(value))


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: object) -> etree._Element:
    el = etree.SubElement(parent, _q(tag), {k: _s(v) for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = _s(text)
    return el


def _block(parent: etree._Element, block: Block) -> None:
    el = _sub(parent, "block", block.text, type=block.type, span=block.span)
    for row in block.rows or []:
        row_el = _sub(el, "row")
        for cell in row:
            _sub(row_el, "cell", cell)


def _node(parent: etree._Element, node: Node) -> None:
    el = _sub(parent, "node", id=node.id, kind=node.kind, marker=node.marker, style=node.style,
              ordinal=node.ordinal, title=node.title, span=node.span)
    body = _sub(el, "body")
    for block in node.body:
        _block(body, block)
    children = _sub(el, "children")
    for child in node.children:
        _node(children, child)


def to_element(doc: Document) -> etree._Element:
    """The XML tree of ``doc``."""
    doc = clean_document(doc)
    root = etree.Element(_q("document"), nsmap={None: NS}, schema=doc.schema)
    meta = _sub(root, "meta")
    for key in META_FIELDS:
        value = getattr(doc.meta, key)
        if value is not None:
            _sub(meta, key, value)
    _sub(meta, "source", **{k: getattr(doc.meta.source, k) for k in SOURCE_FIELDS})
    front = _sub(root, "front")
    for block in doc.front:
        _block(front, block)
    toc = _sub(root, "toc")
    for entry in doc.toc:
        _sub(toc, "entry", level=entry.level, marker=entry.marker, title=entry.title)
    outline = _sub(root, "outline")
    for node in doc.outline:
        _node(outline, node)
    back = _sub(root, "back")
    for block in doc.back:
        _block(back, block)
    indicators = _sub(root, "indicators")
    for ind in doc.indicators:
        _sub(indicators, "indicator", ind.text, **{k: getattr(ind, k) for k in INDICATOR_FIELDS})
    diagnostics = _sub(root, "diagnostics")
    for d in doc.diagnostics:
        _sub(diagnostics, "diagnostic", d.text, code=d.code, message=d.message, offset=d.offset)
    return root


def write(doc: Document, stream: BinaryIO, options: dict[str, Any]) -> None:
    """Write ``doc`` as XML."""
    stream.write(etree.tostring(to_element(doc), xml_declaration=True, encoding="UTF-8", pretty_print=True))


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
    return Node(
        id=el.get("id"), kind=el.get("kind"), marker=el.get("marker", ""), style=el.get("style", "none"),
        ordinal=_value("ordinal", el.get("ordinal")), title=el.get("title", ""), span=_value("span", el.get("span")),
        body=[_read_block(b) for b in el.find(_q("body")).iterchildren(_q("block"))],
        children=[_read_node(c) for c in el.find(_q("children")).iterchildren(_q("node"))],
    )


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
