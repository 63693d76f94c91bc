"""The Neo4j store: the same graph over Bolt with the official driver.

Writes are batched `UNWIND $rows …` statements keyed on the content ids, one per label or
relationship type. A batch's persons, bodies, posts, events and their links are MERGEd in
one transaction, and skipped when this store wrote them already and they bring no new list
values (graph/written.py); then its documents' own nodes and links (documents, articles,
sentences, mentions, reports) in a few transactions at once, each some of the documents,
whole, CREATEd if none of them is in the database yet. So a document is in or not, never
before what it refers to, and writing a batch again changes nothing. Every value travels as
a parameter; the only names put into the Cypher text are labels and relationship types from
the schema table (graph/vocab.py). A thread of the store's own makes a batch's statements
while the server runs the ones before: the server answers a write statement only once it
has run it, so making each statement's rows between two statements kept the server waiting.

A fact's sentences and documents are not list properties of the fact, as its other sets are,
but one `REPORTS` relationship per document that reports it, from the Document to the fact's
target, with the fact's id and that document's sentence ids (docs/model.md). Lists that
grow with the corpus were rewritten whole by every batch that added to them (the busiest
post, the head of state's, gets a sentence from a third of the pages): a batch now CREATEs
its documents' reports and leaves the earlier ones alone.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Mapping
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver, GraphDatabase, ManagedTransaction, Record
from neo4j.exceptions import ClientError

from graph.model import GraphBatch, Link, Node, Scalar
from graph.resolve import EventContext, PersonContext
from graph.vocab import DECISION_LINKS, EVIDENCE_LINKS, LINK_TYPES, NODE_TYPES, label_of
from graph.written import PER_DOCUMENT, PER_DOCUMENT_SETS, Written

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
which holds other documents too. graph/ingest.py refuses such a document alone, for both
stores, so that they hold the same graph."""

_KEEP_PLAN = "CYPHER replan=skip "
"""Prefix of the write statements: a cached plan is used even when the store's statistics
have changed since it was made. Their plans are unique-index seeks by id whatever the
statistics, but the server planned them anew whenever the counts had grown enough, which
they do all through a load: some 2% of its CPU over 10,000 pages (JFR samples; planning
each statement the first time, another 5%, stays)."""

_SESSIONS = 2
"""Transactions that write a batch's documents at once (`Neo4jStore.write`): one per core
of the 2-core machine the server was measured on."""


def _union(var: str, keys: list[str], rows: str = "row.props") -> str:
    """Assignments that grow list properties by union with the incoming values (`rows`: the
    parameter map that holds them)."""
    return ", ".join(
        f"{var}.{k} = coalesce({var}.{k}, []) + "
        f"[x IN {rows}.{k} WHERE NOT x IN coalesce({var}.{k}, [])]"
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


def _fresh(tx: ManagedTransaction, documents: list[str]) -> bool:
    """Whether none of the `documents` (ids) is in the database. Then their own nodes and
    links are created without looking for them first, as nothing else writes them (the
    MERGE of a relationship scans its node's others)."""
    cypher = _KEEP_PLAN + "MATCH (d:Document) WHERE d.id IN $ids RETURN count(d) AS n"
    return tx.run(cypher, ids=documents).single(strict=True)["n"] == 0


@dataclass(frozen=True)
class _Statement:
    """One `UNWIND $rows` statement of a batch: its Cypher for documents none of which is in
    the database (`fresh`, see `_fresh`) and for some that may be there (`stale`), and its
    rows."""

    fresh: str
    stale: str
    rows: list[dict[str, Any]]

    def run(self, tx: ManagedTransaction, fresh: bool) -> None:
        tx.run(_KEEP_PLAN + (self.fresh if fresh else self.stale), rows=self.rows).consume()


def _node_groups(
    nodes: dict[str, Node], written: Container[str]
) -> dict[str, list[tuple[str, Node]]]:
    """The nodes to send, by label: those not written earlier in the run with all they have."""
    by_label: dict[str, list[tuple[str, Node]]] = {}
    for node_id, n in nodes.items():
        if node_id not in written or n.sets:
            by_label.setdefault(n.label, []).append((node_id, n))
    return by_label


def _node_statement(label: str, items: list[tuple[str, Node]]) -> _Statement:
    merge = f"UNWIND $rows AS row MERGE (n:{label} {{id: row.props.id}})"
    merge += _merged("n", list(NODE_TYPES[label].sets))
    create = f"UNWIND $rows AS row CREATE (n:{label}) SET n = row.props"
    rows = [_row(i, n.props, n.sets) for i, n in items]
    return _Statement(create if label in PER_DOCUMENT else merge, merge, rows)


_LinkKey = tuple[str, str, str]
"""A relationship type and the labels of its ends: one statement each."""


def _link_groups(
    links: dict[str, Link], written: Container[str]
) -> dict[_LinkKey, list[tuple[str, Link]]]:
    """The links to send, by type and ends."""
    groups: dict[_LinkKey, list[tuple[str, Link]]] = {}
    for link_id, k in links.items():
        if link_id not in written or k.sets:
            groups.setdefault((k.type, label_of(k.source), label_of(k.target)), []).append(
                (link_id, k)
            )
    return groups


def _link_statement(key: _LinkKey, items: list[tuple[str, Link]]) -> _Statement:
    """Recurring links (persons' posts, facts…), MERGEd. A fact's sentences and documents
    are left out: they are its reports (`_report_rows`)."""
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
        sets = [s for s in t.sets if not reported or s not in REPORTED]
        text += _merged("r", sets, props_change=link_type in DECISION_LINKS)
    return _Statement(text, text, rows)


def _link_statements(links: dict[str, Link]) -> list[_Statement]:
    groups = _link_groups(links, frozenset())
    return [_link_statement(key, items) for key, items in groups.items()]


def _document_link_statement(key: _LinkKey, items: list[tuple[str, Link]]) -> _Statement:
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

    return _Statement(cypher("CREATE"), cypher("MERGE"), rows)


def _report_statement(target: str, rows: list[dict[str, Any]]) -> _Statement:
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
    return _Statement(fresh, stale, rows)


def _report_rows(
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
class _Part:
    """What one transaction of a batch writes: the nodes and links of some of its documents
    (`documents`, their ids), or, with no documents, the batch's recurring ones."""

    documents: list[str] = field(default_factory=list)
    nodes: dict[str, Node] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)
    reports: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def _parts(batch: GraphBatch, count: int) -> tuple[_Part, list[_Part]]:
    """The batch's recurring items, and its documents' own in `count` parts (fewer if it
    has fewer documents), the documents dealt out in turn. An article or a sentence goes
    with the document its IN_DOCUMENT or QUOTED_FROM names; a report with its document."""
    shared = _Part()
    documents = [i for i, n in batch.nodes.items() if n.label == "Document"]
    parts = [_Part() for _ in range(max(1, min(count, len(documents))))]
    part_of = {doc: parts[n % len(parts)] for n, doc in enumerate(documents)}
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
    for doc, by_target in _report_rows(batch.links, document_of).items():
        for target, found in by_target.items():
            part_of[doc].reports.setdefault(target, []).append({"doc": doc, "reports": found})
    for doc, part in part_of.items():
        part.documents.append(doc)
    return shared, parts


def _statements(
    part: _Part, written: Container[str], builder: Executor
) -> list[Future[_Statement]]:
    """The part's statements, nodes first, then links, then reports, each made by `builder`.
    Made in a thread of their own, a statement's rows are built while the server runs the
    ones before (building them was a fifth of the write time, the server waiting meanwhile)."""
    futures = [
        builder.submit(_node_statement, label, items)
        for label, items in _node_groups(part.nodes, written).items()
    ]
    futures += [
        builder.submit(
            _document_link_statement if key[0] in PER_DOCUMENT else _link_statement, key, items
        )
        for key, items in _link_groups(part.links, written).items()
    ]
    futures += [
        builder.submit(_report_statement, target, rows) for target, rows in part.reports.items()
    ]
    return futures


def _split(
    values: dict[str, Any], props: dict[str, Any], sets: dict[str, Any]
) -> tuple[dict[str, Scalar], dict[str, set[str]]]:
    """Stored properties back into the model's props and sets."""
    return (
        {k: values.get(k) for k in props},
        {k: set(values.get(k) or []) for k in sets},
    )


class Neo4jStore:
    """The graph in a Neo4j database; constraints and indexes are made on first use."""

    name = "neo4j"
    query_language = "cypher"

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        database: str | None = None,
        retry_seconds: float = 30.0,
    ) -> None:
        """`retry_seconds`: how long a transaction is tried again while the server does not
        answer (a restart) before its error is raised; the driver's back-off between tries
        doubles, so the last try may come up to twice as late."""
        self.uri = uri
        self.database = database
        self.written = Written()  # what this instance wrote: later batches skip it
        # Notifications off: counting a type not written yet is not worth a warning.
        self.driver: Driver = GraphDatabase.driver(
            uri,
            auth=(user, password) if password else None,
            notifications_min_severity="OFF",
            max_transaction_retry_time=retry_seconds,
        )
        try:
            self.driver.verify_connectivity()  # fail now, not after 30 s of query retries
            self._ensure_schema()
        except BaseException:
            self.driver.close()
            raise

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r})"

    def close(self) -> None:
        self.driver.close()

    def _ensure_schema(self) -> None:
        for label in NODE_TYPES:
            self._schema_rule(
                f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
                f"FOR (n:{label}) REQUIRE n.id IS UNIQUE"
            )
        for label, key in _INDEXES:
            self._schema_rule(
                f"CREATE INDEX {label.lower()}_{key} IF NOT EXISTS FOR (n:{label}) ON (n.{key})"
            )
        for label, key in _TEXT_INDEXES:
            self._schema_rule(
                f"CREATE TEXT INDEX {label.lower()}_{key}_text IF NOT EXISTS "
                f"FOR (n:{label}) ON (n.{key})"
            )

    def _schema_rule(self, statement: str) -> None:
        """Make a constraint or index unless it exists. Of two processes that make the same
        one at the same time, IF NOT EXISTS notwithstanding, the server tells the slower that
        an equivalent one exists: which is what it wanted."""
        try:
            self.run_cypher(statement)
        except ClientError as exc:
            if exc.code != "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists":
                raise

    def run_cypher(self, text: str, params: dict[str, Any] | None = None) -> list[Record]:
        records, _, _ = self.driver.execute_query(text, params or {}, database_=self.database)
        return records

    def query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return [record.data() for record in self.run_cypher(text, params)]

    @staticmethod
    def prepare(batch: GraphBatch) -> None:
        """Nothing: the batch's items go to Neo4j as they are, as the queries' parameters."""

    def write(self, batch: GraphBatch) -> None:
        """The batch's recurring nodes and facts in one transaction, then its documents'
        own in `_SESSIONS` transactions at once, each a server thread of its own (a single
        transaction left a core idle: the server ran it on one thread, which was most of
        the write time). Every MERGE is in the first transaction, so no two transactions
        MERGE the same item at once, which could create it twice or lose a list's values;
        the others CREATE their documents' items, which nothing else writes. A document is
        in whole or not at all; a batch stopped midway may leave its recurring items and
        some of its documents, and writing it again completes it."""
        shared, parts = _parts(batch, _SESSIONS)
        with ThreadPoolExecutor(1, thread_name_prefix="neo4j-rows") as builder:
            first = _statements(shared, self.written, builder)
            rest = [_statements(part, self.written, builder) for part in parts]

            def work(tx: ManagedTransaction) -> None:  # tried again on a transient error
                for statement in first:
                    statement.result().run(tx, False)
                for statement in (s for made in rest for s in made):
                    statement.result()  # an error in making one fails the write, whole

            with self.driver.session(database=self.database) as session:
                session.execute_write(work)
            with ThreadPoolExecutor(len(parts), thread_name_prefix="neo4j-part") as senders:
                done = [
                    senders.submit(self._write_part, part.documents, made)
                    for part, made in zip(parts, rest, strict=True)
                ]
                for future in done:
                    future.result()
        self.written.remember(batch)

    def _write_part(self, documents: list[str], statements: list[Future[_Statement]]) -> None:
        """Some of a batch's documents, whole, in a transaction of their own."""

        def work(tx: ManagedTransaction) -> None:
            fresh = _fresh(tx, documents)
            for statement in statements:
                statement.result().run(tx, fresh)

        with self.driver.session(database=self.database) as session:
            session.execute_write(work)

    def loaded_documents(self) -> set[str]:
        return {r["name"] for r in self.run_cypher("MATCH (d:Document) RETURN d.name AS name")}

    def node_counts(self) -> dict[str, int]:
        counts = {}
        for label in NODE_TYPES:
            counts[label] = self.run_cypher(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"]
        for link_type in LINK_TYPES:
            cypher = f"MATCH ()-[r:{link_type}]->() RETURN count(r) AS n"
            counts[link_type] = self.run_cypher(cypher)[0]["n"]
        return counts

    def nodes(self, label: str) -> Iterator[Node]:
        t = NODE_TYPES[label]
        for r in self.run_cypher(f"MATCH (n:{label}) RETURN properties(n) AS p"):
            yield Node(label, r["p"]["id"], *_split(r["p"], t.props, t.sets))

    def links(self, link_type: str) -> Iterator[Link]:
        t = LINK_TYPES[link_type]
        cypher = f"MATCH (a)-[r:{link_type}]->(b) RETURN a.id AS a, b.id AS b, properties(r) AS p"
        if link_type in EVIDENCE_LINKS:
            cypher += """, COLLECT { MATCH (d:Document)-[s:REPORTS {fact: r.id}]->(b)
                                     RETURN [d.id] + coalesce(s.evidence, []) } AS reports"""
        for r in self.run_cypher(cypher):
            values = dict(r["p"])
            if link_type in EVIDENCE_LINKS:
                values["docs"] = [report[0] for report in r["reports"]]
                values["evidence"] = [ev for report in r["reports"] for ev in report[1:]]
            yield Link(link_type, r["a"], r["b"], *_split(values, t.props, t.sets))

    def person_contexts(self) -> list[PersonContext]:
        rows = self.run_cypher(
            """MATCH (p:Person) WITH p.name AS name, collect(p) AS ps WHERE size(ps) > 1
               UNWIND ps AS p
               OPTIONAL MATCH (p)-[:HOLDS]->(:Post)-[:POST_IN]->(o:Organization)
               RETURN p.id AS id, name, p.anchor AS anchor, p.anchor_kind AS kind,
                      collect(DISTINCT o.name) AS bodies"""
        )
        return [
            PersonContext(r["id"], r["name"], r["anchor"], r["kind"], frozenset(r["bodies"]))
            for r in rows
        ]

    def event_contexts(self) -> list[EventContext]:
        rows = self.run_cypher(
            """MATCH (e:Event) WITH e.name AS name, collect(e) AS es WHERE size(es) > 1
               UNWIND es AS e RETURN e.id AS id, name, e.date AS date"""
        )
        return [EventContext(r["id"], r["name"], r["date"]) for r in rows]

    def replace_decisions(self, links: list[Link]) -> None:
        types = "|".join(DECISION_LINKS)

        def work(tx: ManagedTransaction) -> None:
            keep = [k.id for k in links]
            tx.run(
                f"MATCH ()-[r:{types}]->() WHERE NOT r.id IN $keep DELETE r", keep=keep
            ).consume()
            for statement in _link_statements({k.id: k for k in links}):
                statement.run(tx, fresh=False)

        with self.driver.session(database=self.database) as session:
            session.execute_write(work)
