"""Warnings about the text itself: mojibake and truncation. Nothing is changed."""

from __future__ import annotations

import re

from gongwen.model import Diagnostic
from gongwen.normalize.edits import OffsetMap

MOJIBAKE = re.compile(r"\?{2,}|\ufffd+")
FINAL_PUNCTUATION = "。！？!?”」』）)…—."
MAX_REPORTED = 20


def check_quality(text: str, offsets: OffsetMap | None = None) -> list[Diagnostic]:
    """Flag suspected mojibake (``??``, U+FFFD) and a text that ends mid-sentence."""
    source = offsets.to_source if offsets is not None else (lambda pos: pos)
    diags = []
    hits = list(MOJIBAKE.finditer(text)) if "??" in text or "\ufffd" in text else []
    for m in hits[:MAX_REPORTED]:
        diags.append(Diagnostic("mojibake-suspected", "garbled characters (lost in an earlier encoding)",
                                source(m.start()), m.group()))
    if len(hits) > MAX_REPORTED:
        diags.append(Diagnostic("mojibake-suspected", f"{len(hits) - MAX_REPORTED} more garbled spans", None, ""))
    tail = text.rstrip()
    if tail and tail[-1] not in FINAL_PUNCTUATION:
        diags.append(Diagnostic("truncated-suspected", "the text ends in mid-sentence",
                                source(len(tail) - 1) + 1, tail[-20:]))
    return diags
