"""Hostile and broken inputs: each gets a one-line error or a safe parse, never a hang or a leak."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest

import gongwen
from gongwen.errors import InputError

from ..conftest import SEEDS
from .craft import docx_bytes, with_document_xml

LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(2, 10)) + "]>")
XXE = '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>'


def _inject(doctype: str, text: str):
    def transform(xml: str) -> str:
        head, rest = xml.split("?>", 1)
        return head + "?>" + doctype + rest.replace("PLACEHOLDER", text)
    return transform


def _parse_or_error(path):
    try:
        return gongwen.parse(path)
    except InputError as exc:
        assert str(path) in str(exc) and "\n" not in str(exc)
        return None


@pytest.mark.parametrize(("doctype", "reference", "leak"), [
    (LAUGHS, "&lol9;", "lollollol"),  # billion laughs: not expanded
    (XXE, "&xxe;&net;", "root:"),  # external entities: neither read nor fetched
])
def test_entities_in_a_docx_part_are_not_resolved(tmp_path, doctype, reference, leak):
    path = tmp_path / "hostile.docx"
    path.write_bytes(with_document_xml(docx_bytes("一、总体要求", "PLACEHOLDER"), _inject(doctype, reference)))
    doc = _parse_or_error(path)
    if doc is not None:
        assert leak not in gongwen.export(doc, "json", tmp_path / "x.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("doctype", [LAUGHS, XXE])
def test_entities_in_html_are_neither_expanded_nor_fetched(tmp_path, doctype):
    path = tmp_path / "p.html"
    path.write_text(f"{doctype}<html><body><p>一、总体要求</p><p>正文&lol9;&xxe;&net;。</p></body></html>",
                    encoding="utf-8")
    doc = gongwen.parse(path)
    text = gongwen.export(doc, "json", tmp_path / "x.json").read_text(encoding="utf-8")
    assert "lollollol" not in text and "root:" not in text
    assert [n.title for _, n in doc.walk()] == ["总体要求"]


def test_zip_bomb_docx_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    good = zipfile.ZipFile(io.BytesIO(docx_bytes("一、总体要求")))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in good.infolist():
            z.writestr(info.filename, good.read(info.filename))
        z.writestr("word/media/zeros.bin", b"\0" * (20 << 20))
    with pytest.raises(InputError, match="zip bomb"):
        gongwen.parse(path)


def test_docx_with_absurd_entry_count_is_refused(tmp_path):
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<x/>")
        for k in range(6000):
            z.writestr(f"junk/{k}", b"")
    with pytest.raises(InputError, match="entries"):
        gongwen.parse(path)


def test_truncated_docx_is_a_one_line_error(tmp_path):
    data = docx_bytes("一、总体要求", "正文。")
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    result = subprocess.run([sys.executable, "-m", "gongwen", "convert", str(path), "-t", "json"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{path}: not a DOCX" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "cut.json").exists()


def test_docx_that_is_really_text_or_encrypted(tmp_path):
    text = tmp_path / "text.docx"
    text.write_text("一、总体要求\n正文。", encoding="utf-8")
    with pytest.raises(InputError, match="not a DOCX"):
        gongwen.parse(text)
    ole = tmp_path / "secret.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    with pytest.raises(InputError, match="password-protected"):
        gongwen.parse(ole)


def test_corrupt_pdf_is_a_one_line_error(tmp_path):
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.4\n garbage")
    with pytest.raises(InputError, match="bad.pdf"):
        gongwen.parse(path)


def test_50_mb_text_file_parses_in_bounded_memory(tmp_path):
    text = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS[:4]) + "\n"
    data = text.encode("utf-8")
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:
        for _ in range(50_000_000 // len(data) + 1):
            f.write(data)
    code = ("import resource, sys, time, gongwen; t = time.perf_counter(); d = gongwen.parse(sys.argv[1]); "
            "print(len(d.indicators), sum(1 for _ in d.walk()), round(time.perf_counter() - t, 1), "
            "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    indicators, nodes, seconds, rss_mb = out.stdout.split()
    print(f"50 MB: {seconds} s, peak RSS {rss_mb} MB")  # reported with pytest -s
    assert int(indicators) > 50_000 and int(nodes) > 10_000
    assert int(rss_mb) < 2_000
