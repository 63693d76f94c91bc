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

from loaders.decode import LoadError
from loaders.document import Document, load_document


class Source(NamedTuple):
    """A file to read, or a path that names none and why."""

    path: Path
    error: str | None = None


class Loaded(NamedTuple):
    """One file's outcome: its document, or the reason it has none."""

    path: Path
    document: Document | None
    error: str | None


def expand_paths(paths: Iterable[Path]) -> list[Source]:
    """Files as named; folders as their `*.txt` files, sorted (a folder with none is an
    error). A file named twice, or inside a folder also named, is read once."""
    sources: list[Source] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt") if p.is_file() or _broken_link(p))
            if not found:
                sources.append(Source(path, "folder has no .txt files"))
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


def load(source: Source) -> Loaded:
    """Read one source; a `LoadError` becomes its reason, any other error is a bug."""
    if source.error:
        return Loaded(source.path, None, source.error)
    try:
        return Loaded(source.path, load_document(source.path), None)
    except LoadError as exc:
        return Loaded(source.path, None, str(exc))


def iter_documents(paths: Iterable[Path]) -> Iterator[Loaded]:
    """Each file of `paths` in turn, loaded lazily: one document in memory at a time."""
    for source in expand_paths(paths):
        yield load(source)
