"""byline: who said what, about whom, and when — in English news articles.

>>> import byline
>>> nlp = byline.Pipeline()
>>> doc = nlp("“We agree,” Dmitry Peskov said on Friday.", published="2025-04-19")
>>> doc.quotes[0].speaker.name
'Dmitry Peskov'
>>> doc.dates[0].value
'2025-04-18'
"""

from __future__ import annotations

from typing import List

from . import _byline
from . import document as _document
from .document import *  # noqa: F401,F403 (re-exported object types)
from .document import Document
from .errors import BylineError, ExtractionError, InputError, PipelineConfigError
from .pipeline import DEFAULT_MIN_QUOTE_SCORE, DEFAULT_MIN_STANCE_SCORE, Pipeline
from .reading import read
from .tables import to_pandas, to_rows
from . import corpus  # noqa: E402 (after the modules it uses)

__version__: str = _byline.__version__

__all__ = [
    "Pipeline",
    "DEFAULT_MIN_QUOTE_SCORE",
    "DEFAULT_MIN_STANCE_SCORE",
    *_document.__all__,
    "BylineError",
    "InputError",
    "PipelineConfigError",
    "ExtractionError",
    "available_extractors",
    "corpus",
    "read",
    "render",
    "to_pandas",
    "to_rows",
    "__version__",
]


def available_extractors() -> List[str]:
    """Names of every built-in extractor, for ``Pipeline(extractors=[...])``."""
    return list(_byline.available_extractors())


def render(doc: Document) -> str:
    """A self-contained HTML view of ``doc`` (no scripts, no external assets): the text
    with entities (by type; cluster on hover), quotes (speaker shown before each), dates
    (TIMEX3 value shown after each) and stance evidence marked, then tables of quotes and
    stances. Jupyter shows the same through ``Document._repr_html_``."""
    return doc._repr_html_()
