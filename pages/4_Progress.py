"""Progress: how things have moved, on both sides, over the range you choose."""

from datetime import date, timedelta

import streamlit as st

from reunion_core.content import DISCREET_SHOW_RESULTS, PROGRESS_SECTIONS
from reunion_core.views import ALL, CUSTOM, CUSTOM_DAYS, RANGES
from ui import state
from ui.frame import frame

f = frame("progress")
today = date.today()
choice = st.segmented_control(
    "Show", [*RANGES, CUSTOM], default=ALL, key="pr.range", required=True, persist_state="session"
)
view, figures = state.progress(f.store, choice, tuple(st.session_state.get("pr.custom") or ()), today)
if choice == CUSTOM:
    st.date_input(
        "From and to",
        value=(max(view.first, view.last - timedelta(days=CUSTOM_DAYS - 1)), view.last),
        min_value=min(view.first, view.last),
        max_value=view.last,
        key="pr.custom",
    )
if view.is_empty:
    st.info("Nothing saved in this range yet. Charts fill in as you check in and log contacts.")

# No toolbar: on a phone it covered the titles, and its hints (drag to zoom) don't apply to a finger.
CONFIG = {"displaylogo": False, "responsive": True, "displayModeBar": False}
sections = view.sections
shown = range(len(figures))  # an empty range: every chart is one line of text, all of them at once
if not view.is_empty and len(sections) > 1:  # a part at a time: the browser draws only what is read
    part = st.segmented_control("Charts", list(sections), format_func=PROGRESS_SECTIONS.get, key="pr.section",
                                default=next(iter(sections)), persist_state="session") or next(iter(sections))
    shown = sections.get(part, next(iter(sections.values())))
for i in shown:
    fig, alt, about_safety = figures[i]
    empty = fig.layout.meta.get("empty") if isinstance(fig.layout.meta, dict) else None
    if about_safety and f.discreet and not st.toggle(DISCREET_SHOW_RESULTS, key=f"pr.reveal.{i}"):
        continue  # discreet: a verdict of safety first waits behind a choice, as in the diagnostic
    if empty:  # an empty chart is one line of text, not a box of blank axes
        st.markdown(f"**{fig.layout.title.text}**  \n{empty}")
    else:
        st.plotly_chart(fig, width="stretch", config=CONFIG, alt=alt, key=f"pr.chart.{i}")
