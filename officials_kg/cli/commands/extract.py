"""`okg extract`: extraction records per document, as JSON lines or a table."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from functools import partial
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from officials_kg.cli.app import app
from officials_kg.cli.output import StreamJson, print_object
from officials_kg.cli.progress import report_unreadable, with_progress
from officials_kg.extraction import extract_document, extract_file
from officials_kg.extraction.records import DocumentRecord
from officials_kg.loaders.batch import Source, expand_paths
from officials_kg.loaders.decode import LoadError
from officials_kg.loaders.inputs import kind_of, read_file
from officials_kg.loaders.origin import page_of


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _table(record: DocumentRecord, console: Console) -> None:
    url = f" {record.url}" if record.url and record.url != record.doc else ""
    heading = f"{url} {record.place or ''} {record.date or ''}"
    console.rule(Text.assemble((record.doc, "bold"), heading))
    where = partial(_where, record.pages)
    posts = Table("person", "title", "organization", "evidence", title="positions")
    for p in record.positions:
        posts.add_row(p.person, p.title, p.org, where(p.evidence))
    console.print(posts)
    events = Table("id", "event", "type", "date", "evidence", title="events")
    for e in record.events:
        events.add_row(e.id, e.name, e.type, e.date or "", where(e.evidence))
    console.print(events)
    parts = Table("person", "event", "roles", "evidence", title="participations")
    names = {e.id: e.name for e in record.events}
    for p in record.participations:
        parts.add_row(p.person, names.get(p.event, p.event), ", ".join(p.roles), where(p.evidence))
    console.print(parts)


def _where(pages: list[int], evidence: list) -> str:
    """The first sentence a fact was read from: its span in the original, or for a PDF
    its page and its span in that page's text."""
    if not evidence:
        return ""
    e = evidence[0]
    page, start = page_of(pages, e.start)
    span = f"p. {page} {start}:{start + e.end - e.start}" if pages else f"{e.start}:{e.end}"
    return f"[{span}] {e.text[:30]}"


def records_of(source: Source) -> Iterator[tuple[DocumentRecord | None, str | None]]:
    """The record of each document of a source, or why there is none: a file gives one
    (read in parts if it is large), a web archive one per page."""
    try:
        if source.error:
            raise LoadError(source.error)
        if kind_of(source.path) != "warc":
            yield extract_file(source.path), None
            return
        for document, error in read_file(source.path):
            yield (extract_document(document), None) if document else (None, error)
    except LoadError as exc:
        yield None, str(exc)


@app.command()
def extract(
    paths: list[Path] = typer.Argument(
        ...,
        help="Text files, web pages (.html .htm .shtml .xhtml, or told by their content), "
        "PDFs, web archives (.warc, .warc.gz), or folders of these.",
    ),
    format: Format = typer.Option(
        Format.table, "--format", "-f", help="jsonl for programs, the same as --json."
    ),
    as_json: StreamJson = False,
) -> None:
    """Extract persons, posts, events and participations, each with its evidence.

    Example: [bold]okg extract seeds/*.txt --format jsonl > records.jsonl[/]

    jsonl (or --json) writes one record per document (eval/FORMAT.md, plus evidence:
    document, article, sentence and the sentence's span in the original text; and where
    the document came from: "url", a web page's address, "pages", where a PDF's pages
    start in the original text, "place_from" and "date_from", text or metadata). A web
    archive gives one record per HTML page, named by its address. table
    shows the same for a person to read. Large files are read in parts, so memory stays
    bounded. A file that cannot be read is reported on stderr as `okg: FILE: REASON`
    and the others are still read. Exit status: 0 when at least one file was read, 1
    when none could be.
    """
    # text from files is neither markup nor to be highlighted (rich's highlighter takes a
    # minute over a long name full of `<`)
    console, err = Console(markup=False, highlight=False), Console(stderr=True)
    read = 0
    for source in with_progress(expand_paths(paths), "extracting", err):
        for record, error in records_of(source):
            if record is None:
                report_unreadable(err, source.path, error or "")
                continue
            read += 1
            if as_json or format is Format.jsonl:
                print_object(record.to_dict())
            else:
                _table(record, console)
    if read == 0:
        raise typer.Exit(1)
