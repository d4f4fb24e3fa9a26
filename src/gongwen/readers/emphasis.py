"""Bold in a paragraph, as the readers that see formatting (Word, web pages) report it to the parser.

The same three signals the Markdown reader reads from ``**``: a paragraph that is
all bold is a heading of unknown level (hint level 0); the bold words a paragraph
opens with are its lead (the ``emphasis`` hint: the lead ends where they end);
and a short bold lead run in after a sentence (…稳就业。**就业收入平稳增长。**城镇…)
opens a paragraph of its own, as it does on the printed page.
"""

from __future__ import annotations

from dataclasses import dataclass

SENTENCE_END = "。；！？"  # a run-in lead starts right after one of these
LEAD_END = "。！，"  # …and ends with one, inside its bold or right after it
MIN_LEAD, MAX_LEAD = 2, 30


@dataclass
class Piece:
    """One line of the reader's text cut from a paragraph, with its hints."""

    text: str
    level: int | None = None  # 0: the whole line is bold
    emphasis: str | None = None  # the bold words it opens with


def merged(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Bold spans in order, neighbours joined across spaces (runs split by Word for no visible reason)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if start >= end:
            continue
        if out and not text[out[-1][1]:start].strip():
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _lead(text: str, bold: str) -> bool:
    """``text`` opens with ``bold``, a short lead ended by a stop inside its bold or right after it."""
    after = text[len(bold):len(bold) + 1]
    return MIN_LEAD <= len(bold) <= MAX_LEAD and (bold[-1] in LEAD_END or after in LEAD_END)


def _run_in(text: str, start: int, end: int) -> bool:
    """A bold span that is a lead run in after a sentence."""
    before = text[:start].rstrip()
    return bool(before) and before[-1] in SENTENCE_END and _lead(text[start:].lstrip(), text[start:end].strip())


def bold_pieces(text: str, spans: list[tuple[int, int]]) -> list[Piece]:
    """``text`` (a paragraph) cut before every bold lead run in after a sentence, each piece with its hints.

    ``spans`` are the bold character ranges of ``text``. The pieces keep their spaces (readers strip them
    as they strip lines); pieces of nothing but spaces are left out.
    """
    spans = merged(spans, text)
    if not spans:
        return [Piece(text)]
    if spans[0][0] <= len(text) - len(text.lstrip()) and spans[0][1] >= len(text.rstrip()):
        return [Piece(text, level=0)]  # all bold
    cuts = [start for start, end in spans if start > 0 and _run_in(text, start, end)]
    pieces: list[Piece] = []
    for begin, stop in zip([0, *cuts], [*cuts, len(text)], strict=True):
        piece = Piece(text[begin:stop])
        visible = piece.text.strip()
        first = begin + len(piece.text) - len(piece.text.lstrip())  # its first visible character
        opening = next((text[first:min(end, stop)].strip() for start, end in spans if start <= first < end), "")
        if opening and len(opening) < len(visible):
            piece.emphasis = opening  # a lead set in bold: it ends where the bold ends
            if _lead(visible, opening):
                piece.level = 0  # the paragraph opens with a bold lead sentence: set apart, like a heading
        if visible:
            pieces.append(piece)
    return pieces
