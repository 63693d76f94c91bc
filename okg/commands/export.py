"""`okg export` and `okg view`: the graph for other tools, and a page to look at it.

Both read the graph from either store (the store options of okg/commands/graph.py), keep the
slice asked for (--since, --until, --place; graph/exports/network.py says what a slice keeps)
and hand it to one of the writers in graph/exports/.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import networkx as nx
import typer
from rich.console import Console

from graph.exports.graphml import write_graphml
from graph.exports.neo4j_csv import write_neo4j_csv
from graph.exports.network import Slice, select
from graph.exports.popolo import write_popolo
from graph.exports.rdf import write_jsonld, write_turtle
from graph.exports.view import write_view
from graph.to_networkx import to_networkx
from okg.app import app
from okg.commands.graph import DataOption, StoreKind, StoreOption, UriOption, UserOption, connect
from okg.progress import counting_bar


class Format(StrEnum):
    graphml = "graphml"
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

_WRITERS: dict[Format, Callable[[nx.MultiDiGraph, Path], None]] = {
    Format.turtle: write_turtle,
    Format.jsonld: write_jsonld,
    Format.popolo: write_popolo,
}


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
        typer.Option(help="GraphML only: the network, or persons joined by shared events."),
    ] = Projection.network,
    since: SinceOption = None,
    until: UntilOption = None,
    place: PlaceOption = None,
    store: StoreOption = StoreKind.embedded,
    data: DataOption = None,
    neo4j_uri: UriOption = None,
    neo4j_user: UserOption = None,
) -> None:
    """Write the graph for another tool: GraphML (Gephi, Cytoscape, yEd), Turtle or JSON-LD,
    Popolo JSON, or CSV files for `neo4j-admin database import`.

    Example: okg export graphml meetings.graphml --projection comeet --place 承德市
    """
    if projection is not Projection.network and fmt is not Format.graphml:
        raise typer.BadParameter("only graphml has projections", param_hint="--projection")
    graph = _read(store, data, neo4j_uri, neo4j_user, Slice(since, until, place))
    if fmt is Format.neo4j_csv:
        loaded = write_neo4j_csv(graph, path)
        command = ["neo4j-admin", "database", "import", "full", "neo4j", *loaded.arguments()]
        _say(f"wrote {len(loaded.files)} files in {path}; load them with")
        _say(f"  cd {shlex.quote(str(path))} && {shlex.join(command)}")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt is Format.graphml:
        write_graphml(graph, path, projection.value)
    else:
        _WRITERS[fmt](graph, path)
    _say(f"wrote {path} ({_size(graph)})")


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
) -> None:
    """Write one HTML page that shows the network of persons, bodies and events: click a node
    for its posts, events and the sentences they were read from, or search a name. The page
    needs nothing else and makes no request, so it can be mailed or opened offline.

    Example: okg view chengde.html --place 承德市 --since 2023-01-01
    """
    where = Slice(since, until, place)
    graph = _read(store, data, neo4j_uri, neo4j_user, where)
    span = f"{since or '…'} – {until or '…'}" if since or until else None
    title = " · ".join(x for x in ("officials-kg", place, span) if x)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_view(graph, path, title)
    _say(f"wrote {path} ({_size(graph)})")


def _say(text: str) -> None:
    """A line on stderr, never wrapped: paths and commands stay whole, to be copied."""
    Console(stderr=True, soft_wrap=True, highlight=False).print(text, markup=False)


def _size(graph: nx.MultiDiGraph) -> str:
    return f"from {graph.number_of_nodes():,} nodes and {graph.number_of_edges():,} links"
