"""The Python face of the pipeline: one article at a time, or a lazy, ordered,
parallel stream of articles with the GIL released."""

from __future__ import annotations

import datetime as _dt
import io
import json
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Sized, Tuple, Union

from . import _byline
from .document import Document
from .errors import ExtractionError, InputError

__all__ = ["Pipeline", "DateLike", "ArticleLike"]

DateLike = Union[str, int, _dt.date, None, Any]
"""A publication date: ``"YYYY-MM-DD"``, an ISO 8601 or RFC 2822 date-time string
(``"Thu, 07 Mar 2024 10:00:00 GMT"``), a month-name date (``"March 7, 2024"``,
``"7 March 2024"``), epoch seconds or milliseconds (an int or a string of digits), a
``datetime.date`` or ``datetime`` (``pandas.Timestamp`` included), a ``numpy.datetime64``,
or None. Slash dates (``"04/05/2024"``) are ambiguous: a warning says so. ``None``, ``""``, ``NaN`` and ``NaT`` mean "no date"; anything else that is not a
date is ignored with a warning (``Document.warnings``)."""

ArticleLike = Union[str, Mapping[str, Any]]
"""A text, or a mapping with ``text`` and optional ``id``, ``published`` and ``targets``."""

def _check_articles(articles: Any) -> None:
    """Refuses what iterates but is not a sequence of articles: a mapping (iterating it
    gives its keys), a data frame (its column names) or an open file (its raw lines)."""
    kind = type(articles).__name__
    if isinstance(articles, (str, bytes)):
        raise TypeError("pipe() takes an iterable of articles; for one text call the pipeline: nlp(text)")
    if isinstance(articles, io.IOBase):
        raise TypeError(
            "pipe() takes articles, not an open file (its lines would be analysed as text): "
            "read the file's records with byline.read(path), e.g. nlp.pipe(byline.read('articles.jsonl'))"
        )
    if isinstance(articles, Mapping) or (hasattr(articles, "columns") and hasattr(articles, "to_dict")):
        raise TypeError(
            f"pipe() takes an iterable of articles (str or dict records), not a {kind}: iterating it "
            "gives its keys or column names. For a pandas DataFrame pass df.to_dict(\"records\"), "
            "or use nlp.pipe_arrow(pyarrow.Table.from_pandas(df)) or byline.dask.extract(ddf)"
        )


def _text(item: Any) -> str:
    """The article text of an item ("" when it has none)."""
    if isinstance(item, str):
        return item
    text = item.get("text") if isinstance(item, Mapping) else None
    return text if isinstance(text, str) else ""


def _meta(item: Any, keep: Sequence[str]) -> Optional[Dict[str, Any]]:
    """The fields of ``item`` named in ``keep`` (those present), or None when nothing is kept."""
    if not keep:
        return None
    if not isinstance(item, Mapping):
        return {}
    return {k: item[k] for k in keep if k in item}


#: The quotes' minimum score in the default pipeline (``byline extract``'s
#: ``--min-quote-score`` default): chosen by cross-validation on PolNeAR train so that
#: about four in five default statements are right end to end (see the README).
DEFAULT_MIN_QUOTE_SCORE = 0.45

#: The stances' minimum score in the default pipeline (``byline extract``'s
#: ``--min-stance-score`` default): only stances whose holder, stance verb and target
#: the text states clear it (scored 0.83: 42 of 50 right in a hand-judged sample of
#: corpus articles); portrayals, conduct and weak predicates score 0.28 to 0.5.
DEFAULT_MIN_STANCE_SCORE = 0.6


class Pipeline:
    """Turns articles into :class:`~byline.Document` objects.

    ``Pipeline()`` runs entities, quotes, dates, quote_dates and stance; pass
    ``extractors`` to choose (see :func:`byline.available_extractors`). With
    ``parse=True`` the syntax extractor runs first and quotes, dates and stances read its
    trees (as ``byline extract --parse``; naming ``"syntax"`` in ``extractors`` does the
    same). With ``tokens=True`` each document's record carries the tokens layer (tags,
    lemmas, dependency heads); without ``parse`` that parse runs after the other
    extractors and changes none of their layers (as ``byline extract --tokens``).
    ``date_order`` (``"dmy"`` or ``"mdy"``) reads slash dates in ``published``
    (``"04/05/2024"``), which are otherwise ambiguous: such an article is analysed without
    a date and warned. ``min_quote_score`` (0 to 1; default
    :data:`DEFAULT_MIN_QUOTE_SCORE`) leaves out quotes whose :attr:`~byline.Quote.score`
    (the calibrated probability that the quote and its speaker are right) is lower; stances
    then read only the quotes kept. The quotes layer holds statements (what was said or
    written); ``attributions="all"`` adds thoughts (beliefs, intentions, perceptions:
    :attr:`~byline.Quote.act` ``"thought"``). ``min_stance_score`` (0 to 1; default
    :data:`DEFAULT_MIN_STANCE_SCORE`) leaves out stances whose :attr:`~byline.Stance.score`
    (the calibrated probability that holder, target and polarity are right) is lower;
    ``min_stance_score=0`` keeps every stance. Pipelines
    pickle (by their extractor names and options), so Dask, Ray and Spark can ship them to
    workers.
    """

    def __init__(
        self,
        extractors: Optional[Sequence[str]] = None,
        *,
        tokens: bool = False,
        min_quote_score: float = DEFAULT_MIN_QUOTE_SCORE,
        attributions: str = "statements",
        min_stance_score: float = DEFAULT_MIN_STANCE_SCORE,
        parse: bool = False,
        date_order: Optional[str] = None,
    ) -> None:
        self._native = _byline.NativePipeline(
            None if extractors is None else list(extractors),
            tokens,
            float(min_quote_score),
            attributions,
            float(min_stance_score),
            bool(parse),
            date_order,
        )

    @property
    def extractors(self) -> List[str]:
        """The extractor names, in run order."""
        return list(self._native.extractors)

    @property
    def tokens(self) -> bool:
        """Whether documents carry the tokens layer (``Document.tokens`` is computed on
        demand otherwise)."""
        return bool(self._native.tokens)

    @property
    def parse(self) -> bool:
        """Whether quotes, dates and stances read the parse (it then runs first)."""
        return bool(self._native.parse)

    @property
    def date_order(self) -> Optional[str]:
        """How slash dates in ``published`` are read: ``"dmy"``, ``"mdy"`` or None."""
        return self._native.date_order

    @property
    def min_quote_score(self) -> float:
        """Quotes scoring below this are left out (0: none are)."""
        return float(self._native.min_quote_score)

    @property
    def attributions(self) -> str:
        """Which attributions the quotes layer holds: ``"statements"`` or ``"all"``."""
        return str(self._native.attributions)

    @property
    def min_stance_score(self) -> float:
        """Stances scoring below this are left out (0: none are)."""
        return float(self._native.min_stance_score)

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
        that cannot be read is ignored with a warning (``Document.warnings``). A text that
        is a file name (``"articles.jsonl"``) or a JSON record is refused with a TypeError
        that says what to call."""
        if isinstance(text, str) and _looks_like_file_name(text):
            raise TypeError(
                f"nlp() analyses an article's text, and {text!r} looks like a file name: "
                f"for the articles in a file call nlp.pipe(byline.read({text!r}))"
            )
        if isinstance(text, str) and _looks_like_record(text):
            raise TypeError("nlp() got a JSON record as article text: pass its text, nlp(record['text'])")
        return Document(self._native.process(text, str(id), published, targets), text)

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
        for item, (native, error_class, field) in self._outputs(articles, batch_size, threads):
            if error_class is not None and on_error == "raise":
                cls = InputError if error_class == "InputError" else ExtractionError
                raise cls(f"{native.id}: {native.error}", record_id=native.id, field=field)
            yield Document(native, _text(item), _meta(item, keep))

    def _records(self, articles: Iterable[ArticleLike], batch_size: int, threads: Optional[int]) -> Iterator[dict]:
        """Like ``pipe`` with ``on_error="record"``, but yields the JSON output records
        (dicts) without building documents: the fast path of the table integrations."""
        _check_articles(articles)
        for _, (native, _class, _field) in self._outputs(articles, batch_size, threads):
            yield json.loads(native.to_json())

    def _outputs(
        self, articles: Iterable[ArticleLike], batch_size: int, threads: Optional[int]
    ) -> Iterator[Tuple[Any, Tuple[_byline.NativeRecord, Optional[str], Optional[str]]]]:
        """Each article and its native result, in input order, ``batch_size`` at a time
        (records are read, checked and analysed natively: the same rules as a JSONL line).
        The next batch is analysed on native threads while the caller handles this one."""
        pending: Optional[Tuple[List[Any], _byline.PendingBatch]] = None
        first = 0
        for batch in _batches(articles, batch_size):
            started = (batch, self._native.start_batch(batch, threads, first))
            first += len(batch)
            if pending is not None:
                yield from zip(pending[0], pending[1].wait())
            pending = started
        if pending is not None:
            yield from zip(pending[0], pending[1].wait())

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

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return (
            _rebuild,
            (
                self.extractors,
                self.tokens,
                self.min_quote_score,
                self.attributions,
                self.min_stance_score,
                self.parse,
                self.date_order,
            ),
        )

    def __repr__(self) -> str:
        tokens = ", tokens=True" if self.tokens else ""
        parse = ", parse=True" if self.parse and "syntax" in self.extractors else ""
        dates = f", date_order={self.date_order!r}" if self.date_order else ""
        score = (
            f", min_quote_score={self.min_quote_score!r}"
            if self.min_quote_score != DEFAULT_MIN_QUOTE_SCORE
            else ""
        )
        attributions = f", attributions={self.attributions!r}" if self.attributions != "statements" else ""
        stances = (
            f", min_stance_score={self.min_stance_score!r}"
            if self.min_stance_score != DEFAULT_MIN_STANCE_SCORE
            else ""
        )
        return f"Pipeline(extractors={self.extractors!r}{tokens}{parse}{score}{attributions}{stances}{dates})"


def _rebuild(
    extractors: List[str],
    tokens: bool,
    min_quote_score: float = 0.0,
    attributions: str = "statements",
    min_stance_score: float = 0.0,
    parse: bool = False,
    date_order: Optional[str] = None,
) -> Pipeline:
    """Unpickles a pipeline (pickles from before a stance threshold kept every stance;
    those from before ``parse`` name "syntax" among their extractors when they parsed
    first)."""
    return Pipeline(
        extractors,
        tokens=tokens,
        min_quote_score=min_quote_score,
        attributions=attributions,
        min_stance_score=min_stance_score,
        parse=parse,
        date_order=date_order,
    )


_FILE_SUFFIXES = (".jsonl", ".json", ".csv", ".tsv", ".txt", ".html", ".htm", ".gz")


def _looks_like_file_name(text: str) -> bool:
    """Whether a text is a file name rather than an article ("articles.jsonl")."""
    stripped = text.strip()
    return 0 < len(stripped) < 260 and " " not in stripped and stripped.lower().endswith(_FILE_SUFFIXES)


def _looks_like_record(text: str) -> bool:
    """Whether a text is a JSON record rather than an article ('{"text": ...}')."""
    stripped = text.strip()
    return stripped.startswith("{") and stripped.endswith("}") and '"text"' in stripped


def _batches(articles: Iterable[Any], size: int) -> Iterator[List[Any]]:
    """Lists of ``size`` articles (the last one shorter), read lazily; a text that is a
    JSON record (a raw JSONL line) is refused with a TypeError."""
    batch: List[Any] = []
    for item in articles:
        if isinstance(item, str) and _looks_like_record(item):
            raise TypeError(
                "pipe() got a JSON record as article text (a raw JSONL line?): pass dicts, "
                "e.g. nlp.pipe(byline.read('articles.jsonl')) or nlp.pipe(map(json.loads, lines))"
            )
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _with_progress(documents: Iterator[Document], bar: Any) -> Iterator[Document]:
    try:
        for doc in documents:
            bar.update(1)
            yield doc
    finally:
        bar.close()
