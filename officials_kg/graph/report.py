"""What a load says it did: the documents loaded and skipped, the inputs that failed and why,
and what the writes cost (`okg ingest` prints it; benchmarks/load_speed.py reads it)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Failure:
    """An input that could not be read, extracted or stored: where (a file, `file:line` of a
    record file, `archive@offset (uri)`) and why, in words for the user."""

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
