"""Both stores: idempotent loads, resolution across the seeds, interrupted runs, equality.

The Neo4j cases use the project's test server (tests/conftest.py: NEO4J_TEST_URI).
"""

from __future__ import annotations

import copy
import json
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from officials_kg.extraction import extract_document
from officials_kg.graph import cypher_statements, names
from officials_kg.graph.embedded import EmbeddedStore
from officials_kg.graph.ingest import (
    IngestReport,
    ingest,
    pending_items,
    read_record,
    record_decisions,
)
from officials_kg.graph.model import combine, content_id
from officials_kg.graph.neo4j_store import Neo4jStore
from officials_kg.graph.resolve import resolve_document
from officials_kg.graph.store import GraphStore, summary
from officials_kg.graph.to_networkx import to_networkx
from officials_kg.graph.vocab import DECISION_LINKS, EVIDENCE_LINKS, LINK_TYPES, NODE_TYPES
from officials_kg.loaders.document import load_document
from tests.gold import CHENGDE_CHAIR, documents_naming

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

Opener = Callable[[], GraphStore]


@pytest.fixture(scope="module")
def seed_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds extracted once, as a JSON-lines record file (`okg extract --format jsonl`)."""
    path = tmp_path_factory.mktemp("records") / "seeds.jsonl"
    records = [extract_document(load_document(t)) for t in sorted(SEEDS.glob("*.txt"))]
    lines = [json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _neo4j_opener(request: pytest.FixtureRequest) -> Opener:
    request.getfixturevalue("neo4j_driver")  # an empty database
    uri = request.getfixturevalue("neo4j_uri")
    auth = request.getfixturevalue("neo4j_auth") or ("neo4j", "")
    return lambda: Neo4jStore(uri, *auth)


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def opener(request: pytest.FixtureRequest, tmp_path: Path) -> Opener:
    """Opens the store under test afresh, as a new `okg` run would."""
    if request.param == "neo4j":
        return _neo4j_opener(request)
    return lambda: EmbeddedStore(tmp_path / "store")


@contextmanager
def _opened(opener: Opener) -> Iterator[GraphStore]:
    store = opener()
    try:
        yield store
    finally:
        store.close()


def run(opener: Opener, paths: list[Path], **options) -> tuple[IngestReport, dict[str, int]]:
    with _opened(opener) as store:
        report = IngestReport()
        ingest(pending_items(paths, store, report), store, report, **options)
        return report, summary(store)


def snapshot(store: GraphStore, link_types=tuple(LINK_TYPES)) -> dict:
    """Every node and link with its properties; list properties as sorted tuples."""

    def frozen(item) -> tuple:
        sets = tuple(sorted((k, tuple(sorted(v))) for k, v in item.sets.items()))
        return (tuple(sorted(item.props.items(), key=lambda kv: kv[0])), sets)

    nodes = {n.id: (label, *frozen(n)) for label in NODE_TYPES for n in store.nodes(label)}
    links = {(k.id, k.source, k.target): frozen(k) for t in link_types for k in store.links(t)}
    return {"nodes": nodes, "links": links}


def test_ingesting_the_seeds_twice_gives_the_same_graph_as_once(opener: Opener):
    first, once = run(opener, [SEEDS], jobs=2)
    assert len(first.loaded) == 5 and not first.failures
    again, twice = run(opener, [SEEDS])
    assert again.skipped == first.loaded and not again.loaded
    assert twice == once
    with _opened(opener) as store:
        before = snapshot(store)
        assert pending_items([SEEDS], store, IngestReport()) == []
        # Writing every document again, bypassing the "already loaded" check, changes nothing.
        forced = [(t.stem, t) for t in sorted(SEEDS.glob("*.txt"))]
        ingest(forced, store, IngestReport())
        assert snapshot(store) == before


def _person(store: GraphStore, name: str) -> list[str]:
    return [n.id for n in store.nodes("Person") if n.props["name"] == name]


def test_the_chengde_chair_is_one_person_in_events_of_both_documents(opener: Opener, seed_records):
    run(opener, [seed_records])
    with _opened(opener) as store:
        (chair,) = _person(store, CHENGDE_CHAIR)
        docs = set()
        for link in store.links("PARTICIPATED_IN"):
            if link.source == chair:
                docs |= link.sets["docs"]
        assert {
            content_id("document", d) for d in ("001_59368bcfbef6e951", "002_3f6941afb79db3d9")
        } <= docs


def test_a_national_figure_is_one_person_across_the_documents_that_name_him(opener, seed_records):
    """Each national figure (lexicons/national_figures.txt) the seeds' gold names in two
    documents or more: one node, which every document whose record names him mentions."""
    figures = sorted(n for n in names.NATIONAL_FIGURES if len(documents_naming(n)) >= 2)
    assert figures
    records = [json.loads(line) for line in seed_records.read_text(encoding="utf-8").splitlines()]
    run(opener, [seed_records])
    with _opened(opener) as store:
        for figure in figures:
            naming = {r["doc"] for r in records if any(p["name"] == figure for p in r["persons"])}
            assert len(naming) >= 2
            (node,) = _person(store, figure)
            mentioning = {k.source for k in store.links("MENTIONS") if k.target == node}
            assert mentioning == {content_id("document", d) for d in naming}


def test_each_store_answers_its_own_query_language(opener: Opener, seed_records):
    run(opener, [seed_records])
    with _opened(opener) as store:
        if store.query_language == "sparql":
            text = """SELECT DISTINCT ?name ?doc WHERE { ?p foaf:name ?name .
                      ?part okg:participant ?p ; okg:seenIn ?d . ?d schema:name ?doc }"""
        else:
            text = """MATCH (p:Person {name: $name})-[r:PARTICIPATED_IN]->(e:Event)
                      MATCH (doc:Document)-[:REPORTS {fact: r.id}]->(e)
                      RETURN DISTINCT doc.name AS doc"""
        rows = store.query(text, {"name": CHENGDE_CHAIR})
        assert {"001_59368bcfbef6e951", "002_3f6941afb79db3d9"} <= {r["doc"] for r in rows}


class Interrupted(Exception):
    pass


class _FailingStore:
    """A store whose `after`-th write is interrupted, as a killed run would be."""

    def __init__(self, store: GraphStore, after: int) -> None:
        self.store, self.after = store, after

    def __getattr__(self, name: str):
        return getattr(self.store, name)

    def write(self, batch, prepared=None) -> None:
        if self.after == 0:
            raise Interrupted
        self.after -= 1
        self.store.write(batch, prepared)


def test_an_interrupted_run_leaves_whole_documents_and_a_rerun_completes_it(
    opener: Opener, seed_records: Path, tmp_path: Path
):
    run(opener, [seed_records], batch_size=1)
    facts = tuple(t for t in LINK_TYPES if t not in DECISION_LINKS)
    with _opened(opener) as store:
        full = snapshot(store)
        _empty(store)
        failing = _FailingStore(store, after=2)
        with pytest.raises(Interrupted):
            items = pending_items([seed_records], failing, IngestReport())
            ingest(items, failing, IngestReport(), batch_size=1)
        assert len(store.loaded_documents()) == 2
        partial = snapshot(store, facts)
        _empty(store)
    # What the interrupted run left is exactly the first two documents, whole.
    first_two = tmp_path / "two.jsonl"
    first_two.write_text("".join(seed_records.read_text(encoding="utf-8").splitlines(True)[:2]))
    run(opener, [first_two])
    with _opened(opener) as store:
        assert snapshot(store, facts) == partial
    # Running it all again completes the graph: the same as one uninterrupted run.
    run(opener, [seed_records], batch_size=1)
    with _opened(opener) as store:
        assert snapshot(store) == full


@pytest.mark.parametrize("limit", [200_000, 1])
def test_batches_that_send_only_what_is_new_give_the_graph_of_one_batch(
    opener: Opener, seed_records: Path, limit: int
):
    """The stores skip what they wrote earlier in the run (graph/written.py), and forget it
    past a limit: document by document, remembering or forgetting, the same graph as all the
    documents in one batch, where nothing is skipped."""
    run(opener, [seed_records])
    with _opened(opener) as store:
        whole = snapshot(store)
        _empty(store)
    with _opened(opener) as store:
        store.written.limit = limit
        ingest(
            pending_items([seed_records], store, IngestReport()),
            store,
            IngestReport(),
            batch_size=1,
        )
        assert snapshot(store) == whole


def test_a_batch_prepared_for_the_embedded_store_writes_the_same_quads(
    tmp_path: Path, seed_records: Path
):
    """`prepare` (run in the extraction workers) turns the per-document items into text:
    they no longer travel as objects, and the store ends with the same quads."""
    records = seed_records.read_text(encoding="utf-8").splitlines()
    batch = combine(resolve_document(read_record(r.encode())) for r in records)
    left = copy.deepcopy(batch)
    made = EmbeddedStore.prepare(left)
    assert {n.label for n in left.nodes.values()} & {"Evidence", "Article"} == set()
    assert not any("evidence" in k.sets for k in left.links.values())
    assert len(left.links) + made.links == len(batch.links)
    quads = []
    for name, (written, prepared) in (("whole", (batch, None)), ("prepared", (left, made))):
        with EmbeddedStore(tmp_path / name) as store:
            store.write(written, prepared)
            quads.append({str(q) for q in store.store})
    assert quads[0] == quads[1] and len(quads[0]) > 1000
    # `okg ingest` prepares every chunk, and counts the links that went into text as written.
    report, _ = run(lambda: EmbeddedStore(tmp_path / "ingested"), [seed_records])
    assert report.links == len(batch.links)


def _empty(store: GraphStore) -> None:
    if isinstance(store, Neo4jStore):
        store.run_cypher("MATCH (n) DETACH DELETE n")
    else:
        store.store.clear()


class _MarkersFail:
    """A pyoxigraph store stopped after the bulk load of a batch, before its markers."""

    def __init__(self, store) -> None:
        self.store = store

    def bulk_load(self, *args, **options) -> None:
        self.store.bulk_load(*args, **options)

    def load(self, *args, **options) -> None:
        raise Interrupted


def test_embedded_content_without_its_markers_is_not_loaded_and_a_rerun_completes_it(
    tmp_path: Path, seed_records: Path
):
    full = lambda: EmbeddedStore(tmp_path / "full")  # noqa: E731
    run(full, [seed_records])
    with EmbeddedStore(tmp_path / "store") as store:
        items = pending_items([seed_records], store, IngestReport())
        store.store = _MarkersFail(store.store)
        with pytest.raises(Interrupted):
            ingest(items, store, IngestReport())
        store.store = store.store.store
        assert store.loaded_documents() == set() and len(store.store) > 0
    run(lambda: EmbeddedStore(tmp_path / "store"), [seed_records])
    with _opened(full) as a, EmbeddedStore(tmp_path / "store") as b:
        assert snapshot(a) == snapshot(b)


def test_bad_files_are_reported_and_the_rest_still_load(
    opener: Opener, tmp_path: Path, seed_records
):
    bad_text = tmp_path / "broken.txt"
    bad_text.write_bytes(b"\x00\xff\xfe\x00" * 50)
    bad_records = tmp_path / "bad.jsonl"
    bad_records.write_text('{"doc": "x", "persons": [{"nom": 1}]}\nnot json\n', encoding="utf-8")
    report, counts = run(opener, [bad_text, bad_records, seed_records])
    assert len(report.loaded) == 5 and counts["documents"] == 5
    assert {f.source for f in report.failures} == {
        str(bad_text),
        f"{bad_records}:1",
        f"{bad_records}:2",
    }


def test_a_bad_record_does_not_keep_out_a_good_one_of_the_same_document(
    opener: Opener, tmp_path: Path, seed_records
):
    first = seed_records.read_text(encoding="utf-8").splitlines()[0]
    doc = json.loads(first)["doc"]
    records = tmp_path / "twice.jsonl"
    bad = json.dumps({"doc": doc, "persons": [{"name": 1}]})
    records.write_text(f"{bad}\n{first}\n{first}\n", encoding="utf-8")
    report, counts = run(opener, [records], jobs=2)
    assert report.loaded == [doc] and counts["documents"] == 1
    assert [f.source for f in report.failures] == [f"{records}:1"]
    assert report.skipped == [doc]  # the third line: its document is there


@pytest.mark.neo4j
def test_a_batch_whose_statements_cannot_be_made_fails_whole(request, seed_records: Path):
    """A fact whose sentence the batch does not hold: the batch cannot be dealt out to its
    transactions, the write fails, and nothing of the batch stays."""
    batch = resolve_document(read_record(seed_records.read_bytes().splitlines()[0]))
    fact = next(k for k in batch.links.values() if k.type in EVIDENCE_LINKS)
    fact.sets["evidence"].add(content_id("evidence", "a sentence the batch does not hold"))
    with _opened(_neo4j_opener(request)) as store:
        with pytest.raises(KeyError):  # the sentence's document, for the fact's reports
            store.write(batch)
        assert store.loaded_documents() == set()
        assert summary(store)["persons"] == 0


@pytest.mark.neo4j
def test_a_batch_whose_documents_statements_cannot_be_made_leaves_nothing(
    request, seed_records: Path, monkeypatch: pytest.MonkeyPatch
):
    """The statements of a batch's documents are made while the server runs its recurring
    items' transaction: an error in making one fails that transaction too, so nothing of
    the batch stays, the persons included."""
    batch = resolve_document(read_record(seed_records.read_bytes().splitlines()[0]))
    make = cypher_statements.node_statement

    def failing(label: str, items):
        if label == "Evidence":  # a document's own, made after the recurring items'
            raise RuntimeError("cannot make it")
        return make(label, items)

    monkeypatch.setattr(cypher_statements, "node_statement", failing)
    with _opened(_neo4j_opener(request)) as store:
        with pytest.raises(RuntimeError, match="cannot make it"):
            store.write(batch)
        assert store.loaded_documents() == set()
        assert summary(store)["persons"] == 0


@pytest.mark.neo4j
@pytest.mark.parametrize("rerun", ["pending", "forced"])
def test_a_batch_stopped_after_some_of_its_documents_is_completed_by_a_rerun(
    request, seed_records: Path, rerun: str
):
    """Neo4j writes a batch's documents in parts, each a transaction of its own, after the
    batch's recurring items: a batch stopped after one part leaves that part's documents,
    whole, and a rerun gives the graph of a run that was not stopped, whether it loads the
    documents not there yet (`pending`) or writes the whole batch again (`forced`, where
    the written part's documents are MERGEd, the others CREATEd)."""
    opener = _neo4j_opener(request)
    run(opener, [seed_records])
    with _opened(opener) as store:
        full = snapshot(store)
        _empty(store)
    with _opened(opener) as store:
        write_part, lock, written = store._write_part, threading.Lock(), []

        def first_part_only(documents: list[str], statements) -> None:
            with lock:  # the parts run at once: only the first to come writes
                if written:
                    raise Interrupted
                written.extend(documents)
            write_part(documents, statements)

        store._write_part = first_part_only  # type: ignore[method-assign]
        with pytest.raises(Interrupted):
            ingest(pending_items([seed_records], store, IngestReport()), store, IngestReport())
        assert 0 < len(store.loaded_documents()) == len(written) < 5
        assert summary(store)["persons"] > 0  # the recurring items came first
    if rerun == "pending":
        run(opener, [seed_records])
    else:
        with _opened(opener) as store:
            records = seed_records.read_bytes().splitlines()
            store.write(combine(resolve_document(read_record(r)) for r in records))
            record_decisions(store)
    with _opened(opener) as store:
        assert snapshot(store) == full


@pytest.mark.neo4j
def test_the_two_stores_hold_the_same_graph(request, tmp_path: Path, seed_records):
    neo4j = _neo4j_opener(request)
    embedded = lambda: EmbeddedStore(tmp_path / "store")  # noqa: E731
    for opener in (neo4j, embedded):
        run(opener, [seed_records])
    stores = [neo4j(), embedded()]
    try:
        a, b = (snapshot(s) for s in stores)
        assert a == b
        assert len([n for n in a["nodes"].values() if n[0] == "Person"]) > 40
        graphs = [to_networkx(s) for s in stores]
        assert graphs[0].nodes(data=True) == graphs[1].nodes(data=True)
        assert sorted(graphs[0].edges(keys=True, data="id")) == sorted(
            graphs[1].edges(keys=True, data="id")
        )
    finally:
        for s in stores:
            s.close()


def test_the_networkx_view_holds_the_whole_store(opener: Opener, seed_records: Path):
    run(opener, [seed_records])
    read: list[int] = []  # what the progress hears: the items of each label, then each type
    with _opened(opener) as store:
        graph = to_networkx(store, read.append)
        counts = store.node_counts()
    kinds = Counter(kind for _, kind in graph.nodes(data="kind"))
    types = Counter(key for _, _, key in graph.edges(keys=True))
    assert all(kinds[label] == counts[label] for label in NODE_TYPES)
    assert all(types[t] == counts[t] for t in LINK_TYPES)
    assert read == [counts[kind] for kind in [*NODE_TYPES, *LINK_TYPES]]
    (chair,) = [n for n, name in graph.nodes(data="name") if name == CHENGDE_CHAIR]
    assert any(graph.nodes[e]["kind"] == "Event" for e in graph.successors(chair))
