"""The indicator catalogue: stable keys for common indicators, matched by whole synonyms.

The catalogue is a tab-separated data file (``gongwen/data/indicators.tsv``);
files named in ``GONGWEN_INDICATORS`` (separated by the OS path separator) or
passed to :func:`load` extend it. Every file is validated when loaded.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from gongwen.errors import UsageError
from gongwen.model import Document, Indicator

MEASURES = ("change", "value")
DIRECTIONS = ("higher", "lower", "band")
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
ENV = "GONGWEN_INDICATORS"
# What a printed name may carry around the indicator's own name: a year, a time word or the
# whole region in front (2024年全省地区生产总值), a verb the name runs into at the end (稳定在, 按).
LEAD = re.compile(r"^(?:(?:19|20)\d{2}年|今年|全年|去年|上年|预计|初步统计|全(?:省|市|区|疆|州|县|盟|国)|"
                  r"我(?:省|市|区|州|县)|本(?:省|市|区|州|县))+")
TRAIL = re.compile(r"(?:稳定在|保持在|控制在|不少于|达到|为|按|目标设定|目标|预计|同比|平均|平)+$")
GROWTH_WORD = re.compile(r"(?:增长|增速|增幅)$")


@dataclass
class Entry:
    """One catalogue line: a key, what is measured, which way is good, and the names it goes by."""

    key: str
    measure: str
    direction: str
    label: str
    synonyms: list[str] = field(default_factory=list)


class CatalogueError(UsageError):
    """A catalogue file that cannot be used, naming the file and line."""


def measured(ind: Indicator, measure: str) -> float | None:
    """The number an entry of ``measure`` reads from ``ind``.

    A change is the indicator's change, or its value when that is a percentage and the
    name itself says growth (经济增长目标设定为6%左右).
    """
    if measure == "value":
        return ind.value
    if ind.change is None and ind.unit == "%" and GROWTH_WORD.search(normal_name(ind.name)):
        return ind.value
    return ind.change


@lru_cache(maxsize=4096)  # indicator names recur within and across documents
def normal_name(name: str) -> str:
    """A printed name reduced by the documented rules to what is compared with synonyms."""
    name = "".join(name.split())  # what re.sub(r"\s+", "", name) gives, faster
    if lead := LEAD.match(name):  # anchored at the start: at most one match to drop
        name = name[lead.end():]
    return TRAIL.sub("", name)


class Catalogue:
    """Entries in file order, looked up by normalised synonym."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.by_name: dict[str, list[Entry]] = {}
        for entry in entries:
            for synonym in entry.synonyms:
                self.by_name.setdefault(normal_name(synonym), []).append(entry)
        # A normal name is the whole name less a lead and a trail: every match holds a synonym (most names none).
        self.any_synonym = re.compile("|".join(map(re.escape, sorted(self.by_name, key=len, reverse=True))) or "(?!)")

    def entry(self, key: str, measure: str | None = None) -> Entry | None:
        """The entry for ``key`` (and ``measure``), or None."""
        return next((e for e in self.entries if e.key == key and measure in (None, e.measure)), None)

    def matches(self, ind: Indicator) -> list[Entry]:
        """Entries whose synonym is the indicator's whole name and whose measure the indicator gives."""
        if not self.any_synonym.search("".join(ind.name.split())):
            return []
        out = []
        for entry in self.by_name.get(normal_name(ind.name), []):
            if measured(ind, entry.measure) is not None and entry not in out:
                out.append(entry)
        return sorted(out, key=lambda e: MEASURES.index(e.measure))

    def assign(self, doc: Document) -> None:
        """Set ``key`` on every indicator of ``doc`` that matches an entry (a change entry first)."""
        for ind in doc.indicators:
            found = self.matches(ind)
            ind.key = found[0].key if found else None


def parse_lines(lines: list[str], source: str) -> list[Entry]:
    """Entries of a catalogue file's lines; a CatalogueError names the first bad line."""
    entries: list[Entry] = []
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")

        def bad(why: str, number: int = number, line: str = line) -> CatalogueError:
            return CatalogueError(f"{source}:{number}: {why}: {line!r}")

        if len(cells) != 5:
            raise bad(f"expected 5 tab-separated columns (key, measure, direction, label, synonyms), got {len(cells)}")
        key, measure, direction, label, synonyms = (c.strip() for c in cells)
        if not KEY.match(key):
            raise bad(f"key {key!r} must be lower-case letters, digits and _")
        if measure not in MEASURES:
            raise bad(f"measure {measure!r} must be one of {', '.join(MEASURES)}")
        if direction not in DIRECTIONS:
            raise bad(f"direction {direction!r} must be one of {', '.join(DIRECTIONS)}")
        names = [s.strip() for s in synonyms.split("|")]
        if not names or any(not s for s in names):
            raise bad("synonyms must be non-empty names separated by |")
        if any(normal_name(s) != s for s in names):
            raise bad("a synonym must not start with a year or region word nor end in a verb (see CONTRACT.md)")
        entries.append(Entry(key, measure, direction, label, names))
    return entries


def merge(base: list[Entry], extra: list[Entry]) -> list[Entry]:
    """``base`` extended by ``extra``: a known key and measure gains synonyms and takes the new direction."""
    out = list(base)
    for entry in extra:
        old = next((e for e in out if (e.key, e.measure) == (entry.key, entry.measure)), None)
        if old is None:
            out.append(entry)
        else:
            old.direction, old.label = entry.direction, entry.label or old.label
            old.synonyms += [s for s in entry.synonyms if s not in old.synonyms]
    return out


def load(extra: list[str | Path] | tuple[str | Path, ...] = ()) -> Catalogue:
    """The built-in catalogue extended by ``GONGWEN_INDICATORS`` files and then by ``extra`` files."""
    names = [p for p in os.environ.get(ENV, "").split(os.pathsep) if p] + [str(p) for p in extra]
    return _load(tuple((name, _stamp(name)) for name in names))


def _stamp(name: str) -> tuple[int, int]:
    """A file's modification time and size, so that an edited catalogue is read again."""
    try:
        st = os.stat(name)
    except OSError:
        return (0, -1)
    return (st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=8)
def _load(files: tuple[tuple[str, tuple[int, int]], ...]) -> Catalogue:
    text = resources.files("gongwen").joinpath("data/indicators.tsv").read_text(encoding="utf-8")
    entries = parse_lines(text.splitlines(), "indicators.tsv")
    for name, _ in files:
        try:
            lines = Path(name).read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            raise CatalogueError(f"{name}: cannot read the indicator catalogue ({exc.strerror or exc})") from None
        entries = merge(entries, parse_lines(lines, name))
    return Catalogue(entries)


def assign_keys(doc: Document) -> None:
    """Give every indicator of ``doc`` the catalogue key its name matches (None when none does)."""
    load().assign(doc)
