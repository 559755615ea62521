"""byline.corpus.link and byline.dask.link on articles written for byline: one identity
per person across articles, copies of a statement grouped (cut, altered), the same tables
from Documents, from extract files and from a Dask LocalCluster."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest

pandas = pytest.importorskip("pandas", reason="pandas is not installed")

import byline  # noqa: E402
import byline.corpus  # noqa: E402

SAID = "The ferry will run every hour from the first of June, and we will not raise the fares this year"
ARTICLES: List[Dict[str, Any]] = [
    {"id": "a1", "published": "2025-04-19", "source": "Harbour Post",
     "text": f"Councillor Lena Park spoke on Friday. “{SAID},” Park said. Tom Hale agreed."},
    {"id": "a2", "published": "2025-04-18", "source": "Westport Daily",
     "text": f"“{SAID.replace('every', 'each')},” Councillor Lena Park said on Thursday."},
    {"id": "a3", "published": "2025-04-20", "source": "Island News",
     "text": "“The ferry will run every hour from the first of June,” said Lena Park, a councillor. "
             "“We will look at every option for the school,” Tom Hale said."},
    {"id": "a4", "published": "2025-04-21", "source": "Harbour Post",
     "text": "Ms. Park declined to comment further."},
]


def docs() -> List[byline.Document]:
    nlp = byline.Pipeline()
    return list(nlp.pipe(ARTICLES, keep=["source"]))


def tables(linked: byline.corpus.Linked) -> Dict[str, Any]:
    return {t: getattr(linked, t) for t in byline.corpus.TABLES}


def test_one_identity_and_one_quote_across_articles():
    linked = byline.corpus.link(docs())
    ids = linked.identities.set_index("name")
    park = ids.loc["Lena Park"]
    assert park["articles"] == 4  # "Ms. Park" in a4 joins the full name
    assert park["sources"] == 3
    quotes = linked.quotes
    fares = quotes[quotes["text"].str.contains("will not raise")]
    assert len(fares) == 1
    row = fares.iloc[0]
    assert row["occurrences"] == 3 and row["articles"] == 3
    assert row["speaker"] == "Lena Park"
    assert row["first_article"] == "a2" and row["first_published"] == "2025-04-18"
    assert row["first_source"] == "Westport Daily"
    occ = linked.occurrences.set_index("article_id").loc["a2"]
    assert bool(occ["altered"]) and "each" in occ["changes"]
    assert linked.summary["articles"] == 4
    for table in byline.corpus.TABLES:
        assert len(getattr(linked, table).columns) > 3


def test_files_documents_and_the_cli_agree(tmp_path: Path):
    path = tmp_path / "extract.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for d in docs():
            f.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")
    from_docs = tables(byline.corpus.link(docs()))
    from_file = tables(byline.corpus.link(str(path), output=tmp_path / "linked"))
    for t in byline.corpus.TABLES:
        pandas.testing.assert_frame_equal(from_docs[t], from_file[t])
    assert sorted(os.listdir(tmp_path / "linked")) == sorted([f"{t}.csv" for t in byline.corpus.TABLES] + ["summary.json"])


def test_bad_input_is_a_warning_or_a_clear_error(tmp_path: Path):
    records = [d.to_dict() for d in docs()]
    records.append({"id": "bad", "error": "text is empty", "entities": [], "clusters": [], "quotes": []})
    linked = byline.corpus.link(records + ["{not json"])
    assert linked.summary["error_records"] == 1 and linked.summary["unreadable_lines"] == 1
    with pytest.raises(byline.InputError, match="no-such-file"):
        byline.corpus.link(str(tmp_path / "no-such-file.jsonl"))
    with pytest.raises(TypeError, match="no extract record"):
        byline.corpus.link([42])
    empty = byline.corpus.link([])
    assert len(empty.quotes) == 0 and list(empty.quotes.columns)[0] == "quote_id"


def test_dask_link_equals_the_local_run():
    dd = pytest.importorskip("dask.dataframe", reason="dask[dataframe] is not installed")
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
    import byline.dask

    frame = pandas.DataFrame(ARTICLES)
    ddf = dd.from_pandas(frame, npartitions=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster):
            extracted = byline.dask.extract(ddf, published_column="published")
            extracted["source"] = ddf["source"]
            remote = tables(byline.dask.link(extracted, source_column="source"))
    local = tables(byline.corpus.link(docs()))
    for t in byline.corpus.TABLES:
        pandas.testing.assert_frame_equal(remote[t], local[t])
    with pytest.raises(KeyError, match="no column 'error'"):
        byline.dask.link(dd.from_pandas(pandas.DataFrame({"id": ["x"]}), npartitions=1))


def test_cli_writes_the_same_tables(tmp_path: Path):
    target = Path(__file__).resolve().parents[1] / "target"
    built = [p for p in (target / "release" / "byline", target / "debug" / "byline") if p.exists()]
    if not built:
        pytest.skip("the CLI is not built (cargo build -p byline-cli)")
    cli = built[0]
    path = tmp_path / "extract.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for d in docs():
            f.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")
    subprocess.run([str(cli), "corpus", "link", str(path), "-o", str(tmp_path / "cli"), "-q"], check=True)
    from_cli = tables(byline.corpus.read_tables(tmp_path / "cli"))
    local = tables(byline.corpus.link(str(path)))
    for t in byline.corpus.TABLES:
        pandas.testing.assert_frame_equal(from_cli[t], local[t])
    assert sys.executable


def test_slim_batches_for_spark_link_like_documents():
    records = [d.to_dict() for d in docs()]
    frame = pandas.DataFrame(
        {
            "id": [r["id"] for r in records],
            "error": [r["error"] for r in records],
            "published": [r["published"] for r in records],
            "entities": [json.dumps(r["entities"]) for r in records],
            "clusters": [json.dumps(r["clusters"]) for r in records],
            "quotes": [json.dumps(r["quotes"]) for r in records],
            "source": [r["meta"]["source"] for r in records],
        }
    )
    halves = [frame.iloc[:2], frame.iloc[2:]]
    lines = [line for batch in byline.corpus.slim_batches(halves) for line in batch["record"]]
    assert all(len(line) < len(json.dumps(r)) for line, r in zip(lines, records))
    slim = tables(byline.corpus.link(lines))
    local = tables(byline.corpus.link(docs()))
    for t in byline.corpus.TABLES:
        pandas.testing.assert_frame_equal(slim[t], local[t])
    # A layer that is no JSON is an error record with its id, not a crash.
    bad = frame.iloc[:1].assign(quotes="{not json")
    line = next(iter(byline.corpus.slim_batches([bad])))["record"].iloc[0]
    assert json.loads(line)["error"].startswith("the quotes column is not byline's JSON")
