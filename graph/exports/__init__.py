"""Exports of the graph for other tools, and a page to look at it.

Each exporter is a plain function from the networkx graph of `graph.to_networkx` (so from
either store) to a file: GraphML for Gephi, Cytoscape, yEd, igraph and TinkerPop (`graphml`),
GEXF for Gephi's timeline (`gexf`), Turtle and JSON-LD (`rdf`), Popolo JSON (`popolo`), CSV
files for `neo4j-admin database import` (`neo4j_csv`) and a self-contained HTML view
(`view`). `network` holds what they share: the slice by date and place, readable labels, and
the projections.
"""
