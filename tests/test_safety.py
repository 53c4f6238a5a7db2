"""Safety mode holds: decided from everything stored, lifted only by the person's own choice."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from reunion_core.content import QUICK_EXIT_DEFAULT, RECONNECTION_ADVICE
from reunion_core.errors import ValidationError
from reunion_core.records import (
    CheckIn,
    DiagnosticAnswers,
    SafetyEvent,
    SafetyPlan,
    Verdict,
    local_now,
    valid_exit_url,
)
from reunion_core.safety import safety_state
from reunion_core.store import Store
from reunion_core.transfer import export_json
from reunion_core.views import (
    choose_safety,
    delete_entry,
    import_export,
    preferences,
    progress_between,
    record_diagnostic,
    safety,
    save_preferences,
)

NOW = local_now()
CLEAN = DiagnosticAnswers(answers={"why_ended": "communication", "your_role": "half", "pattern": "no",
                                   "why_back": "both_changed", "they_want": "yes", "what_different": "concrete"})


def afraid(days_ago: int = 7):
    return DiagnosticAnswers(safety=("afraid",)), NOW - timedelta(days=days_ago)


def test_a_later_run_without_ticks_does_not_undo_an_earlier_yes(store):
    answers, at = afraid()
    record_diagnostic(store, answers, at=at)
    later = record_diagnostic(store, CLEAN)
    assert later.assessment.verdict is Verdict.PROCEED_WITH_CARE  # the run itself is what was answered
    state = safety(store)
    assert state.on and state.given == {"afraid": at} and state.since == at


def test_deleting_the_run_with_the_yes_keeps_safety_mode_on(store):
    run = record_diagnostic(store, *afraid())
    delete_entry(store, "diagnostic", run.id)
    assert store.diagnostic_runs() == []
    assert safety(store).on  # recorded as the person's standing choice, never lifted silently
    assert [e.kind for e in store.safety_events()] == ["on"]


def test_deleting_a_run_without_safety_answers_records_nothing(store):
    run = record_diagnostic(store, CLEAN)
    delete_entry(store, "diagnostic", run.id)
    assert store.safety_events() == [] and not safety(store).on


def test_only_a_deliberate_choice_lifts_it_and_one_click_brings_it_back(store):
    record_diagnostic(store, *afraid())
    choose_safety(store, "lifted")
    state = safety(store)
    assert not state.on and state.lifted_at is not None and "afraid" in state.given
    choose_safety(store, "on")  # in the same second as the lift: the order of the choices holds
    assert safety(store).on
    choose_safety(store, "lifted")
    assert not safety(store).on


def test_a_new_yes_after_a_lift_turns_it_on_again(store):
    record_diagnostic(store, *afraid(days_ago=30))
    choose_safety(store, "lifted")
    assert not safety(store).on
    record_diagnostic(store, DiagnosticAnswers(safety=("following",)))
    assert safety(store).on


def test_choking_a_weapon_or_a_threat_to_kill_is_marked_as_danger(store):
    record_diagnostic(store, DiagnosticAnswers(safety=("put_downs",)))
    assert safety(store).on and not safety(store).danger
    record_diagnostic(store, DiagnosticAnswers(safety=("choked",)))
    assert safety(store).danger


def test_it_can_be_turned_on_without_any_answer(store):
    choose_safety(store, "on")
    assert safety(store).on and safety(store).given == {}


def test_the_rule_is_the_same_whatever_order_the_records_come_in():
    runs_and_events = safety_state([], [SafetyEvent("on", NOW, "2"), SafetyEvent("lifted", NOW, "1")])
    assert runs_and_events.on  # "on" was chosen after the lift, in the same second


def test_an_import_claiming_a_milder_verdict_is_assessed_again(store, tmp_path):
    doc = {"format": "take-two-export", "version": 2, "checkins": [], "contacts": [], "safety_events": [],
           "safety_plan": None, "diagnostics": [{
               "id": "forged", "created_at": (NOW - timedelta(days=1)).isoformat(), "answers": {},
               "reflections": {}, "pause_signs": [], "red_flags": [], "safety": ["afraid"],
               "verdict": "proceed_with_care", "reasons": []}]}
    import_export(store, json.dumps(doc).encode())
    [run] = store.diagnostic_runs()
    assert run.assessment.verdict is Verdict.SAFETY_FIRST
    assert safety(store).on


def test_an_import_cannot_turn_safety_mode_off(store):
    record_diagnostic(store, *afraid())
    forged = {"format": "take-two-export", "version": 2, "checkins": [], "contacts": [], "diagnostics": [],
              "safety_plan": None,
              "safety_events": [{"id": "zzzz", "at": NOW.isoformat(), "kind": "lifted"}]}
    imported = import_export(store, json.dumps(forged).encode())
    assert imported.kept_safety_on
    assert safety(store).on


def test_the_lift_and_the_plan_travel_with_an_export(store, tmp_path):
    record_diagnostic(store, *afraid())
    choose_safety(store, "lifted")
    store.save_safety_plan(SafetyPlan(people="Sam 555-0100", code_word="pineapple", to_take="passport"))
    exported = export_json(store)
    fresh = Store.open(tmp_path / "fresh.duckdb")
    try:
        imported = import_export(fresh, exported)
        assert imported.added["diagnostic"] == 1 and not imported.kept_safety_on
        assert not safety(fresh).on and safety(fresh).lifted_at == safety(store).lifted_at
        plan = fresh.safety_plan()
        assert (plan.people, plan.code_word, plan.to_take) == ("Sam 555-0100", "pineapple", "passport")
        assert export_json(fresh) == exported
    finally:
        fresh.close()


def test_an_imported_plan_never_overwrites_the_one_here(store, tmp_path):
    other = Store.open(tmp_path / "other.duckdb")
    other.save_safety_plan(SafetyPlan(code_word="from the file"))
    exported = export_json(other)
    other.close()
    store.save_safety_plan(SafetyPlan(code_word="mine"))
    import_export(store, exported)
    assert store.safety_plan().code_word == "mine"


def test_a_safety_plan_refuses_huge_text_and_keeps_the_old_one(store):
    store.save_safety_plan(SafetyPlan(people="Ana"))
    with pytest.raises(ValidationError):
        store.save_safety_plan(SafetyPlan(people="x" * 10_001))
    assert store.safety_plan().people == "Ana"


def test_a_check_in_about_you_only_counts_for_mood_not_for_their_side(store):
    store.add_checkin(CheckIn(None, None, 1, note="hard day"))
    store.add_checkin(CheckIn(40, "dip_a_toe", 3, at=NOW - timedelta(days=1)))
    view = progress_between(store, NOW.date() - timedelta(days=3), NOW.date())
    assert [p.mean for p in view.openness] == [40]
    assert sorted(p.mean for p in view.moods) == [1, 3]
    with pytest.raises(ValidationError):
        store.add_checkin(CheckIn(None, "dip_a_toe", 3))  # half a check-in is not one


def test_in_safety_mode_progress_draws_no_chart_of_their_side(store):
    store.add_checkin(CheckIn(70, "reboot_date", 3))
    record_diagnostic(store, DiagnosticAnswers(safety=("monitored",)))
    view = progress_between(store, NOW.date() - timedelta(days=3), NOW.date(), safety_on=True)
    titles = [c.figure["layout"]["title"]["text"] for c in view.charts]
    assert titles[:3] == ["Your mood over time", "Diagnostic verdicts over time", "Contacts per day"]
    assert titles[3].startswith("Your mood, day by day") and titles[4:] == ["Your mood around contact"]
    assert list(view.sections) == ["you", "reaching", "year"]  # no part of Progress about their side


def test_the_list_of_reconnection_advice_covers_every_kind():
    assert "Send one light, low-stakes message, and expect nothing back." in RECONNECTION_ADVICE
    assert "Give space. Work on yourself; pushing now only raises the wall." in RECONNECTION_ADVICE
    assert any(text.startswith("Say \"I feel") for text in RECONNECTION_ADVICE)
    assert len(RECONNECTION_ADVICE) == len(set(RECONNECTION_ADVICE)) >= 40


@pytest.mark.parametrize("url", ["https://www.bbc.co.uk/weather", "https://weather.com/"])
def test_a_quick_exit_page_may_be_any_plain_https_address(url):
    assert valid_exit_url(url) == url


@pytest.mark.parametrize("url", ["http://example.com", "javascript:alert(1)", "https://127.0.0.1:8501/",
                                 "https://localhost/x", "https://a b", "https://evil.test/\"><script>", "", "ftp://x"])
def test_a_quick_exit_page_that_is_not_a_plain_https_address_elsewhere_is_refused(url):
    with pytest.raises(ValidationError):
        valid_exit_url(url)


def test_preferences_default_to_plain_and_a_weather_page(store):
    assert (preferences(store).discreet, preferences(store).exit_url) == (False, QUICK_EXIT_DEFAULT)
    save_preferences(store, True, "https://weather.com/")
    assert (preferences(store).discreet, preferences(store).exit_url) == (True, "https://weather.com/")
