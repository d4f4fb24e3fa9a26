"""Spans are real: the reader's text at a node's span holds its marker or title, at an indicator's its figure."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

import gongwen
from gongwen.cli import main
from gongwen.normalize.script import to_simplified

from ..conftest import SEEDS, require_shared

MAX_WITHOUT_SPAN = 0.05


def _documents() -> list[Path]:
    return list(SEEDS) + sorted((require_shared("dev", "docs")).iterdir())


def _simplified(text: str) -> str:
    return unicodedata.normalize("NFKC", to_simplified(text)[0])


def _garbled(words: str) -> list[str]:
    """The inner characters of ``words`` as mojibake prints them (UTF-8 read as GB18030), at each of the three
    byte alignments a character can start at."""
    out = []
    for before in (b"", b"\xe3", b"\xe3\x80"):
        garbled = (before + words.encode("utf-8")).decode("gb18030", errors="replace")[2:-2]
        if len(garbled) >= 2:
            out.append(garbled)
    return out


def test_node_spans_hold_the_marker_or_the_title_start():
    nodes = without = wrong = garbled = 0
    for path in _documents():
        source = gongwen.read(path).text
        doc = gongwen.parse(path)
        repaired = any(d.code == "mojibake-repaired" for d in doc.diagnostics)
        for _, node in doc.walk():
            nodes += 1
            if node.span is None:
                without += 1
                continue
            if repaired and node.title[:2] not in source[node.span[0]:node.span[1]]:
                # the reader's text is garbled there: it holds the heading as mojibake prints it
                garbled += 1
                window = source[max(0, node.span[0] - 6):node.span[1] + 8]
                wrong += not any(g in window for g in _garbled((node.marker + node.title)[:6]) + _garbled(
                    node.title[:5]))
                continue
            printed = _simplified(source[node.span[0]:node.span[1]])
            marker = _simplified(node.marker)[:1]
            if not ((marker and printed.startswith(marker)) or node.title[:2] in printed.replace(" ", "")):
                wrong += 1
    assert nodes > 500 and garbled > 10  # the dev set holds a report that was garbled (1987)
    assert without <= MAX_WITHOUT_SPAN * nodes
    assert wrong <= 0.01 * nodes


def test_indicator_spans_hold_the_figure():
    for path in _documents():
        source = gongwen.read(path).text
        doc = gongwen.parse(path)
        if any(d.code == "mojibake-repaired" for d in doc.diagnostics):
            continue
        in_text = [i for i in doc.indicators if " | " not in i.text]  # table cells have no span of their own
        placed = [i for i in in_text if i.span is not None]
        assert len(placed) >= 0.95 * len(in_text), path.name
        for ind in placed:
            figure = unicodedata.normalize("NFKC", source[ind.span[0]:ind.span[1]])
            assert any(ch.isdigit() for ch in figure), (path.name, ind.name, figure)


def test_a_span_survives_removed_lines_and_pinyin():
    text = "某镇政府工作报告\n第 1 页\n一、工作回(huí)顾\n全年增长5%。\n第 2 页\n二、工作安排\n"
    doc = gongwen.parse_text(text)
    second = doc.outline[1]
    assert text[second.span[0]:second.span[1]] == "二、工作安排"
    ind = doc.indicators[0]
    assert text[ind.span[0]:ind.span[1]].startswith("5")


@pytest.mark.parametrize("name", ["004_2bd030c6d8315c75.txt"])
def test_inspect_text_prints_the_text_spans_index(name, tmp_path):
    seed = next(p for p in SEEDS if p.name == name)
    result = CliRunner().invoke(main, ["inspect", "--text", str(seed)])
    assert result.exit_code == 0
    doc = gongwen.parse(seed)
    node = doc.outline[0]
    assert result.output[node.span[0]:node.span[1]].startswith(node.marker)


def test_the_corpus_indicator_table_carries_spans():
    from gongwen.corpus import COLUMNS, document_rows

    seed = SEEDS[0]
    source = gongwen.read(seed).text
    rows = [dict(zip(COLUMNS, row, strict=True)) for row in document_rows(gongwen.parse(seed), seed.name)]
    assert rows
    for row in rows:
        figure = unicodedata.normalize("NFKC", source[row["span_start"]:row["span_end"]])
        assert any(ch.isdigit() for ch in figure), row
