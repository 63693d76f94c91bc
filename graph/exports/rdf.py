"""The graph as RDF, Turtle or JSON-LD, in the vocabularies of the model (W3C ORG, schema.org,
PROV-O, FOAF, SKOS; docs/model.md).

The triples are made by the embedded store's own writer from the networkx graph, so an export
from Neo4j is the same RDF as one from the embedded store, and an unsliced export holds exactly
the embedded store's triples, each once and grouped by subject. Turtle is written by
pyoxigraph, which is quick on large graphs; JSON-LD is compacted by rdflib against a context
of the model's prefixes, so that it reads `"foaf:name": "张三"` rather than full IRIs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph
import rdflib

from graph.embedded import link_quads, node_quads
from graph.model import Link, Node
from graph.vocab import ID_BASE, LINK_TYPES, NODE_TYPES, PREFIXES, LinkType, NodeType

EXPORT_PREFIXES = (
    PREFIXES
    | {t.prefix: f"{ID_BASE}{t.prefix}/" for t in NODE_TYPES.values()}
    | {t.lower(): f"{ID_BASE}{t.lower()}/" for t in LINK_TYPES}
    | {"role": f"{ID_BASE}role/"}
)
"""The model's prefixes, and one per kind of id: `person:3f2a…` rather than a full IRI."""


def triples(graph: nx.MultiDiGraph) -> Iterator[pyoxigraph.Triple]:
    """Every node and link of `graph` as the embedded store writes them (repeats included)."""
    for node, data in graph.nodes(data=True):
        t = NODE_TYPES[data["kind"]]
        yield from (q.triple for q in node_quads(Node(t.label, node, *_values(data, t))))
    for u, v, k, data in graph.edges(keys=True, data=True):
        t = LINK_TYPES[k]
        yield from (q.triple for q in link_quads(Link(k, u, v, *_values(data, t))))


def _sorted(graph: nx.MultiDiGraph) -> list[pyoxigraph.Triple]:
    """Each triple once, by subject, so that Turtle writes a subject's triples together, and
    in full order, so that an export is the same file from run to run (a set's order is not)."""
    return sorted(set(triples(graph)), key=lambda t: (t.subject.value, t.predicate.value, str(t)))


def write_turtle(graph: nx.MultiDiGraph, path: Path) -> None:
    pyoxigraph.serialize(
        _sorted(graph), str(path), pyoxigraph.RdfFormat.TURTLE, prefixes=EXPORT_PREFIXES
    )


def write_jsonld(graph: nx.MultiDiGraph, path: Path) -> None:
    ntriples = pyoxigraph.serialize(_sorted(graph), format=pyoxigraph.RdfFormat.N_TRIPLES)
    rdf = rdflib.Graph().parse(data=ntriples, format="nt")
    compacted = rdf.serialize(format="json-ld", context=EXPORT_PREFIXES, auto_compact=True)
    in_order = _in_order(json.loads(compacted))
    path.write_text(json.dumps(in_order, ensure_ascii=False, indent=1), encoding="utf-8")


def _in_order(document: dict) -> dict:
    """rdflib writes the nodes and their values in its sets' order, which changes from run
    to run: the nodes by id and each property's values sorted, so that an export is the same
    file every time (the model has no `@list`, so no array's order means anything)."""
    nodes = document.get("@graph", [])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, ensure_ascii=False))
    document["@graph"] = sorted(nodes, key=lambda node: node["@id"])
    return document


def _values(data: dict, t: NodeType | LinkType) -> tuple[dict, dict[str, set[str]]]:
    """A node's or link's props and sets back from its networkx attributes."""
    props = {k: data.get(k) for k in t.props}
    sets = {k: set(data.get(k, ())) for k in t.sets}
    return props, sets
