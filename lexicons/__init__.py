"""The project's lexicons: data tables that drive cleaning, context and extraction.

Each table is a plain text file beside this module (one entry per line, `#` starts a
comment, fields separated by tabs or, for word lists, any whitespace). Adding a title,
an organization suffix or a role cue is a data change, not a code change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _lines(name: str) -> list[str]:
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
    items = {w for line in _lines(name) for w in line.split()}
    return tuple(sorted(items, key=lambda w: (-len(w), w)))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated table; rows are padded so that every row has the header's width."""
    rows = [tuple(field.strip() for field in line.split("\t")) for line in _lines(name)]
    width = max(len(r) for r in rows)
    return tuple(r + ("",) * (width - len(r)) for r in rows)


@dataclass(frozen=True)
class Place:
    name: str  # 许昌市
    level: str  # province | city | county
    short: str  # 许昌
    city: str  # the prefecture-level city it belongs to ('' for provinces)
    province: str


@cache
def places() -> tuple[Place, ...]:
    return tuple(Place(*row[:5]) for row in table("places.tsv"))
