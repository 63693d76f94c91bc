"""The records do not depend on the hash seed.

A set's order changes from run to run (PYTHONHASHSEED), so the extractor must never let
it choose between equals. The two pages in tests/data/hash_seed, generated pages mutated at
random, once made it do so: a headline's coverage of two stories was summed in a set's
order, and a visitor was the first known name, in a set's order, that the words before
`到…调研` end with. The seeds are read too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [*sorted((ROOT / "tests/data/hash_seed").glob("*.txt")), ROOT / "seeds"]


def _records(seed: int, cwd: Path) -> str:
    """`okg extract` in a process of its own with the given hash seed, run outside the
    source tree so that it imports the build under test (the wheel's, when compiled)."""
    done = subprocess.run(
        [sys.executable, "-m", "okg.cli", "extract", *map(str, PAGES), "--format", "jsonl"],
        env=os.environ | {"PYTHONHASHSEED": str(seed)},
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_the_records_are_the_same_whatever_the_hash_seed(tmp_path: Path):
    runs = [_records(seed, tmp_path) for seed in range(4)]
    assert runs[0].count("\n") == len(PAGES) - 1 + 5  # a record per page, the 5 seeds
    assert all(run == runs[0] for run in runs[1:])
