"""Every domain package has one shape, and its views neither query nor commit themselves."""

import ast
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.nodb
ROOT = Path(__file__).resolve().parent.parent
DOMAINS = ["feedback", "trainings", "courses", "plans", "incentives"]
FOLDERS = {"models", "operations", "queries", "forms", "views", "demo"}
OPTIONAL = {"api"}  # a package's part of the REST API, once it has one (views as thin)
# A view reads through named queries and commits through paja.perform.perform(), so neither a
# query nor a commit, nor the database session they need, appears in a views folder.
FORBIDDEN = re.compile(r"\bselect\(|\.commit\(|\bdb\.session\b|\bdb\.paginate\(")


def folders_of(package: Path) -> set[str]:
    """The sub-packages of a package (folders with an __init__.py)."""
    return {p.parent.name for p in package.glob("*/__init__.py")}


def view_offences(path: Path) -> list[str]:
    """Queries, commits and imports of the database object in one views module."""
    text = path.read_text(encoding="utf-8")
    found = [f"{path.name}:{n}: {line.strip()}" for n, line in enumerate(text.splitlines(), 1)
             if FORBIDDEN.search(line)]  # fmt: skip
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom) and node.module == "paja.extensions":
            found += [f"{path.name}: imports db" for alias in node.names if alias.name == "db"]
    return found


@pytest.mark.parametrize("package", DOMAINS)
def test_every_domain_package_has_the_same_folders(package: str) -> None:
    assert folders_of(ROOT / package) - OPTIONAL == FOLDERS


def test_views_neither_query_nor_commit() -> None:
    offences = [
        offence
        for views in sorted([*ROOT.glob("*/views"), *ROOT.glob("*/api")])
        for path in sorted(views.glob("*.py"))
        if path.name != "schemas.py"
        for offence in view_offences(path)
    ]
    assert offences == []


def test_the_check_catches_a_query_a_commit_and_the_session(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from paja.extensions import db, limiter\n"
        "rows = db.session.scalars(sa.select(User))\n"
        "db.session.commit()\n"
        "page = db.paginate(statement)\n"
        "limiter.limit('5 per minute')\n"
    )
    assert view_offences(sample) == [
        "sample.py:2: rows = db.session.scalars(sa.select(User))",
        "sample.py:3: db.session.commit()",
        "sample.py:4: page = db.paginate(statement)",
        "sample.py: imports db",
    ]


UNSAFE_FIELDS = {"IntegerField", "DecimalField", "DateField", "DateTimeLocalField"}


def unsafe_field_imports(path: Path) -> list[str]:
    """WTForms' own number and date fields imported by a module (paja.fields has safe ones)."""
    return [
        f"{path}: {alias.name}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module == "wtforms"
        for alias in node.names
        if alias.name in UNSAFE_FIELDS
    ]


def test_forms_use_the_fields_that_refuse_unstorable_values() -> None:
    sources = [path for package in (*DOMAINS, "paja") for path in (ROOT / package).rglob("*.py")]
    assert [offence for path in sources for offence in unsafe_field_imports(path)] == []


def test_no_package_replaces_anothers_template_names() -> None:
    """Each package adds its own template globals; a name given twice is a bug (one
    package's pages would show the other's labels)."""
    pattern = re.compile(r"^\s+(\w+)=", re.M)
    seen: dict[str, str] = {}
    clashes = []
    for package, module in [("paja", "setup.py"), *((d, "__init__.py") for d in DOMAINS)]:
        text = (ROOT / package / module).read_text(encoding="utf-8")
        block = text.split("globals.update(")[1].split(")")[0] if "globals.update(" in text else ""
        for name in pattern.findall(block):
            if name in seen:
                clashes.append(f"{name}: {seen[name]} and {package}")
            seen[name] = package
    assert clashes == []
