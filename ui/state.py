"""The open data file for this browser session (the person's own, or the example journey), and
reads of it that are kept until the next write."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from reunion_core import charts
from reunion_core.demo import ensure_example
from reunion_core.paths import db_path, example_path
from reunion_core.progress import ProgressData, at_a_glance, load_progress
from reunion_core.store import Store, set_aside

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


def backup_bytes(store: Store) -> bytes:
    """The whole file, copied consistently while the app runs, as bytes to download."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "backup.duckdb"
        store.backup_to(target)
        return target.read_bytes()


def set_aside_active() -> Path:
    """Rename the unreadable file at the active path (unchanged) so a new one can start there."""
    moved = set_aside(active_path())
    return moved


def reset(defaults: dict[str, object]) -> None:
    """Put widgets back to their blank values (after a save, or a confirmed discard).

    Call before the widgets are drawn. Assigning, not deleting: a deleted key lets the
    browser send its old value back, so a saved note would reappear in its box.
    """
    for key, value in defaults.items():
        st.session_state[key] = value


# --- reads reused until the next write ---------------------------------------------------------
# Streamlit reruns a page's whole script on every click. Anything read from the store is kept
# per (file, revision): the revision changes on every write, so nothing stale is ever shown.


def _progress_view(store: Store, start: date, end: date, today: date):
    data = load_progress(store, start, end, today)
    # Built (and validated by plotly) once per revision and range. st.plotly_chart takes a
    # Figure without validating it again; cache_resource hands back the same objects, uncopied.
    figures = (
        (charts.openness_timeline(data.openness, data.bucket), "Their openness over time, with stage bands"),
        (charts.your_stage_timeline(data.stages, data.bucket), "Your stage over time"),
        (charts.journey_map(data.journey, data.journey_bucket), "Your stage against their openness"),
        (charts.time_in_stages(data.their_days, "their"), "Days in each of their stages"),
        (charts.time_in_stages(data.your_days, "your"), "Days in each of your stages"),
        (charts.contacts_per_period(data.contacts, data.contact_bucket), "Contacts per period"),
        (charts.verdict_timeline(data.verdicts), "Diagnostic verdicts over time"),
    )
    return data, tuple((go.Figure(fig), alt) for fig, alt in figures)


_READERS = {
    "glance": at_a_glance,
    "latest_diagnostic": Store.latest_diagnostic,
    "diagnostic_runs": Store.diagnostic_runs,
    "latest_checkin": Store.latest_checkin,
    "span": Store.span,
    "counts": Store.counts,
    "checkins": Store.checkins,
    "contacts": Store.contacts,
    "last_contact_day": Store.last_contact_day,
    "progress": _progress_view,
}


@st.cache_resource(max_entries=64, show_spinner=False)
def _remember(path: str, revision: str, what: str, args: tuple):
    return _READERS[what](_open(path), *args)


def read(store: Store, what: str, *args):
    """One of the reads above, reused until the store's next write."""
    return _remember(str(store.path), store.revision, what, args)


def progress_view(store: Store, start: date, end: date, today: date) -> tuple[ProgressData, tuple]:
    return read(store, "progress", start, end, today)
