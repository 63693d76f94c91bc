"""Extraction: persons, posts, bodies, events and participations, each with its evidence."""

from pathlib import Path

from officials_kg.extraction import pipeline
from officials_kg.extraction.merge import merge_records
from officials_kg.extraction.pipeline import extract_document
from officials_kg.extraction.records import DocumentRecord
from officials_kg.loaders.stream import iter_parts


def extract_file(path: Path) -> DocumentRecord:
    """The record of one file, read in parts if it is large (memory stays bounded);
    raises loaders.decode.LoadError for a file that cannot be read."""
    return merge_records(extract_document(doc) for doc in iter_parts(path))


def is_compiled() -> bool:
    """Whether the extractor runs as the C extensions that mypyc builds into a wheel
    (setup.py) rather than as the Python source: benchmarks say which they measured."""
    return not pipeline.__file__.endswith(".py")


__all__ = ["DocumentRecord", "extract_document", "extract_file", "is_compiled"]
