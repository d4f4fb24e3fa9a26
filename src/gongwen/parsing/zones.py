"""Document zones: lift back matter (notes, endnotes, glossaries, appendices) off the end of the body.

Back matter is recognised from how such parts are built, not from any one
document: it sits in the second half of the text, or after the closing appeal
(各位代表，…让我们…！), and starts either at a short line of its own that names
it (注释, 《政府工作报告》附注, 名词解释和说明, 附件1 …), at a rule line
(――――) followed by a note (``①``, ``[1]``, ``注：1、``), at a run of paragraphs that
open with note numbers counting from 1 (``[1]``, ``［1］``, ``注1``), or, after the
closing appeal, at a short line heading a list numbered from 1 (2023年10件惠民实事 /
一、…): a list that follows the body as an appendix. Everything from there to the
end is back matter; its numbering is never a heading.
"""

from __future__ import annotations

import re

from gongwen.model import Block
from gongwen.parsing.paragraphs import Para

BACK_HEADINGS = (  # (pattern of the heading line, block type of what follows), searched in a short line
    (re.compile(r"名词解释|名词注释|名词解析|术语解释|用语说明"), "glossary"),  # 《…》有关名词解释, 附部分用语说明
    (re.compile(r"^(?:注|说明|资料来源)$|(?:注释|注解|附注)$"), "note"),  # 《政府工作报告》附注
    (re.compile(r"^(?:附件|附录|附表|附)[一二三四五六七八九十\d]*$"), "appendix"),  # 附件1, 附：
)
MAX_BACK_HEADING = 14
# The closing appeal: an address to the audience that calls on it (各位代表，…让我们…奋斗！).
ADDRESSES = ("各位代表", "同志们", "代表们", "各位委员")
APPEAL = "让我们"
TRAILING_LABEL = re.compile(r"(?<=[。！!])(?:附件|附录|附表)[一二三四五六七八九十\d]*$")
TRAILING_LABEL_LAST = frozenset("件录表一二三四五六七八九十0123456789")
MAX_LIST_HEADING = 30
FIRST_ITEM = re.compile(r"^(?:一、|[（(]一[)）]|1[.．、](?!\d))")  # a list numbered from 1
NOTE_MARK = re.compile(r"^(?:[\[［〔【](\d{1,3})[\]］〕】]|注\s*(\d{1,3})[：:.．、\s])")
NOTE_LABEL = re.compile(r"^注[：:]")  # 注：1、本公报为初步统计数。 / 注：公报中各项数字…
# A rule line (――――, ------) that sets notes apart from the body, the notes after it often numbered ①②.
RULE_LINE = re.compile(r"^\s*[-—―－_=＝─━]{2,}[-—―－_=＝─━\s]*$")  # (―― alone: as short as two)
CIRCLED_NOTE = re.compile(r"^[①-⑳]")
HEADING_DECORATION = re.compile(r"[\s\u3000*#：:，,]")
NOT_A_NAME = re.compile(r"[。；;！？!?]")  # a sentence, not a heading
MIN_NOTES = 2


def _back_heading(text: str) -> str | None:
    """The block type of the back matter a heading line opens, or None."""
    if NOT_A_NAME.search(text):  # (no decoration is a sentence end: looked for before removing it)
        return None
    bare = HEADING_DECORATION.sub("", text)
    if len(bare) > MAX_BACK_HEADING:
        return None
    return next((kind for pattern, kind in BACK_HEADINGS if pattern.search(bare)), None)


def _note_number(para: Para) -> int | None:
    m = NOTE_MARK.match(para.text)
    return int(m.group(1) or m.group(2)) if m else None


def split_back(paras: list[Para]) -> tuple[list[Para], list[Block]]:
    """Split ``paras`` into the body and the back matter at its end (as blocks)."""
    closing = _closing(paras)
    half = min(len(paras) // 2, closing + 1)
    start, kind = None, "note"
    for i in range(half, len(paras)):
        if not paras[i].stands_alone:
            continue
        heading_kind = _back_heading(paras[i].text)
        if heading_kind is not None:
            start, kind = i, heading_kind
            break
        if closing < i and closing >= len(paras) // 2 and _heads_a_list(paras, i):  # a closing in the body's end
            start, kind = i, "appendix"
            break
        if RULE_LINE.match(paras[i].text) and i + 1 < len(paras) and (
                _note_number(paras[i + 1]) == 1 or CIRCLED_NOTE.match(paras[i + 1].text)
                or NOTE_LABEL.match(paras[i + 1].text)):
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


def _closing(paras: list[Para]) -> int:
    """Index of the last closing appeal, or past the end when there is none."""
    for i in range(len(paras) - 1, -1, -1):
        text = paras[i].text
        if text[-1:] in TRAILING_LABEL_LAST:
            text = TRAILING_LABEL.sub("", text)  # …再谱新篇章！附件1: the label of what follows, run into the appeal
        if paras[i].stands_alone and text.startswith(ADDRESSES) and APPEAL in text and text.endswith(("。", "！", "!")):
            return i
    return len(paras)


def _heads_a_list(paras: list[Para], i: int) -> bool:
    """A short line that heads a list numbered from 1 (2023年10件惠民实事 / 一、交通物流惠民工程…)."""
    text = paras[i].text
    return (len(text) <= MAX_LIST_HEADING and not NOT_A_NAME.search(text) and FIRST_ITEM.match(text) is None
            and i + 1 < len(paras) and paras[i + 1].stands_alone and FIRST_ITEM.match(paras[i + 1].text) is not None)

