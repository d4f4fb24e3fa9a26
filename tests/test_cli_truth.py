"""The command line tells the truth: warning summaries, --quiet/--strict, exit codes, names, stdin, aliases."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import SEEDS

SEED = SEEDS[4]
REPORT = "凤桥镇政府工作报告\n一、总体要求\n坚持稳中求进。全年地区生产总值320.5亿元，增长6.1%。\n二、重点工作\n抓项目促投资。\n"


def run(*args: str, stdin: bytes = b"", cwd=None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "gongwen", *args], capture_output=True, input=stdin, cwd=cwd)
    return subprocess.CompletedProcess(result.args, result.returncode, result.stdout.decode("utf-8"),
                                       result.stderr.decode("utf-8"))


def test_a_wrong_explicit_encoding_is_an_error_with_the_count(tmp_path):
    result = run("convert", str(SEED), "--encoding", "big5", "-t", "json", "-o", str(tmp_path / "x.json"))
    assert result.returncode == 1
    assert "byte sequences are not valid big5 (wrong --encoding?)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "x.json").exists()


@pytest.fixture
def damaged(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes(REPORT[:10].encode() + b"\xff\xfe\xff" + REPORT[10:].encode())
    return path


def test_warnings_are_summed_up_in_one_line_after_the_file(damaged, tmp_path):
    result = run("convert", str(damaged), "--encoding", "utf-8", "-t", "json", "-o", str(tmp_path / "d.json"))
    assert result.returncode == 0
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"wrote {tmp_path / 'd.json'}"
    assert lines[-1] == (f"gongwen: {damaged}: 2 warnings: 3 undecodable byte sequences (wrong --encoding?), "
                         "1 mojibake-suspected (garbled in an earlier conversion?)")


def test_quiet_silences_and_strict_fails_without_writing(damaged, tmp_path):
    quiet = run("convert", str(damaged), "--encoding", "utf-8", "-t", "json", "-o", str(tmp_path / "q.json"), "-q")
    assert quiet.returncode == 0 and quiet.stderr == "" and (tmp_path / "q.json").exists()
    strict = run("convert", str(damaged), "--encoding", "utf-8", "-t", "json", "-o", str(tmp_path / "s.json"),
                 "--strict")
    assert strict.returncode == 1 and "--strict" in strict.stderr and "undecodable" in strict.stderr
    assert not (tmp_path / "s.json").exists()
    (tmp_path / "clean.txt").write_text(REPORT, encoding="utf-8")
    clean = run("convert", str(tmp_path / "clean.txt"), "-t", "json", "-o", str(tmp_path / "c.json"), "--strict")
    assert clean.returncode == 0 and "warning" not in clean.stderr


def test_md_is_an_alias_and_stdin_is_read(tmp_path):
    result = run("convert", str(SEED), "-t", "md", "-o", str(tmp_path / "r.md"))
    assert result.returncode == 0 and (tmp_path / "r.md").read_text(encoding="utf-8").startswith("---\n")
    piped = run("convert", "-", "-t", "json", stdin=REPORT.encode("gb18030"))
    assert piped.returncode == 0, piped.stderr
    assert '"title": "凤桥镇政府工作报告"' in piped.stdout and '"path": "-"' in piped.stdout
    md = run("convert", "-", "-t", "json", stdin="# 某县政府工作报告\n\n## 总体要求\n\n正文。\n".encode())
    assert '"format": "markdown"' in md.stdout and '"title": "总体要求"' in md.stdout
    named = run("convert", "-", "-t", "xml", "-t", "json", "-o", str(tmp_path / "out"), stdin=REPORT.encode())
    assert named.returncode == 0 and sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "stdin.json", "stdin.xml"]


def test_default_names_never_stop_the_other_formats(tmp_path):
    import gongwen

    md = tmp_path / "report.md"
    md.write_text("# 某县政府工作报告\n\n## 一、总体要求\n\n正文。\n", encoding="utf-8")
    docx = gongwen.export(gongwen.parse(SEED), "docx", tmp_path / "speech.docx")
    before = {p: p.read_bytes() for p in (md, docx)}
    for path in (md, docx):
        result = run("convert", str(path))
        assert result.returncode == 0, result.stderr
        written = {line.removeprefix("wrote ") for line in result.stderr.splitlines() if line.startswith("wrote ")}
        assert len(written) == 4 and str(path) not in written
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["report.docx", "report.md", "report.md.md", "report.xlsx", "report.xml",
                     "speech.docx", "speech.docx.docx", "speech.md", "speech.xlsx", "speech.xml"]
    assert all(p.read_bytes() == data for p, data in before.items())


@pytest.mark.parametrize(("args", "code", "message"), [
    (["-p", "nosuch", "formats"], 2, "unknown plugin 'nosuch' for -p"),
    (["convert", str(SEED), "--encoding", "nosuch"], 2, "unknown encoding 'nosuch'"),
    (["inspect", str(SEED), "--encoding", "nosuch"], 2, "unknown encoding 'nosuch'"),
    (["batch", str(SEED.parent), "-o", "/proc/nonexistent/out"], 1, "cannot write"),
    (["batch", str(SEED.parent), "-o", "x", "--encoding", "nosuch"], 2, "unknown encoding 'nosuch'"),
    (["convert", str(SEED), "-t", "nosuch"], 2, "unknown format 'nosuch'"),
    (["convert", str(SEED), "-t", "json", "-t", "xml", "-o", "x.json"], 2, "2 formats need an output directory"),
    (["convert", str(SEED), "--nosuch"], 2, "No such option"),
    (["inspect", "nosuch.txt"], 2, "nosuch.txt: no such file"),
    (["batch", "nosuch-dir", "-o", "x"], 2, "does not exist"),
    (["schema", "yaml"], 2, "Invalid value"),
    (["convert", "-", "-t", "json"], 1, "-: empty document"),
])
def test_exit_codes_are_the_readmes(args, code, message, tmp_path):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == code, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "x").exists()


def test_several_formats_into_an_existing_file_is_refused(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("x", encoding="utf-8")
    result = run("convert", str(SEED), "-t", "json", "-t", "xml", "-o", str(blocker))
    assert result.returncode == 2 and "need an output directory, and this is a file" in result.stderr


def test_batch_lists_the_files_with_warnings_unless_quiet(damaged, tmp_path):
    out = tmp_path / "out"
    result = run("batch", str(damaged.parent), "-o", str(out), "-t", "json", "--encoding", "utf-8", "-j", "1")
    assert result.returncode == 0, result.stderr
    assert "1 file with warnings:" in result.stderr
    assert f"  {damaged}: 2 warnings: 3 undecodable byte sequences (wrong --encoding?)" in result.stderr
    quiet = run("batch", str(damaged.parent), "-o", str(tmp_path / "q"), "-t", "json", "--encoding", "utf-8", "-q")
    assert quiet.returncode == 0 and "warning" not in quiet.stderr
