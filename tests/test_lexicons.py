"""Tables are read by the names of their columns (lexicons.parse_table): a table file opens
with a header row, and a reader that asks for a column the header lacks is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from officials_kg import lexicons
from officials_kg.lexicons import TableError, parse_table

ROOT = Path(__file__).resolve().parent.parent
TABLES = sorted(
    path
    for folder in ("officials_kg/lexicons", "officials_kg/evaluation", "officials_kg/graph/exports")
    for path in (ROOT / folder).glob("*.tsv")
)


@pytest.mark.parametrize("path", TABLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_table_has_a_header_no_row_is_wider_than(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header = next(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    columns = header.split("\t")
    assert len(set(columns)) == len(columns) > 1, f"{path.name}: header row {header!r}"
    assert parse_table(text, columns, path.name)  # every row fits the header


def test_columns_are_read_by_name_in_the_order_asked() -> None:
    text = "# cues\ncue\trole\tstrength\n主持\tchair\n讲授\tspeak\tgives\n"
    assert parse_table(text, ["strength", "cue"], "t.tsv") == (("", "主持"), ("gives", "讲授"))


def test_a_column_the_header_lacks_is_refused_by_name() -> None:
    refused = r"t\.tsv: no column 'type' in its header row \(cue role\)"
    with pytest.raises(TableError, match=refused):
        parse_table("cue\trole\n主持\tchair\n", ["cue", "type"], "t.tsv")
    with pytest.raises(TableError, match="lexicons/titles.tsv: no column 'rank'"):
        lexicons.table("titles.tsv", "title", "rank")


def test_a_row_wider_than_its_header_is_refused_with_its_line() -> None:
    with pytest.raises(TableError, match=r"t\.tsv, line 3: 3 fields, its header 2"):
        parse_table("cue\trole\n\n主持\tchair\textra\n", ["cue"], "t.tsv")


def test_a_reader_names_its_columns() -> None:
    with pytest.raises(TableError, match="must name the columns"):
        lexicons.table("titles.tsv")
