"""Your journey: the seven stages of your side and the five of theirs, as a guide."""

import streamlit as st

from reunion_core.content import (
    JOURNEY_ABOUT_YOU,
    JOURNEY_HIDDEN,
    JOURNEY_HIDDEN_OFF,
    REACTANCE_STAGES,
    TIP_BY_KEY,
    TIPS,
    YOUR_LATEST_SENSE,
    YOUR_STAGES,
)
from ui import paths, state, widgets
from ui.frame import frame

f = frame("journey")
if f.safety_first:
    if not f.discreet:  # discreet: the frame's plain line points to Help, where the hotline is
        st.markdown(JOURNEY_HIDDEN if f.safety.on else JOURNEY_HIDDEN_OFF["held" if f.guidance.held else "lifted"])
        widgets.resources()
    st.stop()
view = state.journey(f.store)
guide = f.guidance
if f.about_you_only:  # their boundary, their no, or moving on: your own first two stages are the guide
    st.markdown(JOURNEY_ABOUT_YOU[guide.path.value])
    for stage in YOUR_STAGES[:2]:
        with st.container(border=True):
            st.markdown(f"**{stage.number}. {stage.name}**  \n{stage.summary}")
            st.markdown("\n".join(f"- {p}" for p in stage.prompts))
    st.info(f"**{TIP_BY_KEY['self_care'].title}.** {TIP_BY_KEY['self_care'].text}")
    st.stop()
if view.here:
    paths.readiness(f.store, view.here, guide.ready)


def your_side() -> None:
    for stage in YOUR_STAGES:
        current = view.here is not None and stage.key == view.here.key
        prompts = "\n".join(f"- {p}" for p in stage.prompts)
        moving_on = f":small[Ready to move on when: {stage.ready_when}]"
        with st.container(border=True):
            title = f"**{stage.number}. {stage.name}**" + ("  ← *you are here*" if current else "")
            if current:
                st.markdown(f"{title}\n\n{stage.summary}\n\n{prompts}\n\n{moving_on}")
                for key in stage.tips:
                    st.info(f"**{TIP_BY_KEY[key].title}.** {TIP_BY_KEY[key].text}")
            else:
                st.markdown(f"{title}\n\n{stage.summary}")
                with st.expander(f"Prompts for {stage.name}, and when to move on"):  # a name of its own
                    st.markdown(f"{prompts}\n\n{moving_on}")


def their_side() -> None:
    for stage in REACTANCE_STAGES:
        current = view.there is not None and stage.key == view.there.key
        signs = "; ".join(s.text.lower() for s in stage.signs)
        with st.container(border=True):
            st.markdown(
                f"**{stage.number}. {stage.name}** · openness {stage.low}–{stage.high}"
                + (YOUR_LATEST_SENSE if current else "")
                + f"\n\n{stage.summary}\n\n:small[Signs: {signs}.]\n\n*What to focus on:* {stage.focus}"
            )


def tips() -> None:
    st.markdown("\n\n".join(f"**{tip.title}.** {tip.text}" for tip in TIPS))


# Only the tab being read is drawn, each in as few elements as the words allow: the browser's work
# per element is the whole of this page's switch (issue 15). The tab chosen is kept for the session.
TABS = ["Your side (7)", "Their side (5)", "Tips"]
tabs = st.tabs(TABS, key="journey.tab", default=st.session_state.get("journey.tab.kept", TABS[0]),
               on_change=lambda: st.session_state.update({"journey.tab.kept": st.session_state["journey.tab"]}))
for tab, draw in zip(tabs, (your_side, their_side, tips), strict=True):
    if tab.open:
        with tab:
            draw()
