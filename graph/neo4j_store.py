"""The Neo4j store: the same graph over Bolt with the official driver.

Writes are batched `UNWIND $rows … MERGE` statements keyed on the content ids, all of a
batch in one transaction, so a batch is either in or not, and writing it again changes
nothing. Every value travels as a parameter; the only names put into the Cypher text are
labels and relationship types from the schema table (graph/vocab.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from neo4j import Driver, GraphDatabase, ManagedTransaction, Record

from graph.model import GraphBatch, Link, Node, Scalar
from graph.resolve import EventContext, PersonContext
from graph.vocab import DECISION_LINKS, LINK_TYPES, NODE_TYPES, label_of

_INDEXES = [
    ("Person", "name"),
    ("Organization", "name"),
    ("Event", "name"),
    ("Event", "date"),
    ("Document", "name"),
]


def _set_clause(var: str, keys: list[str]) -> str:
    """`SET` assignments that grow list properties by union with the incoming row."""
    return "".join(
        f" SET {var}.{k} = coalesce({var}.{k}, []) + "
        f"[x IN row.sets.{k} WHERE NOT x IN coalesce({var}.{k}, [])]"
        for k in keys
    )


def _row(props: dict[str, Scalar], sets: dict[str, set[str]]) -> dict[str, Any]:
    return {
        "props": {k: v for k, v in props.items() if v is not None},
        "sets": {k: sorted(v) for k, v in sets.items()},
    }


def _write_nodes(tx: ManagedTransaction, nodes: list[Node]) -> None:
    by_label: dict[str, list[dict[str, Any]]] = {}
    for n in nodes:
        by_label.setdefault(n.label, []).append({"id": n.id, **_row(n.props, n.sets)})
    for label, rows in by_label.items():
        cypher = (
            f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row.props"
            + _set_clause("n", list(NODE_TYPES[label].sets))
        )
        tx.run(cypher, rows=rows).consume()


def _write_links(tx: ManagedTransaction, links: list[Link]) -> None:
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for k in links:
        key = (k.type, label_of(k.source), label_of(k.target))
        row = {"id": k.id, "source": k.source, "target": k.target, **_row(k.props, k.sets)}
        groups.setdefault(key, []).append(row)
    for (link_type, source, target), rows in groups.items():
        t = LINK_TYPES[link_type]
        cypher = (
            f"UNWIND $rows AS row MATCH (a:{source} {{id: row.source}}) "
            f"MATCH (b:{target} {{id: row.target}}) MERGE (a)-[r:{link_type}]->(b)"
        )
        if t.rdf_class is not None:
            cypher += " SET r.id = row.id, r += row.props" + _set_clause("r", list(t.sets))
        tx.run(cypher, rows=rows).consume()


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

    def __init__(self, uri: str, user: str, password: str, database: str | None = None) -> None:
        self.uri = uri
        self.database = database
        # Notifications off: counting a type not written yet is not worth a warning.
        self.driver: Driver = GraphDatabase.driver(
            uri, auth=(user, password) if password else None, notifications_min_severity="OFF"
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
            self.run_cypher(
                f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
                f"FOR (n:{label}) REQUIRE n.id IS UNIQUE"
            )
        for label, key in _INDEXES:
            self.run_cypher(
                f"CREATE INDEX {label.lower()}_{key} IF NOT EXISTS FOR (n:{label}) ON (n.{key})"
            )

    def run_cypher(self, text: str, params: dict[str, Any] | None = None) -> list[Record]:
        records, _, _ = self.driver.execute_query(text, params or {}, database_=self.database)
        return records

    def query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return [record.data() for record in self.run_cypher(text, params)]

    def write(self, batch: GraphBatch) -> None:
        def work(tx: ManagedTransaction) -> None:
            _write_nodes(tx, list(batch.nodes.values()))
            _write_links(tx, list(batch.links.values()))

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
        for r in self.run_cypher(cypher):
            yield Link(link_type, r["a"], r["b"], *_split(r["p"], t.props, t.sets))

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
            _write_links(tx, links)

        with self.driver.session(database=self.database) as session:
            session.execute_write(work)
