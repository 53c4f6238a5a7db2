"""Small display pieces more than one screen uses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import streamlit as st

from reunion_core import content as words
from reunion_core.content import (
    ASKED_STOP_SAVED,
    BOUNDARY_REMINDER,
    BOUNDARY_SIGN,
    BOUNDARY_TICKED,
    CHANNELS,
    CONTACT_AFTER_NO,
    DIAGNOSTIC_QUESTIONS,
    DISCREET_NEXT_STEP,
    GO_THERE,
    INITIATORS,
    MOODS,
    MOVING_ON_CHOOSE,
    MOVING_ON_CHOSEN,
    MOVING_ON_HOME,
    MOVING_ON_OFFER,
    MOVING_ON_UNDO,
    MOVING_ON_UNDONE,
    RESPONSES,
    SAFETY_MODE_VERDICT,
    SAFETY_QUESTIONS,
    SAFETY_RESPONSE_LABELS,
    VERDICT_MIRROR,
    Choice,
    choice_label,
)
from reunion_core.errors import ReunionError
from reunion_core.guidance import Boundary, Guidance
from reunion_core.records import Assessment, Contact, DiagnosticRun, Verdict
from reunion_core.safety import SafetyState
from reunion_core.views import choose_path
from ui import state

VERDICT_BOX = {
    Verdict.SAFETY_FIRST: st.error,
    Verdict.RESPECT_THEIR_ANSWER: st.info,
    Verdict.TAKE_A_LONG_PAUSE: st.warning,
    Verdict.NOT_YET: st.info,
    Verdict.PROCEED_WITH_CARE: st.success,
}


def resources() -> None:
    """Every help line where the person is (state.region), as our own content (never user text)."""
    region = state.region()
    for r in region.lines:
        with st.container(border=True):
            st.markdown(f"**{r.name}**")
            if r.tel:
                st.markdown(f"Call: {r.call_md}" + (f"  \n{r.text_md}" if r.text else ""))
            st.caption(r.details)
    if region.key != "elsewhere":  # there, the one card says it
        st.markdown(words.EMERGENCY_LINE.format(emergency=region.emergency))


def warning_signs() -> None:
    st.markdown("\n".join(f"- {q.text}" for q in SAFETY_QUESTIONS))


def verdict(assessment: Assessment, safety: SafetyState, *, limit: int | None = None) -> None:
    """The verdict and the reasons behind it. In safety mode a milder verdict is not shown as
    advice: safety mode is, with the help that goes with it."""
    v = assessment.verdict
    if safety.on and v is not Verdict.SAFETY_FIRST:
        st.error(SAFETY_MODE_VERDICT.format(day=f"{safety.since:%d %b %Y}"), icon=":material/sos:")
        return
    VERDICT_BOX[v](f"**{v.label}.** {v.explanation}")
    if v is not Verdict.SAFETY_FIRST:  # no hedge under a safety verdict, and no word of getting back together
        st.caption(VERDICT_MIRROR)
    reasons = assessment.deciding_reasons[:limit] if limit else assessment.reasons
    for reason in reasons:  # read back from the file, so escaped like anything stored
        st.markdown(f"- {escape(reason.explanation)}")
        st.caption(f"Your answer: {escape(reason.answer)}")
    if v is Verdict.SAFETY_FIRST:
        if safety.danger:
            danger_now()
        resources()


def danger_now() -> None:
    """After an answer that can mean serious danger: the emergency number where the person is."""
    st.error(words.DANGER_NOW.format(emergency=state.region().emergency), icon=":material/emergency:")


_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+-.!|~$:"})


# Markdown's autolinks ("http://...", "www...", "name@host") survive backslash escapes: an invisible word
# joiner (U+2060) inside each keeps it text, and a copy of it still reads the same.
_AUTOLINKS = (("://", ":\u2060//"), ("www.", "www\u2060."), ("@", "\u2060@"))


def escape(text: str) -> str:
    """Stored text made inert for st.markdown: no links (autolinks too), images, HTML or formatting."""
    for found, kept in _AUTOLINKS:
        text = text.replace(found, kept)
    return text.translate(_MARKDOWN)


def user_text(label: str, text: str) -> None:
    """Something the person typed: shown as plain text, never markdown or HTML."""
    if text:
        st.caption(label)
        st.text(text)


def act(action: Callable[[], object], done: str, *flags: str, gently: bool = False, near: str = "") -> None:
    """Run one write. On a ReunionError show it here, keeping what was typed; on success set
    `flags` (e.g. a form's reset) and rerun, with `done` shown once by `flash()`: as a plain, kind
    note when `gently` (a painful moment is not a success), else as a green confirmation; `near`
    names the flash() call beside the button, so the word appears where the person is looking."""
    try:
        action()
    except ReunionError as exc:
        st.error(str(exc))
        return
    st.session_state["flash"] = (done, gently, near)
    for flag in flags:
        st.session_state[flag] = True
    st.rerun()


def flash(near: str = "") -> None:
    """The message of the write that just succeeded, once, here if it was meant for here."""
    message, gently, where = st.session_state.get("flash", (None, False, ""))
    if message is None or where != near:
        return
    del st.session_state["flash"]
    if gently:
        st.info(message, icon=":material/favorite:")
    else:
        st.success(message, icon=":material/check_circle:")


def choice(widget: Callable, label: str, choices: Sequence[Choice], key: str, **options):
    """A radio or selectbox over content Choices: keys come back, their labels are shown."""
    labels = {c.key: c.label for c in choices}
    return widget(label, list(labels), format_func=labels.__getitem__, key=key, **options)


def mood(label: str, key: str, **options) -> int:
    """A 1..5 feeling, shown in words."""
    return st.select_slider(label, options=list(range(1, len(MOODS) + 1)),
                            format_func=lambda m: MOODS[m - 1], key=key, **options)


def contact_form(prefix: str, start: Contact, safety_on: bool = False) -> Contact:
    """The contact's fields, for adding one and for editing one: `start` fills them the first time.

    In safety mode the response is asked as what happened, in words that don't rate how open they are.
    """
    defaults = {"date": start.happened_on, "initiator": start.initiator, "channel": start.channel,
                "response": start.response, "feeling": start.feeling, "note": start.note}
    for field, value in defaults.items():
        st.session_state.setdefault(f"{prefix}.{field}", value)
    keep = {"persist_state": "session"}
    when = st.date_input("When", max_value=date.today(), format="YYYY-MM-DD", key=f"{prefix}.date", **keep)
    who = choice(st.radio, "Who reached out?", INITIATORS, f"{prefix}.initiator", horizontal=True, **keep)
    how = choice(st.selectbox, "How", CHANNELS, f"{prefix}.channel", **keep)
    if safety_on:
        responses = [Choice(c.key, SAFETY_RESPONSE_LABELS[c.key]) for c in RESPONSES]
        answer = choice(st.selectbox, "What happened?", responses, f"{prefix}.response", **keep)
    else:
        answer = choice(st.selectbox, "How did they respond?", RESPONSES, f"{prefix}.response", **keep)
    felt = mood("How did you feel after?", f"{prefix}.feeling", **keep)
    note = st.text_area("Note (optional)", key=f"{prefix}.note", **keep)
    return Contact(when, who, how, answer, felt, note or "", start.id, start.created_at)


def contact_saved(contact: Contact, bound: Boundary | None, after_no: bool) -> tuple[str, bool]:
    """What saving a contact says, and whether gently: a painful moment is never a green success."""
    if contact.response == "asked_stop":
        return ASKED_STOP_SAVED, True
    if bound and bound.on and contact.initiator == "me":
        return BOUNDARY_REMINDER.format(day=f"{bound.since:%d %b %Y}"), True
    if after_no and contact.initiator == "me":
        return CONTACT_AFTER_NO, True
    return "Contact saved.", False


def compare_runs(earlier: DiagnosticRun, latest: DiagnosticRun) -> None:
    """The six answers and the verdict of two runs side by side (only our own words)."""

    def said(run: DiagnosticRun, key: str) -> str:
        picked = run.answers.answers.get(key)
        return choice_label(key, picked) if picked else "—"

    rows = [(q.text, said(earlier, q.key), said(latest, q.key)) for q in DIAGNOSTIC_QUESTIONS]
    rows += [(q.text, "Yes" if q.key in earlier.answers.safety else "—", "Yes" if q.key in latest.answers.safety
              else "—") for q in SAFETY_QUESTIONS if q.key in earlier.answers.safety or q.key in latest.answers.safety]
    rows.append(("**Verdict**", earlier.assessment.verdict.label, latest.assessment.verdict.label))
    st.markdown(
        f"| | {earlier.created_at:%d %b %Y} | Latest |\n| --- | --- | --- |\n"
        + "\n".join(f"| {q} | {then} | {now} |" for q, then, now in rows)
    )


def what_next(guidance: Guidance, discreet: bool) -> None:
    """Home's next step, its caption and what is still missing, decided together by the rules."""
    step = guidance.step
    with st.container(border=True):
        st.markdown(f"**{DISCREET_NEXT_STEP if discreet else step.text}**")
        if discreet:
            return
        if step.caption:
            st.caption(step.caption)
        if guidance.missing:
            st.markdown("\n".join(f"- {escape(m)}" for m in guidance.missing))
        from ui.frame import NEXT_PAGES, page  # here: the frame draws with these widgets (ui/lock.py)

        st.page_link(page(NEXT_PAGES[step.page]), label=GO_THERE[step.page], icon=":material/arrow_forward:")


def boundary_box(key: str) -> tuple[str, ...]:
    """Their request for no contact alone, as ticked on the check-in: the signs it gives."""
    if not st.checkbox(BOUNDARY_SIGN.text, key=key, persist_state="session"):
        return ()
    st.info(BOUNDARY_TICKED, icon=":material/front_hand:")
    return (BOUNDARY_SIGN.key,)


def moving_on(store, chosen: bool) -> None:
    """The way to move on, offered (after a no, a boundary, red flags that recur) or taken: reversible."""
    with st.container(border=True):
        st.markdown(MOVING_ON_HOME if chosen else MOVING_ON_OFFER)
        flash()
        if st.button(MOVING_ON_UNDO if chosen else MOVING_ON_CHOOSE, key="home.moving_on"):
            act(lambda: choose_path(store, "reconnecting" if chosen else "moving_on"),
                MOVING_ON_UNDONE if chosen else MOVING_ON_CHOSEN, gently=True)
