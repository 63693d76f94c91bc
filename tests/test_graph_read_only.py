"""Each store's `read_query` runs a user's query so that it cannot write: the store itself
refuses a query that would (pyoxigraph's query parser, Neo4j's read transaction), and the
graph is what it was. The seeds are loaded into each real store (tests/conftest.py starts
Neo4j's test server)."""

from __future__ import annotations

import pytest
from neo4j.exceptions import CypherSyntaxError

from officials_kg.graph.store import GraphStore, WriteRefused
from tests.test_graph_stores import (  # noqa: F401  (opener, seed_records: fixtures)
    Opener,
    opener,
    run,
    seed_records,
    snapshot,
)

SPARQL_WRITES = [
    'INSERT DATA { <urn:x> a foaf:Person ; foaf:name "李四宝" }',
    "# a comment first\nPREFIX ex: <urn:ex#>\nDELETE WHERE { ?p a foaf:Person }",
    "DELETE { ?p foaf:name ?n } INSERT { ?p foaf:name '王五' } WHERE { ?p foaf:name ?n }",
    "CLEAR ALL",
    "DROP DEFAULT",
    "LOAD <http://127.0.0.1:1/graph.ttl>",  # never fetched: refused unparsed as a query
    "CREATE GRAPH <urn:okg:new>",
    "ADD DEFAULT TO <urn:okg:copy>",
]
CYPHER_WRITES = [
    'CREATE (x:Intruder {name: "李四宝"}) RETURN x',
    "MATCH (p:Person) DETACH DELETE p",
    "MATCH (p:Person) SET p.name = '王五' RETURN count(p)",
    "MERGE (x:Person {id: 'person/00000000000000000000'})",
    "MATCH (p:Person) REMOVE p.anchor",
    "CREATE INDEX intruder IF NOT EXISTS FOR (n:Intruder) ON (n.name)",
    "CALL db.createLabel('Intruder')",
    "MATCH (p:Person) CALL { WITH p SET p.x = 1 } IN TRANSACTIONS RETURN 1",
]
READS = {
    "sparql": "SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name",
    "cypher": "MATCH (p:Person) RETURN p.name AS name ORDER BY name",
}


def _everything(store: GraphStore) -> tuple[dict, int]:
    """The graph in the model's terms, and the store's own count of what it holds (a
    Neo4j schema rule or an RDF triple the model does not read is counted too)."""
    if store.query_language == "sparql":
        raw = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"]
        raw += store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
    else:
        raw = store.query("MATCH (n) RETURN count(n) AS n")[0]["n"]
        raw += len(store.query("SHOW INDEXES YIELD name"))
    return snapshot(store), raw


def test_a_store_refuses_every_write_and_the_graph_is_unchanged(opener: Opener, seed_records):  # noqa: F811
    run(opener, [seed_records])
    with opener() as store:
        before = _everything(store)
        writes = SPARQL_WRITES if store.query_language == "sparql" else CYPHER_WRITES
        for text in writes:
            with pytest.raises(WriteRefused):
                store.read_query(text)
        assert _everything(store) == before
        assert len(before[0]["nodes"]) > 200


def test_a_store_answers_a_read_as_query_does(opener: Opener, seed_records):  # noqa: F811
    run(opener, [seed_records])
    with opener() as store:
        text = READS[store.query_language]
        rows = store.read_query(text)
        assert rows == store.query(text) and len(rows) > 40


def test_a_query_that_is_wrong_is_an_error_not_a_refusal(opener: Opener):  # noqa: F811
    with opener() as store:
        if store.query_language == "sparql":
            for text in ("SELEC ?x WHERE { ?x ?p ?o }", "", "PREFIX ex: <urn:ex#>"):
                with pytest.raises(SyntaxError):
                    store.read_query(text)
        else:
            with pytest.raises(CypherSyntaxError):
                store.read_query("RETRUN 1")
