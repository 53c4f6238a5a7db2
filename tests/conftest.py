"""Every test gets a throwaway data file; nothing touches data/ or sees another test's rows."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
# AppTest sessions have no browser and no request headers: let them past the owner's door
# (ui/access.py). A real browser session always has headers, so this opens nothing else.
os.environ["TAKE_TWO_APPTEST"] = "1"


@pytest.fixture(autouse=True)
def db_path(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "data" / "reunion.duckdb"
    monkeypatch.setenv("REUNION_DB_PATH", str(path))
    if "streamlit" in sys.modules:  # only the page tests import it; the core tests must not
        import streamlit as st

        st.cache_resource.clear()
        st.cache_data.clear()
    yield path
    if "streamlit" in sys.modules:
        import streamlit as st

        st.cache_resource.clear()


@pytest.fixture
def store(db_path):
    from reunion_core.store import Store

    s = Store.open(db_path)
    yield s
    s.close()
