"""What a store has written in this run, so that later batches send only what is new.

A node's or link's type and single values are fixed by its id (graph/model.py); only its
sets grow. Persons, bodies, posts, events and the links between them recur in document
after document (nearly half the triples of a batch of generated pages were such repeats),
so a store that remembers having written one sends only its new set values the next time.
Their set values recur too (a role, the dates a post was seen, the places of a body: 8.5%
of the lines of 10,000 generated pages were such values, sent again batch after batch), so
the memory keeps them, but not the values of `PER_DOCUMENT_SETS`, which every document
brings new. The memory is bounded: past the limit it starts afresh, and the ids that really
recur come back within a batch or two, so it stays flat whatever the corpus size. It is
only valid for the store instance that wrote: a store emptied or changed behind its back
must be reopened.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.model import GraphBatch
from graph.vocab import LINK_TYPES, NODE_TYPES

RECURRING = frozenset(
    ["Person", "Organization", "Post", "Event"]
    + ["HOLDS", "PARTICIPATED_IN", "ORGANIZED", "PART_OF", "POST_IN"]
)
"""Labels and types whose ids recur across documents."""

PER_DOCUMENT = frozenset(
    ["Document", "Article", "Evidence", "IN_DOCUMENT", "QUOTED_FROM", "MENTIONS"]
)
"""Labels and types whose ids contain a document's name: they are written with it, once."""

PER_DOCUMENT_SETS = ("evidence", "docs")
"""Sets whose values are ids of that kind (sentences, documents)."""

Sets = dict[str, set[str]]

REMEMBERED = {
    name: tuple(k for k in t.sets if k not in PER_DOCUMENT_SETS)
    for name, t in {**NODE_TYPES, **LINK_TYPES}.items()
    if name in RECURRING
}
"""The sets whose values are remembered, per recurring label and type (none for most)."""

_NO_SETS: Sets = {}
"""What is remembered of an item with no such sets: one dict for all, never changed."""


@dataclass
class Written:
    """Recurring nodes and links written by one store instance (at most `limit`), each with
    the values of its sets written, those of `PER_DOCUMENT_SETS` left out."""

    limit: int = 200_000  # some 60 MB of ids and values
    values: dict[str, Sets] = field(default_factory=dict)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self.values

    def remember(self, batch: GraphBatch) -> None:
        """Call once the batch is in the store."""
        if len(self.values) > self.limit:
            self.values.clear()
        values = self.values
        items = [(i, REMEMBERED.get(n.label), n.sets) for i, n in batch.nodes.items()]
        items += [(i, REMEMBERED.get(k.type), k.sets) for i, k in batch.links.items()]
        for item_id, keys, sets in items:
            if keys is None:
                continue
            known = values.get(item_id)
            if not keys:
                values[item_id] = _NO_SETS
            elif known is None:
                values[item_id] = {key: set(sets.get(key, ())) for key in keys}
            else:
                for key in keys:
                    known[key].update(sets.get(key, ()))
