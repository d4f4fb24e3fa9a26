"""A printed table of contents (提纲, 目录): lift it out of the body before the outline pass."""

from __future__ import annotations

import re

from gongwen.model import Diagnostic, TocEntry
from gongwen.parsing.markers import find_candidates
from gongwen.parsing.paragraphs import Para

TOC_HEADER = re.compile(r"^(?:提\s*纲|目\s*录|目\s*次)\s*[:：]?$")
MAX_ENTRY = 40
MAX_UNNUMBERED = 20
UNNUMBERED_STOP = re.compile(r"[，,；;：:！!？?]")
MIN_IMPLICIT = 4
SPACES = re.compile(r"[\s\u3000]+")
WORD = re.compile(r"[^\W_]")


def _entry(para: Para, under_header: bool = False) -> tuple[str, str, str] | None:
    """``(style, marker, title)`` when the paragraph is a bare heading line.

    Under a 目录 header an unnumbered short line (序言, 结束语) is an entry too.
    """
    if not para.line_start or len(para.text) > MAX_ENTRY or "。" in para.text:
        return None
    found = find_candidates(0, para.text, True)
    if not found or found[0].start != 0:
        if under_header and len(para.text) <= MAX_UNNUMBERED and not UNNUMBERED_STOP.search(para.text) \
                and WORD.search(para.text):  # not a rule line (---) between the contents and the text
            return "none", "", para.text
        return None
    c = found[0]
    return c.style, c.marker, para.text[c.end:].strip()


def _key(entry: tuple[str, str, str]) -> tuple[str, str]:
    """An entry's marker and title without the spaces that letter-space them."""
    return entry[1], SPACES.sub("", entry[2])


def extract_toc(paras: list[Para]) -> tuple[list[Para], list[Para], list[TocEntry]]:
    """Split ``paras`` into (paragraphs before the TOC, body paragraphs, TOC entries)."""
    start = next((i for i, p in enumerate(paras) if TOC_HEADER.match(p.text)), None)
    first = start + 1 if start is not None else None
    if first is None:  # no header: a block of bare headings whose first one recurs later
        last_at = {p.text: k for k, p in enumerate(paras)}  # where each text is found last
        for i in range(min(len(paras), 60)):
            e = _entry(paras[i])
            if e and last_at[paras[i].text] >= i + MIN_IMPLICIT:
                first = start = i
                break
    if first is None:
        return [], paras, []
    entries = []
    end = first
    while end < len(paras) and (e := _entry(paras[end], start is not None and paras[start] is not paras[first])):
        if entries and _key(e) == _key(entries[0]) or (e[0] == "none" and any(_key(e) == _key(x) for x in entries)):
            break  # the first entry again (序　　言 … 序言): the body has begun
        entries.append(e)
        end += 1
    if len(entries) < 2 or (paras[start] is paras[first] and len(entries) < MIN_IMPLICIT):
        return [], paras, []
    levels: dict[str, int] = {}
    toc = []
    for style, marker, title in entries:
        level = levels.setdefault(style, len(levels) + 1)
        toc.append(TocEntry(level, marker, title))
    return paras[:first], paras[end:], toc


def check_toc(toc: list[TocEntry], titles: list[str]) -> list[Diagnostic]:
    """A ``toc-mismatch`` diagnostic for each entry with no body heading of that title."""
    diags = []
    titles = [SPACES.sub("", t) for t in titles]
    for entry in toc:
        key = SPACES.sub("", entry.title)[:4]  # letter-spaced in one place or the other (工　业, 工业)
        if key and not any(t.startswith(key) for t in titles):
            diags.append(Diagnostic("toc-mismatch", "table-of-contents entry has no heading in the body",
                                    None, f"{entry.marker}{entry.title}"))
    return diags
