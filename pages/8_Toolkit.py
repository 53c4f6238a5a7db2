"""Toolkit: the guide's advice as tools for doing it well, and a pause before you reach out."""

from datetime import date

import streamlit as st

from reunion_core import content as words
from reunion_core.content import TOOLS
from reunion_core.records import local_now
from ui import state
from ui import toolkit as tools
from ui.frame import frame

f = frame("toolkit")
today, now = date.today(), local_now().replace(second=0)
view = state.toolkit(f.store, today, now)

if f.discreet and not st.toggle(words.DISCREET_TOOLKIT, key=tools.P + "reveal"):
    st.stop()  # discreet: nothing here an onlooker could read into until the person asks for it
if len(view.tools) == 1:  # safety mode, a no, a boundary, moving on: only the pause, about you
    st.info(words.TOOLKIT_ABOUT_YOU, icon=":material/self_improvement:")
    tool = "pause"
else:
    st.caption(words.TOOLKIT_INTRO)
    # A pause under way comes first, once; and until a step toward them is open, the pause leads.
    urge = view.open_urge.entry.id if view.open_urge else None
    if urge and st.session_state.get(tools.P + "brought_forward") != urge:
        st.session_state[tools.P + "tool"] = "pause"
        st.session_state[tools.P + "brought_forward"] = urge
    st.session_state.setdefault(tools.P + "tool", view.tools[0] if view.guidance.step.contacts_them else "pause")
    tool = st.segmented_control("Tool", view.tools, format_func=lambda k: TOOLS[k][0], key=tools.P + "tool",
                                label_visibility="collapsed") or "pause"
    st.header(TOOLS[tool][0], anchor=False)

if tool == "different":
    tools.different(f.store, view, today)
elif tool == "boundaries":
    tools.boundaries(f.store, view, today)
elif tool == "words":
    tools.words_tool(f.store, view)
elif tool == "dates":
    tools.dates(f.store, view, today)
else:
    tools.pause(f.store, view, now, f.safety_first)
