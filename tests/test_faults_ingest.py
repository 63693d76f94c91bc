"""Faults in the middle of `okg ingest` (issue 8): the embedded store's process killed with
SIGKILL, Neo4j stopped. The command, run as a user runs it (a subprocess), reports what
happened; a rerun then gives the same graph as one uninterrupted run, no node or link
twice and none missing.

The corpus is generated (benchmarks/generate_corpus.py), big enough for an ingest to take
several seconds. The Neo4j case stops and restarts a server of its own
(scripts/neo4j-test-server with its own state and data folders), never the shared one,
which holds the uninterrupted run for comparison.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from threading import Barrier, Thread

import pytest

from officials_kg.graph.embedded import EmbeddedStore
from officials_kg.graph.neo4j_store import Neo4jStore
from officials_kg.graph.store import GraphStore
from tests.test_graph_stores import snapshot

ROOT = Path(__file__).resolve().parent.parent
DOCS = 600  # many more than the kill points: the bar is read a second or so late on a fast machine
NEO4J_DOCS = 100  # Neo4j's part is mostly waiting: for the server, and for okg to give up
BATCH = ["--batch", "10"]  # documents per transaction


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """DOCS generated pages as text files (their gold records moved out of the folder)."""
    folder = tmp_path_factory.mktemp("corpus")
    generate = [sys.executable, str(ROOT / "benchmarks/generate_corpus.py"), str(folder)]
    subprocess.run([*generate, "--docs", str(DOCS)], check=True, capture_output=True)
    (folder / "gold.jsonl").rename(folder.parent / "gold.jsonl")
    return folder


def okg(*args: object, **popen) -> subprocess.Popen:
    """`okg ARGS` started as a process of its own session (its workers in its group)."""
    command = [sys.executable, "-m", "officials_kg.cli.main", *map(str, args)]
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen
    )


def finished(process: subprocess.Popen, timeout: float = 300) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


class Ingest:
    """`okg ingest ARGS` running, its progress bar read as the user reads it: the bar counts
    documents done, and a batch is written before the bar counts its last document, so at
    N done, N // batch batches are in the store."""

    BAR = re.compile(r"(\d+)/\d+")
    ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

    def __init__(self, *args: object, env: dict[str, str] | None = None, **popen) -> None:
        bar = {"FORCE_COLOR": "1", "TTY_INTERACTIVE": "1"}  # Rich draws it live on a pipe too
        env = os.environ | bar | (env or {})
        self.process = okg("ingest", *args, *BATCH, env=env, **popen)
        self.done, self.stderr = 0, ""
        self.reader = Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for chunk in iter(lambda: self.process.stderr.read(512), ""):
            tail = self.stderr[-16:]
            self.stderr += chunk
            self.done = max([self.done, *map(int, self.BAR.findall(tail + chunk))])

    def reach(self, documents: int, timeout: float = 120) -> None:
        """Wait until the bar shows `documents` done; fail if the run ends first."""
        deadline = time.monotonic() + timeout
        while self.done < documents:
            assert self.process.poll() is None, f"ended at {self.done}: {self.stderr[-2000:]}"
            assert time.monotonic() < deadline, f"at {self.done} after {timeout} s"
            time.sleep(0.05)

    def end(self, timeout: float = 300) -> tuple[int, str]:
        """The exit status and stderr as plain text."""
        code = self.process.wait(timeout)
        self.reader.join(timeout)
        return code, self.ANSI.sub("", self.stderr)


def same_graph(a: GraphStore, b: GraphStore) -> None:
    """Equal nodes and links with equal properties, and equal counts: nothing twice."""
    assert a.node_counts() == b.node_counts()
    assert snapshot(a) == snapshot(b)


def _group_gone(group: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
def test_an_embedded_ingest_killed_twice_is_completed_by_a_rerun(corpus: Path, tmp_path: Path):
    reference, store = tmp_path / "reference", tmp_path / "store"
    code, err = Ingest(corpus, "--data", reference, "--jobs", 2).end()
    assert code == 0, err
    held = []
    for kill_at in (20, 60):  # the second run goes on from what the first left
        run = Ingest(corpus, "--data", store, "--jobs", 2, start_new_session=True)
        run.reach(kill_at)
        run.process.send_signal(signal.SIGSTOP)  # held where it is, store open
        if not held:  # the store is this run's alone, and okg says so
            code, _, err = finished(okg("stats", "--data", store))
            assert code == 2 and "in use by another process" in err, err
        run.process.send_signal(signal.SIGKILL)  # the ingest process only, as `kill -9 PID`
        assert run.end()[0] == -signal.SIGKILL
        assert _group_gone(run.process.pid, timeout=15), "extraction workers outlived okg"
        with EmbeddedStore(store) as opened:  # no stale lock
            held.append(len(opened.loaded_documents()))
    assert held[0] >= 20 and held[0] + 60 <= held[1] < DOCS, held
    code, err = Ingest(corpus, "--data", store, "--jobs", 2).end()
    assert code == 0, err
    assert f"({held[1]} already there, 0 failed)" in err
    with EmbeddedStore(reference) as a, EmbeddedStore(store) as b:
        same_graph(a, b)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FaultServer:
    """A Neo4j test server of the test's own, whose databases outlive a stop."""

    def __init__(self, folder: Path) -> None:
        self.env = os.environ | {
            "NEO4J_TEST_STATE_DIR": str(folder / "state"),
            "NEO4J_TEST_DATA_DIR": str(folder / "data"),
        }
        self.script = str(ROOT / "scripts/neo4j-test-server")

    def start(self) -> subprocess.Popen:
        """Start it on new free ports, in the background; `up` waits for it."""
        ports = {"NEO4J_TEST_BOLT_PORT": _free_port(), "NEO4J_TEST_HTTP_PORT": _free_port()}
        env = self.env | {k: str(v) for k, v in ports.items()}
        return subprocess.Popen(
            [self.script, "start"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )

    @staticmethod
    def up(starting: subprocess.Popen) -> str:
        out, err = starting.communicate(timeout=300)
        assert starting.returncode == 0, err.decode()
        return out.decode().strip()

    def stop(self) -> None:
        subprocess.run([self.script, "stop"], env=self.env, check=True, capture_output=True)


@pytest.fixture
def fault_server(tmp_path: Path) -> Iterator[FaultServer]:
    server = FaultServer(tmp_path)
    yield server
    server.stop()


def _documents(uri: str) -> int:
    with Neo4jStore(uri, "neo4j", "") as store:
        return len(store.loaded_documents())


@pytest.mark.slow
def test_neo4j_stopped_mid_ingest_is_reported_and_a_rerun_after_restart_completes_it(
    corpus: Path, fault_server: FaultServer, neo4j_driver, neo4j_uri: str
):
    pages = sorted(corpus.glob("*.txt"))[:NEO4J_DOCS]
    starting = fault_server.start()
    code, err = Ingest(*pages, "--store", "neo4j", "--neo4j-uri", neo4j_uri).end()
    assert code == 0, err  # the uninterrupted run, on the shared server
    uri = fault_server.up(starting)
    # okg gives up after 3 s of tries, not 30: the outage will last longer either way
    run = Ingest(*pages, "--store", "neo4j", "--neo4j-uri", uri, env={"OKG_NEO4J_RETRY": "3"})
    run.reach(20)  # two batches in
    fault_server.stop()
    restarting = fault_server.start()  # on new ports: okg's tries on the old ones all fail
    code, err = run.end(timeout=120)
    assert code == 2, err
    assert "okg: the neo4j store failed during the ingest: ServiceUnavailable" in err, err
    written = int(re.search(r"okg: (\d+) documents of this run were written, each whole", err)[1])
    assert "run the same command again once the store is back" in err
    uri = fault_server.up(restarting)
    held = _documents(uri)
    assert 20 <= written <= held < NEO4J_DOCS  # a batch may be in though its answer was lost
    code, err = Ingest(*pages, "--store", "neo4j", "--neo4j-uri", uri).end()
    assert code == 0, err
    assert f"({held} already there, 0 failed)" in err
    with Neo4jStore(neo4j_uri, "neo4j", "") as a, Neo4jStore(uri, "neo4j", "") as b:
        same_graph(a, b)


def test_stores_that_open_a_fresh_neo4j_at_once_all_open_it(neo4j_driver, neo4j_uri: str):
    """Each makes the indexes (IF NOT EXISTS); the server tells the slower of two that an
    equivalent one exists, which is no error (it ended an `okg ingest` when another okg
    started beside it on an empty database)."""
    stores = [Neo4jStore(neo4j_uri, "neo4j", "") for _ in range(4)]
    start = Barrier(len(stores))

    def make_schema(store: Neo4jStore) -> None:
        start.wait()
        store._ensure_schema()  # what opening a store does, in step with the others

    try:
        for _ in range(5):
            indexes, _, _ = neo4j_driver.execute_query(
                "SHOW INDEXES YIELD name, type, owningConstraint "
                "WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN name"
            )
            for index in indexes:
                neo4j_driver.execute_query(f"DROP INDEX {index['name']}")
            with ThreadPoolExecutor(len(stores)) as pool:
                list(pool.map(make_schema, stores))
    finally:
        for store in stores:
            store.close()
