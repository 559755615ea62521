"""byline.dask.extract on a real dask.distributed LocalCluster with two worker
processes: the pipeline reaches the workers by pickle, rows keep their order, a bad row
becomes an error row."""

from __future__ import annotations

import json

import pytest

dd = pytest.importorskip("dask.dataframe", reason="dask[dataframe] is not installed")
distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
pandas = pytest.importorskip("pandas", reason="pandas is not installed")

import byline.dask  # noqa: E402


def test_extract_on_a_two_worker_cluster():
    texts = [f"“Item {i} is fine,” Dmitry Peskov said on Friday." for i in range(40)]
    texts[7] = None  # a bad row
    frame = pandas.DataFrame({"doc": [f"d{i}" for i in range(40)], "body": texts, "day": ["2025-04-19"] * 40})
    ddf = dd.from_pandas(frame, npartitions=4)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
            out = byline.dask.extract(ddf, text_column="body", id_column="doc", published_column="day").compute()
    assert list(out["id"]) == [f"d{i}" for i in range(40)]
    assert out["error"].notna().sum() == 1 and out["error"].iloc[7]
    quotes = json.loads(out["quotes"].iloc[0])
    assert quotes[0]["speaker"]["name"] == "Dmitry Peskov"
    assert json.loads(out["dates"].iloc[39])[0]["value"] == "2025-04-18"


def test_missing_column_is_a_clear_error():
    ddf = dd.from_pandas(pandas.DataFrame({"text": ["x"]}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'body'"):
        byline.dask.extract(ddf, text_column="body")
