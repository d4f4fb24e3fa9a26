"""The reader boundary: whatever breaks inside a reader becomes one line naming the file.

Readers raise :class:`~gongwen.errors.InputError` for what they recognise;
anything else a third-party library throws on a broken file (zlib, zipfile,
pypdf, lxml, codecs, recursion or memory limits) is wrapped here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gongwen.errors import GongwenError, InputError
from gongwen.plugin import Reader, SourceText
from gongwen.readers.text import check_file
from gongwen.textsafe import escape_name


def one_line(exc: BaseException) -> str:
    """``Type: message`` of an exception, on one line and short."""
    message = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {message[:200]}" if message else type(exc).__name__


def read_source(path: Path, reader: Reader, options: dict[str, Any]) -> SourceText:
    """Run ``reader`` on ``path`` (a regular file within the size limit); every failure is a GongwenError."""
    check_file(path)
    try:
        return reader.read(path, options)
    except GongwenError:
        raise
    except Exception as exc:  # noqa: BLE001 - the boundary: a broken file is an input error, never a traceback
        raise InputError(f"{escape_name(path)}: cannot read as {reader.name} ({one_line(exc)})") from None
