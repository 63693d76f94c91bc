"""Names that look like Cypher, SPARQL or Rich markup are data (issue 8): on both stores they
are stored and come back exactly — natively, through the canned queries and lookup, and
through `okg query`, `okg cypher` and `okg sparql` — and nothing else in the graph changes.

Names are stored in their canonical form (graph/names.py: NFKC, no whitespace), so a
payload is expected back as `person_name(payload)`, `event_name(payload)` and so on; the
evidence sentences, headlines and document names are stored as they are.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from officials_kg.cli.main import app
from officials_kg.extraction.records import (
    ArticleInfo,
    DocumentRecord,
    Event,
    Evidence,
    Organization,
    Participation,
    Person,
    Position,
)
from officials_kg.graph import names
from officials_kg.graph.embedded import EmbeddedStore
from officials_kg.graph.ingest import IngestReport, ingest, pending_items
from officials_kg.graph.resolve import resolve_document
from officials_kg.graph.store import GraphStore
from officials_kg.graph.vocab import LINK_TYPES, NODE_TYPES
from officials_kg.queries.catalog import catalog
from officials_kg.queries.lookup import candidates
from officials_kg.queries.run import run
from tests.test_graph_stores import (  # noqa: F401  (fixtures: the store under test, the seeds)
    Opener,
    opener,
    seed_records,
    snapshot,
)

runner = CliRunner()
WIDE = {"COLUMNS": "400"}  # Rich tables wide enough that no value is folded

PERSONS = [
    "'}) DETACH DELETE n //",
    '"}}; DROP ALL; #',
    "$name`]-()<-[r]-(m) SET m.x = 1",
    '\\"\\u0022<http://example.org/x> \\\\',
    "[bold red]王[/] [link=http://x]",
    "张三\x00\x1f\x7f",
]
TITLE = '"> ; DROP'
STORED_TITLE = names.norm_text(TITLE)  # canonical: no whitespace
BODY = "'}) MATCH (n) DETACH DELETE n //局"
EVENT = "} ; DELETE WHERE { ?s ?p ?o } ; INSERT DATA { <a> <b> <c> } #会议"
DOC = "inj'}) DETACH DELETE n // \"> ; DROP"
HEADLINE = '"> ; DROP TABLE articles; -- [/]'
SENTENCE = "'}) DETACH DELETE n // 出席\"> ; DROP 会议 } ; DELETE WHERE { ?s ?p ?o } [/]"


def injection_record() -> DocumentRecord:
    """A document whose every name, title and text is a payload; one fact of each kind."""
    ev = [Evidence(DOC, 0, 0, 0, len(SENTENCE), SENTENCE)]
    event = Event("e1", EVENT, "meeting", "2024-01-02", None, BODY, ev)
    return DocumentRecord(
        doc=DOC,
        path=DOC,
        date="2024-01-02",
        articles=[ArticleInfo(0, HEADLINE, None, "2024-01-02", 0, len(SENTENCE))],
        persons=[Person(p, ev) for p in PERSONS],
        organizations=[Organization(BODY, None, None, ev)],
        positions=[Position(p, TITLE, BODY, ev) for p in PERSONS],
        events=[event],
        participations=[Participation(p, "e1", ["chair", "speak"], ev) for p in PERSONS],
    )


def _records_file(folder: Path) -> Path:
    """The injection record as `okg extract --format jsonl` writes records."""
    path = folder / "injection.jsonl"
    path.write_text(json.dumps(injection_record().to_dict(), ensure_ascii=False) + "\n", "utf-8")
    return path


def _ingest(store: GraphStore, path: Path) -> None:
    report = IngestReport()
    ingest(pending_items([path], store, report), store, report)
    assert not report.failures, report.failures


@pytest.fixture
def injected(opener: Opener, seed_records: Path, tmp_path: Path):  # noqa: F811
    """The store under test with the seeds, then the injection record; yields the store,
    the seeds' snapshot and the record's batch."""
    store = opener()
    try:
        _ingest(store, seed_records)
        seeds = snapshot(store)
        _ingest(store, _records_file(tmp_path))
        yield store, seeds, resolve_document(injection_record())
    finally:
        store.close()


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store_options(request: pytest.FixtureRequest, tmp_path: Path, seed_records: Path):  # noqa: F811
    """`okg` options for the store under test, loaded by `okg ingest` as above."""
    if request.param == "neo4j":
        request.getfixturevalue("neo4j_driver")  # an empty database
        options = ["--store", "neo4j", "--neo4j-uri", request.getfixturevalue("neo4j_uri")]
    else:
        options = ["--data", str(tmp_path / "okg")]
    for path in (seed_records, _records_file(tmp_path)):
        loaded = runner.invoke(app, ["ingest", str(path), *options])
        assert loaded.exit_code == 0, loaded.output
    return options


def test_payloads_change_nothing_but_add_their_own_nodes(injected):
    store, seeds, batch = injected
    after = snapshot(store)
    assert {k: after["nodes"][k] for k in seeds["nodes"]} == seeds["nodes"]
    assert {k: after["links"][k] for k in seeds["links"]} == seeds["links"]
    assert set(after["nodes"]) - set(seeds["nodes"]) == set(batch.nodes)
    assert len(after["links"]) == len(seeds["links"]) + len(batch.links)
    # and no duplicates: the counts of the store itself say the same
    counts = store.node_counts()
    labels = Counter(n[0] for n in after["nodes"].values())
    assert all(counts[label] == labels[label] for label in NODE_TYPES)
    assert sum(counts[t] for t in LINK_TYPES) == len(after["links"])


def _native(store: GraphStore, label: str, key: str) -> set:
    """Every value of one property of one label, read in the store's own language."""
    if store.query_language == "cypher":
        text = f"MATCH (n:{label}) RETURN n.{key} AS v"
    else:
        t = NODE_TYPES[label]
        prop = t.props[key]
        path = f"<{prop.predicate}>" + ("/skos:prefLabel" if prop.kind == "role" else "")
        text = f"SELECT ?v WHERE {{ ?n a <{t.rdf_class}> ; {path} ?v }}"
    return {row["v"] for row in store.query(text)}


def test_payloads_come_back_exactly_from_each_stores_own_language(injected):
    store, _, _ = injected
    assert {names.person_name(p) for p in PERSONS} <= _native(store, "Person", "name")
    assert names.event_name(EVENT) in _native(store, "Event", "name")
    assert STORED_TITLE in _native(store, "Post", "title")
    assert names.org_name(BODY) in _native(store, "Organization", "name")
    assert DOC in _native(store, "Document", "name")
    assert HEADLINE in _native(store, "Article", "headline")
    assert SENTENCE in _native(store, "Evidence", "text")


def test_payloads_come_back_exactly_through_the_canned_queries(injected):
    store, _, _ = injected
    event_name, body = names.event_name(EVENT), names.org_name(BODY)
    (event,) = candidates(store, EVENT, ("Event",))  # found by its canonical form
    assert (event.name, event.matched) == (event_name, "alias")
    attendees = run(store, catalog()["attendees"], {"meeting": event.id})
    assert sorted(r["name"] for r in attendees) == sorted(names.person_name(p) for p in PERSONS)
    assert all(r["roles"] == ["chair", "speak"] for r in attendees)
    for payload in PERSONS:
        (person,) = candidates(store, payload, ("Person",))
        assert person.name == names.person_name(payload)
        meetings = run(store, catalog()["meetings"], {"person": person.id})
        assert [(r["event"], r["date"]) for r in meetings] == [(event_name, "2024-01-02")]
        posts = run(store, catalog()["posts"], {"person": person.id})
        assert [(r["post"], r["organization"]) for r in posts] == [(body + STORED_TITLE, body)]
        evidence = run(store, catalog()["evidence"], {"subject": person.id, "object": event.id})
        assert [(r["document"], r["sentence"]) for r in evidence] == [(DOC, SENTENCE)]
    (organization,) = candidates(store, BODY, ("Organization",))
    members = run(store, catalog()["members"], {"body": organization.id})
    assert {r["name"] for r in members} == {names.person_name(p) for p in PERSONS}
    found = run(store, catalog()["find"], {"text": "DETACHDELETE"})
    assert {r["name"] for r in found} >= {names.person_name(PERSONS[0]), body}


def test_payloads_print_exactly_from_the_command_line(store_options: list[str]):
    as_json = runner.invoke(app, ["query", "meetings", PERSONS[0], "--json", *store_options])
    assert as_json.exit_code == 0, as_json.output
    assert [r["event"] for r in json.loads(as_json.stdout)] == [names.event_name(EVENT)]
    table = runner.invoke(app, ["query", "attendees", EVENT, *store_options], env=WIDE)
    assert table.exit_code == 0, table.output
    for payload in PERSONS[:5]:  # the control characters of the last do not print as such
        assert names.person_name(payload) in table.stdout
    if "neo4j" in store_options:  # okg cypher and okg sparql know their store
        own = ["cypher", "MATCH (p:Person {name: $n}) RETURN p.name AS name", *store_options[2:]]
    else:
        own = ["sparql", "SELECT ?name WHERE { ?p foaf:name ?n . BIND (?n AS ?name) }"]
        own += store_options
    for payload in PERSONS:
        canonical = names.person_name(payload)
        rows = runner.invoke(app, [*own, "-p", f"n={canonical}", "--json"])
        assert rows.exit_code == 0, rows.output
        assert json.loads(rows.stdout) == [{"name": canonical}]


def test_a_text_file_full_of_payloads_extracts_and_loads_as_data(tmp_path: Path):
    """`okg extract` then `okg ingest` of the records, and `okg ingest` of the text itself,
    give the same graph, which holds the file's name and sentences exactly."""
    page = tmp_path / "inj'); DROP TABLE docs; -- [bold]x[].txt"
    lines = [
        "'}) DETACH DELETE n // 新闻",
        "本报讯 3月5日，市委书记王强主持召开 } ; DELETE WHERE { ?s ?p ?o } 会议。",
        '市委常委、副市长李明"> ; DROP出席会议并讲话。[bold red]强调[/]要落实。',
        "$name`]-()<-[r]-(m) SET m.x = 1 \\u0022 \\\\ 参加会议。",
    ]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    extracted = runner.invoke(app, ["extract", str(page), "--format", "jsonl"])
    assert extracted.exit_code == 0, extracted.output
    records = tmp_path / "records.jsonl"
    records.write_text(extracted.stdout, encoding="utf-8")
    graphs = []
    for source, folder in ((page, "from-text"), (records, "from-records")):
        data = ["--data", str(tmp_path / folder)]
        loaded = runner.invoke(app, ["ingest", str(source), *data])
        assert loaded.exit_code == 0 and "1 documents" in loaded.output, loaded.output
        with EmbeddedStore(tmp_path / folder) as store:
            graphs.append(snapshot(store))
            assert _native(store, "Document", "name") == {page.stem}
            sentences = _native(store, "Evidence", "text")
    assert graphs[0] == graphs[1]
    assert any("主持召开} ; DELETE WHERE { ?" in s for s in sentences)  # ? ends a sentence
    assert any('"> ; DROP' in s for s in sentences)


ANY_TEXT = st.one_of(
    st.text(min_size=1, max_size=40),
    st.text("'\"\\{}()[]<>;:/#$`?!.,-=*|&^%@~uU0123456789abcdef \t\n\x00\x1f王会议", min_size=1),
)
"""Any text, and text made of the syntax of Cypher, SPARQL, N-Triples, JSON and Rich."""


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT, ANY_TEXT)
def test_any_name_and_title_come_back_exactly(tmp_path_factory, name: str, title: str):
    """Arbitrary text as a person's name, their title and an event's name, on the
    embedded store: looked up by its exact text, it is found, and as itself."""
    person, post = names.person_name(name), names.norm_text(title)
    if not person or not post or not names.event_name(title):
        return
    ev = [Evidence("d", 0, 0, 0, 1, name)]
    record = DocumentRecord(
        doc=name,
        path="d",
        persons=[Person(name, ev)],
        positions=[Position(name, title, "某局", ev)],
        events=[Event("e1", title, "meeting", None, None, None, ev)],
        participations=[Participation(name, "e1", ["attend"], ev)],
    )
    with EmbeddedStore(tmp_path_factory.mktemp("any")) as store:
        store.write(resolve_document(record))
        (found,) = candidates(store, person, ("Person",))
        assert (found.name, found.matched) == (person, "exact")
        (event,) = candidates(store, names.event_name(title), ("Event",))
        assert event.name == names.event_name(title)
        posts = run(store, catalog()["posts"], {"person": found.id})
        assert [r["post"] for r in posts] == ["某局" + post]
        assert _native(store, "Document", "name") == {name}
        assert _native(store, "Evidence", "text") == {name}


MARKUP = "[/x]王[bold]"


def _markup_record(doc: str, place: str) -> dict:
    """One person named with Rich markup, at a meeting in `place`."""
    ev = [Evidence(doc, 0, 0, 0, 4, MARKUP)]
    return DocumentRecord(
        doc=doc,
        path=doc,
        place=place,
        persons=[Person(MARKUP, ev)],
        events=[Event("e1", f"{place}[/]工作会议", "meeting", "2024-01-02", place, None, ev)],
        participations=[Participation(MARKUP, "e1", ["attend"], ev)],
    ).to_dict()


def test_markup_in_names_and_in_bad_records_prints_as_text(tmp_path: Path):
    """Two namesakes named with markup are listed for the user to choose; a bad record in
    a file whose name looks like markup is reported as it is (it used to end the command),
    with the place of its bad field."""
    records = tmp_path / "[bold]markup[x].jsonl"
    lines = [_markup_record("a", "许昌市"), _markup_record("b", "承德市"), {"doc": "[/c]"}]
    lines[2]["persons"] = [{"[/name]": "x"}]
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    data = ["--data", str(tmp_path / "okg")]
    loaded = runner.invoke(app, ["ingest", str(records), *data], env=WIDE)
    assert loaded.exit_code == 0, loaded.output
    assert f"{records}:3" in loaded.output and "`$.persons[0]`" in loaded.output
    listed = runner.invoke(app, ["query", "meetings", MARKUP, *data], env=WIDE)
    assert isinstance(listed.exception, SystemExit) and listed.exit_code == 1, listed.output
    assert "2 entities match" in listed.output
    assert listed.output.count(MARKUP) >= 3  # the argument and both names


def test_markup_in_a_text_file_prints_as_text_in_tables(tmp_path: Path):
    """`okg extract` and `okg articles` print names, sentences and headlines as they are."""
    page = tmp_path / "[bold]page[x].txt"
    page.write_text(
        "市委[/x]工作会议召开\n本报讯 3月5日，市委书记王强[/x]主持召开会议。\n"
        "市委常委、副市长李明出席[/]会议并讲话。\n",
        encoding="utf-8",
    )
    for command in ("extract", "articles"):
        result = runner.invoke(app, [command, str(page)], env=WIDE)
        assert result.exit_code == 0, result.output
        assert "[/x]" in result.stdout and page.stem in result.stdout
