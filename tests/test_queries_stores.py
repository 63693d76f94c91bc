"""Every canned query on both stores over the seeds: the same rows, and the answers a reader of
the seeds gives. The seeds are loaded once per store for the module (the graph tests' records);
Neo4j is the project's test server (tests/conftest.py).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from officials_kg.graph.embedded import EmbeddedStore
from officials_kg.graph.ingest import IngestReport, ingest, pending_items
from officials_kg.graph.name_index import NAMES_GRAPH
from officials_kg.graph.neo4j_store import Neo4jStore
from officials_kg.graph.store import GraphStore
from officials_kg.queries.catalog import catalog
from officials_kg.queries.lookup import candidates, resolve
from officials_kg.queries.run import run
from tests.conftest import clear_neo4j
from tests.gold import (
    CHENGDE_CHAIR,
    CHENGDE_SECRETARY_GENERAL,
    JUDGE,
    POLICE_CHIEF,
    PROPAGANDA_HEAD,
    PROSECUTOR,
    UNITED_FRONT_HEAD,
    VICE_MAYOR,
    holders,
    participants,
)
from tests.test_graph_stores import seed_records  # noqa: F401  (a fixture: the seeds' records)


def _load(store: GraphStore, records: Path) -> GraphStore:
    ingest(pending_items([records], store, IngestReport()), store, IngestReport())
    return store


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory, seed_records: Path) -> Iterator:  # noqa: F811
    store = _load(EmbeddedStore(tmp_path_factory.mktemp("queries") / "store"), seed_records)
    yield store
    store.close()


@pytest.fixture(scope="module")
def neo4j(neo4j_server, neo4j_uri: str, neo4j_auth, seed_records: Path) -> Iterator:  # noqa: F811
    clear_neo4j(neo4j_server)
    store = _load(Neo4jStore(neo4j_uri, *(neo4j_auth or ("neo4j", ""))), seed_records)
    yield store
    store.close()


@pytest.fixture(scope="module", params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest) -> GraphStore:
    return request.getfixturevalue(request.param)


def ask(store: GraphStore, name: str, *texts: str) -> list[dict]:
    """A canned query with its arguments looked up by name, as `okg query` does."""
    query = catalog()[name]
    args = {
        p.name: resolve(store, text, p.kinds) if p.kinds else text
        for p, text in zip(query.params, texts, strict=True)
    }
    return run(store, query, args)


def same_rows(embedded: GraphStore, neo4j: GraphStore, name: str, args: dict[str, str]) -> list:
    query = catalog()[name]
    rows = run(embedded, query, args)
    assert rows == run(neo4j, query, args), (name, args)
    return rows


@pytest.mark.parametrize("name", list(catalog()))
def test_each_query_gives_the_same_rows_on_both_stores(embedded, neo4j, name: str):
    examples = {p.name: p.example for p in catalog()[name].params}
    rows = same_rows(embedded, neo4j, name, examples)
    assert rows, f"the example of {name} (its Browser file's :param lines) finds nothing"
    assert all(list(row) == list(catalog()[name].columns) for row in rows)


def _persons(store: GraphStore) -> list[str]:
    return sorted(n.id for n in store.nodes("Person"))


def test_every_person_has_the_same_answers_on_both_stores(embedded, neo4j):
    for person in _persons(embedded):
        for name in ("meetings", "posts", "comeet", "timeline"):
            same_rows(embedded, neo4j, name, {"person": person})


def test_every_body_and_post_has_the_same_answers_on_both_stores(embedded, neo4j):
    for label, names in [("Organization", ("members", "holders")), ("Post", ("holders",))]:
        for node in embedded.nodes(label):
            for name in names:
                param = catalog()[name].params[0].name
                same_rows(embedded, neo4j, name, {param: node.id})


def test_every_event_has_the_same_attendees_and_evidence_on_both_stores(embedded, neo4j):
    for link in embedded.links("PARTICIPATED_IN"):
        same_rows(embedded, neo4j, "attendees", {"meeting": link.target})
        same_rows(embedded, neo4j, "evidence", {"subject": link.source, "object": link.target})


def test_paths_between_all_pairs_of_people_are_the_same_chain_on_both_stores(embedded, neo4j):
    """Many pairs are joined by several chains as short: both stores pick the same one."""
    persons = [p for p in _persons(embedded) if run(embedded, catalog()["posts"], {"person": p})]
    found = 0
    for a, b in itertools.permutations(persons[:16], 2):
        rows = same_rows(embedded, neo4j, "path", {"person": a, "other": b})
        if rows:
            found += 1
            assert (rows[0]["id"], rows[-1]["id"]) == (a, b)
    assert found > 10


def _parts(name: str) -> set[str]:
    """Parts of a name as a user may type them: a character, a pair, the end, the whole."""
    return {name[:1], name[1:3], name[len(name) // 2 :], name}


def test_find_gives_the_same_rows_on_both_stores_for_parts_of_every_name(embedded, neo4j):
    """The embedded store's name index (graph/name_index.py) only narrows the names that
    CONTAINS tests: the rows are Neo4j's, for texts of every length, the empty one too."""
    names = {r["name"] for r in run(embedded, catalog()["find"], {"text": ""})}
    names |= {alias for n in embedded.nodes("Organization") for alias in n.sets["aliases"]}
    assert len(names) > 100
    for text in sorted(set().union(*map(_parts, names))):
        same_rows(embedded, neo4j, "find", {"text": text})


def test_a_store_written_without_the_name_index_gets_it_when_opened(
    tmp_path: Path,
    seed_records: Path,  # noqa: F811
):
    texts = ["", "张", "市委", "政法工作", "县检察"]  # the last, only in aliases (高阳县检察院)
    find = catalog()["find"]
    with _load(EmbeddedStore(tmp_path / "store"), seed_records) as store:
        found = [run(store, find, {"text": text}) for text in texts]
        assert all(found)
        store.store.clear_graph(NamedNode(NAMES_GRAPH))  # as a store written before it
        assert run(store, find, {"text": "市委"}) == []
    with EmbeddedStore(tmp_path / "store") as store:
        assert [run(store, find, {"text": text}) for text in texts] == found


def _names(rows: list[dict], column: str = "name") -> set[str]:
    return {row[column] for row in rows}


def test_attendees_of_the_xuchang_political_and_legal_work_meeting(store):
    rows = ask(store, "attendees", "市委政法工作会议")
    gold = participants("许昌市委政法工作会议")
    assert _names(rows) == set(gold) == {UNITED_FRONT_HEAD, POLICE_CHIEF, JUDGE, PROSECUTOR}
    assert {row["date"] for row in rows} == {"2023-02-17"}
    roles = {row["name"]: row["roles"] for row in rows}
    assert {"speak"} <= set(roles[UNITED_FRONT_HEAD]) and {"speak"} <= set(roles[POLICE_CHIEF])
    assert all(gold[name] <= set(r) for name, r in roles.items())  # attend, speak
    assert all("attend" in r for r in roles.values())
    assert all(any(row["name"] in e for e in row["evidence"]) for row in rows)


def test_meetings_posts_and_timeline_of_the_police_chief(store):
    meetings = ask(store, "meetings", POLICE_CHIEF)
    assert {"许昌市委政法工作会议", "许昌市公安工作会议"} <= _names(meetings, "event")
    assert {row["date"] for row in meetings} == {"2023-02-17"}
    posts = ask(store, "posts", POLICE_CHIEF)
    assert _names(posts, "post") == {"许昌市政府副市长", "许昌市公安局局长"}
    assert all(row["first_seen"] == "2023-02-17" and row["reports"] >= 1 for row in posts)
    assert all(POLICE_CHIEF in row["sentence"] for row in posts)
    timeline = ask(store, "timeline", POLICE_CHIEF)
    assert {(r["kind"], r["name"]) for r in timeline} == {
        *(("event", row["event"]) for row in meetings),
        *(("post", row["post"]) for row in posts),
    }
    assert [r["date"] for r in timeline] == sorted(r["date"] for r in timeline)


def test_holders_of_a_post_and_of_a_body(store):
    assert _names(ask(store, "holders", "许昌市委宣传部部长")) == {PROPAGANDA_HEAD}
    rows = ask(store, "holders", "承德市人大常委会")
    posts = {(row["name"], row["post"]) for row in rows}
    assert (CHENGDE_CHAIR, "承德市人大常委会主任") in posts
    assert (CHENGDE_SECRETARY_GENERAL, "承德市人大常委会秘书长") in posts
    deputies = {name for name, post in posts if post == "承德市人大常委会副主任"}
    gold_deputies = holders(("副主任", "承德市人大常委会"))
    assert len(gold_deputies) >= 4 and gold_deputies <= deputies
    assert {row["organization"] for row in rows} == {"承德市人大常委会"}


def test_members_of_a_body_include_the_bodies_under_it(store):
    rows = ask(store, "members", "中共许昌市委员会")  # an alias: the body is 许昌市委
    posts = {row["name"]: row["posts"] for row in rows}
    assert {UNITED_FRONT_HEAD, PROPAGANDA_HEAD, VICE_MAYOR} <= set(posts)
    assert "许昌市委统战部部长" in posts[UNITED_FRONT_HEAD]  # in 许昌市委统战部, under 许昌市委
    assert "许昌市委宣传部部长" in posts[PROPAGANDA_HEAD]


def test_comeet_ranks_the_people_met_most_often(store):
    rows = ask(store, "comeet", POLICE_CHIEF)
    assert {UNITED_FRONT_HEAD, JUDGE, PROSECUTOR} <= _names(rows)
    assert [r["shared"] for r in rows] == sorted((r["shared"] for r in rows), reverse=True)
    assert all("许昌市委政法工作会议" in r["events"] for r in rows if r["name"] == PROSECUTOR)


def test_path_from_the_judge_to_the_vice_mayor(store):
    rows = ask(store, "path", JUDGE, VICE_MAYOR)
    assert [r["step"] for r in rows] == list(range(5))
    assert [r["kind"] for r in rows][::2] == ["Person"] * 3
    assert (rows[0]["name"], rows[-1]["name"]) == (JUDGE, VICE_MAYOR)
    # The meeting, then a colleague there who holds a post with the vice mayor.
    assert rows[1]["name"] == "许昌市委政法工作会议"


def test_evidence_behind_a_participation_and_a_post(store):
    rows = ask(store, "evidence", POLICE_CHIEF, "许昌市委政法工作会议")
    assert rows and {r["fact"] for r in rows} == {"PARTICIPATED_IN"}
    assert all(POLICE_CHIEF in r["sentence"] for r in rows)
    assert {r["document"] for r in rows} == {"003_3676fee7047f7844"}
    held = ask(store, "evidence", PROPAGANDA_HEAD, "许昌市委")  # any post in the body
    assert {r["about"] for r in held} == {"许昌市委常委"}
    assert all(r["end"] > r["start"] for r in rows + held)


def test_lookup_goes_from_exact_to_alias_to_substring(store):
    (exact,) = candidates(store, "许昌市委", ("Organization",))
    assert (exact.name, exact.matched) == ("许昌市委", "exact")
    (alias,) = candidates(store, "中共许昌市委员会", ("Organization",))
    assert (alias.id, alias.matched) == (exact.id, "alias")
    (part,) = candidates(store, "市委政法工作会议", ("Event",))
    assert (part.name, part.matched) == ("许昌市委政法工作会议", "substring")
    assert candidates(store, part.id, ("Event",))[0].matched == "id"
    assert candidates(store, part.id, ("Person",)) == []


def test_lookup_lists_every_entity_a_name_may_mean(store):
    found = candidates(store, "市委", ("Organization",))
    assert {"许昌市委", "承德市委"} <= {c.name for c in found}
    assert {c.matched for c in found} == {"substring"}
    assert candidates(store, "没有这个人", ("Person",)) == []
