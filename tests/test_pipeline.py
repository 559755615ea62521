"""One article at a time: objects, attributes, offsets, dates, pickling, errors."""

from __future__ import annotations

import datetime
import json
import doctest
import pickle

import pytest

import byline
from byline import Document


def spans_of(doc: Document):
    """Every (start, end, text) span the Python API exposes."""
    for e in doc.entities:
        yield e.start, e.end, e.text
    for m in doc.mentions:
        yield m.start, m.end, m.text
    for q in doc.quotes:
        yield q.start, q.end, q.text
        if q.speaker:
            yield q.speaker.start, q.speaker.end, q.speaker.text
        if q.cue:
            yield q.cue.start, q.cue.end, q.cue.text
    for d in doc.dates:
        yield d.start, d.end, d.text
    for s in doc.stances:
        yield s.target.start, s.target.end, s.target.text
        yield s.evidence.start, s.evidence.end, s.evidence.text
    for t in doc.target_sentiment:
        yield t.start, t.end, t.text


def test_seed_article_who_said_what(nlp, seed):
    doc = nlp(seed["text"], published=seed["gold"]["published"], id="seed")
    assert doc.ok and doc.id == "seed"
    speakers = [q.speaker.name for q in doc.quotes if q.speaker]
    for g in seed["gold"]["quotes"]:
        assert g["speaker"] in speakers
    first = next(q for q in doc.quotes if q.text.startswith("Contacts are quite complicated"))
    assert first.speaker is not None and first.speaker.name == "Dmitry Peskov"
    assert first.cue is not None and first.cue.text == "informed"
    assert [d.value for d in doc.dates] == ["2025-04-18", "PXD", "P1M"]
    peskov = next(c for c in doc.clusters if c.name == "Dmitry Peskov")
    assert peskov.label == "PER" and "Kremlin spokesperson" in peskov.roles
    assert all(doc.entities[m].cluster == peskov.id for m in peskov.mentions)
    # The seed states no stance with a stance verb between holder and target, so the
    # default layer holds none; every stance (min_stance_score=0) is its three gold ones.
    assert doc.stances == []
    doc = byline.Pipeline(min_stance_score=0)(seed["text"], published=seed["gold"]["published"], id="seed")
    assert sorted(s.holder.name for s in doc.stances) == ["Dmitry Medvedev", "Dmitry Peskov", "Donald Trump"]
    assert all(s.score < byline.DEFAULT_MIN_STANCE_SCORE for s in doc.stances)
    # Stances carry their channel and, for quotes, the quote they come from.
    ukraine = next(s for s in doc.stances if s.holder.name == "Dmitry Peskov")
    assert (ukraine.target.text, ukraine.polarity, ukraine.channel) == ("Ukraine", "negative", "indirect_quote")
    # Targets say whether they are somebody (an entity) or an issue (a topic).
    assert ukraine.target.kind == "entity"
    assert all(s.target.kind in ("entity", "topic") for s in doc.stances)
    assert any(s.target.kind == "topic" and s.target.cluster is None for s in doc.stances)
    assert ukraine.quote is not None and "adhered" in doc.quotes[ukraine.quote].text
    medvedev = next(s for s in doc.stances if s.holder.name == "Dmitry Medvedev")
    assert (medvedev.target.text, medvedev.polarity) == ("US", "positive")
    # "Medvedev … expressed his approval of the US comments": narrated, or (since the quote
    # labeller was retrained on issue 19's entities) read as his indirect attribution.
    if medvedev.quote is None:
        assert medvedev.channel == "narration"
    else:
        assert medvedev.channel == "indirect_quote" and doc.quotes[medvedev.quote].cue.text == "expressed"  # type: ignore[union-attr]


def test_seed_article_pronouns_are_mentions_of_their_clusters(nlp, seed):
    doc = nlp(seed["text"], published=seed["gold"]["published"], id="seed")
    for name in ("Dmitry Peskov", "Dmitry Medvedev"):
        cluster = next(c for c in doc.clusters if c.name == name)
        pronouns = [m.text for m in doc.mentions_of(cluster.id) if m.kind == "pronoun"]
        assert "He" in pronouns, (name, pronouns)
    # Every name is a mention, every mention is on a cluster with a name.
    assert sum(m.kind == "name" for m in doc.mentions) == len(doc.entities)
    assert all(doc.clusters[m.cluster].mentions for m in doc.mentions)
    assert {m.kind for m in doc.mentions} <= {"name", "pronoun", "nominal"}
    rows = byline.to_rows([doc], "mentions")
    assert len(rows) == len(doc.mentions)


def test_every_span_indexes_the_python_string(nlp, seed):
    text = seed["text"] + "\n\nZoë Ångström 🙂 said: “Ça va, Москва agreed.” Mr. Müller said on Friday that José Núñez would wait a few days."
    doc = nlp(text, published="2025-04-19")
    spans = list(spans_of(doc))
    assert len(spans) > 50
    for start, end, span_text in spans:
        assert text[start:end] == span_text


def test_to_dict_is_the_json_contract(nlp):
    doc = nlp("“We agree,” Dmitry Peskov said on Friday.", published=datetime.date(2025, 4, 19))
    d = doc.to_dict()
    assert set(d) >= {"id", "error", "entities", "clusters", "quotes", "dates", "stances", "target_sentiment", "extra"}
    assert d["quotes"][0]["speaker"]["name"] == "Dmitry Peskov"
    d["quotes"].clear()
    assert doc.to_dict()["quotes"], "to_dict returns a copy"
    assert doc.published == "2025-04-19"


def test_published_accepts_dates_datetimes_and_none(nlp):
    text = "He left on Friday."
    assert nlp(text, published=datetime.datetime(2025, 4, 19, 10, 30)).dates[0].value == "2025-04-18"
    assert nlp(text).dates[0].value == "XXXX-WXX-5"


@pytest.mark.parametrize(
    "published",
    [
        "2025-04-19",
        "2025-04-19T10:00:00Z",
        "2025-04-19T10:00:00+03:00",
        "2025-04-19T23:30:00-05:00",
        "2025-04-19 10:00",
        datetime.date(2025, 4, 19),
        datetime.datetime(2025, 4, 19, 23, 59, tzinfo=datetime.timezone(datetime.timedelta(hours=-8))),
    ],
)
def test_published_reads_what_real_data_carries(nlp, published):
    doc = nlp("He left on Friday.", published=published)
    assert (doc.published, doc.warnings, doc.dates[0].value) == ("2025-04-19", [], "2025-04-18")


def test_published_from_pandas_and_numpy_and_missing_values(nlp):
    pandas = pytest.importorskip("pandas")
    numpy = pytest.importorskip("numpy")
    text = "He left on Friday."
    for published in [
        pandas.Timestamp("2025-04-19 10:00"),
        pandas.Timestamp("2025-04-19T10:00", tz="Europe/Kyiv"),
        numpy.datetime64("2025-04-19"),
        numpy.datetime64("2025-04-19T10:00:00.123456789"),
    ]:
        doc = nlp(text, published=published)
        assert (doc.published, doc.warnings, doc.dates[0].value) == ("2025-04-19", [], "2025-04-18"), published
    for missing in [None, "", "  ", float("nan"), pandas.NaT, numpy.datetime64("NaT"), numpy.nan]:
        doc = nlp(text, published=missing)
        assert (doc.published, doc.warnings, doc.dates[0].value) == (None, [], "XXXX-WXX-5"), missing
    # A data frame's column of dates (with gaps) through pipe.
    frame = pandas.DataFrame({"text": [text, text], "published": pandas.to_datetime(["2025-04-19", None])})
    docs = list(nlp.pipe(frame.to_dict("records")))
    assert [d.published for d in docs] == ["2025-04-19", None]
    assert [d.warnings for d in docs] == [[], []]


def test_repr_is_informative(nlp):
    doc = nlp("“We agree,” Dmitry Peskov said.")
    assert "1 quotes" in repr(doc)
    assert "Dmitry Peskov" in repr(doc.quotes[0])
    assert repr(nlp) == "Pipeline(extractors=['entities', 'quotes', 'dates', 'quote_dates', 'stance'])"


def test_empty_text_gives_empty_layers(nlp):
    doc = nlp("")
    assert doc.ok and not doc.entities and not doc.quotes and not doc.dates and not doc.stances


def test_targets_get_a_target_sentiment_entry(nlp):
    text = "Critics slammed the new tax plan as a failure."
    doc = nlp(text, targets=[(20, 32)])
    given = [t for t in doc.target_sentiment if (t.start, t.end) == (20, 32)]
    assert len(given) == 1 and given[0].text == "new tax plan"
    assert given[0].polarity in ("positive", "neutral", "negative")
    doc = nlp(text, targets=[(5, 500)])
    assert doc.ok and doc.warnings == [
        "target [5, 500] runs past the end of the text (46 code points); analysed without targets"
    ]
    assert nlp(text, targets="all").warnings == [  # type: ignore[arg-type]
        "field 'targets' must be a list of [start, end] pairs of code-point offsets; analysed without targets"
    ]


def test_pipeline_pickles_by_its_configuration(nlp):
    clone = pickle.loads(pickle.dumps(nlp))
    assert clone.extractors == nlp.extractors
    text = "“We agree,” Dmitry Peskov said."
    assert clone(text).to_dict() == nlp(text).to_dict()
    small = byline.Pipeline(["entities", "money"])
    assert pickle.loads(pickle.dumps(small)).extractors == ["entities", "money"]


def test_chosen_extractors_and_the_plug_in_layer():
    nlp = byline.Pipeline(["money", "entities"])
    doc = nlp("Acme paid $3 million to Zoë.")
    assert doc.extra["money"][0]["text"] == "$3 million"
    assert doc.quotes == []
    assert "money" in byline.available_extractors()


def test_bad_input_raises_byline_errors(nlp):
    with pytest.raises(byline.InputError) as e:
        nlp(42)  # type: ignore[arg-type]
    assert isinstance(e.value, ValueError) and isinstance(e.value, byline.BylineError)
    with pytest.raises(byline.InputError):
        nlp("lone \ud800 surrogate")


def test_an_unreadable_date_is_a_warning_and_the_article_is_analysed(nlp):
    doc = nlp("He left on Friday.", published="19/04/2025x")
    assert doc.ok and doc.published is None
    assert doc.warnings == ["published '19/04/2025x' is not a date; analysed without one"]
    assert doc.dates[0].value == "XXXX-WXX-5"
    assert doc.to_dict()["warnings"] == doc.warnings
    assert nlp("x", published=20250419).warnings == [
        "published '20250419' is not a date; analysed without one"
    ]
    assert nlp("x", published="2025-04-19").warnings == []


def test_feed_dates_epoch_seconds_and_ambiguous_slash_dates(nlp):
    for published in ("Thu, 07 Mar 2024 10:00:00 GMT", "March 7, 2024", "7 March 2024", 1709805600, "1709805600000"):
        doc = nlp("He left on Friday.", published=published)
        assert doc.published == "2024-03-07" and doc.warnings == [], published
    doc = nlp("He left on Friday.", published="03/07/2024")
    assert doc.published is None and "ambiguous" in doc.warnings[0]
    assert "warnings" not in nlp("x").to_dict()


def test_date_order_reads_slash_dates_in_calls_and_batches():
    dmy, mdy = byline.Pipeline(date_order="dmy"), byline.Pipeline(date_order="mdy")
    assert dmy("He left on Friday.", published="08/03/2024").published == "2024-03-08"
    assert mdy("He left on Friday.", published="03/08/2024").published == "2024-03-08"
    records = [{"id": "a", "text": "He left on Friday.", "published": "08/03/2024"}, {"text": "x", "published": "31/31/2024"}]
    docs = list(dmy.pipe(records))
    assert docs[0].published == "2024-03-08" and docs[0].warnings == []
    assert docs[1].published is None and docs[1].warnings
    again = pickle.loads(pickle.dumps(dmy))
    assert again.date_order == "dmy" and "date_order='dmy'" in repr(again)
    with pytest.raises(byline.PipelineConfigError, match="date_order must be 'dmy', 'mdy' or None"):
        byline.Pipeline(date_order="ymd")


def test_bad_configuration_raises_pipeline_config_error():
    with pytest.raises(byline.PipelineConfigError, match="needs the 'entities' layer"):
        byline.Pipeline(["quotes"])
    with pytest.raises(byline.PipelineConfigError, match="unknown extractor 'nope'"):
        byline.Pipeline(["nope"])


def test_package_docstring_examples_run():
    failures, tests = doctest.testmod(byline, verbose=False)
    assert tests > 0 and failures == 0


def test_a_quote_carries_the_date_of_its_statement(nlp):
    doc = nlp(
        "US President Donald Trump remarked on Friday that he wants a swift peace agreement.",
        published="2025-04-19",
    )
    quote = next(q for q in doc.quotes if q.cue and q.cue.text == "remarked")
    assert quote.date is not None
    assert (doc.dates[quote.date].text, doc.dates[quote.date].value) == ("Friday", "2025-04-18")


def test_html_view_marks_every_layer(seed):
    # Every stance, so that the view has stance evidence to mark.
    nlp = byline.Pipeline(min_stance_score=0)
    doc = nlp(seed["text"], published=seed["gold"]["published"], id="seed <1>")
    html = byline.render(doc)
    assert html == doc._repr_html_()
    assert '<span class="speaker">Dmitry Peskov</span>' in html
    assert '<span class="value">2025-04-18</span>' in html
    assert 'class="ent PER"' in html and 'class="evidence"' in html
    assert "seed &lt;1&gt;" in html and "<script" not in html and "http" not in html
    bad = nlp.pipe([{"text": 3}])
    assert "class=\"error\"" in byline.render(next(iter(bad)))


def test_layers_as_long_tables(seed):
    pandas = pytest.importorskip("pandas", reason="pandas is optional")
    # Every stance, so that the stances table has rows.
    nlp = byline.Pipeline(min_stance_score=0)
    docs = list(nlp.pipe([{"id": "seed", "text": seed["text"], "published": "2025-04-19"}, {"id": "bad"}]))
    quotes = byline.to_pandas(docs, layer="quotes")
    assert isinstance(quotes, pandas.DataFrame)
    assert {"article_id", "speaker", "cue", "date", "text", "kind"} <= set(quotes.columns)
    assert (quotes["article_id"] == "seed").all() and len(quotes) == len(docs[0].quotes)
    trump = quotes[quotes["speaker"] == "Donald Trump"].iloc[0]
    assert trump["date"] == "2025-04-18" and trump["cue"] == "remarked"
    for layer in byline.tables.LAYERS:
        frame = byline.to_pandas(docs, layer=layer)
        assert len(frame) == len(byline.to_rows(docs, layer=layer)) > 0
        assert list(byline.to_pandas([], layer=layer).columns) == list(frame.columns)
    with pytest.raises(ValueError):
        byline.to_pandas(docs, layer="nope")


def test_pipe_arrow_keeps_rows_and_order(nlp):
    pa = pytest.importorskip("pyarrow", reason="pyarrow is optional")
    table = pa.table(
        {
            "doc": ["a", "b", "c"],
            "body": ["“We agree,” Dmitry Peskov said on Friday.", None, "Tom Reyes praised the plan."],
            "day": ["2025-04-19", None, "2025-04-19"],
        }
    )
    out = nlp.pipe_arrow(table, text_column="body", id_column="doc", published_column="day")
    assert out.column_names == list(byline.tables.ARROW_COLUMNS)
    assert out.column("id").to_pylist() == ["a", "b", "c"]
    errors = out.column("error").to_pylist()
    assert errors[0] is None and errors[1] and errors[2] is None
    quotes = json.loads(out.column("quotes")[0].as_py())
    assert quotes[0]["speaker"]["name"] == "Dmitry Peskov"
    with pytest.raises(KeyError):
        nlp.pipe_arrow(table, text_column="missing")


def test_progress_bar_is_optional(nlp):
    docs = list(nlp.pipe(["One.", "Two."], progress=True))
    assert [d.text for d in docs] == ["One.", "Two."]


def test_missing_optional_packages_say_what_to_install(nlp, monkeypatch):
    import sys

    docs = [nlp("Tom Reyes praised the plan.")]
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        byline.to_pandas(docs)
    with pytest.raises(ImportError, match="pip install pyarrow"):
        nlp.pipe_arrow(object())
    # The rows themselves need neither.
    assert byline.to_rows(docs, layer="entities")[0]["text"] == "Tom Reyes"


def test_errors_carry_the_record_id_and_the_field():
    nlp = byline.Pipeline()
    with pytest.raises(byline.InputError) as e:
        list(nlp.pipe([{"id": "ok", "text": "x"}, {"id": "no-text"}], on_error="raise"))
    assert (e.value.record_id, e.value.field) == ("no-text", "text")
    with pytest.raises(byline.InputError) as e:
        nlp("lone \ud800 surrogate", id="s1")
    assert (e.value.record_id, e.value.field) == ("s1", "text")
    with pytest.raises(byline.InputError) as e:
        nlp(42, id="n1")  # type: ignore[arg-type]
    assert (e.value.record_id, e.value.field) == ("n1", "text")
    with pytest.raises(byline.PipelineConfigError) as c:
        byline.Pipeline(["nope"])
    assert c.value.record_id is None and c.value.field is None
    # Raised again and again, the classes are the module's own (looked up once).
    for _ in range(3):
        with pytest.raises(byline.errors.InputError):
            nlp("\ud800")


SCORED = (
    "Harbour officials said on Tuesday that the ferry would resume service next week. "
    "“We are confident,” harbour master Maria Lindqvist said. They said nothing more."
)


def test_quotes_carry_scores_and_speaker_kinds(nlp):
    doc = nlp(SCORED)
    assert doc.quotes
    for q in doc.quotes:
        assert 0.0 <= q.score <= 1.0
        assert q.speaker is None or q.speaker.kind in {
            "person", "organization", "document", "anonymous", "pronoun", "none"
        }
    # "Harbour officials" is an unnamed group, or since issue 33 (the census holds the
    # surname Harbour) the organisation "Harbour": the Rust snapshot
    # speaker_kinds_person_organization_document_anonymous shows which.
    assert doc.quotes[0].speaker is not None
    assert doc.quotes[0].speaker.kind in {"anonymous", "organization"}
    confident = next(q for q in doc.quotes if "confident" in q.text)
    assert confident.speaker is not None and confident.speaker.kind == "person"
    rows = byline.to_rows([doc], "quotes")
    assert rows[0]["score"] == doc.quotes[0].score
    assert rows[0]["speaker_kind"] == doc.quotes[0].speaker.kind


def test_min_quote_score_keeps_the_quotes_scoring_at_least_it():
    every = byline.Pipeline(min_quote_score=0)(SCORED).quotes
    threshold = sorted(q.score for q in every)[len(every) // 2]
    strict = byline.Pipeline(min_quote_score=threshold)
    kept = strict(SCORED).quotes
    assert [(q.start, q.end) for q in kept] == [(q.start, q.end) for q in every if q.score >= threshold]
    assert 0 < len(kept) < len(every) or threshold == min(q.score for q in every)
    assert strict.min_quote_score == threshold
    clone = pickle.loads(pickle.dumps(strict))
    assert clone.min_quote_score == threshold and "min_quote_score" in repr(strict)
    for bad in (1.5, -0.1, float("nan")):
        with pytest.raises(byline.PipelineConfigError, match="min_quote_score"):
            byline.Pipeline(min_quote_score=bad)


STANCES = (
    "Councillor Amara Okafor criticised the harbour board on Monday. Okafor said Westport Ferries had "
    "failed the town and that its plan was a disgrace. The ferry company wants a new terminal, Okafor said."
)


def test_the_default_stances_are_stated_and_min_stance_score_adds_the_rest():
    default = byline.Pipeline()
    assert default.min_stance_score == byline.DEFAULT_MIN_STANCE_SCORE
    stated = default(STANCES).stances
    assert [(s.holder.name, s.target.text, s.polarity) for s in stated] == [
        ("Amara Okafor", "harbour board", "negative")
    ]
    assert all(s.score >= byline.DEFAULT_MIN_STANCE_SCORE for s in stated)
    every = byline.Pipeline(min_stance_score=0)
    everything = every(STANCES).stances
    # The conduct and weak-predicate stances of her quotes score below the default.
    assert len(everything) > len(stated)
    assert all(s.score < byline.DEFAULT_MIN_STANCE_SCORE for s in everything if s not in stated)
    assert "min_stance_score=0" in repr(every)
    clone = pickle.loads(pickle.dumps(every))
    assert clone.min_stance_score == 0
    for bad in (1.5, -0.1, float("nan")):
        with pytest.raises(byline.PipelineConfigError, match="min_stance_score"):
            byline.Pipeline(min_stance_score=bad)


THOUGHTS = (
    "Amara Okafor said the depot would close in March. She believes the buses are too old. "
    "She did not say that the staff would be moved."
)


def test_the_quotes_layer_holds_statements_and_attributions_all_adds_thoughts():
    default = byline.Pipeline()
    assert default.attributions == "statements"
    assert default.min_quote_score == byline.DEFAULT_MIN_QUOTE_SCORE
    statements = default(THOUGHTS).quotes
    assert [q.act for q in statements] == ["statement"]
    assert statements[0].cue is not None and statements[0].cue.text == "said"
    everything = byline.Pipeline(min_quote_score=0, attributions="all")
    acts = [(q.cue.text if q.cue else None, q.act) for q in everything(THOUGHTS).quotes]
    assert ("said", "statement") in acts and ("believes", "thought") in acts and ("say", "thought") in acts
    assert "attributions='all'" in repr(everything)
    clone = pickle.loads(pickle.dumps(everything))
    assert clone.attributions == "all" and clone.min_quote_score == 0
    rows = byline.to_rows([everything(THOUGHTS)], "quotes")
    assert {r["act"] for r in rows} == {"statement", "thought"}
    with pytest.raises(byline.PipelineConfigError, match="attributions"):
        byline.Pipeline(attributions="beliefs")
    # A quote built by hand without an act is a statement (as records before the field).
    q = byline.Quote(0, 1, "x", "direct", ((0, 1),), None, None)
    assert q.act == "statement"


def test_a_text_in_another_language_is_analysed_with_a_warning(nlp):
    doc = nlp("Der Bürgermeister sagte am Freitag, dass die Fähre wieder fahren wird und dass die Stadt zufrieden ist.")
    assert doc.ok and doc.warnings == ["text looks like German (de); byline reads English"]
    assert nlp("The mayor said on Friday that the ferry would sail again.").warnings == []
