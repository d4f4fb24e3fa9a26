"""Split normalised text into paragraphs.

A physical line is a paragraph; a paragraph indent (two ideographic spaces
or a tab) anywhere, and in run-on lines (whole sections on one line) a space
after a sentence end, also start a paragraph, as they did in the source layout
the text was flattened from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A space after a sentence end (not a ratio's colon: 2.9 : 30.7; a closing quote only after 。), or the paragraph
# indent of text flattened to one line (two ideographic spaces, or a tab) wherever it stands. The same matches as
#   (?:(?<=[。！？!?：:；;）)〞])|(?<=[。！？!?]”))(?<!\d[：:])(?<!\d [：:])[ \t\u3000\xa0]+(?=\S)
#   |[ \xa0]*(?:\u3000{2,}|\t)[ \t\u3000\xa0]*(?=\S)
# written to run in linear time and fast: it opens with the space itself (the regex engine skips to
# spaces at once); an indent is tried only where a run of spaces starts, never again inside it
# (where it could not match first); and one quantifier reads the spaces after an indent.
_SENTENCE_END_SPACE = (r"(?:(?<=[。！？!?：:；;）)〞][ \t\u3000\xa0])"
                       r"|(?<=[。！？!?]”[ \t\u3000\xa0]))(?<!\d[：:][ \t\u3000\xa0])(?<!\d [：:][ \t\u3000\xa0])"
                       r"[ \t\u3000\xa0]*(?=\S)")
_INDENT = (r"(?<![ \xa0][ \xa0])(?<=[ \xa0])[ \xa0]*(?:\u3000\u3000|\t)[ \t\u3000\xa0]*(?=\S)"
           r"|(?<![ \t\u3000\xa0]\u3000)(?<=\u3000)\u3000[ \t\u3000\xa0]*(?=\S)"
           r"|(?<![ \xa0]\t)(?<=\t)[ \t\u3000\xa0]*(?=\S)")
PARA_BREAK = re.compile(rf"[ \t\u3000\xa0](?:{_SENTENCE_END_SPACE}|{_INDENT})")
INDENT_BREAK = re.compile(rf"[ \t\u3000\xa0](?:{_INDENT})")  # a paragraph indent only
# A line this long is run-on: it holds several paragraphs (a paragraph of a report runs to about 1,500
# characters at most); so is a line holding most of the text (a short text flattened to one line). In another
# line a space after a sentence end is left by extraction inside a paragraph (…国家5A级景区。 西北地区…), not a
# paragraph break.
RUN_ON_LINE = 2000
STRIP = " \t\u3000\xa0"
SPACE_CHAR = re.compile("[ \t\u3000\xa0]")  # PARA_BREAK needs one
# A marker with its own closing mark or classifier, alone before an indent: its title follows, not a paragraph.
BARE_MARKER = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,4}[章节篇编部分]{1,2}|[一二三四五六七八九十]{1,3}、"
                         r"|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.、．]")


@dataclass
class Para:
    """One paragraph of the body, and whether it starts a physical line."""

    text: str
    line_start: bool
    line: int
    heading_level: int | None = None
    rows: list[list[str]] | None = None  # a table's cells; ``[]`` marks a figure caption
    indented: bool = False  # opens after a paragraph indent (　　 or a tab) inside a run-on line
    emphasis: str | None = None  # the words it opens with in bold (a reader's hint)

    @property
    def stands_alone(self) -> bool:
        """Starts a line of the source layout: a physical line, or a paragraph indent in a run-on line."""
        return self.line_start or self.indented


def split_paragraphs(text: str, heading_levels: dict[int, int] | None = None,
                     tables: dict[int, list[list[str]]] | None = None,
                     figures: set[int] | None = None, emphasis: dict[int, str] | None = None) -> list[Para]:
    """Paragraphs of ``text`` in order; blank lines are skipped; table and figure lines stay whole."""
    paras: list[Para] = []
    hints = heading_levels or {}
    tables = tables or {}
    for n, line in enumerate(text.split("\n")):
        line = line.strip(STRIP)
        if not line:
            continue
        if n in tables or n in (figures or ()):
            paras.append(Para(line, True, n, None, tables.get(n, [])))
            continue
        if not SPACE_CHAR.search(line):
            paras.append(Para(line, True, n, hints.get(n), emphasis=emphasis.get(n) if emphasis else None))
            continue
        first, indented, start = True, False, 0
        run_on = len(line) >= RUN_ON_LINE or 2 * len(line) > len(text)
        breaks = [*(PARA_BREAK if run_on else INDENT_BREAK).finditer(line), None]
        for k, brk in enumerate(breaks):
            piece = line[start:brk.start() if brk else len(line)].strip(STRIP)
            if brk and (BARE_MARKER.fullmatch(piece) or ("\u3000\u3000" in brk.group() and _one_letter_last(piece)
                                                          and _spaced_word(line, brk, breaks[k + 1]))):
                continue  # a marker set apart from its title (第三十章　　普通高等教育, （二） 狠抓…), letter-spaced
                # words (序　　言)
            if piece:
                paras.append(Para(piece, first, n, hints.get(n) if first else None, indented=indented and not first,
                                  emphasis=emphasis.get(n) if emphasis and first else None))
                first = False
            if brk:
                indented, start = "\u3000\u3000" in brk.group() or "\t" in brk.group(), brk.end()
    return paras


def _one_letter_last(piece: str) -> bool:
    """The piece ends in a word of one letter (序, 第一章　工): the start of a letter-spaced word."""
    return bool(piece) and not piece[-1].isspace() and (len(piece) == 1 or piece[-2].isspace())


def _spaced_word(line: str, brk: re.Match, following: re.Match | None) -> bool:
    """The piece after ``brk`` is one or two characters too: the spaces only set a short word's letters apart."""
    return len(line[brk.end():following.start() if following else len(line)].strip(STRIP)) <= 2
