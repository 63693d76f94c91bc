"""The canned queries, each defined once: its Cypher and SPARQL texts, parameters and columns.

The Cypher text is `queries/cypher/NAME.cypher`, the file a user pastes into the Neo4j
Browser: its `//` lines say what it answers, its `:param` lines set the parameters (with an
example from the seeds), and the statement follows. The parameters' names, order and examples
are read from those lines, so the Browser file is their one definition; this table adds what
each parameter names (the node labels that the lookup may find for it) and the result columns.
The SPARQL text is `queries/sparql/NAME.rq`; it selects the same columns, and a parameter
is the variable of its name, which queries/run.py replaces with the argument. It has no ORDER
BY: queries/run.py puts the rows of both stores in the declared order anyway, and pyoxigraph
reads the strings it sorts on again at every comparison (half the time of `evidence` on a
fact with thousands of sentences).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

TEXT = ()
"""A parameter that takes text as it is, not an entity."""
PERSON = ("Person",)
EVENT = ("Event",)
BODY = ("Organization",)
LIST_SEPARATOR = "\x1f"
"""What the SPARQL texts' GROUP_CONCAT puts between the items of a list column."""

_PARAM = re.compile(r"^:param\s+(\w+)\s*=>\s*'([^']*)'\s*;?\s*$")


@dataclass(frozen=True)
class Param:
    name: str
    kinds: tuple[str, ...]  # node labels an argument may name; () for plain text
    example: str  # the value the Browser file sets

    @property
    def metavar(self) -> str:
        return self.name.upper().replace("_", "-")


@dataclass(frozen=True)
class CannedQuery:
    name: str
    doc: str  # the Browser file's `//` lines
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    lists: frozenset[str]  # columns that hold lists: sorted, without repeats, in both stores
    order: tuple[str, ...]  # the row order; "-col" sorts a number column from high to low
    cypher: str
    sparql: str

    @property
    def usage(self) -> str:
        return " ".join([self.name, *(p.metavar for p in self.params)])

    @property
    def summary(self) -> str:
        return self.doc.split(": ", 1)[-1].split("\n")[0]


@dataclass(frozen=True)
class _Spec:
    name: str
    kinds: dict[str, tuple[str, ...]]
    columns: str  # space-separated; a trailing * marks a list column
    order: str


_SPECS = [
    _Spec("attendees", {"meeting": EVENT}, "name anchor roles* date evidence* id", "name id"),
    _Spec("meetings", {"person": PERSON}, "date event type roles* id", "date event id"),
    _Spec(
        "posts",
        {"person": PERSON},
        "post organization first_seen last_seen reports sentence id",
        "post id",
    ),
    _Spec(
        "holders",
        {"post_or_body": ("Post", "Organization")},
        "post organization name anchor first_seen last_seen id",
        "post name id",
    ),
    _Spec("members", {"body": BODY}, "name anchor posts* id", "name id"),
    _Spec("comeet", {"person": PERSON}, "name anchor shared events* id", "-shared name id"),
    _Spec("path", {"person": PERSON, "other": PERSON}, "step kind name date id", "step"),
    _Spec("timeline", {"person": PERSON}, "date until kind name roles* id", "date kind name id"),
    _Spec(
        "evidence",
        {"subject": ("Person", "Organization"), "object": ("Event", "Post", "Organization")},
        "fact about document url path page start end sentence",
        "fact about document start",
    ),
    # The lookup's steps (queries/lookup.py): exact names and aliases, substrings, context.
    _Spec("named", {"text": TEXT}, "kind name aliases* id", "kind name id"),
    _Spec("find", {"text": TEXT}, "kind name aliases* id", "kind name id"),
    _Spec(
        "context", {"entity": ("Person", "Event", "Organization", "Post")}, "context*", "context"
    ),
]
LOOKUP_QUERIES = ("named", "find", "context")


def _read(folder: str, name: str) -> str:
    return (
        resources.files("officials_kg.queries").joinpath(folder, name).read_text(encoding="utf-8")
    )


def parse_browser_file(text: str) -> tuple[str, list[tuple[str, str]], str]:
    """(the `//` lines without the slashes, [(param, example)], the statement without `;`)."""
    doc, params, body = [], [], []
    for line in text.splitlines():
        if not body and line.startswith("//"):
            doc.append(line.removeprefix("//").strip())
        elif not body and (match := _PARAM.match(line)):
            params.append((match[1], match[2]))
        elif line.strip() or body:
            body.append(line)
    return "\n".join(doc), params, "\n".join(body).strip().removesuffix(";")


def _load(spec: _Spec) -> CannedQuery:
    doc, examples, cypher = parse_browser_file(_read("cypher", f"{spec.name}.cypher"))
    if {name for name, _ in examples} != set(spec.kinds):
        raise ValueError(f"{spec.name}.cypher sets {examples}, the catalog expects {spec.kinds}")
    columns = spec.columns.split()
    return CannedQuery(
        name=spec.name,
        doc=doc,
        params=tuple(Param(name, spec.kinds[name], example) for name, example in examples),
        columns=tuple(c.removesuffix("*") for c in columns),
        lists=frozenset(c.removesuffix("*") for c in columns if c.endswith("*")),
        order=tuple(spec.order.split()),
        cypher=cypher,
        sparql=_read("sparql", f"{spec.name}.rq"),
    )


@cache
def catalog() -> dict[str, CannedQuery]:
    """Every query by name: the questions first, then the lookup's steps."""
    return {spec.name: _load(spec) for spec in _SPECS}


def questions() -> list[CannedQuery]:
    """The canned questions that `okg query` lists (the lookup's steps left out)."""
    return [q for q in catalog().values() if q.name not in LOOKUP_QUERIES]
