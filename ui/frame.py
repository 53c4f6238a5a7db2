"""The shared frame every screen draws first: quick exit, page config, navigation, help, where
data lives, and safety mode, read once for the page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

import streamlit as st

from reunion_core import content as words
from reunion_core.content import DISCREET_NAME, DISCREET_SCREENS, SCREENS
from reunion_core.errors import ReunionError
from reunion_core.guidance import Guidance, Path
from reunion_core.safety import SafetyState
from reunion_core.store import Store
from reunion_core.views import Preferences
from ui import access, lock, look, state
from ui.quick_exit import covered, quick_exit

# Each screen's file and icon, in navigation order; its words are in content.SCREENS.
PAGES = {
    "home": ("app.py", ":material/home:"),
    "diagnostic": ("pages/1_Diagnostic.py", ":material/explore:"),
    "check_in": ("pages/2_Check_in.py", ":material/tune:"),
    "contact_log": ("pages/3_Contact_log.py", ":material/forum:"),
    "toolkit": ("pages/8_Toolkit.py", ":material/handyman:"),
    "progress": ("pages/4_Progress.py", ":material/monitoring:"),
    "journey": ("pages/5_Your_journey.py", ":material/map:"),
    "safety": ("pages/6_Safety_and_help.py", ":material/sos:"),
    "data": ("pages/7_Your_data.py", ":material/folder_managed:"),
}
NEXT_PAGES = {"diagnostic": "diagnostic", "checkin": "check_in", "safety": "safety", "journey": "journey",
              "contact_log": "contact_log"}


def page(screen: str) -> str:
    """The file of one screen, for st.page_link and st.switch_page."""
    return PAGES[screen][0]


@dataclass(frozen=True)
class Frame:
    store: Store
    safety: SafetyState  # decided once, from everything stored; pages never re-derive it
    prefs: Preferences

    @property
    def discreet(self) -> bool:
        return self.prefs.discreet

    @property
    def guidance(self) -> Guidance:
        """The person's path (safety, their boundary, their no, moving on, reconnecting) and next step,
        held to what any form of this session shows ticked and not yet saved (state.pending)."""
        return state.guidance(self.store, date.today())

    @property
    def safety_first(self) -> bool:
        """The safety path, with or without safety mode: on, a safety answer ticked in the diagnostic
        and not yet saved, or lifted after a diagnostic that put safety first (until it is retaken)."""
        return self.safety.on or self.guidance.path is Path.SAFETY

    @property
    def saved_path(self) -> Path:
        """The path from what is saved alone: what a form may still ask (a tick it holds must stay
        there to be unticked), never what a screen may say about them."""
        return state.guidance(self.store, date.today(), saved_only=True).path

    @property
    def about_you_only(self) -> bool:
        """Nothing on screen about how open they are: safety, a boundary, their no, or moving on."""
        return not self.speaks_of_them()

    def speaks_of_them(self) -> bool:
        """Whether this screen may say anything about them (their stage, their openness, the person's
        gut against the signs, a step toward them), counting what any form shows ticked and not yet
        saved: only on the reconnecting path, as guidance.held decides it through guidance.heard, the
        one judge, for every screen."""
        return self.guidance.path is Path.RECONNECTING


def frame(screen: str) -> Frame:
    """Draw the chrome every screen shares and return the open store; stop on a store error."""
    if covered():  # opened after a quick exit: a neutral tab title before anything else, even the door
        st.set_page_config(page_title=words.COVER_TITLE)
    access.require_owner()  # nothing of the journal before this: only the owner's browser gets past
    try:
        store, problem = state.active_store(), None
    except ReunionError as exc:
        store, problem = None, exc
    if store is not None and store.has_passphrase:
        if covered():  # left with quick exit: the journal locks everywhere, and the cover comes first
            lock.after_quick_exit(store)
        if not lock.unlocked(store):  # the door's key is not enough: the passphrase, in this session
            quick_exit(Preferences().exit_url, label=words.QUICK_EXIT_LABEL, cover_title=words.COVER_TITLE,
                       cover_text=words.COVER_TEXT, continue_label=words.COVER_CONTINUE,
                       on_leave=partial(lock.after_quick_exit, store))
            look.style()
            lock.screen(store)
    prefs = state.preferences(store) if store else Preferences()
    safety = state.safety(store) if store else SafetyState(False)
    here = SCREENS[screen]
    title = DISCREET_SCREENS[screen] if prefs.discreet else here.title
    app_name = DISCREET_NAME if prefs.discreet else SCREENS["home"].title
    # Stops here, drawing only its cover, while the browser says it left with quick exit.
    quick_exit(prefs.exit_url, label=words.QUICK_EXIT_LABEL, cover_title=words.COVER_TITLE,
               cover_text=words.COVER_TEXT, continue_label=words.COVER_CONTINUE,
               on_leave=partial(lock.after_quick_exit, store) if store is not None else None)
    look.style()  # contrast, focus and motion beyond what the theme says (WCAG 2.1 AA)
    # No page icon: a ":material/...:" one makes the browser fetch an SVG from Google's font
    # host (caught by the e2e privacy test), and an emoji one costs ~75 ms of the first page
    # load (Streamlit's emoji check; measured for make bench's cold start). The default is local.
    st.set_page_config(page_title=app_name if prefs.discreet or screen == "home" else f"{title} · {app_name}",
                       layout="centered")
    help_label = words.DISCREET_HELP if prefs.discreet else words.GET_HELP
    region = state.region()  # whose help lines: the person's choice, or a guess from this browser
    if store is not None:
        lock.idle_timer(store)
    with st.sidebar:
        st.markdown(f"**{app_name}**")  # not a heading: the page's own h1 comes first
        if store is not None:
            lock.lock_button(store)
        if not prefs.discreet:  # discreet: "Help" is in the menu below, once, and the hotline is there
            st.page_link(page("safety"), label=help_label, icon=":material/sos:")
            # the one line that must be readable: the text colour itself, never a faded caption
            st.markdown(words.hotline_line(region))
        for key, (path, icon) in PAGES.items():
            label = DISCREET_SCREENS[key] if prefs.discreet else SCREENS[key].nav or SCREENS[key].title
            st.page_link(path, label=label, icon=icon)

    st.title(title, anchor=False)
    lock.tell_tries()
    if not prefs.discreet:  # in safety mode, a purpose that doesn't speak of trying again
        purposes = words.SAFE_PURPOSES if safety.on else words.ABOUT_YOU_PURPOSES if store and (
            state.guidance(store, date.today()).path is not Path.RECONNECTING) else {}
        st.caption(purposes.get(screen, here.purpose))
    if screen != "safety":  # on a phone the sidebar is folded away: one click, still
        st.page_link(page("safety"), label=help_label, icon=":material/sos:")
    if store is None:
        state.stop_for(problem)

    moved = st.session_state.pop("frame.moved", None)
    if moved:
        st.success(words.SET_ASIDE_DONE.format(path=moved))
    example = state.using_example()
    with st.sidebar:
        # discreet: no file name an onlooker could read into
        st.caption(words.DISCREET_DATA_LIVES if prefs.discreet else words.DATA_LIVES_AT.format(path=store.path))
        if example:
            st.button(words.EXAMPLE_BACK, key="frame.own", on_click=state.switch_to_own)
    if example:
        st.info(words.EXAMPLE_NOTICE, icon=":material/science:")
    if safety.on and screen != "safety" and prefs.discreet:  # no word an onlooker could read into
        st.info(words.DISCREET_BANNER, icon=":material/sos:")
    elif safety.on and screen != "safety":
        st.error(words.safety_banner(region), icon=":material/sos:")
        st.page_link(page("safety"), label=words.SAFETY_MORE_HELP, icon=":material/sos:")
    return Frame(store, safety, prefs)
