"""Load throughput of each store: links written per second, on a generated corpus.

    python benchmarks/load_speed.py [--docs 10000] [--stores embedded,neo4j] [--batch 200]
                                    [--corpus DIR] [--extract --jobs 2] [--clear]
                                    [--warmup 1000]

The corpus (benchmarks/generate_corpus.py) is made once in DIR (default
build/corpus-<docs>) and reused. By default the documents' true records (gold.jsonl)
are loaded, so the figures are the graph's own (resolution and writes), not the
extractor's; `--extract` reads the texts through the extractor instead. Each store
starts empty: the embedded one in a temporary folder, Neo4j at $NEO4J_URI (or
$NEO4J_TEST_URI), which must be empty unless `--clear` is given. Before its timed load,
Neo4j is warmed up: `--warmup` pages of another corpus (seed 2, made once beside the
corpus) are loaded and deleted again, untimed, so that the figures are those of a server
whose JIT has compiled the write path, as a server that has run for a while has. A server
just started wrote 10,000 pages at 13,900 links/s, a warm one at 16,400–21,500 (the 1,000
pages that warmed it went at 6,900). `--warmup 0` measures the server as it is.

links/s counts every relationship written (facts, structure, mentions) over the time
spent in the stores' `write` and `prepare` (the lines a store makes where a batch is
resolved: counted, so that work moved out of `write` is not work saved; the CPU seconds of
`prepare`'s own thread, as RocksDB's compactions run in other threads of the process
meanwhile, and are the store's work between writes, not `prepare`'s); facts/s counts
the evidence-bearing ones only. On a shared
machine wall time is what others leave us, so also printed: the CPU seconds of the writes
(this process's, RocksDB's threads included) and links per such second, the CPU seconds of
this process over the whole run, the load average at the end, and its peak memory
(ru_maxrss, and the largest extraction worker's): run one store per process (`--stores
embedded`) to read the peak as that store's, and compare two corpus sizes to see that it
does not grow with the corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import write_corpus  # noqa: E402

from officials_kg.graph.embedded import EmbeddedStore  # noqa: E402
from officials_kg.graph.ingest import IngestReport, ingest, pending_items  # noqa: E402
from officials_kg.graph.neo4j_store import Neo4jStore  # noqa: E402
from officials_kg.graph.store import GraphStore, summary  # noqa: E402


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def load(store: GraphStore, inputs: list[Path], jobs: int, batch: int) -> dict[str, float]:
    report = IngestReport()
    cpu = _cpu_seconds()
    started = time.perf_counter()
    items = pending_items(inputs, store, report)
    ingest(items, store, report, jobs=jobs, batch_size=batch)
    wall = time.perf_counter() - started
    counts = summary(store)
    writing = report.write_seconds + report.prepare_seconds  # the store's work on the batches
    return {
        "documents": len(report.loaded),
        "failures": len(report.failures),
        "links_written": report.links,
        "facts_written": report.facts,
        "write_seconds": round(report.write_seconds, 2),
        "write_cpu_seconds": round(report.write_cpu_seconds, 2),
        "prepare_cpu_seconds": round(report.prepare_seconds, 2),
        "wall_seconds": round(wall, 2),
        "links_per_second": round(report.links / writing),
        "facts_per_second": round(report.facts / writing),
        "links_per_cpu_second": round(
            report.links / (report.write_cpu_seconds + report.prepare_seconds)
        ),
        "documents_per_second": round(len(report.loaded) / wall, 1),
        "cpu_seconds": round(_cpu_seconds() - cpu, 1),
        "peak_mib": round(_peak_mib(resource.RUSAGE_SELF)),
        "worker_peak_mib": round(_peak_mib(resource.RUSAGE_CHILDREN)),
        "load_average": round(os.getloadavg()[0], 1),
        "persons": counts["persons"],
        "events": counts["events"],
        "facts_in_store": counts["facts"],
    }


def connect_neo4j() -> Neo4jStore:
    """The Neo4j at $NEO4J_URI (or $NEO4J_TEST_URI), as `okg` would connect to it."""
    uri = os.environ.get("NEO4J_URI") or os.environ.get("NEO4J_TEST_URI")
    if not uri:
        raise SystemExit("no Neo4j: set NEO4J_URI (or NEO4J_TEST_URI), or --stores embedded")
    return Neo4jStore(
        uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "")
    )


def empty_neo4j(store: Neo4jStore, clear: bool) -> None:
    """Delete what the database holds if `clear`; else stop if it holds anything."""
    if not store.node_counts()["Document"]:
        return
    if not clear:
        raise SystemExit(f"the Neo4j database at {store.uri} is not empty; --clear empties it")
    with store.driver.session() as session:  # IN TRANSACTIONS needs an auto-commit query
        session.run(
            "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()


def warm_up(corpus: Path, docs: int, batch: int) -> dict[str, float]:
    """Load the true records of `docs` pages of another corpus (seed 2, generated in `corpus`
    if missing) into the empty Neo4j, then delete them again; the load's figures. Through a
    connection of its own: a store remembers what it wrote (graph/written.py) and skips it
    later, and the timed load would skip what the warm-up wrote and deleted."""
    if not (corpus / "gold.jsonl").exists():
        write_corpus(corpus, docs, seed=2)
    with connect_neo4j() as store:
        figures = load(store, [corpus / "gold.jsonl"], jobs=1, batch=batch)
        empty_neo4j(store, clear=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--batch", type=int, default=200, help="documents per transaction")
    parser.add_argument("--extract", action="store_true", help="extract the texts")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--clear", action="store_true", help="empty a non-empty Neo4j")
    parser.add_argument(
        "--warmup", type=int, default=1000, help="pages of another corpus Neo4j loads first"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    corpus = args.corpus or Path("build") / f"corpus-{args.docs}"
    gold = corpus / "gold.jsonl"
    if not gold.exists():
        write_corpus(corpus, args.docs)
    inputs = sorted(corpus.glob("*.txt")) if args.extract else [gold]

    results = {}
    for name in args.stores.split(","):
        if name == "embedded":
            with tempfile.TemporaryDirectory() as folder:
                store: GraphStore = EmbeddedStore(Path(folder))
                results[name] = load(store, inputs, args.jobs, args.batch)
                store.close()
        else:
            store = connect_neo4j()
            empty_neo4j(store, args.clear)
            if args.warmup:
                warm_up(corpus.parent / f"warmup-{args.warmup}", args.warmup, args.batch)
            results[name] = load(store, inputs, args.jobs, args.batch)
            results[name]["warmup_documents"] = args.warmup
            store.close()

    if args.json:
        print(json.dumps(results, indent=2))
        return
    table = Table("", *results, title=f"load throughput, {corpus} ({args.batch} docs/batch)")
    for key in dict.fromkeys(k for r in results.values() for k in r):  # Neo4j's has more
        table.add_row(key, *(f"{r[key]:,}" if key in r else "-" for r in results.values()))
    Console().print(table)


if __name__ == "__main__":
    main()
