"""Contact log: every contact with your ex, and how long since the last one."""

from dataclasses import replace
from datetime import date

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
from reunion_core.records import Contact
from ui import widgets
from ui.frame import frame
from ui.state import read, reset

P = "co."

f = frame(
    "Contact log",
    "Log each contact with your ex: who reached out, how they responded, how you felt after."
)
if st.session_state.pop(P + "reset", False):  # after a save: a blank form for the next one
    reset({P + "new.date": date.today(), P + "new.initiator": INITIATORS[0].key,
           P + "new.channel": CHANNELS[0].key, P + "new.response": RESPONSES[0].key,
           P + "new.feeling": 3, P + "new.note": ""})

last = read(f.store, "last_contact_day")
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
    widgets.act(
        lambda: f.store.add_contact(Contact(when, initiator, channel, response, feeling, note or "")),
        "Contact saved.",
        P + "reset",
    )
widgets.flash()

st.subheader("Past contacts")
total = read(f.store, "counts")["contacts"]
if not total:
    st.caption("Nothing logged yet. No contact is a stage too: Bubble space.")
    st.stop()

PER_PAGE = 10
pages = (total + PER_PAGE - 1) // PER_PAGE
page = min(st.session_state.get(P + "page", 0), pages - 1)
st.caption(f"{total} contacts, newest first. Page {page + 1} of {pages}.")
shown = read(f.store, "contacts", PER_PAGE, page * PER_PAGE)


def describe(c: Contact) -> str:
    return (
        f"{c.happened_on:%a %d %b %Y} · {INITIATOR_BY_KEY[c.initiator].label} · "
        f"{CHANNEL_BY_KEY[c.channel].label} · {RESPONSE_BY_KEY[c.response].label}"
    )


for contact in shown:
    # One plain-text element per contact: the note is typed by the person, so never markdown.
    header = f"{describe(contact)} · felt {MOODS[contact.feeling - 1].lower()} after"
    st.text(f"{header}\n{contact.note}" if contact.note else header)

if st.session_state.pop(P + "unchoose", False):  # after an edit or delete, close the form
    st.session_state[f"{P}chosen.{page}"] = None
chosen = st.selectbox(
    "Edit or delete a contact on this page",
    range(len(shown)),
    index=None,
    placeholder="Choose a contact",
    format_func=lambda i: describe(shown[i]),
    key=f"{P}chosen.{page}",
)
if chosen is not None:
    contact = shown[chosen]
    with st.form(key=f"{P}edit.{contact.id}"):
        day = st.date_input("When", value=contact.happened_on, max_value=date.today(), format="YYYY-MM-DD")
        who = st.radio("Who reached out?", [c.key for c in INITIATORS], horizontal=True,
                       index=[c.key for c in INITIATORS].index(contact.initiator),
                       format_func=lambda k: INITIATOR_BY_KEY[k].label)
        how = st.selectbox("How", [c.key for c in CHANNELS], format_func=lambda k: CHANNEL_BY_KEY[k].label,
                           index=[c.key for c in CHANNELS].index(contact.channel))
        answer = st.selectbox("How did they respond?", [c.key for c in RESPONSES],
                              index=[c.key for c in RESPONSES].index(contact.response),
                              format_func=lambda k: RESPONSE_BY_KEY[k].label)
        felt = st.select_slider("How did you feel after?", options=list(range(1, len(MOODS) + 1)),
                                value=contact.feeling, format_func=lambda m: MOODS[m - 1])
        text = st.text_area("Note", value=contact.note)
        save_edit = st.form_submit_button("Save changes", type="primary")
    if save_edit:
        edited = replace(contact, happened_on=day, initiator=who, channel=how, response=answer,
                         feeling=felt, note=text or "")
        widgets.act(lambda: f.store.update_contact(edited), "Changes saved.", P + "unchoose")
    if st.session_state.get(P + "deleting") == contact.id:
        st.warning("Delete this contact? This can't be undone.")
        yes, no = st.columns(2)
        if yes.button("Yes, delete", key=P + "delete_yes", type="primary"):
            st.session_state[P + "deleting"] = None
            widgets.act(lambda: f.store.delete("contact", contact.id), "Contact deleted.", P + "unchoose")
        if no.button("No, keep it", key=P + "delete_no"):
            st.session_state[P + "deleting"] = None
            st.rerun()
    elif st.button("Delete this contact", key=P + "delete"):
        st.session_state[P + "deleting"] = contact.id
        st.rerun()

if pages > 1:
    newer, older = st.columns(2)
    if newer.button("Newer", key=P + "newer", disabled=page == 0):
        st.session_state[P + "page"] = page - 1
        st.rerun()
    if older.button("Older", key=P + "older", disabled=page >= pages - 1):
        st.session_state[P + "page"] = page + 1
        st.rerun()
