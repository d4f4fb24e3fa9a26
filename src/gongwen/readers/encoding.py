"""Decode bytes of unknown encoding into text, strictly first and statistically last.

Statistical detectors mistake GBK for cp874 or GB2312 for Big5 on short Chinese
texts, so the order is: BOM, UTF-8, then GB18030 and Big5 (both decoded
strictly, the one with more common Chinese characters wins), and only then
charset-normalizer; the last resort is GB18030 with replacement characters,
reported as a diagnostic.
"""

from __future__ import annotations

import codecs

from gongwen.errors import InputError, UsageError
from gongwen.model import Diagnostic

# Frequent characters in both scripts: a wrong decoding yields mostly rare ones.
COMMON_CHARS = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点"
    "从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原"
    "又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革"
    "位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强"
    "放决西被干做必战先回则任取据处府走务市镇县省亿万元增长推进全面发展建设经济项目企业工作报告会议代表"
    "們這個來時國會對說過還發學經為與業開關東實體點務車區總變歷產動書從員進當認議讓體爾長門問間見現線"
    "將組計別處頭據決戰則應機當與萬億鎮縣報導領導專項資設範環維護廣場農村穩質擴轉號"
)


# A forced encoding that leaves more undecodable sequences than this is the wrong one: an error, not a warning.
MAX_FORCED_BAD = 10
MAX_FORCED_SHARE = 0.005

# Codecs Python files under text encodings that do not decode documents.
NOT_DOCUMENT_CODECS = frozenset({"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape"})


def text_encoding(label: str) -> str | None:
    """The codec name for ``label`` if it decodes document bytes to text, else None.

    Unknown labels and bytes-to-bytes or special codecs (rot13, hex, base64,
    zlib, idna, punycode, undefined …) are not text encodings.
    """
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_DOCUMENT_CODECS:
        return None
    return info.name


def _common_ratio(text: str) -> float:
    cjk = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(c in COMMON_CHARS for c in cjk) / len(cjk)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_cjk(text: str) -> bool:
    """Text that reads as Chinese: no control characters, mostly CJK, mostly common characters."""
    sample = text[:20000]
    if any(ord(c) < 32 and c not in "\t\n\r" for c in sample):
        return False
    visible = [c for c in sample if not c.isspace()]
    cjk = sum(1 for c in visible if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return bool(visible) and cjk >= 0.5 * len(visible) and _common_ratio(sample) > 0.3


def bomless_utf(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` for UTF-32 or UTF-16 without a byte-order mark, when the text is mostly Chinese."""
    for encoding, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) % width == 0 and (text := _strict(data, encoding)) is not None and _mostly_cjk(text):
            return text, encoding
    return None


CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b)  # controls that text does not hold


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read (NUL bytes, control noise)."""
    sample = data[:8192]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    return controls > max(8, len(sample) // 100)


def decode(data: bytes, name: str, forced: str | None = None) -> tuple[str, str, list[Diagnostic]]:
    """Decode ``data`` (the file ``name``) and return ``(text, encoding, diagnostics)``."""
    diags: list[Diagnostic] = []
    if forced:
        if text_encoding(forced) is None:
            raise UsageError(f"{name}: {forced!r} is not a text encoding (try utf-8, gb18030, big5, utf-16)")
        try:
            text = data.decode(forced, errors="replace")
        except (UnicodeError, ValueError) as exc:
            raise InputError(f"{name}: cannot decode as {forced} ({exc})") from None
        bad = text.count("\ufffd") - data.decode(forced, errors="ignore").count("\ufffd")
        if bad > MAX_FORCED_BAD and bad > len(text) * MAX_FORCED_SHARE:
            raise InputError(f"{name}: {bad:,} byte sequences are not valid {forced} (wrong --encoding?)")
        if bad:
            diags.append(Diagnostic("undecodable-bytes",
                                    f"{bad} byte sequences are not valid {forced}; replaced with U+FFFD"))
        return text, forced, diags
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", diags
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", diags
    text = _strict(data, "utf-8")
    if (text is None or b"\x00" in data[:8192]) and (found := bomless_utf(data)):
        return found[0], found[1], diags
    if looks_binary(data):
        raise InputError(f"{name}: binary file, not a text document")
    if text is not None:
        return text, "utf-8", diags
    candidates = [(enc, t) for enc in ("gb18030", "big5") if (t := _strict(data, enc)) is not None]
    if candidates:
        enc, text = max(candidates, key=lambda c: _common_ratio(c[1]))
        return text, enc, diags
    # Mostly one encoding with a few broken bytes: keep the best reading, report the damage.
    lenient = [(enc, data.decode(enc, errors="replace")) for enc in ("utf-8", "gb18030", "big5")]
    enc, text = max(lenient, key=lambda c: _common_ratio(c[1]) - 10 * c[1].count("\ufffd") / max(len(c[1]), 1))
    bad = text.count("\ufffd")
    if bad <= max(3, len(text) // 200) and _common_ratio(text) > 0.3:
        diags.append(Diagnostic("undecodable-bytes",
                                f"{bad} byte sequences are not valid {enc}; replaced with U+FFFD"))
        return text, enc, diags
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - the detector is a tie-breaker, never fatal
        best = None
    if best is not None and best.encoding:
        return str(best), best.encoding, diags
    text = data.decode("gb18030", errors="replace")
    diags.append(Diagnostic("undecodable-bytes",
                            f"{text.count(chr(0xFFFD))} byte sequences could not be decoded; replaced with U+FFFD"))
    return text, "gb18030", diags
