"""The Chinese numbering grammar: marker styles, ordinals, and where a marker may start.

Grammar as data: ``MARKERS`` lists every marker style with its node kind; the
order matters (first match wins at a position).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9,
             # the financial forms of the numerals (壹、貳、參、 of traditional-script chapters)
             "壹": 1, "贰": 2, "貳": 2, "叁": 3, "参": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
             "柒": 7, "捌": 8, "玖": 9}
CN_NUM = "一二三四五六七八九十"
CN_UPPER = "壹贰貳叁参參肆伍陆陸柒捌玖拾"
SEQ_WORDS = {"首先": 1, "其次": 2, "再次": 3, "然后": 3, "最后": 0}  # 0: closes any run

GAP = "[ \u3000\xa0]{0,2}"  # spaces an extraction or a typist left inside 第三  节
# (style, kind, regex) — the regex is matched at a candidate position; group 1 is the number.
MARKERS: list[tuple[str, str, re.Pattern[str]]] = [
    ("quote-ji", "item", re.compile(r"[“\"]\s*(\d{1,2})\s*[”\"]即")),
    ("cn-bian", "section", re.compile(rf"第{GAP}([{CN_NUM}]{{1,3}}){GAP}编")),
    ("cn-pian", "section", re.compile(rf"第{GAP}([{CN_NUM}]{{1,3}}){GAP}篇")),
    ("cn-part", "section", re.compile(rf"第{GAP}([{CN_NUM}]{{1,3}}){GAP}部分")),
    ("cn-zhang", "section", re.compile(rf"第{GAP}([{CN_NUM}]{{1,3}}){GAP}章")),
    ("cn-jie", "section", re.compile(rf"第{GAP}([{CN_NUM}]{{1,3}}){GAP}节")),
    # 第一， opens an enumeration; 第一、二、三产业 and 第一、第二轮 list ordinals of one noun
    ("cn-di", "item", re.compile(rf"第([{CN_NUM}]{{1,3}})"
                                 rf"(?=[，,：:](?!\d)|、(?!\d|第|[{CN_NUM}]{{1,3}}[、产轮批次届期类]))")),
    ("cn-qi", "item", re.compile(rf"其([{CN_NUM}])(?=[，,、：:是])")),
    ("cn-shi", "item", re.compile(rf"([{CN_NUM}]{{1,2}})是(?![的否])")),
    ("cn-yao", "item", re.compile(rf"([{CN_NUM}]{{1,2}})要(?![求点素件害])")),
    ("cn-dun", "section", re.compile(rf"([{CN_NUM}]{{1,3}}) ?[、](?![{CN_NUM}]{{1,3}}[、是季])")),
    ("cn-upper", "section", re.compile(rf"([{CN_UPPER}]{{1,3}}) ?[、.．]")),
    ("cn-paren", "section", re.compile(rf"[（(] ?([{CN_NUM}]{{1,3}}) ?[）)]")),
    # 一）结构调整步伐加快: the opening bracket lost (damaged or hand-typed text); a heading line only
    ("cn-half-paren", "section", re.compile(rf"([{CN_NUM}]{{1,3}})[）)](?=[\u4e00-\u9fff])")),
    ("arabic-paren", "section", re.compile(r"[（(](\d{1,2})[）)](?![\d%])")),
    # 1.抓落实 / 11. 规划建设 (one space before the title, as typed or extracted), never 3.5 or 3. 5%
    ("arabic-dot", "section", re.compile(r"(\d{1,2})[.．](?![\d.．%])(?=\S| [\u4e00-\u9fff“《（])")),
    ("arabic-dun", "section", re.compile(r"(\d{1,2})、(?![\d季])")),
    ("circled", "section", re.compile(r"([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])")),
    # 一 alone as a paragraph: a bare chapter number (old reports)
    ("cn-bare", "section", re.compile(rf"([{CN_NUM}]{{1,3}})$")),
    # 01综合 / 12资源、环境: a (zero-padded) number glued to a heading line of its own
    ("arabic-pad", "section", re.compile(r"(0[1-9]|[1-9]\d)(?=[\u4e00-\u9fff])")),
    ("seq", "item", re.compile(r"(首先|其次|再次|然后|最后)(?=[，,、：:])")),
]
# Styles that only count at the start of a short line with no sentence end in it.
LINE_ONLY = frozenset({"arabic-pad", "cn-half-paren"})
STYLE_ALIAS = {"cn-half-paren": "cn-paren"}  # a variant printing of another style: the same level
WHOLE_PARAGRAPH = frozenset({"cn-bare"})  # the marker is the whole paragraph
MAX_LINE_HEADING = 30
# Characters after which a new sentence (and so a heading) may start.
SENTENCE_BREAK = "。！？!?；;：:"
SPACE = " \t\u3000\xa0"
NO_SPACE = str.maketrans("", "", SPACE)  # a marker is printed without the spaces inside it (第三  节 → 第三节)
OPENERS = "“‘\"'（(《【〔[ \t\u3000\xa0"


def cn_to_int(s: str) -> int:
    """Convert a Chinese numeral of up to 99 (一, 十二, 二十三, 拾贰) to an int."""
    s = s.replace("拾", "十")
    if "十" not in s:
        value = 0
        for ch in s:
            value = value * 10 + CN_DIGITS.get(ch, 0)
        return value
    tens, _, ones = s.partition("十")
    return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)


def ordinal_of(style: str, number: str) -> int:
    """The number a marker stands for."""
    if style == "circled":
        return ord(number) - ord("①") + 1
    if style == "seq":
        return SEQ_WORDS[number]
    if number.isdigit():
        return int(number)
    return cn_to_int(number)


@dataclass
class Candidate:
    """A marker found at a position where a heading may start."""

    para: int
    start: int
    end: int
    style: str
    kind: str
    ordinal: int
    marker: str
    line_start: bool  # at the start of a physical line
    after_comma: bool = False
    opens_paragraph: bool = False
    alone: bool = False  # the whole of a paragraph standing alone (a heading line of text with no line breaks)
    title_end: int = 0  # where the heading's title ends, set by the outline pass


# The characters a marker can begin with: other positions are skipped at once.
MARKER_START = frozenset(CN_NUM + CN_UPPER + "第（(“\"①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳首其再然最0123456789０１２３４５６７８９")
# After a sentence break or a comma (and spaces), or after a space that follows text: where a marker may start.
# Written to open with one character class (the break or the space, group 1 the break), so that the
# regex engine skips every other character at once.
_BREAKS = re.escape(SENTENCE_BREAK + "，,")
BOUNDARY = re.compile(rf"[{_BREAKS}{SPACE}](?<=([{_BREAKS}])|(?<=[^{re.escape(OPENERS)}])[{SPACE}])(?(1)[{SPACE}]*)"
                      rf"(?=[{re.escape(''.join(sorted(MARKER_START)))}])")


def boundary_positions(text: str) -> list[tuple[int, bool]]:
    """Positions in a paragraph where a sentence (and so a marker) may start.

    Returns ``(position, after_comma)`` pairs: the paragraph start, and every
    position after a sentence break (or, flagged, after a comma) and spaces
    where a marker character stands. One regex pass: linear in the paragraph.
    """
    positions = [(0, False)]
    for m in BOUNDARY.finditer(text):
        comma = m.group(1) is not None and m.group(1) in "，," and m.end() - m.start() == 1  # no space after it
        positions.append((m.end(), comma))
    return positions


@cache
def _marker_alternation(after_comma: bool, line_heading: bool, at_start: bool) -> tuple[re.Pattern[str], dict]:
    """The marker styles allowed at a position as one regex, alternatives in ``MARKERS`` order (the
    first style that matches wins, as matching them one by one), and by the index of each
    alternative's group: ``(style, kind, index of the style's own group 1)``."""
    alternatives, styles, group = [], {}, 1
    for style, kind, regex in MARKERS:
        if ((after_comma and kind != "item") or (style in LINE_ONLY and not line_heading)
                or (style in WHOLE_PARAGRAPH and not at_start)):
            continue
        alternatives.append(f"({regex.pattern})")
        styles[group] = (style, kind, group + 1)
        group += 1 + regex.groups
    return re.compile("|".join(alternatives)), styles


def find_candidates(para_index: int, text: str, line_start: bool) -> list[Candidate]:
    """Every marker at a sentence boundary of the paragraph ``text``."""
    found = []
    # LINE_ONLY styles count only at the start of a short line with no sentence end in it.
    line_heading = line_start and len(text) <= MAX_LINE_HEADING and "。" not in text
    for pos, after_comma in boundary_positions(text):
        if text[pos] not in MARKER_START:
            continue
        regex, styles = _marker_alternation(after_comma, pos == 0 and line_heading, pos == 0)
        m = regex.match(text, pos)
        if m:
            style, kind, number = styles[m.lastindex]
            found.append(Candidate(para_index, pos, m.end(), STYLE_ALIAS.get(style, style), kind,
                                   ordinal_of(style, m.group(number)), m.group(0).translate(NO_SPACE),
                                   line_start and pos == 0, after_comma))
    return found
