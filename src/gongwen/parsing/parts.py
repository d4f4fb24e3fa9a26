"""Headings without numbers that head a part of the document (2024年工作回顾, 2025年工作安排).

A line is such a heading from the evidence a reader uses, never from its words:

* **shape** — a short line of its own (or indented paragraph of a run-on line), no sentence punctuation,
  not a piece broken out of a sentence (it or the line before ends in 的, the line after opens with 是：), not a caption
  (表1, 图1), a note, a date line or a lead-in to a list (…以下几方面工作);
* **position** — after the front matter (past the salutation or the first
  paragraph of prose);
* **what follows** — the next numbered heading (or enumeration opening a
  paragraph) restarts the numbering at 1, so the run it opens belongs to this
  part; or
* **parallel siblings** — it has the shape (a leading time such as a year,
  过去 or 今后, or the same opening characters) of another line accepted by the rule above, or the
  source set it apart (a line that is all emphasis, **…**) beside other part
  headings or other such lines; or
* **between parts** — it stands between two part headings, past the numbered
  run of the part before it, and prose follows it (主要工作体会 after 一、…六、).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from gongwen.parsing.markers import Candidate
from gongwen.parsing.paragraphs import Para

MIN_CHARS, MAX_CHARS = 4, 24
NOT_IN_HEADING = re.compile(r"[。，,；;：:！!？?％%‰]")  # sentence marks; a percent sign heads a table column
NOT_A_HEADING = re.compile(r"^(?:表\s*\d|图\s*\d|注|资料来源|单位|附件|\d{4}\s*年\s*\d{1,2}\s*月)|^——")
# 各位代表： opening a line, or closing the speaker's line it was run into (国务院总理赵紫阳各位代表：).
LEAD_IN = re.compile(r"以下|如下|下列")  # 今年要着力做好以下几方面的工作 announces a list; it heads no part
SALUTATION = re.compile(r"^(?:各位代表|同志们|各位委员|代表们)|(?:各位代表|同志们|各位委员|代表们)[：:！!]$")
BODY_CHARS = 40
CONTINUES = re.compile(r"^(?:是|为)?[：:，,。；;、]")  # a line that carries on the sentence of the line before
OPEN_ENDINGS = ("的", "和", "与", "及", "、", "，")  # a line that cannot end a sentence
# A time that leads a part heading (2024年工作回顾, 过去五年的回顾 / 今后五年的主要任务): review and plan parts.
TIME_LEAD = re.compile(r"^(?:\d{4}年|过去|今后|今年|明年|去年|本届|下届|未来|[一二三四五这]年来|近[一二三四五]年)")
MIN_PARALLEL = 2
OPENING = 2  # parallel part headings share their opening characters (“十四五”…, “十五五”…)
LOOKAHEAD = 400  # paragraphs searched for the numbered heading a part heading opens
EMPHASIS = 0  # the heading level readers give a line that is only emphasis (**…**): level unknown


def _shaped(para: Para, candidates: list[Candidate]) -> bool:
    text = para.text
    return (para.stands_alone and para.rows is None and MIN_CHARS <= len(text) <= MAX_CHARS
            and not (candidates and candidates[0].start == 0) and not NOT_IN_HEADING.search(text)
            and not NOT_A_HEADING.match(text) and not SALUTATION.search(text) and not LEAD_IN.search(text))


def _mid_sentence(paras: list[Para], i: int) -> bool:
    """A line broken out of a sentence (…发展的 / 主要目标 / 是：…), as bold words of a web page are."""
    return (paras[i].text.endswith(OPEN_ENDINGS) or (i > 0 and paras[i - 1].text.endswith(OPEN_ENDINGS))
            or (i + 1 < len(paras) and CONTINUES.match(paras[i + 1].text) is not None))


def front_end(paras: list[Para], include_prose: bool = True) -> int:
    """Index of the first paragraph past the front matter: past the salutation, or past (or at, without
    ``include_prose``) the first paragraph of prose."""
    for i, para in enumerate(paras):
        if SALUTATION.search(para.text):
            return i + 1
        if len(para.text) >= BODY_CHARS and "。" in para.text:
            return i + include_prose
    return len(paras)


def part_headings(paras: list[Para], per_para: list[list[Candidate]]) -> set[int]:
    """Indices of the paragraphs that are unnumbered part headings."""
    start = front_end(paras)
    shaped = [i for i in range(start, len(paras)) if _shaped(paras[i], per_para[i]) and not _mid_sentence(paras, i)]
    if not shaped:
        return set()
    accepted: set[int] = set()
    for i in shaped:
        for j in range(i + 1, min(len(paras), i + LOOKAHEAD)):
            first = next((c for c in per_para[j] if (c.line_start or (c.start == 0 and paras[j].indented))
                          and (c.kind == "section" or c.start == 0)), None)
            if j in shaped and j != i:
                break  # another candidate comes first: this one opens no run
            if first is not None:
                if first.ordinal == 1:
                    accepted.add(i)
                break
    shapes = {_shape(paras[i]) for i in accepted}
    emphasised = [i for i in shaped if _shape(paras[i]) == "emphasis"]
    if accepted or len(emphasised) >= MIN_PARALLEL:
        shapes.add("emphasis")  # lines the source set apart, beside other part headings
    found = accepted | {i for i in shaped if _shape(paras[i]) in shapes}
    return found | _between_parts(paras, per_para, shaped, found)


def _between_parts(paras: list[Para], per_para: list[list[Candidate]], shaped: list[int], parts: set[int]) -> set[int]:
    """Lines shaped as part headings between two part headings, past the numbered run of the part before (本届政府
    任期工作回顾 / 一、…六、 / 主要工作体会 / ——必须坚持… / 今后五年奋斗目标…): parts of their own, followed by prose,
    where no heading of that run comes after them. One pass over the paragraphs between the parts."""
    found: set[int] = set()
    ordered = sorted(parts)
    for before, after in zip(ordered, ordered[1:], strict=False):
        lines = shaped[bisect_right(shaped, before):bisect_left(shaped, after)]
        if not lines:
            continue
        numbered = [j for j in range(before + 1, after)
                    if any(c.start == 0 and c.kind == "section" and c.line_start for c in per_para[j])]
        found.update(i for i in lines if numbered and numbered[0] < i and numbered[-1] < i
                     and i + 1 < after and "。" in paras[i + 1].text)
    return found


def _shape(para: Para) -> str:
    """What makes parallel part headings alike: emphasis in the source, a leading time, the same opening."""
    if para.heading_level == EMPHASIS:
        return "emphasis"
    return "time" if TIME_LEAD.match(para.text) else para.text[:OPENING]


MIN_GROUP_CHARS, MAX_GROUP_CHARS = 8, 45
SENTENCE_END = "。！？!?；;：:"


def _group_shaped(paras: list[Para], per_para: list[list[Candidate]], i: int) -> bool:
    """A line of its own shaped as a group's heading: no sentence end or label colon, no number, not a caption,
    a date, a salutation, a lead-in or a piece of a sentence."""
    para, text = paras[i], paras[i].text
    return (para.stands_alone and para.rows is None and para.heading_level is None
            and MIN_GROUP_CHARS <= len(text) <= MAX_GROUP_CHARS and text[-1] not in SENTENCE_END
            and not any(mark in text for mark in "。：:") and not (per_para[i] and per_para[i][0].start == 0)
            and not NOT_A_HEADING.match(text) and not SALUTATION.search(text) and not LEAD_IN.search(text)
            and not _mid_sentence(paras, i))


def group_headings(paras: list[Para], per_para: list[list[Candidate]], parts: set[int]) -> set[int]:
    """Indices of the lines that head a group of paragraphs inside a part, below its heading: lines of their own
    without a sentence's end (一年来，我们集中力量抓工业，现代化产业体系建设取得积极进展), each followed by prose,
    two at least sharing their opening characters, with no numbered heading among them."""
    found: dict[str, list[int]] = {}
    for i in range(front_end(paras), len(paras) - 1):
        following = paras[i + 1]
        if i not in parts and _group_shaped(paras, per_para, i) and following.rows is None and "。" in following.text:
            found.setdefault(paras[i].text[:OPENING], []).append(i)
    parallel = [lines for lines in found.values() if len(lines) >= MIN_PARALLEL]
    if not parallel:
        return set()  # most documents: no counting of the numbered headings
    numbered = [0]  # numbered headings opening the paragraphs before each index
    for candidates in per_para:
        numbered.append(numbered[-1] + any(c.start == 0 and c.kind == "section" for c in candidates))
    groups: set[int] = set()
    for lines in parallel:
        if numbered[lines[-1]] == numbered[lines[0]]:
            groups.update(lines)
    return groups
