"""The "nothing lost silently" check: letters and digits of a source that a parsed document no longer holds."""

from __future__ import annotations

import unicodedata

from gongwen.model import Document
from gongwen.normalize.script import t2s, traditional_share


def lost_characters(source_text: str, doc: Document) -> set[str]:
    """Letters and digits of ``source_text`` found neither in the tree nor in a diagnostic.

    A character counts as kept in the documented normalised form too: simplified
    (for traditional text) or NFKC (full-width → half-width).
    """
    kept = set("".join(doc.strings(source=False)))
    convert = t2s() if traditional_share(source_text) > 0 else (lambda s: s)
    return {c for c in set(source_text) if c.isalnum() and c not in kept and convert(c) not in kept
            and unicodedata.normalize("NFKC", c) not in kept}
