"""Entry point of `okg`: importing the command modules registers their commands."""

import officials_kg.cli.commands.evaluate  # noqa: F401  (registers evaluate)
import officials_kg.cli.commands.export  # noqa: F401  (registers export, view)
import officials_kg.cli.commands.graph  # noqa: F401  (registers ingest, stats)
import officials_kg.cli.commands.query  # noqa: F401  (registers query, cypher, sparql)
import officials_kg.cli.commands.read  # noqa: F401  (registers articles)
from officials_kg.cli.app import app, reflow_help
from officials_kg.cli.commands import extract  # noqa: F401  (registers extract)

reflow_help(app)

__all__ = ["app"]
if __name__ == "__main__":
    app()
