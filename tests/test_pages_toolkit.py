"""The Toolkit on screen: each tool's form saves, refuses bad input plainly keeping what was typed, and
the page follows the path (safety, a no, a boundary: only the pause)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from reunion_core import content as words
from reunion_core.records import CheckIn, DiagnosticAnswers, ToolEntry
from reunion_core.views import choose_safety, record_diagnostic
from tests.test_pages import file_at, open_page, texts
from ui import widgets

YES = {"why_ended": "communication", "your_role": "half", "pattern": "no", "why_back": "both_changed",
       "they_want": "yes", "what_different": "some"}
TODAY = date.today()


def toolkit(db_path, tool: str | None = None):
    with file_at(db_path) as store:
        if not store.diagnostic_runs():
            record_diagnostic(store, DiagnosticAnswers(YES))
    at = open_page("pages/8_Toolkit.py")
    if tool:
        at.segmented_control(key="tk.tool").set_value(tool).run()
    return at


def saved(db_path, kind: str) -> list[ToolEntry]:
    with file_at(db_path) as store:
        return [e for e in store.tool_entries() if e.kind == kind]


def test_evidence_of_change_is_linked_to_the_reason_and_home_counts_what_is_still_open(db_path):
    at = toolkit(db_path, "different")
    assert "1 of 1 reason it ended still has no evidence" in texts(at)
    at.button(key="tk.evidence.save").click().run()  # empty: said, nothing written
    assert "What happened can't be empty" in texts(at) or "can't be empty" in texts(at)
    assert saved(db_path, "evidence") == []
    at.text_area(key="tk.evidence.text").input("We talked about money, calmly.").run()
    at.text_area(key="tk.evidence.text").input("We talked about money, calmly.").run()
    at.date_input(key="tk.evidence.day").set_value(TODAY + timedelta(days=5)).run()  # typed, not picked
    at.button(key="tk.evidence.save").click().run()
    assert "The day is in the future" in texts(at) and saved(db_path, "evidence") == []
    at.date_input(key="tk.evidence.day").set_value(TODAY).run()
    at.text_area(key="tk.evidence.text").input("x" * 10_001).run()
    at.button(key="tk.evidence.save").click().run()
    assert "the limit is 10,000" in texts(at) and saved(db_path, "evidence") == []
    assert at.text_area(key="tk.evidence.text").value == "x" * 10_001  # kept, to shorten
    at.text_area(key="tk.evidence.text").input("We talked about money, calmly.").run()
    at.date_input(key="tk.evidence.day").set_value(TODAY - timedelta(days=2)).run()
    at.button(key="tk.evidence.save").click().run()
    [e] = saved(db_path, "evidence")
    assert e.ref == "communication" and e.day == TODAY - timedelta(days=2)
    assert at.text_area(key="tk.evidence.text").value == ""  # blank for the next one
    at.text_input(key="tk.reason.text").input("We stopped making time for each other").run()
    at.button(key="tk.reason.save").click().run()
    assert "1 of 2 reasons it ended still has no evidence" in texts(at)
    [own] = saved(db_path, "reason")
    at.selectbox(key="tk.evidence.reason").set_value(own.id).run()
    at.text_area(key="tk.evidence.text").input("We cooked together on Sunday.").run()
    at.button(key="tk.evidence.save").click().run()
    assert sorted(e.ref for e in saved(db_path, "evidence")) == sorted(["communication", own.id])
    assert "Every reason it ended has some evidence of change" in texts(at)
    with file_at(db_path) as store:  # the last piece of evidence for the first reason, gone: it is open again
        store.delete("toolkit", next(e.id for e in store.tool_entries() if e.ref == "communication"))
    home = open_page("app.py")
    assert "1 reason it ended has no evidence of change yet" in [link.proto.label for link in home.get("page_link")]


def test_a_boundary_kept_and_broken_twice_becomes_a_red_flag_with_its_days(db_path):
    at = toolkit(db_path, "boundaries")
    at.text_input(key="tk.boundary.wording").input("x" * 301).run()
    at.button(key="tk.boundary.save").click().run()
    assert "keep it under 300" in texts(at) and saved(db_path, "boundary") == []
    at.text_input(key="tk.boundary.wording").input("We don't bring up old fights by text.").run()
    at.button(key="tk.boundary.save").click().run()
    assert [b.fields["wording"] for b in saved(db_path, "boundary")] == ["We don't bring up old fights by text."]
    at.button(key="tk.event.save").click().run()  # kept or broken not chosen
    assert "Please answer: Was it kept?" in texts(at) and saved(db_path, "boundary_event") == []
    for kept, days_ago in ((True, 9), (False, 5), (False, 1)):
        at.radio(key="tk.event.kept").set_value(kept).run()
        at.date_input(key="tk.event.day").set_value(TODAY - timedelta(days=days_ago)).run()
        at.button(key="tk.event.save").click().run()
        assert not at.exception
    assert len(saved(db_path, "boundary_event")) == 3
    assert "Kept 1 time, broken 2 times" in texts(at)
    assert "Boundaries you agreed are not being kept" in texts(at)
    dx = open_page("pages/1_Diagnostic.py")
    dx.session_state["dx.step"] = 3
    dx.run()
    assert "Boundaries you agreed are not being kept" in texts(dx)  # from the logs, not a tick box
    assert "dx.flag.boundaries_broken" not in [c.key for c in dx.checkbox]


def test_a_draft_is_held_a_day_with_gentle_hints_and_nothing_is_sent(db_path):
    at = toolkit(db_path, "words")
    at.button(key="tk.draft.save").click().run()
    assert "Write at least one part" in texts(at)
    at.text_input(key="tk.draft.feel").input("hurt").run()
    at.text_input(key="tk.draft.when").input("you always cancel").run()
    assert words.DRAFT_HINTS["always_never"] in texts(at)
    assert widgets.escape("I feel hurt when you always cancel, and I need ___.") in texts(at)
    at.button(key="tk.draft.save").click().run()
    [draft] = saved(db_path, "draft")
    assert "Held until" in texts(at) and "Nothing was sent" in texts(at)
    with file_at(db_path) as store:  # a draft from yesterday is ready to reread
        store.add_tool_entry(ToolEntry("draft", {"feel": "calm", "when": "we talk", "need": "more"},
                                       at=datetime.now() - timedelta(hours=25)))
    at = toolkit(db_path, "words")
    assert words.WORDS_READY in texts(at)


def test_a_micro_date_is_planned_then_debriefed(db_path):
    at = toolkit(db_path, "dates")
    at.text_input(key="tk.date.what").input("A 20-minute coffee").run()
    at.date_input(key="tk.date.day").set_value(TODAY).run()
    at.button(key="tk.date.save").click().run()
    [plan] = saved(db_path, "date")
    assert plan.fields == {"what": "A 20-minute coffee", "minutes": 20}
    at.button(key="tk.debrief.save").click().run()  # nothing answered yet
    assert "Please answer: Did you feel safe?" in texts(at) and saved(db_path, "debrief") == []
    for key in ("safe", "myself"):
        at.radio(key=f"tk.debrief.{key}").set_value(True).run()
    for key in ("old_pattern", "past_came_up"):
        at.radio(key=f"tk.debrief.{key}").set_value(False).run()
    at.slider(key="tk.debrief.connected").set_value(7).run()
    at.button(key="tk.debrief.save").click().run()
    [d] = saved(db_path, "debrief")
    assert d.ref == plan.id and d.fields["connected"] == 7 and not at.exception
    assert "Connected 7/10" in texts(at)


def test_the_pause_runs_ten_minutes_and_what_you_chose_is_kept_kindly(db_path):
    at = toolkit(db_path, "pause")
    at.button(key="tk.urge.save").click().run()
    assert "Please answer: Are you ready?" in texts(at) and saved(db_path, "urge") == []
    at.text_area(key="tk.urge.why_now").input("It's 1 a.m. and I miss them.").run()
    at.radio(key="tk.urge.ready").set_value("no").run()
    at.button(key="tk.urge.save").click().run()
    assert "Your ten minutes end at" in texts(at) and "It's 1 a.m. and I miss them." in texts(at)
    at.radio(key="tk.outcome.chose").set_value("sent").run()
    at.button(key="tk.outcome.save").click().run()
    assert words.PAUSE_SENT in texts(at) and not at.success  # a restart point, never a green tick
    assert "You've paused 1 time. Pausing at all counts" in texts(at) and "0 of" not in texts(at)


def test_an_open_pause_comes_first_whatever_tool_was_open(db_path):
    with file_at(db_path) as store:
        store.add_tool_entry(ToolEntry("urge", {"why_now": "", "want": "", "ready": "not_sure"}))
    at = toolkit(db_path)
    assert at.segmented_control(key="tk.tool").value == "pause" and "Your ten minutes end at" in texts(at)


@pytest.mark.parametrize("path", ["safety", "no", "boundary"])
def test_off_the_reconnection_path_only_the_pause_remains(db_path, path):
    with file_at(db_path) as store:
        if path == "safety":
            choose_safety(store, "on")
        elif path == "no":
            record_diagnostic(store, DiagnosticAnswers({**YES, "they_want": "no"}))
        else:
            store.add_checkin(CheckIn(10, "bubble_space", 2, ("asked_no_contact",)))
    at = toolkit(db_path)
    assert words.TOOLKIT_ABOUT_YOU in texts(at) and not at.get("segmented_control")
    assert words.PAUSE_HELP in texts(at)
    assert not any(t in texts(at) for t in (words.BOUNDARIES_HELP, words.DATES_HELP, words.WORDS_HELP))
    if path == "safety":
        assert words.PAUSE_READY_SAFETY in [r.label for r in at.radio]


def test_a_toolkit_entry_can_be_deleted_on_your_data_with_what_belongs_to_it(db_path):
    with file_at(db_path) as store:
        b = store.add_tool_entry(ToolEntry("boundary", {"wording": "No texts after ten."}))
        store.add_tool_entry(ToolEntry("boundary_event", {"kept": False, "note": "a late text, secret words"}, ref=b.id))
        store.add_tool_entry(ToolEntry("draft", {"feel": "hurt", "when": "", "need": ""}))
    at = open_page("pages/7_Your_data.py")
    at.segmented_control(key="data.kind").set_value("toolkit").run()
    labels = at.selectbox(key="data.entry.toolkit").options
    assert any("Boundary · No texts after ten." in label for label in labels)
    at.selectbox(key="data.entry.toolkit").set_value(b.id).run()
    at.button(key="data.delete_one").click().run()
    assert not at.exception
    with file_at(db_path) as store:
        assert [e.kind for e in store.tool_entries()] == ["draft"]  # its events went with it
    assert b"secret words" not in db_path.read_bytes()


def test_a_date_where_you_did_not_feel_safe_turns_take_two_to_safety_first(db_path):
    with file_at(db_path) as store:
        store.add_tool_entry(ToolEntry("date", {"what": "Coffee", "minutes": 20}, TODAY))
    at = toolkit(db_path, "dates")
    at.radio(key="tk.debrief.safe").set_value(False).run()
    for key in ("myself", "old_pattern", "past_came_up"):
        at.radio(key=f"tk.debrief.{key}").set_value(False).run()
    at.button(key="tk.debrief.save").click().run()
    assert words.DEBRIEF_UNSAFE in texts(at) and not at.success  # said, even with no date left to debrief
    with file_at(db_path) as store:
        from reunion_core.views import safety

        assert safety(store).on
    tk_page = open_page("pages/8_Toolkit.py")
    assert words.TOOLKIT_ABOUT_YOU in texts(tk_page)  # only the pause now


def test_in_discreet_mode_the_toolkit_waits_behind_a_switch(db_path):
    from reunion_core.views import save_preferences

    with file_at(db_path) as store:
        save_preferences(store, True, "https://weather.com/")
        choose_safety(store, "on")
    at = open_page("pages/8_Toolkit.py")
    body = texts(at)
    assert words.PAUSE_HELP not in body and words.TOOLKIT_ABOUT_YOU not in body and "them" not in body
    at.toggle(key="tk.reveal").set_value(True).run()
    assert words.PAUSE_HELP in texts(at)


def test_a_retake_that_changes_why_it_ended_keeps_the_evidence_in_sight(db_path):
    with file_at(db_path) as store:
        record_diagnostic(store, DiagnosticAnswers(YES), at=datetime.now() - timedelta(days=3))
        store.add_tool_entry(ToolEntry("evidence", {"text": "a calm talk"}, TODAY, "communication"))
        record_diagnostic(store, DiagnosticAnswers({**YES, "why_ended": "grew_apart"}))
    at = toolkit(db_path, "different")
    assert "We grew apart" in texts(at) and "We stopped communicating well" in texts(at)
    assert "a calm talk" in texts(at)
