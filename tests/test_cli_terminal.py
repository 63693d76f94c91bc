"""What `okg` prints on a terminal, at 80 and at 200 columns: query rows as cards whose labels
stay beside their values, or as a table; counts in words ("1 row"); help paragraphs that the
terminal wraps, not the source's line ends; `okg ingest` ending with one line of counts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from officials_kg.cli.main import app
from officials_kg.queries.catalog import catalog
from tests.test_graph_stores import seed_records  # noqa: F401  (a fixture: the seeds' records)

MEETING = ["attendees", "市委政法工作会议"]  # a meeting of the seeds with several attendees


def run(args: list[str], columns: int) -> subprocess.CompletedProcess[str]:
    """`okg ARGS` in a terminal of that width (rich reads COLUMNS)."""
    env = os.environ | {"COLUMNS": str(columns)}
    command = [sys.executable, "-m", "officials_kg.cli.main", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, seed_records: Path) -> tuple[list[str], str]:  # noqa: F811
    """The store's options, and what `okg ingest` of the seeds' records wrote on stderr."""
    folder = tmp_path_factory.mktemp("cli-terminal") / "okg"
    loaded = run(["ingest", str(seed_records), "--data", str(folder)], 80)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout == ""  # no table: `okg stats` has it
    return ["--data", str(folder)], loaded.stderr


@pytest.fixture(scope="module")
def attendees(ingested: tuple[list[str], str]) -> list[dict[str, Any]]:
    rows = json.loads(run(["query", *MEETING, "--json", *ingested[0]], 80).stdout)
    assert len(rows) >= 2
    return rows


def test_ingest_ends_with_one_line_of_the_counts_stats_gives(
    ingested: tuple[list[str], str],
    seed_records: Path,  # noqa: F811
) -> None:
    data, stderr = ingested
    documents = len(seed_records.read_text(encoding="utf-8").splitlines())
    last = stderr.splitlines()[-1]
    assert last.startswith(f"loaded {documents} documents (0 already there, 0 failed); wrote ")
    counts = json.loads(run(["stats", "--json", *data], 80).stdout)
    graph = ", ".join(
        f"{counts[k]:,} {k}" for k in ("documents", "persons", "organizations", "posts", "events")
    )
    assert last.endswith(f"; the graph: {graph}")  # one line, wider than the terminal


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("│")[1:-1]]


def test_cards_at_80_columns_keep_each_label_beside_its_value(
    ingested: tuple[list[str], str], attendees: list[dict[str, Any]]
) -> None:
    printed = run(["query", *MEETING, *ingested[0]], 80).stdout.splitlines()
    assert max(map(cell_len, printed)) <= 80
    columns = list(catalog()["attendees"].columns)
    rows = [cells(line) for line in printed if line.startswith("│")]
    cards: list[list[list[str]]] = []
    for label, value in rows:
        if label:
            if label == columns[0]:
                cards.append([])
            cards[-1].append([label, value])
        else:  # a value folded onto more lines: no label of its own
            cards[-1][-1][1] += value
    assert len(cards) == len(attendees)
    for card, row in zip(cards, attendees, strict=True):
        assert [label for label, _ in card] == columns
        shown = dict(card)
        assert shown["id"] == row["id"]
        assert shown["name"] == row["name"]
        assert shown["date"] == (row["date"] or "")
        assert shown["evidence"] == "".join(row["evidence"])


def test_a_table_at_200_columns_puts_a_row_on_the_lines_of_its_own(
    ingested: tuple[list[str], str], attendees: list[dict[str, Any]]
) -> None:
    printed = run(["query", *MEETING, *ingested[0]], 200).stdout.splitlines()
    assert max(map(cell_len, printed)) <= 200
    header = next(line for line in printed if line.startswith("┃"))
    assert [c.strip() for c in header.split("┃")[1:-1]] == list(catalog()["attendees"].columns)
    first_lines = [cells(line) for line in printed if line.startswith("│") and cells(line)[0]]
    assert [(c[0], c[-1]) for c in first_lines] == [(r["name"], r["id"]) for r in attendees]
    assert printed[-1].strip() == f"{len(attendees)} rows"


@pytest.mark.parametrize("columns", [80, 200])
def test_one_row_is_one_row(ingested: tuple[list[str], str], columns: int) -> None:
    printed = run(["query", *MEETING, "--limit", "1", *ingested[0]], columns).stdout
    assert printed.splitlines()[-1].strip() == "1 row"


def test_help_paragraphs_are_wrapped_by_the_terminal_not_by_the_source() -> None:
    for info in app.registered_commands:
        name = info.name or info.callback.__name__
        assert info.help, name  # reflowed from the docstring
        for paragraph in info.help.split("\n\n"):
            for line in paragraph.splitlines()[1:]:
                assert line.startswith((" ", "okg ")), (name, paragraph)
        printed = run([name, "--help"], 200).stdout
        for paragraph in info.help.split("\n\n"):
            if "\n" not in paragraph and "[" not in paragraph and len(paragraph) < 150:
                assert paragraph in printed, (name, paragraph)
