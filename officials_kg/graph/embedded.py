"""The embedded store: an RDF dataset on disk (pyoxigraph), queried with SPARQL.

No server: the data folder is a RocksDB database that one process opens at a time.
A batch goes in as N-Triples text (graph/ntriples.py) through pyoxigraph's bulk loader,
which builds the index files aside and adds them to the database in one step, and then
its documents' markers in a transaction; an RDF graph is a set of triples, so writing a
batch twice, or half a run and then all of it, ends in the same graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    RdfFormat,
    Store,
    Variable,
)

from officials_kg.graph.model import GraphBatch, Link, Node, Scalar
from officials_kg.graph.name_index import HAS_INDEX, MARKER, index_lines, names_query, store_lines
from officials_kg.graph.ntriples import (
    batch_lines,
    link_lines,
    make_per_document,
    node_lines,
    quads,
)
from officials_kg.graph.resolve import EventContext, PersonContext
from officials_kg.graph.store import Prepared, WriteRefused
from officials_kg.graph.vocab import (
    DECISION_LINKS,
    LINK_TYPES,
    NODE_TYPES,
    PREFIXES,
    Prop,
    local_id,
    title_of_role,
)
from officials_kg.graph.written import Written

_NT = RdfFormat.N_TRIPLES
_NQ = RdfFormat.N_QUADS  # N-Triples lines and the name index's (graph/name_index.py)
_TYPE = NamedNode(PREFIXES["rdf"] + "type")
_DEFAULT = DefaultGraph()  # the graph; the name index is in a named graph of its own


def _value(prop: Prop, term: Any) -> Scalar:
    if prop.kind == "ref":
        return local_id(term.value)
    if prop.kind == "role":
        return title_of_role(term.value)
    if prop.kind == "int":
        return int(term.value)
    return term.value


def node_quads(node: Node) -> Iterator[Quad]:
    lines: list[str] = []
    node_lines(node, lines)
    return quads(lines)


def link_quads(link: Link) -> Iterator[Quad]:
    lines: list[str] = []
    link_lines(link, lines)
    return quads(lines)


_XSD = PREFIXES["xsd"]
_CONVERT = {
    **{f"{_XSD}{name}": int for name in ("integer", "int", "long", "short")},
    **{f"{_XSD}{name}": float for name in ("decimal", "double", "float")},
    f"{_XSD}boolean": lambda text: text == "true",
}
"""Literals by datatype IRI that become Python numbers and booleans; others stay text."""


def _python(term: Any) -> Any:
    """A query result term as a plain value: ids for our nodes, numbers for numbers."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return local_id(term.value)
    if isinstance(term, BlankNode):
        return "_:" + term.value
    convert = _CONVERT.get(term.datatype.value)
    return convert(term.value) if convert else term.value


def _item(
    values: dict[str, list[Any]], props: dict[str, Prop], sets: dict[str, Prop]
) -> tuple[dict[str, Scalar], dict[str, set[str]]]:
    """A node's or link node's props and sets from its objects by key (`_scan`)."""
    return (
        {k: _value(p, values[k][0]) if values[k] else None for k, p in props.items()},
        {k: {str(_value(p, o)) for o in values[k]} for k, p in sets.items()},
    )


def _is_update(text: str) -> bool:
    """Whether a text that pyoxigraph refused as a query is an update that would write,
    told by rdflib's parser, which parses without running anything (an update run on a
    scratch store would still fetch what a LOAD names)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseUpdate  # a fifth of a second: on refusal only

    try:
        return "request" in parseUpdate(text)  # a prologue alone is no update
    except (ParseException, ValueError):  # ValueError: a bad \u escape
        return False


class EmbeddedStore:
    """The graph in a pyoxigraph store in `path` (created if missing)."""

    name = "embedded"
    query_language = "sparql"

    def __init__(self, path: Path) -> None:
        """Open the store in a folder, made if missing; one process holds it at a time.

        Args:
            path: the store's folder (`okg --data`; by default data/okg).

        Raises:
            OSError: another process or handle holds the folder ("…/LOCK: No locks
                available").

        Example:
            >>> from officials_kg.graph.store import summary  # doctest: +SKIP
            >>> with EmbeddedStore(Path("data/okg")) as store:  # doctest: +SKIP
            ...     summary(store)["persons"]
            70
        """
        path.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.store = Store(str(path))
        self.written = Written()
        self._index_names()

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.flush()
        del self.store

    def _index_names(self) -> None:
        """Build the name index (graph/name_index.py) of a store written without it: its
        pairs in bulk, then the marker that says the store has them."""
        if self.store.query(HAS_INDEX):
            return
        lines = store_lines(self.run_sparql(names_query()))
        self.store.bulk_load("\n".join(lines).encode("utf-8"), format=_NQ)
        self.store.load(MARKER.encode("utf-8"), format=_NQ)

    def run_sparql(self, text: str, params: dict[str, Any] | None = None) -> Any:
        """A SPARQL query with the schema's prefixes declared; `params` binds variables
        (str, int, float and bool become literals; pass pyoxigraph terms for IRIs).
        pyoxigraph substitutes only variables that the SELECT clause names."""
        substitutions = {
            Variable(k): v if isinstance(v, NamedNode | Literal) else Literal(v)
            for k, v in (params or {}).items()
        }
        return self.store.query(text, prefixes=PREFIXES, substitutions=substitutions)

    def query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self.run_sparql(text, params)
        if isinstance(result, QueryBoolean):
            return [{"ask": bool(result)}]
        if hasattr(result, "variables"):
            names = [v.value for v in result.variables]
            return [dict(zip(names, map(_python, row), strict=True)) for row in result]
        return [
            {"s": _python(t.subject), "p": t.predicate.value, "o": _python(t.object)}
            for t in result
        ]

    def read_query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a user's SPARQL query, which cannot write: pyoxigraph's query parser takes
        SELECT, ASK, CONSTRUCT and DESCRIBE only (updates go through `Store.update`, never
        called here).

        Args:
            text: the query; the schema's prefixes (graph/vocab.py PREFIXES) are declared.
            params: values bound to the variables of their names, as `run_sparql` binds.

        Returns:
            The rows as `query` gives them: ids for the graph's nodes, numbers for numbers.

        Raises:
            WriteRefused: the text is a SPARQL update (INSERT, DELETE, LOAD, CLEAR…).
            SyntaxError: the text is neither a query nor an update.

        Example:
            >>> store.read_query("SELECT ?n WHERE { ?p foaf:name ?n }")
            [{'n': '张三'}, ...]
        """
        try:
            return self.query(text, params)
        except SyntaxError:
            if _is_update(text):
                raise WriteRefused(
                    "it is a SPARQL update; the store runs SELECT, ASK, CONSTRUCT and DESCRIBE only"
                ) from None
            raise

    prepare = staticmethod(make_per_document)

    def write(self, batch: GraphBatch, prepared: Prepared | None = None) -> None:
        """The batch in bulk (RocksDB files built aside and ingested at once: no per-triple
        transaction, the cost that made writes slow), then its documents' markers in a
        transaction of their own: a batch whose content did not all get in is not marked
        loaded, and the next run writes it again, which adds only what was missing. The
        nodes' names go into the name index with them (graph/name_index.py), and the lines
        that `prepare` made where the batch was resolved (`prepared`) as they are.

        `lenient`: pyoxigraph does not validate the IRIs again, a fifth of its work; every
        IRI here is made by graph/vocab.py from a fixed base and hex ids or a percent-encoded
        title, and every literal escaped by graph/ntriples.py or pyoxigraph's Literal."""
        content, markers = batch_lines(batch, self.written.ids)  # the set: no method call
        index = dict.fromkeys(index_lines(batch.nodes.values(), self.written.ids))  # each once
        text = "\n".join([content, *index]).encode("utf-8")
        made = prepared.data if prepared else []
        self.store.bulk_load(b"\n".join([text, *made]), format=_NQ, lenient=True)
        self.store.load(markers.encode("utf-8"), format=_NT)
        self.written.remember(batch)

    def loaded_documents(self) -> set[str]:
        rows = self.run_sparql(
            "SELECT ?name WHERE { ?d a schema:DigitalDocument ; schema:name ?name }"
        )
        return {row["name"].value for row in rows}

    def node_counts(self) -> dict[str, int]:
        per_class = {
            row["c"].value: int(row["n"].value)
            for row in self.run_sparql("SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
        }
        counts = {label: per_class.get(t.rdf_class, 0) for label, t in NODE_TYPES.items()}
        for name, t in LINK_TYPES.items():
            if t.rdf_class:
                counts[name] = per_class.get(t.rdf_class, 0)
            else:
                rows = self.run_sparql(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{t.shortcut}> ?o }}")
                counts[name] = int(next(iter(rows))["n"].value)
        return counts

    def _scan(
        self, rdf_class: str, predicates: dict[str, str]
    ) -> Iterator[tuple[str, dict[str, list[Any]]]]:
        """Each subject of `rdf_class` (its IRI) and its objects of the `predicates` by key,
        read by a scan of the default graph's index per subject (quads_for_pattern), the
        triples of other predicates dropped: a quad costs pyoxigraph a few microseconds to
        decode, and a SPARQL `?s a C ; ?p ?o` spent as much again on a solution per triple.
        A scan per subject and predicate reads only the values wanted (a document's
        mentions not among them) but costs a seek each: slower over the whole graph, with
        Evidence's five values per subject."""
        scan = self.store.quads_for_pattern
        key_of = {predicate: key for key, predicate in predicates.items()}
        for q in scan(None, _TYPE, NamedNode(rdf_class), _DEFAULT):
            values: dict[str, list[Any]] = {key: [] for key in predicates}
            for v in scan(q.subject, None, None, _DEFAULT):
                key = key_of.get(v.predicate.value)
                if key is not None:
                    values[key].append(v.object)
            yield q.subject.value, values

    def nodes(self, label: str) -> Iterator[Node]:
        t = NODE_TYPES[label]
        predicates = {k: p.predicate for k, p in (t.props | t.sets).items()}
        for subject, values in self._scan(t.rdf_class, predicates):
            yield Node(label, local_id(subject), *_item(values, t.props, t.sets))

    def links(self, link_type: str) -> Iterator[Link]:
        t = LINK_TYPES[link_type]
        if t.rdf_class is None:
            for q in self.store.quads_for_pattern(None, NamedNode(t.shortcut), None, _DEFAULT):
                ends = (local_id(q.subject.value), local_id(q.object.value))
                yield Link(link_type, *(ends[::-1] if t.reverse else ends))
            return
        assert t.source_pred and t.target_pred  # a link node has both ends
        predicates = {k: p.predicate for k, p in (t.props | t.sets).items()}
        predicates |= {"source": t.source_pred, "target": t.target_pred}
        for _, values in self._scan(t.rdf_class, predicates):
            source, target = (local_id(values[end][0].value) for end in ("source", "target"))
            yield Link(link_type, source, target, *_item(values, t.props, t.sets))

    def person_contexts(self) -> list[PersonContext]:
        rows = self.run_sparql(
            """SELECT ?p ?name ?anchor ?kind ?body WHERE {
                 { SELECT ?name WHERE { ?x a foaf:Person ; foaf:name ?name }
                   GROUP BY ?name HAVING (COUNT(?x) > 1) }
                 ?p a foaf:Person ; foaf:name ?name ; okg:anchor ?anchor ; okg:anchorKind ?kind .
                 OPTIONAL { ?p org:holds/org:postIn/skos:prefLabel ?body }
               }"""
        )
        found: dict[str, tuple[str, str, str, set[str]]] = {}
        for row in rows:
            p = local_id(row["p"].value)
            entry = found.setdefault(
                p, (row["name"].value, row["anchor"].value, row["kind"].value, set())
            )
            if row["body"] is not None:
                entry[3].add(row["body"].value)
        return [
            PersonContext(p, name, anchor, kind, frozenset(bodies))
            for p, (name, anchor, kind, bodies) in found.items()
        ]

    def event_contexts(self) -> list[EventContext]:
        rows = self.run_sparql(
            """SELECT ?e ?name ?date WHERE {
                 { SELECT ?name WHERE { ?x a schema:Event ; schema:name ?name }
                   GROUP BY ?name HAVING (COUNT(?x) > 1) }
                 ?e a schema:Event ; schema:name ?name .
                 OPTIONAL { ?e schema:startDate ?date }
               }"""
        )
        return [
            EventContext(local_id(r["e"].value), r["name"].value, r["date"] and r["date"].value)
            for r in rows
        ]

    def replace_decisions(self, links: list[Link]) -> None:
        wanted = {link.id: link for link in links}
        for link_type in DECISION_LINKS:
            for old in self.links(link_type):
                if wanted.get(old.id) != old:
                    for quad in link_quads(old):
                        self.store.remove(quad)
        self.store.extend(q for link in wanted.values() for q in link_quads(link))
