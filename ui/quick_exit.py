"""Quick exit: a button at the top of every page (and Shift three times) that leaves at once.

Modelled on GOV.UK "Exit this page". Activation hides the page, makes the tab title neutral,
remembers in the browser that the app was left in a hurry, and replaces the current history
entry with a neutral site. Any Take Two page that loads while that mark is set (for instance
after the Back button) shows only a plain cover with neutral words and a Continue button.

It is an inline ``st.components.v2`` component: its script runs in the page itself (no iframe),
is handed to the browser inside the app's own messages (a blob URL, nothing fetched), and
installs its window listeners once per page load however often Streamlit reruns.

The browser keeps the mark in localStorage (``take-two-covered``) and, so that the server
can leave a covered page blank on its very first run, in a cookie of the same name that only
this machine's app server ever receives. Browsing history is not erased: the person should be
told so elsewhere (the Safety & help page).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

import streamlit as st

from reunion_core.content import QUICK_EXIT_DEFAULT
from reunion_core.errors import ReunionError
from reunion_core.records import valid_exit_url

DEFAULT_TARGET = QUICK_EXIT_DEFAULT
BUTTON_ID = "take-two-quick-exit"
COVER_ID = "take-two-cover"
FLAG = "take-two-covered"  # the localStorage key and the cookie name
_ARRIVED_COVERED = "take_two.quick_exit.arrived_covered"  # session: opened after a quick exit
_CONTINUED = "take_two.quick_exit.continued"  # session: the person chose Continue on the cover
_KEY = "take_two_quick_exit"

_log = logging.getLogger(__name__)

# Everything the script shows comes from `data` (the Python arguments) and is set with
# textContent; the only markup it writes is its own fixed elements and style sheet.
_JS = r"""
const STATE = "__takeTwoQuickExit";
const FLAG = "take-two-covered";
const BUTTON_ID = "take-two-quick-exit";
const COVER_ID = "take-two-cover";
const STYLE_ID = "take-two-quick-exit-style";
const WINDOW_MS = 5000;
const CSS = `
.st-key-take_two_quick_exit { display: none !important; } /* its empty slot: no gap above the title */
#take-two-quick-exit {
  position: fixed; top: 0.625rem; right: 3.5rem; z-index: 2147483646;
  margin: 0; padding: 0.375rem 0.875rem; min-height: 2.25rem;
  font: 600 1rem/1.2 "Source Sans", "Source Sans Pro", system-ui, sans-serif; /* Streamlit's own, local */
  color: #ffffff; background: #a4262c; border: 2px solid #7a1c21; border-radius: 0.375rem;
  box-shadow: 0 1px 2px rgba(0, 0, 0, 0.25); cursor: pointer; white-space: nowrap;
}
#take-two-quick-exit:hover { background: #861f24; }
#take-two-quick-exit:focus { outline: none; }
#take-two-quick-exit:focus-visible {
  outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c;
}
@media (max-width: 640px) {
  /* Phones: just right of the sidebar's open button; an open sidebar fills most of the width and
     puts its close button near its right edge, where a right-hand button would cover it. */
  #take-two-quick-exit { right: auto; left: 3.75rem; top: 0.5rem; }
}
/* While covered or leaving: hide every element but the cover. Streamlit itself sets
   visibility: visible on some inner elements, so hiding <html> alone is not enough. */
html.take-two-covered body * { visibility: hidden !important; }
html.take-two-covered #take-two-cover, html.take-two-covered #take-two-cover * { visibility: visible !important; }
#take-two-cover {
  position: fixed; inset: 0; z-index: 2147483647; visibility: visible !important;
  display: flex; flex-direction: column; align-items: flex-start; justify-content: flex-start;
  box-sizing: border-box; padding: 15vh max(1.5rem, calc(50vw - 18rem)) 2rem;
  background: #f4f4f2; color: #1f1f1f; overflow: auto;
  font: 400 1.0625rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
}
#take-two-cover h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 0.75rem; font-weight: 600; }
#take-two-cover p { margin: 0 0 1.5rem; max-width: 36rem; }
#take-two-cover button {
  font: inherit; padding: 0.5rem 1.25rem; cursor: pointer; color: #1f1f1f;
  background: #ffffff; border: 1px solid #8a8a8a; border-radius: 0.375rem;
}
#take-two-cover button:focus-visible { outline: 3px solid #ffdd00; box-shadow: 0 0 0 6px #0b0c0c; }
`;

function state() {
  if (!window[STATE]) {
    window[STATE] = { config: null, installed: false, presses: [], otherKey: false,
                      exiting: false, observer: null, appTitle: null, onContinue: null };
  }
  return window[STATE];
}

function text(value, fallback) {
  return typeof value === "string" && value.trim() ? value : fallback;
}

function safeTarget(value) {
  try {
    const url = new URL(String(value));
    if (url.protocol === "https:" || url.protocol === "http:") return url.href;
  } catch (e) { /* fall through */ }
  return "about:blank";
}

function readFlag() {
  let stored = false;
  try { stored = window.localStorage.getItem(FLAG) === "1"; } catch (e) { /* storage off */ }
  return stored || document.cookie.split(";").some((c) => c.trim() === FLAG + "=1");
}

function writeFlag(on) {
  try {
    if (on) window.localStorage.setItem(FLAG, "1");
    else window.localStorage.removeItem(FLAG);
  } catch (e) { /* storage off: the cookie still carries it */ }
  document.cookie = on
    ? FLAG + "=1; path=/; SameSite=Strict"
    : FLAG + "=; path=/; SameSite=Strict; max-age=0";
}

function ensureStyle() {
  if (!document.getElementById(STYLE_ID)) {
    const style = document.createElement("style");
    style.id = STYLE_ID;
    style.textContent = CSS;
    document.head.appendChild(style);
  }
}

function ensureButton(s) {
  let button = document.getElementById(BUTTON_ID);
  if (!button) {
    button = document.createElement("button");
    button.id = BUTTON_ID;
    button.type = "button";
    button.addEventListener("click", (event) => { event.preventDefault(); exitNow(); });
  }
  button.textContent = text(s.config.label, "Quick exit");
  if (s.config.hint) button.title = s.config.hint; else button.removeAttribute("title");
  // First in the tab order: before Streamlit's own root, sidebar and header controls.
  const cover = document.getElementById(COVER_ID);
  const first = cover && cover.parentNode === document.body ? cover.nextSibling : document.body.firstChild;
  if (button !== first) document.body.insertBefore(button, first);
}

function keepTitle() {
  const s = state();
  const wanted = text(s.config && s.config.coverTitle, "Notes");
  if (document.title !== wanted) {
    if (document.title && document.title !== wanted) s.appTitle = document.title;
    document.title = wanted;
  }
}

function hidePage() {
  document.documentElement.classList.add("take-two-covered");
  document.documentElement.style.visibility = "hidden";
}

function showPage() {
  document.documentElement.classList.remove("take-two-covered");
  document.documentElement.style.visibility = "";
}

function showCover() {
  const s = state();
  let cover = document.getElementById(COVER_ID);
  if (!cover) {
    cover = document.createElement("div");
    cover.id = COVER_ID;
    const heading = document.createElement("h1");
    const body = document.createElement("p");
    const button = document.createElement("button");
    button.type = "button";
    button.addEventListener("click", uncover);
    cover.append(heading, body, button);
  }
  const [heading, body, button] = cover.children;
  heading.textContent = text(s.config.coverTitle, "Notes");
  body.textContent = text(s.config.coverText, "");
  button.textContent = text(s.config.continueLabel, "Continue");
  if (document.body.firstChild !== cover) document.body.insertBefore(cover, document.body.firstChild);
  hidePage(); // everything else too (it also leaves the tab order and the accessibility tree)
  keepTitle();
  if (!s.observer) {
    s.observer = new MutationObserver(keepTitle);
    s.observer.observe(document.head, { childList: true, subtree: true, characterData: true });
  }
}

function uncover() {
  const s = state();
  writeFlag(false);
  if (s.observer) { s.observer.disconnect(); s.observer = null; }
  const cover = document.getElementById(COVER_ID);
  if (cover) cover.remove();
  showPage();
  if (s.appTitle) document.title = s.appTitle;
  if (s.onContinue) s.onContinue();
}

function exitNow() {
  const s = state();
  if (s.exiting) return;
  s.exiting = true;
  const target = safeTarget(s.config && s.config.target);
  hidePage();
  document.title = text(s.config && s.config.coverTitle, "Notes");
  writeFlag(true);
  window.location.replace(target);
}

// A "bare" Shift press: Shift went down and up with no other key moving in between. Any other
// key (down or up, so Shift+A and rolling A-then-Shift both disqualify) starts the count again.
function onKeyDown(event) {
  const s = state();
  if (event.key !== "Shift") { s.presses = []; s.otherKey = true; }
  else if (!event.repeat) { s.otherKey = false; }
}

function onKeyUp(event) {
  const s = state();
  if (event.key !== "Shift" || s.otherKey || event.isComposing) {
    s.presses = [];
    s.otherKey = true;
    return;
  }
  const now = Date.now();
  s.presses = s.presses.filter((t) => now - t <= WINDOW_MS);
  s.presses.push(now);
  if (s.presses.length >= 3) { s.presses = []; exitNow(); }
}

// On a phone the menu covers the page: once a page is chosen in it, fold it away (as the menu of
// Streamlit's own navigation does). Our menu is page links drawn by the shared frame.
function foldMenuAfterChoice(event) {
  const link = event.target.closest && event.target.closest("[data-testid=stSidebar] a");
  if (!link || window.innerWidth >= 768) return;
  setTimeout(() => {
    const fold = document.querySelector("[data-testid=stSidebarCollapseButton] button");
    if (fold) fold.click();
  }, 50);
}

// Once the first page is drawn and has stayed so a moment, load Streamlit's chart code ahead (its own
// file, from this app's server, by the same address Streamlit imports it from, so the page then has it
// ready): the first chart a person opens is not slowed by 4.7 MB of script. Not sooner: parsing it
// holds the page for most of a second, which the first page's own drawing must not wait behind
// (make bench's cold start). Only names like Streamlit's own chunks are taken.
const DRAWN = "[data-testid=stApp][data-test-script-state=notRunning]";
function preload(names) {
  const go = () => {
    for (const name of (names || "").split(" ")) {
      if (!/^[A-Za-z]+\.[A-Za-z0-9_-]+\.js$/.test(name)) continue;
      import(new URL(`/static/js/${name}`, window.location.origin).href).catch(() => {});
    }
  };
  let calm = 0;
  const wait = setInterval(() => {
    calm = document.querySelector(DRAWN) ? calm + 1 : 0;
    if (calm < 5) return;  // drawn, and still so after a second
    clearInterval(wait);
    if (window.requestIdleCallback) window.requestIdleCallback(go, {timeout: 2000}); else go();
  }, 250);
}

function install(s) {
  document.addEventListener("click", foldMenuAfterChoice, true);
  window.addEventListener("keydown", onKeyDown, true);
  window.addEventListener("keyup", onKeyUp, true);
  window.addEventListener("pageshow", (event) => {
    // Back/forward cache: the page comes back as it was left, hidden; cover it or show it.
    s.exiting = false;
    if (readFlag()) showCover();
    else if (event.persisted) showPage();
  });
  window.addEventListener("storage", (event) => {
    if (event.key === FLAG && event.newValue === "1") showCover(); // left from another tab
  });
  s.installed = true;
}

export default function (component) {
  const s = state();
  const data = component.data || {};
  s.config = {
    target: data.target, label: data.label, hint: data.hint,
    coverTitle: data.coverTitle, coverText: data.coverText, continueLabel: data.continueLabel,
  };
  s.onContinue = () => component.setTriggerValue("continued", true);
  ensureStyle();
  ensureButton(s);
  if (!s.installed) { install(s); preload(data.preload); }
  if (readFlag()) showCover();
  else if (document.getElementById(COVER_ID)) uncover();
  else if (data.serverCovered) s.onContinue(); // cleared in another tab: let the page draw
}
"""

_COMPONENT = st.components.v2.component(_KEY, js=_JS)
# Streamlit's chart code, by its file name in this version (the name carries a hash).
_CHART_CODE = sorted(p.name for p in (Path(st.__file__).parent / "static" / "static" / "js").glob("PlotlyChart.*.js"))


def _continued(on_leave: Callable[[], None] | None) -> None:
    st.session_state[_CONTINUED] = True
    if on_leave:  # Continue on a cover: this tab, or another, left with quick exit
        on_leave()


def covered() -> bool:
    """True while this browser session was opened after a quick exit and Continue is not pressed.

    Read from the cookie the browser sent when the session connected, so it is known on the very
    first run, before any component has answered. A page that must stop for something else
    before it reaches quick_exit() (an access check, say) can call this first and give the tab
    the neutral title at once: ``if covered(): st.set_page_config(page_title=cover_title)``.
    """
    # The cookie came with the session's connection and can't change during it: read it once
    # (st.context.cookies costs ~3 ms a read, on every rerun of every page otherwise).
    if _ARRIVED_COVERED not in st.session_state:
        st.session_state[_ARRIVED_COVERED] = st.context.cookies.get(FLAG) == "1"
    return st.session_state[_ARRIVED_COVERED] and not st.session_state.get(_CONTINUED)


def quick_exit(
    target: str,
    *,
    label: str = "Quick exit",
    hint: str = "Leave this page at once for a neutral site. Shortcut: press Shift three times.",
    cover_title: str = "Notes",
    cover_text: str = "Nothing here yet.",
    continue_label: str = "Continue",
    stop_while_covered: bool = True,
    on_leave: Callable[[], None] | None = None,
) -> None:
    """Draw the Quick exit button at the top of the page; Shift x3 also exits.

    Call it first on every page, before ``st.set_page_config`` and anything else: while
    covered it sets the neutral tab title itself and stops, so the page's own title and
    content never reach the browser.
    ``target`` must pass the same rule as the setting (``records.valid_exit_url``: a plain https://
    page elsewhere); anything else falls back to ``DEFAULT_TARGET``. While the browser says the app was left with quick exit, the page shows
    only the cover and, with ``stop_while_covered``, the script stops here so nothing else is
    even sent to the browser until the person presses Continue. ``on_leave`` is called when Continue
    is pressed on a cover (this tab, or another of the browser, left with quick exit). Not when the tab
    leaves: a rerun then could reach the page as it goes and give it back its own title.
    """
    try:
        target = valid_exit_url(target)
    except ReunionError:
        _log.warning("quick exit: not a plain https:// address elsewhere, using the default target instead")
        target = DEFAULT_TARGET
    stop = stop_while_covered and covered()
    if stop:  # the tab's title is the first thing an onlooker reads
        st.set_page_config(page_title=cover_title)
    _COMPONENT(
        key=_KEY,
        data={
            "target": target.strip(),
            "label": label,
            "hint": hint,
            "coverTitle": cover_title,
            "coverText": cover_text,
            "continueLabel": continue_label,
            "serverCovered": stop,
            # one string, not a list: a list in a component's data makes Streamlit import pandas and
            # pyarrow to inspect it (about 75 MB more server memory, measured by make bench)
            "preload": "" if stop else " ".join(_CHART_CODE),
        },
        on_continued_change=partial(_continued, on_leave),
        width="stretch",
        height="content",
    )
    if stop:
        st.stop()
