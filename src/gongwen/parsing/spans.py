"""Spans: where each node, block and indicator was read from, as ``[start, end)`` in the reader's text.

The parser works on the normalised text; every normalisation step records what
it removed in an offset map, so a position found in the normalised text maps
back to the reader's text. Elements are found in document order from a
moving cursor within a bounded window, so the pass is linear; an element that
cannot be found (a title whose spaces were joined) keeps ``span`` None.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gongwen.model import Block, Document

WINDOW = 4000  # how far past the cursor the next element may start
PROBE = 16  # characters of an element's text used to find it
FIGURE = re.compile(r"[\d０-９][\d０-９.,，．]*\s*(?:%|％|‰|个百分点)?")
FIGURE_REACH = 40  # a figure lies this close after the position recorded for it


class _Finder:
    """Finds successive pieces of the normalised text and maps them to the reader's text."""

    def __init__(self, text: str, to_source: Callable[[int], int]) -> None:
        self.text = text
        self.to_source = to_source
        self.cursor = 0

    def find(self, piece: str, start: int | None = None) -> int:
        """Position of ``piece`` at or after the cursor (or ``start``, before it), within the window, or -1;
        moves the cursor forward."""
        probe = piece.strip()[:PROBE]
        if not probe:
            return -1
        begin = self.cursor if start is None else start
        at = self.text.find(probe, begin, begin + WINDOW + len(probe))
        if at >= 0:
            self.cursor = max(self.cursor, at + 1)
        return at

    def span(self, start: int, end: int) -> list[int]:
        return [self.to_source(start), self.to_source(max(start, end - 1)) + 1]


def _blocks(finder: _Finder, blocks: list[Block], key: str | None, where: dict) -> None:
    for k, block in enumerate(blocks):
        at = finder.find(block.text)
        if at >= 0:
            block.span = finder.span(at, at + len(block.text))
            where[(key, k)] = at


def attach_spans(doc: Document, text: str, to_source: Callable[[int], int]) -> None:
    """Set ``span`` on every node, block and indicator of ``doc`` that can be found in ``text``."""
    finder = _Finder(text, to_source)
    where: dict[tuple[str | None, int], int] = {}
    _blocks(finder, doc.front, None, where)
    heads: dict[int, int] = {}  # depth -> where the last node found at that depth starts
    for depth, node in doc.walk():
        heading = node.marker + node.title
        at = finder.find(heading) if node.marker else -1
        if at < 0:
            at = finder.find(node.title) if node.title else finder.find(node.marker)
        if at < 0 and node.marker and depth - 1 in heads:
            # a run inside its parent's paragraph, whose later paragraphs the parent's body holds: look again
            # from the parent's heading
            at = finder.find(heading, heads[depth - 1])
        if at >= 0:
            heads[depth] = at
            node.span = finder.span(at, at + len(heading))
            title_at = text.find(node.title[:PROBE], at, at + len(heading) + PROBE) if node.title else -1
            where[(node.id, -1)] = title_at if title_at >= 0 else at
        _blocks(finder, node.body, node.id, where)
    _blocks(finder, doc.back, "back", where)
    for ind in doc.indicators:
        node_id, k, offset = getattr(ind, "where", (None, None, 0))
        base = where.get((node_id, k))
        if base is None:
            continue
        if offset is None:  # a table cell: the reader's text does not hold the cell (span stays null)
            continue
        m = FIGURE.search(text, base + offset, base + offset + FIGURE_REACH)
        if m:
            ind.span = finder.span(m.start(), m.end())
