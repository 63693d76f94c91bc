"""Where to open what a fact was read from, on inputs as users have them: a web page with its
canonical address, a seed printed as a two-column PDF, a web archive. Ingested by `okg ingest`
into the embedded store and into Neo4j, every fact's `okg query evidence` rows give the
document's address (`url`), its `path` (an archived page's: the archive and the record's
offset) and, in the PDF, the page, the same from both stores, in the table and in --json;
every export says where each sentence can be opened."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest

from officials_kg.graph.embedded import EmbeddedStore
from officials_kg.graph.exports.view import view_data
from officials_kg.graph.neo4j_store import Neo4jStore
from officials_kg.graph.to_networkx import to_networkx
from officials_kg.graph.vocab import EVIDENCE_LINKS
from officials_kg.loaders.document import load_document
from officials_kg.loaders.origin import page_of
from officials_kg.loaders.pdf import read_pdf
from officials_kg.queries.catalog import catalog
from officials_kg.queries.run import run
from tests.conftest import clear_neo4j
from tests.inputs_material import (
    SEEDS,
    archived_uri,
    encoded_page,
    okg,
    print_pdf,
    seed_page,
    write_warc,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE_URL = "http://www.example.gov.cn/xwzx/yw/2023/0218/c_20230218.shtml"
ARCHIVED_URL = "http://www.example.gov.cn/xwzx/yw/c_archived.html"


@dataclass(frozen=True)
class Material:
    """The three inputs in a folder, and what each document must say where to open."""

    folder: Path
    page: Path  # HTML, GB18030, its canonical address PAGE_URL
    pdf: Path  # printed in two columns: no address, pages
    warc: Path  # one page, fetched from ARCHIVED_URL

    def url(self, document: str) -> str | None:
        """The address `okg query evidence` must give for a document, by its name."""
        return {self.page.stem: PAGE_URL, ARCHIVED_URL: ARCHIVED_URL}.get(document)

    def path_of(self, document: str, path: str) -> bool:
        """Whether `path` is where the document was read from: its file; of the archived
        page, the archive and the offset of the page's record in it."""
        if document == ARCHIVED_URL:
            return path.startswith(f"{self.warc}@") and archived_uri(path) == ARCHIVED_URL
        return path == str({self.page.stem: self.page, self.pdf.stem: self.pdf}[document])

    def page_texts(self) -> list[str]:
        """The text of each of the PDF's pages, as read when it was ingested."""
        read = read_pdf(self.pdf)
        ends = [*read.pages[1:], len(read.text)]
        return [read.text[a:b] for a, b in zip(read.pages, ends, strict=True)]


def _published(seed: Path) -> str | None:
    issued = load_document(seed).date
    return issued and issued.isoformat()


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> Material:
    folder = tmp_path_factory.mktemp("inputs")
    page = folder / "c_20230218.shtml"
    html = seed_page(SEEDS[0], url=PAGE_URL, published=_published(SEEDS[0]))
    page.write_bytes(encoded_page(html, "gb18030"))
    pdf = print_pdf(
        seed_page(SEEDS[1], columns=2, url=None, published=_published(SEEDS[1])),
        folder / "paper.pdf",
    )
    archived = encoded_page(seed_page(SEEDS[2], url=None), "utf-8")
    warc = write_warc([(ARCHIVED_URL, archived)], folder / "crawl.warc.gz")
    return Material(folder, page, pdf, warc)


@dataclass(frozen=True)
class Loaded:
    """The material in both stores, and the `okg` options that reach each. The embedded
    store is opened only while a test reads it: one process at a time opens it, and the
    tests run `okg` in processes of their own."""

    cwd: Path
    neo4j: Neo4jStore
    options: dict[str, list[str]]

    @contextmanager
    def embedded(self) -> Iterator[EmbeddedStore]:
        store = EmbeddedStore(self.cwd / "data")
        try:
            yield store
        finally:
            store.close()


@pytest.fixture(scope="module")
def loaded(
    material: Material, neo4j_server, neo4j_uri: str, neo4j_auth, tmp_path_factory
) -> Iterator[Loaded]:
    clear_neo4j(neo4j_server)
    cwd = tmp_path_factory.mktemp("okg")
    options = {"embedded": [], "neo4j": ["--store", "neo4j", "--neo4j-uri", neo4j_uri]}
    for store in options.values():
        ran = okg("ingest", material.folder, *store, cwd=cwd)
        assert ran.returncode == 0, ran.stderr
        assert "loaded 3 documents (0 already there, 0 failed)" in ran.stderr + ran.stdout
    neo4j = Neo4jStore(neo4j_uri, *(neo4j_auth or ("neo4j", "")))
    yield Loaded(cwd, neo4j, options)
    neo4j.close()


def _facts(store: EmbeddedStore) -> list[tuple[str, str]]:
    """Every fact's two ends, as `okg query evidence` takes them."""
    return sorted({(k.source, k.target) for t in EVIDENCE_LINKS for k in store.links(t)})


def _squeezed(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_every_facts_evidence_gives_its_address_and_page_the_same_from_both_stores(
    material: Material, loaded: Loaded
) -> None:
    query = catalog()["evidence"]
    pages = read_pdf(material.pdf).pages
    texts = material.page_texts()
    by_document: dict[str, list[dict]] = {}
    with loaded.embedded() as embedded:
        facts = _facts(embedded)
        for subject, target in facts:
            args = {"subject": subject, "object": target}
            rows = run(embedded, query, args)
            assert rows == run(loaded.neo4j, query, args), args
            for row in rows:
                by_document.setdefault(row["document"], []).append(row)
    assert len(facts) > 50
    assert set(by_document) == {material.page.stem, material.pdf.stem, ARCHIVED_URL}
    for document, rows in by_document.items():
        assert {row["url"] for row in rows} == {material.url(document)}, document
        [path] = {row["path"] for row in rows}
        assert material.path_of(document, path), (document, path)
        if document != material.pdf.stem:
            assert {row["page"] for row in rows} == {None}, document
    cited = set()
    for row in by_document[material.pdf.stem]:
        page, start = page_of(list(pages), row["start"])
        assert row["page"] == page
        length = row["end"] - row["start"]
        assert _squeezed(texts[page - 1][start : start + length]) == row["sentence"]
        cited.add(page)
    assert len(cited) >= 3, cited  # the sentences of several pages, each on its own


def _table_rows(text: str) -> list[dict[str, str]]:
    """The rows of a table `okg query` printed, each cell's folded lines joined again."""
    lines = [line for line in text.splitlines() if line.startswith(("┃", "│", "├", "└"))]
    head = [c.strip() for c in lines[0].strip("┃").split("┃")]
    rows: list[dict[str, str]] = []
    cells: list[str] = []
    for line in lines[1:]:
        if line.startswith(("├", "└")):
            rows.append(dict(zip(head, cells, strict=True)))
            cells = []
            continue
        parts = [p.strip() for p in line.strip("│").split("│")]
        cells = [a + b for a, b in zip(cells, parts, strict=True)] if cells else parts
    return rows


def _one_fact(loaded: Loaded, document: str, past_page_one: bool = False) -> tuple[str, str]:
    """A fact whose sentences are all in `document` (one of them past its first page)."""
    query = catalog()["evidence"]
    with loaded.embedded() as embedded:
        for subject, target in _facts(embedded):
            rows = run(embedded, query, {"subject": subject, "object": target})
            alone = rows and all(r["document"] == document for r in rows)
            if alone and (not past_page_one or any(r["page"] > 1 for r in rows)):
                return subject, target
    raise AssertionError(f"no fact read from {document} alone")


@pytest.mark.parametrize("store", ["embedded", "neo4j"])
def test_okg_query_evidence_prints_the_address_and_the_page(
    material: Material, loaded: Loaded, store: str
) -> None:
    web = _one_fact(loaded, material.page.stem)
    printed = _one_fact(loaded, material.pdf.stem, past_page_one=True)
    pages = list(read_pdf(material.pdf).pages)
    options = loaded.options[store]
    for subject, target in (web, printed):
        ran = okg("query", "evidence", subject, target, "--json", *options, cwd=loaded.cwd)
        assert ran.returncode == 0, ran.stderr
        rows = json.loads(ran.stdout)
        assert rows
        for row in rows:
            if row["document"] == material.page.stem:
                assert (row["url"], row["page"]) == (PAGE_URL, None)
            else:
                assert (row["url"], row["page"]) == (None, page_of(pages, row["start"])[0])
            assert material.path_of(row["document"], row["path"])
        wanted = [(r["url"] or "", r["path"], str(r["page"] or "")) for r in rows]
        ran = okg("query", "evidence", subject, target, *options, cwd=loaded.cwd)
        assert ran.returncode == 0, ran.stderr
        shown = _table_rows(ran.stdout)
        assert list(shown[0]) == list(catalog()["evidence"].columns)
        assert [(r["url"], r["path"], r["page"]) for r in shown] == wanted
        ran = okg("query", "evidence", subject, target, "--csv", *options, cwd=loaded.cwd)
        printed = csv.DictReader(ran.stdout.splitlines())
        assert [(r["url"], r["path"], r["page"]) for r in printed] == wanted


def test_every_export_says_where_to_open_each_sentence(material: Material, loaded: Loaded):
    """GraphML and GEXF give each fact's `sources` line for line with its sentences, the view
    each sentence's, Popolo the page's address as sources[].url, Turtle and the Neo4j CSV
    files the documents' addresses and paths and the sentences' pages. Where to open a
    sentence: the page's address, else the path okg ingest was given, #page=N in a PDF."""
    cwd, out = loaded.cwd, loaded.cwd / "out"
    out.mkdir()
    with loaded.embedded() as embedded:
        graph = to_networkx(embedded)
    pages = list(read_pdf(material.pdf).pages)
    expected = {}
    for e, d, k in graph.edges(keys=True):
        if k == "QUOTED_FROM":
            name = graph.nodes[d]["name"]
            page = page_of(pages, graph.nodes[e]["start"])[0]
            pdf = f"{material.pdf}#page={page}" if name == material.pdf.stem else None
            expected[e] = material.url(name) or pdf
    assert None not in expected.values() and len({w.split("#")[0] for w in expected.values()}) == 3

    for fmt in ("graphml", "gexf"):
        ran = okg("export", fmt, out / f"graph.{fmt}", cwd=cwd)
        assert ran.returncode == 0, ran.stderr
        read = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(out / f"graph.{fmt}")
        facts = [d for *_, d in read.edges(data=True) if d.get("evidence")]
        assert len(facts) > 50
        for data in facts:
            sentences, sources = data["evidence"].split("\n"), data["sources"].split("\n")
            assert len(sentences) == len(sources)
            for sentence, where in zip(sentences, sources, strict=True):
                quoted = {w for e, w in expected.items() if graph.nodes[e]["text"] == sentence}
                assert where in quoted, (sentence, where)

    shown = view_data(graph)
    items = [i for n in shown["nodes"] for s in n["sections"] for i in s["items"]]
    assert all(len(i["from"]) == len(i["evidence"]) for i in items)
    assert {shown["sources"][f] for i in items for f in i["from"]} == set(expected.values())
    ran = okg("view", out / "view.html", cwd=cwd)
    assert ran.returncode == 0 and PAGE_URL in (out / "view.html").read_text(encoding="utf-8")

    ran = okg("export", "popolo", out / "popolo.json", cwd=cwd)
    assert ran.returncode == 0, ran.stderr
    popolo = json.loads((out / "popolo.json").read_text(encoding="utf-8"))
    urls = {s["url"] for m in popolo["memberships"] for s in m.get("sources", [])}
    assert {PAGE_URL, ARCHIVED_URL} <= urls

    ran = okg("export", "turtle", out / "graph.ttl", cwd=cwd)
    assert ran.returncode == 0, ran.stderr
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert f'schema:url "{PAGE_URL}"' in turtle and f'okg:path "{material.pdf}"' in turtle
    assert f'okg:path "{material.warc}@' in turtle  # an archived page's: its archive, offset
    assert "schema:pageStart" in turtle

    ran = okg("export", "neo4j-csv", out / "csv", cwd=cwd)
    assert ran.returncode == 0, ran.stderr
    with (out / "csv" / "nodes" / "Document.csv").open(encoding="utf-8") as f:
        documents = {r["name"]: r for r in csv.DictReader(f)}
    assert documents[material.page.stem]["url"] == PAGE_URL
    assert documents[material.pdf.stem]["path"] == str(material.pdf)
    assert material.path_of(ARCHIVED_URL, documents[ARCHIVED_URL]["path"])  # the archive too
    with (out / "csv" / "nodes" / "Evidence.csv").open(encoding="utf-8") as f:
        cited = {int(r["page:long"]) for r in csv.DictReader(f) if r["page:long"]}
    assert len(cited) >= 3
