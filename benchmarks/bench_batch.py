"""Batch throughput: documents per second, MB per second, export time per format, peak RSS.

    python benchmarks/bench_batch.py [-n 1000] [--jobs 2] [--vs-pandoc] [--keep DIR]

Builds a corpus of N documents from seeds/ (each copy lightly varied: a
different year, a different figure, a sentence added), runs
``gongwen batch`` on it to all four default formats (xml, docx, xlsx,
markdown), and prints documents/s, MB/s and the peak resident memory of the
batch (main process plus workers, sampled). It then times each exporter per
document in-process. With --vs-pandoc (when pandoc is installed) it converts
the same files to DOCX with pandoc, one process per file as users do, and
prints the per-file ratio against ``gongwen batch -t docx``.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def build_corpus(root: Path, n: int) -> int:
    """Write ``n`` lightly varied seed copies under ``root`` (100 per folder); return their total bytes."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    total = 0
    for k in range(n):
        text = seeds[k % len(seeds)]
        text = text.replace("2023年", f"{2000 + k % 24}年", 1).replace("增长", f"增长{k % 9}.{k % 7}%，", 1)
        text += f"\n本文为第{k}份样本。\n"
        folder = root / f"part{k // 100:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"doc{k:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc), in kB."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


def run_batch(args: list[str]) -> tuple[float, int]:
    """Run ``gongwen batch`` with ``args``; return (seconds, peak tree RSS in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "gongwen", "batch", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    sampler.join()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"gongwen batch failed:\n{err.decode()[-2000:]}")
    return seconds, peak // 1024


def exporter_times() -> dict[str, float]:
    """Milliseconds per seed document for parsing and for each built-in exporter."""
    import gongwen
    from gongwen.plugins import load_registry

    registry = load_registry()
    docs = [gongwen.parse(p) for p in sorted(SEEDS.glob("*.txt"))]
    times = {}
    start = time.perf_counter()
    for _ in range(5):
        for p in sorted(SEEDS.glob("*.txt")):
            gongwen.parse(p)
    times["parse"] = (time.perf_counter() - start) / (5 * len(docs)) * 1000
    for name in ("json", "xml", "markdown", "docx", "xlsx"):
        exporter = registry.exporter(name)
        exporter.write(docs[0], io.BytesIO(), {})  # warm up lazy imports and caches
        start = time.perf_counter()
        for _ in range(5):
            for doc in docs:
                exporter.write(doc, io.BytesIO(), {})
        times[name] = (time.perf_counter() - start) / (5 * len(docs)) * 1000
    return times


def pandoc_docx(corpus: Path, out: Path, limit: int) -> tuple[float, int]:
    """Seconds for pandoc to convert up to ``limit`` files to DOCX, one process per file."""
    files = sorted(corpus.rglob("*.txt"))[:limit]
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for k, path in enumerate(files):
        subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", str(path), "-o", str(out / f"{k}.docx")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, len(files)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1000, help="documents in the corpus (default 1000)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--vs-pandoc", action="store_true", help="also time pandoc converting the same files to DOCX")
    ap.add_argument("--pandoc-files", type=int, default=200, help="files pandoc converts (default 200)")
    ap.add_argument("--keep", type=Path, help="build the corpus and outputs here and keep them")
    a = ap.parse_args()
    work = a.keep or Path(tempfile.mkdtemp(prefix="gongwen-bench-"))
    corpus, out = work / "corpus", work / "out"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    size = build_corpus(corpus, a.n)
    print(f"corpus: {a.n} documents, {size / 1e6:.1f} MB, jobs {a.jobs}")
    seconds, rss = run_batch([str(corpus), "-o", str(out), "-r", "--jobs", str(a.jobs)])
    print(f"batch, 4 formats: {seconds:.1f} s  {a.n / seconds:.1f} documents/s  {size / 1e6 / seconds:.2f} MB/s  "
          f"peak RSS {rss} MB")
    print("per document (ms, one core, seeds): " +
          "  ".join(f"{k} {v:.1f}" for k, v in exporter_times().items()))
    if a.vs_pandoc:
        if not shutil.which("pandoc"):
            print("pandoc: not installed (apt-get install pandoc), comparison skipped")
        else:
            limit = min(a.pandoc_files, a.n)
            sub = work / "docx-only"
            shutil.rmtree(sub, ignore_errors=True)
            g_seconds, _ = run_batch([str(corpus), "-o", str(sub), "-r", "-t", "docx", "--jobs", "1"])
            p_seconds, files = pandoc_docx(corpus, work / "pandoc", limit)
            g_per, p_per = g_seconds / a.n * 1000, p_seconds / files * 1000
            print(f"DOCX only, one core: gongwen {g_per:.1f} ms/file (batch of {a.n}); pandoc {p_per:.1f} ms/file "
                  f"({files} files, one process each); gongwen/pandoc = {g_per / p_per:.2f}")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
