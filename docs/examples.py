"""The outputs of the examples in README.md and docs/*.md, written by cog (cogapp) from real
runs of today's code, so that what the pages show is what `okg` prints.

    .venv/bin/cog -r -I docs README.md docs/*.md benchmarks/README.md       # regenerate all
    .venv/bin/cog --check -I docs README.md docs/*.md benchmarks/README.md  # fails if stale

A page marks an example with `[[[cog shell("okg …")]]]` … `[[[end]]]` in HTML comments
around a code block. Commands run with bash in a scratch folder of their own, with this
environment's bin folder first on PATH (so `okg` is the one installed here) and 100
terminal columns. The folder holds `seeds/`, `eval/`, `docs/` and `benchmarks/` of the
repository (linked), and the embedded store in `data/okg` once `okg ingest seeds/` has run:
`shell` makes sure it has, and that command runs once per cog run, whichever page comes
first.
What changes from run to run (timings, the elapsed time of a progress bar) is replaced by
`…`, so that the outputs are the same for the same code.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

import cog  # type: ignore[import-not-found]  # present when cog runs this

ROOT = Path(__file__).resolve().parent.parent
LINKED = ("seeds", "eval", "docs", "benchmarks")
COLUMNS = 100
INGEST = "okg ingest seeds/"

VOLATILE = [
    (re.compile(r"in [\d.]+ s, [\d,]+ links/s"), "in … s, … links/s"),  # okg ingest
    (re.compile(r"^\w+ [━╸╺ ]+ *\d+/\d+ \d+:\d\d:\d\d$", re.M), ""),  # a progress bar
]


@cache
def workspace() -> Path:
    """The scratch folder of this cog run, removed when the run ends."""
    folder = Path(tempfile.mkdtemp(prefix="okg-docs-"))
    for name in LINKED:
        (folder / name).symlink_to(ROOT / name)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@cache
def output(command: str) -> str:
    """What `command` prints, stdout and stderr as a terminal interleaves them (with
    volatile parts replaced), run once per cog run."""
    env = os.environ | {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "COLUMNS": str(COLUMNS),
    }
    env.pop("OKG_DATA", None)  # the default store: data/okg in the scratch folder
    ran = subprocess.run(
        ["bash", "-c", command],
        cwd=workspace(),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    text = ran.stdout
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    text = "\n".join(line.rstrip() for line in text.splitlines() if line.strip())
    return text + (f"\n[exit status {ran.returncode}]" if ran.returncode else "")


def shell(*commands: str) -> None:
    """A code block: each command after `$ `, then its output; the seeds ingested first."""
    output(INGEST)
    cog.outl("```console")
    for command in commands:
        cog.outl(f"$ {command}")
        printed = output(command)
        if printed:
            cog.outl(printed)
    cog.outl("```")


def markdown(command: str) -> None:
    """What `command` prints, as the page's own Markdown (a table of benchmarks/report.py)."""
    cog.outl(output(command))
