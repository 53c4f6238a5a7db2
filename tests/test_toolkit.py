"""The reconnection toolkit's rules and entries: what each tool keeps, refuses and works out."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from reunion_core import toolkit as tk
from reunion_core.content import DRAFT_HINTS, MAX_TEXT, TOOLS
from reunion_core.errors import ValidationError
from reunion_core.records import ToolEntry, local_now, valid_tool_entry
from reunion_core.transfer import export_json, import_bundle, read_export

NOW = local_now()
TODAY = NOW.date()


def entry(kind, fields, day=None, ref="", at=None, id_=None):
    return valid_tool_entry(ToolEntry(kind, fields, day, ref, at, id_ or f"{kind}-{day}-{ref}-{len(str(fields))}"), NOW)


@pytest.mark.parametrize(("kind", "fields", "day", "ref", "message"), [
    ("evidence", {"text": ""}, None, "communication", "can't be empty"),
    ("evidence", {"text": "   "}, None, "communication", "can't be empty"),
    ("evidence", {"text": "x" * (MAX_TEXT + 1)}, None, "communication", "the limit is"),
    ("evidence", {"text": "we talked"}, TODAY + timedelta(days=3), "communication", "in the future"),
    ("evidence", {"text": "we talked"}, None, "", "Choose what this belongs to"),
    ("boundary", {"wording": "x" * 301}, None, "", "keep it under 300"),
    ("boundary_event", {"kept": None, "note": ""}, None, "b1", "Please answer: Was it kept"),
    ("draft", {"feel": "", "when": "", "need": ""}, None, "", "at least one part"),
    ("date", {"what": "coffee", "minutes": 500}, None, "", "from 5 to 240"),
    ("date", {"what": "coffee", "minutes": 20}, TODAY + timedelta(days=400), "", "in the future"),
    ("debrief", {"safe": True, "myself": True, "old_pattern": False, "past_came_up": False, "connected": 11,
                 "note": ""}, None, "d1", "from 0 to 10"),
    ("urge", {"why_now": "", "want": "", "ready": None}, None, "", "Please answer: Are you ready"),
    ("urge_outcome", {"chose": "shouted", "note": ""}, None, "u1", "Please answer: What did you choose"),
    ("urge", {"why_now": "", "want": "", "ready": "no", "sneaky": 1}, None, "", "doesn't know"),
    ("spell", {}, None, "", "Unknown kind"),
    ("reason", {"text": "x"}, None, "r" * 10_000, "belongs to nothing else"),
    ("evidence", {"text": "x"}, None, "r" * 65, "Choose what this belongs to"),
], ids=["empty", "blank", "too-long", "future", "no-link", "long-boundary", "kept-unanswered", "empty-draft",
        "long-date", "date-too-far", "connected-11", "ready-unanswered", "unknown-outcome", "extra-field",
        "unknown-kind", "forged-ref", "long-ref"])
def test_each_tool_refuses_what_it_cannot_keep_in_plain_words(kind, fields, day, ref, message):
    with pytest.raises(ValidationError, match=message):
        valid_tool_entry(ToolEntry(kind, fields, day, ref), NOW)


def test_a_date_may_be_planned_ahead_and_anything_else_only_today_or_before():
    assert entry("date", {"what": "coffee", "minutes": 20}, TODAY + timedelta(days=30)).day == TODAY + timedelta(days=30)
    assert entry("evidence", {"text": "calm talk"}, TODAY, "communication").day == TODAY
    assert entry("reason", {"text": "We stopped making time"}).day == TODAY  # the day it was written


def test_each_reason_it_ended_collects_its_evidence_and_counts_as_open_without_any():
    own = entry("reason", {"text": "We stopped making time"}, id_="own")
    found = tk.reasons([("communication", "We stopped communicating well")], [
        own,
        entry("evidence", {"text": "calm talk about money"}, TODAY - timedelta(days=3), "communication"),
        entry("evidence", {"text": "they listened"}, TODAY - timedelta(days=1), "communication"),
        entry("evidence", {"text": "about someone else's reason"}, TODAY, "elsewhere"),
    ])
    assert [(r.key, r.text) for r in found] == [("communication", "We stopped communicating well"),
                                                ("own", "We stopped making time")]
    assert [e.fields["text"] for e in found[0].evidence] == ["they listened", "calm talk about money"]  # newest first
    assert tk.open_reasons(found) == 1 and tk.open_reasons(tk.reasons([], [])) == 0


def _event(kept, days_ago, ref="b1"):
    return entry("boundary_event", {"kept": kept, "note": ""}, TODAY - timedelta(days=days_ago), ref,
                 id_=f"e-{kept}-{days_ago}-{ref}")


def _debrief(past, days_ago, ref="d1"):
    fields = {"safe": True, "myself": True, "old_pattern": False, "past_came_up": past, "connected": 6, "note": ""}
    return entry("debrief", fields, TODAY - timedelta(days=days_ago), ref, id_=f"q-{past}-{days_ago}-{ref}")


def test_boundaries_count_kept_and_broken_with_the_days():
    b = entry("boundary", {"wording": "No texts after ten"}, id_="b1")
    [found] = tk.boundaries([b, _event(True, 9), _event(False, 5), _event(False, 2), _event(True, 1, "other")])
    assert (found.kept, found.broken, found.broken_on) == (1, 2, (TODAY - timedelta(days=5), TODAY - timedelta(days=2)))


def test_red_flags_come_from_the_logs_with_their_days_and_only_recent_ones():
    mostly_kept = [_event(True, d) for d in range(1, 10)] + [_event(False, 4)]
    assert tk.red_flags_from_data(mostly_kept, TODAY) == []  # one slip among many kept is not a pattern
    assert tk.red_flags_from_data([_event(False, 1)], TODAY) == []  # nor one slip right after agreeing
    mostly_broken = [_event(False, 3), _event(False, 8), _event(True, 20)]
    [flag] = tk.red_flags_from_data(mostly_broken, TODAY)
    assert flag.key == "boundaries_broken" and flag.days == (TODAY - timedelta(days=8), TODAY - timedelta(days=3))
    long_ago = [_event(False, 200), _event(False, 190), _debrief(True, 150), _debrief(True, 140)]
    assert tk.red_flags_from_data(long_ago, TODAY) == []
    assert tk.red_flags_from_data([_debrief(True, 3)], TODAY) == []  # once is a moment, not "can't let it lie"
    [past] = tk.red_flags_from_data([_debrief(True, 10), _debrief(False, 6), _debrief(True, 2)], TODAY)
    assert past.key == "past_kept_alive" and len(past.days) == 2
    dates = [entry("date", {"what": "coffee", "minutes": 20}, TODAY - timedelta(days=d), id_=f"date{d}") for d in (8, 3)]
    written_today = [_debrief(True, 0, "date8"), _debrief(True, 0, "date3")]  # debriefed later than the dates
    [past] = tk.red_flags_from_data(dates + written_today, TODAY)
    assert past.days == (TODAY - timedelta(days=8), TODAY - timedelta(days=3))  # the dates' own days


@pytest.mark.parametrize(("feel", "when", "need", "hints"), [
    ("hurt", "plans change at the last minute", "to hear early", []),
    ("hurt", "you always cancel", "you to stop", ["always_never"]),
    ("that you don't care", "you never call", "you should call", ["always_never", "orders", "thought_not_feeling"]),
    ("angry", "you made me wait", "", ["cause_in_them"]),
    ("sad", "you act so selfish", "space", ["label"]),
])
def test_an_i_statement_gets_gentle_hints_away_from_blame(feel, when, need, hints):
    assert tk.hints(feel, when, need) == hints
    assert all(h in DRAFT_HINTS for h in hints)


def test_a_draft_waits_a_full_day_before_it_is_ready_to_reread():
    draft = entry("draft", {"feel": "hurt", "when": "plans change", "need": ""}, at=NOW - timedelta(hours=23, minutes=59))
    assert not tk.ready_to_reread(draft, NOW)
    assert tk.ready_to_reread(draft, NOW + timedelta(minutes=1))
    assert tk.sentence(draft.fields) == "I feel hurt when plans change, and I need ___."


def test_an_urge_pauses_ten_minutes_and_keeps_what_came_of_it():
    urge = entry("urge", {"why_now": "late", "want": "", "ready": "no"}, at=NOW - timedelta(minutes=4), id_="u1")
    assert tk.pause_left(urge, NOW) == timedelta(minutes=6)
    assert tk.pause_left(urge, NOW + timedelta(hours=1)) == timedelta(0)
    assert tk.pause_left(urge, NOW - timedelta(hours=1)) == tk.PAUSE  # a clock read early, or put back
    [open_] = tk.urges([urge])
    assert open_.outcome is None
    done = entry("urge_outcome", {"chose": "didnt_send", "note": ""}, ref="u1")
    [closed] = tk.urges([urge, done])
    assert closed.outcome.fields["chose"] == "didnt_send"


def test_only_the_pause_is_offered_off_the_reconnection_path():
    assert tk.tools_for(about_you_only=True) == ("pause",)
    assert tk.tools_for(about_you_only=False) == tuple(TOOLS)


def test_per_period_counts_urges_and_boundaries_by_week_and_month():
    monday = TODAY - timedelta(days=TODAY.weekday() + 7)
    events = [entry("boundary_event", {"kept": k, "note": ""}, monday + timedelta(days=d), "b1", id_=f"w{d}{k}")
              for d, k in ((0, True), (2, False), (6, True))]
    assert tk.per_period(events, "boundary_event", "kept", (True, False), "week", monday, TODAY) == [
        (monday, {True: 2, False: 1})]
    assert tk.per_period(events, "boundary_event", "kept", (True, False), "week", monday + timedelta(days=3),
                         TODAY) == [(monday, {True: 1, False: 0})]


def test_toolkit_entries_survive_export_and_import_with_their_links(store, tmp_path):
    from reunion_core.store import Store

    b = store.add_tool_entry(ToolEntry("boundary", {"wording": "No texts after ten"}, TODAY - timedelta(days=5)))
    store.add_tool_entry(ToolEntry("boundary_event", {"kept": False, "note": "a late text"}, TODAY, b.id))
    store.add_tool_entry(ToolEntry("date", {"what": "coffee", "minutes": 20}, TODAY + timedelta(days=2)))
    other = Store.open(tmp_path / "other" / "o.duckdb")
    try:
        import_bundle(other, read_export(export_json(store)))
        assert [(e.kind, e.fields, e.day, e.ref) for e in other.tool_entries()] == \
               [(e.kind, e.fields, e.day, e.ref) for e in store.tool_entries()]
        import_bundle(other, read_export(export_json(store)))
        assert len(other.tool_entries()) == 3  # known ids are skipped
    finally:
        other.close()


def test_the_demo_gives_every_tool_a_history(tmp_path):
    from reunion_core.demo import generate
    from reunion_core.store import Store

    generate(tmp_path / "demo" / "d.duckdb", years=2, seed=1)
    store = Store.open(tmp_path / "demo" / "d.duckdb")
    try:
        kinds = {e.kind for e in store.tool_entries()}
        assert kinds == {"reason", "evidence", "boundary", "boundary_event", "draft", "date", "debrief", "urge",
                         "urge_outcome"}
        assert any(e.kind == "date" and e.day > date.today() for e in store.tool_entries())  # one planned ahead
        assert any(e.kind == "urge_outcome" and e.fields["chose"] == "sent" for e in store.tool_entries())
    finally:
        store.close()


def test_an_entry_written_with_a_clock_put_back_still_imports(store):
    ahead = datetime.now().astimezone() + timedelta(days=90)
    doc = {"format": "take-two-export", "version": 4, "checkins": [], "contacts": [], "diagnostics": [],
           "safety_events": [], "safety_plan": None, "choices": [],
           "toolkit": [{"id": "x", "at": ahead.isoformat(), "kind": "reason", "day": ahead.date().isoformat(),
                        "ref": "", "fields": {"text": "written on a wrong clock"}}]}
    import json

    import_bundle(store, read_export(json.dumps(doc)))
    assert [e.fields["text"] for e in store.tool_entries()] == ["written on a wrong clock"]


def test_an_imported_date_debriefed_as_unsafe_turns_safety_first_on(store, tmp_path):
    from reunion_core.store import Store
    from reunion_core.views import import_export, safety

    other = Store.open(tmp_path / "other" / "o.duckdb")
    try:
        plan = other.add_tool_entry(ToolEntry("date", {"what": "coffee", "minutes": 20}, TODAY))
        other.add_tool_entry(ToolEntry("debrief", {"safe": False, "myself": False, "old_pattern": True,
                                                   "past_came_up": False, "connected": 1, "note": ""}, ref=plan.id))
        exported = export_json(other)
    finally:
        other.close()
    assert not safety(store).on
    import_export(store, exported)
    assert safety(store).on  # the same as one saved here
