"""The Neo4j Browser as a person uses it, on the project's graph: `okg ingest seeds/ --store
neo4j`, then each Browser file of queries/cypher/ pasted into the Browser with its `:param`
lines set to names (not ids), run, and the table the Browser shows compared with the rows
`okg query` prints for the same names. The graph view's files (queries/cypher/graph/) are drawn
with the project's style (queries/okg.grass, loaded with `:style`), and the picture is checked
against `okg query` too. Nothing here names a person: the names are read from the seeds' graph.

Needs the Neo4j test server (scripts/neo4j-test-server, which serves the Browser) and Debian's
`chromium` and `chromium-driver` (scripts/test installs them when missing), driven as
tests/browser.py says: the page reaches nothing outside this machine.

One screenshot per file goes to $NEO4J_BROWSER_SCREENSHOTS if set (a folder), else into the
test's tmp_path; docs/neo4j-browser.png is graph-meeting.png of such a run.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from officials_kg.cli.main import app
from officials_kg.graph.names import norm_text, org_name
from officials_kg.graph.neo4j_store import Neo4jStore
from officials_kg.queries.catalog import EVENT, PERSON, catalog, parse_browser_file, questions
from officials_kg.queries.lookup import candidates
from officials_kg.queries.run import normalise
from tests.browser import WebDriver, open_chromium, paste, wait_for
from tests.conftest import clear_neo4j

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
CYPHER = REPO / "queries" / "cypher"
STYLE = REPO / "queries" / "okg.grass"
runner = CliRunner()

LATEST_FRAME = "article[data-testid=frame]"


@dataclass(frozen=True)
class Store:
    """The seeds in the test server, and what `okg` needs to reach them; and in an embedded
    store, whose `okg query` (SPARQL, the lookup in Python) is what the Browser files'
    rows (Cypher, the lookup in Cypher) are compared with."""

    graph: Neo4jStore
    options: list[str]
    embedded: list[str]


@pytest.fixture(scope="module")
def seeds(neo4j_server, neo4j_uri: str, neo4j_auth, tmp_path_factory) -> Iterator[Store]:
    clear_neo4j(neo4j_server)
    options = ["--store", "neo4j", "--neo4j-uri", neo4j_uri]
    embedded = ["--data", str(tmp_path_factory.mktemp("embedded") / "okg")]
    for store in (options, embedded):
        loaded = runner.invoke(app, ["ingest", str(SEEDS), *store])
        assert loaded.exit_code == 0, loaded.output
    graph = Neo4jStore(neo4j_uri, *(neo4j_auth or ("neo4j", "")))
    yield Store(graph, options, embedded)
    graph.close()


def okg_query(store: Store, name: str, *texts: str) -> list[dict] | None:
    """The rows `okg query NAME TEXTS --json` prints on the embedded store; None when a name
    means none or several."""
    result = runner.invoke(app, ["query", name, *texts, "--json", *store.embedded])
    if result.exit_code == 1:
        return None
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def okg_cypher(store: Store, path: Path, args: dict[str, str]) -> list[dict]:
    """The rows `okg cypher FILE -p NAME=TEXT --json` prints, in the file's own order."""
    params = [f"{name}={text}" for name, text in args.items()]
    command = ["cypher", str(path), *[a for p in params for a in ("-p", p)]]
    result = runner.invoke(app, [*command, "--json", *store.options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def unique(store: Store, text: str, kinds: tuple[str, ...]) -> bool:
    return len(candidates(store.graph, text, kinds)) == 1


def names(store: Store, cypher: str) -> list[str]:
    return [row["name"] for row in store.graph.query(cypher)]


@pytest.fixture(scope="module")
def arguments(seeds: Store) -> dict[str, dict[str, str]]:
    """For each Browser file, what a person would type as its parameters: names read from
    the seeds' graph, each meaning one entity to `okg query` (a short part of a meeting's
    name, a body's long official name and another spelling it was seen under, a post's title
    with a space in it)."""
    store = seeds
    person = next(
        n
        for n in names(
            store,
            """MATCH (p:Person)
               RETURN p.name AS name,
                      COUNT { (p)-[:PARTICIPATED_IN]->() } + COUNT { (p)-[:HOLDS]->() } AS links
               ORDER BY links DESC, name""",
        )
        if unique(store, n, PERSON)
    )
    meetings = okg_query(store, "meetings", person)
    assert meetings, f"the seeds' busiest person has no events: {person}"
    event = next(
        n
        for n in names(
            store,
            """MATCH (e:Event)<-[:PARTICIPATED_IN]-(p:Person)
               RETURN e.name AS name, count(p) AS attendees ORDER BY attendees DESC, name""",
        )
        if unique(store, n, EVENT) and n in {m["event"] for m in meetings}
    )
    short = event[2:]  # as 市委政法工作会议 for 许昌市委政法工作会议
    meeting = short if unique(store, short, EVENT) else event
    other = next(
        row["name"]
        for row in okg_query(store, "comeet", person) or []
        if unique(store, row["name"], PERSON)
    )
    bodies = store.graph.query(
        """MATCH (o:Organization)<-[:PART_OF*0..]-(:Organization)<-[:POST_IN]-(:Post)
                 <-[:HOLDS]-(:Person)
           RETURN DISTINCT o.name AS name, coalesce(o.aliases, []) AS aliases ORDER BY name"""
    )
    # A body by the long official form of its name, which the news never used (not one of
    # its aliases): 中共许昌市委员会 for 许昌市委.
    body = next(
        long
        for row in bodies
        if (long := "中共" + row["name"][:-1] + "委员会") not in row["aliases"]
        and org_name(long) == row["name"]
        and unique(store, long, ("Organization",))
    )
    alias = next(a for row in bodies for a in row["aliases"] if unique(store, a, ("Organization",)))
    post = next(row["post"] for row in okg_query(store, "posts", person) or [])
    spaced_post = post[:3] + " " + post[3:]
    assert unique(store, spaced_post, ("Post", "Organization"))
    return {
        "attendees": {"meeting": meeting},
        "meetings": {"person": person},
        "posts": {"person": person},
        "holders": {"post_or_body": spaced_post},
        "members": {"body": body},
        "comeet": {"person": person},
        "path": {"person": person, "other": other},
        "timeline": {"person": person},
        "evidence": {"subject": person, "object": event},
        "named": {"text": post},
        "find": {"text": meeting},
        "context": {"entity": alias},
    }


def with_params(path: Path, args: dict[str, str]) -> str:
    """The Browser file as a person edits it: its :param lines set to `args`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for name, value in args.items():
        quoted = value.replace("\\", "\\\\").replace("'", "\\'")
        [at] = [i for i, line in enumerate(lines) if line.startswith(f":param {name} => ")]
        lines[at] = f":param {name} => '{quoted}';"
    return "\n".join(lines) + "\n"


def test_every_browser_file_is_checked():
    """Each file of queries/cypher/ is a canned query (compared with `okg query` below) or a
    graph view's file (drawn below): a new file cannot go untested."""
    tables = {p.stem for p in CYPHER.glob("*.cypher")}
    assert tables == set(catalog())
    assert {p.stem for p in (CYPHER / "graph").glob("*.cypher")} == set(GRAPHS)


@pytest.mark.parametrize("which", ["derived", "the issue's"])
def test_okg_cypher_runs_a_browser_file_with_a_name(seeds: Store, arguments, which: str):
    """`okg cypher queries/cypher/attendees.cypher -p meeting=NAME --store neo4j` lists the
    attendees that `okg query attendees NAME` lists, by name: for the test's meeting, and for
    the short name issue 25 gives (of a meeting in the seeds; whatever okg query answers)."""
    meeting = arguments["attendees"]["meeting"] if which == "derived" else "市委政法工作会议"
    expected = okg_query(seeds, "attendees", meeting)
    assert expected
    rows = okg_cypher(seeds, CYPHER / "attendees.cypher", {"meeting": meeting})
    assert normalise(catalog()["attendees"], rows) == expected
    assert {row["name"] for row in rows} == {row["name"] for row in expected}


def lookup_expressions(name: str) -> set[str]:
    """The text of an expression of the Browser files' lookup (`form`, `canon`), from every
    file that has it: the copies must be one text."""
    found = {
        match
        for path in [*CYPHER.glob("*.cypher"), *CYPHER.glob("graph/*.cypher")]
        for match in re.findall(
            rf"^WITH (?:\w+, )*(reduce\(s = (?:(?!\nWITH).)*?) AS {name}$",
            path.read_text(encoding="utf-8"),
            re.M | re.S,
        )
    }
    assert len(found) == 1, f"the Browser files spell `{name}` in {len(found)} ways"
    return found


def test_the_browser_files_rewrite_names_as_okg_query_does(seeds: Store):
    """The Cypher that makes a text plain (`form`) and rewrites a body's long official form
    (`canon`) gives what graph/names.py gives, on every name and alias of the seeds' bodies and
    events and on the long forms of the bodies' names."""
    [form] = lookup_expressions("form")
    [canon] = lookup_expressions("canon")
    rows = seeds.graph.query(
        """MATCH (n) WHERE n:Organization OR n:Event
           UNWIND [n.name] + coalesce(n.aliases, []) AS name RETURN DISTINCT name"""
    )
    texts = [row["name"] for row in rows]
    texts += ["中共" + t[:-1] + "委员会" for t in texts if t.endswith("委")]
    texts += ["中国共产党" + t[:-1] + "委员会 " for t in texts if t.endswith("委")]
    texts += ["中国人民政治协商会议许昌市委员会", "许昌市人民代表大会常务委员会", "Ｘ市　检察院"]
    got = seeds.graph.query(
        f"UNWIND $texts AS text WITH text, {form} AS form RETURN text, form, {canon} AS canon",
        {"texts": texts},
    )
    assert len(got) == len(texts) > 100
    for row in got:
        assert row["form"] == norm_text(row["text"]), row
        assert row["canon"] == org_name(row["text"]), row


def flat(row: dict) -> str:
    """A row's values as one text, a line each (a list's items too)."""
    values = [v for value in row.values() for v in (value if isinstance(value, list) else [value])]
    return "\n".join(str(v) for v in values)


def ambiguous_text(store: Store, kinds: tuple[str, ...]) -> tuple[str, list[str]]:
    """A part of a name that several entities of `kinds` share, with the ids `okg query` lists
    for it: the commonest surname of persons, the commonest last two characters of other
    names."""
    label = kinds[0]
    field = "label" if label == "Post" else "name"
    every = names(store, f"MATCH (n:{label}) RETURN n.{field} AS name")
    parts = Counter(n[:1] if label == "Person" else n[-2:] for n in every if len(n) > 2)
    text = parts.most_common(1)[0][0]
    found = candidates(store.graph, text, kinds)
    assert len(found) > 1, text
    return text, sorted(c.id for c in found)


@pytest.mark.parametrize("name", [q.name for q in questions()])
def test_a_name_of_several_entities_lists_them_rather_than_answering(
    seeds: Store, arguments, name: str
):
    """Where `okg query` stops with a list of the entities a name may mean, the Browser file
    gives one row per entity, carrying the :param line that picks it and its context."""
    query = catalog()[name]
    param = next(p for p in query.params)
    text, ids = ambiguous_text(seeds, param.kinds)
    args = {**arguments[name], param.name: text}
    assert okg_query(seeds, name, *args.values()) is None
    rows = okg_cypher(seeds, CYPHER / f"{name}.cypher", args)
    picks = {
        pick[1]: flat(row)
        for row in rows
        if (pick := re.search(rf":param {param.name} => '([^']+)'", flat(row)))
    }
    assert len(rows) == len(picks) and sorted(picks) == ids
    for id_, shown in picks.items():
        context = okg_query(seeds, "context", id_)
        assert context is not None
        assert all(item in shown for item in context[0]["context"]), (shown, context)


# The Browser.


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("NEO4J_BROWSER_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


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


@pytest.fixture(scope="module")
def browser(
    seeds: Store, neo4j_uri: str, neo4j_http_uri: str, tmp_path_factory, shots: Path
) -> Iterator[WebDriver]:
    """The Browser, connected to the test server, with the project's style loaded."""
    with open_chromium(tmp_path_factory.mktemp("chromium")) as web:
        try:
            # The connect form comes up with the Bolt URI given in the address; pick "No
            # authentication" (the test server has auth disabled) and press Connect.
            bolt = neo4j_uri.rstrip("/")
            web.call("POST", "/url", {"url": f"{neo4j_http_uri}browser/?dbms={bolt}"})
            no_auth = "[data-testid=authenticationMethod] option[value=NO_AUTH]"
            wait_for(
                "the connect form",
                lambda: web.script(f"return !!document.querySelector('{no_auth}')"),
            )
            assert web.script(
                "return document.querySelector('[data-testid=boltaddress]').value"
            ) == bolt.removeprefix("bolt://")
            click(web, no_auth)
            method = "return document.querySelector('[data-testid=authenticationMethod]').value"
            wait_for("No authentication to be chosen", lambda: web.script(method) == "NO_AUTH")
            click(web, "[data-testid=connect]")
            # Connected, its editor prompt names the database: "neo4j$" (a bare "$" before).
            prompt = "return document.querySelector('[data-testid=activeEditor]')?.innerText || ''"
            wait_for(
                "the Browser to connect", lambda: web.script(prompt).strip().startswith("neo4j$")
            )
            run(web, ":style " + STYLE.read_text(encoding="utf-8"))
            wait_for("the style", lambda: "node.Person" in frame_text(web))
            yield web
        except Exception:
            failed = shots / "failed.png"
            failed.write_bytes(web.screenshot())
            print(f"screenshot of the failure: {failed}")
            raise


def frame_text(web: WebDriver) -> str:
    return web.script(
        f"const f = document.querySelector('{LATEST_FRAME}'); return f ? f.innerText : '';"
    )


def run(web: WebDriver, text: str) -> None:
    """Paste `text` into the editor and press its run button."""
    paste(web, "[data-testid=activeEditor] textarea", text)
    click(web, "[data-testid=editor-Run]")


def clear(web: WebDriver) -> None:
    run(web, ":clear")
    wait_for(
        "the frames to go",
        lambda: not web.script(f"return !!document.querySelector('{LATEST_FRAME}')"),
    )


def run_file(web: WebDriver, text: str) -> str:
    """Paste a whole Browser file, its :param lines and its statement, and run it as the
    Browser's multi-statement editor does; then run the statement alone, which the Browser
    shows in a frame of its own (a multi-statement frame shows each statement's status only).
    Returns the statement."""
    clear(web)
    _, params, statement = parse_browser_file(text)
    run(web, text)
    status = f"""
        const icons = document.querySelectorAll(
            '{LATEST_FRAME} [data-testid=multi-statement-list-icon]');
        return [...icons].map(i => i.title);"""
    done = wait_for(
        "every statement of the file to run",
        lambda: (
            (s := web.script(status))
            and len(s) == len(params) + 1
            and all(t in ("Status: success", "Status: error") for t in s)
            and s
        ),
    )
    assert done == ["Status: success"] * (len(params) + 1), frame_text(web)
    run(web, statement)
    flat = " ".join(statement.split())
    wait_for(
        "the statement's frame",
        lambda: web.script(
            f"""const f = document.querySelector('{LATEST_FRAME}');
                const c = f && f.querySelector('[data-testid=frameCommand]');
                return !!c && c.textContent.split(/\\s+/).join(' ').trim() === arguments[0]
                    && /Started streaming|no records|Displaying|ERROR/.test(f.innerText);""",
            flat,
        ),
    )
    return statement


TABLE = f"""
    // A cell holds a string quoted as written (quotes inside are not escaped), a number or
    // null as text, a list as a span with a span for each item.
    const value = node => {{
        const text = node.textContent;
        if (node.children.length) return [...node.children].map(w => value(w.firstElementChild));
        if (text === '[]') return [];
        if (text === 'null') return null;
        return text.startsWith('"') ? text.slice(1, -1) : Number(text);
    }};
    const table = document.querySelector('{LATEST_FRAME} table.relatable__table');
    if (!table) return null;
    const head = [...table.querySelectorAll('thead th[role=columnheader]')].map(c => c.textContent);
    const rows = [...table.querySelectorAll('tbody tr')].map(
        r => [...r.querySelectorAll('td[role=cell]')].map(c => value(c.firstElementChild || c)));
    return [head, rows];
"""


def shown_rows(web: WebDriver) -> list[dict]:
    """The rows of the table the Browser shows, read back from its cells."""
    if "(no changes, no records)" in frame_text(web):
        return []
    head, rows = wait_for("the table", lambda: web.script(TABLE))
    return [dict(zip(head, row, strict=True)) for row in rows]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("name", list(catalog()))
def test_each_browser_file_shows_the_rows_of_okg_query(
    seeds: Store, arguments, browser: WebDriver, shots: Path, name: str
):
    args = arguments[name]
    expected = okg_query(seeds, name, *args.values())
    assert expected, f"okg query {name} {' '.join(args.values())}: no rows to compare"
    run_file(browser, with_params(CYPHER / f"{name}.cypher", args))
    shot = shots / f"{name}.png"
    shot.write_bytes(browser.screenshot())
    rows = shown_rows(browser)
    assert rows and list(rows[0]) == list(catalog()[name].columns), f"screenshot: {shot}"
    assert normalise(catalog()[name], rows) == expected, f"screenshot: {shot}"


@pytest.mark.browser
@pytest.mark.slow
def test_a_name_of_several_meetings_shows_them_in_the_browser(
    seeds: Store, browser: WebDriver, shots: Path
):
    text, ids = ambiguous_text(seeds, EVENT)
    run_file(browser, with_params(CYPHER / "attendees.cypher", {"meeting": text}))
    (shots / "attendees-several.png").write_bytes(browser.screenshot())
    rows = shown_rows(browser)
    assert sorted(row["id"] for row in rows) == ids
    for row in rows:
        assert f":param meeting => '{row['id']}'" in row["evidence"][0]


DROP = """
    const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
    const files = new DataTransfer();
    files.items.add(new File([bytes], arguments[1]));
    const window_ = document.querySelector('.filedrop');
    for (const type of ['dragenter', 'dragover', 'drop'])
        window_.dispatchEvent(
            new DragEvent(type, {dataTransfer: files, bubbles: true, cancelable: true}));
"""


def drop(web: WebDriver, name: str, data: bytes) -> None:
    """Drop a file named `name` on the Browser window, as from a file manager."""
    web.script(DROP, base64.b64encode(data).decode(), name)


@pytest.mark.browser
@pytest.mark.slow
def test_the_files_and_the_style_drop_into_the_browser(browser: WebDriver):
    """What docs/neo4j.md says: a zip of queries/cypher/ dropped on the Browser is saved as
    scripts, a folder as in the zip; okg.grass dropped on it is loaded as the style."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        files = sorted(CYPHER.rglob("*.cypher"))
        for path in files:
            zipped.write(path, path.relative_to(CYPHER.parent))
    drop(browser, "okg-cypher.zip", archive.getvalue())

    def saved() -> list[dict]:
        return json.loads(browser.script("return localStorage.getItem('neo4j.documents')"))

    texts = {path.read_text(encoding="utf-8") for path in files}
    wait_for("the scripts to be saved", lambda: texts <= {d["content"] for d in saved()})
    folders = json.loads(browser.script("return localStorage.getItem('neo4j.folders')"))
    in_folder = {d["content"]: d.get("folder") for d in saved()}
    names = {f["id"]: f["name"] for f in folders}
    assert {
        p.read_text(encoding="utf-8"): str(p.parent.relative_to(CYPHER.parent)) for p in files
    } == {text: names[in_folder[text]] for text in texts}

    clear(browser)
    drop(browser, "okg.grass", STYLE.read_bytes())
    shown = wait_for("the style", lambda: (t := frame_text(browser)).startswith(":style") and t)
    for label, colour in style_colours().items():
        assert re.search(rf"node\.{label} \{{[^}}]*color: {colour}", shown, re.I), label


# The graph view: which nodes each file draws, by label, from `okg query`'s rows.


def person_graph(store: Store, person: str) -> Counter:
    posts = okg_query(store, "posts", person) or []
    return Counter(
        Person=1,
        Post=len({row["id"] for row in posts}),
        Organization=len({row["organization"] for row in posts}),
        Event=len(okg_query(store, "meetings", person) or []),
    )


def meeting_graph(store: Store, meeting: str) -> Counter:
    attendees = okg_query(store, "attendees", meeting) or []
    posts = [row for a in attendees for row in okg_query(store, "posts", a["id"]) or []]
    return Counter(
        Event=1,
        Person=len(attendees),
        Post=len({row["id"] for row in posts}),
        Organization=len({row["organization"] for row in posts}),
    )


GRAPHS = {"person": ("meetings", person_graph), "meeting": ("attendees", meeting_graph)}


def style_colours() -> dict[str, str]:
    """Each node label's colour in queries/okg.grass."""
    blocks = re.findall(r"node\.(\w+)\s*\{([^}]*)\}", STYLE.read_text(encoding="utf-8"))
    colours = {label: re.findall(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{6})", b) for label, b in blocks}
    assert all(len(c) == 1 for c in colours.values()), colours
    return {label: c[0].upper() for label, c in colours.items()}


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("name", list(GRAPHS))
def test_each_graph_file_draws_the_answer_in_the_style(
    seeds: Store, arguments, browser: WebDriver, shots: Path, name: str
):
    question, expected_graph = GRAPHS[name]
    args = {name: next(iter(arguments[question].values()))}
    expected = +expected_graph(seeds, *args.values())
    run_file(browser, with_params(CYPHER / "graph" / f"{name}.cypher", args))
    text = wait_for("the graph", lambda: "Displaying" in (t := frame_text(browser)) and t)
    labels = text.split("Node labels", 1)[1].split("Relationship types", 1)[0]
    counts = Counter({k: int(v) for k, v in re.findall(r"(\w+) \((\d+)\)", labels)})
    assert counts == expected, text
    assert f"Displaying {sum(expected.values())} nodes" in text
    # Each label in its colour of queries/okg.grass: the style is applied. The summary is
    # written before the picture is drawn: wait for every node's circle.
    drawn = f"""return [...document.querySelectorAll('{LATEST_FRAME} g.node circle.b-outline')]
                .map(c => (c.getAttribute('fill') || '').toUpperCase());"""
    total = sum(expected.values())
    fills = wait_for(
        "every node drawn",
        lambda: (f := browser.script(drawn)) and len(f) == total and all(f) and f,
    )
    colours = style_colours()
    assert Counter(fills) == Counter({colours[label]: n for label, n in expected.items()})
    click(browser, f"{LATEST_FRAME} button[title=Fullscreen]")
    size = f"""const f = document.querySelector('{LATEST_FRAME}').getBoundingClientRect();
               return f.top >= 0 && f.height > 0.95 * window.innerHeight;"""
    wait_for("the frame to fill the window", lambda: browser.script(size))
    time.sleep(2)  # the force layout settles
    (shots / f"graph-{name}.png").write_bytes(browser.screenshot())
    click(browser, f"{LATEST_FRAME} button[title='Close fullscreen']")
