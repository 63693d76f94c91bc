"""The extraction workers: items to resolved batches in `jobs` processes, in order.

Items go out in chunks of a few documents, and each comes back as one batch with what the
store's `prepare` made of it (`Chunk`): fewer, smaller objects to unpickle and merge in the
writing process, which is the one that bounds the speed-up of more workers. At most two
windows of chunks are in flight, so that a corpus larger than memory streams through.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from multiprocessing import get_context
from typing import Any

from officials_kg.graph.item_batch import item_batch
from officials_kg.graph.model import GraphBatch, combine
from officials_kg.graph.report import Failure
from officials_kg.graph.sources import Item
from officials_kg.graph.store import Prepared

CHUNK = 16
"""Documents per chunk at most (fewer when a batch written holds fewer, as a batch is whole
chunks): few enough that the workers share the work evenly."""


@dataclass
class Chunk:
    """What a worker sends back for a few documents: their batches combined into one, what
    the store's `prepare` made of it, where each came from, and the failures."""

    sources: list[str]
    failures: list[Failure]
    batch: GraphBatch
    prepared: Prepared
    prepare_seconds: float  # CPU seconds of the store's `prepare`, in its own thread


def process_chunk(items: list[Item], prepare: Callable[[GraphBatch], Prepared]) -> Chunk:
    """The chunk's documents resolved, combined, and `prepare`d for the store that writes
    them (GraphStore.prepare)."""
    results = [item_batch(item) for item in items]
    batch = combine(r for _, r in results if not isinstance(r, str))
    cpu = time.thread_time()
    prepared = prepare(batch)
    return Chunk(
        [where for where, _ in results],
        [Failure(where, r) for where, r in results if isinstance(r, str)],
        batch,
        prepared,
        time.thread_time() - cpu,
    )


class Workers:
    """`jobs` extraction processes (in this process for one job), used as a context."""

    def __init__(self, jobs: int, prepare: Callable[[GraphBatch], Prepared]) -> None:
        self.jobs = jobs
        self._work = partial(process_chunk, prepare=prepare)
        self._pool: Any = None

    def __enter__(self) -> Workers:
        if self.jobs > 1:
            self._pool = _pool(self.jobs)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate()  # as `with Pool()` does
            self._pool = None

    def chunks(self, items: list[Item], size: int) -> Iterator[Chunk]:
        """The items resolved, `size` documents a chunk at most, in order."""
        chunks = [items[start : start + size] for start in range(0, len(items), size)]
        if self._pool is None:
            return map(self._work, chunks)
        return _bounded(self._pool, self._work, chunks, window=4 * self.jobs)


def _pool(jobs: int) -> Any:
    """A Pool of `jobs` extraction processes, forked from a server that has loaded and run
    the extractor once (graph/warm.py).

    Not forked from this process, which holds the store open (RocksDB's threads, or the
    Neo4j driver's connections): a child forked from it would inherit them half-copied.
    Not spawned either: each worker would then start an interpreter and load jieba and the
    lexicons itself, a second of CPU apiece that the extraction does not share. The fork
    server is a clean process (started like a spawned one), does that once, and forks the
    workers ready to extract; it lasts as long as this process. `__main__` is preloaded too
    (the fork server's default): else every worker would run the main module again (the
    okg script imports every command) before its first task.
    """
    context = get_context("forkserver")
    context.set_forkserver_preload(["__main__", "officials_kg.graph.warm"])
    return context.Pool(jobs)


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
