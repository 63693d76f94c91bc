"""What every graph store offers, and how to open one.

The ingest pipeline, `okg stats`, the networkx view and the query runner talk to this
interface only, so the embedded RDF store and Neo4j are interchangeable: each writes a
batch of documents idempotently, each document whole or not at all (`write`), reads the
graph back in the model's terms, and runs queries in its own language (`query_language`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from officials_kg.graph.model import GraphBatch, Link, Node
from officials_kg.graph.resolve import EventContext, PersonContext
from officials_kg.graph.vocab import EVIDENCE_LINKS, LINK_TYPES, NODE_TYPES

STORES = ("embedded", "neo4j")


class WriteRefused(Exception):
    """A query given to `read_query` would write, and the store refused to run it."""


@dataclass
class Prepared:
    """What a store's `prepare` made of some of a batch's items where the batch was
    resolved, those items taken out of the batch: data in the store's own form (the
    embedded store's N-Triples lines), written as it is by `write`, rather than objects to
    send to the writing process and turn into that data there. `links` counts the links it
    holds. The model's batches never carry it: only the store that made it reads it."""

    data: list[bytes] = field(default_factory=list)
    links: int = 0


def combine_prepared(parts: Iterable[Prepared]) -> Prepared:
    """One batch's worth of what `prepare` made of several (graph/model.py: `combine`)."""
    out = Prepared()
    for part in parts:
        out.data.extend(part.data)
        out.links += part.links
    return out


class GraphStore(Protocol):
    name: str
    query_language: str  # "sparql" or "cypher"

    def loaded_documents(self) -> set[str]:
        """Names of the documents that are in the store, each whole (written last, atomically
        with the document's own items)."""
        ...

    @staticmethod
    def prepare(batch: GraphBatch) -> Prepared:
        """Make what the store can make of the batch before `write`, taking the items it
        made out of the batch. Run where the batch is resolved, an extraction worker's
        process under `--jobs`, to spare the writing process: a function of the batch alone."""
        ...

    def write(self, batch: GraphBatch, prepared: Prepared | None = None) -> None:
        """Add a batch and what `prepare` made of it: each of its documents whole or not at
        all, never before the recurring items it refers to (the embedded store: the batch in
        one transaction; Neo4j: those items first, then the documents in parts); writing it
        again changes nothing."""
        ...

    def person_contexts(self) -> list[PersonContext]:
        """The person nodes that share their name with another person node."""
        ...

    def event_contexts(self) -> list[EventContext]:
        """The event nodes that share their name with another event node."""
        ...

    def replace_decisions(self, links: list[Link]) -> None:
        """Make the POSSIBLY_SAME_AS and DISTINCT_FROM links exactly these."""
        ...

    def node_counts(self) -> dict[str, int]:
        """Nodes per label and links per type, every label and type present (0 if none)."""
        ...

    def nodes(self, label: str) -> Iterator[Node]: ...

    def links(self, link_type: str) -> Iterator[Link]: ...

    def query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a query in `query_language`; rows as dicts of plain Python values."""
        ...

    def read_query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a user's query as `query` does, in a way that cannot write: the store itself
        refuses a query that would (raises WriteRefused), so no text is judged here."""
        ...

    def close(self) -> None: ...


def summary(store: GraphStore) -> dict[str, int]:
    """The counts `okg stats` prints: the main kinds first, then every label and type."""
    counts = store.node_counts()
    main = {
        "documents": counts["Document"],
        "persons": counts["Person"],
        "organizations": counts["Organization"],
        "posts": counts["Post"],
        "events": counts["Event"],
        "facts": sum(counts[t] for t in EVIDENCE_LINKS),  # links: every relationship
        "candidates": counts["POSSIBLY_SAME_AS"],
        "kept_apart": counts["DISTINCT_FROM"],
    }
    return main | {k: counts[k] for k in [*NODE_TYPES, *LINK_TYPES]}


def default_data_dir() -> Path:
    return Path(os.environ.get("OKG_DATA") or Path("data") / "okg")


def open_store(
    kind: str,
    data: Path | None = None,
    neo4j_uri: str | None = None,
    neo4j_user: str | None = None,
) -> GraphStore:
    """The store the command line names, configured from the environment where an argument
    is not given. Neo4j's password is read from $NEO4J_PASSWORD only, so that it never
    shows in a command line.

    Args:
        kind: "embedded" (pyoxigraph, on disk) or "neo4j" (a server), one of STORES.
        data: the embedded store's folder, made if missing; default $OKG_DATA, else
            ./data/okg.
        neo4j_uri: the server; default $NEO4J_URI.
        neo4j_user: default $NEO4J_USER, else neo4j. A write that Neo4j does not answer is
            tried again for $OKG_NEO4J_RETRY seconds (default 30), and $OKG_NEO4J_SESSIONS
            transactions write a batch's documents at once (default: one per processor of
            the server, graph/neo4j_store.py).

    Returns:
        An open EmbeddedStore or Neo4jStore; close it, or use it in a `with` block.

    Raises:
        ValueError: an unknown `kind`, or Neo4j without a URI.
        OSError: the embedded store's folder is held by another process.
        neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError: the server refuses the
            user or cannot be reached.

    Example:
        >>> with open_store("embedded", Path("data/okg")) as store:
        ...     summary(store)["persons"]
        2
    """
    if kind == "embedded":
        from officials_kg.graph.embedded import EmbeddedStore

        return EmbeddedStore(data or default_data_dir())
    if kind == "neo4j":
        from officials_kg.graph.neo4j_store import Neo4jStore

        uri = neo4j_uri or os.environ.get("NEO4J_URI")
        if not uri:
            raise ValueError("no Neo4j URI: give --neo4j-uri or set NEO4J_URI")
        user = neo4j_user or os.environ.get("NEO4J_USER") or "neo4j"
        retry = float(os.environ.get("OKG_NEO4J_RETRY") or 30)
        sessions = int(os.environ.get("OKG_NEO4J_SESSIONS") or 0) or None
        password = os.environ.get("NEO4J_PASSWORD", "")
        return Neo4jStore(uri, user, password, retry_seconds=retry, sessions=sessions)
    raise ValueError(f"unknown store {kind!r}: one of {', '.join(STORES)}")
