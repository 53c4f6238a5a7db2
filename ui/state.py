"""Two jobs: which data file this browser session looks at (the person's own, or the example
journey), and the core's views of it, kept until the file's next write."""

from __future__ import annotations

import functools
import logging
import os
import tempfile
import threading
import time
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path
from typing import NoReturn

import plotly.graph_objects as go
import streamlit as st

from reunion_core import content as words
from reunion_core import files, transfer, views
from reunion_core.content import Region
from reunion_core.demo import ensure_example
from reunion_core.errors import ReunionError, StoreLocked, StoreUnreadable
from reunion_core.guidance import Guidance, Pending
from reunion_core.paths import db_path, example_path
from reunion_core.safety import SafetyState, region_for
from reunion_core.store import Store

EXAMPLE_KEY = "use_example_data"

# Owner-only from the first byte: every file this process creates (the data file, its log, copies
# and backups) is created 0600, not made private after the fact. `make run` sets the same umask.
os.umask(0o077)


@st.cache_resource(show_spinner=False)
def _open(path: str) -> Store:
    # One Store (one DuckDB connection) per file per process; it takes a cursor per call,
    # so every session and thread can share it. A failed open is not cached: a reload retries.
    return Store.open(path)


# --- which file --------------------------------------------------------------------------------


def using_example() -> bool:
    return bool(st.session_state.get(EXAMPLE_KEY))


def active_path() -> Path:
    return example_path(db_path()) if using_example() else db_path()


def active_store() -> Store:
    """The store this session looks at. Raises ReunionError with a message to show."""
    return _open(str(active_path()))


def switch_to_example() -> None:
    """Fill the example file (never the person's own) if needed, and look at it."""
    ensure_example(_open(str(example_path(db_path()))))
    st.session_state[EXAMPLE_KEY] = True


def switch_to_own() -> None:
    st.session_state[EXAMPLE_KEY] = False


def set_aside_active() -> Path:
    """Rename the unreadable file at the active path (unchanged) so a new one can start there."""
    path = active_path()
    with suppress(ReunionError):  # a file that opened but is damaged inside: let go of it first
        _open(str(path)).close()
    _open.clear()
    return files.set_aside(path)


def own_path() -> Path:
    """The person's own data file (never the example's)."""
    return db_path()


def restore(backup: transfer.Backup) -> Path:
    """Put a checked copy in place of the person's own file, for every session; the old one is set
    aside (its path). Every session reads the restored file from its next run."""
    path = db_path()
    with suppress(ReunionError):
        _open(str(path)).close()
    _open.clear()
    forget_views()
    st.session_state[EXAMPLE_KEY] = False
    return transfer.restore_backup(backup, path)


def backup_bytes(store: Store) -> bytes:
    """The whole file, copied consistently while the app runs, as bytes to download."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "backup.duckdb"
        store.backup_to(target)
        return target.read_bytes()


def reset(defaults: dict[str, object]) -> None:
    """Put widgets back to their blank values (after a save, or a confirmed discard).

    Call before the widgets are drawn. Assigning, not deleting: a deleted key lets the
    browser send its old value back, so a saved note would reappear in its box.
    """
    for key, value in defaults.items():
        st.session_state[key] = value


# --- views kept until the next write -------------------------------------------------------------
# Streamlit reruns a page's whole script on every click. Each view is kept per (file, revision):
# the revision changes on every write, so nothing stale is ever shown.


def _progress(store: Store, choice: str, picked: tuple[date, ...] | None, today: date, held: Pending):
    view = views.progress(store, choice, picked, today, held)
    # Validated by plotly once per revision and range; st.plotly_chart takes a Figure without
    # validating it again, and the cache below hands back the same objects, uncopied.
    return view, tuple((go.Figure(chart.figure), chart.alt, chart.about_safety) for chart in view.charts)


_VIEWS = {
    "home": views.home,
    "guidance": views.guidance,
    "check_in": views.check_in,
    "contact_log": views.contact_log,
    "progress": _progress,
    "journey": views.journey,
    "deletable": views.deletable,
    "journal_days": views.journal_days,
    "safety": views.safety,
    "safety_screen": views.safety_screen,
    "preferences": views.preferences,
    "toolkit": views.toolkit,
    "diagnostic_screen": views.diagnostic_screen,
}


# A plain LRU, shared by every session (the revision keys out anything stale): ~30x cheaper a
# lookup than st.cache_resource, which hashes its arguments on every call (~1 ms a view).
@functools.lru_cache(maxsize=64)
def _kept(path: str, revision: str, view: str, args: tuple):
    return _VIEWS[view](_open(path), *args)


def forget_views() -> None:
    """Drop every kept view (they hold opened text): after a lock, or a change of passphrase."""
    _kept.cache_clear()


def _view(store: Store, view: str, *args):
    try:
        return _kept(str(store.path), store.revision, view, args)
    except ReunionError as exc:  # a block damaged inside a file that opened: say so, offer a way out
        stop_for(exc)


def _rescue() -> None:
    """A damaged file: offer what can still be read, as an export to restore from."""
    try:
        store = _open(str(active_path()))
    except ReunionError:  # damaged where opening reads: look for it in copies that go around the damage
        _rescue_unopenable()
        return
    st.markdown(words.RESCUE_OFFER)
    st.download_button(words.RESCUE_BUTTON, data=lambda: transfer.rescue_json(store)[0],
                       file_name=f"take-two-rescued-{date.today()}.json", mime="application/json",
                       key="frame.rescue", on_click="ignore")


def _rescue_unopenable() -> None:
    st.markdown(words.RESCUE_OFFER)
    found = st.session_state.get("frame.rescued")
    if found is None and st.button(words.RESCUE_LOOK, key="frame.rescue_look"):
        with st.spinner(words.RESCUE_LOOKING):
            found = st.session_state["frame.rescued"] = transfer.rescue_unopenable(active_path()) or b""
    if found:
        st.caption(words.RESCUE_MAY_MISS)
        st.download_button(words.RESCUE_BUTTON, data=found[0],
                           file_name=f"take-two-rescued-{date.today()}.json", mime="application/json",
                           key="frame.rescue", on_click="ignore")
    elif found is not None:
        st.info(words.RESCUE_NOTHING)


def stop_for(problem: ReunionError) -> NoReturn:
    """Say what is wrong with the data file, offer to set it aside if it is unreadable, and stop."""
    if isinstance(problem, StoreLocked):
        st.error(str(problem), icon=":material/lock:")
    elif isinstance(problem, StoreUnreadable):
        st.error(str(problem), icon=":material/error:")
        _rescue()
        st.markdown(words.SET_ASIDE_OFFER)
        if st.button(words.SET_ASIDE_BUTTON, key="frame.set_aside", type="primary"):
            try:
                st.session_state["frame.moved"] = str(set_aside_active())
                st.session_state.pop("frame.rescued", None)
            except ReunionError as err:
                st.error(str(err))
            else:
                st.rerun()
    else:
        st.error(str(problem), icon=":material/error:")
    st.stop()


# --- what a form holds, not yet saved --------------------------------------------------------------


def held_edits() -> list[str]:
    """Ids of earlier contacts whose answer an edit, kept unsaved, changed to their request to stop."""
    kept, stop = st.session_state, words.BOUNDARY_RESPONSE
    return [key.split(".")[2] for key in list(kept) if str(key).startswith("co.edit.") and str(key).endswith(".response")
            and kept[key] == stop and getattr(kept.get(key.removesuffix(".response") + ".was"), "response", stop) != stop]


def pending() -> Pending:
    """The answers that a form of this session shows ticked or chosen, not yet saved, that make the path
    stricter (issue 23): their request for no contact on the check-in or as a contact's answer, their
    no or a safety answer in the diagnostic. Every screen counts them (guidance.held), so Home never
    invites contact while the check-in holds their request. The forms keep them (persist_state) until
    saved, unticked or discarded."""
    kept = st.session_state
    prefilled = kept.get("dx.prefilled", set())  # earlier answers shown ticked in safety mode: already saved
    safety = any(kept.get(f"dx.safety.{q.key}") and q.key not in prefilled for q in words.SAFETY_QUESTIONS)
    their_no = kept.get("dx.answer.they_want") == "no"
    if kept.get(f"ci.sign.{words.BOUNDARY_SIGN.key}"):
        form = "checkin"
    elif kept.get("co.new.response") == words.BOUNDARY_RESPONSE or held_edits():
        form = "contact_log"
    else:
        form = "diagnostic" if safety or their_no else ""
    return Pending(safety, form in ("checkin", "contact_log"), their_no, form)


def home(store: Store, today: date) -> views.Home:
    return _view(store, "home", today, pending())


def guidance(store: Store, today: date, saved_only: bool = False) -> Guidance:
    """The path and next step, held to what a form holds unsaved; `saved_only`: from what is saved."""
    return _view(store, "guidance", today, Pending() if saved_only else pending())


def diagnostic_screen(store: Store, today: date) -> views.DiagnosticScreen:
    return _view(store, "diagnostic_screen", today)


def check_in(store: Store) -> views.CheckInScreen:
    return _view(store, "check_in")


def contact_log(store: Store, page: int, today: date) -> views.ContactLog:
    return _view(store, "contact_log", page, today)


def progress(store: Store, choice: str, picked: tuple[date, ...] | None, today: date
             ) -> tuple[views.Progress, tuple[tuple[go.Figure, str, bool], ...]]:
    return _view(store, "progress", choice, picked, today, pending())


def journal_days(store: Store, today: date) -> tuple[date, date]:
    return _view(store, "journal_days", today)


def journey(store: Store) -> views.Journey:
    return _view(store, "journey")


def deletable(store: Store, kind: str) -> dict[str, str]:
    return _view(store, "deletable", kind)


def safety(store: Store) -> SafetyState:
    return _view(store, "safety")


def safety_screen(store: Store) -> views.SafetyScreen:
    return _view(store, "safety_screen")


def toolkit(store: Store, today: date, now: datetime) -> views.Toolkit:
    return _view(store, "toolkit", today, now, pending())


def preferences(store: Store) -> views.Preferences:
    return _view(store, "preferences")


def region() -> Region:
    """Where the person is, for whose help lines come first: their choice on Safety & help, else a
    guess from this browser's time zone and language (safety.region_for), read here and sent nowhere."""
    try:
        saved = preferences(active_store()).region
    except ReunionError:  # the file can't be read: still help, from the guess
        saved = ""
    return region_for(saved, st.context.timezone, st.context.locale)


# --- the first chart, made quick ----------------------------------------------------------------
# Plotly builds its checks the first time a figure is made (about 160 ms of the first Progress).
# Once Home has been drawn, a background thread makes each kind of chart once, from a few made-up
# points in memory (no file, no second database), so the first open of Progress doesn't pay it.

_warming = threading.Lock()
_warmed = False


def warm_charts_once() -> None:
    global _warmed
    with _warming:
        if _warmed:
            return
        _warmed = True
    threading.Thread(target=_warm_charts, name="take-two-warm-charts", daemon=True).start()


def _warm_charts() -> None:
    time.sleep(1.0)  # after Home's first run has been sent: never in its way
    try:
        for chart in views.sample_progress(date.today()).charts:
            go.Figure(chart.figure).to_json(validate=False)
    except Exception:  # noqa: BLE001 - a warm-up that fails only means a slower first chart
        logging.getLogger(__name__).debug("chart warm-up failed", exc_info=True)
