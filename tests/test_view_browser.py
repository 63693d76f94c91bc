"""`okg view`, as a person uses the page: the seeds' graph opened from disk in headless Chromium,
a name searched, nodes clicked, the panel read, and a screenshot kept; and no network request
made on the way (Chromium's own log of requests says so).

The screenshot goes to $VIEW_SCREENSHOT if set, else into the test's tmp_path.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.exports.view import view_data
from graph.store import open_store
from graph.to_networkx import to_networkx
from okg.cli import app
from tests.browser import WebDriver, open_chromium, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NAME = "刘文勤"
ENTER = "\ue007"
runner = CliRunner()


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[WebDriver]:
    with open_chromium(tmp_path, {"goog:loggingPrefs": {"performance": "ALL"}}) as web:
        yield web


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The page of the seeds' graph, written by `okg view`, and the data it shows."""
    folder = tmp_path_factory.mktemp("view")
    data = ["--data", str(folder / "okg")]
    assert runner.invoke(app, ["ingest", str(SEEDS), *data]).exit_code == 0
    page = folder / "seeds.html"
    result = runner.invoke(app, ["view", str(page), *data])
    assert result.exit_code == 0, result.output
    store = open_store("embedded", folder / "okg")
    try:
        shown = view_data(to_networkx(store))
    finally:
        store.close()
    return page, shown


def _click(web: WebDriver, css: str) -> None:
    web.call("POST", f"/element/{web.find(css)}/click", {})


def _panel(web: WebDriver) -> str:
    return web.script("return document.getElementById('panel').innerText")


def _requests(web: WebDriver) -> list[dict]:
    """Every request Chromium logged since the last call: (url, the document that made it)."""
    entries = web.call("POST", "/se/log", {"type": "performance"})
    messages = [json.loads(e["message"])["message"] for e in entries]
    return [m["params"] for m in messages if m["method"] == "Network.requestWillBeSent"]


def test_search_click_and_read_the_evidence_offline(seeds_page, chromium, tmp_path):
    page, shown = seeds_page
    people = [n for n in shown["nodes"] if n["label"] == NAME]
    person = max(people, key=lambda n: sum(len(s["items"]) for s in n["sections"]))
    sections = {s["title"]: s["items"] for s in person["sections"]}
    assert {"Posts", "Events"} <= set(sections)
    event = sections["Events"][0]

    url = page.as_uri()
    chromium.call("POST", "/url", {"url": url})
    drawn = "return document.querySelectorAll('#nodes .node').length"
    wait_for("the network to be drawn", lambda: chromium.script(drawn) == len(shown["nodes"]))

    shot = Path(os.environ.get("VIEW_SCREENSHOT") or tmp_path / "okg-view.png")
    shot.parent.mkdir(parents=True, exist_ok=True)
    try:
        # Type the name; the list of matches puts the best-connected 刘文勤 first; Enter takes it.
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

        # Click the person: their posts, events and the sentences they were read from.
        _click(chromium, f'[data-id="{person["id"]}"] .shape')
        wait_for("the person's panel again", lambda: _panel(chromium).startswith(NAME))
        text = _panel(chromium)
        for title, items in sections.items():
            assert title.upper() in text.upper()
            for item in items:
                assert item["text"] in text
                assert all(sentence in text for sentence in item["evidence"])
        selected = "return document.querySelector('.node.selected')?.dataset.id"
        assert chromium.script(selected) == person["id"]
    except Exception:
        failed = shot.with_name(shot.stem + "-failed.png")
        failed.write_bytes(chromium.screenshot())
        print(f"screenshot of the failure: {failed}")
        raise
    shot.write_bytes(chromium.screenshot())
    print(f"screenshot: {shot}")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # The page asked for nothing but itself: no request from it, and none to any network.
    requests = _requests(chromium)
    assert [r["request"]["url"] for r in requests if r.get("documentURL") == url] == [url]
    schemes = {r["request"]["url"].split(":", 1)[0] for r in requests}
    assert not schemes & {"http", "https", "ws", "wss", "ftp"}, schemes
    assert chromium.script("return performance.getEntriesByType('resource').length") == 0
