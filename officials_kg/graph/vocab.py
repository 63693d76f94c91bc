"""The graph schema as data: node labels, link types, and their RDF terms.

Both stores are driven by these tables, so Neo4j and the RDF store cannot drift apart:
a node label is one RDF class, a property is one predicate, a link type is either one
triple (plain links) or a link node of its own class (links that carry evidence), in
the manner of W3C ORG's org:Membership. docs/model.md describes the same in prose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from rdflib import Namespace
from rdflib.namespace import FOAF, ORG, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD

OKG = Namespace("https://w3id.org/officials-kg/ns#")
ID_BASE = "https://w3id.org/officials-kg/id/"

PREFIXES = {
    "okg": str(OKG),
    "org": str(ORG),
    "foaf": str(FOAF),
    "schema": str(SDO),
    "prov": str(PROV),
    "skos": str(SKOS),
    "rdf": str(RDF),
    "xsd": str(XSD),
}
"""Prefixes declared for every SPARQL query run through the embedded store."""

ONTOLOGY = "ontology.ttl"
"""The okg: vocabulary as an OWL ontology, a file of the `graph` package."""

PUBLISHED_PREFIXES = PREFIXES | {"rdfs": str(RDFS), "time": str(TIME)}
"""The prefixes of exported RDF, which adds labels (rdfs:) and membership spans (time:)."""

PARTICIPATION_ROLE = str(OKG.participationRole)
"""The predicate of a participation's roles in exported RDF. The stores keep them under
schema:roleName (the `roles` set below), which schema.org gives to its Role nodes only."""


@dataclass(frozen=True)
class Prop:
    """One property: its RDF predicate and how its value is written as an RDF term.

    kind: "str", "int", "date" (ISO YYYY-MM-DD, xsd:date), "ref" (the id of another
    node, an IRI) or "role" (a post title, an org:Role IRI that keeps the title).
    """

    predicate: str
    kind: str = "str"


@dataclass(frozen=True)
class NodeType:
    label: str
    prefix: str
    rdf_class: str
    props: dict[str, Prop]
    sets: dict[str, Prop] = field(default_factory=dict)


@dataclass(frozen=True)
class LinkType:
    """A relationship type. `rdf_class` None: a plain link, one triple and no properties.

    Otherwise the link is also a node of `rdf_class`, pointing to its ends with
    `source_pred` and `target_pred`, and the `shortcut` triple joins the ends directly
    (from target to source when `reverse` is set, as schema:attendee runs event→person).
    """

    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    shortcut: str
    reverse: bool = False
    rdf_class: str | None = None
    source_pred: str | None = None
    target_pred: str | None = None
    props: dict[str, Prop] = field(default_factory=dict)
    sets: dict[str, Prop] = field(default_factory=dict)


_EVIDENCE_SETS = {
    "evidence": Prop(str(PROV.wasDerivedFrom), "ref"),
    "docs": Prop(str(OKG.seenIn), "ref"),
    "seen": Prop(str(OKG.seenOn), "date"),
}

NODE_TYPES: dict[str, NodeType] = {
    t.label: t
    for t in [
        NodeType(
            "Person",
            "person",
            str(FOAF.Person),
            {
                "name": Prop(str(FOAF.name)),
                "anchor": Prop(str(OKG.anchor)),
                "anchor_kind": Prop(str(OKG.anchorKind)),
                "reason": Prop(str(OKG.resolutionReason)),
            },
        ),
        NodeType(
            "Organization",
            "organization",
            str(ORG.Organization),
            {"name": Prop(str(SKOS.prefLabel))},
            {"aliases": Prop(str(SKOS.altLabel)), "places": Prop(str(OKG.place))},
        ),
        NodeType(
            "Post",
            "post",
            str(ORG.Post),
            {"title": Prop(str(ORG.role), "role"), "label": Prop(str(SKOS.prefLabel))},
        ),
        NodeType(
            "Event",
            "event",
            str(SDO.Event),
            {
                "name": Prop(str(SDO.name)),
                "type": Prop(str(OKG.eventType)),
                "date": Prop(str(SDO.startDate), "date"),
            },
            {"places": Prop(str(SDO.location))},
        ),
        NodeType(
            "Document",
            "document",
            str(SDO.DigitalDocument),
            {
                "name": Prop(str(SDO.name)),
                "path": Prop(str(OKG.path)),
                "place": Prop(str(OKG.place)),
                "date": Prop(str(SDO.datePublished), "date"),
                "url": Prop(str(SDO.url)),
            },
        ),
        NodeType(
            "Article",
            "article",
            str(SDO.NewsArticle),
            {
                "index": Prop(str(OKG["index"]), "int"),
                "headline": Prop(str(SDO.headline)),
                "place": Prop(str(OKG.place)),
                "date": Prop(str(SDO.datePublished), "date"),
                "start": Prop(str(OKG.start), "int"),
                "end": Prop(str(OKG.end), "int"),
            },
        ),
        NodeType(
            "Evidence",
            "evidence",
            str(OKG.Evidence),
            {
                "article": Prop(str(OKG.article), "int"),
                "sentence": Prop(str(OKG.sentence), "int"),
                "start": Prop(str(OKG.start), "int"),
                "end": Prop(str(OKG.end), "int"),
                "text": Prop(str(PROV.value)),
                # a PDF's: the page (from 1) and the sentence's span in that page's text
                "page": Prop(str(SDO.pageStart), "int"),
                "page_start": Prop(str(OKG.startInPage), "int"),
                "page_end": Prop(str(OKG.endInPage), "int"),
            },
        ),
    ]
}

LABEL_OF_PREFIX = {t.prefix: t.label for t in NODE_TYPES.values()}

EVIDENCE_LINKS = ("HOLDS", "PARTICIPATED_IN", "ORGANIZED", "PART_OF")
"""The facts read from the texts; each keeps its evidence, documents and dates seen."""

DECISION_LINKS = ("POSSIBLY_SAME_AS", "DISTINCT_FROM")
"""What resolution decided about two nodes that share a name, with the reason."""

LINK_TYPES: dict[str, LinkType] = {
    t.type: t
    for t in [
        LinkType(
            "HOLDS",
            ("Person",),
            ("Post",),
            str(ORG.holds),
            rdf_class=str(ORG.Membership),
            source_pred=str(ORG.member),
            target_pred=str(OKG.post),
            props={"org": Prop(str(ORG.organization), "ref"), "title": Prop(str(ORG.role), "role")},
            # the dates of the reports that the post was left (免去, 辞去): its end
            sets=_EVIDENCE_SETS | {"left": Prop(str(OKG.leftOn), "date")},
        ),
        LinkType(
            "PARTICIPATED_IN",
            ("Person",),
            ("Event",),
            str(SDO.attendee),
            reverse=True,
            rdf_class=str(OKG.Participation),
            source_pred=str(OKG.participant),
            target_pred=str(OKG.event),
            sets={"roles": Prop(str(SDO.roleName)), **_EVIDENCE_SETS},
        ),
        LinkType(
            "ORGANIZED",
            ("Organization",),
            ("Event",),
            str(SDO.organizer),
            reverse=True,
            rdf_class=str(OKG.Organizing),
            source_pred=str(OKG.organizer),
            target_pred=str(OKG.event),
            sets=_EVIDENCE_SETS,
        ),
        LinkType(
            "PART_OF",
            ("Organization",),
            ("Organization",),
            str(ORG.subOrganizationOf),
            rdf_class=str(OKG.Subordination),
            source_pred=str(OKG.part),
            target_pred=str(OKG.whole),
            sets=_EVIDENCE_SETS,
        ),
        LinkType("POST_IN", ("Post",), ("Organization",), str(ORG.postIn)),
        LinkType("IN_DOCUMENT", ("Article",), ("Document",), str(SDO.isPartOf)),
        LinkType("QUOTED_FROM", ("Evidence",), ("Document",), str(PROV.wasQuotedFrom)),
        LinkType("MENTIONS", ("Document",), ("Person", "Organization", "Event"), str(SDO.mentions)),
        LinkType(
            "POSSIBLY_SAME_AS",
            ("Person", "Event"),
            ("Person", "Event"),
            str(OKG.possiblySameAs),
            rdf_class=str(OKG.Candidate),
            source_pred=str(OKG.source),
            target_pred=str(OKG.target),
            props={"reason": Prop(str(OKG.reason))},
        ),
        LinkType(
            "DISTINCT_FROM",
            ("Person",),
            ("Person",),
            str(OKG.distinctFrom),
            rdf_class=str(OKG.Distinction),
            source_pred=str(OKG.source),
            target_pred=str(OKG.target),
            props={"reason": Prop(str(OKG.reason))},
        ),
    ]
}


def iri(node_id: str) -> str:
    """The IRI of a node or link id such as `person/3f2a…`."""
    return ID_BASE + node_id


def local_id(value: str) -> str:
    """The id behind an IRI made by `iri`."""
    return value.removeprefix(ID_BASE)


def role_iri(title: str) -> str:
    """An org:Role per title; the title stays readable in (and recoverable from) the IRI."""
    return ID_BASE + "role/" + quote(title, safe="")


def title_of_role(value: str) -> str:
    return unquote(value.removeprefix(ID_BASE + "role/"))


def label_of(node_id: str) -> str:
    """The node label of an id, from its prefix."""
    return LABEL_OF_PREFIX[node_id.split("/", 1)[0]]
