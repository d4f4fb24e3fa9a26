"""Build the outline tree from numbered markers, with a stack of open headings.

Levels are not fixed per marker style: a marker continues the run of the
nearest open heading of its style whose number it follows (（二） after （一）),
and a marker numbered 1 opens a new run inside the innermost open heading.
Markers inside sentences that fit no run are not headings.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from gongwen.model import Diagnostic
from gongwen.parsing.markers import Candidate, find_candidates
from gongwen.parsing.paragraphs import Para
from gongwen.parsing.parts import front_end, group_headings, part_headings
from gongwen.parsing.toc import SPACES

TITLE_END = "。！？!?：:"  # a heading's title ends at its first full stop (or colon)
ITEM_TITLE_END = TITLE_END + "；;"
SPACE = " \t\u3000\xa0"
MAX_HEADING_LINE = 50  # a line this short with no sentence mark after its title's space is all heading
SENTENCE_MARKS = "。！？!?；;，,：:"
CJK_AT = re.compile(r"[ \t\u3000\xa0]*(?:\d+ ?)?[\u4e00-\u9fff“]")  # words, or a number before words (和 2015年…)
LETTER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]{1,2}(?=[\u4e00-\u9fff])")  # 綜 合, 工　　业 → 綜合, 工业
NOTE_CALL = re.compile(r"[\[［〔]\d{1,3}[\]］〕]")  # a reference to an endnote, not heading text
MIN_RUN_IN = 2  # earlier run-in siblings that kept to one paragraph each, for the last one to do the same
RUN_IN_LOOKBACK = 12
MAX_DEPTH = 12  # deeper markers become siblings at this depth (with a diagnostic)
MAX_DEPTH_REPORTED = 20  # the rest are counted in one diagnostic


@dataclass
class Part:
    """A piece of a node's own text; ``lead`` when it opens a paragraph or follows the title."""

    text: str
    para_start: bool
    lead: bool
    inline: bool = False
    rows: list[list[str]] | None = None
    emphasised: bool = False  # the source set the paragraph's opening apart (bold): a lead may end at a comma
    emphasis: str | None = None  # the words in bold, when the reader says (the lead ends where they end)


@dataclass
class BNode:
    """A node while the tree is being built."""

    kind: str
    style: str
    ordinal: int | None
    marker: str
    title: str
    line_start: bool = False
    standalone: bool = False
    para_start: bool = False
    parts: list[Part] = field(default_factory=list)
    children: list[BNode] = field(default_factory=list)
    after_part: int = 0  # how many of its parent's parts precede it
    returned_at: int | None = None  # its parts from here on were addressed to it as a whole (各位代表！…)
    alone: bool = False  # its marker and title fill their paragraph (a heading, not a point run into its text)
    parent: BNode | None = field(default=None, repr=False, compare=False)


@dataclass
class Built:
    """The result of the outline pass: front text, the tree, diagnostics."""

    front: list[str]
    roots: list[BNode]
    diagnostics: list[Diagnostic]
    headingless: bool = False  # no heading: the body is one untitled section (see lift_headingless)


# An address to the audience inside the body (各位代表！) speaks about the part as a whole.
PART_ADDRESS = re.compile(r"^(?:各位代表|同志们|代表们|各位委员)[，,！!：:]")
# The turn from the results to the problems (在肯定成绩的同时 / 我们也清醒地看到): about the whole part again.
PART_TURN = re.compile(r"^(?:同时，)?(?:在(?:肯定|看到)成绩的同时|我们(?:也|还)?要?清醒(?:地)?(?:看到|认识到))")
EMPHASIS = 0  # the heading level readers give a line set apart only by emphasis (level unknown)
MAX_PLAIN_HEADING = 25  # a line this short, unmarked and with no sentence mark, may head a part
MIN_SENTENCE_ITEM = 15  # a numbered line this long with nothing under it is a sentence of a list, not a heading
# A line that ends in a column of figures after a space is a table row, whatever numbers it.
TABLE_ROW = re.compile(r"[\u4e00-\u9fff）)] +-?[\d０-９][\d０-９.．,，%％]*(?: +-?[\d０-９][\d０-９.．,，%％]*)* *$")
LEADING = "，,、：: \t\u3000\xa0"  # punctuation after a marker (第一，) and spaces before the title
# A numbered run inside a sentence listing the parts that print later (报告分六个部分：一、…；二、…).
MIN_INLINE_CONTENTS = 3
TITLE_KEY, MIN_TITLE_KEY = 6, 4
# Point styles: run on inside a paragraph (办好十件实事：1．…；2．…), they enumerate (items) and head nothing.
INLINE_STYLES = frozenset({"arabic-dot", "arabic-dun", "arabic-paren", "circled"})


def title_end(text: str, start: int, kind: str, memo: dict[str, tuple[int, int]] | None = None) -> int:
    """Where the title that starts at ``start`` ends (exclusive).

    A title ends at its first full stop (or colon), or at a space — except a
    single extraction space left by PDF or OCR text: after a number
    (费40 亿元), around one (研制 2050 毫米) or between letter-spaced characters (綜 合). ``memo`` (one per
    paragraph) remembers the last scan of each kind, so the candidates of a
    paragraph, taken in order, scan it once in all (linear time).
    """
    stops = ITEM_TITLE_END if kind == "item" else TITLE_END
    while start < len(text) and text[start] in LEADING:
        start += 1
    last = memo.get(stops) if memo is not None else None
    if last and last[0] <= start <= last[1] and (start < last[1] or last[1] == len(text) or text[start] in stops):
        return last[1]
    end = _scan_title(text, start, stops)
    if memo is not None:
        memo[stops] = (start, end)
    return end


def _two_part_title(text: str, end: int) -> bool:
    """A heading line whose title has two parts set apart by a space, and no sentence after it: the whole line."""
    return (len(text) <= MAX_HEADING_LINE and text[end] in SPACE
            and not any(ch in SENTENCE_MARKS for ch in text[end:]) and CJK_AT.match(text, end + 1) is not None)


def _spaced_number(text: str, i: int) -> bool:
    """A number at ``i`` that PDF extraction set apart with a space on both sides (研制 2050 毫米)."""
    j = i
    while j < len(text) and j - i < 12 and (text[j].isdigit() or text[j] in ".,"):
        j += 1
    return j > i and text[j:j + 1] == " " and text[j + 1:j + 2] not in ("", " ")


@cache
def _stop_or_space(stops: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(stops + SPACE)}]")


def _scan_title(text: str, start: int, stops: str) -> int:
    piece = start  # where the current space-separated piece began
    pos = start
    while m := _stop_or_space(stops).search(text, pos):  # the next stop or space: nothing else matters
        i = m.start()
        ch = text[i]
        if ch in stops:
            return i
        if i > start:
            after = text[i + 1:i + 2]
            extraction = ch == " " and after and after not in SPACE and (
                text[i - 1].isdigit() or i - piece == 1 or _spaced_number(text, i + 1))
            if not extraction:
                return i
            piece = i + 1
        pos = i + 1
    return len(text)


class OutlineBuilder:
    """Accepts or rejects marker candidates in document order and builds the tree."""

    def __init__(self) -> None:
        self.roots: list[BNode] = []
        self.stack: list[BNode] = []
        self.memory: dict[str, tuple[int, int]] = {}  # style -> (last ordinal, depth index)
        self.plain_line = False  # a short line with no marker stood alone since the last heading (a part line?)
        self.diagnostics: list[Diagnostic] = []
        self.too_deep = 0

    # ---- placement -------------------------------------------------------
    def place(self, c: Candidate) -> int | None:
        """The stack depth at which ``c`` becomes a node, or None when it is not a heading."""
        stack = self.stack
        if not stack and not self.roots and c.kind == "section" and c.line_start:
            return 0  # the first heading line of the document opens the outline
        matches = [idx for idx in range(len(stack) - 1, -1, -1)
                   if stack[idx].style == c.style and self._follows(stack[idx].ordinal, c)]
        if matches:
            # A marker opening a paragraph continues a run whose members opened paragraphs too.
            if c.opens_paragraph:  # … and, of those, one whose members fill their paragraphs as it does or not
                return next((idx for idx in matches if stack[idx].para_start and stack[idx].alone == c.alone),
                            next((idx for idx in matches if stack[idx].para_start), matches[0]))
            return matches[0]
        if c.after_comma:
            return None
        last = self.memory.get(c.style)
        if last and c.ordinal == last[0] + 1 and last[1] <= len(stack) and c.style != "seq":
            if all(n.style != c.style for n in stack):
                return last[1]
        if c.ordinal == 1:
            cut = len(stack)
            if c.kind == "item" and cut and stack[cut - 1].kind == "item" and stack[cut - 1].style == c.style \
                    and not (stack[cut - 1].standalone and not c.opens_paragraph):
                cut -= 1  # a new run beside the last one; but a run inside a paragraph of a heading-line item
                # (七是…：一是…十是…) is that item's
            if c.kind == "section":
                if c.line_start:
                    while cut and stack[cut - 1].kind == "item" and not stack[cut - 1].standalone:
                        cut -= 1
                inline = not (c.line_start or c.opens_paragraph) and c.start > 0  # …的步骤是：（一）…；（二）…
                for idx, node in enumerate(stack[:cut]):
                    if node.style == c.style and not (inline and (node.line_start or node.para_start)) \
                            and not (node.alone and c.opens_paragraph and not c.alone and not self.plain_line):
                        cut = idx  # a new run of the style beside the open one; but a run inside a sentence
                        break  # nests under the heading line it stands in, whose run goes on after it, and points
                        # opening paragraphs of their own text nest under a heading that stands alone
            return cut
        if (c.line_start or c.alone) and c.kind == "section":  # a heading line skips a number the text lost
            for idx in range(len(stack) - 1, -1, -1):
                node = stack[idx]
                if node.style == c.style and (node.ordinal or 0) < c.ordinal:
                    self.diagnostics.append(Diagnostic(
                        "numbering-gap", f"{c.marker} follows {node.marker}", None, c.marker))
                    return idx
        return None

    @staticmethod
    def _follows(previous: int | None, c: Candidate) -> bool:
        if c.style == "quote-ji":
            return True
        if c.style == "seq":
            return c.ordinal == 0 or c.ordinal == (previous or 0) + 1
        return previous is not None and c.ordinal == previous + 1

    def push(self, depth: int, node: BNode) -> None:
        """Make ``node`` the open heading at ``depth`` (closing deeper ones); depth is capped at MAX_DEPTH."""
        if depth >= MAX_DEPTH:
            self.too_deep += 1
            if self.too_deep <= MAX_DEPTH_REPORTED:
                self.diagnostics.append(Diagnostic("outline-too-deep", f"{node.marker} would open level "
                                                   f"{depth + 1}; kept at level {MAX_DEPTH}", None, node.marker))
            depth = MAX_DEPTH - 1
        del self.stack[depth:]
        node.parent = self.stack[-1] if self.stack else None
        node.after_part = len(node.parent.parts) if node.parent is not None else 0
        (node.parent.children if node.parent else self.roots).append(node)
        self.stack.append(node)
        self.memory[node.style] = (node.ordinal or 0, depth)
        self.plain_line = False

    def close_to_part(self) -> None:
        """Back to the open top-level part: what follows is about the part, not its last subsection."""
        if len(self.stack) > 1 and self.stack[0].returned_at is None:
            self.stack[0].returned_at = len(self.stack[0].parts)
        del self.stack[1:]

    def close_run_in_section(self, i: int, opening: dict[tuple[str, int | None], list[int]]) -> None:
        """A paragraph without a marker after the last run-in heading of its run (（六）继续贯彻…。一是…), whose
        siblings each kept to their own paragraph, belongs to the parent: the run's headings head one paragraph
        each. ``opening`` lists the paragraphs each (style, number) opens, to tell the last of a run."""
        top = self.stack[-1] if self.stack else None
        if top is None or top.kind != "section" or _grew(top) or not (_run_in(top) or _sentence_item(top)):
            return
        parent = top.parent
        end = _next_opening(opening, parent.style, parent.ordinal, i) if parent is not None else None
        later = _next_opening(opening, top.style, top.ordinal, i)
        if later is not None and (end is None or later < end):
            return  # （七） comes: what is between is （六）'s
        siblings = top.parent.children if top.parent else self.roots
        # the run before it, among the last siblings only: enough to tell, and linear over any document
        run = [n for n in siblings[-RUN_IN_LOOKBACK:] if n is not top and n.style == top.style]
        sentences = sum(map(_sentence_item, run))  # a list of goals, one sentence each (one may have gone on)
        if len(run) >= MIN_RUN_IN and ((_run_in(top) and all(_run_in(n) and not _grew(n) for n in run))
                                       or (_sentence_item(top) and sentences >= MIN_RUN_IN
                                           and 2 * sentences > len(run))):
            self.stack.pop()
            if parent is not None and parent.returned_at is None:
                parent.returned_at = len(parent.parts)  # what follows is the parent's own (see topics)

    def close_inline_items(self) -> None:
        """An enumeration run inside a paragraph (…措施：一是…二是…) ends with that paragraph."""
        while self.stack and self.stack[-1].kind == "item" and not self.stack[-1].para_start:
            self.stack.pop()


def _next_opening(opening: dict[tuple[str, int | None], list[int]], style: str, ordinal: int | None,
                  after: int) -> int | None:
    """The first paragraph after ``after`` that opens with the next marker of ``style`` after ``ordinal``."""
    if ordinal is None:
        return None
    found = opening.get((style, ordinal + 1), [])
    k = bisect_right(found, after)
    return found[k] if k < len(found) else None


def _beside_last_run(c: Candidate, last: BNode, text: str, last_end: int,
                     latest: dict[tuple[str, int | None], int]) -> bool:
    """``c`` opens a run of items of a new style inside the paragraph after the last item of another run, past a
    sentence of that item's text (…三是提高高等教育质量。优化…。办好教育，必须抓好三项工作：一要…), and that
    run does not go on after it: the new run is the paragraph's, beside the last, not the last item's."""
    if c.kind != "item" or c.ordinal != 1 or c.opens_paragraph or last.kind != "item" or last.para_start \
            or last.style == c.style or "。" not in text[last_end:c.start]:
        return False
    return latest.get((last.style, (last.ordinal or 0) + 1), -1) < c.start


def _run_in(node: BNode) -> bool:
    """A heading that opens its paragraph and runs into its text (（六）继续贯彻…。一是…), not a heading line."""
    return not node.standalone and node.para_start and (any(not p.para_start for p in node.parts)
                                                         or any(not c.para_start for c in node.children))


def _sentence_item(node: BNode) -> bool:
    """A numbered sentence with nothing under it (（一）要使粮食生产与人口增长相适应，保证…。): an item of a
    list of goals, whose run of such items ends with the last one's paragraph."""
    return len(node.title) >= MIN_SENTENCE_ITEM and not node.parts and not node.children


def _grew(node: BNode) -> bool:
    """The node holds a paragraph after its own (as a part or a child that opens one)."""
    return any(p.para_start for p in node.parts) or any(c.para_start for c in node.children)


def _runs_after_commas(candidates: list[Candidate]) -> None:
    """An enumeration may run inside one sentence (…转变，一是…，二是…): its markers after commas count
    when the paragraph holds the next one of the same style (parallel evidence). One pass from the end."""
    seconds: set[str] = set()  # styles with a marker numbered 2 further on
    for c in reversed(candidates):
        if c.after_comma and c.kind == "item" and c.ordinal == 1 and c.style in seconds:
            c.after_comma = False
        if c.ordinal == 2:
            seconds.add(c.style)


def _drop_inline_contents(paras: list[Para],
                          per_para: list[list[Candidate]]) -> tuple[frozenset[str], list[Diagnostic]]:
    """Drop the numbered runs that list the document's parts inside a sentence before its first heading
    (报告分六个部分：一、三年来的斗争…；二、…) when most of their titles open later paragraphs: a table of
    contents in a sentence, not headings.
    Returns their titles (spaces removed) and a diagnostic for each run. One pass over the paragraphs'
    openings, one over the candidates."""
    last_opening: dict[str, int] | None = None  # counted when a run is first found (most documents have none)
    diagnostics: list[Diagnostic] = []
    titles: set[str] = set()
    for i, candidates in enumerate(per_para):
        if paras[i].heading_level or any(c.kind == "section" and c.start == 0 for c in candidates):
            break  # the parts are listed before the first heading; a list inside a part is that part's
        inline = [c for c in candidates if c.kind == "section" and c.start > 0]
        if len(inline) < MIN_INLINE_CONTENTS:
            continue
        run: list[Candidate] = []
        for k, c in enumerate(inline):
            if c.ordinal == 1:
                run = [c]
            elif run and _continues(run, c):
                run.append(c)
            if len(run) < MIN_INLINE_CONTENTS or (k + 1 < len(inline) and _continues(run, inline[k + 1])):
                continue
            text = paras[i].text
            ends = [nxt.start for nxt in run[1:]] + [len(text)]
            named = [SPACES.sub("", text[c.end:end].split("；")[0].split("。")[0])
                     for c, end in zip(run, ends, strict=True)]
            last_opening = _last_openings(paras, per_para) if last_opening is None else last_opening
            later = sum(bool(key) and last_opening.get(key, -1) > i for key in map(_title_key, named))
            if later * 5 >= len(run) * 4:
                titles.update(named)
                dropped = set(map(id, run))
                per_para[i] = [c for c in per_para[i] if id(c) not in dropped]
                diagnostics.append(Diagnostic("inline-contents", f"{len(run)} parts listed in a sentence "
                                              f"({run[0].marker}…{run[-1].marker}), as their headings open later "
                                              f"paragraphs: not headings", None, text[run[0].start:ends[-1]][:200]))
            run = []
    return frozenset(titles), diagnostics


def _last_openings(paras: list[Para], per_para: list[list[Candidate]]) -> dict[str, int]:
    """The first characters of each paragraph, without its marker (see ``_title_key``) -> the last paragraph
    opening with them."""
    last_opening: dict[str, int] = {}
    for i, para in enumerate(paras):
        marker = next((c for c in per_para[i] if c.start == 0), None)  # the grammar's marker opening it, if any
        if key := _title_key(para.text[marker.end:].lstrip(LEADING) if marker else para.text):
            last_opening[key] = i
    return last_opening


def _continues(run: list[Candidate], nxt: Candidate) -> bool:
    """The run goes on: the next inline candidate ``nxt`` is its next number."""
    return nxt.style == run[-1].style and nxt.ordinal == (run[-1].ordinal or 0) + 1


def _title_key(text: str) -> str:
    """The first characters of a title, without spaces, or "" when too short to compare."""
    head = text[:TITLE_KEY * 8]  # spaces removed from the opening only: a paragraph may be long
    key = SPACES.sub("", head)[:TITLE_KEY]
    if len(key) < TITLE_KEY and len(text) > len(head):
        key = SPACES.sub("", text)[:TITLE_KEY]  # the opening was mostly spaces
    return key if len(key) >= MIN_TITLE_KEY else ""


def build_outline(paras: list[Para], listed: frozenset[str] = frozenset()) -> Built:
    """Run the outline pass over the paragraphs of a document body.

    ``listed``: the unnumbered entries of the document's table of contents (序言, 绪论, 结束语), spaces
    removed; a line of its own that reads as one heads a part beside the numbered ones.
    """
    builder = OutlineBuilder()
    front: list[str] = []
    per_para = [find_candidates(i, p.text, p.line_start) if p.rows is None else [] for i, p in enumerate(paras)]
    for candidates in per_para:
        _runs_after_commas(candidates)
    contents, found = _drop_inline_contents(paras, per_para)
    builder.diagnostics += found
    listed = listed | contents  # the parts a sentence listed head the text as the contents' entries do
    has_sections = any(c.kind == "section" and c.ordinal == 1 for cs in per_para for c in cs)
    opening: dict[tuple[str, int | None], list[int]] = {}  # (style, number) -> paragraphs it opens, in order
    for i, candidates in enumerate(per_para):
        for c in candidates:
            if c.start == 0:
                opening.setdefault((c.style, c.ordinal), []).append(i)
    parts = part_headings(paras, per_para)
    groups = group_headings(paras, per_para, parts)
    started = False
    part: BNode | None = None  # the last unnumbered part line (parts.part_headings)
    entry: BNode | None = None  # the last unnumbered heading the contents list
    for i, para in enumerate(paras):
        accepted: list[tuple[Candidate, BNode]] = []
        builder.close_inline_items()
        if not any(c.start == 0 for c in per_para[i]):
            builder.close_run_in_section(i, opening)
        if PART_ADDRESS.match(para.text) or PART_TURN.match(para.text):
            builder.close_to_part()  # 各位代表！… turns from a subsection back to the whole part
        owner = builder.stack[-1] if builder.stack else None
        if para.rows is not None:
            target = builder.stack[-1] if builder.stack else None
            if target is None:
                front.append(para.text)
            else:
                target.parts.append(Part(para.text, True, False, False, para.rows))
            continue
        if i in parts:
            part = BNode("section", "none", None, "", para.text, True, True)
            builder.push(0, part)
            started = True
            continue
        if listed and not per_para[i] and para.stands_alone and SPACES.sub("", para.text) in listed:
            builder.push(0, BNode("section", "none", None, "", SPACES.sub("", para.text), True, True))
            entry = builder.stack[-1]  # 序言 as its contents list it: the chapters after it are its siblings
            started = True
            continue
        if entry is not None and builder.stack and builder.stack[-1] is entry \
                and any(c.start == 0 and c.kind == "section" and c.line_start for c in per_para[i]):
            builder.stack.pop()
        if i in groups and builder.stack:  # a group of paragraphs inside the part, one level below it
            builder.push(1, BNode("section", "none", None, "", para.text, True, True))
            continue
        if para.heading_level and not per_para[i] and para.text[-1:] not in "：:":
            node = BNode("section", "none", None, "", para.text, True, True)
            depth = min(max(para.heading_level - 1, 0), len(builder.stack))
            builder.push(depth, node)
            started = True
            continue
        if not per_para[i] and para.line_start and para.stands_alone and len(para.text) <= MAX_PLAIN_HEADING \
                and not any(ch in SENTENCE_MARKS for ch in para.text):
            builder.plain_line = True  # 2023年工作安排 that no rule took for a part: a run after it is no point
        prev_end = -1
        memo: dict[str, tuple[int, int]] = {}
        # where each marker last stands in it (a new run needs two candidates at least)
        latest = {(c.style, c.ordinal): c.start for c in per_para[i]} if len(per_para[i]) > 1 else {}
        for c in per_para[i]:
            if not started and has_sections and not (c.kind == "section" and (c.ordinal == 1 or c.line_start)):
                continue
            if c.start == 0 and para.line_start and not para.heading_level and TABLE_ROW.search(para.text):
                continue  # 1．居民生活费用价格 6．4: a numbered row of a table printed as text
            if c.kind == "section" and not c.line_start and c.start > 0 and c.style in INLINE_STYLES \
                    and not (0 <= prev_end and not para.text[prev_end:c.start].strip(SPACE)):
                c.kind = "item"  # 民生实事：1．完成…；2．…: points run on inside a paragraph enumerate, head nothing
            end = c.title_end = title_end(para.text, c.end, c.kind, memo)
            if c.line_start and c.start == 0 and end < len(para.text) and _two_part_title(para.text, end):
                end = c.title_end = len(para.text)  # 第十五篇　如期实现…奋斗目标 高质量推进…现代化: one title
            # a line of its own, a label that introduces what follows included (第一，在农业计划方面：)
            standalone = c.line_start and (end == len(para.text) or para.text[end:].strip() in ("：", ":"))
            # Opening a paragraph: at its start, or right after a heading line run into the text.
            opens = c.start == 0 or (0 <= prev_end < c.start and not para.text[prev_end:c.start].strip(SPACE))
            c.opens_paragraph = opens
            c.alone = c.start == 0 and para.stands_alone and end == len(para.text)
            depth = builder.place(c)
            if para.heading_level and c.start == 0:
                # The source format says this line is a heading at that level, but numbered headings under an
                # unnumbered part line (2024年工作回顾 / 一、…) are the part's, whatever style they were given
                # (unless their style heads parts of the document already: 第六章 … 第三 节… … 第七章).
                floor = 0 if any(root.style == c.style for root in builder.roots) else next(
                    (k + 1 for k, open_node in enumerate(builder.stack) if open_node is part), 0)
                depth = max(min(para.heading_level - 1, len(builder.stack)), floor)
            if depth is None:
                continue
            if accepted and _beside_last_run(c, accepted[-1][1], para.text, prev_end, latest):
                depth = len(builder.stack) - 1  # …三是提高高等教育质量。…必须抓好三项工作：一要…: a new run
            started = True
            node = BNode(c.kind, c.style, c.ordinal, c.marker, "", c.line_start, standalone, opens, alone=c.alone)
            builder.push(depth, node)
            accepted.append((c, node))
            prev_end = end
        _distribute(para, accepted, owner, front)
    if builder.too_deep > MAX_DEPTH_REPORTED:
        builder.diagnostics.append(Diagnostic("outline-too-deep", f"{builder.too_deep - MAX_DEPTH_REPORTED} more "
                                              f"markers kept at level {MAX_DEPTH}", None, ""))
    headingless = False
    if not builder.roots:
        front, body = _headingless(paras, front)
        if body is not None:
            headingless = True
            builder.roots.append(body)
            builder.diagnostics.append(Diagnostic(
                "no-headings", f"no heading found: the body ({len(body.parts)} paragraphs) is one untitled section",
                None, ""))
    return Built(front, builder.roots, builder.diagnostics, headingless)


def lift_headingless(built: Built) -> None:
    """In a document without headings, the nodes found inside the untitled body (its topics) head the document's
    parts themselves: they move to the top level, and the untitled section keeps only the text before them
    (and goes when there is none)."""
    if not built.headingless or not built.roots[0].children:
        return
    body = built.roots[0]
    lifted = body.children
    body.children = []
    for node in lifted:
        node.parent = None
    built.roots = ([body] if body.parts else []) + lifted


def _headingless(paras: list[Para], front: list[str]) -> tuple[list[str], BNode | None]:
    """A document without a single heading (a speech run on in paragraphs): the front matter ends at the
    salutation, or before the first paragraph of prose; what follows is the body, one untitled section."""
    if [p.text for p in paras] != front:
        return front, None  # not every paragraph went to the front whole
    end = front_end(paras, include_prose=False)
    if end >= len(paras):
        return front, None
    body = BNode("section", "none", None, "", "", True, False)
    body.parts = [Part(p.text, True, p.rows is None, False, p.rows) for p in paras[end:]]
    return front[:end], body


def _distribute(para: Para, accepted: list[tuple[Candidate, BNode]],
                owner: BNode | None, front: list[str]) -> None:
    """Cut the paragraph into titles and body parts of the nodes accepted in it."""
    text = para.text
    first = accepted[0][0].start if accepted else len(text)
    lead_text = text[:first].strip(SPACE)
    if lead_text:
        if owner is None:
            front.append(lead_text)
        else:
            owner.parts.append(Part(lead_text, True, True, not para.line_start,
                                    emphasised=para.heading_level == EMPHASIS and para.line_start,
                                    emphasis=para.emphasis if para.line_start else None))
    for k, (c, node) in enumerate(accepted):
        node.after_part = len(node.parent.parts) if node.parent is not None else 0
        stop = accepted[k + 1][0].start if k + 1 < len(accepted) else len(text)
        end = min(c.title_end, stop)
        node.title = LETTER_SPACE.sub("", NOTE_CALL.sub("", text[c.end:end]).strip(LEADING).rstrip("：:；;，,"))
        rest = text[end:stop].lstrip(TITLE_END + "；;" + SPACE).strip(SPACE)
        if rest:
            node.parts.append(Part(rest, False, True, not c.line_start))
