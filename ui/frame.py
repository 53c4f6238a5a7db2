"""The shared frame every screen draws first: page config, navigation, help, where data lives."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from reunion_core import content as words
from reunion_core.content import EMERGENCY_RESOURCE, SCREENS
from reunion_core.errors import ReunionError, StoreLocked, StoreUnreadable
from reunion_core.store import Store
from ui import state

# Each screen's file and icon, in navigation order; its words are in content.SCREENS.
PAGES = {
    "home": ("app.py", ":material/home:"),
    "diagnostic": ("pages/1_Diagnostic.py", ":material/explore:"),
    "check_in": ("pages/2_Check_in.py", ":material/tune:"),
    "contact_log": ("pages/3_Contact_log.py", ":material/forum:"),
    "progress": ("pages/4_Progress.py", ":material/monitoring:"),
    "journey": ("pages/5_Your_journey.py", ":material/map:"),
    "safety": ("pages/6_Safety_and_help.py", ":material/sos:"),
    "data": ("pages/7_Your_data.py", ":material/folder_managed:"),
}
NEXT_PAGES = {"diagnostic": "diagnostic", "checkin": "check_in", "safety": "safety", "journey": "journey"}


def page(screen: str) -> str:
    """The file of one screen, for st.page_link and st.switch_page."""
    return PAGES[screen][0]


@dataclass(frozen=True)
class Frame:
    store: Store
    safety_first: bool  # the latest diagnostic found warning signs of abuse


def frame(screen: str) -> Frame:
    """Draw the chrome every screen shares and return the open store; stop on a store error."""
    here = SCREENS[screen]
    page_title = here.title if screen == "home" else f"{here.title} · {SCREENS['home'].title}"
    # No page icon: a ":material/...:" one makes the browser fetch an SVG from Google's font
    # host (caught by the e2e privacy test), and an emoji one costs ~75 ms of the first page
    # load (Streamlit's emoji check; measured for make bench's cold start). The default is local.
    st.set_page_config(page_title=page_title, layout="centered")
    hotline = EMERGENCY_RESOURCE
    with st.sidebar:
        st.markdown(f"### {SCREENS['home'].title}")
        st.page_link(page("safety"), label=words.GET_HELP, icon=":material/sos:")
        st.caption(words.HOTLINE_LINE.format(phone=hotline.phone, text=hotline.text))
        for key, (path, icon) in PAGES.items():
            st.page_link(path, label=SCREENS[key].nav or SCREENS[key].title, icon=icon)

    st.title(here.title)
    st.caption(here.purpose)
    if screen != "safety":  # on a phone the sidebar is folded away: one click, still
        st.page_link(page("safety"), label=words.GET_HELP, icon=":material/sos:")
    store = _open_or_stop()

    moved = st.session_state.pop("frame.moved", None)
    if moved:
        st.success(words.SET_ASIDE_DONE.format(path=moved))
    example = state.using_example()
    with st.sidebar:
        st.caption(words.DATA_LIVES_AT.format(path=store.path))
        if example:
            st.button(words.EXAMPLE_BACK, key="frame.own", on_click=state.switch_to_own)
    if example:
        st.info(words.EXAMPLE_NOTICE, icon=":material/science:")
    safety_first = state.safety_first(store)
    if safety_first and screen != "safety":
        # "text START to 88788": the keyword keeps its capitals
        text = hotline.text[:1].lower() + hotline.text[1:]
        st.error(words.SAFETY_BANNER.format(phone=hotline.phone, text=text), icon=":material/sos:")
        st.page_link(page("safety"), label=words.SAFETY_MORE_HELP, icon=":material/sos:")
    return Frame(store, safety_first)


def _open_or_stop() -> Store:
    try:
        return state.active_store()
    except StoreLocked as exc:
        st.error(str(exc), icon=":material/lock:")
        st.stop()
    except StoreUnreadable as exc:
        st.error(str(exc), icon=":material/error:")
        st.markdown(words.SET_ASIDE_OFFER)
        if st.button(words.SET_ASIDE_BUTTON, key="frame.set_aside", type="primary"):
            try:
                st.session_state["frame.moved"] = str(state.set_aside_active())
            except ReunionError as err:
                st.error(str(err))
            else:
                st.rerun()
        st.stop()
    except ReunionError as exc:
        st.error(str(exc), icon=":material/error:")
        st.stop()
