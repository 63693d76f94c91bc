"""The Neo4j store: the same graph over Bolt with the official driver.

What it sends is graph/cypher_statements.py's, made from the batch alone; here is how it is
sent. A batch's persons, bodies, posts, events and their links are MERGEd in one
transaction, and skipped when this store wrote them already and they bring no new list
values (graph/written.py); then its documents' own nodes and links (documents, articles,
sentences, mentions, reports) in `sessions` transactions at once, each some of the
documents, whole, CREATEd if none of them is in the database yet. So a document is in or
not, never before what it refers to, and writing a batch again changes nothing. A thread of
the store's own makes a batch's statements while the server runs the ones before: the
server answers a write statement only once it has run it, so making each statement's rows
between two statements kept the server waiting.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from neo4j import Driver, GraphDatabase, ManagedTransaction, Record, RoutingControl
from neo4j.exceptions import ClientError

from officials_kg.graph import cypher_statements as cypher
from officials_kg.graph.cypher_statements import Statement
from officials_kg.graph.model import GraphBatch, Link, Node
from officials_kg.graph.resolve import EventContext, PersonContext
from officials_kg.graph.store import Prepared, WriteRefused
from officials_kg.graph.vocab import LINK_TYPES, NODE_TYPES
from officials_kg.graph.written import Written

WRITE_IN_READ_MODE = "Neo.ClientError.Statement.AccessMode"
"""The server's code for a statement that writes (data, schema, a procedure, an
administration command) in a read transaction."""

DEFAULT_SESSIONS = 2
"""Transactions that write a batch's documents at once when the server does not say how
many processors it has (`Neo4jStore`'s `sessions`)."""


def _run(tx: ManagedTransaction, statement: Statement, fresh: bool) -> None:
    tx.run(statement.text(fresh), rows=statement.rows).consume()


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
        sessions: int | None = None,
    ) -> None:
        """Connect to a Neo4j server (the connection is checked at the first read or write).

        Args:
            uri: the server's Bolt URI (`bolt://localhost:7687`).
            user, password: its credentials; an empty password means no authentication.
            database: the database to use; None for the server's default.
            retry_seconds: how long a transaction is tried again while the server does not
                answer (a restart) before its error is raised; the driver's back-off
                between tries doubles, so the last try may come up to twice as late.
            sessions: how many transactions write a batch's documents at once, each a
                server thread of its own (one transaction leaves a core of a server idle);
                by default one per processor of the server, or DEFAULT_SESSIONS if it does
                not say.

        Raises:
            ValueError: `sessions` is below 1.
            neo4j.exceptions.ServiceUnavailable: the server cannot be reached.
            neo4j.exceptions.AuthError: the credentials are refused.

        Example:
            >>> from officials_kg.graph.store import summary  # doctest: +SKIP
            >>> store = Neo4jStore("bolt://localhost:7687", "neo4j", "secret")  # doctest: +SKIP
            >>> with store:  # doctest: +SKIP
            ...     summary(store)["events"]
            59
        """
        if sessions is not None and sessions < 1:
            raise ValueError(f"sessions must be at least 1, not {sessions}")
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
            self.sessions = sessions or self._server_processors() or DEFAULT_SESSIONS
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
        for statement in cypher.schema_statements():
            self._schema_rule(statement)

    def _schema_rule(self, statement: str) -> None:
        """Make a constraint or index unless it exists. Of two processes that make the same
        one at the same time, IF NOT EXISTS notwithstanding, the server tells the slower that
        an equivalent one exists: which is what it wanted."""
        try:
            self.run_cypher(statement)
        except ClientError as exc:
            if exc.code != "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists":
                raise

    def _server_processors(self) -> int | None:
        """The server's processors, or None where the procedure is not allowed or offered."""
        try:
            found = self.run_cypher(cypher.SERVER_PROCESSORS)
        except ClientError:
            return None
        value = found[0]["n"] if found else None
        return value if isinstance(value, int) and value > 0 else None

    def run_cypher(self, text: str, params: dict[str, Any] | None = None) -> list[Record]:
        records, _, _ = self.driver.execute_query(text, params or {}, database_=self.database)
        return records

    def query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return [record.data() for record in self.run_cypher(text, params)]

    def read_query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a user's Cypher query in a read transaction, where the server itself refuses
        any write: CREATE, MERGE, SET, DELETE, schema and administration commands,
        procedures that write, `CALL {…} IN TRANSACTIONS`.

        Args:
            text: the query, taking its values as `$parameters`.
            params: the parameters' values.

        Returns:
            The rows as `query` gives them (each record's `data()`).

        Raises:
            WriteRefused: the query writes; the server ran none of it.
            neo4j.exceptions.Neo4jError: any other error of the server's (a syntax error).

        Example:
            >>> store.read_query("MATCH (p:Person {name: $n}) RETURN p.id", {"n": "张三"})
            [{'p.id': 'person/…'}]
        """
        try:
            records, _, _ = self.driver.execute_query(
                text, params or {}, database_=self.database, routing_=RoutingControl.READ
            )
        except ClientError as exc:
            if exc.code == WRITE_IN_READ_MODE:
                raise WriteRefused(f"Neo4j: {exc.message}") from None
            raise
        return [record.data() for record in records]

    @staticmethod
    def prepare(batch: GraphBatch) -> Prepared:
        """Nothing: the batch's items go to Neo4j as they are, as the queries' parameters."""
        return Prepared()

    def write(self, batch: GraphBatch, prepared: Prepared | None = None) -> None:
        """The batch's recurring nodes and facts in one transaction, then its documents'
        own in `sessions` transactions at once. Every MERGE is in the first transaction, so
        no two transactions MERGE the same item at once, which could create it twice or
        lose a list's values; the others CREATE their documents' items, which nothing else
        writes. A document is in whole or not at all; a batch stopped midway may leave its
        recurring items and some of its documents, and writing it again completes it.
        `prepared` is always empty for this store (`prepare`)."""
        shared, parts = cypher.parts(batch, self.sessions)
        with ThreadPoolExecutor(1, thread_name_prefix="neo4j-rows") as builder:
            first = [builder.submit(make) for make in cypher.recipes(shared, self.written)]
            rest = [
                [builder.submit(make) for make in cypher.recipes(part, self.written)]
                for part in parts
            ]

            def work(tx: ManagedTransaction) -> None:  # tried again on a transient error
                for statement in first:
                    _run(tx, statement.result(), False)
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

    def _write_part(self, documents: list[str], statements: list[Future[Statement]]) -> None:
        """Some of a batch's documents, whole, in a transaction of their own."""

        def work(tx: ManagedTransaction) -> None:
            fresh = tx.run(cypher.FRESH, ids=documents).single(strict=True)["n"] == 0
            for statement in statements:
                _run(tx, statement.result(), fresh)

        with self.driver.session(database=self.database) as session:
            session.execute_write(work)

    def loaded_documents(self) -> set[str]:
        return {r["name"] for r in self.run_cypher(cypher.LOADED_DOCUMENTS)}

    def node_counts(self) -> dict[str, int]:
        counts = {}
        for label in NODE_TYPES:
            counts[label] = self.run_cypher(cypher.count_nodes(label))[0]["n"]
        for link_type in LINK_TYPES:
            counts[link_type] = self.run_cypher(cypher.count_links(link_type))[0]["n"]
        return counts

    def nodes(self, label: str) -> Iterator[Node]:
        for r in self.run_cypher(cypher.read_nodes(label)):
            yield cypher.node_of(label, r["p"])

    def links(self, link_type: str) -> Iterator[Link]:
        for r in self.run_cypher(cypher.read_links(link_type)):
            yield cypher.link_of(link_type, r)

    def person_contexts(self) -> list[PersonContext]:
        return [
            PersonContext(r["id"], r["name"], r["anchor"], r["kind"], frozenset(r["bodies"]))
            for r in self.run_cypher(cypher.PERSON_CONTEXTS)
        ]

    def event_contexts(self) -> list[EventContext]:
        return [
            EventContext(r["id"], r["name"], r["date"])
            for r in self.run_cypher(cypher.EVENT_CONTEXTS)
        ]

    def replace_decisions(self, links: list[Link]) -> None:
        def work(tx: ManagedTransaction) -> None:
            tx.run(cypher.DROP_DECISIONS, keep=[k.id for k in links]).consume()
            for statement in cypher.link_statements({k.id: k for k in links}):
                _run(tx, statement, fresh=False)

        with self.driver.session(database=self.database) as session:
            session.execute_write(work)
