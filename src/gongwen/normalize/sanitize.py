"""The sanitising boundary: text entering the model is valid Unicode text.

Lone surrogates and U+FFFE/U+FFFF become U+FFFD; form feeds and vertical tabs
(page breaks of pdftotext and friends) become newlines; other C0 controls and
DEL are removed. Each kind of change is one diagnostic with its count.
"""

from __future__ import annotations

from gongwen.model import Diagnostic
from gongwen.normalize.edits import OffsetMap
from gongwen.textsafe import CONTROL, INVALID, PAGE_BREAK, UNSAFE


def sanitize(text: str, offsets: OffsetMap | None = None) -> tuple[str, list[Diagnostic]]:
    """Make ``text`` valid document text; report what changed (positions stay mapped to the source)."""
    diags: list[Diagnostic] = []
    if not UNSAFE.search(text):  # one scan for the three kinds below: most text holds none
        return text, diags
    text, n = INVALID.subn("\ufffd", text)
    if n:
        diags.append(Diagnostic("invalid-character-replaced",
                                f"{n} lone surrogates or non-characters replaced with U+FFFD", None, ""))
    text, n = PAGE_BREAK.subn("\n", text)
    if n:
        diags.append(Diagnostic("page-break-as-newline", f"{n} form feeds or vertical tabs read as line breaks",
                                None, ""))
    spans = [(m.start(), m.end()) for m in CONTROL.finditer(text)]
    if spans:
        first = offsets.to_source(spans[0][0]) if offsets is not None else spans[0][0]
        text = CONTROL.sub("", text)
        if offsets is not None:
            offsets.add(spans)
        diags.append(Diagnostic("control-character-removed", f"{len(spans)} control characters removed", first,
                                ""))
    return text, diags
