"""The project's own measure of its extractor: extraction records scored against gold
annotations (eval/), per kind of fact, per document and in total, by the rules of the shared
referee. `okg evaluate` is its command; tests and benchmarks call it directly."""

from officials_kg.evaluation.files import GoldError, is_record_file, load_gold, read_records
from officials_kg.evaluation.score import (
    METRICS,
    Counts,
    Report,
    diff_document,
    evaluate,
    score_document,
)

__all__ = [
    "METRICS",
    "Counts",
    "GoldError",
    "Report",
    "diff_document",
    "evaluate",
    "is_record_file",
    "load_gold",
    "read_records",
    "score_document",
]
