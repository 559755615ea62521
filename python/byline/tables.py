"""byline's layers as tables: long-format rows per layer (``to_rows``), pandas data
frames (``to_pandas``) and Arrow tables in and out of a pipeline (``pipe_arrow``) for
batch engines. pandas and pyarrow are optional: they are imported only here, and a
missing one raises an ImportError that says what to install."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from .document import Document

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Pipeline

__all__ = ["LAYERS", "COLUMNS", "meta_column", "to_rows", "to_pandas", "pipe_arrow", "layer_columns", "arrow_batches", "ArrowMapper", "ARROW_COLUMNS", "ARROW_SCHEMA_DDL"]

LAYERS = ("entities", "clusters", "mentions", "quotes", "dates", "stances", "target_sentiment")
"""The layers ``to_rows`` and ``to_pandas`` turn into tables."""

ARROW_COLUMNS = (
    "id", "error", "entities", "clusters", "quotes", "dates", "stances", "target_sentiment", "extra",
    "published", "warnings", "mentions",
)
"""The columns of ``pipe_arrow``'s output: ``id``, ``error`` and ``published`` (the date the
analysis used) as strings, every layer and ``warnings`` as the JSON text of its list (a
fixed schema, as Spark's ``mapInArrow`` needs)."""

_JSON_COLUMNS = ("entities", "clusters", "quotes", "dates", "stances", "target_sentiment", "extra", "warnings", "mentions")


ARROW_SCHEMA_DDL = ", ".join(f"{c} string" for c in ARROW_COLUMNS)
"""The output schema as Spark DDL, for ``DataFrame.mapInArrow(byline.tables.arrow_batches, ARROW_SCHEMA_DDL)``."""


def _require(module: str, what: str) -> Any:
    try:
        return __import__(module)
    except ImportError:
        raise ImportError(f"{what} needs {module}: pip install {module}") from None


COLUMNS: Dict[str, Tuple[str, ...]] = {
    "entities": ("article_id", "start", "end", "text", "label", "cluster", "cluster_name"),
    "clusters": ("article_id", "cluster", "name", "label", "mentions", "roles"),
    "mentions": ("article_id", "start", "end", "text", "kind", "cluster", "cluster_name"),
    "quotes": ("article_id", "quote", "start", "end", "kind", "speaker", "speaker_cluster", "cue", "date",
               "date_text", "content", "text", "speaker_kind", "score", "act"),
    "dates": ("article_id", "start", "end", "text", "type", "value"),
    "stances": ("article_id", "holder", "holder_cluster", "target", "target_cluster", "polarity", "score",
                "channel", "quote", "evidence", "target_kind"),
    "target_sentiment": ("article_id", "start", "end", "text", "cluster", "cluster_name", "polarity", "score"),
}
"""The columns of each layer's rows, in order (``byline table`` writes the same ones).
The fields kept with ``keep=[...]`` follow ``article_id``, named as they are (``meta.<name>``
when the name is already a column)."""


def _layer_values(doc: Document, layer: str) -> List[Tuple[Any, ...]]:
    """Each item of ``layer`` as the values of :data:`COLUMNS` after ``article_id``."""
    cluster_name = {c.id: c.name for c in doc.clusters}
    if layer == "entities":
        return [(e.start, e.end, e.text, e.label, e.cluster, cluster_name.get(e.cluster)) for e in doc.entities]
    if layer == "clusters":
        return [(c.id, c.name, c.label, len(c.mentions), "; ".join(c.roles)) for c in doc.clusters]
    if layer == "mentions":
        return [(m.start, m.end, m.text, m.kind, m.cluster, cluster_name.get(m.cluster)) for m in doc.mentions]
    if layer == "quotes":
        rows = []
        for i, q in enumerate(doc.quotes):
            date = doc.dates[q.date] if q.date is not None and q.date < len(doc.dates) else None
            rows.append((
                i, q.start, q.end, q.kind,
                q.speaker.name if q.speaker else None,
                q.speaker.cluster if q.speaker else None,
                q.cue.text if q.cue else None,
                date.value if date else None, date.text if date else None,
                q.content, q.text,
                q.speaker.kind if q.speaker else None, q.score, q.act,
            ))
        return rows
    if layer == "dates":
        return [(d.start, d.end, d.text, d.type, d.value) for d in doc.dates]
    if layer == "stances":
        return [
            (s.holder.name, s.holder.cluster, s.target.text, s.target.cluster, s.polarity, s.score, s.channel,
             s.quote, s.evidence.text, s.target.kind)
            for s in doc.stances
        ]
    if layer == "target_sentiment":
        return [
            (t.start, t.end, t.text, t.cluster, cluster_name.get(t.cluster) if t.cluster is not None else None,
             t.polarity, t.score)
            for t in doc.target_sentiment
        ]
    raise ValueError(f"layer must be one of {', '.join(LAYERS)}, not {layer!r}")


def meta_column(layer: str, name: str) -> str:
    """The column name of the kept input field ``name`` in ``layer``'s rows."""
    return f"meta.{name}" if name in COLUMNS[layer] else name


def _layer_rows(doc: Document, layer: str) -> List[Dict[str, Any]]:
    names = COLUMNS[layer][1:]
    head: Dict[str, Any] = {"article_id": doc.id}
    for key, value in doc.meta.items():
        head[meta_column(layer, key)] = value
    return [{**head, **dict(zip(names, values))} for values in _layer_values(doc, layer)]


def to_rows(docs: Iterable[Document], layer: str = "quotes") -> List[Dict[str, Any]]:
    """One dict per item of ``layer`` over all ``docs`` (long format), each with the
    ``article_id`` it comes from and the fields kept with ``pipe(..., keep=[...])``.
    Error documents contribute no rows."""
    if layer not in LAYERS:
        raise ValueError(f"layer must be one of {', '.join(LAYERS)}, not {layer!r}")
    rows: List[Dict[str, Any]] = []
    for doc in docs:
        rows.extend(_layer_rows(doc, layer))
    return rows


def to_pandas(docs: Iterable[Document], layer: str = "quotes") -> Any:
    """A pandas DataFrame of ``layer`` over ``docs``: one row per quote (with speaker,
    cue, date, content …), entity, cluster, date, stance or target-sentiment entry, and
    the ``article_id`` column. Needs pandas."""
    pandas = _require("pandas", "byline.to_pandas")
    rows = to_rows(docs, layer)
    if rows:
        return pandas.DataFrame(rows)
    # An empty table keeps the layer's columns.
    return pandas.DataFrame(columns=list(COLUMNS[layer]))


def pipe_arrow(
    nlp: "Pipeline",
    table: Any,
    text_column: str = "text",
    id_column: Optional[str] = "id",
    published_column: Optional[str] = None,
    *,
    batch_size: int = 256,
    threads: Optional[int] = None,
) -> Any:
    """Runs ``nlp`` over an Arrow table (or record batch) and returns a ``pyarrow.Table``
    with one row per input row, in order: :data:`ARROW_COLUMNS`. A bad row gives a row
    whose ``error`` is set. Needs pyarrow."""
    pa = _require("pyarrow", "byline pipe_arrow")
    names = table.schema.names
    for column in (text_column, id_column, published_column):
        if column is not None and column not in names:
            raise KeyError(f"pipe_arrow: the table has no column {column!r} (it has {', '.join(names)})")
    texts = table.column(text_column).to_pylist()
    ids = table.column(id_column).to_pylist() if id_column is not None else [str(i) for i in range(len(texts))]
    pubs = table.column(published_column).to_pylist() if published_column is not None else [None] * len(texts)
    records = [
        {"id": None if i is None else str(i), "text": t, "published": p} for i, t, p in zip(ids, texts, pubs)
    ]
    out = layer_columns(nlp, records, batch_size, threads)
    return pa.table({c: pa.array(v, type=pa.string()) for c, v in out.items()})


def layer_columns(
    nlp: "Pipeline", records: List[Dict[str, Any]], batch_size: int, threads: Optional[int]
) -> Dict[str, List[Any]]:
    """The :data:`ARROW_COLUMNS` of ``records`` (dicts with id, text, published), in order."""
    out: Dict[str, List[Any]] = {c: [] for c in ARROW_COLUMNS}
    for record in nlp._records(records, batch_size, threads):
        out["id"].append(record["id"])
        out["error"].append(record["error"])
        out["published"].append(record.get("published"))
        for layer in _JSON_COLUMNS:
            out[layer].append(json.dumps(record.get(layer, {} if layer == "extra" else []), ensure_ascii=False))
    return out


def arrow_batches(
    batches: Iterable[Any],
    text_column: str = "text",
    id_column: Optional[str] = "id",
    published_column: Optional[str] = None,
    extractors: Optional[Sequence[str]] = None,
) -> Iterator[Any]:
    """Arrow record batches in, analysed record batches out (:data:`ARROW_COLUMNS`): the
    function Spark's ``mapInArrow`` calls on each executor (one pipeline per call). Pass
    the column names with ``functools.partial`` when they differ."""
    pa = _require("pyarrow", "byline.tables.arrow_batches")
    from .pipeline import Pipeline

    nlp = Pipeline(extractors)
    for batch in batches:
        table = pa.Table.from_batches([batch])
        yield from pipe_arrow(nlp, table, text_column, id_column, published_column, threads=1).to_batches()


class ArrowMapper:
    """A callable for Ray Data's ``map_batches(ArrowMapper, batch_format="pyarrow")``:
    builds its pipeline once per actor, then maps Arrow tables to analysed Arrow tables."""

    def __init__(
        self,
        text_column: str = "text",
        id_column: Optional[str] = "id",
        published_column: Optional[str] = None,
        extractors: Optional[Sequence[str]] = None,
    ) -> None:
        from .pipeline import Pipeline

        self.nlp = Pipeline(extractors)
        self.columns = (text_column, id_column, published_column)

    def __call__(self, table: Any) -> Any:
        return pipe_arrow(self.nlp, table, *self.columns, threads=1)
