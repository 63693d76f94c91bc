"""The export formats on the seeds' graph, each read back by a reader of its own kind: GraphML
by networkx and igraph (and as Gephi and TinkerPop read its keys), Popolo JSON by the official
Popolo schemas as published (tests/data/popolo-spec, draft-03) and by the stricter ones of
graph/exports/popolo_schemas, the neo4j-admin CSV files by their header grammar and by the
real `neo4j-admin database import` of Neo4j 5.26 (the jars of scripts/neo4j-test-server).
RDF: tests/test_exports_rdf.py.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import igraph
import networkx as nx
import pytest
from jsonschema import Draft3Validator, Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from officials_kg.graph.cypher_statements import REPORTED
from officials_kg.graph.embedded import EmbeddedStore
from officials_kg.graph.exports.graphml import graphml_graph, write_graphml
from officials_kg.graph.exports.neo4j_csv import ARRAY_DELIMITER, write_neo4j_csv
from officials_kg.graph.exports.popolo import classification, popolo, write_popolo
from officials_kg.graph.ingest import IngestReport, ingest, pending_items
from officials_kg.graph.resolve import post_label
from officials_kg.graph.to_networkx import to_networkx
from officials_kg.graph.vocab import EVIDENCE_LINKS, LINK_TYPES, NODE_TYPES

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SCHEMAS = Path(__file__).resolve().parent.parent / "graph" / "exports" / "popolo_schemas"
POPOLO_SPEC = Path(__file__).resolve().parent / "data" / "popolo-spec"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    """The seeds' graph."""
    store = EmbeddedStore(tmp_path_factory.mktemp("seeds") / "okg")
    try:
        report = IngestReport()
        ingest(pending_items([SEEDS], store, report), store, report)
        assert len(report.loaded) == 5
        return to_networkx(store)
    finally:
        store.close()


def _types(data: dict) -> dict[str, type]:
    return {k: type(v) for k, v in data.items()}


# GraphML


@pytest.mark.parametrize("projection", ["network", "comeet"])
def test_graphml_reads_back_with_the_same_nodes_edges_and_types(seeds, tmp_path, projection):
    graph = seeds
    path = tmp_path / "g.graphml"
    write_graphml(graph, path, projection)
    written = graphml_graph(graph, projection)
    read = nx.read_graphml(path, force_multigraph=written.is_multigraph())

    assert type(read) is type(written)
    assert set(read.nodes) == set(written.nodes)
    for node, data in written.nodes(data=True):
        assert read.nodes[node] == data and _types(read.nodes[node]) == _types(data)
    if written.is_multigraph():
        assert set(read.edges(keys=True)) == set(written.edges(keys=True))
    else:
        assert {frozenset(e) for e in read.edges} == {frozenset(e) for e in written.edges}
    for u, v, *key in written.edges(keys=True) if written.is_multigraph() else written.edges:
        expected = written.edges[u, v, *key]
        assert read.edges[u, v, *key] == expected
        assert _types(read.edges[u, v, *key]) == _types(expected)

    keys = {
        (k.get("for"), k.get("attr.name")): k.get("attr.type")
        for k in ET.parse(path).getroot().iter(f"{GRAPHML}key")
    }
    assert keys[("node", "label")] == keys[("node", "kind")] == "string"
    assert keys[("edge", "weight")] in ("int", "long")


@pytest.mark.parametrize("projection", ["network", "comeet"])
def test_graphml_keys_are_named_and_unique_and_every_item_has_its_labels(
    seeds, tmp_path, projection
):
    """Gephi makes a column of each key, named by its id (whatever its case); GraphML's schema
    wants the ids unique; Gephi and yEd show `label`, TinkerPop takes `labelV` and `labelE`
    (tests/test_exports_readers.py runs Gephi and TinkerPop themselves)."""
    graph = seeds
    path = tmp_path / "g.graphml"
    write_graphml(graph, path, projection)
    root = ET.parse(path).getroot()
    keys = list(root.iter(f"{GRAPHML}key"))
    ids = [k.get("id") for k in keys]
    assert len(ids) == len(set(ids)) and not any(re.fullmatch(r"d\d+", i) for i in ids)
    for k in keys:
        assert k.get("id").lower() == k.get("attr.name").lower()
    named = {k.get("id"): k.get("attr.name") for k in keys}
    for tag, wanted in (("node", {"label", "labelV"}), ("edge", {"label", "labelE"})):
        items = list(root.iter(f"{GRAPHML}{tag}"))
        assert items
        for item in items:
            have = {named[d.get("key")]: d.text for d in item.iter(f"{GRAPHML}data")}
            assert wanted <= set(have) and all(have[w] for w in wanted)
    read = igraph.Graph.Read_GraphML(str(path))  # igraph reads the keys by name too
    assert {"label", "labelV"} <= set(read.vs.attributes())
    assert {"label", "labelE", "weight"} <= set(read.es.attributes())
    if projection == "network":
        assert {"type", "title", "roles", "kind"} <= set(named.values())


def test_graphml_dates_span_each_fact_and_node_and_weights_count_the_sentences(seeds):
    graph = seeds
    net = graphml_graph(graph)
    dated = 0
    for u, v, key, data in net.edges(keys=True, data=True):
        fact = graph.edges[u, v, data["labelE"]]
        assert key == fact["id"]
        if data["labelE"] not in EVIDENCE_LINKS:
            assert data["weight"] == 1 and "start" not in data
            continue
        assert data["weight"] == len([e for e in fact["evidence"] if e in graph])
        event_date = graph.nodes[v].get("date") if data["labelE"] == "PARTICIPATED_IN" else None
        dates = [event_date] if event_date else fact["seen"]
        if not dates:
            assert "start" not in data and "end" not in data
            continue
        assert (data["start"], data["end"]) == (min(dates), max(dates))
        dated += 1
    assert dated > 50
    for node, data in net.nodes(data=True):
        links = [*net.out_edges(node, data=True), *net.in_edges(node, data=True)]
        days = [d[k] for *_, d in links for k in ("start", "end") if k in d]
        days += [data["date"]] if data.get("date") else []
        assert (data.get("start"), data.get("end")) == (
            (min(days), max(days)) if days else (None, None)
        )
    events = [d for _, d in net.nodes(data=True) if d["kind"] == "Event" and d.get("date")]
    assert events and all(d["start"] == d["end"] == d["date"] for d in events)
    # A fact whose reports gave no sentence weighs 0, not 1.
    graph_without = graph.copy()
    u, v, k = next((u, v, k) for u, v, k in graph.edges(keys=True) if k == "HOLDS")
    graph_without.edges[u, v, k]["evidence"] = []
    holds = graphml_graph(graph_without).edges[u, v, graph.edges[u, v, k]["id"]]
    assert holds["weight"] == 0 and "evidence" not in holds


def test_graphml_network_shows_entities_with_readable_labels_and_evidence(seeds):
    graph = seeds
    net = graphml_graph(graph)
    kinds = Counter(d["kind"] for _, d in net.nodes(data=True))
    assert set(kinds) == {"Person", "Organization", "Post", "Event"}
    assert kinds["Person"] == sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "Person")
    assert all(d["label"] and "/" not in d["label"] for _, d in net.nodes(data=True))
    holds = [d for *_, d in net.edges(data=True) if d["type"] == "HOLDS"]
    assert holds and all(d["title"] and d["evidence"] and d["weight"] >= 1 for d in holds)
    roles = [d["roles"] for *_, d in net.edges(data=True) if d["type"] == "PARTICIPATED_IN"]
    assert any("chair" in r for r in roles)


def test_comeet_weights_count_the_shared_events(seeds):
    graph = seeds
    net = graphml_graph(graph, "comeet")
    attended: dict[str, set[str]] = {}
    for u, v, k in graph.edges(keys=True):
        if k == "PARTICIPATED_IN":
            attended.setdefault(u, set()).add(v)
    assert net.number_of_edges() > 10
    for a, b, data in net.edges(data=True):
        assert data["weight"] == len(attended[a] & attended[b]) >= 1
    assert max(d["weight"] for *_, d in net.edges(data=True)) > 1


# Popolo


def _popolo_validator() -> Draft202012Validator:
    """The stricter schemas of graph/exports/popolo_schemas, for the document as a whole."""
    resources = [
        Resource.from_contents(json.loads(p.read_text(encoding="utf-8")))
        for p in SCHEMAS.glob("*.json")
    ]
    registry = Registry().with_resources((r.id(), r) for r in resources)
    top = registry.contents("http://www.popoloproject.com/schemas/popolo.json")
    return Draft202012Validator(top, registry=registry, format_checker=FormatChecker())


def _popolo_spec() -> dict[str, Draft3Validator]:
    """A draft-03 validator per class of the Popolo specification's own schemas, unchanged:
    their `$ref`s (http://www.popoloproject.com/schemas/NAME.json#) resolve to the files."""
    schemas = {
        p.stem: json.loads(p.read_text(encoding="utf-8")) for p in POPOLO_SPEC.glob("*.json")
    }
    assert all(s["$schema"] == "http://json-schema.org/draft-03/schema#" for s in schemas.values())
    resources = [DRAFT3.create_resource(schema) for schema in schemas.values()]
    registry = Registry().with_resources((r.id(), r) for r in resources)
    check = FormatChecker()
    return {
        name: Draft3Validator(schemas[name], registry=registry, format_checker=check)
        for name in ("person", "organization", "post", "membership", "event")
    }


def _spec_errors(document: dict) -> list[str]:
    validators = _popolo_spec()
    return [
        f"{kind}[{i}] {list(e.absolute_path)}: {e.message}"
        for kind, records in document.items()
        for i, record in enumerate(records)
        for e in validators[kind.removesuffix("s")].iter_errors(record)
    ]


def test_popolo_validates_against_the_popolo_schemas(seeds, tmp_path):
    graph = seeds
    path = tmp_path / "popolo.json"
    write_popolo(graph, path)
    popolo = json.loads(path.read_text(encoding="utf-8"))
    assert not _spec_errors(popolo), _spec_errors(popolo)[:5]
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in _popolo_validator().iter_errors(popolo)
    ]
    assert not errors, errors[:5]

    counts = Counter(d["kind"] for _, d in graph.nodes(data=True))
    assert len(popolo["persons"]) == counts["Person"]
    assert len(popolo["organizations"]) == counts["Organization"]
    assert len(popolo["posts"]) == counts["Post"]
    assert len(popolo["events"]) == counts["Event"]
    assert len(popolo["memberships"]) == sum(1 for *_, k in graph.edges(keys=True) if k == "HOLDS")

    ids = {kind: {x["id"] for x in records} for kind, records in popolo.items()}
    assert all(len(ids[k]) == len(popolo[k]) for k in popolo)  # unique within each class
    for m in popolo["memberships"]:
        assert m["person_id"] in ids["persons"] and m["post_id"] in ids["posts"]
        assert m["organization_id"] in ids["organizations"]
        assert m["sources"] and all(s["note"] for s in m["sources"])
    assert all(p["organization_id"] in ids["organizations"] for p in popolo["posts"])
    parents = [o["parent_id"] for o in popolo["organizations"] if "parent_id" in o]
    assert parents and set(parents) <= ids["organizations"]
    attendees = [a for e in popolo["events"] for a in e["attendees"]]
    assert attendees and {a["id"] for a in attendees} <= ids["persons"]
    assert any(s["note"].startswith("chair") for a in attendees for s in a.get("sources", []))


def test_the_official_popolo_schemas_reject_what_popolo_does_not_allow():
    assert not _spec_errors({"persons": [{"id": "p", "name": "张三", "birth_date": "1965-03"}]})
    for bad in (
        {"persons": [{"id": "p", "name": "张三", "birth_date": "1965年3月"}]},
        {"memberships": [{"id": "m", "start_date": "17 March 2022"}]},
        {"memberships": [{"id": "m", "sources": [{"note": "no url"}]}]},  # link.json's url
        {"organizations": [{"id": "o", "identifiers": [{"scheme": "x"}]}]},  # no identifier
        {"organizations": [{"id": "o", "classification": ["party committee"]}]},
        {"events": [{"id": "e", "start_date": "2022年"}]},
    ):
        assert _spec_errors(bad), bad


def test_popolo_memberships_have_dates_organizations_a_kind_sources_the_pages_url(seeds):
    graph = seeds
    document = popolo(graph)
    memberships = {m["id"]: m for m in document["memberships"]}
    holds = [d for *_, k, d in graph.edges(keys=True, data=True) if k == "HOLDS"]
    dated = [d for d in holds if d["seen"]]
    assert dated
    for fact in dated:
        m = memberships[fact["id"]]
        assert (m["start_date"], m["end_date"]) == (min(fact["seen"]), max(fact["seen"]))
    assert all("start_date" not in memberships[d["id"]] for d in holds if not d["seen"])
    kinds = {o["name"]: o.get("classification") for o in document["organizations"]}
    assert sum(1 for k in kinds.values() if k) > len(kinds) * 0.8
    for name, kind in kinds.items():
        assert kind == classification(name)
    # A document read from a web page keeps its address: its sentences' sources give it.
    with_url = graph.copy()
    doc = next(n for n, d in graph.nodes(data=True) if d["kind"] == "Document")
    with_url.nodes[doc]["url"] = "https://news.example.cn/2023/06/01/a.html"
    quoted = {e for e, d, k in graph.edges(keys=True) if k == "QUOTED_FROM" and d == doc}
    sources = [s for m in popolo(with_url)["memberships"] for s in m.get("sources", [])]
    from_doc = [s for s in sources if s["note"] in {graph.nodes[e]["text"] for e in quoted}]
    assert from_doc and all(s["url"] == with_url.nodes[doc]["url"] for s in from_doc)
    assert not _spec_errors(popolo(with_url))


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("李庄镇委", None),
        ("张家市委", "party committee"),
        ("张家市人大常委会", "congress"),
        ("张家市人大常委会党组", "party group"),
        ("张家市人大常委会办公室", "congress"),
        ("张家市政协", "CPPCC"),
        ("张家市中级人民法院", "court"),
        ("张家县人民检察院", "procuratorate"),
        ("张家市政府", "government"),
        ("张家市委宣传部", "party department"),
        ("李四宝科技有限公司", "enterprise"),
    ],
)
def test_an_organizations_classification_comes_from_its_name(name, kind):
    assert classification(name) == kind


def test_a_posts_label_writes_the_bodys_last_word_once(seeds):
    assert post_label("张家市人大常委会党组", "党组书记") == "张家市人大常委会党组书记"
    assert post_label("张家市政协", "政协主席") == "张家市政协主席"
    assert post_label("张家市委", "委员") == "张家市委委员"  # one character: two words
    assert post_label("张家市政府", "市长") == "张家市政府市长"
    graph = seeds
    posts = [(p, d) for p, d in graph.nodes(data=True) if d["kind"] == "Post"]
    overlapping = 0
    for post, data in posts:
        (body,) = [v for _, v, k in graph.out_edges(post, keys=True) if k == "POST_IN"]
        name = graph.nodes[body]["name"]
        assert data["label"] == post_label(name, data["title"])
        if name.endswith(data["title"][:2]):
            overlapping += 1
            assert name + data["title"] not in data["label"]
    assert overlapping > 0


def test_the_popolo_schemas_reject_what_popolo_does_not_allow():
    validator = _popolo_validator()
    good = {"persons": [{"id": "p", "name": "张三", "birth_date": "1965-03"}]}
    assert validator.is_valid(good)
    for bad in (
        {"persons": [{"id": "p", "name": "张三", "birth_date": "1965年3月"}]},
        {"persons": [{"id": "p", "name": "张三", "anchor": "承德市"}]},
        {"events": [{"id": "e", "start_date": "17 March 2022"}]},
        {"memberships": [{"id": "m", "sources": [{"note": "no url"}]}]},
        {"organizations": [{"id": "o", "other_names": [{"note": "no name"}]}]},
        {"people": []},
    ):
        assert not validator.is_valid(bad), bad


# neo4j-admin CSV

_TYPES = "int long float double boolean byte short char string point date localtime time "
_TYPES += "localdatetime datetime duration"
_TYPE = rf"({'|'.join(_TYPES.split())})(\[\])?"
_HEADER_FIELD = re.compile(
    rf"^(?:[A-Za-z_][A-Za-z0-9_]*(?::{_TYPE})?"  # a property, typed or not
    r"|[A-Za-z_]*:ID\((?P<id>[A-Za-z]+)\)"  # the node id, in an ID space
    r"|:START_ID\((?P<start>[A-Za-z]+)\)|:END_ID\((?P<end>[A-Za-z]+)\)"
    r"|:LABEL|:TYPE)$"
)


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    return header, rows


def test_neo4j_csv_headers_follow_the_import_format_and_hold_every_node_and_link(seeds, tmp_path):
    graph = seeds
    loaded = write_neo4j_csv(graph, tmp_path)
    ids: dict[str, set[str]] = {}
    node_rows = links = 0
    reported: dict[str, dict[str, set[str]]] = {}  # fact id: its documents and evidence
    for path in sorted(loaded.files):
        header, rows = _read_csv(path)
        fields = [_HEADER_FIELD.match(h) for h in header]
        assert all(fields), (path.name, header)
        spaces = {g: [f[g] for f in fields if f[g]] for g in ("id", "start", "end")}
        if path.parent.name == "nodes":
            label = path.stem
            assert spaces == {"id": [label], "start": [], "end": []} and ":LABEL" in header
            assert {r[header.index(":LABEL")] for r in rows} == {label}
            ids[label] = {r[0] for r in rows}
            node_rows += len(rows)
            for name in NODE_TYPES[label].sets:
                assert f"{name}:string[]" in header
        else:
            link_type, source, target = path.stem.split("-")
            assert spaces == {"id": [], "start": [source], "end": [target]}
            assert {r[header.index(":TYPE")] for r in rows} == {link_type}
            assert {r[0] for r in rows} <= ids[source] and {r[1] for r in rows} <= ids[target]
            if link_type == "REPORTS":  # a fact's sentences and documents (docs/model.md)
                assert header[3:] == ["fact", "evidence:string[]"]
                for doc, _, _, fact, evidence in rows:
                    sets = reported.setdefault(fact, {"docs": set(), "evidence": set()})
                    sets["docs"].add(doc)
                    sets["evidence"].update(evidence.split(ARRAY_DELIMITER) if evidence else [])
                continue
            links += len(rows)
            for name in LINK_TYPES[link_type].sets:
                if link_type in EVIDENCE_LINKS and name in REPORTED:
                    assert f"{name}:string[]" not in header
                    continue
                column = header.index(f"{name}:string[]")
                for u, v, row in ((r[0], r[1], r) for r in rows):
                    expected = graph.edges[u, v, link_type][name]
                    assert (row[column].split(ARRAY_DELIMITER) if row[column] else []) == expected
    assert node_rows == graph.number_of_nodes() and links == graph.number_of_edges()
    facts = {d["id"]: d for _, _, k, d in graph.edges(keys=True, data=True) if k in EVIDENCE_LINKS}
    assert reported == {
        i: {"docs": set(d["docs"]), "evidence": set(d["evidence"])} for i, d in facts.items()
    }
    assert loaded.arguments()[0] == "--array-delimiter=;" and not loaded.multiline


def harness_classpath() -> str:
    """The classpath of the Neo4j jars that scripts/neo4j-test-server resolved with Maven."""
    cache = Path(os.environ.get("NEO4J_TEST_CACHE_DIR") or Path.home() / ".m2" / "okg-neo4j-test")
    for path in sorted(cache.glob("*/classpath"), key=lambda p: p.stat().st_mtime, reverse=True):
        jars = path.read_text().strip().split(":")
        if any("neo4j-import-tool" in j for j in jars) and all(Path(j).exists() for j in jars):
            return ":".join(jars)
    pytest.fail(f"no Neo4j jars under {cache}: run scripts/neo4j-test-server start once")


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_admin_imports_the_csv_files(seeds, tmp_path):
    graph = seeds
    loaded = write_neo4j_csv(graph, tmp_path / "csv")
    java = os.environ.get("NEO4J_TEST_JAVA") or shutil.which("java")
    assert java, "no java: apt-get install openjdk-17-jdk-headless (scripts/test does)"
    command = [java, "-Xmx512m", "-cp", harness_classpath(), "org.neo4j.cli.AdminTool"]
    command += ["database", "import", "full", "neo4j", *loaded.arguments()]
    (tmp_path / "home").mkdir()
    env = os.environ | {"NEO4J_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        command, cwd=tmp_path / "csv", env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    cells = 0
    for path in loaded.files:
        header, rows = _read_csv(path)
        wanted = [i for i, h in enumerate(header) if not h.startswith(":") and ":START" not in h]
        cells += sum(1 for r in rows for i in wanted if r[i])
    imported = re.search(
        r"Imported:\s+(\d+) nodes\s+(\d+) relationships\s+(\d+) properties", done.stdout
    )
    assert imported, done.stdout[-3000:]
    reports = sum(len(_read_csv(p)[1]) for p in loaded.files if p.stem.startswith("REPORTS-"))
    assert [int(n) for n in imported.groups()] == [
        graph.number_of_nodes(),
        graph.number_of_edges() + reports,
        cells,
    ]
