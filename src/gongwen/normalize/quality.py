"""Warnings about the text itself: mojibake, failed substitutions, truncation. Nothing is changed."""

from __future__ import annotations

import re

from gongwen.model import Diagnostic
from gongwen.normalize.edits import OffsetMap

MOJIBAKE = re.compile(r"\?{2,}|\ufffd+")
# A regular-expression substitution that failed upstream and left its group references ($1.$2倍).
SUBSTITUTION_LEFT = re.compile(r"\$\d(?:\.?\$\d)*")
FINAL_PUNCTUATION = "。！？!?”」』）)…—."
MAX_REPORTED = 20


def check_quality(text: str, offsets: OffsetMap | None = None) -> list[Diagnostic]:
    """Flag suspected mojibake (``??``, U+FFFD), a failed substitution's ``$1`` and a text that ends mid-sentence."""
    source = offsets.to_source if offsets is not None else (lambda pos: pos)
    diags = []
    hits = list(MOJIBAKE.finditer(text)) if "??" in text or "\ufffd" in text else []
    for m in hits[:MAX_REPORTED]:
        diags.append(Diagnostic("mojibake-suspected", "garbled characters (lost in an earlier encoding)",
                                source(m.start()), m.group()))
    if len(hits) > MAX_REPORTED:
        diags.append(Diagnostic("mojibake-suspected", f"{len(hits) - MAX_REPORTED} more garbled spans", None, ""))
    left = list(SUBSTITUTION_LEFT.finditer(text))
    if left:
        diags.append(Diagnostic("corrupt-suspected", f"{len(left)} group references of a failed substitution "
                                "($1, $2) stand in for text lost before this file was saved; figures there are "
                                "not read", source(left[0].start()), left[0].group()))
    tail = text.rstrip()
    if tail and tail[-1] not in FINAL_PUNCTUATION:
        diags.append(Diagnostic("truncated-suspected", "the text ends in mid-sentence",
                                source(len(tail) - 1) + 1, tail[-20:]))
    return diags
