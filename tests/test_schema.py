"""The output of the CLI-equivalent Python path validates against the JSON Schema."""

from __future__ import annotations

import json

import pytest

from conftest import REPO

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed")


def test_output_records_match_the_schema(nlp, seed):
    schema = json.loads((REPO / "schema" / "output.schema.json").read_text(encoding="utf-8"))
    records = [
        {"id": "seed", "text": seed["text"], "published": "2025-04-19T08:00:00Z", "title": "Seed"},
        {"id": "bad", "title": "No text"},
        {"id": "warned", "text": "He left on Friday.", "published": "19/04/2025x", "targets": [[0, 99]]},
    ]
    docs = list(nlp.pipe(records, keep=["title"]))
    for doc in docs:
        jsonschema.validate(doc.to_dict(), schema)
    assert docs[1].error is not None
    assert docs[0].to_dict()["meta"] == {"title": "Seed"} and docs[0].published == "2025-04-19"
    assert len(docs[2].to_dict()["warnings"]) == 2


def test_input_schema_accepts_what_the_reader_accepts():
    schema = json.loads((REPO / "schema" / "input.schema.json").read_text(encoding="utf-8"))
    for published in ["2025-04-19", "2025-04-19T10:00:00Z", "2025-04-19T10:00:00+03:00", "2025-04-19 10:00", "", None]:
        jsonschema.validate({"text": "x", "published": published}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"text": "x", "published": "19/04/2025"}, schema)
