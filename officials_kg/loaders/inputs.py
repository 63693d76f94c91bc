"""Inputs as users have them: text files, saved web pages, PDF pages and web archives,
each told by its name or, without a known extension, by its first bytes, and each read
into the same `Document` that the extraction reads.

A text file, a page or a PDF is one document; a web archive is one per HTML response,
named by its address. A file's document is named by its stem, or by its whole name where
its folder holds another input file of that stem (loaders/files.py). What a page or PDF
says of itself (its address, site, date, pages) goes with the document as its `Origin`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from officials_kg.loaders.decode import MAX_BYTES, LoadError, name_text
from officials_kg.loaders.document import Document, build_document, load_document
from officials_kg.loaders.files import SUFFIXES, document_name, suffix_of
from officials_kg.loaders.html import Page, looks_like_html, read_page
from officials_kg.loaders.origin import Origin
from officials_kg.loaders.pdf import looks_like_pdf, read_pdf
from officials_kg.loaders.warc import WarcPage, iter_pages, looks_like_warc, read_page_at

__all__ = ["Read", "kind_of", "load_source", "load_warc_page", "read_file", "warc_entries"]


class Read(NamedTuple):
    """One document of a file, or why a file (or a page of an archive) gave none."""

    document: Document | None
    error: str | None


def kind_of(path: Path) -> str:
    """text, html, pdf or warc: by the name's ending, else by the first bytes (a page
    saved without extension), else text (which the text reader judges)."""
    known = SUFFIXES.get(suffix_of(path))
    if known:
        return known
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return "text"  # the text reader says what is wrong with it
    if looks_like_pdf(head):
        return "pdf"
    if looks_like_warc(head):
        return "warc"
    return "html" if looks_like_html(head) else "text"


def _bytes(path: Path) -> bytes:
    if not path.exists():
        raise LoadError("no such file")
    if path.stat().st_size > MAX_BYTES:
        raise LoadError(f"file too large (over {MAX_BYTES // 2**20} MiB)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(exc.strerror or str(exc)) from exc


def _page_document(doc_id: str, path: str, page: Page, kind: str, captured: str | None) -> Document:
    origin = Origin(kind, page.url, page.site, page.title, page.date, captured)
    return build_document(doc_id, path, page.text, page.encoding, origin)


def warc_document(page: WarcPage, archive: Path) -> Document:
    """The document of an archived page, named by its address; its path is the archive's
    with the record's offset, `crawl.warc.gz@1234`, where `warcio extract` finds it."""
    where = f"{name_text(str(archive))}@{page.offset}"
    data = read_page(page.data, page.uri)
    return _page_document(page.uri, where, data, "warc", page.captured)


def load_source(path: Path, name: str | None = None) -> Document:
    """The one document of a text file, a web page or a PDF, named `name` (by default
    `document_name(path)`); raises LoadError (a web archive holds many: `read_file` reads
    them)."""
    kind = kind_of(path)
    if kind == "warc":
        raise LoadError("a web archive holds many documents: okg extract and okg ingest read it")
    name, where = name or document_name(path), name_text(str(path))
    if kind == "html":
        return _page_document(name, where, read_page(_bytes(path)), "html", None)
    if kind == "pdf":
        if not path.exists():
            raise LoadError("no such file")
        pdf = read_pdf(path)
        return build_document(name, where, pdf.text, "pdf", Origin("pdf", pages=pdf.pages))
    return load_document(path, name)


def read_file(path: Path) -> Iterator[Read]:
    """Every document of a file: one, or one per page of a web archive, a page that gives
    none reported by its address and the archive read on."""
    if kind_of(path) != "warc":
        try:
            yield Read(load_source(path), None)
        except LoadError as exc:
            yield Read(None, str(exc))
        return
    try:
        for page in iter_pages(path):
            try:
                yield Read(warc_document(page, path), None)
            except LoadError as exc:
                yield Read(None, f"{page.uri} (record at byte {page.offset}): {exc}")
    except LoadError as exc:
        yield Read(None, str(exc))


def warc_entries(path: Path) -> Iterator[tuple[str, int]]:
    """The address and record offset of each page of a web archive (for the ingest,
    which reads each again in a worker with `load_warc_page`); raises LoadError."""
    for page in iter_pages(path):
        yield page.uri, page.offset


def load_warc_page(path: Path, offset: int) -> Document:
    """The document of the archived page whose record starts at `offset`."""
    return warc_document(read_page_at(path, offset), path)
