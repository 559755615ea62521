"""The syntax layer from Python: Pipeline(tokens=True) records, Document.tokens / sents,
token.head / children, on-demand parsing, and a tree for every sentence of bad input."""

from __future__ import annotations

import json
import pickle

import pytest

import byline
from conftest import REPO

TEXT = (
    "Voters in the harbour town said they didn't trust the new mayor. "
    "“We will start in June,” Mayor Ana Ruiz told reporters on Friday.\n\n"
    "The U.S. well-known firm's offer was rejected."
)


@pytest.fixture(scope="module")
def parser() -> byline.Pipeline:
    return byline.Pipeline(tokens=True)


def _check_trees(doc: byline.Document) -> None:
    for sent in doc.sents:
        assert sent, "no empty sentence"
        roots = [t for t in sent if t.head is None]
        assert len(roots) == 1 and roots[0].dep == "root"
        indices = {t.i for t in sent}
        for t in sent:
            assert doc.text[t.start : t.end] == t.text
            assert t.head is None or t.head.i in indices
            assert all(c.head == t for c in t.children)


def test_tokens_layer_offsets_trees_and_clitics(parser):
    doc = parser(TEXT)
    _check_trees(doc)
    texts = [t.text for t in doc.tokens]
    assert ["did", "n't"] == texts[texts.index("did") : texts.index("did") + 2]
    assert "U.S." in texts and "'s" in texts
    # Hyphenated words are three words, as in GUM and EWT.
    well = texts.index("well")
    assert texts[well : well + 3] == ["well", "-", "known"]
    said = next(t for t in doc.tokens if t.text == "said")
    assert said.lemma == "say" and said.upos == "VERB" and said.dep == "root"
    assert {c.text for c in said.children} >= {"Voters", "trust", "."}
    assert sum(len(s) for s in doc.sents) == len(doc.tokens)
    assert [t.text for t in doc.sents[1]][:3] == ["“", "We", "will"]


def test_records_carry_tokens_only_when_asked(parser, nlp):
    record = parser(TEXT).to_dict()
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed")
    jsonschema.validate(record, json.loads((REPO / "schema" / "output.schema.json").read_text(encoding="utf-8")))
    assert len(record["tokens"]) == sum(b - a for a, b in record["sentences"])
    plain = nlp(TEXT)
    assert "tokens" not in plain.to_dict()
    # Computed on demand, the same tokens.
    assert [(t.text, t.upos, t.dep) for t in plain.tokens] == [(t.text, t.upos, t.dep) for t in parser(TEXT).tokens]
    assert [len(s) for s in plain.sents] == [len(s) for s in parser(TEXT).sents]
    again = pickle.loads(pickle.dumps(parser))
    assert again.tokens and not again.parse and "syntax" not in again.extractors
    assert repr(parser).endswith("tokens=True)")


def test_tokens_change_no_other_layer_and_parse_is_asked_for_by_name(parser, nlp):
    """``tokens=True`` only adds output (the parse runs after the other extractors);
    ``parse=True`` (or naming "syntax") lets the other extractors read the parse."""
    layers = ("entities", "clusters", "mentions", "quotes", "dates", "stances", "target_sentiment")
    plain, with_tokens = nlp(TEXT).to_dict(), parser(TEXT).to_dict()
    assert {k: plain[k] for k in layers} == {k: with_tokens[k] for k in layers}
    parsed = byline.Pipeline(parse=True)
    assert parsed.parse and parsed.extractors[0] == "syntax" and "tokens" not in parsed(TEXT).to_dict()
    both = byline.Pipeline(parse=True, tokens=True)
    assert both.extractors == parsed.extractors and "tokens" in both(TEXT).to_dict()
    assert byline.Pipeline(["syntax", "entities", "quotes"]).parse
    again = pickle.loads(pickle.dumps(both))
    assert again.parse and again.tokens and repr(again) == repr(both)
    assert "parse=True" in repr(both)


@pytest.mark.parametrize(
    "text",
    [
        "Yes.",
        "!!! ??? ...",
        "😀 🎉 👍",
        "Der Bundestag hat am Freitag das Gesetz beschlossen, sagte die Sprecherin.",
        " ".join(["word"] * 10_000),
        "a\n\nb\n\nc",
    ],
)
def test_a_tree_for_every_sentence_of_bad_input(parser, text):
    doc = parser(text)
    assert doc.ok
    _check_trees(doc)
