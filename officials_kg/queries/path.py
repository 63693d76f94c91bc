"""The `path` query on the embedded store: SPARQL has no shortest path, so Python walks it.

`queries/sparql/path.rq` is one breadth-first step: the neighbours of a frontier of nodes
along PARTICIPATED_IN, HOLDS and POST_IN, either way. Walking it from the far end until the
near end is reached gives every node's distance to the far end; the chain then goes from the
near end to the neighbour one step closer with the smallest id, again and again, which is
the chain that `path.cypher` picks in Neo4j (of the shortest, the one whose list of node ids
sorts first), so both stores give the same rows. The names and dates of the chain's nodes
come last, from the same text: names for every frontier would cost more than the walk.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from officials_kg.graph.store import GraphStore
from officials_kg.graph.vocab import iri, label_of

MAX_LINKS = 12
"""The longest chain looked for, as `*..12` in path.cypher."""
WALKED = ("Event", "Person", "Post", "Organization")
"""The kinds a chain goes through; path.rq has a frontier clause for each, `VALUES ?event { }`."""
CHAIN = "VALUES ?named { }"
"""The clause of path.rq that names the chain."""


def _clause(label: str) -> str:
    return f"VALUES ?{label.lower()} {{ }}"


def _step(
    store: GraphStore, text: str, frontier: Sequence[str], chain: Sequence[str] = ()
) -> list[dict[str, Any]]:
    fills = [(_clause(label), [n for n in frontier if label_of(n) == label]) for label in WALKED]
    for clause, nodes in [*fills, (CHAIN, chain)]:
        iris = " ".join(f"<{iri(node)}>" for node in nodes)
        text = text.replace(clause, clause.replace("{ }", f"{{ {iris} }}"))
    return store.query(text, {})


def shortest_path(store: GraphStore, step_text: str, start: str, end: str) -> list[dict[str, Any]]:
    """Rows (step, kind, name, date, id) from `start` to `end`; none if they are further apart
    than MAX_LINKS, unconnected, or the same node (as in Cypher)."""
    missing = [c for c in [*map(_clause, WALKED), CHAIN] if c not in step_text]
    if missing:
        raise ValueError(f"the path step text lacks {', '.join(missing)}")
    if start == end:
        return []
    distance = {end: 0}
    closer: dict[str, set[str]] = {}  # node → its neighbours one step nearer to `end`
    frontier = [end]
    for depth in range(1, MAX_LINKS + 1):
        for row in _step(store, step_text, frontier):
            if distance.setdefault(row["next"], depth) == depth:
                closer.setdefault(row["next"], set()).add(row["node"])
        if start in distance:
            break
        frontier = sorted(n for n, d in distance.items() if d == depth)
        if not frontier:
            return []
    else:
        return []
    chain = [start]
    while chain[-1] != end:
        chain.append(min(closer[chain[-1]]))
    about: dict[str, dict[str, Any]] = {n: {"name": None, "date": None} for n in chain}
    for row in _step(store, step_text, [], chain):
        about[row["named"]].update({k: row[k] for k in ("name", "date") if row[k] is not None})
    return [
        {"step": step, "kind": label_of(node), **about[node], "id": node}
        for step, node in enumerate(chain)
    ]
