# Type stubs of the native extension module (hand-written; checked by mypy.stubtest).
from typing import Any, ClassVar, List, Optional, Sequence, Tuple, type_check_only

from typing_extensions import final

__all__ = [
    "NativePipeline",
    "NativeRecord",
    "PendingBatch",
    "Entity",
    "Cluster",
    "Speaker",
    "Cue",
    "Quote",
    "DateExpr",
    "StanceHolder",
    "StanceTarget",
    "Evidence",
    "Stance",
    "TargetSentiment",
    "available_extractors",
    "render_html",
    "__version__",
]
__version__: str

@type_check_only
class _OutputObject:
    """What every output object class has (stub only: compared, hashed and pickled by value)."""

    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]: ...

@final
class Entity(_OutputObject):
    """A name mention: PER, ORG, LOC or MISC, and the index of its cluster."""

    __match_args__: ClassVar[Tuple[str, str, str, str, str]]

    def __new__(cls, start: int, end: int, text: str, label: str, cluster: int) -> Entity: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def cluster(self) -> int: ...

@final
class Cluster(_OutputObject):
    """All mentions of one referent: canonical name, label, mention indices, roles."""

    __match_args__: ClassVar[Tuple[str, str, str, str, str]]

    def __new__(cls, id: int, name: str, label: str, mentions: Tuple[int, ...], roles: Tuple[str, ...]) -> Cluster: ...
    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def mentions(self) -> Tuple[int, ...]: ...
    @property
    def roles(self) -> Tuple[str, ...]: ...

@final
class Speaker(_OutputObject):
    """Who said a quote: the mention in the text and the cluster it resolves to."""

    __match_args__: ClassVar[Tuple[str, str, str, str, str]]

    def __new__(cls, start: int, end: int, text: str, cluster: Optional[int], name: str) -> Speaker: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def cluster(self) -> Optional[int]: ...
    @property
    def name(self) -> str: ...

@final
class Cue(_OutputObject):
    """The reporting word of a quote ("said", "according to")."""

    __match_args__: ClassVar[Tuple[str, str, str]]

    def __new__(cls, start: int, end: int, text: str) -> Cue: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...

@final
class Quote(_OutputObject):
    """A direct, indirect or mixed quote with its content fragments, speaker and cue."""

    __match_args__: ClassVar[Tuple[str, str, str, str, str, str, str, str, str]]

    def __new__(
        cls,
        start: int,
        end: int,
        text: str,
        kind: str,
        spans: Tuple[Tuple[int, int], ...],
        speaker: Optional[Speaker],
        cue: Optional[Cue],
        date: Optional[int] = None,
        content: str = "",
    ) -> Quote: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def spans(self) -> Tuple[Tuple[int, int], ...]: ...
    @property
    def speaker(self) -> Optional[Speaker]: ...
    @property
    def cue(self) -> Optional[Cue]: ...
    @property
    def date(self) -> Optional[int]: ...
    @property
    def content(self) -> str: ...

@final
class DateExpr(_OutputObject):
    """A temporal expression with its TIMEX3 type and value."""

    __match_args__: ClassVar[Tuple[str, str, str, str, str]]

    def __new__(cls, start: int, end: int, text: str, type: str, value: str) -> DateExpr: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...

@final
class StanceHolder(_OutputObject):
    """Who holds a stance."""

    __match_args__: ClassVar[Tuple[str, str]]

    def __new__(cls, cluster: Optional[int], name: str) -> StanceHolder: ...
    @property
    def cluster(self) -> Optional[int]: ...
    @property
    def name(self) -> str: ...

@final
class StanceTarget(_OutputObject):
    """What a stance is about."""

    __match_args__: ClassVar[Tuple[str, str, str, str]]

    def __new__(cls, start: int, end: int, text: str, cluster: Optional[int]) -> StanceTarget: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def cluster(self) -> Optional[int]: ...

@final
class Evidence(_OutputObject):
    """The words that express a stance."""

    __match_args__: ClassVar[Tuple[str, str, str]]

    def __new__(cls, start: int, end: int, text: str) -> Evidence: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...

@final
class Stance(_OutputObject):
    """holder -> target -> polarity, with evidence and the quote it comes from."""

    __match_args__: ClassVar[Tuple[str, str, str, str, str, str, str]]

    def __new__(
        cls,
        holder: StanceHolder,
        target: StanceTarget,
        polarity: str,
        score: float,
        evidence: Evidence,
        quote: Optional[int],
        channel: str = "narration",
    ) -> Stance: ...
    @property
    def holder(self) -> StanceHolder: ...
    @property
    def target(self) -> StanceTarget: ...
    @property
    def polarity(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def evidence(self) -> Evidence: ...
    @property
    def quote(self) -> Optional[int]: ...
    @property
    def channel(self) -> str: ...

@final
class TargetSentiment(_OutputObject):
    """How a sentence portrays one mention (positive / neutral / negative)."""

    __match_args__: ClassVar[Tuple[str, str, str, str, str, str]]

    def __new__(
        cls, start: int, end: int, text: str, cluster: Optional[int], polarity: str, score: float
    ) -> TargetSentiment: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def cluster(self) -> Optional[int]: ...
    @property
    def polarity(self) -> str: ...
    @property
    def score(self) -> float: ...

@final
class NativeRecord:
    """One output record held on the Rust side; each layer's objects are built when asked for."""

    @staticmethod
    def from_json(json: str) -> NativeRecord: ...
    def to_json(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def error(self) -> Optional[str]: ...
    @property
    def published(self) -> Optional[str]: ...
    @property
    def warnings(self) -> List[str]: ...
    def entities(self) -> List[Entity]: ...
    def clusters(self) -> List[Cluster]: ...
    def quotes(self) -> List[Quote]: ...
    def dates(self) -> List[DateExpr]: ...
    def stances(self) -> List[Stance]: ...
    def target_sentiment(self) -> List[TargetSentiment]: ...
    def extra_json(self) -> str: ...
    def html(self, text: str) -> str: ...

@final
class NativePipeline:
    """The article pipeline, configured by the names of its extractors."""

    def __new__(cls, extractors: Optional[Sequence[str]] = None) -> NativePipeline: ...
    @property
    def extractors(self) -> List[str]: ...
    def __getnewargs__(self) -> Tuple[List[str]]: ...
    def process(
        self,
        text: Any,
        id: str = "0",
        published: Optional[Any] = None,
        targets: Optional[Any] = None,
    ) -> NativeRecord: ...
    def process_batch(
        self, articles: List[Any], threads: Optional[int] = None, first_index: int = 0
    ) -> List[Tuple[NativeRecord, Optional[str], Optional[str]]]: ...
    def start_batch(
        self, articles: List[Any], threads: Optional[int] = None, first_index: int = 0
    ) -> PendingBatch: ...

@final
class PendingBatch:
    """A batch being analysed on background threads."""

    def wait(self) -> List[Tuple[NativeRecord, Optional[str], Optional[str]]]: ...

def available_extractors() -> List[str]: ...
def render_html(text: str, record_json: str) -> str: ...
