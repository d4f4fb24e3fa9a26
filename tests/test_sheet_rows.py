"""Worksheet rows written from templates read back as openpyxl writes them."""

from __future__ import annotations

import io
import zipfile

import openpyxl

from gongwen.exporters.sheet_rows import rows_xml
from gongwen.exporters.zipfix import repack_zip


def test_xlsx_cells_written_from_templates_read_back_as_openpyxl_writes_them():
    values = [None, "", "a", " a", "a\t", "=", "#n/a", "a&b<c>", "x\ry\nz", "区", 0, -3, 2**60, 1.5,
              -0.0, 1e-300, float("nan"), float("inf"), True, False, "x" * 40_000]

    def workbook(rows: list[list[object]]) -> bytes:
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("S")
        for row in rows:
            ws.append(row)
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()

    rows = [values, [], [None, "b"]]
    empty = zipfile.ZipFile(io.BytesIO(workbook([]))).read("xl/worksheets/sheet1.xml").decode()
    ours = repack_zip(workbook([]), {"xl/worksheets/sheet1.xml": empty.replace(
        "<sheetData></sheetData>", "<sheetData>" + "".join(rows_xml(rows)) + "</sheetData>").encode()})

    def cells(data: bytes) -> list[list[tuple[object, str]]]:
        ws = openpyxl.load_workbook(io.BytesIO(data))["S"]
        return [[(c.value, c.data_type) for c in row] for row in ws.iter_rows()]

    assert cells(ours) == cells(workbook(rows))


def test_document_text_never_becomes_a_formula_or_an_error_cell():
    wb = openpyxl.Workbook(write_only=True)
    wb.create_sheet("S")
    buf = io.BytesIO()
    wb.save(buf)
    sheet = zipfile.ZipFile(io.BytesIO(buf.getvalue())).read("xl/worksheets/sheet1.xml").decode()
    data = repack_zip(buf.getvalue(), {"xl/worksheets/sheet1.xml": sheet.replace(
        "<sheetData></sheetData>", "<sheetData>" + "".join(rows_xml([["=HYPERLINK(\"x\")", "=1+1", "#N/A"]])) +
        "</sheetData>").encode()})
    ws = openpyxl.load_workbook(io.BytesIO(data))["S"]
    assert [(c.value, c.data_type) for c in next(ws.iter_rows())] == [
        ('=HYPERLINK("x")', "s"), ("=1+1", "s"), ("#N/A", "s")]
