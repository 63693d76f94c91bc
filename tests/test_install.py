"""`pip install` into an environment that already has packages named `graph` and `queries`
(issue 24): the project installs as one top-level package, `officials_kg`, so it overwrites
neither, and `okg` runs there as it does here.

The wheel is built pure (OKG_PURE=1, no C compiler run) from a copy of the package, the two
other packages are built beside it, all with this environment's setuptools and without an
index. The new environment gets no dependencies of its own: a .pth file after its
site-packages lends it this environment's (the packages that matter here, officials_kg and
the two others, are in its own site-packages, which comes first). It runs from a scratch
folder, so that nothing of the repository is on its path.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from officials_kg.extraction import extract_file

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "003_3676fee7047f7844.txt"
OTHERS = ("graph", "queries")
"""Names of other people's packages that the project's folders used to install as."""

pytestmark = pytest.mark.slow


def _run(*args: str | Path, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env |= {"OKG_PURE": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INDEX": "1"}
    done = subprocess.run(list(map(str, args)), cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{args}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _other_package(folder: Path, name: str) -> Path:
    """A distribution `other-<name>` whose one package is `name`."""
    (folder / name).mkdir(parents=True)
    (folder / name / "__init__.py").write_text(f'WHO = "the other {name}"\n', encoding="utf-8")
    (folder / "pyproject.toml").write_text(
        "[build-system]\n"
        'requires = ["setuptools"]\n'
        'build-backend = "setuptools.build_meta"\n'
        "[project]\n"
        f'name = "other-{name}"\n'
        'version = "1.0"\n'
        "[tool.setuptools]\n"
        f'packages = ["{name}"]\n',
        encoding="utf-8",
    )
    return folder


def _project_copy(folder: Path) -> Path:
    folder.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, folder / name)
    ignored = shutil.ignore_patterns("__pycache__", "*.so")
    shutil.copytree(ROOT / "officials_kg", folder / "officials_kg", ignore=ignored)
    return folder


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A new environment with the other `graph` and `queries`, then officials-kg, installed;
    the folder it runs in; and officials-kg's wheel."""
    tmp = tmp_path_factory.mktemp("install")
    wheels = tmp / "wheels"
    sources = [_other_package(tmp / f"other-{name}", name) for name in OTHERS]
    project = _project_copy(tmp / "project")
    pip = [sys.executable, "-m", "pip"]
    _run(
        *pip,
        "wheel",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        wheels,
        *sources,
        project,
        cwd=tmp,
    )
    env = tmp / "env"
    _run(sys.executable, "-m", "venv", "--without-pip", env, cwd=tmp)
    python = env / "bin" / "python"
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp)
    lent = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site.strip(), "lent_dependencies.pth").write_text("\n".join(sorted(lent)) + "\n")
    # --ignore-installed: pip sees the lent officials-kg too, and would keep it as installed
    into = [*pip, "--python", python, "install", "-q", "--no-deps", "--ignore-installed"]
    _run(*into, *(next(wheels.glob(f"other_{name}-*.whl")) for name in OTHERS), cwd=tmp)
    wheel = next(wheels.glob("officials_kg-*.whl"))
    _run(*into, wheel, cwd=tmp)
    return env, wheel


def test_the_wheel_holds_one_top_level_package(installed):
    _, wheel = installed
    with zipfile.ZipFile(wheel) as z:
        top = {name.split("/")[0] for name in z.namelist()}
    assert {name for name in top if not name.endswith(".dist-info")} == {"officials_kg"}


def test_the_other_packages_stay_and_every_module_of_ours_imports(installed, tmp_path):
    env, _ = installed
    script = (
        "import importlib, pkgutil, graph, queries, officials_kg\n"
        "print(graph.WHO, queries.WHO, officials_kg.__file__, sep='\\n')\n"
        "for m in pkgutil.walk_packages(officials_kg.__path__, 'officials_kg.'):\n"
        "    importlib.import_module(m.name)\n"
    )
    out = _run(env / "bin" / "python", "-c", script, cwd=tmp_path).splitlines()
    assert out[:2] == ["the other graph", "the other queries"]
    assert Path(out[2]).is_relative_to(env)


def test_okg_runs_there(installed, tmp_path):
    env, _ = installed
    okg = env / "bin" / "okg"
    assert "extract" in _run(okg, "--help", cwd=tmp_path)
    got = _run(okg, "extract", "--format", "jsonl", SEED, cwd=tmp_path)
    expected = json.dumps(extract_file(SEED).to_dict(), ensure_ascii=False) + "\n"
    assert got == expected
