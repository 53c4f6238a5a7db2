"""Your data: take it with you, bring it back, and erase it for real."""

from datetime import date

import streamlit as st

from reunion_core import transfer
from reunion_core.content import INITIATOR_BY_KEY, RESPONSE_BY_KEY, YOUR_STAGE_BY_KEY
from reunion_core.errors import ReunionError
from ui import widgets
from ui.frame import frame
from ui.state import backup_bytes, read, reset

P = "data."
f = frame(
    "Your data",
    "Everything you wrote lives in one file on this computer. Take a copy, restore one, or erase it for good.",
)
today = date.today()
if st.session_state.pop(P + "reset", False):  # after a delete: nothing chosen, nothing ticked
    reset({P + "sure": False, **{f"{P}entry.{k}": None for k in ("checkin", "diagnostic", "contact")}})

st.subheader("Take it with you")
st.markdown(
    "- **JSON export**: every entry and every field, to restore later or keep (the format is "
    "described in `docs/EXPORT-FORMAT.md`).\n"
    "- **CSV files** (ZIP): one table per kind of entry, for a spreadsheet.\n"
    "- **Backup**: a copy of the database file itself, taken safely while Take Two runs."
)
c1, c2, c3 = st.columns(3)
c1.download_button(
    "JSON export", data=lambda: transfer.export_json(f.store), file_name=f"take-two-{today}.json",
    mime="application/json", key=P + "json", on_click="ignore",
)
c2.download_button(
    "CSV files (ZIP)", data=lambda: transfer.export_csv_zip(f.store), file_name=f"take-two-{today}-csv.zip",
    mime="application/zip", key=P + "csv", on_click="ignore",
)
c3.download_button(
    "Backup file", data=lambda: backup_bytes(f.store), file_name=f"take-two-{today}.duckdb",
    mime="application/octet-stream", key=P + "backup", on_click="ignore",
)

st.subheader("Bring it back")
st.markdown(
    "Import a Take Two **JSON export**. Entries you already have are skipped, so importing the "
    "same file twice adds nothing. A file that isn't a good export changes nothing."
)
upload = st.file_uploader("Take Two export (.json)", type=["json"], key=P + "upload")
if upload is not None and st.button("Import", key=P + "import", type="primary"):
    try:
        added = transfer.import_bundle(f.store, transfer.read_export(upload.getvalue()))
    except ReunionError as exc:
        st.error(str(exc))
    else:
        st.success(
            f"Imported {added['checkins']} check-ins, {added['contacts']} contacts and "
            f"{added['diagnostics']} diagnostic runs. Anything already here was skipped."
        )

st.subheader("Delete one entry")
KINDS = {"checkin": "A check-in", "diagnostic": "A diagnostic run", "contact": "A contact"}
kind = st.segmented_control("What", list(KINDS), format_func=KINDS.get, key=P + "kind", default="checkin", required=True)
if kind == "checkin":
    entries = {c.id: f"{c.at:%d %b %Y %H:%M} · {YOUR_STAGE_BY_KEY[c.your_stage].name} · openness {c.openness}"
               for c in read(f.store, "checkins", 50)}
elif kind == "diagnostic":
    entries = {r.id: f"{r.created_at:%d %b %Y %H:%M} · {r.assessment.verdict.label}"
               for r in read(f.store, "diagnostic_runs", 50)}
else:
    entries = {
        c.id: f"{c.happened_on:%d %b %Y} · {INITIATOR_BY_KEY[c.initiator].label} · {RESPONSE_BY_KEY[c.response].label}"
        for c in read(f.store, "contacts", 50)
    }
entry = st.selectbox(
    "Entry (the 50 newest)", list(entries), index=None, format_func=entries.get,
    placeholder="Choose an entry" if entries else "Nothing saved yet", key=f"{P}entry.{kind}",
)
if entry is not None:
    st.warning("Delete this entry? It is erased from the file on disk too; this can't be undone.")
    if st.button("Yes, delete it", key=P + "delete_one"):
        widgets.act(lambda: f.store.delete(kind, entry), "Deleted, and erased from the file.", P + "reset")

st.subheader("Delete everything")
st.markdown(
    f"This erases the data file `{f.store.path}` and its log, and starts a new, empty one. "
    "Export first if you may want anything back."
)
sure = st.checkbox("I understand that everything I wrote will be gone", key=P + "sure")
if st.button("Delete everything", key=P + "erase", disabled=not sure, type="primary"):
    widgets.act(f.store.erase, "Everything was deleted. This is a new, empty file.", P + "reset")
widgets.flash()
