"""Large files, read in parts so that memory stays bounded whatever the file's size.

A bound volume of a paper, or a year of bulletins, can run to hundreds of megabytes.
Such a file is decoded incrementally and cut at paragraph breaks into parts of about
`PART_CHARS` characters; each part becomes a `Document` whose offsets, article and
sentence indices continue those of the part before, so evidence still points into the
whole file. A file small enough to read at once gives one part: `load_document` itself.
"""

from __future__ import annotations

import codecs
from array import array
from collections.abc import Iterator
from pathlib import Path

from officials_kg.loaders.decode import MAX_BYTES, LoadError, encoding_of, name_text, os_reason
from officials_kg.loaders.document import Document, build_document, load_document
from officials_kg.loaders.files import document_name
from officials_kg.loaders.inputs import kind_of, load_source
from officials_kg.loaders.mapped import MappedText

__all__ = ["SAMPLE_BYTES", "iter_parts"]

PART_CHARS = 2_000_000
"""Characters per part: a few hundred pages, a few tens of MB of memory to process."""
BLOCK_BYTES = 1 << 20
SAMPLE_BYTES = 1 << 16
BOM_BYTES = 4  # the longest byte order mark, UTF-32's


def iter_parts(
    path: Path,
    part_chars: int = PART_CHARS,
    max_bytes: int = MAX_BYTES,
    sample_bytes: int = SAMPLE_BYTES,
) -> Iterator[Document]:
    """The documents of one file: itself if it fits in `max_bytes`, else its parts, in the
    encoding its first `sample_bytes` say. A web page or a PDF is one document, read whole
    (loaders/inputs.py)."""
    name = document_name(path)
    if kind_of(path) != "text":
        yield load_source(path, name)
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError(os_reason(exc)) from exc
    if size <= max_bytes or path.is_dir():
        yield load_document(path, name)
        return
    yield from _stream(path, name, _encoding(path, sample_bytes), part_chars)


def _encoding(path: Path, sample_bytes: int) -> str:
    """The encoding of a large file, from its first bytes (decode_bytes' rules), which may
    end inside a character: a line end is no cut to make, as a UTF-16 or UTF-32 newline's
    first byte is not its last, and a page may hold no line end at all."""
    wanted = max(sample_bytes, BOM_BYTES)  # a byte order mark is read whole, however small
    with path.open("rb") as f:
        sample = f.read(wanted)
    return encoding_of(sample, final=len(sample) < wanted)


def _stream(path: Path, name: str, encoding: str, part_chars: int) -> Iterator[Document]:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    buffer = ""
    consumed = 0  # characters of the file before `buffer`
    articles = sentences = 0
    blank = True  # so far
    with path.open("rb") as f:
        while True:
            block = f.read(BLOCK_BYTES)
            try:
                buffer += decoder.decode(block, final=not block)  # the last call flushes
            except UnicodeDecodeError as exc:
                raise LoadError(f"undecodable bytes near byte {f.tell()} ({encoding})") from exc
            while len(buffer) >= part_chars:
                cut = _paragraph_break(buffer, part_chars)
                blank = blank and not buffer[:cut].strip()
                doc = _part(path, name, buffer[:cut], consumed, articles, sentences, encoding)
                yield doc
                articles += len(doc.articles)
                sentences += len(doc.sentences)
                consumed += cut
                buffer = buffer[cut:]
            if not block:
                break
    if buffer.strip():
        yield _part(path, name, buffer, consumed, articles, sentences, encoding)
    elif blank:
        raise LoadError("empty file")


def _paragraph_break(text: str, near: int) -> int:
    """Where to cut: the last blank line (else line end) before `near`, else `near`."""
    for mark in ("\n\n", "\n"):
        at = text.rfind(mark, near // 2, near)
        if at > 0:
            return at + len(mark)
    return near


def _part(
    path: Path, name: str, text: str, offset: int, articles: int, sentences: int, encoding: str
) -> Document:
    """A document of one part of the document `name`, its offsets and indices shifted to
    the whole file's."""
    doc = build_document(name, name_text(str(path)), text, encoding)
    shifted = array("q", (o + offset for o in doc.clean.offsets))
    doc.clean = MappedText(doc.clean.text, shifted, doc.clean.substituted)
    doc.original_start = offset
    for article in doc.articles:
        article.index += articles
        for sentence in article.sentences:
            sentence.index += sentences
    return doc
