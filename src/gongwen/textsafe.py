"""What text may hold once it is inside gongwen, and how file names are written.

One rule for every format: lone surrogates and the non-characters U+FFFE/U+FFFF
become U+FFFD, C0 controls other than tab, newline and carriage return (and
DEL) are not text. File names that are not valid UTF-8 are written with each
undecodable byte as ``%XX`` (``a\\xff.txt`` → ``a%FF.txt``); nothing else in a
name is changed.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath

INVALID = re.compile("[\ud800-\udfff\ufffe\uffff]")  # not valid Unicode text
PAGE_BREAK = re.compile("[\x0b\x0c]")  # vertical tab, form feed: a line (page) break
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # no meaning in a document
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def safe_text(value: str) -> str:
    """``value`` with everything XML 1.0, XLSX and UTF-8 refuse replaced by U+FFFD."""
    return UNSAFE.sub("\ufffd", value)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as os.fsdecode (surrogateescape) keeps it
        return f"%{code - 0xDC00:02X}"
    return "".join(f"%{b:02X}" for b in m.group().encode("utf-8", "surrogatepass"))


def escape_name(name: str | bytes | PurePath) -> str:
    """A file name, path or message naming one, as text: undecodable bytes and controls written ``%XX``."""
    if isinstance(name, bytes):
        text = os.fsdecode(name)
    else:
        text = name if isinstance(name, str) else name.as_posix()
    return UNSAFE.sub(_escape, text) if UNSAFE.search(text) else text
