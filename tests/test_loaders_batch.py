"""Expanding PATH arguments and loading a batch with bad files in it, on real files."""

from pathlib import Path

from officials_kg.loaders.batch import Source, expand_paths, iter_documents

GOOD = "全市防汛工作会议召开\n5月6日，全市防汛工作会议召开，部署今年防汛工作。（李兰）\n"


def test_folders_give_their_txt_files_sorted_and_nothing_twice(tmp_path: Path):
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.md").write_text(GOOD, encoding="utf-8")
    sources = expand_paths([tmp_path / "b.txt", tmp_path])
    assert [s.path.name for s in sources] == ["b.txt", "a.txt"]
    assert all(s.error is None for s in sources)


def test_a_folder_without_files_to_read_is_an_error(tmp_path: Path):
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    expected = Source(tmp_path, "folder has no .txt, .html, .pdf or .warc files")
    assert expand_paths([tmp_path]) == [expected]


def test_a_batch_reports_each_bad_file_and_reads_the_rest(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01PDF" * 100)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    outcomes = list(iter_documents([binary, tmp_path / "missing.txt", empty, good]))
    assert [(o.path.name, o.error) for o in outcomes] == [
        ("scan.txt", "binary file, not text"),
        ("missing.txt", "no such file"),
        ("empty.txt", "empty file"),
        ("good.txt", None),
    ]
    assert outcomes[-1].document.articles[0].headline == "全市防汛工作会议召开"
