"""Plugins: discovery through entry points, the csv example plugin, failures contained, disabling."""

from __future__ import annotations

import sys
from importlib.metadata import EntryPoint

import pytest
from click.testing import CliRunner

from gongwen import plugins
from gongwen.cli import main

from .conftest import SEEDS

BUILT_INS = {"json", "xml", "markdown", "docx", "xlsx"}


def test_built_in_exporters_come_from_the_gongwen_entry_points():
    registry = plugins.load_registry()
    assert BUILT_INS <= set(registry.exporters)
    assert all(registry.exporters[n].origin.startswith("gongwen ") for n in BUILT_INS)
    assert "txt" in registry.readers["text"].extensions


def test_csv_plugin_is_listed_with_its_origin_and_converts(tmp_path):
    listing = CliRunner().invoke(main, ["formats"])
    assert "csv" in listing.output and "[gongwen-csv 0.1.0]" in listing.output
    target = tmp_path / "ind.csv"
    result = CliRunner().invoke(main, ["convert", str(SEEDS[2]), "-t", "csv", "-o", str(target)])
    assert result.exit_code == 0
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("id,node,path,name,value,unit")
    assert len(lines) > 10


def test_disable_plugin_option_and_environment_variable(monkeypatch):
    result = CliRunner().invoke(main, ["-p", "csv", "-p", "docx", "formats"])
    exporters = result.output.split("Readers:")[0]
    assert " csv " not in exporters and " docx " not in exporters and " xml " in exporters
    assert " docx " in result.output.split("Readers:")[1]  # the DOCX reader is another plugin
    assert "Disabled: csv, docx" in result.output
    monkeypatch.setenv("GONGWEN_DISABLE_PLUGINS", "xlsx")
    assert "xlsx" not in plugins.load_registry().exporters


def test_a_broken_plugin_is_reported_by_name_and_the_rest_work(monkeypatch, tmp_path):
    (tmp_path / "broken_plugin.py").write_text("raise ImportError('no such thing')\n", encoding="utf-8")
    (tmp_path / "raising_plugin.py").write_text(
        "from gongwen.plugin import hookimpl\n"
        "@hookimpl\n"
        "def gongwen_exporters():\n"
        "    raise RuntimeError('exploded')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    real = plugins.entry_points

    def fake_entry_points(group):
        extra = [EntryPoint("broken", "broken_plugin", group), EntryPoint("raising", "raising_plugin", group)]
        return list(real(group=group)) + extra

    monkeypatch.setattr(plugins, "entry_points", fake_entry_points)
    registry = plugins.load_registry()
    failed = dict(registry.failures)
    assert "no such thing" in failed["broken"] and "exploded" in failed["raising"]
    assert BUILT_INS <= set(registry.exporters)


def test_unknown_format_lists_the_known_ones():
    from gongwen.errors import UsageError

    with pytest.raises(UsageError, match="known: .*json.*xml"):
        plugins.load_registry().exporter("pdf")


def test_help_and_formats_do_not_import_docx_or_openpyxl():
    import subprocess

    code = ("import sys; from click.testing import CliRunner; from gongwen.cli import main; "
            "CliRunner().invoke(main, ['formats']); CliRunner().invoke(main, ['--help']); "
            "print('docx' in sys.modules, 'openpyxl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.strip() == "False False"
