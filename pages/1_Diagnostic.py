"""Diagnostic: the questions to answer honestly before any stage, and the verdict they give."""

import streamlit as st

from reunion_core.assessment import Verdict
from reunion_core.content import (
    DIAGNOSTIC_QUESTIONS,
    PAUSE_SIGNS,
    QUESTION_BY_KEY,
    RED_FLAGS,
    SAFETY_QUESTIONS,
    choice_label,
)
from reunion_core.records import DiagnosticAnswers
from ui import widgets
from ui.frame import frame
from ui.state import read, reset

P = "dx."  # every widget key on this page; values persist across pages until saved or discarded

f = frame(
    "Diagnostic",
    "Before anything else: is it safe, why did it end, and why do you want to try again? "
    "Your answers stay until you save or discard them, even if you leave this page."
)
BLANK = {
    **{f"{P}safety.{q.key}": False for q in SAFETY_QUESTIONS},
    **{f"{P}answer.{q.key}": None for q in DIAGNOSTIC_QUESTIONS},
    **{f"{P}reflection.{q.key}": "" for q in DIAGNOSTIC_QUESTIONS},
    **{f"{P}pause.{x.key}": False for x in PAUSE_SIGNS},
    **{f"{P}flag.{x.key}": False for x in RED_FLAGS},
}
if st.session_state.pop(P + "reset", False):
    reset(BLANK)

st.subheader("1. Your safety")
st.markdown("Tick any that are true, now or in the past. Any tick means: put your safety first.")
for q in SAFETY_QUESTIONS:
    st.checkbox(q.text, key=f"{P}safety.{q.key}", persist_state="session")

st.subheader("2. Six honest questions")
for number, q in enumerate(DIAGNOSTIC_QUESTIONS, start=1):
    # No bordered box per question: six of them cost ~5 ms on every rerun (make bench).
    st.radio(
        f"**{number}. {q.text}**",
        [c.key for c in q.choices],
        index=None,
        format_func=lambda key, q=q: choice_label(q.key, key),
        key=f"{P}answer.{q.key}",
        help=q.why,
        persist_state="session",
    )
    st.text_area(
        q.reflection_prompt,
        key=f"{P}reflection.{q.key}",
        placeholder="Optional, in your own words",
        persist_state="session",
    )

st.subheader("3. Signs you might need a long pause")
for sign in PAUSE_SIGNS:
    st.checkbox(sign.text, key=f"{P}pause.{sign.key}", persist_state="session")

st.subheader("4. Red flags")
for flag in RED_FLAGS:
    st.checkbox(flag.text, key=f"{P}flag.{flag.key}", persist_state="session")


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
    widgets.act(lambda: f.store.add_diagnostic(answers_from_widgets()), "Saved. Your verdict is below.", P + "reset")
widgets.flash()
if discard.button("Discard my answers", key=P + "discard"):
    st.session_state["dx_confirm_discard"] = True
if st.session_state.get("dx_confirm_discard"):
    st.warning("Discard every answer on this page? This can't be undone.")
    yes, no = st.columns(2)
    if yes.button("Yes, discard", key="dx_discard_yes"):
        st.session_state["dx_confirm_discard"] = False
        st.session_state[P + "reset"] = True
        st.rerun()
    if no.button("No, keep them", key="dx_discard_no"):
        st.session_state["dx_confirm_discard"] = False
        st.rerun()

runs = read(f.store, "diagnostic_runs")
if runs:
    latest = runs[0]
    st.divider()
    st.subheader("Latest verdict")
    st.caption(f"Saved {latest.created_at:%d %b %Y, %H:%M}")
    if latest.assessment.verdict is Verdict.SAFETY_FIRST:
        widgets.verdict(latest.assessment, limit=len(SAFETY_QUESTIONS))
    else:
        widgets.verdict(latest.assessment)
    for key, text in latest.answers.reflections.items():
        widgets.user_text(f"Your reflection on: {QUESTION_BY_KEY[key].text}", text)

if len(runs) > 1 and st.toggle(f"Compare with one of your {len(runs) - 1} earlier runs", key="dx_compare_on"):
    picked = st.selectbox(
        "Earlier run",
        range(1, len(runs)),  # positions, not the runs: options are copied on every rerun
        format_func=lambda i: f"{runs[i].created_at:%d %b %Y} · {runs[i].assessment.verdict.label}",
        key="dx_compare",
    )
    earlier = runs[picked]
    def said(run, key: str) -> str:
        choice = run.answers.answers.get(key)
        return choice_label(key, choice) if choice else "—"

    rows = [(q.text, said(earlier, q.key), said(latest, q.key)) for q in DIAGNOSTIC_QUESTIONS]
    rows.append(("**Verdict**", earlier.assessment.verdict.label, latest.assessment.verdict.label))
    # Only our own wording is in this table (questions and answer labels), never typed text.
    st.markdown(
        f"| | {earlier.created_at:%d %b %Y} | Latest |\n| --- | --- | --- |\n"
        + "\n".join(f"| {q} | {then} | {now} |" for q, then, now in rows)
    )
