"""Normalising web copies (loaders/normalise.py): what the extractor reads, and the map
back to the file's own characters."""

import json
import subprocess
import sys

from officials_kg.extraction import extract_document
from officials_kg.loaders.clean import clean
from officials_kg.loaders.document import build_document
from officials_kg.loaders.normalise import is_traditional, reads_as


def test_half_width_marks_between_chinese_read_as_full_width():
    assert clean("张三,李四;会议(扩大):通过!\n").text == "张三，李四；会议（扩大）：通过！"


def test_half_width_marks_between_latin_or_digits_stay():
    assert clean("投资1,000万元,GDP (a:b)\n").text == "投资1,000万元，GDP (a:b)"


def test_inserted_pinyin_goes_and_the_map_keeps_it():
    original = "市委書(shū)記張三主持會(huì )議。\n"
    mapped = clean(original)
    assert mapped.text == "市委书记张三主持会议。"
    assert all(reads_as(c, original[o]) for c, o in zip(mapped.text, mapped.offsets, strict=True))
    start, end = mapped.original_span(0, len(mapped.text))
    assert original[start:end] == original.rstrip("\n")


def test_simplified_text_is_left_as_it_is():
    text = "著名作家张三出席乾县座谈会。"
    assert not is_traditional(text)
    assert clean(text).text == text


def test_a_traditional_copy_is_read_in_simplified_script_and_quoted_in_its_own():
    original = "本報訊 3月5日,縣委書記張三寶主持召開縣委常委會議,副縣長李四出席會議並講話。\n"
    doc = build_document("t", "t.txt", original)
    record = extract_document(doc)
    assert {p.name for p in record.persons} == {"张三宝", "李四"}
    assert ("李四", "副县长") in {(p.person, p.title) for p in record.positions}
    assert {p.name: p.aliases for p in record.persons} == {"张三宝": ["張三寶"], "李四": []}
    evidence = record.persons[0].evidence[0]
    # the evidence quotes the file's own script (without the layout's spaces)
    assert "".join(original[evidence.start : evidence.end].split()) == evidence.text


def test_a_person_read_from_a_traditional_copy_is_found_by_either_script(tmp_path):
    text = tmp_path / "copy.txt"
    text.write_text(
        "本報訊 3月5日,縣委書記張三寶主持召開縣委常委會議,副縣長李四出席會議並講話。\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    okg = [sys.executable, "-m", "officials_kg.cli.main"]
    subprocess.run(
        [*okg, "ingest", str(text), "--data", str(data)], check=True, capture_output=True
    )
    for written in ("張三寶", "张三宝"):
        found = subprocess.run(
            [*okg, "query", "posts", written, "--data", str(data), "--json"],
            check=True,
            capture_output=True,
            text=True,
        )
        assert [row["post"][-2:] for row in json.loads(found.stdout)] == ["书记"], written
