"""Plain-text reader (.txt and friends) in any common Chinese encoding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gongwen.errors import InputError
from gongwen.model import Diagnostic
from gongwen.plugin import Reader, SourceText, hookimpl
from gongwen.readers.encoding import decode

MAX_BYTES = 512 * 1024 * 1024


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """Read a whole input file, with one-line errors for the usual failures."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"{path}: file too large ({size} bytes, limit {limit})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return data


def decode_text(data: bytes, name: str, options: dict[str, Any], fmt: str = "txt") -> SourceText:
    """Decode text bytes into a SourceText with normalised line endings."""
    text, encoding, diags = decode(data, name, options.get("encoding"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: empty document (no text)")
    diags.insert(0, Diagnostic("encoding-detected", f"decoded as {encoding}", None, ""))
    return SourceText(text=text, format=fmt, encoding=encoding, diagnostics=diags)


def read(path: Path, options: dict[str, Any]) -> SourceText:
    """Read a plain-text file."""
    return decode_text(read_bytes(path), str(path), options)


@hookimpl
def gongwen_readers() -> list[Reader]:
    """Contribute the plain-text reader."""
    return [Reader("text", ("txt", "text"), "plain text (UTF-8/16, GB18030/GBK, Big5)", read)]
