"""The examples in the entry points' docstrings that need no file or store run as written,
so that they stay true. Read from the source, since a compiled module (setup.py) may not
keep its docstrings."""

from __future__ import annotations

import ast
import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [
    ("officials_kg.lexicons", "officials_kg/lexicons/__init__.py", "parse_table"),
    ("officials_kg.loaders.document", "officials_kg/loaders/document.py", "build_document"),
    ("officials_kg.extraction.pipeline", "officials_kg/extraction/pipeline.py", "extract_document"),
    ("officials_kg.loaders.articles", "officials_kg/loaders/articles.py", "split_articles"),
]


@pytest.mark.parametrize(("name", "path", "function"), EXAMPLES, ids=[f for *_, f in EXAMPLES])
def test_the_docstring_example_gives_what_it_shows(name: str, path: str, function: str) -> None:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function)
    module = importlib.import_module(name)
    text = ast.get_docstring(node, clean=True) or ""
    test = doctest.DocTestParser().get_doctest(text, dict(vars(module)), function, path, 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.summarize(verbose=False) == (0, len(test.examples)) and test.examples
