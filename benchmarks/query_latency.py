"""Latency of every canned query on the embedded store loaded with a generated corpus.

    python benchmarks/query_latency.py [--docs 10000] [--runs 300] [--dir DIR] [--corpus DIR]
                                       [--json]

The corpus (benchmarks/generate_corpus.py) and the store loaded from its true records are
kept in DIR (default: the temp folder's okg-query-latency/) and reused by later runs; the
load time is saved beside the store. `--corpus` names another folder that holds the corpus
(`corpus-N/gold.jsonl`), only read, so that corpora generated once serve every checkout.
Each query then runs `--runs` times through queries/run.py (as `okg query` runs it, rows
normalised) with realistic arguments drawn from the store: officials who hold posts, events
with attendees, bodies with posts, pairs of people of one city for `path` (and some of two
cities, which no chain joins), facts for `evidence`, and for the lookup's steps names and
parts of names. Printed: p50, p90 and p99 in milliseconds per query, whether p90 is under
the 50 ms bar, and the p90 of the CPU time (`--only` names the queries to time).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import write_corpus  # noqa: E402

from graph.embedded import EmbeddedStore  # noqa: E402
from graph.ingest import IngestReport, ingest, pending_items  # noqa: E402
from graph.store import summary  # noqa: E402
from queries.catalog import LOOKUP_QUERIES, catalog  # noqa: E402
from queries.run import run  # noqa: E402

BAR_MS = 50.0
Args = dict[str, str]


def loaded_store(
    folder: Path, docs: int, corpora: Path | None = None
) -> tuple[EmbeddedStore, float]:
    """The store of `docs` generated documents, loaded now or by an earlier run; load seconds.
    The corpus is `corpora/corpus-N` (default: in `folder`), generated there if missing; a
    store loaded already does not need it."""
    corpus, saved = (corpora or folder) / f"corpus-{docs}", folder / f"store-{docs}.json"
    store = EmbeddedStore(folder / f"store-{docs}")
    if saved.exists() and len(store.loaded_documents()) == docs:
        return store, json.loads(saved.read_text())["load_seconds"]
    if not (corpus / "gold.jsonl").exists():
        write_corpus(corpus, docs)
    started = time.perf_counter()
    report = IngestReport()
    ingest(pending_items([corpus / "gold.jsonl"], store, report), store, report, batch_size=200)
    seconds = time.perf_counter() - started
    saved.write_text(json.dumps({"load_seconds": seconds, "documents": docs}))
    return store, seconds


def _column(store: EmbeddedStore, text: str, *names: str) -> list[tuple]:
    return [tuple(row[n] for n in names) for row in store.query(text)]


def arguments(store: EmbeddedStore, rng: random.Random, n: int = 60) -> dict[str, list[Args]]:
    """Realistic arguments for each query, `n` of each, drawn from the store."""
    officials = _column(
        store, "SELECT DISTINCT ?p ?city WHERE { ?p org:holds ?x ; okg:anchor ?city }", "p", "city"
    )
    events = _column(
        store, "SELECT DISTINCT ?e ?name WHERE { ?e schema:attendee ?p ; schema:name ?name }", "e"
    )
    events = [e for (e,) in events]
    posts = [p for (p,) in _column(store, "SELECT ?p WHERE { ?p a org:Post }", "p")]
    bodies = [b for (b,) in _column(store, "SELECT DISTINCT ?b WHERE { ?x org:postIn ?b }", "b")]
    taking_part = _column(store, "SELECT ?p ?e WHERE { ?e schema:attendee ?p }", "p", "e")
    holding = _column(
        store, "SELECT ?p ?o WHERE { ?m org:member ?p ; org:organization ?o }", "p", "o"
    )
    names = _column(store, "SELECT ?n WHERE { ?e schema:name ?n ; a schema:Event }", "n")
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
    texts = [name for (name,) in rng.sample(names, n)]
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
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument(
        "--dir", type=Path, default=Path(tempfile.gettempdir()) / "okg-query-latency"
    )
    parser.add_argument("--corpus", type=Path, help="the folder of corpus-N (default: --dir)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", nargs="+", choices=list(catalog()), help="these queries only")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

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
        results[name]["cpu_p90"] = round(percentiles(cpu)["p90"], 2)
    store.close()

    if args.json:
        print(json.dumps({"load_seconds": round(load_seconds, 1), "graph": counts, "ms": results}))
        return
    title = (
        f"query latency, embedded store, {counts['documents']:,} documents "
        f"({counts['persons']:,} persons, {counts['events']:,} events, {counts['links']:,} facts; "
        f"loaded in {load_seconds:.0f} s), {args.runs} runs each"
    )
    table = Table(
        "query", "p50 ms", "p90 ms", "p99 ms", f"p90 < {BAR_MS:.0f} ms", "p90 CPU ms", title=title
    )
    for name, r in results.items():
        ok = "yes" if r["p90"] < BAR_MS else "NO"
        label = f"{name} (lookup step)" if name in LOOKUP_QUERIES else name
        cells = [f"{r[k]:.1f}" for k in ("p50", "p90", "p99")]
        table.add_row(label, *cells, ok, f"{r['cpu_p90']:.1f}")
    Console().print(table)


if __name__ == "__main__":
    main()
