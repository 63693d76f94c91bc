"""No name of a real person in the code: the project's rule is to invent examples (张三, 李四宝).

Real people are those the gold annotations name, of the seeds and of the development set
(eval/gold, eval/dev/gold: persons scored, optional and ignored; tests/gold.py), and the
national figures of lexicons/national_figures.txt. Code is every source file and script
outside the data folders seeds/ and eval/: the suffixes of CODE_SUFFIXES and files that start
with `#!`. Markdown is left out: docs/ and the README show real output of `okg` on the seeds,
written by cog.

A file is read as the extractor reads a page: in simplified script (the dev gold writes some
names in traditional script) and with the spaces between Han characters taken out (PDF text
spaces names out, and tests copy it). Then a name is found
- of three characters or more, anywhere: names that long are not words of the genre;
- of two characters, only where it stands alone, not inside a longer run of Han characters
  (`"张三"`, `（张三）`, `记者 张三`, in the unjoined text), or next to a title of
  lexicons/titles.tsv (副市长张三出席, 张三书记). Elsewhere inside a run, two characters are
  most often a word or part of something else: several of the gold's two-character names
  are also words or parts of place names and longer names (as in 汪洋大海, 黑龙江, 乌兰察布).
  A two-character name inside a sentence with no title next to it is missed: the cost of
  not flagging every 黑龙江.

Each file is a test of its own, so a failure names the file and the names in it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import opencc
import pytest

from officials_kg import lexicons
from officials_kg.loaders.normalise import simplify
from tests.gold import ROOT, gold_names

DATA_FOLDERS = {"seeds", "eval"}  # real pages and their annotations, at the root
SKIPPED = {".git", ".venv", ".venv-compiled", "__pycache__", "build", "out", "data"}
"""Folders that hold no code of the project: tools' and builds' (`data` at the root is a
store written by `okg ingest`; tests/data holds fixtures, scanned like the rest)."""
CODE_SUFFIXES = {".py", ".pyi", ".cypher", ".rq", ".sh", ".java", ".html", ".js", ".grass"}
HAN = "\u3400-\u9fff\uf900-\ufaff"
_SPACED = re.compile(rf"(?<=[{HAN}])[ \t\u3000]+(?=[{HAN}])")


@cache
def real_names() -> frozenset[str]:
    """The names of real people, in simplified script."""
    figures = lexicons.words("national_figures.txt")
    return frozenset(simplify(n) for n in gold_names() | set(figures))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(names of 3+ characters anywhere, names of 2 characters alone or next to a title)."""
    long = _alternation(n for n in real_names() if len(n) > 2)
    short = _alternation(n for n in real_names() if len(n) == 2)
    titles = _alternation(lexicons.column("titles.tsv", "title"))
    alone = rf"(?<![{HAN}])({short})(?![{HAN}])"
    return re.compile(long), re.compile(rf"{alone}|(?:{titles})({short})|({short})(?:{titles})")


def names_in(text: str) -> set[str]:
    """The real names `text` holds, by the rules of the module's docstring."""
    simplified = simplify(text)
    long, short = _patterns()
    found = set(long.findall(_SPACED.sub("", simplified)))
    return found | {name for match in short.findall(simplified) for name in match if name}


def code_files() -> list[Path]:
    """The project's code and scripts, as paths relative to the repository."""
    found = []
    for folder, dirs, files in os.walk(ROOT):
        here = Path(folder)
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIPPED
            and not d.endswith(".egg-info")
            and not (here == ROOT and d in DATA_FOLDERS)
            and not (d.startswith(".") and d != ".ci")
        )
        for name in sorted(files):
            path = here / name
            if path.suffix in CODE_SUFFIXES or (not path.suffix and _is_script(path)):
                found.append(path.relative_to(ROOT))
    return found


def _is_script(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(2) == b"#!"


@pytest.mark.parametrize("path", code_files(), ids=str)
def test_no_real_name_in(path: Path) -> None:
    found = names_in((ROOT / path).read_text(encoding="utf-8"))
    assert not found, f"{path}: names of real people {sorted(found)}; invent them (张三, 李四宝)"


def test_the_scan_covers_code_tests_queries_and_scripts_and_no_data() -> None:
    files = set(code_files())
    for kind in (
        "officials_kg/extraction/names.py",
        "tests/test_cli_query.py",
        "officials_kg/queries/cypher/attendees.cypher",
        "officials_kg/queries/sparql/named.rq",
        "scripts/test",
        ".ci/run",
    ):
        assert Path(kind) in files
    assert not any(p.parts[0] in DATA_FOLDERS for p in files)


def test_a_name_is_found_as_pages_write_it_and_a_word_holding_two_of_its_characters_is_not():
    """The rule on names of the data, taken at run time: one of three characters spaced out
    and in traditional script, one of two alone and inside a word."""
    long = min(n for n in real_names() if len(n) == 3)
    short = min(n for n in real_names() if len(n) == 2)
    traditional = opencc.OpenCC("s2t").convert(long)
    assert names_in(f"市长{' '.join(traditional)}出席") == {long}
    assert names_in(f'Person("{short}")') == {short} == names_in(f"（{short}）\n")
    assert names_in(f"在{short}出席") == set()
    assert names_in(f"副市长{short}出席") == {short} == names_in(f"向{short}书记汇报")
    assert real_names() >= {simplify(n) for n in lexicons.words("national_figures.txt")}
