"""Batch conversion: stream a directory tree of inputs through worker processes (or a Dask cluster).

The file list is walked lazily, one directory at a time, and at most a small
window of jobs is in flight, so memory does not grow with the corpus. Each
finished file is appended to ``OUT/manifest.jsonl`` (input, sha256, outputs,
status, error, seconds); ``--skip-existing`` reads it back to skip inputs
whose content and outputs are unchanged.

Output names: an input ``DIR/NAME.EXT`` is written to ``OUT/DIR/NAME.FMT``.
When two inputs of one folder would share a name (``a.txt`` and ``a.md``,
or ``a.txt`` and ``a.txt.txt``), or an output would be an input (``a.md``
to Markdown in its own folder), the colliding inputs keep their whole name
(``a.txt.xml``, ``a.md.xml``), repeatedly until every name is unique; names
that are not valid UTF-8 are escaped ``%XX``. batch never reads a file it
wrote: files listed as outputs by this run or by the manifest are not inputs.
Only regular files are read; FIFOs, devices and sockets are skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongwen.errors import GongwenError, UsageError
from gongwen.output import safe_join
from gongwen.textsafe import escape_name

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
        entry = {"input": escape_name(self.source), "sha256": self.sha256,
                 "outputs": [escape_name(o) for o in self.outputs], "status": self.status,
                 "error": escape_name(self.error), "seconds": round(self.seconds, 4)}
        return json.dumps(entry, ensure_ascii=False) + "\n"


@dataclass
class Summary:
    """Counts of a batch and its failures (the other results are not kept)."""

    counts: Counter[str] = field(default_factory=Counter)
    failures: list[Result] = field(default_factory=list)
    refused: list[Result] = field(default_factory=list)  # skipped because they are not regular files

    def add(self, result: Result) -> None:
        """Count one result."""
        self.counts[result.status] += 1
        if result.status == "failed":
            self.failures.append(result)
        elif result.error:
            self.refused.append(result)


def _matching(names: Iterable[str], extensions: set[str]) -> list[str]:
    return sorted(n for n in names if not n.startswith(".") and n.rsplit(".", 1)[-1].lower() in extensions
                  and "." in n)


def walk_inputs(root: Path, extensions: set[str], recursive: bool) -> Iterator[tuple[Path, list[str]]]:
    """``(directory, file names)`` of supported inputs, one directory at a time, in sorted order."""
    if not recursive:
        names = [e.name for e in os.scandir(root) if not e.is_dir()]
        yield root, _matching(names, extensions)
        return
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield Path(directory), _matching(files, extensions)


def count_inputs(root: Path, extensions: set[str], recursive: bool, own: set[str] | None = None) -> int:
    """How many inputs a batch will see (a counting pass; nothing is kept but ``own`` outputs are not counted)."""
    own = own or set()
    return sum(1 for d, names in walk_inputs(root, extensions, recursive) for n in names
               if not own or _key(d / n) not in own)


def _key(path: Path) -> str:
    """How a file is recognised as an output of gongwen: its resolved path, escaped."""
    try:
        return escape_name(path.resolve())
    except (OSError, RuntimeError):
        return escape_name(path)


def output_bases(names: list[str], extensions: list[str], avoid: set[str] = frozenset()) -> dict[str, str]:
    """The output name (without extension) of every input name of one folder; see the module doc.

    ``avoid``: names (case-folded) no output may take, the inputs when the output folder is the input folder.
    """
    full = {n: escape_name(n) for n in names}
    base = {n: escape_name(n.rsplit(".", 1)[0]) for n in names}
    moved = True
    while moved:
        used = Counter(b.casefold() for b in base.values())
        moved = False
        for n in names:
            b = base[n]
            if b != full[n] and (used[b.casefold()] > 1 or any(f"{b}.{e}".casefold() in avoid for e in extensions)):
                base[n] = full[n]
                moved = True
    used = Counter(b.casefold() for b in base.values())
    for n in names:  # whole names that still collide (only through escaping): number them
        if used[base[n].casefold()] > 1:
            k = 2
            while f"{base[n]}~{k}".casefold() in used:
                k += 1
            used[f"{base[n]}~{k}".casefold()] += 1
            base[n] = f"{base[n]}~{k}"
    return base


def iter_jobs(root: Path, out_dir: Path, formats: list[tuple[str, str]], extensions: set[str], recursive: bool,
              manifest: dict[str, dict[str, Any]] | None = None, rows: bool = False,
              own: set[str] | None = None) -> Iterator[Job]:
    """Jobs mirroring each input's place under ``root`` into ``out_dir``, named by :func:`output_bases`.

    ``own`` holds the outputs earlier runs recorded (:func:`manifest_outputs`);
    it grows with this run's outputs, and no file in it is taken as an input.
    """
    own = own if own is not None else set()
    exts = [ext for _, ext in formats]
    root_key, out_key = _key(root), _key(out_dir)
    walked = out_key == root_key or out_key.startswith(root_key.rstrip("/") + "/")  # outputs may be walked
    for directory, names in walk_inputs(root, extensions, recursive):
        names = [n for n in names if _key(directory / n) not in own]
        if not names:
            continue
        target_dir = out_dir / directory.relative_to(root)
        same = _key(target_dir) == _key(directory)
        bases = output_bases(names, exts, {n.casefold() for n in names} if same else set())
        for name in names:
            path = directory / name
            rel = path.relative_to(root)
            outputs = [(fmt, safe_join(out_dir, rel.parent / f"{bases[name]}.{ext}")) for fmt, ext in formats]
            if walked:  # remembered only where the walk can meet them, so memory stays flat otherwise
                own.update(_key(o) for _, o in outputs)
            known = None
            if manifest is not None:
                entry = manifest.get(escape_name(path))
                wanted = {escape_name(o) for _, o in outputs}
                if entry and entry.get("status") in ("converted", "skipped") and wanted <= set(entry["outputs"]):
                    known = entry.get("sha256")
            yield Job(path, outputs, known, rows)


def manifest_outputs(path: Path) -> set[str]:
    """Every output an earlier run recorded in the manifest (so it is never read as an input)."""
    return {o for entry in read_manifest(path).values() for o in entry.get("outputs") or [] if isinstance(o, str)}


def remove_stale_parts(out_dir: Path) -> int:
    """Remove the temporary ``.NAME.XXXX.part`` files a killed run left under ``out_dir``; return how many."""
    removed = 0
    for directory, _dirs, files in os.walk(out_dir):
        for name in files:
            if name.startswith(".") and name.endswith(".part"):
                try:
                    os.unlink(os.path.join(directory, name))
                    removed += 1
                except OSError:
                    pass
    return removed


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


def _init_worker(disabled: tuple[str, ...], parent: int | None = None) -> None:
    """Worker set-up: remember disabled plugins; leave Ctrl-C to the main process, which
    stops handing out work and lets the files in progress finish; die with the main process."""
    global _WORKER_DISABLED
    _WORKER_DISABLED = disabled
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if parent is not None:
        _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to send SIGTERM when the main process dies (even by ``kill -9``)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before we asked
        os._exit(1)


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM (timeout, systemd, docker stop) stops the batch as Ctrl-C does."""
    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _registry(disabled: tuple[str, ...]) -> Any:
    from gongwen.plugins import load_registry

    if disabled not in _REGISTRIES:
        _REGISTRIES[disabled] = load_registry(disabled)
    return _REGISTRIES[disabled]


def convert_job(job: Job, encoding: str | None = None, disabled: tuple[str, ...] | None = None) -> Result:
    """Convert one input (or skip it when its hash and outputs are unchanged); never raises for bad input."""
    import gongwen
    from gongwen.corpus import document_rows
    from gongwen.readers.text import check_file, read_bytes

    start = time.perf_counter()
    outputs = [o.as_posix() for _, o in job.outputs]
    try:
        check_file(job.source)  # regular and within the size limit, before anything is read
        sha = hashlib.sha256(read_bytes(job.source)).hexdigest()
    except UsageError as exc:  # not a regular file: skipped, with the reason
        return Result(job.source, "skipped", str(exc), time.perf_counter() - start)
    except GongwenError as exc:
        return Result(job.source, "failed", str(exc), time.perf_counter() - start)
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
    """Convert jobs in this process (``workers`` = 1) or in a pool of worker processes.

    A worker that dies (killed, out of memory) breaks the pool: the jobs that
    were in flight are run again one by one in a fresh worker, so the one that
    kills it fails alone, and the batch goes on in a new pool.
    """
    if workers <= 1:
        for job in jobs:
            yield convert_job(job, encoding, disabled)
        return
    jobs = iter(jobs)
    while True:
        lost: list[Job] = []
        yield from _pool_run(jobs, workers, encoding, disabled, lost)
        if not lost:
            return
        for job in lost:
            yield from _pool_run(iter([job]), 1, encoding, disabled, [], dead=job)


def _pool_run(jobs: Iterator[Job], workers: int, encoding: str | None, disabled: tuple[str, ...],
              lost: list[Job], dead: Job | None = None) -> Iterator[Result]:
    """Run ``jobs`` in one process pool until they end or a worker dies; the jobs in flight then go to ``lost``
    (or, when ``dead`` is the only job, it fails)."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    def wait_one(pending: set[Any]) -> tuple[Any, set[Any]]:
        done, rest = wait(pending, return_when=FIRST_COMPLETED)
        return done, rest

    inflight: dict[Any, Job] = {}
    taking: list[Job] = []  # the job being submitted, should the pool break under it

    def submit(job: Job) -> Any:
        taking[:] = [job]
        future = pool.submit(convert_job, job, encoding)
        inflight[future] = job
        taking.clear()
        return future

    pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(disabled, os.getpid()))
    try:
        for future in _windowed(submit, wait_one, jobs, workers * WINDOW_PER_WORKER):
            job = inflight.pop(future)
            try:
                result = future.result()
            except BrokenProcessPool:
                inflight[future] = job
                raise
            yield result
    except BrokenProcessPool:
        if dead is not None:
            yield Result(dead.source, "failed", f"{escape_name(dead.source)}: the worker process converting it "
                         "died (killed or out of memory)")
        else:
            lost.extend(list(inflight.values()) + taking)
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

