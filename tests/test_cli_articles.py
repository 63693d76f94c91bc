"""`okg articles` on real files: tables, JSON Lines, and batches with bad files in them."""

import json
from pathlib import Path

from typer.testing import CliRunner

from officials_kg.cli.main import app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAGE = SEEDS / "003_3676fee7047f7844.txt"
runner = CliRunner()


def test_the_table_shows_headline_place_and_date(tmp_path: Path):
    result = runner.invoke(app, ["articles", str(PAGE)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for words in ("许昌市, 河南省", "全市公安工作会议召开", "长葛市", "2023-02-17"):
        assert words in result.stdout


def test_json_lines_give_one_article_a_line_with_its_span_in_the_original():
    result = runner.invoke(app, ["articles", "--json", str(PAGE)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 9
    original = PAGE.read_text(encoding="utf-8")
    police = records[3]
    assert police["headline"] == "全市公安工作会议召开"
    assert (police["place"], police["province"], police["date"]) == (
        "许昌市",
        "河南省",
        "2023-02-17",
    )
    assert original[police["start"] : police["end"]].lstrip().startswith("本报讯")
    assert police["first_words"].startswith("本报讯")


def test_a_bad_file_in_a_batch_is_reported_and_the_others_are_read(tmp_path: Path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01PDF" * 100)
    result = runner.invoke(app, ["articles", "--json", str(binary), str(PAGE)])
    assert result.exit_code == 0
    assert result.stderr.strip() == f"okg: {binary}: binary file, not text"
    assert len(result.stdout.splitlines()) == 9


def test_nothing_readable_exits_1_with_one_line_per_file(tmp_path: Path):
    huge = tmp_path / "archive.txt"
    with huge.open("wb") as f:
        f.truncate(200 * 2**20)  # sparse: 200 MB on paper, nothing on disk
    empty_folder = tmp_path / "scans"
    empty_folder.mkdir()
    result = runner.invoke(
        app, ["articles", str(huge), str(tmp_path / "gone.txt"), str(empty_folder)]
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"okg: {huge}: file too large (200 MiB > 64 MiB); split it into pages or issues first",
        f"okg: {tmp_path / 'gone.txt'}: no such file",
        f"okg: {empty_folder}: folder has no .txt, .html, .pdf or .warc files",
    ]


def test_a_folder_of_many_files_is_read_with_progress_on_stderr_only(tmp_path: Path):
    for i in range(7):
        (tmp_path / f"page{i}.txt").write_text(
            f"全市防汛工作会议召开\n5月{i + 1}日，全市防汛工作会议召开。（李兰）\n",
            encoding="utf-8",
        )
    result = runner.invoke(app, ["articles", "--json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in records] == [f"page{i}" for i in range(7)]


def test_help_gives_an_example():
    result = runner.invoke(app, ["articles", "--help"])
    assert result.exit_code == 0
    assert "okg articles seeds/003_3676fee7047f7844.txt" in result.stdout
