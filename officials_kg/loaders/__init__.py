"""Loading: files as users have them → clean, placed and dated documents.

inputs (text, web pages, PDF, web archives, each told by name or first bytes) with decode,
html, pdf, warc and files · normalise and clean (web copies and PDF noise, offsets kept by
mapped) · articles (a page cut into its stories) · document (the `Document` every later
stage reads, with its sentences, places and dates, from places, dates, cues and origin) ·
stream (a large file in parts) · batch (the command line's PATH arguments).
"""

from officials_kg.loaders.articles import ArticleSpan, split_articles
from officials_kg.loaders.batch import Loaded, Source, expand_paths, iter_documents
from officials_kg.loaders.decode import LoadError, read_text
from officials_kg.loaders.document import Article, Document, Sentence, build_document, load_document
from officials_kg.loaders.inputs import kind_of, load_source, read_file
from officials_kg.loaders.places import Gazetteer, PlaceMention, gazetteer
from officials_kg.loaders.stream import iter_parts

__all__ = [
    "Article",
    "ArticleSpan",
    "Document",
    "Gazetteer",
    "LoadError",
    "Loaded",
    "PlaceMention",
    "Sentence",
    "Source",
    "build_document",
    "expand_paths",
    "gazetteer",
    "iter_documents",
    "iter_parts",
    "kind_of",
    "load_document",
    "load_source",
    "read_file",
    "read_text",
    "split_articles",
]
