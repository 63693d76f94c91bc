"""Input files: the kind a file's name tells, and the name of the document a file holds.

A document is named by its file's stem, the name without directory and last extension
(seeds/001_59368bcfbef6e951.txt is 001_59368bcfbef6e951): the name a gold file and a
record give it, from which its ids are made (docs/model.md). Two files of one folder may
share a stem (story.html and story.pdf: a page saved, and printed). Each of those is named
by its whole file name instead (story.html, story.pdf): otherwise the second would pass for
the first, already loaded, and be left out. A file whose stem no other input file of its
folder has keeps its stem.

A name depends on the file and on its folder's listing only, not on what else a command is
given nor in which order nor by how many processes, so that an ingest run again finds the
documents it loaded. Adding story.pdf beside a story.html loaded before renames the page:
it is loaded again as story.html (docs/inputs.md).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from officials_kg.loaders.decode import name_text

__all__ = ["SUFFIXES", "document_name", "is_input", "suffix_of"]

SUFFIXES = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".warc": "warc",
    ".warc.gz": "warc",
}
"""The kind of file each name ending stands for; other files are told by their bytes."""

NAMED_BY_FILE = frozenset(s for s, kind in SUFFIXES.items() if kind != "warc")
"""The endings of files that are one document each, named after the file (a web archive's
pages are named by their addresses)."""

SETTLED_NS = 1_000_000_000
"""A folder's listing is kept while the folder is unchanged (its modification time), once
that time is a second old: a change within the same tick of a coarse file system clock
would not show in it."""
MAX_LISTINGS = 256

_listings: dict[str, tuple[tuple[int, int, int], dict[str, list[str]]]] = {}


def suffix_of(path: Path) -> str:
    """The name's ending that tells its kind: `.warc.gz` is one, `.gz` alone is none."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def is_input(path: Path) -> bool:
    """Whether a file in a folder is one to read: its name says it is an input."""
    return suffix_of(path) in SUFFIXES


def document_name(path: Path) -> str:
    """The name of the document of a text file, a web page or a PDF: its stem, or its whole
    file name if another input file of its folder has that stem too (the module's doc).
    In text that UTF-8 can hold (`name_text`)."""
    stem = path.stem
    shared = any(name != path.name for name in _by_stem(path.parent).get(stem, ()))
    return name_text(path.name if shared else stem)


def _by_stem(folder: Path) -> dict[str, list[str]]:
    """The names of the folder's files that are one document each, by stem; none if the
    folder cannot be listed. Listed once per folder while it is unchanged: naming each file
    of a folder of 10,000 is not 10,000 listings."""
    try:
        stat = os.stat(folder)
        key = (stat.st_dev, stat.st_ino, stat.st_mtime_ns)
        where = os.fspath(folder)
        kept = _listings.get(where)
        if kept is not None and kept[0] == key:
            return kept[1]
        stems: dict[str, list[str]] = {}
        with os.scandir(folder) as entries:
            for entry in entries:
                if suffix_of(Path(entry.name)) in NAMED_BY_FILE and not entry.is_dir():
                    stems.setdefault(Path(entry.name).stem, []).append(entry.name)
    except OSError:
        return {}
    if time.time_ns() - stat.st_mtime_ns > SETTLED_NS:
        if len(_listings) >= MAX_LISTINGS:
            _listings.clear()
        _listings[where] = (key, stems)
    return stems
