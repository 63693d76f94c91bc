"""`okg view`: one HTML page that shows the network and works offline.

Persons, bodies and events are the nodes; a person is joined to the body of each post they
hold, to the events they took part in, a body to the events it organized and the bodies it is
part of. What the page shows when a node is clicked (its posts, events, office holders,
participants, with the sentences each fact was read from) is worked out here, so the page's
script (view.html) only lays out, draws and searches. The data goes into the page as JSON;
the page loads nothing, and its Content-Security-Policy forbids it to.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import networkx as nx

from graph.exports.network import evidence_sentences, label, post_body

VIEW_KINDS = {"Person": "person", "Organization": "body", "Event": "event"}
"""The node kinds drawn, and their names in the page."""

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


def view_data(graph: nx.MultiDiGraph) -> dict:
    """Nodes (id, kind, label, a line about them, sections of facts) and the links drawn."""
    nodes = {
        n: {"id": n, "kind": VIEW_KINDS[d["kind"]], "label": label(n, d), "about": _about(d)}
        for n, d in sorted(graph.nodes(data=True))
        if d["kind"] in VIEW_KINDS
    }
    sections: dict[str, dict[str, list[dict]]] = {n: {} for n in nodes}
    drawn: set[tuple[str, str]] = set()
    for u, v, k, data in sorted(graph.edges(keys=True, data=True)):
        ends = _ends(graph, u, v, k, data) if k in _SHOWN else None
        if ends is None or not all(n in nodes for n in ends[:2]):
            continue
        a, b, about_b, about_a = ends
        shown = _SHOWN[k]
        evidence = evidence_sentences(graph, data)
        sections[a].setdefault(shown.source_section, []).append(
            {"text": about_b, "node": b, "evidence": evidence}
        )
        sections[b].setdefault(shown.target_section, []).append(
            {"text": about_a, "node": a, "evidence": evidence}
        )
        if shown.drawn:
            drawn.add((a, b))
    order = [t for shown in _SHOWN.values() for t in (shown.source_section, shown.target_section)]
    for n, node in nodes.items():
        titles = sorted(sections[n], key=order.index)
        node["sections"] = [{"title": t, "items": sections[n][t]} for t in titles]
    index = {n: i for i, n in enumerate(nodes)}
    return {
        "nodes": list(nodes.values()),
        "links": [[index[a], index[b]] for a, b in sorted(drawn)],
    }


def write_view(graph: nx.MultiDiGraph, path: Path, title: str = "officials-kg") -> None:
    data = view_data(graph)
    # "<" escaped, so that no text in the data can end the script element early.
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    template = files("graph.exports").joinpath(_TEMPLATE).read_text(encoding="utf-8")
    page = template.replace("__TITLE__", html.escape(title)).replace("__GRAPH_DATA__", payload)
    path.write_text(page, encoding="utf-8")


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
