"""HTML reader (lxml.html): the main content only, paragraph and heading boundaries kept.

Scripts, styles, navigation, headers, footers, sidebars and obvious site
chrome are dropped. The parser never touches the network and expands no
entities.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from gongwen.errors import InputError
from gongwen.model import Diagnostic
from gongwen.plugin import Reader, SourceText, hookimpl
from gongwen.readers.encoding import decode, text_encoding
from gongwen.readers.text import read_bytes

MAX_BYTES = 64 * 1024 * 1024
DROP_TAGS = ("script", "style", "nav", "header", "footer", "aside", "noscript", "form", "iframe", "button",
             "select", "template", "svg", "object", "embed")
CHROME = re.compile(r"(?:^|[\s_-])(?:nav|menu|sidebar|side|footer|header|breadcrumb|crumb|share|comment|ad|ads|"
                    r"advert|recommend|related|login|toolbar|copyright|banner)(?:$|[\s_-])", re.I)
BLOCK_TAGS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "td", "th", "br",
              "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "center", "body"}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


# Declared labels that browsers decode with a superset (WHATWG Encoding Standard).
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "big5": "big5hkscs",
             "iso-8859-1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}


def _charset(data: bytes) -> str | None:
    """The charset a ``<meta charset>`` or http-equiv Content-Type declares, as browsers read it."""
    m = META_CHARSET.search(data[:4096])
    if not m:
        return None
    label = m.group(1).decode("ascii").lower()
    return SUPERSETS.get(label, label)


def _charset_problem(data: bytes, declared: str) -> str:
    """Why the declared charset cannot be trusted ("" when it can): not a text codec, or the bytes disagree."""
    codec = text_encoding(declared)
    if codec is None:
        return "is not a text encoding"
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return "does not decode the page"
    if codec != "utf-8" and not data.isascii():
        try:
            data.decode("utf-8")
            return "is contradicted by the bytes, which are UTF-8"
        except UnicodeDecodeError:
            pass
    return ""


def _content_root(root: Any) -> Any:
    for tag in ("article", "main"):
        found = root.find(f".//{tag}")
        if found is not None and len(found.text_content().strip()) > 200:
            return found
    body = root.find(".//body")
    return body if body is not None else root


def _lines(element: Any, lines: list[str], levels: dict[int, int], current: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag in BLOCK_TAGS

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append(text)
        current.clear()

    if block:
        flush()
    if element.text:
        current.append(element.text)
    for child in element:
        _lines(child, lines, levels, current)
        if child.tail:
            current.append(child.tail)
    if block:
        start = len(lines)
        flush()
        if tag in ("h2", "h3", "h4", "h5", "h6") and len(lines) > start:
            levels[start] = int(tag[1]) - 1


def read(path: Path, options: dict[str, Any]) -> SourceText:
    """Read the main text of an HTML page."""
    import lxml.html

    data = read_bytes(path, MAX_BYTES)
    declared = _charset(data)
    why = _charset_problem(data, declared) if declared else ""
    forced = options.get("encoding") or (None if why else declared)
    text, encoding, diags = decode(data, str(path), forced)
    if why and not options.get("encoding"):
        diags.append(Diagnostic("charset-ignored", f"<meta charset={declared!r}> {why}; decoded as {encoding}",
                                None, ""))
    if not text.strip():
        raise InputError(f"{path}: empty document (no text)")
    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True,
                                  huge_tree=False)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except Exception as exc:  # noqa: BLE001 - lxml raises ParserError/XMLSyntaxError/ValueError
        raise InputError(f"{path}: not readable as HTML ({exc})") from None
    limits = [e for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]
    if limits:  # libxml2 stopped reading (elements nested too deep): the rest of the page would be lost
        raise InputError(f"{path}: refused: {limits[0].message.split(',')[0].lower()} (the rest would be lost)")
    for el in list(root.iter(*DROP_TAGS)):
        el.drop_tree()
    for el in list(root.iter()):
        attrs = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
        if isinstance(el.tag, str) and el.tag not in ("html", "body") and CHROME.search(attrs):
            el.drop_tree()
    lines: list[str] = []
    levels: dict[int, int] = {}
    _lines(_content_root(root), lines, levels, [])
    if not lines:
        raise InputError(f"{path}: empty document (no text in the page)")
    return SourceText("\n".join(lines), "html", encoding, diags, levels)


@hookimpl
def gongwen_readers() -> list[Reader]:
    """Contribute the HTML reader."""
    return [Reader("html", ("html", "htm", "xhtml"), "web pages (main content only)", read)]
