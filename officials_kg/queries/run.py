"""Run a canned query on either store and give rows that are the same whichever answered.

Each store runs its own text (`query.cypher` or `query.sparql`). Cypher takes the arguments as
parameters. SPARQL gets them written into the text as constants, IRIs for ids: pyoxigraph plans a
query around the constants in its text, while a variable bound by substitution is planned as if it
were free, and the query scans what a constant would have looked up. The rows are then put in one
form: the declared columns only, list columns as sorted lists without repeats (SPARQL gives them as
GROUP_CONCAT strings), and rows in the declared order, ties broken by the whole row, since neither
store's ORDER BY is the same as the other's for nulls and mixed values."""

from __future__ import annotations

import json
import re
from typing import Any

from officials_kg.graph.name_index import text_pairs
from officials_kg.graph.store import GraphStore
from officials_kg.graph.vocab import LABEL_OF_PREFIX, iri
from officials_kg.queries.catalog import LIST_SEPARATOR, CannedQuery
from officials_kg.queries.path import shortest_path

Row = dict[str, Any]


ENTITY_ID = re.compile(rf"(?:{'|'.join(LABEL_OF_PREFIX)})/[0-9a-f]{{20}}")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def term(value: str, entity: bool) -> str:
    """An argument as a SPARQL constant: an id as its IRI, anything else as a string."""
    if not entity:
        return '"' + value.translate(_ESCAPES) + '"'
    if not ENTITY_ID.fullmatch(value):
        raise ValueError(f"not an id: {value!r}")
    return f"<{iri(value)}>"


def write_in(text: str, terms: dict[str, str]) -> str:
    """The SPARQL text with every ?NAME of `terms` replaced by its constant."""
    for name, constant in terms.items():
        text = re.sub(rf"[?$]{re.escape(name)}\b", lambda _, c=constant: c, text)
    return text


def run(store: GraphStore, query: CannedQuery, args: dict[str, str]) -> list[Row]:
    """The rows that answer `query`; `args` gives an id for each entity parameter."""
    missing = [p.name for p in query.params if p.name not in args]
    if missing:
        raise ValueError(f"{query.name} needs {', '.join(missing)}")
    if store.query_language == "cypher":
        rows = store.query(query.cypher, {p.name: args[p.name] for p in query.params})
        return normalise(query, rows)
    terms = {p.name: term(args[p.name], bool(p.kinds)) for p in query.params}
    for p in query.params:  # what find.rq looks up in the name index for a text
        if not p.kinds:
            pairs = text_pairs(args[p.name])
            terms[f"{p.name}_pairs"] = " ".join(term(pair, False) for pair in pairs)
            terms[f"{p.name}_pair_count"] = str(len(pairs))
    if query.name == "path":  # the SPARQL text is one step of a walk (queries/path.py)
        rows = shortest_path(store, query.sparql, args["person"], args["other"])
    else:
        rows = store.query(write_in(query.sparql, terms))
    return normalise(query, rows)


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    items = value.split(LIST_SEPARATOR) if isinstance(value, str) else value
    return sorted(set(items))


class _WholeRow:
    """A row as the last sort key, its JSON text, which breaks ties in the declared order;
    made only for rows that tie (most orders end with an id): for every row it cost as much
    as the query itself on thousands of rows."""

    __slots__ = ("row", "_text")

    def __init__(self, row: Row) -> None:
        self.row, self._text = row, ""

    def text(self) -> str:
        if not self._text:
            self._text = json.dumps(self.row, ensure_ascii=False, sort_keys=True)
        return self._text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _WholeRow) and self.text() == other.text()

    def __lt__(self, other: _WholeRow) -> bool:
        return self.text() < other.text()

    __hash__ = None  # type: ignore[assignment]  # compared, never hashed


def _key(query: CannedQuery, row: Row) -> tuple:
    """Nulls last, as Cypher orders them; "-col" for numbers from high to low."""
    key: list[Any] = []
    for column in query.order:
        value = row[column.removeprefix("-")]
        if column.startswith("-") and value is not None:
            value = -value
        key += [value is None, value if value is not None else 0]
    return (*key, _WholeRow(row))


def normalise(query: CannedQuery, rows: list[Row]) -> list[Row]:
    out = [
        {c: _as_list(row[c]) if c in query.lists else row[c] for c in query.columns} for row in rows
    ]
    return sorted(out, key=lambda row: _key(query, row))
