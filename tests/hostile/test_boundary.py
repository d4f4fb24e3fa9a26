"""The sanitising boundary, reader errors, stdout failures and files that are not files."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import zipfile

import pytest

import gongwen
from gongwen.errors import InputError, OutputError, UsageError
from gongwen.exporters.xml_export import read_xml
from gongwen.plugins import default_registry
from gongwen.textsafe import escape_name

from .craft import docx_bytes, with_document_xml

FORMATS = ("json", "xml", "markdown", "docx", "xlsx")
CONTROLS = "".join(chr(c) for c in range(32) if c not in (9, 10, 13)) + "\x7f"


def _cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gongwen", *args], capture_output=True, text=True, **kw)


@pytest.mark.parametrize("bad", ["\x0c", "\x00", "\x1b", "\x7f", "\ud800", "\udcff", "\ufffe", "\uffff", CONTROLS])
def test_every_exporter_writes_text_with_controls_and_invalid_code_points(tmp_path, bad):
    doc = gongwen.parse_text(f"一、总体要求\n坚持{bad}稳中求进，全年增长5%。\n")
    words = "".join(b.text for _, n in doc.walk() for b in n.body)
    assert "稳中求进" in words and "5%" in words
    assert not any(ch in words for ch in bad)
    assert any(d.code in ("page-break-as-newline", "control-character-removed", "invalid-character-replaced")
               for d in doc.diagnostics)
    for fmt in FORMATS:
        out = gongwen.export(doc, fmt, tmp_path / f"x.{fmt}")
        assert out.stat().st_size > 0
    assert read_xml((tmp_path / "x.xml").read_bytes()).outline[0].title == "总体要求"
    json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    zipfile.ZipFile(tmp_path / "x.xlsx").testzip()


def test_form_feed_is_a_page_break_so_page_numbers_go(tmp_path):
    doc = gongwen.parse_text("一、总体要求\n坚持稳中求进，全年增长5%。\n\x0c- 2 -\x0c二、主要任务\n抓好落实。\n")
    assert [n.title for _, n in doc.walk()] == ["总体要求", "主要任务"]
    assert any(d.code == "page-marker-removed" for d in doc.diagnostics)


def test_hand_built_documents_are_cleaned_by_every_exporter(tmp_path):
    doc = gongwen.parse_text("一、总体要求\n坚持稳中求进。\n")
    doc.outline[0].title = "总体\x01要求\ud800"
    doc.meta.source.path = "bad\udcffname\x0b.txt"
    for fmt in FORMATS:
        gongwen.export(doc, fmt, tmp_path / f"x.{fmt}")
    assert read_xml((tmp_path / "x.xml").read_bytes()).outline[0].title == "总体\ufffd要求\ufffd"
    assert doc.outline[0].title == "总体\x01要求\ud800"  # the caller's document is not changed


def test_text_that_reads_like_an_escape_is_kept_and_an_unsafe_unit_is_cleaned(tmp_path):
    import openpyxl

    doc = gongwen.parse_text("一、总体要求\n全年增长5%，收入320亿元。\n")
    doc.outline[0].title = r"a\b\f\u0001"  # what json writes for control characters, as text
    doc.indicators[-1].unit = "亿\x01元"
    for fmt in FORMATS:
        gongwen.export(doc, fmt, tmp_path / f"x.{fmt}")
    data = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    assert data["outline"][0]["title"] == r"a\b\f\u0001" and data["indicators"][-1]["unit"] == "亿\ufffd元"
    assert read_xml((tmp_path / "x.xml").read_bytes()).indicators[-1].unit == "亿\ufffd元"
    markdown = (tmp_path / "x.markdown").read_text(encoding="utf-8")
    assert r"## 一、a\b\f\u0001" in markdown and "亿\ufffd元" in markdown
    units = [row[5] for row in openpyxl.load_workbook(tmp_path / "x.xlsx")["Indicators"].iter_rows(values_only=True)]
    assert units[-1] == "亿\ufffd元"


def test_escape_rule_for_names():
    assert escape_name(b"a\xff.txt") == "a%FF.txt"
    assert escape_name("b\udcc4\udce3.txt") == "b%C4%E3.txt"
    assert escape_name("c\x01.txt") == "c%01.txt"
    assert escape_name("正常 名字.txt") == "正常 名字.txt"


def test_non_utf8_file_name_is_read_and_written_escaped(tmp_path):
    raw = os.fsencode(tmp_path) + b"/\xb9\xa4\xd7\xf7\xff.txt"
    with open(raw, "wb") as f:
        f.write("一、总体要求\n坚持稳中求进。\n".encode())
    path = os.fsdecode(raw)
    doc = gongwen.parse(path)
    assert doc.meta.source.path.endswith("/%B9%A4%D7%F7%FF.txt")
    for fmt in FORMATS:
        gongwen.export(doc, fmt, tmp_path / f"x.{fmt}")
    assert "%FF" in (tmp_path / "x.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("codec", ["rot13", "hex", "base64", "zlib", "bz2", "quopri", "uu", "idna", "punycode",
                                   "undefined", "no-such-codec"])
def test_non_text_encodings_are_usage_errors(tmp_path, codec):
    path = tmp_path / "a.txt"
    path.write_text("一、总体要求\n坚持稳中求进。\n", encoding="utf-8")
    with pytest.raises(UsageError, match="not a text encoding"):
        gongwen.parse(path, encoding=codec)
    html = tmp_path / "a.html"
    html.write_text(f'<html><head><meta charset="{codec}"></head><body><p>一、总体要求</p><p>坚持稳中求进。</p>'
                    "</body></html>", encoding="utf-8")
    doc = gongwen.parse(html)
    assert [n.title for _, n in doc.walk()] == ["总体要求"]
    assert any(d.code == "charset-ignored" for d in doc.diagnostics)
    result = _cli("convert", str(path), "--encoding", codec, "-t", "json", "-o", "-")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_a_lying_meta_charset_is_caught_and_reported(tmp_path):
    html = tmp_path / "lie.html"
    html.write_bytes('<html><head><meta charset="gbk"></head><body><p>一、总体要求</p><p>坚持稳中求进，全年增长5%。</p>'
                     "</body></html>".encode())
    doc = gongwen.parse(html)
    assert [n.title for _, n in doc.walk()] == ["总体要求"]
    assert doc.meta.source.encoding == "utf-8"
    assert any(d.code == "charset-ignored" for d in doc.diagnostics)


def _crc_corrupt(data: bytes) -> bytes:
    """Flip one byte inside the compressed document.xml: zlib or CRC errors on reading."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    info = zf.getinfo("word/document.xml")
    at = info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size // 2
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]


def _mutants(data: bytes, count: int) -> list[bytes]:
    import random

    rng = random.Random(12)
    out = []
    for _ in range(count):
        b = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        out.append(bytes(b))
    return out


def test_broken_docx_and_pdf_give_one_line_input_errors(tmp_path):
    cases = {"crc.docx": _crc_corrupt(docx_bytes()),
             "xref.pdf": b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\nxref\n0 99999999\n"
                         b"trailer<</Size 99999999/Root 1 0 R>>\nstartxref\n9\n%%EOF",
             "ilvl.docx": with_document_xml(docx_bytes(), lambda x: x.replace(
                 "<w:p>", '<w:p><w:pPr><w:numPr><w:ilvl w:val="x"/></w:numPr></w:pPr>', 1))}
    cases.update({f"m{k}.docx": m for k, m in enumerate(_mutants(docx_bytes(), 60))})
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        try:
            gongwen.parse(path)
        except InputError as exc:
            assert str(path) in str(exc) and "\n" not in str(exc)


def test_stdout_failures_end_cleanly(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("一、总体要求\n坚持稳中求进。\n" * 2000, encoding="utf-8")
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "gongwen", "convert", str(path), "-t", "json", "-o", "-"],
                                stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 1 and "No space left" in result.stderr and "Traceback" not in result.stderr
    head = subprocess.Popen([sys.executable, "-m", "gongwen", "inspect", str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    head.stdout.readline()
    head.stdout.close()
    assert head.wait() == 141 and head.stderr.read() == b""


def test_fifo_and_devices_are_refused_by_convert(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero):
        with pytest.raises(UsageError, match="not a regular file"):
            gongwen.parse(path)
        result = _cli("convert", str(path), "-t", "json", "-o", str(tmp_path / "x.json"), timeout=60)
        assert result.returncode == 2 and "not a regular file" in result.stderr


def test_outputs_never_replace_devices_or_read_only_files(tmp_path):
    doc = gongwen.parse_text("一、总体要求\n坚持稳中求进。\n")
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="not a regular file"):
        gongwen.export(doc, "json", fifo)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    locked = tmp_path / "locked.json"
    locked.write_text("keep")
    locked.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        gongwen.export(doc, "json", locked)
    assert locked.read_text() == "keep"


def test_outputs_follow_the_umask(tmp_path):
    doc = gongwen.parse_text("一、总体要求\n坚持稳中求进。\n")
    old = os.umask(0o077)
    try:
        out = gongwen.export(doc, "json", tmp_path / "x.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_registry_exporters_all_covered():
    assert set(FORMATS) <= set(default_registry().exporters)


def test_html_nested_past_the_parser_depth_is_refused_not_truncated(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body><p>一、总体要求</p>" + "<div>" * 300 + "<p>二、主要任务</p>" + "</div>" * 300
                    + "<p>三、最后一节</p></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="depth"):
        gongwen.parse(path)
    shallow = tmp_path / "shallow.html"
    shallow.write_text("<html><body><p>一、总体要求</p>" + "<div>" * 100 + "<p>二、主要任务</p>" + "</div>" * 100
                       + "<p>三、最后一节</p></body></html>", encoding="utf-8")
    assert [n.title for _, n in gongwen.parse(shallow).walk()] == ["总体要求", "主要任务", "最后一节"]


def test_convert_escapes_an_undecodable_input_name_in_its_outputs(tmp_path):
    raw = os.fsencode(tmp_path) + b"/r\xff.txt"
    with open(raw, "wb") as f:
        f.write("一、总体要求\n坚持稳中求进。\n".encode())
    result = subprocess.run([sys.executable, "-m", "gongwen", "convert", os.fsdecode(raw), "-t", "json"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r%FF.json").exists()
