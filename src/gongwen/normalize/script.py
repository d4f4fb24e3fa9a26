"""Detect traditional script and convert it to simplified with OpenCC (t2s).

Works with either ``opencc`` module (the official binding or
opencc-python-reimplemented). Simplified text never goes through the converter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from gongwen.model import Diagnostic

# Frequent characters that exist only in traditional script (their simplified
# forms differ). A share of them among CJK characters tells the script.
TRADITIONAL_ONLY = frozenset(
    "們這個來時國會對說過還發學經為與業開關東實體點務車區總變歷產動書從員進當認議讓爾長門問間見現線"
    "將組計別處頭據決戰則應機萬億鎮縣報導領專項資設範環維護廣場農穩質擴轉號勞協歲鄉綜營寫電話辦"
    "費際團導圍盤傳統響聯興養覽權歡鐵陽陰雙樣態廳檢歸價鄰竇續紀織濟創標準"
)
THRESHOLD = 0.02
SAMPLE = 200_000  # characters looked at: a document is written in one script
_TRADITIONAL = re.compile("[" + "".join(sorted(TRADITIONAL_ONLY)) + "]")
_CJK_RUN = re.compile("[\u4e00-\u9fff]+")


def traditional_share(text: str) -> float:
    """Share of CJK characters that are traditional-only (0 for simplified text), on a sample."""
    sample = text[:SAMPLE]
    traditional = len(_TRADITIONAL.findall(sample))
    if not traditional:
        return 0.0  # simplified text: no need to count its characters
    total = sum(map(len, _CJK_RUN.findall(sample)))  # runs, not characters: far fewer objects
    return traditional / total if total else 0.0


@lru_cache(maxsize=1)
def t2s() -> Callable[[str], str]:
    """The OpenCC traditional-to-simplified converter, whichever opencc module is installed."""
    import opencc

    last: Exception | None = None
    for config in ("t2s", "t2s.json"):
        try:
            return opencc.OpenCC(config).convert
        except Exception as exc:  # noqa: BLE001 - config names differ between the two packages
            last = exc
    raise RuntimeError(f"OpenCC t2s converter unavailable: {last}")


CHUNK = 4096  # characters handed to the converter at once (it is quadratic on long runs without punctuation)
BREAKS = "\n。！？；，、 "  # a chunk ends after one of these when it can, so no phrase is cut


def convert_t2s(text: str) -> str:
    """``text`` through OpenCC t2s, in chunks that end at punctuation where there is any (linear time)."""
    convert = t2s()
    out = []
    pos = 0
    while pos < len(text):
        end = min(pos + CHUNK, len(text))
        if end < len(text):
            cut = max(text.rfind(ch, pos, end) for ch in BREAKS)
            end = cut + 1 if cut > pos else end
        out.append(convert(text[pos:end]))
        pos = end
    return "".join(out)


def to_simplified(text: str) -> tuple[str, str, list[Diagnostic]]:
    """Return ``(text, script, diagnostics)``; traditional text is converted to simplified."""
    if traditional_share(text) < THRESHOLD:
        return text, "simplified", []
    converted = convert_t2s(text)
    changed = sum(a != b for a, b in zip(text, converted, strict=True)) if len(converted) == len(text) else None
    msg = "traditional script converted to simplified (OpenCC t2s)"
    if changed is not None:
        msg += f"; {changed} characters changed"
    return converted, "traditional", [Diagnostic("converted-to-simplified", msg, 0, "")]
