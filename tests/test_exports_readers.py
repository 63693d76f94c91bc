"""The exports as other tools read them, with those tools' own jars from Maven Central: Gephi's
importer (gephi-toolkit: what File > Open does), Apache TinkerPop's GraphMLReader (what
Gremlin users load GraphML with) and Apache Jena's RDFDataMgr (what `riot` and Fuseki parse
with). tests/data/readers/pom.xml and gephi/pom.xml name the jars; Maven fetches them once
into ~/.m2 (scripts/test installs Java and Maven, as for the Neo4j test server), and
Readers.java and Gephi.java, run by `java` from source, report what each tool read.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from typer.testing import CliRunner

from officials_kg.cli.main import app
from officials_kg.graph.exports.graphml import graphml_graph
from officials_kg.graph.store import open_store
from officials_kg.graph.to_networkx import to_networkx

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
READERS = ROOT / "tests" / "data" / "readers"
runner = CliRunner()


def _classpath(folder: Path = READERS) -> str:
    """The jars of `folder`'s pom.xml, resolved by Maven once per version of the pom."""
    java, maven = shutil.which("java"), shutil.which("mvn")
    if not (java and maven):
        pytest.fail(
            "needs java and mvn: apt-get install openjdk-17-jdk-headless maven (scripts/test does)",
            pytrace=False,
        )
    pom = (folder / "pom.xml").read_bytes()
    cache = Path(os.environ.get("OKG_READERS_CACHE") or Path.home() / ".m2" / "okg-export-readers")
    path = cache / hashlib.sha256(pom).hexdigest()[:16] / "classpath"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [maven, "-q", "-B", "dependency:build-classpath", f"-Dmdep.outputFile={path}"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return path.read_text().strip()


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The seeds exported to GraphML, Turtle (with the ontology) and JSON-LD; the graph; and
    what TinkerPop and Jena read in each file."""
    folder = tmp_path_factory.mktemp("readers")
    data = ["--data", str(folder / "okg")]
    assert runner.invoke(app, ["ingest", str(ROOT / "seeds"), *data]).exit_code == 0
    files = {"graphml": "g.graphml", "gexf": "g.gexf", "turtle": "g.ttl", "jsonld": "g.jsonld"}
    for fmt, name in files.items():
        extra = ["--ontology"] if fmt == "turtle" else []
        result = runner.invoke(app, ["export", fmt, str(folder / name), *extra, *data])
        assert result.exit_code == 0, result.output
    store = open_store("embedded", folder / "okg")
    try:
        graph = to_networkx(store)
    finally:
        store.close()
    command = ["java", "-cp", _classpath(), "Readers.java"]
    command += ["graphml", str(folder / files["graphml"])]
    command += [arg for fmt in ("turtle", "jsonld") for arg in ("rdf", str(folder / files[fmt]))]
    done = subprocess.run(command, cwd=READERS, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    tinkerpop, *jena = (json.loads(line) for line in done.stdout.splitlines())
    command = ["java", "-cp", _classpath(READERS / "gephi"), "Gephi.java"]
    command += [str(folder / files["graphml"]), str(folder / files["gexf"])]
    done = subprocess.run(
        command, cwd=READERS / "gephi", capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    gephi = dict(zip(("graphml", "gexf"), map(json.loads, done.stdout.splitlines()), strict=True))
    paths = {fmt: folder / name for fmt, name in files.items()}
    return {"graph": graph, "paths": paths, "tinkerpop": tinkerpop, "jena": jena, "gephi": gephi}


def _size(graph: dict | nx.Graph) -> tuple[int, int]:
    """Nodes and edges of a graph, or of what a reader reported."""
    if isinstance(graph, dict):
        return graph["nodes"], graph["edges"]
    return graph.number_of_nodes(), graph.number_of_edges()


def test_gephi_reads_the_graphml_columns_by_name_labels_and_weights(read):
    written = graphml_graph(read["graph"])
    gephi = read["gephi"]["graphml"]
    assert _size(gephi) == _size(written)
    assert gephi["labelledNodes"] == written.number_of_nodes()
    nodes, edges = set(gephi["nodeColumns"]), set(gephi["edgeColumns"])
    assert {"kind", "title", "labelv", "event_type", "start", "end", "places"} <= nodes
    assert {"type", "title", "roles", "labele", "start", "end", "evidence"} <= edges
    assert not [c for c in nodes | edges if re.fullmatch(r"d\d+", c) or "." in c]
    assert gephi["edgeColumns"]["weight"] == "Double"
    for *_, key, data in written.edges(keys=True, data=True):
        assert float(gephi["weights"][key]) == data["weight"]  # 0 stays 0
        assert gephi["edgeLabels"][key] == data["label"]
    assert "0.0" in gephi["weights"].values()
    assert not gephi["nodeTimes"] and not gephi["edgeTimes"]  # Gephi takes no time from GraphML


def test_gephi_puts_the_gexf_on_its_timeline(read):
    written = graphml_graph(read["graph"])
    gephi = read["gephi"]["gexf"]
    assert _size(gephi) == _size(written)
    spans = {
        k: f"{d['start']} {d['end']}"
        for *_, k, d in written.edges(keys=True, data=True)
        if "start" in d
    }
    assert len(spans) > 100 and gephi["edgeTimes"] == spans
    days = {n: f"{d['start']} {d['end']}" for n, d in written.nodes(data=True) if "start" in d}
    assert len(days) > 100 and gephi["nodeTimes"] == days
    weights = {k: float(d["weight"]) for *_, k, d in written.edges(keys=True, data=True)}
    assert {k: float(w) for k, w in gephi["weights"].items()} == weights


def test_tinkerpop_reads_the_graphml_with_its_vertex_and_edge_labels(read):
    written = graphml_graph(read["graph"])
    tinkerpop = read["tinkerpop"]
    assert tinkerpop["vertexLabels"] == Counter(d["kind"] for _, d in written.nodes(data=True))
    assert tinkerpop["edgeLabels"] == Counter(d["type"] for *_, d in written.edges(data=True))
    weights = Counter(str(d["weight"]) for *_, d in written.edges(data=True))
    assert tinkerpop["weights"] == weights
    assert tinkerpop["labelled"] == written.number_of_nodes() + written.number_of_edges()


def test_jena_reads_turtle_and_jsonld_as_rdflib_does(read):
    turtle, jsonld = read["jena"]
    for found, fmt, parse in ((turtle, "turtle", "turtle"), (jsonld, "jsonld", "json-ld")):
        mine = rdflib.Graph().parse(read["paths"][fmt], format=parse)
        assert found["triples"] == len(mine) > 1000
        languages = Counter(
            o.language or "none" for o in mine.objects() if isinstance(o, rdflib.Literal)
        )
        # Jena counts literals per triple, rdflib's objects() too: the same tally.
        assert found["languages"] == languages
        assert found["languages"]["zh"] > 500
    assert turtle["triples"] > jsonld["triples"]  # the Turtle holds the ontology too
