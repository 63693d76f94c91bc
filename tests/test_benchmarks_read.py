"""benchmarks/read_speed.py on a small generated corpus: its reference dumps the whole
default graph, its read times every node label and link type and finds all their items,
and the script prints its figures as JSON. (The figures themselves: the results table of
benchmarks/README.md.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from query_latency import loaded_store  # noqa: E402
from read_speed import dump_seconds, kind_seconds  # noqa: E402

from officials_kg.graph.store import summary  # noqa: E402
from officials_kg.graph.vocab import LINK_TYPES, NODE_TYPES  # noqa: E402

pytestmark = pytest.mark.slow


def test_the_reference_and_the_read_cover_the_whole_graph(tmp_path: Path):
    store, _ = loaded_store(tmp_path, docs=60)
    try:
        seconds, triples = dump_seconds(store)
        assert seconds > 0
        assert triples == sum(
            1 for _ in store.store.quads_for_pattern(None, None, None, DefaultGraph())
        )
        counts = summary(store)
        kinds = kind_seconds(store)
        assert {name: items for name, (_, items) in kinds.items()} == {
            name: counts[name] for name in kinds
        }
        assert counts["Document"] == 60 and counts["MENTIONS"] > 0
    finally:
        store.close()

    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "read_speed.py"), "--docs", "60", "--dir", str(tmp_path)]
        + ["--rounds", "1", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["triples_dumped"] == triples and result["read_to_dump"] > 0
    assert result["nodes"] == sum(counts[label] for label in NODE_TYPES)
    assert result["links"] == sum(counts[link_type] for link_type in LINK_TYPES)
    assert {name: kind["items"] for name, kind in result["kinds"].items()} == {
        name: counts[name] for name in kinds
    }
