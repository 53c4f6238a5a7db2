"""The open data file for this browser session: the person's own, or the example journey."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from reunion_core.demo import ensure_example
from reunion_core.paths import db_path, example_path
from reunion_core.store import Store

EXAMPLE_KEY = "use_example_data"


@st.cache_resource(show_spinner=False)
def _open(path: str) -> Store:
    # One Store (one DuckDB connection) per file per process; it takes a cursor per call,
    # so every session and thread can share it. A failed open is not cached: a reload retries.
    return Store.open(path)


def using_example() -> bool:
    return bool(st.session_state.get(EXAMPLE_KEY))


def active_path() -> Path:
    return example_path(db_path()) if using_example() else db_path()


def active_store() -> Store:
    """The store this session looks at. Raises ReunionError with a message to show."""
    return _open(str(active_path()))


def switch_to_example() -> None:
    """Fill the example file (never the person's own) if needed, and look at it."""
    path = example_path(db_path())
    ensure_example(_open(str(path)))
    st.session_state[EXAMPLE_KEY] = True


def switch_to_own() -> None:
    st.session_state[EXAMPLE_KEY] = False


def reset(defaults: dict[str, object]) -> None:
    """Put widgets back to their blank values (after a save, or a confirmed discard).

    Call before the widgets are drawn. Assigning, not deleting: a deleted key lets the
    browser send its old value back, so a saved note would reappear in its box.
    """
    for key, value in defaults.items():
        st.session_state[key] = value
