"""Write a ``gongwen track`` panel as JSON, CSV or XLSX (panel sheet plus one chart per common key)."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path
from typing import Any, BinaryIO

from gongwen.errors import UsageError
from gongwen.output import write_atomic
from gongwen.track import Figure, Pair

SCHEMA = "gongwen-track/1"
SIDE_FIELDS = ["name", "number", "number_max", "value", "value_max", "unit", "change", "change_max", "change_unit",
               "qualifier", "hedge", "kind", "source", "span", "clause"]
HEAD = ["region", "region_short", "level", "key", "label", "measure", "direction", "year"]
TAIL = ["verdict", "difference", "note", "candidates"]
COLUMNS = HEAD + [f"target_{f}" for f in SIDE_FIELDS] + [f"result_{f}" for f in SIDE_FIELDS] + TAIL
FILLS = {"met": "C6EFCE", "missed": "FFC7CE", "ambiguous": "FFEB9C", "no result": "EDEDED", "no target": "EDEDED"}
MIN_REGIONS = 3  # a key gets a chart when at least this many regions have both a target and a result


def side(fig: Figure | None) -> dict[str, Any] | None:
    """One side of a row (the target or the result) as a JSON object."""
    if fig is None:
        return None
    ind = fig.ind
    return {"name": ind.name, "number": fig.number, "number_max": fig.number_max, "value": ind.value,
            "value_max": ind.value_max, "unit": ind.unit, "change": ind.change, "change_max": ind.change_max,
            "change_unit": ind.change_unit, "qualifier": ind.qualifier, "hedge": ind.hedge, "kind": fig.kind,
            "source": fig.source, "span": ind.span, "clause": ind.text.strip()}


def row_dict(row: Pair) -> dict[str, Any]:
    """A panel row in the JSON form of docs/CONTRACT.md."""
    fig = row.target or row.result
    return {"region": row.region, "region_short": fig.region_key[0] if fig else None, "level": row.level,
            "key": row.entry.key, "label": row.entry.label, "measure": row.entry.measure,
            "direction": row.entry.direction, "year": row.year, "target": side(row.target),
            "result": side(row.result), "verdict": row.verdict, "difference": row.difference, "note": row.note,
            "candidates": row.candidates}


def flat(data: dict[str, Any]) -> list[Any]:
    """A JSON row flattened to COLUMNS (spans as ``start-end``)."""
    out: list[Any] = [data[c] for c in HEAD]
    for name in ("target", "result"):
        part = data[name] or {}
        for f in SIDE_FIELDS:
            value = part.get(f)
            out.append(f"{value[0]}-{value[1]}" if f == "span" and value else value)
    return out + [data[c] for c in TAIL]


def write_panel(rows: list[Pair], path: Path, inputs: list[str]) -> Path:
    """Write the panel to ``path``; the format follows the suffix (.json, .csv, .xlsx)."""
    kind = path.suffix.lower()
    data = [row_dict(r) for r in rows]
    if kind == ".json":
        def write(stream: BinaryIO) -> None:
            doc = {"schema": SCHEMA, "inputs": inputs, "rows": data}
            stream.write(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    elif kind == ".csv":
        def write(stream: BinaryIO) -> None:
            text = io.StringIO(newline="")
            writer = csv.writer(text)
            writer.writerow(COLUMNS)
            for d in data:
                writer.writerow(["" if v is None else v for v in flat(d)])
            stream.write(text.getvalue().encode("utf-8-sig"))
    elif kind == ".xlsx":
        def write(stream: BinaryIO) -> None:
            stream.write(xlsx_bytes(data))
    else:
        raise UsageError(f"{path}: the panel must end in .json, .csv or .xlsx")
    return write_atomic(path, write)


def xlsx_bytes(data: list[dict[str, Any]]) -> bytes:
    """The workbook: a Panel sheet (frozen header, filter, verdict colours) and a Charts sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    sheet = wb.active
    sheet.title = "Panel"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    verdict_col = COLUMNS.index("verdict") + 1
    for d in data:
        sheet.append(flat(d))
        fill = FILLS.get(d["verdict"])
        if fill:
            sheet.cell(row=sheet.max_row, column=verdict_col).fill = PatternFill("solid", start_color=fill)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(data) + 1}"
    for k, name in enumerate(COLUMNS, 1):
        width = 40 if name.endswith("clause") else 24 if name.endswith(("name", "source", "note")) else 11
        sheet.column_dimensions[get_column_letter(k)].width = width
    _charts(wb, data)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def chart_groups(data: list[dict[str, Any]]) -> dict[tuple[str, str, int], list[tuple[str, float, float]]]:
    """Per (key, measure, year) with enough regions: (region, target, result) of the met and missed rows.

    Values are charted in the unit most rows print on both sides; other rows are left out of the chart.
    """
    by_unit: dict[tuple[str, str, int], dict[str, list[tuple[str, float, float]]]] = defaultdict(dict)
    for d in data:
        if d["verdict"] not in ("met", "missed"):
            continue
        t, r = d["target"]["number"], d["result"]["number"]
        unit = d["target"]["unit"] if d["measure"] == "value" else "%"
        if t is None or r is None or (d["measure"] == "value" and d["result"]["unit"] != unit):
            continue
        points = by_unit[(d["key"], d["measure"], d["year"])].setdefault(unit, [])
        points.append((d["region_short"] or d["region"], t, r))
    groups = {k: max(units.values(), key=len) for k, units in by_unit.items()}  # one unit per chart
    return {k: v for k, v in groups.items() if len(v) >= MIN_REGIONS}


def _charts(wb: Any, data: list[dict[str, Any]]) -> None:
    from openpyxl.chart import BarChart, Reference

    groups = chart_groups(data)
    if not groups:
        return
    sheet = wb.create_sheet("Charts")
    labels = {(d["key"], d["measure"]): d["label"] for d in data}
    units = {(d["key"], d["measure"]): d["target"]["unit" if d["measure"] == "value" else "change_unit"] or ""
             for d in data if d["target"]}
    row = 1
    for (key, measure, year), points in sorted(groups.items()):
        unit = units.get((key, measure), "")
        sheet.cell(row=row, column=1, value="region")
        sheet.cell(row=row, column=2, value=f"target {year}")
        sheet.cell(row=row, column=3, value=f"result {year}")
        for k, (region, t, r) in enumerate(points, 1):
            sheet.cell(row=row + k, column=1, value=region)
            sheet.cell(row=row + k, column=2, value=t)
            sheet.cell(row=row + k, column=3, value=r)
        chart = BarChart()
        chart.type = "col"
        chart.title = f"{labels[(key, measure)]} {year}: target vs result" + (f" ({unit})" if unit else "")
        chart.y_axis.title = unit or measure
        chart.x_axis.title = "region"
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.add_data(Reference(sheet, min_col=2, max_col=3, min_row=row, max_row=row + len(points)),
                       titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=row + 1, max_row=row + len(points)))
        chart.width, chart.height = max(16, len(points) * 0.9), 8
        sheet.add_chart(chart, f"E{row}")
        row += max(len(points) + 2, 18)
