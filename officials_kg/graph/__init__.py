"""The graph: resolved persons, bodies, posts and events, in an embedded RDF store or Neo4j.

vocab (the schema as data, docs/model.md in prose) · model (nodes and links with content ids) ·
names (canonical names) · resolve (records → nodes, same-name decisions) · store (the
interface both stores implement, open_store) · embedded (pyoxigraph) · neo4j_store (the
driver and its transactions) with cypher_statements (what it sends, made without a server) ·
to_networkx · ingest (files → records → batches → a store), with its parts: sources (files
to items), record_json, item_batch (one document resolved), workers (the extraction
processes), batching, report.

The package offers the stores and what they hold. `graph.ingest.ingest` and
`graph.to_networkx.to_networkx` are imported from their modules: a function of a module's
own name, put on the package, would hide the module (`import graph.ingest as m` would give
the function).
"""

from officials_kg.graph.embedded import EmbeddedStore
from officials_kg.graph.model import GraphBatch, Link, Node
from officials_kg.graph.neo4j_store import Neo4jStore
from officials_kg.graph.report import IngestReport
from officials_kg.graph.resolve import resolve_document
from officials_kg.graph.store import STORES, GraphStore, WriteRefused, open_store, summary

__all__ = [
    "STORES",
    "EmbeddedStore",
    "GraphBatch",
    "GraphStore",
    "IngestReport",
    "Link",
    "Neo4jStore",
    "Node",
    "WriteRefused",
    "open_store",
    "resolve_document",
    "summary",
]
