"""Distinct files are distinct documents. A seed saved as story.html and printed as
story.pdf in one folder gives two documents, story.html and story.pdf, in the store and in
the records, and an ingest run again finds both there, whatever the order the files are
named in and the number of processes; a file whose stem is its own keeps it (the seeds,
the gold's names). Files of two folders that would give one name: the one whose path sorts
first is loaded, and the other is a failure that names both, in either order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from officials_kg.graph.model import content_id
from officials_kg.graph.store import open_store
from officials_kg.loaders.files import document_name
from tests.inputs_material import SEEDS, encoded_page, okg, print_pdf, seed_page

ROOT = SEEDS[0].parent.parent
GOLD = ROOT / "eval" / "gold"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """story.html and story.pdf of one seed, and another seed under its own name."""
    folder = tmp_path_factory.mktemp("stories")
    (folder / "story.html").write_bytes(encoded_page(seed_page(SEEDS[0]), "utf-8"))
    print_pdf(seed_page(SEEDS[0], columns=2, url=None), folder / "story.pdf")
    shutil.copy(SEEDS[1], folder)
    return folder


def _documents(cwd: Path) -> dict[str, tuple[str, str]]:
    """The store's documents: name → (id, path)."""
    store = open_store("embedded", cwd / "data")
    try:
        return {n.props["name"]: (n.id, n.props["path"]) for n in store.nodes("Document")}
    finally:
        store.close()


@pytest.mark.browser
@pytest.mark.slow
def test_a_page_and_its_pdf_of_one_stem_are_two_documents_found_again(
    folder: Path, tmp_path: Path
) -> None:
    ran = okg("ingest", folder, cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert "loaded 3 documents (0 already there, 0 failed)" in ran.stderr
    documents = _documents(tmp_path)
    assert {name: path for name, (_, path) in documents.items()} == {
        "story.html": str(folder / "story.html"),
        "story.pdf": str(folder / "story.pdf"),
        SEEDS[1].stem: str(folder / SEEDS[1].name),
    }
    assert len({doc_id for doc_id, _ in documents.values()}) == 3
    assert documents[SEEDS[1].stem][0] == content_id("document", SEEDS[1].stem)

    backwards = sorted(folder.iterdir(), reverse=True)
    for again in (
        okg("ingest", folder, cwd=tmp_path),
        okg("ingest", *backwards, "-j", "2", cwd=tmp_path),
    ):
        assert again.returncode == 0, again.stderr
        assert "loaded 0 documents (3 already there, 0 failed)" in again.stderr
    assert _documents(tmp_path) == documents


@pytest.mark.browser
@pytest.mark.slow
def test_extract_and_articles_name_the_page_and_its_pdf_apart(folder: Path, tmp_path: Path):
    extracted = okg("extract", folder, "-f", "jsonl", cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr
    records = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert [(r["doc"], r["path"]) for r in records] == [
        (SEEDS[1].stem, str(folder / SEEDS[1].name)),
        ("story.html", str(folder / "story.html")),
        ("story.pdf", str(folder / "story.pdf")),
    ]
    assert records[0]["doc"] in {g.stem for g in GOLD.glob("*.json")}  # scored as before
    listed = okg("articles", folder / "story.pdf", folder / "story.html", "--json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    named = {(a["file"], a["doc"]) for a in map(json.loads, listed.stdout.splitlines())}
    assert named == {
        (str(folder / "story.pdf"), "story.pdf"),
        (str(folder / "story.html"), "story.html"),
    }


def test_a_stem_of_its_own_is_the_name_and_a_shared_one_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seeds keep their stems (the gold's names); a name does not depend on the order
    or the way the files are named; story.txt and story.TXT are apart too."""
    assert [document_name(s) for s in SEEDS] == [g.stem for g in sorted(GOLD.glob("*.json"))]
    for name in ("story.txt", "story.TXT", "story.htm", "story.md", "other.txt", "a.b.txt"):
        (tmp_path / name).write_text("许昌市召开会议。", "utf-8")
    names = {p.name: document_name(p) for p in sorted(tmp_path.iterdir())}
    assert names == {
        "story.txt": "story.txt",
        "story.TXT": "story.TXT",
        "story.htm": "story.htm",
        "story.md": "story.md",  # read only if named: named apart from the files read
        "other.txt": "other",
        "a.b.txt": "a.b",
    }
    monkeypatch.chdir(tmp_path)
    assert document_name(Path("story.txt")) == "story.txt"
    assert document_name(Path("missing", "story.txt")) == "story"  # no folder: none shares it
    (tmp_path / "story.htm").unlink()
    (tmp_path / "story.TXT").unlink()
    (tmp_path / "story.txt").unlink()
    assert document_name(tmp_path / "story.md") == "story"  # alone again


def test_two_folders_files_of_one_name_are_one_loaded_and_one_reported(tmp_path: Path) -> None:
    for folder, seed in (("a", SEEDS[2]), ("b", SEEDS[3])):
        (tmp_path / folder).mkdir()
        shutil.copy(seed, tmp_path / folder / "01.txt")
    message = (
        "okg: b/01.txt: its document would be named 01, as that of a/01.txt is: rename one of"
        " them to load both"
    )
    first = okg("ingest", "b", "a", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert message in first.stderr
    assert "loaded 1 documents (0 already there, 1 failed)" in first.stderr
    assert _documents(tmp_path)["01"][1] == "a/01.txt"
    again = okg("ingest", "a", "b", cwd=tmp_path)
    assert message in again.stderr
    assert "loaded 0 documents (1 already there, 1 failed)" in again.stderr
