"""Loads the extractor in the process that forks `okg ingest --jobs N`'s workers.

graph/workers.py names this module as the fork server's preload: importing it there runs
the extractor once (`warm_up`), so that each worker forked afterwards starts with jieba,
the lexicons and the compiled patterns in memory instead of loading them itself.
"""

from officials_kg.extraction import extract_document
from officials_kg.loaders.document import build_document

_WARM_UP_TEXT = (
    "2024年3月5日，市委召开常委会会议，市长王某出席并讲话。\n"
    "市委常委、宣传部部长到县人民医院调研，县委书记陪同。\n"
)
"""A short text that reaches the extractor's rules; its one name is an anonymised one:
names of people never appear in code."""


def warm_up() -> None:
    """Extract a short text, so that jieba, the lexicons and the patterns the extractor
    loads on first use are loaded."""
    extract_document(build_document("warm-up", "warm-up", _WARM_UP_TEXT))


warm_up()
