"""Normalisation: each step is ``text -> (text, diagnostics)``; the pipeline runs them in order.

sanitise → pinyin → script → chrome → page furniture → wrapped lines → quality checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongwen.model import Diagnostic
from gongwen.normalize.chrome import remove_chrome
from gongwen.normalize.edits import OffsetMap
from gongwen.normalize.pages import remove_page_furniture
from gongwen.normalize.pinyin import remove_pinyin
from gongwen.normalize.quality import check_quality
from gongwen.normalize.sanitize import sanitize
from gongwen.normalize.script import to_simplified
from gongwen.normalize.wrap import join_wrapped_lines

# Diagnostic codes whose ``text`` was cut from the source (the others only warn).
REMOVING_CODES = frozenset({"boilerplate-removed", "page-marker-removed", "pinyin-annotation-removed",
                            "running-header-removed", "toc-leader-removed"})


@dataclass
class Normalized:
    """Normalised text, the source script, and every change made on the way."""

    text: str
    script: str = "simplified"
    diagnostics: list[Diagnostic] = field(default_factory=list)


def normalize(text: str) -> Normalized:
    """Run every normalisation step over ``text``.

    Diagnostic offsets are positions in ``text`` with its line endings made
    ``\n`` (readers already do that), whatever the steps before removed.
    """
    diags: list[Diagnostic] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    offsets = OffsetMap()
    for first in (sanitize, remove_pinyin):
        text, more = first(text, offsets)
        diags += more
    text, script, more = to_simplified(text)  # OpenCC t2s keeps positions
    diags += more
    for step in (remove_chrome, remove_page_furniture, join_wrapped_lines):
        text, more = step(text, offsets)
        diags += more
    diags += check_quality(text, offsets)
    return Normalized(text=text, script=script, diagnostics=diags)
