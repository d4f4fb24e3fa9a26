"""What a plugin contributes: the ``hookimpl`` marker and the Exporter / Reader descriptions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import pluggy

from gongwen.model import Diagnostic, Document

hookimpl = pluggy.HookimplMarker("gongwen")

WriteFn = Callable[[Document, BinaryIO, dict[str, Any]], None]


@dataclass
class SourceText:
    """What a reader hands to the parser: the decoded text and how it was obtained.

    ``heading_levels`` maps a line number (0-based, in ``text``) to an outline
    level the source format declares (a Word heading style, an HTML ``<h2>``);
    the parser takes these as strong hints. ``tables`` maps the line that stands
    for a table to its rows of cells; ``figures`` lists the lines that are an
    image's or chart's caption. ``emphasis`` maps a line to the words it opens
    with that the source set in bold (a lead sentence, or a lead ending at a
    comma): where such a lead ends.
    """

    text: str
    format: str
    encoding: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    heading_levels: dict[int, int] = field(default_factory=dict)
    tables: dict[int, list[list[str]]] = field(default_factory=dict)
    figures: set[int] = field(default_factory=set)
    emphasis: dict[int, str] = field(default_factory=dict)


ReadFn = Callable[[Path, dict[str, Any]], SourceText]


@dataclass
class Exporter:
    """An output format contributed through the ``gongwen_exporters`` hook."""

    name: str
    extension: str
    description: str
    write: WriteFn
    text: bool = False
    origin: str = ""


@dataclass
class Reader:
    """An input format contributed through the ``gongwen_readers`` hook."""

    name: str
    extensions: tuple[str, ...]
    description: str
    read: ReadFn
    origin: str = ""
