"""Batch conversion: plan outputs for a directory tree, convert files in worker processes."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from gongwen.errors import GongwenError
from gongwen.output import safe_join


@dataclass
class Job:
    """One input file and the outputs to write for it."""

    source: Path
    outputs: list[tuple[str, Path]]


@dataclass
class Result:
    """What happened to one job."""

    source: Path
    status: str  # converted | skipped | failed
    error: str = ""
    seconds: float = 0.0
    rows: list[list[object]] = field(default_factory=list)  # corpus-table rows, when asked for


@dataclass
class Summary:
    """Counts and failures of a batch."""

    results: list[Result] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many jobs ended with ``status``."""
        return sum(r.status == status for r in self.results)


def find_inputs(root: Path, extensions: set[str], recursive: bool) -> Iterator[Path]:
    """Files under ``root`` whose extension a reader accepts, in sorted order (hidden files skipped)."""
    pattern = "**/*" if recursive else "*"
    for path in sorted(root.glob(pattern)):
        if path.is_file() and not path.name.startswith(".") and path.suffix.lower().lstrip(".") in extensions:
            yield path


def plan_jobs(inputs: list[Path], root: Path, out_dir: Path, formats: list[tuple[str, str]]) -> list[Job]:
    """Mirror each input's place under ``root`` into ``out_dir``; same stems in a folder keep their suffix."""
    stems = Counter((p.parent, p.stem) for p in inputs)
    jobs = []
    for path in inputs:
        rel = path.relative_to(root)
        base = rel.name if stems[(path.parent, path.stem)] > 1 else rel.stem
        outputs = [(fmt, safe_join(out_dir, rel.parent / f"{base}.{ext}")) for fmt, ext in formats]
        jobs.append(Job(path, outputs))
    return jobs


def is_fresh(job: Job) -> bool:
    """True when every output exists and is newer than the input."""
    try:
        mtime = job.source.stat().st_mtime
        return all(out.exists() and out.stat().st_mtime >= mtime for _, out in job.outputs)
    except OSError:
        return False


_WORKER_DISABLED: tuple[str, ...] = ()


def _init_worker(disabled: tuple[str, ...]) -> None:
    global _WORKER_DISABLED
    _WORKER_DISABLED = disabled


def convert_job(job: Job, encoding: str | None = None, disabled: tuple[str, ...] | None = None,
                rows: bool = False, write: bool = True) -> Result:
    """Parse one input and write its outputs (and/or return its corpus rows); never raises."""
    import gongwen
    from gongwen.corpus import document_rows

    start = time.perf_counter()
    table: list[list[object]] = []
    try:
        registry = _registry(disabled if disabled is not None else _WORKER_DISABLED)
        doc = gongwen.parse(job.source, encoding=encoding, registry=registry)
        if rows:
            table = document_rows(doc, job.source.as_posix())
        for fmt, out in job.outputs if write else []:
            gongwen.export(doc, fmt, out, registry=registry)
    except GongwenError as exc:
        return Result(job.source, "failed", str(exc), time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the batch
        return Result(job.source, "failed", f"{job.source}: {type(exc).__name__}: {exc}", time.perf_counter() - start)
    return Result(job.source, "converted" if write else "skipped", "", time.perf_counter() - start, table)


_REGISTRIES: dict[tuple[str, ...], object] = {}


def _registry(disabled: tuple[str, ...]) -> object:
    from gongwen.plugins import load_registry

    if disabled not in _REGISTRIES:
        _REGISTRIES[disabled] = load_registry(disabled)
    return _REGISTRIES[disabled]


def run_jobs(jobs: list[Job], jobs_n: int, encoding: str | None, disabled: tuple[str, ...],
             rows: bool = False, write: list[bool] | None = None) -> Iterator[Result]:
    """Convert ``jobs`` (in worker processes when ``jobs_n`` > 1), yielding results in input order."""
    write = write if write is not None else [True] * len(jobs)
    if jobs_n <= 1 or len(jobs) <= 1:
        for job, w in zip(jobs, write, strict=True):
            yield convert_job(job, encoding, disabled, rows, w)
        return
    workers = min(jobs_n, len(jobs), os.cpu_count() or 1)
    n = len(jobs)
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(disabled,)) as pool:
        yield from pool.map(convert_job, jobs, [encoding] * n, [None] * n, [rows] * n, write, chunksize=1)
