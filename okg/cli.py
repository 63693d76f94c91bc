"""Entry point of `okg`: importing the command modules registers their commands."""

from okg.app import app
from okg.commands import read  # noqa: F401  (registers articles, extract)

__all__ = ["app"]
