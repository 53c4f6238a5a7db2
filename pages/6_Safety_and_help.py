"""Safety & help: confidential help, the warning signs, and how to keep this private."""

import streamlit as st

from ui import widgets
from ui.frame import DATA, frame

f = frame(
    "Safety & help",
    "If you are afraid, hurt or controlled, you are not alone, and help is free and confidential."
)
st.subheader("Get help")
widgets.resources()

st.subheader("Warning signs of an abusive relationship")
st.markdown("If any of these is true, please don't get back together. Reach out for help instead.")
widgets.warning_signs()

st.subheader("Keeping this private")
st.markdown(
    "- Take Two keeps everything on this computer and sends nothing anywhere.\n"
    "- Still, someone with access to this device can open it, and **browser history** shows "
    "that you visited it. If your device may be **monitored**, use a safer device (a "
    "friend's, a library's) to look for help.\n"
    "- Your data lives in one file, shown in the sidebar. You can erase it for good, or one "
    "entry at a time, on the **Your data** page."
)
st.page_link(DATA, label="Your data: export or delete", icon=":material/folder_managed:")
