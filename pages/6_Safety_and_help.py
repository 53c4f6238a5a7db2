"""Safety & help: confidential help, the warning signs, safety mode, a private safety plan,
quick exit and discreet mode, and how to keep this private."""

import streamlit as st

from reunion_core import content as words
from ui import lock, safety, state, widgets
from ui.frame import frame, page

f = frame("safety")
view = state.safety_screen(f.store)
widgets.flash()

st.header("Get help", anchor=False)
safety.region_choice(f)
widgets.resources()

st.header("Safety mode", anchor=False)
safety.safety_mode(f)

st.header("Warning signs of an abusive relationship", anchor=False)
st.markdown("If any of these is true, please don't get back together. Reach out for help instead. "
            "These are common warning signs, not a risk assessment.")
widgets.warning_signs()

st.header("A safety plan", anchor=False)
safety.safety_plan(f, view.plan)

st.header("Leaving fast, and browsing safely", anchor=False)
st.markdown(words.QUICK_EXIT_EXPLAINED)
st.markdown("\n".join(f"- {tip}" for tip in words.BROWSING_SAFELY))
safety.discretion(f)

st.header(words.PASSPHRASE_HEADER, anchor=False)
lock.passphrase_section(f.store, f.prefs.lock_minutes)

st.header("Keeping this private", anchor=False)
st.markdown("\n".join(f"- {note}" for note in words.PRIVACY_NOTES))
st.page_link(page("data"), label="Your data: export or delete", icon=":material/folder_managed:")
