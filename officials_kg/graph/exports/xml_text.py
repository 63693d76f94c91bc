"""Text that XML can carry, for every XML output (GraphML).

XML 1.0 forbids most control characters (NUL, \\x01 … \\x1f but tab and line breaks), lone
surrogates and U+FFFE/U+FFFF, even escaped as `&#1;`. A plain text file can carry one into a
sentence, and from there into a fact's evidence or a name; one such character in an export
makes the whole file unreadable. So each is written as its Python escape (`\\x01`, `\\ufffe`):
the text stays whole and says what was there, and everything else is left as it is.
"""

from __future__ import annotations

import re

import networkx as nx

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` with each character XML forbids written as its escape."""
    return _FORBIDDEN.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def xml_safe(graph: nx.Graph) -> nx.Graph:
    """`graph` with every text attribute of its nodes and edges made `xml_text`, in place;
    node ids are content hashes (graph/model.py), which never need it."""
    attributes = [data for _, data in graph.nodes(data=True)]
    attributes += [data for *_, data in graph.edges(data=True)]
    for data in attributes:
        for key, value in data.items():
            if isinstance(value, str) and _FORBIDDEN.search(value):
                data[key] = xml_text(value)
    return graph
