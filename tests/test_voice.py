"""Issue 23: one voice about them. On the safety, boundary, their-no and moving-on paths, saved or only
ticked on the form, no screen estimates their stage, weighs the person's sense of them against the
signs, or suggests a step toward them. The phrases that would are taken from content.py itself
(content.ABOUT_THEM: every phrase written through about_them()), so a new one is covered the day it
is written; guidance.heard() is the one judge every screen asks."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import suppress
from datetime import datetime, timedelta

import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import ButtonGroup

from reunion_core import content as words
from reunion_core import views
from reunion_core.guidance import NOTHING_PENDING, Path, Pending, heard, held
from reunion_core.records import CheckIn, Contact, DiagnosticAnswers, Verdict
from tests.test_pages import PAGES, file_at, open_page, texts
from tests.test_pages_guidance import YES


def fragments(phrase: str) -> list[str]:
    """The fixed words of a phrase (between its {fields} and markdown), long enough to mean it."""
    parts = re.split(r"\{[^}]*\}|\*\*|\n|:small\[|\]", phrase)
    return [p.strip(" .:;,") for p in parts if len(p.strip(" .:;,")) >= 12]


FRAGMENTS = sorted({f for phrase in words.ABOUT_THEM for f in fragments(phrase)})
UNREAD = {"jsContent", "cssContent", "css", "id", "formId"}  # code and ids: nothing a person reads


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        if value[:1] in "{[":  # a chart's spec: its titles, axes, hover text, legend and notes
            with suppress(ValueError):
                yield from _strings(json.loads(value))
                return
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in UNREAD:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _nodes(node) -> Iterator:
    yield node
    children = getattr(node, "children", {})
    for child in children.values() if isinstance(children, dict) else children:
        yield from _nodes(child)


def shown(at: AppTest) -> str:
    """Every word on the screen, from every element AppTest holds: text, labels, options, help,
    tooltips, popover and expander labels, tab names, metrics, links, and every chart's spec (title,
    axis titles, hover templates, legend, annotations)."""
    parts = []
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts += _strings(MessageToDict(proto))
    return "\n".join(parts).replace("\\n", "\n")


def about_them_on(at: AppTest) -> list[str]:
    screen = shown(at)
    return [f for f in FRAGMENTS if f in screen]


# --- driving every widget of a page that changes what it shows, writing nothing -------------------
MOVES = ("dx.next",)  # buttons that only go on through a form
TABS = {"journey.tab": ("Your side (7)", "Their side (5)", "Tips")}
SLIDERS = {"ci.openness": (5, 30, 50, 70, 95)}  # one value in each of their five stages


def _pick(at: AppTest, widget, label: str) -> None:
    """Choose an option by the words on screen, as the browser does (it sends the label, and the app
    turns it back into its value): a test can't know the values behind every format_func."""
    many = isinstance(widget, ButtonGroup)

    class Picked(type(widget)):
        @property
        def _widget_state(self) -> WidgetState:
            state = WidgetState(id=self.id)
            if many:
                state.string_array_value.data[:] = [label]
            else:
                state.string_value = label
            return state

    widget.__class__ = Picked
    at.run()


def _widget(at: AppTest, kind: str, key: str):
    found = [w for w in at.get(kind) if getattr(w, "key", None) == key]
    return found[0] if found else None


def explore(at: AppTest, depth: int = 0) -> set[str]:
    """What the page says of them in every state its widgets can show without a write: each option of
    every choice, every box ticked, their five stages on the slider, each tab, each part of a form."""
    found = set(about_them_on(at))

    def look():
        assert not at.exception, [e.value for e in at.exception]
        found.update(about_them_on(at))

    for key, labels in TABS.items():
        if key in at.session_state:
            for label in labels:
                at.session_state[key] = label
                at.run()
                look()
    for key, values in SLIDERS.items():
        for value in values:
            if (w := _widget(at, "slider", key)) is not None:
                w.set_value(value).run()
                look()
    for kind in ("selectbox", "radio", "button_group"):
        for key in [w.key for w in at.get(kind) if getattr(w, "key", None)]:
            for label in list(_widget(at, kind, key).options if _widget(at, kind, key) else ()):
                if (w := _widget(at, kind, key)) is None:
                    break
                _pick(at, w, label)
                look()
    boxes = [(w.type, w.key) for kind in ("checkbox", "toggle") for w in at.get(kind)
             if getattr(w, "key", None) and not w.value]
    for value in (True, False):  # each box ticked alone, then all of them, then back as they were
        for kind, key in boxes:
            if (w := _widget(at, kind, key)) is not None:
                w.set_value(True).run()
                look()
                if (w := _widget(at, kind, key)) is not None:
                    w.set_value(value)
        at.run()
        look()
    for key in MOVES:
        if depth < 5 and (button := _widget(at, "button", key)) is not None:
            button.click().run()
            look()
            found |= explore(at, depth + 1)
    return found


def test_every_phrase_about_them_can_be_looked_for():
    assert len(words.ABOUT_THEM) >= 10
    for phrase in words.ABOUT_THEM:
        assert fragments(phrase), f"no fixed words to look for in {phrase!r}"


def test_heard_counts_what_is_ticked_and_is_never_warmer_than_what_is_saved():
    assert heard(Path.RECONNECTING) is Path.RECONNECTING
    assert heard(Path.RECONNECTING, Pending(boundary=True)) is Path.BOUNDARY
    assert heard(Path.RECONNECTING, Pending(their_no=True)) is Path.THEY_SAID_NO
    assert heard(Path.BOUNDARY, Pending(their_no=True)) is Path.BOUNDARY
    assert heard(Path.MOVING_ON, Pending(boundary=True)) is Path.MOVING_ON
    for path in Path:
        assert heard(path, Pending(safety=True)) is Path.SAFETY
        assert heard(path) is path  # nothing ticked: the saved path
    for path in (Path.SAFETY, Path.BOUNDARY, Path.THEY_SAID_NO, Path.MOVING_ON):
        assert heard(path, Pending()) is not Path.RECONNECTING  # an untick or a kinder answer waits for a save


def test_held_guidance_points_back_to_the_form_and_never_to_them(db_path):
    with file_at(db_path) as store:
        warm_guidance = views.guidance(store, datetime.now().date())
    assert warm_guidance.path is Path.RECONNECTING
    assert held(warm_guidance, NOTHING_PENDING) is warm_guidance
    for pending, path, page in ((Pending(boundary=True, form="checkin"), Path.BOUNDARY, "checkin"),
                                (Pending(boundary=True, form="contact_log"), Path.BOUNDARY, "contact_log"),
                                (Pending(their_no=True, form="diagnostic"), Path.THEY_SAID_NO, "diagnostic"),
                                (Pending(safety=True, their_no=True, form="diagnostic"), Path.SAFETY, "safety")):
        g = held(warm_guidance, pending)
        assert (g.path, g.step.page) == (path, page)
        assert not g.step.contacts_them and not g.offer_moving_on and not g.missing
        assert words.HELD_SAFETY_CAPTION in g.step.caption if path is Path.SAFETY else "isn't saved yet" in g.step.text


def test_safety_mode_lifted_after_a_safety_first_diagnostic_asks_for_a_new_one(db_path):
    """Lifting is the person's deliberate choice, and the latest diagnostic still puts safety first: the
    app stays about them until a fresh diagnostic (Home asks for it), never a step toward them."""
    with file_at(db_path) as store:
        views.record_diagnostic(store, DiagnosticAnswers(YES, safety=("afraid",)), datetime.now() - timedelta(minutes=1))
        views.choose_safety(store, "lifted")
        g = views.guidance(store, datetime.now().date())
    assert (g.path, g.step.text, g.step.page) == (Path.SAFETY, words.NEXT_STEP_AFTER_LIFT, "diagnostic")
    assert not g.step.contacts_them and not g.held


def warm(db_path, answers: dict | None = None) -> None:
    """A journey where every reading about them is warm: openness 90, warm signs, a hopeful verdict."""
    with file_at(db_path) as store:
        views.record_diagnostic(store, DiagnosticAnswers(answers or YES), datetime.now() - timedelta(minutes=10))
        store.add_checkin(CheckIn(90, "dip_a_toe", 4, ("openly_warm", "they_initiate"), "",
                                  datetime.now() - timedelta(hours=2)))


def test_the_probe_sees_phrases_about_them_on_the_reconnecting_path(db_path):
    """Without any no, boundary or safety answer the check-in speaks of them: the test below can fail."""
    warm(db_path)
    at = open_page("pages/2_Check_in.py")
    found = about_them_on(at)
    assert any("How open are they" in f for f in found) and len(found) >= 3, found


def test_exploring_a_page_reaches_what_a_first_look_misses(db_path):
    """On the reconnecting path: each part of Progress, Your journey's tabs, the signs ticked one by one
    on the check-in. The property tests below look as far as this does, so they can fail."""
    warm(db_path)
    for page, hidden in (("pages/4_Progress.py", words.JOURNEY_MAP_TITLE),
                         ("pages/5_Your_journey.py", words.YOUR_LATEST_SENSE.strip()),
                         ("pages/2_Check_in.py", fragments(words.GUT_AGAINST_SIGNS)[0])):
        at = open_page(page)
        assert hidden not in about_them_on(at)
        assert hidden in explore(at), page
    assert words.OPENNESS_AXIS in about_them_on(open_page("pages/4_Progress.py"))  # read from the chart's spec


def lift_safety(at: AppTest) -> None:
    """Lifted with its confirm: the last diagnostic put safety first, so every page stays about you and
    Home asks for a new one; the new one, without a safety answer, is the way back."""
    at.switch_page("pages/6_Safety_and_help.py").run()
    at.checkbox(key="safety.understood").check().run()
    at.button(key="safety.lift").click().run()
    at.button(key="safety.lift_yes").click().run()
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception and about_them_on(at) == [], page
        if page == "app.py":
            assert words.NEXT_STEP_AFTER_LIFT in shown(at) and words.HELD_SAFETY_CAPTION not in shown(at)
        if page == "pages/1_Diagnostic.py":  # the answers shown ticked in safety mode are not ticked now
            assert at.checkbox(key="dx.safety.afraid").value is False
    answer_yes_again(at)


def boundary_was_a_mistake(at: AppTest) -> None:
    at.switch_page("pages/3_Contact_log.py").run()
    at.checkbox(key="ready.boundary_mistake.sure").check().run()
    at.button(key="ready.boundary_mistake").click().run()


def stop_moving_on(at: AppTest) -> None:
    at.switch_page("app.py").run()
    at.button(key="home.moving_on").click().run()


def answer_yes_again(at: AppTest) -> None:
    with file_at(DB[0]) as store:
        views.record_diagnostic(store, DiagnosticAnswers(YES), datetime.now() + timedelta(seconds=2))


DB: list = []  # the test's data file, for an undo written behind the app, as a new run is


# Each path-changing state, saved, with the person's own deliberate way back from it.
SAVED = {
    "safety": (lambda store: views.record_diagnostic(store, DiagnosticAnswers(YES, safety=("afraid",)),
                                                     datetime.now() - timedelta(minutes=5)), lift_safety),
    "boundary": (lambda store: store.add_checkin(CheckIn(90, "dip_a_toe", 4, ("openly_warm", "asked_no_contact"))),
                 boundary_was_a_mistake),
    "their no": (None, answer_yes_again),  # the journey's one diagnostic says no
    "moving on": (lambda store: views.choose_path(store, "moving_on"), stop_moving_on),
}


@pytest.mark.parametrize("state", list(SAVED))
@pytest.mark.parametrize("page", PAGES)
def test_once_saved_no_widget_state_on_any_page_speaks_of_them(db_path, state, page):
    """Every page, driven through every state its widgets show without a write (explore)."""
    warm(db_path, {**YES, "they_want": "no"} if state == "their no" else None)
    if SAVED[state][0]:
        with file_at(db_path) as store:
            SAVED[state][0](store)
    at = open_page(page)
    assert explore(at) == set()


@pytest.mark.parametrize("state", list(SAVED))
def test_only_the_persons_own_way_back_lets_a_screen_speak_of_them_again(db_path, state):
    """Undone on purpose (safety mode lifted with its confirm, the boundary recorded by mistake, moving
    on stopped, a new diagnostic that says yes): Home says where they are again."""
    DB[:] = [db_path]
    warm(db_path, {**YES, "they_want": "no"} if state == "their no" else None)
    if SAVED[state][0]:
        with file_at(db_path) as store:
            SAVED[state][0](store)
    at = open_page("app.py")
    for page in PAGES:  # looked around first: the diagnostic shows the safety answers from before ticked
        at.switch_page(page).run()
        assert about_them_on(at) == [], page
    SAVED[state][1](at)
    assert not at.exception, [e.value for e in at.exception]
    for page in PAGES:  # every page runs after the way back (after a lift, two of them used to fail)
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
    at.switch_page("app.py").run()
    assert fragments(words.HOME_THEM)[0] in about_them_on(at)


@pytest.mark.parametrize("latest", ["safety first", "milder since"])
def test_safety_mode_lifted_in_another_tab_leaves_no_tick_behind_in_this_one(db_path, latest):
    """Alex's diagnostic tab shows the earlier answers ticked; safety mode is lifted in another tab. This
    tab never says Alex ticked something new, and its diagnostic no longer shows them ticked. "milder
    since": a later run said yes, then safety mode was turned on again by its button."""
    DB[:] = [db_path]
    warm(db_path)
    with file_at(db_path) as store:
        SAVED["safety"][0](store)
        if latest == "milder since":
            views.choose_safety(store, "lifted")
            views.record_diagnostic(store, DiagnosticAnswers(YES), datetime.now() - timedelta(minutes=1))
            views.choose_safety(store, "on")
    at = open_page("pages/1_Diagnostic.py")
    assert at.checkbox(key="dx.safety.afraid").value is True  # shown as given before, with its date
    with file_at(db_path) as store:  # the other tab
        views.choose_safety(store, "lifted")
    at.switch_page("app.py").run()
    assert words.HELD_SAFETY_CAPTION not in shown(at)
    if latest == "safety first":
        assert words.NEXT_STEP_AFTER_LIFT in shown(at)
    else:  # the latest run said yes: Home speaks of them again
        assert fragments(words.HOME_THEM)[0] in about_them_on(at)
    at.switch_page("pages/1_Diagnostic.py").run()
    assert at.checkbox(key="dx.safety.afraid").value is False and not at.exception


def test_while_an_answer_waits_home_keeps_the_saved_verdict_back(db_path):
    """Jordan answers "No" without saving: Home does not go on showing "Proceed with care … go slowly"."""
    warm(db_path)
    at = open_page("app.py")
    proceed = Verdict.PROCEED_WITH_CARE.explanation[:30]
    assert proceed in shown(at)
    at.switch_page("pages/1_Diagnostic.py").run()
    answer_no(at)
    at.switch_page("app.py").run()
    assert proceed not in shown(at) and words.HELD_VERDICT in shown(at)


def test_a_tick_held_on_the_check_in_stays_there_to_be_saved_when_the_path_turns_to_you(db_path):
    """Their boundary ticked on the check-in, then a no saved in the diagnostic: Home still says to save
    the check-in, so the tick is still on it, and saving keeps it."""
    warm(db_path)
    at = open_page("pages/2_Check_in.py")
    tick_boundary(at)
    with file_at(db_path) as store:  # the diagnostic's no, saved
        views.record_diagnostic(store, DiagnosticAnswers({**YES, "they_want": "no"}), datetime.now() - timedelta(minutes=1))
    at.switch_page("app.py").run()
    assert words.HELD["boundary"]["checkin"] in shown(at)
    at.switch_page("pages/2_Check_in.py").run()
    assert at.checkbox(key="ci.sign.asked_no_contact").value is True and about_them_on(at) == []
    at.button(key="ci.save").click().run()
    with file_at(db_path) as store:
        assert "asked_no_contact" in max(store.checkins(), key=lambda c: c.at).signs


@pytest.mark.parametrize("saved", ["boundary", "moving on"])
def test_a_no_held_on_a_path_already_about_you_still_holds_back_the_saved_verdict(db_path, saved):
    warm(db_path)
    with file_at(db_path) as store:
        SAVED[saved][0](store)
    at = open_page("pages/1_Diagnostic.py")
    answer_no(at)
    at.switch_page("app.py").run()
    assert Verdict.PROCEED_WITH_CARE.explanation[:30] not in shown(at) and words.HELD_VERDICT in shown(at)


def test_a_no_held_in_the_diagnostic_takes_their_signs_off_the_check_in(db_path):
    """Only the check-in's own tick keeps the signs on it (to be taken back); a no held elsewhere does not."""
    warm(db_path)
    at = open_page("pages/1_Diagnostic.py")
    answer_no(at)
    at.switch_page("pages/2_Check_in.py").run()
    assert not [c for c in at.checkbox if c.key.startswith("ci.sign.")]
    assert words.ABOUT_YOU_CHECK_IN["they_said_no"] in shown(at)


def tick_boundary(at: AppTest, on: bool = True) -> None:
    at.checkbox(key="ci.sign.asked_no_contact").set_value(on).run()


def choose_their_stop(at: AppTest, on: bool = True) -> None:
    at.selectbox(key="co.new.response").set_value("asked_stop" if on else "warm").run()


def change_a_contact_to_their_stop(at: AppTest, on: bool = True) -> None:
    """An earlier contact, opened to edit, its answer changed to "They asked me to stop contacting them"
    and not saved; back on the Contact log, the edit is open again, to be saved or taken back."""
    if on:
        with file_at(DB[0]) as store:
            store.add_contact(Contact(datetime.now().date(), "me", "text", "warm", 3, ""))
        at.run()
        at.selectbox(key="co.chosen.0").select_index(0).run()
    [answer] = [w for w in at.selectbox if w.key.startswith("co.edit.") and w.key.endswith(".response")]
    answer.set_value("asked_stop" if on else "warm").run()


def answer_no(at: AppTest, on: bool = True) -> None:
    if _widget(at, "radio", "dx.answer.they_want") is None:
        at.button(key="dx.next").click().run()  # the questions come after the safety part
    at.radio(key="dx.answer.they_want").set_value("no" if on else "yes").run()


def tick_afraid(at: AppTest, on: bool = True) -> None:
    if _widget(at, "checkbox", "dx.safety.afraid") is None:
        at.button(key="dx.back").click().run()
    at.checkbox(key="dx.safety.afraid").set_value(on).run()


# Each answer a form can hold, not yet saved, that changes the path: its form, and the step Home shows.
HELD = {
    "their boundary at a check-in": ("pages/2_Check_in.py", tick_boundary, words.HELD["boundary"]["checkin"]),
    "their stop as a contact's answer": ("pages/3_Contact_log.py", choose_their_stop,
                                         words.HELD["boundary"]["contact_log"]),
    "an earlier contact changed to their stop": ("pages/3_Contact_log.py", change_a_contact_to_their_stop,
                                                 words.HELD["boundary"]["contact_log"]),
    "their no in the diagnostic": ("pages/1_Diagnostic.py", answer_no, words.HELD["they_said_no"]["diagnostic"]),
    "a safety answer in the diagnostic": ("pages/1_Diagnostic.py", tick_afraid, words.HELD_SAFETY_CAPTION),
}


@pytest.mark.parametrize("held", list(HELD))
def test_an_answer_held_on_a_form_keeps_every_page_to_it_until_it_is_taken_back(db_path, held):
    """Sam ticks "They asked me not to contact them" and, before saving, looks at Home, Progress and
    the Toolkit: none of them says where they are or suggests a step toward them, and Home's next step
    points back to the form. Taken back on the form (not saved): the pages speak as before."""
    DB[:] = [db_path]
    warm(db_path)
    form, hold, step = HELD[held]
    at = open_page(form)
    hold(at)
    assert not at.exception and about_them_on(at) == []
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert about_them_on(at) == [], page
        if page == "app.py":
            assert step in shown(at)
    at.switch_page(form).run()
    hold(at, False)
    at.switch_page("app.py").run()
    assert fragments(words.HOME_THEM)[0] in about_them_on(at) and step not in shown(at)


def test_their_boundary_ticked_not_yet_saved_silences_every_reading_of_them(db_path):
    """Sam at 1 a.m. ticks "They asked me not to contact them": the warm reading below goes at once."""
    warm(db_path)
    at = open_page("pages/2_Check_in.py")
    at.checkbox(key="ci.sign.openly_warm").check().run()
    assert about_them_on(at)  # the warm reading is there before the tick
    at.checkbox(key="ci.sign.asked_no_contact").check().run()
    assert about_them_on(at) == []
    assert words.BOUNDARY_TICKED in texts(at)
    at.checkbox(key="ci.sign.asked_no_contact").uncheck().run()  # undone before saving: the reading is back
    assert about_them_on(at)


def test_their_boundary_saved_from_the_check_in_keeps_the_check_in_about_you(db_path):
    warm(db_path)
    at = open_page("pages/2_Check_in.py")
    at.checkbox(key="ci.sign.asked_no_contact").check().run()
    at.button(key="ci.save").click().run()
    assert not at.exception and about_them_on(at) == []
    with file_at(db_path) as store:
        latest = max(store.checkins(), key=lambda c: c.at)
    assert latest.openness is None and "asked_no_contact" in latest.signs  # no stage of theirs estimated


def test_a_no_not_yet_saved_silences_the_diagnostic(db_path):
    warm(db_path)
    at = open_page("pages/1_Diagnostic.py")
    at.button(key="dx.next").click().run()  # the questions come after the safety part
    assert about_them_on(at)  # what is different now, counted: there before the no
    at.radio(key="dx.answer.they_want").set_value("no").run()
    assert not at.exception and about_them_on(at) == []
    assert words.THEIR_NO_ANSWERED in texts(at)
    at.radio(key="dx.answer.they_want").set_value("yes").run()  # changed before saving
    assert about_them_on(at)


def test_a_safety_answer_not_yet_saved_silences_the_rest_of_the_diagnostic(db_path):
    warm(db_path)
    at = open_page("pages/1_Diagnostic.py")
    at.checkbox(key="dx.safety.afraid").check().run()
    at.button(key="dx.next").click().run()  # on to the questions, the safety answer still unsaved
    assert not at.exception and about_them_on(at) == []


def test_their_stop_chosen_as_a_contact_answer_not_yet_saved_brings_nothing_about_them(db_path):
    """The Contact log's form: "They asked me to stop contacting them", chosen and not yet saved."""
    warm(db_path)
    at = open_page("pages/3_Contact_log.py")
    at.selectbox(key="co.new.response").set_value("asked_stop").run()
    assert not at.exception and about_them_on(at) == []
    at.button(key="co.save").click().run()
    assert about_them_on(at) == []
    at.switch_page("app.py").run()
    assert about_them_on(at) == []  # saved: the boundary path everywhere
