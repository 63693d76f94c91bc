"""`okg evaluate` and the evaluator's matching rules, on invented gold and records (the
figures below follow from the rules of eval/GUIDELINES.md, worked out by hand), and on the
seeds, extracted here or read from `okg extract`'s records."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from officials_kg.evaluation import diff_document, score_document

ROOT = Path(__file__).resolve().parent.parent

GOLD: dict[str, Any] = {
    "doc": "d1",
    "persons": [{"name": "张三"}, {"name": "李四宝"}, {"name": "王五"}],
    "ignore_persons": ["赵记者"],
    "positions": [
        {"person": "张三", "title": "书记", "org": "江东市委"},
        {"person": "李四宝", "title": "副市长", "org": "江东市政府"},
    ],
    "optional_positions": [{"person": "王五", "title": "局长", "org": "江东市公安局"}],
    "events": [
        {"id": "e1", "name": "江东市委常委会会议", "type": "meeting", "date": "2024-03-01"},
        {"id": "e2", "name": "江东市安全生产工作会议", "type": "meeting", "date": "2024-03-02"},
    ],
    "optional_events": ["江东市植树活动"],
    "participations": [
        {"person": "张三", "event": "e1", "roles": ["chair"]},
        {"person": "李四宝", "event": "e1", "roles": ["attend"]},
        {"person": "李四宝", "event": "e2", "roles": ["attend", "speak"]},
    ],
}

RECORD: dict[str, Any] = {
    "doc": "d1",
    # traditional script, a byline, and one person the gold does not have
    "persons": [{"name": "張三"}, {"name": "李四宝"}, {"name": "赵记者"}, {"name": "孙六"}],
    "positions": [
        {"person": "张三", "title": "书记", "org": "中共江东市委员会"},  # long form: strict
        {"person": "李四宝", "title": "副市长", "org": "市政府"},  # lenient only
        {"person": "王五", "title": "局长", "org": "江东市公安局"},  # optional: not counted
    ],
    "events": [
        {"id": "x1", "name": "市委常委会会议", "type": "meeting", "date": "2024-03-01"},
        {"id": "x2", "name": "全市安全生产工作会议召开", "type": "meeting", "date": None},
        {"id": "x3", "name": "江东市植树活动", "type": "activity", "date": None},  # optional
        {"id": "x4", "name": "江东市招商推介会", "type": "meeting", "date": None},  # extra
    ],
    "participations": [
        {"person": "张三", "event": "x1", "roles": ["chair"]},
        {"person": "李四宝", "event": "x2", "roles": ["attend"]},  # roles short of the gold
        {"person": "孙六", "event": "x4", "roles": ["attend"]},  # on an extra event
        {"person": "孙六", "event": "x3", "roles": ["attend"]},  # on the optional event
    ],
}


def counts(scores: dict[str, Any]) -> dict[str, tuple[int, int, int]]:
    return {m: (c.tp, c.fp, c.fn) for m, c in scores.items()}


def test_the_matching_rules_on_an_invented_document() -> None:
    assert counts(score_document(GOLD, RECORD)) == {
        "persons": (2, 1, 1),  # 张三 = 張三, 李四宝; 孙六 extra; 王五 missed; 赵记者 ignored
        "positions_strict": (1, 1, 1),
        "positions_lenient": (2, 0, 0),
        "events": (2, 1, 0),  # x4 extra; x3 optional
        "events_dated": (1, 2, 1),  # x2 undated is not e2 (dated): an extra too
        "participations": (2, 1, 1),  # 孙六 on x4 extra; 李四宝 at e1 missed
        "roles": (1, 1, 0),
    }


def test_an_empty_record_misses_everything_and_adds_nothing() -> None:
    assert counts(score_document(GOLD, {})) == {
        "persons": (0, 0, 3),
        "positions_strict": (0, 0, 2),
        "positions_lenient": (0, 0, 2),
        "events": (0, 0, 2),
        "events_dated": (0, 0, 2),
        "participations": (0, 0, 3),
        "roles": (0, 0, 0),
    }


def test_the_diff_says_what_is_missed_extra_and_wrong() -> None:
    lines = diff_document(GOLD, RECORD)
    assert "- person 王五" in lines
    assert "+ person 孙六" in lines
    assert "+ event undated 江东市招商推介会" in lines
    assert "~ event date undated should be 2024-03-02: 江东市安全生产工作会议" in lines
    assert "- took part 李四宝 ['attend'] in 江东市委常委会会议" in lines
    assert (
        "~ roles 李四宝 ['attend'] should be ['attend', 'speak'] in 江东市安全生产工作会议" in lines
    )
    assert "+ took part 孙六 ['attend'] in 江东市招商推介会" in lines
    assert not [line for line in lines if "植树" in line or "赵记者" in line or "post" in line]


def okg(*args: str, columns: int = 80) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"COLUMNS": str(columns)}
    return subprocess.run(
        [sys.executable, "-m", "officials_kg.cli.main", *args],
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "d1.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    (folder / "d2.json").write_text(json.dumps(GOLD | {"doc": "d2"}), encoding="utf-8")
    return folder


def test_bad_inputs_are_reported_and_the_rest_scored(gold_dir: Path, tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    lines = [json.dumps(RECORD, ensure_ascii=False), "{not json", '{"doc": "d9", "events": 3}']
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ran = okg(
        "evaluate", "--gold", str(gold_dir), str(records), str(tmp_path / "none.txt"), "--json"
    )
    assert ran.returncode == 0, ran.stderr
    errors = ran.stderr.splitlines()
    assert errors[0].startswith(f"okg: {records}:2: not JSON")
    assert errors[1] == f"okg: {records}:3: not a record: `events` is not a list of objects"
    assert errors[2].startswith(f"okg: {tmp_path / 'none.txt'}: ")
    assert len(errors) == 3
    report = json.loads(ran.stdout)
    assert (report["documents"], report["predicted_documents"]) == (2, 1)
    persons = report["per_doc"]["d1"]["persons"]
    assert (persons["tp"], persons["fp"], persons["fn"]) == (2, 1, 1)
    assert persons["f1"] == pytest.approx(2 / 3)
    assert report["total"]["persons"]["fn"] == 1 + 3  # d2 has no record: all missed
    assert "diff" not in report


def test_nothing_readable_or_no_gold_exits_1(gold_dir: Path, tmp_path: Path) -> None:
    ran = okg("evaluate", "--gold", str(gold_dir), str(tmp_path / "none.jsonl"))
    assert ran.returncode == 1
    assert ran.stderr.startswith(f"okg: {tmp_path / 'none.jsonl'}: ")
    ran = okg("evaluate", "--gold", str(tmp_path), str(ROOT / "seeds"))
    assert (ran.returncode, ran.stderr.strip()) == (1, f"okg: {tmp_path}: no gold *.json files")


def test_texts_and_their_records_score_alike_and_the_table_fits_80_columns(
    tmp_path: Path,
) -> None:
    seeds, gold = str(ROOT / "seeds"), str(ROOT / "eval" / "gold")
    extracted = okg("extract", seeds, "--format", "jsonl")
    records = tmp_path / "seeds.jsonl"
    records.write_text(extracted.stdout, encoding="utf-8")
    from_texts = okg("evaluate", "--gold", gold, seeds, "--json", "--diff")
    from_records = okg("evaluate", "--gold", gold, str(records), "--json", "--diff")
    assert from_texts.returncode == from_records.returncode == 0
    assert json.loads(from_texts.stdout) == json.loads(from_records.stdout)
    table = okg("evaluate", "--gold", gold, str(records)).stdout.splitlines()
    assert max(map(len, table)) <= 80
    total = next(line for line in table if line.startswith("TOTAL "))
    figures = json.loads(from_records.stdout)["total"]
    assert total.split()[1:] == [f"{figures[m]['f1']:.2f}" for m in figures]
