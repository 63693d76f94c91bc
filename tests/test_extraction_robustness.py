"""The extractor on arbitrary and pathological text: no exception, evidence inside the
original, and bounded time (GUIDELINES: texts are noisy PDF extractions)."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officials_kg.extraction import extract_document
from officials_kg.loaders.document import build_document

GENRE = st.sampled_from(
    list("市委常委、副市长主任书记会议召开出席讲话主持陪同带队考察")
    + list("，。；：“”（）《》·\n 　0123456789")
    + ["张", "王", "李", "刘", "某某", "本报讯", "新华社北京3月5日电", "（记者 李明）", "- 1 -"]
)


def _check(text: str) -> None:
    doc = build_document("t", "t", text)
    record = extract_document(doc)
    rows = record.persons + record.positions + record.events + record.participations
    for row in rows:
        for ev in row.evidence:
            assert 0 <= ev.start <= ev.end <= len(text)
            assert "".join(text[ev.start : ev.end].split()) == "".join(ev.text.split())
    event_ids = {e.id for e in record.events}
    assert all(p.event in event_ids for p in record.participations)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(GENRE, max_size=200).map("".join))
def test_text_built_from_genre_pieces(text: str) -> None:
    _check(text)


def test_pathological_inputs_finish_quickly() -> None:
    cases = {
        "a 1 MB line": "市委常委" * 250_000,
        "100,000 enumeration commas": "、" * 100_000,
        "nested brackets": "（" * 5_000 + "张三" + "）" * 5_000,
        "control characters": "".join(chr(c) for c in range(32)) * 1000,
        "mixed scripts": "Ωmega市委常委、副市长José李明出席会议并讲话。" * 2000,
        "one endless title chain": "副市长、" * 20_000 + "王强出席。",
        "names without end": "王李张刘陈杨黄赵周吴" * 10_000,
    }
    for label, text in cases.items():
        start = time.perf_counter()
        _check(text)
        assert time.perf_counter() - start < 30, label
