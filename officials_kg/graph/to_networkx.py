"""The graph as a networkx MultiDiGraph, read from either store, for analysis and export.

Nodes are keyed by id, with attribute `kind` (the node label: Person, Event …) and the
node's properties; list properties become sorted lists. Edges are keyed by relationship
type, with attributes `type`, `id` and the link's properties, so two stores holding the
same graph give equal networkx graphs. A large graph takes a while to read (half a minute at
10,000 documents), so `progress`, if given, hears how many items each label and type had.
"""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx

from officials_kg.graph.store import GraphStore
from officials_kg.graph.vocab import LINK_TYPES, NODE_TYPES


def to_networkx(
    store: GraphStore, progress: Callable[[int], None] | None = None
) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for label in NODE_TYPES:
        before = graph.number_of_nodes()
        for node in store.nodes(label):
            sets = {k: sorted(v) for k, v in node.sets.items()}
            graph.add_node(node.id, kind=label, **node.props, **sets)
        if progress:
            progress(graph.number_of_nodes() - before)
    for link_type in LINK_TYPES:
        before = graph.number_of_edges()
        for link in store.links(link_type):
            sets = {k: sorted(v) for k, v in link.sets.items()}
            graph.add_edge(
                link.source,
                link.target,
                key=link_type,
                type=link_type,
                id=link.id,
                **link.props,
                **sets,
            )
        if progress:
            progress(graph.number_of_edges() - before)
    return graph
