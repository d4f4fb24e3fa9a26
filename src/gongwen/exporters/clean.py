"""Make a Document writable in any format: every string passes :func:`gongwen.textsafe.safe_text`.

Documents from :func:`gongwen.parse` are already clean (the normaliser
sanitises); this guards documents built by hand or by plugins. Checking every
string costs a walk over the document, so writers that write out every string
they use (JSON, Markdown, XLSX) check what they write instead
(:func:`checked`), and write the cleaned document only when that finds
something; the XML writer makes its text safe as it writes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from gongwen.model import Document
from gongwen.textsafe import UNSAFE, safe_text

# An unsafe character as written: itself, or json's escape of a control character (\u0001, \b, \f; a
# backslash written before b or f in the text is taken for one too, which costs a second writing only).
WRITTEN_UNSAFE = re.compile(UNSAFE.pattern + r"|\\(?:u00[01]|[bf])")
_SUSPECT = re.compile(UNSAFE.pattern[:-1] + r"\\]")  # one character class: a fast scan first


class UnsafeText(Exception):
    """Text being written holds an unsafe character: write the cleaned document instead."""


def checked(texts: Iterable[str]) -> Iterator[str]:
    """``texts`` unchanged; UnsafeText at the first that holds an unsafe character (or json's escape of one).

    When a writer's text holds none and the writer writes every string it uses (or only compares it
    with constants), cleaning the document first would have changed nothing.
    """
    for text in texts:
        if _SUSPECT.search(text) and WRITTEN_UNSAFE.search(text):
            raise UnsafeText
        yield text


def _clean(data: Any) -> Any:
    """A copy of a JSON form with every string made safe (a stack, so any depth)."""
    root = [data]
    stack: list[Any] = [root]
    while stack:
        container = stack.pop()
        for key in list(container.keys() if isinstance(container, dict) else range(len(container))):
            value = container[key]
            if isinstance(value, str):
                container[key] = safe_text(value)
            elif isinstance(value, (dict, list)):
                container[key] = value.copy()
                stack.append(container[key])
    return root[0]


def clean_document(doc: Document) -> Document:
    """``doc`` itself when every string is writable, else a cleaned copy."""
    if not any(map(UNSAFE.search, doc.strings())):
        return doc
    return Document.from_dict(_clean(doc.to_dict()))
