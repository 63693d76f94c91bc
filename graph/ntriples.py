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

from pyoxigraph import Quad, RdfFormat, parse

from graph.model import GraphBatch, Link, Node, Scalar
from graph.vocab import (
    ID_BASE,
    LINK_TYPES,
    NODE_TYPES,
    PREFIXES,
    LinkType,
    NodeType,
    Prop,
    role_iri,
)

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


def _values(
    subject: str,
    props: dict[str, Scalar],
    sets: dict[str, set[str]],
    shape: _Shape,
    out: list[str],
) -> None:
    values = [(shape.props[k], v) for k, v in props.items() if v is not None]
    values += [(shape.sets[k], v) for k, vs in sets.items() for v in vs]
    for (predicate, kind), value in values:
        if kind == "ref":
            out.append(f"{subject}{predicate}<{ID_BASE}{value}> .")
        elif kind == "date":
            out.append(f'{subject}{predicate}"{value}{_DATE} .')
        elif kind == "role":
            role = f"<{role_iri(str(value))}>"
            out.append(f"{subject}{predicate}{role} .")
            out.append(role + _ROLE_CLASS)
            out.append(f"{role}{_ROLE_LABEL}{_literal(str(value))} .")
        else:
            out.append(f"{subject}{predicate}{_literal(value)} .")


def node_lines(node: Node, out: list[str], known: bool = False) -> None:
    """Append the node's lines to `out`, its rdf:type first; a `known` node (one whose type
    and single values, fixed by its id, are in the store already) gives its set values only."""
    shape = _NODES[node.label]
    subject = iri_ref(node.id)
    if not known:
        out.append(subject + shape.type_line)
    _values(subject, {} if known else node.props, node.sets, shape, out)


def link_lines(link: Link, out: list[str], known: bool = False) -> None:
    """Append the link's lines: the shortcut triple, and for links with evidence or a
    reason, its link node (class, both ends, properties); a `known` link its set values only."""
    _link_lines(link.id, link, out, known)


def _link_lines(link_id: str, link: Link, out: list[str], known: bool) -> None:
    t = LINK_TYPES[link.type]
    if t.rdf_class is None:
        if not known:
            out.append(_shortcut(t, link))
        return
    shape = _LINKS[link.type]
    subject = iri_ref(link_id)
    if not known:
        out.append(_shortcut(t, link))
        out.append(subject + shape.type_line)
        out.append(f"{subject} <{t.source_pred}> {iri_ref(link.source)} .")
        out.append(f"{subject} <{t.target_pred}> {iri_ref(link.target)} .")
    _values(subject, {} if known else link.props, link.sets, shape, out)


def _shortcut(t: LinkType, link: Link) -> str:
    ends = (link.target, link.source) if t.reverse else (link.source, link.target)
    return f"{iri_ref(ends[0])} <{t.shortcut}> {iri_ref(ends[1])} ."


def batch_lines(batch: GraphBatch, known: Container[str] = frozenset()) -> list[str]:
    """Every line of a batch, repeats included (a role is written by each post holding it);
    of the nodes and links whose id is `known`, the set values only."""
    out: list[str] = []
    for node in batch.nodes.values():
        node_lines(node, out, node.id in known)
    for link_id, link in batch.links.items():  # the dict's key: ids are hashed on demand
        _link_lines(link_id, link, out, link_id in known)
    return out


def document_marker(document_id: str) -> str:
    """The line that says a document is loaded: its rdf:type, which the store writes last."""
    return iri_ref(document_id) + _NODES["Document"].type_line


def quads(lines: Iterable[str]) -> Iterator[Quad]:
    """The lines as pyoxigraph quads in the default graph."""
    return parse("\n".join(lines).encode("utf-8"), format=RdfFormat.N_TRIPLES)
