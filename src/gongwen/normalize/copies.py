"""A document saved twice in one file: the second copy is cut, with a diagnostic that holds it.

Scraped corpora sometimes append a page's text again (a clean copy after a
garbled one, or the article after its own trailer). Read twice, every heading
and figure would be counted twice. The evidence is the text itself: a passage
from early in the document found again later, after which the rest of the
document repeats what came before it. Linear: up to three searches for a passage,
then a fixed number of samples checked against the second copy.
"""

from __future__ import annotations

from gongwen.model import Diagnostic
from gongwen.normalize.edits import Cut, OffsetMap, apply_cuts

MIN_CHARS = 4000  # a shorter document is read as it is
PROBE, SAMPLES, SAMPLE = 60, 20, 40  # the passage sought again; pieces of the first copy sought in the second
PROBE_AT = ((40, 1500), (20, 3000), (10, 6000))  # where the passage is taken: this fraction of the text in, at most
MIN_FOUND = 0.6  # share of the samples the second copy must hold (the copies may differ in spacing)
MAX_SECOND = 1.5  # a second copy is about as long as the first (a trailer more, a title less)
STEP, PIECE, SLACK = 5, 30, 2000  # the opening is sought again piece by piece, up to SLACK before its place


def remove_second_copy(text: str, offsets: OffsetMap | None = None) -> tuple[str, list[Diagnostic]]:
    """Cut a second copy of the document from ``text``: from where it starts again to the end."""
    if len(text) < MIN_CHARS:
        return text, []
    for at in (min(len(text) // share, cap) for share, cap in PROBE_AT):  # in a first copy, past its title
        probe = text[at:at + PROBE]
        again = text.find(probe, at + PROBE) if probe.strip() else -1
        if again >= 0:
            break  # (a garbled copy repaired may differ here and there: more than one place is tried)
    else:
        return text, []
    start = _second_start(text, at, again)
    first, second = text[:start], text[start:]
    step = max(1, (len(first) - SAMPLE) // SAMPLES)
    samples = [first[k:k + SAMPLE] for k in range(0, max(1, len(first) - SAMPLE), step)][:SAMPLES]
    found = sum(1 for piece in samples if piece in second)
    if len(first) < MIN_CHARS // 2 or found < MIN_FOUND * len(samples) or len(second) > MAX_SECOND * len(first):
        return text, []  # not a copy, or more than one: a text made of repeats is read as it is
    cut = Cut(start, len(text), "duplicate-copy-removed",
              f"the document repeats from here ({len(text) - start} characters): a second copy, left out")
    return apply_cuts(text, [cut], offsets)


def _second_start(text: str, at: int, again: int) -> int:
    """Where the second copy starts: the earliest piece of the document's opening found again just before the
    passage (the copies may differ in a line, an indent or a repaired character)."""
    low = max(at + PROBE, again - at - min(SLACK, (again - at) // 4))  # not back into the first copy
    start = again
    for k in range(0, at, STEP):
        piece = text[k:k + PIECE]
        found = text.find(piece, low, start) if piece.strip() else -1
        if found >= 0:
            start = found
    head = text[:at + PROBE]
    opening = {line.strip() for line in head.split("\n")}  # lines of the first copy's opening
    line_start = text.rfind("\n", 0, start) + 1
    if line_start > low and text[line_start:start].strip() in head:
        start = line_start  # the start of its line, indented differently
    while start > low and text[start - 1] == "\n":  # its lines again before the piece
        line_start = text.rfind("\n", 0, start - 1) + 1
        if text[line_start:start - 1].strip() not in opening:
            break
        start = line_start
    return start
