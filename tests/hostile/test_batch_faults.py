"""Batch under faults: signals, files that are not files, colliding names, output inside the input."""

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

from gongwen.batch import convert_job, output_bases
from gongwen.cli import main

from ..conftest import SEEDS

DOC = "一、总体要求\n坚持稳中求进，全年增长5%。\n二、主要任务\n抓好落实。\n"


def _batch(*args: str):
    return CliRunner().invoke(main, ["batch", *args])


def _manifest(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_output_bases_rule():
    assert output_bases(["a.txt", "b.md"], ["xml"]) == {"a.txt": "a", "b.md": "b"}
    assert output_bases(["a.txt", "a.txt.txt", "a.md"], ["xml"]) == {
        "a.txt": "a.txt", "a.txt.txt": "a.txt.txt", "a.md": "a.md"}
    assert output_bases(["A.txt", "a.md"], ["xml"]) == {"A.txt": "A.txt", "a.md": "a.md"}  # case-insensitive disks
    assert output_bases(["r.md"], ["md"], {"r.md"}) == {"r.md": "r.md"}
    assert output_bases(["x\udcff.txt"], ["xml"]) == {"x\udcff.txt": "x%FF"}


def test_colliding_stems_give_distinct_outputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for k, name in enumerate(["a.txt", "a.txt.txt", "a.md"]):
        (src / name).write_text(DOC + f"附件{k}号。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = _batch(str(src), "-o", str(out), "-t", "json", "-t", "markdown")
    assert result.exit_code == 0, result.output
    entries = _manifest(out)
    outputs = [o for e in entries for o in e["outputs"]]
    assert len(entries) == 3 and len(set(outputs)) == 6
    for e in entries:
        k = ["a.txt", "a.txt.txt", "a.md"].index(Path(e["input"]).name)
        json_out = next(o for o in e["outputs"] if o.endswith(".json"))
        assert Path(json_out).name.split(".")[0] == "a"
        assert f"附件{k}号" in Path(json_out).read_text(encoding="utf-8")


@pytest.mark.parametrize("where", ["same", "inside", "above"])
def test_output_folder_equal_inside_or_above_the_input_converts_each_input_once(tmp_path, where):
    root = tmp_path / "t"
    src = root / "in"
    (src / "sub").mkdir(parents=True)
    for name in ("a.txt", "b.md", "sub/c.txt"):
        (src / name).write_text(DOC, encoding="utf-8")
    out = {"same": src, "inside": src / "out", "above": root}[where]
    for run in range(2):
        result = _batch(str(src), "-o", str(out), "-r", "-t", "markdown", "-t", "docx", "-t", "json", "-t", "xml")
        assert result.exit_code == 0, result.output
        assert "converted 3, skipped 0, failed 0 (of 3 files)" in result.output, (run, result.output)
    inputs = {Path(e["input"]).name for e in _manifest(out)}
    assert inputs == {"a.txt", "b.md", "c.txt"}


def test_non_utf8_names_in_a_batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    raw = os.fsencode(src) + b"/\xb1\xa8\xb8\xe6\xff.txt"
    with open(raw, "wb") as f:
        f.write(DOC.encode())
    (src / "ok.txt").write_text(DOC, encoding="utf-8")
    out = tmp_path / "out"
    result = _batch(str(src), "-o", str(out), "-t", "json", "-t", "xlsx", "-t", "xml")
    assert result.exit_code == 0, result.output
    entries = _manifest(out)
    assert len(entries) == 2
    odd = next(e for e in entries if "%FF" in e["input"])
    assert odd["input"].endswith("/%B1%A8%B8%E6%FF.txt")
    assert all((out / Path(o).name).exists() for o in odd["outputs"])
    assert "%FF" in json.loads((out / "%B1%A8%B8%E6%FF.json").read_text(encoding="utf-8"))["meta"]["source"]["path"]


def test_files_that_are_not_files_are_skipped_while_the_rest_converts(tmp_path):
    src = tmp_path / "in"
    (src / "deep").mkdir(parents=True)
    (src / "good.txt").write_text(DOC, encoding="utf-8")
    (src / "deep" / "good2.md").write_text(DOC, encoding="utf-8")
    os.mkfifo(src / "pipe.txt")
    (src / "zero.txt").symlink_to("/dev/zero")
    with open(src / "deep" / "sparse.txt", "wb") as f:
        f.truncate(2 << 30)  # 2 GB of holes: refused by size, never read or hashed
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "gongwen", "batch", str(src), "-o", str(out), "-r", "-t", "json",
                             "-j", "2"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr  # the 2 GB file failed; the others are fine
    assert "converted 2, skipped 2, failed 1" in result.stderr
    status = {Path(e["input"]).name: (e["status"], e["error"]) for e in _manifest(out)}
    assert status["pipe.txt"][0] == "skipped" and "FIFO" in status["pipe.txt"][1]
    assert status["zero.txt"][0] == "skipped" and "character device" in status["zero.txt"][1]
    assert status["sparse.txt"][0] == "failed" and "too large" in status["sparse.txt"][1]
    assert status["good.txt"][0] == status["good2.md"][0] == "converted"


def _big_corpus(root: Path, copies: int) -> Path:
    for k in range(copies):
        folder = root / f"set{k}"
        folder.mkdir(parents=True)
        for seed in SEEDS:
            (folder / seed.name).write_text(seed.read_text(encoding="utf-8") + f"\n附件{k}。\n", encoding="utf-8")
    return root


def _start(src: Path, out: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "gongwen", "batch", str(src), "-o", str(out), "-r", "-j", "2",
                             "-t", "docx", "-t", "xlsx", "-t", "json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and (len(list(out.rglob("*.docx"))) < 2 or len(_children(proc.pid)) < 2):
        time.sleep(0.05)
    return proc


def _gone(pids: list[int], seconds: float = 30) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.05)
    return not any(_alive(p) for p in pids)


def test_sigterm_stops_a_batch_like_ctrl_c(tmp_path):
    src, out = _big_corpus(tmp_path / "in", 8), tmp_path / "out"
    proc = _start(src, out)
    workers = _children(proc.pid)
    assert workers
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert "interrupted" in err.decode() and "converted" in err.decode()
    assert _gone(workers)
    assert not list(out.rglob("*.part"))
    for entry in _manifest(out):  # every manifest line is whole and its outputs exist
        assert entry["status"] == "converted" and all(Path(o).exists() for o in entry["outputs"])


def test_kill_9_of_the_main_process_ends_its_workers_and_resume_cleans_up(tmp_path):
    src, out = _big_corpus(tmp_path / "in", 8), tmp_path / "out"
    proc = _start(src, out)
    workers = _children(proc.pid)
    assert workers
    proc.kill()
    proc.communicate(timeout=60)
    assert _gone(workers)
    (out / "set0" / ".left.docx.abc123.part").write_bytes(b"half")  # what a killed writer leaves
    result = _batch(str(src), "-o", str(out), "-r", "-t", "docx", "-t", "xlsx", "-t", "json", "--resume")
    assert result.exit_code == 0, result.output
    assert "unfinished .part" in result.output
    assert not list(out.rglob("*.part"))


def test_batch_with_a_non_text_encoding_is_a_usage_error(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(DOC, encoding="utf-8")
    result = _batch(str(src), "-o", str(tmp_path / "out"), "--encoding", "rot13")
    assert result.exit_code == 2 and "not a text encoding" in result.output


def _dies_on_poison(job, encoding=None, disabled=None):
    if job.source.name == "poison.txt":
        os._exit(9)  # what the OOM killer does to a worker
    return convert_job(job, encoding, disabled)


def test_a_worker_that_dies_fails_its_file_alone(tmp_path, monkeypatch):
    import gongwen.batch

    src = tmp_path / "in"
    src.mkdir()
    for k in range(12):
        (src / f"d{k:02}.txt").write_text(DOC + f"编号{k}。\n", encoding="utf-8")
    (src / "poison.txt").write_text(DOC, encoding="utf-8")
    monkeypatch.setattr(gongwen.batch, "convert_job", _dies_on_poison)  # workers are forked: they see it too
    result = _batch(str(src), "-o", str(tmp_path / "out"), "-t", "json", "-j", "2")
    assert result.exit_code == 1, result.output
    assert "converted 12, skipped 0, failed 1" in result.output
    assert "poison.txt: the worker process converting it died" in result.output
