"""The loaders on arbitrary bytes (issue 8): every file gives a document or a `LoadError`
that says why, never another exception, and what is read maps back into the file.

The extractor's own property tests (tests/test_extraction_robustness.py) start from text;
these start from the bytes on disk and go through decoding, the batch reader, the reading
of large files in parts and the extraction, with evidence checked against the decoded file.
"""

from __future__ import annotations

import codecs
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from officials_kg.extraction import extract_document
from officials_kg.extraction.merge import merge_records
from officials_kg.extraction.records import DocumentRecord
from officials_kg.loaders.batch import iter_documents
from officials_kg.loaders.decode import LoadError, decode_bytes
from officials_kg.loaders.document import MAX_SENTENCE, Document, build_document, load_document
from officials_kg.loaders.normalise import reads_as
from officials_kg.loaders.stream import SAMPLE_BYTES, iter_parts
from tests.gold import CHENGDE_CHAIR, GENERAL_SECRETARY

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
GENRE_TEXT = "本报讯（记者 王明）3月5日，市委常委、副市长李四宝出席会议并讲话。会议由张伟主持。\n"
ENCODINGS = ["utf-8", "gb18030", "gbk", "big5", "utf-16-le", "utf-16-be", "utf-32", "latin-1"]
PIECES = st.one_of(
    st.binary(max_size=48),
    st.text(max_size=32).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(st.text(GENRE_TEXT, max_size=40), st.sampled_from(ENCODINGS)).map(
        lambda te: te[0].encode(te[1], errors="ignore")
    ),
    st.sampled_from(
        [
            codecs.BOM_UTF8,
            codecs.BOM_UTF16_LE,
            codecs.BOM_UTF16_BE,
            b"\x00",
            b"\r\n",
            b"\n\n",
            b"\x0c",  # a form feed, as pdftotext writes between pages
            b"\x1b[31m",
            b"\xe4\xb8",  # half of a UTF-8 character
            b"\x81\x30",  # half of a four-byte GB18030 character
            b"\xed\xa0\x80",  # a UTF-8-encoded surrogate
            b"\xef\xbf\xbf",
            "、".encode() * 50,
            ("（" * 30 + "张三" + "）" * 30).encode(),
        ]
    ),
)
NOISY_TEXT = st.lists(
    st.one_of(
        st.text(max_size=24),
        st.sampled_from(
            [
                GENRE_TEXT,
                "- 3 -\n",
                "第 12 页\n",
                "\x0c",
                "\u3000\u3000",
                "\u200b",
                "\ufeff",
                "、" * 50,
                "《（“" * 20 + "会议" + "”）》" * 20,
                "Ωmega市委José李明Дмитрий",
                "市 委 常 委 王 小 合\n",
            ]
        ),
    ),
    max_size=30,
).map("".join)
ENCODED_TEXT = st.tuples(NOISY_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
FILE_BYTES = st.one_of(
    st.binary(max_size=2048),
    st.lists(PIECES, max_size=40).map(b"".join),
    ENCODED_TEXT.map(lambda te: te[0].encode(te[1])),
)
SETTINGS = settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _file(data: bytes, folder: str) -> Path:
    path = Path(folder) / "page.txt"
    path.write_bytes(data)
    return path


def check_document(doc: Document, original: str) -> None:
    """Clean text is a subsequence of the original; articles and sentences lie inside it."""
    text, offsets = doc.clean.text, doc.clean.offsets
    assert len(offsets) == len(text)
    assert all(reads_as(ch, original[o]) for o, ch in zip(offsets, text, strict=True))
    assert all(a < b for a, b in zip(offsets, offsets[1:], strict=False))
    for article in doc.articles:
        assert 0 <= article.start <= article.end <= len(text)
        for sentence in article.sentences:
            assert text[sentence.start : sentence.end] == sentence.text


def check_evidence(record: DocumentRecord, original: str) -> None:
    """Every fact's evidence is the span of the original that its sentence was cleaned from:
    it starts and ends with the sentence, and holds its characters in order."""
    rows = record.persons + record.organizations + record.positions
    for row in rows + record.events + record.participations:
        for ev in row.evidence:
            assert 0 <= ev.start < ev.end <= len(original)
            span = original[ev.start : ev.end]
            assert (span[0], span[-1]) == (ev.text[0], ev.text[-1])
            rest = iter(span)
            assert all(ch in rest for ch in ev.text)  # a subsequence: cleaning only deletes
    event_ids = {e.id for e in record.events}
    assert all(p.event in event_ids for p in record.participations)


@SETTINGS
@given(FILE_BYTES)
def test_any_bytes_decode_to_text_or_a_load_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except LoadError as exc:
        assert str(exc)  # a reason the user can act on
        return
    assert decoded.text == data.decode(decoded.encoding)
    assert decoded.text.strip()


@SETTINGS
@given(FILE_BYTES)
def test_any_file_is_a_document_or_a_reason(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _file(data, folder)
        (loaded,) = iter_documents([path])
        if loaded.error is not None:
            assert loaded.document is None and loaded.error
            with pytest.raises(LoadError):
                load_document(path)
            return
        doc = loaded.document
        check_document(doc, doc.original)
        check_evidence(extract_document(doc), doc.original)


BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@SETTINGS
@given(
    FILE_BYTES,
    st.integers(min_value=1, max_value=300),
    st.one_of(st.just(SAMPLE_BYTES), st.integers(min_value=1, max_value=64)),
)
@example("张三出席。\n李四主持。\n".encode("utf-16"), 300, SAMPLE_BYTES)  # cut in a newline
@example(codecs.BOM_UTF8 + b" " * 40 + "张三出席。".encode(), 300, 16)  # a blank sample
@example(  # a GB18030 file ending inside a character: the decoder's last flush raised
    b"\x01\x01\x01" + b" " * 15 + b"\x81@" * 13 + b"\x82\x80\x8e\x81\xee\x80\r\x9f\x9f\x9f"
    b"QQQ\xee\xee\n..\xa0\xe0\x80",
    1,
    SAMPLE_BYTES,
)
@example(codecs.BOM_UTF16_BE + b"\x00" * 64, 1, 1)  # a sample of a BOM's first byte only
def test_any_file_read_in_parts_is_documents_or_a_reason(
    data: bytes, part_chars: int, sample_bytes: int
) -> None:
    """The path of files over the size limit (loaders/stream.py), with a limit of 64 bytes
    and an encoding sample of the file's first `sample_bytes`. Where the sample settles the
    encoding as the whole file does (the sample is the whole file, or it opens with a BOM)
    it refuses only what reading the file whole refuses: its sample was cut at the last
    `\n` byte, in the middle of a UTF-16 newline, and a blank sample was an empty file."""
    try:
        decode_bytes(data)
        readable = True
    except LoadError:
        readable = False
    settled = sample_bytes >= len(data) or data.startswith(BOMS)
    with tempfile.TemporaryDirectory() as folder:
        path = _file(data, folder)
        try:
            parts = list(iter_parts(path, part_chars, max_bytes=64, sample_bytes=sample_bytes))
            record = merge_records(extract_document(doc) for doc in parts)
        except LoadError as exc:
            assert str(exc) and not (readable and settled)
            return
        whole = data.decode(parts[0].encoding)
        for doc in parts:
            check_document(doc, whole)
        check_evidence(record, whole)


@pytest.mark.slow
def test_a_10_mb_line_of_news_is_read_and_extracted_in_bounded_time(tmp_path: Path):
    """Pages whose line breaks were all lost: the seeds on one line, over and over, 10 MB."""
    line = "".join(p.read_text(encoding="utf-8").replace("\n", "") for p in SEEDS)
    path = tmp_path / "one-line.txt"
    path.write_text(line * (10_000_000 // len(line.encode()) + 1), encoding="utf-8")
    started = time.perf_counter()
    doc = load_document(path)
    record = extract_document(doc)
    assert time.perf_counter() - started < 120
    assert {CHENGDE_CHAIR, GENERAL_SECRETARY} <= {p.name for p in record.persons}
    check_evidence(record, doc.original)


@pytest.mark.slow
@pytest.mark.parametrize(
    "unit",
    [
        "Ωmega\x1b[1m市委常委、副市长José李明出席\x0c会议并讲话\x07，",  # no sentence end
        "（" * 50 + "市委书记王强" + "）" * 50 + "、",
    ],
    ids=["mixed-scripts-and-controls", "nested-brackets"],
)
def test_a_10_mb_line_without_a_sentence_end_is_read_in_bounded_time(tmp_path: Path, unit: str):
    path = tmp_path / "one-line.txt"
    path.write_text(unit * (10_000_000 // len(unit.encode())), encoding="utf-8")
    started = time.perf_counter()
    doc = load_document(path)
    record = extract_document(doc)
    assert time.perf_counter() - started < 120
    check_evidence(record, doc.original)


def test_a_run_without_a_sentence_end_is_cut_at_commas_into_bounded_sentences():
    run = "市委常委、副市长李明出席会议并讲话，" * 300 + "王强主持"
    doc = build_document("t", "t", run)
    pieces = [s.text for s in doc.sentences]
    assert "".join(pieces) == run
    assert all(len(p) <= MAX_SENTENCE for p in pieces)
    assert all(p.endswith("，") for p in pieces[:-1])
