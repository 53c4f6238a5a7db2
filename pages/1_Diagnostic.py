"""Diagnostic: the questions to answer honestly before any stage, and the verdict they give."""

import streamlit as st

from reunion_core import content as words
from reunion_core import views
from reunion_core.content import (
    DIAGNOSTIC_QUESTIONS,
    PAUSE_SIGNS,
    RED_FLAGS,
    SAFETY_QUESTIONS,
)
from ui import diagnostic as dx
from ui import state, widgets
from ui.diagnostic import KEEP, P
from ui.frame import frame

f = frame("diagnostic")
given = f.safety.given if f.safety.on else {}  # earlier safety answers stand: shown ticked, with their date
if st.session_state.pop(P + "reset", False):
    state.reset(dx.blank(given))
runs = state.diagnostic_runs(f.store)


if st.session_state.get(P + "saved") and runs:  # just saved: the verdict first, not under an empty form
    widgets.flash()
    dx.latest_verdict(runs[0], f.safety, "Your verdict")
    if st.button("Take the diagnostic again", key=P + "again"):
        st.session_state[P + "saved"] = False
        st.rerun()
    st.stop()
for key in given:  # an earlier "yes" starts ticked on every new run
    st.session_state.setdefault(f"{P}safety.{key}", True)

st.subheader("1. Your safety")
st.markdown(words.SAFETY_INTRO)
if f.safety.lifted_at:
    st.caption(words.SAFETY_SINCE_LIFT.format(day=f"{f.safety.lifted_at:%d %b %Y}"))
for q in SAFETY_QUESTIONS:
    st.checkbox(q.text, key=f"{P}safety.{q.key}", **KEEP)
    if q.key in f.safety.given:
        st.caption(words.SAFETY_GIVEN_BEFORE.format(day=f"{f.safety.given[q.key]:%d %b %Y}"))
if any(q.danger and st.session_state.get(f"{P}safety.{q.key}") for q in SAFETY_QUESTIONS):
    st.error(words.DANGER_NOW, icon=":material/emergency:")

if f.safety.on:  # nothing about why you want them back: only whether you are safe
    if not f.discreet:
        st.caption(words.DIAGNOSTIC_SAFETY_ONLY)
    parts: tuple = ()
else:
    parts = (DIAGNOSTIC_QUESTIONS, PAUSE_SIGNS, RED_FLAGS)
    st.subheader("2. Six honest questions")
for number, q in enumerate(parts[0] if parts else (), start=1):
    # No bordered box per question: six of them cost ~5 ms on every rerun (make bench).
    widgets.choice(st.radio, f"**{number}. {q.text}**", q.choices, f"{P}answer.{q.key}", index=None, help=q.why, **KEEP)
    st.text_area(q.reflection_prompt, key=f"{P}reflection.{q.key}", placeholder="Optional, in your own words", **KEEP)

for heading, kind, items in zip(("3. Signs you might need a long pause", "4. Red flags"), ("pause", "flag"),
                                parts[1:], strict=False):
    st.subheader(heading)
    for item in items:
        st.checkbox(item.text, key=f"{P}{kind}.{item.key}", **KEEP)


save, discard = st.columns(2)
if save.button("Save and see the verdict", type="primary", key=P + "save"):
    widgets.act(lambda: views.record_diagnostic(f.store, dx.answers()), "Saved.", P + "reset", P + "saved",
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

if runs:
    st.divider()
    dx.latest_verdict(runs[0], f.safety, "Latest verdict")

earlier = len(runs) - 1
if earlier and st.toggle(f"Compare with {'your earlier run' if earlier == 1 else f'one of your {earlier} earlier runs'}",
                         key=P + "compare_on"):
    picked = st.selectbox(
        "Earlier run",
        range(1, len(runs)),  # positions, not the runs: options are copied on every rerun
        format_func=lambda i: f"{runs[i].created_at:%d %b %Y} · {runs[i].assessment.verdict.label}",
        key=P + "compare",
    )
    widgets.compare_runs(runs[picked], runs[0])
