"""The Cypher the Neo4j store sends (graph/cypher_statements.py), read without a server.

Made from the seeds' real batch: every statement's text asks only for the parameters the
store sends and for row fields that every one of its rows has; a batch is dealt out to its
transactions whole; rewriting documents that may be there never CREATEs; and what a write
stores, read back by the read statements' parsers, is the batch again. tests/
test_graph_stores.py runs the same statements against the real server; so does the one
case here that shows what the first check found (a set a later row lacks).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from officials_kg.extraction import extract_document
from officials_kg.graph import cypher_statements as cypher
from officials_kg.graph.cypher_statements import Part, Statement
from officials_kg.graph.embedded import EmbeddedStore
from officials_kg.graph.model import GraphBatch, Link, Node, combine
from officials_kg.graph.neo4j_store import Neo4jStore
from officials_kg.graph.resolve import resolve_document
from officials_kg.graph.vocab import EVIDENCE_LINKS, LINK_TYPES, NODE_TYPES, label_of
from officials_kg.graph.written import PER_DOCUMENT
from officials_kg.loaders.document import load_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def batch() -> GraphBatch:
    """The seeds' documents resolved into one batch, as `okg ingest seeds/` writes them."""
    paths = sorted(SEEDS.glob("*.txt"))
    return combine(resolve_document(extract_document(load_document(p))) for p in paths)


def _statements(batch: GraphBatch, count: int) -> list[tuple[Part, Statement]]:
    shared, parts = cypher.parts(batch, count)
    return [(part, make()) for part in [shared, *parts] for make in cypher.recipes(part, ())]


def _parameters(text: str) -> set[str]:
    return set(re.findall(r"\$(\w+)", text))


def _fields(text: str, var: str) -> set[tuple[str, ...]]:
    """The fields of `var` that `text` needs: `row.doc` as ("doc",), `row.props.id` as
    ("props", "id"); not those it reads as `coalesce(row.props.left, [])`, which a row may
    leave out (an item without that set)."""
    text = re.sub(rf"coalesce\({var}\.[\w.]+, \[\]\)", "", text)
    return {tuple(p for p in m if p) for m in re.findall(rf"\b{var}\.(\w+)(?:\.(\w+))?", text)}


def _has(value: object, path: tuple[str, ...]) -> bool:
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return False
        value = value[key]
    return True


def test_each_write_statement_asks_for_what_its_rows_hold(batch: GraphBatch):
    statements = _statements(batch, 2)
    assert len(statements) > 20
    for _, s in statements:
        for text in (s.text(True), s.text(False)):
            assert text.startswith(cypher.KEEP_PLAN)
            assert _parameters(text) == {"rows"}  # what Neo4jStore sends: rows=statement.rows
            assert s.rows, text
            for row in s.rows:
                missing = [f for f in _fields(text, "row") if not _has(row, f)]
                assert not missing, (text, row)
                for rep in row.get("reports", []):
                    assert all(_has(rep, f) for f in _fields(text, "rep")), (text, rep)


def test_the_other_statements_ask_for_the_parameters_the_store_sends():
    assert _parameters(cypher.FRESH) == {"ids"}  # Neo4jStore._write_part: ids=documents
    assert _parameters(cypher.DROP_DECISIONS) == {"keep"}  # replace_decisions: keep=ids
    reads = [cypher.PERSON_CONTEXTS, cypher.EVENT_CONTEXTS, cypher.LOADED_DOCUMENTS]
    reads += [cypher.read_nodes(label) for label in NODE_TYPES]
    reads += [cypher.read_links(t) for t in LINK_TYPES]
    reads += [cypher.SERVER_PROCESSORS, *cypher.schema_statements()]
    assert all(_parameters(text) == set() for text in reads)


def test_labels_and_types_in_the_text_come_from_the_schema(batch: GraphBatch):
    texts = [t for _, s in _statements(batch, 2) for t in (s.fresh, s.stale)]
    texts += cypher.schema_statements()
    known = set(NODE_TYPES) | set(LINK_TYPES) | {"REPORTS"}
    for text in texts:
        named = set(re.findall(r"[(\[]\w*:(\w+)", text))
        assert named and named <= known, text


def test_rewriting_documents_that_may_be_there_never_creates(batch: GraphBatch):
    """A batch written again (its documents `stale`) MERGEs everything, so it changes
    nothing; documents new to the database (`fresh`) CREATE their own items only."""
    for part, s in _statements(batch, 2):
        assert not re.search(r"(?<!ON )CREATE", s.stale), s.stale
        if not part.documents:  # the recurring items: MERGEd whichever text runs
            assert s.fresh == s.stale


@pytest.mark.parametrize("count", [1, 2, 3, 16])
def test_a_batch_is_dealt_out_whole_each_document_with_its_own_items(batch: GraphBatch, count: int):
    shared, parts = cypher.parts(batch, count)
    documents = [i for i, n in batch.nodes.items() if n.label == "Document"]
    assert len(parts) == min(count, len(documents))
    assert sorted(d for p in parts for d in p.documents) == sorted(documents)
    everything = [shared, *parts]
    assert sorted(i for p in everything for i in p.nodes) == sorted(batch.nodes)
    assert sorted(i for p in everything for i in p.links) == sorted(batch.links)
    assert not any(n.label in PER_DOCUMENT for n in shared.nodes.values())
    for part in parts:
        owned = set(part.documents)
        for link in part.links.values():
            owner = link.source if link.type == "MENTIONS" else link.target
            assert owner in owned
            if link.type in ("IN_DOCUMENT", "QUOTED_FROM"):
                assert link.source in part.nodes  # the article or sentence goes along
        assert {row["doc"] for rows in part.reports.values() for row in rows} <= owned


def test_what_a_write_stores_reads_back_as_the_batch(batch: GraphBatch):
    """The properties a node's or link's row sets, given to the parsers of what the read
    statements return, give the model's item back; a fact's sentences and documents come
    back from its REPORTS."""
    stored_nodes: dict[str, Node] = {}
    stored_links: dict[str, dict] = {}
    reports: dict[str, list[list[str]]] = {}
    for _, s in _statements(batch, 2):
        for row in s.rows:
            if "props" in row and "source" not in row:
                props = row["props"]
                stored_nodes[props["id"]] = cypher.node_of(label_of(props["id"]), props)
            elif "props" in row:
                stored_links[row["props"]["id"]] = row
            for rep in row.get("reports", []):
                reports.setdefault(rep["fact"], []).append([row["doc"], *(rep["evidence"] or [])])

    def plain(item: Node | Link) -> tuple:
        props = {k: v for k, v in item.props.items() if v is not None}
        return props, {k: v for k, v in item.sets.items() if v}

    for node_id, node in batch.nodes.items():
        assert plain(stored_nodes[node_id]) == plain(node)
    facts = {i: k for i, k in batch.links.items() if LINK_TYPES[k.type].rdf_class}
    assert set(stored_links) == set(facts) and any(k.type in EVIDENCE_LINKS for k in facts.values())
    for link_id, link in facts.items():
        row = stored_links[link_id]
        read = {"a": row["source"], "b": row["target"], "p": row["props"]}
        read["reports"] = reports.get(link_id, [])
        assert plain(cypher.link_of(link.type, read)) == plain(link)


def test_the_reports_of_a_fact_hold_each_of_its_sentences_under_its_document():
    quoted_from = {
        "evidence/1": "document/a",
        "evidence/2": "document/b",
        "evidence/3": "document/a",
    }
    sets = {"docs": {"document/a", "document/b", "document/c"}, "evidence": set(quoted_from)}
    assert cypher.reports(sets, quoted_from) == [
        ("document/a", ["evidence/1", "evidence/3"]),
        ("document/b", ["evidence/2"]),
        ("document/c", []),
    ]


def test_the_schema_has_a_unique_id_per_label_and_is_made_only_once():
    statements = cypher.schema_statements()
    assert all("IF NOT EXISTS" in s for s in statements)
    for label in NODE_TYPES:
        assert f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in " ".join(statements)
    assert len(set(statements)) == len(statements)


@pytest.mark.neo4j
def test_a_set_that_a_later_batch_lacks_keeps_its_values(
    batch: GraphBatch, neo4j_driver, neo4j_uri: str, neo4j_auth, tmp_path: Path
):
    """A post left (免去) as one batch reports, and held as a later one reports, saying
    nothing of leaving: the HOLDS link keeps its `left` dates in both stores, as sets only
    grow. Neo4j lost them: the union with a row that has no such list was null, and SET to
    null removes a property."""
    holds_id = next(i for i, k in batch.links.items() if k.type == "HOLDS")
    assert "left" not in batch.links[holds_id].sets
    first = copy.deepcopy(batch)
    first.links[holds_id].sets["left"] = {"2024-01-05"}
    neo4j = Neo4jStore(neo4j_uri, *(neo4j_auth or ("neo4j", "")))
    for store in (neo4j, EmbeddedStore(tmp_path / "store")):
        with store:
            store.write(copy.deepcopy(first))
            store.write(copy.deepcopy(batch))
            left = {k.id: k.sets["left"] for k in store.links("HOLDS")}
            assert left[holds_id] == {"2024-01-05"}, store
