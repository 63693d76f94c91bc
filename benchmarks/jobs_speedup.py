"""`okg ingest --jobs N` against `--jobs 1`: the speed-up of extracting in N processes.

    python benchmarks/jobs_speedup.py [--docs 2000] [--jobs 2] [--rounds 2] [--corpus DIR]

Ingests the first `--docs` texts of a generated corpus (benchmarks/generate_corpus.py,
made in DIR, default build/corpus-10000, if missing) into a fresh embedded store, as
`okg ingest` does (graph.ingest: extraction, resolution, writes, decisions), with 1 job and
with N, alternately (1, N, 1, N …) so that the load others put on the machine falls on both
alike. Printed: each run's documents per second and CPU seconds (the parent's and its
workers'), and the speed-up, the median 1-job time over the median N-job time. The
workers extract and resolve; the parent writes, so the speed-up is bounded by the writes'
share of the work as well as by the cores.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import write_corpus  # noqa: E402

from graph.embedded import EmbeddedStore  # noqa: E402
from graph.ingest import IngestReport, ingest, pending_items  # noqa: E402


def _cpu_seconds() -> float:
    return sum(
        u.ru_utime + u.ru_stime
        for u in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    )


def run(texts: list[Path], jobs: int, batch: int) -> tuple[float, float]:
    """Wall and CPU seconds of ingesting `texts` into a fresh store with `jobs` processes."""
    with tempfile.TemporaryDirectory() as folder, EmbeddedStore(Path(folder)) as store:
        report = IngestReport()
        cpu, started = _cpu_seconds(), time.perf_counter()
        ingest(pending_items(texts, store, report), store, report, jobs=jobs, batch_size=batch)
        wall = time.perf_counter() - started
        if report.failures or len(report.loaded) != len(texts):
            raise SystemExit(f"{len(report.failures)} failures: {report.failures[:3]}")
        return wall, _cpu_seconds() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch", type=int, default=200, help="documents per transaction")
    parser.add_argument("--corpus", type=Path, default=Path("build") / "corpus-10000")
    args = parser.parse_args()
    if not (args.corpus / "gold.jsonl").exists():
        write_corpus(args.corpus, max(args.docs, 10_000))
    texts = sorted(args.corpus.glob("*.txt"))[: args.docs]
    chars = sum(len(t.read_text(encoding="utf-8")) for t in texts)
    print(f"{len(texts)} generated documents, {chars:,} characters, batches of {args.batch}")

    walls: dict[int, list[float]] = {1: [], args.jobs: []}
    for _ in range(args.rounds):
        for jobs in walls:
            wall, cpu = run(texts, jobs, args.batch)
            walls[jobs].append(wall)
            print(
                f"--jobs {jobs}: {wall:6.1f} s, {len(texts) / wall:6.1f} documents/s, "
                f"{chars / wall:9,.0f} chars/s, {cpu:6.1f} CPU s"
            )
    one, many = (statistics.median(walls[j]) for j in walls)
    print(f"speed-up 1 → {args.jobs} jobs: {one / many:.2f}x (median wall time of each)")


if __name__ == "__main__":
    main()
