"""The hot modules compiled to C with mypyc when a wheel is built (`pip install .`).

Extraction runs the loaders' and extractor's Python once per line and per sentence of every page;
mypyc compiles those modules, unchanged, into C extensions, which run them faster
(benchmarks/README.md has the figures). The code stays plain typed Python: mypy checks it
(scripts/test), and the compiled build runs the whole test suite too.

Only wheels are compiled. An editable install (`pip install -e .`, what scripts/test and
engineers use) stays pure Python, so that an edited `.py` file is what runs: a compiled
module next to its source would shadow it until rebuilt. `OKG_PURE=1` builds a pure wheel
too; so does a machine without a C compiler or Python's headers, saying so.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from pathlib import Path

from setuptools import setup

COMPILED = [
    "officials_kg/extraction/appointments.py",
    "officials_kg/extraction/collector.py",
    "officials_kg/extraction/events.py",
    "officials_kg/extraction/mentions.py",
    "officials_kg/extraction/names.py",
    "officials_kg/extraction/orgs.py",
    "officials_kg/extraction/persons.py",
    "officials_kg/extraction/pipeline.py",
    "officials_kg/extraction/roles.py",
    "officials_kg/extraction/titles.py",
    "officials_kg/extraction/visits.py",
    "officials_kg/loaders/articles.py",
    "officials_kg/loaders/clean.py",
    "officials_kg/loaders/cues.py",
    "officials_kg/loaders/dates.py",
    "officials_kg/loaders/document.py",
    "officials_kg/loaders/mapped.py",
    "officials_kg/loaders/normalise.py",
    "officials_kg/loaders/paragraphs.py",
    "officials_kg/loaders/places.py",
]
"""The modules of the per-line and per-sentence work; the others gain nothing measurable."""


def _compiling() -> bool:
    if "bdist_wheel" not in sys.argv or os.environ.get("OKG_PURE") == "1":
        return False
    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    headers = Path(sysconfig.get_paths()["include"], "Python.h")
    found = shutil.which(compiler)
    if found and headers.exists():
        return True
    missing = str(headers) if found else f"the C compiler {compiler}"
    print(f"setup.py: {missing} not found; the extractor is not compiled", file=sys.stderr)
    return False


if _compiling():
    from mypyc.build import mypycify

    # mypy's options: pyproject.toml. The group's shared library goes inside the package
    # (officials_kg/compiled__mypyc.*.so), so the wheel installs one top-level name only.
    ext_modules = mypycify(COMPILED, opt_level="3", group_name="officials_kg.compiled")
    setup(ext_modules=ext_modules)
else:
    setup()
