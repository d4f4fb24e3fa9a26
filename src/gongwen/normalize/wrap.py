"""Join hard-wrapped lines (PDF extraction breaks lines every ~40 characters mid-sentence), and lines
that hold only an opening bracket or quote (web copies break ``（`` / ``三）改革…`` inside a marker)."""

from __future__ import annotations

import re
from collections import Counter

from gongwen.model import Diagnostic
from gongwen.normalize.edits import OffsetMap, remove_spans

SENTENCE_END = "。！？!?；;：:”\"」』）)"
HEADING_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)|"
    r"[①-⑳]|第[一二三四五六七八九十\d]+[部章节篇]|[一二三四五六七八九十]是)"
)
# A line of nothing but opening marks can end no text: its line break is a wrap (（ / 三）…, “ / 十四五”…).
OPENER_LINE = re.compile(r"(?m)^[ \t\u3000]*[（(“‘《【［〔「『]+([ \t\u3000]*\n[ \t\u3000]*)(?=\S)")
MIN_LINES = 8
MIN_WIDTH = 20  # characters; narrower clusters are lists and headings, not a page width
NEARLY_FULL = 0.8  # a line this full of the page width that ends mid-sentence runs on in the next
INDENT = re.compile(r"^(?:\u3000|[ \t]{2})")  # a paragraph's first line, indented
MIN_OPENINGS, INDENTED = 3, 0.6  # paragraph openings needed to tell, and the share of them indented


# Wide (two-column) characters: Hangul jamo, CJK and its punctuation, kana, Hangul, full-width forms.
WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
                  "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
WIDE_RUN = re.compile(WIDE.pattern + "+")


def display_width(line: str) -> int:
    """Columns the line takes on a page: CJK and full-width characters count two, the rest one."""
    return len(line) + sum(map(len, WIDE_RUN.findall(line)))  # runs, not characters: far fewer objects


def wrap_width(lines: list[str]) -> int | None:
    """The page width (in columns) of hard-wrapped text, or None when lines are not wrapped."""
    long_lines = [line for line in lines if len(line.strip()) >= 10]
    if len(long_lines) < MIN_LINES:
        return None
    unfinished = sum(1 for line in lines if line.strip() and line.rstrip()[-1] not in SENTENCE_END)
    if unfinished < len(long_lines) * 0.3:
        return None  # most lines end a sentence: not wrapped, whatever their widths
    lengths = [display_width(line.rstrip()) for line in long_lines]
    width, _ = Counter(lengths).most_common(1)[0]
    near = sum(1 for n in lengths if width - 6 <= n <= width + 2)
    if width < 2 * MIN_WIDTH or near < len(lengths) * 0.4:
        return None
    return width


def _indented_paragraphs(lines: list[str], width: int) -> bool:
    """Whether paragraphs open with an indent: most lines after a short line (a paragraph's last, a heading)
    are indented, as the first lines of printed Chinese paragraphs are (two ideographic spaces)."""
    opening = [line for last, line in zip(lines, lines[1:], strict=False)
               if line.strip() and last.strip() and display_width(last.rstrip()) < width * NEARLY_FULL]
    indented = sum(1 for line in opening if INDENT.match(line))
    return len(opening) >= MIN_OPENINGS and indented >= INDENTED * len(opening)


def join_wrapped_lines(text: str, offsets: OffsetMap | None = None) -> tuple[str, list[Diagnostic]]:
    """Join lines broken by the page width into paragraphs.

    A line that ends a sentence, or a short line (a paragraph's last), ends the
    paragraph; a line starting with a heading marker starts a new one. The
    removed line breaks are recorded in ``offsets``.
    """
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text, []
    indents = _indented_paragraphs(lines, width)
    out = [lines[0]]
    spans: list[tuple[int, int]] = []
    pos = len(lines[0])  # position of the newline before the next line
    for last, line in zip(lines, lines[1:], strict=False):
        prev = out[-1].rstrip()
        # the last line as printed, not the paragraph joined so far; digits take one column, characters two
        full = display_width(last.rstrip()) >= width * NEARLY_FULL
        # Where paragraphs open with an indent, an unindented line after a full one runs on whatever the full
        # one ends with (a 。 at the margin ends a paragraph only by chance); else a sentence end ends it.
        runs_on = not INDENT.match(line) if indents else prev[-1:] not in SENTENCE_END
        if prev and line.strip() and full and runs_on and not HEADING_START.match(line):
            gap_start = pos - (len(out[-1]) - len(prev))
            spans.append((gap_start, pos + 1 + len(line) - len(line.lstrip())))
            out[-1] = prev + line.lstrip()
        else:
            out.append(line)
        pos += 1 + len(line)
    if not spans:
        return text, []
    if offsets is not None:
        offsets.add(spans)
    diag = Diagnostic("wrapped-lines-joined", f"{len(spans)} lines hard-wrapped at about {width} characters joined",
                      None, "")
    return "\n".join(out), [diag]


def join_opener_lines(text: str, offsets: OffsetMap | None = None) -> tuple[str, list[Diagnostic]]:
    """Join each line that holds only opening brackets or quotes to the line after it."""
    spans = [m.span(1) for m in OPENER_LINE.finditer(text)] if "\n" in text else []
    if not spans:
        return text, []
    return remove_spans(text, spans, offsets), [Diagnostic(
        "opener-lines-joined", f"{len(spans)} lines holding only an opening bracket or quote joined to the next",
        None, "")]
