"""`gongwen schema json|xsd` prints the shipped schemas, and they validate every seed's exports."""

from __future__ import annotations

import io
import json

import jsonschema
from click.testing import CliRunner
from lxml import etree

from gongwen.cli import main
from gongwen.plugins import load_registry

REGISTRY = load_registry()


def _export(doc, fmt: str) -> bytes:
    buf = io.BytesIO()
    REGISTRY.exporter(fmt).write(doc, buf, {})
    return buf.getvalue()


def test_schema_json_validates_the_seed_exports_and_describes_every_field(seed_docs):
    result = CliRunner().invoke(main, ["schema", "json"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    for doc in seed_docs.values():
        jsonschema.validate(json.loads(_export(doc, "json")), schema)

    def undocumented(node, where=""):
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if "description" not in prop:
                    yield f"{where}/{name}"
            for key, value in node.items():
                yield from undocumented(value, f"{where}/{key}")

    assert list(undocumented(schema)) == []


def test_schema_xsd_validates_the_seed_exports(seed_docs):
    result = CliRunner().invoke(main, ["schema", "xsd"])
    assert result.exit_code == 0
    xsd = etree.XMLSchema(etree.fromstring(result.output.encode("utf-8")))
    for doc in seed_docs.values():
        assert xsd.validate(etree.fromstring(_export(doc, "xml"))), xsd.error_log


def test_an_unknown_schema_kind_is_a_usage_error():
    assert CliRunner().invoke(main, ["schema", "yaml"]).exit_code == 2
