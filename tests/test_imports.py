"""The house rules for imports, read from the source with `ast` (nothing is imported or run)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "reunion_core"
RULES = {"stages", "assessment", "progress", "views", "transfer", "demo", "toolkit", "guidance"}  # decide, or load and decide
# module -> the only project modules it may import (None: any but the forbidden)
ALLOWED = {
    "content": set(),
    # the store seals and opens what it keeps (vault.py: encryption, no rule and no SQL)
    "store": {"records", "errors", "files", "paths", "content", "vault"},
    "vault": {"errors"},
    "charts": {"content", "records"},
    "files": {"errors", "paths"},
    "records": {"content", "errors"},
}


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, as dotted names ('.x' inside the core becomes 'reunion_core.x')."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "reunion_core" if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            names.add(module)
            if node.level and not node.module:  # from . import files
                names.update(f"reunion_core.{alias.name}" for alias in node.names)
    return names


def project_imports(path: Path) -> set[str]:
    return {n.split(".")[1] for n in imports_of(path) if n.startswith("reunion_core.")}


CORE_MODULES = sorted(p for p in CORE.glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda p: p.stem)
def test_the_core_never_imports_streamlit(path):
    assert not {n for n in imports_of(path) if n.split(".")[0] == "streamlit"}


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_each_layer_imports_only_what_it_may(module):
    found = project_imports(CORE / f"{module}.py")
    assert found <= ALLOWED[module], f"{module} imports {sorted(found - ALLOWED[module])}"


def test_the_store_imports_no_rule_and_charts_take_series_only():
    assert not project_imports(CORE / "store.py") & RULES
    assert not project_imports(CORE / "charts.py") & (RULES | {"store"})


def test_the_checker_sees_a_forbidden_edge(tmp_path):
    """The check itself can fail: a store that imports the rules is caught."""
    bad = tmp_path / "store.py"
    bad.write_text("from .assessment import assess\nfrom . import stages\nimport streamlit as st\n")
    assert project_imports(bad) & RULES == {"assessment", "stages"}
    assert "streamlit" in imports_of(bad)


def test_importing_the_whole_core_loads_no_streamlit():
    code = (
        "import sys, reunion_core.views, reunion_core.transfer, reunion_core.demo;"
        "print('streamlit' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_pages_stay_thin_and_the_store_small():
    """A page is widgets, one view and render; the store only stores."""
    pages = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
    long_pages = {p.name: n for p in pages if (n := len(p.read_text().splitlines())) > 110}
    assert long_pages == {}
    # 450 until m003 (zones), m004 (choices), m005 (toolkit); 550 until m006 (sealed columns and the re-key);
    # 700 until restore (a copy read whole, sealed values left sealed) and the export's key
    # 720 until the year at a glance (each day's mood, openness and contacts, in one query)
    assert len((CORE / "store.py").read_text().splitlines()) < 740
