"""The Cypher the Neo4j store sends, and its parameters: text and rows made from the model
alone, without a server, so that what is sent can be read and tested on its own
(graph/neo4j_store.py runs it, in transactions of its own choosing).

Writes are `UNWIND $rows …` statements keyed on the content ids, one per label or
relationship type. Each has two texts: one for documents none of which is in the database
yet (`fresh`: their own nodes and links CREATEd without looking for them first, as nothing
else writes them; the MERGE of a relationship scans its node's others) and one for documents
that may be there (`stale`: MERGEd). A recurring item (a person, a post, a fact) is always
MERGEd, and its list values grow by union. Every value travels as a parameter; the only
names put into the text are labels and relationship types from the schema table
(graph/vocab.py).

A fact's sentences and documents are not list properties of the fact, as its other sets are,
but one `REPORTS` relationship per document that reports it, from the Document to the fact's
target, with the fact's id and that document's sentence ids (docs/model.md): lists that grow
with the corpus would be rewritten whole by every batch that added to them (the busiest
posts get a sentence from many of the pages), where a batch
CREATEs its documents' reports and leaves the earlier ones alone.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from officials_kg.graph.model import GraphBatch, Link, Node, Scalar
from officials_kg.graph.vocab import (
    DECISION_LINKS,
    EVIDENCE_LINKS,
    LINK_TYPES,
    NODE_TYPES,
    label_of,
)
from officials_kg.graph.written import PER_DOCUMENT, PER_DOCUMENT_SETS

REPORTED = frozenset(PER_DOCUMENT_SETS)
"""A fact's sets kept in its REPORTS relationships rather than as its properties."""

_INDEXES = [
    ("Person", "name"),
    ("Organization", "name"),
    ("Event", "name"),
    ("Event", "date"),
    ("Document", "name"),
]
_TEXT_INDEXES = [("Person", "name"), ("Event", "name"), ("Organization", "name"), ("Post", "label")]
"""Text indexes answer the CONTAINS of `find` (queries/cypher/find.cypher) without reading
every name."""
INDEXED = frozenset(_INDEXES + _TEXT_INDEXES)
MAX_INDEXED_BYTES = 8000
"""The longest value of an INDEXED property, in UTF-8 bytes, that a document may bring:
Neo4j refuses to index one over 8,166 bytes, and the refusal fails the whole transaction,
which holds other documents too. graph/item_batch.py refuses such a document alone, for
both stores, so that they hold the same graph."""

KEEP_PLAN = "CYPHER replan=skip "
"""Prefix of the write statements: a cached plan is used even when the store's statistics
have changed since it was made. Their plans are unique-index seeks by id whatever the
statistics, but the server planned them anew whenever the counts had grown enough, which
they do all through a load."""


def schema_statements() -> list[str]:
    """The constraints and indexes, each made unless it exists: a unique id per label,
    range indexes on the names and dates the queries look up, text indexes for `find`."""
    statements = [
        f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        for label in NODE_TYPES
    ]
    statements += [
        f"CREATE INDEX {label.lower()}_{key} IF NOT EXISTS FOR (n:{label}) ON (n.{key})"
        for label, key in _INDEXES
    ]
    statements += [
        f"CREATE TEXT INDEX {label.lower()}_{key}_text IF NOT EXISTS FOR (n:{label}) ON (n.{key})"
        for label, key in _TEXT_INDEXES
    ]
    return statements


SERVER_PROCESSORS = (
    'CALL dbms.queryJmx("java.lang:type=OperatingSystem") YIELD attributes '
    "RETURN attributes.AvailableProcessors.value AS n"
)
"""The server's processors, as its JVM sees them (an administrator's procedure, which a
hosted server may not offer)."""

FRESH = KEEP_PLAN + "MATCH (d:Document) WHERE d.id IN $ids RETURN count(d) AS n"
"""Whether none of the documents `$ids` is in the database (`n` = 0): then their
statements' `fresh` texts are run."""


def _union(var: str, keys: list[str], rows: str = "row.props") -> str:
    """Assignments that grow list properties by union with the incoming values (`rows`: the
    parameter map that holds them). An item may come without one of its lists (a post held
    and not left has no `left`): that is no values, not null, which would remove the
    property."""
    return ", ".join(
        f"{var}.{k} = coalesce({var}.{k}, []) + "
        f"[x IN coalesce({rows}.{k}, []) WHERE NOT x IN coalesce({var}.{k}, [])]"
        for k in keys
    )


def _merged(var: str, sets: list[str], props_change: bool = False) -> str:
    """What a MERGE sets: everything when it creates; when it finds the item, the lists'
    unions only, as single values are fixed by the id (except a decision's reason)."""
    if props_change:
        return f" SET {var} += row.props"
    clause = f" ON CREATE SET {var} += row.props"
    return clause + (f" ON MATCH SET {_union(var, sets)}" if sets else "")


def _row(item_id: str, props: dict[str, Scalar], sets: dict[str, set[str]]) -> dict[str, Any]:
    values: dict[str, Any] = {k: v for k, v in props.items() if v is not None}
    return {"props": {"id": item_id} | values | {k: sorted(v) for k, v in sets.items()}}


def reports(
    sets: Mapping[str, Iterable[str]], quoted_from: Mapping[str, str]
) -> list[tuple[str, list[str]]]:
    """A fact's evidence and documents (its `sets`) as its REPORTS: one per document, with
    the ids of that document's sentences, sorted. `quoted_from`: each sentence's document
    (QUOTED_FROM), known wherever the sentence is, as a sentence is written with its
    document. Also the form of the neo4j-admin CSV files (graph/exports/neo4j_csv.py)."""
    by_doc: dict[str, list[str]] = {doc: [] for doc in sets.get("docs", ())}
    for ev in sorted(sets.get("evidence", ())):
        by_doc.setdefault(quoted_from[ev], []).append(ev)
    return sorted(by_doc.items())


@dataclass(frozen=True)
class Statement:
    """One `UNWIND $rows` statement: its Cypher for documents none of which is in the
    database (`fresh`, see FRESH) and for some that may be there (`stale`), and its rows,
    the `$rows` parameter."""

    fresh: str
    stale: str
    rows: list[dict[str, Any]]

    def text(self, fresh: bool) -> str:
        return KEEP_PLAN + (self.fresh if fresh else self.stale)


def node_groups(
    nodes: dict[str, Node], written: Container[str]
) -> dict[str, list[tuple[str, Node]]]:
    """The nodes to send, by label: those not written earlier in the run with all they have."""
    by_label: dict[str, list[tuple[str, Node]]] = {}
    for node_id, n in nodes.items():
        if node_id not in written or n.sets:
            by_label.setdefault(n.label, []).append((node_id, n))
    return by_label


def node_statement(label: str, items: list[tuple[str, Node]]) -> Statement:
    merge = f"UNWIND $rows AS row MERGE (n:{label} {{id: row.props.id}})"
    merge += _merged("n", list(NODE_TYPES[label].sets))
    create = f"UNWIND $rows AS row CREATE (n:{label}) SET n = row.props"
    rows = [_row(i, n.props, n.sets) for i, n in items]
    return Statement(create if label in PER_DOCUMENT else merge, merge, rows)


LinkKey = tuple[str, str, str]
"""A relationship type and the labels of its ends: one statement each."""


def link_groups(
    links: dict[str, Link], written: Container[str]
) -> dict[LinkKey, list[tuple[str, Link]]]:
    """The links to send, by type and ends."""
    groups: dict[LinkKey, list[tuple[str, Link]]] = {}
    for link_id, k in links.items():
        if link_id not in written or k.sets:
            groups.setdefault((k.type, label_of(k.source), label_of(k.target)), []).append(
                (link_id, k)
            )
    return groups


def link_statement(key: LinkKey, items: list[tuple[str, Link]]) -> Statement:
    """Recurring links (persons' posts, facts…), MERGEd. A fact's sentences and documents
    are left out: they are its reports (`report_rows`)."""
    link_type, source, target = key
    t = LINK_TYPES[link_type]
    rows = [{"source": k.source, "target": k.target} for _, k in items]
    reported = link_type in EVIDENCE_LINKS
    if t.rdf_class is not None:  # plain links carry nothing else
        for r, (i, k) in zip(rows, items, strict=True):
            sets = {s: v for s, v in k.sets.items() if not reported or s not in REPORTED}
            r |= _row(i, k.props, sets)
    text = (
        f"UNWIND $rows AS row MATCH (a:{source} {{id: row.source}}) "
        f"MATCH (b:{target} {{id: row.target}}) MERGE (a)-[r:{link_type}]->(b)"
    )
    if t.rdf_class is not None:
        kept = [s for s in t.sets if not reported or s not in REPORTED]
        text += _merged("r", kept, props_change=link_type in DECISION_LINKS)
    return Statement(text, text, rows)


def link_statements(links: dict[str, Link]) -> list[Statement]:
    """Statements that MERGE every one of `links` (the same-name decisions)."""
    groups = link_groups(links, frozenset())
    return [link_statement(key, items) for key, items in groups.items()]


def document_link_statement(key: LinkKey, items: list[tuple[str, Link]]) -> Statement:
    """A document's own plain links (MENTIONS from it, IN_DOCUMENT and QUOTED_FROM to it):
    one row per document with the ids at the other ends, so that the document is looked up
    once, not once per link."""
    link_type, source, target = key
    from_document = source == "Document"
    others: dict[str, list[str]] = {}
    for _, k in items:
        doc, other = (k.source, k.target) if from_document else (k.target, k.source)
        others.setdefault(doc, []).append(other)
    rows = [{"doc": doc, "others": ids} for doc, ids in others.items()]
    label, ends = (target, "(d)-[r:{}]->(o)") if from_document else (source, "(o)-[r:{}]->(d)")

    def cypher(verb: str) -> str:
        return (
            "UNWIND $rows AS row MATCH (d:Document {id: row.doc}) UNWIND row.others AS other "
            f"MATCH (o:{label} {{id: other}}) {verb} {ends.format(link_type)}"
        )

    return Statement(cypher("CREATE"), cypher("MERGE"), rows)


def report_statement(target: str, rows: list[dict[str, Any]]) -> Statement:
    """The REPORTS of facts whose target has the label `target`, a row per document (looked
    up once, not once per report). Reports of documents new to the database are created as
    they are; others are MERGEd and their sentences added by union."""
    head = (
        "UNWIND $rows AS row MATCH (d:Document {id: row.doc}) UNWIND row.reports AS rep "
        f"MATCH (b:{target} {{id: rep.target}}) "
    )
    fresh = head + "CREATE (d)-[:REPORTS {fact: rep.fact, evidence: rep.evidence}]->(b)"
    stale = (
        head + "MERGE (d)-[s:REPORTS {fact: rep.fact}]->(b) ON CREATE SET s.evidence = "
        f"rep.evidence ON MATCH SET {_union('s', ['evidence'], 'rep')}"
    )
    return Statement(fresh, stale, rows)


def report_rows(
    links: dict[str, Link], document_of: Mapping[str, str]
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """The reports of the facts among `links`: by document, then by the label of the fact's
    target. `document_of`: each sentence's document (QUOTED_FROM)."""
    by_doc: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for link_id, k in links.items():
        if k.type not in EVIDENCE_LINKS:
            continue
        target = label_of(k.target)
        for doc, evs in reports(k.sets, document_of):
            report = {"target": k.target, "fact": link_id, "evidence": evs or None}
            by_doc.setdefault(doc, {}).setdefault(target, []).append(report)
    return by_doc


@dataclass
class Part:
    """What one transaction of a batch writes: the nodes and links of some of its documents
    (`documents`, their ids), or, with no documents, the batch's recurring ones."""

    documents: list[str] = field(default_factory=list)
    nodes: dict[str, Node] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)
    reports: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def parts(batch: GraphBatch, count: int) -> tuple[Part, list[Part]]:
    """The batch's recurring items, and its documents' own in `count` parts (fewer if it
    has fewer documents), the documents dealt out in turn. An article or a sentence goes
    with the document its IN_DOCUMENT or QUOTED_FROM names; a report with its document.
    Raises KeyError for a fact whose sentence the batch does not hold."""
    shared = Part()
    documents = [i for i, n in batch.nodes.items() if n.label == "Document"]
    dealt = [Part() for _ in range(max(1, min(count, len(documents))))]
    part_of = {doc: dealt[n % len(dealt)] for n, doc in enumerate(documents)}
    document_of: dict[str, str] = {}
    for link_id, k in batch.links.items():
        if k.type in ("IN_DOCUMENT", "QUOTED_FROM"):
            document_of[k.source] = k.target
        owner = k.source if k.type == "MENTIONS" else k.target
        (part_of[owner] if k.type in PER_DOCUMENT else shared).links[link_id] = k
    for node_id, n in batch.nodes.items():
        if n.label in PER_DOCUMENT:
            part = part_of[document_of.get(node_id, node_id)]
            part.nodes[node_id] = n
        else:
            shared.nodes[node_id] = n
    for doc, by_target in report_rows(batch.links, document_of).items():
        for target, found in by_target.items():
            part_of[doc].reports.setdefault(target, []).append({"doc": doc, "reports": found})
    for doc, part in part_of.items():
        part.documents.append(doc)
    return shared, dealt


def recipes(part: Part, written: Container[str]) -> list[Callable[[], Statement]]:
    """How to make the part's statements, in the order they run: nodes first, then links,
    then reports. Each is made when called, so that the store can make one while the
    server runs the ones before; the nodes and links of `written` ids are sent only if
    they bring list values."""
    made: list[Callable[[], Statement]] = [
        partial(node_statement, label, items)
        for label, items in node_groups(part.nodes, written).items()
    ]
    made += [
        partial(document_link_statement if key[0] in PER_DOCUMENT else link_statement, key, items)
        for key, items in link_groups(part.links, written).items()
    ]
    made += [partial(report_statement, target, rows) for target, rows in part.reports.items()]
    return made


def _split(
    values: dict[str, Any], props: Iterable[str], sets: Iterable[str]
) -> tuple[dict[str, Scalar], dict[str, set[str]]]:
    """Stored properties back into the model's props and sets."""
    return (
        {k: values.get(k) for k in props},
        {k: set(values.get(k) or []) for k in sets},
    )


def read_nodes(label: str) -> str:
    """Every node of `label`, as `p`: its properties (`node_of` reads them)."""
    return f"MATCH (n:{label}) RETURN properties(n) AS p"


def node_of(label: str, p: dict[str, Any]) -> Node:
    t = NODE_TYPES[label]
    return Node(label, p["id"], *_split(p, t.props, t.sets))


def read_links(link_type: str) -> str:
    """Every link of `link_type`: its ends' ids `a` and `b`, its properties `p`, and for a
    fact its `reports`, each a document's id followed by its sentences' (`link_of`)."""
    cypher = f"MATCH (a)-[r:{link_type}]->(b) RETURN a.id AS a, b.id AS b, properties(r) AS p"
    if link_type in EVIDENCE_LINKS:
        cypher += """, COLLECT { MATCH (d:Document)-[s:REPORTS {fact: r.id}]->(b)
                                 RETURN [d.id] + coalesce(s.evidence, []) } AS reports"""
    return cypher


def link_of(link_type: str, row: Mapping[str, Any]) -> Link:
    t = LINK_TYPES[link_type]
    values = dict(row["p"])
    if link_type in EVIDENCE_LINKS:
        values["docs"] = [report[0] for report in row["reports"]]
        values["evidence"] = [ev for report in row["reports"] for ev in report[1:]]
    return Link(link_type, row["a"], row["b"], *_split(values, t.props, t.sets))


def count_nodes(label: str) -> str:
    return f"MATCH (n:{label}) RETURN count(n) AS n"


def count_links(link_type: str) -> str:
    return f"MATCH ()-[r:{link_type}]->() RETURN count(r) AS n"


LOADED_DOCUMENTS = "MATCH (d:Document) RETURN d.name AS name"

PERSON_CONTEXTS = """MATCH (p:Person) WITH p.name AS name, collect(p) AS ps WHERE size(ps) > 1
   UNWIND ps AS p
   OPTIONAL MATCH (p)-[:HOLDS]->(:Post)-[:POST_IN]->(o:Organization)
   RETURN p.id AS id, name, p.anchor AS anchor, p.anchor_kind AS kind,
          collect(DISTINCT o.name) AS bodies"""
"""The persons who share their name with another: the same-name decisions' input."""

EVENT_CONTEXTS = """MATCH (e:Event) WITH e.name AS name, collect(e) AS es WHERE size(es) > 1
   UNWIND es AS e RETURN e.id AS id, name, e.date AS date"""
"""The events that share their name with another."""

DROP_DECISIONS = f"MATCH ()-[r:{'|'.join(DECISION_LINKS)}]->() WHERE NOT r.id IN $keep DELETE r"
"""The same-name decisions but those whose ids are `$keep`."""
