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
    assert [d.ok for d in docs] == [True, True, False, False, False, True, False, True]
    assert docs[1].quotes[0].speaker.name == "Dmitry Peskov"
    assert docs[1].dates[0].value == "2025-04-18"
    assert docs[2].error == "field 'text' cannot be read: it holds a lone surrogate, which is not valid Unicode"
    assert docs[3].error == "missing field 'text'"
    assert docs[5].error is None and docs[5].published is None
    assert docs[5].warnings == ["published '2025-02-30' is not a date; analysed without one"]


def test_on_error_raise_names_the_record(nlp):
    with pytest.raises(byline.InputError, match="^missing: missing field 'text'"):
        list(nlp.pipe([{"text": "ok"}, {"id": "missing"}], on_error="raise"))
    with pytest.raises(byline.InputError, match="^bad: "):
        list(nlp.pipe([{"id": "bad", "text": 5}], on_error="raise"))
    # A warning is not an error: on_error="raise" does not raise for it.
    (doc,) = nlp.pipe([{"id": "w", "text": "x", "published": "nope"}], on_error="raise")
    assert doc.ok and doc.warnings
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
    # The batch after the first is analysed ahead, while the caller reads the first.
    assert len(pulled) <= 2 * 4 + 1


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


def test_pipe_refuses_a_data_frame_or_a_mapping_with_a_hint(nlp):
    with pytest.raises(TypeError, match=r'to_dict\("records"\)'):
        nlp.pipe({"text": "a", "id": "b"})
    with pytest.raises(TypeError, match="pipe_arrow"):
        nlp.pipe({"id": ["x"], "text": ["y"]})
    with pytest.raises(TypeError, match="nlp\\(text\\)"):
        nlp.pipe("one article as a string")
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"id": ["a", "b"], "text": ["One.", "Two."]})
    with pytest.raises(TypeError, match="DataFrame"):
        nlp.pipe(frame)
    # What the message says works.
    assert [d.id for d in nlp.pipe(frame.to_dict("records"))] == ["a", "b"]


def test_keep_copies_input_fields_into_meta_and_tables(nlp):
    when = object()
    records = [
        {"id": "a", "text": "“We agree,” Dmitry Peskov said.", "title": "Talks", "url": "https://x.test/a", "n": when},
        {"id": "b", "title": "No text"},
        "plain text",
    ]
    docs = list(nlp.pipe(records, keep=["title", "url", "n", "absent"]))
    assert docs[0].meta == {"title": "Talks", "url": "https://x.test/a", "n": when}
    assert docs[0].to_dict()["meta"]["title"] == "Talks"
    assert docs[1].error and docs[1].meta == {"title": "No text"}, "error records keep their meta too"
    assert docs[2].meta == {}
    rows = byline.to_rows(docs, "quotes")
    assert rows[0]["title"] == "Talks" and rows[0]["url"] == "https://x.test/a"
    assert list(rows[0])[:3] == ["article_id", "title", "url"]
    assert "meta" not in next(iter(nlp.pipe(records[:1]))).to_dict(), "nothing kept by default"
    with pytest.raises(TypeError, match="list of field names"):
        nlp.pipe(records, keep="title")
    # A kept field named like a column does not overwrite it.
    (doc,) = nlp.pipe([{"text": "“Yes,” Ann Lee said.", "speaker": "theirs"}], keep=["speaker"])
    row = byline.to_rows([doc], "quotes")[0]
    assert (row["speaker"], row["meta.speaker"]) == ("Ann Lee", "theirs")
    assert "Talks" not in byline.render(docs[0]), "meta is not part of the article's view"


def test_a_split_quote_has_its_own_words_as_content(nlp):
    text = "“We had one chance,” Ann Lee said, “and they missed it.”"
    (quote,) = nlp(text).quotes
    assert quote.text == text[quote.start:quote.end] and "Ann Lee said" in quote.text
    assert quote.content == "We had one chance, and they missed it."
    assert quote.content == " ".join(text[s:e] for s, e in quote.spans)
    assert byline.to_rows([nlp(text)], "quotes")[0]["content"] == quote.content


def test_read_yields_the_records_of_every_format_and_pipe_refuses_raw_input(tmp_path):
    import gzip
    import json

    import pytest

    import byline

    nlp = byline.Pipeline()
    text = "“The ferry will sail,” said Tom Reyes, the harbour master."
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a1", "text": text, "published": "2024-03-07"}) + "\n")
    (tmp_path / "a.csv").write_text('doc,body,date\na1,"' + text.replace('"', '""') + '","March 7, 2024"\n')
    with gzip.open(tmp_path / "a.json.gz", "wt") as f:
        f.write(json.dumps([{"id": "a1", "text": text, "published": 1709805600}]))
    clean = [d.to_dict() for d in nlp.pipe(byline.read(tmp_path / "a.jsonl"))]
    renamed = byline.read(tmp_path / "a.csv", text_field="body", id_field="doc", published_field="date")
    assert [d.to_dict() for d in nlp.pipe(renamed)] == clean
    assert [d.to_dict() for d in nlp.pipe(byline.read(tmp_path / "a.json.gz"))] == clean
    assert clean[0]["quotes"] and clean[0]["published"] == "2024-03-07"
    with pytest.raises(ValueError, match='no column "text" in the header .*text_field='):
        list(byline.read(tmp_path / "a.csv"))
    with open(tmp_path / "a.jsonl") as f, pytest.raises(TypeError, match="byline.read"):
        nlp.pipe(f)
    with pytest.raises(TypeError, match="JSON record"):
        list(nlp.pipe([json.dumps({"text": text})]))
    with pytest.raises(TypeError, match="file name"):
        nlp("articles.jsonl")
