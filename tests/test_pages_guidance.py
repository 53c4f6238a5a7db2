"""The they-said-no, boundary, moving-on and readiness paths, each from a fresh file, on screen."""

from __future__ import annotations

import json
from datetime import date, timedelta

from reunion_core import content as words
from reunion_core.content import YOUR_STAGES
from reunion_core.records import CheckIn, DiagnosticAnswers
from reunion_core.views import choose_path, record_diagnostic
from tests.test_pages import answer_everything, file_at, open_page, texts

YES = {"why_ended": "communication", "your_role": "half", "pattern": "no", "why_back": "both_changed",
       "they_want": "yes", "what_different": "concrete"}
CONTACT_STEPS = [s.next_step for s in YOUR_STAGES if s.number >= 3]


def no_contact_advice(at) -> bool:
    body = texts(at)
    return not any(step in body for step in CONTACT_STEPS)


def test_they_said_no_respects_the_answer_and_moving_on_is_one_click_and_reversible(db_path):
    at = open_page("pages/1_Diagnostic.py")
    answer_everything(at, they_want="no")
    at.button(key="dx.save").click().run()
    assert "Respect their answer" in texts(at) and "right now" not in texts(at)
    assert words.VERDICT_MIRROR in texts(at)
    with file_at(db_path) as store:
        store.add_checkin(CheckIn(70, "dip_a_toe", 3))
    at = open_page("app.py")
    assert words.NEXT_STEP_THEY_SAID_NO in texts(at) and no_contact_advice(at)
    assert [m.label for m in at.metric] == ["How you felt", words.MOVING_ON_STREAK]  # about you, not them
    at.button(key="home.moving_on").click().run()
    assert words.MOVING_ON_CHOSEN in texts(at) and words.MOVING_ON_HOME in texts(at)
    assert [m.label for m in at.metric] == ["How you felt", words.MOVING_ON_STREAK]
    at.switch_page("pages/2_Check_in.py").run()
    assert not at.get("slider") and words.ABOUT_YOU_CHECK_IN["moving_on"] in texts(at)
    at.switch_page("pages/4_Progress.py").run()
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert titles == ["Your mood over time", "Diagnostic verdicts over time"]  # your side only
    at.segmented_control(key="pr.section").set_value("reaching").run()
    assert "**Contacts per day**" in texts(at)  # no contacts yet: one line, not an empty chart
    at.switch_page("app.py").run()
    at.button(key="home.moving_on").click().run()  # reconsider: back, and their no still stands
    assert words.NEXT_STEP_THEY_SAID_NO in texts(at)


def test_a_boundary_ticked_at_a_check_in_is_respected_everywhere_until_they_reopen(db_path):
    with file_at(db_path) as store:
        record_diagnostic(store, DiagnosticAnswers(YES))
    at = open_page("pages/2_Check_in.py")
    at.slider(key="ci.openness").set_value(90).run()
    at.checkbox(key="ci.sign.openly_warm").check()
    at.checkbox(key="ci.sign.asked_no_contact").check().run()
    assert words.BOUNDARY_TICKED in texts(at)
    at.button(key="ci.save").click().run()
    assert not at.get("slider") and words.ABOUT_YOU_CHECK_IN["boundary"] in texts(at)
    at.switch_page("app.py").run()
    day = f"{date.today():%d %b %Y}"
    assert words.NEXT_STEP_BOUNDARY.format(day=day) in texts(at) and no_contact_advice(at)
    assert "Them" not in [m.label for m in at.metric] and "Dip a toe" not in [m.value for m in at.metric]
    at.switch_page("pages/3_Contact_log.py").run()
    assert words.BOUNDARY_STANDS.format(day=day) in texts(at)
    at.radio(key="co.new.initiator").set_value("me").run()
    at.button(key="co.save").click().run()
    assert words.BOUNDARY_REMINDER.format(day=day) in texts(at)
    assert at.button(key="ready.they_reopened").disabled  # never one accidental tap
    at.checkbox(key="ready.they_reopened.sure").check().run()
    at.button(key="ready.they_reopened").click().run()
    assert words.THEY_REOPENED_DONE in texts(at)
    at.switch_page("app.py").run()
    assert words.NEXT_STEP_BOUNDARY.format(day=day) not in texts(at)


def test_a_contact_answered_with_a_request_to_stop_sets_the_boundary(db_path):
    at = open_page("pages/3_Contact_log.py")
    at.radio(key="co.new.initiator").set_value("me")
    at.selectbox(key="co.new.response").set_value("asked_stop").run()
    at.button(key="co.save").click().run()
    assert words.BOUNDARY_STANDS.format(day=f"{date.today():%d %b %Y}") in texts(at)


def test_the_readiness_gate_says_what_is_missing_and_opens_when_the_person_is_ready(db_path):
    with file_at(db_path) as store:
        record_diagnostic(store, DiagnosticAnswers(YES))
        store.add_checkin(CheckIn(30, "dip_a_toe", 3, ("one_word",)))
        choose_path(store, "ready", "defining_yourself")  # ready by the measure of the stage before
    at = open_page("app.py")
    assert "Not yet for Dip a toe" in texts(at) and no_contact_advice(at)
    assert "No contact has lasted 0 of 30 days" in texts(at) and "Dip a toe is for when" in texts(at)
    at.switch_page("pages/5_Your_journey.py").run()
    at.button(key="ready.healed").click().run()
    at.date_input(key="ready.since").set_value(date.today() - timedelta(days=45))
    at.button(key="FormSubmitter:ready.no_contact-Save my no-contact time").click().run()
    at.button(key="ready.here").click().run()  # Dip a toe's own measure: for the step after it
    assert not at.exception
    with file_at(db_path) as store:
        assert {(c.kind, c.detail) for c in store.choices()} >= {("ready", "dip_a_toe"), ("they_healed", ""),
                                                                 ("no_contact_days", "30")}
    at.switch_page("app.py").run()
    assert YOUR_STAGES[2].next_step in texts(at) and "Not yet" not in texts(at)


def test_your_journey_offers_the_very_measure_home_says_is_missing(db_path):
    with file_at(db_path) as store:
        record_diagnostic(store, DiagnosticAnswers(YES))
        store.add_checkin(CheckIn(30, "dip_a_toe", 3))
    at = open_page("pages/5_Your_journey.py")
    assert "ready by the measure of Defining yourself without them" in at.button(key="ready.before").label
    at.button(key="ready.before").click().run()
    with file_at(db_path) as store:
        assert [(c.kind, c.detail) for c in store.choices()] == [("ready", "defining_yourself")]
    at.switch_page("app.py").run()
    assert "You haven't yet said you're ready" not in texts(at)


def test_a_message_sent_after_their_no_gets_a_kind_word_not_a_green_tick(db_path):
    with file_at(db_path) as store:
        record_diagnostic(store, DiagnosticAnswers({**YES, "they_want": "no"}))
    at = open_page("pages/3_Contact_log.py")
    at.radio(key="co.new.initiator").set_value("me").run()
    at.button(key="co.save").click().run()
    assert [i.value for i in at.info] == [words.CONTACT_AFTER_NO] and not at.success
    at.selectbox(key="co.new.response").set_value("asked_stop").run()
    at.button(key="co.save").click().run()
    assert words.ASKED_STOP_SAVED in [i.value for i in at.info]
