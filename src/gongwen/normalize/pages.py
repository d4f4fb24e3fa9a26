"""Remove page furniture: page footers, page-number lines, and page numbers spliced into text.

Three shapes are handled, each told from real numbering by sequence, position
and sentence continuity rather than by a list of known strings:

* footers such as ``第7页 共7页`` and lines holding only a page number (``- 3 -``);
* a sequential ``N、`` starting every physical line, where each line is a page
  of extracted text that splits a sentence (``一是经济开展\\n2、稳步提升``);
* page numbers glued into running text after a space (``市场宏 2观环境``),
  forming the sequence 1, 2, 3 … through the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from gongwen.model import Diagnostic
from gongwen.normalize.edits import Cut, OffsetMap, apply_cuts, line_spans
from gongwen.normalize.wrap import HEADING_START

# Linear by construction: no two unbounded quantifiers over the same characters touch, and the
# line shapes are matched on one stripped line at a time (benchmarks/linearity.py checks it).
PAGE_FOOTER = re.compile(r"第\s*\d{1,4}\s*页\s*(?:[，,/]\s*)?共\s*\d{1,4}\s*页")
# Where a report printed in a newspaper or journal goes on (（下转第四版）, （上接第一版）, （紧接第1版）): in a line of
# its own or inside the text, at least one bracket with it.
_CONTINUATION = r"[上下紧][转接]第[一二三四五六七八九十\d]{1,3}[版页]"
CONTINUATION_NOTE = re.compile(rf"[（(]{_CONTINUATION}[）)]?|{_CONTINUATION}[）)]")
LINE_SPACE = " \t\u3000"
PAGE_NUMBER = re.compile(r"[-—–·]?[ \t\u3000]*(?:第[ \t\u3000]*)?\d{1,4}(?:[ \t\u3000]*页)?[ \t\u3000]*[-—–·]?")
PAGE_NUMBER_MAX = 24  # a page-number line is short once stripped
# A contents line with a dot leader and a page number: 一、工作回顾…………3 (the leader and number go).
LEADER = ".…·．。‥⋯_-—"
LEADER_MIN = 3
BLANK = " \t\u3000\xa0\n"
RUN_ENDS = "。！？!?；;：:”\"」』）)…"  # a line ending in one of these ends its sentence
RUN_ON_MIN_CHARS = 20  # a shorter line before a page break is a title or heading, not a cut sentence
RUNNING_MIN = 3  # a short line printed this often is a running header or footer
RUNNING_MAX_CHARS = 24  # shorter than a line of body text
RUNNING_SPREAD = 0.5  # share of the text between the first and the last copy
LINE_PAGE_MARKER = re.compile(r"(\d{1,3})、")
# Mid-line only: a number glued to a line's start (01综合) numbers a heading.
# Group 1 is the number; the match opens with the space (rarer than digits: the regex engine skips to it).
GLUED_NUMBER = re.compile(r"[ \t\u3000\xa0](\d{1,3})(?=[\u4e00-\u9fff])")
SENTENCE_END = "。！？!?；;：:"
MIN_CHAIN = 3
T = TypeVar("T")
PAGE_LINE_MIN_CHARS = 150  # a physical line that is a whole page of text is long


def _longest_chain(found: list[T], key: Callable[[T], int], starts: int = 3) -> list[T]:
    """The longest run 1, 2, 3 … (or 2, 3, …) picked in order from ``found``.

    Only the first few candidates numbered 1 or 2 are tried as starts, so the
    cost stays linear in the number of candidates.
    """
    best: list[T] = []
    tried = 0
    for k, first in enumerate(found):
        if key(first) > 2:
            continue
        tried += 1
        chain = [first]
        for cand in found[k + 1:]:
            if key(cand) == key(chain[-1]) + 1:
                chain.append(cand)
        if len(chain) > len(best):
            best = chain
        if tried >= starts:
            break
    return best


def _footers(text: str, pattern: re.Pattern[str] = PAGE_FOOTER, space: str | None = None) -> list[tuple[int, int]]:
    """Page footers (第7页 共7页), or other matches of ``pattern``, each with the whitespace (or ``space``) just
    before it."""
    found = []
    floor = 0
    for m in pattern.finditer(text):
        start = m.start()
        while start > floor and (text[start - 1] in space if space else text[start - 1].isspace()):
            start -= 1
        found.append((start, m.end()))
        floor = m.end()
    return found


def _continuation_notes(text: str) -> list[tuple[int, int]]:
    """Continuation notes, each with the spaces before it in its line (a line break before one stays)."""
    if "转第" not in text and "接第" not in text:
        return []  # most text holds none: a substring test is far cheaper than the pattern, which opens on 上/下
    return _footers(text, CONTINUATION_NOTE, LINE_SPACE + "\xa0")


def _dot_leader(text: str, s: int, e: int) -> int | None:
    """Where the dot leader and page number ending the line ``[s, e)`` start, or None."""
    j = e
    while j > s and text[j - 1] in LINE_SPACE:
        j -= 1
    k = j
    while k > s and text[k - 1].isdecimal():
        k -= 1
    if not 1 <= j - k <= 4:
        return None
    m = k
    while m > s and text[m - 1] in LINE_SPACE:
        m -= 1
    r = m
    while r > s and text[r - 1] in LEADER:
        r -= 1
    start = r
    while start > s and text[start - 1] in LINE_SPACE:
        start -= 1
    if start == s or text[start - 1].isspace():  # the leader must follow text: start inside it
        start = r + 1
    return start if m - start >= LEADER_MIN else None


def _footer_cuts(text: str, notes: list[tuple[int, int]]) -> list[Cut]:
    """Footers and continuation ``notes`` inside lines, and dot leaders of contents lines."""
    cuts = [Cut(start, end, "page-marker-removed", "page footer")
            for start, end in _footers(text) if not _whole_line(text, start, end)]
    cuts += [Cut(start, end, "page-marker-removed", "note of the page the text goes on from or to")
             for start, end in notes if not _whole_line(text, start, end)]
    for s, e in line_spans(text):
        start = _dot_leader(text, s, e)
        if start is not None:
            cuts.append(Cut(start, e, "toc-leader-removed", "dot leader and page number of a contents line"))
    return cuts


def _page_number_lines(text: str) -> list[tuple[int, int]]:
    """Lines holding only a page number (``- 3 -``, ``第3页``)."""
    found = []
    for s, e in line_spans(text):
        line = text[s:e].strip(LINE_SPACE)
        if line and len(line) <= PAGE_NUMBER_MAX and PAGE_NUMBER.fullmatch(line):
            found.append((s, e))
    return found


def _whole_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def _furniture_line_cuts(text: str, notes: list[tuple[int, int]]) -> list[Cut]:
    """Whole lines of page furniture (page numbers, footers, continuation ``notes``, running headers), one cut
    per block.

    When the text runs on across the page break (the line before does not end a
    sentence and the line after is no heading) the block's line breaks go too,
    so the split sentence joins up again.
    """
    spans = [(s, e, "page-marker-removed", "line holding only a page number") for s, e in _page_number_lines(text)]
    spans += [(start, end, "page-marker-removed", "page footer line")
              for start, end in _footers(text) if _whole_line(text, start, end)]
    spans += [(start, end, "page-marker-removed", "line noting the page the text goes on from or to")
              for start, end in notes if _whole_line(text, start, end)]
    spans += [(c.start, c.end, c.code, c.message) for c in _running_line_cuts(text)]
    spans.sort()
    cuts: list[Cut] = []
    k = 0
    while k < len(spans):
        block = [spans[k]]
        while k + 1 < len(spans) and not text[block[-1][1]:spans[k + 1][0]].strip():
            k += 1
            block.append(spans[k])
        k += 1
        before = block[0][0]
        while before > 0 and text[before - 1] in BLANK:
            before -= 1
        after = block[-1][1]
        while after < len(text) and text[after] in BLANK:
            after += 1
        prev_line = text[text.rfind("\n", 0, before) + 1:before]
        runs_on = (before > 0 and after < len(text) and text[before - 1] not in RUN_ENDS
                   and len(prev_line.strip()) >= RUN_ON_MIN_CHARS and not HEADING_START.match(prev_line)
                   and not HEADING_START.match(text, after) and "\n" in text[before:block[0][0]])
        for n, (start, end, code, message) in enumerate(block):
            if runs_on:  # each line takes the gap before it; the last one the gap after it too
                start = before if n == 0 else block[n - 1][1]
                end = after if n == len(block) - 1 else end
                message += "; the sentence runs on across the page break"
            cuts.append(Cut(start, end, code, message))
    return cuts


def _line_marker_cuts(text: str) -> list[Cut]:
    """Sequential ``N、`` at the start of long lines that continue the previous line's sentence."""
    spans = line_spans(text)
    found = []
    for i, (s, e) in enumerate(spans):
        m = LINE_PAGE_MARKER.match(text, s, e)
        if m:
            found.append((i, int(m.group(1)), s, m.end()))
    best = _longest_chain(found, key=lambda f: f[1])
    if len(best) < MIN_CHAIN:
        return []
    long_lines = sum(spans[i][1] - spans[i][0] >= PAGE_LINE_MIN_CHARS for i, *_ in best)
    mid_sentence = 0
    for i, *_ in best[1:]:
        prev = text[spans[i - 1][0]:spans[i - 1][1]].rstrip()
        if prev and prev[-1] not in SENTENCE_END:
            mid_sentence += 1
    if long_lines < len(best) * 0.6 or mid_sentence < (len(best) - 1) * 0.5:
        return []
    cuts = []
    for i, n, s, end in best:
        # Join the page to the previous line when the sentence runs on across the break.
        prev = text[spans[i - 1][0]:spans[i - 1][1]].rstrip() if i > 0 else ""
        start = s - 1 if prev and prev[-1] not in SENTENCE_END else s
        cuts.append(Cut(start, end, "page-marker-removed", f"page number {n} at the start of a source line"))
    return cuts


def _glued_number_cuts(text: str) -> list[Cut]:
    """Page numbers 1, 2, 3 … glued to the following word after a space."""
    found = [(int(m.group(1)), m.start(1), m.end(1)) for m in GLUED_NUMBER.finditer(text)]
    best = _longest_chain(found, key=lambda f: f[0])
    if len(best) < MIN_CHAIN:
        return []
    cuts = []
    for n, s, e in best:
        start = s
        while start > 0 and text[start - 1] in " \t\u3000":
            start -= 1
        before = text[start - 1] if start > 0 else "\n"
        # Mid-sentence: drop the space too so the split word joins up again.
        if before in SENTENCE_END or before in "\n":
            start = s
        cuts.append(Cut(start, e, "page-marker-removed", f"page number {n} spliced into the text"))
    return cuts


def _running_line_cuts(text: str) -> list[Cut]:
    """Short lines without sentence punctuation that recur many times: running headers of a paged source."""
    spans = line_spans(text)
    seen: dict[str, list[int]] = {}
    for s, e in spans:
        line = text[s:e].strip()
        if 2 <= len(line) <= RUNNING_MAX_CHARS and not any(ch in line for ch in "。，,；;：:！!？?"):  # 各位代表！
            seen.setdefault(line, []).append(s)
    # Printed on many pages: often, and from early to late in the text (a title repeated at the top is not).
    running = {line for line, at in seen.items()
               if len(at) >= RUNNING_MIN and at[-1] - at[0] >= len(text) * RUNNING_SPREAD}
    if not running:
        return []
    from gongwen.parsing.markers import find_candidates  # a repeated heading line is still a heading

    running = {line for line in running if not find_candidates(0, line, True)}
    return [Cut(s, e, "running-header-removed", "line repeated on many pages")
            for s, e in spans if text[s:e].strip() in running]


def remove_page_furniture(text: str, offsets: OffsetMap | None = None) -> tuple[str, list[Diagnostic]]:
    """Remove page footers, page numbers, running headers and page numbers spliced into the text."""
    notes = _continuation_notes(text)
    text, diags = apply_cuts(text, _footer_cuts(text, notes) + _furniture_line_cuts(text, notes), offsets)
    text, more = apply_cuts(text, _line_marker_cuts(text), offsets)
    line_spans.cache_clear()  # the last step to ask for lines: keep no text's lines once done
    diags += more
    text, more = apply_cuts(text, _glued_number_cuts(text), offsets)
    return text, diags + more
