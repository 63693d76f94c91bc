"""`okg ingest --jobs N` against `--jobs 1`: the speed-up of extracting in N processes.

    python benchmarks/jobs_speedup.py [--docs 2000] [--jobs 2] [--rounds 2] [--corpus DIR]

Ingests the first `--docs` texts of a generated corpus (benchmarks/generate_corpus.py,
made in DIR, default build/corpus-10000, if missing) into a fresh embedded store, as
`okg ingest` does (graph.ingest: extraction, resolution, writes, decisions), with 1 job and
with N, alternately (1, N, 1, N …) so that the load others put on the machine falls on both
alike. Each run is a fresh Python process, as each `okg ingest` is: nothing loaded by one
run (jieba, the lexicons, the workers' fork server) serves the next.

Printed: each run's wall time, documents per second, CPU seconds of the writing process
and of its workers (the fork server's included), and the load average; then the
speed-up, the median 1-job time over the median N-job time, and its ceiling: the 1-job
time over the N-job run's CPU seconds shared evenly by the cores (on 2 cores, if one job
already keeps more than a core busy, which RocksDB's threads do, or two jobs cost more CPU
than one, the ceiling is under 2). The workers extract and resolve; the writing process
writes, so the speed-up is bounded by the writes' share of the work as well as by the
cores left free by others.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import write_corpus  # noqa: E402

from officials_kg.graph.embedded import EmbeddedStore  # noqa: E402
from officials_kg.graph.ingest import IngestReport, ingest, pending_items  # noqa: E402

_TICK = os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    """CPU seconds of this process, its threads included."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _children_cpu() -> float:
    """CPU seconds of this process's children, live or ended, and of the children they
    ended: the workers are the fork server's, which outlives the run, so /proc is read."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = usage.ru_utime + usage.ru_stime
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[1]) == os.getpid():  # ppid; then utime, stime, cutime, cstime
            total += sum(int(f) for f in fields[11:15]) / _TICK
    return total


def run(texts: list[Path], jobs: int, batch: int) -> dict[str, float]:
    """Wall seconds of ingesting `texts` into a fresh store with `jobs` processes, and the
    CPU seconds of the writing process and of its workers (none with 1 job)."""
    with tempfile.TemporaryDirectory() as folder, EmbeddedStore(Path(folder)) as store:
        report = IngestReport()
        own, workers, started = _own_cpu(), _children_cpu(), time.perf_counter()
        ingest(pending_items(texts, store, report), store, report, jobs=jobs, batch_size=batch)
        wall = time.perf_counter() - started
        if report.failures or len(report.loaded) != len(texts):
            raise SystemExit(f"{len(report.failures)} failures: {report.failures[:3]}")
        return {
            "wall": wall,
            "writer_cpu": _own_cpu() - own,
            "workers_cpu": _children_cpu() - workers,
            "load": os.getloadavg()[0],
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch", type=int, default=200, help="documents per transaction")
    parser.add_argument("--corpus", type=Path, default=Path("build") / "corpus-10000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a run, in this process
    args = parser.parse_args()
    if not (args.corpus / "gold.jsonl").exists():
        write_corpus(args.corpus, max(args.docs, 10_000))
    texts = sorted(args.corpus.glob("*.txt"))[: args.docs]
    if args.one:
        print(json.dumps(run(texts, args.one, args.batch)))
        return
    chars = sum(len(t.read_text(encoding="utf-8")) for t in texts)
    print(f"{len(texts)} generated documents, {chars:,} characters, batches of {args.batch}")

    walls: dict[int, list[float]] = {1: [], args.jobs: []}
    cpus: dict[int, list[float]] = {1: [], args.jobs: []}
    for _ in range(args.rounds):
        for jobs in walls:
            one = [sys.executable, __file__, "--one", str(jobs), "--docs", str(args.docs)]
            one += ["--batch", str(args.batch), "--corpus", str(args.corpus)]
            r = json.loads(subprocess.run(one, check=True, capture_output=True).stdout)
            walls[jobs].append(r["wall"])
            cpus[jobs].append(r["writer_cpu"] + r["workers_cpu"])
            print(
                f"--jobs {jobs}: {r['wall']:6.1f} s, {len(texts) / r['wall']:6.1f} documents/s, "
                f"CPU s: {r['writer_cpu']:5.1f} writer + {r['workers_cpu']:5.1f} workers = "
                f"{r['writer_cpu'] + r['workers_cpu']:5.1f}; load average {r['load']:.1f}",
                flush=True,
            )
    one, many = (statistics.median(walls[j]) for j in walls)
    print(f"speed-up 1 → {args.jobs} jobs: {one / many:.2f}x (median wall time of each)")
    cores = len(os.sched_getaffinity(0))
    floor = statistics.median(cpus[args.jobs]) / min(cores, args.jobs + 1)
    print(
        f"ceiling on {cores} cores: {one / floor:.2f}x (the {args.jobs}-job run's CPU seconds, "
        f"spread evenly over the {min(cores, args.jobs + 1)} cores its processes can use, "
        "against the 1-job time)"
    )


if __name__ == "__main__":
    main()
