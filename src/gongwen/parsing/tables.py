"""Indicators from table cells: a numeric cell is a figure, named by its row header.

Their ``text`` is the row as a pipe-separated line; ``span`` stays null, since
the reader's text holds the table as a whole, not its cells.

How such tables are built: the first row holds the column headers, the first
column the names of the things measured. A header says what its column holds:
a year (2023年 → the period), a change (比上年增长, 增长%, 增速 → a change in
percent or points), a unit in brackets (年末数（万人）) or a 单位 column beside
the figures. A measure column (数量, 绝对数, 产量, 指标值) adds nothing to the
name; any other header is added to the row's name (城镇 · 比重). A growth column in percent changes the
level in the column just before it, as in prose: one row (粗钢 | 万吨 | 83172.8 | 3.0 → 83172.8万吨, +3.0%); a
change in points is a row of its own.
"""

from __future__ import annotations

import re
import unicodedata

from gongwen.model import Indicator
from gongwen.parsing.quantities import split_unit

NUMBER_CELL = re.compile(r"^[-−–]?\d[\d,]*(?:\.\d+)?$")
YEAR_HEADER = re.compile(r"(19\d{2}|20\d{2})\s*年?")
UNIT_IN_HEADER = re.compile(r"[（(]([^（）()]{1,8})[）)]")
CHANGE_HEADER = re.compile(r"增长|增速|增幅|比上年|同比|增减|±")
POINTS_HEADER = re.compile(r"百分点")
UNIT_COLUMN = re.compile(r"^单\s*位$")
MEASURE_HEADER = re.compile(r"^(?:数量|绝对数|总量|数值|指标值|产量|实绩|完成数|合计|金额|规模|年末数|全年|本年)")
TARGET_HEADER = re.compile(r"目标|预期|计划|规划")
ROW_NAME_NOISE = re.compile(r"^[\s\u3000#＃]*(?:其中[:：]?|#)?[\s\u3000]*")
NAME_BREAKS = re.compile(r"\s+|[\[［〔]\d{1,3}[\]］〕]")
MAX_CELLS = 10_000  # cells read per table: a bound, not a limit real tables reach


def _clean(cell: str) -> str:
    return "".join(unicodedata.normalize("NFKC", cell).split())  # a header wrapped in its cell is one header


def _number(cell: str) -> float | None:
    text = _clean(cell).replace("−", "-").replace("–", "-")
    if not NUMBER_CELL.match(text):
        return None
    return float(text.replace(",", ""))


def table_indicators(rows: list[list[str]], node_id: str | None, kind: str, period: int | None) -> list[Indicator]:
    """The indicators of one table (``kind`` and ``period`` as the part of the document gives them)."""
    if len(rows) < 2:
        return []
    header = [_clean(c) for c in rows[0]]
    unit_col = next((j for j, h in enumerate(header) if UNIT_COLUMN.match(h)), None)
    found: list[Indicator] = []
    cells = 0
    for row in rows[1:]:
        if not row or cells > MAX_CELLS:
            break
        name = NAME_BREAKS.sub("", ROW_NAME_NOISE.sub("", row[0]))  # a wrapped cell, a note call: not the name
        if not name or _number(name) is not None:
            continue
        row_unit = _clean(row[unit_col]) if unit_col is not None and unit_col < len(row) else ""
        row_name = name
        level = None  # the level in the column just before, which a growth column after it changes
        for j in range(1, min(len(row), len(header))):
            cells += 1
            if j == unit_col:
                continue
            value = _number(row[j])
            if value is None:
                if header[j] == header[0] and header[0]:  # 行业 | 增长 | 行业 | 增长: a second pair of columns
                    row_name = NAME_BREAKS.sub("", ROW_NAME_NOISE.sub("", row[j]))
                level = None
                continue
            if row_name:
                ind = _cell(row_name, header[j], value, row_unit, node_id, kind, period, " | ".join(row))
                if level is not None and ind.change_unit == "%" and ind.value is None:
                    level.change, level.change_unit = ind.change, ind.change_unit  # 粗钢 | 万吨 | 83172.8 | 3.0:
                    level = None  # one row, as the same figures in prose (粗钢产量83172.8万吨，增长3.0%)
                    continue
                found.append(ind)
                if ind.unit not in ("%", "‰"):  # a share or a rate between (占比, 完成预算%) is not what grew
                    level = ind if ind.value is not None and ind.change is None else None
    return found


def _cell(name: str, head: str, value: float, row_unit: str, node_id: str | None, kind: str,
          period: int | None, text: str) -> Indicator:
    unit_match = UNIT_IN_HEADER.search(head)
    unit = unit_match.group(1) if unit_match else row_unit
    bare_head = UNIT_IN_HEADER.sub("", head)
    year = YEAR_HEADER.search(bare_head)
    ind = Indicator(id="", node=node_id, name=name, kind="target" if TARGET_HEADER.search(head) else kind,
                    period=int(year.group(1)) if year else period, text=text[:200])
    if CHANGE_HEADER.search(bare_head) or POINTS_HEADER.search(head):
        ind.change = value
        ind.change_unit = "个百分点" if POINTS_HEADER.search(head) else "%"
        return ind
    ind.value, ind.unit = value, unit
    if bare_head and not year and not MEASURE_HEADER.match(bare_head) and bare_head not in ("指标", "项目"):
        ind.name = f"{name}{bare_head}"
    mult, base = split_unit(unit)
    if base:
        ind.value_base, ind.base_unit = value * mult, base
    return ind
