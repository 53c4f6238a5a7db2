"""Stage check-in: how open they seem, what you saw, where you are, how you feel."""

import streamlit as st

from reunion_core import content as words
from reunion_core import views
from reunion_core.content import MOODS, REACTANCE_STAGES, YOUR_STAGE_BY_KEY, YOUR_STAGES
from reunion_core.guidance import Path
from reunion_core.records import CheckIn
from reunion_core.stages import disagreement, disagrees, reactance_stage, stage_from_signs
from ui import state, widgets
from ui.frame import frame

P = "ci."
f = frame("check_in")
if st.session_state.pop(P + "reset", False):  # after a save: keep slider, stage and mood
    state.reset({P + "note": "", **{f"{P}sign.{s.key}": False for s in (*words.ALL_SIGNS, *words.SAID_SIGNS)}})
view = state.check_in(f.store)
latest = view.latest
openness = stage_key = None  # in safety mode, after a boundary or a no, or moving on: about you only
signs: tuple[str, ...] = ()

about_them = f.speaks_of_them()  # their request, ticked and not saved, counts at once (state.pending)
held_here = state.pending().form == "checkin"  # this form's own tick: its signs stay, to be taken back
if f.saved_path is Path.RECONNECTING and (about_them or held_here) and f.guidance.path is not Path.SAFETY:
    st.header("Where are they?", anchor=False)
    if about_them:
        openness = st.slider(
            words.OPENNESS_LABEL, 0, 100,
            value=latest.openness if latest else 10,  # at first, assume the wall is up
            help=words.OPENNESS_START if not latest else None,
            key=P + "openness",
            persist_state="session",
        )
        gut = reactance_stage(openness)
        with st.container(border=True):
            st.markdown(words.THEIR_STAGE_CARD.format(number=gut.number, name=gut.name, summary=gut.summary,
                                                      signs="; ".join(s.text.lower() for s in gut.signs)))

    st.markdown("**Signs you saw since last time** (tick what actually happened)")
    for stage in REACTANCE_STAGES:
        st.caption(stage.name)
        for sign in stage.signs:
            st.checkbox(sign.text, key=f"{P}sign.{sign.key}", persist_state="session")
    st.caption(words.SAID_HEADING)
    for sign in words.SAID_SIGNS:
        st.checkbox(sign.text, key=f"{P}sign.{sign.key}", persist_state="session")
    signs = tuple(s.key for s in (*words.ALL_SIGNS, *words.SAID_SIGNS) if st.session_state.get(f"{P}sign.{s.key}"))
    evidence = stage_from_signs(signs)
    if words.BOUNDARY_SIGN.key in signs:
        st.info(words.BOUNDARY_TICKED, icon=":material/front_hand:")
    elif set(signs) & {s.key for s in words.DISCOURAGING_SIGNS}:
        st.info(words.DISCOURAGED_TICKED)
    if not about_them:  # their boundary, ticked: no reading of their stage, and none of how open they are
        pass
    elif evidence is None:
        st.caption(words.SIGNS_PROMPT)
    elif disagrees(gut, evidence):
        st.warning(words.GUT_AGAINST_SIGNS.format(
            gut=gut.name, evidence=evidence.name, apart=abs(disagreement(gut, evidence)),
            direction="more open" if disagreement(gut, evidence) > 0 else "less open"))
    else:
        st.markdown(words.SIGNS_CLOSE.format(evidence=evidence.name))

elif held_here:  # ticked here, then the path turned to you elsewhere: still here, to save or to take back
    signs = widgets.boundary_box(f"{P}sign.{words.BOUNDARY_SIGN.key}")

if about_them:  # your stage of reconnecting is about them too: not with their boundary ticked
    st.header("Where are you?", anchor=False)
    stage_key = st.selectbox(
        "Your stage",
        [s.key for s in YOUR_STAGES],
        index=[s.key for s in YOUR_STAGES].index(latest.your_stage) if latest else 0,
        format_func=lambda k: f"{YOUR_STAGE_BY_KEY[k].number}. {YOUR_STAGE_BY_KEY[k].name}",
        key=P + "stage",
        persist_state="session",
    )
    mine = YOUR_STAGE_BY_KEY[stage_key]
    with st.container(border=True):
        prompts = "\n".join(f"- {p}" for p in mine.prompts)  # one element: the browser draws each (issue 15)
        st.markdown(f"**{mine.name}**: {mine.summary}\n\n{prompts}\n\n:small[Ready to move on when: {mine.ready_when}]")
elif f.guidance.path is Path.SAFETY:  # safety mode, a safety answer ticked, or a lift after a safety-first run
    if not f.discreet:
        st.caption(words.SAFETY_CHECK_IN if f.safety.on else
                   words.SAFETY_OFF_CHECK_IN["held" if f.guidance.held else "lifted"])
else:
    st.caption(words.ABOUT_YOU_CHECK_IN[f.guidance.path.value])
mood = widgets.mood("How do you feel today?", P + "mood", value=latest.mood if latest else 3, persist_state="session")
note = st.text_area("A note for yourself (optional)", key=P + "note",
                    placeholder="Anything you want to remember about today", persist_state="session")

if st.button("Save check-in", type="primary", key=P + "save"):
    widgets.act(lambda: views.save_checkin(f.store, CheckIn(openness, stage_key, mood, signs, note or "")),
                words.LOW_MOOD_REPLY.format(crisis=state.region().crisis) if mood <= 2 else "Check-in saved. See how things move on the Progress page.",
                P + "reset", gently=mood <= 2)
widgets.flash()

if view.recent:
    st.header("Your last check-ins", anchor=False)
    for c in view.recent:
        with st.container(border=True):
            staged = c.openness is not None and not f.about_you_only
            st.caption(f"{c.at:%a %d %b %Y, %H:%M} · " + (
                f"them: {reactance_stage(c.openness).name} ({c.openness}/100) · "
                f"you: {YOUR_STAGE_BY_KEY[c.your_stage].name} · " if staged else "") + f"mood: {MOODS[c.mood - 1]}")
            if c.note:
                st.text(c.note)  # what they typed: plain text, never markdown
