"""benchmarks/query_latency.py on a small generated corpus: it loads, reuses what it loaded,
draws arguments every canned query answers, and times every query. (The figures themselves
come from 10,000 documents: README, "Asking the graph".)"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from query_latency import arguments, loaded_store, measure, percentiles  # noqa: E402

from queries.catalog import catalog  # noqa: E402
from queries.run import run  # noqa: E402

pytestmark = pytest.mark.slow


def test_the_benchmark_times_every_query_on_arguments_that_find_something(tmp_path: Path):
    store, seconds = loaded_store(tmp_path, docs=150)
    store.close()
    store, again = loaded_store(tmp_path, docs=150)  # reused: the saved load time, no reload
    try:
        assert again == seconds > 0
        samples = arguments(store, random.Random(3), n=8)
        assert set(samples) == set(catalog())
        for name, query in catalog().items():
            answered = [run(store, query, args) for args in samples[name]]
            if name != "path":  # some pairs are of two cities, which no chain joins
                assert all(answered), name
            elapsed, cpu = measure(lambda q=query, a=samples[name][0]: run(store, q, a), runs=5)
            for times in (elapsed, cpu):
                cuts = percentiles(times)
                assert 0 <= cuts["p50"] <= cuts["p90"] <= cuts["p99"]
            assert percentiles(elapsed)["p50"] > 0
    finally:
        store.close()
