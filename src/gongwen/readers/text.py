"""Plain-text reader (.txt and friends) in any common Chinese encoding."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from gongwen.errors import InputError, UsageError
from gongwen.model import Diagnostic
from gongwen.plugin import Reader, SourceText, hookimpl
from gongwen.readers.encoding import decode
from gongwen.textsafe import escape_name

MAX_BYTES = 512 * 1024 * 1024


def file_kind(mode: int) -> str:
    """``regular file``, ``FIFO``, ``character device`` … for an ``st_mode``."""
    for test, kind in ((stat.S_ISREG, "regular file"), (stat.S_ISDIR, "directory"), (stat.S_ISFIFO, "FIFO"),
                       (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
                       (stat.S_ISSOCK, "socket")):
        if test(mode):
            return kind
    return "special file"


def check_file(path: Path, limit: int = MAX_BYTES) -> os.stat_result:
    """The ``stat`` of ``path`` if it is a regular file within ``limit`` bytes (symlinks followed).

    Other kinds (FIFOs, devices, sockets) are refused with a usage error: reading
    them could block forever or never end.
    """
    name = escape_name(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise UsageError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise UsageError(f"{name}: not a regular file ({file_kind(st.st_mode)}); only regular files are read")
    if st.st_size > limit:
        raise InputError(f"{name}: file too large ({st.st_size} bytes, limit {limit})")
    return st


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """Read a whole regular file of at most ``limit`` bytes, with one-line errors for the usual failures.

    The file is opened without blocking and checked through its descriptor, and
    at most ``limit + 1`` bytes are read, so a size that lies cannot run away.
    """
    name = escape_name(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as f:
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise InputError(f"{name}: not a regular file ({file_kind(st.st_mode)})")
            if st.st_size > limit:
                raise InputError(f"{name}: file too large ({st.st_size} bytes, limit {limit})")
            data = f.read(min(st.st_size, limit) + 1)  # a buffer of the size stated, not of the limit
            if st.st_size < len(data) <= limit:
                data += f.read(limit + 1 - len(data))  # the file grew since: read on, to the limit
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise InputError(f"{name}: file too large (more than {limit} bytes)")
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
    return decode_text(read_bytes(path), escape_name(path), options)


@hookimpl
def gongwen_readers() -> list[Reader]:
    """Contribute the plain-text reader."""
    return [Reader("text", ("txt", "text"), "plain text (UTF-8/16, GB18030/GBK, Big5)", read)]
