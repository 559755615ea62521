"""The analysed article as Python objects.

Every span has ``start``/``end`` code-point offsets into the article text, so that
``doc.text[span.start:span.end] == span.text``. ``Document.to_dict()`` returns exactly
the JSON output record (see ``schema/output.schema.json``). The object classes
(``Entity``, ``Quote`` …) are native and immutable, with the fields of the schema's
objects in the schema's order (a test checks): construct, compare, hash and pickle them
as frozen dataclasses.
"""

from __future__ import annotations

import copy
import json
from typing import Any, Dict, List, Optional, Tuple

from . import _byline
from ._byline import (
    Cluster,
    Cue,
    DateExpr,
    Entity,
    Evidence,
    Mention,
    Quote,
    Speaker,
    Stance,
    StanceHolder,
    StanceTarget,
    TargetSentiment,
    TokenData,
)

__all__ = [
    "Document",
    "Entity",
    "Cluster",
    "Mention",
    "Quote",
    "Speaker",
    "Cue",
    "DateExpr",
    "Stance",
    "StanceHolder",
    "StanceTarget",
    "Evidence",
    "TargetSentiment",
    "Token",
    "TokenData",
]


class Token:
    """A syntactic word of a document (``doc.tokens[i]``): a whole token of the text, a
    part of one ("do" and "n't" of "don't") or pieces joined ("U.S."), with its tags, lemma
    and place in the sentence's dependency tree. ``head`` is the head token (None for a
    sentence's root), ``children`` the tokens it heads, in text order."""

    __slots__ = ("_doc", "i", "_data")

    def __init__(self, doc: "Document", i: int, data: TokenData) -> None:
        self._doc = doc
        self.i = i
        self._data = data

    @property
    def start(self) -> int:
        """First code point."""
        return self._data.start  # type: ignore[no-any-return]

    @property
    def end(self) -> int:
        """One past the last code point."""
        return self._data.end  # type: ignore[no-any-return]

    @property
    def text(self) -> str:
        """``doc.text[start:end]``."""
        return self._data.text  # type: ignore[no-any-return]

    @property
    def lemma(self) -> str:
        """Dictionary form."""
        return self._data.lemma  # type: ignore[no-any-return]

    @property
    def upos(self) -> str:
        """Universal part of speech."""
        return self._data.upos  # type: ignore[no-any-return]

    @property
    def xpos(self) -> str:
        """Penn Treebank tag."""
        return self._data.xpos  # type: ignore[no-any-return]

    @property
    def dep(self) -> str:
        """Universal Dependencies relation to the head (``root`` for a root)."""
        return self._data.dep  # type: ignore[no-any-return]

    @property
    def head(self) -> Optional["Token"]:
        """The head token, or None for a sentence's root."""
        head = self._data.head
        return None if head is None else self._doc.tokens[head]

    @property
    def children(self) -> List["Token"]:
        """The tokens this one heads, in text order."""
        return [self._doc.tokens[c] for c in self._doc._children().get(self.i, [])]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return self._doc is other._doc and self.i == other.i

    def __hash__(self) -> int:
        return hash((id(self._doc), self.i))

    def __repr__(self) -> str:
        d = self._data
        return f"Token(i={self.i}, text={d.text!r}, lemma={d.lemma!r}, upos={d.upos!r}, head={d.head}, dep={d.dep!r})"



class Document:
    """One analysed article (or an error record when ``error`` is set).

    ``published`` is the date the analysis used (``"YYYY-MM-DD"``, or None), ``warnings``
    what was ignored in the input (an unreadable date, bad targets), ``meta`` the input
    fields asked for with ``pipe(..., keep=[...])``. The layers (``entities``, ``quotes``
    …) are lists of immutable objects, built from the native record the first time each
    is read.
    """

    __slots__ = ("id", "text", "published", "error", "warnings", "meta", "_kept", "_native", "_layers")

    def __init__(self, native: _byline.NativeRecord, text: str = "", meta: Optional[Dict[str, Any]] = None) -> None:
        self.id: str = native.id
        # The text analysed: the input's, or the one byline made from its HTML.
        self.text: str = text if native.text is None else native.text
        self.published: Optional[str] = native.published
        self.error: Optional[str] = native.error
        self.warnings: List[str] = native.warnings
        self.meta: Dict[str, Any] = {} if meta is None else meta
        self._kept = meta is not None  # fields were asked for: to_dict has "meta"
        self._native = native
        self._layers: Dict[str, Any] = {}

    def _layer(self, name: str) -> Any:
        layer = self._layers.get(name)
        if layer is None:
            layer = self._layers[name] = getattr(self._native, name)()
        return layer

    @property
    def entities(self) -> List[Entity]:
        """Name mentions."""
        return self._layer("entities")  # type: ignore[no-any-return]

    @property
    def clusters(self) -> List[Cluster]:
        """Entity clusters (a cluster's ``id`` is its index)."""
        return self._layer("clusters")  # type: ignore[no-any-return]

    @property
    def mentions(self) -> List[Mention]:
        """Every name, pronoun and description linked to the cluster it refers to, in text
        order (``kind``: "name", "pronoun" or "nominal"; unresolved ones are left out)."""
        return self._layer("mentions")  # type: ignore[no-any-return]

    def mentions_of(self, cluster: int) -> List[Mention]:
        """The mentions of one cluster (names, pronouns and descriptions), in text order."""
        return [m for m in self.mentions if m.cluster == cluster]

    @property
    def quotes(self) -> List[Quote]:
        """Direct, indirect and mixed quotes."""
        return self._layer("quotes")  # type: ignore[no-any-return]

    @property
    def dates(self) -> List[DateExpr]:
        """Temporal expressions with their TIMEX3 values."""
        return self._layer("dates")  # type: ignore[no-any-return]

    @property
    def stances(self) -> List[Stance]:
        """holder -> target -> polarity, with evidence."""
        return self._layer("stances")  # type: ignore[no-any-return]

    @property
    def target_sentiment(self) -> List[TargetSentiment]:
        """How each PER/ORG mention and each input target is portrayed."""
        return self._layer("target_sentiment")  # type: ignore[no-any-return]

    @property
    def tokens(self) -> List[Token]:
        """Syntactic words with tags, lemmas and dependency heads: from the record when the
        pipeline was built with ``tokens=True``, else computed from the text on first use."""
        tokens = self._layers.get("tokens")
        if tokens is None:
            data = self._native.tokens()
            if data is None:
                data = _byline.tokens_of(self.text).tokens() or []
            tokens = self._layers["tokens"] = [Token(self, i, t) for i, t in enumerate(data)]
        return tokens  # type: ignore[no-any-return]

    @property
    def sents(self) -> List[List[Token]]:
        """The tokens of each sentence."""
        ranges = self._native.sentences()
        tokens = self.tokens
        if ranges is None:
            ranges = _byline.tokens_of(self.text).sentences() or []
        return [tokens[a:b] for a, b in ranges]

    def _children(self) -> Dict[int, List[int]]:
        children = self._layers.get("children")
        if children is None:
            children = {}
            for t in self.tokens:
                head = t._data.head
                if head is not None:
                    children.setdefault(head, []).append(t.i)
            self._layers["children"] = children
        return children  # type: ignore[no-any-return]

    @property
    def extra(self) -> Dict[str, Any]:
        """Layers of plug-in extractors, by extractor name."""
        extra = self._layers.get("extra")
        if extra is None:
            extra = self._layers["extra"] = json.loads(self._native.extra_json())
        return extra  # type: ignore[no-any-return]

    @property
    def ok(self) -> bool:
        """True when the article was analysed (``error`` is None)."""
        return self.error is None

    @classmethod
    def from_dict(cls, record: Dict[str, Any], text: str = "") -> "Document":
        """Builds a document from one JSON output record (a parsed line of ``byline
        extract``'s output) and the article text. Raises ValueError for a dict that is not
        an output record."""
        fields = {k: v for k, v in record.items() if k != "meta"}
        meta = record.get("meta")
        native = _byline.NativeRecord.from_json(json.dumps(fields))
        return cls(native, text, None if meta is None else dict(meta))

    def to_dict(self) -> Dict[str, Any]:
        """The JSON output record of this document (a fresh copy)."""
        record: Dict[str, Any] = json.loads(self._native.to_json())
        if self._kept:
            record["meta"] = copy.deepcopy(self.meta)
        return record

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return (self.text, self.meta, self._native.to_json()) == (other.text, other.meta, other._native.to_json())

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any], str]]:
        return (Document.from_dict, (self.to_dict(), self.text))

    def _repr_html_(self) -> str:
        """The HTML view Jupyter shows: see :func:`byline.render`."""
        return self._native.html(self.text)

    def __repr__(self) -> str:
        if self.error is not None:
            return f"Document(id={self.id!r}, error={self.error!r})"
        return (
            f"Document(id={self.id!r}, {len(self.text)} chars, {len(self.entities)} entities, "
            f"{len(self.clusters)} clusters, {len(self.quotes)} quotes, {len(self.dates)} dates, "
            f"{len(self.stances)} stances)"
        )
