"""`okg query`, `okg cypher` and `okg sparql`: canned questions, or a user's own read-only query.

Rows print as a table for people, or with --json / --csv for programs. A canned question's
arguments are names looked up forgivingly (queries/lookup.py) or ids; when a name may mean
several entities they are listed with their context and nothing is guessed: the user runs
the command again with the id of the one meant.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from neo4j import RoutingControl
from neo4j.exceptions import Neo4jError
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from okg.app import app
from okg.commands.graph import DataOption, StoreKind, StoreOption, UriOption, UserOption, connect
from queries.catalog import CannedQuery, catalog, parse_browser_file, questions
from queries.lookup import Candidate, candidates, context
from queries.run import ENTITY_ID, run, term, write_in

SHOWN_CANDIDATES = 20
LONG_ITEM = 20  # characters: lists with a longer item print one item a line in tables
SHORT = 12  # terminal cells: a column of values no wider than this is never folded in tables
FOLDED = 10  # terminal cells: the narrowest a column of longer values is folded to

JsonOption = Annotated[bool, typer.Option("--json", help="Rows as a JSON array of objects.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Rows as CSV with a header line.")]
ParamOption = Annotated[
    list[str] | None,
    typer.Option("--param", "-p", help="A parameter as NAME=VALUE (a string); repeatable."),
]

_READ_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_COMMENT = re.compile(r"(^|\s)#[^\n]*")
_PROLOGUE = re.compile(r"\s*(?:(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*(\w*)", re.I)


def _cell(value: Any, sep: str) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return sep.join(map(str, value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def print_rows(
    rows: list[dict[str, Any]],
    as_json: bool,
    as_csv: bool,
    title: str,
    columns: list[str] | None = None,
) -> None:
    """Rows as JSON, CSV (lists joined with "; ") or a table (lists one item a line if long)."""
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    columns = columns or (list(rows[0]) if rows else [])
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


def _text(value: Any) -> str:
    """A cell: a list with a long item one item a line, a short list on one line."""
    long = isinstance(value, list) and any(cell_len(str(x)) > LONG_ITEM for x in value)
    return escape(_cell(value, "\n" if long else ", "))


def _widths(rows: list[dict[str, Any]], columns: list[str], room: int) -> dict[str, int] | None:
    """Each column's width in `room` cells: ids and short values (names, dates) whole, the
    rest sharing what is left, folded, at least FOLDED wide; None if that does not fit."""
    widest = {c: max([cell_len(c)] + [cell_len(_cell(r[c], ", ")) for r in rows]) for c in columns}
    whole = {c: w for c, w in widest.items() if c == "id" or w <= SHORT}
    folded = [c for c in columns if c not in whole]
    share = (room - sum(whole.values())) // max(len(folded), 1)
    if share < FOLDED:
        return None
    return whole | {c: min(widest[c], share) for c in folded}


def _count(rows: list[dict[str, Any]]) -> str:
    return f"{len(rows)} row" if len(rows) == 1 else f"{len(rows)} rows"


def _table(
    rows: list[dict[str, Any]], columns: list[str], title: str, widths: dict[str, int]
) -> Table:
    table = Table(title=title, caption=_count(rows), show_lines=True)
    for c in columns:
        table.add_column(c, overflow="fold", width=widths[c])
    for row in rows:
        table.add_row(*(_text(row[c]) for c in columns))
    return table


def _records(rows: list[dict[str, Any]], columns: list[str], title: str) -> Table:
    """A card per row: each column a line of its own, its label beside its value however
    many lines the value folds to, and a rule between cards."""
    table = Table(title=title, caption=_count(rows), show_header=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for row in rows:
        for i, c in enumerate(columns):
            table.add_row(c, _text(row[c]), end_section=i == len(columns) - 1)
    return table


def _formats(as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        raise typer.BadParameter("give --json or --csv, not both")


def _catalog_text() -> str:
    lines = ["Canned queries:"]
    for q in questions():
        lines += [f"  okg query {q.usage}", f"      {q.summary}"]
    lines += ["The lookup's steps, also canned: named TEXT, find TEXT, context ENTITY."]
    return "\n".join(lines)


def _listing(found: list[Candidate], graph: GraphStore) -> Table:
    table = Table(title="give one of these ids instead")
    for c in ("id", "kind", "name", "context"):
        table.add_column(c, overflow="fold", min_width=len(found[0].id) if c == "id" else None)
    for c in found[:SHOWN_CANDIDATES]:
        table.add_row(c.id, c.kind, escape(c.name), escape(" · ".join(context(graph, c.id) or [])))
    if len(found) > SHOWN_CANDIDATES:
        table.caption = f"and {len(found) - SHOWN_CANDIDATES} more: give a longer name"
    return table


def _arguments(graph: GraphStore, query: CannedQuery, args: list[str]) -> dict[str, str]:
    """Each argument as the id it names, or the command ends listing what it may mean."""
    err = Console(stderr=True, highlight=False, soft_wrap=True)  # names echoed are data
    ids = {}
    for param, text in zip(query.params, args, strict=True):
        if not param.kinds:
            ids[param.name] = text
            continue
        found = candidates(graph, text, param.kinds)
        if len(found) == 1:
            if found[0].matched in ("alias", "substring"):
                err.print(f"{param.metavar} {text}: {found[0].name} ({found[0].id})", markup=False)
            ids[param.name] = found[0].id
            continue
        kinds = " or ".join(param.kinds)
        if not found:
            err.print(f"okg: no {kinds} matches {text!r} ({param.metavar})", markup=False)
        else:
            err.print(f"okg: {len(found)} entities match {text!r} ({param.metavar}):", markup=False)
            err.print(_listing(found, graph))
        raise typer.Exit(1)
    return ids


@app.command("query", epilog=_catalog_text())
def query_command(
    name: Annotated[str | None, typer.Argument(help="The canned query; none lists them.")] = None,
    args: Annotated[
        list[str] | None,
        typer.Argument(help="Its arguments: names (looked up forgivingly) or ids.", metavar="ARGS"),
    ] = None,
    store: StoreOption = StoreKind.embedded,
    data: DataOption = None,
    neo4j_uri: UriOption = None,
    neo4j_user: UserOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many rows.")] = None,
) -> None:
    """Answer a canned question about the graph, the same on either store.

    Example: okg query attendees 市委政法工作会议

    Or: okg query path 张三 李四 --store neo4j --json

    A name is looked up as an id, an exact name, an alias, then a part of a name.
    If several entities match, they are listed with their context: give the id
    of the one you mean instead. Exit status: 0 answered (perhaps with no rows),
    1 a name matched none or several, 2 bad usage or a store that cannot open.
    """
    _formats(as_json, as_csv)
    if name is None:
        print(_catalog_text())
        return
    query = catalog().get(name)
    if query is None:
        raise typer.BadParameter(f"no canned query {name!r}\n\n{_catalog_text()}")
    args = args or []
    if len(args) != len(query.params):
        raise typer.BadParameter(f"usage: okg query {query.usage}\n{query.doc}")
    with connect(store, data, neo4j_uri, neo4j_user) as graph:
        rows = run(graph, query, _arguments(graph, query, args))
    title = f"{query.usage}: {' '.join(args)}"
    print_rows(rows[:limit], as_json, as_csv, title, list(query.columns))


def _read_text(text: str, params: list[str] | None) -> tuple[str, dict[str, str]]:
    """The query (from a file if TEXT names one: a Browser file's :param lines are read too)
    and its parameters, --param over the file's."""
    values: dict[str, str] = {}
    path = Path(text)
    if len(text) < 256 and path.suffix in (".cypher", ".rq", ".sparql") and path.is_file():
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".cypher":
            _, examples, text = parse_browser_file(text)
            values.update(examples)
    for item in params or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"--param {item!r}: give NAME=VALUE")
        values[key] = value
    return text, values


@app.command("cypher")
def cypher_command(
    text: Annotated[str, typer.Argument(help="A Cypher query, or a .cypher file.")],
    param: ParamOption = None,
    store: Annotated[
        StoreKind,
        typer.Option("--store", help="neo4j, the only store that runs Cypher (the default)."),
    ] = StoreKind.neo4j,
    neo4j_uri: UriOption = None,
    neo4j_user: UserOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Run your own read-only Cypher query on Neo4j; a query that writes is refused.

    Example: okg cypher "MATCH (p:Person {name: \\$name}) RETURN p.id, p.anchor" -p name=张三

    A Browser file runs as it is, its :param lines included, and -p sets a
    parameter to a name as `okg query` takes it, or an id:
    okg cypher queries/cypher/attendees.cypher -p meeting=市委政法工作会议
    """
    _formats(as_json, as_csv)
    if store is not StoreKind.neo4j:
        raise typer.BadParameter("okg cypher runs on Neo4j; on the embedded store, use okg sparql")
    query, params = _read_text(text, param)
    with connect(StoreKind.neo4j, None, neo4j_uri, neo4j_user) as graph:
        assert isinstance(graph, Neo4jStore)
        try:
            records, _, _ = graph.driver.execute_query(
                query, params, database_=graph.database, routing_=RoutingControl.READ
            )
        except Neo4jError as exc:
            if exc.code == "Neo.ClientError.Statement.AccessMode":
                _fail("okg cypher runs read-only queries, and this one writes: refused")
            _fail(f"okg: Neo4j: {exc.message}")
    print_rows([r.data() for r in records], as_json, as_csv, "cypher")


@app.command("sparql")
def sparql_command(
    text: Annotated[str, typer.Argument(help="A SPARQL query, or a .rq file.")],
    param: ParamOption = None,
    data: DataOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Run your own read-only SPARQL query on the embedded store; updates are refused.

    Example: okg sparql "SELECT ?p ?a WHERE { ?p foaf:name ?n ; okg:anchor ?a }" -p n=张三

    The schema's prefixes (okg, org, foaf, schema, prov, skos, xsd) are declared.
    -p NAME=VALUE writes VALUE in place of ?NAME: an id (person/…) as its IRI,
    anything else as a string.
    """
    _formats(as_json, as_csv)
    query, params = _read_text(text, param)
    form = _PROLOGUE.match(_COMMENT.sub(r"\1", query))[1].upper()
    if form not in _READ_FORMS:
        _fail(f"okg sparql runs read-only queries ({', '.join(_READ_FORMS)}), not {form}: refused")
    terms = {name: term(value, bool(ENTITY_ID.fullmatch(value))) for name, value in params.items()}
    with connect(StoreKind.embedded, data, None, None) as graph:
        try:
            rows = graph.query(write_in(query, terms))
        except (SyntaxError, ValueError, RuntimeError, OSError) as exc:
            _fail(f"okg: SPARQL: {exc}")
    print_rows(rows, as_json, as_csv, "sparql")


def _fail(message: str) -> NoReturn:
    print(message, file=sys.stderr)
    raise typer.Exit(1)
