"""The example notebook runs top to bottom (nbclient) on the bundled sample, and shows
the HTML view, a pandas table of who said what and a plot of quotes per speaker."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed")
nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed")
pytest.importorskip("ipykernel", reason="ipykernel is not installed")
pytest.importorskip("matplotlib", reason="matplotlib is not installed")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_example_notebook_runs():
    nb = nbformat.read(EXAMPLES / "tour.ipynb", as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="speaker"' in h for h in html), "the document's HTML view is shown"
    assert any("<table" in h and "speaker" in h for h in html), "a pandas table of quotes is shown"
