"""Record files as anyone may write them (issue 8): `okg ingest` of `.jsonl` lines that are
arbitrary JSON, records with values of any type, deep nesting, lone surrogates or bad bytes
accounts for every line — loaded, already there, or reported as failed — and never fails
as a whole, nor lets a bad document take the good ones of its batch with it.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officials_kg.graph.embedded import EmbeddedStore
from officials_kg.graph.ingest import IngestReport, ingest, pending_items
from tests.test_graph_stores import snapshot

ARTICLE = {"index": 0, "headline": "会议", "place": None, "date": None, "start": 0, "end": 9}
GOOD = {
    "doc": "good",
    "path": "good.txt",
    "articles": [ARTICLE],
    "persons": [{"name": "王强", "evidence": []}],
    "positions": [{"person": "王强", "title": "书记", "org": "许昌市委", "evidence": []}],
}
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
FIELDS = st.sampled_from(list(GOOD) + ["events", "participations", "organizations", "date"])
RECORDS = st.builds(lambda changes: GOOD | changes, st.dictionaries(FIELDS, JSON, max_size=3))


NAMES = ("name", "person", "title", "org", "parent", "id", "event")
"""Keys whose values resolution reads as names: text, else the document fails early."""


def _rows(*keys: str) -> st.SearchStrategy:
    """Rows with the record's keys: names any text, every other value any JSON."""
    name = st.one_of(st.sampled_from(["王强", "书记", "许昌市委", "e1"]), st.text(max_size=6))
    evidence = st.fixed_dictionaries(
        {k: JSON for k in ("doc", "article", "sentence", "start", "end", "text")}
    )
    fields = {
        k: st.lists(evidence, max_size=2) if k == "evidence" else name if k in NAMES else JSON
        for k in keys
    }
    return st.lists(st.fixed_dictionaries(fields), max_size=2)


SHAPED = st.fixed_dictionaries(
    {
        "doc": st.text(min_size=1, max_size=8),
        "articles": _rows("index", "headline", "place", "date", "start", "end"),
        "persons": _rows("name", "evidence"),
        "organizations": _rows("name", "parent", "place", "evidence"),
        "positions": _rows("person", "title", "org", "evidence"),
        "events": _rows("id", "name", "type", "date", "place", "organizer", "evidence"),
        "participations": _rows("person", "event", "roles", "evidence"),
    }
)
"""Records of the right shape whose values may be of any type."""
LINES = st.one_of(
    RECORDS.map(lambda r: json.dumps(r, ensure_ascii=False).encode()),
    SHAPED.map(lambda r: json.dumps(r, ensure_ascii=False).encode()),
    JSON.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=40),
    st.sampled_from(
        [
            b"[" * 100_000 + b"]" * 100_000,  # deeper than the JSON parser goes
            b'{"doc": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            json.dumps(
                GOOD | {"doc": "s", "articles": [ARTICLE | {"headline": "\ud800"}]}
            ).encode(),
            json.dumps(GOOD | {"doc": "\udfff"}).encode(),
            b'\xef\xbb\xbf{"doc": "bom"}',
            b'{"doc": "crlf"}\r',
            b'{"doc": "bad \xff byte"}',
            b'{"doc": 1e400, "persons": NaN}',
            json.dumps(GOOD | {"articles": [ARTICLE | {"index": "1", "end": 2.5}]}).encode(),
        ]
    ),
)


def _load(content: bytes) -> tuple[IngestReport, set[str]]:
    with tempfile.TemporaryDirectory() as folder:
        records = Path(folder) / "records.jsonl"
        records.write_bytes(content)
        with EmbeddedStore(Path(folder) / "store") as store:
            report = IngestReport()
            ingest(pending_items([records], store, report), store, report, batch_size=4)
            snapshot(store)  # what went in reads back
            return report, store.loaded_documents()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, min_size=1, max_size=6))
def test_every_line_of_a_record_file_is_loaded_or_reported(lines: list[bytes]) -> None:
    good = json.dumps(GOOD | {"doc": "the good one"}, ensure_ascii=False).encode()
    content = b"\n".join([*lines, good]) + b"\n"
    report, stored = _load(content)
    assert "the good one" in stored  # a bad document never takes its batch with it
    assert set(report.loaded) == stored
    counted = len(report.loaded) + len(report.skipped) + len(report.failures)
    assert counted == sum(1 for line in content.split(b"\n") if line.strip())


def test_a_document_whose_first_record_fails_is_loaded_from_its_next_one(tmp_path: Path):
    """Failures name their file and line; a document given again after a failed record is
    loaded from the next one, and a third copy is counted as already there."""
    records = tmp_path / "records.jsonl"
    lines = [
        GOOD | {"doc": "a", "articles": [ARTICLE | {"index": "1"}]},  # an index as text
        "not a record",
        GOOD | {"doc": "a"},
        GOOD | {"doc": "a"},
        GOOD | {"doc": "b"},
    ]
    records.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines))
    with EmbeddedStore(tmp_path / "store") as store:
        report = IngestReport()
        ingest(pending_items([records], store, report), store, report, batch_size=4)
        assert store.loaded_documents() == {"a", "b"}
    assert sorted(f.source for f in report.failures) == [f"{records}:1", f"{records}:2"]
    assert sorted(report.loaded) == ["a", "b"]
    assert report.skipped == ["a"]


def test_a_record_file_may_open_with_a_byte_order_mark_and_bad_fields_are_named(tmp_path: Path):
    """Some editors start a file with a BOM: its first record still loads. A field of the
    wrong type fails its document with the field's place in the record."""
    records = tmp_path / "records.jsonl"
    lines = [GOOD | {"doc": "first"}, GOOD | {"doc": "b", "articles": [ARTICLE | {"end": "9"}]}]
    text = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)
    records.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    with EmbeddedStore(tmp_path / "store") as store:
        report = IngestReport()
        ingest(pending_items([records], store, report), store, report, batch_size=4)
        assert store.loaded_documents() == {"first"}
    [failure] = report.failures
    assert failure.source == f"{records}:2"
    assert "$.articles[0].end" in failure.reason and "int" in failure.reason


def test_a_lone_surrogate_is_reported_as_one(tmp_path: Path):
    """A `\\ud800` escape without its pair, in the name or deeper in the record, is reported
    as what it is (msgspec alone says the input was truncated)."""
    records = tmp_path / "records.jsonl"
    deep = GOOD | {"doc": "b", "articles": [ARTICLE | {"headline": "\ud800"}]}
    lines = [{"doc": "a\ud800"}, deep]
    records.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    with EmbeddedStore(tmp_path / "store") as store:
        report = IngestReport()
        ingest(pending_items([records], store, report), store, report, batch_size=4)
        assert store.loaded_documents() == set()
    assert [f.source for f in report.failures] == [f"{records}:1", f"{records}:2"]
    assert all("lone surrogate" in f.reason for f in report.failures), report.failures
