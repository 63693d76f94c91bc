"""`okg ingest` and `okg stats`: load documents into the graph, and count what is in it.

The store options (`--store`, `--data`, `--neo4j-uri`, `--neo4j-user`) and `connect` are
meant for every command that opens the graph; the Neo4j password is read from
$NEO4J_PASSWORD only, so it never appears in a command line, a help text or an error.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from neo4j.exceptions import DriverError, Neo4jError
from rich.console import Console
from rich.table import Table

from officials_kg.cli.app import app
from officials_kg.cli.output import SummaryJson, print_object
from officials_kg.cli.progress import counting_bar, report_unreadable
from officials_kg.graph.ingest import IngestReport, ingest, pending_items
from officials_kg.graph.store import GraphStore, open_store, summary


class StoreKind(StrEnum):
    embedded = "embedded"
    neo4j = "neo4j"


StoreOption = Annotated[
    StoreKind, typer.Option("--store", help="embedded (RDF on disk, SPARQL) or neo4j (Bolt).")
]
DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data", help="Folder of the embedded store (default: $OKG_DATA, else data/okg)."
    ),
]
UriOption = Annotated[
    str | None, typer.Option("--neo4j-uri", envvar="NEO4J_URI", help="Bolt URI of Neo4j.")
]
UserOption = Annotated[
    str | None,
    typer.Option(
        "--neo4j-user", envvar="NEO4J_USER", help="Neo4j user (password: $NEO4J_PASSWORD)."
    ),
]


STORE_ERRORS = (OSError, DriverError, Neo4jError)
"""What a store raises when it cannot be opened or fails: Neo4j unreachable or refusing,
pyoxigraph's storage errors (a store locked by another process, a full disk)."""


@contextmanager
def connect(
    store: StoreKind, data: Path | None, neo4j_uri: str | None, neo4j_user: str | None
) -> Iterator[GraphStore]:
    """The store, closed afterwards; a store that cannot be opened ends the command."""
    try:
        opened = open_store(store.value, data, neo4j_uri, neo4j_user)
    except (ValueError, *STORE_ERRORS) as exc:
        print(f"okg: cannot open the {store.value} store: {_plainly(exc)}", file=sys.stderr)
        raise typer.Exit(2) from None
    try:
        yield opened
    finally:
        opened.close()


def _plainly(exc: Exception) -> str:
    """The error, with what it means where that is known."""
    if isinstance(exc, OSError) and "LOCK" in str(exc):  # RocksDB's lock on the folder
        return f"it is in use by another process (one at a time opens it): {exc}"
    return str(exc)


def _table(counts: dict[str, int]) -> Table:
    table = Table("", "count", title="the graph")
    for key, count in counts.items():
        table.add_row(key, f"{count:,}")
    return table


GRAPH_COUNTS = ["documents", "persons", "organizations", "posts", "events"]


def _ingested(report: IngestReport, counts: dict[str, int]) -> dict[str, object]:
    """`okg ingest --json`: what the run did, then the graph's counts as `okg stats` gives
    them; the files that failed are on stderr, a line each, as without --json."""
    return {
        "loaded": len(report.loaded),
        "already_there": len(report.skipped),
        "failed": len(report.failures),
        "links": report.links,
        "facts": report.facts,
        "seconds": round(report.write_seconds, 3),
        "graph": counts,
    }


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Text files, record files (.jsonl, .json), or folders of them."),
    ],
    store: StoreOption = StoreKind.embedded,
    data: DataOption = None,
    neo4j_uri: UriOption = None,
    neo4j_user: UserOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extraction processes.")] = 1,
    batch: Annotated[int, typer.Option(min=1, help="Documents per transaction.")] = 50,
    as_json: SummaryJson = False,
) -> None:
    """Extract, resolve and load documents into the graph; documents already there are skipped.

    Example: okg ingest seeds/ --jobs 2   (or: okg ingest seeds/ --store neo4j)

    Exit status: 0, or 1 when no file could be read; 2 when the store cannot be opened or
    fails during the run (Neo4j gone for longer than $OKG_NEO4J_RETRY seconds, default 30,
    of tries; a full disk); 130 when interrupted. After 2 or 130 the store holds whole
    documents only: the same command, run again, loads the rest.
    """
    console = Console(stderr=True)
    report = IngestReport()
    with connect(store, data, neo4j_uri, neo4j_user) as graph:
        try:
            items = pending_items(paths, graph, report)
            with counting_bar(console) as progress:
                task = progress.add_task("ingest", total=len(items))
                ingest(items, graph, report, jobs, batch, lambda _: progress.advance(task))
            counts = summary(graph)
        except KeyboardInterrupt:
            console.print(
                f"interrupted: the store holds {len(graph.loaded_documents())} whole documents; "
                "run the same command again to load the rest"
            )
            raise typer.Exit(130) from None
        except STORE_ERRORS as exc:
            print(
                f"okg: the {store.value} store failed during the ingest: "
                f"{type(exc).__name__}: {exc}\n"
                f"okg: {len(report.loaded)} documents of this run were written, each whole; "
                "run the same command again once the store is back to load the rest",
                file=sys.stderr,
            )
            raise typer.Exit(2) from None
    for failure in report.failures:
        report_unreadable(console, failure.source, failure.reason)
    if as_json:
        print_object(_ingested(report, counts))
    else:
        speed = report.links / report.write_seconds if report.write_seconds else 0.0
        graph_counts = ", ".join(f"{counts[k]:,} {k}" for k in GRAPH_COUNTS)
        console.print(  # one line, however wide the terminal: `okg stats` gives the table
            f"loaded {len(report.loaded)} documents ({len(report.skipped)} already there, "
            f"{len(report.failures)} failed); wrote {report.links:,} links "
            f"({report.facts:,} facts) in {report.write_seconds:.1f} s, {speed:,.0f} links/s; "
            f"the graph: {graph_counts}",
            soft_wrap=True,
        )
    if report.failures and not report.loaded and not report.skipped:
        raise typer.Exit(1)


@app.command("stats")
def stats_command(
    store: StoreOption = StoreKind.embedded,
    data: DataOption = None,
    neo4j_uri: UriOption = None,
    neo4j_user: UserOption = None,
    as_json: SummaryJson = False,
) -> None:
    """Count documents, persons, bodies, posts, events and facts in the graph.

    Facts are the links read from the texts (a post held, a part taken, a meeting
    organized, a body part of another), each with its evidence; `okg ingest` counts every
    link it writes, facts and the structure around them.

    Example: okg stats --json   (or: okg stats --store neo4j)
    """
    with connect(store, data, neo4j_uri, neo4j_user) as graph:
        counts = summary(graph)
    if as_json:
        print_object(counts)
    else:
        Console().print(_table(counts))
