"""Contact log: every contact with your ex, and how long since the last one."""

from datetime import date

import pandas as pd
import streamlit as st

from reunion_core.content import (
    CHANNEL_BY_KEY,
    CHANNELS,
    INITIATOR_BY_KEY,
    INITIATORS,
    MOODS,
    RESPONSE_BY_KEY,
    RESPONSES,
)
from reunion_core.errors import ReunionError
from reunion_core.records import Contact
from ui import widgets
from ui.frame import frame
from ui.state import reset

P = "co."

f = frame(
    "Contact log",
    "Log each contact with your ex: who reached out, how they responded, how you felt after."
)
if st.session_state.pop(P + "reset", False):  # after a save: a blank form for the next one
    reset({P + "new.date": date.today(), P + "new.initiator": INITIATORS[0].key,
           P + "new.channel": CHANNELS[0].key, P + "new.response": RESPONSES[0].key,
           P + "new.feeling": 3, P + "new.note": ""})

last = f.store.last_contact_day()
if last is None:
    st.metric("No-contact streak", "No contacts logged yet", border=True)
else:
    days = (date.today() - last).days
    st.metric("Days since the last contact", days, border=True, help=f"Last contact: {last:%d %b %Y}")

st.subheader("Add a contact")
when = st.date_input(
    "When", max_value=date.today(), key=P + "new.date", format="YYYY-MM-DD", persist_state="session"
)
initiator = st.radio(
    "Who reached out?",
    [c.key for c in INITIATORS],
    format_func=lambda k: INITIATOR_BY_KEY[k].label,
    horizontal=True,
    key=P + "new.initiator",
    persist_state="session",
)
channel = st.selectbox(
    "How", [c.key for c in CHANNELS], format_func=lambda k: CHANNEL_BY_KEY[k].label, key=P + "new.channel",
    persist_state="session",
)
response = st.selectbox(
    "How did they respond?",
    [c.key for c in RESPONSES],
    format_func=lambda k: RESPONSE_BY_KEY[k].label,
    key=P + "new.response",
    persist_state="session",
)
feeling = st.select_slider(
    "How did you feel after?",
    options=list(range(1, len(MOODS) + 1)),
    value=3,
    format_func=lambda m: MOODS[m - 1],
    key=P + "new.feeling",
    persist_state="session",
)
note = st.text_area("Note (optional)", key=P + "new.note", persist_state="session")
if st.button("Save contact", type="primary", key=P + "save"):
    try:
        f.store.add_contact(Contact(when, initiator, channel, response, feeling, note or ""))
    except ReunionError as exc:
        st.error(str(exc))
    else:
        st.session_state[P + "reset"] = True
        st.session_state["co_saved"] = True
        st.rerun()
if st.session_state.pop("co_saved", False):
    st.success("Contact saved.", icon=":material/check_circle:")

st.subheader("Past contacts")
contacts = f.store.contacts()
if not contacts:
    st.caption("Nothing logged yet. No contact is a stage too: Bubble space.")
    st.stop()

newest = contacts[0]
with st.container(border=True):
    st.caption(
        f"Latest: {newest.happened_on:%a %d %b %Y} · {INITIATOR_BY_KEY[newest.initiator].label} · "
        f"{CHANNEL_BY_KEY[newest.channel].label} · {RESPONSE_BY_KEY[newest.response].label}"
    )
    widgets.user_text("Note", newest.note)
st.caption("Newest first. Edit a cell and press Save changes; tick Delete to remove an entry.")
table = pd.DataFrame(
    {
        "id": [c.id for c in contacts],
        "Date": [c.happened_on for c in contacts],
        "Who": [INITIATOR_BY_KEY[c.initiator].label for c in contacts],
        "How": [CHANNEL_BY_KEY[c.channel].label for c in contacts],
        "Response": [RESPONSE_BY_KEY[c.response].label for c in contacts],
        "Felt after": [MOODS[c.feeling - 1] for c in contacts],
        "Note": [c.note for c in contacts],
        "Delete": [False] * len(contacts),
    }
)
edited = st.data_editor(
    table,
    key=P + "table",
    hide_index=True,
    width="stretch",
    column_order=["Date", "Who", "How", "Response", "Felt after", "Note", "Delete"],
    column_config={
        "Date": st.column_config.DateColumn(max_value=date.today(), required=True),
        "Who": st.column_config.SelectboxColumn(options=[c.label for c in INITIATORS], required=True),
        "How": st.column_config.SelectboxColumn(options=[c.label for c in CHANNELS], required=True),
        "Response": st.column_config.SelectboxColumn(options=[c.label for c in RESPONSES], required=True),
        "Felt after": st.column_config.SelectboxColumn(options=list(MOODS), required=True),
        "Note": st.column_config.TextColumn(),
        "Delete": st.column_config.CheckboxColumn(help="Tick, then confirm below"),
    },
)

by_label = {
    "Who": {c.label: c.key for c in INITIATORS},
    "How": {c.label: c.key for c in CHANNELS},
    "Response": {c.label: c.key for c in RESPONSES},
    "Felt after": {m: i + 1 for i, m in enumerate(MOODS)},
}
originals = {c.id: c for c in contacts}
changed = [
    Contact(
        row["Date"],
        by_label["Who"][row["Who"]],
        by_label["How"][row["How"]],
        by_label["Response"][row["Response"]],
        by_label["Felt after"][row["Felt after"]],
        row["Note"] or "",
        row["id"],
        originals[row["id"]].created_at,
    )
    for row, (_, before) in zip(edited.to_dict("records"), table.iterrows(), strict=True)
    if any(row[c] != before[c] for c in ("Date", "Who", "How", "Response", "Felt after", "Note"))
]
to_delete = [row["id"] for row in edited.to_dict("records") if row["Delete"]]

if changed and st.button(f"Save changes ({len(changed)})", key=P + "save_edits"):
    try:
        for contact in changed:
            f.store.update_contact(contact)
    except ReunionError as exc:
        st.error(str(exc))
    else:
        st.session_state.pop(P + "table", None)
        st.rerun()

if to_delete:
    st.warning(f"Delete {len(to_delete)} contact(s)? This can't be undone.")
    if st.button("Yes, delete", key=P + "delete"):
        try:
            for entry in to_delete:
                f.store.delete("contact", entry)
        except ReunionError as exc:
            st.error(str(exc))
        st.session_state.pop(P + "table", None)
        st.rerun()
