"""Remove spans from text and record each removal as a Diagnostic."""

from __future__ import annotations

from dataclasses import dataclass

from gongwen.model import Diagnostic


@dataclass(frozen=True)
class Cut:
    """A span ``[start, end)`` of the text to remove, and why."""

    start: int
    end: int
    code: str
    message: str


def apply_cuts(text: str, cuts: list[Cut]) -> tuple[str, list[Diagnostic]]:
    """Remove the (non-overlapping) ``cuts`` from ``text``; one diagnostic per cut.

    Diagnostic offsets are positions in ``text`` (the input of the step).
    """
    if not cuts:
        return text, []
    out: list[str] = []
    diags: list[Diagnostic] = []
    pos = 0
    for cut in sorted(cuts, key=lambda c: c.start):
        if cut.start < pos:  # overlapping cut: the earlier one already covers it
            continue
        out.append(text[pos:cut.start])
        removed = text[cut.start:cut.end]
        diags.append(Diagnostic(cut.code, cut.message, cut.start, removed))
        pos = cut.end
    out.append(text[pos:])
    return "".join(out), diags


def line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line of ``text``, ``end`` excluding the newline."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans
