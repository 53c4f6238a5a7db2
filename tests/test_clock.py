"""A clock that moved: what the person did last is still read as their latest word.

Each case saves an entry while the clock read a day ahead (it was wrong then, or has been put back
since), then does the next thing the person would do now. The app decides by the order of what
was written down, so without care the newer act would sort first and be outweighed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from reunion_core.content import BOUNDARY_RESPONSE, BOUNDARY_SIGN
from reunion_core.guidance import Path
from reunion_core.records import (
    CheckIn,
    Contact,
    DiagnosticAnswers,
    PathChoice,
    SafetyEvent,
    local_now,
    noted_after,
)
from reunion_core.views import (
    choose_path,
    choose_safety,
    guidance,
    record_diagnostic,
    safety,
    save_checkin,
    save_contact,
)

YES = {"why_ended": "communication", "your_role": "half", "pattern": "no", "why_back": "both_changed",
       "they_want": "yes", "what_different": "concrete"}
TODAY = date.today()


def ahead():
    """A moment the clock read a day ahead, when an earlier entry was saved."""
    return local_now() + timedelta(days=1)


def contact(response: str = "brief", **kw) -> Contact:
    return Contact(TODAY - timedelta(days=1), "them", "text", response, 3, **kw)


# --- the rule ------------------------------------------------------------------------------------


def test_now_is_kept_when_the_clock_reads_later_than_everything_saved():
    now = local_now()
    assert noted_after(now, None) == now
    assert noted_after(now, now - timedelta(seconds=1)) == now
    assert noted_after(now, now) == now  # a burst of clicks in one second is not pushed ahead


@pytest.mark.parametrize("behind", [timedelta(seconds=1), timedelta(hours=3), timedelta(days=200)])
def test_a_clock_behind_what_was_saved_notes_the_new_act_a_second_after_it(behind):
    now = local_now()
    newest = now + behind
    assert noted_after(now, newest) == newest + timedelta(seconds=1)
    assert noted_after(now, newest).utcoffset() == now.utcoffset()  # in this machine's zone


def test_an_act_made_with_a_right_clock_is_written_down_at_now(store):
    before = local_now()
    assert before <= choose_path(store, "moving_on").at <= local_now()


def test_two_acts_in_the_same_second_keep_the_order_they_were_made_in(store):
    record_diagnostic(store, DiagnosticAnswers(YES))
    second = record_diagnostic(store, DiagnosticAnswers({**YES, "they_want": "no"}))
    assert store.diagnostic_runs()[0].id == second.id  # in the same second too
    assert guidance(store, TODAY).path is Path.THEY_SAID_NO


# --- safety mode: the person's last choice stands ---------------------------------------------------


def test_turning_safety_mode_back_on_holds_after_a_lift_saved_ahead(store):
    store.add_safety_event(SafetyEvent("lifted", ahead()))
    assert not safety(store).on
    choose_safety(store, "on")
    assert safety(store).on  # Alex clicked "Turn safety mode back on": it is on


def test_a_lift_made_now_counts_after_a_safety_answer_saved_ahead(store):
    record_diagnostic(store, DiagnosticAnswers(safety=("afraid",)), at=ahead())
    choose_safety(store, "lifted")
    assert not safety(store).on  # a deliberate lift, made last, is the last word too


def test_a_new_safety_answer_turns_it_on_after_a_lift_saved_ahead(store):
    store.add_safety_event(SafetyEvent("lifted", ahead()))
    record_diagnostic(store, DiagnosticAnswers(safety=("afraid",)))
    assert safety(store).on
    assert guidance(store, TODAY).path is Path.SAFETY


# --- the diagnostic: the latest run is the one taken last ----------------------------------------


def test_their_no_answered_now_outweighs_a_yes_saved_ahead(store):
    record_diagnostic(store, DiagnosticAnswers(YES), at=ahead())
    record_diagnostic(store, DiagnosticAnswers({**YES, "they_want": "no"}))
    assert store.diagnostic_runs()[0].answers.answers["they_want"] == "no"
    assert guidance(store, TODAY).path is Path.THEY_SAID_NO


# --- their request to stop, and the person's word that they reopened --------------------------------


def test_a_boundary_ticked_now_stands_after_a_reopening_saved_ahead(store):
    record_diagnostic(store, DiagnosticAnswers(YES))
    store.add_choice(PathChoice("they_reopened", at=ahead()))
    save_checkin(store, CheckIn(None, None, 3, (BOUNDARY_SIGN.key,)))
    assert guidance(store, TODAY).path is Path.BOUNDARY


def test_a_contact_asking_to_stop_logged_now_stands_after_a_reopening_saved_ahead(store):
    record_diagnostic(store, DiagnosticAnswers(YES))
    store.add_choice(PathChoice("they_reopened", at=ahead()))
    save_contact(store, contact(BOUNDARY_RESPONSE))
    assert guidance(store, TODAY).path is Path.BOUNDARY


def test_they_reopened_recorded_now_counts_after_a_request_saved_ahead(store):
    record_diagnostic(store, DiagnosticAnswers(YES))
    store.add_checkin(CheckIn(None, None, 3, (BOUNDARY_SIGN.key,), at=ahead()))
    assert guidance(store, TODAY).path is Path.BOUNDARY
    choose_path(store, "they_reopened")
    assert guidance(store, TODAY).path is Path.RECONNECTING


def test_an_earlier_contact_changed_to_their_request_stands_after_a_reopening(store):
    """No clock needed: the answer is written down when it is changed, not when the contact was."""
    record_diagnostic(store, DiagnosticAnswers(YES))
    store.add_contact(contact(BOUNDARY_RESPONSE, created_at=local_now() - timedelta(minutes=2)))
    store.add_choice(PathChoice("they_reopened", at=local_now() - timedelta(minutes=1)))
    assert guidance(store, TODAY).path is Path.RECONNECTING
    was = store.add_contact(contact(created_at=local_now() - timedelta(hours=20)))
    save_contact(store, replace(was, response=BOUNDARY_RESPONSE), was)
    assert guidance(store, TODAY).path is Path.BOUNDARY
    edited = next(c for c in store.contacts() if c.id == was.id)
    assert (edited.happened_on, edited.response) == (was.happened_on, BOUNDARY_RESPONSE)  # its day is kept


def test_an_edit_that_keeps_the_answer_keeps_when_it_was_written(store):
    was = store.add_contact(contact(created_at=local_now() - timedelta(hours=20)))
    save_contact(store, replace(was, note="more"), was)
    assert store.contacts()[0].created_at == was.created_at


# --- as Alex sees it --------------------------------------------------------------------------------


def test_on_the_page_one_click_turns_safety_mode_back_on_after_a_clock_put_back(db_path):
    from reunion_core.content import SAFETY_LIFT_TITLE
    from tests.test_pages import file_at, open_page, texts

    with file_at(db_path) as store:
        record_diagnostic(store, DiagnosticAnswers(safety=("afraid",)), at=local_now() - timedelta(days=3))
        store.add_safety_event(SafetyEvent("lifted", ahead()))  # lifted while the clock read a day ahead
    at = open_page("pages/6_Safety_and_help.py")
    at.button(key="safety.on").click().run()
    assert not at.exception
    assert SAFETY_LIFT_TITLE in [e.label for e in at.expander]  # on: the deliberate way out is offered
    assert "Safety mode is off since" not in texts(at)
    home = open_page("app.py")
    assert "reconnection advice is hidden" in texts(home)
