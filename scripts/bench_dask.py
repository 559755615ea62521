"""Dask throughput against one process on the news corpus: the first N articles of
../shared/data/corpus/allsides.jsonl.gz through byline.dask.extract on a LocalCluster of
W single-threaded worker processes, and in this process with one thread (the same
columns; and as Document objects through Pipeline.pipe). Prints MB/s of article text.

    .venv/bin/python scripts/bench_dask.py [N] [W]
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

import dask.dataframe as dd
import distributed
import pandas

import byline
import byline.dask
import byline.tables


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    corpus = Path(__file__).resolve().parent.parent.parent / "shared/data/corpus/allsides.jsonl.gz"
    rows = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line, _ in zip(f, range(n)):
            rows.append(json.loads(line))
    frame = pandas.DataFrame({"id": [r["id"] for r in rows], "text": [r["text"] for r in rows]})
    mb = sum(len(t.encode()) for t in frame["text"]) / 1e6

    records = frame.to_dict("records")
    start = time.perf_counter()
    single = byline.tables.layer_columns(byline.Pipeline(), records, 256, 1)
    one = time.perf_counter() - start
    start = time.perf_counter()
    docs = list(byline.Pipeline().pipe(records, threads=1))
    objects = time.perf_counter() - start

    ddf = dd.from_pandas(frame, npartitions=workers * 8)
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        with distributed.Client(c):
            # Warm the workers (import byline, load the models) before timing.
            byline.dask.extract(ddf.head(workers, compute=False, npartitions=1)).compute()
            start = time.perf_counter()
            out = byline.dask.extract(ddf).compute()
            many = time.perf_counter() - start
    assert list(out["id"]) == single["id"] == [d.id for d in docs]
    print(f"{n} articles, {mb:.1f} MB")
    print(f"one process, 1 thread, Document objects : {objects:6.2f} s  {mb / objects:5.2f} MB/s")
    print(f"one process, 1 thread, same columns     : {one:6.2f} s  {mb / one:5.2f} MB/s")
    print(f"dask, {workers} workers, same columns   : {many:6.2f} s  {mb / many:5.2f} MB/s  ({one / many:.2f}x)")


if __name__ == "__main__":
    main()
