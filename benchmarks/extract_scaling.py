"""Extraction time per megabyte of one file, from small to large, measured in the same run.

    python benchmarks/extract_scaling.py [--sizes 1 2 4 8 16] [--json]

Each size is one file of varied generated news (pages of benchmarks/generate_corpus.py,
from many cities, one after another, as a bound volume holds them), extracted whole by
`extraction.extract_file` as `okg extract` does. Prints the CPU seconds per MB of each
size and the ratio of the slowest to the fastest: a time per MB that grows with the file
(a rule comparing each new fact with all earlier ones) shows as a ratio far above 1; the
target is at most 1.5 from 1 to 16 MB.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from officials_kg.extraction import extract_file, is_compiled

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_corpus import generate  # noqa: E402

MB = 1_000_000


def write_volume(path: Path, size_mb: float, seed: int = 7) -> int:
    """A file of generated pages up to `size_mb` megabytes (UTF-8); returns its bytes."""
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for _, text, _ in generate(docs=10**9, seed=seed):
            out.write(text + "\n\n")
            written += len(text.encode("utf-8")) + 2
            if written >= size_mb * MB:
                break
    return written


def measure(sizes: list[float]) -> list[dict[str, float]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm-up.txt"  # jieba's dictionary and the lexicons load once
        write_volume(warm, 0.01)
        extract_file(warm)
        for size in sizes:
            path = Path(tmp) / f"volume-{size}mb.txt"
            written = write_volume(path, size)
            start = time.process_time()
            record = extract_file(path)
            seconds = time.process_time() - start
            rows.append(
                {
                    "mb": written / MB,
                    "seconds": seconds,
                    "seconds_per_mb": seconds / (written / MB),
                    "events": len(record.events),
                    "persons": len(record.persons),
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4, 8, 16])
    parser.add_argument("--json", action="store_true", help="one JSON object, for programs")
    args = parser.parse_args()
    rows = measure(args.sizes)
    per_mb = [r["seconds_per_mb"] for r in rows]
    ratio = max(per_mb) / min(per_mb)
    build = "compiled by mypyc" if is_compiled() else "Python source"
    if args.json:
        print(json.dumps({"extractor": build, "sizes": rows, "ratio": ratio}))
        return
    print(f"extractor: {build}")
    print(f"{'MB':>6} {'seconds':>8} {'s/MB':>6} {'events':>7} {'persons':>8}")
    for r in rows:
        print(
            f"{r['mb']:6.1f} {r['seconds']:8.1f} {r['seconds_per_mb']:6.2f}"
            f" {r['events']:7,} {r['persons']:8,}"
        )
    print(f"slowest / fastest s/MB: {ratio:.2f}  (target <= 1.5)")


if __name__ == "__main__":
    main()
