"""Shared fixtures: the pipeline, and the ../shared data when it is present."""

from __future__ import annotations

import json
import pathlib
from typing import Any, Dict

import pytest

import byline

REPO = pathlib.Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> byline.Pipeline:
    return byline.Pipeline()


@pytest.fixture(scope="session")
def seed() -> Dict[str, Any]:
    folder = SHARED / "fixtures" / "seed"
    if not folder.is_dir():
        pytest.skip("../shared/fixtures/seed is not beside the repository")
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return {"text": (folder / "article.txt").read_text(encoding="utf-8"), "gold": gold}


@pytest.fixture(scope="session")
def corpus_path() -> pathlib.Path:
    path = SHARED / "data" / "corpus" / "allsides.jsonl.gz"
    if not path.is_file():
        pytest.skip("../shared/data/corpus/allsides.jsonl.gz is not beside the repository")
    return path
