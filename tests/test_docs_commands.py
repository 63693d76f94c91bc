"""Every command, its options and subcommands, and every canned query are documented, as
datasette's and sqlite-utils' docs tests check theirs: a command added without a section in
docs/cli.md, an option its section does not name, an export format or a canned query file
that no page names, fails here."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer.main

from officials_kg.cli.commands.export import Format
from officials_kg.cli.main import app
from officials_kg.queries.catalog import catalog

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
QUERIES = ROOT / "queries"
COMMANDS: dict[str, Any] = typer.main.get_command(app).commands  # type: ignore[attr-defined]


def _page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def section(name: str) -> str:
    """The text of docs/cli.md under `### \\`okg NAME\\`` up to the next heading."""
    found = re.search(rf"^### `okg {name}`\n(.*?)(?=^#|\Z)", _page("cli.md"), re.M | re.S)
    assert found, f"docs/cli.md has no section `### \\`okg {name}\\`` for the command"
    return found[1]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_row_and_a_section_naming_each_option(name: str):
    assert re.search(rf"^\| `okg {name}\b", _page("cli.md"), re.M), f"no row for okg {name}"
    text = section(name)
    options = [
        opt
        for param in COMMANDS[name].params
        if param.param_type_name == "option"
        for opt in param.opts
        if opt.startswith("--")
    ]
    assert options, name
    missing = [opt for opt in options if f"`{opt}" not in text]
    assert not missing, f"the section of okg {name} in docs/cli.md does not name {missing}"


def test_the_sections_are_of_commands_that_exist():
    documented = re.findall(r"^### `okg (\w+)`", _page("cli.md"), re.M)
    assert sorted(documented) == sorted(COMMANDS)


def test_every_export_format_is_named_where_export_is_documented():
    for fmt in Format:
        assert f"`{fmt.value}`" in section("export"), fmt
        assert re.search(rf"^\| (`\S+`, )*`{fmt.value}`", _page("exports.md"), re.M), fmt


def test_every_canned_query_is_documented():
    files = {p.stem for p in (QUERIES / "cypher").glob("*.cypher")}
    assert files == {p.stem for p in (QUERIES / "sparql").glob("*.rq")} == set(catalog())
    text = _page("queries.md")
    for query in catalog().values():
        assert f"`{query.usage}`" in text, f"docs/queries.md does not show `{query.usage}`"


def test_every_picture_query_is_documented():
    pictures = sorted((QUERIES / "cypher" / "graph").glob("*.cypher"))
    assert pictures
    pages = "".join(_page(p.name) for p in DOCS.glob("*.md"))
    for path in pictures:
        assert f"`{path.relative_to(ROOT)}`" in pages, path
