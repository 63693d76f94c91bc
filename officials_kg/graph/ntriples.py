"""The model's nodes and links as N-Triples lines: the one mapping from the graph to RDF.

Text, not term objects: the embedded store loads a batch as one N-Triples document that
pyoxigraph parses in Rust, which is several times faster than building a NamedNode or a
Literal in Python for every value (the write path made millions of them). Callers that want
terms (the RDF exports, removals) parse the same lines back with `quads`, so there is one
mapping and it cannot drift.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from pyoxigraph import Quad, RdfFormat, parse

from officials_kg.graph.model import GraphBatch, Link, Node, Scalar
from officials_kg.graph.store import Prepared
from officials_kg.graph.vocab import (
    ID_BASE,
    LINK_TYPES,
    NODE_TYPES,
    PREFIXES,
    LinkType,
    NodeType,
    Prop,
    role_iri,
)
from officials_kg.graph.written import PER_DOCUMENT, PER_DOCUMENT_SETS

_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_A = f" <{PREFIXES['rdf']}type> "
_DATE = f'"^^<{PREFIXES["xsd"]}date>'
_INTEGER = f'"^^<{PREFIXES["xsd"]}integer>'
_ROLE_CLASS = f"{_A}<{PREFIXES['org']}Role> ."
_ROLE_LABEL = f" <{PREFIXES['skos']}prefLabel> "


def iri_ref(node_id: str) -> str:
    """`<…/id/person/3f2a…>`: the IRI of a node or link id, as N-Triples writes it."""
    return f"<{ID_BASE}{node_id}>"


def _literal(value: Scalar) -> str:
    if isinstance(value, int):
        return f'"{value}{_INTEGER}'
    return '"' + str(value).translate(_ESCAPE) + '"'


@dataclass(frozen=True)
class _Shape:
    """A node label's or link type's predicates as text, made once per label or type."""

    type_line: str  # " <rdf:type> <class> ." after the subject
    props: dict[str, tuple[str, str]]  # key → (" <predicate> ", kind)
    sets: dict[str, tuple[str, str]]


def _shape(rdf_class: str | None, t: NodeType | LinkType) -> _Shape:
    def predicates(props: dict[str, Prop]) -> dict[str, tuple[str, str]]:
        return {k: (f" <{p.predicate}> ", p.kind) for k, p in props.items()}

    return _Shape(f"{_A}<{rdf_class}> .", predicates(t.props), predicates(t.sets))


_NODES = {label: _shape(t.rdf_class, t) for label, t in NODE_TYPES.items()}
_LINKS = {name: _shape(t.rdf_class, t) for name, t in LINK_TYPES.items()}
_REF = f"<{ID_BASE}"


class _Lines:
    """Lines being made for a batch, and the titles whose org:Role lines it needs.

    A role's two lines would otherwise come with every post and membership naming it (a
    batch had each several times): they are made once per batch, at the end. The kinds of
    values are told apart inline rather than by a call per value: a batch of 200 pages is
    some 50,000 lines, and Python's calls were most of what they cost to make.
    """

    def __init__(self) -> None:
        self.out: list[str] = []
        self.roles: set[str] = set()

    def item(
        self,
        subject: str,
        props: dict[str, Scalar],
        sets: dict[str, set[str]],
        shape: _Shape,
        known: bool,
    ) -> None:
        """A node's or link node's values: its sets, and its props unless it is `known`."""
        out = self.out
        if not known:
            for key, value in props.items():
                if value is not None:
                    predicate, kind = shape.props[key]
                    out.append(f"{subject}{predicate}{self.term(kind, value)} .")
        for key, values in sets.items():
            predicate, kind = shape.sets[key]
            head = subject + predicate
            if kind == "ref":
                out.extend([f"{head}{_REF}{v}> ." for v in values])
            else:
                out.extend([f"{head}{self.term(kind, v)} ." for v in values])

    def term(self, kind: str, value: Scalar) -> str:
        """A value as the object of a line, written as its property's `kind` says."""
        if kind == "ref":
            return f"{_REF}{value}>"
        if kind == "date":
            return f'"{value}{_DATE}'
        if kind == "role":
            self.roles.add(str(value))
            return _role_ref(str(value))
        return _literal(value)

    def role_lines(self) -> list[str]:
        """Each org:Role named in the batch: its class and its title."""
        lines = []
        for title in self.roles:
            role = _role_ref(title)
            lines.append(role + _ROLE_CLASS)
            lines.append(f"{role}{_ROLE_LABEL}{_literal(title)} .")
        return lines


@lru_cache(maxsize=4096)
def _role_ref(title: str) -> str:
    """`<…/role/…>`, made once per title (percent-encoding it is slow, titles recur)."""
    return f"<{role_iri(title)}>"


def node_lines(node: Node, out: list[str], known: bool = False) -> None:
    """Append the node's lines to `out`, its rdf:type first; a `known` node (one whose type
    and single values, fixed by its id, are in the store already) gives its set values only."""
    lines = _Lines()
    subject = iri_ref(node.id)
    shape = _NODES[node.label]
    if not known:
        lines.out.append(subject + shape.type_line)
    lines.item(subject, node.props, node.sets, shape, known)
    out += lines.out + lines.role_lines()


def link_lines(link: Link, out: list[str], known: bool = False) -> None:
    """Append the link's lines: the shortcut triple, and for links with evidence or a
    reason, its link node (class, both ends, properties); a `known` link its set values only."""
    lines = _Lines()
    _link_lines(link.id, link, lines, known)
    out += lines.out + lines.role_lines()


def _link_lines(link_id: str, link: Link, lines: _Lines, known: bool) -> None:
    t = LINK_TYPES[link.type]
    if t.rdf_class is None:
        if not known:
            lines.out.append(_shortcut(t, link))
        return
    shape = _LINKS[link.type]
    subject = iri_ref(link_id)
    if not known:
        lines.out.append(_shortcut(t, link))
        lines.out.append(subject + shape.type_line)
        lines.out.append(f"{subject} <{t.source_pred}> {iri_ref(link.source)} .")
        lines.out.append(f"{subject} <{t.target_pred}> {iri_ref(link.target)} .")
    lines.item(subject, link.props, link.sets, shape, known)


def _shortcut(t: LinkType, link: Link) -> str:
    ends = (link.target, link.source) if t.reverse else (link.source, link.target)
    return f"{iri_ref(ends[0])} <{t.shortcut}> {iri_ref(ends[1])} ."


def batch_lines(batch: GraphBatch, known: Container[str] = frozenset()) -> tuple[str, str]:
    """A batch as two N-Triples texts: its content, each line once, and its documents'
    markers (their rdf:type, which `loaded_documents` reads and the store writes last), which
    the content leaves out; of the nodes and links whose id is `known`, the set values only."""
    lines = _Lines()
    documents = _NODES["Document"]
    markers = []
    for node_id, node in batch.nodes.items():
        subject = iri_ref(node_id)
        shape = _NODES[node.label]
        known_node = node_id in known
        if shape is documents:
            markers.append(subject + shape.type_line)
        elif not known_node:
            lines.out.append(subject + shape.type_line)
        lines.item(subject, node.props, node.sets, shape, known_node)
    for link_id, link in batch.links.items():  # the dict's key: ids are hashed on demand
        _link_lines(link_id, link, lines, link_id in known)
    return "\n".join(lines.out + lines.role_lines()), "\n".join(markers)


def make_per_document(batch: GraphBatch) -> Prepared:
    """Turn what the batch's documents alone have into N-Triples, taken out of the batch:
    their articles and sentences, the links to them, and the sentences and documents of the
    other links (graph/written.py: PER_DOCUMENT, PER_DOCUMENT_SETS). No other batch has
    them, so the store's memory of what it wrote has nothing to say about them, and they
    can be made where the batch is resolved: the writing process then neither unpickles
    them as objects nor makes their lines (`okg ingest --jobs`, where it is the bottleneck).
    The documents stay, for their markers, which the store writes last."""
    lines = _Lines()
    made = Prepared()
    for node_id, node in list(batch.nodes.items()):
        if node.label in PER_DOCUMENT and node.label != "Document":
            del batch.nodes[node_id]
            subject = iri_ref(node_id)
            shape = _NODES[node.label]
            lines.out.append(subject + shape.type_line)
            lines.item(subject, node.props, node.sets, shape, False)
    for link_id, link in list(batch.links.items()):
        if link.type in PER_DOCUMENT:
            del batch.links[link_id]
            made.links += 1
            _link_lines(link_id, link, lines, False)
            continue
        sets = {k: link.sets.pop(k) for k in PER_DOCUMENT_SETS if k in link.sets}
        if sets:
            lines.item(iri_ref(link_id), {}, sets, _LINKS[link.type], True)
    made.data.append("\n".join(lines.out + lines.role_lines()).encode("utf-8"))
    return made


def quads(lines: Iterable[str]) -> Iterator[Quad]:
    """The lines as pyoxigraph quads in the default graph."""
    return parse("\n".join(lines).encode("utf-8"), format=RdfFormat.N_TRIPLES)
