# Type stubs of the native extension module (hand-written; checked by mypy.stubtest).
import os
from typing import Any, ClassVar, List, Optional, Sequence, Tuple, Union, type_check_only

from typing_extensions import final

__all__ = [
    "NativePipeline",
    "NativeRecord",
    "PendingBatch",
    "RecordReader",
    "Entity",
    "Cluster",
    "Mention",
    "Speaker",
    "Cue",
    "Quote",
    "DateExpr",
    "StanceHolder",
    "StanceTarget",
    "Evidence",
    "Stance",
    "TargetSentiment",
    "TokenData",
    "available_extractors",
    "tokens_of",
    "corpus_link",
    "corpus_slim",
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
class Mention(_OutputObject):
    """Words that refer to a cluster: a name, a pronoun or a description ("the spokesman")."""

    __match_args__: ClassVar[Tuple[str, str, str, str, str]]

    def __new__(cls, start: int, end: int, text: str, cluster: int, kind: str) -> Mention: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def cluster(self) -> int: ...
    @property
    def kind(self) -> str: ...

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
    """Who said a quote: the mention in the text, the cluster it resolves to and what
    kind of source it is (person, organization, document, anonymous, pronoun, none)."""

    __match_args__: ClassVar[Tuple[str, str, str, str, str, str]]

    def __new__(
        cls, start: int, end: int, text: str, cluster: Optional[int], name: str, kind: str = "none"
    ) -> Speaker: ...
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
    @property
    def kind(self) -> str: ...

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

    __match_args__: ClassVar[Tuple[str, str, str, str, str, str, str, str, str, str, str]]

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
        score: float = 1.0,
        act: str = "statement",
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
    @property
    def score(self) -> float: ...
    @property
    def act(self) -> str: ...

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

    __match_args__: ClassVar[Tuple[str, str, str, str, str]]

    def __new__(
        cls, start: int, end: int, text: str, cluster: Optional[int], kind: str = "entity"
    ) -> StanceTarget: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def cluster(self) -> Optional[int]: ...
    @property
    def kind(self) -> str: ...

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
class TokenData(_OutputObject):
    """A syntactic word: its tags, lemma, head and relation."""

    __match_args__: ClassVar[Tuple[str, str, str, str, str, str, str, str]]
    def __new__(
        cls, start: int, end: int, text: str, lemma: str, upos: str, xpos: str, head: Optional[int], dep: str
    ) -> TokenData: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def lemma(self) -> str: ...
    @property
    def upos(self) -> str: ...
    @property
    def xpos(self) -> str: ...
    @property
    def head(self) -> Optional[int]: ...
    @property
    def dep(self) -> str: ...

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
    @property
    def text(self) -> Optional[str]: ...
    def entities(self) -> List[Entity]: ...
    def clusters(self) -> List[Cluster]: ...
    def mentions(self) -> List[Mention]: ...
    def quotes(self) -> List[Quote]: ...
    def dates(self) -> List[DateExpr]: ...
    def stances(self) -> List[Stance]: ...
    def target_sentiment(self) -> List[TargetSentiment]: ...
    def tokens(self) -> Optional[List[TokenData]]: ...
    def sentences(self) -> Optional[List[Tuple[int, int]]]: ...
    def extra_json(self) -> str: ...
    def html(self, text: str) -> str: ...

@final
class NativePipeline:
    """The article pipeline, configured by the names of its extractors."""

    def __new__(
        cls,
        extractors: Optional[Sequence[str]] = None,
        tokens: bool = False,
        min_quote_score: float = ...,
        attributions: str = "statements",
        min_stance_score: float = ...,
        parse: bool = False,
        date_order: Optional[str] = None,
    ) -> NativePipeline: ...
    @property
    def extractors(self) -> List[str]: ...
    @property
    def tokens(self) -> bool: ...
    @property
    def min_quote_score(self) -> float: ...
    @property
    def attributions(self) -> str: ...
    @property
    def min_stance_score(self) -> float: ...
    @property
    def parse(self) -> bool: ...
    @property
    def date_order(self) -> Optional[str]: ...
    def __getnewargs__(self) -> Tuple[List[str], bool, float, str, float, bool, Optional[str]]: ...
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
class RecordReader:
    """The records of an article file or folder, as ``byline extract`` reads them."""

    def __new__(
        cls,
        path: Union[str, "os.PathLike[str]"],
        format: Optional[str] = None,
        text_field: str = "text",
        id_field: str = "id",
        published_field: str = "published",
    ) -> RecordReader: ...
    def __iter__(self) -> RecordReader: ...
    def __next__(self) -> Tuple[str, Optional[str], Optional[str]]: ...

@final
class PendingBatch:
    """A batch being analysed on background threads."""

    def wait(self) -> List[Tuple[NativeRecord, Optional[str], Optional[str]]]: ...

def available_extractors() -> List[str]: ...
def render_html(text: str, record_json: str) -> str: ...
def tokens_of(text: str) -> NativeRecord: ...
def corpus_link(
    paths: List[str], lines: List[str], output: str, source_field: str = ..., threads: Optional[int] = ...
) -> str: ...
def corpus_slim(
    ids: List[str],
    errors: List[Optional[str]],
    published: List[Optional[str]],
    sources: List[Optional[str]],
    entities: List[str],
    clusters: List[str],
    quotes: List[str],
    source_field: str = ...,
) -> List[str]: ...
