"""Restore from a copy of the data file (Your data): the copy is checked first and what it holds is
shown; the journal is replaced only after a choice and a confirm, and the old one is set aside."""

from __future__ import annotations

import streamlit as st

from reunion_core import content as words
from reunion_core import transfer
from reunion_core.errors import ReunionError
from reunion_core.store import Store
from ui import state, widgets

P = "data.restore."
CHECKED = P + "checked"  # session: (file id, Backup or the message why it was refused)


def section(store: Store) -> None:
    st.header(words.RESTORE_HEADER, anchor=False)
    st.markdown(words.RESTORE_HELP)
    widgets.flash(near=P)
    round_ = st.session_state.get(P + "round", 0)  # a new uploader after a restore: the old file is gone
    upload = st.file_uploader(words.RESTORE_UPLOAD, type=["duckdb"], key=f"{P}upload.{round_}")
    checked = _checked(upload, store)
    if checked is None:
        return
    if isinstance(checked, str):
        st.error(checked)
        return
    st.markdown(words.restore_summary(checked.counts, checked.span))
    if checked.locked:
        st.info(words.RESTORE_LOCKED, icon=":material/lock:")
    elif store.has_passphrase:
        st.warning(words.RESTORE_NOT_LOCKED, icon=":material/lock_open:")
    choice = st.radio(words.RESTORE_CHOICE, list(words.RESTORE_OPTIONS), index=None,
                      format_func=words.RESTORE_OPTIONS.get, key=f"{P}choice.{round_}")
    if choice == "keep":
        st.caption(words.RESTORE_KEPT)
    elif choice == "replace":
        sure = st.checkbox(words.RESTORE_SURE, key=f"{P}sure.{round_}")
        if st.button(words.RESTORE_BUTTON, type="primary", disabled=not sure, key=P + "go"):
            try:
                old = state.restore(checked)
            except ReunionError as exc:
                st.error(str(exc))
                return
            st.session_state.pop(CHECKED, None)
            st.session_state[P + "round"] = round_ + 1
            st.session_state["flash"] = (words.RESTORE_DONE.format(path=old.name), False, P)
            st.rerun()


def _checked(upload, store: Store) -> transfer.Backup | str | None:
    """The uploaded copy, checked once per file; a copy no longer chosen is removed from the folder."""
    kept = st.session_state.get(CHECKED)
    if kept and (upload is None or kept[0] != upload.file_id):
        if isinstance(kept[1], transfer.Backup):
            transfer.forget_backup(kept[1])
        st.session_state.pop(CHECKED, None)
        kept = None
    if upload is None:
        return None
    if kept is None:
        try:
            with st.spinner(words.RESTORE_CHECKING):
                kept = (upload.file_id, transfer.check_backup(upload.getvalue(), state.own_path()))
        except ReunionError as exc:
            kept = (upload.file_id, str(exc))
        st.session_state[CHECKED] = kept
    return kept[1]
