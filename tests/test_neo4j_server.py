"""The real Neo4j test server: write nodes and relationships over Bolt and read them back."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.neo4j

PEOPLE = [
    {"id": "p1", "name": "张三", "born": 1959},
    {"id": "p2", "name": "李四宝", "born": 1962},
]
BODY = {"id": "b1", "name": "某市人民政府"}
POSTS = [
    {"person": "p1", "body": "b1", "title": "市长"},
    {"person": "p2", "body": "b1", "title": "副市长"},
]


def test_write_and_read_back_over_bolt(neo4j_driver):
    # Everything goes in as parameters, never spliced into the Cypher text.
    neo4j_driver.execute_query(
        "UNWIND $people AS p CREATE (:Person {id: p.id, name: p.name, born: p.born})",
        people=PEOPLE,
    )
    neo4j_driver.execute_query("CREATE (:Body {id: $id, name: $name})", **BODY)
    summary = neo4j_driver.execute_query(
        """
        UNWIND $posts AS post
        MATCH (p:Person {id: post.person}), (b:Body {id: post.body})
        CREATE (p)-[:HOLDS_POST {title: post.title}]->(b)
        """,
        posts=POSTS,
    ).summary
    assert summary.counters.relationships_created == 2

    records, _, _ = neo4j_driver.execute_query(
        """
        MATCH (p:Person)-[h:HOLDS_POST]->(b:Body {name: $body})
        RETURN p.name AS name, p.born AS born, h.title AS title, b.name AS body
        ORDER BY p.born
        """,
        body="某市人民政府",
    )
    assert [r.data() for r in records] == [
        {"name": "张三", "born": 1959, "title": "市长", "body": "某市人民政府"},
        {"name": "李四宝", "born": 1962, "title": "副市长", "body": "某市人民政府"},
    ]

    node = neo4j_driver.execute_query("MATCH (p:Person {id: $id}) RETURN p", id="p2").records[0][
        "p"
    ]
    assert set(node.labels) == {"Person"}
    assert dict(node) == PEOPLE[1]


@pytest.mark.parametrize("run", [1, 2])
def test_each_test_starts_with_an_empty_database(neo4j_driver, run):
    # Each run finds nothing, then leaves data, a constraint and an index for the next one.
    count = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    constraints = neo4j_driver.execute_query("SHOW CONSTRAINTS YIELD name").records
    indexes = neo4j_driver.execute_query(
        "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name"
    ).records
    assert (count, constraints, indexes) == (0, [], [])

    neo4j_driver.execute_query(
        "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE"
    )
    neo4j_driver.execute_query("CREATE INDEX body_name IF NOT EXISTS FOR (b:Body) ON (b.name)")
    neo4j_driver.execute_query(
        "CREATE (:Person {id: $id})-[:MET]->(:Person {id: $other})", id=f"left-{run}", other="x"
    )


def test_routing_uri_works_too(neo4j_driver, neo4j_uri, neo4j_auth):
    # The server advertises its real Bolt port, so neo4j:// (routing) URIs work as well.
    from neo4j import GraphDatabase

    routing = neo4j_uri.replace("bolt://", "neo4j://", 1)
    with GraphDatabase.driver(routing, auth=neo4j_auth) as driver:
        records, _, _ = driver.execute_query("RETURN $x AS x", x=42)
    assert records[0]["x"] == 42


def test_server_is_neo4j_5_community(neo4j_driver):
    records, _, _ = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS v, edition"
    )
    version, edition = records[0]["v"], records[0]["edition"]
    assert version.startswith("5."), version
    assert edition == "community"
