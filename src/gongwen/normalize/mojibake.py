"""Repair mojibake: UTF-8 text that was once decoded as GBK/GB18030 and saved again (浜屻�佸潥 → 二、坚).

Such text is reversible: encoding the garbled run with GB18030 gives back the
original UTF-8 bytes, except that each byte GB18030 could not decode became
U+FFFD (almost always the lone continuation byte 0x80, the only byte below
0xFF that is no GB18030 lead byte). Genuine Chinese text never survives that
round trip as valid UTF-8, so a run is repaired only when its bytes decode
as UTF-8 with (almost) no errors. ASCII passes through both codecs
unchanged, so runs separated only by ASCII are repaired as one zone.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from gongwen.model import Diagnostic
from gongwen.normalize.edits import OffsetMap

# A no-break space never comes out of GB18030 (C2 A0 reads as 聽): one in a garbled zone was put there
# later (&nbsp;), and separates runs as ASCII does.
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f\xa0]+")
ASCII_RUN = re.compile(r"[\x00-\x7f\xa0]+")  # unchanged by the repair (a no-break space stays as it was)
MIN_RUN = 4  # a run this long decides on its own; shorter ones join a garbled neighbour
MAX_ERROR_SHARE = 0.1  # share of U+FFFD in a run's UTF-8 reading above which it is genuine text
LOST_BYTE = b"\x80"
CONTINUATION_BYTES = bytes(range(0x80, 0xC0))  # UTF-8 bytes that never start a character
LOST_BEFORE_ASCII = re.compile("\ufffd(?:[\x00-\x7f\xa0]|$)")  # the lost bytes _Counts.likeliest guesses
IDEOGRAPHS = (0xE4, 0xE9)  # first bytes of U+4E00-U+9FFF
ZERO_WEIGHT = 2
MIN_WRITTEN = 2  # how often the document must write a pair for it to decide against the commonest lost byte
CJK_PUNCTUATION = b"\xe3\x80"  # the first two bytes of U+3000-U+303F: 　、。〃 …
CN_NUMERALS = "一二三四五六七八九十"
NO_LINE_END = "、〈《「『【〔〖"
# What every garbled zone holds: the GB18030 reading of an ideograph's first two UTF-8 bytes (浜, 鍏, 骞 …: two
# of every three garbled ideographs give one), or U+FFFD for a byte GB18030 could not read. Most clean text
# holds none of these, and is passed over with one scan.
GARBLED_MARK = re.compile("[\ufffd" + "".join(bytes((lead, second)).decode("gb18030")
                                               for lead in range(IDEOGRAPHS[0], IDEOGRAPHS[1] + 1)
                                               for second in CONTINUATION_BYTES) + "]")


FULL_WIDTH_BLOCK = b"\xef\xbc"  # （ ） ， ： … : a lost last byte there is ） inside an open bracket, else ，
OPEN, CLOSE = "（".encode(), "）".encode()


def _join(pieces: list[bytes], counts: _Counts | None = None) -> bytes:
    """The pieces with one lost byte between each two, guessed from the bytes before it.

    The lost byte is the last of a character cut off before an ASCII byte (a space,
    digit or line end). Mostly it is 0x80 (U+3000, the paragraph indent); in the
    full-width block it closes an open bracket (（一） 搞好…) or is a comma. With
    ``counts`` of the document's characters, a lost byte before an ASCII character
    (which always cuts the character before it) is chosen by :meth:`_Counts.likeliest`
    (就业 before 900, 2015年 before 1月, 二、 before 2007).
    """
    out = bytearray(pieces[0])
    for piece in pieces[1:]:
        bracket = out[-2:] == FULL_WIDTH_BLOCK and bytes(out[-12:]).rfind(OPEN) > bytes(out[-12:]).rfind(CLOSE)
        if bracket:
            out += b"\x89"  # ）
        elif counts is not None and piece[:1].isascii() and len(out) >= 2 and 0xE0 <= out[-2] < 0xF0 \
                and 0x80 <= out[-1] < 0xC0:
            out.append(counts.likeliest(bytes(out[-2:]), _last_character(out, len(out) - 2), piece[:1].decode()))
        elif out[-2:] == FULL_WIDTH_BLOCK:
            out += b"\x8c"  # ，
        elif counts is not None and len(out) >= 2 and IDEOGRAPHS[0] <= out[-2] <= IDEOGRAPHS[1] \
                and 0x80 <= out[-1] < 0xC0:
            out.append(counts.unless_unwritten(bytes(out[-2:]), _last_character(out, len(out) - 2)))
        else:
            out += LOST_BYTE
        out += piece
    return bytes(out)


def _last_character(data: bytearray, end: int) -> str:
    """The character whose UTF-8 bytes end at ``end`` ("" when they do not form one)."""
    start = end - 1
    while start > 0 and end - start < 4 and 0x80 <= data[start] < 0xC0:
        start -= 1
    return bytes(data[max(start, 0):end]).decode("utf-8", errors="ignore")[-1:]


class _Counts:
    """How often the repaired document writes each character, and each character beside another.

    Counted when first asked, and only around the characters asked about: a document loses few bytes
    before ASCII, so counting every pair of its characters would cost more than all the questions.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._single: Counter[str] | None = None
        self._after: dict[str, Counter[str]] = {}  # character -> what follows it
        self._before: dict[str, Counter[str]] = {}  # character -> what precedes it

    def single(self, char: str) -> int:
        if self._single is None:
            self._single = Counter(self.text)
        return self._single[char]

    def _around(self, char: str, following: bool) -> Counter[str]:
        cache = self._after if following else self._before
        if char not in cache:
            pattern = re.escape(char) + "(?=(.))" if following else "(?<=(.))" + re.escape(char)
            cache[char] = Counter(re.findall(pattern, self.text, re.S))
        return cache[char]

    def unless_unwritten(self, head: bytes, before: str) -> int:
        """0x80, the byte a lost byte before a non-ASCII character almost always is, unless the document writes
        that ideograph nowhere else and often writes another one after ``before`` (任务 when a converter lost
        the A1 of 务 before 　: 劀 is written nowhere)."""
        default = (head + LOST_BYTE).decode("utf-8", errors="ignore")
        if self.single(default):
            return LOST_BYTE[0]  # the document writes it elsewhere (一, 局 in 格局 as in 开局): no reason to doubt
        following = self._around(before, True) if before else Counter()
        best, char = max(((following[char], last) for last, char in _candidates(head)), default=(0, LOST_BYTE[0]))
        return char if best >= MIN_WRITTEN else LOST_BYTE[0]

    def likeliest(self, head: bytes, before: str, after: str) -> int:
        """The last byte completing the character that starts with ``head``: the one the document most
        often writes after ``before``, then before ``after`` (the ASCII character after the lost byte);
        for an ideograph with neither, the one written most often anywhere; else as the grammar says (see
        ``tie``), or 0x80."""
        best, score = LOST_BYTE[0], (0, 0, 0)
        ideograph = IDEOGRAPHS[0] <= head[0] <= IDEOGRAPHS[1]
        # On a tie the grammar decides in the block of 、 and 。: after a numeral (二 before 2008年) the
        # enumeration comma, else the full stop, far commoner before a figure or a line end than the
        # ideographic space.
        tie = ("、" if before in CN_NUMERALS else "。") if head == CJK_PUNCTUATION else ""
        if not ideograph and before.isascii():
            return best  # a space or digit tells nothing of the mark after it (5%、3% or 5%。2023年…): a space
        following = self._around(before, True) if before else Counter()
        preceding = self._around(after, False) if after else Counter()
        for last, char in _candidates(head):
            if after == "\n" and char in NO_LINE_END:
                continue  # a list comma or an opening bracket ends no line
            candidate = (following[char], preceding[char], self.single(char) if ideograph else 0)
            if candidate > score or (char == tie and candidate == score):
                best, score = last, candidate
        return best


@lru_cache(maxsize=256)
def _candidates(head: bytes) -> tuple[tuple[int, str], ...]:
    """The 64 characters whose UTF-8 starts with ``head`` (two bytes), with their last byte."""
    out = []
    for last in range(0x80, 0xC0):
        char = (head + bytes((last,))).decode("utf-8", errors="ignore")
        if char and unicodedata.category(char) != "Cn":  # U+FF00 is no character at all
            out.append((last, char))
    return tuple(out)


def _utf8_of(run: str, garbled_only: bool = True, counts: _Counts | None = None) -> str | None:
    """The UTF-8 reading of the GB18030 bytes of ``run``, or None when it is not mojibake.

    With ``garbled_only`` the run must also shrink as mojibake does (about 1.5
    garbled characters per original one); a zone that holds ASCII need not.
    A no-break space (see NON_ASCII_RUN) stays as it is, between parts read on their own.
    """
    if "\xa0" in run:
        parts = [_utf8_of(part, False, counts) for part in run.split("\xa0")]
        return None if None in parts else _checked("\xa0".join(parts), run, garbled_only)  # type: ignore[arg-type]
    try:
        data = _join(_gb18030_pieces(run), counts) if "\ufffd" in run else run.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return _checked(data.decode("utf-8", errors="replace"), run, garbled_only)


LOST_MARK = "\ufffd".encode("gb18030")


def _gb18030_pieces(run: str, errors: str = "strict") -> list[bytes]:
    """The GB18030 bytes of the pieces of ``run`` between its U+FFFD, encoded in one call (a garbled zone holds
    hundreds): split at the bytes of U+FFFD when they occur nowhere else."""
    data = run.encode("gb18030", errors=errors)
    pieces = data.split(LOST_MARK)
    if len(pieces) == run.count("\ufffd") + 1:
        return pieces
    return [piece.encode("gb18030", errors=errors) for piece in run.split("\ufffd")]  # (never seen: to be exact)


def _utf8_unguessed(run: str) -> str:
    """The UTF-8 reading of ``run`` with every character that lost a byte left out (U+FFFD): what
    the document writes for certain, for :class:`_Counts`."""
    if "\xa0" in run:
        return "\xa0".join(map(_utf8_unguessed, run.split("\xa0")))
    return b"\xff".join(_gb18030_pieces(run, "replace")).decode("utf-8", errors="replace")


def _checked(fixed: str, run: str, garbled_only: bool = True) -> str | None:
    """``fixed``, the UTF-8 reading of ``run``, if it reads as repaired mojibake (see ``_utf8_of``), else None."""
    if fixed.count("\ufffd") > MAX_ERROR_SHARE * len(fixed):
        return None
    if garbled_only and len(fixed) * 5 > len(run) * 4:
        return None
    return fixed


def _utf8_of_runs(runs: list[str]) -> list[str | None]:
    """``_utf8_of`` of each run; most runs (genuine text) are told from mojibake without decoding them.

    Each GB18030 byte that is no UTF-8 continuation byte starts a character of the UTF-8
    reading: with more of them than mojibake's shrinking allows (see ``_checked``) the run is
    not mojibake. The runs without U+FFFD are encoded in one call, joined by newlines, which
    no GB18030 multi-byte character holds.
    """
    whole = [run for run in runs if "\ufffd" not in run]
    try:
        starts = iter(map(len, "\n".join(whole).encode("gb18030").translate(None, CONTINUATION_BYTES).split(b"\n")))
    except UnicodeEncodeError:
        return [_utf8_of(run) for run in runs]
    return [None if "\ufffd" not in run and next(starts) * 5 > len(run) * 4 else _utf8_of(run) for run in runs]


def _zones(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, repaired)`` of the mojibake zones: garbled runs, merged across ASCII-only gaps."""
    pieces = NON_ASCII_RUN.findall(text)
    readings = iter(_utf8_of_runs([piece for piece in pieces if len(piece) >= MIN_RUN]))
    garbled = [len(piece) >= MIN_RUN and next(readings) is not None for piece in pieces]
    if not any(garbled):
        return []  # nothing garbled, nor anything next to it (most text: no need for the spans)
    spans = [m.span() for m in NON_ASCII_RUN.finditer(text)]
    for k, (s, e) in enumerate(spans):  # short runs (销�, after 5%) go with a garbled neighbour
        if not garbled[k] and e - s < MIN_RUN and ((k and garbled[k - 1]) or (k + 1 < len(spans) and garbled[k + 1])):
            garbled[k] = _utf8_of(text[s:e], garbled_only=False) is not None
    runs = [span for span, bad in zip(spans, garbled, strict=True) if bad]
    groups: list[list[tuple[int, int]]] = []
    for run in runs:
        if groups and text[groups[-1][-1][1]:run[0]].replace("\xa0", " ").isascii():
            groups[-1].append(run)
        else:
            groups.append([run])
    zones: list[tuple[int, int, str]] = []
    for group in groups:
        start, end = group[0][0], group[-1][1]
        fixed = _utf8_of(text[start:end], garbled_only=False)
        if fixed is not None:
            zones.append((start, end, fixed))
        else:  # an ASCII gap broke a character: repair run by run
            zones += [(s, e, _utf8_of(text[s:e]) or text[s:e]) for s, e in group]
    return zones


def repair_mojibake(text: str, offsets: OffsetMap | None = None) -> tuple[str, list[Diagnostic]]:
    """Repair every mojibake zone; one ``mojibake-repaired`` diagnostic per zone.

    A repaired zone is shorter than the garbled one: the offset map records how each zone stands for its
    garbled text (``_pieces``), so offsets inside a zone and after it stay source offsets.
    """
    if not GARBLED_MARK.search(text):
        return text, []
    zones = _zones(text)
    if not zones:
        return text, []
    guessed = [LOST_BEFORE_ASCII.search(text, start, end) is not None for start, end, _ in zones]
    if any(guessed):  # bytes lost before ASCII characters: guess them again, from the document's words
        ends = [0] + [end for _, end, _ in zones]  # the clean text between zones counts too
        counts = _Counts("".join(text[ends[k]:start] + _utf8_unguessed(text[start:end])
                                 for k, (start, end, _) in enumerate(zones)) + text[ends[-1]:])
        zones = [(start, end, _utf8_of(text[start:end], False, counts) or fixed) if again else (start, end, fixed)
                 for (start, end, fixed), again in zip(zones, guessed, strict=True)]
    out: list[str] = []
    diags: list[Diagnostic] = []
    pieces: list[tuple[int, int, int, int]] = []
    pos = new = 0  # where the next zone starts looking, in the garbled text and in the repaired one
    for start, end, fixed in zones:
        garbled = text[start:end]
        out.append(text[pos:start])
        out.append(fixed)
        lost = fixed.count("\ufffd")
        guessed = garbled.count("\ufffd")
        source = offsets.to_source(start) if offsets is not None else start
        diags.append(Diagnostic(
            "mojibake-repaired",
            f"{len(garbled)} characters of UTF-8 once read as GBK repaired to {len(fixed)}"
            + (f"; {guessed} lost bytes guessed (the character before a line end may be wrong)" if guessed else "")
            + (f"; {lost} could not be recovered" if lost else ""),
            source, garbled))  # the garbled text in full: nothing is lost without a diagnostic
        new += start - pos
        pieces += _pieces(garbled, fixed, start, new)
        new += len(fixed)
        pos = end
    out.append(text[pos:])
    if offsets is not None:
        offsets.stretch(pieces)
    return "".join(out), diags


def _pieces(garbled: str, fixed: str, old: int, new: int) -> list[tuple[int, int, int, int]]:
    """How the repaired zone ``fixed`` at ``new`` stands for ``garbled`` at ``old``, for :class:`Stretches`:
    ASCII passes through both codecs unchanged, so each run of it is itself, and the text between two runs
    stands for the garbled text between them (a character there for about one and a half garbled ones)."""
    runs_fixed = [m.span() for m in ASCII_RUN.finditer(fixed)]
    runs_garbled = [m.span() for m in ASCII_RUN.finditer(garbled)]
    if len(runs_fixed) != len(runs_garbled) or any(f[1] - f[0] != g[1] - g[0]
                                                   for f, g in zip(runs_fixed, runs_garbled, strict=True)):
        return [(new, new + len(fixed), old, old + len(garbled))]  # (never seen: a byte lost before ASCII)
    anchors = list(zip(runs_fixed, runs_garbled, strict=True))
    pieces, f_pos, g_pos = [], 0, 0
    for (f_start, f_end), (g_start, g_end) in anchors + [((len(fixed), len(fixed)), (len(garbled), len(garbled)))]:
        if f_start > f_pos:
            pieces.append((new + f_pos, new + f_start, old + g_pos, old + g_start))
        if f_end > f_start:
            pieces.append((new + f_start, new + f_end, old + g_start, old + g_end))
        f_pos, g_pos = f_end, g_end
    return pieces
