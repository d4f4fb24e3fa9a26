"""Remove spans from text, record each removal as a Diagnostic, and map offsets back to the source.

Every step that removes text goes through :func:`apply_cuts` with the
document's :class:`OffsetMap`, so a diagnostic's ``offset`` is always a
position in the text the normaliser was given, whatever was removed before.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from gongwen.model import Diagnostic


@dataclass(frozen=True)
class Cut:
    """A span ``[start, end)`` of the text to remove, and why."""

    start: int
    end: int
    code: str
    message: str


class Stretches:
    """Ranges of a text that stand for ranges of another length in the text before it (a repaired mojibake
    zone stands for its garbled characters): ``(start, end, old_start, old_end)``, sorted. A position inside
    one maps in proportion; after one, by the difference of their ends; before the first, to itself."""

    def __init__(self, pieces: list[tuple[int, int, int, int]]) -> None:
        self.pieces = pieces
        self.starts = [piece[0] for piece in pieces]

    def __call__(self, pos: int) -> int:
        k = bisect_right(self.starts, pos) - 1
        if k < 0:
            return pos
        start, end, old_start, old_end = self.pieces[k]
        if pos >= end:
            return pos - end + old_end
        return old_start + (pos - start) * (old_end - old_start) // (end - start)


@dataclass
class OffsetMap:
    """The removals made so far, layer by layer, to map a position in today's text to the source."""

    layers: list[tuple[list[int], list[int]] | Stretches] = field(default_factory=list)

    def add(self, spans: list[tuple[int, int]]) -> None:
        """Record one round of removals (``(start, end)`` in the text of that round, sorted)."""
        if not spans:
            return
        starts, prefix, removed = [], [0], 0
        for start, end in spans:
            starts.append(start - removed)
            removed += end - start
            prefix.append(removed)
        self.layers.append((starts, prefix))

    def to_source(self, pos: int) -> int:
        """The source position of position ``pos`` of the current text."""
        if not self.layers:
            return pos  # nothing removed: most documents
        for layer in reversed(self.layers):
            if isinstance(layer, Stretches):
                pos = layer(pos)
            else:
                starts, prefix = layer
                pos += prefix[bisect_right(starts, pos)]
        return pos

    def stretch(self, pieces: list[tuple[int, int, int, int]]) -> None:
        """Record one round of replacements by text of another length (see :class:`Stretches`)."""
        if pieces:
            self.layers.append(Stretches(pieces))


def apply_cuts(text: str, cuts: list[Cut], offsets: OffsetMap | None = None) -> tuple[str, list[Diagnostic]]:
    """Remove the (non-overlapping) ``cuts`` from ``text``; one diagnostic per cut.

    Diagnostic offsets are positions in the source when ``offsets`` is given
    (which then records this round), else positions in ``text``.
    """
    if not cuts:
        return text, []
    diags: list[Diagnostic] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for cut in sorted(cuts, key=lambda c: c.start):
        if cut.start < pos or cut.end <= cut.start:  # covered by an earlier cut, or removes nothing
            continue
        source = offsets.to_source(cut.start) if offsets is not None else cut.start
        diags.append(Diagnostic(cut.code, cut.message, source, text[cut.start:cut.end]))
        spans.append((cut.start, cut.end))
        pos = cut.end
    return remove_spans(text, spans, offsets), diags


def remove_spans(text: str, spans: list[tuple[int, int]], offsets: OffsetMap | None = None) -> str:
    """``text`` without the sorted, non-overlapping ``spans``, recorded in ``offsets`` as one round."""
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    if offsets is not None:
        offsets.add(spans)
    return "".join(out)


@lru_cache(maxsize=2)  # chrome and page furniture ask for the same text's lines (pages clears the cache)
def line_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of every line of ``text``, ``end`` excluding the newline."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return tuple(spans)
