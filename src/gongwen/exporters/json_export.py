"""JSON exporter: the CONTRACT form, UTF-8, stable key order, byte-identical for the same input.

The text is what ``json.dumps(doc.to_dict(), ensure_ascii=False, indent=1)``
gives, written from the model with templates and a stack instead (so it is
fast and any depth writes), except that indentation stops growing at
``MAX_INDENT`` spaces, as libxml2's does for the XML.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, fields
from functools import cache
from json.encoder import encode_basestring as enc
from typing import Any, BinaryIO

from gongwen.exporters.clean import UnsafeText, checked, clean_document
from gongwen.gcpause import gc_paused
from gongwen.model import Block, Document, Node
from gongwen.plugin import Exporter, hookimpl

MAX_INDENT = 60
_PADS = ["\n" + " " * d for d in range(MAX_INDENT + 1)]
_FLOATS = {float("inf"): "Infinity", float("-inf"): "-Infinity"}
LONG = 64  # lists this long are written in pieces


def _pad(depth: int) -> str:
    """A newline and the indentation of ``depth`` (which stops growing at MAX_INDENT)."""
    return _PADS[depth] if depth < MAX_INDENT else _PADS[MAX_INDENT]


def _scalar(value: Any, depth: int) -> str:
    """A JSON value holding no list (anything else is left to ``json``)."""
    cls = value.__class__
    if cls is str:
        return enc(value)
    if value is None:
        return "null"
    if cls is int:
        return int.__repr__(value)
    if cls is float:
        return "NaN" if value != value else _FLOATS.get(value) or float.__repr__(value)
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", _pad(depth))


def _value(value: Any, depth: int) -> str:
    """A scalar, or a list of scalars or of lists of scalars (spans, table rows)."""
    if value.__class__ is not list:
        return _scalar(value, depth)
    if not value:
        return "[]"
    pad = _pad(depth + 1)
    return "[" + pad + ("," + pad).join([_scalar(v, depth + 1) if v.__class__ is not list else _value(v, depth + 1)
                                         for v in value]) + _pad(depth) + "]"


@cache
def _keys(cls: type) -> list[tuple[str, str]]:
    """A dataclass's field names, each with its key as written (``"name": ``)."""
    return [(f.name, enc(f.name) + ": ") for f in fields(cls)]


def _flat(obj: Any, depth: int) -> str:
    """A TocEntry, Indicator or Diagnostic: every field a scalar or a span."""
    d1 = depth + 1
    pad = _pad(d1)
    values = obj.__dict__
    return ("{" + pad + ("," + pad).join([key + (enc(v) if (v := values[name]).__class__ is str else "null" if v is None
                                                 else _value(v, d1)) for name, key in _keys(obj.__class__)])
            + _pad(depth) + "}")


def _span(span: Any, depth: int) -> str:
    if span.__class__ is list and len(span) == 2 and span[0].__class__ is int and span[1].__class__ is int:
        pad = _pad(depth + 1)
        return f"[{pad}{span[0]},{pad}{span[1]}{_pad(depth)}]"
    return _value(span, depth)


def _block(block: Block, depth: int) -> str:
    # The hot templates spell out the common case (a str field) instead of calling _scalar: half the time.
    d1 = depth + 1
    pad = _pad(d1)
    kind, text = block.type, block.text
    rows = "" if block.rows is None else f',{pad}"rows": {_value(block.rows, d1)}'
    return (f'{{{pad}"type": {enc(kind) if kind.__class__ is str else _scalar(kind, d1)},'
            f'{pad}"text": {enc(text) if text.__class__ is str else _scalar(text, d1)}{rows},'
            f'{pad}"span": {"null" if block.span is None else _span(block.span, d1)}{_pad(depth)}}}')


def _list(items: list[Any], depth: int, item: Any) -> str:
    if not items:
        return "[]"
    pad = _pad(depth + 1)
    return "[" + pad + ("," + pad).join([item(x, depth + 1) for x in items]) + _pad(depth) + "]"


def _items(items: list[Any], depth: int, item: Any) -> Iterator[str]:
    """What ``_list`` gives, in pieces (a long list would be one string the size of the output)."""
    if len(items) < LONG:
        yield _list(items, depth, item)
        return
    pad = _pad(depth + 1)
    sep = "[" + pad
    for x in items:
        yield sep + item(x, depth + 1)
        sep = "," + pad
    yield _pad(depth) + "]"


def _nodes(nodes: list[Node], depth: int) -> Iterator[str]:
    """The list ``nodes`` (its ``[`` at ``depth``) with every subtree in it, in pieces (a stack, so any depth)."""
    if not nodes:
        yield "[]"
        return
    stack = [[iter(nodes), depth + 1, "[", _pad(depth) + "]"]]  # per open list: nodes, depth, separator, closing
    while stack:
        frame = stack[-1]
        node = next(frame[0], None)
        if node is None:
            stack.pop()
            yield frame[3]
            continue
        d = frame[1]
        d1 = d + 1
        pad = _pad(d1)
        i, k, m, s, o, t = node.id, node.kind, node.marker, node.style, node.ordinal, node.title
        head = (f'{frame[2]}{_pad(d)}{{{pad}"id": {enc(i) if i.__class__ is str else _scalar(i, d1)},'
                f'{pad}"kind": {enc(k) if k.__class__ is str else _scalar(k, d1)},'
                f'{pad}"marker": {enc(m) if m.__class__ is str else _scalar(m, d1)},'
                f'{pad}"style": {enc(s) if s.__class__ is str else _scalar(s, d1)},'
                f'{pad}"ordinal": {_scalar(o, d1)},{pad}"title": {enc(t) if t.__class__ is str else _scalar(t, d1)},'
                f'{pad}"body": ')
        if len(node.body) < LONG:
            head += _list(node.body, d1, _block)
        else:
            yield head
            yield from _items(node.body, d1, _block)
            head = ""
        head += f',{pad}"children": '
        frame[2] = ","
        tail = f',{pad}"span": {"null" if node.span is None else _span(node.span, d1)}{_pad(d)}}}'
        if node.children:
            yield head
            stack.append([iter(node.children), d + 2, "[", pad + "]" + tail])
        else:
            yield head + "[]" + tail


def _pieces(doc: Document) -> Iterator[str]:
    """The JSON text of ``doc`` in pieces (its strings as they are)."""
    pad = _pad(1)
    meta = json.dumps(asdict(doc.meta), ensure_ascii=False, indent=1).replace("\n", pad)
    yield f'{{{pad}"schema": {_scalar(doc.schema, 1)},{pad}"meta": {meta},{pad}"front": '
    yield from _items(doc.front, 1, _block)
    yield f',{pad}"toc": '
    yield from _items(doc.toc, 1, _flat)
    yield f',{pad}"outline": '
    yield from _nodes(doc.outline, 1)
    yield f',{pad}"back": '
    yield from _items(doc.back, 1, _block)
    yield f',{pad}"indicators": '
    yield from _items(doc.indicators, 1, _flat)
    yield f',{pad}"diagnostics": '
    yield from _items(doc.diagnostics, 1, _flat)
    yield "\n}\n"


def _encoded(pieces: Iterator[str], batch: int = 4096) -> list[bytes]:
    out: list[bytes] = []
    buf: list[str] = []
    for piece in pieces:
        buf.append(piece)
        if len(buf) >= batch:
            out.append("".join(buf).encode("utf-8"))
            buf.clear()
    out.append("".join(buf).encode("utf-8"))
    return out


def dumps(doc: Document) -> str:
    """The JSON form of ``doc`` as text."""
    try:
        return "".join(checked(_pieces(doc)))
    except UnsafeText:
        return "".join(_pieces(clean_document(doc)))


@gc_paused()
def write(doc: Document, stream: BinaryIO, options: dict[str, Any]) -> None:
    """Write ``doc`` as JSON."""
    try:
        data = _encoded(checked(_pieces(doc)))
    except UnsafeText:
        data = _encoded(_pieces(clean_document(doc)))
    stream.writelines(data)


@hookimpl
def gongwen_exporters() -> list[Exporter]:
    """Contribute the JSON exporter."""
    return [Exporter("json", "json", "the document model as JSON (CONTRACT form)", write, text=True)]
