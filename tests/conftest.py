"""Shared pytest fixtures.

Neo4j (issue 4): tests that need a real Neo4j server take the ``neo4j_driver`` fixture (or are
marked ``@pytest.mark.neo4j``). ``scripts/test`` starts the server and exports NEO4J_TEST_URI;
by hand::

    scripts/neo4j-test-server start
    eval "$(scripts/neo4j-test-server env)"    # exports NEO4J_TEST_URI
    .venv/bin/pytest -m neo4j
    scripts/neo4j-test-server stop

Without NEO4J_TEST_URI such tests fail (they are never skipped) with a message saying this.

Fixtures:
  neo4j_uri         the Bolt URI (session scope)
  neo4j_http_uri    the HTTP URI, from NEO4J_TEST_HTTP_URI; the Browser is at its /browser/
  neo4j_auth        the auth to pass to the driver or to ``okg --neo4j-user``: None when the
                    server has auth disabled (the test server does), else (user, password)
                    from NEO4J_TEST_USER / NEO4J_TEST_PASSWORD (session scope)
  neo4j_server      a connected ``neo4j.Driver``, database NOT cleared (session scope)
  neo4j_driver      the same driver, after emptying the database: all nodes, relationships,
                    constraints and indexes are removed before the test (function scope)
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

NEO4J_FIXTURES = {"neo4j_uri", "neo4j_http_uri", "neo4j_auth", "neo4j_server", "neo4j_driver"}

NEO4J_HOWTO = (
    "this test needs the Neo4j test server, and NEO4J_TEST_URI is not set.\n"
    "Start it and export its URI, then run pytest again:\n"
    "    scripts/neo4j-test-server start\n"
    '    eval "$(scripts/neo4j-test-server env)"    # exports NEO4J_TEST_URI, NEO4J_TEST_HTTP_URI\n'
    "and afterwards: scripts/neo4j-test-server stop\n"
    "(scripts/test does all of this by itself.)"
)


def pytest_configure(config: pytest.Config) -> None:
    # scripts/test runs the suite on the editable install (the source), then again on the
    # wheel's compiled modules (setup.py) with OKG_EXPECT_COMPILED=1: each run must import
    # the build it means to test.
    from officials_kg.extraction import is_compiled

    expected = os.environ.get("OKG_EXPECT_COMPILED") == "1"
    if is_compiled() != expected:
        imported = "compiled (a wheel's)" if is_compiled() else "the source"
        raise pytest.UsageError(
            f"the extractor imported is {imported}, and OKG_EXPECT_COMPILED is "
            f"{'1' if expected else 'not 1'}: install editable (pip install -e .) to test "
            "the source, or set OKG_EXPECT_COMPILED=1 and --import-mode=append for a wheel"
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # A test that uses a Neo4j fixture is a neo4j test, so `-m "not neo4j"` leaves it out.
    for item in items:
        if NEO4J_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("neo4j") and not os.environ.get("NEO4J_TEST_URI"):
        pytest.fail(NEO4J_HOWTO, pytrace=False)


@pytest.fixture(scope="session")
def neo4j_uri() -> str:
    uri = os.environ.get("NEO4J_TEST_URI")
    if not uri:
        pytest.fail(NEO4J_HOWTO, pytrace=False)
    return uri


@pytest.fixture(scope="session")
def neo4j_http_uri(neo4j_uri: str) -> str:
    uri = os.environ.get("NEO4J_TEST_HTTP_URI")
    if not uri:
        pytest.fail(
            NEO4J_HOWTO.replace("NEO4J_TEST_URI is", "NEO4J_TEST_HTTP_URI is"), pytrace=False
        )
    return uri.rstrip("/") + "/"


@pytest.fixture(scope="session")
def neo4j_auth() -> tuple[str, str] | None:
    user = os.environ.get("NEO4J_TEST_USER")
    password = os.environ.get("NEO4J_TEST_PASSWORD")
    if user is None and password is None:
        return None
    return (user or "neo4j", password or "")


@pytest.fixture(scope="session")
def neo4j_server(neo4j_uri: str, neo4j_auth: tuple[str, str] | None) -> Iterator:
    from neo4j import GraphDatabase

    driver = GraphDatabase.driver(neo4j_uri, auth=neo4j_auth)
    try:
        driver.verify_connectivity()
    except Exception as exc:
        driver.close()
        pytest.fail(
            f"cannot reach the Neo4j test server at NEO4J_TEST_URI={neo4j_uri}: {exc}\n"
            "Is it running? scripts/neo4j-test-server status",
            pytrace=False,
        )
    yield driver
    driver.close()


@pytest.fixture
def neo4j_driver(neo4j_server) -> Iterator:
    clear_neo4j(neo4j_server)
    yield neo4j_server


def clear_neo4j(driver) -> None:
    """Empty the default database: data first, then constraints, then indexes."""
    driver.execute_query("MATCH (n) DETACH DELETE n")
    constraints, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name")
    for record in constraints:
        driver.execute_query(f"DROP CONSTRAINT {_quote(record['name'])} IF EXISTS")
    indexes, _, _ = driver.execute_query("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")
    for record in indexes:
        driver.execute_query(f"DROP INDEX {_quote(record['name'])} IF EXISTS")


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"
