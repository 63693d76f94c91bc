"""Each package says what it offers (`__all__`), and no module imports another's private
names: what a package offers can change inside it without breaking its users."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = [
    "officials_kg.evaluation",
    "officials_kg.extraction",
    "officials_kg.graph",
    "officials_kg.graph.exports",
    "officials_kg.lexicons",
    "officials_kg.loaders",
    "officials_kg.cli",
    "officials_kg.queries",
]
SOURCE_FOLDERS = [*{p.split(".")[0] for p in PACKAGES}, "tests", "benchmarks", "scripts"]


@pytest.mark.parametrize("name", PACKAGES)
def test_every_name_a_package_offers_is_there(name: str) -> None:
    package = importlib.import_module(name)
    offered = package.__all__
    assert len(set(offered)) == len(offered), f"{name}.__all__ repeats a name"
    for attribute in offered:
        value = getattr(package, attribute)  # AttributeError: offered, not there
        # a function named like a module of the package would hide that module
        assert not isinstance(value, ModuleType), f"{name}.{attribute} is a module"
    star: dict[str, object] = {}
    exec(f"from {name} import *", star)  # noqa: S102  (what `import *` gives is __all__)
    assert set(star) - {"__builtins__"} == set(offered)


def private_imports(path: Path) -> set[str]:
    """The private names (`_x`, not dunders) that the module at `path` imports from another
    module: `from a import _x`, `from a._b import x`, `import a._b`."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            names = [f"{module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found |= {n for n in names if any(_private(part) for part in n.split("."))}
    return found


def _private(part: str) -> bool:
    return part.startswith("_") and not part.startswith("__")


def test_no_module_imports_another_modules_private_names() -> None:
    found = {
        (str(path.relative_to(ROOT)), name)
        for folder in SOURCE_FOLDERS
        for path in sorted((ROOT / folder).rglob("*.py"))
        for name in private_imports(path)
    }
    assert found == set(), "private names imported: make them public"


def offers(path: Path) -> set[str] | None:
    """The names a module's literal `__all__` lists, None for a module without one."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            return set(ast.literal_eval(node.value))  # type: ignore[attr-defined]
    return None


def test_what_a_module_imports_from_another_is_what_that_one_offers() -> None:
    """A module with `__all__` says what the others may import from it; a name not there is
    the module's own business (a tuning constant, a helper) and may change unannounced."""
    sources = {
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): path
        for folder in SOURCE_FOLDERS
        for path in sorted((ROOT / folder).rglob("*.py"))
    }
    offered = {module: offers(path) for module, path in sources.items()}
    outside = set()
    for module, path in sources.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module != module:
                names = offered.get(node.module or "")
                outside |= {
                    f"{path.relative_to(ROOT)}: {node.module}.{alias.name}"
                    for alias in node.names
                    if names is not None
                    and alias.name not in names
                    and f"{node.module}.{alias.name}" not in sources  # a submodule
                }
    assert not outside, "imported but not offered (add to __all__ or keep it inside)"


def test_the_scan_sees_each_form_of_private_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "import os, a._b\nfrom c import d, _e\nfrom ._f import g\nfrom h import __version__\n"
    )
    assert private_imports(module) == {"a._b", "c._e", "._f.g"}
