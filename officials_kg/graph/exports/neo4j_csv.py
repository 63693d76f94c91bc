"""CSV files for `neo4j-admin database import full`, the bulk loader for very large corpora.

One node file per label (nodes/Person.csv) and one relationship file per type and pair of end
labels (relationships/MENTIONS-Document-Person.csv), since each file names the ID space of its
ends: `id:ID(Person)`, `:START_ID(Document)`, `:END_ID(Person)`, with `:LABEL` and `:TYPE`
columns. The ID column keeps its name, so the loader stores it as the `id` property the stores
use. Integers are `:long`; dates stay strings, as in the Neo4j store (docs/model.md); list
properties are `:string[]` with `;` between items. An empty cell is a missing property. A
fact's sentences and documents are REPORTS relationships from each Document that reports it,
as the Neo4j store writes them (relationships/REPORTS-Document-Post.csv …).
The `CsvImport` returned says the rest of the loader's command line.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import networkx as nx

from officials_kg.graph.cypher_statements import REPORTED, reports
from officials_kg.graph.vocab import EVIDENCE_LINKS, LINK_TYPES, NODE_TYPES, Prop

ARRAY_DELIMITER = ";"
"""Between the items of a list property, unless an item holds it: then the first character
that none holds (`|`, else one of the Private Use Area), which `arguments` passes on."""


@dataclass
class CsvImport:
    """Files written for the loader, the nodes and relationships in them, and whether a cell
    holds a line break (the loader then needs --multiline-fields, which makes it slower)."""

    directory: Path
    files: list[Path]
    multiline: bool
    nodes: int
    relationships: int
    delimiter: str = ARRAY_DELIMITER  # between the items of list properties

    def arguments(self) -> list[str]:
        """The options of `neo4j-admin database import full` that load the files, relative
        to `directory`."""
        d = self.delimiter
        options = [f"--array-delimiter={d if d.isascii() else f'U+{ord(d):04X}'}"]
        options += ["--multiline-fields=true"] if self.multiline else []
        for path in self.files:
            kind = "nodes" if path.parent.name == "nodes" else "relationships"
            options.append(f"--{kind}={path.relative_to(self.directory)}")
        return options


def write_neo4j_csv(graph: nx.MultiDiGraph, directory: Path) -> CsvImport:
    """Write the node and relationship files under `directory`."""
    nodes: dict[str, list[list]] = {}
    for node, data in sorted(graph.nodes(data=True)):
        t = NODE_TYPES[data["kind"]]
        row = [node, *_cells(data, t.props, t.sets), t.label]
        nodes.setdefault(t.label, []).append(row)
    links: dict[tuple[str, str, str], list[list]] = {}
    quoted_from = {u: v for u, v, k in graph.edges(keys=True) if k == "QUOTED_FROM"}
    for u, v, k, data in sorted(graph.edges(keys=True, data=True)):
        t = LINK_TYPES[k]
        target = graph.nodes[v]["kind"]
        row = [u, v, k, *_cells(data, t.props, _stored_sets(k))]
        if t.rdf_class:
            row.insert(3, data["id"])
        links.setdefault((k, graph.nodes[u]["kind"], target), []).append(row)
        if k in EVIDENCE_LINKS:
            for doc, evidence in reports(data, quoted_from):
                report = [doc, v, "REPORTS", data["id"], evidence]
                links.setdefault(("REPORTS", "Document", target), []).append(report)
    tables = (*nodes.values(), *links.values())
    lists = [cell for rows in tables for row in rows for cell in row if isinstance(cell, list)]
    delimiter = _delimiter([item for cell in lists for item in cell])
    written = []
    for label, rows in nodes.items():
        t = NODE_TYPES[label]
        header = [f"id:ID({label})", *_columns(t.props, t.sets), ":LABEL"]
        written.append(_write(directory / "nodes" / f"{label}.csv", header, rows, delimiter))
    for (link_type, source, target), rows in links.items():
        header = [f":START_ID({source})", f":END_ID({target})", ":TYPE"]
        if link_type == "REPORTS":
            header += ["fact", "evidence:string[]"]
        else:
            t = LINK_TYPES[link_type]
            header += ["id"] if t.rdf_class else []
            header += _columns(t.props, _stored_sets(link_type))
        path = directory / "relationships" / f"{link_type}-{source}-{target}.csv"
        written.append(_write(path, header, rows, delimiter))
    multiline = any(
        "\n" in text or "\r" in text
        for rows in tables
        for row in rows
        for cell in row
        for text in (cell if isinstance(cell, list) else [cell])
        if isinstance(text, str)
    )
    node_rows = sum(len(rows) for rows in nodes.values())
    link_rows = sum(len(rows) for rows in links.values())
    return CsvImport(directory, written, multiline, node_rows, link_rows, delimiter)


def _stored_sets(link_type: str) -> dict[str, Prop]:
    """A link type's sets that Neo4j keeps as list properties: all but a fact's sentences
    and documents, which are its REPORTS (docs/model.md)."""
    sets = LINK_TYPES[link_type].sets
    if link_type not in EVIDENCE_LINKS:
        return sets
    return {k: p for k, p in sets.items() if k not in REPORTED}


def _columns(props: dict[str, Prop], sets: dict[str, Prop]) -> list[str]:
    typed = [k + (":long" if p.kind == "int" else "") for k, p in props.items()]
    return typed + [f"{k}:string[]" for k in sets]


def _cells(data: dict, props: dict[str, Prop], sets: dict[str, Prop]) -> list:
    """A row's property cells; a list property stays a list until the delimiter is chosen."""
    return [data.get(k) for k in props] + [list(data.get(key) or []) for key in sets]


def _delimiter(items: list[str]) -> str:
    """The first of `;`, `|` and the Private Use Area's characters that no item holds: a
    sentence or a name can hold any character a text file can (an item holding the
    delimiter would be cut in two by the loader)."""
    used = set().union(*items) if items else set()
    for candidate in chain(ARRAY_DELIMITER + "|", map(chr, range(0xE000, 0xF900))):
        if candidate not in used:
            return candidate
    raise ValueError("every candidate array delimiter occurs in a list value")


def _write(path: Path, header: list[str], rows: list[list], delimiter: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows([delimiter.join(c) if isinstance(c, list) else c for c in r] for r in rows)
    return path
