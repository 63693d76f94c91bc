"""Extraction: persons, posts, bodies, events and participations, each with its evidence."""

from extraction.pipeline import extract_document

__all__ = ["extract_document"]
