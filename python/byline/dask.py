"""byline on Dask: ``extract(ddf)`` analyses a Dask DataFrame partition by partition
(``map_partitions``) on whatever cluster runs it. Each worker gets the pipeline by pickle
(its extractor names) and builds it once per process; rows keep their partition and
order; a bad row gives a row whose ``error`` is set. ``link(extracted)`` links the
articles across the corpus (see :mod:`byline.corpus`). Needs dask[dataframe]."""

from __future__ import annotations

from typing import Any, List, Optional, Sequence

from .corpus import Linked, slim_frame
from .corpus import link as _link_locally
from .pipeline import Pipeline
from .tables import ARROW_COLUMNS, _require, layer_columns

__all__ = ["extract", "link"]


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


def link(
    ddf: Any,
    *,
    source_column: Optional[str] = None,
    source_field: str = "source",
    threads: Optional[int] = None,
    output: Optional[str] = None,
) -> Linked:
    """Links the output of :func:`extract` across articles (``id``, ``error``,
    ``published`` and the ``entities``, ``clusters`` and ``quotes`` columns; add a
    ``source_column`` to name each article's source). On the cluster, each partition's rows
    are cut down in Rust to what linking reads (about a tenth of the bytes); the client
    then links the cut-down records in input order, as :func:`byline.corpus.link` does —
    the same tables as a local run on the same records. Linking itself runs in the
    client's process: its memory grows with the corpus's clusters and quotes (about 420
    MB for 20,000 articles), never with their text."""
    _require("dask", "byline.dask.link")
    pandas = _require("pandas", "byline.dask.link")
    needed = ["id", "error", "published", "entities", "clusters", "quotes"]
    if source_column is not None:
        needed.append(source_column)
    for column in needed:
        if column not in ddf.columns:
            raise KeyError(f"byline.dask.link: no column {column!r} (columns: {', '.join(map(str, ddf.columns))})")
    slim = ddf.map_partitions(slim_frame, source_column, source_field, meta=pandas.Series(dtype="object", name="record"))
    lines: List[str] = list(slim.compute())
    return _link_locally(lines, source_field=source_field, threads=threads, output=output)
