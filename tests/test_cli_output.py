"""Every command's `--json` has the one shape of its kind of output (officials_kg/cli/output.py,
docs/cli.md): rows one JSON array of objects, a row a line; a summary one JSON object on
one line; a stream JSON Lines, an object a line. Each command is run on the seeds and its
output parsed; a command whose --json is not one of the shared options fails the first
test until it says which kind it prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from officials_kg.cli.main import app
from officials_kg.cli.output import JSON_HELP, Shape
from officials_kg.queries.catalog import catalog, questions
from tests.gold import ROOT, SEEDS_GOLD
from tests.test_graph_stores import seed_records  # noqa: F401  (a fixture: the seeds' records)

runner = CliRunner()
SEEDS = ROOT / "seeds"

KIND = {
    "query": Shape.rows,
    "cypher": Shape.rows,
    "sparql": Shape.rows,
    "ingest": Shape.summary,
    "stats": Shape.summary,
    "export": Shape.summary,
    "view": Shape.summary,
    "evaluate": Shape.summary,
    "extract": Shape.stream,
    "articles": Shape.stream,
}
"""What each command prints with --json."""


def _json_help(command: Any) -> str | None:
    return next((p.help for p in command.params if "--json" in getattr(p, "opts", ())), None)


def test_every_command_takes_the_shared_json_option_of_its_kind():
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert set(commands) == set(KIND), "a command is new or gone: say what its --json prints"
    for name, command in commands.items():
        assert _json_help(command) == JSON_HELP[KIND[name]], name


def rows_of(stdout: str) -> list[dict[str, Any]]:
    """Rows: one JSON array of objects with the same keys, each row on a line of its own."""
    rows = json.loads(stdout)
    assert isinstance(rows, list) and all(isinstance(r, dict) for r in rows)
    assert all(list(r) == list(rows[0]) for r in rows)
    assert len(stdout.splitlines()) == max(len(rows), 1) and stdout.endswith("]\n")
    return rows


def summary_of(stdout: str) -> dict[str, Any]:
    """A summary: one JSON object on one line."""
    assert stdout.count("\n") == 1 and stdout.endswith("}\n")
    value = json.loads(stdout)
    assert isinstance(value, dict)
    return value


def stream_of(stdout: str) -> list[dict[str, Any]]:
    """A stream: JSON Lines, one object a line."""
    records = [json.loads(line) for line in stdout.splitlines()]
    assert records and all(isinstance(r, dict) for r in records)
    return records


SHAPE = {Shape.rows: rows_of, Shape.summary: summary_of, Shape.stream: stream_of}


def okg(*args: str) -> Any:
    """The parsed --json output of a command that must succeed, checked for its shape."""
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return SHAPE[KIND[args[0]]](result.stdout)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory, seed_records: Path) -> list[str]:  # noqa: F811
    folder = tmp_path_factory.mktemp("cli-output") / "okg"
    ingested = okg("ingest", str(seed_records), "--data", str(folder))
    assert (ingested["loaded"], ingested["already_there"], ingested["failed"]) == (5, 0, 0)
    assert ingested["facts"] > 100 and ingested["links"] > ingested["facts"]
    assert ingested["graph"]["documents"] == 5
    return ["--data", str(folder)]


def test_a_summary_is_one_object(data, tmp_path: Path):
    counts = okg("stats", *data)
    assert counts["documents"] == 5 and all(isinstance(n, int) for n in counts.values())
    again = okg("ingest", str(SEEDS), *data)
    assert (again["loaded"], again["already_there"], again["graph"]) == (0, 5, counts)
    wrote = okg("export", "graphml", str(tmp_path / "g.graphml"), *data)
    assert wrote["format"] == "graphml" and set(wrote["wrote"]) == {"nodes", "edges"}
    viewed = okg("view", str(tmp_path / "v.html"), *data)
    assert viewed["format"] == "view" and viewed["wrote"]["persons"] == counts["persons"]
    scores = okg("evaluate", "--gold", str(SEEDS_GOLD), str(SEEDS))
    assert set(scores["total"]) >= {"persons", "events"} and scores["documents"] == 5


def test_rows_are_one_array_of_objects(data):
    rows = okg("query", "attendees", "市委政法工作会议", *data)
    assert len(rows) == 4 and list(rows[0]) == list(catalog()["attendees"].columns)
    assert okg("sparql", "SELECT ?x WHERE { ?x a foaf:Nobody }", *data) == []
    listed = okg("query")
    assert [r["name"] for r in listed] == [q.name for q in questions()]
    assert list(listed[0]) == ["name", "usage", "answers"]
    persons = okg("sparql", "SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name }", *data)
    assert len(persons) > 40 and list(persons[0]) == ["name"]


def test_a_stream_is_an_object_a_line_and_extract_keeps_its_format():
    seeds = sorted(SEEDS.glob("*.txt"))
    articles = okg("articles", *map(str, seeds))
    assert len(articles) >= len(seeds) and {a["doc"] for a in articles} == {s.stem for s in seeds}
    records = okg("extract", *map(str, seeds))
    assert [r["doc"] for r in records] == [s.stem for s in seeds]
    as_jsonl = runner.invoke(app, ["extract", *map(str, seeds), "--format", "jsonl"])
    as_json = runner.invoke(app, ["extract", *map(str, seeds), "--json"])
    assert as_json.stdout_bytes == as_jsonl.stdout_bytes  # eval/FORMAT.md's records, unchanged


@pytest.mark.parametrize("command", ["query attendees 市委", "sparql ASK{}"])
def test_json_and_csv_together_are_refused(command: str):
    result = runner.invoke(app, [*command.split(), "--json", "--csv"])
    assert result.exit_code == 2 and "give --json or --csv, not both" in result.output


def test_cypher_rows_are_one_array_of_objects(neo4j_driver, neo4j_uri: str, seed_records):  # noqa: F811
    neo4j = ["--store", "neo4j", "--neo4j-uri", neo4j_uri]
    assert okg("ingest", str(seed_records), *neo4j)["graph"]["documents"] == 5
    text = "MATCH (p:Person) RETURN p.name AS name, p.id AS id ORDER BY id"
    rows = okg("cypher", text, "--neo4j-uri", neo4j_uri)
    assert len(rows) > 40 and list(rows[0]) == ["name", "id"]
