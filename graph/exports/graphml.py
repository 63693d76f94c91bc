"""GraphML for Gephi, Cytoscape and yEd.

GraphML values are scalars of a type declared once per attribute in the file's keys, so the
graph is flattened first: lists become text ("chair; speak"), a fact's evidence becomes its
sentences, one a line, its documents their names, and missing values are left out rather than
written empty. Every node gets `label` (Gephi shows it as the node's label) and `kind`; every
edge gets `type` and an integer `weight` (the evidence sentences behind a fact, else 1), and its
link id as the edge's id, so parallel links stay apart.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph.exports.network import comeet, entity_graph, evidence_sentences, label
from graph.exports.xml_text import xml_safe

PROJECTIONS = ("network", "comeet")
"""network: persons, bodies, posts, events and their links; comeet: persons who meet."""

LIST_SEPARATOR = "; "


def graphml_graph(graph: nx.MultiDiGraph, projection: str = "network") -> nx.Graph:
    """The graph as it is written to GraphML: one of the PROJECTIONS, flattened."""
    if projection not in PROJECTIONS:
        raise ValueError(f"unknown projection {projection!r}: one of {', '.join(PROJECTIONS)}")
    net = comeet(graph) if projection == "comeet" else entity_graph(graph)
    flat = nx.Graph() if projection == "comeet" else nx.MultiDiGraph()
    for node, data in net.nodes(data=True):
        flat.add_node(node, **{**_scalars(data), "label": label(node, data)})
    if projection == "comeet":
        flat.add_edges_from((u, v, _scalars(data)) for u, v, data in net.edges(data=True))
    else:
        for u, v, data in net.edges(data=True):
            flat.add_edge(u, v, key=data["id"], **_link_attrs(graph, data))
    return xml_safe(flat)


def write_graphml(graph: nx.MultiDiGraph, path: Path, projection: str = "network") -> None:
    nx.write_graphml(graphml_graph(graph, projection), path, encoding="utf-8")


def _link_attrs(graph: nx.MultiDiGraph, data: dict) -> dict[str, str | int]:
    attrs = _scalars({k: v for k, v in data.items() if k not in ("id", "evidence", "docs")})
    sentences = evidence_sentences(graph, data)
    if sentences:
        attrs["evidence"] = "\n".join(sentences)
    if data.get("docs"):
        attrs["docs"] = LIST_SEPARATOR.join(label(d, graph.nodes[d]) for d in data["docs"])
    attrs["weight"] = max(1, len(sentences))
    return attrs


def _scalars(data: dict) -> dict[str, str | int]:
    """Lists joined into text, missing values and empty lists left out."""
    out: dict[str, str | int] = {}
    for key, value in data.items():
        if isinstance(value, list):
            value = LIST_SEPARATOR.join(value) or None
        if value is not None:
            out[key] = value
    return out
