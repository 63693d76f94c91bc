"""`okg view`, as a person uses the page: the seeds' graph opened from disk in headless Chromium,
a name searched, nodes clicked, the panel and a person's timeline read, the filters by date,
place and kind used, the labels measured on screen (none overlaps another at the starting
zoom), and no network request made on the way (Chromium's own log of requests says so). Then
the same page on 1,000 generated pages (benchmarks/generate_corpus.py): the time it takes to
open is measured and printed, not asserted, and its labels checked again.

Screenshots go to $VIEW_SCREENSHOT (the seeds) and $VIEW_SCREENSHOT_1000 if set, else into
the tests' tmp_path; docs/okg-view.png and docs/okg-view-1000.png are made so.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from officials_kg.cli.main import app
from officials_kg.graph.exports.network import Slice, select
from officials_kg.graph.exports.view import view_data
from officials_kg.graph.store import open_store
from officials_kg.graph.to_networkx import to_networkx
from tests.browser import WebDriver, open_chromium, wait_for
from tests.gold import CHENGDE_CHAIR

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
NAME = CHENGDE_CHAIR  # a person of two seeds; real, so named through the gold
ENTER = "\ue007"
GENERATED_PAGES = 1_000
runner = CliRunner()

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate_corpus import write_corpus  # noqa: E402


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[WebDriver]:
    with open_chromium(tmp_path, {"goog:loggingPrefs": {"performance": "ALL"}}) as web:
        yield web


def _page(folder: Path, inputs: Path) -> tuple[Path, nx.MultiDiGraph]:
    """The page of a store loaded from `inputs`, written by `okg view`, and the store's graph."""
    data = ["--data", str(folder / "okg")]
    assert runner.invoke(app, ["ingest", str(inputs), *data]).exit_code == 0
    page = folder / "view.html"
    result = runner.invoke(app, ["view", str(page), *data])
    assert result.exit_code == 0, result.output
    store = open_store("embedded", folder / "okg")
    try:
        return page, to_networkx(store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, nx.MultiDiGraph, dict]:
    """The page of the seeds' graph, the graph, and the data the page shows."""
    page, graph = _page(tmp_path_factory.mktemp("view"), SEEDS)
    return page, graph, view_data(graph)


def _open(web: WebDriver, page: Path) -> float:
    """Open the page; returns the time, in ms from the navigation, when it was ready to use."""
    web.call("POST", "/url", {"url": page.as_uri()})
    return wait_for("the page to be ready", lambda: web.script("return window.okgReady"))


def _click(web: WebDriver, css: str) -> None:
    web.call("POST", f"/element/{web.find(css)}/click", {})


def _panel(web: WebDriver) -> str:
    return web.script("return document.getElementById('panel').innerText")


def _requests(web: WebDriver) -> list[dict]:
    """Every request Chromium logged since the last call: (url, the document that made it)."""
    entries = web.call("POST", "/se/log", {"type": "performance"})
    messages = [json.loads(e["message"])["message"] for e in entries]
    return [m["params"] for m in messages if m["method"] == "Network.requestWillBeSent"]


_LABELS = """
return [...document.querySelectorAll('#labels text')]
  .filter((t) => getComputedStyle(t).display !== 'none')
  .map((t) => { const r = t.getBoundingClientRect();
    return [t.dataset.id || t.id, t.classList[1] || '', r.left, r.top, r.right, r.bottom]; });
"""


_DRAWING = """
const r = document.getElementById('graph').getBoundingClientRect();
return [r.left, r.top, r.right, r.bottom];
"""


def _labels_on_screen(web: WebDriver) -> list[list]:
    """The labels shown, with the boxes Chromium drew them in; asserts that no two overlap
    and that each lies inside the drawing."""
    labels = web.script(_LABELS)
    box = web.script(_DRAWING)
    for i, (name, _, *a) in enumerate(labels):
        assert (
            a[0] >= box[0] - 1 and a[1] >= box[1] - 1 and a[2] <= box[2] + 1 and a[3] <= box[3] + 1
        )
        for other, _, *b in labels[i + 1 :]:
            overlap = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
            assert min(overlap) <= 0.5, f"the labels of {name} and {other} overlap"
    return labels


def _screenshot(web: WebDriver, variable: str, fallback: Path) -> Path:
    shot = Path(os.environ.get(variable) or fallback)
    shot.parent.mkdir(parents=True, exist_ok=True)
    shot.write_bytes(web.screenshot())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {shot}")
    return shot


def test_search_click_and_read_the_evidence_offline(seeds_page, chromium, tmp_path):
    page, _, shown = seeds_page
    people = [n for n in shown["nodes"] if n["label"] == NAME]
    person = max(people, key=lambda n: sum(len(s["items"]) for s in n["sections"]))
    sections = {s["title"]: s["items"] for s in person["sections"]}
    assert {"Posts", "Events"} <= set(sections)
    event = sections["Events"][0]

    _open(chromium, page)
    drawn = "return document.querySelectorAll('#nodes .node').length"
    assert chromium.script(drawn) == len(shown["nodes"])
    shot = tmp_path / "okg-view.png"
    try:
        # Type the name; the best-connected person of that name is the first match; Enter takes it.
        search = chromium.find("#search")
        chromium.call("POST", f"/element/{search}/value", {"text": NAME})
        first = "return document.querySelector('#matches li')?.innerText || ''"
        assert NAME in wait_for("the matches", lambda: chromium.script(first))
        chromium.call("POST", f"/element/{search}/value", {"text": ENTER})
        wait_for("the person's panel", lambda: _panel(chromium).startswith(NAME))

        # Click one of their events on the network: the panel lists its participants.
        _click(chromium, f'[data-id="{event["node"]}"] .shape')
        wait_for("the event's panel", lambda: "PARTICIPANTS" in _panel(chromium).upper())
        assert NAME in _panel(chromium)

        # Click the person: their timeline, posts, events and the sentences behind them.
        _click(chromium, f'[data-id="{person["id"]}"] .shape')
        wait_for("the person's panel again", lambda: _panel(chromium).startswith(NAME))
        text = _panel(chromium)
        for title, items in sections.items():
            assert title.upper() in text.upper()
            for item in items:
                assert item["text"] in text
                assert all(sentence in text for sentence in item["evidence"])
                # under each sentence, where to open it (here a seed's path)
                assert all(shown["sources"][f] in text for f in item["from"] if f is not None)
        selected = "return document.querySelector('.node.selected')?.dataset.id"
        assert chromium.script(selected) == person["id"]
        timeline = chromium.script(
            "return [...document.querySelectorAll('ol.timeline li')].map((li) => li.innerText)"
        )
        assert len(timeline) == len(person["timeline"]) > 2
        for line, moment in zip(timeline, person["timeline"], strict=True):
            assert line.startswith(moment["date"] or "undated") and moment["text"] in line
        # In focus, the labels shown are the person's and their neighbours', still apart.
        shown_now = {name for name, *_ in _labels_on_screen(chromium)}
        near = {person["id"]} | {i["node"] for items in sections.values() for i in items}
        assert person["id"] in shown_now and shown_now <= near
    except Exception:
        failed = shot.with_name("okg-view-failed.png")
        failed.write_bytes(chromium.screenshot())
        print(f"screenshot of the failure: {failed}")
        raise

    # The page asked for nothing but itself: no request from it, and none to any network.
    # (A date field's calendar icon is Chromium's own picture, a data: URL: no request.)
    url = page.as_uri()
    requests = [r for r in _requests(chromium) if not r["request"]["url"].startswith("data:")]
    assert [r["request"]["url"] for r in requests if r.get("documentURL") == url] == [url]
    schemes = {r["request"]["url"].split(":", 1)[0] for r in requests}
    assert not schemes & {"http", "https", "ws", "wss", "ftp"}, schemes
    assert chromium.script("return performance.getEntriesByType('resource').length") == 0


def test_at_the_start_labels_do_not_overlap_events_are_named_the_legend_counts(
    seeds_page, chromium, tmp_path
):
    page, _, shown = seeds_page
    ready = _open(chromium, page)
    print(f"the seeds' page ({len(shown['nodes'])} nodes) was ready in {ready:.0f} ms")
    labels = _labels_on_screen(chromium)
    kinds = Counter(kind for _, kind, *_ in labels)
    assert kinds["event"] > 0 and kinds["person"] > 0 and kinds["body"] > 0
    assert len(labels) > len(shown["nodes"]) / 4
    legend = chromium.script(
        "return Object.fromEntries([...document.querySelectorAll('.legend .count')]"
        ".map((c) => [c.dataset.kind, c.textContent]))"
    )
    counts = Counter(n["kind"] for n in shown["nodes"])
    assert legend == {kind: f"{n:,}" for kind, n in counts.items()}
    caption = chromium.script("return document.getElementById('alone-caption')?.textContent")
    joined = {i for link in shown["links"] for i in link}
    assert caption and f"({len(shown['nodes']) - len(joined)})" in caption
    _screenshot(chromium, "VIEW_SCREENSHOT", tmp_path / "okg-view.png")


def _visible(web: WebDriver) -> set[str]:
    return set(web.script("return nodes.filter((n) => n.shown).map((n) => n.id)"))


def _set(web: WebDriver, css: str, value: str | bool) -> None:
    """Set a field as a person would, and let the page hear of it."""
    prop = "checked" if isinstance(value, bool) else "value"
    web.script(
        f"const el = document.querySelector(arguments[0]); el.{prop} = arguments[1];"
        "el.dispatchEvent(new Event('change'));",
        css,
        value,
    )


def _drawn(shown: dict) -> set[str]:
    joined = {i for link in shown["links"] for i in link}
    return {n["id"] for i, n in enumerate(shown["nodes"]) if i in joined}


def test_the_filters_keep_what_a_slice_of_the_graph_keeps(seeds_page, chromium):
    """The page's date range and place keep the nodes that `okg view --since --until --place`
    would draw joined; unticking a kind in the legend hides that kind, and the count follows."""
    page, graph, shown = seeds_page
    _open(chromium, page)
    assert _visible(chromium) == {n["id"] for n in shown["nodes"]}

    since, until = "2023-01-01", "2023-06-30"
    _set(chromium, "#since", since)
    _set(chromium, "#until", until)
    expected = _drawn(view_data(select(graph, Slice(since=since, until=until))))
    assert expected and _visible(chromium) == expected
    _labels_on_screen(chromium)
    hidden = chromium.script("return [...document.querySelectorAll('.node.off')].length")
    assert hidden == len(shown["nodes"]) - len(expected)

    _set(chromium, "#since", "")
    _set(chromium, "#until", "")
    places = chromium.script(
        "return [...document.querySelectorAll('#place option')].map((o) => o.value)"
    )
    assert "承德市" in places and "河北省" in places
    _set(chromium, "#place", "承德市")
    expected = _drawn(view_data(select(graph, Slice(place="承德市"))))
    assert expected and _visible(chromium) == expected

    _set(chromium, '.legend input[data-kind="event"]', False)
    kinds = {n["id"]: n["kind"] for n in shown["nodes"]}
    assert _visible(chromium) == {n for n in expected if kinds[n] != "event"}
    count = "return document.querySelector('.legend .count[data-kind=event]').textContent"
    assert chromium.script(count) == "0"


def test_a_thousand_pages_open_quickly_with_labels_apart(chromium, tmp_path_factory, tmp_path):
    """1,000 generated pages, loaded from their records; the open time is printed."""
    folder = tmp_path_factory.mktemp("view-1000")
    write_corpus(folder / "corpus", GENERATED_PAGES, 1)
    start = time.monotonic()
    page, graph = _page(folder, folder / "corpus" / "gold.jsonl")
    written = time.monotonic() - start
    kinds = Counter(d["kind"] for _, d in graph.nodes(data=True))
    size = page.stat().st_size / 1e6
    start = time.monotonic()
    ready = _open(chromium, page)
    wall = time.monotonic() - start
    shapes = chromium.script("return document.querySelectorAll('#nodes .node').length")
    assert shapes == kinds["Person"] + kinds["Organization"] + kinds["Event"]
    labels = _labels_on_screen(chromium)
    assert Counter(kind for _, kind, *_ in labels)["event"] > 0
    print(
        f"\n{GENERATED_PAGES:,} pages: {shapes:,} nodes, page {size:.1f} MB, ingest and view "
        f"{written:.1f} s; in headless Chromium ready {ready / 1000:.2f} s after navigation "
        f"({wall:.2f} s by the test's clock), {len(labels)} labels placed"
    )
    _screenshot(chromium, "VIEW_SCREENSHOT_1000", tmp_path / "okg-view-1000.png")
