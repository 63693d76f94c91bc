"""The ingest pipeline: files → extraction records → resolved batches → a store.

Inputs are text files, web pages, PDFs and the pages of web archives (loaders/inputs.py;
extracted here, in `jobs` worker processes), or records already extracted: `.jsonl` files
of `okg extract --format jsonl` and `.json` files of one record (the gold files). A file
that cannot be read or extracted is reported and skipped.

Documents already in the store are skipped before any work, and each batch of documents
is written in one transaction with its Document nodes, so an interrupted run leaves whole
documents only, and running it again loads the rest: the same graph as one full run,
because every id comes from content (graph/resolve.py). The same-name decisions are
recomputed from the whole store at the end of every run.
"""

from __future__ import annotations

import codecs
import json
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import msgspec

from extraction import extract_document
from extraction.records import DocumentRecord
from graph.model import GraphBatch, combine
from graph.cypher_statements import INDEXED, MAX_INDEXED_BYTES
from graph.resolve import event_decisions, person_decisions, resolve_document
from graph.store import GraphStore
from graph.vocab import EVIDENCE_LINKS
from loaders.decode import LoadError, name_text, os_reason
from loaders.document import build_document
from loaders.inputs import is_input, kind_of, load_source, load_warc_page, warc_entries

RECORD_SUFFIXES = (".jsonl", ".json")


@dataclass(frozen=True, slots=True)
class RecordAt:
    """A record in a file: a `.json` file of one, or the line of a `.jsonl` file that
    starts at `offset`. Items point at their record rather than hold it, so that a run
    keeps a few bytes per pending document, not the records themselves (160 MB for 10,000
    generated pages). `line` is the line's number, 0 for a `.json` file; `str` gives
    `path:line`, which failures and the progress report show."""

    path: Path
    offset: int = 0
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def read(self) -> bytes:
        with self.path.open("rb") as f:
            f.seek(self.offset)
            return f.readline() if self.path.suffix == ".jsonl" else f.read()


@dataclass(frozen=True, slots=True)
class PageAt:
    """A page of a web archive: the record that starts at `offset`, fetched from `uri`
    (its document's name). `str` gives `archive@offset (uri)`."""

    path: Path
    offset: int
    uri: str

    def __str__(self) -> str:
        return f"{self.path}@{self.offset} ({self.uri})"


Item = tuple[str, Path | RecordAt | PageAt]
"""(document name, a text file or where its record is). `str` of the second says where the
document comes from, made when needed: a run holds one item per pending document."""


@dataclass
class Failure:
    source: str
    reason: str


@dataclass
class IngestReport:
    loaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    links: int = 0  # relationships written, of every type
    facts: int = 0  # of those, the evidence-bearing ones (HOLDS, PARTICIPATED_IN, …)
    write_seconds: float = 0.0
    write_cpu_seconds: float = 0.0  # this process's, its threads' included (RocksDB's)
    # the CPU seconds of the store's `prepare` of the batches, wherever it ran (in the
    # workers under --jobs): part of writing, made elsewhere, and counted with the writes by
    # the load benchmark. Its own thread's: with one job, RocksDB's compactions run in other
    # threads of the same process meanwhile (half the process's CPU in those seconds)
    prepare_seconds: float = 0.0


def input_files(paths: Iterable[Path], failures: list[Failure]) -> list[Path]:
    """Files as given; folders give their files of the kinds read (loaders/inputs.py: text,
    web pages, PDFs, web archives) and their *.jsonl and *.json files, sorted. A folder
    with none is a failure, as `okg articles` and `okg extract` say of theirs."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if (is_input(p) or p.suffix in RECORD_SUFFIXES) and p.is_file()
            )
            if not found:
                failures.append(
                    Failure(
                        str(path), "folder has no .txt, .html, .pdf, .warc, .jsonl or .json files"
                    )
                )
            files.extend(found)
        else:
            files.append(path)
    return files


def read_items(files: Iterable[Path], failures: list[Failure]) -> Iterator[Item]:
    """One item per document (a web archive's pages each one); unreadable record files and
    lines, and broken archives, go to `failures`."""
    for path in files:
        if path.suffix not in RECORD_SUFFIXES and kind_of(path) == "warc":
            try:
                for uri, offset in warc_entries(path):
                    yield uri, PageAt(path, offset, uri)
            except LoadError as exc:
                failures.append(Failure(str(path), str(exc)))
            continue
        if path.suffix not in RECORD_SUFFIXES:
            yield name_text(path.stem), path  # the name load_document gives the document
            continue
        try:
            for n, (offset, line) in enumerate(_records(path), 1):
                at = RecordAt(path, offset, n if path.suffix == ".jsonl" else 0)
                if not line.strip():
                    continue
                try:
                    doc = _decode(_NAMED, line).doc
                    if not doc.strip():
                        raise ValueError(f"doc is {doc!r}, not a document's name")
                except (ValueError, RecursionError) as exc:  # msgspec's errors are ValueErrors
                    failures.append(Failure(str(at), f"not a record: {exc}"))
                    continue
                yield doc, at
        except OSError as exc:
            failures.append(Failure(str(path), os_reason(exc)))


def _records(path: Path) -> Iterator[tuple[int, bytes]]:
    """(offset, bytes) of each line of a `.jsonl` file, or of the whole of a `.json` one,
    read as a stream. A byte order mark, which some editors write, is skipped: the first
    record starts after it."""
    with path.open("rb") as f:
        offset = len(codecs.BOM_UTF8) if f.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8 else 0
        f.seek(offset)
        if path.suffix != ".jsonl":
            yield offset, f.read()
            return
        for line in f:
            yield offset, line
            offset += len(line)


class _Named(msgspec.Struct):
    """What `read_items` needs of a record: its document's name. Decoding into this reads
    past the rest without making it into objects (a record of 10,000 generated pages is
    16 KB, most of it evidence)."""

    doc: str


_NAMED = msgspec.json.Decoder(_Named)
_RECORD = msgspec.json.Decoder(DocumentRecord)


def read_record(data: bytes) -> DocumentRecord:
    """A record from its JSON, checked so that a bad one fails here, alone, and not in the
    write of its whole batch or in reading the store back: msgspec builds the dataclasses
    of extraction/records.py and holds every field to its declared type (an offset written
    "12" would go into the embedded store as an integer that cannot be read back), and it
    refuses text that cannot be stored (a lone surrogate from a `\\ud800` escape cannot be
    written as UTF-8). Keys a record has beyond those fields are ignored."""
    return _decode(_RECORD, data)


def _decode(decoder: msgspec.json.Decoder, data: bytes) -> Any:
    """`decoder.decode(data)`, saying what is wrong where msgspec's message does not: of a
    string with a lone surrogate escape at its end (`"…\\ud800"`) it says that the input
    was truncated. The standard library reads such a string, and cannot write it as UTF-8."""
    try:
        return decoder.decode(data)
    except msgspec.ValidationError:
        raise
    except msgspec.DecodeError as exc:
        try:
            json.dumps(json.loads(data), ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(
                "a string holds a lone surrogate escape (such as \\ud800), which cannot be "
                "stored as UTF-8"
            ) from exc
        except (ValueError, RecursionError):
            pass  # not JSON at all: msgspec's message stands
        raise


def process(item: Item) -> tuple[str, GraphBatch | str]:
    """Extract (or read) and resolve one document; a failure comes back as its message."""
    _, source = item
    where = str(source)
    try:
        if isinstance(source, RecordAt):
            record = read_record(source.read())
        elif isinstance(source, PageAt):
            record = extract_document(load_warc_page(source.path, source.offset))
        else:
            record = extract_document(load_source(source))
        batch = resolve_document(record)
        return where, _overlong(batch) or batch
    except LoadError as exc:  # a file that is not text: its reason, as the loaders say it
        return where, str(exc)
    except Exception as exc:  # any bad input is reported and skipped, the run goes on
        return where, f"{type(exc).__name__}: {exc}"


def _overlong(batch: GraphBatch) -> str | None:
    """Why a document cannot be stored: a value longer than a store indexes (a name of
    thousands of characters in a record file), which Neo4j would refuse in the write of
    the document's whole batch."""
    for node in batch.nodes.values():
        for key, value in node.props.items():
            if (node.label, key) not in INDEXED or not isinstance(value, str):
                continue
            size = len(value.encode("utf-8"))
            if size > MAX_INDEXED_BYTES:
                return (
                    f"a {node.label} {key} of {size:,} bytes, longer than the stores index "
                    f"({MAX_INDEXED_BYTES:,} bytes): the document is left out"
                )
    return None


def record_decisions(store: GraphStore) -> int:
    """Recompute the POSSIBLY_SAME_AS / DISTINCT_FROM links from the whole store."""
    links = person_decisions(store.person_contexts()) + event_decisions(store.event_contexts())
    store.replace_decisions(links)
    return len(links)


def pending_items(paths: Iterable[Path], store: GraphStore, report: IngestReport) -> list[Item]:
    """The documents to load: those not in the store yet. A document given twice is here
    twice: `ingest` loads the first of them that reads, and counts the others as there."""
    done = store.loaded_documents()
    items = []
    for item in read_items(input_files(paths, report.failures), report.failures):
        if item[0] in done:
            report.skipped.append(item[0])
        else:
            items.append(item)
    return items


def _first_of_each(items: list[Item]) -> tuple[list[Item], dict[str, deque[Item]]]:
    """Each document's first item, and the ones after it (tried if the first fails), for
    the documents given more than once only: an empty queue per document was most of a
    run's growth with the corpus (760 bytes each)."""
    first: list[Item] = []
    seen: set[str] = set()
    spares: dict[str, deque[Item]] = {}
    for item in items:
        if item[0] in seen:
            spares.setdefault(item[0], deque()).append(item)
        else:
            seen.add(item[0])
            first.append(item)
    return first, spares


@dataclass
class Chunk:
    """What a worker sends back for a few documents: their batches combined into one (fewer,
    smaller objects to unpickle and merge in the writing process, which is the one that
    bounds the speed-up of more workers), where each came from, and the failures."""

    sources: list[str]
    failures: list[Failure]
    batch: GraphBatch
    prepare_seconds: float  # CPU seconds of the store's `prepare`, in its own thread


def process_chunk(items: list[Item], prepare: Callable[[GraphBatch], None]) -> Chunk:
    """The chunk's documents resolved, combined, and `prepare`d for the store that writes
    them (GraphStore.prepare)."""
    results = [process(item) for item in items]
    batch = combine(r for _, r in results if not isinstance(r, str))
    cpu = time.thread_time()
    prepare(batch)
    return Chunk(
        [where for where, _ in results],
        [Failure(where, r) for where, r in results if isinstance(r, str)],
        batch,
        time.thread_time() - cpu,
    )


def ingest(
    items: list[Item],
    store: GraphStore,
    report: IngestReport,
    jobs: int = 1,
    batch_size: int = 50,
    advance: Callable[[str], None] = lambda where: None,
) -> IngestReport:
    """Load `items` (from `pending_items`) in batches of `batch_size` documents."""
    pending: list[GraphBatch] = []

    def flush() -> None:
        batch = combine(pending)
        started, cpu = time.perf_counter(), time.process_time()
        store.write(batch)
        report.write_seconds += time.perf_counter() - started
        report.write_cpu_seconds += time.process_time() - cpu
        report.loaded.extend(batch.documents)
        report.links += len(batch.links) + batch.made_links
        report.facts += sum(1 for k in batch.links.values() if k.type in EVIDENCE_LINKS)
        pending.clear()

    size = min(batch_size, 16)  # a batch is whole chunks: a chunk is never larger
    todo, spares = _first_of_each(items)
    work = partial(process_chunk, prepare=store.prepare)
    with _workers(jobs) if jobs > 1 else _NoPool() as pool:
        while todo:  # then, for each document whose item failed, its next item
            chunks = [todo[start : start + size] for start in range(0, len(todo), size)]
            failed: set[str] = set()
            for chunk in _bounded(pool, work, chunks, window=4 * jobs):
                report.failures.extend(chunk.failures)
                failed.update(f.source for f in chunk.failures)
                pending.append(chunk.batch)
                report.prepare_seconds += chunk.prepare_seconds
                if sum(len(b.documents) for b in pending) >= batch_size:
                    flush()
                for where in chunk.sources:
                    advance(where)
            if pending:
                flush()
            todo = [
                spares[doc].popleft()
                for doc, source in todo
                if str(source) in failed and spares.get(doc)
            ]
    for doc, source in (item for left in spares.values() for item in left):
        report.skipped.append(doc)  # its document was loaded from an item before it
        advance(str(source))
    record_decisions(store)
    return report


def _workers(jobs: int) -> Any:
    """A Pool of `jobs` extraction processes, forked from a server that has loaded and run
    the extractor once (graph/warm.py).

    Not forked from this process, which holds the store open (RocksDB's threads, or the
    Neo4j driver's connections): a child forked from it would inherit them half-copied.
    Not spawned either, as they were: each worker then started an interpreter and loaded
    jieba and the lexicons itself, a second of CPU apiece that the extraction does not
    share. The fork server is a clean process (started like a spawned one), does that
    once, and forks the workers ready to extract; it lasts as long as this process.
    `__main__` is preloaded too (the fork server's default): else every worker would run
    the main module again (the okg script imports every command) before its first task.
    """
    context = get_context("forkserver")
    context.set_forkserver_preload(["__main__", "graph.warm"])
    return context.Pool(jobs)


def warm_up() -> None:
    """Extract a short text, so that jieba, the lexicons and the patterns the extractor
    loads on first use are loaded (graph/warm.py runs it in the workers' fork server). Its
    one name is an anonymised one: names of people never appear in code."""
    extract_document(build_document("warm-up", "warm-up", _WARM_UP_TEXT))


_WARM_UP_TEXT = (
    "2024年3月5日，市委召开常委会会议，市长王某出席并讲话。\n"
    "市委常委、宣传部部长到县人民医院调研，县委书记陪同。\n"
)


def _bounded(
    pool: Any, work: Callable[[list[Item]], Chunk], chunks: list[list[Item]], window: int
) -> Iterator[Chunk]:
    """`work` (`process_chunk`) over the chunks, in order, with at most two windows in flight.

    Pool.imap alone hands every chunk to the workers at once and keeps their results until
    they are read: when writing is slower than extracting, the results of the whole corpus
    pile up in memory. One window is extracted while the one before is written.
    """
    ahead: deque[Iterator[Chunk]] = deque()
    for start in range(0, len(chunks), window):
        ahead.append(pool.imap(work, chunks[start : start + window]))
        if len(ahead) == 2:
            yield from ahead.popleft()
    while ahead:
        yield from ahead.popleft()


class _NoPool:
    """In-process stand-in for a Pool of one, without the cost of a worker."""

    def __enter__(self) -> _NoPool:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def imap(self, fn: Callable, items: Iterable) -> Iterator:
        return map(fn, items)
