"""Batch conversion: stream a directory tree of inputs through worker processes (or a Dask cluster).

The file list is walked lazily, one directory at a time, and at most a small
window of jobs is in flight, so memory does not grow with the corpus. Each
finished file is appended to ``OUT/manifest.jsonl`` (input, sha256, outputs,
status, error, seconds); ``--skip-existing`` reads it back to skip inputs
whose content and outputs are unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongwen.errors import GongwenError, UsageError
from gongwen.output import safe_join

MANIFEST = "manifest.jsonl"
WINDOW_PER_WORKER = 4


@dataclass
class Job:
    """One input file, the outputs to write for it, and the hash it had when last converted."""

    source: Path
    outputs: list[tuple[str, Path]]
    known_sha256: str | None = None
    rows: bool = False  # also return the corpus-table rows


@dataclass
class Result:
    """What happened to one job."""

    source: Path
    status: str  # converted | skipped | failed
    error: str = ""
    seconds: float = 0.0
    sha256: str = ""
    outputs: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    warnings: str = ""  # the one-line warning summary (gongwen.summary), "" when none

    def manifest_line(self) -> str:
        """The manifest entry of this result, as one JSON line."""
        entry = {"input": self.source.as_posix(), "sha256": self.sha256, "outputs": self.outputs,
                 "status": self.status, "error": self.error, "seconds": round(self.seconds, 4)}
        return json.dumps(entry, ensure_ascii=False) + "\n"


@dataclass
class Summary:
    """Counts of a batch and its failures (the other results are not kept)."""

    counts: Counter[str] = field(default_factory=Counter)
    failures: list[Result] = field(default_factory=list)

    def add(self, result: Result) -> None:
        """Count one result."""
        self.counts[result.status] += 1
        if result.status == "failed":
            self.failures.append(result)


def _matching(names: Iterable[str], extensions: set[str]) -> list[str]:
    return sorted(n for n in names if not n.startswith(".") and n.rsplit(".", 1)[-1].lower() in extensions
                  and "." in n)


def walk_inputs(root: Path, extensions: set[str], recursive: bool) -> Iterator[tuple[Path, list[str]]]:
    """``(directory, file names)`` of supported inputs, one directory at a time, in sorted order."""
    if not recursive:
        names = [e.name for e in os.scandir(root) if e.is_file()]
        yield root, _matching(names, extensions)
        return
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield Path(directory), _matching(files, extensions)


def count_inputs(root: Path, extensions: set[str], recursive: bool, skip: Path | None = None) -> int:
    """How many inputs a batch will see (a counting pass; nothing is kept)."""
    return sum(len(names) for d, names in walk_inputs(root, extensions, recursive) if not _inside(d, skip))


def _inside(directory: Path, other: Path | None) -> bool:
    if other is None:
        return False
    try:
        return directory.resolve().is_relative_to(other.resolve())
    except OSError:
        return False


def iter_jobs(root: Path, out_dir: Path, formats: list[tuple[str, str]], extensions: set[str], recursive: bool,
              manifest: dict[str, dict[str, Any]] | None = None, rows: bool = False) -> Iterator[Job]:
    """Jobs mirroring each input's place under ``root`` into ``out_dir``.

    Inputs of one folder that share a stem (``a.txt``, ``a.docx``) keep their
    suffix in the output name, so they never overwrite each other. The output
    directory itself is never read as input.
    """
    for directory, names in walk_inputs(root, extensions, recursive):
        if _inside(directory, out_dir) and out_dir.resolve() != root.resolve():
            continue
        stems = Counter(n.rsplit(".", 1)[0] for n in names)
        for name in names:
            path = directory / name
            rel = path.relative_to(root)
            base = name if stems[name.rsplit(".", 1)[0]] > 1 else rel.stem
            outputs = [(fmt, safe_join(out_dir, rel.parent / f"{base}.{ext}")) for fmt, ext in formats]
            known = None
            if manifest is not None:
                entry = manifest.get(path.as_posix())
                wanted = {o.as_posix() for _, o in outputs}
                if entry and entry.get("status") in ("converted", "skipped") and wanted <= set(entry["outputs"]):
                    known = entry.get("sha256")
            yield Job(path, outputs, known, rows)


def read_manifest(path: Path) -> dict[str, dict[str, Any]]:
    """The last manifest entry of every input (a missing or damaged line is ignored)."""
    entries: dict[str, dict[str, Any]] = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                try:
                    entry = json.loads(line)
                    entries[entry["input"]] = entry
                except (ValueError, KeyError, TypeError):
                    continue
    except FileNotFoundError:
        pass
    return entries


_WORKER_DISABLED: tuple[str, ...] = ()
_REGISTRIES: dict[tuple[str, ...], Any] = {}


def _init_worker(disabled: tuple[str, ...]) -> None:
    """Worker set-up: remember disabled plugins; leave Ctrl-C to the main process, which
    stops handing out work and lets the files in progress finish."""
    global _WORKER_DISABLED
    _WORKER_DISABLED = disabled
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _registry(disabled: tuple[str, ...]) -> Any:
    from gongwen.plugins import load_registry

    if disabled not in _REGISTRIES:
        _REGISTRIES[disabled] = load_registry(disabled)
    return _REGISTRIES[disabled]


def convert_job(job: Job, encoding: str | None = None, disabled: tuple[str, ...] | None = None) -> Result:
    """Convert one input (or skip it when its hash and outputs are unchanged); never raises for bad input."""
    import gongwen
    from gongwen.corpus import document_rows

    start = time.perf_counter()
    outputs = [o.as_posix() for _, o in job.outputs]
    try:
        sha = hashlib.sha256(job.source.read_bytes()).hexdigest()
    except OSError as exc:
        return Result(job.source, "failed", f"{job.source}: cannot read ({exc.strerror or exc})",
                      time.perf_counter() - start)
    fresh = job.known_sha256 == sha and all(o.exists() for _, o in job.outputs)
    if fresh and not job.rows:
        return Result(job.source, "skipped", "", time.perf_counter() - start, sha, outputs)
    try:
        registry = _registry(disabled if disabled is not None else _WORKER_DISABLED)
        doc = gongwen.parse(job.source, encoding=encoding, registry=registry, sha256=sha)
        rows = document_rows(doc, job.source.as_posix()) if job.rows else []
        if not fresh:
            for fmt, out in job.outputs:
                if out.resolve() == job.source.resolve():
                    raise UsageError(f"{out}: output would overwrite the input")
                gongwen.export(doc, fmt, out, registry=registry)
    except GongwenError as exc:
        return Result(job.source, "failed", str(exc), time.perf_counter() - start, sha)
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the batch
        return Result(job.source, "failed", f"{job.source}: {type(exc).__name__}: {exc}",
                      time.perf_counter() - start, sha)
    from gongwen.summary import summary_line

    return Result(job.source, "skipped" if fresh else "converted", "", time.perf_counter() - start, sha, outputs,
                  rows, summary_line(doc) or "")


def _windowed(submit: Callable[[Job], Any], wait_one: Callable[[set[Any]], tuple[Any, set[Any]]],
              jobs: Iterable[Job], window: int) -> Iterator[Any]:
    """Keep at most ``window`` jobs in flight; yield each finished future."""
    pending: set[Any] = set()
    for job in jobs:
        pending.add(submit(job))
        while len(pending) >= window:
            done, pending = wait_one(pending)
            yield from done
    while pending:
        done, pending = wait_one(pending)
        yield from done


def run_local(jobs: Iterable[Job], workers: int, encoding: str | None, disabled: tuple[str, ...]) -> Iterator[Result]:
    """Convert jobs in this process (``workers`` = 1) or in a pool of worker processes."""
    if workers <= 1:
        for job in jobs:
            yield convert_job(job, encoding, disabled)
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    def wait_one(pending: set[Any]) -> tuple[Any, set[Any]]:
        done, rest = wait(pending, return_when=FIRST_COMPLETED)
        return done, rest

    pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(disabled,))
    try:
        for future in _windowed(lambda j: pool.submit(convert_job, j, encoding), wait_one, jobs,
                                workers * WINDOW_PER_WORKER):
            yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def run_dask(jobs: Iterable[Job], scheduler: str | None, encoding: str | None,
             disabled: tuple[str, ...]) -> Iterator[Result]:
    """Convert jobs on a dask.distributed cluster (the extra ``gongwen[dask]``)."""
    try:
        from distributed import Client, wait
    except ImportError:
        raise UsageError("--executor dask needs dask.distributed: pip install 'gongwen[dask]'") from None
    try:
        client = Client(scheduler) if scheduler else Client(processes=True)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    workers = max(1, len(client.scheduler_info().get("workers", {})))

    def wait_one(pending: set[Any]) -> tuple[Any, set[Any]]:
        state = wait(list(pending), return_when="FIRST_COMPLETED")
        return state.done, set(state.not_done)

    try:
        for future in _windowed(lambda j: client.submit(convert_job, j, encoding, disabled, pure=False), wait_one,
                                jobs, workers * WINDOW_PER_WORKER):
            yield future.result()
    finally:
        client.close()


def append_manifest(stream: Any, result: Result) -> None:
    """Append one result to the open manifest and flush it, so an interrupted batch keeps its record."""
    stream.write(result.manifest_line())
    stream.flush()

