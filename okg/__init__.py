"""officials-kg: the `okg` command line over the loaders, extraction, graph and queries.

The package offers its command line (the `okg` script, `okg.cli:app`), not names to import:
the library is the other packages (loaders, extraction, graph, queries, evaluation). `app` is
not put on the package, where it would hide the module `okg.app`.
"""

__all__: list[str] = []
