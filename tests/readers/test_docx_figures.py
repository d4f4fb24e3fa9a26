"""DOCX pictures become figure blocks captioned by their description (alt text), else their name."""

from __future__ import annotations

import io
import struct
import zlib

import gongwen


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def test_pictures_are_figures_with_their_alt_text(tmp_path):
    import docx
    from docx.shared import Mm

    d = docx.Document()
    d.add_paragraph("一、经济运行")
    d.add_paragraph("全年地区生产总值320.5亿元。")
    d.add_picture(io.BytesIO(_png()), width=Mm(20))
    pr = [el for el in d.element.body.iter() if el.tag.endswith("}docPr")][-1]
    pr.set("descr", "图1 2019-2023年地区生产总值")
    d.add_picture(io.BytesIO(_png()), width=Mm(20))
    path = tmp_path / "f.docx"
    d.save(str(path))
    doc = gongwen.parse(path)
    body = [(b.type, b.text) for _, n in doc.walk() for b in n.body]
    assert body == [("paragraph", "全年地区生产总值320.5亿元。"), ("figure", "图1 2019-2023年地区生产总值"),
                    ("figure", "Picture 2")]
