"""The "nothing lost silently" check: letters and digits of a source that a parsed document no longer holds."""

from __future__ import annotations

import unicodedata
from typing import Any

from gongwen.model import Document
from gongwen.normalize.script import t2s, traditional_share


def _strings(value: Any, out: list[str]) -> None:
    """Every string of a JSON form, ``source`` metadata left out."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            if k != "source":
                _strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out)


def lost_characters(source_text: str, doc: Document) -> set[str]:
    """Letters and digits of ``source_text`` found neither in the tree nor in a diagnostic.

    A character counts as kept in the documented normalised form too: simplified
    (for traditional text) or NFKC (full-width → half-width).
    """
    strings: list[str] = []
    _strings(doc.to_dict(), strings)
    kept = set("".join(strings))
    convert = t2s() if traditional_share(source_text) > 0 else (lambda s: s)
    return {c for c in source_text if c.isalnum() and c not in kept and convert(c) not in kept
            and unicodedata.normalize("NFKC", c) not in kept}
