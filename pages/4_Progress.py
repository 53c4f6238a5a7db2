"""Progress: how things have moved, on both sides, over the range you choose."""

from datetime import date, timedelta

import streamlit as st

from reunion_core.views import CUSTOM, CUSTOM_DAYS, RANGES
from ui import state
from ui.frame import frame

f = frame("progress")
today = date.today()
choice = st.segmented_control(
    "Show", [*RANGES, CUSTOM], default="All time", key="pr.range", required=True, persist_state="session"
)
view, figures = state.progress(f.store, choice, tuple(st.session_state.get("pr.custom") or ()), today)
if choice == CUSTOM:
    st.date_input(
        "From and to",
        value=(max(view.first, view.last - timedelta(days=CUSTOM_DAYS)), view.last),
        min_value=min(view.first, view.last),
        max_value=view.last,
        key="pr.custom",
    )
if view.is_empty:
    st.info("Nothing saved in this range yet. Charts fill in as you check in and log contacts.")

CONFIG = {"displaylogo": False, "responsive": True}
for i, (fig, alt) in enumerate(figures):
    st.plotly_chart(fig, width="stretch", config=CONFIG, alt=alt, key=f"pr.chart.{i}")
