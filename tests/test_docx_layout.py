"""The DOCX is a Chinese official document (GB/T 9704-2012): page, margins, fonts, page numbers, render check."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

import gongwen
from gongwen.exporters.docx_export import FALLBACKS, LATIN_FALLBACKS

from .conftest import SEEDS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MM_TWIPS = 1440 / 25.4


@pytest.fixture(scope="module")
def docx_path(tmp_path_factory):
    doc = gongwen.parse(SEEDS[0])
    assert doc.indicators and any(n.kind == "section" for _, n in doc.walk())
    return gongwen.export(doc, "docx", tmp_path_factory.mktemp("docx") / "report.docx")


def _xml(path, part: str):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def _style(styles, style_id: str):
    return styles.find(f"{W}style[@{W}styleId='{style_id}']")


def test_page_is_a4_with_the_standard_margins(docx_path):
    sect = _xml(docx_path, "word/document.xml").find(f"{W}body/{W}sectPr")
    size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    assert abs(int(size.get(f"{W}w")) - 210 * MM_TWIPS) < 2 and abs(int(size.get(f"{W}h")) - 297 * MM_TWIPS) < 2
    for side, mm in {"top": 37, "bottom": 35, "left": 28, "right": 26}.items():
        assert abs(int(margins.get(f"{W}{side}")) - mm * MM_TWIPS) < 2, side


def test_styles_name_the_east_asian_fonts_and_sizes(docx_path):
    styles = _xml(docx_path, "word/styles.xml")
    expected = {"Normal": ("仿宋_GB2312", 32), "Title": ("方正小标宋简体", 44), "Heading1": ("黑体", 32),
                "Heading2": ("楷体_GB2312", 32), "Heading3": ("仿宋_GB2312", 32)}
    for style_id, (font, half_points) in expected.items():
        rpr = _style(styles, style_id).find(f"{W}rPr")
        fonts = rpr.find(f"{W}rFonts")
        assert fonts.get(f"{W}eastAsia") == font and fonts.get(f"{W}ascii") == font, style_id
        assert not any(k.endswith("Theme") or k.endswith("theme") for k in fonts.attrib), style_id
        assert int(rpr.find(f"{W}sz").get(f"{W}val")) == half_points, style_id
    normal = _style(styles, "Normal").find(f"{W}pPr")
    spacing, ind = normal.find(f"{W}spacing"), normal.find(f"{W}ind")
    assert spacing.get(f"{W}lineRule") == "exact" and 560 <= int(spacing.get(f"{W}line")) <= 580
    assert ind.get(f"{W}firstLineChars") == "200"
    assert _style(styles, "Title").find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"
    assert _style(styles, "Title").find(f"{W}pPr/{W}pBdr") is None
    for level in (1, 2):  # the navigation pane reads the outline level of the Heading styles
        assert _style(styles, f"Heading{level}").find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == str(level - 1)
    table = _xml(docx_path, "word/fontTable.xml")
    alt = {f.get(f"{W}name"): f.find(f"{W}altName").get(f"{W}val") for f in table.findall(f"{W}font")
           if f.find(f"{W}altName") is not None}
    assert alt == {name: fallback for name, (fallback, _) in FALLBACKS.items()}


def test_footer_has_a_centred_page_field_between_dashes(docx_path):
    with zipfile.ZipFile(docx_path) as z:
        footers = [n for n in z.namelist() if re.fullmatch(r"word/footer\d*\.xml", n)]
    assert footers
    footer = _xml(docx_path, footers[0])
    texts = "".join(t.text or "" for t in footer.iter(f"{W}t", f"{W}instrText"))
    assert re.fullmatch(r"— +PAGE +1 —", texts.replace(" PAGE ", " PAGE ")), texts
    assert footer.find(f".//{W}jc").get(f"{W}val") == "center"
    sect = _xml(docx_path, "word/document.xml").find(f"{W}body/{W}sectPr")
    assert sect.find(f"{W}footerReference") is not None


def test_indicator_table_is_in_chinese_and_fills_the_type_area(docx_path):
    import docx
    from docx.oxml.ns import qn

    doc = gongwen.parse(SEEDS[0])
    table = docx.Document(str(docx_path)).tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["指标", "数值", "单位", "增减", "限定", "类型", "年份"]
    kinds = {row.cells[5].text for row in table.rows[1:]}
    assert kinds <= {"实际", "目标"} and len(table.rows) == len(doc.indicators) + 1
    widths = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) == round(156 * MM_TWIPS)
    assert widths[0] == max(widths) and min(widths) >= 800  # 类型 and 年份 fit on one line at 小四


def test_libreoffice_renders_a4_with_the_documented_fonts(docx_path, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    import pypdf

    profile = tmp_path / "profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx_path)], check=True, capture_output=True, timeout=300)
    reader = pypdf.PdfReader(str(tmp_path / "report.pdf"))
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1 and abs(float(box.height) - 841.9) < 1
    fonts = set()
    for page in reader.pages:
        for ref in (page.get("/Resources", {}).get("/Font") or {}).values():
            fonts.add(str(ref.get_object()["/BaseFont"]).split("+", 1)[-1])
    documented = {name for name in FALLBACKS} | {alt for alt, _ in FALLBACKS.values()}
    documented |= {sub for _, subs in FALLBACKS.values() for sub in subs} | set(LATIN_FALLBACKS)
    assert fonts and all(any(d in f for d in documented) for f in fonts), fonts
    assert any(any(d in f for d in documented - set(LATIN_FALLBACKS)) for f in fonts), fonts  # a CJK face
    doc = gongwen.parse(SEEDS[0])
    first = reader.pages[0].extract_text().replace(" ", "").replace("\n", "")
    assert doc.meta.title and doc.meta.title.replace(" ", "")[:8] in first
    last = reader.pages[-1].extract_text()
    assert f"— {len(reader.pages)} —" in last or f"—{len(reader.pages)}—" in last.replace(" ", "")


def test_front_matter_salutation_is_flush_left_and_the_speaker_line_centred(tmp_path):
    import docx

    doc = gongwen.parse(SEEDS[4])
    word = docx.Document(str(gongwen.export(doc, "docx", tmp_path / "r.docx")))
    paras = {p.text: p for p in word.paragraphs}
    salutation = paras["各位代表、同志们:"]._p.pPr
    assert salutation.find(f"{W}ind").get(f"{W}firstLine") == "0"
    speaker = next(p for t, p in paras.items() if t.startswith("——2023年2月28日"))
    assert speaker._p.pPr.find(f"{W}jc").get(f"{W}val") == "center"
    body = next(p for t, p in paras.items() if t.startswith("现在,我代表凤桥镇人民政府"))
    assert body._p.pPr is None or body._p.pPr.find(f"{W}jc") is None  # the Normal style: justified, indented
