"""Errors with a one-line message for the user (the CLI prints them without a traceback)."""

from __future__ import annotations


class GongwenError(Exception):
    """Base class of the errors gongwen reports to users in one line."""

    exit_code = 1


class InputError(GongwenError):
    """The input file cannot be read or is not a document (empty, binary, corrupt…)."""


class OutputError(GongwenError):
    """An output cannot be written (unwritable directory, path outside the output dir…)."""


class UsageError(GongwenError):
    """The request itself is wrong (unknown format, missing file)."""

    exit_code = 2
