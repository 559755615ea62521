"""The Python face of the pipeline: one article at a time, or a lazy, ordered,
parallel stream of articles with the GIL released."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Sized, Tuple, Union

from . import _byline
from .document import Document
from .errors import ExtractionError, InputError

__all__ = ["Pipeline", "DateLike", "ArticleLike"]

DateLike = Union[str, _dt.date, None, Any]
"""A publication date: ``"YYYY-MM-DD"`` or an ISO 8601 date-time string, a
``datetime.date`` or ``datetime`` (``pandas.Timestamp`` included), a ``numpy.datetime64``,
or None. ``None``, ``""``, ``NaN`` and ``NaT`` mean "no date"; anything else that is not a
date is ignored with a warning (``Document.warnings``)."""

ArticleLike = Union[str, Mapping[str, Any]]
"""A text, or a mapping with ``text`` and optional ``id``, ``published`` and ``targets``."""

_Record = Tuple[Optional[str], Any, Any, Any]


def _is_missing(value: Any) -> bool:
    """None, NaN, NaT (pandas or numpy) and the empty string: "no value"."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except Exception:
        return False


def _date_str(published: Any) -> Any:
    """The publication date as the native side reads it: an ISO string, None, or (for a
    value of an unknown kind) the value itself, which the native side ignores with a
    warning."""
    if _is_missing(published):
        return None
    if isinstance(published, str):
        return published
    if isinstance(published, _dt.datetime):
        # The calendar date as written (pandas.Timestamp is a datetime too); no zone
        # conversion, as for date-time strings.
        return published.date().isoformat()
    if isinstance(published, _dt.date):
        return published.isoformat()
    if type(published).__name__ == "datetime64":  # numpy, without importing it
        return str(published)
    return published


def _targets(targets: Any) -> Any:
    """Targets as (start, end) pairs, or the value itself when they are not, which the
    native side ignores with a warning."""
    if targets is None:
        return None
    try:
        return [(int(s), int(e)) for s, e in targets]
    except (TypeError, ValueError):
        return targets


def _record(item: Any, index: int) -> _Record:
    """Converts one item of ``pipe`` into the native record tuple (may raise InputError)."""
    if isinstance(item, str):
        return (str(index), item, None, None)
    if isinstance(item, Mapping):
        raw_id = item.get("id")
        rid = str(index) if raw_id is None else str(raw_id)
        if "text" not in item or item["text"] is None:
            raise InputError("missing field 'text'", record_id=rid, field="text")
        text = item["text"]
        if not isinstance(text, str):
            raise InputError(f"field 'text' must be a string, not {type(text).__name__}", record_id=rid, field="text")
        return (rid, text, _date_str(item.get("published")), _targets(item.get("targets")))
    raise InputError(
        f"an article must be a str or a mapping with 'text', not {type(item).__name__}", record_id=str(index)
    )


def _check_articles(articles: Any) -> None:
    """Refuses what iterates but is not a sequence of articles: a mapping (iterating it
    gives its keys) or a data frame (its column names)."""
    kind = type(articles).__name__
    if isinstance(articles, (str, bytes)):
        raise TypeError("pipe() takes an iterable of articles; for one text call the pipeline: nlp(text)")
    if isinstance(articles, Mapping) or (hasattr(articles, "columns") and hasattr(articles, "to_dict")):
        raise TypeError(
            f"pipe() takes an iterable of articles (str or dict records), not a {kind}: iterating it "
            "gives its keys or column names. For a pandas DataFrame pass df.to_dict(\"records\"), "
            "or use nlp.pipe_arrow(pyarrow.Table.from_pandas(df)) or byline.dask.extract(ddf)"
        )


def _meta(item: Any, keep: Sequence[str]) -> Optional[Dict[str, Any]]:
    """The fields of ``item`` named in ``keep`` (those present), or None when nothing is kept."""
    if not keep:
        return None
    if not isinstance(item, Mapping):
        return {}
    return {k: item[k] for k in keep if k in item}


def _item_id(item: Any, index: int) -> str:
    if isinstance(item, Mapping) and item.get("id") is not None:
        return str(item["id"])
    return str(index)


def _error_record(rid: str, message: str) -> dict:
    return {
        "id": rid,
        "error": message,
        "published": None,
        "entities": [],
        "clusters": [],
        "quotes": [],
        "dates": [],
        "stances": [],
        "target_sentiment": [],
        "extra": {},
    }


class Pipeline:
    """Turns articles into :class:`~byline.Document` objects.

    ``Pipeline()`` runs entities, quotes, dates, quote_dates and stance; pass ``extractors`` to
    choose (see :func:`byline.available_extractors`). Pipelines pickle (by their
    extractor names), so Dask, Ray and Spark can ship them to workers.
    """

    def __init__(self, extractors: Optional[Sequence[str]] = None) -> None:
        self._native = _byline.NativePipeline(None if extractors is None else list(extractors))

    @property
    def extractors(self) -> List[str]:
        """The extractor names, in run order."""
        return list(self._native.extractors)

    def __call__(
        self,
        text: str,
        published: DateLike = None,
        *,
        id: str = "0",
        targets: Optional[Sequence[Tuple[int, int]]] = None,
    ) -> Document:
        """Analyses one article. Raises :class:`InputError` for bad input and
        :class:`ExtractionError` when an extractor fails; a ``published`` or ``targets``
        that cannot be read is ignored with a warning (``Document.warnings``)."""
        if not isinstance(text, str):
            raise InputError(f"text must be a str, not {type(text).__name__}", record_id=str(id), field="text")
        out = self._native.process(text, str(id), _date_str(published), _targets(targets))
        return Document.from_dict(json.loads(out), text)

    def pipe(
        self,
        articles: Iterable[ArticleLike],
        *,
        batch_size: int = 256,
        threads: Optional[int] = None,
        on_error: str = "record",
        progress: bool = False,
        keep: Sequence[str] = (),
    ) -> Iterator[Document]:
        """Analyses articles lazily, ``batch_size`` at a time on ``threads`` threads
        (default: all cores), yielding documents in input order.

        A bad article yields a document whose ``error`` is set (``on_error="record"``,
        the default) or raises (``on_error="raise"``); the others are unaffected.
        ``keep`` names input fields (``title``, ``url`` …) copied as they are into each
        document's ``meta``. ``progress=True`` shows a tqdm bar (a notebook widget in
        Jupyter) when tqdm is installed, and nothing otherwise. A mapping or a data frame
        is refused with a TypeError (iterating it gives its keys).
        """
        _check_articles(articles)
        if on_error not in ("record", "raise"):
            raise ValueError("on_error must be 'record' or 'raise'")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if threads is not None and threads < 1:
            raise ValueError("threads must be at least 1")
        if isinstance(keep, str):
            raise TypeError("keep must be a list of field names, e.g. keep=['title']")
        documents = self._documents(articles, batch_size, threads, on_error, list(keep))
        if progress:
            try:
                from tqdm.auto import tqdm  # type: ignore[import-untyped,import-not-found,unused-ignore]
            except ImportError:
                pass
            else:
                total = len(articles) if isinstance(articles, Sized) else None
                return _with_progress(documents, tqdm(total=total, unit="article"))
        return documents

    def _documents(
        self, articles: Iterable[ArticleLike], batch_size: int, threads: Optional[int], on_error: str, keep: List[str]
    ) -> Iterator[Document]:
        for record, parsed in self._outputs(articles, batch_size, threads, on_error, keep):
            text = record[1] if record is not None and isinstance(record[1], str) else ""
            yield Document.from_dict(parsed, text)

    def _records(self, articles: Iterable[ArticleLike], batch_size: int, threads: Optional[int]) -> Iterator[dict]:
        """Like ``pipe`` with ``on_error="record"``, but yields the JSON output records
        (dicts) without building documents: the fast path of the table integrations."""
        _check_articles(articles)
        for _, parsed in self._outputs(articles, batch_size, threads, "record", []):
            yield parsed

    def _outputs(
        self, articles: Iterable[ArticleLike], batch_size: int, threads: Optional[int], on_error: str, keep: List[str]
    ) -> Iterator[Tuple[Optional[_Record], dict]]:
        """Each article's native record (None when it could not be converted) and its
        parsed output record, in input order, ``batch_size`` at a time."""
        batch: List[Tuple[int, Any]] = []
        for index, item in enumerate(articles):
            batch.append((index, item))
            if len(batch) == batch_size:
                yield from self._run_batch(batch, threads, on_error, keep)
                batch = []
        if batch:
            yield from self._run_batch(batch, threads, on_error, keep)

    def _run_batch(
        self, batch: List[Tuple[int, Any]], threads: Optional[int], on_error: str, keep: List[str]
    ) -> Iterator[Tuple[Optional[_Record], dict]]:
        records: List[Optional[_Record]] = []
        failures: dict = {}
        for pos, (index, item) in enumerate(batch):
            try:
                records.append(_record(item, index))
            except InputError as e:
                rid = _item_id(item, index)
                if on_error == "raise":
                    raise InputError(f"{rid}: {e}", record_id=rid, field=e.field) from None
                records.append(None)
                failures[pos] = (rid, str(e))
        results = iter(self._native.process_batch([r for r in records if r is not None], threads))
        for pos, record in enumerate(records):
            if record is None:
                parsed = _error_record(*failures[pos])
            else:
                out, error_class, field = next(results)
                parsed = json.loads(out)
                if error_class is not None and on_error == "raise":
                    cls = InputError if error_class == "InputError" else ExtractionError
                    raise cls(f"{parsed['id']}: {parsed['error']}", record_id=parsed["id"], field=field)
            meta = _meta(batch[pos][1], keep)
            if meta is not None:
                parsed["meta"] = meta
            yield record, parsed

    def pipe_arrow(
        self,
        table: Any,
        text_column: str = "text",
        id_column: Optional[str] = "id",
        published_column: Optional[str] = None,
        *,
        batch_size: int = 256,
        threads: Optional[int] = None,
    ) -> Any:
        """Analyses the rows of an Arrow table (or record batch) and returns a
        ``pyarrow.Table`` with one row per input row, in order: ``id``, ``error`` and every
        layer as JSON text (see :data:`byline.tables.ARROW_COLUMNS`). Needs pyarrow."""
        from .tables import pipe_arrow

        return pipe_arrow(
            self, table, text_column, id_column, published_column, batch_size=batch_size, threads=threads
        )

    def __reduce__(self) -> Tuple[Any, Tuple[List[str]]]:
        return (Pipeline, (self.extractors,))

    def __repr__(self) -> str:
        return f"Pipeline(extractors={self.extractors!r})"


def _with_progress(documents: Iterator[Document], bar: Any) -> Iterator[Document]:
    try:
        for doc in documents:
            bar.update(1)
            yield doc
    finally:
        bar.close()
