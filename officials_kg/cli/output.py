"""How every `okg` command prints what it found: for people a table or a line, for programs
one JSON shape per kind of output, the same in every command (docs/cli.md, *Output for
programs*). A command says which kind it prints by the option it takes:

- rows, the answer of a query (`okg query`, `cypher`, `sparql`): `RowsJson`, one JSON array
  of objects, each with the columns in order; `CsvOption`, a header line and a line a row;
- a summary of what a command did or counted (`okg ingest`, `stats`, `export`, `view`,
  `evaluate`): `SummaryJson`, one JSON object;
- a stream of records, one per document or article (`okg extract`, `articles`):
  `StreamJson`, JSON Lines, each written as soon as it is made, so that memory stays
  bounded and a reader starts at once.

Every JSON object is written on a line of its own, with its text as it is (no \\u escapes):
an array of rows puts one row a line between its brackets, so that `grep` and `head` still
work on it, and `json.load` reads any of the three outputs but a stream, which is read a
line at a time.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table


class Shape(StrEnum):
    """The kinds of output, each with its one JSON shape."""

    rows = "rows"
    summary = "summary"
    stream = "stream"


JSON_HELP = {
    Shape.rows: "Rows as one JSON array of objects, one a line (docs/cli.md).",
    Shape.summary: "The summary as one JSON object on stdout (docs/cli.md).",
    Shape.stream: "JSON Lines: one object a line, per record (docs/cli.md).",
}
"""The help of each kind's --json: tests/test_cli_output.py tells a command's kind by it."""

RowsJson = Annotated[bool, typer.Option("--json", help=JSON_HELP[Shape.rows])]
SummaryJson = Annotated[bool, typer.Option("--json", help=JSON_HELP[Shape.summary])]
StreamJson = Annotated[bool, typer.Option("--json", help=JSON_HELP[Shape.stream])]
CsvOption = Annotated[bool, typer.Option("--csv", help="Rows as CSV with a header line.")]

LONG_ITEM = 20  # characters: lists with a longer item print one item a line in tables
SHORT = 12  # terminal cells: a column of values no wider than this is never folded in tables
FOLDED = 10  # terminal cells: the narrowest a column of longer values is folded to


def json_line(value: Mapping[str, Any]) -> str:
    """An object as one line of JSON, its text as it is; values JSON has no type for (a
    Neo4j date) as their text."""
    return json.dumps(value, ensure_ascii=False, default=str)


def print_object(value: Mapping[str, Any]) -> None:
    """A summary, or one record of a stream: one JSON object on a line of stdout."""
    sys.stdout.write(json_line(value) + "\n")


def check_row_format(as_json: bool, as_csv: bool) -> None:
    """Refuse --json and --csv together (usage: exit status 2)."""
    if as_json and as_csv:
        raise typer.BadParameter("give --json or --csv, not both")


def print_rows(
    rows: Sequence[Mapping[str, Any]],
    as_json: bool,
    as_csv: bool,
    title: str,
    columns: Sequence[str] | None = None,
) -> None:
    """Rows as one JSON array, CSV (lists joined with "; ") or a table (lists one item a
    line if long; a card per row where the terminal is too narrow for a table)."""
    columns = list(columns or (list(rows[0]) if rows else []))
    if as_json:
        ordered = [{c: row[c] for c in columns} for row in rows]
        sys.stdout.write("[" + ",\n ".join(map(json_line, ordered)) + "]\n")
        return
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(row[c], "; ") for c in columns] for row in rows)
        return
    console = Console(highlight=False)  # rich's highlighter takes a minute over a long name
    widths = _widths(rows, columns, console.width - 3 * len(columns) - 1)
    if widths is None:  # too narrow for a table: one block of `column value` lines a row
        console.print(_records(rows, columns, title))
    else:
        console.print(_table(rows, columns, title, widths))


def _cell(value: Any, sep: str) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return sep.join(map(str, value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _text(value: Any) -> str:
    """A cell: a list with a long item one item a line, a short list on one line."""
    long = isinstance(value, list) and any(cell_len(str(x)) > LONG_ITEM for x in value)
    return escape(_cell(value, "\n" if long else ", "))


def _widths(
    rows: Sequence[Mapping[str, Any]], columns: list[str], room: int
) -> dict[str, int] | None:
    """Each column's width in `room` cells: ids and short values (names, dates) whole, the
    rest sharing what is left, folded, at least FOLDED wide; None if that does not fit."""
    widest = {c: max([cell_len(c)] + [cell_len(_cell(r[c], ", ")) for r in rows]) for c in columns}
    whole = {c: w for c, w in widest.items() if c == "id" or w <= SHORT}
    folded = [c for c in columns if c not in whole]
    share = (room - sum(whole.values())) // max(len(folded), 1)
    if share < FOLDED:
        return None
    return whole | {c: min(widest[c], share) for c in folded}


def _count(rows: Sequence[Mapping[str, Any]]) -> str:
    return f"{len(rows)} row" if len(rows) == 1 else f"{len(rows)} rows"


def _table(
    rows: Sequence[Mapping[str, Any]], columns: list[str], title: str, widths: dict[str, int]
) -> Table:
    table = Table(title=title, caption=_count(rows), show_lines=True)
    for c in columns:
        table.add_column(c, overflow="fold", width=widths[c])
    for row in rows:
        table.add_row(*(_text(row[c]) for c in columns))
    return table


def _records(rows: Sequence[Mapping[str, Any]], columns: list[str], title: str) -> Table:
    """A card per row: each column a line of its own, its label beside its value however
    many lines the value folds to, and a rule between cards."""
    table = Table(title=title, caption=_count(rows), show_header=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for row in rows:
        for i, c in enumerate(columns):
            table.add_row(c, _text(row[c]), end_section=i == len(columns) - 1)
    return table
