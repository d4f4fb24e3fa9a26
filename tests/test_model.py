"""The document model converts losslessly to and from its JSON form."""

from __future__ import annotations

import json

from gongwen.exporters.json_export import dumps
from gongwen.model import Document


def test_json_round_trip_gives_an_equal_document(seed_docs):
    for doc in seed_docs.values():
        again = Document.from_dict(json.loads(dumps(doc)))
        assert again == doc


def test_json_keys_follow_the_contract(seed_docs):
    data = seed_docs["004_2bd030c6d8315c75"].to_dict()
    assert list(data) == ["schema", "meta", "front", "toc", "outline", "back", "indicators", "diagnostics"]
    node = data["outline"][0]
    assert list(node) == ["id", "kind", "marker", "style", "ordinal", "title", "body", "children", "span"]
    assert node["marker"] == "一、" and node["ordinal"] == 1 and node["style"] == "cn-dun"


def test_walk_yields_depths_in_document_order(seed_docs):
    doc = seed_docs["002_a38de3bc3ee81032"]
    pairs = [(d, n.marker) for d, n in doc.walk()][:3]
    assert pairs == [(1, "一、"), (2, "(一)"), (2, "(二)")]
