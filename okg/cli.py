"""Entry point of `okg`: importing the command modules registers their commands."""

import okg.commands.evaluate  # noqa: F401  (registers evaluate)
import okg.commands.export  # noqa: F401  (registers export, view)
import okg.commands.graph  # noqa: F401  (registers ingest, stats)
import okg.commands.query  # noqa: F401  (registers query, cypher, sparql)
import okg.commands.read  # noqa: F401  (registers articles)
from okg.app import app, reflow_help
from okg.commands import extract  # noqa: F401  (registers extract)

reflow_help(app)

__all__ = ["app"]
if __name__ == "__main__":
    app()
