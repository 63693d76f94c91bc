"""Run a canned query on either store and give rows that are the same whichever answered.

Each store runs its own text (`query.cypher` or `query.sparql`) with the arguments bound as
parameters: ids as they are for Cypher, as IRIs for SPARQL. The rows are then put in one
form: the declared columns only, list columns as sorted lists without repeats (SPARQL gives
them as GROUP_CONCAT strings), and rows in the declared order, ties broken by the whole row,
since neither store's ORDER BY is the same as the other's for nulls and mixed values.
"""

from __future__ import annotations

import json
from typing import Any

from pyoxigraph import NamedNode

from graph.store import GraphStore
from graph.vocab import iri
from queries.catalog import LIST_SEPARATOR, CannedQuery
from queries.path import shortest_path

Row = dict[str, Any]


def bind(store: GraphStore, query: CannedQuery, args: dict[str, str]) -> dict[str, Any]:
    """The parameters as the store takes them; `args` gives ids for entity parameters."""
    missing = [p.name for p in query.params if p.name not in args]
    if missing:
        raise ValueError(f"{query.name} needs {', '.join(missing)}")
    if store.query_language == "cypher":
        return {p.name: args[p.name] for p in query.params}
    return {p.name: NamedNode(iri(args[p.name])) if p.kinds else args[p.name] for p in query.params}


def run(store: GraphStore, query: CannedQuery, args: dict[str, str]) -> list[Row]:
    params = bind(store, query, args)
    if store.query_language == "cypher":
        rows = store.query(query.cypher, params)
    elif query.name == "path":  # the SPARQL text is one step of a walk (queries/path.py)
        rows = shortest_path(store, query.sparql, args["person"], args["other"])
    else:
        rows = store.query(query.sparql, params)
    return normalise(query, rows)


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    items = value.split(LIST_SEPARATOR) if isinstance(value, str) else value
    return sorted(set(items))


def _key(query: CannedQuery, row: Row) -> tuple:
    """Nulls last, as Cypher orders them; "-col" for numbers from high to low."""
    key: list[Any] = []
    for column in query.order:
        value = row[column.removeprefix("-")]
        if column.startswith("-") and value is not None:
            value = -value
        key += [value is None, value if value is not None else 0]
    return (*key, json.dumps(row, ensure_ascii=False, sort_keys=True))


def normalise(query: CannedQuery, rows: list[Row]) -> list[Row]:
    out = [
        {c: _as_list(row[c]) if c in query.lists else row[c] for c in query.columns} for row in rows
    ]
    return sorted(out, key=lambda row: _key(query, row))
