"""Bad paths on the command line (issue 23): whatever a path is — a symlink loop, a file the
system will not open, a name that is not UTF-8, a name with a line break, a folder with
nothing to read — `okg articles`, `okg extract` and `okg ingest` say so in one line,
`okg: FILE: REASON`, read the good files after it, and exit 1 only when nothing was read.

The commands run as a user runs them, in a process of their own, so what is checked is the
bytes they write: a name that is not UTF-8 must not put raw bytes into JSON.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from officials_kg.extraction.records import DocumentRecord, Evidence, Organization, Person, Position

ROOT = Path(__file__).resolve().parent.parent
STORY = "2024年3月5日，县委召开常委会会议，县长张三出席并讲话。\n"
GBK_NAME = "会议".encode("gbk") + b".txt"  # a name from a Windows archive, not UTF-8
READERS = [["articles", "--json"], ["extract", "--format", "jsonl"]]


def okg(
    *args: str | bytes | Path, cwd: Path = ROOT, timeout: float = 300
) -> subprocess.CompletedProcess[bytes]:
    """`okg ARGS` in a process of its own; its output as bytes."""
    command = [sys.executable, "-m", "officials_kg.cli.main", *map(os.fsencode, args)]
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(command, cwd=cwd, capture_output=True, timeout=timeout, env=env)


def error_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return [line for line in result.stderr.decode("utf-8").splitlines() if line.startswith("okg:")]


def ingest(tmp_path: Path, *paths: str | bytes | Path) -> subprocess.CompletedProcess[bytes]:
    return okg("ingest", "--data", tmp_path / "store", *paths, cwd=tmp_path)


def run(command: list[str], tmp_path: Path, *paths: Path) -> subprocess.CompletedProcess[bytes]:
    """A reading command (READERS), or `okg ingest` into a store in `tmp_path`."""
    return ingest(tmp_path, *paths) if command == ["ingest"] else okg(*command, *paths)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_a_record_file_that_cannot_be_read_is_worded_as_a_text_file_is(
    tmp_path: Path, good: Path
) -> None:
    loop = tmp_path / "loop.jsonl"
    loop.symlink_to(loop.name)
    result = ingest(tmp_path, tmp_path / "missing.jsonl", loop, good)
    assert result.returncode == 0
    assert error_lines(result) == [
        f"okg: {tmp_path / 'missing.jsonl'}: no such file",
        f"okg: {loop}: {LOOP}",
    ]


def _bad_paths(tmp_path: Path) -> dict[str, Path]:
    """Paths that name no readable file, each of a kind the system refuses even to root."""
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop.name)
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to("nowhere.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "socket.txt"))  # open() refuses a socket: ENXIO
    sock.close()
    return {
        "loop.txt": loop,
        "gone.txt": dangling,
        "socket.txt": tmp_path / "socket.txt",
        "under-a-file": tmp_path / "good.txt" / "under-a-file.txt",  # ENOTDIR
    }


@pytest.mark.parametrize("command", [*READERS, ["ingest"]], ids=lambda c: c[0])
def test_bad_paths_named_get_one_line_each_and_the_good_file_is_read(
    tmp_path: Path, good: Path, command: list[str]
) -> None:
    bad = _bad_paths(tmp_path)
    paths = [*bad.values(), good]
    result = run(command, tmp_path, *paths)
    assert result.returncode == 0, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    lines = error_lines(result)
    assert len(lines) == len(bad), lines
    for name, line in zip(bad, lines, strict=True):
        assert line.startswith(f"okg: {bad[name]}: ") and line != f"okg: {bad[name]}: "
    assert "symlink loop" in lines[0] and "no such file" in lines[1]
    if command != ["ingest"]:
        docs = {json.loads(line)["doc"] for line in result.stdout.splitlines()}
        assert docs == {"good"}
    else:
        assert b"loaded 1 documents" in result.stderr


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_a_symlink_loop_in_a_folder_is_reported_and_the_folder_read(
    tmp_path: Path, good: Path, command: list[str]
) -> None:
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    result = okg(*command, tmp_path)
    assert result.returncode == 0
    assert error_lines(result) == [f"okg: {tmp_path / 'loop.txt'}: " + LOOP]
    assert len(result.stdout.splitlines()) == 1


LOOP = "symlink loop (too many levels of symbolic links)"


@pytest.mark.parametrize("command", [*READERS, ["ingest"]], ids=lambda c: c[0])
def test_an_empty_folder_is_the_same_error_with_the_same_status_everywhere(
    tmp_path: Path, command: list[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(command, tmp_path, empty)
    assert result.returncode == 1
    [line] = error_lines(result)
    assert line.startswith(f"okg: {empty}: folder has no .txt")


def test_a_name_that_is_not_utf8_goes_from_extract_through_ingest(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    name = os.path.join(folder, GBK_NAME)
    with open(name, "wb") as f:
        f.write(STORY.encode("utf-8"))
    kept = "\\xbb\\xe1\\xd2\\xe9"  # each byte as Python escapes it

    extracted = okg("extract", "--format", "jsonl", name)
    assert extracted.returncode == 0, extracted.stderr.decode()
    [record] = [json.loads(line.decode("utf-8")) for line in extracted.stdout.splitlines()]
    assert record["doc"] == kept
    records = tmp_path / "records.jsonl"
    records.write_bytes(extracted.stdout)

    articles = okg("articles", "--json", name)
    assert json.loads(articles.stdout.decode("utf-8"))["file"].endswith(f"/{kept}.txt")

    for store, source in (("text", name), ("records", records)):  # the text, or its records
        (tmp_path / store).mkdir()
        result = ingest(tmp_path / store, source)
        assert result.returncode == 0, result.stderr.decode()
        assert b"loaded 1 documents" in result.stderr, result.stderr.decode()
        assert not error_lines(result)
        again = ingest(tmp_path / store, name)  # the file's document is the one loaded
        assert b"loaded 0 documents (1 already there" in again.stderr, again.stderr.decode()


def test_a_name_that_is_not_utf8_is_reported_on_one_line(tmp_path: Path, good: Path) -> None:
    name = os.path.join(os.fsencode(tmp_path), GBK_NAME)
    with open(name, "wb") as f:
        f.write(b"\x00\x01binary" * 100)
    newline = tmp_path / "two\nlines.txt"
    newline.write_bytes(b"")
    result = okg("articles", name, newline, good)
    assert result.returncode == 0
    assert error_lines(result) == [
        f"okg: {tmp_path}/\\xbb\\xe1\\xd2\\xe9.txt: binary file, not text",
        f"okg: {tmp_path}/two\\nlines.txt: empty file",
    ]


def test_a_long_name_full_of_angle_brackets_prints_at_once(tmp_path: Path) -> None:
    """User data is printed without rich's highlighter, whose tag pattern is quadratic in a
    run of `<` without `>` (a stored name of 7,900 took 7 s; 40,000 given to look up took
    minutes: each command here has a minute), and without markup, so the text comes out as
    it is, on one line."""
    sentence = "县委召开常委会会议，县长出席。"
    ev = [Evidence("page", 0, 0, 0, len(sentence), sentence)]
    stored = "<" * 7_900  # as long as the stores index (graph/cypher_statements.py)
    record = DocumentRecord(
        doc="page",
        persons=[Person(stored, ev)],
        organizations=[Organization("县委", None, None, ev)],
        positions=[Position(stored, "县长", "县委", ev)],
    )
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(record.to_dict(), ensure_ascii=False) + "\n", "utf-8")
    assert ingest(tmp_path, records).returncode == 0
    store = ["--data", tmp_path / "store"]
    table = okg("query", "holders", "县委", *store, timeout=60)
    assert table.returncode == 0, table.stderr.decode()
    assert table.stdout.decode("utf-8").count("<") == len(stored)
    in_part = okg("query", "posts", "<<", *store, timeout=60)  # says which name it found
    assert in_part.returncode == 0, in_part.stderr.decode()
    assert in_part.stderr.decode("utf-8").count("<") == len(stored) + 2  # and the words
    unknown = "<" * 40_000 + "张"
    none = okg("query", "posts", unknown, *store, timeout=60)  # says what matched nothing
    assert none.returncode == 1 and unknown in none.stderr.decode("utf-8")


def test_an_export_to_a_path_that_cannot_be_written_is_one_line(tmp_path: Path, good: Path):
    """Said before the graph is read, as `okg: PATH: REASON` with status 1 (a traceback
    came at the end, after the read)."""
    store = ["--data", tmp_path / "store"]
    folder = tmp_path / "folder"
    folder.mkdir()
    cases = [
        (["export", "graphml", good / "g.graphml"], "File exists"),  # good.txt, as a folder
        (["export", "neo4j-csv", good], "File exists"),
        (["view", folder], "Is a directory"),
    ]
    for args, reason in cases:
        result = okg(*args, *store)
        assert result.returncode == 1 and b"Traceback" not in result.stderr
        assert error_lines(result) == [f"okg: {args[-1]}: cannot write it: {reason}"]
