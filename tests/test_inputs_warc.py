"""Web archives straight in: a WARC of the five seed pages (each after its request
record, beside an image response) ingests five documents, each named by and keeping its
URI, with the archive's path and its record's offset as its path, each page with its
capture date; an archive without HTML, a truncated one and one with a response without its
address are one line each and the batch goes on."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from officials_kg.graph.store import open_store
from officials_kg.loaders.batch import iter_documents
from tests.inputs_material import SEEDS, archived_uri, encoded_page, okg, seed_page, write_warc

URIS = [f"http://www.example.gov.cn/xwzx/yw/{seed.stem}.shtml" for seed in SEEDS]


def seed_archive(path: Path, gz: bool = True) -> Path:
    pages = [
        (uri, encoded_page(seed_page(s, url=None), "utf-8"))
        for uri, s in zip(URIS, SEEDS, strict=True)
    ]
    return write_warc(pages, path, gz=gz)


@pytest.mark.parametrize("name", ["seeds.warc.gz", "seeds.warc", "crawl-without-extension"])
def test_every_html_response_is_a_document_with_its_uri_and_capture_date(
    tmp_path: Path, name: str
) -> None:
    archive = seed_archive(tmp_path / name, gz=name.endswith(".gz"))
    read = list(iter_documents([archive]))
    assert [r.error for r in read] == [None] * 5
    docs = [r.document for r in read if r.document]
    assert [d.doc_id for d in docs] == URIS
    assert [d.origin.url for d in docs] == URIS
    assert all(d.origin.kind == "warc" and d.origin.captured for d in docs)
    assert all(d.origin.captured.startswith("20") for d in docs if d.origin.captured)


def test_a_web_archive_of_the_seeds_ingests_five_documents_each_with_its_uri(
    tmp_path: Path,
) -> None:
    archive = seed_archive(tmp_path / "seeds.warc.gz")
    ran = okg("ingest", archive, cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    store = open_store("embedded", tmp_path / "data")
    try:
        documents = sorted(
            (n.props["name"], n.props["url"], n.props["path"]) for n in store.nodes("Document")
        )
        persons = sum(1 for _ in store.nodes("Person"))
    finally:
        store.close()
    assert [(name, url) for name, url, _ in documents] == [(uri, uri) for uri in URIS]
    for uri, _, path in documents:  # the archive, and where in it the page's record starts
        assert path.startswith(f"{archive}@") and archived_uri(path) == uri
    assert persons > 50
    again = okg("ingest", archive, cwd=tmp_path)  # loaded already: nothing new
    assert again.returncode == 0, again.stderr

    exported = okg("export", "popolo", tmp_path / "p.json", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    popolo = json.loads((tmp_path / "p.json").read_text("utf-8"))
    sources = [s["url"] for m in popolo["memberships"] for s in m.get("sources", [])]
    assert sources and set(sources) == set(URIS)  # the page's own address, not an IRI

    listed = okg("articles", archive, "--json", cwd=tmp_path)
    assert sorted({json.loads(line)["doc"] for line in listed.stdout.splitlines()}) == URIS
    extracted = okg("extract", archive, "-f", "jsonl", cwd=tmp_path)
    records = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert [(r["doc"], r["url"], r["path"]) for r in records] == documents


def test_an_archive_without_html_and_a_truncated_one_are_one_line_each(tmp_path: Path) -> None:
    whole = seed_archive(tmp_path / "whole.warc.gz").read_bytes()
    truncated = tmp_path / "truncated.warc.gz"
    truncated.write_bytes(whole[: len(whole) * 2 // 3])
    images = tmp_path / "images.warc.gz"
    with images.open("wb") as f:  # a crawl of the site's pictures only
        writer = WARCWriter(f, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        png = io.BytesIO(b"\x89PNG\r\n\x1a\n")
        uri = "http://www.example.gov.cn/logo.png"
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=png, http_headers=headers)
        )
    good = tmp_path / "good.txt"
    good.write_text(SEEDS[3].read_text("utf-8"), "utf-8")
    for command in (["articles", "--json"], ["extract", "-f", "jsonl"], ["ingest"]):
        ran = okg(*command, images, truncated, good, cwd=tmp_path)
        assert ran.returncode == 0, ran.stderr
        lines = [line for line in ran.stderr.splitlines() if line.startswith("okg:")]
        assert len(lines) == 2, ran.stderr
        assert lines[0] == f"okg: {images}: web archive holds no HTML response"
        assert lines[1].startswith(f"okg: {truncated}: broken web archive after ")
        assert "Traceback" not in ran.stderr
    listed = okg("articles", "--json", truncated, good, cwd=tmp_path)
    docs = {json.loads(line)["doc"] for line in listed.stdout.splitlines()}
    assert "good" in docs and URIS[0] in docs  # the pages before the break are read


def test_a_response_without_its_address_ends_the_archive_in_one_line(tmp_path: Path):
    """A response record without WARC-Target-URI (which warcio cannot read) is the break
    of a broken archive: the page before it is read and the batch goes on."""
    archive = tmp_path / "crawl.warc"
    with archive.open("wb") as f:
        writer = WARCWriter(f, gzip=False)
        for n, seed in enumerate(SEEDS[:2]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            body = io.BytesIO(encoded_page(seed_page(seed, url=None), "utf-8"))
            record = writer.create_warc_record(
                URIS[n], "response", payload=body, http_headers=headers
            )
            if n:
                record.rec_headers.remove_header("WARC-Target-URI")
            writer.write_record(record)
    good = tmp_path / "good.txt"
    good.write_text(SEEDS[3].read_text("utf-8"), "utf-8")
    ran = okg("ingest", archive, good, cwd=tmp_path)
    assert ran.returncode == 0 and "Traceback" not in ran.stderr, ran.stderr
    assert (
        f"okg: {archive}: broken web archive after 1 pages: a record without its WARC-Target-URI"
    ) in ran.stderr
    assert "loaded 2 documents (0 already there, 1 failed)" in ran.stderr
    store = open_store("embedded", tmp_path / "data")
    try:
        assert sorted(n.props["name"] for n in store.nodes("Document")) == ["good", URIS[0]]
    finally:
        store.close()
