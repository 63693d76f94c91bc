"""The command line's PATH arguments, as documents or as reasons they could not be read.

Every command that reads files (articles, extract, ingest) goes through here, so each
reports a bad file the same way (`okg: FILE: REASON`) and goes on with the rest:

    for path, doc, error in iter_documents(paths):
        if error:
            ...  # report, count, continue
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from officials_kg.loaders.document import Document
from officials_kg.loaders.files import is_input
from officials_kg.loaders.inputs import read_file

__all__ = ["Loaded", "Source", "expand_paths", "iter_documents", "load"]

FOLDER_WITHOUT_INPUTS = "folder has no .txt, .html, .pdf or .warc files"


class Source(NamedTuple):
    """A file to read, or a path that names none and why."""

    path: Path
    error: str | None = None


class Loaded(NamedTuple):
    """One document's outcome: the document, or the reason a file (or a page of a web
    archive, which holds many) gave none."""

    path: Path
    document: Document | None
    error: str | None


def expand_paths(paths: Iterable[Path]) -> list[Source]:
    """Files as named; folders as their files of the kinds read (loaders/inputs.py: .txt,
    web pages, PDFs, web archives), sorted (a folder with none is an error). A file named
    twice, or inside a folder also named, is read once."""
    sources: list[Source] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.iterdir() if is_input(p) and (p.is_file() or _broken_link(p))
            )
            if not found:
                sources.append(Source(path, FOLDER_WITHOUT_INPUTS))
            candidates = found
        else:
            candidates = [path]
        for file in candidates:
            key = Path(os.path.realpath(file))  # Path.resolve raises on a symlink loop
            if key not in seen:
                seen.add(key)
                sources.append(Source(file))
    return sources


def _broken_link(path: Path) -> bool:
    """A link to nothing, or a symlink loop: a file the folder means to hold, which is
    reported rather than passed over."""
    return path.is_symlink() and not path.exists()


def load(source: Source) -> Iterator[Loaded]:
    """The documents of one source (a web archive holds many), each read as it is asked
    for; a `LoadError` becomes a reason, any other error is a bug."""
    if source.error:
        yield Loaded(source.path, None, source.error)
        return
    for document, error in read_file(source.path):
        yield Loaded(source.path, document, error)


def iter_documents(paths: Iterable[Path]) -> Iterator[Loaded]:
    """Each document of `paths` in turn, loaded lazily: one in memory at a time."""
    for source in expand_paths(paths):
        yield from load(source)
