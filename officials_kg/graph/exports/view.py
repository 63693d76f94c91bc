"""`okg view`: one HTML page that shows the network and works offline.

Persons, bodies and events are the nodes; a person is joined to the body of each post they
hold, to the events they took part in, a body to the events it organized and the bodies it is
part of. What the page shows when a node is clicked (its posts, events, office holders,
participants, with the sentences each fact was read from and where to open each; a person's
timeline) is worked out
here, and so is where each node is drawn, so that the page's script (view.html) only draws,
places labels, filters and searches, and opens quickly on a large graph.

The layout: each connected group of nodes is laid out by igraph's Fruchterman-Reingold (in C,
seeded, so the same graph gets the same picture), scaled to one link length, and the groups
are packed in rows, largest first; nodes joined to nothing are gathered in a block of their
own beside them rather than scattered among the others. Each node also carries the dates and
places of its facts (a place with the places it lies within, so 河北省 finds 承德市's), which
the page's filters by date range and place go by.

The data goes into the page as JSON; the page loads nothing, and its Content-Security-Policy
forbids it to.
"""

from __future__ import annotations

import html
import json
import math
import random
from collections import Counter
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import igraph
import networkx as nx

from officials_kg.graph.exports.network import (
    evidence_of,
    evidence_places,
    evidence_source,
    fact_dates,
    label,
    post_body,
)
from officials_kg.graph.names import jurisdiction

__all__ = ["view_data", "write_view"]

VIEW_KINDS = {"Person": "person", "Organization": "body", "Event": "event"}
"""The node kinds drawn, and their names in the page."""

LINK_LENGTH = 60.0
"""The median length of a drawn link, in the page's units (pixels at zoom 1)."""

GAP = 2 * LINK_LENGTH
"""Space between packed groups, and between them and the block of unjoined nodes."""

LAYOUT_SEED = 21

_TEMPLATE = "view.html"


@dataclass(frozen=True)
class _Shown:
    """How a link shows on the page: the section it is listed in at each end; drawn or not."""

    source_section: str
    target_section: str
    drawn: bool = True


_SHOWN = {
    "HOLDS": _Shown("Posts", "Office holders"),
    "PARTICIPATED_IN": _Shown("Events", "Participants"),
    "ORGANIZED": _Shown("Organized", "Organized by"),
    "PART_OF": _Shown("Part of", "Parts"),
    "POSSIBLY_SAME_AS": _Shown("Possibly the same as", "Possibly the same as", drawn=False),
}
_TIMELINE = ("HOLDS", "PARTICIPATED_IN")
"""The facts of a person's timeline: the posts they were seen in, the events they attended."""


def view_data(graph: nx.MultiDiGraph) -> dict:
    """Nodes (id, kind, label, a line about them, sections of facts, a person's timeline,
    position, dates and places of their facts), the links drawn, and where to open the
    documents (`sources`: a fact's `from` gives the index of each sentence's, or null; a
    document's address is written once however many sentences it gives)."""
    nodes = {
        n: {"id": n, "kind": VIEW_KINDS[d["kind"]], "label": label(n, d), "about": _about(d)}
        for n, d in sorted(graph.nodes(data=True))
        if d["kind"] in VIEW_KINDS
    }
    sections: dict[str, dict[str, list[dict]]] = {n: {} for n in nodes}
    dates: dict[str, set[str]] = {n: set() for n in nodes}
    places: dict[str, set[str]] = {n: set() for n in nodes}
    timeline: dict[str, list[dict]] = {n: [] for n in nodes if nodes[n]["kind"] == "person"}
    placed = evidence_places(graph)
    drawn: set[tuple[str, str]] = set()
    sources: dict[str, int] = {}
    for u, v, k, data in sorted(graph.edges(keys=True, data=True)):
        ends = _ends(graph, u, v, k, data) if k in _SHOWN else None
        if ends is None or not all(n in nodes for n in ends[:2]):
            continue
        a, b, about_b, about_a = ends
        shown = _SHOWN[k]
        quoted = evidence_of(graph, data)
        evidence = [graph.nodes[e]["text"] for e in quoted]
        where = [evidence_source(graph, e) for e in quoted]
        found = [None if w is None else sources.setdefault(w, len(sources)) for w in where]
        sections[a].setdefault(shown.source_section, []).append(
            {"text": about_b, "node": b, "evidence": evidence, "from": found}
        )
        sections[b].setdefault(shown.target_section, []).append(
            {"text": about_a, "node": a, "evidence": evidence, "from": found}
        )
        if not shown.drawn:
            continue
        drawn.add((a, b))
        when = fact_dates(graph, v, k, data)
        where = _within({placed.get(e) for e in data.get("evidence", ())})
        for end in (a, b):
            dates[end].update(when)
            places[end].update(where)
        if k in _TIMELINE:
            timeline[u].append(_moment(graph, v, k, data, when, b))
    order = [t for shown in _SHOWN.values() for t in (shown.source_section, shown.target_section)]
    positions = layout(list(nodes), drawn)
    for n, node in nodes.items():
        titles = sorted(sections[n], key=order.index)
        node["sections"] = [{"title": t, "items": sections[n][t]} for t in titles]
        node["x"], node["y"] = positions[n]
        node["dates"] = sorted(dates[n])
        node["places"] = sorted(places[n])
        if n in timeline:
            node["timeline"] = sorted(timeline[n], key=lambda m: (m["date"] is None, m["date"]))
    index = {n: i for i, n in enumerate(nodes)}
    return {
        "nodes": list(nodes.values()),
        "links": [[index[a], index[b]] for a, b in sorted(drawn)],
        "sources": list(sources),
    }


def write_view(graph: nx.MultiDiGraph, path: Path, title: str = "officials-kg") -> dict[str, int]:
    """Write the page; returns what it shows: persons, bodies, events and the lines drawn."""
    data = view_data(graph)
    # "<" escaped, so that no text in the data can end the script element early.
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    template = files("officials_kg.graph.exports").joinpath(_TEMPLATE).read_text(encoding="utf-8")
    page = template.replace("__TITLE__", html.escape(title)).replace("__GRAPH_DATA__", payload)
    path.write_text(page, encoding="utf-8")
    kinds = Counter(node["kind"] for node in data["nodes"])
    return {
        "persons": kinds["person"],
        "bodies": kinds["body"],
        "events": kinds["event"],
        "lines": len(data["links"]),
    }


def layout(nodes: list[str], links: set[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Where each node is drawn (see the module's doc): joined groups laid out and packed in
    rows, largest first, the unjoined nodes in a block to their right."""
    net = igraph.Graph(n=len(nodes))
    index = {n: i for i, n in enumerate(nodes)}
    net.add_edges([(index[a], index[b]) for a, b in sorted(links)])
    groups = [g for g in net.connected_components() if len(g) > 1]
    # igraph's layouts draw random numbers (from Python's generator unless told): a generator
    # of our own, seeded, so that the same graph gets the same picture, and no one else's.
    igraph.set_random_number_generator(random.Random(LAYOUT_SEED))
    try:
        boxes = [_group_layout(net.induced_subgraph(g)) for g in groups]
    finally:
        igraph.set_random_number_generator(random)
    width = max(math.sqrt(sum(w * h for w, h, _ in boxes)) * 1.6, 4 * LINK_LENGTH)
    at: dict[int, tuple[float, float]] = {}
    x = y = row = right = 0.0
    for group, (w, h, points) in sorted(zip(groups, boxes, strict=True), key=_largest_first):
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row + GAP, 0.0
        for node, (px, py) in zip(group, points, strict=True):
            at[node] = (x + px, y + py)
        x, row, right = x + w + GAP, max(row, h), max(right, x + w)
    alone = [i for i in range(len(nodes)) if i not in at]
    columns = max(1, math.ceil(math.sqrt(len(alone) / 3)))  # three times as tall as wide
    left = right + GAP if at else 0.0
    for i, node in enumerate(alone):
        at[node] = (left + (i % columns) * 3 * LINK_LENGTH, (i // columns) * LINK_LENGTH / 2)
    return {n: (round(at[i][0], 1), round(at[i][1], 1)) for n, i in index.items()}


def _group_layout(group: igraph.Graph) -> tuple[float, float, list[tuple[float, float]]]:
    """One connected group: its width, height, and its nodes' points from (0, 0)."""
    points = group.layout_fruchterman_reingold(niter=300, grid="auto").coords
    lengths = sorted(math.dist(points[a], points[b]) for a, b in group.get_edgelist())
    scale = LINK_LENGTH / (lengths[len(lengths) // 2] or 1.0)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, y0 = min(xs), min(ys)
    placed = [((px - x0) * scale, (py - y0) * scale) for px, py in points]
    return (max(xs) - x0) * scale, (max(ys) - y0) * scale, placed


def _largest_first(item: tuple[list[int], tuple[float, float, list]]) -> tuple[int, int]:
    group, _ = item
    return -len(group), min(group)


def _within(places: set[str | None]) -> set[str]:
    """Places, and the places they lie within: 宽城满族自治县 → 承德市, 河北省."""
    found: set[str] = set()
    for place in filter(None, places):
        known = jurisdiction(place)
        found |= {place, *(known.within if known else ())}
    return found


def _moment(
    graph: nx.MultiDiGraph, target: str, k: str, data: dict, when: list[str], node: str
) -> dict:
    """A line of a person's timeline: from the first to the last date, a post or an event."""
    if k == "HOLDS":
        text = label(target, graph.nodes[target])
    else:
        text = " · ".join(x for x in (label(target, graph.nodes[target]), *data["roles"]) if x)
    first, last = (min(when), max(when)) if when else (None, None)
    return {"date": first, "until": last if last != first else None, "text": text, "node": node}


def _ends(
    graph: nx.MultiDiGraph, u: str, v: str, k: str, data: dict
) -> tuple[str, str, str, str] | None:
    """The two page nodes a link joins, and what each lists about the other. A post is not a
    node of the page: its holder is joined to its body, and lists the post."""
    detail = {"HOLDS": data.get("title"), "POSSIBLY_SAME_AS": data.get("reason")}.get(k)
    detail = detail or ", ".join(data.get("roles", []))
    if k == "HOLDS":
        body = post_body(graph, v)
        return body and (u, body, label(v, graph.nodes[v]), _line(graph, u, detail))
    return u, v, _line(graph, v, detail), _line(graph, u, detail)


def _line(graph: nx.MultiDiGraph, node: str, detail: str | None) -> str:
    data = graph.nodes[node]
    return " · ".join(x for x in (label(node, data), data.get("date"), detail) if x)


def _about(data: dict) -> str:
    """The line under a node's name: what it is, where and when."""
    kind = data.get("type") or VIEW_KINDS[data["kind"]]  # an event's type: meeting, visit …
    facts = [kind, data.get("anchor"), data.get("date"), *data.get("places", [])]
    return " · ".join(x for x in facts if x)
