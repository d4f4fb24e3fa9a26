"""Make a Document writable in any format: every string passes :func:`gongwen.textsafe.safe_text`.

Documents from :func:`gongwen.parse` are already clean (the normaliser
sanitises); this guards documents built by hand or by plugins.
"""

from __future__ import annotations

from typing import Any

from gongwen.model import Document
from gongwen.textsafe import UNSAFE, safe_text


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
