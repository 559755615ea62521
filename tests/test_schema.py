"""The output of the CLI-equivalent Python path validates against the JSON Schema."""

from __future__ import annotations

import json

import pytest

from conftest import REPO

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed")


def test_output_records_match_the_schema(nlp, seed):
    schema = json.loads((REPO / "schema" / "output.schema.json").read_text(encoding="utf-8"))
    docs = list(nlp.pipe([{"id": "seed", "text": seed["text"], "published": "2025-04-19"}, {"id": "bad"}]))
    for doc in docs:
        jsonschema.validate(doc.to_dict(), schema)
    assert docs[1].error is not None
