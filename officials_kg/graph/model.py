"""The resolved graph: nodes and links with ids derived from their content.

A node or link has single-valued `props`, which are fixed by what its id is made of
(a person's name and anchor, an event's name, type and date), and multi-valued `sets`
(an organization's aliases, a link's evidence, roles and dates seen), which only ever
grow by union. That split is what makes loading idempotent and order-free: writing the
same node twice, or two reports of it in any order, gives the same stored node.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

__all__ = ["GraphBatch", "Link", "Node", "Scalar", "combine", "content_id"]

Scalar = str | int | None


def content_id(prefix: str, *parts: str | None) -> str:
    """`prefix/` + 20 hex digits of a hash of the parts: the same content, the same id."""
    key = "\x1f".join("" if p is None else p for p in parts)
    return f"{prefix}/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}"


@dataclass
class Node:
    label: str
    id: str
    props: dict[str, Scalar] = field(default_factory=dict)
    sets: dict[str, set[str]] = field(default_factory=dict)


@dataclass
class Link:
    type: str
    source: str
    target: str
    props: dict[str, Scalar] = field(default_factory=dict)
    sets: dict[str, set[str]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """One link of a type between two nodes; its own id names its RDF link node."""
        return link_id(self.type, self.source, self.target)


def link_id(link_type: str, source: str, target: str) -> str:
    return content_id(link_type.lower(), source, target)


@dataclass
class GraphBatch:
    """Nodes and links of whole documents, written to a store together (`GraphStore.write`)."""

    documents: list[str] = field(default_factory=list)
    nodes: dict[str, Node] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)

    def add_node(self, node: Node) -> Node:
        """Add a node, or merge its sets into the node already there under its id."""
        return _add(self.nodes, node)

    def add_link(self, link: Link) -> Link:
        return _add(self.links, link)


_Item = TypeVar("_Item", Node, Link)


def _add(into: dict[str, _Item], item: _Item, item_id: str | None = None) -> _Item:
    """`item_id`: the item's id when the caller has it (a link's id is a hash, made anew)."""
    item_id = item_id or item.id
    known = into.get(item_id)
    if known is None:
        into[item_id] = item
        return item
    _union(known.sets, item.sets)
    return known


def _union(into: dict[str, set[str]], new: dict[str, set[str]]) -> None:
    for key, values in new.items():
        into.setdefault(key, set()).update(values)


def combine(batches: Iterable[GraphBatch]) -> GraphBatch:
    """One batch of several documents' batches, shared nodes merged. The batches are used
    up: their nodes and links move into the result as they are, the first of each id taking
    the others' sets (copying them was a tenth of ingest's time in the writing process)."""
    out = GraphBatch()
    for batch in batches:
        out.documents.extend(batch.documents)
        for node_id, node in batch.nodes.items():
            _add(out.nodes, node, node_id)
        for link_id, link in batch.links.items():
            _add(out.links, link, link_id)
    return out
