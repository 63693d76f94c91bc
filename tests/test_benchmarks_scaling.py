"""benchmarks/extract_scaling.py on small volumes: each size is one file of generated news
of about that size, extracted whole, and the figures come out as JSON (the figures
themselves, 1 to 16 MB: benchmarks/README.md). A volume with twice the stories has about
twice the events: no event of one story is taken for another's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "extract_scaling.py"

pytestmark = pytest.mark.slow


def test_the_benchmark_extracts_volumes_of_the_sizes_asked():
    out = subprocess.run(
        [sys.executable, str(BENCHMARK), "--sizes", "0.05", "0.1", "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = json.loads(out)
    small, large = result["sizes"]
    assert 0.05 <= small["mb"] < 0.07 and 0.1 <= large["mb"] < 0.12
    assert 1.6 < large["events"] / small["events"] < 2.4
    assert result["ratio"] == pytest.approx(
        max(s["seconds_per_mb"] for s in result["sizes"])
        / min(s["seconds_per_mb"] for s in result["sizes"])
    )
