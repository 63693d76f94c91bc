"""`okg export` and `okg view`: the graph for other tools, and a page to look at it.

Both read the graph from either store (the store options of officials_kg/cli/commands/graph.py),
keep the slice asked for (--since, --until, --place; graph/exports/network.py says what a slice
keeps) and hand it to one of the writers in graph/exports/. Each then says what the file holds, in
the file's own words (GraphML's nodes and edges, RDF's triples, Popolo's records, Neo4j's nodes and
relationships): never "links", which means every relationship `okg ingest` writes, nor "facts", the
links read from the texts that `okg stats` counts. `--json` says it as one JSON object on stdout,
for programs.
"""

from __future__ import annotations

import errno
import shlex
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import networkx as nx
import typer
from rich.console import Console

from officials_kg.cli.app import app
from officials_kg.cli.commands.graph import (
    DataOption,
    StoreKind,
    StoreOption,
    UriOption,
    UserOption,
    connect,
)
from officials_kg.cli.output import SummaryJson, print_object
from officials_kg.cli.progress import counting_bar, report_unreadable
from officials_kg.graph.exports.gexf import write_gexf
from officials_kg.graph.exports.graphml import write_graphml
from officials_kg.graph.exports.neo4j_csv import write_neo4j_csv
from officials_kg.graph.exports.network import Slice, select
from officials_kg.graph.exports.popolo import write_popolo
from officials_kg.graph.exports.rdf import write_jsonld, write_turtle
from officials_kg.graph.exports.view import write_view
from officials_kg.graph.to_networkx import to_networkx


class Format(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    turtle = "turtle"
    jsonld = "jsonld"
    popolo = "popolo"
    neo4j_csv = "neo4j-csv"


class Projection(StrEnum):
    network = "network"
    comeet = "comeet"


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2023-12-31") from None


SinceOption = Annotated[
    str | None,
    typer.Option(help="Only facts dated on or after this day (YYYY-MM-DD).", callback=_iso_date),
]
UntilOption = Annotated[
    str | None,
    typer.Option(help="Only facts dated on or before this day (YYYY-MM-DD).", callback=_iso_date),
]
PlaceOption = Annotated[
    str | None,
    typer.Option(help="Only facts reported from this place or a place within it (承德市)."),
]


def _read(
    store: StoreKind, data: Path | None, uri: str | None, user: str | None, where: Slice
) -> nx.MultiDiGraph:
    """The graph of the store, with a progress bar on stderr while it is read (half a minute
    at 10,000 documents), then the slice `where` asks for."""
    with connect(store, data, uri, user) as graph_store:
        items = sum(graph_store.node_counts().values())
        with counting_bar(Console(stderr=True), transient=True) as progress:
            task = progress.add_task("reading the graph", total=items)
            graph = to_networkx(graph_store, lambda read: progress.advance(task, read))
    return select(graph, where)


@app.command("export")
def export_command(
    fmt: Annotated[Format, typer.Argument(metavar="FORMAT", help="The format to write.")],
    path: Annotated[Path, typer.Argument(help="The file to write; a folder for neo4j-csv.")],
    projection: Annotated[
        Projection,
        typer.Option(help="GraphML and GEXF: the network, or persons joined by shared events."),
    ] = Projection.network,
    ontology: Annotated[
        bool,
        typer.Option(
            "--ontology",
            help="Turtle and JSON-LD only: add the okg: vocabulary (classes and properties, "
            "with labels, domains and ranges) to the file, so that it defines every term.",
        ),
    ] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    place: PlaceOption = None,
    store: StoreOption = StoreKind.embedded,
    data: DataOption = None,
    neo4j_uri: UriOption = None,
    neo4j_user: UserOption = None,
    as_json: SummaryJson = False,
) -> None:
    """Write the graph for another tool: GraphML (Gephi, Cytoscape, yEd, igraph, TinkerPop),
    GEXF (Gephi, with its timeline), Turtle or JSON-LD (any RDF store), Popolo JSON, or CSV
    files for `neo4j-admin database import`. docs/exports.md says what each holds.

    Example: okg export graphml meetings.graphml --projection comeet --place 承德市
    """
    if projection is not Projection.network and fmt not in (Format.graphml, Format.gexf):
        raise typer.BadParameter("only graphml and gexf have them", param_hint="--projection")
    if ontology and fmt not in (Format.turtle, Format.jsonld):
        raise typer.BadParameter("only turtle and jsonld take it", param_hint="--ontology")
    _writable(path, folder=fmt is Format.neo4j_csv)
    graph = _read(store, data, neo4j_uri, neo4j_user, Slice(since, until, place))
    if fmt is Format.neo4j_csv:
        loaded = write_neo4j_csv(graph, path)
        command = ["neo4j-admin", "database", "import", "full", "neo4j", *loaded.arguments()]
        counts = {"nodes": loaded.nodes, "relationships": loaded.relationships}
        _report(fmt, path, counts | {"files": len(loaded.files)}, as_json)
        _say(f"load them with\n  cd {shlex.quote(str(path))} && {shlex.join(command)}")
        return
    if fmt in (Format.graphml, Format.gexf):
        write = write_graphml if fmt is Format.graphml else write_gexf
        written = write(graph, path, projection.value)
        counts = {"nodes": written.number_of_nodes(), "edges": written.number_of_edges()}
    elif fmt is Format.popolo:
        counts = write_popolo(graph, path)
    else:
        write = write_turtle if fmt is Format.turtle else write_jsonld
        counts = {"triples": write(graph, path, ontology)}
    _report(fmt, path, counts, as_json)


@app.command("view")
def view_command(
    path: Annotated[Path, typer.Argument(help="The HTML file to write.")],
    since: SinceOption = None,
    until: UntilOption = None,
    place: PlaceOption = None,
    store: StoreOption = StoreKind.embedded,
    data: DataOption = None,
    neo4j_uri: UriOption = None,
    neo4j_user: UserOption = None,
    as_json: SummaryJson = False,
) -> None:
    """Write one HTML page that shows the network of persons, bodies and events: click a node
    for its posts, events, a person's timeline and the sentences they were read from; search a
    name; keep a span of dates, a place or kinds of node. The page needs nothing else and makes
    no request, so it can be mailed or opened offline.

    Example: okg view chengde.html --place 承德市 --since 2023-01-01
    """
    where = Slice(since, until, place)
    _writable(path, folder=False)
    graph = _read(store, data, neo4j_uri, neo4j_user, where)
    span = f"{since or '…'} – {until or '…'}" if since or until else None
    title = " · ".join(x for x in ("officials-kg", place, span) if x)
    _report("view", path, write_view(graph, path, title), as_json)


def _writable(path: Path, folder: bool) -> None:
    """Make the folder that the export goes in (`path` itself for neo4j-csv), before the
    graph is read (half a minute at 10,000 pages): a path that cannot be written ends the
    command there with `okg: PATH: REASON` and status 1, not a traceback at the end."""
    try:
        (path if folder else path.parent).mkdir(parents=True, exist_ok=True)
        if not folder and path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "Is a directory")
    except OSError as exc:
        report_unreadable(Console(stderr=True), path, f"cannot write it: {exc.strerror}")
        raise typer.Exit(1) from None


def _report(fmt: str, path: Path, counts: dict[str, int], as_json: bool) -> None:
    """What was written: a line on stderr (`wrote g.graphml: 266 nodes, 267 edges`), or with
    --json one object on stdout."""
    if as_json:
        print_object({"format": str(fmt), "path": str(path), "wrote": counts})
    else:
        _say(f"wrote {path}: " + ", ".join(f"{n:,} {what}" for what, n in counts.items()))


def _say(text: str) -> None:
    """A line on stderr, never wrapped: paths and commands stay whole, to be copied."""
    Console(stderr=True, soft_wrap=True, highlight=False).print(text, markup=False)
