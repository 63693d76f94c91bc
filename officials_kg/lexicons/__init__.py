"""The project's lexicons: data tables that drive cleaning, context and extraction.

Each table is a plain text file beside this module (one entry per line, `#` starts a
comment, fields separated by tabs or, for word lists, any whitespace). Adding a title,
an organization suffix or a role cue is a data change, not a code change.

A tab-separated table (`.tsv`) opens with a header row naming its columns, and its readers
ask for columns by those names: a column added, moved or renamed in the file cannot
silently shift what a reader gets, and a table without a column its reader needs is refused
when it is read, not misread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

__all__ = [
    "Place",
    "TableError",
    "alternation",
    "column",
    "lines",
    "parse_table",
    "places",
    "table",
    "words",
]

HERE = Path(__file__).resolve().parent


def lines(name: str) -> list[str]:
    """The entries of the lexicon file `name` in the file's order, one a line, without
    blank and comment lines."""
    text = (HERE / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def alternation(words: Iterable[str]) -> str:
    """A regex matching the longest of `words` at a position, as their alternation longest
    first does, written as a trie (`市(?:委(?:书记)?|长)`): at each position the regex
    engine tries the few words that go on from its characters, not every word in turn."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branch(node: dict) -> str:
        ways = [re.escape(char) + branch(rest) for char, rest in sorted(node.items()) if char]
        if not ways:
            return ""
        either = ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"
        if "" not in node:
            return either
        return (either if len(ways) > 1 else f"(?:{either})") + "?"  # longer words first

    return branch(trie)


@cache
def words(name: str) -> tuple[str, ...]:
    """A word list, longest first (so that alternations match the longest word)."""
    items = {w for line in lines(name) for w in line.split()}
    return tuple(sorted(items, key=lambda w: (-len(w), w)))


class TableError(ValueError):
    """A table lacks a column its reader asks for, or a row has more fields than its header."""


def parse_table(text: str, columns: Sequence[str], source: str) -> tuple[tuple[str, ...], ...]:
    r"""The rows of a tab-separated table's `text`, each with the fields of `columns` in that
    order. The first line that is not blank or a `#` comment is the header; a row shorter
    than the header has empty fields at its end. `source` names the table in errors.

    >>> parse_table("# a comment\ncue\trole\n主持\tchair\n", ["role", "cue"], "cues.tsv")
    (('chair', '主持'),)

    Raises TableError if the header lacks one of `columns` or a row is wider than it."""
    lines = [
        (number, [cell.strip() for cell in line.split("\t")])
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]
    if not columns:
        raise TableError(f"{source}: a reader must name the columns it reads")
    header = lines[0][1] if lines else []
    missing = [c for c in columns if c not in header]
    if missing:
        raise TableError(
            f"{source}: no column {', '.join(map(repr, missing))} in its header row"
            f" ({' '.join(header) or 'none'})"
        )
    at = [header.index(c) for c in columns]
    rows = []
    for number, cells in lines[1:]:
        if len(cells) > len(header):
            raise TableError(
                f"{source}, line {number}: {len(cells)} fields, its header {len(header)}"
            )
        cells += [""] * (len(header) - len(cells))
        rows.append(tuple(cells[i] for i in at))
    return tuple(rows)


@cache
def table(name: str, *columns: str) -> tuple[tuple[str, ...], ...]:
    """The rows of the table `name` (places.tsv), each with the fields of the named
    `columns` in that order: `for cue, role in table("role_cues.tsv", "cue", "role")`.

    Raises TableError if the table's header lacks one of `columns`."""
    text = (HERE / name).read_text(encoding="utf-8")
    return parse_table(text, columns, f"lexicons/{name}")


def column(name: str, heading: str) -> tuple[str, ...]:
    """The column `heading` of the table `name`, in the table's order."""
    return tuple(row[0] for row in table(name, heading))


@dataclass(frozen=True)
class Place:
    name: str  # 许昌市
    level: str  # province | city | county
    short: str  # 许昌
    city: str  # the prefecture-level city it belongs to ('' for provinces)
    province: str


@cache
def places(name: str = "places.tsv") -> tuple[Place, ...]:
    """The places of a table with Place's columns (places.tsv, places_renamed.tsv)."""
    columns = tuple(field.name for field in fields(Place))
    return tuple(Place(*row) for row in table(name, *columns))
