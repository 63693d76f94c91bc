"""What a store has written in this run, so that later batches send only what is new.

A node's or link's type and single values are fixed by its id (graph/model.py); only its
sets grow. Persons, bodies, posts, events and the links between them recur in document
after document (nearly half the triples of a batch of generated pages were such repeats),
so a store that remembers having written one sends only its set values the next time.
The memory is bounded: past the limit it starts afresh, and the ids that really recur
come back within a batch or two, so it stays flat whatever the corpus size. It is only
valid for the store instance that wrote: a store emptied or changed behind its back must
be reopened.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from officials_kg.graph.model import GraphBatch

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


@dataclass
class Written:
    """Ids of recurring nodes and links written by one store instance, at most `limit`."""

    limit: int = 200_000  # some 20 MB of ids
    ids: set[str] = field(default_factory=set)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self.ids

    def remember(self, batch: GraphBatch) -> None:
        """Call once the batch is in the store."""
        if len(self.ids) > self.limit:
            self.ids.clear()
        self.ids.update(i for i, n in batch.nodes.items() if n.label in RECURRING)
        self.ids.update(i for i, k in batch.links.items() if k.type in RECURRING)
