"""Home: where am I, where are they, what next, at a glance."""

from datetime import date

import streamlit as st

from reunion_core import content as words
from reunion_core.content import MOODS
from reunion_core.guidance import Path
from ui import lock, state, widgets
from ui.frame import frame, page

f = frame("home")
glance = state.home(f.store, date.today())
state.warm_charts_once()  # in the background, once Home is drawn: the first open of Progress is quick

if glance.is_empty:
    st.markdown(words.WELCOME)
    if st.button("Start with the diagnostic", type="primary", key="home.start"):
        st.switch_page(page("diagnostic"))
    st.page_link(page("toolkit"), label=words.PAUSE_LINK, icon=":material/self_improvement:")  # Sam, at 1 a.m.
    if st.button(words.EXAMPLE_TRY, key="home.example", help=words.EXAMPLE_TRY_HELP):
        with st.spinner(words.EXAMPLE_WRITING):
            state.switch_to_example()
        st.rerun()
    if not state.using_example():  # offered on the first visit: never forced
        lock.passphrase_section(f.store, f.prefs.lock_minutes, expanded=False)
    st.stop()

path = glance.guidance.path
lock.offer_in_safety(f.store, f.safety.on and not state.using_example())  # offered again in safety mode
st.header("What next", anchor=False)  # first: on a phone, the step comes before the tiles
widgets.what_next(glance.guidance, f.discreet and f.safety_first)
if glance.guidance.offer_moving_on or (path is Path.MOVING_ON and not f.safety_first):
    widgets.moving_on(f.store, path is Path.MOVING_ON)

if f.about_you_only:  # no stage of theirs, no reconnection step: how you are
    you, contact = (c.container(border=True, height="stretch") for c in st.columns(2))
    you.metric("How you felt", MOODS[glance.latest.mood - 1] if glance.latest else "—")
    you.caption(f"{glance.latest.at:%d %b %Y}" if glance.latest else "No check-in yet")
else:
    you, them, contact = (c.container(border=True, height="stretch") for c in st.columns(3))
    if glance.your_stage:
        you.metric("You", glance.your_stage.short, help=glance.your_stage.summary)
        mine = glance.your_stage  # the name, its plain words (several are metaphors), and where it sits
        you.caption(f"{mine.name} ({mine.gloss}): stage {mine.number} of 7 on your side")
    else:
        you.metric("You", "—")
        you.caption("No check-in yet")
    if glance.their_gut:
        gut = glance.their_gut  # "5 of 5" would read like "done": the stage, and what it means
        them.metric("Them", gut.short, help=gut.summary)
        evidence = glance.their_evidence.name if glance.their_evidence else "no signs ticked"
        them.caption(words.HOME_THEM.format(name=gut.name, gloss=gut.gloss, number=gut.number, evidence=evidence))
    else:
        them.metric("Them", "—")
        them.caption("No check-in yet")
if f.about_you_only and not f.safety_first:  # the streak is yours: one slip is a restart, not a failure
    last = glance.last_reached_out
    contact.metric(words.MOVING_ON_STREAK, "—" if last is None else f"{max(0, (date.today() - last).days)}")
    contact.caption(words.MOVING_ON_SLIP.format(day=f"{last:%d %b %Y}") if last else "You haven't reached out.")
elif glance.days_since_contact is None:
    contact.metric("Since last contact", "—")
    contact.caption("No contacts logged")
else:
    days = glance.days_since_contact
    contact.metric("Since last contact", "today" if days == 0 else f"{days} day{'s' if days != 1 else ''}")
    contact.caption(f"Last: {glance.last_contact:%d %b %Y}")

if f.discreet and f.safety_first:  # nothing on Home an onlooker could read into
    st.stop()
st.subheader(words.WEEK_HEADING, anchor=False)  # in plain words, never a score to beat
st.markdown(glance.weekly_word)
st.header("Latest diagnostic", anchor=False)
if glance.diagnostic and glance.guidance.held:  # a stricter answer waits on a form: the saved verdict would contradict it
    st.caption(words.HELD_VERDICT)
elif glance.diagnostic:
    st.caption(f"{glance.diagnostic.created_at:%d %b %Y}")
    widgets.verdict(glance.diagnostic.assessment, f.safety, limit=3)
    if glance.open_reasons:  # what is different this time: the reasons with no evidence of change yet
        st.page_link(page("toolkit"), label=words.home_open_reasons(glance.open_reasons), icon=":material/handyman:")
else:
    st.markdown("No diagnostic yet.")
    st.page_link(page("diagnostic"), label="Take the diagnostic", icon=":material/explore:")

st.divider()
col1, col2, col3 = st.columns(3)
col1.page_link(page("check_in"), label="Check in", icon=":material/tune:")
col2.page_link(page("contact_log"), label="Log a contact", icon=":material/forum:")
col3.page_link(page("progress"), label="See progress", icon=":material/monitoring:")
st.page_link(page("toolkit"), label=words.PAUSE_LINK, icon=":material/self_improvement:")
