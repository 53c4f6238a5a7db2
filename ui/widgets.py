"""Small display pieces more than one screen uses."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from reunion_core.assessment import Assessment, Verdict
from reunion_core.content import RESOURCES, SAFETY_QUESTIONS
from reunion_core.errors import ReunionError

VERDICT_BOX = {
    Verdict.SAFETY_FIRST: st.error,
    Verdict.TAKE_A_LONG_PAUSE: st.warning,
    Verdict.NOT_YET: st.info,
    Verdict.PROCEED_WITH_CARE: st.success,
}


def resources() -> None:
    """Every help line, as our own content (never user text)."""
    for r in RESOURCES:
        with st.container(border=True):
            st.markdown(f"**{r.name}**")
            st.markdown(f"Phone: **{r.phone}**" + (f"  \nText: {r.text}" if r.text else ""))
            st.caption(r.details)


def warning_signs() -> None:
    st.markdown("\n".join(f"- {q.text}" for q in SAFETY_QUESTIONS))


def verdict(assessment: Assessment, *, limit: int | None = None) -> None:
    """The verdict and the reasons behind it. A safety verdict shows help, and nothing else."""
    v = assessment.verdict
    VERDICT_BOX[v](f"**{v.label}.** {v.explanation}")
    reasons = assessment.deciding_reasons[:limit] if limit else assessment.reasons
    for reason in reasons:  # read back from the file, so escaped like anything stored
        st.markdown(f"- {escape(reason.explanation)}")
        st.caption(f"Your answer: {escape(reason.answer)}")
    if v is Verdict.SAFETY_FIRST:
        resources()


_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+-.!|~$:"})


def escape(text: str) -> str:
    """Stored text made inert for st.markdown: no links, images, HTML or formatting."""
    return text.translate(_MARKDOWN)


def user_text(label: str, text: str) -> None:
    """Something the person typed: shown as plain text, never markdown or HTML."""
    if text:
        st.caption(label)
        st.text(text)


def act(action: Callable[[], object], done: str, *flags: str) -> None:
    """Run one write. On a ReunionError show it here, keeping what was typed; on success set
    `flags` (e.g. a form's reset) and rerun, with `done` shown once by `flash()`."""
    try:
        action()
    except ReunionError as exc:
        st.error(str(exc))
        return
    st.session_state["flash"] = done
    for flag in flags:
        st.session_state[flag] = True
    st.rerun()


def flash() -> None:
    """The message of the write that just succeeded, once."""
    message = st.session_state.pop("flash", None)
    if message:
        st.success(message, icon=":material/check_circle:")
