"""Exceptions raised by byline.

Every error byline raises is a :class:`BylineError`; input problems are also
``ValueError`` so that existing ``except ValueError`` code keeps working.
"""

from __future__ import annotations

from typing import Optional

__all__ = ["BylineError", "InputError", "PipelineConfigError", "ExtractionError"]


class BylineError(Exception):
    """Base class of every byline error. ``record_id`` names the record that failed and
    ``field`` the input field at fault ("text", "published" …), when they are known."""

    def __init__(self, message: str = "", *, record_id: Optional[str] = None, field: Optional[str] = None) -> None:
        super().__init__(message)
        self.record_id = record_id
        self.field = field


class InputError(BylineError, ValueError):
    """An article could not be read: missing or non-string text, a malformed
    publication date, target spans outside the text, unencodable characters."""


class PipelineConfigError(BylineError, ValueError):
    """A pipeline could not be built: unknown extractor, or a needed layer that no
    extractor in the pipeline provides."""


class ExtractionError(BylineError):
    """An extractor failed on one article (the failure is confined to that article)."""
