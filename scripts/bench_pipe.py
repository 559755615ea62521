"""Python's Pipeline.pipe against the CLI on the same articles: the first N articles of
../shared/data/corpus/allsides.jsonl.gz, T threads each, best of R runs. Prints MB/s of
article text and the ratio, for documents as pipe yields them (layers are built when first
read) and with every layer read. Build the extension in release mode first (scripts/test.sh
does: maturin develop --release) and the CLI with cargo build --release.

    .venv/bin/python scripts/bench_pipe.py [N] [T] [R]
"""

from __future__ import annotations

import gzip
import itertools
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import byline

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    corpus = REPO.parent / "shared/data/corpus/allsides.jsonl.gz"
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        lines = list(itertools.islice(f, n))
    records = [json.loads(line) for line in lines]
    megabytes = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6
    nlp = byline.Pipeline()

    def python_run() -> float:
        started = time.perf_counter()
        for _ in nlp.pipe(records, threads=threads):
            pass
        return time.perf_counter() - started

    def python_layers_run() -> float:
        started = time.perf_counter()
        for doc in nlp.pipe(records, threads=threads):
            for layer in (doc.entities, doc.clusters, doc.quotes, doc.dates, doc.stances, doc.target_sentiment):
                len(layer)
        return time.perf_counter() - started

    binary = REPO / "target/release/byline"
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        source.write_text("".join(lines), encoding="utf-8")

        def cli_run() -> float:
            started = time.perf_counter()
            command = [binary, "extract", "-q", "--threads", str(threads), "-o", Path(tmp) / "out.jsonl", source]
            subprocess.run(command, check=True)
            return time.perf_counter() - started

        cli = min(cli_run() for _ in range(repeat))
    python = min(python_run() for _ in range(repeat))
    layers = min(python_layers_run() for _ in range(repeat))
    print(f"{n} articles, {megabytes:.1f} MB, {threads} threads, best of {repeat}")
    print(f"CLI (release):                   {megabytes / cli:6.2f} MB/s")
    print(f"Python pipe (documents):         {megabytes / python:6.2f} MB/s  ({100 * cli / python:.0f} % of the CLI)")
    print(f"Python pipe (every layer read):  {megabytes / layers:6.2f} MB/s  ({100 * cli / layers:.0f} % of the CLI)")


if __name__ == "__main__":
    main()
