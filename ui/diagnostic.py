"""The diagnostic's form state: its blank answers, the answers as given, and the latest verdict."""

from __future__ import annotations

import streamlit as st

from reunion_core import content as words
from reunion_core.content import (
    DIAGNOSTIC_QUESTIONS,
    PAUSE_SIGNS,
    QUESTION_BY_KEY,
    RED_FLAGS,
    SAFETY_QUESTIONS,
)
from reunion_core.records import DiagnosticAnswers, DiagnosticRun, Verdict
from reunion_core.safety import SafetyState
from ui import widgets

PARTS = ("safety", "questions", "pause", "flags")
PART_NAMES = {"safety": "Your safety", "questions": "Six honest questions",
              "pause": "Signs you might need a long pause", "flags": "Red flags"}
# A pause sign or red flag already answered by a question is not asked again (the verdict reads both).
ANSWERED_BY = {
    ("pause", "miss_routines"): ("why_back", "routines"), ("pause", "fear_alone"): ("why_back", "fear_alone"),
    ("pause", "solve_problems"): ("why_back", "solve_problems"),
    ("flag", "contempt"): ("why_ended", "contempt"), ("flag", "unfaithful"): ("why_ended", "infidelity"),
}
ASKED_AS_A_QUESTION = {("flag", "pattern")}  # question 3 asks it, with more room for an answer
P = "dx."  # every widget key of the diagnostic; values persist across pages until saved or discarded
KEEP = {"persist_state": "session"}


def blank(given) -> dict:
    """Every answer empty, except earlier safety answers, which stand."""
    return {
        **{f"{P}safety.{q.key}": q.key in given for q in SAFETY_QUESTIONS},
        **{f"{P}answer.{q.key}": None for q in DIAGNOSTIC_QUESTIONS},
        **{f"{P}reflection.{q.key}": "" for q in DIAGNOSTIC_QUESTIONS},
        **{f"{P}pause.{x.key}": False for x in PAUSE_SIGNS},
        **{f"{P}flag.{x.key}": False for x in RED_FLAGS},
    }


def answers(from_data: tuple[str, ...] = ()) -> DiagnosticAnswers:
    """The answers as given; `from_data`: red flags seen in the Toolkit's logs, which count as given."""
    s = st.session_state
    return DiagnosticAnswers(
        answers={q.key: s.get(f"{P}answer.{q.key}") for q in DIAGNOSTIC_QUESTIONS},
        reflections={q.key: s.get(f"{P}reflection.{q.key}") or "" for q in DIAGNOSTIC_QUESTIONS},
        pause_signs=tuple(x.key for x in still_to_ask("pause") if s.get(f"{P}pause.{x.key}")),
        red_flags=tuple(x.key for x in still_to_ask("flag") if s.get(f"{P}flag.{x.key}") or x.key in from_data),
        safety=tuple(x.key for x in SAFETY_QUESTIONS if s.get(f"{P}safety.{x.key}")),
    )


def still_to_ask(kind: str) -> list:
    """The pause signs ("pause") or red flags ("flag") to show: none already answered as a question."""
    chosen = {q.key: st.session_state.get(f"{P}answer.{q.key}") for q in DIAGNOSTIC_QUESTIONS}

    def answered(key: str) -> bool:
        question, choice = ANSWERED_BY.get((kind, key), ("", ""))
        return bool(question) and chosen.get(question) == choice

    return [x for x in (PAUSE_SIGNS if kind == "pause" else RED_FLAGS)
            if (kind, x.key) not in ASKED_AS_A_QUESTION and not answered(x.key)]


def latest_verdict(run: DiagnosticRun, safety: SafetyState, heading: str) -> None:
    st.header(heading, anchor=False)
    st.caption(f"Saved {run.created_at:%d %b %Y, %H:%M}")
    widgets.verdict(run.assessment, safety,
                    limit=len(SAFETY_QUESTIONS) if run.assessment.verdict is Verdict.SAFETY_FIRST else None)
    for key, text in run.answers.reflections.items():
        widgets.user_text(f"Your reflection on: {QUESTION_BY_KEY[key].text}", text)


def past_runs(runs: list[DiagnosticRun], safety: SafetyState, discreet: bool) -> None:
    """The latest verdict under the form, and an earlier run to compare with. In discreet mode both
    wait behind a switch: the words of a verdict are not for whoever glances at the screen."""
    if not runs or discreet and not st.toggle(words.DISCREET_SHOW_RESULTS, key=P + "reveal"):
        return
    st.divider()
    latest_verdict(runs[0], safety, "Latest verdict")
    earlier = len(runs) - 1
    label = "your earlier run" if earlier == 1 else f"one of your {earlier} earlier runs"
    if earlier and st.toggle(f"Compare with {label}", key=P + "compare_on"):
        picked = st.selectbox(
            "Earlier run",
            range(1, len(runs)),  # positions, not the runs: options are copied on every rerun
            format_func=lambda i: f"{runs[i].created_at:%d %b %Y} · {runs[i].assessment.verdict.label}",
            key=P + "compare",
        )
        widgets.compare_runs(runs[picked], runs[0])


def different_now(reasons: list) -> None:
    """Under "what is different this time?": what the Toolkit's evidence of change says."""
    if reasons:
        still = sum(not r.evidence for r in reasons)
        st.caption(words.different_count(still, len(reasons)))
