"""Flat views of a Document shared by the tabular exporters (outline rows, indicator rows)."""

from __future__ import annotations

from gongwen.model import Document, Indicator

INDICATOR_COLUMNS = ["id", "node", "path", "name", "value", "unit", "value_base", "base_unit", "change",
                     "change_unit", "qualifier", "value_max", "change_max", "hedge", "kind", "period_start", "period",
                     "span_start", "span_end", "text"]


def display_value(value: object) -> str:
    """A table cell's text: blank for None, whole floats without ``.0``, never exponent notation."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def node_paths(doc: Document) -> dict[str, str]:
    """Map the id of every node an indicator names to its title path (``一、… > （一）…``)."""
    wanted = {ind.node for ind in doc.indicators}
    paths: dict[str, str] = {}
    if not wanted:
        return paths
    stack: list[str] = []
    for depth, node in doc.walk():
        del stack[depth - 1:]
        stack.append(f"{node.marker}{node.title}"[:30])
        if node.id in wanted:
            paths[node.id] = " > ".join(stack)
    return paths


def indicator_row(ind: Indicator, paths: dict[str, str]) -> list[object]:
    """One indicator as a row of INDICATOR_COLUMNS."""
    span = ind.span or [None, None]
    values = {**ind.__dict__, "path": paths.get(ind.node or "", ""), "span_start": span[0], "span_end": span[1]}
    return [values[c] for c in INDICATOR_COLUMNS]
