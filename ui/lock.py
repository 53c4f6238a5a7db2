"""The passphrase lock on screen: the lock screen, Lock now, locking when idle, and the passphrase
form. The rules are in reunion_core (vault.py: the key, the waits; views.py: unlock and re-key).

With a passphrase set, a browser session sees the journal only once it has given the passphrase
itself: the browser's remembered key (ui/access.py) opens the door, never the journal. A session is
locked again after the idle minutes (seen by the browser, which then asks for a rerun, and checked on
every rerun), by Lock now, and after a quick exit; the key itself is forgotten by the process on Lock
now, after a quick exit, and once no session has been used for the idle minutes.
"""

from __future__ import annotations

import threading
import time
from typing import NoReturn

import streamlit as st

from reunion_core import content as words
from reunion_core import files, transfer, vault, views
from reunion_core.errors import ReunionError
from reunion_core.store import Store
from ui import state, widgets

EPOCH = "take_two.lock.epoch"  # session: the store's lock epoch this session gave the passphrase at
SEEN = "take_two.lock.seen"  # session: monotonic time of its last run while open
DRAFTS = "take_two.lock.drafts"  # session: what was typed, not saved, when it locked
P = "lock."

# Each open store's last use by any session (monotonic seconds), and its idle minutes: the watcher
# thread forgets a key nobody has used for that long.
_used: dict[int, tuple[Store, float, int]] = {}
_used_lock = threading.Lock()
_watching = False

_IDLE_JS = r"""
const LOCKED = "take-two-locked";
export default function (component) {
  const data = component.data || {};
  const w = window;
  w.__takeTwoIdle = w.__takeTwoIdle || {last: Date.now(), timer: null, fired: false};
  const idle = w.__takeTwoIdle;
  if (!idle.installed) {
    idle.installed = true;
    const seen = () => { idle.last = Date.now(); };
    for (const name of ["pointerdown", "keydown", "wheel", "touchstart", "input"]) {
      w.addEventListener(name, seen, {capture: true, passive: true});
    }
    w.addEventListener("storage", (event) => {  // Lock now in another window of this browser
      if (event.key !== LOCKED || !event.newValue) return;
      document.documentElement.classList.add("take-two-idle");
      idle.fired = true;
      if (idle.trigger) idle.trigger("idle", true);
    });
  }
  document.documentElement.classList.remove("take-two-idle");
  idle.fired = false;
  idle.last = Date.now();
  idle.ms = (data.minutes || 10) * 60000;
  idle.trigger = component.setTriggerValue;
  if (idle.timer) clearInterval(idle.timer);
  idle.timer = setInterval(() => {
    if (!idle.fired && Date.now() - idle.last > idle.ms) {
      idle.fired = true;  // hide at once, then ask the server to lock this session
      document.documentElement.classList.add("take-two-idle");
      idle.trigger("idle", true);
    }
  }, 5000);
}
"""
# Told to every other window of this browser when this one locks (their idle timer hears it).
_TELL_JS = r"""
export default function () {
  try { window.localStorage.setItem("take-two-locked", String(Date.now())); } catch (e) {}
}
"""
_TELL = st.components.v2.component("take_two_locked", js=_TELL_JS)
_TELL_CSS_KEY = "take_two_locked"
# The lock screen has no menu: the sidebar (empty there) and its toggle are not drawn.
_LOCK_SCREEN_CSS = ("<style>[data-testid=stSidebar],[data-testid=stSidebarCollapsedControl],"
                    "[data-testid=stExpandSidebarButton],.st-key-take_two_locked{display:none!important}</style>")
_IDLE_CSS_KEY = "take_two_idle"
_IDLE = st.components.v2.component("take_two_idle", js=_IDLE_JS)
_HIDE_WHEN_IDLE = ("<style>.st-key-take_two_idle{display:none!important}"
                   "html.take-two-idle [data-testid=stMain], html.take-two-idle [data-testid=stSidebar]"
                   "{visibility:hidden!important}</style>")


def session_open(store: Store) -> bool:
    """This session has given the passphrase since the journal was last locked."""
    return not store.locked and st.session_state.get(EPOCH) == store.lock_epoch


def unlocked(store: Store) -> bool:
    """The journal has no passphrase, or this session has opened it and has not been idle too long
    (then it is locked here, and False)."""
    if not store.has_passphrase:
        return True
    if not session_open(store):
        if EPOCH in st.session_state:  # it was open here until a lock elsewhere: keep what was being typed
            _close_session()
        return False
    now = time.monotonic()
    minutes = state.preferences(store).lock_minutes
    if st.session_state.pop(_IDLE_CSS_KEY + ".fired", False) or vault.idle_too_long(
            st.session_state.get(SEEN, now), now, minutes):
        _close_session()
        return False
    st.session_state[SEEN] = now
    _mark_used(store, now, minutes)
    _watch_idle(minutes)
    return True


def lock_now(store: Store) -> None:
    """Forget the key in this process: every session, in every window, is locked."""
    store.lock()
    state.forget_views()
    _close_session()
    st.session_state[P + "tell"] = True


def after_quick_exit(store: Store) -> None:
    """Opened after a quick exit: lock the journal everywhere (a no-op without a passphrase)."""
    if store.has_passphrase and not store.locked:
        lock_now(store)


def _close_session() -> None:
    """Lock this session; what was typed and not saved is kept, in this session, until it is opened again."""
    st.session_state.pop(EPOCH, None)
    st.session_state.pop(SEEN, None)
    kept = {key: value for key, value in st.session_state.items()
            if isinstance(value, str) and value.strip() and not str(key).startswith((P, "take_two", "$$"))}
    if kept:
        st.session_state[DRAFTS] = {**st.session_state.get(DRAFTS, {}), **kept}


def _bring_back_drafts() -> None:
    for key, value in st.session_state.pop(DRAFTS, {}).items():
        st.session_state[key] = value


def idle_timer(store: Store) -> None:
    """The browser's half of idle locking: hides the page and asks for a rerun after the idle minutes."""
    if not store.has_passphrase:
        return
    st.html(_HIDE_WHEN_IDLE)
    _IDLE(key=_IDLE_CSS_KEY, data={"minutes": state.preferences(store).lock_minutes},
          on_idle_change=lambda: st.session_state.update({_IDLE_CSS_KEY + ".fired": True}),
          width="stretch", height="content")


def lock_button(store: Store, key: str = "now") -> None:
    if store.has_passphrase:
        st.button(words.LOCK_NOW, key=P + key, icon=":material/lock:", help=words.LOCK_NOW_HELP,
                  on_click=lock_now, args=(store,))


def screen(store: Store) -> NoReturn:
    """The lock screen, and nothing else: no journal word, no count, no stage."""
    st.set_page_config(page_title=words.LOCK_TAB)
    st.html(_LOCK_SCREEN_CSS)
    if st.session_state.pop(P + "tell", False):  # locked here: every other window of this browser locks too
        _TELL(key=_TELL_CSS_KEY, width="stretch", height="content")
    st.title(words.LOCK_TITLE, anchor=False)
    with st.form(P + "form", clear_on_submit=True, border=False):
        given = st.text_input(words.LOCK_FIELD, type="password", key=P + "passphrase", max_chars=vault.MAX_LENGTH)
        pressed = st.form_submit_button(words.LOCK_OPEN, type="primary", key=P + "open")
    st.caption(words.LOCK_TEXT)
    if st.session_state.get(DRAFTS):
        st.caption(words.LOCK_DRAFT_KEPT)
    if pressed:
        try:
            with st.spinner(words.LOCK_OPENING):
                tried = views.unlock(store, given)
        except ReunionError as exc:
            st.error(str(exc), icon=":material/lock:")
        else:
            st.session_state[P + "tried"] = tried
            _bring_back_drafts()
            st.session_state[EPOCH] = store.lock_epoch
            st.session_state[SEEN] = time.monotonic()
            st.rerun()
    with st.expander(words.LOCK_FORGOT_LABEL):
        st.markdown(words.LOCK_FORGOT)
    st.stop()


def offer_in_safety(store: Store, safety_on: bool) -> None:
    """In safety mode, with no passphrase yet: the offer again (and discreet mode), one click from it."""
    if safety_on and not store.has_passphrase:
        st.info(words.PASSPHRASE_SAFETY_OFFER, icon=":material/key:")
        st.page_link("pages/6_Safety_and_help.py", label=words.PASSPHRASE_OFFER, icon=":material/key:")


def tell_tries() -> None:
    """Once, just after opening: wrong passphrases typed here while it was locked (someone may have tried)."""
    tried = st.session_state.pop(P + "tried", 0)
    if tried:
        st.warning(words.TRIED_WHILE_LOCKED.format(times=words.counted(tried, "time")), icon=":material/key:")


def passphrase_section(store: Store, minutes: int, *, expanded: bool = True) -> None:
    """Set, change or remove the passphrase, and the idle minutes (Safety & help; offered on Home)."""
    widgets.flash(near=P)
    if not store.has_passphrase:
        with st.expander(words.PASSPHRASE_OFFER, expanded=expanded):
            st.markdown(words.PASSPHRASE_WHY.format(minutes=words.minutes_said(minutes)))
            st.warning(words.PASSPHRASE_WARNING, icon=":material/key:")
            st.download_button(words.PASSPHRASE_EXPORT_FIRST, data=lambda: transfer.export_json(store),
                               file_name=f"take-two-{time.strftime('%Y-%m-%d')}.json", mime="application/json",
                               key=P + "export", on_click="ignore", icon=":material/download:")
            with st.form(P + "set", clear_on_submit=True, border=False):
                new = st.text_input(words.PASSPHRASE_NEW, type="password", key=P + "new", max_chars=vault.MAX_LENGTH)
                again = st.text_input(words.PASSPHRASE_REPEAT, type="password", key=P + "again",
                                      max_chars=vault.MAX_LENGTH)
                if st.form_submit_button(words.PASSPHRASE_SET, type="primary", key=P + "set_button"):
                    _rekey(store, lambda: views.set_passphrase(store, new, again), words.PASSPHRASE_SET_DONE)
        return
    st.markdown(words.PASSPHRASE_IS_SET.format(minutes=words.minutes_said(minutes)))
    lock_button(store, "now_here")
    copies = files.made_from(store.path)
    if copies:
        st.warning(words.PASSPHRASE_COPIES + "\n" + "\n".join(f"- `{p.name}`" for p in copies),
                   icon=":material/content_copy:")
        if st.button(words.PASSPHRASE_COPIES_DELETE, key=P + "copies_delete"):
            widgets.act(lambda: files.remove_copies(store.path), words.PASSPHRASE_COPIES_DELETED, near=P)
    with st.expander(words.PASSPHRASE_CHANGE), st.form(P + "change", clear_on_submit=True, border=False):
        current = st.text_input(words.PASSPHRASE_CURRENT, type="password", key=P + "current")
        new = st.text_input(words.PASSPHRASE_NEW, type="password", key=P + "new", max_chars=vault.MAX_LENGTH)
        again = st.text_input(words.PASSPHRASE_REPEAT, type="password", key=P + "again", max_chars=vault.MAX_LENGTH)
        if st.form_submit_button(words.PASSPHRASE_CHANGE, key=P + "change_button"):
            _rekey(store, lambda: views.set_passphrase(store, new, again, current), words.PASSPHRASE_CHANGED)
    with st.expander(words.LOCK_MINUTES):
        chosen = st.number_input(words.LOCK_MINUTES, *vault.IDLE_RANGE, value=minutes, step=1, key=P + "minutes")
        if st.button(words.LOCK_MINUTES_SAVE, key=P + "minutes_save"):
            widgets.act(lambda: views.save_lock_minutes(store, int(chosen)), "Saved.", near=P)
    with st.expander(words.PASSPHRASE_REMOVE), st.form(P + "remove", clear_on_submit=True, border=False):
        current = st.text_input(words.PASSPHRASE_CURRENT, type="password", key=P + "remove_current")
        sure = st.checkbox(words.PASSPHRASE_REMOVE_SURE, key=P + "remove_sure")
        if st.form_submit_button(words.PASSPHRASE_REMOVE, key=P + "remove_button"):
            if not sure:
                st.error(words.PASSPHRASE_REMOVE_SURE.split(":")[0] + ": tick the box first.")
            else:
                _rekey(store, lambda: views.remove_passphrase(store, current), words.PASSPHRASE_REMOVED)


def _rekey(store: Store, action, done: str) -> None:
    try:
        with st.spinner(words.PASSPHRASE_SETTING):
            action()
    except ReunionError as exc:
        st.error(str(exc))
        return
    state.forget_views()
    st.session_state[EPOCH] = store.lock_epoch  # the person who set it stays in
    st.session_state[SEEN] = time.monotonic()
    st.session_state["flash"] = (done, False, P)
    st.rerun()


def _mark_used(store: Store, now: float, minutes: int) -> None:
    with _used_lock:
        _used[id(store)] = (store, now, minutes)


def _watch_idle(minutes: int) -> None:
    global _watching
    with _used_lock:
        if _watching:
            return
        _watching = True
    threading.Thread(target=_watcher, name="take-two-idle-lock", daemon=True).start()


def _watcher() -> None:
    """Forget the key of a journal no session has used for its idle minutes (a laptop left open)."""
    while True:
        time.sleep(15)
        now = time.monotonic()
        with _used_lock:
            idle = [s for s, last, minutes in _used.values() if vault.idle_too_long(last, now, minutes)]
        for store in idle:
            if not store.locked:
                store.lock()
                state.forget_views()
