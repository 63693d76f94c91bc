"""The canned queries, answered alike by both stores.

catalog (each query's Cypher and SPARQL texts, parameters and columns, from the files under
queries/cypher and queries/sparql) · run (a query on a store, rows the same whichever store
answered) · lookup (the entities a name given on the command line may mean) · path (the
shortest chain of facts between two entities).

`queries.catalog.catalog` and `queries.run.run` are imported from their modules: a function
of a module's own name, put on the package, would hide the module.
"""

from officials_kg.queries.catalog import CannedQuery, parse_browser_file, questions
from officials_kg.queries.lookup import Candidate, Unresolved, candidates, resolve
from officials_kg.queries.path import shortest_path

__all__ = [
    "CannedQuery",
    "Candidate",
    "Unresolved",
    "candidates",
    "parse_browser_file",
    "questions",
    "resolve",
    "shortest_path",
]
