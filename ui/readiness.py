"""Am I ready? The controls behind the gate before any step toward them: the day no contact began,
the minimum the person wants, their own "ready when", and whether the ex has healed too. Each is a
choice the person records; nothing here is assumed."""

from __future__ import annotations

from datetime import date

import streamlit as st

from reunion_core import content as words
from reunion_core.content import ReconnectionStage
from reunion_core.guidance import FIRST_CONTACT_STAGE, Readiness
from reunion_core.records import MIN_NO_CONTACT_DAYS
from reunion_core.store import Store
from reunion_core.views import choose_path
from ui import widgets

P = "ready."


def controls(store: Store, here: ReconnectionStage, ready: Readiness | None) -> None:
    if ready is None:
        return
    with st.expander(words.READY_TITLE, expanded=here.number >= FIRST_CONTACT_STAGE - 1):
        st.caption(words.READY_INTRO)
        if here.key in ready.ready_for:
            st.markdown(words.READY_DONE.format(stage=here.name))
        elif st.button(words.READY_BUTTON.format(ready_when=here.ready_when), key=P + "stage"):
            widgets.act(lambda: choose_path(store, "ready", here.key), words.READY_SAVED, gently=True)
        if here.number in (FIRST_CONTACT_STAGE - 1, FIRST_CONTACT_STAGE) and not ready.they_healed:
            st.markdown(words.GATE_THEY_HEALED)
            if st.button(words.THEY_HEALED_BUTTON, key=P + "healed"):
                widgets.act(lambda: choose_path(store, "they_healed"), words.READY_SAVED, gently=True)
        st.markdown(words.NO_CONTACT_COUNT.format(days=ready.no_contact_days, since=f"{ready.no_contact_since:%d %b %Y}"))
        with st.form(P + "no_contact", border=False):
            since = st.date_input(words.NO_CONTACT_SINCE, value=ready.no_contact_since, max_value=date.today(),
                                  format="YYYY-MM-DD", key=P + "since")
            minimum = st.number_input(words.NO_CONTACT_MINIMUM, *MIN_NO_CONTACT_DAYS, value=ready.minimum_days,
                                      step=1, key=P + "minimum")
            if st.form_submit_button(words.NO_CONTACT_SAVE):
                widgets.act(lambda: (choose_path(store, "no_contact_since", f"{since:%Y-%m-%d}"),
                                     choose_path(store, "no_contact_days", str(int(minimum)))), words.READY_SAVED)


