"""Headless Chromium for the browser tests, driven through chromedriver's W3C WebDriver HTTP API
with the standard library only.

Needs Debian's `chromium` and `chromium-driver` (scripts/test installs them when missing).
Chromium resolves no host name but 127.0.0.1 and sends anything else to a dead proxy, so a page
reaches nothing outside this machine.
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


PASTE = """
    const area = document.querySelector(arguments[0]);
    area.focus();
    const data = new DataTransfer();
    data.setData('text/plain', arguments[1]);
    area.dispatchEvent(
        new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
"""


def paste(web: WebDriver, css: str, text: str) -> None:
    """Paste `text` into the text field `css`, as from the clipboard: typed keys would not do
    for a text of several lines, since an editor such as the Neo4j Browser's runs or indents
    at each newline."""
    web.script(PASTE, css, text)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def open_chromium(tmp_path: Path, capabilities: dict | None = None) -> Iterator[WebDriver]:
    """A WebDriver session in a fresh headless Chromium (profile and driver log in `tmp_path`);
    `capabilities` are added to the session's (e.g. goog:loggingPrefs)."""
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
        wanted = {"browserName": "chrome", "goog:chromeOptions": options, **(capabilities or {})}
        web.session = web.call("POST", "/session", {"capabilities": {"alwaysMatch": wanted}})[
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
