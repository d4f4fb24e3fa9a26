"""DocBook-like XML reader (.xml, .dbk): open-data reports made of sections, titles, paragraphs and lists.

``<article>``/``<book>`` with nested ``<section>``/``<chapter>``/``<sect1-5>``,
each ``<title>`` a heading whose level is its section depth; ``<para>`` and list
items become paragraphs, ``<table>``/``<informaltable>`` rows, ``<figure>`` and
``<mediaobject>`` figure captions. Namespaced (DocBook 5) or not, the local
names count. Parsed with no DTD, no entity expansion and no network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gongwen.errors import InputError
from gongwen.model import Diagnostic
from gongwen.plugin import Reader, SourceText, hookimpl
from gongwen.readers.tables import table_line
from gongwen.readers.text import read_bytes

MAX_BYTES = 64 * 1024 * 1024
GONGWEN_NS = "urn:gongwen:1"
SECTIONS = {"section", "chapter", "part", "appendix", "preface", "sect1", "sect2", "sect3", "sect4", "sect5",
            "simplesect", "refsection"}
PARAS = {"para", "simpara", "literallayout", "programlisting", "address", "remark", "bridgehead", "term"}
TABLES = {"table", "informaltable"}
FIGURES = {"figure", "informalfigure", "mediaobject", "inlinemediaobject"}
SKIP = {"info", "articleinfo", "bookinfo", "sectioninfo", "indexterm", "titleabbrev", "subtitle", "keywordset"}
BLOCKS = SECTIONS | PARAS | TABLES | FIGURES | {"itemizedlist", "orderedlist", "variablelist", "note", "tip",
                                                 "warning", "important", "caution", "blockquote", "formalpara"}


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(el: Any) -> str:
    """Inline text of ``el`` (entity references left out), whitespace collapsed."""
    return " ".join("".join(t for t in el.itertext() if isinstance(t, str)).split())


def _child(el: Any, name: str) -> Any:
    for child in el:
        if _local(child) == name:
            return child
    for info in el:
        if _local(info) in ("info", "articleinfo", "bookinfo", "sectioninfo"):
            found = _child(info, name)
            if found is not None:
                return found
    return None


class _Collector:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.levels: dict[int, int] = {}
        self.tables: dict[int, list[list[str]]] = {}
        self.figures: set[int] = set()

    def add(self, text: str, level: int | None = None) -> None:
        text = " ".join(text.split())
        if text:
            if level is not None:
                self.levels[len(self.lines)] = level
            self.lines.append(text)

    def table(self, el: Any) -> None:
        title = _child(el, "title")
        if title is not None:
            self.add(_text(title))
        rows = [[" ".join(_text(e).split()) for e in row if _local(e) in ("entry", "entrytbl")]
                for row in el.iter() if _local(row) == "row"]
        rows = [r for r in rows if any(r)]
        if rows:
            self.tables[len(self.lines)] = rows
            self.lines.append(table_line(rows))

    def figure(self, el: Any) -> None:
        caption = next((_text(c) for c in (_child(el, "title"), _child(el, "caption")) if c is not None), "")
        if not caption:
            phrase = next((p for p in el.iter() if _local(p) in ("phrase", "alt")), None)
            caption = _text(phrase) if phrase is not None else ""
        if not caption:
            data = next((d for d in el.iter() if _local(d) in ("imagedata", "graphic")), None)
            caption = (data.get("fileref") or "").rsplit("/", 1)[-1] if data is not None else ""
        if caption:
            self.figures.add(len(self.lines))
            self.lines.append(" ".join(caption.split()))

    def mixed(self, el: Any, depth: int) -> None:
        """A paragraph-like element: its inline text, with any block inside it read in place."""
        pieces = [el.text or ""]
        for child in el:
            if _local(child) in BLOCKS:
                self.add("".join(pieces))
                pieces = []
                self.visit(child, depth)
            elif isinstance(child.tag, str):
                pieces.append(_text(child))
            pieces.append(child.tail or "")
        self.add("".join(pieces))

    def visit(self, el: Any, depth: int) -> None:
        name = _local(el)
        if name in SKIP or not name:
            return
        if name in SECTIONS:
            title = _child(el, "title")
            if title is not None:
                self.add(_text(title), depth)
            for child in el:
                if child is not title:
                    self.visit(child, depth + 1)
        elif name in TABLES:
            self.table(el)
        elif name in FIGURES:
            self.figure(el)
        elif name in PARAS:
            self.mixed(el, depth)
        elif name == "title":
            self.add(_text(el))
        else:
            for child in el:
                self.visit(child, depth)


def read(path: Path, options: dict[str, Any]) -> SourceText:
    """Read a DocBook-like XML file: sections as heading hints, paragraphs, lists, tables, figures."""
    from lxml import etree

    data = read_bytes(path, MAX_BYTES)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True, encoding=options.get("encoding"))
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError, LookupError) as exc:
        raise InputError(f"{path}: not well-formed XML ({exc})") from None
    if root.tag.startswith(f"{{{GONGWEN_NS}}}"):
        raise InputError(f"{path}: a gongwen XML export, not a source document")
    collector = _Collector()
    title = _child(root, "title")
    if title is not None:
        collector.add(_text(title))
    for child in root:
        if child is not title:
            collector.visit(child, 1)
    if not collector.lines:
        raise InputError(f"{path}: empty document (no text in the XML)")
    diags = []
    if any(isinstance(e, etree._Entity) for e in root.iter(etree.Entity)):
        diags.append(Diagnostic("entity-not-expanded", "XML entity references were left out (never expanded)"))
    source = SourceText("\n".join(collector.lines), "docbook", "utf-8", diags, collector.levels, collector.tables)
    source.figures = collector.figures
    return source


@hookimpl
def gongwen_readers() -> list[Reader]:
    """Contribute the DocBook-like XML reader."""
    return [Reader("docbook", ("xml", "dbk"), "DocBook-like XML (sections, titles, paragraphs, lists)", read)]
