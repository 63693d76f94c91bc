"""`okg query`, `okg cypher` and `okg sparql` as a user runs them, on the seeds.

The embedded store is loaded once for the module with `okg ingest` (the graph tests' seed
records); the Neo4j case loads the test server (tests/conftest.py) the same way.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from officials_kg.cli.main import app
from officials_kg.queries.catalog import catalog, questions
from tests.gold import JUDGE, POLICE_CHIEF, UNITED_FRONT_HEAD, VICE_MAYOR, participants
from tests.test_graph_stores import seed_records  # noqa: F401  (a fixture: the seeds' records)

runner = CliRunner()
QUERIES = Path(__file__).resolve().parent.parent / "queries"
MEETING = ["attendees", "市委政法工作会议"]
ATTENDEES = set(participants("许昌市委政法工作会议"))  # real people: named by the gold


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory, seed_records: Path) -> list[str]:  # noqa: F811
    folder = tmp_path_factory.mktemp("cli-query") / "okg"
    loaded = runner.invoke(app, ["ingest", str(seed_records), "--data", str(folder)])
    assert loaded.exit_code == 0, loaded.output
    return ["--data", str(folder)]


def test_a_canned_query_prints_a_table_and_says_which_entity_a_name_found(data):
    result = runner.invoke(app, ["query", *MEETING, *data])
    assert result.exit_code == 0, result.output
    assert len(ATTENDEES) == 4
    for name in (*ATTENDEES, "2023-02-17", "4 rows"):
        assert name in result.stdout
    assert "MEETING 市委政法工作会议: 许昌市委政法工作会议 (event/" in result.stderr


def test_json_and_csv_give_the_columns_of_the_catalog(data):
    rows = json.loads(runner.invoke(app, ["query", *MEETING, "--json", *data]).stdout)
    assert {r["name"] for r in rows} == ATTENDEES
    assert all(list(r) == list(catalog()["attendees"].columns) for r in rows)
    table = list(
        csv.reader(io.StringIO(runner.invoke(app, ["query", *MEETING, "--csv", *data]).stdout))
    )
    assert table[0] == list(catalog()["attendees"].columns)
    assert {r[0] for r in table[1:]} == {r["name"] for r in rows}
    assert "attend; speak" in {r[2] for r in table[1:]}
    limited = runner.invoke(app, ["query", *MEETING, "--json", "--limit", "1", *data])
    assert json.loads(limited.stdout) == rows[:1]


def test_an_id_works_where_a_name_does(data):
    rows = json.loads(runner.invoke(app, ["query", *MEETING, "--json", *data]).stdout)
    chief = next(r["id"] for r in rows if r["name"] == POLICE_CHIEF)
    by_id = runner.invoke(app, ["query", "posts", chief, "--json", *data])
    by_name = runner.invoke(app, ["query", "posts", POLICE_CHIEF, "--json", *data])
    assert json.loads(by_id.stdout) == json.loads(by_name.stdout) != []


def test_a_name_of_several_entities_lists_them_with_context_and_guesses_nothing(data):
    result = runner.invoke(app, ["query", "members", "市委", *data])
    assert result.exit_code == 1
    assert "entities match '市委' (BODY)" in result.stderr
    assert "give one of these ids instead" in result.stderr
    for listed in ("许昌市委", "承德市委", "organization/", "许昌市"):  # 许昌市: a place, context
        assert listed in result.stderr
    assert result.stdout == ""


def test_a_name_of_nothing_and_bad_usage_are_told_apart(data):
    missing = runner.invoke(app, ["query", "meetings", "没有这个人", *data])
    assert missing.exit_code == 1 and "no Person matches '没有这个人'" in missing.stderr
    unknown = runner.invoke(app, ["query", "whoknows", "x", *data])
    assert unknown.exit_code == 2 and "no canned query 'whoknows'" in unknown.output
    short = runner.invoke(app, ["query", "path", JUDGE, *data])
    assert short.exit_code == 2 and "usage: okg query path PERSON OTHER" in short.output


def test_without_a_name_query_lists_the_catalog():
    result = runner.invoke(app, ["query"])
    assert result.exit_code == 0
    for query in questions():
        assert f"okg query {query.usage}" in result.stdout


@pytest.mark.parametrize("command", ["query", "cypher", "sparql"])
def test_help_shows_an_example(command: str):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example: okg " + command in result.stdout


def test_sparql_runs_a_users_query_and_a_query_file(data):
    text = "SELECT ?anchor WHERE { ?p foaf:name ?name ; okg:anchor ?anchor }"
    name = f"name={UNITED_FRONT_HEAD}"
    result = runner.invoke(app, ["sparql", text, "-p", name, "--json", *data])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"anchor": "许昌市"}]
    meeting = "event/5e14b1d3e04864596e34"  # an id is written in as its IRI
    text = "SELECT ?name WHERE { ?e schema:attendee ?p . ?p foaf:name ?name }"
    names = runner.invoke(app, ["sparql", text, "-p", f"e={meeting}", "--json", *data])
    assert {r["name"] for r in json.loads(names.stdout)} == ATTENDEES
    named = runner.invoke(
        app, ["sparql", str(QUERIES / "sparql/named.rq"), "-p", "text=许昌市委", *data]
    )
    assert named.exit_code == 0 and "organization/" in named.stdout


def test_sparql_refuses_updates_and_changes_nothing(data):
    def persons() -> int:
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?p a foaf:Person }"
        return json.loads(runner.invoke(app, ["sparql", count, "--json", *data]).stdout)[0]["n"]

    before = persons()
    for update in (
        'INSERT DATA { <urn:x> a foaf:Person ; foaf:name "假人" }',
        "# a comment first\nPREFIX ex: <urn:ex#>\nDELETE WHERE { ?p a foaf:Person }",
    ):
        result = runner.invoke(app, ["sparql", update, *data])
        assert result.exit_code == 1
        assert "okg sparql runs read-only queries" in result.stderr and "refused" in result.stderr
    assert persons() == before > 40


def test_cypher_on_neo4j_reads_only_and_runs_the_browser_files(
    neo4j_driver,
    neo4j_uri: str,
    seed_records: Path,  # noqa: F811
    data,
):
    neo4j = ["--neo4j-uri", neo4j_uri]
    loaded = runner.invoke(app, ["ingest", str(seed_records), "--store", "neo4j", *neo4j])
    assert loaded.exit_code == 0, loaded.output

    browser_file = runner.invoke(
        app, ["cypher", str(QUERIES / "cypher/attendees.cypher"), "--json", *neo4j]
    )
    assert browser_file.exit_code == 0, browser_file.output
    assert {r["name"] for r in json.loads(browser_file.stdout)} == ATTENDEES

    anchor = "MATCH (p:Person {name: $n}) RETURN p.anchor AS anchor"
    own = runner.invoke(app, ["cypher", anchor, "-p", f"n={UNITED_FRONT_HEAD}", *neo4j])
    assert own.exit_code == 0 and "许昌市" in own.stdout

    write = runner.invoke(app, ["cypher", "CREATE (x:Intruder) RETURN x", *neo4j])
    assert write.exit_code == 1 and "read-only" in write.stderr and "refused" in write.stderr
    records, _, _ = neo4j_driver.execute_query("MATCH (x:Intruder) RETURN count(x) AS n")
    assert records[0]["n"] == 0

    path = ["query", "path", JUDGE, VICE_MAYOR, "--json"]
    on_neo4j = runner.invoke(app, [*path, "--store", "neo4j", *neo4j])
    on_embedded = runner.invoke(app, [*path, *data])
    assert on_neo4j.exit_code == 0, on_neo4j.output
    assert json.loads(on_neo4j.stdout) == json.loads(on_embedded.stdout) != []
