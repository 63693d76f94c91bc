"""GraphML for Gephi, Cytoscape, yEd, igraph and TinkerPop.

GraphML values are scalars of a type declared once per attribute in the file's keys, so the
graph is flattened first: lists become text ("chair; speak"), a fact's evidence becomes its
sentences, one a line, and `sources` where to open each, line for line (its document's
address, else its path, with `#page=N` in a PDF), its documents are their names, and missing
values are left out rather than written empty. The keys are named after the attributes
(`<key id="title" …>`, not `d7`), so that Gephi's columns and filters read `title`, `roles`,
`kind` (checked with Gephi's toolkit, tests/test_exports_readers.py).

Every node and edge gets a `label`, the attribute Gephi, Cytoscape and yEd show, and
TinkerPop's `labelV` / `labelE` (its vertex and edge labels: Person, HOLDS). An edge's `weight`
is the number of evidence sentences behind a fact (0 when the reports gave none), 1 for a link
of the structure (a post in its body), or, for persons who meet, the events they shared; its
id is the link id, so parallel links stay apart. An event's type is `event_type`, since `type`
is the edge's link type and a key name is one attribute in the file.

Dates: `start` and `end` (ISO); on a dated fact the first and last day it holds (its event's
date, or the days its reports were seen on), on a node its own date and its links' spans.
Gephi's GraphML importer reads no time: its timeline takes GEXF (graph/exports/gexf.py), or,
in its Data Laboratory, *Merge columns → Create time interval* from `start` and `end`.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from officials_kg.graph.exports.network import (
    comeet,
    entity_graph,
    evidence_of,
    evidence_source,
    fact_dates,
    label,
)
from officials_kg.graph.exports.xml_text import xml_safe

__all__ = ["graphml_graph", "write_graphml"]

PROJECTIONS = ("network", "comeet")
"""network: persons, bodies, posts, events and their links; comeet: persons who meet."""

LIST_SEPARATOR = "; "

MET = "MET"
"""The edge label of two persons who took part in the same events (the comeet projection)."""


def graphml_graph(graph: nx.MultiDiGraph, projection: str = "network") -> nx.Graph:
    """The graph as it is written to GraphML: one of the PROJECTIONS, flattened."""
    if projection not in PROJECTIONS:
        raise ValueError(f"unknown projection {projection!r}: one of {', '.join(PROJECTIONS)}")
    net = comeet(graph) if projection == "comeet" else entity_graph(graph)
    flat = nx.Graph() if projection == "comeet" else nx.MultiDiGraph()
    for node, data in net.nodes(data=True):
        attrs = _scalars({("event_type" if k == "type" else k): v for k, v in data.items()})
        flat.add_node(node, **attrs, labelV=data["kind"])
        flat.nodes[node]["label"] = label(node, data)
    if projection == "comeet":
        for u, v, data in net.edges(data=True):
            attrs = _scalars({k: v for k, v in data.items() if k != "dates"})
            flat.add_edge(u, v, **attrs, **_span(data["dates"]), label=_words(MET), labelE=MET)
    else:
        for u, v, data in net.edges(data=True):
            flat.add_edge(u, v, key=data["id"], **_link_attrs(graph, v, data))
    for node, data in flat.nodes(data=True):  # its own date and its links' spans
        ends = [d[k] for *_, d in _incident(flat, node) for k in ("start", "end") if k in d]
        data.update(_span(ends + ([data["date"]] if data.get("date") else [])))
    return xml_safe(flat)


def _incident(flat: nx.Graph, node: str) -> list[tuple]:
    if isinstance(flat, nx.MultiDiGraph):
        return [*flat.out_edges(node, data=True), *flat.in_edges(node, data=True)]
    return list(flat.edges(node, data=True))


def write_graphml(graph: nx.MultiDiGraph, path: Path, projection: str = "network") -> nx.Graph:
    """Write the file; returns the graph written, so that a caller can say what it holds."""
    written = graphml_graph(graph, projection)
    writer = _NamedKeys(encoding="utf-8", named_key_ids=True)
    writer.add_graph_element(written)
    writer.dump(path)
    return written


class _NamedKeys(GraphMLWriter):
    """networkx's writer with keys named after their attributes, and unique as GraphML's
    schema wants them: an edge attribute that nodes have too (`label`, `title`) gets its name
    capitalised as the key's id (`Title`), with `attr.name="title"` still, which networkx and
    igraph go by; Gephi, which reads ids without regard to case, shows the column `title`."""

    def get_key(self, name: str, attr_type: str, scope: str, default: object) -> str:
        if (name, attr_type, scope) not in self.keys:
            taken = set(self.keys.values())
            key = next(
                k for k in (name, name[0].upper() + name[1:], f"{scope}.{name}") if k not in taken
            )
            self.keys[(name, attr_type, scope)] = key
            element = self.myElement(
                "key", id=key, **{"for": scope, "attr.name": name, "attr.type": attr_type}
            )
            self.xml.insert(0, element)
        return self.keys[(name, attr_type, scope)]


def _link_attrs(graph: nx.MultiDiGraph, target: str, data: dict) -> dict[str, str | int]:
    attrs = _scalars({k: v for k, v in data.items() if k not in ("id", "evidence", "docs")})
    evidence = evidence_of(graph, data)
    if evidence:
        attrs["evidence"] = "\n".join(graph.nodes[e]["text"] for e in evidence)
        attrs["sources"] = "\n".join(evidence_source(graph, e) or "" for e in evidence)
    if data.get("docs"):
        attrs["docs"] = LIST_SEPARATOR.join(label(d, graph.nodes[d]) for d in data["docs"])
    fact = "seen" in data  # a fact read from the texts, not a link of the structure
    attrs["weight"] = len(evidence) if fact else 1
    if fact:
        attrs.update(_span(fact_dates(graph, target, data["type"], data)))
    attrs["label"] = _words(data["type"])
    attrs["labelE"] = data["type"]
    return attrs


def _span(dates: list[str]) -> dict[str, str]:
    """`start` and `end`: the first and last of `dates`; none if there are none."""
    return {"start": min(dates), "end": max(dates)} if dates else {}


def _words(link_type: str) -> str:
    """A link type as a label reads: PARTICIPATED_IN → participated in."""
    return link_type.lower().replace("_", " ")


def _scalars(data: dict) -> dict[str, str | int]:
    """Lists joined into text, missing values and empty lists left out."""
    out: dict[str, str | int] = {}
    for key, value in data.items():
        if isinstance(value, list):
            value = LIST_SEPARATOR.join(value) or None
        if value is not None:
            out[key] = value
    return out
