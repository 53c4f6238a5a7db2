"""Contact log: every contact with your ex, and how long since the last one."""

from datetime import date

import streamlit as st

from reunion_core import content as words
from reunion_core import views
from reunion_core.content import (
    CHANNEL_BY_KEY,
    CHANNELS,
    INITIATOR_BY_KEY,
    INITIATORS,
    MOODS,
    RESPONSE_BY_KEY,
    RESPONSES,
    SAFETY_RESPONSE_LABELS,
)
from reunion_core.guidance import Path
from reunion_core.records import Contact
from ui import paths, state, widgets
from ui.frame import frame

P = "co."
f = frame("contact_log")
today = date.today()
bound = f.guidance.boundary if not f.safety.on else None
after_no = not f.safety.on and f.guidance.path in (Path.THEY_SAID_NO, Path.MOVING_ON)
# While their request stands, the form starts from a contact they started, not one you did.
BLANK = Contact(today, "them" if bound and bound.on else INITIATORS[0].key, CHANNELS[0].key, RESPONSES[0].key, 3, "")
if st.session_state.pop(P + "reset", False):  # after a save: a blank form for the next one
    state.reset({f"{P}new.{k}": v for k, v in (("date", today), ("initiator", BLANK.initiator),
                ("channel", BLANK.channel), ("response", BLANK.response), ("feeling", 3), ("note", ""))})
log = state.contact_log(f.store, st.session_state.get(P + "page", 0), today)

if log.last is None:  # nothing to count: said in small type, not in a metric's large one
    st.container(border=True).markdown("**No-contact streak**  \nNo contacts logged yet.")
else:
    st.metric("Days since the last contact", log.days_since, border=True, help=f"Last contact: {log.last:%d %b %Y}")

if bound and bound.on:  # their request stands: said plainly, and only a deliberate choice changes it
    paths.boundary(f.store, bound.since)

st.header("Add a contact", anchor=False)
if f.safety.on:
    st.caption(words.SAFETY_CONTACT_NOTE)
new = widgets.contact_form(P + "new", BLANK, f.safety.on)
if st.button("Save contact", type="primary", key=P + "save"):
    said, gently = widgets.contact_saved(new, bound, after_no)
    widgets.act(lambda: views.save_contact(f.store, new), said, P + "reset", gently=gently)
widgets.flash()

st.header("Past contacts", anchor=False)
widgets.flash(near="past")  # an edit or a delete: said where the list is
if not log.total:
    st.caption(words.SAFETY_CONTACTS_EMPTY if f.safety.on else "Nothing logged yet. No contact is a stage too: Bubble space.")
    st.stop()
st.caption(f"{log.total} contact{'s' if log.total != 1 else ''}, newest first. Page {log.page + 1} of {log.pages}.")


def describe(c: Contact) -> str:
    response = SAFETY_RESPONSE_LABELS[c.response] if f.safety.on else RESPONSE_BY_KEY[c.response].label
    return f"{c.happened_on:%a %d %b %Y} · {INITIATOR_BY_KEY[c.initiator].label} · {CHANNEL_BY_KEY[c.channel].label} · {response}"


for contact in log.shown:
    # One plain-text element per contact: the note is typed by the person, so never markdown (a markdown
    # list would read better to a screen reader, but markdown turns a typed address into a link).
    header = f"{describe(contact)} · felt {MOODS[contact.feeling - 1].lower()} after"
    st.text(f"{header}\n{contact.note}" if contact.note else header)

if st.session_state.pop(P + "unchoose", False):  # after an edit or delete: close the form, forget it
    st.session_state[f"{P}chosen.{log.page}"] = None
    for key in [k for k in st.session_state if str(k).startswith(P + "edit.")]:
        del st.session_state[key]
held = [i for i, c in enumerate(log.shown) if c.id in state.held_edits()]  # held unsaved: opened again
chosen = st.selectbox(
    "Edit or delete a contact on this page", range(len(log.shown)), index=held[0] if held else None,
    placeholder="Choose a contact",
    format_func=lambda i: f"{i + 1}. {describe(log.shown[i])}",  # numbered: equal entries stay apart
    key=f"{P}chosen.{log.page}",
)
if chosen is not None:
    contact = log.shown[chosen]
    edit = f"{P}edit.{contact.id}"
    was = st.session_state.setdefault(edit + ".was", contact)  # the version this edit started from
    edited = widgets.contact_form(edit, was, f.safety.on)
    if st.button("Save changes", type="primary", key=P + "save_edit"):
        widgets.act(lambda: views.save_contact(f.store, edited, was), "Changes saved.", P + "unchoose", near="past")
    if st.session_state.get(P + "deleting") == contact.id:
        st.warning("Delete this contact? This can't be undone.")
        yes, no = st.columns(2)
        if yes.button("Yes, delete", key=P + "delete_yes", type="primary"):
            st.session_state[P + "deleting"] = None
            widgets.act(lambda: f.store.delete("contact", contact.id), "Contact deleted.", P + "unchoose", near="past")
        if no.button("No, keep it", key=P + "delete_no"):
            st.session_state[P + "deleting"] = None
            st.rerun()
    elif st.button("Delete this contact", key=P + "delete"):
        st.session_state[P + "deleting"] = contact.id
        st.rerun()

if log.pages > 1:
    newer, older = st.columns(2)
    if newer.button("Newer", key=P + "newer", disabled=log.page == 0):
        st.session_state[P + "page"] = log.page - 1
        st.rerun()
    if older.button("Older", key=P + "older", disabled=log.page >= log.pages - 1):
        st.session_state[P + "page"] = log.page + 1
        st.rerun()
