"""Large files are read in parts (loaders/stream.py): evidence still points into the
whole file, and the parts together give what the whole file gives."""

from pathlib import Path

import pytest

from officials_kg.extraction import extract_document
from officials_kg.extraction.merge import merge_records
from officials_kg.loaders.decode import LoadError, decode_bytes
from officials_kg.loaders.document import load_document
from officials_kg.loaders.normalise import reads_as
from officials_kg.loaders.stream import SAMPLE_BYTES, iter_parts

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
        pairs = zip(doc.clean.text, doc.clean.offsets, strict=True)
        assert all(reads_as(ch, whole[o]) for ch, o in pairs)  # itself, or its normal form
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


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8", "gb18030"])
@pytest.mark.parametrize("line_breaks", [True, False])
def test_a_large_file_in_any_encoding_is_read_in_parts(
    tmp_path: Path, codec: str, line_breaks: bool
) -> None:
    """The encoding of a file over the size limit is told from its first 64 KiB, which
    may end inside a character, hold no line end, or end in half a UTF-16 newline."""
    end = "\n" if line_breaks else ""
    stories = [
        f"本报讯 3月5日，市委召开第{k}次常委会会议，市长张三出席。{end}" for k in range(3000)
    ]
    text = "".join(stories)
    assert len(text.encode(codec)) > 2 * SAMPLE_BYTES
    path = tmp_path / "volume.txt"
    path.write_bytes(text.encode(codec))
    parts = list(iter_parts(path, part_chars=50_000, max_bytes=1000))
    assert len(parts) > 1
    assert {doc.encoding for doc in parts} == {decode_bytes(path.read_bytes()).encoding}
    kept = {o for doc in parts for o in doc.clean.offsets}
    assert all(k in kept for k, ch in enumerate(text) if not ch.isspace())  # none lost


def test_a_large_file_that_opens_blank_is_read_and_one_blank_throughout_is_empty(
    tmp_path: Path,
) -> None:
    """Its first 64 KiB tell the encoding, not whether the file is empty."""
    path = tmp_path / "volume.txt"
    story = "本报讯 3月5日，市委召开常委会会议，市长张三出席。\n"
    path.write_text("\n" * (SAMPLE_BYTES + 10) + story, encoding="utf-8")
    parts = list(iter_parts(path, part_chars=50_000, max_bytes=1000))
    assert "".join(doc.clean.text for doc in parts).strip().startswith("本报讯")
    path.write_text(" \n" * SAMPLE_BYTES, encoding="utf-8")
    with pytest.raises(LoadError, match="empty file"):
        list(iter_parts(path, part_chars=50_000, max_bytes=1000))
