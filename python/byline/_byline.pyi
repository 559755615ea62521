# Type stubs of the native extension module (hand-written; checked by mypy.stubtest).
from typing import Any, List, Optional, Sequence, Tuple

from typing_extensions import final

__all__ = ["NativePipeline", "available_extractors", "render_html", "__version__"]
__version__: str

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
    ) -> str: ...
    def process_batch(
        self, records: List[Any], threads: Optional[int] = None
    ) -> List[Tuple[str, Optional[str], Optional[str]]]: ...

def available_extractors() -> List[str]: ...
def render_html(text: str, record_json: str) -> str: ...
