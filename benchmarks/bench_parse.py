"""Parse throughput over the seeds repeated to a target size, per stage, and linearity in input size.

    python benchmarks/bench_parse.py [--mb 5]
    python benchmarks/bench_parse.py --corpus ../shared/corpus [--slowest 10]

Prints characters per second for each stage (normalize, paragraphs, toc,
outline, topics, indicators, whole parse) on simplified text (seeds 000-003)
and on traditional text (seed 004), then the whole-parse time at 1x and 10x
input to show that it grows linearly.

With ``--corpus DIR`` it times ``gongwen.parse`` (reading included) on every
document under DIR, one core, and beside it one pass of the compiled regex
FLOOR over the same text: overall characters per second, the ratio of the two
(machine noise cancels out), and the slowest documents. One seed is parsed
first, untimed: the first parse of a process imports the parser's modules and
compiles their patterns (about 0.2 s), a cost paid once per process, not per
document.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import gongwen
from gongwen.normalize import normalize
from gongwen.parsing import parse_text
from gongwen.parsing.indicators import extract_indicators
from gongwen.parsing.outline import build_outline
from gongwen.parsing.paragraphs import split_paragraphs
from gongwen.parsing.toc import extract_toc
from gongwen.parsing.topics import add_topics

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# The floor for a Python parser: one pass of a regex that finds the common heading markers.
FLOOR = re.compile(r"(?m)^[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])")


def corpus(names: list[str], chars: int) -> str:
    """The named seeds concatenated and repeated to at least ``chars`` characters."""
    text = "\n".join((SEEDS / n).read_text(encoding="utf-8") for n in names)
    return (text + "\n") * (chars // len(text) + 1)


def stages(text: str) -> dict[str, float]:
    """Seconds spent in each stage of one parse of ``text``."""
    t = {}
    t0 = time.perf_counter()
    norm = normalize(text)
    t["normalize"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    paras = split_paragraphs(norm.text)
    t["paragraphs"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    _, body, _ = extract_toc(paras)
    t["toc"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    built = build_outline(body)
    t["outline"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    add_topics(built.roots)
    t["topics"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    whole = parse_text(text)
    t["whole parse"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    extract_indicators(whole)
    t["indicators"] = time.perf_counter() - t0
    return t


def over_corpus(folder: Path, slowest: int) -> None:
    """Parse every document under ``folder``; print throughput, the ratio to FLOOR and the slowest."""
    rows = []
    gongwen.parse(sorted(SEEDS.glob("*.txt"))[0])  # warm up: the first parse imports and compiles the parser once
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".docx",
                                                                                       ".html", ".pdf")):
        text = gongwen.read(path).text
        t0 = time.perf_counter()
        gongwen.parse(path)
        parse = time.perf_counter() - t0
        t0 = time.perf_counter()
        for _ in range(5):
            FLOOR.findall(text)
        floor = (time.perf_counter() - t0) / 5
        rows.append((path, len(text), parse, floor))
    chars = sum(r[1] for r in rows)
    parse = sum(r[2] for r in rows)
    floor = sum(r[3] for r in rows)
    print(f"{len(rows)} documents, {chars:,} characters: parse {parse:.2f} s = {chars / parse / 1e6:.2f} M chars/s "
          f"(reading included); regex floor {floor:.3f} s; ratio {parse / floor:.0f}x")
    for kind in (".txt", ".md", ".docx", ".html", ".pdf"):
        sub = [r for r in rows if r[0].suffix == kind]
        if sub:
            worst = min(sub, key=lambda r: r[1] / r[2])
            speed = sum(r[1] for r in sub) / sum(r[2] for r in sub) / 1e6
            print(f"  {kind:<6} {len(sub):4d} docs  {speed:6.2f} M chars/s"
                  f"  slowest {worst[1] / worst[2] / 1e6:.2f} M chars/s ({worst[0].name})")
    print(f"slowest {slowest} (characters per second, ratio to the regex floor):")
    for path, n, t, f in sorted(rows, key=lambda r: r[1] / r[2])[:slowest]:
        print(f"  {n / t / 1e6:6.2f} M/s  {t / f:6.0f}x  {n:>9,} chars  {path.parent.name}/{path.name}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0, help="input size in millions of characters")
    ap.add_argument("--corpus", type=Path, help="time gongwen.parse on every document under this folder")
    ap.add_argument("--slowest", type=int, default=10, help="how many of the slowest documents to list")
    a = ap.parse_args()
    if a.corpus:
        over_corpus(a.corpus, a.slowest)
        return
    chars = int(a.mb * 1_000_000)
    simplified = [p.name for p in sorted(SEEDS.glob("*.txt")) if not p.name.startswith("004")]
    for label, names in (("simplified (seeds 000-003)", simplified),
                         ("traditional (seed 004)", ["004_2bd030c6d8315c75.txt"])):
        text = corpus(names, chars)
        t = stages(text)
        print(f"{label}: {len(text):,} characters")
        for stage, sec in t.items():
            print(f"  {stage:<12} {sec:7.3f} s  {len(text) / sec / 1e6 if sec else float('inf'):7.2f} M chars/s")
    small = corpus(simplified, chars // 10)
    big = corpus(simplified, chars)
    t_small = min(_time(small) for _ in range(2))
    t_big = _time(big)
    print(f"linearity: {len(small):,} chars in {t_small:.3f} s; {len(big):,} chars in {t_big:.3f} s; "
          f"ratio {t_big / t_small:.1f}x for {len(big) / len(small):.1f}x the input")


def _time(text: str) -> float:
    t0 = time.perf_counter()
    parse_text(text)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
