"""`okg query`, `okg cypher` and `okg sparql`: canned questions, or a user's own read-only query.

Rows print as a table for people, or with --json / --csv for programs (officials_kg/cli/output.py).
A canned question's arguments are names looked up forgivingly (queries/lookup.py) or ids; when a
name may mean several entities they are listed with their context and nothing is guessed: the user
runs the command again with the id of the one meant. A user's own query goes to the store's
`read_query`, so that the store, not a reading of the text here, refuses a write.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from neo4j.exceptions import Neo4jError
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from officials_kg.cli.app import app
from officials_kg.cli.commands.graph import (
    DataOption,
    StoreKind,
    StoreOption,
    UriOption,
    UserOption,
    connect,
)
from officials_kg.cli.output import CsvOption, RowsJson, check_row_format, print_rows
from officials_kg.graph.store import GraphStore, WriteRefused
from officials_kg.queries.catalog import CannedQuery, catalog, parse_browser_file, questions
from officials_kg.queries.lookup import Candidate, candidates, context
from officials_kg.queries.run import ENTITY_ID, run, term, write_in

SHOWN_CANDIDATES = 20

ParamOption = Annotated[
    list[str] | None,
    typer.Option("--param", "-p", help="A parameter as NAME=VALUE (a string); repeatable."),
]


def _catalog_text() -> str:
    lines = ["Canned queries:"]
    for q in questions():
        lines += [f"  okg query {q.usage}", f"      {q.summary}"]
    lines += ["The lookup's steps, also canned: named TEXT, find TEXT, context ENTITY."]
    return "\n".join(lines)


def _catalog_rows() -> list[dict[str, str]]:
    """The canned questions as rows, for programs: name, usage and what each answers."""
    return [{"name": q.name, "usage": q.usage, "answers": q.summary} for q in questions()]


def _listing(found: list[Candidate], graph: GraphStore) -> Table:
    table = Table(title="give one of these ids instead")
    for column in ("id", "kind", "name", "context"):
        width = len(found[0].id) if column == "id" else None
        table.add_column(column, overflow="fold", min_width=width)
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
    as_json: RowsJson = False,
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
    check_row_format(as_json, as_csv)
    if name is None:
        if as_json or as_csv:
            print_rows(_catalog_rows(), as_json, as_csv, "canned queries")
        else:
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
    as_json: RowsJson = False,
    as_csv: CsvOption = False,
) -> None:
    """Run your own read-only Cypher query on Neo4j; a query that writes is refused.

    Example: okg cypher "MATCH (p:Person {name: \\$name}) RETURN p.id, p.anchor" -p name=张三

    A Browser file runs as it is, its :param lines included, and -p sets a
    parameter to a name as `okg query` takes it, or an id:
    okg cypher queries/cypher/attendees.cypher -p meeting=市委政法工作会议
    """
    check_row_format(as_json, as_csv)
    if store is not StoreKind.neo4j:
        raise typer.BadParameter("okg cypher runs on Neo4j; on the embedded store, use okg sparql")
    query, params = _read_text(text, param)
    with connect(StoreKind.neo4j, None, neo4j_uri, neo4j_user) as graph:
        rows = _read_only("cypher", graph, query, params)
    print_rows(rows, as_json, as_csv, "cypher")


@app.command("sparql")
def sparql_command(
    text: Annotated[str, typer.Argument(help="A SPARQL query, or a .rq file.")],
    param: ParamOption = None,
    data: DataOption = None,
    as_json: RowsJson = False,
    as_csv: CsvOption = False,
) -> None:
    """Run your own read-only SPARQL query on the embedded store; updates are refused.

    Example: okg sparql "SELECT ?p ?a WHERE { ?p foaf:name ?n ; okg:anchor ?a }" -p n=张三

    The schema's prefixes (okg, org, foaf, schema, prov, skos, xsd) are declared.
    -p NAME=VALUE writes VALUE in place of ?NAME: an id (person/…) as its IRI,
    anything else as a string.
    """
    check_row_format(as_json, as_csv)
    query, params = _read_text(text, param)
    terms = {name: term(value, bool(ENTITY_ID.fullmatch(value))) for name, value in params.items()}
    with connect(StoreKind.embedded, data, None, None) as graph:
        rows = _read_only("sparql", graph, write_in(query, terms))
    print_rows(rows, as_json, as_csv, "sparql")


def _read_only(
    language: str, graph: GraphStore, text: str, params: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """The rows of a user's query, which the store runs so that it cannot write; a query
    that would write, or that the store cannot run, ends the command with status 1."""
    try:
        return graph.read_query(text, params)
    except WriteRefused as exc:
        _fail(f"okg {language} runs read-only queries, and this one writes: refused ({exc})")
    except Neo4jError as exc:
        _fail(f"okg: Neo4j: {exc.message}")
    except (SyntaxError, ValueError, RuntimeError, OSError) as exc:  # pyoxigraph's errors
        _fail(f"okg: SPARQL: {exc}")


def _fail(message: str) -> NoReturn:
    print(message, file=sys.stderr)
    raise typer.Exit(1)
