"""Imports go one way: paja <- feedback <- trainings <- courses <- plans <- incentives."""

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.nodb
ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["paja", "feedback", "trainings", "courses", "plans", "incentives"]
# The app factory registers every blueprint; it is the one place allowed to name them all.
FACTORY_MODULES = {ROOT / "paja" / "setup.py"}


def imported_packages(path: Path) -> set[str]:
    """Top-level packages a Python file imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def violations() -> list[str]:
    """Every import of a higher layer from a lower one."""
    found = []
    for rank, package in enumerate(LAYERS):
        forbidden = set(LAYERS[rank + 1 :])
        for path in sorted((ROOT / package).rglob("*.py")) if (ROOT / package).is_dir() else []:
            if path in FACTORY_MODULES:
                continue
            for name in imported_packages(path) & forbidden:
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


def test_imports_follow_the_layers() -> None:
    assert violations() == []


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from trainings.models import Session\nimport courses.views\nfrom . import x\n"
    )
    assert imported_packages(sample) == {"trainings", "courses"}
