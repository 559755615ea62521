"""The Spark and Ray Data recipes of the README, each run once when its engine is
installed (and skipped with the reason otherwise). The functions they use are also
tested directly on Arrow batches, which needs only pyarrow."""

from __future__ import annotations

import json
import shutil
import sys

import pytest

import byline.tables

pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed")

ROWS = {
    "id": ["a", "b"],
    "text": ["“We agree,” Dmitry Peskov said on Friday.", "Tom Reyes praised the plan."],
}


def test_arrow_batches_map_batch_by_batch():
    table = pa.table(ROWS)
    out = list(byline.tables.arrow_batches(table.to_batches(max_chunksize=1)))
    result = pa.Table.from_batches(out)
    assert result.column("id").to_pylist() == ["a", "b"]
    assert json.loads(result.column("quotes")[0].as_py())[0]["speaker"]["name"] == "Dmitry Peskov"
    mapped = byline.tables.ArrowMapper()(table)
    assert mapped.column("id").to_pylist() == ["a", "b"]


def test_spark_map_in_arrow_recipe(monkeypatch):
    pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed")
    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime, and none is on PATH")
    # The workers must run the interpreter byline is installed in.
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
    spark = pyspark.sql.SparkSession.builder.master("local[2]").getOrCreate()
    try:
        df = spark.createDataFrame(list(zip(ROWS["id"], ROWS["text"])), "id string, text string")
        out = df.mapInArrow(byline.tables.arrow_batches, byline.tables.ARROW_SCHEMA_DDL).collect()
        assert sorted(r["id"] for r in out) == ["a", "b"]
    finally:
        spark.stop()


def test_ray_data_map_batches_recipe():
    ray = pytest.importorskip("ray", reason="ray is not installed")
    ray.init(num_cpus=2, include_dashboard=False)
    try:
        ds = ray.data.from_arrow(pa.table(ROWS))
        out = ds.map_batches(byline.tables.ArrowMapper, batch_format="pyarrow", concurrency=1).to_arrow_refs()
        table = pa.concat_tables(ray.get(out))
        assert table.column("id").to_pylist() == ["a", "b"]
    finally:
        ray.shutdown()
