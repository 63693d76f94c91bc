"""How fast the embedded store gives back its whole graph, as every `okg export` reads it.

    python benchmarks/read_speed.py [--docs 10000] [--dir DIR] [--corpus DIR] [--rounds 3]
                                    [--json]

The store is the one `query_latency.py` keeps in DIR (loaded from the corpus's true records
on the first run, reused after). Each round times, in this order, the reference and then
the read:

- the reference: pyoxigraph's own dump of the default graph as N-Triples, in Rust, which
  decodes every triple the read needs and more (the read skips class triples and shortcut
  triples); a floor no reader in Python goes under;
- the read: `to_networkx(store)`, every node label and link type through `nodes` and
  `links`, each timed.

Printed: the medians over the rounds, and the read's time as a ratio to the reference's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pyoxigraph import DefaultGraph, RdfFormat
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))

from query_latency import loaded_store  # noqa: E402

from officials_kg.graph.embedded import EmbeddedStore  # noqa: E402
from officials_kg.graph.to_networkx import to_networkx  # noqa: E402
from officials_kg.graph.vocab import LINK_TYPES, NODE_TYPES  # noqa: E402


def dump_seconds(store: EmbeddedStore) -> tuple[float, int]:
    """Seconds of the engine's N-Triples dump of the default graph, and its triples."""
    started = time.perf_counter()
    text = store.store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    seconds = time.perf_counter() - started
    return seconds, text.count(b"\n")


def kind_seconds(store: EmbeddedStore) -> dict[str, tuple[float, int]]:
    """Seconds and items of reading each node label and link type alone."""
    out = {}
    for name, read in [
        *((label, store.nodes) for label in NODE_TYPES),
        *((link_type, store.links) for link_type in LINK_TYPES),
    ]:
        started = time.perf_counter()
        items = sum(1 for _ in read(name))
        out[name] = (time.perf_counter() - started, items)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument(
        "--dir", type=Path, default=Path(tempfile.gettempdir()) / "okg-query-latency"
    )
    parser.add_argument("--corpus", type=Path, help="the folder of corpus-N (default: --dir)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    args.dir.mkdir(parents=True, exist_ok=True)
    store, _ = loaded_store(args.dir, args.docs, args.corpus)
    dumps, reads, kinds = [], [], []
    for _ in range(args.rounds):
        seconds, triples = dump_seconds(store)
        dumps.append(seconds)
        started = time.perf_counter()
        graph = to_networkx(store)
        reads.append(time.perf_counter() - started)
        kinds.append(kind_seconds(store))
    store.close()

    result = {
        "documents": args.docs,
        "triples_dumped": triples,
        "nodes": graph.number_of_nodes(),
        "links": graph.number_of_edges(),
        "dump_seconds": round(statistics.median(dumps), 2),
        "read_seconds": round(statistics.median(reads), 2),
        "read_to_dump": round(statistics.median(reads) / statistics.median(dumps), 2),
        "kinds": {
            name: {
                "items": kinds[0][name][1],
                "seconds": round(statistics.median(k[name][0] for k in kinds), 2),
            }
            for name in kinds[0]
        },
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    title = (
        f"reading the graph of {args.docs:,} documents ({result['nodes']:,} nodes, "
        f"{result['links']:,} links), medians of {args.rounds} rounds"
    )
    table = Table("", "items", "seconds", title=title)
    for name, kind in result["kinds"].items():
        table.add_row(f"  {name}", f"{kind['items']:,}", f"{kind['seconds']:.2f}")
    table.add_row("to_networkx (the read)", "", f"{result['read_seconds']:.2f}")
    table.add_row("dump (the reference)", f"{triples:,} triples", f"{result['dump_seconds']:.2f}")
    table.add_row("read ÷ dump", "", f"{result['read_to_dump']:.2f}")
    Console().print(table)


if __name__ == "__main__":
    main()
