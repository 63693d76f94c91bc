"""The `path` query on the embedded store: SPARQL has no shortest path, so Python walks it.

`queries/sparql/path.rq` is one breadth-first step: the neighbours of a frontier of nodes
along PARTICIPATED_IN, HOLDS and POST_IN, either way. Walking it from the far end until the
near end is reached gives every node's distance to the far end; the chain then goes from the
near end to the neighbour one step closer with the smallest id, again and again, which is
the chain that `path.cypher` picks in Neo4j (of the shortest, the one whose list of node ids
sorts first), so both stores give the same rows.
"""

from __future__ import annotations

from typing import Any

from graph.store import GraphStore
from graph.vocab import iri, label_of

MAX_LINKS = 12
"""The longest chain looked for, as `*..12` in path.cypher."""
FRONTIER = "VALUES ?node { }"
"""The clause of path.rq that each step fills with the frontier's IRIs."""


def _step(store: GraphStore, text: str, frontier: list[str]) -> list[dict[str, Any]]:
    values = " ".join(f"<{iri(node)}>" for node in frontier)
    return store.query(text.replace(FRONTIER, f"VALUES ?node {{ {values} }}"), {})


def shortest_path(store: GraphStore, step_text: str, start: str, end: str) -> list[dict[str, Any]]:
    """Rows (step, kind, name, date, id) from `start` to `end`; none if they are further apart
    than MAX_LINKS, unconnected, or the same node (as in Cypher)."""
    if FRONTIER not in step_text:
        raise ValueError(f"the path step text has no `{FRONTIER}` clause")
    if start == end:
        return []
    distance = {end: 0}
    closer: dict[str, set[str]] = {}  # node → its neighbours one step nearer to `end`
    seen: dict[str, tuple[str, str | None]] = {}  # node → (name, date)
    frontier = [end]
    for depth in range(1, MAX_LINKS + 1):
        for row in _step(store, step_text, frontier):
            node, nxt = row["node"], row["next"]
            seen[nxt] = (row["name"], row["date"])
            if distance.setdefault(nxt, depth) == depth:
                closer.setdefault(nxt, set()).add(node)
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
    return [
        {"step": step, "kind": label_of(node), "name": name, "date": date, "id": node}
        for step, node in enumerate(chain)
        for name, date in [seen[node]]
    ]
