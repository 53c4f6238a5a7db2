"""The person's choices about their path, each recorded with its date and nothing assumed: am I
ready (the day no contact began, the minimum wanted, the guide's "ready when", whether the ex has
healed too), and what changed about their request for no contact."""

from __future__ import annotations

from datetime import date

import streamlit as st

from reunion_core import content as words
from reunion_core.content import YOUR_STAGES, ReconnectionStage
from reunion_core.guidance import FIRST_CONTACT_STAGE, Readiness
from reunion_core.records import MIN_NO_CONTACT_DAYS
from reunion_core.store import Store
from reunion_core.views import choose_path
from ui import widgets

P = "ready."


def readiness(store: Store, here: ReconnectionStage, ready: Readiness | None) -> None:
    """Am I ready for the next step? The measures the gate before any step toward them looks at."""
    if ready is None:
        return
    with st.expander(words.READY_TITLE, expanded=here.number >= FIRST_CONTACT_STAGE - 1):
        st.caption(words.READY_INTRO)
        before = YOUR_STAGES[here.number - 2] if here.number >= FIRST_CONTACT_STAGE else None
        if before is not None:  # what the gate asks before this stage's step
            st.markdown(words.READY_BEFORE.format(stage=here.name))
            _ready_by(store, before, ready, "before")
        if here.number < len(YOUR_STAGES):
            st.markdown(words.READY_NEXT.format(stage=here.name))
            _ready_by(store, here, ready, "here")
        if here.number in (FIRST_CONTACT_STAGE - 1, FIRST_CONTACT_STAGE) and not ready.they_healed:
            st.markdown(words.GATE_THEY_HEALED)
            if st.button(words.THEY_HEALED_BUTTON, key=P + "healed"):
                widgets.act(lambda: choose_path(store, "they_healed"), words.READY_SAVED, gently=True)
        count = words.NO_CONTACT_COUNT.format(days=ready.no_contact_days, since=f"{ready.no_contact_since:%d %b %Y}")
        st.markdown(count)
        # In a popover: its form is drawn only when opened (issue 15: a date picker costs the switch). On a
        # phone it opens over the count, so the count is said again at its top, beside what changes it.
        with st.popover(words.NO_CONTACT_CHANGE, icon=":material/edit_calendar:"), st.form(P + "no_contact", border=False):
            st.markdown(count)
            since = st.date_input(words.NO_CONTACT_SINCE, value=ready.no_contact_since, max_value=date.today(),
                                  format="YYYY-MM-DD", key=P + "since")
            minimum = st.number_input(words.NO_CONTACT_MINIMUM, *MIN_NO_CONTACT_DAYS, value=ready.minimum_days,
                                      step=1, key=P + "minimum")
            if st.form_submit_button(words.NO_CONTACT_SAVE):
                widgets.act(lambda: (choose_path(store, "no_contact_since", f"{since:%Y-%m-%d}"),
                                     choose_path(store, "no_contact_days", str(int(minimum)))), words.READY_SAVED)
    widgets.flash()


def _ready_by(store: Store, stage: ReconnectionStage, ready: Readiness, key: str) -> None:
    if stage.key in ready.ready_for:
        st.markdown(words.READY_DONE.format(stage=stage.name))
    elif st.button(words.READY_BUTTON.format(stage=stage.name, ready_when=stage.ready_when), key=f"{P}{key}"):
        widgets.act(lambda: choose_path(store, "ready", stage.key), words.READY_SAVED, gently=True)


def boundary(store: Store, since: date) -> None:
    """Their request stands, said plainly; only a deliberate, confirmed choice changes it."""
    st.info(words.BOUNDARY_STANDS.format(day=f"{since:%d %b %Y}"), icon=":material/front_hand:")
    with st.expander(words.BOUNDARY_CHANGED):
        for kind, label, sure, done in (
            ("they_reopened", words.THEY_REOPENED, words.THEY_REOPENED_SURE, words.THEY_REOPENED_DONE),
            ("boundary_mistake", words.BOUNDARY_MISTAKE, words.BOUNDARY_MISTAKE_SURE, words.BOUNDARY_MISTAKE_DONE),
        ):
            st.markdown(f"**{label}**")
            if kind == "they_reopened":
                st.caption(words.THEY_REOPENED_HELP)
            ticked = st.checkbox(sure, key=f"{P}{kind}.sure")
            if st.button(words.CONFIRM, key=f"{P}{kind}", disabled=not ticked):
                widgets.act(lambda kind=kind: choose_path(store, kind), done, gently=True)
