"""benchmarks/query_latency.py on a small generated corpus: it loads, reuses what it loaded,
draws arguments every canned query answers, the same from either store, and times every
query. (The figures themselves come from 10,000 and 100,000 documents: benchmarks/README.md,
"Query latency".)"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from generate_corpus import write_corpus  # noqa: E402
from load_speed import connect_neo4j, load, warm_up  # noqa: E402
from query_latency import (  # noqa: E402
    arguments,
    loaded_neo4j,
    loaded_store,
    measure,
    percentiles,
)

from officials_kg.graph.embedded import EmbeddedStore  # noqa: E402
from officials_kg.graph.store import summary  # noqa: E402
from officials_kg.queries.catalog import catalog  # noqa: E402
from officials_kg.queries.run import run  # noqa: E402

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


@pytest.fixture
def neo4j_env(neo4j_driver, neo4j_uri, neo4j_auth, monkeypatch) -> None:
    """The test server in the variables the benchmarks read, as a user would set them."""
    monkeypatch.setenv("NEO4J_URI", neo4j_uri)
    user, password = neo4j_auth or ("neo4j", "")
    monkeypatch.setenv("NEO4J_USER", user)
    monkeypatch.setenv("NEO4J_PASSWORD", password)


def test_neo4j_is_loaded_once_and_asked_the_same_as_the_embedded_store(tmp_path: Path, neo4j_env):
    embedded, _ = loaded_store(tmp_path, docs=150)
    neo4j, seconds = loaded_neo4j(tmp_path / "corpus-150", 150, clear=False)
    neo4j.close()
    neo4j, again = loaded_neo4j(tmp_path / "corpus-150", 150, clear=False)
    try:
        assert seconds is not None and seconds > 0
        assert again is None  # held already: not loaded twice
        samples = arguments(embedded, random.Random(3), n=8)
        assert arguments(neo4j, random.Random(3), n=8) == samples
        for name, query in catalog().items():
            for args in samples[name]:
                assert run(neo4j, query, args) == run(embedded, query, args), (name, args)
    finally:
        neo4j.close()
        embedded.close()
    with pytest.raises(SystemExit, match="not empty"):  # another corpus, and no --clear
        loaded_neo4j(tmp_path / "corpus-120", 120, clear=False)


def test_load_speed_warms_neo4j_up_with_another_corpus_and_then_loads_the_whole_corpus(
    tmp_path: Path, neo4j_env, neo4j_driver
):
    warmed = warm_up(tmp_path / "warmup-40", 40, batch=20)
    assert warmed["documents"] == 40 and warmed["links_written"] > 0
    left = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    assert left == 0  # loaded, then deleted again

    gold = write_corpus(tmp_path / "corpus-40", 40)  # seed 1, as the figures' corpora
    assert gold.read_bytes() != (tmp_path / "warmup-40" / "gold.jsonl").read_bytes()
    with connect_neo4j() as neo4j, EmbeddedStore(tmp_path / "store") as embedded:
        timed = load(neo4j, [gold], jobs=1, batch=20)
        load(embedded, [gold], jobs=1, batch=20)
        assert timed["documents"] == 40
        assert summary(neo4j) == summary(embedded)  # nothing the warm-up wrote is skipped
