"""`okg export` and `okg view` on the seeds, and the slices by date and place they take."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from typer.testing import CliRunner

from officials_kg.cli.main import app
from officials_kg.graph.exports.network import Slice, select
from officials_kg.graph.exports.view import view_data
from officials_kg.graph.names import jurisdiction
from officials_kg.graph.store import open_store
from officials_kg.graph.to_networkx import to_networkx
from officials_kg.graph.vocab import EVIDENCE_LINKS
from tests.gold import CHENGDE_CHAIR, VICE_MAYOR

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The --data option of a store that holds the seeds."""
    option = ["--data", str(tmp_path_factory.mktemp("exports") / "okg")]
    assert runner.invoke(app, ["ingest", str(SEEDS), *option]).exit_code == 0
    return option


@pytest.fixture(scope="module")
def graph(data: list[str]) -> nx.MultiDiGraph:
    store = open_store("embedded", Path(data[1]))
    try:
        return to_networkx(store)
    finally:
        store.close()


def _written(fmt: str, path: Path) -> dict[str, int]:
    """What a file holds, counted by a reader of its kind."""
    if fmt in ("graphml", "gexf"):
        reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
        read = reader(path, force_multigraph=True) if fmt == "graphml" else reader(path)
        return {"nodes": read.number_of_nodes(), "edges": read.number_of_edges()}
    if fmt in ("turtle", "jsonld"):
        return {"triples": len(rdflib.Graph().parse(path, format=fmt.replace("jsonld", "json-ld")))}
    return {kind: len(records) for kind, records in json.loads(path.read_text("utf-8")).items()}


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("graphml", "g.graphml"),
        ("gexf", "g.gexf"),
        ("turtle", "g.ttl"),
        ("jsonld", "g.jsonld"),
        ("popolo", "p.json"),
    ],
)
def test_export_writes_each_format_and_says_what_the_file_holds(data, tmp_path, fmt, name):
    path = tmp_path / "out" / name
    result = runner.invoke(app, ["export", fmt, str(path), *data])
    assert result.exit_code == 0, result.output
    assert path.stat().st_size > 10_000
    counts = _written(fmt, path)
    said = ", ".join(f"{n:,} {what}" for what, n in counts.items())
    assert f"wrote {path}: {said}" in result.output
    assert "links" not in result.output  # `okg ingest`'s word for every relationship
    as_json = runner.invoke(app, ["export", fmt, str(path), "--json", *data])
    assert json.loads(as_json.stdout) == {"format": fmt, "path": str(path), "wrote": counts}


def test_export_neo4j_csv_says_how_to_load_it(data, tmp_path):
    result = runner.invoke(app, ["export", "neo4j-csv", str(tmp_path / "csv"), "--json", *data])
    assert result.exit_code == 0, result.output
    wrote = json.loads(result.stdout)["wrote"]
    files = sorted((tmp_path / "csv").rglob("*.csv"))
    rows = {p.parent.name: 0 for p in files}
    for p in files:
        with p.open(encoding="utf-8", newline="") as f:
            rows[p.parent.name] += sum(1 for _ in csv.reader(f)) - 1
    assert wrote == {
        "nodes": rows["nodes"],
        "relationships": rows["relationships"],
        "files": len(files),
    }
    assert "neo4j-admin database import full neo4j '--array-delimiter=;'" in result.output
    assert "--nodes=nodes/Person.csv" in result.output
    assert (tmp_path / "csv" / "relationships" / "HOLDS-Person-Post.csv").exists()


def test_export_comeet_for_one_place(data, graph, tmp_path):
    path = tmp_path / "chengde.graphml"
    options = ["--projection", "comeet", "--place", "承德市", *data]
    result = runner.invoke(app, ["export", "graphml", str(path), *options])
    assert result.exit_code == 0, result.output
    people = nx.read_graphml(path)
    everyone = [d["name"] for _, d in graph.nodes(data=True) if d["kind"] == "Person"]
    assert 0 < people.number_of_nodes() < len(everyone)
    assert CHENGDE_CHAIR in {d["name"] for _, d in people.nodes(data=True)}
    assert VICE_MAYOR not in {d["name"] for _, d in people.nodes(data=True)}  # 许昌市


def test_bad_options_are_refused(data, tmp_path):
    out = str(tmp_path / "x")
    projection = runner.invoke(app, ["export", "turtle", out, "--projection", "comeet", *data])
    assert projection.exit_code == 2 and "only graphml" in projection.output
    since = runner.invoke(app, ["export", "turtle", out, "--since", "2023-13-01", *data])
    assert since.exit_code == 2 and "not a date" in since.output
    unknown = runner.invoke(app, ["export", "xlsx", out, *data])
    assert unknown.exit_code == 2


def test_help_shows_an_example():
    for command in ("export", "view"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example: okg " + command in result.output


def test_view_writes_one_page_that_loads_nothing(data, graph, tmp_path):
    path = tmp_path / "view.html"
    result = runner.invoke(app, ["view", str(path), "--since", "2023-01-01", *data])
    assert result.exit_code == 0, result.output
    page = path.read_text(encoding="utf-8")
    assert "default-src 'none'" in page
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)
    embedded = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page)
    shown = json.loads(embedded.group(1))
    assert shown == json.loads(json.dumps(view_data(select(graph, Slice(since="2023-01-01")))))
    assert "<title>officials-kg · 2023-01-01 – …</title>" in page
    kinds = Counter(n["kind"] for n in shown["nodes"])
    said = f"{kinds['person']:,} persons, {kinds['body']:,} bodies, {kinds['event']:,} events"
    assert f"wrote {path}: {said}, {len(shown['links']):,} lines" in result.output
    as_json = runner.invoke(app, ["view", str(path), "--since", "2023-01-01", "--json", *data])
    wrote = {"persons": kinds["person"], "bodies": kinds["body"], "events": kinds["event"]}
    wrote["lines"] = len(shown["links"])
    assert json.loads(as_json.stdout) == {"format": "view", "path": str(path), "wrote": wrote}


def test_the_view_gathers_the_nodes_joined_to_nothing_beside_the_others(graph):
    shown = view_data(graph)
    joined = {i for link in shown["links"] for i in link}
    nodes = shown["nodes"]
    alone = [n for i, n in enumerate(nodes) if i not in joined]
    assert alone and len(alone) < len(nodes) / 2
    right = max(n["x"] for i, n in enumerate(nodes) if i in joined)
    assert min(n["x"] for n in alone) > right  # a block of their own, to the right
    assert shown == view_data(graph)  # the same picture every time


def test_a_persons_timeline_lists_their_posts_and_events_by_date(graph):
    shown = view_data(graph)
    people = [n for n in shown["nodes"] if n["kind"] == "person"]
    assert all("timeline" in n for n in people)
    assert not any("timeline" in n for n in shown["nodes"] if n["kind"] != "person")
    person = max(people, key=lambda n: len(n["timeline"]))
    dated = [m["date"] for m in person["timeline"] if m["date"]]
    assert len(dated) > 2 and dated == sorted(dated)
    undated = [i for i, m in enumerate(person["timeline"]) if not m["date"]]
    assert undated == list(range(len(dated), len(person["timeline"])))  # last
    sections = {s["title"]: s["items"] for s in person["sections"]}
    listed = {i["node"] for t in ("Posts", "Events") for i in sections.get(t, [])}
    assert {m["node"] for m in person["timeline"]} == listed


def test_each_node_carries_the_dates_and_places_of_its_facts(graph):
    """What the page's filters go by: a node's dates are those of the facts it is drawn with,
    its places those the facts were reported from and the places these lie within."""
    shown = view_data(graph)
    drawn = {i for link in shown["links"] for i in link}
    events = [n for i, n in enumerate(shown["nodes"]) if n["kind"] == "event" and i in drawn]
    dated = [n for n in events if graph.nodes[n["id"]].get("date")]
    assert dated and all(n["dates"] == [graph.nodes[n["id"]]["date"]] for n in dated)
    chengde = [n for n in shown["nodes"] if "承德市" in n["places"]]
    assert chengde and all("河北省" in n["places"] for n in chengde)
    county = [n for n in shown["nodes"] if "宽城满族自治县" in n["places"]]
    assert all("承德市" in n["places"] for n in county)


def test_the_view_shows_persons_bodies_and_events_with_their_facts(graph):
    shown = view_data(graph)
    kinds = {n["kind"] for n in shown["nodes"]}
    assert kinds == {"person", "body", "event"}
    assert {i for link in shown["links"] for i in link} <= set(range(len(shown["nodes"])))
    ids = {n["id"] for n in shown["nodes"]}
    for node in shown["nodes"]:
        for section in node["sections"]:
            assert section["items"] and all(item["node"] in ids for item in section["items"])
    holders = [n for n in shown["nodes"] if any(s["title"] == "Posts" for s in n["sections"])]
    assert holders and all(n["kind"] == "person" for n in holders)
    evidence = [i["evidence"] for n in shown["nodes"] for s in n["sections"] for i in s["items"]]
    assert sum(1 for e in evidence if e) > len(evidence) * 0.9


def _facts(graph: nx.MultiDiGraph) -> list[tuple[str, str, str, dict]]:
    return [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if k in EVIDENCE_LINKS]


def test_a_date_slice_keeps_the_facts_dated_inside_and_what_they_stand_on(graph):
    since, until = "2023-01-01", "2023-12-31"
    part = select(graph, Slice(since=since, until=until))
    facts = _facts(part)
    assert 0 < len(facts) < len(_facts(graph))
    for _, v, k, d in facts:
        event_date = part.nodes[v].get("date") if k in ("PARTICIPATED_IN", "ORGANIZED") else None
        dates = [event_date] if event_date else d["seen"]
        assert any(since <= x <= until for x in dates)
        assert set(d["evidence"]) <= set(part.nodes)  # provenance comes along
    for post, data in part.nodes(data=True):
        if data["kind"] == "Post":  # and each post's body
            assert any(k == "POST_IN" for *_, k in part.out_edges(post, keys=True))
    # Left out: facts with no date at all.
    undated = [(u, v, k) for u, v, k, d in _facts(graph) if not d["seen"] and k == "HOLDS"]
    assert undated and not any(part.has_edge(*e) for e in undated)


def _article_places(graph: nx.MultiDiGraph) -> dict[str, str | None]:
    """Evidence id → the place of the article it stands in."""
    articles = {
        (doc, graph.nodes[a]["index"]): graph.nodes[a]["place"]
        for a, doc, k in graph.edges(keys=True)
        if k == "IN_DOCUMENT"
    }
    return {
        e: articles.get((doc, graph.nodes[e]["article"]))
        for e, doc, k in graph.edges(keys=True)
        if k == "QUOTED_FROM"
    }


def test_a_place_slice_keeps_the_facts_reported_from_there_or_below(graph):
    part = select(graph, Slice(place="承德市"))
    assert 0 < len(_facts(part)) < len(_facts(graph))
    places = _article_places(part)

    def inside(place: str | None) -> bool:
        return place == "承德市" or (place is not None and "承德市" in jurisdiction(place).within)

    for *_, data in _facts(part):  # each fact is reported from 承德市 at least once
        assert any(inside(places[e]) for e in data["evidence"])
    assert {p for p in places.values() if inside(p)} - {"承德市"}, "its counties count too"
    names = {d.get("name") for _, d in part.nodes(data=True)}
    assert CHENGDE_CHAIR in names and VICE_MAYOR not in names
    assert select(graph, Slice()) is graph
