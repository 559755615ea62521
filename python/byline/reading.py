"""Reading article files as ``byline extract`` reads them, by the same native readers:
JSONL, a JSON array of records, CSV/TSV with a header row, HTML pages and text files (one
article each) and folders of them, plain or gzip; the format detected from the file name
and the first bytes (or named), the text, id and date columns named as the data has them."""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterator, Optional, Union

from . import _byline

__all__ = ["read", "FORMATS"]

#: The input formats ``read`` and ``byline extract --format`` know.
FORMATS = ("jsonl", "json", "csv", "tsv", "html", "text")


def read(
    path: Union[str, "os.PathLike[str]"],
    *,
    format: Optional[str] = None,
    text_field: str = "text",
    id_field: str = "id",
    published_field: str = "published",
) -> Iterator[Dict[str, Any]]:
    """Yields the records of an article file (or of the ``.txt``/``.html`` files of a
    folder) as dicts with ``text``, ``id`` and ``published`` keys (renamed from
    ``text_field``, ``id_field`` and ``published_field``) and every other field as it is,
    ready for ``nlp.pipe(byline.read(path))``. A record without an id gets its number
    (``path:number`` in a folder of several files; an HTML or text file's id is its
    path), as ``byline extract`` gives it. A record that cannot be read (a JSONL line that
    is no JSON object, a row that is not UTF-8) is yielded as ``{"id": ..., "error":
    ...}``, which ``pipe`` turns into an error record with that message, so nothing is
    lost. A table without
    the text column or an unknown format raises ``ValueError`` (naming the columns
    found); a path that cannot be read, ``OSError``. HTML is turned into article text by
    the pipeline, as by ``byline extract``."""
    if format is not None and format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    reader = _byline.RecordReader(os.fspath(path), format, text_field, id_field, published_field)
    return _records(reader)


def _records(reader: _byline.RecordReader) -> Iterator[Dict[str, Any]]:
    for number, record, error in reader:
        if record is None:
            yield {"id": number, "error": error}
            continue
        try:
            value = json.loads(record)
        except ValueError as e:
            yield {"id": number, "error": f"invalid JSON: {e}"}
            continue
        if not isinstance(value, dict):
            yield {"id": number, "error": "not a JSON object"}
            continue
        if value.get("id") is None:
            value["id"] = number
        yield value
