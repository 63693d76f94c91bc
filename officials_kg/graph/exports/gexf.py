"""GEXF for Gephi's timeline: the GraphML network (graph/exports/graphml.py), with time.

Gephi reads time from GEXF, not from GraphML: a node or edge with `start` and `end` gets that
interval on Gephi's timeline (networkx writes a dynamic graph with `timeformat="date"`), so a
filter by time shows who held which post and met whom, when. The attributes are GraphML's;
an edge's link type is its `labelE` only, since GEXF's own `type` says whether an edge is
directed, and its id is the link id.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from officials_kg.graph.exports.graphml import graphml_graph


def write_gexf(graph: nx.MultiDiGraph, path: Path, projection: str = "network") -> nx.Graph:
    """Write the file; returns the graph written, so that a caller can say what it holds."""
    written = graphml_graph(graph, projection)
    for u, v, *key in list(written.edges(keys=True) if written.is_multigraph() else written.edges):
        data = written.edges[u, v, *key]
        data.pop("type", None)
        if key:
            data["id"] = key[0]
    nx.write_gexf(written, path, encoding="utf-8")
    return written
