"""What an export shows: a slice of the graph by date and place, labels a person can read, and
the two networks people look at (persons, bodies, posts and events; persons who meet).

A slice keeps *facts* (the links read from the texts, which carry evidence) and whatever they
stand on: their two ends, the posts' bodies, and their provenance (evidence sentences, the
articles these are in, the documents). A fact's date is its event's date for participations and
organizing, else the dates its reports were seen on; its place is the place of the articles its
evidence sentences are in (the document's place when the article has none). A fact with no
date is left out as soon as a date bound is given, since nothing says it falls inside.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import combinations

import networkx as nx

from officials_kg.graph.names import jurisdiction
from officials_kg.graph.vocab import EVIDENCE_LINKS

ENTITY_KINDS = ("Person", "Organization", "Post", "Event")
"""The node kinds of the network; documents, articles and evidence are provenance."""

_LABEL_KEYS = {
    "Person": "name",
    "Organization": "name",
    "Post": "label",
    "Event": "name",
    "Document": "name",
    "Article": "headline",
    "Evidence": "text",
}
_DATED_BY_EVENT = ("PARTICIPATED_IN", "ORGANIZED")


@dataclass(frozen=True)
class Slice:
    """Facts dated from `since` to `until` (ISO dates, both included) and reported in
    articles placed in `place` or in a place within it (承德市 takes 宽城满族自治县 too)."""

    since: str | None = None
    until: str | None = None
    place: str | None = None


def label(node_id: str, data: dict) -> str:
    """What a person reads for a node: a name, a post's label, a headline, a sentence."""
    return str(data.get(_LABEL_KEYS[data["kind"]]) or node_id)


def evidence_of(graph: nx.MultiDiGraph, link: dict) -> list[str]:
    """The evidence ids of a fact that are in `graph`, in the order of the text."""
    found = [e for e in link.get("evidence", ()) if e in graph]
    return sorted(found, key=lambda e: graph.nodes[e]["start"])


def evidence_source(graph: nx.MultiDiGraph, evidence: str) -> str | None:
    """Where to open the document a sentence was quoted from: its address (a web page's),
    else the path it was read from; in a PDF, its page as the fragment `#page=N` (RFC 8118),
    which PDF viewers and browsers open at that page. None if its document is not in `graph`."""
    doc = next((d for _, d, k in graph.out_edges(evidence, keys=True) if k == "QUOTED_FROM"), None)
    if doc is None:
        return None
    where = graph.nodes[doc].get("url") or graph.nodes[doc].get("path")
    page = graph.nodes[evidence].get("page")
    return f"{where}#page={page}" if where and page else where


def post_body(graph: nx.MultiDiGraph, post: str) -> str | None:
    """The organization a post is in."""
    return next((v for _, v, k in graph.out_edges(post, keys=True) if k == "POST_IN"), None)


def select(graph: nx.MultiDiGraph, where: Slice) -> nx.MultiDiGraph:
    """The facts of `graph` inside the slice, with what they stand on (see the module's doc)."""
    if where == Slice():
        return graph
    places = evidence_places(graph)
    facts = {
        (u, v, k)
        for u, v, k, data in graph.edges(keys=True, data=True)
        if k in EVIDENCE_LINKS
        and _dated_in(fact_dates(graph, v, k, data), where)
        and _placed_in(data["evidence"], places, where.place)
    }
    keep: set[str] = set()
    for u, v, k in facts:
        data = graph.edges[u, v, k]
        keep.update((u, v, *data["evidence"], *data["docs"]))
    keep.update(_stands_on(graph, keep))

    def shown(u: str, v: str, k: str) -> bool:
        return k not in EVIDENCE_LINKS or (u, v, k) in facts

    return nx.subgraph_view(graph.subgraph(keep), filter_edge=shown).copy()


def entity_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Persons, bodies, posts and events, with every link between them."""
    return graph.subgraph(n for n, d in graph.nodes(data=True) if d["kind"] in ENTITY_KINDS)


def comeet(graph: nx.MultiDiGraph) -> nx.Graph:
    """Persons, joined when they took part in the same events; `weight` counts the events,
    `events` names them and `dates` gives their dates. Persons who met nobody stay, as
    isolated nodes."""
    net = nx.Graph()
    for person, data in graph.nodes(data=True):
        if data["kind"] == "Person":
            net.add_node(person, **data)
    for event, data in graph.nodes(data=True):
        if data["kind"] != "Event":
            continue
        edges = graph.in_edges(event, keys=True)
        attendees = sorted(u for u, _, k in edges if k == "PARTICIPATED_IN")
        for a, b in combinations(attendees, 2):
            if not net.has_edge(a, b):
                net.add_edge(a, b, weight=0, events=[], dates=[])
            met = net.edges[a, b]
            met["weight"] += 1
            met["events"].append(label(event, data))
            met["dates"] += [data["date"]] if data.get("date") else []
    return net


def held_from_to(holds: dict) -> tuple[str, str]:
    """When a post was held: from the first day it was seen to the first day it was
    reported left (免去, 辞去), else to the last day it was seen."""
    left = holds.get("left")
    return min(holds["seen"]), min(left) if left else max(holds["seen"])


def fact_dates(graph: nx.MultiDiGraph, target: str, link_type: str, data: dict) -> list[str]:
    """When a fact held: its event's date for a participation or an organizing, else the dates
    of the reports it was seen in."""
    event_date = graph.nodes[target].get("date") if link_type in _DATED_BY_EVENT else None
    return [event_date] if event_date else data["seen"]


def _dated_in(dates: Iterable[str], where: Slice) -> bool:
    if where.since is None and where.until is None:
        return True
    return any(
        (where.since is None or d >= where.since) and (where.until is None or d <= where.until)
        for d in dates
    )


def _placed_in(evidence: Iterable[str], places: dict[str, str | None], area: str | None) -> bool:
    return area is None or any(_within(places.get(e), area) for e in evidence)


@cache
def _within(place: str | None, area: str) -> bool:
    if place is None:
        return False
    found = jurisdiction(place)
    return place == area or (found is not None and area in found.within)


def articles(graph: nx.MultiDiGraph) -> dict[tuple[str, int], str]:
    """(document id, article index) → article id."""
    return {
        (doc, graph.nodes[a]["index"]): a
        for a, doc, k in graph.edges(keys=True)
        if k == "IN_DOCUMENT"
    }


def evidence_places(graph: nx.MultiDiGraph) -> dict[str, str | None]:
    """Evidence id → the place of its article, else of its document."""
    in_document = articles(graph)
    places = {}
    for e, doc, k in graph.edges(keys=True):
        if k == "QUOTED_FROM":
            article = in_document.get((doc, graph.nodes[e]["article"]))
            place = article and graph.nodes[article].get("place")
            places[e] = place or graph.nodes[doc].get("place")
    return places


def _stands_on(graph: nx.MultiDiGraph, kept: set[str]) -> set[str]:
    """The bodies of kept posts and the articles of kept evidence sentences."""
    in_document = articles(graph)
    more = set()
    for u, v, k in graph.edges(keys=True):
        if k == "POST_IN" and u in kept:
            more.add(v)
        elif k == "QUOTED_FROM" and u in kept:
            more.add(in_document.get((v, graph.nodes[u]["article"])))
    return more - {None}
