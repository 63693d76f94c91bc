"""The embedded store's name index: the pairs of characters in every name, for `find`.

`find` (queries/sparql/find.rq) looks for the names that contain a text. pyoxigraph has no text
index, and it keeps a literal longer than 15 bytes (five Chinese characters) in a table of its own,
so testing every name with CONTAINS reads each of those strings from RocksDB, a cost that grows with
the graph. A name that contains a text contains each pair of adjacent characters of the text; the
nodes that have all of the text's pairs among their names' pairs are few, and CONTAINS then tests
only their names. The answer is the same: the pairs only narrow the nodes to test. Every name also
has the empty string, which a text of fewer than two characters looks up: all the nodes of a kind,
as before the index.

The index is one triple `<node> okg:eventPair "许昌"` per pair and node (okg:personPair,
okg:organizationPair, okg:postPair for the other kinds), in the named graph okg:names,
outside the default graph that the store's readers, the exports and `okg sparql` see. The
embedded store writes it with the nodes (a name is fixed by the node's id and aliases only
grow, so the index only grows too), and builds it when it opens a store written before the
index existed: `okg:names a okg:NameIndex` says that a store has it.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from pyoxigraph import Literal

from officials_kg.graph.model import Node
from officials_kg.graph.ntriples import iri_ref
from officials_kg.graph.vocab import NODE_TYPES, OKG, PREFIXES

NAMED = {
    "Person": ("name",),
    "Event": ("name",),
    "Organization": ("name", "aliases"),
    "Post": ("label",),
}
"""The labels that `find` looks through, and their properties (or sets) that name them."""

NAMES_GRAPH = str(OKG.names)
PAIR = {label: str(OKG[f"{label.lower()}Pair"]) for label in NAMED}
"""The predicate of a label's pairs (okg:personPair …): find.rq's branch for a kind reads
only the nodes of that kind, and needs no test of their class."""
_INDEXED = f"<{NAMES_GRAPH}> <{PREFIXES['rdf']}type> <{OKG.NameIndex}>"
MARKER = f"{_INDEXED} <{NAMES_GRAPH}> ."
"""The N-Quads line that says a store has the index, written after the pairs."""
HAS_INDEX = f"ASK {{ GRAPH <{NAMES_GRAPH}> {{ {_INDEXED} }} }}"


def _pairs(text: str) -> list[str]:
    return list(dict.fromkeys(text[i : i + 2] for i in range(len(text) - 1)))


def name_pairs(name: str) -> list[str]:
    """What the index holds for a name: its distinct pairs of adjacent characters, and the
    empty string, which every name contains."""
    return ["", *_pairs(name)]


def text_pairs(text: str) -> list[str]:
    """What find.rq looks up for a text: its pairs, all of which a name that contains it has;
    for a text of fewer than two characters the empty string, that is every node."""
    return _pairs(text) or [""]


def _lines(label: str, subject: str, name: str) -> Iterable[str]:
    for pair in name_pairs(name):
        yield f"{subject} <{PAIR[label]}> {Literal(pair)} <{NAMES_GRAPH}> ."


def index_lines(nodes: Iterable[Node], known: Container[str] = frozenset()) -> list[str]:
    """The N-Quads lines that index the names of `nodes`; for a `known` node (one whose
    single values the store has already), its sets' names only (a body's aliases)."""
    out: list[str] = []
    for node in nodes:
        for key in NAMED.get(node.label, ()):
            if key in NODE_TYPES[node.label].sets:
                names: Iterable[object] = node.sets.get(key, ())
            elif node.id in known:
                continue
            else:
                names = [node.props.get(key)]
            for name in names:
                if name:
                    out.extend(_lines(node.label, iri_ref(node.id), str(name)))
    return out


def names_query() -> str:
    """SELECT ?label ?id ?name: every name that the index covers, to build it for a store."""
    branches = []
    for label, keys in NAMED.items():
        t = NODE_TYPES[label]
        for key in keys:
            predicate = (t.props | t.sets)[key].predicate
            branches.append(
                f'{{ ?id a <{t.rdf_class}> ; <{predicate}> ?name . BIND ("{label}" AS ?label) }}'
            )
    return "SELECT ?label ?id ?name WHERE { " + " UNION ".join(branches) + " }"


def store_lines(rows: Iterable[dict]) -> list[str]:
    """The index lines of `names_query`'s rows (pyoxigraph solutions)."""
    return [
        line
        for row in rows
        for line in _lines(row["label"].value, f"<{row['id'].value}>", row["name"].value)
    ]
