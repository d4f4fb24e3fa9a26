"""The command line: conversions, listings, and one-line errors with reliable exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongwen.cli import main

from .conftest import SEEDS

SEED = SEEDS[4]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gongwen", *args], capture_output=True, text=True)


def test_batch_writes_the_four_default_formats_for_every_seed(tmp_path):
    result = CliRunner().invoke(main, ["batch", str(SEED.parent), "-o", str(tmp_path), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    for seed in SEEDS:
        for ext in ("xml", "docx", "xlsx", "md"):
            assert (tmp_path / f"{seed.stem}.{ext}").stat().st_size > 0


def test_batch_continues_past_a_bad_file_and_exits_1(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "sub" / "good.txt").write_text("一、总体要求\n坚持稳中求进。\n", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "-t", "json", "-r", "-j", "1"])
    assert result.exit_code == 1
    assert "converted 2, skipped 0, failed 2" in result.output
    assert "empty.txt: empty document" in result.output
    assert "binary.txt: binary file" in result.output
    assert (out / "good.json").exists() and (out / "sub" / "good.json").exists()
    assert not (out / "empty.json").exists()
    again = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "-t", "json", "-r", "--skip-existing"])
    assert "skipped 2" in again.output


def test_batch_keeps_inputs_with_the_same_stem_apart(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("一、甲\n正文。\n", encoding="utf-8")
    (src / "a.text").write_text("一、乙\n正文。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "-t", "json"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.text.json", "a.txt.json", "manifest.jsonl"]


def test_convert_to_stdout_and_to_a_file(tmp_path):
    result = run("convert", str(SEED), "-t", "json", "-o", "-")
    assert result.returncode == 0
    assert '"title": "凤桥镇政府工作报告"' in result.stdout
    target = tmp_path / "r.md"
    assert run("convert", str(SEED), "-t", "markdown", "-o", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8").startswith("---\n")


def test_convert_default_name_is_the_stem_under_an_output_dir(tmp_path):
    result = CliRunner().invoke(main, ["convert", str(SEED), "-t", "xml", "-t", "json", "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{SEED.stem}.json", f"{SEED.stem}.xml"]


@pytest.mark.parametrize(("args", "code", "message"), [
    (["convert", "no/such/file.txt"], 2, "no/such/file.txt: no such file"),
    (["convert", "."], 2, ".: is a directory"),
    (["convert", str(SEED), "-t", "pdf"], 2, "unknown format 'pdf' (known: "),
    (["convert", str(SEED), "-t", "docx", "-o", "-"], 2, "needs exactly one text format"),
])
def test_usage_errors_are_one_line_with_exit_2(args, code, message):
    result = run(*args)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_empty_and_binary_inputs_fail_with_exit_1_and_no_output(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    for path, message in ((empty, "empty document"), (binary, "binary file")):
        result = run("convert", str(path), "-t", "json")
        assert result.returncode == 1
        assert f"{path}: {message}" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blob.txt", "empty.txt"]


def test_unwritable_output_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("convert", str(SEED), "-t", "json", "-o", str(blocker / "sub" / "out.json"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_inspect_prints_the_tree_and_counts():
    result = CliRunner().invoke(main, ["inspect", str(SEED)])
    assert result.exit_code == 0
    assert "一、2022年工作回顾  (section)" in result.output
    assert "· 工业经济稳中有为  (topic)" in result.output
    assert "nodes: 43" in result.output


def test_help_shows_examples():
    result = CliRunner().invoke(main, ["--help"])
    assert "gongwen batch seeds -o out" in result.output
    for command in ("convert", "batch", "formats", "inspect"):
        assert command in result.output


def test_output_path_escaping_the_output_dir_is_refused(tmp_path):
    from gongwen.errors import OutputError
    from gongwen.output import safe_join

    with pytest.raises(OutputError, match="escapes the output directory"):
        safe_join(tmp_path, Path("../outside.json"))


def test_batch_writes_the_corpus_indicator_table(tmp_path, seed_docs):
    import csv

    import openpyxl

    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(SEED.parent), "-o", str(out), "-t", "json",
                                       "--indicators", str(out / "indicators.xlsx")])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out / "indicators.xlsx")["Indicators"]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["file", "title", "region", "year", "doc_type"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == sum(len(d.indicators) for d in seed_docs.values())
    values = [r[header.index("value")] for r in rows if r[header.index("value")] is not None]
    assert values and all(isinstance(v, (int, float)) for v in values)
    assert {r[header.index("title")] for r in rows} >= {"凤桥镇政府工作报告", "武义县2023年政府工作报告"}
    again = CliRunner().invoke(main, ["batch", str(SEED.parent), "-o", str(out), "-t", "json", "--skip-existing",
                                      "--indicators", str(out / "indicators.csv")])
    assert "skipped 5" in again.output
    with open(out / "indicators.csv", encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == len(rows) + 1


def test_batch_refuses_an_indicator_table_of_unknown_type(tmp_path):
    result = run("batch", str(SEED.parent), "-o", str(tmp_path), "--indicators", str(tmp_path / "t.pdf"))
    assert result.returncode == 2 and "must end in .xlsx or .csv" in result.stderr


def test_an_output_never_overwrites_its_input(tmp_path):
    src = tmp_path / "r.md"
    src.write_text("# 报告\n\n## 总体要求\n\n正文。\n", encoding="utf-8")
    before = src.read_bytes()
    result = run("convert", str(src), "-t", "markdown", "-o", str(src))
    assert result.returncode == 2 and "would overwrite the input" in result.stderr
    batch = CliRunner().invoke(main, ["batch", str(tmp_path), "-o", str(tmp_path), "-t", "markdown"])
    assert batch.exit_code == 0, batch.output  # batch names the output r.md.md instead (README, output names)
    assert src.read_bytes() == before and "总体要求" in (tmp_path / "r.md.md").read_text(encoding="utf-8")
