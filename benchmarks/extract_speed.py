"""Extraction speed against plain jieba segmentation, measured in the same run.

    python benchmarks/extract_speed.py [--repeat N] [PATHS...]   (default: seeds/*.txt)

A path may be a folder: its *.txt files are read (100,000 pages are too many arguments).
Prints characters per second of the whole extraction (cleaning, articles, context,
extraction records) and of `jieba.lcut` over the same texts, and their ratio; the
target is a ratio >= 1.0 on one core. Peak memory (ru_maxrss) is printed too.

Both are timed in CPU seconds of this (single-threaded) process, text by text in turn:
on a machine shared with other work, wall time measures the others' load, and timing
the two one after the other would let a change of load favour one of them.

The extractor measured is the one the Python running this imports, and the first line
printed says which: the source with an editable install (`pip install -e .`), the C
extensions that mypyc compiles from it with a wheel (`pip install .`; setup.py).
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import jieba

from officials_kg.extraction import extract_document, is_compiled
from officials_kg.loaders.document import build_document

ROOT = Path(__file__).resolve().parent.parent


def _rate(chars: int, seconds: float) -> float:
    return chars / seconds if seconds else float("inf")


def _texts(paths: list[Path]) -> list[Path]:
    return [t for p in paths for t in (sorted(p.glob("*.txt")) if p.is_dir() else [p])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the texts")
    args = parser.parse_args()
    files = _texts(args.paths or [ROOT / "seeds"])

    # jieba as it comes, in a tokenizer of its own: whatever the extractor measured does to
    # jieba's default tokenizer (89aaf3f taught it the lexicons' words), the reference is the same
    reference = jieba.Tokenizer()
    reference.initialize()
    warm_up = files[0].read_text(encoding="utf-8")
    extract_document(build_document("warm-up", "", warm_up))  # lexicons, jieba, regexes

    chars = 0
    extraction = segmentation = 0.0
    for _ in range(args.repeat):
        for i, path in enumerate(files):  # read one at a time: the memory is the extractor's
            text = path.read_text(encoding="utf-8")
            chars += len(text)
            start = time.process_time()
            extract_document(build_document(str(i), "", text))
            middle = time.process_time()
            reference.lcut(text)
            extraction += middle - start
            segmentation += time.process_time() - middle

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    build = "compiled by mypyc (a wheel)" if is_compiled() else "Python source"
    print(f"extractor: {build}")
    print(f"texts: {len(files)} files, {chars:,} characters over {args.repeat} passes")
    print(f"extraction: {_rate(chars, extraction):12,.0f} chars/s")
    print(f"jieba.lcut: {_rate(chars, segmentation):12,.0f} chars/s")
    print(f"ratio (extraction / jieba.lcut): {segmentation / extraction:.2f}  (target >= 1.0)")
    print(f"peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
