"""Worksheet rows as SpreadsheetML text, each value typed as openpyxl's write-only ``append`` types it.

Writing ``<row>`` elements from templates costs a fraction of openpyxl's
per-cell objects and lxml calls; the cells read back the same: None is no
cell, numbers are ``%.16g`` (NaN and infinities empty), a string is an inline
string cut at 32,767 characters. Unlike openpyxl, a string is never a formula
(``=…``) or an error code (``#N/A``): the text comes from documents, and a
formula written by a document would run in the reader's spreadsheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

MAX_STRING = 32767
_ESCAPES = re.compile("[&<>\r]")
_TABLE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_letters: list[str] = []


def _columns(count: int) -> list[str]:
    """The letters of the first ``count`` columns (A, B, … Z, AA …), or more."""
    while len(_letters) < count:
        n, name = len(_letters) + 1, ""
        while n:
            n, rest = divmod(n - 1, 26)
            name = chr(65 + rest) + name
        _letters.append(name)
    return _letters


def _text(value: str) -> str:
    return value.translate(_TABLE) if _ESCAPES.search(value) else value


def _number(value: Any) -> str:
    return "" if value != value or value in (float("inf"), float("-inf")) else f"{float(value):.16g}"


def cell(ref: str, value: Any) -> str:
    """The ``<c>`` element of ``value`` at ``ref`` (``value`` not None)."""
    cls = value.__class__
    if cls is str or isinstance(value, str):
        value = str(value)[:MAX_STRING]
        if not value:
            return f'<c r="{ref}" t="inlineStr"/>'
        space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
        return f'<c r="{ref}" t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'
    if cls is int:
        return f'<c r="{ref}" t="n"><v>{float(value):.16g}</v></c>'
    if cls is bool:
        return f'<c r="{ref}" t="b"><v>{value:d}</v></c>'
    if isinstance(value, (int, float, Decimal)):
        return f'<c r="{ref}" t="n"><v>{_number(value)}</v></c>'
    raise ValueError(f"Cannot convert {value!r} to Excel")


def rows_xml(rows: Iterable[list[Any]]) -> Iterator[str]:
    """``<row>`` elements for ``rows``, numbered from 1."""
    for r, row in enumerate(rows, 1):
        letters = _columns(len(row))
        cells = []
        for c, value in enumerate(row):
            if value is None:
                continue
            # the common cases without a call to cell(): half the time
            cls = value.__class__
            if cls is str:
                if not value:
                    cells.append(f'<c r="{letters[c]}{r}" t="inlineStr"/>')
                    continue
                if (len(value) <= MAX_STRING and not value[0].isspace()
                        and not value[-1].isspace() and not _ESCAPES.search(value)):
                    cells.append(f'<c r="{letters[c]}{r}" t="inlineStr"><is><t>{value}</t></is></c>')
                    continue
            elif cls is int or cls is float and value - value == 0:  # not NaN nor infinite
                cells.append(f'<c r="{letters[c]}{r}" t="n"><v>{float(value):.16g}</v></c>')
                continue
            cells.append(cell(f"{letters[c]}{r}", value))
        yield f'<row r="{r}">{"".join(cells)}</row>' if cells else f'<row r="{r}"/>'
