"""Make a report (Your data): the days and the parts a person chooses, then one HTML file to download,
built only when the button is pressed (reunion_core/report.py writes it)."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from reunion_core import content as words
from reunion_core import views
from reunion_core.report import ReportChoice, file_name, page_bytes
from reunion_core.store import Store
from ui import state

P = "data.report."
FIRST_DAYS = 90  # the range offered first: the last 90 days


def section(store: Store, today: date, discreet: bool) -> None:
    st.header(words.REPORT_HEADING, anchor=False)
    st.markdown(words.REPORT_INTRO)
    first, last = state.journal_days(store, today)  # kept per revision, as every view
    picked = st.date_input(words.REPORT_RANGE, value=(max(first, last - timedelta(days=FIRST_DAYS - 1)), last),
                           min_value=first, max_value=last, key=P + "range")
    days = tuple(picked) if isinstance(picked, tuple | list) else (picked,)
    start, end = (days[0], days[-1]) if days else (first, last)  # one day picked so far: that day alone
    own = st.checkbox(words.REPORT_WORDS, key=P + "words", help=words.REPORT_WORDS_HELP)
    safety = st.checkbox(words.REPORT_SAFETY, key=P + "safety")
    if safety:
        st.warning(words.REPORT_SAFETY_WARNING, icon=":material/visibility:")
    else:
        st.caption(words.REPORT_NOT_LOCKED)
    choice, held = ReportChoice(start, end, own, safety), state.pending()  # read now: the page is made later
    region = state.region()
    st.download_button(words.REPORT_BUTTON, data=lambda: page_bytes(views.report(
                           store, choice, today, discreet, held, region)),
                       file_name=file_name(discreet, today), mime="text/html", key=P + "download", on_click="ignore",
                       icon=":material/description:")
