"""Normalisation: each step is ``text -> (text, diagnostics)``; the pipeline runs them in order.

sanitise → mojibake → pinyin → script → second copy → chrome → page furniture → opener lines → wrapped lines →
quality checks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from gongwen.model import Diagnostic
from gongwen.normalize.chrome import remove_chrome
from gongwen.normalize.copies import remove_second_copy
from gongwen.normalize.edits import OffsetMap
from gongwen.normalize.mojibake import repair_mojibake
from gongwen.normalize.pages import remove_page_furniture
from gongwen.normalize.pinyin import remove_pinyin
from gongwen.normalize.quality import check_quality
from gongwen.normalize.sanitize import sanitize
from gongwen.normalize.script import to_simplified
from gongwen.normalize.wrap import join_opener_lines, join_wrapped_lines

NEWLINE = re.compile("\n")

# Diagnostic codes whose ``text`` was cut from the source (the others only warn).
REMOVING_CODES = frozenset({"boilerplate-removed", "page-marker-removed", "pinyin-annotation-removed",
                            "running-header-removed", "toc-leader-removed", "duplicate-copy-removed"})


@dataclass
class Normalized:
    """Normalised text, the source script, and every change made on the way."""

    text: str
    script: str = "simplified"
    diagnostics: list[Diagnostic] = field(default_factory=list)
    offsets: OffsetMap = field(default_factory=OffsetMap)  # maps a position of ``text`` to the source

    def source_lines(self, source: str) -> list[int]:
        """For each line of ``text``, the line of ``source`` its first character comes from."""
        starts = [0] + [m.end() for m in NEWLINE.finditer(source)]
        result = []
        pos = 0
        for line in self.text.split("\n"):
            first = pos + (len(line) - len(line.lstrip()))
            result.append(bisect_right(starts, self.offsets.to_source(first)) - 1)
            pos += len(line) + 1
        return result


def normalize(text: str) -> Normalized:
    """Run every normalisation step over ``text``.

    Diagnostic offsets are positions in ``text`` with its line endings made
    ``\n`` (readers already do that), whatever the steps before removed.
    """
    diags: list[Diagnostic] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    offsets = OffsetMap()
    for first in (sanitize, repair_mojibake, remove_pinyin):
        text, more = first(text, offsets)
        diags += more
    text, script, more = to_simplified(text)  # OpenCC t2s keeps positions
    diags += more
    for step in (remove_second_copy, remove_chrome, remove_page_furniture, join_opener_lines, join_wrapped_lines):
        text, more = step(text, offsets)
        diags += more
    diags += check_quality(text, offsets)
    return Normalized(text=text, script=script, diagnostics=diags, offsets=offsets)
