"""Safety & help: confidential help, the warning signs, and how to keep this private."""

import streamlit as st

from reunion_core.content import PRIVACY_NOTES
from ui import widgets
from ui.frame import frame, page

f = frame("safety")
st.subheader("Get help")
widgets.resources()

st.subheader("Warning signs of an abusive relationship")
st.markdown("If any of these is true, please don't get back together. Reach out for help instead.")
widgets.warning_signs()

st.subheader("Keeping this private")
st.markdown("\n".join(f"- {note}" for note in PRIVACY_NOTES))
st.page_link(page("data"), label="Your data: export or delete", icon=":material/folder_managed:")
