"""The Neo4j Browser, as a person uses it: open it in headless Chromium, let it connect to the test
server, type a Cypher query, run it, see the graph, and keep a screenshot.

Needs the Neo4j test server (scripts/neo4j-test-server, which serves the Browser) and Debian's
`chromium` and `chromium-driver` (scripts/test installs them when missing). Chromium is driven
through chromedriver's WebDriver HTTP API with the standard library only. Chromium resolves no
host name but 127.0.0.1 and sends anything else to a dead proxy, so the page reaches nothing
outside this machine.

The screenshot goes to $NEO4J_BROWSER_SCREENSHOT if set, else into the test's tmp_path.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.neo4j, pytest.mark.browser, pytest.mark.slow]

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,900",
    # Loopback only: no name resolves but 127.0.0.1, and the rest goes to a port nobody serves.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9",
]
QUERY = "MATCH p=(:Person)-[:HOLDS_POST]->(:Body) RETURN p"
POSTS = [
    {"name": "李强", "title": "总理", "body": "国务院"},
    {"name": "丁薛祥", "title": "副总理", "body": "国务院"},
]


class WebDriver:
    """Just enough of the W3C WebDriver protocol, over chromedriver's HTTP port."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.session: str | None = None

    def call(self, method: str, path: str, body: dict | None = None) -> Any:
        url = self.base + (f"/session/{self.session}" if self.session else "") + path
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            url, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response)["value"]
        except urllib.error.HTTPError as exc:
            raise AssertionError(
                f"WebDriver {method} {path}: {exc.read().decode()[:500]}"
            ) from None

    def script(self, source: str, *args: Any) -> Any:
        return self.call("POST", "/execute/sync", {"script": source, "args": list(args)})

    def find(self, css: str) -> str:
        element = self.call("POST", "/element", {"using": "css selector", "value": css})
        return next(iter(element.values()))

    def screenshot(self) -> bytes:
        return base64.b64decode(self.call("GET", "/screenshot"))


def wait_for(what: str, check: Callable[[], Any], timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(0.25)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[WebDriver]:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not shutil.which(p)]
    if missing:
        pytest.fail(
            f"not found: {', '.join(missing)}; install them with "
            "`apt-get install chromium chromium-driver` (scripts/test does)",
            pytrace=False,
        )
    port = free_port()
    log = (tmp_path / "chromedriver.log").open("wb")
    driver = subprocess.Popen(
        [CHROMEDRIVER, f"--port={port}"], stdout=log, stderr=subprocess.STDOUT
    )
    web = WebDriver(port)
    try:

        def ready() -> bool:
            try:
                return bool(web.call("GET", "/status")["ready"])
            except (OSError, AssertionError):
                return False

        wait_for("chromedriver", ready, timeout=30)
        options = {"binary": CHROMIUM, "args": [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path}/p"]}
        capabilities = {"browserName": "chrome", "goog:chromeOptions": options}
        web.session = web.call("POST", "/session", {"capabilities": {"alwaysMatch": capabilities}})[
            "sessionId"
        ]
        yield web
    finally:
        if web.session:
            with contextlib.suppress(OSError, AssertionError):
                web.call("DELETE", "")
        driver.terminate()
        try:
            driver.wait(timeout=10)
        except subprocess.TimeoutExpired:
            driver.kill()
            driver.wait()
        log.close()


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
        chromium.call("POST", f"/element/{chromium.find(no_auth)}/click", {})
        chromium.call("POST", f"/element/{chromium.find('[data-testid=connect]')}/click", {})
        # Connected, its editor prompt names the database: "neo4j$" (it is a bare "$" before).
        prompt = "return document.querySelector('[data-testid=activeEditor]')?.innerText || ''"
        wait_for(
            "the Browser to connect", lambda: chromium.script(prompt).strip().startswith("neo4j$")
        )

        # Type the query into the editor, as a person would, and press the run button.
        editor = chromium.find("[data-testid=activeEditor] textarea")
        chromium.call("POST", f"/element/{editor}/value", {"text": QUERY})
        chromium.call("POST", f"/element/{chromium.find('[data-testid=editor-Run]')}/click", {})

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
