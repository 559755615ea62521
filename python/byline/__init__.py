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
from .document import (
    Cluster,
    Cue,
    DateExpr,
    Document,
    Entity,
    Evidence,
    Quote,
    Speaker,
    Stance,
    StanceHolder,
    StanceTarget,
    TargetSentiment,
)
from .errors import BylineError, ExtractionError, InputError, PipelineConfigError
from .pipeline import Pipeline

__version__: str = _byline.__version__

__all__ = [
    "Pipeline",
    "Document",
    "Entity",
    "Cluster",
    "Quote",
    "Speaker",
    "Cue",
    "DateExpr",
    "Stance",
    "StanceHolder",
    "StanceTarget",
    "Evidence",
    "TargetSentiment",
    "BylineError",
    "InputError",
    "PipelineConfigError",
    "ExtractionError",
    "available_extractors",
    "__version__",
]


def available_extractors() -> List[str]:
    """Names of every built-in extractor, for ``Pipeline(extractors=[...])``."""
    return list(_byline.available_extractors())
