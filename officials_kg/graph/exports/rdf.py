"""The graph as RDF, Turtle or JSON-LD, in the vocabularies of the model (W3C ORG, schema.org,
PROV-O, FOAF, SKOS, OWL-Time; docs/model.md), every okg: term defined in the ontology that
ships with the package (graph/ontology.ttl), which the export can include.

The triples are the embedded store's own, made by its writer from the networkx graph (so an
export from Neo4j is the same RDF as one from the embedded store), published as RDF users expect:

- Chinese text is tagged `@zh` (names, labels, sentences, places), and every node with a name
  gets `rdfs:label` beside its `skos:prefLabel`, `foaf:name` or `schema:name`;
- a membership (org:Membership) holds `org:memberDuring`, a `time:Interval` from the first to
  the last date its reports were seen on (the `okg:seenOn` it keeps);
- an evidence sentence's `okg:article` is the article node, not the article's index;
- a participation's roles are `okg:participationRole`, not schema:roleName, which schema.org
  gives to its Role nodes only.

Everything else is the store's triples unchanged, each once and grouped by subject. Turtle is
written by pyoxigraph, which is quick on large graphs; JSON-LD is compacted by rdflib against a
context of the model's prefixes, so that it reads `"foaf:name": {"@value": "张三", …}` rather
than full IRIs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from importlib.resources import files
from pathlib import Path

import networkx as nx
import pyoxigraph
import rdflib
from pyoxigraph import Literal, NamedNode, Triple
from rdflib.namespace import FOAF, ORG, RDF, RDFS, SDO, SKOS, TIME, XSD

from officials_kg.graph.embedded import link_quads, node_quads
from officials_kg.graph.exports.network import articles, held_from_to
from officials_kg.graph.model import Link, Node
from officials_kg.graph.vocab import (
    ID_BASE,
    LINK_TYPES,
    NODE_TYPES,
    OKG,
    ONTOLOGY,
    PARTICIPATION_ROLE,
    PUBLISHED_PREFIXES,
    LinkType,
    NodeType,
    iri,
)

__all__ = ["ontology", "write_jsonld", "write_turtle"]

EXPORT_PREFIXES = (
    PUBLISHED_PREFIXES
    | {t.prefix: f"{ID_BASE}{t.prefix}/" for t in NODE_TYPES.values()}
    | {t.lower(): f"{ID_BASE}{t.lower()}/" for t in LINK_TYPES}
    | {"role": f"{ID_BASE}role/", "interval": f"{ID_BASE}interval/", "day": f"{ID_BASE}day/"}
)
"""The model's prefixes, and one per kind of id: `person:3f2a…` rather than a full IRI."""

LANGUAGE = "zh"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NOT_TEXT = {str(OKG.path)}
"""Strings that are not language: a file's path may hold Chinese, but is no Chinese text."""
_NAMES = {str(SKOS.prefLabel), str(FOAF.name), str(SDO.name), str(SDO.headline)}
_ROLE_NAME = str(SDO.roleName)
_ARTICLE = str(OKG.article)
_RDF_TYPE = NamedNode(str(RDF.type))
_LABEL = NamedNode(str(RDFS.label))
_DATE = NamedNode(str(XSD.date))


def triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """Every node and link of `graph` as the embedded store writes them (repeats included)."""
    for node, data in graph.nodes(data=True):
        t = NODE_TYPES[data["kind"]]
        yield from (q.triple for q in node_quads(Node(t.label, node, *_values(data, t))))
    for u, v, k, data in graph.edges(keys=True, data=True):
        t = LINK_TYPES[k]
        yield from (q.triple for q in link_quads(Link(k, u, v, *_values(data, t))))


def published(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """The triples of an export: the store's as the module's doc says they are published."""
    articles = _article_iris(graph)
    for t in triples(graph):
        predicate, value = t.predicate.value, t.object
        if predicate == _ARTICLE:
            value = articles.get((t.subject.value, int(value.value)), value)
        elif isinstance(value, Literal) and predicate not in _NOT_TEXT and _HAN.search(value.value):
            value = Literal(value.value, language=LANGUAGE)
        if predicate == _ROLE_NAME:
            predicate = PARTICIPATION_ROLE
        yield Triple(t.subject, NamedNode(predicate), value)
        if predicate in _NAMES:
            yield Triple(t.subject, _LABEL, value)
    for *_, k, data in graph.edges(keys=True, data=True):
        if k == "HOLDS" and data.get("seen"):
            yield from _during(iri(data["id"]), *held_from_to(data))


def ontology() -> rdflib.Graph:
    """The okg: vocabulary (graph/ontology.ttl)."""
    text = files("officials_kg.graph").joinpath(ONTOLOGY).read_text(encoding="utf-8")
    return rdflib.Graph().parse(data=text, format="turtle")


def write_turtle(graph: nx.MultiDiGraph, path: Path, with_ontology: bool = False) -> int:
    """Write the export; returns the number of triples written."""
    written = _sorted(graph, with_ontology)
    pyoxigraph.serialize(written, str(path), pyoxigraph.RdfFormat.TURTLE, prefixes=EXPORT_PREFIXES)
    return len(written)


def write_jsonld(graph: nx.MultiDiGraph, path: Path, with_ontology: bool = False) -> int:
    """Write the export; returns the number of triples written."""
    written = _sorted(graph, with_ontology)
    ntriples = pyoxigraph.serialize(written, format=pyoxigraph.RdfFormat.N_TRIPLES)
    rdf = rdflib.Graph().parse(data=ntriples, format="nt")
    compacted = rdf.serialize(format="json-ld", context=EXPORT_PREFIXES, auto_compact=True)
    in_order = _in_order(json.loads(compacted))
    path.write_text(json.dumps(in_order, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(written)


def _sorted(graph: nx.MultiDiGraph, with_ontology: bool) -> list[Triple]:
    """Each triple once, by subject, so that Turtle writes a subject's triples together, and
    in full order, so that an export is the same file from run to run (a set's order is not)."""
    found = set(published(graph))
    if with_ontology:
        ntriples = ontology().serialize(format="nt")
        found.update(pyoxigraph.parse(ntriples, pyoxigraph.RdfFormat.N_TRIPLES))
    return sorted(found, key=lambda t: (str(t.subject), t.predicate.value, str(t)))


def _during(membership: str, first: str, last: str) -> Iterable[Triple]:
    """org:memberDuring: an interval of OWL-Time from the first to the last day seen, shared by
    memberships of the same span, its ends days shared by every interval."""
    interval = NamedNode(f"{ID_BASE}interval/{first}--{last}")
    yield Triple(NamedNode(membership), NamedNode(str(ORG.memberDuring)), interval)
    yield Triple(interval, _RDF_TYPE, NamedNode(str(TIME.Interval)))
    for end, day in ((TIME.hasBeginning, first), (TIME.hasEnd, last)):
        instant = NamedNode(f"{ID_BASE}day/{day}")
        yield Triple(interval, NamedNode(str(end)), instant)
        yield Triple(instant, _RDF_TYPE, NamedNode(str(TIME.Instant)))
        yield Triple(instant, NamedNode(str(TIME.inXSDDate)), Literal(day, datatype=_DATE))


def _article_iris(graph: nx.MultiDiGraph) -> dict[tuple[str, int], NamedNode]:
    """(evidence IRI, article index) → the IRI of that article of the evidence's document."""
    in_document = articles(graph)
    found = {}
    for e, doc, k in graph.edges(keys=True):
        index = graph.nodes[e].get("article") if k == "QUOTED_FROM" else None
        if (doc, index) in in_document:
            found[(iri(e), index)] = NamedNode(iri(in_document[(doc, index)]))
    return found


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
