"""The README and docs/ say what is true today: every example's output is what the command
prints now (cog runs them all, docs/examples.py), the links between the pages lead
somewhere, and the README stays a page a newcomer reads in five minutes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
    ROOT / "benchmarks" / "README.md",
]
REGENERATE = "cog -r -I docs README.md docs/*.md benchmarks/README.md"  # as docs/development.md
FRESH_MACHINE = [
    "python3 -m venv .venv && .venv/bin/pip install -q . && .venv/bin/okg ingest seeds/ "
    "&& .venv/bin/okg stats",
    "scripts/test",
]
LINK = re.compile(r"\]\(([^)#]+)(?:#[^)]*)?\)")


@pytest.mark.slow
def test_every_example_output_is_what_the_command_prints_today() -> None:
    pages = [str(p.relative_to(ROOT)) for p in PAGES]
    ran = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "--diff", "-I", "docs", *pages],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ran.returncode == 0, (
        f"an example's output is stale: run `.venv/bin/{REGENERATE}` and commit the pages\n"
        + ran.stdout[-4000:]
        + ran.stderr[-4000:]
    )


def test_the_pages_have_examples_to_check() -> None:
    marked = [p.name for p in PAGES if "[[[cog" in p.read_text(encoding="utf-8")]
    assert {"README.md", "queries.md", "extraction.md"} <= set(marked)
    assert "[[[cog" in (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")


def test_the_readme_is_short_and_starts_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 160
    blocks = re.findall(r"```bash\n(.*?)\n```", text, re.S)
    assert blocks[: len(FRESH_MACHINE)] == FRESH_MACHINE


def test_links_between_the_pages_lead_to_files_of_the_repository() -> None:
    for page in PAGES:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            assert (page.parent / target).exists(), (page.name, target)
