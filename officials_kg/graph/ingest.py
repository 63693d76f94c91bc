"""The ingest pipeline: files → extraction records → resolved batches → a store.

Its parts, each a module of its own: finding the documents (graph/sources.py), reading
records (graph/record_json.py), extracting and resolving one document (graph/item_batch.py)
in the extraction workers (graph/workers.py), and writing batches (graph/batching.py). Here
they are put together: documents already in the store are skipped before any work, a
document given more than once is loaded from the first of its inputs that reads, and each
batch of documents is written whole, so an interrupted run leaves whole documents only, and
running it again loads the rest: the same graph as one full run, because every id comes
from content (graph/resolve.py). The same-name decisions are recomputed from the whole
store at the end of every run.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path

from officials_kg.graph.batching import Batches
from officials_kg.graph.record_json import read_record
from officials_kg.graph.report import Failure, IngestReport
from officials_kg.graph.resolve import event_decisions, person_decisions
from officials_kg.graph.sources import Item, PageAt, RecordAt, input_files, read_items
from officials_kg.graph.store import GraphStore
from officials_kg.graph.workers import CHUNK, Workers

__all__ = [
    "Failure",
    "IngestReport",
    "Item",
    "PageAt",
    "RecordAt",
    "ingest",
    "pending_items",
    "read_record",
    "record_decisions",
]


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


def ingest(
    items: list[Item],
    store: GraphStore,
    report: IngestReport,
    jobs: int = 1,
    batch_size: int = 50,
    advance: Callable[[str], None] = lambda where: None,
) -> IngestReport:
    """Load `items` (from `pending_items`) in batches of `batch_size` documents, extracted
    by `jobs` processes; `advance` is called with each item's source once it is done (the
    progress bar of `okg ingest`). Each document's first item is tried, then, for each
    document whose item failed, its next one, until one reads or none is left. The store's
    errors are raised: the documents written before are whole."""
    batches = Batches(store, report, batch_size)
    todo, spares = _first_of_each(items)
    with Workers(jobs, store.prepare) as workers:
        while todo:
            failed: set[str] = set()
            for chunk in workers.chunks(todo, min(batch_size, CHUNK)):
                report.failures.extend(chunk.failures)
                failed.update(f.source for f in chunk.failures)
                report.prepare_seconds += chunk.prepare_seconds
                batches.add(chunk.batch, chunk.prepared)
                for where in chunk.sources:
                    advance(where)
            batches.flush()
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


def record_decisions(store: GraphStore) -> int:
    """Recompute the POSSIBLY_SAME_AS / DISTINCT_FROM links from the whole store."""
    links = person_decisions(store.person_contexts()) + event_decisions(store.event_contexts())
    store.replace_decisions(links)
    return len(links)
