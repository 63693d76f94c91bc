"""Latency of every canned query on a store loaded with a generated corpus.

    python benchmarks/query_latency.py [--store embedded|neo4j] [--docs 10000] [--runs 300]
                                       [--dir DIR] [--corpus DIR] [--clear] [--json]

The corpus (benchmarks/generate_corpus.py) is kept in DIR (default: the temp folder's
okg-query-latency/) and reused by later runs; `--corpus` names another folder that holds it
(`corpus-N/gold.jsonl`), only read, so that corpora generated once serve every checkout.
The embedded store loaded from its true records is kept in DIR too, its load time saved
beside it. Neo4j is the one at $NEO4J_URI (or $NEO4J_TEST_URI): used as it is if it holds
the corpus and nothing else, else loaded, if it is empty or `--clear` empties it.
Each query then runs `--runs` times through queries/run.py (as `okg query` runs it, rows
normalised) with realistic arguments drawn from the store, the same in both stores for the
same corpus: officials who hold posts, events with attendees, bodies with posts, pairs of
people of one city for `path` (and some of two cities, which no chain joins), facts for
`evidence`, and for the lookup's steps names and parts of names. Printed: p50, p90 and p99
in milliseconds per query, whether p90 is under the 50 ms bar, and, for the embedded store,
which answers in this process, the p90 of the CPU time (`--only` names the queries to time).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import write_corpus  # noqa: E402
from load_speed import connect_neo4j, empty_neo4j  # noqa: E402

from officials_kg.graph.embedded import EmbeddedStore  # noqa: E402
from officials_kg.graph.ingest import IngestReport, ingest, pending_items  # noqa: E402
from officials_kg.graph.model import Link  # noqa: E402
from officials_kg.graph.neo4j_store import Neo4jStore  # noqa: E402
from officials_kg.graph.store import GraphStore, summary  # noqa: E402
from officials_kg.queries.catalog import LOOKUP_QUERIES, catalog  # noqa: E402
from officials_kg.queries.run import run  # noqa: E402

BAR_MS = 50.0
Args = dict[str, str]


def _load(store: GraphStore, corpus: Path, docs: int) -> float:
    """Ingest the true records of `corpus` (generated there if missing); seconds."""
    if not (corpus / "gold.jsonl").exists():
        write_corpus(corpus, docs)
    started = time.perf_counter()
    report = IngestReport()
    ingest(pending_items([corpus / "gold.jsonl"], store, report), store, report, batch_size=200)
    return time.perf_counter() - started


def loaded_store(
    folder: Path, docs: int, corpora: Path | None = None
) -> tuple[EmbeddedStore, float]:
    """The embedded store of `docs` generated documents, loaded now or by an earlier run;
    load seconds. The corpus is `corpora/corpus-N` (default: in `folder`), generated there if
    missing; a store loaded already does not need it."""
    corpus, saved = (corpora or folder) / f"corpus-{docs}", folder / f"store-{docs}.json"
    store = EmbeddedStore(folder / f"store-{docs}")
    if saved.exists() and len(store.loaded_documents()) == docs:
        return store, json.loads(saved.read_text())["load_seconds"]
    seconds = _load(store, corpus, docs)
    saved.write_text(json.dumps({"load_seconds": seconds, "documents": docs}))
    return store, seconds


def loaded_neo4j(corpus: Path, docs: int, clear: bool) -> tuple[Neo4jStore, float | None]:
    """The Neo4j at $NEO4J_URI holding the `docs` documents of `corpus`: as found if it
    holds them and nothing else (load seconds None), else loaded now into a database that
    is empty or that `clear` empties."""
    store = connect_neo4j()
    gold = corpus / "gold.jsonl"
    held = len(store.loaded_documents()) == docs
    if held and gold.exists() and not pending_items([gold], store, IngestReport()):
        return store, None
    try:
        empty_neo4j(store, clear)
        return store, _load(store, corpus, docs)
    except BaseException:
        store.close()
        raise


def _pairs(links: Iterable[Link]) -> list[tuple[str, str]]:
    return sorted({(k.source, k.target) for k in links})


def arguments(store: GraphStore, rng: random.Random, n: int = 60) -> dict[str, list[Args]]:
    """Realistic arguments for each query, `n` of each, drawn from the store through the
    interface both stores have, in sorted order: the same graph gives the same arguments
    in either store."""
    anchor = {p.id: p.props.get("anchor") for p in store.nodes("Person")}
    holds = list(store.links("HOLDS"))
    officials = sorted({(k.source, anchor[k.source]) for k in holds if anchor[k.source]})
    holding = sorted({(k.source, str(k.props["org"])) for k in holds if k.props.get("org")})
    taking_part = _pairs(store.links("PARTICIPATED_IN"))
    events = sorted({e for _, e in taking_part})
    posts = sorted(p.id for p in store.nodes("Post"))
    bodies = sorted({b for _, b in _pairs(store.links("POST_IN"))})
    names = sorted({str(e.props["name"]) for e in store.nodes("Event")})
    by_city: dict[str, list[str]] = {}
    for person, city in officials:
        by_city.setdefault(city, []).append(person)

    def pair() -> Args:
        if rng.random() < 0.8:  # mostly colleagues of one city, some strangers
            city = rng.choice([c for c, ps in by_city.items() if len(ps) > 1])
            a, b = rng.sample(by_city[city], 2)
        else:
            (a, _), (b, _) = rng.sample(officials, 2)
        return {"person": a, "other": b}

    def fact() -> Args:
        a, b = rng.choice(taking_part if rng.random() < 0.7 else holding)
        return {"subject": a, "object": b}

    person = [{"person": p} for p, _ in rng.sample(officials, n)]
    texts = rng.sample(names, n)
    return {
        "attendees": [{"meeting": e} for e in rng.sample(events, n)],
        "meetings": person,
        "posts": person,
        "holders": [
            {"post_or_body": x} for x in rng.sample(posts, n // 2) + rng.sample(bodies, n // 2)
        ],
        "members": [{"body": b} for b in rng.sample(bodies, n)],
        "comeet": person,
        "path": [pair() for _ in range(n)],
        "timeline": person,
        "evidence": [fact() for _ in range(n)],
        "named": [{"text": t} for t in texts],
        "find": [{"text": t[2:6]} for t in texts],
        "context": [{"entity": e} for e in rng.sample(events + posts + bodies, n)],
    }


def percentiles(times: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return {"p50": cuts[49], "p90": cuts[89], "p99": cuts[98]}


def measure(call: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds per call: elapsed, and the CPU time of this process, which the other
    jobs of a shared machine do not stretch (pyoxigraph answers in the calling thread)."""
    for _ in range(3):  # warm the caches, as a store in use is
        call()
    elapsed, cpu = [], []
    for _ in range(runs):
        started, used = time.perf_counter(), time.process_time()
        call()
        elapsed.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", choices=["embedded", "neo4j"], default="embedded")
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument(
        "--dir", type=Path, default=Path(tempfile.gettempdir()) / "okg-query-latency"
    )
    parser.add_argument("--corpus", type=Path, help="the folder of corpus-N (default: --dir)")
    parser.add_argument("--clear", action="store_true", help="empty a Neo4j holding another")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", nargs="+", choices=list(catalog()), help="these queries only")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    store: GraphStore
    if args.store == "neo4j":
        corpus = (args.corpus or args.dir) / f"corpus-{args.docs}"
        store, load_seconds = loaded_neo4j(corpus, args.docs, args.clear)
    else:
        store, load_seconds = loaded_store(args.dir, args.docs, args.corpus)
    counts = summary(store)
    samples = arguments(store, random.Random(args.seed))
    results = {}
    for name, query in catalog().items():
        if args.only and name not in args.only:
            continue
        cycle = iter(samples[name] * (args.runs // len(samples[name]) + 2))
        elapsed, cpu = measure(lambda q=query, c=cycle: run(store, q, next(c)), args.runs)
        results[name] = {k: round(v, 2) for k, v in percentiles(elapsed).items()}
        if args.store == "embedded":  # Neo4j's CPU is the server's, not this process's
            results[name]["cpu_p90"] = round(percentiles(cpu)["p90"], 2)
    store.close()

    loaded = "held already" if load_seconds is None else f"loaded in {load_seconds:.0f} s"
    if args.json:
        load = None if load_seconds is None else round(load_seconds, 1)
        print(
            json.dumps({"store": args.store, "load_seconds": load, "graph": counts, "ms": results})
        )
        return
    title = (
        f"query latency, {args.store} store, {counts['documents']:,} documents "
        f"({counts['persons']:,} persons, {counts['events']:,} events, {counts['facts']:,} facts; "
        f"{loaded}), {args.runs} runs each"
    )
    table = Table(
        "query", "p50 ms", "p90 ms", "p99 ms", f"p90 < {BAR_MS:.0f} ms", "p90 CPU ms", title=title
    )
    for name, r in results.items():
        ok = "yes" if r["p90"] < BAR_MS else "NO"
        label = f"{name} (lookup step)" if name in LOOKUP_QUERIES else name
        cells = [f"{r[k]:.1f}" for k in ("p50", "p90", "p99")]
        cpu_cell = f"{r['cpu_p90']:.1f}" if "cpu_p90" in r else "-"
        table.add_row(label, *cells, ok, cpu_cell)
    Console().print(table)


if __name__ == "__main__":
    main()
