"""Flat views of a Document shared by the tabular exporters (outline rows, indicator rows)."""

from __future__ import annotations

from gongwen.model import Document, Indicator

INDICATOR_COLUMNS = ["id", "node", "path", "name", "value", "unit", "value_base", "base_unit", "change",
                     "change_unit", "qualifier", "value_max", "change_max", "hedge", "kind", "period", "text"]


def node_paths(doc: Document) -> dict[str, str]:
    """Map every node id to its title path (``一、… > （一）…``)."""
    paths: dict[str, str] = {}
    stack: list[str] = []
    for depth, node in doc.walk():
        del stack[depth - 1:]
        stack.append(f"{node.marker}{node.title}"[:30])
        paths[node.id] = " > ".join(stack)
    return paths


def indicator_row(ind: Indicator, paths: dict[str, str]) -> list[object]:
    """One indicator as a row of INDICATOR_COLUMNS."""
    values = {**ind.__dict__, "path": paths.get(ind.node or "", "")}
    return [values[c] for c in INDICATOR_COLUMNS]
