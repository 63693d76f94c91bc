"""How much faster N processes extract than one on this machine: the ceiling of `--jobs N`.

    python benchmarks/parallel_ceiling.py [--docs 400] [--jobs 2] [--rounds 3] [--corpus DIR]

Each process extracts and resolves the same `--docs` generated pages (the work of an
`okg ingest` worker), with nothing to send anywhere and no store to write: first one process
alone, then N at once, alternately for `--rounds` rounds. Printed: the wall and CPU seconds
of each, and the speed-up of N processes over one (N times the work, in the wall time of
the N at once against the time of one alone). No `okg ingest --jobs N` can beat it, as it
also writes, and moves its results between processes.

On a machine whose cores share caches and memory (or a virtual one whose host is busy),
a process's CPU seconds for the same pages grow when others run beside it: the CPU columns
show by how much.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from officials_kg.extraction import extract_document  # noqa: E402
from officials_kg.graph.resolve import resolve_document  # noqa: E402
from officials_kg.loaders.document import build_document  # noqa: E402

_TEXTS: list[str] = []  # read before the processes fork: reading is not the work measured


def extract_all(_: int = 0) -> float:
    """CPU seconds of extracting and resolving every text."""
    started = time.process_time()
    for i, text in enumerate(_TEXTS):
        resolve_document(extract_document(build_document(str(i), "", text)))
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=Path("build") / "corpus-10000")
    args = parser.parse_args()
    texts = sorted(args.corpus.glob("*.txt"))[: args.docs]
    if not texts:
        raise SystemExit(f"no *.txt in {args.corpus}: make one with generate_corpus.py")
    _TEXTS.extend(t.read_text(encoding="utf-8") for t in texts)
    extract_all()  # jieba, the lexicons and the caches loaded before the fork, as in a worker

    speedups = []
    with get_context("fork").Pool(args.jobs) as pool:
        for _ in range(args.rounds):
            started = time.perf_counter()
            alone_cpu = extract_all()
            alone = time.perf_counter() - started
            started = time.perf_counter()
            together_cpu = pool.map(extract_all, range(args.jobs))
            together = time.perf_counter() - started
            speedups.append(args.jobs * alone / together)
            print(
                f"1 process: {alone:5.2f} s ({alone_cpu:5.2f} CPU s); "
                f"{args.jobs} at once: {together:5.2f} s (CPU s each: "
                f"{', '.join(f'{c:.2f}' for c in together_cpu)}); "
                f"speed-up {speedups[-1]:.2f}x",
                flush=True,
            )
    print(
        f"ceiling of --jobs {args.jobs} on this machine: {statistics.median(speedups):.2f}x "
        f"(median of {args.rounds} rounds, {len(texts)} pages per process)"
    )


if __name__ == "__main__":
    main()
