"""byline on Dask: ``extract(ddf)`` analyses a Dask DataFrame partition by partition
(``map_partitions``) on whatever cluster runs it. Each worker gets the pipeline by pickle
(its extractor names) and builds it once per process; rows keep their partition and
order; a bad row gives a row whose ``error`` is set. Needs dask[dataframe]."""

from __future__ import annotations

from typing import Any, Optional, Sequence

from .pipeline import Pipeline
from .tables import ARROW_COLUMNS, _require, layer_columns

__all__ = ["extract"]


def _partition(
    frame: Any,
    nlp: Pipeline,
    text_column: str,
    id_column: Optional[str],
    published_column: Optional[str],
    batch_size: int,
    threads: Optional[int],
) -> Any:
    """One pandas partition in, one out (same index): id, error and layers as JSON."""
    pandas = _require("pandas", "byline.dask.extract")

    texts = frame[text_column].tolist()
    ids = frame[id_column].tolist() if id_column is not None else [str(i) for i in frame.index]
    pubs = frame[published_column].tolist() if published_column is not None else [None] * len(texts)
    records = []
    for i, t, p in zip(ids, texts, pubs):
        missing = p is None or (isinstance(p, float) and p != p)  # None or NaN
        records.append({"id": None if i is None else str(i), "text": t, "published": None if missing else p})
    rows = layer_columns(nlp, records, batch_size, threads)
    return pandas.DataFrame(rows, columns=list(ARROW_COLUMNS), index=frame.index)


def extract(
    ddf: Any,
    text_column: str = "text",
    id_column: Optional[str] = "id",
    published_column: Optional[str] = None,
    *,
    extractors: Optional[Sequence[str]] = None,
    batch_size: int = 256,
    threads: Optional[int] = 1,
) -> Any:
    """A lazy Dask DataFrame with one row per row of ``ddf``: ``id``, ``error`` and every
    layer as JSON text (the columns of :data:`byline.tables.ARROW_COLUMNS`). ``threads``
    is per partition task (default 1: Dask's workers already run tasks in parallel)."""
    _require("dask", "byline.dask.extract")
    pandas = _require("pandas", "byline.dask.extract")

    for column in (text_column, id_column, published_column):
        if column is not None and column not in ddf.columns:
            raise KeyError(f"byline.dask.extract: no column {column!r} (columns: {', '.join(map(str, ddf.columns))})")
    meta = pandas.DataFrame({c: pandas.Series(dtype="object") for c in ARROW_COLUMNS})
    nlp = Pipeline(extractors)
    return ddf.map_partitions(
        _partition, nlp, text_column, id_column, published_column, batch_size, threads, meta=meta
    )
