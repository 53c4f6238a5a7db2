"""The controls of Safety & help: safety mode's deliberate way out (and back), the private safety
plan, and the settings that keep Take Two discreet."""

from __future__ import annotations

import streamlit as st

from reunion_core import content as words
from reunion_core import views
from reunion_core.content import SAFETY_PLAN_FIELDS
from reunion_core.errors import ReunionError
from reunion_core.records import SafetyPlan
from ui import state, widgets
from ui.frame import Frame

P = "safety."


def safety_mode(f: Frame) -> None:
    """On: a way out that can't happen by accident. Off: one click to turn it (back) on."""
    state = f.safety
    if not state.on:
        if state.lifted_at:
            st.info(words.SAFETY_LIFTED.format(day=f"{state.lifted_at:%d %b %Y}"))
            label = words.SAFETY_RESTORE_BUTTON
        else:
            st.caption(words.SAFETY_OFF_NOTE)
            label = words.SAFETY_TURN_ON_BUTTON
        if st.button(label, key=P + "on", type="primary", help=words.SAFETY_TURN_ON_HELP):
            widgets.act(lambda: views.choose_safety(f.store, "on"), label + ": done.")
        return
    with st.expander(words.SAFETY_LIFT_TITLE):
        st.markdown(words.SAFETY_LIFT_EXPLAINED)
        understood = st.checkbox(words.SAFETY_LIFT_UNDERSTOOD, key=P + "understood")
        if st.button(words.SAFETY_LIFT_BUTTON, key=P + "lift", disabled=not understood):
            st.session_state[P + "confirming"] = True
        if st.session_state.get(P + "confirming") and understood:
            st.warning(words.SAFETY_LIFT_CONFIRM)
            yes, no = st.columns(2)
            if yes.button(words.SAFETY_LIFT_YES, key=P + "lift_yes"):
                st.session_state[P + "confirming"] = False
                widgets.act(lambda: views.choose_safety(f.store, "lifted"), words.SAFETY_LIFT_YES + ".",
                            P + "reset")
            if no.button(words.SAFETY_LIFT_NO, key=P + "lift_no"):
                st.session_state[P + "confirming"] = False
                st.rerun()


def region_choice(f: Frame) -> None:
    """Whose help lines these are: saved when the person changes it, so the next visit is right too.
    The box always shows what is saved: another tab's stale box never writes its old place back."""
    key = P + "region"
    st.session_state[key] = state.region().key
    st.selectbox(words.REGION_LABEL, list(words.REGIONS), key=key, format_func=lambda k: words.REGIONS[k].name,
                 help=words.REGION_HELP, on_change=_save_region, args=(f,))
    if problem := st.session_state.pop(key + ".problem", None):
        st.error(problem)


def _save_region(f: Frame) -> None:
    picked = st.session_state[P + "region"]
    try:
        views.save_region(f.store, picked)
    except ReunionError as exc:  # a full disk, a locked file: said here, the saved place stays
        st.session_state[P + "region.problem"] = str(exc)
    else:
        st.session_state["flash"] = (words.REGION_SAVED.format(where=words.REGIONS[picked].name), False, "")


def safety_plan(f: Frame, plan: SafetyPlan | None) -> None:
    """The plan's fields (kept while the person moves between pages), saved on request."""
    st.markdown(words.SAFETY_PLAN_INTRO)
    for key, label, hint in SAFETY_PLAN_FIELDS:
        st.session_state.setdefault(P + "plan." + key, getattr(plan, key) if plan else "")
        st.text_area(label, key=P + "plan." + key, placeholder=hint, persist_state="session")
    typed = SafetyPlan(**{key: st.session_state.get(P + "plan." + key) or "" for key, _, _ in SAFETY_PLAN_FIELDS})
    save, download = st.columns(2)
    if save.button("Save my plan", key=P + "plan.save", type="primary"):
        widgets.act(lambda: views.save_safety_plan(f.store, typed), "Your safety plan is saved.", near="plan")
    download.download_button(
        "Download it to print (plain text)", data=views.safety_plan_text(typed, state.region()), file_name="plan.txt",
        mime="text/plain", key=P + "plan.download", on_click="ignore",
    )
    widgets.flash(near="plan")


def discretion(f: Frame) -> None:
    """Discreet mode and where quick exit goes."""
    st.markdown(words.DISCREET_EXPLAINED)
    discreet = st.toggle(words.DISCREET_LABEL, value=f.prefs.discreet, key=P + "discreet")
    url = st.text_input(words.EXIT_TARGET_LABEL, value=f.prefs.exit_url, help=words.EXIT_TARGET_HELP,
                        key=P + "exit_url")
    if (discreet, url.strip()) != (f.prefs.discreet, f.prefs.exit_url) and st.button(
            "Save these settings", key=P + "prefs.save", type="primary"):
        widgets.act(lambda: views.save_preferences(f.store, discreet, url), "Settings saved.")
