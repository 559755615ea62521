"""Exceptions raised by byline.

Every error byline raises is a :class:`BylineError`; input problems are also
``ValueError`` so that existing ``except ValueError`` code keeps working.
"""

from __future__ import annotations

__all__ = ["BylineError", "InputError", "PipelineConfigError", "ExtractionError"]


class BylineError(Exception):
    """Base class of every byline error."""


class InputError(BylineError, ValueError):
    """An article could not be read: missing or non-string text, a malformed
    publication date, target spans outside the text, unencodable characters."""


class PipelineConfigError(BylineError, ValueError):
    """A pipeline could not be built: unknown extractor, or a needed layer that no
    extractor in the pipeline provides."""


class ExtractionError(BylineError):
    """An extractor failed on one article (the failure is confined to that article)."""
