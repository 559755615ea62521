"""byline across a corpus: ``link(docs_or_paths)`` gives one identity per person or
organisation and each quote's provenance (where it first appeared, who carried it, who
changed its words) as pandas DataFrames — the tables ``byline corpus link`` writes.

>>> import byline, byline.corpus
>>> nlp = byline.Pipeline()
>>> docs = [nlp("“The ferry will run every hour from June,” Lena Park said.", id="a", published="2025-04-19")]
>>> linked = byline.corpus.link(docs)
>>> list(linked.identities["name"])
['Lena Park']
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

from . import _byline
from .document import Document
from .tables import _require

__all__ = ["Linked", "link", "read_tables", "slim_frame", "slim_batches", "TABLES"]

TABLES = ("identities", "entity_links", "quotes", "occurrences")
"""The tables of a linked corpus, each a CSV file of ``byline corpus link``'s folder."""

# Columns read as text (ids, names, dates, sources): never numbers or NaN.
_TEXT_COLUMNS = (
    "identity_id", "name", "label", "variants", "roles", "first_seen", "last_seen", "article_id",
    "quote_id", "speaker", "text", "first_article", "first_published", "first_source",
    "published", "source", "changes",
)


@dataclass
class Linked:
    """A linked corpus: four DataFrames (columns documented in the README) and the
    summary (counts and warnings)."""

    identities: Any
    entity_links: Any
    quotes: Any
    occurrences: Any
    summary: Dict[str, Any]


def read_tables(folder: Union[str, "os.PathLike[str]"]) -> Linked:
    """The tables a ``byline corpus link`` run wrote into ``folder``, as DataFrames."""
    pandas = _require("pandas", "byline.corpus")
    frames = {}
    for table in TABLES:
        path = os.path.join(folder, f"{table}.csv")
        header = pandas.read_csv(path, nrows=0).columns
        text = {c: str for c in header if c in _TEXT_COLUMNS}
        frames[table] = pandas.read_csv(path, dtype=text, keep_default_na=False)
    with open(os.path.join(folder, "summary.json"), encoding="utf-8") as f:
        summary = json.load(f)
    return Linked(summary=summary, **frames)


def _line(item: Any) -> str:
    if isinstance(item, Document):
        return json.dumps(item.to_dict(), ensure_ascii=False)
    if isinstance(item, dict):
        return json.dumps(item, ensure_ascii=False)
    if isinstance(item, str):
        return item
    raise TypeError(
        f"byline.corpus.link: {type(item).__name__} is no extract record "
        "(give Documents, dicts of byline's JSON output, JSON lines, or paths of extract output)"
    )


def link(
    docs_or_paths: Union[str, "os.PathLike[str]", Iterable[Any]],
    *,
    source_field: str = "source",
    threads: Optional[int] = None,
    output: Optional[Union[str, "os.PathLike[str]"]] = None,
) -> Linked:
    """Links byline's output across articles: a path (or list of paths) of ``byline
    extract`` output (JSONL or .gz), or Documents, dicts of the JSON output, or JSON lines.
    ``source_field`` names the ``meta`` field that is an article's source (kept with
    ``--keep``); ``threads`` defaults to every core (the tables are the same for any
    number); ``output`` keeps the CSV tables in that folder. Bad records are warnings in
    ``summary``; an unreadable file raises ``byline.InputError``."""
    _require("pandas", "byline.corpus.link")
    paths: List[str] = []
    lines: List[str] = []
    if isinstance(docs_or_paths, (str, os.PathLike)):
        paths = [os.fspath(docs_or_paths)]
    else:
        for item in docs_or_paths:
            if isinstance(item, os.PathLike):
                paths.append(os.fspath(item))
            elif isinstance(item, str) and not item.lstrip().startswith("{"):
                paths.append(item)
            else:
                lines.append(_line(item))
    if output is not None:
        folder = os.fspath(output)
        _byline.corpus_link(paths, lines, folder, source_field, threads)
        return read_tables(folder)
    with tempfile.TemporaryDirectory(prefix="byline-corpus-") as folder:
        _byline.corpus_link(paths, lines, folder, source_field, threads)
        return read_tables(folder)


def _cell(value: Any) -> Optional[str]:
    """A cell as text; None and NaN as None."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)


def slim_frame(frame: Any, source_column: Optional[str] = "source", source_field: str = "source") -> Any:
    """Rows of extract output as a table (``id``, ``error``, ``published`` and the
    ``entities``, ``clusters`` and ``quotes`` columns as JSON text, as
    ``byline.dask.extract`` and ``byline.tables.arrow_batches`` give them) cut down, in
    Rust, to what linking reads: a pandas Series of compact JSON lines, same index, for
    :func:`link`. ``source_column`` (when the frame has it) names each article's source."""
    pandas = _require("pandas", "byline.corpus.slim_frame")
    column = lambda name: [_cell(v) for v in frame[name].tolist()]  # noqa: E731
    has_source = source_column is not None and source_column in frame.columns
    lines = _byline.corpus_slim(
        [str(v) for v in frame["id"].tolist()],
        column("error"),
        column("published"),
        column(source_column) if has_source and source_column is not None else [],
        [v or "[]" for v in column("entities")],
        [v or "[]" for v in column("clusters")],
        [v or "[]" for v in column("quotes")],
        source_field,
    )
    return pandas.Series(lines, index=frame.index, dtype="object", name="record")


def slim_batches(frames: Iterable[Any], source_column: Optional[str] = "source") -> Iterator[Any]:
    """:func:`slim_frame` over pandas DataFrames, one ``record`` column out: for Spark's
    ``mapInPandas(byline.corpus.slim_batches, "record string")``."""
    for frame in frames:
        yield slim_frame(frame, source_column).to_frame()
