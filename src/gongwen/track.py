"""Promises and results: pair each year's targets with the results reported for that year.

For every region, catalogue key and year Y the target for Y (a ``target`` figure of
the report for Y, or of a plan) is paired with the result for Y (an ``actual``
figure of the review in the report for Y+1, or of a communiqué for Y), and the
pair gets a verdict by the rules in the README ("gongwen track").
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongwen.model import Block, Document, Indicator, Node
from gongwen.parsing.catalogue import Catalogue, Entry, measured

VERDICTS = ("met", "missed", "no result", "no target", "ambiguous")
# Between a name and its figure: a multi-year figure (年均增长, 累计, 五年) never stands for one year.
MULTI_YEAR = re.compile(r"年均|累计|五年|平均每年|期间|以来")
# A list of targets led by a colon: 主要预期目标是：A，B；C — every figure after it is a target.
TARGET_LIST = re.compile(r"目标(?:是|为|建议为|建议是)?[:：]")
MAIN_TARGETS = re.compile(r"(?:主要预期目标|主要目标)(?:是|为|建议为|建议是)?[:：]")
# A heading or paragraph that opens a stretch about several years, or one about a single year.
FIVE_YEAR_OPEN = re.compile(r"^(?:回顾)?[“\"]?(?:十[一二三四五六七八九]五|过去五年|五年来|这五年)")
ADDRESS = re.compile(r"^(?:各位代表|同志们)[，,！!：:]?")
SENTENCE_END = re.compile(r"(?<=[。！？!?])")
SINGLE_YEAR_OPEN = re.compile(r"^(?:刚刚)?(?:过去(?:的)?(?:一年|(?:19|20)\d{2}年)|(?:19|20)\d{2}年|"
                              r"一年来|今年|去年|全年)")
YEAR_IN = re.compile(r"(?:19|20)\d{2}年")
REVIEW_TITLE = re.compile(r"回顾|回忆|成绩|成就|成效|过去|总结|取得")
PLAN_TITLE = re.compile(r"目标|计划|重点工作|思路|打算|安排|任务|展望|建议|今年|主要工作")
SALUTATION = re.compile(r"^(?:各位代表|各位委员|同志们)")
PERCENT_TOLERANCE = 0.5   # percentage points a 左右 / 约 target may be missed by and still count as met
RELATIVE_TOLERANCE = 0.05  # share of a non-percent 左右 / 约 target (60万人左右: 57万人 is still met)
AT_LEAST = ("以上", "超过", "突破", "不低于", "不少于")
AT_MOST = ("以内", "以下", "不超过", "不高于")
ABOUT = ("左右", "约")


@dataclass
class Figure:
    """One catalogued figure of one document, with the year it stands for."""

    ind: Indicator
    entry: Entry
    year: int
    kind: str
    source: str
    region: str
    region_key: tuple[str, str]
    level: str | None

    @property
    def number(self) -> float | None:
        """The figure the entry measures: the change or the value."""
        return measured(self.ind, self.entry.measure)

    @property
    def number_max(self) -> float | None:
        if self.entry.measure == "change" and self.ind.change is not None:
            return self.ind.change_max
        return self.ind.value_max

    def same_as(self, other: Figure) -> bool:
        a, b = self.ind, other.ind
        return (self.number, self.number_max, a.qualifier, a.unit if self.entry.measure == "value" else "") == (
            other.number, other.number_max, b.qualifier, b.unit if other.entry.measure == "value" else "")


@dataclass
class Pair:
    """One panel row: a target and a result (either may be missing) and the verdict."""

    region: str
    level: str | None
    entry: Entry
    year: int
    target: Figure | None
    result: Figure | None
    verdict: str
    difference: float | None = None
    note: str = ""
    candidates: int = 1
    extra: dict[str, Any] = field(default_factory=dict)


def input_files(inputs: Iterable[Path], extensions: set[str]) -> list[Path]:
    """Every readable file named or found (recursively) in a named folder, sorted, hidden files skipped."""
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            for directory, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files += [Path(directory) / n for n in sorted(names)
                          if not n.startswith(".") and "." in n and n.rsplit(".", 1)[-1].lower() in extensions]
        else:
            files.append(path)
    return files


def front_indicators(doc: Document) -> list[Indicator]:
    """Figures of body text the outline left in the front matter (after the salutation), kind by cue words.

    Their period is left None for :func:`figure_year` to infer; a figure after a
    ``目标是：`` in the same paragraph is a target; several-year stretches are left out.
    """
    from gongwen.parsing.indicators import extract_indicators

    blocks = doc.front
    start = next((k + 1 for k, b in enumerate(blocks) if SALUTATION.match(b.text.strip())), None)
    if start is None:
        return []
    out: list[Indicator] = []
    several = False
    for k, block in enumerate(blocks[start:]):
        opened = _opens(block.text)
        several = several if opened is None else opened
        if several:
            continue
        part = Document(meta=copy.copy(doc.meta))
        part.outline = [Node(id=f"front.{k + 1}", kind="topic", marker="", style="none", ordinal=None, title="",
                             body=[Block("paragraph", block.text)])]
        found = extract_indicators(part)
        cue = TARGET_LIST.search(block.text)
        for ind in found:
            ind.period = None
            at = block.text.find(ind.text.strip()[:20])
            if cue and at >= cue.start():
                ind.kind = "target"
        out += found
    return out


def _opens(text: str, heading: bool = False) -> bool | None:
    """True when text opens about several years (“十四五”时期…), False about one (2025年…, 过去一年), else None.

    Of a paragraph's first two sentences the later opening counts (2025年是收官之年。五年来，…
    speaks of five years); a heading that names both (“十四五”时期和2025年工作回顾) opens neither.
    """
    found = None
    text = ADDRESS.sub("", text.strip())
    for sentence in ([text] if heading else SENTENCE_END.split(text, maxsplit=2)[:2]):
        sentence = sentence.strip()
        if FIVE_YEAR_OPEN.match(sentence):
            found = None if heading and YEAR_IN.search(sentence) else True
        elif SINGLE_YEAR_OPEN.match(sentence):
            found = False
    return found


@dataclass
class Layout:
    """Where things stand in a document: the several-year stretches and where its review ends."""

    order: dict[tuple[str, int], int]   # (node id, block index; -1 for the heading) → position in the text
    several: dict[tuple[str, int], bool]  # … → inside a several-year stretch
    review_end: int                       # position where the plan begins (0: no review known)


def layout(doc: Document) -> Layout:
    """The several-year stretches of ``doc`` and, for a work report, where its review ends.

    A stretch opens at a heading or paragraph that starts about a five-year period
    (“十四五”时期是…的五年, 过去五年) and lasts up to one that starts about a single
    year (2025年…, 过去一年). The review ends at the first top-level part titled as a
    plan (目标, 安排, 任务, or the report's own year) or at the first paragraph that
    lists the main targets (主要预期目标是：), whichever comes first.
    """
    order: dict[tuple[str, int], int] = {}
    several: dict[tuple[str, int], bool] = {}
    ends: list[int] = []
    year = f"{doc.meta.year}年" if doc.meta.year else None

    def visit(node: Node, state: bool, top: bool) -> bool:
        if top and ((PLAN_TITLE.search(node.title) and not REVIEW_TITLE.search(node.title))
                    or (year and year in node.title)):
            ends.append(len(order))
        for k, text in [(-1, node.title)] + list(enumerate(b.text for b in node.body)):
            opened = _opens(text, heading=k == -1)
            if opened is not None:
                state = opened
            if k >= 0 and MAIN_TARGETS.search(text):
                ends.append(len(order))
            order[(node.id, k)] = len(order)
            several[(node.id, k)] = state
        for child in node.children:
            state = visit(child, state, False)
        return state

    for top in doc.outline:
        visit(top, False, True)
    work_report = doc.meta.doc_type == "work_report"
    return Layout(order, several, min(ends) if ends and work_report else 0)


def _block_of(node: Node | None, ind: Indicator) -> int:
    if node is None:
        return -1
    probe = ind.text.strip()[:15]
    return next((k for k, b in enumerate(node.body) if probe and probe in b.text), -1)


def figure_year(ind: Indicator, kind: str, doc: Document) -> int | None:
    """The year a figure stands for: its period, else the report's year for a target, its review year for a result."""
    if ind.period is not None:
        return ind.period
    if kind == "target":
        return doc.meta.year
    if doc.meta.doc_type == "bulletin":
        return doc.meta.year
    return doc.meta.review_year


def is_multi_year(ind: Indicator) -> bool:
    """A figure over several years: period_start set, 年均 in its sentence, or 累计/五年 before its number."""
    if ind.period_start is not None or "年均" in ind.text:
        return True
    text = ind.text
    at = text.find(ind.name)
    if at < 0:
        return bool(MULTI_YEAR.search(text[:text.find(ind.name[-2:]) + 8] if ind.name else ""))
    after = text[at + len(ind.name):]
    digit = re.search(r"\d", after)
    return bool(MULTI_YEAR.search(after[:digit.start()] if digit else after))


def figures(doc: Document, catalogue: Catalogue) -> Iterator[Figure]:
    """Every catalogued one-year figure of ``doc``, with its kind and year."""
    meta = doc.meta
    if not meta.region:
        return
    region_key = (meta.region_short or meta.region, meta.region_level or "")
    where = layout(doc)
    nodes = {node.id: node for _, node in doc.walk()}
    scanned_front = any(ind.node is None for ind in doc.indicators)  # the parser scans the front matter itself
    for ind in doc.indicators + ([] if scanned_front else front_indicators(doc)):
        kind = ind.kind
        node = nodes.get(ind.node or "")
        if node is not None:
            at = (node.id, _block_of(node, ind))
            if where.several.get(at, False):
                continue
            if where.order.get(at, 0) < where.review_end and kind == "target" and ind.period == meta.year:
                kind, ind = "actual", copy.copy(ind)  # review text the parser took for a plan
                ind.period = meta.review_year
        if kind == "target" and ind.period is not None and meta.year is not None and ind.period < meta.year:
            kind = "actual"  # 预计增长5%: an estimate for a year already over is a (preliminary) result
        if meta.doc_type == "bulletin":
            kind = "actual"
        year = figure_year(ind, kind, doc)
        if year is None or is_multi_year(ind):
            continue
        for entry in catalogue.matches(ind):
            yield Figure(ind, entry, year, kind, meta.source.path, meta.region, region_key, meta.region_level)


def _distinct(found: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    for fig in found:
        if not any(fig.same_as(o) for o in out):
            out.append(fig)
    return out


def pair(docs: Iterable[Document], catalogue: Catalogue) -> list[Pair]:
    """The panel rows of a set of documents, sorted by region, key and year."""
    groups: dict[tuple, dict[str, list[Figure]]] = {}
    names: dict[tuple[str, str], str] = {}
    for doc in docs:
        for fig in figures(doc, catalogue):
            names[fig.region_key] = max(names.get(fig.region_key, ""), fig.region, key=len)
            side = "target" if fig.kind == "target" else "result"
            group = groups.setdefault((fig.region_key, fig.entry.key, fig.entry.measure, fig.year),
                                      {"target": [], "result": []})
            group[side].append(fig)
    rows: list[Pair] = []
    for (region_key, _key, _measure, year), group in groups.items():
        targets, results = _distinct(group["target"]), _distinct(group["result"])
        entry = (targets or results)[0].entry
        region, level = names[region_key], region_key[1] or None
        if not targets or not results:
            for fig in targets or results:
                rows.append(Pair(region, level, entry, year, fig if targets else None, fig if results else None,
                                 "no result" if targets else "no target", candidates=len(targets or results)))
            if len(targets or results) > 1:
                for row in rows[-len(targets or results):]:
                    row.note = "several different figures for the same year"
            continue
        count = len(targets) * len(results)
        for target in targets:
            for result in results:
                verdict, difference, note = judge(target, result)
                if count > 1:
                    note = f"{len(targets)} targets and {len(results)} results differ; check the clauses"
                    verdict = "ambiguous"
                rows.append(Pair(region, level, entry, year, target, result, verdict, difference, note, count))
    order = {e.key: k for k, e in enumerate(catalogue.entries)}
    rows.sort(key=lambda r: (r.region, order.get(r.entry.key, 99), r.entry.measure, r.year))
    return rows


def _tolerance(target: Figure) -> float:
    percent = target.entry.measure == "change" or target.ind.unit == "%"
    return PERCENT_TOLERANCE if percent else abs(target.number or 0) * RELATIVE_TOLERANCE


def _comparable(target: Figure, result: Figure) -> tuple[float, float, float | None] | None:
    """Target, result and target upper bound in one unit, or None when the units differ."""
    t, r, t_max = target.number, result.number, target.number_max
    if t is None or r is None:
        return None
    if target.entry.measure == "change" or target.ind.unit == result.ind.unit:
        return t, r, t_max
    ti, ri = target.ind, result.ind
    if ti.value_base is not None and ri.value_base is not None and ti.base_unit == ri.base_unit and ti.value:
        scale = ti.value_base / ti.value
        return t, ri.value_base / scale, t_max
    return None


def judge(target: Figure, result: Figure) -> tuple[str, float | None, str]:
    """``(verdict, result − target, note)`` by the key's direction and the target's qualifier."""
    nums = _comparable(target, result)
    if nums is None:
        return "ambiguous", None, f"units differ ({target.ind.unit} / {result.ind.unit})"
    t, r, t_max = nums
    qualifier, direction = target.ind.qualifier, target.entry.direction
    tol = _tolerance(target)
    if t_max is not None:  # a range: 增长5%—5.5%
        low, high = min(t, t_max), max(t, t_max)
        if direction == "lower":
            return ("met" if r <= high else "missed"), round(r - high, 4), "range: upper bound"
        if direction == "band":
            return ("met" if low <= r <= high else "missed"), round(r - (low if r < low else high), 4), "range"
        return ("met" if r >= low else "missed"), round(r - low, 4), "range: lower bound"
    diff = round(r - t, 4)
    if qualifier in AT_LEAST:  # at least the printed amount; for a fall (降低3%以上) at least that fall
        return ("met" if (r <= t if t < 0 else r >= t) else "missed"), diff, f"{qualifier}: at least"
    if qualifier in AT_MOST:
        return ("met" if r <= t else "missed"), diff, f"{qualifier}: at most"
    about = qualifier in ABOUT
    if direction == "band":
        slack = tol if about else 0.0
        return ("met" if abs(r - t) <= slack else "missed"), diff, f"band ±{slack:g}"
    slack = tol if about else 0.0
    if direction == "lower":
        return ("met" if r <= t + slack else "missed"), diff, f"at most {t + slack:g}" if about else "at most"
    return ("met" if r >= t - slack else "missed"), diff, f"at least {t - slack:g}" if about else "at least"


def read_documents(files: list[Path], registry: Any = None, encoding: str | None = None,
                   warn: Any = None) -> list[Document]:
    """Parse every file; a file that cannot be read is reported through ``warn(message)`` and skipped."""
    import gongwen
    from gongwen.errors import GongwenError

    docs = []
    for path in files:
        try:
            docs.append(gongwen.parse(path, encoding=encoding, registry=registry))
        except GongwenError as exc:
            if warn:
                warn(f"{path}: skipped ({exc})")
    return docs
