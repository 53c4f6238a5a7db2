"""Your data: take it with you, bring it back, and erase it for real."""

from datetime import date

import streamlit as st

from reunion_core import content as words
from reunion_core import files, transfer, views
from reunion_core.content import ENTRY_KINDS
from reunion_core.errors import ReunionError
from ui import report, restore, state, widgets
from ui.frame import frame

P = "data."
f = frame("data")
today = date.today()
if st.session_state.pop(P + "reset", False):  # after a delete: nothing chosen, nothing ticked
    state.reset({P + "sure": False, **{f"{P}entry.{k}": None for k in ENTRY_KINDS}})

stem = "notes" if f.discreet else "take-two"  # what the files are called in Downloads
st.header("Take it with you", anchor=False)
st.markdown(words.DATA_EXPORT_HELP)
locked = f.store.has_passphrase and st.toggle(words.DATA_PROTECT, value=True, key=P + "protect",
                                               help=words.DATA_PROTECT_HELP)
if f.store.has_passphrase:
    st.caption(words.DATA_COPIES_WITH_PASSPHRASE)
c1, c2, c3 = st.columns(3)
c1.download_button(
    words.DATA_EXPORT_LABELS[0], data=lambda: (transfer.export_protected if locked else transfer.export_json)(f.store),
    file_name=f"{stem}-{today}{'-locked' if locked else ''}.json", mime="application/json", key=P + "json",
    on_click="ignore",
)
c2.download_button(
    words.DATA_EXPORT_LABELS[1], data=lambda: transfer.export_csv_zip(f.store), file_name=f"{stem}-{today}-csv.zip",
    mime="application/zip", key=P + "csv", on_click="ignore",
)
c3.download_button(
    words.DATA_EXPORT_LABELS[2], data=lambda: state.backup_bytes(f.store), file_name=f"{stem}-{today}.duckdb",
    mime="application/octet-stream", key=P + "backup", on_click="ignore",
)

report.section(f.store, today, f.discreet)

st.header("Bring it back", anchor=False)
st.markdown(words.DATA_IMPORT_HELP)
upload = st.file_uploader("A file saved with “Everything, to restore”", type=["json"], key=P + "upload")
given = None
if upload is not None and transfer.is_protected(upload.getvalue()):
    given = st.text_input(words.IMPORT_PASSPHRASE, type="password", key=P + "import_passphrase",
                          help=words.EXPORT_NEEDS_PASSPHRASE)
if upload is not None and st.button("Import", key=P + "import", type="primary"):
    try:
        with st.spinner(words.LOCK_OPENING):
            imported = views.import_export(f.store, upload.getvalue(), given)
    except ReunionError as exc:
        st.error(str(exc))
    else:
        st.success(words.imported(imported.added))
        if imported.kept_safety_on:
            st.warning(words.SAFETY_IMPORT_KEPT, icon=":material/sos:")
        if imported.kept_boundary:
            st.info(words.BOUNDARY_IMPORT_KEPT, icon=":material/front_hand:")
        if imported.held_back:
            st.info(words.held_back(imported.held_back), icon=":material/front_hand:")

if not state.using_example():  # the example is never restored over
    restore.section(f.store)

if not state.using_example() and not f.safety.on:  # the example stays reachable after your own data
    st.caption(words.EXAMPLE_FROM_DATA)
    if st.button(words.EXAMPLE_LOOK, key=P + "example"):
        with st.spinner(words.EXAMPLE_WRITING):
            state.switch_to_example()
        st.rerun()

st.header("Delete one entry", anchor=False)
kind = st.segmented_control("What", list(ENTRY_KINDS), format_func=lambda k: ENTRY_KINDS[k][0], key=P + "kind",
                            default="checkin", required=True)
entries = state.deletable(f.store, kind)
entry = st.selectbox(
    "Entry (the 50 newest)", list(entries), index=None, format_func=entries.get,
    placeholder="Choose an entry" if entries else "Nothing saved yet", key=f"{P}entry.{kind}",
)
if entry is not None:
    st.warning(words.DATA_DELETE_ONE_WARNING)
    if kind == "diagnostic" and f.safety.on:
        st.caption(words.SAFETY_DELETE_RUN)
    if st.button("Yes, delete it", key=P + "delete_one"):
        widgets.act(lambda: views.delete_entry(f.store, kind, entry), "Deleted, and erased from the file.", P + "reset")

st.header("Delete everything", anchor=False)
st.markdown(words.DATA_ERASE_HELP.format(path=f.store.path))
copies = files.made_from(f.store.path)
if copies:  # set-aside files and crash leftovers hold journal text too
    st.markdown(words.DATA_ERASE_COPIES + "\n" + "\n".join(f"- `{p}`" for p in copies))
sure = st.checkbox(words.DATA_ERASE_SURE, key=P + "sure")
if st.button("Delete everything", key=P + "erase", disabled=not sure, type="primary"):
    widgets.act(f.store.erase, "Everything was deleted. This is a new, empty file.", P + "reset")
widgets.flash()
