"""officials-kg: the `okg` command line over the loaders, extraction, graph and queries.

The package offers its command line (the `okg` script, `officials_kg.cli.main:app`), not names to
import: the library is the other packages (loaders, extraction, graph, queries, evaluation). `app`
is not put on the package, where it would hide the module `officials_kg.cli.app`.
"""

__all__: list[str] = []
