"""The shared frame every screen draws first: page config, navigation, help, where data lives."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from reunion_core.assessment import Verdict
from reunion_core.content import EMERGENCY_RESOURCE
from reunion_core.errors import ReunionError, StoreLocked, StoreUnreadable
from reunion_core.store import Store
from ui import state

HOME = "app.py"
DIAGNOSTIC = "pages/1_Diagnostic.py"
CHECK_IN = "pages/2_Check_in.py"
CONTACTS = "pages/3_Contact_log.py"
PROGRESS = "pages/4_Progress.py"
JOURNEY = "pages/5_Your_journey.py"
SAFETY = "pages/6_Safety_and_help.py"
DATA = "pages/7_Your_data.py"

NAVIGATION = (
    (HOME, "Home", ":material/home:"),
    (DIAGNOSTIC, "Diagnostic", ":material/explore:"),
    (CHECK_IN, "Stage check-in", ":material/tune:"),
    (CONTACTS, "Contact log", ":material/forum:"),
    (PROGRESS, "Progress", ":material/monitoring:"),
    (JOURNEY, "Your journey", ":material/map:"),
    (SAFETY, "Safety & help", ":material/sos:"),
    (DATA, "Your data", ":material/folder_managed:"),
)
NEXT_PAGES = {"diagnostic": DIAGNOSTIC, "checkin": CHECK_IN, "safety": SAFETY, "journey": JOURNEY}


@dataclass(frozen=True)
class Frame:
    store: Store
    safety_first: bool  # the latest diagnostic found warning signs of abuse


def frame(title: str, purpose: str) -> Frame:
    """Draw the chrome every screen shares and return the open store; stop on a store error."""
    page_title = title if title == "Take Two" else f"{title} · Take Two"
    # No page icon: a ":material/...:" one makes the browser fetch an SVG from Google's font
    # host (caught by the e2e privacy test), and an emoji one costs ~75 ms of the first page
    # load (Streamlit's emoji check; measured for make bench's cold start). The default is local.
    st.set_page_config(page_title=page_title, layout="centered")
    hotline = EMERGENCY_RESOURCE
    with st.sidebar:
        st.markdown("### Take Two")
        st.page_link(SAFETY, label="Get help now", icon=":material/sos:")
        st.caption(f"Hotline (US, 24/7): **{hotline.phone}** · {hotline.text}")
        for page, label, page_icon in NAVIGATION:
            st.page_link(page, label=label, icon=page_icon)

    st.title(title)
    st.caption(purpose)
    if title != "Safety & help":  # on a phone the sidebar is folded away: one click, still
        st.page_link(SAFETY, label="Get help now", icon=":material/sos:")
    try:
        store = state.active_store()
    except StoreLocked as exc:
        st.error(str(exc), icon=":material/lock:")
        st.stop()
    except StoreUnreadable as exc:
        st.error(str(exc), icon=":material/error:")
        st.markdown(
            "You can set that file aside (it is renamed, not changed) and start a new, empty "
            "one in its place. If you have an export, restore it on the **Your data** page "
            "afterwards."
        )
        if st.button("Set it aside and start a new file", key="frame.set_aside", type="primary"):
            try:
                moved = state.set_aside_active()
            except OSError as err:
                st.error(f"Take Two couldn't rename that file: {err.strerror}. Nothing was changed.")
            else:
                st.session_state["frame.moved"] = str(moved)
                st.rerun()
        st.stop()
    except ReunionError as exc:
        st.error(str(exc), icon=":material/error:")
        st.stop()

    moved = st.session_state.pop("frame.moved", None)
    if moved:
        st.success(f"The unreadable file was kept, unchanged, at {moved}. This is a new, empty file.")
    example = state.using_example()
    with st.sidebar:
        st.caption(f"Your data stays on this computer, in  \n`{store.path}`")
        if example:
            st.button("Back to my own data", key="frame.own", on_click=state.switch_to_own)
    if example:
        st.info("You are looking at **example data**, not your own.", icon=":material/science:")
    latest = state.read(store, "latest_diagnostic")
    safety_first = latest is not None and latest.assessment.verdict is Verdict.SAFETY_FIRST
    if safety_first and title != "Safety & help":
        st.error(
            "Your latest diagnostic showed warning signs of abuse. Reconnection advice is "
            f"hidden. Help is free and confidential: call {hotline.phone}, or {hotline.text[:1].lower()}"
            f"{hotline.text[1:]}.",  # "text START to 88788": the keyword keeps its capitals
            icon=":material/sos:",
        )
        st.page_link(SAFETY, label="See all the help available", icon=":material/sos:")
    return Frame(store, safety_first)
