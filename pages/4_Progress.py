"""Progress: how things have moved, on both sides, over the range you choose."""

from datetime import date, timedelta

import streamlit as st

from ui.frame import frame
from ui.state import progress_view, read

f = frame(
    "Progress",
    "How things have moved on both sides. Hover for details; drag on a chart to zoom."
)
span = read(f.store, "span")
today = date.today()
first = span[0] if span else today

RANGES = {"Last 30 days": 30, "Last 90 days": 90, "Last year": 365, "All time": None}
choice = st.segmented_control(
    "Show", [*RANGES, "Custom"], default="All time", key="pr.range", required=True, persist_state="session"
)
if choice == "Custom":
    picked = st.date_input(
        "From and to",
        value=(max(first, today - timedelta(days=90)), today),
        min_value=min(first, today),
        max_value=today,
        key="pr.custom",
    )
    start, end = (picked[0], picked[-1]) if picked else (first, today)
else:
    days = RANGES.get(choice)
    start = first if days is None else today - timedelta(days=days - 1)
    end = today

data, figures = progress_view(f.store, min(start, end), max(start, end), today)
if data.is_empty:
    st.info("Nothing saved in this range yet. Charts fill in as you check in and log contacts.")

CONFIG = {"displaylogo": False, "responsive": True}
for i, (fig, alt) in enumerate(figures):
    st.plotly_chart(fig, width="stretch", config=CONFIG, alt=alt, key=f"pr.chart.{i}")
