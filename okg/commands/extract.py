"""`okg extract`: extraction records per document, as JSON lines or a table."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from extraction import extract_document
from extraction.records import DocumentRecord
from loaders.decode import LoadError
from loaders.document import load_document
from okg.app import app


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _paths(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return out


def _table(record: DocumentRecord, console: Console) -> None:
    console.rule(f"[bold]{record.doc}[/] {record.place or ''} {record.date or ''}")
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

    Example: okg extract seeds/*.txt --format jsonl > records.jsonl
    """
    console = Console()
    read = 0
    for path in _paths(paths):
        try:
            doc = load_document(path)
        except LoadError as exc:
            print(f"okg: {path}: {exc}", file=sys.stderr)
            continue
        record = extract_document(doc)
        read += 1
        if format is Format.jsonl:
            sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        else:
            _table(record, console)
    if read == 0:
        raise typer.Exit(1)
