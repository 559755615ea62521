"""Reading article files as ``byline extract`` reads them: JSONL, a JSON array of
records, or CSV/TSV with a header row, plain or gzip, the format detected from the first
bytes (or named), the text, id and date columns named as the data has them."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
from typing import IO, Any, Dict, Iterator, Optional, Union

__all__ = ["read", "FORMATS"]

#: The input formats ``read`` and ``byline extract --format`` know.
FORMATS = ("jsonl", "json", "csv", "tsv")


def detect(head: bytes) -> str:
    """The format of an input whose first bytes are ``head``: ``[`` a JSON array, ``{``
    (or nothing) JSONL, a first line with more tabs than commas TSV, with commas CSV,
    anything else JSONL (as ``byline extract`` decides)."""
    head = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    stripped = head.lstrip()
    if not stripped or stripped[:1] == b"{":
        return "jsonl"
    if stripped[:1] == b"[":
        return "json"
    line = stripped.split(b"\n", 1)[0]
    tabs, commas = line.count(b"\t"), line.count(b",")
    if tabs > commas:
        return "tsv"
    return "csv" if commas else "jsonl"


def _open(path: Union[str, "os.PathLike[str]"]) -> IO[bytes]:
    raw = open(path, "rb")
    if raw.peek(2)[:2] == b"\x1f\x8b":  # type: ignore[attr-defined]
        return gzip.open(raw)  # type: ignore[return-value]
    return raw


def read(
    path: Union[str, "os.PathLike[str]"],
    *,
    format: Optional[str] = None,
    text_field: str = "text",
    id_field: str = "id",
    published_field: str = "published",
) -> Iterator[Dict[str, Any]]:
    """Yields the records of an article file as dicts with ``text``, ``id`` and
    ``published`` keys (renamed from ``text_field``, ``id_field`` and ``published_field``)
    and every other field as it is, ready for ``nlp.pipe(byline.read(path))``. A JSONL line
    that is not a JSON object is yielded as ``{"id": <line number>, "error": ...}``, which
    ``pipe`` turns into an error record; a CSV without the text column raises a
    ``ValueError`` naming the columns found."""
    if format is not None and format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    names = {text_field: "text", id_field: "id", published_field: "published"}

    def renamed(record: Dict[str, Any]) -> Dict[str, Any]:
        out: Dict[str, Any] = {}
        for key, value in record.items():
            canonical = names.get(key, key)
            if canonical != key or canonical not in out:
                out[canonical] = value
        return out

    with _open(path) as stream:
        fmt = format or detect(stream.peek(4096) if hasattr(stream, "peek") else b"")  # type: ignore[attr-defined]
        if fmt == "jsonl":
            for number, line in enumerate(stream, start=1):
                line = line.rstrip(b"\r\n")
                try:
                    record = json.loads(line)
                except ValueError as e:
                    yield {"id": str(number), "error": f"invalid JSON: {e}"}
                    continue
                yield renamed(record) if isinstance(record, dict) else {"id": str(number), "error": "not a JSON object"}
        elif fmt == "json":
            items = json.loads(stream.read().decode("utf-8-sig"))
            if not isinstance(items, list):
                raise ValueError(f"{os.fspath(path)}: not a JSON array of records")
            for item in items:
                yield renamed(item) if isinstance(item, dict) else {"error": "not a JSON object"}
        else:
            text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
            rows = csv.reader(text, delimiter="\t" if fmt == "tsv" else ",")
            header = [h.strip() for h in next(rows, [])]
            if text_field not in header:
                found = ", ".join(repr(h) for h in header)
                raise ValueError(
                    f"{os.fspath(path)}: no column {text_field!r} in the header ({found}); "
                    "name the text column with text_field="
                )
            keys = [names.get(h, h) for h in header]
            for row in rows:
                yield dict(zip(keys, row))
