"""The Neo4j Browser, as a person uses it: open it in headless Chromium, let it connect to the test
server, type a Cypher query, run it, see the graph, and keep a screenshot.

Needs the Neo4j test server (scripts/neo4j-test-server, which serves the Browser) and Debian's
`chromium` and `chromium-driver` (scripts/test installs them when missing), driven as
tests/browser.py says: the page reaches nothing outside this machine.

The screenshot goes to $NEO4J_BROWSER_SCREENSHOT if set, else into the test's tmp_path.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import WebDriver, open_chromium, wait_for

pytestmark = [pytest.mark.neo4j, pytest.mark.browser, pytest.mark.slow]

QUERY = "MATCH p=(:Person)-[:HOLDS_POST]->(:Body) RETURN p"
POSTS = [
    {"name": "李强", "title": "总理", "body": "国务院"},
    {"name": "丁薛祥", "title": "副总理", "body": "国务院"},
]


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[WebDriver]:
    with open_chromium(tmp_path) as web:
        yield web


def click(web: WebDriver, css: str) -> None:
    """Click `css` as soon as it takes clicks: the Browser fades its frames in, and a click on
    a frame still coming in fails with "element not interactable"."""

    def clicked() -> bool:
        try:
            web.call("POST", f"/element/{web.find(css)}/click", {})
        except AssertionError as exc:
            if "not interactable" in str(exc) or "no such element" in str(exc):
                return False
            raise
        return True

    wait_for(f"{css} to take a click", clicked, timeout=30)


def test_browser_connects_runs_cypher_and_shows_the_graph(
    neo4j_driver, neo4j_uri, neo4j_http_uri, chromium, tmp_path
):
    neo4j_driver.execute_query(
        """
        UNWIND $posts AS post
        MERGE (b:Body {name: post.body})
        CREATE (:Person {name: post.name})-[:HOLDS_POST {title: post.title}]->(b)
        """,
        posts=POSTS,
    )

    shot = Path(os.environ.get("NEO4J_BROWSER_SCREENSHOT") or tmp_path / "neo4j-browser.png")
    shot.parent.mkdir(parents=True, exist_ok=True)
    try:
        # The connect form comes up with the Bolt URI given in the address; pick "No
        # authentication" (the test server has auth disabled) and press Connect.
        bolt = neo4j_uri.rstrip("/")
        chromium.call("POST", "/url", {"url": f"{neo4j_http_uri}browser/?dbms={bolt}"})
        no_auth = "[data-testid=authenticationMethod] option[value=NO_AUTH]"
        wait_for(
            "the connect form",
            lambda: chromium.script(f"return !!document.querySelector('{no_auth}')"),
        )
        assert chromium.script(
            "return document.querySelector('[data-testid=boltaddress]').value"
        ) == bolt.removeprefix("bolt://")
        click(chromium, no_auth)
        method = "return document.querySelector('[data-testid=authenticationMethod]').value"
        wait_for("No authentication to be chosen", lambda: chromium.script(method) == "NO_AUTH")
        click(chromium, "[data-testid=connect]")
        # Connected, its editor prompt names the database: "neo4j$" (it is a bare "$" before).
        prompt = "return document.querySelector('[data-testid=activeEditor]')?.innerText || ''"
        wait_for(
            "the Browser to connect", lambda: chromium.script(prompt).strip().startswith("neo4j$")
        )

        # Type the query into the editor, as a person would, and press the run button.
        editor = chromium.find("[data-testid=activeEditor] textarea")
        chromium.call("POST", f"/element/{editor}/value", {"text": QUERY})
        click(chromium, "[data-testid=editor-Run]")

        latest_frame = """
            const frame = document.querySelector('article[data-testid=frame]');
            return frame ? frame.textContent : '';
        """
        text = wait_for(
            "the result frame with both persons",
            lambda: (
                (t := chromium.script(latest_frame)) and all(p["name"] in t for p in POSTS) and t
            ),
        )
        assert QUERY in text
        assert "国务院" in text
        assert "Displaying 3 nodes, 2 relationships" in text
    except Exception:
        failed = shot.with_name(shot.stem + "-failed.png")
        failed.write_bytes(chromium.screenshot())
        print(f"screenshot of the failure: {failed}")
        raise
    time.sleep(1.5)  # let the force layout settle before the picture
    shot.write_bytes(chromium.screenshot())
    print(f"screenshot: {shot}")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000
