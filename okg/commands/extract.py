"""`okg extract`: extraction records per document, as JSON lines or a table."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from extraction import extract_file
from extraction.records import DocumentRecord
from loaders.batch import expand_paths
from loaders.decode import LoadError
from okg.app import app
from okg.progress import report_unreadable, with_progress


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _table(record: DocumentRecord, console: Console) -> None:
    console.rule(Text.assemble((record.doc, "bold"), f" {record.place or ''} {record.date or ''}"))
    posts = Table("person", "title", "organization", "evidence", title="positions")
    for p in record.positions:
        posts.add_row(p.person, p.title, p.org, _where(p.evidence))
    console.print(posts)
    events = Table("id", "event", "type", "date", "evidence", title="events")
    for e in record.events:
        events.add_row(e.id, e.name, e.type, e.date or "", _where(e.evidence))
    console.print(events)
    parts = Table("person", "event", "roles", "evidence", title="participations")
    names = {e.id: e.name for e in record.events}
    for p in record.participations:
        parts.add_row(p.person, names.get(p.event, p.event), ", ".join(p.roles), _where(p.evidence))
    console.print(parts)


def _where(evidence: list) -> str:
    if not evidence:
        return ""
    e = evidence[0]
    return f"[{e.start}:{e.end}] {e.text[:30]}"


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Text files, or folders of *.txt files."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="jsonl for programs."),
) -> None:
    """Extract persons, posts, events and participations, each with its evidence.

    Example: [bold]okg extract seeds/*.txt --format jsonl > records.jsonl[/]

    jsonl writes one record per document (../shared/eval/FORMAT.md, plus evidence:
    document, article, sentence and the sentence's span in the original file); table
    shows the same for a person to read. Large files are read in parts, so memory stays
    bounded. A file that cannot be read is reported on stderr as `okg: FILE: REASON`
    and the others are still read. Exit status: 0 when at least one file was read, 1
    when none could be.
    """
    console, err = Console(markup=False), Console(stderr=True)  # text from files is not markup
    read = 0
    for source in with_progress(expand_paths(paths), "extracting", err):
        try:
            if source.error:
                raise LoadError(source.error)
            record = extract_file(source.path)
        except LoadError as exc:
            report_unreadable(err, source.path, str(exc))
            continue
        read += 1
        if format is Format.jsonl:
            sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        else:
            _table(record, console)
    if read == 0:
        raise typer.Exit(1)
