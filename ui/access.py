"""The door: a browser session sees the journal only if it is the owner's (reunion_core.access).

The first run of a session checks the Origin exactly and looks for the secret, in the link
(`?key=`) or in this origin's localStorage, read by a tiny inline component. A page inside a frame
is covered at once and never let in, so another page can't trick clicks through it.
"""

from __future__ import annotations

import os

import streamlit as st

from reunion_core import access
from reunion_core import content as words
from reunion_core.paths import db_path
from ui import launch

OK = "take_two.access.ok"  # session: this browser session is the owner's
APPTEST = "TAKE_TWO_APPTEST"  # set by the test suite: AppTest sessions have no browser and no headers
STORAGE = "take-two-key"

_JS = r"""
const STORAGE = "take-two-key";
export default function (component) {
  const data = component.data || {};
  if (!document.getElementById("take-two-access-style")) {  // its empty slot takes no room
    const style = document.createElement("style");
    style.id = "take-two-access-style";
    style.textContent = ".st-key-take_two_access { display: none !important; }";
    document.head.appendChild(style);
  }
  if (window.top !== window.self) {  // framed by another page: show nothing, ask for nothing
    document.documentElement.style.visibility = "hidden";
    component.setStateValue("framed", true);
    return;
  }
  let stored = "";
  try {
    if (data.remember) window.localStorage.setItem(STORAGE, data.remember);  // from the owner's link
    stored = window.localStorage.getItem(STORAGE) || "";
  } catch (e) {}
  if (data.ask) component.setStateValue("key", stored || data.remember || "");
}
"""
_DOOR = st.components.v2.component("take_two_access", js=_JS)
_CSS_KEY = "take_two_access"


def require_owner() -> None:
    """Stop the page unless this browser session is the owner's; remember the secret if it came in the link."""
    launch.once()  # a plain `streamlit run app.py` start: no outside look-ups from here on, the link printed
    if st.session_state.get(OK):
        _door()  # the same element on every run, so the browser keeps it (and its frame check)
        return
    headers = st.context.headers
    if not headers and os.environ.get(APPTEST) == "1":  # AppTest: no browser, no network session
        st.session_state[OK] = True
        return
    if not access.same_origin(headers.get("Origin"), headers.get("Host")):
        _refuse()
    key = access.owner_key(db_path())
    from_link = access.is_owner(st.query_params.get("key"), key)
    # Even with the owner's link, wait for the browser to say it is not inside another page's frame.
    result = _door(remember=key if from_link else None, ask=True)
    if getattr(result, "framed", None):
        st.stop()
    reported = getattr(result, "key", None)
    if reported is None:  # the browser has not answered yet: show nothing until it does
        st.stop()
    if not access.is_owner(reported, key):
        _refuse()
    if from_link:
        del st.query_params["key"]  # out of the address bar; this origin's storage keeps it
    st.session_state[OK] = True


def _door(remember: str | None = None, ask: bool = False):
    return _DOOR(key=_CSS_KEY, data={"remember": remember, "ask": ask}, on_framed_change=lambda: None,
                 on_key_change=lambda: None, width="stretch", height="content")


def _refuse() -> None:
    st.set_page_config(page_title=words.SCREENS["home"].title)
    st.title(words.SCREENS["home"].title, anchor=False)
    st.markdown(words.ACCESS_REFUSED)
    st.caption(words.ACCESS_KEY_FILE.format(path=access.key_file(db_path())))  # where, never the key
    st.stop()
