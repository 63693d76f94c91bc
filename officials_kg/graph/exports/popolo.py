"""Popolo JSON (popoloproject.com): the persons, organizations, posts, memberships and events of
the graph in one document, the form that parliamentary-monitoring tools read.

Each holding of a post is a Membership of the post's organization, with the title as its role
and, as `start_date` and `end_date`, the first and last days its reports were seen on (the span
the sources attest, not an appointment's dates, which the texts seldom give). An organization's
`classification` (party committee, government, congress, CPPCC, court, procuratorate,
enterprise …) is read from its name by the table popolo_classes.tsv. Facts keep their evidence
as Popolo `sources`: the url of the document the sentence is in where the document has one
(a web page's address), else the evidence IRI, and the sentence as the note. Popolo has no
role for an event's attendee, so an attendee's notes start with the roles
(`chair, speak: 会议由…主持`). An organization has one parent and an event one organizer in
Popolo: where the graph has more, the best-attested one is given (the most evidence sentences,
then the smallest id). The schemas of the Popolo specification check the
output (tests/data/popolo-spec), and the stricter ones of popolo_schemas/ too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path

import networkx as nx

from officials_kg.graph.exports.network import evidence_of, held_from_to, label, post_body
from officials_kg.graph.vocab import iri
from officials_kg.lexicons import parse_table

__all__ = ["classification", "popolo", "write_popolo"]

_CLASSES = "popolo_classes.tsv"


def popolo(graph: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """The Popolo document of `graph`: lists by class, each sorted by id."""
    by_kind: dict[str, list[str]] = {}
    for node, data in sorted(graph.nodes(data=True)):
        by_kind.setdefault(data["kind"], []).append(node)
    return {
        "persons": [_person(graph, p) for p in by_kind.get("Person", [])],
        "organizations": [_organization(graph, o) for o in by_kind.get("Organization", [])],
        "posts": [_post(graph, p) for p in by_kind.get("Post", [])],
        "memberships": [
            _membership(graph, u, v, data)
            for u, v, k, data in sorted(graph.edges(keys=True, data=True))
            if k == "HOLDS"
        ],
        "events": [_event(graph, e) for e in by_kind.get("Event", [])],
    }


def write_popolo(graph: nx.MultiDiGraph, path: Path) -> dict[str, int]:
    """Write the document; returns how many records of each class it holds."""
    document = popolo(graph)
    text = json.dumps(document, ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")
    return {kind: len(records) for kind, records in document.items()}


def classification(name: str) -> str | None:
    """The kind of body a name says (popolo_classes.tsv): 许昌市委 → party committee."""
    ends, holds = _classes()
    found = [(len(word), kind) for word, kind in ends if name.endswith(word)]
    if found:
        return max(found)[1]
    return next((kind for word, kind in holds if word in name), None)


@cache
def _classes() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The lines of popolo_classes.tsv: (word, classification) to match at the end, in."""
    table: dict[str, list[tuple[str, str]]] = {"end": [], "in": []}
    text = files("officials_kg.graph.exports").joinpath(_CLASSES).read_text(encoding="utf-8")
    for match, word, kind in parse_table(text, ("match", "word", "classification"), _CLASSES):
        table[match].append((word, kind))
    return table["end"], table["in"]


def _person(graph: nx.MultiDiGraph, person: str) -> dict:
    return {"id": person, "name": label(person, graph.nodes[person])}


def _organization(graph: nx.MultiDiGraph, org: str) -> dict:
    data = graph.nodes[org]
    out = {"id": org, "name": label(org, data)}
    kind = classification(out["name"])
    if kind:
        out["classification"] = kind
    if data.get("aliases"):
        out["other_names"] = [{"name": alias} for alias in data["aliases"]]
    parent = _best(graph, graph.out_edges(org, keys=True, data=True), "PART_OF", end=1)
    if parent:
        out["parent_id"] = parent
    return out


def _post(graph: nx.MultiDiGraph, post: str) -> dict:
    data = graph.nodes[post]
    out = {"id": post, "label": label(post, data), "role": data["title"]}
    org = post_body(graph, post)
    if org:
        out["organization_id"] = org
    return out


def _membership(graph: nx.MultiDiGraph, person: str, post: str, data: dict) -> dict:
    out = {
        "id": data["id"],
        "label": label(post, graph.nodes[post]),
        "role": data["title"],
        "person_id": person,
        "post_id": post,
    }
    org = post_body(graph, post) or data.get("org")
    if org:
        out["organization_id"] = org
    if data.get("seen"):
        out["start_date"], out["end_date"] = held_from_to(data)
    return out | _sources(graph, data)


def _event(graph: nx.MultiDiGraph, event: str) -> dict:
    data = graph.nodes[event]
    out = {"id": event, "name": label(event, data), "classification": data["type"]}
    if data.get("date"):
        out["start_date"] = data["date"]
    if data.get("places"):
        out["location"] = "、".join(data["places"])
    links = list(graph.in_edges(event, keys=True, data=True))
    organizer = _best(graph, links, "ORGANIZED", end=0)
    if organizer:
        out["organization_id"] = organizer
    out["attendees"] = [
        _person(graph, u) | _sources(graph, d, prefix=", ".join(d["roles"]) + ": ")
        for u, _, k, d in sorted(links)
        if k == "PARTICIPATED_IN"
    ]
    organizing = [d for _, _, k, d in sorted(links) if k == "ORGANIZED"]
    return out | _sources(graph, {"evidence": [e for d in organizing for e in d["evidence"]]})


def _best(graph: nx.MultiDiGraph, links: Iterable[tuple], link_type: str, end: int) -> str | None:
    """The far end (`end` 0: source, 1: target) of the best-attested link of `link_type`."""
    found = [(-len(d["evidence"]), (u, v)[end]) for u, v, k, d in links if k == link_type]
    return min(found)[1] if found else None


def _sources(graph: nx.MultiDiGraph, link: dict, prefix: str = "") -> dict:
    """A fact's evidence as Popolo `sources`, or nothing when it has none."""
    evidence = evidence_of(graph, link)
    if not evidence:
        return {}
    quoted_from = {
        e: doc for e, doc, k in graph.out_edges(evidence, keys=True) if k == "QUOTED_FROM"
    }
    texts = [
        {
            "url": graph.nodes[quoted_from[e]].get("url") or iri(e),
            "note": prefix + graph.nodes[e]["text"],
        }
        for e in evidence
    ]
    return {"sources": texts}
