"""Diagnostic: the questions to answer honestly before any stage, and the verdict they give."""

from datetime import date

import streamlit as st

from reunion_core import content as words
from reunion_core import views
from reunion_core.content import (
    DIAGNOSTIC_QUESTIONS,
    SAFETY_QUESTIONS,
)
from ui import diagnostic as dx
from ui import lock, state, widgets
from ui import toolkit as tools
from ui.diagnostic import KEEP, P
from ui.frame import frame

f = frame("diagnostic")
given = f.safety.given if f.safety.on else {}  # earlier safety answers stand: shown ticked, with their date
if st.session_state.pop(P + "reset", False):
    state.reset(dx.blank(given))
    st.session_state[P + "prefilled"] = set(given)  # what blank() ticks is saved: Take Two's tick, not a new one
screen = state.diagnostic_screen(f.store, date.today())
runs = screen.runs


if st.session_state.get(P + "saved") and runs:  # just saved: the verdict first, not under an empty form
    widgets.flash()
    dx.latest_verdict(runs[0], f.safety, "Your verdict")
    lock.offer_in_safety(f.store, f.safety.on and not state.using_example())  # safety mode just turned on
    if st.button("Take the diagnostic again", key=P + "again"):
        st.session_state[P + "saved"] = False
        st.rerun()
    st.stop()
prefilled = st.session_state.setdefault(P + "prefilled", set())  # ticked by Take Two, not by the person
if not f.safety.on and prefilled:  # safety mode lifted, here or in another tab: the earlier answers go
    state.reset({f"{P}safety.{key}": False for key in prefilled})
    prefilled.clear()
for key in given:  # an earlier "yes" starts ticked on every new run
    if f"{P}safety.{key}" not in st.session_state:
        st.session_state[f"{P}safety.{key}"] = True
        prefilled.add(key)

steps = ("safety",) if f.safety.on else dx.PARTS  # in safety mode: only whether you are safe
step = min(st.session_state.get(P + "step", 0), len(steps) - 1)
if len(steps) > 1:  # one part at a time, with where you are in it
    st.progress((step + 1) / len(steps), text=f"Part {step + 1} of {len(steps)}: {dx.PART_NAMES[steps[step]]}")
if steps[step] == "safety":
    st.header(dx.PART_NAMES["safety"], anchor=False)
    st.markdown(words.SAFETY_INTRO)
    if f.safety.lifted_at:
        st.caption(words.SAFETY_SINCE_LIFT.format(day=f"{f.safety.lifted_at:%d %b %Y}"))
    for q in SAFETY_QUESTIONS:
        st.checkbox(q.text, key=f"{P}safety.{q.key}", **KEEP)
        if q.key in f.safety.given:
            st.caption(words.SAFETY_GIVEN_BEFORE.format(day=f"{f.safety.given[q.key]:%d %b %Y}"))
    if any(q.danger and st.session_state.get(f"{P}safety.{q.key}") for q in SAFETY_QUESTIONS):
        widgets.danger_now()
    if f.safety.on and not f.discreet:
        st.caption(words.DIAGNOSTIC_SAFETY_ONLY)
elif steps[step] == "questions":
    their_no = st.session_state.get(f"{P}answer.they_want") == "no"
    about_them = f.speaks_of_them()  # a no or a safety answer, not yet saved, counts now (state.pending)
    for number, q in enumerate(DIAGNOSTIC_QUESTIONS, start=1):
        # No bordered box per question: six of them cost ~5 ms on every rerun (make bench).
        widgets.choice(st.radio, f"**{number}. {q.text}**", q.choices, f"{P}answer.{q.key}", index=None,
                       help=q.why, **KEEP)
        if q.key == "they_want" and their_no:
            st.info(words.THEIR_NO_ANSWERED, icon=":material/front_hand:")
        if q.key == "what_different" and about_them:
            dx.different_now(screen.reasons)
        st.text_area(q.reflection_prompt, key=f"{P}reflection.{q.key}", placeholder="Optional, in your own words",
                     **KEEP)
else:  # pause signs or red flags: what was already answered above is not asked again
    kind = "pause" if steps[step] == "pause" else "flag"
    for item in dx.still_to_ask(kind):
        if kind == "flag" and item.key in screen.flag_keys:  # seen in what you logged: not a tick box
            tools.flags([x for x in screen.data_flags if x.key == item.key])
        else:
            st.checkbox(item.text, key=f"{P}{kind}.{item.key}", **KEEP)

safety_ticked = any(st.session_state.get(f"{P}safety.{q.key}") for q in SAFETY_QUESTIONS)
back, forward = st.columns(2)
if step > 0 and back.button("Previous", key=P + "back"):
    st.session_state[P + "step"] = step - 1
    st.rerun()
# Once a safety answer is ticked, saving is the one main button: nobody is led on through the rest.
if step < len(steps) - 1 and forward.button("Next", key=P + "next", type="secondary" if safety_ticked else "primary"):
    st.session_state[P + "step"] = step + 1
    st.rerun()
save, discard = st.columns(2)
# Saved at the end, or at once when a safety answer is ticked: nobody is made to go through the rest.
if (step == len(steps) - 1 or safety_ticked) and save.button("Save and see the verdict", type="primary",
                                                             key=P + "save"):
    st.session_state[P + "step"] = 0
    widgets.act(lambda: views.record_diagnostic(f.store, dx.answers(screen.flag_keys)), "Saved.", P + "reset", P + "saved",
                gently=True)
widgets.flash()
if discard.button("Discard my answers", key=P + "discard"):
    st.session_state[P + "confirm_discard"] = True
if st.session_state.get(P + "confirm_discard"):
    st.warning("Discard every answer on this page? This can't be undone.")
    yes, no = st.columns(2)
    for column, label, reset in ((yes, "Yes, discard", True), (no, "No, keep them", False)):
        if column.button(label, key=P + ("discard_yes" if reset else "discard_no")):
            st.session_state.update({P + "confirm_discard": False, P + "reset": reset})
            st.rerun()

dx.past_runs(runs, f.safety, f.discreet)
