"""Web archives: every HTML response of a `.warc` or `.warc.gz` file, one page each, with
the address it was fetched from and when (warcio reads the records as a stream, so an
archive of any size is read one page at a time).

A record's offset in the file is kept, so that one page can be read again alone (the
ingest's workers are handed a page's place, not its bytes).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from officials_kg.loaders.decode import MAX_BYTES, LoadError

__all__ = ["WarcPage", "iter_pages", "looks_like_warc", "read_page_at"]

WARC_START = (b"WARC/1.", b"\x1f\x8b")  # a plain archive, or a gzip file (told apart on reading)
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class WarcPage:
    """An HTML response: its target URI, capture date (WARC-Date), offset and body."""

    uri: str
    captured: str | None
    offset: int
    data: bytes


def looks_like_warc(head: bytes) -> bool:
    """Whether a file's first bytes open a WARC record, or a gzip member (whose content
    is checked when it is read: a `.gz` of something else says so then)."""
    return head.startswith(WARC_START)


def _html_response(record: object) -> bool:
    if getattr(record, "rec_type", None) != "response":
        return False
    http = getattr(record, "http_headers", None)
    kind = (http.get_header("Content-Type") or "") if http else ""
    return kind.split(";")[0].strip().lower() in HTML_TYPES


def iter_pages(path: Path, start: int = 0, limit: int | None = None) -> Iterator[WarcPage]:
    """The HTML responses of the archive from byte `start` on, `limit` of them at most.
    Raises LoadError if the archive is broken (a truncated gzip, not a WARC) where it
    breaks, after the pages before it, or if it holds no HTML response at all."""
    found = 0
    try:
        with path.open("rb") as stream:
            stream.seek(start)
            records = ArchiveIterator(stream)
            for record in records:
                if not _html_response(record):
                    continue
                data = record.content_stream().read(MAX_BYTES + 1)
                offset = records.get_record_offset()  # warcio's: from the file's start
                if len(data) <= MAX_BYTES and getattr(record.raw_stream, "limit", 0) > 0:
                    raise EOFError("its last record ends before its declared length")
                if len(data) > MAX_BYTES:
                    continue  # not a page: the reader refuses such a body elsewhere too
                headers = record.rec_headers
                uri = headers.get_header("WARC-Target-URI") or f"{path}@{offset}"
                yield WarcPage(uri, headers.get_header("WARC-Date"), offset, data)
                found += 1
                if limit is not None and found >= limit:
                    return
    except OSError as exc:
        raise LoadError(exc.strerror or str(exc)) from exc
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, AttributeError) as exc:
        # AttributeError: warcio's, reading a response that has no WARC-Target-URI
        where = f" after {found} pages" if found else ""
        reason = "a record without its WARC-Target-URI" if isinstance(exc, AttributeError) else ""
        raise LoadError(f"broken web archive{where}: {reason or _reason(exc)}") from exc
    if not found:
        raise LoadError("web archive holds no HTML response")


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text if len(text) < 120 else text[:117] + "…"


def read_page_at(path: Path, offset: int) -> WarcPage:
    """The HTML response whose record starts at `offset` (from `iter_pages`)."""
    return next(iter_pages(path, offset, limit=1))
