"""Batches: documents' graphs gathered until a batch holds enough documents, then written
to the store in one `write`, what it wrote and what it cost counted in the run's report.

A batch is the unit a store writes whole (GraphStore.write), so its size trades the cost of
each write (a bulk load's files, a transaction's round trips) against what an interrupted
run has to do again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from officials_kg.graph.model import GraphBatch, combine
from officials_kg.graph.report import IngestReport
from officials_kg.graph.store import GraphStore, Prepared, combine_prepared
from officials_kg.graph.vocab import EVIDENCE_LINKS


@dataclass
class Batches:
    """Writes to `store` a batch of at least `size` documents as soon as it has them
    (`add`), and what is left when told (`flush`), counting into `report`."""

    store: GraphStore
    report: IngestReport
    size: int = 50
    _graphs: list[GraphBatch] = field(default_factory=list)
    _prepared: list[Prepared] = field(default_factory=list)
    _documents: int = 0

    def add(self, batch: GraphBatch, prepared: Prepared) -> None:
        """Some documents' graph and what the store's `prepare` made of it."""
        self._graphs.append(batch)
        self._prepared.append(prepared)
        self._documents += len(batch.documents)
        if self._documents >= self.size:
            self.flush()

    def flush(self) -> None:
        """Write what was added since the last write, if anything."""
        if not self._graphs:
            return
        batch, prepared = combine(self._graphs), combine_prepared(self._prepared)
        self._graphs, self._prepared, self._documents = [], [], 0
        report = self.report
        started, cpu = time.perf_counter(), time.process_time()
        self.store.write(batch, prepared)
        report.write_seconds += time.perf_counter() - started
        report.write_cpu_seconds += time.process_time() - cpu
        report.loaded.extend(batch.documents)
        report.links += len(batch.links) + prepared.links
        report.facts += sum(1 for k in batch.links.values() if k.type in EVIDENCE_LINKS)
