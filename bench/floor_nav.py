"""The floor for a page switch: a two-page app whose pages are one line each, in the sidebar."""

import streamlit as st


def one() -> None:
    st.title("Page one")


def two() -> None:
    st.title("Page two")


st.navigation([st.Page(one, title="One", url_path="one"), st.Page(two, title="Two", url_path="two")]).run()
