"""The floor for a page switch: a two-page app whose pages are one line each, linked from the sidebar
the way Take Two links its pages (st.page_link; the project's config hides Streamlit's own menu)."""

import streamlit as st


def one() -> None:
    st.title("Page one")


def two() -> None:
    st.title("Page two")


pages = [st.Page(one, title="One", url_path="one"), st.Page(two, title="Two", url_path="two")]
chosen = st.navigation(pages, position="hidden")
for page in pages:
    st.sidebar.page_link(page)
chosen.run()
