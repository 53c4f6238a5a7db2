"""The Toolkit's five tools, one function each: the form, what was kept, and the words around them.

Every form keeps what was typed when a save is refused (widgets.act), and starts blank after a save.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import streamlit as st

from reunion_core import content as words
from reunion_core import toolkit as tk
from reunion_core import views
from reunion_core.content import (
    DEBRIEF_QUESTIONS,
    DRAFT_HINTS,
    PAUSE_QUESTIONS,
    URGE_CHOSE,
    URGE_READY,
    counted,
)
from reunion_core.records import ToolEntry, local_now
from reunion_core.store import Store
from ui import state, widgets
from ui.frame import page

P = "tk."
YES_NO = {True: "Yes", False: "No"}
# A picker that takes any day: one typed out of range would otherwise be dropped without a word and
# the entry saved as today; the rules then say plainly what is wrong with it.
ANY_DAY = {"min_value": date(1900, 1, 1), "max_value": date(2199, 12, 31)}


def _blank(form: str, blanks: dict[str, object]) -> None:
    """Before a form's widgets: their starting values, and blank again after a save."""
    values = {f"{P}{form}.{key}": value for key, value in blanks.items()}
    if st.session_state.pop(f"{P}{form}.reset", False):
        state.reset(values)
    for key, value in values.items():
        st.session_state.setdefault(key, value)


def _save(store: Store, entry: ToolEntry, done: str, form: str, *, gently: bool = False) -> None:
    widgets.act(lambda: views.add_tool_entry(store, entry), done, f"{P}{form}.reset", gently=gently, near=form)


def _days(days: tuple[date, ...]) -> str:
    return ", ".join(f"{d:%d %b}" for d in days)


# --- 1. What is different now ----------------------------------------------------------------------


def different(store: Store, view: views.Toolkit, today: date) -> None:
    st.markdown(words.EVIDENCE_HELP)
    found = view.reasons
    if not found:
        st.info(words.REASONS_EMPTY)
        st.page_link(page("diagnostic"), label="Take the diagnostic", icon=":material/explore:")
    else:
        still = tk.open_reasons(found)
        st.caption(words.different_count(still, len(found)))
        for reason in found:
            box = st.container(border=True)
            box.markdown(f"**{widgets.escape(reason.text)}**")
            if not reason.evidence:
                box.caption(words.REASON_OPEN)
            else:  # one element for the list: the browser draws each element (issue 15)
                box.markdown("\n".join(f"- {e.day:%d %b %Y}: {widgets.escape(str(e.fields['text']))}"
                                        for e in reason.evidence))
        st.header("Add evidence of change", anchor=False)
        _blank("evidence", {"text": "", "day": today})
        keys = [r.key for r in found]
        labels = {r.key: r.text for r in found}
        reason = st.selectbox("Which reason it ended", keys, format_func=labels.get, key=P + "evidence.reason")
        day = st.date_input("When it showed", key=P + "evidence.day", format="YYYY-MM-DD", **ANY_DAY)
        text = st.text_area("What happened", key=P + "evidence.text", placeholder="We talked about money, calmly.")
        if st.button("Save evidence", key=P + "evidence.save", type="primary"):
            _save(store, ToolEntry("evidence", {"text": text}, day, reason), "Evidence saved.", "evidence")
        widgets.flash(near="evidence")
    st.header("A reason of your own", anchor=False)
    _blank("reason", {"text": ""})
    text = st.text_input("Another reason it ended, in a few words", key=P + "reason.text")
    if st.button("Add this reason", key=P + "reason.save"):
        _save(store, ToolEntry("reason", {"text": text}), "Reason added.", "reason")
    widgets.flash(near="reason")


# --- 2. Boundaries ---------------------------------------------------------------------------------


def boundaries(store: Store, view: views.Toolkit, today: date) -> None:
    st.markdown(words.BOUNDARIES_HELP)
    flags(view.flags)
    for b in view.boundaries:
        box = st.container(border=True)
        box.markdown(f"**{widgets.escape(str(b.entry.fields['wording']))}**")
        kept = f"Agreed {b.entry.day:%d %b %Y}. Kept {counted(b.kept, 'time')}, broken {counted(b.broken, 'time')}"
        box.caption(kept + (f" ({_days(b.broken_on)})." if b.broken else "."))
    if view.boundaries:
        st.header("Log a boundary kept or broken", anchor=False)
        _blank("event", {"kept": None, "note": "", "day": today})
        labels = {b.entry.id: str(b.entry.fields["wording"]) for b in view.boundaries}
        chosen = st.selectbox("Which boundary", list(labels), format_func=labels.get, key=P + "event.boundary")
        kept = st.radio("Was it kept?", [True, False], format_func={True: "Kept", False: "Broken"}.get, index=None,
                        horizontal=True, key=P + "event.kept")
        day = st.date_input("When", key=P + "event.day", format="YYYY-MM-DD", **ANY_DAY)
        note = st.text_area("What happened (optional)", key=P + "event.note")
        if st.button("Save kept or broken", key=P + "event.save", type="primary"):
            done = "Noted: kept." if kept else "Noted. A broken boundary is worth talking about, calmly, with I-statements."
            _save(store, ToolEntry("boundary_event", {"kept": kept, "note": note}, day, chosen), done, "event",
                  gently=kept is False)
        widgets.flash(near="event")
    st.header("A boundary you both agreed", anchor=False)
    _blank("boundary", {"wording": "", "day": today})
    wording = st.text_input("The boundary, in one sentence", key=P + "boundary.wording",
                            placeholder="We don't bring up old fights by text.")
    day = st.date_input("Agreed on", key=P + "boundary.day", format="YYYY-MM-DD", **ANY_DAY)
    if st.button("Save boundary", key=P + "boundary.save"):
        _save(store, ToolEntry("boundary", {"wording": wording}, day), "Boundary saved.", "boundary")
    widgets.flash(near="boundary")


def flags(found: list[tk.DataFlag]) -> None:
    """Red flags seen in what was logged, with their days."""
    for flag in found:
        st.warning(words.FLAG_FROM_DATA[flag.key].format(days=_days(flag.days)), icon=":material/flag:")


# --- 3. Words that wait a day ----------------------------------------------------------------------


def words_tool(store: Store, view: views.Toolkit) -> None:
    st.markdown(words.WORDS_HELP)
    _blank("draft", {"feel": "", "when": "", "need": ""})
    feel = st.text_input("I feel ...", key=P + "draft.feel", placeholder="hurt")
    when = st.text_input("when ...", key=P + "draft.when", placeholder="plans change at the last minute")
    need = st.text_input("and I need ...", key=P + "draft.need", placeholder="to hear about changes early")
    fields = {"feel": feel, "when": when, "need": need}
    if any(fields.values()):
        st.markdown(f"> {widgets.escape(tk.sentence(fields))}")
        for hint in tk.hints(feel, when, need):
            st.caption(DRAFT_HINTS[hint])
    if st.button("Hold it for a day", key=P + "draft.save", type="primary"):
        _save(store, ToolEntry("draft", fields), "Held for a day. Nothing was sent.", "draft")
    widgets.flash(near="draft")
    for draft, ready in view.drafts[:20]:
        box = st.container(border=True)
        box.markdown(widgets.escape(tk.sentence(draft.fields)))
        box.caption(words.WORDS_READY if ready else
                    words.WORDS_HELD.format(at=f"{draft.at + tk.DRAFT_WAIT:%a %d %b, %H:%M}"))


# --- 4. Micro-dates --------------------------------------------------------------------------------


def dates(store: Store, view: views.Toolkit, today: date) -> None:
    st.markdown(words.DATES_HELP)
    if not view.guidance.step.contacts_them:
        st.caption(words.DATES_NOT_YET)
    flags([f for f in view.flags if f.key == "past_kept_alive"])
    _blank("date", {"what": "", "day": today, "minutes": 20})
    what = st.text_input("What", key=P + "date.what", placeholder="A 20-minute coffee near work")
    day = st.date_input("When", key=P + "date.day", format="YYYY-MM-DD", **ANY_DAY)
    minutes = st.number_input("How long (minutes)", min_value=5, max_value=240, step=5, key=P + "date.minutes")
    if st.button("Plan it", key=P + "date.save", type="primary"):
        _save(store, ToolEntry("date", {"what": what, "minutes": int(minutes)}, day), "Planned.", "date")
    widgets.flash(near="date")
    widgets.flash(near="debrief")  # here: the form is gone once the last date is debriefed
    due = [d for d in view.dates if d.debrief is None and d.plan.day <= today]
    if due:
        debrief(store, due)
    for d in view.dates[:20]:
        box = st.container(border=True)
        box.markdown(f"**{d.plan.day:%a %d %b %Y}**: {widgets.escape(str(d.plan.fields['what']))} "
                     f"({d.plan.fields['minutes']} min)")
        if d.debrief:
            answers = " · ".join(f"{q} {YES_NO[bool(d.debrief.fields[k])]}" for k, q in DEBRIEF_QUESTIONS.items())
            box.caption(f"{answers} · Connected {d.debrief.fields['connected']}/10")


def debrief(store: Store, due: list[tk.MicroDate]) -> None:
    st.header("How did it go?", anchor=False)
    _blank("debrief", {**{k: None for k in DEBRIEF_QUESTIONS}, "connected": 5, "note": ""})
    labels = {d.plan.id: f"{d.plan.day:%d %b}: {d.plan.fields['what']}" for d in due}
    chosen = st.selectbox("Which date", list(labels), format_func=labels.get, key=P + "debrief.date")
    answers = {k: st.radio(q, [True, False], format_func=YES_NO.get, index=None, horizontal=True,
                           key=f"{P}debrief.{k}") for k, q in DEBRIEF_QUESTIONS.items()}
    connected = st.slider("How connected did you feel? (0: not at all, 10: very)", 0, 10, key=P + "debrief.connected")
    note = st.text_area("Anything else (optional)", key=P + "debrief.note")
    if st.button("Save how it went", key=P + "debrief.save", type="primary"):
        fields = {**answers, "connected": connected, "note": note}
        said = words.DEBRIEF_UNSAFE if answers["safe"] is False else "Saved. Thank you for looking honestly."
        _save(store, ToolEntry("debrief", fields, ref=chosen), said, "debrief", gently=True)


# --- 5. A pause before you reach out ---------------------------------------------------------------


def pause(store: Store, view: views.Toolkit, now: datetime, safety_on: bool) -> None:
    """The pause: the questions, then ten minutes counted down, then what you chose."""
    st.markdown(words.PAUSE_HELP)
    widgets.flash(near="debrief")  # a date where you didn't feel safe: the toolkit is the pause alone now
    widgets.flash(near="urge")
    widgets.flash(near="outcome")
    if view.open_urge:
        _pausing(store, view.open_urge, safety_on)
    else:
        _blank("urge", {"why_now": "", "want": "", "ready": None})
        why = st.text_area(PAUSE_QUESTIONS["why_now"], key=P + "urge.why_now")
        want = st.text_area(PAUSE_QUESTIONS["want"], key=P + "urge.want")
        labels = words.URGE_READY_SAFETY if safety_on else URGE_READY
        ready = st.radio(words.PAUSE_READY_SAFETY if safety_on else words.PAUSE_READY, list(labels),
                         format_func=labels.get, index=None, key=P + "urge.ready")
        if st.button("Start my ten minutes", key=P + "urge.save", type="primary"):
            _save(store, ToolEntry("urge", {"why_now": why, "want": want, "ready": ready}),
                  "Your ten minutes have started.", "urge", gently=True)
    done = [u for u in view.urges if u.outcome]
    if done:
        kept = sum(u.outcome.fields["chose"] != "sent" for u in done)
        tally = words.PAUSE_TALLY if kept else words.PAUSE_TALLY_NONE
        st.caption(tally.format(n=counted(len(done), "time"), kept=counted(kept, "time").split()[0]))


def _pausing(store: Store, urge: tk.Urge, safety_on: bool) -> None:
    _timer(urge.entry)
    for key, question in PAUSE_QUESTIONS.items():
        if urge.entry.fields.get(key):
            widgets.user_text(question, str(urge.entry.fields[key]))
    _blank("outcome", {"chose": None, "note": ""})
    chose = st.radio("What did you choose?", list(URGE_CHOSE), format_func=URGE_CHOSE.get, index=None,
                     key=P + "outcome.chose")
    note = st.text_area("What you would have said, or how you feel (optional)", key=P + "outcome.note")
    if st.button("Save what I chose", key=P + "outcome.save", type="primary"):
        sent = words.PAUSE_SENT_SAFETY if safety_on else words.PAUSE_SENT
        said = sent if chose == "sent" else words.PAUSE_HELD
        _save(store, ToolEntry("urge_outcome", {"chose": chose, "note": note}, ref=urge.entry.id or ""), said,
              "outcome", gently=True)


@st.fragment(run_every=timedelta(seconds=15))
def _timer(urge: ToolEntry) -> None:
    """The ten minutes, counted down on their own (every 15 seconds, this box alone)."""
    left = tk.pause_left(urge, local_now())
    box = st.container(border=True)
    box.markdown(words.PAUSE_RUNNING.format(at=f"{urge.at + tk.PAUSE:%H:%M}") if left else words.PAUSE_OVER)
    minutes = -(-int(left.total_seconds()) // 60)  # 9 min 10 s left reads "10 min left"
    box.progress(1 - left / tk.PAUSE, text=f"{counted(minutes, 'minute')} left" if left else "Done")
