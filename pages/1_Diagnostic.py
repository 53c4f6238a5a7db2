"""Diagnostic: the questions to answer honestly before any stage, and the verdict they give."""

import streamlit as st

from reunion_core import content as words
from reunion_core import views
from reunion_core.content import (
    DIAGNOSTIC_QUESTIONS,
    PAUSE_SIGNS,
    QUESTION_BY_KEY,
    RED_FLAGS,
    SAFETY_QUESTIONS,
)
from reunion_core.records import DiagnosticAnswers, Verdict
from ui import state, widgets
from ui.frame import frame

P = "dx."  # every widget key on this page; values persist across pages until saved or discarded
KEEP = {"persist_state": "session"}
f = frame("diagnostic")
given = f.safety.given if f.safety.on else {}  # earlier safety answers stand: shown ticked, with their date
BLANK = {
    **{f"{P}safety.{q.key}": q.key in given for q in SAFETY_QUESTIONS},
    **{f"{P}answer.{q.key}": None for q in DIAGNOSTIC_QUESTIONS},
    **{f"{P}reflection.{q.key}": "" for q in DIAGNOSTIC_QUESTIONS},
    **{f"{P}pause.{x.key}": False for x in PAUSE_SIGNS},
    **{f"{P}flag.{x.key}": False for x in RED_FLAGS},
}
if st.session_state.pop(P + "reset", False):
    state.reset(BLANK)
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

st.subheader("2. Six honest questions")
for number, q in enumerate(DIAGNOSTIC_QUESTIONS, start=1):
    # No bordered box per question: six of them cost ~5 ms on every rerun (make bench).
    widgets.choice(st.radio, f"**{number}. {q.text}**", q.choices, f"{P}answer.{q.key}", index=None, help=q.why, **KEEP)
    st.text_area(q.reflection_prompt, key=f"{P}reflection.{q.key}", placeholder="Optional, in your own words", **KEEP)

st.subheader("3. Signs you might need a long pause")
for sign in PAUSE_SIGNS:
    st.checkbox(sign.text, key=f"{P}pause.{sign.key}", **KEEP)

st.subheader("4. Red flags")
for flag in RED_FLAGS:
    st.checkbox(flag.text, key=f"{P}flag.{flag.key}", **KEEP)


def answers_from_widgets() -> DiagnosticAnswers:
    s = st.session_state
    return DiagnosticAnswers(
        answers={q.key: s.get(f"{P}answer.{q.key}") for q in DIAGNOSTIC_QUESTIONS},
        reflections={q.key: s.get(f"{P}reflection.{q.key}") or "" for q in DIAGNOSTIC_QUESTIONS},
        pause_signs=tuple(x.key for x in PAUSE_SIGNS if s.get(f"{P}pause.{x.key}")),
        red_flags=tuple(x.key for x in RED_FLAGS if s.get(f"{P}flag.{x.key}")),
        safety=tuple(x.key for x in SAFETY_QUESTIONS if s.get(f"{P}safety.{x.key}")),
    )


save, discard = st.columns(2)
if save.button("Save and see the verdict", type="primary", key=P + "save"):
    widgets.act(lambda: views.record_diagnostic(f.store, answers_from_widgets()), "Saved. Your verdict is below.",
                P + "reset")
widgets.flash()
if discard.button("Discard my answers", key=P + "discard"):
    st.session_state[P + "confirm_discard"] = True
if st.session_state.get(P + "confirm_discard"):
    st.warning("Discard every answer on this page? This can't be undone.")
    yes, no = st.columns(2)
    if yes.button("Yes, discard", key=P + "discard_yes"):
        st.session_state[P + "confirm_discard"] = False
        st.session_state[P + "reset"] = True
        st.rerun()
    if no.button("No, keep them", key=P + "discard_no"):
        st.session_state[P + "confirm_discard"] = False
        st.rerun()

runs = state.diagnostic_runs(f.store)
if runs:
    latest = runs[0]
    st.divider()
    st.subheader("Latest verdict")
    st.caption(f"Saved {latest.created_at:%d %b %Y, %H:%M}")
    safety = latest.assessment.verdict is Verdict.SAFETY_FIRST
    widgets.verdict(latest.assessment, f.safety, limit=len(SAFETY_QUESTIONS) if safety else None)
    for key, text in latest.answers.reflections.items():
        widgets.user_text(f"Your reflection on: {QUESTION_BY_KEY[key].text}", text)

if len(runs) > 1 and st.toggle(f"Compare with one of your {len(runs) - 1} earlier runs", key=P + "compare_on"):
    picked = st.selectbox(
        "Earlier run",
        range(1, len(runs)),  # positions, not the runs: options are copied on every rerun
        format_func=lambda i: f"{runs[i].created_at:%d %b %Y} · {runs[i].assessment.verdict.label}",
        key=P + "compare",
    )
    widgets.compare_runs(runs[picked], runs[0])
