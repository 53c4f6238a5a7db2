"""What the theme in .streamlit/config.toml can't say: contrast for small grey words, a focus ring
that shows on every background, and no motion for those who ask for none (issue 16, WCAG 2.1 AA).

Streamlit draws captions, a slider's value and the selected segment of a segmented control in
colours derived from the theme (the text colour at 60%: 4.08:1 on the light page; the accent colour
as text: 3.1-3.4:1 on the dark one). These rules keep Streamlit's look and lift each to at least 4.5:1 in both themes,
without knowing which theme is on: they use the text colour itself (`inherit`), only lighter.
"""

from __future__ import annotations

import streamlit as st

CSS = """
/* Captions, hints and help: the text colour at 78% over the page, 6.5:1 light, 8:1 dark (was 4.08:1). */
[data-testid="stCaptionContainer"], [data-testid="stWidgetLabel"] [data-testid="stCaptionContainer"] {
  opacity: 0.78;
}
[data-testid="stCaptionContainer"] p, [data-testid="stCaptionContainer"] span { color: inherit !important; }
/* Inline code in a caption (the data file's path in the sidebar): the text colour too. Streamlit's code
   green, faded with the caption, was 4.4:1 on the light sidebar (issue 23). */
[data-testid="stCaptionContainer"] code { color: inherit !important; }
/* The selected part of a segmented control and a slider's value: the text colour (the accent as
   text is 3.1:1 on the dark page); the selected part also bold, so colour is not the only sign. */
[data-testid="stButtonGroup"] button[data-selected="true"],
[data-testid="stButtonGroup"] button[data-selected="true"] * { color: inherit !important; font-weight: 600; }
[data-testid="stSliderThumbValue"], [data-testid="stSliderThumbValue"] * { color: inherit !important; }
/* The chosen tab: the text colour and bold, its underline in the accent (the accent as text was 3.4:1 on
   the dark page; axe left it undecided, issue 23's proof measured it). */
[data-testid="stTab"][aria-selected="true"], [data-testid="stTab"][aria-selected="true"] * {
  color: inherit !important; font-weight: 600;
}
/* Chart text (ticks, axis titles, legends, notes, a bar's words, a colour scale): the page's text colour, as SVG fill. Streamlit's chart
   grey is 3.6:1 on either page; the hover box keeps its own colours. */
.js-plotly-plot :is(.xtick, .ytick, .x2tick, .y2tick, .textpoint, .colorbar) text,
.js-plotly-plot :is(.xtitle, .ytitle, .x2title, .y2title, .gtitle, .legendtext, .annotation-text, .bartext) {
  fill: currentColor !important;
}
/* A folded sidebar is out of the tab order too, not only out of sight (12 invisible stops on a phone). */
[data-testid="stSidebar"][data-collapsed="true"], [data-testid="stSidebar"][data-collapsed="true"] * { visibility: hidden !important; }
/* "Skip to main content", when focused, above the quick exit button that would cover it on a phone. */
[data-testid="stSkipToContent"]:focus { z-index: 2147483647 !important; }
/* Keyboard focus: GOV.UK's ring, yellow and near-black, seen on light, dark and the accent alike. */
:focus-visible { outline: 3px solid #ffdd00 !important; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c !important; }
/* Radios and checkboxes keep their input out of sight: the ring goes on what is seen, the label. */
label:has(input:focus-visible) { outline: 3px solid #ffdd00; box-shadow: 0 0 0 6px #0b0c0c; border-radius: 4px; }
/* Nothing moves for those who ask for reduced motion (WCAG 2.3.3). */
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after {
    animation-duration: 0.001ms !important; animation-iteration-count: 1 !important;
    transition-duration: 0.001ms !important; scroll-behavior: auto !important;
  }
}
"""


def style() -> None:
    """Add the sheet to the page; a style-only st.html takes no room."""
    st.html(f"<style>{CSS}</style>")
