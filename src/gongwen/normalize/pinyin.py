"""Remove pinyin annotations written after characters: 區(qū), 報(bào)告 → 區, 報告."""

from __future__ import annotations

import re

from gongwen.model import Diagnostic
from gongwen.normalize.edits import Cut, OffsetMap, apply_cuts

# A parenthesised lower-case syllable with tone marks, right after a CJK character.
# Parenthesised Chinese such as （三星） or (xx段) does not match.
# (The lookbehind comes after the bracket, so the regex engine skips to brackets at once.)
PINYIN_ANNOTATION = re.compile(
    r"[(（](?<=[\u3400-\u9fff][(（])([a-zü\u00e0-\u01dc\u0300-\u036f\u1e3f\u01f9]{1,7})[)）]"
)
_VOWEL = re.compile(r"[aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")


def remove_pinyin(text: str, offsets: OffsetMap | None = None) -> tuple[str, list[Diagnostic]]:
    """Drop pinyin annotations; each removal becomes a ``pinyin-annotation-removed`` diagnostic."""
    if "(" not in text and "（" not in text:
        return text, []
    cuts = [
        Cut(m.start(), m.end(), "pinyin-annotation-removed", "pinyin annotation after a character")
        for m in PINYIN_ANNOTATION.finditer(text)
        if _VOWEL.search(m.group(1))
    ]
    return apply_cuts(text, cuts, offsets)
