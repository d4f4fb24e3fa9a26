"""The "nothing lost silently" check: letters and digits of a source that a parsed document no longer holds."""

from __future__ import annotations

import unicodedata
from itertools import islice

from gongwen.model import Document
from gongwen.normalize.script import t2s, traditional_share


def lost_characters(source_text: str, doc: Document) -> set[str]:
    """Letters and digits of ``source_text`` found neither in the tree nor in a diagnostic.

    A character counts as kept in the documented normalised form too: simplified
    (for traditional text) or NFKC (full-width → half-width). The document's
    strings are read, in batches that double, until every character is found.
    """
    convert = t2s() if traditional_share(source_text) > 0 else (lambda s: s)
    forms = {c: {c, convert(c), unicodedata.normalize("NFKC", c)} for c in set(source_text) if c.isalnum()}
    strings = doc.strings(source=False)
    kept: set[str] = set()
    size = 1000
    while forms and (batch := list(islice(strings, size))):
        kept.update("".join(batch))
        forms = {c: f for c, f in forms.items() if not f & kept}
        size *= 2
    return set(forms)
