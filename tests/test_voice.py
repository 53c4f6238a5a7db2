"""Issue 23: one voice about them. On the safety, boundary, their-no and moving-on paths, saved or only
ticked on the form, no screen estimates their stage, weighs the person's sense of them against the
signs, or suggests a step toward them. The phrases that would are taken from content.py itself
(content.ABOUT_THEM: every phrase written through about_them()), so a new one is covered the day it
is written; guidance.heard() is the one judge every screen asks."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from reunion_core import content as words
from reunion_core import views
from reunion_core.guidance import Path, Pending, heard
from reunion_core.records import CheckIn, DiagnosticAnswers, PathChoice
from tests.test_pages import PAGES, file_at, open_page, texts
from tests.test_pages_guidance import YES

WIDGETS = ("slider", "checkbox", "radio", "selectbox", "text_input", "text_area", "button", "expander",
           "toggle", "number_input", "segmented_control")


def fragments(phrase: str) -> list[str]:
    """The fixed words of a phrase (between its {fields} and markdown), long enough to mean it."""
    parts = re.split(r"\{[^}]*\}|\*\*|\n|:small\[|\]", phrase)
    return [p.strip(" .:;,") for p in parts if len(p.strip(" .:;,")) >= 12]


FRAGMENTS = sorted({f for phrase in words.ABOUT_THEM for f in fragments(phrase)})


def shown(at: AppTest) -> str:
    """Every word on the screen: text, labels, help, metrics, links."""
    parts = [texts(at)]
    for kind in WIDGETS:
        for w in at.get(kind):
            parts += [str(getattr(w, "label", "") or ""), str(getattr(w, "help", "") or "")]
    parts += [f"{m.label} {m.value} {getattr(m, 'help', '')}" for m in at.metric]
    parts += [str(getattr(link, "label", "")) for link in at.get("page_link")]
    return "\n".join(parts).replace("\\n", "\n")


def about_them_on(at: AppTest) -> list[str]:
    screen = shown(at)
    return [f for f in FRAGMENTS if f in screen]


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


def warm(db_path, answers: dict | None = None) -> None:
    """A journey where every reading about them is warm: openness 90, warm signs, a hopeful verdict."""
    with file_at(db_path) as store:
        views.record_diagnostic(store, DiagnosticAnswers(answers or YES))
        store.add_checkin(CheckIn(90, "dip_a_toe", 4, ("openly_warm", "they_initiate"), "",
                                  datetime.now() - timedelta(hours=2)))


def test_the_probe_sees_phrases_about_them_on_the_reconnecting_path(db_path):
    """Without any no, boundary or safety answer the check-in speaks of them: the test below can fail."""
    warm(db_path)
    at = open_page("pages/2_Check_in.py")
    found = about_them_on(at)
    assert any("How open are they" in f for f in found) and len(found) >= 3, found


SAVED = {
    "safety": lambda store: views.choose_safety(store, "on"),
    "boundary": lambda store: store.add_checkin(CheckIn(90, "dip_a_toe", 4, ("openly_warm", "asked_no_contact"))),
    "their no": None,  # the journey's one diagnostic says no
    "moving on": lambda store: store.add_choice(PathChoice("moving_on")),
}


@pytest.mark.parametrize("state", list(SAVED))
@pytest.mark.parametrize("page", PAGES)
def test_once_saved_no_page_speaks_of_them(db_path, state, page):
    warm(db_path, {**YES, "they_want": "no"} if state == "their no" else None)
    if SAVED[state]:
        with file_at(db_path) as store:
            SAVED[state](store)
    at = open_page(page)
    assert about_them_on(at) == []


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
