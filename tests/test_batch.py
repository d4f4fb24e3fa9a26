"""Batch at scale: parallel = serial, resumable, failure-tolerant, interruptible, Dask = local."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongwen.cli import main

from .conftest import SEEDS

FORMATS = ["-t", "json", "-t", "xml", "-t", "markdown", "-t", "docx", "-t", "xlsx"]


def corpus(root: Path, copies: int = 2) -> Path:
    """The seeds in nested folders, ``copies`` times over (with the copy number in the text)."""
    for k in range(copies):
        folder = root / f"set{k}" / "sub"
        folder.mkdir(parents=True)
        for seed in SEEDS:
            (folder / seed.name).write_text(seed.read_text(encoding="utf-8") + f"\n附件{k}。\n", encoding="utf-8")
    return root


def outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != "manifest.jsonl"}


def manifest(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def batch(*args: str):
    return CliRunner().invoke(main, ["batch", *args])


def test_parallel_and_serial_batches_write_identical_bytes(tmp_path):
    src = corpus(tmp_path / "in")
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert batch(str(src), "-o", str(serial), "-r", "-j", "1", *FORMATS).exit_code == 0
    assert batch(str(src), "-o", str(parallel), "-r", "-j", "2", *FORMATS).exit_code == 0
    a, b = outputs(serial), outputs(parallel)
    assert len(a) == 2 * len(SEEDS) * 5 and a == b
    entries = manifest(parallel)
    assert len(entries) == 2 * len(SEEDS) and {e["status"] for e in entries} == {"converted"}
    assert all(len(e["sha256"]) == 64 and len(e["outputs"]) == 5 for e in entries)


def test_a_corrupt_file_fails_alone(tmp_path):
    src = corpus(tmp_path / "in", copies=1)
    bad = src / "set0" / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    out = tmp_path / "out"
    result = batch(str(src), "-o", str(out), "-r", "-t", "json")
    assert result.exit_code == 1
    assert f"converted {len(SEEDS)}, skipped 0, failed 1" in result.output
    assert f"{bad}: not a DOCX" in result.output
    failed = [e for e in manifest(out) if e["status"] == "failed"]
    assert [e["input"] for e in failed] == [bad.as_posix()] and failed[0]["error"]
    assert len(list(out.rglob("*.json"))) == len(SEEDS)


def test_resume_skips_finished_work_and_redoes_changed_files(tmp_path):
    src = corpus(tmp_path / "in", copies=1)
    out = tmp_path / "out"
    assert batch(str(src), "-o", str(out), "-r", "-t", "json").exit_code == 0
    changed = src / "set0" / "sub" / SEEDS[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "补充说明。\n", encoding="utf-8")
    removed = out / "set0" / "sub" / f"{SEEDS[1].stem}.json"
    removed.unlink()
    result = batch(str(src), "-o", str(out), "-r", "-t", "json", "--resume")
    assert result.exit_code == 0
    assert f"converted 2, skipped {len(SEEDS) - 2}, failed 0" in result.output
    last = {e["input"]: e for e in manifest(out)}
    assert last[changed.as_posix()]["status"] == "converted" and removed.exists()
    assert "补充说明" in (out / "set0" / "sub" / f"{SEEDS[0].stem}.json").read_text(encoding="utf-8")


def test_an_interrupted_batch_leaves_no_partial_files(tmp_path):
    src = corpus(tmp_path / "in", copies=6)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "gongwen", "batch", str(src), "-o", str(out), "-r", "-j", "2",
                             *FORMATS], stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.rglob("*.docx"))) < 3:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (130, 0), err.decode()
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]
    for path in out.rglob("*.json"):
        if path.name != "manifest.jsonl":
            json.loads(path.read_text(encoding="utf-8"))  # every output that exists is complete
    finished = {e["input"] for e in manifest(out) if e["status"] == "converted"}
    assert finished
    resumed = batch(str(src), "-o", str(out), "-r", *FORMATS, "--resume")
    assert resumed.exit_code == 0
    assert f"skipped {len(finished)}" in resumed.output


def test_dask_local_cluster_writes_the_same_bytes_as_a_local_run(tmp_path):
    distributed = pytest.importorskip("distributed")
    src = corpus(tmp_path / "in", copies=1)
    local, remote = tmp_path / "local", tmp_path / "dask"
    assert batch(str(src), "-o", str(local), "-r", *FORMATS).exit_code == 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        result = batch(str(src), "-o", str(remote), "-r", *FORMATS, "--executor", "dask",
                       "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    assert outputs(local) == outputs(remote)
