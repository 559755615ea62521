"""The analysed article as Python objects.

Every span has ``start``/``end`` code-point offsets into the article text, so that
``doc.text[span.start:span.end] == span.text``. ``Document.to_dict()`` returns exactly
the JSON output record (see ``schema/output.schema.json``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

__all__ = [
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
]


@dataclass(frozen=True)
class Entity:
    """A name mention: PER, ORG, LOC or MISC, and the index of its cluster."""

    start: int
    end: int
    text: str
    label: str
    cluster: int


@dataclass(frozen=True)
class Cluster:
    """All mentions of one referent: canonical name, label, mention indices, roles."""

    id: int
    name: str
    label: str
    mentions: Tuple[int, ...]
    roles: Tuple[str, ...]


@dataclass(frozen=True)
class Speaker:
    """Who said a quote: the mention in the text and the cluster it resolves to."""

    start: int
    end: int
    text: str
    cluster: Optional[int]
    name: str


@dataclass(frozen=True)
class Cue:
    """The reporting word of a quote ("said", "according to")."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quote:
    """A direct, indirect or mixed quote with its content fragments, speaker and cue.

    ``text`` is ``doc.text[start:end]``, so a quote split by its attribution contains the
    attribution too; ``content`` is the quote's own words (its ``spans`` joined by a space).
    """

    start: int
    end: int
    text: str
    kind: str
    spans: Tuple[Tuple[int, int], ...]
    speaker: Optional[Speaker]
    cue: Optional[Cue]
    date: Optional[int] = None
    content: str = ""


@dataclass(frozen=True)
class DateExpr:
    """A temporal expression with its TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class StanceHolder:
    """Who holds a stance."""

    cluster: Optional[int]
    name: str


@dataclass(frozen=True)
class StanceTarget:
    """What a stance is about."""

    start: int
    end: int
    text: str
    cluster: Optional[int]


@dataclass(frozen=True)
class Evidence:
    """The words that express a stance."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Stance:
    """holder -> target -> polarity, with evidence and the quote it comes from."""

    holder: StanceHolder
    target: StanceTarget
    polarity: str
    score: float
    evidence: Evidence
    quote: Optional[int]
    channel: str = "narration"


@dataclass(frozen=True)
class TargetSentiment:
    """How a sentence portrays one mention (positive / neutral / negative)."""

    start: int
    end: int
    text: str
    cluster: Optional[int]
    polarity: str
    score: float


def _cue(d: Optional[Dict[str, Any]]) -> Optional[Cue]:
    return None if d is None else Cue(d["start"], d["end"], d["text"])


def _speaker(d: Optional[Dict[str, Any]]) -> Optional[Speaker]:
    if d is None:
        return None
    return Speaker(d["start"], d["end"], d["text"], d["cluster"], d["name"])


@dataclass(frozen=True, repr=False)
class Document:
    """One analysed article (or an error record when ``error`` is set).

    ``published`` is the date the analysis used (``"YYYY-MM-DD"``, or None), ``warnings``
    what was ignored in the input (an unreadable date, bad targets), ``meta`` the input
    fields asked for with ``pipe(..., keep=[...])``.
    """

    id: str
    text: str
    published: Optional[str]
    error: Optional[str]
    entities: List[Entity] = field(default_factory=list)
    clusters: List[Cluster] = field(default_factory=list)
    quotes: List[Quote] = field(default_factory=list)
    dates: List[DateExpr] = field(default_factory=list)
    stances: List[Stance] = field(default_factory=list)
    target_sentiment: List[TargetSentiment] = field(default_factory=list)
    extra: Dict[str, Any] = field(default_factory=dict)
    warnings: List[str] = field(default_factory=list)
    meta: Dict[str, Any] = field(default_factory=dict)
    _record: Dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def ok(self) -> bool:
        """True when the article was analysed (``error`` is None)."""
        return self.error is None

    @classmethod
    def from_dict(cls, record: Dict[str, Any], text: str = "") -> "Document":
        """Builds a document from one JSON output record (and the article text)."""
        return cls(
            id=record["id"],
            text=text,
            published=record.get("published"),
            error=record.get("error"),
            entities=[Entity(e["start"], e["end"], e["text"], e["label"], e["cluster"]) for e in record["entities"]],
            clusters=[
                Cluster(c["id"], c["name"], c["label"], tuple(c["mentions"]), tuple(c["roles"]))
                for c in record["clusters"]
            ],
            quotes=[
                Quote(
                    q["start"],
                    q["end"],
                    q["text"],
                    q["kind"],
                    tuple((s[0], s[1]) for s in q["spans"]),
                    _speaker(q["speaker"]),
                    _cue(q["cue"]),
                    q.get("date"),
                    q.get("content", q["text"]),
                )
                for q in record["quotes"]
            ],
            dates=[DateExpr(d["start"], d["end"], d["text"], d["type"], d["value"]) for d in record["dates"]],
            stances=[
                Stance(
                    StanceHolder(s["holder"]["cluster"], s["holder"]["name"]),
                    StanceTarget(s["target"]["start"], s["target"]["end"], s["target"]["text"], s["target"]["cluster"]),
                    s["polarity"],
                    s["score"],
                    Evidence(s["evidence"]["start"], s["evidence"]["end"], s["evidence"].get("text", "")),
                    s["quote"],
                    s.get("channel", "narration"),
                )
                for s in record["stances"]
            ],
            target_sentiment=[
                TargetSentiment(t["start"], t["end"], t["text"], t["cluster"], t["polarity"], t["score"])
                for t in record.get("target_sentiment", [])
            ],
            extra=dict(record.get("extra", {})),
            warnings=list(record.get("warnings", [])),
            meta=dict(record.get("meta") or {}),
            _record=record,
        )

    def to_dict(self) -> Dict[str, Any]:
        """The JSON output record of this document (a fresh copy)."""
        import copy

        return copy.deepcopy(self._record)

    def _repr_html_(self) -> str:
        """The HTML view Jupyter shows: see :func:`byline.render`."""
        import json

        from . import _byline

        return _byline.render_html(self.text, json.dumps(self._record, default=str))

    def __repr__(self) -> str:
        if self.error is not None:
            return f"Document(id={self.id!r}, error={self.error!r})"
        return (
            f"Document(id={self.id!r}, {len(self.text)} chars, {len(self.entities)} entities, "
            f"{len(self.clusters)} clusters, {len(self.quotes)} quotes, {len(self.dates)} dates, "
            f"{len(self.stances)} stances)"
        )
