"""`okg ingest` and `okg stats` on the embedded store, and the Neo4j password's secrecy."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from officials_kg.cli.main import app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


def test_ingest_then_stats(tmp_path: Path):
    data = ["--data", str(tmp_path / "okg")]
    result = runner.invoke(app, ["ingest", str(SEEDS), *data])
    assert result.exit_code == 0, result.output
    assert "loaded 5 documents" in result.output
    for word in ("documents", "persons", "organizations", "events", "facts"):
        assert word in result.output
    stats = runner.invoke(app, ["stats", "--json", *data])
    assert stats.exit_code == 0, stats.output
    counts = json.loads(stats.output)
    assert counts["documents"] == 5 and counts["persons"] > 40 and counts["facts"] > 100
    again = runner.invoke(app, ["ingest", str(SEEDS), *data])
    assert "loaded 0 documents (5 already there" in again.output
    assert json.loads(runner.invoke(app, ["stats", "--json", *data]).output) == counts


def test_the_data_folder_comes_from_okg_data(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("OKG_DATA", str(tmp_path / "elsewhere"))
    result = runner.invoke(app, ["stats", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["documents"] == 0
    assert (tmp_path / "elsewhere").is_dir()


def test_a_failing_input_is_reported_and_the_run_fails_if_nothing_loads(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(bad), "--data", str(tmp_path / "okg")])
    assert result.exit_code == 1
    assert f"{bad}:1" in result.output


def test_help_shows_an_example():
    for command in ("ingest", "stats"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example: okg " + command in result.output


def test_the_neo4j_password_is_never_printed(monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pw")
    result = runner.invoke(
        app, ["stats", "--store", "neo4j", "--neo4j-uri", "bolt://127.0.0.1:9", "--neo4j-user", "u"]
    )
    assert result.exit_code == 2
    assert "cannot open the neo4j store" in result.output
    assert "s3cret-pw" not in result.output
    assert "s3cret-pw" not in runner.invoke(app, ["stats", "--help"]).output
