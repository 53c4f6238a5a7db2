"""Progress: how things have moved, on both sides, over the range you choose."""

from datetime import date, timedelta

import streamlit as st

from reunion_core import charts
from reunion_core.progress import load_progress
from ui.frame import frame

f = frame(
    "Progress",
    "How things have moved on both sides. Hover for details; drag on a chart to zoom."
)
span = f.store.span()
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

data = load_progress(f.store, min(start, end), max(start, end), today)
if data.is_empty:
    st.info("Nothing saved in this range yet. Charts fill in as you check in and log contacts.")

CONFIG = {"displaylogo": False, "responsive": True}
figures = (
    (charts.openness_timeline(data.openness, data.bucket), "Their openness over time, with stage bands"),
    (charts.your_stage_timeline(data.stages, data.bucket), "Your stage over time"),
    (charts.journey_map(data.stages, data.bucket), "Your stage against their openness"),
    (charts.time_in_stages(data.their_days, "their"), "Days in each of their stages"),
    (charts.time_in_stages(data.your_days, "your"), "Days in each of your stages"),
    (charts.contacts_per_period(data.contacts, data.contact_bucket), "Contacts per period"),
    (charts.verdict_timeline(data.verdicts), "Diagnostic verdicts over time"),
)
for i, (fig, alt) in enumerate(figures):
    st.plotly_chart(fig, width="stretch", config=CONFIG, alt=alt, key=f"pr.chart.{i}")
