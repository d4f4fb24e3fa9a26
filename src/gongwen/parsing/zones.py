"""Document zones: lift back matter (notes, endnotes, glossaries, appendices) off the end of the body.

Back matter is recognised from how such parts are built, not from any one
document: it sits in the second half of the text and starts either at a
short line of its own that names it (注释, 名词解释, 附件 …), at a rule line
(――――) followed by a note (``①``, ``[1]``), or at a run of paragraphs that
open with note numbers counting from 1 (``[1]``, ``［1］``, ``注1``).
Everything from there to the end is back matter; its numbering is never a
heading.
"""

from __future__ import annotations

import re

from gongwen.model import Block
from gongwen.parsing.paragraphs import Para

BACK_HEADINGS = (  # (pattern of the heading line, block type of what follows)
    (re.compile(r"^(?:名词解释|名词注释|术语解释)$"), "glossary"),
    (re.compile(r"^(?:注释?|注解|附注|资料来源|说明)$"), "note"),
    (re.compile(r"^(?:附件|附录|附表)[一二三四五六七八九十\d]*$"), "appendix"),
)
NOTE_MARK = re.compile(r"^(?:[\[［〔【](\d{1,3})[\]］〕】]|注\s*(\d{1,3})[：:.．、\s])")
# A rule line (――――, ------) that sets notes apart from the body, the notes after it often numbered ①②.
RULE_LINE = re.compile(r"^[-—―－_=＝─━\s]{4,}$")
CIRCLED_NOTE = re.compile(r"^[①-⑳]")
HEADING_DECORATION = re.compile(r"[\s\u3000*#：:]")
MIN_NOTES = 2


def _back_heading(text: str) -> str | None:
    """The block type of the back matter a heading line opens, or None."""
    bare = HEADING_DECORATION.sub("", text)
    if len(bare) > 8:
        return None
    return next((kind for pattern, kind in BACK_HEADINGS if pattern.match(bare)), None)


def _note_number(para: Para) -> int | None:
    m = NOTE_MARK.match(para.text)
    return int(m.group(1) or m.group(2)) if m else None


def split_back(paras: list[Para]) -> tuple[list[Para], list[Block]]:
    """Split ``paras`` into the body and the back matter at its end (as blocks)."""
    half = len(paras) // 2
    start, kind = None, "note"
    for i in range(half, len(paras)):
        if not paras[i].line_start:
            continue
        heading_kind = _back_heading(paras[i].text)
        if heading_kind is not None:
            start, kind = i, heading_kind
            break
        if RULE_LINE.match(paras[i].text) and i + 1 < len(paras) and (
                _note_number(paras[i + 1]) == 1 or CIRCLED_NOTE.match(paras[i + 1].text)):
            start = i
            break
        if _note_number(paras[i]) == 1:
            numbers = [n for p in paras[i:i + 4] if (n := _note_number(p)) is not None]
            if len(numbers) >= MIN_NOTES and numbers == sorted(numbers):
                start = i
                break
    if start is None:
        return paras, []
    back = [Block("table" if p.rows is not None else kind, p.text, p.rows) for p in paras[start:]]
    return paras[:start], back
