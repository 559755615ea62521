"""``byline table`` (the CLI) writes the same columns and values as ``byline.to_rows``."""

from __future__ import annotations

import csv
import json
import pathlib
import subprocess

import pytest

import byline
from conftest import REPO

RECORDS = [
    {"id": "a", "title": "Talks", "url": "https://example.invalid/a", "published": "2025-04-19",
     "text": "“We had one chance,” union president Maria Kovalenko said on Friday, “and they missed it.” "
             "Transport Minister Elise Brandt criticised the port's management. Port director Henrik Aas "
             "said the company would present a revised offer next week."},
    {"id": "b", "title": "Empty", "text": ""},
    {"id": "c", "title": "No text"},
]


def _binary() -> pathlib.Path:
    found = [p for p in (REPO / "target" / "debug" / "byline", REPO / "target" / "release" / "byline") if p.is_file()]
    assert found, "the byline binary is not built: scripts/test.sh builds it with cargo test before pytest"
    return max(found, key=lambda p: p.stat().st_mtime)


def _cell(value: object) -> str:
    return "" if value is None else str(value)


@pytest.mark.parametrize("layer", byline.tables.LAYERS)
def test_cli_table_equals_to_rows(nlp, tmp_path, layer):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    subprocess.run([_binary(), "extract", "-q", "--keep", "title,url", "-o", out, source], check=True)
    table = tmp_path / f"{layer}.csv"
    subprocess.run([_binary(), "table", layer, out, "-o", table], check=True)
    with table.open(encoding="utf-8", newline="") as f:
        got = list(csv.reader(f))
    rows = byline.to_rows(nlp.pipe(RECORDS, keep=["title", "url"]), layer)
    assert rows, "the records give rows of every layer"
    assert got[0] == list(rows[0]) == ["article_id", "title", "url", *byline.tables.COLUMNS[layer][1:]]
    assert got[1:] == [[_cell(row[c]) for c in got[0]] for row in rows]
