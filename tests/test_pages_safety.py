"""Safety mode on every screen, under AppTest: no reconnection advice anywhere (closed expanders,
hidden tabs, labels and options included), the deliberate way out and back, discreet mode."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from google.protobuf.message import Message

from reunion_core.content import (
    DISCREET_BANNER,
    DISCREET_NAME,
    DISCREET_SCREENS,
    RECONNECTION_ADVICE,
    SCREENS,
)
from reunion_core.demo import generate
from reunion_core.records import CheckIn, DiagnosticAnswers
from reunion_core.views import choose_safety, record_diagnostic, safety, save_preferences
from tests.test_pages import PAGES, file_at, open_page, texts

SCREEN_OF = {"app.py": "home", "pages/1_Diagnostic.py": "diagnostic", "pages/2_Check_in.py": "check_in",
             "pages/3_Contact_log.py": "contact_log", "pages/4_Progress.py": "progress",
             "pages/5_Your_journey.py": "journey", "pages/6_Safety_and_help.py": "safety",
             "pages/7_Your_data.py": "data", "pages/8_Toolkit.py": "toolkit"}


def _strings(message: Message):
    for field, value in message.ListFields():
        values = value if getattr(field, "is_repeated", False) or not isinstance(value, Message | str) and hasattr(value, "__len__") else [value]
        for v in values:
            if isinstance(v, Message):
                yield from _strings(v)
            elif isinstance(v, str):
                yield v


def every_string(at) -> str:
    """Every string the app sent for this page: text, labels, help, options, hidden tabs, charts."""
    protos = [node.proto for node in at._tree if isinstance(getattr(node, "proto", None), Message)]
    return "\n".join(s for proto in protos for s in _strings(proto))


@pytest.fixture(scope="module")
def ten_years_in_safety_mode(tmp_path_factory):
    path = tmp_path_factory.mktemp("safe") / "ten.duckdb"
    generate(path, years=10, seed=1)
    with file_at(path) as store:
        record_diagnostic(store, DiagnosticAnswers(safety=("afraid",)), at=datetime.now() - timedelta(days=40))
        record_diagnostic(store, DiagnosticAnswers(answers={  # a later, hurried run with no tick
            "why_ended": "communication", "your_role": "half", "pattern": "no", "why_back": "both_changed",
            "they_want": "yes", "what_different": "concrete"}))
    return path


@pytest.mark.parametrize("page", PAGES)
def test_no_reconnection_advice_on_any_page_in_safety_mode(page, ten_years_in_safety_mode, monkeypatch):
    monkeypatch.setenv("REUNION_DB_PATH", str(ten_years_in_safety_mode))
    at = open_page(page)
    sent = every_string(at)
    shown = [advice for advice in RECONNECTION_ADVICE if advice in sent]
    assert shown == []
    if page != "pages/6_Safety_and_help.py":
        assert "reconnection advice is hidden" in sent and "800‑799‑7233" in sent


def test_the_checker_sees_advice_when_safety_mode_is_off(ten_years_in_safety_mode, tmp_path, monkeypatch):
    """Without safety mode the same page shows advice: the test above can fail."""
    path = tmp_path / "plain.duckdb"
    generate(path, years=1, seed=1)
    monkeypatch.setenv("REUNION_DB_PATH", str(path))
    assert [a for a in RECONNECTION_ADVICE if a in every_string(open_page("pages/5_Your_journey.py"))]


def test_a_later_run_starts_with_the_earlier_safety_answers_ticked_and_dated(db_path):
    with file_at(db_path) as store:
        record_diagnostic(store, DiagnosticAnswers(safety=("afraid",)), at=datetime(2026, 5, 3, 10, 0))
    at = open_page("pages/1_Diagnostic.py")
    assert at.checkbox(key="dx.safety.afraid").value is True
    assert "You said this on 03 May 2026." in texts(at)
    assert at.checkbox(key="dx.safety.weapon").value is False


def test_a_danger_answer_says_call_your_emergency_number(db_path):
    at = open_page("pages/1_Diagnostic.py")
    at.checkbox(key="dx.safety.choked").check().run()
    assert "If you are in danger now, call your emergency number" in texts(at)


def test_the_check_in_in_safety_mode_asks_only_how_you_are(db_path):
    with file_at(db_path) as store:
        record_diagnostic(store, DiagnosticAnswers(safety=("monitored",)))
    at = open_page("pages/2_Check_in.py")
    assert not [s for s in at.slider if s.key == "ci.openness"] and not at.get("selectbox")
    at.text_area(key="ci.note").input("a hard day").run()
    at.button(key="ci.save").click().run()
    with file_at(db_path) as store:
        [saved] = store.checkins()
    assert (saved.openness, saved.your_stage, saved.note) == (None, None, "a hard day")


def test_the_way_out_is_deliberate_and_the_way_back_is_one_click(db_path):
    with file_at(db_path) as store:
        record_diagnostic(store, DiagnosticAnswers(safety=("afraid",)), at=datetime.now() - timedelta(minutes=1))
    at = open_page("pages/6_Safety_and_help.py")
    assert at.button(key="safety.lift").disabled  # not before the person says they chose it
    at.checkbox(key="safety.understood").check().run()
    at.button(key="safety.lift").click().run()
    with file_at(db_path) as store:
        assert safety(store).on  # one press is not enough
    at.button(key="safety.lift_yes").click().run()
    assert not at.exception
    with file_at(db_path) as store:
        assert not safety(store).on
    assert "Safety mode is off since" in texts(at)
    at.button(key="safety.on").click().run()
    with file_at(db_path) as store:
        assert safety(store).on and [e.kind for e in store.safety_events()] == ["lifted", "on"]


def test_a_safety_plan_is_saved_from_the_page(db_path):
    at = open_page("pages/6_Safety_and_help.py")
    at.text_area(key="safety.plan.code_word").input("pineapple").run()
    at.switch_page("pages/2_Check_in.py").run()  # what was typed survives a page switch
    at.switch_page("pages/6_Safety_and_help.py").run()
    assert at.text_area(key="safety.plan.code_word").value == "pineapple"
    at.button(key="safety.plan.save").click().run()
    with file_at(db_path) as store:
        assert store.safety_plan().code_word == "pineapple"


@pytest.mark.parametrize("page", PAGES)
def test_discreet_mode_gives_every_page_a_plain_name(page, db_path):
    with file_at(db_path) as store:
        save_preferences(store, True, "https://weather.com/")
        choose_safety(store, "on")
    at = open_page(page)
    assert at.title[0].value == DISCREET_SCREENS[SCREEN_OF[page]]
    sidebar = [link.proto.label for link in at.sidebar.get("page_link")]
    assert set(sidebar) <= {*DISCREET_SCREENS.values(), "Help"}
    words = "\n".join(str(m.value) for m in at.sidebar.markdown) + "\n".join(str(c.value) for c in at.sidebar.caption)
    assert DISCREET_NAME in words and SCREENS["home"].title not in words and "Hotline" not in words
    if page != "pages/6_Safety_and_help.py":  # the banner names no abuse and no hotline in discreet mode
        body = texts(at)
        assert DISCREET_BANNER in body and "Safety mode is on" not in body
        if page not in ("pages/1_Diagnostic.py",):  # the questions page is where the verdict lives
            assert "abuse" not in body and "800‑799‑7233" not in body


def test_deleting_the_run_with_the_yes_on_your_data_keeps_safety_mode_on(db_path):
    with file_at(db_path) as store:
        run = record_diagnostic(store, DiagnosticAnswers(safety=("afraid",)), at=datetime.now() - timedelta(days=2))
    at = open_page("pages/7_Your_data.py")
    at.segmented_control(key="data.kind").set_value("diagnostic").run()
    at.selectbox(key="data.entry.diagnostic").set_value(run.id).run()
    assert "Deleting it does not turn safety mode off" in texts(at)
    at.button(key="data.delete_one").click().run()
    assert not at.exception
    with file_at(db_path) as store:
        assert store.diagnostic_runs() == [] and safety(store).on
    at.switch_page("app.py").run()
    assert "reconnection advice is hidden" in texts(at)


def test_a_very_low_check_in_gets_a_kind_reply_with_a_crisis_line(db_path):
    at = open_page("pages/2_Check_in.py")
    at.select_slider(key="ci.mood").set_value(1).run()
    at.text_area(key="ci.note").input("I feel stupid").run()
    at.button(key="ci.save").click().run()
    body = texts(at)
    assert "really hard day" in body and "988" in body
    assert "Check-in saved" not in body and not at.success


def test_in_safety_mode_the_diagnostic_asks_only_about_safety(db_path):
    with file_at(db_path) as store:
        record_diagnostic(store, DiagnosticAnswers(safety=("afraid",)), at=datetime.now() - timedelta(days=3))
    at = open_page("pages/1_Diagnostic.py")
    assert not at.radio and "why do you want" not in texts(at).lower()
    assert at.checkbox(key="dx.safety.afraid").value is True
    at.button(key="dx.save").click().run()
    assert at.header[0].value == "Your verdict" and "Safety first" in texts(at)


@pytest.mark.parametrize("discreet", [True, False])
def test_in_discreet_mode_a_saved_verdict_waits_behind_a_switch(db_path, discreet):
    from reunion_core.records import Verdict

    with file_at(db_path) as store:
        save_preferences(store, discreet, "https://weather.com/")
        record_diagnostic(store, DiagnosticAnswers(safety=("afraid",)))
    at = open_page("pages/1_Diagnostic.py")
    said = Verdict.SAFETY_FIRST.explanation[:40]
    if not discreet:  # shown under the form, as always
        assert said in texts(at) and not at.get("toggle")
        return
    assert said not in texts(at) and Verdict.SAFETY_FIRST.label not in texts(at)
    at.toggle(key="dx.reveal").set_value(True).run()
    assert said in texts(at) and not at.exception


@pytest.mark.parametrize("discreet", [True, False])
def test_in_discreet_mode_progress_keeps_a_safety_first_verdict_behind_a_switch(db_path, discreet):
    """Alex's sibling opens Progress → You: no chart with "Safety first" on its axis until Alex asks."""
    from reunion_core.records import Verdict
    from tests.test_voice import shown

    with file_at(db_path) as store:
        save_preferences(store, discreet, "https://weather.com/")
        record_diagnostic(store, DiagnosticAnswers(safety=("afraid",)), datetime.now() - timedelta(days=1))
        store.add_checkin(CheckIn(None, None, 3, ()))
    at = open_page("pages/4_Progress.py")
    if (part := [w for w in at.get("button_group") if w.key == "pr.section"]):
        part[0].set_value("you").run()
    label = Verdict.SAFETY_FIRST.label
    assert (label in shown(at)) is not discreet
    if discreet:
        at.toggle(key=next(t.key for t in at.toggle if t.key.startswith("pr.reveal."))).set_value(True).run()
        assert label in shown(at) and not at.exception


def test_once_a_safety_answer_is_ticked_saving_is_the_one_main_button(db_path):
    """Alex ticks "choked": the danger words and Save come first; Next is no longer the main button."""
    at = open_page("pages/1_Diagnostic.py")
    assert at.button(key="dx.next").proto.type == "primary"
    at.checkbox(key="dx.safety.choked").check().run()
    assert at.button(key="dx.next").proto.type == "secondary"
    assert at.button(key="dx.save").proto.type == "primary"
