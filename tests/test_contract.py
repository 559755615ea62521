"""The output contract is declared once, in the Rust output types: the committed JSON
Schema is derived from them (a Rust test), and here the Python objects, the table layers
and the Arrow columns are checked against that schema; the CLI and Python read input
records by the same rules, with the same messages."""

from __future__ import annotations

import json
import pickle
import subprocess
from typing import Any, Dict, List

import pytest

import byline
from byline import tables
from conftest import REPO
from test_table_cli import _binary

SCHEMA = json.loads((REPO / "schema" / "output.schema.json").read_text(encoding="utf-8"))

# Schema object (a Rust output type) -> the Python class that shows it.
CLASSES = {
    "EntityOut": byline.Entity,
    "ClusterOut": byline.Cluster,
    "MentionOut": byline.Mention,
    "SpeakerOut": byline.Speaker,
    "TextSpan": byline.Cue,
    "QuoteOut": byline.Quote,
    "DateOut": byline.DateExpr,
    "HolderOut": byline.StanceHolder,
    "TargetOut": byline.StanceTarget,
    "EvidenceOut": byline.Evidence,
    "StanceOut": byline.Stance,
    "TargetSentimentOut": byline.TargetSentiment,
    "TokenOut": byline.TokenData,
}

# Fields written only on request or when byline made the text (Pipeline(tokens=True),
# byline extract --tokens, HTML input): not in the tables, and `sentences` is shown as
# Document.sents.
ON_REQUEST = {"tokens", "sentences", "text"}

# Fields of the JSON that Python shows elsewhere, and why.
NOT_ATTRIBUTES = {
    ("QuoteOut", "speaker_name"): "repeats speaker.name for quote scorers",
}




def test_every_output_object_has_a_python_class():
    objects = {name for name, d in SCHEMA["$defs"].items() if d.get("type") == "object"}
    assert objects == set(CLASSES)


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_python_classes_have_the_schema_fields(name: str) -> None:
    cls = CLASSES[name]
    fields: List[str] = list(getattr(cls, "__match_args__"))
    assert set(fields) == {f for f in SCHEMA["$defs"][name]["properties"] if (name, f) not in NOT_ATTRIBUTES}
    assert all(isinstance(getattr(cls, f), property) or hasattr(cls, f) for f in fields)
    # Constructing by field name gives the same object as by position.
    values = [f"v{i}" for i in range(len(fields))]
    assert cls(*values) == cls(**dict(zip(fields, values)))


def test_document_has_the_record_fields():
    record_fields = set(SCHEMA["properties"]) - {"sentences"} | {"sents"}
    attributes = {a for a in dir(byline.Document) if not a.startswith("_")} | set(byline.Document.__slots__)
    assert record_fields <= attributes, record_fields - attributes


def test_table_layers_and_arrow_columns_follow_the_schema():
    arrays = {k for k, v in SCHEMA["properties"].items() if "array" in v.get("type", "") and k != "warnings"}
    assert set(tables.LAYERS) == arrays - ON_REQUEST
    assert set(tables.ARROW_COLUMNS) == set(SCHEMA["properties"]) - {"meta"} - ON_REQUEST


def test_objects_behave_as_frozen_dataclasses(nlp):
    doc = nlp("“We agree,” Dmitry Peskov said on Friday.", published="2025-04-19")
    quote = doc.quotes[0]
    assert quote.speaker is not None and quote.speaker.name == "Dmitry Peskov"
    assert quote == byline.Quote(
        quote.start, quote.end, quote.text, quote.kind, quote.spans, quote.speaker, quote.cue, quote.date,
        quote.content, quote.score,
    )
    assert 0.0 <= quote.score <= 1.0 and quote.speaker.kind == "person"
    assert hash(quote) == hash(pickle.loads(pickle.dumps(quote))) and pickle.loads(pickle.dumps(quote)) == quote
    assert repr(doc.dates[0]) == "DateExpr(start=34, end=40, text='Friday', type='DATE', value='2025-04-18')"
    assert byline.Stance(None, None, "positive", 0.5, None, None).channel == "narration"  # type: ignore[arg-type]
    assert byline.StanceTarget(0, 1, "x", None).kind == "entity"
    assert byline.StanceTarget(0, 1, "x", None, "topic").kind == "topic"
    assert byline.Quote(0, 1, "x", "direct", (), None, None).content == ""
    assert byline.Quote(0, 1, "x", "direct", (), None, None).score == 1.0
    assert byline.Speaker(0, 1, "x", None, "x").kind == "none"
    with pytest.raises(AttributeError):
        quote.text = "other"  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing required argument: 'cluster'"):
        byline.Entity(0, 1, "x", "PER")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'kind'"):
        byline.Entity(0, 1, "x", "PER", 0, kind="y")  # type: ignore[call-arg]
    assert doc.quotes is doc.quotes  # built once, when first read
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_from_dict_reads_an_output_line_back(nlp):
    doc = nlp("“We agree,” Dmitry Peskov said on Friday.", published="2025-04-19")
    again = byline.Document.from_dict(doc.to_dict(), doc.text)
    assert again == doc and again.quotes == doc.quotes
    with pytest.raises(ValueError, match="not a byline output record"):
        byline.Document.from_dict({"id": "x"})


BAD_RECORDS = [
    {"id": "no-text", "title": "x"},
    {"id": "null-text", "text": None},
    {"id": "bad-date", "text": "On Friday.", "published": "19/04/2025x"},
    {"id": "late-target", "text": "abc", "targets": [[1, 9]]},
    {"id": "bad-targets", "text": "abc", "targets": "all"},
    {"text": "No id."},
]


def test_cli_and_python_read_records_by_the_same_rules(nlp, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in BAD_RECORDS), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    subprocess.run([_binary(), "extract", "-q", "--extractors", "dates", "-o", out, source], check=True)
    cli = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    python = [d.to_dict() for d in byline.Pipeline(["dates"]).pipe(BAD_RECORDS)]
    seen = lambda records: [(r["error"], r.get("warnings", []), r["published"]) for r in records]  # noqa: E731
    assert seen(python) == seen(cli)
    # Ids: the CLI numbers lines from 1, Python positions from 0.
    assert [r["id"] for r in python][:-1] == [r["id"] for r in cli][:-1]
    assert (cli[-1]["id"], python[-1]["id"]) == ("6", "5")


PAGES = {
    "2025/ferry.html": (
        "<html><head><title>Ferry</title><script>var q = '“not text”';</script></head><body>"
        "<nav><a href='/'>Home</a></nav><h1>Ferry returns</h1>"
        "<p>&ldquo;The ferry will sail on Friday,&rdquo; said Tom Reyes, the harbour master.</p>"
        "<div class='ad'>Subscribe <b>now</b>!</div><footer>© Paper</footer></body></html>"
    ),
    "2025/strike.htm": "<p>Union leader Ana Berg said the strike would end.<p>Unclosed <b>bold",
    "notes.txt": "“We agree,” Dmitry Peskov said.",
}


def test_a_folder_of_pages_reads_the_same_from_python_and_the_cli(nlp, tmp_path):
    folder = tmp_path / "pages"
    for name, page in PAGES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(page, encoding="utf-8")
    (folder / "skip.json").write_text("{}", encoding="utf-8")  # not an article file
    out = tmp_path / "out.jsonl"
    subprocess.run([_binary(), "extract", "-q", "-o", out, folder], check=True)
    cli = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    records = list(byline.read(folder))
    assert [r["id"] for r in records] == [r["id"] for r in cli] == [str(folder / n) for n in sorted(PAGES)]
    docs = list(nlp.pipe(records))
    assert [d.to_dict() for d in docs] == cli
    ferry = docs[0]
    assert ferry.text.startswith("Ferry returns\n\n“The ferry will sail on Friday,”") and "Subscribe" in ferry.text
    assert "not text" not in ferry.text and "Home" not in ferry.text
    assert ferry.quotes[0].speaker.name == "Tom Reyes" and ferry.to_dict()["text"] == ferry.text
    for doc in docs:
        for q in doc.quotes:
            assert doc.text[q.start : q.end] == q.text
    # A text file is analysed as it is: its record carries no "text".
    assert "text" not in docs[2].to_dict() and docs[2].text == PAGES["notes.txt"]
    with pytest.raises(ValueError, match="format must be one of"):
        byline.read(folder, format="xml")
    with pytest.raises(OSError, match="no such file"):
        byline.read(tmp_path / "missing.jsonl")


def test_bad_lines_read_from_python_give_the_cli_s_error_records(nlp, tmp_path):
    source = tmp_path / "in.jsonl"
    good = json.dumps({"id": "ok", "text": "“We agree,” Dmitry Peskov said."})
    source.write_bytes(
        b"\n".join([good.encode(), b"not json", b"[1, 2]", b"", b'{"id": "x1", "text": 5}', b'{"id": "u", "text": "\xff"}'])
        + b"\n"
    )
    out = tmp_path / "out.jsonl"
    subprocess.run([_binary(), "extract", "-q", "-o", out, source], check=True)
    cli = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    python = [d.to_dict() for d in nlp.pipe(byline.read(source))]
    assert [(r["id"], r["error"]) for r in python] == [(r["id"], r["error"]) for r in cli]
    assert python == cli and len(cli) == 6 and cli[1]["error"].startswith("invalid JSON")
