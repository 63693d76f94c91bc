"""The records, the graph and its exports do not depend on the hash seed.

A set's order changes from run to run (PYTHONHASHSEED), so neither the extractor nor the
resolution may let it choose between equals. The two pages in tests/data/hash_seed,
generated pages mutated at random, once made the extractor do so: a headline's coverage
of two stories was summed in a set's order, and a visitor was the first known name, in a
set's order, that the words before `到…调研` end with; and the Turtle and JSON-LD exports
wrote a subject's values (and JSON-LD its nodes) in a set's order. The seeds are read too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pyoxigraph import Store

ROOT = Path(__file__).resolve().parent.parent
PAGES = [*sorted((ROOT / "tests/data/hash_seed").glob("*.txt")), ROOT / "seeds"]
EXPORTS = ["turtle", "jsonld", "graphml", "popolo"]  # the one-file formats of `okg export`


def _okg(seed: int, cwd: Path, *args: str) -> str:
    """`okg` in a process of its own with the given hash seed, run outside the source tree
    so that it imports the build under test (the wheel's, when compiled)."""
    done = subprocess.run(
        [sys.executable, "-m", "officials_kg.cli.main", *args],
        env=os.environ | {"PYTHONHASHSEED": str(seed)},
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_the_records_are_the_same_whatever_the_hash_seed(tmp_path: Path):
    pages = [str(p) for p in PAGES]
    runs = [_okg(seed, tmp_path, "extract", *pages, "--format", "jsonl") for seed in range(4)]
    assert runs[0].count("\n") == len(PAGES) - 1 + 5  # a record per page, the 5 seeds
    assert all(run == runs[0] for run in runs[1:])


def test_the_graph_and_its_exports_are_the_same_whatever_the_hash_seed(tmp_path: Path):
    graphs, exports = [], []
    for seed in range(2):
        data = tmp_path / f"okg-{seed}"
        _okg(seed, tmp_path, "ingest", *map(str, PAGES), "--data", str(data))
        store = Store.read_only(str(data))
        graphs.append({str(quad) for quad in store})
        del store
        files = {form: tmp_path / f"{seed}.{form}" for form in EXPORTS}
        for form, file in files.items():
            _okg(seed, tmp_path, "export", form, str(file), "--data", str(data))
        exports.append({form: file.read_bytes() for form, file in files.items()})
    assert len(graphs[0]) > 5000
    assert graphs[0] == graphs[1]
    for form in EXPORTS:  # a file to diff against the last one
        assert exports[0][form] == exports[1][form], form
