"""Exports of the graph for other tools, and a page to look at it.

Each exporter is a plain function from the networkx graph of `graph.to_networkx` (so from
either store) to a file: GraphML for Gephi, Cytoscape, yEd, igraph and TinkerPop (`graphml`),
GEXF for Gephi's timeline (`gexf`), Turtle and JSON-LD (`rdf`), Popolo JSON (`popolo`), CSV
files for `neo4j-admin database import` (`neo4j_csv`) and a self-contained HTML view
(`view`). `network` holds what they share: the slice by date and place, readable labels, and
the projections.
`popolo.popolo` (the document, not written) is imported from its module, whose name it has.
"""

from officials_kg.graph.exports.gexf import write_gexf
from officials_kg.graph.exports.graphml import write_graphml
from officials_kg.graph.exports.neo4j_csv import CsvImport, write_neo4j_csv
from officials_kg.graph.exports.network import Slice, select
from officials_kg.graph.exports.popolo import write_popolo
from officials_kg.graph.exports.rdf import write_jsonld, write_turtle
from officials_kg.graph.exports.view import write_view

__all__ = [
    "CsvImport",
    "Slice",
    "select",
    "write_gexf",
    "write_graphml",
    "write_jsonld",
    "write_neo4j_csv",
    "write_popolo",
    "write_turtle",
    "write_view",
]
