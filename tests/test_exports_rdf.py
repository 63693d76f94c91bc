"""The RDF exports (Turtle, JSON-LD) on the seeds' graph, read back by rdflib and checked as
an RDF user would: against the SHACL shapes of tests/data/okg-shapes.ttl with pySHACL (the
ontology as its ontology graph, RDFS inference on), every okg: term defined by the ontology
that ships with the package, and each published triple traced back to the store's own.
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from pyoxigraph import DefaultGraph, RdfFormat, serialize
from pyshacl import validate
from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, TIME, XSD
from typer.testing import CliRunner

from officials_kg.cli.main import app
from officials_kg.graph.embedded import EmbeddedStore
from officials_kg.graph.exports.rdf import ontology, write_jsonld, write_turtle
from officials_kg.graph.ingest import IngestReport, ingest, pending_items
from officials_kg.graph.to_networkx import to_networkx
from officials_kg.graph.vocab import LINK_TYPES, NODE_TYPES, OKG

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHAPES = ROOT / "tests" / "data" / "okg-shapes.ttl"
HAN = re.compile(r"[\u3400-\u9fff]")
NAMES = (SKOS.prefLabel, FOAF.name, SDO.name, SDO.headline)
ADDED = {RDFS.label, ORG.memberDuring, TIME.hasBeginning, TIME.hasEnd, TIME.inXSDDate}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[nx.MultiDiGraph, rdflib.Graph, Path]:
    """The seeds' graph, the embedded store's own triples, and the store's folder."""
    folder = tmp_path_factory.mktemp("rdf") / "okg"
    store = EmbeddedStore(folder)
    try:
        report = IngestReport()
        ingest(pending_items([SEEDS], store, report), store, report)
        assert len(report.loaded) == 5
        quads = store.store.quads_for_pattern(None, None, None, DefaultGraph())  # no name index
        stored = serialize((q.triple for q in quads), format=RdfFormat.N_TRIPLES)
        return to_networkx(store), rdflib.Graph().parse(data=stored, format="nt"), folder
    finally:
        store.close()


@pytest.fixture(scope="module")
def exported(seeds, tmp_path_factory) -> rdflib.Graph:
    """The Turtle export, read back; the JSON-LD export must hold the same triples."""
    graph, _, _ = seeds
    folder = tmp_path_factory.mktemp("rdf-files")
    turtle_count = write_turtle(graph, folder / "g.ttl")
    jsonld_count = write_jsonld(graph, folder / "g.jsonld")
    turtle = rdflib.Graph().parse(folder / "g.ttl", format="turtle")
    jsonld = rdflib.Graph().parse(folder / "g.jsonld", format="json-ld")
    assert turtle_count == jsonld_count == len(turtle) == len(jsonld)
    assert set(turtle) == set(jsonld)
    text = (folder / "g.ttl").read_text(encoding="utf-8")
    for prefix in ("org: <http://www.w3.org/ns/org#>", "time: <http://www.w3.org/2006/time#>"):
        assert f"@prefix {prefix}" in text
    return turtle


def test_each_stored_triple_is_published_once_as_rdf_users_expect(seeds, exported):
    """Unchanged, or: Chinese text tagged @zh, roles under okg:participationRole, an evidence's
    article index made the article itself; and nothing else added but labels and spans."""
    _, stored, _ = seeds
    expected = set()
    for s, p, o in stored:
        if p == SDO.roleName:
            p = OKG.participationRole
        if p == OKG.article:
            (doc,) = stored.objects(s, PROV.wasQuotedFrom)
            articles = set(stored.subjects(SDO.isPartOf, doc))
            (o,) = [a for a in articles if stored.value(a, OKG["index"]) == o]
        elif isinstance(o, Literal) and HAN.search(o) and p != OKG.path:
            o = Literal(str(o), lang="zh")
        expected.add((s, p, o))
    assert expected <= set(exported)
    added = set(exported) - expected
    assert {p for _, p, _ in added} <= ADDED | {RDF.type}
    assert {o for _, p, o in added if p == RDF.type} == {TIME.Interval, TIME.Instant}
    assert not set(exported.subject_objects(SDO.roleName))
    assert all(isinstance(o, URIRef) for o in exported.objects(None, OKG.article))


def test_every_named_node_has_an_rdfs_label_tagged_zh(exported):
    named = [(s, o) for p in NAMES for s, o in exported.subject_objects(p)]
    assert len(named) > 300
    for subject, name in named:
        assert name in set(exported.objects(subject, RDFS.label))
        if HAN.search(name):
            assert name.language == "zh"
    persons = set(exported.subjects(RDF.type, FOAF.Person))
    assert persons and all(exported.value(p, RDFS.label).language == "zh" for p in persons)


def test_a_membership_lasts_from_the_first_to_the_last_day_seen(exported):
    memberships = set(exported.subjects(RDF.type, ORG.Membership))
    spans = 0
    for m in memberships:
        seen = sorted(str(d) for d in exported.objects(m, OKG.seenOn))
        during = list(exported.objects(m, ORG.memberDuring))
        if not seen:
            assert not during
            continue
        (interval,) = during
        assert (interval, RDF.type, TIME.Interval) in exported
        begins = exported.value(exported.value(interval, TIME.hasBeginning), TIME.inXSDDate)
        ends = exported.value(exported.value(interval, TIME.hasEnd), TIME.inXSDDate)
        assert (str(begins), str(ends)) == (seen[0], seen[-1])
        assert begins.datatype == ends.datatype == XSD.date
        spans += 1
    assert spans > 10


def test_the_ontology_defines_every_okg_term_the_export_and_the_stores_use(exported):
    defined = ontology()
    assert (OKG.Evidence, RDFS.subClassOf, PROV.Entity) in defined
    used = {p for _, p, _ in exported} | set(exported.objects(None, RDF.type))
    schema = {
        p.predicate for t in NODE_TYPES.values() for p in (*t.props.values(), *t.sets.values())
    }
    for t in LINK_TYPES.values():
        schema |= {t.shortcut, t.rdf_class, t.source_pred, t.target_pred} - {None}
        schema |= {p.predicate for p in (*t.props.values(), *t.sets.values())}
    terms = {URIRef(t) for t in used | schema if str(t).startswith(str(OKG))}
    assert len(terms) > 25
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    for term in terms:
        assert set(defined.objects(term, RDF.type)) & kinds, f"{term} is not defined"
        assert defined.value(term, RDFS.label) and defined.value(term, RDFS.comment), term
    properties = [t for t in terms if (t, RDF.type, OWL.Class) not in defined]
    unbound = [p for p in properties if not defined.value(p, RDFS.domain, any=True)]
    unbound = [p for p in unbound if not defined.value(p, RDFS.range, any=True)]
    assert unbound == [OKG.possiblySameAs]  # it joins two persons or two events: no one class


def test_the_export_conforms_to_the_shapes_and_the_stores_triples_do_not(seeds, exported):
    """pySHACL, as a SHACL user runs it; the store's raw triples (roles under schema:roleName,
    an article as a number, plain Chinese literals) fail the same shapes, so they can fail."""
    _, stored, _ = seeds
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    conforms, _, report = validate(exported, shacl_graph=shapes, ont_graph=ontology())
    assert conforms, report[:2000]
    conforms, results, _ = validate(stored, shacl_graph=shapes, ont_graph=ontology())
    assert not conforms
    paths = set(results.objects(None, SH.resultPath))
    assert {SDO.roleName, OKG.article, FOAF.name, RDFS.label} <= paths
    failed = set(results.objects(None, SH.sourceConstraintComponent))
    assert SH.LanguageInConstraintComponent in failed


def test_okg_export_includes_the_ontology_when_asked(seeds, tmp_path):
    _, _, folder = seeds
    runner = CliRunner()
    data = ["--data", str(folder)]
    plain, with_ontology = tmp_path / "g.ttl", tmp_path / "full.ttl"
    assert runner.invoke(app, ["export", "turtle", str(plain), *data]).exit_code == 0
    result = runner.invoke(app, ["export", "turtle", str(with_ontology), "--ontology", *data])
    assert result.exit_code == 0, result.output
    full = rdflib.Graph().parse(with_ontology, format="turtle")
    base = rdflib.Graph().parse(plain, format="turtle")
    assert set(full) == set(base) | set(ontology())
    assert f"wrote {with_ontology}: {len(full):,} triples" in result.output
    refused = runner.invoke(app, ["export", "popolo", str(tmp_path / "p.json"), "--ontology"])
    assert refused.exit_code == 2 and "only turtle and jsonld" in refused.output
