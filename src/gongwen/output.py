"""Atomic output: write to a temporary file beside the target, then rename over it."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from gongwen.errors import OutputError
from gongwen.textsafe import escape_name


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_target(path: Path) -> None:
    """Refuse to replace anything but a writable regular file (devices, FIFOs, read-only outputs)."""
    name = escape_name(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"{name}: cannot write ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"{name}: exists and is not a regular file; refusing to replace it")
    if not st.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise OutputError(f"{name}: exists and is read-only; refusing to replace it")


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(stream)`` on a temporary file and move it to ``path``; never leave half a file.

    The file gets the usual permissions (0666 less the umask); an existing
    ``path`` must be a writable regular file.
    """
    directory = path.parent if str(path.parent) else Path(".")
    check_target(path)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise OutputError(f"{escape_name(path)}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{escape_name(path)}: cannot write ({exc.strerror or exc})") from None
        raise
    return path


def safe_join(root: Path, relative: Path) -> Path:
    """``root / relative``, refusing a result that escapes ``root``."""
    target = (root / relative).resolve()
    if not target.is_relative_to(root.resolve()):
        raise OutputError(f"{relative}: output path escapes the output directory {root}")
    return target
