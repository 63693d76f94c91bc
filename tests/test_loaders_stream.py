"""Large files are read in parts (loaders/stream.py): evidence still points into the
whole file, and the parts together give what the whole file gives."""

from pathlib import Path

from extraction import extract_document
from extraction.merge import merge_records
from loaders.document import load_document
from loaders.stream import iter_parts

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def _volume(tmp_path: Path) -> Path:
    """Three seeds bound into one file, blank lines between them."""
    path = tmp_path / "volume.txt"
    path.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in SEEDS[2:5]), "utf-8")
    return path


def test_parts_map_every_character_back_into_the_whole_file(tmp_path: Path) -> None:
    path = _volume(tmp_path)
    whole = path.read_text(encoding="utf-8")
    parts = list(iter_parts(path, part_chars=10_000, max_bytes=10_000))
    assert len(parts) >= 3
    for doc in parts:
        assert all(whole[o] == ch for o, ch in zip(doc.clean.offsets, doc.clean.text, strict=True))
    indices = [a.index for doc in parts for a in doc.articles]
    assert indices == list(range(len(indices)))


def test_parts_give_the_facts_of_the_whole_file(tmp_path: Path) -> None:
    path = _volume(tmp_path)
    whole = path.read_text(encoding="utf-8")
    parts = iter_parts(path, part_chars=10_000, max_bytes=10_000)
    merged = merge_records(extract_document(doc) for doc in parts)
    at_once = extract_document(load_document(path))
    assert {p.name for p in merged.persons} == {p.name for p in at_once.persons}
    # a part's place context may differ from the bound volume's, so a body may be placed
    # differently; who holds which title must agree
    titles = {(p.person, p.title) for p in at_once.positions}
    assert {(p.person, p.title) for p in merged.positions} == titles
    ids = {e.id for e in merged.events}
    assert len(ids) == len(merged.events)
    assert all(p.event in ids for p in merged.participations)
    for row in merged.positions + merged.participations:
        for ev in row.evidence:
            assert "".join(whole[ev.start : ev.end].split()) == "".join(ev.text.split())


def test_a_small_file_is_one_part(tmp_path: Path) -> None:
    (doc,) = iter_parts(SEEDS[3])
    assert doc.doc_id == SEEDS[3].stem
