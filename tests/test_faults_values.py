"""Values longer than a store indexes (issue 23): a name of thousands of characters in a
record file. Neo4j refuses to index a value over 8,166 bytes and failed the write of the
whole batch, so the good documents with it were lost, and the advice to run the command
again looped forever. Now such a document alone is refused, with a reason, by both stores
alike, and the rest of the batch loads.
"""

from __future__ import annotations

import json
from pathlib import Path

from officials_kg.extraction.records import DocumentRecord, Evidence, Organization, Person, Position
from officials_kg.graph.cypher_statements import MAX_INDEXED_BYTES
from officials_kg.graph.ingest import IngestReport, ingest, pending_items
from officials_kg.graph.store import summary
from tests.test_graph_stores import Opener, opener  # noqa: F401  (the store under test)

SENTENCE = "县委召开常委会会议，县长出席。"
LONG = "张" * (MAX_INDEXED_BYTES // 3 + 100)  # 3 bytes a character in UTF-8


def _record(doc: str, person: str, title: str = "县长") -> DocumentRecord:
    ev = [Evidence(doc, 0, 0, 0, len(SENTENCE), SENTENCE)]
    return DocumentRecord(
        doc=doc,
        persons=[Person(person, ev)],
        organizations=[Organization("县委", None, None, ev)],
        positions=[Position(person, title, "县委", ev)],
    )


def test_an_overlong_value_leaves_out_its_document_alone_in_both_stores(
    opener: Opener,  # noqa: F811
    tmp_path: Path,
) -> None:
    records = [
        _record("first", "张三"),
        _record("long-name", LONG),  # Person.name
        _record("second", "李四"),
        _record("x" * (MAX_INDEXED_BYTES + 1), "王五"),  # Document.name
        _record("long-title", "赵六", title=LONG + "主任"),  # Post.label
    ]
    path = tmp_path / "records.jsonl"
    lines = [json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records]
    path.write_text("".join(lines), encoding="utf-8")
    with opener() as store:
        report = IngestReport()
        ingest(pending_items([path], store, report), store, report, batch_size=50)
        assert report.loaded == ["first", "second"]
        assert [f.source for f in report.failures] == [f"{path}:{n}" for n in (2, 4, 5)]
        reasons = [f.reason for f in report.failures]
        assert [r.split(" of ")[0] for r in reasons] == [
            "a Person name",
            "a Document name",
            "a Post label",
        ]
        assert all(
            f"longer than the stores index ({MAX_INDEXED_BYTES:,} bytes)" in r for r in reasons
        )
        counts = summary(store)
        assert (counts["documents"], counts["persons"]) == (2, 2)
