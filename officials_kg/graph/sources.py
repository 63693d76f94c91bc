"""Finding the documents to load: files and folders to items, one per document.

Inputs are text files, web pages, PDFs and the pages of web archives (loaders/inputs.py),
or records already extracted: `.jsonl` files of `okg extract --format jsonl` and `.json`
files of one record (the gold files). An item names its document and says where it is,
without reading or holding it: a run keeps one per pending document. What cannot be found
or read here (an empty folder, a broken archive, a line that is not a record) is a Failure,
and the rest goes on.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from officials_kg.graph.record_json import record_name
from officials_kg.graph.report import Failure
from officials_kg.loaders.decode import LoadError, name_text, os_reason
from officials_kg.loaders.files import document_name, is_input
from officials_kg.loaders.inputs import kind_of, warc_entries

RECORD_SUFFIXES = (".jsonl", ".json")


@dataclass(frozen=True, slots=True)
class RecordAt:
    """A record in a file: a `.json` file of one, or the line of a `.jsonl` file that
    starts at `offset`. Items point at their record rather than hold it, so that a run
    keeps a few bytes per pending document, not the records themselves (160 MB for 10,000
    generated pages). `line` is the line's number, 0 for a `.json` file; `str` gives
    `path:line`, which failures and the progress report show."""

    path: Path
    offset: int = 0
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def read(self) -> bytes:
        with self.path.open("rb") as f:
            f.seek(self.offset)
            return f.readline() if self.path.suffix == ".jsonl" else f.read()


@dataclass(frozen=True, slots=True)
class PageAt:
    """A page of a web archive: the record that starts at `offset`, fetched from `uri`
    (its document's name). `str` gives `archive@offset (uri)`."""

    path: Path
    offset: int
    uri: str

    def __str__(self) -> str:
        return f"{self.path}@{self.offset} ({self.uri})"


Item = tuple[str, Path | RecordAt | PageAt]
"""(document name, a text file or where its record is). `str` of the second says where the
document comes from, made when needed: a run holds one item per pending document."""


def input_files(paths: Iterable[Path], failures: list[Failure]) -> list[Path]:
    """Files as given; folders give their files of the kinds read (loaders/inputs.py: text,
    web pages, PDFs, web archives) and their *.jsonl and *.json files, sorted. A folder
    with none is a failure, as `okg articles` and `okg extract` say of theirs."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if (is_input(p) or p.suffix in RECORD_SUFFIXES) and p.is_file()
            )
            if not found:
                failures.append(
                    Failure(
                        str(path), "folder has no .txt, .html, .pdf, .warc, .jsonl or .json files"
                    )
                )
            files.extend(found)
        else:
            files.append(path)
    return files


def read_items(files: Iterable[Path], failures: list[Failure]) -> Iterator[Item]:
    """One item per document (a web archive's pages each one); unreadable record files and
    lines, broken archives, and files whose documents would have the name of another
    file's (`_left_out`), go to `failures`."""
    files = list(files)
    left_out = _left_out(files, failures)
    for path in files:
        if path.suffix not in RECORD_SUFFIXES and kind_of(path) == "warc":
            try:
                for uri, offset in warc_entries(path):
                    yield uri, PageAt(path, offset, uri)
            except LoadError as exc:
                failures.append(Failure(str(path), str(exc)))
            continue
        if path.suffix not in RECORD_SUFFIXES:
            if not left_out or os.path.realpath(path) not in left_out:
                yield document_name(path), path  # the name load_source gives the document
            continue
        try:
            for n, (offset, line) in enumerate(_records(path), 1):
                at = RecordAt(path, offset, n if path.suffix == ".jsonl" else 0)
                if not line.strip():
                    continue
                try:
                    doc = record_name(line)
                except (ValueError, RecursionError) as exc:
                    failures.append(Failure(str(at), f"not a record: {exc}"))
                    continue
                yield doc, at
        except OSError as exc:
            failures.append(Failure(str(path), os_reason(exc)))


def _left_out(files: list[Path], failures: list[Failure]) -> set[str]:
    """The real paths of the files not to load: of distinct files whose documents would
    have one name (two folders' 01.txt; loaders/files.py names files apart within a folder
    only), the one whose real path sorts first is loaded, whatever the order they are given
    in, so that a run again finds it there; each of the others is a failure that says so.
    A file given twice is one document, loaded once."""
    by_name: dict[str, list[Path]] = {}
    for path in files:
        if path.suffix not in RECORD_SUFFIXES and kind_of(path) != "warc":
            by_name.setdefault(document_name(path), []).append(path)
    left: set[str] = set()
    for name, paths in by_name.items():
        if len(paths) == 1:
            continue
        named = {os.path.realpath(path): path for path in reversed(paths)}  # each's first
        kept, *others = sorted(named)
        for real in others:
            left.add(real)
            failures.append(
                Failure(
                    str(named[real]),
                    f"its document would be named {name}, as that of "
                    f"{name_text(str(named[kept]))} is: rename one of them to load both (a "
                    "file's document is named by its file name without folder and extension)",
                )
            )
    return left


def _records(path: Path) -> Iterator[tuple[int, bytes]]:
    """(offset, bytes) of each line of a `.jsonl` file, or of the whole of a `.json` one,
    read as a stream. A byte order mark, which some editors write, is skipped: the first
    record starts after it."""
    with path.open("rb") as f:
        offset = len(codecs.BOM_UTF8) if f.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8 else 0
        f.seek(offset)
        if path.suffix != ".jsonl":
            yield offset, f.read()
            return
        for line in f:
            yield offset, line
            offset += len(line)
