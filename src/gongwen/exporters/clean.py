"""Make a Document writable in any format: every string passes :func:`gongwen.textsafe.safe_text`.

Documents from :func:`gongwen.parse` are already clean (the normaliser
sanitises); this guards documents built by hand or by plugins.
"""

from __future__ import annotations

from typing import Any

from gongwen.model import Document
from gongwen.textsafe import UNSAFE, safe_text


def _clean(value: Any) -> tuple[Any, bool]:
    if isinstance(value, str):
        return (safe_text(value), True) if UNSAFE.search(value) else (value, False)
    if isinstance(value, dict):
        changed = False
        out = {}
        for k, v in value.items():
            out[k], c = _clean(v)
            changed |= c
        return out, changed
    if isinstance(value, list):
        items = [_clean(v) for v in value]
        return [v for v, _ in items], any(c for _, c in items)
    return value, False


def clean_document(doc: Document) -> Document:
    """``doc`` itself when every string is writable, else a cleaned copy."""
    data, changed = _clean(doc.to_dict())
    return Document.from_dict(data) if changed else doc
