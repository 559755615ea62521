"""Batches: order, error records, threads, laziness, and real articles."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest

import byline


def test_pipe_keeps_order_and_turns_bad_records_into_error_documents(nlp):
    items = [
        "Plain text, said nobody.",
        {"id": "a", "text": "“We agree,” Dmitry Peskov said on Friday.", "published": "2025-04-19"},
        {"id": "surrogate", "text": "bad \ud800 text"},
        {"id": "missing"},
        {"id": "number", "text": 5},
        {"id": "date", "text": "x", "published": "2025-02-30"},
        7,
        {"id": 12, "text": ""},
    ]
    docs = list(nlp.pipe(items, batch_size=3, threads=2))
    assert [d.id for d in docs] == ["0", "a", "surrogate", "missing", "number", "date", "6", "12"]
    assert [d.ok for d in docs] == [True, True, False, False, False, False, False, True]
    assert docs[1].quotes[0].speaker.name == "Dmitry Peskov"
    assert docs[1].dates[0].value == "2025-04-18"
    assert "surrogates not allowed" in docs[2].error
    assert docs[3].error == "missing field 'text'"
    assert "not a real calendar date" in docs[5].error


def test_on_error_raise_names_the_record(nlp):
    with pytest.raises(byline.InputError, match="^missing: missing field 'text'"):
        list(nlp.pipe([{"text": "ok"}, {"id": "missing"}], on_error="raise"))
    with pytest.raises(byline.InputError, match="^bad: "):
        list(nlp.pipe([{"id": "bad", "text": "x", "published": "nope"}], on_error="raise"))
    with pytest.raises(ValueError):
        list(nlp.pipe(["x"], on_error="ignore"))


def test_pipe_is_lazy(nlp):
    pulled = []

    def source():
        for i in itertools.count():
            pulled.append(i)
            yield f"Article {i}."

    first = next(iter(nlp.pipe(source(), batch_size=4)))
    assert first.id == "0"
    assert len(pulled) <= 5


def test_real_articles_same_output_on_one_and_two_threads(nlp, corpus_path):
    with gzip.open(corpus_path, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in itertools.islice(f, 150)]
    one = [d.to_dict() for d in nlp.pipe(records, threads=1, batch_size=64)]
    two = [d.to_dict() for d in nlp.pipe(records, threads=2, batch_size=64)]
    assert one == two
    assert [d["id"] for d in one] == [r["id"] for r in records]
    assert all(d["error"] is None for d in one)
    for record, out in zip(records, one):
        text = record["text"]
        for layer in ("entities", "quotes", "dates", "target_sentiment"):
            for span in out[layer]:
                assert text[span["start"] : span["end"]] == span["text"]
        for q in out["quotes"]:
            for key in ("speaker", "cue"):
                if q[key]:
                    assert text[q[key]["start"] : q[key]["end"]] == q[key]["text"]
